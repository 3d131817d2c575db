//! `CertificateLifecycle`: the certificate as the portal shows it (guide
//! P7–P16): estimate (見積書), application, issue, download, installation on
//! PCs, renewal and expiry. No secret is part of the state.

use chrono::NaiveDate;
use hug_onboard_core::certificate::{
    Addressee, Estimate, IssuedCertificate, Lifecycle, LifecycleEvent, Stage,
};
use hug_onboard_core::diagnostic::Lang;
use hug_onboard_core::json_reason::DataReason;
use hug_onboard_core::onboarding::{StateReason, WorkflowError};
use hug_onboard_core::rules::CertificateRules;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyString};

use crate::errors::{BindingCode, binding_err, guard, parse_lang, problems_err, py_repr, to_err};
use crate::errors::{Text, text_of};
use crate::profile::to_json_text;
use crate::schedule::PyRulebook;

pub(crate) fn stage_id(s: Stage) -> &'static str {
    match s {
        Stage::NotApplied => "not_applied",
        Stage::EstimateMade => "estimate_made",
        Stage::Applied => "applied",
        Stage::Issued => "issued",
        Stage::Downloaded => "downloaded",
        Stage::Installed => "installed",
        Stage::Expired => "expired",
    }
}

fn json_err(e: impl std::fmt::Display) -> PyErr {
    pyo3::exceptions::PyRuntimeError::new_err(e.to_string())
}

/// A validated 見積書 addressee (宛先).
#[pyclass(module = "hug_onboard._native", name = "Addressee", frozen, eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyAddressee(Addressee);

fn new_addressee(
    py: Python<'_>,
    postal_code: &str,
    address: &str,
    office_name: &str,
    person_name: &str,
    honorific: &str,
) -> PyResult<Addressee> {
    guard(py, || {
        Addressee::new(postal_code, address, office_name, person_name, honorific)
            .map_err(|p| problems_err(py, &p))
    })
}

#[pymethods]
impl PyAddressee {
    /// Validates an addressee: 郵便番号 (`NNN-NNNN`, full-width and `〒`
    /// accepted), 住所, 事業所名, 氏名 and 敬称 (`様` or `御中`); every problem
    /// at once as a `ValidationError` (`certificate.addressee.*`).
    #[new]
    #[pyo3(
        signature = (postal_code, address, office_name, person_name, honorific = Text::from("様")),
        // ASCII only: inspect.signature() on Python 3.9–3.11 reads the signature as ASCII.
        text_signature = "(postal_code, address, office_name, person_name, honorific=\"\\u69d8\")"
    )]
    fn py_new(
        py: Python<'_>,
        postal_code: Text,
        address: Text,
        office_name: Text,
        person_name: Text,
        honorific: Text,
    ) -> PyResult<Self> {
        let postal_code: &str = &postal_code;
        let address: &str = &address;
        let office_name: &str = &office_name;
        let person_name: &str = &person_name;
        let honorific: &str = &honorific;
        new_addressee(
            py,
            postal_code,
            address,
            office_name,
            person_name,
            honorific,
        )
        .map(PyAddressee)
    }
    /// 郵便番号, `NNN-NNNN`.
    #[getter]
    fn postal_code(&self) -> &str {
        &self.0.postal_code
    }
    /// 住所.
    #[getter]
    fn address(&self) -> &str {
        &self.0.address
    }
    /// 事業所名.
    #[getter]
    fn office_name(&self) -> &str {
        &self.0.office_name
    }
    /// 氏名 (or the department for 御中).
    #[getter]
    fn person_name(&self) -> &str {
        &self.0.person_name
    }
    /// `"様"` or `"御中"`.
    #[getter]
    fn honorific(&self) -> &'static str {
        self.0.honorific.as_str()
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Addressee(postal_code='{}', office_name={}, person_name={}, honorific='{}')",
            self.0.postal_code,
            py_repr(py, &self.0.office_name)?,
            py_repr(py, &self.0.person_name)?,
            self.0.honorific.as_str()
        ))
    }
}

/// A 見積書 (estimate): addressee, day, fee and validity from the rules.
#[pyclass(module = "hug_onboard._native", name = "Estimate", frozen, eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyEstimate(Estimate);

#[pymethods]
impl PyEstimate {
    /// The addressee.
    #[getter]
    fn addressee(&self) -> PyAddressee {
        PyAddressee(self.0.addressee.clone())
    }
    /// The day it was made.
    #[getter]
    fn made_on(&self) -> NaiveDate {
        self.0.made_on
    }
    /// The fee in yen (the rulebook's; 7,800 by default).
    #[getter]
    fn fee_yen(&self) -> u32 {
        self.0.fee_yen
    }
    /// The nominal validity in years.
    #[getter]
    fn validity_years(&self) -> u32 {
        self.0.validity_years
    }
    fn __repr__(&self) -> String {
        format!(
            "Estimate(made_on='{}', fee_yen={}, validity_years={})",
            self.0.made_on, self.0.fee_yen, self.0.validity_years
        )
    }
}

