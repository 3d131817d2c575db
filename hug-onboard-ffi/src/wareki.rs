//! 和暦 (Japanese era dates): parse and format.

use std::ffi::c_char;

use hug_onboard_core::wareki::{self, EraTable, ParseOptions, PartialDate, Style};

use crate::error::{Failure, FfiProblem, arg_out, arg_str, ffi_boundary, hug_status, new_c_string};
use crate::hug_date;

/// How much of a date a text gave (`hug_partial_date.kind`), as an integer.
pub type hug_partial_kind = i32;
/// A whole date: year, month and day.
pub const HUG_PARTIAL_DATE: hug_partial_kind = 0;
/// A year and a month (`令和元年6月`): `day` is 0.
pub const HUG_PARTIAL_YEAR_MONTH: hug_partial_kind = 1;
/// A year only (`平成18年`): `month` and `day` are 0.
pub const HUG_PARTIAL_YEAR: hug_partial_kind = 2;

/// A date that may lack its day or its month (`hug_wareki_parse`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct hug_partial_date {
    /// `HUG_PARTIAL_DATE`, `HUG_PARTIAL_YEAR_MONTH` or `HUG_PARTIAL_YEAR`.
    pub kind: hug_partial_kind,
    /// The western (Gregorian) year.
    pub year: i32,
    /// The month 1-12, or 0 for `HUG_PARTIAL_YEAR`.
    pub month: u8,
    /// The day 1-31, or 0 unless `HUG_PARTIAL_DATE`.
    pub day: u8,
}

/// How `hug_wareki_format` writes a date, as an integer.
pub type hug_wareki_style = i32;
/// `令和元年6月3日` (元年 for year 1, no padding).
pub const HUG_WAREKI_LONG: hug_wareki_style = 0;
/// `令和1年6月3日` (digits only).
pub const HUG_WAREKI_LONG_NUMERIC: hug_wareki_style = 1;
/// `R1.6.3`.
pub const HUG_WAREKI_SHORT: hug_wareki_style = 2;

/// An era table (the eras, their names and first days): the built-in one, or one read
/// from JSON for a rule that changed (the first day of 明治 is a convention). Opaque; made by
/// `hug_era_table_from_json`, freed by `hug_era_table_free`. Read-only: may be shared by threads.
pub struct hug_era_table {
    inner: EraTable,
}

/// Reads an era table from JSON, oldest era first:
/// `[{"name":"令和","name_en":"Reiwa","initial":"R","first_day":"2019-05-01","aliases":[]}, ...]`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_JSON` (`wareki.invalid_era_table`).
///
/// # Safety
/// `json` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_era_table_from_json(
    json: *const c_char,
    out: *mut *mut hug_era_table,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(json, "json") }?;
        let out = arg_out(out, "out")?;
        let t = EraTable::from_json(json).map_err(|e| Failure::diag(&e))?;
        out.write(Box::into_raw(Box::new(hug_era_table { inner: t })));
        Ok(())
    })
}

/// Frees an era table. NULL is accepted and ignored.
///
/// # Safety
/// `table` optional: NULL (ignored) or made by this library and not yet freed; no other thread uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_era_table_free(table: *mut hug_era_table) {
    crate::error::guard((), || {
        if !table.is_null() {
            // SAFETY: made by Box::into_raw in this module (caller's contract).
            drop(unsafe { Box::from_raw(table) });
        }
    })
}

/// The table to use: the given one, or the built-in one when `table` is NULL.
///
/// # Safety
/// `table` NULL or live.
unsafe fn table_or_builtin<'a>(table: *const hug_era_table) -> &'a EraTable {
    // SAFETY: caller's contract (optional pointer).
    match unsafe { table.as_ref() } {
        Some(t) => &t.inner,
        None => EraTable::builtin(),
    }
}

fn opts(lenient: bool, table: &EraTable) -> ParseOptions<'_> {
    ParseOptions { table, lenient }
}

/// Parses a whole date written in 和暦 or western form: `令和 元年 6月 3日`,
/// `令和01年07月28日`, `R1.6.3`, `2019/07/24`, `2019年07月24日`, full-width digits.
/// `lenient` accepts a year past its era's end (`平成32年` → 2020) as printed
/// forms sometimes do. `table` is optional: NULL uses the built-in era table.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` with a
/// `wareki.*` code (`wareki.empty`, `wareki.unknown_era`, `wareki.after_era_end`, …).
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
/// `table` optional: NULL (the built-in era table) or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_wareki_parse_date(
    text: *const c_char,
    lenient: bool,
    table: *const hug_era_table,
    out: *mut hug_date,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let out = arg_out(out, "out")?;
        // SAFETY: caller's contract.
        let table = unsafe { table_or_builtin(table) };
        let d =
            wareki::parse_date_with(text, &opts(lenient, table)).map_err(|e| Failure::diag(&e))?;
        out.write(hug_date::from_naive(d));
        Ok(())
    })
}

/// Parses a date that may be a year (`平成18年`) or a year and month (`令和元年6月`)
/// as well as a whole date. See `hug_wareki_parse_date` for the forms and `table`.
///
/// # Errors
/// As `hug_wareki_parse_date`.
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
/// `table` optional: NULL (the built-in era table) or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_wareki_parse(
    text: *const c_char,
    lenient: bool,
    table: *const hug_era_table,
    out: *mut hug_partial_date,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let out = arg_out(out, "out")?;
        // SAFETY: caller's contract.
        let table = unsafe { table_or_builtin(table) };
        let p = wareki::parse_with(text, &opts(lenient, table)).map_err(|e| Failure::diag(&e))?;
        let v = match p {
            PartialDate::Date { date } => {
                let d = hug_date::from_naive(date);
                hug_partial_date {
                    kind: HUG_PARTIAL_DATE,
                    year: d.year,
                    month: d.month,
                    day: d.day,
                }
            }
            PartialDate::YearMonth { year, month } => hug_partial_date {
                kind: HUG_PARTIAL_YEAR_MONTH,
                year,
                month: u8::try_from(month).unwrap_or(0),
                day: 0,
            },
            PartialDate::Year { year } => hug_partial_date {
                kind: HUG_PARTIAL_YEAR,
                year,
                month: 0,
                day: 0,
            },
        };
        out.write(v);
        Ok(())
    })
}

/// Writes a date in 和暦 in the given `HUG_WAREKI_*` style (`令和元年6月3日`); `table` is
/// optional (NULL: the built-in era table).
/// Free the result with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_date`, `ffi.invalid_enum`);
/// `HUG_ERR_VALIDATION` (`wareki.out_of_range` before 1873, when the western calendar began).
///
/// # Safety
/// `table` optional: NULL (the built-in era table) or live; `out` writable.
/// Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_wareki_format(
    date: hug_date,
    style: hug_wareki_style,
    table: *const hug_era_table,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        let d = date.to_naive("date")?;
        let style = match style {
            HUG_WAREKI_LONG => Style::Long,
            HUG_WAREKI_LONG_NUMERIC => Style::LongNumeric,
            HUG_WAREKI_SHORT => Style::Short,
            v => {
                return Err(Failure::ffi(FfiProblem::InvalidEnum {
                    param: "style",
                    value: v.into(),
                }));
            }
        };
        let out = arg_out(out, "out")?;
        // SAFETY: caller's contract.
        let table = unsafe { table_or_builtin(table) };
        let s = wareki::format_with(d, style, table).map_err(|e| Failure::diag(&e))?;
        out.write(new_c_string(s)?);
        Ok(())
    })
}
