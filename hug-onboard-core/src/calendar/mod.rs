//! Japanese public holidays, business days and roll-forward.
//!
//! The holidays are computed from the rules of the 国民の祝日に関する法律
//! (祝日法, in force from 1948-07-20) and its amendments, not read from a list:
//!
//! * fixed days (元日, 建国記念の日 from 1967, 憲法記念日, こどもの日, 文化の日,
//!   勤労感謝の日, …) and their moves (天皇誕生日 4/29 → 12/23 from 1989 → 2/23
//!   from 2020, none in 2019; 4/29 みどりの日 1989–2006 then 昭和の日, みどりの日 5/4
//!   from 2007);
//! * the Happy Monday days (成人の日 and 体育の日 from 2000, 海の日 and 敬老の日
//!   from 2003; 体育の日 is スポーツの日 from 2020);
//! * the equinox days (春分の日, 秋分の日) by the standard approximation formula,
//!   see [`vernal_equinox_day`];
//! * 振替休日 (substitute holiday) under the 1973 rule (from 1973-04-12: the
//!   Monday after a 祝日 that falls on a Sunday) and the 2007 rule (the first
//!   following day that is not a 祝日);
//! * 国民の休日 (a day between two 祝日; from 1985-12-27, until 2006 neither a
//!   Sunday nor a 振替休日);
//! * the one-off days by special law: 1959-04-10, 1989-02-24, 1990-11-12,
//!   1993-06-09, 2019-05-01, 2019-10-22 (2019-04-30 and 2019-05-02 follow as
//!   国民の休日), and the 2020 and 2021 Olympic moves of 海の日, スポーツの日
//!   and 山の日.
//!
//! **Supported range**: 1948-07-20 (the law's first day) to 2099-12-31 (the end
//! of the equinox formula's range); any other day is the error
//! `calendar.out_of_range`. The equinox days are fixed each February for the
//! following year by the 国立天文台 (published in the 官報); years after the last
//! announced one are computed by the same rules but are *provisional*: see
//! [`JapaneseCalendar::last_announced_year`] (data, default
//! [`DEFAULT_LAST_ANNOUNCED_YEAR`]).
//!
//! The result was checked day by day against an independent dataset for
//! 1970–2050; see [`reference`](mod@reference) for the check and its findings.
//!
//! Lookups use a table computed once per process (about 55 KB): a lookup does no
//! allocation and no date arithmetic beyond the day of the year.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::calendar::{self, HolidayKind};
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(calendar::is_holiday(d(2026, 5, 6))?); // 振替休日 (5/3 is a Sunday)
//! let h = calendar::holiday(d(2019, 5, 1))?.unwrap();
//! assert_eq!(h.kind, HolidayKind::EnthronementDay);
//! assert_eq!(h.name_ja(), "天皇の即位の日");
//! // the payment day of a month whose 15th is a Saturday rolls to Monday
//! assert_eq!(calendar::roll_forward(d(2026, 8, 15))?, d(2026, 8, 17));
//! # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
//! ```

use std::fmt;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::diagnostic::Lang;

pub mod reference;

/// The first year with any supported day (the 祝日法 took effect on 1948-07-20).
pub const FIRST_YEAR: i32 = 1948;
/// The last supported year: the end of the equinox formula's range (1900–2099).
pub const LAST_YEAR: i32 = 2099;
/// The last year whose equinox days had been officially announced when this
/// default was set (February 2026: the 官報 of 2026-02 announced 2027). Years
/// after it are computed and flagged as provisional. Override it with
/// [`JapaneseCalendar::last_announced_year`] when a new year is announced.
pub const DEFAULT_LAST_ANNOUNCED_YEAR: i32 = 2027;

/// The first supported day: 1948-07-20, when the 祝日法 took effect.
///
/// ```
/// assert_eq!(hug_onboard_core::calendar::first_supported_day().to_string(), "1948-07-20");
/// ```
pub fn first_supported_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 7, 20).unwrap_or(NaiveDate::MIN)
}

/// The last supported day: 2099-12-31.
///
/// ```
/// assert_eq!(hug_onboard_core::calendar::last_supported_day().to_string(), "2099-12-31");
/// ```
pub fn last_supported_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

crate::diagnostics! {
    /// Why a calendar question has no answer.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum CalendarError {
        /// The day is outside the supported range 1948-07-20 – 2099-12-31.
        OutOfRange {
            /// The day asked about.
            day: NaiveDate,
        } => "calendar.out_of_range", InvalidInput, Error,
            "day outside the supported range 1948-07-20 to 2099-12-31",
            ja: "{day}は対応範囲（1948年7月20日〜2099年12月31日）の外です。",
            en: "{day} is outside the supported range (1948-07-20 to 2099-12-31).";
        /// The year is outside the supported years 1948–2099.
        YearOutOfRange {
            /// The year asked about.
            year: i32,
        } => "calendar.year_out_of_range", InvalidInput, Error,
            "year outside the supported years 1948-2099",
            ja: "{year}年は対応範囲（1948年〜2099年）の外です。",
            en: "Year {year} is outside the supported years (1948 to 2099).";
        /// Text that is not a date `YYYY-MM-DD` (or a day that does not exist).
        InvalidDate {
            /// The text (at most 64 characters of it).
            input: String,
        } => "calendar.invalid_date", InvalidInput, Error,
            "text is not a date YYYY-MM-DD",
            ja: { format!("「{}」は日付（YYYY-MM-DD）ではありません。", crate::text::readable(input)) },
            en: { format!("\"{}\" is not a date (YYYY-MM-DD).", crate::text::readable(input)) };
        /// No business day within 366 days of the given day (every day closed).
        NoBusinessDay {
            /// The day the search started from.
            day: NaiveDate,
        } => "calendar.no_business_day", InvalidInput, Error,
            "no business day within a year (closures cover every day)",
            ja: "{day}から1年以内に営業日がありません（休業日の設定を確認してください）。",
            en: "There is no business day within a year of {day} (check the closure settings).";
    }
}

