//! The 電子証明書 (.p12): open or inspect with its password, read it, its status on a
//! day, and the renewal plan.

use std::ffi::{c_char, c_void};

use chrono::{DateTime, TimeZone, Utc};
use hug_onboard_core::certificate::{
    self, CertificateError, P12Info, RenewalFinding, StatusKind, Validity,
};
use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::facility::FacilityNumber;
use hug_onboard_core::rules::{CertificateRules, WeekendCalendar};

use crate::error::{
    Failure, FfiProblem, arg_bytes, arg_out, arg_ref, arg_str, ffi_boundary, hug_status,
    new_c_string, new_json_string,
};
use crate::facility::hug_facility_number;
use crate::schedule::{hug_billing_calendar, hug_datetime};
use crate::{hug_date, static_code};

/// A certificate read from a .p12 file. Opaque; made by `hug_certificate_open` or
/// `hug_certificate_inspect`, freed by `hug_certificate_free`. It holds the facts of the
/// certificate (never the private key). Read-only: may be shared by threads.
pub struct hug_certificate {
    info: P12Info,
    key_algorithm: Option<String>,
}

/// The rules of the certificate (renewal notice days, issuance lead time, cut-off day,
/// fee, validity): data with defaults, overridable per 国保連. Opaque; made by
/// `hug_certificate_rules_new` or `hug_certificate_rules_from_json`, freed by
/// `hug_certificate_rules_free`. Read-only: may be shared by threads.
pub struct hug_certificate_rules {
    inner: CertificateRules,
}

/// A certificate's status on a day (`hug_certificate_status_result.kind`), as an integer.
pub type hug_certificate_status_kind = i32;
/// Before its first valid day.
pub const HUG_CERT_NOT_YET_VALID: hug_certificate_status_kind = 0;
/// Valid, renewal not yet due.
pub const HUG_CERT_VALID: hug_certificate_status_kind = 1;
/// Within the renewal notice period (90 days by default).
pub const HUG_CERT_RENEWAL_DUE: hug_certificate_status_kind = 2;
/// Close to expiry: renew now.
pub const HUG_CERT_URGENT: hug_certificate_status_kind = 3;
/// Expired: the facility must apply as new.
pub const HUG_CERT_EXPIRED: hug_certificate_status_kind = 4;

/// The status of a certificate on a day.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct hug_certificate_status_result {
    /// `HUG_CERT_*`.
    pub kind: hug_certificate_status_kind,
    /// The stable code, e.g. `"certificate.status.renewal_due"` (static: never free it).
    pub code: *const c_char,
    /// Days from today to the last valid day (negative once expired).
    pub days_left: i64,
    /// First valid day (Japan time).
    pub valid_from: hug_date,
    /// Last valid day (Japan time).
    pub valid_to: hug_date,
    /// The reminder milestone reached today (days left), or 0 for none.
    pub milestone: u32,
    /// Whether a reminder should be shown today.
    pub remind_today: bool,
}

/// Where the renewal stands (`hug_renewal_plan.kind`), as an integer.
pub type hug_renewal_kind = i32;
/// Too early to apply.
pub const HUG_RENEWAL_NOT_YET: hug_renewal_kind = 0;
/// Apply now (before `apply_by`).
pub const HUG_RENEWAL_APPLY_NOW: hug_renewal_kind = 1;
/// `apply_by` has passed: apply at once, billing may be interrupted.
pub const HUG_RENEWAL_APPLY_BY_PASSED: hug_renewal_kind = 2;
/// The certificate has expired.
pub const HUG_RENEWAL_EXPIRED: hug_renewal_kind = 3;

/// When to renew so that a new certificate is installed before the first claim window after expiry.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct hug_renewal_plan {
    /// `HUG_RENEWAL_*`.
    pub kind: hug_renewal_kind,
    /// The stable code, e.g. `"certificate.renewal.apply_now"` (static: never free it).
    pub code: *const c_char,
    /// The certificate's last valid day (Japan time).
    pub expiry_day: hug_date,
    /// When the first claim window after expiry opens (Japan time).
    pub target_window_opens: hug_datetime,
    /// The new certificate must be installed by this day.
    pub install_by: hug_date,
    /// Apply by this day (install_by minus the issuance lead time and any cut-off).
    pub apply_by: hug_date,
    /// Days from today to `apply_by` (negative when passed).
    pub days_until_apply_by: i64,
    /// Whether `apply_by` has passed.
    pub passed: bool,
    /// Whether the 国保連 has a monthly application cut-off (then `cutoff` is set).
    pub has_cutoff: bool,
    /// The application cut-off day used, or `{0, 0, 0}`.
    pub cutoff: hug_date,
}

