//! Identifiers: the 事業所番号 ([`FacilityNumber`]), its [`Prefecture`], and portal user IDs ([`UserId`]).
//!
//! A 事業所番号 (facility number) is 10 half-width digits after normalising
//! full-width digits; its first two digits are the prefecture code 01–47
//! (confidence M in the [domain rules](crate::_documentation::domain)). **No check
//! digit is verified**: none is published
//! for 障害福祉 numbers, and the modulus-10 digit of 介護 numbers is a different
//! scheme — inventing one would reject real facilities.
//!
//! A [`UserId`] (テストID or 本番 ID) has no published format: it is an opaque,
//! case-sensitive token of printable ASCII. Whether an ID is a test or a
//! production ID comes from the notice's label, never from the ID's shape.
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::facility::{FacilityNumber, Prefecture, UserId};
//!
//! let n = FacilityNumber::parse("１３１２３４５６７８")?; // full-width, as OCR gives it
//! assert_eq!(n.as_str(), "1312345678");
//! assert_eq!(n.prefecture(), Prefecture::Tokyo);
//! assert_eq!(n.prefecture().name_ja(), "東京都");
//!
//! let id = UserId::parse(" Ab12345 ")?;
//! assert_eq!(id.as_str(), "Ab12345");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostic::Lang;
use crate::text;

/// A 10-digit 事業所番号. A value that exists is valid: 10 ASCII digits whose
/// first two are a prefecture code 01–47.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FacilityNumber([u8; 10]);

crate::diagnostics! {
    /// Why a string is not a [`FacilityNumber`].
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum FacilityNumberError {
        /// Empty or only white space.
        Empty => "facility.empty", InvalidInput, Error,
            "facility number is empty",
            ja: "事業所番号が入力されていません。",
            en: "The facility number is empty.";
        /// A character that is not a digit (after full-width normalisation).
        NotDigit {
            /// The character.
            ch: char,
            /// 1-based character position in the normalised input.
            position: usize,
        } => "facility.not_digit", InvalidInput, Error,
            "facility number contains a non-digit",
            ja: { format!("事業所番号の{position}文字目「{}」は数字ではありません。数字10桁で入力してください。", crate::text::readable(&ch.to_string())) },
            en: { format!("Character {position} of the facility number (\"{}\") is not a digit; enter 10 digits.", crate::text::readable(&ch.to_string())) };
        /// Not exactly 10 digits.
        WrongLength {
            /// The number of characters found.
            len: usize,
        } => "facility.wrong_length", InvalidInput, Error,
            "facility number is not 10 digits",
            ja: "事業所番号は10桁です（入力は{len}桁）。",
            en: "A facility number has 10 digits (got {len}).";
        /// The first two digits are not a prefecture code 01–47.
        UnknownPrefecture {
            /// The two leading digits.
            code: String,
        } => "facility.unknown_prefecture", InvalidInput, Error,
            "facility number's first two digits are not 01-47",
            ja: "事業所番号の先頭2桁「{code}」は都道府県番号(01〜47)ではありません。",
            en: "The first two digits of the facility number ({code}) are not a prefecture code (01-47).";
    }
}

