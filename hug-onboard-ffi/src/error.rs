//! The status enum, the thread-local last error, the call boundary and argument checks.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};

use hug_onboard_core::diagnostic::{
    Diagnostic, ErrorKind, Finding, Lang, LangError, Problems, Severity,
};

/// The result of every fallible function. `HUG_OK` is 0; values are never reused.
///
/// Families (new values are only added inside a family's range):
/// 1-99 the caller broke the calling contract; 100-199 the library failed;
/// 200-299 the input was refused by the domain rules; 300-399 credentials and files.
///
/// The status of a failure is derived from the kind of its (first) problem by
/// `status_of` (in `src/error.rs`): one match, the same for every function.
#[allow(non_camel_case_types)]
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum hug_status {
    /// Success. Out-parameters have been written.
    HUG_OK = 0,
    /// A required pointer argument was NULL (kind `missing_argument`, code `ffi.null_argument`).
    HUG_ERR_NULL_ARGUMENT = 1,
    /// A string argument was not valid UTF-8 (kind `invalid_encoding`, code `ffi.invalid_utf8`).
    HUG_ERR_INVALID_UTF8 = 2,
    /// An argument is out of its range: an enum integer, a `hug_date`, an index,
    /// a language (kind `invalid_argument`: codes `ffi.invalid_enum`,
    /// `ffi.invalid_date`, `ffi.index_out_of_range`, `lang.unknown`, …).
    HUG_ERR_INVALID_ARGUMENT = 3,
    /// A bug in the library: a panic was caught at the boundary (kind `panic`, code `ffi.panic`).
    HUG_ERR_PANIC = 100,
    /// The library could not build its answer (kind `internal`, e.g. `ffi.internal`).
    HUG_ERR_INTERNAL = 101,
    /// Something outside the input is unavailable, e.g. the operating system's
    /// random source (kind `unavailable`, e.g. `password.random_unavailable`).
    HUG_ERR_UNAVAILABLE = 102,
    /// The input was refused by the domain rules; the last error holds every
    /// problem with the core's codes (kinds `invalid_input` and `advisory`).
    HUG_ERR_VALIDATION = 200,
    /// A JSON (or other structured) argument is not JSON, or not the documented
    /// schema (kind `invalid_data`: `ffi.invalid_json`, `state.invalid`, …).
    HUG_ERR_INVALID_JSON = 201,
    /// A step cannot be done in the current state: a missing prerequisite, a
    /// step already done, a lifecycle event out of order (kind `workflow`).
    HUG_ERR_WORKFLOW = 202,
    /// A password did not open a file (kind `wrong_password`).
    HUG_ERR_WRONG_PASSWORD = 300,
    /// A file is damaged or is not what it claims to be (kind `corrupt_file`).
    HUG_ERR_CORRUPT_FILE = 301,
    /// A file uses a format or algorithm the library does not support (kind `unsupported`).
    HUG_ERR_UNSUPPORTED = 302,
}

/// The C status of a kind of problem: the ONE mapping from the core's
/// [`ErrorKind`] to `hug_status`, used for every failure.
pub(crate) fn status_of(kind: ErrorKind) -> hug_status {
    use hug_status as S;
    match kind {
        ErrorKind::InvalidInput | ErrorKind::Advisory => S::HUG_ERR_VALIDATION,
        ErrorKind::InvalidData => S::HUG_ERR_INVALID_JSON,
        ErrorKind::InvalidArgument => S::HUG_ERR_INVALID_ARGUMENT,
        ErrorKind::MissingArgument => S::HUG_ERR_NULL_ARGUMENT,
        ErrorKind::InvalidEncoding => S::HUG_ERR_INVALID_UTF8,
        ErrorKind::Workflow => S::HUG_ERR_WORKFLOW,
        ErrorKind::WrongPassword => S::HUG_ERR_WRONG_PASSWORD,
        ErrorKind::CorruptFile => S::HUG_ERR_CORRUPT_FILE,
        ErrorKind::Unsupported => S::HUG_ERR_UNSUPPORTED,
        ErrorKind::Unavailable => S::HUG_ERR_UNAVAILABLE,
        ErrorKind::Panic => S::HUG_ERR_PANIC,
        // `Internal`, and any kind a newer core adds before this match learns it.
        _ => S::HUG_ERR_INTERNAL,
    }
}

