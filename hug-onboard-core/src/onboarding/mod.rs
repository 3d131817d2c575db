//! The onboarding workflow: every step of the guide, its prerequisites, evidence and dates.
//!
//! HUG's onboarding guide takes a facility from the letters of the 国保連 to
//! its first claim in thirteen steps ([`Step`]). [`Onboarding`] records which
//! are done, when, and with what evidence (a notice, a certificate, the
//! 取込送信 profile, a billing PC), refuses a step whose prerequisites are
//! missing (`workflow.prerequisite_missing`), and can undo a step. The state
//! is plain data that round-trips through JSON ([`Onboarding::to_json`],
//! [`Onboarding::from_json`]) with a versioned schema and **no secrets**: notices
//! are kept as [`NoticeSummary`] (no passwords), the profile without its
//! password.
//!
//! Whether the facility can bill in the coming claim window, and what to do
//! next, is the readiness report (the `readiness` submodule).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::facility::FacilityNumber;
//! use hug_onboard_core::notice::RegistrationNotice;
//! use hug_onboard_core::onboarding::{Evidence, Onboarding, Step};
//!
//! let n = FacilityNumber::parse("1312345678")?;
//! let mut ob = Onboarding::new(n);
//! let day = |d| NaiveDate::from_ymd_opt(2019, 6, d).unwrap();
//!
//! let notice = RegistrationNotice::parse(
//!     "事業所番号 1312345678\nテストID T1\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567")
//!     .map_err(|e| e.to_string())?;
//! ob.complete(Step::ReceiveDocuments, day(5), Evidence::notice(&notice))?;
//! assert_eq!(ob.next_steps()[0], Step::SubmitTodoke);
//!
//! // A step whose prerequisites are missing is refused.
//! let err = ob.complete(Step::ChangeTestPassword, day(6), Evidence::None).unwrap_err();
//! assert_eq!(hug_onboard_core::Diagnostic::code(&err), "workflow.prerequisite_missing");
//!
//! let json = ob.to_json();
//! assert!(!json.contains("Kari0123"));
//! assert_eq!(Onboarding::from_json(&json)?, ob);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Lang;
use crate::facility::FacilityNumber;
use crate::json_reason::DataReason;
use crate::notice::{NoticeKind, RegistrationNotice};
use crate::profile::FacilityProfile;

pub mod readiness;
mod reasons;

pub use readiness::{
    Action, BatchContext, BatchReport, FindingKind, Readiness, ReadinessFinding, Reminder,
    RulebookUsed, evaluate_many,
};
pub use reasons::{EvidenceReason, StateReason};

/// The current version of the state's JSON schema (`schemas/onboarding-state.v1.schema.json`).
pub const SCHEMA_VERSION: u32 = 1;

/// The schema's name, written in every state file.
pub const SCHEMA_NAME: &str = "hug-onboard/onboarding-state";

macro_rules! steps {
    ($($variant:ident $id:literal $page:literal $ja:literal $en:literal;)*) => {
        /// A step of the guide, in the guide's order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Step {
            $(
                #[doc = $en]
                $variant,
            )*
        }

        impl Step {
            /// Every step in the guide's order.
            pub const ALL: &'static [Step] = &[$(Step::$variant,)*];

            /// The stable identifier, e.g. `"change_test_password"`.
            ///
            /// ```
            /// use hug_onboard_core::onboarding::Step;
            /// assert_eq!(Step::ChangeTestPassword.id(), "change_test_password");
            /// ```
            pub fn id(self) -> &'static str {
                match self { $(Step::$variant => $id,)* }
            }

            /// The guide's page(s), e.g. `"P6"`.
            ///
            /// ```
            /// use hug_onboard_core::onboarding::Step;
            /// assert_eq!(Step::ApplyCertificate.guide_page(), "P7–P11");
            /// ```
            pub fn guide_page(self) -> &'static str {
                match self { $(Step::$variant => $page,)* }
            }

            /// What to do, in the given language.
            ///
            /// ```
            /// use hug_onboard_core::{diagnostic::Lang, onboarding::Step};
            /// assert!(Step::RegisterFacility.title(Lang::Ja).contains("取込送信V2"));
            /// ```
            pub fn title(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Step::$variant, Lang::Ja) => $ja, (Step::$variant, Lang::En) => $en,)*
                }
            }

            /// Parses a step identifier.
            ///
            /// ```
            /// use hug_onboard_core::onboarding::Step;
            /// assert_eq!(Step::parse("register_email"), Some(Step::RegisterEmail));
            /// assert_eq!(Step::parse("nope"), None);
            /// ```
            pub fn parse(id: &str) -> Option<Step> {
                match id { $($id => Some(Step::$variant),)* _ => None }
            }
        }
    };
}

