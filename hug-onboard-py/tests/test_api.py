"""The Python surface: values, exceptions, the code catalogue, panics."""

from __future__ import annotations

import pickle
import re
import sys
from pathlib import Path

import pytest

import hug_onboard as h
from conftest import REPO_ROOT


def test_installed_wheel_is_what_is_tested() -> None:
    # The package must come from site-packages (the built wheel), not the source tree.
    assert "site-packages" in Path(h.__file__).parts
    assert Path(h._native.__file__).name.startswith("_native.abi3")


def test_version_matches_the_cargo_workspace() -> None:
    text = (REPO_ROOT / "Cargo.toml").read_text(encoding="utf-8")
    m = re.search(r'^version = "([^"]+)"', text, re.M)
    assert m is not None
    assert h.__version__ == m.group(1)


# --- FacilityNumber / Prefecture / UserId -------------------------------------------


def test_facility_number() -> None:
    n = h.FacilityNumber("１３１２３４５６７８")
    assert str(n) == "1312345678" == n.digits
    assert repr(n) == "FacilityNumber('1312345678')"
    assert n.prefecture == h.Prefecture.from_code("13")
    assert n.prefecture.name_ja == "東京都"
    assert n.prefecture.name("en") == "Tokyo"
    assert n == h.FacilityNumber("1312345678")
    assert hash(n) == hash(h.FacilityNumber(" 1312345678 "))
    assert h.FacilityNumber("0110000001") < n
    assert pickle.loads(pickle.dumps(n)) == n


def test_facility_number_errors_are_validation_errors() -> None:
    with pytest.raises(h.ValidationError) as info:
        h.FacilityNumber("12")
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, h.HugOnboardError)
    assert e.code == "facility.wrong_length"
    assert e.codes == ["facility.wrong_length"]
    assert "10桁" in e.message() and "10 digits" in e.message("en")
    assert e.message_ja == e.message("ja") and e.message_en == e.message("en")
    assert [v.code for v in e.violations] == ["facility.wrong_length"]
    assert str(e) == "[facility.wrong_length] A facility number has 10 digits (got 2)."
    d = e.to_dict()
    assert d["code"] == "facility.wrong_length" and d["type"] == "ValidationError"


@pytest.mark.parametrize("bad", ["", " ", "　", "\x00", "１" * 10_000, "\ufffd" * 10, "13\n12345678"])
def test_bad_facility_numbers_raise_validation_error(bad: str) -> None:
    with pytest.raises(h.ValidationError):
        h.FacilityNumber(bad)


@pytest.mark.parametrize("bad", ["", "　", "a\x00b", "x " * 5_000, "ユーザ"])
def test_bad_user_ids_raise_validation_error(bad: str) -> None:
    with pytest.raises(h.ValidationError):
        h.UserId(bad)


def test_lone_surrogate_is_a_coded_error_not_a_crash() -> None:
    # A str that is not valid Unicode cannot cross to Rust: a coded ValidationError (was pyo3's bare
    # UnicodeEncodeError); every text parameter is covered in test_text_args.py.
    with pytest.raises(h.ValidationError) as e:
        h.FacilityNumber("\ud800")
    assert e.value.code == "binding.invalid_text" and not isinstance(e.value, UnicodeError)


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        h.FacilityNumber(1312345678)  # type: ignore[arg-type]


def test_prefectures() -> None:
    all_ = h.Prefecture.all()
    assert len(all_) == 47
    assert [p.number for p in all_] == list(range(1, 48))
    assert h.Prefecture.from_number(47).name_ja == "沖縄県"
    assert int(h.Prefecture.from_number(13)) == 13
    assert str(h.Prefecture.from_number(1)) == "北海道"
    assert repr(h.Prefecture.from_number(27)) == "Prefecture(27, 'Osaka')"
    assert sorted(reversed(all_)) == all_
    for bad in ["00", "48", "1", "", "x" * 10_000]:
        with pytest.raises(h.ValidationError) as info:
            h.Prefecture.from_code(bad)
        assert info.value.code == "facility.unknown_prefecture"
    for n in [0, 48, -1, 2**70]:
        with pytest.raises((h.ValidationError, OverflowError)):
            h.Prefecture.from_number(n)


