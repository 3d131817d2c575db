/*
 * Times the C call hug_facility_number_parse (the cheap, common path) in ns/call.
 * Usage: bench [ITERATIONS]  (default 2 000 000). Compare with the Rust call:
 * `cargo bench -p hug-onboard-ffi --bench ffi_overhead` (tests/c/bench-compare runs both).
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <stdlib.h>
#include <time.h>

#include "check.h"

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv) {
  long iters = argc > 1 ? atol(argv[1]) : 2000000L;
  const char *inputs[2] = {"1312345678", "\xef\xbc\x91\xef\xbc\x93\xef\xbc\x91\xef\xbc\x92\xef\xbc"
                                         "\x93\xef\xbc\x94\xef\xbc\x95\xef\xbc\x96\xef\xbc\x97\xef"
                                         "\xbc\x98"};
  const char *names[2] = {"ascii", "fullwidth"};
  int k;
  for (k = 0; k < 2; k++) {
    volatile unsigned sink = 0;
    hug_facility_number n;
    double t0, t1;
    long i;
    for (i = 0; i < iters / 10; i++) { /* warm-up */
      if (hug_facility_number_parse(inputs[k], &n) != HUG_OK) return 1;
    }
    t0 = now_ns();
    for (i = 0; i < iters; i++) {
      if (hug_facility_number_parse(inputs[k], &n) != HUG_OK) return 1;
      sink += n.prefecture;
    }
    t1 = now_ns();
    printf("c  hug_facility_number_parse/%s: %.1f ns/call\n", names[k], (t1 - t0) / (double)iters);
    (void)sink;
  }
  return 0;
}
