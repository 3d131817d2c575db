<?php
// A PHP host of libhug_onboard through PHP's FFI extension (no C compiler, no glue code):
// the declarations are include/hug_onboard_ffi.h, taken by FFI::cdef() unchanged.
//
// Usage: php -d ffi.enable=1 tests/c/hosts/flow.php LIBRARY DECLARATIONS REPO_ROOT
// Run by tests/c/run. Prints one line per step; exits 1 on the first failed check.
// The flow is the billing app's: a notice, a password, a .p12 (and a wrong password), the
// certificate's status, a month's schedule, a facility's readiness; every error is read
// through the last-error functions.
declare(strict_types=1);

if ($argc !== 4) {
    fwrite(STDERR, "usage: flow.php LIBRARY DECLARATIONS REPO_ROOT\n");
    exit(2);
}
[, $lib, $decl, $root] = $argv;
if (!extension_loaded('FFI')) {
    fwrite(STDERR, "the FFI extension is not loaded (Debian: php-cli ships it; see ffi.enable)\n");
    exit(2);
}
// "1"/"true": everywhere; "preload": the CLI and preloaded scripts only (Debian's default).
$enable = strtolower((string) ini_get('ffi.enable'));
if (!in_array($enable, ['1', 'on', 'true', 'preload'], true)) {
    fwrite(STDERR, "ffi.enable is '$enable': run with php -d ffi.enable=1\n");
    exit(2);
}

$hug = FFI::cdef(file_get_contents($decl), $lib);

function check(bool $ok, string $what): void
{
    if (!$ok) {
        fwrite(STDERR, "FAILED: $what\n");
        exit(1);
    }
}

/**
 * A library-owned `const char *` (a return value or a struct field): PHP FFI already
 * converts it to a PHP string (NULL to null). A `char *` the caller must free stays a
 * CData: see take_string().
 */
function cstr(string|FFI\CData|null $v): ?string
{
    return $v instanceof FFI\CData ? FFI::string($v) : $v;
}

/** The last error of this thread, read through every last-error function. */
function last_error(FFI $hug): array
{
    $n = $hug->hug_last_error_count();
    $problems = [];
    for ($i = 0; $i < $n; $i++) {
        $problems[] = [
            'code' => cstr($hug->hug_last_error_code_at($i)),
            'severity' => $hug->hug_last_error_severity_at($i),
            'ja' => cstr($hug->hug_last_error_message_at($i, $hug->HUG_LANG_JA)),
            'en' => cstr($hug->hug_last_error_message_at($i, $hug->HUG_LANG_EN)),
        ];
    }
    $json = $hug->hug_last_error_json();
    $doc = json_decode(FFI::string($json), true, 512, JSON_THROW_ON_ERROR);
    $hug->hug_string_free($json);
    check($doc['status'] === $hug->hug_last_error_status(), 'the JSON status is hug_last_error_status()');
    check(count($doc['problems']) === $n, 'the JSON has every problem');
    return [
        'status' => $hug->hug_last_error_status(),
        'code' => cstr($hug->hug_last_error_code()),
        'message_ja' => cstr($hug->hug_last_error_message($hug->HUG_LANG_JA)),
        'message_en' => cstr($hug->hug_last_error_message($hug->HUG_LANG_EN)),
        'problems' => $problems,
    ];
}

/** A library string (char * out-parameter) as PHP text; frees it. */
function take_string(FFI $hug, FFI\CData $s): string
{
    $text = FFI::string($s);
    $hug->hug_string_free($s);
    return $text;
}

function date_of(FFI $hug, int $y, int $m, int $d): FFI\CData
{
    $v = $hug->new('hug_date');
    [$v->year, $v->month, $v->day] = [$y, $m, $d];
    return $v;
}

$t0 = hrtime(true);
$version = cstr($hug->hug_version());
check($version === sprintf('%d.%d.%d', $hug->HUG_ONBOARD_VERSION_MAJOR, $hug->HUG_ONBOARD_VERSION_MINOR,
    $hug->HUG_ONBOARD_VERSION_PATCH), "version $version");

