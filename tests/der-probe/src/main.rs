//! Measurement for issue #12: can the .p12 reader's DER/BER layer move to
//! RustCrypto `der` 0.8 (feature `ber`) and its PBES2 to `pkcs5`?
//!
//! Reads every file given on the command line (or listed in a directory)
//! through a PKCS#12 walk written on `der` 0.8 types (BER rules) with PBES2
//! decryption by `pkcs5` (PKCS#12 PBES1 and the MAC by the `pkcs12` crate's
//! KDF), and compares the outcome with `hug_onboard_core::certificate::open_with`
//! file by file. Not part of the workspace; not shipped. Usage:
//!
//! ```sh
//! cargo run --release --manifest-path tests/der-probe/Cargo.toml -- fixtures
//! cargo run --release --manifest-path tests/der-probe/Cargo.toml -- corpus fuzz/corpus/p12
//! ```
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockModeDecrypt, InnerIvInit, KeyIvInit};
use der::asn1::{Any, ContextSpecific, ObjectIdentifier as Oid, OctetString, SetOfVec};
use der::{Decode, DecodeValue, Encode, FixedTag, Header, Reader, Sequence, Tag, TagNumber};
use hmac::{Hmac, KeyInit, Mac};
use hug_onboard_core::certificate::{P12Options, open_with};
use hug_onboard_core::diagnostic::Diagnostic;
use pkcs12::MacData;
use pkcs12::kdf::{Pkcs12KeyType, derive_key};
use sha1::Sha1;
use sha2::{Sha224, Sha256, Sha384, Sha512};
use x509_cert::attr::Attribute;
use x509_cert::spki::AlgorithmIdentifierOwned;

const DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
const ENC: Oid = Oid::new_unwrap("1.2.840.113549.1.7.6");
const KEY_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.1");
const SHROUDED: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.2");
const CERT_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.3");
const NESTED: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.6");
const PBES2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.13");
const PBMAC1: Oid = Oid::new_unwrap("1.2.840.113549.1.5.14");

/// PFX ::= SEQUENCE { version INTEGER, authSafe ContentInfo, macData MacData OPTIONAL }
#[derive(Sequence)]
struct Pfx {
    version: u8,
    auth_safe: Ci,
    mac_data: Option<MacData>,
}

/// ContentInfo, with the two content types PKCS#12 uses.
enum Ci {
    Data(Option<OctetString>),
    Enc(Option<EncryptedData>),
    Other(Oid),
}

impl<'a> DecodeValue<'a> for Ci {
    type Error = der::Error;
    fn decode_value<R: Reader<'a>>(r: &mut R, _h: Header) -> der::Result<Self> {
        let oid: Oid = r.decode()?;
        Ok(if oid == DATA {
            Ci::Data(
                ContextSpecific::<OctetString>::decode_explicit(r, TagNumber(0))?.map(|c| c.value),
            )
        } else if oid == ENC {
            Ci::Enc(
                ContextSpecific::<EncryptedData>::decode_explicit(r, TagNumber(0))?
                    .map(|c| c.value),
            )
        } else {
            let _: Option<ContextSpecific<Any>> =
                ContextSpecific::decode_explicit(r, TagNumber(0))?;
            Ci::Other(oid)
        })
    }
}
impl FixedTag for Ci {
    const TAG: Tag = Tag::Sequence;
}
// Encode is never used; `Sequence` needs it for Option<Ci> only through derive.
impl der::EncodeValue for Ci {
    fn value_len(&self) -> der::Result<der::Length> {
        Err(der::ErrorKind::Failed.into())
    }
    fn encode_value(&self, _: &mut impl der::Writer) -> der::Result<()> {
        Err(der::ErrorKind::Failed.into())
    }
}

/// EncryptedData ::= SEQUENCE { version, EncryptedContentInfo }
#[derive(Sequence)]
struct EncryptedData {
    version: u8,
    info: EncryptedContentInfo,
}

#[derive(Sequence)]
struct EncryptedContentInfo {
    content_type: Oid,
    alg: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    content: Option<OctetString>,
}

/// SafeBag, with the bag value decoded by type.
struct SafeBag {
    value: Bag,
    _attrs: Option<SetOfVec<Attribute>>,
}

