/*
 * A HUG engineer's starting point: check a 事業所番号 typed by a user and show
 * the problem in Japanese when it is wrong. Compile and link lines: see the README.
 *
 *   ./check_facility "１３１２３４５６７８"   ->  1312345678 (東京都)
 *   ./check_facility 12345                    ->  [facility.wrong_length] 事業所番号は10桁です（入力は5桁）。
 */
#include <stdio.h>

#include <hug_onboard.h>

int main(int argc, char **argv) {
  hug_facility_number number;
  const char *prefecture = NULL;

  if (argc != 2) {
    fprintf(stderr, "usage: %s FACILITY_NUMBER\n", argv[0]);
    return 2;
  }
  if (hug_facility_number_parse(argv[1], &number) != HUG_OK) {
    /* The last error is per thread and holds the stable code and the message. */
    printf("[%s] %s\n", hug_last_error_code(), hug_last_error_message(HUG_LANG_JA));
    return 1;
  }
  if (hug_prefecture_name(number.prefecture, HUG_LANG_JA, &prefecture) != HUG_OK) {
    printf("[%s] %s\n", hug_last_error_code(), hug_last_error_message(HUG_LANG_JA));
    return 1;
  }
  printf("%s (%s)\n", number.digits, prefecture); /* static strings: nothing to free */
  printf("hug_onboard %s\n", hug_version());
  return 0;
}
