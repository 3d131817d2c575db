/*
 * Every domain function of the C ABI beyond facility numbers and text: 和暦,
 * passwords, the registration notice, holidays and business days, the billing
 * schedule and its iCalendar export. Each with its error paths: NULL handles and
 * out-pointers, invalid UTF-8, out-of-range enum integers, impossible dates.
 * Compiled as C11 and as C++. (The shared vectors are in test_vectors.c.)
 */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#define NOTICE_TEXT                                                                      \
  "\xe4\xba\x8b\xe6\xa5\xad\xe6\x89\x80\xe7\x95\xaa\xe5\x8f\xb7 1312345678\n" /* 事業所番号 */ \
  "ID P1312345\n"                                                              \
  "(\xe4\xbb\xae)\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89 Kari0123\n" /* (仮)パスワード */ \
  "\xe8\xa8\xbc\xe6\x98\x8e\xe6\x9b\xb8\xe7\x99\xba\xe8\xa1\x8c\xe7\x94\xa8\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89 Cert0456\n" /* 証明書発行用パスワード */

static hug_date mkdate(int32_t y, int m, int d) {
  hug_date v;
  v.year = y;
  v.month = (uint8_t)m;
  v.day = (uint8_t)d;
  return v;
}

static hug_year_month mkym(int32_t y, int m) {
  hug_year_month v;
  v.year = y;
  v.month = (uint8_t)m;
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

static void test_wareki(void) {
  hug_date d = mkdate(1, 1, 1);
  hug_partial_date p;
  char *s = NULL;
  /* 令和 元年 6月 3日 */
  CHECK_OK(hug_wareki_parse_date("\xe4\xbb\xa4\xe5\x92\x8c \xe5\x85\x83\xe5\xb9\xb4 6\xe6\x9c\x88 3\xe6\x97\xa5", false, NULL, &d));
  CHECK(d.year == 2019 && d.month == 6 && d.day == 3);
  CHECK_OK(hug_wareki_parse_date("R1.6.3", false, NULL, &d));
  CHECK(d.year == 2019 && d.month == 6 && d.day == 3);
  /* 平成32年1月1日: after the era's end unless lenient */
  CHECK_ERR(hug_wareki_parse_date("\xe5\xb9\xb3\xe6\x88\x90" "32\xe5\xb9\xb4" "1\xe6\x9c\x88" "1\xe6\x97\xa5", false, NULL, &d),
            HUG_ERR_VALIDATION, "wareki.after_era_end");
  CHECK(d.year == 2019);
  CHECK_OK(hug_wareki_parse_date("\xe5\xb9\xb3\xe6\x88\x90" "32\xe5\xb9\xb4" "1\xe6\x9c\x88" "1\xe6\x97\xa5", true, NULL, &d));
  CHECK(d.year == 2020 && d.month == 1 && d.day == 1);
  CHECK_ERR(hug_wareki_parse_date("", false, NULL, &d), HUG_ERR_VALIDATION, "wareki.empty");
  CHECK_ERR(hug_wareki_parse_date(NULL, false, NULL, &d), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_wareki_parse_date("R1.6.3", false, NULL, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_wareki_parse_date("R1\xff", false, NULL, &d), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  CHECK_OK(hug_wareki_parse("\xe5\xb9\xb3\xe6\x88\x90" "18\xe5\xb9\xb4", false, NULL, &p)); /* 平成18年 */
  CHECK(p.kind == HUG_PARTIAL_YEAR && p.year == 2006 && p.month == 0 && p.day == 0);
  CHECK_OK(hug_wareki_parse("\xe4\xbb\xa4\xe5\x92\x8c\xe5\x85\x83\xe5\xb9\xb4" "6\xe6\x9c\x88", false, NULL, &p)); /* 令和元年6月 */
  CHECK(p.kind == HUG_PARTIAL_YEAR_MONTH && p.year == 2019 && p.month == 6 && p.day == 0);
  CHECK_OK(hug_wareki_parse("2019/07/24", false, NULL, &p));
  CHECK(p.kind == HUG_PARTIAL_DATE && p.year == 2019 && p.month == 7 && p.day == 24);
  CHECK_ERR(hug_wareki_parse(NULL, false, NULL, &p), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_wareki_parse("x", false, NULL, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_wareki_parse("\xc0\xaf", false, NULL, &p), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  CHECK_OK(hug_wareki_format(mkdate(2019, 6, 3), HUG_WAREKI_LONG, NULL, &s));
  CHECK(str_eq(s, "\xe4\xbb\xa4\xe5\x92\x8c\xe5\x85\x83\xe5\xb9\xb4" "6\xe6\x9c\x88" "3\xe6\x97\xa5")); /* 令和元年6月3日 */
  hug_string_free(s);
  CHECK_OK(hug_wareki_format(mkdate(1989, 1, 8), HUG_WAREKI_SHORT, NULL, &s));
  CHECK(str_eq(s, "H1.1.8"));
  hug_string_free(s);
  CHECK_OK(hug_wareki_format(mkdate(1989, 1, 7), HUG_WAREKI_LONG_NUMERIC, NULL, &s));
  CHECK(str_has(s, "64")); /* 昭和64年 */
  hug_string_free(s);
  s = NULL;
  CHECK_ERR(hug_wareki_format(mkdate(1872, 12, 31), HUG_WAREKI_LONG, NULL, &s), HUG_ERR_VALIDATION, "wareki.out_of_range");
  CHECK_ERR(hug_wareki_format(mkdate(2019, 2, 29), HUG_WAREKI_LONG, NULL, &s), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_wareki_format(mkdate(2019, 6, 3), 3, NULL, &s), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_enum");
  CHECK_ERR(hug_wareki_format(mkdate(2019, 6, 3), -1, NULL, &s), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_enum");
  CHECK_ERR(hug_wareki_format(mkdate(2019, 6, 3), HUG_WAREKI_LONG, NULL, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(s == NULL);

  /* a custom era table (data, not code): 令和 only */
  {
    hug_era_table *t = NULL, *bad = NULL;
    CHECK_OK(hug_era_table_from_json(
        "[{\"name\":\"\xe4\xbb\xa4\xe5\x92\x8c\",\"name_en\":\"Reiwa\",\"initial\":\"R\",\"first_day\":\"2019-05-01\"}]", &t));
    CHECK_OK(hug_wareki_parse_date("R1.6.3", false, t, &d));
    CHECK(d.year == 2019 && d.month == 6 && d.day == 3);
    CHECK_ERR(hug_wareki_parse_date("H1.1.8", false, t, &d), HUG_ERR_VALIDATION, "wareki.unknown_era");
    CHECK_OK(hug_wareki_parse("\xe4\xbb\xa4\xe5\x92\x8c" "2\xe5\xb9\xb4", false, t, &p));
    CHECK(p.kind == HUG_PARTIAL_YEAR && p.year == 2020);
    CHECK_OK(hug_wareki_format(mkdate(2020, 1, 1), HUG_WAREKI_SHORT, t, &s));
    CHECK(str_eq(s, "R2.1.1"));
    hug_string_free(s);
    s = NULL;
    CHECK_ERR(hug_wareki_format(mkdate(2000, 1, 1), HUG_WAREKI_SHORT, t, &s), HUG_ERR_VALIDATION, "wareki.out_of_range");
    CHECK_ERR(hug_era_table_from_json("[", &bad), HUG_ERR_INVALID_JSON, "wareki.invalid_era_table");
    CHECK_ERR(hug_era_table_from_json(NULL, &bad), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_era_table_from_json("[]", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_era_table_from_json("\xff", &bad), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
    CHECK(bad == NULL);
    hug_era_table_free(t);
    hug_era_table_free(NULL);
  }

  CHECK_OK(hug_date_parse(" 2026-05-06 ", &d));
  CHECK(d.year == 2026 && d.month == 5 && d.day == 6);
  CHECK_ERR(hug_date_parse("2026-02-30", &d), HUG_ERR_VALIDATION, "calendar.invalid_date");
  CHECK_ERR(hug_date_parse(NULL, &d), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_date_parse("2026-05-06", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_date_parse("\xff", &d), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
}

static void test_password(void) {
  hug_password_policy *test = NULL, *prod = NULL, *gen = NULL, *custom = NULL;
  char *s = NULL;
  size_t i;
  int k;

  CHECK_OK(hug_password_policy_new(HUG_PASSWORD_PROFILE_TEST, &test));
  CHECK_OK(hug_password_policy_new(HUG_PASSWORD_PROFILE_PRODUCTION, &prod));
  CHECK_OK(hug_password_policy_new(HUG_PASSWORD_PROFILE_GENERATION, &gen));
  CHECK_ERR(hug_password_policy_new(3, &custom), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_enum");
  CHECK_ERR(hug_password_policy_new(-1, &custom), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_enum");
  CHECK_ERR(hug_password_policy_new(HUG_PASSWORD_PROFILE_TEST, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(custom == NULL);

  CHECK_OK(hug_password_policy_to_json(prod, &s));
  CHECK(str_has(s, "\"min_len\":8") && str_has(s, "\"max_len\":16"));
  CHECK_OK(hug_password_policy_from_json(s, &custom));
  hug_string_free(s);
  CHECK_ERR(hug_password_policy_from_json("{", &custom), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(hug_password_policy_from_json("{\"min_len\":\"x\"}", &custom), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(hug_password_policy_from_json(NULL, &custom), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_policy_from_json("{}", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_policy_from_json("\xff", &custom), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_ERR(hug_password_policy_to_json(NULL, &s), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_policy_to_json(prod, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  s = NULL;
  CHECK_OK(hug_password_policy_advice(prod, HUG_LANG_JA, &s));
  CHECK(str_has(s, "30")); /* 3回 … 30分 */
  hug_string_free(s);
  s = NULL;
  CHECK_OK(hug_password_policy_advice(prod, HUG_LANG_EN, &s));
  CHECK(str_has(s, "3 wrong passwords"));
  hug_string_free(s);
  CHECK_ERR(hug_password_policy_advice(prod, 9, &s), HUG_ERR_INVALID_ARGUMENT, "lang.unknown");
  CHECK_ERR(hug_password_policy_advice(NULL, HUG_LANG_EN, &s), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_policy_advice(prod, HUG_LANG_EN, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_password_check(prod, "Kokuho2024!", "A1234567"));
  CHECK_OK(hug_password_check(prod, "Kokuho2024", NULL));
  /* several violations at once, each with code and messages */
  CHECK_ERR(hug_password_check(prod, "abc~", NULL), HUG_ERR_VALIDATION, "password.too_short");
  CHECK(hug_last_error_count() >= 3);
  {
    int saw_digit = 0, saw_symbol = 0;
    for (i = 0; i < hug_last_error_count(); i++) {
      CHECK(hug_last_error_message_at(i, HUG_LANG_JA) != NULL);
      CHECK(hug_last_error_message_at(i, HUG_LANG_EN) != NULL);
      CHECK(hug_last_error_severity_at(i) == HUG_SEVERITY_ERROR);
      if (str_eq(hug_last_error_code_at(i), "password.no_digit")) saw_digit = 1;
      if (str_has(hug_last_error_code_at(i), "symbol") || str_has(hug_last_error_code_at(i), "char"))
        saw_symbol = 1;
    }
    CHECK(saw_digit && saw_symbol);
  }
  CHECK_ERR(hug_password_check(prod, "A1234567", "A1234567"), HUG_ERR_VALIDATION, "password.equals_user_id");
  {
    char *j = hug_last_error_json();
    CHECK(str_has(j, "\"code\":\"password.equals_user_id\""));
    hug_string_free(j);
  }
  CHECK_ERR(hug_password_check(NULL, "x", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_check(prod, NULL, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_check(prod, "Kokuho2024\xff", NULL), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_ERR(hug_password_check(prod, "Kokuho2024", "\xff"), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  CHECK_OK(hug_password_check_change(prod, "A1234567", "kari0001", "Kokuho2024!", "Kokuho2024!"));
  CHECK_ERR(hug_password_check_change(prod, "A1234567", "kari0001", "Kokuho2024!", "Kokuho2024?"),
            HUG_ERR_VALIDATION, "password.confirm_mismatch");
  CHECK(hug_last_error_count() >= 1);
  CHECK_ERR(hug_password_check_change(NULL, "u", "c", "n", "n"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_check_change(prod, NULL, "c", "n", "n"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_check_change(prod, "u", NULL, "n", "n"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_check_change(prod, "u", "c", NULL, "n"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_check_change(prod, "u", "c", "n", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_check_change(prod, "u", "c", "n\xfe", "n"), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  for (k = 0; k < 20; k++) {
    s = NULL;
    CHECK_OK(hug_password_generate(gen, 12, &s));
    CHECK(s != NULL && strlen(s) == 12);
    CHECK_OK(hug_password_check(test, s, NULL));
    CHECK_OK(hug_password_check(prod, s, NULL));
    hug_string_free(s);
  }
  s = NULL;
  CHECK_ERR(hug_password_generate(gen, 7, &s), HUG_ERR_VALIDATION, "password.generate_length");
  CHECK_ERR(hug_password_generate(gen, SIZE_MAX, &s), HUG_ERR_VALIDATION, "password.generate_length");
  CHECK_ERR(hug_password_generate(NULL, 12, &s), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_password_generate(gen, 12, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(s == NULL);

  hug_password_policy_free(test);
  hug_password_policy_free(prod);
  hug_password_policy_free(gen);
  hug_password_policy_free(custom);
  hug_password_policy_free(NULL);
}

static void test_notice(void) {
  hug_notice *n = NULL, *back = NULL;
  hug_notice_kind kind = -1;
  hug_facility_number fn;
  hug_date d;
  bool present = true;
  char *s = NULL, *json = NULL;

  CHECK_OK(hug_notice_parse(NOTICE_TEXT, &n));
  CHECK_OK(hug_notice_kind_get(n, &kind));
  CHECK(kind == HUG_NOTICE_PRODUCTION);
  CHECK_OK(hug_notice_expect_kind(n, HUG_NOTICE_PRODUCTION));
  CHECK_ERR(hug_notice_expect_kind(n, HUG_NOTICE_TEST), HUG_ERR_VALIDATION, "notice.wrong_kind");
  CHECK_ERR(hug_notice_expect_kind(n, 2), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_enum");
  CHECK_ERR(hug_notice_expect_kind(NULL, HUG_NOTICE_TEST), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_OK(hug_notice_facility_number(n, &fn));
  CHECK(str_eq(fn.digits, "1312345678") && fn.prefecture == 13);
  d = mkdate(7, 7, 7);
  CHECK_OK(hug_notice_date(n, &present, &d));
  CHECK(!present && d.year == 0);
  CHECK_OK(hug_notice_field(n, HUG_NOTICE_FIELD_USER_ID, &s));
  CHECK(str_eq(s, "P1312345"));
  hug_string_free(s);
  s = (char *)"untouched";
  CHECK_OK(hug_notice_field(n, HUG_NOTICE_FIELD_ADDRESS, &s));
  CHECK(s == NULL); /* absent optional field */
  CHECK_ERR(hug_notice_field(n, 8, &s), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_enum");
  CHECK_ERR(hug_notice_field(n, -1, &s), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_enum");
  CHECK_ERR(hug_notice_field(NULL, 0, &s), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_field(n, 0, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  /* the redacted JSON never holds a password; the reveal functions do */
  CHECK_OK(hug_notice_to_json(n, &json));
  CHECK(!str_has(json, "Kari0123") && !str_has(json, "Cert0456"));
  CHECK(str_has(json, "\"secrets_redacted\":true"));
  hug_string_free(json);
  json = NULL;
  CHECK_OK(hug_notice_findings_json(n, &json));
  CHECK(str_has(json, "notice.optional_field_missing"));
  CHECK(!str_has(json, "Kari0123"));
  hug_string_free(json);
  s = NULL;
  CHECK_OK(hug_notice_reveal_temporary_password(n, &s));
  CHECK(str_eq(s, "Kari0123"));
  hug_string_free(s);
  s = NULL;
  CHECK_OK(hug_notice_reveal_certificate_password(n, &s));
  CHECK(str_eq(s, "Cert0456"));
  hug_string_free(s);
  json = NULL;
  CHECK_OK(hug_notice_reveal_json(n, &json));
  CHECK(str_has(json, "Kari0123"));
  CHECK_OK(hug_notice_from_json(json, &back));
  hug_string_free(json);
  CHECK_OK(hug_notice_reveal_temporary_password(back, &s));
  CHECK(str_eq(s, "Kari0123"));
  hug_string_free(s);
  hug_notice_free(back);
  back = NULL;

  /* every problem at once */
  CHECK_ERR(hug_notice_parse("", &back), HUG_ERR_VALIDATION, "notice.empty");
  CHECK_ERR(hug_notice_parse("ID x\n", &back), HUG_ERR_VALIDATION, "notice.missing_field");
  CHECK(hug_last_error_count() == 3); /* 事業所番号, (仮)パスワード, 証明書発行用パスワード */
  CHECK(str_eq(hug_last_error_code_at(2), "notice.missing_field"));
  CHECK(str_has(hug_last_error_message_at(1, HUG_LANG_JA), "(\xe4\xbb\xae)"));
  CHECK(str_has(hug_last_error_message(HUG_LANG_EN), "\n"));
  CHECK_ERR(hug_notice_from_json("{", &back), HUG_ERR_INVALID_JSON, "notice.json_invalid");
  CHECK(back == NULL);
  CHECK_ERR(hug_notice_parse(NULL, &back), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_parse(NOTICE_TEXT, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_parse("\xe4\xba", &back), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_ERR(hug_notice_from_json(NULL, &back), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_from_json("{}", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_kind_get(NULL, &kind), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_kind_get(n, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_date(NULL, &present, &d), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_date(n, NULL, &d), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_date(n, &present, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_facility_number(NULL, &fn), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_facility_number(n, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_findings_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_findings_json(n, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_to_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_to_json(n, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_reveal_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_reveal_json(n, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_reveal_temporary_password(NULL, &s), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_reveal_temporary_password(n, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_reveal_certificate_password(NULL, &s), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_reveal_certificate_password(n, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  /* typed text has no OCR provenance */
  CHECK_OK(hug_notice_ocr_json(n, &json));
  CHECK(str_eq(json, "null"));
  hug_string_free(json);
  CHECK_ERR(hug_notice_ocr_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_ocr_json(n, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  hug_notice_free(n);
  hug_notice_free(NULL);

  /* OCR text: damaged labels, stray marks; the findings name the look-alike glyphs */
  n = NULL;
  CHECK_OK(hug_notice_parse_ocr_text("| \xe4\xba\x8b\xe6\xa5\xad\xe6\x89\x80\xe7\x95\xaa\xe5\x8f\xb7 | 1312345678 |\n" /* 事業所番号 */
                                     "| \xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88TD | T1312345 |\n"          /* テストTD */
                                     "| (\xe4\xbc\xaf)\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89 | Kari0123 |\n" /* (伯)パスワード */
                                     "\xe7\x97\x87\xe6\x98\x8e\xe6\x9b\xb8\xe7\x99\xba\xe8\xa1\x8c\xe7\x94\xa8"
                                     "\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89 . Cert4567\n", /* 症明書発行用パスワード */
                                     &n));
  CHECK_OK(hug_notice_kind_get(n, &kind));
  CHECK(kind == HUG_NOTICE_TEST);
  json = NULL;
  CHECK_OK(hug_notice_findings_json(n, &json));
  CHECK(str_has(json, "notice.ocr_confusable"));
  CHECK(!str_has(json, "Kari0123"));
  hug_string_free(json);
  json = NULL;
  CHECK_OK(hug_notice_ocr_json(n, &json));
  CHECK(str_has(json, "\"input\":\"text\"") && str_has(json, "\"label_edits\":1"));
  /* each field's characters for a second pass come with it (the core's value_charset): digits for the
     事業所番号, none for free text */
  CHECK(str_has(json, "\"value_charset\":\"0123456789\""));
  CHECK(!str_has(json, "Kari0123") && !str_has(json, "Cert4567"));
  hug_string_free(json);
  /* a second OCR pass over the cells, reconciled in the core: the second reads' plurality wins, said */
  {
    hug_notice *m = NULL;
    CHECK_OK(hug_notice_with_ocr_rereads(
        n, "{\"temporary_password\":[\"Kari0l23\",\"Kari0l23\"],\"user_id\":[\"T1312345\"]}", &m));
    s = NULL;
    CHECK_OK(hug_notice_reveal_temporary_password(m, &s));
    CHECK(str_eq(s, "Kari0l23"));
    hug_string_free(s);
    s = NULL;
    CHECK_OK(hug_notice_reveal_temporary_password(n, &s)); /* the notice given is unchanged */
    CHECK(str_eq(s, "Kari0123"));
    hug_string_free(s);
    json = NULL;
    CHECK_OK(hug_notice_findings_json(m, &json));
    CHECK(str_has(json, "notice.ocr_reads_disagree") && !str_has(json, "Kari0l23"));
    hug_string_free(json);
    hug_notice_free(m);
    m = NULL;
    /* The postal code and the address are re-read too (the page has neither here: unchanged). */
    CHECK_OK(hug_notice_with_ocr_rereads(n, "{\"address\":[\"x\"],\"postal_code\":[\"100-0001\"]}", &m));
    hug_notice_free(m);
    m = NULL;
    CHECK_ERR(hug_notice_with_ocr_rereads(n, "{\"remarks\":[\"x\"]}", &m), HUG_ERR_INVALID_ARGUMENT,
              "notice.ocr_rereads_invalid");
    CHECK_ERR(hug_notice_with_ocr_rereads(n, "{\"temporary_password\":\"Kari0l23\"}", &m),
              HUG_ERR_INVALID_ARGUMENT, "notice.ocr_rereads_invalid");
    CHECK(m == NULL);
    CHECK_ERR(hug_notice_with_ocr_rereads(NULL, "{}", &m), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_notice_with_ocr_rereads(n, NULL, &m), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_notice_with_ocr_rereads(n, "{}", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  }
  hug_notice_free(n);
  n = NULL;
  CHECK_ERR(hug_notice_parse_ocr_text(NULL, &n), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_parse_ocr_text("x", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_parse_ocr_tsv("a\tb\n", &n), HUG_ERR_INVALID_JSON, "notice.tsv_invalid");
  /* A page whose 事業所番号 0135127436 was read 9135127436 (unknown prefecture code): refused alone; the
     layout still gives its cell, and the page with the cell's second reads is taken and says so. */
  {
#define ROW(i, label, value)                                                                            \
  "5\t1\t1\t1\t" #i "\t1\t100\t" #i "00\t200\t40\t95\t" label "\n5\t1\t2\t1\t" #i "\t1\t600\t" #i \
  "00\t200\t30\t95\t" value "\n"
    const char *tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" ROW(
        1, "\xe4\xba\x8b\xe6\xa5\xad\xe6\x89\x80\xe7\x95\xaa\xe5\x8f\xb7", "9135127436") /* 事業所番号 */
        ROW(2, "ID", "P1312345") ROW(3, "(\xe4\xbb\xae)\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89",
                                     "Kari0123") /* (仮)パスワード */
        ROW(4,
            "\xe8\xa8\xbc\xe6\x98\x8e\xe6\x9b\xb8\xe7\x99\xba\xe8\xa1\x8c\xe7\x94\xa8\xe3\x83\x91\xe3\x82\xb9"
            "\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89",
            "Cert4567"); /* 証明書発行用パスワード */
#undef ROW
    hug_notice *m = NULL;
    CHECK_ERR(hug_notice_parse_ocr_tsv(tsv, &m), HUG_ERR_VALIDATION, "facility.unknown_prefecture");
    json = NULL;
    CHECK_OK(hug_notice_ocr_layout_json(tsv, &json));
    CHECK(str_has(json, "\"field\":\"facility_number\"") && str_has(json, "\"value_box\":{"));
    CHECK(!str_has(json, "9135127436") && !str_has(json, "Kari0123"));
    hug_string_free(json);
    CHECK_OK(hug_notice_parse_ocr_tsv_with_rereads(tsv, "{\"facility_number\":[\"0135127436\",\"0135127436\"]}", &m));
    {
      struct hug_facility_number f;
      CHECK_OK(hug_notice_facility_number(m, &f));
      CHECK(str_eq(f.digits, "0135127436") && f.prefecture == 1);
    }
    json = NULL;
    CHECK_OK(hug_notice_findings_json(m, &json));
    CHECK(str_has(json, "notice.ocr_page_read_invalid") && str_has(json, "notice.ocr_reads_disagree"));
    hug_string_free(json);
    hug_notice_free(m);
    m = NULL;
    /* a key given twice keeps both lists (as the core joins repeated entries; a JSON map would keep the
       last, one read, and refuse) */
    CHECK_OK(hug_notice_parse_ocr_tsv_with_rereads(
        tsv, "{\"facility_number\":[\"0135127436\",\"0135127436\"],\"facility_number\":[\"0235127436\"]}", &m));
    {
      struct hug_facility_number f;
      CHECK_OK(hug_notice_facility_number(m, &f));
      CHECK(str_eq(f.digits, "0135127436"));
    }
    hug_notice_free(m);
    m = NULL;
    /* one valid read alone is no evidence against the page's: refused */
    CHECK_ERR(hug_notice_parse_ocr_tsv_with_rereads(tsv, "{\"facility_number\":[\"0135127436\"]}", &m),
              HUG_ERR_VALIDATION, "facility.unknown_prefecture");
    /* no valid plurality: refused as before; bad rereads and NULLs are coded */
    CHECK_ERR(hug_notice_parse_ocr_tsv_with_rereads(tsv, "{\"facility_number\":[\"0135127436\",\"0235127436\"]}", &m),
              HUG_ERR_VALIDATION, "facility.unknown_prefecture");
    CHECK_ERR(hug_notice_parse_ocr_tsv_with_rereads(tsv, "{\"date\":[\"x\"]}", &m), HUG_ERR_INVALID_ARGUMENT,
              "notice.ocr_rereads_invalid");
    CHECK_ERR(hug_notice_parse_ocr_tsv_with_rereads(tsv, "[1]", &m), HUG_ERR_INVALID_ARGUMENT,
              "notice.ocr_rereads_invalid");
    CHECK(m == NULL);
    CHECK_ERR(hug_notice_parse_ocr_tsv_with_rereads(NULL, "{}", &m), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_notice_parse_ocr_tsv_with_rereads(tsv, NULL, &m), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_notice_parse_ocr_tsv_with_rereads(tsv, "{}", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_notice_ocr_layout_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_notice_ocr_layout_json(tsv, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_notice_ocr_layout_json("a\tb\n", &json), HUG_ERR_INVALID_JSON, "notice.tsv_invalid");
  }
  CHECK_ERR(hug_notice_parse_ocr_tsv(NULL, &n), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_notice_parse_ocr_tsv("\xe4\xba", &n), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK(n == NULL);
}

static void test_calendar(void) {
  hug_calendar *c = NULL, *ye = NULL, *bad = NULL;
  bool b = false;
  const char *name = NULL;
  hug_date d;
  hug_year_status st = -1;
  char *json = NULL;

  CHECK_OK(hug_calendar_new(false, &c));
  CHECK_OK(hug_calendar_new(true, &ye));
  CHECK_ERR(hug_calendar_new(false, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_OK(hug_calendar_from_json("{\"last_announced_year\":2030}", &bad));
  hug_calendar_free(bad);
  bad = NULL;
  CHECK_ERR(hug_calendar_from_json("{\"nope\":1}", &bad), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(hug_calendar_from_json("[", &bad), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(hug_calendar_from_json(NULL, &bad), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_calendar_from_json("{}", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_calendar_from_json("\xff", &bad), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK(bad == NULL);

  CHECK_OK(hug_holiday_get(mkdate(2026, 5, 6), HUG_LANG_JA, &b, &name)); /* 振替休日 */
  CHECK(b && name != NULL);
  CHECK_OK(hug_holiday_get(mkdate(2026, 1, 1), HUG_LANG_EN, &b, &name));
  CHECK(b && str_has(name, "New Year"));
  CHECK_OK(hug_holiday_get(mkdate(2026, 5, 7), HUG_LANG_EN, &b, &name));
  CHECK(!b && name == NULL);
  CHECK_ERR(hug_holiday_get(mkdate(1900, 1, 1), HUG_LANG_EN, &b, &name), HUG_ERR_VALIDATION, "calendar.out_of_range");
  CHECK_ERR(hug_holiday_get(mkdate(2026, 2, 30), HUG_LANG_EN, &b, &name), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_holiday_get(mkdate(2026, 1, 1), 5, &b, &name), HUG_ERR_INVALID_ARGUMENT, "lang.unknown");
  CHECK_ERR(hug_holiday_get(mkdate(2026, 1, 1), HUG_LANG_EN, NULL, &name), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_holiday_get(mkdate(2026, 1, 1), HUG_LANG_EN, &b, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_holidays_of_year_json(2026, &json));
  CHECK(str_has(json, "\"date\":\"2026-05-06\""));
  hug_string_free(json);
  json = NULL;
  CHECK_ERR(hug_holidays_of_year_json(2100, &json), HUG_ERR_VALIDATION, "calendar.year_out_of_range");
  CHECK_ERR(hug_holidays_of_year_json(INT32_MIN, &json), HUG_ERR_VALIDATION, "calendar.year_out_of_range");
  CHECK_ERR(hug_holidays_of_year_json(2026, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(json == NULL);

  CHECK_OK(hug_calendar_year_status(c, 2026, &st));
  CHECK(st == HUG_YEAR_ANNOUNCED);
  CHECK_OK(hug_calendar_year_status(c, 2090, &st));
  CHECK(st == HUG_YEAR_PROVISIONAL);
  CHECK_ERR(hug_calendar_year_status(c, 1000, &st), HUG_ERR_VALIDATION, "calendar.year_out_of_range");
  CHECK_ERR(hug_calendar_year_status(NULL, 2026, &st), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_calendar_year_status(c, 2026, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_calendar_is_business_day(c, mkdate(2026, 12, 29), &b));
  CHECK(b);
  CHECK_OK(hug_calendar_is_business_day(ye, mkdate(2026, 12, 29), &b));
  CHECK(!b);
  CHECK_ERR(hug_calendar_is_business_day(c, mkdate(2026, 13, 1), &b), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_calendar_is_business_day(c, mkdate(3000, 1, 1), &b), HUG_ERR_VALIDATION, "calendar.out_of_range");
  CHECK_ERR(hug_calendar_is_business_day(NULL, mkdate(2026, 1, 1), &b), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_calendar_is_business_day(c, mkdate(2026, 1, 1), NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  /* payment day 2026-08-15 is a Saturday: rolled forward to Monday the 17th */
  CHECK_OK(hug_calendar_business_day(c, mkdate(2026, 8, 15), HUG_BUSINESS_DAY_ROLL_FORWARD, &d));
  CHECK(d.year == 2026 && d.month == 8 && d.day == 17);
  CHECK_OK(hug_calendar_business_day(c, mkdate(2026, 8, 15), HUG_BUSINESS_DAY_ROLL_BACKWARD, &d));
  CHECK(d.month == 8 && d.day == 14);
  CHECK_OK(hug_calendar_business_day(c, mkdate(2026, 5, 1), HUG_BUSINESS_DAY_NEXT, &d));
  CHECK(d.month == 5 && d.day == 7); /* after Golden Week */
  CHECK_OK(hug_calendar_business_day(c, mkdate(2026, 5, 7), HUG_BUSINESS_DAY_PREVIOUS, &d));
  CHECK(d.month == 5 && d.day == 1);
  CHECK_ERR(hug_calendar_business_day(c, mkdate(2026, 5, 7), 4, &d), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_enum");
  CHECK_ERR(hug_calendar_business_day(c, mkdate(2026, 5, 0), 0, &d), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_calendar_business_day(NULL, mkdate(2026, 5, 7), 0, &d), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_calendar_business_day(c, mkdate(2026, 5, 7), 0, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(d.month == 5 && d.day == 1);
  hug_calendar_free(c);
  hug_calendar_free(ye);
  hug_calendar_free(NULL);
}

static void test_schedule(void) {
  hug_billing_calendar *b = NULL, *bad = NULL;
  hug_calendar *c = NULL;
  hug_year_month m;
  hug_datetime t, opens, closes;
  bool open = false;
  char *json = NULL;

  CHECK_OK(hug_billing_calendar_new(&b));
  CHECK_ERR(hug_billing_calendar_new(NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_OK(hug_billing_calendar_from_rulebook_json("{}", &bad));
  hug_billing_calendar_free(bad);
  bad = NULL;
  CHECK_ERR(hug_billing_calendar_from_rulebook_json("{", &bad), HUG_ERR_INVALID_JSON, "rulebook.syntax");
  CHECK_ERR(hug_billing_calendar_from_rulebook_json(NULL, &bad), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_billing_calendar_from_rulebook_json("{}", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_billing_calendar_from_rulebook_json("\xff", &bad), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK(bad == NULL);

  CHECK_OK(hug_billing_calendar_from_rulebook_toml("id = \"nagano\"\n[documents.payment_notice]\nrelease_day = 6\n", &bad));
  CHECK_OK(hug_billing_calendar_rulebook_json(bad, &json));
  CHECK(str_has(json, "\"id\":\"nagano\""));
  hug_string_free(json);
  json = NULL;
  hug_billing_calendar_free(bad);
  bad = NULL;
  CHECK_ERR(hug_billing_calendar_from_rulebook_toml("id = ", &bad), HUG_ERR_INVALID_JSON, "rulebook.syntax");
  CHECK_ERR(hug_billing_calendar_from_rulebook_toml(NULL, &bad), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_billing_calendar_from_rulebook_toml("", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_billing_calendar_from_rulebook_toml("\xff", &bad), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK(bad == NULL);

  CHECK_OK(hug_calendar_new(true, &c));
  CHECK_OK(hug_billing_calendar_set_calendar(b, c));
  CHECK_ERR(hug_billing_calendar_set_calendar(NULL, c), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_billing_calendar_set_calendar(b, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  hug_calendar_free(c);

  CHECK_OK(hug_billing_calendar_rulebook_json(b, &json));
  CHECK(str_has(json, "\"id\":\"default\""));
  hug_string_free(json);
  CHECK_ERR(hug_billing_calendar_rulebook_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_billing_calendar_rulebook_json(b, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_year_month_parse("2026-04", &m));
  CHECK(m.year == 2026 && m.month == 4);
  CHECK_ERR(hug_year_month_parse("2026-13", &m), HUG_ERR_VALIDATION, "schedule.invalid_month");
  CHECK_ERR(hug_year_month_parse(NULL, &m), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_year_month_parse("2026-04", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_year_month_parse("\xff", &m), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_OK(hug_datetime_parse("2026-05-10T23:59", &t));
  CHECK(t.date.day == 10 && t.hour == 23 && t.minute == 59 && t.second == 0);
  CHECK_ERR(hug_datetime_parse("2026-05-10T24:00", &t), HUG_ERR_VALIDATION, "schedule.invalid_instant");
  CHECK_ERR(hug_datetime_parse(NULL, &t), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_datetime_parse("2026-05-10T10:00", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_datetime_parse("\xff", &t), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  json = NULL;
  CHECK_OK(hug_schedule_month_json(b, mkym(2026, 4), &json));
  CHECK(str_has(json, "\"service_month\":\"2026-04\""));
  hug_string_free(json);
  json = NULL;
  CHECK_ERR(hug_schedule_month_json(b, mkym(2026, 13), &json), HUG_ERR_VALIDATION, "schedule.invalid_month");
  CHECK_ERR(hug_schedule_month_json(b, mkym(2026, 0), &json), HUG_ERR_VALIDATION, "schedule.invalid_month");
  CHECK_ERR(hug_schedule_month_json(b, mkym(1900, 1), &json), HUG_ERR_VALIDATION, "calendar.out_of_range");
  CHECK_ERR(hug_schedule_month_json(NULL, mkym(2026, 4), &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_schedule_month_json(b, mkym(2026, 4), NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(json == NULL);

  CHECK_OK(hug_schedule_claim_window(b, mkym(2026, 4), &opens, &closes));
  CHECK(opens.date.month == 5 && opens.date.day == 1 && opens.hour == 0);
  CHECK(closes.date.month == 5 && closes.date.day == 11 && closes.hour == 0);
  CHECK_ERR(hug_schedule_claim_window(b, mkym(2026, 99), &opens, &closes), HUG_ERR_VALIDATION, "schedule.invalid_month");
  CHECK_ERR(hug_schedule_claim_window(NULL, mkym(2026, 4), &opens, &closes), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_schedule_claim_window(b, mkym(2026, 4), NULL, &closes), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_schedule_claim_window(b, mkym(2026, 4), &opens, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_schedule_window_at(b, mkdt(2026, 5, 10, 23, 59), &open, &m));
  CHECK(open && m.year == 2026 && m.month == 4);
  CHECK_OK(hug_schedule_window_at(b, mkdt(2026, 5, 20, 12, 0), &open, &m));
  CHECK(!open && m.year == 0 && m.month == 0);
  t = mkdt(2026, 5, 10, 24, 0);
  CHECK_ERR(hug_schedule_window_at(b, t, &open, &m), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_schedule_window_at(NULL, mkdt(2026, 5, 10, 1, 0), &open, &m), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_schedule_window_at(b, mkdt(2026, 5, 10, 1, 0), NULL, &m), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_schedule_window_at(b, mkdt(2026, 5, 10, 1, 0), &open, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  json = NULL;
  CHECK_OK(hug_schedule_next_deadline_json(b, mkdt(2026, 5, 20, 12, 0), &json));
  CHECK(str_has(json, "\"service_month\":\"2026-05\"") && str_has(json, "\"open_now\":false"));
  hug_string_free(json);
  CHECK_ERR(hug_schedule_next_deadline_json(b, mkdt(2026, 2, 30, 0, 0), &json), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_schedule_next_deadline_json(NULL, mkdt(2026, 5, 1, 0, 0), &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_schedule_next_deadline_json(b, mkdt(2026, 5, 1, 0, 0), NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  json = NULL;
  CHECK_OK(hug_schedule_events_on_json(b, mkdate(2026, 5, 1), &json));
  CHECK(str_has(json, "\"service_month\":\"2026-04\""));
  hug_string_free(json);
  json = NULL;
  CHECK_OK(hug_schedule_events_on_json(b, mkdate(2026, 5, 20), &json));
  CHECK(str_eq(json, "[]"));
  hug_string_free(json);
  CHECK_ERR(hug_schedule_events_on_json(b, mkdate(2026, 5, 32), &json), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_schedule_events_on_json(NULL, mkdate(2026, 5, 1), &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_schedule_events_on_json(b, mkdate(2026, 5, 1), NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  json = NULL;
  CHECK_OK(hug_schedule_ical(b, mkym(2026, 4), mkym(2026, 6), mkdt(2026, 4, 1, 0, 0), &json));
  CHECK(str_has(json, "BEGIN:VCALENDAR\r\n") && str_has(json, "END:VCALENDAR"));
  CHECK(str_has(json, "DTSTAMP:20260401T000000Z"));
  CHECK(str_has(json, "DTSTART:20260430T150000Z")); /* 2026-05-01 00:00 JST */
  hug_string_free(json);
  json = NULL;
  CHECK_ERR(hug_schedule_ical(b, mkym(2026, 6), mkym(2026, 4), mkdt(2026, 4, 1, 0, 0), &json),
            HUG_ERR_VALIDATION, "schedule.invalid_range");
  CHECK_ERR(hug_schedule_ical(b, mkym(2026, 4), mkym(2226, 4), mkdt(2026, 4, 1, 0, 0), &json),
            HUG_ERR_VALIDATION, "schedule.range_too_long");
  CHECK_ERR(hug_schedule_ical(b, mkym(2026, 0), mkym(2026, 4), mkdt(2026, 4, 1, 0, 0), &json),
            HUG_ERR_VALIDATION, "schedule.invalid_month");
  CHECK_ERR(hug_schedule_ical(b, mkym(2026, 4), mkym(2026, 4), mkdt(2026, 4, 31, 0, 0), &json),
            HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_schedule_ical(NULL, mkym(2026, 4), mkym(2026, 4), mkdt(2026, 4, 1, 0, 0), &json),
            HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_schedule_ical(b, mkym(2026, 4), mkym(2026, 4), mkdt(2026, 4, 1, 0, 0), NULL),
            HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(json == NULL);
  hug_billing_calendar_free(b);
  hug_billing_calendar_free(NULL);
}

static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  unsigned char *buf = NULL;
  long n;
  *len = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    buf = (unsigned char *)malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
      *len = (size_t)n;
    } else {
      free(buf);
      buf = NULL;
    }
  }
  fclose(f);
  return buf;
}

static void test_certificate(void) {
  size_t len = 0, blen = 0;
  unsigned char *p12 = slurp("tests/fixtures/guide-openssl3.p12", &len);
  unsigned char *broken = slurp("tests/fixtures/broken-truncated.p12", &blen);
  hug_certificate *c = NULL, *i = NULL, *none = NULL;
  hug_certificate_rules *rules = NULL, *r2 = NULL;
  hug_billing_calendar *b = NULL;
  hug_date from, to;
  hug_datetime nb, na;
  hug_facility_number fn;
  bool present = false;
  char *json = NULL;
  hug_certificate_status_result st;
  hug_renewal_plan plan;

  CHECK(p12 != NULL && len > 1000);
  CHECK(broken != NULL);
  if (p12 == NULL || broken == NULL) return;

  CHECK_OK(hug_certificate_open(p12, len, "TestPass123", &c));
  CHECK_OK(hug_certificate_inspect(p12, len, "TestPass123", &i));
  /* wrong password, damaged file, empty file: three different statuses */
  CHECK_ERR(hug_certificate_open(p12, len, "WrongPass999", &none), HUG_ERR_WRONG_PASSWORD, "certificate.wrong_password");
  CHECK_ERR(hug_certificate_inspect(p12, len, "", &none), HUG_ERR_WRONG_PASSWORD, "certificate.wrong_password");
  CHECK_ERR(hug_certificate_open(broken, blen, "TestPass123", &none), HUG_ERR_CORRUPT_FILE, hug_last_error_code());
  CHECK(str_has(hug_last_error_code(), "certificate."));
  CHECK_ERR(hug_certificate_open(p12, 40, "TestPass123", &none), HUG_ERR_CORRUPT_FILE, hug_last_error_code());
  CHECK_ERR(hug_certificate_open(NULL, 0, "TestPass123", &none), HUG_ERR_CORRUPT_FILE, "certificate.empty_file");
  CHECK_ERR(hug_certificate_open(NULL, 10, "TestPass123", &none), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_inspect(NULL, 10, "TestPass123", &none), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_open(p12, len, NULL, &none), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_open(p12, len, "TestPass123", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_inspect(p12, len, "\xff", &none), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_ERR(hug_certificate_inspect(p12, len, "x", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(none == NULL);

  CHECK_OK(hug_certificate_info_json(c, &json));
  CHECK(str_has(json, "\"key_algorithm\":\"RSA\"") && str_has(json, "\"serial_hex\":\"03202309150000007100079785\""));
  hug_string_free(json);
  json = NULL;
  CHECK_OK(hug_certificate_info_json(i, &json));
  CHECK(str_has(json, "\"key_algorithm\":null"));
  hug_string_free(json);
  CHECK_ERR(hug_certificate_info_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_info_json(c, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_certificate_validity(c, &from, &to, &nb, &na));
  CHECK(from.year == 2023 && from.month == 9 && from.day == 15);
  CHECK(to.year == 2026 && to.month == 9 && to.day == 15);
  CHECK(na.date.year == 2026 && na.hour == 14 && na.minute == 59); /* 23:59:59 JST */
  CHECK_ERR(hug_certificate_validity(NULL, &from, &to, &nb, &na), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_validity(c, NULL, &to, &nb, &na), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_validity(c, &from, NULL, &nb, &na), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_validity(c, &from, &to, NULL, &na), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_validity(c, &from, &to, &nb, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_certificate_facility_number(c, &present, &fn));
  CHECK(present && str_eq(fn.digits, "1312345678"));
  CHECK_ERR(hug_certificate_facility_number(NULL, &present, &fn), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_facility_number(c, NULL, &fn), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_facility_number(c, &present, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  json = NULL;
  CHECK_OK(hug_certificate_findings_json(c, NULL, &json));
  CHECK(str_eq(json, "[]"));
  hug_string_free(json);
  json = NULL;
  CHECK_OK(hug_certificate_findings_json(c, "2712345678", &json));
  CHECK(str_has(json, "certificate.facility_mismatch"));
  hug_string_free(json);
  CHECK_ERR(hug_certificate_findings_json(c, "27", &json), HUG_ERR_VALIDATION, "facility.wrong_length");
  CHECK_ERR(hug_certificate_findings_json(c, "\xff", &json), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_ERR(hug_certificate_findings_json(NULL, NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_findings_json(c, NULL, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_certificate_rules_new(&rules));
  CHECK_ERR(hug_certificate_rules_new(NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_OK(hug_certificate_rules_from_json("{\"issuance_lead_days\":30,\"application_cutoff_day\":20}", &r2));
  CHECK_ERR(hug_certificate_rules_from_json("{\"bogus\":1}", &r2), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(hug_certificate_rules_from_json(NULL, &r2), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_rules_from_json("{}", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_rules_from_json("\xff", &r2), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  /* 2026-07-01: 76 days left, inside the 90-day renewal period */
  CHECK_OK(hug_certificate_status(nb, na, mkdate(2026, 7, 1), rules, &st));
  CHECK(st.kind == HUG_CERT_RENEWAL_DUE && st.days_left == 76);
  CHECK(str_eq(st.code, "certificate.status.renewal_due"));
  CHECK(st.valid_to.year == 2026 && st.valid_to.day == 15);
  CHECK_OK(hug_certificate_status(nb, na, mkdate(2024, 1, 1), rules, &st));
  CHECK(st.kind == HUG_CERT_VALID && str_eq(st.code, "certificate.status.valid"));
  CHECK_OK(hug_certificate_status(nb, na, mkdate(2026, 9, 16), rules, &st));
  CHECK(st.kind == HUG_CERT_EXPIRED && st.days_left < 0);
  CHECK_ERR(hug_certificate_status(nb, na, mkdate(2026, 2, 29), rules, &st), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_certificate_status(mkdt(2026, 1, 1, 25, 0), na, mkdate(2026, 1, 1), rules, &st), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_certificate_status(nb, na, mkdate(2026, 1, 1), NULL, &st), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_status(nb, na, mkdate(2026, 1, 1), rules, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  json = NULL;
  CHECK_OK(hug_certificate_status_message(nb, na, mkdate(2026, 7, 1), rules, HUG_LANG_EN, &json));
  CHECK(json != NULL && strlen(json) > 10);
  hug_string_free(json);
  CHECK_ERR(hug_certificate_status_message(nb, na, mkdate(2026, 7, 1), rules, 2, &json), HUG_ERR_INVALID_ARGUMENT, "lang.unknown");
  CHECK_ERR(hug_certificate_status_message(nb, na, mkdate(2026, 7, 1), NULL, HUG_LANG_JA, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_status_message(nb, na, mkdate(2026, 7, 1), rules, HUG_LANG_JA, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_certificate_renewal_plan(na, mkdate(2026, 1, 5), rules, NULL, &plan));
  CHECK(plan.kind == HUG_RENEWAL_NOT_YET && str_eq(plan.code, "certificate.renewal.not_yet"));
  CHECK(plan.target_window_opens.date.month == 10 && plan.target_window_opens.date.day == 1);
  CHECK(plan.install_by.month == 9 && plan.install_by.day == 30);
  CHECK(!plan.passed && !plan.has_cutoff);
  CHECK_OK(hug_billing_calendar_new(&b));
  CHECK_OK(hug_certificate_renewal_plan(na, mkdate(2026, 9, 10), r2, b, &plan));
  CHECK(plan.has_cutoff && plan.cutoff.day == 20);
  CHECK(plan.kind == HUG_RENEWAL_APPLY_BY_PASSED || plan.kind == HUG_RENEWAL_APPLY_NOW);
  CHECK_OK(hug_certificate_renewal_plan(na, mkdate(2026, 10, 1), rules, b, &plan));
  CHECK(plan.kind == HUG_RENEWAL_EXPIRED && str_eq(plan.code, "certificate.renewal.expired"));
  CHECK_ERR(hug_certificate_renewal_plan(na, mkdate(2026, 13, 1), rules, b, &plan), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_certificate_renewal_plan(na, mkdate(2026, 1, 1), NULL, b, &plan), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_certificate_renewal_plan(na, mkdate(2026, 1, 1), rules, b, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  /* At an instant (UTC): notAfter is 2026-09-15T14:59:59Z (23:59:59 JST). notAfter itself is
     still valid; one second later status and renewal plan both say expired. A day is judged at
     00:00 JST, so the instant 2026-06-30T15:00:00Z is the day 2026-07-01. */
  {
    hug_datetime last = na, next = mkdt(2026, 9, 15, 15, 0), midnight = mkdt(2026, 6, 30, 15, 0);
    hug_certificate_status_result by_day;
    CHECK_OK(hug_certificate_status_at(nb, na, last, rules, &st));
    CHECK(st.kind == HUG_CERT_URGENT && st.days_left == 0);
    CHECK_OK(hug_certificate_renewal_plan_at(na, last, rules, NULL, &plan));
    CHECK(plan.kind != HUG_RENEWAL_EXPIRED);
    CHECK_OK(hug_certificate_status_at(nb, na, next, rules, &st));
    CHECK(st.kind == HUG_CERT_EXPIRED && str_eq(st.code, "certificate.status.expired"));
    CHECK_OK(hug_certificate_renewal_plan_at(na, next, rules, b, &plan));
    CHECK(plan.kind == HUG_RENEWAL_EXPIRED && str_eq(plan.code, "certificate.renewal.expired"));
    CHECK_OK(hug_certificate_status_at(nb, na, midnight, rules, &st));
    CHECK_OK(hug_certificate_status(nb, na, mkdate(2026, 7, 1), rules, &by_day));
    CHECK(st.kind == by_day.kind && st.days_left == by_day.days_left && st.days_left == 76);
    json = NULL;
    CHECK_OK(hug_certificate_status_message_at(nb, na, next, rules, HUG_LANG_JA, &json));
    CHECK(json != NULL && strlen(json) > 10);
    hug_string_free(json);
    json = NULL;
    CHECK_ERR(hug_certificate_status_at(nb, na, mkdt(2026, 9, 15, 24, 0), rules, &st), HUG_ERR_INVALID_ARGUMENT,
              "ffi.invalid_date");
    CHECK_ERR(hug_certificate_status_at(nb, na, next, NULL, &st), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_certificate_status_at(nb, na, next, rules, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_certificate_status_message_at(nb, na, next, rules, 2, &json), HUG_ERR_INVALID_ARGUMENT,
              "lang.unknown");
    CHECK_ERR(hug_certificate_status_message_at(nb, na, next, rules, HUG_LANG_JA, NULL), HUG_ERR_NULL_ARGUMENT,
              "ffi.null_argument");
    CHECK_ERR(hug_certificate_renewal_plan_at(na, mkdt(2026, 2, 30, 0, 0), rules, b, &plan),
              HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
    CHECK_ERR(hug_certificate_renewal_plan_at(na, next, NULL, b, &plan), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_certificate_renewal_plan_at(na, next, rules, b, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  }

  /* 見積書 and the portal lifecycle */
  {
    char *estimate = NULL, *lc = NULL, *lc2 = NULL, *ev = NULL;
    hug_certificate_stage stage = -1;
    size_t n;
    CHECK_ERR(hug_certificate_estimate_json("1000", "", "x", "y", "\xe6\xae\xbf", mkdate(2026, 6, 1), rules, &estimate),
              HUG_ERR_VALIDATION, "certificate.addressee.postal_code");
    CHECK(hug_last_error_count() == 3); /* postal code, empty address, 殿 is not an allowed 敬称 */
    CHECK_OK(hug_certificate_estimate_json("\xe3\x80\x92" "100-0001", "\xe6\x9d\xb1\xe4\xba\xac", "Hug", "Yamada",
                                           "\xe6\xa7\x98", mkdate(2026, 6, 1), rules, &estimate)); /* 〒, 様 */
    CHECK(str_has(estimate, "\"fee_yen\":7800") && str_has(estimate, "\"postal_code\":\"100-0001\""));
    CHECK_ERR(hug_certificate_estimate_json(NULL, "a", "b", "c", "d", mkdate(2026, 6, 1), rules, &ev), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_certificate_estimate_json("1", "a", "b", "c", "\xff", mkdate(2026, 6, 1), rules, &ev), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
    CHECK_ERR(hug_certificate_estimate_json("1", "a", "b", "c", "d", mkdate(2026, 6, 31), rules, &ev), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
    CHECK_ERR(hug_certificate_estimate_json("1", "a", "b", "c", "d", mkdate(2026, 6, 1), NULL, &ev), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    CHECK_ERR(hug_certificate_estimate_json("1", "a", "b", "c", "d", mkdate(2026, 6, 1), rules, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
    n = strlen(estimate) + 64;
    ev = (char *)malloc(n);
    if (ev != NULL) {
      snprintf(ev, n, "{\"event\":\"make_estimate\",\"estimate\":%s}", estimate);
      CHECK_OK(hug_certificate_lifecycle_apply_json(NULL, ev, &stage, &lc));
      CHECK(stage == HUG_CERT_STAGE_ESTIMATE_MADE);
      CHECK_OK(hug_certificate_lifecycle_apply_json(lc, "{\"event\":\"apply\",\"on\":\"2026-06-02\"}", &stage, &lc2));
      CHECK(stage == HUG_CERT_STAGE_APPLIED);
      stage = -1;
      CHECK_ERR(hug_certificate_lifecycle_apply_json(lc2, "{\"event\":\"install\",\"pc\":\"PC-1\",\"on\":\"2026-06-03\"}", &stage, &lc),
                HUG_ERR_WORKFLOW, "certificate.lifecycle.invalid_transition");
      CHECK_ERR(hug_certificate_lifecycle_apply_json(lc2, "{\"event\":\"issue\",\"on\":\"2026-06-05\",\"valid_from\":\"2026-06-05\",\"valid_to\":\"2026-06-01\"}", &stage, &lc),
                HUG_ERR_WORKFLOW, "certificate.lifecycle.invalid_dates");
      CHECK(stage == -1);
      CHECK_ERR(hug_certificate_lifecycle_apply_json(lc2, "{\"event\":\"fly\"}", &stage, &lc), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
      CHECK_ERR(hug_certificate_lifecycle_apply_json("{", "{\"event\":\"apply\",\"on\":\"2026-06-02\"}", &stage, &lc), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
      CHECK_ERR(hug_certificate_lifecycle_apply_json(NULL, NULL, &stage, &lc), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
      CHECK_ERR(hug_certificate_lifecycle_apply_json(NULL, ev, NULL, &lc), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
      CHECK_ERR(hug_certificate_lifecycle_apply_json(NULL, ev, &stage, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
      CHECK_ERR(hug_certificate_lifecycle_apply_json("\xff", ev, &stage, &lc), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
      hug_string_free(lc);
      hug_string_free(lc2);
      free(ev);
    }
    hug_string_free(estimate);
  }

  hug_billing_calendar_free(b);
  hug_certificate_rules_free(rules);
  hug_certificate_rules_free(r2);
  hug_certificate_rules_free(NULL);
  hug_certificate_free(c);
  hug_certificate_free(i);
  hug_certificate_free(NULL);
  free(p12);
  free(broken);
}

#define TEST_NOTICE_TEXT                                                                  \
  "\xe4\xba\x8b\xe6\xa5\xad\xe6\x89\x80\xe7\x95\xaa\xe5\x8f\xb7 1312345678\n"               \
  "\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88ID T1312345\n" /* テストID */                   \
  "(\xe4\xbb\xae)\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89 Kari0123\n" \
  "\xe8\xa8\xbc\xe6\x98\x8e\xe6\x9b\xb8\xe7\x99\xba\xe8\xa1\x8c\xe7\x94\xa8\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89 Cert0456\n"

static void test_onboarding(void) {
  hug_onboarding *o = NULL, *back = NULL, *none = NULL;
  hug_notice *test_notice = NULL, *prod_notice = NULL;
  hug_billing_calendar *b = NULL;
  hug_certificate *c = NULL;
  size_t len = 0;
  unsigned char *p12 = slurp("tests/fixtures/guide-openssl3.p12", &len);
  bool done = true, can_bill = true;
  char *json = NULL, *state = NULL, *batch = NULL;
  hug_date day = mkdate(2026, 11, 2);

  CHECK_OK(hug_billing_calendar_new(&b));
  CHECK_OK(hug_notice_parse(TEST_NOTICE_TEXT, &test_notice));
  CHECK_OK(hug_notice_parse(NOTICE_TEXT, &prod_notice));
  CHECK_OK(hug_certificate_open(p12, len, "TestPass123", &c));

  CHECK_OK(hug_onboarding_new("\xef\xbc\x91\xef\xbc\x93" "12345678", &o)); /* full-width 13… */
  CHECK_ERR(hug_onboarding_new("12", &none), HUG_ERR_VALIDATION, "facility.wrong_length");
  CHECK_ERR(hug_onboarding_new(NULL, &none), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_new("1312345678", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_new("\xff", &none), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  CHECK_OK(hug_onboarding_next_steps_json(o, &json));
  CHECK(str_eq(json, "[\"receive_documents\"]"));
  hug_string_free(json);
  CHECK_ERR(hug_onboarding_next_steps_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_next_steps_json(o, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  /* the production notice where the test notice belongs: refused */
  CHECK_ERR(hug_onboarding_complete_with_notice(o, "receive_documents", day, prod_notice), HUG_ERR_WORKFLOW,
            "workflow.wrong_notice");
  CHECK_OK(hug_onboarding_complete_with_notice(o, "receive_documents", day, test_notice));
  CHECK_ERR(hug_onboarding_complete_with_notice(o, "receive_documents", day, test_notice), HUG_ERR_WORKFLOW,
            "workflow.already_done");
  CHECK_ERR(hug_onboarding_complete_with_notice(NULL, "receive_documents", day, test_notice), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_complete_with_notice(o, NULL, day, test_notice), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_complete_with_notice(o, "receive_documents", day, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_complete_with_notice(o, "receive_documents", mkdate(2026, 2, 30), test_notice),
            HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");

  CHECK_ERR(hug_onboarding_complete(o, "no_such_step", day, NULL), HUG_ERR_WORKFLOW, "workflow.unknown_step");
  CHECK_ERR(hug_onboarding_complete(o, "apply_certificate", day, NULL), HUG_ERR_WORKFLOW, "workflow.prerequisite_missing");
  CHECK_ERR(hug_onboarding_complete(o, "test_login", day, "{\"type\":\"bogus\"}"), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(hug_onboarding_complete(o, "test_login", day, "\xff"), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_ERR(hug_onboarding_complete(NULL, "test_login", day, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_complete(o, NULL, day, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_complete(o, "test_login", mkdate(2026, 0, 1), NULL), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_OK(hug_onboarding_complete(o, "test_login", day, "{\"type\":\"none\"}"));
  CHECK_OK(hug_onboarding_complete(o, "change_test_password", day, NULL));
  CHECK_OK(hug_onboarding_complete(o, "apply_certificate", day, NULL));
  CHECK_OK(hug_onboarding_complete_with_certificate(o, "certificate_issued", day, c, NULL));
  CHECK_OK(hug_onboarding_complete_with_certificate(o, "install_certificate", day, c, "PC-1"));
  CHECK_ERR(hug_onboarding_complete_with_certificate(NULL, "install_certificate", day, c, "PC-2"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_complete_with_certificate(o, NULL, day, c, "PC-2"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_complete_with_certificate(o, "install_certificate", day, NULL, "PC-2"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_complete_with_certificate(o, "install_certificate", day, c, "\xff"), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  CHECK_OK(hug_onboarding_is_done(o, "certificate_issued", &done));
  CHECK(done);
  CHECK_OK(hug_onboarding_is_done(o, "register_email", &done));
  CHECK(!done);
  CHECK_ERR(hug_onboarding_is_done(o, "nope", &done), HUG_ERR_WORKFLOW, "workflow.unknown_step");
  CHECK_ERR(hug_onboarding_is_done(NULL, "test_login", &done), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_is_done(o, "test_login", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_ERR(hug_onboarding_undo(o, "test_login"), HUG_ERR_WORKFLOW, "workflow.has_dependents");
  CHECK_ERR(hug_onboarding_undo(o, "register_email"), HUG_ERR_WORKFLOW, "workflow.not_done");
  CHECK_ERR(hug_onboarding_undo(o, "x"), HUG_ERR_WORKFLOW, "workflow.unknown_step");
  CHECK_ERR(hug_onboarding_undo(NULL, "x"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_undo(o, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_OK(hug_onboarding_complete(o, "submit_todoke", day, NULL));
  CHECK_OK(hug_onboarding_undo(o, "submit_todoke"));
  CHECK_OK(hug_onboarding_add_billing_pc(o, "PC-2"));
  CHECK_ERR(hug_onboarding_add_billing_pc(NULL, "PC-3"), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_add_billing_pc(o, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_add_billing_pc(o, "\xc3"), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");

  /* save and load: no secret in the state */
  CHECK_OK(hug_onboarding_to_json(o, &state));
  CHECK(str_has(state, "hug-onboard/onboarding-state") && str_has(state, "T1312345"));
  CHECK(!str_has(state, "Kari0123") && !str_has(state, "Cert0456"));
  CHECK_OK(hug_onboarding_from_json(state, &back));
  CHECK_OK(hug_onboarding_is_done(back, "install_certificate", &done));
  CHECK(done);
  CHECK_ERR(hug_onboarding_to_json(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_to_json(o, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_from_json("{}", &none), HUG_ERR_INVALID_JSON, "state.invalid");
  CHECK_ERR(hug_onboarding_from_json("nope", &none), HUG_ERR_INVALID_JSON, "state.invalid");
  CHECK_ERR(hug_onboarding_from_json(NULL, &none), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_from_json(state, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(none == NULL);

  json = NULL;
  CHECK_OK(hug_onboarding_readiness_json(o, day, b, &can_bill, &json));
  CHECK(!can_bill && str_has(json, "\"can_bill\":false") && str_has(json, "readiness.step_missing"));
  CHECK(str_has(json, "\"message_ja\""));
  hug_string_free(json);
  CHECK_ERR(hug_onboarding_readiness_json(o, mkdate(2026, 11, 31), b, &can_bill, &json), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_onboarding_readiness_json(NULL, day, b, &can_bill, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  /* no billing calendar: the facility's own 国保連 rulebook (Tokyo: nothing sourced) */
  json = NULL;
  CHECK_OK(hug_onboarding_readiness_json(o, day, NULL, &can_bill, &json));
  CHECK(str_has(json, "\"id\":\"tokyo\"") && str_has(json, "東京都国保連の規則：既定値（未確認）"));
  CHECK(str_has(json, "\"fix_by_basis\":\"unverified\""));
  hug_string_free(json);
  CHECK_ERR(hug_onboarding_readiness_json(o, day, b, NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_onboarding_readiness_json(o, day, b, &can_bill, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  json = NULL;
  CHECK_OK(hug_onboarding_reminders_json(o, day, 60, b, &json));
  CHECK(str_has(json, "reminder.window_opens"));
  hug_string_free(json);
  json = NULL;
  CHECK_OK(hug_onboarding_reminders_json(o, day, UINT32_MAX, b, &json));
  hug_string_free(json);
  CHECK_ERR(hug_onboarding_reminders_json(o, mkdate(2026, 11, 0), 7, b, &json), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK_ERR(hug_onboarding_reminders_json(NULL, day, 7, b, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  json = NULL;
  CHECK_OK(hug_onboarding_reminders_json(o, day, 7, NULL, &json));
  CHECK(str_has(json, "\"basis\":\"unverified\""));
  hug_string_free(json);
  CHECK_ERR(hug_onboarding_reminders_json(o, day, 7, b, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  json = NULL;
  CHECK_OK(hug_onboarding_steps_json(&json));
  CHECK(str_has(json, "\"id\":\"register_email\"") && str_has(json, "\"guide_page\":\"P3\""));
  hug_string_free(json);
  CHECK_ERR(hug_onboarding_steps_json(NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  /* the batch: two states, then one bad state among them (every bad one reported) */
  {
    size_t n = strlen(state) * 2 + 64;
    char *arr = (char *)malloc(n);
    char *bad = (char *)malloc(n);
    if (arr != NULL && bad != NULL) {
      snprintf(arr, n, "[%s,%s]", state, state);
      snprintf(bad, n, "[%s,{},{\"x\":1}]", state);
      CHECK_OK(hug_onboarding_evaluate_many_json(arr, NULL, day, b, &batch));
      CHECK(str_has(batch, "\"total\":2") && str_has(batch, "\"can_bill\":0"));
      hug_string_free(batch);
      batch = NULL;
      CHECK_ERR(hug_onboarding_evaluate_many_json(bad, NULL, day, b, &batch), HUG_ERR_INVALID_JSON, "state.invalid");
      CHECK(hug_last_error_count() == 2);
      CHECK_ERR(hug_onboarding_evaluate_many_json("{}", NULL, day, b, &batch), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
      CHECK_OK(hug_onboarding_evaluate_many_json(
          arr, "[{\"valid_from\":\"2025-05-01\",\"valid_until\":\"2028-05-01\",\"agent_for\":[\"1312345678\"]}]",
          day, b, &batch));
      CHECK(str_has(batch, "\"total\":2"));
      hug_string_free(batch);
      batch = NULL;
      CHECK_ERR(hug_onboarding_evaluate_many_json(arr, "[{}]", day, b, &batch), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
      CHECK_ERR(hug_onboarding_evaluate_many_json(arr, "\xff", day, b, &batch), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
      CHECK_OK(hug_onboarding_evaluate_many_json("[]", NULL, day, b, &batch));
      CHECK(str_has(batch, "\"total\":0"));
      hug_string_free(batch);
      batch = NULL;
      CHECK_ERR(hug_onboarding_evaluate_many_json(arr, NULL, mkdate(2026, 4, 31), b, &batch), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
      CHECK_ERR(hug_onboarding_evaluate_many_json(NULL, NULL, day, b, &batch), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
      /* no billing calendar: each facility its own 国保連's rulebook */
      CHECK_OK(hug_onboarding_evaluate_many_json(arr, NULL, day, NULL, &batch));
      CHECK(str_has(batch, "\"total\":2") && str_has(batch, "\"id\":\"tokyo\""));
      hug_string_free(batch);
      batch = NULL;
      CHECK_ERR(hug_onboarding_evaluate_many_json(arr, NULL, day, b, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
      CHECK_ERR(hug_onboarding_evaluate_many_json("\xff", NULL, day, b, &batch), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
      CHECK(batch == NULL);
    }
    free(arr);
    free(bad);
  }

  hug_string_free(state);
  hug_onboarding_free(o);
  hug_onboarding_free(back);
  hug_onboarding_free(NULL);
  hug_notice_free(test_notice);
  hug_notice_free(prod_notice);
  hug_certificate_free(c);
  hug_billing_calendar_free(b);
  free(p12);
}

/* the per-国保連 rulebook registry (issue 13) */
static void test_rulebook_registry(void) {
  hug_facility_number kyoto, nagasaki;
  hug_billing_calendar *b = NULL;
  char *json = NULL;
  hug_year_month june = {2026, 6};
  CHECK_OK(hug_facility_number_parse("2612345678", &kyoto));
  CHECK_OK(hug_facility_number_parse("4212345678", &nagasaki));

  CHECK_OK(hug_rulebook_for_facility(&kyoto, &json));
  CHECK(str_has(json, "\"id\":\"kyoto\"") && str_has(json, "\"prefecture\":\"26\""));
  CHECK(str_has(json, "\"payment.roll\":{\"kind\":\"stated\",\"url\":\"https://kyoto-kokuhoren.or.jp/"));
  hug_string_free(json);
  json = NULL;
  /* Kyoto pays on the preceding weekday: 2026-08-15 is a Saturday */
  CHECK_OK(hug_billing_calendar_for_facility(&kyoto, &b));
  CHECK_OK(hug_schedule_month_json(b, june, &json));
  CHECK(str_has(json, "\"nominal\":\"2026-08-15\",\"date\":\"2026-08-14\",\"basis\":\"sourced\""));
  hug_string_free(json);
  json = NULL;
  hug_billing_calendar_free(b);
  b = NULL;
  /* Nagasaki closes at 18:00 */
  CHECK_OK(hug_billing_calendar_for_facility(&nagasaki, &b));
  CHECK_OK(hug_schedule_month_json(b, june, &json));
  CHECK(str_has(json, "\"closes\":\"2026-07-10T18:00:00\""));
  hug_string_free(json);
  json = NULL;
  hug_billing_calendar_free(b);
  b = NULL;
  CHECK_OK(hug_billing_calendar_for_prefecture("20", &b));
  hug_billing_calendar_free(b);
  b = NULL;
  CHECK_ERR(hug_billing_calendar_for_prefecture("48", &b), HUG_ERR_VALIDATION, "rulebook.unknown_prefecture");
  CHECK(b == NULL);
  CHECK_ERR(hug_rulebook_for_prefecture("00", &json), HUG_ERR_VALIDATION, "rulebook.unknown_prefecture");
  CHECK_ERR(hug_rulebook_for_prefecture(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_rulebook_for_facility(NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  {
    /* a struct not made by the parser is checked again, never trusted */
    hug_facility_number forged = kyoto;
    forged.digits[0] = '9';
    CHECK_ERR(hug_rulebook_for_facility(&forged, &json), HUG_ERR_VALIDATION, "facility.unknown_prefecture");
  }
  CHECK_OK(hug_rulebook_registry_json(&json));
  CHECK(str_has(json, "\"id\":\"hokkaido\"") && str_has(json, "\"id\":\"okinawa\""));
  hug_string_free(json);
  json = NULL;
  CHECK_OK(hug_document_kinds_json(&json));
  CHECK(str_has(json, "\"name_ja\":\"返戻等一覧表\""));
  hug_string_free(json);
  CHECK_ERR(hug_document_kinds_json(NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
}

static void test_profile(void) {
  /* 取込送信 事業所情報: UTF-8 JSON as a C string literal (katakana, kanji escaped) */
  const char *good =
      "{\"facility_number\":\"1312345678\",\"name_kana\":\"\xef\xbe\x8e\xef\xbd\xb3\xef\xbd\xb6\","
      "\"name_kanji\":\"\xe6\x94\xbe\xe8\xaa\xb2\xe5\xbe\x8c\",\"postal_code\":\"100-0001\","
      "\"address_kana\":\"\xe3\x83\x88\xe3\x82\xa6\xe3\x82\xad\xe3\x83\xa7\xe3\x82\xa6\","
      "\"address_kanji\":\"\xe6\x9d\xb1\xe4\xba\xac\",\"phone\":\"03-1234-5678\",\"fax\":\"03-1234-5679\","
      "\"representative_name_kana\":\"\xe3\x83\xa4\xe3\x83\x9e\xe3\x83\x80\","
      "\"representative_name_kanji\":\"\xe5\xb1\xb1\xe7\x94\xb0\",\"representative_title\":\"\xe4\xbb\xa3\xe8\xa1\xa8\","
      "\"password\":\"0000\"}";
  char *json = NULL;
  CHECK_OK(hug_facility_profile_validate_json(good, NULL, &json));
  CHECK(str_has(json, "\"password_is_default\":true") && str_has(json, "profile.password_default"));
  CHECK(!str_has(json, "\"0000\""));
  hug_string_free(json);
  json = NULL;
  CHECK_OK(hug_facility_profile_validate_json(good, "1312345678", &json));
  hug_string_free(json);
  json = NULL;
  CHECK_ERR(hug_facility_profile_validate_json(good, "2712345678", &json), HUG_ERR_VALIDATION, "profile.facility_mismatch");
  CHECK_ERR(hug_facility_profile_validate_json("{}", NULL, &json), HUG_ERR_VALIDATION, "profile.required");
  CHECK(hug_last_error_count() == 12); /* every required field at once */
  CHECK_ERR(hug_facility_profile_validate_json("{\"nope\":1}", NULL, &json), HUG_ERR_INVALID_JSON, "ffi.invalid_json");
  CHECK_ERR(hug_facility_profile_validate_json(good, "1", &json), HUG_ERR_VALIDATION, "facility.wrong_length");
  CHECK_ERR(hug_facility_profile_validate_json(good, "\xff", &json), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_ERR(hug_facility_profile_validate_json("\xff", NULL, &json), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK_ERR(hug_facility_profile_validate_json(NULL, NULL, &json), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_facility_profile_validate_json(good, NULL, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(json == NULL);
}

int main(void) {
  test_wareki();
  test_password();
  test_notice();
  test_calendar();
  test_schedule();
  test_certificate();
  test_onboarding();
  test_profile();
  test_rulebook_registry();
  return hug_test_report("test_domain");
}
