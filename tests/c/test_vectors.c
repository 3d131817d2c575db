/*
 * Runs the shared conformance vectors (tests/vectors/ *.json files) through the C ABI,
 * exactly as the Rust and Python faces do. Usage: test_vectors FILE.json...
 *
 * A case's `expect` holds `value` (compared as JSON), `error` (the last error's
 * code) or `errors` (every code of the last error, in order). Cases whose input
 * holds U+0000 cannot be expressed as C strings and are skipped (and counted).
 * Ops without a C binding are listed on stderr and fail the run: the three
 * faces must run every vector.
 */
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "check.h"

static int n_run = 0, n_skipped_nul = 0, n_unbound = 0;

/* What running one case produced: a JSON value, or the last error's codes. */
typedef struct outcome {
  cJSON *value;  /* owned; NULL when the call failed */
} outcome;

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  buf = (char *)malloc((size_t)n + 1);
  if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  if (buf != NULL) buf[n] = '\0';
  *len = (size_t)n;
  fclose(f);
  return buf;
}

/* Does the raw text of the case with this id contain an escaped NUL in its input? */
static int case_has_nul(const char *raw, const char *id) {
  char needle[256];
  const char *start, *next;
  snprintf(needle, sizeof needle, "\"%s\"", id);
  start = strstr(raw, needle);
  if (start == NULL) return 0;
  next = strstr(start + strlen(needle), "\"id\"");
  {
    const char *nul = strstr(start, "\\u0000");
    return nul != NULL && (next == NULL || nul < next);
  }
}

static const char *input_str(const cJSON *input, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(input, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

static cJSON *prefecture_value(const hug_facility_number *n) {
  cJSON *v = cJSON_CreateObject();
  const char *ja = NULL, *en = NULL;
  cJSON_AddStringToObject(v, "number", n->digits);
  cJSON_AddNumberToObject(v, "prefecture", n->prefecture);
  if (hug_prefecture_name(n->prefecture, HUG_LANG_JA, &ja) == HUG_OK)
    cJSON_AddStringToObject(v, "prefecture_ja", ja);
  if (hug_prefecture_name(n->prefecture, HUG_LANG_EN, &en) == HUG_OK)
    cJSON_AddStringToObject(v, "prefecture_en", en);
  return v;
}


/* Parses a JSON string the library allocated, and frees it. */
static cJSON *take_json(char *s) {
  cJSON *v = s ? cJSON_Parse(s) : NULL;
  hug_string_free(s);
  return v;
}

static cJSON *date_json(hug_date d) {
  char buf[32];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
  return cJSON_CreateString(buf);
}

static int input_bool(const cJSON *input, const char *key) {
  return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(input, key));
}

/* Every code of the last error (empty array after HUG_OK). */
static cJSON *last_error_codes(hug_status s) {
  cJSON *a = cJSON_CreateArray();
  size_t i;
  if (s == HUG_OK) return a;
  for (i = 0; i < hug_last_error_count(); i++)
    cJSON_AddItemToArray(a, cJSON_CreateString(hug_last_error_code_at(i)));
  return a;
}

static hug_password_profile profile_of(const cJSON *input) {
  const char *p = input_str(input, "profile");
  if (str_eq(p, "production")) return HUG_PASSWORD_PROFILE_PRODUCTION;
  if (str_eq(p, "generation")) return HUG_PASSWORD_PROFILE_GENERATION;
  return HUG_PASSWORD_PROFILE_TEST;
}

static hug_password_policy *policy_of(const cJSON *input) {
  hug_password_policy *p = NULL;
  if (hug_password_policy_new(profile_of(input), &p) != HUG_OK) return NULL;
  return p;
}

static cJSON *optional_field(const hug_notice *n, hug_notice_field_id f) {
  char *s = NULL;
  cJSON *v;
  if (hug_notice_field(n, f, &s) != HUG_OK) return cJSON_CreateString("<error>");
  v = s ? cJSON_CreateString(s) : cJSON_CreateNull();
  hug_string_free(s);
  return v;
}

static cJSON *notice_value(const hug_notice *n) {
  cJSON *v = cJSON_CreateObject(), *findings, *codes = cJSON_CreateArray(), *f;
  hug_notice_kind kind = -1;
  char *s = NULL;
  hug_notice_kind_get(n, &kind);
  cJSON_AddStringToObject(v, "kind", kind == HUG_NOTICE_TEST ? "test" : "production");
  cJSON_AddItemToObject(v, "date", optional_field(n, HUG_NOTICE_FIELD_DATE));
  cJSON_AddItemToObject(v, "federation", optional_field(n, HUG_NOTICE_FIELD_FEDERATION));
  cJSON_AddItemToObject(v, "facility_number", optional_field(n, HUG_NOTICE_FIELD_FACILITY_NUMBER));
  cJSON_AddItemToObject(v, "postal_code", optional_field(n, HUG_NOTICE_FIELD_POSTAL_CODE));
  cJSON_AddItemToObject(v, "address", optional_field(n, HUG_NOTICE_FIELD_ADDRESS));
  cJSON_AddItemToObject(v, "facility_name", optional_field(n, HUG_NOTICE_FIELD_FACILITY_NAME));
  cJSON_AddItemToObject(v, "user_id", optional_field(n, HUG_NOTICE_FIELD_USER_ID));
  cJSON_AddItemToObject(v, "remarks", optional_field(n, HUG_NOTICE_FIELD_REMARKS));
  if (hug_notice_reveal_temporary_password(n, &s) == HUG_OK)
    cJSON_AddStringToObject(v, "temporary_password", s);
  hug_string_free(s);
  s = NULL;
  if (hug_notice_reveal_certificate_password(n, &s) == HUG_OK)
    cJSON_AddStringToObject(v, "certificate_password", s);
  hug_string_free(s);
  s = NULL;
  hug_notice_findings_json(n, &s);
  findings = take_json(s);
  cJSON_ArrayForEach(f, findings) {
    cJSON_AddItemToArray(codes, cJSON_CreateString(
        cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "code"))));
  }
  cJSON_Delete(findings);
  cJSON_AddItemToObject(v, "findings", codes);
  return v;
}

