//! `PasswordPolicy`: check, change form, generation.

use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::password::{PasswordPolicy, PasswordProfile, PasswordViolation};
use pyo3::prelude::*;

use crate::errors::IntValue;
use crate::errors::Text;
use crate::errors::{BindingCode, PyFinding, binding_err, guard, parse_lang, py_repr, to_err};
use crate::facility::PyUserId;

/// The portal's password rule as data (lengths, letter+digit, symbols, not-the-user-ID, lockout).
#[pyclass(module = "hug_onboard._native", name = "PasswordPolicy", frozen, eq)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyPasswordPolicy(pub PasswordPolicy);

fn user_id_text(u: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match u {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            if let Ok(id) = v.cast::<PyUserId>() {
                Ok(Some(id.get().0.as_str().to_owned()))
            } else {
                Ok(Some(v.extract::<Text>().map(Text::into_string)?))
            }
        }
    }
}

fn findings(v: &[PasswordViolation]) -> Vec<PyFinding> {
    v.iter().map(|x| PyFinding::from(x.to_finding())).collect()
}

#[pymethods]
impl PyPasswordPolicy {
    /// The password-change screen of a テストID (the larger symbol set).
    #[staticmethod]
    fn test_screen() -> Self {
        PyPasswordPolicy(PasswordPolicy::test_screen())
    }
    /// The password-change screen of a production ID (the smaller symbol set).
    #[staticmethod]
    fn production_screen() -> Self {
        PyPasswordPolicy(PasswordPolicy::production_screen())
    }
    /// What both screens accept: the rules generated passwords follow.
    #[staticmethod]
    fn generation() -> Self {
        PyPasswordPolicy(PasswordPolicy::generation())
    }
    /// A built-in profile by name: `"test"`, `"production"` or `"generation"`.
    #[staticmethod]
    fn by_name(py: Python<'_>, name: Text) -> PyResult<Self> {
        let name: &str = &name;
        PasswordPolicy::by_name(name)
            .map(PyPasswordPolicy)
            .ok_or_else(|| {
                let names: Vec<&str> = PasswordProfile::ALL.iter().map(|p| p.name()).collect();
                binding_err(
                    py,
                    BindingCode::InvalidPolicy,
                    format!(
                        "パスワード規則「{}」はありません。{}です。",
                        crate::errors::shown(name),
                        crate::errors::choices_ja(&names)
                    ),
                    format!(
                        "No password policy \"{}\"; use {}.",
                        crate::errors::shown(name),
                        crate::errors::choices_en(&names)
                    ),
                )
            })
    }
    /// A policy from JSON (the fields of `to_json()`), for a 国保連 whose screen differs.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: Text) -> PyResult<Self> {
        let json: &str = &json;
        guard(py, || {
            serde_json::from_str::<PasswordPolicy>(json)
                .map(PyPasswordPolicy)
                .map_err(|e| {
                    binding_err(
                        py,
                        BindingCode::InvalidPolicy,
                        format!("パスワード規則の JSON を読めません: {e}"),
                        format!("Cannot read the password policy JSON: {e}"),
                    )
                })
        })
    }

    /// Minimum length in characters.
    #[getter]
    fn min_len(&self) -> usize {
        self.0.min_len
    }
    /// Maximum length in characters.
    #[getter]
    fn max_len(&self) -> usize {
        self.0.max_len
    }
    /// At least one half-width letter is required.
    #[getter]
    fn require_letter(&self) -> bool {
        self.0.require_letter
    }
    /// At least one half-width digit is required.
    #[getter]
    fn require_digit(&self) -> bool {
        self.0.require_digit
    }
    /// The symbols accepted besides letters and digits.
    #[getter]
    fn symbols(&self) -> String {
        self.0.symbols.clone()
    }
    /// The password must differ from the user ID.
    #[getter]
    fn differ_from_user_id(&self) -> bool {
        self.0.differ_from_user_id
    }
    /// Whether the portal tells `Abc` from `abc`.
    #[getter]
    fn case_sensitive(&self) -> bool {
        self.0.case_sensitive
    }
    /// Wrong passwords in a row that lock the ID.
    #[getter]
    fn lockout_attempts(&self) -> u32 {
        self.0.lockout.attempts
    }
    /// Minutes (at least) before a locked ID may try again.
    #[getter]
    fn lockout_minutes(&self) -> u32 {
        self.0.lockout.minutes
    }

    /// Every violation of the policy by `password` (empty list = acceptable).
    #[pyo3(signature = (password, user_id = None))]
    fn check(
        &self,
        py: Python<'_>,
        password: Text,
        user_id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyFinding>> {
        let password: &str = &password;
        let uid = user_id_text(user_id)?;
        guard(py, || Ok(findings(&self.0.check(password, uid.as_deref()))))
    }

    /// Whether `password` has no error-level violation.
    #[pyo3(signature = (password, user_id = None))]
    fn is_acceptable(
        &self,
        py: Python<'_>,
        password: Text,
        user_id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        let password: &str = &password;
        let uid = user_id_text(user_id)?;
        guard(py, || Ok(self.0.is_acceptable(password, uid.as_deref())))
    }

    /// Every problem of the password-change form (現在 / 新しい / 確認用).
    #[pyo3(signature = (*, user_id, current, new, confirm))]
    fn check_change(
        &self,
        py: Python<'_>,
        user_id: &Bound<'_, PyAny>,
        current: Text,
        new: Text,
        confirm: Text,
    ) -> PyResult<Vec<PyFinding>> {
        let current: &str = &current;
        let new: &str = &new;
        let confirm: &str = &confirm;
        let uid = user_id_text(Some(user_id))?.unwrap_or_default();
        guard(py, || {
            Ok(findings(&self.0.check_change(&uid, current, new, confirm)))
        })
    }

    /// A new password from the OS's CSPRNG that this policy and both screens
    /// accept, without look-alike characters.
    #[pyo3(
        signature = (length = IntValue::of(12)),
        text_signature = "($self, length=12)"
    )]
    fn generate(&self, py: Python<'_>, length: IntValue) -> PyResult<String> {
        // Any length outside the range is the core's `password.generate_length`,
        // also one no `usize` holds (`-1`, `10**22`; not `binding.out_of_range`).
        let Some(length) = length.value.and_then(|v| usize::try_from(v).ok()) else {
            return Err(to_err(py, &self.0.length_refused(&length.shown)));
        };
        guard(py, || {
            self.0
                .generate_with(length, |buf| {
                    getrandom::fill(buf).map_err(|e| e.to_string())
                })
                .map(|s| s.expose().to_owned())
                .map_err(|e| to_err(py, &e))
        })
    }

    /// The range of lengths `generate` accepts, as `(min, max)`: within this
    /// policy *and* both screens (8–16 for the built-in policies), at least 2.
    /// `None` when no length fits (a custom policy with `min_len > max_len`).
    fn generate_lengths(&self) -> Option<(usize, usize)> {
        self.0.generate_lengths()
    }

    /// A paragraph of advice for the password screen (the rule and the lockout).
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn advice(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(self.0.advice(parse_lang(py, &lang)?))
    }

    /// The policy as JSON (readable by `from_json`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            serde_json::to_string(&self.0).map_err(|e| {
                binding_err(
                    py,
                    BindingCode::InvalidPolicy,
                    format!("JSON にできません: {e}"),
                    format!("Cannot write JSON: {e}"),
                )
            })
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "PasswordPolicy(min_len={}, max_len={}, symbols={})",
            self.0.min_len,
            self.0.max_len,
            py_repr(py, &self.0.symbols)?
        ))
    }
}