steps! {
    ReceiveDocuments "receive_documents" "P2"
        "国保連から届いた3つの書類（届・電子請求登録結果に関するお知らせ〔テストID〕・アドレス通知）を確認する"
        "Receive the three documents from the 国保連 (the 届, the test-ID registration notice, the portal address notice).";
    SubmitTodoke "submit_todoke" "P3"
        "「障害福祉サービス費等の請求及び受領に関する届」に記入・押印して国保連に提出する"
        "Fill in, seal and return the 届 (障害福祉サービス費等の請求及び受領に関する届) to the 国保連.";
    TestLogin "test_login" "P4–P5"
        "テストIDと(仮)パスワードで電子請求受付システムにログインし、利用規約に同意する"
        "Log in to the portal with the test ID and its temporary password, and accept the terms.";
    ChangeTestPassword "change_test_password" "P6"
        "テストIDの仮パスワードを変更する"
        "Change the test ID's temporary password.";
    ApplyCertificate "apply_certificate" "P7–P11"
        "電子証明書の発行申請を行う（必要なら見積書を作成）"
        "Apply for the electronic certificate (with an estimate if needed).";
    CertificateIssued "certificate_issued" "P11–P12"
        "電子証明書が発行される（証明書発行完了通知を確認する）"
        "The certificate is issued (check the 証明書発行完了通知 notice).";
    InstallCertificate "install_certificate" "P12–P16"
        "電子証明書をダウンロードし、請求に使うすべてのパソコンにインストールする"
        "Download the certificate and install it on every PC used for billing.";
    InstallTorikomi "install_torikomi" "P17–P19"
        "取込送信V2をダウンロードし「事業所として使用する」でインストールする"
        "Download 取込送信V2 and install it as a facility (事業所として使用する).";
    RegisterFacility "register_facility" "P20–P21"
        "取込送信V2に事業所情報を登録する（新規事業所登録）"
        "Register the facility in 取込送信V2 (新規事業所登録).";
    ChangeTorikomiPassword "change_torikomi_password" "P26"
        "取込送信V2のパスワードを初期値「0000」から変更する（事業所情報保守）"
        "Change the 取込送信V2 password from the initial 0000 (事業所情報保守).";
    ReceiveProductionNotice "receive_production_notice" "P22"
        "本番用ID（「ID」と書かれた）の電子請求登録結果に関するお知らせを受け取る"
        "Receive the production-ID registration notice (its ID is labelled plain ID).";
    ChangeProductionPassword "change_production_password" "P22–P23"
        "本番用IDの仮パスワードを変更する（取込送信のたびに必要なので忘れないこと）"
        "Change the production ID's temporary password (needed at every send: do not lose it).";
    RegisterEmail "register_email" "P24"
        "国保連からの連絡を受け取るメールアドレスを登録する（任意）"
        "Register an e-mail address for messages from the 国保連 (optional).";
}

impl Step {
    /// The steps that must be done before this one.
    ///
    /// ```
    /// use hug_onboard_core::onboarding::Step;
    /// assert_eq!(Step::CertificateIssued.prerequisites(), &[Step::ApplyCertificate]);
    /// ```
    pub fn prerequisites(self) -> &'static [Step] {
        use Step as S;
        match self {
            S::ReceiveDocuments => &[],
            S::SubmitTodoke => &[S::ReceiveDocuments],
            S::TestLogin => &[S::ReceiveDocuments],
            S::ChangeTestPassword => &[S::TestLogin],
            S::ApplyCertificate => &[S::ChangeTestPassword],
            S::CertificateIssued => &[S::ApplyCertificate],
            S::InstallCertificate => &[S::CertificateIssued],
            S::InstallTorikomi => &[S::ChangeTestPassword],
            S::RegisterFacility => &[S::InstallTorikomi],
            S::ChangeTorikomiPassword => &[S::RegisterFacility],
            S::ReceiveProductionNotice => &[S::SubmitTodoke],
            S::ChangeProductionPassword => &[S::ReceiveProductionNotice],
            S::RegisterEmail => &[S::ChangeProductionPassword],
        }
    }

    /// Whether the facility can bill without this step (only the e-mail address is optional).
    ///
    /// ```
    /// use hug_onboard_core::onboarding::Step;
    /// assert!(Step::RegisterEmail.is_optional());
    /// assert!(!Step::InstallCertificate.is_optional());
    /// ```
    pub fn is_optional(self) -> bool {
        self == Step::RegisterEmail
    }

    /// The steps that list this one as a prerequisite.
    ///
    /// ```
    /// use hug_onboard_core::onboarding::Step;
    /// assert!(Step::ReceiveDocuments.dependents().contains(&Step::SubmitTodoke));
    /// ```
    pub fn dependents(self) -> Vec<Step> {
        Step::ALL
            .iter()
            .copied()
            .filter(|s| s.prerequisites().contains(&self))
            .collect()
    }
}

/// A notice as the state keeps it: no passwords.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeSummary {
    /// Test or production.
    pub kind: NoticeKind,
    /// The facility number printed on it.
    pub facility_number: FacilityNumber,
    /// The ID printed on it (an ID is not a secret; its password is).
    pub user_id: String,
    /// The letter's date.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The 国保連 that sent it.
    #[serde(default)]
    pub federation: Option<String>,
}

impl From<&RegistrationNotice> for NoticeSummary {
    fn from(n: &RegistrationNotice) -> Self {
        NoticeSummary {
            kind: n.kind,
            facility_number: n.facility_number,
            user_id: n.user_id.as_str().to_owned(),
            date: n.date,
            federation: n.federation.clone(),
        }
    }
}

/// What the state keeps of a certificate: its validity (as the portal shows
/// it, JST dates, and the certificate's own instants when it was read from
/// the file), its identity and the facilities it serves. No key material.
///
/// Readiness and reminders judge the certificate at its instants when they are
/// known (a certificate whose notAfter is 05:00 JST stops working at 05:00 on
/// its 有効終了年月日, as [`certificate::status`](crate::certificate::status)
/// says), else from the dates (valid from 00:00 JST on `valid_from` to
/// 23:59:59 JST on `valid_until`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateEvidence {
    /// 有効開始年月日 (JST).
    pub valid_from: NaiveDate,
    /// 有効終了年月日 (JST): the last day the certificate can be used.
    pub valid_until: NaiveDate,
    /// notBefore (UTC), when read from the certificate; its JST day is `valid_from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<chrono::DateTime<chrono::Utc>>,
    /// notAfter (UTC), when read from the certificate; its JST day is `valid_until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_after: Option<chrono::DateTime<chrono::Utc>>,
    /// SHA-256 fingerprint (hex), when read from the .p12.
    #[serde(default)]
    pub sha256_fingerprint: Option<String>,
    /// The 10-digit number found in the subject, if any.
    #[serde(default)]
    pub subject_facility_number: Option<FacilityNumber>,
    /// For a 代理請求 (agent) certificate: every facility it may bill for (up to 100).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agent_for: Vec<FacilityNumber>,
}

