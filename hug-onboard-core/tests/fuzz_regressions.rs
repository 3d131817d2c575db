//! Replays every input under `tests/fuzz-regressions/<target>/` through the
//! cargo-fuzz target of the same name: the targets' bodies and oracles live in
//! one file, `fuzz/core_cases.rs`, included both by the targets and here, so
//! that a crash the fuzzer once found stays fixed in the normal `cargo test`
//! and the replay can never drift from the target.

use std::path::PathBuf;

mod cases {
    #![allow(dead_code)]
    include!("../../fuzz/core_cases.rs");
}

use cases::TARGETS;

#[test]
fn every_core_fuzz_target_is_in_the_shared_cases() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/fuzz_targets");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
        .filter(|n| !n.starts_with("ffi_"))
        .collect();
    names.sort();
    let mut shared: Vec<String> = TARGETS.iter().map(|(n, _)| (*n).to_owned()).collect();
    shared.sort();
    assert_eq!(
        names, shared,
        "fuzz/fuzz_targets/*.rs vs fuzz/core_cases.rs TARGETS"
    );
    for name in &names {
        let src = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
        assert!(
            src.contains(&format!("cases::{name}(data)")),
            "fuzz/fuzz_targets/{name}.rs must call cases::{name}"
        );
    }
}

#[test]
fn every_checked_in_fuzz_input_passes() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fuzz-regressions");
    let mut replayed = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        if target.starts_with("ffi_") {
            // The C ABI targets' inputs: hug-onboard-ffi/tests/fuzz_regressions.rs replays them.
            continue;
        }
        let Some(&(_, run)) = TARGETS.iter().find(|(n, _)| *n == target) else {
            panic!("tests/fuzz-regressions/{target}: no such fuzz target");
        };
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            eprintln!("replaying {}", f.display());
            run(&bytes);
            replayed += 1;
        }
    }
    eprintln!("{replayed} fuzz regression inputs replayed");
}

/// Inputs every target must survive: empty, white space, NUL, a BOM, a lone
/// voiced mark, fragments of dates and codes, 10 000 full-width digits.
#[test]
fn hand_picked_edge_cases() {
    let long = "１".repeat(10_000);
    for s in [
        "", " ", "\0", "\u{FEFF}", "ﾞ", "ｳﾞ", "〒", "令和", "元年", "R1.", "9999-99", &long,
    ] {
        for (_, run) in TARGETS {
            run(s.as_bytes());
        }
    }
}
