//! Stable codes, severities and bilingual messages shared by every error and finding.
//!
//! Every error and finding in this crate implements [`Diagnostic`]: it has a
//! stable string [`code`](Diagnostic::code) such as `password.too_short`, a
//! [`Severity`], and a message in Japanese and in English. The C ABI and the
//! Python package expose these codes unchanged, so a code, once published, is
//! never renamed or reused. Each code also has an [`ErrorKind`], from which the
//! faces derive the C status and the Python exception class.
//! [`all_codes`] lists every code the crate can emit.
//!
//! Codes are declared with [`diagnostics!`](crate::diagnostics): one entry per
//! variant gives its code, kind, severity, summary and both messages.
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::diagnostic::{Diagnostic, Lang};
//! use hug_onboard_core::facility::FacilityNumber;
//!
//! let err = FacilityNumber::parse("12345").unwrap_err();
//! assert_eq!(err.code(), "facility.wrong_length");
//! assert!(err.message(Lang::Ja).contains("10桁"));
//! assert!(err.message(Lang::En).contains("10 digits"));
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

/// The language of a user-facing message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Japanese (the default: HUG's users read Japanese).
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Parses `"ja"` or `"en"` (case-insensitive, surrounding spaces ignored).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::Lang;
    /// assert_eq!(Lang::parse("EN"), Some(Lang::En));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "ja-jp" => Some(Lang::Ja),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    /// The short tag, `"ja"` or `"en"`.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::diagnostic::Lang::En.as_str(), "en");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = LangError;

    /// Like [`Lang::parse`], with the shared error `lang.unknown` (used by the C
    /// and Python faces alike for an unknown language).
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::{Diagnostic, Lang};
    /// assert_eq!("ja".parse::<Lang>().unwrap(), Lang::Ja);
    /// assert_eq!("fr".parse::<Lang>().unwrap_err().code(), "lang.unknown");
    /// ```
    fn from_str(s: &str) -> Result<Lang, LangError> {
        Lang::parse(s).ok_or_else(|| LangError::Unknown {
            input: s.chars().take(20).collect(),
        })
    }
}

crate::diagnostics! {
    /// Why a language was refused.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum LangError {
        /// Not `ja` or `en` (nor a C `hug_lang` value).
        Unknown {
            /// What was given (at most 20 characters).
            input: String,
        } => "lang.unknown", InvalidArgument, Error,
            "a language that is not \"ja\" or \"en\"",
            ja: { format!("言語「{}」は使えません。\"ja\" か \"en\" を指定してください。", crate::text::readable(input)) },
            en: { format!("Unknown language \"{}\"; use \"ja\" or \"en\".", crate::text::readable(input)) };
    }
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something to know; nothing is wrong.
    Info,
    /// Works, but the user should act (e.g. a password still `0000`).
    Warning,
    /// The input is refused or the step cannot go on.
    Error,
}

impl Severity {
    /// `"info"`, `"warning"` or `"error"`.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::diagnostic::Severity::Warning.as_str(), "warning");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A problem with a stable code and a message in Japanese and English.
///
/// Implemented by every error and finding type of this crate.
pub trait Diagnostic: fmt::Debug {
    /// The stable code, e.g. `"wareki.unknown_era"`. Never changes once published.
    fn code(&self) -> &'static str;

    /// The kind of problem, from which each face derives its classification.
    fn kind(&self) -> ErrorKind;

    /// How serious it is. Errors by default.
    fn severity(&self) -> Severity {
        Severity::Error
    }

    /// Whether the kind is [`ErrorKind::InvalidInput`].
    fn is_invalid_input(&self) -> bool {
        self.kind() == ErrorKind::InvalidInput
    }

    /// Whether the kind is [`ErrorKind::InvalidData`].
    fn is_invalid_data(&self) -> bool {
        self.kind() == ErrorKind::InvalidData
    }

    /// Whether the kind is [`ErrorKind::WrongPassword`].
    fn is_wrong_password(&self) -> bool {
        self.kind() == ErrorKind::WrongPassword
    }

    /// Whether the kind is [`ErrorKind::CorruptFile`].
    fn is_corrupt_file(&self) -> bool {
        self.kind() == ErrorKind::CorruptFile
    }

    /// Whether the kind is [`ErrorKind::Unsupported`].
    fn is_unsupported(&self) -> bool {
        self.kind() == ErrorKind::Unsupported
    }

    /// Whether the kind is [`ErrorKind::Workflow`].
    fn is_workflow(&self) -> bool {
        self.kind() == ErrorKind::Workflow
    }

