//! Compares every holiday 1970–2050 with an independent reference: the
//! holiday_jp dataset (npm `@holiday-jp/holiday_jp`), installed and dumped to
//! `tests/reference/holiday_jp.json` by `tests/reference/install.sh`.
//!
//! `./scripts/test` runs the install script and then this test with
//! `HUG_REQUIRE_REFERENCE=1`, so a missing reference fails there; a plain
//! `cargo test` skips the comparison (with a message) when the file is absent.
//!
//! Dates and kinds must match exactly. Names are compared through the mapping
//! below because the dataset labels some days differently (documented in
//! `src/calendar/REFERENCE.md`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use hug_onboard_core::calendar::{self, HolidayKind};
use serde_json::Value;

fn reference() -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/reference/holiday_jp.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("reference JSON")),
        Err(e) => {
            assert!(
                std::env::var_os("HUG_REQUIRE_REFERENCE").is_none(),
                "{}: {e} (run tests/reference/install.sh)",
                path.display()
            );
            eprintln!(
                "skipping the holiday reference check: {} is missing (run tests/reference/install.sh)",
                path.display()
            );
            None
        }
    }
}

/// The kind a reference entry stands for, from its Japanese label.
fn reference_kind(date: &str, name: &str) -> Option<HolidayKind> {
    use HolidayKind as K;
    if name.ends_with("振替休日") {
        return Some(K::SubstituteHoliday);
    }
    Some(match name {
        "休日" => K::CitizensHoliday,
        "休日（祝日扱い）" if date == "2019-05-01" => K::EnthronementDay,
        "休日（祝日扱い）" if date == "2019-10-22" => K::EnthronementCeremony,
        "大喪の礼" => K::ShowaStateFuneral,
        "即位礼正殿の儀" => K::EnthronementCeremony,
        "結婚の儀" => K::CrownPrinceNaruhitoWedding,
        "体育の日（スポーツの日）" => K::HealthSportsDay,
        other => {
            return HolidayKind::all()
                .iter()
                .copied()
                .find(|k| k.name_ja() == other);
        }
    })
}

#[test]
fn holidays_1970_2050_match_the_reference() {
    let Some(doc) = reference() else { return };
    let mut want: BTreeMap<NaiveDate, (String, Option<HolidayKind>)> = BTreeMap::new();
    for h in doc["holidays"].as_array().expect("holidays") {
        let date = h["date"].as_str().expect("date");
        let name = h["name"].as_str().expect("name");
        let d = calendar::parse_date(date).expect("reference date");
        if (1970..=2050).contains(&chrono::Datelike::year(&d)) {
            want.insert(d, (name.to_owned(), reference_kind(date, name)));
        }
    }
    assert!(want.len() > 1300, "reference too small: {}", want.len());
    let mut got = BTreeMap::new();
    for y in 1970..=2050 {
        for h in calendar::holidays_of_year(y).unwrap() {
            got.insert(h.date, h.kind);
        }
    }
    let mut problems = Vec::new();
    for (d, (name, kind)) in &want {
        match got.get(d) {
            None => problems.push(format!("{d}: reference has {name}, we have no holiday")),
            Some(k) if Some(*k) != *kind => problems.push(format!(
                "{d}: reference has {name}, we have {}",
                k.name_ja()
            )),
            Some(_) => {}
        }
    }
    for (d, k) in &got {
        if !want.contains_key(d) {
            problems.push(format!(
                "{d}: we have {}, the reference has none",
                k.name_ja()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} disagreements with {}:\n{}",
        problems.len(),
        doc["source"],
        problems.join("\n")
    );
    eprintln!("{} holidays 1970-2050 match {}", got.len(), doc["source"]);
}