impl hug_certificate {
    pub(crate) fn p12_info(&self) -> &P12Info {
        &self.info
    }
}

pub(crate) fn cert_failure(e: &CertificateError) -> Failure {
    Failure::diag(e)
}

fn to_utc(t: hug_datetime, param: &'static str) -> Result<DateTime<Utc>, Failure> {
    Ok(Utc.from_utc_datetime(&t.to_naive(param)?))
}

/// The `not_before_utc` / `not_after_utc` arguments as a validity period.
fn validity_arg(
    not_before_utc: hug_datetime,
    not_after_utc: hug_datetime,
) -> Result<Validity, Failure> {
    Ok(Validity::new(
        to_utc(not_before_utc, "not_before_utc")?,
        to_utc(not_after_utc, "not_after_utc")?,
    ))
}

/// Reads a .p12 with its password **and** decrypts its private key (checking that it
/// matches the certificate): what installing it on a PC needs. The key is not kept.
///
/// `data` is `const void *` so that any byte pointer converts without a cast: a C
/// `unsigned char *`, a PHP string (FFI), Python `bytes` (cffi, ctypes).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_WRONG_PASSWORD`
/// (`certificate.wrong_password`); `HUG_ERR_CORRUPT_FILE` (`certificate.empty_file`,
/// `certificate.not_pkcs12`, `certificate.malformed`, `certificate.no_certificate`,
/// `certificate.no_private_key`, `certificate.key_mismatch`); `HUG_ERR_UNSUPPORTED`
/// (`certificate.unsupported_algorithm`, `certificate.excessive_iterations`);
/// `HUG_ERR_VALIDATION` (`certificate.password_not_encodable`).
///
/// # Safety
/// `data` optional only when `len` is 0: NULL, otherwise `len` readable bytes; `password`
/// NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_open(
    data: *const c_void,
    len: usize,
    password: *const c_char,
    out: *mut *mut hug_certificate,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let bytes = unsafe { arg_bytes(data.cast(), len, "data") }?;
        // SAFETY: caller's contract.
        let password = unsafe { arg_str(password, "password") }?;
        let out = arg_out(out, "out")?;
        let o = certificate::open(bytes, password).map_err(|e| cert_failure(&e))?;
        let key_algorithm = Some(o.private_key.algorithm().to_owned());
        out.write(Box::into_raw(Box::new(hug_certificate {
            info: o.info,
            key_algorithm,
        })));
        Ok(())
    })
}

/// Reads a .p12 with its password (the password is verified) without decrypting the
/// private key: enough to check which facility it is for and when it expires.
///
/// # Errors
/// As `hug_certificate_open`, except the private-key ones.
///
/// # Safety
/// As `hug_certificate_open`. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_inspect(
    data: *const c_void,
    len: usize,
    password: *const c_char,
    out: *mut *mut hug_certificate,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let bytes = unsafe { arg_bytes(data.cast(), len, "data") }?;
        // SAFETY: caller's contract.
        let password = unsafe { arg_str(password, "password") }?;
        let out = arg_out(out, "out")?;
        let info = certificate::inspect(bytes, password).map_err(|e| cert_failure(&e))?;
        out.write(Box::into_raw(Box::new(hug_certificate {
            info,
            key_algorithm: None,
        })));
        Ok(())
    })
}

/// Frees a certificate. NULL is accepted and ignored.
///
/// # Safety
/// `cert` optional: NULL (ignored) or made by this library and not yet freed; no other thread uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_free(cert: *mut hug_certificate) {
    crate::error::guard((), || {
        if !cert.is_null() {
            // SAFETY: made by Box::into_raw in this module (caller's contract).
            drop(unsafe { Box::from_raw(cert) });
        }
    })
}

