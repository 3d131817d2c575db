//! The billing schedule of a service month: claim window, the 国保連
//! documents (one table: [`DocumentKind`]), the payment day; queries on it; iCalendar export.
//!
//! Services of month M are claimed in month M+1 (the *claim month*) inside
//! the claim window; the 国保連 releases its documents and pays in M+2 (guide
//! P25–P26):
//!
//! | document | released (default) | where |
//! |---|---|---|
//! | 返戻等一覧表 | 1st of M+2, only if claims were returned | portal 照会一覧, or 取込送信V2 請求情報送信履歴 |
//! | 支払決定増減表 | 1st of M+2, only if claims were returned | portal 照会一覧, or 取込送信V2 請求情報送信履歴 |
//! | 支払決定額通知書 | 10th of M+2 | portal 照会一覧 |
//! | 支払決定額内訳書 | 10th of M+2 | portal 照会一覧 |
//! | 過誤決定通知書 | 10th of M+2 | portal 照会一覧 |
//!
//! and pays on the 15th of M+2, or the next business day. Every one of those
//! days is data in a [`Rulebook`] (defaults from the guide, overridable per
//! 国保連 from JSON or TOML); business days come from the
//! [`calendar`](crate::calendar) module. A [`BillingCalendar`] joins the two
//! and implements [`ClaimCalendar`] for the certificate planner.
//!
//! All instants are JST wall-clock times ([`NaiveDateTime`]); "now" and
//! "today" are always parameters.
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::schedule::{BillingCalendar, DocumentKind, YearMonth};
//!
//! let cal = BillingCalendar::default();
//! let s = cal.schedule(YearMonth::new(2026, 6)?)?; // services of June 2026
//! assert_eq!(s.claim_month.to_string(), "2026-07");
//! assert_eq!(s.window.opens.to_string(), "2026-07-01 00:00:00");
//! assert_eq!(s.window.closes.to_string(), "2026-07-11 00:00:00"); // 10th, 24:00
//! assert_eq!(s.document(DocumentKind::PaymentNotice).unwrap().date.to_string(), "2026-08-10");
//! assert_eq!(s.payment.nominal.to_string(), "2026-08-15"); // a Saturday
//! assert_eq!(s.payment.date.to_string(), "2026-08-17");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::{CalendarError, JapaneseCalendar, YearStatus};
use crate::diagnostic::{Lang, Problems};
use crate::rules::{ClaimCalendar, ClaimWindow, WeekendCalendar};

mod ical;
mod registry;
mod rulebook;

pub use ical::IcalOptions;
pub use registry::registry_file_names;
pub use rulebook::{
    Basis, ClosingDayPolicy, DocumentRule, Note, NoteKind, PaymentRule, Roll, Rulebook,
    RulebookError, Source, SourceKind, TimeOfDay, WindowRule,
};

/// The monthly documents, declared once: each entry gives the variant, its
/// stable id, the Japanese and English names, where it can be downloaded,
/// whether it only exists when claims were returned, and its default release
/// (months after the claim month, day). Everything else — the enum, its
/// lists, names, rulebook defaults and validation, schedules, iCalendar
/// events, reminders, the C and Python catalogues (`hug_document_kinds_json`,
/// `document_kinds()`) — is derived from this table. Adding a document is one
/// entry here plus its vectors.
macro_rules! documents {
    ($(
        $(#[$doc:meta])*
        $variant:ident {
            id: $id:literal,
            ja: $ja:literal,
            en: $en:literal,
            sources: [$($src:ident),+],
            only_if_returns: $returns:literal,
            release: ($months:literal, $day:literal),
        }
    )+) => {
        /// The documents the 国保連 releases after a claim (guide P25–P26).
        /// Serialised as the snake_case id (`"payment_notice"`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum DocumentKind {
            $($(#[$doc])* $variant,)+
        }

        const ALL_DOCUMENTS: &[DocumentKind] = &[$(DocumentKind::$variant,)+];

        impl DocumentKind {
            /// The stable id used in rulebooks, JSON and UIDs.
            ///
            /// ```
            /// use hug_onboard_core::schedule::DocumentKind;
            /// assert_eq!(DocumentKind::CorrectionNotice.id(), "correction_notice");
            /// ```
            pub fn id(self) -> &'static str {
                match self { $(DocumentKind::$variant => $id,)+ }
            }

            /// The Japanese name, as printed.
            ///
            /// ```
            /// use hug_onboard_core::schedule::DocumentKind;
            /// assert_eq!(DocumentKind::PaymentNotice.name_ja(), "支払決定額通知書");
            /// ```
            pub fn name_ja(self) -> &'static str {
                match self { $(DocumentKind::$variant => $ja,)+ }
            }

            /// The English name.
            ///
            /// ```
            /// use hug_onboard_core::schedule::DocumentKind;
            /// assert_eq!(DocumentKind::ReturnsList.name_en(), "list of returned claims");
            /// ```
            pub fn name_en(self) -> &'static str {
                match self { $(DocumentKind::$variant => $en,)+ }
            }

            /// Where it can be downloaded (guide P25–P26): the portal's 照会一覧 for
            /// all, and 取込送信V2's 請求情報送信履歴 for the returns documents as well.
            ///
            /// ```
            /// use hug_onboard_core::schedule::{DocumentKind, DocumentSource};
            /// assert_eq!(DocumentKind::PaymentNotice.sources(), &[DocumentSource::PortalInquiryList]);
            /// assert_eq!(DocumentKind::ReturnsList.sources().len(), 2);
            /// ```
            pub fn sources(self) -> &'static [DocumentSource] {
                match self { $(DocumentKind::$variant => &[$(DocumentSource::$src),+],)+ }
            }

            /// Whether the guide says it only exists when claims were returned.
            ///
            /// ```
            /// use hug_onboard_core::schedule::DocumentKind;
            /// assert!(DocumentKind::ReturnsList.only_if_returns_by_default());
            /// ```
            pub fn only_if_returns_by_default(self) -> bool {
                match self { $(DocumentKind::$variant => $returns,)+ }
            }

            /// The default release: months after the claim month and day (the guide's).
            ///
            /// ```
            /// use hug_onboard_core::schedule::DocumentKind;
            /// assert_eq!(DocumentKind::PaymentNotice.default_release(), (1, 10));
            /// ```
            pub fn default_release(self) -> (u32, u32) {
                match self { $(DocumentKind::$variant => ($months, $day),)+ }
            }
        }
    };
}