hug_onboard_core::diagnostics! {
    /// A failure of the C boundary itself (not of the domain): codes `ffi.*`.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub(crate) enum FfiProblem {
        /// A required pointer is NULL.
        NullArgument {
            param: &'static str,
        } => "ffi.null_argument", MissingArgument, Error,
            "a required pointer argument is NULL",
            ja: "引数 {param} が NULL です。",
            en: "Argument {param} is NULL.";
        /// A string is not UTF-8.
        InvalidUtf8 {
            param: &'static str,
            offset: usize,
        } => "ffi.invalid_utf8", InvalidEncoding, Error,
            "a string argument is not valid UTF-8",
            ja: "引数 {param} の {offset} バイト目以降が UTF-8 として正しくありません。",
            en: "Argument {param} is not valid UTF-8 (at byte {offset}).";
        /// An enum integer out of range.
        InvalidEnum {
            param: &'static str,
            value: i64,
        } => "ffi.invalid_enum", InvalidArgument, Error,
            "an enum argument is out of range",
            ja: "引数 {param} の値 {value} は範囲外です。",
            en: "Argument {param} has the out-of-range value {value}.";
        /// A `hug_date` that does not exist.
        InvalidDate {
            param: &'static str,
            year: i32,
            month: u8,
            day: u8,
        } => "ffi.invalid_date", InvalidArgument, Error,
            "a hug_date argument is not a real date",
            ja: "引数 {param} の日付 {year}-{month:02}-{day:02} は存在しません。",
            en: "Argument {param}: {year}-{month:02}-{day:02} is not a date.";
        /// An index past the end.
        IndexOutOfRange {
            index: usize,
            len: usize,
        } => "ffi.index_out_of_range", InvalidArgument, Error,
            "an index argument is past the end",
            ja: "添字 {index} は範囲外です（要素数 {len}）。",
            en: "Index {index} is out of range (there are {len}).";
        /// JSON that is not the documented schema.
        InvalidJson {
            param: &'static str,
            /// Why, in both languages (a field's name and a position, never a value).
            reason: hug_onboard_core::json_reason::DataReason,
        } => "ffi.invalid_json", InvalidData, Error,
            "a JSON argument is not JSON or not the documented schema",
            ja: { format!("引数 {param} の JSON を読めません: {}", reason.message(Lang::Ja)) },
            en: { format!("Argument {param} is not the expected JSON: {}", reason.message(Lang::En)) };
        /// A caught panic.
        Panic {
            message: String,
        } => "ffi.panic", Panic, Error,
            "a bug: the library panicked; the panic was caught",
            ja: "ライブラリ内部の不具合です（panic: {message}）。",
            en: "A bug in the library (panic: {message}).";
        /// The answer could not be built.
        Internal {
            message: String,
        } => "ffi.internal", Internal, Error,
            "the library could not build its answer",
            ja: "ライブラリ内部のエラーです: {message}",
            en: "Internal library error: {message}";
    }
}

/// Why a call failed: the status and every problem (never empty).
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: hug_status,
    pub(crate) problems: Vec<Finding>,
}

impl Failure {
    /// A failure of the boundary itself.
    pub(crate) fn ffi(p: FfiProblem) -> Failure {
        Failure::diag(&p)
    }

    /// One problem; the status is [`status_of`] its kind.
    pub(crate) fn diag(e: &dyn Diagnostic) -> Failure {
        Failure {
            status: status_of(e.kind()),
            problems: vec![e.to_finding()],
        }
    }

    /// Several core problems found at once, each kept separately; the status is
    /// [`status_of`] the first one's kind.
    pub(crate) fn problems<E: Diagnostic>(p: &Problems<E>) -> Failure {
        Failure {
            status: status_of(p.kind()),
            problems: p.findings(),
        }
    }
}