// 1. The registration notice (登録結果通知) as OCR or typed text.
$notice = $hug->new('hug_notice *');
$text = file_get_contents("$root/tests/fixtures/notices/production_notice.txt");
check($hug->hug_notice_parse($text, FFI::addr($notice)) === $hug->HUG_OK, 'notice parses');
$s = $hug->new('char *');
check($hug->hug_notice_field($notice, $hug->HUG_NOTICE_FIELD_FACILITY_NUMBER, FFI::addr($s)) === $hug->HUG_OK, 'field');
$facility = take_string($hug, $s);
check($facility === '1312345678', "facility number $facility");
$hug->hug_notice_free($notice);
check($hug->hug_notice_parse('', FFI::addr($notice)) === $hug->HUG_ERR_VALIDATION, 'empty notice refused');
$e = last_error($hug);
check($e['code'] === 'notice.empty' && $e['message_ja'] !== '' && $e['message_en'] !== '', 'notice error');
echo "notice: $facility; empty text -> [{$e['code']}] {$e['message_en']}\n";

// 2. A password for the production screen.
$policy = $hug->new('hug_password_policy *');
check($hug->hug_password_policy_new($hug->HUG_PASSWORD_PROFILE_PRODUCTION, FFI::addr($policy)) === $hug->HUG_OK, 'policy');
check($hug->hug_password_check($policy, 'Kokuho2024!', 'P1312345') === $hug->HUG_OK, 'good password');
check($hug->hug_password_check($policy, 'abc~', null) === $hug->HUG_ERR_VALIDATION, 'bad password refused');
$e = last_error($hug);
check(count($e['problems']) >= 2, 'every password problem at once');
check($e['problems'][0]['severity'] === $hug->HUG_SEVERITY_ERROR, 'severity');
echo 'password: abc~ -> ', implode(', ', array_column($e['problems'], 'code')), "\n";
$hug->hug_password_policy_free($policy);

// 3. The .p12 (電子証明書): a PHP string is the byte buffer (const void *data).
$p12 = file_get_contents("$root/tests/fixtures/guide-openssl3.p12");
$cert = $hug->new('hug_certificate *');
check($hug->hug_certificate_open($p12, strlen($p12), 'WrongPass999', FFI::addr($cert)) === $hug->HUG_ERR_WRONG_PASSWORD,
    'wrong password refused');
$e = last_error($hug);
check($e['code'] === 'certificate.wrong_password', 'wrong password code');
echo "p12 wrong password -> [{$e['code']}] {$e['message_ja']}\n";
check($hug->hug_certificate_open($p12, strlen($p12), 'TestPass123', FFI::addr($cert)) === $hug->HUG_OK, 'p12 opens');
[$from, $to] = [$hug->new('hug_date'), $hug->new('hug_date')];
[$nb, $na] = [$hug->new('hug_datetime'), $hug->new('hug_datetime')];
check($hug->hug_certificate_validity($cert, FFI::addr($from), FFI::addr($to), FFI::addr($nb), FFI::addr($na))
    === $hug->HUG_OK, 'validity');
check([$to->year, $to->month, $to->day] === [2026, 9, 15], 'valid to 2026-09-15');
// A bool out-parameter is a PHP bool through ->cdata.
$present = $hug->new('bool');
$fn = $hug->new('hug_facility_number');
check($hug->hug_certificate_facility_number($cert, FFI::addr($present), FFI::addr($fn)) === $hug->HUG_OK, 'cert facility');
check(is_bool($present->cdata), 'bool out-parameter reads as a PHP bool');
$hug->hug_certificate_free($cert);