documents! {
    /// 返戻等一覧表: the list of returned claims (only if there were returns).
    ReturnsList {
        id: "returns_list",
        ja: "返戻等一覧表",
        en: "list of returned claims",
        sources: [PortalInquiryList, TransmitHistory],
        only_if_returns: true,
        release: (1, 1),
    }
    /// 支払決定増減表: the adjustments to the payment (only if there were returns).
    PaymentAdjustment {
        id: "payment_adjustment",
        ja: "支払決定増減表",
        en: "payment adjustment statement",
        sources: [PortalInquiryList, TransmitHistory],
        only_if_returns: true,
        release: (1, 1),
    }
    /// 支払決定額通知書: the notice of the amount to be paid.
    PaymentNotice {
        id: "payment_notice",
        ja: "支払決定額通知書",
        en: "payment decision notice",
        sources: [PortalInquiryList],
        only_if_returns: false,
        release: (1, 10),
    }
    /// 支払決定額内訳書: its breakdown.
    PaymentBreakdown {
        id: "payment_breakdown",
        ja: "支払決定額内訳書",
        en: "payment decision breakdown",
        sources: [PortalInquiryList],
        only_if_returns: false,
        release: (1, 10),
    }
    /// 過誤決定通知書: the notice of corrections (過誤) decided.
    CorrectionNotice {
        id: "correction_notice",
        ja: "過誤決定通知書",
        en: "correction decision notice",
        sources: [PortalInquiryList],
        only_if_returns: false,
        release: (1, 10),
    }
}

/// Where a document can be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentSource {
    /// The 電子請求受付システム web portal, menu 照会一覧.
    PortalInquiryList,
    /// The 取込送信V2 client, 請求情報送信履歴.
    TransmitHistory,
}

impl DocumentSource {
    /// The stable id (`"portal_inquiry_list"`).
    ///
    /// ```
    /// use hug_onboard_core::schedule::DocumentSource;
    /// assert_eq!(DocumentSource::TransmitHistory.id(), "transmit_history");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            DocumentSource::PortalInquiryList => "portal_inquiry_list",
            DocumentSource::TransmitHistory => "transmit_history",
        }
    }

    /// Japanese description.
    ///
    /// ```
    /// use hug_onboard_core::schedule::DocumentSource;
    /// assert!(DocumentSource::PortalInquiryList.name_ja().contains("照会一覧"));
    /// ```
    pub fn name_ja(self) -> &'static str {
        match self {
            DocumentSource::PortalInquiryList => "電子請求受付システムの「照会一覧」",
            DocumentSource::TransmitHistory => "取込送信V2の「請求情報送信履歴」",
        }
    }

    /// English description.
    ///
    /// ```
    /// use hug_onboard_core::schedule::DocumentSource;
    /// assert!(DocumentSource::TransmitHistory.name_en().contains("history"));
    /// ```
    pub fn name_en(self) -> &'static str {
        match self {
            DocumentSource::PortalInquiryList => "the e-claim portal, menu 照会一覧 (inquiry list)",
            DocumentSource::TransmitHistory => {
                "the 取込送信V2 client, 請求情報送信履歴 (claim transmission history)"
            }
        }
    }
}

