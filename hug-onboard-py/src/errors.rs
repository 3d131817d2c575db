//! The boundary between core errors and Python exceptions.
//!
//! Every core error crosses as a list of [`Finding`]s handed to
//! `hug_onboard._errors._error_from_findings`, the ONE place where a kind is
//! mapped to an exception class (each finding carries its code's kind). Every exported function runs its body inside
//! [`guard`], so a Rust panic becomes a `HugOnboardError` with the code
//! `binding.internal_panic` instead of pyo3's `PanicException` (a
//! `BaseException`) or an abort.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hug_onboard_core::diagnostic::{
    self, Declared, Diagnostic, ErrorKind, Lang, Problems, Severity,
};
use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString};
use zeroize::Zeroize;

hug_onboard_core::diagnostic_codes! {
    /// The Python binding's own codes (`binding.*`), with their kinds. An unknown
    /// `lang` is the core's `lang.unknown`, the code the C face uses too.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum BindingCode {
        /// A panic caught at the boundary.
        InternalPanic => "binding.internal_panic", Panic, Error,
            "a Rust panic caught at the Python boundary (a bug in the library)";
        /// An unknown wareki style.
        InvalidStyle => "binding.invalid_style", InvalidArgument, Error,
            "a wareki style argument that is not long, long_numeric or short";
        /// An unknown notice kind.
        InvalidKind => "binding.invalid_kind", InvalidArgument, Error,
            "a notice kind argument that is not test or production";
        /// A password policy that cannot be read.
        InvalidPolicy => "binding.invalid_policy", InvalidData, Error,
            "a password policy JSON that cannot be read, or an unknown profile name";
        /// A bad closure argument.
        InvalidClosure => "binding.invalid_closure", InvalidArgument, Error,
            "a closure argument that is not two real (month, day) pairs";
        /// A days argument out of range.
        InvalidDays => "binding.invalid_days", InvalidArgument, Error,
            "a days argument outside 0 to 366 (Onboarding.reminders)";
        /// A lifecycle event that cannot be read.
        InvalidEvent => "binding.invalid_event", InvalidData, Error,
            "a certificate lifecycle event that cannot be read (unknown name, missing field)";
        /// An integer argument outside what the parameter can hold (a negative
        /// count, a year past 2^31, …): never pyo3's bare `OverflowError`.
        OutOfRange => "binding.out_of_range", InvalidArgument, Error,
            "an integer argument outside what the parameter can hold";
        /// A `Finding` built with a severity or a kind that is not one of the
        /// allowed names (the message names them, never the value given).
        InvalidFinding => "binding.invalid_finding", InvalidArgument, Error,
            "a Finding built with a severity or a kind that is not one of the allowed names";
        /// A `str` argument that is not valid Unicode (a lone surrogate such as
        /// `"\ud800"`, or a file name decoded with `surrogateescape`): never
        /// pyo3's bare `UnicodeEncodeError`.
        InvalidText => "binding.invalid_text", InvalidArgument, Error,
            "a text argument that is not valid Unicode (a lone surrogate)";
        /// Reading a scan: the `[ocr]` extra (pytesseract, OpenCV, numpy) is not installed.
        OcrDependencyMissing => "ocr.dependency_missing", Unavailable, Error,
            "reading an image needs an optional package (pip install 'hug-onboard[ocr]', or [heic] for HEIC photos)";
        /// Reading a scan: no Tesseract binary.
        OcrTesseractMissing => "ocr.tesseract_missing", Unavailable, Error,
            "Tesseract (the OCR engine) was not found";
        /// Reading a scan: Tesseract has no Japanese data.
        OcrLanguageMissing => "ocr.language_missing", Unavailable, Error,
            "Tesseract's Japanese data (jpn) is not installed";
        /// Reading a scan: the bytes or the file are not a readable image.
        OcrImageUnreadable => "ocr.image_unreadable", InvalidInput, Error,
            "the scan or photo cannot be read as an image";
        /// Reading a scan: Tesseract ran and failed.
        OcrTesseractFailed => "ocr.tesseract_failed", Internal, Error,
            "Tesseract failed to read the image";
        /// Reading a scan: a file of several pages (a scanner's multi-page TIFF) where
        /// the notice's page cannot be chosen: two pages hold a notice, or more pages
        /// than are read.
        OcrPageAmbiguous => "ocr.page_ambiguous", InvalidInput, Error,
            "an image file of several pages where the notice's page cannot be chosen";
        /// Reading a scan: of a file of several pages, the page the notice was read
        /// from (an information on the notice read).
        OcrPageChosen => "ocr.page_chosen", Advisory, Info,
            "the page of a file of several pages that the notice was read from";
        /// Reading a scan: the package's own OCR model (`hugid`) is missing or damaged;
        /// the key fields were read again without it (a warning on the notice read).
        OcrModelUnavailable => "ocr.model_unavailable", Unavailable, Warning,
            "the package's own OCR model is missing or damaged: the second reads ran without it";
        /// Reading a scan: a PDF protected by a password (a scanner's "encrypted PDF"):
        /// its pages cannot be rendered without it.
        OcrPdfEncrypted => "ocr.pdf_encrypted", InvalidInput, Error,
            "a PDF protected by a password: its pages cannot be read";
        /// Reading a scan: the page asked for (`page=N`, `--page N`) is not in the file.
        OcrPageOutOfRange => "ocr.page_out_of_range", InvalidArgument, Error,
            "a page number that is not a page of the file (pages count from 1)";
        /// Reading a scan: several pages of a file hold the same notice (scanned twice);
        /// the first was read (an information on the notice read).
        OcrPagesSameNotice => "ocr.pages_same_notice", Advisory, Info,
            "several pages of the file hold the same notice (scanned twice): the first was read";
        /// Reading a scan: the date line holds another number of zeros (slashed or dotted,
        /// by their shape) than its text read (a warning on the notice read; the date is kept).
        OcrDateUnverified => "ocr.date_unverified", InvalidInput, Warning,
            "the zeros printed on the letter's date line are not the zeros read: the date may be wrong";
    }
}

