"""PasswordPolicy and the password subcommands."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

import hug_onboard as h
from hug_onboard import cli


def test_profiles() -> None:
    t, p, g = h.PasswordPolicy.test_screen(), h.PasswordPolicy.production_screen(), h.PasswordPolicy.generation()
    assert (t.min_len, t.max_len) == (8, 16)
    assert "^" in t.symbols and "^" not in p.symbols
    assert t.lockout_attempts == 3 and t.lockout_minutes == 30
    assert h.PasswordPolicy.by_name("production") == p
    assert h.PasswordPolicy.from_json(g.to_json()) == g
    assert "PasswordPolicy(min_len=8" in repr(t)
    with pytest.raises(h.ValidationError) as info:
        h.PasswordPolicy.by_name("prod")
    assert info.value.code == "binding.invalid_policy"
    with pytest.raises(h.ValidationError):
        h.PasswordPolicy.from_json("{")


def test_check_returns_every_violation() -> None:
    p = h.PasswordPolicy.test_screen()
    assert p.check("Kokuho2024!") == []
    v = p.check("ＡＢＣ12345")
    assert [x.code for x in v] == ["password.char_fullwidth"] * 3
    assert isinstance(v[0], h.Violation) and "半角" in v[0].message() and v[0].message("en")
    assert [x.code for x in p.check("a1234567", "A1234567")] == ["password.equals_user_id_ignoring_case"]
    assert [x.code for x in p.check("A1234567", h.UserId("A1234567"))] == ["password.equals_user_id"]
    assert p.is_acceptable("Kokuho2024!") and not p.is_acceptable("short")
    with pytest.raises(TypeError):
        p.check("abc", 12)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", " ", "\x00" * 8, "あ" * 10_000, "a" * 10_000])
def test_bad_passwords_never_crash(bad: str) -> None:
    assert h.PasswordPolicy.production_screen().check(bad)


def test_check_change() -> None:
    p = h.PasswordPolicy.test_screen()
    assert p.check_change(user_id="A1234567", current="kari0001", new="Kokuho2024!", confirm="Kokuho2024!") == []
    codes = [v.code for v in p.check_change(user_id="A1234567", current="", new="Kokuho2024!", confirm="Kokuho2024?")]
    assert codes == ["password.current_empty", "password.confirm_mismatch"]


def test_generate_lengths_follow_the_policy() -> None:
    g = h.PasswordPolicy.generation()
    assert g.generate_lengths() == (8, 16)
    narrow = h.PasswordPolicy.from_json(g.to_json().replace('"max_len":16', '"max_len":10'))
    assert narrow.generate_lengths() == (8, 10)
    with pytest.raises(h.ValidationError):
        narrow.generate(11)
    empty = h.PasswordPolicy.from_json(g.to_json().replace('"min_len":8', '"min_len":20'))
    assert empty.generate_lengths() is None


def test_generate() -> None:
    g = h.PasswordPolicy.generation()
    assert g.generate_lengths() == (8, 16)
    seen = set()
    for length in range(8, 17):
        pw = g.generate(length)
        assert len(pw) == length
        for screen in (h.PasswordPolicy.test_screen(), h.PasswordPolicy.production_screen()):
            assert screen.check(pw) == []
        seen.add(pw)
    assert len(seen) == 9
    assert len(g.generate()) == 12
    with pytest.raises(h.ValidationError) as info:
        g.generate(17)
    assert info.value.code == "password.generate_length"
    with pytest.raises(h.ValidationError) as info:
        g.generate(-1)  # pyo3 raised a bare OverflowError before (issue #14)
    assert info.value.code == "password.generate_length"  # any length outside the range (test_bad_input.py)


def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    o, e = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return cli.main(list(argv), stdout=o, stderr=e), o.getvalue(), e.getvalue()
    finally:
        sys.stdin = old


def test_cli_password_check_from_stdin_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run("password", "check", stdin="Kokuho2024!\n")
    assert code == 0 and "使えます" in out and "Kokuho2024!" not in out
    code, out, _ = _run("--lang", "en", "password", "check", "--user-id", "Kokuho2024!", stdin="Kokuho2024!\n")
    assert code == cli.EXIT_PROBLEMS and "password.equals_user_id" in out
    monkeypatch.setenv("HUG_PW", "ＡＢＣ12345")
    code, out, _ = _run("--json", "password", "check", "--password-env", "HUG_PW")
    data = json.loads(out)
    assert code == 1 and data["acceptable"] is False
    assert [f["code"] for f in data["findings"]] == ["password.char_fullwidth"] * 3
    code, _, err = _run("password", "check", "--password-env", "HUG_NO_SUCH_VAR")
    assert code == cli.EXIT_USAGE and "cli.no_password" in err
    code, _, err = _run("password", "check", stdin="")
    assert code == cli.EXIT_USAGE and "cli.no_password" in err


def test_cli_never_takes_a_password_from_argv() -> None:
    code, _, err = _run("password", "check", "Kokuho2024!")
    assert code == cli.EXIT_USAGE and "cli.usage" in err


def test_cli_password_generate() -> None:
    code, out, _ = _run("password", "generate", "--count", "3", "--length", "10")
    pws = out.split()
    assert code == 0 and len(pws) == 3 and all(len(p) == 10 for p in pws)
    code, _, err = _run("password", "generate", "--length", "40")
    assert code == cli.EXIT_PROBLEMS and "password.generate_length" in err
    code, _, _ = _run("password", "generate", "--count", "0")
    assert code == cli.EXIT_USAGE


def test_cli_password_check_in_a_subprocess() -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", HUG_ONBOARD_LANG="en")
    p = subprocess.run(
        [sys.executable, "-m", "hug_onboard", "password", "check", "--screen", "test"],
        input="abc\n", capture_output=True, text=True, env=env,
    )
    assert p.returncode == 1 and "password.too_short" in p.stdout and "Traceback" not in p.stderr
