//! hug-onboard-ffi: the C ABI of hug-onboard (`libhug_onboard`, `include/hug_onboard.h`).
//!
//! Every exported function follows the "API conventions" of this crate's
//! README: `hug_` prefix, a `hug_status` result, out-parameters written only on
//! success, a thread-local last error with the core's codes and messages in
//! Japanese and English, panics caught at the boundary, UTF-8 checked, every
//! enum integer validated.
//!
//! The header is generated from this crate by cbindgen and committed; the test
//! `tests/header.rs` fails when it is stale (`HUG_BLESS_HEADER=1 cargo test -p
//! hug-onboard-ffi --test header` regenerates it).

#![deny(missing_docs)]
#![allow(non_camel_case_types)]

use std::ffi::{CString, c_char};
use std::sync::OnceLock;

use hug_onboard_core::diagnostic::{CodeInfo, Declared, ErrorKind, Lang, LangError};

pub mod calendar;
pub mod certificate;
mod error;
pub mod facility;
pub mod notice;
pub mod onboarding;
pub mod password;
mod quiet_panic;
pub mod schedule;
pub mod text;
pub mod wareki;

pub use error::hug_status;
use error::{Failure, FfiProblem, arg_lang, arg_out, ffi_boundary, guard};

// ---- enums from C: integers with #defined values ---------------------------------

/// A message language, as an integer: `HUG_LANG_JA` or `HUG_LANG_EN`.
pub type hug_lang = i32;
/// Japanese.
pub const HUG_LANG_JA: hug_lang = 0;
/// English.
pub const HUG_LANG_EN: hug_lang = 1;

/// The severity of a problem, as an integer: `HUG_SEVERITY_INFO`, `_WARNING` or `_ERROR`.
pub type hug_severity = i32;
/// Something to know; nothing is wrong.
pub const HUG_SEVERITY_INFO: hug_severity = 0;
/// Works, but the user should act.
pub const HUG_SEVERITY_WARNING: hug_severity = 1;
/// The input is refused or the step cannot go on.
pub const HUG_SEVERITY_ERROR: hug_severity = 2;

// ---- dates --------------------------------------------------------------------

/// A calendar date (proleptic Gregorian). Validated whenever it comes from C.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct hug_date {
    /// The year, e.g. 2019.
    pub year: i32,
    /// The month, 1-12.
    pub month: u8,
    /// The day of the month, 1-31.
    pub day: u8,
}

impl hug_date {
    /// The date as chrono's, or the `ffi.invalid_date` failure.
    #[allow(dead_code)]
    pub(crate) fn to_naive(self, param: &'static str) -> Result<chrono::NaiveDate, Failure> {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month.into(), self.day.into()).ok_or(
            Failure::ffi(FfiProblem::InvalidDate {
                param,
                year: self.year,
                month: self.month,
                day: self.day,
            }),
        )
    }

    /// The C value of a chrono date.
    #[allow(dead_code)]
    pub(crate) fn from_naive(d: chrono::NaiveDate) -> hug_date {
        use chrono::Datelike;
        hug_date {
            year: d.year(),
            // month() is 1-12 and day() 1-31: both fit a u8.
            month: u8::try_from(d.month()).unwrap_or(0),
            day: u8::try_from(d.day()).unwrap_or(0),
        }
    }
}

/// Checks that a `hug_date` is a real date (2019-02-29 is not).
///
/// Returns `HUG_OK`, or `HUG_ERR_INVALID_ARGUMENT` with code `ffi.invalid_date`.
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub extern "C" fn hug_date_validate(date: hug_date) -> hug_status {
    ffi_boundary!({ date.to_naive("date").map(|_| ()) })
}

/// Parses an ISO date `YYYY-MM-DD` (surrounding spaces allowed) into a `hug_date`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` (`calendar.invalid_date`).
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_date_parse(text: *const c_char, out: *mut hug_date) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { error::arg_str(text, "text") }?;
        let out = arg_out(out, "out")?;
        let d = hug_onboard_core::calendar::parse_date(text).map_err(|e| Failure::diag(&e))?;
        out.write(hug_date::from_naive(d));
        Ok(())
    })
}

// ---- version ----------------------------------------------------------------------

/// The library's version, e.g. `"0.1.0"`: equal to `HUG_ONBOARD_VERSION` of the header
/// the program was compiled with when the two match.
///
/// The string is static: never free it. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub extern "C" fn hug_version() -> *const c_char {
    guard(std::ptr::null(), || {
        static V: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
        V.as_ptr().cast()
    })
}

// ---- strings --------------------------------------------------------------------------

/// Frees a string the library allocated (every `char *` out-parameter). NULL is accepted and ignored.
///
/// The bytes are overwritten with zeros before the memory is released, so the
/// same function safely frees strings that hold a secret (a revealed password).
///
/// # Safety
/// `s` optional: NULL (ignored) or a string returned by this library and not yet freed.
/// Thread safety: any thread; each string is freed once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_string_free(s: *mut c_char) {
    guard((), || {
        if !s.is_null() {
            // SAFETY: allocated by CString::into_raw in this library (caller's contract).
            let c = unsafe { CString::from_raw(s) };
            let mut bytes = c.into_bytes_with_nul();
            zeroize::Zeroize::zeroize(&mut bytes);
        }
    })
}