/// Parses a date `YYYY-MM-DD` (surrounding white space ignored), as the
/// vectors and the C and Python faces pass it.
///
/// # Errors
///
/// `calendar.invalid_date` when the text is not such a date.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::parse_date;
/// assert_eq!(parse_date(" 2026-05-06 ")?.to_string(), "2026-05-06");
/// assert!(parse_date("2026-02-30").is_err());
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn parse_date(input: &str) -> Result<NaiveDate, CalendarError> {
    let s = input.trim();
    let bad = || CalendarError::InvalidDate {
        input: input.chars().take(64).collect(),
    };
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => (y, m, d),
        _ => return Err(bad()),
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)
}

/// What a holiday is: each 国民の祝日, the 振替休日, the 国民の休日 and the
/// one-off days. Serialised as the snake_case name (`"new_years_day"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HolidayKind {
    /// 元日, 1/1.
    NewYearsDay,
    /// 成人の日: 1/15 until 1999, the 2nd Monday of January from 2000.
    ComingOfAgeDay,
    /// 建国記念の日, 2/11, from 1967.
    NationalFoundationDay,
    /// 天皇誕生日: 4/29 until 1988, 12/23 1989–2018, 2/23 from 2020.
    EmperorsBirthday,
    /// 春分の日 (vernal equinox).
    VernalEquinoxDay,
    /// 昭和の日, 4/29, from 2007.
    ShowaDay,
    /// 憲法記念日, 5/3.
    ConstitutionMemorialDay,
    /// みどりの日: 4/29 1989–2006, 5/4 from 2007.
    GreeneryDay,
    /// こどもの日, 5/5.
    ChildrensDay,
    /// 海の日: 7/20 1996–2002, the 3rd Monday of July from 2003 (moved in 2020 and 2021).
    MarineDay,
    /// 山の日, 8/11, from 2016 (moved in 2020 and 2021).
    MountainDay,
    /// 敬老の日: 9/15 1966–2002, the 3rd Monday of September from 2003.
    RespectForTheAgedDay,
    /// 秋分の日 (autumnal equinox).
    AutumnalEquinoxDay,
    /// 体育の日: 10/10 1966–1999, the 2nd Monday of October 2000–2019.
    HealthSportsDay,
    /// スポーツの日: the 2nd Monday of October from 2020 (moved in 2020 and 2021).
    SportsDay,
    /// 文化の日, 11/3.
    CultureDay,
    /// 勤労感謝の日, 11/23.
    LabourThanksgivingDay,
    /// 振替休日: the day off in lieu of a 祝日 that falls on a Sunday.
    SubstituteHoliday,
    /// 国民の休日: a day between two 祝日.
    CitizensHoliday,
    /// 皇太子明仁親王の結婚の儀, 1959-04-10.
    CrownPrinceAkihitoWedding,
    /// 昭和天皇の大喪の礼, 1989-02-24.
    ShowaStateFuneral,
    /// 即位礼正殿の儀, 1990-11-12 and 2019-10-22.
    EnthronementCeremony,
    /// 皇太子徳仁親王の結婚の儀, 1993-06-09.
    CrownPrinceNaruhitoWedding,
    /// 天皇の即位の日, 2019-05-01.
    EnthronementDay,
}

const ALL_KINDS: [HolidayKind; 24] = [
    HolidayKind::NewYearsDay,
    HolidayKind::ComingOfAgeDay,
    HolidayKind::NationalFoundationDay,
    HolidayKind::EmperorsBirthday,
    HolidayKind::VernalEquinoxDay,
    HolidayKind::ShowaDay,
    HolidayKind::ConstitutionMemorialDay,
    HolidayKind::GreeneryDay,
    HolidayKind::ChildrensDay,
    HolidayKind::MarineDay,
    HolidayKind::MountainDay,
    HolidayKind::RespectForTheAgedDay,
    HolidayKind::AutumnalEquinoxDay,
    HolidayKind::HealthSportsDay,
    HolidayKind::SportsDay,
    HolidayKind::CultureDay,
    HolidayKind::LabourThanksgivingDay,
    HolidayKind::SubstituteHoliday,
    HolidayKind::CitizensHoliday,
    HolidayKind::CrownPrinceAkihitoWedding,
    HolidayKind::ShowaStateFuneral,
    HolidayKind::EnthronementCeremony,
    HolidayKind::CrownPrinceNaruhitoWedding,
    HolidayKind::EnthronementDay,
];

