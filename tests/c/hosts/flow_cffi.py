"""A Python host of libhug_onboard through cffi in ABI mode (no C compiler, no glue code):
the declarations are include/hug_onboard_ffi.h, taken by ffi.cdef() unchanged.

Usage: python tests/c/hosts/flow_cffi.py LIBRARY DECLARATIONS REPO_ROOT
Run by tests/c/run (cffi comes from tests/requirements.txt into .venv). Prints one line per
step; exits 1 on the first failed check. The same flow as flow.php: a notice, a password, a
.p12 (and a wrong password), the certificate's status, a month's schedule, a facility's
readiness; every error is read through the last-error functions.
"""

import json
import sys
import time
from pathlib import Path

from cffi import FFI

if len(sys.argv) != 4:
    sys.exit("usage: flow_cffi.py LIBRARY DECLARATIONS REPO_ROOT")
lib_path, decl_path, root = sys.argv[1], sys.argv[2], Path(sys.argv[3])

ffi = FFI()
ffi.cdef(Path(decl_path).read_text(encoding="utf-8"))
hug = ffi.dlopen(lib_path)


def check(ok, what):
    if not ok:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)


def text(p):
    """A library-owned C string (never freed by the caller) as str, or None."""
    return None if p == ffi.NULL else ffi.string(p).decode("utf-8")


def take_string(out):
    """A `char **` out-parameter's string as str; frees it with hug_string_free."""
    s = ffi.string(out[0]).decode("utf-8")
    hug.hug_string_free(out[0])
    return s


def last_error():
    """The last error of this thread, read through every last-error function."""
    n = hug.hug_last_error_count()
    problems = [
        {
            "code": text(hug.hug_last_error_code_at(i)),
            "severity": hug.hug_last_error_severity_at(i),
            "ja": text(hug.hug_last_error_message_at(i, hug.HUG_LANG_JA)),
            "en": text(hug.hug_last_error_message_at(i, hug.HUG_LANG_EN)),
        }
        for i in range(n)
    ]
    p = hug.hug_last_error_json()
    doc = json.loads(ffi.string(p).decode("utf-8"))
    hug.hug_string_free(p)
    check(doc["status"] == hug.hug_last_error_status(), "the JSON status is hug_last_error_status()")
    check(len(doc["problems"]) == n, "the JSON has every problem")
    return {
        "status": hug.hug_last_error_status(),
        "code": text(hug.hug_last_error_code()),
        "message_ja": text(hug.hug_last_error_message(hug.HUG_LANG_JA)),
        "message_en": text(hug.hug_last_error_message(hug.HUG_LANG_EN)),
        "problems": problems,
    }


def date(y, m, d):
    return ffi.new("hug_date *", {"year": y, "month": m, "day": d})[0]


t0 = time.perf_counter()
version = text(hug.hug_version())
check(
    version
    == f"{hug.HUG_ONBOARD_VERSION_MAJOR}.{hug.HUG_ONBOARD_VERSION_MINOR}.{hug.HUG_ONBOARD_VERSION_PATCH}",
    f"version {version}",
)

# 1. The registration notice (登録結果通知) as OCR or typed text.
notice = ffi.new("hug_notice **")
notice_text = (root / "tests/fixtures/notices/production_notice.txt").read_bytes()
check(hug.hug_notice_parse(notice_text, notice) == hug.HUG_OK, "notice parses")
s = ffi.new("char **")
check(hug.hug_notice_field(notice[0], hug.HUG_NOTICE_FIELD_FACILITY_NUMBER, s) == hug.HUG_OK, "field")
facility = take_string(s)
check(facility == "1312345678", f"facility number {facility}")
hug.hug_notice_free(notice[0])
check(hug.hug_notice_parse(b"", notice) == hug.HUG_ERR_VALIDATION, "empty notice refused")
e = last_error()
check(e["code"] == "notice.empty" and e["message_ja"] and e["message_en"], "notice error")
print(f"notice: {facility}; empty text -> [{e['code']}] {e['message_en']}")

# 2. A password for the production screen.
policy = ffi.new("hug_password_policy **")
check(hug.hug_password_policy_new(hug.HUG_PASSWORD_PROFILE_PRODUCTION, policy) == hug.HUG_OK, "policy")
check(hug.hug_password_check(policy[0], b"Kokuho2024!", b"P1312345") == hug.HUG_OK, "good password")
check(hug.hug_password_check(policy[0], b"abc~", ffi.NULL) == hug.HUG_ERR_VALIDATION, "bad password refused")
e = last_error()
check(len(e["problems"]) >= 2, "every password problem at once")
check(e["problems"][0]["severity"] == hug.HUG_SEVERITY_ERROR, "severity")
print("password: abc~ -> " + ", ".join(p["code"] for p in e["problems"]))
hug.hug_password_policy_free(policy[0])

