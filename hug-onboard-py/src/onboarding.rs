//! `Onboarding`: the guide's steps as a workflow; `Step` information.

use chrono::NaiveDate;
use hug_onboard_core::facility::FacilityNumber;
use hug_onboard_core::json_reason::DataReason;
use hug_onboard_core::onboarding::{
    CertificateEvidence, Evidence, EvidenceReason, Onboarding, Step, WorkflowError,
};
use pyo3::prelude::*;

use crate::errors::IntValue;
use crate::errors::Text;

use crate::errors::{guard, parse_lang, to_err};
use crate::facility::PyFacilityNumber;
use crate::notice::PyNotice;
use crate::profile::{PyFacilityProfile, profile_input, to_json_text, validate_profile};

/// A step identifier to a `Step`, or `workflow.unknown_step`.
pub fn parse_step(py: Python<'_>, id: &str) -> PyResult<Step> {
    Step::parse(id).ok_or_else(|| {
        to_err(
            py,
            &WorkflowError::UnknownStep {
                id: id.chars().take(64).collect(),
            },
        )
    })
}

/// A facility number given as `FacilityNumber` or `str`.
pub fn facility_arg(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<FacilityNumber> {
    if let Ok(n) = v.cast::<PyFacilityNumber>() {
        return Ok(n.get().0);
    }
    let s: Text = v.extract()?;
    FacilityNumber::parse(&s).map_err(|e| to_err(py, &e))
}

/// One step of the guide: id, guide page, title, prerequisites.
#[pyclass(module = "hug_onboard._native", name = "Step", frozen, eq, ord, hash)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyStep(pub Step);

#[pymethods]
impl PyStep {
    /// The step with this identifier.
    #[new]
    fn py_new(py: Python<'_>, id: Text) -> PyResult<Self> {
        let id: &str = &id;
        parse_step(py, id).map(PyStep)
    }
    /// Every step in the guide's order.
    #[staticmethod]
    fn all() -> Vec<PyStep> {
        Step::ALL.iter().copied().map(PyStep).collect()
    }
    /// The stable identifier, e.g. `"change_test_password"`.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id()
    }
    /// The guide's page(s), e.g. `"P6"`.
    #[getter]
    fn guide_page(&self) -> &'static str {
        self.0.guide_page()
    }
    /// Whether the step is optional (register_email).
    #[getter]
    fn is_optional(&self) -> bool {
        self.0.is_optional()
    }
    /// The identifiers of the steps that must be done first.
    #[getter]
    fn prerequisites(&self) -> Vec<&'static str> {
        self.0.prerequisites().iter().map(|s| s.id()).collect()
    }
    /// What to do, in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn title(&self, py: Python<'_>, lang: Text) -> PyResult<&'static str> {
        Ok(self.0.title(parse_lang(py, &lang)?))
    }
    fn __str__(&self) -> &'static str {
        self.0.id()
    }
    fn __repr__(&self) -> String {
        format!("Step('{}')", self.0.id())
    }
}

/// A facility's onboarding: which steps are done, when, with what evidence. No secrets.
#[pyclass(module = "hug_onboard._native", name = "Onboarding", eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyOnboarding(pub Onboarding);

