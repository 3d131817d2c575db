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
//! * [`facility`] — 事業所番号, prefectures, portal user IDs, postal codes.
//! * [`secret`] — passwords that zeroize on drop and never print.
//! * [`notice`] — the 電子請求登録結果に関するお知らせ (registration notice), parsed from its text.
//! * [`password`] — the portal's password rules as data, checks, change form, generation.
//! * [`profile`] — the 取込送信V2 facility profile (事業所情報保守), validated all at once.
//! * [`onboarding`] — the guide's steps as a workflow with evidence; state as versioned JSON;
//!   readiness, reminders and the batch ([`onboarding::evaluate_many`]).
//! * [`rules`] — certificate rules (data with defaults) and the claim-calendar interface.
//! * [`calendar`] — Japanese public holidays (祝日法 rules), business days, roll-forward.
//! * [`schedule`] — the per-国保連 rulebook, a service month's claim window, documents and payment; iCalendar.
//! * [`certificate`] — open and inspect the .p12, status on a day, renewal plan, portal lifecycle.
//! * [`_documentation`] — no code: [the domain rules](_documentation::domain), each with its source and
//!   confidence (S = stated, M = several sources, U = unverified).
//!
//! Every error and finding implements [`Diagnostic`]: a stable code (`password.too_short`), a
//! [`Severity`] and a message in Japanese and English ([`Lang`]). [`diagnostic::all_codes`] lists
//! every code the core can emit. Validation that can find several problems returns all of them
//! ([`diagnostic::Problems`]).
//!
//! # Cookbook
//!
//! Short recipes for the jobs the library is for. Each one is compiled and run by `cargo test --doc`.
//!
//! ## Read a registration notice
//!
//! The text of a notice as typed or OCR'd; its kind comes from the label (テストID or ID). The
//! passwords are [`secret::Secret`]s: they never appear in `Debug` or JSON.
//!
//! ```
//! use hug_onboard_core::notice::{NoticeKind, RegistrationNotice};
//! use hug_onboard_core::Lang;
//!
//! let text = "電子請求登録結果に関するお知らせ
//! 令和 元年 7月30日
//! 東京都国民健康保険団体連合会
//! 事業所番号\t１３１２３４５６７８
//! 事業所名\t放課後等デイサービス はぐくみ
//! ID\tP1312345
//! (仮)パスワード\tHn3kW9qe
//! 証明書発行用パスワード\tCt4vN8wb";
//! let notice = RegistrationNotice::parse(text)?;
//! assert_eq!(notice.kind, NoticeKind::Production);
//! assert_eq!(notice.facility_number.as_str(), "1312345678");
//! assert_eq!(notice.date.unwrap().to_string(), "2019-07-30");
//! println!("{}", notice.kind.purpose(Lang::Ja)); // what this letter is for
//! assert!(!notice.to_json().contains("Hn3kW9qe"));
//!
//! // A damaged letter: every problem at once, each with a stable code.
//! let err = RegistrationNotice::parse("事業所番号\t12345").unwrap_err();
//! assert_eq!(err.codes()[..2], ["facility.wrong_length", "notice.missing_field"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Check and generate a password
//!
//! Check a candidate against the screen it will be typed on, and the whole change form; generate
//! one that both screens accept. The core never reads the OS: randomness is a parameter.
//!
//! ```
//! use hug_onboard_core::password::PasswordPolicy;
//! use hug_onboard_core::{Diagnostic, Lang};
//!
//! let screen = PasswordPolicy::production_screen();
//! for v in screen.check("ｈｕｇ2019~", Some("P1312345")) {
//!     println!("[{}] {}", v.code(), v.message(Lang::Ja));
//! }
//! let codes: Vec<_> = screen.check("hug2019~", None).iter().map(|v| v.code()).collect();
//! assert_eq!(codes, ["password.char_other_screen"]); // `~` is only on the テストID screen
//!
//! let os = |buf: &mut [u8]| getrandom::fill(buf).map_err(|e| e.to_string());
//! let new = PasswordPolicy::generation().generate_with(12, os)?;
//! assert!(screen.check(new.expose(), Some("P1312345")).is_empty());
//! assert!(screen.check_change("P1312345", "Hn3kW9qe", new.expose(), new.expose()).is_empty());
//! assert_eq!(format!("{new:?}"), "Secret(***)"); // never printed
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Inspect a .p12 certificate
//!
//! Prove the 証明書発行用パスワード, read the validity and the 事業所番号, judge the status on a day and
//! plan the renewal so that no claim window is lost.
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::certificate::{self, StatusKind};
//! use hug_onboard_core::rules::CertificateRules;
//! use hug_onboard_core::schedule::BillingCalendar;
//! use hug_onboard_core::Diagnostic;
//!
//! # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12"))?;
//! // let bytes = std::fs::read("3202309150000007100079785.p12")?;
//! let err = certificate::inspect(&bytes, "wrong").unwrap_err();
//! assert_eq!(err.code(), "certificate.wrong_password");
//!
//! let cert = certificate::inspect(&bytes, "TestPass123")?.certificate;
//! assert_eq!(cert.valid_to_jst.to_string(), "2026-09-15");
//! assert_eq!(cert.facility_number.unwrap().as_str(), "1312345678");
//!
//! let today = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
//! let rules = CertificateRules::default();
//! assert_eq!(certificate::status(&cert.validity, today, &rules).kind, StatusKind::RenewalDue);
//! let plan = certificate::renewal_plan(cert.validity.not_after, today, &rules, &BillingCalendar::default());
//! println!("apply by {} (install by {})", plan.apply_by, plan.install_by);
//! assert!(plan.apply_by < plan.install_by);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## A month's schedule
//!
//! The claim window, the five documents and the payment day of a service month, with a
//! 国保連's own days from TOML, and an iCalendar file of it.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use hug_onboard_core::schedule::{BillingCalendar, DocumentKind, IcalOptions, Rulebook, YearMonth};
//!
//! let june = YearMonth::new(2026, 6)?; // services of June 2026, claimed in July
//! let s = BillingCalendar::default().schedule(june)?;
//! assert_eq!(s.window.opens.to_string(), "2026-07-01 00:00:00");
//! assert_eq!(s.window.last_day().to_string(), "2026-07-10");
//! assert_eq!(s.document(DocumentKind::PaymentNotice).unwrap().date.to_string(), "2026-08-10");
//! assert_eq!(s.payment.date.to_string(), "2026-08-17"); // the 15th is a Saturday
//!
//! let nagano = Rulebook::from_toml("id = \"nagano\"\n[documents.payment_notice]\nrelease_day = 6")?;
//! let cal = BillingCalendar::new(nagano);
//! let s = cal.schedule(june)?;
//! assert_eq!(s.document(DocumentKind::PaymentNotice).unwrap().date.to_string(), "2026-08-06");
//!
//! let stamp = Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap();
//! let ics = cal.to_ical(june, june, &IcalOptions::new(stamp))?;
//! assert!(ics.starts_with("BEGIN:VCALENDAR"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Can the facility bill? (readiness)
//!
//! The onboarding state (versioned JSON, no secrets) judged on a day: can it bill in the coming
//! window, what blocks it, what to do next and by when, and the reminders of the coming days.
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::onboarding::Onboarding;
//! use hug_onboard_core::schedule::BillingCalendar;
//! use hug_onboard_core::Diagnostic;
//!
//! # let json = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/states/v1_complete.json"));
//! let ob = Onboarding::from_json(json)?; // the state HUG's app keeps per facility
//! let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
//! let calendar = BillingCalendar::default();
//! let r = ob.readiness(today, &calendar);
//! assert!(!r.can_bill); // this state's certificate expired in 2022
//! assert!(r.findings.iter().any(|f| f.code() == "readiness.certificate_expired"));
//! for a in &r.next_actions {
//!     println!("{} {}", a.due.map(|d| d.to_string()).unwrap_or_default(), a.message_ja);
//! }
//! for rem in ob.reminders(today, 14, &calendar) {
//!     println!("{} {}", rem.date, rem.message_en);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Many facilities at once (batch)
//!
//! HUG's nightly run, or a 代理請求 agent's facilities: one call, one report per state and a count
//! of each finding. Without a calendar, each facility is judged with its own 国保連's rulebook
//! (here 東京 and 大阪); `Some(&calendar)` would judge all with one.
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::facility::FacilityNumber;
//! use hug_onboard_core::onboarding::{evaluate_many, BatchContext, Onboarding};
//!
//! let states: Vec<Onboarding> = ["1312345678", "2712345678"]
//!     .into_iter()
//!     .map(|n| FacilityNumber::parse(n).map(Onboarding::new))
//!     .collect::<Result<_, _>>()?;
//! let ctx = BatchContext { calendar: None, agent_certificates: &[] };
//! let report = evaluate_many(&states, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), &ctx);
//! assert_eq!((report.total, report.can_bill), (2, 0));
//! assert_eq!(report.by_code["readiness.step_missing"], 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Every code, in both languages
//!
//! ```
//! use hug_onboard_core::diagnostic::all_codes;
//!
//! let codes = all_codes();
//! assert!(codes.iter().any(|c| c.code == "certificate.wrong_password"));
//! for c in codes.iter().take(3) {
//!     println!("{:40} {:?} {}", c.code, c.severity, c.summary);
//! }
//! ```
//!
//! A whole onboarding on sample data, printed as a user would see it, is the example
//! `examples/walkthrough.rs` (`./scripts/run`, `--lang en`).
//!
//! # Features
//!
//! The crate has no optional features: everything above is always available. It depends on no FFI or
//! Python crate (a CI gate checks it); the C ABI is `hug-onboard-ffi`, the Python package
//! `hug-onboard-py`.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod calendar;
pub mod certificate;
pub mod diagnostic;
pub mod facility;
pub mod json_reason;
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

/// Documentation only, no code: the pages below are rendered by rustdoc.
pub mod _documentation {
    #[doc = include_str!("../docs/domain.md")]
    pub mod domain {}
}

/// The README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
