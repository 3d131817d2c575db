//! The certificate's lifecycle as the portal shows it (guide P7–P16): not
//! applied → estimate made (optional 見積書) → applied (発行申請中) → issued
//! (発行済み) → downloaded → installed on named PCs; renewal and expiry.
//!
//! The state holds no secret (the 証明書発行用パスワード is never part of it) and
//! round-trips through JSON.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Lang, Problems};
use crate::rules::CertificateRules;
use crate::text;

/// 敬称 of a 見積書 addressee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Honorific {
    /// 様 (a person).
    #[serde(rename = "様")]
    Sama,
    /// 御中 (an organisation).
    #[serde(rename = "御中")]
    Onchu,
}

impl Honorific {
    /// `様` or `御中`.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::certificate::Honorific::Onchu.as_str(), "御中");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Honorific::Sama => "様",
            Honorific::Onchu => "御中",
        }
    }
}

/// A validated 見積書 addressee (宛先).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    /// 郵便番号, normalised to `NNN-NNNN`.
    pub postal_code: String,
    /// 住所.
    pub address: String,
    /// 事業所名.
    pub office_name: String,
    /// 氏名 (a person, or the department for 御中).
    pub person_name: String,
    /// 敬称.
    pub honorific: Honorific,
}

crate::diagnostics! {
    /// A problem with an estimate addressee.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum AddresseeError {
        /// The postal code is not `NNN-NNNN` (full-width digits and `〒` accepted).
        PostalCode {
            /// The value as given (truncated to 40 characters).
            value: String,
        } => "certificate.addressee.postal_code", InvalidInput, Error,
            "estimate addressee: the postal code is not NNN-NNNN",
            ja: { format!("郵便番号「{}」は「123-4567」の形で入力してください。", crate::text::readable(value)) },
            en: { format!("Postal code \"{}\": enter it as 123-4567.", crate::text::readable(value)) };
        /// A required field is empty.
        Empty {
            /// The field (`address`, `office_name`, `person_name`, `honorific`).
            field: &'static str,
        } => "certificate.addressee.empty", InvalidInput, Error,
            "estimate addressee: a required field is empty",
            ja: { format!("見積書の宛先の{}を入力してください。", field_ja(field)) },
            en: "Enter the estimate addressee's {field}.";
        /// A field contains a control character.
        ControlChar {
            /// The field.
            field: &'static str,
        } => "certificate.addressee.control_char", InvalidInput, Error,
            "estimate addressee: a field contains a control character",
            ja: { format!(
                "見積書の宛先の{}に使えない制御文字が含まれています。入力し直してください。",
                field_ja(field)
            ) },
            en: "The estimate addressee's {field} contains a control character; retype it.";
        /// The honorific is not 様 or 御中.
        Honorific {
            /// The value as given (truncated to 40 characters).
            value: String,
        } => "certificate.addressee.honorific", InvalidInput, Error,
            "estimate addressee: the honorific is not 様 or 御中",
            ja: { format!("敬称「{}」は「様」か「御中」を選んでください。", crate::text::readable(value)) },
            en: { format!("Honorific \"{}\": choose 様 (a person) or 御中 (an organisation).", crate::text::readable(value)) };
    }
}

