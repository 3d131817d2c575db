//! The 取込送信V2 facility profile (事業所情報保守, guide P20), validated all at once.
//!
//! Before 取込送信V2 can send anything, the facility registers itself in the
//! client's 「新規事業所登録」 screen: 事業所番号, 名称 (カナ and 漢字), 郵便番号,
//! 住所 (カナ and 漢字), 電話番号, FAX番号, 代表者 (氏名カナ, 氏名漢字, 職名),
//! メールアドレス (optional) and パスワード (the client's login password, `0000`
//! until changed — guide P20, P26).
//!
//! [`ProfileInput::validate`] checks every field and reports every problem in
//! one go. What is certain is checked (digits, postal code `NNN-NNNN`, phone
//! shape, kana fields are katakana, e-mail shape); maximum lengths and the
//! required kana width are not published (confidence U in the
//! [domain rules](crate::_documentation::domain)), so full- and
//! half-width katakana are both accepted and no length limit is invented.
//!
//! # Normalisation of what staff type
//!
//! Every field is put in Unicode NFC (a `カ` + U+3099 pasted from macOS becomes
//! `ガ`). The katakana fields are stored full-width (`ﾊﾞ` → `バ`, `ｰ` → `ー`, also
//! mixed `ハッピｰキッズ`); a character that only looks like `ー` — the kanji `一`,
//! an ASCII hyphen or U+2212 minus right after a kana — is refused
//! (`profile.kana_lookalike`, naming the character). Postal codes are read with
//! or without `〒` and hyphen, full- or half-width.
//!
//! # Phone and FAX numbers
//!
//! Digit counts follow the Japanese numbering plan (総務省「電気通信番号制度」,
//! 電気通信番号の種別と構成, <https://www.soumu.go.jp/main_sosiki/joho_tsusin/top/tel_number/>,
//! and its 「電話番号に関するQ&A」): 固定電話番号 `0ABCDEFGHJ` (A and B not 0) is
//! **10 digits**, also when C is 0 (the area codes 0460 箱根, 0470 館山, 0480 久喜,
//! 0550 御殿場; the 2001 Q&A's "A, B, C not 0" predates them, and Google's
//! libphonenumber metadata for JP lists them as fixed lines); 音声伝送携帯電話番号 `070/080/090` + `CDEFGHJK` and 特定IP電話番号
//! `050CDEFGHJK` (C not 0) are **11 digits**; FMC `0600DEFGHJK` is 11; the
//! 付加的役務電話番号 `0AB0DEFGHJ(K)` — `0120` (free dial), `0570` (navi dial),
//! `0170`, `0180`, `0990` — are 10 digits, and `0800` is 11. `020` (M2M data) and
//! prefixes the plan does not assign are refused (`profile.phone_invalid`); a
//! number of the wrong length for its prefix is `profile.phone_wrong_length`,
//! naming the kind and the count expected. Hyphens (any dash; a space or the
//! long-vowel mark `ー` an IME gives for one between digits is stored as one) and
//! brackets around one group of digits (`03(1234)5678`, `(03)1234-5678`) are
//! allowed; unbalanced or empty brackets and a hyphen at either end are not.
//! The international form `+81 3-1234-5678` (`+81(0)3-…`) is stored with the
//! national prefix: `03-1234-5678`.
//!
//! # E-mail
//!
//! Addresses with dots that RFC 5322 forbids in the local part (two in a row, or
//! one at its start or end — `taro..hug.@docomo.ne.jp`, issued by Japanese mobile
//! carriers before 2009 and still in use) are accepted with the warning
//! `profile.email_nonstandard`; other RFC 5322 violations are refused, and so is a
//! domain label that starts or ends with a hyphen, is longer than 63 octets, or an
//! all-digit last label (RFC 5321 4.1.2, RFC 1035 2.3.4, RFC 3696 2). Two forms RFC
//! 5322 and RFC 6531 allow are refused as well, because nothing shows that the
//! portal or 取込送信 take them (not verified): a quoted local part
//! (`"taro hug"@example.jp`) and a domain in other than ASCII (`info@例え.jp`; its
//! `xn--` form is accepted).
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::profile::ProfileInput;
//! use hug_onboard_core::diagnostic::Diagnostic;
//!
//! let input = ProfileInput {
//!     facility_number: "1312345678".into(),
//!     name_kana: "ﾎｳｶｺﾞﾄｳﾃﾞｲｻｰﾋﾞｽ ﾊｸﾞｸﾐ".into(),
//!     name_kanji: "放課後等デイサービス はぐくみ".into(),
//!     postal_code: "１００－０００１".into(),
//!     address_kana: "トウキョウト チヨダク チヨダ".into(),
//!     address_kanji: "東京都千代田区千代田1-1".into(),
//!     phone: "03-1234-5678".into(),
//!     fax: "03-1234-5679".into(),
//!     representative_name_kana: "ヤマダ タロウ".into(),
//!     representative_name_kanji: "山田 太郎".into(),
//!     representative_title: "代表取締役".into(),
//!     email: None,
//!     password: "0000".into(),
//! };
//! let checked = input.validate(None)?;
//! assert_eq!(checked.profile.postal_code.to_string(), "100-0001");
//! // Still the initial password: a warning, not an error.
//! assert_eq!(checked.warnings[0].code(), "profile.password_default");
//! # Ok::<(), hug_onboard_core::diagnostic::Problems<hug_onboard_core::profile::ProfileProblem>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Lang, Problems};
use crate::facility::{FacilityNumber, FacilityNumberError, PostalCode, PostalCodeError};
use crate::secret::Secret;
use crate::text::{self, KanaClass};

