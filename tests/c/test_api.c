/*
 * Walks every function of the C ABI and every error path: NULL arguments, invalid
 * UTF-8, out-of-range enum integers and indexes, impossible dates, a caught panic,
 * and the whole last-error state machine. Compiled as C11 and as C++.
 */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

static const char *const BAD_UTF8[] = {
    "\xff",                 /* never valid */
    "13\xc3",               /* truncated sequence */
    "\xc0\xaf",             /* overlong '/' */
    "\xed\xa0\x80",         /* UTF-16 surrogate */
    "1312345678\xfe",       /* valid prefix, bad tail */
};
#define N_BAD_UTF8 (sizeof BAD_UTF8 / sizeof BAD_UTF8[0])

static void test_status_values_are_the_abi(void) {
  CHECK(HUG_OK == 0);
  CHECK(HUG_ERR_NULL_ARGUMENT == 1);
  CHECK(HUG_ERR_INVALID_UTF8 == 2);
  CHECK(HUG_ERR_INVALID_ARGUMENT == 3);
  CHECK(HUG_ERR_PANIC == 100);
  CHECK(HUG_ERR_INTERNAL == 101);
  CHECK(HUG_ERR_VALIDATION == 200);
  CHECK(HUG_ERR_INVALID_JSON == 201);
  CHECK(HUG_ERR_WORKFLOW == 202);
  CHECK(HUG_ERR_UNAVAILABLE == 102);
  CHECK(HUG_ERR_WRONG_PASSWORD == 300);
  CHECK(HUG_ERR_CORRUPT_FILE == 301);
  CHECK(HUG_ERR_UNSUPPORTED == 302);
  CHECK(sizeof(hug_status) == 4);
  CHECK(sizeof(hug_date) == 8);
  CHECK(offsetof(hug_date, month) == 4 && offsetof(hug_date, day) == 5);
  CHECK(sizeof(hug_facility_number) == 12);
  CHECK(HUG_LANG_JA == 0 && HUG_LANG_EN == 1);
}

static void test_version(void) {
  char buf[64];
  snprintf(buf, sizeof buf, "%d.%d.%d", HUG_ONBOARD_VERSION_MAJOR, HUG_ONBOARD_VERSION_MINOR,
           HUG_ONBOARD_VERSION_PATCH);
  CHECK(str_eq(buf, HUG_ONBOARD_VERSION));
  CHECK(str_eq(hug_version(), HUG_ONBOARD_VERSION));
}

static void test_no_error_at_start(void) {
  char *json;
  CHECK(hug_last_error_status() == HUG_OK);
  CHECK(hug_last_error_code() == NULL);
  CHECK(hug_last_error_message(HUG_LANG_JA) == NULL);
  CHECK(hug_last_error_count() == 0);
  CHECK(hug_last_error_code_at(0) == NULL);
  CHECK(hug_last_error_message_at(0, HUG_LANG_EN) == NULL);
  CHECK(hug_last_error_severity_at(0) == -1);
  json = hug_last_error_json();
  CHECK(str_eq(json, "{\"status\":0,\"problems\":[]}"));
  hug_string_free(json);
}