/// Everything read from the file as JSON (the core's `P12Info`: `certificate` with
/// `subject`, `issuer`, `serial_hex`, `validity`, `valid_from_jst`, `valid_to_jst`, `key`,
/// `fingerprint_sha256`, `facility_number`…; `leaf_basis`; `chain` (each certificate once,
/// never the leaf); `has_private_key`; `leaf_is_ca`; `password_verified`; the MAC and
/// encryption algorithms), plus `key_algorithm` (`"RSA"`, `"EC"`; null after
/// `hug_certificate_inspect`). Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `cert` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_info_json(
    cert: *const hug_certificate,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(cert, "cert") }?;
        let out = arg_out(out_json, "out_json")?;
        let mut v = serde_json::to_value(&c.info).map_err(|e| {
            Failure::ffi(FfiProblem::Internal {
                message: e.to_string(),
            })
        })?;
        if let Some(m) = v.as_object_mut() {
            m.insert("key_algorithm".into(), serde_json::json!(c.key_algorithm));
        }
        out.write(new_json_string(&v)?);
        Ok(())
    })
}

/// The certificate's validity: first and last valid days in Japan time, and the exact
/// notBefore and notAfter instants in UTC (what `hug_certificate_status` and
/// `hug_certificate_renewal_plan` take).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `cert` live; out-pointers writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_validity(
    cert: *const hug_certificate,
    out_valid_from: *mut hug_date,
    out_valid_to: *mut hug_date,
    out_not_before_utc: *mut hug_datetime,
    out_not_after_utc: *mut hug_datetime,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(cert, "cert") }?;
        let (of, ot, ob, on) = (
            arg_out(out_valid_from, "out_valid_from")?,
            arg_out(out_valid_to, "out_valid_to")?,
            arg_out(out_not_before_utc, "out_not_before_utc")?,
            arg_out(out_not_after_utc, "out_not_after_utc")?,
        );
        let ci = &c.info.certificate;
        of.write(hug_date::from_naive(ci.valid_from_jst));
        ot.write(hug_date::from_naive(ci.valid_to_jst));
        ob.write(hug_datetime::from_naive(ci.validity.not_before.naive_utc()));
        on.write(hug_datetime::from_naive(ci.validity.not_after.naive_utc()));
        Ok(())
    })
}

/// Whether the password was proven right when the file was read: its MAC verified, or a
/// decryption with it gave well-formed content. `false` after `hug_certificate_inspect` of a
/// file without a MAC whose certificates are not encrypted (open it with
/// `hug_certificate_open` to check the password on the key), and for a file with nothing
/// encrypted; such a file has the finding `certificate.password_unverified` and is refused
/// as evidence by `hug_onboarding_complete_with_certificate`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `cert` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_password_verified(
    cert: *const hug_certificate,
    out: *mut bool,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(cert, "cert") }?;
        arg_out(out, "out")?.write(c.info.password_verified);
        Ok(())
    })
}

/// The 10-digit facility number found in the certificate's subject, if any
/// (`out_present` false and `out` zeroed when there is none).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `cert` live; out-pointers writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_facility_number(
    cert: *const hug_certificate,
    out_present: *mut bool,
    out: *mut hug_facility_number,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(cert, "cert") }?;
        let (op, on) = (arg_out(out_present, "out_present")?, arg_out(out, "out")?);
        let n = c.info.certificate.facility_number.as_ref();
        op.write(n.is_some());
        on.write(n.map_or(
            hug_facility_number {
                digits: [0; 11],
                prefecture: 0,
            },
            crate::facility::to_c,
        ));
        Ok(())
    })
}

/// What is worth telling about the file (a CA certificate as leaf, another facility's
/// number when `expected_facility` is given, …) as JSON: `[{"code","severity","message_ja","message_en"}]`.
/// `expected_facility` is optional (NULL: no facility check). Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` (`facility.*` when
/// `expected_facility` is not a facility number).
///
/// # Safety
/// `cert` live; `expected_facility` optional: NULL (no facility check) or NUL-terminated; `out_json` writable.
/// Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_findings_json(
    cert: *const hug_certificate,
    expected_facility: *const c_char,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(cert, "cert") }?;
        let expected = if expected_facility.is_null() {
            None
        } else {
            // SAFETY: caller's contract.
            let s = unsafe { arg_str(expected_facility, "expected_facility") }?;
            Some(FacilityNumber::parse(s).map_err(|e| Failure::diag(&e))?)
        };
        let out = arg_out(out_json, "out_json")?;
        out.write(new_json_string(&c.info.findings(expected.as_ref()))?);
        Ok(())
    })
}