impl DocumentKind {
    /// The documents, in release order of the default rulebook (the table's order).
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::DocumentKind::all().len(), 5);
    /// ```
    pub fn all() -> &'static [DocumentKind] {
        ALL_DOCUMENTS
    }

    /// The document with this id.
    ///
    /// ```
    /// use hug_onboard_core::schedule::DocumentKind;
    /// assert_eq!(DocumentKind::from_id("returns_list"), Some(DocumentKind::ReturnsList));
    /// assert_eq!(DocumentKind::from_id("invoice"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<DocumentKind> {
        ALL_DOCUMENTS.iter().copied().find(|k| k.id() == id)
    }

    /// The ids of every document, comma-separated (for messages).
    pub(crate) fn ids_joined() -> String {
        ALL_DOCUMENTS
            .iter()
            .map(|k| k.id())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The whole table as JSON values, for the C and Python catalogues:
    /// `[{"id","name_ja","name_en","sources":[…],"only_if_returns","months_after_claim","release_day"}]`.
    ///
    /// ```
    /// let t = hug_onboard_core::schedule::DocumentKind::catalogue();
    /// assert_eq!(t[0]["name_ja"], "返戻等一覧表");
    /// ```
    pub fn catalogue() -> Vec<serde_json::Value> {
        ALL_DOCUMENTS
            .iter()
            .map(|k| {
                let (months, day) = k.default_release();
                serde_json::json!({
                    "id": k.id(),
                    "name_ja": k.name_ja(),
                    "name_en": k.name_en(),
                    "sources": k.sources().iter().map(|s| s.id()).collect::<Vec<_>>(),
                    "only_if_returns": k.only_if_returns_by_default(),
                    "months_after_claim": months,
                    "release_day": day,
                })
            })
            .collect()
    }
}

/// A calendar month. Serialised as `"YYYY-MM"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// A month; years 1–9999.
    ///
    /// # Errors
    ///
    /// `schedule.invalid_month` when the month is not 1–12 or the year not 1–9999.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::YearMonth;
    /// assert_eq!(YearMonth::new(2026, 4)?.to_string(), "2026-04");
    /// assert!(YearMonth::new(2026, 13).is_err());
    /// # Ok::<(), hug_onboard_core::schedule::ScheduleError>(())
    /// ```
    pub fn new(year: i32, month: u32) -> Result<YearMonth, ScheduleError> {
        if (1..=12).contains(&month) && (1..=9999).contains(&year) {
            Ok(YearMonth { year, month })
        } else {
            Err(ScheduleError::InvalidMonth {
                input: format!("{year}-{month:02}"),
            })
        }
    }

    /// Parses `"YYYY-MM"` (also `"YYYY/MM"`), surrounding white space ignored.
    ///
    /// # Errors
    ///
    /// `schedule.invalid_month`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::YearMonth;
    /// assert_eq!(YearMonth::parse(" 2026-12 ")?, YearMonth::new(2026, 12)?);
    /// assert!(YearMonth::parse("2026-1x").is_err());
    /// # Ok::<(), hug_onboard_core::schedule::ScheduleError>(())
    /// ```
    pub fn parse(input: &str) -> Result<YearMonth, ScheduleError> {
        let bad = || ScheduleError::InvalidMonth {
            input: input.chars().take(64).collect(),
        };
        let s = input.trim();
        let (y, m) = s
            .split_once('-')
            .or_else(|| s.split_once('/'))
            .ok_or_else(bad)?;
        let digits =
            |t: &str| !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(y) || !digits(m) || m.len() > 2 {
            return Err(bad());
        }
        let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>()) else {
            return Err(bad());
        };
        YearMonth::new(y, m).map_err(|_| bad())
    }

    /// The month containing a day.
    ///
    /// ```
    /// use hug_onboard_core::schedule::YearMonth;
    /// let d = chrono::NaiveDate::from_ymd_opt(2026, 5, 6).unwrap();
    /// assert_eq!(YearMonth::of(d).to_string(), "2026-05");
    /// ```
    pub fn of(day: NaiveDate) -> YearMonth {
        YearMonth {
            year: day.year(),
            month: day.month(),
        }
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::YearMonth::new(2026, 4).unwrap().year(), 2026);
    /// ```
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::YearMonth::new(2026, 4).unwrap().month(), 4);
    /// ```
    pub fn month(self) -> u32 {
        self.month
    }

    /// The month `n` months later (`n` may be negative); `None` outside years 1–9999.
    ///
    /// ```
    /// use hug_onboard_core::schedule::YearMonth;
    /// let m = YearMonth::new(2026, 11)?;
    /// assert_eq!(m.plus(2).unwrap().to_string(), "2027-01");
    /// assert_eq!(m.plus(-11).unwrap().to_string(), "2025-12");
    /// # Ok::<(), hug_onboard_core::schedule::ScheduleError>(())
    /// ```
    pub fn plus(self, n: i64) -> Option<YearMonth> {
        let idx = (i64::from(self.year) * 12 + i64::from(self.month) - 1).checked_add(n)?;
        let year = i32::try_from(idx.div_euclid(12)).ok()?;
        let month = u32::try_from(idx.rem_euclid(12)).ok()? + 1;
        YearMonth::new(year, month).ok()
    }

    /// Months from `self` to `other` (negative if `other` is earlier).
    ///
    /// ```
    /// use hug_onboard_core::schedule::YearMonth;
    /// assert_eq!(YearMonth::new(2026, 11)?.months_until(YearMonth::new(2027, 2)?), 3);
    /// # Ok::<(), hug_onboard_core::schedule::ScheduleError>(())
    /// ```
    pub fn months_until(self, other: YearMonth) -> i64 {
        (i64::from(other.year) * 12 + i64::from(other.month))
            - (i64::from(self.year) * 12 + i64::from(self.month))
    }

    /// The day `day` of this month, or its last day when the month is shorter.
    fn day(self, day: u32) -> Option<NaiveDate> {
        let d = day.clamp(1, 31);
        (0..4).find_map(|back| NaiveDate::from_ymd_opt(self.year, self.month, d - back))
    }

    /// Japanese label `2026年4月`.
    fn label_ja(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = ScheduleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        YearMonth::parse(s)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        YearMonth::parse(&s).map_err(serde::de::Error::custom)
    }
}

