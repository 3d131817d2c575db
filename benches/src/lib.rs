//! criterion benches for hug-onboard; run `cargo bench -p hug-onboard-benches`.
//! The crate itself holds only helpers shared by the benches.

/// Reads a fixture from `tests/fixtures/`.
///
/// # Panics
///
/// When the fixture is missing (benches only).
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
