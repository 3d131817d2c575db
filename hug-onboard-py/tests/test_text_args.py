"""Every text argument of the Python face: a ``str`` that is not valid Unicode is a coded error.

A Python ``str`` may hold a lone surrogate (``"\\ud800"``, or a file name or argv decoded with
``surrogateescape``), which has no UTF-8 form. pyo3 raised its bare ``UnicodeEncodeError`` for
any ``&str``/``String`` parameter; the binding takes every text argument through
``errors::Text`` instead (``binding.invalid_text``: the code point and its position, never the
text). The source scan below keeps it that way.
"""

from __future__ import annotations

import datetime
import inspect
import re
from pathlib import Path
from typing import Any, Callable

import pytest

import hug_onboard as h

from conftest import PY_ROOT, REPO_ROOT

# The bad code point is the 3rd character; "secret" must never show in a message.
BAD = "Pw\ud800secret"
D = datetime.date(2026, 6, 1)
STAMP = datetime.datetime(2026, 4, 1, tzinfo=datetime.timezone.utc)
FIXTURES = REPO_ROOT / "tests" / "fixtures"
P12 = (FIXTURES / "guide-openssl3.p12").read_bytes()
NOTICE = (FIXTURES / "notices" / "test_notice.txt").read_text(encoding="utf-8")
ADDRESSEE = dict(postal_code="100-0001", address="東京都千代田区千代田1-1", office_name="ひまわり", person_name="山田 太郎")


def _onboarding() -> h.Onboarding:
    return h.Onboarding(h.FacilityNumber("1312345678"))


def _notice() -> h.RegistrationNotice:
    return h.RegistrationNotice.parse(NOTICE)


def _certificate() -> h.Certificate:
    return h.Certificate.from_pkcs12(P12, "TestPass123")


def _lifecycle() -> h.CertificateLifecycle:
    return h.CertificateLifecycle()


def _policy() -> h.PasswordPolicy:
    return h.PasswordPolicy.by_name("production")


