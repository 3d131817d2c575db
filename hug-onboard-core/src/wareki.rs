//! 和暦 (Japanese era dates): parse what letters and screens print, format it back.
//!
//! Notices print dates like `令和 元年 6月 3日`, screens `令和01年07月28日`, OCR
//! gives full-width digits, staff type `R1.6.3`. [`parse`] accepts all of them
//! and western dates (`2019/07/24`, `2019-07-24`, `2019年07月24日`):
//!
//! | input | result |
//! |---|---|
//! | `令和元年6月3日`, `令和 元年 6月 3日`, `令和元年６月３日`, `令和01年06月03日` | 2019-06-03 |
//! | `R1.6.3`, `R01/06/03`, `r1-6-3`, `㋿1.6.3`, `令1.6.3` | 2019-06-03 |
//! | `令和元年六月三日` (kanji numerals) | 2019-06-03 |
//! | `令和元年6月3日(月)` (a weekday in brackets is checked) | 2019-06-03 |
//! | `平成18年` | the year 2006 only: [`PartialDate::Year`] |
//! | `2019/07/24`, `2019-07-24`, `2019.7.24`, `2019年07月24日` | 2019-07-24 |
//!
//! Parsing is **strict** by default: a date outside its era — `平成32年1月1日`
//! (after 令和 began) or `令和元年4月30日` (before it) — is a coded error,
//! because it usually means a typo. [`ParseOptions::lenient`] converts such
//! dates instead (`平成32年1月1日` → 2020-01-01).
//!
//! The era table is data ([`EraTable`]): adding the next era is one more entry
//! ([`EraTable::with_era`] or JSON), no code change.
//!
//! Dates before 1873-01-01 (明治5年 and earlier) used the lunisolar calendar
//! and cannot be converted arithmetically: they are refused with
//! `wareki.out_of_range` rather than converted wrongly.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::wareki::{self, Style};
//!
//! let d = wareki::parse_date("令和 元年 6月 3日")?;
//! assert_eq!(d, NaiveDate::from_ymd_opt(2019, 6, 3).unwrap());
//! assert_eq!(wareki::format(d, Style::Long)?, "令和元年6月3日");
//! assert_eq!(wareki::format(d, Style::Short)?, "R1.6.3");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Lang;
use crate::text;

/// One era of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Era {
    /// The name in kanji, e.g. `令和`.
    pub name: String,
    /// The romanised name, e.g. `Reiwa`.
    pub name_en: String,
    /// The Latin initial used in short dates, e.g. `R` (matched case-insensitively).
    pub initial: char,
    /// Other spellings accepted when parsing: the one-kanji abbreviation (`令`)
    /// and the squared ligature (`㋿`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The first day of the era (its 元年).
    pub first_day: NaiveDate,
}

/// The table of eras, oldest first. The built-in table ([`EraTable::builtin`])
/// has 明治, 大正, 昭和, 平成 and 令和 with the first days listed in the
/// [domain rules](crate::_documentation::domain#japanese-dates-和暦)
/// (明治's 1868-01-25 is a convention: confidence U).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Era>", into = "Vec<Era>")]
pub struct EraTable {
    eras: Vec<Era>,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn era(name: &str, en: &str, initial: char, aliases: &[&str], first: NaiveDate) -> Era {
    Era {
        name: name.into(),
        name_en: en.into(),
        initial,
        aliases: aliases.iter().map(|s| (*s).to_owned()).collect(),
        first_day: first,
    }
}

/// The first day of the Gregorian calendar in Japan (明治6年1月1日).
pub const GREGORIAN_START: NaiveDate = match NaiveDate::from_ymd_opt(1873, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

impl EraTable {
    /// The built-in table (明治 to 令和).
    ///
    /// ```
    /// let t = hug_onboard_core::wareki::EraTable::builtin();
    /// assert_eq!(t.eras().last().unwrap().name, "令和");
    /// ```
    pub fn builtin() -> &'static EraTable {
        static TABLE: OnceLock<EraTable> = OnceLock::new();
        TABLE.get_or_init(|| EraTable {
            eras: vec![
                era("明治", "Meiji", 'M', &["明", "㍾"], ymd(1868, 1, 25)),
                era("大正", "Taisho", 'T', &["大", "㍽"], ymd(1912, 7, 30)),
                era("昭和", "Showa", 'S', &["昭", "㍼"], ymd(1926, 12, 25)),
                era("平成", "Heisei", 'H', &["平", "㍻"], ymd(1989, 1, 8)),
                era("令和", "Reiwa", 'R', &["令", "㋿"], ymd(2019, 5, 1)),
            ],
        })
    }

    /// Builds a table from eras (any order; sorted by first day).
    ///
    /// # Errors
    ///
    /// `wareki.invalid_era_table` when the list is empty, two eras start on the
    /// same day, or a name, initial or alias is used twice or is empty.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::wareki::EraTable;
    /// let eras = EraTable::builtin().eras().to_vec();
    /// assert!(EraTable::new(eras).is_ok());
    /// assert!(EraTable::new(vec![]).is_err());
    /// ```
    pub fn new(mut eras: Vec<Era>) -> Result<EraTable, WarekiError> {
        let bad = |reason: EraTableReason| WarekiError::InvalidEraTable { reason };
        if eras.is_empty() {
            return Err(bad(EraTableReason::NoEra));
        }
        eras.sort_by_key(|e| e.first_day);
        let mut names: Vec<String> = Vec::new();
        for (i, e) in eras.iter().enumerate() {
            if i > 0 && eras[i - 1].first_day == e.first_day {
                return Err(bad(EraTableReason::SameFirstDay { day: e.first_day }));
            }
            if !e.initial.is_ascii_alphabetic() {
                return Err(bad(EraTableReason::InitialNotLatin {
                    era: e.name.clone(),
                }));
            }
            let mut spellings = vec![e.name.clone(), e.initial.to_ascii_uppercase().to_string()];
            spellings.extend(e.aliases.iter().cloned());
            for s in spellings {
                if s.is_empty() || s.chars().any(|c| c.is_ascii_digit() || c.is_whitespace()) {
                    return Err(bad(EraTableReason::BadSpelling {
                        era: e.name.clone(),
                        spelling: s,
                    }));
                }
                if names.contains(&s) {
                    return Err(bad(EraTableReason::SpellingTwice { spelling: s }));
                }
                names.push(s);
            }
        }
        Ok(EraTable { eras })
    }

    /// The built-in table plus one more era (the next one, when it is announced).
    ///
    /// # Errors
    ///
    /// As [`EraTable::new`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::wareki::{self, Era, EraTable, ParseOptions, Style};
    ///
    /// let next = Era { name: "新元".into(), name_en: "Shingen".into(), initial: 'X',
    ///     aliases: vec![], first_day: NaiveDate::from_ymd_opt(2090, 1, 1).unwrap() };
    /// let table = EraTable::builtin().with_era(next)?;
    /// let d = NaiveDate::from_ymd_opt(2090, 2, 3).unwrap();
    /// assert_eq!(wareki::format_with(d, Style::Long, &table)?, "新元元年2月3日");
    /// let opts = ParseOptions { table: &table, lenient: false };
    /// assert_eq!(wareki::parse_date_with("X2.1.1", &opts)?.to_string(), "2091-01-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_era(&self, era: Era) -> Result<EraTable, WarekiError> {
        let mut eras = self.eras.clone();
        eras.push(era);
        EraTable::new(eras)
    }