impl FacilityNumber {
    /// Parses a facility number: full-width digits and surrounding white space
    /// (including the ideographic space) are accepted; inner spaces and hyphens
    /// are not (a number with a hyphen is usually a phone number typed in the
    /// wrong box).
    ///
    /// # Errors
    ///
    /// `facility.empty`, `facility.not_digit`, `facility.wrong_length`,
    /// `facility.unknown_prefecture` — checked in that order.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::facility::FacilityNumber;
    /// use hug_onboard_core::diagnostic::Diagnostic;
    ///
    /// assert!(FacilityNumber::parse("2712345678").is_ok());
    /// assert_eq!(FacilityNumber::parse("4812345678").unwrap_err().code(), "facility.unknown_prefecture");
    /// assert_eq!(FacilityNumber::parse("27-1234567").unwrap_err().code(), "facility.not_digit");
    /// ```
    pub fn parse(input: &str) -> Result<FacilityNumber, FacilityNumberError> {
        let s = text::normalize(input);
        if s.is_empty() {
            return Err(FacilityNumberError::Empty);
        }
        if let Some((i, ch)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
            return Err(FacilityNumberError::NotDigit {
                ch,
                position: i + 1,
            });
        }
        if s.len() != 10 {
            return Err(FacilityNumberError::WrongLength { len: s.len() });
        }
        let mut digits = [0u8; 10];
        digits.copy_from_slice(s.as_bytes());
        if Prefecture::from_code(&s[..2]).is_none() {
            return Err(FacilityNumberError::UnknownPrefecture {
                code: s[..2].to_owned(),
            });
        }
        Ok(FacilityNumber(digits))
    }

    /// The 10 digits.
    ///
    /// ```
    /// let n = hug_onboard_core::facility::FacilityNumber::parse("0110000001").unwrap();
    /// assert_eq!(n.as_str(), "0110000001");
    /// ```
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// The prefecture named by the first two digits.
    ///
    /// ```
    /// use hug_onboard_core::facility::{FacilityNumber, Prefecture};
    /// assert_eq!(FacilityNumber::parse("4710000001").unwrap().prefecture(), Prefecture::Okinawa);
    /// ```
    pub fn prefecture(&self) -> Prefecture {
        let code = (self.0[0] - b'0') * 10 + (self.0[1] - b'0');
        Prefecture::from_number(code).unwrap_or(Prefecture::Hokkaido)
    }
}

impl fmt::Display for FacilityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for FacilityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FacilityNumber({})", self.as_str())
    }
}

impl FromStr for FacilityNumber {
    type Err = FacilityNumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FacilityNumber::parse(s)
    }
}

impl Serialize for FacilityNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FacilityNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        FacilityNumber::parse(&s).map_err(serde::de::Error::custom)
    }
}

macro_rules! prefectures {
    ($($n:literal $variant:ident $ja:literal $en:literal;)*) => {
        /// The 47 prefectures, numbered by the JIS X 0401 code that opens a 事業所番号.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[allow(missing_docs)]
        pub enum Prefecture {
            $($variant = $n,)*
        }

        impl Prefecture {
            /// Every prefecture in code order.
            pub const ALL: [Prefecture; 47] = [$(Prefecture::$variant,)*];

            /// The prefecture with this code (1–47).
            ///
            /// ```
            /// use hug_onboard_core::facility::Prefecture;
            /// assert_eq!(Prefecture::from_number(13), Some(Prefecture::Tokyo));
            /// assert_eq!(Prefecture::from_number(0), None);
            /// ```
            pub fn from_number(code: u8) -> Option<Prefecture> {
                match code {
                    $($n => Some(Prefecture::$variant),)*
                    _ => None,
                }
            }

            /// The Japanese name, e.g. `東京都`.
            ///
            /// ```
            /// assert_eq!(hug_onboard_core::facility::Prefecture::Osaka.name_ja(), "大阪府");
            /// ```
            pub fn name_ja(self) -> &'static str {
                match self { $(Prefecture::$variant => $ja,)* }
            }

            /// The English name, e.g. `Tokyo`.
            ///
            /// ```
            /// assert_eq!(hug_onboard_core::facility::Prefecture::Osaka.name_en(), "Osaka");
            /// ```
            pub fn name_en(self) -> &'static str {
                match self { $(Prefecture::$variant => $en,)* }
            }
        }
    };
}

