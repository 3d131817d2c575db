//! Password rules of the 電子請求受付システム (the 国保連 portal) as data: check, change form, generation.
//!
//! On first login with a (仮)パスワード, and whenever a password expires, the
//! portal forces a change (guide P6 for the テストID, P22 for the production
//! ID). Its screen states the rule (DOMAIN.md, "Accounts and passwords"):
//!
//! * 8–16 characters of half-width letters `a-zA-Z`, digits `0-9` and symbols;
//! * at least one letter and one digit (symbols optional);
//! * not equal to the user ID; case-sensitive.
//!
//! The **symbol set differs between the two screens** (DOMAIN.md: confidence
//! U, so it is data): the テストID screen lists ``!#$%&'()*+,-./:;<=>?@[]^_`{|}~``
//! (every printable ASCII punctuation character except `"` and `\`), the
//! production screen `!#$%&'()*+,-./:;<=>?@[]_{}` (the same without `^`,
//! `` ` ``, `|`, `~`). A [`PasswordPolicy`] holds all of this as plain,
//! serialisable data, with three built-in profiles ([`PasswordProfile`]):
//! [`PasswordPolicy::test_screen`], [`PasswordPolicy::production_screen`] and
//! [`PasswordPolicy::generation`] (what both screens accept).
//!
//! Three wrong passwords lock the ID for 30 minutes or more (Osaka and Nara
//! 国保連 FAQs): the [`LockoutRule`] is data too, and appears in
//! [`PasswordPolicy::advice`] and [`LockoutAdvice`] — check a password with
//! this module *before* typing it on the portal.
//!
//! # What is checked
//!
//! [`PasswordPolicy::check`] returns **every** [`PasswordViolation`], in this
//! order:
//!
//! 1. `password.empty` — and nothing else for an empty password;
//! 2. `password.too_short` / `password.too_long` (the limit and the length, in
//!    characters);
//! 3. `password.no_letter`, `password.no_digit`;
//! 4. one entry per offending character, by position (1-based, in characters):
//!    `password.char_fullwidth` (with its half-width form, e.g. `Ａ` → `A`),
//!    `password.char_space` (ASCII or ideographic space),
//!    `password.char_control` (NUL, tab, newline …),
//!    `password.char_quote_or_backslash` (`"` and `\`, refused by both screens),
//!    `password.char_other_screen` (a symbol only the テストID screen accepts),
//!    `password.char_not_allowed` (anything else: kana, kanji, `é`, emoji …).
//!    At most [`MAX_CHAR_VIOLATIONS`] characters are listed; the rest are
//!    counted in one final `password.char_more`;
//! 5. `password.equals_user_id` (error) or
//!    `password.equals_user_id_ignoring_case` (warning).
//!
//! The letter, digit and user-ID checks look at the password **as it will be
//! once the reported full-width characters are typed half-width**, so fixing
//! what is reported never reveals a new problem. Nothing is trimmed: a trailing
//! space copied from a letter is reported, not silently removed.
//!
//! [`PasswordPolicy::check_change`] checks the whole change form (現在のパスワード,
//! 新しいパスワード, 新しいパスワード(確認用)). [`PasswordPolicy::generate_with`]
//! makes a password from a CSPRNG that both screens accept and that contains
//! no look-alike characters ([`LOOK_ALIKES`]).
//!
//! Passwords are taken as `&str`, never stored, and never appear in a message
//! (a single offending character does); generated ones come back in a
//! [`Secret`].
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::diagnostic::{Diagnostic, Lang};
//! use hug_onboard_core::password::PasswordPolicy;
//!
//! let policy = PasswordPolicy::production_screen();
//! let codes: Vec<_> = policy.check("abc^1", None).iter().map(|v| v.code()).collect();
//! assert_eq!(codes, ["password.too_short", "password.char_other_screen"]);
//!
//! let v = &policy.check("abc1", None)[0];
//! assert_eq!(v.message(Lang::Ja), "パスワードは8文字以上で入力してください（現在4文字）。");
//!
//! let os = |b: &mut [u8]| getrandom::fill(b).map_err(|e| e.to_string());
//! let pw = PasswordPolicy::generation().generate_with(12, os)?;
//! assert!(PasswordPolicy::test_screen().check(pw.expose(), None).is_empty());
//! assert!(policy.check(pw.expose(), None).is_empty());
//! # Ok::<(), hug_onboard_core::password::PasswordError>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::diagnostic::{Diagnostic, ErrorKind, Lang, Severity};
use crate::secret::Secret;
use crate::text;

/// The symbols the テストID password screen accepts (guide P6): every printable
/// ASCII punctuation character except `"` and `\`.
///
/// ```
/// use hug_onboard_core::password::TEST_SCREEN_SYMBOLS;
/// assert_eq!(TEST_SCREEN_SYMBOLS.len(), 30);
/// assert!(!TEST_SCREEN_SYMBOLS.contains('"') && !TEST_SCREEN_SYMBOLS.contains('\\'));
/// ```
pub const TEST_SCREEN_SYMBOLS: &str = "!#$%&'()*+,-./:;<=>?@[]^_`{|}~";

/// The symbols the production-ID password screen accepts (guide P22): the
/// テストID set without `^`, `` ` ``, `|` and `~`.
///
/// ```
/// use hug_onboard_core::password::{PRODUCTION_SCREEN_SYMBOLS, TEST_SCREEN_SYMBOLS};
/// assert!(PRODUCTION_SCREEN_SYMBOLS.chars().all(|c| TEST_SCREEN_SYMBOLS.contains(c)));
/// let only_test: String = TEST_SCREEN_SYMBOLS.chars().filter(|c| !PRODUCTION_SCREEN_SYMBOLS.contains(*c)).collect();
/// assert_eq!(only_test, "^`|~");
/// ```
pub const PRODUCTION_SCREEN_SYMBOLS: &str = "!#$%&'()*+,-./:;<=>?@[]_{}";

/// Characters [`PasswordPolicy::generate_with`] never uses, because they are easy to
/// misread on paper or on screen: `0 O o` (zero and the letter O), `1 l I |`
/// (one, small L, capital i, bar), `` ' ` " `` (quotes), `, .` and `; :`
/// (hard to tell apart in small print).
///
/// ```
/// use hug_onboard_core::password::{LOOK_ALIKES, PasswordPolicy};
/// let os = |b: &mut [u8]| getrandom::fill(b).map_err(|e| e.to_string());
/// let pw = PasswordPolicy::generation().generate_with(16, os)?;
/// assert!(!pw.expose().chars().any(|c| LOOK_ALIKES.contains(c)));
/// # Ok::<(), hug_onboard_core::password::PasswordError>(())
/// ```
pub const LOOK_ALIKES: &str = "0Oo1lI|'`\",.;:";

