//! Normalisation of what people type or what OCR produces.
//!
//! Letters from 国保連 are typed in by hand or read by OCR, so the same value
//! arrives as `１２３４５６７８９０`, `1234567890` or `1234567890　` (with an
//! ideographic space). These functions turn such input into one canonical
//! form before any parsing:
//!
//! * [`to_halfwidth_ascii`] — full-width digits, letters and symbols
//!   (U+FF01–U+FF5E) to ASCII, the ideographic space U+3000 to a space, and the
//!   common OCR dashes (‐ ‑ – — − ―) to `-`.
//! * [`normalize`] — the above, plus trimming.
//! * Katakana: [`classify_katakana`], [`halfwidth_to_fullwidth_katakana`],
//!   [`fullwidth_to_halfwidth_katakana`].
//! * [`find_control`] — the first control character (NUL, escape, …), which
//!   parsers reject with a coded error.
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::text;
//!
//! assert_eq!(text::normalize("　１２３４５６７８９０ "), "1234567890");
//! assert_eq!(text::halfwidth_to_fullwidth_katakana("ﾊｸﾞ ｻｰﾋﾞｽ"), "ハグ サービス");
//! ```

/// Unicode NFC: decomposed kana as pasted from macOS (`カ` + U+3099) composed
/// (`ガ`), by the `unicode-normalization` crate.
///
/// ```
/// assert_eq!(hug_onboard_core::text::nfc("\u{30AB}\u{3099}"), "ガ");
/// ```
pub fn nfc(input: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    input.nfc().collect()
}

/// A character in a katakana field that only looks like katakana.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KanaLookAlike {
    /// The character typed.
    pub ch: char,
    /// Its 1-based position (after normalisation).
    pub position: usize,
}

/// Dashes that look like the long-vowel mark `ー` when typed after kana (the
/// box-drawing horizontals U+2500 `─` and U+2501 `━` too, drawn alike in Japanese fonts).
fn is_dash_lookalike(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
            | '\u{FF0D}'
            | '\u{FE63}'
            | '\u{2500}'
            | '\u{2501}'
    )
}

/// Normalises a typed katakana field to what 取込送信 stores: NFC (decomposed
/// voiced marks composed), half-width katakana to full-width (`ﾊﾞ` → `バ`,
/// `ｰ` → `ー`, also inside mixed text such as `ハッピｰキッズ`). Refuses the
/// characters that only look like `ー`: the kanji `一` anywhere, and an ASCII
/// hyphen, U+2212 minus or another dash right after a kana.
///
/// # Errors
///
/// The first look-alike and its 1-based position.
///
/// ```
/// use hug_onboard_core::text::normalize_kana;
/// assert_eq!(normalize_kana("ハッピｰキッズ").unwrap(), "ハッピーキッズ");
/// assert_eq!(normalize_kana("\u{30AB}\u{3099}ｸﾞﾐ").unwrap(), "ガグミ");
/// assert_eq!(normalize_kana("ハッピ一キッズ").unwrap_err().ch, '一');
/// assert_eq!(normalize_kana("ハッピ-キッズ").unwrap_err().position, 4);
/// assert_eq!(normalize_kana("チヨダ 1-1").unwrap(), "チヨダ 1-1"); // 番地 keep their hyphen
/// ```
pub fn normalize_kana(input: &str) -> Result<String, KanaLookAlike> {
    let s = halfwidth_to_fullwidth_katakana(&nfc(input));
    let mut prev: Option<char> = None;
    for (i, c) in s.chars().enumerate() {
        let after_kana = prev
            .is_some_and(|p| is_fullwidth_katakana(p) || ('\u{3041}'..='\u{309F}').contains(&p));
        if c == '\u{4E00}' || (is_dash_lookalike(c) && after_kana) {
            return Err(KanaLookAlike {
                ch: c,
                position: i + 1,
            });
        }
        prev = Some(c);
    }
    Ok(s)
}

