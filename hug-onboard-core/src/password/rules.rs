//! The password rule data: the two screens' symbol sets, the look-alikes that
//! generation avoids, the lockout. Changing a screen's symbol set is an edit
//! here (and in the vectors, tests/vectors/password.json), nowhere else.

use serde::{Deserialize, Serialize};

use super::LockoutAdvice;
#[cfg(doc)]
use super::PasswordPolicy;
#[cfg(doc)]
use crate::diagnostic::Diagnostic;

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

/// The symbol sets of the portal's two password screens, as data (the
/// [domain rules](crate::_documentation::domain): confidence U). Part of every [`PasswordPolicy`](super::PasswordPolicy): a
/// symbol in `test` but not in `production` is "the other screen's symbol" on a
/// screen that refuses it, and a generated password uses only symbols in both.
///
/// ```
/// use hug_onboard_core::password::{PRODUCTION_SCREEN_SYMBOLS, ScreenSymbols};
/// let s = ScreenSymbols::default();
/// assert_eq!(s.common(), PRODUCTION_SCREEN_SYMBOLS);
/// assert_eq!(s.test_only(), "^`|~");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenSymbols {
    /// The symbols the テストID screen accepts.
    pub test: String,
    /// The symbols the production-ID screen accepts.
    pub production: String,
}

impl Default for ScreenSymbols {
    fn default() -> Self {
        ScreenSymbols {
            test: TEST_SCREEN_SYMBOLS.to_owned(),
            production: PRODUCTION_SCREEN_SYMBOLS.to_owned(),
        }
    }
}

impl ScreenSymbols {
    /// The symbols both screens accept, in the テストID set's order.
    pub fn common(&self) -> String {
        self.test
            .chars()
            .filter(|c| self.production.contains(*c))
            .collect()
    }

    /// The symbols only the テストID screen accepts.
    pub fn test_only(&self) -> String {
        self.test
            .chars()
            .filter(|c| !self.production.contains(*c))
            .collect()
    }

    /// Whether `ch` is accepted on one screen but not on the other.
    pub fn on_one_screen_only(&self, ch: char) -> bool {
        self.test.contains(ch) != self.production.contains(ch)
    }
}
