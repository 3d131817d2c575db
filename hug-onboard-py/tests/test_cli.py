"""The command line: python -m hug_onboard and the hug-onboard console script."""

from __future__ import annotations

import io
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest

from hug_onboard import cli


def run(*argv: str) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_facility_ok_in_japanese_by_default() -> None:
    code, out, err = run("facility", "１３１２３４５６７８")
    assert code == cli.EXIT_OK and err == ""
    assert "東京都" in out and "1312345678" in out


def test_lang_en_before_or_after_the_subcommand() -> None:
    for argv in (["--lang", "en", "facility", "1312345678"], ["facility", "1312345678", "--lang=en"]):
        code, out, _ = run(*argv)
        assert code == 0 and "Prefecture: Tokyo" in out


def test_lang_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.LANG_ENV, "en")
    code, out, _ = run("facility", "1312345678")
    assert code == 0 and "Tokyo" in out


def test_a_bad_lang_in_the_environment_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # It was silently Japanese.
    monkeypatch.setenv(cli.LANG_ENV, "xx")
    code, out, err = run("facility", "1312345678")
    assert code == cli.EXIT_USAGE and out == ""
    assert "[cli.usage]" in err and cli.LANG_ENV in err and "xx" in err
    # --lang overrides it; empty means unset; case and spaces do not matter.
    assert run("facility", "1312345678", "--lang", "en")[0] == 0
    for ok in ("", " EN ", "ja_JP.UTF-8", "en-US"):
        monkeypatch.setenv(cli.LANG_ENV, ok)
        assert run("facility", "1312345678")[0] == 0
    # Help and the version are never refused for it.
    monkeypatch.setenv(cli.LANG_ENV, "xx")
    assert run("--help")[0] == 0 and run("--version")[0] == 0


def test_bytes_that_are_not_utf8_are_a_coded_error() -> None:
    # Python hands undecodable argv/stdin bytes on as lone surrogates; the library refused them with a
    # bare UnicodeEncodeError, which the command line reported as an internal error (exit 70, "a bug").
    for argv in (["facility", "13\udcff45678"], ["wareki", "\udcff"], ["calendar", "2026-12", "--prefecture", "\udcff"]):
        code, out, err = run(*argv)
        assert code == cli.EXIT_BY_KIND["invalid_encoding"] and out == "", (argv, err)
        assert "[cli.not_utf8]" in err and "cli.internal" not in err
        assert "\udcff" not in err and "\\udcff" not in err


def test_a_missing_file_whose_name_is_not_utf8_is_file_not_found(tmp_path: Path) -> None:
    # The file name reached the message with a lone surrogate, which made the error cli.not_utf8.
    missing = str(tmp_path / "\udcff.png")
    for argv in (["notice", "--image", missing], ["notice", missing]):
        code, out, err = run(*argv)
        assert "[cli.file_not_found]" in err and "cli.not_utf8" not in err, (argv, err)
        assert "\\udcff.png" in err and code == cli.EXIT_BY_KIND["unavailable"]


def test_an_empty_prefecture_is_refused() -> None:
    # `--prefecture ""` silently used the default rulebook.
    code, _, err = run("calendar", "2026-12", "--prefecture", "")
    assert code != 0 and "rulebook.unknown_prefecture" in err


def test_calendar_prefecture_takes_what_rules_takes() -> None:
    # `rules 京都` worked while `calendar --prefecture 京都` was refused.
    for name in ("26", "京都", "京都府", "kyoto", "Kyoto"):
        code, out, err = run("calendar", "2026-12", "--prefecture", name, "--json")
        assert code == 0, (name, err)
        assert json.loads(out)["rulebook"] == json.loads(run("rules", "26", "--json")[1])["id"]
    code, _, err = run("calendar", "2026-12", "--prefecture", "どこか")
    assert code == run("rules", "どこか")[0] != 0 and "rulebook.unknown_prefecture" in err


def test_invalid_input_gives_a_coded_message_and_exit_1() -> None:
    code, out, err = run("facility", "12345")
    assert code == cli.EXIT_PROBLEMS and out == ""
    assert "[facility.wrong_length]" in err and "10桁" in err
    code, _, err = run("--lang", "en", "facility", "12345")
    assert "10 digits" in err and "Traceback" not in err