/// Maps full-width ASCII variants to ASCII, the ideographic space to a space and
/// OCR dash variants to `-`; everything else is kept.
///
/// Katakana are not touched (see [`halfwidth_to_fullwidth_katakana`]), and the
/// long-vowel mark `ー` is kept, because it is a letter in kana names.
///
/// ```
/// use hug_onboard_core::text::to_halfwidth_ascii;
/// assert_eq!(to_halfwidth_ascii("ＡＢＣ－１２３　＃"), "ABC-123 #");
/// assert_eq!(to_halfwidth_ascii("令和元年６月３日"), "令和元年6月3日");
/// ```
pub fn to_halfwidth_ascii(input: &str) -> String {
    input.chars().map(halfwidth_ascii_char).collect()
}

/// The half-width ASCII form of one character (see [`to_halfwidth_ascii`]).
///
/// ```
/// assert_eq!(hug_onboard_core::text::halfwidth_ascii_char('９'), '9');
/// assert_eq!(hug_onboard_core::text::halfwidth_ascii_char('あ'), 'あ');
/// ```
pub fn halfwidth_ascii_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3000}' => ' ',
        // OCR and IME dash variants: hyphen, non-breaking hyphen, figure dash,
        // en dash, em dash, horizontal bar, minus sign, small hyphen-minus.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE63}' => '-',
        // Full-width yen sign and the wave dash are left alone on purpose.
        _ => c,
    }
}

/// [`to_halfwidth_ascii`] followed by trimming of white space (including the
/// ideographic space, tabs and line breaks) at both ends.
///
/// ```
/// assert_eq!(hug_onboard_core::text::normalize("\t　Ｒ１．６．３\r\n"), "R1.6.3");
/// ```
pub fn normalize(input: &str) -> String {
    to_halfwidth_ascii(input).trim().to_owned()
}

/// Collapses every run of white space (ASCII or ideographic) into one ASCII space
/// and trims the ends; applied after [`to_halfwidth_ascii`].
///
/// ```
/// assert_eq!(hug_onboard_core::text::collapse_spaces(" 令和　元年  6月 "), "令和 元年 6月");
/// ```
pub fn collapse_spaces(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for word in input.split(|c: char| c.is_whitespace() || c == '\u{3000}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The first control character (C0, DEL or C1, other than tab, CR and LF) and
/// its character position (0-based), if any.
///
/// ```
/// assert_eq!(hug_onboard_core::text::find_control("ab\0c"), Some((2, '\0')));
/// assert_eq!(hug_onboard_core::text::find_control("a\tb\r\n"), None);
/// ```
pub fn find_control(input: &str) -> Option<(usize, char)> {
    input
        .chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
}

/// `input` as a message quotes it: each control character, each white-space
/// character other than the ASCII space (tab, line break, U+3000, …) and each
/// invisible character (Unicode's Default_Ignorable_Code_Point: zero-width
/// spaces and joiners, direction marks, variation selectors, the BOM, …) is
/// written `<U+XXXX>`, as the project's messages name such characters; every
/// other character is kept as it is, combining marks included (Rust's `{:?}`
/// wrote `"R\u{301}"` for `Ŕ`). The quotes are the message's (「…」 or "…").
///
/// ```
/// use hug_onboard_core::text::readable;
/// assert_eq!(readable("R\u{301}"), "R\u{301}");
/// assert_eq!(readable("令和\u{200B}元年"), "令和<U+200B>元年");
/// assert_eq!(readable("a\tb\0"), "a<U+0009>b<U+0000>");
/// assert_eq!(readable("a b"), "a b");
/// ```
pub fn readable(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        if is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Is `c` written `<U+XXXX>` by [`readable`]: a control character, white space
/// other than U+0020, a line or paragraph separator, or a default-ignorable
/// code point (Unicode 15.1 DerivedCoreProperties.txt, Default_Ignorable_Code_Point)?
fn is_invisible(c: char) -> bool {
    (c.is_control() || c.is_whitespace()) && c != ' '
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Is this a full-width katakana letter or mark (ァ–ヺ, ー, ヽ, ヾ)?
///
/// ```
/// use hug_onboard_core::text::is_fullwidth_katakana;
/// assert!(is_fullwidth_katakana('ガ'));
/// assert!(is_fullwidth_katakana('ー'));
/// assert!(!is_fullwidth_katakana('ｶ'));
/// assert!(!is_fullwidth_katakana('か'));
/// ```
pub fn is_fullwidth_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FE}')
}

/// Is this a half-width katakana letter or mark (ｦ–ﾟ, including ｰ, ﾞ and ﾟ)?
///
/// ```
/// use hug_onboard_core::text::is_halfwidth_katakana;
/// assert!(is_halfwidth_katakana('ｶ'));
/// assert!(is_halfwidth_katakana('ﾞ'));
/// assert!(!is_halfwidth_katakana('カ'));
/// ```
pub fn is_halfwidth_katakana(c: char) -> bool {
    matches!(c, '\u{FF66}'..='\u{FF9F}')
}

/// Characters allowed between katakana in a kana field without making it
/// non-katakana: spaces (ASCII and ideographic) and the middle dots `・` `･`.
fn is_kana_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{30FB}' | '\u{FF65}')
}

/// What kind of katakana a string is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KanaClass {
    /// Only full-width katakana (and separators).
    FullWidth,
    /// Only half-width katakana (and separators).
    HalfWidth,
    /// Both full- and half-width katakana.
    Mixed,
    /// Empty or only separators.
    Empty,
    /// Contains a character that is not katakana: the first one and its
    /// character position (0-based).
    NotKatakana {
        /// The offending character.
        ch: char,
        /// Its 0-based character position.
        position: usize,
    },
}

