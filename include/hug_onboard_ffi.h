/*
 * hug_onboard_ffi.h: the declarations of libhug_onboard for dynamic FFIs: PHP's
 * FFI::cdef() and Python cffi's ffi.cdef() take this file unchanged.
 *
 * GENERATED from include/hug_onboard.h by hug-onboard-ffi/tests/header.rs; do not edit.
 * No #include and no preprocessor: the integer macros of the header are enum constants
 * here; HUG_ONBOARD_VERSION (a string) is not: call hug_version(). C programs include
 * hug_onboard.h instead; the documentation is there.
 */

enum { HUG_ONBOARD_VERSION_MAJOR = 0 };
enum { HUG_ONBOARD_VERSION_MINOR = 1 };
enum { HUG_ONBOARD_VERSION_PATCH = 0 };
enum { HUG_LANG_JA = 0 };
enum { HUG_LANG_EN = 1 };
enum { HUG_SEVERITY_INFO = 0 };
enum { HUG_SEVERITY_WARNING = 1 };
enum { HUG_SEVERITY_ERROR = 2 };
enum { HUG_YEAR_ANNOUNCED = 0 };
enum { HUG_YEAR_PROVISIONAL = 1 };
enum { HUG_BUSINESS_DAY_NEXT = 0 };
enum { HUG_BUSINESS_DAY_PREVIOUS = 1 };
enum { HUG_BUSINESS_DAY_ROLL_FORWARD = 2 };
enum { HUG_BUSINESS_DAY_ROLL_BACKWARD = 3 };
enum { HUG_CERT_NOT_YET_VALID = 0 };
enum { HUG_CERT_VALID = 1 };
enum { HUG_CERT_RENEWAL_DUE = 2 };
enum { HUG_CERT_URGENT = 3 };
enum { HUG_CERT_EXPIRED = 4 };
enum { HUG_RENEWAL_NOT_YET = 0 };
enum { HUG_RENEWAL_APPLY_NOW = 1 };
enum { HUG_RENEWAL_APPLY_BY_PASSED = 2 };
enum { HUG_RENEWAL_EXPIRED = 3 };
enum { HUG_CERT_STAGE_NOT_APPLIED = 0 };
enum { HUG_CERT_STAGE_ESTIMATE_MADE = 1 };
enum { HUG_CERT_STAGE_APPLIED = 2 };
enum { HUG_CERT_STAGE_ISSUED = 3 };
enum { HUG_CERT_STAGE_DOWNLOADED = 4 };
enum { HUG_CERT_STAGE_INSTALLED = 5 };
enum { HUG_CERT_STAGE_EXPIRED = 6 };
enum { HUG_NOTICE_TEST = 0 };
enum { HUG_NOTICE_PRODUCTION = 1 };
enum { HUG_NOTICE_FIELD_FEDERATION = 0 };
enum { HUG_NOTICE_FIELD_FACILITY_NUMBER = 1 };
enum { HUG_NOTICE_FIELD_POSTAL_CODE = 2 };
enum { HUG_NOTICE_FIELD_ADDRESS = 3 };
enum { HUG_NOTICE_FIELD_FACILITY_NAME = 4 };
enum { HUG_NOTICE_FIELD_USER_ID = 5 };
enum { HUG_NOTICE_FIELD_REMARKS = 6 };
enum { HUG_NOTICE_FIELD_DATE = 7 };
enum { HUG_PASSWORD_PROFILE_TEST = 0 };
enum { HUG_PASSWORD_PROFILE_PRODUCTION = 1 };
enum { HUG_PASSWORD_PROFILE_GENERATION = 2 };
enum { HUG_KANA_FULLWIDTH = 0 };
enum { HUG_KANA_HALFWIDTH = 1 };
enum { HUG_KANA_MIXED = 2 };
enum { HUG_KANA_EMPTY = 3 };
enum { HUG_KANA_NOT_KATAKANA = 4 };
enum { HUG_PARTIAL_DATE = 0 };
enum { HUG_PARTIAL_YEAR_MONTH = 1 };
enum { HUG_PARTIAL_YEAR = 2 };
enum { HUG_WAREKI_LONG = 0 };
enum { HUG_WAREKI_LONG_NUMERIC = 1 };
enum { HUG_WAREKI_SHORT = 2 };
enum hug_status
 {
  HUG_OK = 0,
  HUG_ERR_NULL_ARGUMENT = 1,
  HUG_ERR_INVALID_UTF8 = 2,
  HUG_ERR_INVALID_ARGUMENT = 3,
  HUG_ERR_PANIC = 100,
  HUG_ERR_INTERNAL = 101,
  HUG_ERR_UNAVAILABLE = 102,
  HUG_ERR_VALIDATION = 200,
  HUG_ERR_INVALID_JSON = 201,
  HUG_ERR_WORKFLOW = 202,
  HUG_ERR_WRONG_PASSWORD = 300,
  HUG_ERR_CORRUPT_FILE = 301,
  HUG_ERR_UNSUPPORTED = 302,
};
typedef int32_t hug_status;

