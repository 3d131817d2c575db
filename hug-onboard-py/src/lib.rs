//! `hug_onboard._native`: the pyo3 extension module behind the `hug_onboard`
//! Python package. Python users import `hug_onboard`, never this module.
//!
//! Conventions (see `hug-onboard-py/README.md`):
//! * every function body runs in [`errors::guard`]: a panic becomes a
//!   `HugOnboardError`, never a crash or a `PanicException`;
//! * every core error crosses as findings mapped to an exception class in ONE
//!   place (`hug_onboard/_errors.py`);
//! * dates are `datetime.date`, instants aware `datetime.datetime`.

use pyo3::prelude::*;

mod calendar;
mod certificate;
mod errors;
mod facility;
mod fastcal;
mod lifecycle;
mod literals;
mod notice;
mod onboarding;
mod password;
mod profile;
mod readiness;
mod sample;
mod schedule;
mod wareki;

/// One entry of the code catalogue.
#[pyclass(module = "hug_onboard._native", name = "CodeInfo", frozen, eq, hash)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PyCodeInfo {
    code: &'static str,
    kind: &'static str,
    severity: &'static str,
    summary: &'static str,
}

#[pymethods]
impl PyCodeInfo {
    /// The stable code.
    #[getter]
    fn code(&self) -> &'static str {
        self.code
    }
    /// Its kind (`"invalid_input"`, `"wrong_password"`, …).
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind
    }
    /// Its usual severity.
    #[getter]
    fn severity(&self) -> &'static str {
        self.severity
    }
    /// One line in English saying when it is emitted.
    #[getter]
    fn summary(&self) -> &'static str {
        self.summary
    }
    fn __repr__(&self) -> String {
        format!(
            "CodeInfo('{}', '{}', '{}')",
            self.code, self.kind, self.severity
        )
    }
}

/// Every code the core can emit, plus the binding's own codes, each with its kind.
#[pyfunction]
fn codes() -> Vec<PyCodeInfo> {
    errors::catalogue()
        .into_iter()
        .map(|c| PyCodeInfo {
            code: c.code,
            kind: c.kind.as_str(),
            severity: c.severity.as_str(),
            summary: c.summary,
        })
        .collect()
}

/// Panics on purpose: proves that a panic becomes `HugOnboardError` (tests only).
#[pyfunction]
fn _panic_for_test(py: Python<'_>) -> PyResult<()> {
    errors::guard(py, || -> PyResult<()> {
        let v: Vec<u8> = Vec::new();
        let i = v.len() + 1;
        // Indexing out of bounds: the kind of bug the guard exists for.
        #[allow(clippy::indexing_slicing)]
        let _ = v[i];
        Ok(())
    })
}

/// The messages of the binding's codes raised from Python (`ocr.*`): code ->
/// (Japanese, English) with a `{detail}` slot (`hug_onboard._ocr.CODES`).
#[pyfunction]
fn _binding_messages() -> std::collections::BTreeMap<&'static str, (&'static str, &'static str)> {
    errors::BindingCode::PYTHON_RAISED
        .iter()
        .filter_map(|c| c.python_messages().map(|m| (c.code(), m)))
        .collect()
}

/// The module. Every `add_class` / `add_function` / `add` here also appends
/// the name to the module's `__all__`: this list is THE list of the package's
/// exported names (`hug_onboard/__init__.py` re-exports `_native.__all__`;
/// the stub's `__all__` is checked against it by stubtest and
/// `tests/test_stubs.py`).
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<errors::PyFinding>()?;
    m.add_class::<PyCodeInfo>()?;
    m.add_class::<facility::PyPrefecture>()?;
    m.add_class::<facility::PyFacilityNumber>()?;
    m.add_class::<facility::PyUserId>()?;
    m.add_class::<wareki::PyPartialDate>()?;
    m.add_class::<wareki::PyEraTable>()?;
    m.add_class::<notice::PyNotice>()?;
    m.add_class::<password::PyPasswordPolicy>()?;
    m.add_class::<onboarding::PyStep>()?;
    m.add_class::<onboarding::PyOnboarding>()?;
    m.add_class::<calendar::PyHoliday>()?;
    m.add_class::<calendar::PyJapaneseCalendar>()?;
    m.add_class::<schedule::PyRulebook>()?;
    m.add_class::<schedule::PyClaimWindow>()?;
    m.add_class::<schedule::PyDocumentRelease>()?;
    m.add_class::<schedule::PyDayEvent>()?;
    m.add_class::<schedule::PyDeadline>()?;
    m.add_class::<schedule::PyMonthSchedule>()?;
    m.add_class::<schedule::PyBillingCalendar>()?;
    m.add_class::<certificate::PyCertificate>()?;
    m.add_class::<certificate::PyCertificateStatus>()?;
    m.add_class::<certificate::PyRenewalPlan>()?;
    m.add_class::<readiness::PyReadinessFinding>()?;
    m.add_class::<readiness::PyAction>()?;
    m.add_class::<readiness::PyReadiness>()?;
    m.add_class::<readiness::PyBatchReport>()?;
    m.add_class::<readiness::PyReminder>()?;
    m.add_class::<profile::PyFacilityProfile>()?;
    m.add_class::<lifecycle::PyAddressee>()?;
    m.add_class::<lifecycle::PyEstimate>()?;
    m.add_class::<lifecycle::PyIssuedCertificate>()?;
    m.add_class::<lifecycle::PyCertificateLifecycle>()?;
    m.add_function(wrap_pyfunction!(readiness::evaluate_many, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::parse_date, m)?)?;
    // is_holiday, holiday_name, is_business_day: C-level functions (fastcal.rs).
    fastcal::register(m)?;
    m.add_function(wrap_pyfunction!(calendar::holiday, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::holidays_of_year, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::next_business_day, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::previous_business_day, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::roll_forward, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::billing_schedule, m)?)?;
    m.add_function(wrap_pyfunction!(schedule::document_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(certificate::certificate_status, m)?)?;
    m.add_function(wrap_pyfunction!(certificate::renewal_plan, m)?)?;
    m.add_function(wrap_pyfunction!(wareki::parse_wareki, m)?)?;
    m.add_function(wrap_pyfunction!(wareki::parse_wareki_partial, m)?)?;
    m.add_function(wrap_pyfunction!(wareki::format_wareki, m)?)?;
    m.add_function(wrap_pyfunction!(codes, m)?)?;
    // Private helpers: attributes, but not in `__all__` (so not re-exported by
    // `hug_onboard`, whose `__all__` is derived from this module's).
    m.setattr("_panic_for_test", wrap_pyfunction!(_panic_for_test, m)?)?;
    m.setattr("_binding_messages", wrap_pyfunction!(_binding_messages, m)?)?;
    m.setattr(
        "_walkthrough_sample",
        wrap_pyfunction!(sample::_walkthrough_sample, m)?,
    )?;
    m.setattr("_literals", wrap_pyfunction!(literals::_literals, m)?)?;
    Ok(())
}