/// How many offending characters [`PasswordPolicy::check`] lists one by one;
/// any further ones are counted in a single `password.char_more`.
///
/// A password has at most 16 characters, so 20 covers every real case while a
/// 10 000-character paste still yields a short list.
///
/// ```
/// use hug_onboard_core::diagnostic::Diagnostic;
/// use hug_onboard_core::password::{MAX_CHAR_VIOLATIONS, PasswordPolicy};
/// let v = PasswordPolicy::test_screen().check(&"あ".repeat(10_000), None);
/// assert_eq!(v.iter().filter(|v| v.code() == "password.char_not_allowed").count(), MAX_CHAR_VIOLATIONS);
/// assert_eq!(v.last().unwrap().code(), "password.char_more");
/// ```
pub const MAX_CHAR_VIOLATIONS: usize = 20;

/// The portal's lockout: after `attempts` wrong passwords the ID is locked for
/// at least `minutes` minutes (S: Osaka and Nara 国保連 FAQs).
///
/// # Example
///
/// ```
/// use hug_onboard_core::password::LockoutRule;
/// let rule = LockoutRule::default();
/// assert_eq!((rule.attempts, rule.minutes), (3, 30));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockoutRule {
    /// Wrong passwords in a row that lock the ID.
    pub attempts: u32,
    /// Minutes (at least) before the user may try again.
    pub minutes: u32,
}

impl Default for LockoutRule {
    fn default() -> Self {
        LockoutRule {
            attempts: 3,
            minutes: 30,
        }
    }
}

impl LockoutRule {
    /// The advice to show before a user types a password on the portal, as a
    /// [`Diagnostic`] (code `password.lockout_advice`, severity info).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::{Diagnostic, Lang};
    /// use hug_onboard_core::password::LockoutRule;
    ///
    /// let a = LockoutRule::default().advice();
    /// assert_eq!(a.code(), "password.lockout_advice");
    /// assert!(a.message(Lang::Ja).contains("3回"));
    /// assert!(a.message(Lang::En).contains("30 minutes"));
    /// ```
    pub fn advice(self) -> LockoutAdvice {
        LockoutAdvice { rule: self }
    }
}

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

/// The built-in password profiles.
///
/// # Example
///
/// ```
/// use hug_onboard_core::password::PasswordProfile;
/// let p = PasswordProfile::parse("production").unwrap();
/// assert_eq!(p.name(), "production");
/// assert_eq!(p.policy().max_len, 16);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PasswordProfile {
    /// The password-change screen of a テストID (the larger symbol set).
    Test,
    /// The password-change screen of a production ID (the smaller symbol set).
    Production,
    /// What both screens accept: the rules generated passwords follow.
    Generation,
}

impl PasswordProfile {
    /// Every built-in profile.
    pub const ALL: [PasswordProfile; 3] = [
        PasswordProfile::Test,
        PasswordProfile::Production,
        PasswordProfile::Generation,
    ];

    /// Parses `"test"`, `"production"` or `"generation"` (case-insensitive,
    /// surrounding spaces ignored).
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordProfile;
    /// assert_eq!(PasswordProfile::parse(" Test "), Some(PasswordProfile::Test));
    /// assert_eq!(PasswordProfile::parse("prod"), None);
    /// ```
    pub fn parse(s: &str) -> Option<PasswordProfile> {
        match s.trim().to_ascii_lowercase().as_str() {
            "test" => Some(PasswordProfile::Test),
            "production" => Some(PasswordProfile::Production),
            "generation" => Some(PasswordProfile::Generation),
            _ => None,
        }
    }

    /// The stable name: `"test"`, `"production"` or `"generation"`.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::password::PasswordProfile::Generation.name(), "generation");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            PasswordProfile::Test => "test",
            PasswordProfile::Production => "production",
            PasswordProfile::Generation => "generation",
        }
    }

    /// The policy of this profile.
    ///
    /// ```
    /// use hug_onboard_core::password::{PasswordPolicy, PasswordProfile};
    /// assert_eq!(PasswordProfile::Test.policy(), PasswordPolicy::test_screen());
    /// ```
    pub fn policy(self) -> PasswordPolicy {
        match self {
            PasswordProfile::Test => PasswordPolicy::test_screen(),
            PasswordProfile::Production => PasswordPolicy::production_screen(),
            PasswordProfile::Generation => PasswordPolicy::generation(),
        }
    }
}

/// A password rule as data: lengths, required classes, allowed symbols,
/// the user-ID rule, case sensitivity and the lockout.
///
/// Letters are always the half-width `a-zA-Z` and digits `0-9`; only the
/// symbol set varies between screens. Lengths count characters (Unicode
/// scalar values), not bytes. The built-in profiles follow DOMAIN.md; load
/// another from JSON when a 国保連 screen differs.
///
/// # Example
///
/// ```
/// use hug_onboard_core::password::PasswordPolicy;
///
/// let json = r#"{"min_len":8,"max_len":16,"require_letter":true,"require_digit":true,
///   "symbols":"!#$%","differ_from_user_id":true,"case_sensitive":true,
///   "lockout":{"attempts":3,"minutes":30}}"#;
/// let p: PasswordPolicy = serde_json::from_str(json).unwrap();
/// assert!(p.check("abcd123!", None).is_empty());
/// assert_eq!(p.check("abcd123&", None).len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Minimum length in characters (8 on both screens).
    pub min_len: usize,
    /// Maximum length in characters (16 on both screens).
    pub max_len: usize,
    /// At least one half-width letter `a-zA-Z` is required.
    pub require_letter: bool,
    /// At least one half-width digit `0-9` is required.
    pub require_digit: bool,
    /// The symbols accepted besides letters and digits.
    pub symbols: String,
    /// The password must differ from the user ID.
    pub differ_from_user_id: bool,
    /// Whether the portal tells `Abc` from `abc` (it does: S). When `false`,
    /// a password equal to the user ID ignoring case is an error, and the
    /// same-as-current check ignores case too.
    pub case_sensitive: bool,
    /// The lockout after wrong attempts.
    #[serde(default)]
    pub lockout: LockoutRule,
}

