"""is_holiday / holiday_name / is_business_day answer from a per-year table the core fills
(hug_onboard/_calendar.py): the same answers and the same errors as the native per-day calls."""

from __future__ import annotations

import datetime

import pytest

import hug_onboard as h
from hug_onboard import _calendar, _native

FIRST = datetime.date(1948, 7, 20)
LAST = datetime.date(2099, 12, 31)


def every_day() -> list[datetime.date]:
    return [FIRST + datetime.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


def test_the_package_functions_are_the_table_backed_ones() -> None:
    assert h.is_holiday is _calendar.is_holiday
    assert h.holiday_name is _calendar.holiday_name
    assert h.is_business_day is _calendar.is_business_day
    assert h.is_holiday.__doc__ == _native.is_holiday.__doc__


def test_every_supported_day_answers_as_the_core_does() -> None:
    _calendar._clear()
    for d in every_day():
        assert h.is_holiday(d) == _native.is_holiday(d), d
        assert h.is_business_day(d) == _native.is_business_day(d), d
        assert h.holiday_name(d) == _native.holiday_name(d), d
        assert h.holiday_name(d, "en") == _native.holiday_name(d, "en"), d
        assert h.holiday_name(d, lang="en") == _native.holiday_name(d, "en"), d
    assert len(_calendar._YEARS) == 2099 - 1948 + 1


def test_one_native_call_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    _calendar._clear()
    calls: list[int] = []
    real = _native._calendar_year

    def counting(year: int) -> list[tuple[datetime.date, str | None, str | None, bool]]:
        calls.append(year)
        return real(year)

    monkeypatch.setattr(_native, "_calendar_year", counting)
    for d in every_day()[:800]:
        h.is_holiday(d)
        h.holiday_name(d, "en")
        h.is_business_day(d)
    assert calls == [1948, 1949, 1950]


def test_a_datetime_is_answered_for_its_day() -> None:
    assert h.is_holiday(datetime.datetime(2026, 1, 1, 12, 0)) is True
    assert h.holiday_name(datetime.datetime(2026, 1, 12, 9, 30), "en") == "Coming of Age Day"
    assert h.is_business_day(datetime.datetime(2026, 1, 2)) is True


@pytest.mark.parametrize("day", [datetime.date(1948, 7, 19), datetime.date(1948, 1, 1),
                                 datetime.date(2100, 1, 1), datetime.date(1, 1, 1)])
def test_out_of_range_days_raise_the_cores_error(day: datetime.date) -> None:
    for call in (lambda: h.is_holiday(day), lambda: h.holiday_name(day),
                 lambda: h.holiday_name(day, "en"), lambda: h.is_business_day(day)):
        with pytest.raises(h.ValidationError) as e:
            call()
        assert e.value.code == "calendar.out_of_range"
    # ... every time, not only the first (the year is remembered as refused).
    with pytest.raises(h.ValidationError):
        h.is_holiday(day)


def test_a_bad_lang_or_type_fails_as_the_native_call_does() -> None:
    d = datetime.date(2026, 1, 1)
    with pytest.raises(h.HugOnboardError) as e:
        h.holiday_name(d, "fr")
    with pytest.raises(h.HugOnboardError) as native:
        _native.holiday_name(d, "fr")
    assert e.value.code == native.value.code
    for bad in ("2026-01-01", 20260101, None, [d]):
        with pytest.raises(TypeError):
            h.is_holiday(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            h.holiday_name(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            h.is_business_day(bad)  # type: ignore[arg-type]