/// The initial 取込送信V2 password (guide P20, P26).
pub const DEFAULT_PASSWORD: &str = "0000";

/// A field of the 事業所情報保守 screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    /// 事業所番号.
    FacilityNumber,
    /// 名称 カナ.
    NameKana,
    /// 名称 漢字.
    NameKanji,
    /// 郵便番号.
    PostalCode,
    /// 住所 カナ.
    AddressKana,
    /// 住所 漢字.
    AddressKanji,
    /// 電話番号.
    Phone,
    /// FAX番号.
    Fax,
    /// 代表者 氏名カナ.
    RepresentativeNameKana,
    /// 代表者 氏名漢字.
    RepresentativeNameKanji,
    /// 代表者 職名.
    RepresentativeTitle,
    /// メールアドレス.
    Email,
    /// パスワード.
    Password,
}

impl ProfileField {
    /// The label on the screen.
    ///
    /// ```
    /// use hug_onboard_core::profile::ProfileField;
    /// assert_eq!(ProfileField::RepresentativeNameKana.label(), "代表者 氏名カナ");
    /// ```
    pub fn label(self) -> &'static str {
        use ProfileField as F;
        match self {
            F::FacilityNumber => "事業所番号",
            F::NameKana => "名称 カナ",
            F::NameKanji => "名称 漢字",
            F::PostalCode => "郵便番号",
            F::AddressKana => "住所 カナ",
            F::AddressKanji => "住所 漢字",
            F::Phone => "電話番号",
            F::Fax => "FAX番号",
            F::RepresentativeNameKana => "代表者 氏名カナ",
            F::RepresentativeNameKanji => "代表者 氏名漢字",
            F::RepresentativeTitle => "代表者 職名",
            F::Email => "メールアドレス",
            F::Password => "パスワード",
        }
    }

    /// The field's name in English.
    ///
    /// ```
    /// use hug_onboard_core::profile::ProfileField;
    /// assert_eq!(ProfileField::Fax.name_en(), "fax number");
    /// ```
    pub fn name_en(self) -> &'static str {
        use ProfileField as F;
        match self {
            F::FacilityNumber => "facility number",
            F::NameKana => "name (kana)",
            F::NameKanji => "name (kanji)",
            F::PostalCode => "postal code",
            F::AddressKana => "address (kana)",
            F::AddressKanji => "address (kanji)",
            F::Phone => "phone number",
            F::Fax => "fax number",
            F::RepresentativeNameKana => "representative's name (kana)",
            F::RepresentativeNameKanji => "representative's name (kanji)",
            F::RepresentativeTitle => "representative's title",
            F::Email => "e-mail address",
            F::Password => "password",
        }
    }
}