enum Bag {
    Cert(CertBag),
    Key(#[allow(dead_code)] Any),
    Shrouded(EncryptedPrivateKeyInfo),
    Nested(Vec<SafeBag>),
    Other,
}

impl<'a> DecodeValue<'a> for SafeBag {
    type Error = der::Error;
    fn decode_value<R: Reader<'a>>(r: &mut R, _h: Header) -> der::Result<Self> {
        let id: Oid = r.decode()?;
        let t = TagNumber(0);
        let missing = || {
            der::Error::from(der::ErrorKind::TagUnexpected {
                expected: None,
                actual: Tag::Null,
            })
        };
        let value = if id == CERT_BAG {
            Bag::Cert(
                ContextSpecific::<CertBag>::decode_explicit(r, t)?
                    .ok_or_else(missing)?
                    .value,
            )
        } else if id == KEY_BAG {
            Bag::Key(
                ContextSpecific::<Any>::decode_explicit(r, t)?
                    .ok_or_else(missing)?
                    .value,
            )
        } else if id == SHROUDED {
            Bag::Shrouded(
                ContextSpecific::<EncryptedPrivateKeyInfo>::decode_explicit(r, t)?
                    .ok_or_else(missing)?
                    .value,
            )
        } else if id == NESTED {
            Bag::Nested(
                ContextSpecific::<Vec<SafeBag>>::decode_explicit(r, t)?
                    .ok_or_else(missing)?
                    .value,
            )
        } else {
            let _ = ContextSpecific::<Any>::decode_explicit(r, t)?;
            Bag::Other
        };
        let attrs = r.decode()?;
        Ok(SafeBag {
            value,
            _attrs: attrs,
        })
    }
}
impl FixedTag for SafeBag {
    const TAG: Tag = Tag::Sequence;
}

#[derive(Sequence)]
struct CertBag {
    cert_id: Oid,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    value: OctetString,
}

#[derive(Sequence)]
struct EncryptedPrivateKeyInfo {
    alg: AlgorithmIdentifierOwned,
    data: OctetString,
}

/// PrivateKeyInfo's leading fields (OneAsymmetricKey may carry more).
struct Pki;
impl<'a> DecodeValue<'a> for Pki {
    type Error = der::Error;
    fn decode_value<R: Reader<'a>>(r: &mut R, _h: Header) -> der::Result<Self> {
        let _v: der::asn1::Int = r.decode()?;
        let _a: AlgorithmIdentifierOwned = r.decode()?;
        let _k: OctetString = r.decode()?;
        while !r.is_finished() {
            let _: Any = r.decode()?;
        }
        Ok(Pki)
    }
}
impl FixedTag for Pki {
    const TAG: Tag = Tag::Sequence;
}

