//! Password rules of the 電子請求受付システム (the 国保連 portal) as data: check, change form, generation.
//!
//! On first login with a (仮)パスワード, and whenever a password expires, the
//! portal forces a change (guide P6 for the テストID, P22 for the production
//! ID). Its screen states the rule (the [domain rules](crate::_documentation::domain),
//! "Accounts and passwords"):
//!
//! * 8–16 characters of half-width letters `a-zA-Z`, digits `0-9` and symbols;
//! * at least one letter and one digit (symbols optional);
//! * not equal to the user ID; case-sensitive.
//!
//! The **symbol set differs between the two screens** (confidence U in the
//! domain rules, so it is data): [`TEST_SCREEN_SYMBOLS`] and [`PRODUCTION_SCREEN_SYMBOLS`],
//! declared once in `password/rules.rs`. A [`PasswordPolicy`] holds all of
//! this as plain, serialisable data — including both screens' symbol sets
//! ([`ScreenSymbols`]), so that a policy loaded from JSON changes checking,
//! "the other screen's symbol" detection and generation alike — with three
//! built-in profiles ([`PasswordProfile`]):
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
//! [`Secret`](crate::secret::Secret).
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

//!
//! Layout: `rules.rs` the rule data (symbol sets, look-alikes, lockout);
//! `messages.rs` the codes and messages (one `diagnostics!` table);
//! `check.rs` the checks; `generate.rs` generation.

mod check;
mod generate;
mod messages;
mod rules;
#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use messages::{LockoutAdvice, PasswordAdvice, PasswordError, PasswordViolation, RandomReason};
pub use rules::{
    LOOK_ALIKES, LockoutRule, MAX_CHAR_VIOLATIONS, PRODUCTION_SCREEN_SYMBOLS, ScreenSymbols,
    TEST_SCREEN_SYMBOLS,
};

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
/// scalar values), not bytes. The built-in profiles follow the
/// [domain rules](crate::_documentation::domain); load
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
    /// The symbol sets of the portal's two screens (rule data): which symbols
    /// are "the other screen's" ([`PasswordViolation::CharOtherScreen`]) and
    /// which symbols a generated password may use (those both screens accept).
    /// The built-in sets when absent from JSON.
    #[serde(default)]
    pub screens: ScreenSymbols,
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
            screens: ScreenSymbols::default(),
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
        let symbols = ScreenSymbols::default().common();
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
}

impl fmt::Display for PasswordProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
