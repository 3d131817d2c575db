//! `FacilityProfile`: the 取込送信 facility profile (事業所情報保守, guide P20).
//!
//! One code path turns the fields a caller gives (a mapping, or keyword
//! arguments) into a validated profile: [`profile_input`] then
//! [`validate_profile`]. `FacilityProfile.validate` and
//! `Onboarding.complete(..., profile=...)` both use it.

use hug_onboard_core::diagnostic::Lang;
use hug_onboard_core::facility::FacilityNumber;
use hug_onboard_core::profile::{CheckedProfile, FacilityProfile, ProfileInput, ProfileProblem};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyMapping, PyString, PyTuple};

use crate::errors::{PyFinding, guard, problems_err, py_repr};
use crate::errors::{Text, text_of};
use crate::facility::PyFacilityNumber;

/// A Python mapping as JSON text (dates and times become their `str`, as before;
/// any other object that is not text, a number, `None`, a list or a mapping is a
/// `TypeError` — `json`'s `default=str` took `object()` or `b"x"` as text, silently).
/// A structure that contains itself, or is nested too deep, is a `TypeError` too
/// (bare `ValueError`/`RecursionError` from `json` before).
pub fn to_json_text(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<String> {
    let kwargs = PyDict::new(py);
    kwargs.set_item(
        "default",
        py.import("hug_onboard._errors")?.getattr("_json_default")?,
    )?;
    kwargs.set_item("ensure_ascii", false)?;
    let dumped = py.import("json")?.call_method("dumps", (v,), Some(&kwargs));
    let dumped = match dumped {
        Ok(d) => d,
        Err(e)
            if e.is_instance_of::<pyo3::exceptions::PyValueError>(py)
                || e.is_instance_of::<pyo3::exceptions::PyRecursionError>(py) =>
        {
            return Err(PyTypeError::new_err(
                "the value contains itself or is nested too deep to be read as JSON",
            ));
        }
        Err(e) => return Err(e),
    };
    dumped
        .extract::<Text>()
        .map(Text::into_string)
        // A lone surrogate: the error names its position in the value that holds it, not in
        // the JSON text.
        .map_err(|e| first_bad_text(v).err().unwrap_or(e))
}

/// The first `str` (a key or a value, nested in mappings, lists and tuples)
/// that is not valid Unicode, as its `binding.invalid_text` error.
fn first_bad_text(v: &Bound<'_, PyAny>) -> PyResult<()> {
    if let Ok(s) = v.cast::<PyString>() {
        text_of(s)?;
    } else if let Ok(m) = v.cast::<PyMapping>() {
        for item in m.items()?.iter() {
            let (k, x): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            first_bad_text(&k)?;
            first_bad_text(&x)?;
        }
    } else if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        for x in v.try_iter()? {
            first_bad_text(&x?)?;
        }
    }
    Ok(())
}

/// The raw 事業所情報保守 fields of a mapping. The outer error is a Python
/// failure (a value `json` cannot write); the inner one names an unknown field
/// or a value that is not text, for the caller to raise as it documents.
pub fn profile_input(
    py: Python<'_>,
    fields: &Bound<'_, PyAny>,
) -> PyResult<Result<ProfileInput, serde_json::Error>> {
    let text = to_json_text(py, fields)?;
    Ok(serde_json::from_str::<ProfileInput>(&text))
}

/// Validates the fields; every problem at once as a `ValidationError`.
pub fn validate_profile(
    py: Python<'_>,
    input: &ProfileInput,
    expected: Option<&FacilityNumber>,
) -> PyResult<CheckedProfile> {
    guard(py, || {
        input.validate(expected).map_err(|p| problems_err(py, &p))
    })
}

/// A validated 取込送信 facility profile. It holds no password: only whether
/// it is still the initial `0000` (`password_is_default`).
#[pyclass(module = "hug_onboard._native", name = "FacilityProfile", frozen, eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyFacilityProfile(pub FacilityProfile);

impl PyFacilityProfile {
    fn warning_list(&self) -> Vec<ProfileProblem> {
        self.0.warnings()
    }
}