#[derive(Sequence)]
struct PbeParams {
    salt: OctetString,
    iterations: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Opened,
    Refused(String),
    Wrong(&'static str),
    Unsupported(String),
    Limit,
}

const MAX_ITER: u32 = 10_000_000;

struct Walk {
    forms: Vec<Vec<u8>>,
    utf8: Vec<u8>,
    chosen: Option<usize>,
    has_mac: bool,
    certs: Vec<Vec<u8>>,
    keys: usize,
    strict_x509_refused: usize,
}

enum Dec {
    Bad,
    Stop(Verdict),
}

fn bmp_forms(pw: &str) -> Vec<Vec<u8>> {
    let mut u: Vec<u8> = pw.encode_utf16().flat_map(|c| c.to_be_bytes()).collect();
    u.extend([0, 0]);
    let mut v = vec![u];
    if pw.is_empty() {
        v.push(Vec::new());
    } else if !pw.is_ascii() {
        let mut a: Vec<u8> = pw.bytes().flat_map(|b| [0, b]).collect();
        a.extend([0, 0]);
        v.push(a);
    }
    v
}

fn hmac_ok<M: Mac + KeyInit>(key: &[u8], data: &[u8], exp: &[u8]) -> bool {
    <M as KeyInit>::new_from_slice(key).is_ok_and(|mut m| {
        m.update(data);
        m.verify_slice(exp).is_ok()
    })
}

fn unpad<M: BlockModeDecrypt>(m: M, data: &[u8]) -> Result<Vec<u8>, Dec> {
    let mut buf = data.to_vec();
    let n = m
        .decrypt_padded::<Pkcs7>(&mut buf)
        .map_err(|_| Dec::Bad)?
        .len();
    buf.truncate(n);
    Ok(buf)
}

impl Walk {
    fn mac(&mut self, mac: &MacData, content: &[u8]) -> Result<(), Verdict> {
        let oid = mac.mac.algorithm.oid;
        if oid == PBMAC1 {
            // The MAC stays ours whatever is decided: PBMAC1 is not probed,
            // the walk goes on with the password's UTF-16 form.
            self.chosen = Some(0);
            return Ok(());
        }
        let it = mac.iterations;
        if it < 0 || it as u32 > MAX_ITER {
            return Err(Verdict::Limit);
        }
        let exp = mac.mac.digest.as_bytes();
        for (i, f) in self.forms.iter().enumerate() {
            let salt = mac.mac_salt.as_bytes();
            let ok = match oid.to_string().as_str() {
                "1.3.14.3.2.26" => hmac_ok::<Hmac<Sha1>>(
                    &derive_key::<Sha1>(f, salt, Pkcs12KeyType::Mac, it, 20),
                    content,
                    exp,
                ),
                "2.16.840.1.101.3.4.2.4" => hmac_ok::<Hmac<Sha224>>(
                    &derive_key::<Sha224>(f, salt, Pkcs12KeyType::Mac, it, 28),
                    content,
                    exp,
                ),
                "2.16.840.1.101.3.4.2.1" => hmac_ok::<Hmac<Sha256>>(
                    &derive_key::<Sha256>(f, salt, Pkcs12KeyType::Mac, it, 32),
                    content,
                    exp,
                ),
                "2.16.840.1.101.3.4.2.2" => hmac_ok::<Hmac<Sha384>>(
                    &derive_key::<Sha384>(f, salt, Pkcs12KeyType::Mac, it, 48),
                    content,
                    exp,
                ),
                "2.16.840.1.101.3.4.2.3" => hmac_ok::<Hmac<Sha512>>(
                    &derive_key::<Sha512>(f, salt, Pkcs12KeyType::Mac, it, 64),
                    content,
                    exp,
                ),
                o => return Err(Verdict::Unsupported(format!("MAC {o}"))),
            };
            if ok {
                self.chosen = Some(i);
                return Ok(());
            }
        }
        Err(Verdict::Wrong("MAC"))
    }

    fn decrypt_one(
        &self,
        alg: &AlgorithmIdentifierOwned,
        data: &[u8],
        form: usize,
    ) -> Result<Vec<u8>, Dec> {
        if alg.oid == PBES2 {
            let der = alg
                .to_der()
                .map_err(|e| Dec::Stop(Verdict::Refused(format!("re-encode: {e}"))))?;
            let scheme = pkcs5::EncryptionScheme::try_from(der.as_slice()).map_err(|e| {
                Dec::Stop(Verdict::Unsupported(format!(
                    "pkcs5 refuses the parameters: {e}"
                )))
            })?;
            if let Some(p) = scheme.pbes2()
                && let Some(k) = p.kdf.pbkdf2()
                && k.iteration_count > MAX_ITER
            {
                return Err(Dec::Stop(Verdict::Limit));
            }
            return match scheme.decrypt(&self.utf8, data) {
                Ok(v) => Ok(v),
                Err(pkcs5::Error::DecryptFailed) => Err(Dec::Bad),
                Err(e) => Err(Dec::Stop(Verdict::Unsupported(format!("pkcs5: {e}")))),
            };
        }
        let (klen, c) = match alg.oid.to_string().as_str() {
            "1.2.840.113549.1.12.1.3" => (24, 3),
            "1.2.840.113549.1.12.1.4" => (16, 2),
            "1.2.840.113549.1.12.1.5" => (16, 128),
            "1.2.840.113549.1.12.1.6" => (5, 40),
            o => return Err(Dec::Stop(Verdict::Unsupported(o.to_owned()))),
        };
        let params = alg
            .parameters
            .as_ref()
            .ok_or_else(|| Dec::Stop(Verdict::Refused("PBE params missing".into())))?;
        let p: PbeParams = params
            .decode_as()
            .map_err(|e| Dec::Stop(Verdict::Refused(format!("PBE params: {e}"))))?;
        if p.iterations > MAX_ITER {
            return Err(Dec::Stop(Verdict::Limit));
        }
        let it = p.iterations.max(1) as i32;
        let pass = &self.forms[form];
        let key = derive_key::<Sha1>(
            pass,
            p.salt.as_bytes(),
            Pkcs12KeyType::EncryptionKey,
            it,
            klen,
        );
        let iv = derive_key::<Sha1>(pass, p.salt.as_bytes(), Pkcs12KeyType::Iv, it, 8);
        match c {
            3 => unpad(
                cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
                    .map_err(|_| Dec::Bad)?,
                data,
            ),
            2 => unpad(
                cbc::Decryptor::<des::TdesEde2>::new_from_slices(&key, &iv)
                    .map_err(|_| Dec::Bad)?,
                data,
            ),
            bits => unpad(
                cbc::Decryptor::<rc2::Rc2>::inner_iv_slice_init(
                    rc2::Rc2::new_with_eff_key_len(&key, bits),
                    &iv,
                )
                .map_err(|_| Dec::Bad)?,
                data,
            ),
        }
    }

