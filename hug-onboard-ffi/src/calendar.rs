//! Japanese public holidays and business days.

use std::ffi::{CString, c_char};
use std::sync::OnceLock;

use hug_onboard_core::calendar::{self, HolidayKind, JapaneseCalendar, YearStatus};
use hug_onboard_core::diagnostic::Lang;

use crate::error::{
    Failure, FfiProblem, arg_lang, arg_out, arg_ref, arg_str, ffi_boundary, hug_status,
    new_json_string,
};
use crate::{hug_date, hug_lang};

/// Whether a year's holidays are officially announced, as an integer.
pub type hug_year_status = i32;
/// The 内閣府 list for the year is out.
pub const HUG_YEAR_ANNOUNCED: hug_year_status = 0;
/// Computed ahead by the same rules; may still change.
pub const HUG_YEAR_PROVISIONAL: hug_year_status = 1;

/// The holiday and business-day configuration (last announced year, annual
/// closures such as 12/29-1/3). Opaque; made by `hug_calendar_new` or
/// `hug_calendar_from_json`, freed by `hug_calendar_free`. Read-only: may be shared by threads.
pub struct hug_calendar {
    pub(crate) inner: JapaneseCalendar,
}

fn cal_err(e: calendar::CalendarError) -> Failure {
    Failure::diag(&e)
}

/// Makes the default calendar: business day = not Saturday, Sunday or a public holiday;
/// `year_end_closure` adds the closure 12/29-1/3 of public offices and banks.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_calendar_new(
    year_end_closure: bool,
    out: *mut *mut hug_calendar,
) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out, "out")?;
        let inner = if year_end_closure {
            JapaneseCalendar::with_year_end_closure()
        } else {
            JapaneseCalendar::default()
        };
        out.write(Box::into_raw(Box::new(hug_calendar { inner })));
        Ok(())
    })
}

/// Makes a calendar from JSON: `{"last_announced_year": 2027, "closures": [{"start": [12, 29], "end": [1, 3]}]}`
/// (both keys optional; unknown keys refused).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`, `HUG_ERR_INVALID_JSON` (`ffi.invalid_json`).
///
/// # Safety
/// `json` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_calendar_from_json(
    json: *const c_char,
    out: *mut *mut hug_calendar,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(json, "json") }?;
        let out = arg_out(out, "out")?;
        let inner: JapaneseCalendar = serde_json::from_str(json).map_err(|e| {
            Failure::ffi(FfiProblem::InvalidJson {
                param: "json",
                reason: hug_onboard_core::json_reason::DataReason::from_serde(&e),
            })
        })?;
        out.write(Box::into_raw(Box::new(hug_calendar { inner })));
        Ok(())
    })
}

/// Frees a calendar. NULL is accepted and ignored.
///
/// # Safety
/// `calendar` optional: NULL (ignored) or made by this library and not yet freed; no other thread uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_calendar_free(calendar: *mut hug_calendar) {
    crate::error::guard((), || {
        if !calendar.is_null() {
            // SAFETY: made by Box::into_raw in this module (caller's contract).
            drop(unsafe { Box::from_raw(calendar) });
        }
    })
}

fn kind_names() -> &'static [(HolidayKind, [CString; 2])] {
    static N: OnceLock<Vec<(HolidayKind, [CString; 2])>> = OnceLock::new();
    N.get_or_init(|| {
        HolidayKind::all()
            .iter()
            .map(|k| {
                (
                    *k,
                    [
                        crate::error::cstring_lossless(k.name_ja()),
                        crate::error::cstring_lossless(k.name_en()),
                    ],
                )
            })
            .collect()
    })
}

/// Whether a day is a public holiday (国民の祝日, 振替休日, 国民の休日, one-off days),
/// and its name in `lang` (static: never free it), or NULL when it is not a holiday.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`, `ffi.invalid_enum`);
/// `HUG_ERR_VALIDATION` (`calendar.out_of_range`: before 1948-07-20 or after 2099).
///
/// # Safety
/// Out-pointers writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_holiday_get(
    date: hug_date,
    lang: hug_lang,
    out_is_holiday: *mut bool,
    out_name: *mut *const c_char,
) -> hug_status {
    ffi_boundary!({
        let d = date.to_naive("date")?;
        let lang = arg_lang(lang, "lang")?;
        let (oh, on) = (
            arg_out(out_is_holiday, "out_is_holiday")?,
            arg_out(out_name, "out_name")?,
        );
        let h = calendar::holiday(d).map_err(cal_err)?;
        let name = match h {
            None => std::ptr::null(),
            Some(h) => kind_names().iter().find(|(k, _)| *k == h.kind).map_or(
                std::ptr::null(),
                |(_, n)| match lang {
                    Lang::Ja => n[0].as_ptr(),
                    Lang::En => n[1].as_ptr(),
                },
            ),
        };
        oh.write(h.is_some());
        on.write(name);
        Ok(())
    })
}

