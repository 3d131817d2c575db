"""The shared conformance vectors (tests/vectors/*.json) run through the Python API.

Every vector ``op`` maps to the Python call a user would make. An area with no
runner fails (unless listed in NOT_COVERED with a reason, which shows as a
skip); an unknown op inside an area fails its case.
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Callable, Dict, List, Optional, Tuple

import pytest

import hug_onboard as h
from conftest import VECTORS_DIR

Input = Dict[str, Any]
Op = Callable[[Input], Any]


def _s(inp: Input, key: str = "s") -> str:
    v = inp[key]
    assert isinstance(v, str), f"input.{key} must be a string"
    return v


# --- facility ----------------------------------------------------------------------


def op_facility_parse(inp: Input) -> Any:
    n = h.FacilityNumber(_s(inp))
    p = n.prefecture
    return {
        "number": str(n),
        "prefecture": p.number,
        "prefecture_ja": p.name_ja,
        "prefecture_en": p.name_en,
    }


def op_user_id_parse(inp: Input) -> Any:
    return {"id": str(h.UserId(_s(inp)))}


# --- wareki ------------------------------------------------------------------------


def _lenient(inp: Input) -> bool:
    return bool(inp.get("lenient", False))


def op_wareki_parse_date(inp: Input) -> Any:
    return {"date": h.parse_wareki(_s(inp), lenient=_lenient(inp)).isoformat()}


def op_wareki_parse(inp: Input) -> Any:
    p = h.parse_wareki_partial(_s(inp), lenient=_lenient(inp))
    if p.kind == "date":
        assert p.date is not None
        return {"kind": "date", "date": p.date.isoformat()}
    if p.kind == "year_month":
        return {"kind": "year_month", "year": p.year, "month": p.month}
    return {"kind": "year", "year": p.year}


def op_wareki_format(inp: Input) -> Any:
    d = datetime.date.fromisoformat(_s(inp, "date"))
    style = _s(inp, "style")
    assert style in ("long", "long_numeric", "short")
    return {"text": h.format_wareki(d, style)}  # type: ignore[arg-type]


# --- notice ------------------------------------------------------------------------


def _notice(n: h.RegistrationNotice) -> Any:
    return {
        "kind": n.kind,
        "date": n.date.isoformat() if n.date else None,
        "federation": n.federation,
        "facility_number": str(n.facility_number),
        "postal_code": n.postal_code,
        "address": n.address,
        "facility_name": n.facility_name,
        "user_id": str(n.user_id),
        "remarks": n.remarks,
        "temporary_password": n.temporary_password(),
        "certificate_password": n.certificate_password(),
        "findings": [f.code for f in n.findings()],
    }


def op_notice_parse(inp: Input) -> Any:
    return _notice(h.RegistrationNotice.parse(_s(inp, "text")))


def op_notice_from_json(inp: Input) -> Any:
    return _notice(h.RegistrationNotice.from_json(_s(inp, "json")))


def op_notice_parse_ocr(inp: Input) -> Any:
    return _notice(h.RegistrationNotice.parse_ocr(_s(inp, "text")))


def op_notice_parse_ocr_tsv(inp: Input) -> Any:
    return _notice(h.RegistrationNotice.parse_ocr_tsv(_s(inp, "tsv")))


def op_notice_ocr_rereads(inp: Input) -> Any:
    """A second OCR pass: the page (``tsv``, else ``text``), then ``rereads``."""
    page = (
        h.RegistrationNotice.parse_ocr_tsv(_s(inp, "tsv"))
        if "tsv" in inp
        else h.RegistrationNotice.parse_ocr(_s(inp, "text"))
    )
    return _notice(page.with_ocr_rereads(inp["rereads"]))


def op_notice_parse_ocr_tsv_rereads(inp: Input) -> Any:
    """The page and its second reads in one step."""
    return _notice(h.RegistrationNotice.parse_ocr_tsv(_s(inp, "tsv"), inp["rereads"]))


# --- profile -----------------------------------------------------------------------


def op_profile_validate(inp: Input) -> Any:
    p = h.FacilityProfile.validate(inp["fields"])
    return {"profile": p.to_dict(), "warnings": [w.code for w in p.warnings]}


# --- password ----------------------------------------------------------------------


def _policy(inp: Input) -> h.PasswordPolicy:
    return h.PasswordPolicy.by_name(_s(inp, "profile"))


def op_password_policy(inp: Input) -> Any:
    return json.loads(_policy(inp).to_json())


def op_password_check(inp: Input) -> Any:
    uid = inp.get("user_id")
    assert uid is None or isinstance(uid, str)
    return {"codes": [v.code for v in _policy(inp).check(_s(inp, "password"), uid)]}


def op_password_check_change(inp: Input) -> Any:
    vs = _policy(inp).check_change(
        user_id=_s(inp, "user_id"),
        current=_s(inp, "current"),
        new=_s(inp, "new"),
        confirm=_s(inp, "confirm"),
    )
    return {"codes": [v.code for v in vs]}


LOOK_ALIKES = "0Oo1lI|'`\",.;:"


def op_password_generate(inp: Input) -> Any:
    length = inp["length"]
    assert isinstance(length, int)
    pw = _policy(inp).generate(length)
    passes = [
        name
        for name in ("test", "production", "generation")
        if not h.PasswordPolicy.by_name(name).check(pw)
    ]
    return {"length": len(pw), "passes": passes, "look_alikes": any(c in LOOK_ALIKES for c in pw)}


# --- certificate -------------------------------------------------------------------

ROOT = VECTORS_DIR.parent.parent


def _file(inp: Input) -> bytes:
    return (ROOT / _s(inp, "file")).read_bytes()


def _facts(c: h.Certificate) -> Dict[str, Any]:
    fn = c.facility_number
    return {
        "fingerprint_sha256": c.sha256_fingerprint,
        "serial_hex": c.serial_hex,
        "valid_from_jst": c.valid_from_jst.isoformat(),
        "valid_to_jst": c.valid_to_jst.isoformat(),
        "facility_number": str(fn) if fn is not None else None,
    }


def op_certificate_open(inp: Input) -> Any:
    c = h.Certificate.from_pkcs12(_file(inp), _s(inp, "password"))
    assert c.private_key_checked
    # The vector's key_algorithm is the private key's; the key itself never
    # reaches Python, so the certificate's public key algorithm stands for it
    # (open() checks that the two match).
    return {**_facts(c), "key_algorithm": c.key_algorithm}


def op_certificate_inspect(inp: Input) -> Any:
    c = h.Certificate.inspect_pkcs12(_file(inp), _s(inp, "password"))
    assert not c.private_key_checked
    return {**_facts(c), "has_private_key": c.has_private_key, "leaf_is_ca": c.leaf_is_ca}


def op_certificate_read(inp: Input) -> Any:
    data, pw = _file(inp), _s(inp, "password")
    c = h.Certificate.from_pkcs12(data, pw) if _s(inp, "mode") == "open" else h.Certificate.inspect_pkcs12(data, pw)
    return {
        "leaf_sha256": c.sha256_fingerprint,
        "chain_sha256": [x.sha256_fingerprint for x in c.chain],
        "password_verified": c.password_verified,
        "finding_codes": [f.code for f in c.findings()],
    }


def _instant(inp: Input, key: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(_s(inp, key).replace("Z", "+00:00"))


def _day(inp: Input, key: str = "date") -> datetime.date:
    return datetime.date.fromisoformat(_s(inp, key))


def _today(inp: Input) -> datetime.date:
    """"today": a JST day, or an instant (an aware datetime) when it has a time."""
    return _instant(inp, "today") if "T" in _s(inp, "today") else _day(inp, "today")


def _certificate_rulebook(inp: Input) -> h.Rulebook:
    """The vectors' optional rule overrides, as a rulebook (its certificate section)."""
    cert = {k: inp[k] for k in ("issuance_lead_days", "application_cutoff_day") if k in inp}
    return h.Rulebook.from_json(json.dumps({"certificate": cert}))