static void test_facility_number(void) {
  hug_facility_number n;
  hug_facility_number sentinel;
  char long_input[10001];
  size_t i;

  CHECK_OK(hug_facility_number_parse("1312345678", &n));
  CHECK(str_eq(n.digits, "1312345678"));
  CHECK(n.prefecture == 13);
  /* full-width digits and ideographic spaces, as OCR gives them */
  CHECK_OK(hug_facility_number_parse("\xe3\x80\x80\xef\xbc\x92\xef\xbc\x97"
                                     "00000000 ", &n));
  CHECK(str_eq(n.digits, "2700000000"));
  CHECK(n.prefecture == 27);

  /* errors leave the out-parameter untouched */
  memset(&sentinel, 0x5a, sizeof sentinel);
  n = sentinel;
  CHECK_ERR(hug_facility_number_parse("", &n), HUG_ERR_VALIDATION, "facility.empty");
  CHECK_ERR(hug_facility_number_parse("131234567", &n), HUG_ERR_VALIDATION,
            "facility.wrong_length");
  CHECK(str_has(hug_last_error_message(HUG_LANG_JA), "10\xe6\xa1\x81")); /* 10桁 */
  CHECK(str_has(hug_last_error_message(HUG_LANG_EN), "10 digits"));
  CHECK(hug_last_error_count() == 1);
  CHECK(str_eq(hug_last_error_code_at(0), "facility.wrong_length"));
  CHECK(hug_last_error_code_at(1) == NULL);
  CHECK(str_eq(hug_last_error_message_at(0, HUG_LANG_EN), hug_last_error_message(HUG_LANG_EN)));
  CHECK(hug_last_error_message_at(0, 2) == NULL);
  CHECK(hug_last_error_message_at(0, -1) == NULL);
  CHECK(hug_last_error_message(7) == NULL);
  CHECK(hug_last_error_message_at(1, HUG_LANG_JA) == NULL);
  CHECK(hug_last_error_severity_at(0) == HUG_SEVERITY_ERROR);
  CHECK(hug_last_error_severity_at(1) == -1);
  {
    char *json = hug_last_error_json();
    CHECK(str_has(json, "\"status\":200"));
    CHECK(str_has(json, "\"code\":\"facility.wrong_length\""));
    CHECK(str_has(json, "\"severity\":\"error\""));
    CHECK(str_has(json, "\"message_en\":\"A facility number has 10 digits (got 9).\""));
    hug_string_free(json);
    /* reading the last error does not clear it */
    CHECK(str_eq(hug_last_error_code(), "facility.wrong_length"));
  }
  CHECK_ERR(hug_facility_number_parse("0012345678", &n), HUG_ERR_VALIDATION,
            "facility.unknown_prefecture");
  CHECK_ERR(hug_facility_number_parse("13-1234567", &n), HUG_ERR_VALIDATION,
            "facility.not_digit");
  CHECK(memcmp(&n, &sentinel, sizeof n) == 0);

  /* a success clears the previous error */
  CHECK_OK(hug_facility_number_parse("4710000001", &n));
  CHECK(n.prefecture == 47);

  /* NULL arguments */
  CHECK_ERR(hug_facility_number_parse(NULL, &n), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK(str_has(hug_last_error_message(HUG_LANG_EN), "text"));
  CHECK_ERR(hug_facility_number_parse("1312345678", NULL), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK(str_has(hug_last_error_message(HUG_LANG_EN), "out"));
  /* invalid UTF-8 is refused, never replaced */
  for (i = 0; i < N_BAD_UTF8; i++) {
    n = sentinel;
    CHECK_ERR(hug_facility_number_parse(BAD_UTF8[i], &n), HUG_ERR_INVALID_UTF8,
              "ffi.invalid_utf8");
    CHECK(memcmp(&n, &sentinel, sizeof n) == 0);
  }
  /* 10 000 characters */
  memset(long_input, '1', sizeof long_input - 1);
  long_input[sizeof long_input - 1] = '\0';
  CHECK_ERR(hug_facility_number_parse(long_input, &n), HUG_ERR_VALIDATION,
            "facility.wrong_length");
  CHECK(str_has(hug_last_error_message(HUG_LANG_EN), "10000"));
}

static void test_prefecture_name(void) {
  const char *name = NULL;
  int32_t p;
  CHECK_OK(hug_prefecture_name(13, HUG_LANG_JA, &name));
  CHECK(str_eq(name, "\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd")); /* 東京都 */
  CHECK_OK(hug_prefecture_name(13, HUG_LANG_EN, &name));
  CHECK(str_eq(name, "Tokyo"));
  CHECK_OK(hug_prefecture_name(1, HUG_LANG_EN, &name));
  CHECK(str_eq(name, "Hokkaido"));
  CHECK_OK(hug_prefecture_name(47, HUG_LANG_EN, &name));
  CHECK(str_eq(name, "Okinawa"));
  for (p = 1; p <= 47; p++) {
    name = NULL;
    CHECK_OK(hug_prefecture_name(p, HUG_LANG_JA, &name));
    CHECK(name != NULL && strlen(name) >= 6);
  }
  name = "untouched";
  CHECK_ERR(hug_prefecture_name(0, HUG_LANG_JA, &name), HUG_ERR_INVALID_ARGUMENT,
            "ffi.invalid_enum");
  CHECK_ERR(hug_prefecture_name(48, HUG_LANG_JA, &name), HUG_ERR_INVALID_ARGUMENT,
            "ffi.invalid_enum");
  CHECK_ERR(hug_prefecture_name(-1, HUG_LANG_JA, &name), HUG_ERR_INVALID_ARGUMENT,
            "ffi.invalid_enum");
  CHECK_ERR(hug_prefecture_name(INT32_MAX, HUG_LANG_JA, &name), HUG_ERR_INVALID_ARGUMENT,
            "ffi.invalid_enum");
  CHECK_ERR(hug_prefecture_name(13, 2, &name), HUG_ERR_INVALID_ARGUMENT, "lang.unknown");
  CHECK_ERR(hug_prefecture_name(13, -1, &name), HUG_ERR_INVALID_ARGUMENT, "lang.unknown");
  CHECK(str_has(hug_last_error_message(HUG_LANG_EN), "lang"));
  CHECK(str_eq(name, "untouched"));
  CHECK_ERR(hug_prefecture_name(13, HUG_LANG_JA, NULL), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
}

static void test_user_id(void) {
  char *id = NULL;
  CHECK_OK(hug_user_id_parse(" Ab12345 ", &id));
  CHECK(str_eq(id, "Ab12345"));
  hug_string_free(id);
  id = NULL;
  CHECK_OK(hug_user_id_parse("\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\x91\xef\xbc\x92", &id)); /* ＡＢ１２ */
  CHECK(str_eq(id, "AB12"));
  hug_string_free(id);
  id = NULL;
  CHECK_ERR(hug_user_id_parse("", &id), HUG_ERR_VALIDATION, "user_id.empty");
  CHECK_ERR(hug_user_id_parse("AB 12", &id), HUG_ERR_VALIDATION, "user_id.invalid_char");
  CHECK_ERR(hug_user_id_parse("\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88", &id), HUG_ERR_VALIDATION,
            "user_id.invalid_char"); /* テスト */
  CHECK(id == NULL);
  CHECK_ERR(hug_user_id_parse(NULL, &id), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_user_id_parse("abc", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_user_id_parse("a\xff", &id), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK(id == NULL);
}

typedef hug_status (*transform_fn)(const char *, char **);

static void check_transform(transform_fn f, const char *in, const char *expect) {
  char *out = NULL;
  size_t i;
  CHECK_OK(f(in, &out));
  CHECK(str_eq(out, expect));
  if (!str_eq(out, expect)) fprintf(stderr, "  got \"%s\", expected \"%s\"\n", out, expect);
  hug_string_free(out);
  out = NULL;
  CHECK_ERR(f(NULL, &out), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(f(in, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  for (i = 0; i < N_BAD_UTF8; i++) {
    CHECK_ERR(f(BAD_UTF8[i], &out), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  }
  CHECK(out == NULL);
}

static void test_text(void) {
  hug_kana_class cls = -1;
  size_t pos = 99;
  bool found = true;
  uint32_t ch = 7;

  /* ＡＢＣ－１２３　＃ -> ABC-123 # */
  check_transform(hug_text_to_halfwidth_ascii,
                  "\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3\xef\xbc\x8d\xef\xbc\x91\xef\xbc\x92\xef\xbc"
                  "\x93\xe3\x80\x80\xef\xbc\x83",
                  "ABC-123 #");
  /* \t　Ｒ１．６．３\r\n -> R1.6.3 */
  check_transform(hug_text_normalize,
                  "\t\xe3\x80\x80\xef\xbc\xb2\xef\xbc\x91\xef\xbc\x8e\xef\xbc\x96\xef\xbc\x8e\xef"
                  "\xbc\x93\r\n",
                  "R1.6.3");
  check_transform(hug_text_normalize, "", "");
  check_transform(hug_text_collapse_spaces, "  a \xe3\x80\x80  b  ", "a b");
  /* ﾀﾞ -> ダ and back */
  check_transform(hug_text_halfwidth_to_fullwidth_katakana, "\xef\xbe\x80\xef\xbe\x9e",
                  "\xe3\x83\x80");
  check_transform(hug_text_fullwidth_to_halfwidth_katakana, "\xe3\x83\x80",
                  "\xef\xbe\x80\xef\xbe\x9e");

  CHECK_OK(hug_text_classify_katakana("\xe3\x83\xa4\xe3\x83\x9e\xe3\x83\x80", &cls, &pos)); /* ヤマダ */
  CHECK(cls == HUG_KANA_FULLWIDTH && pos == 0);
  CHECK_OK(hug_text_classify_katakana("\xef\xbe\x94\xef\xbe\x8f", &cls, &pos)); /* ﾔﾏ */
  CHECK(cls == HUG_KANA_HALFWIDTH);
  CHECK_OK(hug_text_classify_katakana("\xe3\x83\xa4 \xef\xbe\x8f", &cls, &pos));
  CHECK(cls == HUG_KANA_MIXED);
  CHECK_OK(hug_text_classify_katakana("  ", &cls, &pos));
  CHECK(cls == HUG_KANA_EMPTY);
  CHECK_OK(hug_text_classify_katakana("\xe3\x83\xa4\xe3\x82\x84", &cls, &pos)); /* ヤや */
  CHECK(cls == HUG_KANA_NOT_KATAKANA && pos == 1);
  cls = -1;
  CHECK_ERR(hug_text_classify_katakana(NULL, &cls, &pos), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(hug_text_classify_katakana("a", NULL, &pos), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(hug_text_classify_katakana("a", &cls, NULL), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(hug_text_classify_katakana("\xff", &cls, &pos), HUG_ERR_INVALID_UTF8,
            "ffi.invalid_utf8");
  CHECK(cls == -1);

  CHECK_OK(hug_text_find_control("ab\x01" "c", &found, &pos, &ch));
  CHECK(found && pos == 2 && ch == 1);
  CHECK_OK(hug_text_find_control("\xe3\x81\x82\xc2\x85", &found, &pos, &ch)); /* あ + NEL (C1) */
  CHECK(found && pos == 1 && ch == 0x85);
  CHECK_OK(hug_text_find_control("a\tb\r\n", &found, &pos, &ch));
  CHECK(!found && pos == 0 && ch == 0);
  CHECK_ERR(hug_text_find_control(NULL, &found, &pos, &ch), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(hug_text_find_control("a", NULL, &pos, &ch), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(hug_text_find_control("a", &found, NULL, &ch), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(hug_text_find_control("a", &found, &pos, NULL), HUG_ERR_NULL_ARGUMENT,
            "ffi.null_argument");
  CHECK_ERR(hug_text_find_control("\xc0", &found, &pos, &ch), HUG_ERR_INVALID_UTF8,
            "ffi.invalid_utf8");
}

static void test_catalogue(void) {
  size_t n = hug_code_count();
  size_t i;
  const char *code = NULL;
  const char *summary = NULL;
  hug_severity sev = -1;
  int seen_facility = 0, seen_ffi = 0;
  char *json = NULL;

  CHECK(n >= 14);
  for (i = 0; i < n; i++) {
    CHECK_OK(hug_code_get(i, &code, &sev, &summary));
    CHECK(code != NULL && strlen(code) > 2 && strchr(code, '.') != NULL);
    CHECK(summary != NULL && strlen(summary) > 0);
    CHECK(sev >= HUG_SEVERITY_INFO && sev <= HUG_SEVERITY_ERROR);
    if (str_eq(code, "facility.wrong_length")) seen_facility = 1;
    if (str_eq(code, "ffi.null_argument")) seen_ffi = 1;
  }
  CHECK(seen_facility && seen_ffi);
  code = "untouched";
  CHECK_ERR(hug_code_get(n, &code, &sev, &summary), HUG_ERR_INVALID_ARGUMENT,
            "ffi.index_out_of_range");
  CHECK_ERR(hug_code_get((size_t)-1, &code, &sev, &summary), HUG_ERR_INVALID_ARGUMENT,
            "ffi.index_out_of_range");
  CHECK(str_eq(code, "untouched"));
  CHECK_ERR(hug_code_get(0, NULL, &sev, &summary), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_code_get(0, &code, NULL, &summary), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_code_get(0, &code, &sev, NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");

  CHECK_OK(hug_code_catalogue_json(&json));
  CHECK(str_has(json, "\"code\":\"facility.empty\""));
  CHECK(str_has(json, "\"code\":\"ffi.panic\""));
  hug_string_free(json);
  CHECK_ERR(hug_code_catalogue_json(NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
}

static void test_lang_and_date(void) {
  hug_lang lang = -5;
  hug_date d = {2019, 2, 28};
  CHECK_OK(hug_lang_parse("ja", &lang));
  CHECK(lang == HUG_LANG_JA);
  CHECK_OK(hug_lang_parse(" EN ", &lang));
  CHECK(lang == HUG_LANG_EN);
  CHECK_ERR(hug_lang_parse("fr", &lang), HUG_ERR_INVALID_ARGUMENT, "lang.unknown");
  CHECK_ERR(hug_lang_parse(NULL, &lang), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_lang_parse("ja", NULL), HUG_ERR_NULL_ARGUMENT, "ffi.null_argument");
  CHECK_ERR(hug_lang_parse("\xff", &lang), HUG_ERR_INVALID_UTF8, "ffi.invalid_utf8");
  CHECK(lang == HUG_LANG_EN);

  CHECK_OK(hug_date_validate(d));
  d.day = 29;
  CHECK_ERR(hug_date_validate(d), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  CHECK(str_has(hug_last_error_message(HUG_LANG_EN), "2019-02-29"));
  d.year = 2020;
  CHECK_OK(hug_date_validate(d));
  d.month = 13;
  CHECK_ERR(hug_date_validate(d), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  d.month = 0;
  CHECK_ERR(hug_date_validate(d), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  d.month = 1;
  d.day = 0;
  CHECK_ERR(hug_date_validate(d), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  d.month = 4;
  d.day = 31;
  CHECK_ERR(hug_date_validate(d), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
  d.year = INT32_MAX;
  d.day = 1;
  CHECK_ERR(hug_date_validate(d), HUG_ERR_INVALID_ARGUMENT, "ffi.invalid_date");
}

static void test_panic_is_caught(void) {
  hug_facility_number n;
  CHECK_ERR(hug_selftest_panic(), HUG_ERR_PANIC, "ffi.panic");
  CHECK(str_has(hug_last_error_message(HUG_LANG_EN), "deliberate panic"));
  /* the library keeps working after a caught panic */
  CHECK_OK(hug_facility_number_parse("1312345678", &n));
  hug_string_free(NULL);
}

int main(void) {
  test_status_values_are_the_abi();
  test_version();
  test_no_error_at_start();
  test_facility_number();
  test_prefecture_name();
  test_user_id();
  test_text();
  test_catalogue();
  test_lang_and_date();
  test_panic_is_caught();
  return hug_test_report("test_api");
}
