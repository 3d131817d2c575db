//! The billing schedule: `Rulebook`, `BillingCalendar`, `billing_schedule`,
//! `MonthSchedule`, `ClaimWindow`, `DocumentRelease`, `DayEvent`, `Deadline`.
//!
//! Instants of the schedule are JST wall-clock times in the core; they cross
//! to Python as aware datetimes in UTC+09:00. Instants given by Python may be
//! aware datetimes (any zone, converted to JST), naive datetimes (read as JST
//! wall-clock, the portal's time) or text `YYYY-MM-DDTHH:MM[:SS]` (JST).

use std::sync::Arc;

use chrono::{
    DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset as _, TimeZone as _, Utc,
};
use hug_onboard_core::rules::ClaimWindow;
use hug_onboard_core::schedule::{
    BillingCalendar, DayEvent, DocumentKind, DocumentRelease, IcalOptions, MonthSchedule, Rulebook,
    ScheduleError, YearMonth, parse_instant,
};
use pyo3::prelude::*;

use crate::errors::IntValue;
use crate::errors::{Text, text_of};
use pyo3::types::{PyDateTime, PyDict, PyString};

use crate::calendar::PyJapaneseCalendar;
use crate::errors::{guard, parse_lang, problems_err, py_repr, to_err};

/// JST: UTC+09:00 all year.
pub fn jst() -> FixedOffset {
    // 9 hours is always a valid offset; the fallback is never taken.
    FixedOffset::east_opt(9 * 3600).unwrap_or(Utc.fix())
}

/// A JST wall-clock time as an aware datetime (UTC+09:00).
pub fn aware(t: NaiveDateTime) -> DateTime<FixedOffset> {
    jst().from_utc_datetime(&(t - Duration::hours(9)))
}

/// An instant from Python as a JST wall-clock time: an aware datetime (any
/// zone), a naive datetime (JST) or `YYYY-MM-DDTHH:MM[:SS]` text (JST).
pub fn instant_arg(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<NaiveDateTime> {
    if let Ok(s) = v.cast::<PyString>() {
        let s = text_of(s)?;
        return parse_instant(&s).map_err(|e| to_err(py, &e));
    }
    let dt = v.cast::<PyDateTime>()?;
    if dt.getattr("tzinfo")?.is_none() {
        return dt.extract::<NaiveDateTime>();
    }
    let utc_tz = py.import("datetime")?.getattr("timezone")?.getattr("utc")?;
    let u: DateTime<Utc> = dt.call_method1("astimezone", (utc_tz,))?.extract()?;
    Ok(u.naive_utc() + Duration::hours(9))
}

/// An aware datetime (any zone) as UTC; a naive datetime is refused (`TypeError`).
pub fn utc_arg(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<DateTime<Utc>> {
    let dt = v.cast::<PyDateTime>()?;
    if dt.getattr("tzinfo")?.is_none() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "expected an aware datetime (with tzinfo), e.g. datetime(2026, 9, 15, 14, 59, 59, tzinfo=timezone.utc)",
        ));
    }
    let utc_tz = py.import("datetime")?.getattr("timezone")?.getattr("utc")?;
    dt.call_method1("astimezone", (utc_tz,))?.extract()
}

/// A service month from Python: `"YYYY-MM"` text, or a year and a month.
pub fn month_arg(
    py: Python<'_>,
    year: &Bound<'_, PyAny>,
    month: Option<IntValue>,
) -> PyResult<YearMonth> {
    let month: Option<i64> = crate::errors::opt_int_arg(py, month.as_ref(), "month")?;
    if let Ok(s) = year.cast::<PyString>() {
        let s = text_of(s)?;
        if month.is_some() {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "give either \"YYYY-MM\" or a year and a month, not both",
            ));
        }
        return YearMonth::parse(&s).map_err(|e| to_err(py, &e));
    }
    let y: i64 = crate::errors::int_arg(py, &year.extract::<crate::errors::IntValue>()?, "year")?;
    let Some(m) = month else {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "a month is needed with a year (or give \"YYYY-MM\")",
        ));
    };
    let bad = || {
        to_err(
            py,
            &ScheduleError::InvalidMonth {
                input: format!("{y}-{m}"),
            },
        )
    };
    let y = i32::try_from(y).map_err(|_| bad())?;
    let m = u32::try_from(m).map_err(|_| bad())?;
    YearMonth::new(y, m).map_err(|e| to_err(py, &e))
}