/// Every public holiday of a year as JSON, in date order:
/// `[{"date":"2026-01-01","kind":"new_years_day","name_ja":"元日","name_en":"New Year's Day"}, ...]`.
/// Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_VALIDATION` (`calendar.out_of_range` outside 1948-2099).
///
/// # Safety
/// `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_holidays_of_year_json(
    year: i32,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        let out = arg_out(out_json, "out_json")?;
        let hs = calendar::holidays_of_year(year).map_err(cal_err)?;
        let v: Vec<_> = hs
            .iter()
            .map(|h| {
                serde_json::json!({
                    "date": h.date.to_string(),
                    "kind": h.kind.id(),
                    "name_ja": h.kind.name_ja(),
                    "name_en": h.kind.name_en(),
                })
            })
            .collect();
        out.write(new_json_string(&v)?);
        Ok(())
    })
}

/// Whether a year's holidays are announced (`HUG_YEAR_ANNOUNCED`) or computed ahead
/// (`HUG_YEAR_PROVISIONAL`) under this calendar's last announced year.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_VALIDATION` (`calendar.out_of_range`).
///
/// # Safety
/// `calendar` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_calendar_year_status(
    calendar: *const hug_calendar,
    year: i32,
    out: *mut hug_year_status,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(calendar, "calendar") }?;
        let out = arg_out(out, "out")?;
        let s = c.inner.year_status(year).map_err(cal_err)?;
        out.write(match s {
            YearStatus::Announced => HUG_YEAR_ANNOUNCED,
            YearStatus::Provisional => HUG_YEAR_PROVISIONAL,
        });
        Ok(())
    })
}

/// Whether a day is a business day (not a weekend, a holiday or a closure).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`);
/// `HUG_ERR_VALIDATION` (`calendar.out_of_range`).
///
/// # Safety
/// `calendar` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_calendar_is_business_day(
    calendar: *const hug_calendar,
    date: hug_date,
    out: *mut bool,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(calendar, "calendar") }?;
        let d = date.to_naive("date")?;
        let out = arg_out(out, "out")?;
        out.write(c.inner.is_business_day(d).map_err(cal_err)?);
        Ok(())
    })
}

/// How `hug_calendar_business_day` moves from a day, as an integer.
pub type hug_business_day_rule = i32;
/// The first business day strictly after the day.
pub const HUG_BUSINESS_DAY_NEXT: hug_business_day_rule = 0;
/// The last business day strictly before the day.
pub const HUG_BUSINESS_DAY_PREVIOUS: hug_business_day_rule = 1;
/// The day itself if it is a business day, else the next one (payment days).
pub const HUG_BUSINESS_DAY_ROLL_FORWARD: hug_business_day_rule = 2;
/// The day itself if it is a business day, else the previous one.
pub const HUG_BUSINESS_DAY_ROLL_BACKWARD: hug_business_day_rule = 3;

/// The business day found from `date` by `rule` (`HUG_BUSINESS_DAY_*`).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`, `ffi.invalid_enum`);
/// `HUG_ERR_VALIDATION` (`calendar.out_of_range`, also when the answer would leave the range).
///
/// # Safety
/// `calendar` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_calendar_business_day(
    calendar: *const hug_calendar,
    date: hug_date,
    rule: hug_business_day_rule,
    out: *mut hug_date,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let c = unsafe { arg_ref(calendar, "calendar") }?;
        let d = date.to_naive("date")?;
        let out = arg_out(out, "out")?;
        let r = match rule {
            HUG_BUSINESS_DAY_NEXT => c.inner.next_business_day(d),
            HUG_BUSINESS_DAY_PREVIOUS => c.inner.previous_business_day(d),
            HUG_BUSINESS_DAY_ROLL_FORWARD => c.inner.roll_forward(d),
            HUG_BUSINESS_DAY_ROLL_BACKWARD => c.inner.roll_backward(d),
            v => {
                return Err(Failure::ffi(FfiProblem::InvalidEnum {
                    param: "rule",
                    value: v.into(),
                }));
            }
        };
        out.write(hug_date::from_naive(r.map_err(cal_err)?));
        Ok(())
    })
}
