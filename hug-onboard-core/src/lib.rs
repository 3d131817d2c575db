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
//! use hug_onboard_core::facility::FacilityNumber;
//!
//! let n = FacilityNumber::parse("１３１２３４５６７８")?;
//! assert_eq!(n.prefecture().name_ja(), "東京都");
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
//! * [`password`] — the portal's password rules as data, checks, change form, generation.
//! * [`rules`] — certificate rules (data with defaults) and the claim-calendar interface.
//!
//! # Features
//!
//! The crate has no optional features.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod certificate;
pub mod diagnostic;
pub mod facility;
pub mod notice;
pub mod password;
pub mod rules;
pub mod secret;
pub mod text;
pub mod wareki;

pub use diagnostic::{Diagnostic, Finding, Lang, Severity};
