//! The billing calendar: a service month's claim window, document releases and
//! payment, from a rulebook (defaults overridable per 国保連), and its iCalendar export.

use std::ffi::c_char;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use hug_onboard_core::schedule::{
    self, BillingCalendar, IcalOptions, Rulebook, ScheduleError, YearMonth,
};

use crate::calendar::hug_calendar;
use crate::error::{
    Failure, FfiProblem, arg_mut, arg_out, arg_ref, arg_str, ffi_boundary, hug_status,
    new_c_string, new_json_string,
};
use crate::hug_date;

/// A month, e.g. the service month 2026-04.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct hug_year_month {
    /// The year.
    pub year: i32,
    /// The month, 1-12.
    pub month: u8,
}

/// A wall-clock instant (Japan time for the schedule functions, UTC for an iCalendar stamp).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct hug_datetime {
    /// The day.
    pub date: hug_date,
    /// The hour, 0-23.
    pub hour: u8,
    /// The minute, 0-59.
    pub minute: u8,
    /// The second, 0-59.
    pub second: u8,
}

impl hug_datetime {
    pub(crate) fn to_naive(self, param: &'static str) -> Result<NaiveDateTime, Failure> {
        let d: NaiveDate = self.date.to_naive(param)?;
        let t = NaiveTime::from_hms_opt(self.hour.into(), self.minute.into(), self.second.into())
            .ok_or(Failure::ffi(FfiProblem::InvalidDate {
            param,
            year: self.date.year,
            month: self.date.month,
            day: self.date.day,
        }))?;
        Ok(d.and_time(t))
    }

    pub(crate) fn from_naive(t: NaiveDateTime) -> hug_datetime {
        hug_datetime {
            date: hug_date::from_naive(t.date()),
            hour: u8::try_from(t.hour()).unwrap_or(0),
            minute: u8::try_from(t.minute()).unwrap_or(0),
            second: u8::try_from(t.second()).unwrap_or(0),
        }
    }
}

fn ym(v: hug_year_month) -> Result<YearMonth, Failure> {
    YearMonth::new(v.year, v.month.into()).map_err(|e| Failure::diag(&e))
}

fn sched_err(e: ScheduleError) -> Failure {
    Failure::diag(&e)
}

/// A billing calendar: a rulebook and a holiday calendar. Opaque; made by
/// `hug_billing_calendar_new` or `hug_billing_calendar_from_rulebook_json`, freed by
/// `hug_billing_calendar_free`. Read-only functions take `const`: they may share it
/// between threads; `hug_billing_calendar_set_calendar` needs it to itself.
pub struct hug_billing_calendar {
    inner: BillingCalendar,
}

impl hug_billing_calendar {
    pub(crate) fn inner(&self) -> &BillingCalendar {
        &self.inner
    }
}

fn boxed(inner: BillingCalendar) -> *mut hug_billing_calendar {
    Box::into_raw(Box::new(hug_billing_calendar { inner }))
}

/// Makes the billing calendar of the default rulebook (hug-onboard-core/docs/domain.md: window 1st 00:00 –
/// 10th 24:00 JST, documents on the 1st/10th of M+2, payment on the 15th rolled forward).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_billing_calendar_new(
    out: *mut *mut hug_billing_calendar,
) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out, "out")?;
        out.write(boxed(BillingCalendar::default()));
        Ok(())
    })
}

/// Makes a billing calendar from a rulebook's JSON (a 国保連's overrides of the default
/// rulebook; `{}` is the default). Every problem of the rulebook is reported at once.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` with every
/// `rulebook.*` problem.
///
/// # Safety
/// `json` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_billing_calendar_from_rulebook_json(
    json: *const c_char,
    out: *mut *mut hug_billing_calendar,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(json, "json") }?;
        let out = arg_out(out, "out")?;
        let rb = Rulebook::from_json(json).map_err(|p| Failure::problems(&p))?;
        out.write(boxed(BillingCalendar::new(rb)));
        Ok(())
    })
}

