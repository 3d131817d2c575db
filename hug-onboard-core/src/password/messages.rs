//! The password module's codes and messages: one `diagnostics!` table per
//! error enum, the lockout advice.

use super::LockoutRule;
#[cfg(doc)]
use super::{MAX_CHAR_VIOLATIONS, PasswordPolicy};
use crate::diagnostic::{Diagnostic, ErrorKind, Lang, Severity};

/// The lockout warning as a finding: "3 wrong passwords lock the ID for 30
/// minutes; check the password here before typing it on the portal".
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::{Diagnostic, Severity};
/// use hug_onboard_core::password::LockoutRule;
/// assert_eq!(LockoutRule::default().advice().severity(), Severity::Info);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockoutAdvice {
    /// The rule the advice states.
    pub rule: LockoutRule,
}

impl Diagnostic for LockoutAdvice {
    fn code(&self) -> &'static str {
        PasswordAdvice::Lockout.code()
    }

    fn kind(&self) -> ErrorKind {
        PasswordAdvice::Lockout.kind()
    }

    fn severity(&self) -> Severity {
        PasswordAdvice::Lockout.severity()
    }

    fn message(&self, lang: Lang) -> String {
        let LockoutRule { attempts, minutes } = self.rule;
        match lang {
            Lang::Ja => format!(
                "パスワードを{attempts}回続けて間違えるとユーザIDがロックされ、{minutes}分以上ログインできなくなります。\
                 ポータルに入力する前に、このライブラリでパスワードを確認してください。"
            ),
            Lang::En => format!(
                "{attempts} wrong passwords in a row lock the user ID for {minutes} minutes or more. \
                 Check the password with this library before typing it on the portal."
            ),
        }
    }
}

