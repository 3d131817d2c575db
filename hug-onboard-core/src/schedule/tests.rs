use super::*;
use crate::calendar::parse_date;
use crate::diagnostic::Diagnostic;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).unwrap()
}

#[test]
fn every_error_code_is_listed() {
    let errs = [
        ScheduleError::InvalidMonth { input: "x".into() },
        ScheduleError::InvalidInstant { input: "x".into() },
        ScheduleError::InvalidRange {
            from: ym("2026-02"),
            to: ym("2026-01"),
        },
        ScheduleError::RangeTooLong { months: 2000 },
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
    let e = ScheduleError::from(CalendarError::OutOfRange {
        day: d("1900-01-01"),
    });
    assert_eq!(e.code(), "calendar.out_of_range");
}

#[test]
fn year_month_parse_rejects_junk() {
    let long = "1".repeat(10_000);
    for s in [
        "",
        " ",
        "\0",
        "2026",
        "2026-",
        "-04",
        "2026-13",
        "2026-00",
        "0-01",
        "２０２６-04",
        "2026-4-1",
        long.as_str(),
        "+2026-04",
    ] {
        assert_eq!(
            YearMonth::parse(s).unwrap_err().code(),
            "schedule.invalid_month",
            "{s:?}"
        );
    }
    assert_eq!(ym("2026/4").to_string(), "2026-04");
    assert_eq!(ym("9999-12").plus(1), None);
    assert_eq!(ym("0001-01").plus(-1), None);
    assert_eq!(ym("2026-01").plus(i64::MAX), None);
    assert_eq!(ym("2026-01").plus(i64::MIN), None);
}

#[test]
fn instants_reject_junk() {
    let long = "2".repeat(10_000);
    for s in [
        "",
        " ",
        "\0",
        "2026-05-10",
        "2026-05-10T",
        "2026-05-10T24:00",
        "2026-02-30T00:00",
        long.as_str(),
        "2026-05-10T10:00:00.5",
        "2026-05-10T10:00+09:00",
    ] {
        assert_eq!(
            parse_instant(s).unwrap_err().code(),
            "schedule.invalid_instant",
            "{s:?}"
        );
    }
}

#[test]
fn default_schedule_matches_the_guide() {
    let s = BillingCalendar::default().schedule(ym("2026-11")).unwrap();
    assert_eq!(s.claim_month, ym("2026-12"));
    assert_eq!(
        s.window.opens,
        d("2026-12-01").and_hms_opt(0, 0, 0).unwrap()
    );
    assert_eq!(
        s.window.closes,
        d("2026-12-11").and_hms_opt(0, 0, 0).unwrap()
    );
    assert_eq!(
        s.document(DocumentKind::ReturnsList).unwrap().date,
        d("2027-01-01")
    );
    assert_eq!(
        s.document(DocumentKind::CorrectionNotice).unwrap().date,
        d("2027-01-10")
    );
    assert_eq!(s.payment.nominal, d("2027-01-15"));
    assert_eq!(s.payment.date, d("2027-01-15"));
    assert!(!s.provisional);
    let s = BillingCalendar::default().schedule(ym("2027-11")).unwrap();
    assert!(s.provisional); // payment in 2028
}

#[test]
fn closing_day_policy_next_business_day() {
    let rb =
        Rulebook::from_json(r#"{"window": {"closing_day_policy": "next_business_day"}}"#).unwrap();
    let cal = BillingCalendar::new(rb);
    // claim month 2026-10: the 10th is a Saturday, the 12th スポーツの日 → Tuesday 13th
    let s = cal.schedule(ym("2026-09")).unwrap();
    assert!(s.window_extended);
    assert_eq!(
        s.window.closes,
        d("2026-10-14").and_hms_opt(0, 0, 0).unwrap()
    );
    // the default leaves it on the 10th
    let s = BillingCalendar::default().schedule(ym("2026-09")).unwrap();
    assert!(!s.window_extended);
    assert_eq!(s.window.last_day(), d("2026-10-10"));
    // a closing day at the end of the month never leaves the claim month
    let rb = Rulebook::from_json(
        r#"{"window": {"closing_day": 31, "closing_day_policy": "next_business_day"}}"#,
    );
    // day 31 > payment? no: payment is a month later
    let cal = BillingCalendar::new(rb.unwrap());
    let s = cal.schedule(ym("2026-04")).unwrap(); // claim month May: 5/31 is a Sunday
    assert_eq!(s.window.last_day(), d("2026-05-31"));
    assert!(!s.window_extended);
}

#[test]
fn queries() {
    let cal = BillingCalendar::default();
    let at = |s: &str, h, m| d(s).and_hms_opt(h, m, 0).unwrap();
    assert!(cal.is_window_open(at("2026-05-10", 23, 59)).unwrap());
    assert!(!cal.is_window_open(at("2026-05-11", 0, 0)).unwrap());
    assert!(!cal.is_window_open(at("2026-04-30", 23, 59)).unwrap());
    let dl = cal.next_deadline(at("2026-05-10", 23, 59)).unwrap();
    assert_eq!(dl.service_month, ym("2026-04"));
    assert!(dl.open_now);
    let dl = cal.next_deadline(at("2026-12-31", 12, 0)).unwrap();
    assert_eq!(dl.service_month, ym("2026-12"));
    assert_eq!(dl.window.opens, at("2027-01-01", 0, 0));
    // events on a day
    let ev = cal.events_on(d("2026-06-01")).unwrap();
    let kinds: Vec<_> = ev
        .iter()
        .map(|e| (e.kind, e.service_month.to_string(), e.document))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (EventKind::WindowOpens, "2026-05".into(), None),
            (
                EventKind::DocumentRelease,
                "2026-04".into(),
                Some(DocumentKind::ReturnsList)
            ),
            (
                EventKind::DocumentRelease,
                "2026-04".into(),
                Some(DocumentKind::PaymentAdjustment)
            ),
        ]
    );
    assert!(cal.events_on(d("2026-06-02")).unwrap().is_empty());
    assert!(cal.events_on(d("1948-07-19")).is_err());
    assert!(cal.next_deadline(at("2099-12-20", 0, 0)).is_err());
}

