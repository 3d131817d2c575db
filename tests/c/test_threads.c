/*
 * Calls the library from several threads at once: every thread sees its own
 * results and its own last error, never another thread's.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#define N_THREADS 8
#define N_ITER 5000

typedef struct job {
  int index;
  int failures;
  const hug_password_policy *policy;  /* shared read-only handles */
  const hug_billing_calendar *billing;
  const hug_onboarding *onboarding;
} job;

static const char *const BAD[4] = {"", "131234567", "0012345678", "13-1234567"};
static const char *const BAD_CODE[4] = {"facility.empty", "facility.wrong_length",
                                        "facility.unknown_prefecture", "facility.not_digit"};

static void *worker(void *arg) {
  job *j = (job *)arg;
  int k = j->index % 4;
  int pref = 1 + j->index;
  char good[32];
  int it;
  snprintf(good, sizeof good, "%02d12345678", pref);
  for (it = 0; it < N_ITER; it++) {
    hug_facility_number n;
    const char *name = NULL;
    char *s = NULL;
    if (hug_facility_number_parse(BAD[k], &n) != HUG_ERR_VALIDATION) j->failures++;
    if (hug_facility_number_parse(good, &n) != HUG_OK || n.prefecture != pref) j->failures++;
    /* the success above cleared this thread's error... */
    if (hug_last_error_code() != NULL) j->failures++;
    /* ...and a new failure is this thread's own, whatever the others do */
    if (hug_facility_number_parse(BAD[k], &n) != HUG_ERR_VALIDATION) j->failures++;
    if (!str_eq(hug_last_error_code(), BAD_CODE[k])) j->failures++;
    if (hug_last_error_message(HUG_LANG_JA) == NULL) j->failures++;
    if (hug_prefecture_name(pref, HUG_LANG_EN, &name) != HUG_OK || name == NULL) j->failures++;
    if (hug_user_id_parse(good, &s) != HUG_OK || !str_eq(s, good)) j->failures++;
    hug_string_free(s);
    /* shared const handles, read by every thread at once */
    if (hug_password_check(j->policy, "Kokuho2024", NULL) != HUG_OK) j->failures++;
    if (hug_password_check(j->policy, "short", NULL) != HUG_ERR_VALIDATION ||
        !str_eq(hug_last_error_code(), "password.too_short"))
      j->failures++;
    if (it % 50 == 0) {
      char *json = NULL;
      bool can_bill = true;
      hug_date today;
      today.year = 2026;
      today.month = 11;
      today.day = (uint8_t)(1 + it % 28);
      if (hug_onboarding_readiness_json(j->onboarding, today, j->billing, &can_bill, &json) != HUG_OK ||
          can_bill)
        j->failures++;
      hug_string_free(json);
    }
    if (it % 500 == 0) {
      char *json = NULL;
      if (hug_code_catalogue_json(&json) != HUG_OK) j->failures++;
      hug_string_free(json);
    }
  }
  return NULL;
}

int main(void) {
  pthread_t t[N_THREADS];
  job jobs[N_THREADS];
  int i;
  hug_password_policy *policy = NULL;
  hug_billing_calendar *billing = NULL;
  hug_onboarding *onboarding = NULL;
  CHECK(hug_password_policy_new(HUG_PASSWORD_PROFILE_PRODUCTION, &policy) == HUG_OK);
  CHECK(hug_billing_calendar_new(&billing) == HUG_OK);
  CHECK(hug_onboarding_new("1312345678", &onboarding) == HUG_OK);
  for (i = 0; i < N_THREADS; i++) {
    jobs[i].index = i;
    jobs[i].failures = 0;
    jobs[i].policy = policy;
    jobs[i].billing = billing;
    jobs[i].onboarding = onboarding;
    CHECK(pthread_create(&t[i], NULL, worker, &jobs[i]) == 0);
  }
  for (i = 0; i < N_THREADS; i++) {
    CHECK(pthread_join(t[i], NULL) == 0);
    CHECK(jobs[i].failures == 0);
  }
  hug_password_policy_free(policy);
  hug_billing_calendar_free(billing);
  hug_onboarding_free(onboarding);
  return hug_test_report("test_threads");
}
