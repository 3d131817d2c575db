//! Property tests for the round trips and orderings that had none: text
//! normalisation, katakana conversions, identifier display/parse, service-month
//! arithmetic and the order of schedules and their events.

use hug_onboard_core::facility::{FacilityNumber, PostalCode, UserId};
use hug_onboard_core::schedule::{BillingCalendar, YearMonth};
use hug_onboard_core::text;
use proptest::prelude::*;

/// Turns ASCII digits into full-width ones (as OCR and IMEs give them).
fn fullwidth_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c),
            '-' => '－',
            _ => c,
        })
        .collect()
}

/// Full-width katakana that have a half-width form (ァ–ヺ less ヮヰヱヵヶヸヹ), plus ー・ and spaces.
fn katakana() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = ('\u{30A1}'..='\u{30FA}')
        .filter(|c| !matches!(c, 'ヮ' | 'ヰ' | 'ヱ' | 'ヵ' | 'ヶ' | 'ヸ' | 'ヹ'))
        .chain(['ー', '・', ' '])
        .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..40)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn normalize_is_idempotent(s in any::<String>()) {
        let once = text::normalize(&s);
        prop_assert_eq!(text::normalize(&once), once.clone());
        let half = text::to_halfwidth_ascii(&s);
        prop_assert_eq!(text::to_halfwidth_ascii(&half), half);
        // Normalised text holds no full-width ASCII any more.
        prop_assert!(!once.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c)), "{:?}", once);
    }

    #[test]
    fn normalize_on_japanese_text_is_idempotent(s in "[ 　\\t０-９Ａ-Ｚａ-ｚ0-9a-zA-Zァ-ヺｦ-ﾟ一-龠ー－・]{0,60}") {
        let once = text::normalize(&s);
        prop_assert_eq!(text::normalize(&once), once);
    }

    #[test]
    fn fullwidth_katakana_survives_half_and_back(s in katakana()) {
        let half = text::fullwidth_to_halfwidth_katakana(&s);
        prop_assert!(!half.chars().any(|c| ('\u{30A1}'..='\u{30FA}').contains(&c)), "{:?}", half);
        prop_assert_eq!(text::halfwidth_to_fullwidth_katakana(&half), s);
    }

    #[test]
    fn halfwidth_to_fullwidth_is_idempotent(s in "[ｦ-ﾟア-ン ]{0,40}") {
        let full = text::halfwidth_to_fullwidth_katakana(&s);
        prop_assert_eq!(text::halfwidth_to_fullwidth_katakana(&full), full.clone());
        prop_assert!(!full.chars().any(text::is_halfwidth_katakana), "{:?}", full);
    }

    #[test]
    fn facility_number_display_parse(pref in 1u32..=47, rest in "[0-9]{8}") {
        let s = format!("{pref:02}{rest}");
        let n = FacilityNumber::parse(&s).unwrap();
        prop_assert_eq!(n.to_string(), s.clone());
        prop_assert_eq!(n.as_str(), s.as_str());
        prop_assert_eq!(u32::from(n.prefecture().number()), pref);
        prop_assert_eq!(FacilityNumber::parse(&n.to_string()).unwrap(), n);
        prop_assert_eq!(FacilityNumber::parse(&fullwidth_digits(&s)).unwrap(), n);
        prop_assert_eq!(s.parse::<FacilityNumber>().unwrap(), n);
    }

    #[test]
    fn postal_code_display_parse(d in "[0-9]{7}") {
        let p = PostalCode::parse(&d).unwrap();
        let display = format!("{}-{}", &d[..3], &d[3..]);
        prop_assert_eq!(p.to_string(), display.clone());
        prop_assert_eq!(p.digits(), d.as_str());
        prop_assert_eq!(PostalCode::parse(&display).unwrap(), p);
        prop_assert_eq!(PostalCode::parse(&format!("〒{display}")).unwrap(), p);
        prop_assert_eq!(PostalCode::parse(&fullwidth_digits(&display)).unwrap(), p);
    }

    #[test]
    fn user_id_display_parse(s in "[!-~]{1,20}") {
        let u = UserId::parse(&s).unwrap();
        prop_assert_eq!(u.as_str(), s.as_str());
        prop_assert_eq!(UserId::parse(&u.to_string()).unwrap(), u);
    }

    #[test]
    fn year_month_arithmetic_and_order(y in 1900i32..2200, m in 1u32..=12, n in -3000i64..3000) {
        let a = YearMonth::new(y, m).unwrap();
        prop_assert_eq!(YearMonth::parse(&a.to_string()).unwrap(), a);
        if let Some(b) = a.plus(n) {
            prop_assert_eq!(a.months_until(b), n);
            prop_assert_eq!(b.plus(-n), Some(a));
            prop_assert_eq!(a.cmp(&b), 0i64.cmp(&n));
            prop_assert_eq!(a.to_string().cmp(&b.to_string()), a.cmp(&b));
        }
    }

    #[test]
    fn consecutive_schedules_are_ordered(y in 1950i32..2097, m in 1u32..=12, len in 1i64..24) {
        let cal = BillingCalendar::default();
        let first = YearMonth::new(y, m).unwrap();
        let last = first.plus(len).unwrap();
        let all = cal.schedules(first, last).unwrap();
        prop_assert_eq!(all.len() as i64, len + 1);
        for w in all.windows(2) {
            prop_assert_eq!(w[0].service_month.plus(1), Some(w[1].service_month));
            prop_assert!(w[0].window.opens < w[1].window.opens);
            prop_assert!(w[0].window.closes < w[1].window.closes);
            prop_assert!(w[0].payment.date < w[1].payment.date);
        }
        for s in &all {
            let ev = s.events();
            prop_assert!(ev.windows(2).all(|p| p[0].date <= p[1].date), "{:?}", ev);
            prop_assert!(ev.iter().all(|e| e.service_month == s.service_month));
            prop_assert_eq!(s, &cal.schedule(s.service_month).unwrap());
        }
    }
}