#[pymethods]
impl PyOnboarding {
    /// A new onboarding with nothing done.
    #[new]
    fn py_new(py: Python<'_>, facility_number: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            Ok(PyOnboarding(Onboarding::new(facility_arg(
                py,
                facility_number,
            )?)))
        })
    }

    /// A new onboarding with nothing done (the same as the constructor).
    #[staticmethod]
    fn new(py: Python<'_>, facility_number: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::py_new(py, facility_number)
    }

    /// Reads a state written by `to_json` (raises WorkflowError `state.*` when it cannot).
    #[staticmethod]
    fn from_json(py: Python<'_>, json: Text) -> PyResult<Self> {
        let json: &str = &json;
        guard(py, || {
            Onboarding::from_json(json)
                .map(PyOnboarding)
                .map_err(|e| to_err(py, &e))
        })
    }

    /// The state as versioned JSON, without secrets.
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The facility this onboarding is for.
    #[getter]
    fn facility_number(&self) -> PyFacilityNumber {
        PyFacilityNumber(self.0.facility_number)
    }

    /// The billing PCs by name.
    #[getter]
    fn billing_pcs(&self) -> Vec<String> {
        self.0.billing_pcs.keys().cloned().collect()
    }

    /// Completes `step` on the day `on`, with its evidence: `notice` (a
    /// RegistrationNotice) for receive_documents / receive_production_notice,
    /// `certificate` (a mapping: valid_from, valid_until, optional not_before and
    /// not_after instants in RFC 3339, sha256_fingerprint, subject_facility_number,
    /// agent_for; `Certificate.to_evidence()` makes one) for certificate_issued, `pc` (and
    /// optionally `certificate`) for install_certificate / install_torikomi,
    /// `profile` (a `FacilityProfile`, or a mapping of the 事業所情報保守 fields
    /// validated as `FacilityProfile.validate` does) for register_facility.
    #[pyo3(signature = (step, on, *, notice = None, certificate = None, pc = None, profile = None))]
    #[allow(clippy::too_many_arguments)]
    fn complete(
        &mut self,
        py: Python<'_>,
        step: Text,
        on: NaiveDate,
        notice: Option<PyRef<'_, PyNotice>>,
        certificate: Option<&Bound<'_, PyAny>>,
        pc: Option<Text>,
        profile: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let step: &str = &step;
        let pc = pc.map(Text::into_string);
        let step = parse_step(py, step)?;
        let cert = match certificate {
            None => None,
            Some(c) => {
                let text = to_json_text(py, c)?;
                Some(
                    serde_json::from_str::<CertificateEvidence>(&text).map_err(|e| {
                        to_err(
                            py,
                            &WorkflowError::InvalidEvidence {
                                reason: EvidenceReason::Certificate(
                                    DataReason::from_serde(&e).without_position(),
                                ),
                            },
                        )
                    })?,
                )
            }
        };
        let prof = match profile {
            None => None,
            Some(p) => {
                if let Ok(fp) = p.cast::<PyFacilityProfile>() {
                    // Already validated; the core checks its facility number.
                    Some(fp.get().0.clone())
                } else {
                    let input = profile_input(py, p)?.map_err(|e| {
                        to_err(
                            py,
                            &WorkflowError::InvalidEvidence {
                                reason: EvidenceReason::Profile(
                                    DataReason::from_serde(&e).without_position(),
                                ),
                            },
                        )
                    })?;
                    Some(validate_profile(py, &input, Some(&self.0.facility_number))?.profile)
                }
            }
        };
        let given = usize::from(notice.is_some())
            + usize::from(pc.is_some() || cert.is_some())
            + usize::from(prof.is_some());
        if given > 1 {
            return Err(to_err(
                py,
                &WorkflowError::InvalidEvidence {
                    reason: EvidenceReason::MoreThanOneKind,
                },
            ));
        }
        let evidence = if let Some(n) = notice {
            Evidence::notice(&n.0)
        } else if let Some(pc) = pc {
            Evidence::Installation {
                pc,
                certificate: cert,
            }
        } else if let Some(c) = cert {
            Evidence::Certificate { certificate: c }
        } else if let Some(p) = prof {
            Evidence::Profile { profile: p }
        } else {
            Evidence::None
        };
        guard(py, || {
            self.0
                .complete(step, on, evidence)
                .map_err(|e| to_err(py, &e))
        })
    }

    /// Undoes a step (refused while a step that needs it is done).
    fn undo(&mut self, py: Python<'_>, step: Text) -> PyResult<()> {
        let step: &str = &step;
        let step = parse_step(py, step)?;
        guard(py, || self.0.undo(step).map_err(|e| to_err(py, &e)))
    }

    /// Adds a billing PC by name.
    fn add_billing_pc(&mut self, py: Python<'_>, name: Text) -> PyResult<()> {
        let name: &str = &name;
        guard(py, || {
            self.0.add_billing_pc(name).map_err(|e| to_err(py, &e))
        })
    }

    /// Whether a step is done.
    fn is_done(&self, py: Python<'_>, step: Text) -> PyResult<bool> {
        let step: &str = &step;
        Ok(self.0.is_done(parse_step(py, step)?))
    }

    /// The day a step was done, if it was.
    fn done_on(&self, py: Python<'_>, step: Text) -> PyResult<Option<NaiveDate>> {
        let step: &str = &step;
        let step = parse_step(py, step)?;
        Ok(self.0.steps.get(&step).map(|r| r.on))
    }

    /// Every done step's identifier and day, in the guide's order.
    fn completed(&self) -> Vec<(&'static str, NaiveDate)> {
        self.0.steps.iter().map(|(s, r)| (s.id(), r.on)).collect()
    }

    /// The steps that can be done now, in the guide's order (identifiers).
    fn next_steps(&self) -> Vec<&'static str> {
        self.0.next_steps().into_iter().map(Step::id).collect()
    }

    /// The readiness report on a JST day: can the facility bill in the coming
    /// claim window, what blocks it, what to do next and by when.
    #[pyo3(signature = (today, rulebook = None))]
    fn readiness(
        &self,
        py: Python<'_>,
        today: NaiveDate,
        rulebook: Option<PyRef<'_, crate::schedule::PyRulebook>>,
    ) -> PyResult<crate::readiness::PyReadiness> {
        crate::readiness::readiness_of(py, &self.0, today, rulebook)
    }

    /// The reminders for the coming `days` days (at most 366) from `today`:
    /// claim window opening and closing, document releases, payment,
    /// certificate milestones and renewal deadline, and the next onboarding
    /// action; in date order.
    #[pyo3(
        signature = (today, days = IntValue::of(30), rulebook = None),
        text_signature = "($self, today, days=30, rulebook=None)"
    )]
    fn reminders(
        &self,
        py: Python<'_>,
        today: NaiveDate,
        days: IntValue,
        rulebook: Option<PyRef<'_, crate::schedule::PyRulebook>>,
    ) -> PyResult<Vec<crate::readiness::PyReminder>> {
        crate::readiness::reminders_of(py, &self.0, today, &days, rulebook)
    }

    /// The registered 取込送信 profile (step register_facility), if any.
    #[getter]
    fn profile(&self) -> Option<PyFacilityProfile> {
        self.0.profile().cloned().map(PyFacilityProfile)
    }

    /// Whether every required step is done.
    fn all_required_done(&self) -> bool {
        self.0.all_required_done()
    }

    fn __repr__(&self) -> String {
        format!(
            "Onboarding(facility_number='{}', done={}/{})",
            self.0.facility_number,
            self.0.steps.len(),
            Step::ALL.len()
        )
    }
}
