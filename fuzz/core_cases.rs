// The core's fuzz targets' bodies, shared by `fuzz/fuzz_targets/*.rs` and the replay test
// `hug-onboard-core/tests/fuzz_regressions.rs` (both `include!` this file), so that a crash
// input checked in under `tests/fuzz-regressions/<target>/` replays through exactly the same
// calls and oracles (the C ABI targets do the same with `fuzz/ffi_cases.rs`).
//
// Each function takes the fuzzer's raw bytes; the text targets return at once on input that
// is not UTF-8, as a C host's or a file's bytes may be.

use hug_onboard_core::certificate::{self, P12Options};
use hug_onboard_core::diagnostic::{Diagnostic, Lang, Severity};
use hug_onboard_core::facility::{FacilityNumber, PostalCode, UserId};
use hug_onboard_core::notice::RegistrationNotice;
use hug_onboard_core::onboarding::Onboarding;
use hug_onboard_core::password::PasswordProfile;
use hug_onboard_core::profile::{FacilityProfile, ProfileInput};
use hug_onboard_core::schedule::{BillingCalendar, Rulebook, TimeOfDay, YearMonth, parse_instant};
use hug_onboard_core::text;
use hug_onboard_core::wareki::{self, EraTable, ParseOptions, Style};

/// One target's checks over one input.
pub type Case = fn(&[u8]);

/// Every target of this file by name: the replay test dispatches on it and fails on a
/// `tests/fuzz-regressions/` folder with no target.
pub const TARGETS: &[(&str, Case)] = &[
    ("notice_text", notice_text),
    ("notice_json", notice_json),
    ("wareki", wareki),
    ("profile_json", profile_json),
    ("profile_fields", profile_fields),
    ("ids", ids),
    ("password", password),
    ("p12", p12),
    ("rulebook_json", rulebook_json),
    ("rulebook_toml", rulebook_toml),
    ("onboarding_json", onboarding_json),
    ("schedule_strings", schedule_strings),
    ("text", text),
];

/// Notice text as typed or OCR'd: `RegistrationNotice::parse`. On success the notice must
/// survive its own JSON (with secrets) unchanged.
pub fn notice_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(n) = RegistrationNotice::parse(text) {
        let _ = n.findings();
        let _ = n.public_field_values();
        let _ = n.to_json();
        let back = RegistrationNotice::from_json(&n.to_json_with_secrets())
            .expect("a parsed notice reads back from its own JSON");
        assert_eq!(back, n, "notice JSON round trip");
    }
}

/// Notice JSON from another program: `RegistrationNotice::from_json`; on success its JSON
/// (with secrets) reads back unchanged.
pub fn notice_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(n) = RegistrationNotice::from_json(text) {
        let _ = n.findings();
        let _ = n.to_json();
        let back = RegistrationNotice::from_json(&n.to_json_with_secrets())
            .expect("a notice reads back from its own JSON");
        assert_eq!(back, n, "notice JSON round trip");
    }
}

/// 和暦 strings: `wareki::parse` and `parse_date` (strict and lenient), and an era table from
/// JSON. Every date that parses formats in every style, and each formatted string parses back
/// to the same date.
pub fn wareki(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = wareki::parse(s);
    let lenient = ParseOptions {
        lenient: true,
        ..ParseOptions::default()
    };
    let _ = wareki::parse_with(s, &lenient);
    let _ = wareki::parse_date_with(s, &lenient);
    if let Ok(d) = wareki::parse_date(s) {
        for style in [Style::Long, Style::LongNumeric, Style::Short] {
            if let Ok(f) = wareki::format(d, style) {
                assert_eq!(wareki::parse_date(&f).ok(), Some(d), "{s:?} -> {f:?}");
            }
        }
    }
    if let Ok(table) = EraTable::from_json(s) {
        let opts = ParseOptions {
            table: &table,
            lenient: false,
        };
        let _ = wareki::parse_with("令和元年6月3日", &opts);
    }
}

/// The 取込送信 facility profile as JSON (`ProfileInput`), validated with and without an
/// expected facility number; a valid profile survives serde.
pub fn profile_json(data: &[u8]) {
    let Ok(input) = serde_json::from_slice::<ProfileInput>(data) else {
        return;
    };
    let _ = input.validate(None);
    let expected = FacilityNumber::parse("1312345678").ok();
    if let Ok(checked) = input.validate(expected.as_ref()) {
        let j = serde_json::to_string(&checked.profile).expect("profile serialises");
        let back: FacilityProfile = serde_json::from_str(&j).expect("profile reads back");
        assert_eq!(back, checked.profile);
    }
}

