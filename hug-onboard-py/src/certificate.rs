//! `Certificate` (a .p12 opened or inspected, or a bare DER certificate),
//! `CertificateStatus`, `RenewalPlan`, `certificate_status`, `renewal_plan`.
//!
//! The key derivation (the MAC, PBES1/PBES2) runs with the GIL released
//! (`Python::detach`): other Python threads keep running while a file opens.
//! The private key never crosses to Python: `from_pkcs12` decrypts it only
//! to check that it belongs to the certificate, then drops it (zeroized).

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use hug_onboard_core::certificate::{
    self, CertificateInfo, CertificateStatus, LeafBasis, P12Info, P12Options, RenewalPlan,
    StatusKind, Today, Validity,
};
use hug_onboard_core::diagnostic::{Diagnostic, Lang};
use hug_onboard_core::schedule::BillingCalendar;
use pyo3::prelude::*;

use crate::errors::IntValue;
use crate::errors::Text;
use pyo3::types::{PyBytes, PyDateTime, PyDict};

use crate::errors::{PyFinding, guard, parse_lang, py_repr, to_err};
use crate::facility::PyFacilityNumber;
use crate::onboarding::facility_arg;
use crate::schedule::{PyClaimWindow, PyRulebook, utc_arg};

/// Facts about the .p12 file itself (absent for a bare DER certificate).
#[derive(Clone, Debug)]
struct FileFacts {
    has_private_key: bool,
    leaf_is_ca: bool,
    issuer_in_file: bool,
    mac_algorithm: Option<String>,
    mac_iterations: Option<u64>,
    certificate_encryption: Option<String>,
    key_encryption: Option<String>,
    password_verified: bool,
    /// The key's algorithm when the file was fully opened and the key checked.
    key_algorithm: Option<String>,
    info: P12Info,
}

/// One X.509 certificate's facts; from a .p12 also the file's facts and the chain.
#[pyclass(module = "hug_onboard._native", name = "Certificate", frozen)]
pub struct PyCertificate {
    info: CertificateInfo,
    chain: Vec<CertificateInfo>,
    file: Option<FileFacts>,
}

impl PyCertificate {
    fn from_p12(info: P12Info, key_algorithm: Option<String>) -> Self {
        PyCertificate {
            info: info.certificate.clone(),
            chain: info.chain.clone(),
            file: Some(FileFacts {
                has_private_key: info.has_private_key,
                leaf_is_ca: info.leaf_is_ca,
                issuer_in_file: info.issuer_in_file,
                mac_algorithm: info.mac_algorithm.clone(),
                mac_iterations: info.mac_iterations,
                certificate_encryption: info.certificate_encryption.clone(),
                key_encryption: info.key_encryption.clone(),
                password_verified: info.password_verified,
                key_algorithm,
                info,
            }),
        }
    }
}

/// What the `.p12` functions' `data` is, for [`data_arg`]'s message.
const P12_FILE: &str = "the .p12 file";

/// The bytes of a `bytes`, `bytearray` or buffer argument, borrowed when
/// immutable; a `str` is a `TypeError` naming `file`, what the bytes should be.
fn data_arg<'a>(data: &'a Bound<'_, PyAny>, file: &str) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(b.as_bytes()));
    }
    if data.is_instance_of::<pyo3::types::PyString>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "data must be bytes (the content of {file}, as open(path, \"rb\").read() gives it), not str"
        )));
    }
    // bytearray, memoryview, …: copied, so that no other thread can change
    // them while the GIL is released.
    let v: Vec<u8> = data
        .call_method0("__bytes__")
        .or_else(|_| data.py().get_type::<PyBytes>().call1((data,)))?
        .extract()?;
    Ok(Cow::Owned(v))
}

fn options(max_iterations: Option<u32>) -> P12Options {
    let mut o = P12Options::default();
    if let Some(m) = max_iterations {
        o.max_iterations = m;
    }
    o
}

/// "Today" from Python: a `datetime.date` (a JST day), or an aware
/// `datetime.datetime` (converted to JST and judged as an instant). A naive
/// `datetime.datetime` is refused: its zone would be a guess.
pub(crate) fn today_arg(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<Today> {
    if v.cast::<PyDateTime>().is_ok() {
        if v.getattr("tzinfo")?.is_none() {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "today: a naive datetime has no time zone; give a datetime.date (a JST day) or an aware datetime (e.g. tzinfo=timezone.utc)",
            ));
        }
        return Ok(Today::At(utc_arg(py, v)?));
    }
    let d: NaiveDate = v.extract()?;
    Ok(Today::Day(d))
}