/// Classifies a kana field (e.g. 名称カナ, 氏名カナ).
///
/// Spaces and middle dots are allowed anywhere; hiragana, kanji, Latin letters
/// and digits are not.
///
/// ```
/// use hug_onboard_core::text::{classify_katakana, KanaClass};
/// assert_eq!(classify_katakana("ヤマダ タロウ"), KanaClass::FullWidth);
/// assert_eq!(classify_katakana("ﾔﾏﾀﾞ ﾀﾛｳ"), KanaClass::HalfWidth);
/// assert_eq!(classify_katakana("ヤマダ ﾀﾛｳ"), KanaClass::Mixed);
/// assert_eq!(classify_katakana("やまだ"), KanaClass::NotKatakana { ch: 'や', position: 0 });
/// assert_eq!(classify_katakana("　"), KanaClass::Empty);
/// ```
pub fn classify_katakana(input: &str) -> KanaClass {
    let (mut full, mut half) = (false, false);
    for (position, ch) in input.chars().enumerate() {
        if is_fullwidth_katakana(ch) {
            full = true;
        } else if is_halfwidth_katakana(ch) {
            half = true;
        } else if !is_kana_separator(ch) {
            return KanaClass::NotKatakana { ch, position };
        }
    }
    match (full, half) {
        (true, true) => KanaClass::Mixed,
        (true, false) => KanaClass::FullWidth,
        (false, true) => KanaClass::HalfWidth,
        (false, false) => KanaClass::Empty,
    }
}

/// Half-width katakana of U+FF66..=U+FF9D in code-point order, as full-width.
const HALF_TO_FULL: [char; 56] = [
    'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー', 'ア', 'イ', 'ウ', 'エ', 'オ',
    'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ',
    'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ',
    'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン',
];

fn half_base_to_full(c: char) -> Option<char> {
    match c {
        '\u{FF66}'..='\u{FF9D}' => Some(HALF_TO_FULL[(c as u32 - 0xFF66) as usize]),
        '\u{FF65}' => Some('・'),
        '\u{FF61}' => Some('。'),
        '\u{FF62}' => Some('「'),
        '\u{FF63}' => Some('」'),
        '\u{FF64}' => Some('、'),
        _ => None,
    }
}

