//! Bad input never panics: 10 000 random and mutated .p12 inputs, odd passwords,
//! and every fixture under both paths.

use hug_onboard_core::certificate::{self, P12Options};
use hug_onboard_core::diagnostic::Diagnostic;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..=rng.below(4) {
        if b.is_empty() {
            break;
        }
        let i = rng.below(b.len());
        match rng.below(7) {
            0 => b[i] ^= 1 << rng.below(8),
            1 => b[i] = rng.next() as u8,
            2 => b.truncate(i),
            3 => {
                b.insert(i, rng.next() as u8);
            }
            4 => {
                b.remove(i);
            }
            // Length bytes are the interesting ones: 0x80 (indefinite), 0x84, 0xff.
            5 => b[i] = [0x80, 0x81, 0x82, 0x84, 0x85, 0xff, 0x00][rng.below(7)],
            _ => {
                let j = rng.below(b.len());
                b.swap(i, j);
            }
        }
    }
    b
}

#[test]
fn ten_thousand_random_and_mutated_inputs_never_panic() {
    let seeds = [
        fixture("fuzzseed-noiter.p12"),
        fixture("fuzzseed-legacy-noiter.p12"),
        fixture("fuzzseed-nomac-noiter.p12"),
    ];
    let opts = P12Options {
        max_iterations: 4096,
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut codes = std::collections::BTreeMap::new();
    for n in 0..10_000 {
        let input = if n % 5 == 0 {
            let len = rng.below(6000);
            (0..len).map(|_| rng.next() as u8).collect::<Vec<u8>>()
        } else {
            let seed = &seeds[rng.below(seeds.len())];
            mutate(&mut rng, seed)
        };
        let r = if n % 2 == 0 {
            certificate::inspect_with(&input, "TestPass123", &opts).map(|_| ())
        } else {
            certificate::open_with(&input, "TestPass123", &opts).map(|_| ())
        };
        let code = match r {
            Ok(()) => "ok",
            Err(e) => e.code(),
        };
        *codes.entry(code).or_insert(0u32) += 1;
    }
    eprintln!("outcomes: {codes:?}");
    // The mutants reach past the MAC into the decryption and certificate paths.
    assert!(codes.len() >= 4, "{codes:?}");
}

#[test]
fn odd_passwords_and_inputs() {
    let b = fixture("guide-openssl3.p12");
    let long = "x".repeat(10_000);
    for pw in [
        "",
        " ",
        "\u{3000}",
        "\0",
        "a\0",
        &long,
        "ｔｅｓｔ",
        "\u{10FFFF}",
    ] {
        let r = certificate::inspect(&b, pw);
        let code = r.map(|_| "ok").unwrap_or_else(|e| e.code());
        assert!(
            code == "certificate.wrong_password" || code == "certificate.password_not_encodable",
            "{pw:?}: {code}"
        );
    }
    for input in [
        &b""[..],
        b" ",
        b"\0",
        b"\x30",
        b"\x30\x80",
        b"\x30\x84\xff\xff\xff\xff",
        b"-----BEGIN X",
    ] {
        assert!(certificate::open(input, "x").is_err());
    }
    assert!(certificate::open(long.as_bytes(), "x").is_err());
}

#[test]
fn inspection_evidence_holds_no_secret() {
    let b = fixture("guide-legacy.p12");
    let opened = certificate::open(&b, "TestPass123").unwrap();
    let json = serde_json::to_string(&opened.info).unwrap();
    assert!(!json.contains("TestPass123"));
    assert!(!json.to_lowercase().contains("private_key\":\""));
    // The key material appears nowhere in the evidence.
    let key = opened.private_key.pkcs8_der();
    let hex: String = key[40..56].iter().map(|b| format!("{b:02X}")).collect();
    assert!(!json.contains(&hex));
    assert!(!format!("{opened:?}").contains(&hex));
    let back: certificate::P12Info = serde_json::from_str(&json).unwrap();
    assert_eq!(back, opened.info);
}
