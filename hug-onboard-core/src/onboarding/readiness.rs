//! The readiness report: can the facility bill in the coming claim window, what
//! blocks it, what to do next and by when, and what to remind the user of.
//!
//! [`Onboarding::readiness`] joins the workflow (which steps are done), the
//! evidence (notices, certificate, profile, billing PCs) and the billing
//! calendar (the coming claim window, the certificate's renewal plan, document
//! and payment days). Every finding has a stable code, a severity, a message in
//! Japanese and English, the guide page, and the date by which it must be fixed.
//! [`evaluate_many`] does the same for a whole customer base in one call,
//! including facilities billed through one 代理請求 (agent) certificate.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::diagnostic::Diagnostic;
//! use hug_onboard_core::facility::FacilityNumber;
//! use hug_onboard_core::onboarding::Onboarding;
//! use hug_onboard_core::schedule::{BillingCalendar, Rulebook};
//!
//! let calendar = BillingCalendar::new(Rulebook::default());
//! let ob = Onboarding::new(FacilityNumber::parse("1312345678")?);
//! let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
//! let r = ob.readiness(today, &calendar);
//! assert!(!r.can_bill);
//! assert_eq!(r.window.opens.date().to_string(), "2026-12-01");
//! assert_eq!(r.findings[0].code(), "readiness.step_missing");
//! assert_eq!(r.next_actions[0].step_id.as_deref(), Some("receive_documents"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::{Serialize, Serializer};

use super::{CertificateEvidence, Evidence, NoticeSummary, Onboarding, Step};
use crate::certificate::{self, RenewalFinding, RenewalPlan, StatusKind, Validity};
use crate::diagnostic::{Diagnostic, ErrorKind, Lang, Severity};
use crate::facility::FacilityNumber;
use crate::notice::NoticeKind;
use crate::rules::{ClaimCalendar, ClaimWindow};
use crate::schedule::{Basis, BillingCalendar, EventKind, Rulebook, YearMonth};

/// The longest reminder horizon, in days.
pub const MAX_REMINDER_DAYS: u32 = 366;

/// What a finding is about, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FindingKind {
    /// A step needed for billing is not done.
    StepMissing {
        /// The step.
        step: Step,
        /// Whether it can be done now (its prerequisites are done).
        available: bool,
    },
    /// The 取込送信 password is still `0000`.
    TorikomiPasswordDefault,
    /// No e-mail address registered with the portal (optional).
    EmailNotRegistered,
    /// The certificate has expired: the facility must apply as new.
    CertificateExpired {
        /// The expiry day (JST).
        valid_until: NaiveDate,
    },
    /// The certificate is not valid yet.
    CertificateNotYetValid {
        /// Its first day (JST).
        valid_from: NaiveDate,
    },
    /// The certificate expires before the coming window closes: send before it does.
    CertificateExpiresInWindow {
        /// The expiry day (JST).
        valid_until: NaiveDate,
        /// The expiry as JST wall-clock time, when the evidence carries the
        /// certificate's notAfter instant (a certificate may end at 05:00).
        at: Option<chrono::NaiveDateTime>,
    },
    /// Renewal: the plan's finding (apply now, apply-by passed).
    CertificateRenewal {
        /// The plan.
        plan: Box<RenewalPlan>,
    },
    /// The certificate names another facility (and is not an agent certificate for this one).
    CertificateOtherFacility {
        /// The facility in the certificate's subject.
        found: FacilityNumber,
    },
    /// The facility bills through an agent certificate that the batch does not know.
    AgentCertificateUnknown {
        /// The fingerprint the state refers to.
        fingerprint: String,
    },
    /// A notice of the wrong kind is recorded (test where production belongs, or the reverse).
    NoticeWrongKind {
        /// The step holding it.
        step: Step,
        /// The kind recorded.
        found: NoticeKind,
    },
    /// A notice is for another facility.
    NoticeOtherFacility {
        /// The step holding it.
        step: Step,
        /// The facility on the notice.
        found: FacilityNumber,
    },
    /// A billing PC without the certificate.
    PcWithoutCertificate {
        /// The PC's name.
        pc: String,
    },
    /// A billing PC without 取込送信V2.
    PcWithoutTorikomi {
        /// The PC's name.
        pc: String,
    },
    /// The facility's 国保連 rulebook could not be read from the registry:
    /// its dates come from the default rulebook (added for issue 13).
    RulebookUnavailable {
        /// The prefecture code.
        prefecture: String,
        /// The registry's problem codes.
        codes: String,
    },
}

/// The facility's rulebook could not be read (see [`FindingKind::RulebookUnavailable`]).
#[derive(Clone, Debug, PartialEq, Eq)]
struct RulebookUnavailable {
    prefecture: String,
    codes: String,
}

/// One finding of the readiness report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadinessFinding {
    /// What it is about.
    pub kind: FindingKind,
    /// How serious (an error blocks billing in the coming window).
    pub severity: Severity,
    /// The guide page that explains the fix.
    pub guide_page: &'static str,
    /// The day by which it must be fixed to bill in the coming window (or to keep billing).
    pub fix_by: Option<NaiveDate>,
    /// What `fix_by` rests on: a sourced rule of the facility's 国保連, an
    /// approximate one (頃), or an unverified default. `Sourced` also for days
    /// that rest on no rule (today, the certificate's own expiry).
    pub fix_by_basis: Basis,
}