crate::diagnostics! {
    /// Why a password cannot be used: one problem found by
    /// [`PasswordPolicy::check`] or [`PasswordPolicy::check_change`].
    ///
    /// Positions are 1-based character positions in the password as given.
    /// Nothing here holds the password; a character variant holds one character
    /// ([`PasswordViolation::character`], for a screen that highlights it). The
    /// messages name positions and never the character typed, which is part of
    /// the password (a host may log messages): only a space's or a control
    /// character's kind is named, and neither can be part of a password.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::{Diagnostic, Lang, Severity};
    /// use hug_onboard_core::password::{PasswordPolicy, PasswordViolation};
    ///
    /// let v = PasswordPolicy::test_screen().check("abcd1234ｘ", None);
    /// assert_eq!(v[0], PasswordViolation::CharFullwidth {
    ///     ch: 'ｘ', position: 9, halfwidth: 'x', halfwidth_allowed: true,
    /// });
    /// assert_eq!(v[0].code(), "password.char_fullwidth");
    /// assert_eq!(v[0].severity(), Severity::Error);
    /// // The message names the position, never the character (a host may log it).
    /// assert!(v[0].message(Lang::En).starts_with("Character 9 of the password is full-width"));
    /// assert!(!v[0].message(Lang::En).contains('x') && !v[0].message(Lang::Ja).contains('ｘ'));
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum PasswordViolation {
        /// The password is empty.
        Empty => "password.empty", InvalidInput, Error,
            "the password is empty",
            ja: "パスワードが入力されていません。",
            en: "The password is empty.";
        /// Fewer characters than the minimum.
        TooShort {
            /// The minimum.
            min: usize,
            /// The length found.
            len: usize,
        } => "password.too_short", InvalidInput, Error,
            "fewer characters than the minimum (8)",
            ja: "パスワードは{min}文字以上で入力してください（現在{len}文字）。",
            en: "The password must be at least {min} characters (it has {len}).";
        /// More characters than the maximum.
        TooLong {
            /// The maximum.
            max: usize,
            /// The length found.
            len: usize,
        } => "password.too_long", InvalidInput, Error,
            "more characters than the maximum (16)",
            ja: "パスワードは{max}文字以内で入力してください（現在{len}文字）。",
            en: "The password must be at most {max} characters (it has {len}).";
        /// No half-width letter.
        NoLetter => "password.no_letter", InvalidInput, Error,
            "no half-width letter a-z A-Z",
            ja: "パスワードには半角英字（a〜z、A〜Z）を1文字以上含めてください。",
            en: "The password must contain at least one half-width letter (a-z, A-Z).";
        /// No half-width digit.
        NoDigit => "password.no_digit", InvalidInput, Error,
            "no half-width digit 0-9",
            ja: "パスワードには半角数字（0〜9）を1文字以上含めてください。",
            en: "The password must contain at least one half-width digit (0-9).";
        /// A full-width (or OCR/IME variant) character whose half-width form is `halfwidth`.
        CharFullwidth {
            /// The character typed.
            ch: char,
            /// 1-based position.
            position: usize,
            /// Its half-width form.
            halfwidth: char,
            /// Whether the policy accepts the half-width form.
            halfwidth_allowed: bool,
        } => "password.char_fullwidth", InvalidInput, Error,
            "a full-width character (the message names its position, not the character)",
            ja: { if *halfwidth_allowed {
                format!("パスワードの{position}文字目は全角文字です。入力モードを半角英数にして、半角で入力してください。")
            } else {
                format!("パスワードの{position}文字目は全角の記号で、その半角の記号もこの画面では使えません。")
            } },
            en: { if *halfwidth_allowed {
                format!("Character {position} of the password is full-width; switch the input mode to half-width alphanumeric and type it half-width.")
            } else {
                format!("Character {position} of the password is a full-width symbol whose half-width form is not accepted on this screen either.")
            } };
        /// A space: ASCII, ideographic (U+3000) or another Unicode space.
        CharSpace {
            /// The space character.
            ch: char,
            /// 1-based position.
            position: usize,
        } => "password.char_space", InvalidInput, Error,
            "a space (ASCII, ideographic or other)",
            ja: { format!("パスワードの{position}文字目が{}です。パスワードに空白は使えません。", space_name(*ch, Lang::Ja)) },
            en: { format!("Character {position} of the password is {}; spaces are not allowed.", space_name(*ch, Lang::En)) };
        /// A control character (NUL, tab, line break, DEL …).
        CharControl {
            /// The control character.
            ch: char,
            /// 1-based position.
            position: usize,
        } => "password.char_control", InvalidInput, Error,
            "a control character (NUL, tab, line break ...)",
            ja: { format!(
                "パスワードの{position}文字目は制御文字（U+{:04X}）です。改行・タブなどの制御文字は使えません。",
                *ch as u32
            ) },
            en: { format!(
                "Character {position} of the password is a control character (U+{:04X}); line breaks, tabs and other control characters are not allowed.",
                *ch as u32
            ) };
        /// `"` or `\`: neither screen accepts them.
        CharQuoteOrBackslash {
            /// `"` or `\`.
            ch: char,
            /// 1-based position.
            position: usize,
        } => "password.char_quote_or_backslash", InvalidInput, Error,
            "\" or \\, refused by both screens",
            ja: "パスワードの{position}文字目は、どちらの画面でも使えない記号（「\"」か「\\」。「\\」は日本語のキーボードでは「¥」と表示されることがあります）です。",
            en: "Character {position} of the password is a symbol neither portal screen accepts ('\"' or '\\', which Japanese keyboards may show as '¥').";
        /// A symbol the other screen (the テストID screen) accepts but this policy does not.
        CharOtherScreen {
            /// The symbol.
            ch: char,
            /// 1-based position.
            position: usize,
            /// The symbols this policy accepts.
            symbols: String,
        } => "password.char_other_screen", InvalidInput, Error,
            "a symbol the other screen accepts but this policy does not (e.g. ^ on the production screen)",
            ja: "パスワードの{position}文字目の記号はテストIDの画面では使えますが、この画面では使えません。使える記号: {symbols}",
            en: "Character {position} of the password is a symbol accepted on the test-ID screen but not on this one. Accepted symbols: {symbols}";
        /// Any other character the policy does not accept.
        CharNotAllowed {
            /// The character.
            ch: char,
            /// 1-based position.
            position: usize,
            /// The symbols this policy accepts.
            symbols: String,
        } => "password.char_not_allowed", InvalidInput, Error,
            "any other character the policy does not accept (kana, kanji, accented letters ...)",
            ja: "パスワードの{position}文字目は使えない文字（かな・漢字・アクセント付きの文字など）です。使える文字は半角英字・半角数字と記号 {symbols} です。",
            en: "Character {position} of the password is not allowed (kana, kanji, accented letters and the like). Use half-width letters, digits and the symbols {symbols}";
        /// More offending characters than [`MAX_CHAR_VIOLATIONS`]: how many more.
        CharMore {
            /// Offending characters not listed one by one.
            count: usize,
        } => "password.char_more", InvalidInput, Error,
            "more offending characters than are listed one by one",
            ja: "ほかに使えない文字が{count}文字あります。",
            en: "{count} more characters are not allowed.";
        /// The password equals the user ID.
        EqualsUserId => "password.equals_user_id", InvalidInput, Error,
            "the password equals the user ID",
            ja: "ユーザIDと同じパスワードは入力できません。",
            en: "The password must not be the same as the user ID.";
        /// The password equals the user ID except for upper/lower case (a warning:
        /// the portal accepts it, but it is easy to guess).
        EqualsUserIdIgnoringCase => "password.equals_user_id_ignoring_case", InvalidInput, Warning,
            "the password equals the user ID except for case",
            ja: "パスワードが大文字・小文字の違いを除いてユーザIDと同じです。推測されやすいので変えてください。",
            en: "The password equals the user ID except for upper/lower case; it is easy to guess, choose another.";
        /// 現在のパスワード is empty.
        CurrentEmpty => "password.current_empty", InvalidInput, Error,
            "change form: the current password is empty",
            ja: "現在のパスワードが入力されていません。",
            en: "The current password is empty.";
        /// 新しいパスワード(確認用) is empty.
        ConfirmEmpty => "password.confirm_empty", InvalidInput, Error,
            "change form: the confirmation is empty",
            ja: "新しいパスワード(確認用)が入力されていません。",
            en: "The confirmation of the new password is empty.";
        /// The confirmation differs from the new password.
        ConfirmMismatch => "password.confirm_mismatch", InvalidInput, Error,
            "change form: the confirmation differs from the new password",
            ja: "新しいパスワードと新しいパスワード(確認用)が一致しません。",
            en: "The new password and its confirmation differ.";
        /// The new password equals the current one.
        SameAsCurrent => "password.same_as_current", InvalidInput, Error,
            "change form: the new password equals the current one",
            ja: "新しいパスワードが現在のパスワードと同じです。別のパスワードにしてください。",
            en: "The new password is the same as the current one; choose a different one.";
    }
}

