//! Notice JSON from another program: `RegistrationNotice::from_json`; on
//! success its JSON (with secrets) reads back unchanged.
#![no_main]
use hug_onboard_core::notice::RegistrationNotice;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(n) = RegistrationNotice::from_json(text) {
        let _ = n.findings();
        let _ = n.to_json();
        let back = RegistrationNotice::from_json(&n.to_json_with_secrets())
            .expect("a notice reads back from its own JSON");
        assert_eq!(back, n, "notice JSON round trip");
    }
});
