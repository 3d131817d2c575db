/*
 * Runs the shared conformance vectors (tests/vectors/ *.json files) through the C ABI,
 * exactly as the Rust and Python faces do. Usage: test_vectors FILE.json...
 *
 * A case's `expect` holds `value` (compared as JSON), `error` (the last error's
 * code) or `errors` (every code of the last error, in order). Cases whose input
 * holds U+0000 cannot be expressed as C strings and are skipped (and counted).
 * Ops without a C binding are listed on stderr and counted.
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
  return 0;
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
  return hug_test_report("test_vectors");
}