/// The stored last error of a thread, with its strings ready for C.
struct LastError {
    status: hug_status,
    problems: Vec<Finding>,
    codes: Vec<CString>,
    messages_ja: Vec<CString>,
    messages_en: Vec<CString>,
    joined_ja: CString,
    joined_en: CString,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

/// A C string from text that may (rarely) hold a NUL: a NUL becomes the visible `\0`.
pub(crate) fn cstring_lossless(s: &str) -> CString {
    match CString::new(s) {
        Ok(c) => c,
        Err(_) => CString::new(s.replace('\0', "\\0")).unwrap_or_default(),
    }
}

pub(crate) fn clear_last_error() {
    let _ = LAST_ERROR.try_with(|l| {
        if let Ok(mut l) = l.try_borrow_mut()
            && l.is_some()
        {
            *l = None;
        }
    });
}

pub(crate) fn set_last_error(f: Failure) -> hug_status {
    let status = f.status;
    let joined = |lang: Lang| {
        let v: Vec<&str> = f.problems.iter().map(|p| p.message(lang)).collect();
        cstring_lossless(&v.join("\n"))
    };
    let e = LastError {
        status,
        codes: f
            .problems
            .iter()
            .map(|p| cstring_lossless(&p.code))
            .collect(),
        messages_ja: f
            .problems
            .iter()
            .map(|p| cstring_lossless(&p.message_ja))
            .collect(),
        messages_en: f
            .problems
            .iter()
            .map(|p| cstring_lossless(&p.message_en))
            .collect(),
        joined_ja: joined(Lang::Ja),
        joined_en: joined(Lang::En),
        problems: f.problems,
    };
    let _ = LAST_ERROR.try_with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = Some(e);
        }
    });
    status
}

/// Runs `f` on the last error of this thread (None when there is none).
fn with_last_error<R>(f: impl FnOnce(Option<&LastError>) -> R) -> Option<R> {
    LAST_ERROR
        .try_with(|l| l.try_borrow().ok().map(|l| f(l.as_ref())))
        .ok()
        .flatten()
}

/// Converts a panic payload to text.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// The boundary around every status-returning function body: clears the last
/// error, catches panics (silently: see `quiet_panic`), records failures.
pub(crate) fn boundary(body: impl FnOnce() -> Result<(), Failure>) -> hug_status {
    clear_last_error();
    match crate::quiet_panic::catch(body) {
        Ok(Ok(())) => hug_status::HUG_OK,
        Ok(Err(f)) => set_last_error(f),
        Err(payload) => set_last_error(Failure::ffi(FfiProblem::Panic {
            message: panic_message(&*payload),
        })),
    }
}

/// The boundary around a function that returns a plain value: catches panics
/// silently (returning `fallback`), does not touch the last error.
pub(crate) fn guard<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    crate::quiet_panic::catch(body).unwrap_or(fallback)
}

/// Wraps a function body in the boundary (see the crate README, "API conventions").
///
/// The body is a block evaluating to `Result<(), Failure>`; `?` works inside it.
macro_rules! ffi_boundary {
    ($body:block) => {
        $crate::error::boundary(move || -> Result<(), $crate::error::Failure> { $body })
    };
}
pub(crate) use ffi_boundary;

// ---- argument checks -------------------------------------------------------

/// A required input string: non-NULL, NUL-terminated, valid UTF-8.
///
/// # Safety
/// `p` is NULL or points to a NUL-terminated string that stays alive for `'a`.
pub(crate) unsafe fn arg_str<'a>(p: *const c_char, name: &'static str) -> Result<&'a str, Failure> {
    if p.is_null() {
        return Err(Failure::ffi(FfiProblem::NullArgument { param: name }));
    }
    // SAFETY: non-NULL and NUL-terminated by the caller's contract.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::ffi(FfiProblem::InvalidUtf8 {
            param: name,
            offset: e.valid_up_to(),
        })
    })
}

