#!/usr/bin/env python3
"""Writes tests/vectors/holidays.json from the independent reference.

Every holiday 1970-2050 comes from tests/reference/holiday_jp.json (the npm
@holiday-jp/holiday_jp dataset, dumped by tests/reference/install.sh): one
`calendar.holidays_of_year` case per year, dates as the reference has them and
the kind mapped from the reference's Japanese label (the mapping is the one in
hug-onboard-core/tests/reference_holidays.rs; label differences are documented
in hug-onboard-core/src/calendar/REFERENCE.md). The hand-written cases below
(names, business days, errors) were checked by hand against the 内閣府 list.

Usage: tests/reference/install.sh && python3 tests/reference/gen_holiday_vectors.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LAST_ANNOUNCED = 2027

KINDS = {
    "元日": "new_years_day", "成人の日": "coming_of_age_day", "建国記念の日": "national_foundation_day",
    "天皇誕生日": "emperors_birthday", "春分の日": "vernal_equinox_day", "昭和の日": "showa_day",
    "憲法記念日": "constitution_memorial_day", "みどりの日": "greenery_day", "こどもの日": "childrens_day",
    "海の日": "marine_day", "山の日": "mountain_day", "敬老の日": "respect_for_the_aged_day",
    "秋分の日": "autumnal_equinox_day", "体育の日": "health_sports_day", "スポーツの日": "sports_day",
    "文化の日": "culture_day", "勤労感謝の日": "labour_thanksgiving_day",
    "休日": "citizens_holiday", "大喪の礼": "showa_state_funeral", "即位礼正殿の儀": "enthronement_ceremony",
    "結婚の儀": "crown_prince_naruhito_wedding", "体育の日（スポーツの日）": "health_sports_day",
}


def kind(date, name):
    if name.endswith("振替休日"):
        return "substitute_holiday"
    if name == "休日（祝日扱い）":
        return {"2019-05-01": "enthronement_day", "2019-10-22": "enthronement_ceremony"}[date]
    return KINDS[name]


def main():
    with open(os.path.join(HERE, "holiday_jp.json"), encoding="utf-8") as f:
        ref = json.load(f)
    by_year = {}
    for h in ref["holidays"]:
        y = int(h["date"][:4])
        if 1970 <= y <= 2050:
            by_year.setdefault(y, []).append({"date": h["date"], "kind": kind(h["date"], h["name"])})
    cases = []

    def add(op, inp, expect):
        cases.append({"id": "holidays-%04d" % (len(cases) + 1), "op": op, "input": inp, "expect": expect})

    for y in range(1970, 2051):
        add("calendar.holidays_of_year", {"year": y, "last_announced_year": LAST_ANNOUNCED},
            {"value": {"year": y, "status": "announced" if y <= LAST_ANNOUNCED else "provisional",
                       "holidays": sorted(by_year[y], key=lambda h: h["date"])}})
    # Years outside the reference, from the rules (checked by hand).
    add("calendar.holidays_of_year", {"year": 1948, "last_announced_year": LAST_ANNOUNCED},
        {"value": {"year": 1948, "status": "announced", "holidays": [
            {"date": "1948-09-23", "kind": "autumnal_equinox_day"},
            {"date": "1948-11-03", "kind": "culture_day"},
            {"date": "1948-11-23", "kind": "labour_thanksgiving_day"}]}})
    for y in (1947, 2100, -5, 1000000):
        add("calendar.holidays_of_year", {"year": y, "last_announced_year": LAST_ANNOUNCED},
            {"error": "calendar.year_out_of_range"})

    names = [
        ("2026-01-01", "元日", "New Year's Day"),
        ("2026-01-12", "成人の日", "Coming of Age Day"),
        ("2026-02-11", "建国記念の日", "National Foundation Day"),
        ("2026-02-23", "天皇誕生日", "The Emperor's Birthday"),
        ("2026-03-20", "春分の日", "Vernal Equinox Day"),
        ("2026-04-29", "昭和の日", "Showa Day"),
        ("2026-05-03", "憲法記念日", "Constitution Memorial Day"),
        ("2026-05-04", "みどりの日", "Greenery Day"),
        ("2026-05-05", "こどもの日", "Children's Day"),
        ("2026-05-06", "振替休日", "Substitute Holiday"),
        ("2026-07-20", "海の日", "Marine Day"),
        ("2026-08-11", "山の日", "Mountain Day"),
        ("2026-09-21", "敬老の日", "Respect for the Aged Day"),
        ("2026-09-22", "国民の休日", "Citizens' Holiday"),
        ("2026-09-23", "秋分の日", "Autumnal Equinox Day"),
        ("2026-10-12", "スポーツの日", "Sports Day"),
        ("2026-11-03", "文化の日", "Culture Day"),
        ("2026-11-23", "勤労感謝の日", "Labour Thanksgiving Day"),
        ("2019-10-14", "体育の日", "Health and Sports Day"),
        ("1959-04-10", "皇太子明仁親王の結婚の儀", "Wedding of Crown Prince Akihito"),
        ("1989-02-24", "昭和天皇の大喪の礼", "State Funeral of Emperor Showa"),
        ("1990-11-12", "即位礼正殿の儀", "Enthronement Ceremony"),
        ("1993-06-09", "皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito"),
        ("2019-05-01", "天皇の即位の日", "Day of the Emperor's Enthronement"),
        ("2019-10-22", "即位礼正殿の儀", "Enthronement Ceremony"),
        ("1989-04-29", "みどりの日", "Greenery Day"),
        ("1988-04-29", "天皇誕生日", "The Emperor's Birthday"),
        ("1966-09-15", "敬老の日", "Respect for the Aged Day"),
        ("1966-10-10", "体育の日", "Health and Sports Day"),
    ]
    for date, ja, en in names:
        add("calendar.holiday_name", {"date": date, "lang": "ja"}, {"value": {"name": ja}})
        add("calendar.holiday_name", {"date": date, "lang": "en"}, {"value": {"name": en}})
    for date in ("2026-05-07", "1985-05-04", "1986-05-04", "2019-12-23", "2020-10-12", "1966-02-11",
                 "1948-07-20", "2099-12-31"):
        add("calendar.holiday_name", {"date": date, "lang": "ja"}, {"value": {"name": None}})
    for date, code in (("1948-07-19", "calendar.out_of_range"), ("2100-01-01", "calendar.out_of_range"),
                       ("", "calendar.invalid_date"), ("2026-02-29", "calendar.invalid_date"),
                       ("2026/05/06", "calendar.invalid_date"), (" \u0000 ", "calendar.invalid_date"),
                       ("２０２６-05-06", "calendar.invalid_date")):
        add("calendar.holiday_name", {"date": date, "lang": "ja"}, {"error": code})

    business = [  # date, year-end closure, business day?
        ("2026-05-01", False, True), ("2026-05-02", False, False), ("2026-05-06", False, False),
        ("2026-05-07", False, True), ("2026-09-22", False, False), ("2026-12-29", False, True),
        ("2026-12-29", True, False), ("2027-01-04", True, True), ("2027-01-01", False, False),
        ("2021-08-09", False, False), ("2021-08-11", False, True), ("2019-04-30", False, False),
    ]
    for date, ye, want in business:
        add("calendar.is_business_day", {"date": date, "year_end_closure": ye}, {"value": {"business_day": want}})
    add("calendar.is_business_day", {"date": "1948-07-19", "year_end_closure": False}, {"error": "calendar.out_of_range"})
    nxt = [  # date, year-end closure, next, previous
        ("2026-04-28", False, "2026-04-30", "2026-04-27"),
        ("2026-05-01", False, "2026-05-07", "2026-04-30"),
        ("2026-05-06", False, "2026-05-07", "2026-05-01"),
        ("2026-09-18", False, "2026-09-24", "2026-09-17"),
        ("2026-12-28", False, "2026-12-29", "2026-12-25"),
        ("2026-12-28", True, "2027-01-04", "2026-12-25"),
        ("2027-01-04", True, "2027-01-05", "2026-12-28"),
        ("2019-04-26", False, "2019-05-07", "2019-04-25"),
        ("2019-05-07", False, "2019-05-08", "2019-04-26"),
        ("2020-07-22", False, "2020-07-27", "2020-07-21"),
    ]
    for date, ye, n, p in nxt:
        add("calendar.next_business_day", {"date": date, "year_end_closure": ye}, {"value": {"date": n}})
        add("calendar.previous_business_day", {"date": date, "year_end_closure": ye}, {"value": {"date": p}})
    add("calendar.next_business_day", {"date": "2099-12-31", "year_end_closure": False}, {"error": "calendar.out_of_range"})
    add("calendar.previous_business_day", {"date": "1948-07-20", "year_end_closure": False}, {"error": "calendar.out_of_range"})
    add("calendar.next_business_day", {"date": "not a date", "year_end_closure": False}, {"error": "calendar.invalid_date"})

    doc = {"area": "holidays",
           "description": "Japanese public holidays (every holiday 1970-2050 from the independent reference "
                          + ref["source"] + "), names, business days",
           "cases": cases}
    out = os.path.join(ROOT, "tests", "vectors", "holidays.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("%s: %d cases" % (out, len(cases)), file=sys.stderr)


if __name__ == "__main__":
    main()
