//! Password checks under every profile: `check` and `check_change`. The input
//! is UTF-8 text, one field per line (other control characters stay inside
//! the fields): profile index, user ID (empty = none), current, new,
//! confirmation. A crash file replays as is in
//! `hug-onboard-core/tests/fuzz_regressions.rs`.
#![no_main]
use hug_onboard_core::diagnostic::{Diagnostic, Severity};
use hug_onboard_core::password::PasswordProfile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let f: Vec<&str> = s.split('\n').collect();
    let get = |i: usize| f.get(i).copied().unwrap_or("");
    let profile = PasswordProfile::ALL[get(0).parse::<usize>().unwrap_or(0) % 3];
    let policy = profile.policy();
    let uid = Some(get(1)).filter(|u| !u.is_empty());
    let v = policy.check(get(3), uid);
    for x in &v {
        let _ = (x.position(), x.character());
    }
    let errors = v.iter().any(|x| x.severity() >= Severity::Error);
    assert_eq!(!errors, policy.is_acceptable(get(3), uid));
    let _ = policy.check_change(get(1), get(2), get(3), get(4));
});
