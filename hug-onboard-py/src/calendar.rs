//! Japanese holidays and business days: `is_holiday`, `holiday_name`,
//! `is_business_day`, `JapaneseCalendar`, `Holiday`.

use chrono::NaiveDate;
use hug_onboard_core::calendar::{self, AnnualClosure, Holiday, JapaneseCalendar, YearStatus};
use pyo3::prelude::*;

use crate::errors::IntValue;
use crate::errors::Text;
use crate::errors::{BindingCode, binding_err, guard, parse_lang, py_repr, to_err};

/// One holiday: a day and what it is (国民の祝日, 振替休日, 国民の休日, …).
#[pyclass(
    module = "hug_onboard._native",
    name = "Holiday",
    frozen,
    eq,
    ord,
    hash
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyHoliday(pub Holiday);

#[pymethods]
impl PyHoliday {
    /// The day.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }
    /// What it is, as a stable id (`"new_years_day"`, `"substitute_holiday"`, …).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.id()
    }
    /// The Japanese name (`"元日"`).
    #[getter]
    fn name_ja(&self) -> &'static str {
        self.0.name_ja()
    }
    /// The English name (`"New Year's Day"`).
    #[getter]
    fn name_en(&self) -> &'static str {
        self.0.name_en()
    }
    /// Whether it is one of the 国民の祝日 themselves (not a 振替休日 or 国民の休日).
    #[getter]
    fn is_national_holiday(&self) -> bool {
        self.0.kind.is_national_holiday()
    }
    /// The name in `lang` (`"ja"` or `"en"`).
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn name(&self, py: Python<'_>, lang: Text) -> PyResult<&'static str> {
        Ok(self.0.kind.name(parse_lang(py, &lang)?))
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Holiday({}, {}, {})",
            py_repr(py, &self.0.date.to_string())?,
            py_repr(py, self.0.kind.id())?,
            py_repr(py, self.0.name_ja())?
        ))
    }
}

/// Parses a date `YYYY-MM-DD` (surrounding white space ignored), as the
/// command line and the shared vectors write it (`calendar.invalid_date` otherwise).
#[pyfunction]
pub fn parse_date(py: Python<'_>, s: Text) -> PyResult<NaiveDate> {
    guard(py, || calendar::parse_date(&s).map_err(|e| to_err(py, &e)))
}

/// A `datetime.date` (or `datetime.datetime`, its day) as a `NaiveDate`.
///
/// Under abi3 the date C API is not available; pyo3 reads `year`, `month`
/// and `day` as three attributes. One `toordinal()` call is about three times
/// cheaper, which matters for the per-day lookups (`is_holiday` over a century).
pub fn fast_date(d: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    static TOORDINAL: pyo3::sync::PyOnceLock<Py<pyo3::types::PyString>> =
        pyo3::sync::PyOnceLock::new();
    let py = d.py();
    if d.is_instance_of::<pyo3::types::PyDate>() {
        let name = TOORDINAL.get_or_init(py, || {
            pyo3::types::PyString::intern(py, "toordinal").unbind()
        });
        let ord: i32 = d.call_method0(name.bind(py))?.extract()?;
        if let Some(day) = NaiveDate::from_num_days_from_ce_opt(ord) {
            return Ok(day);
        }
    }
    d.extract()
}

/// Whether a day is a Japanese public holiday (祝日, 振替休日, 国民の休日).
///
/// Not registered itself: the slow path of the C-level `is_holiday` (`fastcal.rs`),
/// which answers from its table and calls this for anything else (the same for
/// `holiday_name` and `is_business_day`).
#[pyfunction]
pub fn is_holiday(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<bool> {
    let d = fast_date(d)?;
    guard(py, || calendar::is_holiday(d).map_err(|e| to_err(py, &e)))
}

/// The holiday on a day, or `None`.
#[pyfunction]
pub fn holiday(py: Python<'_>, d: NaiveDate) -> PyResult<Option<PyHoliday>> {
    guard(py, || {
        calendar::holiday(d)
            .map(|h| h.map(PyHoliday))
            .map_err(|e| to_err(py, &e))
    })
}

/// The name of the holiday on a day in `lang`, or `None` on an ordinary day.
#[pyfunction]
#[pyo3(signature = (d, lang = Text::from("ja")), text_signature = "(d, lang=\"ja\")")]
pub fn holiday_name(
    py: Python<'_>,
    d: &Bound<'_, PyAny>,
    lang: Text,
) -> PyResult<Option<&'static str>> {
    let d = fast_date(d)?;
    let lang = parse_lang(py, &lang)?;
    guard(py, || {
        calendar::holiday_name(d, lang).map_err(|e| to_err(py, &e))
    })
}