crate::diagnostic_codes! {
    /// The codes of the readiness findings, one per [`FindingKind`] variant
    /// (the messages are built by [`ReadinessFinding`], which knows the fix-by day).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum ReadinessCode {
        /// [`FindingKind::StepMissing`].
        StepMissing => "readiness.step_missing", Advisory, Error,
            "a step needed for billing is not done";
        /// [`FindingKind::TorikomiPasswordDefault`].
        TorikomiPasswordDefault => "readiness.torikomi_password_default", Advisory, Warning,
            "the 取込送信 password is still 0000";
        /// [`FindingKind::EmailNotRegistered`].
        EmailNotRegistered => "readiness.email_not_registered", Advisory, Info,
            "no e-mail address registered";
        /// [`FindingKind::CertificateExpired`].
        CertificateExpired => "readiness.certificate_expired", Advisory, Error,
            "the certificate has expired";
        /// [`FindingKind::CertificateNotYetValid`].
        CertificateNotYetValid => "readiness.certificate_not_yet_valid", Advisory, Error,
            "the certificate is not valid yet";
        /// [`FindingKind::CertificateExpiresInWindow`].
        CertificateExpiresInWindow => "readiness.certificate_expires_in_window", Advisory, Warning,
            "the certificate expires before the coming window closes";
        /// [`FindingKind::CertificateRenewal`].
        CertificateRenewal => "readiness.certificate_renewal", Advisory, Warning,
            "the certificate needs renewing (apply now, or the safe day has passed)";
        /// [`FindingKind::CertificateOtherFacility`].
        CertificateOtherFacility => "readiness.certificate_other_facility", Advisory, Error,
            "the certificate names another facility";
        /// [`FindingKind::AgentCertificateUnknown`].
        AgentCertificateUnknown => "readiness.agent_certificate_unknown", Advisory, Error,
            "the agent certificate the facility bills through is unknown";
        /// [`FindingKind::NoticeWrongKind`].
        NoticeWrongKind => "readiness.notice_wrong_kind", Advisory, Error,
            "a test notice where the production one belongs, or the reverse";
        /// [`FindingKind::NoticeOtherFacility`].
        NoticeOtherFacility => "readiness.notice_other_facility", Advisory, Error,
            "a notice is for another facility";
        /// [`FindingKind::PcWithoutCertificate`].
        PcWithoutCertificate => "readiness.pc_without_certificate", Advisory, Warning,
            "a billing PC has no certificate installed";
        /// [`FindingKind::PcWithoutTorikomi`].
        PcWithoutTorikomi => "readiness.pc_without_torikomi", Advisory, Warning,
            "a billing PC has no 取込送信V2 installed";
        // --- added for the per-国保連 registry (issue 13) ---
        /// [`FindingKind::RulebookUnavailable`].
        RulebookUnavailable => "readiness.rulebook_unavailable", Internal, Error,
            "the facility's 国保連 rulebook could not be read from the registry";
    }
}

crate::diagnostic_codes! {
    /// The codes of the [`Reminder`]s.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum ReminderCode {
        /// The claim window opens today.
        WindowOpens => "reminder.window_opens", Advisory, Info,
            "the claim window opens today";
        /// The claim window closes soon (or today).
        WindowClosing => "reminder.window_closing", Advisory, Warning,
            "the claim window closes soon";
        /// A document is released today.
        DocumentRelease => "reminder.document_release", Advisory, Info,
            "a document is released today";
        /// Payment day.
        Payment => "reminder.payment", Advisory, Info, "payment day";
        /// A certificate milestone.
        Certificate => "reminder.certificate", Advisory, Warning,
            "certificate reminder (milestone)";
        /// The last safe day to apply for renewal.
        CertificateApplyBy => "reminder.certificate_apply_by", Advisory, Warning,
            "last safe day to apply for renewal";
        /// The next onboarding action.
        NextAction => "reminder.next_action", Advisory, Info,
            "the next onboarding action";
    }
}

impl FindingKind {
    /// The code of this kind of finding.
    pub fn code_id(&self) -> ReadinessCode {
        use FindingKind as K;
        use ReadinessCode as C;
        match self {
            K::StepMissing { .. } => C::StepMissing,
            K::TorikomiPasswordDefault => C::TorikomiPasswordDefault,
            K::EmailNotRegistered => C::EmailNotRegistered,
            K::CertificateExpired { .. } => C::CertificateExpired,
            K::CertificateNotYetValid { .. } => C::CertificateNotYetValid,
            K::CertificateExpiresInWindow { .. } => C::CertificateExpiresInWindow,
            K::CertificateRenewal { .. } => C::CertificateRenewal,
            K::CertificateOtherFacility { .. } => C::CertificateOtherFacility,
            K::AgentCertificateUnknown { .. } => C::AgentCertificateUnknown,
            K::NoticeWrongKind { .. } => C::NoticeWrongKind,
            K::NoticeOtherFacility { .. } => C::NoticeOtherFacility,
            K::PcWithoutCertificate { .. } => C::PcWithoutCertificate,
            K::PcWithoutTorikomi { .. } => C::PcWithoutTorikomi,
            K::RulebookUnavailable { .. } => C::RulebookUnavailable,
        }
    }
}

fn md(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    match lang {
        Lang::Ja => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.to_string(),
    }
}

