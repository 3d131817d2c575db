"""One sample facility for both walkthroughs: the Rust example (``./scripts/run``) and
``hug-onboard walkthrough`` read tests/fixtures/walkthrough/sample.json and the files it names, and
end in the same onboarding state, printing the same facility, IDs and dates."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys

import hug_onboard as hug
from hug_onboard import _walkthrough, cli

from conftest import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures"


def _named_files(data: dict[str, object]) -> list[str]:
    cert = data["certificate"]
    assert isinstance(cert, dict)
    return [
        "walkthrough/sample.json",
        str(data["test_notice"]),
        str(data["production_notice"]),
        *(str(cert[k]) for k in ("file", "renewed_file", "other_facility_file")),
    ]


def test_the_embedded_sample_is_the_repository_sample() -> None:
    data, files = _walkthrough.sample()
    assert data == json.loads((FIXTURES / "walkthrough" / "sample.json").read_text(encoding="utf-8"))
    for rel in _named_files(data):
        assert files[rel] == (FIXTURES / rel).read_bytes(), rel
    assert sorted(files) == sorted(_named_files(data))


def _rust(*args: str) -> str:
    p = subprocess.run(
        ["cargo", "run", "--quiet", "-p", "hug-onboard-core", "--example", "walkthrough", "--", *args],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )
    assert p.returncode == 0, p.stderr
    return p.stdout


def test_rust_and_python_walkthroughs_agree() -> None:
    data, files = _walkthrough.sample()
    # "Today" is the real date in Japan unless --today: both get sample.json's test day.
    today = datetime.date.fromisoformat(data["today"])
    lines: list[str] = []
    out = cli.Output("en", False, sys.stdout, sys.stderr)
    summary = _walkthrough.walkthrough("en", lines.append, today, out.date)
    py_text = "\n".join(lines)
    py_state = json.loads(summary["state"])
    rust_state = json.loads(_rust("--json", "--today", data["today"]))
    assert rust_state == py_state

    rust_text = _rust("--lang", "en", "--today", data["today"])
    test = hug.RegistrationNotice.parse(files[data["test_notice"]].decode("utf-8"))
    prod = hug.RegistrationNotice.parse(files[data["production_notice"]].decode("utf-8"))
    cert = hug.Certificate.inspect_pkcs12(files[data["certificate"]["file"]], data["certificate"]["password"])
    expected = [str(test.facility_number), str(test.user_id), str(cert.valid_from_jst), str(cert.valid_to_jst)]
    expected += sorted(set(data["dates"].values())) + [data["today"]]
    for text in (rust_text, py_text):
        for s in expected:
            assert s in text, s
        for secret in (test.temporary_password(), prod.temporary_password(), data["certificate"]["password"]):
            assert secret not in text
    assert str(prod.user_id) in json.dumps(py_state)
    renewed = hug.Certificate.inspect_pkcs12(files[data["certificate"]["renewed_file"]], data["certificate"]["password"])
    assert str(renewed.valid_to_jst) in rust_text and str(renewed.valid_to_jst) in py_text
    assert datetime.date.fromisoformat(data["today"]) > cert.valid_to_jst


def test_rust_walkthrough_reads_as_a_japanese_office_writes() -> None:
    """Japanese output: no ISO dates or months, the service month as 提供分, the advice
    paragraph indented line by line, and what unverified dates rest on said."""
    data, _ = _walkthrough.sample()
    text = _rust("--today", data["today"])
    assert re.search(r"\d{4}-\d{2}", text) is None, re.search(r".*\d{4}-\d{2}.*", text)
    assert re.search(r"請求期間（\d{4}年\d{1,2}月提供分）", text)
    assert "既定値（未確認）" in text.split("今月の請求スケジュール")[1]
    assert "\n英字と数字" not in text and "\n  英字と数字" in text


def test_rust_walkthrough_refuses_bad_options_and_survives_a_closed_pipe() -> None:
    base = ["cargo", "run", "--quiet", "-p", "hug-onboard-core", "--example", "walkthrough", "--"]
    for args in (["--lang", "xx"], ["--today"], ["--bogus"], ["--today", "2026-02-30"], ["--today", "0001-01-01"]):
        r = subprocess.run(base + args, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
        assert r.returncode == 2 and "[cli.usage]" in r.stderr and r.stdout == "", args
    # A reader that stops early (`./scripts/run | head -1`): a quiet end, no panic.
    p = subprocess.Popen(base, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    assert p.wait() == 0 and "panicked" not in err, err
    # Inside an open window the window is called open, and the schedule is that window's.
    text = _rust("--today", "2027-01-08")
    assert "受付中の請求期間 2027年1月1日" in text and "請求期間（2026年12月提供分）" in text