fn field_ja(field: &str) -> &'static str {
    match field {
        "postal_code" => "郵便番号",
        "address" => "住所",
        "office_name" => "事業所名",
        "person_name" => "氏名",
        "honorific" => "敬称",
        _ => "項目",
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

impl Addressee {
    /// Validates a 見積書 addressee, reporting every problem at once.
    ///
    /// # Errors
    ///
    /// Every problem found: `certificate.addressee.postal_code`,
    /// `certificate.addressee.empty`, `certificate.addressee.control_char`,
    /// `certificate.addressee.honorific`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::certificate::{Addressee, Honorific};
    /// let a = Addressee::new("〒１００－０００１", "東京都千代田区千代田1-1", "ひまわり", "山田 太郎", "様").unwrap();
    /// assert_eq!(a.postal_code, "100-0001");
    /// assert_eq!(a.honorific, Honorific::Sama);
    /// let e = Addressee::new("1000", "", "x", "y", "殿").unwrap_err();
    /// assert_eq!(e.codes(), ["certificate.addressee.postal_code", "certificate.addressee.empty",
    ///                        "certificate.addressee.honorific"]);
    /// ```
    pub fn new(
        postal_code: &str,
        address: &str,
        office_name: &str,
        person_name: &str,
        honorific: &str,
    ) -> Result<Addressee, Problems<AddresseeError>> {
        let mut problems = Vec::new();
        let pc = text::normalize(postal_code);
        let pc = pc.trim_start_matches('〒').trim().to_owned();
        let digits: String = pc.chars().filter(|c| *c != '-').collect();
        let shape_ok = digits.len() == 7
            && digits.chars().all(|c| c.is_ascii_digit())
            && (pc.len() == 7 || (pc.len() == 8 && pc.as_bytes().get(3) == Some(&b'-')));
        let postal = if shape_ok {
            format!("{}-{}", &digits[..3], &digits[3..])
        } else {
            problems.push(AddresseeError::PostalCode {
                value: clip(postal_code),
            });
            String::new()
        };
        let mut field = |name: &'static str, v: &str| -> String {
            let t = text::collapse_spaces(v);
            if t.is_empty() {
                problems.push(AddresseeError::Empty { field: name });
            } else if text::find_control(v).is_some() {
                problems.push(AddresseeError::ControlChar { field: name });
            }
            t
        };
        let address = field("address", address);
        let office_name = field("office_name", office_name);
        let person_name = field("person_name", person_name);
        let h = match text::normalize(honorific).as_str() {
            "様" => Some(Honorific::Sama),
            "御中" => Some(Honorific::Onchu),
            "" => {
                problems.push(AddresseeError::Empty { field: "honorific" });
                None
            }
            _ => {
                problems.push(AddresseeError::Honorific {
                    value: clip(honorific),
                });
                None
            }
        };
        if let Some(p) = Problems::new(problems) {
            return Err(p);
        }
        Ok(Addressee {
            postal_code: postal,
            address,
            office_name,
            person_name,
            // `h` is `Some` whenever no problem was found.
            honorific: h.unwrap_or(Honorific::Sama),
        })
    }
}

/// A 見積書 (estimate) for a certificate: addressee, fee and validity from the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    /// The addressee.
    pub addressee: Addressee,
    /// The day it was made.
    pub made_on: NaiveDate,
    /// The fee in yen ([`CertificateRules::fee_yen`], 7,800 by default).
    pub fee_yen: u32,
    /// The nominal validity in years ([`CertificateRules::validity_years`]).
    pub validity_years: u32,
}

impl Estimate {
    /// An estimate with the fee and validity of `rules`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::certificate::{Addressee, Estimate};
    /// use hug_onboard_core::rules::CertificateRules;
    /// let a = Addressee::new("100-0001", "東京都千代田区", "ひまわり", "総務部", "御中").unwrap();
    /// let e = Estimate::new(a, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), &CertificateRules::default());
    /// assert_eq!(e.fee_yen, 7_800);
    /// ```
    pub fn new(addressee: Addressee, made_on: NaiveDate, rules: &CertificateRules) -> Estimate {
        Estimate {
            addressee,
            made_on,
            fee_yen: rules.fee_yen,
            validity_years: rules.validity_years,
        }
    }
}

/// Where the certificate stands on the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Nothing applied for yet.
    NotApplied,
    /// A 見積書 was made (optional step).
    EstimateMade,
    /// 発行申請中.
    Applied,
    /// 発行済み: the portal shows the validity dates.
    Issued,
    /// The .p12 was downloaded.
    Downloaded,
    /// Installed on at least one PC.
    Installed,
    /// The certificate expired.
    Expired,
}