impl Diagnostic for ReadinessFinding {
    fn code(&self) -> &'static str {
        self.kind.code_id().code()
    }

    fn kind(&self) -> ErrorKind {
        self.kind.code_id().kind()
    }

    fn severity(&self) -> Severity {
        self.severity
    }

    fn message(&self, lang: Lang) -> String {
        use FindingKind as K;
        let by = |lang: Lang| match (self.fix_by, self.fix_by_basis, lang) {
            (Some(d), Basis::Sourced, Lang::Ja) => format!("（{}までに）", md(d, lang)),
            (Some(d), Basis::Sourced, Lang::En) => format!(" (by {d})"),
            (Some(d), Basis::Approximate, Lang::Ja) => format!("（{}頃までに）", md(d, lang)),
            (Some(d), Basis::Approximate, Lang::En) => format!(" (by about {d})"),
            (Some(d), Basis::Unverified, Lang::Ja) => {
                format!("（{}までに。期日は既定値・未確認）", md(d, lang))
            }
            (Some(d), Basis::Unverified, Lang::En) => {
                format!(" (by {d}; the date rests on a default rule, unverified)")
            }
            (None, _, _) => String::new(),
        };
        match (&self.kind, lang) {
            (K::StepMissing { step, available: true }, Lang::Ja) => {
                format!("次の手順: {}{}", step.title(lang), by(lang))
            }
            (K::StepMissing { step, available: true }, Lang::En) => {
                format!("Next step: {}{}", step.title(lang), by(lang))
            }
            (K::StepMissing { step, available: false }, Lang::Ja) => {
                format!("未完了（前の手順のあと）: {}", step.title(lang))
            }
            (K::StepMissing { step, available: false }, Lang::En) => {
                format!("Not done yet (after the earlier steps): {}", step.title(lang))
            }
            (K::TorikomiPasswordDefault, Lang::Ja) => format!(
                "取込送信V2のパスワードが初期値「0000」のままです。「事業所情報保守」で変更してください{}。",
                by(lang)
            ),
            (K::TorikomiPasswordDefault, Lang::En) => format!(
                "The 取込送信V2 password is still the initial 0000; change it in 事業所情報保守{}.",
                by(lang)
            ),
            (K::EmailNotRegistered, Lang::Ja) => "国保連からのメールを受け取るには、電子請求受付システムの「ユーザ情報」でメールアドレスを登録してください（任意）。".into(),
            (K::EmailNotRegistered, Lang::En) => "To receive e-mail from the 国保連, register an address under ユーザ情報 in the portal (optional).".into(),
            (K::CertificateExpired { valid_until }, Lang::Ja) => format!(
                "電子証明書の有効期限（{}）が切れています。請求できません。新規に発行申請し、国保連にも相談してください。",
                md(*valid_until, lang)
            ),
            (K::CertificateExpired { valid_until }, Lang::En) => format!(
                "The certificate expired on {valid_until}: no claim can be sent. Apply for a new one and talk to the 国保連."
            ),
            (K::CertificateNotYetValid { valid_from }, Lang::Ja) => format!(
                "電子証明書は{}から有効です。それまでは請求に使えません。",
                md(*valid_from, lang)
            ),
            (K::CertificateNotYetValid { valid_from }, Lang::En) => {
                format!("The certificate is valid from {valid_from}; it cannot send claims before then.")
            }
            (K::CertificateExpiresInWindow { valid_until, at }, Lang::Ja) => format!(
                "電子証明書は請求期間中の{}{}に期限が切れます。それより前に請求を送信してください。",
                md(*valid_until, lang),
                at.map(|t| t.format("%-H:%M").to_string()).unwrap_or_default()
            ),
            (K::CertificateExpiresInWindow { valid_until, at }, Lang::En) => format!(
                "The certificate expires on {valid_until}{}, inside the claim window: send the claim before then.",
                at.map(|t| t.format(" at %H:%M JST").to_string())
                    .unwrap_or_default()
            ),
            (K::CertificateRenewal { plan }, _) => plan.message(lang),
            (K::CertificateOtherFacility { found }, Lang::Ja) => format!(
                "インストールされた電子証明書は別の事業所（{found}）のものです。この事業所の証明書をダウンロードしてください。"
            ),
            (K::CertificateOtherFacility { found }, Lang::En) => format!(
                "The installed certificate belongs to another facility ({found}); download this facility's certificate."
            ),
            (K::AgentCertificateUnknown { fingerprint }, Lang::Ja) => format!(
                "代理請求の電子証明書（{}）が見つかりません。代理請求を行う事業所の証明書を登録してください。",
                fingerprint.chars().take(16).collect::<String>()
            ),
            (K::AgentCertificateUnknown { fingerprint }, Lang::En) => format!(
                "The 代理請求 agent certificate ({}…) is unknown; register the agent's certificate.",
                fingerprint.chars().take(16).collect::<String>()
            ),
            (K::NoticeWrongKind { step, found }, Lang::Ja) => format!(
                "「{}」に{}のお知らせが記録されています。テストID用と本番用のお知らせを取り違えていないか確認してください。",
                step.title(lang),
                if *found == NoticeKind::Test { "テストID" } else { "本番用ID" }
            ),
            (K::NoticeWrongKind { step, found }, Lang::En) => format!(
                "\"{}\" holds the {} notice: the test and production notices seem swapped.",
                step.title(lang),
                found.as_str()
            ),
            (K::NoticeOtherFacility { found, .. }, Lang::Ja) => {
                format!("別の事業所（{found}）のお知らせが記録されています。")
            }
            (K::NoticeOtherFacility { found, .. }, Lang::En) => {
                format!("A notice of another facility ({found}) is recorded.")
            }
            (K::PcWithoutCertificate { pc }, Lang::Ja) => format!(
                "請求に使うパソコン「{pc}」に電子証明書がインストールされていません（ガイドP12〜P16の手順で、何台にでもインストールできます）。"
            ),
            (K::PcWithoutCertificate { pc }, Lang::En) => format!(
                "The billing PC \"{pc}\" has no certificate installed (guide P12–P16; it can be installed on any number of PCs)."
            ),
            (K::PcWithoutTorikomi { pc }, Lang::Ja) => {
                format!("請求に使うパソコン「{pc}」に取込送信V2がインストールされていません（ガイドP17〜P19）。")
            }
            (K::PcWithoutTorikomi { pc }, Lang::En) => {
                format!("The billing PC \"{pc}\" has no 取込送信V2 installed (guide P17–P19).")
            }
            (K::RulebookUnavailable { prefecture, codes }, Lang::Ja) => format!(
                "都道府県コード{prefecture}の国保連のルールブックを読めません（{codes}）。日付は既定値（未確認）です。"
            ),
            (K::RulebookUnavailable { prefecture, codes }, Lang::En) => format!(
                "The rulebook of the 国保連 of prefecture {prefecture} cannot be read ({codes}); the dates are defaults (unverified)."
            ),
        }
    }
}

