#!/usr/bin/env python3
"""Writes seed corpora for the fuzz targets into fuzz/corpus/<target>/ (git-ignored).

Seeds come from the conformance vectors (tests/vectors/*.json) and the fixtures
(tests/fixtures/): notices, rulebooks, onboarding states and .p12 files. The
corpus directories are regenerated on every run of scripts/fuzz; what libFuzzer
adds to them stays until `rm -rf fuzz/corpus`.
Usage: fuzz/seeds.py [corpus-dir]
"""
import hashlib
import json
import pathlib
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "corpus"
FIX = ROOT / "tests" / "fixtures"


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


def cases(area):
    return json.loads((ROOT / "tests" / "vectors" / f"{area}.json").read_text("utf-8"))["cases"]


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)


# Notices: the fixture letters and the vectors.
for p in sorted((FIX / "notices").glob("*.txt")):
    put("notice_text", p.read_bytes())
for c in cases("notice"):
    if c["op"] == "notice.parse":
        put("notice_text", c["input"]["text"])
    elif c["op"] == "notice.from_json":
        put("notice_json", c["input"]["json"])

# 和暦 and every short string of every vector (dates sit inside notices too).
for c in cases("wareki"):
    put("wareki", c["input"]["s"]) if "s" in c["input"] else None
put("wareki", '[{"name":"令和","short":"R","start":"2019-05-01"}]')

# Identifiers.
for c in cases("facility"):
    put("ids", c["input"]["s"])
for s in ["100-0001", "〒１００－０００１", "1000001", "P1312345", "Ab12345"]:
    put("ids", s)

# Profile JSON: a valid one, and one per field left empty.
good = {
    "facility_number": "1312345678", "name_kana": "ﾎｳｶｺﾞﾄｳﾃﾞｲｻｰﾋﾞｽ",
    "name_kanji": "放課後等デイサービス", "postal_code": "100-0001",
    "address_kana": "トウキョウト チヨダク 1-1", "address_kanji": "東京都千代田区1-1",
    "phone": "03-1234-5678", "fax": "(03)1234-5679",
    "representative_name_kana": "ヤマダ タロウ", "representative_name_kanji": "山田太郎",
    "representative_title": "代表", "email": "info@example.jp", "password": "0000",
}
put("profile_json", json.dumps(good, ensure_ascii=False))
for k in good:
    put("profile_json", json.dumps({**good, k: ""}, ensure_ascii=False))

# Line-per-field targets: the good profile, and the password vectors.
order = ["facility_number", "name_kana", "name_kanji", "postal_code", "address_kana",
         "address_kanji", "phone", "fax", "representative_name_kana",
         "representative_name_kanji", "representative_title", "email", "password"]
put("profile_fields", "\n".join([good[k] for k in order] + ["1312345678"]))
profiles = {"test": 0, "production": 1, "generation": 2}
for c in cases("password"):
    i = c["input"]
    if c["op"] == "password.check":
        put("password", "\n".join([str(profiles.get(i["profile"], 0)), i.get("user_id") or "", "", i["password"], i["password"]]))
    elif c["op"] == "password.check_change":
        put("password", "\n".join([str(profiles.get(i["profile"], 0)), i["user_id"], i["current"], i["new"], i["confirm"]]))

# Rulebooks: the vectors' JSON, and the fixtures as TOML and as JSON.
for c in cases("schedule"):
    if c["op"] == "rulebook.parse":
        put("rulebook_json", c["input"]["json"])
    for s in strings(c["input"]):
        if len(s) < 40:
            put("schedule_strings", s)
for p in sorted((FIX / "rulebooks").glob("*.toml")):
    put("rulebook_toml", p.read_bytes())
    put("rulebook_json", json.dumps(tomllib.loads(p.read_text("utf-8")), ensure_ascii=False))
put("rulebook_json", "{}")
put("rulebook_toml", 'id = "tottori"\n')

# Onboarding states.
for p in sorted((FIX / "states").glob("*.json")):
    put("onboarding_json", p.read_bytes())
for c in cases("readiness"):
    if isinstance(c["input"].get("state"), str):
        put("onboarding_json", c["input"]["state"])

# Text normalisation: every string of every vector.
for area in ["facility", "notice", "password", "wareki"]:
    for c in cases(area):
        for s in strings(c["input"]):
            if len(s) < 4000:
                put("text", s)

# .p12: every fixture with the right password (selector 0 = TestPass123, or
# 3 = password NUL file), and with a wrong one (selector 1).
other = {"guide-japanese-password.p12": "証明書パスワード", "guide-emoji-password.p12": "pw😀",
         "guide-empty-password.p12": "", "guide-legacy-empty-password.p12": ""}
for p in sorted(FIX.glob("*.p12")) + sorted((FIX / "producers" / "out").glob("*.p12")):
    b = p.read_bytes()
    pw = other.get(p.name)
    if pw is None:
        put("p12", b"\x00" + b)
    else:
        put("p12", b"\x03" + pw.encode("utf-8") + b"\x00" + b)
    put("p12", b"\x01" + b)

# The C ABI: the same inputs behind the selector byte of each function (see ffi_strings.rs).
ffi = {"notice_text": [0], "notice_json": [1], "wareki": [2, 3], "ids": [5, 6, 22],
       "profile_json": [7], "password": [8], "rulebook_json": [10], "rulebook_toml": [11],
       "schedule_strings": [12], "onboarding_json": [13, 23], "text": [18, 19, 20, 21]}
for target, sels in ffi.items():
    d = OUT / target
    for f in sorted(d.glob("seed-*")) if d.is_dir() else []:
        data = f.read_bytes()
        if target == "password":  # lines -> NUL-separated password, user ID
            parts = data.split(b"\n")
            data = (parts[3] if len(parts) > 3 else b"") + b"\0" + (parts[1] if len(parts) > 1 else b"")
        if target == "profile_json":
            data += b"\x001312345678"
        for sel in sels:
            put("ffi_strings", bytes([sel]) + data)
for f in sorted((OUT / "p12").glob("seed-*")):
    put("ffi_p12", f.read_bytes())

print(f"seeds written under {OUT}")