crate::diagnostics! {
    /// Why [`PasswordPolicy::generate_with`] could not make a password.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::{Diagnostic, Lang};
    /// use hug_onboard_core::password::{PasswordError, PasswordPolicy};
    ///
    /// let e = PasswordPolicy::generation().generate_with(20, |_| Ok(())).unwrap_err();
    /// assert_eq!(e, PasswordError::GenerateLength { requested: "20".into(), min: 8, max: 16 });
    /// assert!(e.message(Lang::Ja).contains("8〜16文字"));
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum PasswordError {
        /// The requested length is outside what the policy and both screens accept.
        GenerateLength {
            /// The length asked for, as the caller gave it: a number, which a
            /// binding may take beyond what `usize` holds (`-1`, `10**22`).
            requested: String,
            /// The smallest length that can be generated.
            min: usize,
            /// The largest length that can be generated.
            max: usize,
        } => "password.generate_length", InvalidInput, Error,
            "generation: the length is outside what the policy and both screens accept",
            ja: "{requested}文字のパスワードは作れません。{min}〜{max}文字を指定してください。",
            en: "Cannot generate a password of {requested} characters; ask for {min} to {max}.";
        /// The random source failed (or kept returning unusable bytes).
        RandomUnavailable {
            /// Why, in both languages.
            reason: RandomReason,
        } => "password.random_unavailable", Unavailable, Error,
            "generation: the random source failed",
            ja: { format!("乱数を取得できませんでした（{}）。", reason.message(Lang::Ja)) },
            en: { format!("No random bytes are available ({}).", reason.message(Lang::En)) };
        /// The generated password failed a check (an internal error: never expected).
        GenerateFailed => "password.generate_failed", Internal, Error,
            "generation: internal error, the result failed a check",
            ja: "内部エラー: 作成したパスワードが条件を満たしませんでした。",
            en: "Internal error: the generated password did not pass the checks.";
    }
}

