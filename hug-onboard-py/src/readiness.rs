//! `Onboarding.readiness`, `evaluate_many`: the readiness report in Python.
//!
//! `evaluate_many` parses every JSON state and evaluates them in Rust in one
//! call, with the GIL released.

use chrono::NaiveDate;
use hug_onboard_core::diagnostic::{Diagnostic, Lang};
use hug_onboard_core::onboarding::readiness::MAX_REMINDER_DAYS;
use hug_onboard_core::onboarding::{
    Action, BatchContext, CertificateEvidence, Onboarding, Readiness, ReadinessFinding, Reminder,
    evaluate_many as core_evaluate_many,
};
use hug_onboard_core::schedule::BillingCalendar;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::errors::{BindingCode, PyFinding, binding_err, guard, parse_lang, py_repr, to_err};
use crate::errors::{Text, text_of};
use crate::facility::PyFacilityNumber;
use crate::onboarding::PyOnboarding;
use crate::schedule::{PyClaimWindow, PyRulebook};

/// One finding of the readiness report: code, severity, guide page, fix-by day, messages.
#[pyclass(module = "hug_onboard._native", name = "ReadinessFinding", frozen)]
pub struct PyReadinessFinding(ReadinessFinding);

#[pymethods]
impl PyReadinessFinding {
    /// The stable code (`"readiness.step_missing"`, …).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code()
    }
    /// `"info"`, `"warning"` or `"error"` (an error blocks billing in the coming window).
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }
    /// The guide page that explains the fix.
    #[getter]
    fn guide_page(&self) -> &'static str {
        self.0.guide_page
    }
    /// The day by which it must be fixed, if any.
    #[getter]
    fn fix_by(&self) -> Option<NaiveDate> {
        self.0.fix_by
    }
    /// What `fix_by` rests on: `"sourced"`, `"approximate"` or `"unverified"` (a default
    /// rule); None without a day.
    #[getter]
    fn fix_by_basis(&self) -> Option<&'static str> {
        self.0.fix_by.map(|_| self.0.fix_by_basis.id())
    }
    /// The message in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn message(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(self.0.message(parse_lang(py, &lang)?))
    }
    /// As a `Finding`.
    fn to_finding(&self) -> PyFinding {
        PyFinding::of(&self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "ReadinessFinding('{}', severity='{}')",
            self.0.code(),
            self.0.severity.as_str()
        )
    }
}

/// One of the next actions: code, step, guide page, due day, messages.
#[pyclass(module = "hug_onboard._native", name = "Action", frozen)]
pub struct PyAction(Action);

#[pymethods]
impl PyAction {
    /// The finding's code.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code
    }
    /// The step to do, when the action is a step.
    #[getter]
    fn step_id(&self) -> Option<&str> {
        self.0.step_id.as_deref()
    }
    /// The guide page.
    #[getter]
    fn guide_page(&self) -> &'static str {
        self.0.guide_page
    }
    /// By when.
    #[getter]
    fn due(&self) -> Option<NaiveDate> {
        self.0.due
    }
    /// What `due` rests on: `"sourced"`, `"approximate"` or `"unverified"`; None without a day.
    #[getter]
    fn due_basis(&self) -> Option<&'static str> {
        self.0.due_basis.map(|b| b.id())
    }
    /// What to do, in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn message(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(match parse_lang(py, &lang)? {
            Lang::Ja => self.0.message_ja.clone(),
            Lang::En => self.0.message_en.clone(),
        })
    }
    fn __repr__(&self) -> String {
        format!("Action('{}', step_id={:?})", self.0.code, self.0.step_id)
    }
}

/// The readiness report of one facility on a day.
#[pyclass(module = "hug_onboard._native", name = "Readiness", frozen)]
pub struct PyReadiness(pub Readiness);