impl CertificateEvidence {
    /// Whether this certificate may bill for a facility: its subject names the
    /// facility, it lists it as an agent certificate, or it names no facility
    /// at all (the subject's contents are not published: U).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::facility::FacilityNumber;
    /// use hug_onboard_core::onboarding::CertificateEvidence;
    /// let n = FacilityNumber::parse("1312345678").unwrap();
    /// let c = CertificateEvidence { valid_from: NaiveDate::MIN, valid_until: NaiveDate::MAX,
    ///     not_before: None, not_after: None,
    ///     sha256_fingerprint: None, subject_facility_number: Some(n), agent_for: vec![] };
    /// assert!(c.serves(&n));
    /// ```
    pub fn serves(&self, facility: &FacilityNumber) -> bool {
        match self.subject_facility_number {
            Some(n) if n == *facility => true,
            _ if self.agent_for.contains(facility) => true,
            Some(_) => false,
            None => self.agent_for.is_empty(),
        }
    }
}

/// A PC used for billing: each needs the certificate and 取込送信V2 (guide P16, P19).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BillingPc {
    /// When the certificate was installed on it.
    #[serde(default)]
    pub certificate_installed: Option<NaiveDate>,
    /// When 取込送信V2 was installed on it.
    #[serde(default)]
    pub torikomi_installed: Option<NaiveDate>,
}

/// The evidence that goes with completing a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Evidence {
    /// Nothing to record (a password change records only that it happened).
    None,
    /// A registration notice (without its passwords).
    Notice {
        /// The notice.
        notice: NoticeSummary,
    },
    /// The issued certificate (validity as the portal shows it, or read from the .p12).
    Certificate {
        /// The certificate.
        certificate: CertificateEvidence,
    },
    /// An installation on a named PC; for the certificate step, optionally the
    /// certificate read from the installed .p12.
    Installation {
        /// The PC's name as the facility calls it (e.g. "受付PC").
        pc: String,
        /// The certificate, when installing it.
        #[serde(default)]
        certificate: Option<CertificateEvidence>,
    },
    /// The validated 取込送信 facility profile.
    Profile {
        /// The profile.
        profile: FacilityProfile,
    },
}

impl Evidence {
    /// Evidence from a parsed notice (its passwords are dropped).
    ///
    /// ```
    /// use hug_onboard_core::notice::RegistrationNotice;
    /// use hug_onboard_core::onboarding::Evidence;
    /// let n = RegistrationNotice::parse("事業所番号 1312345678\nID P1\n(仮)パスワード a1\n証明書発行用パスワード b2").unwrap();
    /// assert!(matches!(Evidence::notice(&n), Evidence::Notice { .. }));
    /// ```
    pub fn notice(n: &RegistrationNotice) -> Evidence {
        Evidence::Notice {
            notice: NoticeSummary::from(n),
        }
    }

    fn kind_name(&self) -> &'static str {
        match self {
            Evidence::None => "none",
            Evidence::Notice { .. } => "notice",
            Evidence::Certificate { .. } => "certificate",
            Evidence::Installation { .. } => "installation",
            Evidence::Profile { .. } => "profile",
        }
    }
}

/// A completed step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    /// The day it was done.
    pub on: NaiveDate,
    /// What was recorded with it.
    pub evidence: Evidence,
}