impl HolidayKind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::calendar::HolidayKind::all().len(), 24);
    /// ```
    pub fn all() -> &'static [HolidayKind] {
        &ALL_KINDS
    }

    /// The name in Japanese, as the 内閣府 list prints it.
    ///
    /// ```
    /// use hug_onboard_core::calendar::HolidayKind;
    /// assert_eq!(HolidayKind::SubstituteHoliday.name_ja(), "振替休日");
    /// ```
    pub fn name_ja(self) -> &'static str {
        match self {
            HolidayKind::NewYearsDay => "元日",
            HolidayKind::ComingOfAgeDay => "成人の日",
            HolidayKind::NationalFoundationDay => "建国記念の日",
            HolidayKind::EmperorsBirthday => "天皇誕生日",
            HolidayKind::VernalEquinoxDay => "春分の日",
            HolidayKind::ShowaDay => "昭和の日",
            HolidayKind::ConstitutionMemorialDay => "憲法記念日",
            HolidayKind::GreeneryDay => "みどりの日",
            HolidayKind::ChildrensDay => "こどもの日",
            HolidayKind::MarineDay => "海の日",
            HolidayKind::MountainDay => "山の日",
            HolidayKind::RespectForTheAgedDay => "敬老の日",
            HolidayKind::AutumnalEquinoxDay => "秋分の日",
            HolidayKind::HealthSportsDay => "体育の日",
            HolidayKind::SportsDay => "スポーツの日",
            HolidayKind::CultureDay => "文化の日",
            HolidayKind::LabourThanksgivingDay => "勤労感謝の日",
            HolidayKind::SubstituteHoliday => "振替休日",
            HolidayKind::CitizensHoliday => "国民の休日",
            HolidayKind::CrownPrinceAkihitoWedding => "皇太子明仁親王の結婚の儀",
            HolidayKind::ShowaStateFuneral => "昭和天皇の大喪の礼",
            HolidayKind::EnthronementCeremony => "即位礼正殿の儀",
            HolidayKind::CrownPrinceNaruhitoWedding => "皇太子徳仁親王の結婚の儀",
            HolidayKind::EnthronementDay => "天皇の即位の日",
        }
    }

    /// The name in English.
    ///
    /// ```
    /// use hug_onboard_core::calendar::HolidayKind;
    /// assert_eq!(HolidayKind::CultureDay.name_en(), "Culture Day");
    /// ```
    pub fn name_en(self) -> &'static str {
        match self {
            HolidayKind::NewYearsDay => "New Year's Day",
            HolidayKind::ComingOfAgeDay => "Coming of Age Day",
            HolidayKind::NationalFoundationDay => "National Foundation Day",
            HolidayKind::EmperorsBirthday => "The Emperor's Birthday",
            HolidayKind::VernalEquinoxDay => "Vernal Equinox Day",
            HolidayKind::ShowaDay => "Showa Day",
            HolidayKind::ConstitutionMemorialDay => "Constitution Memorial Day",
            HolidayKind::GreeneryDay => "Greenery Day",
            HolidayKind::ChildrensDay => "Children's Day",
            HolidayKind::MarineDay => "Marine Day",
            HolidayKind::MountainDay => "Mountain Day",
            HolidayKind::RespectForTheAgedDay => "Respect for the Aged Day",
            HolidayKind::AutumnalEquinoxDay => "Autumnal Equinox Day",
            HolidayKind::HealthSportsDay => "Health and Sports Day",
            HolidayKind::SportsDay => "Sports Day",
            HolidayKind::CultureDay => "Culture Day",
            HolidayKind::LabourThanksgivingDay => "Labour Thanksgiving Day",
            HolidayKind::SubstituteHoliday => "Substitute Holiday",
            HolidayKind::CitizensHoliday => "Citizens' Holiday",
            HolidayKind::CrownPrinceAkihitoWedding => "Wedding of Crown Prince Akihito",
            HolidayKind::ShowaStateFuneral => "State Funeral of Emperor Showa",
            HolidayKind::EnthronementCeremony => "Enthronement Ceremony",
            HolidayKind::CrownPrinceNaruhitoWedding => "Wedding of Crown Prince Naruhito",
            HolidayKind::EnthronementDay => "Day of the Emperor's Enthronement",
        }
    }

    /// The name in a language.
    ///
    /// ```
    /// use hug_onboard_core::{calendar::HolidayKind, Lang};
    /// assert_eq!(HolidayKind::MountainDay.name(Lang::Ja), "山の日");
    /// ```
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.name_ja(),
            Lang::En => self.name_en(),
        }
    }

    /// Whether the day counts as a 国民の祝日 for the 振替休日 and 国民の休日
    /// rules: every kind but 振替休日 and 国民の休日 (the special laws treat the
    /// one-off days as 祝日; the 2019 law says so explicitly).
    ///
    /// ```
    /// use hug_onboard_core::calendar::HolidayKind;
    /// assert!(HolidayKind::EnthronementDay.is_national_holiday());
    /// assert!(!HolidayKind::CitizensHoliday.is_national_holiday());
    /// ```
    pub fn is_national_holiday(self) -> bool {
        !matches!(
            self,
            HolidayKind::SubstituteHoliday | HolidayKind::CitizensHoliday
        )
    }

    /// The stable snake_case identifier used in JSON (`"substitute_holiday"`).
    ///
    /// ```
    /// use hug_onboard_core::calendar::HolidayKind;
    /// assert_eq!(HolidayKind::NewYearsDay.id(), "new_years_day");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            HolidayKind::NewYearsDay => "new_years_day",
            HolidayKind::ComingOfAgeDay => "coming_of_age_day",
            HolidayKind::NationalFoundationDay => "national_foundation_day",
            HolidayKind::EmperorsBirthday => "emperors_birthday",
            HolidayKind::VernalEquinoxDay => "vernal_equinox_day",
            HolidayKind::ShowaDay => "showa_day",
            HolidayKind::ConstitutionMemorialDay => "constitution_memorial_day",
            HolidayKind::GreeneryDay => "greenery_day",
            HolidayKind::ChildrensDay => "childrens_day",
            HolidayKind::MarineDay => "marine_day",
            HolidayKind::MountainDay => "mountain_day",
            HolidayKind::RespectForTheAgedDay => "respect_for_the_aged_day",
            HolidayKind::AutumnalEquinoxDay => "autumnal_equinox_day",
            HolidayKind::HealthSportsDay => "health_sports_day",
            HolidayKind::SportsDay => "sports_day",
            HolidayKind::CultureDay => "culture_day",
            HolidayKind::LabourThanksgivingDay => "labour_thanksgiving_day",
            HolidayKind::SubstituteHoliday => "substitute_holiday",
            HolidayKind::CitizensHoliday => "citizens_holiday",
            HolidayKind::CrownPrinceAkihitoWedding => "crown_prince_akihito_wedding",
            HolidayKind::ShowaStateFuneral => "showa_state_funeral",
            HolidayKind::EnthronementCeremony => "enthronement_ceremony",
            HolidayKind::CrownPrinceNaruhitoWedding => "crown_prince_naruhito_wedding",
            HolidayKind::EnthronementDay => "enthronement_day",
        }
    }

    fn code(self) -> u8 {
        ALL_KINDS
            .iter()
            .position(|k| *k == self)
            .map_or(0, |i| i as u8 + 1)
    }

    fn from_code(code: u8) -> Option<HolidayKind> {
        ALL_KINDS.get((code as usize).checked_sub(1)?).copied()
    }
}

impl fmt::Display for HolidayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_ja())
    }
}

/// One holiday: a day and what it is.
///
/// Serialised as `{"date": "2026-05-06", "kind": "substitute_holiday",
/// "name_ja": "振替休日", "name_en": "Substitute Holiday"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Holiday {
    /// The day.
    pub date: NaiveDate,
    /// What it is.
    pub kind: HolidayKind,
}

