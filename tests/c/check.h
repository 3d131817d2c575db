/* Tiny test helpers shared by the C test programs (C11 and C++ compatible). */
#ifndef HUG_TEST_CHECK_H
#define HUG_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "hug_onboard.h"

static int hug_test_checks = 0;
static int hug_test_failures = 0;

#define CHECK(cond)                                                                     \
  do {                                                                                  \
    hug_test_checks++;                                                                  \
    if (!(cond)) {                                                                      \
      hug_test_failures++;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, \
              #cond, hug_last_error_code() ? hug_last_error_code() : "none");           \
    }                                                                                   \
  } while (0)

/* Strings equal; either may be NULL (NULL equals only NULL). */
static inline int str_eq(const char *a, const char *b) {
  if (a == NULL || b == NULL) return a == b;
  return strcmp(a, b) == 0;
}

static inline int str_has(const char *hay, const char *needle) {
  return hay != NULL && strstr(hay, needle) != NULL;
}

/* The call returned `status` and the last error's code is `code`. */
#define CHECK_ERR(call, status, code)                                                    \
  do {                                                                                  \
    hug_status s_ = (call);                                                             \
    CHECK(s_ == (status));                                                              \
    CHECK(hug_last_error_status() == (status));                                         \
    CHECK(str_eq(hug_last_error_code(), (code)));                                       \
    CHECK(hug_last_error_count() >= 1);                                                 \
    CHECK(hug_last_error_message(HUG_LANG_JA) != NULL);                                 \
    CHECK(hug_last_error_message(HUG_LANG_EN) != NULL);                                 \
  } while (0)

#define CHECK_OK(call)                                                                  \
  do {                                                                                  \
    hug_status s_ = (call);                                                             \
    CHECK(s_ == HUG_OK);                                                                \
    CHECK(hug_last_error_status() == HUG_OK);                                           \
    CHECK(hug_last_error_code() == NULL);                                               \
    CHECK(hug_last_error_count() == 0);                                                 \
  } while (0)

static inline int hug_test_report(const char *name) {
  if (hug_test_failures != 0) {
    fprintf(stderr, "%s: %d of %d checks FAILED\n", name, hug_test_failures, hug_test_checks);
    return 1;
  }
  printf("%s: all %d checks passed\n", name, hug_test_checks);
  return 0;
}

#endif