def test_json_output() -> None:
    code, out, _ = run("--json", "facility", "4710000001")
    assert code == 0
    data = json.loads(out)
    assert data == {
        "ok": True,
        "number": "4710000001",
        "prefecture": 47,
        "prefecture_ja": "沖縄県",
        "prefecture_en": "Okinawa",
    }
    code, out, _ = run("facility", "99", "--json")
    assert code == cli.EXIT_PROBLEMS
    data = json.loads(out)
    assert data["ok"] is False and data["error"]["code"] == "facility.wrong_length"
    assert data["error"]["message_en"] and data["error"]["message_ja"]


def test_usage_errors_exit_2_bilingually() -> None:
    code, out, err = run("no-such-command")
    assert code == cli.EXIT_USAGE and "[cli.usage]" in err and "Traceback" not in err
    code, _, err = run("--lang", "en", "facility")
    assert code == cli.EXIT_USAGE and "Invalid command line" in err
    code, out, _ = run("--json", "facility")
    assert code == cli.EXIT_USAGE and json.loads(out)["error"]["code"] == "cli.usage"
    code, _, _ = run()
    assert code == cli.EXIT_USAGE


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--help")[0] == 0
    assert "exit codes" in capsys.readouterr().out
    assert run("--version")[0] == 0


def test_read_text_errors(tmp_path: Path) -> None:
    out = cli.Output("en", False, io.StringIO(), io.StringIO())
    with pytest.raises(cli.CliError) as info:
        cli.read_text(str(tmp_path / "missing.txt"), out)
    assert info.value.code == "cli.file_not_found" and info.value.exit_code == cli.EXIT_FILE
    with pytest.raises(cli.CliError) as info:
        cli.read_text(str(tmp_path), out)
    assert info.value.code == "cli.file_unreadable"
    sjis = tmp_path / "sjis.txt"
    sjis.write_bytes("事業所番号".encode("cp932"))
    assert cli.read_text(str(sjis), out) == "事業所番号"
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff事業所".encode("utf-8"))
    assert cli.read_text(str(bom), out) == "事業所"
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"\xff\xfe\x00\x81\x00" * 10)
    with pytest.raises(cli.CliError) as info:
        cli.read_text(str(binary), out)
    assert info.value.code == "cli.not_text"
    with pytest.raises(cli.CliError) as info:
        cli.read_bytes(str(tmp_path / "missing.p12"))
    assert info.value.code == "cli.file_not_found"


def test_lists() -> None:
    code, out, _ = run("prefectures", "--lang", "en")
    assert code == 0 and "47 Okinawa" in out
    code, out, _ = run("--json", "codes")
    assert code == 0 and any(c["code"] == "facility.empty" for c in json.loads(out)["codes"])
    code, out, _ = run("user-id", "ＡＢ１")
    assert code == 0 and "AB1" in out


def _console_script() -> List[str]:
    script = Path(sys.executable).with_name("hug-onboard")
    assert script.is_file(), f"console script not installed at {script}"
    return [str(script)]


@pytest.mark.parametrize("prefix", [[sys.executable, "-m", "hug_onboard"], None])
def test_entry_points_in_a_subprocess(prefix: List[str] | None) -> None:
    argv = prefix if prefix is not None else _console_script()
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop(cli.LANG_ENV, None)
    p = subprocess.run(argv + ["facility", "2712345678"], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    assert "大阪府" in p.stdout
    p = subprocess.run(argv + ["facility", "x"], capture_output=True, text=True, env=env)
    assert p.returncode == 1 and "Traceback" not in p.stderr and "[facility.not_digit]" in p.stderr



@pytest.mark.parametrize("encoding", ["ascii", "cp932"])
def test_a_terminal_that_cannot_show_japanese_gets_escapes_not_an_input_error(encoding: str) -> None:
    # PYTHONIOENCODING=ascii: the output's UnicodeEncodeError was reported as undecodable input
    # (cli.not_utf8), and with --json the error itself could not be written (a traceback).
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    env.pop(cli.LANG_ENV, None)
    for args in (["facility", "1312345678"], ["--json", "facility", "1312345678"], ["facility", "x"]):
        p = subprocess.run([sys.executable, "-m", "hug_onboard", *args], capture_output=True, env=env)
        err = p.stderr.decode("ascii", "replace")
        assert "Traceback" not in err and "cli.not_utf8" not in err, (encoding, args, err)
        assert p.returncode == (1 if "x" in args else 0), (encoding, args, err)

# --- cert and calendar ---------------------------------------------------------------

P12 = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "guide-openssl3.p12")