prefectures! {
    1 Hokkaido "北海道" "Hokkaido"; 2 Aomori "青森県" "Aomori"; 3 Iwate "岩手県" "Iwate";
    4 Miyagi "宮城県" "Miyagi"; 5 Akita "秋田県" "Akita"; 6 Yamagata "山形県" "Yamagata";
    7 Fukushima "福島県" "Fukushima"; 8 Ibaraki "茨城県" "Ibaraki"; 9 Tochigi "栃木県" "Tochigi";
    10 Gunma "群馬県" "Gunma"; 11 Saitama "埼玉県" "Saitama"; 12 Chiba "千葉県" "Chiba";
    13 Tokyo "東京都" "Tokyo"; 14 Kanagawa "神奈川県" "Kanagawa"; 15 Niigata "新潟県" "Niigata";
    16 Toyama "富山県" "Toyama"; 17 Ishikawa "石川県" "Ishikawa"; 18 Fukui "福井県" "Fukui";
    19 Yamanashi "山梨県" "Yamanashi"; 20 Nagano "長野県" "Nagano"; 21 Gifu "岐阜県" "Gifu";
    22 Shizuoka "静岡県" "Shizuoka"; 23 Aichi "愛知県" "Aichi"; 24 Mie "三重県" "Mie";
    25 Shiga "滋賀県" "Shiga"; 26 Kyoto "京都府" "Kyoto"; 27 Osaka "大阪府" "Osaka";
    28 Hyogo "兵庫県" "Hyogo"; 29 Nara "奈良県" "Nara"; 30 Wakayama "和歌山県" "Wakayama";
    31 Tottori "鳥取県" "Tottori"; 32 Shimane "島根県" "Shimane"; 33 Okayama "岡山県" "Okayama";
    34 Hiroshima "広島県" "Hiroshima"; 35 Yamaguchi "山口県" "Yamaguchi"; 36 Tokushima "徳島県" "Tokushima";
    37 Kagawa "香川県" "Kagawa"; 38 Ehime "愛媛県" "Ehime"; 39 Kochi "高知県" "Kochi";
    40 Fukuoka "福岡県" "Fukuoka"; 41 Saga "佐賀県" "Saga"; 42 Nagasaki "長崎県" "Nagasaki";
    43 Kumamoto "熊本県" "Kumamoto"; 44 Oita "大分県" "Oita"; 45 Miyazaki "宮崎県" "Miyazaki";
    46 Kagoshima "鹿児島県" "Kagoshima"; 47 Okinawa "沖縄県" "Okinawa";
}

impl Prefecture {
    /// The prefecture of a two-digit code string (`"01"`–`"47"`).
    ///
    /// ```
    /// use hug_onboard_core::facility::Prefecture;
    /// assert_eq!(Prefecture::from_code("01"), Some(Prefecture::Hokkaido));
    /// assert_eq!(Prefecture::from_code("1"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Prefecture> {
        let b = code.as_bytes();
        if b.len() != 2 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Prefecture::from_number((b[0] - b'0') * 10 + (b[1] - b'0'))
    }

    /// The code as a number, 1–47.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::facility::Prefecture::Okinawa.number(), 47);
    /// ```
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The two-digit code, `"01"`–`"47"`.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::facility::Prefecture::Aomori.code(), "02");
    /// ```
    pub fn code(self) -> String {
        format!("{:02}", self.number())
    }

    /// The name in the given language.
    ///
    /// ```
    /// use hug_onboard_core::{diagnostic::Lang, facility::Prefecture};
    /// assert_eq!(Prefecture::Nagano.name(Lang::Ja), "長野県");
    /// ```
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.name_ja(),
            Lang::En => self.name_en(),
        }
    }
}

/// A portal user ID (テストID or 本番 ID): opaque, case-sensitive, trimmed,
/// non-empty, printable ASCII without spaces.
///
/// Full-width letters and digits (as OCR gives them) are normalised to ASCII
/// first; nothing else is changed — `ab` and `AB` are different IDs.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UserId(String);