    /// Reads a table from JSON: an array of [`Era`] objects.
    ///
    /// # Errors
    ///
    /// `wareki.invalid_era_table` when the JSON is malformed or the table invalid.
    ///
    /// # Example
    ///
    /// ```
    /// let json = r#"[{"name":"令和","name_en":"Reiwa","initial":"R","first_day":"2019-05-01"}]"#;
    /// let t = hug_onboard_core::wareki::EraTable::from_json(json)?;
    /// assert_eq!(t.eras().len(), 1);
    /// # Ok::<(), hug_onboard_core::wareki::WarekiError>(())
    /// ```
    pub fn from_json(json: &str) -> Result<EraTable, WarekiError> {
        let eras: Vec<Era> =
            serde_json::from_str(json).map_err(|e| WarekiError::InvalidEraTable {
                reason: EraTableReason::Json(crate::json_reason::DataReason::from_serde(&e)),
            })?;
        EraTable::new(eras)
    }

    /// The eras, oldest first.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::wareki::EraTable::builtin().eras().len(), 5);
    /// ```
    pub fn eras(&self) -> &[Era] {
        &self.eras
    }

    /// The era in force on a day (`None` before the first era).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let t = hug_onboard_core::wareki::EraTable::builtin();
    /// assert_eq!(t.era_of(NaiveDate::from_ymd_opt(1989, 1, 7).unwrap()).unwrap().name, "昭和");
    /// assert_eq!(t.era_of(NaiveDate::from_ymd_opt(1989, 1, 8).unwrap()).unwrap().name, "平成");
    /// ```
    pub fn era_of(&self, day: NaiveDate) -> Option<&Era> {
        self.eras.iter().rev().find(|e| e.first_day <= day)
    }

    fn next_after(&self, era: &Era) -> Option<&Era> {
        self.eras.iter().find(|e| e.first_day > era.first_day)
    }

    /// Finds the era whose spelling starts `s`; returns it and the byte length
    /// matched. Longest spelling wins; the Latin initial is case-insensitive.
    fn match_prefix(&self, s: &str) -> Option<(&Era, usize)> {
        let mut best: Option<(&Era, usize)> = None;
        for e in &self.eras {
            let mut cands: Vec<&str> = vec![e.name.as_str()];
            cands.extend(e.aliases.iter().map(String::as_str));
            for c in cands {
                if s.starts_with(c) && best.is_none_or(|(_, l)| c.len() > l) {
                    best = Some((e, c.len()));
                }
            }
            if best.is_none()
                && let Some(first) = s.chars().next()
                && first.eq_ignore_ascii_case(&e.initial)
            {
                best = Some((e, first.len_utf8()));
            }
        }
        best
    }
}

/// Why an era table cannot be used
/// ([`WarekiError::InvalidEraTable`]), in both languages
/// ([`EraTableReason::message`]).
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::Lang;
/// use hug_onboard_core::wareki::EraTableReason;
/// let r = EraTableReason::SpellingTwice { spelling: "令".into() };
/// assert_eq!(r.message(Lang::Ja), "表記「令」が2回使われています");
/// assert_eq!(r.message(Lang::En), "the spelling \"令\" is used twice");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EraTableReason {
    /// JSON that is not a list of eras.
    Json(crate::json_reason::DataReason),
    /// No era at all.
    NoEra,
    /// Two eras starting on the same day.
    SameFirstDay {
        /// The day.
        day: NaiveDate,
    },
    /// An initial that is not a Latin letter.
    InitialNotLatin {
        /// The era's name.
        era: String,
    },
    /// An empty spelling (name, initial or alias), or one with a digit or a space.
    BadSpelling {
        /// The era's name.
        era: String,
        /// The spelling.
        spelling: String,
    },
    /// A name, initial or alias used twice.
    SpellingTwice {
        /// The spelling.
        spelling: String,
    },
}

