//! Replays every input under `tests/fuzz-regressions/<target>/` through the
//! checks of the cargo-fuzz target of the same name (`fuzz/fuzz_targets/`), so
//! that a crash the fuzzer once found stays fixed in the normal `cargo test`.
//! The bodies below mirror the targets; keep them in step.

use std::path::PathBuf;

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

fn notice_text(s: &str) {
    if let Ok(n) = RegistrationNotice::parse(s) {
        let _ = (n.findings(), n.public_field_values(), n.to_json());
        let back = RegistrationNotice::from_json(&n.to_json_with_secrets()).unwrap();
        assert_eq!(back, n);
    }
}

fn notice_json(s: &str) {
    if let Ok(n) = RegistrationNotice::from_json(s) {
        let _ = (n.findings(), n.to_json());
        let back = RegistrationNotice::from_json(&n.to_json_with_secrets()).unwrap();
        assert_eq!(back, n);
    }
}

fn wareki(s: &str) {
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

fn profile_json(b: &[u8]) {
    let Ok(input) = serde_json::from_slice::<ProfileInput>(b) else {
        return;
    };
    let _ = input.validate(None);
    let expected = FacilityNumber::parse("1312345678").ok();
    if let Ok(checked) = input.validate(expected.as_ref()) {
        let j = serde_json::to_string(&checked.profile).unwrap();
        let back: FacilityProfile = serde_json::from_str(&j).unwrap();
        assert_eq!(back, checked.profile);
    }
}

fn ids(s: &str) {
    if let Ok(n) = FacilityNumber::parse(s) {
        assert_eq!(FacilityNumber::parse(&n.to_string()).ok(), Some(n));
    }
    if let Ok(u) = UserId::parse(s) {
        assert_eq!(UserId::parse(&u.to_string()).ok().as_ref(), Some(&u));
    }
    if let Ok(p) = PostalCode::parse(s) {
        assert_eq!(PostalCode::parse(&p.to_string()).ok(), Some(p));
        assert_eq!(PostalCode::parse(p.digits()).ok(), Some(p));
    }
}

/// The `password` and `profile_fields` targets read UTF-8 text, one field per
/// line (`\n`; other control characters stay inside fields). password: profile
/// index, user ID (empty line = none), current, new, confirm.
fn password(s: &str) {
    let f: Vec<&str> = s.split('\n').collect();
    let get = |i: usize| f.get(i).copied().unwrap_or("");
    let profile = PasswordProfile::ALL[get(0).parse::<usize>().unwrap_or(0) % 3];
    let policy = profile.policy();
    let uid = Some(get(1)).filter(|u| !u.is_empty());
    let v = policy.check(get(3), uid);
    let errors = v.iter().any(|x| x.severity() >= Severity::Error);
    assert_eq!(!errors, policy.is_acceptable(get(3), uid));
    let _ = policy.check_change(get(1), get(2), get(3), get(4));
}

/// profile_fields: the 13 fields of `ProfileInput` in order, one per line
/// (an empty email line means none), then the expected facility number.
fn profile_fields(s: &str) {
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

fn p12(data: &[u8]) {
    let opts = P12Options { max_iterations: 64 };
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
    match certificate::inspect_with(file, password, &opts) {
        Ok(info) => {
            let _ = info.findings(None);
        }
        Err(e) => {
            let _ = (e.code(), e.message(Lang::Ja));
        }
    }
    if sel & 4 == 0
        && let Ok(o) = certificate::open_with(file, password, &opts)
    {
        let _ = o.private_key.algorithm();
    }
}

fn rulebook_json(s: &str) {
    if let Ok(rb) = Rulebook::from_json(s) {
        assert_eq!(Rulebook::from_json(&rb.to_json()).unwrap(), rb);
        let cal = BillingCalendar::new(rb);
        if let Ok(m) = YearMonth::new(2026, 1 + u32::from(s.len() as u8 % 12)) {
            let _ = cal.schedule(m);
        }
    }
}

fn rulebook_toml(s: &str) {
    if let Ok(rb) = Rulebook::from_toml(s) {
        assert_eq!(Rulebook::from_json(&rb.to_json()).unwrap(), rb);
    }
}

fn onboarding_json(s: &str) {
    if let Ok(o) = Onboarding::from_json(s) {
        let _ = (o.next_steps(), o.all_required_done());
        assert_eq!(Onboarding::from_json(&o.to_json()).unwrap(), o);
        let base = chrono::NaiveDate::from_ymd_opt(2019, 5, 1).unwrap();
        let today = base + chrono::Days::new((s.len() as u64 * 7919) % 10_000);
        let cal = BillingCalendar::new(Rulebook::default());
        let _ = o.readiness(today, &cal).to_json();
        let _ = o.reminders(today, 60, &cal);
    }
}

fn schedule_strings(s: &str) {
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

fn text(s: &str) {
    let n = text::normalize(s);
    assert_eq!(text::normalize(&n), n);
    let h = text::to_halfwidth_ascii(s);
    assert_eq!(text::to_halfwidth_ascii(&h), h);
    let _ = (text::collapse_spaces(s), text::find_control(s));
    let _ = text::classify_katakana(s);
    let half = text::fullwidth_to_halfwidth_katakana(s);
    let _ = text::halfwidth_to_fullwidth_katakana(&half);
}

/// A target's checks over one input.
type Replay = Box<dyn Fn(&[u8])>;

/// Runs a text target only on UTF-8 input, as the fuzz targets do.
fn utf8(f: fn(&str)) -> impl Fn(&[u8]) {
    move |b| {
        if let Ok(s) = std::str::from_utf8(b) {
            f(s)
        }
    }
}

#[test]
fn every_checked_in_fuzz_input_passes() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fuzz-regressions");
    let mut replayed = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let target = dir.file_name().unwrap().to_string_lossy().into_owned();
        if target.starts_with("ffi_") {
            // The C ABI targets' inputs: hug-onboard-ffi/tests/fuzz_regressions.rs replays them.
            continue;
        }
        let run: Replay = match target.as_str() {
            "notice_text" => Box::new(utf8(notice_text)),
            "notice_json" => Box::new(utf8(notice_json)),
            "wareki" => Box::new(utf8(wareki)),
            "profile_json" => Box::new(profile_json),
            "profile_fields" => Box::new(utf8(profile_fields)),
            "ids" => Box::new(utf8(ids)),
            "password" => Box::new(utf8(password)),
            "p12" => Box::new(p12),
            "rulebook_json" => Box::new(utf8(rulebook_json)),
            "rulebook_toml" => Box::new(utf8(rulebook_toml)),
            "onboarding_json" => Box::new(utf8(onboarding_json)),
            "schedule_strings" => Box::new(utf8(schedule_strings)),
            "text" => Box::new(utf8(text)),
            other => panic!("tests/fuzz-regressions/{other}: no such fuzz target"),
        };
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            eprintln!("replaying {}", f.display());
            run(&bytes);
            replayed += 1;
        }
    }
    eprintln!("{replayed} fuzz regression inputs replayed");
}

/// Inputs every target must survive: empty, white space, NUL, a BOM, a lone
/// voiced mark, fragments of dates and codes, 10 000 full-width digits.
#[test]
fn hand_picked_edge_cases() {
    for s in [
        "", " ", "\0", "\u{FEFF}", "ﾞ", "ｳﾞ", "〒", "令和", "元年", "R1.", "9999-99",
    ] {
        notice_text(s);
        notice_json(s);
        wareki(s);
        ids(s);
        password(s);
        profile_fields(s);
        rulebook_json(s);
        rulebook_toml(s);
        onboarding_json(s);
        schedule_strings(s);
        text(s);
        profile_json(s.as_bytes());
        p12(s.as_bytes());
    }
    let long = "１".repeat(10_000);
    ids(&long);
    wareki(&long);
    text(&long);
}