    /// The user-facing message in the given language, with its parameters filled in.
    fn message(&self, lang: Lang) -> String;

    /// An owned, language-neutral copy (code, severity, both messages) for
    /// crossing to C, Python or JSON.
    fn to_finding(&self) -> Finding {
        Finding {
            code: self.code().to_owned(),
            kind: self.kind(),
            severity: self.severity(),
            message_ja: self.message(Lang::Ja),
            message_en: self.message(Lang::En),
        }
    }
}

/// An owned rendering of any [`Diagnostic`]: what crosses to C, Python and JSON.
///
/// ```
/// use hug_onboard_core::diagnostic::{Diagnostic, Severity};
/// use hug_onboard_core::facility::FacilityNumber;
///
/// let f = FacilityNumber::parse("").unwrap_err().to_finding();
/// assert_eq!(f.code, "facility.empty");
/// assert_eq!(f.severity, Severity::Error);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable code.
    pub code: String,
    /// Kind of problem.
    pub kind: ErrorKind,
    /// Severity.
    pub severity: Severity,
    /// Message in Japanese.
    pub message_ja: String,
    /// Message in English.
    pub message_en: String,
}

impl Finding {
    /// The message in the given language.
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::{Diagnostic, Lang};
    /// let f = hug_onboard_core::facility::FacilityNumber::parse("").unwrap_err().to_finding();
    /// assert!(!f.message(Lang::En).is_empty());
    /// ```
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.message_ja,
            Lang::En => &self.message_en,
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.code, self.message_en)
    }
}

/// Several problems found in one input, in the order they were found; never empty.
///
/// Validation that can find more than one problem (a notice, a facility
/// profile, a rulebook) returns all of them at once in this type, so that a
/// user fixes everything in one pass.
///
/// ```
/// use hug_onboard_core::diagnostic::{Diagnostic, Problems};
/// use hug_onboard_core::facility::FacilityNumberError;
///
/// let p = Problems::new(vec![FacilityNumberError::Empty]).unwrap();
/// assert_eq!(p.len(), 1);
/// assert_eq!(p.code(), "facility.empty");
/// assert!(Problems::<FacilityNumberError>::new(vec![]).is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems<E> {
    items: Vec<E>,
}

impl<E> Problems<E> {
    /// Wraps a list of problems; `None` when the list is empty.
    pub fn new(items: Vec<E>) -> Option<Self> {
        if items.is_empty() {
            None
        } else {
            Some(Problems { items })
        }
    }

    /// A list of exactly one problem.
    pub fn one(item: E) -> Self {
        Problems { items: vec![item] }
    }

    /// The problems, in the order found.
    pub fn items(&self) -> &[E] {
        &self.items
    }

    /// Consumes the list.
    pub fn into_items(self) -> Vec<E> {
        self.items
    }

    /// How many problems (at least one).
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Iterates over the problems.
    pub fn iter(&self) -> std::slice::Iter<'_, E> {
        self.items.iter()
    }
}

impl<E: Diagnostic> Problems<E> {
    /// Every problem as an owned [`Finding`].
    pub fn findings(&self) -> Vec<Finding> {
        self.items.iter().map(Diagnostic::to_finding).collect()
    }

    /// Every code, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.items.iter().map(Diagnostic::code).collect()
    }
}

impl<'a, E> IntoIterator for &'a Problems<E> {
    type Item = &'a E;
    type IntoIter = std::slice::Iter<'a, E>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// A boxed diagnostic is the diagnostic (for `@delegate` variants that wrap
/// their own enum, e.g. a rulebook problem in a named file).
impl<E: Diagnostic + ?Sized> Diagnostic for Box<E> {
    fn code(&self) -> &'static str {
        (**self).code()
    }
    fn kind(&self) -> ErrorKind {
        (**self).kind()
    }
    fn severity(&self) -> Severity {
        (**self).severity()
    }
    fn message(&self, lang: Lang) -> String {
        (**self).message(lang)
    }
}

impl<E: Diagnostic> Diagnostic for Problems<E> {
    /// The code of the first problem.
    fn code(&self) -> &'static str {
        self.items[0].code()
    }
    /// The kind of the first problem.
    fn kind(&self) -> ErrorKind {
        self.items[0].kind()
    }
    fn severity(&self) -> Severity {
        self.items
            .iter()
            .map(Diagnostic::severity)
            .max()
            .unwrap_or(Severity::Error)
    }
    fn message(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::Ja => "\n",
            Lang::En => "\n",
        };
        self.items
            .iter()
            .map(|e| e.message(lang))
            .collect::<Vec<_>>()
            .join(sep)
    }
}

