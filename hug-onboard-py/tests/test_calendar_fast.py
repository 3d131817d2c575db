"""is_holiday / holiday_name / is_business_day are C-level functions answering from a table the
core fills (hug-onboard-py/src/fastcal.rs). Each test states what a call does with one kind of
argument: the fast path (an exact ``date``/``datetime`` of the supported range) and everything
else, which goes to the same pyo3 functions as before and answers or raises as they did."""

from __future__ import annotations

import datetime
import inspect
import platform
import sys
from typing import Any, Callable

import pytest

import hug_onboard as h
from hug_onboard import _native

FIRST = datetime.date(1948, 7, 20)
LAST = datetime.date(2099, 12, 31)
JST = datetime.timezone(datetime.timedelta(hours=9))


def every_day() -> list[datetime.date]:
    return [FIRST + datetime.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


class MyDate(datetime.date):
    """A date subclass: not the exact type, so never read through the fast path."""


CALLS: list[tuple[str, Callable[[Any], Any]]] = [
    ("is_holiday", lambda d: h.is_holiday(d)),
    ("holiday_name", lambda d: h.holiday_name(d)),
    ("holiday_name en", lambda d: h.holiday_name(d, "en")),
    ("is_business_day", lambda d: h.is_business_day(d)),
]


def test_the_functions_are_builtins_with_the_stubs_signatures() -> None:
    for f in (h.is_holiday, h.holiday_name, h.is_business_day):
        assert f is getattr(_native, f.__name__)
        assert inspect.isbuiltin(f), f  # no Python frame around the call
        assert f.__doc__ and f.__module__ == "hug_onboard._native"
    assert str(inspect.signature(h.is_holiday)) == "(d)"
    assert str(inspect.signature(h.is_business_day)) == "(d)"
    assert str(inspect.signature(h.holiday_name)) == "(d, lang='ja')"


@pytest.mark.skipif(platform.python_implementation() != "CPython", reason="the layout probe is CPython's")
def test_the_fast_path_is_on() -> None:
    # False would mean the date layout was not found at import: correct but ~5x slower.
    assert _native._calendar_fast_path is True


def test_every_supported_day_answers_as_the_core_does() -> None:
    # The core's own per-day answers: Holiday objects and the default JapaneseCalendar.
    cal = h.JapaneseCalendar.default()
    for d in every_day():
        hol = h.holiday(d)
        assert h.is_holiday(d) is (hol is not None), d
        assert h.holiday_name(d) == (hol.name_ja if hol else None), d
        assert h.holiday_name(d, "en") == (hol.name_en if hol else None), d
        assert h.is_business_day(d) is cal.is_business_day(d), d


def test_a_datetime_is_answered_for_its_day() -> None:
    # Naive or aware, whatever the zone: the datetime's own calendar day (as before).
    for dt in (datetime.datetime(2026, 1, 12, 9, 30), datetime.datetime(2026, 1, 12, 23, 59, tzinfo=JST),
               datetime.datetime(2026, 1, 12, 0, 0, tzinfo=datetime.timezone.utc)):
        assert h.is_holiday(dt) is True
        assert h.holiday_name(dt, "en") == "Coming of Age Day"
        assert h.is_business_day(dt) is False
    assert h.is_business_day(datetime.datetime(2026, 1, 2)) is True
    assert h.holiday_name(datetime.datetime(2026, 1, 2)) is None


def test_a_date_subclass_is_answered_for_its_day() -> None:
    for d in (datetime.date(2026, 1, 1), datetime.date(2026, 1, 2), datetime.date(2026, 9, 22)):
        sub = MyDate(d.year, d.month, d.day)
        for _, call in CALLS:
            assert call(sub) == call(d), d


@pytest.mark.parametrize("day", [datetime.date(1948, 7, 19), datetime.date(1948, 1, 1),
                                 datetime.date(2100, 1, 1), datetime.date(1, 1, 1),
                                 datetime.date(9999, 12, 31), datetime.datetime(2100, 1, 1, 0, 0),
                                 MyDate(1900, 1, 1)])
def test_out_of_range_days_raise_the_cores_error(day: datetime.date) -> None:
    for _ in range(2):  # every time, not only the first
        for name, call in CALLS:
            with pytest.raises(h.ValidationError) as e:
                call(day)
            assert e.value.code == "calendar.out_of_range", name


@pytest.mark.parametrize("bad", [None, "2026-01-01", 20260101, 2026.0, [datetime.date(2026, 1, 1)],
                                 datetime.time(12, 0), object()])
def test_anything_but_a_date_is_a_type_error(bad: object) -> None:
    # The package's rule for wrong argument types (README: "as everywhere in Python").
    for name, call in CALLS:
        with pytest.raises(TypeError):
            call(bad)
        # ... never a coded error: nothing was validated
        try:
            call(bad)
        except h.HugOnboardError:  # pragma: no cover - the failure being tested
            pytest.fail(f"{name}({bad!r}) raised a HugOnboardError")
        except TypeError:
            pass


def test_lang() -> None:
    d = datetime.date(2026, 9, 22)
    built = "".join(["e", "n"])  # an equal string that is not the interned constant
    assert h.holiday_name(d, built) == h.holiday_name(d, lang="en") == "Citizens' Holiday"
    assert h.holiday_name(d, lang="ja") == h.holiday_name(d, "ja") == h.holiday_name(d) == "国民の休日"
    for lang in ("fr", "de", ""):
        for day in (d, datetime.date(2026, 9, 24)):  # a holiday and an ordinary day alike
            with pytest.raises(h.ValidationError) as e:
                h.holiday_name(day, lang)
            assert e.value.code == "lang.unknown"
    with pytest.raises(TypeError):
        h.holiday_name(d, None)  # type: ignore[arg-type]


def test_keywords_and_argument_counts() -> None:
    d = datetime.date(2026, 11, 3)
    assert h.is_holiday(d=d) is True
    assert h.is_business_day(d=d) is False
    assert h.holiday_name(d=d, lang="en") == "Culture Day"
    assert h.holiday_name(lang="en", d=d) == "Culture Day"
    bad_calls: list[Callable[[], Any]] = [
        lambda: h.is_holiday(),  # type: ignore[call-arg]
        lambda: h.is_holiday(d, d),  # type: ignore[call-arg]
        lambda: h.is_holiday(day=d),  # type: ignore[call-arg]
        lambda: h.is_business_day(d, lang="en"),  # type: ignore[call-arg]
        lambda: h.holiday_name(d, "en", "ja"),  # type: ignore[call-arg]
        lambda: h.holiday_name(d, "en", lang="ja"),  # type: ignore[misc]
        lambda: h.holiday_name(d, language="en"),  # type: ignore[call-arg]
    ]
    for call in bad_calls:
        with pytest.raises(TypeError):
            call()


def test_no_reference_is_leaked_or_stolen() -> None:
    d = datetime.date(2026, 1, 1)
    name = h.holiday_name(d)
    assert name is not None
    before = (sys.getrefcount(name), sys.getrefcount(True), sys.getrefcount(None), sys.getrefcount(d))
    for _ in range(10_000):
        h.holiday_name(d)
        h.holiday_name(datetime.date(2026, 1, 2))
        h.is_holiday(d)
        h.is_business_day(d)
    after = (sys.getrefcount(name), sys.getrefcount(True), sys.getrefcount(None), sys.getrefcount(d))
    # Equal, or immortal (3.12+): a leak adds 10 000, a stolen reference would crash.
    assert all(abs(a - b) < 100 for a, b in zip(after, before)), (before, after)