impl EraTableReason {
    /// The reason in `lang`, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        // A name from the caller's table: at most 40 characters, invisible ones as <U+XXXX>.
        let shown = |s: &str| text::readable(&s.chars().take(40).collect::<String>());
        match self {
            EraTableReason::Json(r) => {
                if ja {
                    format!(
                        "元号の一覧（JSON の配列）として読めません（{}）",
                        r.message(lang)
                    )
                } else {
                    format!("not a JSON list of eras ({})", r.message(lang))
                }
            }
            EraTableReason::NoEra => if ja {
                "元号が1つもありません"
            } else {
                "no era"
            }
            .to_owned(),
            EraTableReason::SameFirstDay { day } => {
                if ja {
                    format!("2つの元号が同じ日（{day}）に始まっています")
                } else {
                    format!("two eras start on {day}")
                }
            }
            EraTableReason::InitialNotLatin { era } => {
                if ja {
                    format!("「{}」の頭文字がローマ字（A〜Z）ではありません", shown(era))
                } else {
                    format!("the initial of \"{}\" is not a Latin letter", shown(era))
                }
            }
            EraTableReason::BadSpelling { era, spelling } => {
                if ja {
                    format!(
                        "「{}」の表記「{}」が使えません（空・数字や空白を含む）",
                        shown(era),
                        shown(spelling)
                    )
                } else {
                    format!(
                        "the spelling \"{}\" of \"{}\" is empty or has a digit or a space",
                        shown(spelling),
                        shown(era)
                    )
                }
            }
            EraTableReason::SpellingTwice { spelling } => {
                if ja {
                    format!("表記「{}」が2回使われています", shown(spelling))
                } else {
                    format!("the spelling \"{}\" is used twice", shown(spelling))
                }
            }
        }
    }
}

impl TryFrom<Vec<Era>> for EraTable {
    type Error = WarekiError;
    fn try_from(v: Vec<Era>) -> Result<Self, Self::Error> {
        EraTable::new(v)
    }
}

impl From<EraTable> for Vec<Era> {
    fn from(t: EraTable) -> Vec<Era> {
        t.eras
    }
}

/// A parsed date that may lack its month or day (`平成18年` is a year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PartialDate {
    /// A full date.
    Date {
        /// The date.
        date: NaiveDate,
    },
    /// A year and a month (`令和元年6月`).
    YearMonth {
        /// Western year.
        year: i32,
        /// Month 1–12.
        month: u32,
    },
    /// A year only (`平成18年`).
    Year {
        /// Western year.
        year: i32,
    },
}

impl PartialDate {
    /// The western year.
    ///
    /// ```
    /// use hug_onboard_core::wareki::parse;
    /// assert_eq!(parse("平成18年").unwrap().year(), 2006);
    /// ```
    pub fn year(&self) -> i32 {
        match self {
            PartialDate::Date { date } => date.year(),
            PartialDate::YearMonth { year, .. } | PartialDate::Year { year } => *year,
        }
    }

    /// The full date, if there is one.
    ///
    /// ```
    /// use hug_onboard_core::wareki::parse;
    /// assert!(parse("平成18年").unwrap().date().is_none());
    /// assert!(parse("R1.6.3").unwrap().date().is_some());
    /// ```
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            PartialDate::Date { date } => Some(*date),
            _ => None,
        }
    }
}

/// How to parse.
#[derive(Clone, Copy, Debug)]
pub struct ParseOptions<'a> {
    /// The era table (default: [`EraTable::builtin`]).
    pub table: &'a EraTable,
    /// Convert dates that fall outside their era (`平成32年` → 2020) instead of
    /// refusing them. Default `false`.
    pub lenient: bool,
}

impl Default for ParseOptions<'_> {
    fn default() -> Self {
        ParseOptions {
            table: EraTable::builtin(),
            lenient: false,
        }
    }
}

/// How to format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// `令和元年6月3日` (the first year written 元年, as letters print it).
    #[default]
    Long,
    /// `令和1年6月3日` (the first year as a number).
    LongNumeric,
    /// `R1.6.3`.
    Short,
}

impl Style {
    /// Parses `"long"`, `"long_numeric"` or `"short"`.
    ///
    /// ```
    /// use hug_onboard_core::wareki::Style;
    /// assert_eq!(Style::parse("short"), Some(Style::Short));
    /// ```
    pub fn parse(s: &str) -> Option<Style> {
        match s {
            "long" => Some(Style::Long),
            "long_numeric" => Some(Style::LongNumeric),
            "short" => Some(Style::Short),
            _ => None,
        }
    }
}