/// The rules of one 国保連's schedule and certificate deadlines, as data.
#[pyclass(module = "hug_onboard._native", name = "Rulebook", frozen, eq)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyRulebook(pub Arc<Rulebook>);

#[pymethods]
impl PyRulebook {
    /// The guide's schedule (claims 1st–10th, documents 1st/10th, payment 15th).
    #[staticmethod]
    fn default() -> Self {
        PyRulebook(Arc::new(Rulebook::default()))
    }

    /// Overrides from JSON over the defaults; raises ValidationError with every problem.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: Text) -> PyResult<Self> {
        let json: &str = &json;
        guard(py, || {
            Rulebook::from_json(json)
                .map(|r| PyRulebook(Arc::new(r)))
                .map_err(|p| problems_err(py, &p))
        })
    }

    /// Overrides from TOML over the defaults; raises ValidationError with every problem.
    #[staticmethod]
    fn from_toml(py: Python<'_>, toml: Text) -> PyResult<Self> {
        let toml: &str = &toml;
        guard(py, || {
            Rulebook::from_toml(toml)
                .map(|r| PyRulebook(Arc::new(r)))
                .map_err(|p| problems_err(py, &p))
        })
    }

    /// The rulebook's id (`"default"`, `"nagano"`).
    #[getter]
    fn id(&self) -> String {
        self.0.id().to_owned()
    }
    /// Its Japanese name.
    #[getter]
    fn name_ja(&self) -> String {
        self.0.name_ja().to_owned()
    }
    /// Its English name.
    #[getter]
    fn name_en(&self) -> String {
        self.0.name_en().to_owned()
    }
    /// Its name in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn name(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(match parse_lang(py, &lang)? {
            hug_onboard_core::Lang::Ja => self.0.name_ja().to_owned(),
            hug_onboard_core::Lang::En => self.0.name_en().to_owned(),
        })
    }
    /// Every rule as JSON (the format `from_json` reads).
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    /// The rulebook of the facility's own 国保連 (a `FacilityNumber` or its text), from
    /// the registry of 47; raises ValidationError (`facility.*`) for a bad number.
    #[staticmethod]
    fn for_facility(py: Python<'_>, number: &Bound<'_, PyAny>) -> PyResult<Self> {
        let n = crate::onboarding::facility_arg(py, number)?;
        guard(py, || {
            Rulebook::for_facility(&n)
                .map(|r| PyRulebook(Arc::new(r.clone())))
                .map_err(|p| problems_err(py, &p))
        })
    }
    /// The rulebook of a prefecture's 国保連 (`"26"` or 26); raises ValidationError
    /// (`rulebook.unknown_prefecture`) unless 01–47.
    #[staticmethod]
    fn for_prefecture(py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<Self> {
        // A `str` or an `int`: never `True` (an `int` to Python, 1 = 北海道), a
        // float or another object through its `str()` (TypeError, as `IntValue`).
        let text = match code.cast::<PyString>() {
            Ok(s) => text_of(s)?,
            Err(_) => {
                let v: IntValue = code.extract()?;
                match v.value {
                    Some(n) if (0..100).contains(&n) => format!("{n:02}"),
                    _ => v.shown,
                }
            }
        };
        guard(py, || {
            Rulebook::for_prefecture_code(&text)
                .map(|r| PyRulebook(Arc::new(r.clone())))
                .map_err(|p| problems_err(py, &p))
        })
    }
    /// The 47 rulebooks of the registry, in prefecture-code order.
    #[staticmethod]
    fn registry(py: Python<'_>) -> PyResult<Vec<Self>> {
        guard(py, || {
            Rulebook::registry()
                .map(|all| {
                    all.iter()
                        .map(|r| PyRulebook(Arc::new(r.clone())))
                        .collect()
                })
                .map_err(|p| problems_err(py, &p))
        })
    }
    /// The prefecture code of its 国保連 (`"26"`), or None.
    #[getter]
    fn prefecture(&self) -> Option<String> {
        self.0.prefecture().map(str::to_owned)
    }
    /// Every sourced field: `{"payment.roll": {"kind": "stated", "url": "https://…", "note": "…"}}`;
    /// a field that is not here is the default, unverified.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (field, src) in self.0.sources() {
            let e = PyDict::new(py);
            e.set_item(
                "kind",
                match src.kind {
                    hug_onboard_core::schedule::SourceKind::Stated => "stated",
                    hug_onboard_core::schedule::SourceKind::Approximate => "approximate",
                },
            )?;
            e.set_item("url", &src.url)?;
            e.set_item("note", src.note.as_deref())?;
            d.set_item(field, e)?;
        }
        Ok(d)
    }
    /// Statements recorded but not applied: `[{"kind": "about_kaigo", "field": …, "url": …, "text": …}]`.
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.0
            .notes()
            .iter()
            .map(|n| {
                let e = PyDict::new(py);
                let kind = serde_json::to_value(n.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                e.set_item("kind", kind)?;
                e.set_item("field", n.field.as_deref())?;
                e.set_item("url", &n.url)?;
                e.set_item("text", &n.text)?;
                Ok(e)
            })
            .collect()
    }
    /// `"sourced"`, `"approximate"` or `"unverified"` for one field (`"payment.roll"`).
    fn field_basis(&self, field: Text) -> &'static str {
        let field: &str = &field;
        self.0.field_basis(field).id()
    }
    /// Whether any field is sourced.
    #[getter]
    fn has_sources(&self) -> bool {
        self.0.has_sources()
    }
    /// Which rulebook this is: `京都府国保連の規則（出典あり）` / `既定値（未確認）`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn label(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(self.0.label(parse_lang(py, &lang)?))
    }
    /// Every field path a rulebook has (`window.closing_day`, …).
    #[staticmethod]
    fn field_paths() -> Vec<String> {
        Rulebook::field_paths()
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Rulebook(id={})", py_repr(py, self.0.id())?))
    }
}

