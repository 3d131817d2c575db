//! Stable codes, severities and bilingual messages shared by every error and finding.
//!
//! Every error and finding in this crate implements [`Diagnostic`]: it has a
//! stable string [`code`](Diagnostic::code) such as `password.too_short`, a
//! [`Severity`], and a message in Japanese and in English. The C ABI and the
//! Python package expose these codes unchanged, so a code, once published, is
//! never renamed or reused. [`all_codes`] lists every code the crate can emit.
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

    /// How serious it is. Errors by default.
    fn severity(&self) -> Severity {
        Severity::Error
    }

    /// The user-facing message in the given language, with its parameters filled in.
    fn message(&self, lang: Lang) -> String;

    /// An owned, language-neutral copy (code, severity, both messages) for
    /// crossing to C, Python or JSON.
    fn to_finding(&self) -> Finding {
        Finding {
            code: self.code().to_owned(),
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

impl<E: Diagnostic> Diagnostic for Problems<E> {
    /// The code of the first problem.
    fn code(&self) -> &'static str {
        self.items[0].code()
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

/// One entry of the code catalogue: a code the crate can emit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    /// The stable code.
    pub code: &'static str,
    /// Its usual severity.
    pub severity: Severity,
    /// One line in English saying when it is emitted.
    pub summary: &'static str,
}

impl CodeInfo {
    /// A catalogue entry (used by each module's `CODES` table).
    pub const fn new(code: &'static str, severity: Severity, summary: &'static str) -> Self {
        CodeInfo {
            code,
            severity,
            summary,
        }
    }
}

/// Every code the crate can emit, module by module, so that the bindings can map them all.
///
/// ```
/// let codes = hug_onboard_core::diagnostic::all_codes();
/// assert!(codes.iter().any(|c| c.code == "facility.wrong_length"));
/// ```
pub fn all_codes() -> Vec<CodeInfo> {
    let tables: &[&[CodeInfo]] = &[
        crate::facility::CODES,
        crate::wareki::CODES,
        crate::notice::CODES,
        crate::password::CODES,
        crate::profile::CODES,
        crate::onboarding::CODES,
        crate::onboarding::readiness::CODES,
        crate::calendar::CODES,
        crate::schedule::CODES,
        crate::schedule::RULEBOOK_CODES,
        crate::certificate::CODES,
    ];
    tables.iter().flat_map(|t| t.iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = BTreeSet::new();
        for c in all_codes() {
            assert!(seen.insert(c.code), "duplicate code {}", c.code);
            let ok = c.code.split('.').count() >= 2
                && c.code.split('.').all(|part| {
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
                });
            assert!(ok, "malformed code {}", c.code);
            assert!(!c.summary.is_empty());
        }
    }

    #[test]
    fn lang_parse() {
        assert_eq!(Lang::parse(" ja "), Some(Lang::Ja));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse(""), None);
    }
}