impl BindingCode {
    /// The codes the pure-Python part raises (each has [`BindingCode::python_messages`]).
    pub const PYTHON_RAISED: &'static [BindingCode] = &[
        BindingCode::OcrDependencyMissing,
        BindingCode::OcrTesseractMissing,
        BindingCode::OcrLanguageMissing,
        BindingCode::OcrImageUnreadable,
        BindingCode::OcrTesseractFailed,
        BindingCode::OcrPageAmbiguous,
        BindingCode::OcrPageChosen,
        BindingCode::OcrModelUnavailable,
        BindingCode::OcrPdfEncrypted,
        BindingCode::OcrPageOutOfRange,
        BindingCode::OcrPagesSameNotice,
        BindingCode::OcrDateUnverified,
    ];

    /// The Japanese and English messages of the codes the pure-Python part
    /// raises (`ocr.*`, from `hug_onboard._ocr`), declared here with the codes;
    /// `{detail}` is filled in by the caller. `None` for the codes this crate
    /// raises itself with their messages at the raise site.
    pub fn python_messages(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            BindingCode::OcrDependencyMissing => (
                "画像の読み取りには追加のパッケージが必要です: {detail}",
                "Reading an image needs an optional package: {detail}",
            ),
            BindingCode::OcrTesseractMissing => (
                "文字認識ソフト Tesseract が見つかりません。インストールしてください（Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-jpn）。",
                "Tesseract (the OCR engine) was not found; install it (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-jpn).",
            ),
            BindingCode::OcrLanguageMissing => (
                "Tesseract の日本語データ（jpn）がありません。インストールしてください（Debian/Ubuntu: apt-get install tesseract-ocr-jpn）。",
                "Tesseract's Japanese data (jpn) is missing; install it (Debian/Ubuntu: apt-get install tesseract-ocr-jpn).",
            ),
            BindingCode::OcrImageUnreadable => (
                "画像として読めません（PNG・JPEG・TIFF・HEIC・PDF などのスキャン画像か写真を指定してください）: {detail}",
                "Not a readable image (give a scan or photo as PNG, JPEG, TIFF, HEIC, PDF …): {detail}",
            ),
            BindingCode::OcrTesseractFailed => (
                "Tesseract が文字認識に失敗しました: {detail}",
                "Tesseract failed to read the image: {detail}",
            ),
            BindingCode::OcrPageAmbiguous => (
                "ファイルに複数のページがあり、お知らせのページを1つに決められません。ページ番号を指定するか（page=N、--page N）、お知らせのページだけを画像にして指定してください（{detail}）。",
                "The file has several pages and the notice's page cannot be chosen; name the page (page=N, --page N) or give the notice's page alone as an image ({detail}).",
            ),
            BindingCode::OcrPageChosen => (
                "ファイルに複数のページがあるため、お知らせの見出しが見つかったページ（{detail}）を読み取りました。",
                "The file has several pages; the notice was read from the page where its labels were found ({detail}).",
            ),
            BindingCode::OcrModelUnavailable => (
                "このパッケージの文字認識モデル（{detail}）が見つからないか壊れているため、ID・パスワードなどの読み直しをこのモデルなしで行いました（精度が下がります）。ID とパスワードを紙のお知らせと見比べ、hug-onboard を入れ直してください（pip install --force-reinstall hug-onboard）。",
                "The package's own OCR model ({detail}) is missing or damaged, so the ID, the passwords and the other key fields were read again without it (less reliable). Compare the ID and the passwords with the paper notice, and reinstall hug-onboard (pip install --force-reinstall hug-onboard).",
            ),
            BindingCode::OcrPdfEncrypted => (
                "PDF にパスワードが設定されている（暗号化されている）ため、ページを読めません。複合機でパスワードなしの PDF か画像（PNG・JPEG・TIFF）として保存し直してください（{detail}）。",
                "The PDF is protected by a password (encrypted), so its pages cannot be read; save the scan again as a PDF without a password or as an image (PNG, JPEG, TIFF) ({detail}).",
            ),
            BindingCode::OcrPageOutOfRange => (
                "指定のページはファイルにありません（ページは 1 から数えます）: {detail}",
                "The page asked for is not in the file (pages count from 1): {detail}",
            ),
            BindingCode::OcrPagesSameNotice => (
                "ファイルの複数のページに同じお知らせがあり（2 回スキャンされたもの。種類・事業所番号・ID・通知日・パスワードの読み取りが一致）、最初のページを読み取りました（{detail}）。",
                "Several pages of the file hold the same notice (scanned twice: the kind, 事業所番号, ID, date and passwords read alike); the first was read ({detail}).",
            ),
            BindingCode::OcrDateUnverified => (
                "お知らせの日付を {detail} と読み取りましたが、日付の行に印刷された「0」（斜線や点の入った0）の数が、読み取った「0」の数と合いません。日付が違っているかもしれません。紙のお知らせと見比べてください。",
                "The letter's date was read as {detail}, but its line has another number of zeros printed (slashed or dotted 0s) than were read: the date may be wrong. Compare it with the paper notice.",
            ),
            _ => return None,
        })
    }
}