static hug_calendar *calendar_of(const cJSON *input) {
  hug_calendar *c = NULL;
  const cJSON *lay = cJSON_GetObjectItemCaseSensitive(input, "last_announced_year");
  if (cJSON_IsNumber(lay)) {
    char buf[64];
    snprintf(buf, sizeof buf, "{\"last_announced_year\":%d}", lay->valueint);
    if (hug_calendar_from_json(buf, &c) != HUG_OK) return NULL;
  } else if (hug_calendar_new(input_bool(input, "year_end_closure"), &c) != HUG_OK) {
    return NULL;
  }
  return c;
}

static hug_billing_calendar *billing_of(const cJSON *input) {
  hug_billing_calendar *b = NULL;
  hug_calendar *c = NULL;
  const cJSON *rb = cJSON_GetObjectItemCaseSensitive(input, "rulebook");
  const cJSON *pref = cJSON_GetObjectItemCaseSensitive(input, "prefecture");
  if (cJSON_IsString(pref)) {
    if (hug_billing_calendar_for_prefecture(pref->valuestring, &b) != HUG_OK) return NULL;
  } else if (rb != NULL) {
    char *text = cJSON_PrintUnformatted(rb);
    hug_status s = hug_billing_calendar_from_rulebook_json(text, &b);
    free(text);
    if (s != HUG_OK) return NULL;
  } else if (hug_billing_calendar_new(&b) != HUG_OK) {
    return NULL;
  }
  if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(input, "last_announced_year"))) {
    c = calendar_of(input);
    hug_billing_calendar_set_calendar(b, c);
    hug_calendar_free(c);
  }
  return b;
}

static int run_domain_op(const char *op, const cJSON *input, outcome *out);
static int run_certificate_op(const char *op, const cJSON *input, outcome *out);
static int run_onboarding_op(const char *op, const cJSON *input, outcome *out);

/* Runs one op; returns 0 when the op has no C binding. */
static int run_op(const char *op, const cJSON *input, outcome *out) {
  out->value = NULL;
  if (strcmp(op, "facility.parse") == 0) {
    hug_facility_number n;
    if (hug_facility_number_parse(input_str(input, "s"), &n) == HUG_OK)
      out->value = prefecture_value(&n);
    return 1;
  }
  if (strcmp(op, "user_id.parse") == 0) {
    char *id = NULL;
    if (hug_user_id_parse(input_str(input, "s"), &id) == HUG_OK) {
      out->value = cJSON_CreateObject();
      cJSON_AddStringToObject(out->value, "id", id);
      hug_string_free(id);
    }
    return 1;
  }
  return run_domain_op(op, input, out);
}

