//! Password checks under every profile: `check` and `check_change` with
//! arbitrary user IDs, current, new and confirmation strings.
#![no_main]
use hug_onboard_core::diagnostic::{Diagnostic, Severity};
use hug_onboard_core::password::PasswordProfile;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    profile: u8,
    user_id: Option<String>,
    current: String,
    new: String,
    confirm: String,
}

fuzz_target!(|i: Input| {
    let profile = PasswordProfile::ALL[usize::from(i.profile) % PasswordProfile::ALL.len()];
    let policy = profile.policy();
    let v = policy.check(&i.new, i.user_id.as_deref());
    let errors = v.iter().any(|x| x.severity() >= Severity::Error);
    assert_eq!(!errors, policy.is_acceptable(&i.new, i.user_id.as_deref()));
    for x in &v {
        let _ = (x.position(), x.character());
    }
    let _ = policy.check_change(
        i.user_id.as_deref().unwrap_or(""),
        &i.current,
        &i.new,
        &i.confirm,
    );
});
