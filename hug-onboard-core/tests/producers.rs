//! .p12 files as the world's software writes them (`tests/fixtures/producers/make.sh`: OpenSSL 3,
//! JDK keytool, GnuTLS certtool, NSS pk12util, node-forge, Python cryptography, and hand-assembled
//! shapes), each checked against the manifest the script wrote: opens with the right password,
//! the right leaf (the producer's, by fingerprint), the chain without duplicates or the leaf,
//! whether the password was verified, and what a wrong password gives.
//!
//! Reads `tests/fixtures/producers/out/` (committed), or the directory in `HUG_PRODUCERS_DIR`
//! (`scripts/test` regenerates the files there with fresh keys and the tools' current versions).

use std::path::PathBuf;

use hug_onboard_core::certificate::{self, LeafBasis};
use hug_onboard_core::diagnostic::Diagnostic;
use serde_json::Value;

fn dir() -> PathBuf {
    match std::env::var_os("HUG_PRODUCERS_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/producers/out"),
    }
}

fn s<'a>(e: &'a Value, k: &str) -> &'a str {
    e[k].as_str()
        .unwrap_or_else(|| panic!("{k} missing in {e}"))
}

fn codes(info: &certificate::P12Info) -> Vec<String> {
    info.findings(None).into_iter().map(|f| f.code).collect()
}

fn has(codes: &[String], code: &str) -> bool {
    codes.iter().any(|c| c == code)
}

