"""Holidays, business days, rulebooks and the billing schedule."""

from __future__ import annotations

import datetime

import pytest

import hug_onboard as h

D = datetime.date
JST = datetime.timezone(datetime.timedelta(hours=9))


def test_holidays() -> None:
    assert h.is_holiday(D(2026, 5, 6))
    assert not h.is_holiday(D(2026, 5, 7))
    assert h.holiday_name(D(2026, 5, 6)) == "振替休日"
    assert h.holiday_name(D(2026, 5, 6), "en") == "Substitute Holiday"
    assert h.holiday_name(D(2026, 5, 7)) is None
    hol = h.holiday(D(2019, 5, 1))
    assert hol is not None and hol.kind == "enthronement_day" and hol.name("ja") == "天皇の即位の日"
    ys = h.holidays_of_year(2026)
    assert len(ys) == 18 and ys[0].date == D(2026, 1, 1) and ys == sorted(ys)
    assert h.is_holiday(datetime.datetime(2026, 1, 1, 12, 0))  # a datetime is a date


def test_out_of_range_is_a_validation_error() -> None:
    with pytest.raises(h.ValidationError) as e:
        h.is_holiday(D(1948, 7, 19))
    assert e.value.code == "calendar.out_of_range"
    with pytest.raises(h.ValidationError):
        h.holidays_of_year(10**12)
    with pytest.raises(h.ValidationError) as e2:
        h.parse_date("2026-02-30")
    assert e2.value.code == "calendar.invalid_date"
    with pytest.raises(TypeError):
        h.is_holiday("2026-01-01")  # type: ignore[arg-type]


def test_business_days_and_closures() -> None:
    assert not h.is_business_day(D(2026, 5, 6))
    assert h.next_business_day(D(2026, 5, 1)) == D(2026, 5, 7)
    assert h.previous_business_day(D(2026, 5, 7)) == D(2026, 5, 1)
    assert h.roll_forward(D(2026, 8, 15)) == D(2026, 8, 17)
    cal = h.JapaneseCalendar(year_end_closure=True)
    assert not cal.is_business_day(D(2026, 12, 29)) and cal.is_closure(D(2027, 1, 2))
    assert cal == h.JapaneseCalendar.with_year_end_closure()
    assert cal.closures == [((12, 29), (1, 3))]
    assert h.JapaneseCalendar(last_announced_year=2026).year_status(2027) == "provisional"
    with pytest.raises(h.ValidationError) as e:
        h.JapaneseCalendar(closures=[((2, 30), (3, 1))])
    assert e.value.code == "binding.invalid_closure"


def test_rulebook() -> None:
    assert h.Rulebook.default().id == "default"
    rb = h.Rulebook.from_toml('id = "nagano"\n[documents.payment_notice]\nrelease_day = 6\n')
    assert rb.id == "nagano" and rb.name("en")
    assert h.Rulebook.from_json(rb.to_json()) == rb
    with pytest.raises(h.ValidationError) as e:
        h.Rulebook.from_json('{"window": {"opening_day": 0, "closing_day": 32}}')
    assert e.value.codes == ["rulebook.day_out_of_range", "rulebook.day_out_of_range"]
    assert len(e.value.violations) == 2


def test_billing_schedule() -> None:
    s = h.billing_schedule(2026, 6)
    assert s.service_month == "2026-06" and s.claim_month == "2026-07"
    w = s.claim_window
    assert w.opens == datetime.datetime(2026, 7, 1, tzinfo=JST)
    assert w.closes == datetime.datetime(2026, 7, 11, tzinfo=JST)
    assert w.opens.utcoffset() == datetime.timedelta(hours=9)
    assert w.last_day == D(2026, 7, 10)
    assert w.contains(datetime.datetime(2026, 7, 10, 14, 59, tzinfo=datetime.timezone.utc))
    assert not w.contains("2026-07-11T00:00")
    kinds = [d.kind for d in s.documents]
    assert kinds == ["returns_list", "payment_adjustment", "payment_notice", "payment_breakdown", "correction_notice"]
    notice = s.documents[2]
    assert notice.name_ja == "支払決定額通知書" and notice.date == D(2026, 8, 10) and not notice.only_if_returns
    assert notice.sources == ["portal_inquiry_list"]
    assert s.payment_date == D(2026, 8, 17) and s.payment_nominal_date == D(2026, 8, 15)
    assert h.billing_schedule("2026-06").payment_date == s.payment_date
    nagano = h.Rulebook.from_json('{"id": "nagano", "documents": {"payment_notice": {"release_day": 6}}}')
    assert h.billing_schedule(2026, 6, nagano).documents[2].date == D(2026, 8, 6)
    with pytest.raises(h.ValidationError) as e:
        h.billing_schedule(2026, 13)
    assert e.value.code == "schedule.invalid_month"
    with pytest.raises(h.ValidationError):
        h.billing_schedule(2**40, 1)
    with pytest.raises(TypeError):
        h.billing_schedule(2026)


def test_ics_with_a_given_dtstamp_is_reproducible() -> None:
    s = h.billing_schedule(2026, 6)
    stamp = datetime.datetime(2026, 4, 1, tzinfo=datetime.timezone.utc)
    a = s.to_ics(dtstamp=stamp, uid_scope="1312345678")
    assert a == s.to_ics(dtstamp=stamp, uid_scope="1312345678")
    assert a.startswith("BEGIN:VCALENDAR\r\n") and "DTSTAMP:20260401T000000Z\r\n" in a
    assert "1312345678" in a
    assert "DTSTAMP:" in s.to_ics()  # now, read by the binding
    cal = h.BillingCalendar()
    year = cal.to_ics("2026-01", "2026-12", dtstamp=stamp)
    assert year.count("BEGIN:VEVENT") >= 12 * 7


def test_billing_calendar_queries() -> None:
    cal = h.BillingCalendar(h.Rulebook.default(), h.JapaneseCalendar())
    w = cal.window_at(datetime.datetime(2026, 5, 10, 23, 59))  # naive = JST
    assert w is not None and w[0] == "2026-04"
    assert not cal.is_window_open(datetime.datetime(2026, 5, 10, 15, 0, tzinfo=datetime.timezone.utc))
    d = cal.next_deadline("2026-05-20T09:00")
    assert d.service_month == "2026-05" and not d.open_now
    evs = cal.events_on(D(2026, 6, 10))
    assert {e.kind for e in evs} == {"window_last_day", "document_release"}
    assert evs[0].describe("en")
    with pytest.raises(h.ValidationError) as e:
        cal.window_at("2026-05-10 25:00")
    assert e.value.code == "schedule.invalid_instant"
    assert len(cal.schedules("2026-01", "2026-12")) == 12
