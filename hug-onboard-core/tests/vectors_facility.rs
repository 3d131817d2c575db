//! Conformance vectors: `tests/vectors/facility.json`.

use crate::common;

use common::{Outcome, check_all, input_str};
use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::facility::{FacilityNumber, UserId};
use serde_json::json;

#[test]
fn facility_vectors() {
    let n = check_all("facility", |case| match case.op.as_str() {
        "facility.parse" => match FacilityNumber::parse(input_str(case, "s")) {
            Ok(n) => Outcome::Value(json!({
                "number": n.as_str(),
                "prefecture": n.prefecture().number(),
                "prefecture_ja": n.prefecture().name_ja(),
                "prefecture_en": n.prefecture().name_en(),
            })),
            Err(e) => Outcome::Error(e.code().to_owned()),
        },
        "user_id.parse" => match UserId::parse(input_str(case, "s")) {
            Ok(id) => Outcome::Value(json!({ "id": id.as_str() })),
            Err(e) => Outcome::Error(e.code().to_owned()),
        },
        op => panic!("{}: unknown op {op}", case.id),
    });
    assert!(n >= 30, "facility vectors: only {n}");
}