/// The monthly documents, from the core's one table: a list of dicts
/// `{"id", "name_ja", "name_en", "sources", "only_if_returns", "months_after_claim", "release_day"}`.
#[pyfunction]
pub fn document_kinds(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let text = serde_json::to_string(&DocumentKind::catalogue())
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// A claim window: `opens` (inclusive) to `closes` (exclusive), aware JST datetimes.
#[pyclass(module = "hug_onboard._native", name = "ClaimWindow", frozen, eq, hash)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PyClaimWindow(pub ClaimWindow);

#[pymethods]
impl PyClaimWindow {
    /// When claims can first be sent (aware, UTC+09:00).
    #[getter]
    fn opens(&self) -> DateTime<FixedOffset> {
        aware(self.0.opens)
    }
    /// When the window closes, exclusive ("the 10th, 24:00" is the 11th 00:00).
    #[getter]
    fn closes(&self) -> DateTime<FixedOffset> {
        aware(self.0.closes)
    }
    /// The last day claims can be sent (JST).
    #[getter]
    fn last_day(&self) -> NaiveDate {
        self.0.last_day()
    }
    /// Whether the window is open at an instant (aware datetime, naive = JST, or text).
    fn contains(&self, py: Python<'_>, at: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.contains(instant_arg(py, at)?))
    }
    fn __repr__(&self) -> String {
        format!(
            "ClaimWindow(opens='{}', closes='{}')",
            aware(self.0.opens).to_rfc3339(),
            aware(self.0.closes).to_rfc3339()
        )
    }
}

pub(crate) fn source_id(s: hug_onboard_core::schedule::DocumentSource) -> &'static str {
    use hug_onboard_core::schedule::DocumentSource as S;
    match s {
        S::PortalInquiryList => "portal_inquiry_list",
        S::TransmitHistory => "transmit_history",
    }
}

/// One document's release: kind, names, date, whether only if claims were returned, sources.
#[pyclass(module = "hug_onboard._native", name = "DocumentRelease", frozen, eq)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyDocumentRelease(pub DocumentRelease);

