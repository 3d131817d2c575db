#!/usr/bin/env bash
# The openssl CLI on the same .p12 fixtures as benches/benches/certificate.rs, timed with hyperfine
# (installed from Debian if missing). Each run is a whole process: `openssl pkcs12 -nokeys` (MAC,
# certificate bag: what `inspect` does) and `-nodes` (also the key bag: what `open` does), plus
# `openssl version` as the process-start floor to subtract.
# Usage: benches/openssl_cli.sh [runs]      (default 30 runs per command)
set -euo pipefail
cd "$(dirname "$0")/../tests/fixtures"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
runs=${1:-30}
md=$(mktemp)
trap 'rm -f "$md"' EXIT
args=(-N --warmup 3 --runs "$runs" --export-markdown "$md" --style none)
cmds=("openssl version")
for f in guide-openssl3 guide-legacy guide-3des guide-sha512mac ec-openssl3; do
  legacy=; case $f in *legacy*|*3des*) legacy=-legacy ;; esac
  cmds+=("openssl pkcs12 $legacy -in $f.p12 -nokeys -passin pass:TestPass123 -out /dev/null")
  cmds+=("openssl pkcs12 $legacy -in $f.p12 -nodes -passin pass:TestPass123 -out /dev/null")
done
hyperfine "${args[@]}" "${cmds[@]}" >/dev/null
cat "$md"