/// Every holiday of a year, in date order.
#[pyfunction]
pub fn holidays_of_year(py: Python<'_>, year: IntValue) -> PyResult<Vec<PyHoliday>> {
    let y: i32 = crate::errors::int_arg(py, &year, "year")?;
    guard(py, || {
        calendar::holidays_of_year(y)
            .map(|v| v.into_iter().map(PyHoliday).collect())
            .map_err(|e| to_err(py, &e))
    })
}

/// Whether a day is a business day (not a Saturday, Sunday or holiday).
#[pyfunction]
pub fn is_business_day(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<bool> {
    let d = fast_date(d)?;
    guard(py, || {
        calendar::is_business_day(d).map_err(|e| to_err(py, &e))
    })
}

/// The first business day after a day.
#[pyfunction]
pub fn next_business_day(py: Python<'_>, d: NaiveDate) -> PyResult<NaiveDate> {
    guard(py, || {
        calendar::next_business_day(d).map_err(|e| to_err(py, &e))
    })
}

/// The last business day before a day.
#[pyfunction]
pub fn previous_business_day(py: Python<'_>, d: NaiveDate) -> PyResult<NaiveDate> {
    guard(py, || {
        calendar::previous_business_day(d).map_err(|e| to_err(py, &e))
    })
}

/// The day itself when it is a business day, else the next business day.
#[pyfunction]
pub fn roll_forward(py: Python<'_>, d: NaiveDate) -> PyResult<NaiveDate> {
    guard(py, || calendar::roll_forward(d).map_err(|e| to_err(py, &e)))
}

type MonthDay = (u32, u32);
/// A `(month, day)` pair as Python gave it (each number range-checked by `int_arg`).
type MonthDayArg = (IntValue, IntValue);

/// `"announced"` or `"provisional"`.
pub(crate) fn year_status_id(s: YearStatus) -> &'static str {
    match s {
        YearStatus::Announced => "announced",
        YearStatus::Provisional => "provisional",
    }
}

/// The holiday and business-day configuration: the last officially announced
/// year and the closures laid over the public holidays.
#[pyclass(module = "hug_onboard._native", name = "JapaneseCalendar", frozen, eq)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyJapaneseCalendar(pub JapaneseCalendar);

#[pymethods]
impl PyJapaneseCalendar {
    /// A calendar; `closures` are `((month, day), (month, day))` pairs (inclusive,
    /// may wrap over the new year); `year_end_closure=True` adds 12/29–1/3.
    #[new]
    #[pyo3(signature = (*, last_announced_year = None, closures = None, year_end_closure = false))]
    fn py_new(
        py: Python<'_>,
        last_announced_year: Option<IntValue>,
        closures: Option<Vec<(MonthDayArg, MonthDayArg)>>,
        year_end_closure: bool,
    ) -> PyResult<Self> {
        let last_announced_year: Option<i32> =
            crate::errors::opt_int_arg(py, last_announced_year.as_ref(), "last_announced_year")?;
        let mut c = JapaneseCalendar::default();
        if let Some(y) = last_announced_year {
            c.last_announced_year = y;
        }
        if year_end_closure {
            c.closures.push(AnnualClosure::year_end());
        }
        for (start, end) in closures.unwrap_or_default() {
            // Each number through the one range check (`binding.out_of_range`; `bool` refused).
            let md = |(m, d): &MonthDayArg, what: &str| -> PyResult<(u32, u32)> {
                Ok((
                    crate::errors::int_arg(py, m, &format!("closures {what} month"))?,
                    crate::errors::int_arg(py, d, &format!("closures {what} day"))?,
                ))
            };
            let (start, end) = (md(&start, "start")?, md(&end, "end")?);
            let closure = AnnualClosure { start, end };
            if !closure.is_valid() {
                return Err(binding_err(
                    py,
                    BindingCode::InvalidClosure,
                    format!(
                        "休業期間 {}/{}〜{}/{} は実在する月日ではありません。",
                        start.0, start.1, end.0, end.1
                    ),
                    format!(
                        "The closure {}/{} to {}/{} is not made of real month/day pairs.",
                        start.0, start.1, end.0, end.1
                    ),
                ));
            }
            c.closures.push(closure);
        }
        Ok(PyJapaneseCalendar(c))
    }

