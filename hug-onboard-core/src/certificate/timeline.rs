//! One timeline for certificate time: [`status`](super::status),
//! [`renewal_plan`](super::renewal_plan), readiness and reminders all judge a
//! certificate through [`Today`] and the helpers here, so that they cannot
//! contradict each other.
//!
//! * notBefore and notAfter are instants (UTC). The portal's 有効開始年月日 and
//!   有効終了年月日 are their JST days.
//! * "Today" is either a JST day ([`Today::Day`]) or an instant
//!   ([`Today::At`], from any aware time: converted to JST).
//! * A day is judged at its first instant (00:00 JST): a certificate whose
//!   notAfter is 2027-03-31T20:00:00Z (05:00 JST on 4/1) is judged "expires
//!   today" on the day 2027-04-01 and expired from 05:00:01 JST on that day when
//!   judged at an instant; as a day it is expired from 2027-04-02.
//! * Days left are counted from today's JST day to the 有効終了年月日 (0 on the
//!   expiry day).
//! * The portal's renewal notice opens `renewal_notice_days` (90, data) before
//!   the 有効終了年月日: from that day on, status says renewal is due and the
//!   renewal plan says apply; before it, neither does.

use chrono::{DateTime, Days, Duration, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::inspect::to_jst;
use crate::rules::CertificateRules;

/// The moment a certificate is judged at: a JST day, or an instant.
///
/// Made from a [`NaiveDate`] (taken as a JST day), a [`DateTime<Utc>`] or a
/// [`DateTime<FixedOffset>`] (any aware time; converted to JST).
///
/// ```
/// use chrono::{DateTime, NaiveDate};
/// use hug_onboard_core::certificate::Today;
/// let at: Today = DateTime::parse_from_rfc3339("2027-03-31T20:00:01Z").unwrap().into();
/// assert_eq!(at.jst_day(), NaiveDate::from_ymd_opt(2027, 4, 1).unwrap());
/// let day: Today = NaiveDate::from_ymd_opt(2027, 4, 1).unwrap().into();
/// assert_eq!(day.instant().to_rfc3339(), "2027-03-31T15:00:00+00:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Today {
    /// A JST calendar day, judged at its first instant (00:00 JST).
    Day(NaiveDate),
    /// An instant.
    At(DateTime<Utc>),
}

impl From<NaiveDate> for Today {
    fn from(d: NaiveDate) -> Self {
        Today::Day(d)
    }
}

impl From<DateTime<Utc>> for Today {
    fn from(t: DateTime<Utc>) -> Self {
        Today::At(t)
    }
}

impl From<DateTime<FixedOffset>> for Today {
    fn from(t: DateTime<FixedOffset>) -> Self {
        Today::At(t.with_timezone(&Utc))
    }
}

impl Today {
    /// The JST day.
    pub fn jst_day(self) -> NaiveDate {
        match self {
            Today::Day(d) => d,
            Today::At(t) => to_jst(t).date(),
        }
    }

    /// The instant judged: the instant itself, or 00:00 JST of the day.
    pub fn instant(self) -> DateTime<Utc> {
        match self {
            Today::At(t) => t,
            Today::Day(d) => jst_midnight(d),
        }
    }

    /// Whether a certificate with this notAfter has expired (the instant is
    /// past notAfter; notAfter itself is still valid, RFC 5280).
    pub(crate) fn past(self, not_after: DateTime<Utc>) -> bool {
        self.instant() > not_after
    }

    /// Whether a certificate with this notBefore is not valid yet. A day is
    /// "not yet" only before the JST day of notBefore (on that day it becomes
    /// valid, as the portal's 有効開始年月日 says).
    pub(crate) fn before(self, not_before: DateTime<Utc>) -> bool {
        match self {
            Today::At(t) => t < not_before,
            Today::Day(d) => d < to_jst(not_before).date(),
        }
    }
}

/// 00:00 JST of a day, as an instant.
pub(crate) fn jst_midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| t.checked_sub_signed(Duration::hours(9)))
        .map_or(DateTime::<Utc>::MIN_UTC, |t| t.and_utc())
}

/// The JST day the portal's renewal notice opens: `renewal_notice_days`
/// before the 有効終了年月日 (applications are accepted from then on).
pub(crate) fn notice_opens(expiry_day: NaiveDate, rules: &CertificateRules) -> NaiveDate {
    expiry_day
        .checked_sub_days(Days::new(u64::from(rules.renewal_notice_days)))
        .unwrap_or(NaiveDate::MIN)
}

/// "1 day" / "2 days" (English plural).
pub(crate) fn days_en(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}
