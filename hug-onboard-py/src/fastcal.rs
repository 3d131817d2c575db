//! `is_holiday`, `holiday_name` and `is_business_day` as C-level functions:
//! the call itself is the only cost left (issue 15: ≥ 10× `jpholiday` a call).
//!
//! These three are asked once per day over long ranges (a roster, a century of
//! days), so each costs what a Python builtin call costs and no more:
//!
//! * **The table.** On the first call, the core's [`calendar::year_days`] is
//!   asked once for every supported year (1948–2099) and its answers are packed
//!   into one byte per calendar slot (`year × 12 × 31`, 55 KiB): whether the day
//!   is supported, whether it is a business day, and which [`HolidayKind`] it is.
//!   Nothing here knows a rule: every answer is the core's.
//! * **The call.** The functions are plain `PyMethodDef`s (no pyo3 trampoline):
//!   `METH_FASTCALL | METH_KEYWORDS` (no argument tuple) on Python ≥ 3.10, where
//!   the stable ABI has it; `METH_VARARGS | METH_KEYWORDS` on 3.9.
//! * **The day.** The limited API (abi3) has no `PyDateTime_GET_YEAR`, and reading
//!   `year`/`month`/`day` as attributes costs more than the whole call. The
//!   macros read the object's four bytes `data[0..4]` (year high, year low,
//!   month, day) of `PyDateTime_Date`/`PyDateTime_DateTime`; this module finds
//!   where those bytes are at import, by probing known dates of both types, and
//!   only trusts the offset when every probe agrees. When the probe fails (an
//!   interpreter with another layout), every call takes the slow path below:
//!   slower, never wrong.
//! * **Everything else** (a date subclass, a day outside the table, a wrong type,
//!   `None`, an unknown or non-interned `lang`, missing or extra arguments) goes to
//!   the pyo3 functions of [`crate::calendar`], which answer or raise exactly as
//!   they always have (`calendar.out_of_range`, `lang.unknown`, `TypeError`).

use std::ffi::{CStr, c_char, c_int};
use std::panic::catch_unwind;
use std::ptr;
use std::sync::OnceLock;

use hug_onboard_core::calendar::{self, HolidayKind};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyTuple};

/// The first year of the table ([`calendar::FIRST_YEAR`]).
const FIRST: i32 = calendar::FIRST_YEAR;
/// Number of years in the table.
const YEARS: usize = (calendar::LAST_YEAR - calendar::FIRST_YEAR + 1) as usize;
/// Slots per year: 12 months of 31 days (some slots are not days: never supported).
const SLOTS_PER_YEAR: usize = 12 * 31;

/// A table entry: the day is supported (0 = ask the slow path).
const SUPPORTED: u8 = 0x80;
/// A table entry: the day is a business day.
const BUSINESS: u8 = 0x40;
/// A table entry: the holiday, as 1 + its index in [`HolidayKind::all`] (0 = none).
const KIND: u8 = 0x3f;

/// What the fast paths need, made once at import (GIL held).
struct State {
    /// `datetime.date` and `datetime.datetime` (strong references, kept for the process).
    date_type: *mut ffi::PyTypeObject,
    datetime_type: *mut ffi::PyTypeObject,
    /// Where `data[0..4]` (year hi, year lo, month, day) is in each; 0 = unknown (slow path).
    date_offset: usize,
    datetime_offset: usize,
    /// Interned `"ja"`, `"en"` and `"lang"`: a string constant in Python code (or a keyword) is
    /// the same object, so one pointer comparison recognises it.
    ja: *mut ffi::PyObject,
    en: *mut ffi::PyObject,
    lang: *mut ffi::PyObject,
    /// The names of each [`HolidayKind::all`] entry, as Python strings (ja, en).
    names: Vec<(*mut ffi::PyObject, *mut ffi::PyObject)>,
    /// The pyo3 functions the slow paths call (same names, same errors as always).
    slow_is_holiday: *mut ffi::PyObject,
    slow_holiday_name: *mut ffi::PyObject,
    slow_is_business_day: *mut ffi::PyObject,
}

// SAFETY: the pointers are strong references that are never released, to objects
// only used with the GIL held (every function of this module runs with it).
unsafe impl Send for State {}
unsafe impl Sync for State {}

