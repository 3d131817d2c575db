#[allow(unused_imports)]
use crate::diagnostic::{Declared, Diagnostic, Lang};
fn os_random(buf: &mut [u8]) -> Result<(), String> {
    getrandom::fill(buf).map_err(|e| e.to_string())
}
use super::generate::Sampler;
use super::*;
use crate::diagnostic::Severity;

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
            requested: "3".into(),
            min: 8,
            max: 16,
        },
        PasswordError::RandomUnavailable {
            reason: RandomReason::UnusableBytes,
        },
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
        requested: "3".into(),
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
    assert!(
        v[0].message(Lang::En)
            .starts_with("Character 1 of the password is full-width")
    );
}

#[test]
fn messages_never_show_the_character_typed() {
    // Two passwords that differ only in the offending characters (same positions,
    // same codes) must give the same messages: a message that quoted the
    // character (or its half-width form) would put part of the password in logs.
    let pairs = [
        ("abcdＡ123", "abcdｚ123"),
        ("abcd１234", "abcd９234"),
        ("abcd\"123", "abcd\\123"),
        ("abcd^123x", "abcd`123x"),
        ("abcdあ123", "abcdé123"),
        ("abcd＂123", "abcd＼123"),
    ];
    let mut checked = 0;
    for policy in [
        PasswordPolicy::test_screen(),
        PasswordPolicy::production_screen(),
    ] {
        for (a, b) in pairs {
            let (va, vb) = (policy.check(a, None), policy.check(b, None));
            let codes = |v: &[PasswordViolation]| v.iter().map(|v| v.code()).collect::<Vec<_>>();
            if va.is_empty() || codes(&va) != codes(&vb) {
                continue; // accepted by this screen, or refused for another reason
            }
            checked += 1;
            for (x, y) in va.iter().zip(&vb) {
                for lang in [Lang::Ja, Lang::En] {
                    assert_eq!(x.message(lang), y.message(lang), "{a} / {b}");
                }
                let ch = x.character().unwrap();
                assert!(
                    !x.message(Lang::Ja).contains(ch) && !x.message(Lang::En).contains(ch)
                        || ch == '"'
                        || ch == '\\'
                        || ch == '^',
                    "{a}: {}",
                    x.message(Lang::Ja)
                );
            }
        }
    }
    assert!(checked >= 10, "{checked}");
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
    let e = e.unwrap_err();
    assert_eq!(e.code(), "password.random_unavailable");
    // The reasons were English inside the Japanese message.
    let failed = p
        .generate_with(8, |_| Err("no entropy".into()))
        .unwrap_err();
    for e in [e, failed] {
        let ja = e.message(Lang::Ja);
        let words = crate::json_reason::english_words(&ja, &[]);
        assert_eq!(words, Vec::<String>::new(), "{ja}");
        assert!(e.message(Lang::En).len() > 20);
    }
    let failed = p
        .generate_with(8, |_| Err("no entropy".into()))
        .unwrap_err();
    assert!(failed.message(Lang::En).contains("no entropy"));
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
        screens: ScreenSymbols {
            test: "\0あ".into(),
            production: String::new(),
        },
    };
    let _ = weird.check("あ \0x", Some("\0"));
    let _ = weird.check_change("", "", "", "");
    assert!(weird.generate_with(8, os_random).is_err());
    let _ = weird.advice(Lang::Ja);
}

/// The two screens' symbol sets are policy DATA: a policy from JSON with other
/// sets changes what is accepted, what counts as "the other screen's symbol",
/// and what generation draws from — nothing reads the built-in constants.
#[test]
fn a_policy_from_json_changes_checking_other_screen_detection_and_generation() {
    let json = r#"{"min_len":8,"max_len":16,"require_letter":true,"require_digit":true,
      "symbols":"!~","differ_from_user_id":true,"case_sensitive":true,
      "screens":{"test":"!#~^","production":"!~"}}"#;
    let p: PasswordPolicy = serde_json::from_str(json).unwrap();
    // Checking: `~` is accepted here; the built-in production screen refuses it.
    assert!(p.check("abcd123~", None).is_empty());
    assert_eq!(
        codes(&PasswordPolicy::production_screen().check("abcd123~", None)),
        ["password.char_other_screen"]
    );
    // Other-screen detection follows the data: `#` is only on this data's test screen…
    assert_eq!(
        codes(&p.check("abcd123#", None)),
        ["password.char_other_screen"]
    );
    // …and `|`, the built-in test screen's, is on neither screen of this data.
    assert_eq!(
        codes(&p.check("abcd123|", None)),
        ["password.char_not_allowed"]
    );
    // Generation draws only symbols both screens of the data accept (`!` and `~`).
    let alphabet = p.generation_alphabet();
    assert!(alphabet.ends_with("!~"), "{alphabet}");
    assert!(!alphabet.contains('#') && !alphabet.contains('$'));
    let mut saw_tilde = false;
    for _ in 0..200 {
        let pw = p.generate_with(16, os_random).unwrap();
        assert!(p.is_acceptable(pw.expose(), None));
        assert!(
            pw.expose()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!~".contains(c))
        );
        saw_tilde |= pw.expose().contains('~');
    }
    assert!(saw_tilde, "generation never used the data's `~`");
    // Round trip: the screens are part of the policy's JSON.
    let back: PasswordPolicy = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
    // Without `screens`, the built-in sets apply.
    let plain: PasswordPolicy = serde_json::from_str(
        r#"{"min_len":8,"max_len":16,"require_letter":true,"require_digit":true,
          "symbols":"!","differ_from_user_id":true,"case_sensitive":true}"#,
    )
    .unwrap();
    assert_eq!(plain.screens, ScreenSymbols::default());
}