#[pymethods]
impl PyReadiness {
    /// The facility.
    #[getter]
    fn facility_number(&self) -> PyFacilityNumber {
        PyFacilityNumber(self.0.facility_number)
    }
    /// The day judged.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.0.today
    }
    /// The claim month of the coming window, `"YYYY-MM"`.
    #[getter]
    fn claim_month(&self) -> String {
        self.0.claim_month.to_string()
    }
    /// The coming claim window (aware JST datetimes).
    #[getter]
    fn claim_window(&self) -> PyClaimWindow {
        PyClaimWindow(self.0.window)
    }
    /// Whether nothing blocks billing in that window.
    #[getter]
    fn can_bill(&self) -> bool {
        self.0.can_bill
    }
    /// The id of the rulebook the dates come from (`"kyoto"`, `"default"`).
    #[getter]
    fn rulebook_id(&self) -> &str {
        &self.0.rulebook.id
    }
    /// Which rulebook, and whether its rules are sourced:
    /// `京都府国保連の規則（出典あり）` / `東京都国保連の規則：既定値（未確認）`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn rulebook_label(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(match crate::errors::parse_lang(py, &lang)? {
            hug_onboard_core::Lang::Ja => self.0.rulebook.label_ja.clone(),
            hug_onboard_core::Lang::En => self.0.rulebook.label_en.clone(),
        })
    }
    /// What the window's last day rests on: `"sourced"`, `"approximate"` or `"unverified"`.
    #[getter]
    fn window_basis(&self) -> &'static str {
        self.0.window_basis.id()
    }
    /// Every finding, most serious and most urgent first.
    #[getter]
    fn findings(&self) -> Vec<PyReadinessFinding> {
        self.0
            .findings
            .iter()
            .cloned()
            .map(PyReadinessFinding)
            .collect()
    }
    /// The codes of the findings, in order.
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.0.codes()
    }
    /// The next one to three things to do.
    #[getter]
    fn next_actions(&self) -> Vec<PyAction> {
        self.0.next_actions.iter().cloned().map(PyAction).collect()
    }
    /// The report as JSON (both languages).
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    fn __repr__(&self) -> String {
        format!(
            "Readiness(facility_number='{}', can_bill={}, findings={})",
            self.0.facility_number,
            if self.0.can_bill { "True" } else { "False" },
            self.0.findings.len()
        )
    }
}

/// A batch's results and summary.
#[pyclass(module = "hug_onboard._native", name = "BatchReport", frozen)]
pub struct PyBatchReport(hug_onboard_core::onboarding::BatchReport);

#[pymethods]
impl PyBatchReport {
    /// One report per state, in input order.
    #[getter]
    fn results(&self) -> Vec<PyReadiness> {
        self.0.results.iter().cloned().map(PyReadiness).collect()
    }
    /// How many facilities.
    #[getter]
    fn total(&self) -> usize {
        self.0.total
    }
    /// How many can bill in the coming window.
    #[getter]
    fn can_bill(&self) -> usize {
        self.0.can_bill
    }
    /// How many facilities have each finding code (errors and warnings).
    #[getter]
    fn by_code<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in &self.0.by_code {
            d.set_item(*k, *v)?;
        }
        Ok(d)
    }
    fn __len__(&self) -> usize {
        self.0.total
    }
    fn __repr__(&self) -> String {
        format!(
            "BatchReport(total={}, can_bill={})",
            self.0.total, self.0.can_bill
        )
    }
}

/// A reminder for a day: date, code (`reminder.*`), message.
#[pyclass(module = "hug_onboard._native", name = "Reminder", frozen, eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyReminder(Reminder);

#[pymethods]
impl PyReminder {
    /// The day to tell the user.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }
    /// The stable code (`"reminder.window_opens"`, …).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code
    }
    /// What its date rests on: `"sourced"`, `"approximate"` or `"unverified"` (flag it).
    #[getter]
    fn basis(&self) -> &'static str {
        self.0.basis.id()
    }
    /// The message in Japanese.
    #[getter]
    fn message_ja(&self) -> &str {
        &self.0.message_ja
    }
    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.0.message_en
    }
    /// The message in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn message(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(match parse_lang(py, &lang)? {
            Lang::Ja => self.0.message_ja.clone(),
            Lang::En => self.0.message_en.clone(),
        })
    }
    /// A plain dict (`date` as `YYYY-MM-DD`, `code`, `basis`, `message_ja`, `message_en`) for JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("date", self.0.date.to_string())?;
        d.set_item("code", self.0.code)?;
        d.set_item("basis", self.0.basis.id())?;
        d.set_item("message_ja", &self.0.message_ja)?;
        d.set_item("message_en", &self.0.message_en)?;
        Ok(d)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Reminder(date='{}', code='{}', message_en={})",
            self.0.date,
            self.0.code,
            py_repr(py, &self.0.message_en)?
        ))
    }
}

/// The reminders of an onboarding (used by `Onboarding.reminders`).
pub fn reminders_of(
    py: Python<'_>,
    ob: &Onboarding,
    today: NaiveDate,
    days: &crate::errors::IntValue,
    rulebook: Option<PyRef<'_, PyRulebook>>,
) -> PyResult<Vec<PyReminder>> {
    // Any integer outside 0–366, however large, is this code (not the machine
    // range's `binding.out_of_range`), with the value as given.
    let days = days
        .value
        .and_then(|d| u32::try_from(d).ok())
        .filter(|d| *d <= MAX_REMINDER_DAYS)
        .ok_or_else(|| {
            let shown = &days.shown;
            binding_err(
                py,
                BindingCode::InvalidDays,
                format!("日数 {shown} は使えません。0〜{MAX_REMINDER_DAYS} を指定してください。"),
                format!("days must be 0 to {MAX_REMINDER_DAYS}, not {shown}."),
            )
        })?;
    let cal = billing(py, ob, rulebook)?;
    guard(py, || {
        Ok(ob
            .reminders(today, days, &cal)
            .into_iter()
            .map(PyReminder)
            .collect())
    })
}

