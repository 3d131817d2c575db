//! Conformance vectors: `tests/vectors/holidays.json` (generated from the
//! independent reference by `tests/reference/gen_holiday_vectors.py`).

use crate::common;

use common::{Case, Outcome, check_all, input_str};
use hug_onboard_core::Lang;
use hug_onboard_core::calendar::{self, CalendarError, JapaneseCalendar};
use hug_onboard_core::diagnostic::Diagnostic;
use serde_json::json;

fn cal(case: &Case) -> JapaneseCalendar {
    if case.input["year_end_closure"].as_bool().unwrap_or(false) {
        JapaneseCalendar::with_year_end_closure()
    } else {
        JapaneseCalendar::default()
    }
}

fn outcome<T>(r: Result<T, CalendarError>, f: impl FnOnce(T) -> serde_json::Value) -> Outcome {
    match r {
        Ok(v) => Outcome::Value(f(v)),
        Err(e) => Outcome::Error(e.code().to_owned()),
    }
}

#[test]
fn holidays_vectors() {
    let n = check_all("holidays", |case| {
        let date = || calendar::parse_date(input_str(case, "date"));
        match case.op.as_str() {
            "calendar.holidays_of_year" => {
                let year = case.input["year"].as_i64().expect("year");
                let year = i32::try_from(year).unwrap_or(i32::MAX);
                let c = JapaneseCalendar {
                    last_announced_year: case.input["last_announced_year"].as_i64().expect("lay")
                        as i32,
                    ..Default::default()
                };
                let r = c
                    .year_status(year)
                    .and_then(|s| Ok((s, calendar::holidays_of_year(year)?)));
                outcome(r, |(status, hs)| {
                    let hs: Vec<_> = hs
                        .iter()
                        .map(|h| json!({ "date": h.date.to_string(), "kind": h.kind.id() }))
                        .collect();
                    json!({ "year": year, "status": status, "holidays": hs })
                })
            }
            "calendar.holiday_name" => {
                let lang = Lang::parse(input_str(case, "lang")).expect("lang");
                outcome(
                    date().and_then(|d| calendar::holiday_name(d, lang)),
                    |n| json!({ "name": n }),
                )
            }
            "calendar.is_business_day" => outcome(
                date().and_then(|d| cal(case).is_business_day(d)),
                |b| json!({ "business_day": b }),
            ),
            "calendar.next_business_day" => outcome(
                date().and_then(|d| cal(case).next_business_day(d)),
                |d| json!({ "date": d.to_string() }),
            ),
            "calendar.previous_business_day" => outcome(
                date().and_then(|d| cal(case).previous_business_day(d)),
                |d| json!({ "date": d.to_string() }),
            ),
            op => panic!("{}: unknown op {op}", case.id),
        }
    });
    assert!(n >= 150, "holidays vectors: only {n}");
}
