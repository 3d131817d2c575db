//! The registration notice (電子請求登録結果に関するお知らせ), read from its text.
//!
//! The 国保連 mails this letter twice: first with a **テストID** (test ID),
//! later — after the 届 is accepted — with the production **ID** (the label is
//! just `ID`), each with its own (仮)パスワード (temporary password) and the
//! 証明書発行用パスワード (certificate password). Mixing the two letters up is a
//! top support problem, so [`RegistrationNotice::kind`] comes from the label,
//! never from the shape of the ID.
//!
//! [`RegistrationNotice::parse`] reads the letter as typed or OCR'd: one label
//! and its value per line, separated by tabs, spaces or a colon (or the value
//! on the next line); labels as printed (`(仮)パスワード` also with full-width
//! brackets); the 和暦 date line and the 国保連 name line anywhere; boilerplate
//! ignored. It reports **every** problem at once.
//!
//! # Read by OCR
//!
//! [`RegistrationNotice::parse_ocr`] reads the text an OCR engine made of a
//! scan or photo, and [`RegistrationNotice::parse_ocr_tsv`] Tesseract's
//! positioned words (TSV), which pairs each label with the value on its row
//! even where the engine read the ruled table column by column. Both find
//! labels despite damaged glyphs (`症明書発行用パスワード`, `(伯)パスワード`,
//! `テストTD`), drop table borders and stray marks between label and value,
//! pair a column-by-column text (all labels, then all values) only when every
//! value has the shape of its field, and record where each field came from
//! ([`RegistrationNotice::ocr`]: the label as read, its edit distance, the
//! row's confidence). Their findings ask the user to compare with the paper:
//! every glyph OCR confuses in the ID and the passwords (`notice.ocr_confusable`,
//! with positions), letters corrected to digits in the 事業所番号
//! (`notice.ocr_corrected`), marks removed next to a value
//! (`notice.ocr_mark_removed`), a key field read with low confidence
//! (`notice.ocr_low_confidence`) and values paired by column order
//! (`notice.ocr_column_layout`). See [`ocr`] for the matching rules.
//!
//! A **second pass** over the cells ([`OcrFieldSource::value_box`]) with
//! engines restricted to each field's characters ([`ocr::value_charset`]) is
//! reconciled by [`RegistrationNotice::with_ocr_rereads`]; reads that disagree
//! are `notice.ocr_reads_disagree`; the 事業所名 and the address are voted
//! character by character (see [`ocr`]), the key fields and the postal code
//! as whole tokens (on the OCR corpus a per-character vote of the key fields
//! got no more right: 55 of 64 light-noise fields either way, 54 with the
//! page voting, and it can build a password no read gave). As the kind comes
//! from the label alone, a production label `ID` that the table's layout
//! cannot confirm (an OCR engine may have dropped `テスト`) is
//! `notice.ocr_kind_unconfirmed`.
//!
//! A row whose label OCR damaged beyond the edit distances is taken from the
//! table's fixed row order when it is the one unrecognised row between its
//! two recognised neighbours (`notice.ocr_label_inferred`; the kind is test
//! only when `テスト` was read). An invalid postal code read by OCR leaves
//! [`RegistrationNotice::postal_code`] empty with `notice.ocr_postal_code_invalid`
//! instead of refusing the notice, so that the second pass can read its cell
//! again ([`NoticeField::PostalCode`]); an impossible date (`19月`) leaves
//! [`RegistrationNotice::date`] empty with `notice.ocr_date_invalid`. A
//! 事業所番号, ID or password cannot be empty, so a page read of one in an
//! invalid form (a `0` read as `9` in a prefecture code) is read again
//! *before* the notice is built: [`RegistrationNotice::ocr_layout_tsv`] gives
//! every cell without checking the values, and
//! [`RegistrationNotice::parse_ocr_tsv_with_rereads`] takes the valid
//! plurality of the cell's second reads (`notice.ocr_page_read_invalid`).
//!
//! ```
//! use hug_onboard_core::notice::RegistrationNotice;
//! use hug_onboard_core::diagnostic::Diagnostic;
//!
//! let ocr = "通知日：令和元年6月3日
//! | 事業所番号 | 1312345678 |
//! | 症明書発行用パスワード | Cert4567 |
//! | テストTD | T1312345 |
//! | (伯)パスワード | (Kari0123 |";
//! let n = RegistrationNotice::parse_ocr(ocr)?;
//! assert_eq!(n.date.unwrap().to_string(), "2019-06-03");
//! assert_eq!(n.certificate_password.expose(), "Cert4567");
//! assert_eq!(n.temporary_password.expose(), "Kari0123");
//! let codes: Vec<_> = n.findings().iter().map(|f| f.code()).collect();
//! assert!(codes.contains(&"notice.ocr_confusable"));   // 1, 2, 5 … in the ID and passwords
//! assert!(codes.contains(&"notice.ocr_mark_removed")); // the "(" before Kari0123
//! # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>>(())
//! ```
//!
//! The passwords are [`Secret`]s: `Debug` and [`RegistrationNotice::to_json`]
//! redact them; [`RegistrationNotice::to_json_with_secrets`] is the explicit way out.
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::notice::{NoticeKind, RegistrationNotice};
//!
//! let text = "電子請求登録結果に関するお知らせ
//! 令和 元年 6月 3日
//! 東京都国民健康保険団体連合会
//! 事業所番号\t1312345678
//! 住所\t〒100-0001 東京都千代田区千代田1-1
//! 事業所名\t放課後等デイサービス はぐ
//! テストID\tT1312345
//! (仮)パスワード\tKari0123
//! 証明書発行用パスワード\tCert4567
//! 備考\t";
//! let n = RegistrationNotice::parse(text)?;
//! assert_eq!(n.kind, NoticeKind::Test);
//! assert_eq!(n.user_id.as_str(), "T1312345");
//! assert_eq!(n.date.unwrap().to_string(), "2019-06-03");
//! assert!(!format!("{n:?}").contains("Kari0123"));
//! assert_eq!(n.temporary_password.expose(), "Kari0123");
//! # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::diagnostic::{Lang, Problems};
use crate::facility::{
    FacilityNumber, FacilityNumberError, PostalCode, PostalCodeError, UserId, UserIdError,
};
use crate::secret::Secret;
use crate::text;
use crate::wareki::{self, WarekiError};

pub mod ocr;
mod reasons;
pub use reasons::{JsonReason, RereadsReason, TsvReason};

use ocr::{Confusable, LabelMatch};

/// Which notice: the first (テストID) or the production one (ID).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoticeKind {
    /// The first notice: its ID is labelled テストID. Used to log in for the
    /// set-up steps and to apply for the certificate; it cannot bill.
    Test,
    /// The later notice: its ID is labelled ID. The ID that sends claims.
    Production,
}

impl NoticeKind {
    /// `"test"` or `"production"`.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::notice::NoticeKind::Test.as_str(), "test");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Test => "test",
            NoticeKind::Production => "production",
        }
    }

    /// Parses `"test"` or `"production"`.
    ///
    /// ```
    /// use hug_onboard_core::notice::NoticeKind;
    /// assert_eq!(NoticeKind::parse("production"), Some(NoticeKind::Production));
    /// ```
    pub fn parse(s: &str) -> Option<NoticeKind> {
        match s {
            "test" => Some(NoticeKind::Test),
            "production" => Some(NoticeKind::Production),
            _ => None,
        }
    }

    /// The ID's label on the letter: `テストID` or `ID`.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::notice::NoticeKind::Production.id_label(), "ID");
    /// ```
    pub fn id_label(self) -> &'static str {
        match self {
            NoticeKind::Test => "テストID",
            NoticeKind::Production => "ID",
        }
    }

    /// What this notice is for, in plain words (guide P2–P3, P7, P22).
    ///
    /// ```
    /// use hug_onboard_core::{diagnostic::Lang, notice::NoticeKind};
    /// assert!(NoticeKind::Production.purpose(Lang::Ja).contains("請求"));
    /// ```
    pub fn purpose(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NoticeKind::Test, Lang::Ja) => {
                "テストIDのお知らせです。電子請求受付システムへの最初のログイン、仮パスワードの変更、電子証明書の発行申請（証明書発行用パスワードを使います）に使います。本番の請求には使えません。本番用IDのお知らせは届の受理後に届きます。"
            }
            (NoticeKind::Test, Lang::En) => {
                "This is the test-ID notice. Use it for the first login to the portal, the temporary password change and the certificate application (with its certificate password). It cannot send claims; the production-ID notice arrives after the 届 is accepted."
            }
            (NoticeKind::Production, Lang::Ja) => {
                "本番用IDのお知らせです。このIDで請求します。仮パスワードを変更し、新しいパスワードは取込送信のたびに必要なので大切に保管してください。"
            }
            (NoticeKind::Production, Lang::En) => {
                "This is the production-ID notice: this ID sends the claims. Change its temporary password and keep the new one safe: every send from 取込送信 needs it."
            }
        }
    }

    /// Whether claims are sent with this notice's ID.
    ///
    /// ```
    /// assert!(!hug_onboard_core::notice::NoticeKind::Test.is_for_billing());
    /// ```
    pub fn is_for_billing(self) -> bool {
        self == NoticeKind::Production
    }
}

/// A fixed field of the letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeField {
    /// 日付 (the 和暦 date line).
    Date,
    /// The 国保連 name line.
    Federation,
    /// 事業所番号.
    FacilityNumber,
    /// 住所 (with 〒).
    Address,
    /// The postal code after `〒` on the 住所 row (OCR provenance and second
    /// reads; the notice's value is [`RegistrationNotice::postal_code`]).
    PostalCode,
    /// 事業所名.
    FacilityName,
    /// テストID or ID.
    UserId,
    /// (仮)パスワード.
    TemporaryPassword,
    /// 証明書発行用パスワード.
    CertificatePassword,
    /// 備考.
    Remarks,
}

impl NoticeField {
    /// The label as printed on the letter.
    ///
    /// ```
    /// use hug_onboard_core::notice::NoticeField;
    /// assert_eq!(NoticeField::TemporaryPassword.label(), "(仮)パスワード");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            NoticeField::Date => "日付",
            NoticeField::Federation => "国保連名",
            NoticeField::FacilityNumber => "事業所番号",
            NoticeField::Address => "住所",
            NoticeField::PostalCode => "郵便番号",
            NoticeField::FacilityName => "事業所名",
            NoticeField::UserId => "テストID／ID",
            NoticeField::TemporaryPassword => "(仮)パスワード",
            NoticeField::CertificatePassword => "証明書発行用パスワード",
            NoticeField::Remarks => "備考",
        }
    }

    /// The field's name in English.
    ///
    /// ```
    /// use hug_onboard_core::notice::NoticeField;
    /// assert_eq!(NoticeField::FacilityNumber.name_en(), "facility number");
    /// ```
    pub fn name_en(self) -> &'static str {
        match self {
            NoticeField::Date => "date",
            NoticeField::Federation => "federation (国保連) name",
            NoticeField::FacilityNumber => "facility number",
            NoticeField::Address => "address",
            NoticeField::PostalCode => "postal code",
            NoticeField::FacilityName => "facility name",
            NoticeField::UserId => "ID (テストID or ID)",
            NoticeField::TemporaryPassword => "temporary password",
            NoticeField::CertificatePassword => "certificate password",
            NoticeField::Remarks => "remarks",
        }
    }

    /// Whether the field is a password: its characters never appear in a message
    /// (a finding names positions only).
    ///
    /// ```
    /// use hug_onboard_core::notice::NoticeField;
    /// assert!(NoticeField::CertificatePassword.is_secret());
    /// assert!(!NoticeField::UserId.is_secret());
    /// ```
    pub fn is_secret(self) -> bool {
        matches!(
            self,
            NoticeField::TemporaryPassword | NoticeField::CertificatePassword
        )
    }

    /// The field for its JSON key (the inverse of [`NoticeField::key`]).
    ///
    /// ```
    /// use hug_onboard_core::notice::NoticeField;
    /// assert_eq!(NoticeField::from_key("user_id"), Some(NoticeField::UserId));
    /// assert_eq!(NoticeField::from_key("userid"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<NoticeField> {
        [
            NoticeField::Date,
            NoticeField::Federation,
            NoticeField::FacilityNumber,
            NoticeField::Address,
            NoticeField::PostalCode,
            NoticeField::FacilityName,
            NoticeField::UserId,
            NoticeField::TemporaryPassword,
            NoticeField::CertificatePassword,
            NoticeField::Remarks,
        ]
        .into_iter()
        .find(|f| f.key() == key)
    }

    /// The field's key in JSON (`facility_number`, `user_id`, …).
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::notice::NoticeField::UserId.key(), "user_id");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            NoticeField::Date => "date",
            NoticeField::Federation => "federation",
            NoticeField::FacilityNumber => "facility_number",
            NoticeField::Address => "address",
            NoticeField::PostalCode => "postal_code",
            NoticeField::FacilityName => "facility_name",
            NoticeField::UserId => "user_id",
            NoticeField::TemporaryPassword => "temporary_password",
            NoticeField::CertificatePassword => "certificate_password",
            NoticeField::Remarks => "remarks",
        }
    }
}

