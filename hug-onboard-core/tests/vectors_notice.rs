//! Conformance vectors: `tests/vectors/notice.json`.

use crate::common;

use common::{Case, Outcome, check_all, input_str};
use hug_onboard_core::diagnostic::{Diagnostic, Problems};
use hug_onboard_core::notice::{NoticeField, NoticeProblem, RegistrationNotice};
use serde_json::json;

fn outcome(r: Result<RegistrationNotice, Problems<NoticeProblem>>) -> Outcome {
    match r {
        Ok(n) => Outcome::Value(json!({
            "kind": n.kind.as_str(),
            "date": n.date.map(|d| d.to_string()),
            "federation": n.federation,
            "facility_number": n.facility_number.as_str(),
            "postal_code": n.postal_code.map(|p| p.to_string()),
            "address": n.address,
            "facility_name": n.facility_name,
            "user_id": n.user_id.as_str(),
            "remarks": n.remarks,
            "temporary_password": n.temporary_password.expose(),
            "certificate_password": n.certificate_password.expose(),
            "findings": n.findings().iter().map(|f| f.code()).collect::<Vec<_>>(),
        })),
        Err(p) => Outcome::Errors(p.codes().into_iter().map(str::to_owned).collect()),
    }
}

/// A case's `rereads` {field: [reads]}.
fn rereads(case: &Case) -> Vec<(NoticeField, Vec<String>)> {
    case.input["rereads"]
        .as_object()
        .unwrap_or_else(|| panic!("{}: input.rereads must be an object", case.id))
        .iter()
        .map(|(k, v)| {
            let f = NoticeField::from_key(k)
                .unwrap_or_else(|| panic!("{}: unknown field {k}", case.id));
            let reads = serde_json::from_value(v.clone())
                .unwrap_or_else(|_| panic!("{}: reads must be strings", case.id));
            (f, reads)
        })
        .collect()
}

#[test]
fn notice_vectors() {
    let n = check_all("notice", |case| match case.op.as_str() {
        "notice.parse" => outcome(RegistrationNotice::parse(input_str(case, "text"))),
        "notice.from_json" => outcome(RegistrationNotice::from_json(input_str(case, "json"))),
        "notice.parse_ocr" => outcome(RegistrationNotice::parse_ocr(input_str(case, "text"))),
        "notice.parse_ocr_tsv" => {
            outcome(RegistrationNotice::parse_ocr_tsv(input_str(case, "tsv")))
        }
        // A second OCR pass: the page (`tsv`, else `text`), then `rereads` {field: [reads]}.
        "notice.ocr_rereads" => {
            let page = match case.input.get("tsv").and_then(|v| v.as_str()) {
                Some(tsv) => RegistrationNotice::parse_ocr_tsv(tsv),
                None => RegistrationNotice::parse_ocr(input_str(case, "text")),
            };
            outcome(page.and_then(|n| n.with_ocr_rereads(&rereads(case))))
        }
        // The page and its second reads in one step.
        "notice.parse_ocr_tsv_rereads" => outcome(RegistrationNotice::parse_ocr_tsv_with_rereads(
            input_str(case, "tsv"),
            &rereads(case),
        )),
        op => panic!("{}: unknown op {op}", case.id),
    });
    assert!(n >= 40, "notice vectors: only {n}");
}
