//! A certificate's status on a JST day.

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::inspect::{Validity, to_jst};
use super::timeline::{Today, days_en, notice_opens};
use crate::diagnostic::{Diagnostic, ErrorKind, Lang, Severity};
use crate::rules::CertificateRules;

crate::diagnostic_codes! {
    /// The status of a certificate on a day, from least to most serious; each
    /// is a stable code, e.g. `certificate.status.renewal_due`.
    ///
    /// ```
    /// use hug_onboard_core::certificate::StatusKind;
    /// assert_eq!(StatusKind::Urgent.code(), "certificate.status.urgent");
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum StatusKind {
        /// The validity has not started (the portal's 有効開始年月日 is later).
        NotYetValid => "certificate.status.not_yet_valid", Advisory, Warning,
            "the certificate's validity has not started";
        /// Valid, renewal not due yet.
        Valid => "certificate.status.valid", Advisory, Info,
            "the certificate is valid and renewal is not due";
        /// Within the portal's renewal notice (90 days by default).
        RenewalDue => "certificate.status.renewal_due", Advisory, Warning,
            "the certificate expires within the portal's renewal notice period (90 days)";
        /// Within an urgent milestone (60/30/15/7 days by default; daily after the last).
        Urgent => "certificate.status.urgent", Advisory, Warning,
            "the certificate expires within an urgent milestone (60/30/15/7 days, then daily)";
        /// Expired: claims cannot be sent; the facility must apply as new.
        Expired => "certificate.status.expired", Advisory, Error,
            "the certificate has expired: claims cannot be sent; apply as new";
    }
}

/// A certificate's status on a day, as a finding with a bilingual message
/// naming the next action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateStatus {
    /// The status.
    pub kind: StatusKind,
    /// The day judged (JST).
    pub today: NaiveDate,
    /// The JST day of notAfter (有効終了年月日).
    pub valid_to: NaiveDate,
    /// The JST day of notBefore (有効開始年月日).
    pub valid_from: NaiveDate,
    /// The JST time of day of notAfter (23:59:59 for the portal's
    /// certificates; named in the message on the expiry day otherwise).
    pub expires_at_jst: NaiveTime,
    /// Days from today to the expiry day (0 on the expiry day, negative after).
    pub days_left: i64,
    /// For [`StatusKind::Urgent`]: the milestone reached (the smallest
    /// configured milestone at or above `days_left`).
    pub milestone: Option<u32>,
    /// Whether a reminder is due today: the day the notice period or a
    /// milestone is reached, every day after the last milestone, and every day
    /// once expired.
    pub remind_today: bool,
}

/// The status of a certificate with this validity on a JST day or at an
/// instant ([`Today`]: a [`NaiveDate`], or an aware time converted to JST).
///
/// One timeline with [`renewal_plan`](super::renewal_plan): expired exactly
/// when the plan says expired; renewal due or urgent exactly when the plan
/// says apply (the portal's renewal notice, `renewal_notice_days` before the
/// 有効終了年月日, has opened).
///
/// # Example
///
/// ```
/// use chrono::{DateTime, NaiveDate, TimeZone, Utc};
/// use hug_onboard_core::certificate::{status, StatusKind, Validity};
/// use hug_onboard_core::diagnostic::{Diagnostic, Lang};
/// use hug_onboard_core::rules::CertificateRules;
///
/// let v = Validity::new(
///     Utc.with_ymd_and_hms(2023, 9, 14, 15, 0, 0).unwrap(),
///     Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap(),
/// );
/// let rules = CertificateRules::default();
/// let s = status(&v, NaiveDate::from_ymd_opt(2026, 8, 16).unwrap(), &rules);
/// assert_eq!(s.kind, StatusKind::Urgent);
/// assert_eq!(s.days_left, 30);
/// assert_eq!(s.milestone, Some(30));
/// assert_eq!(s.code(), "certificate.status.urgent");
/// assert!(s.message(Lang::Ja).contains("30日"));
/// // An instant one second after notAfter: expired, whatever its zone.
/// let after = DateTime::parse_from_rfc3339("2026-09-16T00:00:00+09:00").unwrap();
/// assert_eq!(status(&v, after, &rules).kind, StatusKind::Expired);
/// ```
pub fn status(
    validity: &Validity,
    today: impl Into<Today>,
    rules: &CertificateRules,
) -> CertificateStatus {
    let at: Today = today.into();
    let today = at.jst_day();
    let valid_to = validity.not_after_jst();
    let valid_from = validity.not_before_jst();
    let days_left = (valid_to - today).num_days();
    let mut milestones: Vec<u32> = rules.urgent_milestone_days.clone();
    milestones.sort_unstable();
    milestones.dedup();
    let largest = milestones.last().copied();
    let smallest = milestones.first().copied();
    let within = |limit: u32| days_left <= i64::from(limit);
    let (kind, milestone) = if at.past(validity.not_after) {
        (StatusKind::Expired, None)
    } else if at.before(validity.not_before) {
        (StatusKind::NotYetValid, None)
    } else if today < notice_opens(valid_to, rules) {
        // Nothing to do before the portal accepts renewals, whatever the
        // urgency milestones say.
        (StatusKind::Valid, None)
    } else if largest.is_some_and(within) {
        let m = milestones
            .iter()
            .copied()
            .find(|m| i64::from(*m) >= days_left);
        (StatusKind::Urgent, m)
    } else {
        (StatusKind::RenewalDue, None)
    };
    let remind_today = match kind {
        StatusKind::Expired => true,
        StatusKind::Urgent => {
            smallest.is_some_and(within) || milestones.iter().any(|m| i64::from(*m) == days_left)
        }
        StatusKind::RenewalDue => today == notice_opens(valid_to, rules),
        _ => false,
    };
    CertificateStatus {
        kind,
        today,
        valid_to,
        valid_from,
        expires_at_jst: to_jst(validity.not_after).time(),
        days_left,
        milestone,
        remind_today,
    }
}