static STATE: OnceLock<State> = OnceLock::new();
static TABLE: OnceLock<Box<[u8]>> = OnceLock::new();

/// The table, from the core's [`calendar::year_days`] for every supported year.
fn build_table() -> Box<[u8]> {
    let kinds = HolidayKind::all();
    let mut table = vec![0u8; YEARS * SLOTS_PER_YEAR].into_boxed_slice();
    for year in calendar::FIRST_YEAR..=calendar::LAST_YEAR {
        // An error leaves the year's slots at 0: the slow path then answers (or raises).
        let Ok(days) = calendar::year_days(year) else {
            continue;
        };
        for d in days {
            use chrono::Datelike;
            let mut e = SUPPORTED;
            if d.business_day {
                e |= BUSINESS;
            }
            if let Some(k) = d.holiday {
                match kinds.iter().position(|x| *x == k) {
                    // ≤ 63 kinds fit the 6 bits; a kind beyond that is left to the slow path.
                    Some(i) if i < usize::from(KIND) => e |= (i + 1) as u8,
                    _ => continue,
                }
            }
            if let Some(i) = slot(d.date.year(), d.date.month(), d.date.day()) {
                table[i] = e;
            }
        }
    }
    table
}

/// The table slot of a (year, month, day), when it is inside the table's years.
#[inline(always)]
fn slot(year: i32, month: u32, day: u32) -> Option<usize> {
    let y = usize::try_from(year.wrapping_sub(FIRST)).ok()?;
    if y >= YEARS || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(y * SLOTS_PER_YEAR + (month as usize - 1) * 31 + (day as usize - 1))
}

/// The table entry of `obj` when it is an exact `date`/`datetime` whose day the
/// table answers; 0 otherwise (the caller takes the slow path).
#[inline(always)]
unsafe fn entry(state: &State, obj: *mut ffi::PyObject) -> u8 {
    let Some(table) = TABLE.get() else { return 0 };
    // SAFETY: `obj` is a live object (a borrowed argument).
    let ty = unsafe { ffi::Py_TYPE(obj) };
    let offset = if ty == state.date_type {
        state.date_offset
    } else if ty == state.datetime_type {
        state.datetime_offset
    } else {
        return 0;
    };
    if offset == 0 {
        return 0;
    }
    // SAFETY: the probe at import proved that an object of this exact type holds its
    // four date bytes at `offset` (inside its basic size); date objects are immutable.
    let b = unsafe { ptr::read_unaligned(obj.cast::<u8>().add(offset).cast::<[u8; 4]>()) };
    let year = i32::from(u16::from_be_bytes([b[0], b[1]]));
    match slot(year, u32::from(b[2]), u32::from(b[3])) {
        Some(i) => table.get(i).copied().unwrap_or(0),
        None => 0,
    }
}

#[inline(always)]
unsafe fn new_ref(obj: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: `obj` is a live object kept alive by the state (or a bool singleton).
    unsafe { ffi::Py_INCREF(obj) };
    obj
}

#[inline(always)]
unsafe fn py_bool(v: bool) -> *mut ffi::PyObject {
    // SAFETY: the bool singletons live for the whole process.
    unsafe { new_ref(if v { ffi::Py_True() } else { ffi::Py_False() }) }
}

/// The holiday name of an entry in the language `lang` (a borrowed `str`, or null
/// for the default `"ja"`); None when `lang` is not one of the interned codes.
#[inline(always)]
unsafe fn name_of(state: &State, e: u8, lang: *mut ffi::PyObject) -> Option<*mut ffi::PyObject> {
    let en = if lang.is_null() || lang == state.ja {
        false
    } else if lang == state.en {
        true
    } else {
        return None;
    };
    let k = e & KIND;
    if k == 0 {
        // SAFETY: Py_None lives for the whole process.
        return Some(unsafe { new_ref(ffi::Py_None()) });
    }
    let (ja, en_name) = *state.names.get(usize::from(k - 1))?;
    // SAFETY: the names are kept alive by the state.
    Some(unsafe { new_ref(if en { en_name } else { ja }) })
}

