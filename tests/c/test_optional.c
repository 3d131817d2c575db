/*
 * Every optional pointer argument of the C ABI accepts NULL and means what its `# Safety` line
 * says; the required pointers the documentation once called "NULL or live" refuse NULL with
 * HUG_ERR_NULL_ARGUMENT.
 *
 * OPTIONAL(function, parameter, call) (OPTIONAL_FREE(function, parameter) for the functions that
 * free) marks the test of one optional argument:
 * hug-onboard-ffi/tests/boundary.rs derives the optional pointers from the Rust code and fails
 * when one has no OPTIONAL(...) here. REQUIRED(function, parameter, call) is the same for a
 * required pointer whose documentation was wrong before.
 *
 * Run from the repository root (reads tests/fixtures/): tests/c/run builds and runs it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The call with the optional argument NULL succeeds. */
#define OPTIONAL(fn, param, call) CHECK_OK(call)
/* A free function given NULL: nothing happens (no crash, the last error is untouched). */
#define OPTIONAL_FREE(fn, param) fn(NULL)
/* The call with the required argument NULL is refused with HUG_ERR_NULL_ARGUMENT. */
#define REQUIRED(fn, param, call) CHECK_ERR(call, HUG_ERR_NULL_ARGUMENT, "ffi.null_argument")

static hug_date mkdate(int32_t y, int m, int d) {
  hug_date v;
  v.year = y;
  v.month = (uint8_t)m;
  v.day = (uint8_t)d;
  return v;
}

static hug_datetime mkdt(int32_t y, int mo, int d, int h, int mi) {
  hug_datetime v;
  v.date = mkdate(y, mo, d);
  v.hour = (uint8_t)h;
  v.minute = (uint8_t)mi;
  v.second = 0;
  return v;
}

static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  unsigned char *buf = NULL;
  long n;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    buf = (unsigned char *)malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
      free(buf);
      buf = NULL;
    }
    if (buf != NULL) {
      buf[n] = 0;
      *len = (size_t)n;
    }
  }
  fclose(f);
  return buf;
}