crate::diagnostics! {
    /// Why a string is not a date, or a date cannot be formatted.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum WarekiError {
        /// Empty or only white space.
        Empty => "wareki.empty", InvalidInput, Error,
            "date is empty",
            ja: "日付が入力されていません。",
            en: "The date is empty.";
        /// Not in any accepted form.
        Unrecognized {
            /// The input (shortened to 40 characters).
            input: String,
        } => "wareki.unrecognized", InvalidInput, Error,
            "not a date in an accepted form",
            ja: { format!("「{}」は日付として読めません。例: 令和元年6月3日、R1.6.3、2019/06/03", crate::text::readable(input)) },
            en: { format!("\"{}\" is not a date. Examples: 令和元年6月3日, R1.6.3, 2019/06/03.", crate::text::readable(input)) };
        /// An era name that is not in the table.
        UnknownEra {
            /// What stood where an era name was expected.
            era: String,
        } => "wareki.unknown_era", InvalidInput, Error,
            "era name not in the era table",
            ja: { format!("「{}」は元号の表にありません（標準の表は明治・大正・昭和・平成・令和）。", crate::text::readable(era)) },
            en: { format!("\"{}\" is not an era of the era table (the standard table: Meiji, Taisho, Showa, Heisei, Reiwa).", crate::text::readable(era)) };
        /// Year 0, or a year the calendar cannot hold.
        InvalidYear {
            /// The year as written.
            year: i64,
        } => "wareki.invalid_year", InvalidInput, Error,
            "year 0 or out of range",
            ja: "{year}年は正しい年ではありません。",
            en: "Year {year} is not valid.";
        /// Month outside 1–12.
        InvalidMonth {
            /// The month as written.
            month: i64,
        } => "wareki.invalid_month", InvalidInput, Error,
            "month not 1-12",
            ja: "{month}月は存在しません（1〜12月）。",
            en: "Month {month} does not exist (1-12).";
        /// Day that does not exist in the month (`2月30日`).
        InvalidDay {
            /// Western year.
            year: i32,
            /// Month.
            month: u32,
            /// The day as written.
            day: i64,
        } => "wareki.invalid_day", InvalidInput, Error,
            "day does not exist in the month",
            ja: "{year}年{month}月に{day}日はありません。",
            en: "Day {day} does not exist in {year}-{month:02}.";
        /// The date is before the first day of the era named.
        BeforeEraStart {
            /// The era named.
            era: String,
            /// Its first day.
            first_day: NaiveDate,
            /// The western date the input would mean.
            date: String,
        } => "wareki.before_era_start", InvalidInput, Error,
            "date before the first day of the era named (strict mode)",
            ja: { format!(
                "{era}は{}年{}月{}日からです。この日付（西暦{date}）は{era}より前です。元号か日付を確認してください。",
                first_day.year(),
                first_day.month(),
                first_day.day()
            ) },
            en: "{era} began on {first_day}; this date ({date}) is earlier. Check the era or the date.";
        /// The date is on or after the first day of the next era.
        AfterEraEnd {
            /// The era named.
            era: String,
            /// The next era.
            next: String,
            /// The next era's first day.
            next_first_day: NaiveDate,
            /// The western date the input would mean.
            date: String,
        } => "wareki.after_era_end", InvalidInput, Error,
            "date after the era named had ended (strict mode)",
            ja: "{next_first_day}から{next}です。この日付（西暦{date}）は{era}ではなく{next}で書きます。元号か日付を確認してください。",
            en: "{next} began on {next_first_day}; this date ({date}) is not in {era}. Check the era or the date.";
        /// A full date was required but only a year (or year and month) was given.
        DayRequired {
            /// The input.
            input: String,
        } => "wareki.day_required", InvalidInput, Error,
            "a full date is required but only a year or month was given",
            ja: { format!("「{}」には日がありません。年月日まで入力してください。", crate::text::readable(input)) },
            en: { format!("\"{}\" has no day; enter a full date.", crate::text::readable(input)) };
        /// A weekday in brackets that does not match the date.
        WeekdayMismatch {
            /// The date.
            date: NaiveDate,
            /// The weekday as written.
            written: String,
        } => "wareki.weekday_mismatch", InvalidInput, Error,
            "the weekday in brackets does not match the date",
            ja: { format!("{date}は{}曜日です（「{}」と書かれています）。", weekday_kanji(date.weekday()), crate::text::readable(written)) },
            en: { format!("{date} is a {:?}, not \"{}\".", date.weekday(), crate::text::readable(written)) };
        /// Before 1873-01-01 (lunisolar calendar) or beyond the supported years.
        OutOfRange {
            /// The date or year concerned.
            date: String,
        } => "wareki.out_of_range", InvalidInput, Error,
            "before 1873-01-01 (lunisolar calendar) or after 9999",
            ja: "{date}は対応範囲外です（1873年1月1日〔明治6年〕以降の日付に対応しています）。",
            en: "{date} is outside the supported range (from 1873-01-01, Meiji 6).";
        /// An era table that cannot be used.
        InvalidEraTable {
            /// Why, in both languages.
            reason: EraTableReason,
        } => "wareki.invalid_era_table", InvalidData, Error,
            "the era table is not JSON, empty or inconsistent",
            ja: { format!("元号の表が正しくありません: {}", reason.message(Lang::Ja)) },
            en: { format!("Invalid era table: {}", reason.message(Lang::En)) };
    }
}

fn weekday_kanji(w: Weekday) -> char {
    match w {
        Weekday::Mon => '月',
        Weekday::Tue => '火',
        Weekday::Wed => '水',
        Weekday::Thu => '木',
        Weekday::Fri => '金',
        Weekday::Sat => '土',
        Weekday::Sun => '日',
    }
}

