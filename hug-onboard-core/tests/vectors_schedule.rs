//! Conformance vectors: `tests/vectors/schedule.json` (computed independently
//! by `tests/reference/gen_schedule_vectors.py`).

mod common;

use common::{Case, Outcome, check_all, input_str};
use hug_onboard_core::calendar::{self, JapaneseCalendar};
use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::schedule::{
    BillingCalendar, DocumentKind, Rulebook, ScheduleError, YearMonth, parse_instant,
};
use serde_json::json;

fn billing(case: &Case) -> BillingCalendar {
    let rulebook = match (case.input.get("prefecture"), case.input.get("rulebook")) {
        (Some(code), _) => Rulebook::for_prefecture_code(code.as_str().expect("code"))
            .expect("registry rulebook")
            .clone(),
        (None, Some(v)) => Rulebook::from_json(&v.to_string()).expect("vector rulebook"),
        (None, None) => Rulebook::default(),
    };
    let mut cal = BillingCalendar::new(rulebook);
    if let Some(y) = case.input["last_announced_year"].as_i64() {
        cal.calendar = JapaneseCalendar {
            last_announced_year: y as i32,
            ..JapaneseCalendar::default()
        };
    }
    cal
}

fn outcome<T>(r: Result<T, ScheduleError>, f: impl FnOnce(T) -> serde_json::Value) -> Outcome {
    match r {
        Ok(v) => Outcome::Value(f(v)),
        Err(e) => Outcome::Error(e.code().to_owned()),
    }
}

#[test]
fn schedule_vectors() {
    let n = check_all("schedule", |case| match case.op.as_str() {
        "schedule.month" => {
            let cal = billing(case);
            let r =
                YearMonth::parse(input_str(case, "service_month")).and_then(|m| cal.schedule(m));
            outcome(r, |s| serde_json::to_value(s).expect("json"))
        }
        "schedule.window_open" => {
            let r = parse_instant(input_str(case, "at")).and_then(|t| billing(case).window_at(t));
            outcome(
                r,
                |w| json!({ "open": w.is_some(), "service_month": w.map(|(m, _)| m.to_string()) }),
            )
        }
        "schedule.next_deadline" => {
            let r =
                parse_instant(input_str(case, "at")).and_then(|t| billing(case).next_deadline(t));
            outcome(r, |d| {
                json!({
                    "service_month": d.service_month.to_string(),
                    "opens": d.window.opens,
                    "closes": d.window.closes,
                    "open_now": d.open_now,
                })
            })
        }
        "schedule.events_on" => {
            let r = calendar::parse_date(input_str(case, "date"))
                .map_err(ScheduleError::from)
                .and_then(|d| billing(case).events_on(d));
            outcome(r, |evs| {
                let v: Vec<_> = evs
                    .iter()
                    .map(|e| {
                        json!({
                            "kind": e.kind,
                            "service_month": e.service_month.to_string(),
                            "document": e.document,
                        })
                    })
                    .collect();
                json!(v)
            })
        }
        "rulebook.parse" => match Rulebook::from_json(input_str(case, "json")) {
            Ok(r) => Outcome::Value(json!({
                "id": r.id(),
                "payment_notice_release_day": r.document(DocumentKind::PaymentNotice).release_day,
                "closing_day": r.window().closing_day,
                "payment_day": r.payment().day,
            })),
            Err(p) => Outcome::Errors(p.codes().into_iter().map(str::to_owned).collect()),
        },
        "rulebook.for_prefecture" => match Rulebook::for_prefecture_code(input_str(case, "code")) {
            Ok(r) => Outcome::Value(json!({
                "id": r.id(),
                "prefecture": r.prefecture(),
                "sourced": r.sources().keys().collect::<Vec<_>>(),
            })),
            Err(p) => Outcome::Error(p.codes()[0].to_owned()),
        },
        op => panic!("{}: unknown op {op}", case.id),
    });
    assert!(n >= 60, "schedule vectors: only {n}");
}