static void test_certificate(void) {
  size_t len = 0, slen = 0;
  unsigned char *p12 = slurp("tests/fixtures/guide-openssl3.p12", &len);
  hug_certificate *c = NULL, *none = NULL;
  hug_certificate_rules *rules = NULL;
  hug_billing_calendar *b = NULL;
  hug_date from, to;
  hug_datetime nb, na;
  hug_certificate_status_result st;
  hug_renewal_plan plan, plan_weekends;
  hug_certificate_stage stage;
  char *json = NULL, *lc = NULL;
  char *state = (char *)slurp("tests/fixtures/states/v1_complete.json", &slen);
  CHECK(p12 != NULL && state != NULL);
  if (p12 == NULL || state == NULL) return;

  /* data: NULL only with len 0 (then the file is empty, a domain error, not a NULL argument) */
  OPTIONAL(hug_certificate_open, data, hug_certificate_open(p12, len, "TestPass123", &c));
  CHECK_ERR(hug_certificate_open(NULL, 0, "TestPass123", &none), HUG_ERR_CORRUPT_FILE, "certificate.empty_file");
  CHECK_ERR(hug_certificate_inspect(NULL, 0, "TestPass123", &none), HUG_ERR_CORRUPT_FILE, "certificate.empty_file");
  CHECK_ERR(hug_certificate_open(NULL, 1, "TestPass123", &none), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(none == NULL);
  /* the optional-data marker for _inspect: a real file through the same path */
  {
    hug_certificate *i = NULL;
    OPTIONAL(hug_certificate_inspect, data, hug_certificate_inspect(p12, len, "TestPass123", &i));
    hug_certificate_free(i);
  }

  OPTIONAL(hug_certificate_findings_json, expected_facility, hug_certificate_findings_json(c, NULL, &json));
  CHECK(str_eq(json, "[]") || str_has(json, "\"code\""));
  CHECK(!str_has(json, "facility"));
  hug_string_free(json);
  json = NULL;

  /* rules: required everywhere (the header once said "NULL or live") */
  CHECK_OK(hug_certificate_validity(c, &from, &to, &nb, &na));
  CHECK_OK(hug_certificate_rules_new(&rules));
  REQUIRED(hug_certificate_status, rules, hug_certificate_status(nb, na, mkdate(2026, 7, 1), NULL, &st));
  REQUIRED(hug_certificate_status_message,
           rules, hug_certificate_status_message(nb, na, mkdate(2026, 7, 1), NULL, HUG_LANG_JA, &json));
  REQUIRED(hug_certificate_renewal_plan, rules, hug_certificate_renewal_plan(na, mkdate(2026, 7, 1), NULL, NULL, &plan));
  REQUIRED(hug_certificate_status_at, rules, hug_certificate_status_at(nb, na, na, NULL, &st));
  REQUIRED(hug_certificate_status_message_at,
           rules, hug_certificate_status_message_at(nb, na, na, NULL, HUG_LANG_JA, &json));
  REQUIRED(hug_certificate_renewal_plan_at, rules, hug_certificate_renewal_plan_at(na, na, NULL, NULL, &plan));
  CHECK(json == NULL);
  /* the four out-pointers of hug_certificate_validity: required */
  REQUIRED(hug_certificate_validity, out_valid_from, hug_certificate_validity(c, NULL, &to, &nb, &na));
  REQUIRED(hug_certificate_validity, out_valid_to, hug_certificate_validity(c, &from, NULL, &nb, &na));
  REQUIRED(hug_certificate_validity, out_not_before_utc, hug_certificate_validity(c, &from, &to, NULL, &na));
  REQUIRED(hug_certificate_validity, out_not_after_utc, hug_certificate_validity(c, &from, &to, &nb, NULL));

  /* billing: optional; NULL plans with weekends only, a calendar adds holidays and the window */
  CHECK_OK(hug_billing_calendar_new(&b));
  OPTIONAL(hug_certificate_renewal_plan, billing,
           hug_certificate_renewal_plan(na, mkdate(2026, 7, 1), rules, NULL, &plan_weekends));
  CHECK_OK(hug_certificate_renewal_plan(na, mkdate(2026, 7, 1), rules, b, &plan));
  CHECK(plan_weekends.expiry_day.year == 2026 && plan.expiry_day.year == 2026);
  OPTIONAL(hug_certificate_renewal_plan_at, billing,
           hug_certificate_renewal_plan_at(na, mkdt(2026, 6, 30, 15, 0), rules, NULL, &plan_weekends));
  CHECK(plan_weekends.expiry_day.year == 2026);
  CHECK(plan_weekends.kind == HUG_RENEWAL_NOT_YET || plan_weekends.kind == HUG_RENEWAL_APPLY_NOW);

  /* lifecycle_json: optional; NULL starts a new lifecycle */
  OPTIONAL(hug_certificate_lifecycle_apply_json, lifecycle_json,
           hug_certificate_lifecycle_apply_json(NULL, "{\"event\":\"apply\",\"on\":\"2026-06-02\"}", &stage, &lc));
  CHECK(stage == HUG_CERT_STAGE_APPLIED);
  hug_string_free(lc);

  /* onboarding: evidence_json and pc optional */
  {
    hug_onboarding *o = NULL;
    hug_notice *test_notice = NULL;
    hug_date day = mkdate(2026, 6, 1);
    size_t tlen = 0;
    char *text = (char *)slurp("tests/fixtures/notices/test_notice.txt", &tlen);
    CHECK(text != NULL);
    CHECK_OK(hug_notice_parse(text != NULL ? text : "", &test_notice));
    free(text);
    CHECK_OK(hug_onboarding_new("1312345678", &o));
    CHECK_OK(hug_onboarding_complete_with_notice(o, "receive_documents", day, test_notice));
    hug_notice_free(test_notice);
    OPTIONAL(hug_onboarding_complete, evidence_json, hug_onboarding_complete(o, "submit_todoke", day, NULL));
    CHECK_OK(hug_onboarding_complete(o, "test_login", day, NULL));
    CHECK_OK(hug_onboarding_complete(o, "change_test_password", day, NULL));
    CHECK_OK(hug_onboarding_complete(o, "apply_certificate", day, NULL));
    OPTIONAL(hug_onboarding_complete_with_certificate, pc,
             hug_onboarding_complete_with_certificate(o, "certificate_issued", day, c, NULL));
    hug_onboarding_free(o);
  }

  /* agent_certificates_json: optional; NULL is "no 代理請求 agent certificate" */
  {
    size_t n = slen + 8;
    char *arr = (char *)malloc(n);
    CHECK(arr != NULL);
    if (arr != NULL) {
      snprintf(arr, n, "[%s]", state);
      OPTIONAL(hug_onboarding_evaluate_many_json, agent_certificates_json,
               hug_onboarding_evaluate_many_json(arr, NULL, mkdate(2026, 11, 25), b, &json));
      CHECK(str_has(json, "\"total\":1"));
      hug_string_free(json);
      json = NULL;
      /* billing: optional; NULL judges each facility with its own 国保連's rulebook */
      OPTIONAL(hug_onboarding_evaluate_many_json, billing,
               hug_onboarding_evaluate_many_json(arr, NULL, mkdate(2026, 11, 25), NULL, &json));
      CHECK(str_has(json, "\"total\":1"));
      hug_string_free(json);
      json = NULL;
      free(arr);
    }
  }

  /* billing: optional in readiness and reminders; NULL is the facility's own 国保連's rulebook */
  {
    hug_onboarding *o = NULL;
    bool can_bill = true;
    CHECK_OK(hug_onboarding_from_json(state, &o));
    OPTIONAL(hug_onboarding_readiness_json, billing,
             hug_onboarding_readiness_json(o, mkdate(2026, 11, 25), NULL, &can_bill, &json));
    CHECK(str_has(json, "rulebook"));
    hug_string_free(json);
    json = NULL;
    OPTIONAL(hug_onboarding_reminders_json, billing,
             hug_onboarding_reminders_json(o, mkdate(2026, 11, 25), 30, NULL, &json));
    CHECK(json != NULL);
    hug_string_free(json);
    json = NULL;
    hug_onboarding_free(o);
  }

  hug_billing_calendar_free(b);
  hug_certificate_rules_free(rules);
  hug_certificate_free(c);
  free(p12);
  free(state);
}

static void test_others(void) {
  hug_password_policy *prod = NULL;
  hug_date d;
  hug_partial_date p;
  char *s = NULL;
  const char *profile =
      "{\"facility_number\":\"1312345678\",\"name_kana\":\"\xef\xbe\x8e\xef\xbd\xb3\xef\xbd\xb6\","
      "\"name_kanji\":\"\xe6\x94\xbe\xe8\xaa\xb2\xe5\xbe\x8c\",\"postal_code\":\"100-0001\","
      "\"address_kana\":\"\xe3\x83\x88\xe3\x82\xa6\xe3\x82\xad\xe3\x83\xa7\xe3\x82\xa6\","
      "\"address_kanji\":\"\xe6\x9d\xb1\xe4\xba\xac\",\"phone\":\"03-1234-5678\",\"fax\":\"03-1234-5679\","
      "\"representative_name_kana\":\"\xe3\x83\xa4\xe3\x83\x9e\xe3\x83\x80\","
      "\"representative_name_kanji\":\"\xe5\xb1\xb1\xe7\x94\xb0\",\"representative_title\":\"\xe4\xbb\xa3\xe8\xa1\xa8\","
      "\"password\":\"0000\"}";

  CHECK_OK(hug_password_policy_new(HUG_PASSWORD_PROFILE_PRODUCTION, &prod));
  OPTIONAL(hug_password_check, user_id, hug_password_check(prod, "Kokuho2024!", NULL));
  /* with a user ID given, the same password equal to it is refused; without, nothing to compare */
  CHECK_ERR(hug_password_check(prod, "A1234567", "A1234567"), HUG_ERR_VALIDATION, "password.equals_user_id");
  CHECK_OK(hug_password_check(prod, "A1234567", NULL));
  hug_password_policy_free(prod);

  OPTIONAL(hug_facility_profile_validate_json, expected_facility, hug_facility_profile_validate_json(profile, NULL, &s));
  CHECK(!str_has(s, "profile.facility_mismatch"));
  hug_string_free(s);
  s = NULL;

  /* table: optional everywhere; NULL is the built-in era table (令和 starts 2019-05-01) */
  OPTIONAL(hug_wareki_parse_date, table, hug_wareki_parse_date("\xe4\xbb\xa4\xe5\x92\x8c" "1\xe5\xb9\xb4" "5\xe6\x9c\x88" "1\xe6\x97\xa5", false, NULL, &d));
  CHECK(d.year == 2019 && d.month == 5 && d.day == 1);
  OPTIONAL(hug_wareki_parse, table, hug_wareki_parse("\xe5\xb9\xb3\xe6\x88\x90" "18\xe5\xb9\xb4", false, NULL, &p));
  OPTIONAL(hug_wareki_format, table, hug_wareki_format(mkdate(2019, 5, 1), HUG_WAREKI_LONG, NULL, &s));
  CHECK(str_has(s, "\xe4\xbb\xa4\xe5\x92\x8c")); /* 令和 */
  hug_string_free(s);

  /* every *_free and hug_string_free: NULL is ignored (and the last error is untouched) */
  CHECK_ERR(hug_date_validate(mkdate(2019, 2, 29)), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  OPTIONAL_FREE(hug_string_free, s);
  OPTIONAL_FREE(hug_calendar_free, calendar);
  OPTIONAL_FREE(hug_certificate_free, cert);
  OPTIONAL_FREE(hug_certificate_rules_free, rules);
  OPTIONAL_FREE(hug_era_table_free, table);
  OPTIONAL_FREE(hug_notice_free, notice);
  OPTIONAL_FREE(hug_onboarding_free, onboarding);
  OPTIONAL_FREE(hug_password_policy_free, policy);
  OPTIONAL_FREE(hug_billing_calendar_free, billing);
  CHECK(str_eq(hug_last_error_code(), "ffi.invalid_date"));
}

int main(void) {
  test_certificate();
  test_others();
  return hug_test_report("test_optional");
}