/// Fills the table when it is not yet (the first call); false when that failed.
fn ensure_table() -> bool {
    if TABLE.get().is_some() {
        return true;
    }
    // A panic in the core is left to the slow path, which reports it as a coded error.
    catch_unwind(|| {
        TABLE.get_or_init(build_table);
    })
    .is_ok()
}

// ---- the slow paths: the pyo3 functions, called with the same arguments -----------

/// Calls `f` with the vectorcall arguments (`args[..nargs]`, then the values of
/// the keyword names `kwnames`), through the limited API's `PyObject_Call`.
unsafe fn call_fastcall(
    f: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: `args` holds `nargs` positional values then one value per keyword name
    // (the METH_FASTCALL | METH_KEYWORDS convention); every object is borrowed.
    unsafe {
        let tuple = ffi::PyTuple_New(nargs);
        if tuple.is_null() {
            return ptr::null_mut();
        }
        for i in 0..nargs {
            let a = *args.offset(i);
            ffi::Py_INCREF(a);
            ffi::PyTuple_SetItem(tuple, i, a);
        }
        let mut kwargs = ptr::null_mut();
        if !kwnames.is_null() {
            kwargs = ffi::PyDict_New();
            if kwargs.is_null() {
                ffi::Py_DecRef(tuple);
                return ptr::null_mut();
            }
            let n = ffi::PyTuple_Size(kwnames);
            for i in 0..n {
                let name = ffi::PyTuple_GetItem(kwnames, i);
                if name.is_null() || ffi::PyDict_SetItem(kwargs, name, *args.offset(nargs + i)) < 0
                {
                    ffi::Py_DecRef(tuple);
                    ffi::Py_DecRef(kwargs);
                    return ptr::null_mut();
                }
            }
        }
        let r = ffi::PyObject_Call(f, tuple, kwargs);
        ffi::Py_DecRef(tuple);
        if !kwargs.is_null() {
            ffi::Py_DecRef(kwargs);
        }
        r
    }
}

/// The slow path of every call: fills the table on the first call and retries
/// `fast` (which may answer from it), else calls the pyo3 function `slow`.
#[cold]
#[inline(never)]
unsafe fn slow_fastcall(
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
    fast: unsafe fn(
        &State,
        *const *mut ffi::PyObject,
        ffi::Py_ssize_t,
        *mut ffi::PyObject,
    ) -> Option<*mut ffi::PyObject>,
    slow: fn(&State) -> *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    let Some(state) = STATE.get() else {
        return not_ready();
    };
    if TABLE.get().is_none() && ensure_table() {
        // SAFETY: the arguments of the caller, unchanged.
        if let Some(r) = unsafe { fast(state, args, nargs, kwnames) } {
            return r;
        }
    }
    // SAFETY: as above.
    unsafe { call_fastcall(slow(state), args, nargs, kwnames) }
}

/// The same for the `METH_VARARGS | METH_KEYWORDS` form (Python 3.9).
#[cold]
#[inline(never)]
unsafe fn slow_varargs(
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
    fast: unsafe fn(&State, *mut ffi::PyObject, *mut ffi::PyObject) -> Option<*mut ffi::PyObject>,
    slow: fn(&State) -> *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    let Some(state) = STATE.get() else {
        return not_ready();
    };
    if TABLE.get().is_none() && ensure_table() {
        // SAFETY: the arguments of the caller, unchanged.
        if let Some(r) = unsafe { fast(state, args, kwargs) } {
            return r;
        }
    }
    // SAFETY: `args` is the caller's tuple, `kwargs` its dict or null.
    unsafe { ffi::PyObject_Call(slow(state), args, kwargs) }
}

/// Unreachable in practice (the functions are made after the state): a clean error.
fn not_ready() -> *mut ffi::PyObject {
    // SAFETY: the GIL is held (we are called from Python).
    unsafe {
        ffi::PyErr_SetString(
            ffi::PyExc_RuntimeError,
            c"hug_onboard: calendar functions used before the module was initialised".as_ptr(),
        );
    }
    ptr::null_mut()
}

// ---- the fast paths, shared by both calling conventions ---------------------------