crate::diagnostics! {
    /// A problem found in a notice (errors refuse the notice; warnings come from
    /// [`RegistrationNotice::findings`]). Problems about a field carry the
    /// field's own codes: `facility.*`, `user_id.*`, `postal_code.*`, `wareki.*`.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum NoticeProblem {
        /// No text at all.
        Empty => "notice.empty", InvalidInput, Error,
            "notice text is empty",
            // Typed text and scans alike (a blank page reads as nothing).
            ja: "お知らせの文字がありません（何も読み取れませんでした）。お知らせの文字をすべて貼り付けるか、お知らせ全体が写った画像を指定してください。",
            en: "The notice is empty (nothing was read). Paste the whole text of the letter, or give an image of the whole letter.";
        /// Longer than any real notice ([`MAX_NOTICE_CHARS`] characters).
        TooLong {
            /// How many characters.
            chars: usize,
        } => "notice.too_long", InvalidInput, Error,
            "notice text is too long",
            ja: "お知らせとしては長すぎます（{chars}文字）。「電子請求登録結果に関するお知らせ」1枚分だけを貼り付けてください。",
            en: "Too long for a notice ({chars} characters); paste one 電子請求登録結果に関するお知らせ only.";
        /// A control character (e.g. a NUL byte) in the text.
        ControlChar {
            /// 1-based line number.
            line: usize,
        } => "notice.control_char", InvalidInput, Error,
            "notice text contains a control character",
            ja: "{line}行目に読めない制御文字があります。文字を貼り付け直してください。",
            en: "Line {line} contains a control character; paste the text again.";
        /// A required field is missing or empty.
        MissingField {
            /// The field.
            field: NoticeField,
        } => "notice.missing_field", InvalidInput, Error,
            "a required field is missing",
            ja: { format!("「{}」が見つかりません。お知らせの該当欄を確認して入力してください。", field.label()) },
            en: { format!(
                "The {} was not found; check that line of the letter.",
                // The ID's English name already gives its labels (テストID or ID).
                if *field == NoticeField::UserId {
                    field.name_en().to_owned()
                } else {
                    format!("{} ({})", field.name_en(), field.label())
                }
            ) };
        /// The same field twice with different values.
        DuplicateField {
            /// The field.
            field: NoticeField,
            /// The line of the second occurrence.
            line: usize,
        } => "notice.duplicate_field", InvalidInput, Error,
            "a field appears twice with different values",
            ja: { format!("「{}」が2回あり、値が異なります{}。お知らせ1枚分だけを貼り付けてください。", field.label(), at(*line, Lang::Ja)) },
            en: { format!("The {} appears twice with different values{}; paste one notice only.", field.name_en(), at(*line, Lang::En)) };
        /// Both a テストID and an ID line: two letters pasted together?
        BothIds => "notice.both_ids", InvalidInput, Error,
            "both テストID and ID are present",
            ja: "「テストID」と「ID」の両方があります。テストID用と本番用の2枚のお知らせが混ざっていないか確認し、1枚ずつ入力してください。",
            en: "Both テストID and ID are present: the test and the production notices seem mixed; enter them one at a time.";
        /// A password that contains a character the portal never issues (a space inside, kana …).
        PasswordInvalid {
            /// Which password.
            field: NoticeField,
            /// 1-based line number (0 for JSON).
            line: usize,
        } => "notice.password_invalid", InvalidInput, Error,
            "a printed password has a character the portal never issues",
            ja: { format!(
                "「{}」に半角英数字・記号以外の文字があります{}。お知らせを見て打ち直してください（間違えたまま3回ログインに失敗するとロックされます）。",
                field.label(),
                at(*line, Lang::Ja)
            ) },
            en: { format!(
                "The {} contains a character that is not a half-width letter, digit or symbol{}; retype it from the letter (3 failed logins lock the ID).",
                field.name_en(),
                at(*line, Lang::En)
            ) };
        /// JSON that is not a notice object.
        JsonInvalid {
            /// Why, in both languages.
            reason: JsonReason,
        } => "notice.json_invalid", InvalidData, Error,
            "JSON is not a notice",
            ja: { format!("お知らせのJSONが正しくありません: {}。", reason.message(Lang::Ja)) },
            en: { format!("The notice JSON is invalid: {}.", reason.message(Lang::En)) };
        /// A notice of the other kind than the step needs.
        WrongKind {
            /// What the step needs.
            expected: NoticeKind,
            /// What was given.
            found: NoticeKind,
        } => "notice.wrong_kind", InvalidInput, Error,
            "test notice where the production one belongs, or the reverse",
            ja: { match expected {
                NoticeKind::Test => format!(
                    "これは本番用ID（「ID」と書かれた）のお知らせです。この手順には最初に届いた「テストID」のお知らせを使ってください。（{}）",
                    found.as_str()
                ),
                NoticeKind::Production => format!(
                    "これはテストIDのお知らせです。この手順には後日届く、「ID」と書かれた本番用のお知らせを使ってください。（{}）",
                    found.as_str()
                ),
            } },
            en: { format!(
                "This is the {} notice; this step needs the {} notice (its ID is labelled {}).",
                found.as_str(),
                expected.as_str(),
                expected.id_label()
            ) };
        /// Warning: an optional field (date, 国保連 name, address, name) was not found.
        OptionalFieldMissing {
            /// The field.
            field: NoticeField,
        } => "notice.optional_field_missing", InvalidInput, Warning,
            "an optional field was not found",
            ja: { format!("「{}」が見つかりませんでした（なくても続けられます）。", field.label()) },
            en: { format!("The {} was not found (you can go on without it).", field.name_en()) };
        // ---- OCR (issue #14) ----
        /// Warning (OCR): glyphs of an ID or a password that OCR confuses; compare with the paper.
        /// For a password the message gives the positions only, never the glyphs read
        /// (a host may log findings); `glyphs` holds them for a screen that highlights them.
        OcrConfusable {
            /// The field (ID or a password).
            field: NoticeField,
            /// 1-based character positions and the glyph found there.
            glyphs: Vec<(usize, &'static Confusable)>,
        } => "notice.ocr_confusable", InvalidInput, Warning,
            "an OCR'd ID or password has glyphs OCR confuses (0/O, 1/l/I, …); for a password, positions only",
            ja: { if field.is_secret() {
                format!(
                    "読み取った「{}」の{}文字目は、OCRが取り違えやすい文字（{}）のどれかです。最初のログインの前に、お知らせの用紙と1文字ずつ見比べてください（3回間違えるとIDが30分ロックされます）。",
                    field.label(),
                    glyphs.iter().map(|(p, _)| p.to_string()).collect::<Vec<_>>().join("・"),
                    ocr::confusable_groups("、")
                )
            } else {
                format!(
                    "読み取った「{}」には見分けにくい文字があります: {}。最初のログインの前に、お知らせの用紙と1文字ずつ見比べてください（3回間違えるとIDが30分ロックされます）。",
                    field.label(),
                    glyphs
                        .iter()
                        .map(|(p, c)| format!("{p}文字目「{}」（{}。{}と見分けにくい）", c.glyph, c.name_ja, c.look_alikes))
                        .collect::<Vec<_>>()
                        .join("、")
                )
            } },
            en: { if field.is_secret() {
                format!(
                    "{} of the {} as read {} one of the glyphs OCR confuses ({}). Compare it with the paper letter, character by character, before the first login (3 wrong tries lock the ID for 30 minutes).",
                    match glyphs.as_slice() {
                        [(p, _)] => format!("Character {p}"),
                        gs => format!("Characters {}", gs.iter().map(|(p, _)| p.to_string()).collect::<Vec<_>>().join(", ")),
                    },
                    field.name_en(),
                    if glyphs.len() == 1 { "is" } else { "are each" },
                    ocr::confusable_groups(", ")
                )
            } else {
                format!(
                    "The {} as read has glyphs that look alike: {}. Compare it with the paper letter, character by character, before the first login (3 wrong tries lock the ID for 30 minutes).",
                    field.name_en(),
                    glyphs
                        .iter()
                        .map(|(p, c)| format!("character {p} \"{}\" ({}, easily confused with {})", c.glyph, c.name_en, c.look_alikes))
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            } };
        /// Warning (OCR): letters read in the digits-only 事業所番号, replaced by digits.
        OcrCorrected {
            /// The field.
            field: NoticeField,
            /// `(1-based position, as read, digit used)`.
            fixes: Vec<(usize, char, char)>,
        } => "notice.ocr_corrected", InvalidInput, Warning,
            "letters OCR read in the 事業所番号 were replaced by digits",
            ja: { format!(
                "読み取った「{}」の数字でない文字を数字に直しました: {}。用紙と見比べてください。",
                field.label(),
                fixes.iter().map(|(p, r, d)| format!("{p}文字目「{r}」→「{d}」")).collect::<Vec<_>>().join("、")
            ) },
            en: { format!(
                "Letters read in the {} were taken as digits: {}. Compare it with the paper.",
                field.name_en(),
                fixes.iter().map(|(p, r, d)| format!("character {p} \"{r}\" -> \"{d}\"")).collect::<Vec<_>>().join(", ")
            ) };
        /// Warning (OCR): marks touching a value (before it, or a border bar after it)
        /// were removed (they could belong to it).
        /// For a password the message counts them and does not show them.
        OcrMarkRemoved {
            /// The field.
            field: NoticeField,
            /// The marks removed.
            marks: Vec<char>,
        } => "notice.ocr_mark_removed", InvalidInput, Warning,
            "marks touching an OCR'd value were removed",
            ja: { if field.is_secret() {
                format!(
                    "読み取った「{}」に接していた記号{}文字を罫線・読み取りの汚れとして除きました。パスワードが記号で始まって（終わって）いないか、末尾が「1」「l」「I」でないか用紙で確認してください。",
                    field.label(),
                    marks.len()
                )
            } else {
                format!(
                    "読み取った「{}」に接していた記号「{}」を罫線・読み取りの汚れとして除きました。記号（末尾なら「1」「l」「I」も）が値の一部でないか用紙で確認してください。",
                    field.label(),
                    marks.iter().collect::<String>()
                )
            } },
            en: { if field.is_secret() {
                format!(
                    "{} touching the {} {} taken as a table line or smudge and removed; check on the paper that the password does not begin or end with a symbol, nor end with 1, l or I.",
                    if marks.len() == 1 { "One mark".to_owned() } else { format!("{} marks", marks.len()) },
                    field.name_en(),
                    if marks.len() == 1 { "was" } else { "were" }
                )
            } else {
                format!(
                    "The mark(s) \"{}\" touching the {} were taken as a table line or smudge and removed; check on the paper that they (or, at the end, a 1, l or I) are not part of it.",
                    marks.iter().collect::<String>(),
                    field.name_en()
                )
            } };
        /// Warning (OCR): a key field's value (or the address or the facility's
        /// name, which are compared on paper too) was read with low confidence.
        OcrLowConfidence {
            /// The field.
            field: NoticeField,
            /// Tesseract's lowest word confidence on the value (0–100).
            confidence: u8,
        } => "notice.ocr_low_confidence", InvalidInput, Warning,
            "a key field, the address or the name was read by OCR with low confidence",
            ja: { format!("「{}」の読み取りの確からしさが低いです（{confidence}/100）。用紙と見比べてください。", field.label()) },
            en: { format!("The {} was read with low confidence ({confidence}/100); compare it with the paper.", field.name_en()) };
        /// Warning (OCR): the text had all labels, then all values; values were paired by order.
        OcrColumnLayout => "notice.ocr_column_layout", InvalidInput, Warning,
            "OCR read labels and values as columns; paired by order",
            ja: "読み取り結果が「項目名の列」と「値の列」に分かれていたため、順番で組み合わせました。各項目を用紙と見比べてください。",
            en: "The OCR text had the labels and the values as separate columns; they were paired by order. Compare each field with the paper.";
        /// The text has all labels, then values that cannot be paired with them safely.
        OcrColumnsUnpaired => "notice.ocr_columns_unpaired", InvalidInput, Error,
            "OCR read labels and values as columns that cannot be paired safely",
            ja: "読み取り結果が「項目名の列」と「値の列」に分かれており、値の数や形が項目と合わないため組み合わせられません。行ごとに読み取る方法（TSV）でもう一度読み取るか、手で入力してください。",
            en: "The OCR text has the labels and the values as separate columns whose count or shape does not match; they cannot be paired safely. Read it again row by row (TSV) or type it in.";
        /// Warning (OCR): a damaged label is as close to two labels; it was not used.
        OcrLabelAmbiguous {
            /// The label as read.
            read: String,
            /// 1-based line number.
            line: usize,
        } => "notice.ocr_label_ambiguous", InvalidInput, Warning,
            "a damaged label is as close to two fields; not used",
            ja: { format!("{line}行目の項目名「{}」は2つの項目のどちらとも読めるため使いませんでした。", ocr::shown(read)) },
            en: { format!("The label \"{}\" on line {line} is as close to two fields; it was not used.", ocr::shown(read)) };
        /// Warning (OCR): the field's value was read again, cell by cell (for a key
        /// field with an engine told the field's characters), and the reads do not
        /// all agree.
        OcrReadsDisagree {
            /// The field.
            field: NoticeField,
            /// How many reads there were (the page's and the second pass's).
            reads: usize,
            /// How many of them gave the value kept.
            agreeing: usize,
            /// 1-based positions where a read of the same length differs from the value kept.
            positions: Vec<usize>,
        } => "notice.ocr_reads_disagree", InvalidInput, Warning,
            "the reads of an OCR'd field disagree; the value kept is the second reads' plurality or the page's",
            ja: { format!(
                "「{}」を{reads}回読み取り、同じ結果は{agreeing}回でした{}。{}用紙と1文字ずつ見比べてください。",
                field.label(),
                if positions.is_empty() {
                    String::new()
                } else {
                    format!("（読み取りが分かれた文字: {}文字目）", positions.iter().map(ToString::to_string).collect::<Vec<_>>().join("・"))
                },
                if ocr::is_key_field(*field) && *field != NoticeField::FacilityNumber { "最初のログインの前に、" } else { "" }
            ) },
            en: { format!(
                "The {} was read {reads} times; {}{}. Compare it with the paper, character by character{}.",
                field.name_en(),
                match agreeing {
                    0 => "no read gives the value kept".to_owned(),
                    1 => "only one read gives the value kept".to_owned(),
                    n => format!("{n} reads agree"),
                },
                match positions.as_slice() {
                    [] => String::new(),
                    [p] => format!(" (the reads differ at character {p})"),
                    ps => format!(" (the reads differ at characters {})", ps.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
                },
                if ocr::is_key_field(*field) && *field != NoticeField::FacilityNumber { ", before the first login" } else { "" }
            ) };
        /// Warning (OCR): the ID's label was read as `ID` (production) but the
        /// page does not show that nothing stood before it; it may be `テストID`.
        OcrKindUnconfirmed => "notice.ocr_kind_unconfirmed", InvalidInput, Warning,
            "the production label ID was read by OCR but テストID cannot be ruled out",
            ja: "IDの項目名を「ID」（本番用）と読み取りましたが、その前に「テスト」が印字されていないことを読み取り結果から確かめられませんでした。用紙の項目名が「テストID」でなく「ID」であることを確認してください。",
            en: "The ID's label was read as \"ID\" (the production notice), but the OCR result cannot show that \"テスト\" is not printed before it; check on the paper that the label is \"ID\", not \"テストID\".";
        /// Warning (OCR): a row whose label could not be read was taken as the
        /// one label missing between its neighbours in the table's fixed row order.
        OcrLabelInferred {
            /// The field the row was taken for.
            field: NoticeField,
            /// For the ID: the kind decided (テストID only when `テスト` was read).
            kind: Option<NoticeKind>,
            /// The label as read.
            read: String,
            /// 1-based line (row) of the OCR output.
            line: usize,
            /// The field of the row above.
            after: NoticeField,
            /// The field of the row below.
            before: NoticeField,
        } => "notice.ocr_label_inferred", InvalidInput, Warning,
            "an unreadable label was taken from the table's row order",
            ja: { format!(
                "{line}行目の項目名は{}項目名として読めませんでしたが、表の行の順番（「{}」と「{}」の間）から「{}」の行と判断しました。用紙の項目名と値を確認してください。",
                // A password row's label as read may hold the password's first symbols: not shown.
                if field.is_secret() { String::new() } else { format!("「{}」と読み取られ、", ocr::shown(read)) },
                after.label(),
                before.label(),
                kind.map_or(field.label(), |k| k.id_label())
            ) },
            en: { format!(
                "The label on line {line} {}is no label; from the table's row order (between the {} and the {}) the row was taken as the {}{}. Check the label and the value on the paper.",
                if field.is_secret() { String::new() } else { format!("was read \"{}\", which ", ocr::shown(read)) },
                after.name_en(),
                before.name_en(),
                field.name_en(),
                kind.map_or(String::new(), |k| format!(", labelled {}", k.id_label()))
            ) };
        /// Warning (OCR): the page's read of a key field (事業所番号, ID, password)
        /// was not valid, and the value was taken from its cell's second reads
        /// (`parse_ocr_tsv_with_rereads`). Names no value (it may be a password).
        OcrPageReadInvalid {
            /// The field.
            field: NoticeField,
        } => "notice.ocr_page_read_invalid", InvalidInput, Warning,
            "the page's OCR read of a key field was not valid; the value is from its cell's second reads",
            ja: { format!(
                "用紙全体の読み取りでは{}が正しい形で読めなかったため、その欄だけを読み直した値を使いました。用紙と照らし合わせてください。",
                field.label()
            ) },
            en: { format!(
                "The {} read on the page was not valid, so the value was taken from reading its cell again. Compare it with the paper.",
                field.name_en()
            ) };
        /// Warning (OCR): the letter's date was read in a form that is not a
        /// date (e.g. `19月`); it is not used (the notice's date is empty).
        OcrDateInvalid {
            /// The date as read.
            read: String,
            /// Why it is not one.
            error: WarekiError,
        } => "notice.ocr_date_invalid", InvalidInput, Warning,
            "the letter's date read by OCR is not a valid date; not used",
            ja: { format!(
                "読み取った通知日「{}」は日付として正しくないため使いませんでした。{} 必要なら用紙を見て入力してください。",
                ocr::shown(read),
                error.message(Lang::Ja)
            ) },
            en: { format!(
                "The letter's date read, \"{}\", is not a valid date, so it was left empty. {} Enter it from the paper if needed.",
                ocr::shown(read),
                error.message(Lang::En)
            ) };
        /// Warning (OCR): the postal code after `〒` was read in a form that is not
        /// a postal code; it is not used (the notice's postal code is empty).
        OcrPostalCodeInvalid {
            /// The postal code as read.
            read: String,
            /// Why it is not one.
            error: PostalCodeError,
        } => "notice.ocr_postal_code_invalid", InvalidInput, Warning,
            "the postal code read by OCR is not valid; not used",
            ja: { format!(
                "読み取った郵便番号「{}」は郵便番号の形（123-4567）でないため使いませんでした。用紙を見て郵便番号を入力してください。",
                ocr::shown(read)
            ) },
            en: { format!(
                "The postal code read, \"{}\", is not in the form 123-4567, so it was left empty. Enter the postal code from the paper.",
                ocr::shown(read)
            ) };
        /// Second reads that cannot be used: the notice was not read by OCR, or a
        /// read names a field that is not read again (only the 事業所番号, the ID,
        /// the passwords and the 事業所名 are).
        OcrRereadsInvalid {
            /// Why, in both languages.
            reason: RereadsReason,
        } => "notice.ocr_rereads_invalid", InvalidArgument, Error,
            "second OCR reads that cannot be used: a notice not read by OCR, a field that is not re-read, too many or too long reads, a value of the wrong type",
            ja: { format!("再読み取りの結果を使えません: {}。", reason.message(Lang::Ja)) },
            en: { format!("The second OCR reads cannot be used: {}.", reason.message(Lang::En)) };
        /// Tesseract TSV that cannot be read.
        TsvInvalid {
            /// 1-based line of the TSV (1 for the header).
            line: usize,
            /// Why, in both languages.
            reason: TsvReason,
        } => "notice.tsv_invalid", InvalidData, Error,
            "Tesseract TSV cannot be read",
            ja: { format!("TesseractのTSVを読めません（{line}行目）: {}。", reason.message(Lang::Ja)) },
            en: { format!("The Tesseract TSV cannot be read (line {line}): {}.", reason.message(Lang::En)) };
        @delegate
        /// The facility number is not valid.
        FacilityNumber {
            /// 1-based line number (0 for JSON).
            line: usize,
            /// Why.
            error: FacilityNumberError,
        } => error,
            ja: { format!("{}{}", error.message(Lang::Ja), at(*line, Lang::Ja)) },
            en: { format!("{}{}", error.message(Lang::En), at(*line, Lang::En)) };
        /// The ID is not valid.
        UserId {
            /// 1-based line number (0 for JSON).
            line: usize,
            /// Why.
            error: UserIdError,
        } => error,
            ja: { format!("{}{}", error.message(Lang::Ja), at(*line, Lang::Ja)) },
            en: { format!("{}{}", error.message(Lang::En), at(*line, Lang::En)) };
        /// The postal code after 〒 is not valid.
        PostalCode {
            /// 1-based line number (0 for JSON).
            line: usize,
            /// Why.
            error: PostalCodeError,
        } => error,
            ja: { format!("{}{}", error.message(Lang::Ja), at(*line, Lang::Ja)) },
            en: { format!("{}{}", error.message(Lang::En), at(*line, Lang::En)) };
        /// The date line cannot be read.
        Date {
            /// 1-based line number (0 for JSON).
            line: usize,
            /// Why.
            error: WarekiError,
        } => error,
            ja: { format!("{}{}", error.message(Lang::Ja), at(*line, Lang::Ja)) },
            en: { format!("{}{}", error.message(Lang::En), at(*line, Lang::En)) };
    }
}

/// The rereads `with_ocr_rereads` takes: re-read fields only, at most
/// [`MAX_REREADS`] reads of at most [`MAX_REREAD_CHARS`] characters each.
fn check_rereads(rereads: &[(NoticeField, Vec<String>)]) -> Result<(), Problems<NoticeProblem>> {
    let invalid =
        |reason: RereadsReason| Problems::one(NoticeProblem::OcrRereadsInvalid { reason });
    if let Some((f, _)) = rereads.iter().find(|(f, _)| !REREAD_FIELDS.contains(f)) {
        return Err(invalid(RereadsReason::NotReread { field: *f }));
    }
    for field in REREAD_FIELDS {
        let count: usize = rereads
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, r)| r.len())
            .sum();
        if count > MAX_REREADS {
            return Err(invalid(RereadsReason::TooManyReads { field, count }));
        }
    }
    // Position only: a read may be a password.
    if let Some((f, k)) = rereads.iter().find_map(|(f, r)| {
        r.iter()
            .position(|r| r.chars().count() > MAX_REREAD_CHARS)
            .map(|k| (f, k))
    }) {
        return Err(invalid(RereadsReason::ReadTooLong {
            field: *f,
            read: k + 1,
        }));
    }
    Ok(())
}

/// A read of a whole-token field in the field's shape (full-width forms and
/// white space normalised away), or `None`: such a read votes for nothing.
fn shaped_read(field: NoticeField, v: &str) -> Option<Secret> {
    let v: String = text::to_halfwidth_ascii(v)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    match field {
        NoticeField::FacilityNumber => FacilityNumber::parse(&v).ok().map(|_| Secret::new(v)),
        NoticeField::UserId => UserId::parse(&v).ok().map(|_| Secret::new(v)),
        NoticeField::PostalCode => PostalCode::parse(&v)
            .ok()
            .map(|p| Secret::new(p.to_string())),
        _ => password_value(&v).map(Secret::new),
    }
}

/// The value that strictly more valid reads give than any other, if any, and
/// how many give it.
fn plurality(field: NoticeField, reads: &[&String]) -> Option<(Secret, usize)> {
    let votes: Vec<Secret> = reads.iter().filter_map(|r| shaped_read(field, r)).collect();
    let mut tally: Vec<(&Secret, usize)> = Vec::new();
    for v in &votes {
        if tally.iter().all(|(w, _)| *w != v) {
            tally.push((v, votes.iter().filter(|w| *w == v).count()));
        }
    }
    tally.sort_by_key(|(_, k)| std::cmp::Reverse(*k));
    match tally.as_slice() {
        [(v, k)] => Some(((*v).clone(), *k)),
        [(v, k), (_, k2), ..] if k > k2 => Some(((*v).clone(), *k)),
        _ => None,
    }
}

/// Where a problem is, appended to its message: nothing for line 0 (JSON).
fn at(line: usize, lang: Lang) -> String {
    match (line, lang) {
        (0, _) => String::new(),
        (l, Lang::Ja) => format!("（{l}行目）"),
        (l, Lang::En) => format!(" (line {l})"),
    }
}

/// The fields [`RegistrationNotice::with_ocr_rereads`] reconciles, in its order.
const REREAD_FIELDS: [NoticeField; 7] = [
    NoticeField::FacilityNumber,
    NoticeField::UserId,
    NoticeField::TemporaryPassword,
    NoticeField::CertificatePassword,
    NoticeField::PostalCode,
    NoticeField::FacilityName,
    NoticeField::Address,
];

/// At most this many second reads per field ([`RegistrationNotice::with_ocr_rereads`]).
pub const MAX_REREADS: usize = 64;

/// The longest second read accepted, in characters ([`RegistrationNotice::with_ocr_rereads`]).
pub const MAX_REREAD_CHARS: usize = 1_000;

/// The longest notice text accepted, in characters. A real letter has well under 2 000.
pub const MAX_NOTICE_CHARS: usize = 20_000;

/// Below this Tesseract word confidence (0–100) a key field (事業所番号, ID,
/// passwords), the address or the facility's name is reported as
/// `notice.ocr_low_confidence`. A heuristic, not a
/// published rule: Tesseract's confidences are not calibrated probabilities. Set
/// from the OCR corpus (benches/ocr): with Tesseract 5.3 `jpn`, the alphanumeric
/// words read wrong had confidences up to ~89, nearly all right ones 88–93.
pub const LOW_CONFIDENCE: u8 = 90;

/// A registration notice (電子請求登録結果に関するお知らせ). A value that
/// exists has every required field valid.
#[derive(Clone, PartialEq, Eq)]
pub struct RegistrationNotice {
    /// Test (テストID) or production (ID).
    pub kind: NoticeKind,
    /// The letter's date (和暦 on the letter).
    pub date: Option<NaiveDate>,
    /// The 国保連 that sent it, as printed.
    pub federation: Option<String>,
    /// 事業所番号.
    pub facility_number: FacilityNumber,
    /// The postal code after 〒.
    pub postal_code: Option<PostalCode>,
    /// 住所 without the postal code.
    pub address: Option<String>,
    /// 事業所名.
    pub facility_name: Option<String>,
    /// テストID or ID.
    pub user_id: UserId,
    /// (仮)パスワード.
    pub temporary_password: Secret,
    /// 証明書発行用パスワード.
    pub certificate_password: Secret,
    /// 備考.
    pub remarks: Option<String>,
    /// Where the fields came from when the notice was read by OCR
    /// ([`RegistrationNotice::parse_ocr`], [`RegistrationNotice::parse_ocr_tsv`]);
    /// `None` for typed text and JSON. Not serialised.
    pub ocr: Option<OcrProvenance>,
}

/// Where the fields of an OCR'd notice came from, and what to check on paper.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct OcrProvenance {
    /// `"text"` (OCR text) or `"tsv"` (Tesseract word boxes).
    pub input: &'static str,
    /// One entry per field found by its label.
    pub fields: Vec<OcrFieldSource>,
    /// What the user should compare with the paper (warnings).
    pub findings: Vec<NoticeProblem>,
}