crate::diagnostic_codes! {
    /// The codes of the password module's advice findings (see [`LockoutAdvice`]).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum PasswordAdvice {
        /// Wrong passwords lock the user ID.
        Lockout => "password.lockout_advice", Advisory, Info,
            "advice: wrong passwords lock the ID (3 tries, 30 minutes)";
    }
}

/// `「x」` for printable characters, `U+XXXX` added for non-ASCII and controls.
fn space_name(ch: char, lang: Lang) -> &'static str {
    match (ch, lang) {
        (' ', Lang::Ja) => "半角スペース",
        ('\u{3000}', Lang::Ja) => "全角スペース",
        (_, Lang::Ja) => "空白文字",
        (' ', Lang::En) => "a space",
        ('\u{3000}', Lang::En) => "an ideographic (full-width) space",
        (_, Lang::En) => "a space character",
    }
}

impl PasswordViolation {
    /// The 1-based character position, for the per-character violations.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// let v = PasswordPolicy::test_screen().check("abcd 1234", None);
    /// assert_eq!(v[0].position(), Some(5));
    /// ```
    pub fn position(&self) -> Option<usize> {
        use PasswordViolation as V;
        match self {
            V::CharFullwidth { position, .. }
            | V::CharSpace { position, .. }
            | V::CharControl { position, .. }
            | V::CharQuoteOrBackslash { position, .. }
            | V::CharOtherScreen { position, .. }
            | V::CharNotAllowed { position, .. } => Some(*position),
            _ => None,
        }
    }

    /// The offending character, for the per-character violations.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// let v = PasswordPolicy::test_screen().check("abcd\"1234", None);
    /// assert_eq!(v[0].character(), Some('"'));
    /// ```
    pub fn character(&self) -> Option<char> {
        use PasswordViolation as V;
        match self {
            V::CharFullwidth { ch, .. }
            | V::CharSpace { ch, .. }
            | V::CharControl { ch, .. }
            | V::CharQuoteOrBackslash { ch, .. }
            | V::CharOtherScreen { ch, .. }
            | V::CharNotAllowed { ch, .. } => Some(*ch),
            _ => None,
        }
    }
}

/// Why no random bytes are available
/// ([`PasswordError::RandomUnavailable`]), in both languages
/// ([`RandomReason::message`]).
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::Lang;
/// use hug_onboard_core::password::RandomReason;
/// let r = RandomReason::UnusableBytes;
/// assert_eq!(r.message(Lang::Ja), "乱数源が使えないバイトばかりを返し続けました");
/// assert_eq!(r.message(Lang::En), "the random source kept returning unusable bytes");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RandomReason {
    /// The source (`fill`) returned an error.
    SourceFailed {
        /// The source's own words (the operating system's, in English): the
        /// English message quotes them; the Japanese one says where they are.
        detail: String,
    },
    /// The source kept returning bytes that rejection sampling must discard.
    UnusableBytes,
}

impl RandomReason {
    /// The reason in `lang`, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RandomReason::SourceFailed { .. }, Lang::Ja) => {
                "乱数源（OS の乱数生成器）がエラーを返しました。OS からの詳細は英語のメッセージにあります"
                    .to_owned()
            }
            (RandomReason::SourceFailed { detail }, Lang::En) => {
                let detail: String = detail.chars().take(200).collect();
                format!(
                    "the random source (the operating system's) failed: {}",
                    crate::text::readable(&detail)
                )
            }
            (RandomReason::UnusableBytes, Lang::Ja) => {
                "乱数源が使えないバイトばかりを返し続けました".to_owned()
            }
            (RandomReason::UnusableBytes, Lang::En) => {
                "the random source kept returning unusable bytes".to_owned()
            }
        }
    }
}