fn add_dakuten(c: char) -> Option<char> {
    match c {
        'ウ' => Some('ヴ'),
        'ワ' => Some('ヷ'),
        'ヲ' => Some('ヺ'),
        'カ' | 'キ' | 'ク' | 'ケ' | 'コ' | 'サ' | 'シ' | 'ス' | 'セ' | 'ソ' | 'タ' | 'チ'
        | 'ツ' | 'テ' | 'ト' | 'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => {
            char::from_u32(c as u32 + 1)
        }
        _ => None,
    }
}

fn add_handakuten(c: char) -> Option<char> {
    match c {
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => char::from_u32(c as u32 + 2),
        _ => None,
    }
}

/// Converts half-width katakana to full-width, combining the voiced marks
/// (`ｶﾞ` → `ガ`, `ﾊﾟ` → `パ`); other characters are kept.
///
/// ```
/// use hug_onboard_core::text::halfwidth_to_fullwidth_katakana;
/// assert_eq!(halfwidth_to_fullwidth_katakana("ﾎｳｶｺﾞﾄｳﾃﾞｲｻｰﾋﾞｽ"), "ホウカゴトウデイサービス");
/// assert_eq!(halfwidth_to_fullwidth_katakana("ｳﾞｧ ﾊﾟ"), "ヴァ パ");
/// ```
pub fn halfwidth_to_fullwidth_katakana(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(full) = half_base_to_full(c) else {
            out.push(match c {
                '\u{FF9E}' => '゛',
                '\u{FF9F}' => '゜',
                _ => c,
            });
            continue;
        };
        let combined = match chars.peek() {
            Some('\u{FF9E}') => add_dakuten(full),
            Some('\u{FF9F}') => add_handakuten(full),
            _ => None,
        };
        match combined {
            Some(v) => {
                chars.next();
                out.push(v);
            }
            None => out.push(full),
        }
    }
    out
}