crate::diagnostics! {
    /// Why a string is not a [`UserId`].
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum UserIdError {
        /// Empty or only white space.
        Empty => "user_id.empty", InvalidInput, Error,
            "user ID is empty",
            ja: "ユーザIDが入力されていません。",
            en: "The user ID is empty.";
        /// A space, control or non-ASCII character inside the ID.
        InvalidChar {
            /// The character.
            ch: char,
            /// 1-based character position in the trimmed input.
            position: usize,
        } => "user_id.invalid_char", InvalidInput, Error,
            "user ID contains a space, a control or a non-ASCII character",
            ja: { format!("ユーザIDの{position}文字目「{}」は使えません。ユーザIDは半角英数字と記号です。", crate::text::readable(&ch.to_string())) },
            en: { format!("Character {position} of the user ID (\"{}\") is not allowed; user IDs are half-width letters, digits and symbols.", crate::text::readable(&ch.to_string())) };
    }
}

impl UserId {
    /// Parses a user ID.
    ///
    /// # Errors
    ///
    /// `user_id.empty`, or `user_id.invalid_char` naming the first character
    /// that is not printable ASCII (a space inside, a control, kana …).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::facility::UserId;
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// assert_eq!(UserId::parse("ＡＢ１２").unwrap().as_str(), "AB12");
    /// assert_eq!(UserId::parse("AB 12").unwrap_err().code(), "user_id.invalid_char");
    /// ```
    pub fn parse(input: &str) -> Result<UserId, UserIdError> {
        let s = text::normalize(input);
        if s.is_empty() {
            return Err(UserIdError::Empty);
        }
        if let Some((i, ch)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii_graphic()) {
            return Err(UserIdError::InvalidChar {
                ch,
                position: i + 1,
            });
        }
        Ok(UserId(s))
    }

    /// The ID as typed (after normalisation).
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::facility::UserId::parse("x1").unwrap().as_str(), "x1");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UserId({:?})", self.0)
    }
}

impl FromStr for UserId {
    type Err = UserIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UserId::parse(s)
    }
}

impl TryFrom<String> for UserId {
    type Error = UserIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        UserId::parse(&s)
    }
}

impl From<UserId> for String {
    fn from(id: UserId) -> String {
        id.0
    }
}

/// A Japanese postal code (郵便番号), `NNN-NNNN`.
///
/// Accepts `100-0001`, `1000001`, `〒100-0001`, `〒 １００－０００１` and OCR dash
/// variants; displays as `100-0001`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PostalCode([u8; 7]);

crate::diagnostics! {
    /// Why a string is not a [`PostalCode`].
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum PostalCodeError {
        /// Empty or only white space (or only `〒`).
        Empty => "postal_code.empty", InvalidInput, Error,
            "postal code is empty",
            ja: "郵便番号が入力されていません。",
            en: "The postal code is empty.";
        /// Not 7 digits as `NNN-NNNN` or `NNNNNNN`.
        Invalid {
            /// The input, shortened to 20 characters.
            input: String,
        } => "postal_code.invalid", InvalidInput, Error,
            "postal code is not NNN-NNNN",
            ja: { format!("「{}」は郵便番号ではありません。「123-4567」の形で入力してください。", crate::text::readable(input)) },
            en: { format!("\"{}\" is not a postal code; use the form 123-4567.", crate::text::readable(input)) };
    }
}