impl Stage {
    /// The label as the portal or HUG shows it, in a language.
    ///
    /// ```
    /// use hug_onboard_core::certificate::Stage;
    /// use hug_onboard_core::diagnostic::Lang;
    /// assert_eq!(Stage::Applied.label(Lang::Ja), "発行申請中");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Stage::NotApplied, Lang::Ja) => "未申請",
            (Stage::NotApplied, Lang::En) => "not applied",
            (Stage::EstimateMade, Lang::Ja) => "見積書作成済み",
            (Stage::EstimateMade, Lang::En) => "estimate made",
            (Stage::Applied, Lang::Ja) => "発行申請中",
            (Stage::Applied, Lang::En) => "applied",
            (Stage::Issued, Lang::Ja) => "発行済み",
            (Stage::Issued, Lang::En) => "issued",
            (Stage::Downloaded, Lang::Ja) => "ダウンロード済み",
            (Stage::Downloaded, Lang::En) => "downloaded",
            (Stage::Installed, Lang::Ja) => "インストール済み",
            (Stage::Installed, Lang::En) => "installed",
            (Stage::Expired, Lang::Ja) => "期限切れ",
            (Stage::Expired, Lang::En) => "expired",
        }
    }
}

/// An issued certificate as the portal shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCertificate {
    /// 有効開始年月日.
    pub valid_from: NaiveDate,
    /// 有効終了年月日.
    pub valid_to: NaiveDate,
    /// The day it was issued.
    pub issued_on: NaiveDate,
    /// SHA-256 fingerprint once the file was downloaded and inspected.
    pub fingerprint_sha256: Option<String>,
    /// The PCs it is installed on.
    pub installations: Vec<Installation>,
}

/// A PC the certificate is installed on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installation {
    /// The PC's name as the user calls it.
    pub pc: String,
    /// The day of installation.
    pub installed_on: NaiveDate,
}

/// An event on the portal or at a PC.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum LifecycleEvent {
    /// A 見積書 was made.
    MakeEstimate {
        /// The estimate.
        estimate: Estimate,
    },
    /// The application was sent (発行申請中).
    Apply {
        /// The day.
        on: NaiveDate,
    },
    /// The portal shows 発行済み with the validity dates.
    Issue {
        /// The day.
        on: NaiveDate,
        /// 有効開始年月日.
        valid_from: NaiveDate,
        /// 有効終了年月日.
        valid_to: NaiveDate,
    },
    /// The .p12 was downloaded (again).
    Download {
        /// The day.
        on: NaiveDate,
        /// The SHA-256 fingerprint from [`crate::certificate::inspect`], if known.
        fingerprint_sha256: Option<String>,
    },
    /// Installed on a PC (again).
    Install {
        /// The PC's name.
        pc: String,
        /// The day.
        on: NaiveDate,
    },
    /// The certificate in use expired.
    Expire {
        /// The day.
        on: NaiveDate,
    },
}

impl LifecycleEvent {
    /// The event's name (`apply`, `issue`, …).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::certificate::LifecycleEvent;
    /// let e = LifecycleEvent::Apply { on: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap() };
    /// assert_eq!(e.name(), "apply");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            LifecycleEvent::MakeEstimate { .. } => "make_estimate",
            LifecycleEvent::Apply { .. } => "apply",
            LifecycleEvent::Issue { .. } => "issue",
            LifecycleEvent::Download { .. } => "download",
            LifecycleEvent::Install { .. } => "install",
            LifecycleEvent::Expire { .. } => "expire",
        }
    }
}

crate::diagnostics! {
    /// Why a lifecycle event was refused.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum LifecycleError {
        /// The event is not allowed in the current stage.
        InvalidTransition {
            /// The current stage.
            from: Stage,
            /// The event's name.
            event: &'static str,
        } => "certificate.lifecycle.invalid_transition", Workflow, Error,
            "a certificate lifecycle event that is not allowed in the current state",
            ja: { format!(
                "証明書が「{}」の状態では「{}」はできません。",
                from.label(Lang::Ja),
                event_ja(event)
            ) },
            en: { format!(
                "Cannot {} while the certificate is {}.",
                event.replace('_', " "),
                from.label(Lang::En)
            ) };
        /// Inconsistent dates or an empty PC name.
        InvalidDates {
            /// What is wrong, in both languages.
            reason: InvalidDatesReason,
        } => "certificate.lifecycle.invalid_dates", Workflow, Error,
            "an event's dates are inconsistent (e.g. valid-to before valid-from)",
            ja: { format!("日付または入力が正しくありません（{}）。", reason.message(Lang::Ja)) },
            en: { format!("Inconsistent input: {}.", reason.message(Lang::En)) };
    }
}