impl<E: Diagnostic> fmt::Display for Problems<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "[{}] {}", e.code(), e.message(Lang::En))?;
        }
        Ok(())
    }
}

impl<E: Diagnostic> std::error::Error for Problems<E> {}

/// What kind of problem a code is: the category every face derives its own
/// classification from (the C `hug_status`, the Python exception class, the
/// CLI's exit code).
///
/// Each code has exactly one kind, declared next to it in its module's
/// [`diagnostics!`](crate::diagnostics) table. The string names
/// ([`as_str`](ErrorKind::as_str)) are stable, like the codes.
///
/// ```
/// use hug_onboard_core::diagnostic::{Diagnostic, ErrorKind};
/// use hug_onboard_core::facility::FacilityNumber;
///
/// let err = FacilityNumber::parse("12").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidInput);
/// assert!(err.is_invalid_input());
/// assert_eq!(ErrorKind::parse("wrong_password"), Some(ErrorKind::WrongPassword));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// A value is refused by the domain rules (a facility number of 9 digits,
    /// a password that breaks the policy, a date that does not exist).
    InvalidInput,
    /// A structured document (JSON, TOML, a saved state, an era table) cannot be
    /// read or does not follow its schema.
    InvalidData,
    /// An argument is outside the calling contract (an enum value, an index, a
    /// date out of range, an unknown language, a command-line usage error).
    InvalidArgument,
    /// A required argument is missing (a NULL pointer in C, no password given to the CLI).
    MissingArgument,
    /// Text is not valid UTF-8 (a C string, a file given to the CLI).
    InvalidEncoding,
    /// A step cannot be done in the current state (a prerequisite is missing,
    /// a step is already done, a lifecycle event out of order).
    Workflow,
    /// A password does not open a file (the file itself may be fine).
    WrongPassword,
    /// A file is damaged or is not what it claims to be.
    CorruptFile,
    /// A file uses a format or an algorithm this library does not support.
    Unsupported,
    /// Something outside the input is unavailable: the operating system's random
    /// source, a file the CLI was asked to read.
    Unavailable,
    /// A state reported in a result, not a failure (a certificate's status, a
    /// renewal advice, a readiness finding). Never raised as an error.
    Advisory,
    /// The library could not complete the call for a reason that is not the
    /// caller's (it could not build its answer).
    Internal,
    /// A bug: a panic inside the library was caught at a face's boundary.
    Panic,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::InvalidInput,
        ErrorKind::InvalidData,
        ErrorKind::InvalidArgument,
        ErrorKind::MissingArgument,
        ErrorKind::InvalidEncoding,
        ErrorKind::Workflow,
        ErrorKind::WrongPassword,
        ErrorKind::CorruptFile,
        ErrorKind::Unsupported,
        ErrorKind::Unavailable,
        ErrorKind::Advisory,
        ErrorKind::Internal,
        ErrorKind::Panic,
    ];

    /// The stable name, e.g. `"invalid_input"` (the serde name too).
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::diagnostic::ErrorKind::CorruptFile.as_str(), "corrupt_file");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::InvalidData => "invalid_data",
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::MissingArgument => "missing_argument",
            ErrorKind::InvalidEncoding => "invalid_encoding",
            ErrorKind::Workflow => "workflow",
            ErrorKind::WrongPassword => "wrong_password",
            ErrorKind::CorruptFile => "corrupt_file",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::Unavailable => "unavailable",
            ErrorKind::Advisory => "advisory",
            ErrorKind::Internal => "internal",
            ErrorKind::Panic => "panic",
        }
    }

    /// The kind named by [`as_str`](ErrorKind::as_str); `None` for an unknown name.
    pub fn parse(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.iter().copied().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of the code catalogue: a code the crate (or a face) can emit.
///
/// Generated by [`diagnostics!`](crate::diagnostics) from the same entry that
/// declares the variant; never written by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    /// The stable code.
    pub code: &'static str,
    /// Its kind.
    pub kind: ErrorKind,
    /// Its usual severity.
    pub severity: Severity,
    /// One line in English saying when it is emitted.
    pub summary: &'static str,
}

/// A type whose codes are declared by [`diagnostics!`](crate::diagnostics):
/// its catalogue entries, one per variant (delegating variants excluded: their
/// codes belong to the inner type).
pub trait Declared {
    /// The catalogue entries, in declaration order.
    const CODES: &'static [CodeInfo];
}