/// The billing calendar for an optional rulebook (holidays included).
fn billing(rulebook: Option<PyRef<'_, PyRulebook>>) -> BillingCalendar {
    BillingCalendar::new(rulebook.map(|r| (*r.0).clone()).unwrap_or_default())
}

/// The rulebook given, else the rulebook of the facility the certificate names
/// (its own 国保連's), else the default.
fn billing_for(
    py: Python<'_>,
    rulebook: Option<PyRef<'_, PyRulebook>>,
    facility: Option<hug_onboard_core::facility::FacilityNumber>,
) -> PyResult<BillingCalendar> {
    match (rulebook, facility) {
        (None, Some(n)) => {
            BillingCalendar::for_facility(&n).map_err(|p| crate::errors::problems_err(py, &p))
        }
        (r, _) => Ok(billing(r)),
    }
}

fn attrs(v: &[certificate::NameAttribute]) -> Vec<(String, String)> {
    v.iter()
        .map(|a| (a.name.clone(), a.value.clone()))
        .collect()
}

#[pymethods]
impl PyCertificate {
    /// Opens a .p12 fully: checks the password, reads the certificates,
    /// decrypts the private key and checks it belongs to the certificate (the
    /// key is then dropped, zeroized; it is never given to Python). The GIL is
    /// released during the key derivation.
    #[staticmethod]
    #[pyo3(signature = (data, password, *, max_iterations = None))]
    fn from_pkcs12(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        password: Text,
        max_iterations: Option<IntValue>,
    ) -> PyResult<Self> {
        let password: &str = &password;
        let bytes = data_arg(data, P12_FILE)?;
        let opts = options(crate::errors::opt_int_arg(
            py,
            max_iterations.as_ref(),
            "max_iterations",
        )?);
        let r = py.detach(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                certificate::open_with(&bytes, password, &opts).map(|o| {
                    let alg = o.private_key.algorithm().to_owned();
                    (o.info, alg)
                })
            }))
        });
        guard(py, || match r {
            Ok(Ok((info, alg))) => Ok(PyCertificate::from_p12(info, Some(alg))),
            Ok(Err(e)) => Err(to_err(py, &e)),
            Err(p) => std::panic::resume_unwind(p),
        })
    }

    /// Inspects a .p12 without decrypting its private key: checks the
    /// password (the MAC) and reads the certificates. Faster than
    /// `from_pkcs12` when the file's key uses its own key derivation. The GIL
    /// is released during the key derivation.
    #[staticmethod]
    #[pyo3(signature = (data, password, *, max_iterations = None))]
    fn inspect_pkcs12(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        password: Text,
        max_iterations: Option<IntValue>,
    ) -> PyResult<Self> {
        let password: &str = &password;
        let bytes = data_arg(data, P12_FILE)?;
        let opts = options(crate::errors::opt_int_arg(
            py,
            max_iterations.as_ref(),
            "max_iterations",
        )?);
        let r = py.detach(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                certificate::inspect_with(&bytes, password, &opts)
            }))
        });
        guard(py, || match r {
            Ok(Ok(info)) => Ok(PyCertificate::from_p12(info, None)),
            Ok(Err(e)) => Err(to_err(py, &e)),
            Err(p) => std::panic::resume_unwind(p),
        })
    }

    /// Reads a bare DER X.509 certificate (a .cer file): no password, no file facts.
    #[staticmethod]
    fn from_der(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = data_arg(data, "the DER certificate file (.cer/.crt)")?;
        guard(py, || {
            CertificateInfo::from_der(&bytes)
                .map(|info| PyCertificate {
                    info,
                    chain: Vec::new(),
                    file: None,
                })
                .map_err(|e| to_err(py, &e))
        })
    }

    /// The subject, attribute by attribute in order: `[("C", "JP"), ("CN", "…"), …]`.
    #[getter]
    fn subject(&self) -> Vec<(String, String)> {
        attrs(&self.info.subject)
    }
    /// The issuer, attribute by attribute in order.
    #[getter]
    fn issuer(&self) -> Vec<(String, String)> {
        attrs(&self.info.issuer)
    }
    /// The subject's attributes with OIDs and string types, as dicts.
    fn subject_attributes<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.info
            .subject
            .iter()
            .map(|a| {
                let d = PyDict::new(py);
                d.set_item("name", &a.name)?;
                d.set_item("oid", &a.oid)?;
                d.set_item("value", &a.value)?;
                d.set_item("string_type", &a.string_type)?;
                Ok(d)
            })
            .collect()
    }
    /// The first value of a subject attribute (`"CN"`, `"O"`, …), or `None`.
    fn subject_value(&self, name: Text) -> Option<String> {
        let name: &str = &name;
        self.info.subject_value(name).map(str::to_owned)
    }
    /// The serial number in upper-case hex.
    #[getter]
    fn serial_hex(&self) -> &str {
        &self.info.serial_hex
    }
    /// notBefore, an aware datetime in UTC.
    #[getter]
    fn not_before(&self) -> DateTime<Utc> {
        self.info.validity.not_before
    }
    /// notAfter, an aware datetime in UTC.
    #[getter]
    fn not_after(&self) -> DateTime<Utc> {
        self.info.validity.not_after
    }
    /// The JST day of notBefore (the portal's 有効開始年月日).
    #[getter]
    fn valid_from_jst(&self) -> NaiveDate {
        self.info.valid_from_jst
    }
    /// The JST day of notAfter (the portal's 有効終了年月日).
    #[getter]
    fn valid_to_jst(&self) -> NaiveDate {
        self.info.valid_to_jst
    }
    /// The SHA-256 fingerprint, `"BC:31:…"`.
    #[getter]
    fn sha256_fingerprint(&self) -> &str {
        &self.info.fingerprint_sha256
    }
    /// The 事業所番号 found in the subject, or `None`.
    #[getter]
    fn facility_number(&self) -> Option<PyFacilityNumber> {
        self.info.facility_number.map(PyFacilityNumber)
    }
    /// The first run of exactly 10 digits in the subject, valid number or not.
    #[getter]
    fn subject_number(&self) -> Option<&str> {
        self.info.subject_number.as_deref()
    }
    /// Whether the subject names this 事業所番号 (a `FacilityNumber` or `str`).
    fn matches_facility(&self, py: Python<'_>, number: &Bound<'_, PyAny>) -> PyResult<bool> {
        let n = facility_arg(py, number)?;
        Ok(self.info.matches_facility(&n))
    }
    /// Whether it is a CA certificate (never a facility's).
    #[getter]
    fn is_ca(&self) -> bool {
        self.info.is_ca
    }
    /// Whether subject and issuer are the same name.
    #[getter]
    fn self_signed(&self) -> bool {
        self.info.self_signed
    }
    /// The signature algorithm (`"sha256WithRSAEncryption"`, …).
    #[getter]
    fn signature_algorithm(&self) -> &str {
        &self.info.signature_algorithm
    }
    /// The public key's algorithm (`"RSA"`, `"EC"`, …).
    #[getter]
    fn key_algorithm(&self) -> &str {
        &self.info.key.algorithm
    }
    /// The public key's size in bits, when known.
    #[getter]
    fn key_bits(&self) -> Option<u32> {
        self.info.key.bits
    }
    /// The PKCS#12 friendlyName of the certificate's bag, if any.
    #[getter]
    fn friendly_name(&self) -> Option<&str> {
        self.info.friendly_name.as_deref()
    }
    /// The other certificates of the file (usually the issuing CA), in file order.
    #[getter]
    fn chain(&self) -> Vec<PyCertificate> {
        self.chain
            .iter()
            .cloned()
            .map(|info| PyCertificate {
                info,
                chain: Vec::new(),
                file: None,
            })
            .collect()
    }
    /// Whether the .p12 holds a private key (`False` for a bare certificate).
    #[getter]
    fn has_private_key(&self) -> bool {
        self.file.as_ref().is_some_and(|f| f.has_private_key)
    }
    /// Whether the private key was decrypted and checked against the
    /// certificate (`from_pkcs12`); `False` after an inspection.
    #[getter]
    fn private_key_checked(&self) -> bool {
        self.file
            .as_ref()
            .is_some_and(|f| f.key_algorithm.is_some())
    }
    /// Whether the file's certificate is a CA certificate (the wrong file).
    #[getter]
    fn leaf_is_ca(&self) -> bool {
        self.file.as_ref().is_some_and(|f| f.leaf_is_ca)
    }
    /// Whether the certificate's issuer is in the file.
    #[getter]
    fn issuer_in_file(&self) -> bool {
        self.file.as_ref().is_some_and(|f| f.issuer_in_file)
    }
    /// Whether the password was proven right: the MAC verified, or a
    /// decryption with it gave well-formed content. `False` for a file
    /// without a MAC whose certificates are not encrypted (inspected: open it
    /// with `from_pkcs12` to check the password on the key), for a file with
    /// nothing encrypted, and for a bare certificate. An unverified file has
    /// the finding `certificate.password_unverified` and is no evidence.
    #[getter]
    fn password_verified(&self) -> bool {
        self.file.as_ref().is_some_and(|f| f.password_verified)
    }
    /// How the facility's certificate was told from the others in the file:
    /// `"private_key"`, `"local_key_id"`, `"end_entity"`, `"only_certificate"`
    /// or `"uncertain"` (finding `certificate.leaf_uncertain`); `None` for a
    /// bare certificate.
    #[getter]
    fn leaf_basis(&self) -> Option<&'static str> {
        self.file.as_ref().map(|f| match f.info.leaf_basis {
            LeafBasis::PrivateKey => "private_key",
            LeafBasis::LocalKeyId => "local_key_id",
            LeafBasis::EndEntity => "end_entity",
            LeafBasis::OnlyCertificate => "only_certificate",
            _ => "uncertain",
        })
    }
    /// The file's MAC (`"HMAC-SHA-256"`, …), or `None`.
    #[getter]
    fn mac_algorithm(&self) -> Option<&str> {
        self.file.as_ref().and_then(|f| f.mac_algorithm.as_deref())
    }
    /// The MAC's iteration count, or `None`.
    #[getter]
    fn mac_iterations(&self) -> Option<u64> {
        self.file.as_ref().and_then(|f| f.mac_iterations)
    }
    /// How the certificates are encrypted in the file, or `None`.
    #[getter]
    fn certificate_encryption(&self) -> Option<&str> {
        self.file
            .as_ref()
            .and_then(|f| f.certificate_encryption.as_deref())
    }
    /// How the private key is encrypted in the file, or `None`.
    #[getter]
    fn key_encryption(&self) -> Option<&str> {
        self.file.as_ref().and_then(|f| f.key_encryption.as_deref())
    }
    /// Warnings about the file for a facility: a CA certificate
    /// (`certificate.leaf_is_ca`), another facility's number (`certificate.facility_mismatch`).
    #[pyo3(signature = (expected = None))]
    fn findings(
        &self,
        py: Python<'_>,
        expected: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyFinding>> {
        let n = expected.map(|e| facility_arg(py, e)).transpose()?;
        Ok(match &self.file {
            Some(f) => f
                .info
                .findings(n.as_ref())
                .into_iter()
                .map(PyFinding::from)
                .collect(),
            None => {
                let info = P12Info {
                    certificate: self.info.clone(),
                    chain: Vec::new(),
                    has_private_key: false,
                    leaf_is_ca: self.info.is_ca,
                    issuer_in_file: false,
                    mac_algorithm: None,
                    mac_iterations: None,
                    certificate_encryption: None,
                    key_encryption: None,
                    password_verified: false,
                    leaf_basis: LeafBasis::OnlyCertificate,
                    ber: false,
                };
                info.findings(n.as_ref())
                    .into_iter()
                    .map(PyFinding::from)
                    .collect()
            }
        })
    }
    /// The certificate's status on `today`: a `datetime.date` (a JST day) or
    /// an aware `datetime.datetime` (converted to JST, judged as an instant;
    /// a naive one raises `TypeError`). Renewal notice and urgency from the rulebook;
    /// without one, the rulebook of the facility the certificate names, else the default.
    #[pyo3(signature = (today, rulebook = None))]
    fn status(
        &self,
        py: Python<'_>,
        today: &Bound<'_, PyAny>,
        rulebook: Option<PyRef<'_, PyRulebook>>,
    ) -> PyResult<PyCertificateStatus> {
        let today = today_arg(py, today)?;
        let cal = billing_for(py, rulebook, self.info.facility_number)?;
        guard(py, || {
            Ok(PyCertificateStatus(certificate::status(
                &self.info.validity,
                today,
                cal.rulebook.certificate(),
            )))
        })
    }
    /// The renewal plan on `today` (a JST `date`, or an aware `datetime`
    /// converted to JST): the last safe day to apply so the next
    /// claim window is not lost (the rulebook's windows, lead time and
    /// cut-off; business days with the Japanese holidays). Without a rulebook: the
    /// rulebook of the facility the certificate names (its own 国保連's), else the default.
    #[pyo3(signature = (today, rulebook = None))]
    fn renewal_plan(
        &self,
        py: Python<'_>,
        today: &Bound<'_, PyAny>,
        rulebook: Option<PyRef<'_, PyRulebook>>,
    ) -> PyResult<PyRenewalPlan> {
        let today = today_arg(py, today)?;
        let cal = billing_for(py, rulebook, self.info.facility_number)?;
        guard(py, || {
            Ok(PyRenewalPlan(certificate::renewal_plan(
                self.info.validity.not_after,
                today,
                cal.rulebook.certificate(),
                &cal,
            )))
        })
    }
    /// The evidence `Onboarding.complete(..., certificate=...)` takes.
    /// Refused (`certificate.unverified_evidence`) for a .p12 whose password
    /// was never verified: open it with `from_pkcs12` first.
    fn to_evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        if let Some(f) = &self.file {
            hug_onboard_core::onboarding::CertificateEvidence::from_p12(&f.info)
                .map_err(|e| to_err(py, &e))?;
        }
        let d = PyDict::new(py);
        d.set_item("valid_from", self.info.valid_from_jst)?;
        d.set_item("valid_until", self.info.valid_to_jst)?;
        // The instants (RFC 3339, UTC): readiness and reminders judge at them.
        let rfc3339 =
            |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        d.set_item("not_before", rfc3339(self.info.validity.not_before))?;
        d.set_item("not_after", rfc3339(self.info.validity.not_after))?;
        d.set_item("sha256_fingerprint", &self.info.fingerprint_sha256)?;
        d.set_item(
            "subject_facility_number",
            self.info.facility_number.map(|n| n.as_str().to_owned()),
        )?;
        Ok(d)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let cn = self.info.subject_value("CN").unwrap_or("");
        Ok(format!(
            "Certificate(subject_cn={}, facility_number={}, valid_to_jst='{}', sha256_fingerprint='{}')",
            py_repr(py, cn)?,
            match &self.info.facility_number {
                Some(n) => format!("'{}'", n.as_str()),
                None => "None".into(),
            },
            self.info.valid_to_jst,
            self.info.fingerprint_sha256
        ))
    }
}