    /// The default calendar (no closure; business day = not Sat/Sun/holiday).
    #[staticmethod]
    fn default() -> Self {
        PyJapaneseCalendar(JapaneseCalendar::default())
    }

    /// The default calendar with the year-end closure 12/29–1/3.
    #[staticmethod]
    fn with_year_end_closure() -> Self {
        PyJapaneseCalendar(JapaneseCalendar::with_year_end_closure())
    }

    /// The last year whose holidays are officially announced.
    #[getter]
    fn last_announced_year(&self) -> i32 {
        self.0.last_announced_year
    }

    /// The closures as `((month, day), (month, day))` pairs.
    #[getter]
    fn closures(&self) -> Vec<(MonthDay, MonthDay)> {
        self.0.closures.iter().map(|c| (c.start, c.end)).collect()
    }

    /// `"announced"` or `"provisional"` (computed ahead of the official list).
    fn year_status(&self, py: Python<'_>, year: IntValue) -> PyResult<&'static str> {
        let y: i32 = crate::errors::int_arg(py, &year, "year")?;
        self.0
            .year_status(y)
            .map(year_status_id)
            .map_err(|e| to_err(py, &e))
    }

    /// Whether a closure covers the day.
    fn is_closure(&self, d: NaiveDate) -> bool {
        self.0.is_closure(d)
    }

    /// Whether the day is a business day (not Sat/Sun, a holiday or closed).
    fn is_business_day(&self, py: Python<'_>, d: NaiveDate) -> PyResult<bool> {
        self.0.is_business_day(d).map_err(|e| to_err(py, &e))
    }

    /// The first business day after the day.
    fn next_business_day(&self, py: Python<'_>, d: NaiveDate) -> PyResult<NaiveDate> {
        guard(py, || {
            self.0.next_business_day(d).map_err(|e| to_err(py, &e))
        })
    }

    /// The last business day before the day.
    fn previous_business_day(&self, py: Python<'_>, d: NaiveDate) -> PyResult<NaiveDate> {
        guard(py, || {
            self.0.previous_business_day(d).map_err(|e| to_err(py, &e))
        })
    }

    /// The day itself if it is a business day, else the next one.
    fn roll_forward(&self, py: Python<'_>, d: NaiveDate) -> PyResult<NaiveDate> {
        guard(py, || self.0.roll_forward(d).map_err(|e| to_err(py, &e)))
    }

    /// The day itself if it is a business day, else the previous one.
    fn roll_backward(&self, py: Python<'_>, d: NaiveDate) -> PyResult<NaiveDate> {
        guard(py, || self.0.roll_backward(d).map_err(|e| to_err(py, &e)))
    }

    fn __repr__(&self) -> String {
        let closures: Vec<String> = self
            .0
            .closures
            .iter()
            .map(|c| {
                format!(
                    "(({}, {}), ({}, {}))",
                    c.start.0, c.start.1, c.end.0, c.end.1
                )
            })
            .collect();
        format!(
            "JapaneseCalendar(last_announced_year={}, closures=[{}])",
            self.0.last_announced_year,
            closures.join(", ")
        )
    }
}