def run_with_stdin(stdin: str, *argv: str) -> Tuple[int, str, str]:
    p = subprocess.run(
        [sys.executable, "-m", "hug_onboard", *argv],
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    return p.returncode, p.stdout, p.stderr


def test_cert_reads_the_password_from_stdin_and_reports() -> None:
    code, out, err = run_with_stdin("TestPass123\n", "cert", P12, "--today", "2026-07-01")
    assert code == cli.EXIT_OK, err
    assert "1312345678" in out and "2023年9月15日（金） 〜 2026年9月15日（火）" in out
    assert "2026年9月15日" in out and "Traceback" not in err
    assert "2023-09-15" not in out  # one date style in Japanese text


def test_cert_password_from_an_environment_variable_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("P12_PW", "TestPass123")
    code, out, _ = run("--json", "cert", P12, "--password-env", "P12_PW", "--today", "2026-07-01", "--full")
    assert code == 0
    data = json.loads(out)
    assert data["facility_number"] == "1312345678" and data["private_key_checked"] is True
    assert data["status"]["code"] == "certificate.status.renewal_due"
    assert data["renewal"]["apply_by"] == "2026-09-15"
    assert "TestPass123" not in out


def test_cert_wrong_password_is_exit_4_in_both_languages() -> None:
    code, out, err = run_with_stdin("wrong\n", "cert", P12)
    assert code == cli.EXIT_WRONG_PASSWORD == 4
    assert "[certificate.wrong_password]" in err and "パスワードが違います" in err
    assert "The password does not open this file" in err and "Traceback" not in err


def test_cert_never_takes_the_password_from_argv() -> None:
    code, _, err = run("cert", P12, "--password", "TestPass123")
    assert code == cli.EXIT_USAGE and "cli.password_on_argv" in err
    assert "TestPass123" not in err
    code, _, err = run("cert", P12, "--password-e", "X")
    assert code == cli.EXIT_USAGE and "cli.usage" in err


def test_cert_missing_or_corrupt_file() -> None:
    code, _, err = run_with_stdin("x\n", "cert", "/nonexistent/file.p12")
    assert code == cli.EXIT_FILE and "cli.file_not_found" in err
    broken = str(Path(P12).with_name("broken-garbage.p12"))
    code, _, err = run_with_stdin("TestPass123\n", "cert", broken)
    assert code == cli.EXIT_CERTIFICATE and "certificate.malformed" in err


def test_cert_facility_mismatch_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("P12_PW", "TestPass123")
    code, out, _ = run("--lang", "en", "cert", P12, "--password-env", "P12_PW", "--today", "2026-01-05",
                       "--facility", "2712345670")
    assert code == cli.EXIT_PROBLEMS and "certificate.facility_mismatch" in out


def test_calendar_month_text_json_and_ics() -> None:
    code, out, _ = run("calendar", "2026-06")
    assert code == 0 and "2026年8月17日（月）" in out and "支払決定額通知書" in out
    assert "請求期間: 2026年7月1日（水）0:00 〜 2026年7月10日（金）24:00" in out
    assert "00:00:00" not in out and "2026-0" not in out
    assert out.startswith("2026年6月提供分（請求月 2026年7月）")
    code, out, _ = run("calendar", "2026-06", "--wareki")
    assert out.startswith("令和8年6月提供分（請求月 令和8年7月）")
    code, out, _ = run("--json", "calendar", "2026-06")
    data = json.loads(out)
    assert data["claim_window"]["opens"] == "2026-07-01T00:00:00+09:00"
    assert data["payment_date"] == "2026-08-17" and len(data["documents"]) == 5
    code, out, _ = run("calendar", "2026-06", "--ics", "--until", "2026-08")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR\r\n") and out.count("BEGIN:VEVENT") >= 21
    code, _, err = run("calendar", "2026-13")
    assert code == cli.EXIT_PROBLEMS and "schedule.invalid_month" in err


def test_status_checks_today() -> None:
    state = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "states"
    files = sorted(state.glob("*.json"))
    assert files
    # A bad option value is a usage error (exit 2, as --help says), with the core's reason;
    # an empty value or a day outside the calendar is refused too (they were taken as today, or
    # judged in the year 1).
    for bad in ("2026-02-30", "", "2027/01/08", "0001-01-01", "9999-12-31"):
        code, _, err = run("status", str(files[0]), "--today", bad)
        assert code == cli.EXIT_USAGE and "cli.usage" in err, (bad, err)
    code, _, err = run("status", str(files[0]), "--today", "2026-02-30")
    assert "calendar.invalid_date" in err or "存在" in err or "2026-02-30" in err


def test_notice_date_in_the_command_lines_style() -> None:
    notice = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "notices" / "test_notice.txt")
    code, out, _ = run("notice", notice)
    assert code == 0 and "2019年6月3日（月）" in out and "2019-06-03" not in out
    code, out, _ = run("--wareki", "notice", notice)
    assert code == 0 and "令和元年6月3日（月）" in out
    code, out, _ = run("--lang", "en", "notice", notice)
    assert code == 0 and "2019-06-03" in out


