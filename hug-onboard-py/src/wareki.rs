//! `parse_wareki`, `parse_wareki_partial`, `format_wareki`.

use chrono::NaiveDate;
use hug_onboard_core::wareki::{self, ParseOptions, PartialDate, Style};
use pyo3::prelude::*;

use crate::errors::{BindingCode, binding_err, guard, py_repr, to_err};

/// Parses a 和暦 or western date into a `datetime.date`.
#[pyfunction]
#[pyo3(signature = (s, *, lenient = false))]
pub fn parse_wareki(py: Python<'_>, s: &str, lenient: bool) -> PyResult<NaiveDate> {
    guard(py, || {
        let opts = ParseOptions {
            lenient,
            ..Default::default()
        };
        wareki::parse_date_with(s, &opts).map_err(|e| to_err(py, &e))
    })
}

/// A parsed date that may lack its month or day (`平成18年` is a year).
#[pyclass(module = "hug_onboard._native", name = "PartialDate", frozen, eq)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyPartialDate(PartialDate);

#[pymethods]
impl PyPartialDate {
    /// `"date"`, `"year_month"` or `"year"`.
    #[getter]
    fn kind(&self) -> &'static str {
        match self.0 {
            PartialDate::Date { .. } => "date",
            PartialDate::YearMonth { .. } => "year_month",
            PartialDate::Year { .. } => "year",
        }
    }
    /// The western year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year()
    }
    /// The month, when there is one.
    #[getter]
    fn month(&self) -> Option<u32> {
        match self.0 {
            PartialDate::Date { date } => Some(chrono::Datelike::month(&date)),
            PartialDate::YearMonth { month, .. } => Some(month),
            PartialDate::Year { .. } => None,
        }
    }
    /// The full date, when there is one.
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        self.0.date()
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(match self.0 {
            PartialDate::Date { date } => {
                format!("PartialDate(date={})", py_repr(py, &date.to_string())?)
            }
            PartialDate::YearMonth { year, month } => {
                format!("PartialDate(year={year}, month={month})")
            }
            PartialDate::Year { year } => format!("PartialDate(year={year})"),
        })
    }
}

/// Parses a 和暦 or western date that may be only a year or a year and month.
#[pyfunction]
#[pyo3(signature = (s, *, lenient = false))]
pub fn parse_wareki_partial(py: Python<'_>, s: &str, lenient: bool) -> PyResult<PyPartialDate> {
    guard(py, || {
        let opts = ParseOptions {
            lenient,
            ..Default::default()
        };
        wareki::parse_with(s, &opts)
            .map(PyPartialDate)
            .map_err(|e| to_err(py, &e))
    })
}

/// Formats a date as 和暦: `"long"` 令和元年6月3日, `"long_numeric"` 令和1年6月3日, `"short"` R1.6.3.
#[pyfunction]
#[pyo3(signature = (d, style = "long"))]
pub fn format_wareki(py: Python<'_>, d: NaiveDate, style: &str) -> PyResult<String> {
    guard(py, || {
        let st = Style::parse(style).ok_or_else(|| {
            binding_err(
                py,
                BindingCode::InvalidStyle,
                format!("書式 {style:?} は使えません。\"long\"、\"long_numeric\"、\"short\" のいずれかです。"),
                format!("Unknown style {style:?}; use \"long\", \"long_numeric\" or \"short\"."),
            )
        })?;
        wareki::format(d, st).map_err(|e| to_err(py, &e))
    })
}