def op_certificate_status(inp: Input) -> Any:
    s = h.certificate_status(
        _instant(inp, "not_before"), _instant(inp, "not_after"), _today(inp),
        _certificate_rulebook(inp),
    )
    return {"code": s.code, "days_left": s.days_left}


def op_certificate_renewal_plan(inp: Input) -> Any:
    # The vectors are computed on the weekend-only calendar; the Python API
    # always uses the holiday calendar. No vector's days fall on a holiday, which
    # the runner checks so that a future vector cannot pass by accident.
    p = h.renewal_plan(_instant(inp, "not_after"), _today(inp), _certificate_rulebook(inp))
    assert not h.is_holiday(p.apply_by), "vector depends on holidays: weekend-only calendar"
    return {
        "code": p.code,
        "target_window_opens": p.target_window.opens.date().isoformat(),
        "install_by": p.install_by.isoformat(),
        "apply_by": p.apply_by.isoformat(),
        "passed": p.passed,
    }


# --- holidays ----------------------------------------------------------------------


def _calendar(inp: Input) -> h.JapaneseCalendar:
    return h.JapaneseCalendar(year_end_closure=bool(inp.get("year_end_closure", False)))


def _date_arg(inp: Input) -> datetime.date:
    """The vector's date; text that is no date goes through the core's check (calendar.invalid_date)."""
    return h.parse_date(_s(inp, "date"))