/// An issued certificate as the portal shows it, with the PCs it is installed on.
#[pyclass(module = "hug_onboard._native", name = "IssuedCertificate", frozen, eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyIssuedCertificate(IssuedCertificate);

#[pymethods]
impl PyIssuedCertificate {
    /// 有効開始年月日.
    #[getter]
    fn valid_from(&self) -> NaiveDate {
        self.0.valid_from
    }
    /// 有効終了年月日.
    #[getter]
    fn valid_to(&self) -> NaiveDate {
        self.0.valid_to
    }
    /// The day it was issued.
    #[getter]
    fn issued_on(&self) -> NaiveDate {
        self.0.issued_on
    }
    /// The SHA-256 fingerprint, once the file was downloaded and inspected.
    #[getter]
    fn fingerprint_sha256(&self) -> Option<&str> {
        self.0.fingerprint_sha256.as_deref()
    }
    /// The PCs it is installed on: `(pc, installed_on)` in order of installation.
    #[getter]
    fn installations(&self) -> Vec<(String, NaiveDate)> {
        self.0
            .installations
            .iter()
            .map(|i| (i.pc.clone(), i.installed_on))
            .collect()
    }
    fn __repr__(&self) -> String {
        format!(
            "IssuedCertificate(valid_from='{}', valid_to='{}', installations={})",
            self.0.valid_from,
            self.0.valid_to,
            self.0.installations.len()
        )
    }
}

/// The certificate's lifecycle for one facility (not applied → estimate →
/// applied → issued → downloaded → installed; renewal; expiry).
#[pyclass(module = "hug_onboard._native", name = "CertificateLifecycle", eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyCertificateLifecycle(Lifecycle);

impl PyCertificateLifecycle {
    fn event(&mut self, py: Python<'_>, event: LifecycleEvent) -> PyResult<()> {
        guard(py, || self.0.apply(event).map_err(|e| to_err(py, &e)))
    }
}

#[pymethods]
impl PyCertificateLifecycle {
    /// A facility that has not applied yet.
    #[new]
    fn py_new() -> Self {
        PyCertificateLifecycle(Lifecycle::new())
    }

    /// Reads a state written by `to_json` (WorkflowError `state.invalid` when it cannot).
    #[staticmethod]
    fn from_json(py: Python<'_>, json: Text) -> PyResult<Self> {
        let json: &str = &json;
        guard(py, || {
            serde_json::from_str::<Lifecycle>(json)
                .map(PyCertificateLifecycle)
                .map_err(|e| {
                    to_err(
                        py,
                        &WorkflowError::StateInvalid {
                            reason: StateReason::LifecycleJson(DataReason::from_serde(&e)),
                        },
                    )
                })
        })
    }