/// `is_holiday(d)` / `is_business_day(d)`: one positional argument.
#[inline(always)]
unsafe fn one_day(
    state: &State,
    d: *mut ffi::PyObject,
    business: bool,
) -> Option<*mut ffi::PyObject> {
    // SAFETY: `d` is a borrowed argument.
    let e = unsafe { entry(state, d) };
    if e == 0 {
        return None;
    }
    let v = if business {
        e & BUSINESS != 0
    } else {
        e & KIND != 0
    };
    // SAFETY: the GIL is held.
    Some(unsafe { py_bool(v) })
}

#[inline(always)]
unsafe fn is_holiday_fast(
    state: &State,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> Option<*mut ffi::PyObject> {
    if nargs != 1 || !kwnames.is_null() {
        return None;
    }
    // SAFETY: one positional argument.
    unsafe { one_day(state, *args, false) }
}

#[inline(always)]
unsafe fn is_business_day_fast(
    state: &State,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> Option<*mut ffi::PyObject> {
    if nargs != 1 || !kwnames.is_null() {
        return None;
    }
    // SAFETY: one positional argument.
    unsafe { one_day(state, *args, true) }
}

#[inline(always)]
unsafe fn holiday_name_fast(
    state: &State,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> Option<*mut ffi::PyObject> {
    // SAFETY: `args` holds `nargs` positional values then the keyword values.
    unsafe {
        let lang = if kwnames.is_null() {
            match nargs {
                1 => ptr::null_mut(),
                2 => *args.add(1),
                _ => return None,
            }
        } else if nargs == 1
            && ffi::PyTuple_Size(kwnames) == 1
            && ffi::PyTuple_GetItem(kwnames, 0) == state.lang
        {
            *args.add(1)
        } else {
            return None;
        };
        let e = entry(state, *args);
        if e == 0 {
            return None;
        }
        name_of(state, e, lang)
    }
}

/// A `METH_FASTCALL | METH_KEYWORDS` entry point: `$fast` on the table, else the pyo3
/// function in `State::$slow` (one macro so the three entry points cannot drift apart).
macro_rules! fastcall_entry {
    ($name:ident, $fast:ident, $slow:ident) => {
        unsafe extern "C" fn $name(
            _m: *mut ffi::PyObject,
            args: *const *mut ffi::PyObject,
            nargs: ffi::Py_ssize_t,
            kwnames: *mut ffi::PyObject,
        ) -> *mut ffi::PyObject {
            if let Some(state) = STATE.get() {
                // SAFETY: the caller's arguments (METH_FASTCALL | METH_KEYWORDS).
                if let Some(r) = unsafe { $fast(state, args, nargs, kwnames) } {
                    return r;
                }
            }
            // SAFETY: as above.
            unsafe { slow_fastcall(args, nargs, kwnames, $fast, |s| s.$slow) }
        }
    };
}

fastcall_entry!(is_holiday_fastcall, is_holiday_fast, slow_is_holiday);
fastcall_entry!(
    is_business_day_fastcall,
    is_business_day_fast,
    slow_is_business_day
);
fastcall_entry!(holiday_name_fastcall, holiday_name_fast, slow_holiday_name);

// ---- METH_VARARGS | METH_KEYWORDS (Python 3.9: METH_FASTCALL is not in its stable ABI)

/// The positional arguments of a call without keywords, when there are 1 or 2.
unsafe fn varargs(
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> Option<(*mut ffi::PyObject, *mut ffi::PyObject)> {
    if !kwargs.is_null() {
        return None;
    }
    // SAFETY: `args` is the call's tuple.
    unsafe {
        match ffi::PyTuple_Size(args) {
            1 => Some((ffi::PyTuple_GetItem(args, 0), ptr::null_mut())),
            2 => Some((ffi::PyTuple_GetItem(args, 0), ffi::PyTuple_GetItem(args, 1))),
            _ => None,
        }
    }
}

unsafe fn is_holiday_va(
    state: &State,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> Option<*mut ffi::PyObject> {
    // SAFETY: the call's tuple and dict.
    unsafe {
        match varargs(args, kwargs)? {
            (d, second) if second.is_null() => one_day(state, d, false),
            _ => None,
        }
    }
}

unsafe fn is_business_day_va(
    state: &State,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> Option<*mut ffi::PyObject> {
    // SAFETY: the call's tuple and dict.
    unsafe {
        match varargs(args, kwargs)? {
            (d, second) if second.is_null() => one_day(state, d, true),
            _ => None,
        }
    }
}

unsafe fn holiday_name_va(
    state: &State,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> Option<*mut ffi::PyObject> {
    // SAFETY: the call's tuple and dict.
    unsafe {
        let (d, lang) = varargs(args, kwargs)?;
        let e = entry(state, d);
        if e == 0 {
            return None;
        }
        name_of(state, e, lang)
    }
}

/// A `METH_VARARGS | METH_KEYWORDS` entry point (Python 3.9), as [`fastcall_entry`].
macro_rules! varargs_entry {
    ($name:ident, $va:ident, $slow:ident) => {
        unsafe extern "C" fn $name(
            _m: *mut ffi::PyObject,
            args: *mut ffi::PyObject,
            kwargs: *mut ffi::PyObject,
        ) -> *mut ffi::PyObject {
            if let Some(state) = STATE.get() {
                // SAFETY: the caller's arguments (METH_VARARGS | METH_KEYWORDS).
                if let Some(r) = unsafe { $va(state, args, kwargs) } {
                    return r;
                }
            }
            // SAFETY: as above.
            unsafe { slow_varargs(args, kwargs, $va, |s| s.$slow) }
        }
    };
}

varargs_entry!(is_holiday_varargs, is_holiday_va, slow_is_holiday);
varargs_entry!(
    is_business_day_varargs,
    is_business_day_va,
    slow_is_business_day
);
varargs_entry!(holiday_name_varargs, holiday_name_va, slow_holiday_name);

// ---- registration ----------------------------------------------------------------

/// `METH_FASTCALL` (0x0080): in the stable ABI from Python 3.10 (pyo3-ffi only
/// declares it for abi3-py310 and later; the value is CPython's, unchanged since 3.7).
const METH_FASTCALL: c_int = 0x0080;

type FastcallFn = unsafe extern "C" fn(
    *mut ffi::PyObject,
    *const *mut ffi::PyObject,
    ffi::Py_ssize_t,
    *mut ffi::PyObject,
) -> *mut ffi::PyObject;

/// One function as Python sees it: name, docstring (with its text signature, which
/// `inspect.signature` reads) and both calling conventions.
struct Def {
    name: &'static CStr,
    doc: &'static CStr,
    fastcall: FastcallFn,
    varargs: ffi::PyCFunctionWithKeywords,
}

const DEFS: [Def; 3] = [
    Def {
        name: c"is_holiday",
        doc: c"is_holiday($module, d)\n--\n\nWhether a day is a Japanese public holiday (祝日, 振替休日, 国民の休日).",
        fastcall: is_holiday_fastcall,
        varargs: is_holiday_varargs,
    },
    Def {
        name: c"holiday_name",
        doc: c"holiday_name($module, d, lang='ja')\n--\n\nThe name of the holiday on a day in `lang`, or `None` on an ordinary day.",
        fastcall: holiday_name_fastcall,
        varargs: holiday_name_varargs,
    },
    Def {
        name: c"is_business_day",
        doc: c"is_business_day($module, d)\n--\n\nWhether a day is a business day (not a Saturday, Sunday or holiday).",
        fastcall: is_business_day_fastcall,
        varargs: is_business_day_varargs,
    },
];

/// Where the four date bytes of `ty`'s objects are: the one offset after the object
/// header at which every probe shows its (year hi, year lo, month, day); 0 if none.
fn probe_offset(ty: &Bound<'_, PyAny>, probes: &[Bound<'_, PyTuple>]) -> PyResult<usize> {
    let basic: usize = ty.getattr("__basicsize__")?.extract()?;
    let objs: Vec<(Bound<'_, PyAny>, [u8; 4])> = probes
        .iter()
        .map(|args| {
            let o = ty.call1(args.clone())?;
            let (y, m, d): (u16, u8, u8) = (
                args.get_item(0)?.extract()?,
                args.get_item(1)?.extract()?,
                args.get_item(2)?.extract()?,
            );
            let [hi, lo] = y.to_be_bytes();
            Ok((o, [hi, lo, m, d]))
        })
        .collect::<PyResult<_>>()?;
    let start = std::mem::size_of::<ffi::PyObject>();
    let mut found = 0;
    for off in start..basic.saturating_sub(3) {
        let all = objs.iter().all(|(o, want)| {
            // SAFETY: `off + 4 <= basic`: inside the object, which is alive (`objs`).
            let got =
                unsafe { ptr::read_unaligned(o.as_ptr().cast::<u8>().add(off).cast::<[u8; 4]>()) };
            got == *want
        });
        if all {
            if found != 0 {
                return Ok(0); // two candidates: trust neither
            }
            found = off;
        }
    }
    Ok(found)
}

/// Adds `is_holiday`, `holiday_name`, `is_business_day` to the module (and to its
/// `__all__`), plus the private `_calendar_fast_path` (whether the date bytes were
/// found, for the tests).
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let dt = PyModule::import(py, "datetime")?;
    let date = dt.getattr("date")?;
    let datetime = dt.getattr("datetime")?;
    let date_probes = [
        PyTuple::new(py, [2026, 11, 29])?,
        PyTuple::new(py, [1951, 3, 7])?,
        PyTuple::new(py, [9999, 12, 31])?,
    ];
    let datetime_probes = [
        PyTuple::new(py, [2026, 11, 29, 23, 59, 58])?,
        PyTuple::new(py, [1951, 3, 7, 1, 2, 3])?,
        PyTuple::new(py, [9999, 12, 31, 12, 0, 0])?,
    ];
    let date_offset = probe_offset(&date, &date_probes)?;
    let datetime_offset = probe_offset(&datetime, &datetime_probes)?;
    let intern = |s: &str| {
        pyo3::types::PyString::intern(py, s)
            .into_any()
            .unbind()
            .into_ptr()
    };
    let names = HolidayKind::all()
        .iter()
        .map(|k| (intern(k.name_ja()), intern(k.name_en())))
        .collect();
    let slow = |f: Bound<'_, PyCFunction>| f.into_any().unbind().into_ptr();
    let state = State {
        date_type: date.clone().unbind().into_ptr().cast(),
        datetime_type: datetime.clone().unbind().into_ptr().cast(),
        date_offset,
        datetime_offset,
        ja: intern("ja"),
        en: intern("en"),
        lang: intern("lang"),
        names,
        slow_is_holiday: slow(wrap_pyfunction!(crate::calendar::is_holiday, m)?),
        slow_holiday_name: slow(wrap_pyfunction!(crate::calendar::holiday_name, m)?),
        slow_is_business_day: slow(wrap_pyfunction!(crate::calendar::is_business_day, m)?),
    };
    // A second import of the module in the same process keeps the first state.
    let _ = STATE.set(state);

    let fastcall = py.version_info() >= (3, 10);
    let module_name = m.name()?;
    for def in &DEFS {
        let (meth, flags) = if fastcall {
            // SAFETY: a METH_FASTCALL | METH_KEYWORDS function has this signature;
            // CPython casts it back by the flags, as C extensions do.
            let f = unsafe { std::mem::transmute::<FastcallFn, ffi::PyCFunction>(def.fastcall) };
            (
                ffi::PyMethodDefPointer { PyCFunction: f },
                METH_FASTCALL | ffi::METH_KEYWORDS,
            )
        } else {
            (
                ffi::PyMethodDefPointer {
                    PyCFunctionWithKeywords: def.varargs,
                },
                ffi::METH_VARARGS | ffi::METH_KEYWORDS,
            )
        };
        // The definition must outlive the function object: leaked once per import.
        let ml: &'static mut ffi::PyMethodDef = Box::leak(Box::new(ffi::PyMethodDef {
            ml_name: def.name.as_ptr(),
            ml_meth: meth,
            ml_flags: flags,
            ml_doc: def.doc.as_ptr().cast::<c_char>(),
        }));
        // SAFETY: `ml` is 'static; `m` and its name are live; a null result has set the error.
        let f = unsafe {
            Bound::from_owned_ptr_or_err(
                py,
                ffi::PyCFunction_NewEx(ml, m.as_ptr(), module_name.as_ptr()),
            )?
        };
        m.add(def.name.to_str().unwrap_or_default(), f)?;
    }
    m.setattr(
        "_calendar_fast_path",
        date_offset != 0 && datetime_offset != 0,
    )?;
    Ok(())
}