#[test]
fn claim_calendar_impl() {
    let cal = BillingCalendar::default();
    let w = cal.claim_window(2026, 5);
    assert_eq!(w.opens, d("2026-05-01").and_hms_opt(0, 0, 0).unwrap());
    assert!(!ClaimCalendar::is_business_day(&cal, d("2026-05-06")));
    assert!(WeekendCalendar.is_business_day(d("2026-05-06")));
    // outside the holiday range: the weekend calendar's answers
    assert_eq!(
        cal.claim_window(2150, 1),
        WeekendCalendar.claim_window(2150, 1)
    );
    assert_eq!(
        cal.claim_window(2026, 13),
        WeekendCalendar.claim_window(2026, 13)
    );
    assert!(ClaimCalendar::is_business_day(&cal, d("2200-01-07")));
    assert_eq!(
        cal.window_on_or_after(d("2026-05-11")).opens,
        d("2026-06-01").and_hms_opt(0, 0, 0).unwrap()
    );
}

#[test]
fn ranges() {
    let cal = BillingCalendar::default();
    assert_eq!(
        cal.schedules(ym("2026-02"), ym("2026-01"))
            .unwrap_err()
            .code(),
        "schedule.invalid_range"
    );
    assert_eq!(
        cal.schedules(ym("1900-01"), ym("2200-01"))
            .unwrap_err()
            .code(),
        "schedule.range_too_long"
    );
    assert_eq!(
        cal.schedules(ym("1940-01"), ym("1940-02"))
            .unwrap_err()
            .code(),
        "calendar.out_of_range"
    );
    assert_eq!(
        cal.schedule(ym("9999-12")).unwrap_err().code(),
        "calendar.year_out_of_range"
    );
    assert!(cal.schedule(ym("2099-09")).is_ok());
    assert!(cal.schedule(ym("2099-11")).is_err());
}

