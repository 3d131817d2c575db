"""Reminders, the 取込送信 facility profile on its own, the certificate portal lifecycle."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import pytest

import hug_onboard as h
from hug_onboard import cli
from test_onboarding import PROFILE, walk

D = datetime.date


# --- reminders ---------------------------------------------------------------------------


def test_reminders_of_a_new_facility() -> None:
    ob = h.Onboarding.new("1312345678")
    rs = ob.reminders(D(2026, 11, 25), 14)
    assert rs == sorted(rs, key=lambda r: r.date)
    codes = [(r.date, r.code) for r in rs]
    assert (D(2026, 11, 25), "reminder.next_action") in codes
    assert (D(2026, 12, 1), "reminder.window_opens") in codes
    opens = next(r for r in rs if r.code == "reminder.window_opens")
    assert opens.message() == opens.message_ja == "今日から2026年11月提供分の請求を送信できます。"
    assert opens.message("en") == opens.message_en and "2026-11" in opens.message_en
    assert opens.to_dict() == {"date": "2026-12-01", "code": "reminder.window_opens", "basis": "unverified",
                               "message_ja": opens.message_ja, "message_en": opens.message_en}
    assert repr(opens).startswith("Reminder(date='2026-12-01', code='reminder.window_opens'")
    assert all(r.code in {c.code for c in h.codes()} for r in rs)
    with pytest.raises(h.ValidationError) as e:
        opens.message("fr")
    assert e.value.code == "lang.unknown"


def test_reminders_days_and_rulebook() -> None:
    ob = walk()
    today = D(2026, 11, 25)
    assert ob.reminders(today) == ob.reminders(today, 30, h.Rulebook.default())
    assert [r.code for r in ob.reminders(today, 0)] in ([], ["reminder.next_action"])
    year = ob.reminders(today, 366)
    assert len(year) > len(ob.reminders(today, 30))
    # The certificate of walk() ended 2022-07-24: no renewal deadline ahead, but the expiry matters.
    # However large: 2**63 and 10**40 were binding.out_of_range (the machine range), not this code.
    for bad in (-1, 367, 10**6, 2**63, -(2**63) - 1, 10**40):
        with pytest.raises(h.ValidationError) as e:
            ob.reminders(today, bad)
        assert e.value.code == "binding.invalid_days" and isinstance(e.value, ValueError)
    with pytest.raises(TypeError):
        ob.reminders("2026-11-25")  # type: ignore[arg-type]
    assert h.error_class_for("binding.invalid_days") is h.ValidationError


def test_reminders_of_a_certificate_in_use() -> None:
    ob = walk()  # its certificate runs 2019-07-24 to 2022-07-24
    rs = ob.reminders(D(2022, 1, 4), 366)
    codes = {r.code for r in rs}
    assert {"reminder.window_opens", "reminder.window_closing", "reminder.payment"} <= codes
    assert "reminder.certificate" in codes


# --- the facility profile -----------------------------------------------------------------


def test_profile_validate_from_a_mapping_or_keywords() -> None:
    p = h.FacilityProfile.validate(PROFILE)
    assert p == h.FacilityProfile.validate(**PROFILE)
    assert p == h.FacilityProfile.validate({"facility_number": "1312345678"},
                                           **{k: v for k, v in PROFILE.items() if k != "facility_number"})
    assert str(p.facility_number) == "1312345678" and p.postal_code == "100-0001"
    assert p.name_kanji == "放課後等デイサービス はぐくみ" and p.email is None
    assert p.phone == "03-1234-5678" and p.representative_title == "代表取締役"
    assert not p.password_is_default and p.warnings == []
    data = p.to_dict()
    assert "password" not in data and "s3cret" not in p.to_json() and "s3cret" not in repr(p)
    assert data["password_is_default"] is False and data["postal_code"] == "100-0001"
    assert ("郵便番号", "100-0001") in p.fields() and ("postal code", "100-0001") in p.fields("en")
    default = h.FacilityProfile.validate(PROFILE, password="0000", email="info@example.jp")
    assert default.password_is_default and default.email == "info@example.jp"
    assert [w.code for w in default.warnings] == ["profile.password_default"]
    assert default.warnings[0].severity == "warning"


def test_profile_reports_every_violation() -> None:
    with pytest.raises(h.ValidationError) as e:
        h.FacilityProfile.validate()
    assert e.value.codes == ["profile.required"] * 12
    bad = dict(PROFILE, postal_code="1000", phone="12345", name_kana="Hagukumi", email="nope",
               fax="\x00")
    with pytest.raises(h.ValidationError) as e:
        h.FacilityProfile.validate(bad, expected_facility="1312345679")
    assert sorted(e.value.codes) == sorted([
        "profile.control_char", "profile.facility_mismatch", "profile.not_katakana",
        "postal_code.invalid",
        "profile.phone_invalid", "profile.email_invalid",
    ])
    assert len(e.value.violations) == 6 and all(v.message("en") for v in e.value.violations)
    with pytest.raises(h.ValidationError) as e:
        h.FacilityProfile.validate(PROFILE, expected_facility=h.FacilityNumber("1312345679"))
    assert e.value.codes == ["profile.facility_mismatch"]
    assert h.FacilityProfile.validate(PROFILE, expected_facility="1312345678") == h.FacilityProfile.validate(PROFILE)


@pytest.mark.parametrize("value", ["", " ", "\x00", "x" * 10_000, "あ" * 10_000])
def test_profile_edge_inputs_never_crash(value: str) -> None:
    fields = {k: value for k in PROFILE}
    with pytest.raises(h.ValidationError) as e:
        h.FacilityProfile.validate(fields)
    assert e.value.violations


def test_profile_bad_arguments_are_type_errors() -> None:
    with pytest.raises(TypeError, match="no_such_field"):
        h.FacilityProfile.validate(PROFILE, no_such_field="x")
    with pytest.raises(h.ValidationError) as e:  # a keyword overrides the mapping's entry
        h.FacilityProfile.validate(PROFILE, phone="1")
    assert e.value.codes == ["profile.phone_invalid"]
    with pytest.raises(TypeError):
        h.FacilityProfile.validate(dict(PROFILE, phone=312345678))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        h.FacilityProfile.validate(["facility_number"])  # type: ignore[arg-type]
    with pytest.raises(h.ValidationError):
        h.FacilityProfile.validate(PROFILE, expected_facility="12")


def test_onboarding_takes_a_validated_profile_and_returns_it() -> None:
    ob = walk()
    assert ob.profile == h.FacilityProfile.validate(PROFILE)
    assert h.Onboarding.from_json(ob.to_json()).profile == ob.profile
    assert h.Onboarding.new("1312345678").profile is None
    ob2 = walk()
    ob2.undo("change_torikomi_password")
    ob2.undo("register_facility")
    p = h.FacilityProfile.validate(PROFILE, password="0000")
    ob2.complete("register_facility", D(2019, 6, 12), profile=p)
    assert ob2.profile == p and not ob2.is_done("change_torikomi_password")
    other = h.FacilityProfile.validate(PROFILE, facility_number="1312345679")
    ob2.undo("register_facility")
    with pytest.raises(h.HugOnboardError):
        ob2.complete("register_facility", D(2019, 6, 12), profile=other)


# --- the certificate lifecycle ------------------------------------------------------------

ADDRESSEE = dict(postal_code="〒１００－０００１", address="東京都千代田区千代田1-1",
                 office_name="ひまわり", person_name="山田 太郎", honorific="様")


def stage(lc: h.CertificateLifecycle) -> str:
    """The stage as a plain str (so that mypy does not narrow it between calls)."""
    return lc.stage


def test_lifecycle_with_explicit_methods() -> None:
    lc = h.CertificateLifecycle()
    assert stage(lc) == "not_applied" and lc.stage_label() == "未申請" and lc.stage_label("en") == "not applied"
    est = lc.make_estimate(h.Addressee(**ADDRESSEE), D(2023, 8, 1))
    assert est.fee_yen == 7800 and est.made_on == D(2023, 8, 1) and est.addressee.postal_code == "100-0001"
    assert stage(lc) == "estimate_made" and lc.estimate == est
    lc.apply(D(2023, 8, 2))
    assert stage(lc) == "applied" and lc.applied_on == D(2023, 8, 2) and lc.stage_label() == "発行申請中"
    with pytest.raises(h.WorkflowError) as e:
        lc.install("受付PC", D(2023, 8, 3))
    assert e.value.code == "certificate.lifecycle.invalid_transition"
    assert "Cannot install while the certificate is applied." in e.value.message_en
    with pytest.raises(h.WorkflowError) as e:
        lc.issue(D(2023, 9, 14), D(2023, 9, 15), D(2023, 9, 14))
    assert e.value.code == "certificate.lifecycle.invalid_dates" and stage(lc) == "applied"
    lc.issue(D(2023, 9, 14), D(2023, 9, 15), D(2026, 9, 15))
    lc.download(D(2023, 9, 15), fingerprint_sha256="AB:CD")
    lc.install("受付PC", D(2023, 9, 15))
    lc.install("事務所PC", D(2023, 9, 16))
    with pytest.raises(h.WorkflowError) as e:
        lc.install(" ", D(2023, 9, 16))
    assert e.value.code == "certificate.lifecycle.invalid_dates"
    assert stage(lc) == "installed" and not lc.renewal
    cert = lc.certificate
    assert cert is not None and cert.valid_to == D(2026, 9, 15) and cert.fingerprint_sha256 == "AB:CD"
    assert cert.installations == [("受付PC", D(2023, 9, 15)), ("事務所PC", D(2023, 9, 16))]
    # Renewal: the certificate in use stays as `previous` until replaced.
    lc.apply(D(2026, 7, 1))
    assert lc.renewal and lc.previous == cert and lc.certificate is None and lc.estimate is None
    assert repr(lc) == "CertificateLifecycle(stage='applied', renewal=True)"
    back = h.CertificateLifecycle.from_json(lc.to_json())
    assert back == lc and back is not lc
    assert [e["event"] for e in lc.history] == [
        "make_estimate", "apply", "issue", "download", "install", "install", "apply"]


def test_lifecycle_events_replay_and_validation() -> None:
    lc = h.CertificateLifecycle()
    lc.make_estimate(ADDRESSEE, D(2023, 8, 1), h.Rulebook.default())
    lc.apply_event({"event": "apply", "on": D(2023, 8, 2)})
    lc.apply_event('{"event": "issue", "on": "2023-09-14", "valid_from": "2023-09-15", "valid_to": "2026-09-15"}')
    lc.apply_event({"event": "download", "on": "2023-09-15", "fingerprint_sha256": None})
    lc.apply_event({"event": "install", "pc": "PC1", "on": D(2023, 9, 15)})
    lc.expire(D(2026, 9, 16))
    assert stage(lc) == "expired"
    replay = h.CertificateLifecycle()
    for event in lc.history:
        replay.apply_event(event)
    assert replay == lc
    for bad in ({"event": "fly", "on": "2023-01-01"}, {"event": "apply"}, {"on": "2023-01-01"},
                {"event": "apply", "on": "2023-02-30"}, "{", "", "\x00" * 10):
        with pytest.raises(h.ValidationError) as e:
            lc.apply_event(bad)
        assert e.value.code == "binding.invalid_event", bad
    with pytest.raises(TypeError):
        lc.apply_event(42)  # type: ignore[arg-type]
    # An estimate's addressee is validated even when it comes as an event.
    ev: dict[str, Any] = json.loads(json.dumps(lc.history[0]))
    ev["estimate"]["addressee"]["postal_code"] = "1000"
    with pytest.raises(h.ValidationError) as e:
        lc.apply_event(ev)
    assert e.value.code == "certificate.addressee.postal_code"
    assert lc == replay


def test_addressee_reports_every_problem() -> None:
    with pytest.raises(h.ValidationError) as e:
        h.Addressee("1000", "", "x", "y", "殿")
    assert e.value.codes == ["certificate.addressee.postal_code", "certificate.addressee.empty",
                             "certificate.addressee.honorific"]
    a = h.Addressee("1000001", "a", "b", "総務部", "御中")
    assert a.honorific == "御中" and a.postal_code == "100-0001"
    lc = h.CertificateLifecycle()
    with pytest.raises(h.ValidationError) as e:
        lc.make_estimate({"postal_code": "x" * 10_000}, D(2023, 8, 1))
    assert "certificate.addressee.empty" in e.value.codes and stage(lc) == "not_applied"
    with pytest.raises(h.ValidationError) as we:
        h.CertificateLifecycle.from_json('{"stage": "flying"}')
    assert we.value.code == "state.invalid"
    with pytest.raises(TypeError):
        lc.make_estimate(42, D(2023, 8, 1))  # type: ignore[arg-type]


# --- the status command with reminders ---------------------------------------------------


def _run(*argv: str) -> tuple[int, str, str]:
    o, e = io.StringIO(), io.StringIO()
    return cli.main(list(argv), stdout=o, stderr=e), o.getvalue(), e.getvalue()


def test_cli_status_reminders(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text(h.Onboarding.new("1312345678").to_json(), encoding="utf-8")
    code, out, err = _run("status", str(state), "--today", "2026-11-25", "--reminders", "14")
    assert code == 0, err
    assert "今後14日のお知らせ:" in out and "2026年12月1日（火） 今日から2026年11月提供分の請求を送信できます。" in out
    code, out, _ = _run("--lang", "en", "status", str(state), "--today", "2026-11-25", "--reminders", "14")
    assert code == 0 and "Reminders for the next 14 days:" in out and "2026-12-01 Claims for services in 2026-11" in out
    code, out, _ = _run("--json", "status", str(state), "--today", "2026-11-25", "--reminders", "14")
    data = json.loads(out)
    assert any(r["date"] == "2026-12-01" and r["code"] == "reminder.window_opens" and r["message_en"]
               for r in data["reminders"])
    code, out, _ = _run("--json", "status", str(state), "--today", "2026-11-25")
    assert "reminders" not in json.loads(out)
    code, _, err = _run("status", str(state), "--reminders", "400")
    assert code == cli.EXIT_USAGE and "--reminders" in err
    code, _, _ = _run("status", str(state), "--reminders", "x")
    assert code == cli.EXIT_USAGE
