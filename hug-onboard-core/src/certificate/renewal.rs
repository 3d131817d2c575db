//! The renewal plan: the last safe day to apply for the next certificate.
//!
//! The old certificate fails in the first claim window that closes after it
//! expires (a certificate that expires on the 5th, in the middle of the 1st–10th
//! window, already puts that window at risk). The new certificate must be
//! installed before that window opens, so it must be issued the day before at
//! the latest; applying takes the issuance lead time (and waits for the
//! monthly cut-off when the 国保連 has one). The renewal must also be applied
//! for while the old certificate is still valid: after expiry the facility
//! applies as new. The last safe day is rolled back to a business day.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::inspect::to_jst;
use super::status::ja_date;
use super::timeline::{Today, days_en, notice_opens};
use crate::diagnostic::{Diagnostic, ErrorKind, Lang, Severity};
use crate::rules::{CertificateRules, ClaimCalendar, ClaimWindow, next_month};

crate::diagnostic_codes! {
    /// Where the renewal stands on the day of the plan; each is a stable code,
    /// e.g. `certificate.renewal.apply_by_passed`.
    ///
    /// ```
    /// use hug_onboard_core::certificate::RenewalFinding;
    /// assert_eq!(RenewalFinding::ApplyNow.code(), "certificate.renewal.apply_now");
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RenewalFinding {
        /// More than the renewal notice period before the last safe day.
        NotYet => "certificate.renewal.not_yet", Advisory, Info,
            "the renewal application is not due yet";
        /// Within the notice period and the last safe day has not passed: apply now.
        ApplyNow => "certificate.renewal.apply_now", Advisory, Warning,
            "apply for renewal now: the last safe day is near";
        /// The last safe day has passed but the certificate is still valid: apply
        /// today; the target claim window is at risk.
        ApplyByPassed => "certificate.renewal.apply_by_passed", Advisory, Error,
            "the last safe day to apply has passed: a claim window is at risk";
        /// The certificate has expired: apply as new.
        Expired => "certificate.renewal.expired", Advisory, Error,
            "the certificate has expired before renewal: apply as new";
    }
}

/// The renewal plan of a certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalPlan {
    /// The day of the plan (JST).
    pub today: NaiveDate,
    /// The JST day the portal's renewal notice opens (`renewal_notice_days`
    /// before the expiry day): applying is advised from this day, never before.
    pub notice_opens: NaiveDate,
    /// The old certificate's notAfter.
    pub expires_at: DateTime<Utc>,
    /// Its JST day (有効終了年月日).
    pub expiry_day: NaiveDate,
    /// The first claim window the old certificate would fail: the first whose
    /// closing is after the expiry instant (JST).
    pub target_window: ClaimWindow,
    /// The new certificate must be installed by this day: the day before the
    /// target window opens.
    pub install_by: NaiveDate,
    /// The last safe day to apply (a business day, while the old certificate
    /// is still valid, and never before [`Self::notice_opens`]).
    pub apply_by: NaiveDate,
    /// The monthly cut-off day the application must meet, when the 国保連 has one.
    pub cutoff: Option<NaiveDate>,
    /// Days from today to `apply_by` (negative once passed).
    pub days_until_apply_by: i64,
    /// Whether `apply_by` has passed.
    pub passed: bool,
    /// Where the renewal stands.
    pub finding: RenewalFinding,
}

