"""Mappings the binding reads as JSON (profiles, certificate evidence, lifecycle
events, agent certificates) and the closures of a calendar: bad values are a
TypeError or a coded error, never a silently taken value, a bare ValueError /
RecursionError / OverflowError, or a value (a password) in a message."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import hug_onboard as h

D = datetime.date(2026, 6, 1)


def _ob() -> h.Onboarding:
    return h.Onboarding(h.FacilityNumber("1312345678"))


def _message(e: BaseException) -> str:
    parts = [str(e)]
    for f in getattr(e, "findings", []):
        parts += [f.message_ja, f.message_en]
    return "\n".join(parts)


@pytest.mark.parametrize(
    "call",
    [
        lambda: h.FacilityProfile.validate(password=87654321),  # type: ignore[arg-type]
        lambda: _ob().complete("register_facility", D, profile={"password": 87654321}),  # type: ignore[dict-item]
        lambda: _ob().complete("install_certificate", D, certificate={"valid_to": 87654321}),
        lambda: h.evaluate_many([], D, agent_certificates=[{"valid_from": 87654321}]),
    ],
)
def test_a_value_of_the_wrong_type_is_not_shown(call: Any) -> None:
    # A password given as a number was quoted by serde's message ("invalid type: integer `87654321`").
    with pytest.raises((TypeError, h.HugOnboardError)) as e:
        call()
    assert "87654321" not in _message(e.value)


@pytest.mark.parametrize("value", [object(), b"bytes", {"a"}])
def test_an_object_that_is_not_json_is_refused_not_stringified(value: object) -> None:
    # json.dumps(default=str) took object() as the text '<object object at 0x…>'.
    with pytest.raises(TypeError):
        h.FacilityProfile.validate(name_kanji=value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        h.evaluate_many([], D, agent_certificates=[{"subject_facility_number": value}])


def test_dates_in_mappings_still_work() -> None:
    with pytest.raises(h.HugOnboardError) as e:
        h.evaluate_many([], D, agent_certificates=[{"valid_to": datetime.date(2027, 1, 1)}])
    # Read as a date (the evidence is incomplete), not refused as a type.
    assert e.value.code != "binding.invalid_text"


def test_a_structure_that_contains_itself_or_is_too_deep_is_a_type_error() -> None:
    d: dict[str, Any] = {}
    d["x"] = d
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    for value in (d, {"x": deep}):
        with pytest.raises(TypeError):
            h.FacilityProfile.validate(value)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            h.evaluate_many([], D, agent_certificates=[value])


def test_bad_agent_evidence_is_coded() -> None:
    with pytest.raises(h.HugOnboardError) as e:
        h.evaluate_many([], D, agent_certificates=[{"x": 1}])
    assert e.value.code == "workflow.invalid_evidence"


@pytest.mark.parametrize("bad", [-1, 2**40, 10**30])
def test_closure_numbers_go_through_the_range_check(bad: int) -> None:
    with pytest.raises(h.ValidationError) as e:
        h.JapaneseCalendar(closures=[((bad, 1), (1, 2))])
    assert e.value.code == "binding.out_of_range"


def test_closure_numbers_refuse_bool() -> None:
    with pytest.raises(TypeError):
        h.JapaneseCalendar(closures=[((True, 1), (1, 2))])
    assert h.JapaneseCalendar(closures=[((8, 13), (8, 16))]).closures == [((8, 13), (8, 16))]