impl Serialize for ReadinessFinding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ReadinessFinding", 7)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("guide_page", self.guide_page)?;
        st.serialize_field("fix_by", &self.fix_by)?;
        st.serialize_field("fix_by_basis", &self.fix_by.map(|_| self.fix_by_basis))?;
        st.serialize_field("message_ja", &self.message(Lang::Ja))?;
        st.serialize_field("message_en", &self.message(Lang::En))?;
        st.end()
    }
}

/// One of the next actions, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Action {
    /// The finding's code.
    pub code: &'static str,
    /// The step to do, when the action is a step.
    pub step_id: Option<String>,
    /// The guide page.
    pub guide_page: &'static str,
    /// By when.
    pub due: Option<NaiveDate>,
    /// What `due` rests on (`None` when there is no due day).
    pub due_basis: Option<Basis>,
    /// What to do, in Japanese.
    pub message_ja: String,
    /// What to do, in English.
    pub message_en: String,
}

/// A reminder for a day, for HUG to notify.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// The day to tell the user.
    pub date: NaiveDate,
    /// The reminder's code (`reminder.*`).
    pub code: &'static str,
    /// What its date rests on: a sourced rule, an approximate one (頃), or
    /// an unverified default (flag it to the user).
    pub basis: Basis,
    /// The message in Japanese.
    pub message_ja: String,
    /// The message in English.
    pub message_en: String,
}

/// Which rulebook a report used: its id, prefecture, names, and a label that
/// says whether its rules are sourced (`京都府国保連の規則（出典あり）`) or
/// defaults (`東京都国保連の規則：既定値（未確認）`, `既定値（未確認）`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RulebookUsed {
    /// The rulebook's id (`"kyoto"`, `"default"`).
    pub id: String,
    /// The prefecture code of its 国保連 (`"26"`), if it is a registry rulebook.
    pub prefecture: Option<String>,
    /// Whether any of its fields is sourced.
    pub sourced: bool,
    /// The label in Japanese.
    pub label_ja: String,
    /// The label in English.
    pub label_en: String,
}

impl RulebookUsed {
    /// The summary of a rulebook.
    ///
    /// ```
    /// use hug_onboard_core::{onboarding::RulebookUsed, schedule::Rulebook};
    /// let u = RulebookUsed::of(Rulebook::for_prefecture_code("26")?);
    /// assert_eq!(u.label_ja, "京都府国保連の規則（出典あり）");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(rb: &Rulebook) -> RulebookUsed {
        RulebookUsed {
            id: rb.id().to_owned(),
            prefecture: rb.prefecture().map(str::to_owned),
            sourced: rb.has_sources(),
            label_ja: rb.label(Lang::Ja),
            label_en: rb.label(Lang::En),
        }
    }
}

/// The readiness report of one facility on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Readiness {
    /// The facility.
    pub facility_number: FacilityNumber,
    /// The day judged (JST).
    pub today: NaiveDate,
    /// The claim month of the coming window (the window open today, or the next one).
    pub claim_month: YearMonth,
    /// The coming window.
    pub window: ClaimWindow,
    /// What the window's last day rests on.
    pub window_basis: Basis,
    /// Which rulebook the dates come from.
    pub rulebook: RulebookUsed,
    /// Whether nothing blocks billing in that window.
    pub can_bill: bool,
    /// Every blocker (error), warning and note, most serious and most urgent first.
    pub findings: Vec<ReadinessFinding>,
    /// The next one to three things to do, in order.
    pub next_actions: Vec<Action>,
}

impl Readiness {
    /// The codes of the findings, in order.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use hug_onboard_core::{facility::FacilityNumber, onboarding::Onboarding, schedule::{BillingCalendar, Rulebook}};
    /// let r = Onboarding::new(FacilityNumber::parse("1312345678").unwrap())
    ///     .readiness(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), &BillingCalendar::new(Rulebook::default()));
    /// assert!(r.codes().contains(&"readiness.step_missing"));
    /// ```
    pub fn codes(&self) -> Vec<&'static str> {
        self.findings.iter().map(Diagnostic::code).collect()
    }

    /// The report as JSON (findings with both messages).
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use hug_onboard_core::{facility::FacilityNumber, onboarding::Onboarding, schedule::{BillingCalendar, Rulebook}};
    /// let r = Onboarding::new(FacilityNumber::parse("1312345678").unwrap())
    ///     .readiness(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), &BillingCalendar::new(Rulebook::default()));
    /// assert!(r.to_json().contains("\"can_bill\":false"));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The coming claim window on a day: the one open on it, or the next.
fn coming_window(today: NaiveDate, calendar: &BillingCalendar) -> (YearMonth, ClaimWindow) {
    let w = calendar.window_on_or_after(today);
    (YearMonth::of(w.opens.date()), w)
}

/// Japan Standard Time (UTC+9, no daylight saving).
fn jst() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(9 * 3600)
        .unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("zero offset"))
}

fn validity(c: &CertificateEvidence) -> Validity {
    let jst = jst();
    let at = |d: NaiveDate, h, m, s| -> DateTime<Utc> {
        d.and_hms_opt(h, m, s)
            .and_then(|t| jst.from_local_datetime(&t).single())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    };
    Validity::new(
        c.not_before.unwrap_or_else(|| at(c.valid_from, 0, 0, 0)),
        c.not_after.unwrap_or_else(|| at(c.valid_until, 23, 59, 59)),
    )
}