# --- issue #12: the password is verified before the status is told ---------------------------

NOMAC = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "producers" / "out" / "openssl-nomac-certpbe-none.p12")
NOTHING = str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "producers" / "out" / "openssl-nomac-nothing-encrypted.p12")


def test_cert_verifies_an_unmaced_password_with_the_key() -> None:
    code, out, err = run_with_stdin("wrong\n", "cert", NOMAC, "--today", "2026-07-01")
    assert code == cli.EXIT_WRONG_PASSWORD and "[certificate.wrong_password]" in err and out == ""
    code, out, _ = run_with_stdin("TestPass123\n", "--json", "cert", NOMAC, "--today", "2026-07-01")
    data = json.loads(out)
    assert code == cli.EXIT_OK and data["password_verified"] is True and data["private_key_checked"] is True
    assert data["leaf_basis"] == "private_key"


def test_cert_says_when_nothing_can_check_the_password() -> None:
    code, out, _ = run_with_stdin("anything\n", "--json", "cert", NOTHING, "--today", "2026-07-01")
    data = json.loads(out)
    assert code == cli.EXIT_PROBLEMS and data["password_verified"] is False
    assert "certificate.password_unverified" in [f["code"] for f in data["findings"]]
    code, out, _ = run_with_stdin("anything\n", "--lang", "en", "cert", NOTHING, "--today", "2026-07-01")
    assert code == cli.EXIT_PROBLEMS and "Password: NOT verified" in out


def test_dates_as_a_japanese_office_writes_them_iso_in_english_and_json() -> None:
    code, ja, _ = run("calendar", "2026-11")
    assert code == 0 and "請求期間: 2026年12月1日（火）0:00 〜 2026年12月10日（木）24:00" in ja
    assert "2027年1月15日（金）" in ja  # the payment day
    code, wareki, _ = run("calendar", "2026-11", "--wareki")
    assert code == 0 and "令和8年12月1日（火）0:00" in wareki and "令和9年1月15日（金）" in wareki
    assert "2027年" not in wareki
    code, en, _ = run("--lang", "en", "calendar", "2026-11")
    assert code == 0 and "Claim window: 2026-12-01 00:00 to 2026-12-10 24:00 (JST)" in en
    assert "2027-01-15" in en and "年" not in en
    code, js, _ = run("--json", "--wareki", "calendar", "2026-11")
    assert json.loads(js)["payment_date"] == "2027-01-15"


def test_the_one_date_formatter() -> None:
    import io

    out = cli.Output("ja", False, io.StringIO(), io.StringIO())
    d = datetime.date(2027, 1, 15)
    assert out.date(d) == "2027年1月15日（金）"
    assert out.date(datetime.date(2019, 5, 1)) == "2019年5月1日（水）"
    out.wareki = True
    assert out.date(d) == "令和9年1月15日（金）"
    assert out.date(datetime.date(2019, 5, 1)) == "令和元年5月1日（水）"
    assert out.date(datetime.date(2019, 4, 30)) == "平成31年4月30日（火）"
    t = datetime.datetime(2026, 11, 30, 15, 5, tzinfo=datetime.timezone.utc)  # 2026-12-01 00:05 JST
    assert out.time(t) == "令和8年12月1日（火）0:05"
    out.lang = "en"
    assert out.date(d) == "2027-01-15" and out.time(t) == "2026-12-01 00:05"


def test_today_defaults_to_the_real_date_in_japan() -> None:
    state = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "states"
    files = sorted(state.glob("*.json"))
    code, out, _ = run("--json", "status", str(files[0]))
    assert code == 0
    today = datetime.datetime.now(cli.JST).date()
    assert json.loads(out)["readiness"]["today"] in {today.isoformat(),
                                                    (today - datetime.timedelta(days=1)).isoformat()}
    code, out, _ = run("--json", "status", str(files[0]), "--today", "2027-01-15")
    assert json.loads(out)["readiness"]["today"] == "2027-01-15"
