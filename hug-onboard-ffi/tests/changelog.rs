//! `CHANGELOG.md` records what the library exposes: every code of the catalogue
//! the C face reports (`hug_code_catalogue_json`: the core's codes followed by
//! the C boundary's own `ffi.*` codes) and every `hug_status` value of
//! `include/hug_onboard.h`. A code or status added without its CHANGELOG line
//! fails here; the failure prints the lines to add under `## [Unreleased]`.
//! (The Python face's own codes: `hug-onboard-py/tests/test_changelog.py`.)

use std::ffi::{CStr, c_char};
use std::path::PathBuf;

use hug_onboard::{hug_code_catalogue_json, hug_status, hug_string_free};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `(code, summary)` of every catalogued code, through the C entry point.
fn catalogue() -> Vec<(String, String)> {
    let mut p: *mut c_char = std::ptr::null_mut();
    // SAFETY: `p` is a valid out-pointer.
    let status = unsafe { hug_code_catalogue_json(&mut p) };
    assert_eq!(status, hug_status::HUG_OK);
    assert!(!p.is_null());
    // SAFETY: on HUG_OK `p` is a NUL-terminated string owned by the library.
    let json = unsafe { CStr::from_ptr(p) }
        .to_str()
        .expect("UTF-8")
        .to_owned();
    // SAFETY: allocated by the library, freed once.
    unsafe { hug_string_free(p) };
    let v: serde_json::Value = serde_json::from_str(&json).expect("catalogue JSON");
    v.as_array()
        .expect("an array")
        .iter()
        .map(|e| {
            (
                e["code"].as_str().expect("code").to_owned(),
                e["summary"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// `(name, value)` of every enumerator of `enum hug_status` in the committed header.
fn statuses() -> Vec<(String, String)> {
    let header = std::fs::read_to_string(root().join("include/hug_onboard.h")).expect("header");
    let start = header.find("enum hug_status").expect("enum hug_status");
    let body = &header[start..];
    let body = &body[..body.find("};").expect("end of enum")];
    body.lines()
        .filter_map(|l| {
            let (name, value) = l.trim().trim_end_matches(',').split_once(" = ")?;
            name.starts_with("HUG_")
                .then(|| (name.to_owned(), value.to_owned()))
        })
        .collect()
}

#[test]
fn changelog_records_every_code_and_status() {
    let log = std::fs::read_to_string(root().join("CHANGELOG.md")).expect("CHANGELOG.md");
    let codes = catalogue();
    let statuses = statuses();
    assert!(codes.len() > 100, "only {} codes", codes.len());
    assert!(statuses.len() >= 10, "only {} statuses", statuses.len());
    let mut missing: Vec<String> = codes
        .iter()
        .filter(|(c, _)| !log.contains(&format!("`{c}`")))
        .map(|(c, s)| format!("- `{c}` — {s}"))
        .collect();
    missing.extend(
        statuses
            .iter()
            .filter(|(n, _)| !log.contains(&format!("`{n}`")))
            .map(|(n, v)| format!("- `{n}` = {v}")),
    );
    assert!(
        missing.is_empty(),
        "CHANGELOG.md does not mention {} code(s)/status(es); add them under `## [Unreleased]` / `### Added`:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