#[pymethods]
impl PyDocumentRelease {
    /// The document's id (`"payment_notice"`, `"returns_list"`, …).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.document.id()
    }
    /// Its Japanese name (`"支払決定額通知書"`).
    #[getter]
    fn name_ja(&self) -> &'static str {
        self.0.document.name_ja()
    }
    /// Its English name.
    #[getter]
    fn name_en(&self) -> &'static str {
        self.0.document.name_en()
    }
    /// Its name in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn name(&self, py: Python<'_>, lang: Text) -> PyResult<&'static str> {
        Ok(match parse_lang(py, &lang)? {
            hug_onboard_core::Lang::Ja => self.0.document.name_ja(),
            hug_onboard_core::Lang::En => self.0.document.name_en(),
        })
    }
    /// The day it can be downloaded from.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }
    /// Whether it exists only if claims were returned.
    #[getter]
    fn only_if_returns(&self) -> bool {
        self.0.only_if_returns
    }
    /// What its day rests on: `"sourced"`, `"approximate"` ("about", 頃) or `"unverified"`.
    #[getter]
    fn basis(&self) -> &'static str {
        self.0.basis.id()
    }
    /// Where to get it: `"portal_inquiry_list"`, `"transmit_history"`.
    #[getter]
    fn sources(&self) -> Vec<&'static str> {
        self.0.sources.iter().map(|s| source_id(*s)).collect()
    }
    /// Where to get it, described in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn source_names(&self, py: Python<'_>, lang: Text) -> PyResult<Vec<&'static str>> {
        let lang = parse_lang(py, &lang)?;
        Ok(self
            .0
            .sources
            .iter()
            .map(|s| match lang {
                hug_onboard_core::Lang::Ja => s.name_ja(),
                hug_onboard_core::Lang::En => s.name_en(),
            })
            .collect())
    }
    fn __repr__(&self) -> String {
        format!(
            "DocumentRelease('{}', date='{}', only_if_returns={})",
            self.0.document.id(),
            self.0.date,
            if self.0.only_if_returns {
                "True"
            } else {
                "False"
            }
        )
    }
}

pub(crate) fn event_kind(k: hug_onboard_core::schedule::EventKind) -> &'static str {
    use hug_onboard_core::schedule::EventKind as K;
    match k {
        K::WindowOpens => "window_opens",
        K::WindowLastDay => "window_last_day",
        K::DocumentRelease => "document_release",
        K::Payment => "payment",
    }
}

/// What happens on a day of a service month's schedule.
#[pyclass(module = "hug_onboard._native", name = "DayEvent", frozen, eq)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyDayEvent(pub DayEvent);

#[pymethods]
impl PyDayEvent {
    /// `"window_opens"`, `"window_last_day"`, `"document_release"` or `"payment"`.
    #[getter]
    fn kind(&self) -> &'static str {
        event_kind(self.0.kind)
    }
    /// The day.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }
    /// The service month it belongs to, `"YYYY-MM"`.
    #[getter]
    fn service_month(&self) -> String {
        self.0.service_month.to_string()
    }
    /// What its day rests on: `"sourced"`, `"approximate"` ("about", 頃) or `"unverified"`.
    #[getter]
    fn basis(&self) -> &'static str {
        self.0.basis.id()
    }
    /// The document id for a document release, else `None`.
    #[getter]
    fn document(&self) -> Option<&'static str> {
        self.0.document.map(DocumentKind::id)
    }
    /// Whether the document exists only if claims were returned.
    #[getter]
    fn only_if_returns(&self) -> bool {
        self.0.only_if_returns
    }
    /// One line in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn describe(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(self.0.describe(parse_lang(py, &lang)?))
    }
    fn __repr__(&self) -> String {
        format!(
            "DayEvent('{}', date='{}', service_month='{}')",
            event_kind(self.0.kind),
            self.0.date,
            self.0.service_month
        )
    }
}

/// The next claim deadline from an instant.
#[pyclass(module = "hug_onboard._native", name = "Deadline", frozen, eq)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyDeadline(pub hug_onboard_core::schedule::Deadline);

#[pymethods]
impl PyDeadline {
    /// The service month whose claims are due, `"YYYY-MM"`.
    #[getter]
    fn service_month(&self) -> String {
        self.0.service_month.to_string()
    }
    /// Its claim window.
    #[getter]
    fn claim_window(&self) -> PyClaimWindow {
        PyClaimWindow(self.0.window)
    }
    /// Whether the window is open at the instant asked about.
    #[getter]
    fn open_now(&self) -> bool {
        self.0.open_now
    }
    fn __repr__(&self) -> String {
        format!(
            "Deadline(service_month='{}', open_now={})",
            self.0.service_month,
            if self.0.open_now { "True" } else { "False" }
        )
    }
}

