#!/usr/bin/env python3
"""Writes tests/vectors/schedule.json by an independent computation of the billing schedule.

The schedule rules (hug-onboard-core/docs/domain.md, guide P25-P26) are re-implemented here in a few lines, with business days
from the independent holiday reference tests/reference/holiday_jp.json (npm @holiday-jp/holiday_jp,
dumped by tests/reference/install.sh) - not from the Rust code. Cases:
  * schedule.month: 30 consecutive service months 2025-07 .. 2027-12 with the default rulebook (Dec/Jan
    turns; service 2026-04 = claim window in Golden Week; service 2025-07 = payment month 2025-09 whose 15th
    is 敬老の日; 2026-06 = payment 15th on a Saturday), the Nagano override (documents on the 6th, U), and the
    next-business-day closing policy;
  * schedule.window_open, schedule.next_deadline, schedule.events_on;
  * rulebook.parse: invalid rulebooks, every problem at once.

Usage: tests/reference/install.sh && python3 tests/reference/gen_schedule_vectors.py
"""
import datetime as dt
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LAST_ANNOUNCED = 2027
DOCS = ["returns_list", "payment_adjustment", "payment_notice", "payment_breakdown", "correction_notice"]
RETURNS = {"returns_list", "payment_adjustment"}
SOURCES = {d: (["portal_inquiry_list", "transmit_history"] if d in RETURNS else ["portal_inquiry_list"]) for d in DOCS}
NAGANO = {"id": "nagano", "name_ja": "長野県国保連", "name_en": "Nagano federation",
          "documents": {"payment_notice": {"release_day": 6}, "payment_breakdown": {"release_day": 6},
                        "correction_notice": {"release_day": 6}}}
NEXT_DAY = {"id": "next-day", "window": {"closing_day_policy": "next_business_day"}}

with open(os.path.join(HERE, "holiday_jp.json"), encoding="utf-8") as f:
    HOLIDAYS = {h["date"] for h in json.load(f)["holidays"]}


def business(d):
    return d.weekday() < 5 and d.isoformat() not in HOLIDAYS


def roll(d):
    while not business(d):
        d += dt.timedelta(days=1)
    return d


def plus(y, m, n):
    i = y * 12 + m - 1 + n
    return i // 12, i % 12 + 1


def schedule(y, m, rb):
    release = {d: (1 if d in RETURNS else 10) for d in DOCS}
    for d, r in rb.get("documents", {}).items():
        release[d] = r["release_day"]
    cy, cm = plus(y, m, 1)
    py, pm = plus(y, m, 2)
    opens = dt.datetime(cy, cm, 1)
    close_day = dt.date(cy, cm, 10)
    extended = False
    if rb.get("window", {}).get("closing_day_policy") == "next_business_day" and not business(close_day):
        n = close_day + dt.timedelta(days=1)
        while not business(n):
            n += dt.timedelta(days=1)
        if (n.year, n.month) == (cy, cm):
            close_day, extended = n, True
    closes = dt.datetime.combine(close_day + dt.timedelta(days=1), dt.time())
    docs = [{"document": d, "date": dt.date(py, pm, release[d]).isoformat(), "only_if_returns": d in RETURNS,
             "sources": SOURCES[d]} for d in DOCS]
    docs.sort(key=lambda x: (x["date"], DOCS.index(x["document"])))
    nominal = dt.date(py, pm, 15)
    pay = roll(nominal)
    return {
        "rulebook_id": rb.get("id", "default"),
        "service_month": "%04d-%02d" % (y, m),
        "claim_month": "%04d-%02d" % (cy, cm),
        "window": {"opens": opens.isoformat(), "closes": closes.isoformat()},
        "window_extended": extended,
        "documents": docs,
        "payment": {"nominal": nominal.isoformat(), "date": pay.isoformat()},
        "provisional": cy > LAST_ANNOUNCED or pay.year > LAST_ANNOUNCED,
    }


