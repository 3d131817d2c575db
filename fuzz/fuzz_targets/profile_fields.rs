//! Arbitrary strings in every field of the 事業所情報保守 screen. The input is
//! UTF-8 text, one field per line in `ProfileInput` order (facility number,
//! name kana, name kanji, postal code, address kana, address kanji, phone,
//! fax, representative kana, kanji, title, email (empty = none), password),
//! then the expected facility number. A crash file replays as is in
//! `hug-onboard-core/tests/fuzz_regressions.rs`.
#![no_main]
use hug_onboard_core::facility::FacilityNumber;
use hug_onboard_core::profile::ProfileInput;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let f: Vec<String> = s.split('\n').map(str::to_owned).collect();
    let get = |i: usize| f.get(i).cloned().unwrap_or_default();
    let input = ProfileInput {
        facility_number: get(0),
        name_kana: get(1),
        name_kanji: get(2),
        postal_code: get(3),
        address_kana: get(4),
        address_kanji: get(5),
        phone: get(6),
        fax: get(7),
        representative_name_kana: get(8),
        representative_name_kanji: get(9),
        representative_title: get(10),
        email: Some(get(11)).filter(|e| !e.is_empty()),
        password: get(12),
    };
    let expected = FacilityNumber::parse(&get(13)).ok();
    let _ = input.validate(expected.as_ref());
});
