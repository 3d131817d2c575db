//! Property tests: every day from 1873-01-01 to 2100-12-31 round-trips through
//! format and parse in every style; arbitrary strings never panic the parser.

use chrono::NaiveDate;
use hug_onboard_core::wareki::{self, Style};
use proptest::prelude::*;

#[test]
fn every_day_1873_to_2100_roundtrips() {
    let mut day = NaiveDate::from_ymd_opt(1873, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
    let mut n = 0;
    while day <= end {
        for style in [Style::Long, Style::LongNumeric, Style::Short] {
            let s = wareki::format(day, style).unwrap();
            assert_eq!(wareki::parse_date(&s), Ok(day), "{s}");
        }
        n += 1;
        day = day.succ_opt().unwrap();
    }
    assert_eq!(n, 83_275); // 228 years, 55 of them leap years
}

proptest! {
    #[test]
    fn parse_never_panics(s in ".{0,60}") {
        let _ = wareki::parse(&s);
    }

    #[test]
    fn parse_never_panics_on_date_like(s in "[令和平成昭RHS元0-9０-９年月日./\\- 　()一二三十]{0,30}") {
        let _ = wareki::parse(&s);
    }

    #[test]
    fn western_forms_agree(y in 1873i32..2100, m in 1u32..=12, d in 1u32..=28) {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for s in [format!("{y}/{m:02}/{d:02}"), format!("{y}-{m}-{d}"), format!("{y}年{m}月{d}日")] {
            prop_assert_eq!(wareki::parse_date(&s), Ok(date));
        }
    }
}