crate::diagnostics! {
    /// A problem with one field of the profile (facility and postal code
    /// problems carry their own `facility.*` and `postal_code.*` codes).
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum ProfileProblem {
        /// A required field is empty.
        Required {
            /// The field.
            field: ProfileField,
        } => "profile.required", InvalidInput, Error,
            "a required field is empty",
            ja: { format!("「{}」を入力してください。", field.label()) },
            en: { format!("Enter the {}.", field.name_en()) };
        /// A control character (NUL, escape …) in a field.
        ControlChar {
            /// The field.
            field: ProfileField,
        } => "profile.control_char", InvalidInput, Error,
            "a field contains a control character",
            ja: { format!("「{}」に使えない制御文字があります。入力し直してください。", field.label()) },
            en: { format!("The {} contains a control character; type it again.", field.name_en()) };
        /// The facility number differs from the one on the notices.
        FacilityMismatch {
            /// The notices' number.
            expected: FacilityNumber,
            /// The number entered.
            found: FacilityNumber,
        } => "profile.facility_mismatch", InvalidInput, Error,
            "facility number differs from the notices'",
            ja: "事業所番号「{found}」が国保連のお知らせの事業所番号「{expected}」と違います。お知らせの番号を入力してください。",
            en: "Facility number {found} differs from the number on the 国保連 notices ({expected}); enter the notices' number.";
        /// A kana field holds something that is not katakana.
        NotKatakana {
            /// The field.
            field: ProfileField,
            /// The first offending character.
            ch: char,
            /// Its 1-based position.
            position: usize,
        } => "profile.not_katakana", InvalidInput, Error,
            "a kana field contains a character that is not katakana",
            ja: { format!(
                "「{}」の{position}文字目「{}」はカタカナではありません。カタカナで入力してください（全角・半角どちらも可）。",
                field.label(),
                text::readable(&ch.to_string())
            ) },
            en: { format!(
                "Character {position} of the {} (\"{}\") is not katakana; use katakana (full- or half-width).",
                field.name_en(),
                text::readable(&ch.to_string())
            ) };
        /// A phone or fax number of the wrong shape.
        PhoneInvalid {
            /// Phone or fax.
            field: ProfileField,
        } => "profile.phone_invalid", InvalidInput, Error,
            "phone or fax number is not a Japanese number",
            ja: { format!(
                "「{}」は電話番号の形ではありません。0から始まる10桁か11桁で、例「03-1234-5678」のように入力してください。",
                field.label()
            ) },
            en: { format!(
                "The {} is not a Japanese phone number: 10 or 11 digits starting with 0, e.g. 03-1234-5678.",
                field.name_en()
            ) };
        /// An e-mail address of the wrong shape.
        EmailInvalid => "profile.email_invalid", InvalidInput, Error,
            "e-mail address is not valid",
            ja: "メールアドレスの形が正しくありません（例: info@example.jp）。",
            en: "The e-mail address is not valid (e.g. info@example.jp).";
        /// Warning: the 取込送信 password is still the initial `0000`.
        PasswordDefault => "profile.password_default", InvalidInput, Warning,
            "the 取込送信 password is still the initial 0000",
            ja: "取込送信のパスワードが初期値「0000」のままです。「事業所情報保守」から変更してください（ガイドP26）。",
            en: "The 取込送信 password is still the initial 0000; change it in 事業所情報保守 (guide P26).";
        // ---- issue #14: typed input as people produce it ----
        /// A character that only looks like katakana (`一`, a hyphen after a kana).
        KanaLookAlike {
            /// The field.
            field: ProfileField,
            /// The character typed.
            ch: char,
            /// Its 1-based position.
            position: usize,
        } => "profile.kana_lookalike", InvalidInput, Error,
            "a kana field has a character that only looks like ー (一, a hyphen)",
            ja: { format!(
                "「{}」の{position}文字目「{}」（U+{:04X}）は長音「ー」に似た別の文字です。カタカナの長音「ー」で入力してください（取込送信では別の文字として扱われます）。",
                field.label(),
                text::readable(&ch.to_string()),
                u32::from(*ch)
            ) },
            en: { format!(
                "Character {position} of the {} is \"{}\" (U+{:04X}), which only looks like the katakana long-vowel mark ー; type ー instead (取込送信 treats them as different characters).",
                field.name_en(),
                text::readable(&ch.to_string()),
                u32::from(*ch)
            ) };
        /// A phone or fax number whose digit count does not match its prefix.
        PhoneWrongLength {
            /// Phone or fax.
            field: ProfileField,
            /// The kind of number its prefix says it is.
            kind: PhoneKind,
            /// The digits typed.
            digits: usize,
            /// The digits that kind has.
            expected: usize,
        } => "profile.phone_wrong_length", InvalidInput, Error,
            "phone or fax number has the wrong digit count for its prefix",
            ja: { format!("「{}」の桁数が違います。{}は{expected}桁ですが、{digits}桁です。", field.label(), kind.name_ja()) },
            en: { format!("The {} has {digits} digits; a {} number has {expected}.", field.name_en(), kind.name_en()) };
        /// Warning: an e-mail address RFC 5322 forbids but carriers issued (`..`).
        EmailNonStandard => "profile.email_nonstandard", InvalidInput, Warning,
            "e-mail address with dots RFC 5322 forbids (accepted: carriers issued them)",
            ja: "メールアドレスに、規格（RFC 5322）では使えない位置の「.」（連続・@の直前・先頭）があります。携帯電話会社の古いアドレスでは実在するため受け付けましたが、一部のシステムでは送れないことがあります。",
            en: "The e-mail address has dots that RFC 5322 forbids (two in a row, or before the @ or at the start); Japanese mobile carriers issued such addresses, so it is accepted, but some systems cannot send to it.";
        @delegate
        /// The facility number is not valid.
        FacilityNumber {
            /// Why.
            error: FacilityNumberError,
        } => error, ja: { error.message(Lang::Ja) }, en: { error.message(Lang::En) };
        /// The postal code is not `NNN-NNNN`.
        PostalCode {
            /// Why.
            error: PostalCodeError,
        } => error, ja: { error.message(Lang::Ja) }, en: { error.message(Lang::En) };
    }
}

/// The kind of a phone number, from its prefix (numbering plan: see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PhoneKind {
    /// 固定電話 (0ABCDEFGHJ): 10 digits.
    Fixed,
    /// 携帯電話 (070, 080, 090): 11 digits.
    Mobile,
    /// 特定IP電話 (050): 11 digits.
    IpPhone,
    /// FMC (0600): 11 digits.
    Fmc,
    /// 付加的役務 (0120, 0570, 0170, 0180, 0990: 10 digits; 0800: 11).
    Service,
}

impl PhoneKind {
    /// The kind in Japanese.
    pub fn name_ja(self) -> &'static str {
        match self {
            PhoneKind::Fixed => "固定電話の番号",
            PhoneKind::Mobile => "携帯電話の番号（070・080・090）",
            PhoneKind::IpPhone => "IP電話の番号（050）",
            PhoneKind::Fmc => "FMCの番号（0600）",
            PhoneKind::Service => "フリーダイヤル等の番号（0120・0570・0800 など）",
        }
    }
    /// The kind in English.
    pub fn name_en(self) -> &'static str {
        match self {
            PhoneKind::Fixed => "fixed-line",
            PhoneKind::Mobile => "mobile (070/080/090)",
            PhoneKind::IpPhone => "IP phone (050)",
            PhoneKind::Fmc => "FMC (0600)",
            PhoneKind::Service => "service (0120, 0570, 0800 …)",
        }
    }
}