/// The renewal plan for a certificate expiring at `not_after`, on `today`: a
/// JST day or an instant ([`Today`]; an aware time is converted to JST).
///
/// One timeline with [`status`](super::status): `Expired` exactly when the
/// status is expired; `ApplyNow`/`ApplyByPassed` exactly when the status is
/// renewal due or urgent (the portal's notice has opened), `NotYet` before.
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use hug_onboard_core::certificate::{renewal_plan, RenewalFinding};
/// use hug_onboard_core::diagnostic::Diagnostic;
/// use hug_onboard_core::rules::{CertificateRules, WeekendCalendar};
///
/// // Expires 2026-09-15 23:59:59 JST: the September window (1st–10th) is
/// // covered, October's is the first it would fail; the renewal must be
/// // applied for while the certificate is valid.
/// let not_after = Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap();
/// let today = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
/// let plan = renewal_plan(not_after, today, &CertificateRules::default(), &WeekendCalendar);
/// assert_eq!(plan.target_window.opens.date().to_string(), "2026-10-01");
/// assert_eq!(plan.install_by.to_string(), "2026-09-30");
/// assert_eq!(plan.apply_by.to_string(), "2026-09-15");
/// assert_eq!(plan.finding, RenewalFinding::NotYet);
/// assert_eq!(plan.code(), "certificate.renewal.not_yet");
/// ```
pub fn renewal_plan(
    not_after: DateTime<Utc>,
    today: impl Into<Today>,
    rules: &CertificateRules,
    calendar: &dyn ClaimCalendar,
) -> RenewalPlan {
    let at: Today = today.into();
    let today = at.jst_day();
    let expiry = to_jst(not_after);
    let expiry_day = expiry.date();
    // The first window whose closing is after the expiry instant.
    let (mut y, mut m) = (expiry_day.year(), expiry_day.month());
    let mut target = calendar.claim_window(y, m);
    for _ in 0..24 {
        if target.closes > expiry {
            break;
        }
        (y, m) = next_month(y, m);
        target = calendar.claim_window(y, m);
    }
    let install_by = target
        .opens
        .date()
        .pred_opt()
        .unwrap_or(target.opens.date());
    // Issued `lead` days after the application (or after the cut-off it meets).
    let lead = Days::new(u64::from(rules.issuance_lead_days));
    let latest_start = install_by.checked_sub_days(lead).unwrap_or(NaiveDate::MIN);
    let (mut apply_by, cutoff) = match rules.application_cutoff_day {
        Some(day) => {
            let c = last_cutoff_on_or_before(latest_start, day);
            (c, Some(c))
        }
        None => (latest_start, None),
    };
    // While the old certificate is valid: its last full JST day.
    let last_valid_day = expiry
        .checked_add_signed(chrono::Duration::seconds(1))
        .and_then(|t| t.date().pred_opt())
        .unwrap_or(expiry_day);
    if apply_by > last_valid_day {
        apply_by = last_valid_day;
    }
    // Roll back to a business day (at most a few weeks of closures).
    for _ in 0..31 {
        if calendar.is_business_day(apply_by) {
            break;
        }
        match apply_by.pred_opt() {
            Some(d) => apply_by = d,
            None => break,
        }
    }
    // Never advise applying before the portal's renewal notice opens: if
    // the safe day falls earlier (a long lead time), the first day is then.
    let notice_opens = notice_opens(expiry_day, rules);
    if apply_by < notice_opens {
        apply_by = notice_opens;
    }
    let days_until_apply_by = (apply_by - today).num_days();
    let passed = today > apply_by;
    let finding = if at.past(not_after) {
        RenewalFinding::Expired
    } else if today < notice_opens {
        RenewalFinding::NotYet
    } else if passed {
        RenewalFinding::ApplyByPassed
    } else {
        RenewalFinding::ApplyNow
    };
    RenewalPlan {
        today,
        notice_opens,
        expires_at: not_after,
        expiry_day,
        target_window: target,
        install_by,
        apply_by,
        cutoff,
        days_until_apply_by,
        passed,
        finding,
    }
}

/// The latest monthly cut-off day (`day` of a month, clamped to the month's
/// length) on or before `d`.
fn last_cutoff_on_or_before(d: NaiveDate, day: u32) -> NaiveDate {
    let in_month = |y: i32, m: u32| -> Option<NaiveDate> {
        let day = day.max(1);
        (1..=day.min(31))
            .rev()
            .find_map(|dd| NaiveDate::from_ymd_opt(y, m, dd))
    };
    match in_month(d.year(), d.month()) {
        Some(c) if c <= d => c,
        _ => {
            let (y, m) = if d.month() == 1 {
                (d.year() - 1, 12)
            } else {
                (d.year(), d.month() - 1)
            };
            in_month(y, m).unwrap_or(d)
        }
    }
}

