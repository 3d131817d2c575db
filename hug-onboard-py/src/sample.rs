//! The walkthrough's sample facility (`tests/fixtures/walkthrough/sample.json` and
//! the files it names), embedded at build time: an installed package has no
//! repository to read, and the Rust example
//! (`hug-onboard-core/examples/walkthrough.rs`) reads the very same files.
//! `hug-onboard-py/tests/test_walkthrough_shared.py` checks that every file the
//! sample names is here and that both walkthroughs end in the same state.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

macro_rules! fixtures {
    ($($rel:literal),* $(,)?) => {
        &[$(($rel, include_bytes!(concat!("../../tests/fixtures/", $rel)))),*]
    };
}

/// `(path relative to tests/fixtures/, contents)`.
const FILES: &[(&str, &[u8])] = fixtures![
    "walkthrough/sample.json",
    "notices/test_notice.txt",
    "notices/production_notice.txt",
    "guide-openssl3.p12",
    "renewed-openssl3.p12",
    "valid-openssl3.p12",
];

/// The walkthrough's sample files: `{path relative to tests/fixtures/: bytes}`.
#[pyfunction]
pub fn _walkthrough_sample(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    for (name, bytes) in FILES {
        d.set_item(*name, PyBytes::new(py, bytes))?;
    }
    Ok(d)
}
