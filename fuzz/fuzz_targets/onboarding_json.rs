//! Onboarding state JSON (saved by the app, possibly edited or damaged):
//! `Onboarding::from_json`; a state that loads saves and reloads unchanged.
#![no_main]
use hug_onboard_core::onboarding::Onboarding;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(o) = Onboarding::from_json(text) {
        let _ = o.next_steps();
        let _ = o.all_required_done();
        let back = Onboarding::from_json(&o.to_json()).expect("own JSON reads back");
        assert_eq!(back, o, "onboarding JSON round trip");
    }
});