/// How one field was found in OCR output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OcrFieldSource {
    /// The field.
    pub field: NoticeField,
    /// 1-based line (row) of the OCR output.
    pub line: usize,
    /// The label as OCR read it.
    pub label_read: String,
    /// Edits between that and the printed label (0 = intact).
    pub label_edits: usize,
    /// The row's lowest word confidence (TSV only), 0–100.
    pub confidence: Option<u8>,
    /// The value was paired by column order, not found on the label's row.
    pub by_column_order: bool,
    /// The value's box in the image Tesseract read (TSV only): where a second,
    /// field-specific pass crops the cell.
    pub value_box: Option<ocr::WordBox>,
}

impl OcrProvenance {
    /// As JSON: `{"input":"tsv","fields":[{"field":"user_id","line":7,"label_read":"テストTD",
    /// "label_edits":1,"confidence":91,"by_column_order":false,
    /// "value_box":{"left":880,"top":1210,"width":260,"height":44},
    /// "value_charset":"!\"#…~"}, …]}` (no values, no secrets; `value_box` is `null` for
    /// OCR text; `value_charset` is [`ocr::value_charset`]: the characters a second
    /// OCR pass over that cell may be restricted to, `null` for free text).
    pub fn to_json_value(&self) -> Value {
        json!({
            "input": self.input,
            "fields": self.fields.iter().map(|f| json!({
                "field": f.field.key(),
                "line": f.line,
                "label_read": f.label_read,
                "label_edits": f.label_edits,
                "confidence": f.confidence,
                "by_column_order": f.by_column_order,
                "value_box": f.value_box.map(|b| json!({
                    "left": b.left, "top": b.top, "width": b.width, "height": b.height,
                })),
                "value_charset": ocr::value_charset(f.field),
            })).collect::<Vec<_>>(),
        })
    }
}

impl fmt::Debug for RegistrationNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegistrationNotice")
            .field("kind", &self.kind)
            .field("date", &self.date)
            .field("federation", &self.federation)
            .field("facility_number", &self.facility_number)
            .field("postal_code", &self.postal_code)
            .field("address", &self.address)
            .field("facility_name", &self.facility_name)
            .field("user_id", &self.user_id)
            .field("temporary_password", &self.temporary_password)
            .field("certificate_password", &self.certificate_password)
            .field("remarks", &self.remarks)
            .field("ocr", &self.ocr)
            .finish()
    }
}

impl fmt::Display for RegistrationNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} notice for {} ({}: {}, passwords ***)",
            self.kind.as_str(),
            self.facility_number,
            self.kind.id_label(),
            self.user_id
        )
    }
}

/// What a label points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Field(NoticeField),
    /// テストID or ID (the kind).
    Id(NoticeKind),
}

impl Target {
    fn field(self) -> NoticeField {
        match self {
            Target::Field(f) => f,
            Target::Id(_) => NoticeField::UserId,
        }
    }
}

/// What a line of the letter is.
#[derive(Clone, Debug)]
enum Line {
    Label {
        target: Target,
        value: String,
        /// The label as read and its edit distance (for OCR provenance).
        read: String,
        edits: usize,
        /// Marks removed that touched the value.
        marks: Vec<char>,
    },
    Ambiguous(String),
    Other,
}

/// Labels as printed. Matching is on OCR skeletons (see [`ocr`]); the two
/// spellings of the temporary password are one field.
const LABELS: &[(&str, Target)] = &[
    (
        "証明書発行用パスワード",
        Target::Field(NoticeField::CertificatePassword),
    ),
    (
        "(仮)パスワード",
        Target::Field(NoticeField::TemporaryPassword),
    ),
    (
        "仮パスワード",
        Target::Field(NoticeField::TemporaryPassword),
    ),
    ("事業所番号", Target::Field(NoticeField::FacilityNumber)),
    ("事業所名", Target::Field(NoticeField::FacilityName)),
    ("テストID", Target::Id(NoticeKind::Test)),
    ("住所", Target::Field(NoticeField::Address)),
    ("備考", Target::Field(NoticeField::Remarks)),
    ("ID", Target::Id(NoticeKind::Production)),
];

/// Typed text, or OCR output (tolerant labels, stray marks, borders, columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Typed,
    Ocr,
}

fn classify(line: &str, mode: Mode) -> Line {
    if mode == Mode::Ocr && is_boilerplate(line) {
        // The letter's bullets start with a label word (・ID、仮パスワード及び…).
        return Line::Other;
    }
    match ocr::match_label(line, &label_names(), mode == Mode::Ocr) {
        LabelMatch::None => Line::Other,
        LabelMatch::Ambiguous { read, .. } => Line::Ambiguous(read),
        LabelMatch::Hit(h) => {
            let rest = &line[h.end..];
            let target = LABELS[h.index].1;
            let (value, marks) = match mode {
                Mode::Typed => (
                    rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '：')
                        .trim_end()
                        .to_owned(),
                    Vec::new(),
                ),
                Mode::Ocr => {
                    let (v, mut marks) = ocr::strip_leading_marks(rest);
                    let v = ocr::strip_trailing_borders(v);
                    // A border bar touching the value's end (`T131234|`) is removed;
                    // for an ID or a password, where it may be a glyph (1 l I |), it is
                    // reported like a mark before the value.
                    let kept = v.trim_end_matches(ocr::END_BARS);
                    if kept.len() < v.len()
                        && ocr::is_key_field(target.field())
                        && target.field() != NoticeField::FacilityNumber
                    {
                        marks.extend(v[kept.len()..].chars());
                    }
                    (kept.trim_end().to_owned(), marks)
                }
            };
            // OCR: a label word followed by text that cannot be the field's value
            // (a sentence of boilerplate) is no label line. A value OCR damaged (an
            // 11-digit 事業所番号, a password with a `」`) is kept: its cell is read
            // again, and the letter is refused when the second reads do not mend it.
            if mode == Mode::Ocr
                && !value.is_empty()
                && !has_shape(target, &value)
                && !near_shape(target, &value)
                && ocr::is_key_field(target.field())
            {
                return Line::Other;
            }
            Line::Label {
                target,
                value,
                read: h.read,
                edits: h.edits,
                marks,
            }
        }
    }
}

/// Does the line look like it is meant to be a date (so that a failure is worth reporting)?
fn looks_like_date(line: &str) -> bool {
    if line.chars().count() > 30 {
        return false;
    }
    if wareki::parse(line).is_ok() {
        return true;
    }
    let starts_era = wareki::EraTable::builtin()
        .eras()
        .iter()
        .any(|e| line.starts_with(e.name.as_str()));
    let starts_digit = line.starts_with(|c: char| c.is_ascii_digit());
    (starts_era || starts_digit) && (line.contains('年') || line.contains('/'))
}

/// The date in a date line: the whole line (`令和 元年 6月 3日`), or after a
/// short label (`通知日：令和元年6月3日`, `日付 R1.6.3`). The label is at most
/// 8 characters with no digit, ending in 日 or 付, then separators.
fn date_in_line(line: &str) -> Option<&str> {
    // OCR: a table's border bar touching the date's last digit (`R1.6.3|`).
    let line = line.trim_end_matches(ocr::END_BARS).trim_end();
    if looks_like_date(line) {
        return Some(line);
    }
    line.char_indices()
        .take(8)
        .filter(|(_, c)| matches!(c, '日' | '付'))
        .find_map(|(i, c)| {
            let label = &line[..i + c.len_utf8()];
            if label
                .chars()
                .any(|c| c.is_ascii_digit() || c.is_whitespace())
            {
                return None;
            }
            let rest = line[label.len()..].trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '：' | '|' | '.')
            });
            (!rest.is_empty() && looks_like_date(rest)).then_some(rest)
        })
}

fn is_federation_line(line: &str) -> bool {
    (line.contains("国民健康保険団体連合会")
        || line.ends_with("国保連合会")
        || line.ends_with("国保連"))
        && !line.starts_with('・')
        && !line.starts_with('※')
        && line.chars().count() <= 40
}

/// A printed password: half-width printable ASCII without spaces after width
/// normalisation, and not empty (two empty second reads of a cell replaced the
/// page's password with an empty one).
fn password_value(raw: &str) -> Option<String> {
    let v = text::normalize(raw);
    if !v.is_empty() && v.chars().all(|c| c.is_ascii_graphic()) {
        Some(v)
    } else {
        None
    }
}

/// OCR: could `v`, without the shape of `target`'s value, be that value damaged by
/// OCR — one word near the field's length, not a sentence? For the 事業所番号 9 to 11
/// characters with at most one that is no digit or a letter OCR gives for one; for an
/// ID or a password 4 to 32 characters with at most two that are not printable ASCII.
///
/// ```text
/// 40959928356 (事業所番号)  yes: 11 digits        EUmnWz6」 (password)  yes: one non-ASCII
/// は、他に漏洩しないよう…   no: a sentence
/// ```
fn near_shape(target: Target, v: &str) -> bool {
    let squeezed: Vec<char> = text::to_halfwidth_ascii(v)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let one_word = !v.trim().contains(char::is_whitespace);
    let n = squeezed.len();
    match target {
        Target::Field(NoticeField::FacilityNumber) => {
            let digits = squeezed
                .iter()
                .filter(|c| c.is_ascii_digit() || ocr::digit_for(**c).is_some())
                .count();
            (9..=11).contains(&n) && digits + 1 >= n
        }
        Target::Field(NoticeField::TemporaryPassword)
        | Target::Field(NoticeField::CertificatePassword)
        | Target::Id(_) => {
            let odd = squeezed.iter().filter(|c| !c.is_ascii_graphic()).count();
            one_word && (4..=32).contains(&n) && odd <= 2 && odd < n
        }
        Target::Field(_) => false,
    }
}

/// Does `v` have the shape of `target`'s value (for pairing columns)?
fn has_shape(target: Target, v: &str) -> bool {
    let ascii_token = |v: &str| {
        let v = text::normalize(v);
        !v.is_empty() && v.chars().all(|c| c.is_ascii_graphic())
    };
    match target {
        Target::Field(NoticeField::FacilityNumber) => {
            ocr::correct_digits(v).is_some_and(|(d, _)| d.len() == 10)
        }
        Target::Field(NoticeField::Address) => {
            v.starts_with('〒') || v.contains(['都', '道', '府', '県', '市', '区', '町', '村'])
        }
        Target::Field(NoticeField::TemporaryPassword)
        | Target::Field(NoticeField::CertificatePassword)
        | Target::Id(_) => ascii_token(v),
        Target::Field(_) => !v.is_empty(),
    }
}

fn is_boilerplate(line: &str) -> bool {
    line.starts_with(['・', '･', '※'])
}

#[derive(Default)]
struct Collected {
    values: Vec<(NoticeField, usize, String)>,
    ids: Vec<(NoticeKind, usize, String)>,
    date: Option<(usize, String)>,
    federation: Option<String>,
    /// OCR only: where each field came from, and the marks removed by field.
    sources: Vec<OcrFieldSource>,
    marks: Vec<(NoticeField, Vec<char>)>,
    ambiguous: Vec<NoticeProblem>,
    column_layout: bool,
    /// OCR only: the label `ID` (production) was read but nothing shows that
    /// `テスト` did not stand before it.
    kind_unconfirmed: bool,
    /// OCR only: labels taken from the table's row order (`notice.ocr_label_inferred`).
    inferred: Vec<NoticeProblem>,
    /// OCR only: the production label `ID` was one of them (never confirmed).
    inferred_production: bool,
    /// OCR only: key fields whose invalid page read was replaced by the
    /// plurality of their cell's second reads (`parse_ocr_tsv_with_rereads`).
    page_invalid: Vec<NoticeField>,
}

impl Collected {
    /// Replaces a key field's page read when it is not valid and the valid
    /// second reads of its cell have a plurality (`parse_ocr_tsv_with_rereads`).
    fn replace_invalid_page_read(&mut self, field: NoticeField, reads: &[&String]) {
        // The tests `build` makes of the page's value (not the second reads'
        // normalisation: a password with a space inside is invalid there).
        let valid = |v: &str| match field {
            // The digit corrections `build` makes (`O` → `0`) count as valid.
            NoticeField::FacilityNumber => {
                let mut v = ocr::correct_digits(v).map_or_else(|| v.to_owned(), |(d, _)| d);
                let ok = FacilityNumber::parse(&v).is_ok();
                zeroize::Zeroize::zeroize(&mut v);
                ok
            }
            NoticeField::UserId => UserId::parse(v).is_ok(),
            _ => password_value(v).is_some_and(|mut p| {
                zeroize::Zeroize::zeroize(&mut p);
                true
            }),
        };
        let slot: Option<&mut String> = match field {
            NoticeField::UserId => match self.ids.as_mut_slice() {
                [(_, _, v)] => Some(v),
                _ => None, // none, or several: `build` says so
            },
            _ => {
                let mut found = self.values.iter_mut().filter(|(f, _, _)| *f == field);
                match (found.next(), found.next()) {
                    (Some((_, _, v)), None) => Some(v),
                    _ => None,
                }
            }
        };
        let Some(slot) = slot else {
            return;
        };
        if slot.is_empty() || valid(slot) {
            return;
        }
        // At least two second reads must agree: one read alone is no evidence
        // against the page's.
        if let Some((kept, n)) = plurality(field, reads)
            && n >= 2
        {
            let mut old = std::mem::replace(slot, kept.expose().to_owned());
            zeroize::Zeroize::zeroize(&mut old);
            self.page_invalid.push(field);
        }
    }
}

/// Pairs a column-by-column OCR text (a run of labels without values, then the
/// values in the same order) — only when the counts match and every value has
/// the shape of its field; otherwise `notice.ocr_columns_unpaired`.
fn pair_columns(lines: &[String], classes: &mut [Line], problems: &mut Vec<NoticeProblem>) -> bool {
    let n = classes.len();
    let mut i = 0;
    let mut paired = false;
    while i < n {
        // A run of label lines with empty values (blank lines skipped).
        let mut run = Vec::new();
        let mut j = i;
        while j < n {
            match &classes[j] {
                Line::Label { value, .. } if value.is_empty() => run.push(j),
                Line::Other if lines[j].is_empty() => {}
                _ => break,
            }
            j += 1;
        }
        if run.len() < 3 {
            i = j.max(i + 1);
            continue;
        }
        // The values that follow, up to the next label or boilerplate.
        let mut vals = Vec::new();
        let mut k = j;
        while k < n {
            match &classes[k] {
                Line::Other if lines[k].is_empty() => {}
                Line::Other if is_boilerplate(&lines[k]) || date_in_line(&lines[k]).is_some() => {
                    break;
                }
                Line::Other => vals.push(k),
                _ => break,
            }
            k += 1;
        }
        let wanted: Vec<usize> = run
            .iter()
            .copied()
            .filter(|&r| {
                !matches!(
                    classes[r],
                    Line::Label {
                        target: Target::Field(NoticeField::Remarks),
                        ..
                    }
                )
            })
            .collect();
        let targets: Vec<usize> = if vals.len() == wanted.len() {
            wanted
        } else if vals.len() == run.len() {
            run.clone()
        } else {
            problems.push(NoticeProblem::OcrColumnsUnpaired);
            return paired;
        };
        let ok = targets.iter().zip(&vals).all(|(&t, &v)| match &classes[t] {
            Line::Label { target, .. } => has_shape(*target, &lines[v]),
            _ => false,
        });
        if !ok {
            problems.push(NoticeProblem::OcrColumnsUnpaired);
            return paired;
        }
        for (&t, &v) in targets.iter().zip(&vals) {
            if let Line::Label { value, .. } = &mut classes[t] {
                let (clean, _) = ocr::strip_leading_marks(&lines[v]);
                *value = ocr::strip_trailing_borders(clean).to_owned();
            }
            classes[v] = Line::Ambiguous(String::new()); // consumed: neither label nor text
        }
        paired = true;
        i = k;
    }
    paired
}

/// A TSV row's words (text, confidence) and their boxes.
type RowWords = (Vec<(String, Option<u8>)>, Vec<ocr::WordBox>);

/// Whether an OCR'd production label (`ID`) leaves テストID possible.
///
/// The kind comes from the label alone (an ID's format is not published), so
/// an OCR engine that drops `テスト` would turn a test notice into a production
/// one. With word boxes (TSV) the label is confirmed when its first word starts
/// where the other labels of the table start (within 0.75 of their median
/// height) and is no wider than two such heights (`ID` is about one; `テストID`
/// about four). Without boxes (OCR text), or with fewer than two other labels
/// to compare with, it is never confirmed: a finding, not a guess.
fn production_label_unconfirmed(classes: &[Line], words: &[RowWords]) -> bool {
    let first_box = |i: usize| {
        words
            .get(i)
            .and_then(|(_, b)| b.iter().min_by_key(|b| b.left).copied())
    };
    let mut others = Vec::new();
    let mut production = Vec::new();
    for (i, class) in classes.iter().enumerate() {
        if let Line::Label { target, .. } = class {
            match target {
                Target::Id(NoticeKind::Production) => production.push(i),
                _ => others.extend(first_box(i)),
            }
        }
    }
    if production.is_empty() {
        return false;
    }
    if others.len() < 2 {
        return true;
    }
    let median = |mut v: Vec<i64>| {
        v.sort_unstable();
        v[v.len() / 2]
    };
    let left = median(others.iter().map(|b| b.left).collect());
    let em = median(others.iter().map(|b| b.height).collect()).max(1);
    production.into_iter().any(|i| match first_box(i) {
        None => true,
        Some(b) => (b.left - left).abs() * 4 > em * 3 || b.width > em * 2,
    })
}

/// The rows of the notice's table, top to bottom: 事業所番号, 住所, 事業所名,
/// テストID or ID, (仮)パスワード, 証明書発行用パスワード, 備考 (the guide's layout,
/// /work/shared/DOMAIN.md "registration notice"; the seed guide's P2 and P7).
const TABLE_ORDER: [NoticeField; 7] = [
    NoticeField::FacilityNumber,
    NoticeField::Address,
    NoticeField::FacilityName,
    NoticeField::UserId,
    NoticeField::TemporaryPassword,
    NoticeField::CertificatePassword,
    NoticeField::Remarks,
];

/// A label taken from the table's row order: `(row index, finding)`.
type Inferred = (usize, NoticeProblem);