/// Arbitrary strings in every field of the 事業所情報保守 screen. The input is UTF-8 text,
/// one field per line (`\n`; other control characters stay inside fields) in `ProfileInput`
/// order (facility number, name kana, name kanji, postal code, address kana, address kanji,
/// phone, fax, representative kana, kanji, title, email (empty = none), password), then the
/// expected facility number.
pub fn profile_fields(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let f: Vec<String> = s.split('\n').map(str::to_owned).collect();
    let get = |i: usize| f.get(i).cloned().unwrap_or_default();
    let input = ProfileInput {
        facility_number: get(0),
        name_kana: get(1),
        name_kanji: get(2),
        postal_code: get(3),
        address_kana: get(4),
        address_kanji: get(5),
        phone: get(6),
        fax: get(7),
        representative_name_kana: get(8),
        representative_name_kanji: get(9),
        representative_title: get(10),
        email: Some(get(11)).filter(|e| !e.is_empty()),
        password: get(12),
    };
    let expected = FacilityNumber::parse(&get(13)).ok();
    let _ = input.validate(expected.as_ref());
}

/// 事業所番号, user IDs (テストID/ID) and 郵便番号: parse, and on success display-then-parse
/// gives the same value.
pub fn ids(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(n) = FacilityNumber::parse(s) {
        assert_eq!(FacilityNumber::parse(&n.to_string()).ok(), Some(n));
        let _ = n.prefecture().name_ja();
    }
    if let Ok(u) = UserId::parse(s) {
        assert_eq!(UserId::parse(&u.to_string()).ok().as_ref(), Some(&u));
    }
    if let Ok(p) = PostalCode::parse(s) {
        assert_eq!(PostalCode::parse(&p.to_string()).ok(), Some(p));
        assert_eq!(PostalCode::parse(p.digits()).ok(), Some(p));
    }
}

/// Password checks under every profile: `check` and `check_change`. The input is UTF-8 text,
/// one field per line (other control characters stay inside the fields): profile index, user
/// ID (empty = none), current, new, confirmation.
pub fn password(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let f: Vec<&str> = s.split('\n').collect();
    let get = |i: usize| f.get(i).copied().unwrap_or("");
    let profile = PasswordProfile::ALL[get(0).parse::<usize>().unwrap_or(0) % 3];
    let policy = profile.policy();
    let uid = Some(get(1)).filter(|u| !u.is_empty());
    let v = policy.check(get(3), uid);
    for x in &v {
        let _ = (x.position(), x.character());
    }
    let errors = v.iter().any(|x| x.severity() >= Severity::Error);
    assert_eq!(!errors, policy.is_acceptable(get(3), uid));
    let _ = policy.check_change(get(1), get(2), get(3), get(4));
}

/// The iteration cap of the `p12` target: real files ask for 2,048 (OpenSSL) and more
/// PBKDF2/PKCS#12-KDF rounds, i.e. milliseconds per exec; a mutant asking for more is refused
/// cheaply (that refusal path is itself fuzzed), and the seeds are the one-iteration
/// `fuzzseed-*.p12` fixtures plus the real ones (whose iteration fields the fuzzer can shrink).
const P12_OPTS: P12Options = P12Options { max_iterations: 64 };

