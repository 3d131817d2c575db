#!/usr/bin/env bash
# Prints the system libraries a program linking libhug_onboard.a needs, as declared ONCE in
# hug_onboard.pc.in (Libs.private). tests/c/run checks that it equals what rustc reports
# (`cargo rustc --release -p hug-onboard-ffi --lib -- --print native-static-libs`).
set -euo pipefail
line=$(sed -n 's/^Libs.private: //p' "$(dirname "$0")/hug_onboard.pc.in")
[ -n "$line" ] || { echo "no Libs.private in hug_onboard.pc.in" >&2; exit 1; }
printf '%s\n' "$line"