/// The message argument of a [`diagnostics!`](crate::diagnostics) entry.
#[doc(hidden)]
#[macro_export]
macro_rules! __diag_msg {
    ($lit:literal) => {
        ::std::format!($lit)
    };
    ({ $($e:tt)* }) => {
        ::std::string::ToString::to_string(&{ $($e)* })
    };
}

/// Declares an error/finding enum and everything derived from it, from ONE
/// entry per variant: the code, the [`ErrorKind`], the [`Severity`], the
/// catalogue summary and the Japanese and English messages.
///
/// Generated: the enum itself; [`Diagnostic`] (`code`, `kind`, `severity`,
/// `message`); `Display` (`[code] English message`); `std::error::Error`
/// (`source` is the inner error of a delegating variant); [`Declared`]
/// (the catalogue entries, collected at the crate root by
/// [`all_codes`](crate::all_codes)); and `code_of`-style inherent helpers.
///
/// A message is either a string literal, formatted with the variant's fields in
/// scope (`"{len}桁"`), or a block `{ expr }` whose value is displayed. Fields
/// are bound by reference.
///
/// Variants after `@delegate` wrap another diagnostic (the field named after
/// `=>`): their code, kind and severity are the inner one's; only their messages
/// are written here.
///
/// ```
/// use hug_onboard_core::diagnostic::{Declared, Diagnostic, ErrorKind, Lang};
///
/// hug_onboard_core::diagnostics! {
///     /// Why a size was refused.
///     #[derive(Clone, Debug, PartialEq, Eq)]
///     pub enum SizeError {
///         /// Empty input.
///         Empty => "size.empty", InvalidInput, Error,
///             "the size is empty",
///             ja: "サイズが空です。",
///             en: "The size is empty.";
///         /// Too big.
///         TooBig {
///             /// The size given.
///             size: u32,
///         } => "size.too_big", InvalidInput, Error,
///             "the size is above 10",
///             ja: "サイズ{size}は大きすぎます。",
///             en: { format!("Size {size} is above {}.", 10) };
///     }
/// }
///
/// let e = SizeError::TooBig { size: 12 };
/// assert_eq!(e.code(), "size.too_big");
/// assert_eq!(e.kind(), ErrorKind::InvalidInput);
/// assert_eq!(e.message(Lang::Ja), "サイズ12は大きすぎます。");
/// assert_eq!(e.to_string(), "[size.too_big] Size 12 is above 10.");
/// assert_eq!(SizeError::CODES.len(), 2);
/// ```
#[macro_export]
macro_rules! diagnostics {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Enum:ident {
            $(
                $(#[$vmeta:meta])*
                $Variant:ident $({ $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)? })?
                    => $code:literal, $kind:ident, $sev:ident, $summary:literal,
                    ja: $ja:tt, en: $en:tt;
            )*
            $(
                @delegate
                $(
                    $(#[$dmeta:meta])*
                    $DVariant:ident { $( $(#[$dfmeta:meta])* $dfield:ident : $dfty:ty ),* $(,)? }
                        => $inner:ident, ja: $dja:tt, en: $den:tt;
                )*
            )?
        }
    ) => {
        $(#[$meta])*
        $vis enum $Enum {
            $(
                $(#[$vmeta])*
                $Variant $({ $( $(#[$fmeta])* $field : $fty ),* })?,
            )*
            $($(
                $(#[$dmeta])*
                $DVariant { $( $(#[$dfmeta])* $dfield : $dfty ),* },
            )*)?
        }

        impl $crate::diagnostic::Declared for $Enum {
            const CODES: &'static [$crate::diagnostic::CodeInfo] = &[
                $(
                    $crate::diagnostic::CodeInfo {
                        code: $code,
                        kind: $crate::diagnostic::ErrorKind::$kind,
                        severity: $crate::diagnostic::Severity::$sev,
                        summary: $summary,
                    },
                )*
            ];
        }

        impl $crate::diagnostic::Diagnostic for $Enum {
            fn code(&self) -> &'static str {
                match self {
                    $( Self::$Variant { .. } => $code, )*
                    $($( Self::$DVariant { $inner, .. } => $crate::diagnostic::Diagnostic::code($inner), )*)?
                }
            }

            fn kind(&self) -> $crate::diagnostic::ErrorKind {
                match self {
                    $( Self::$Variant { .. } => $crate::diagnostic::ErrorKind::$kind, )*
                    $($( Self::$DVariant { $inner, .. } => $crate::diagnostic::Diagnostic::kind($inner), )*)?
                }
            }

            fn severity(&self) -> $crate::diagnostic::Severity {
                match self {
                    $( Self::$Variant { .. } => $crate::diagnostic::Severity::$sev, )*
                    $($( Self::$DVariant { $inner, .. } => $crate::diagnostic::Diagnostic::severity($inner), )*)?
                }
            }

            #[allow(unused_variables)]
            fn message(&self, lang: $crate::diagnostic::Lang) -> ::std::string::String {
                match self {
                    $(
                        Self::$Variant { $($( $field ),*)? } => match lang {
                            $crate::diagnostic::Lang::Ja => $crate::__diag_msg!($ja),
                            $crate::diagnostic::Lang::En => $crate::__diag_msg!($en),
                        },
                    )*
                    $($(
                        Self::$DVariant { $( $dfield ),* } => match lang {
                            $crate::diagnostic::Lang::Ja => $crate::__diag_msg!($dja),
                            $crate::diagnostic::Lang::En => $crate::__diag_msg!($den),
                        },
                    )*)?
                }
            }
        }

        impl ::std::fmt::Display for $Enum {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::write!(
                    f,
                    "[{}] {}",
                    $crate::diagnostic::Diagnostic::code(self),
                    $crate::diagnostic::Diagnostic::message(self, $crate::diagnostic::Lang::En)
                )
            }
        }

        impl ::std::error::Error for $Enum {
            #[allow(unreachable_patterns)]
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    $($( Self::$DVariant { $inner, .. } => ::std::option::Option::Some($inner), )*)?
                    _ => ::std::option::Option::None,
                }
            }
        }
    };
}

/// Declares a plain enum whose variants name codes, without messages: for a
/// finding whose message is built by the type that holds it (a certificate's
/// status, a renewal plan, a readiness finding).
///
/// Generated: the enum; inherent `code()`, `kind()`, `severity()` and
/// `summary()`; [`Declared`]. One entry per variant, as in
/// [`diagnostics!`](crate::diagnostics).
///
/// ```
/// use hug_onboard_core::diagnostic::{Declared, ErrorKind};
///
/// hug_onboard_core::diagnostic_codes! {
///     /// Traffic light.
///     #[derive(Clone, Copy, Debug, PartialEq, Eq)]
///     pub enum Light {
///         /// Go.
///         Green => "light.green", Advisory, Info, "go";
///         /// Stop.
///         Red => "light.red", Advisory, Warning, "stop";
///     }
/// }
/// assert_eq!(Light::Red.code(), "light.red");
/// assert_eq!(Light::Green.kind(), ErrorKind::Advisory);
/// assert_eq!(Light::CODES.len(), 2);
/// ```
#[macro_export]
macro_rules! diagnostic_codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Enum:ident {
            $(
                $(#[$vmeta:meta])*
                $Variant:ident => $code:literal, $kind:ident, $sev:ident, $summary:literal;
            )*
        }
    ) => {
        $(#[$meta])*
        $vis enum $Enum {
            $( $(#[$vmeta])* $Variant, )*
        }

        impl $crate::diagnostic::Declared for $Enum {
            const CODES: &'static [$crate::diagnostic::CodeInfo] = &[
                $(
                    $crate::diagnostic::CodeInfo {
                        code: $code,
                        kind: $crate::diagnostic::ErrorKind::$kind,
                        severity: $crate::diagnostic::Severity::$sev,
                        summary: $summary,
                    },
                )*
            ];
        }

        #[allow(dead_code)]
        impl $Enum {
            /// The stable code.
            $vis const fn code(self) -> &'static str {
                match self { $( Self::$Variant => $code, )* }
            }
            /// The kind of problem.
            $vis const fn kind(self) -> $crate::diagnostic::ErrorKind {
                match self { $( Self::$Variant => $crate::diagnostic::ErrorKind::$kind, )* }
            }
            /// The severity.
            $vis const fn severity(self) -> $crate::diagnostic::Severity {
                match self { $( Self::$Variant => $crate::diagnostic::Severity::$sev, )* }
            }
            /// The one-line English summary of the catalogue.
            $vis const fn summary(self) -> &'static str {
                match self { $( Self::$Variant => $summary, )* }
            }
        }
    };
}

pub use crate::all_codes;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_parse() {
        assert_eq!(Lang::parse(" ja "), Some(Lang::Ja));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse(""), None);
    }
}