/// A required byte buffer: `data` may be NULL only when `len` is 0.
///
/// # Safety
/// `data` is NULL or points to `len` readable bytes alive for `'a`.
#[allow(dead_code)]
pub(crate) unsafe fn arg_bytes<'a>(
    data: *const u8,
    len: usize,
    name: &'static str,
) -> Result<&'a [u8], Failure> {
    if data.is_null() {
        if len == 0 {
            return Ok(&[]);
        }
        return Err(Failure::ffi(FfiProblem::NullArgument { param: name }));
    }
    // SAFETY: non-NULL and `len` bytes long by the caller's contract.
    Ok(unsafe { std::slice::from_raw_parts(data, len) })
}

/// A required out-parameter: non-NULL.
pub(crate) fn arg_out<T>(p: *mut T, name: &'static str) -> Result<OutPtr<T>, Failure> {
    if p.is_null() {
        Err(Failure::ffi(FfiProblem::NullArgument { param: name }))
    } else {
        Ok(OutPtr(p))
    }
}

/// A checked, non-NULL out-parameter; written once, at the end, on success.
pub(crate) struct OutPtr<T>(*mut T);

impl<T> OutPtr<T> {
    /// Writes the value (without reading or dropping what was there).
    pub(crate) fn write(self, v: T) {
        // SAFETY: non-NULL (checked), and the caller's contract says it points to a writable T.
        unsafe { self.0.write(v) }
    }
}

/// A required read-only handle: non-NULL.
///
/// # Safety
/// `p` is NULL or points to a live `T` made by this library.
#[allow(dead_code)]
pub(crate) unsafe fn arg_ref<'a, T>(p: *const T, name: &'static str) -> Result<&'a T, Failure> {
    // SAFETY: caller's contract.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::ffi(FfiProblem::NullArgument { param: name }))
}

/// A required mutable handle: non-NULL.
///
/// # Safety
/// `p` is NULL or points to a live `T` made by this library, used by no one else during the call.
#[allow(dead_code)]
pub(crate) unsafe fn arg_mut<'a, T>(p: *mut T, name: &'static str) -> Result<&'a mut T, Failure> {
    // SAFETY: caller's contract.
    unsafe { p.as_mut() }.ok_or_else(|| Failure::ffi(FfiProblem::NullArgument { param: name }))
}

/// The `hug_lang` integer, validated: an unknown value is the core's
/// `lang.unknown`, the same code the Python face gives an unknown language.
pub(crate) fn arg_lang(v: i32, _name: &'static str) -> Result<Lang, Failure> {
    lang_from_int(v).ok_or_else(|| {
        Failure::diag(&LangError::Unknown {
            input: v.to_string(),
        })
    })
}

pub(crate) fn lang_from_int(v: i32) -> Option<Lang> {
    match v {
        crate::HUG_LANG_JA => Some(Lang::Ja),
        crate::HUG_LANG_EN => Some(Lang::En),
        _ => None,
    }
}

pub(crate) fn severity_to_int(s: Severity) -> i32 {
    match s {
        Severity::Info => crate::HUG_SEVERITY_INFO,
        Severity::Warning => crate::HUG_SEVERITY_WARNING,
        Severity::Error => crate::HUG_SEVERITY_ERROR,
    }
}

/// A library-allocated string for an out-parameter (freed by `hug_string_free`).
pub(crate) fn new_c_string(s: String) -> Result<*mut c_char, Failure> {
    CString::new(s).map(CString::into_raw).map_err(|_| {
        Failure::ffi(FfiProblem::Internal {
            message: "string with an embedded NUL".into(),
        })
    })
}

/// A library-allocated copy of a secret, made without intermediate copies
/// (`hug_string_free` wipes it).
pub(crate) fn new_secret_c_string(s: &str) -> Result<*mut c_char, Failure> {
    let mut v = Vec::with_capacity(s.len() + 1);
    v.extend_from_slice(s.as_bytes());
    v.push(0);
    match CString::from_vec_with_nul(v) {
        Ok(c) => Ok(c.into_raw()),
        Err(e) => {
            let mut v = e.into_bytes();
            zeroize::Zeroize::zeroize(&mut v);
            Err(Failure::ffi(FfiProblem::Internal {
                message: "secret with an embedded NUL".into(),
            }))
        }
    }
}

