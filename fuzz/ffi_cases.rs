// The C ABI fuzz targets' bodies, shared by `fuzz/fuzz_targets/ffi_*.rs` and the replay test
// `hug-onboard-ffi/tests/fuzz_regressions.rs` (both `include!` this file), so that a crash input
// checked in under `tests/fuzz-regressions/ffi_*/` replays through exactly the same calls.

use std::ffi::{CString, c_char};
use std::mem::MaybeUninit;
use std::ptr;

use hug_onboard::{calendar, certificate, facility, notice, onboarding, password, schedule, text, wareki};

unsafe fn free_string(s: *mut c_char) {
    unsafe { hug_onboard::hug_string_free(s) }
}

/// The `ffi_strings` target's checks on one input.
pub fn ffi_strings(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest
        .split(|&b| b == 0)
        .map(|p| CString::new(p).unwrap_or_default());
    let a = parts.next().unwrap_or_default();
    let b = parts.next().unwrap_or_default();
    let (a, b) = (a.as_ptr(), b.as_ptr());
    let mut s: *mut c_char = ptr::null_mut();
    // SAFETY: every pointer is valid for the call (NUL-terminated strings, out-params on the stack).
    unsafe {
        match sel % 24 {
            0 => {
                let mut n = ptr::null_mut();
                if notice::hug_notice_parse(a, &mut n) == hug_onboard::hug_status::HUG_OK {
                    notice::hug_notice_to_json(n, &mut s);
                    free_string(s);
                    s = ptr::null_mut();
                    notice::hug_notice_reveal_json(n, &mut s);
                }
                notice::hug_notice_free(n);
            }
            1 => {
                let mut n = ptr::null_mut();
                notice::hug_notice_from_json(a, &mut n);
                notice::hug_notice_free(n);
            }
            2 => {
                let mut d = MaybeUninit::uninit();
                wareki::hug_wareki_parse_date(a, sel & 32 != 0, ptr::null(), d.as_mut_ptr());
            }
            3 => {
                let mut d = MaybeUninit::uninit();
                wareki::hug_wareki_parse(a, sel & 32 != 0, ptr::null(), d.as_mut_ptr());
            }
            4 => {
                let mut t = ptr::null_mut();
                wareki::hug_era_table_from_json(a, &mut t);
                let mut d = MaybeUninit::uninit();
                wareki::hug_wareki_parse_date(b, false, t, d.as_mut_ptr());
                wareki::hug_era_table_free(t);
            }
            5 => {
                let mut n = MaybeUninit::uninit();
                facility::hug_facility_number_parse(a, n.as_mut_ptr());
            }
            6 => {
                facility::hug_user_id_parse(a, &mut s);
            }
            7 => {
                facility::hug_facility_profile_validate_json(a, b, &mut s);
            }
            8 => {
                let mut p = ptr::null_mut();
                password::hug_password_policy_from_json(c"{}".as_ptr(), &mut p);
                password::hug_password_check(p, a, b);
                password::hug_password_check_change(p, b, a, a, b);
                password::hug_password_policy_free(p);
            }
            9 => {
                let mut p = ptr::null_mut();
                if password::hug_password_policy_from_json(a, &mut p)
                    == hug_onboard::hug_status::HUG_OK
                {
                    password::hug_password_check(p, b, ptr::null());
                }
                password::hug_password_policy_free(p);
            }
            10 => {
                let mut c = ptr::null_mut();
                schedule::hug_billing_calendar_from_rulebook_json(a, &mut c);
                schedule::hug_billing_calendar_free(c);
                let mut c = ptr::null_mut();
                schedule::hug_billing_calendar_for_prefecture(b, &mut c);
                schedule::hug_billing_calendar_free(c);
                schedule::hug_rulebook_for_prefecture(b, &mut s);
            }
            11 => {
                let mut c = ptr::null_mut();
                schedule::hug_billing_calendar_from_rulebook_toml(a, &mut c);
                schedule::hug_billing_calendar_free(c);
            }
            12 => {
                let mut m = MaybeUninit::uninit();
                schedule::hug_year_month_parse(a, m.as_mut_ptr());
                let mut t = MaybeUninit::uninit();
                schedule::hug_datetime_parse(b, t.as_mut_ptr());
            }
            13 => {
                let mut o = ptr::null_mut();
                if onboarding::hug_onboarding_from_json(a, &mut o)
                    == hug_onboard::hug_status::HUG_OK
                {
                    onboarding::hug_onboarding_to_json(o, &mut s);
                    free_string(s);
                    s = ptr::null_mut();
                    onboarding::hug_onboarding_undo(o, b);
                    onboarding::hug_onboarding_add_billing_pc(o, b);
                    let mut done = false;
                    onboarding::hug_onboarding_is_done(o, b, &mut done);
                }
                onboarding::hug_onboarding_free(o);
            }
            14 => {
                let mut o = ptr::null_mut();
                onboarding::hug_onboarding_new(a, &mut o);
                onboarding::hug_onboarding_free(o);
            }
            15 => {
                let mut c = ptr::null_mut();
                calendar::hug_calendar_from_json(a, &mut c);
                calendar::hug_calendar_free(c);
            }
            16 => {
                let mut r = ptr::null_mut();
                certificate::hug_certificate_rules_from_json(a, &mut r);
                certificate::hug_certificate_rules_free(r);
            }
            17 => {
                let mut l = MaybeUninit::uninit();
                certificate::hug_certificate_lifecycle_apply_json(a, b, l.as_mut_ptr(), &mut s);
            }
            18 => {
                text::hug_text_normalize(a, &mut s);
            }
            19 => {
                text::hug_text_to_halfwidth_ascii(a, &mut s);
                free_string(s);
                s = ptr::null_mut();
                text::hug_text_collapse_spaces(a, &mut s);
            }
            20 => {
                text::hug_text_halfwidth_to_fullwidth_katakana(a, &mut s);
                free_string(s);
                s = ptr::null_mut();
                text::hug_text_fullwidth_to_halfwidth_katakana(a, &mut s);
            }
            21 => {
                let (mut class, mut pos) = (MaybeUninit::uninit(), 0usize);
                text::hug_text_classify_katakana(a, class.as_mut_ptr(), &mut pos);
                let (mut found, mut ch) = (false, 0u32);
                text::hug_text_find_control(a, &mut found, &mut pos, &mut ch);
            }
            22 => {
                let mut d = MaybeUninit::uninit();
                hug_onboard::hug_date_parse(a, d.as_mut_ptr());
                let mut l = MaybeUninit::uninit();
                hug_onboard::hug_lang_parse(b, l.as_mut_ptr());
            }
            _ => {
                onboarding::hug_onboarding_evaluate_many_json(
                    a,
                    b,
                    hug_onboard::hug_date {
                        year: 2026,
                        month: 11,
                        day: 25,
                    },
                    ptr::null(),
                    &mut s,
                );
            }
        }
        free_string(s);
        // The last error is thread-local; reading it must never fail either.
        let j = hug_onboard::hug_last_error_json();
        free_string(j);
    }
}