crate::diagnostics! {
    /// Why a schedule cannot be computed (the rulebook's problems are [`RulebookError`]).
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum ScheduleError {
        /// Text or numbers that are not a month `YYYY-MM`.
        InvalidMonth {
            /// The input (at most 64 characters of it).
            input: String,
        } => "schedule.invalid_month", InvalidInput, Error,
            "not a month YYYY-MM",
            ja: { format!("「{}」は年月（YYYY-MM）ではありません。", crate::text::readable(input)) },
            en: { format!("\"{}\" is not a month (YYYY-MM).", crate::text::readable(input)) };
        /// Text that is not an instant `YYYY-MM-DDTHH:MM[:SS]`.
        InvalidInstant {
            /// The input (at most 64 characters of it).
            input: String,
        } => "schedule.invalid_instant", InvalidInput, Error,
            "not an instant YYYY-MM-DDTHH:MM[:SS] (JST)",
            ja: { format!("「{}」は日時（YYYY-MM-DDTHH:MM）ではありません。", crate::text::readable(input)) },
            en: { format!("\"{}\" is not a date and time (YYYY-MM-DDTHH:MM).", crate::text::readable(input)) };
        /// A range whose end is before its start.
        InvalidRange {
            /// First month.
            from: YearMonth,
            /// Last month.
            to: YearMonth,
        } => "schedule.invalid_range", InvalidInput, Error,
            "a range of months whose end is before its start",
            ja: "期間の開始 {from} が終了 {to} より後です。",
            en: "The range starts ({from}) after it ends ({to}).";
        /// A range longer than [`MAX_MONTHS`] months.
        RangeTooLong {
            /// The number of months asked for.
            months: i64,
        } => "schedule.range_too_long", InvalidInput, Error,
            "a range of more than 1200 months",
            ja: "{months}か月は長すぎます（最大1200か月）。",
            en: "{months} months is too long (at most 1200).";
        @delegate
        /// A day of the schedule is outside the holiday calendar's range
        /// (code `calendar.out_of_range` and the like, from [`CalendarError`]).
        Calendar {
            /// Why.
            error: CalendarError,
        } => error, ja: { error.message(Lang::Ja) }, en: { error.message(Lang::En) };
    }
}

impl From<CalendarError> for ScheduleError {
    fn from(error: CalendarError) -> Self {
        ScheduleError::Calendar { error }
    }
}

/// The longest range of months one call computes (100 years).
pub const MAX_MONTHS: i64 = 1200;

/// Parses a JST instant `YYYY-MM-DDTHH:MM[:SS]` (a space may replace the
/// `T`), as the vectors and the C and Python faces pass it.
///
/// # Errors
///
/// `schedule.invalid_instant`.
///
/// # Example
///
/// ```
/// use hug_onboard_core::schedule::parse_instant;
/// assert_eq!(parse_instant("2026-05-10T23:59")?.to_string(), "2026-05-10 23:59:00");
/// assert_eq!(parse_instant("2026-05-10 23:59:30")?.to_string(), "2026-05-10 23:59:30");
/// assert!(parse_instant("2026-05-10T24:00").is_err());
/// # Ok::<(), hug_onboard_core::schedule::ScheduleError>(())
/// ```
pub fn parse_instant(input: &str) -> Result<NaiveDateTime, ScheduleError> {
    let s = input.trim();
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .filter(|_| s.len() <= 19)
    .ok_or_else(|| ScheduleError::InvalidInstant {
        input: input.chars().take(64).collect(),
    })
}