# (what, call with the given text) — a representative set of the face's text parameters, in
# every module (a parameter of each Rust type: &str, String, Option<…>, Vec<…>, maps, char).
CALLS: list[tuple[str, Callable[[Any], Any]]] = [
    # registration notice
    ("RegistrationNotice.parse(text)", lambda v: h.RegistrationNotice.parse(v)),
    ("RegistrationNotice.parse_ocr(text)", lambda v: h.RegistrationNotice.parse_ocr(v)),
    ("RegistrationNotice.parse_ocr_tsv(tsv)", lambda v: h.RegistrationNotice.parse_ocr_tsv(v)),
    ("RegistrationNotice.parse_ocr_tsv(tsv, rereads)", lambda v: h.RegistrationNotice.parse_ocr_tsv(v, {})),
    ("RegistrationNotice.parse_ocr_tsv(rereads read)",
     lambda v: h.RegistrationNotice.parse_ocr_tsv("level\ttext\n", {"user_id": ["a", v]})),
    ("RegistrationNotice.ocr_layout_json(tsv)", lambda v: h.RegistrationNotice.ocr_layout_json(v)),
    ("RegistrationNotice.from_json(json)", lambda v: h.RegistrationNotice.from_json(v)),
    ("RegistrationNotice.ocr_value_charset(field)", lambda v: h.RegistrationNotice.ocr_value_charset(v)),
    ("RegistrationNotice.expect_kind(kind)", lambda v: _notice().expect_kind(v)),
    ("RegistrationNotice.purpose(lang)", lambda v: _notice().purpose(v)),
    ("RegistrationNotice.with_ocr_rereads(key)", lambda v: _notice().with_ocr_rereads({v: ["1"]})),
    ("RegistrationNotice.with_ocr_rereads(read)", lambda v: _notice().with_ocr_rereads({"user_id": ["a", v]})),
    # passwords (the text is a secret)
    ("PasswordPolicy.by_name(name)", lambda v: h.PasswordPolicy.by_name(v)),
    ("PasswordPolicy.from_json(json)", lambda v: h.PasswordPolicy.from_json(v)),
    ("PasswordPolicy.check(password)", lambda v: _policy().check(v)),
    ("PasswordPolicy.check(user_id)", lambda v: _policy().check("abcd1234", user_id=v)),
    ("PasswordPolicy.is_acceptable(password)", lambda v: _policy().is_acceptable(v)),
    ("PasswordPolicy.check_change(current)",
     lambda v: _policy().check_change(user_id="u1", current=v, new="abcd1234", confirm="abcd1234")),
    ("PasswordPolicy.check_change(confirm)",
     lambda v: _policy().check_change(user_id="u1", current="0000", new="abcd1234", confirm=v)),
    # facility and profile
    ("FacilityNumber(s)", lambda v: h.FacilityNumber(v)),
    ("UserId(s)", lambda v: h.UserId(v)),
    ("Prefecture.from_code(code)", lambda v: h.Prefecture.from_code(v)),
    ("FacilityProfile.validate(mapping)", lambda v: h.FacilityProfile.validate({"name_kanji": v})),
    ("FacilityProfile.validate(**kwargs)", lambda v: h.FacilityProfile.validate(password=v)),
    ("FacilityProfile.validate(expected_facility)", lambda v: h.FacilityProfile.validate({}, expected_facility=v)),
    ("Finding(code)", lambda v: h.Finding(v, "ja", "en")),
    ("Finding(severity)", lambda v: h.Finding("x.y", "ja", "en", severity=v)),
    ("Finding.message(lang)", lambda v: h.Finding("x.y", "ja", "en").message(v)),
    # wareki
    ("parse_wareki(s)", lambda v: h.parse_wareki(v)),
    ("parse_wareki_partial(s)", lambda v: h.parse_wareki_partial(v)),
    ("format_wareki(style)", lambda v: h.format_wareki(D, v)),
    ("EraTable.from_json(json)", lambda v: h.EraTable.from_json(v)),
    ("EraTable.with_era(name)", lambda v: h.EraTable.builtin().with_era(v, "X", "X", datetime.date(2100, 1, 1))),
    ("EraTable.with_era(initial)", lambda v: h.EraTable.builtin().with_era("新", "Shin", "\ud800", datetime.date(2100, 1, 1))),
    ("EraTable.with_era(aliases)",
     lambda v: h.EraTable.builtin().with_era("新", "Shin", "S", datetime.date(2100, 1, 1), aliases=[v])),
    # calendar and schedule
    ("parse_date(s)", lambda v: h.parse_date(v)),
    ("holiday_name(lang)", lambda v: h.holiday_name(datetime.date(2026, 1, 1), v)),
    ("holiday_name(lang=)", lambda v: h.holiday_name(datetime.date(2026, 1, 2), lang=v)),
    ("Rulebook.from_json(json)", lambda v: h.Rulebook.from_json(v)),
    ("Rulebook.from_toml(toml)", lambda v: h.Rulebook.from_toml(v)),
    ("Rulebook.for_prefecture(code)", lambda v: h.Rulebook.for_prefecture(v)),
    ("Rulebook.field_basis(field)", lambda v: h.Rulebook.default().field_basis(v)),
    ("billing_schedule(year)", lambda v: h.billing_schedule(v)),
    ("billing_schedule(facility)", lambda v: h.billing_schedule(2026, 6, facility=v)),
    ("BillingCalendar.schedules(start)", lambda v: h.BillingCalendar().schedules(v, "2026-02")),
    ("BillingCalendar.to_ics(end)", lambda v: h.BillingCalendar().to_ics("2026-01", v, dtstamp=STAMP)),
    ("BillingCalendar.to_ics(calendar_name)",
     lambda v: h.BillingCalendar().to_ics("2026-01", "2026-02", dtstamp=STAMP, calendar_name=v)),
    ("MonthSchedule.to_ics(uid_scope)", lambda v: h.billing_schedule(2026, 6).to_ics(dtstamp=STAMP, uid_scope=v)),
    ("Holiday.name(lang)", lambda v: h.holidays_of_year(2026)[0].name(v)),
    # certificate (the password is a secret)
    ("Certificate.from_pkcs12(password)", lambda v: h.Certificate.from_pkcs12(P12, v)),
    ("Certificate.inspect_pkcs12(password)", lambda v: h.Certificate.inspect_pkcs12(P12, v)),
    ("Certificate.subject_value(name)", lambda v: _certificate().subject_value(v)),
    ("Certificate.matches_facility(number)", lambda v: _certificate().matches_facility(v)),
    # onboarding state and readiness
    ("Onboarding(facility_number)", lambda v: h.Onboarding(v)),
    ("Onboarding.from_json(json)", lambda v: h.Onboarding.from_json(v)),
    ("Step(id)", lambda v: h.Step(v)),
    ("Onboarding.complete(step)", lambda v: _onboarding().complete(v, D)),
    ("Onboarding.complete(pc)", lambda v: _onboarding().complete("install_certificate", D, pc=v)),
    ("Onboarding.undo(step)", lambda v: _onboarding().undo(v)),
    ("Onboarding.add_billing_pc(name)", lambda v: _onboarding().add_billing_pc(v)),
    ("Onboarding.is_done(step)", lambda v: _onboarding().is_done(v)),
    ("Onboarding.done_on(step)", lambda v: _onboarding().done_on(v)),
    ("evaluate_many(states)", lambda v: h.evaluate_many([v], D)),
    ("evaluate_many(agent_certificates)",
     lambda v: h.evaluate_many([], D, agent_certificates=[{"subject_facility_number": v}])),
    # certificate lifecycle
    ("Addressee(address)", lambda v: h.Addressee(**{**ADDRESSEE, "address": v})),
    ("Addressee(honorific)", lambda v: h.Addressee(**ADDRESSEE, honorific=v)),
    ("CertificateLifecycle.from_json(json)", lambda v: h.CertificateLifecycle.from_json(v)),
    ("CertificateLifecycle.apply_event(text)", lambda v: _lifecycle().apply_event(v)),
    ("CertificateLifecycle.make_estimate(mapping)",
     lambda v: _lifecycle().make_estimate({**ADDRESSEE, "person_name": v}, D)),
    ("CertificateLifecycle.install(pc)", lambda v: _lifecycle().install(v, D)),
    ("CertificateLifecycle.download(fingerprint_sha256)", lambda v: _lifecycle().download(D, v)),
    ("CertificateLifecycle.stage_label(lang)", lambda v: _lifecycle().stage_label(v)),
]