/// OCR: the rows whose label could not be read, taken from the table's row
/// order. A field of [`TABLE_ORDER`] whose label was not found, whose two
/// neighbours in that order were (each with its value), and with exactly one
/// unrecognised row between them — holding text in the label column and a
/// value of the field's shape — is that row. The evidence is the position
/// alone, so the edit distances of label matching stay as they are; each
/// such row is a finding (`notice.ocr_label_inferred`). The ID's kind is test
/// only when `テスト` was read in the label; otherwise production, never
/// confirmed (`notice.ocr_kind_unconfirmed`). With word boxes (TSV) the label
/// and the value are told apart by the value column of the neighbours;
/// without (OCR text) only a one-word value (the ID, a password, the
/// 事業所番号) is split off the end of the row.
fn infer_labels(lines: &[String], classes: &mut [Line], words: &[RowWords]) -> Vec<Inferred> {
    let row_of = |classes: &[Line], f: NoticeField| {
        classes.iter().position(
            |c| matches!(c, Line::Label { target, value, .. } if target.field() == f && (f == NoticeField::Remarks || !value.is_empty())),
        )
    };
    let labelled = |classes: &[Line], f: NoticeField| {
        classes
            .iter()
            .any(|c| matches!(c, Line::Label { target, .. } if target.field() == f))
    };
    let mut out = Vec::new();
    for k in 1..TABLE_ORDER.len() - 1 {
        let (after, field, before) = (TABLE_ORDER[k - 1], TABLE_ORDER[k], TABLE_ORDER[k + 1]);
        if labelled(classes, field) {
            continue;
        }
        let (Some(prev), Some(next)) = (row_of(classes, after), row_of(classes, before)) else {
            continue;
        };
        let between: Vec<usize> = (prev + 1..next.max(prev + 1))
            .filter(|&i| !lines[i].is_empty())
            .collect();
        let [row] = between[..] else {
            continue;
        };
        match &classes[row] {
            Line::Other => {}
            Line::Ambiguous(read) if !read.is_empty() => {}
            _ => continue,
        }
        let by_boxes = words.get(row).is_some_and(|(w, _)| !w.is_empty());
        let split = match words.get(row) {
            Some((w, b)) if !w.is_empty() => {
                // The value column: where the neighbours' values start.
                let column = [prev, next]
                    .iter()
                    .filter_map(|&r| match (&classes[r], words.get(r)) {
                        (Line::Label { value, .. }, Some((w, b))) if !value.is_empty() => {
                            ocr::value_box(w, b, value)
                        }
                        _ => None,
                    })
                    .map(|b| (b.left, b.height))
                    .min();
                column.and_then(|(left, em)| split_by_column(w, b, left - em / 2))
            }
            _ => {
                let key_token = ocr::is_key_field(field);
                lines[row]
                    .rsplit_once(char::is_whitespace)
                    .filter(|_| key_token)
                    .map(|(l, v)| (l.trim().to_owned(), v.to_owned()))
            }
        };
        let Some((read, raw)) = split else {
            continue;
        };
        let (value, marks) = ocr::strip_leading_marks(&raw);
        let value = ocr::strip_trailing_borders(value).to_owned();
        let squeezed: String = read.chars().filter(|c| !c.is_whitespace()).collect();
        let (target, kind) = match field {
            NoticeField::UserId if squeezed.contains("テスト") => {
                (Target::Id(NoticeKind::Test), Some(NoticeKind::Test))
            }
            NoticeField::UserId => (
                Target::Id(NoticeKind::Production),
                Some(NoticeKind::Production),
            ),
            f => (Target::Field(f), None),
        };
        if squeezed.is_empty() || value.is_empty() || !has_shape(target, &value) {
            continue;
        }
        // The finding quotes what was read as the label: for a password it must hold no
        // letter or digit that could be part of the password (a value split by OCR).
        if field.is_secret() && read.chars().any(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        // Without word boxes the row was split at its last space. A row whose label
        // was read (its value had not the field's shape: `テストID T13 1234`) is no
        // unreadable label, and what is left as the label must hold nothing that could
        // be the start of a key value split by OCR (`テス卜7D T13` of `T13 1234`).
        if !by_boxes
            && ocr::is_key_field(field)
            && (label_may_hold_value(field, &read)
                || matches!(
                    ocr::match_label(&lines[row], &label_names(), true),
                    LabelMatch::Hit(_)
                ))
        {
            continue;
        }
        let printed: Vec<char> = kind
            .map_or(field.label(), |k| k.id_label())
            .chars()
            .map(ocr::fold)
            .collect();
        let folded: Vec<char> = squeezed.chars().map(ocr::fold).collect();
        classes[row] = Line::Label {
            target,
            value,
            read: read.clone(),
            edits: ocr::edit_distance(&folded, &printed),
            marks,
        };
        out.push((
            row,
            NoticeProblem::OcrLabelInferred {
                field,
                kind,
                read,
                line: row + 1,
                after,
                before,
            },
        ));
    }
    out
}

/// OCR text: could `read`, taken as a row's label by [`infer_labels`] (the row
/// split at its last space), hold the first characters of the field's value? A
/// label of a key field has no Latin letter or digit of its own, except the `ID`
/// that ends `テストID` and `ID`: for the ID, letters at the end are the label's
/// (`TD`, `TJD`) unless one is a digit on OCR skeletons (`0 O o` are one, `1 l I |`
/// another: `T13`, `I0`); any other letter or digit may be the value's.
///
/// ```text
/// テス ト TJD       no       (仮)パスワ一ド    no
/// テス卜7D T13      yes      事業所番号 13     yes
/// ```
fn label_may_hold_value(field: NoticeField, read: &str) -> bool {
    let squeezed: Vec<char> = read
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(text::halfwidth_ascii_char)
        .collect();
    if field != NoticeField::UserId {
        return squeezed.iter().any(char::is_ascii_alphanumeric);
    }
    let latin = |c: &char| ocr::fold(*c).is_ascii_alphanumeric();
    let tail = squeezed.iter().rev().take_while(|c| latin(c)).count();
    let (head, tail) = squeezed.split_at(squeezed.len() - tail);
    head.iter().any(char::is_ascii_alphanumeric)
        || tail.iter().any(|c| ocr::fold(*c).is_ascii_digit())
}

/// The printed labels, in [`LABELS`]' order (what [`ocr::match_label`] takes).
fn label_names() -> Vec<&'static str> {
    LABELS.iter().map(|(l, _)| *l).collect()
}

/// A TSV row split at the value column's left edge `x`: the label's words (as
/// read, joined by spaces) and the value's (joined as [`ocr::tsv_lines`]
/// joins a row). `None` when either side is empty.
fn split_by_column(
    words: &[(String, Option<u8>)],
    boxes: &[ocr::WordBox],
    x: i64,
) -> Option<(String, String)> {
    let mut label = Vec::new();
    let mut value: Vec<(&str, ocr::WordBox)> = Vec::new();
    for ((w, _), b) in words.iter().zip(boxes) {
        if b.left < x {
            if !value.is_empty() {
                return None; // a label word after a value word: not a table row
            }
            label.push(w.as_str());
        } else {
            value.push((w.as_str(), *b));
        }
    }
    if label.is_empty() || value.is_empty() {
        return None;
    }
    let mut heights: Vec<i64> = value.iter().map(|(_, b)| b.height).collect();
    heights.sort_unstable();
    let em = heights[heights.len() / 2].max(1);
    let mut text = String::new();
    let mut prev: Option<ocr::WordBox> = None;
    for (w, b) in &value {
        if let Some(p) = prev
            && (b.left - (p.left + p.width)) * 5 > em * 4
        {
            text.push(' ');
        }
        text.push_str(w);
        prev = Some(*b);
    }
    Some((label.join(" "), text))
}

impl RegistrationNotice {
    /// Reads a notice from the text of the letter (typed or pasted; for OCR
    /// output prefer [`RegistrationNotice::parse_ocr`]).
    ///
    /// # Errors
    ///
    /// Every problem at once: `notice.empty`, `notice.too_long`,
    /// `notice.control_char`, `notice.missing_field` (事業所番号, テストID/ID,
    /// (仮)パスワード, 証明書発行用パスワード are required),
    /// `notice.duplicate_field`, `notice.both_ids`, `notice.password_invalid`,
    /// and the codes of the fields' own types (`facility.*`, `user_id.*`,
    /// `postal_code.*`, `wareki.*`).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::notice::RegistrationNotice;
    /// use hug_onboard_core::diagnostic::Diagnostic;
    ///
    /// let err = RegistrationNotice::parse("事業所番号 12345\nID ABC").unwrap_err();
    /// let codes: Vec<_> = err.iter().map(|p| p.code()).collect();
    /// assert_eq!(codes, ["facility.wrong_length", "notice.missing_field", "notice.missing_field"]);
    /// ```
    pub fn parse(input: &str) -> Result<RegistrationNotice, Problems<NoticeProblem>> {
        let lines = Self::text_lines(input)?;
        Self::parse_lines(
            lines.into_iter().map(|l| (l, None)).collect(),
            Vec::new(),
            Mode::Typed,
            "text",
        )
    }

    /// Reads a notice from the text an OCR engine made of the letter (see the
    /// module doc, "Read by OCR"). The notice records where each field came
    /// from ([`RegistrationNotice::ocr`]) and its findings ask the user to
    /// compare the ID and passwords with the paper.
    ///
    /// # Errors
    ///
    /// As [`RegistrationNotice::parse`], plus `notice.ocr_columns_unpaired`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::notice::RegistrationNotice;
    /// let n = RegistrationNotice::parse_ocr("事業所番号\n住所\nテストID\n(仮)パスワード\n証明書発行用パスワード\n備考\n\
    ///     1312345678\n〒100-0001 東京都千代田区千代田1-1\nT1312345\nKari0123\nCert4567")?;
    /// assert_eq!(n.user_id.as_str(), "T1312345");
    /// assert!(n.ocr.as_ref().unwrap().fields.iter().all(|f| f.by_column_order));
    /// # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>>(())
    /// ```
    pub fn parse_ocr(input: &str) -> Result<RegistrationNotice, Problems<NoticeProblem>> {
        let lines = Self::text_lines(input)?;
        Self::parse_lines(
            lines.iter().map(|l| (ocr::clean_line(l), None)).collect(),
            Vec::new(),
            Mode::Ocr,
            "text",
        )
    }

    /// Reads a notice from Tesseract's TSV output (`tesseract IMAGE - -l jpn
    /// tsv`): words grouped into visual rows, so each label pairs with the
    /// value on its row; each field carries its row's confidence, and a key
    /// field (事業所番号, ID, passwords), the address or the facility's name read
    /// below [`LOW_CONFIDENCE`] is
    /// reported.
    ///
    /// # Errors
    ///
    /// `notice.tsv_invalid` for a TSV without Tesseract's columns or with a
    /// non-numeric box; then as [`RegistrationNotice::parse_ocr`].
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::notice::RegistrationNotice;
    /// let mut tsv = String::from("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
    /// // Tesseract read the label column, then the value column.
    /// for (i, (label, value)) in [("事業所番号", "1312345678"), ("ID", "P1312345"),
    ///     ("(仮)パスワード", "Kari0123"), ("証明書発行用パスワード", "Cert4567")].iter().enumerate() {
    ///     tsv += &format!("5\t1\t1\t1\t{i}\t1\t100\t{}\t300\t30\t96\t{label}\n", 100 + 50 * i);
    /// }
    /// for (i, value) in ["1312345678", "P1312345", "Kari0123", "Cert4567"].iter().enumerate() {
    ///     tsv += &format!("5\t1\t2\t1\t{i}\t1\t500\t{}\t200\t30\t93\t{value}\n", 101 + 50 * i);
    /// }
    /// let n = RegistrationNotice::parse_ocr_tsv(&tsv)?;
    /// assert_eq!(n.user_id.as_str(), "P1312345");
    /// assert_eq!(n.ocr.unwrap().fields[0].confidence, Some(93));
    /// # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>>(())
    /// ```
    pub fn parse_ocr_tsv(tsv: &str) -> Result<RegistrationNotice, Problems<NoticeProblem>> {
        let (lines, words) = Self::tsv_input(tsv)?;
        Self::parse_lines(lines, words, Mode::Ocr, "tsv")
    }

    /// A TSV's rows as cleaned lines with their confidences, and their words.
    #[allow(clippy::type_complexity)]
    fn tsv_input(
        tsv: &str,
    ) -> Result<(Vec<(String, Option<u8>)>, Vec<RowWords>), Problems<NoticeProblem>> {
        if tsv.trim().is_empty() {
            return Err(Problems::one(NoticeProblem::Empty));
        }
        if tsv.len() > MAX_NOTICE_CHARS * 40 {
            return Err(Problems::one(NoticeProblem::TooLong {
                chars: tsv.chars().count(),
            }));
        }
        if let Some(line) = tsv.lines().position(|l| text::find_control(l).is_some()) {
            return Err(Problems::one(NoticeProblem::ControlChar { line: line + 1 }));
        }
        let rows = ocr::tsv_lines(tsv).map_err(|e| {
            Problems::one(match e {
                ocr::TsvError::Header(reason) => NoticeProblem::TsvInvalid { line: 1, reason },
                ocr::TsvError::Row { line, reason } => NoticeProblem::TsvInvalid { line, reason },
            })
        })?;
        let words: Vec<RowWords> = rows
            .iter()
            .map(|r| (r.words.clone(), r.boxes.clone()))
            .collect();
        let lines: Vec<(String, Option<u8>)> = rows
            .into_iter()
            .map(|r| {
                (
                    ocr::clean_line(&text::to_halfwidth_ascii(&r.text)),
                    r.confidence,
                )
            })
            .collect();
        if lines.iter().all(|(l, _)| l.is_empty()) {
            return Err(Problems::one(NoticeProblem::Empty));
        }
        Ok((lines, words))
    }

    /// Where each field's value is on the page of a Tesseract TSV, **without
    /// checking the values**: the fields found by their labels with a
    /// non-empty value, each with its `value_box` (the cell to read again;
    /// `None` when the value's words cannot be found in the row) — what a second OCR pass needs
    /// before [`RegistrationNotice::parse_ocr_tsv_with_rereads`], even when a
    /// value the page read is not valid (a `0` read as `9` in the 事業所番号
    /// makes its prefecture code unknown; [`RegistrationNotice::parse_ocr_tsv`]
    /// refuses such a letter). The provenance has no findings.
    ///
    /// # Errors
    ///
    /// As [`RegistrationNotice::parse_ocr_tsv`] for the TSV itself
    /// (`notice.empty`, `notice.too_long`, `notice.control_char`,
    /// `notice.tsv_invalid`); never for a field's value.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::notice::{NoticeField, RegistrationNotice};
    /// let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
    ///     5\t1\t1\t1\t1\t1\t100\t100\t200\t40\t95\t事業所番号\n\
    ///     5\t1\t1\t1\t1\t2\t600\t100\t200\t30\t95\t9135127436\n";
    /// let layout = RegistrationNotice::ocr_layout_tsv(tsv)?;
    /// assert_eq!(layout.fields[0].field, NoticeField::FacilityNumber);
    /// assert_eq!(layout.fields[0].value_box.unwrap().left, 600);
    /// # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>>(())
    /// ```
    pub fn ocr_layout_tsv(tsv: &str) -> Result<OcrProvenance, Problems<NoticeProblem>> {
        let (lines, words) = Self::tsv_input(tsv)?;
        let (c, _) = Self::collect(lines, words, Mode::Ocr);
        Ok(OcrProvenance {
            input: "tsv",
            fields: c.sources,
            findings: Vec::new(),
        })
    }

    /// [`RegistrationNotice::parse_ocr_tsv`] and
    /// [`RegistrationNotice::with_ocr_rereads`] in one step, so that a key
    /// field the page read in an invalid form can still be taken from its
    /// cell's second reads instead of refusing the letter: when the page's
    /// 事業所番号, ID or password has the field's shape but is not valid (ten
    /// digits with an unknown prefecture code: a `0` read as `9`), or stands on
    /// the row after its label and is not valid (a space or a kana in a
    /// password), and at least two valid second reads agree on a value more of
    /// them give than any other, that value is used and said
    /// (`notice.ocr_page_read_invalid`,
    /// a warning; the page's read votes for nothing, so
    /// `notice.ocr_reads_disagree` follows). Otherwise the letter is refused
    /// as by `parse_ocr_tsv`. The boxes to re-read come from
    /// [`RegistrationNotice::ocr_layout_tsv`]. A value read out of the field's
    /// shape on its label's row is paired with the label when it is one word near
    /// the field's length (an 11-digit 事業所番号, a password with a `」`): its cell
    /// is in the layout and its second reads can replace it as above; a sentence
    /// after a label word is not (no cell; `notice.missing_field` when the field
    /// has no other row).
    ///
    /// # Errors
    ///
    /// As [`RegistrationNotice::parse_ocr_tsv`] and
    /// [`RegistrationNotice::with_ocr_rereads`] (`notice.ocr_rereads_invalid`
    /// for rereads it does not take).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// use hug_onboard_core::notice::{NoticeField, RegistrationNotice};
    /// let mut tsv = String::from("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n");
    /// // The page read the 0 of Hokkaido's prefecture code 01 as 9.
    /// for (i, (label, value)) in [("事業所番号", "9135127436"), ("ID", "P1312345"),
    ///     ("(仮)パスワード", "Kari0123"), ("証明書発行用パスワード", "Cert4567")].iter().enumerate() {
    ///     tsv += &format!("5\t1\t1\t1\t{i}\t1\t100\t{}\t300\t30\t96\t{label}\n", 100 + 50 * i);
    ///     tsv += &format!("5\t1\t1\t1\t{i}\t2\t600\t{}\t200\t30\t93\t{value}\n", 100 + 50 * i);
    /// }
    /// assert!(RegistrationNotice::parse_ocr_tsv(&tsv).is_err());
    /// let reads = vec![(NoticeField::FacilityNumber, vec!["0135127436".to_string(), "0135127436".into()])];
    /// let n = RegistrationNotice::parse_ocr_tsv_with_rereads(&tsv, &reads)?;
    /// assert_eq!(n.facility_number.as_str(), "0135127436");
    /// assert!(n.findings().iter().any(|f| f.code() == "notice.ocr_page_read_invalid"));
    /// # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>>(())
    /// ```
    pub fn parse_ocr_tsv_with_rereads(
        tsv: &str,
        rereads: &[(NoticeField, Vec<String>)],
    ) -> Result<RegistrationNotice, Problems<NoticeProblem>> {
        check_rereads(rereads)?;
        let (lines, words) = Self::tsv_input(tsv)?;
        let (mut c, mut problems) = Self::collect(lines, words, Mode::Ocr);
        for field in [
            NoticeField::FacilityNumber,
            NoticeField::UserId,
            NoticeField::TemporaryPassword,
            NoticeField::CertificatePassword,
        ] {
            let reads: Vec<&String> = rereads
                .iter()
                .filter(|(f, _)| *f == field)
                .flat_map(|(_, r)| r.iter())
                .collect();
            if !reads.is_empty() {
                c.replace_invalid_page_read(field, &reads);
            }
        }
        Self::build(c, &mut problems, Some("tsv"))?.with_ocr_rereads(rereads)
    }

    /// Reconciles the values of an OCR'd notice with a **second pass**: each
    /// field's cell (its `value_box` in [`RegistrationNotice::ocr`]) read
    /// again, e.g. with a Latin-script engine restricted to
    /// [`ocr::value_charset`].
    ///
    /// * **The 事業所番号, the ID, the passwords and the postal code** (whole
    ///   tokens): the second reads vote: the value that more of them give than
    ///   any other is kept; on a tie (or without a usable read) the page's value
    ///   stays. The page's own read does not vote — on the OCR corpus
    ///   (benches/ocr) it is the one most often wrong on Latin glyphs and digits
    ///   — but it counts as a read. A read that does not have the field's shape
    ///   (ten digits, printable ASCII, `NNN-NNNN`) votes for nothing.
    /// * **The 事業所名 and the address** (free text, without the postal code):
    ///   the page's read and the second reads vote **character by character**
    ///   (see [`ocr`], "Reconciling reads character by character"), so a value
    ///   that no single read got right can still be kept when each character
    ///   has a majority; where a position has none the page's character stays.
    ///   The spaces are the page's.
    ///
    /// Whenever the page and the second reads are not unanimous the notice
    /// says so (`notice.ocr_reads_disagree`, with the positions where they
    /// differ), so a value is never picked silently. The findings about
    /// look-alike glyphs and digit corrections are made again for a value that
    /// changed. A postal code the page read in an invalid form
    /// (`notice.ocr_postal_code_invalid`, the notice's `postal_code` empty)
    /// takes the second reads' valid plurality, and the finding goes; when no
    /// valid read has a plurality it stays empty and the finding stays.
    ///
    /// `rereads` holds `(field, reads)`; a field may be absent (no second pass
    /// for it) or given several reads. Full-width forms and white space in a
    /// read are normalised away for the vote.
    ///
    /// # Errors
    ///
    /// `notice.ocr_rereads_invalid` when the notice was not read by OCR, a
    /// field is not one of those seven ([`NoticeField::Date`],
    /// [`NoticeField::Federation`], [`NoticeField::Remarks`] are not re-read),
    /// a field has more than [`MAX_REREADS`] reads or a read more than
    /// [`MAX_REREAD_CHARS`] characters.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::notice::{NoticeField, RegistrationNotice};
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// let n = RegistrationNotice::parse_ocr("事業所番号 1392345678\nID P1312345\n\
    ///     (仮)パスワード Kari0l23\n証明書発行用パスワード Cert4567\n事業所名 就労継続支援P玉 あおぞら")?;
    /// let n = n.with_ocr_rereads(&[
    ///     (NoticeField::FacilityNumber, vec!["1302345678".into(), "1302345678".into()]),
    ///     (NoticeField::TemporaryPassword, vec!["Kari0123".into(), "Kari0l23".into()]),
    ///     (NoticeField::FacilityName, vec!["就労継続支援B型あおぞら".into(), "就労練援5型あおぞら".into(),
    ///         "弥労継続支援B型あおぞら".into(), "統労続支援B型あおぞら".into()]),
    /// ])?;
    /// assert_eq!(n.facility_number.as_str(), "1302345678"); // both second reads
    /// assert_eq!(n.temporary_password.expose(), "Kari0l23"); // a tie: the page's value stays
    /// assert_eq!(n.facility_name.as_deref(), Some("就労継続支援B型 あおぞら")); // per character
    /// let codes: Vec<_> = n.findings().iter().map(|f| f.code()).collect();
    /// assert_eq!(codes.iter().filter(|c| **c == "notice.ocr_reads_disagree").count(), 3);
    /// # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>>(())
    /// ```
    pub fn with_ocr_rereads(
        &self,
        rereads: &[(NoticeField, Vec<String>)],
    ) -> Result<RegistrationNotice, Problems<NoticeProblem>> {
        if self.ocr.is_none() {
            return Err(Problems::one(NoticeProblem::OcrRereadsInvalid {
                reason: RereadsReason::NotOcr,
            }));
        }
        check_rereads(rereads)?;
        let mut n = self.clone();
        for field in REREAD_FIELDS {
            let reads: Vec<&String> = rereads
                .iter()
                .filter(|(f, _)| *f == field)
                .flat_map(|(_, r)| r.iter())
                .collect();
            if reads.is_empty() {
                continue;
            }
            match field {
                NoticeField::FacilityName | NoticeField::Address => n.reconcile_text(field, &reads),
                _ => n.reconcile_token(field, &reads),
            }
        }
        Ok(n)
    }

