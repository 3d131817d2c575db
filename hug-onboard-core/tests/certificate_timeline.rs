//! One timeline for certificate time: `status`, `renewal_plan`, readiness and reminders judge
//! a certificate the same way on every day and at every instant (issue #12, fault 4).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use hug_onboard_core::certificate::{
    self, RenewalFinding, StatusKind, Today, Validity, renewal_plan, status,
};
use hug_onboard_core::diagnostic::{Diagnostic, Lang};
use hug_onboard_core::rules::{CertificateRules, WeekendCalendar};
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// notAfter 2027-03-31T20:00:00Z = 05:00 JST on 2027-04-01.
fn early_morning() -> Validity {
    Validity::new(
        Utc.with_ymd_and_hms(2024, 4, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2027, 3, 31, 20, 0, 0).unwrap(),
    )
}

fn both(v: &Validity, t: impl Into<Today> + Copy) -> (StatusKind, RenewalFinding) {
    let r = CertificateRules::default();
    (
        status(v, t, &r).kind,
        renewal_plan(v.not_after, t, &r, &WeekendCalendar).finding,
    )
}

#[test]
fn expiry_day_at_five_in_the_morning() {
    let v = early_morning();
    // The day 2027-04-01 (judged at 00:00 JST): it still works until 05:00; neither says expired.
    let (s, p) = both(&v, day(2027, 4, 1));
    assert_eq!(s, StatusKind::Urgent);
    assert_eq!(p, RenewalFinding::ApplyByPassed);
    let st = status(&v, day(2027, 4, 1), &CertificateRules::default());
    assert_eq!(st.days_left, 0);
    assert!(
        st.message(Lang::En)
            .contains("today (2027-04-01 at 05:00 JST)")
    );
    assert!(st.message(Lang::Ja).contains("5時0分"));
    // One second after notAfter, in any zone: both say expired.
    let after = DateTime::parse_from_rfc3339("2027-04-01T05:00:01+09:00").unwrap();
    assert_eq!(
        both(&v, after),
        (StatusKind::Expired, RenewalFinding::Expired)
    );
    let after_utc = Utc.with_ymd_and_hms(2027, 3, 31, 20, 0, 1).unwrap();
    assert_eq!(
        both(&v, after_utc),
        (StatusKind::Expired, RenewalFinding::Expired)
    );
    // notAfter itself is still valid (RFC 5280).
    assert_eq!(both(&v, v.not_after).0, StatusKind::Urgent);
    // The next day: expired for both.
    assert_eq!(
        both(&v, day(2027, 4, 2)),
        (StatusKind::Expired, RenewalFinding::Expired)
    );
}

#[test]
fn notice_not_open_means_no_advice_to_apply() {
    let v = early_morning();
    // 2026-12-24: 98 days before the expiry day; the portal's notice opens 2027-01-01.
    assert_eq!(
        both(&v, day(2026, 12, 24)),
        (StatusKind::Valid, RenewalFinding::NotYet)
    );
    let p = renewal_plan(
        v.not_after,
        day(2026, 12, 24),
        &CertificateRules::default(),
        &WeekendCalendar,
    );
    assert_eq!(p.notice_opens, day(2027, 1, 1));
    assert_eq!(
        both(&v, day(2027, 1, 1)),
        (StatusKind::RenewalDue, RenewalFinding::ApplyNow)
    );
    // A long issuance lead time never moves apply_by before the notice opens.
    let slow = CertificateRules {
        issuance_lead_days: 200,
        ..CertificateRules::default()
    };
    let p = renewal_plan(v.not_after, day(2026, 6, 1), &slow, &WeekendCalendar);
    assert_eq!(p.apply_by, p.notice_opens);
    assert_eq!(p.finding, RenewalFinding::NotYet);
}

#[test]
fn an_aware_utc_time_is_a_jst_day() {
    let v = early_morning();
    // 2027-03-31T16:00Z is 01:00 JST on 4/1: the JST day is 4/1, not the UTC day 3/31.
    let t = Utc.with_ymd_and_hms(2027, 3, 31, 16, 0, 0).unwrap();
    let s = status(&v, t, &CertificateRules::default());
    assert_eq!(s.today, day(2027, 4, 1));
    assert_eq!(s.days_left, 0);
    let pst = FixedOffset::west_opt(8 * 3600).unwrap();
    let t = pst.with_ymd_and_hms(2027, 3, 31, 9, 0, 0).unwrap(); // 17:00Z = 02:00 JST 4/1
    assert_eq!(Today::from(t).jst_day(), day(2027, 4, 1));
}