/// The rulebook given, or the facility's own 国保連's.
fn billing(
    py: Python<'_>,
    ob: &Onboarding,
    rulebook: Option<PyRef<'_, PyRulebook>>,
) -> PyResult<BillingCalendar> {
    match rulebook {
        Some(r) => Ok(BillingCalendar::new((*r.0).clone())),
        None => ob
            .own_calendar()
            .map_err(|p| crate::errors::problems_err(py, &p)),
    }
}

/// The readiness report of an onboarding (used by `Onboarding.readiness`).
pub fn readiness_of(
    py: Python<'_>,
    ob: &Onboarding,
    today: NaiveDate,
    rulebook: Option<PyRef<'_, PyRulebook>>,
) -> PyResult<PyReadiness> {
    let cal = billing(py, ob, rulebook)?;
    guard(py, || Ok(PyReadiness(ob.readiness(today, &cal))))
}

/// Evaluates many facilities on one day: `states` are JSON texts (as
/// `to_json` writes them) or `Onboarding` objects. JSON is parsed and every
/// state evaluated in Rust with the GIL released. A state that cannot be read
/// raises `WorkflowError` (`state.*`) naming its index.
#[pyfunction]
#[pyo3(signature = (states, today, rulebook = None, *, agent_certificates = None))]
pub fn evaluate_many(
    py: Python<'_>,
    states: Vec<Bound<'_, PyAny>>,
    today: NaiveDate,
    rulebook: Option<PyRef<'_, PyRulebook>>,
    agent_certificates: Option<Vec<Bound<'_, PyAny>>>,
) -> PyResult<PyBatchReport> {
    // An explicit rulebook for all; else each facility its own 国保連's.
    let cal = rulebook.map(|r| BillingCalendar::new((*r.0).clone()));
    let mut texts: Vec<Option<String>> = Vec::with_capacity(states.len());
    let mut parsed: Vec<Option<Onboarding>> = Vec::with_capacity(states.len());
    for s in &states {
        if let Ok(t) = s.cast::<PyString>() {
            texts.push(Some(text_of(t)?));
            parsed.push(None);
        } else {
            let ob: PyRef<'_, PyOnboarding> = s.extract()?;
            texts.push(None);
            parsed.push(Some(ob.0.clone()));
        }
    }
    let mut agents: Vec<CertificateEvidence> = Vec::new();
    for a in agent_certificates.unwrap_or_default() {
        let ev: Bound<'_, PyAny> = if a.hasattr("to_evidence")? {
            a.call_method0("to_evidence")?
        } else {
            a
        };
        // Text that is not Unicode is binding.invalid_text, as for every text argument.
        let text = crate::profile::to_json_text(py, &ev)?;
        // As `Onboarding.complete(certificate=...)`: a coded WorkflowError, no value shown.
        agents.push(serde_json::from_str(&text).map_err(|e| {
            crate::errors::to_err(
                py,
                &hug_onboard_core::onboarding::WorkflowError::InvalidEvidence {
                    reason: hug_onboard_core::onboarding::EvidenceReason::AgentCertificate(
                        hug_onboard_core::json_reason::DataReason::from_serde(&e)
                            .without_position(),
                    ),
                },
            )
        })?);
    }
    let r = py.detach(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut obs = Vec::with_capacity(texts.len());
            for (i, (t, p)) in texts.into_iter().zip(parsed).enumerate() {
                match (t, p) {
                    (Some(t), _) => obs.push(Onboarding::from_json(&t).map_err(|e| (i, e))?),
                    (None, Some(p)) => obs.push(p),
                    (None, None) => {}
                }
            }
            let ctx = BatchContext {
                calendar: cal.as_ref(),
                agent_certificates: &agents,
            };
            Ok(core_evaluate_many(&obs, today, &ctx))
        }))
    });
    guard(py, || match r {
        Ok(Ok(report)) => Ok(PyBatchReport(report)),
        Ok(Err((i, e))) => {
            let err = to_err(py, &e);
            let _ = err.value(py).setattr("index", i);
            Err(err)
        }
        Err(p) => std::panic::resume_unwind(p),
    })
}