/// The default certificate rules (hug-onboard-core/docs/domain.md: renewal notice at 90 days, a 3-year
/// certificate for 7,800円, issuance lead time and cut-off as data).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_rules_new(
    out: *mut *mut hug_certificate_rules,
) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out, "out")?;
        out.write(Box::into_raw(Box::new(hug_certificate_rules {
            inner: CertificateRules::default(),
        })));
        Ok(())
    })
}

/// Certificate rules from JSON, every key optional (defaults for the rest), unknown keys
/// refused: `{"renewal_notice_days":90,"urgent_milestone_days":[30,14,7,3,1],"issuance_lead_days":14,
/// "application_cutoff_day":20,"fee_yen":7800,"validity_years":3}`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`, `HUG_ERR_INVALID_JSON` (`ffi.invalid_json`).
///
/// # Safety
/// `json` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_rules_from_json(
    json: *const c_char,
    out: *mut *mut hug_certificate_rules,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(json, "json") }?;
        let out = arg_out(out, "out")?;
        let inner: CertificateRules = serde_json::from_str(json).map_err(|e| {
            Failure::ffi(FfiProblem::InvalidJson {
                param: "json",
                reason: hug_onboard_core::json_reason::DataReason::from_serde(&e),
            })
        })?;
        out.write(Box::into_raw(Box::new(hug_certificate_rules { inner })));
        Ok(())
    })
}

/// Frees certificate rules. NULL is accepted and ignored.
///
/// # Safety
/// `rules` optional: NULL (ignored) or made by this library and not yet freed; no other thread uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_rules_free(rules: *mut hug_certificate_rules) {
    crate::error::guard((), || {
        if !rules.is_null() {
            // SAFETY: made by Box::into_raw in this module (caller's contract).
            drop(unsafe { Box::from_raw(rules) });
        }
    })
}

/// The status of a certificate valid from `not_before_utc` to `not_after_utc` on `today`
/// (Japan's calendar day): not yet valid / valid / renewal due / urgent / expired, with
/// the days left and whether to remind today. The message for the user is
/// `hug_certificate_status_message`. A day is judged at its first instant (00:00 JST);
/// to judge an instant (e.g. now), use `hug_certificate_status_at`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`).
///
/// # Safety
/// `rules` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_status(
    not_before_utc: hug_datetime,
    not_after_utc: hug_datetime,
    today: hug_date,
    rules: *const hug_certificate_rules,
    out: *mut hug_certificate_status_result,
) -> hug_status {
    ffi_boundary!({
        let v = validity_arg(not_before_utc, not_after_utc)?;
        let today = today.to_naive("today")?;
        // SAFETY: caller's contract.
        let rules = unsafe { arg_ref(rules, "rules") }?;
        let out = arg_out(out, "out")?;
        out.write(status_result(&certificate::status(&v, today, &rules.inner)));
        Ok(())
    })
}

fn status_result(s: &certificate::CertificateStatus) -> hug_certificate_status_result {
    hug_certificate_status_result {
        kind: match s.kind {
            StatusKind::NotYetValid => HUG_CERT_NOT_YET_VALID,
            StatusKind::Valid => HUG_CERT_VALID,
            StatusKind::RenewalDue => HUG_CERT_RENEWAL_DUE,
            StatusKind::Urgent => HUG_CERT_URGENT,
            StatusKind::Expired => HUG_CERT_EXPIRED,
        },
        code: static_code(s.code()),
        days_left: s.days_left,
        valid_from: hug_date::from_naive(s.valid_from),
        valid_to: hug_date::from_naive(s.valid_to),
        milestone: s.milestone.unwrap_or(0),
        remind_today: s.remind_today,
    }
}

