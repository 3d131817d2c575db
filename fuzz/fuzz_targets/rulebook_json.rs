//! Rulebook JSON (a prefecture's overrides): `Rulebook::from_json`. A valid
//! rulebook reads back from its own `to_json` unchanged, and computes a
//! schedule for a service month without panicking.
#![no_main]
use hug_onboard_core::schedule::{BillingCalendar, Rulebook, YearMonth};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rb) = Rulebook::from_json(text) {
        let back = Rulebook::from_json(&rb.to_json()).expect("own JSON reads back");
        assert_eq!(back, rb, "rulebook JSON round trip");
        let cal = BillingCalendar::new(rb);
        if let Ok(m) = YearMonth::new(2026, 1 + u32::from(data.len() as u8 % 12)) {
            let _ = cal.schedule(m);
        }
    }
});