fn weekday_from_text(s: &str) -> Option<Weekday> {
    let s = s.trim_end_matches("曜日").trim_end_matches('曜');
    let lower = s.to_ascii_lowercase();
    Some(match (s, lower.as_str()) {
        ("月", _) | (_, "mon") => Weekday::Mon,
        ("火", _) | (_, "tue") => Weekday::Tue,
        ("水", _) | (_, "wed") => Weekday::Wed,
        ("木", _) | (_, "thu") => Weekday::Thu,
        ("金", _) | (_, "fri") => Weekday::Fri,
        ("土", _) | (_, "sat") => Weekday::Sat,
        ("日", _) | (_, "sun") => Weekday::Sun,
        _ => return None,
    })
}

/// Longest input (in characters, after removing spaces) that can be a date.
const MAX_LEN: usize = 40;

/// Parses a date in any accepted form, with the built-in era table, strictly.
///
/// # Errors
///
/// `wareki.empty`, `wareki.unrecognized`, `wareki.unknown_era`,
/// `wareki.invalid_year`, `wareki.invalid_month`, `wareki.invalid_day`,
/// `wareki.before_era_start`, `wareki.after_era_end`,
/// `wareki.weekday_mismatch`, `wareki.out_of_range`.
///
/// # Example
///
/// ```
/// use hug_onboard_core::wareki::{parse, PartialDate};
/// use hug_onboard_core::diagnostic::Diagnostic;
///
/// assert_eq!(parse("平成18年")?, PartialDate::Year { year: 2006 });
/// assert_eq!(parse("平成32年1月1日").unwrap_err().code(), "wareki.after_era_end");
/// assert_eq!(parse("令和元年2月30日").unwrap_err().code(), "wareki.invalid_day");
/// # Ok::<(), hug_onboard_core::wareki::WarekiError>(())
/// ```
pub fn parse(input: &str) -> Result<PartialDate, WarekiError> {
    parse_with(input, &ParseOptions::default())
}

/// Parses a full date (year, month and day), strictly, with the built-in table.
///
/// # Errors
///
/// As [`parse`], plus `wareki.day_required` for `平成18年` or `令和元年6月`.
///
/// # Example
///
/// ```
/// use hug_onboard_core::wareki::parse_date;
/// use hug_onboard_core::diagnostic::Diagnostic;
/// assert_eq!(parse_date("R01/06/03")?.to_string(), "2019-06-03");
/// assert_eq!(parse_date("平成18年").unwrap_err().code(), "wareki.day_required");
/// # Ok::<(), hug_onboard_core::wareki::WarekiError>(())
/// ```
pub fn parse_date(input: &str) -> Result<NaiveDate, WarekiError> {
    parse_date_with(input, &ParseOptions::default())
}

/// [`parse_date`] with options (era table, lenient mode).
///
/// # Errors
///
/// As [`parse_date`].
///
/// # Example
///
/// ```
/// use hug_onboard_core::wareki::{parse_date_with, ParseOptions};
/// let lenient = ParseOptions { lenient: true, ..Default::default() };
/// assert_eq!(parse_date_with("平成32年1月1日", &lenient)?.to_string(), "2020-01-01");
/// # Ok::<(), hug_onboard_core::wareki::WarekiError>(())
/// ```
pub fn parse_date_with(input: &str, opts: &ParseOptions<'_>) -> Result<NaiveDate, WarekiError> {
    match parse_with(input, opts)? {
        PartialDate::Date { date } => Ok(date),
        _ => Err(WarekiError::DayRequired {
            input: shorten(input.trim()),
        }),
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > MAX_LEN {
        let mut t: String = s.chars().take(MAX_LEN).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    }
}

/// A cursor over the compacted input.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    /// A number: ASCII digits (up to 5), kanji numerals, or `元` (= 1) when allowed.
    fn number(&mut self, allow_gannen: bool) -> Option<i64> {
        if allow_gannen && self.eat('元') {
            return Some(1);
        }
        let rest = self.rest();
        let digits: usize = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            if digits > 5 {
                return None;
            }
            self.pos += digits;
            return rest[..digits].parse().ok();
        }
        let kanji: String = rest
            .chars()
            .take_while(|c| kanji_digit(*c).is_some())
            .collect();
        if kanji.is_empty() || kanji.chars().count() > 5 {
            return None;
        }
        self.pos += kanji.len();
        kanji_number(&kanji)
    }
}