#[test]
fn every_producer_file_reads_as_its_producer_wrote_it() {
    let d = dir();
    let manifest: Vec<Value> = serde_json::from_slice(
        &std::fs::read(d.join("manifest.json")).expect("manifest.json (run make.sh)"),
    )
    .expect("manifest JSON");
    assert!(manifest.len() >= 40, "only {} files", manifest.len());
    let mut failures = Vec::new();
    for e in &manifest {
        let file = s(e, "file");
        let bytes = std::fs::read(d.join(file)).expect(file);
        let pw = s(e, "password");
        let mut fail =
            |what: String| failures.push(format!("{file} ({}): {what}", s(e, "producer")));
        let chain_want: Vec<&str> = e["chain_sha256"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let uncertain = e["inspect_leaf_uncertain"].as_bool() == Some(true);
        // Inspect with the right password.
        match (certificate::inspect(&bytes, pw), s(e, "inspect")) {
            (Ok(i), "ok") => {
                let verified = e["inspect_password_verified"].as_bool() == Some(true);
                if i.password_verified != verified {
                    fail(format!(
                        "inspect: password_verified {}",
                        i.password_verified
                    ));
                }
                let c = codes(&i);
                if has(&c, "certificate.password_unverified") == verified {
                    fail(format!("inspect: findings {c:?}"));
                }
                if has(&c, "certificate.leaf_uncertain") != uncertain {
                    fail(format!(
                        "inspect: findings {c:?} (uncertain expected: {uncertain})"
                    ));
                }
                if !uncertain && i.certificate.fingerprint_sha256 != s(e, "leaf_sha256") {
                    fail(format!(
                        "inspect: leaf {} ({:?})",
                        i.certificate.subject_value("CN").unwrap_or("?"),
                        i.leaf_basis
                    ));
                }
                let mut all: Vec<&str> = i
                    .chain
                    .iter()
                    .map(|c| c.fingerprint_sha256.as_str())
                    .chain([i.certificate.fingerprint_sha256.as_str()])
                    .collect();
                all.sort_unstable();
                let before = all.len();
                all.dedup();
                if all.len() != before {
                    fail("inspect: a certificate twice (chain or leaf)".into());
                }
            }
            (Err(err), want) if err.code() == want => {}
            (got, want) => fail(format!(
                "inspect: want {want}, got {:?}",
                got.map(|i| i.leaf_basis).map_err(|e| e.code())
            )),
        }
        // Open with the right password.
        match (certificate::open(&bytes, pw), s(e, "open")) {
            (Ok(o), "ok") => {
                if o.info.certificate.fingerprint_sha256 != s(e, "leaf_sha256") {
                    fail("open: wrong leaf".into());
                }
                if o.info.leaf_basis != LeafBasis::PrivateKey {
                    fail(format!("open: leaf basis {:?}", o.info.leaf_basis));
                }
                let chain: Vec<&str> = o
                    .info
                    .chain
                    .iter()
                    .map(|c| c.fingerprint_sha256.as_str())
                    .collect();
                if chain != chain_want {
                    fail(format!("open: chain {chain:?}, want {chain_want:?}"));
                }
                let verifiable = s(e, "wrong_open") != "unverified";
                if o.info.password_verified != verifiable {
                    fail(format!(
                        "open: password_verified {}",
                        o.info.password_verified
                    ));
                }
            }
            (Err(err), want) if err.code() == want => {}
            (got, want) => fail(format!(
                "open: want {want}, got {:?}",
                got.map(|_| "ok").map_err(|e| e.code())
            )),
        }
        // A wrong password: a distinct result, never a silent success.
        for (what, want) in [
            ("inspect", s(e, "wrong_inspect")),
            ("open", s(e, "wrong_open")),
        ] {
            let got = if what == "inspect" {
                certificate::inspect(&bytes, "WrongPass123")
            } else {
                certificate::open(&bytes, "WrongPass123").map(|o| o.info)
            };
            match (got, want) {
                (Ok(i), "unverified")
                    if !i.password_verified
                        && has(&codes(&i), "certificate.password_unverified") => {}
                (Err(err), w) if err.code() == w => {}
                (got, w) => fail(format!(
                    "{what} with a wrong password: want {w}, got {:?}",
                    got.map(|i| i.password_verified).map_err(|e| e.code())
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A damaged RSA private key whose modulus still matches the certificate is refused (found by
/// the differential test: OpenSSL said "Invalid private key", the reader accepted it).
#[test]
fn a_damaged_rsa_key_is_refused() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/producers/out/openssl-nomac-nothing-encrypted.p12");
    let bytes = std::fs::read(path).expect("fixture");
    assert!(certificate::open(&bytes, "any").is_ok());
    // Nothing is encrypted and there is no MAC: the file ends with the PKCS#8 key (whose
    // last numbers are dP, dQ and qInv), then the key bag's attributes (friendlyName
    // "facility", localKeyID). Every bit flip in the key's last numbers must be refused.
    let attrs = [0x31, 0x46, 0x30, 0x1f, 0x06, 0x09];
    let key_end = bytes
        .windows(attrs.len())
        .rposition(|w| w == attrs)
        .expect("the key bag's attributes");
    for i in key_end - 100..key_end {
        let mut m = bytes.clone();
        m[i] ^= 0x01;
        match certificate::open(&m, "any") {
            Err(e) => assert!(
                ["certificate.malformed", "certificate.key_mismatch"].contains(&e.code()),
                "byte {i}: {}",
                e.code()
            ),
            Ok(_) => panic!("byte {i}: a damaged key was accepted"),
        }
    }
}

fn nothing_encrypted() -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/producers/out/openssl-nomac-nothing-encrypted.p12");
    std::fs::read(path).expect("fixture")
}

fn position(bytes: &[u8], pattern: &[u8]) -> Vec<usize> {
    bytes
        .windows(pattern.len())
        .enumerate()
        .filter(|(_, w)| *w == pattern)
        .map(|(i, _)| i)
        .collect()
}

/// An RSAPrivateKey whose version is not 0 (two-prime) is refused, although its numbers are
/// consistent (found by the 100,000-mutant differential run: version 0 became 16, OpenSSL
/// said "Invalid key", the reader accepted it).
#[test]
fn an_rsa_key_that_is_not_two_prime_is_refused() {
    let bytes = nothing_encrypted();
    assert!(certificate::open(&bytes, "any").is_ok());
    // RSAPrivateKey { version 0, modulus (2048 bits) ...
    let at = position(&bytes, &[0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01]);
    assert_eq!(at.len(), 1, "one RSAPrivateKey");
    for version in [0x01, 0x10, 0x7f] {
        let mut m = bytes.clone();
        m[at[0] + 2] = version;
        let e = certificate::open(&m, "any").expect_err("version {version}");
        assert_eq!(e.code(), "certificate.malformed", "version {version}");
    }
}

/// A localKeyID that is not an OCTET STRING, or a friendlyName that is not a BMPString, is a
/// damaged file (OpenSSL refuses it; the reader used to skip the attribute), in the key bag
/// and in the certificate bag alike.
#[test]
fn a_mistyped_bag_attribute_is_malformed() {
    let bytes = nothing_encrypted();
    let name = position(
        &bytes,
        &[
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x14, 0x31,
        ],
    );
    let id = position(
        &bytes,
        &[
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x15, 0x31,
        ],
    );
    assert_eq!(
        (name.len(), id.len()),
        (2, 2),
        "friendlyName and localKeyID in both bags"
    );
    // The value's tag follows the SET's tag and one-byte length.
    for (at, want, other) in name
        .iter()
        .map(|&i| (i, 0x1e, 0x0c))
        .chain(id.iter().map(|&i| (i, 0x04, 0x03)))
    {
        let tag_at = at + 13;
        assert_eq!(bytes[tag_at], want);
        let mut m = bytes.clone();
        m[tag_at] = other;
        let e = certificate::open(&m, "any").expect_err("a mistyped attribute");
        assert_eq!(e.code(), "certificate.malformed", "byte {tag_at}");
        let e = certificate::inspect(&m, "any").expect_err("a mistyped attribute");
        assert_eq!(e.code(), "certificate.malformed", "byte {tag_at}");
    }
}

/// The parameters of the MAC digest and of the PBKDF2 PRF must be absent or NULL: a NULL
/// turned into a BOOLEAN or a constructed NULL is a damaged file (found by the 100,000-mutant
/// differential run; OpenSSL refused both, the reader ignored the parameters).
#[test]
fn digest_parameters_other_than_null_are_malformed() {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/producers/out");
    // The MacData's DigestInfo: SEQUENCE { SEQUENCE { sha256 OID, NULL } ... } at the end.
    let mac = std::fs::read(out.join("pyca-pbes2-aes.p12")).unwrap();
    let sha256_null = [
        0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
    ];
    let at = position(&mac, &sha256_null);
    assert_eq!(at.len(), 1, "one SHA-256 AlgorithmIdentifier (the MAC's)");
    assert!(certificate::open(&mac, "TestPass123").is_ok());
    for bad in [0x01, 0x25, 0x04] {
        let mut m = mac.clone();
        m[at[0] + 11] = bad;
        let e = certificate::open(&m, "TestPass123").expect_err("damaged MAC parameters");
        assert_eq!(e.code(), "certificate.malformed", "tag 0x{bad:02x}");
    }
    // The key's PBES2 PRF: SEQUENCE { hmacWithSHA256 OID, NULL } (no MAC: nothing else checks it).
    let prf = std::fs::read(out.join("openssl-nomac-certpbe-none.p12")).unwrap();
    let hmac_sha256_null = [
        0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09, 0x05, 0x00,
    ];
    let at = position(&prf, &hmac_sha256_null);
    assert!(!at.is_empty());
    assert!(certificate::open(&prf, "TestPass123").is_ok());
    for &i in &at {
        let mut m = prf.clone();
        m[i + 10] = 0x25; // a constructed NULL
        let e = certificate::open(&m, "TestPass123").expect_err("damaged PRF parameters");
        assert_eq!(e.code(), "certificate.malformed");
    }
}

/// A certificate that is not DER is malformed, in the leaf's place or in the chain (found by
/// the differential run: x509-parser read 781 damaged certificates of 100,000 mutants that
/// OpenSSL refuses; a strict DER decoder refuses 684 of them and no producer's certificate).
#[test]
fn a_certificate_that_is_not_der_is_malformed() {
    let fix = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    // The leaf's basicConstraints `critical` BOOLEAN: TRUE is 0xFF in DER (X.690 11.1).
    let leaf = std::fs::read(fix.join("guide-nomac.p12")).unwrap();
    assert_eq!(&leaf[747..750], &[0x01, 0x01, 0xff]);
    assert!(certificate::open(&leaf, "TestPass123").is_ok());
    let mut m = leaf.clone();
    m[749] = 0xf7;
    assert_eq!(
        certificate::open(&m, "TestPass123").unwrap_err().code(),
        "certificate.malformed"
    );
    assert_eq!(
        certificate::inspect(&m, "TestPass123").unwrap_err().code(),
        "certificate.malformed"
    );
    // A CA certificate of the chain: a SEQUENCE tag turned into [16] (context-specific).
    let ca = std::fs::read(fix.join("producers/out/openssl-nomac.p12")).unwrap();
    assert_eq!(ca[1610], 0x30);
    assert!(certificate::open(&ca, "TestPass123").is_ok());
    let mut m = ca.clone();
    m[1610] = 0xb0;
    assert_eq!(
        certificate::open(&m, "TestPass123").unwrap_err().code(),
        "certificate.malformed"
    );
}