// ---- the last error -----------------------------------------------------------------

/// The status of the last failed call on this thread, or `HUG_OK` when the last
/// status-returning call succeeded.
///
/// Does not change the last error. Thread safety: reads this thread's last error only.
#[unsafe(no_mangle)]
pub extern "C" fn hug_last_error_status() -> hug_status {
    guard(hug_status::HUG_OK, error::last_status)
}

/// The stable code of the last error on this thread (its first problem), e.g.
/// `"facility.wrong_length"`, or NULL when there is no error.
///
/// The string belongs to the library and is valid until the next status-returning
/// call on this thread. Does not change the last error. Thread safety: this thread's only.
#[unsafe(no_mangle)]
pub extern "C" fn hug_last_error_code() -> *const c_char {
    guard(std::ptr::null(), || error::last_code_at(0))
}

/// The message of the last error on this thread in `lang` (`HUG_LANG_JA` or
/// `HUG_LANG_EN`): every problem's message, joined by a line feed. NULL when
/// there is no error or `lang` is out of range.
///
/// The string belongs to the library and is valid until the next status-returning
/// call on this thread. Does not change the last error. Thread safety: this thread's only.
#[unsafe(no_mangle)]
pub extern "C" fn hug_last_error_message(lang: hug_lang) -> *const c_char {
    guard(std::ptr::null(), || {
        error::lang_from_int(lang).map_or(std::ptr::null(), error::last_message)
    })
}

/// How many problems the last error on this thread holds (0 when there is none).
///
/// Does not change the last error. Thread safety: this thread's only.
#[unsafe(no_mangle)]
pub extern "C" fn hug_last_error_count() -> usize {
    guard(0, error::last_count)
}

/// The code of problem `index` (0-based) of the last error, or NULL when `index`
/// is not below `hug_last_error_count()`.
///
/// Lifetime as `hug_last_error_code`. Thread safety: this thread's only.
#[unsafe(no_mangle)]
pub extern "C" fn hug_last_error_code_at(index: usize) -> *const c_char {
    guard(std::ptr::null(), || error::last_code_at(index))
}

/// The message of problem `index` of the last error in `lang`, or NULL when
/// `index` or `lang` is out of range.
///
/// Lifetime as `hug_last_error_code`. Thread safety: this thread's only.
#[unsafe(no_mangle)]
pub extern "C" fn hug_last_error_message_at(index: usize, lang: hug_lang) -> *const c_char {
    guard(std::ptr::null(), || {
        error::lang_from_int(lang).map_or(std::ptr::null(), |l| error::last_message_at(index, l))
    })
}

/// The severity (`HUG_SEVERITY_*`) of problem `index` of the last error, or -1
/// when `index` is out of range.
///
/// Thread safety: this thread's only.
#[unsafe(no_mangle)]
pub extern "C" fn hug_last_error_severity_at(index: usize) -> hug_severity {
    guard(-1, || error::last_severity_at(index))
}

/// The last error on this thread as a JSON document (schema in the README:
/// `{"status":200,"problems":[{"code","severity","message_ja","message_en"}]}`;
/// `{"status":0,"problems":[]}` when there is none).
///
/// Free the result with `hug_string_free`. Returns NULL only if memory is
/// exhausted. Does not change the last error. Thread safety: this thread's only.
#[unsafe(no_mangle)]
pub extern "C" fn hug_last_error_json() -> *mut c_char {
    guard(std::ptr::null_mut(), || {
        error::last_json()
            .and_then(|s| error::new_c_string(s).ok())
            .unwrap_or(std::ptr::null_mut())
    })
}

// ---- the code catalogue -------------------------------------------------------------

struct CatalogueEntry {
    code: CString,
    severity: hug_severity,
    summary: CString,
}

fn catalogue_infos() -> Vec<CodeInfo> {
    let mut v = hug_onboard_core::all_codes();
    v.extend_from_slice(<error::FfiProblem as Declared>::CODES);
    v
}

/// One entry of `hug_code_catalogue_json`: the catalogue entry and the status
/// its kind maps to.
#[derive(serde::Serialize)]
struct CatalogueJson {
    code: &'static str,
    kind: ErrorKind,
    status: i32,
    severity: hug_onboard_core::Severity,
    summary: &'static str,
}

fn catalogue() -> &'static [CatalogueEntry] {
    static C: OnceLock<Vec<CatalogueEntry>> = OnceLock::new();
    C.get_or_init(|| {
        catalogue_infos()
            .into_iter()
            .map(|c| CatalogueEntry {
                code: error::cstring_lossless(c.code),
                severity: error::severity_to_int(c.severity),
                summary: error::cstring_lossless(c.summary),
            })
            .collect()
    })
}

/// The static C string of a catalogued code (NULL if the code is not catalogued).
pub(crate) fn static_code(code: &str) -> *const c_char {
    catalogue()
        .iter()
        .find(|e| e.code.as_bytes() == code.as_bytes())
        .map_or(std::ptr::null(), |e| e.code.as_ptr())
}