static void run_case(const char *file, const char *raw, const cJSON *c) {
  const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "id"));
  const char *op = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "op"));
  const cJSON *input = cJSON_GetObjectItemCaseSensitive(c, "input");
  const cJSON *expect = cJSON_GetObjectItemCaseSensitive(c, "expect");
  const cJSON *ev = cJSON_GetObjectItemCaseSensitive(expect, "value");
  const cJSON *ee = cJSON_GetObjectItemCaseSensitive(expect, "error");
  const cJSON *es = cJSON_GetObjectItemCaseSensitive(expect, "errors");
  outcome got;
  int ok = 0;
  char *got_text = NULL;

  CHECK(id != NULL && op != NULL && input != NULL && expect != NULL);
  if (id == NULL || op == NULL) return;
  if (case_has_nul(raw, id)) {
    n_skipped_nul++;
    return;
  }
  if (!run_op(op, input, &got)) {
    if (n_unbound < 20) fprintf(stderr, "%s: %s: op %s has no C binding yet\n", file, id, op);
    n_unbound++;
    return;
  }
  n_run++;
  if (ev != NULL) {
    ok = got.value != NULL && cJSON_Compare(got.value, ev, 1);
  } else if (ee != NULL) {
    ok = got.value == NULL && str_eq(hug_last_error_code(), cJSON_GetStringValue(ee));
  } else if (cJSON_IsArray(es)) {
    size_t i = 0;
    const cJSON *e;
    ok = got.value == NULL && hug_last_error_count() == (size_t)cJSON_GetArraySize(es);
    cJSON_ArrayForEach(e, es) {
      if (!str_eq(hug_last_error_code_at(i++), cJSON_GetStringValue(e))) ok = 0;
    }
  }
  hug_test_checks++;
  if (!ok) {
    char *exp_text = cJSON_PrintUnformatted(expect);
    got_text = got.value ? cJSON_PrintUnformatted(got.value) : NULL;
    hug_test_failures++;
    fprintf(stderr, "%s: %s (%s): expected %s, got %s%s\n", file, id, op, exp_text,
            got_text ? got_text : "error ", got_text ? "" : hug_last_error_code());
    free(exp_text);
    free(got_text);
  }
  cJSON_Delete(got.value);
}

int main(int argc, char **argv) {
  int i;
  for (i = 1; i < argc; i++) {
    size_t len = 0;
    char *raw = read_file(argv[i], &len);
    cJSON *doc, *cases, *c;
    if (raw == NULL) {
      fprintf(stderr, "cannot read %s\n", argv[i]);
      return 1;
    }
    doc = cJSON_ParseWithLength(raw, len);
    cases = cJSON_GetObjectItemCaseSensitive(doc, "cases");
    if (!cJSON_IsArray(cases)) {
      fprintf(stderr, "%s: no \"cases\" array\n", argv[i]);
      return 1;
    }
    cJSON_ArrayForEach(c, cases) { run_case(argv[i], raw, c); }
    cJSON_Delete(doc);
    free(raw);
  }
  printf("test_vectors: %d cases run, %d skipped (U+0000 in a C string), %d without a C binding\n",
         n_run, n_skipped_nul, n_unbound);
  if (n_run == 0) {
    fprintf(stderr, "test_vectors: no case ran\n");
    return 1;
  }
  if (n_unbound > 0) {
    fprintf(stderr, "test_vectors: %d cases have no C binding; bind their ops\n", n_unbound);
    return 1;
  }
  return hug_test_report("test_vectors");
}