/// Converts full-width katakana to half-width (`ガ` → `ｶﾞ`), for fields that
/// must be half-width; characters without a half-width form (e.g. `ヰ`) are kept.
///
/// ```
/// use hug_onboard_core::text::fullwidth_to_halfwidth_katakana;
/// assert_eq!(fullwidth_to_halfwidth_katakana("ハグ・サービス"), "ﾊｸﾞ･ｻｰﾋﾞｽ");
/// ```
pub fn fullwidth_to_halfwidth_katakana(input: &str) -> String {
    let mut out = String::with_capacity(input.len() * 2);
    for c in input.chars() {
        if let Some(i) = HALF_TO_FULL.iter().position(|&f| f == c) {
            out.push(char::from_u32(0xFF66 + i as u32).unwrap_or(c));
            continue;
        }
        let (base, mark) = match c {
            'ヴ' => ('ウ', Some('\u{FF9E}')),
            'ヷ' => ('ワ', Some('\u{FF9E}')),
            'ヺ' => ('ヲ', Some('\u{FF9E}')),
            '・' => ('・', None),
            _ => {
                // Voiced: the code point after an unvoiced base; semi-voiced: two after.
                let prev1 = (c as u32)
                    .checked_sub(1)
                    .and_then(char::from_u32)
                    .filter(|&b| add_dakuten(b) == Some(c));
                let prev2 = (c as u32)
                    .checked_sub(2)
                    .and_then(char::from_u32)
                    .filter(|&b| add_handakuten(b) == Some(c));
                match (prev1, prev2) {
                    (Some(b), _) => (b, Some('\u{FF9E}')),
                    (None, Some(b)) => (b, Some('\u{FF9F}')),
                    _ => {
                        out.push(c);
                        continue;
                    }
                }
            }
        };
        if base == '・' {
            out.push('\u{FF65}');
            continue;
        }
        match HALF_TO_FULL.iter().position(|&f| f == base) {
            Some(i) => {
                out.push(char::from_u32(0xFF66 + i as u32).unwrap_or(base));
                if let Some(m) = mark {
                    out.push(m);
                }
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message that quotes what a caller typed quotes it readably: no
    /// Rust escape (`R\u{301}` was shown for `Ŕ`), each invisible character as
    /// `<U+XXXX>`, in Japanese too (a zero-width space was invisible there).
    #[test]
    fn messages_quote_what_was_typed_readably() {
        use crate::diagnostic::{Diagnostic, Lang};
        let typed = "R\u{301}\u{200B}x\t";
        let mut errors: Vec<Box<dyn Diagnostic>> = vec![
            Box::new(crate::wareki::parse_date("R\u{301}\u{200B}1.2.3").unwrap_err()),
            Box::new(crate::wareki::parse_date(&format!("{typed}!")).unwrap_err()),
            Box::new(crate::calendar::parse_date(typed).unwrap_err()),
            Box::new(crate::schedule::YearMonth::parse(typed).unwrap_err()),
            Box::new(typed.parse::<crate::diagnostic::Lang>().unwrap_err()),
            Box::new(crate::facility::PostalCode::parse(typed).unwrap_err()),
            Box::new(crate::facility::FacilityNumber::parse("131\u{200B}345678").unwrap_err()),
            Box::new(crate::facility::UserId::parse("P13\u{200B}").unwrap_err()),
        ];
        errors.push(Box::new(crate::onboarding::WorkflowError::UnknownStep {
            id: typed.into(),
        }));
        for e in &errors {
            for lang in [Lang::Ja, Lang::En] {
                let m = e.message(lang);
                assert!(
                    !m.contains("\\u{") && !m.contains('\u{200B}'),
                    "{}: {m}",
                    e.code()
                );
                assert!(m.contains("<U+200B>"), "{}: {m}", e.code());
            }
        }
        let era = &errors[0];
        assert_eq!(era.code(), "wareki.unknown_era");
        assert!(
            era.message(Lang::En).starts_with("\"R\u{301}<U+200B>\""),
            "{}",
            era.message(Lang::En)
        );
        assert!(
            era.message(Lang::Ja).starts_with("「R\u{301}<U+200B>」"),
            "{}",
            era.message(Lang::Ja)
        );
    }

    #[test]
    fn fullwidth_ascii_range_roundtrips() {
        for cp in 0x21u32..=0x7E {
            let ascii = char::from_u32(cp).unwrap();
            let full = char::from_u32(cp - 0x21 + 0xFF01).unwrap();
            assert_eq!(halfwidth_ascii_char(full), ascii);
            assert_eq!(halfwidth_ascii_char(ascii), ascii);
        }
    }

    #[test]
    fn katakana_roundtrip_all_halfwidth_letters() {
        for cp in 0xFF66u32..=0xFF9D {
            let h = char::from_u32(cp).unwrap().to_string();
            let f = halfwidth_to_fullwidth_katakana(&h);
            assert_eq!(fullwidth_to_halfwidth_katakana(&f), h, "{h}");
        }
        let voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ";
        let half = fullwidth_to_halfwidth_katakana(voiced);
        assert_eq!(halfwidth_to_fullwidth_katakana(&half), voiced);
    }

    #[test]
    fn stray_marks_and_others_are_kept() {
        assert_eq!(halfwidth_to_fullwidth_katakana("ﾞｱ"), "゛ア");
        assert_eq!(halfwidth_to_fullwidth_katakana("ｱﾟ"), "ア゜");
        assert_eq!(fullwidth_to_halfwidth_katakana("abcヰ"), "abcヰ");
        assert_eq!(fullwidth_to_halfwidth_katakana("\0\u{1}"), "\0\u{1}");
    }

    #[test]
    fn long_inputs_do_not_blow_up() {
        let s = "１".repeat(10_000);
        assert_eq!(normalize(&s).len(), 10_000);
        let k = "ｶﾞ".repeat(10_000);
        assert_eq!(halfwidth_to_fullwidth_katakana(&k).chars().count(), 10_000);
    }
}
