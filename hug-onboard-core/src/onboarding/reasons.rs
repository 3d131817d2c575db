//! Why a saved state cannot be read ([`StateReason`]) and why evidence is
//! invalid ([`EvidenceReason`]), in Japanese and English. Each names a field,
//! a step, a date or a count, never a value that may be a secret.

use chrono::NaiveDate;

use super::{SCHEMA_NAME, Step};
use crate::diagnostic::Lang;
use crate::json_reason::DataReason;

/// Why a saved state cannot be read
/// ([`WorkflowError::StateInvalid`](super::WorkflowError::StateInvalid)), in
/// both languages ([`StateReason::message`]).
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::Lang;
/// use hug_onboard_core::onboarding::StateReason;
/// assert_eq!(StateReason::VersionMissing.message(Lang::Ja), "バージョン（version）がありません");
/// assert_eq!(StateReason::VersionMissing.message(Lang::En), "version is missing");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StateReason {
    /// JSON that is not a state of the expected shape.
    Json(DataReason),
    /// A certificate lifecycle's JSON (a binding's `CertificateLifecycle.from_json`).
    LifecycleJson(DataReason),
    /// Another schema's name (or none).
    WrongSchema,
    /// No version.
    VersionMissing,
    /// Version 0.
    VersionZero,
    /// A step done whose prerequisite is not.
    PrerequisiteNotDone {
        /// The step done.
        step: Step,
        /// Its prerequisite not done.
        prerequisite: Step,
    },
    /// A step dated before its prerequisite.
    DatedBeforePrerequisite {
        /// The step.
        step: Step,
        /// Its date.
        on: NaiveDate,
        /// The prerequisite.
        prerequisite: Step,
        /// The prerequisite's date.
        prerequisite_on: NaiveDate,
    },
}

impl StateReason {
    /// The reason in `lang`, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            StateReason::Json(r) => r.message(lang),
            StateReason::LifecycleJson(r) => {
                if ja {
                    format!(
                        "証明書の手続きの状態として読めません（{}）",
                        r.message(lang)
                    )
                } else {
                    format!("not a certificate lifecycle ({})", r.message(lang))
                }
            }
            StateReason::WrongSchema => {
                if ja {
                    format!("この形式（schema が「{SCHEMA_NAME}」）の状態ではありません")
                } else {
                    format!("not a state of schema \"{SCHEMA_NAME}\"")
                }
            }
            StateReason::VersionMissing => if ja {
                "バージョン（version）がありません"
            } else {
                "version is missing"
            }
            .to_owned(),
            StateReason::VersionZero => if ja {
                "バージョン0はありません"
            } else {
                "version 0 does not exist"
            }
            .to_owned(),
            StateReason::PrerequisiteNotDone { step, prerequisite } => {
                if ja {
                    format!(
                        "「{}」が完了していますが、その前の手順「{}」が完了していません",
                        step.title(lang),
                        prerequisite.title(lang)
                    )
                } else {
                    format!(
                        "\"{}\" is done but its prerequisite \"{}\" is not",
                        step.title(lang),
                        prerequisite.title(lang)
                    )
                }
            }
            StateReason::DatedBeforePrerequisite {
                step,
                on,
                prerequisite,
                prerequisite_on,
            } => {
                if ja {
                    format!(
                        "「{}」（{on}）がその前の手順「{}」（{prerequisite_on}）より前の日付です",
                        step.title(lang),
                        prerequisite.title(lang)
                    )
                } else {
                    format!(
                        "\"{}\" ({on}) is dated before its prerequisite \"{}\" ({prerequisite_on})",
                        step.title(lang),
                        prerequisite.title(lang)
                    )
                }
            }
        }
    }
}

/// Why evidence is invalid
/// ([`WorkflowError::InvalidEvidence`](super::WorkflowError::InvalidEvidence)),
/// in both languages ([`EvidenceReason::message`]).
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::Lang;
/// use hug_onboard_core::onboarding::EvidenceReason;
/// assert_eq!(EvidenceReason::PcNameMissing.message(Lang::Ja), "PC の名前がありません");
/// assert_eq!(EvidenceReason::PcNameMissing.message(Lang::En), "the PC needs a name");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EvidenceReason {
    /// An empty PC name (or one with control characters).
    PcNameMissing,
    /// A certificate whose end is before its start.
    CertificateEndsBeforeStart {
        /// Its start.
        valid_from: NaiveDate,
        /// Its end.
        valid_until: NaiveDate,
    },
    /// An agent certificate for more than 100 facilities.
    TooManyFacilities {
        /// How many were given.
        count: usize,
    },
    /// A certificate given as data that cannot be read (a binding's argument).
    Certificate(DataReason),
    /// An agent certificate given as data that cannot be read (a binding's argument).
    AgentCertificate(DataReason),
    /// A facility profile given as data that cannot be read (a binding's argument).
    Profile(DataReason),
    /// More than one kind of evidence given at once (a binding's arguments).
    MoreThanOneKind,
}

impl EvidenceReason {
    /// The reason in `lang`, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let data = |ja_what: &str, en_what: &str, r: &DataReason| {
            if ja {
                format!("{ja_what}を読めません（{}）", r.message(lang))
            } else {
                format!("the {en_what} cannot be read ({})", r.message(lang))
            }
        };
        match self {
            EvidenceReason::PcNameMissing => if ja {
                "PC の名前がありません"
            } else {
                "the PC needs a name"
            }
            .to_owned(),
            EvidenceReason::CertificateEndsBeforeStart {
                valid_from,
                valid_until,
            } => {
                if ja {
                    format!(
                        "証明書の有効期限（{valid_until}）が有効期間の開始日（{valid_from}）より前です"
                    )
                } else {
                    format!(
                        "the certificate's valid_until {valid_until} is before its valid_from {valid_from}"
                    )
                }
            }
            EvidenceReason::TooManyFacilities { count } => {
                if ja {
                    format!("代理人の証明書で扱える事業所は100までです（{count}件あります）")
                } else {
                    format!("an agent certificate serves at most 100 facilities, not {count}")
                }
            }
            EvidenceReason::Certificate(r) => data("証明書", "certificate", r),
            EvidenceReason::AgentCertificate(r) => {
                data("代理人の証明書", "agent certificate", r)
            }
            EvidenceReason::Profile(r) => data("事業所の情報", "facility profile", r),
            EvidenceReason::MoreThanOneKind => if ja {
                "記録は1種類だけ渡してください（notice・certificate・pc（certificate と一緒でも可）・profile のどれか）"
            } else {
                "give one kind of evidence: notice, certificate, pc (with an optional certificate) or profile"
            }
            .to_owned(),
        }
    }
}
