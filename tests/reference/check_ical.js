#!/usr/bin/env node
// Reads hug-onboard's iCalendar export with two JavaScript parsers, ical.js (Mozilla's, used by
// Thunderbird) and node-ical (installed into tests/reference/node_modules by install.sh), and checks
// that each reads it unchanged.
//
// Usage: check_ical.js FILE.ics EXPECTED.json NAME
//   EXPECTED.json: {uid: [summary, description, start, end]} as Python's icalendar read the same file
//   (check_ical.py --dump); start/end are YYYY-MM-DD (all-day) or YYYY-MM-DDTHH:MM:SSZ (UTC).
//   NAME: the calendar name as typed; NAME and X-WR-CALNAME must read back exactly so.
// Prints `ical.js+node-ical: N passed, 0 failed` on success; exits non-zero with the reason otherwise.
"use strict";
const fs = require("fs");
const ICAL = require("ical.js");
const nodeIcal = require("node-ical");

function fail(msg) {
  process.stderr.write("ical.js/node-ical check failed: " + msg + "\n");
  process.exit(1);
}

const [file, expectedPath, name] = process.argv.slice(2);
if (name === undefined) fail("usage: check_ical.js FILE.ics EXPECTED.json NAME");
const text = fs.readFileSync(file, "utf8");
const expected = JSON.parse(fs.readFileSync(expectedPath, "utf8"));
const uids = Object.keys(expected).sort();
let checks = 0;

function compare(parser, got) {
  const gotUids = Object.keys(got).sort();
  if (JSON.stringify(gotUids) !== JSON.stringify(uids)) {
    fail(`${parser}: ${gotUids.length} events with other UIDs than the ${uids.length} expected`);
  }
  for (const uid of uids) {
    const a = JSON.stringify(got[uid]);
    const b = JSON.stringify(expected[uid]);
    if (a !== b) fail(`${parser}: ${uid} reads as ${a}, Python icalendar as ${b}`);
    checks++;
  }
}

const pad = (n) => String(n).padStart(2, "0");

// ical.js
{
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const prop of ["name", "x-wr-calname"]) {
    const v = cal.getFirstPropertyValue(prop);
    if (v !== name) fail(`ical.js: ${prop.toUpperCase()} reads as ${JSON.stringify(v)}, typed ${JSON.stringify(name)}`);
    checks++;
  }
  const when = (t) =>
    t.isDate
      ? `${t.year}-${pad(t.month)}-${pad(t.day)}`
      : t.toJSDate().toISOString().replace(/\.\d{3}Z$/, "Z");
  const got = {};
  for (const c of cal.getAllSubcomponents("vevent")) {
    const e = new ICAL.Event(c);
    got[e.uid] = [e.summary, e.description, when(e.startDate), when(e.endDate)];
  }
  compare("ical.js", got);
}

// node-ical
{
  const data = nodeIcal.sync.parseICS(text);
  const cal = data.vcalendar;
  if (!cal) fail("node-ical: no VCALENDAR");
  // node-ical drops the X- prefix of extension properties.
  for (const [prop, key] of [["NAME", "name"], ["X-WR-CALNAME", "WR-CALNAME"]]) {
    const raw = cal[key];
    const v = raw && typeof raw === "object" && "val" in raw ? raw.val : raw;
    if (v !== name) fail(`node-ical: ${prop} reads as ${JSON.stringify(v)}, typed ${JSON.stringify(name)}`);
    checks++;
  }
  const text_ = (v) => (v && typeof v === "object" && "val" in v ? v.val : v);
  // An all-day date is a local-midnight Date marked dateOnly/datetype "date".
  const when = (d, ev) =>
    ev.datetype === "date"
      ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
      : d.toISOString().replace(/\.\d{3}Z$/, "Z");
  const got = {};
  for (const ev of Object.values(data)) {
    if (ev.type !== "VEVENT") continue;
    got[ev.uid] = [text_(ev.summary), text_(ev.description), when(ev.start, ev), when(ev.end, ev)];
  }
  compare("node-ical", got);
}

process.stdout.write(`ical.js+node-ical: ${checks} passed, 0 failed\n`);
