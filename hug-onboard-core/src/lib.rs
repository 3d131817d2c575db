//! hug-onboard-core: the pure domain model behind HUG's onboarding to 国保連 electronic billing.
//!
//! Small care providers in Japan (放課後等デイサービス and others) bill their
//! prefecture's 国保連 (国民健康保険団体連合会) electronically. Before the first
//! claim they go through a sequence of letters, IDs, passwords, an electronic
//! certificate and the 取込送信V2 client; after it, they must keep the
//! certificate alive and send every month between the 1st and the 10th. This
//! crate models all of it as pure functions: no clock (today is always a
//! parameter), no files, no network.
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::{facility::FacilityNumber, wareki};
//!
//! let n = FacilityNumber::parse("１３１２３４５６７８")?;
//! assert_eq!(n.prefecture().name_ja(), "東京都");
//!
//! let d = wareki::parse_date("令和 元年 6月 3日")?;
//! assert_eq!(d.to_string(), "2019-06-03");
//! assert_eq!(wareki::format(d, wareki::Style::Long)?, "令和元年6月3日");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Modules
//!
//! * [`diagnostic`] — stable codes, severities and bilingual messages for every error and finding.
//! * [`text`] — normalisation of typed and OCR'd text (full-width → half-width, katakana).
//! * [`wareki`] — Japanese era dates (和暦) parse and format; the era table is data.
//! * [`facility`] — 事業所番号, prefectures, portal user IDs.
//! * [`secret`] — passwords that zeroize on drop and never print.
//! * [`notice`] — the 電子請求登録結果に関するお知らせ (registration notice), parsed from its text.
//! * [`onboarding`] — the guide's steps as a workflow with evidence; state as versioned JSON.
//! * [`password`] — the portal's password rules as data, checks, change form, generation.
//! * [`profile`] — the 取込送信V2 facility profile (事業所情報保守), validated all at once.
//! * [`rules`] — certificate rules (data with defaults) and the claim-calendar interface.
//! * [`calendar`] — Japanese public holidays (祝日法 rules), business days, roll-forward.
//! * [`schedule`] — the per-国保連 rulebook, a service month's claim window, documents and payment; iCalendar.
//! * [`certificate`] — open and inspect the .p12, status on a day, renewal plan, portal lifecycle.
//!
//! # Features
//!
//! The crate has no optional features.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod calendar;
pub mod certificate;
pub mod diagnostic;
pub mod facility;
pub mod notice;
pub mod onboarding;
pub mod password;
pub mod profile;
pub mod rules;
pub mod schedule;
pub mod secret;
pub mod text;
pub mod wareki;

pub use diagnostic::{Diagnostic, ErrorKind, Finding, Lang, Severity};

use diagnostic::{CodeInfo, Declared};

/// The catalogue: every diagnostic type of the crate, registered once, here at
/// the crate root (the one module that knows every module).
macro_rules! catalogue {
    ($($ty:ty),* $(,)?) => {
        /// Every code the crate can emit, module by module, with its kind,
        /// severity and summary, so that the faces can map and list them all.
        ///
        /// ```
        /// use hug_onboard_core::ErrorKind;
        /// let codes = hug_onboard_core::all_codes();
        /// let c = codes.iter().find(|c| c.code == "facility.wrong_length").unwrap();
        /// assert_eq!(c.kind, ErrorKind::InvalidInput);
        /// ```
        pub fn all_codes() -> Vec<CodeInfo> {
            let tables: &[&[CodeInfo]] = &[$(<$ty as Declared>::CODES),*];
            tables.iter().flat_map(|t| t.iter().copied()).collect()
        }

        /// The registered diagnostic types' full names (for the registration test).
        #[cfg(test)]
        fn registered_types() -> Vec<&'static str> {
            vec![$(std::any::type_name::<$ty>()),*]
        }
    };
}

catalogue![
    facility::FacilityNumberError,
    facility::UserIdError,
    facility::PostalCodeError,
    wareki::WarekiError,
    notice::NoticeProblem,
    password::PasswordViolation,
    password::PasswordError,
    password::PasswordAdvice,
    profile::ProfileProblem,
    onboarding::WorkflowError,
    onboarding::readiness::ReadinessCode,
    onboarding::readiness::ReminderCode,
    calendar::CalendarError,
    schedule::ScheduleError,
    schedule::RulebookError,
    certificate::CertificateError,
    certificate::FileFinding,
    certificate::StatusKind,
    certificate::RenewalFinding,
    certificate::LifecycleError,
    certificate::AddresseeError,
    diagnostic::LangError,
];

/// The kind of a catalogued code; `None` for a code the crate does not emit.
///
/// ```
/// use hug_onboard_core::{ErrorKind, kind_of};
/// assert_eq!(kind_of("facility.empty"), Some(ErrorKind::InvalidInput));
/// assert_eq!(kind_of("no.such_code"), None);
/// ```
pub fn kind_of(code: &str) -> Option<ErrorKind> {
    all_codes()
        .into_iter()
        .find(|c| c.code == code)
        .map(|c| c.kind)
}

#[cfg(test)]
mod catalogue_tests {
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

    /// Every enum declared with `diagnostics!` or `diagnostic_codes!` anywhere
    /// under src/ is registered in `catalogue!` above: a forgotten registration
    /// would silently drop its codes from the C and Python catalogues.
    #[test]
    fn every_declared_diagnostic_type_is_registered() {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let registered: BTreeSet<&str> = registered_types()
            .into_iter()
            .map(|t| t.rsplit("::").next().unwrap())
            .collect();
        let mut declared = Vec::new();
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let mut pending = false;
            for line in text.lines() {
                let t = line.trim_start();
                if t.starts_with("//") {
                    continue;
                }
                if t.starts_with("diagnostics! {")
                    || t.starts_with("crate::diagnostics! {")
                    || t.starts_with("diagnostic_codes! {")
                    || t.starts_with("crate::diagnostic_codes! {")
                {
                    pending = true;
                } else if pending && let Some(i) = t.find("enum ") {
                    let name: String = t[i + 5..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    declared.push((name, f.display().to_string()));
                    pending = false;
                }
            }
        }
        assert!(declared.len() >= registered.len(), "{declared:?}");
        for (name, file) in &declared {
            assert!(
                registered.contains(name.as_str()),
                "{name} (in {file}) is declared with diagnostics! but not registered in catalogue! (lib.rs)"
            );
        }
    }

    #[test]
    fn every_kind_has_a_distinct_stable_name() {
        let names: BTreeSet<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names.len(), ErrorKind::ALL.len());
        for k in ErrorKind::ALL {
            assert_eq!(ErrorKind::parse(k.as_str()), Some(*k));
            assert_eq!(
                serde_json::to_string(k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }
}

/// The README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