    /// Decrypts and decodes the plaintext with `parse`; without a MAC, the
    /// first password form whose plaintext decodes wins (as ours does).
    fn decrypt<T>(
        &mut self,
        alg: &AlgorithmIdentifierOwned,
        data: &[u8],
        what: &str,
        parse: impl Fn(&[u8]) -> der::Result<T>,
    ) -> Result<T, Verdict> {
        let forms: Vec<usize> = match self.chosen {
            Some(i) => vec![i],
            None => (0..self.forms.len()).collect(),
        };
        let mut last_parse_err = None;
        for i in forms {
            match self.decrypt_one(alg, data, i) {
                Ok(plain) => match parse(&plain) {
                    Ok(v) => {
                        self.chosen = Some(i);
                        return Ok(v);
                    }
                    Err(e) if self.has_mac => {
                        return Err(Verdict::Refused(format!("decrypted {what}: {e}")));
                    }
                    Err(e) => last_parse_err = Some(e),
                },
                Err(Dec::Stop(v)) => return Err(v),
                Err(Dec::Bad) => {}
            }
        }
        let _ = last_parse_err;
        if self.has_mac {
            Err(Verdict::Refused(format!(
                "{what}: decryption failed under a correct MAC"
            )))
        } else {
            Err(Verdict::Wrong("decryption"))
        }
    }