typedef struct hug_billing_calendar hug_billing_calendar;

typedef struct hug_calendar hug_calendar;

typedef struct hug_certificate hug_certificate;

typedef struct hug_certificate_rules hug_certificate_rules;

typedef struct hug_era_table hug_era_table;

typedef struct hug_notice hug_notice;

typedef struct hug_onboarding hug_onboarding;

typedef struct hug_password_policy hug_password_policy;

typedef struct hug_date {
  int32_t year;
  uint8_t month;
  uint8_t day;
} hug_date;

typedef int32_t hug_lang;

typedef int32_t hug_severity;

typedef int32_t hug_year_status;

typedef int32_t hug_business_day_rule;

typedef struct hug_datetime {
  struct hug_date date;
  uint8_t hour;
  uint8_t minute;
  uint8_t second;
} hug_datetime;

typedef struct hug_facility_number {
  char digits[11];
  uint8_t prefecture;
} hug_facility_number;

typedef int32_t hug_certificate_status_kind;

typedef struct hug_certificate_status_result {
  hug_certificate_status_kind kind;
  const char *code;
  int64_t days_left;
  struct hug_date valid_from;
  struct hug_date valid_to;
  uint32_t milestone;
  bool remind_today;
} hug_certificate_status_result;

typedef int32_t hug_renewal_kind;

typedef struct hug_renewal_plan {
  hug_renewal_kind kind;
  const char *code;
  struct hug_date expiry_day;
  struct hug_datetime target_window_opens;
  struct hug_date install_by;
  struct hug_date apply_by;
  int64_t days_until_apply_by;
  bool passed;
  bool has_cutoff;
  struct hug_date cutoff;
} hug_renewal_plan;

typedef int32_t hug_certificate_stage;

typedef int32_t hug_notice_kind;

typedef int32_t hug_notice_field_id;

typedef int32_t hug_password_profile;

typedef struct hug_year_month {
  int32_t year;
  uint8_t month;
} hug_year_month;

typedef int32_t hug_kana_class;

typedef int32_t hug_partial_kind;

typedef struct hug_partial_date {
  hug_partial_kind kind;
  int32_t year;
  uint8_t month;
  uint8_t day;
} hug_partial_date;

typedef int32_t hug_wareki_style;

hug_status hug_date_validate(struct hug_date date);

hug_status hug_date_parse(const char *text, struct hug_date *out);

const char *hug_version(void);

void hug_string_free(char *s);

hug_status hug_last_error_status(void);

const char *hug_last_error_code(void);

const char *hug_last_error_message(hug_lang lang);

size_t hug_last_error_count(void);

const char *hug_last_error_code_at(size_t index);

const char *hug_last_error_message_at(size_t index, hug_lang lang);

hug_severity hug_last_error_severity_at(size_t index);

char *hug_last_error_json(void);

size_t hug_code_count(void);

hug_status hug_code_get(size_t index,
                        const char **out_code,
                        hug_severity *out_severity,
                        const char **out_summary);

hug_status hug_code_catalogue_json(char **out_json);

hug_status hug_lang_parse(const char *tag, hug_lang *out_lang);

hug_status hug_selftest_panic(void);

hug_status hug_calendar_new(bool year_end_closure, struct hug_calendar **out);

hug_status hug_calendar_from_json(const char *json,
                                  struct hug_calendar **out);

void hug_calendar_free(struct hug_calendar *calendar);

