"""Every integer argument of the Python face: out of range is a coded ValidationError.

pyo3 turns a Python int that does not fit the Rust parameter into a bare
OverflowError; the binding takes every integer through one range check instead
(``binding.out_of_range``). The source scan below keeps it that way.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Callable

import pytest

import hug_onboard as h

from conftest import PY_ROOT, REPO_ROOT

HUGE = 10**30
STAMP = datetime.datetime(2026, 4, 1, tzinfo=datetime.timezone.utc)
P12 = (REPO_ROOT / "tests" / "fixtures" / "guide-openssl3.p12").read_bytes()


def _onboarding() -> h.Onboarding:
    return h.Onboarding(h.FacilityNumber("1312345678"))


# (what, call with the given int) — one entry per integer parameter of the face.
CALLS: list[tuple[str, Callable[[Any], Any]]] = [
    ("MonthSchedule.to_ics(alarm_minutes_before_close)",
     lambda v: h.billing_schedule(2026, 6).to_ics(dtstamp=STAMP, alarm_minutes_before_close=v)),
    ("BillingCalendar.to_ics(alarm_minutes_before_close)",
     lambda v: h.BillingCalendar().to_ics("2026-01", "2026-02", dtstamp=STAMP, alarm_minutes_before_close=v)),
    ("holidays_of_year(year)", lambda v: h.holidays_of_year(v)),
    ("JapaneseCalendar.year_status(year)", lambda v: h.JapaneseCalendar().year_status(v)),
    ("JapaneseCalendar(last_announced_year)", lambda v: h.JapaneseCalendar(last_announced_year=v)),
    ("Prefecture.from_number(number)", lambda v: h.Prefecture.from_number(v)),
    ("PasswordPolicy.generate(length)", lambda v: h.PasswordPolicy.by_name("production").generate(v)),
    ("Onboarding.reminders(days)", lambda v: _onboarding().reminders(datetime.date(2026, 6, 1), days=v)),
    ("billing_schedule(year, month)", lambda v: h.billing_schedule(2026, v)),
    ("billing_schedule(year)", lambda v: h.billing_schedule(v, 6)),
    ("BillingCalendar.schedule(year, month)", lambda v: h.BillingCalendar().schedule(2026, v)),
    ("Certificate.from_pkcs12(max_iterations)", lambda v: h.Certificate.from_pkcs12(P12, "x", max_iterations=v)),
    ("Certificate.inspect_pkcs12(max_iterations)", lambda v: h.Certificate.inspect_pkcs12(P12, "x", max_iterations=v)),
]


@pytest.mark.parametrize("what,call", CALLS, ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("value", [HUGE, -HUGE, 2**64])
def test_out_of_range_is_a_coded_validation_error(what: str, call: Callable[[Any], Any], value: int) -> None:
    with pytest.raises(h.HugOnboardError) as e:
        call(value)
    assert not isinstance(e.value, OverflowError)
    assert isinstance(e.value, h.ValidationError), what
    # In the parameter's range but not a valid value: the domain's own code is fine.
    if e.value.code == "binding.out_of_range":
        assert str(value)[:20] in e.value.message_en and "out of range" in e.value.message_en
        assert "範囲外" in e.value.message_ja


@pytest.mark.parametrize(
    "call",
    [
        lambda: h.billing_schedule(2026, 6).to_ics(dtstamp=STAMP, alarm_minutes_before_close=-1),
        lambda: h.Certificate.inspect_pkcs12(P12, "x", max_iterations=-1),
    ],
)
def test_negative_for_an_unsigned_parameter(call: Callable[[], Any]) -> None:
    with pytest.raises(h.ValidationError) as e:
        call()
    assert e.value.code == "binding.out_of_range"


def test_the_issue_example() -> None:
    with pytest.raises(h.ValidationError) as e:
        h.billing_schedule(2026, 6).to_ics(alarm_minutes_before_close=-10)
    assert e.value.code == "binding.out_of_range"
    assert "alarm_minutes_before_close" in e.value.message_en
    assert "0 to 4294967295" in e.value.message_en


def test_a_non_integer_stays_a_type_error() -> None:
    with pytest.raises(TypeError):
        h.billing_schedule(2026, 6).to_ics(alarm_minutes_before_close="10")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        h.holidays_of_year(2026.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("what,call", CALLS, ids=[c[0] for c in CALLS])
def test_a_bool_is_not_an_integer(what: str, call: Callable[[Any], Any]) -> None:
    # `bool` is an `int` subclass: `reminders(days=True)` was silently one day.
    with pytest.raises(TypeError):
        call(True)


def test_the_code_is_listed() -> None:
    assert "binding.out_of_range" in {c.code for c in h.codes()}


def test_no_pyo3_parameter_is_a_rust_integer() -> None:
    """The kind, not the example: no binding parameter may be a bare Rust integer
    (pyo3 would raise OverflowError before the binding sees it)."""
    internal = {
        ("readiness.rs", "days"),  # reminders_of(): a helper, given an already checked value
        ("certificate.rs", "max_iterations"),  # options(): a helper
        ("certificate.rs", "mac_iterations"),  # a struct field, not a parameter
        ("errors.rs", "value"),  # IntValue's own field: the checked integer
        ("fastcal.rs", "date_offset"),  # struct fields: byte offsets found at import
        ("fastcal.rs", "datetime_offset"),
    }
    pat = re.compile(r"^\s+([a-z_]+): (?:Option<)?(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)>?,?\s*$")
    found = []
    for path in sorted((PY_ROOT / "src").glob("*.rs")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = pat.match(line)
            if m and (path.name, m.group(1)) not in internal:
                found.append(f"{path.name}: {line.strip()}")
    assert not found, "take these through errors::IntValue / int_arg: " + "; ".join(found)
