//! Conformance vectors: `tests/vectors/profile.json`.

mod common;

use common::{Outcome, check_all};
use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::profile::ProfileInput;
use serde_json::json;

#[test]
fn profile_vectors() {
    let n = check_all("profile", |case| match case.op.as_str() {
        "profile.validate" => {
            let input: ProfileInput = serde_json::from_value(case.input["fields"].clone())
                .unwrap_or_else(|e| panic!("{}: {e}", case.id));
            match input.validate(None) {
                Ok(c) => Outcome::Value(json!({
                    "profile": serde_json::to_value(&c.profile).unwrap(),
                    "warnings": c.warnings.iter().map(|w| w.code()).collect::<Vec<_>>(),
                })),
                Err(p) => Outcome::Errors(p.codes().into_iter().map(str::to_owned).collect()),
            }
        }
        op => panic!("{}: unknown op {op}", case.id),
    });
    assert!(n >= 20, "profile vectors: only {n}");
}