/// Makes a billing calendar from a rulebook written in TOML (the form of the files in
/// `tests/fixtures/rulebooks/`, e.g. `nagano.toml`). Same rules and errors as
/// `hug_billing_calendar_from_rulebook_json`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` with every
/// `rulebook.*` problem.
///
/// # Safety
/// `toml` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_billing_calendar_from_rulebook_toml(
    toml: *const c_char,
    out: *mut *mut hug_billing_calendar,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let toml = unsafe { arg_str(toml, "toml") }?;
        let out = arg_out(out, "out")?;
        let rb = Rulebook::from_toml(toml).map_err(|p| Failure::problems(&p))?;
        out.write(boxed(BillingCalendar::new(rb)));
        Ok(())
    })
}

/// Frees a billing calendar. NULL is accepted and ignored.
///
/// # Safety
/// `billing` optional: NULL (ignored) or made by this library and not yet freed; no other thread uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_billing_calendar_free(billing: *mut hug_billing_calendar) {
    crate::error::guard((), || {
        if !billing.is_null() {
            // SAFETY: made by Box::into_raw in this module (caller's contract).
            drop(unsafe { Box::from_raw(billing) });
        }
    })
}

/// Replaces the holiday calendar (last announced year, closures) by a copy of `calendar`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// Both live; no other thread uses `billing` during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_billing_calendar_set_calendar(
    billing: *mut hug_billing_calendar,
    calendar: *const hug_calendar,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let b = unsafe { arg_mut(billing, "billing") }?;
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(calendar, "calendar") }?;
        b.inner.calendar = c.inner.clone();
        Ok(())
    })
}

/// The rulebook in force as JSON (its id, names, window, documents, payment). Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `billing` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_billing_calendar_rulebook_json(
    billing: *const hug_billing_calendar,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let b = unsafe { arg_ref(billing, "billing") }?;
        let out = arg_out(out_json, "out_json")?;
        out.write(new_json_string(&b.inner.rulebook)?);
        Ok(())
    })
}

/// The schedule of one service month as JSON: the claim window (`opens`, `closes`,
/// Japan time), each document's release day (returns-dependent ones marked) and
/// the payment day. The schema is the core's `MonthSchedule` serialisation, e.g.
/// `{"rulebook_id":"default","service_month":"2026-04","claim_month":"2026-05","window":{"opens":"2026-05-01T00:00:00","closes":"2026-05-11T00:00:00"},...}`.
/// Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_VALIDATION` (`schedule.invalid_month`, `calendar.out_of_range`).
///
/// # Safety
/// `billing` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_schedule_month_json(
    billing: *const hug_billing_calendar,
    service_month: hug_year_month,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let b = unsafe { arg_ref(billing, "billing") }?;
        let m = ym(service_month)?;
        let out = arg_out(out_json, "out_json")?;
        let s = b.inner.schedule(m).map_err(sched_err)?;
        out.write(new_json_string(&s)?);
        Ok(())
    })
}

/// The claim window of one service month (Japan time): when it opens and when it
/// closes (exclusive; `closes` 2026-05-11 00:00 means "until the end of the 10th").
///
/// # Errors
/// As `hug_schedule_month_json`.
///
/// # Safety
/// `billing` live; out-pointers writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_schedule_claim_window(
    billing: *const hug_billing_calendar,
    service_month: hug_year_month,
    out_opens: *mut hug_datetime,
    out_closes: *mut hug_datetime,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let b = unsafe { arg_ref(billing, "billing") }?;
        let m = ym(service_month)?;
        let (oo, oc) = (
            arg_out(out_opens, "out_opens")?,
            arg_out(out_closes, "out_closes")?,
        );
        let s = b.inner.schedule(m).map_err(sched_err)?;
        oo.write(hug_datetime::from_naive(s.window.opens));
        oc.write(hug_datetime::from_naive(s.window.closes));
        Ok(())
    })
}

/// Whether a claim window is open at `at` (Japan time) and, if so, for which
/// service month (`{0, 0}` when closed).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`);
/// `HUG_ERR_VALIDATION` (`calendar.out_of_range`).
///
/// # Safety
/// `billing` live; out-pointers writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_schedule_window_at(
    billing: *const hug_billing_calendar,
    at: hug_datetime,
    out_open: *mut bool,
    out_service_month: *mut hug_year_month,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let b = unsafe { arg_ref(billing, "billing") }?;
        let at = at.to_naive("at")?;
        let (oo, om) = (
            arg_out(out_open, "out_open")?,
            arg_out(out_service_month, "out_service_month")?,
        );
        let w = b.inner.window_at(at).map_err(sched_err)?;
        oo.write(w.is_some());
        om.write(w.map_or(hug_year_month { year: 0, month: 0 }, |(m, _)| {
            hug_year_month {
                year: m.year(),
                month: u8::try_from(m.month()).unwrap_or(0),
            }
        }));
        Ok(())
    })
}

