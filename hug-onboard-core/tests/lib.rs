//! The core's integration tests, compiled into ONE test binary (`--test integration`).
//!
//! Every file `tests/<name>.rs` is a module of this crate (declared below); the
//! shared vector loader is `common`. One binary links the core once instead of
//! once per file, which is most of the integration tests' build time on two
//! cores. `Cargo.toml` sets `autotests = false`, so a file that is not declared
//! here would never run: [`every_test_file_is_a_module`] fails if one is missed.
//!
//! Run one area with a filter on the module path:
//!
//! ```sh
//! cargo test -p hug-onboard-core --test integration vectors_password::
//! ```
//!
//! The independent references (`reference_holidays`, `ical_python`) skip with a
//! message unless `HUG_REQUIRE_REFERENCE=1`; `./scripts/test reference` runs
//! them with it (see that script).

mod common;

mod certificate_robustness;
mod certificate_timeline;
mod fuzz_regressions;
mod ical_python;
mod notice_props;
mod onboarding_scenarios;
mod producers;
mod properties;
mod proptest_password;
mod readiness_scenarios;
mod reference_holidays;
mod vectors_certificate;
mod vectors_facility;
mod vectors_holidays;
mod vectors_notice;
mod vectors_password;
mod vectors_profile;
mod vectors_schedule;
mod vectors_wareki;
mod wareki_roundtrip;

/// With `autotests = false` a new `tests/*.rs` file is not a test target by
/// itself: it must be declared as a module above, or its tests silently never run.
#[test]
fn every_test_file_is_a_module() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let this = include_str!("lib.rs");
    let mut missing = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/ is readable") {
        let path = entry.expect("a directory entry").path();
        let is_dir_module = path.is_dir() && path.join("mod.rs").is_file();
        let name = if is_dir_module {
            path.file_name().and_then(|n| n.to_str()).map(str::to_owned)
        } else if path.extension().is_some_and(|e| e == "rs") {
            path.file_stem().and_then(|n| n.to_str()).map(str::to_owned)
        } else {
            None
        };
        let Some(name) = name else { continue };
        if name == "lib" {
            continue;
        }
        seen += 1;
        if !this.lines().any(|l| l.trim() == format!("mod {name};")) {
            missing.push(name);
        }
    }
    assert!(
        seen > 10,
        "found only {seen} test modules in {}",
        dir.display()
    );
    assert!(
        missing.is_empty(),
        "tests/{{{}}}.rs: add `mod <name>;` to tests/lib.rs (autotests = false)",
        missing.join(",")
    );
}