    fn bags(&mut self, bags: Vec<SafeBag>) -> Result<(), Verdict> {
        for b in bags {
            match b.value {
                Bag::Cert(c) => {
                    if c.cert_id == Oid::new_unwrap("1.2.840.113549.1.9.22.1") {
                        let d = c.value.as_bytes().to_vec();
                        if x509_cert::Certificate::from_der(&d).is_err() {
                            self.strict_x509_refused += 1;
                        }
                        self.certs.push(d);
                    }
                }
                Bag::Key(_) => self.keys += 1,
                Bag::Shrouded(e) => {
                    self.decrypt(&e.alg, e.data.as_bytes(), "PrivateKeyInfo", |b| {
                        Pki::from_ber(b)
                    })?;
                    self.keys += 1;
                }
                Bag::Nested(n) => self.bags(n)?,
                Bag::Other => {}
            }
        }
        Ok(())
    }
}

fn probe(bytes: &[u8], password: &str) -> (Verdict, usize) {
    let mut w = Walk {
        forms: bmp_forms(password),
        utf8: password.as_bytes().to_vec(),
        chosen: None,
        has_mac: false,
        certs: Vec::new(),
        keys: 0,
        strict_x509_refused: 0,
    };
    let v = (|| -> Result<(), Verdict> {
        // Like OpenSSL's d2i and ours: the first element is the PFX, bytes
        // after it are not read.
        let mut top = der::SliceReader::new_with_encoding_rules(bytes, der::EncodingRules::Ber)
            .map_err(|e| Verdict::Refused(format!("PFX: {e}")))?;
        let pfx = Pfx::decode(&mut top).map_err(|e| Verdict::Refused(format!("PFX: {e}")))?;
        if pfx.version != 3 {
            return Err(Verdict::Refused("version".into()));
        }
        let Ci::Data(Some(octets)) = pfx.auth_safe else {
            return Err(Verdict::Refused("authSafe is not data".into()));
        };
        w.has_mac = pfx.mac_data.is_some();
        if let Some(m) = &pfx.mac_data {
            w.mac(m, octets.as_bytes())?;
        }
        let safes = Vec::<Ci>::from_ber(octets.as_bytes())
            .map_err(|e| Verdict::Refused(format!("AuthenticatedSafe: {e}")))?;
        for ci in safes {
            match ci {
                Ci::Data(Some(o)) => {
                    let bags = Vec::<SafeBag>::from_ber(o.as_bytes())
                        .map_err(|e| Verdict::Refused(format!("SafeContents: {e}")))?;
                    w.bags(bags)?;
                }
                Ci::Enc(Some(ed)) => {
                    let ct = ed
                        .info
                        .content
                        .as_ref()
                        .ok_or_else(|| Verdict::Refused("encrypted content absent".into()))?;
                    let bags = w.decrypt(&ed.info.alg, ct.as_bytes(), "SafeContents", |b| {
                        Vec::<SafeBag>::from_ber(b)
                    })?;
                    w.bags(bags)?;
                }
                Ci::Data(None) | Ci::Enc(None) => {
                    return Err(Verdict::Refused("ContentInfo content absent".into()));
                }
                Ci::Other(o) => return Err(Verdict::Unsupported(format!("content type {o}"))),
            }
        }
        Ok(())
    })();
    (
        match v {
            Ok(()) => Verdict::Opened,
            Err(e) => e,
        },
        w.strict_x509_refused,
    )
}

fn ours(bytes: &[u8], password: &str) -> (String, String) {
    match open_with(bytes, password, &P12Options::default()) {
        Ok(_) => ("ok".into(), String::new()),
        Err(e) => (
            e.code().to_string(),
            e.message(hug_onboard_core::diagnostic::Lang::En),
        ),
    }
}

/// Class of agreement between ours and the probe.
fn class(o: &str, v: &Verdict) -> &'static str {
    match (o, v) {
        ("ok", Verdict::Opened) => "agree: both open",
        ("certificate.wrong_password", Verdict::Wrong(_)) => "agree: wrong password",
        (
            "certificate.malformed" | "certificate.not_pkcs12" | "certificate.empty_file",
            Verdict::Refused(_),
        ) => "agree: malformed",
        ("certificate.unsupported_algorithm", Verdict::Unsupported(_)) => "agree: unsupported",
        ("certificate.excessive_iterations", Verdict::Limit) => "agree: iteration limit",
        (_, Verdict::Opened) => {
            "der+pkcs5 read it; ours refuses above the DER layer or is stricter"
        }
        ("ok", Verdict::Refused(_)) => "DISAGREE: ours opens, der refuses",
        ("ok", _) => "DISAGREE: ours opens, probe does not",
        (_, Verdict::Refused(_)) => "DISAGREE: der refuses, ours says something else",
        _ => "DISAGREE: other",
    }
}