pub(crate) fn status_kind(k: StatusKind) -> &'static str {
    match k {
        StatusKind::NotYetValid => "not_yet_valid",
        StatusKind::Valid => "valid",
        StatusKind::RenewalDue => "renewal_due",
        StatusKind::Urgent => "urgent",
        StatusKind::Expired => "expired",
    }
}

fn message_in(py: Python<'_>, d: &impl Diagnostic, lang: &str) -> PyResult<String> {
    let lang: Lang = parse_lang(py, lang)?;
    Ok(d.message(lang))
}

/// A certificate's status on a day, with a bilingual message naming the next action.
#[pyclass(module = "hug_onboard._native", name = "CertificateStatus", frozen, eq)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyCertificateStatus(CertificateStatus);

#[pymethods]
impl PyCertificateStatus {
    /// `"not_yet_valid"`, `"valid"`, `"renewal_due"`, `"urgent"` or `"expired"`.
    #[getter]
    fn kind(&self) -> &'static str {
        status_kind(self.0.kind)
    }
    /// The stable code, e.g. `"certificate.status.urgent"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code()
    }
    /// `"info"`, `"warning"` or `"error"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity().as_str()
    }
    /// The day judged.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.0.today
    }
    /// 有効開始年月日 (JST).
    #[getter]
    fn valid_from(&self) -> NaiveDate {
        self.0.valid_from
    }
    /// 有効終了年月日 (JST).
    #[getter]
    fn valid_to(&self) -> NaiveDate {
        self.0.valid_to
    }
    /// Days from today to the expiry day (0 on the day, negative after).
    #[getter]
    fn days_left(&self) -> i64 {
        self.0.days_left
    }
    /// For `"urgent"`: the milestone reached (60, 30, 15, 7 by default).
    #[getter]
    fn milestone(&self) -> Option<u32> {
        self.0.milestone
    }
    /// Whether a reminder is due today.
    #[getter]
    fn remind_today(&self) -> bool {
        self.0.remind_today
    }
    /// The message in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn message(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        message_in(py, &self.0, &lang)
    }
    /// As a `Finding`.
    fn to_finding(&self) -> PyFinding {
        PyFinding::of(&self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "CertificateStatus('{}', days_left={})",
            status_kind(self.0.kind),
            self.0.days_left
        )
    }
}