/// `hug_certificate_status` at an instant `now_utc` (UTC) instead of a day: judged in
/// Japan's time as the core's `Today::At` is, so that on the expiry day a certificate whose
/// notAfter is 05:00 JST is expired from 05:00:01 JST (as a day, it is "expires today").
/// `today` of the result is `now_utc`'s day in Japan.
///
/// # Errors
/// As `hug_certificate_status` (`ffi.invalid_date` for `now_utc` too).
///
/// # Safety
/// As `hug_certificate_status`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_status_at(
    not_before_utc: hug_datetime,
    not_after_utc: hug_datetime,
    now_utc: hug_datetime,
    rules: *const hug_certificate_rules,
    out: *mut hug_certificate_status_result,
) -> hug_status {
    ffi_boundary!({
        let v = validity_arg(not_before_utc, not_after_utc)?;
        let now = to_utc(now_utc, "now_utc")?;
        // SAFETY: caller's contract.
        let rules = unsafe { arg_ref(rules, "rules") }?;
        let out = arg_out(out, "out")?;
        out.write(status_result(&certificate::status(&v, now, &rules.inner)));
        Ok(())
    })
}

/// The status of `hug_certificate_status` as a message for the user in `lang`
/// (what to do, with the dates). Free with `hug_string_free`.
///
/// # Errors
/// As `hug_certificate_status`, and `ffi.invalid_enum` for `lang`.
///
/// # Safety
/// As `hug_certificate_status`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_status_message(
    not_before_utc: hug_datetime,
    not_after_utc: hug_datetime,
    today: hug_date,
    rules: *const hug_certificate_rules,
    lang: crate::hug_lang,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        let v = validity_arg(not_before_utc, not_after_utc)?;
        let today = today.to_naive("today")?;
        // SAFETY: caller's contract.
        let rules = unsafe { arg_ref(rules, "rules") }?;
        let lang = crate::error::arg_lang(lang, "lang")?;
        let out = arg_out(out, "out")?;
        let s = certificate::status(&v, today, &rules.inner);
        out.write(new_c_string(s.message(lang))?);
        Ok(())
    })
}

/// `hug_certificate_status_message` at an instant `now_utc` (UTC), as
/// `hug_certificate_status_at` judges it. Free with `hug_string_free`.
///
/// # Errors
/// As `hug_certificate_status_message` (`ffi.invalid_date` for `now_utc` too).
///
/// # Safety
/// As `hug_certificate_status`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_status_message_at(
    not_before_utc: hug_datetime,
    not_after_utc: hug_datetime,
    now_utc: hug_datetime,
    rules: *const hug_certificate_rules,
    lang: crate::hug_lang,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        let v = validity_arg(not_before_utc, not_after_utc)?;
        let now = to_utc(now_utc, "now_utc")?;
        // SAFETY: caller's contract.
        let rules = unsafe { arg_ref(rules, "rules") }?;
        let lang = crate::error::arg_lang(lang, "lang")?;
        let out = arg_out(out, "out")?;
        let s = certificate::status(&v, now, &rules.inner);
        out.write(new_c_string(s.message(lang))?);
        Ok(())
    })
}

/// The renewal plan for a certificate whose notAfter is `not_after_utc`, on `today`:
/// apply by a day that leaves the issuance lead time (and any cut-off) before the first
/// claim window after expiry. `billing` is optional: NULL plans with weekends only;
/// a billing calendar adds holidays and the 国保連's claim window.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`).
///
/// # Safety
/// `rules` live; `billing` optional: NULL (weekends only) or live; `out` writable.
/// Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_renewal_plan(
    not_after_utc: hug_datetime,
    today: hug_date,
    rules: *const hug_certificate_rules,
    billing: *const hug_billing_calendar,
    out: *mut hug_renewal_plan,
) -> hug_status {
    ffi_boundary!({
        let not_after = to_utc(not_after_utc, "not_after_utc")?;
        let today = today.to_naive("today")?;
        // SAFETY: caller's contract.
        let rules = unsafe { arg_ref(rules, "rules") }?;
        let out = arg_out(out, "out")?;
        // SAFETY: caller's contract (optional pointer).
        let billing = unsafe { billing.as_ref() };
        out.write(plan_result(&plan(
            not_after,
            today.into(),
            &rules.inner,
            billing,
        )));
        Ok(())
    })
}

fn plan(
    not_after: DateTime<Utc>,
    today: certificate::Today,
    rules: &CertificateRules,
    billing: Option<&hug_billing_calendar>,
) -> certificate::RenewalPlan {
    match billing {
        Some(b) => certificate::renewal_plan(not_after, today, rules, b.inner()),
        None => certificate::renewal_plan(not_after, today, rules, &WeekendCalendar),
    }
}

