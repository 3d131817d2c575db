//! The [`Rulebook`]: every day of the billing schedule as data, overridable per 国保連.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostic::{Lang, Problems};
use crate::facility::Prefecture;
use crate::json_reason::DataReason;
use crate::rules::CertificateRules;

use super::DocumentKind;

/// A wall-clock time of day in JST, `00:00` to `24:00` inclusive (`24:00` is
/// the end of the day, i.e. the next day's `00:00`). Serialised as `"HH:MM"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    minutes: u16,
}

impl TimeOfDay {
    /// `00:00`, the start of the day.
    pub const START_OF_DAY: TimeOfDay = TimeOfDay { minutes: 0 };
    /// `24:00`, the end of the day.
    pub const END_OF_DAY: TimeOfDay = TimeOfDay { minutes: 24 * 60 };

    /// A time from hours and minutes; `None` unless `00:00 ≤ time ≤ 24:00`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::TimeOfDay;
    /// assert_eq!(TimeOfDay::new(18, 0).unwrap().to_string(), "18:00");
    /// assert!(TimeOfDay::new(24, 1).is_none());
    /// ```
    pub fn new(hours: u32, minutes: u32) -> Option<TimeOfDay> {
        if minutes >= 60 || hours > 24 || (hours == 24 && minutes > 0) {
            return None;
        }
        Some(TimeOfDay {
            minutes: (hours * 60 + minutes) as u16,
        })
    }

    /// Parses `"HH:MM"` (or `"H:MM"`), `00:00` to `24:00`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::TimeOfDay;
    /// assert_eq!(TimeOfDay::parse("24:00"), Some(TimeOfDay::END_OF_DAY));
    /// assert_eq!(TimeOfDay::parse("25:00"), None);
    /// ```
    pub fn parse(s: &str) -> Option<TimeOfDay> {
        let (h, m) = s.trim().split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        TimeOfDay::new(h.parse().ok()?, m.parse().ok()?)
    }

    /// Minutes since midnight, 0–1440.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::TimeOfDay::END_OF_DAY.minutes(), 1440);
    /// ```
    pub fn minutes(self) -> u32 {
        u32::from(self.minutes)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        TimeOfDay::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not a time HH:MM")))
    }
}

/// What happens to the window when its closing day is not a business day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosingDayPolicy {
    /// Nothing: the window closes on the closing day all the same (default).
    #[default]
    None,
    /// The window closes at the closing time of the next business day (Nara
    /// City's "next day"), as long as that day is still in the claim month.
    NextBusinessDay,
}

/// How a date that falls on a closed day moves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Roll {
    /// It does not move.
    #[default]
    None,
    /// To the next business day.
    NextBusinessDay,
    /// To the previous business day.
    PreviousBusinessDay,
}

/// The claim window: when claims for a service month can be sent, in the
/// claim month (the month after). Days larger than the month's length mean
/// its last day. (S), (U): confidence, see the
/// [domain rules](crate::_documentation::domain#legend).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowRule {
    /// Day of the claim month the window opens: 1 (S).
    pub opening_day: u32,
    /// Time it opens: 00:00 JST.
    pub opening_time: TimeOfDay,
    /// Day of the claim month the window closes: 10 (S).
    pub closing_day: u32,
    /// Time it closes (exclusive): 24:00 JST by default (U: 24:00 in Tottori,
    /// 18:00 in Nagasaki).
    pub closing_time: TimeOfDay,
    /// What happens when the closing day is not a business day (U).
    pub closing_day_policy: ClosingDayPolicy,
}

impl Default for WindowRule {
    fn default() -> Self {
        WindowRule {
            opening_day: 1,
            opening_time: TimeOfDay::START_OF_DAY,
            closing_day: 10,
            closing_time: TimeOfDay::END_OF_DAY,
            closing_day_policy: ClosingDayPolicy::None,
        }
    }
}

/// When one document is released.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    /// Months after the claim month: 1 (the month after the claim month, M+2).
    pub months_after_claim: u32,
    /// Day of that month (1–31; past the month's end means its last day).
    pub release_day: u32,
    /// Whether the document only exists when claims were returned.
    pub only_if_returns: bool,
    /// Whether the release day moves off closed days: none by default (the
    /// guide gives fixed days).
    pub roll: Roll,
}

/// When the payment arrives. (S): confidence, see the
/// [domain rules](crate::_documentation::domain#legend).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentRule {
    /// Months after the claim month: 1.
    pub months_after_claim: u32,
    /// Day of that month: 15 (S, several 国保連).
    pub day: u32,
    /// Roll when the day is closed: next business day (S).
    pub roll: Roll,
}

impl Default for PaymentRule {
    fn default() -> Self {
        PaymentRule {
            months_after_claim: 1,
            day: 15,
            roll: Roll::NextBusinessDay,
        }
    }
}

/// How exact a sourced rule is: what the 国保連's own page says about its 障害
/// claims. Statements about 介護 or from a city's page are never applied: they
/// are kept as [`Note`]s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The page states it.
    Stated,
    /// The page says "about" (頃): the day is shown as "about the 6th" (6日頃).
    Approximate,
}

/// Where one field of a rulebook comes from: the page and how exact it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// How exact the statement is.
    pub kind: SourceKind,
    /// The page (`http://` or `https://`).
    pub url: String,
    /// A caveat (e.g. "old page", "written for municipalities").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What kind of statement a [`Note`] records: one that is not the 国保連's