/// One document's release in a [`MonthSchedule`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRelease {
    /// Which document.
    pub document: DocumentKind,
    /// The day it can be downloaded from.
    pub date: NaiveDate,
    /// Whether it exists only if claims were returned.
    pub only_if_returns: bool,
    /// Where to get it.
    pub sources: Vec<DocumentSource>,
    /// What its day rests on: sourced, approximate ("about the 6th", 頃) or
    /// the unverified default.
    #[serde(default)]
    pub basis: Basis,
}

/// The payment day in a [`MonthSchedule`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDay {
    /// The rulebook's day (the 15th by default).
    pub nominal: NaiveDate,
    /// The day after the roll (the next business day when the 15th is closed).
    pub date: NaiveDate,
    /// What the day rests on.
    #[serde(default)]
    pub basis: Basis,
}

/// The schedule of one service month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthSchedule {
    /// The rulebook it was computed with.
    pub rulebook_id: String,
    /// The month the services were given (M).
    pub service_month: YearMonth,
    /// The month claims are sent (M+1).
    pub claim_month: YearMonth,
    /// The claim window (JST, `closes` exclusive).
    pub window: ClaimWindow,
    /// Whether the window was extended because its closing day was closed
    /// ([`ClosingDayPolicy::NextBusinessDay`]).
    pub window_extended: bool,
    /// The documents, by release date then kind.
    pub documents: Vec<DocumentRelease>,
    /// The payment.
    pub payment: PaymentDay,
    /// Whether any of its days falls in a year whose holidays are not yet
    /// officially announced ([`YearStatus::Provisional`]).
    pub provisional: bool,
    /// What the window's last day rests on (closing day and its policy).
    #[serde(default)]
    pub window_basis: Basis,
    /// What the window's closing hour rests on.
    #[serde(default)]
    pub closing_time_basis: Basis,
}

impl MonthSchedule {
    /// The release of a document.
    ///
    /// ```
    /// use hug_onboard_core::schedule::{BillingCalendar, DocumentKind, YearMonth};
    /// let s = BillingCalendar::default().schedule(YearMonth::new(2026, 4)?)?;
    /// assert_eq!(s.document(DocumentKind::ReturnsList).unwrap().date.to_string(), "2026-06-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document(&self, kind: DocumentKind) -> Option<&DocumentRelease> {
        self.documents.iter().find(|d| d.document == kind)
    }

    /// Every event of the month, in date order (see [`DayEvent`]).
    ///
    /// ```
    /// use hug_onboard_core::schedule::{BillingCalendar, YearMonth};
    /// let s = BillingCalendar::default().schedule(YearMonth::new(2026, 4)?)?;
    /// assert_eq!(s.events().len(), 8); // opens, last day, 5 documents, payment
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events(&self) -> Vec<DayEvent> {
        let mut v = Vec::with_capacity(8);
        let base = |kind, date, basis| DayEvent {
            kind,
            date,
            service_month: self.service_month,
            document: None,
            only_if_returns: false,
            basis,
        };
        v.push(base(
            EventKind::WindowOpens,
            self.window.opens.date(),
            self.window_basis,
        ));
        v.push(base(
            EventKind::WindowLastDay,
            self.window.last_day(),
            self.window_basis,
        ));
        for d in &self.documents {
            v.push(DayEvent {
                document: Some(d.document),
                only_if_returns: d.only_if_returns,
                ..base(EventKind::DocumentRelease, d.date, d.basis)
            });
        }
        v.push(base(
            EventKind::Payment,
            self.payment.date,
            self.payment.basis,
        ));
        v.sort_by_key(|e| e.date);
        v
    }
}

/// What happens on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The claim window opens.
    WindowOpens,
    /// The last day of the claim window: claims are due.
    WindowLastDay,
    /// A document becomes available.
    DocumentRelease,
    /// The payment arrives.
    Payment,
}

/// One event of a service month's schedule on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayEvent {
    /// What happens.
    pub kind: EventKind,
    /// The day.
    pub date: NaiveDate,
    /// The service month it belongs to.
    pub service_month: YearMonth,
    /// The document, for [`EventKind::DocumentRelease`].
    pub document: Option<DocumentKind>,
    /// Whether the document exists only if claims were returned.
    pub only_if_returns: bool,
    /// What the day rests on; an approximate day is described as "about" (頃).
    #[serde(default)]
    pub basis: Basis,
}

