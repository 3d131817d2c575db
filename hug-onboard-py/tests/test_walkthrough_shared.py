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


def test_the_rust_walkthroughs_schedule_and_reminders_in_the_japanese_style() -> None:
    """The schedule's month as a Japanese office writes it (not ``2026-11``), and each dated line
    of the schedule and the reminders flagged like the command line's when its rule is an
    unverified default (the sample facility's 国保連 rulebook decides which)."""
    data, _ = _walkthrough.sample()
    today = datetime.date.fromisoformat(data["today"])
    text = _rust("--today", data["today"])
    tail = text.split("■ 今月の請求スケジュール")[1]
    schedule, reminders = tail.split("■ これから30日のお知らせ")
    assert f"請求期間 {today.year}年{today.month}月:" in schedule
    assert not re.search(r"\d{4}-\d{2}", tail), "an ISO month or date in the Japanese output"
    ob = hug.Onboarding.from_json(_rust("--json", "--today", data["today"]))
    flag = "※既定値・未確認"
    s = hug.billing_schedule(today.year, today.month, facility=ob.facility_number)
    window_line = next(line for line in schedule.splitlines() if "請求期間" in line)
    assert window_line.endswith(flag) == (s.window_basis == "unverified"), window_line
    payment_line = next(line for line in schedule.splitlines() if "支払日" in line)
    assert payment_line.endswith(flag) == (s.payment_basis == "unverified"), payment_line
    expected = ob.reminders(today, int(data.get("reminder_days", 30)))
    lines = [line for line in reminders.splitlines() if line.strip()]
    assert len(lines) == len(expected) > 0
    for line, r in zip(lines, expected):
        assert line.endswith(flag) == (r.basis == "unverified"), line
    assert any(line.endswith(flag) for line in lines)  # the sample's rulebook has defaults today
    wareki = _rust("--today", data["today"], "--wareki")
    assert f"請求期間 令和{today.year - 2018}年{today.month}月:" in wareki
