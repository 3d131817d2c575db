"""Onboarding: the guide's steps as a workflow; state JSON; the status command."""

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
STATES = REPO_ROOT / "tests" / "fixtures" / "states"


def d(day: int, month: int = 6) -> datetime.date:
    return datetime.date(2019, month, day)


def notice(name: str) -> h.RegistrationNotice:
    return h.RegistrationNotice.parse((NOTICES / name).read_text(encoding="utf-8"))


PROFILE = {
    "facility_number": "1312345678",
    "name_kana": "ﾎｳｶｺﾞﾄｳﾃﾞｲｻｰﾋﾞｽ ﾊｸﾞｸﾐ",
    "name_kanji": "放課後等デイサービス はぐくみ",
    "postal_code": "１００－０００１",
    "address_kana": "トウキョウト チヨダク チヨダ",
    "address_kanji": "東京都千代田区千代田1-1",
    "phone": "03-1234-5678",
    "fax": "03-1234-5679",
    "representative_name_kana": "ヤマダ タロウ",
    "representative_name_kanji": "山田 太郎",
    "representative_title": "代表取締役",
    "email": None,
    "password": "s3cret-pw",
}


def walk() -> h.Onboarding:
    ob = h.Onboarding.new("1312345678")
    ob.complete("receive_documents", d(5), notice=notice("test_notice.txt"))
    for step, day in [("submit_todoke", 5), ("test_login", 6), ("change_test_password", 6), ("apply_certificate", 7)]:
        ob.complete(step, d(day))
    ob.complete(
        "certificate_issued",
        d(8),
        certificate={"valid_from": datetime.date(2019, 7, 24), "valid_until": datetime.date(2022, 7, 24),
                     "subject_facility_number": "1312345678"},
    )
    ob.add_billing_pc("事務所PC")
    ob.complete("install_certificate", d(9), pc="事務所PC")
    ob.complete("install_torikomi", d(10), pc="事務所PC")
    ob.complete("register_facility", d(11), profile=PROFILE)
    return ob


def test_new_and_next_steps() -> None:
    ob = h.Onboarding.new(h.FacilityNumber("1312345678"))
    assert ob == h.Onboarding("1312345678")
    assert ob.next_steps() == ["receive_documents"]
    assert ob.completed() == [] and not ob.all_required_done()
    assert repr(ob) == "Onboarding(facility_number='1312345678', done=0/13)"
    with pytest.raises(h.ValidationError):
        h.Onboarding.new("12")


def test_a_walk_through_the_guide() -> None:
    ob = walk()
    assert ob.is_done("register_facility")
    # A profile whose password is not 0000 also completes change_torikomi_password.
    assert ob.is_done("change_torikomi_password")
    assert ob.done_on("certificate_issued") == d(8)
    assert ob.next_steps() == ["receive_production_notice"]
    ob.complete("receive_production_notice", d(13), notice=notice("production_notice.txt"))
    ob.complete("change_production_password", d(14))
    assert ob.all_required_done()
    assert ob.billing_pcs == ["事務所PC"]
    state = ob.to_json()
    assert "Hn3kW9qe" not in state and "s3cret-pw" not in state
    assert h.Onboarding.from_json(state) == ob


def test_workflow_errors() -> None:
    ob = h.Onboarding.new("1312345678")
    with pytest.raises(h.WorkflowError) as info:
        ob.complete("change_test_password", d(6))
    assert info.value.code == "workflow.prerequisite_missing"
    assert "Log in to the portal" in info.value.message("en")
    with pytest.raises(h.WorkflowError) as info:
        ob.complete("receive_documents", d(5), notice=notice("production_notice.txt"))
    assert info.value.code == "workflow.wrong_notice"
    with pytest.raises(h.WorkflowError) as info:
        ob.complete("no_such_step", d(5))
    assert info.value.code == "workflow.unknown_step"
    with pytest.raises(h.WorkflowError) as info:
        ob.complete("receive_documents", d(5), notice=notice("test_notice.txt"), pc="x")
    assert info.value.code == "workflow.invalid_evidence"
    with pytest.raises(h.WorkflowError) as info:
        ob.undo("receive_documents")
    assert info.value.code == "workflow.not_done"
    with pytest.raises(TypeError):
        ob.complete("receive_documents", "2019-06-05")  # type: ignore[arg-type]
    assert ob.completed() == []  # unchanged on error