/// Serialises to a library-allocated JSON string.
pub(crate) fn new_json_string<T: serde::Serialize + ?Sized>(v: &T) -> Result<*mut c_char, Failure> {
    let s = serde_json::to_string(v).map_err(|e| {
        Failure::ffi(FfiProblem::Internal {
            message: e.to_string(),
        })
    })?;
    new_c_string(s)
}

// ---- the last-error accessors (exported in lib.rs) ---------------------------

pub(crate) fn last_status() -> hug_status {
    with_last_error(|e| e.map_or(hug_status::HUG_OK, |e| e.status)).unwrap_or(hug_status::HUG_OK)
}

pub(crate) fn last_count() -> usize {
    with_last_error(|e| e.map_or(0, |e| e.problems.len())).unwrap_or(0)
}

pub(crate) fn last_code_at(i: usize) -> *const c_char {
    with_last_error(|e| {
        e.and_then(|e| e.codes.get(i))
            .map_or(std::ptr::null(), |c| c.as_ptr())
    })
    .unwrap_or(std::ptr::null())
}

pub(crate) fn last_message_at(i: usize, lang: Lang) -> *const c_char {
    with_last_error(|e| {
        e.and_then(|e| match lang {
            Lang::Ja => e.messages_ja.get(i),
            Lang::En => e.messages_en.get(i),
        })
        .map_or(std::ptr::null(), |c| c.as_ptr())
    })
    .unwrap_or(std::ptr::null())
}

pub(crate) fn last_message(lang: Lang) -> *const c_char {
    with_last_error(|e| {
        e.map_or(std::ptr::null(), |e| match lang {
            Lang::Ja => e.joined_ja.as_ptr(),
            Lang::En => e.joined_en.as_ptr(),
        })
    })
    .unwrap_or(std::ptr::null())
}

pub(crate) fn last_severity_at(i: usize) -> i32 {
    with_last_error(|e| {
        e.and_then(|e| e.problems.get(i))
            .map_or(-1, |p| severity_to_int(p.severity))
    })
    .unwrap_or(-1)
}

/// The last error as serialised by `hug_last_error_json` (field order kept).
#[derive(serde::Serialize)]
pub(crate) struct LastErrorJson<'a> {
    status: i32,
    problems: &'a [Finding],
}

