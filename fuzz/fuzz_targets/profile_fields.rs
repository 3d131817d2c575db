//! Arbitrary strings in every field of the 事業所情報保守 screen.
#![no_main]
use hug_onboard_core::facility::FacilityNumber;
use hug_onboard_core::profile::ProfileInput;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Fields {
    facility_number: String,
    name_kana: String,
    name_kanji: String,
    postal_code: String,
    address_kana: String,
    address_kanji: String,
    phone: String,
    fax: String,
    representative_name_kana: String,
    representative_name_kanji: String,
    representative_title: String,
    email: Option<String>,
    password: String,
    expected: Option<String>,
}

fuzz_target!(|f: Fields| {
    let input = ProfileInput {
        facility_number: f.facility_number,
        name_kana: f.name_kana,
        name_kanji: f.name_kanji,
        postal_code: f.postal_code,
        address_kana: f.address_kana,
        address_kanji: f.address_kanji,
        phone: f.phone,
        fax: f.fax,
        representative_name_kana: f.representative_name_kana,
        representative_name_kanji: f.representative_name_kanji,
        representative_title: f.representative_title,
        email: f.email,
        password: f.password,
    };
    let expected = f.expected.and_then(|s| FacilityNumber::parse(&s).ok());
    let _ = input.validate(expected.as_ref());
});