fn rulebooks() -> impl Strategy<Value = Rulebook> {
    (1u32..=10, 11u32..=31, 0u32..=1440, 0usize..2, 1u32..=28, 1u32..=28, 1u32..=3, any::<bool>())
        .prop_filter_map("valid rulebook", |(open, close, t, policy, r1, r2, pm, doc_roll)| {
            let (h, m) = (t / 60, t % 60);
            let policy = ["none", "next_business_day"][policy];
            let roll = if doc_roll { "next_business_day" } else { "none" };
            let (lo, hi) = (r1.min(r2), r1.max(r2));
            let json = format!(
                r#"{{"window": {{"opening_day": {open}, "closing_day": {close}, "closing_time": "{h:02}:{m:02}", "closing_day_policy": "{policy}"}},
                    "documents": {{"returns_list": {{"release_day": {lo}, "roll": "{roll}"}}, "payment_notice": {{"release_day": {hi}}}, "payment_breakdown": {{"release_day": {hi}}}, "correction_notice": {{"release_day": {hi}}}, "payment_adjustment": {{"release_day": {lo}}}}},
                    "payment": {{"months_after_claim": {pm}, "day": {hi}}}}}"#
            );
            Rulebook::from_json(&json).ok()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn window_before_releases_before_payment(rb in rulebooks(), year in 1949i32..2098, month in 1u32..=12) {
        let cal = BillingCalendar::new(rb);
        let s = cal.schedule(YearMonth::new(year, month).unwrap()).unwrap();
        prop_assert!(s.window.opens < s.window.closes);
        prop_assert_eq!(YearMonth::of(s.window.opens.date()), s.claim_month);
        for doc in &s.documents {
            prop_assert!(s.window.closes <= doc.date.and_time(NaiveTime::MIN), "{:?}", doc);
            prop_assert!(doc.date <= s.payment.date, "{:?} {:?}", doc, s.payment);
        }
    }

    #[test]
    fn rulebook_json_round_trip(rb in rulebooks()) {
        let json = rb.to_json();
        let back = Rulebook::from_json(&json).unwrap();
        prop_assert_eq!(&back, &rb);
        prop_assert_eq!(back.to_json(), json);
    }

    #[test]
    fn roll_forward_never_lands_on_a_closed_day(days in 0u64..55_000, year_end in any::<bool>()) {
        let c = if year_end { JapaneseCalendar::with_year_end_closure() } else { JapaneseCalendar::default() };
        let day = crate::calendar::first_supported_day() + chrono::Days::new(days);
        let r = c.roll_forward(day).unwrap();
        prop_assert!(c.is_business_day(r).unwrap());
        prop_assert!(r >= day);
        let mut x = day;
        while x < r {
            prop_assert!(!c.is_business_day(x).unwrap());
            x = x.succ_opt().unwrap();
        }
        let n = c.next_business_day(day).unwrap();
        prop_assert!(n > day && c.is_business_day(n).unwrap());
        let s = BillingCalendar { rulebook: Rulebook::default(), calendar: c.clone() };
        if let Ok(sch) = s.schedule(YearMonth::of(day)) {
            prop_assert!(c.is_business_day(sch.payment.date).unwrap());
        }
    }
}

#[test]
fn nagano_fixture() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/rulebooks/nagano.toml"
    );
    let rb = Rulebook::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(rb.id(), "nagano");
    let s = BillingCalendar::new(rb).schedule(ym("2026-04")).unwrap();
    assert_eq!(
        s.document(DocumentKind::PaymentNotice).unwrap().date,
        d("2026-06-06")
    );
    assert_eq!(
        s.document(DocumentKind::ReturnsList).unwrap().date,
        d("2026-06-01")
    );
    assert_eq!(s.window.last_day(), d("2026-05-10"));
}
