#!/usr/bin/env python3
"""Writes tests/vectors/schedule.json by an independent computation of the billing schedule.

The schedule rules (DOMAIN.md, guide P25-P26) are re-implemented here in a few lines, with business days
from the independent holiday reference tests/reference/holiday_jp.json (npm @holiday-jp/holiday_jp,
dumped by tests/reference/install.sh) - not from the Rust code. Cases:
  * schedule.month: 30 consecutive service months 2025-07 .. 2027-12 with the default rulebook (Dec/Jan
    turns; service 2026-04 = claim window in Golden Week; service 2025-07 = payment month 2025-09 whose 15th
    is 敬老の日; 2026-06 = payment 15th on a Saturday), the Nagano override (documents on the 6th, U), and the
    next-business-day closing policy;
  * schedule.window_open, schedule.next_deadline, schedule.events_on;
  * the per-国保連 registry: 24 consecutive service months (2025-07 .. 2027-06; payment months whose 15th
    is a Saturday, a Sunday and a holiday) for 京都 (26: payment rolled BACK), 長崎 (42: closes 18:00),
    長野 (20: documents "about" the 1st / 6th) and 東京 (13: nothing sourced, every date unverified). The
    rules are read from the registry's TOML files (hug-onboard-core/rulebooks/) with Python's own tomllib
    and applied by the few lines below, not by the Rust code; each date's basis (sourced / approximate /
    unverified) is derived here from the files' [sources] as the rulebook README defines it;
  * rulebook.for_prefecture: the registry's ids and sourced fields, unknown prefecture codes;
  * rulebook.parse: invalid rulebooks, every problem at once.

Usage: tests/reference/install.sh && python3 tests/reference/gen_schedule_vectors.py
"""
import datetime as dt
import json
import os
import sys
import tomllib

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

REGISTRY = os.path.join(ROOT, "hug-onboard-core", "rulebooks")
REGISTRY_CASES = ("26", "42", "20", "13")


def registry_rulebook(code):
    """The registry file of a prefecture, read with tomllib, as the plain dict this script computes with."""
    (name,) = [n for n in os.listdir(REGISTRY) if n.startswith(code + "-") and n.endswith(".toml")]
    with open(os.path.join(REGISTRY, name), "rb") as f:
        return tomllib.load(f)


with open(os.path.join(HERE, "holiday_jp.json"), encoding="utf-8") as f:
    HOLIDAYS = {h["date"] for h in json.load(f)["holidays"]}


def business(d):
    return d.weekday() < 5 and d.isoformat() not in HOLIDAYS


def roll(d, how="next_business_day"):
    step = {"next_business_day": 1, "previous_business_day": -1, "none": 0}[how]
    while step and not business(d):
        d += dt.timedelta(days=step)
    return d


def day_of(y, m, day):
    """Day `day` of a month, or its last day when the month is shorter."""
    while True:
        try:
            return dt.date(y, m, day)
        except ValueError:
            day -= 1


ORDER = {"sourced": 0, "approximate": 1, "unverified": 2}


def basis(rb, *fields):
    """The worst basis of the fields: stated -> sourced, approximate -> approximate, no source -> unverified."""
    src = rb.get("sources", {})
    kinds = [{"stated": "sourced", "approximate": "approximate"}[src[f]["kind"]] if f in src else "unverified"
             for f in fields]
    return max(kinds, key=ORDER.get)


def dated_basis(rb, prefix, month_field, day_field):
    """A day's basis; its roll only counts when the day itself is stated (an "about" day does not roll)."""
    b = basis(rb, prefix + month_field, prefix + day_field)
    return basis(rb, prefix + month_field, prefix + day_field, prefix + "roll") if b == "sourced" else b


def plus(y, m, n):
    i = y * 12 + m - 1 + n
    return i // 12, i % 12 + 1


def hm(text):
    h, mi = text.split(":")
    return dt.timedelta(hours=int(h), minutes=int(mi))