crate::diagnostics! {
    /// Why a workflow operation was refused.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum WorkflowError {
        /// A prerequisite step is not done.
        PrerequisiteMissing {
            /// The step asked for.
            step: Step,
            /// The prerequisites not done.
            missing: Vec<Step>,
        } => "workflow.prerequisite_missing", Workflow, Error,
            "a prerequisite step is not done",
            ja: { format!(
                "「{}」の前に「{}」を済ませてください（ガイド{}）。",
                step.title(Lang::Ja),
                step_list(missing, Lang::Ja),
                missing.first().map(|s| s.guide_page()).unwrap_or("")
            ) },
            en: { format!(
                "Before \"{}\", do: {} (guide {}).",
                step.title(Lang::En),
                step_list(missing, Lang::En),
                missing.first().map(|s| s.guide_page()).unwrap_or("")
            ) };
        /// The step is already done (except installing on another PC).
        AlreadyDone {
            /// The step.
            step: Step,
            /// When.
            on: NaiveDate,
        } => "workflow.already_done", Workflow, Error,
            "the step is already done",
            ja: { format!("「{}」は{on}に完了済みです。", step.title(Lang::Ja)) },
            en: { format!("\"{}\" was already done on {on}.", step.title(Lang::En)) };
        /// The date is before a prerequisite's date.
        DateBeforePrerequisite {
            /// The step.
            step: Step,
            /// Its date.
            on: NaiveDate,
            /// The prerequisite.
            prerequisite: Step,
            /// The prerequisite's date.
            prerequisite_on: NaiveDate,
        } => "workflow.date_before_prerequisite", Workflow, Error,
            "the date is before a prerequisite's date",
            ja: { format!(
                "「{}」の日付（{on}）が、先に必要な「{}」の日付（{prerequisite_on}）より前です。日付を確認してください。",
                step.title(Lang::Ja),
                prerequisite.title(Lang::Ja)
            ) },
            en: { format!(
                "\"{}\" on {on} is before its prerequisite \"{}\" on {prerequisite_on}; check the dates.",
                step.title(Lang::En),
                prerequisite.title(Lang::En)
            ) };
        /// The step needs another kind of evidence.
        EvidenceMismatch {
            /// The step.
            step: Step,
            /// What it needs.
            expected: &'static str,
            /// What was given.
            found: &'static str,
        } => "workflow.evidence_mismatch", Workflow, Error,
            "the step needs another kind of evidence",
            ja: { format!("「{}」には{expected}の記録が必要です（渡されたのは{found}）。", step.title(Lang::Ja)) },
            en: { format!("\"{}\" needs {expected} evidence, not {found}.", step.title(Lang::En)) };
        /// A test notice where the production one belongs, or the reverse.
        WrongNotice {
            /// The step.
            step: Step,
            /// The kind needed.
            expected: NoticeKind,
            /// The kind given.
            found: NoticeKind,
        } => "workflow.wrong_notice", Workflow, Error,
            "test notice where the production one belongs, or the reverse",
            ja: { match expected {
                NoticeKind::Test => "これは本番用ID（「ID」と書かれた）のお知らせです。この手順には最初に届いた「テストID」のお知らせを使ってください。",
                NoticeKind::Production => "これはテストIDのお知らせです。この手順には後日届く「ID」と書かれた本番用のお知らせを使ってください。",
            } },
            en: { format!(
                "This is the {} notice; this step needs the {} notice (its ID is labelled {}).",
                found.as_str(),
                expected.as_str(),
                expected.id_label()
            ) };
        /// Evidence about another facility.
        FacilityMismatch {
            /// This onboarding's facility.
            expected: FacilityNumber,
            /// The evidence's facility.
            found: FacilityNumber,
        } => "workflow.facility_mismatch", Workflow, Error,
            "evidence about another facility",
            ja: "事業所番号が違います（この事業所は{expected}、書類は{found}）。別の事業所の書類ではないか確認してください。",
            en: "Wrong facility: this onboarding is for {expected}, the document is for {found}. Is it another facility's?";
        /// An empty PC name, or a certificate whose end is before its start.
        InvalidEvidence {
            /// Why, in both languages.
            reason: EvidenceReason,
        } => "workflow.invalid_evidence", Workflow, Error,
            "evidence is inconsistent",
            ja: { format!("記録の内容が正しくありません: {}", reason.message(Lang::Ja)) },
            en: { format!("The evidence is invalid: {}", reason.message(Lang::En)) };
        /// Undoing a step that later steps depend on.
        HasDependents {
            /// The step asked for.
            step: Step,
            /// Completed steps that depend on it.
            dependents: Vec<Step>,
        } => "workflow.has_dependents", Workflow, Error,
            "later steps depend on the step to undo",
            ja: { format!(
                "「{}」を取り消す前に、あとの手順「{}」を取り消してください。",
                step.title(Lang::Ja),
                step_list(dependents, Lang::Ja)
            ) },
            en: { format!(
                "Before undoing \"{}\", undo the later steps: {}.",
                step.title(Lang::En),
                step_list(dependents, Lang::En)
            ) };
        /// Undoing a step that is not done.
        NotDone {
            /// The step.
            step: Step,
        } => "workflow.not_done", Workflow, Error,
            "the step to undo is not done",
            ja: { format!("「{}」はまだ完了していません。", step.title(Lang::Ja)) },
            en: { format!("\"{}\" is not done.", step.title(Lang::En)) };
        /// An unknown step identifier.
        UnknownStep {
            /// What was given.
            id: String,
        } => "workflow.unknown_step", Workflow, Error,
            "unknown step identifier",
            ja: { format!("「{}」という手順はありません。", crate::text::readable(id)) },
            en: { format!("There is no step \"{}\".", crate::text::readable(id)) };
        /// State JSON that cannot be read.
        StateInvalid {
            /// Why, in both languages.
            reason: StateReason,
        } => "state.invalid", InvalidData, Error,
            "state JSON cannot be read",
            ja: { format!("保存された状態を読み込めません: {}", reason.message(Lang::Ja)) },
            en: { format!("The saved state cannot be read: {}", reason.message(Lang::En)) };
        /// A state file written by a newer version of the library.
        UnsupportedVersion {
            /// The file's version.
            version: u64,
        } => "state.unsupported_version", InvalidData, Error,
            "state written by a newer library",
            ja: "この状態ファイル（バージョン{version}）は新しいバージョンのライブラリで保存されています。ライブラリを更新してください（対応: {SCHEMA_VERSION}まで）。",
            en: "This state file (version {version}) was written by a newer library; update it (this one reads up to {SCHEMA_VERSION}).";
    }
}

fn step_list(steps: &[Step], lang: Lang) -> String {
    let sep = if lang == Lang::Ja { "」「" } else { "; " };
    steps
        .iter()
        .map(|s| s.title(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// One facility's onboarding: which steps are done, when, with what evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Onboarding {
    /// The facility.
    pub facility_number: FacilityNumber,
    /// Completed steps.
    #[serde(default)]
    pub steps: BTreeMap<Step, StepRecord>,
    /// The PCs used for billing, by name.
    #[serde(default)]
    pub billing_pcs: BTreeMap<String, BillingPc>,
    /// Whether the facility bills through a 代理請求 agent's certificate
    /// instead of its own (then the certificate comes from the batch context).
    #[serde(default)]
    pub agent_certificate: Option<String>,
}

/// The version-1 file: the envelope fields and the state's fields side by side.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateV1 {
    schema: String,
    version: u64,
    facility_number: FacilityNumber,
    #[serde(default)]
    steps: BTreeMap<Step, StepRecord>,
    #[serde(default)]
    billing_pcs: BTreeMap<String, BillingPc>,
    #[serde(default)]
    agent_certificate: Option<String>,
}

/// Reads only the envelope (the rest is skipped without allocating).
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    version: Option<u64>,
}