// 4. The certificate's status on a day, with the default rules.
$rules = $hug->new('hug_certificate_rules *');
check($hug->hug_certificate_rules_new(FFI::addr($rules)) === $hug->HUG_OK, 'rules');
$st = $hug->new('hug_certificate_status_result');
check($hug->hug_certificate_status($nb, $na, date_of($hug, 2026, 7, 1), $rules, FFI::addr($st)) === $hug->HUG_OK, 'status');
check($st->kind === $hug->HUG_CERT_RENEWAL_DUE && cstr($st->code) === 'certificate.status.renewal_due', 'renewal due');
check(is_bool($st->remind_today), 'a bool field reads as a PHP bool');
check($hug->hug_certificate_status($nb, $na, date_of($hug, 2026, 2, 30), $rules, FFI::addr($st))
    === $hug->HUG_ERR_INVALID_ARGUMENT, 'impossible date refused');
$e = last_error($hug);
check($e['code'] === 'ffi.invalid_date', 'invalid date code');
check($hug->hug_certificate_status($nb, $na, date_of($hug, 2026, 7, 1), null, FFI::addr($st))
    === $hug->HUG_ERR_NULL_ARGUMENT, 'NULL rules refused');
check(last_error($hug)['code'] === 'ffi.null_argument', 'null argument code');
echo "certificate: valid to 2026-09-15, on 2026-07-01 {$st->days_left} days left (", cstr($st->code), ")\n";
$hug->hug_certificate_rules_free($rules);

// 5. A month's schedule (claim window, documents, payment).
$billing = $hug->new('hug_billing_calendar *');
check($hug->hug_billing_calendar_new(FFI::addr($billing)) === $hug->HUG_OK, 'billing calendar');
$month = $hug->new('hug_year_month');
[$month->year, $month->month] = [2026, 4];
$json = $hug->new('char *');
check($hug->hug_schedule_month_json($billing, $month, FFI::addr($json)) === $hug->HUG_OK, 'schedule');
$schedule = json_decode(take_string($hug, $json), true, 512, JSON_THROW_ON_ERROR);
check($schedule['claim_month'] === '2026-05', 'claim month');
echo "schedule 2026-04: window {$schedule['window']['opens']} .. {$schedule['window']['closes']}\n";
$month->month = 13;
check($hug->hug_schedule_month_json($billing, $month, FFI::addr($json)) !== $hug->HUG_OK, 'month 13 refused');
$e = last_error($hug);
echo "schedule 2026-13 -> [{$e['code']}] {$e['message_en']}\n";

// 6. Readiness of a saved state on a day.
$onb = $hug->new('hug_onboarding *');
$state = file_get_contents("$root/tests/fixtures/states/v1_complete.json");
check($hug->hug_onboarding_from_json($state, FFI::addr($onb)) === $hug->HUG_OK, 'state loads');
$canBill = $hug->new('bool');
check($hug->hug_onboarding_readiness_json($onb, date_of($hug, 2026, 11, 25), $billing, FFI::addr($canBill), FFI::addr($json))
    === $hug->HUG_OK, 'readiness');
$report = json_decode(take_string($hug, $json), true, 512, JSON_THROW_ON_ERROR);
check($report['can_bill'] === $canBill->cdata, 'can_bill agrees with the JSON');
echo 'readiness 2026-11-25: can_bill=', var_export($canBill->cdata, true), ', ', count($report['findings']), " findings\n";
check($hug->hug_onboarding_from_json('{}', FFI::addr($onb)) !== $hug->HUG_OK, 'bad state refused');
$e = last_error($hug);
echo "state {} -> [{$e['code']}]\n";
$hug->hug_onboarding_free($onb);
$hug->hug_billing_calendar_free($billing);

// 7. A bug in the library is a status, never a crash (and nothing on stderr).
check($hug->hug_selftest_panic() === $hug->HUG_ERR_PANIC, 'panic caught');
check(last_error($hug)['code'] === 'ffi.panic', 'panic code');
check($hug->hug_date_validate(date_of($hug, 2024, 2, 29)) === $hug->HUG_OK, 'after a panic the library works');
check($hug->hug_last_error_count() === 0 && $hug->hug_last_error_code() === null, 'success clears the last error');

printf("php flow: ok (%.1f ms in the flow)\n", (hrtime(true) - $t0) / 1e6);