/// What a batch shares: the calendar, and the agent certificates by fingerprint.
#[derive(Clone, Debug)]
pub struct BatchContext<'a> {
    /// The billing calendar (rulebook and holidays) for every facility; `None`
    /// (the usual case): each facility is judged with its own 国保連's
    /// rulebook ([`Rulebook::for_facility`]) and the default holiday calendar.
    pub calendar: Option<&'a BillingCalendar>,
    /// 代理請求 agent certificates, each serving up to 100 facilities.
    pub agent_certificates: &'a [CertificateEvidence],
}

impl Onboarding {
    /// The billing calendar of the facility's own 国保連 (its rulebook from
    /// the registry, the default holiday calendar): what `readiness`,
    /// `reminders` and the C and Python faces use when no rulebook is given.
    ///
    /// # Errors
    ///
    /// Those of [`Rulebook::registry`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::Onboarding};
    /// let ob = Onboarding::new(FacilityNumber::parse("2612345678")?);
    /// let r = ob.readiness(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), &ob.own_calendar()?);
    /// assert_eq!(r.rulebook.label_ja, "京都府国保連の規則（出典あり）");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn own_calendar(
        &self,
    ) -> Result<BillingCalendar, crate::diagnostic::Problems<crate::schedule::RulebookError>> {
        BillingCalendar::for_facility(&self.facility_number)
    }

    /// The readiness report on `today` (JST) with a billing calendar.
    ///
    /// # Example
    ///
    /// See the [module documentation](self).
    pub fn readiness(&self, today: NaiveDate, calendar: &BillingCalendar) -> Readiness {
        let (claim_month, window) = coming_window(today, calendar);
        self.readiness_in(today, calendar, &[], claim_month, window)
    }

    fn readiness_in(
        &self,
        today: NaiveDate,
        calendar: &BillingCalendar,
        agents: &[CertificateEvidence],
        claim_month: YearMonth,
        window: ClaimWindow,
    ) -> Readiness {
        let last_day = window.last_day();
        let mut findings = Vec::new();
        let mut push = |kind: FindingKind,
                        severity: Severity,
                        guide_page: &'static str,
                        fix_by: Option<NaiveDate>| {
            findings.push(ReadinessFinding {
                kind,
                severity,
                guide_page,
                fix_by,
                fix_by_basis: Basis::Sourced,
            });
        };

        // Steps.
        for &step in Step::ALL {
            if self.is_done(step) {
                continue;
            }
            let available = step.prerequisites().iter().all(|p| self.is_done(*p));
            match step {
                Step::RegisterEmail => {
                    if self.is_done(Step::ChangeProductionPassword) {
                        push(
                            FindingKind::EmailNotRegistered,
                            Severity::Info,
                            step.guide_page(),
                            None,
                        );
                    }
                }
                Step::ChangeTorikomiPassword if self.is_done(Step::RegisterFacility) => {
                    push(
                        FindingKind::TorikomiPasswordDefault,
                        Severity::Warning,
                        step.guide_page(),
                        Some(last_day),
                    );
                }
                _ => push(
                    FindingKind::StepMissing { step, available },
                    Severity::Error,
                    step.guide_page(),
                    Some(last_day),
                ),
            }
        }

        // Notices: kind and facility (a state read from JSON may hold anything).
        for (step, kind) in [
            (Step::ReceiveDocuments, NoticeKind::Test),
            (Step::ReceiveProductionNotice, NoticeKind::Production),
        ] {
            if let Some(Evidence::Notice { notice }) = self.steps.get(&step).map(|r| &r.evidence) {
                check_notice(self, step, kind, notice, &mut push);
            }
        }

        // Certificate: own, or the agent's.
        let agent = self.agent_certificate.as_deref().map(|fp| {
            agents
                .iter()
                .find(|c| {
                    c.sha256_fingerprint
                        .as_deref()
                        .is_some_and(|f| same_fingerprint(f, fp))
                })
                .ok_or(fp)
        });
        let cert = match agent {
            Some(Ok(c)) => Some(c),
            Some(Err(fp)) => {
                push(
                    FindingKind::AgentCertificateUnknown {
                        fingerprint: fp.to_owned(),
                    },
                    Severity::Error,
                    Step::InstallCertificate.guide_page(),
                    Some(last_day),
                );
                None
            }
            None => self.certificate(),
        };
        if let Some(c) = cert {
            self.check_certificate(c, today, calendar, window, &mut push);
        }

        // Billing PCs.
        let cert_installed =
            self.is_done(Step::InstallCertificate) || self.agent_certificate.is_some();
        for (name, pc) in &self.billing_pcs {
            if cert_installed && pc.certificate_installed.is_none() {
                push(
                    FindingKind::PcWithoutCertificate { pc: name.clone() },
                    Severity::Warning,
                    Step::InstallCertificate.guide_page(),
                    Some(last_day),
                );
            }
            if self.is_done(Step::InstallTorikomi) && pc.torikomi_installed.is_none() {
                push(
                    FindingKind::PcWithoutTorikomi { pc: name.clone() },
                    Severity::Warning,
                    Step::InstallTorikomi.guide_page(),
                    Some(last_day),
                );
            }
        }

        // Most serious first, then the earliest deadline, then the guide's order (stable).
        findings.sort_by(|a, b| {
            b.severity.cmp(&a.severity).then(
                a.fix_by
                    .unwrap_or(NaiveDate::MAX)
                    .cmp(&b.fix_by.unwrap_or(NaiveDate::MAX)),
            )
        });
        let rb = &calendar.rulebook;
        let window_basis = rb.window_last_day_basis();
        for f in &mut findings {
            f.fix_by_basis = match (&f.kind, f.fix_by) {
                (_, None) => Basis::Sourced,
                (FindingKind::CertificateRenewal { plan }, Some(d)) if d == plan.apply_by => rb
                    .basis_of(&[
                        "certificate.issuance_lead_days",
                        "certificate.application_cutoff_day",
                    ])
                    .max(window_basis),
                (_, Some(d)) if d == last_day => window_basis,
                _ => Basis::Sourced,
            };
        }
        let can_bill = !findings.iter().any(|f| f.severity == Severity::Error);
        let next_actions = next_actions(&findings);
        Readiness {
            facility_number: self.facility_number,
            today,
            claim_month,
            window,
            window_basis,
            rulebook: RulebookUsed::of(rb),
            can_bill,
            findings,
            next_actions,
        }
    }

    fn check_certificate(
        &self,
        c: &CertificateEvidence,
        today: NaiveDate,
        calendar: &BillingCalendar,
        window: ClaimWindow,
        push: &mut impl FnMut(FindingKind, Severity, &'static str, Option<NaiveDate>),
    ) {
        let page = Step::ApplyCertificate.guide_page();
        if !c.serves(&self.facility_number)
            && let Some(found) = c.subject_facility_number
        {
            push(
                FindingKind::CertificateOtherFacility { found },
                Severity::Error,
                Step::InstallCertificate.guide_page(),
                Some(window.last_day()),
            );
        }
        let rules = calendar.rulebook.certificate();
        let v = validity(c);
        let status = certificate::status(&v, today, rules);
        match status.kind {
            StatusKind::Expired => {
                push(
                    FindingKind::CertificateExpired {
                        valid_until: c.valid_until,
                    },
                    Severity::Error,
                    page,
                    Some(today),
                );
                return;
            }
            StatusKind::NotYetValid => {
                let severity = if c.valid_from > window.last_day() {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                push(
                    FindingKind::CertificateNotYetValid {
                        valid_from: c.valid_from,
                    },
                    severity,
                    page,
                    None,
                );
            }
            _ => {}
        }
        // Usable for part of the window only: send before it expires. With the
        // certificate's notAfter instant the window's own instants decide (a
        // certificate ending at 05:00 JST on the window's last day is usable for
        // five hours of it); with days only, a certificate valid through the
        // last day is taken as usable for the whole window.
        let (ends_in_window, ends_before_window) = match c.not_after {
            Some(not_after) => {
                let t = not_after.with_timezone(&jst()).naive_local();
                (t < window.closes, t <= window.opens)
            }
            None => (
                c.valid_until < window.last_day(),
                c.valid_until < window.opens.date(),
            ),
        };
        if ends_in_window {
            let severity = if ends_before_window {
                Severity::Error
            } else {
                Severity::Warning
            };
            let kind = if severity == Severity::Error {
                FindingKind::CertificateExpired {
                    valid_until: c.valid_until,
                }
            } else {
                FindingKind::CertificateExpiresInWindow {
                    valid_until: c.valid_until,
                    at: c.not_after.map(|t| t.with_timezone(&jst()).naive_local()),
                }
            };
            push(kind, severity, page, Some(c.valid_until));
        }
        let plan = certificate::renewal_plan(v.not_after, today, rules, calendar);
        let severity = match plan.finding {
            RenewalFinding::NotYet => return,
            RenewalFinding::ApplyNow => Severity::Warning,
            // The safe day is gone, but the certificate still works now: a
            // warning for this window, with the expiry as the hard stop.
            RenewalFinding::ApplyByPassed => Severity::Warning,
            RenewalFinding::Expired => Severity::Error,
        };
        let fix_by = Some(if plan.passed { today } else { plan.apply_by });
        push(
            FindingKind::CertificateRenewal {
                plan: Box::new(plan),
            },
            severity,
            page,
            fix_by,
        );
    }

    /// What to tell the user on each of the coming `days` days (at most
    /// [`MAX_REMINDER_DAYS`]): window opening and closing, certificate
    /// milestones and the renewal deadline, document releases, payment, and the
    /// next onboarding action while onboarding is not finished.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::Onboarding, schedule::{BillingCalendar, Rulebook}};
    /// let ob = Onboarding::new(FacilityNumber::parse("1312345678").unwrap());
    /// let cal = BillingCalendar::new(Rulebook::default());
    /// let r = ob.reminders(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), 14, &cal);
    /// assert!(r.iter().any(|r| r.code == "reminder.window_opens" && r.date.to_string() == "2026-12-01"));
    /// ```
    pub fn reminders(
        &self,
        today: NaiveDate,
        days: u32,
        calendar: &BillingCalendar,
    ) -> Vec<Reminder> {
        let days = days.min(MAX_REMINDER_DAYS);
        let mut out = Vec::new();
        let mut add =
            |date: NaiveDate, code: &'static str, basis: Basis, ja: String, en: String| {
                out.push(Reminder {
                    date,
                    code,
                    basis,
                    message_ja: ja,
                    message_en: en,
                });
            };
        let readiness = self.readiness(today, calendar);
        if let Some(a) = readiness.next_actions.first() {
            add(
                today,
                ReminderCode::NextAction.code(),
                a.due_basis.unwrap_or(Basis::Sourced),
                a.message_ja.clone(),
                a.message_en.clone(),
            );
        }
        let rb = &calendar.rulebook;
        let window_basis = rb.window_last_day_basis();
        let notice_basis = rb.field_basis("certificate.renewal_notice_days");
        let apply_basis = rb
            .basis_of(&[
                "certificate.issuance_lead_days",
                "certificate.application_cutoff_day",
            ])
            .max(window_basis);
        let cert = self.certificate().map(validity);
        let rules = calendar.rulebook.certificate();
        let plan = cert.map(|v| certificate::renewal_plan(v.not_after, today, rules, calendar));
        for i in 0..days {
            let Some(d) = today.checked_add_signed(Duration::days(i64::from(i))) else {
                break;
            };
            let events = calendar.events_on(d).unwrap_or_default();
            for e in events {
                match e.kind {
                    EventKind::WindowOpens => add(
                        d,
                        ReminderCode::WindowOpens.code(),
                        e.basis,
                        format!(
                            "今日から{}提供分の請求を送信できます。",
                            ym_ja(e.service_month)
                        ),
                        format!(
                            "Claims for services in {} can be sent from today.",
                            e.service_month
                        ),
                    ),
                    EventKind::WindowLastDay => add(
                        d,
                        ReminderCode::WindowClosing.code(),
                        e.basis,
                        format!("今日が{}提供分の請求の締切日です。", ym_ja(e.service_month)),
                        format!(
                            "Today is the last day to send claims for services in {}.",
                            e.service_month
                        ),
                    ),
                    EventKind::DocumentRelease => add(
                        d,
                        ReminderCode::DocumentRelease.code(),
                        e.basis,
                        e.describe(Lang::Ja),
                        e.describe(Lang::En),
                    ),
                    EventKind::Payment => add(
                        d,
                        ReminderCode::Payment.code(),
                        e.basis,
                        e.describe(Lang::Ja),
                        e.describe(Lang::En),
                    ),
                }
            }
            // Three business days before the window's last day: on a business
            // day only (the Friday and the Saturday before a Wednesday both have
            // three business days left; the reminder is said once).
            let w = calendar.window_on_or_after(d);
            if d < w.last_day()
                && d >= w.opens.date()
                && calendar.is_business_day(d)
                && business_days_between(calendar, d, w.last_day()) == 3
            {
                add(
                    d,
                    ReminderCode::WindowClosing.code(),
                    window_basis,
                    format!(
                        "請求の締切（{}）まであと3営業日です。",
                        md(w.last_day(), Lang::Ja)
                    ),
                    format!(
                        "Three business days left to send claims (last day {}).",
                        w.last_day()
                    ),
                );
            }
            if let Some(v) = &cert {
                let s = certificate::status(v, d, rules);
                // An expired certificate is said on the first day of the list
                // (and on the day it expires), not again every day after.
                let first_expired_day = d == today
                    || d.pred_opt().is_some_and(|y| {
                        certificate::status(v, y, rules).kind != StatusKind::Expired
                    });
                if s.remind_today && (s.kind != StatusKind::Expired || first_expired_day) {
                    add(
                        d,
                        ReminderCode::Certificate.code(),
                        notice_basis,
                        s.message(Lang::Ja),
                        s.message(Lang::En),
                    );
                }
            }
            if let Some(p) = &plan
                && p.apply_by == d
                && p.finding != RenewalFinding::Expired
            {
                add(
                    d,
                    ReminderCode::CertificateApplyBy.code(),
                    apply_basis,
                    "今日が電子証明書の更新申請の安全な期限です。まだなら今日申請してください。".into(),
                    "Today is the last safe day to apply for the certificate's renewal; apply today if you have not.".into(),
                );
            }
        }
        out.sort_by_key(|r| r.date);
        out
    }
}

