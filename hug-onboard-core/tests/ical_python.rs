//! Parses the iCalendar export with a real parser: Python's `icalendar`
//! package in the project's `.venv` (installed by `scripts/ensure-venv` from
//! `tests/requirements.txt`), via `tests/reference/check_ical.py`.
//!
//! `./scripts/test` runs `scripts/ensure-venv` and then this test with
//! `HUG_REQUIRE_REFERENCE=1`; a plain `cargo test` skips (with a message) when
//! the virtualenv or the package is missing.

use std::path::PathBuf;
use std::process::Command;

use chrono::{TimeZone, Utc};
use hug_onboard_core::schedule::{BillingCalendar, IcalOptions, Rulebook, YearMonth};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn python() -> Option<PathBuf> {
    let py = root().join(".venv/bin/python");
    let ok = py.exists()
        && Command::new(&py)
            .args(["-c", "import icalendar"])
            .status()
            .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("HUG_REQUIRE_REFERENCE").is_none(),
            "{} with the icalendar package is needed (run scripts/ensure-venv)",
            py.display()
        );
        eprintln!("skipping the iCalendar parser check: run scripts/ensure-venv");
        return None;
    }
    Some(py)
}

#[test]
fn export_parses_with_python_icalendar() {
    let Some(py) = python() else { return };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let stamp = Utc.with_ymd_and_hms(2026, 4, 1, 3, 0, 0).unwrap();
    let ym = |s| YearMonth::parse(s).unwrap();
    let rb = Rulebook::from_toml(
        &std::fs::read_to_string(root().join("tests/fixtures/rulebooks/nagano.toml")).unwrap(),
    )
    .unwrap();
    for (name, cal, scope) in [
        ("default", BillingCalendar::default(), ""),
        ("nagano", BillingCalendar::new(rb), "2012345678, 本店;\\x"),
    ] {
        let mut opts = IcalOptions::new(stamp);
        opts.uid_scope = scope.to_owned();
        opts.calendar_name = Some(format!(
            "請求カレンダー, {name}; テスト\\長い名前がここに入っても折り返しは正しく行われるはず"
        ));
        let a = cal.to_ical(ym("2026-01"), ym("2027-12"), &opts).unwrap();
        let b = cal.to_ical(ym("2027-06"), ym("2028-12"), &opts).unwrap();
        // Deterministic: same input, same bytes.
        assert_eq!(a, cal.to_ical(ym("2026-01"), ym("2027-12"), &opts).unwrap());
        let fa = dir.join(format!("{name}-a.ics"));
        let fb = dir.join(format!("{name}-b.ics"));
        std::fs::write(&fa, &a).unwrap();
        std::fs::write(&fb, &b).unwrap();
        let out = Command::new(&py)
            .arg(root().join("tests/reference/check_ical.py"))
            .arg(&fa)
            .arg("24")
            .arg(&fb)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        eprint!("{name}: {}", String::from_utf8_lossy(&out.stdout));
    }
}