/// `1st`, `2nd`, `3rd`, `4th`, … `11th`, `21st`.
pub(crate) fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl DayEvent {
    /// A one-line description in a language.
    ///
    /// ```
    /// use hug_onboard_core::{Lang, schedule::{BillingCalendar, YearMonth}};
    /// let s = BillingCalendar::default().schedule(YearMonth::new(2026, 4)?)?;
    /// assert_eq!(s.events()[0].describe(Lang::Ja), "2026年4月提供分の請求受付開始");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn describe(&self, lang: Lang) -> String {
        let text = self.describe_plain(lang);
        if self.basis != Basis::Approximate {
            return text;
        }
        match lang {
            Lang::Ja => format!("{text}（{}日頃）", self.date.day()),
            Lang::En => format!("{text} (about the {})", ordinal(self.date.day())),
        }
    }

    fn describe_plain(&self, lang: Lang) -> String {
        let m = self.service_month;
        match (self.kind, lang) {
            (EventKind::WindowOpens, Lang::Ja) => format!("{}提供分の請求受付開始", m.label_ja()),
            (EventKind::WindowOpens, Lang::En) => {
                format!("Claim window opens for services of {m}")
            }
            (EventKind::WindowLastDay, Lang::Ja) => {
                format!("{}提供分の請求締切日", m.label_ja())
            }
            (EventKind::WindowLastDay, Lang::En) => {
                format!("Last day to send claims for services of {m}")
            }
            (EventKind::DocumentRelease, lang) => {
                let doc = self.document.unwrap_or(DocumentKind::PaymentNotice);
                match (lang, self.only_if_returns) {
                    (Lang::Ja, false) => {
                        format!("{}公開（{}提供分）", doc.name_ja(), m.label_ja())
                    }
                    (Lang::Ja, true) => format!(
                        "{}公開・返戻があれば（{}提供分）",
                        doc.name_ja(),
                        m.label_ja()
                    ),
                    (Lang::En, false) => {
                        format!("The {} is available (services of {m})", doc.name_en())
                    }
                    (Lang::En, true) => format!(
                        "The {} is available if claims were returned (services of {m})",
                        doc.name_en()
                    ),
                }
            }
            (EventKind::Payment, Lang::Ja) => format!("{}提供分の支払日", m.label_ja()),
            (EventKind::Payment, Lang::En) => format!("Payment day for services of {m}"),
        }
    }
}

/// The next claim deadline from an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The service month whose claims are due.
    pub service_month: YearMonth,
    /// Its claim window.
    pub window: ClaimWindow,
    /// Whether the window is open at the instant asked about.
    pub open_now: bool,
}

/// A [`Rulebook`] with the holiday calendar: the full billing calendar.
///
/// It implements [`ClaimCalendar`] (for the certificate planner): outside
/// the holiday calendar's range (before 1948-07-20 or after 2099) it falls
/// back to [`WeekendCalendar`]'s answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingCalendar {
    /// The schedule's rules.
    pub rulebook: Rulebook,
    /// Holidays, closures and the last announced year.
    pub calendar: JapaneseCalendar,
}