impl Diagnostic for CertificateStatus {
    fn code(&self) -> &'static str {
        self.kind.code()
    }

    fn kind(&self) -> ErrorKind {
        self.kind.kind()
    }

    fn severity(&self) -> Severity {
        self.kind.severity()
    }

    fn message(&self, lang: Lang) -> String {
        let to = self.valid_to;
        let from = self.valid_from;
        let d = self.days_left;
        match (self.kind, lang) {
            (StatusKind::NotYetValid, Lang::Ja) => format!(
                "この電子証明書の有効期間は{}から始まります（有効開始年月日）。それまでは請求の送信に使えません。現在有効な証明書をそのまま使ってください。",
                ja_date(from)
            ),
            (StatusKind::NotYetValid, Lang::En) => format!(
                "This certificate becomes valid on {from}; until then it cannot be used to send claims. Keep using the current certificate."
            ),
            (StatusKind::Valid, Lang::Ja) => format!(
                "電子証明書は有効です（有効終了年月日 {}、残り{d}日）。更新の必要はまだありません。",
                ja_date(to)
            ),
            (StatusKind::Valid, Lang::En) => format!(
                "The certificate is valid until {to} ({} left). No renewal is needed yet.",
                days_en(d)
            ),
            (StatusKind::RenewalDue, Lang::Ja) => format!(
                "電子証明書の有効期限が近づいています（{}まで、残り{d}日）。電子請求受付システムから証明書の更新（発行申請）をしてください。",
                ja_date(to)
            ),
            (StatusKind::RenewalDue, Lang::En) => format!(
                "The certificate expires on {to} ({} left). Apply for its renewal on the portal.",
                days_en(d)
            ),
            (StatusKind::Urgent, Lang::Ja) if d == 0 => format!(
                "電子証明書は本日（{}）{}で期限切れになります。今すぐ電子請求受付システムで発行申請をしてください。期限が切れると新規申請となり、請求できない期間が生じます。",
                ja_date(to),
                self.ja_time()
            ),
            (StatusKind::Urgent, Lang::En) if d == 0 => format!(
                "The certificate expires today ({to}{}). Apply on the portal now: once it expires you must apply as new and may be unable to bill for weeks.",
                self.en_time()
            ),
            (StatusKind::Urgent, Lang::Ja) => format!(
                "至急: 電子証明書の有効期限まで残り{d}日です（{}まで）。今すぐ電子請求受付システムで発行申請をし、発行されたら請求に使う全てのパソコンにインストールしてください。",
                ja_date(to)
            ),
            (StatusKind::Urgent, Lang::En) => format!(
                "Urgent: the certificate expires in {} ({to}). Apply on the portal now, then install the new certificate on every PC that sends claims.",
                days_en(d)
            ),
            (StatusKind::Expired, Lang::Ja) if d >= 0 => format!(
                "電子証明書は本日（{}）{}に期限切れになりました。請求を送信できません。電子請求受付システムで新規に発行申請をしてください。",
                ja_date(to),
                self.ja_time()
            ),
            (StatusKind::Expired, Lang::En) if d >= 0 => format!(
                "The certificate expired today ({to}{}); claims cannot be sent. Apply for a new certificate on the portal.",
                self.en_time()
            ),
            (StatusKind::Expired, Lang::Ja) => format!(
                "電子証明書は{}に期限切れになりました（{}日経過）。請求を送信できません。電子請求受付システムで新規に発行申請をしてください。",
                ja_date(to),
                -d
            ),
            (StatusKind::Expired, Lang::En) => format!(
                "The certificate expired on {to} ({} ago); claims cannot be sent. Apply for a new certificate on the portal.",
                days_en(-d)
            ),
        }
    }
}