hug_status hug_holiday_get(struct hug_date date,
                           hug_lang lang,
                           bool *out_is_holiday,
                           const char **out_name);

hug_status hug_holidays_of_year_json(int32_t year,
                                     char **out_json);

hug_status hug_calendar_year_status(const struct hug_calendar *calendar,
                                    int32_t year,
                                    hug_year_status *out);

hug_status hug_calendar_is_business_day(const struct hug_calendar *calendar,
                                        struct hug_date date,
                                        bool *out);

hug_status hug_calendar_business_day(const struct hug_calendar *calendar,
                                     struct hug_date date,
                                     hug_business_day_rule rule,
                                     struct hug_date *out);

hug_status hug_certificate_open(const void *data,
                                size_t len,
                                const char *password,
                                struct hug_certificate **out);

hug_status hug_certificate_inspect(const void *data,
                                   size_t len,
                                   const char *password,
                                   struct hug_certificate **out);

void hug_certificate_free(struct hug_certificate *cert);

hug_status hug_certificate_info_json(const struct hug_certificate *cert, char **out_json);

hug_status hug_certificate_validity(const struct hug_certificate *cert,
                                    struct hug_date *out_valid_from,
                                    struct hug_date *out_valid_to,
                                    struct hug_datetime *out_not_before_utc,
                                    struct hug_datetime *out_not_after_utc);

hug_status hug_certificate_password_verified(const struct hug_certificate *cert, bool *out);

hug_status hug_certificate_facility_number(const struct hug_certificate *cert,
                                           bool *out_present,
                                           struct hug_facility_number *out);

hug_status hug_certificate_findings_json(const struct hug_certificate *cert,
                                         const char *expected_facility,
                                         char **out_json);

hug_status hug_certificate_rules_new(struct hug_certificate_rules **out);

hug_status hug_certificate_rules_from_json(const char *json, struct hug_certificate_rules **out);

void hug_certificate_rules_free(struct hug_certificate_rules *rules);

hug_status hug_certificate_status(struct hug_datetime not_before_utc,
                                  struct hug_datetime not_after_utc,
                                  struct hug_date today,
                                  const struct hug_certificate_rules *rules,
                                  struct hug_certificate_status_result *out);

hug_status hug_certificate_status_at(struct hug_datetime not_before_utc,
                                     struct hug_datetime not_after_utc,
                                     struct hug_datetime now_utc,
                                     const struct hug_certificate_rules *rules,
                                     struct hug_certificate_status_result *out);

hug_status hug_certificate_status_message(struct hug_datetime not_before_utc,
                                          struct hug_datetime not_after_utc,
                                          struct hug_date today,
                                          const struct hug_certificate_rules *rules,
                                          hug_lang lang,
                                          char **out);

hug_status hug_certificate_status_message_at(struct hug_datetime not_before_utc,
                                             struct hug_datetime not_after_utc,
                                             struct hug_datetime now_utc,
                                             const struct hug_certificate_rules *rules,
                                             hug_lang lang,
                                             char **out);

hug_status hug_certificate_renewal_plan(struct hug_datetime not_after_utc,
                                        struct hug_date today,
                                        const struct hug_certificate_rules *rules,
                                        const struct hug_billing_calendar *billing,
                                        struct hug_renewal_plan *out);

hug_status hug_certificate_renewal_plan_at(struct hug_datetime not_after_utc,
                                           struct hug_datetime now_utc,
                                           const struct hug_certificate_rules *rules,
                                           const struct hug_billing_calendar *billing,
                                           struct hug_renewal_plan *out);

hug_status hug_certificate_estimate_json(const char *postal_code,
                                         const char *address,
                                         const char *office_name,
                                         const char *person_name,
                                         const char *honorific,
                                         struct hug_date made_on,
                                         const struct hug_certificate_rules *rules,
                                         char **out_json);

hug_status hug_certificate_lifecycle_apply_json(const char *lifecycle_json,
                                                const char *event_json,
                                                hug_certificate_stage *out_stage,
                                                char **out_lifecycle_json);

hug_status hug_facility_number_parse(const char *text, struct hug_facility_number *out);

hug_status hug_prefecture_name(int32_t number, hug_lang lang, const char **out_name);

hug_status hug_user_id_parse(const char *text, char **out_id);