/// How many codes the library can emit: the core's catalogue followed by the
/// C boundary's own `ffi.*` codes.
///
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub extern "C" fn hug_code_count() -> usize {
    guard(0, || catalogue().len())
}

/// Entry `index` (0-based, below `hug_code_count()`) of the code catalogue: its
/// code, usual severity and a one-line English summary.
///
/// The strings are static: never free them.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.index_out_of_range`).
///
/// # Safety
/// The out-pointers writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_code_get(
    index: usize,
    out_code: *mut *const c_char,
    out_severity: *mut hug_severity,
    out_summary: *mut *const c_char,
) -> hug_status {
    ffi_boundary!({
        let (oc, os, osum) = (
            arg_out(out_code, "out_code")?,
            arg_out(out_severity, "out_severity")?,
            arg_out(out_summary, "out_summary")?,
        );
        let all = catalogue();
        let e = all
            .get(index)
            .ok_or(Failure::ffi(FfiProblem::IndexOutOfRange {
                index,
                len: all.len(),
            }))?;
        oc.write(e.code.as_ptr());
        os.write(e.severity);
        osum.write(e.summary.as_ptr());
        Ok(())
    })
}

/// The whole code catalogue as JSON:
/// `[{"code":"facility.empty","kind":"invalid_input","status":200,"severity":"error","summary":"..."}, ...]`
/// (`status` is the `hug_status` a failure of that kind returns).
///
/// Free the result with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_code_catalogue_json(out_json: *mut *mut c_char) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out_json, "out_json")?;
        let v: Vec<CatalogueJson> = catalogue_infos()
            .into_iter()
            .map(|c| CatalogueJson {
                code: c.code,
                kind: c.kind,
                status: error::status_of(c.kind) as i32,
                severity: c.severity,
                summary: c.summary,
            })
            .collect();
        out.write(error::new_json_string(&v)?);
        Ok(())
    })
}

/// The message language integer for a tag: `"ja"` → `HUG_LANG_JA`, `"en"` → `HUG_LANG_EN`
/// (case-insensitive; `"jp"`, `"en-US"` and the like accepted).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`, `HUG_ERR_INVALID_ARGUMENT` (`lang.unknown`
/// for an unknown tag, the code the Python face uses too).
///
/// # Safety
/// `tag` a NUL-terminated string; `out_lang` writable.
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_lang_parse(tag: *const c_char, out_lang: *mut hug_lang) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let tag = unsafe { error::arg_str(tag, "tag") }?;
        let out = arg_out(out_lang, "out_lang")?;
        let lang: Lang = tag.parse().map_err(|e: LangError| Failure::diag(&e))?;
        out.write(match lang {
            Lang::Ja => HUG_LANG_JA,
            Lang::En => HUG_LANG_EN,
        });
        Ok(())
    })
}

/// Always fails with `HUG_ERR_PANIC` (code `ffi.panic`): it panics inside the
/// boundary on purpose, so that bindings can test that a panic never crosses
/// into C and that a caught panic prints nothing (the message is in the last error).
/// Never call it in production code.
///
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub extern "C" fn hug_selftest_panic() -> hug_status {
    ffi_boundary!({
        let v: Vec<u8> = Vec::new();
        let i = v.len() + 1;
        if i > 0 {
            panic!("hug_selftest_panic: deliberate panic");
        }
        Ok(())
    })
}

/// Checks the integer of a `hug_lang` (helper shared by the modules).
#[allow(dead_code)]
pub(crate) fn lang_arg(v: hug_lang) -> Result<Lang, Failure> {
    arg_lang(v, "lang")
}

#[cfg(test)]
mod tests {
    use super::*;
    use hug_onboard_core::certificate::{RenewalFinding, StatusKind};

    #[test]
    fn codes_in_plain_structs_are_catalogued() {
        let kinds = [
            StatusKind::NotYetValid,
            StatusKind::Valid,
            StatusKind::RenewalDue,
            StatusKind::Urgent,
            StatusKind::Expired,
        ];
        for k in kinds {
            assert!(!static_code(k.code()).is_null(), "{}", k.code());
        }
        let findings = [
            RenewalFinding::NotYet,
            RenewalFinding::ApplyNow,
            RenewalFinding::ApplyByPassed,
            RenewalFinding::Expired,
        ];
        for f in findings {
            assert!(!static_code(f.code()).is_null(), "{}", f.code());
        }
        assert!(static_code("no.such_code").is_null());
    }

    #[test]
    fn catalogue_has_every_core_code_and_the_ffi_codes() {
        let n = hug_onboard_core::all_codes().len() + <error::FfiProblem as Declared>::CODES.len();
        assert_eq!(hug_code_count(), n);
    }

    #[test]
    fn panics_never_cross_the_boundary() {
        assert_eq!(hug_selftest_panic(), hug_status::HUG_ERR_PANIC);
        assert_eq!(hug_last_error_status(), hug_status::HUG_ERR_PANIC);
    }
}
