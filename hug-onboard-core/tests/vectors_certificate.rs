//! Conformance vectors: `tests/vectors/certificate.json`.
//!
//! `certificate.open` / `certificate.inspect` read `input.file` relative to the
//! repository root; `certificate.status` and `certificate.renewal_plan` use the
//! default `CertificateRules` (overridden by optional input keys) and the
//! `WeekendCalendar`.

use crate::common;

use chrono::{DateTime, NaiveDate, Utc};
use common::{Case, Outcome, check_all, input_str};
use hug_onboard_core::certificate::{self, CertificateInfo, Today, Validity};
use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::rules::{CertificateRules, WeekendCalendar};
use serde_json::{Value, json};

fn file(case: &Case) -> Vec<u8> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(input_str(case, "file"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {}: {e}", case.id, path.display()))
}

fn facts(c: &CertificateInfo) -> serde_json::Map<String, Value> {
    let v = json!({
        "fingerprint_sha256": c.fingerprint_sha256,
        "serial_hex": c.serial_hex,
        "valid_from_jst": c.valid_from_jst.to_string(),
        "valid_to_jst": c.valid_to_jst.to_string(),
        "facility_number": c.facility_number.map(|n| n.as_str().to_owned()),
    });
    match v {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

fn instant(case: &Case, key: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(input_str(case, key))
        .unwrap_or_else(|e| panic!("{}: {key}: {e}", case.id))
        .with_timezone(&Utc)
}

/// "today": a JST day (`YYYY-MM-DD`) or an instant (RFC 3339).
fn today(case: &Case) -> Today {
    if input_str(case, "today").contains('T') {
        Today::At(instant(case, "today"))
    } else {
        Today::Day(day(case, "today"))
    }
}

fn day(case: &Case, key: &str) -> NaiveDate {
    input_str(case, key)
        .parse()
        .unwrap_or_else(|e| panic!("{}: {key}: {e}", case.id))
}

fn rules(case: &Case) -> CertificateRules {
    let mut r = CertificateRules::default();
    if let Some(n) = case.input.get("issuance_lead_days").and_then(Value::as_u64) {
        r.issuance_lead_days = n as u32;
    }
    if let Some(n) = case
        .input
        .get("application_cutoff_day")
        .and_then(Value::as_u64)
    {
        r.application_cutoff_day = Some(n as u32);
    }
    r
}

#[test]
fn certificate_vectors() {
    let n = check_all("certificate", |case| match case.op.as_str() {
        "certificate.open" => match certificate::open(&file(case), input_str(case, "password")) {
            Ok(o) => {
                let mut m = facts(&o.info.certificate);
                m.insert("key_algorithm".into(), json!(o.private_key.algorithm()));
                Outcome::Value(Value::Object(m))
            }
            Err(e) => Outcome::Error(e.code().to_owned()),
        },
        "certificate.inspect" => {
            match certificate::inspect(&file(case), input_str(case, "password")) {
                Ok(i) => {
                    let mut m = facts(&i.certificate);
                    m.insert("has_private_key".into(), json!(i.has_private_key));
                    m.insert("leaf_is_ca".into(), json!(i.leaf_is_ca));
                    Outcome::Value(Value::Object(m))
                }
                Err(e) => Outcome::Error(e.code().to_owned()),
            }
        }
        "certificate.read" => {
            let bytes = file(case);
            let pw = input_str(case, "password");
            let r = match input_str(case, "mode") {
                "open" => certificate::open(&bytes, pw).map(|o| o.info),
                _ => certificate::inspect(&bytes, pw),
            };
            match r {
                Ok(i) => Outcome::Value(json!({
                    "leaf_sha256": i.certificate.fingerprint_sha256,
                    "chain_sha256": i.chain.iter().map(|c| c.fingerprint_sha256.clone()).collect::<Vec<_>>(),
                    "password_verified": i.password_verified,
                    "finding_codes": i.findings(None).into_iter().map(|f| f.code).collect::<Vec<_>>(),
                })),
                Err(e) => Outcome::Error(e.code().to_owned()),
            }
        }
        "certificate.status" => {
            let v = Validity::new(instant(case, "not_before"), instant(case, "not_after"));
            let s = certificate::status(&v, today(case), &rules(case));
            Outcome::Value(json!({ "code": s.code(), "days_left": s.days_left }))
        }
        "certificate.renewal_plan" => {
            let p = certificate::renewal_plan(
                instant(case, "not_after"),
                today(case),
                &rules(case),
                &WeekendCalendar,
            );
            Outcome::Value(json!({
                "code": p.code(),
                "target_window_opens": p.target_window.opens.date().to_string(),
                "install_by": p.install_by.to_string(),
                "apply_by": p.apply_by.to_string(),
                "passed": p.passed,
            }))
        }
        op => panic!("{}: unknown op {op}", case.id),
    });
    assert!(n >= 70, "certificate vectors: only {n}");
}