/// Why an event's input is inconsistent
/// ([`LifecycleError::InvalidDates`]), in both languages
/// ([`InvalidDatesReason::message`]).
///
/// # Example
///
/// ```
/// use hug_onboard_core::certificate::InvalidDatesReason;
/// use hug_onboard_core::diagnostic::Lang;
/// let r = InvalidDatesReason::PcNameMissing;
/// assert_eq!(r.message(Lang::Ja), "PC の名前が空か、制御文字を含んでいます");
/// assert_eq!(r.message(Lang::En), "the PC name is empty or has a control character");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvalidDatesReason {
    /// A certificate whose validity ends before it starts.
    ValidToBeforeValidFrom {
        /// Its first valid day.
        valid_from: NaiveDate,
        /// Its last valid day.
        valid_to: NaiveDate,
    },
    /// An installation's PC name that is empty or has a control character.
    PcNameMissing,
}

impl InvalidDatesReason {
    /// The reason in `lang`, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                InvalidDatesReason::ValidToBeforeValidFrom {
                    valid_from,
                    valid_to,
                },
                Lang::Ja,
            ) => {
                format!("有効期間の終了日（{valid_to}）が開始日（{valid_from}）より前です")
            }
            (
                InvalidDatesReason::ValidToBeforeValidFrom {
                    valid_from,
                    valid_to,
                },
                Lang::En,
            ) => {
                format!("valid-to {valid_to} is before valid-from {valid_from}")
            }
            (InvalidDatesReason::PcNameMissing, Lang::Ja) => {
                "PC の名前が空か、制御文字を含んでいます".to_owned()
            }
            (InvalidDatesReason::PcNameMissing, Lang::En) => {
                "the PC name is empty or has a control character".to_owned()
            }
        }
    }
}

fn event_ja(event: &str) -> &'static str {
    match event {
        "make_estimate" => "見積書の作成",
        "apply" => "発行申請",
        "issue" => "発行",
        "download" => "ダウンロード",
        "install" => "インストール",
        "expire" => "期限切れ",
        _ => "操作",
    }
}

/// The certificate's lifecycle for one facility.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    /// Where it stands.
    pub stage: Stage,
    /// The last estimate made for the current application.
    pub estimate: Option<Estimate>,
    /// The day the current application was sent.
    pub applied_on: Option<NaiveDate>,
    /// Whether the current application renews a certificate still in use.
    pub renewal: bool,
    /// The newest issued certificate.
    pub certificate: Option<IssuedCertificate>,
    /// During a renewal: the certificate still in use.
    pub previous: Option<IssuedCertificate>,
    /// Every accepted event, in order (evidence).
    pub history: Vec<LifecycleEvent>,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Lifecycle::new()
    }
}

impl Lifecycle {
    /// A facility that has not applied yet.
    ///
    /// ```
    /// use hug_onboard_core::certificate::{Lifecycle, Stage};
    /// assert_eq!(Lifecycle::new().stage, Stage::NotApplied);
    /// ```
    pub fn new() -> Lifecycle {
        Lifecycle {
            stage: Stage::NotApplied,
            estimate: None,
            applied_on: None,
            renewal: false,
            certificate: None,
            previous: None,
            history: Vec::new(),
        }
    }