impl Holiday {
    /// The Japanese name.
    ///
    /// ```
    /// use hug_onboard_core::calendar;
    /// let h = calendar::holiday(calendar::parse_date("2026-01-01")?)?.unwrap();
    /// assert_eq!(h.name_ja(), "元日");
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn name_ja(&self) -> &'static str {
        self.kind.name_ja()
    }

    /// The English name.
    ///
    /// ```
    /// use hug_onboard_core::calendar;
    /// let h = calendar::holiday(calendar::parse_date("2026-01-01")?)?.unwrap();
    /// assert_eq!(h.name_en(), "New Year's Day");
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn name_en(&self) -> &'static str {
        self.kind.name_en()
    }
}

impl Serialize for Holiday {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Holiday", 4)?;
        s.serialize_field("date", &self.date)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("name_ja", self.kind.name_ja())?;
        s.serialize_field("name_en", self.kind.name_en())?;
        s.end()
    }
}

// ---------------------------------------------------------------------------
// The rules.

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The n-th (1-based) Monday of a month.
fn nth_monday(y: i32, m: u32, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, m, Weekday::Mon, n)
}

fn equinox_day(year: i32, c_1900: f64, c_1980: f64) -> Option<u32> {
    if !(1900..=2099).contains(&year) {
        return None;
    }
    let dy = f64::from(year - 1980);
    // int((Y-1983)/4) before 1980, int((Y-1980)/4) after; `/` truncates toward
    // zero like the formula's int().
    let (c, leap) = if year < 1980 {
        (c_1900, (year - 1983) / 4)
    } else {
        (c_1980, (year - 1980) / 4)
    };
    let day = (c + 0.242_194 * dy - f64::from(leap)).trunc();
    Some(day as u32)
}

/// The day in March of the vernal equinox (春分日) by the standard formula
/// `int(C + 0.242194 × (Y − 1980) − int((Y − L) / 4))` with C = 20.8357, L = 1983
/// for 1900–1979 and C = 20.8431, L = 1980 for 1980–2099. `None` outside
/// 1900–2099, the formula's valid range. The formula reproduces every date the
/// 国立天文台 has published for the 祝日法's years; beyond the last announced
/// year it is a prediction.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::vernal_equinox_day;
/// assert_eq!(vernal_equinox_day(2026), Some(20));
/// assert_eq!(vernal_equinox_day(1960), Some(20));
/// assert_eq!(vernal_equinox_day(2100), None);
/// ```
pub fn vernal_equinox_day(year: i32) -> Option<u32> {
    equinox_day(year, 20.8357, 20.8431)
}

/// The day in September of the autumnal equinox (秋分日) by the standard
/// formula (C = 23.2588 for 1900–1979, 23.2488 for 1980–2099; see
/// [`vernal_equinox_day`]). `None` outside 1900–2099.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::autumnal_equinox_day;
/// assert_eq!(autumnal_equinox_day(2026), Some(23));
/// assert_eq!(autumnal_equinox_day(2012), Some(22));
/// ```
pub fn autumnal_equinox_day(year: i32) -> Option<u32> {
    equinox_day(year, 23.2588, 23.2488)
}

/// The 国民の祝日 of a year (and the one-off days, treated as such), unsorted,
/// before the law's first day filtered out.
fn national_holidays(y: i32) -> Vec<(NaiveDate, HolidayKind)> {
    use HolidayKind as K;
    let mut v: Vec<(Option<NaiveDate>, HolidayKind)> = Vec::with_capacity(24);
    v.push((ymd(y, 1, 1), K::NewYearsDay));
    v.push((
        if y >= 2000 {
            nth_monday(y, 1, 2)
        } else {
            ymd(y, 1, 15)
        },
        K::ComingOfAgeDay,
    ));
    if y >= 1967 {
        v.push((ymd(y, 2, 11), K::NationalFoundationDay));
    }
    if y >= 2020 {
        v.push((ymd(y, 2, 23), K::EmperorsBirthday));
    }
    v.push((
        vernal_equinox_day(y).and_then(|d| ymd(y, 3, d)),
        K::VernalEquinoxDay,
    ));
    v.push((
        ymd(y, 4, 29),
        match y {
            ..=1988 => K::EmperorsBirthday,
            1989..=2006 => K::GreeneryDay,
            _ => K::ShowaDay,
        },
    ));
    v.push((ymd(y, 5, 3), K::ConstitutionMemorialDay));
    if y >= 2007 {
        v.push((ymd(y, 5, 4), K::GreeneryDay));
    }
    v.push((ymd(y, 5, 5), K::ChildrensDay));
    match y {
        1996..=2002 => v.push((ymd(y, 7, 20), K::MarineDay)),
        2020 => v.push((ymd(y, 7, 23), K::MarineDay)),
        2021 => v.push((ymd(y, 7, 22), K::MarineDay)),
        2003.. => v.push((nth_monday(y, 7, 3), K::MarineDay)),
        _ => {}
    }
    match y {
        2020 => v.push((ymd(y, 8, 10), K::MountainDay)),
        2021 => v.push((ymd(y, 8, 8), K::MountainDay)),
        2016.. => v.push((ymd(y, 8, 11), K::MountainDay)),
        _ => {}
    }
    match y {
        1966..=2002 => v.push((ymd(y, 9, 15), K::RespectForTheAgedDay)),
        2003.. => v.push((nth_monday(y, 9, 3), K::RespectForTheAgedDay)),
        _ => {}
    }
    v.push((
        autumnal_equinox_day(y).and_then(|d| ymd(y, 9, d)),
        K::AutumnalEquinoxDay,
    ));
    match y {
        1966..=1999 => v.push((ymd(y, 10, 10), K::HealthSportsDay)),
        2000..=2019 => v.push((nth_monday(y, 10, 2), K::HealthSportsDay)),
        2020 => v.push((ymd(y, 7, 24), K::SportsDay)),
        2021 => v.push((ymd(y, 7, 23), K::SportsDay)),
        2022.. => v.push((nth_monday(y, 10, 2), K::SportsDay)),
        _ => {}
    }
    v.push((ymd(y, 11, 3), K::CultureDay));
    v.push((ymd(y, 11, 23), K::LabourThanksgivingDay));
    if (1989..=2018).contains(&y) {
        v.push((ymd(y, 12, 23), K::EmperorsBirthday));
    }
    match y {
        1959 => v.push((ymd(y, 4, 10), K::CrownPrinceAkihitoWedding)),
        1989 => v.push((ymd(y, 2, 24), K::ShowaStateFuneral)),
        1990 => v.push((ymd(y, 11, 12), K::EnthronementCeremony)),
        1993 => v.push((ymd(y, 6, 9), K::CrownPrinceNaruhitoWedding)),
        2019 => {
            v.push((ymd(y, 5, 1), K::EnthronementDay));
            v.push((ymd(y, 10, 22), K::EnthronementCeremony));
        }
        _ => {}
    }
    let first = first_supported_day();
    v.into_iter()
        .filter_map(|(d, k)| d.map(|d| (d, k)))
        .filter(|(d, _)| *d >= first)
        .collect()
}