impl CertificateStatus {
    /// Whether notAfter is the end of its JST day (23:59:59), as the portal's are.
    fn ends_at_midnight(&self) -> bool {
        self.expires_at_jst.hour() == 23
            && self.expires_at_jst.minute() == 59
            && self.expires_at_jst.second() == 59
    }

    /// `5時0分（日本時間）` when notAfter is not the end of the day, else empty.
    fn ja_time(&self) -> String {
        if self.ends_at_midnight() {
            String::new()
        } else {
            format!(
                "{}時{}分（日本時間）",
                self.expires_at_jst.hour(),
                self.expires_at_jst.minute()
            )
        }
    }

    /// ` at 05:00 JST` when notAfter is not the end of the day, else empty.
    fn en_time(&self) -> String {
        if self.ends_at_midnight() {
            String::new()
        } else {
            format!(" at {} JST", self.expires_at_jst.format("%H:%M"))
        }
    }
}

/// `2026年9月15日`.
pub(crate) fn ja_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};
    use chrono::{Days, TimeZone, Utc};
    use proptest::prelude::*;

    fn guide() -> Validity {
        Validity::new(
            Utc.with_ymd_and_hms(2023, 9, 14, 15, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap(),
        )
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn boundaries() {
        let r = CertificateRules::default();
        let v = guide();
        let k = |d| status(&v, d, &r);
        assert_eq!(k(day(2023, 9, 14)).kind, StatusKind::NotYetValid);
        assert_eq!(k(day(2023, 9, 15)).kind, StatusKind::Valid);
        assert_eq!(k(day(2026, 6, 16)).kind, StatusKind::Valid); // 91 days
        let due = k(day(2026, 6, 17));
        assert_eq!(
            (due.kind, due.days_left, due.remind_today),
            (StatusKind::RenewalDue, 90, true)
        );
        assert!(!k(day(2026, 6, 18)).remind_today);
        assert_eq!(k(day(2026, 7, 17)).kind, StatusKind::Urgent); // 60
        assert!(k(day(2026, 7, 17)).remind_today);
        assert!(!k(day(2026, 7, 18)).remind_today);
        let s = k(day(2026, 9, 10));
        assert_eq!((s.milestone, s.remind_today), (Some(7), true));
        assert_eq!(k(day(2026, 9, 15)).days_left, 0);
        assert_eq!(k(day(2026, 9, 15)).kind, StatusKind::Urgent);
        assert_eq!(k(day(2026, 9, 16)).kind, StatusKind::Expired);
        for kind in [
            k(day(2023, 1, 1)),
            k(day(2025, 1, 1)),
            due,
            s,
            k(day(2027, 1, 1)),
        ] {
            assert!(crate::all_codes().iter().any(|c| c.code == kind.code()));
            assert!(!kind.message(Lang::Ja).is_empty() && !kind.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn no_milestones() {
        let r = CertificateRules {
            urgent_milestone_days: vec![],
            ..CertificateRules::default()
        };
        assert_eq!(
            status(&guide(), day(2026, 9, 14), &r).kind,
            StatusKind::RenewalDue
        );
    }

    proptest! {
        #[test]
        fn monotone(offset in 0u64..2000, a in 0u32..120, b in 0u32..120) {
            let r = CertificateRules { renewal_notice_days: a, urgent_milestone_days: vec![b, b / 2], ..CertificateRules::default() };
            let v = guide();
            let d0 = day(2023, 6, 1).checked_add_days(Days::new(offset)).unwrap();
            let d1 = d0.succ_opt().unwrap();
            let s0 = status(&v, d0, &r);
            let s1 = status(&v, d1, &r);
            prop_assert!(s0.kind <= s1.kind);
            prop_assert_eq!(s0.days_left - 1, s1.days_left);
        }
    }
}