/// Every code this module can raise: the core's catalogue, then the binding's own.
pub fn catalogue() -> Vec<diagnostic::CodeInfo> {
    let mut v = hug_onboard_core::all_codes();
    v.extend_from_slice(BindingCode::CODES);
    v
}

/// The kind of a catalogued code (`internal` for a code nobody declared).
pub fn kind_of(code: &str) -> ErrorKind {
    catalogue()
        .into_iter()
        .find(|c| c.code == code)
        .map_or(ErrorKind::Internal, |c| c.kind)
}

/// An integer type a Python argument converts to, with its range.
pub trait IntArg: Sized {
    /// The smallest value.
    const MIN: i128;
    /// The largest value.
    const MAX: i128;
    /// The value (already checked to be in range).
    fn from_checked(v: i128) -> Self;
}

macro_rules! int_arg_impl {
    ($($t:ty),*) => {$(
        impl IntArg for $t {
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = <$t>::MAX as i128;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            fn from_checked(v: i128) -> Self {
                v as $t
            }
        }
    )*};
}
int_arg_impl!(u8, u16, u32, u64, usize, i32, i64);

/// An integer argument as Python gave it: any `int` (however large) is
/// accepted here and range-checked by [`int_arg`] against the parameter's type,
/// so an out-of-range value is a coded `ValidationError`, not pyo3's bare
/// `OverflowError`. A non-integer is a `TypeError`.
#[derive(Clone, Debug)]
pub struct IntValue {
    /// The value, `None` beyond `i128`.
    pub value: Option<i128>,
    /// The value as Python shows it (shortened), for messages.
    pub shown: String,
}