fn kanji_digit(c: char) -> Option<i64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// `十二` = 12, `二十三` = 23, `二〇一九` = 2019.
fn kanji_number(s: &str) -> Option<i64> {
    let vals: Vec<i64> = s.chars().filter_map(kanji_digit).collect();
    match vals.iter().position(|&v| v == 10) {
        Some(i) => {
            if vals.iter().filter(|&&v| v == 10).count() > 1 || i > 1 || vals.len() - i > 2 {
                return None;
            }
            let tens = if i == 0 { 1 } else { vals[0] };
            let ones = vals.get(i + 1).copied().unwrap_or(0);
            if tens == 0 {
                return None;
            }
            Some(tens * 10 + ones)
        }
        None => Some(vals.iter().fold(0, |acc, d| acc * 10 + d)),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    Kanji,
    Ascii(char),
}

/// [`parse`] with options (era table, lenient mode).
///
/// # Errors
///
/// As [`parse`].
///
/// # Example
///
/// ```
/// use hug_onboard_core::wareki::{parse_with, ParseOptions, PartialDate};
/// let opts = ParseOptions::default();
/// assert_eq!(parse_with("令和元年6月", &opts)?, PartialDate::YearMonth { year: 2019, month: 6 });
/// # Ok::<(), hug_onboard_core::wareki::WarekiError>(())
/// ```
pub fn parse_with(input: &str, opts: &ParseOptions<'_>) -> Result<PartialDate, WarekiError> {
    let norm = text::to_halfwidth_ascii(input);
    let compact: String = norm.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(WarekiError::Empty);
    }
    let unrecognized = || WarekiError::Unrecognized {
        input: shorten(input.trim()),
    };
    if compact.chars().count() > MAX_LEN || text::find_control(&compact).is_some() {
        return Err(unrecognized());
    }
    let mut cur = Cursor {
        s: &compact,
        pos: 0,
    };

    // The era, if any.
    let era = match opts.table.match_prefix(&compact) {
        Some((e, len)) => {
            cur.pos = len;
            // `R` followed by something that is not a number is not an era initial
            // (e.g. a word); let it fall to "unknown era".
            if cur
                .peek()
                .is_some_and(|c| !(c.is_ascii_digit() || c == '元' || kanji_digit(c).is_some()))
            {
                return Err(WarekiError::UnknownEra {
                    era: leading_word(&compact),
                });
            }
            Some(e)
        }
        None => {
            let first = compact.chars().next().unwrap_or(' ');
            if !(first.is_ascii_digit() || kanji_digit(first).is_some()) {
                return Err(if leading_word(&compact).is_empty() {
                    unrecognized()
                } else {
                    WarekiError::UnknownEra {
                        era: leading_word(&compact),
                    }
                });
            }
            None
        }
    };

    let year_written = cur.number(era.is_some()).ok_or_else(unrecognized)?;
    let sep = if cur.eat('年') {
        Sep::Kanji
    } else {
        match cur.peek() {
            Some(c @ ('.' | '/' | '-')) => {
                cur.pos += 1;
                Sep::Ascii(c)
            }
            _ => return Err(unrecognized()),
        }
    };

    let mut month = None;
    let mut day = None;
    if !cur.at_end() {
        let m = cur.number(false).ok_or_else(unrecognized)?;
        match sep {
            Sep::Kanji => {
                if !cur.eat('月') {
                    return Err(unrecognized());
                }
            }
            Sep::Ascii(c) => {
                if !cur.eat(c) {
                    return Err(unrecognized());
                }
            }
        }
        month = Some(m);
        if !(cur.at_end() && sep == Sep::Kanji) {
            let d = cur.number(false).ok_or_else(unrecognized)?;
            if sep == Sep::Kanji {
                cur.eat('日');
            }
            day = Some(d);
        }
    } else if sep != Sep::Kanji {
        // `2019/` or `R1.` alone.
        return Err(unrecognized());
    }

    // An optional weekday in brackets: (月) （月曜日） (Mon).
    let mut weekday = None;
    if day.is_some() && cur.eat('(') {
        let close = cur.rest().find(')').ok_or_else(unrecognized)?;
        let w = &cur.rest()[..close];
        weekday = Some((weekday_from_text(w).ok_or_else(unrecognized)?, w.to_owned()));
        cur.pos += close + 1;
    }
    if !cur.at_end() {
        return Err(unrecognized());
    }

    // Western year.
    let year: i64 = match era {
        Some(e) => {
            // Year 0, or a Western year written after an era name (`令和2019年`
            // would be 4037): no era has lasted as many years as the Western
            // year it began in.
            if year_written < 1 || year_written >= i64::from(e.first_day.year()) {
                return Err(WarekiError::InvalidYear { year: year_written });
            }
            i64::from(e.first_day.year()) + year_written - 1
        }
        None => {
            if !(1000..=9999).contains(&year_written) {
                return Err(if year_written < 100 {
                    unrecognized()
                } else {
                    WarekiError::InvalidYear { year: year_written }
                });
            }
            year_written
        }
    };
    if year > 9999 {
        return Err(WarekiError::InvalidYear { year: year_written });
    }
    let year = year as i32;
    if let Some(m) = month
        && !(1..=12).contains(&m)
    {
        return Err(WarekiError::InvalidMonth { month: m });
    }
    let result = match (month, day) {
        (Some(m), Some(d)) => {
            let date = u32::try_from(d)
                .ok()
                .and_then(|dd| NaiveDate::from_ymd_opt(year, m as u32, dd))
                .ok_or(WarekiError::InvalidDay {
                    year,
                    month: m as u32,
                    day: d,
                })?;
            PartialDate::Date { date }
        }
        (Some(m), None) => PartialDate::YearMonth {
            year,
            month: m as u32,
        },
        _ => PartialDate::Year { year },
    };

    if let Some(e) = era {
        check_era_bounds(e, &result, opts)?;
    }
    // Era dates before the Gregorian calendar cannot be converted arithmetically.
    let first_possible = match result {
        PartialDate::Date { date } => date,
        PartialDate::YearMonth { year, month } => last_day_of_month(year, month),
        PartialDate::Year { year } => ymd(year, 12, 31),
    };
    if era.is_some() && first_possible < GREGORIAN_START {
        return Err(WarekiError::OutOfRange {
            date: shorten(input.trim()),
        });
    }
    if let (Some((w, written)), PartialDate::Date { date }) = (weekday, result)
        && date.weekday() != w
    {
        return Err(WarekiError::WeekdayMismatch { date, written });
    }
    Ok(result)
}

fn leading_word(s: &str) -> String {
    s.chars()
        .take_while(|c| !(c.is_ascii_digit() || *c == '元' || kanji_digit(*c).is_some()))
        .take(10)
        .collect()
}

fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = crate::rules::next_month(year, month);
    ymd(ny, nm, 1).pred_opt().unwrap_or(NaiveDate::MIN)
}