fn ym_ja(ym: YearMonth) -> String {
    format!("{}年{}月", ym.year(), ym.month())
}

fn business_days_between(calendar: &BillingCalendar, from: NaiveDate, to: NaiveDate) -> i64 {
    let mut n = 0;
    let mut d = from;
    while d < to {
        d = d.succ_opt().unwrap_or(NaiveDate::MAX);
        if calendar.is_business_day(d) {
            n += 1;
        }
        if n > 31 {
            break;
        }
    }
    n
}

fn same_fingerprint(a: &str, b: &str) -> bool {
    fn norm(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(char::is_ascii_hexdigit)
            .map(|c| c.to_ascii_lowercase())
    }
    norm(a).eq(norm(b))
}

fn check_notice(
    ob: &Onboarding,
    step: Step,
    expected: NoticeKind,
    notice: &NoticeSummary,
    push: &mut impl FnMut(FindingKind, Severity, &'static str, Option<NaiveDate>),
) {
    if notice.kind != expected {
        push(
            FindingKind::NoticeWrongKind {
                step,
                found: notice.kind,
            },
            Severity::Error,
            step.guide_page(),
            None,
        );
    }
    if notice.facility_number != ob.facility_number {
        push(
            FindingKind::NoticeOtherFacility {
                step,
                found: notice.facility_number,
            },
            Severity::Error,
            step.guide_page(),
            None,
        );
    }
}

fn next_actions(findings: &[ReadinessFinding]) -> Vec<Action> {
    findings
        .iter()
        .filter(|f| {
            !matches!(
                f.kind,
                FindingKind::StepMissing {
                    available: false,
                    ..
                }
            )
        })
        .filter(|f| f.severity >= Severity::Warning)
        .take(3)
        .map(|f| Action {
            code: f.code(),
            step_id: match f.kind {
                FindingKind::StepMissing { step, .. } => Some(step.id().to_owned()),
                FindingKind::TorikomiPasswordDefault => {
                    Some(Step::ChangeTorikomiPassword.id().to_owned())
                }
                _ => None,
            },
            guide_page: f.guide_page,
            due: f.fix_by,
            due_basis: f.fix_by.map(|_| f.fix_by_basis),
            message_ja: f.message(Lang::Ja),
            message_en: f.message(Lang::En),
        })
        .collect()
}

impl Readiness {
    fn add_rulebook_unavailable(&mut self, m: RulebookUnavailable) {
        self.findings.insert(
            0,
            ReadinessFinding {
                kind: FindingKind::RulebookUnavailable {
                    prefecture: m.prefecture,
                    codes: m.codes,
                },
                severity: Severity::Error,
                guide_page: "P25",
                fix_by: None,
                fix_by_basis: Basis::Unverified,
            },
        );
        self.can_bill = false;
        self.next_actions = next_actions(&self.findings);
    }
}

/// Per-facility results and a summary of a batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BatchReport {
    /// One report per state, in input order.
    pub results: Vec<Readiness>,
    /// How many facilities.
    pub total: usize,
    /// How many can bill in the coming window.
    pub can_bill: usize,
    /// How many facilities have each finding code (errors and warnings).
    pub by_code: BTreeMap<&'static str, usize>,
}

