"""The shared conformance vectors (tests/vectors/*.json) run through the Python API.

Every vector ``op`` maps to the Python call a user would make. An area with no
runner fails (unless listed in NOT_COVERED with a reason, which shows as a
skip); an unknown op inside an area fails its case.
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Callable, Dict, List, Tuple

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


#: op -> the Python call. Add every op of every area with a Python surface.
OPS: Dict[str, Op] = {
    "facility.parse": op_facility_parse,
    "user_id.parse": op_user_id_parse,
    "wareki.parse_date": op_wareki_parse_date,
    "wareki.parse": op_wareki_parse,
    "wareki.format": op_wareki_format,
    "notice.parse": op_notice_parse,
    "notice.from_json": op_notice_from_json,
    "password.policy": op_password_policy,
    "password.check": op_password_check,
    "password.check_change": op_password_check_change,
    "password.generate": op_password_generate,
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