/// Computes a year's holidays into a day-of-year table (0 = not a holiday,
/// else the kind's code).
fn compute_year(y: i32) -> [u8; 366] {
    let mut t = [0u8; 366];
    let idx = |d: NaiveDate| d.ordinal0() as usize;
    for (d, k) in national_holidays(y) {
        if let Some(slot) = t.get_mut(idx(d)) {
            *slot = k.code();
        }
    }
    let is_national = |t: &[u8; 366], d: NaiveDate| {
        d.year() == y
            && t.get(idx(d))
                .and_then(|c| HolidayKind::from_code(*c))
                .is_some_and(HolidayKind::is_national_holiday)
    };
    let substitute = HolidayKind::SubstituteHoliday.code();
    let citizens = HolidayKind::CitizensHoliday.code();
    let rule_1973 = ymd(1973, 4, 12).unwrap_or(NaiveDate::MIN);
    let rule_2007 = ymd(2007, 1, 1).unwrap_or(NaiveDate::MIN);
    let citizens_from = ymd(1985, 12, 27).unwrap_or(NaiveDate::MIN);
    // 振替休日.
    let national: Vec<NaiveDate> = national_holidays(y).into_iter().map(|(d, _)| d).collect();
    for d in &national {
        if d.weekday() != Weekday::Sun || *d < rule_1973 {
            continue;
        }
        let mut next = d.succ_opt();
        if *d >= rule_2007 {
            while let Some(n) = next {
                if is_national(&t, n) {
                    next = n.succ_opt();
                } else {
                    break;
                }
            }
        } else if next.is_some_and(|n| is_national(&t, n)) {
            next = None;
        }
        if let Some(slot) = next
            .filter(|n| n.year() == y)
            .and_then(|n| t.get_mut(idx(n)))
            && *slot == 0
        {
            *slot = substitute;
        }
    }
    // 国民の休日.
    let days: usize = if NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
        366
    } else {
        365
    };
    for ord in 1..days.saturating_sub(1) {
        let Some(d) = NaiveDate::from_yo_opt(y, ord as u32 + 1) else {
            continue;
        };
        if d < citizens_from || t.get(ord).copied().unwrap_or(0) != 0 {
            continue;
        }
        let (Some(prev), Some(next)) = (d.pred_opt(), d.succ_opt()) else {
            continue;
        };
        if !(is_national(&t, prev) && is_national(&t, next)) {
            continue;
        }
        if d < rule_2007 && d.weekday() == Weekday::Sun {
            continue;
        }
        if let Some(slot) = t.get_mut(ord) {
            *slot = citizens;
        }
    }
    t
}

fn table() -> &'static [[u8; 366]] {
    static TABLE: OnceLock<Vec<[u8; 366]>> = OnceLock::new();
    TABLE.get_or_init(|| (FIRST_YEAR..=LAST_YEAR).map(compute_year).collect())
}

fn check_day(day: NaiveDate) -> Result<(), CalendarError> {
    if day < first_supported_day() || day > last_supported_day() {
        Err(CalendarError::OutOfRange { day })
    } else {
        Ok(())
    }
}

fn check_year(year: i32) -> Result<(), CalendarError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(CalendarError::YearOutOfRange { year })
    }
}

#[inline]
fn lookup(day: NaiveDate) -> Result<u8, CalendarError> {
    check_day(day)?;
    let year = usize::try_from(day.year() - FIRST_YEAR).unwrap_or(usize::MAX);
    Ok(table()
        .get(year)
        .and_then(|t| t.get(day.ordinal0() as usize))
        .copied()
        .unwrap_or(0))
}

/// Whether a day is a public holiday (a 国民の祝日, a 振替休日, a 国民の休日 or
/// a one-off day). Weekends are not holidays unless they are one of those.
///
/// # Errors
///
/// `calendar.out_of_range` outside 1948-07-20 – 2099-12-31.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::{is_holiday, parse_date};
/// assert!(is_holiday(parse_date("2019-04-30")?)?); // 国民の休日
/// assert!(!is_holiday(parse_date("2026-05-07")?)?);
/// assert!(is_holiday(parse_date("1948-07-19")?).is_err());
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn is_holiday(day: NaiveDate) -> Result<bool, CalendarError> {
    Ok(lookup(day)? != 0)
}

/// The holiday on a day, if any.
///
/// # Errors
///
/// `calendar.out_of_range` outside 1948-07-20 – 2099-12-31.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::{holiday, parse_date, HolidayKind};
/// let h = holiday(parse_date("2021-08-09")?)?.unwrap();
/// assert_eq!(h.kind, HolidayKind::SubstituteHoliday); // 山の日 moved to Sunday 8/8
/// assert_eq!(holiday(parse_date("2021-08-11")?)?, None);
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn holiday(day: NaiveDate) -> Result<Option<Holiday>, CalendarError> {
    Ok(HolidayKind::from_code(lookup(day)?).map(|kind| Holiday { date: day, kind }))
}

/// The name of the holiday on a day, in a language; `None` on an ordinary day.
///
/// # Errors
///
/// `calendar.out_of_range` outside 1948-07-20 – 2099-12-31.
///
/// # Example
///
/// ```
/// use hug_onboard_core::{calendar::{holiday_name, parse_date}, Lang};
/// assert_eq!(holiday_name(parse_date("2026-09-22")?, Lang::Ja)?, Some("国民の休日"));
/// assert_eq!(holiday_name(parse_date("2026-09-22")?, Lang::En)?, Some("Citizens' Holiday"));
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn holiday_name(day: NaiveDate, lang: Lang) -> Result<Option<&'static str>, CalendarError> {
    Ok(holiday(day)?.map(|h| h.kind.name(lang)))
}