# 3. The .p12 (電子証明書): Python bytes are the byte buffer (const void *data).
p12 = (root / "tests/fixtures/guide-openssl3.p12").read_bytes()
cert = ffi.new("hug_certificate **")
check(
    hug.hug_certificate_open(p12, len(p12), b"WrongPass999", cert) == hug.HUG_ERR_WRONG_PASSWORD,
    "wrong password refused",
)
e = last_error()
check(e["code"] == "certificate.wrong_password", "wrong password code")
print(f"p12 wrong password -> [{e['code']}] {e['message_ja']}")
check(hug.hug_certificate_open(p12, len(p12), "TestPass123".encode(), cert) == hug.HUG_OK, "p12 opens")
frm, to = ffi.new("hug_date *"), ffi.new("hug_date *")
nb, na = ffi.new("hug_datetime *"), ffi.new("hug_datetime *")
check(hug.hug_certificate_validity(cert[0], frm, to, nb, na) == hug.HUG_OK, "validity")
check((to.year, to.month, to.day) == (2026, 9, 15), "valid to 2026-09-15")
# A bool out-parameter is a Python bool through [0].
present = ffi.new("bool *")
fn = ffi.new("hug_facility_number *")
check(hug.hug_certificate_facility_number(cert[0], present, fn) == hug.HUG_OK, "cert facility")
check(isinstance(present[0], bool), "bool out-parameter reads as a Python bool")
hug.hug_certificate_free(cert[0])

# 4. The certificate's status on a day, with the default rules.
rules = ffi.new("hug_certificate_rules **")
check(hug.hug_certificate_rules_new(rules) == hug.HUG_OK, "rules")
st = ffi.new("hug_certificate_status_result *")
check(hug.hug_certificate_status(nb[0], na[0], date(2026, 7, 1), rules[0], st) == hug.HUG_OK, "status")
check(
    st.kind == hug.HUG_CERT_RENEWAL_DUE and text(st.code) == "certificate.status.renewal_due",
    "renewal due",
)
check(isinstance(st.remind_today, bool), "a bool field reads as a Python bool")
check(
    hug.hug_certificate_status(nb[0], na[0], date(2026, 2, 30), rules[0], st)
    == hug.HUG_ERR_INVALID_ARGUMENT,
    "impossible date refused",
)
check(last_error()["code"] == "ffi.invalid_date", "invalid date code")
check(
    hug.hug_certificate_status(nb[0], na[0], date(2026, 7, 1), ffi.NULL, st) == hug.HUG_ERR_NULL_ARGUMENT,
    "NULL rules refused",
)
check(last_error()["code"] == "ffi.null_argument", "null argument code")
print(f"certificate: valid to 2026-09-15, on 2026-07-01 {st.days_left} days left ({text(st.code)})")
hug.hug_certificate_rules_free(rules[0])

# 5. A month's schedule (claim window, documents, payment).
billing = ffi.new("hug_billing_calendar **")
check(hug.hug_billing_calendar_new(billing) == hug.HUG_OK, "billing calendar")
month = ffi.new("hug_year_month *", {"year": 2026, "month": 4})
out = ffi.new("char **")
check(hug.hug_schedule_month_json(billing[0], month[0], out) == hug.HUG_OK, "schedule")
schedule = json.loads(take_string(out))
check(schedule["claim_month"] == "2026-05", "claim month")
print(f"schedule 2026-04: window {schedule['window']['opens']} .. {schedule['window']['closes']}")
month.month = 13
check(hug.hug_schedule_month_json(billing[0], month[0], out) != hug.HUG_OK, "month 13 refused")
e = last_error()
print(f"schedule 2026-13 -> [{e['code']}] {e['message_en']}")

# 6. Readiness of a saved state on a day.
onb = ffi.new("hug_onboarding **")
state = (root / "tests/fixtures/states/v1_complete.json").read_bytes()
check(hug.hug_onboarding_from_json(state, onb) == hug.HUG_OK, "state loads")
can_bill = ffi.new("bool *")
check(
    hug.hug_onboarding_readiness_json(onb[0], date(2026, 11, 25), billing[0], can_bill, out) == hug.HUG_OK,
    "readiness",
)
report = json.loads(take_string(out))
check(report["can_bill"] is can_bill[0], "can_bill agrees with the JSON")
print(f"readiness 2026-11-25: can_bill={can_bill[0]}, {len(report['findings'])} findings")
check(hug.hug_onboarding_from_json(b"{}", onb) != hug.HUG_OK, "bad state refused")
print(f"state {{}} -> [{last_error()['code']}]")
hug.hug_onboarding_free(onb[0])
hug.hug_billing_calendar_free(billing[0])

# 7. A bug in the library is a status, never a crash (and nothing on stderr).
check(hug.hug_selftest_panic() == hug.HUG_ERR_PANIC, "panic caught")
check(last_error()["code"] == "ffi.panic", "panic code")
check(hug.hug_date_validate(date(2024, 2, 29)) == hug.HUG_OK, "after a panic the library works")
check(
    hug.hug_last_error_count() == 0 and hug.hug_last_error_code() == ffi.NULL,
    "success clears the last error",
)

print(f"cffi flow: ok ({(time.perf_counter() - t0) * 1e3:.1f} ms in the flow)")
