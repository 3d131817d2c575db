//! .p12 bytes under both paths (inspect-only and open), with the right
//! password, a wrong one, the empty one, or one taken from the input.
//! Oracles: the chain never repeats a certificate or holds the leaf; an
//! unverified password is always a finding; an opened leaf is the key's.
//!
//! Iteration cap: real files ask for 2,048 (OpenSSL) and more PBKDF2/PKCS#12-KDF
//! rounds, i.e. milliseconds per exec; the target sets
//! `P12Options::max_iterations = 64` so that a mutant asking for more is refused
//! cheaply (that refusal path is itself fuzzed), and the seeds are the
//! one-iteration `fuzzseed-*.p12` fixtures plus the real ones (whose iteration
//! fields the fuzzer can shrink).
#![no_main]
use hug_onboard_core::certificate::{self, P12Options};
use hug_onboard_core::diagnostic::Diagnostic;
use libfuzzer_sys::fuzz_target;

const OPTS: P12Options = P12Options { max_iterations: 64 };

fuzz_target!(|data: &[u8]| {
    // The first byte picks the password; with selector 3 the password is the
    // bytes up to the first NUL (if UTF-8) and the file is what follows.
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
    match certificate::inspect_with(file, password, &OPTS) {
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
            let _ = (e.code(), e.message(hug_onboard_core::diagnostic::Lang::Ja));
        }
    }
    if sel & 4 == 0
        && let Ok(o) = certificate::open_with(file, password, &OPTS)
    {
        let _ = o.private_key.algorithm();
        // The opened leaf is the key's certificate.
        assert_eq!(o.info.leaf_basis, certificate::LeafBasis::PrivateKey);
    }
});