@pytest.mark.parametrize("what,call", CALLS, ids=[c[0] for c in CALLS])
def test_a_lone_surrogate_is_a_coded_validation_error(what: str, call: Callable[[Any], Any]) -> None:
    with pytest.raises(h.HugOnboardError) as e:
        call(BAD)
    assert isinstance(e.value, h.ValidationError), what
    assert e.value.code == "binding.invalid_text", (what, e.value.code, e.value.message_en)
    assert e.value.findings[0].kind == "invalid_argument"
    en, ja = e.value.message_en, e.value.message_ja
    if "initial" not in what:
        assert "U+D800" in en and "character 3" in en and "3 文字目" in ja and "U+D800" in ja, en
    # The text itself is never echoed (it may be a password), nor is it escaped into the message.
    for m in (en, ja, str(e.value), repr(e.value)):
        assert "secret" not in m and "Pw" not in m and "\ud800" not in m and "\\ud800" not in m


def test_the_issue_example() -> None:
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.parse("\ud800")
    assert e.value.code == "binding.invalid_text"
    assert "U+D800 (a lone surrogate) at character 1" in e.value.message_en
    assert "1 文字目の U+D800" in e.value.message_ja


def test_a_surrogateescape_byte_is_named_by_its_code_point() -> None:
    name = b"13\xff45678".decode("utf-8", "surrogateescape")
    with pytest.raises(h.ValidationError) as e:
        h.FacilityNumber(name)
    assert e.value.code == "binding.invalid_text" and "U+DCFF" in e.value.message_en
    assert "character 3" in e.value.message_en


def test_valid_non_ascii_text_still_works() -> None:
    # Japanese, full-width digits, an emoji (outside the BMP: a surrogate pair in UTF-16, one
    # code point in a Python str) and a combining mark are all valid Unicode.
    assert str(h.FacilityNumber("１３１２３４５６７８")) == "1312345678"
    assert h.parse_wareki("令和8年6月1日") == D
    assert h.Finding("x.y", "日本語😀", "emoji 😀 é").message("en") == "emoji 😀 é"
    assert h.Finding("x.y", "日本語😀", "e").message_ja == "日本語😀"
    assert h.Addressee(**{**ADDRESSEE, "office_name": "ひまわり🌻"}).office_name == "ひまわり🌻"
    assert h.holiday_name(datetime.date(2026, 1, 1), "en") == "New Year's Day"
    ob = _onboarding()
    ob.add_billing_pc("事務所PC🖥")
    assert ob.billing_pcs == ["事務所PC🖥"]
    assert h.Onboarding.from_json(ob.to_json()).billing_pcs == ["事務所PC🖥"]
    assert _policy().check("パスワード😀") != []  # checked (and refused), not an encoding error


