//! Conformance vectors: `tests/vectors/wareki.json`.

use crate::common;

use chrono::NaiveDate;
use common::{Outcome, check_all, input_str};
use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::wareki::{self, ParseOptions, PartialDate, Style};
use serde_json::json;

#[test]
fn wareki_vectors() {
    let n = check_all("wareki", |case| {
        let lenient = case.input["lenient"].as_bool().unwrap_or(false);
        let opts = ParseOptions {
            lenient,
            ..Default::default()
        };
        match case.op.as_str() {
            "wareki.parse_date" => match wareki::parse_date_with(input_str(case, "s"), &opts) {
                Ok(d) => Outcome::Value(json!({ "date": d.to_string() })),
                Err(e) => Outcome::Error(e.code().to_owned()),
            },
            "wareki.parse" => match wareki::parse_with(input_str(case, "s"), &opts) {
                Ok(PartialDate::Date { date }) => {
                    Outcome::Value(json!({ "kind": "date", "date": date.to_string() }))
                }
                Ok(PartialDate::YearMonth { year, month }) => {
                    Outcome::Value(json!({ "kind": "year_month", "year": year, "month": month }))
                }
                Ok(PartialDate::Year { year }) => {
                    Outcome::Value(json!({ "kind": "year", "year": year }))
                }
                Err(e) => Outcome::Error(e.code().to_owned()),
            },
            "wareki.format" => {
                let d: NaiveDate = input_str(case, "date").parse().expect("date");
                let style = Style::parse(input_str(case, "style")).expect("style");
                match wareki::format(d, style) {
                    Ok(t) => Outcome::Value(json!({ "text": t })),
                    Err(e) => Outcome::Error(e.code().to_owned()),
                }
            }
            op => panic!("{}: unknown op {op}", case.id),
        }
    });
    assert!(n >= 80, "wareki vectors: only {n}");
}
