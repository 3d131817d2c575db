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

pub use diagnostic::{Diagnostic, Finding, Lang, Severity};

/// The README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
