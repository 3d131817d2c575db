//! Loader for the shared conformance vectors in `tests/vectors/*.json`.
//!
//! File format (the C and Python faces read the same files):
//!
//! ```json
//! { "area": "facility",
//!   "cases": [
//!     { "id": "facility-001", "op": "facility.parse",
//!       "input": { "s": "1312345678" },
//!       "expect": { "value": { "number": "1312345678", "prefecture": 13 } } },
//!     { "id": "facility-002", "op": "facility.parse", "input": { "s": "" },
//!       "expect": { "error": "facility.empty" } } ] }
//! ```
//!
//! `expect` holds exactly one of `value` (the result, compared as JSON),
//! `error` (the code of the error) or `errors` (every code, in order).
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// One case of a vector file.
#[derive(Debug)]
pub struct Case {
    pub id: String,
    pub op: String,
    pub input: Value,
    pub expect: Value,
}

/// What a runner produced for a case.
pub enum Outcome {
    Value(Value),
    Error(String),
    Errors(Vec<String>),
}

pub fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

pub fn load(area: &str) -> Vec<Case> {
    let path = vectors_dir().join(format!("{area}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(doc["area"], area, "{}", path.display());
    doc["cases"]
        .as_array()
        .expect("cases array")
        .iter()
        .map(|c| Case {
            id: c["id"].as_str().expect("id").to_owned(),
            op: c["op"].as_str().expect("op").to_owned(),
            input: c["input"].clone(),
            expect: c["expect"].clone(),
        })
        .collect()
}

pub fn input_str<'a>(case: &'a Case, key: &str) -> &'a str {
    case.input[key]
        .as_str()
        .unwrap_or_else(|| panic!("{}: input.{key} must be a string", case.id))
}

/// Runs every case of an area through `run` and reports every mismatch at once.
pub fn check_all(area: &str, run: impl Fn(&Case) -> Outcome) -> usize {
    let cases = load(area);
    let mut ids = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for case in &cases {
        assert!(ids.insert(case.id.clone()), "duplicate id {}", case.id);
        let got = run(case);
        let ok = match (&got, &case.expect) {
            (Outcome::Value(v), e) if e.get("value").is_some() => &e["value"] == v,
            (Outcome::Error(c), e) if e.get("error").is_some() => e["error"] == c.as_str(),
            (Outcome::Errors(cs), e) if e.get("errors").is_some() => {
                e["errors"] == Value::from(cs.clone())
            }
            _ => false,
        };
        if !ok {
            let got = match got {
                Outcome::Value(v) => format!("value {v}"),
                Outcome::Error(c) => format!("error {c}"),
                Outcome::Errors(cs) => format!("errors {cs:?}"),
            };
            failures.push(format!(
                "{} ({}): expected {}, got {got}",
                case.id, case.op, case.expect
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} {area} vectors failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    cases.len()
}
