#!/usr/bin/env bash
# Installs the independent holiday reference (npm @holiday-jp/holiday_jp, the holiday_jp dataset that
# follows the 内閣府 list) into tests/reference/node_modules and dumps it as tests/reference/holiday_jp.json:
#   { "source": "@holiday-jp/holiday_jp 2.5.1", "holidays": [ {"date","name","name_en"}, ... ] }
# It also installs the iCalendar parsers the export is checked with (hug-onboard-core/tests/ical_python.rs):
# npm ical.js and node-ical (package.json) and Debian's libical-dev (libical's C library, for
# check_ical_libical.c); Python's icalendar comes with .venv (tests/requirements.txt).
# Idempotent; quick when already installed. Used by scripts/test (section `reference`).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/@holiday-jp/holiday_jp/lib/holidays.js ] || [ ! -f node_modules/ical.js/package.json ] \
   || [ ! -f node_modules/node-ical/package.json ]; then
  npm install --no-audit --no-fund --silent >&2
fi
if [ ! -f /usr/include/libical/ical.h ] || ! command -v pkg-config >/dev/null || ! command -v cc >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libical-dev pkg-config gcc >&2
fi
node -e '
const pkg = require("@holiday-jp/holiday_jp/package.json");
const h = require("@holiday-jp/holiday_jp/lib/holidays.js");
const list = Object.keys(h).sort().map(k => ({ date: h[k].date, name: h[k].name, name_en: h[k].name_en }));
process.stdout.write(JSON.stringify({ source: pkg.name + " " + pkg.version, holidays: list }, null, 1) + "\n");
' > holiday_jp.json.tmp
mv holiday_jp.json.tmp holiday_jp.json
echo "$PWD/holiday_jp.json"