/// Every holiday of a year, in date order. In 1948 only the days from
/// 1948-07-20 are included.
///
/// # Errors
///
/// `calendar.year_out_of_range` outside 1948–2099.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::holidays_of_year;
/// let h = holidays_of_year(2026)?;
/// assert_eq!(h.len(), 18);
/// assert_eq!(h[0].date.to_string(), "2026-01-01");
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn holidays_of_year(year: i32) -> Result<Vec<Holiday>, CalendarError> {
    check_year(year)?;
    let idx = usize::try_from(year - FIRST_YEAR).unwrap_or(usize::MAX);
    let Some(t) = table().get(idx) else {
        return Ok(Vec::new());
    };
    Ok(t.iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let kind = HolidayKind::from_code(*c)?;
            let date = NaiveDate::from_yo_opt(year, i as u32 + 1)?;
            Some(Holiday { date, kind })
        })
        .collect())
}

/// Whether a year's holidays are officially announced or computed ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearStatus {
    /// On or before the last announced year: the 内閣府 list is out.
    Announced,
    /// After it: computed by the same rules, may change (the equinox days are
    /// fixed each February for the next year, and a law can add or move a day).
    Provisional,
}

/// A period closed every year (an operational overlay such as the year-end
/// closure 12/29–1/3), from `start` to `end` inclusive, each `(month, day)`;
/// it may wrap over the new year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnualClosure {
    /// First closed day, `[month, day]`.
    pub start: (u32, u32),
    /// Last closed day, `[month, day]` (inclusive).
    pub end: (u32, u32),
}

impl AnnualClosure {
    /// The year-end closure of public offices and banks: 12/29 – 1/3.
    ///
    /// ```
    /// use hug_onboard_core::calendar::AnnualClosure;
    /// assert_eq!(AnnualClosure::year_end().start, (12, 29));
    /// ```
    pub fn year_end() -> Self {
        AnnualClosure {
            start: (12, 29),
            end: (1, 3),
        }
    }

    /// Whether the closure covers a day.
    ///
    /// ```
    /// use hug_onboard_core::calendar::{AnnualClosure, parse_date};
    /// let c = AnnualClosure::year_end();
    /// assert!(c.contains(parse_date("2027-01-02")?));
    /// assert!(!c.contains(parse_date("2027-01-04")?));
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn contains(&self, day: NaiveDate) -> bool {
        let md = (day.month(), day.day());
        if self.start <= self.end {
            self.start <= md && md <= self.end
        } else {
            md >= self.start || md <= self.end
        }
    }

    /// Whether both ends are real month/day pairs (month 1–12, day 1–31 and
    /// within the month, 2/29 allowed).
    ///
    /// ```
    /// use hug_onboard_core::calendar::AnnualClosure;
    /// assert!(AnnualClosure::year_end().is_valid());
    /// assert!(!AnnualClosure { start: (2, 30), end: (3, 1) }.is_valid());
    /// ```
    pub fn is_valid(&self) -> bool {
        let ok = |(m, d): (u32, u32)| NaiveDate::from_ymd_opt(2000, m, d).is_some();
        ok(self.start) && ok(self.end)
    }
}

/// The holiday and business-day configuration: which year is the last
/// officially announced one, and the closures laid over the public holidays.
///
/// The default has no closure (business day = not Saturday, Sunday or a
/// holiday) and [`DEFAULT_LAST_ANNOUNCED_YEAR`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JapaneseCalendar {
    /// The last year whose holidays (equinox days) have been officially
    /// announced; later years are [`YearStatus::Provisional`].
    pub last_announced_year: i32,
    /// Extra closed days every year (e.g. [`AnnualClosure::year_end`]).
    pub closures: Vec<AnnualClosure>,
}

impl Default for JapaneseCalendar {
    fn default() -> Self {
        JapaneseCalendar {
            last_announced_year: DEFAULT_LAST_ANNOUNCED_YEAR,
            closures: Vec::new(),
        }
    }
}

impl JapaneseCalendar {
    /// The default calendar with the year-end closure 12/29–1/3 as well.
    ///
    /// ```
    /// use hug_onboard_core::calendar::{JapaneseCalendar, parse_date};
    /// let c = JapaneseCalendar::with_year_end_closure();
    /// assert!(!c.is_business_day(parse_date("2026-12-29")?)?);
    /// assert!(JapaneseCalendar::default().is_business_day(parse_date("2026-12-29")?)?);
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn with_year_end_closure() -> Self {
        JapaneseCalendar {
            closures: vec![AnnualClosure::year_end()],
            ..JapaneseCalendar::default()
        }
    }

    /// Whether a year's holidays are announced or provisional.
    ///
    /// # Errors
    ///
    /// `calendar.year_out_of_range` outside 1948–2099.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::calendar::{JapaneseCalendar, YearStatus};
    /// let c = JapaneseCalendar::default();
    /// assert_eq!(c.year_status(2027)?, YearStatus::Announced);
    /// assert_eq!(c.year_status(2028)?, YearStatus::Provisional);
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn year_status(&self, year: i32) -> Result<YearStatus, CalendarError> {
        check_year(year)?;
        Ok(if year <= self.last_announced_year {
            YearStatus::Announced
        } else {
            YearStatus::Provisional
        })
    }

    /// Whether a day is closed by one of the [`closures`](Self::closures).
    ///
    /// ```
    /// use hug_onboard_core::calendar::{JapaneseCalendar, parse_date};
    /// assert!(JapaneseCalendar::with_year_end_closure().is_closure(parse_date("2026-12-31")?));
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn is_closure(&self, day: NaiveDate) -> bool {
        self.closures.iter().any(|c| c.contains(day))
    }

    /// Whether a day is a business day: not a Saturday, a Sunday, a public
    /// holiday or a closure.
    ///
    /// # Errors
    ///
    /// `calendar.out_of_range` outside 1948-07-20 – 2099-12-31.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::calendar::{JapaneseCalendar, parse_date};
    /// let c = JapaneseCalendar::default();
    /// assert!(c.is_business_day(parse_date("2026-05-07")?)?);
    /// assert!(!c.is_business_day(parse_date("2026-05-06")?)?);
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn is_business_day(&self, day: NaiveDate) -> Result<bool, CalendarError> {
        let holiday = lookup(day)? != 0;
        Ok(!holiday
            && !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && !self.is_closure(day))
    }