    /// The per-character vote of a free-text field (see `with_ocr_rereads`).
    fn reconcile_text(&mut self, field: NoticeField, reads: &[&String]) {
        let page = match field {
            NoticeField::FacilityName => self.facility_name.clone(),
            _ => self.address.clone(),
        };
        let Some(page) = page else {
            return;
        };
        // The page's characters without white space, and where a space follows one.
        let mut backbone: Vec<char> = Vec::new();
        let mut space_after: Vec<bool> = Vec::new();
        for c in text::to_halfwidth_ascii(&page).chars() {
            if c.is_whitespace() {
                if let Some(last) = space_after.last_mut() {
                    *last = true;
                }
            } else {
                backbone.push(c);
                space_after.push(false);
            }
        }
        let squeeze = |v: &str| -> Vec<char> {
            text::to_halfwidth_ascii(v)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        let usable: Vec<Vec<char>> = reads
            .iter()
            .map(|r| squeeze(r))
            .filter(|v| !v.is_empty() && !v.iter().any(|c| c.is_control()))
            .collect();
        let total = reads.len() + 1;
        let (kept, positions) = if backbone.len() <= ocr::MAX_ALIGNED_CHARS
            && usable.iter().all(|r| r.len() <= ocr::MAX_ALIGNED_CHARS)
        {
            let vote = ocr::vote_chars(&backbone, &usable, true);
            let mut kept = String::new();
            for (c, from) in &vote.chars {
                kept.push(*c);
                if from.is_some_and(|k| space_after[k]) {
                    kept.push(' ');
                }
            }
            (kept.trim_end().to_owned(), vote.disputed)
        } else {
            (page.clone(), Vec::new())
        };
        let kept_chars = squeeze(&kept);
        let agreeing = usize::from(kept_chars == backbone)
            + usable.iter().filter(|r| **r == kept_chars).count();
        if agreeing < total {
            let prov = self.ocr.as_mut().expect("read by OCR");
            prov.findings.push(NoticeProblem::OcrReadsDisagree {
                field,
                reads: total,
                agreeing,
                positions,
            });
        }
        if kept_chars != backbone && !kept_chars.is_empty() {
            match field {
                NoticeField::FacilityName => self.facility_name = Some(kept),
                _ => self.address = Some(kept),
            }
        }
    }

    /// The whole-token vote of a key field or the postal code (see `with_ocr_rereads`).
    fn reconcile_token(&mut self, field: NoticeField, reads: &[&String]) {
        let shaped = |v: &str| shaped_read(field, v);
        let page: Option<Secret> = match field {
            NoticeField::FacilityNumber => Some(Secret::new(self.facility_number.as_str())),
            NoticeField::UserId => Some(Secret::new(self.user_id.as_str())),
            NoticeField::TemporaryPassword => Some(self.temporary_password.clone()),
            NoticeField::CertificatePassword => Some(self.certificate_password.clone()),
            _ => self.postal_code.map(|p| Secret::new(p.to_string())),
        };
        let page_invalid = self.ocr.as_ref().is_some_and(|o| {
            o.findings.iter().any(|f| match f {
                NoticeProblem::OcrPostalCodeInvalid { .. } => field == NoticeField::PostalCode,
                NoticeProblem::OcrPageReadInvalid { field: g } => *g == field,
                _ => false,
            })
        });
        if page.is_none() && !page_invalid {
            return; // nothing was read on the page: no cell was re-read
        }
        // A page read that was not valid (replaced by its cell's reads) votes for nothing.
        let page_vote = if page_invalid { None } else { page.clone() };
        let votes: Vec<Option<Secret>> = std::iter::once(page_vote)
            .chain(reads.iter().map(|r| shaped(r)))
            .collect();
        let count =
            |v: &Secret, from: usize| votes[from..].iter().flatten().filter(|w| *w == v).count();
        // The second reads' plurality (strictly more votes than any other value), else the page's.
        let kept: Option<Secret> = plurality(field, reads)
            .map(|(v, _)| v)
            .or_else(|| page.clone());
        let agreeing = kept.as_ref().map_or(0, |k| count(k, 0));
        let prov = self.ocr.as_mut().expect("read by OCR");
        if agreeing < votes.len() {
            let mut positions: Vec<usize> = match &kept {
                None => Vec::new(),
                Some(kept) => {
                    let kc: Vec<char> = kept.expose().chars().collect();
                    votes
                        .iter()
                        .flatten()
                        .filter(|v| v.expose().chars().count() == kc.len())
                        .flat_map(|v| {
                            v.expose()
                                .chars()
                                .zip(&kc)
                                .enumerate()
                                .filter(|(_, (a, b))| a != *b)
                                .map(|(i, _)| i + 1)
                                .collect::<Vec<_>>()
                        })
                        .collect()
                }
            };
            positions.sort_unstable();
            positions.dedup();
            prov.findings.push(NoticeProblem::OcrReadsDisagree {
                field,
                reads: votes.len(),
                agreeing,
                positions,
            });
        }
        let Some(kept) = kept else {
            return; // no valid read: the finding about the page's read stays
        };
        if Some(&kept) == page.as_ref() {
            return;
        }
        // The value changed: the findings about the page's value are redone.
        prov.findings.retain(|f| {
            let about_page = match f {
                NoticeProblem::OcrConfusable { field: g, .. }
                | NoticeProblem::OcrCorrected { field: g, .. } => *g == field,
                NoticeProblem::OcrPostalCodeInvalid { .. } => field == NoticeField::PostalCode,
                _ => false,
            };
            !about_page
        });
        let glyphs = ocr::confusables_in(kept.expose());
        if matches!(
            field,
            NoticeField::UserId | NoticeField::TemporaryPassword | NoticeField::CertificatePassword
        ) && !glyphs.is_empty()
        {
            prov.findings
                .push(NoticeProblem::OcrConfusable { field, glyphs });
        }
        match field {
            NoticeField::FacilityNumber => {
                self.facility_number =
                    FacilityNumber::parse(kept.expose()).expect("shape checked above");
            }
            NoticeField::UserId => {
                self.user_id = UserId::parse(kept.expose()).expect("shape checked above");
            }
            NoticeField::TemporaryPassword => self.temporary_password = kept,
            NoticeField::CertificatePassword => self.certificate_password = kept,
            _ => {
                self.postal_code =
                    Some(PostalCode::parse(kept.expose()).expect("shape checked above"));
            }
        }
    }

    /// OCR: the address row's source (just pushed) split in two when it starts
    /// with `〒`: the postal code (its own [`NoticeField::PostalCode`] source,
    /// whose box covers the postal code's words without the `〒` mark) and the
    /// rest of the address (the address's box then covers only the rest), so
    /// that a second pass reads each with its own engine. When the row's words
    /// do not split cleanly there is no box for either (no second read).
    fn split_address_source(
        sources: &mut Vec<OcrFieldSource>,
        row: Option<&RowWords>,
        value: &str,
    ) {
        let (Some(_), rest) = split_postal(value, true) else {
            return;
        };
        let Some(address) = sources.pop() else {
            return;
        };
        let head = match rest {
            // `r` is a slice of `value`.
            Some(r) => value[..(r.as_ptr() as usize - value.as_ptr() as usize)].trim_end(),
            None => value,
        };
        let boxes = row.and_then(|(w, b)| ocr::split_value_boxes(w, b, head, rest.unwrap_or("")));
        sources.push(OcrFieldSource {
            field: NoticeField::PostalCode,
            value_box: boxes.and_then(|(h, _)| h),
            ..address.clone()
        });
        sources.push(OcrFieldSource {
            value_box: boxes.and_then(|(_, t)| t),
            ..address
        });
    }

    /// The checks common to every text input; the lines half-width and trimmed.
    fn text_lines(input: &str) -> Result<Vec<String>, Problems<NoticeProblem>> {
        if input.trim().is_empty() {
            return Err(Problems::one(NoticeProblem::Empty));
        }
        let chars = input.chars().count();
        if chars > MAX_NOTICE_CHARS {
            return Err(Problems::one(NoticeProblem::TooLong { chars }));
        }
        // Line breaks as Windows (CRLF), Unix (LF) and classic Mac OS (CR alone, as
        // some clipboards still write) give them: a CR alone was no line break.
        let lines: Vec<String> = input
            .replace("\r\n", "\n")
            .split(['\n', '\r'])
            .map(|l| text::to_halfwidth_ascii(l).trim().to_owned())
            .collect();
        let problems: Vec<NoticeProblem> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| text::find_control(l).is_some())
            .map(|(i, _)| NoticeProblem::ControlChar { line: i + 1 })
            .collect();
        if !problems.is_empty() {
            return Err(into_problems(problems));
        }
        Ok(lines)
    }

    fn parse_lines(
        src: Vec<(String, Option<u8>)>,
        words: Vec<RowWords>,
        mode: Mode,
        input_kind: &'static str,
    ) -> Result<RegistrationNotice, Problems<NoticeProblem>> {
        let (c, mut problems) = Self::collect(src, words, mode);
        let ocr = (mode == Mode::Ocr).then_some(input_kind);
        Self::build(c, &mut problems, ocr)
    }

