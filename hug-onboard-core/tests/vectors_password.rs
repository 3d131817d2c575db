//! Conformance vectors: `tests/vectors/password.json`.
//!
//! Ops and their inputs (the C and Python faces run the same file):
//!
//! * `password.policy` `{profile}` → the policy as JSON;
//! * `password.check` `{profile, password, user_id|null}` → `{codes: [...]}`;
//! * `password.check_change` `{profile, user_id, current, new, confirm}` → `{codes: [...]}`;
//! * `password.generate` `{profile, length}` → `{length, passes, look_alikes}` or an error code.
//!
//! `profile` is `"test"`, `"production"` or `"generation"`.

use crate::common;

use common::{Case, Outcome, check_all, input_str};
use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::password::{LOOK_ALIKES, PasswordPolicy, PasswordProfile, PasswordViolation};
use serde_json::json;

fn policy(case: &Case) -> PasswordPolicy {
    PasswordPolicy::by_name(input_str(case, "profile"))
        .unwrap_or_else(|| panic!("{}: unknown profile", case.id))
}

fn codes(v: &[PasswordViolation]) -> Outcome {
    Outcome::Value(json!({ "codes": v.iter().map(Diagnostic::code).collect::<Vec<_>>() }))
}

#[test]
fn password_vectors() {
    let n = check_all("password", |case| match case.op.as_str() {
        "password.policy" => {
            Outcome::Value(serde_json::to_value(policy(case)).expect("policy json"))
        }
        "password.check" => {
            let user_id = case.input["user_id"].as_str();
            codes(&policy(case).check(input_str(case, "password"), user_id))
        }
        "password.check_change" => codes(&policy(case).check_change(
            input_str(case, "user_id"),
            input_str(case, "current"),
            input_str(case, "new"),
            input_str(case, "confirm"),
        )),
        "password.generate" => {
            let length = case.input["length"].as_u64().expect("length") as usize;
            match policy(case)
                .generate_with(length, |b| getrandom::fill(b).map_err(|e| e.to_string()))
            {
                Ok(pw) => {
                    let passes: Vec<_> = PasswordProfile::ALL
                        .iter()
                        .filter(|p| p.policy().check(pw.expose(), None).is_empty())
                        .map(|p| p.name())
                        .collect();
                    Outcome::Value(json!({
                        "length": pw.len(),
                        "passes": passes,
                        "look_alikes": pw.expose().chars().any(|c| LOOK_ALIKES.contains(c)),
                    }))
                }
                Err(e) => Outcome::Error(e.code().to_owned()),
            }
        }
        op => panic!("{}: unknown op {op}", case.id),
    });
    assert!(n >= 80, "password vectors: only {n}");
}