/// The kind and the digit count of a number by its prefix; `None` when the plan
/// assigns the prefix to no telephone service.
///
/// ```
/// use hug_onboard_core::profile::{phone_plan, PhoneKind};
/// assert_eq!(phone_plan("0312345678"), Some((PhoneKind::Fixed, 10)));
/// assert_eq!(phone_plan("09012345678"), Some((PhoneKind::Mobile, 11)));
/// assert_eq!(phone_plan("0120123456"), Some((PhoneKind::Service, 10)));
/// assert_eq!(phone_plan("08001234567"), Some((PhoneKind::Service, 11)));
/// assert_eq!(phone_plan("0460857111"), Some((PhoneKind::Fixed, 10))); // 箱根: area code 0460
/// assert_eq!(phone_plan("02012345678"), None); // M2M data, not a telephone
/// ```
pub fn phone_plan(digits: &str) -> Option<(PhoneKind, usize)> {
    let d: Vec<u8> = digits.bytes().collect();
    if d.len() < 4 || d[0] != b'0' || d[1] == b'0' || !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    match (d[1], d[2], d[3]) {
        (b'7' | b'8' | b'9', b'0', c) if c != b'0' => Some((PhoneKind::Mobile, 11)),
        (b'5', b'0', c) if c != b'0' => Some((PhoneKind::IpPhone, 11)),
        (b'6', b'0', b'0') => Some((PhoneKind::Fmc, 11)),
        (b'8', b'0', b'0') => Some((PhoneKind::Service, 11)),
        (_, b'0', _) => None,
        // 0AB0 is a 付加的役務 number only for these AB; any other is a fixed line
        // whose area code has a 0 (0460 箱根, 0470 館山, 0480 久喜, 0550 御殿場).
        (b'1', b'2' | b'7' | b'8', b'0') | (b'5', b'7', b'0') | (b'9', b'9', b'0') => {
            Some((PhoneKind::Service, 10))
        }
        _ => Some((PhoneKind::Fixed, 10)),
    }
}

/// What the user typed into the 事業所情報保守 screen (raw strings).
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileInput {
    /// 事業所番号.
    pub facility_number: String,
    /// 名称 カナ.
    pub name_kana: String,
    /// 名称 漢字.
    pub name_kanji: String,
    /// 郵便番号.
    pub postal_code: String,
    /// 住所 カナ.
    pub address_kana: String,
    /// 住所 漢字.
    pub address_kanji: String,
    /// 電話番号.
    pub phone: String,
    /// FAX番号.
    pub fax: String,
    /// 代表者 氏名カナ.
    pub representative_name_kana: String,
    /// 代表者 氏名漢字.
    pub representative_name_kanji: String,
    /// 代表者 職名.
    pub representative_title: String,
    /// メールアドレス (optional).
    pub email: Option<String>,
    /// パスワード (the 取込送信 login password). Never stored in the profile.
    pub password: String,
}

impl std::fmt::Debug for ProfileInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileInput")
            .field("facility_number", &self.facility_number)
            .field("name_kanji", &self.name_kanji)
            .field("password", &"***")
            .finish_non_exhaustive()
    }
}

/// A validated profile. It holds no password: only whether it is still `0000`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacilityProfile {
    /// 事業所番号.
    pub facility_number: FacilityNumber,
    /// 名称 カナ (as typed, trimmed).
    pub name_kana: String,
    /// 名称 漢字.
    pub name_kanji: String,
    /// 郵便番号.
    pub postal_code: PostalCode,
    /// 住所 カナ.
    pub address_kana: String,
    /// 住所 漢字.
    pub address_kanji: String,
    /// 電話番号 (half-width).
    pub phone: String,
    /// FAX番号 (half-width).
    pub fax: String,
    /// 代表者 氏名カナ.
    pub representative_name_kana: String,
    /// 代表者 氏名漢字.
    pub representative_name_kanji: String,
    /// 代表者 職名.
    pub representative_title: String,
    /// メールアドレス.
    pub email: Option<String>,
    /// Whether the 取込送信 password is still the initial `0000`.
    pub password_is_default: bool,
}

/// A validated profile with its warnings, and the password (a [`Secret`]) to hand on.
#[derive(Debug)]
pub struct CheckedProfile {
    /// The profile (no secrets).
    pub profile: FacilityProfile,
    /// Warnings (e.g. `profile.password_default`).
    pub warnings: Vec<ProfileProblem>,
    /// The password as typed.
    pub password: Secret,
}

