//! `FacilityNumber`, `Prefecture`, `UserId`.

use hug_onboard_core::facility::{FacilityNumber, FacilityNumberError, Prefecture, UserId};
use pyo3::prelude::*;

use crate::errors::IntValue;
use crate::errors::Text;

use crate::errors::{guard, parse_lang, py_repr, to_err};

/// One of the 47 prefectures (JIS X 0401 code 1–47).
#[pyclass(
    module = "hug_onboard._native",
    name = "Prefecture",
    frozen,
    eq,
    ord,
    hash
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyPrefecture(pub Prefecture);

#[pymethods]
impl PyPrefecture {
    /// The prefecture with a two-digit code `"01"`–`"47"`.
    #[staticmethod]
    fn from_code(py: Python<'_>, code: Text) -> PyResult<Self> {
        let code: &str = &code;
        guard(py, || {
            Prefecture::from_code(code)
                .map(PyPrefecture)
                .ok_or_else(|| {
                    to_err(
                        py,
                        &FacilityNumberError::UnknownPrefecture {
                            code: code.chars().take(20).collect(),
                        },
                    )
                })
        })
    }

    /// The prefecture with a number 1–47.
    #[staticmethod]
    fn from_number(py: Python<'_>, number: IntValue) -> PyResult<Self> {
        let number: i64 = crate::errors::int_arg(py, &number, "number")?;
        guard(py, || {
            u8::try_from(number)
                .ok()
                .and_then(Prefecture::from_number)
                .map(PyPrefecture)
                .ok_or_else(|| {
                    to_err(
                        py,
                        &FacilityNumberError::UnknownPrefecture {
                            code: number.to_string(),
                        },
                    )
                })
        })
    }

    /// Every prefecture in code order.
    #[staticmethod]
    fn all() -> Vec<PyPrefecture> {
        Prefecture::ALL.iter().copied().map(PyPrefecture).collect()
    }

    /// The code as a number, 1–47.
    #[getter]
    fn number(&self) -> u8 {
        self.0.number()
    }

    /// The two-digit code, `"01"`–`"47"`.
    #[getter]
    fn code(&self) -> String {
        self.0.code()
    }

    /// The Japanese name, e.g. `"東京都"`.
    #[getter]
    fn name_ja(&self) -> &'static str {
        self.0.name_ja()
    }

    /// The English name, e.g. `"Tokyo"`.
    #[getter]
    fn name_en(&self) -> &'static str {
        self.0.name_en()
    }

    /// The name in `lang` (`"ja"` or `"en"`).
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn name(&self, py: Python<'_>, lang: Text) -> PyResult<&'static str> {
        Ok(self.0.name(parse_lang(py, &lang)?))
    }

    fn __int__(&self) -> u8 {
        self.0.number()
    }

    fn __repr__(&self) -> String {
        format!("Prefecture({}, '{}')", self.0.number(), self.0.name_en())
    }

    fn __str__(&self) -> &'static str {
        self.0.name_ja()
    }
}

/// A 10-digit 事業所番号 (facility number).
#[pyclass(
    module = "hug_onboard._native",
    name = "FacilityNumber",
    frozen,
    eq,
    ord,
    hash
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyFacilityNumber(pub FacilityNumber);

#[pymethods]
impl PyFacilityNumber {
    /// Parses a facility number (full-width digits and surrounding spaces accepted).
    #[new]
    fn py_new(py: Python<'_>, s: Text) -> PyResult<Self> {
        let s: &str = &s;
        guard(py, || {
            FacilityNumber::parse(s)
                .map(PyFacilityNumber)
                .map_err(|e| to_err(py, &e))
        })
    }

    /// The prefecture named by the first two digits.
    #[getter]
    fn prefecture(&self) -> PyPrefecture {
        PyPrefecture(self.0.prefecture())
    }

    /// The 10 digits.
    #[getter]
    fn digits(&self) -> String {
        self.0.as_str().to_owned()
    }

    fn __str__(&self) -> String {
        self.0.as_str().to_owned()
    }

    fn __repr__(&self) -> String {
        format!("FacilityNumber('{}')", self.0.as_str())
    }

    fn __getnewargs__(&self) -> (String,) {
        (self.0.as_str().to_owned(),)
    }
}

/// A portal user ID (テストID or 本番 ID): opaque, case-sensitive.
#[pyclass(module = "hug_onboard._native", name = "UserId", frozen, eq, ord, hash)]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyUserId(pub UserId);

#[pymethods]
impl PyUserId {
    /// Parses a user ID (full-width letters and digits normalised, trimmed).
    #[new]
    fn py_new(py: Python<'_>, s: Text) -> PyResult<Self> {
        let s: &str = &s;
        guard(py, || {
            UserId::parse(s).map(PyUserId).map_err(|e| to_err(py, &e))
        })
    }

    fn __str__(&self) -> String {
        self.0.as_str().to_owned()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("UserId({})", py_repr(py, self.0.as_str())?))
    }

    fn __getnewargs__(&self) -> (String,) {
        (self.0.as_str().to_owned(),)
    }
}
