//! The portal's password rules: check, check the change form, generate.

use std::ffi::c_char;

use hug_onboard_core::diagnostic::Lang;
use hug_onboard_core::password::{PasswordPolicy, PasswordProfile, PasswordViolation};

use crate::error::{
    Failure, FfiProblem, arg_lang, arg_out, arg_ref, arg_str, ffi_boundary, hug_status,
    new_c_string, new_json_string,
};
use crate::hug_lang;

/// A built-in password policy, as an integer.
pub type hug_password_profile = i32;
/// The rule printed on the テストID screen (its symbol set: `hug_password_policy_to_json`, `screens.test`).
pub const HUG_PASSWORD_PROFILE_TEST: hug_password_profile = 0;
/// The rule printed on the production-ID screen (its symbol set: `hug_password_policy_to_json`,
/// `screens.production`).
pub const HUG_PASSWORD_PROFILE_PRODUCTION: hug_password_profile = 1;
/// What `hug_password_generate` uses: accepted by both screens, no look-alike characters.
pub const HUG_PASSWORD_PROFILE_GENERATION: hug_password_profile = 2;

/// A password policy (lengths, symbol set, letter+digit rule, not-the-user-ID). Opaque;
/// made by `hug_password_policy_new` or `hug_password_policy_from_json`, freed by
/// `hug_password_policy_free`. Read-only once made: may be shared by threads.
pub struct hug_password_policy {
    inner: PasswordPolicy,
}

fn violations(v: Vec<PasswordViolation>) -> Result<(), Failure> {
    match hug_onboard_core::diagnostic::Problems::new(v) {
        None => Ok(()),
        Some(p) => Err(Failure::problems(&p)),
    }
}

fn boxed(p: PasswordPolicy) -> *mut hug_password_policy {
    Box::into_raw(Box::new(hug_password_policy { inner: p }))
}

/// Makes the policy of a built-in profile (`HUG_PASSWORD_PROFILE_*`).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_enum`).
///
/// # Safety
/// `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_password_policy_new(
    profile: hug_password_profile,
    out: *mut *mut hug_password_policy,
) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out, "out")?;
        let p = match profile {
            HUG_PASSWORD_PROFILE_TEST => PasswordProfile::Test,
            HUG_PASSWORD_PROFILE_PRODUCTION => PasswordProfile::Production,
            HUG_PASSWORD_PROFILE_GENERATION => PasswordProfile::Generation,
            v => {
                return Err(Failure::ffi(FfiProblem::InvalidEnum {
                    param: "profile",
                    value: v.into(),
                }));
            }
        };
        out.write(boxed(p.policy()));
        Ok(())
    })
}

/// Makes a policy from its JSON (the schema `hug_password_policy_to_json` writes:
/// `{"min_len":8,"max_len":16,"symbols":"...","require_letter":true,...}`), for a
/// 国保連 whose screen states another rule.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_JSON` (`ffi.invalid_json`).
///
/// # Safety
/// `json` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_password_policy_from_json(
    json: *const c_char,
    out: *mut *mut hug_password_policy,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(json, "json") }?;
        let out = arg_out(out, "out")?;
        let p: PasswordPolicy = serde_json::from_str(json).map_err(|e| {
            Failure::ffi(FfiProblem::InvalidJson {
                param: "json",
                reason: hug_onboard_core::json_reason::DataReason::from_serde(&e),
            })
        })?;
        out.write(boxed(p));
        Ok(())
    })
}

/// Frees a policy. NULL is accepted and ignored.
///
/// # Safety
/// `policy` optional: NULL (ignored) or made by this library and not yet freed; no other thread uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_password_policy_free(policy: *mut hug_password_policy) {
    crate::error::guard((), || {
        if !policy.is_null() {
            // SAFETY: made by Box::into_raw in this module (caller's contract).
            drop(unsafe { Box::from_raw(policy) });
        }
    })
}