crate::diagnostics! {
    /// Why a password cannot be used: one problem found by
    /// [`PasswordPolicy::check`] or [`PasswordPolicy::check_change`].
    ///
    /// Positions are 1-based character positions in the password as given.
    /// Nothing here holds the password; a character variant holds one character.
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
    /// assert!(v[0].message(Lang::En).contains("half-width 'x'"));
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
            "a full-width character; the message gives its half-width form",
            ja: { if *halfwidth_allowed {
                format!(
                    "パスワードの{position}文字目{}は全角文字です。半角の「{halfwidth}」で入力してください。",
                    show_char(*ch)
                )
            } else {
                format!(
                    "パスワードの{position}文字目{}は全角文字です。半角の「{halfwidth}」もこの画面では使えません。",
                    show_char(*ch)
                )
            } },
            en: { if *halfwidth_allowed {
                format!(
                    "Character {position} of the password ({}) is full-width; type the half-width '{halfwidth}'.",
                    show_char_en(*ch)
                )
            } else {
                format!(
                    "Character {position} of the password ({}) is full-width, and its half-width form '{halfwidth}' is not accepted on this screen either.",
                    show_char_en(*ch)
                )
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
                "パスワードの{position}文字目は制御文字（{}）です。改行・タブなどの制御文字は使えません。",
                show_char(*ch)
            ) },
            en: { format!(
                "Character {position} of the password is a control character ({}); line breaks, tabs and other control characters are not allowed.",
                show_char_en(*ch)
            ) };
        /// `"` or `\`: neither screen accepts them.
        CharQuoteOrBackslash {
            /// `"` or `\`.
            ch: char,
            /// 1-based position.
            position: usize,
        } => "password.char_quote_or_backslash", InvalidInput, Error,
            "\" or \\, refused by both screens",
            ja: { format!(
                "パスワードの{position}文字目「{ch}」{}はどちらの画面でも使えない記号です。",
                if *ch == '\\' { "（日本語のキーボードでは「¥」と表示されることがあります）" } else { "" }
            ) },
            en: { format!(
                "Character {position} of the password ('{ch}'{}) is a symbol neither portal screen accepts.",
                if *ch == '\\' { " (shown as '¥' on Japanese keyboards)" } else { "" }
            ) };
        /// A symbol the other screen (the テストID screen) accepts but this policy does not.
        CharOtherScreen {
            /// The symbol.
            ch: char,
            /// 1-based position.
            position: usize,
            /// The symbols this policy accepts.
            symbols: String,
        } => "password.char_other_screen", InvalidInput, Error,
            "a symbol only the test-ID screen accepts (^ ` | ~ on the production screen)",
            ja: "パスワードの{position}文字目の記号「{ch}」はテストIDの画面では使えますが、この画面では使えません。使える記号: {symbols}",
            en: "Character {position} of the password ('{ch}') is accepted on the test-ID screen but not on this one. Accepted symbols: {symbols}";
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
            ja: { format!(
                "パスワードの{position}文字目{}は使えません。使える文字は半角英字・半角数字と記号 {symbols} です。",
                show_char(*ch)
            ) },
            en: { format!(
                "Character {position} of the password ({}) is not allowed. Use half-width letters, digits and the symbols {symbols}",
                show_char_en(*ch)
            ) };
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
    /// assert_eq!(e, PasswordError::GenerateLength { requested: 20, min: 8, max: 16 });
    /// assert!(e.message(Lang::Ja).contains("8〜16文字"));
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum PasswordError {
        /// The requested length is outside what the policy and both screens accept.
        GenerateLength {
            /// The length asked for.
            requested: usize,
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
            /// What the source said.
            reason: String,
        } => "password.random_unavailable", Unavailable, Error,
            "generation: the random source failed",
            ja: "乱数を取得できませんでした（{reason}）。",
            en: "No random bytes are available ({reason}).";
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
fn show_char(ch: char) -> String {
    if ch.is_ascii_graphic() {
        format!("「{ch}」")
    } else if ch.is_control() || ch.is_whitespace() {
        format!("U+{:04X}", ch as u32)
    } else {
        format!("「{ch}」(U+{:04X})", ch as u32)
    }
}

fn show_char_en(ch: char) -> String {
    if ch.is_ascii_graphic() {
        format!("'{ch}'")
    } else if ch.is_control() || ch.is_whitespace() {
        format!("U+{:04X}", ch as u32)
    } else {
        format!("'{ch}', U+{:04X}", ch as u32)
    }
}

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

/// What one character of a candidate is, for the policy.
enum CharClass {
    Letter,
    Digit,
    Symbol,
    Bad(PasswordViolation),
}

impl PasswordPolicy {
    /// The テストID password-change screen (guide P6): 8–16 characters, a
    /// letter and a digit, symbols [`TEST_SCREEN_SYMBOLS`], not the user ID,
    /// case-sensitive, 3 tries / 30 minutes.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// assert!(PasswordPolicy::test_screen().check("Abc~1234", None).is_empty());
    /// ```
    pub fn test_screen() -> PasswordPolicy {
        PasswordPolicy {
            min_len: 8,
            max_len: 16,
            require_letter: true,
            require_digit: true,
            symbols: TEST_SCREEN_SYMBOLS.to_owned(),
            differ_from_user_id: true,
            case_sensitive: true,
            lockout: LockoutRule::default(),
        }
    }

    /// The production-ID password-change screen (guide P22): as
    /// [`test_screen`](Self::test_screen) but with the smaller symbol set
    /// [`PRODUCTION_SCREEN_SYMBOLS`].
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// use hug_onboard_core::password::PasswordPolicy;
    /// let v = PasswordPolicy::production_screen().check("Abc~1234", None);
    /// assert_eq!(v[0].code(), "password.char_other_screen");
    /// ```
    pub fn production_screen() -> PasswordPolicy {
        PasswordPolicy {
            symbols: PRODUCTION_SCREEN_SYMBOLS.to_owned(),
            ..PasswordPolicy::test_screen()
        }
    }

    /// What both screens accept: the symbols common to both sets (that is,
    /// the production set). Generated passwords follow it.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::{PasswordPolicy, PRODUCTION_SCREEN_SYMBOLS};
    /// assert_eq!(PasswordPolicy::generation().symbols, PRODUCTION_SCREEN_SYMBOLS);
    /// ```
    pub fn generation() -> PasswordPolicy {
        let symbols = TEST_SCREEN_SYMBOLS
            .chars()
            .filter(|c| PRODUCTION_SCREEN_SYMBOLS.contains(*c))
            .collect();
        PasswordPolicy {
            symbols,
            ..PasswordPolicy::test_screen()
        }
    }

    /// The policy of a built-in profile by name (`"test"`, `"production"`,
    /// `"generation"`); `None` for another name.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// assert_eq!(PasswordPolicy::by_name("test"), Some(PasswordPolicy::test_screen()));
    /// assert_eq!(PasswordPolicy::by_name("admin"), None);
    /// ```
    pub fn by_name(name: &str) -> Option<PasswordPolicy> {
        PasswordProfile::parse(name).map(PasswordProfile::policy)
    }

    fn classify(&self, ch: char, position: usize) -> CharClass {
        if ch.is_ascii_alphabetic() {
            return CharClass::Letter;
        }
        if ch.is_ascii_digit() {
            return CharClass::Digit;
        }
        if self.symbols.contains(ch) {
            return CharClass::Symbol;
        }
        let v = if ch.is_control() {
            PasswordViolation::CharControl { ch, position }
        } else if ch.is_whitespace() || ch == '\u{3000}' {
            PasswordViolation::CharSpace { ch, position }
        } else if ch == '"' || ch == '\\' {
            PasswordViolation::CharQuoteOrBackslash { ch, position }
        } else if TEST_SCREEN_SYMBOLS.contains(ch) && !PRODUCTION_SCREEN_SYMBOLS.contains(ch) {
            PasswordViolation::CharOtherScreen {
                ch,
                position,
                symbols: self.symbols.clone(),
            }
        } else {
            let half = text::halfwidth_ascii_char(ch);
            if half != ch && half.is_ascii_graphic() {
                PasswordViolation::CharFullwidth {
                    ch,
                    position,
                    halfwidth: half,
                    halfwidth_allowed: half.is_ascii_alphanumeric() || self.symbols.contains(half),
                }
            } else {
                PasswordViolation::CharNotAllowed {
                    ch,
                    position,
                    symbols: self.symbols.clone(),
                }
            }
        };
        CharClass::Bad(v)
    }

    /// Every reason why `candidate` cannot be used as a password under this
    /// policy; empty when it can. `user_id` (normalised like
    /// [`UserId::parse`](crate::facility::UserId::parse); `None` or blank to
    /// skip) is the ID the password belongs to.
    ///
    /// See the [module documentation](self) for the order of the violations,
    /// the cap on per-character ones, and why full-width letters still count
    /// for the letter/digit checks. A warning
    /// (`password.equals_user_id_ignoring_case`) does not make the password
    /// unusable: use [`is_acceptable`](Self::is_acceptable) for a yes/no.
    ///
    /// Never panics; runs in time linear in the input.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::{Diagnostic, Lang};
    /// use hug_onboard_core::password::PasswordPolicy;
    ///
    /// let p = PasswordPolicy::test_screen();
    /// assert!(p.check("Kokuho2024!", Some("A1234567")).is_empty());
    ///
    /// let v = p.check("ＡＢＣ12345", None);
    /// assert_eq!(v.len(), 3);
    /// assert_eq!(v[0].code(), "password.char_fullwidth");
    /// assert!(v[0].message(Lang::Ja).contains("半角の「A」"));
    ///
    /// let codes: Vec<_> = p.check("a1234567", Some("A1234567")).iter().map(|v| v.code()).collect();
    /// assert_eq!(codes, ["password.equals_user_id_ignoring_case"]);
    /// ```
    pub fn check(&self, candidate: &str, user_id: Option<&str>) -> Vec<PasswordViolation> {
        let mut out = Vec::new();
        if candidate.is_empty() {
            out.push(PasswordViolation::Empty);
            return out;
        }
        let mut len = 0usize;
        let mut has_letter = false;
        let mut has_digit = false;
        let mut bad = Vec::new();
        let mut more = 0usize;
        for (i, ch) in candidate.chars().enumerate() {
            len = len.saturating_add(1);
            // The class checks see the character as the user will retype it.
            let fixed = text::halfwidth_ascii_char(ch);
            has_letter |= fixed.is_ascii_alphabetic();
            has_digit |= fixed.is_ascii_digit();
            if let CharClass::Bad(v) = self.classify(ch, i.saturating_add(1)) {
                if bad.len() < MAX_CHAR_VIOLATIONS {
                    bad.push(v);
                } else {
                    more = more.saturating_add(1);
                }
            }
        }
        if len < self.min_len {
            out.push(PasswordViolation::TooShort {
                min: self.min_len,
                len,
            });
        }
        if len > self.max_len {
            out.push(PasswordViolation::TooLong {
                max: self.max_len,
                len,
            });
        }
        if self.require_letter && !has_letter {
            out.push(PasswordViolation::NoLetter);
        }
        if self.require_digit && !has_digit {
            out.push(PasswordViolation::NoDigit);
        }
        out.append(&mut bad);
        if more > 0 {
            out.push(PasswordViolation::CharMore { count: more });
        }
        if let Some(v) = self.user_id_violation(candidate, user_id) {
            out.push(v);
        }
        out
    }

    fn user_id_violation(
        &self,
        candidate: &str,
        user_id: Option<&str>,
    ) -> Option<PasswordViolation> {
        if !self.differ_from_user_id {
            return None;
        }
        let id = text::normalize(user_id?);
        if id.is_empty() {
            return None;
        }
        // Cheap exit before allocating: lengths in characters must match.
        if candidate.chars().count() != id.chars().count() {
            return None;
        }
        let fixed = Zeroizing::new(text::to_halfwidth_ascii(candidate));
        if candidate == id || *fixed == id {
            return Some(PasswordViolation::EqualsUserId);
        }
        if fixed.eq_ignore_ascii_case(&id) {
            return Some(if self.case_sensitive {
                PasswordViolation::EqualsUserIdIgnoringCase
            } else {
                PasswordViolation::EqualsUserId
            });
        }
        None
    }

    /// Whether `candidate` can be used: [`check`](Self::check) finds no
    /// error (warnings allowed).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// let p = PasswordPolicy::production_screen();
    /// assert!(p.is_acceptable("Kokuho2024!", None));
    /// assert!(p.is_acceptable("a1234567", Some("A1234567"))); // only a warning
    /// assert!(!p.is_acceptable("Kokuho2024~", None));
    /// ```
    pub fn is_acceptable(&self, candidate: &str, user_id: Option<&str>) -> bool {
        self.check(candidate, user_id)
            .iter()
            .all(|v| v.severity() < Severity::Error)
    }

    /// Checks the whole password-change form: 現在のパスワード (`current`),
    /// 新しいパスワード (`new`) and 新しいパスワード(確認用) (`confirm`) for the
    /// user ID `user_id`.
    ///
    /// Returns, in order: `password.current_empty`; everything
    /// [`check`](Self::check) says about `new`; `password.confirm_empty` or
    /// `password.confirm_mismatch` (the confirmation must be typed
    /// identically, case included); `password.same_as_current` (compared
    /// ignoring case when the policy is not case-sensitive). The current
    /// password itself is not checked against the policy: a (仮)パスワード
    /// need not follow it.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// use hug_onboard_core::password::PasswordPolicy;
    ///
    /// let p = PasswordPolicy::test_screen();
    /// assert!(p.check_change("A1234567", "kari0001", "Kokuho2024!", "Kokuho2024!").is_empty());
    /// let codes: Vec<_> = p
    ///     .check_change("A1234567", "", "Kokuho2024!", "Kokuho2024?")
    ///     .iter()
    ///     .map(|v| v.code())
    ///     .collect();
    /// assert_eq!(codes, ["password.current_empty", "password.confirm_mismatch"]);
    /// ```
    pub fn check_change(
        &self,
        user_id: &str,
        current: &str,
        new: &str,
        confirm: &str,
    ) -> Vec<PasswordViolation> {
        let mut out = Vec::new();
        if current.is_empty() {
            out.push(PasswordViolation::CurrentEmpty);
        }
        out.extend(self.check(new, Some(user_id)));
        if confirm != new {
            out.push(if confirm.is_empty() {
                PasswordViolation::ConfirmEmpty
            } else {
                PasswordViolation::ConfirmMismatch
            });
        }
        let same = if self.case_sensitive {
            new == current
        } else {
            new.len() == current.len()
                && new
                    .chars()
                    .zip(current.chars())
                    .all(|(a, b)| a == b || a.to_lowercase().eq(b.to_lowercase()))
        };
        if !new.is_empty() && same {
            out.push(PasswordViolation::SameAsCurrent);
        }
        out
    }

    /// A paragraph of advice for the password screen, in the given language:
    /// the rule (lengths, classes, symbols, user ID) and the lockout.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::Lang;
    /// use hug_onboard_core::password::PasswordPolicy;
    ///
    /// let ja = PasswordPolicy::production_screen().advice(Lang::Ja);
    /// assert!(ja.contains("8〜16文字"));
    /// assert!(ja.contains("3回"));
    /// assert!(ja.contains("30分"));
    /// let en = PasswordPolicy::production_screen().advice(Lang::En);
    /// assert!(en.contains("3 wrong passwords"));
    /// ```
    pub fn advice(&self, lang: Lang) -> String {
        let PasswordPolicy {
            min_len,
            max_len,
            symbols,
            ..
        } = self;
        let mut s = match lang {
            Lang::Ja => format!(
                "パスワードは半角英字・半角数字・記号で{min_len}〜{max_len}文字です。使える記号: {symbols}"
            ),
            Lang::En => format!(
                "A password has {min_len} to {max_len} half-width letters, digits and symbols. Accepted symbols: {symbols}"
            ),
        };
        let classes = match (self.require_letter, self.require_digit, lang) {
            (true, true, Lang::Ja) => "英字と数字を1文字以上ずつ含めてください（記号は任意）。",
            (true, false, Lang::Ja) => "英字を1文字以上含めてください。",
            (false, true, Lang::Ja) => "数字を1文字以上含めてください。",
            (true, true, Lang::En) => {
                " Include at least one letter and one digit (symbols are optional)."
            }
            (true, false, Lang::En) => " Include at least one letter.",
            (false, true, Lang::En) => " Include at least one digit.",
            (false, false, _) => "",
        };
        if lang == Lang::Ja && !classes.is_empty() {
            s.push('\n');
        }
        s.push_str(classes);
        if self.case_sensitive {
            s.push_str(match lang {
                Lang::Ja => "\n大文字と小文字は区別されます。",
                Lang::En => " Upper and lower case are different.",
            });
        }
        if self.differ_from_user_id {
            s.push_str(match lang {
                Lang::Ja => "\nユーザIDと同じパスワードは使えません。",
                Lang::En => " It must not be the same as the user ID.",
            });
        }
        s.push_str(match lang {
            Lang::Ja => "\n",
            Lang::En => " ",
        });
        s.push_str(&self.lockout.advice().message(lang));
        s
    }

    /// The range of lengths [`generate_with`](Self::generate_with) accepts: within this
    /// policy *and* both screens (8–16), and at least 2 (a letter and a
    /// digit). `None` when no length fits (a custom policy with `min_len >
    /// max_len`, say).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// assert_eq!(PasswordPolicy::generation().generate_lengths(), Some((8, 16)));
    /// ```
    pub fn generate_lengths(&self) -> Option<(usize, usize)> {
        let screens = [
            PasswordPolicy::test_screen(),
            PasswordPolicy::production_screen(),
        ];
        let min = screens
            .iter()
            .map(|p| p.min_len)
            .chain([self.min_len, 2])
            .max()
            .unwrap_or(2);
        let max = screens
            .iter()
            .map(|p| p.max_len)
            .chain([self.max_len])
            .min()
            .unwrap_or(0);
        (min <= max).then_some((min, max))
    }

    /// The characters [`generate_with`](Self::generate_with) draws from: letters, digits
    /// 2–9 and this policy's symbols that both screens accept, minus
    /// [`LOOK_ALIKES`], in a fixed order.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::password::PasswordPolicy;
    /// let a = PasswordPolicy::test_screen().generation_alphabet();
    /// assert!(!a.contains('0') && !a.contains('O') && !a.contains('~'));
    /// assert!(a.contains('A') && a.contains('9') && a.contains('#'));
    /// ```
    pub fn generation_alphabet(&self) -> String {
        let (letters, digits, symbols) = self.generation_sets();
        let mut s: String = letters.into_iter().collect();
        s.extend(digits);
        s.extend(symbols);
        s
    }

    fn generation_sets(&self) -> (Vec<char>, Vec<char>, Vec<char>) {
        let ok = |c: &char| !LOOK_ALIKES.contains(*c);
        let letters = ('a'..='z').chain('A'..='Z').filter(ok).collect();
        let digits = ('0'..='9').filter(ok).collect();
        let mut symbols: Vec<char> = PRODUCTION_SCREEN_SYMBOLS
            .chars()
            .filter(|c| TEST_SCREEN_SYMBOLS.contains(*c) && self.symbols.contains(*c))
            .filter(ok)
            .collect();
        symbols.dedup();
        (letters, digits, symbols)
    }

    /// Generates a password of `length` characters from the random bytes
    /// that `fill` supplies (it must fill the whole buffer or return an error
    /// message). Pass a CSPRNG — e.g. `getrandom::fill` — in production: the
    /// core reads no operating-system source itself (it has no `libc` in its
    /// dependency tree); the C and Python faces pass the OS generator.
    ///
    /// The result passes this policy, the テストID screen and the production
    /// screen, by construction: it holds at least one letter and one digit,
    /// draws every character from [`generation_alphabet`](Self::generation_alphabet)
    /// (no look-alikes, only symbols both screens accept) by unbiased
    /// rejection sampling, and the positions are shuffled (Fisher–Yates).
    /// It is checked once more before it is returned.
    ///
    /// # Errors
    ///
    /// `password.generate_length` when `length` is outside
    /// [`generate_lengths`](Self::generate_lengths) (8–16 for the built-in
    /// profiles); `password.random_unavailable` when `fill` fails, or when it
    /// keeps returning bytes that rejection sampling must discard (1 000 in a
    /// row); `password.generate_failed` never (an internal guard).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::diagnostic::Diagnostic;
    /// use hug_onboard_core::password::PasswordPolicy;
    ///
    /// let p = PasswordPolicy::generation();
    /// let mut counter = 0u8;
    /// let pw = p.generate_with(8, |buf| {
    ///     for b in buf.iter_mut() { *b = counter; counter = counter.wrapping_add(37); }
    ///     Ok(())
    /// })?;
    /// assert!(p.is_acceptable(pw.expose(), None));
    ///
    /// let err = p.generate_with(8, |_| Err("no entropy".into())).unwrap_err();
    /// assert_eq!(err.code(), "password.random_unavailable");
    /// # Ok::<(), hug_onboard_core::password::PasswordError>(())
    /// ```
    pub fn generate_with<F>(&self, length: usize, fill: F) -> Result<Secret, PasswordError>
    where
        F: FnMut(&mut [u8]) -> Result<(), String>,
    {
        let (min, max) = self
            .generate_lengths()
            .ok_or(PasswordError::GenerateLength {
                requested: length,
                min: self.min_len,
                max: self.max_len,
            })?;
        if length < min || length > max {
            return Err(PasswordError::GenerateLength {
                requested: length,
                min,
                max,
            });
        }
        let (letters, digits, symbols) = self.generation_sets();
        let mut all = letters.clone();
        all.extend(&digits);
        all.extend(&symbols);

        let mut rng = Sampler::new(fill);
        let mut chars: Zeroizing<Vec<char>> = Zeroizing::new(Vec::with_capacity(length));
        chars.push(pick(&mut rng, &letters)?);
        chars.push(pick(&mut rng, &digits)?);
        while chars.len() < length {
            chars.push(pick(&mut rng, &all)?);
        }
        // Fisher–Yates: the letter and the digit end up anywhere.
        for i in (1..chars.len()).rev() {
            let j = rng.below(i + 1)?;
            chars.swap(i, j);
        }
        let mut s = String::with_capacity(length);
        s.extend(chars.iter());
        let secret = Secret::new(s);
        let passes = |p: &PasswordPolicy| p.check(secret.expose(), None).is_empty();
        if passes(self)
            && passes(&PasswordPolicy::test_screen())
            && passes(&PasswordPolicy::production_screen())
        {
            Ok(secret)
        } else {
            Err(PasswordError::GenerateFailed)
        }
    }
}

fn pick<F>(rng: &mut Sampler<F>, set: &[char]) -> Result<char, PasswordError>
where
    F: FnMut(&mut [u8]) -> Result<(), String>,
{
    let i = rng.below(set.len())?;
    set.get(i).copied().ok_or(PasswordError::GenerateFailed)
}

/// Unbiased sampling of small ranges from a byte source.
struct Sampler<F> {
    fill: F,
    buf: Zeroizing<[u8; 64]>,
    pos: usize,
}

/// Rejected bytes in a row after which the source is declared broken.
const MAX_REJECTIONS: usize = 1000;

impl<F> Sampler<F>
where
    F: FnMut(&mut [u8]) -> Result<(), String>,
{
    fn new(fill: F) -> Self {
        Sampler {
            fill,
            buf: Zeroizing::new([0; 64]),
            pos: 64,
        }
    }

    fn byte(&mut self) -> Result<u8, PasswordError> {
        if self.pos >= self.buf.len() {
            (self.fill)(&mut self.buf[..])
                .map_err(|reason| PasswordError::RandomUnavailable { reason })?;
            self.pos = 0;
        }
        let b = self.buf.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        Ok(b)
    }

    /// A uniform index in `0..n`, for `1 <= n <= 256`.
    fn below(&mut self, n: usize) -> Result<usize, PasswordError> {
        if n == 0 || n > 256 {
            return Err(PasswordError::GenerateFailed);
        }
        // Accept bytes below the largest multiple of n that fits in 256.
        let zone = 256 - 256 % n;
        for _ in 0..MAX_REJECTIONS {
            let b = usize::from(self.byte()?);
            if b < zone {
                return Ok(b % n);
            }
        }
        Err(PasswordError::RandomUnavailable {
            reason: "the random source kept returning unusable bytes".into(),
        })
    }
}

impl fmt::Display for PasswordProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};
    fn os_random(buf: &mut [u8]) -> Result<(), String> {
        getrandom::fill(buf).map_err(|e| e.to_string())
    }
    use super::*;

    fn codes(v: &[PasswordViolation]) -> Vec<&'static str> {
        v.iter().map(Diagnostic::code).collect()
    }

    fn every_variant() -> Vec<PasswordViolation> {
        use PasswordViolation as V;
        vec![
            V::Empty,
            V::TooShort { min: 8, len: 5 },
            V::TooLong { max: 16, len: 17 },
            V::NoLetter,
            V::NoDigit,
            V::CharFullwidth {
                ch: 'Ａ',
                position: 1,
                halfwidth: 'A',
                halfwidth_allowed: true,
            },
            V::CharFullwidth {
                ch: '＂',
                position: 1,
                halfwidth: '"',
                halfwidth_allowed: false,
            },
            V::CharSpace {
                ch: '\u{3000}',
                position: 2,
            },
            V::CharSpace {
                ch: ' ',
                position: 2,
            },
            V::CharControl {
                ch: '\0',
                position: 3,
            },
            V::CharQuoteOrBackslash {
                ch: '\\',
                position: 4,
            },
            V::CharQuoteOrBackslash {
                ch: '"',
                position: 4,
            },
            V::CharOtherScreen {
                ch: '^',
                position: 5,
                symbols: PRODUCTION_SCREEN_SYMBOLS.into(),
            },
            V::CharNotAllowed {
                ch: 'あ',
                position: 6,
                symbols: PRODUCTION_SCREEN_SYMBOLS.into(),
            },
            V::CharMore { count: 9 },
            V::EqualsUserId,
            V::EqualsUserIdIgnoringCase,
            V::CurrentEmpty,
            V::ConfirmEmpty,
            V::ConfirmMismatch,
            V::SameAsCurrent,
        ]
    }

    #[test]
    fn every_code_is_catalogued_with_its_severity() {
        let errors = [
            PasswordError::GenerateLength {
                requested: 3,
                min: 8,
                max: 16,
            },
            PasswordError::RandomUnavailable { reason: "x".into() },
            PasswordError::GenerateFailed,
        ];
        let mut found: Vec<(&str, Severity)> = every_variant()
            .iter()
            .map(|v| (v.code(), v.severity()))
            .collect();
        found.extend(errors.iter().map(|e| (e.code(), e.severity())));
        let advice = LockoutRule::default().advice();
        found.push((advice.code(), advice.severity()));
        for (code, sev) in &found {
            let info = crate::all_codes().into_iter().find(|c| c.code == *code);
            assert_eq!(info.map(|c| c.severity), Some(*sev), "{code}");
        }
        for c in crate::all_codes()
            .into_iter()
            .filter(|c| c.code.starts_with("password."))
        {
            assert!(found.iter().any(|(code, _)| *code == c.code), "{}", c.code);
        }
    }

    #[test]
    fn messages_in_both_languages_never_hold_the_password() {
        for v in every_variant() {
            let ja = v.message(Lang::Ja);
            let en = v.message(Lang::En);
            assert!(!ja.is_empty() && !en.is_empty(), "{v:?}");
            assert_ne!(ja, en);
        }
        let secret = "Sup3rSecret!";
        let p = PasswordPolicy::production_screen();
        for pw in [
            secret,
            "Sup3rSecret!~",
            "Sup3r Secret",
            "Sup3rSecret!Sup3rSecret!",
        ] {
            for v in p.check_change(secret, secret, pw, "other") {
                for lang in [Lang::Ja, Lang::En] {
                    assert!(!v.message(lang).contains("Sup3r"), "{v:?}");
                }
                assert!(!v.to_string().contains("Sup3r"));
            }
        }
        let e = PasswordError::GenerateLength {
            requested: 3,
            min: 8,
            max: 16,
        };
        assert!(e.message(Lang::Ja).contains("8〜16"));
    }

    #[test]
    fn too_short_message_matches_the_brief() {
        let v = PasswordPolicy::test_screen().check("abc12", None);
        assert_eq!(
            v[0].message(Lang::Ja),
            "パスワードは8文字以上で入力してください（現在5文字）。"
        );
        assert_eq!(
            v[0].message(Lang::En),
            "The password must be at least 8 characters (it has 5)."
        );
    }

    #[test]
    fn boundaries() {
        let p = PasswordPolicy::test_screen();
        assert_eq!(codes(&p.check("abcdef1", None)), ["password.too_short"]);
        assert!(p.check("abcdefg1", None).is_empty());
        assert!(p.check("abcdefghijklmno1", None).is_empty());
        assert_eq!(
            codes(&p.check("abcdefghijklmnop1", None)),
            ["password.too_long"]
        );
    }

    #[test]
    fn symbol_sets() {
        let test = PasswordPolicy::test_screen();
        let prod = PasswordPolicy::production_screen();
        assert_eq!(TEST_SCREEN_SYMBOLS.len(), 30);
        assert_eq!(PRODUCTION_SCREEN_SYMBOLS.len(), 26);
        for c in (0x21u8..0x7f).map(char::from) {
            if c.is_ascii_alphanumeric() {
                continue;
            }
            assert_eq!(TEST_SCREEN_SYMBOLS.contains(c), c != '"' && c != '\\');
            let pw = format!("abc123{c}x");
            assert_eq!(
                test.check(&pw, None).is_empty(),
                TEST_SCREEN_SYMBOLS.contains(c)
            );
            assert_eq!(
                prod.check(&pw, None).is_empty(),
                PRODUCTION_SCREEN_SYMBOLS.contains(c)
            );
        }
        assert_eq!(
            PasswordPolicy::generation().symbols,
            PRODUCTION_SCREEN_SYMBOLS
        );
    }

    #[test]
    fn character_kinds_and_positions() {
        let p = PasswordPolicy::production_screen();
        let v = p.check("Ａb 1\u{3000}\"\\^あ\0", None);
        let got: Vec<_> = v
            .iter()
            .map(|v| (v.code(), v.position(), v.character()))
            .collect();
        assert_eq!(
            got,
            [
                ("password.char_fullwidth", Some(1), Some('Ａ')),
                ("password.char_space", Some(3), Some(' ')),
                ("password.char_space", Some(5), Some('\u{3000}')),
                ("password.char_quote_or_backslash", Some(6), Some('"')),
                ("password.char_quote_or_backslash", Some(7), Some('\\')),
                ("password.char_other_screen", Some(8), Some('^')),
                ("password.char_not_allowed", Some(9), Some('あ')),
                ("password.char_control", Some(10), Some('\0')),
            ]
        );
        assert!(v[0].message(Lang::En).contains("half-width 'A'"));
    }

    #[test]
    fn fullwidth_counts_for_classes_and_user_id() {
        let p = PasswordPolicy::test_screen();
        let v = p.check("ＡＢＣＤ１２３４", Some("ABCD1234"));
        assert_eq!(v.len(), 9);
        assert_eq!(v[8].code(), "password.equals_user_id");
        let v = p.check("＂bcd1234", None);
        assert_eq!(
            v[0],
            PasswordViolation::CharFullwidth {
                ch: '＂',
                position: 1,
                halfwidth: '"',
                halfwidth_allowed: false
            }
        );
    }

    #[test]
    fn huge_input_is_capped() {
        let p = PasswordPolicy::test_screen();
        let v = p.check(&"あ".repeat(10_000), Some("x"));
        assert_eq!(v.len(), 3 + MAX_CHAR_VIOLATIONS + 1);
        assert_eq!(
            v.last(),
            Some(&PasswordViolation::CharMore {
                count: 10_000 - MAX_CHAR_VIOLATIONS
            })
        );
        let v = p.check(&"a1".repeat(5_000), None);
        assert_eq!(codes(&v), ["password.too_long"]);
    }

    #[test]
    fn user_id_rules() {
        let p = PasswordPolicy::test_screen();
        assert_eq!(
            codes(&p.check("A1234567", Some(" A1234567 "))),
            ["password.equals_user_id"]
        );
        assert_eq!(
            codes(&p.check("a1234567", Some("A1234567"))),
            ["password.equals_user_id_ignoring_case"]
        );
        assert!(p.check("a1234567", Some("")).is_empty());
        assert!(p.check("a1234567", None).is_empty());
        let insensitive = PasswordPolicy {
            case_sensitive: false,
            ..PasswordPolicy::test_screen()
        };
        assert_eq!(
            codes(&insensitive.check("a1234567", Some("A1234567"))),
            ["password.equals_user_id"]
        );
        let relaxed = PasswordPolicy {
            differ_from_user_id: false,
            ..PasswordPolicy::test_screen()
        };
        assert!(relaxed.check("A1234567", Some("A1234567")).is_empty());
    }

    #[test]
    fn change_form() {
        let p = PasswordPolicy::production_screen();
        let c = |cur, new, conf| codes(&p.check_change("A1234567", cur, new, conf));
        assert!(c("kari", "Kokuho2024!", "Kokuho2024!").is_empty());
        assert_eq!(c("", "", ""), ["password.current_empty", "password.empty"]);
        assert_eq!(
            c("Kokuho2024!", "Kokuho2024!", "Kokuho2024!"),
            ["password.same_as_current"]
        );
        assert_eq!(c("kari", "Kokuho2024!", ""), ["password.confirm_empty"]);
        assert_eq!(
            c("kari", "Kokuho2024!", "kokuho2024!"),
            ["password.confirm_mismatch"]
        );
        assert_eq!(
            c("kari", "A1234567", "A1234567"),
            ["password.equals_user_id"]
        );
        let insensitive = PasswordPolicy {
            case_sensitive: false,
            ..PasswordPolicy::production_screen()
        };
        assert_eq!(
            codes(&insensitive.check_change("u", "KOKUHO2024!", "kokuho2024!", "kokuho2024!")),
            ["password.same_as_current"]
        );
    }

    #[test]
    fn generation_alphabet_has_no_look_alikes() {
        let a = PasswordPolicy::generation().generation_alphabet();
        for c in LOOK_ALIKES.chars() {
            assert!(!a.contains(c), "{c}");
        }
        for c in a.chars() {
            assert!(c.is_ascii_alphanumeric() || PRODUCTION_SCREEN_SYMBOLS.contains(c));
        }
        assert_eq!(a.len(), 48 + 8 + 21);
        // A policy without symbols generates letters and digits only.
        let alnum = PasswordPolicy {
            symbols: String::new(),
            ..PasswordPolicy::generation()
        };
        assert!(
            alnum
                .generation_alphabet()
                .chars()
                .all(|c| c.is_ascii_alphanumeric())
        );
    }

    #[test]
    fn generate_lengths_and_errors() {
        let p = PasswordPolicy::generation();
        for n in 8..=16 {
            let pw = p.generate_with(n, os_random).unwrap();
            assert_eq!(pw.len(), n);
        }
        for n in [0, 1, 7, 17, usize::MAX] {
            assert_eq!(
                p.generate_with(n, os_random).unwrap_err().code(),
                "password.generate_length"
            );
        }
        let broken = PasswordPolicy {
            min_len: 20,
            max_len: 4,
            ..PasswordPolicy::generation()
        };
        assert_eq!(
            broken.generate_with(8, os_random).unwrap_err().code(),
            "password.generate_length"
        );
        // A source that only gives rejected bytes is reported, not looped on.
        let e = p.generate_with(8, |b| {
            b.fill(255);
            Ok(())
        });
        assert_eq!(e.unwrap_err().code(), "password.random_unavailable");
        // All-zero bytes are accepted by sampling and still give a valid password.
        let pw = p
            .generate_with(16, |b| {
                b.fill(0);
                Ok(())
            })
            .unwrap();
        assert!(p.is_acceptable(pw.expose(), None));
    }

    #[test]
    fn sampler_is_unbiased() {
        // Feed every byte value once: each index of 0..77 must come out equally often.
        let mut next = 0u16;
        let mut s = Sampler::new(|b: &mut [u8]| {
            for x in b.iter_mut() {
                *x = (next % 256) as u8;
                next += 1;
            }
            Ok(())
        });
        let n = 77;
        let mut counts = vec![0usize; n];
        for _ in 0..(256 - 256 % n) {
            counts[s.below(n).unwrap()] += 1;
        }
        assert!(counts.iter().all(|&c| c == counts[0]), "{counts:?}");
    }

    #[test]
    fn policy_serde_roundtrip() {
        for p in PasswordProfile::ALL {
            let pol = p.policy();
            let j = serde_json::to_string(&pol).unwrap();
            assert_eq!(serde_json::from_str::<PasswordPolicy>(&j).unwrap(), pol);
        }
        let j = serde_json::to_value(PasswordPolicy::production_screen()).unwrap();
        assert_eq!(j["lockout"]["attempts"], 3);
        assert_eq!(j["lockout"]["minutes"], 30);
        assert!(serde_json::from_str::<PasswordPolicy>("{}").is_err());
    }

    #[test]
    fn odd_policies_never_panic() {
        let weird = PasswordPolicy {
            min_len: usize::MAX,
            max_len: 0,
            require_letter: false,
            require_digit: false,
            symbols: "あ \0".into(),
            differ_from_user_id: true,
            case_sensitive: false,
            lockout: LockoutRule {
                attempts: 0,
                minutes: u32::MAX,
            },
        };
        let _ = weird.check("あ \0x", Some("\0"));
        let _ = weird.check_change("", "", "", "");
        assert!(weird.generate_with(8, os_random).is_err());
        let _ = weird.advice(Lang::Ja);
    }
}