fn check_era_bounds(e: &Era, v: &PartialDate, opts: &ParseOptions<'_>) -> Result<(), WarekiError> {
    if opts.lenient {
        return Ok(());
    }
    // The span of days the value covers.
    let (lo, hi) = match *v {
        PartialDate::Date { date } => (date, date),
        PartialDate::YearMonth { year, month } => {
            (ymd(year, month, 1), last_day_of_month(year, month))
        }
        PartialDate::Year { year } => (ymd(year, 1, 1), ymd(year, 12, 31)),
    };
    let shown = match *v {
        PartialDate::Date { date } => date.to_string(),
        PartialDate::YearMonth { year, month } => format!("{year}-{month:02}"),
        PartialDate::Year { year } => year.to_string(),
    };
    if hi < e.first_day {
        return Err(WarekiError::BeforeEraStart {
            era: e.name.clone(),
            first_day: e.first_day,
            date: shown,
        });
    }
    if let Some(next) = opts.table.next_after(e)
        && lo >= next.first_day
    {
        return Err(WarekiError::AfterEraEnd {
            era: e.name.clone(),
            next: next.name.clone(),
            next_first_day: next.first_day,
            date: shown,
        });
    }
    Ok(())
}

/// The era and the year within it (1 = 元年) of a day, with the built-in table.
///
/// # Errors
///
/// `wareki.out_of_range` before 1873-01-01.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// let (era, year) = hug_onboard_core::wareki::era_year(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())?;
/// assert_eq!((era.name.as_str(), year), ("令和", 8));
/// # Ok::<(), hug_onboard_core::wareki::WarekiError>(())
/// ```
pub fn era_year(day: NaiveDate) -> Result<(&'static Era, i32), WarekiError> {
    era_year_in(day, EraTable::builtin())
}

fn era_year_in(day: NaiveDate, table: &EraTable) -> Result<(&Era, i32), WarekiError> {
    if day < GREGORIAN_START {
        return Err(WarekiError::OutOfRange {
            date: day.to_string(),
        });
    }
    let e = table.era_of(day).ok_or(WarekiError::OutOfRange {
        date: day.to_string(),
    })?;
    Ok((e, day.year() - e.first_day.year() + 1))
}

/// Formats a date as 和暦 with the built-in era table.
///
/// # Errors
///
/// `wareki.out_of_range` before 1873-01-01.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use hug_onboard_core::wareki::{format, Style};
/// let d = NaiveDate::from_ymd_opt(1989, 1, 8).unwrap();
/// assert_eq!(format(d, Style::Long)?, "平成元年1月8日");
/// assert_eq!(format(d, Style::LongNumeric)?, "平成1年1月8日");
/// assert_eq!(format(d, Style::Short)?, "H1.1.8");
/// # Ok::<(), hug_onboard_core::wareki::WarekiError>(())
/// ```
pub fn format(day: NaiveDate, style: Style) -> Result<String, WarekiError> {
    format_with(day, style, EraTable::builtin())
}