def op_calendar_holidays_of_year(inp: Input) -> Any:
    year = inp["year"]
    assert isinstance(year, int)
    cal = h.JapaneseCalendar(last_announced_year=inp["last_announced_year"])
    status = cal.year_status(year)
    hs = [{"date": x.date.isoformat(), "kind": x.kind} for x in h.holidays_of_year(year)]
    return {"year": year, "status": status, "holidays": hs}


def op_calendar_holiday_name(inp: Input) -> Any:
    return {"name": h.holiday_name(_date_arg(inp), _s(inp, "lang"))}


def op_calendar_is_business_day(inp: Input) -> Any:
    return {"business_day": _calendar(inp).is_business_day(_date_arg(inp))}


def op_calendar_next_business_day(inp: Input) -> Any:
    return {"date": _calendar(inp).next_business_day(_date_arg(inp)).isoformat()}


def op_calendar_previous_business_day(inp: Input) -> Any:
    return {"date": _calendar(inp).previous_business_day(_date_arg(inp)).isoformat()}


# --- schedule ----------------------------------------------------------------------


def _billing(inp: Input) -> h.BillingCalendar:
    rb: Optional[h.Rulebook]
    if "prefecture" in inp:
        rb = h.Rulebook.for_prefecture(inp["prefecture"])
    else:
        rb = h.Rulebook.from_json(json.dumps(inp["rulebook"])) if "rulebook" in inp else None
    lay = inp.get("last_announced_year")
    cal = h.JapaneseCalendar(last_announced_year=lay) if lay is not None else None
    return h.BillingCalendar(rb, cal)


def _jst_text(t: datetime.datetime) -> str:
    """An aware JST datetime as the vectors write JST wall-clock times."""
    assert t.utcoffset() == datetime.timedelta(hours=9)
    return t.replace(tzinfo=None).isoformat()


def op_schedule_month(inp: Input) -> Any:
    s = _billing(inp).schedule(_s(inp, "service_month"))
    return {
        "rulebook_id": s.rulebook_id,
        "service_month": s.service_month,
        "claim_month": s.claim_month,
        "window": {
            "opens": _jst_text(s.claim_window.opens),
            "closes": _jst_text(s.claim_window.closes),
        },
        "window_extended": s.window_extended,
        "documents": [
            {
                "document": d.kind,
                "date": d.date.isoformat(),
                "only_if_returns": d.only_if_returns,
                "sources": d.sources,
                "basis": d.basis,
            }
            for d in s.documents
        ],
        "payment": {"nominal": s.payment_nominal_date.isoformat(), "date": s.payment_date.isoformat(),
                    "basis": s.payment_basis},
        "provisional": s.provisional,
        "window_basis": s.window_basis,
        "closing_time_basis": s.closing_time_basis,
    }


def op_schedule_window_open(inp: Input) -> Any:
    w = _billing(inp).window_at(_s(inp, "at"))
    return {"open": w is not None, "service_month": w[0] if w else None}


def op_schedule_next_deadline(inp: Input) -> Any:
    d = _billing(inp).next_deadline(_s(inp, "at"))
    return {
        "service_month": d.service_month,
        "opens": _jst_text(d.claim_window.opens),
        "closes": _jst_text(d.claim_window.closes),
        "open_now": d.open_now,
    }


def op_schedule_events_on(inp: Input) -> Any:
    evs = _billing(inp).events_on(_date_arg(inp))
    return [{"kind": e.kind, "service_month": e.service_month, "document": e.document} for e in evs]


def op_rulebook_parse(inp: Input) -> Any:
    r = h.Rulebook.from_json(_s(inp, "json"))
    rules = json.loads(r.to_json())
    return {
        "id": r.id,
        "payment_notice_release_day": rules["documents"]["payment_notice"]["release_day"],
        "closing_day": rules["window"]["closing_day"],
        "payment_day": rules["payment"]["day"],
    }


def op_rulebook_for_prefecture(inp: Input) -> Any:
    r = h.Rulebook.for_prefecture(_s(inp, "code"))
    return {"id": r.id, "prefecture": r.prefecture, "sourced": sorted(r.sources)}


# --- readiness ---------------------------------------------------------------------


def _naive_text(t: datetime.datetime) -> str:
    assert t.utcoffset() == datetime.timedelta(hours=9)
    return t.replace(tzinfo=None).isoformat(sep=" ")


def op_readiness_evaluate(inp: Input) -> Any:
    today = h.parse_date(_s(inp, "today"))
    # input.prefecture names a registry rulebook; else the facility's own (the vectors'
    # facility is in Tokyo, whose rulebook has the default dates).
    rb = h.Rulebook.for_prefecture(_s(inp, "prefecture")) if "prefecture" in inp else None
    r = h.Onboarding.from_json(_s(inp, "state")).readiness(today, rb)
    # The same state through the batch path gives the same report.
    batch = h.evaluate_many([_s(inp, "state")], today, rb)
    assert batch.total == 1 and batch.results[0].to_json() == r.to_json()
    return {
        "can_bill": r.can_bill,
        "claim_month": r.claim_month,
        "window_opens": _naive_text(r.claim_window.opens),
        "window_closes": _naive_text(r.claim_window.closes),
        "findings": [
            {"code": f.code, "severity": f.severity,
             "fix_by": f.fix_by.isoformat() if f.fix_by else None}
            for f in r.findings
        ],
        "next_actions": [a.step_id or a.code for a in r.next_actions],
    }