/// The next claim deadline from `at` (Japan time) as JSON:
/// `{"service_month":"2026-04","opens":"2026-05-01T00:00:00","closes":"2026-05-11T00:00:00","open_now":true}`.
/// Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`);
/// `HUG_ERR_VALIDATION` (`calendar.out_of_range`).
///
/// # Safety
/// `billing` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_schedule_next_deadline_json(
    billing: *const hug_billing_calendar,
    at: hug_datetime,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let b = unsafe { arg_ref(billing, "billing") }?;
        let at = at.to_naive("at")?;
        let out = arg_out(out_json, "out_json")?;
        let d = b.inner.next_deadline(at).map_err(sched_err)?;
        out.write(new_json_string(&serde_json::json!({
            "service_month": d.service_month.to_string(),
            "opens": d.window.opens,
            "closes": d.window.closes,
            "open_now": d.open_now,
        }))?);
        Ok(())
    })
}

/// What happens on a day (window opens/closes, documents released, payment) as JSON:
/// `[{"kind":"window_opens","service_month":"2026-04","document":null}, ...]` (`[]` for none).
/// Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`);
/// `HUG_ERR_VALIDATION` (`calendar.out_of_range`).
///
/// # Safety
/// `billing` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_schedule_events_on_json(
    billing: *const hug_billing_calendar,
    date: hug_date,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let b = unsafe { arg_ref(billing, "billing") }?;
        let d = date.to_naive("date")?;
        let out = arg_out(out_json, "out_json")?;
        let evs = b.inner.events_on(d).map_err(sched_err)?;
        let v: Vec<_> = evs
            .iter()
            .map(|e| {
                serde_json::json!({
                    "kind": e.kind,
                    "service_month": e.service_month.to_string(),
                    "document": e.document,
                })
            })
            .collect();
        out.write(new_json_string(&v)?);
        Ok(())
    })
}

/// The schedules of the service months `from` to `to` (inclusive, at most 1200 months)
/// as an iCalendar (RFC 5545) text, ready to save as `.ics`: per month the claim window
/// with an alarm before it closes, each document release and the payment. `dtstamp_utc`
/// is the DTSTAMP of every event (UTC; the library never reads the clock).
/// Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`); `HUG_ERR_VALIDATION`
/// (`schedule.invalid_month`, `schedule.invalid_range`, `schedule.range_too_long`, `calendar.out_of_range`).
///
/// # Safety
/// `billing` live; `out_ics` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_schedule_ical(
    billing: *const hug_billing_calendar,
    from: hug_year_month,
    to: hug_year_month,
    dtstamp_utc: hug_datetime,
    out_ics: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let b = unsafe { arg_ref(billing, "billing") }?;
        let (from, to) = (ym(from)?, ym(to)?);
        let stamp = Utc.from_utc_datetime(&dtstamp_utc.to_naive("dtstamp_utc")?);
        let out = arg_out(out_ics, "out_ics")?;
        let ics = b
            .inner
            .to_ical(from, to, &IcalOptions::new(stamp))
            .map_err(sched_err)?;
        out.write(new_c_string(ics)?);
        Ok(())
    })
}

/// Parses a month `YYYY-MM` (e.g. a service month typed by a user).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` (`schedule.invalid_month`).
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_year_month_parse(
    text: *const c_char,
    out: *mut hug_year_month,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let out = arg_out(out, "out")?;
        let m = YearMonth::parse(text).map_err(sched_err)?;
        out.write(hug_year_month {
            year: m.year(),
            month: u8::try_from(m.month()).unwrap_or(0),
        });
        Ok(())
    })
}

/// Parses an instant `YYYY-MM-DDTHH:MM[:SS]` (or with a space instead of `T`).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` (`schedule.invalid_instant`).
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_datetime_parse(
    text: *const c_char,
    out: *mut hug_datetime,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let out = arg_out(out, "out")?;
        let t = schedule::parse_instant(text).map_err(sched_err)?;
        out.write(hug_datetime::from_naive(t));
        Ok(())
    })
}

// --- the per-国保連 rulebook registry (issue 13) ---