    /// The fields found by their labels (values not checked yet), and the
    /// problems of the layout itself.
    fn collect(
        src: Vec<(String, Option<u8>)>,
        words: Vec<RowWords>,
        mode: Mode,
    ) -> (Collected, Vec<NoticeProblem>) {
        let mut problems = Vec::new();
        let lines: Vec<String> = src.iter().map(|(l, _)| l.clone()).collect();
        let confs: Vec<Option<u8>> = src.iter().map(|(_, c)| *c).collect();
        let mut classes: Vec<Line> = lines.iter().map(|l| classify(l, mode)).collect();
        let mut c = Collected::default();
        if mode == Mode::Ocr {
            c.column_layout = pair_columns(&lines, &mut classes, &mut problems);
            if !c.column_layout {
                for (_, finding) in infer_labels(&lines, &mut classes, &words) {
                    if let NoticeProblem::OcrLabelInferred {
                        kind: Some(NoticeKind::Production),
                        ..
                    } = finding
                    {
                        c.inferred_production = true;
                    }
                    c.inferred.push(finding);
                }
            }
        }
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i].as_str();
            let lineno = i + 1;
            let class = classes[i].clone();
            i += 1;
            if line.is_empty() {
                continue;
            }
            match class {
                Line::Label {
                    target,
                    value,
                    read,
                    edits,
                    marks,
                } => {
                    let mut value = value;
                    let mut marks = marks;
                    let mut value_line = lineno;
                    // A value may sit on the next line when the label stands
                    // alone (OCR of a table); 備考 never takes one.
                    if value.is_empty()
                        && target != Target::Field(NoticeField::Remarks)
                        && let (Some(next), Some(Line::Other)) = (lines.get(i), classes.get(i))
                        && !next.is_empty()
                        && date_in_line(next).is_none()
                        && !is_boilerplate(next)
                    {
                        let (v, m) = match mode {
                            Mode::Typed => (next.clone(), Vec::new()),
                            Mode::Ocr => {
                                let (v, m) = ocr::strip_leading_marks(next);
                                (ocr::strip_trailing_borders(v).to_owned(), m)
                            }
                        };
                        value = v;
                        marks = m;
                        value_line = i + 1;
                        i += 1;
                    }
                    let field = target.field();
                    if mode == Mode::Ocr && !value.is_empty() {
                        c.sources.push(OcrFieldSource {
                            field,
                            line: lineno,
                            label_read: read,
                            label_edits: edits,
                            confidence: words
                                .get(value_line - 1)
                                .and_then(|(w, _)| ocr::value_confidence(w, &value))
                                .or(confs[value_line - 1]),
                            by_column_order: c.column_layout && value_line == lineno,
                            value_box: words
                                .get(value_line - 1)
                                .and_then(|(w, b)| ocr::value_box(w, b, &value)),
                        });
                        if field == NoticeField::Address {
                            Self::split_address_source(
                                &mut c.sources,
                                words.get(value_line - 1),
                                &value,
                            );
                        }
                        if !marks.is_empty() {
                            c.marks.push((field, marks));
                        }
                    }
                    match target {
                        Target::Field(f) => c.values.push((f, lineno, value)),
                        Target::Id(k) => c.ids.push((k, lineno, value)),
                    }
                }
                Line::Ambiguous(read) => {
                    if !read.is_empty() {
                        c.ambiguous
                            .push(NoticeProblem::OcrLabelAmbiguous { read, line: lineno });
                    }
                }
                Line::Other => {
                    if c.date.is_none()
                        && let Some(d) = date_in_line(line)
                    {
                        c.date = Some((lineno, d.to_owned()));
                        continue;
                    }
                    if c.federation.is_none() && is_federation_line(line) {
                        c.federation = Some(line.to_owned());
                    }
                }
            }
        }
        if mode == Mode::Ocr {
            c.kind_unconfirmed =
                c.inferred_production || production_label_unconfirmed(&classes, &words);
        }
        (c, problems)
    }
    fn build(
        c: Collected,
        problems: &mut Vec<NoticeProblem>,
        ocr_input: Option<&'static str>,
    ) -> Result<RegistrationNotice, Problems<NoticeProblem>> {
        let mut ocr_findings: Vec<NoticeProblem> = Vec::new();
        // One value per field; a repeated field must repeat the same value.
        let mut get = |field: NoticeField| -> Option<(usize, String)> {
            let mut found: Option<(usize, String)> = None;
            for (f, line, v) in c.values.iter().filter(|(f, _, _)| *f == field) {
                match &found {
                    None => found = Some((*line, v.clone())),
                    Some((_, prev)) if prev == v || v.is_empty() => {}
                    Some((_, prev)) if prev.is_empty() => found = Some((*line, v.clone())),
                    Some(_) => problems.push(NoticeProblem::DuplicateField {
                        field: *f,
                        line: *line,
                    }),
                }
            }
            found.filter(|(_, v)| !v.is_empty())
        };
        let facility = get(NoticeField::FacilityNumber);
        let address = get(NoticeField::Address);
        let name = get(NoticeField::FacilityName);
        let temp = get(NoticeField::TemporaryPassword);
        let cert = get(NoticeField::CertificatePassword);
        let remarks = get(NoticeField::Remarks);

        let facility_number = match facility {
            None => {
                problems.push(NoticeProblem::MissingField {
                    field: NoticeField::FacilityNumber,
                });
                None
            }
            Some((line, v)) => {
                // OCR: letters where digits belong are corrected and reported.
                let v = match (ocr_input, ocr::correct_digits(&v)) {
                    (Some(_), Some((digits, fixes))) if !fixes.is_empty() => {
                        ocr_findings.push(NoticeProblem::OcrCorrected {
                            field: NoticeField::FacilityNumber,
                            fixes,
                        });
                        digits
                    }
                    _ => v,
                };
                FacilityNumber::parse(&v)
                    .map_err(|error| problems.push(NoticeProblem::FacilityNumber { line, error }))
                    .ok()
            }
        };

        let kinds: Vec<NoticeKind> = c.ids.iter().map(|(k, _, _)| *k).collect();
        let (kind, user_id) =
            if kinds.contains(&NoticeKind::Test) && kinds.contains(&NoticeKind::Production) {
                problems.push(NoticeProblem::BothIds);
                (None, None)
            } else {
                let mut distinct: Vec<&(NoticeKind, usize, String)> = Vec::new();
                for id in c.ids.iter().filter(|(_, _, v)| !v.is_empty()) {
                    if distinct.iter().all(|d| d.2 != id.2) {
                        distinct.push(id);
                    }
                }
                match distinct.as_slice() {
                    [] => {
                        problems.push(NoticeProblem::MissingField {
                            field: NoticeField::UserId,
                        });
                        (c.ids.first().map(|(k, _, _)| *k), None)
                    }
                    [(k, line, v)] => (
                        Some(*k),
                        UserId::parse(v)
                            .map_err(|error| {
                                problems.push(NoticeProblem::UserId { line: *line, error })
                            })
                            .ok(),
                    ),
                    [_, (_, line, _), ..] => {
                        problems.push(NoticeProblem::DuplicateField {
                            field: NoticeField::UserId,
                            line: *line,
                        });
                        (None, None)
                    }
                }
            };

        let mut password = |field: NoticeField, value: Option<(usize, String)>| -> Option<Secret> {
            match value {
                None => {
                    problems.push(NoticeProblem::MissingField { field });
                    None
                }
                Some((line, v)) => match password_value(&v) {
                    Some(p) => Some(Secret::new(p)),
                    None => {
                        problems.push(NoticeProblem::PasswordInvalid { field, line });
                        None
                    }
                },
            }
        };
        let temporary_password = password(NoticeField::TemporaryPassword, temp);
        let certificate_password = password(NoticeField::CertificatePassword, cert);

        let (postal_code, address) = match address {
            None => (None, None),
            Some((line, v)) => {
                let (code, rest) = split_postal(&v, ocr_input.is_some());
                let postal = match code.map(PostalCode::parse) {
                    None => None,
                    Some(Ok(p)) => Some(p),
                    // OCR: an unreadable postal code is left empty and said, so
                    // that a second pass can read its cell again
                    // (`with_ocr_rereads`); typed text is refused.
                    Some(Err(error)) if ocr_input.is_some() => {
                        ocr_findings.push(NoticeProblem::OcrPostalCodeInvalid {
                            read: code.unwrap_or_default().to_owned(),
                            error,
                        });
                        None
                    }
                    Some(Err(error)) => {
                        problems.push(NoticeProblem::PostalCode { line, error });
                        None
                    }
                };
                (postal, rest.map(str::to_owned))
            }
        };

        let date = match c.date {
            None => None,
            Some((line, v)) => match wareki::parse_date(&v) {
                Ok(d) => Some(d),
                // OCR: a date read in an impossible form (`19月`) is left empty and
                // said; the date is not a key field. Typed text is refused.
                Err(error) if ocr_input.is_some() => {
                    ocr_findings.push(NoticeProblem::OcrDateInvalid { read: v, error });
                    None
                }
                Err(error) => {
                    problems.push(NoticeProblem::Date { line, error });
                    None
                }
            },
        };
        for field in &c.page_invalid {
            ocr_findings.push(NoticeProblem::OcrPageReadInvalid { field: *field });
        }

        match (
            kind,
            facility_number,
            user_id,
            temporary_password,
            certificate_password,
        ) {
            (
                Some(kind),
                Some(facility_number),
                Some(user_id),
                Some(temporary_password),
                Some(certificate_password),
            ) if problems.is_empty() => {
                let ocr = ocr_input.map(|input| {
                    let mut findings = ocr_findings;
                    for (field, value) in [
                        (NoticeField::UserId, user_id.as_str()),
                        (NoticeField::TemporaryPassword, temporary_password.expose()),
                        (
                            NoticeField::CertificatePassword,
                            certificate_password.expose(),
                        ),
                    ] {
                        let glyphs = ocr::confusables_in(value);
                        if !glyphs.is_empty() {
                            findings.push(NoticeProblem::OcrConfusable { field, glyphs });
                        }
                    }
                    for (field, marks) in c.marks {
                        if ocr::is_key_field(field) {
                            findings.push(NoticeProblem::OcrMarkRemoved { field, marks });
                        }
                    }
                    for s in &c.sources {
                        if let Some(confidence) = s.confidence
                            && (ocr::is_key_field(s.field)
                                || matches!(
                                    s.field,
                                    NoticeField::Address | NoticeField::FacilityName
                                ))
                            && confidence < LOW_CONFIDENCE
                        {
                            findings.push(NoticeProblem::OcrLowConfidence {
                                field: s.field,
                                confidence,
                            });
                        }
                    }
                    if c.column_layout {
                        findings.push(NoticeProblem::OcrColumnLayout);
                    }
                    if c.kind_unconfirmed && kind == NoticeKind::Production {
                        findings.push(NoticeProblem::OcrKindUnconfirmed);
                    }
                    findings.extend(c.ambiguous);
                    findings.extend(c.inferred);
                    OcrProvenance {
                        input,
                        fields: c.sources,
                        findings,
                    }
                });
                Ok(RegistrationNotice {
                    kind,
                    date,
                    federation: c.federation,
                    facility_number,
                    postal_code,
                    address,
                    facility_name: name.map(|(_, v)| v),
                    user_id,
                    temporary_password,
                    certificate_password,
                    remarks: remarks.map(|(_, v)| v),
                    ocr,
                })
            }
            _ => {
                problems.extend(c.ambiguous);
                problems.extend(c.inferred);
                Err(into_problems(std::mem::take(problems)))
            }
        }
    }

    /// Reads a notice from JSON: an object with `kind` (`"test"` or
    /// `"production"`), `facility_number`, `user_id`, `temporary_password`,
    /// `certificate_password` (required) and `date` (`YYYY-MM-DD` or 和暦),
    /// `federation`, `postal_code`, `address`, `facility_name`, `remarks` (optional).
    ///
    /// # Errors
    ///
    /// Every problem at once, as [`RegistrationNotice::parse`], plus
    /// `notice.json_invalid` for JSON that is not an object or has a field of the
    /// wrong type.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::notice::{NoticeKind, RegistrationNotice};
    /// let n = RegistrationNotice::from_json(r#"{"kind":"production","facility_number":"1312345678",
    ///   "user_id":"P123","temporary_password":"Kari0123","certificate_password":"Cert4567",
    ///   "date":"令和元年7月30日"}"#)?;
    /// assert_eq!(n.kind, NoticeKind::Production);
    /// assert_eq!(n.date.unwrap().to_string(), "2019-07-30");
    /// # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<RegistrationNotice, Problems<NoticeProblem>> {
        let one = |reason: JsonReason| Problems::one(NoticeProblem::JsonInvalid { reason });
        // Position only: the parser's message may quote a value (a password).
        let v: Value = serde_json::from_str(json).map_err(|e| {
            one(JsonReason::Syntax {
                line: e.line(),
                column: e.column(),
            })
        })?;
        let obj = v.as_object().ok_or_else(|| one(JsonReason::NotAnObject))?;
        let known = [
            "kind",
            "date",
            "federation",
            "facility_number",
            "postal_code",
            "address",
            "facility_name",
            "user_id",
            "temporary_password",
            "certificate_password",
            "remarks",
        ];
        if let Some(k) = obj.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(one(JsonReason::UnknownField { key: k.clone() }));
        }
        let mut problems = Vec::new();
        let mut s = |key: &'static str| -> Option<String> {
            match obj.get(key) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => {
                    problems.push(NoticeProblem::JsonInvalid {
                        reason: JsonReason::NotAString { key },
                    });
                    None
                }
            }
        };
        let kind_s = s("kind");
        let fields = [
            (NoticeField::FacilityNumber, s("facility_number")),
            (NoticeField::Address, s("address")),
            (NoticeField::FacilityName, s("facility_name")),
            (NoticeField::TemporaryPassword, s("temporary_password")),
            (NoticeField::CertificatePassword, s("certificate_password")),
            (NoticeField::Remarks, s("remarks")),
        ];
        let user_id = s("user_id");
        let date = s("date");
        let federation = s("federation");
        let postal = s("postal_code");
        let kind = match kind_s.as_deref() {
            Some(k) => match NoticeKind::parse(k) {
                Some(kind) => Some(kind),
                None => {
                    problems.push(NoticeProblem::JsonInvalid {
                        reason: JsonReason::UnknownKind {
                            given: k.to_owned(),
                        },
                    });
                    None
                }
            },
            None => {
                problems.push(NoticeProblem::JsonInvalid {
                    reason: JsonReason::KindMissing,
                });
                None
            }
        };
        let mut c = Collected::default();
        for (f, v) in fields {
            if let Some(v) = v {
                let v = if f == NoticeField::Address {
                    match &postal {
                        Some(p) => format!("〒{p} {v}"),
                        None => v,
                    }
                } else {
                    v
                };
                c.values.push((f, 0, v.trim().to_owned()));
            }
        }
        if postal.is_some() && !c.values.iter().any(|(f, _, _)| *f == NoticeField::Address) {
            c.values.push((
                NoticeField::Address,
                0,
                format!("〒{}", postal.unwrap_or_default()),
            ));
        }
        if let Some(id) = user_id {
            // With an invalid kind the notice is refused anyway (reported above).
            c.ids.push((kind.unwrap_or(NoticeKind::Test), 0, id));
        }
        // A western ISO date (YYYY-MM-DD) is also accepted by the 和暦 parser.
        c.date = date.map(|d| (0, d));
        c.federation = federation;
        let mut out = Self::build(c, &mut problems, None);
        if kind.is_none() && out.is_ok() {
            out = Err(into_problems(problems));
        }
        out
    }

    /// Warnings about a valid notice: optional fields that were not found.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::notice::RegistrationNotice;
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// let n = RegistrationNotice::parse("事業所番号 1312345678\nID P1\n(仮)パスワード a1\n証明書発行用パスワード b2").unwrap();
    /// assert!(n.findings().iter().all(|f| f.code() == "notice.optional_field_missing"));
    /// assert_eq!(n.findings().len(), 4);
    /// ```
    pub fn findings(&self) -> Vec<NoticeProblem> {
        let mut out = Vec::new();
        let missing = [
            (self.date.is_none(), NoticeField::Date),
            (self.federation.is_none(), NoticeField::Federation),
            (
                self.address.is_none() && self.postal_code.is_none(),
                NoticeField::Address,
            ),
            (self.facility_name.is_none(), NoticeField::FacilityName),
        ];
        for (is_missing, field) in missing {
            if is_missing {
                out.push(NoticeProblem::OptionalFieldMissing { field });
            }
        }
        if let Some(ocr) = &self.ocr {
            out.extend(ocr.findings.iter().cloned());
        }
        out
    }

    /// Checks that this is the notice a step needs (the test notice for the
    /// set-up steps, the production notice for billing).
    ///
    /// # Errors
    ///
    /// `notice.wrong_kind`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::notice::{NoticeKind, RegistrationNotice};
    /// let n = RegistrationNotice::parse("事業所番号 1312345678\nテストID T1\n(仮)パスワード a1\n証明書発行用パスワード b2").unwrap();
    /// assert!(n.expect_kind(NoticeKind::Test).is_ok());
    /// assert!(n.expect_kind(NoticeKind::Production).is_err());
    /// ```
    pub fn expect_kind(&self, expected: NoticeKind) -> Result<(), NoticeProblem> {
        if self.kind == expected {
            Ok(())
        } else {
            Err(NoticeProblem::WrongKind {
                expected,
                found: self.kind,
            })
        }
    }

    /// The notice as JSON **without** the passwords (they are left out and
    /// `"secrets_redacted": true` is set). Safe to store and log.
    ///
    /// ```
    /// use hug_onboard_core::notice::RegistrationNotice;
    /// let n = RegistrationNotice::parse("事業所番号 1312345678\nID P1\n(仮)パスワード Kari0123\n証明書発行用パスワード b2").unwrap();
    /// let j = n.to_json();
    /// assert!(!j.contains("Kari0123"));
    /// assert!(j.contains("\"secrets_redacted\":true"));
    /// ```
    pub fn to_json(&self) -> String {
        let mut m = self.public_fields();
        m.insert("secrets_redacted".into(), Value::Bool(true));
        Value::Object(m).to_string()
    }

    /// The notice as JSON **with** the passwords, readable by
    /// [`RegistrationNotice::from_json`]. Only for handing the notice to the
    /// user or to secure storage: never log it.
    ///
    /// ```
    /// use hug_onboard_core::notice::RegistrationNotice;
    /// let n = RegistrationNotice::parse("事業所番号 1312345678\nID P1\n(仮)パスワード Kari0123\n証明書発行用パスワード b2").unwrap();
    /// let back = RegistrationNotice::from_json(&n.to_json_with_secrets()).unwrap();
    /// assert_eq!(back, n);
    /// ```
    pub fn to_json_with_secrets(&self) -> String {
        let mut m = self.public_fields();
        m.insert(
            "temporary_password".into(),
            Value::from(self.temporary_password.expose()),
        );
        m.insert(
            "certificate_password".into(),
            Value::from(self.certificate_password.expose()),
        );
        Value::Object(m).to_string()
    }

    fn public_fields(&self) -> Map<String, Value> {
        let opt = |v: &Option<String>| v.clone().map(Value::from).unwrap_or(Value::Null);
        let j = json!({
            "kind": self.kind.as_str(),
            "date": self.date.map(|d| d.to_string()),
            "federation": opt(&self.federation),
            "facility_number": self.facility_number.as_str(),
            "postal_code": self.postal_code.map(|p| p.to_string()),
            "address": opt(&self.address),
            "facility_name": opt(&self.facility_name),
            "user_id": self.user_id.as_str(),
            "remarks": opt(&self.remarks),
        });
        match j {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    /// The field values that are not secret, for display: `(field, value)`.
    ///
    /// ```
    /// use hug_onboard_core::notice::{NoticeField, RegistrationNotice};
    /// let n = RegistrationNotice::parse("事業所番号 1312345678\nID P1\n(仮)パスワード a1\n証明書発行用パスワード b2").unwrap();
    /// assert!(n.public_field_values().contains(&(NoticeField::UserId, "P1".to_string())));
    /// ```
    pub fn public_field_values(&self) -> Vec<(NoticeField, String)> {
        let m = self.public_fields();
        [
            NoticeField::Date,
            NoticeField::Federation,
            NoticeField::FacilityNumber,
            NoticeField::Address,
            NoticeField::FacilityName,
            NoticeField::UserId,
            NoticeField::Remarks,
        ]
        .into_iter()
        .filter_map(|f| {
            let key = f.key();
            let v = match f {
                NoticeField::Address => match (&self.postal_code, &self.address) {
                    (Some(p), Some(a)) => Some(format!("〒{p} {a}")),
                    (Some(p), None) => Some(format!("〒{p}")),
                    (None, a) => a.clone(),
                },
                _ => m.get(key).and_then(|v| v.as_str()).map(str::to_owned),
            };
            v.map(|v| (f, v))
        })
        .collect()
    }
}

/// `〒100-0001 東京都…` → the postal code as written (`None` without `〒`
/// or digits after it) and the rest of the address (`None` when empty). In
/// typed text the code is the digits and hyphens after `〒`; in OCR output it
/// is every half-width character up to white space or the first Japanese
/// character, so that a letter read for a digit (`〒S89-5742`) is a postal
/// code read wrong — reported and re-read — not part of the address.
fn split_postal(v: &str, ocr: bool) -> (Option<&str>, Option<&str>) {
    let Some(after) = v.strip_prefix('〒') else {
        return (None, Some(v.trim()).filter(|r| !r.is_empty()));
    };
    let after = after.trim_start();
    // The postal code runs until the first character that cannot belong to it.
    let end = after
        .char_indices()
        .find(|(_, c)| {
            if ocr {
                !c.is_ascii_graphic()
            } else {
                !(c.is_ascii_digit() || *c == '-')
            }
        })
        .map(|(i, _)| i)
        .unwrap_or(after.len());
    let (code, rest) = after.split_at(end);
    let rest = rest.trim();
    (
        Some(code).filter(|c| !c.is_empty()),
        Some(rest).filter(|r| !r.is_empty()),
    )
}

/// Every caller has pushed at least one problem; should the list ever be
/// empty, the notice is refused as empty rather than accepted.
fn into_problems(problems: Vec<NoticeProblem>) -> Problems<NoticeProblem> {
    Problems::new(problems).unwrap_or_else(|| Problems::one(NoticeProblem::Empty))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    /// The notice's `notice.ocr_reads_disagree` findings as `(field, reads, agreeing, positions)`.
    fn disagreements(n: &RegistrationNotice) -> Vec<(NoticeField, usize, usize, Vec<usize>)> {
        n.findings()
            .into_iter()
            .filter_map(|f| match f {
                NoticeProblem::OcrReadsDisagree {
                    field,
                    reads,
                    agreeing,
                    positions,
                } => Some((field, reads, agreeing, positions)),
                _ => None,
            })
            .collect()
    }

    const TEST_NOTICE: &str = "電子請求登録結果に関するお知らせ\n令和 元年 6月 3日\n東京都国民健康保険団体連合会\n障害福祉サービス費等の電子請求に関し、下記のとおり登録いたしましたので、ご連絡いたします。\n事業所番号\t１３１２３４５６７８\n住所\t〒100-0001 東京都千代田区千代田1-1\n事業所名\t放課後等デイサービス はぐ\nテストID\tT1312345\n（仮）パスワード\tKari0123\n証明書発行用パスワード\tCert4567\n備考\t\n・ID、仮パスワード及び証明書発行用パスワードは、他に漏洩しないよう十分な管理を行ってください\n";

    #[test]
    fn parses_the_seed_layout() {
        let n = RegistrationNotice::parse(TEST_NOTICE).unwrap();
        assert_eq!(n.kind, NoticeKind::Test);
        assert_eq!(n.facility_number.as_str(), "1312345678");
        assert_eq!(n.postal_code.unwrap().to_string(), "100-0001");
        assert_eq!(n.address.as_deref(), Some("東京都千代田区千代田1-1"));
        assert_eq!(
            n.federation.as_deref(),
            Some("東京都国民健康保険団体連合会")
        );
        assert_eq!(n.temporary_password.expose(), "Kari0123");
        assert_eq!(n.certificate_password.expose(), "Cert4567");
        assert_eq!(n.remarks, None);
        assert!(n.findings().is_empty());
        let dbg = format!("{n:?} {n}");
        assert!(!dbg.contains("Kari0123") && !dbg.contains("Cert4567"));
    }

    #[test]
    fn values_on_the_next_line() {
        let t = "事業所番号\n1312345678\nID\nP99\n(仮)パスワード\nabc12345\n証明書発行用パスワード\nxyz98765\n備考\n";
        let n = RegistrationNotice::parse(t).unwrap();
        assert_eq!(n.kind, NoticeKind::Production);
        assert_eq!(n.user_id.as_str(), "P99");
    }

    #[test]
    fn reports_every_problem() {
        let t = "令和元年2月30日\n事業所番号 99\nテストID T1\nID P1\n住所 〒12-34 どこか\n";
        let e = RegistrationNotice::parse(t).unwrap_err();
        let codes = e.codes();
        for c in [
            "facility.wrong_length",
            "notice.both_ids",
            "notice.missing_field",
            "postal_code.invalid",
            "wareki.invalid_day",
        ] {
            assert!(codes.contains(&c), "{c} not in {codes:?}");
        }
    }

    #[test]
    fn bad_inputs() {
        assert_eq!(
            RegistrationNotice::parse("").unwrap_err().codes(),
            ["notice.empty"]
        );
        assert_eq!(
            RegistrationNotice::parse(" \n　\t").unwrap_err().codes(),
            ["notice.empty"]
        );
        assert_eq!(
            RegistrationNotice::parse("事業所番号\0")
                .unwrap_err()
                .codes(),
            ["notice.control_char"]
        );
        let long = "あ".repeat(MAX_NOTICE_CHARS + 1);
        assert_eq!(
            RegistrationNotice::parse(&long).unwrap_err().codes(),
            ["notice.too_long"]
        );
        let noise = "x".repeat(10_000);
        assert!(RegistrationNotice::parse(&noise).is_err());
    }

    #[test]
    fn json_roundtrip_and_problems() {
        let n = RegistrationNotice::parse(TEST_NOTICE).unwrap();
        let back = RegistrationNotice::from_json(&n.to_json_with_secrets()).unwrap();
        assert_eq!(back, n);
        assert!(RegistrationNotice::from_json(&n.to_json()).is_err());
        let e = RegistrationNotice::from_json(r#"{"kind":"x","facility_number":5}"#).unwrap_err();
        assert!(e.codes().contains(&"notice.json_invalid"));
        assert_eq!(
            RegistrationNotice::from_json("[]").unwrap_err().codes(),
            ["notice.json_invalid"]
        );
    }

    #[test]
    fn every_code_is_listed() {
        let all = [
            NoticeProblem::Empty,
            NoticeProblem::TooLong { chars: 1 },
            NoticeProblem::ControlChar { line: 1 },
            NoticeProblem::MissingField {
                field: NoticeField::UserId,
            },
            NoticeProblem::DuplicateField {
                field: NoticeField::UserId,
                line: 1,
            },
            NoticeProblem::BothIds,
            NoticeProblem::PasswordInvalid {
                field: NoticeField::TemporaryPassword,
                line: 1,
            },
            NoticeProblem::JsonInvalid {
                reason: JsonReason::NotAnObject,
            },
            NoticeProblem::WrongKind {
                expected: NoticeKind::Test,
                found: NoticeKind::Production,
            },
            NoticeProblem::OptionalFieldMissing {
                field: NoticeField::Date,
            },
            NoticeProblem::OcrConfusable {
                field: NoticeField::UserId,
                glyphs: ocr::confusables_in("O1"),
            },
            NoticeProblem::OcrCorrected {
                field: NoticeField::FacilityNumber,
                fixes: vec![(1, 'O', '0')],
            },
            NoticeProblem::OcrMarkRemoved {
                field: NoticeField::TemporaryPassword,
                marks: vec!['('],
            },
            NoticeProblem::OcrLowConfidence {
                field: NoticeField::UserId,
                confidence: 12,
            },
            NoticeProblem::OcrColumnLayout,
            NoticeProblem::OcrColumnsUnpaired,
            NoticeProblem::OcrLabelAmbiguous {
                read: "事業所番".into(),
                line: 3,
            },
            NoticeProblem::OcrReadsDisagree {
                field: NoticeField::TemporaryPassword,
                reads: 5,
                agreeing: 3,
                positions: vec![1, 8],
            },
            NoticeProblem::OcrKindUnconfirmed,
            NoticeProblem::OcrLabelInferred {
                field: NoticeField::UserId,
                kind: Some(NoticeKind::Test),
                read: "テス ト TJD".into(),
                line: 8,
                after: NoticeField::FacilityName,
                before: NoticeField::TemporaryPassword,
            },
            NoticeProblem::OcrPostalCodeInvalid {
                read: "5893-5742".into(),
                error: PostalCode::parse("5893-5742").unwrap_err(),
            },
            NoticeProblem::OcrRereadsInvalid {
                reason: RereadsReason::NotOcr,
            },
            NoticeProblem::OcrPageReadInvalid {
                field: NoticeField::FacilityNumber,
            },
            NoticeProblem::OcrDateInvalid {
                read: "令和7年19月16日".into(),
                error: crate::wareki::parse_date("令和7年19月16日").unwrap_err(),
            },
            NoticeProblem::TsvInvalid {
                line: 1,
                reason: TsvReason::NoSize,
            },
        ];
        assert_eq!(
            all.len(),
            <NoticeProblem as crate::diagnostic::Declared>::CODES.len()
        );
        for p in all {
            assert!(crate::all_codes().iter().any(|c| c.code == p.code()));
            assert!(!p.message(Lang::Ja).is_empty() && !p.message(Lang::En).is_empty());
        }
    }

    fn codes(n: &RegistrationNotice) -> Vec<&'static str> {
        n.findings().iter().map(|f| f.code()).collect()
    }

    #[test]
    fn labelled_date_lines() {
        for (line, want) in [
            ("通知日：令和元年6月3日", "2019-06-03"),
            ("日付 令和元年6月3日", "2019-06-03"),
            ("発行日 R1.6.3", "2019-06-03"),
            ("令和元年6月3日", "2019-06-03"),
        ] {
            let t = format!(
                "{line}\n事業所番号 1312345678\nID P1\n(仮)パスワード a1\n証明書発行用パスワード b2"
            );
            let n = RegistrationNotice::parse(&t).unwrap();
            assert_eq!(n.date.unwrap().to_string(), want, "{line}");
        }
        // A label that is a sentence is no date label.
        let t = "本日付けで登録しました令和元年6月3日\n事業所番号 1312345678\nID P1\n(仮)パスワード a1\n証明書発行用パスワード b2";
        assert_eq!(RegistrationNotice::parse(t).unwrap().date, None);
    }

    const OCR_ROWS: &str = "電子請求登録結果に関するお知らせ\n令和 元年 6月 3日\n東京都国民健康保険団体連合会\n\
        | 事業所番号 | 13l2345678 |\n| 住所 | 〒100-0001 東京都千代田区千代田1-1 |\n| 事業所名 | はぐ |\n\
        | テストTD | T13l2345 |\n| (伯)パスワード |(Kari0123 |\n| 症明書発行用パスワード . Cert4567 |\n| 備考 | |\n";

    #[test]
    fn ocr_text_with_damage() {
        let n = RegistrationNotice::parse_ocr(OCR_ROWS).unwrap();
        assert_eq!(n.kind, NoticeKind::Test);
        assert_eq!(n.facility_number.as_str(), "1312345678");
        assert_eq!(n.user_id.as_str(), "T13l2345");
        assert_eq!(n.temporary_password.expose(), "Kari0123");
        assert_eq!(n.certificate_password.expose(), "Cert4567");
        assert_eq!(n.address.as_deref(), Some("東京都千代田区千代田1-1"));
        let codes = codes(&n);
        for c in [
            "notice.ocr_corrected",
            "notice.ocr_confusable",
            "notice.ocr_mark_removed",
        ] {
            assert!(codes.contains(&c), "{c} not in {codes:?}");
        }
        // The ID's l is reported at its position, with its look-alikes.
        let id = n
            .findings()
            .into_iter()
            .find(|f| {
                matches!(
                    f,
                    NoticeProblem::OcrConfusable {
                        field: NoticeField::UserId,
                        ..
                    }
                )
            })
            .unwrap();
        assert!(
            id.message(Lang::Ja).contains("4文字目「l」"),
            "{}",
            id.message(Lang::Ja)
        );
        assert!(id.message(Lang::En).contains("character 4 \"l\""));
        let p = n.ocr.as_ref().unwrap();
        let uid = p
            .fields
            .iter()
            .find(|f| f.field == NoticeField::UserId)
            .unwrap();
        assert_eq!((uid.label_read.as_str(), uid.label_edits), ("テストTD", 1));
        // Typed parsing stays strict: the damaged labels are not fields there.
        assert!(RegistrationNotice::parse(OCR_ROWS).is_err());
        assert!(
            RegistrationNotice::parse(TEST_NOTICE)
                .unwrap()
                .ocr
                .is_none()
        );
    }

    #[test]
    fn ocr_ambiguous_label_is_never_used() {
        let t = "事業所番 1312345678\nID P1\n(仮)パスワード a1\n証明書発行用パスワード b2";
        let e = RegistrationNotice::parse_ocr(t).unwrap_err();
        let codes = e.codes();
        assert!(codes.contains(&"notice.missing_field"), "{codes:?}");
        assert!(codes.contains(&"notice.ocr_label_ambiguous"), "{codes:?}");
    }

    #[test]
    fn ocr_columns_paired_or_refused() {
        let cols = "事業所番号\n住所\n事業所名\nテストID\n(仮)パスワード\n証明書発行用パスワード\n備考\n\
            1312345678\n〒100-0001 東京都千代田区千代田1-1\nはぐ\nT1312345\nKari0123\nCert4567\n\
            ・ID、仮パスワード及び証明書発行用パスワードは、他に漏洩しないよう十分な管理を行ってください\n";
        let n = RegistrationNotice::parse_ocr(cols).unwrap();
        assert_eq!(n.user_id.as_str(), "T1312345");
        assert_eq!(n.facility_name.as_deref(), Some("はぐ"));
        assert_eq!(n.certificate_password.expose(), "Cert4567");
        assert!(codes(&n).contains(&"notice.ocr_column_layout"));
        // A value lost: the counts no longer match, nothing is guessed.
        let lost = cols.replace("はぐ\n", "");
        let e = RegistrationNotice::parse_ocr(&lost).unwrap_err();
        assert!(
            e.codes().contains(&"notice.ocr_columns_unpaired"),
            "{:?}",
            e.codes()
        );
        // A value of the wrong shape (the number is not 10 digits): refused.
        let bad = cols.replace("1312345678\n", "放課後\n");
        let e = RegistrationNotice::parse_ocr(&bad).unwrap_err();
        assert!(
            e.codes().contains(&"notice.ocr_columns_unpaired"),
            "{:?}",
            e.codes()
        );
    }

    #[test]
    fn ocr_findings_quote_at_most_a_little_of_what_was_read() {
        use crate::diagnostic::{Diagnostic, Lang};
        // A label or postal code read as a whole line of noise was quoted in full (5,000
        // characters); a password row's label as read (it may hold the password's first
        // symbols) was quoted at all.
        let noise = "#@".repeat(2500);
        let problems = [
            NoticeProblem::OcrLabelAmbiguous {
                read: noise.clone(),
                line: 3,
            },
            NoticeProblem::OcrPostalCodeInvalid {
                read: noise.clone(),
                error: PostalCodeError::Invalid {
                    input: noise.clone(),
                },
            },
            NoticeProblem::OcrLabelInferred {
                field: NoticeField::FacilityName,
                kind: None,
                read: noise.clone(),
                line: 4,
                after: NoticeField::Address,
                before: NoticeField::UserId,
            },
        ];
        for p in &problems {
            for lang in [Lang::Ja, Lang::En] {
                let m = p.message(lang);
                assert!(
                    m.contains(&ocr::shown(&noise)) && m.chars().count() < 300,
                    "{m}"
                );
            }
        }
        let pw = NoticeProblem::OcrLabelInferred {
            field: NoticeField::TemporaryPassword,
            kind: None,
            read: "#$%".into(),
            line: 6,
            after: NoticeField::UserId,
            before: NoticeField::CertificatePassword,
        };
        for lang in [Lang::Ja, Lang::En] {
            assert!(!pw.message(lang).contains("#$%"), "{}", pw.message(lang));
        }
    }

    #[test]
    fn ocr_findings_never_name_a_password_character() {
        use crate::diagnostic::{Diagnostic, Lang};
        // Two passwords that differ only in look-alike glyphs and leading marks: every
        // finding about them must read the same (positions only), while the ID's
        // findings name the glyph read.
        let read = |pw: &str| {
            let t = format!(
                "事業所番号 1312345678\nテストID T1312345\n(仮)パスワード {pw}\n証明書発行用パスワード Cert4567"
            );
            let n = RegistrationNotice::parse_ocr(&t).unwrap();
            let mut msgs = Vec::new();
            for f in &n.ocr.as_ref().unwrap().findings {
                if let NoticeProblem::OcrConfusable { field, .. }
                | NoticeProblem::OcrMarkRemoved { field, .. } = f
                    && *field == NoticeField::TemporaryPassword
                {
                    msgs.push((f.code(), f.message(Lang::Ja), f.message(Lang::En)));
                }
            }
            msgs
        };
        let a = read("(Kari0l2S");
        let b = read("[KariOI2 5".replace(' ', "").as_str());
        let codes: Vec<_> = a.iter().map(|m| m.0).collect();
        assert!(codes.contains(&"notice.ocr_confusable"), "{a:?}");
        assert!(codes.contains(&"notice.ocr_mark_removed"), "{a:?}");
        assert_eq!(a, b);
        assert!(a.iter().any(|m| m.1.contains("5・6・7・8文字目")), "{a:?}");
        // The ID is not a secret: its glyph is named.
        let t = "事業所番号 1312345678\nテストID T13l2345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567";
        let n = RegistrationNotice::parse_ocr(t).unwrap();
        assert!(n.ocr.unwrap().findings.iter().any(|f| matches!(
            f,
            NoticeProblem::OcrConfusable {
                field: NoticeField::UserId,
                ..
            }
        ) && f.message(Lang::Ja).contains("「l」")));
    }

    #[test]
    fn ocr_never_silently_changes_a_password() {
        // A password that starts with a symbol the portal issues: kept on typed
        // text; on OCR text the mark is removed AND reported.
        let t = "事業所番号 1312345678\nID P1\n(仮)パスワード (abc1234x\n証明書発行用パスワード b2";
        assert_eq!(
            RegistrationNotice::parse(t)
                .unwrap()
                .temporary_password
                .expose(),
            "(abc1234x"
        );
        let n = RegistrationNotice::parse_ocr(t).unwrap();
        assert_eq!(n.temporary_password.expose(), "abc1234x");
        assert!(n.findings().iter().any(|f| matches!(
            f,
            NoticeProblem::OcrMarkRemoved { field: NoticeField::TemporaryPassword, marks } if marks == &vec!['(']
        )));
    }

    fn tsv_of(rows: &[(&str, i64, &str)]) -> String {
        // (label, label's left edge, value): one table row each, 50 px apart.
        let mut tsv = String::from(
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n",
        );
        for (i, (label, left, value)) in rows.iter().enumerate() {
            let top = 100 + 50 * i;
            let w = 40 * label.chars().count();
            tsv += &format!("5\t1\t1\t1\t{i}\t1\t{left}\t{top}\t{w}\t40\t95\t{label}\n");
            tsv += &format!("5\t1\t2\t1\t{i}\t1\t600\t{top}\t200\t30\t95\t{value}\n");
        }
        tsv
    }

    /// One extra TSV word on row `i` of [`tsv_of`] (same top).
    fn word(i: usize, left: i64, width: i64, text: &str) -> String {
        let top = 100 + 50 * i;
        format!("5\t1\t3\t1\t{i}\t9\t{left}\t{top}\t{width}\t30\t95\t{text}\n")
    }

    fn inferred(n: &RegistrationNotice) -> Vec<NoticeProblem> {
        n.findings()
            .into_iter()
            .filter(|f| matches!(f, NoticeProblem::OcrLabelInferred { .. }))
            .collect()
    }

    /// Second reads that read nothing are no evidence: two empty reads of the
    /// password's cell replaced the page's `Kari0123` with an empty password.
    #[test]
    fn empty_second_reads_never_replace_a_value() {
        let tsv = tsv_of(&[
            ("事業所番号", 100, "1312345678"),
            ("テストID", 100, "T3637691"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        let empty = vec![String::new(), String::new(), " ".into()];
        let n = RegistrationNotice::parse_ocr_tsv_with_rereads(
            &tsv,
            &[
                (NoticeField::TemporaryPassword, empty.clone()),
                (NoticeField::CertificatePassword, empty),
            ],
        )
        .unwrap();
        assert_eq!(n.temporary_password.expose(), "Kari0123");
        assert_eq!(n.certificate_password.expose(), "Cert4567");
        let json = r#"{"kind":"test","facility_number":"1312345678","user_id":"T1","temporary_password":"","certificate_password":"Cert4567"}"#;
        assert!(RegistrationNotice::from_json(json).is_err());
    }

    #[test]
    fn unreadable_label_is_taken_from_the_table_order() {
        // The label テストID read `テス ト TJD` (two edits: no label) between 事業所名 and (仮)パスワード.
        let rows = |id_label: &'static str, extra: &[(i64, i64, &str)]| {
            let mut tsv = tsv_of(&[
                ("事業所番号", 100, "1312345678"),
                ("事業所名", 100, "はぐ"),
                (id_label, 100, "T3637691"),
                ("(仮)パスワード", 100, "Kari0123"),
                ("証明書発行用パスワード", 100, "Cert4567"),
            ]);
            for (left, width, text) in extra {
                tsv += &word(2, *left, *width, text);
            }
            tsv
        };
        let tsv = rows("テス", &[(190, 40, "ト"), (240, 90, "TJD")]);
        let n = RegistrationNotice::parse_ocr_tsv(&tsv).unwrap();
        assert_eq!(n.kind, NoticeKind::Test);
        assert_eq!(n.user_id.as_str(), "T3637691");
        assert_eq!(
            inferred(&n),
            [NoticeProblem::OcrLabelInferred {
                field: NoticeField::UserId,
                kind: Some(NoticeKind::Test),
                read: "テス ト TJD".into(),
                line: 3,
                after: NoticeField::FacilityName,
                before: NoticeField::TemporaryPassword,
            }]
        );
        let f = &inferred(&n)[0];
        assert!(
            f.message(Lang::Ja).contains("テス ト TJD") && f.message(Lang::Ja).contains("テストID")
        );
        assert!(
            f.message(Lang::En)
                .contains("between the facility name and the temporary password")
        );
        assert!(
            f.message(Lang::En)
                .contains("taken as the ID (テストID or ID), labelled テストID")
        );
        let src = n
            .ocr
            .as_ref()
            .unwrap()
            .fields
            .iter()
            .find(|f| f.field == NoticeField::UserId)
            .unwrap();
        assert_eq!(src.value_box.map(|b| b.left), Some(600));
        assert!(!codes(&n).contains(&"notice.ocr_kind_unconfirmed"));
        // Without テスト in what was read: production, and never confirmed.
        let n = RegistrationNotice::parse_ocr_tsv(&rows("TJD", &[])).unwrap();
        assert_eq!(n.kind, NoticeKind::Production);
        assert!(codes(&n).contains(&"notice.ocr_kind_unconfirmed"));
        assert!(matches!(
            &inferred(&n)[..],
            [NoticeProblem::OcrLabelInferred {
                kind: Some(NoticeKind::Production),
                ..
            }]
        ));
        // OCR text: a one-word value split off the row's end.
        let text = "事業所番号 1312345678\n事業所名 はぐ\nテス ト TJD T3637691\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567";
        let n = RegistrationNotice::parse_ocr(text).unwrap();
        assert_eq!((n.kind, n.user_id.as_str()), (NoticeKind::Test, "T3637691"));
        // Typed text is what the user typed: no inference.
        let err = RegistrationNotice::parse(text).unwrap_err();
        assert!(err.iter().any(|p| p.code() == "notice.missing_field"));
        // A password row: the label as read is quoted in the finding, so it must hold no
        // letter or digit that could be part of the password (`Kari 0123` split by OCR).
        let pw = "事業所番号 1312345678\nテストID T1\n(伯) バス ワ一 ト Kari 0123\n証明書発行用パスワード Cert4567";
        assert!(RegistrationNotice::parse_ocr(pw).is_err());
        let pw = "事業所番号 1312345678\nテストID T1\n(伯) バス ワ一 ト Kari0123\n証明書発行用パスワード Cert4567";
        let n = RegistrationNotice::parse_ocr(pw).unwrap();
        assert_eq!(n.temporary_password.expose(), "Kari0123");
        assert!(matches!(
            &inferred(&n)[..],
            [NoticeProblem::OcrLabelInferred {
                field: NoticeField::TemporaryPassword,
                ..
            }]
        ));
        // Two unreadable rows between the neighbours: which one? Nothing is inferred.
        let two = tsv_of(&[
            ("事業所番号", 100, "1312345678"),
            ("事業所名", 100, "はぐ"),
            ("XYZ", 100, "ABC123"),
            ("TJD", 100, "T3637691"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        let err = RegistrationNotice::parse_ocr_tsv(&two).unwrap_err();
        assert!(err.iter().any(|p| p.code() == "notice.missing_field"));
        // A value without the field's shape, or no text in the label column: nothing.
        let bad =
            RegistrationNotice::parse_ocr_tsv(&tsv.replace("T3637691", "東京都")).unwrap_err();
        assert!(bad.iter().any(|p| p.code() == "notice.missing_field"));
        // The neighbours' order is the table's: a row between 事業所番号 and 事業所名 is the 住所.
        let mut tsv = tsv_of(&[
            ("事業所番号", 100, "1312345678"),
            ("仕前", 100, "東京都千代田区"),
            ("事業所名", 100, "はぐ"),
            ("テストID", 100, "T3637691"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        tsv += "";
        let n = RegistrationNotice::parse_ocr_tsv(&tsv).unwrap();
        assert_eq!(n.address.as_deref(), Some("東京都千代田区"));
        assert!(matches!(
            &inferred(&n)[..],
            [NoticeProblem::OcrLabelInferred {
                field: NoticeField::Address,
                kind: None,
                ..
            }]
        ));
    }

    #[test]
    fn invalid_ocr_postal_code_waits_for_the_second_pass() {
        // 〒 and the postal code as their own words, then the address; the page read an extra digit.
        let mut tsv = tsv_of(&[
            ("事業所番号", 100, "1312345678"),
            ("住所", 100, "〒"),
            ("テストID", 100, "T1312345"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        tsv += &word(1, 640, 150, "5893-5742");
        tsv += &word(1, 820, 400, "東京都千代田区千代田1-1");
        let n = RegistrationNotice::parse_ocr_tsv(&tsv).unwrap();
        assert_eq!(n.postal_code, None);
        assert_eq!(n.address.as_deref(), Some("東京都千代田区千代田1-1"));
        let bad: Vec<_> = n
            .findings()
            .into_iter()
            .filter(|f| f.code() == "notice.ocr_postal_code_invalid")
            .collect();
        assert_eq!(bad.len(), 1);
        assert!(
            bad[0].message(Lang::En).contains("postal code")
                && bad[0].message(Lang::Ja).contains("5893-5742")
        );
        // Each part of the row has its own box; the 〒 mark is in neither.
        let boxes: Vec<_> = n
            .ocr
            .as_ref()
            .unwrap()
            .fields
            .iter()
            .filter(|f| matches!(f.field, NoticeField::PostalCode | NoticeField::Address))
            .map(|f| (f.field, f.value_box.map(|b| (b.left, b.width))))
            .collect();
        assert_eq!(
            boxes,
            [
                (NoticeField::PostalCode, Some((640, 150))),
                (NoticeField::Address, Some((820, 400)))
            ]
        );
        // The second reads' valid plurality replaces it, and says that the reads disagreed.
        let m = n
            .with_ocr_rereads(&[(
                NoticeField::PostalCode,
                vec!["589-5742".into(), "5895742".into()],
            )])
            .unwrap();
        assert_eq!(
            m.postal_code.map(|p| p.to_string()).as_deref(),
            Some("589-5742")
        );
        assert!(!codes(&m).contains(&"notice.ocr_postal_code_invalid"));
        assert!(
            disagreements(&m)
                .iter()
                .any(|d| (d.0, d.1, d.2) == (NoticeField::PostalCode, 3, 2))
        );
        // No valid plurality: still empty, still said.
        let m = n
            .with_ocr_rereads(&[(
                NoticeField::PostalCode,
                vec!["5893-5742".into(), "58-9".into()],
            )])
            .unwrap();
        assert_eq!(m.postal_code, None);
        assert!(codes(&m).contains(&"notice.ocr_postal_code_invalid"));
        // One word `〒5893-5742` whose box Tesseract stretched over the address: the
        // postal code's box ends where the address begins, without the mark (0.85 of
        // its estimated advance: 11 half-width units over the box clipped to 219 px).
        let mut one = tsv_of(&[
            ("事業所番号", 100, "1312345678"),
            ("住所", 100, "〒5893-5742"),
            ("テストID", 100, "T1312345"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        one = one.replace("\t600\t150\t200\t30\t95\t〒", "\t600\t150\t800\t30\t95\t〒");
        one += &word(1, 820, 400, "東京都千代田区千代田1-1");
        let n = RegistrationNotice::parse_ocr_tsv(&one).unwrap();
        let postal = n
            .ocr
            .as_ref()
            .unwrap()
            .fields
            .iter()
            .find(|f| f.field == NoticeField::PostalCode)
            .unwrap();
        assert_eq!(
            postal.value_box.map(|b| (b.left, b.left + b.width)),
            Some((633, 819))
        );
        // A valid page read that the second reads correct (0 read as 9 by the page).
        let ok = tsv.replace("5893-5742", "747-9599");
        let n = RegistrationNotice::parse_ocr_tsv(&ok).unwrap();
        assert_eq!(
            n.postal_code.map(|p| p.to_string()).as_deref(),
            Some("747-9599")
        );
        let m = n
            .with_ocr_rereads(&[(
                NoticeField::PostalCode,
                vec!["747-0590".into(), "747-0590".into()],
            )])
            .unwrap();
        assert_eq!(
            m.postal_code.map(|p| p.to_string()).as_deref(),
            Some("747-0590")
        );
        assert!(codes(&m).contains(&"notice.ocr_reads_disagree"));
        // A letter read for a digit is a postal code read wrong, not part of the address.
        let n = RegistrationNotice::parse_ocr_tsv(&tsv.replace("5893-5742", "S89-5742")).unwrap();
        assert_eq!(n.postal_code, None);
        assert_eq!(n.address.as_deref(), Some("東京都千代田区千代田1-1"));
        assert!(n.findings().iter().any(|f| matches!(
            f,
            NoticeProblem::OcrPostalCodeInvalid { read, .. } if read == "S89-5742"
        )));
        // Typed text is refused as before.
        let typed = "事業所番号 1312345678\n住所 〒5893-5742 東京都\nテストID T1\n(仮)パスワード a1\n証明書発行用パスワード b2";
        let err = RegistrationNotice::parse(typed).unwrap_err();
        assert!(err.iter().any(|p| p.code() == "postal_code.invalid"));
        assert!(RegistrationNotice::parse_ocr(typed).is_ok());
    }

    #[test]
    fn free_text_reads_vote_per_character() {
        let page = "事業所番号 1312345678\n住所 〒100-0001 東京都千代田区千代田1-}\n事業所名 就労継続支援P玉 あおぞら作業所\nテストID T1\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567";
        let n = RegistrationNotice::parse_ocr(page).unwrap();
        let m = n
            .with_ocr_rereads(&[
                (
                    NoticeField::FacilityName,
                    vec![
                        "就労継続支援B型あおぞら作業所".into(),
                        "就労練援5型あおぞら作業所".into(),
                        "弥労継続支援B型あおぞら作業所".into(),
                        "統労続支援B型あおぞら作業所".into(),
                    ],
                ),
                (
                    NoticeField::Address,
                    vec![
                        "東京都千代田区千代田1-1".into(),
                        "東京都千代田区千代田1-1".into(),
                        "東京都千代囲区千代田1-l".into(),
                    ],
                ),
            ])
            .unwrap();
        // No two whole reads agree, but every character has a majority; the page's space stays.
        assert_eq!(
            m.facility_name.as_deref(),
            Some("就労継続支援B型 あおぞら作業所")
        );
        assert_eq!(m.address.as_deref(), Some("東京都千代田区千代田1-1"));
        let disagree = disagreements(&m);
        assert_eq!(
            disagree,
            [
                (NoticeField::FacilityName, 5, 1, vec![1, 3, 4, 5, 7, 8]),
                (NoticeField::Address, 4, 2, vec![6, 13]),
            ]
        );
        // No majority at a position: the page's character stays, and it is said.
        let m = n
            .with_ocr_rereads(&[(
                NoticeField::FacilityName,
                vec!["就労継続支援B型あおぞら作業所".into()],
            )])
            .unwrap();
        assert_eq!(
            m.facility_name.as_deref(),
            Some("就労継続支援P玉 あおぞら作業所")
        );
        assert!(m.findings().iter().any(|f| matches!(
            f,
            NoticeProblem::OcrReadsDisagree { field: NoticeField::FacilityName, positions, .. } if positions == &vec![7, 8]
        )));
        // Bad input: a coded error, never a panic (position only: a read may be a password).
        let long = "x".repeat(MAX_REREAD_CHARS + 1);
        let err = n
            .with_ocr_rereads(&[(NoticeField::TemporaryPassword, vec![long])])
            .unwrap_err();
        assert_eq!(
            err.iter().next().unwrap().code(),
            "notice.ocr_rereads_invalid"
        );
        assert!(
            !err.iter()
                .next()
                .unwrap()
                .message(Lang::En)
                .contains("xxxx")
        );
        let many = vec!["Kari0123".to_owned(); MAX_REREADS + 1];
        assert!(
            n.with_ocr_rereads(&[(NoticeField::TemporaryPassword, many)])
                .is_err()
        );
        assert!(
            n.with_ocr_rereads(&[(NoticeField::Remarks, vec!["x".into()])])
                .is_err()
        );
    }

    #[test]
    fn production_label_is_confirmed_by_the_table_layout() {
        let rows = |id_label: &'static str, id_left: i64| {
            tsv_of(&[
                ("事業所番号", 100, "1312345678"),
                (id_label, id_left, "P1312345"),
                ("(仮)パスワード", 100, "Kari0123"),
                ("証明書発行用パスワード", 100, "Cert4567"),
            ])
        };
        // ID where the labels start: confirmed.
        let n = RegistrationNotice::parse_ocr_tsv(&rows("ID", 100)).unwrap();
        assert_eq!(n.kind, NoticeKind::Production);
        assert!(!codes(&n).contains(&"notice.ocr_kind_unconfirmed"));
        // ID three characters to the right (テスト lost): a finding.
        let n = RegistrationNotice::parse_ocr_tsv(&rows("ID", 220)).unwrap();
        assert_eq!(n.kind, NoticeKind::Production);
        assert!(codes(&n).contains(&"notice.ocr_kind_unconfirmed"));
        // A test notice is never in doubt.
        let n = RegistrationNotice::parse_ocr_tsv(&rows("テストID", 100)).unwrap();
        assert!(!codes(&n).contains(&"notice.ocr_kind_unconfirmed"));
        // OCR text has no layout: a production label is never confirmed.
        let n = RegistrationNotice::parse_ocr(
            "事業所番号 1312345678\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567",
        )
        .unwrap();
        assert!(codes(&n).contains(&"notice.ocr_kind_unconfirmed"));
        // Typed text is what the user typed: no OCR finding.
        let n = RegistrationNotice::parse(
            "事業所番号 1312345678\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567",
        )
        .unwrap();
        assert!(!codes(&n).iter().any(|c| c.starts_with("notice.ocr_")));
    }

    #[test]
    fn second_reads_vote_and_never_pick_silently() {
        let tsv = tsv_of(&[
            ("事業所番号", 100, "1392345678"),
            ("テストID", 100, "T1312345"),
            ("(仮)パスワード", 100, "(7c5mG3p"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        let n = RegistrationNotice::parse_ocr_tsv(&tsv).unwrap();
        assert_eq!(n.temporary_password.expose(), "7c5mG3p");
        // The value boxes include the mark removed before the value (it may be a glyph).
        let prov = n.ocr.as_ref().unwrap();
        let pw = prov
            .fields
            .iter()
            .find(|f| f.field == NoticeField::TemporaryPassword)
            .unwrap();
        assert_eq!(
            pw.value_box,
            Some(ocr::WordBox {
                left: 600,
                top: 200,
                width: 200,
                height: 30
            })
        );
        let m = n
            .with_ocr_rereads(&[
                (
                    NoticeField::FacilityNumber,
                    vec!["1302345678".into(), "1302345678".into()],
                ),
                (
                    NoticeField::TemporaryPassword,
                    vec!["l7c5mG3p".into(), "l7c5mG3p".into(), "I7c5mG3p".into()],
                ),
                // Unanimous with the page: nothing to say.
                (NoticeField::CertificatePassword, vec!["Cert4567".into()]),
                // A read without the field's shape votes for nothing; spaces are dropped; a tie keeps the page.
                (
                    NoticeField::UserId,
                    vec!["T13 12345".into(), "ＴＩ３".into(), "".into()],
                ),
            ])
            .unwrap();
        assert_eq!(m.facility_number.as_str(), "1302345678");
        assert_eq!(m.temporary_password.expose(), "l7c5mG3p");
        assert_eq!(m.certificate_password.expose(), "Cert4567");
        let found = disagreements(&m);
        assert_eq!(
            found,
            [
                (NoticeField::FacilityNumber, 3, 2, vec![3]),
                (NoticeField::UserId, 4, 2, vec![]),
                (NoticeField::TemporaryPassword, 4, 2, vec![1]),
            ]
        );
        // The look-alike finding is redone for the new value (l at 1).
        assert!(m.findings().iter().any(|f| matches!(f,
            NoticeProblem::OcrConfusable { field: NoticeField::TemporaryPassword, glyphs }
                if glyphs.iter().any(|(p, c)| *p == 1 && c.glyph == "l"))));
        // The facility name: compared without spaces; the read kept keeps its own spaces.
        let named = RegistrationNotice::parse_ocr(
            "事業所番号 1312345678\n事業所名 放課後等だデイサービス はぐ\nテストID T1\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567",
        )
        .unwrap()
        .with_ocr_rereads(&[(
            NoticeField::FacilityName,
            vec!["放課後等デイサービス はぐ".into(), "放課後等デイサービスはぐ".into()],
        )])
        .unwrap();
        assert_eq!(
            named.facility_name.as_deref(),
            Some("放課後等デイサービス はぐ")
        );
        assert!(
            disagreements(&named)
                .iter()
                .any(|d| (d.0, d.1, d.2) == (NoticeField::FacilityName, 3, 2))
        );
        // A tie keeps the page's value (and says so).
        let t = n
            .with_ocr_rereads(&[(
                NoticeField::CertificatePassword,
                vec!["Cert4567".into(), "CertA567".into()],
            )])
            .unwrap();
        assert_eq!(t.certificate_password.expose(), "Cert4567");
        // Misuse is a coded error.
        let typed = RegistrationNotice::parse(
            "事業所番号 1312345678\nID P1\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567",
        )
        .unwrap();
        let e = typed.with_ocr_rereads(&[]).unwrap_err();
        assert_eq!(
            e.iter().next().unwrap().code(),
            "notice.ocr_rereads_invalid"
        );
        let e = n
            .with_ocr_rereads(&[(NoticeField::Federation, vec!["x".into()])])
            .unwrap_err();
        assert_eq!(
            e.iter().next().unwrap().code(),
            "notice.ocr_rereads_invalid"
        );
    }

    #[test]
    fn a_damaged_value_on_its_labels_row_gets_its_cell_read_again() {
        // Held-out corpus letters: an 11-digit 事業所番号 and a password ending in `」`
        // were not paired with their labels (not the field's shape), so their cells were
        // never read again and the letter was refused as if the rows were missing.
        let tsv = tsv_of(&[
            ("事業所番号", 100, "40959928356"),
            ("テストID", 100, "T5323346"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "EUmnWz6」"),
        ]);
        let layout = RegistrationNotice::ocr_layout_tsv(&tsv).unwrap();
        let fields: Vec<_> = layout.fields.iter().map(|f| f.field).collect();
        assert_eq!(
            fields,
            [
                NoticeField::FacilityNumber,
                NoticeField::UserId,
                NoticeField::TemporaryPassword,
                NoticeField::CertificatePassword
            ]
        );
        assert!(layout.fields.iter().all(|f| f.value_box.is_some()));
        // Without second reads the letter is refused for the damaged values, not for
        // missing rows, and the password is not quoted.
        let refused = RegistrationNotice::parse_ocr_tsv(&tsv).unwrap_err();
        let codes: Vec<&str> = refused.iter().map(|p| p.code()).collect();
        assert!(!codes.contains(&"notice.missing_field"), "{codes:?}");
        for p in refused.iter() {
            for lang in [Lang::En, Lang::Ja] {
                assert!(!p.message(lang).contains("EUmnWz"), "{}", p.message(lang));
            }
        }
        // With two agreeing second reads each is taken from its cell.
        let n = RegistrationNotice::parse_ocr_tsv_with_rereads(
            &tsv,
            &[
                (
                    NoticeField::FacilityNumber,
                    vec!["4059928356".into(), "4059928356".into()],
                ),
                (
                    NoticeField::CertificatePassword,
                    vec!["EUmnWz0j".into(), "EUmnWz09j".into(), "EUmnWz0j".into()],
                ),
            ],
        )
        .unwrap();
        assert_eq!(n.facility_number.as_str(), "4059928356");
        assert_eq!(n.certificate_password.expose(), "EUmnWz0j");
        let replaced = n
            .findings()
            .into_iter()
            .filter(|f| matches!(f, NoticeProblem::OcrPageReadInvalid { .. }))
            .count();
        assert_eq!(replaced, 2);
        // A sentence after a label word is still no label line.
        assert!(!near_shape(
            Target::Field(NoticeField::CertificatePassword),
            "は証明書発行申請の 際に必要"
        ));
        assert!(!near_shape(
            Target::Field(NoticeField::FacilityNumber),
            "は別紙のとおり"
        ));
        assert!(near_shape(
            Target::Field(NoticeField::FacilityNumber),
            "4O95992835"
        ));
        assert!(!near_shape(
            Target::Field(NoticeField::FacilityNumber),
            "40959928356789"
        ));
        assert!(!near_shape(Target::Id(NoticeKind::Test), "」」」"));
    }

    /// The kind of fault behind a refused letter on a held-out corpus seed: the
    /// page's read of a validated key field (a `0` read as `9` in Hokkaido's
    /// prefecture code `01`) refused the letter before its
    /// cell was read again.
    #[test]
    fn invalid_page_reads_of_key_fields_are_taken_from_their_cells() {
        let tsv = tsv_of(&[
            ("事業所番号", 100, "9135127436"),
            ("テストID", 100, "T5323346"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        let refused: Vec<&str> = RegistrationNotice::parse_ocr_tsv(&tsv)
            .unwrap_err()
            .iter()
            .map(|p| p.code())
            .collect();
        assert!(
            refused.contains(&"facility.unknown_prefecture"),
            "{refused:?}"
        );
        // The layout still gives every value's cell.
        let layout = RegistrationNotice::ocr_layout_tsv(&tsv).unwrap();
        let fields: Vec<_> = layout.fields.iter().map(|f| f.field).collect();
        assert_eq!(
            fields,
            [
                NoticeField::FacilityNumber,
                NoticeField::UserId,
                NoticeField::TemporaryPassword,
                NoticeField::CertificatePassword
            ]
        );
        assert!(layout.fields.iter().all(|f| f.value_box.is_some()));
        assert!(layout.findings.is_empty());
        let rereads = |f: &[&str], id: &[&str]| {
            vec![
                (
                    NoticeField::FacilityNumber,
                    f.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                ),
                (
                    NoticeField::UserId,
                    id.iter().map(|s| s.to_string()).collect(),
                ),
            ]
        };
        let n = RegistrationNotice::parse_ocr_tsv_with_rereads(
            &tsv,
            &rereads(
                &["0135127436", "0135127436"],
                &["T5323346", "T5323346", "T5323348"],
            ),
        )
        .unwrap();
        assert_eq!(n.facility_number.as_str(), "0135127436");
        assert_eq!(n.user_id.as_str(), "T5323346");
        let replaced: Vec<_> = n
            .findings()
            .into_iter()
            .filter_map(|f| match f {
                NoticeProblem::OcrPageReadInvalid { field } => Some(field),
                _ => None,
            })
            .collect();
        // The ID was valid on the page: voted as by with_ocr_rereads (3 of 4 agree).
        assert_eq!(replaced, [NoticeField::FacilityNumber]);
        // The page's read voted for nothing: 2 of 3 reads agree.
        let d = disagreements(&n);
        assert!(
            d.iter()
                .any(|d| (d.0, d.1, d.2) == (NoticeField::FacilityNumber, 3, 2)),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|d| (d.0, d.1, d.2) == (NoticeField::UserId, 4, 3)),
            "{d:?}"
        );
        // Without a valid plurality the letter is refused as before.
        for bad in [
            rereads(&["0135127436", "0235127436"], &["T5323346"]),
            rereads(&["9135127436", "9135127436"], &["T5323346"]),
            rereads(&[], &["T5323346"]),
        ] {
            let e = RegistrationNotice::parse_ocr_tsv_with_rereads(&tsv, &bad).unwrap_err();
            assert!(e.iter().any(|p| p.code() == "facility.unknown_prefecture"));
        }
        // Valid page reads are voted on as by with_ocr_rereads, with no such finding.
        let good = tsv_of(&[
            ("事業所番号", 100, "0135127436"),
            ("テストID", 100, "T5323346"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        let r = rereads(&["0135127436"], &["T5323346"]);
        let a = RegistrationNotice::parse_ocr_tsv_with_rereads(&good, &r).unwrap();
        let b = RegistrationNotice::parse_ocr_tsv(&good)
            .unwrap()
            .with_ocr_rereads(&r)
            .unwrap();
        assert_eq!(a.findings(), b.findings());
        assert_eq!(a.facility_number, b.facility_number);
        // Rereads it does not take are refused before anything is read.
        let e = RegistrationNotice::parse_ocr_tsv_with_rereads(
            &tsv,
            &[(NoticeField::Date, vec!["令和7年10月16日".into()])],
        )
        .unwrap_err();
        assert_eq!(
            e.iter().next().unwrap().code(),
            "notice.ocr_rereads_invalid"
        );
    }

    #[test]
    fn a_page_read_is_replaced_only_when_build_would_refuse_it_and_two_reads_agree() {
        // A password split over the row after its label: invalid as `build` checks it
        // (a space inside), though its squeezed form is valid.
        let mut tsv = tsv_of(&[
            ("事業所番号", 100, "0135127436"),
            ("テストID", 100, "T5323346"),
        ]);
        tsv += "5\t1\t1\t1\t2\t1\t100\t200\t320\t40\t95\t(仮)パスワード\n";
        tsv += "5\t1\t2\t1\t3\t1\t600\t250\t90\t30\t95\tKari\n5\t1\t2\t1\t3\t2\t760\t250\t90\t30\t95\t0123\n";
        tsv += "5\t1\t1\t1\t4\t1\t100\t300\t440\t40\t95\t証明書発行用パスワード\n";
        tsv += "5\t1\t2\t1\t4\t1\t600\t300\t200\t30\t95\tCert4567\n";
        assert!(RegistrationNotice::parse_ocr_tsv(&tsv).is_err());
        let two = vec![(
            NoticeField::TemporaryPassword,
            vec!["Kari0123".to_string(), "Kari0123".into()],
        )];
        let n = RegistrationNotice::parse_ocr_tsv_with_rereads(&tsv, &two).unwrap();
        assert_eq!(n.temporary_password.expose(), "Kari0123");
        assert!(codes(&n).contains(&"notice.ocr_page_read_invalid"));
        // One read alone is no evidence against the page's: refused as before.
        let one = vec![(NoticeField::TemporaryPassword, vec!["Kari0123".to_string()])];
        assert!(RegistrationNotice::parse_ocr_tsv_with_rereads(&tsv, &one).is_err());
    }

    #[test]
    fn a_label_never_takes_the_first_characters_of_a_password() {
        // `(仮)パスワ K ari0123`: the `K` could be the damaged `ード` or the password's
        // first letter. Before: label `(仮)パスワK`, password `ari0123`, silently.
        let tsv = tsv_of(&[
            ("事業所番号", 100, "1312345678"),
            ("テストID", 100, "T1312345"),
            ("(仮)パスワK", 100, "ari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        let e = RegistrationNotice::parse_ocr_tsv(&tsv).unwrap_err();
        let codes: Vec<&str> = e.iter().map(|p| p.code()).collect();
        assert!(codes.contains(&"notice.ocr_label_ambiguous"), "{codes:?}");
        for p in e.iter() {
            for lang in [Lang::Ja, Lang::En] {
                assert!(!p.message(lang).contains("パスワK"), "{}", p.message(lang));
            }
        }
        let layout = RegistrationNotice::ocr_layout_tsv(&tsv).unwrap();
        assert!(
            layout
                .fields
                .iter()
                .all(|f| f.field != NoticeField::TemporaryPassword && !f.label_read.contains('K'))
        );
        // A label that ends in Latin letters keeps them (`テストID`), and an intact label
        // is still found.
        let ok = tsv_of(&[
            ("事業所番号", 100, "1312345678"),
            ("テストID", 100, "T1312345"),
            ("(仮)パスワード", 100, "Kari0123"),
            ("証明書発行用パスワード", 100, "Cert4567"),
        ]);
        let n = RegistrationNotice::parse_ocr_tsv(&ok).unwrap();
        assert_eq!(n.temporary_password.expose(), "Kari0123");
    }

    #[test]
    fn messages_fit_scans_too() {
        // A blank scan reads as nothing: the advice names the image, not only pasting.
        assert!(NoticeProblem::Empty.message(Lang::En).contains("image"));
        assert!(NoticeProblem::Empty.message(Lang::Ja).contains("画像"));
        // The ID's English name already gives its labels: not twice.
        let m = NoticeProblem::MissingField {
            field: NoticeField::UserId,
        }
        .message(Lang::En);
        assert_eq!(m.matches("テストID").count(), 1, "{m}");
        let m = NoticeProblem::MissingField {
            field: NoticeField::FacilityNumber,
        }
        .message(Lang::En);
        assert!(m.contains("facility number (事業所番号)"), "{m}");
    }

    #[test]
    fn an_impossible_date_read_by_ocr_is_left_empty_and_said() {
        let text = "令和7年19月16日\n事業所番号 1312345678\nテストID T1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567";
        let n = RegistrationNotice::parse_ocr(text).unwrap();
        assert_eq!(n.date, None);
        let f: Vec<_> = n
            .findings()
            .into_iter()
            .filter(|f| f.code() == "notice.ocr_date_invalid")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity(), crate::diagnostic::Severity::Warning);
        assert!(f[0].message(Lang::Ja).contains("令和7年19月16日"));
        assert!(f[0].message(Lang::En).contains("19"));
        // Typed text is still refused.
        let e = RegistrationNotice::parse(text).unwrap_err();
        assert!(e.iter().any(|p| p.code() == "wareki.invalid_month"));
    }
}
