"""The shared conformance vectors (tests/vectors/*.json) run through the Python API.

Every vector ``op`` maps to the Python call a user would make. An area with no
runner fails (unless listed in NOT_COVERED with a reason, which shows as a
skip); an unknown op inside an area fails its case.
"""

from __future__ import annotations

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


#: op -> the Python call. Add every op of every area with a Python surface.
OPS: Dict[str, Op] = {
    "facility.parse": op_facility_parse,
    "user_id.parse": op_user_id_parse,
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