/* The ops of the areas beyond facility: wareki, password, notice, holidays, schedule. */
static int run_domain_op(const char *op, const cJSON *input, outcome *out) {
  hug_status s;
  if (strcmp(op, "wareki.parse_date") == 0) {
    hug_date d;
    if (hug_wareki_parse_date(input_str(input, "s"), input_bool(input, "lenient"), NULL, &d) == HUG_OK) {
      out->value = cJSON_CreateObject();
      cJSON_AddItemToObject(out->value, "date", date_json(d));
    }
    return 1;
  }
  if (strcmp(op, "wareki.parse") == 0) {
    hug_partial_date p;
    if (hug_wareki_parse(input_str(input, "s"), input_bool(input, "lenient"), NULL, &p) == HUG_OK) {
      out->value = cJSON_CreateObject();
      if (p.kind == HUG_PARTIAL_DATE) {
        hug_date d;
        d.year = p.year;
        d.month = p.month;
        d.day = p.day;
        cJSON_AddStringToObject(out->value, "kind", "date");
        cJSON_AddItemToObject(out->value, "date", date_json(d));
      } else if (p.kind == HUG_PARTIAL_YEAR_MONTH) {
        cJSON_AddStringToObject(out->value, "kind", "year_month");
        cJSON_AddNumberToObject(out->value, "year", p.year);
        cJSON_AddNumberToObject(out->value, "month", p.month);
      } else {
        cJSON_AddStringToObject(out->value, "kind", "year");
        cJSON_AddNumberToObject(out->value, "year", p.year);
      }
    }
    return 1;
  }
  if (strcmp(op, "wareki.format") == 0) {
    hug_date d;
    const char *st = input_str(input, "style");
    hug_wareki_style style = str_eq(st, "long")           ? HUG_WAREKI_LONG
                             : str_eq(st, "long_numeric") ? HUG_WAREKI_LONG_NUMERIC
                             : str_eq(st, "short")        ? HUG_WAREKI_SHORT
                                                          : -1;
    char *text = NULL;
    if (hug_date_parse(input_str(input, "date"), &d) == HUG_OK &&
        hug_wareki_format(d, style, NULL, &text) == HUG_OK) {
      out->value = cJSON_CreateObject();
      cJSON_AddStringToObject(out->value, "text", text);
      hug_string_free(text);
    }
    return 1;
  }
  if (strcmp(op, "password.policy") == 0) {
    hug_password_policy *p = policy_of(input);
    char *json = NULL;
    if (p != NULL && hug_password_policy_to_json(p, &json) == HUG_OK) out->value = take_json(json);
    hug_password_policy_free(p);
    return 1;
  }
  if (strcmp(op, "password.check") == 0 || strcmp(op, "password.check_change") == 0) {
    hug_password_policy *p = policy_of(input);
    if (strcmp(op, "password.check") == 0)
      s = hug_password_check(p, input_str(input, "password"), input_str(input, "user_id"));
    else
      s = hug_password_check_change(p, input_str(input, "user_id"), input_str(input, "current"),
                                    input_str(input, "new"), input_str(input, "confirm"));
    if (s == HUG_OK || s == HUG_ERR_VALIDATION) {
      out->value = cJSON_CreateObject();
      cJSON_AddItemToObject(out->value, "codes", last_error_codes(s));
    }
    hug_password_policy_free(p);
    return 1;
  }
  if (strcmp(op, "password.generate") == 0) {
    hug_password_policy *p = policy_of(input);
    const cJSON *len = cJSON_GetObjectItemCaseSensitive(input, "length");
    char *pw = NULL;
    if (hug_password_generate(p, (size_t)len->valuedouble, &pw) == HUG_OK) {
      cJSON *passes = cJSON_CreateArray();
      hug_password_profile k;
      const char *names[3] = {"test", "production", "generation"};
      int look = strpbrk(pw, "0Oo1lI|'`\",.;:") != NULL;
      for (k = 0; k < 3; k++) {
        hug_password_policy *q = NULL;
        hug_password_policy_new(k, &q);
        if (hug_password_check(q, pw, NULL) == HUG_OK)
          cJSON_AddItemToArray(passes, cJSON_CreateString(names[k]));
        hug_password_policy_free(q);
      }
      out->value = cJSON_CreateObject();
      cJSON_AddNumberToObject(out->value, "length", (double)strlen(pw));
      cJSON_AddItemToObject(out->value, "passes", passes);
      cJSON_AddBoolToObject(out->value, "look_alikes", look);
      hug_string_free(pw);
    } else if (p != NULL) {
      /* keep the generate error as the last error for the comparison */
      s = hug_password_generate(p, (size_t)len->valuedouble, &pw);
      (void)s;
    }
    hug_password_policy_free(p);
    return 1;
  }
  if (strcmp(op, "notice.parse") == 0 || strcmp(op, "notice.from_json") == 0 ||
      strcmp(op, "notice.parse_ocr") == 0 || strcmp(op, "notice.parse_ocr_tsv") == 0) {
    hug_notice *n = NULL;
    if (strcmp(op, "notice.parse") == 0)
      s = hug_notice_parse(input_str(input, "text"), &n);
    else if (strcmp(op, "notice.parse_ocr") == 0)
      s = hug_notice_parse_ocr_text(input_str(input, "text"), &n);
    else if (strcmp(op, "notice.parse_ocr_tsv") == 0)
      s = hug_notice_parse_ocr_tsv(input_str(input, "tsv"), &n);
    else
      s = hug_notice_from_json(input_str(input, "json"), &n);
    if (s == HUG_OK) {
      out->value = notice_value(n);
      hug_notice_free(n);
    }
    return 1;
  }
  if (strcmp(op, "notice.ocr_rereads") == 0) {
    /* A second OCR pass: the page (tsv, else text), then the rereads as JSON. */
    hug_notice *n = NULL, *m = NULL;
    const cJSON *tsv = cJSON_GetObjectItemCaseSensitive(input, "tsv");
    if (cJSON_IsString(tsv))
      s = hug_notice_parse_ocr_tsv(tsv->valuestring, &n);
    else
      s = hug_notice_parse_ocr_text(input_str(input, "text"), &n);
    if (s == HUG_OK) {
      char *rereads = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(input, "rereads"));
      s = hug_notice_with_ocr_rereads(n, rereads, &m);
      cJSON_free(rereads);
      if (s == HUG_OK) {
        out->value = notice_value(m);
        hug_notice_free(m);
      }
    }
    hug_notice_free(n);
    return 1;
  }
  if (strcmp(op, "notice.parse_ocr_tsv_rereads") == 0) {
    /* The page and its second reads in one step (invalid page reads of key fields replaced). */
    hug_notice *n = NULL;
    char *rereads = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(input, "rereads"));
    s = hug_notice_parse_ocr_tsv_with_rereads(input_str(input, "tsv"), rereads, &n);
    cJSON_free(rereads);
    if (s == HUG_OK) {
      out->value = notice_value(n);
      hug_notice_free(n);
    }
    return 1;
  }
  if (strcmp(op, "profile.validate") == 0) {
    char *fields = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(input, "fields"));
    char *json = NULL;
    s = hug_facility_profile_validate_json(fields, NULL, &json);
    cJSON_free(fields);
    if (s == HUG_OK) {
      cJSON *r = take_json(json);
      cJSON *codes = cJSON_CreateArray();
      const cJSON *w = NULL;
      cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(r, "warnings")) {
        cJSON_AddItemToArray(codes, cJSON_CreateString(cJSON_GetObjectItemCaseSensitive(w, "code")->valuestring));
      }
      out->value = cJSON_CreateObject();
      cJSON_AddItemToObject(out->value, "profile", cJSON_DetachItemFromObjectCaseSensitive(r, "profile"));
      cJSON_AddItemToObject(out->value, "warnings", codes);
      cJSON_Delete(r);
    }
    return 1;
  }
  if (strcmp(op, "calendar.holidays_of_year") == 0) {
    hug_calendar *c = calendar_of(input);
    int year = cJSON_GetObjectItemCaseSensitive(input, "year")->valueint;
    double yd = cJSON_GetObjectItemCaseSensitive(input, "year")->valuedouble;
    hug_year_status st;
    char *json = NULL;
    if (yd > 2147483647.0) year = 2147483647;
    if (hug_calendar_year_status(c, year, &st) == HUG_OK &&
        hug_holidays_of_year_json(year, &json) == HUG_OK) {
      cJSON *hs = take_json(json), *h;
      cJSON_ArrayForEach(h, hs) {
        cJSON_DeleteItemFromObjectCaseSensitive(h, "name_ja");
        cJSON_DeleteItemFromObjectCaseSensitive(h, "name_en");
      }
      out->value = cJSON_CreateObject();
      cJSON_AddNumberToObject(out->value, "year", year);
      cJSON_AddStringToObject(out->value, "status",
                              st == HUG_YEAR_ANNOUNCED ? "announced" : "provisional");
      cJSON_AddItemToObject(out->value, "holidays", hs);
    }
    hug_calendar_free(c);
    return 1;
  }
  if (strcmp(op, "calendar.holiday_name") == 0) {
    hug_date d;
    hug_lang lang = -1;
    bool is_h = false;
    const char *name = NULL;
    if (hug_date_parse(input_str(input, "date"), &d) == HUG_OK &&
        hug_lang_parse(input_str(input, "lang"), &lang) == HUG_OK &&
        hug_holiday_get(d, lang, &is_h, &name) == HUG_OK) {
      out->value = cJSON_CreateObject();
      cJSON_AddItemToObject(out->value, "name", name ? cJSON_CreateString(name) : cJSON_CreateNull());
    }
    return 1;
  }
  if (strcmp(op, "calendar.is_business_day") == 0 || strcmp(op, "calendar.next_business_day") == 0 ||
      strcmp(op, "calendar.previous_business_day") == 0) {
    hug_calendar *c = calendar_of(input);
    hug_date d, r;
    bool b = false;
    if (hug_date_parse(input_str(input, "date"), &d) == HUG_OK) {
      if (strcmp(op, "calendar.is_business_day") == 0) {
        if (hug_calendar_is_business_day(c, d, &b) == HUG_OK) {
          out->value = cJSON_CreateObject();
          cJSON_AddBoolToObject(out->value, "business_day", b);
        }
      } else if (hug_calendar_business_day(c, d,
                                           strcmp(op, "calendar.next_business_day") == 0
                                               ? HUG_BUSINESS_DAY_NEXT
                                               : HUG_BUSINESS_DAY_PREVIOUS,
                                           &r) == HUG_OK) {
        out->value = cJSON_CreateObject();
        cJSON_AddItemToObject(out->value, "date", date_json(r));
      }
    }
    hug_calendar_free(c);
    return 1;
  }
  if (strcmp(op, "schedule.month") == 0 || strcmp(op, "schedule.window_open") == 0 ||
      strcmp(op, "schedule.next_deadline") == 0 || strcmp(op, "schedule.events_on") == 0) {
    hug_billing_calendar *b = billing_of(input);
    char *json = NULL;
    if (b == NULL) return 1;
    if (strcmp(op, "schedule.month") == 0) {
      hug_year_month m;
      if (hug_year_month_parse(input_str(input, "service_month"), &m) == HUG_OK &&
          hug_schedule_month_json(b, m, &json) == HUG_OK)
        out->value = take_json(json);
    } else if (strcmp(op, "schedule.events_on") == 0) {
      hug_date d;
      if (hug_date_parse(input_str(input, "date"), &d) == HUG_OK &&
          hug_schedule_events_on_json(b, d, &json) == HUG_OK)
        out->value = take_json(json);
    } else {
      hug_datetime at;
      if (hug_datetime_parse(input_str(input, "at"), &at) == HUG_OK) {
        if (strcmp(op, "schedule.next_deadline") == 0) {
          if (hug_schedule_next_deadline_json(b, at, &json) == HUG_OK) out->value = take_json(json);
        } else {
          bool open = false;
          hug_year_month m;
          if (hug_schedule_window_at(b, at, &open, &m) == HUG_OK) {
            out->value = cJSON_CreateObject();
            cJSON_AddBoolToObject(out->value, "open", open);
            if (open) {
              char buf[16];
              snprintf(buf, sizeof buf, "%04d-%02d", (int)m.year, (int)m.month);
              cJSON_AddStringToObject(out->value, "service_month", buf);
            } else {
              cJSON_AddNullToObject(out->value, "service_month");
            }
          }
        }
      }
    }
    hug_billing_calendar_free(b);
    return 1;
  }
  if (strcmp(op, "rulebook.parse") == 0) {
    hug_billing_calendar *b = NULL;
    char *json = NULL;
    if (hug_billing_calendar_from_rulebook_json(input_str(input, "json"), &b) == HUG_OK &&
        hug_billing_calendar_rulebook_json(b, &json) == HUG_OK) {
      cJSON *rb = take_json(json);
      cJSON *docs = cJSON_GetObjectItemCaseSensitive(rb, "documents");
      cJSON *pn = cJSON_GetObjectItemCaseSensitive(docs, "payment_notice");
      out->value = cJSON_CreateObject();
      cJSON_AddItemToObject(out->value, "id",
                            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(rb, "id"), 1));
      cJSON_AddItemToObject(out->value, "payment_notice_release_day",
                            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(pn, "release_day"), 1));
      cJSON_AddItemToObject(out->value, "closing_day",
                            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(
                                cJSON_GetObjectItemCaseSensitive(rb, "window"), "closing_day"), 1));
      cJSON_AddItemToObject(out->value, "payment_day",
                            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(
                                cJSON_GetObjectItemCaseSensitive(rb, "payment"), "day"), 1));
      cJSON_Delete(rb);
    }
    hug_billing_calendar_free(b);
    return 1;
  }
  if (strcmp(op, "rulebook.for_prefecture") == 0) {
    char *json = NULL;
    if (hug_rulebook_for_prefecture(input_str(input, "code"), &json) == HUG_OK) {
      cJSON *rb = take_json(json);
      const cJSON *src = cJSON_GetObjectItemCaseSensitive(rb, "sources");
      const cJSON *field = NULL;
      cJSON *sourced = cJSON_CreateArray();
      /* the registry serialises its sources sorted by field */
      cJSON_ArrayForEach(field, src) cJSON_AddItemToArray(sourced, cJSON_CreateString(field->string));
      out->value = cJSON_CreateObject();
      cJSON_AddItemToObject(out->value, "id", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(rb, "id"), 1));
      cJSON_AddItemToObject(out->value, "prefecture",
                            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(rb, "prefecture"), 1));
      cJSON_AddItemToObject(out->value, "sourced", sourced);
      cJSON_Delete(rb);
    }
    return 1;
  }
  return run_certificate_op(op, input, out);
}

