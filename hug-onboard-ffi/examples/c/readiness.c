/*
 * Where a facility stands on a day: load its saved onboarding state, evaluate
 * readiness with the default rulebook, print whether it can bill and the JSON report.
 *
 *   ./readiness tests/fixtures/states/v1_complete.json 2026-11-25
 *
 * Compile and link lines: see the README (same as check_facility.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include <hug_onboard.h>

static char *read_all(const char *path) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long n;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (buf = (char *)malloc((size_t)n + 1)) != NULL) {
    if (fread(buf, 1, (size_t)n, f) == (size_t)n) {
      buf[n] = '\0';
    } else {
      free(buf);
      buf = NULL;
    }
  }
  fclose(f);
  return buf;
}

/* Prints the last error of this thread, every problem, in Japanese. */
static int fail(const char *what) {
  size_t i;
  fprintf(stderr, "%s failed:\n", what);
  for (i = 0; i < hug_last_error_count(); i++)
    fprintf(stderr, "  [%s] %s\n", hug_last_error_code_at(i), hug_last_error_message_at(i, HUG_LANG_JA));
  return 1;
}

int main(int argc, char **argv) {
  char *state = NULL, *report = NULL;
  hug_onboarding *onboarding = NULL;
  hug_billing_calendar *billing = NULL;
  hug_date today;
  bool can_bill = false;
  int rc = 0;

  if (argc != 3) {
    fprintf(stderr, "usage: %s STATE.json YYYY-MM-DD\n", argv[0]);
    return 2;
  }
  if ((state = read_all(argv[1])) == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  if (hug_date_parse(argv[2], &today) != HUG_OK) {
    rc = fail("hug_date_parse");
  } else if (hug_onboarding_from_json(state, &onboarding) != HUG_OK) {
    rc = fail("hug_onboarding_from_json");
  } else if (hug_billing_calendar_new(&billing) != HUG_OK) {
    rc = fail("hug_billing_calendar_new");
  } else if (hug_onboarding_readiness_json(onboarding, today, billing, &can_bill, &report) != HUG_OK) {
    rc = fail("hug_onboarding_readiness_json");
  } else {
    printf("can_bill: %s\n%s\n", can_bill ? "yes" : "no", report);
  }
  hug_string_free(report); /* every *_free accepts NULL */
  hug_billing_calendar_free(billing);
  hug_onboarding_free(onboarding);
  free(state);
  return rc;
}