    /// `day` if it is a business day, else the next business day after it.
    ///
    /// # Errors
    ///
    /// `calendar.out_of_range` when the search leaves the supported range;
    /// `calendar.no_business_day` when no day within a year is a business day.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::calendar::{JapaneseCalendar, parse_date};
    /// let c = JapaneseCalendar::default();
    /// assert_eq!(c.roll_forward(parse_date("2026-05-03")?)?.to_string(), "2026-05-07");
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn roll_forward(&self, day: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.search(day, day, true)
    }

    /// `day` if it is a business day, else the business day before it.
    ///
    /// # Errors
    ///
    /// As [`roll_forward`](Self::roll_forward).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::calendar::{JapaneseCalendar, parse_date};
    /// let c = JapaneseCalendar::default();
    /// assert_eq!(c.roll_backward(parse_date("2026-05-06")?)?.to_string(), "2026-05-01");
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn roll_backward(&self, day: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.search(day, day, false)
    }

    /// The first business day strictly after `day`.
    ///
    /// # Errors
    ///
    /// As [`roll_forward`](Self::roll_forward).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::calendar::{JapaneseCalendar, parse_date};
    /// let c = JapaneseCalendar::with_year_end_closure();
    /// assert_eq!(c.next_business_day(parse_date("2026-12-28")?)?.to_string(), "2027-01-04");
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn next_business_day(&self, day: NaiveDate) -> Result<NaiveDate, CalendarError> {
        check_day(day)?;
        let start = day
            .checked_add_days(Days::new(1))
            .ok_or(CalendarError::OutOfRange { day })?;
        self.search(day, start, true)
    }

    /// The last business day strictly before `day`.
    ///
    /// # Errors
    ///
    /// As [`roll_forward`](Self::roll_forward).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::calendar::{JapaneseCalendar, parse_date};
    /// let c = JapaneseCalendar::default();
    /// assert_eq!(c.previous_business_day(parse_date("2026-01-05")?)?.to_string(), "2026-01-02");
    /// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
    /// ```
    pub fn previous_business_day(&self, day: NaiveDate) -> Result<NaiveDate, CalendarError> {
        check_day(day)?;
        let start = day
            .checked_sub_days(Days::new(1))
            .ok_or(CalendarError::OutOfRange { day })?;
        self.search(day, start, false)
    }

    fn search(
        &self,
        origin: NaiveDate,
        start: NaiveDate,
        forward: bool,
    ) -> Result<NaiveDate, CalendarError> {
        let mut d = start;
        for _ in 0..=366 {
            if self.is_business_day(d)? {
                return Ok(d);
            }
            let next = if forward { d.succ_opt() } else { d.pred_opt() };
            d = next.ok_or(CalendarError::OutOfRange { day: d })?;
        }
        Err(CalendarError::NoBusinessDay { day: origin })
    }
}

/// One supported day of a year as [`year_days`] lists it: the day, its
/// holiday if any, and whether it is a business day of the default calendar
/// (not a Saturday, Sunday or holiday; no closures).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayInfo {
    /// The day.
    pub date: NaiveDate,
    /// The holiday on it, if any (what [`holiday`] answers).
    pub holiday: Option<HolidayKind>,
    /// What [`is_business_day`] answers.
    pub business_day: bool,
}

