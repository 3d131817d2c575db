//! 事業所番号 (facility numbers), prefectures and portal user IDs.

use std::ffi::{CString, c_char};
use std::sync::OnceLock;

use hug_onboard_core::facility::{FacilityNumber, Prefecture, UserId};

use crate::error::{
    Failure, FfiProblem, arg_lang, arg_out, arg_str, ffi_boundary, hug_status, new_c_string,
};
use crate::hug_lang;

/// A parsed 事業所番号: 10 ASCII digits (NUL-terminated) and its prefecture number (1-47).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct hug_facility_number {
    /// The 10 half-width digits and a terminating NUL, e.g. `"1312345678"`.
    pub digits: [c_char; 11],
    /// The prefecture number 1-47 (the first two digits), e.g. 13 for 東京都.
    pub prefecture: u8,
}

/// The C value of a facility number.
pub(crate) fn to_c(n: &FacilityNumber) -> hug_facility_number {
    let mut digits = [0 as c_char; 11];
    for (d, b) in digits.iter_mut().zip(n.as_str().bytes()) {
        // ASCII digits: always fit a c_char.
        *d = b as c_char;
    }
    hug_facility_number {
        digits,
        prefecture: n.prefecture().number(),
    }
}

/// Parses a 事業所番号 as typed or OCR'd: full-width digits and surrounding
/// spaces are accepted; 10 digits whose first two are a prefecture code 01-47.
/// No check digit is verified (none is published for 障害福祉 numbers).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` with one of
/// `facility.empty`, `facility.not_digit`, `facility.wrong_length`, `facility.unknown_prefecture`.
///
/// # Safety
/// `text` a NUL-terminated string; `out` writable.
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_facility_number_parse(
    text: *const c_char,
    out: *mut hug_facility_number,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let out = arg_out(out, "out")?;
        let n = FacilityNumber::parse(text).map_err(|e| Failure::diag(&e))?;
        out.write(to_c(&n));
        Ok(())
    })
}

fn prefecture_names() -> &'static [[CString; 2]] {
    static N: OnceLock<Vec<[CString; 2]>> = OnceLock::new();
    N.get_or_init(|| {
        Prefecture::ALL
            .iter()
            .map(|p| {
                [
                    crate::error::cstring_lossless(p.name_ja()),
                    crate::error::cstring_lossless(p.name_en()),
                ]
            })
            .collect()
    })
}

/// The name of prefecture `number` (1-47) in `lang`: `"東京都"` / `"Tokyo"`.
///
/// The string is static: never free it.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_enum`) when
/// `number` is not 1-47 or `lang` is not a `HUG_LANG_*`.
///
/// # Safety
/// `out_name` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_prefecture_name(
    number: i32,
    lang: hug_lang,
    out_name: *mut *const c_char,
) -> hug_status {
    ffi_boundary!({
        let lang = arg_lang(lang, "lang")?;
        let out = arg_out(out_name, "out_name")?;
        let bad = || {
            Failure::ffi(FfiProblem::InvalidEnum {
                param: "number",
                value: number.into(),
            })
        };
        let p = u8::try_from(number)
            .ok()
            .and_then(Prefecture::from_number)
            .ok_or_else(bad)?;
        let idx = usize::from(p.number()).checked_sub(1).ok_or_else(bad)?;
        let names = prefecture_names().get(idx).ok_or_else(bad)?;
        let name = match lang {
            hug_onboard_core::Lang::Ja => &names[0],
            hug_onboard_core::Lang::En => &names[1],
        };
        out.write(name.as_ptr());
        Ok(())
    })
}

/// Parses a portal user ID (テストID or 本番ID): normalised (full-width → half-width,
/// trimmed), then an opaque, case-sensitive token of printable ASCII. Writes the
/// normalised ID, to be freed with `hug_string_free`.
///
/// Whether an ID is a test or a production ID comes from the notice's label, never from its shape.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` with
/// `user_id.empty` or `user_id.invalid_char`.
///
/// # Safety
/// `text` a NUL-terminated string; `out_id` writable.
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_user_id_parse(
    text: *const c_char,
    out_id: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let out = arg_out(out_id, "out_id")?;
        let id = UserId::parse(text).map_err(|e| Failure::diag(&e))?;
        out.write(new_c_string(String::from(id))?);
        Ok(())
    })
}

/// Validates the 取込送信V2 facility registration (事業所情報) given as JSON, reporting
/// every field's problem at once:
/// `{"facility_number","name_kana","name_kanji","postal_code","address_kana","address_kanji",
/// "phone","fax","representative_name_kana","representative_name_kanji","representative_title",
/// "email" (optional),"password"}`. `expected_facility` is optional (NULL: not compared).
/// On success writes `{"profile":{... normalised, "password_is_default":bool},"warnings":[{"code",
/// "severity","message_ja","message_en"}]}` (the password itself is never written). Free with
/// `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_JSON` (`ffi.invalid_json`:
/// not JSON, unknown key); `HUG_ERR_VALIDATION` with every `profile.*` problem (and
/// `facility.*` for `expected_facility`).
///
/// # Safety
/// `input_json` NUL-terminated; `expected_facility` optional: NULL (not compared) or
/// NUL-terminated; `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_facility_profile_validate_json(
    input_json: *const c_char,
    expected_facility: *const c_char,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let j = unsafe { arg_str(input_json, "input_json") }?;
        let expected = if expected_facility.is_null() {
            None
        } else {
            // SAFETY: caller's contract.
            let s = unsafe { arg_str(expected_facility, "expected_facility") }?;
            Some(FacilityNumber::parse(s).map_err(|e| Failure::diag(&e))?)
        };
        let out = arg_out(out_json, "out_json")?;
        let input: hug_onboard_core::profile::ProfileInput =
            serde_json::from_str(j).map_err(|e| {
                Failure::ffi(FfiProblem::InvalidJson {
                    param: "input_json",
                    reason: hug_onboard_core::json_reason::DataReason::from_serde(&e),
                })
            })?;
        let checked = input
            .validate(expected.as_ref())
            .map_err(|p| Failure::problems(&p))?;
        let warnings: Vec<_> = checked
            .warnings
            .iter()
            .map(hug_onboard_core::diagnostic::Diagnostic::to_finding)
            .collect();
        out.write(crate::error::new_json_string(&serde_json::json!({
            "profile": checked.profile,
            "warnings": warnings,
        }))?);
        Ok(())
    })
}