/// rule for 障害 claims, so it is recorded but never applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A page about 介護 claims (a different system), not 障害.
    AboutKaigo,
    /// A city's page: that city's rule or its reading, not the 国保連's.
    MunicipalPage,
    /// A prefecture's page, not the 国保連's.
    PrefecturePage,
    /// The 国保連's page, but with wording that is visibly out of date.
    OldPage,
    /// The 国保連 states it, but not as a day the rulebook can hold ("at the
    /// start of the month", "around the end of the claim month").
    NotADay,
}

impl NoteKind {
    /// Japanese label.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::NoteKind::AboutKaigo.label(hug_onboard_core::Lang::Ja), "介護についての記載（障害には適用しない）");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NoteKind::AboutKaigo, Lang::Ja) => "介護についての記載（障害には適用しない）",
            (NoteKind::AboutKaigo, Lang::En) => "about 介護 only (not applied to 障害)",
            (NoteKind::MunicipalPage, Lang::Ja) => "市町村のページ（国保連の規則ではない）",
            (NoteKind::MunicipalPage, Lang::En) => "municipal page (not the 国保連's rule)",
            (NoteKind::PrefecturePage, Lang::Ja) => "都道府県のページ（国保連の規則ではない）",
            (NoteKind::PrefecturePage, Lang::En) => "prefecture page (not the 国保連's rule)",
            (NoteKind::OldPage, Lang::Ja) => "古い記載（適用しない）",
            (NoteKind::OldPage, Lang::En) => "old wording (not applied)",
            (NoteKind::NotADay, Lang::Ja) => "日付として扱えない記載（適用しない）",
            (NoteKind::NotADay, Lang::En) => "stated without a usable day (not applied)",
        }
    }
}

/// A statement found about a 国保連 that is recorded but not applied
/// (about 介護, a city's page, old wording).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// What kind of statement it is.
    pub kind: NoteKind,
    /// The rulebook field it is about, if any (e.g. `window.closing_time`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The page.
    pub url: String,
    /// What it says.
    pub text: String,
}

/// What a computed date rests on. Ordered from the best to the worst basis:
/// the basis of a date that depends on several fields is the worst of theirs.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Every rule it rests on is stated by the 国保連 (a source with a URL).
    Sourced,
    /// A rule it rests on is stated as "about" (頃).
    Approximate,
    /// A rule it rests on is the default, not confirmed for this 国保連.
    #[default]
    Unverified,
}

impl Basis {
    /// A short label: `出典あり` / `頃` / `既定値（未確認）`.
    ///
    /// ```
    /// use hug_onboard_core::{Lang, schedule::Basis};
    /// assert_eq!(Basis::Unverified.label(Lang::Ja), "既定値（未確認）");
    /// assert_eq!(Basis::Approximate.label(Lang::En), "approximate (about)");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Basis::Sourced, Lang::Ja) => "出典あり",
            (Basis::Sourced, Lang::En) => "sourced",
            (Basis::Approximate, Lang::Ja) => "頃（出典あり・概日）",
            (Basis::Approximate, Lang::En) => "approximate (about)",
            (Basis::Unverified, Lang::Ja) => "既定値（未確認）",
            (Basis::Unverified, Lang::En) => "default (unverified)",
        }
    }

    /// The stable id: `"sourced"`, `"approximate"`, `"unverified"`.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::Basis::Sourced.id(), "sourced");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Basis::Sourced => "sourced",
            Basis::Approximate => "approximate",
            Basis::Unverified => "unverified",
        }
    }
}

/// The schedule's data for one 国保連: claim window, document releases,
/// payment, certificate rules. Defaults are the guide's (sources and confidence:
/// [the monthly cycle](crate::_documentation::domain#the-monthly-cycle-guide-p25p26)): window
/// 1st 00:00 – 10th 24:00 JST of the claim month, 返戻等一覧表 and 支払決定増減表
/// on the 1st and the three decision documents on the 10th of the month after
/// the claim month, payment on its 15th rolled to the next business day.
///
/// A `Rulebook` that exists is valid: it is built by [`Rulebook::default`],
/// [`Rulebook::from_json`], [`Rulebook::from_toml`] or deserialised, and every
/// one of those validates. Files override only what they name; the rest keeps
/// the default.
///
/// # Example
///
/// ```
/// use hug_onboard_core::schedule::{DocumentKind, Rulebook};
///
/// let r = Rulebook::from_toml(r#"
///     id = "nagano"
///     [documents.payment_notice]
///     release_day = 6
/// "#)?;
/// assert_eq!(r.document(DocumentKind::PaymentNotice).release_day, 6);
/// assert_eq!(r.window().closing_day, 10); // unchanged default
///
/// let err = Rulebook::from_json(r#"{"window": {"opening_day": 0, "closing_day": 32}}"#).unwrap_err();
/// assert_eq!(err.codes(), ["rulebook.day_out_of_range", "rulebook.day_out_of_range"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rulebook {
    id: String,
    name_ja: String,
    name_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    prefecture: Option<String>,
    window: WindowRule,
    documents: BTreeMap<DocumentKind, DocumentRule>,
    payment: PaymentRule,
    certificate: CertificateRules,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    sources: BTreeMap<String, Source>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<Note>,
}

fn default_document(k: DocumentKind) -> DocumentRule {
    let (months_after_claim, release_day) = k.default_release();
    DocumentRule {
        months_after_claim,
        release_day,
        only_if_returns: k.only_if_returns_by_default(),
        roll: Roll::None,
    }
}

fn default_documents() -> BTreeMap<DocumentKind, DocumentRule> {
    DocumentKind::all()
        .iter()
        .map(|k| (*k, default_document(*k)))
        .collect()
}