/// Every supported day of a year in date order, with what [`holiday`] and
/// [`is_business_day`] answer for it: one call gives a caller a table to
/// answer a whole year's per-day questions from (the Python face packs every
/// year's into one byte per day, so a Python call is a table lookup while the
/// rules stay here). In 1948 the days start at 1948-07-20.
///
/// # Errors
///
/// `calendar.year_out_of_range` outside 1948–2099.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::{year_days, HolidayKind};
/// let days = year_days(2026)?;
/// assert_eq!(days.len(), 365);
/// assert_eq!(days[0].holiday, Some(HolidayKind::NewYearsDay));
/// assert!(!days[0].business_day);
/// assert!(days[1].business_day); // 2026-01-02, a Friday
/// assert_eq!(year_days(1948)?[0].date.to_string(), "1948-07-20");
/// assert!(year_days(2100).is_err());
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn year_days(year: i32) -> Result<Vec<DayInfo>, CalendarError> {
    check_year(year)?;
    let calendar = JapaneseCalendar::default();
    let mut out = Vec::with_capacity(366);
    let mut day = NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or(NaiveDate::MIN)
        .max(first_supported_day());
    while day.year() == year {
        out.push(DayInfo {
            date: day,
            holiday: holiday(day)?.map(|h| h.kind),
            business_day: calendar.is_business_day(day)?,
        });
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    Ok(out)
}

/// Whether a day is a business day with the default calendar (no closures).
///
/// # Errors
///
/// `calendar.out_of_range` outside 1948-07-20 – 2099-12-31.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::{is_business_day, parse_date};
/// assert!(!is_business_day(parse_date("2026-11-03")?)?); // 文化の日
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn is_business_day(day: NaiveDate) -> Result<bool, CalendarError> {
    JapaneseCalendar::default().is_business_day(day)
}

/// The first business day strictly after `day` (default calendar, no closures).
///
/// # Errors
///
/// `calendar.out_of_range` when the search leaves the supported range.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::{next_business_day, parse_date};
/// assert_eq!(next_business_day(parse_date("2026-04-28")?)?.to_string(), "2026-04-30");
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn next_business_day(day: NaiveDate) -> Result<NaiveDate, CalendarError> {
    JapaneseCalendar::default().next_business_day(day)
}

/// The last business day strictly before `day` (default calendar, no closures).
///
/// # Errors
///
/// `calendar.out_of_range` when the search leaves the supported range.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::{previous_business_day, parse_date};
/// assert_eq!(previous_business_day(parse_date("2026-05-07")?)?.to_string(), "2026-05-01");
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn previous_business_day(day: NaiveDate) -> Result<NaiveDate, CalendarError> {
    JapaneseCalendar::default().previous_business_day(day)
}

/// `day` if it is a business day, else the next one (default calendar).
///
/// # Errors
///
/// `calendar.out_of_range` when the search leaves the supported range.
///
/// # Example
///
/// ```
/// use hug_onboard_core::calendar::{roll_forward, parse_date};
/// assert_eq!(roll_forward(parse_date("2026-05-07")?)?.to_string(), "2026-05-07");
/// # Ok::<(), hug_onboard_core::calendar::CalendarError>(())
/// ```
pub fn roll_forward(day: NaiveDate) -> Result<NaiveDate, CalendarError> {
    JapaneseCalendar::default().roll_forward(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn every_error_code_is_listed() {
        let errs = [
            CalendarError::OutOfRange {
                day: d("1948-01-01"),
            },
            CalendarError::YearOutOfRange { year: 2100 },
            CalendarError::InvalidDate { input: "x".into() },
            CalendarError::NoBusinessDay {
                day: d("2000-01-01"),
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
    fn kinds_round_trip_codes_and_ids() {
        for k in HolidayKind::all() {
            assert_eq!(HolidayKind::from_code(k.code()), Some(*k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.id());
        }
        assert_eq!(HolidayKind::from_code(0), None);
        assert_eq!(HolidayKind::from_code(200), None);
    }

    #[test]
    fn range_edges() {
        assert!(is_holiday(d("1948-07-19")).is_err());
        assert_eq!(is_holiday(d("1948-07-20")), Ok(false));
        assert_eq!(
            holiday(d("1948-09-23")).unwrap().unwrap().kind,
            HolidayKind::AutumnalEquinoxDay
        );
        assert_eq!(holidays_of_year(1948).unwrap().len(), 3);
        assert!(holidays_of_year(1947).is_err());
        assert!(holidays_of_year(2100).is_err());
        assert!(is_holiday(d("2099-12-31")).is_ok());
        assert!(is_holiday(d("2100-01-01")).is_err());
        assert!(is_holiday(NaiveDate::MIN).is_err());
        assert!(is_holiday(NaiveDate::MAX).is_err());
        assert!(next_business_day(d("2099-12-31")).is_err());
        assert!(previous_business_day(d("1948-07-20")).is_err());
        assert!(next_business_day(NaiveDate::MAX).is_err());
        assert!(previous_business_day(NaiveDate::MIN).is_err());
    }

    #[test]
    fn rule_changes() {
        let k = |s| holiday(d(s)).unwrap().map(|h| h.kind);
        use HolidayKind as K;
        assert_eq!(k("1959-04-10"), Some(K::CrownPrinceAkihitoWedding));
        assert_eq!(k("1966-09-15"), Some(K::RespectForTheAgedDay));
        assert_eq!(k("1966-02-11"), None);
        assert_eq!(k("1967-02-11"), Some(K::NationalFoundationDay));
        assert_eq!(k("1973-04-30"), Some(K::SubstituteHoliday));
        assert_eq!(k("1973-02-12"), None); // 2/11 Sunday before the 1973 rule
        assert_eq!(k("1986-05-04"), None); // Sunday: not a 国民の休日 before 2007
        assert_eq!(k("1987-05-04"), Some(K::SubstituteHoliday));
        assert_eq!(k("1988-05-04"), Some(K::CitizensHoliday));
        assert_eq!(k("1985-05-04"), None);
        assert_eq!(k("1989-04-29"), Some(K::GreeneryDay));
        assert_eq!(k("1989-12-23"), Some(K::EmperorsBirthday));
        assert_eq!(k("2007-04-29"), Some(K::ShowaDay));
        assert_eq!(k("2008-05-06"), Some(K::SubstituteHoliday));
        assert_eq!(k("2009-09-22"), Some(K::CitizensHoliday));
        assert_eq!(k("2019-04-30"), Some(K::CitizensHoliday));
        assert_eq!(k("2019-05-02"), Some(K::CitizensHoliday));
        assert_eq!(k("2019-12-23"), None);
        assert_eq!(k("2020-02-23"), Some(K::EmperorsBirthday));
        assert_eq!(k("2020-02-24"), Some(K::SubstituteHoliday));
        assert_eq!(k("2020-07-24"), Some(K::SportsDay));
        assert_eq!(k("2020-10-12"), None);
        assert_eq!(k("2021-08-09"), Some(K::SubstituteHoliday));
        assert_eq!(k("2026-05-06"), Some(K::SubstituteHoliday));
    }

    #[test]
    fn equinoxes_before_the_reference() {
        // Published dates 1948-1969 (see REFERENCE.md): 春分 03-20 in 1960, 1964,
        // 1968, else 03-21; 秋分 09-24 in 1951, 1955, 1959, 1963, 1967, else 09-23.
        for y in 1948..1970 {
            let v = if [1960, 1964, 1968].contains(&y) {
                20
            } else {
                21
            };
            let a = if [1951, 1955, 1959, 1963, 1967].contains(&y) {
                24
            } else {
                23
            };
            assert_eq!(vernal_equinox_day(y), Some(v), "{y}");
            assert_eq!(autumnal_equinox_day(y), Some(a), "{y}");
        }
        assert_eq!(vernal_equinox_day(1899), None);
        assert_eq!(autumnal_equinox_day(2100), None);
    }

    #[test]
    fn parse_date_rejects_junk() {
        for s in [
            "",
            " ",
            "\0",
            "2026-1-01",
            "２０２６-01-01",
            "2026/01/01",
            "+202-01-01",
            "2026-13-01",
            "2026-02-29",
        ] {
            assert_eq!(
                parse_date(s).unwrap_err().code(),
                "calendar.invalid_date",
                "{s:?}"
            );
        }
        let long = "9".repeat(10_000);
        match parse_date(&long).unwrap_err() {
            CalendarError::InvalidDate { input } => assert_eq!(input.chars().count(), 64),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn closures_can_close_everything() {
        let c = JapaneseCalendar {
            closures: vec![AnnualClosure {
                start: (1, 1),
                end: (12, 31),
            }],
            ..Default::default()
        };
        assert_eq!(
            c.next_business_day(d("2026-01-01")).unwrap_err().code(),
            "calendar.no_business_day"
        );
    }
}
