//! `parse_wareki`, `parse_wareki_partial`, `format_wareki`.

use chrono::NaiveDate;
use hug_onboard_core::wareki::{self, EraTable, ParseOptions, PartialDate, Style};
use pyo3::prelude::*;

use crate::errors::{BindingCode, binding_err, guard, py_repr, to_err};
use crate::errors::{Text, TextChar};

/// The era table the 和暦 functions read: the built-in one (明治 to 令和) or
/// one read from JSON / extended with a new era, as `hug_era_table` in C.
#[pyclass(module = "hug_onboard._native", name = "EraTable", frozen, eq)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyEraTable(EraTable);

#[pymethods]
impl PyEraTable {
    /// The built-in table (明治, 大正, 昭和, 平成, 令和).
    #[staticmethod]
    fn builtin() -> Self {
        PyEraTable(EraTable::builtin().clone())
    }

    /// A table from JSON, oldest era first (`wareki.invalid_era_table` otherwise).
    #[staticmethod]
    fn from_json(py: Python<'_>, json: Text) -> PyResult<Self> {
        let json: &str = &json;
        guard(py, || {
            EraTable::from_json(json)
                .map(PyEraTable)
                .map_err(|e| to_err(py, &e))
        })
    }

    /// This table with one more era, kept in date order (`wareki.invalid_era_table`
    /// when two eras start on the same day or a name, initial or alias clashes).
    #[pyo3(signature = (name, name_en, initial, first_day, aliases = None))]
    fn with_era(
        &self,
        py: Python<'_>,
        name: Text,
        name_en: Text,
        initial: TextChar,
        first_day: NaiveDate,
        aliases: Option<Vec<Text>>,
    ) -> PyResult<Self> {
        let name = name.into_string();
        let name_en = name_en.into_string();
        let initial = initial.0;
        let aliases = aliases.map(|v| v.into_iter().map(Text::into_string).collect::<Vec<_>>());
        guard(py, || {
            self.0
                .with_era(wareki::Era {
                    name,
                    name_en,
                    initial,
                    aliases: aliases.unwrap_or_default(),
                    first_day,
                })
                .map(PyEraTable)
                .map_err(|e| to_err(py, &e))
        })
    }

    /// The eras, oldest first, as `(name, name_en, initial, first_day)`.
    #[getter]
    fn eras(&self) -> Vec<(String, String, char, NaiveDate)> {
        self.0
            .eras()
            .iter()
            .map(|e| (e.name.clone(), e.name_en.clone(), e.initial, e.first_day))
            .collect()
    }

    /// The table as JSON (what `from_json` reads).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            serde_json::to_string(&self.0).map_err(|e| {
                pyo3::exceptions::PyValueError::new_err(format!("cannot serialise: {e}"))
            })
        })
    }

    fn __repr__(&self) -> String {
        let names: Vec<&str> = self.0.eras().iter().map(|e| e.name.as_str()).collect();
        format!("EraTable([{}])", names.join(", "))
    }
}

fn table_of(era_table: Option<&PyEraTable>) -> &EraTable {
    match era_table {
        Some(t) => &t.0,
        None => EraTable::builtin(),
    }
}

/// Parses a 和暦 or western date into a `datetime.date`.
#[pyfunction]
#[pyo3(signature = (s, *, lenient = false, era_table = None))]
pub fn parse_wareki(
    py: Python<'_>,
    s: Text,
    lenient: bool,
    era_table: Option<PyRef<'_, PyEraTable>>,
) -> PyResult<NaiveDate> {
    let s: &str = &s;
    guard(py, || {
        let opts = ParseOptions {
            lenient,
            table: table_of(era_table.as_deref()),
        };
        wareki::parse_date_with(s, &opts).map_err(|e| to_err(py, &e))
    })
}

/// `"date"`, `"year_month"` or `"year"`.
pub(crate) fn partial_kind(d: &PartialDate) -> &'static str {
    match d {
        PartialDate::Date { .. } => "date",
        PartialDate::YearMonth { .. } => "year_month",
        PartialDate::Year { .. } => "year",
    }
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
        partial_kind(&self.0)
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
#[pyo3(signature = (s, *, lenient = false, era_table = None))]
pub fn parse_wareki_partial(
    py: Python<'_>,
    s: Text,
    lenient: bool,
    era_table: Option<PyRef<'_, PyEraTable>>,
) -> PyResult<PyPartialDate> {
    let s: &str = &s;
    guard(py, || {
        let opts = ParseOptions {
            lenient,
            table: table_of(era_table.as_deref()),
        };
        wareki::parse_with(s, &opts)
            .map(PyPartialDate)
            .map_err(|e| to_err(py, &e))
    })
}

/// Formats a date as 和暦: `"long"` 令和元年6月3日, `"long_numeric"` 令和1年6月3日, `"short"` R1.6.3.
#[pyfunction]
#[pyo3(
    signature = (d, style = Text::from("long"), *, era_table = None),
    text_signature = "(d, style=\"long\", *, era_table=None)"
)]
pub fn format_wareki(
    py: Python<'_>,
    d: NaiveDate,
    style: Text,
    era_table: Option<PyRef<'_, PyEraTable>>,
) -> PyResult<String> {
    let style: &str = &style;
    guard(py, || {
        let st = Style::parse(style).ok_or_else(|| {
            let names = crate::literals::style_names();
            binding_err(
                py,
                BindingCode::InvalidStyle,
                format!(
                    "書式「{}」は使えません。{}です。",
                    crate::errors::shown(style),
                    crate::errors::choices_ja(&names)
                ),
                format!(
                    "Unknown style \"{}\"; use {}.",
                    crate::errors::shown(style),
                    crate::errors::choices_en(&names)
                ),
            )
        })?;
        wareki::format_with(d, st, table_of(era_table.as_deref())).map_err(|e| to_err(py, &e))
    })
}