/// Evaluates many facilities on one day in one call (HUG's nightly run, a
/// 代理請求 agent's facilities).
///
/// Facilities whose state has `agent_certificate` set are judged with the
/// agent certificate of that fingerprint from `ctx.agent_certificates`. Each
/// facility gets its own 国保連's rulebook unless `ctx.calendar` names one for
/// all. If the registry cannot give a facility's rulebook (a broken embedded
/// file: the registry's tests prevent it), that facility's report carries the
/// finding `readiness.rulebook_unavailable` (an error) and its dates come from
/// the default rulebook, flagged unverified — never silently.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use hug_onboard_core::{facility::FacilityNumber, onboarding::{evaluate_many, BatchContext, Onboarding}};
/// use hug_onboard_core::schedule::{BillingCalendar, Rulebook};
/// let states = vec![
///     Onboarding::new(FacilityNumber::parse("1312345678").unwrap()),
///     Onboarding::new(FacilityNumber::parse("4212345678").unwrap()),
/// ];
/// // Each facility with its own 国保連's rules: Nagasaki closes at 18:00.
/// let ctx = BatchContext { calendar: None, agent_certificates: &[] };
/// let report = evaluate_many(&states, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), &ctx);
/// assert_eq!((report.total, report.can_bill), (2, 0));
/// assert_eq!(report.by_code["readiness.step_missing"], 2);
/// assert_eq!(report.results[1].rulebook.id, "nagasaki");
/// assert_eq!(report.results[1].window.closes.to_string(), "2026-12-10 18:00:00");
/// // An explicit calendar wins.
/// let cal = BillingCalendar::new(Rulebook::default());
/// let ctx = BatchContext { calendar: Some(&cal), agent_certificates: &[] };
/// let report = evaluate_many(&states, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), &ctx);
/// assert_eq!(report.results[1].rulebook.id, "default");
/// ```
pub fn evaluate_many(
    states: &[Onboarding],
    today: NaiveDate,
    ctx: &BatchContext<'_>,
) -> BatchReport {
    // One calendar and coming window per rulebook: the explicit one, or one
    // per prefecture, made on first use.
    type Slot = (
        BillingCalendar,
        YearMonth,
        ClaimWindow,
        Option<RulebookUnavailable>,
    );
    let make = |cal: BillingCalendar, missing: Option<RulebookUnavailable>| -> Slot {
        let (m, w) = coming_window(today, &cal);
        (cal, m, w, missing)
    };
    let fixed: Option<Slot> = ctx.calendar.map(|c| make(c.clone(), None));
    let mut per_prefecture: Vec<Option<Slot>> = vec![None; 48];
    let mut by_code: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut can_bill = 0;
    let results: Vec<Readiness> = states
        .iter()
        .map(|s| {
            let slot = match &fixed {
                Some(slot) => slot,
                None => {
                    let p = s.facility_number.prefecture();
                    let i = usize::from(p.number());
                    per_prefecture[i].get_or_insert_with(|| match Rulebook::for_prefecture(p) {
                        Ok(rb) => make(BillingCalendar::new(rb.clone()), None),
                        Err(e) => make(
                            BillingCalendar::default(),
                            Some(RulebookUnavailable {
                                prefecture: p.code(),
                                codes: e.codes().join(", "),
                            }),
                        ),
                    })
                }
            };
            let (cal, claim_month, window, missing) = slot;
            let mut r = s.readiness_in(today, cal, ctx.agent_certificates, *claim_month, *window);
            if let Some(m) = missing {
                r.add_rulebook_unavailable(m.clone());
            }
            if r.can_bill {
                can_bill += 1;
            }
            let mut codes: Vec<&'static str> = r
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
                .map(Diagnostic::code)
                .collect();
            codes.sort_unstable();
            codes.dedup();
            for c in codes {
                *by_code.entry(c).or_default() += 1;
            }
            r
        })
        .collect();
    BatchReport {
        total: results.len(),
        results,
        can_bill,
        by_code,
    }
}