pub(crate) fn last_json() -> Option<String> {
    with_last_error(|e| {
        let v = match e {
            None => LastErrorJson {
                status: 0,
                problems: &[],
            },
            Some(e) => LastErrorJson {
                status: e.status as i32,
                problems: &e.problems,
            },
        };
        serde_json::to_string(&v).ok()
    })
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_problem() -> Vec<FfiProblem> {
        vec![
            FfiProblem::NullArgument { param: "p" },
            FfiProblem::InvalidUtf8 {
                param: "p",
                offset: 3,
            },
            FfiProblem::InvalidEnum {
                param: "p",
                value: -1,
            },
            FfiProblem::InvalidDate {
                param: "p",
                year: 2019,
                month: 2,
                day: 29,
            },
            FfiProblem::IndexOutOfRange { index: 9, len: 2 },
            FfiProblem::InvalidJson {
                param: "p",
                reason: hug_onboard_core::json_reason::DataReason::EndsEarly { line: 1, column: 1 },
            },
            FfiProblem::Panic {
                message: "boom".into(),
            },
            FfiProblem::Internal {
                message: "x".into(),
            },
        ]
    }

    #[test]
    fn a_json_arguments_reason_is_japanese_in_japanese_and_never_echoes_a_value() {
        // serde's English ("invalid type: string \"…\", expected …") was inside the Japanese message.
        for json in [
            c"{",
            c"{\"min_len\":\"Secret99\"}",
            c"{\"Secret99\":1}",
            c"[\"Secret99\"]",
        ] {
            let mut out = std::ptr::null_mut();
            // SAFETY: a NUL-terminated string and a writable out-pointer.
            let st =
                unsafe { crate::password::hug_password_policy_from_json(json.as_ptr(), &mut out) };
            assert_eq!(st, hug_status::HUG_ERR_INVALID_JSON);
            let msg = |lang| {
                // SAFETY: the last error's message, valid until the next call on this thread.
                unsafe { CStr::from_ptr(crate::hug_last_error_message(lang)) }
                    .to_string_lossy()
                    .into_owned()
            };
            let (ja, en) = (msg(crate::HUG_LANG_JA), msg(crate::HUG_LANG_EN));
            let english: Vec<&str> = ja
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 3)
                .filter(|w| !["json", "JSON", "Secret99"].contains(w))
                .collect();
            assert_eq!(english, Vec::<&str>::new(), "{ja}");
            if json != c"{\"Secret99\":1}" {
                assert!(!ja.contains("Secret99") && !en.contains("Secret99"), "{en}");
            }
            assert!(ja.contains("行") && en.contains("line"), "{ja} / {en}");
        }
    }

    #[test]
    fn every_ffi_code_is_catalogued_and_not_a_core_code() {
        use hug_onboard_core::diagnostic::Declared;
        let core = hug_onboard_core::all_codes();
        for p in every_problem() {
            assert!(
                FfiProblem::CODES.iter().any(|c| c.code == p.code()),
                "{}",
                p.code()
            );
            assert!(!core.iter().any(|c| c.code == p.code()));
            assert!(!p.message(Lang::Ja).is_empty() && !p.message(Lang::En).is_empty());
            assert_ne!(Failure::ffi(p).status, hug_status::HUG_OK);
        }
        assert_eq!(FfiProblem::CODES.len(), every_problem().len());
    }

    /// The status of each kind: distinct statuses for distinct kinds (except
    /// `advisory`, never raised, which shares the validation status), and the
    /// values the header documents.
    #[test]
    fn every_kind_has_its_status() {
        use hug_status as S;
        let expected = [
            (ErrorKind::InvalidInput, S::HUG_ERR_VALIDATION),
            (ErrorKind::InvalidData, S::HUG_ERR_INVALID_JSON),
            (ErrorKind::InvalidArgument, S::HUG_ERR_INVALID_ARGUMENT),
            (ErrorKind::MissingArgument, S::HUG_ERR_NULL_ARGUMENT),
            (ErrorKind::InvalidEncoding, S::HUG_ERR_INVALID_UTF8),
            (ErrorKind::Workflow, S::HUG_ERR_WORKFLOW),
            (ErrorKind::WrongPassword, S::HUG_ERR_WRONG_PASSWORD),
            (ErrorKind::CorruptFile, S::HUG_ERR_CORRUPT_FILE),
            (ErrorKind::Unsupported, S::HUG_ERR_UNSUPPORTED),
            (ErrorKind::Unavailable, S::HUG_ERR_UNAVAILABLE),
            (ErrorKind::Advisory, S::HUG_ERR_VALIDATION),
            (ErrorKind::Internal, S::HUG_ERR_INTERNAL),
            (ErrorKind::Panic, S::HUG_ERR_PANIC),
        ];
        assert_eq!(expected.len(), ErrorKind::ALL.len());
        for (k, st) in expected {
            assert_eq!(status_of(k), st, "{k}");
        }
    }

    #[test]
    fn nul_in_a_message_stays_visible() {
        assert_eq!(cstring_lossless("a\0b").as_bytes(), b"a\\0b");
    }

    #[test]
    fn last_error_is_per_thread_and_cleared_by_the_boundary() {
        let s = boundary(|| Err(Failure::ffi(FfiProblem::NullArgument { param: "x" })));
        assert_eq!(s, hug_status::HUG_ERR_NULL_ARGUMENT);
        assert_eq!(last_count(), 1);
        std::thread::spawn(|| assert_eq!(last_count(), 0))
            .join()
            .unwrap();
        assert_eq!(boundary(|| Ok(())), hug_status::HUG_OK);
        assert_eq!(last_count(), 0);
        assert!(last_code_at(0).is_null());
    }
}
