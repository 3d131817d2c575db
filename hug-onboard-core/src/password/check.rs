//! The checks: a candidate against a policy, the change form, the advice.

use super::{MAX_CHAR_VIOLATIONS, PasswordPolicy, PasswordViolation};
use zeroize::Zeroizing;

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::text;

/// What one character of a candidate is, for the policy.
enum CharClass {
    Letter,
    Digit,
    Symbol,
    Bad(PasswordViolation),
}

impl PasswordPolicy {
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
        } else if self.screens.on_one_screen_only(ch) {
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
    /// See the [module documentation](super) for the order of the violations,
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
    /// assert!(v[0].message(Lang::Ja).starts_with("パスワードの1文字目は全角文字です"));
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
}
