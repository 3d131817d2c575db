//! The schedule's string inputs: a service month (`YearMonth::parse`), an
//! instant (`parse_instant`) and a time of day (`TimeOfDay::parse`); each value
//! that parses displays as a string that parses back to it.
#![no_main]
use hug_onboard_core::schedule::{BillingCalendar, Rulebook, TimeOfDay, YearMonth, parse_instant};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(m) = YearMonth::parse(s) {
        assert_eq!(YearMonth::parse(&m.to_string()).ok(), Some(m));
    }
    if let Ok(t) = parse_instant(s) {
        let cal = BillingCalendar::new(Rulebook::default());
        let _ = cal.is_window_open(t);
        let _ = cal.next_deadline(t);
    }
    if let Some(t) = TimeOfDay::parse(s) {
        assert_eq!(TimeOfDay::parse(&t.to_string()), Some(t));
    }
});