def test_text_defaults_show_in_signatures() -> None:
    # Text parameters with a default give their signature explicitly (pyo3 renders a non-literal
    # default as `...`); a non-ASCII default is escaped (inspect reads signatures as ASCII on 3.9–3.11).
    assert inspect.signature(h.Addressee).parameters["honorific"].default == "様"
    assert inspect.signature(h.Finding.message).parameters["lang"].default == "ja"
    assert inspect.signature(h.format_wareki).parameters["style"].default == "long"
    to_ics = inspect.signature(h.BillingCalendar.to_ics).parameters
    assert to_ics["uid_scope"].default == "" and to_ics["alarm_minutes_before_close"].default == 2340


def test_a_non_str_stays_a_type_error() -> None:
    with pytest.raises(TypeError):
        h.RegistrationNotice.parse(b"\xff")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        h.FacilityNumber(1312345678)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _policy().check(None)  # type: ignore[arg-type]
    # A read of the wrong type inside rereads is coded (notice.ocr_rereads_invalid): test_bad_input.py.
    with pytest.raises(ValueError):
        h.EraTable.builtin().with_era("新", "Shin", "SS", datetime.date(2100, 1, 1))


def test_an_image_path_with_a_lone_surrogate_is_a_coded_error(tmp_path: Path) -> None:
    # open() raised a bare UnicodeEncodeError for a name the file system cannot encode; a
    # surrogateescape name that does not exist was reported with the surrogate in the message,
    # which the Finding then refused.
    for name in ("\ud800.png", "\udcff.png", str(tmp_path / "\udcff.png")):
        for call in (h.RegistrationNotice.from_image, h.image_to_tsv) if hasattr(h, "image_to_tsv") else (
            h.RegistrationNotice.from_image,
        ):
            with pytest.raises(h.ValidationError) as e:
                call(name)
            assert e.value.code == "ocr.image_unreadable", (name, e.value.code)
            assert "\\udcff" in e.value.message_en or "\\ud800" in e.value.message_en


def test_the_code_is_listed() -> None:
    info = {c.code: c for c in h.codes()}
    assert info["binding.invalid_text"].kind == "invalid_argument"


# Rust parameter types pyo3 would extract with a bare UnicodeEncodeError.
_RAW_TEXT = re.compile(r"&str\b|\bString\b|\bchar\b|\bCow<")


def _exported_params(src: str) -> list[tuple[str, str]]:
    """(function, parameter) of every fn of a #[pymethods] block or marked #[pyfunction]."""
    blocks = []
    for m in re.finditer(r"#\[pymethods\]\s*\nimpl[^{]*\{", src):
        depth, j = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(src[j], 0)
            j += 1
        blocks.append((m.start(), j))
    out = []
    for m in re.finditer(r"\n[ \t]*(?:pub(?:\([a-z]+\))? )?(?:unsafe )?fn (\w+)(?:<[^>(]*>)?\(", src):
        head = src[: m.start()]
        item_start = max(head.rfind("}\n"), head.rfind(";\n"))
        exported = any(a < m.end() < b for a, b in blocks) or "#[pyfunction]" in head[item_start:]
        if not exported:
            continue
        depth, j = 1, m.end()
        while depth:
            c = src[j]
            if c in "([":
                depth += 1
            elif c in ")]":
                depth -= 1
            j += 1
        for part in re.split(r",(?![^<]*>)", src[m.end() : j - 1]):
            pm = re.match(r"\s*(?:mut )?(\w+):\s*(.+?)\s*$", part, re.S)
            if pm and _RAW_TEXT.search(pm.group(2)):
                out.append((m.group(1), f"{pm.group(1)}: {pm.group(2)}"))
    return out


def test_no_exported_parameter_is_raw_rust_text() -> None:
    """The kind, not the example: no exported parameter may be a Rust text type (pyo3 would
    raise UnicodeEncodeError before the binding sees it); take it as errors::Text / TextChar."""
    found = []
    for path in sorted((PY_ROOT / "src").glob("*.rs")):
        for fn, param in _exported_params(path.read_text(encoding="utf-8")):
            found.append(f"{path.name}: {fn}({param})")
    assert not found, "take these through errors::Text: " + "; ".join(found)


def test_the_scan_sees_a_raw_parameter() -> None:
    src = "#[pymethods]\nimpl X {\n    fn f(&self, py: Python<'_>, a: &str, b: Option<Vec<String>>) -> u8 { 0 }\n}\n"
    src += "\n#[pyfunction]\npub fn g(c: char) {}\n\nfn helper(d: &str) {}\n"
    assert [p for _, p in _exported_params(src)] == ["a: &str", "b: Option<Vec<String>>", "c: char"]
