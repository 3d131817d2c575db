#!/usr/bin/env python3
"""Parses hug-onboard's iCalendar export with the `icalendar` package and checks it.

Usage: check_ical.py FILE.ics EXPECTED_MONTHS [OVERLAP.ics] [--name NAME] [--dump OUT.json]
Checks: CRLF everywhere, no physical line over 75 octets, every physical line valid UTF-8 (folding never
splits a character), the real parser reads it, 7 events per month (window, 5 documents, payment), unique UIDs, Japanese summaries, window events timed with a VALARM before DTEND, releases and
payments all-day; with OVERLAP, the events of the months both files share have the same UIDs and content;
with --name, the calendar's NAME and X-WR-CALNAME read back as NAME exactly (no escape backslashes); with
--dump, writes {uid: [summary, description, start, end]} as this parser reads them (check_ical.js compares
ical.js and node-ical against it).
Prints one line `ical: N passed, 0 failed` on success; exits non-zero with the reason otherwise.
"""
import datetime as dt
import sys

from icalendar import Calendar


def fail(msg):
    print("ical check failed: " + msg, file=sys.stderr)
    sys.exit(1)


def events(path):
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n"):
        fail("does not end with CRLF")
    body = raw[:-2]
    for i, ln in enumerate(body.split(b"\r\n")):
        if b"\n" in ln or b"\r" in ln:
            fail("line %d: bare LF or CR" % (i + 1))
        if len(ln) > 75:
            fail("line %d: %d octets" % (i + 1, len(ln)))
        try:
            ln.decode("utf-8")
        except UnicodeDecodeError as e:
            fail("line %d: folding split a UTF-8 character: %s" % (i + 1, e))
    cal = Calendar.from_ical(raw)
    if str(cal.get("VERSION")) != "2.0":
        fail("VERSION")
    return {str(e.get("UID")): e for e in cal.walk("VEVENT")}


def when(v):
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return v.isoformat()


def main():
    args, opts = [], {}
    argv = sys.argv[1:]
    while argv:
        a = argv.pop(0)
        if a in ("--name", "--dump"):
            opts[a] = argv.pop(0)
        else:
            args.append(a)
    path, months = args[0], int(args[1])
    evs = events(path)
    checks = 0
    windows = [e for u, e in evs.items() if u.startswith("claim-window-")]
    payments = [e for u, e in evs.items() if u.startswith("payment-") and u[8:9].isdigit()]
    if len(windows) != months or len(payments) != months:
        fail("%d windows, %d payments for %d months" % (len(windows), len(payments), months))
    if len(evs) != 7 * months:
        fail("%d events for %d months (7 a month expected)" % (len(evs), months))
    for uid, e in evs.items():
        summary = str(e.get("SUMMARY"))
        if not any("\u3040" <= c <= "\u9fff" for c in summary):
            fail("%s: summary not Japanese: %r" % (uid, summary))
        if "DTSTAMP" not in e:
            fail("%s: no DTSTAMP" % uid)
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        if uid.startswith("claim-window-"):
            if not isinstance(start, dt.datetime) or start.tzinfo is None:
                fail("%s: window not a UTC date-time" % uid)
            alarms = e.walk("VALARM")
            if len(alarms) != 1:
                fail("%s: %d alarms" % (uid, len(alarms)))
            trig = alarms[0].decoded("TRIGGER")
            if not (start < trig < end):
                fail("%s: alarm %s not inside the window %s-%s" % (uid, trig, start, end))
            if "締切" not in summary:
                fail("%s: summary without 締切" % uid)
        else:
            if isinstance(start, dt.datetime) or end - start != dt.timedelta(days=1):
                fail("%s: not an all-day event" % uid)
        checks += 1
    if "--name" in opts:
        cal = Calendar.from_ical(open(path, "rb").read())
        for prop in ("NAME", "X-WR-CALNAME"):
            got = cal.get(prop)
            if got is None or str(got) != opts["--name"]:
                fail("%s reads as %r, typed %r" % (prop, None if got is None else str(got), opts["--name"]))
            checks += 1
    if "--dump" in opts:
        import json

        dump = {
            uid: [str(e.get("SUMMARY")), str(e.get("DESCRIPTION")), when(e.decoded("DTSTART")), when(e.decoded("DTEND"))]
            for uid, e in evs.items()
        }
        with open(opts["--dump"], "w", encoding="utf-8") as f:
            json.dump(dump, f, ensure_ascii=False, sort_keys=True)
    if len(args) > 2:
        other = events(args[2])
        shared = set(evs) & set(other)
        if not shared:
            fail("no shared UIDs with the overlapping export")
        for uid in shared:
            if evs[uid].to_ical() != other[uid].to_ical():
                fail("%s differs between the two exports" % uid)
            checks += 1
    print("ical: %d passed, 0 failed" % checks)


if __name__ == "__main__":
    main()