/// iCalendar options from Python keywords; `dtstamp=None` = now (the binding reads the clock).
fn ical_options(
    py: Python<'_>,
    dtstamp: Option<&Bound<'_, PyAny>>,
    uid_scope: &str,
    calendar_name: Option<String>,
    alarm_minutes_before_close: IntValue,
    include_returns_documents: bool,
) -> PyResult<IcalOptions> {
    let alarm_minutes_before_close: u32 = crate::errors::int_arg(
        py,
        &alarm_minutes_before_close,
        "alarm_minutes_before_close",
    )?;
    let stamp = match dtstamp {
        Some(v) => {
            let jst_wall = instant_arg(py, v)?;
            Utc.from_utc_datetime(&(jst_wall - Duration::hours(9)))
        }
        None => DateTime::<Utc>::from(std::time::SystemTime::now()),
    };
    let mut o = IcalOptions::new(stamp);
    o.uid_scope = uid_scope.to_owned();
    o.calendar_name = calendar_name;
    o.alarm_minutes_before_close = alarm_minutes_before_close;
    o.include_returns_documents = include_returns_documents;
    Ok(o)
}

/// The schedule of one service month.
#[pyclass(module = "hug_onboard._native", name = "MonthSchedule", frozen)]
pub struct PyMonthSchedule {
    pub schedule: MonthSchedule,
    pub calendar: Arc<BillingCalendar>,
}

#[pymethods]
impl PyMonthSchedule {
    /// The rulebook it was computed with.
    #[getter]
    fn rulebook_id(&self) -> &str {
        &self.schedule.rulebook_id
    }
    /// The month the services were given, `"YYYY-MM"`.
    #[getter]
    fn service_month(&self) -> String {
        self.schedule.service_month.to_string()
    }
    /// The month claims are sent (the next one), `"YYYY-MM"`.
    #[getter]
    fn claim_month(&self) -> String {
        self.schedule.claim_month.to_string()
    }
    /// The claim window (aware JST datetimes, `closes` exclusive).
    #[getter]
    fn claim_window(&self) -> PyClaimWindow {
        PyClaimWindow(self.schedule.window)
    }
    /// Whether the window was extended because its closing day was closed.
    #[getter]
    fn window_extended(&self) -> bool {
        self.schedule.window_extended
    }
    /// The five documents, by release date then kind.
    #[getter]
    fn documents(&self) -> Vec<PyDocumentRelease> {
        self.schedule
            .documents
            .iter()
            .cloned()
            .map(PyDocumentRelease)
            .collect()
    }
    /// The payment day (after rolling to a business day).
    #[getter]
    fn payment_date(&self) -> NaiveDate {
        self.schedule.payment.date
    }
    /// The rulebook's nominal payment day (the 15th by default), before rolling.
    #[getter]
    fn payment_nominal_date(&self) -> NaiveDate {
        self.schedule.payment.nominal
    }
    /// Whether a day of it falls in a year whose holidays are not yet announced.
    #[getter]
    fn provisional(&self) -> bool {
        self.schedule.provisional
    }
    /// What the payment day rests on: `"sourced"`, `"approximate"` or `"unverified"`.
    #[getter]
    fn payment_basis(&self) -> &'static str {
        self.schedule.payment.basis.id()
    }
    /// What the window's last day rests on (closing day and its weekend policy).
    #[getter]
    fn window_basis(&self) -> &'static str {
        self.schedule.window_basis.id()
    }
    /// What the window's closing hour rests on.
    #[getter]
    fn closing_time_basis(&self) -> &'static str {
        self.schedule.closing_time_basis.id()
    }
    /// Every event, in date order.
    fn events(&self) -> Vec<PyDayEvent> {
        self.schedule.events().into_iter().map(PyDayEvent).collect()
    }
    /// The schedule as JSON (the shared vectors' format).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            serde_json::to_string(&self.schedule).map_err(|e| {
                pyo3::exceptions::PyValueError::new_err(format!("cannot serialise: {e}"))
            })
        })
    }
    /// This month as an iCalendar (RFC 5545) text. `dtstamp` defaults to now.
    #[pyo3(
        signature = (*, dtstamp = None, uid_scope = Text::from(""), calendar_name = None, alarm_minutes_before_close = IntValue::of(2340), include_returns_documents = true),
        text_signature = "($self, *, dtstamp=None, uid_scope=\"\", calendar_name=None, alarm_minutes_before_close=2340, include_returns_documents=True)"
    )]
    fn to_ics(
        &self,
        py: Python<'_>,
        dtstamp: Option<&Bound<'_, PyAny>>,
        uid_scope: Text,
        calendar_name: Option<Text>,
        alarm_minutes_before_close: IntValue,
        include_returns_documents: bool,
    ) -> PyResult<String> {
        let uid_scope: &str = &uid_scope;
        let calendar_name = calendar_name.map(Text::into_string);
        let opts = ical_options(
            py,
            dtstamp,
            uid_scope,
            calendar_name,
            alarm_minutes_before_close,
            include_returns_documents,
        )?;
        let m = self.schedule.service_month;
        guard(py, || {
            self.calendar
                .to_ical(m, m, &opts)
                .map_err(|e| to_err(py, &e))
        })
    }
    fn __repr__(&self) -> String {
        format!(
            "MonthSchedule(service_month='{}', rulebook_id='{}', payment_date='{}')",
            self.schedule.service_month, self.schedule.rulebook_id, self.schedule.payment.date
        )
    }
}