/// A phone or fax number as stored: half-width; a space, or the long-vowel mark
/// (`ー`, `ｰ`) that an IME in full-width mode gives for a hyphen, between two
/// digits a hyphen (`０９０ー１２３４ー５６７８`, `03 1234 5678`); and the
/// international form's `+81` (Japan's country code, ITU-T E.164), with the
/// `(0)` sometimes written after it, the national prefix `0`
/// (`+81 3-1234-5678`, `+81(0)3-1234-5678` → `03-1234-5678`).
fn phone_text(typed: &str) -> String {
    let n = text::normalize(typed);
    let n = match n.strip_prefix("+81") {
        Some(rest) => {
            let rest = rest.trim_start_matches([' ', '-']);
            let rest = rest.strip_prefix("(0)").unwrap_or(rest);
            format!("0{}", rest.trim_start_matches([' ', '-']))
        }
        None => n,
    };
    let s: Vec<char> = n.chars().collect();
    let digit = |i: Option<&char>| i.is_some_and(char::is_ascii_digit);
    (0..s.len())
        .map(|i| match s[i] {
            'ー' | 'ｰ' | ' ' if i > 0 && digit(s.get(i - 1)) && digit(s.get(i + 1)) => '-',
            c => c,
        })
        .collect()
}

/// The written shape of a phone number: digits, single hyphens between them,
/// and brackets around one group of digits (`03(1234)5678`, `(03)1234-5678`);
/// no hyphen at either end, no empty, unbalanced or nested brackets.
fn phone_shape(s: &str) -> bool {
    let (mut open, mut prev) = (false, None::<char>);
    for c in s.chars() {
        let ok = match c {
            '0'..='9' => true,
            '(' => !open && prev != Some('('),
            ')' => open && prev.is_some_and(|p| p.is_ascii_digit()),
            '-' => prev.is_some_and(|p| p != '-' && p != '('),
            _ => false,
        };
        if !ok {
            return false;
        }
        match c {
            '(' => open = true,
            ')' => open = false,
            _ => {}
        }
        prev = Some(c);
    }
    !open && prev.is_some_and(|p| p != '-')
}

/// A phone or fax number: the shape ([`phone_shape`]), then the digit count its
/// prefix has in the numbering plan.
fn phone_check(s: &str, field: ProfileField) -> Result<(), ProfileProblem> {
    let shape = phone_shape(s)
        && s.starts_with(['0', '('])
        && s.chars().find(char::is_ascii_digit) == Some('0');
    if !shape {
        return Err(ProfileProblem::PhoneInvalid { field });
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    match phone_plan(&digits) {
        None => Err(ProfileProblem::PhoneInvalid { field }),
        Some((_, n)) if n == digits.len() => Ok(()),
        Some((kind, expected)) => Err(ProfileProblem::PhoneWrongLength {
            field,
            kind,
            digits: digits.len(),
            expected,
        }),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum EmailCheck {
    Ok,
    /// Dots RFC 5322 forbids in the local part, as carriers issued them.
    NonStandard,
    Invalid,
}

/// RFC 5322 `atext` (the characters of an unquoted local part besides `.`).
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// A label of a domain name: letters, digits and hyphens, starting and ending
/// with a letter or a digit (RFC 5321 4.1.2 `sub-domain`), at most 63 octets
/// (RFC 1035 2.3.4). The last label is not all digits either (RFC 3696 2).
fn is_domain_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

fn email_check(s: &str) -> EmailCheck {
    let Some((local, domain)) = s.split_once('@') else {
        return EmailCheck::Invalid;
    };
    let ok = s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && local.chars().all(|c| is_atext(c) || c == '.')
        && local.chars().any(is_atext)
        && domain.contains('.')
        && domain.split('.').all(is_domain_label)
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()));
    if !ok {
        EmailCheck::Invalid
    } else if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        EmailCheck::NonStandard
    } else {
        EmailCheck::Ok
    }
}

impl FacilityProfile {
    /// The warnings of a profile: the initial password (`profile.password_default`),
    /// an e-mail address with dots RFC 5322 forbids (`profile.email_nonstandard`).
    pub fn warnings(&self) -> Vec<ProfileProblem> {
        let mut w = Vec::new();
        if self.password_is_default {
            w.push(ProfileProblem::PasswordDefault);
        }
        if self
            .email
            .as_deref()
            .is_some_and(|e| email_check(e) == EmailCheck::NonStandard)
        {
            w.push(ProfileProblem::EmailNonStandard);
        }
        w
    }
}

