//! Property tests of the password module: generated passwords always pass
//! both screens; checks never panic and point at the right characters.

use hug_onboard_core::diagnostic::{Diagnostic, Lang};
use hug_onboard_core::password::{
    LOOK_ALIKES, MAX_CHAR_VIOLATIONS, PasswordPolicy, PasswordProfile,
};
use proptest::prelude::*;

fn passes_everywhere(pw: &str) -> bool {
    PasswordProfile::ALL
        .iter()
        .all(|p| p.policy().check(pw, None).is_empty())
        && !pw.chars().any(|c| LOOK_ALIKES.contains(c))
}

/// 10 000 passwords from the operating system's CSPRNG, every length 8–16,
/// from every profile: all pass both screens and hold no look-alike.
#[test]
fn ten_thousand_generated_passwords_pass_both_screens() {
    let mut seen = std::collections::HashSet::new();
    for i in 0..10_000usize {
        let profile = PasswordProfile::ALL[i % 3];
        let length = 8 + i % 9;
        let pw = profile
            .policy()
            .generate_with(length, |b| getrandom::fill(b).map_err(|e| e.to_string()))
            .expect("generate");
        assert_eq!(pw.len(), length);
        assert!(
            passes_everywhere(pw.expose()),
            "generated password failed a screen"
        );
        seen.insert(pw.expose().to_owned());
    }
    // 77 symbols over 8+ characters: a repeat means the generator is broken.
    assert_eq!(seen.len(), 10_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Whatever bytes the random source gives, the result passes both screens
    /// (or, for a source that only gives rejected bytes, is a coded error).
    #[test]
    fn generated_from_any_bytes_pass(bytes in prop::collection::vec(any::<u8>(), 1..256), length in 8usize..=16) {
        let mut i = 0usize;
        let r = PasswordPolicy::generation().generate_with(length, |buf| {
            for b in buf.iter_mut() {
                *b = bytes[i % bytes.len()];
                i += 1;
            }
            Ok(())
        });
        match r {
            Ok(pw) => {
                prop_assert_eq!(pw.len(), length);
                prop_assert!(passes_everywhere(pw.expose()));
            }
            Err(e) => prop_assert_eq!(e.code(), "password.random_unavailable"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// `check` and `check_change` never panic on arbitrary strings, each
    /// per-character violation names the character at its position, the
    /// list stays bounded, and every message renders.
    #[test]
    fn check_never_panics(pw in any::<String>(), uid in proptest::option::of(any::<String>()), p in 0usize..3) {
        let policy = PasswordProfile::ALL[p].policy();
        let v = policy.check(&pw, uid.as_deref());
        prop_assert!(v.len() <= 5 + MAX_CHAR_VIOLATIONS + 1);
        for x in &v {
            if let (Some(pos), Some(ch)) = (x.position(), x.character()) {
                prop_assert_eq!(pw.chars().nth(pos - 1), Some(ch));
            }
            prop_assert!(!x.message(Lang::Ja).is_empty());
            prop_assert!(!x.message(Lang::En).is_empty());
        }
        let _ = policy.check_change(uid.as_deref().unwrap_or(""), &pw, &pw, "");
    }

    /// Printable-ASCII candidates: accepted exactly when the rule says so.
    #[test]
    fn ascii_candidates_follow_the_rule(pw in "[ -~]{0,20}", p in 0usize..3) {
        let policy = PasswordProfile::ALL[p].policy();
        let ok = policy.check(&pw, None).is_empty();
        let n = pw.chars().count();
        let expected = (8..=16).contains(&n)
            && pw.chars().any(|c| c.is_ascii_alphabetic())
            && pw.chars().any(|c| c.is_ascii_digit())
            && pw.chars().all(|c| c.is_ascii_alphanumeric() || policy.symbols.contains(c));
        prop_assert_eq!(ok, expected);
    }
}