fn plan_result(p: &certificate::RenewalPlan) -> hug_renewal_plan {
    hug_renewal_plan {
        kind: match p.finding {
            RenewalFinding::NotYet => HUG_RENEWAL_NOT_YET,
            RenewalFinding::ApplyNow => HUG_RENEWAL_APPLY_NOW,
            RenewalFinding::ApplyByPassed => HUG_RENEWAL_APPLY_BY_PASSED,
            RenewalFinding::Expired => HUG_RENEWAL_EXPIRED,
        },
        code: static_code(p.code()),
        expiry_day: hug_date::from_naive(p.expiry_day),
        target_window_opens: hug_datetime::from_naive(p.target_window.opens),
        install_by: hug_date::from_naive(p.install_by),
        apply_by: hug_date::from_naive(p.apply_by),
        days_until_apply_by: p.days_until_apply_by,
        passed: p.passed,
        has_cutoff: p.cutoff.is_some(),
        cutoff: p.cutoff.map_or(
            hug_date {
                year: 0,
                month: 0,
                day: 0,
            },
            hug_date::from_naive,
        ),
    }
}

/// `hug_certificate_renewal_plan` at an instant `now_utc` (UTC) instead of a day, judged
/// as `hug_certificate_status_at` judges it (the two never contradict each other).
///
/// # Errors
/// As `hug_certificate_renewal_plan` (`ffi.invalid_date` for `now_utc` too).
///
/// # Safety
/// `rules` live; `billing` optional: NULL (weekends only) or live; `out` writable.
/// Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_renewal_plan_at(
    not_after_utc: hug_datetime,
    now_utc: hug_datetime,
    rules: *const hug_certificate_rules,
    billing: *const hug_billing_calendar,
    out: *mut hug_renewal_plan,
) -> hug_status {
    ffi_boundary!({
        let not_after = to_utc(not_after_utc, "not_after_utc")?;
        let now = to_utc(now_utc, "now_utc")?;
        // SAFETY: caller's contract.
        let rules = unsafe { arg_ref(rules, "rules") }?;
        let out = arg_out(out, "out")?;
        // SAFETY: caller's contract (optional pointer).
        let billing = unsafe { billing.as_ref() };
        out.write(plan_result(&plan(
            not_after,
            now.into(),
            &rules.inner,
            billing,
        )));
        Ok(())
    })
}

/// The portal's certificate stage (`hug_certificate_lifecycle_apply_json`), as an integer.
pub type hug_certificate_stage = i32;
/// 未申請: nothing applied for yet.
pub const HUG_CERT_STAGE_NOT_APPLIED: hug_certificate_stage = 0;
/// 見積書作成済み: an estimate was made.
pub const HUG_CERT_STAGE_ESTIMATE_MADE: hug_certificate_stage = 1;
/// 発行申請中: applied, waiting for issuance.
pub const HUG_CERT_STAGE_APPLIED: hug_certificate_stage = 2;
/// 発行済み: issued, not yet downloaded.
pub const HUG_CERT_STAGE_ISSUED: hug_certificate_stage = 3;
/// Downloaded, not yet installed.
pub const HUG_CERT_STAGE_DOWNLOADED: hug_certificate_stage = 4;
/// Installed on at least one PC.
pub const HUG_CERT_STAGE_INSTALLED: hug_certificate_stage = 5;
/// Expired.
pub const HUG_CERT_STAGE_EXPIRED: hug_certificate_stage = 6;