impl ProfileInput {
    /// Validates every field; `expected` is the facility number of the notices, when known.
    ///
    /// # Errors
    ///
    /// Every problem at once: `profile.required`, `profile.control_char`,
    /// `facility.*`, `profile.facility_mismatch`, `profile.not_katakana`,
    /// `postal_code.*`, `profile.phone_invalid`, `profile.email_invalid`.
    /// Warnings (`profile.password_default`) come with the result instead.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::profile::ProfileInput;
    /// let problems = ProfileInput::default().validate(None).unwrap_err();
    /// assert_eq!(problems.len(), 12); // every required field, at once
    /// ```
    pub fn validate(
        &self,
        expected: Option<&FacilityNumber>,
    ) -> Result<CheckedProfile, Problems<ProfileProblem>> {
        use ProfileField as F;
        let mut problems = Vec::new();
        let mut field = |f: F, raw: &str| -> Option<String> {
            if text::find_control(raw).is_some() {
                problems.push(ProfileProblem::ControlChar { field: f });
                return None;
            }
            let v = text::nfc(raw.trim_matches(|c: char| c.is_whitespace()));
            if v.is_empty() {
                problems.push(ProfileProblem::Required { field: f });
                return None;
            }
            Some(v)
        };
        let number = field(F::FacilityNumber, &self.facility_number);
        let name_kana = field(F::NameKana, &self.name_kana);
        let name_kanji = field(F::NameKanji, &self.name_kanji);
        let postal = field(F::PostalCode, &self.postal_code);
        let address_kana = field(F::AddressKana, &self.address_kana);
        let address_kanji = field(F::AddressKanji, &self.address_kanji);
        let phone = field(F::Phone, &self.phone);
        let fax = field(F::Fax, &self.fax);
        let rep_kana = field(F::RepresentativeNameKana, &self.representative_name_kana);
        let rep_kanji = field(F::RepresentativeNameKanji, &self.representative_name_kanji);
        let rep_title = field(F::RepresentativeTitle, &self.representative_title);
        let email = match self.email.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(e) => field(F::Email, e),
        };
        let password = if self.password.is_empty() {
            problems.push(ProfileProblem::Required { field: F::Password });
            None
        } else if text::find_control(&self.password).is_some() {
            problems.push(ProfileProblem::ControlChar { field: F::Password });
            None
        } else {
            Some(Secret::new(self.password.clone()))
        };

        let facility_number = number.and_then(|n| match FacilityNumber::parse(&n) {
            Ok(n) => {
                if let Some(exp) = expected
                    && *exp != n
                {
                    problems.push(ProfileProblem::FacilityMismatch {
                        expected: *exp,
                        found: n,
                    });
                }
                Some(n)
            }
            Err(error) => {
                problems.push(ProfileProblem::FacilityNumber { error });
                None
            }
        });
        let (mut name_kana, mut address_kana, mut rep_kana) = (name_kana, address_kana, rep_kana);
        for (f, v) in [
            (F::NameKana, &mut name_kana),
            (F::AddressKana, &mut address_kana),
            (F::RepresentativeNameKana, &mut rep_kana),
        ] {
            if let Some(v) = v {
                match text::normalize_kana(v) {
                    Ok(n) => *v = n,
                    Err(l) => {
                        problems.push(ProfileProblem::KanaLookAlike {
                            field: f,
                            ch: l.ch,
                            position: l.position,
                        });
                        continue;
                    }
                }
                // Digits and common address punctuation are allowed in kana
                // addresses (番地); letters of other scripts are not.
                let checked: String = if f == F::AddressKana {
                    text::to_halfwidth_ascii(v)
                        .chars()
                        .map(|c| {
                            if c.is_ascii_digit() || "-()".contains(c) {
                                ' '
                            } else {
                                c
                            }
                        })
                        .collect()
                } else {
                    v.clone()
                };
                if let KanaClass::NotKatakana { ch, position } = text::classify_katakana(&checked) {
                    let ch = v.chars().nth(position).unwrap_or(ch);
                    problems.push(ProfileProblem::NotKatakana {
                        field: f,
                        ch,
                        position: position + 1,
                    });
                }
            }
        }
        let postal_code = postal.and_then(|p| {
            PostalCode::parse(&p)
                .map_err(|error| problems.push(ProfileProblem::PostalCode { error }))
                .ok()
        });
        let mut phone_of = |f: F, v: Option<String>| {
            v.and_then(|v| {
                let n = phone_text(&v);
                match phone_check(&n, f) {
                    Ok(()) => Some(n),
                    Err(p) => {
                        problems.push(p);
                        None
                    }
                }
            })
        };
        let phone = phone_of(F::Phone, phone);
        let fax = phone_of(F::Fax, fax);
        let email = match email {
            Some(e) => {
                let n = text::normalize(&e);
                if email_check(&n) == EmailCheck::Invalid {
                    problems.push(ProfileProblem::EmailInvalid);
                    None
                } else {
                    Some(n)
                }
            }
            None => None,
        };

