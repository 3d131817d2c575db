"""和暦 and the registration notice."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest

import hug_onboard as h
from conftest import REPO_ROOT
from hug_onboard import cli

NOTICES = REPO_ROOT / "tests" / "fixtures" / "notices"


def test_parse_and_format_wareki() -> None:
    d = h.parse_wareki("令和 元年 6月 3日")
    assert d == datetime.date(2019, 6, 3) and type(d) is datetime.date
    assert h.format_wareki(d) == "令和元年6月3日"
    assert h.format_wareki(d, "short") == "R1.6.3"
    assert h.format_wareki(d, style="long_numeric") == "令和1年6月3日"
    assert h.format_wareki(datetime.datetime(2019, 6, 3, 12, 0)) == "令和元年6月3日"
    assert h.parse_wareki("平成32年1月1日", lenient=True) == datetime.date(2020, 1, 1)
    with pytest.raises(h.ValidationError) as info:
        h.parse_wareki("平成32年1月1日")
    assert info.value.code == "wareki.after_era_end"


def test_partial_dates() -> None:
    p = h.parse_wareki_partial("平成18年")
    assert (p.kind, p.year, p.month, p.date) == ("year", 2006, None, None)
    assert repr(p) == "PartialDate(year=2006)"
    p = h.parse_wareki_partial("R1.6.3")
    assert p.date == datetime.date(2019, 6, 3) and p.month == 6
    with pytest.raises(h.ValidationError) as info:
        h.parse_wareki("平成18年")
    assert info.value.code == "wareki.day_required"


@pytest.mark.parametrize("bad", ["", "   ", "\x00", "令" * 10_000, "R1.13.1"])
def test_bad_dates_are_validation_errors(bad: str) -> None:
    with pytest.raises(h.ValidationError):
        h.parse_wareki(bad)


def test_bad_style_and_types() -> None:
    with pytest.raises(h.ValidationError) as info:
        h.format_wareki(datetime.date(2020, 1, 1), "fancy")  # type: ignore[arg-type]
    assert info.value.code == "binding.invalid_style"
    with pytest.raises(TypeError):
        h.format_wareki("2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(h.ValidationError) as info:
        h.format_wareki(datetime.date(1800, 1, 1))
    assert info.value.code == "wareki.out_of_range"


def test_notice_from_the_sample_letters() -> None:
    t = h.RegistrationNotice.parse((NOTICES / "test_notice.txt").read_text(encoding="utf-8"))
    p = h.RegistrationNotice.parse((NOTICES / "production_notice.txt").read_text(encoding="utf-8"))
    assert t.kind == "test" and p.kind == "production"
    assert p.is_for_billing and not t.is_for_billing
    assert str(p.facility_number) == "1312345678"
    assert p.facility_number.prefecture.name_ja == "東京都"
    assert str(p.user_id) == "P1312345"
    assert p.date == datetime.date(2019, 7, 30)
    assert p.postal_code == "100-0001"
    assert p.temporary_password() == "Hn3kW9qe"
    assert p.certificate_password() == "Ct4vN8wb"
    # Secrets never appear unless asked for.
    for text in (repr(p), str(p), p.to_json(), str(p.public_fields()), str(p.public_fields("en"))):
        assert "Hn3kW9qe" not in text and "Ct4vN8wb" not in text
    assert "***" in repr(p)
    back = h.RegistrationNotice.from_json(p.to_json_with_secrets())
    assert back == p
    p.expect_kind("production")
    with pytest.raises(h.ValidationError) as info:
        p.expect_kind("test")
    assert info.value.code == "notice.wrong_kind"
    with pytest.raises(h.ValidationError) as info:
        p.expect_kind("other")
    assert info.value.code == "binding.invalid_kind"
    assert "請求" in p.purpose() and p.purpose("en")


def test_notice_reports_every_problem() -> None:
    with pytest.raises(h.ValidationError) as info:
        h.RegistrationNotice.parse("事業所番号 12\nテストID あ\n")
    codes = info.value.codes
    assert len(codes) >= 3, codes
    assert len(info.value.violations) == len(codes)
    assert all(isinstance(v, h.Violation) for v in info.value.violations)


@pytest.mark.parametrize("bad", ["", "\x00" * 5, "あ" * 30_000, "{", "[]"])
def test_bad_notices_are_validation_errors(bad: str) -> None:
    with pytest.raises(h.ValidationError):
        h.RegistrationNotice.parse(bad)
    with pytest.raises(h.ValidationError):
        h.RegistrationNotice.from_json(bad)


def _run(*argv: str) -> tuple[int, str, str]:
    o, e = io.StringIO(), io.StringIO()
    return cli.main(list(argv), stdout=o, stderr=e), o.getvalue(), e.getvalue()


def test_cli_notice_hides_secrets_unless_asked(tmp_path: Path) -> None:
    f = str(NOTICES / "production_notice.txt")
    code, out, err = _run("notice", f)
    assert code == 0, err
    assert "本番用ID" in out and "P1312345" in out and "Hn3kW9qe" not in out
    code, out, _ = _run("--json", "notice", f)
    data = json.loads(out)
    assert data["kind"] == "production" and "temporary_password" not in data
    code, out, _ = _run("notice", f, "--show-secrets", "--lang", "en")
    assert "Hn3kW9qe" in out and "Temporary password" in out
    code, out, err = _run("notice", str(tmp_path / "nope.txt"))
    assert code == cli.EXIT_FILE and "cli.file_not_found" in err
    bad = tmp_path / "bad.txt"
    bad.write_text("事業所番号 12\n", encoding="utf-8")
    code, _, err = _run("notice", str(bad))
    assert code == cli.EXIT_PROBLEMS and err.count("エラー [") >= 2


def test_cli_wareki() -> None:
    code, out, _ = _run("wareki", "R1.6.3")
    assert code == 0 and "2019-06-03" in out and "令和元年6月3日" in out
    code, out, _ = _run("--json", "wareki", "平成32年1月1日", "--lenient")
    assert json.loads(out)["date"] == "2020-01-01"
    code, _, err = _run("wareki", "平成32年1月1日")
    assert code == cli.EXIT_PROBLEMS and "wareki.after_era_end" in err