hug_status hug_facility_profile_validate_json(const char *input_json,
                                              const char *expected_facility,
                                              char **out_json);

hug_status hug_notice_parse(const char *text, struct hug_notice **out);

hug_status hug_notice_parse_ocr_text(const char *text, struct hug_notice **out);

hug_status hug_notice_parse_ocr_tsv(const char *tsv, struct hug_notice **out);

hug_status hug_notice_ocr_json(const struct hug_notice *notice, char **out_json);

hug_status hug_notice_with_ocr_rereads(const struct hug_notice *notice,
                                       const char *rereads_json,
                                       struct hug_notice **out);

hug_status hug_notice_ocr_layout_json(const char *tsv, char **out_json);

hug_status hug_notice_parse_ocr_tsv_with_rereads(const char *tsv,
                                                 const char *rereads_json,
                                                 struct hug_notice **out);

hug_status hug_notice_from_json(const char *json, struct hug_notice **out);

void hug_notice_free(struct hug_notice *notice);

hug_status hug_notice_kind_get(const struct hug_notice *notice, hug_notice_kind *out_kind);

hug_status hug_notice_expect_kind(const struct hug_notice *notice, hug_notice_kind expected);

hug_status hug_notice_date(const struct hug_notice *notice,
                           bool *out_present,
                           struct hug_date *out_date);

hug_status hug_notice_facility_number(const struct hug_notice *notice,
                                      struct hug_facility_number *out);

hug_status hug_notice_field(const struct hug_notice *notice, hug_notice_field_id field, char **out);

hug_status hug_notice_findings_json(const struct hug_notice *notice,
                                    char **out_json);

hug_status hug_notice_to_json(const struct hug_notice *notice, char **out_json);

hug_status hug_notice_reveal_json(const struct hug_notice *notice, char **out_json);

hug_status hug_notice_reveal_temporary_password(const struct hug_notice *notice, char **out);

hug_status hug_notice_reveal_certificate_password(const struct hug_notice *notice,
                                                  char **out);

hug_status hug_onboarding_new(const char *facility_number, struct hug_onboarding **out);

hug_status hug_onboarding_from_json(const char *json, struct hug_onboarding **out);

void hug_onboarding_free(struct hug_onboarding *onboarding);

hug_status hug_onboarding_to_json(const struct hug_onboarding *onboarding, char **out_json);

hug_status hug_onboarding_complete(struct hug_onboarding *onboarding,
                                   const char *step,
                                   struct hug_date on,
                                   const char *evidence_json);

hug_status hug_onboarding_complete_with_notice(struct hug_onboarding *onboarding,
                                               const char *step,
                                               struct hug_date on,
                                               const struct hug_notice *notice);

hug_status hug_onboarding_complete_with_certificate(struct hug_onboarding *onboarding,
                                                    const char *step,
                                                    struct hug_date on,
                                                    const struct hug_certificate *cert,
                                                    const char *pc);

hug_status hug_onboarding_undo(struct hug_onboarding *onboarding, const char *step);

hug_status hug_onboarding_add_billing_pc(struct hug_onboarding *onboarding, const char *name);

hug_status hug_onboarding_is_done(const struct hug_onboarding *onboarding,
                                  const char *step,
                                  bool *out_done);

hug_status hug_onboarding_next_steps_json(const struct hug_onboarding *onboarding, char **out_json);

hug_status hug_onboarding_steps_json(char **out_json);

hug_status hug_onboarding_readiness_json(const struct hug_onboarding *onboarding,
                                         struct hug_date today,
                                         const struct hug_billing_calendar *billing,
                                         bool *out_can_bill,
                                         char **out_json);

hug_status hug_onboarding_reminders_json(const struct hug_onboarding *onboarding,
                                         struct hug_date today,
                                         uint32_t days,
                                         const struct hug_billing_calendar *billing,
                                         char **out_json);

hug_status hug_onboarding_evaluate_many_json(const char *states_json,
                                             const char *agent_certificates_json,
                                             struct hug_date today,
                                             const struct hug_billing_calendar *billing,
                                             char **out_json);

hug_status hug_password_policy_new(hug_password_profile profile, struct hug_password_policy **out);

hug_status hug_password_policy_from_json(const char *json, struct hug_password_policy **out);

void hug_password_policy_free(struct hug_password_policy *policy);