impl Default for Rulebook {
    fn default() -> Self {
        Rulebook {
            id: "default".into(),
            name_ja: "標準（HUGガイドの日程）".into(),
            name_en: "Default (the HUG guide's schedule)".into(),
            prefecture: None,
            window: WindowRule::default(),
            documents: default_documents(),
            payment: PaymentRule::default(),
            certificate: CertificateRules::default(),
            sources: BTreeMap::new(),
            notes: Vec::new(),
        }
    }
}

crate::diagnostics! {
    /// Why a rulebook is refused. Validation reports every problem at once.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum RulebookError {
        /// The file is not valid JSON/TOML or has a field of the wrong type or an unknown field.
        Syntax {
            /// `"json"` or `"toml"`.
            format: &'static str,
            /// Why, in both languages (a field's name and a position, never a value).
            reason: crate::json_reason::DataReason,
        } => "rulebook.syntax", InvalidData, Error,
            "rulebook file is not valid JSON/TOML, or has a wrong type or an unknown field",
            ja: { format!("ルールブック（{format}）を読めません: {}", reason.message(Lang::Ja)) },
            en: { format!("The rulebook ({format}) cannot be read: {}", reason.message(Lang::En)) };
        /// The id is not 1–64 characters of `a-z`, `0-9`, `_`, `-`.
        InvalidId {
            /// The id (at most 64 characters of it).
            id: String,
        } => "rulebook.invalid_id", InvalidInput, Error,
            "rulebook id is not 1-64 characters of a-z 0-9 _ -",
            ja: { format!("ルールブックのID「{}」は半角英小文字・数字・_・- の1〜64文字にしてください。", crate::text::readable(id)) },
            en: { format!("The rulebook id \"{}\" must be 1-64 characters of a-z, 0-9, _ and -.", crate::text::readable(id)) };
        /// A day of the month outside 1–31.
        DayOutOfRange {
            /// The field, e.g. `window.closing_day`.
            field: String,
            /// The value given.
            value: i64,
        } => "rulebook.day_out_of_range", InvalidInput, Error,
            "a day of the month outside 1-31",
            ja: "{field} の日付 {value} は1〜31日ではありません。",
            en: "{field} = {value} is not a day of the month (1-31).";
        /// A time that is not `HH:MM` between 00:00 and 24:00.
        InvalidTime {
            /// The field.
            field: String,
            /// The value given (at most 64 characters of it).
            value: String,
        } => "rulebook.invalid_time", InvalidInput, Error,
            "a time that is not HH:MM between 00:00 and 24:00",
            ja: { format!("{field} の時刻「{}」は 00:00〜24:00 の HH:MM ではありません。", crate::text::readable(value)) },
            en: { format!("{field} = \"{}\" is not a time HH:MM between 00:00 and 24:00.", crate::text::readable(value)) };
        /// The window closes before (or when) it opens.
        ClosingBeforeOpening {
            /// Opening, `day HH:MM`.
            opening: String,
            /// Closing, `day HH:MM`.
            closing: String,
        } => "rulebook.closing_before_opening", InvalidInput, Error,
            "the claim window closes before it opens",
            ja: "請求期間の締切 window.closing_day / window.closing_time（{closing}）が開始 window.opening_day / window.opening_time（{opening}）より前になっています。",
            en: "The claim window closes (window.closing_day / window.closing_time = {closing}) before it opens (window.opening_day / window.opening_time = {opening}).";
        /// A document name that is not one of the documents ([`DocumentKind`]).
        UnknownDocument {
            /// The name given (at most 64 characters of it).
            name: String,
        } => "rulebook.unknown_document", InvalidInput, Error,
            "a document that is not one of the 国保連 documents",
            ja: { format!("帳票「{}」は不明です（{} のいずれか）。", crate::text::readable(name), DocumentKind::ids_joined()) },
            en: { format!("Unknown document \"{}\" (expected one of {}).", crate::text::readable(name), DocumentKind::ids_joined()) };
        /// A month offset outside 1–3.
        MonthOffsetOutOfRange {
            /// The field.
            field: String,
            /// The value given.
            value: i64,
        } => "rulebook.month_offset_out_of_range", InvalidInput, Error,
            "months after the claim month outside 1-3",
            ja: "{field} の月数 {value} は1〜3ではありません。",
            en: "{field} = {value} is not 1-3 months after the claim month.";
        /// The payment day comes before a document's release day.
        PaymentBeforeRelease {
            /// The document's id.
            document: &'static str,
        } => "rulebook.payment_before_release", InvalidInput, Error,
            "the payment day comes before a document's release",
            ja: { format!(
                "支払日が{}の公開日より前になっています。",
                DocumentKind::from_id(document).map_or(*document, |d| d.name_ja())
            ) },
            en: { format!(
                "The payment day comes before the release of the {}.",
                DocumentKind::from_id(document).map_or(*document, |d| d.name_en())
            ) };
        /// A value that is out of its range (e.g. a certificate validity of 0 years).
        InvalidValue {
            /// The field.
            field: String,
            /// The value given.
            value: i64,
        } => "rulebook.invalid_value", InvalidInput, Error,
            "a numeric value out of its range",
            ja: "{field} の値 {value} は範囲外です。",
            en: "{field} = {value} is out of range.";
        // --- added for the per-国保連 registry (issue 13) ---
        /// A prefecture code that is not `01`–`47`.
        UnknownPrefecture {
            /// The code given (at most 64 characters of it).
            code: String,
        } => "rulebook.unknown_prefecture", InvalidInput, Error,
            "a prefecture code that is not 01-47",
            ja: { format!("都道府県コード「{}」は01〜47ではありません。", crate::text::readable(code)) },
            en: { format!("\"{}\" is not a prefecture code (01-47).", crate::text::readable(code)) };
        /// A source or note names a field that no rulebook has.
        UnknownField {
            /// The field named (at most 64 characters of it).
            field: String,
        } => "rulebook.unknown_field", InvalidInput, Error,
            "a source or note names a field that no rulebook has",
            ja: { format!("「{}」というルールブックの項目はありません。", crate::text::readable(field)) },
            en: { format!("\"{}\" is not a field of a rulebook.", crate::text::readable(field)) };
        /// A source or note without an `http://` or `https://` URL.
        SourceWithoutUrl {
            /// The field whose source it is.
            field: String,
        } => "rulebook.source_without_url", InvalidInput, Error,
            "a rule's source has no http(s) URL",
            ja: "{field} の出典に http(s) のURLがありません。",
            en: "The source of {field} has no http(s) URL.";
        /// A registry file whose name and `prefecture` disagree, or that names none.
        PrefectureMismatch {
            /// The file.
            file: String,
            /// What the file declares (empty if nothing).
            declared: String,
        } => "rulebook.prefecture_mismatch", InvalidData, Error,
            "a registry file's name and its prefecture disagree",
            ja: { format!("ファイル {file} の都道府県コード（prefecture = \"{}\"）がファイル名と一致しません。", crate::text::readable(declared)) },
            en: { format!("File {file} declares prefecture \"{}\", which does not match its name.", crate::text::readable(declared)) };
        @delegate
        /// A problem in a named rulebook file: the code, kind and severity are
        /// the problem's own, the message names the file.
        InFile {
            /// The file name (e.g. `26-kyoto.toml`).
            file: String,
            /// The problem.
            problem: Box<RulebookError>,
        } => problem, ja: { format!("{file}: {}", problem.message(Lang::Ja)) },
            en: { format!("{file}: {}", problem.message(Lang::En)) };
    }
}