impl IntValue {
    /// A default value.
    pub fn of(v: i64) -> Self {
        IntValue {
            value: Some(i128::from(v)),
            shown: v.to_string(),
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for IntValue {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        // `bool` is an `int` subclass in Python: `days=True` would silently be 1.
        if !obj.is_instance_of::<pyo3::types::PyInt>()
            || obj.is_instance_of::<pyo3::types::PyBool>()
        {
            return Err(PyTypeError::new_err(format!(
                "an int is required, not {}",
                obj.get_type().name()?
            )));
        }
        let shown = obj.str()?.to_string();
        let shown = match shown.char_indices().nth(40) {
            Some((i, _)) => format!("{}…", &shown[..i]),
            None => shown,
        };
        Ok(IntValue {
            value: obj.extract::<i128>().ok(),
            shown,
        })
    }
}

/// The integer argument `name` as `T`, or a `ValidationError`
/// (`binding.out_of_range`) naming the parameter and its range.
pub fn int_arg<T: IntArg>(py: Python<'_>, v: &IntValue, name: &str) -> PyResult<T> {
    match v.value {
        Some(x) if (T::MIN..=T::MAX).contains(&x) => Ok(T::from_checked(x)),
        _ => Err(binding_err(
            py,
            BindingCode::OutOfRange,
            format!(
                "{name} の値 {} は範囲外です（{}〜{} の整数を指定してください）。",
                v.shown,
                T::MIN,
                T::MAX
            ),
            format!(
                "{name} = {} is out of range (give an integer from {} to {}).",
                v.shown,
                T::MIN,
                T::MAX
            ),
        )),
    }
}

/// [`int_arg`] for an optional argument.
pub fn opt_int_arg<T: IntArg>(
    py: Python<'_>,
    v: Option<&IntValue>,
    name: &str,
) -> PyResult<Option<T>> {
    v.map(|v| int_arg(py, v, name)).transpose()
}

/// A text argument: a Python `str` that is valid Unicode, as an owned `String`
/// (wiped on drop: some text arguments are passwords). Every exported function
/// takes its text through this (or [`text_of`]) instead of `&str`/`String`, so
/// a `str` holding a lone surrogate is a coded `ValidationError`
/// (`binding.invalid_text`) instead of pyo3's bare `UnicodeEncodeError`. A
/// non-`str` stays pyo3's usual `TypeError`.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(String);

impl Text {
    /// The text as an owned `String` (the caller takes over wiping it, if it must).
    pub fn into_string(mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

impl From<&str> for Text {
    /// A default value of a text parameter.
    fn from(s: &str) -> Self {
        Text(s.to_owned())
    }
}

impl Drop for Text {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Text {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let s = obj.cast::<PyString>()?;
        text_of(&s).map(Text)
    }
}

/// A one-character text argument (like pyo3's `char`, with a lone surrogate
/// coded as `binding.invalid_text`; any other length stays pyo3's `ValueError`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextChar(pub char);

impl<'a, 'py> FromPyObject<'a, 'py> for TextChar {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let s = obj.cast::<PyString>()?;
        let s = text_of(&s)?;
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Ok(TextChar(c)),
            _ => Err(PyValueError::new_err("expected a string of length 1")),
        }
    }
}

/// The UTF-8 text of a Python `str`, or a `ValidationError`
/// (`binding.invalid_text`) naming the first code point that is not a Unicode
/// scalar value (a lone surrogate) and its position, counted from 1 in
/// characters. The rest of the text is never echoed (it may be a password).
pub fn text_of(s: &Bound<'_, PyString>) -> PyResult<String> {
    match s.to_cow() {
        Ok(c) => Ok(c.into_owned()),
        Err(e) => Err(invalid_text(s, e)),
    }
}

/// The coded error for a `str` whose UTF-8 encoding failed with `e` (any
/// other failure is returned unchanged).
fn invalid_text(s: &Bound<'_, PyString>, e: PyErr) -> PyErr {
    let py = s.py();
    if !e.is_instance_of::<PyUnicodeEncodeError>(py) {
        return e;
    }
    // UnicodeEncodeError.start: the index (in code points) of the first bad one.
    let start: usize = match e.value(py).getattr("start").and_then(|v| v.extract()) {
        Ok(i) => i,
        Err(_) => return e,
    };
    let code_point = s
        .as_any()
        .get_item(start)
        .and_then(|c| {
            py.import("builtins")?
                .getattr("ord")?
                .call1((c,))?
                .extract::<u32>()
        })
        .map_or_else(|_| "?".to_owned(), |c| format!("U+{c:04X}"));
    let at = start + 1;
    binding_err(
        py,
        BindingCode::InvalidText,
        format!(
            "文字列に Unicode として正しくない文字があります: {at} 文字目の {code_point}（対になっていないサロゲート）。\
             surrogateescape で読んだファイル名などは、そのままでは渡せません。正しい文字列を指定してください。"
        ),
        format!(
            "A text argument is not valid Unicode: {code_point} (a lone surrogate) at character {at}. \
             Give valid text (a file name decoded with surrogateescape, for one, cannot be passed as is)."
        ),
    )
}

/// One problem: a stable code, a severity and a message in Japanese and English.
///
/// Python name `Finding` (alias `Violation`).
#[pyclass(module = "hug_onboard._native", name = "Finding", frozen, eq, hash)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PyFinding {
    pub code: String,
    pub kind: ErrorKind,
    pub severity: Severity,
    pub message_ja: String,
    pub message_en: String,
}

impl From<diagnostic::Finding> for PyFinding {
    fn from(f: diagnostic::Finding) -> Self {
        PyFinding {
            code: f.code,
            kind: f.kind,
            severity: f.severity,
            message_ja: f.message_ja,
            message_en: f.message_en,
        }
    }
}

impl PyFinding {
    pub fn of(d: &impl Diagnostic) -> Self {
        d.to_finding().into()
    }
}

/// Every severity, in order.
const SEVERITIES: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

pub fn parse_severity(s: &str) -> Option<Severity> {
    SEVERITIES.into_iter().find(|v| v.as_str() == s)
}

/// `binding.invalid_finding` for a `Finding`'s `param` that is not one of
/// `allowed` (the names are listed; the value given is not echoed).
fn invalid_finding(py: Python<'_>, param: &str, ja_name: &str, allowed: &[&str]) -> PyErr {
    let quoted: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
    let en_list = match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    };
    binding_err(
        py,
        BindingCode::InvalidFinding,
        format!(
            "Finding の{ja_name}（{param}）には次のどれかを指定してください: {}。",
            quoted.join("、")
        ),
        format!("A Finding's {param} must be {en_list}."),
    )
}