impl CertificateEvidence {
    /// The evidence of an opened or inspected .p12, refused when its
    /// password was never verified (`certificate.unverified_evidence`): a
    /// file anyone could have typed any password for proves nothing.
    ///
    /// # Errors
    ///
    /// `certificate.unverified_evidence` when `info.password_verified` is false.
    ///
    /// ```
    /// use hug_onboard_core::certificate::inspect;
    /// use hug_onboard_core::onboarding::CertificateEvidence;
    /// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12")).unwrap();
    /// let info = inspect(&bytes, "TestPass123").unwrap();
    /// assert_eq!(CertificateEvidence::from_p12(&info).unwrap().valid_until.to_string(), "2026-09-15");
    /// ```
    pub fn from_p12(info: &certificate::P12Info) -> Result<Self, certificate::CertificateError> {
        if !info.password_verified {
            return Err(certificate::CertificateError::UnverifiedEvidence);
        }
        Ok(CertificateEvidence::from(&info.certificate))
    }
}

impl From<&certificate::CertificateInfo> for CertificateEvidence {
    fn from(c: &certificate::CertificateInfo) -> Self {
        CertificateEvidence {
            valid_from: c.valid_from_jst,
            valid_until: c.valid_to_jst,
            not_before: Some(c.validity.not_before),
            not_after: Some(c.validity.not_after),
            sha256_fingerprint: Some(c.fingerprint_sha256.clone()),
            subject_facility_number: c.facility_number,
            agent_for: Vec::new(),
        }
    }
}