def main():
    cases = []

    def add(op, inp, expect):
        cases.append({"id": "schedule-%03d" % (len(cases) + 1), "op": op, "input": inp, "expect": expect})

    y, m = 2025, 7
    for _ in range(30):
        add("schedule.month", {"service_month": "%04d-%02d" % (y, m), "last_announced_year": LAST_ANNOUNCED},
            {"value": schedule(y, m, {})})
        y, m = plus(y, m, 1)
    for ym in ((2026, 3), (2026, 4), (2026, 11), (2026, 12)):
        add("schedule.month", {"service_month": "%04d-%02d" % ym, "last_announced_year": LAST_ANNOUNCED,
                               "rulebook": NAGANO}, {"value": schedule(*ym, NAGANO)})
    for ym in ((2026, 4), (2026, 9), (2026, 12), (2027, 4)):
        add("schedule.month", {"service_month": "%04d-%02d" % ym, "last_announced_year": LAST_ANNOUNCED,
                               "rulebook": NEXT_DAY}, {"value": schedule(*ym, NEXT_DAY)})
    for bad, code in (("2026-13", "schedule.invalid_month"), ("", "schedule.invalid_month"),
                      ("2026-4x", "schedule.invalid_month"), ("1900-01", "calendar.out_of_range"),
                      ("2099-12", "calendar.out_of_range")):
        add("schedule.month", {"service_month": bad, "last_announced_year": LAST_ANNOUNCED}, {"error": code})

    # Is a claim window open at an instant (JST)?
    for at, sm in (("2026-05-01T00:00:00", "2026-04"), ("2026-05-10T23:59:59", "2026-04"),
                   ("2026-05-11T00:00:00", None), ("2026-04-30T23:59:59", None),
                   ("2027-01-01T00:00:00", "2026-12"), ("2026-12-31T12:00:00", None)):
        add("schedule.window_open", {"at": at}, {"value": {"open": sm is not None, "service_month": sm}})
    add("schedule.window_open", {"at": "2026-05-10 25:00"}, {"error": "schedule.invalid_instant"})
    # The next deadline from an instant.
    for at, sm, open_now in (("2026-05-10T23:59:00", "2026-04", True), ("2026-05-11T00:00:00", "2026-05", False),
                             ("2026-12-31T09:00:00", "2026-12", False), ("2026-12-05T09:00:00", "2026-11", True)):
        y, m = map(int, sm.split("-"))
        s = schedule(y, m, {})
        add("schedule.next_deadline", {"at": at},
            {"value": {"service_month": sm, "opens": s["window"]["opens"], "closes": s["window"]["closes"],
                       "open_now": open_now}})
    # What happens on a day.
    events = {
        "2026-06-01": [("window_opens", "2026-05", None), ("document_release", "2026-04", "returns_list"),
                       ("document_release", "2026-04", "payment_adjustment")],
        "2026-06-10": [("window_last_day", "2026-05", None), ("document_release", "2026-04", "payment_notice"),
                       ("document_release", "2026-04", "payment_breakdown"),
                       ("document_release", "2026-04", "correction_notice")],
        "2026-06-15": [("payment", "2026-04", None)],
        "2026-08-15": [],
        "2026-08-17": [("payment", "2026-06", None)],
        "2025-09-16": [("payment", "2025-07", None)],
    }
    for day, evs in events.items():
        add("schedule.events_on", {"date": day},
            {"value": [{"kind": k, "service_month": sm, "document": d} for k, sm, d in evs]})
    # Invalid rulebooks: every problem at once.
    bad = [
        ('{"window": {"opening_day": 0}}', ["rulebook.day_out_of_range"]),
        ('{"window": {"closing_day": 32}}', ["rulebook.day_out_of_range"]),
        ('{"window": {"opening_day": 12, "closing_day": 10}}', ["rulebook.closing_before_opening"]),
        ('{"documents": {"invoice": {"release_day": 6}}}', ["rulebook.unknown_document"]),
        ('{"window": {"opening_day": 0, "closing_day": 32, "closing_time": "25:00"}, '
         '"documents": {"invoice": {}}, "payment": {"day": 0}}',
         ["rulebook.day_out_of_range", "rulebook.day_out_of_range", "rulebook.invalid_time",
          "rulebook.unknown_document", "rulebook.day_out_of_range"]),
        ('{"payment": {"day": 5}}', ["rulebook.payment_before_release"] * 3),
        ('{"id": "Nagano!"}', ["rulebook.invalid_id"]),
        ('{"documents": {"returns_list": {"months_after_claim": 0}}}', ["rulebook.month_offset_out_of_range"]),
        ('{"certificate": {"validity_years": 0}}', ["rulebook.invalid_value"]),
        ('{"window": {"closing_day": "ten"}}', ["rulebook.syntax"]),
        ('{"windw": {}}', ["rulebook.syntax"]),
        ('', ["rulebook.syntax"]),
        ('\u0000', ["rulebook.syntax"]),
    ]
    for text, codes in bad:
        add("rulebook.parse", {"json": text}, {"errors": codes})
    add("rulebook.parse", {"json": json.dumps(NAGANO, ensure_ascii=False)},
        {"value": {"id": "nagano", "payment_notice_release_day": 6, "closing_day": 10, "payment_day": 15}})
    add("rulebook.parse", {"json": "{}"},
        {"value": {"id": "default", "payment_notice_release_day": 10, "closing_day": 10, "payment_day": 15}})

    doc = {"area": "schedule",
           "description": "Billing schedule of service months (window, documents, payment), queries, rulebooks; "
                          "computed independently from the holiday reference",
           "cases": cases}
    out = os.path.join(ROOT, "tests", "vectors", "schedule.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("%s: %d cases" % (out, len(cases)), file=sys.stderr)


if __name__ == "__main__":
    main()