// --- the loose form files are read into, so that every problem is reported ---

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRulebook {
    id: Option<String>,
    name_ja: Option<String>,
    name_en: Option<String>,
    prefecture: Option<String>,
    #[serde(default)]
    sources: BTreeMap<String, Source>,
    #[serde(default)]
    notes: Vec<Note>,
    #[serde(default)]
    window: RawWindow,
    #[serde(default)]
    documents: BTreeMap<String, RawDocument>,
    #[serde(default)]
    payment: RawPayment,
    certificate: Option<CertificateRules>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWindow {
    opening_day: Option<i64>,
    opening_time: Option<String>,
    closing_day: Option<i64>,
    closing_time: Option<String>,
    closing_day_policy: Option<ClosingDayPolicy>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    months_after_claim: Option<i64>,
    release_day: Option<i64>,
    only_if_returns: Option<bool>,
    roll: Option<Roll>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPayment {
    months_after_claim: Option<i64>,
    day: Option<i64>,
    roll: Option<Roll>,
}

fn is_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

fn clip(s: &str) -> String {
    s.chars().take(64).collect()
}

fn day(problems: &mut Vec<RulebookError>, field: &str, v: Option<i64>, default: u32) -> u32 {
    match v {
        None => default,
        Some(v @ 1..=31) => v as u32,
        Some(v) => {
            problems.push(RulebookError::DayOutOfRange {
                field: field.into(),
                value: v,
            });
            default
        }
    }
}

fn months(problems: &mut Vec<RulebookError>, field: &str, v: Option<i64>, default: u32) -> u32 {
    match v {
        None => default,
        Some(v @ 1..=3) => v as u32,
        Some(v) => {
            problems.push(RulebookError::MonthOffsetOutOfRange {
                field: field.into(),
                value: v,
            });
            default
        }
    }
}

fn time(
    problems: &mut Vec<RulebookError>,
    field: &str,
    v: Option<&str>,
    default: TimeOfDay,
) -> TimeOfDay {
    match v {
        None => default,
        Some(s) => TimeOfDay::parse(s).unwrap_or_else(|| {
            problems.push(RulebookError::InvalidTime {
                field: field.into(),
                value: clip(s),
            });
            default
        }),
    }
}

impl RawRulebook {
    fn build(self) -> Result<Rulebook, Problems<RulebookError>> {
        let mut p = Vec::new();
        let d = Rulebook::default();
        let id = self.id.unwrap_or(d.id);
        let w = &self.window;
        let window = WindowRule {
            opening_day: day(&mut p, "window.opening_day", w.opening_day, 1),
            opening_time: time(
                &mut p,
                "window.opening_time",
                w.opening_time.as_deref(),
                TimeOfDay::START_OF_DAY,
            ),
            closing_day: day(&mut p, "window.closing_day", w.closing_day, 10),
            closing_time: time(
                &mut p,
                "window.closing_time",
                w.closing_time.as_deref(),
                TimeOfDay::END_OF_DAY,
            ),
            closing_day_policy: w.closing_day_policy.unwrap_or_default(),
        };
        let mut documents = d.documents;
        for (name, raw) in &self.documents {
            let Some(kind) = DocumentKind::from_id(name.trim()) else {
                p.push(RulebookError::UnknownDocument { name: clip(name) });
                continue;
            };
            let Some(rule) = documents.get_mut(&kind) else {
                continue;
            };
            let f = |x: &str| format!("documents.{}.{x}", kind.id());
            rule.months_after_claim = months(
                &mut p,
                &f("months_after_claim"),
                raw.months_after_claim,
                rule.months_after_claim,
            );
            rule.release_day = day(&mut p, &f("release_day"), raw.release_day, rule.release_day);
            rule.only_if_returns = raw.only_if_returns.unwrap_or(rule.only_if_returns);
            rule.roll = raw.roll.unwrap_or(rule.roll);
        }
        let payment = PaymentRule {
            months_after_claim: months(
                &mut p,
                "payment.months_after_claim",
                self.payment.months_after_claim,
                1,
            ),
            day: day(&mut p, "payment.day", self.payment.day, 15),
            roll: self.payment.roll.unwrap_or(Roll::NextBusinessDay),
        };
        let prefecture = match self.prefecture {
            None => None,
            Some(code) => match Prefecture::from_code(code.trim()) {
                Some(p) => Some(p.code()),
                None => {
                    p.push(RulebookError::UnknownPrefecture { code: clip(&code) });
                    None
                }
            },
        };
        let fields = Rulebook::field_paths();
        for (field, source) in &self.sources {
            if !fields.iter().any(|f| f == field) {
                p.push(RulebookError::UnknownField { field: clip(field) });
            } else if !is_url(&source.url) {
                p.push(RulebookError::SourceWithoutUrl {
                    field: field.clone(),
                });
            }
        }
        for note in &self.notes {
            let field = note.field.as_deref().unwrap_or("notes");
            if note.field.is_some() && !fields.iter().any(|f| f == field) {
                p.push(RulebookError::UnknownField { field: clip(field) });
            } else if !is_url(&note.url) {
                p.push(RulebookError::SourceWithoutUrl {
                    field: field.to_owned(),
                });
            }
        }
        let rb = Rulebook {
            id,
            name_ja: self.name_ja.unwrap_or(d.name_ja),
            name_en: self.name_en.unwrap_or(d.name_en),
            prefecture,
            window,
            documents,
            payment,
            certificate: self.certificate.unwrap_or(d.certificate),
            sources: self.sources,
            notes: self.notes,
        };
        p.extend(rb.problems());
        match Problems::new(p) {
            Some(p) => Err(p),
            None => Ok(rb),
        }
    }
}

impl<'de> Deserialize<'de> for Rulebook {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RawRulebook::deserialize(d)?
            .build()
            .map_err(serde::de::Error::custom)
    }
}

fn syntax(format: &'static str, reason: crate::json_reason::DataReason) -> Problems<RulebookError> {
    Problems::new(vec![RulebookError::Syntax { format, reason }]).unwrap_or_else(|| unreachable!())
}

impl Rulebook {
    /// Reads a rulebook (or a partial override of the default) from JSON.
    ///
    /// # Errors
    ///
    /// `rulebook.syntax` when the text is not JSON of the right shape (one
    /// problem); otherwise every validation problem at once (see
    /// [`RulebookError`]).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::{Rulebook, ClosingDayPolicy};
    /// let r = Rulebook::from_json(r#"{"id": "nara-city", "window": {"closing_day_policy": "next_business_day"}}"#)?;
    /// assert_eq!(r.window().closing_day_policy, ClosingDayPolicy::NextBusinessDay);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Rulebook, Problems<RulebookError>> {
        let raw: RawRulebook =
            serde_json::from_str(text).map_err(|e| syntax("json", DataReason::from_serde(&e)))?;
        raw.build()
    }

    /// Reads a rulebook (or a partial override of the default) from TOML.
    ///
    /// # Errors
    ///
    /// As [`from_json`](Self::from_json), with `format` `"toml"`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::Rulebook;
    /// let r = Rulebook::from_toml("id = \"nagasaki\"\n[window]\nclosing_time = \"18:00\"\n")?;
    /// assert_eq!(r.window().closing_time.to_string(), "18:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_toml(text: &str) -> Result<Rulebook, Problems<RulebookError>> {
        let raw: RawRulebook =
            toml::from_str(text).map_err(|e| syntax("toml", DataReason::from_toml(text, &e)))?;
        raw.build()
    }

    /// The rulebook as pretty JSON (every field, so that it reads back the same).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::Rulebook;
    /// let r = Rulebook::default();
    /// assert_eq!(Rulebook::from_json(&r.to_json())?, r);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A copy with another id and names (ids are checked like a file's).
    ///
    /// # Errors
    ///
    /// `rulebook.invalid_id`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::schedule::Rulebook;
    /// let r = Rulebook::default().with_id("tokyo", "東京都国保連", "Tokyo")?;
    /// assert_eq!(r.id(), "tokyo");
    /// assert!(Rulebook::default().with_id("Tokyo!", "", "").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_id(
        mut self,
        id: &str,
        name_ja: &str,
        name_en: &str,
    ) -> Result<Rulebook, Problems<RulebookError>> {
        self.id = id.to_owned();
        self.name_ja = name_ja.to_owned();
        self.name_en = name_en.to_owned();
        match Problems::new(self.problems()) {
            Some(p) => Err(p),
            None => Ok(self),
        }
    }

    /// The cross-field checks (ranges are checked while reading).
    fn problems(&self) -> Vec<RulebookError> {
        let mut p = Vec::new();
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 64
            && self
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if !id_ok {
            p.push(RulebookError::InvalidId { id: clip(&self.id) });
        }
        let w = &self.window;
        if (w.closing_day, w.closing_time.minutes()) <= (w.opening_day, w.opening_time.minutes()) {
            p.push(RulebookError::ClosingBeforeOpening {
                opening: format!("{} {}", w.opening_day, w.opening_time),
                closing: format!("{} {}", w.closing_day, w.closing_time),
            });
        }
        let pay = (self.payment.months_after_claim, self.payment.day);
        for (k, r) in &self.documents {
            if (r.months_after_claim, r.release_day) > pay {
                p.push(RulebookError::PaymentBeforeRelease { document: k.id() });
            }
        }
        let c = &self.certificate;
        if let Some(d) = c.application_cutoff_day
            && !(1..=31).contains(&d)
        {
            p.push(RulebookError::DayOutOfRange {
                field: "certificate.application_cutoff_day".into(),
                value: i64::from(d),
            });
        }
        if c.validity_years == 0 || c.validity_years > 10 {
            p.push(RulebookError::InvalidValue {
                field: "certificate.validity_years".into(),
                value: i64::from(c.validity_years),
            });
        }
        if c.issuance_lead_days > 366 {
            p.push(RulebookError::InvalidValue {
                field: "certificate.issuance_lead_days".into(),
                value: i64::from(c.issuance_lead_days),
            });
        }
        if c.renewal_notice_days > 3660 {
            p.push(RulebookError::InvalidValue {
                field: "certificate.renewal_notice_days".into(),
                value: i64::from(c.renewal_notice_days),
            });
        }
        p
    }

    /// The rulebook's id (`a-z0-9_-`, used in iCalendar UIDs): `"default"` by default.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::Rulebook::default().id(), "default");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its display name in Japanese.
    ///
    /// ```
    /// assert!(!hug_onboard_core::schedule::Rulebook::default().name_ja().is_empty());
    /// ```
    pub fn name_ja(&self) -> &str {
        &self.name_ja
    }

    /// Its display name in English.
    ///
    /// ```
    /// assert!(!hug_onboard_core::schedule::Rulebook::default().name_en().is_empty());
    /// ```
    pub fn name_en(&self) -> &str {
        &self.name_en
    }

    /// The claim window rule.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::Rulebook::default().window().opening_day, 1);
    /// ```
    pub fn window(&self) -> &WindowRule {
        &self.window
    }

    /// The release rule of a document.
    ///
    /// ```
    /// use hug_onboard_core::schedule::{DocumentKind, Rulebook};
    /// assert!(Rulebook::default().document(DocumentKind::ReturnsList).only_if_returns);
    /// ```
    pub fn document(&self, kind: DocumentKind) -> DocumentRule {
        self.documents
            .get(&kind)
            .copied()
            .unwrap_or_else(|| default_document(kind))
    }

    /// The payment rule.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::Rulebook::default().payment().day, 15);
    /// ```
    pub fn payment(&self) -> &PaymentRule {
        &self.payment
    }

    /// The certificate rules (notice milestones, issuance lead time, monthly
    /// application cut-off, fee).
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::schedule::Rulebook::default().certificate().fee_yen, 7_800);
    /// ```
    pub fn certificate(&self) -> &CertificateRules {
        &self.certificate
    }

    /// The prefecture code (`"26"`) of the 国保連 whose rules these are; `None`
    /// for the default and for hand-made rulebooks that name none.
    ///
    /// ```
    /// use hug_onboard_core::schedule::Rulebook;
    /// assert_eq!(Rulebook::for_prefecture_code("26")?.prefecture(), Some("26"));
    /// assert_eq!(Rulebook::default().prefecture(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prefecture(&self) -> Option<&str> {
        self.prefecture.as_deref()
    }

    /// Every field a rulebook has, as the dotted paths that sources and
    /// errors use (`window.closing_day`, `documents.payment_notice.release_day`, …).
    ///
    /// ```
    /// let f = hug_onboard_core::schedule::Rulebook::field_paths();
    /// assert!(f.iter().any(|f| f == "payment.roll"));
    /// ```
    pub fn field_paths() -> Vec<String> {
        let mut v: Vec<String> = [
            "window.opening_day",
            "window.opening_time",
            "window.closing_day",
            "window.closing_time",
            "window.closing_day_policy",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for k in DocumentKind::all() {
            for f in [
                "months_after_claim",
                "release_day",
                "only_if_returns",
                "roll",
            ] {
                v.push(format!("documents.{}.{f}", k.id()));
            }
        }
        for f in [
            "payment.months_after_claim",
            "payment.day",
            "payment.roll",
            "certificate.renewal_notice_days",
            "certificate.urgent_milestone_days",
            "certificate.issuance_lead_days",
            "certificate.application_cutoff_day",
            "certificate.fee_yen",
            "certificate.validity_years",
        ] {
            v.push(f.to_owned());
        }
        v
    }

    /// The source of a field (`None`: the value is the default, unverified
    /// for this 国保連).
    ///
    /// ```
    /// use hug_onboard_core::schedule::{Rulebook, SourceKind};
    /// let kyoto = Rulebook::for_prefecture_code("26")?;
    /// assert_eq!(kyoto.source("payment.roll").unwrap().kind, SourceKind::Stated);
    /// assert!(kyoto.source("window.closing_time").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn source(&self, field: &str) -> Option<&Source> {
        self.sources.get(field)
    }

    /// Every sourced field with its source, by field path.
    ///
    /// ```
    /// assert!(hug_onboard_core::schedule::Rulebook::default().sources().is_empty());
    /// ```
    pub fn sources(&self) -> &BTreeMap<String, Source> {
        &self.sources
    }

    /// Statements recorded but not applied (about 介護, city pages, old wording).
    ///
    /// ```
    /// assert!(hug_onboard_core::schedule::Rulebook::default().notes().is_empty());
    /// ```
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The basis of one field: sourced, approximate (頃) or the unverified default.
    ///
    /// ```
    /// use hug_onboard_core::schedule::{Basis, Rulebook};
    /// let nagano = Rulebook::for_prefecture_code("20")?;
    /// assert_eq!(nagano.field_basis("documents.payment_notice.release_day"), Basis::Approximate);
    /// assert_eq!(nagano.field_basis("payment.day"), Basis::Unverified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn field_basis(&self, field: &str) -> Basis {
        match self.sources.get(field).map(|s| s.kind) {
            Some(SourceKind::Stated) => Basis::Sourced,
            Some(SourceKind::Approximate) => Basis::Approximate,
            None => Basis::Unverified,
        }
    }

    /// The basis of something that rests on several fields: the worst of theirs.
    ///
    /// ```
    /// use hug_onboard_core::schedule::{Basis, Rulebook};
    /// let kyoto = Rulebook::for_prefecture_code("26")?;
    /// assert_eq!(kyoto.basis_of(&["payment.day", "payment.roll"]), Basis::Sourced);
    /// assert_eq!(kyoto.basis_of(&["payment.day", "window.closing_time"]), Basis::Unverified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis_of(&self, fields: &[&str]) -> Basis {
        fields
            .iter()
            .map(|f| self.field_basis(f))
            .max()
            .unwrap_or(Basis::Unverified)
    }

    /// What the window's last day rests on: the closing day and whether it
    /// moves off closed days.
    ///
    /// ```
    /// use hug_onboard_core::schedule::{Basis, Rulebook};
    /// assert_eq!(Rulebook::for_prefecture_code("26")?.window_last_day_basis(), Basis::Sourced);
    /// assert_eq!(Rulebook::default().window_last_day_basis(), Basis::Unverified);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn window_last_day_basis(&self) -> Basis {
        self.basis_of(&["window.closing_day", "window.closing_day_policy"])
    }

    /// What the window's closing hour rests on.
    ///
    /// ```
    /// use hug_onboard_core::schedule::{Basis, Rulebook};
    /// assert_eq!(Rulebook::for_prefecture_code("42")?.closing_time_basis(), Basis::Sourced);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closing_time_basis(&self) -> Basis {
        self.field_basis("window.closing_time")
    }

    /// What a document's release day rests on. An approximate day ("about
    /// the 6th") does not move off holidays, so its roll is not consulted.
    ///
    /// ```
    /// use hug_onboard_core::schedule::{Basis, DocumentKind, Rulebook};
    /// let nagano = Rulebook::for_prefecture_code("20")?;
    /// assert_eq!(nagano.document_basis(DocumentKind::PaymentNotice), Basis::Approximate);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn document_basis(&self, kind: DocumentKind) -> Basis {
        let f = |x: &str| format!("documents.{}.{x}", kind.id());
        let (m, d, r) = (f("months_after_claim"), f("release_day"), f("roll"));
        let day = self.basis_of(&[&m, &d]);
        if day == Basis::Sourced {
            self.basis_of(&[&m, &d, &r])
        } else {
            day
        }
    }

    /// What the payment day rests on (month, day, and the roll when the day is stated).
    ///
    /// ```
    /// use hug_onboard_core::schedule::{Basis, Rulebook};
    /// assert_eq!(Rulebook::for_prefecture_code("26")?.payment_basis(), Basis::Sourced);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payment_basis(&self) -> Basis {
        let day = self.basis_of(&["payment.months_after_claim", "payment.day"]);
        if day == Basis::Sourced {
            self.basis_of(&["payment.months_after_claim", "payment.day", "payment.roll"])
        } else {
            day
        }
    }

    /// Whether any field is sourced.
    ///
    /// ```
    /// assert!(!hug_onboard_core::schedule::Rulebook::default().has_sources());
    /// ```
    pub fn has_sources(&self) -> bool {
        !self.sources.is_empty()
    }

    /// Which rulebook this is, for reports: `京都府国保連の規則（出典あり）`,
    /// `東京都国保連の規則：既定値（未確認）`, `既定値（未確認）`.
    ///
    /// ```
    /// use hug_onboard_core::{Lang, schedule::Rulebook};
    /// assert_eq!(Rulebook::for_prefecture_code("26")?.label(Lang::Ja), "京都府国保連の規則（出典あり）");
    /// assert_eq!(Rulebook::for_prefecture_code("13")?.label(Lang::Ja), "東京都国保連の規則：既定値（未確認）");
    /// assert_eq!(Rulebook::default().label(Lang::En), "default rules (unverified)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn label(&self, lang: Lang) -> String {
        let pref = self.prefecture.as_deref().and_then(Prefecture::from_code);
        match (pref, self.has_sources(), lang) {
            (Some(p), true, Lang::Ja) => format!("{}国保連の規則（出典あり）", p.name_ja()),
            (Some(p), true, Lang::En) => format!(
                "rules of the {} 国保連 (sourced; unsourced fields are defaults)",
                p.name_en()
            ),
            (Some(p), false, Lang::Ja) => format!("{}国保連の規則：既定値（未確認）", p.name_ja()),
            (Some(p), false, Lang::En) => {
                format!("rules of the {} 国保連: defaults (unverified)", p.name_en())
            }
            (None, true, Lang::Ja) => format!("{}（出典あり）", self.name_ja),
            (None, true, Lang::En) => format!("{} (sourced)", self.name_en),
            (None, false, Lang::Ja) if self.id == "default" => "既定値（未確認）".to_owned(),
            (None, false, Lang::En) if self.id == "default" => {
                "default rules (unverified)".to_owned()
            }
            (None, false, Lang::Ja) => format!("{}（出典なし・未確認）", self.name_ja),
            (None, false, Lang::En) => format!("{} (no sources, unverified)", self.name_en),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    #[test]
    fn syntax_reasons_are_japanese_in_japanese_and_never_echo_a_value() {
        let toml = [
            "=",
            "[window]\nclosing_day = \"Secret99\"",
            "[window]\nclosing_dai = 10\n",
            "[sources]\n\"window.closing_day\" = { kind = \"Secret99\", url = \"https://x.jp/\" }\n",
            "id = \"Secret99",
        ];
        let json = [
            "{\"window\": {\"closing_day\": \"Secret99\"}}",
            "{\"nope\": 1}",
            "{\"id\": \"Secret99\"",
            "[\"Secret99\"]",
        ];
        let errors = toml
            .iter()
            .map(|t| Rulebook::from_toml(t))
            .chain(json.iter().map(|j| Rulebook::from_json(j)));
        for e in errors {
            let e = e.unwrap_err();
            assert_eq!(e.codes(), ["rulebook.syntax"]);
            let (ja, en) = (
                e.items()[0].message(Lang::Ja),
                e.items()[0].message(Lang::En),
            );
            let allowed = ["toml", "json", "closing_dai", "nope"];
            assert_eq!(
                crate::json_reason::english_words(&ja, &allowed),
                Vec::<String>::new(),
                "{ja}"
            );
            assert!(ja.contains("行"), "{ja}");
            assert!(!ja.contains("Secret99") && !en.contains("Secret99"), "{en}");
        }
    }

    #[test]
    fn every_error_code_is_listed() {
        let errs = [
            RulebookError::Syntax {
                format: "json",
                reason: DataReason::Syntax { line: 1, column: 1 },
            },
            RulebookError::InvalidId { id: "X".into() },
            RulebookError::DayOutOfRange {
                field: "f".into(),
                value: 0,
            },
            RulebookError::InvalidTime {
                field: "f".into(),
                value: "x".into(),
            },
            RulebookError::ClosingBeforeOpening {
                opening: "1".into(),
                closing: "0".into(),
            },
            RulebookError::UnknownDocument { name: "x".into() },
            RulebookError::MonthOffsetOutOfRange {
                field: "f".into(),
                value: 9,
            },
            RulebookError::PaymentBeforeRelease {
                document: "payment_notice",
            },
            RulebookError::InvalidValue {
                field: "f".into(),
                value: 0,
            },
        ];
        for e in errs {
            assert!(
                crate::all_codes().iter().any(|c| c.code == e.code()),
                "{}",
                e.code()
            );
            assert!(!e.message(Lang::Ja).is_empty());
            assert!(!e.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn every_problem_at_once() {
        let err = Rulebook::from_json(
            r#"{"id": "Bad Id", "window": {"opening_day": 0, "closing_day": 32, "closing_time": "25:00"},
                "documents": {"invoice": {"release_day": 5}, "payment_notice": {"release_day": 99, "months_after_claim": 0}},
                "payment": {"day": 0}}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.codes(),
            [
                "rulebook.day_out_of_range",
                "rulebook.day_out_of_range",
                "rulebook.invalid_time",
                "rulebook.unknown_document",
                "rulebook.month_offset_out_of_range",
                "rulebook.day_out_of_range",
                "rulebook.day_out_of_range",
                "rulebook.invalid_id",
            ]
        );
    }

    #[test]
    fn closing_before_opening() {
        let err =
            Rulebook::from_toml("[window]\nopening_day = 12\nclosing_day = 10\n").unwrap_err();
        assert_eq!(err.codes(), ["rulebook.closing_before_opening"]);
        let err = Rulebook::from_toml(
            "[window]\nopening_day = 5\nclosing_day = 5\nclosing_time = \"00:00\"\n",
        )
        .unwrap_err();
        assert_eq!(err.codes(), ["rulebook.closing_before_opening"]);
        assert!(Rulebook::from_toml("[window]\nopening_day = 5\nclosing_day = 5\n").is_ok());
    }

    #[test]
    fn junk_is_a_syntax_error_not_a_panic() {
        let long = "{".repeat(10_000);
        for s in [
            "",
            " ",
            "\0",
            "[",
            "{\"window\": 3}",
            long.as_str(),
            "{\"nope\": 1}",
        ] {
            assert_eq!(
                Rulebook::from_json(s).unwrap_err().codes(),
                ["rulebook.syntax"],
                "{s:?}"
            );
        }
        for s in [
            "=",
            "\0",
            "[window]\nclosing_day = \"x\"",
            long.as_str(),
            "x = 1",
        ] {
            assert_eq!(
                Rulebook::from_toml(s).unwrap_err().codes(),
                ["rulebook.syntax"],
                "{s:?}"
            );
        }
        // An empty file is the default.
        assert_eq!(Rulebook::from_toml("").unwrap(), Rulebook::default());
        assert_eq!(Rulebook::from_json("{}").unwrap(), Rulebook::default());
    }

    #[test]
    fn round_trips() {
        let r = Rulebook::from_toml(
            "id = \"x\"\n[window]\nclosing_time = \"18:00\"\nclosing_day_policy = \"next_business_day\"\n[documents.returns_list]\nrelease_day = 3\n",
        )
        .unwrap();
        assert_eq!(Rulebook::from_json(&r.to_json()).unwrap(), r);
        let via_serde: Rulebook = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(via_serde, r);
        assert!(serde_json::from_str::<Rulebook>(r#"{"payment": {"day": 40}}"#).is_err());
    }

    #[test]
    fn times() {
        for (s, ok) in [
            ("00:00", true),
            ("9:30", true),
            ("24:00", true),
            ("24:01", false),
            ("12:60", false),
            ("", false),
            ("12", false),
            ("１２:００", false),
            ("-1:00", false),
        ] {
            assert_eq!(TimeOfDay::parse(s).is_some(), ok, "{s}");
        }
    }
}