def test_bad_evidence() -> None:
    ob = walk()
    ob2 = h.Onboarding.from_json(ob.to_json())
    with pytest.raises(h.WorkflowError) as winfo:
        ob2.undo("register_facility")
    assert winfo.value.code == "workflow.has_dependents"
    ob2.undo("change_torikomi_password")
    ob2.undo("register_facility")
    bad = dict(PROFILE, postal_code="12", phone="")
    with pytest.raises(h.ValidationError) as info:
        ob2.complete("register_facility", d(11), profile=bad)
    assert len(info.value.violations) >= 2
    with pytest.raises(h.WorkflowError) as winfo:
        ob2.complete("register_facility", d(11), profile={"no_such_field": "x"})
    assert winfo.value.code == "workflow.invalid_evidence"


@pytest.mark.parametrize("bad", ["", "{}", "[]", "x" * 10_000, '{"schema": "hug-onboard/onboarding-state", "version": 99}'])
def test_bad_state_is_invalid_data(bad: str) -> None:
    # Kind "invalid_data" (C: HUG_ERR_INVALID_JSON): a ValidationError, not a WorkflowError.
    with pytest.raises(h.ValidationError) as info:
        h.Onboarding.from_json(bad)
    assert info.value.code.startswith("state.")
    assert info.value.findings[0].kind == "invalid_data"
    assert not isinstance(info.value, h.WorkflowError)


def test_the_committed_v1_state_reads() -> None:
    ob = h.Onboarding.from_json((STATES / "v1_complete.json").read_text(encoding="utf-8"))
    assert str(ob.facility_number) == "1312345678"
    assert ob.all_required_done()


def test_steps() -> None:
    steps = h.Step.all()
    assert len(steps) == 13 and steps[0].id == "receive_documents"
    s = h.Step("change_test_password")
    assert s.guide_page == "P6" and s.prerequisites == ["test_login"]
    assert "仮パスワード" in s.title() and s.title("en")
    assert h.Step("register_email").is_optional
    assert repr(s) == "Step('change_test_password')" and str(s) == "change_test_password"


def _run(*argv: str) -> tuple[int, str, str]:
    o, e = io.StringIO(), io.StringIO()
    return cli.main(list(argv), stdout=o, stderr=e), o.getvalue(), e.getvalue()


def test_cli_status(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text(walk().to_json(), encoding="utf-8")
    code, out, err = _run("status", str(state))
    assert code == 0, err
    assert "次にすること" in out and "本番用ID" in out
    code, out, _ = _run("--json", "status", str(state))
    data = json.loads(out)
    assert [s["step"] for s in data["next_steps"]] == ["receive_production_notice"]
    assert data["readiness"]["can_bill"] in (True, False) and "findings" in data["readiness"]
    code, out, _ = _run("--lang", "en", "status", str(state), "--today", "2026-11-25")
    assert code == 0 and "On 2026-11-25: the next claim window (2026-12-01 00:00 to 2026-12-10 24:00 [default rule, unverified])" in out
    assert "Rules used: rules of the Tokyo 国保連: defaults (unverified)" in out
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = _run("--lang", "en", "status", str(bad))
    assert code == cli.EXIT_PROBLEMS and "state.invalid" in err
    code, _, err = _run("status", str(tmp_path / "missing.json"))
    assert code == cli.EXIT_FILE


def test_cli_walkthrough() -> None:
    code, out, err = _run("walkthrough")
    assert code == 0, err
    assert "必要な手順はすべて完了しました" in out and "Kari0123" not in out and "Hn3kW9qe" not in out
    code, out, _ = _run("walkthrough", "--lang", "en", "--json")
    data = json.loads(out)
    assert data["all_required_done"] is True and data["next_steps"] == ["register_email"]


def test_readiness_and_evaluate_many() -> None:
    ob = walk()
    today = datetime.date(2026, 11, 25)
    r = ob.readiness(today)
    assert r.claim_month == "2026-12" and r.today == today
    assert r.claim_window.opens == datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    assert r.codes == [f.code for f in r.findings]
    assert all(f.message("en") for f in r.findings)
    fresh = h.Onboarding.new("1312345678")
    rf = fresh.readiness(today)
    assert not rf.can_bill and rf.next_actions[0].step_id == "receive_documents"
    assert rf.next_actions[0].due == datetime.date(2026, 12, 10)
    batch = h.evaluate_many([ob.to_json(), fresh, fresh.to_json()], today)
    assert (batch.total, len(batch)) == (3, 3)
    assert batch.by_code["readiness.step_missing"] >= 2
    assert batch.results[1].to_json() == rf.to_json()
    with pytest.raises(h.ValidationError) as e:
        h.evaluate_many([fresh.to_json(), "{"], today)
    assert e.value.code == "state.invalid" and getattr(e.value, "index") == 1
    with pytest.raises(TypeError):
        h.evaluate_many([42], today)  # type: ignore[list-item]