impl Onboarding {
    /// A new onboarding with nothing done.
    ///
    /// ```
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::Onboarding};
    /// let ob = Onboarding::new(FacilityNumber::parse("1312345678").unwrap());
    /// assert!(ob.steps.is_empty());
    /// ```
    pub fn new(facility_number: FacilityNumber) -> Onboarding {
        Onboarding {
            facility_number,
            steps: BTreeMap::new(),
            billing_pcs: BTreeMap::new(),
            agent_certificate: None,
        }
    }

    /// Whether a step is done.
    ///
    /// ```
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::{Onboarding, Step}};
    /// let ob = Onboarding::new(FacilityNumber::parse("1312345678").unwrap());
    /// assert!(!ob.is_done(Step::ReceiveDocuments));
    /// ```
    pub fn is_done(&self, step: Step) -> bool {
        self.steps.contains_key(&step)
    }

    /// Completes a step on a day with its evidence.
    ///
    /// Evidence each step takes: `receive_documents` — the test notice;
    /// `receive_production_notice` — the production notice;
    /// `certificate_issued` — the certificate (validity dates at least);
    /// `install_certificate` and `install_torikomi` — an installation on a named
    /// PC (these two may be completed again for each further PC);
    /// `register_facility` — the validated profile (a profile whose password is
    /// no longer `0000` also completes `change_torikomi_password`); the other
    /// steps take [`Evidence::None`].
    ///
    /// # Errors
    ///
    /// `workflow.prerequisite_missing`, `workflow.already_done`,
    /// `workflow.date_before_prerequisite`, `workflow.evidence_mismatch`,
    /// `workflow.wrong_notice`, `workflow.facility_mismatch`,
    /// `workflow.invalid_evidence`. The state is unchanged on error.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::{Evidence, Onboarding, Step}};
    /// let mut ob = Onboarding::new(FacilityNumber::parse("1312345678").unwrap());
    /// let e = ob.complete(Step::SubmitTodoke, NaiveDate::from_ymd_opt(2019, 6, 5).unwrap(), Evidence::None);
    /// assert!(e.is_err());
    /// ```
    pub fn complete(
        &mut self,
        step: Step,
        on: NaiveDate,
        evidence: Evidence,
    ) -> Result<(), WorkflowError> {
        let missing: Vec<Step> = step
            .prerequisites()
            .iter()
            .copied()
            .filter(|p| !self.is_done(*p))
            .collect();
        if !missing.is_empty() {
            return Err(WorkflowError::PrerequisiteMissing { step, missing });
        }
        for p in step.prerequisites() {
            if let Some(r) = self.steps.get(p)
                && on < r.on
            {
                return Err(WorkflowError::DateBeforePrerequisite {
                    step,
                    on,
                    prerequisite: *p,
                    prerequisite_on: r.on,
                });
            }
        }
        let repeatable = matches!(step, Step::InstallCertificate | Step::InstallTorikomi);
        if let Some(r) = self.steps.get(&step)
            && !repeatable
        {
            return Err(WorkflowError::AlreadyDone { step, on: r.on });
        }
        self.check_evidence(step, &evidence)?;

        // Apply.
        match (&step, &evidence) {
            (Step::InstallCertificate, Evidence::Installation { pc, .. }) => {
                self.billing_pcs
                    .entry(pc.trim().to_owned())
                    .or_default()
                    .certificate_installed = Some(on);
            }
            (Step::InstallTorikomi, Evidence::Installation { pc, .. }) => {
                self.billing_pcs
                    .entry(pc.trim().to_owned())
                    .or_default()
                    .torikomi_installed = Some(on);
            }
            (Step::RegisterFacility, Evidence::Profile { profile })
                if !profile.password_is_default =>
            {
                self.steps
                    .entry(Step::ChangeTorikomiPassword)
                    .or_insert(StepRecord {
                        on,
                        evidence: Evidence::None,
                    });
            }
            _ => {}
        }
        match self.steps.get_mut(&step) {
            // A further PC: keep the first date, update the certificate if given.
            Some(rec) => {
                if let Evidence::Installation {
                    certificate: Some(c),
                    ..
                } = &evidence
                {
                    rec.evidence = Evidence::Installation {
                        pc: match &rec.evidence {
                            Evidence::Installation { pc, .. } => pc.clone(),
                            _ => String::new(),
                        },
                        certificate: Some(c.clone()),
                    };
                }
            }
            None => {
                self.steps.insert(step, StepRecord { on, evidence });
            }
        }
        Ok(())
    }

    fn check_evidence(&self, step: Step, evidence: &Evidence) -> Result<(), WorkflowError> {
        let mismatch = |expected: &'static str| WorkflowError::EvidenceMismatch {
            step,
            expected,
            found: evidence.kind_name(),
        };
        let facility = |found: FacilityNumber| {
            if found == self.facility_number {
                Ok(())
            } else {
                Err(WorkflowError::FacilityMismatch {
                    expected: self.facility_number,
                    found,
                })
            }
        };
        let certificate = |c: &CertificateEvidence| {
            if c.valid_until < c.valid_from {
                return Err(WorkflowError::InvalidEvidence {
                    reason: EvidenceReason::CertificateEndsBeforeStart {
                        valid_from: c.valid_from,
                        valid_until: c.valid_until,
                    },
                });
            }
            if c.agent_for.len() > 100 {
                return Err(WorkflowError::InvalidEvidence {
                    reason: EvidenceReason::TooManyFacilities {
                        count: c.agent_for.len(),
                    },
                });
            }
            if !c.serves(&self.facility_number)
                && let Some(n) = c.subject_facility_number
            {
                return facility(n);
            }
            Ok(())
        };
        match step {
            Step::ReceiveDocuments | Step::ReceiveProductionNotice => {
                let expected = if step == Step::ReceiveDocuments {
                    NoticeKind::Test
                } else {
                    NoticeKind::Production
                };
                match evidence {
                    Evidence::Notice { notice } => {
                        if notice.kind != expected {
                            return Err(WorkflowError::WrongNotice {
                                step,
                                expected,
                                found: notice.kind,
                            });
                        }
                        facility(notice.facility_number)
                    }
                    _ => Err(mismatch("notice")),
                }
            }
            Step::CertificateIssued => match evidence {
                Evidence::Certificate { certificate: c } => certificate(c),
                _ => Err(mismatch("certificate")),
            },
            Step::InstallCertificate | Step::InstallTorikomi => match evidence {
                Evidence::Installation { pc, certificate: c } => {
                    if pc.trim().is_empty() || crate::text::find_control(pc).is_some() {
                        return Err(WorkflowError::InvalidEvidence {
                            reason: EvidenceReason::PcNameMissing,
                        });
                    }
                    if let Some(c) = c {
                        if step == Step::InstallTorikomi {
                            return Err(mismatch("installation without certificate"));
                        }
                        certificate(c)?;
                    }
                    Ok(())
                }
                _ => Err(mismatch("installation")),
            },
            Step::RegisterFacility => match evidence {
                Evidence::Profile { profile } => facility(profile.facility_number),
                _ => Err(mismatch("profile")),
            },
            _ => match evidence {
                Evidence::None => Ok(()),
                _ => Err(mismatch("none")),
            },
        }
    }

    /// Undoes a step (and, for an installation step, forgets the PCs' dates).
    ///
    /// # Errors
    ///
    /// `workflow.not_done`, or `workflow.has_dependents` naming the completed
    /// steps that must be undone first.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::{Onboarding, Step}};
    /// let mut ob = Onboarding::new(FacilityNumber::parse("1312345678").unwrap());
    /// assert!(ob.undo(Step::TestLogin).is_err());
    /// ```
    pub fn undo(&mut self, step: Step) -> Result<(), WorkflowError> {
        if !self.is_done(step) {
            return Err(WorkflowError::NotDone { step });
        }
        let dependents: Vec<Step> = step
            .dependents()
            .into_iter()
            .filter(|d| self.is_done(*d))
            .collect();
        if !dependents.is_empty() {
            return Err(WorkflowError::HasDependents { step, dependents });
        }
        self.steps.remove(&step);
        match step {
            Step::InstallCertificate => self
                .billing_pcs
                .values_mut()
                .for_each(|p| p.certificate_installed = None),
            Step::InstallTorikomi => self
                .billing_pcs
                .values_mut()
                .for_each(|p| p.torikomi_installed = None),
            _ => {}
        }
        self.billing_pcs
            .retain(|_, p| p.certificate_installed.is_some() || p.torikomi_installed.is_some());
        Ok(())
    }

    /// Declares a PC used for billing (so that readiness can warn while the
    /// certificate or 取込送信V2 is missing on it).
    ///
    /// # Errors
    ///
    /// `workflow.invalid_evidence` for an empty name.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::Onboarding};
    /// let mut ob = Onboarding::new(FacilityNumber::parse("1312345678").unwrap());
    /// ob.add_billing_pc("事務所PC")?;
    /// assert!(ob.billing_pcs.contains_key("事務所PC"));
    /// # Ok::<(), hug_onboard_core::onboarding::WorkflowError>(())
    /// ```
    pub fn add_billing_pc(&mut self, name: &str) -> Result<(), WorkflowError> {
        let name = name.trim();
        if name.is_empty() || crate::text::find_control(name).is_some() {
            return Err(WorkflowError::InvalidEvidence {
                reason: EvidenceReason::PcNameMissing,
            });
        }
        self.billing_pcs.entry(name.to_owned()).or_default();
        Ok(())
    }

    /// The steps that can be done now (prerequisites done, not done yet), in the guide's order.
    ///
    /// ```
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::{Onboarding, Step}};
    /// let ob = Onboarding::new(FacilityNumber::parse("1312345678").unwrap());
    /// assert_eq!(ob.next_steps(), vec![Step::ReceiveDocuments]);
    /// ```
    pub fn next_steps(&self) -> Vec<Step> {
        Step::ALL
            .iter()
            .copied()
            .filter(|s| !self.is_done(*s) && s.prerequisites().iter().all(|p| self.is_done(*p)))
            .collect()
    }

    /// Every required step done.
    ///
    /// ```
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::Onboarding};
    /// assert!(!Onboarding::new(FacilityNumber::parse("1312345678").unwrap()).all_required_done());
    /// ```
    pub fn all_required_done(&self) -> bool {
        Step::ALL
            .iter()
            .all(|s| s.is_optional() || self.is_done(*s))
    }

    /// The notice recorded for a kind, if any.
    pub fn notice(&self, kind: NoticeKind) -> Option<&NoticeSummary> {
        let step = match kind {
            NoticeKind::Test => Step::ReceiveDocuments,
            NoticeKind::Production => Step::ReceiveProductionNotice,
        };
        match self.steps.get(&step).map(|r| &r.evidence) {
            Some(Evidence::Notice { notice }) => Some(notice),
            _ => None,
        }
    }

    /// The most recent certificate recorded (from installation or issuance).
    pub fn certificate(&self) -> Option<&CertificateEvidence> {
        let installed = match self
            .steps
            .get(&Step::InstallCertificate)
            .map(|r| &r.evidence)
        {
            Some(Evidence::Installation {
                certificate: Some(c),
                ..
            }) => Some(c),
            _ => None,
        };
        let issued = match self
            .steps
            .get(&Step::CertificateIssued)
            .map(|r| &r.evidence)
        {
            Some(Evidence::Certificate { certificate }) => Some(certificate),
            _ => None,
        };
        match (installed, issued) {
            (Some(a), Some(b)) => Some(if a.valid_until >= b.valid_until { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// The registered 取込送信 profile, if any.
    pub fn profile(&self) -> Option<&FacilityProfile> {
        match self.steps.get(&Step::RegisterFacility).map(|r| &r.evidence) {
            Some(Evidence::Profile { profile }) => Some(profile),
            _ => None,
        }
    }

    /// The state as JSON (schema [`SCHEMA_NAME`], version [`SCHEMA_VERSION`]). Holds no secrets.
    ///
    /// ```
    /// use hug_onboard_core::{facility::FacilityNumber, onboarding::Onboarding};
    /// let j = Onboarding::new(FacilityNumber::parse("1312345678").unwrap()).to_json();
    /// assert!(j.contains("\"version\":1"));
    /// ```
    pub fn to_json(&self) -> String {
        let file = StateV1 {
            schema: SCHEMA_NAME.into(),
            version: u64::from(SCHEMA_VERSION),
            facility_number: self.facility_number,
            steps: self.steps.clone(),
            billing_pcs: self.billing_pcs.clone(),
            agent_certificate: self.agent_certificate.clone(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Reads a state written by this or an older version of the library.
    ///
    /// Older versions are migrated step by step to the current one (version 1
    /// is the first; the migration chain is where each later version adds its
    /// conversion).
    ///
    /// # Errors
    ///
    /// `state.invalid` (not JSON, wrong schema name, a field of the wrong type,
    /// an unknown field), `state.unsupported_version` (written by a newer library).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::onboarding::Onboarding;
    /// use hug_onboard_core::Diagnostic;
    /// let e = Onboarding::from_json(r#"{"schema":"hug-onboard/onboarding-state","version":99}"#).unwrap_err();
    /// assert_eq!(e.code(), "state.unsupported_version");
    /// ```
    pub fn from_json(json: &str) -> Result<Onboarding, WorkflowError> {
        let invalid = |reason: StateReason| WorkflowError::StateInvalid { reason };
        let json_err =
            |e: serde_json::Error| invalid(StateReason::Json(DataReason::from_serde(&e)));
        let probe: VersionProbe = serde_json::from_str(json).map_err(json_err)?;
        if probe.schema.as_deref() != Some(SCHEMA_NAME) {
            return Err(invalid(StateReason::WrongSchema));
        }
        // Each later version adds a `N => migrate_{N-1}_to_N(...)` arm here.
        let ob = match probe.version {
            None => return Err(invalid(StateReason::VersionMissing)),
            Some(0) => return Err(invalid(StateReason::VersionZero)),
            Some(1) => {
                let f: StateV1 = serde_json::from_str(json).map_err(json_err)?;
                Onboarding {
                    facility_number: f.facility_number,
                    steps: f.steps,
                    billing_pcs: f.billing_pcs,
                    agent_certificate: f.agent_certificate,
                }
            }
            Some(v) => return Err(WorkflowError::UnsupportedVersion { version: v }),
        };
        ob.validate_loaded()?;
        Ok(ob)
    }

    /// A loaded state must still obey the workflow's rules.
    fn validate_loaded(&self) -> Result<(), WorkflowError> {
        for (step, rec) in &self.steps {
            for p in step.prerequisites() {
                match self.steps.get(p) {
                    None => {
                        return Err(WorkflowError::StateInvalid {
                            reason: StateReason::PrerequisiteNotDone {
                                step: *step,
                                prerequisite: *p,
                            },
                        });
                    }
                    Some(pr) if rec.on < pr.on => {
                        return Err(WorkflowError::StateInvalid {
                            reason: StateReason::DatedBeforePrerequisite {
                                step: *step,
                                on: rec.on,
                                prerequisite: *p,
                                prerequisite_on: pr.on,
                            },
                        });
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    fn d(m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, m, dd).unwrap()
    }

    #[test]
    fn prerequisites_are_in_guide_order() {
        for s in Step::ALL {
            for p in s.prerequisites() {
                assert!(p < s, "{p:?} must come before {s:?}");
            }
        }
    }

    #[test]
    fn every_code_is_listed() {
        let n = FacilityNumber::parse("1312345678").unwrap();
        let all = [
            WorkflowError::PrerequisiteMissing {
                step: Step::TestLogin,
                missing: vec![Step::ReceiveDocuments],
            },
            WorkflowError::AlreadyDone {
                step: Step::TestLogin,
                on: d(1, 1),
            },
            WorkflowError::DateBeforePrerequisite {
                step: Step::TestLogin,
                on: d(1, 1),
                prerequisite: Step::ReceiveDocuments,
                prerequisite_on: d(1, 2),
            },
            WorkflowError::EvidenceMismatch {
                step: Step::TestLogin,
                expected: "none",
                found: "notice",
            },
            WorkflowError::WrongNotice {
                step: Step::ReceiveDocuments,
                expected: NoticeKind::Test,
                found: NoticeKind::Production,
            },
            WorkflowError::FacilityMismatch {
                expected: n,
                found: n,
            },
            WorkflowError::InvalidEvidence {
                reason: EvidenceReason::PcNameMissing,
            },
            WorkflowError::HasDependents {
                step: Step::TestLogin,
                dependents: vec![Step::ChangeTestPassword],
            },
            WorkflowError::NotDone {
                step: Step::TestLogin,
            },
            WorkflowError::UnknownStep { id: "x".into() },
            WorkflowError::StateInvalid {
                reason: StateReason::VersionMissing,
            },
            WorkflowError::UnsupportedVersion { version: 2 },
        ];
        assert_eq!(all.len(), <WorkflowError as Declared>::CODES.len());
        for e in all {
            assert!(
                crate::all_codes().iter().any(|c| c.code == e.code()),
                "{}",
                e.code()
            );
            assert!(!e.message(Lang::Ja).is_empty() && !e.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn bad_state_json() {
        for (j, code) in [
            ("", "state.invalid"),
            ("[]", "state.invalid"),
            (r#"{"schema":"other","version":1}"#, "state.invalid"),
            (
                r#"{"schema":"hug-onboard/onboarding-state","version":1}"#,
                "state.invalid",
            ),
            (
                r#"{"schema":"hug-onboard/onboarding-state","version":1,"facility_number":"12"}"#,
                "state.invalid",
            ),
            (
                r#"{"schema":"hug-onboard/onboarding-state","version":2,"facility_number":"1312345678"}"#,
                "state.unsupported_version",
            ),
            (
                r#"{"schema":"hug-onboard/onboarding-state","version":1,"facility_number":"1312345678","steps":{"test_login":{"on":"2019-06-01","evidence":{"type":"none"}}}}"#,
                "state.invalid",
            ),
            (
                r#"{"schema":"hug-onboard/onboarding-state","version":1,"facility_number":"1312345678","password":"x"}"#,
                "state.invalid",
            ),
        ] {
            assert_eq!(Onboarding::from_json(j).unwrap_err().code(), code, "{j}");
        }
    }

    #[test]
    fn state_and_evidence_reasons_are_japanese_in_japanese() {
        let head = r#"{"schema":"hug-onboard/onboarding-state","version":1"#;
        let states = [
            String::new(),
            "[]".into(),
            r#"{"schema":"Secret99","version":1}"#.into(),
            r#"{"schema":"hug-onboard/onboarding-state"}"#.into(),
            r#"{"schema":"hug-onboard/onboarding-state","version":0}"#.into(),
            format!("{head}}}"),
            format!(r#"{head},"facility_number":"Secret99"}}"#),
            format!(r#"{head},"facility_number":1312345678}}"#),
            format!(r#"{head},"facility_number":"1312345678","password":"Secret99"}}"#),
            format!(
                r#"{head},"facility_number":"1312345678","steps":{{"test_login":{{"on":"2019-06-01","evidence":{{"type":"none"}}}}}}}}"#
            ),
            format!(
                r#"{head},"facility_number":"1312345678","steps":{{"test_login":{{"on":"Secret99"}}}}}}"#
            ),
        ];
        // The identifiers a message may name: fields, the schema's name.
        let allowed = [
            "facility_number",
            "password",
            "schema",
            "hug",
            "onboard",
            "onboarding",
            "state",
            "version",
            "steps",
        ];
        for j in &states {
            let e = Onboarding::from_json(j).unwrap_err();
            assert_eq!(e.code(), "state.invalid", "{j}");
            let (ja, en) = (e.message(Lang::Ja), e.message(Lang::En));
            let words = crate::json_reason::english_words(&ja, &allowed);
            assert_eq!(words, Vec::<String>::new(), "{ja}");
            assert!(!ja.contains("Secret99") && !en.contains("Secret99"), "{en}");
            assert!(
                !en.contains("expected") && !en.contains("invalid type"),
                "{en}"
            );
        }
        // A step dated before its prerequisite, with each step's title.
        let j = format!(
            r#"{head},"facility_number":"1312345678","steps":{{"receive_documents":{{"on":"2019-06-02","evidence":{{"type":"none"}}}},"test_login":{{"on":"2019-06-01","evidence":{{"type":"none"}}}}}}}}"#
        );
        if let Err(e) = Onboarding::from_json(&j) {
            let ja = e.message(Lang::Ja);
            assert_eq!(
                crate::json_reason::english_words(&ja, &allowed),
                Vec::<String>::new(),
                "{ja}"
            );
        }
        let n = FacilityNumber::parse("1312345678").unwrap();
        let mut ob = Onboarding::new(n);
        let e = ob.add_billing_pc(" ").unwrap_err();
        let ja = e.message(Lang::Ja);
        assert_eq!(e.code(), "workflow.invalid_evidence");
        assert_eq!(
            crate::json_reason::english_words(&ja, &[]),
            Vec::<String>::new(),
            "{ja}"
        );
        let reasons = [
            EvidenceReason::PcNameMissing,
            EvidenceReason::CertificateEndsBeforeStart {
                valid_from: d(2, 1),
                valid_until: d(1, 1),
            },
            EvidenceReason::TooManyFacilities { count: 101 },
            EvidenceReason::Certificate(DataReason::WrongType { line: 1, column: 2 }),
            EvidenceReason::AgentCertificate(DataReason::MissingField {
                field: "valid_from".into(),
                line: 1,
                column: 2,
            }),
            EvidenceReason::Profile(DataReason::Syntax { line: 1, column: 2 }),
            EvidenceReason::MoreThanOneKind,
        ];
        for reason in reasons {
            let e = WorkflowError::InvalidEvidence { reason };
            let (ja, en) = (e.message(Lang::Ja), e.message(Lang::En));
            let allowed = ["valid_from", "notice", "certificate", "profile"];
            assert_eq!(
                crate::json_reason::english_words(&ja, &allowed),
                Vec::<String>::new(),
                "{ja}"
            );
            assert!(!en.is_empty() && en != ja);
        }
    }
}