pub(crate) fn renewal_finding(f: certificate::RenewalFinding) -> &'static str {
    use certificate::RenewalFinding as R;
    match f {
        R::NotYet => "not_yet",
        R::ApplyNow => "apply_now",
        R::ApplyByPassed => "apply_by_passed",
        R::Expired => "expired",
    }
}

/// The renewal plan: the last safe day to apply for the next certificate.
#[pyclass(module = "hug_onboard._native", name = "RenewalPlan", frozen, eq)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyRenewalPlan(RenewalPlan);

#[pymethods]
impl PyRenewalPlan {
    /// `"not_yet"`, `"apply_now"`, `"apply_by_passed"` or `"expired"`.
    #[getter]
    fn finding(&self) -> &'static str {
        renewal_finding(self.0.finding)
    }
    /// The stable code, e.g. `"certificate.renewal.apply_now"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code()
    }
    /// `"info"`, `"warning"` or `"error"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity().as_str()
    }
    /// The day of the plan.
    #[getter]
    fn today(&self) -> NaiveDate {
        self.0.today
    }
    /// The old certificate's notAfter (aware, UTC).
    #[getter]
    fn expires_at(&self) -> DateTime<Utc> {
        self.0.expires_at
    }
    /// Its JST day.
    #[getter]
    fn expiry_day(&self) -> NaiveDate {
        self.0.expiry_day
    }
    /// The first claim window the old certificate would fail.
    #[getter]
    fn target_window(&self) -> PyClaimWindow {
        PyClaimWindow(self.0.target_window)
    }
    /// The new certificate must be installed by this day.
    #[getter]
    fn install_by(&self) -> NaiveDate {
        self.0.install_by
    }
    /// The last safe day to apply (a business day, while the old one is valid).
    #[getter]
    fn apply_by(&self) -> NaiveDate {
        self.0.apply_by
    }
    /// The monthly cut-off the application must meet, if the 国保連 has one.
    #[getter]
    fn cutoff(&self) -> Option<NaiveDate> {
        self.0.cutoff
    }
    /// Days from today to `apply_by` (negative once passed).
    #[getter]
    fn days_until_apply_by(&self) -> i64 {
        self.0.days_until_apply_by
    }
    /// Whether `apply_by` has passed.
    #[getter]
    fn passed(&self) -> bool {
        self.0.passed
    }
    /// The advice in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn message(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        message_in(py, &self.0, &lang)
    }
    /// As a `Finding`.
    fn to_finding(&self) -> PyFinding {
        PyFinding::of(&self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "RenewalPlan('{}', apply_by='{}', install_by='{}')",
            renewal_finding(self.0.finding),
            self.0.apply_by,
            self.0.install_by
        )
    }
}