#: op -> the Python call. Add every op of every area with a Python surface.
OPS: Dict[str, Op] = {
    "facility.parse": op_facility_parse,
    "user_id.parse": op_user_id_parse,
    "wareki.parse_date": op_wareki_parse_date,
    "wareki.parse": op_wareki_parse,
    "wareki.format": op_wareki_format,
    "notice.parse": op_notice_parse,
    "notice.parse_ocr": op_notice_parse_ocr,
    "notice.parse_ocr_tsv": op_notice_parse_ocr_tsv,
    "notice.ocr_rereads": op_notice_ocr_rereads,
    "notice.parse_ocr_tsv_rereads": op_notice_parse_ocr_tsv_rereads,
    "profile.validate": op_profile_validate,
    "notice.from_json": op_notice_from_json,
    "password.policy": op_password_policy,
    "password.check": op_password_check,
    "password.check_change": op_password_check_change,
    "password.generate": op_password_generate,
    "certificate.open": op_certificate_open,
    "certificate.inspect": op_certificate_inspect,
    "certificate.status": op_certificate_status,
    "certificate.renewal_plan": op_certificate_renewal_plan,
    "certificate.read": op_certificate_read,
    "calendar.holidays_of_year": op_calendar_holidays_of_year,
    "calendar.holiday_name": op_calendar_holiday_name,
    "calendar.is_business_day": op_calendar_is_business_day,
    "calendar.next_business_day": op_calendar_next_business_day,
    "calendar.previous_business_day": op_calendar_previous_business_day,
    "schedule.month": op_schedule_month,
    "schedule.window_open": op_schedule_window_open,
    "schedule.next_deadline": op_schedule_next_deadline,
    "schedule.events_on": op_schedule_events_on,
    "rulebook.parse": op_rulebook_parse,
    "rulebook.for_prefecture": op_rulebook_for_prefecture,
    "readiness.evaluate": op_readiness_evaluate,
}

#: areas whose runner is not written yet, with the reason (shown as a skip).
NOT_COVERED: Dict[str, str] = {}


def _load() -> List[Tuple[str, Dict[str, Any]]]:
    cases: List[Tuple[str, Dict[str, Any]]] = []
    for path in sorted(VECTORS_DIR.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        area = doc["area"]
        assert area == path.stem, f"{path.name}: area {area!r} does not match the file name"
        for case in doc["cases"]:
            cases.append((area, case))
    return cases


CASES = _load()


def test_vectors_exist() -> None:
    assert len(CASES) >= 30
    ids = [c["id"] for _, c in CASES]
    assert len(ids) == len(set(ids)), "duplicate vector ids"


def test_every_area_has_a_runner_or_a_reason() -> None:
    areas = {area for area, _ in CASES}
    covered = {op.split(".", 1)[0] for op in OPS}
    op_areas = {c["op"].split(".", 1)[0] for _, c in CASES}
    missing = sorted(a for a in areas if a not in NOT_COVERED and not (op_areas & covered))
    assert not missing, f"vector areas with no Python runner: {missing}"


def _run(op: str, inp: Input) -> Tuple[str, Any]:
    fn = OPS.get(op)
    if fn is None:
        pytest.fail(f"no Python runner for vector op {op!r}: add it to OPS in test_vectors.py")
    try:
        return ("value", fn(inp))
    except h.HugOnboardError as e:
        return ("errors", e.codes)


@pytest.mark.parametrize(
    "area,case", CASES, ids=[f"{c['id']}:{c['op']}" for _, c in CASES]
)
def test_vector(area: str, case: Dict[str, Any]) -> None:
    if area in NOT_COVERED:
        pytest.skip(f"{area}: not covered yet: {NOT_COVERED[area]}")
    kind, got = _run(case["op"], case["input"])
    expect = case["expect"]
    if "value" in expect:
        assert kind == "value", f"{case['id']}: expected a value, got errors {got}"
        assert got == expect["value"], case["id"]
    elif "error" in expect:
        assert kind == "errors", f"{case['id']}: expected error {expect['error']}, got value {got}"
        assert got[0] == expect["error"], case["id"]
    elif "errors" in expect:
        assert kind == "errors", f"{case['id']}: expected errors {expect['errors']}, got value {got}"
        assert got == expect["errors"], case["id"]
    else:
        pytest.fail(f"{case['id']}: expect has none of value/error/errors")
