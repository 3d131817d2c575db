//! Rulebook TOML (`tests/fixtures/rulebooks/*.toml`): `Rulebook::from_toml`;
//! a valid one reads back from its JSON unchanged.
#![no_main]
use hug_onboard_core::schedule::Rulebook;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rb) = Rulebook::from_toml(text) {
        let back = Rulebook::from_json(&rb.to_json()).expect("own JSON reads back");
        assert_eq!(back, rb, "rulebook TOML -> JSON round trip");
    }
});
