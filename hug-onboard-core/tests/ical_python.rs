//! Parses the iCalendar export with four independent parsers and checks that
//! each reads it unchanged:
//! * Python's `icalendar` in the project's `.venv` (`scripts/ensure-venv`,
//!   `tests/requirements.txt`), via `tests/reference/check_ical.py`, which
//!   also dumps every event as it read it;
//! * ical.js (Thunderbird's) and node-ical (npm, `tests/reference/install.sh`),
//!   via `tests/reference/check_ical.js`: the same events as Python read;
//! * libical (Debian `libical-dev`, `install.sh`) via
//!   `tests/reference/check_ical_libical.c`, compiled here: its strict
//!   restriction check (`icalrestriction_check`) accepts the file.
//!
//! Each checker also reads the calendar name back exactly as typed, with `,`,
//! `;` and `\` in it. `./scripts/test` runs `install.sh`, `ensure-venv` and
//! then this test with `HUG_REQUIRE_REFERENCE=1`; a plain `cargo test` skips
//! (with a message) a checker whose tools are missing.

use std::path::PathBuf;
use std::process::Command;

use chrono::{TimeZone, Utc};
use hug_onboard_core::schedule::{BillingCalendar, IcalOptions, Rulebook, YearMonth};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `None` (and a message) when a checker's tools are missing; a failure
/// instead under `HUG_REQUIRE_REFERENCE`.
fn missing(what: &str, how: &str) -> Option<()> {
    assert!(
        std::env::var_os("HUG_REQUIRE_REFERENCE").is_none(),
        "{what} is needed ({how})"
    );
    eprintln!("skipping the {what} check: {how}");
    None
}

fn python() -> Option<PathBuf> {
    let py = root().join(".venv/bin/python");
    let ok = py.exists()
        && Command::new(&py)
            .args(["-c", "import icalendar"])
            .status()
            .is_ok_and(|s| s.success());
    if !ok {
        missing("Python icalendar", "run scripts/ensure-venv")?;
    }
    Some(py)
}

fn node() -> Option<()> {
    let modules = root().join("tests/reference/node_modules");
    let ok = modules.join("ical.js/package.json").exists()
        && modules.join("node-ical/package.json").exists()
        && Command::new("node")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ok {
        missing("ical.js and node-ical", "run tests/reference/install.sh")?;
    }
    Some(())
}

/// Compiles `check_ical_libical.c` against the system's libical.
fn libical_checker(dir: &std::path::Path) -> Option<PathBuf> {
    let flags = Command::new("pkg-config")
        .args(["--cflags", "--libs", "libical"])
        .output()
        .ok()
        .filter(|o| o.status.success());
    let Some(flags) = flags else {
        return missing("libical", "run tests/reference/install.sh").map(|()| PathBuf::new());
    };
    let exe = dir.join("check_ical_libical");
    let out = Command::new("cc")
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-O1", "-o"])
        .arg(&exe)
        .arg(root().join("tests/reference/check_ical_libical.c"))
        .args(String::from_utf8_lossy(&flags.stdout).split_whitespace())
        .output()
        .expect("cc runs");
    assert!(
        out.status.success(),
        "check_ical_libical.c does not compile: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(exe)
}

fn run(what: &str, cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprint!("{what}: {}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn export_parses_unchanged_in_four_parsers() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let py = python();
    let node = node();
    let libical = libical_checker(&dir).filter(|p| !p.as_os_str().is_empty());
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
        // Every character TEXT escapes, as a user may type it.
        let typed = format!(
            "請求カレンダー, {name}; テスト\\長い名前がここに入っても折り返しは正しく行われるはず"
        );
        opts.calendar_name = Some(typed.clone());
        let a = cal.to_ical(ym("2026-01"), ym("2027-12"), &opts).unwrap();
        let b = cal.to_ical(ym("2027-06"), ym("2028-12"), &opts).unwrap();
        // Deterministic: same input, same bytes.
        assert_eq!(a, cal.to_ical(ym("2026-01"), ym("2027-12"), &opts).unwrap());
        let fa = dir.join(format!("{name}-a.ics"));
        let fb = dir.join(format!("{name}-b.ics"));
        std::fs::write(&fa, &a).unwrap();
        std::fs::write(&fb, &b).unwrap();
        assert!(
            !a.contains("METHOD:"),
            "no iTIP METHOD in a calendar to import"
        );
        let dump = dir.join(format!("{name}-a.json"));
        if let Some(py) = &py {
            run(
                &format!("{name}: Python icalendar"),
                Command::new(py)
                    .arg(root().join("tests/reference/check_ical.py"))
                    .arg(&fa)
                    .arg("24")
                    .arg(&fb)
                    .arg("--name")
                    .arg(&typed)
                    .arg("--dump")
                    .arg(&dump),
            );
            if node.is_some() {
                run(
                    &format!("{name}: ical.js and node-ical"),
                    Command::new("node")
                        .arg(root().join("tests/reference/check_ical.js"))
                        .arg(&fa)
                        .arg(&dump)
                        .arg(&typed),
                );
            }
        }
        if let Some(exe) = &libical {
            for (f, n) in [(&fa, "168"), (&fb, "133")] {
                run(
                    &format!("{name}: libical"),
                    Command::new(exe).arg(f).arg(n).arg(&typed),
                );
            }
        }
    }
}