/// A rulebook with the holiday calendar: schedules, queries, iCalendar export.
#[pyclass(module = "hug_onboard._native", name = "BillingCalendar", frozen)]
pub struct PyBillingCalendar(pub Arc<BillingCalendar>);

/// The billing calendar for optional Python rulebook, calendar and facility
/// arguments: an explicit rulebook wins; else the facility's own 国保連's; else
/// the default rulebook.
pub fn billing_of(
    py: Python<'_>,
    rulebook: Option<PyRef<'_, PyRulebook>>,
    calendar: Option<PyRef<'_, PyJapaneseCalendar>>,
    facility: Option<&Bound<'_, PyAny>>,
) -> PyResult<BillingCalendar> {
    let rb = match (rulebook, facility) {
        (Some(r), _) => (*r.0).clone(),
        (None, Some(f)) => {
            let n = crate::onboarding::facility_arg(py, f)?;
            Rulebook::for_facility(&n)
                .map_err(|p| problems_err(py, &p))?
                .clone()
        }
        (None, None) => Rulebook::default(),
    };
    let mut b = BillingCalendar::new(rb);
    if let Some(c) = calendar {
        b.calendar = c.0.clone();
    }
    Ok(b)
}

#[pymethods]
impl PyBillingCalendar {
    /// A billing calendar: `rulebook` if given, else the rulebook of `facility`'s own
    /// 国保連 if given, else the default rulebook; the default holiday calendar when omitted.
    #[new]
    #[pyo3(signature = (rulebook = None, calendar = None, *, facility = None))]
    fn py_new(
        py: Python<'_>,
        rulebook: Option<PyRef<'_, PyRulebook>>,
        calendar: Option<PyRef<'_, PyJapaneseCalendar>>,
        facility: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(PyBillingCalendar(Arc::new(billing_of(
            py,
            rulebook,
            calendar,
            facility.as_ref(),
        )?)))
    }

    /// The rulebook.
    #[getter]
    fn rulebook(&self) -> PyRulebook {
        PyRulebook(Arc::new(self.0.rulebook.clone()))
    }

    /// The holiday calendar.
    #[getter]
    fn calendar(&self) -> PyJapaneseCalendar {
        PyJapaneseCalendar(self.0.calendar.clone())
    }

    /// The schedule of a service month: `schedule(2026, 6)` or `schedule("2026-06")`.
    #[pyo3(signature = (year, month = None))]
    fn schedule(
        &self,
        py: Python<'_>,
        year: &Bound<'_, PyAny>,
        month: Option<IntValue>,
    ) -> PyResult<PyMonthSchedule> {
        let m = month_arg(py, year, month)?;
        guard(py, || {
            self.0
                .schedule(m)
                .map(|schedule| PyMonthSchedule {
                    schedule,
                    calendar: self.0.clone(),
                })
                .map_err(|e| to_err(py, &e))
        })
    }

    /// The schedules of the service months `start` to `end` inclusive (`"YYYY-MM"`).
    fn schedules(&self, py: Python<'_>, start: Text, end: Text) -> PyResult<Vec<PyMonthSchedule>> {
        let start: &str = &start;
        let end: &str = &end;
        guard(py, || {
            let a = YearMonth::parse(start).map_err(|e| to_err(py, &e))?;
            let b = YearMonth::parse(end).map_err(|e| to_err(py, &e))?;
            let v = self.0.schedules(a, b).map_err(|e| to_err(py, &e))?;
            Ok(v.into_iter()
                .map(|schedule| PyMonthSchedule {
                    schedule,
                    calendar: self.0.clone(),
                })
                .collect())
        })
    }