#[test]
fn english_plurals() {
    let v = Validity::new(
        Utc.with_ymd_and_hms(2023, 9, 14, 15, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap(),
    );
    let r = CertificateRules {
        urgent_milestone_days: vec![],
        ..CertificateRules::default()
    };
    let one = status(&v, day(2026, 9, 14), &r).message(Lang::En);
    assert!(one.contains("(1 day left)"), "{one}");
    let ago = status(&v, day(2026, 9, 16), &r).message(Lang::En);
    assert!(ago.contains("(1 day ago)"), "{ago}");
    let urgent = status(&v, day(2026, 9, 14), &CertificateRules::default()).message(Lang::En);
    assert!(urgent.contains("in 1 day "), "{urgent}");
    for d in 0..400 {
        let t = day(2025, 9, 1) + Duration::days(d);
        let m = status(&v, t, &CertificateRules::default()).message(Lang::En);
        let p = renewal_plan(
            v.not_after,
            t,
            &CertificateRules::default(),
            &WeekendCalendar,
        )
        .message(Lang::En);
        assert!(
            !m.contains(" 1 days") && !p.contains(" 1 days"),
            "{m} / {p}"
        );
    }
}

/// The consistency rules: no day where one says "expired" and the other not, or one says
/// "nothing to do" and the other "apply".
fn consistent(v: &Validity, t: Today, rules: &CertificateRules) -> Result<(), String> {
    let s = status(v, t, rules);
    let p = renewal_plan(v.not_after, t, rules, &WeekendCalendar);
    let ok = match s.kind {
        StatusKind::Expired => p.finding == RenewalFinding::Expired,
        StatusKind::Valid => p.finding == RenewalFinding::NotYet,
        StatusKind::RenewalDue | StatusKind::Urgent => matches!(
            p.finding,
            RenewalFinding::ApplyNow | RenewalFinding::ApplyByPassed
        ),
        StatusKind::NotYetValid => p.finding != RenewalFinding::Expired,
    };
    let never_early = p.finding == RenewalFinding::NotYet || s.today >= p.notice_opens;
    if ok && never_early && p.apply_by >= p.notice_opens && s.today == p.today {
        Ok(())
    } else {
        Err(format!(
            "{t:?}: status {:?}, renewal {:?} (notice opens {}, apply by {})",
            s.kind, p.finding, p.notice_opens, p.apply_by
        ))
    }
}

#[test]
fn every_day_and_every_hour_around_expiry_agree() {
    let rules = CertificateRules::default();
    for na in [
        Utc.with_ymd_and_hms(2027, 3, 31, 20, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap(),
        Utc.with_ymd_and_hms(2026, 9, 15, 15, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 12, 31, 14, 59, 59).unwrap(),
    ] {
        let v = Validity::new(na - Duration::days(3 * 365), na);
        let expiry = certificate::to_jst(na).date();
        for d in -400..=400 {
            let dd = expiry + Duration::days(d);
            consistent(&v, Today::Day(dd), &rules).unwrap();
        }
        // Every 20 minutes across the two days around the expiry, and around midnight JST.
        let start = na - Duration::hours(30);
        for k in 0..(60 * 3) {
            let t = start + Duration::minutes(20 * k);
            consistent(&v, Today::At(t), &rules).unwrap();
        }
        for s in -3..=3 {
            consistent(&v, Today::At(na + Duration::seconds(s)), &rules).unwrap();
        }
    }
}

proptest! {
    #[test]
    fn status_and_plan_never_contradict(secs in 1_700_000_000i64..2_100_000_000, offset in -400i64..=400,
                                        minute in 0i64..1440, notice in 0u32..200, lead in 0u32..60,
                                        cut in proptest::option::of(1u32..31), as_instant in any::<bool>()) {
        let na = DateTime::<Utc>::from_timestamp(secs, 0).unwrap();
        let v = Validity::new(na - Duration::days(1095), na);
        let rules = CertificateRules { renewal_notice_days: notice, issuance_lead_days: lead,
                                       application_cutoff_day: cut, ..CertificateRules::default() };
        let expiry = certificate::to_jst(na).date();
        let d = expiry + Duration::days(offset);
        let t = if as_instant {
            Today::At(certificate::Today::Day(d).instant() + Duration::minutes(minute))
        } else {
            Today::Day(d)
        };
        prop_assert!(consistent(&v, t, &rules).is_ok(), "{}", consistent(&v, t, &rules).unwrap_err());
    }
}