/* "2026-09-15T14:59:59Z" */
static hug_datetime utc_of(const char *s) {
  hug_datetime t;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  if (s == NULL || sscanf(s, "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &se) != 6) y = -1;
  t.date.year = y;
  t.date.month = (uint8_t)mo;
  t.date.day = (uint8_t)d;
  t.hour = (uint8_t)h;
  t.minute = (uint8_t)mi;
  t.second = (uint8_t)se;
  return t;
}

static hug_certificate_rules *rules_of(const cJSON *input) {
  hug_certificate_rules *r = NULL;
  const cJSON *lead = cJSON_GetObjectItemCaseSensitive(input, "issuance_lead_days");
  const cJSON *cut = cJSON_GetObjectItemCaseSensitive(input, "application_cutoff_day");
  char buf[128];
  snprintf(buf, sizeof buf, "{");
  if (cJSON_IsNumber(lead)) snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "\"issuance_lead_days\":%d", lead->valueint);
  if (cJSON_IsNumber(cut))
    snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s\"application_cutoff_day\":%d",
             cJSON_IsNumber(lead) ? "," : "", cut->valueint);
  snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "}");
  if (hug_certificate_rules_from_json(buf, &r) != HUG_OK) return NULL;
  return r;
}

static int run_certificate_op(const char *op, const cJSON *input, outcome *out) {
  if (strcmp(op, "certificate.open") == 0 || strcmp(op, "certificate.inspect") == 0) {
    size_t len = 0;
    char *bytes = read_file(input_str(input, "file"), &len);
    hug_certificate *c = NULL;
    hug_status s;
    if (bytes == NULL) {
      fprintf(stderr, "cannot read %s\n", input_str(input, "file"));
      return 1;
    }
    if (strcmp(op, "certificate.open") == 0)
      s = hug_certificate_open((const uint8_t *)bytes, len, input_str(input, "password"), &c);
    else
      s = hug_certificate_inspect((const uint8_t *)bytes, len, input_str(input, "password"), &c);
    free(bytes);
    if (s == HUG_OK) {
      char *json = NULL;
      cJSON *info, *cert, *v = cJSON_CreateObject();
      hug_certificate_info_json(c, &json);
      info = take_json(json);
      cert = cJSON_GetObjectItemCaseSensitive(info, "certificate");
      {
        const char *keys[5] = {"fingerprint_sha256", "serial_hex", "valid_from_jst", "valid_to_jst",
                               "facility_number"};
        int i;
        for (i = 0; i < 5; i++)
          cJSON_AddItemToObject(v, keys[i], cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(cert, keys[i]), 1));
      }
      if (strcmp(op, "certificate.open") == 0) {
        cJSON_AddItemToObject(v, "key_algorithm",
                              cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(info, "key_algorithm"), 1));
      } else {
        cJSON_AddItemToObject(v, "has_private_key",
                              cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(info, "has_private_key"), 1));
        cJSON_AddItemToObject(v, "leaf_is_ca",
                              cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(info, "leaf_is_ca"), 1));
      }
      cJSON_Delete(info);
      hug_certificate_free(c);
      out->value = v;
    }
    return 1;
  }
  if (strcmp(op, "certificate.read") == 0) {
    size_t len = 0;
    char *bytes = read_file(input_str(input, "file"), &len);
    hug_certificate *c = NULL;
    hug_status s;
    if (bytes == NULL) {
      fprintf(stderr, "cannot read %s\n", input_str(input, "file"));
      return 1;
    }
    if (strcmp(input_str(input, "mode"), "open") == 0)
      s = hug_certificate_open((const uint8_t *)bytes, len, input_str(input, "password"), &c);
    else
      s = hug_certificate_inspect((const uint8_t *)bytes, len, input_str(input, "password"), &c);
    free(bytes);
    if (s == HUG_OK) {
      char *json = NULL;
      cJSON *info, *chain, *findings, *f, *codes, *v = cJSON_CreateObject();
      bool verified = false;
      hug_certificate_info_json(c, &json);
      info = take_json(json);
      cJSON_AddItemToObject(v, "leaf_sha256",
                            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(
                                                cJSON_GetObjectItemCaseSensitive(info, "certificate"), "fingerprint_sha256"),
                                            1));
      chain = cJSON_AddArrayToObject(v, "chain_sha256");
      cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(info, "chain")) {
        cJSON_AddItemToArray(chain, cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(f, "fingerprint_sha256"), 1));
      }
      hug_certificate_password_verified(c, &verified);
      cJSON_AddBoolToObject(v, "password_verified", verified);
      hug_certificate_findings_json(c, NULL, &json);
      findings = take_json(json);
      codes = cJSON_AddArrayToObject(v, "finding_codes");
      cJSON_ArrayForEach(f, findings) {
        cJSON_AddItemToArray(codes, cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(f, "code"), 1));
      }
      cJSON_Delete(findings);
      cJSON_Delete(info);
      hug_certificate_free(c);
      out->value = v;
    }
    return 1;
  }
  if (strcmp(op, "certificate.status") == 0) {
    hug_certificate_rules *r = rules_of(input);
    hug_certificate_status_result st;
    hug_date today;
    const char *t = input_str(input, "today");
    /* "today": a JST day, or an instant (UTC) when it has a time */
    hug_status got = t != NULL && strchr(t, 'T') != NULL
                         ? hug_certificate_status_at(utc_of(input_str(input, "not_before")),
                                                     utc_of(input_str(input, "not_after")), utc_of(t), r, &st)
                     : hug_date_parse(t, &today) == HUG_OK
                         ? hug_certificate_status(utc_of(input_str(input, "not_before")),
                                                  utc_of(input_str(input, "not_after")), today, r, &st)
                         : HUG_ERR_INVALID_ARGUMENT;
    if (got == HUG_OK) {
      out->value = cJSON_CreateObject();
      cJSON_AddStringToObject(out->value, "code", st.code);
      cJSON_AddNumberToObject(out->value, "days_left", (double)st.days_left);
    }
    hug_certificate_rules_free(r);
    return 1;
  }
  if (strcmp(op, "certificate.renewal_plan") == 0) {
    hug_certificate_rules *r = rules_of(input);
    hug_renewal_plan p;
    hug_date today;
    const char *t = input_str(input, "today");
    hug_status got = t != NULL && strchr(t, 'T') != NULL
                         ? hug_certificate_renewal_plan_at(utc_of(input_str(input, "not_after")), utc_of(t), r, NULL, &p)
                     : hug_date_parse(t, &today) == HUG_OK
                         ? hug_certificate_renewal_plan(utc_of(input_str(input, "not_after")), today, r, NULL, &p)
                         : HUG_ERR_INVALID_ARGUMENT;
    if (got == HUG_OK) {
      out->value = cJSON_CreateObject();
      cJSON_AddStringToObject(out->value, "code", p.code);
      cJSON_AddItemToObject(out->value, "target_window_opens", date_json(p.target_window_opens.date));
      cJSON_AddItemToObject(out->value, "install_by", date_json(p.install_by));
      cJSON_AddItemToObject(out->value, "apply_by", date_json(p.apply_by));
      cJSON_AddBoolToObject(out->value, "passed", p.passed);
    }
    hug_certificate_rules_free(r);
    return 1;
  }
  return run_onboarding_op(op, input, out);
}

