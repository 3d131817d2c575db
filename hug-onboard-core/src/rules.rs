//! Shared rule data and the small interface between the certificate and the calendar.
//!
//! The certificate's status and renewal plan need a few facts from the billing
//! calendar (when is the claim window of a month, is a day a business day) and
//! a few rules (the portal's 90-day notice, the issuance lead time, a monthly
//! application cut-off). Those rules are data with defaults whose sources are in
//! the [domain rules](crate::_documentation::domain), and
//! live in [`CertificateRules`]; the calendar facts come through the
//! [`ClaimCalendar`] trait, implemented by the full billing calendar and, for
//! tests and callers without holidays, by [`WeekendCalendar`].
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::rules::{CertificateRules, ClaimCalendar, WeekendCalendar};
//!
//! let rules = CertificateRules::default();
//! assert_eq!(rules.renewal_notice_days, 90);
//! let w = WeekendCalendar.claim_window(2026, 10);
//! assert_eq!(w.opens.date(), NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
//! assert_eq!(w.last_day(), NaiveDate::from_ymd_opt(2026, 10, 10).unwrap());
//! ```

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

/// Certificate rules, overridable per 国保連. Each default's source and confidence
/// (S = stated, M = several sources, U = unverified) is in the
/// [domain rules](crate::_documentation::domain#the-certificate-guide-p7p16).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CertificateRules {
    /// Days before expiry when the portal posts its expiry notice: 90 (S).
    pub renewal_notice_days: u32,
    /// Days-left milestones at which reminders become urgent: 60, 30, 15, 7
    /// (HUG's choice), after the last of which reminders are daily.
    pub urgent_milestone_days: Vec<u32>,
    /// Calendar days between applying and being able to download the new
    /// certificate. The guide says "a few days" (数日); Yamanashi issues the same
    /// day after 18:00. Default 7 (U: set per 国保連).
    pub issuance_lead_days: u32,
    /// A monthly day of the month by which applications must arrive to be
    /// processed that month (the 20th in Aomori); `None` (the default) when the
    /// 国保連 has none (U).
    pub application_cutoff_day: Option<u32>,
    /// The fee for a certificate, in yen: 7,800 for 3 years (S).
    pub fee_yen: u32,
    /// The nominal validity in years: 3 (S). Only for display and planning
    /// before a file exists: the true validity is always read from the
    /// certificate's notAfter.
    pub validity_years: u32,
}

impl Default for CertificateRules {
    fn default() -> Self {
        CertificateRules {
            renewal_notice_days: 90,
            urgent_milestone_days: vec![60, 30, 15, 7],
            issuance_lead_days: 7,
            application_cutoff_day: None,
            fee_yen: 7_800,
            validity_years: 3,
        }
    }
}

/// The claim window of one claim month, as JST wall-clock instants.
///
/// `closes` is exclusive: the default window of October is
/// 2026-10-01T00:00 – 2026-10-11T00:00, i.e. "until the 10th, 24:00".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClaimWindow {
    /// When sending opens (JST).
    pub opens: NaiveDateTime,
    /// When sending closes (JST, exclusive).
    pub closes: NaiveDateTime,
}

impl ClaimWindow {
    /// The last calendar day on which a claim can still be sent.
    ///
    /// ```
    /// use hug_onboard_core::rules::{ClaimCalendar, WeekendCalendar};
    /// assert_eq!(WeekendCalendar.claim_window(2026, 1).last_day().to_string(), "2026-01-10");
    /// ```
    pub fn last_day(&self) -> NaiveDate {
        (self.closes - chrono::Duration::nanoseconds(1)).date()
    }

    /// Whether the window is open at a JST instant.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::rules::{ClaimCalendar, WeekendCalendar};
    /// let w = WeekendCalendar.claim_window(2026, 1);
    /// let t = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap().and_hms_opt(23, 59, 59).unwrap();
    /// assert!(w.contains(t));
    /// ```
    pub fn contains(&self, at: NaiveDateTime) -> bool {
        self.opens <= at && at < self.closes
    }
}

/// What the certificate module needs from a billing calendar.
pub trait ClaimCalendar {
    /// The claim window of a claim month (the month in which claims are sent:
    /// the month after the service month).
    fn claim_window(&self, year: i32, month: u32) -> ClaimWindow;

    /// Whether a day is a business day (no weekend, no holiday, no closure).
    fn is_business_day(&self, day: NaiveDate) -> bool;

    /// The claim window that is open on `day` or opens after it: this month's
    /// if it has not closed by the end of `day`'s start, else next month's.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::rules::{ClaimCalendar, WeekendCalendar};
    /// let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    /// assert_eq!(WeekendCalendar.window_on_or_after(d).opens.date().to_string(), "2026-12-01");
    /// ```
    fn window_on_or_after(&self, day: NaiveDate) -> ClaimWindow {
        let this = self.claim_window(day.year(), day.month());
        if day <= this.last_day() {
            this
        } else {
            let (y, m) = next_month(day.year(), day.month());
            self.claim_window(y, m)
        }
    }
}

/// The month after `(year, month)`.
///
/// ```
/// assert_eq!(hug_onboard_core::rules::next_month(2026, 12), (2027, 1));
/// ```
pub fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

/// The simplest [`ClaimCalendar`]: window 1st 00:00 – 10th 24:00 JST whatever
/// the weekday, business days are Monday to Friday (no holidays). For tests and
/// callers that do not need Japanese holidays; the billing calendar's
/// `Rulebook` is the real implementation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WeekendCalendar;

impl ClaimCalendar for WeekendCalendar {
    fn claim_window(&self, year: i32, month: u32) -> ClaimWindow {
        let first = NaiveDate::from_ymd_opt(year, month, 1)
            .unwrap_or(NaiveDate::MIN)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default();
        let closes = NaiveDate::from_ymd_opt(year, month, 11)
            .unwrap_or(NaiveDate::MIN)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default();
        ClaimWindow {
            opens: first,
            closes,
        }
    }

    fn is_business_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }
}