hug_status hug_password_policy_to_json(const struct hug_password_policy *policy, char **out_json);

hug_status hug_password_policy_advice(const struct hug_password_policy *policy,
                                      hug_lang lang,
                                      char **out);

hug_status hug_password_check(const struct hug_password_policy *policy,
                              const char *password,
                              const char *user_id);

hug_status hug_password_check_change(const struct hug_password_policy *policy,
                                     const char *user_id,
                                     const char *current,
                                     const char *new_password,
                                     const char *confirm);

hug_status hug_password_generate(const struct hug_password_policy *policy,
                                 size_t length,
                                 char **out_password);

hug_status hug_billing_calendar_new(struct hug_billing_calendar **out);

hug_status hug_billing_calendar_from_rulebook_json(const char *json,
                                                   struct hug_billing_calendar **out);

hug_status hug_billing_calendar_from_rulebook_toml(const char *toml,
                                                   struct hug_billing_calendar **out);

void hug_billing_calendar_free(struct hug_billing_calendar *billing);

hug_status hug_billing_calendar_set_calendar(struct hug_billing_calendar *billing,
                                             const struct hug_calendar *calendar);

hug_status hug_billing_calendar_rulebook_json(const struct hug_billing_calendar *billing,
                                              char **out_json);

hug_status hug_schedule_month_json(const struct hug_billing_calendar *billing,
                                   struct hug_year_month service_month,
                                   char **out_json);

hug_status hug_schedule_claim_window(const struct hug_billing_calendar *billing,
                                     struct hug_year_month service_month,
                                     struct hug_datetime *out_opens,
                                     struct hug_datetime *out_closes);

hug_status hug_schedule_window_at(const struct hug_billing_calendar *billing,
                                  struct hug_datetime at,
                                  bool *out_open,
                                  struct hug_year_month *out_service_month);

hug_status hug_schedule_next_deadline_json(const struct hug_billing_calendar *billing,
                                           struct hug_datetime at,
                                           char **out_json);

hug_status hug_schedule_events_on_json(const struct hug_billing_calendar *billing,
                                       struct hug_date date,
                                       char **out_json);

hug_status hug_schedule_ical(const struct hug_billing_calendar *billing,
                             struct hug_year_month from,
                             struct hug_year_month to,
                             struct hug_datetime dtstamp_utc,
                             char **out_ics);

hug_status hug_year_month_parse(const char *text, struct hug_year_month *out);

hug_status hug_datetime_parse(const char *text, struct hug_datetime *out);

hug_status hug_billing_calendar_for_facility(const struct hug_facility_number *facility,
                                             struct hug_billing_calendar **out);

hug_status hug_billing_calendar_for_prefecture(const char *code, struct hug_billing_calendar **out);

hug_status hug_rulebook_for_facility(const struct hug_facility_number *facility, char **out_json);

hug_status hug_rulebook_for_prefecture(const char *code, char **out_json);

hug_status hug_rulebook_registry_json(char **out_json);

hug_status hug_document_kinds_json(char **out_json);

hug_status hug_text_to_halfwidth_ascii(const char *text, char **out);

hug_status hug_text_normalize(const char *text, char **out);

hug_status hug_text_collapse_spaces(const char *text, char **out);

hug_status hug_text_halfwidth_to_fullwidth_katakana(const char *text, char **out);

hug_status hug_text_fullwidth_to_halfwidth_katakana(const char *text, char **out);

hug_status hug_text_classify_katakana(const char *text,
                                      hug_kana_class *out_class,
                                      size_t *out_position);

hug_status hug_text_find_control(const char *text,
                                 bool *out_found,
                                 size_t *out_position,
                                 uint32_t *out_char);

hug_status hug_era_table_from_json(const char *json,
                                   struct hug_era_table **out);

void hug_era_table_free(struct hug_era_table *table);

hug_status hug_wareki_parse_date(const char *text,
                                 bool lenient,
                                 const struct hug_era_table *table,
                                 struct hug_date *out);

hug_status hug_wareki_parse(const char *text,
                            bool lenient,
                            const struct hug_era_table *table,
                            struct hug_partial_date *out);

hug_status hug_wareki_format(struct hug_date date,
                             hug_wareki_style style,
                             const struct hug_era_table *table,
                             char **out);
