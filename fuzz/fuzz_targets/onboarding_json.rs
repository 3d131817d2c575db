//! Onboarding state JSON (saved by the app, possibly edited or damaged):
//! `Onboarding::from_json`; a state that loads saves and reloads unchanged,
//! and its readiness and reminders compute on a day derived from the input.
#![no_main]
use chrono::{Days, NaiveDate};
use hug_onboard_core::onboarding::Onboarding;
use hug_onboard_core::schedule::{BillingCalendar, Rulebook};
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
        // A day in 2019..2046, from the input's length.
        let base = NaiveDate::from_ymd_opt(2019, 5, 1).unwrap_or_default();
        let today = base + Days::new((data.len() as u64 * 7919) % 10_000);
        let cal = BillingCalendar::new(Rulebook::default());
        let _ = o.readiness(today, &cal).to_json();
        let _ = o.reminders(today, 60, &cal);
    }
});