impl PostalCode {
    /// Parses a postal code.
    ///
    /// # Errors
    ///
    /// `postal_code.empty`, `postal_code.invalid`.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::facility::PostalCode;
    /// assert_eq!(PostalCode::parse("〒１００－０００１")?.to_string(), "100-0001");
    /// assert_eq!(PostalCode::parse("1000001")?.to_string(), "100-0001");
    /// assert_eq!(PostalCode::parse("１００ー０００１")?.to_string(), "100-0001");
    /// assert!(PostalCode::parse("100-001").is_err());
    /// # Ok::<(), hug_onboard_core::facility::PostalCodeError>(())
    /// ```
    pub fn parse(input: &str) -> Result<PostalCode, PostalCodeError> {
        // The long-vowel mark an IME in full-width mode gives for the hyphen
        // (`１００ー０００１`) is one: only a hyphen after the third digit passes below.
        let s = text::normalize(input).replace(['ー', 'ｰ'], "-");
        let s = s.trim_start_matches('〒').trim_start();
        if s.is_empty() {
            return Err(PostalCodeError::Empty);
        }
        let b = s.as_bytes();
        let digits: Vec<u8> = match b.len() {
            8 if b[3] == b'-' => b[..3].iter().chain(&b[4..]).copied().collect(),
            7 => b.to_vec(),
            _ => Vec::new(),
        };
        if digits.len() != 7 || !digits.iter().all(u8::is_ascii_digit) {
            return Err(PostalCodeError::Invalid {
                input: input.trim().chars().take(20).collect(),
            });
        }
        let mut out = [0u8; 7];
        out.copy_from_slice(&digits);
        Ok(PostalCode(out))
    }

    /// The 7 digits without the hyphen.
    ///
    /// ```
    /// let p = hug_onboard_core::facility::PostalCode::parse("100-0001").unwrap();
    /// assert_eq!(p.digits(), "1000001");
    /// ```
    pub fn digits(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl fmt::Display for PostalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.digits();
        write!(f, "{}-{}", &d[..3], &d[3..])
    }
}

impl fmt::Debug for PostalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PostalCode({self})")
    }
}

impl FromStr for PostalCode {
    type Err = PostalCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PostalCode::parse(s)
    }
}

impl Serialize for PostalCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PostalCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PostalCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    #[test]
    fn every_prefecture_code_parses() {
        for p in Prefecture::ALL {
            let s = format!("{}00000000", p.code());
            let n = FacilityNumber::parse(&s).unwrap();
            assert_eq!(n.prefecture(), p);
            assert_eq!(Prefecture::from_code(&p.code()), Some(p));
        }
        assert_eq!(
            FacilityNumber::parse("0000000000").unwrap_err().code(),
            "facility.unknown_prefecture"
        );
    }

    #[test]
    fn serde_roundtrip_and_rejects_bad() {
        let n = FacilityNumber::parse("1312345678").unwrap();
        let j = serde_json::to_string(&n).unwrap();
        assert_eq!(j, "\"1312345678\"");
        assert_eq!(serde_json::from_str::<FacilityNumber>(&j).unwrap(), n);
        assert!(serde_json::from_str::<FacilityNumber>("\"12\"").is_err());
        assert!(serde_json::from_str::<UserId>("\"\"").is_err());
    }

    #[test]
    fn bad_inputs_are_coded() {
        let cases = [
            ("", "facility.empty"),
            ("　 ", "facility.empty"),
            ("131234567", "facility.wrong_length"),
            ("13123456789", "facility.wrong_length"),
            ("13123\u{0}5678", "facility.not_digit"),
            ("一三一二三四五六七八", "facility.not_digit"),
        ];
        for (s, code) in cases {
            assert_eq!(FacilityNumber::parse(s).unwrap_err().code(), code, "{s:?}");
        }
        let long = "1".repeat(10_000);
        assert_eq!(
            FacilityNumber::parse(&long).unwrap_err().code(),
            "facility.wrong_length"
        );
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let errs = [
            FacilityNumberError::Empty,
            FacilityNumberError::NotDigit {
                ch: 'x',
                position: 1,
            },
            FacilityNumberError::WrongLength { len: 3 },
            FacilityNumberError::UnknownPrefecture { code: "99".into() },
        ];
        for e in errs {
            assert!(crate::all_codes().iter().any(|c| c.code == e.code()));
            assert!(!e.message(Lang::Ja).is_empty());
            assert!(e.message(Lang::En).is_ascii());
        }
        for e in [
            UserIdError::Empty,
            UserIdError::InvalidChar {
                ch: ' ',
                position: 2,
            },
        ] {
            assert!(crate::all_codes().iter().any(|c| c.code == e.code()));
        }
    }
}
