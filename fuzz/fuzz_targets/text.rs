//! Text normalisation applied to every typed or OCR'd field: normalize and
//! to_halfwidth_ascii are idempotent; katakana conversions never panic and a
//! full-width string survives full→half→full.
#![no_main]
use hug_onboard_core::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let n = text::normalize(s);
    assert_eq!(text::normalize(&n), n, "normalize is idempotent");
    let h = text::to_halfwidth_ascii(s);
    assert_eq!(
        text::to_halfwidth_ascii(&h),
        h,
        "to_halfwidth_ascii is idempotent"
    );
    let _ = text::collapse_spaces(s);
    let _ = text::find_control(s);
    let _ = text::classify_katakana(s);
    let half = text::fullwidth_to_halfwidth_katakana(s);
    let _ = text::halfwidth_to_fullwidth_katakana(&half);
});