    /// The state as JSON (no secrets; the history of events included).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(json_err)
    }

    /// Where it stands: `"not_applied"`, `"estimate_made"`, `"applied"`,
    /// `"issued"`, `"downloaded"`, `"installed"` or `"expired"`.
    #[getter]
    fn stage(&self) -> &'static str {
        stage_id(self.0.stage)
    }

    /// The stage as the portal or HUG shows it (`"発行申請中"`), in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn stage_label(&self, py: Python<'_>, lang: Text) -> PyResult<&'static str> {
        Ok(self.0.stage.label(parse_lang(py, &lang)?))
    }

    /// The last estimate made for the current application.
    #[getter]
    fn estimate(&self) -> Option<PyEstimate> {
        self.0.estimate.clone().map(PyEstimate)
    }

    /// The day the current application was sent.
    #[getter]
    fn applied_on(&self) -> Option<NaiveDate> {
        self.0.applied_on
    }

    /// Whether the current application renews a certificate still in use.
    #[getter]
    fn renewal(&self) -> bool {
        self.0.renewal
    }

    /// The newest issued certificate.
    #[getter]
    fn certificate(&self) -> Option<PyIssuedCertificate> {
        self.0.certificate.clone().map(PyIssuedCertificate)
    }

    /// During a renewal: the certificate still in use.
    #[getter]
    fn previous(&self) -> Option<PyIssuedCertificate> {
        self.0.previous.clone().map(PyIssuedCertificate)
    }

    /// Every accepted event, in order, as dicts `apply_event` accepts.
    #[getter]
    fn history<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = serde_json::to_string(&self.0.history).map_err(json_err)?;
        py.import("json")?.call_method1("loads", (text,))
    }

    /// Applies one event given as a dict (or its JSON text) in the form of
    /// `history`: `{"event": "apply", "on": date}`, `"issue"` (`on`,
    /// `valid_from`, `valid_to`), `"download"` (`on`, `fingerprint_sha256`),
    /// `"install"` (`pc`, `on`), `"expire"` (`on`), `"make_estimate"`
    /// (`estimate`: `addressee`, `made_on`, `fee_yen`, `validity_years`; the
    /// addressee is validated). Dates may be `datetime.date` or `YYYY-MM-DD`.
    /// An unreadable event is a ValidationError `binding.invalid_event`; a
    /// refused one a WorkflowError `certificate.lifecycle.*`; on error the
    /// state is unchanged.
    fn apply_event(&mut self, py: Python<'_>, event: &Bound<'_, PyAny>) -> PyResult<()> {
        let text = if let Ok(s) = event.cast::<PyString>() {
            text_of(s)?
        } else if event.cast::<PyMapping>().is_ok() {
            to_json_text(py, event)?
        } else {
            return Err(PyTypeError::new_err(
                "event must be a mapping (or its JSON text)",
            ));
        };
        let mut ev = serde_json::from_str::<LifecycleEvent>(&text).map_err(|e| {
            let r = DataReason::from_serde(&e).without_position();
            binding_err(
                py,
                BindingCode::InvalidEvent,
                format!(
                    "証明書の手続きのイベントを読めません: {}",
                    r.message(Lang::Ja)
                ),
                format!(
                    "Cannot read the certificate lifecycle event: {}",
                    r.message(Lang::En)
                ),
            )
        })?;
        if let LifecycleEvent::MakeEstimate { estimate } = &mut ev {
            let a = &estimate.addressee;
            estimate.addressee = new_addressee(
                py,
                &a.postal_code,
                &a.address,
                &a.office_name,
                &a.person_name,
                a.honorific.as_str(),
            )?;
        }
        self.event(py, ev)
    }

    /// Makes a 見積書 for `addressee` (an `Addressee`, or a mapping of its
    /// fields) on the day `on`, with the fee and validity of `rulebook`'s
    /// certificate rules (the default rulebook's when None); returns it.
    #[pyo3(signature = (addressee, on, rulebook = None))]
    fn make_estimate(
        &mut self,
        py: Python<'_>,
        addressee: &Bound<'_, PyAny>,
        on: NaiveDate,
        rulebook: Option<PyRef<'_, PyRulebook>>,
    ) -> PyResult<PyEstimate> {
        let a = if let Ok(a) = addressee.cast::<PyAddressee>() {
            a.get().0.clone()
        } else if let Ok(m) = addressee.cast::<PyMapping>() {
            let get = |k: &str| -> PyResult<String> {
                match m.get_item(k) {
                    Ok(v) if !v.is_none() => v.extract::<Text>().map(Text::into_string),
                    _ => Ok(String::new()),
                }
            };
            new_addressee(
                py,
                &get("postal_code")?,
                &get("address")?,
                &get("office_name")?,
                &get("person_name")?,
                &get("honorific")?,
            )?
        } else {
            return Err(PyTypeError::new_err(
                "addressee must be an Addressee or a mapping of its fields",
            ));
        };
        let default_rules;
        let rules: &CertificateRules = match &rulebook {
            Some(r) => r.0.certificate(),
            None => {
                default_rules = CertificateRules::default();
                &default_rules
            }
        };
        let estimate = Estimate::new(a, on, rules);
        self.event(
            py,
            LifecycleEvent::MakeEstimate {
                estimate: estimate.clone(),
            },
        )?;
        Ok(PyEstimate(estimate))
    }

    /// The application was sent on `on` (発行申請中); during use, a renewal.
    fn apply(&mut self, py: Python<'_>, on: NaiveDate) -> PyResult<()> {
        self.event(py, LifecycleEvent::Apply { on })
    }

    /// The portal shows 発行済み on `on` with the validity dates.
    fn issue(
        &mut self,
        py: Python<'_>,
        on: NaiveDate,
        valid_from: NaiveDate,
        valid_to: NaiveDate,
    ) -> PyResult<()> {
        self.event(
            py,
            LifecycleEvent::Issue {
                on,
                valid_from,
                valid_to,
            },
        )
    }

    /// The .p12 was downloaded (again) on `on`; `fingerprint_sha256` from
    /// `Certificate.sha256_fingerprint` when known.
    #[pyo3(signature = (on, fingerprint_sha256 = None))]
    fn download(
        &mut self,
        py: Python<'_>,
        on: NaiveDate,
        fingerprint_sha256: Option<Text>,
    ) -> PyResult<()> {
        let fingerprint_sha256 = fingerprint_sha256.map(Text::into_string);
        self.event(
            py,
            LifecycleEvent::Download {
                on,
                fingerprint_sha256,
            },
        )
    }

    /// Installed on the PC named `pc` on `on` (again: the day is updated).
    fn install(&mut self, py: Python<'_>, pc: Text, on: NaiveDate) -> PyResult<()> {
        let pc = pc.into_string();
        self.event(py, LifecycleEvent::Install { pc, on })
    }

    /// The certificate in use expired on `on`.
    fn expire(&mut self, py: Python<'_>, on: NaiveDate) -> PyResult<()> {
        self.event(py, LifecycleEvent::Expire { on })
    }

    fn __repr__(&self) -> String {
        format!(
            "CertificateLifecycle(stage='{}', renewal={})",
            stage_id(self.0.stage),
            if self.0.renewal { "True" } else { "False" }
        )
    }
}