impl Diagnostic for RenewalPlan {
    fn code(&self) -> &'static str {
        self.finding.code()
    }

    fn kind(&self) -> ErrorKind {
        self.finding.kind()
    }

    fn severity(&self) -> Severity {
        self.finding.severity()
    }

    fn message(&self, lang: Lang) -> String {
        let w = self.target_window.opens.date();
        let (ja_w, ja_by, ja_exp) = (ja_date(w), ja_date(self.apply_by), ja_date(self.expiry_day));
        let (by, exp, inst) = (self.apply_by, self.expiry_day, self.install_by);
        match (self.finding, lang) {
            (RenewalFinding::NotYet, Lang::Ja) => format!(
                "電子証明書の更新申請は{ja_by}までに行ってください（有効終了年月日 {ja_exp}、{ja_w}からの請求期間に間に合わせるため）。"
            ),
            (RenewalFinding::NotYet, Lang::En) => format!(
                "Apply for the certificate's renewal by {by} (it expires on {exp}; the new one must be installed by {inst} for the claim window opening {w})."
            ),
            (RenewalFinding::ApplyNow, Lang::Ja) => format!(
                "電子証明書の更新申請をしてください。安全な申請期限は{ja_by}です（残り{}日）。発行後、{}までに請求に使う全てのパソコンへインストールしてください。",
                self.days_until_apply_by,
                ja_date(inst)
            ),
            (RenewalFinding::ApplyNow, Lang::En) => format!(
                "Apply for the certificate's renewal now: the last safe day is {by} ({} left). Install the new certificate on every billing PC by {inst}.",
                days_en(self.days_until_apply_by)
            ),
            (RenewalFinding::ApplyByPassed, Lang::Ja) => format!(
                "電子証明書の安全な申請期限（{ja_by}）を過ぎています。今すぐ電子請求受付システムで発行申請をしてください。{ja_w}からの請求期間に新しい証明書が間に合わないおそれがあります。証明書は{ja_exp}に期限切れになります。"
            ),
            (RenewalFinding::ApplyByPassed, Lang::En) => format!(
                "The last safe day to apply ({by}) has passed. Apply on the portal today: the new certificate may not be ready for the claim window opening {w}. The certificate expires on {exp}."
            ),
            (RenewalFinding::Expired, Lang::Ja) => format!(
                "電子証明書は{ja_exp}に期限切れです。電子請求受付システムで新規に発行申請をしてください。発行されるまで請求を送信できません。"
            ),
            (RenewalFinding::Expired, Lang::En) => format!(
                "The certificate expired on {exp}. Apply for a new certificate on the portal; claims cannot be sent until it is issued and installed."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};
    use crate::rules::WeekendCalendar;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn mid_window_expiry_targets_that_window() {
        // Expires 2026-09-05 23:59:59 JST, in the middle of September's window.
        let na = Utc.with_ymd_and_hms(2026, 9, 5, 14, 59, 59).unwrap();
        let p = renewal_plan(
            na,
            day(2026, 8, 1),
            &CertificateRules::default(),
            &WeekendCalendar,
        );
        assert_eq!(p.target_window.opens.date(), day(2026, 9, 1));
        assert_eq!(p.install_by, day(2026, 8, 31));
        assert_eq!(p.apply_by, day(2026, 8, 24)); // Monday
        assert_eq!(p.finding, RenewalFinding::ApplyNow);
    }

    #[test]
    fn cutoff_and_business_days() {
        let na = Utc.with_ymd_and_hms(2026, 11, 5, 14, 59, 59).unwrap();
        let rules = CertificateRules {
            application_cutoff_day: Some(20),
            ..CertificateRules::default()
        };
        let p = renewal_plan(na, day(2026, 9, 1), &rules, &WeekendCalendar);
        // Install by 10-31, lead 7 → start by 10-24 → cut-off 10-20 (Tuesday).
        assert_eq!(p.cutoff, Some(day(2026, 10, 20)));
        assert_eq!(p.apply_by, day(2026, 10, 20));
        // Cut-off 31 in a short month clamps to its last day.
        assert_eq!(
            last_cutoff_on_or_before(day(2026, 2, 27), 31),
            day(2026, 1, 31)
        );
        assert_eq!(
            last_cutoff_on_or_before(day(2026, 2, 28), 31),
            day(2026, 2, 28)
        );
    }

    #[test]
    fn findings_and_codes() {
        let na = Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap();
        let r = CertificateRules::default();
        let at = |d| renewal_plan(na, d, &r, &WeekendCalendar);
        assert_eq!(at(day(2026, 9, 15)).finding, RenewalFinding::ApplyNow);
        assert_eq!(at(day(2026, 9, 16)).finding, RenewalFinding::Expired);
        let na2 = Utc.with_ymd_and_hms(2026, 9, 5, 14, 59, 59).unwrap();
        let p = renewal_plan(na2, day(2026, 8, 30), &r, &WeekendCalendar);
        assert_eq!(p.finding, RenewalFinding::ApplyByPassed);
        assert!(p.passed);
        for f in [
            at(day(2025, 1, 1)),
            at(day(2026, 9, 1)),
            p,
            at(day(2027, 1, 1)),
        ] {
            assert!(crate::all_codes().iter().any(|c| c.code == f.code()));
            assert!(!f.message(Lang::Ja).is_empty() && !f.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let r = CertificateRules {
            issuance_lead_days: u32::MAX,
            application_cutoff_day: Some(0),
            ..CertificateRules::default()
        };
        for na in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let _ = renewal_plan(na, NaiveDate::MIN, &r, &WeekendCalendar);
            let _ = renewal_plan(na, NaiveDate::MAX, &r, &WeekendCalendar);
        }
    }

    proptest! {
        #[test]
        fn apply_by_never_after_expiry(secs in 1_600_000_000i64..2_200_000_000, lead in 0u32..60,
                                       cut in proptest::option::of(1u32..31), offset in 0i64..2000) {
            let na = DateTime::<Utc>::from_timestamp(secs, 0).unwrap();
            let r = CertificateRules { issuance_lead_days: lead, application_cutoff_day: cut, ..CertificateRules::default() };
            let today = to_jst(na).date() - chrono::Duration::days(offset - 200);
            let p = renewal_plan(na, today, &r, &WeekendCalendar);
            prop_assert!(p.apply_by <= p.expiry_day);
            prop_assert!(p.apply_by <= p.install_by);
            prop_assert!(p.target_window.closes > to_jst(na));
            // Monotone in today: the finding never goes back.
            let q = renewal_plan(na, today.succ_opt().unwrap(), &r, &WeekendCalendar);
            prop_assert!(p.finding <= q.finding);
            prop_assert_eq!(p.apply_by, q.apply_by);
        }
    }
}