#[pymethods]
impl PyFinding {
    #[new]
    #[pyo3(
        signature = (code, message_ja, message_en, severity = Text::from("error"), kind = None),
        text_signature = "(code, message_ja, message_en, severity=\"error\", kind=None)"
    )]
    fn py_new(
        py: Python<'_>,
        code: Text,
        message_ja: Text,
        message_en: Text,
        severity: Text,
        kind: Option<Text>,
    ) -> PyResult<Self> {
        let (code, message_ja, message_en) = (
            code.into_string(),
            message_ja.into_string(),
            message_en.into_string(),
        );
        let severity = parse_severity(&severity).ok_or_else(|| {
            let names = SEVERITIES.map(Severity::as_str);
            invalid_finding(py, "severity", "重大度", &names)
        })?;
        let kind = match kind {
            None => kind_of(&code),
            Some(k) => ErrorKind::parse(&k).ok_or_else(|| {
                let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
                invalid_finding(py, "kind", "種類", &names)
            })?,
        };
        Ok(PyFinding {
            code,
            kind,
            severity,
            message_ja,
            message_en,
        })
    }

    /// The stable code, e.g. `"password.too_short"`.
    #[getter]
    fn code(&self) -> &str {
        &self.code
    }

    /// `"info"`, `"warning"` or `"error"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.severity.as_str()
    }

    /// The kind of problem (`"invalid_input"`, `"wrong_password"`, …): what the
    /// exception class is derived from.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The message in Japanese.
    #[getter]
    fn message_ja(&self) -> &str {
        &self.message_ja
    }

    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.message_en
    }

    /// The message in `lang` (`"ja"` or `"en"`).
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn message(&self, py: Python<'_>, lang: Text) -> PyResult<String> {
        Ok(match parse_lang(py, &lang)? {
            Lang::Ja => self.message_ja.clone(),
            Lang::En => self.message_en.clone(),
        })
    }

    /// A plain dict (`code`, `severity`, `message_ja`, `message_en`) for JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let d = pyo3::types::PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("kind", self.kind.as_str())?;
        d.set_item("severity", self.severity.as_str())?;
        d.set_item("message_ja", &self.message_ja)?;
        d.set_item("message_en", &self.message_en)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Finding(code={}, severity={}, message_en={})",
            py_repr(py, &self.code)?,
            py_repr(py, self.severity.as_str())?,
            py_repr(py, &self.message_en)?
        ))
    }

    fn __str__(&self) -> String {
        format!("[{}] {}", self.code, self.message_en)
    }

    fn __getnewargs__(&self) -> (String, String, String, &'static str, &'static str) {
        (
            self.code.clone(),
            self.message_ja.clone(),
            self.message_en.clone(),
            self.severity.as_str(),
            self.kind.as_str(),
        )
    }
}

