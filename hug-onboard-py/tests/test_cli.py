"""The command line: python -m hug_onboard and the hug-onboard console script."""

from __future__ import annotations

import io
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