        if let Some(p) = Problems::new(problems) {
            return Err(p);
        }
        match (
            facility_number,
            name_kana,
            name_kanji,
            postal_code,
            address_kana,
            address_kanji,
            phone,
            fax,
            rep_kana,
            rep_kanji,
            rep_title,
            password,
        ) {
            (
                Some(facility_number),
                Some(name_kana),
                Some(name_kanji),
                Some(postal_code),
                Some(address_kana),
                Some(address_kanji),
                Some(phone),
                Some(fax),
                Some(representative_name_kana),
                Some(representative_name_kanji),
                Some(representative_title),
                Some(password),
            ) => {
                // `００００` typed in full-width is the initial password too (compared
                // character by character: no copy of the secret is made).
                let password_is_default = password
                    .expose()
                    .trim_matches(|c: char| c.is_whitespace())
                    .chars()
                    .map(text::halfwidth_ascii_char)
                    .eq(DEFAULT_PASSWORD.chars());
                let profile = FacilityProfile {
                    facility_number,
                    name_kana,
                    name_kanji,
                    postal_code,
                    address_kana,
                    address_kanji,
                    phone,
                    fax,
                    representative_name_kana,
                    representative_name_kanji,
                    representative_title,
                    email,
                    password_is_default,
                };
                Ok(CheckedProfile {
                    warnings: profile.warnings(),
                    profile,
                    password,
                })
            }
            // Every None above pushed a problem; this arm is unreachable in practice.
            _ => Err(Problems::one(ProfileProblem::Required {
                field: F::FacilityNumber,
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    fn good() -> ProfileInput {
        ProfileInput {
            facility_number: "1312345678".into(),
            name_kana: "ﾎｳｶｺﾞﾄｳﾃﾞｲｻｰﾋﾞｽ".into(),
            name_kanji: "放課後等デイサービス".into(),
            postal_code: "100-0001".into(),
            address_kana: "トウキョウト チヨダク 1-1".into(),
            address_kanji: "東京都千代田区1-1".into(),
            phone: "03-1234-5678".into(),
            fax: "(03)1234-5679".into(),
            representative_name_kana: "ヤマダ タロウ".into(),
            representative_name_kanji: "山田太郎".into(),
            representative_title: "代表".into(),
            email: Some("info@example.jp".into()),
            password: "s3cret!x".into(),
        }
    }

    #[test]
    fn good_profile_has_no_warnings() {
        let c = good().validate(None).unwrap();
        assert!(c.warnings.is_empty());
        assert!(!c.profile.password_is_default);
        let json = serde_json::to_string(&c.profile).unwrap();
        assert!(!json.contains("s3cret"));
        assert!(!format!("{:?}", good()).contains("s3cret"));
    }

    #[test]
    fn every_problem_at_once() {
        let mut p = good();
        p.name_kana = "ほうかご".into();
        p.postal_code = "100-01".into();
        p.phone = "1234".into();
        p.fax = "03-1234-567a".into();
        p.email = Some("no-at-sign".into());
        p.facility_number = "1312345679".into();
        let expected = FacilityNumber::parse("1312345678").unwrap();
        let e = p.validate(Some(&expected)).unwrap_err();
        assert_eq!(
            e.codes(),
            [
                "profile.facility_mismatch",
                "profile.not_katakana",
                "postal_code.invalid",
                "profile.phone_invalid",
                "profile.phone_invalid",
                "profile.email_invalid"
            ]
        );
    }

    #[test]
    fn phone_shapes() {
        let f = ProfileField::Phone;
        for ok in [
            "03-1234-5678",
            "0312345678",
            "090-1234-5678",
            "080-1234-5678",
            "070-1234-5678",
            "050-1234-5678",
            "0120-123-456",
            "0570-123-456",
            "0800-123-4567",
            "(03)1234-5678",
            "0263-12-3456",
            // Area codes with a 0 after two digits are fixed lines (were refused).
            "0460-85-7111",
            "0470-22-2111",
            "0480-22-1111",
            "0550-83-1212",
            "03(1234)5678",
            "(03)-1234-5678",
        ] {
            assert_eq!(phone_check(ok, f), Ok(()), "{ok}");
        }
        for bad in [
            "3-1234-5678",
            "03--12345678",
            "",
            "020-1234-5678",
            "0012-345-6789",
            // Brackets unbalanced, empty or nested; a hyphen at an end (were stored as typed).
            "03)1234(5678",
            "((03))1234-5678",
            "03()12345678",
            "03-1234-5678-",
            "0700-123-4567",
        ] {
            assert!(
                matches!(
                    phone_check(bad, f),
                    Err(ProfileProblem::PhoneInvalid { .. })
                ),
                "{bad}"
            );
        }
        // The issue's numbers: accepted before, wrong length by the plan.
        for (bad, kind, digits, expected) in [
            ("03-1234-56789", PhoneKind::Fixed, 11, 10),
            ("090-123-4567", PhoneKind::Mobile, 10, 11),
            ("080-1234-567", PhoneKind::Mobile, 10, 11),
            ("0120-123-4567", PhoneKind::Service, 11, 10),
            ("050-123-4567", PhoneKind::IpPhone, 10, 11),
            ("03-1234-567", PhoneKind::Fixed, 9, 10),
        ] {
            assert_eq!(
                phone_check(bad, f),
                Err(ProfileProblem::PhoneWrongLength {
                    field: f,
                    kind,
                    digits,
                    expected
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn default_password_typed_full_width() {
        for typed in ["0000", "００００", " 0000\u{3000}", "0０0０"] {
            let mut p = good();
            p.password = typed.into();
            assert!(
                p.validate(None).unwrap().profile.password_is_default,
                "{typed}"
            );
        }
        let mut p = good();
        p.password = "00000".into();
        assert!(!p.validate(None).unwrap().profile.password_is_default);
    }

    #[test]
    fn phone_text_as_stored() {
        for (typed, stored) in [
            ("０９０ー１２３４ー５６７８", "090-1234-5678"),
            ("03ｰ1234ｰ5678", "03-1234-5678"),
            ("03 1234 5678", "03-1234-5678"),
            ("03　1234　5678", "03-1234-5678"),
            ("+81 3 1234 5678", "03-1234-5678"),
            ("+81-90-1234-5678", "090-1234-5678"),
            ("+81(0)3-1234-5678", "03-1234-5678"),
            ("＋８１　３－１２３４－５６７８", "03-1234-5678"),
            // Not between two digits: left for the shape check to refuse.
            ("03 -1234-5678", "03 -1234-5678"),
            ("ー03-1234-5678", "ー03-1234-5678"),
        ] {
            assert_eq!(phone_text(typed), stored, "{typed}");
        }
        for bad in ["03 -1234-5678", "+810312345678", "03  1234 5678"] {
            assert!(
                phone_check(&phone_text(bad), ProfileField::Phone).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn kana_is_normalised_and_lookalikes_refused() {
        let mut p = good();
        p.name_kana = "ﾊｯﾋﾟｰｷｯｽﾞ".into();
        p.address_kana = "ハッピｰ チヨダ 1-1".into();
        p.representative_name_kana = "\u{30E4}\u{30DE}\u{30BF}\u{3099} タロウ".into(); // ヤマタ + U+3099
        p.name_kanji = "はぐ\u{30D5}\u{309A}ラス".into(); // フ + U+309A
        let c = p.validate(None).unwrap();
        assert_eq!(c.profile.name_kana, "ハッピーキッズ");
        assert_eq!(c.profile.address_kana, "ハッピー チヨダ 1-1");
        assert_eq!(c.profile.representative_name_kana, "ヤマダ タロウ");
        assert_eq!(c.profile.name_kanji, "はぐプラス");
        for (typed, ch, position) in [
            ("ハッピ一キッズ", '一', 4),
            ("ハッピ-キッズ", '-', 4),
            ("ハッピ\u{2212}キッズ", '\u{2212}', 4),
            ("ハッピ\u{2500}キッズ", '\u{2500}', 4),
        ] {
            let mut p = good();
            p.name_kana = typed.into();
            let e = p.validate(None).unwrap_err();
            assert_eq!(
                e.iter().next(),
                Some(&ProfileProblem::KanaLookAlike {
                    field: ProfileField::NameKana,
                    ch,
                    position
                }),
                "{typed}"
            );
            assert!(
                e.iter()
                    .next()
                    .unwrap()
                    .message(Lang::Ja)
                    .contains(&format!("「{ch}」"))
            );
        }
    }

    #[test]
    fn email_and_postal_forms() {
        for (email, warn) in [
            ("info@example.jp", false),
            ("taro..hug@docomo.ne.jp", true),
            ("taro.@docomo.ne.jp", true),
            (".taro@ezweb.ne.jp", true),
        ] {
            let mut p = good();
            p.email = Some(email.into());
            let c = p.validate(None).unwrap();
            assert_eq!(
                c.warnings.contains(&ProfileProblem::EmailNonStandard),
                warn,
                "{email}"
            );
            assert_eq!(c.profile.warnings(), c.warnings);
        }
        for bad in [
            "a b@example.jp",
            "a(b)@example.jp",
            "..@example.jp",
            "a@b..jp",
            "a@b",
            // Domain labels (RFC 5321 4.1.2, RFC 1035 2.3.4, RFC 3696 2): were accepted.
            "a@-example.jp",
            "a@example-.jp",
            "a@xn--.jp",
            "a@example.123",
        ] {
            let mut p = good();
            p.email = Some(bad.into());
            assert_eq!(
                p.validate(None).unwrap_err().codes(),
                ["profile.email_invalid"],
                "{bad}"
            );
        }
        for postal in [
            "〒100-0001",
            "1000001",
            "〒1000001",
            "100-0001",
            "〒１００－０００１",
        ] {
            let mut p = good();
            p.postal_code = postal.into();
            assert_eq!(
                p.validate(None).unwrap().profile.postal_code.to_string(),
                "100-0001"
            );
        }
    }

    #[test]
    fn every_code_is_listed() {
        let all = [
            ProfileProblem::Required {
                field: ProfileField::Fax,
            },
            ProfileProblem::ControlChar {
                field: ProfileField::Fax,
            },
            ProfileProblem::FacilityMismatch {
                expected: FacilityNumber::parse("1312345678").unwrap(),
                found: FacilityNumber::parse("1312345679").unwrap(),
            },
            ProfileProblem::NotKatakana {
                field: ProfileField::NameKana,
                ch: 'a',
                position: 1,
            },
            ProfileProblem::PhoneInvalid {
                field: ProfileField::Phone,
            },
            ProfileProblem::EmailInvalid,
            ProfileProblem::PasswordDefault,
            ProfileProblem::KanaLookAlike {
                field: ProfileField::NameKana,
                ch: '一',
                position: 1,
            },
            ProfileProblem::PhoneWrongLength {
                field: ProfileField::Fax,
                kind: PhoneKind::Mobile,
                digits: 10,
                expected: 11,
            },
            ProfileProblem::EmailNonStandard,
        ];
        assert_eq!(
            all.len(),
            <ProfileProblem as crate::diagnostic::Declared>::CODES.len()
        );
        for p in all {
            assert!(crate::all_codes().iter().any(|c| c.code == p.code()));
            assert!(!p.message(Lang::Ja).is_empty() && !p.message(Lang::En).is_empty());
        }
    }
}