fn manifest_passwords(dir: &Path) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    if let Ok(t) = std::fs::read_to_string(dir.join("manifest.json"))
        && let Ok(serde_json::Value::Array(a)) = serde_json::from_str::<serde_json::Value>(&t)
    {
        for e in a {
            if let (Some(f), Some(p)) = (e["file"].as_str(), e["password"].as_str()) {
                m.insert(f.to_owned(), p.to_owned());
            }
        }
    }
    m
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files: Vec<(String, Vec<u8>, String)> = Vec::new();
    match args.first().map(String::as_str) {
        Some("forms") => {
            // BER forms X.690 allows, read as an OCTET STRING "ab".
            for (what, bytes) in [
                ("primitive", &[0x04, 0x02, b'a', b'b'][..]),
                (
                    "constructed, indefinite length",
                    &[0x24, 0x80, 0x04, 0x01, b'a', 0x04, 0x01, b'b', 0, 0][..],
                ),
                (
                    "constructed, definite length",
                    &[0x24, 0x06, 0x04, 0x01, b'a', 0x04, 0x01, b'b'][..],
                ),
            ] {
                println!(
                    "{what}: {:?}",
                    OctetString::from_ber(bytes).map(|o| o.as_bytes().to_vec())
                );
            }
            return;
        }
        Some("corpus") => {
            let dir = PathBuf::from(args.get(1).expect("corpus DIR"));
            let mut names: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .collect();
            names.sort();
            for p in names {
                let data = std::fs::read(&p).unwrap();
                // The fuzz target's selector byte picks the password.
                let Some((&sel, rest)) = data.split_first() else {
                    continue;
                };
                let (pw, file): (String, Vec<u8>) = match sel % 4 {
                    0 => ("TestPass123".into(), rest.to_vec()),
                    1 => ("WrongPass123".into(), rest.to_vec()),
                    2 => (String::new(), rest.to_vec()),
                    _ => {
                        let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
                        let Ok(pw) = std::str::from_utf8(&rest[..cut]) else {
                            continue;
                        };
                        (pw.to_owned(), rest.get(cut + 1..).unwrap_or(&[]).to_vec())
                    }
                };
                files.push((
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    file,
                    pw,
                ));
            }
        }
        _ => {
            let fix = root.join("tests/fixtures");
            let special: BTreeMap<&str, &str> = [
                ("guide-japanese-password.p12", "証明書パスワード"),
                ("guide-emoji-password.p12", "pw😀"),
                ("guide-empty-password.p12", ""),
                ("guide-legacy-empty-password.p12", ""),
            ]
            .into();
            let mut names: Vec<_> = std::fs::read_dir(&fix)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "p12"))
                .collect();
            names.sort();
            for p in names {
                let n = p.file_name().unwrap().to_string_lossy().into_owned();
                let pw = special
                    .get(n.as_str())
                    .copied()
                    .unwrap_or("TestPass123")
                    .to_owned();
                files.push((n, std::fs::read(&p).unwrap(), pw));
            }
            let prod = fix.join("producers/out");
            for (n, pw) in manifest_passwords(&prod) {
                files.push((
                    format!("producers/{n}"),
                    std::fs::read(prod.join(&n)).unwrap(),
                    pw,
                ));
            }
        }
    }
    let verbose = std::env::var_os("PROBE_VERBOSE").is_some();
    let mut classes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut refusals: BTreeMap<String, usize> = BTreeMap::new();
    let mut above: BTreeMap<String, usize> = BTreeMap::new();
    let mut x509 = 0;
    let mut x509_files = 0;
    for (name, data, pw) in &files {
        let (o, detail) = ours(data, pw);
        let o = o.as_str();
        let (v, strict) = probe(data, pw);
        x509 += strict;
        if strict > 0 && o == "ok" {
            x509_files += 1;
        }
        let c = class(o, &v);
        if c.starts_with("der+pkcs5") {
            let d: String = detail.chars().take(70).collect();
            *above.entry(format!("{o}: {d}")).or_default() += 1;
        }
        *classes.entry(c).or_default() += 1;
        if c.starts_with("DISAGREE") {
            let key = match &v {
                Verdict::Refused(s) => format!("ours {o}; der: {s}"),
                other => format!("ours {o}; probe {other:?}"),
            };
            *refusals.entry(key.clone()).or_default() += 1;
            if verbose {
                println!("{name}: {key}");
            }
        } else if verbose {
            println!("{name}: {c} ({o}; {v:?})");
        }
    }
    println!("files: {}", files.len());
    for (c, n) in &classes {
        println!("{n:>6}  {c}");
    }
    println!("disagreements by reason:");
    for (r, n) in &refusals {
        println!("{n:>6}  {r}");
    }
    println!("der+pkcs5 read it, ours refuses (ours' reason):");
    for (r, n) in &above {
        println!("{n:>6}  {r}");
    }
    println!(
        "certificates x509-cert (strict DER) refuses: {x509} (in {x509_files} files ours opens)"
    );
}