/// A name a caller gave (a style, a kind, a policy's name), for a message: at
/// most 40 characters, its invisible characters as `<U+XXXX>`
/// (`text::readable`), never Rust's escapes.
pub fn shown(s: &str) -> String {
    hug_onboard_core::text::readable(&hug_onboard_core::notice::ocr::shown(s))
}

/// The names an argument may take, for a message: `"a"、"b"、"c" のいずれか` in Japanese.
pub fn choices_ja(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    format!("{} のいずれか", quoted.join("、"))
}

/// The names an argument may take, for a message: `"a", "b" or "c"` in English.
pub fn choices_en(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// Python's `repr()` of a string (quotes and escapes as Python writes them).
pub fn py_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(pyo3::types::PyString::new(py, s).repr()?.to_string())
}

static MAKE_ERROR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Builds the Python exception for a list of findings (never empty).
pub fn error_from_findings(py: Python<'_>, findings: Vec<PyFinding>) -> PyErr {
    let make = MAKE_ERROR.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py
            .import("hug_onboard._errors")?
            .getattr("_error_from_findings")?
            .unbind())
    });
    let make = match make {
        Ok(m) => m.bind(py),
        Err(e) => return e,
    };
    let list = match PyList::new(py, findings) {
        Ok(l) => l,
        Err(e) => return e,
    };
    match make.call1((list,)) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// The exception for one core error.
pub fn to_err(py: Python<'_>, d: &impl Diagnostic) -> PyErr {
    error_from_findings(py, vec![PyFinding::of(d)])
}

/// The exception for several core errors (all of them, in order).
pub fn problems_err<E: Diagnostic>(py: Python<'_>, p: &Problems<E>) -> PyErr {
    error_from_findings(py, p.iter().map(PyFinding::of).collect())
}

/// A binding-level error with its own code and messages.
pub fn binding_err(py: Python<'_>, code: BindingCode, ja: String, en: String) -> PyErr {
    error_from_findings(
        py,
        vec![PyFinding {
            code: code.code().to_owned(),
            kind: code.kind(),
            severity: code.severity(),
            message_ja: ja,
            message_en: en,
        }],
    )
}

/// Parses a `lang` argument (an unknown one is the core's `lang.unknown`).
pub fn parse_lang(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    lang.parse::<Lang>().map_err(|e| to_err(py, &e))
}

/// Runs `f`, turning a Rust panic into a `HugOnboardError` (`binding.internal_panic`).
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(binding_err(
                py,
                BindingCode::InternalPanic,
                format!("ライブラリ内部でエラーが発生しました（不具合です）: {what}"),
                format!("Internal error in the library (a bug): {what}"),
            ))
        }
    }
}

/// serde's message about JSON made from a caller's mapping, without what could be
/// a secret or noise: no value (`invalid type: integer `87654321`` — a password
/// given as a number — becomes `invalid type: integer`), no "at line 1 column N"
/// of the JSON text the binding made. Field names stay.
pub fn serde_reason(e: &serde_json::Error) -> String {
    let m = e.to_string();
    let mut m = m
        .get(..m.find(" at line ").unwrap_or(m.len()))
        .unwrap_or(&m)
        .to_owned();
    for lead in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = m.strip_prefix(lead) {
            // `integer `8765`, expected …` / `string "abc", expected …`: the value goes.
            let cut = match rest.find(", expected") {
                Some(i) => i,
                None => rest.len(),
            };
            let what = rest[..cut]
                .split([' ', '`', '"'])
                .next()
                .unwrap_or("")
                .to_owned();
            m = format!("{lead}{what}{}", &rest[cut..]);
            break;
        }
    }
    m
}