/// The `ffi_p12` target's checks on one input.
pub fn ffi_p12(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let (pw, file): (CString, &[u8]) = match sel % 4 {
        0 => (c"TestPass123".to_owned(), rest),
        1 => (c"WrongPass123".to_owned(), rest),
        2 => (c"".to_owned(), rest),
        _ => {
            let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            let pw = CString::new(&rest[..cut]).unwrap_or_default();
            (pw, rest.get(cut + 1..).unwrap_or(&[]))
        }
    };
    // SAFETY: `file` is valid for `file.len()` bytes, `pw` is NUL-terminated.
    unsafe {
        let mut c = ptr::null_mut();
        let st = if sel & 4 == 0 {
            certificate::hug_certificate_inspect(file.as_ptr().cast(), file.len(), pw.as_ptr(), &mut c)
        } else {
            certificate::hug_certificate_open(file.as_ptr().cast(), file.len(), pw.as_ptr(), &mut c)
        };
        if st == hug_onboard::hug_status::HUG_OK {
            let mut s: *mut c_char = ptr::null_mut();
            certificate::hug_certificate_info_json(c, &mut s);
            free_string(s);
            s = ptr::null_mut();
            certificate::hug_certificate_findings_json(c, c"1312345678".as_ptr(), &mut s);
            free_string(s);
        }
        certificate::hug_certificate_free(c);
        hug_onboard::hug_string_free(hug_onboard::hug_last_error_json());
    }
}