/// The status on a JST day of a certificate with this validity (e.g. as the portal shows it).
#[pyfunction]
#[pyo3(signature = (not_before, not_after, today, rulebook = None))]
pub fn certificate_status(
    py: Python<'_>,
    not_before: &Bound<'_, PyAny>,
    not_after: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    rulebook: Option<PyRef<'_, PyRulebook>>,
) -> PyResult<PyCertificateStatus> {
    let (not_before, not_after) = (utc_arg(py, not_before)?, utc_arg(py, not_after)?);
    let today = today_arg(py, today)?;
    let cal = billing(rulebook);
    guard(py, || {
        Ok(PyCertificateStatus(certificate::status(
            &Validity::new(not_before, not_after),
            today,
            cal.rulebook.certificate(),
        )))
    })
}

/// The renewal plan on a JST day for a certificate expiring at `not_after`.
#[pyfunction]
#[pyo3(signature = (not_after, today, rulebook = None))]
pub fn renewal_plan(
    py: Python<'_>,
    not_after: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    rulebook: Option<PyRef<'_, PyRulebook>>,
) -> PyResult<PyRenewalPlan> {
    let not_after = utc_arg(py, not_after)?;
    let today = today_arg(py, today)?;
    let cal = billing(rulebook);
    guard(py, || {
        Ok(PyRenewalPlan(certificate::renewal_plan(
            not_after,
            today,
            cal.rulebook.certificate(),
            &cal,
        )))
    })
}
