//! Normalisation of typed and OCR'd text, katakana checks.

use std::ffi::c_char;

use hug_onboard_core::text::{self, KanaClass};

use crate::error::{Failure, arg_out, arg_str, ffi_boundary, hug_status, new_c_string};

/// What a kana field is written in (`hug_text_classify_katakana`), as an integer.
pub type hug_kana_class = i32;
/// Only full-width katakana (and separators).
pub const HUG_KANA_FULLWIDTH: hug_kana_class = 0;
/// Only half-width katakana (and separators).
pub const HUG_KANA_HALFWIDTH: hug_kana_class = 1;
/// Both full- and half-width katakana.
pub const HUG_KANA_MIXED: hug_kana_class = 2;
/// Empty, or only separators.
pub const HUG_KANA_EMPTY: hug_kana_class = 3;
/// Holds a character that is not katakana.
pub const HUG_KANA_NOT_KATAKANA: hug_kana_class = 4;

/// A string → string transformation (called inside each function's boundary).
///
/// # Safety
/// `input` is NULL or NUL-terminated; `out` NULL or writable.
unsafe fn transform(
    input: *const c_char,
    out: *mut *mut c_char,
    f: fn(&str) -> String,
) -> Result<(), Failure> {
    // SAFETY: caller's contract.
    let input = unsafe { arg_str(input, "text") }?;
    let out = arg_out(out, "out")?;
    out.write(new_c_string(f(input))?);
    Ok(())
}

/// Full-width ASCII → half-width, the ideographic space → a space, OCR dash
/// variants → `-`; katakana and everything else kept. `"ＡＢＣ－１２３"` → `"ABC-123"`.
/// Writes a new string, to be freed with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`.
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_text_to_halfwidth_ascii(
    text: *const c_char,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: forwarded contract.
        unsafe { transform(text, out, text::to_halfwidth_ascii) }
    })
}

/// `hug_text_to_halfwidth_ascii`, then trims white space (including the
/// ideographic space) at both ends: `"\t　Ｒ１．６．３\r\n"` → `"R1.6.3"`.
/// Writes a new string, to be freed with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`.
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_text_normalize(
    text: *const c_char,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: forwarded contract.
        unsafe { transform(text, out, text::normalize) }
    })
}

/// Collapses every run of white space (ASCII or ideographic) into one space and
/// trims the ends. Writes a new string, to be freed with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`.
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_text_collapse_spaces(
    text: *const c_char,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: forwarded contract.
        unsafe { transform(text, out, text::collapse_spaces) }
    })
}

/// Half-width katakana → full-width (`"ﾀﾞ"` → `"ダ"`), everything else kept.
/// Writes a new string, to be freed with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`.
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_text_halfwidth_to_fullwidth_katakana(
    text: *const c_char,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: forwarded contract.
        unsafe { transform(text, out, text::halfwidth_to_fullwidth_katakana) }
    })
}

/// Full-width katakana → half-width (`"ダ"` → `"ﾀﾞ"`), everything else kept.
/// Writes a new string, to be freed with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`.
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_text_fullwidth_to_halfwidth_katakana(
    text: *const c_char,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: forwarded contract.
        unsafe { transform(text, out, text::fullwidth_to_halfwidth_katakana) }
    })
}

/// Classifies a kana field (名称カナ, 氏名カナ): writes a `HUG_KANA_*` class and, for
/// `HUG_KANA_NOT_KATAKANA`, the 0-based character position of the first character that
/// is not katakana (0 for the other classes). Spaces and middle dots are allowed anywhere.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`.
///
/// # Safety
/// `text` NUL-terminated; the out-pointers writable.
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_text_classify_katakana(
    text: *const c_char,
    out_class: *mut hug_kana_class,
    out_position: *mut usize,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let (oc, op) = (
            arg_out(out_class, "out_class")?,
            arg_out(out_position, "out_position")?,
        );
        let (class, pos) = match text::classify_katakana(text) {
            KanaClass::FullWidth => (HUG_KANA_FULLWIDTH, 0),
            KanaClass::HalfWidth => (HUG_KANA_HALFWIDTH, 0),
            KanaClass::Mixed => (HUG_KANA_MIXED, 0),
            KanaClass::Empty => (HUG_KANA_EMPTY, 0),
            KanaClass::NotKatakana { position, .. } => (HUG_KANA_NOT_KATAKANA, position),
        };
        oc.write(class);
        op.write(pos);
        Ok::<(), Failure>(())
    })
}

/// Finds the first control character (C0, DEL or C1; tab, CR and LF are allowed):
/// writes whether one was found, its 0-based character position and its Unicode
/// scalar value (both 0 when none was found).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`.
///
/// # Safety
/// `text` NUL-terminated; the out-pointers writable.
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_text_find_control(
    text: *const c_char,
    out_found: *mut bool,
    out_position: *mut usize,
    out_char: *mut u32,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let (of, op, oc) = (
            arg_out(out_found, "out_found")?,
            arg_out(out_position, "out_position")?,
            arg_out(out_char, "out_char")?,
        );
        let (found, pos, ch) = match text::find_control(text) {
            Some((p, c)) => (true, p, u32::from(c)),
            None => (false, 0, 0),
        };
        of.write(found);
        op.write(pos);
        oc.write(ch);
        Ok(())
    })
}