/// .p12 bytes under both paths (inspect-only and open), with the right password, a wrong one,
/// the empty one, or one taken from the input: the first byte picks; with selector 3 the
/// password is the bytes up to the first NUL (if UTF-8) and the file is what follows.
/// Oracles: the chain never repeats a certificate or holds the leaf; an unverified password is
/// always a finding; an opened leaf is the key's.
pub fn p12(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let (password, file): (&str, &[u8]) = match sel % 4 {
        0 => ("TestPass123", rest),
        1 => ("WrongPass123", rest),
        2 => ("", rest),
        _ => {
            let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            let Ok(pw) = std::str::from_utf8(&rest[..cut]) else {
                return;
            };
            (pw, rest.get(cut + 1..).unwrap_or(&[]))
        }
    };
    match certificate::inspect_with(file, password, &P12_OPTS) {
        Ok(info) => {
            let findings = info.findings(None);
            // The chain holds each certificate once and never the leaf.
            let mut fps: Vec<&str> = info
                .chain
                .iter()
                .map(|c| c.fingerprint_sha256.as_str())
                .chain([info.certificate.fingerprint_sha256.as_str()])
                .collect();
            let n = fps.len();
            fps.sort_unstable();
            fps.dedup();
            assert_eq!(fps.len(), n, "a certificate twice in leaf + chain");
            // An unverified password is always said.
            assert_eq!(
                !info.password_verified,
                findings
                    .iter()
                    .any(|f| f.code == "certificate.password_unverified")
            );
        }
        Err(e) => {
            let _ = (e.code(), e.message(Lang::Ja));
        }
    }
    if sel & 4 == 0
        && let Ok(o) = certificate::open_with(file, password, &P12_OPTS)
    {
        let _ = o.private_key.algorithm();
        // The opened leaf is the key's certificate.
        assert_eq!(o.info.leaf_basis, certificate::LeafBasis::PrivateKey);
    }
}

/// Rulebook JSON (a prefecture's overrides): `Rulebook::from_json`. A valid rulebook reads
/// back from its own `to_json` unchanged, and computes a schedule for a service month.
pub fn rulebook_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rb) = Rulebook::from_json(text) {
        let back = Rulebook::from_json(&rb.to_json()).expect("own JSON reads back");
        assert_eq!(back, rb, "rulebook JSON round trip");
        let cal = BillingCalendar::new(rb);
        if let Ok(m) = YearMonth::new(2026, 1 + u32::from(data.len() as u8 % 12)) {
            let _ = cal.schedule(m);
        }
    }
}

/// Rulebook TOML (`hug-onboard-core/rulebooks/*.toml`): `Rulebook::from_toml`; a valid one
/// reads back from its JSON unchanged.
pub fn rulebook_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rb) = Rulebook::from_toml(text) {
        let back = Rulebook::from_json(&rb.to_json()).expect("own JSON reads back");
        assert_eq!(back, rb, "rulebook TOML -> JSON round trip");
    }
}

/// Onboarding state JSON (saved by the app, possibly edited or damaged):
/// `Onboarding::from_json`; a state that loads saves and reloads unchanged, and its readiness
/// and reminders compute on a day derived from the input (2019..2046, from its length).
pub fn onboarding_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(o) = Onboarding::from_json(text) {
        let _ = o.next_steps();
        let _ = o.all_required_done();
        let back = Onboarding::from_json(&o.to_json()).expect("own JSON reads back");
        assert_eq!(back, o, "onboarding JSON round trip");
        let base = chrono::NaiveDate::from_ymd_opt(2019, 5, 1).unwrap_or_default();
        let today = base + chrono::Days::new((data.len() as u64 * 7919) % 10_000);
        let cal = BillingCalendar::new(Rulebook::default());
        let _ = o.readiness(today, &cal).to_json();
        let _ = o.reminders(today, 60, &cal);
    }
}

/// The schedule's string inputs: a service month (`YearMonth::parse`), an instant
/// (`parse_instant`) and a time of day (`TimeOfDay::parse`); each value that parses displays
/// as a string that parses back to it.
pub fn schedule_strings(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(m) = YearMonth::parse(s) {
        assert_eq!(YearMonth::parse(&m.to_string()).ok(), Some(m));
    }
    if let Ok(t) = parse_instant(s) {
        let cal = BillingCalendar::new(Rulebook::default());
        let _ = cal.is_window_open(t);
        let _ = cal.next_deadline(t);
    }
    if let Some(t) = TimeOfDay::parse(s) {
        assert_eq!(TimeOfDay::parse(&t.to_string()), Some(t));
    }
}

/// Text normalisation applied to every typed or OCR'd field: normalize and
/// to_halfwidth_ascii are idempotent; katakana conversions never panic.
pub fn text(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let n = text::normalize(s);
    assert_eq!(text::normalize(&n), n, "normalize is idempotent");
    let h = text::to_halfwidth_ascii(s);
    assert_eq!(
        text::to_halfwidth_ascii(&h),
        h,
        "to_halfwidth_ascii is idempotent"
    );
    let _ = text::collapse_spaces(s);
    let _ = text::find_control(s);
    let _ = text::classify_katakana(s);
    let half = text::fullwidth_to_halfwidth_katakana(s);
    let _ = text::halfwidth_to_fullwidth_katakana(&half);
}