/// Makes the 見積書 (estimate) of a certificate application: validates the addressee
/// (郵便番号 `NNN-NNNN`, full-width and `〒` accepted; 住所; 事業所名; 氏名; 敬称 `様` or
/// `御中`), every problem at once, and takes the fee and validity from `rules`. Writes the
/// estimate as JSON (`{"addressee":{"postal_code","address","office_name","person_name",
/// "honorific"},"made_on","fee_yen","validity_years"}`), to be used in a `make_estimate`
/// lifecycle event. Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`);
/// `HUG_ERR_VALIDATION` with every `certificate.addressee.*` problem.
///
/// # Safety
/// Strings NUL-terminated; `rules` live; `out_json` writable.
/// Thread safety: any thread; `rules` is read only.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn hug_certificate_estimate_json(
    postal_code: *const c_char,
    address: *const c_char,
    office_name: *const c_char,
    person_name: *const c_char,
    honorific: *const c_char,
    made_on: hug_date,
    rules: *const hug_certificate_rules,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract (all five strings and the rules).
        let (pc, ad, of, pn, ho, r) = unsafe {
            (
                arg_str(postal_code, "postal_code")?,
                arg_str(address, "address")?,
                arg_str(office_name, "office_name")?,
                arg_str(person_name, "person_name")?,
                arg_str(honorific, "honorific")?,
                arg_ref(rules, "rules")?,
            )
        };
        let made_on = made_on.to_naive("made_on")?;
        let out = arg_out(out_json, "out_json")?;
        let a =
            certificate::Addressee::new(pc, ad, of, pn, ho).map_err(|p| Failure::problems(&p))?;
        out.write(new_json_string(&certificate::Estimate::new(
            a, made_on, &r.inner,
        ))?);
        Ok(())
    })
}

/// Applies one event to the certificate's portal lifecycle (見積書 → 発行申請中 → 発行済み →
/// downloaded → installed per PC → expired, and renewal). `lifecycle_json` is the saved
/// lifecycle, optional (NULL: a new one, not applied). `event_json` is one of
/// `{"event":"make_estimate","estimate":{...}}`, `{"event":"apply","on":"2026-06-01"}`,
/// `{"event":"issue","on":…,"valid_from":…,"valid_to":…}`,
/// `{"event":"download","on":…,"fingerprint_sha256":null}`, `{"event":"install","pc":"PC-1","on":…}`,
/// `{"event":"expire","on":…}`. On success writes the new stage (`HUG_CERT_STAGE_*`) and the
/// new lifecycle JSON (to save; free with `hug_string_free`).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_JSON` (`ffi.invalid_json`);
/// `HUG_ERR_VALIDATION` (`certificate.lifecycle.invalid_transition`,
/// `certificate.lifecycle.invalid_dates`).
///
/// # Safety
/// `lifecycle_json` optional: NULL (a new lifecycle) or NUL-terminated; `event_json`
/// NUL-terminated; out-pointers writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_certificate_lifecycle_apply_json(
    lifecycle_json: *const c_char,
    event_json: *const c_char,
    out_stage: *mut hug_certificate_stage,
    out_lifecycle_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        let bad_json = |param: &'static str, e: serde_json::Error| {
            Failure::ffi(FfiProblem::InvalidJson {
                param,
                reason: hug_onboard_core::json_reason::DataReason::from_serde(&e),
            })
        };
        let mut lc = if lifecycle_json.is_null() {
            certificate::Lifecycle::new()
        } else {
            // SAFETY: caller's contract.
            let j = unsafe { arg_str(lifecycle_json, "lifecycle_json") }?;
            serde_json::from_str(j).map_err(|e| bad_json("lifecycle_json", e))?
        };
        // SAFETY: caller's contract.
        let ej = unsafe { arg_str(event_json, "event_json") }?;
        let event: certificate::LifecycleEvent =
            serde_json::from_str(ej).map_err(|e| bad_json("event_json", e))?;
        let (os, oj) = (
            arg_out(out_stage, "out_stage")?,
            arg_out(out_lifecycle_json, "out_lifecycle_json")?,
        );
        lc.apply(event).map_err(|e| Failure::diag(&e))?;
        let json = new_json_string(&lc)?;
        os.write(match lc.stage {
            certificate::Stage::NotApplied => HUG_CERT_STAGE_NOT_APPLIED,
            certificate::Stage::EstimateMade => HUG_CERT_STAGE_ESTIMATE_MADE,
            certificate::Stage::Applied => HUG_CERT_STAGE_APPLIED,
            certificate::Stage::Issued => HUG_CERT_STAGE_ISSUED,
            certificate::Stage::Downloaded => HUG_CERT_STAGE_DOWNLOADED,
            certificate::Stage::Installed => HUG_CERT_STAGE_INSTALLED,
            certificate::Stage::Expired => HUG_CERT_STAGE_EXPIRED,
        });
        oj.write(json);
        Ok(())
    })
}