/* "2026-12-01T00:00:00" -> "2026-12-01 00:00:00", as the Rust runner prints it */
static cJSON *spaced(const cJSON *v) {
  char buf[40];
  char *t;
  snprintf(buf, sizeof buf, "%s", cJSON_GetStringValue(v) ? cJSON_GetStringValue(v) : "");
  t = strchr(buf, 'T');
  if (t != NULL) *t = ' ';
  return cJSON_CreateString(buf);
}

static int run_onboarding_op(const char *op, const cJSON *input, outcome *out) {
  if (strcmp(op, "readiness.evaluate") == 0) {
    hug_onboarding *o = NULL;
    hug_billing_calendar *b = NULL;
    hug_date today;
    bool can_bill = false;
    char *json = NULL;
    /* input.prefecture names a registry rulebook; else the default one. */
    const char *prefecture = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(input, "prefecture"));
    if (hug_date_parse(input_str(input, "today"), &today) == HUG_OK &&
        hug_onboarding_from_json(input_str(input, "state"), &o) == HUG_OK &&
        (prefecture != NULL ? hug_billing_calendar_for_prefecture(prefecture, &b)
                            : hug_billing_calendar_new(&b)) == HUG_OK &&
        hug_onboarding_readiness_json(o, today, b, &can_bill, &json) == HUG_OK) {
      cJSON *r = take_json(json), *f, *a;
      cJSON *window = cJSON_GetObjectItemCaseSensitive(r, "window");
      cJSON *findings = cJSON_CreateArray(), *actions = cJSON_CreateArray();
      out->value = cJSON_CreateObject();
      cJSON_AddBoolToObject(out->value, "can_bill", can_bill);
      cJSON_AddItemToObject(out->value, "claim_month",
                            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(r, "claim_month"), 1));
      cJSON_AddItemToObject(out->value, "window_opens", spaced(cJSON_GetObjectItemCaseSensitive(window, "opens")));
      cJSON_AddItemToObject(out->value, "window_closes", spaced(cJSON_GetObjectItemCaseSensitive(window, "closes")));
      cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(r, "findings")) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddItemToObject(x, "code", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(f, "code"), 1));
        cJSON_AddItemToObject(x, "severity", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(f, "severity"), 1));
        cJSON_AddItemToObject(x, "fix_by", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(f, "fix_by"), 1));
        cJSON_AddItemToArray(findings, x);
      }
      cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(r, "next_actions")) {
        const cJSON *step = cJSON_GetObjectItemCaseSensitive(a, "step_id");
        cJSON_AddItemToArray(actions, cJSON_Duplicate(cJSON_IsString(step) ? step
                                                      : cJSON_GetObjectItemCaseSensitive(a, "code"), 1));
      }
      cJSON_AddItemToObject(out->value, "findings", findings);
      cJSON_AddItemToObject(out->value, "next_actions", actions);
      cJSON_Delete(r);
    }
    hug_onboarding_free(o);
    hug_billing_calendar_free(b);
    return 1;
  }
  return 0;
}