def schedule(y, m, rb):
    w = rb.get("window", {})
    pay_rule = rb.get("payment", {})
    cy, cm = plus(y, m, 1)
    opens = dt.datetime.combine(day_of(cy, cm, w.get("opening_day", 1)), dt.time()) + hm(w.get("opening_time", "00:00"))
    close_day = day_of(cy, cm, w.get("closing_day", 10))
    extended = False
    if w.get("closing_day_policy") == "next_business_day" and not business(close_day):
        n = close_day + dt.timedelta(days=1)
        while not business(n):
            n += dt.timedelta(days=1)
        if (n.year, n.month) == (cy, cm):
            close_day, extended = n, True
    closes = dt.datetime.combine(close_day, dt.time()) + hm(w.get("closing_time", "24:00"))
    docs = []
    for d in DOCS:
        r = rb.get("documents", {}).get(d, {})
        dy, dm = plus(cy, cm, r.get("months_after_claim", 1))
        date = roll(day_of(dy, dm, r.get("release_day", 1 if d in RETURNS else 10)), r.get("roll", "none"))
        docs.append({"document": d, "date": date.isoformat(), "only_if_returns": r.get("only_if_returns", d in RETURNS),
                     "sources": SOURCES[d], "basis": dated_basis(rb, "documents.%s." % d, "months_after_claim",
                                                                 "release_day")})
    docs.sort(key=lambda x: (x["date"], DOCS.index(x["document"])))
    py, pm = plus(cy, cm, pay_rule.get("months_after_claim", 1))
    nominal = day_of(py, pm, pay_rule.get("day", 15))
    pay = roll(nominal, pay_rule.get("roll", "next_business_day"))
    return {
        "rulebook_id": rb.get("id", "default"),
        "service_month": "%04d-%02d" % (y, m),
        "claim_month": "%04d-%02d" % (cy, cm),
        "window": {"opens": opens.isoformat(), "closes": closes.isoformat()},
        "window_extended": extended,
        "documents": docs,
        "payment": {"nominal": nominal.isoformat(), "date": pay.isoformat(),
                    "basis": dated_basis(rb, "payment.", "months_after_claim", "day")},
        "provisional": cy > LAST_ANNOUNCED or pay.year > LAST_ANNOUNCED,
        "window_basis": basis(rb, "window.closing_day", "window.closing_day_policy"),
        "closing_time_basis": basis(rb, "window.closing_time"),
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
    # The registry: each 国保連's own rules, 24 consecutive months.
    fifteenths = set()
    for code in REGISTRY_CASES:
        rb = registry_rulebook(code)
        y, m = 2025, 7
        for _ in range(24):
            s = schedule(y, m, rb)
            fifteenths.add(("sat", "sun")[dt.date.fromisoformat(s["payment"]["nominal"]).weekday() - 5]
                           if dt.date.fromisoformat(s["payment"]["nominal"]).weekday() >= 5
                           else "holiday" if s["payment"]["nominal"] in HOLIDAYS else "weekday")
            add("schedule.month", {"service_month": "%04d-%02d" % (y, m), "last_announced_year": LAST_ANNOUNCED,
                                   "prefecture": code}, {"value": s})
            y, m = plus(y, m, 1)
    assert {"sat", "sun", "holiday"} <= fifteenths, fifteenths
    for code in ("01", "13", "20", "26", "42", "47"):
        rb = registry_rulebook(code)
        add("rulebook.for_prefecture", {"code": code},
            {"value": {"id": rb["id"], "prefecture": code, "sourced": sorted(rb.get("sources", {}))}})
    for bad in ("00", "48", "1", "ab", ""):
        add("rulebook.for_prefecture", {"code": bad}, {"error": "rulebook.unknown_prefecture"})
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
        ('{"prefecture": "48"}', ["rulebook.unknown_prefecture"]),
        ('{"sources": {"window.closing_hour": {"kind": "stated", "url": "https://x.jp/"}}}',
         ["rulebook.unknown_field"]),
        ('{"sources": {"window.closing_day": {"kind": "stated", "url": "ftp://x.jp/"}}}',
         ["rulebook.source_without_url"]),
        ('{"sources": {"window.closing_day": {"kind": "about_kaigo", "url": "https://x.jp/"}}}',
         ["rulebook.syntax"]),
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