def test_user_id() -> None:
    u = h.UserId(" ＡＢ１２ ")
    assert str(u) == "AB12"
    assert repr(u) == "UserId('AB12')"
    assert h.UserId("ab") != h.UserId("AB")
    assert pickle.loads(pickle.dumps(u)) == u
    with pytest.raises(h.ValidationError) as info:
        h.UserId("AB 12")
    assert info.value.code == "user_id.invalid_char"


def test_invalid_lang_is_a_validation_error() -> None:
    with pytest.raises(h.ValidationError) as info:
        h.Prefecture.from_number(1).name("fr")
    # The core's code, the same in C (hug_lang_parse, a hug_lang out of range).
    assert info.value.code == "lang.unknown"
    assert info.value.findings[0].kind == "invalid_argument"


# --- findings, codes, exception mapping ---------------------------------------------


def test_finding() -> None:
    f = h.Finding("x.y", "日本語", "English", "warning")
    assert (f.code, f.severity, f.message(), f.message("en")) == ("x.y", "warning", "日本語", "English")
    assert f == h.Violation("x.y", "日本語", "English", "warning")
    assert h.Violation is h.Finding
    assert f.kind == "internal"  # a code no catalogue declares
    assert f.to_dict() == {
        "code": "x.y",
        "kind": "internal",
        "severity": "warning",
        "message_ja": "日本語",
        "message_en": "English",
    }
    assert h.Finding("facility.empty", "a", "b").kind == "invalid_input"
    assert h.Finding("x.y", "a", "b", kind="workflow").kind == "workflow"
    with pytest.raises(h.ValidationError) as e:
        h.Finding("x.y", "a", "b", kind="bogus")
    assert e.value.code == "binding.invalid_finding"  # a bare TypeError before (test_bad_input.py)
    assert pickle.loads(pickle.dumps(f)) == f
    with pytest.raises(h.ValidationError) as e:
        h.Finding("x.y", "a", "b", "fatal")
    assert e.value.code == "binding.invalid_finding"


def test_code_catalogue() -> None:
    cs = h.codes()
    names = [c.code for c in cs]
    assert len(names) == len(set(names))
    assert "facility.wrong_length" in names
    assert "binding.internal_panic" in names
    for c in cs:
        assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", c.code), c.code
        assert c.severity in ("info", "warning", "error")
        assert c.summary


def test_every_code_maps_to_an_exception_class() -> None:
    for c in h.codes():
        cls = h.error_class_for(c.code)
        assert issubclass(cls, h.HugOnboardError)


def test_exception_mapping() -> None:
    assert h.error_class_for("facility.empty") is h.ValidationError
    assert h.error_class_for("certificate.wrong_password") is h.WrongPasswordError
    assert h.error_class_for("certificate.unsupported_algorithm") is h.UnsupportedCertificateError
    assert h.error_class_for("certificate.not_pkcs12") is h.CertificateFormatError
    assert h.error_class_for("workflow.prerequisite_missing") is h.WorkflowError
    assert h.error_class_for("no.such_code") is h.HugOnboardError
    assert h.error_class_for_kind("invalid_data") is h.ValidationError
    assert h.error_class_for("binding.internal_panic") is h.HugOnboardError
    for cls in [
        h.ValidationError,
        h.WrongPasswordError,
        h.CertificateFormatError,
        h.UnsupportedCertificateError,
        h.WorkflowError,
    ]:
        assert issubclass(cls, h.HugOnboardError)
        assert issubclass(h.HugOnboardError, Exception)
    assert issubclass(h.ValidationError, ValueError)


def test_exceptions_pickle() -> None:
    try:
        h.FacilityNumber("")
    except h.ValidationError as e:
        e2 = pickle.loads(pickle.dumps(e))
        assert type(e2) is h.ValidationError and e2.codes == e.codes
    else:  # pragma: no cover
        pytest.fail("no error")


def test_an_empty_error_is_refused() -> None:
    with pytest.raises(TypeError):
        h.HugOnboardError([])


def test_a_rust_panic_becomes_hug_onboard_error() -> None:
    with pytest.raises(h.HugOnboardError) as info:
        h._native._panic_for_test()
    assert type(info.value) is h.HugOnboardError
    assert info.value.code == "binding.internal_panic"
    assert "bug" in info.value.message("en")
    # The interpreter is alive and the library still works.
    assert str(h.FacilityNumber("1312345678")) == "1312345678"
    assert sys.is_finalizing() is False