/// The core facility number of a C value (its digits are parsed again, so a
/// struct that was not made by `hug_facility_number_parse` is refused with a
/// `facility.*` code, never trusted).
fn facility_of(
    n: &crate::facility::hug_facility_number,
) -> Result<hug_onboard_core::facility::FacilityNumber, Failure> {
    let bytes: Vec<u8> = n
        .digits
        .iter()
        .take_while(|c| **c != 0)
        .map(|c| *c as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    hug_onboard_core::facility::FacilityNumber::parse(&text).map_err(|e| Failure::diag(&e))
}

fn registry_failure(
    p: &hug_onboard_core::diagnostic::Problems<schedule::RulebookError>,
) -> Failure {
    Failure::problems(p)
}

/// Makes the billing calendar of the facility's own 国保連: its rulebook from the
/// registry of 47 (every field with its source, or the default marked unverified) and
/// the default holiday calendar.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_VALIDATION` (`facility.*` when `facility` does not
/// hold a valid number).
///
/// # Safety
/// `facility` readable; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_billing_calendar_for_facility(
    facility: *const crate::facility::hug_facility_number,
    out: *mut *mut hug_billing_calendar,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = facility_of(unsafe { arg_ref(facility, "facility") }?)?;
        let out = arg_out(out, "out")?;
        let b = BillingCalendar::for_facility(&n).map_err(|p| registry_failure(&p))?;
        out.write(boxed(b));
        Ok(())
    })
}

/// Makes the billing calendar of a prefecture's 国保連 (`code` `"01"`–`"47"`).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION`
/// (`rulebook.unknown_prefecture`).
///
/// # Safety
/// `code` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_billing_calendar_for_prefecture(
    code: *const c_char,
    out: *mut *mut hug_billing_calendar,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let code = unsafe { arg_str(code, "code") }?;
        let out = arg_out(out, "out")?;
        let rb = Rulebook::for_prefecture_code(code).map_err(|p| registry_failure(&p))?;
        out.write(boxed(BillingCalendar::new(rb.clone())));
        Ok(())
    })
}

/// The facility's own 国保連 rulebook as JSON (as `hug_billing_calendar_rulebook_json`:
/// id, names, `prefecture`, window, documents, payment, certificate, and `sources`
/// `{"payment.roll":{"kind":"stated","url":"https://…","note":"…"}}` and `notes`
/// (statements recorded but not applied); fields without a source are defaults,
/// unverified). Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_VALIDATION` (`facility.*`).
///
/// # Safety
/// `facility` readable; `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_rulebook_for_facility(
    facility: *const crate::facility::hug_facility_number,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = facility_of(unsafe { arg_ref(facility, "facility") }?)?;
        let out = arg_out(out_json, "out_json")?;
        let rb = Rulebook::for_facility(&n).map_err(|p| registry_failure(&p))?;
        out.write(new_json_string(rb)?);
        Ok(())
    })
}

/// A prefecture's 国保連 rulebook as JSON (`code` `"01"`–`"47"`; the shape of
/// `hug_rulebook_for_facility`). Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION`
/// (`rulebook.unknown_prefecture`).
///
/// # Safety
/// `code` NUL-terminated; `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_rulebook_for_prefecture(
    code: *const c_char,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let code = unsafe { arg_str(code, "code") }?;
        let out = arg_out(out_json, "out_json")?;
        let rb = Rulebook::for_prefecture_code(code).map_err(|p| registry_failure(&p))?;
        out.write(new_json_string(rb)?);
        Ok(())
    })
}

/// The 47 rulebooks of the registry as a JSON array, in prefecture-code order (each
/// in the shape of `hug_rulebook_for_facility`). Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_rulebook_registry_json(out_json: *mut *mut c_char) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out_json, "out_json")?;
        let all = Rulebook::registry().map_err(|p| registry_failure(&p))?;
        out.write(new_json_string(&all)?);
        Ok(())
    })
}

/// The monthly documents, from the core's one table:
/// `[{"id":"returns_list","name_ja":"返戻等一覧表","name_en":"…","sources":["portal_inquiry_list",…],
/// "only_if_returns":true,"months_after_claim":1,"release_day":1}, ...]`. Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_document_kinds_json(out_json: *mut *mut c_char) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out_json, "out_json")?;
        out.write(new_json_string(&schedule::DocumentKind::catalogue())?);
        Ok(())
    })
}
