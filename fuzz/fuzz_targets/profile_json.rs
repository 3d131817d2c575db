//! The 取込送信 facility profile as JSON (`ProfileInput`), validated with and
//! without an expected facility number; a valid profile survives serde.
#![no_main]
use hug_onboard_core::facility::FacilityNumber;
use hug_onboard_core::profile::{FacilityProfile, ProfileInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = serde_json::from_slice::<ProfileInput>(data) else {
        return;
    };
    let _ = input.validate(None);
    let expected = FacilityNumber::parse("1312345678").ok();
    if let Ok(checked) = input.validate(expected.as_ref()) {
        let j = serde_json::to_string(&checked.profile).expect("profile serialises");
        let back: FacilityProfile = serde_json::from_str(&j).expect("profile reads back");
        assert_eq!(back, checked.profile);
    }
});