#[pymethods]
impl PyFacilityProfile {
    /// Validates the 事業所情報保守 fields given as a mapping and/or keyword
    /// arguments (`facility_number`, `name_kana`, `name_kanji`, `postal_code`,
    /// `address_kana`, `address_kanji`, `phone`, `fax`,
    /// `representative_name_kana`, `representative_name_kanji`,
    /// `representative_title`, `email` (optional), `password`; a keyword
    /// overrides the mapping's entry, as in `dict(fields, **kwargs)`); every problem
    /// at once as a `ValidationError`. `expected_facility` is the number on
    /// the notices (`profile.facility_mismatch` when it differs).
    #[staticmethod]
    #[pyo3(signature = (fields = None, /, *, expected_facility = None, **kwargs))]
    fn validate(
        py: Python<'_>,
        fields: Option<&Bound<'_, PyAny>>,
        expected_facility: Option<&Bound<'_, PyAny>>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let merged = PyDict::new(py);
        if let Some(f) = fields {
            let f = f.cast::<pyo3::types::PyMapping>().map_err(|_| {
                PyTypeError::new_err("fields must be a mapping of field name to str")
            })?;
            for item in f.items()?.iter() {
                let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
                merged.set_item(k, v)?;
            }
        }
        if let Some(kw) = kwargs {
            // Keywords override the mapping, as in `dict(fields, **kwargs)`.
            merged.update(kw.as_mapping())?;
        }
        for k in merged.keys().iter() {
            if !k.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(format!(
                    "field names must be str, not {}",
                    k.get_type().name()?
                )));
            }
        }
        let expected = match expected_facility {
            None => None,
            Some(v) => Some(crate::onboarding::facility_arg(py, v)?),
        };
        let input = profile_input(py, merged.as_any())?.map_err(|e| {
            // serde's message without a value (a password given as a number) or the JSON position.
            let reason = crate::errors::serde_reason(&e);
            PyTypeError::new_err(format!("FacilityProfile.validate(): {reason}"))
        })?;
        let checked = validate_profile(py, &input, expected.as_ref())?;
        Ok(PyFacilityProfile(checked.profile))
    }

    /// 事業所番号.
    #[getter]
    fn facility_number(&self) -> PyFacilityNumber {
        PyFacilityNumber(self.0.facility_number)
    }
    /// 名称 カナ (as typed, trimmed).
    #[getter]
    fn name_kana(&self) -> &str {
        &self.0.name_kana
    }
    /// 名称 漢字.
    #[getter]
    fn name_kanji(&self) -> &str {
        &self.0.name_kanji
    }
    /// 郵便番号, `NNN-NNNN`.
    #[getter]
    fn postal_code(&self) -> String {
        self.0.postal_code.to_string()
    }
    /// 住所 カナ.
    #[getter]
    fn address_kana(&self) -> &str {
        &self.0.address_kana
    }
    /// 住所 漢字.
    #[getter]
    fn address_kanji(&self) -> &str {
        &self.0.address_kanji
    }
    /// 電話番号 (half-width).
    #[getter]
    fn phone(&self) -> &str {
        &self.0.phone
    }
    /// FAX番号 (half-width).
    #[getter]
    fn fax(&self) -> &str {
        &self.0.fax
    }
    /// 代表者 氏名カナ.
    #[getter]
    fn representative_name_kana(&self) -> &str {
        &self.0.representative_name_kana
    }
    /// 代表者 氏名漢字.
    #[getter]
    fn representative_name_kanji(&self) -> &str {
        &self.0.representative_name_kanji
    }
    /// 代表者 職名.
    #[getter]
    fn representative_title(&self) -> &str {
        &self.0.representative_title
    }
    /// メールアドレス, if given.
    #[getter]
    fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    /// Whether the 取込送信 password is still the initial `0000`.
    #[getter]
    fn password_is_default(&self) -> bool {
        self.0.password_is_default
    }
    /// Warnings (`profile.password_default` while the password is `0000`).
    #[getter]
    fn warnings(&self) -> Vec<PyFinding> {
        self.warning_list().iter().map(PyFinding::of).collect()
    }
    /// The profile as JSON (no password).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0)
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
    }
    /// The profile as a plain dict (no password).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.to_json()?,))
    }
    /// Each field's label on the screen (Japanese) or its English name, with its value.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn fields(&self, py: Python<'_>, lang: Text) -> PyResult<Vec<(String, String)>> {
        use hug_onboard_core::profile::ProfileField as F;
        let lang = crate::errors::parse_lang(py, &lang)?;
        let p = &self.0;
        let name = |f: F| match lang {
            Lang::Ja => f.label().to_owned(),
            Lang::En => f.name_en().to_owned(),
        };
        let mut v = vec![
            (name(F::FacilityNumber), p.facility_number.to_string()),
            (name(F::NameKana), p.name_kana.clone()),
            (name(F::NameKanji), p.name_kanji.clone()),
            (name(F::PostalCode), p.postal_code.to_string()),
            (name(F::AddressKana), p.address_kana.clone()),
            (name(F::AddressKanji), p.address_kanji.clone()),
            (name(F::Phone), p.phone.clone()),
            (name(F::Fax), p.fax.clone()),
            (
                name(F::RepresentativeNameKana),
                p.representative_name_kana.clone(),
            ),
            (
                name(F::RepresentativeNameKanji),
                p.representative_name_kanji.clone(),
            ),
            (name(F::RepresentativeTitle), p.representative_title.clone()),
        ];
        if let Some(e) = &p.email {
            v.push((name(F::Email), e.clone()));
        }
        Ok(v)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "FacilityProfile(facility_number='{}', name_kanji={}, password_is_default={})",
            self.0.facility_number,
            py_repr(py, &self.0.name_kanji)?,
            if self.0.password_is_default {
                "True"
            } else {
                "False"
            }
        ))
    }
}