    /// The claim window open at an instant, as `(service_month, ClaimWindow)`, or `None`.
    fn window_at(
        &self,
        py: Python<'_>,
        at: &Bound<'_, PyAny>,
    ) -> PyResult<Option<(String, PyClaimWindow)>> {
        let t = instant_arg(py, at)?;
        guard(py, || {
            self.0
                .window_at(t)
                .map(|w| w.map(|(m, w)| (m.to_string(), PyClaimWindow(w))))
                .map_err(|e| to_err(py, &e))
        })
    }

    /// Whether a claim window is open at an instant.
    fn is_window_open(&self, py: Python<'_>, at: &Bound<'_, PyAny>) -> PyResult<bool> {
        let t = instant_arg(py, at)?;
        guard(py, || self.0.is_window_open(t).map_err(|e| to_err(py, &e)))
    }

    /// The next claim deadline after an instant (the open window, else the next one).
    fn next_deadline(&self, py: Python<'_>, at: &Bound<'_, PyAny>) -> PyResult<PyDeadline> {
        let t = instant_arg(py, at)?;
        guard(py, || {
            self.0
                .next_deadline(t)
                .map(PyDeadline)
                .map_err(|e| to_err(py, &e))
        })
    }

    /// Everything that happens on a day, for every service month.
    fn events_on(&self, py: Python<'_>, d: NaiveDate) -> PyResult<Vec<PyDayEvent>> {
        guard(py, || {
            self.0
                .events_on(d)
                .map(|v| v.into_iter().map(PyDayEvent).collect())
                .map_err(|e| to_err(py, &e))
        })
    }

    /// The service months `start` to `end` (`"YYYY-MM"`, `end` defaults to
    /// `start`) as an iCalendar text. `dtstamp` defaults to now.
    #[pyo3(
        signature = (start, end = None, *, dtstamp = None, uid_scope = Text::from(""), calendar_name = None, alarm_minutes_before_close = IntValue::of(2340), include_returns_documents = true),
        text_signature = "($self, start, end=None, *, dtstamp=None, uid_scope=\"\", calendar_name=None, alarm_minutes_before_close=2340, include_returns_documents=True)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn to_ics(
        &self,
        py: Python<'_>,
        start: Text,
        end: Option<Text>,
        dtstamp: Option<&Bound<'_, PyAny>>,
        uid_scope: Text,
        calendar_name: Option<Text>,
        alarm_minutes_before_close: IntValue,
        include_returns_documents: bool,
    ) -> PyResult<String> {
        let start: &str = &start;
        let end = end.as_deref();
        let uid_scope: &str = &uid_scope;
        let calendar_name = calendar_name.map(Text::into_string);
        let opts = ical_options(
            py,
            dtstamp,
            uid_scope,
            calendar_name,
            alarm_minutes_before_close,
            include_returns_documents,
        )?;
        guard(py, || {
            let a = YearMonth::parse(start).map_err(|e| to_err(py, &e))?;
            let b = match end {
                Some(e) => YearMonth::parse(e).map_err(|e| to_err(py, &e))?,
                None => a,
            };
            self.0.to_ical(a, b, &opts).map_err(|e| to_err(py, &e))
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "BillingCalendar(rulebook={})",
            py_repr(py, self.0.rulebook.id())?
        ))
    }
}

/// The schedule of a service month: `billing_schedule(2026, 6)` or `billing_schedule("2026-06")`.
#[pyfunction]
#[pyo3(signature = (year, month = None, rulebook = None, *, calendar = None, facility = None))]
pub fn billing_schedule(
    py: Python<'_>,
    year: &Bound<'_, PyAny>,
    month: Option<IntValue>,
    rulebook: Option<PyRef<'_, PyRulebook>>,
    calendar: Option<PyRef<'_, PyJapaneseCalendar>>,
    facility: Option<Bound<'_, PyAny>>,
) -> PyResult<PyMonthSchedule> {
    let m = month_arg(py, year, month)?;
    let cal = Arc::new(billing_of(py, rulebook, calendar, facility.as_ref())?);
    guard(py, || {
        cal.schedule(m)
            .map(|schedule| PyMonthSchedule {
                schedule,
                calendar: cal.clone(),
            })
            .map_err(|e| to_err(py, &e))
    })
}