impl BillingCalendar {
    /// A billing calendar with a rulebook and the default holiday calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::{BillingCalendar, Rulebook};
    /// let cal = BillingCalendar::new(Rulebook::from_toml("id = \"tottori\"")?);
    /// assert_eq!(cal.rulebook.id(), "tottori");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(rulebook: Rulebook) -> BillingCalendar {
        BillingCalendar {
            rulebook,
            calendar: JapaneseCalendar::default(),
        }
    }

    /// The billing calendar of the facility's own 国保連 (its rulebook from the
    /// registry) with the default holiday calendar.
    ///
    /// # Errors
    ///
    /// Those of [`Rulebook::registry`].
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::{facility::FacilityNumber, schedule::{BillingCalendar, YearMonth}};
    /// let cal = BillingCalendar::for_facility(&FacilityNumber::parse("2612345678")?)?;
    /// // services of 2026-06: payment on 2026-08-15, a Saturday: Kyoto pays the Friday before
    /// assert_eq!(cal.schedule(YearMonth::new(2026, 6)?)?.payment.date.to_string(), "2026-08-14");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_facility(
        facility: &crate::facility::FacilityNumber,
    ) -> Result<BillingCalendar, Problems<RulebookError>> {
        Ok(BillingCalendar::new(
            Rulebook::for_facility(facility)?.clone(),
        ))
    }

    fn roll(&self, day: NaiveDate, roll: Roll) -> Result<NaiveDate, CalendarError> {
        match roll {
            Roll::None => Ok(day),
            Roll::NextBusinessDay => self.calendar.roll_forward(day),
            Roll::PreviousBusinessDay => self.calendar.roll_backward(day),
        }
    }

    fn window_of_claim_month(
        &self,
        claim: YearMonth,
    ) -> Result<(ClaimWindow, bool), ScheduleError> {
        let w = self.rulebook.window();
        let at = |day: NaiveDate, t: TimeOfDay| {
            day.and_time(NaiveTime::MIN) + chrono::Duration::minutes(i64::from(t.minutes()))
        };
        let bad = || ScheduleError::InvalidMonth {
            input: claim.to_string(),
        };
        let open_day = claim.day(w.opening_day).ok_or_else(bad)?;
        let mut close_day = claim.day(w.closing_day).ok_or_else(bad)?;
        let mut extended = false;
        if w.closing_day_policy == ClosingDayPolicy::NextBusinessDay
            && !self.calendar.is_business_day(close_day)?
        {
            let next = self.calendar.next_business_day(close_day)?;
            if YearMonth::of(next) == claim {
                close_day = next;
                extended = true;
            }
        }
        // Days before 1948-07-20 or after 2099 are refused even without a roll.
        self.calendar.is_business_day(open_day)?;
        self.calendar.is_business_day(close_day)?;
        Ok((
            ClaimWindow {
                opens: at(open_day, w.opening_time),
                closes: at(close_day, w.closing_time),
            },
            extended,
        ))
    }

    /// The schedule of a service month.
    ///
    /// # Errors
    ///
    /// `calendar.out_of_range` when a day of it falls outside 1948-07-20 –
    /// 2099-12-31 (`calendar.no_business_day` if closures close a whole year).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::{BillingCalendar, YearMonth};
    /// let s = BillingCalendar::default().schedule(YearMonth::parse("2026-03")?)?;
    /// // claim month April, documents and payment in May: 5/15 is a Friday
    /// assert_eq!(s.payment.date.to_string(), "2026-05-15");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule(&self, service_month: YearMonth) -> Result<MonthSchedule, ScheduleError> {
        let out = |_| ScheduleError::Calendar {
            error: CalendarError::YearOutOfRange {
                year: service_month.year(),
            },
        };
        let claim = service_month.plus(1).ok_or(()).map_err(out)?;
        let (window, window_extended) = self.window_of_claim_month(claim)?;
        let mut documents = Vec::with_capacity(DocumentKind::all().len());
        for kind in DocumentKind::all() {
            let r = self.rulebook.document(*kind);
            let month = claim
                .plus(i64::from(r.months_after_claim))
                .ok_or(())
                .map_err(out)?;
            let nominal = month.day(r.release_day).ok_or(()).map_err(out)?;
            documents.push(DocumentRelease {
                document: *kind,
                date: self.roll(nominal, r.roll)?,
                only_if_returns: r.only_if_returns,
                sources: kind.sources().to_vec(),
                basis: self.rulebook.document_basis(*kind),
            });
        }
        documents.sort_by_key(|d| (d.date, d.document));
        let p = self.rulebook.payment();
        let pay_month = claim
            .plus(i64::from(p.months_after_claim))
            .ok_or(())
            .map_err(out)?;
        let nominal = pay_month.day(p.day).ok_or(()).map_err(out)?;
        let payment = PaymentDay {
            nominal,
            date: self.roll(nominal, p.roll)?,
            basis: self.rulebook.payment_basis(),
        };
        let mut provisional = false;
        for d in [window.opens.date(), payment.date] {
            provisional |= self.calendar.year_status(d.year())? == YearStatus::Provisional;
        }
        Ok(MonthSchedule {
            rulebook_id: self.rulebook.id().to_owned(),
            service_month,
            claim_month: claim,
            window,
            window_extended,
            documents,
            payment,
            provisional,
            window_basis: self.rulebook.window_last_day_basis(),
            closing_time_basis: self.rulebook.closing_time_basis(),
        })
    }

    /// The schedules of the service months `from` to `to` inclusive.
    ///
    /// # Errors
    ///
    /// `schedule.invalid_range` when `to` is before `from`,
    /// `schedule.range_too_long` past [`MAX_MONTHS`], and those of
    /// [`schedule`](Self::schedule).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::{BillingCalendar, YearMonth};
    /// let v = BillingCalendar::default().schedules(YearMonth::parse("2026-01")?, YearMonth::parse("2026-12")?)?;
    /// assert_eq!(v.len(), 12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedules(
        &self,
        from: YearMonth,
        to: YearMonth,
    ) -> Result<Vec<MonthSchedule>, ScheduleError> {
        let n = from.months_until(to);
        if n < 0 {
            return Err(ScheduleError::InvalidRange { from, to });
        }
        if n >= MAX_MONTHS {
            return Err(ScheduleError::RangeTooLong { months: n + 1 });
        }
        (0..=n)
            .filter_map(|i| from.plus(i))
            .map(|m| self.schedule(m))
            .collect()
    }

    /// The service months whose schedule can touch a day (its window, documents
    /// or payment): the few months before the day's month.
    fn schedules_around(&self, day: NaiveDate) -> Vec<MonthSchedule> {
        let m = YearMonth::of(day);
        (-5..=0)
            .filter_map(|i| m.plus(i))
            .filter_map(|s| self.schedule(s).ok())
            .collect()
    }

    /// Everything that happens on a day: windows opening, claims due,
    /// documents released, payments — for every service month.
    ///
    /// # Errors
    ///
    /// `calendar.out_of_range` outside the holiday calendar's range.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::{BillingCalendar, EventKind};
    /// use hug_onboard_core::calendar::parse_date;
    /// let ev = BillingCalendar::default().events_on(parse_date("2026-06-10")?)?;
    /// // the claim deadline for May, and the three documents for April
    /// assert_eq!(ev.iter().filter(|e| e.kind == EventKind::WindowLastDay).count(), 1);
    /// assert_eq!(ev.iter().filter(|e| e.kind == EventKind::DocumentRelease).count(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events_on(&self, day: NaiveDate) -> Result<Vec<DayEvent>, ScheduleError> {
        self.calendar.is_business_day(day)?;
        let mut v: Vec<DayEvent> = self
            .schedules_around(day)
            .iter()
            .flat_map(MonthSchedule::events)
            .filter(|e| e.date == day)
            .collect();
        v.sort_by_key(|e| (e.kind, e.service_month, e.document));
        Ok(v)
    }

    /// The claim window open at an instant (JST), with its service month.
    ///
    /// # Errors
    ///
    /// `calendar.out_of_range` outside the holiday calendar's range.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::BillingCalendar;
    /// use hug_onboard_core::calendar::parse_date;
    /// let cal = BillingCalendar::default();
    /// let t = parse_date("2026-05-10")?.and_hms_opt(23, 59, 0).unwrap();
    /// assert_eq!(cal.window_at(t)?.unwrap().0.to_string(), "2026-04");
    /// let t = parse_date("2026-05-11")?.and_hms_opt(0, 0, 0).unwrap();
    /// assert!(cal.window_at(t)?.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn window_at(
        &self,
        at: NaiveDateTime,
    ) -> Result<Option<(YearMonth, ClaimWindow)>, ScheduleError> {
        self.calendar.is_business_day(at.date())?;
        Ok(self
            .schedules_around(at.date())
            .into_iter()
            .find(|s| s.window.contains(at))
            .map(|s| (s.service_month, s.window)))
    }

    /// Whether a claim window is open at an instant (JST).
    ///
    /// # Errors
    ///
    /// `calendar.out_of_range` outside the holiday calendar's range.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::BillingCalendar;
    /// use hug_onboard_core::calendar::parse_date;
    /// let t = parse_date("2026-05-01")?.and_hms_opt(0, 0, 0).unwrap();
    /// assert!(BillingCalendar::default().is_window_open(t)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_window_open(&self, at: NaiveDateTime) -> Result<bool, ScheduleError> {
        Ok(self.window_at(at)?.is_some())
    }

    /// The next claim deadline after an instant (JST): the window that is open
    /// at `at`, or else the next one to open.
    ///
    /// # Errors
    ///
    /// `calendar.out_of_range` outside the holiday calendar's range.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::BillingCalendar;
    /// use hug_onboard_core::calendar::parse_date;
    /// let t = parse_date("2026-05-20")?.and_hms_opt(9, 0, 0).unwrap();
    /// let d = BillingCalendar::default().next_deadline(t)?;
    /// assert_eq!(d.service_month.to_string(), "2026-05");
    /// assert_eq!(d.window.closes.to_string(), "2026-06-11 00:00:00");
    /// assert!(!d.open_now);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_deadline(&self, at: NaiveDateTime) -> Result<Deadline, ScheduleError> {
        self.calendar.is_business_day(at.date())?;
        let m = YearMonth::of(at.date());
        for i in -2..=2 {
            let Some(service) = m.plus(i) else { continue };
            let s = self.schedule(service)?;
            if at < s.window.closes {
                return Ok(Deadline {
                    service_month: service,
                    window: s.window,
                    open_now: s.window.contains(at),
                });
            }
        }
        Err(ScheduleError::Calendar {
            error: CalendarError::OutOfRange { day: at.date() },
        })
    }
}

impl ClaimCalendar for BillingCalendar {
    fn claim_window(&self, year: i32, month: u32) -> ClaimWindow {
        YearMonth::new(year, month)
            .ok()
            .and_then(|claim| self.window_of_claim_month(claim).ok())
            .map_or_else(|| WeekendCalendar.claim_window(year, month), |(w, _)| w)
    }

    fn is_business_day(&self, day: NaiveDate) -> bool {
        self.calendar
            .is_business_day(day)
            .unwrap_or_else(|_| WeekendCalendar.is_business_day(day))
    }
}

/// Reads a rulebook and builds the billing calendar in one step (JSON).
///
/// # Errors
///
/// Every problem of the rulebook (see [`Rulebook::from_json`]).
///
/// # Example
///
/// ```
/// let cal = hug_onboard_core::schedule::billing_calendar_from_json("{}")?;
/// assert_eq!(cal.rulebook.id(), "default");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn billing_calendar_from_json(
    rulebook_json: &str,
) -> Result<BillingCalendar, Problems<RulebookError>> {
    Ok(BillingCalendar::new(Rulebook::from_json(rulebook_json)?))
}

#[cfg(test)]
mod tests;