    /// Applies an event; on error the lifecycle is unchanged.
    ///
    /// # Errors
    ///
    /// `certificate.lifecycle.invalid_transition` when the event is not
    /// allowed in the current stage; `certificate.lifecycle.invalid_dates`
    /// when valid-to is before valid-from or a PC name is empty.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use hug_onboard_core::certificate::{Lifecycle, LifecycleEvent as Ev, Stage};
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
    /// let mut lc = Lifecycle::new();
    /// lc.apply(Ev::Apply { on: d(9, 1) })?;
    /// assert_eq!(lc.apply(Ev::Install { pc: "受付PC".into(), on: d(9, 2) }).unwrap_err().code(),
    ///            "certificate.lifecycle.invalid_transition");
    /// lc.apply(Ev::Issue { on: d(9, 14), valid_from: d(9, 15), valid_to: NaiveDate::from_ymd_opt(2026, 9, 15).unwrap() })?;
    /// lc.apply(Ev::Download { on: d(9, 15), fingerprint_sha256: None })?;
    /// lc.apply(Ev::Install { pc: "受付PC".into(), on: d(9, 15) })?;
    /// assert_eq!(lc.stage, Stage::Installed);
    /// let json = serde_json::to_string(&lc)?;
    /// assert_eq!(serde_json::from_str::<Lifecycle>(&json)?, lc);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, event: LifecycleEvent) -> Result<(), LifecycleError> {
        let invalid = || LifecycleError::InvalidTransition {
            from: self.stage,
            event: event.name(),
        };
        let has_cert = matches!(
            self.stage,
            Stage::Issued | Stage::Downloaded | Stage::Installed
        );
        let mut next = self.clone();
        match &event {
            LifecycleEvent::MakeEstimate { estimate } => {
                match self.stage {
                    Stage::NotApplied | Stage::EstimateMade | Stage::Expired => {}
                    _ if has_cert => next.start_renewal(),
                    _ => return Err(invalid()),
                }
                next.estimate = Some(estimate.clone());
                next.stage = Stage::EstimateMade;
            }
            LifecycleEvent::Apply { on } => {
                match self.stage {
                    Stage::NotApplied | Stage::EstimateMade | Stage::Expired => {}
                    _ if has_cert => next.start_renewal(),
                    _ => return Err(invalid()),
                }
                if self.stage == Stage::Expired {
                    next.certificate = None;
                }
                next.applied_on = Some(*on);
                next.stage = Stage::Applied;
            }
            LifecycleEvent::Issue {
                on,
                valid_from,
                valid_to,
            } => {
                if self.stage != Stage::Applied {
                    return Err(invalid());
                }
                if valid_to < valid_from {
                    return Err(LifecycleError::InvalidDates {
                        reason: InvalidDatesReason::ValidToBeforeValidFrom {
                            valid_from: *valid_from,
                            valid_to: *valid_to,
                        },
                    });
                }
                next.certificate = Some(IssuedCertificate {
                    valid_from: *valid_from,
                    valid_to: *valid_to,
                    issued_on: *on,
                    fingerprint_sha256: None,
                    installations: Vec::new(),
                });
                next.stage = Stage::Issued;
            }
            LifecycleEvent::Download {
                fingerprint_sha256, ..
            } => {
                if !has_cert {
                    return Err(invalid());
                }
                if let (Some(c), Some(f)) = (next.certificate.as_mut(), fingerprint_sha256) {
                    c.fingerprint_sha256 = Some(f.clone());
                }
                if self.stage == Stage::Issued {
                    next.stage = Stage::Downloaded;
                }
            }
            LifecycleEvent::Install { pc, on } => {
                if !matches!(self.stage, Stage::Downloaded | Stage::Installed) {
                    return Err(invalid());
                }
                let name = text::collapse_spaces(&text::to_halfwidth_ascii(pc));
                if name.is_empty() || text::find_control(pc).is_some() {
                    return Err(LifecycleError::InvalidDates {
                        reason: InvalidDatesReason::PcNameMissing,
                    });
                }
                if let Some(c) = next.certificate.as_mut() {
                    c.installations.retain(|i| i.pc != name);
                    c.installations.push(Installation {
                        pc: name.clone(),
                        installed_on: *on,
                    });
                }
                if let Some(p) = next.previous.as_mut() {
                    p.installations.retain(|i| i.pc != name);
                    if p.installations.is_empty() {
                        next.previous = None;
                    }
                }
                next.stage = Stage::Installed;
            }
            LifecycleEvent::Expire { .. } => {
                if has_cert {
                    next.stage = Stage::Expired;
                } else if self.previous.is_some() {
                    // The certificate being renewed expired meanwhile.
                    next.previous = None;
                    next.renewal = false;
                } else {
                    return Err(invalid());
                }
            }
        }
        next.history.push(event);
        *self = next;
        Ok(())
    }

    fn start_renewal(&mut self) {
        if let Some(c) = self.certificate.take() {
            self.previous = Some(c);
        }
        self.renewal = true;
        self.estimate = None;
        self.applied_on = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn renewal_keeps_the_old_certificate_until_replaced() {
        let mut lc = Lifecycle::new();
        let a = Addressee::new("100-0001", "東京都", "ひまわり", "山田", "様").unwrap();
        lc.apply(LifecycleEvent::MakeEstimate {
            estimate: Estimate::new(a, d(2023, 8, 1), &CertificateRules::default()),
        })
        .unwrap();
        for e in [
            LifecycleEvent::Apply { on: d(2023, 8, 2) },
            LifecycleEvent::Issue {
                on: d(2023, 9, 14),
                valid_from: d(2023, 9, 15),
                valid_to: d(2026, 9, 15),
            },
            LifecycleEvent::Download {
                on: d(2023, 9, 15),
                fingerprint_sha256: Some("AA".into()),
            },
            LifecycleEvent::Install {
                pc: "PC1".into(),
                on: d(2023, 9, 15),
            },
            LifecycleEvent::Install {
                pc: "PC2".into(),
                on: d(2023, 9, 16),
            },
            LifecycleEvent::Apply { on: d(2026, 7, 1) },
        ] {
            lc.apply(e).unwrap();
        }
        assert!(lc.renewal);
        assert_eq!(lc.previous.as_ref().unwrap().installations.len(), 2);
        let before = lc.clone();
        let err = lc
            .apply(LifecycleEvent::Download {
                on: d(2026, 7, 2),
                fingerprint_sha256: None,
            })
            .unwrap_err();
        assert_eq!(err.code(), "certificate.lifecycle.invalid_transition");
        assert_eq!(lc, before);
        let err = lc
            .apply(LifecycleEvent::Issue {
                on: d(2026, 7, 8),
                valid_from: d(2026, 7, 9),
                valid_to: d(2026, 7, 8),
            })
            .unwrap_err();
        assert_eq!(err.code(), "certificate.lifecycle.invalid_dates");
        // The reason was English inside the Japanese message.
        let ja = err.message(Lang::Ja);
        assert_eq!(
            crate::json_reason::english_words(&ja, &[]),
            Vec::<String>::new(),
            "{ja}"
        );
        let e = LifecycleError::InvalidDates {
            reason: InvalidDatesReason::PcNameMissing,
        };
        let ja = e.message(Lang::Ja);
        assert_eq!(
            crate::json_reason::english_words(&ja, &[]),
            Vec::<String>::new(),
            "{ja}"
        );
        let json = serde_json::to_string(&lc).unwrap();
        assert_eq!(serde_json::from_str::<Lifecycle>(&json).unwrap(), lc);
        for e in [
            err,
            LifecycleError::InvalidTransition {
                from: Stage::Applied,
                event: "x",
            },
        ] {
            assert!(crate::all_codes().iter().any(|c| c.code == e.code()));
            assert!(!e.message(Lang::Ja).is_empty());
        }
        for e in [
            AddresseeError::PostalCode { value: "x".into() },
            AddresseeError::Empty { field: "address" },
            AddresseeError::ControlChar { field: "address" },
            AddresseeError::Honorific { value: "x".into() },
        ] {
            assert!(crate::all_codes().iter().any(|c| c.code == e.code()));
            assert!(!e.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn addressee_edge_inputs() {
        assert!(Addressee::new("1000001", "a", "b", "c", "御中").is_ok());
        let long = "あ".repeat(10_000);
        assert!(Addressee::new(&long, &long, &long, &long, &long).is_err());
        let e = Addressee::new(" ", " ", "\u{0}", "　", "").unwrap_err();
        assert_eq!(
            e.codes(),
            [
                "certificate.addressee.postal_code",
                "certificate.addressee.empty",
                "certificate.addressee.control_char",
                "certificate.addressee.empty",
                "certificate.addressee.empty"
            ]
        );
    }
}