/// [`format()`] with an era table.
///
/// # Errors
///
/// `wareki.out_of_range` before 1873-01-01 or before the table's first era.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use hug_onboard_core::wareki::{format_with, EraTable, Style};
/// let d = NaiveDate::from_ymd_opt(2019, 4, 30).unwrap();
/// assert_eq!(format_with(d, Style::Short, EraTable::builtin())?, "H31.4.30");
/// # Ok::<(), hug_onboard_core::wareki::WarekiError>(())
/// ```
pub fn format_with(day: NaiveDate, style: Style, table: &EraTable) -> Result<String, WarekiError> {
    let (e, y) = era_year_in(day, table)?;
    let mut out = String::with_capacity(24);
    use fmt::Write;
    let _ = match style {
        Style::Long if y == 1 => write!(out, "{}元年{}月{}日", e.name, day.month(), day.day()),
        Style::Long | Style::LongNumeric => {
            write!(out, "{}{}年{}月{}日", e.name, y, day.month(), day.day())
        }
        Style::Short => write!(
            out,
            "{}{}.{}.{}",
            e.initial.to_ascii_uppercase(),
            y,
            day.month(),
            day.day()
        ),
    };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn accepted_forms() {
        let cases = [
            ("令和元年6月3日", d(2019, 6, 3)),
            ("令和 元年 6月 3日", d(2019, 6, 3)),
            ("令和01年07月28日", d(2019, 7, 28)),
            ("令和元年６月３日", d(2019, 6, 3)),
            ("R1.6.3", d(2019, 6, 3)),
            ("R01/06/03", d(2019, 6, 3)),
            ("r1-6-3", d(2019, 6, 3)),
            ("H31.4.30", d(2019, 4, 30)),
            ("㋿1.6.3", d(2019, 6, 3)),
            ("令和元年六月三日", d(2019, 6, 3)),
            ("令和二年十二月二十三日", d(2020, 12, 23)),
            ("2019/07/24", d(2019, 7, 24)),
            ("2019-07-24", d(2019, 7, 24)),
            ("2019年07月24日", d(2019, 7, 24)),
            ("２０１９年７月２４日", d(2019, 7, 24)),
            ("令和元年6月3日(月)", d(2019, 6, 3)),
            ("令和元年6月3日（月曜日）", d(2019, 6, 3)),
            ("昭和64年1月7日", d(1989, 1, 7)),
            ("平成元年1月8日", d(1989, 1, 8)),
            ("明治6年1月1日", d(1873, 1, 1)),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), Ok(want), "{s}");
        }
    }

    #[test]
    fn refused_forms() {
        let cases = [
            ("", "wareki.empty"),
            ("　", "wareki.empty"),
            ("平成32年1月1日", "wareki.after_era_end"),
            ("令和元年4月30日", "wareki.before_era_start"),
            ("昭和64年1月8日", "wareki.after_era_end"),
            ("平成元年1月7日", "wareki.before_era_start"),
            ("令和元年2月30日", "wareki.invalid_day"),
            ("令和元年13月1日", "wareki.invalid_month"),
            ("令和0年1月1日", "wareki.invalid_year"),
            // A Western year after an era name: not 4037-06-03.
            ("令和2019年6月3日", "wareki.invalid_year"),
            ("平成1990年1月1日", "wareki.invalid_year"),
            ("光文3年1月1日", "wareki.unknown_era"),
            ("X1.2.3", "wareki.unknown_era"),
            ("令和元年6月3日(火)", "wareki.weekday_mismatch"),
            ("明治5年1月1日", "wareki.out_of_range"),
            ("19/07/24", "wareki.unrecognized"),
            ("2019/07-24", "wareki.unrecognized"),
            ("令和元年6月3日x", "wareki.unrecognized"),
            ("2019\u{0}/07/24", "wareki.unrecognized"),
            ("平成18年", "wareki.day_required"),
        ];
        for (s, code) in cases {
            assert_eq!(parse_date(s).unwrap_err().code(), code, "{s}");
        }
        let long = "令".repeat(10_000);
        assert_eq!(parse_date(&long).unwrap_err().code(), "wareki.unrecognized");
    }

    #[test]
    fn lenient_converts() {
        let o = ParseOptions {
            lenient: true,
            ..Default::default()
        };
        assert_eq!(parse_date_with("平成32年1月1日", &o), Ok(d(2020, 1, 1)));
        assert_eq!(parse_date_with("令和元年4月30日", &o), Ok(d(2019, 4, 30)));
    }

    #[test]
    fn year_only_values() {
        assert_eq!(parse("平成18年"), Ok(PartialDate::Year { year: 2006 }));
        assert_eq!(parse("平成31年"), Ok(PartialDate::Year { year: 2019 }));
        assert_eq!(parse("令和元年"), Ok(PartialDate::Year { year: 2019 }));
        assert_eq!(
            parse("平成32年").unwrap_err().code(),
            "wareki.after_era_end"
        );
        assert_eq!(parse("2019年"), Ok(PartialDate::Year { year: 2019 }));
    }

    #[test]
    fn every_code_is_listed() {
        let errs = [
            WarekiError::Empty,
            WarekiError::Unrecognized { input: "x".into() },
            WarekiError::UnknownEra { era: "x".into() },
            WarekiError::InvalidYear { year: 0 },
            WarekiError::InvalidMonth { month: 13 },
            WarekiError::InvalidDay {
                year: 2019,
                month: 2,
                day: 30,
            },
            WarekiError::BeforeEraStart {
                era: "令和".into(),
                first_day: d(2019, 5, 1),
                date: "2019-04-30".into(),
            },
            WarekiError::AfterEraEnd {
                era: "平成".into(),
                next: "令和".into(),
                next_first_day: d(2019, 5, 1),
                date: "2020-01-01".into(),
            },
            WarekiError::DayRequired { input: "x".into() },
            WarekiError::WeekdayMismatch {
                date: d(2019, 6, 3),
                written: "火".into(),
            },
            WarekiError::OutOfRange { date: "x".into() },
            WarekiError::InvalidEraTable {
                reason: EraTableReason::NoEra,
            },
        ];
        assert_eq!(errs.len(), WarekiError::CODES.len());
        for e in errs {
            assert!(
                WarekiError::CODES.iter().any(|c| c.code == e.code()),
                "{}",
                e.code()
            );
            assert!(!e.message(Lang::Ja).is_empty() && !e.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn era_table_reasons_are_japanese_in_japanese() {
        let era = |name: &str, initial: char, aliases: &[&str], first_day| Era {
            name: name.into(),
            name_en: "Xx".into(),
            initial,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            first_day,
        };
        let results = [
            EraTable::from_json(""),
            EraTable::from_json("[]"),
            EraTable::from_json(r#"{"name": "Secret99"}"#),
            EraTable::from_json(
                r#"[{"name":"令和","name_en":"Reiwa","initial":"R","first_day":"Secret99"}]"#,
            ),
            EraTable::from_json(r#"[{"name":"令和","name_en":"Reiwa","initial":"R"}]"#),
            EraTable::new(vec![
                era("甲", 'A', &[], d(2090, 1, 1)),
                era("乙", 'B', &[], d(2090, 1, 1)),
            ]),
            EraTable::new(vec![era("甲", '1', &[], d(2090, 1, 1))]),
            EraTable::new(vec![era("甲", 'A', &["甲 1"], d(2090, 1, 1))]),
            EraTable::new(vec![era("甲", 'A', &["甲"], d(2090, 1, 1))]),
        ];
        for r in results {
            let e = r.unwrap_err();
            assert_eq!(e.code(), "wareki.invalid_era_table");
            let (ja, en) = (e.message(Lang::Ja), e.message(Lang::En));
            let words = crate::json_reason::english_words(&ja, &["first_day"]);
            assert_eq!(words, Vec::<String>::new(), "{ja}");
            assert!(!ja.contains("Secret99") && !en.contains("Secret99"), "{en}");
            assert!(ja != en);
        }
    }
}
