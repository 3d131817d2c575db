"""Per-day holiday questions answered from a per-year table the core fills.

``is_holiday``, ``holiday_name`` and ``is_business_day`` are asked once per day
over long ranges (a roster, a century of days). Crossing into Rust for each
day costs several times the answer itself, so the first question about a year
asks the core once for the whole year (``_native._calendar_year``: every
supported day with its holiday names and business-day flag, computed by the
core's rules) and keeps the answers in dictionaries keyed by ``datetime.date``.
Every later question about that year is one dictionary lookup. The rules stay
in the core; nothing here knows what a holiday is.

Anything that is not a plain ``datetime.date`` of 1948-07-20 – 2099-12-31 (a
``datetime.datetime``, a day out of range, a wrong type, an unknown ``lang``)
misses the tables and goes to the native function, which answers or raises
exactly as before (``calendar.out_of_range``, ``binding.invalid_lang``,
``TypeError``). Memory: at most 152 years of days (about 55,000 entries per
table) once every year has been asked about.
"""

from __future__ import annotations

import datetime
from typing import Optional

from . import _native
from ._errors import HugOnboardError

_date = datetime.date
_IS_HOLIDAY: dict[datetime.date, bool] = {}
_IS_BUSINESS_DAY: dict[datetime.date, bool] = {}
_NAMES_JA: dict[datetime.date, Optional[str]] = {}
_NAMES_EN: dict[datetime.date, Optional[str]] = {}
#: years already asked about (filled, or refused by the core)
_YEARS: set[int] = set()


def _fill(d: object) -> bool:
    """Fills the tables for ``d``'s year (one native call); True when they now answer ``d``."""
    if type(d) is not _date:
        return False
    year = d.year
    if year not in _YEARS:
        try:
            rows = _native._calendar_year(year)
        except HugOnboardError:
            rows = []  # outside 1948–2099: the per-day native call raises the right error
        for day, name_ja, name_en, business in rows:
            _IS_HOLIDAY[day] = name_ja is not None
            _IS_BUSINESS_DAY[day] = business
            _NAMES_JA[day] = name_ja
            _NAMES_EN[day] = name_en
        _YEARS.add(year)
    return d in _IS_BUSINESS_DAY


def _clear() -> None:
    """Empties the tables (benchmarks measure the first pass with it)."""
    for table in (_IS_HOLIDAY, _IS_BUSINESS_DAY, _NAMES_JA, _NAMES_EN):
        table.clear()
    _YEARS.clear()


# The fast paths are written for speed (one dictionary subscript, no helper call):
# each costs about a third more than the bare lookup in a Python loop.


def is_holiday(d: datetime.date) -> bool:
    try:
        return _IS_HOLIDAY[d]
    except (KeyError, TypeError):
        pass
    if _fill(d):
        return _IS_HOLIDAY[d]
    return _native.is_holiday(d)


def holiday_name(d: datetime.date, lang: str = "ja") -> Optional[str]:
    if lang == "ja":
        try:
            return _NAMES_JA[d]
        except (KeyError, TypeError):
            pass
        if _fill(d):
            return _NAMES_JA[d]
    elif lang == "en":
        try:
            return _NAMES_EN[d]
        except (KeyError, TypeError):
            pass
        if _fill(d):
            return _NAMES_EN[d]
    return _native.holiday_name(d, lang)


def is_business_day(d: datetime.date) -> bool:
    try:
        return _IS_BUSINESS_DAY[d]
    except (KeyError, TypeError):
        pass
    if _fill(d):
        return _IS_BUSINESS_DAY[d]
    return _native.is_business_day(d)


# One documentation: the native functions' (the stub's docstrings say the same).
is_holiday.__doc__ = _native.is_holiday.__doc__
holiday_name.__doc__ = _native.holiday_name.__doc__
is_business_day.__doc__ = _native.is_business_day.__doc__