/// The policy as JSON (lengths, symbols, rules). Free the result with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `policy` live; `out_json` writable. Thread safety: any thread; the policy is read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_password_policy_to_json(
    policy: *const hug_password_policy,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let p = unsafe { arg_ref(policy, "policy") }?;
        let out = arg_out(out_json, "out_json")?;
        out.write(new_json_string(&p.inner)?);
        Ok(())
    })
}

/// The rule in words, as the screen would state it, plus the lockout advice
/// (3 wrong passwords lock the ID for 30 minutes). Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_enum` for `lang`).
///
/// # Safety
/// `policy` live; `out` writable. Thread safety: any thread; the policy is read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_password_policy_advice(
    policy: *const hug_password_policy,
    lang: hug_lang,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let p = unsafe { arg_ref(policy, "policy") }?;
        let lang: Lang = arg_lang(lang, "lang")?;
        let out = arg_out(out, "out")?;
        out.write(new_c_string(p.inner.advice(lang))?);
        Ok(())
    })
}

/// Checks a candidate password against the policy. `HUG_OK` when it is acceptable;
/// otherwise `HUG_ERR_VALIDATION` and the last error lists **every** violation
/// (`hug_last_error_count`, `hug_last_error_code_at`, `hug_last_error_message_at`):
/// `password.too_short`, `password.no_digit`, `password.same_as_user_id`, ….
/// `user_id` may be NULL (then the not-the-user-ID rule is not checked).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`, `HUG_ERR_VALIDATION`.
///
/// # Safety
/// `policy` live; `password` NUL-terminated; `user_id` optional: NULL (no user ID check) or
/// NUL-terminated. Thread safety: any thread; the policy is read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_password_check(
    policy: *const hug_password_policy,
    password: *const c_char,
    user_id: *const c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let p = unsafe { arg_ref(policy, "policy") }?;
        // SAFETY: caller's contract.
        let password = unsafe { arg_str(password, "password") }?;
        let user_id = if user_id.is_null() {
            None
        } else {
            // SAFETY: caller's contract.
            Some(unsafe { arg_str(user_id, "user_id") }?)
        };
        violations(p.inner.check(password, user_id))
    })
}

/// Checks the password change form (現在のパスワード / 新しいパスワード / 確認用):
/// the new password against the policy, confirmation equal to it, different from
/// the current one. `HUG_OK`, or `HUG_ERR_VALIDATION` with every violation in the last error.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`, `HUG_ERR_VALIDATION`.
///
/// # Safety
/// `policy` live; strings NUL-terminated. Thread safety: any thread; the policy is read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_password_check_change(
    policy: *const hug_password_policy,
    user_id: *const c_char,
    current: *const c_char,
    new_password: *const c_char,
    confirm: *const c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract (all four).
        let (p, u, c, n, k) = unsafe {
            (
                arg_ref(policy, "policy")?,
                arg_str(user_id, "user_id")?,
                arg_str(current, "current")?,
                arg_str(new_password, "new_password")?,
                arg_str(confirm, "confirm")?,
            )
        };
        violations(p.inner.check_change(u, c, n, k))
    })
}

/// Generates a password of `length` characters that the policy accepts, from the
/// operating system's CSPRNG, without look-alike characters. Use the
/// `HUG_PASSWORD_PROFILE_GENERATION` policy for a password both screens accept.
/// Free the result with `hug_string_free` (which wipes it).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_VALIDATION` (`password.generate_length`,
/// `password.random_unavailable`, `password.generate_failed`).
///
/// # Safety
/// `policy` live; `out_password` writable. Thread safety: any thread; the policy is read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_password_generate(
    policy: *const hug_password_policy,
    length: usize,
    out_password: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let p = unsafe { arg_ref(policy, "policy") }?;
        let out = arg_out(out_password, "out_password")?;
        let pw = p
            .inner
            .generate_with(length, |b| getrandom::fill(b).map_err(|e| e.to_string()))
            .map_err(|e| Failure::diag(&e))?;
        out.write(crate::error::new_secret_c_string(pw.expose())?);
        Ok(())
    })
}
