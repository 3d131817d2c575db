//! The 電子証明書: open a .p12 with its password, inspect it, judge its status
//! on a day, plan its renewal so billing never lapses, and follow its
//! lifecycle on the portal.
//!
//! * [`inspect`] reads a .p12 (PKCS#12) file without decrypting the private
//!   key: the MAC (or a decryption) proves the password, the certificate bags
//!   are decrypted, the key bag's key derivation is skipped. Its result,
//!   [`P12Info`], holds no secret and serialises to JSON as evidence.
//! * [`open`] does everything [`inspect`] does, then decrypts the private key
//!   (zeroized on drop) and checks that it belongs to the certificate.
//! * [`CertificateInfo`] is one certificate's facts: subject and issuer
//!   attribute by attribute, serial, validity (UTC and the JST days the portal
//!   shows), key, SHA-256 fingerprint, the 10-digit 事業所番号 in the subject.
//! * [`status`] judges a certificate on a JST day; [`renewal_plan`] gives the
//!   last safe day to apply for the next one (see [`crate::rules`]).
//! * [`Lifecycle`] follows the portal: 見積書 → 発行申請中 → 発行済み →
//!   downloaded → installed on named PCs, renewal and expiry.
//!
//! Files from every producer a facility or a support desk may meet open
//! (`tests/fixtures/producers/make.sh` writes them; `tests/producers.rs` checks
//! them): OpenSSL 3 (defaults, `-legacy`, `-descert`, `-nomaciter`, `-iter 1`,
//! `-keypbe NONE`, `-certpbe NONE`, `-nomac`), JDK keytool (default and legacy),
//! GnuTLS certtool, NSS pk12util (default, AES, 3DES), node-forge (default,
//! 3DES, no MAC, CA first), Python cryptography (PBES1 3DES, PBES2 AES), BER
//! indefinite-length outer layers, RFC 9579 PBMAC1, Japanese, empty and
//! non-BMP passwords.
//!
//! **Password truth.** [`P12Info::password_verified`] says whether anything
//! proved the password (the MAC, or a well-formed decryption); when nothing
//! did, [`P12Info::findings`] says so (`certificate.password_unverified`) and
//! the file is no evidence ([`crate::onboarding::CertificateEvidence::from_p12`]).
//!
//! **The leaf.** [`open`] takes the certificate whose public key matches the
//! private key (RSA modulus; EC P-256/P-384 and Ed25519 public keys derived
//! from the private key; other EC curves by the key's embedded public key),
//! whatever the bag order, localKeyID or friendlyName. [`inspect`] picks by
//! localKeyID, then end-entity, and says when it cannot be sure
//! ([`LeafBasis::Uncertain`], `certificate.leaf_uncertain`). The chain holds
//! each other certificate once.
//!
//! **Time.** [`status`] and [`renewal_plan`] take a [`Today`]: a JST day or an
//! instant; both read one timeline (expiry is an instant; the renewal notice
//! opens `renewal_notice_days` before the 有効終了年月日) and never contradict
//! each other.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use hug_onboard_core::certificate::{self, StatusKind};
//! use hug_onboard_core::rules::{CertificateRules, WeekendCalendar};
//!
//! # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-legacy.p12"))?;
//! let info = certificate::inspect(&bytes, "TestPass123")?;
//! let cert = &info.certificate;
//! assert_eq!(cert.valid_to_jst.to_string(), "2026-09-15");
//! assert_eq!(cert.facility_number.unwrap().as_str(), "1312345678");
//!
//! let today = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
//! let rules = CertificateRules::default();
//! let st = certificate::status(&cert.validity, today, &rules);
//! assert_eq!(st.kind, StatusKind::RenewalDue);
//! let plan = certificate::renewal_plan(cert.validity.not_after, today, &rules, &WeekendCalendar);
//! assert!(!plan.passed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod der;
mod error;
mod inspect;
mod lifecycle;
mod pkcs12;
mod renewal;
mod status;
mod timeline;

use std::fmt;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::diagnostic::{Diagnostic, Finding};
use crate::facility::FacilityNumber;

pub use error::CertificateError;
pub use inspect::{CertificateInfo, KeyInfo, NameAttribute, Validity, to_jst};
pub use lifecycle::{
    Addressee, AddresseeError, Estimate, Honorific, Installation, InvalidDatesReason,
    IssuedCertificate, Lifecycle, LifecycleError, LifecycleEvent, Stage,
};
pub use renewal::{RenewalFinding, RenewalPlan, renewal_plan};
pub use status::{CertificateStatus, StatusKind, status};
pub use timeline::Today;

/// Limits applied while opening a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct P12Options {
    /// Highest key-derivation iteration count accepted (MAC, PBES1, PBKDF2).
    /// Real files use 2,000 (Windows, OpenSSL) to 600,000; a damaged or
    /// hostile file could ask for billions. Default 10,000,000.
    pub max_iterations: u32,
}

impl Default for P12Options {
    fn default() -> Self {
        P12Options {
            max_iterations: 10_000_000,
        }
    }
}

/// What a .p12 file holds, without any secret or key material (serialisable
/// evidence for the onboarding workflow).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct P12Info {
    /// The facility's certificate. [`open`]: the one whose public key
    /// matches the private key, whatever the bag order, localKeyID or
    /// friendlyName. [`inspect`] (the key stays encrypted): the certificate
    /// sharing the key's localKeyID, narrowed to end-entity certificates
    /// (neither basicConstraints cA nor keyUsage keyCertSign, and issuing no
    /// other certificate of the file); [`Self::leaf_basis`] says which rule
    /// decided, and `uncertain` (a finding) when none could.
    pub certificate: CertificateInfo,
    /// How [`Self::certificate`] was chosen.
    pub leaf_basis: LeafBasis,
    /// The other certificates in the file (usually the issuing CA), in file
    /// order, each once (duplicates dropped), never the leaf itself.
    pub chain: Vec<CertificateInfo>,
    /// Whether the file holds a private key (inspection does not decrypt it).
    pub has_private_key: bool,
    /// Whether [`Self::certificate`] is a CA certificate: the wrong file.
    pub leaf_is_ca: bool,
    /// Whether the leaf's issuer is among the file's certificates.
    pub issuer_in_file: bool,
    /// The MAC (`HMAC-SHA-256`, …), `None` for a file without one.
    pub mac_algorithm: Option<String>,
    /// The MAC's iteration count.
    pub mac_iterations: Option<u64>,
    /// How the certificate bags are encrypted, `None` when they are not.
    pub certificate_encryption: Option<String>,
    /// How the private key is encrypted, `None` when there is none or it is plain.
    pub key_encryption: Option<String>,
    /// Whether the password was proven right: the MAC verified, or (a file
    /// without a MAC) a decryption with it yielded well-formed content
    /// (SafeContents or a PKCS#8 key). `false` for a file without a MAC whose
    /// certificates are not encrypted, until [`open`] decrypts the key; and
    /// for a file with nothing encrypted at all, which no password can be
    /// checked against. An unverified password is the warning finding
    /// `certificate.password_unverified`, and such a file is no evidence.
    pub password_verified: bool,
    /// Whether the file was BER (indefinite lengths) and was normalised.
    pub ber: bool,
}

impl P12Info {
    /// Findings about the file for a facility: a CA certificate instead of
    /// the facility's (`certificate.leaf_is_ca`), another facility's number
    /// (`certificate.facility_mismatch`). Empty when all is well.
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::certificate::inspect;
    /// use hug_onboard_core::facility::FacilityNumber;
    /// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12")).unwrap();
    /// let info = inspect(&bytes, "TestPass123")?;
    /// assert!(info.findings(Some(&FacilityNumber::parse("1312345678")?)).is_empty());
    /// let f = info.findings(Some(&FacilityNumber::parse("2712345670")?));
    /// assert_eq!(f[0].code, "certificate.facility_mismatch");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn findings(&self, expected: Option<&FacilityNumber>) -> Vec<Finding> {
        let mut out = Vec::new();
        if !self.password_verified {
            out.push(FileFinding::PasswordUnverified.to_finding());
        }
        if self.leaf_basis == LeafBasis::Uncertain {
            out.push(FileFinding::LeafUncertain.to_finding());
        }
        if self.leaf_is_ca {
            out.push(FileFinding::LeafIsCa.to_finding());
        }
        if let Some(n) = expected
            && !self.certificate.matches_facility(n)
        {
            out.push(
                FileFinding::FacilityMismatch {
                    expected: *n,
                    found: self.certificate.subject_number.clone(),
                }
                .to_finding(),
            );
        }
        out
    }
}

/// How the facility's certificate was told from the others in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeafBasis {
    /// Its public key matches the (decrypted or plain) private key.
    PrivateKey,
    /// It is the one end-entity certificate sharing the key bag's localKeyID.
    LocalKeyId,
    /// It is the file's one end-entity certificate (no localKeyID decided).
    EndEntity,
    /// It is the file's only certificate.
    OnlyCertificate,
    /// No rule could tell: the first candidate was taken
    /// (finding `certificate.leaf_uncertain`; [`open`] decides by the key).
    Uncertain,
}

crate::diagnostics! {
    /// A finding about a file's contents (see [`P12Info::findings`]).
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum FileFinding {
        /// Nothing in the file proved the password: no MAC, and nothing
        /// decrypted with it yet (see [`P12Info::password_verified`]).
        PasswordUnverified => "certificate.password_unverified", Advisory, Warning,
            "nothing in the file verified the password (no MAC, certificates not encrypted; open the key)",
            ja: "このファイルにはパスワードを確かめる仕組み（MAC）がなく、証明書も暗号化されていないため、入力したパスワードが正しいか確認できていません。秘密鍵まで開いて確認してください（CLI では自動で行います）。",
            en: "The password could not be checked: this file has no integrity check (MAC) and its certificates are not encrypted. Open the private key as well to check it (the CLI does this itself).";
        /// Which certificate is the facility's could not be told without
        /// decrypting the private key.
        LeafUncertain => "certificate.leaf_uncertain", Advisory, Warning,
            "which certificate is the facility's cannot be told without decrypting the private key",
            ja: "このファイルの複数の証明書のうち、どれが事業所の証明書か秘密鍵を開かずには判別できません。秘密鍵まで開いて確認してください。",
            en: "The file holds several certificates and which one is the facility's cannot be told without opening the private key. Open the private key as well to be sure.";
        /// The certificate is a CA certificate: the user picked the wrong file.
        LeafIsCa => "certificate.leaf_is_ca", Advisory, Warning,
            "the file's certificate is a CA certificate, not a facility's (wrong file)",
            ja: "このファイルは認証局（CA）の証明書で、事業所の電子証明書ではありません。電子請求受付システムからダウンロードした事業所の証明書ファイルを選んでください。",
            en: "This file holds a certificate authority (CA) certificate, not the facility's certificate. Choose the facility's certificate file downloaded from the portal.";
        /// The subject does not name the expected 事業所番号.
        FacilityMismatch {
            /// The facility the file was expected for.
            expected: FacilityNumber,
            /// The 10-digit number found in the subject, if any.
            found: Option<String>,
        } => "certificate.facility_mismatch", Advisory, Warning,
            "the certificate's subject does not name the expected facility number",
            ja: { format!(
                "この証明書は事業所番号 {expected} のものではありません（証明書の番号: {}）。別の事業所のファイルを選んでいないか確認してください。",
                found.as_deref().unwrap_or("なし")
            ) },
            en: { format!(
                "This certificate is not for facility {expected} (number in the certificate: {}). Check that you chose this facility's file.",
                found.as_deref().unwrap_or("none")
            ) };
    }
}

/// A decrypted private key (PKCS#8 DER), zeroized on drop, never printed,
/// never serialised.
#[derive(Clone)]
pub struct PrivateKey {
    pkcs8: Zeroizing<Vec<u8>>,
    algorithm: String,
}

impl PrivateKey {
    /// The PKCS#8 PrivateKeyInfo DER. Hand it only to a TLS stack or a key store.
    ///
    /// ```
    /// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12")).unwrap();
    /// let opened = hug_onboard_core::certificate::open(&bytes, "TestPass123").unwrap();
    /// assert_eq!(opened.private_key.pkcs8_der()[0], 0x30);
    /// ```
    pub fn pkcs8_der(&self) -> &[u8] {
        &self.pkcs8
    }

    /// The key's algorithm (`RSA`, `EC`, … or the OID).
    ///
    /// ```
    /// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/ec-openssl3.p12")).unwrap();
    /// let opened = hug_onboard_core::certificate::open(&bytes, "TestPass123").unwrap();
    /// assert_eq!(opened.private_key.algorithm(), "EC");
    /// ```
    pub fn algorithm(&self) -> &str {
        &self.algorithm
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey({}, ***)", self.algorithm)
    }
}

/// A fully opened .p12: the facts and the decrypted private key.
#[derive(Clone, Debug)]
pub struct OpenedP12 {
    /// What the file holds (no secrets).
    pub info: P12Info,
    /// The private key of [`P12Info::certificate`].
    pub private_key: PrivateKey,
    /// The DER of the certificate (public).
    pub certificate_der: Vec<u8>,
}

/// Inspects a .p12 without decrypting its private key: verifies the password
/// (MAC, or the certificate bags' decryption), reads every certificate.
///
/// The password is the 証明書発行用パスワード as typed; it is not kept.
///
/// # Errors
///
/// `certificate.empty_file`, `certificate.not_pkcs12`, `certificate.malformed`
/// (with the byte offset when known), `certificate.wrong_password`,
/// `certificate.unsupported_algorithm`, `certificate.no_certificate`,
/// `certificate.password_not_encodable`, `certificate.excessive_iterations`.
///
/// # Example
///
/// ```
/// use hug_onboard_core::certificate::inspect;
/// use hug_onboard_core::diagnostic::Diagnostic;
/// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12")).unwrap();
/// let info = inspect(&bytes, "TestPass123").unwrap();
/// assert!(info.has_private_key);
/// assert_eq!(info.certificate.key.bits, Some(2048));
/// assert_eq!(inspect(&bytes, "testpass123").unwrap_err().code(), "certificate.wrong_password");
/// ```
pub fn inspect(bytes: &[u8], password: &str) -> Result<P12Info, CertificateError> {
    inspect_with(bytes, password, &P12Options::default())
}

/// [`inspect`] with explicit limits.
///
/// # Errors
///
/// As [`inspect`].
///
/// # Example
///
/// ```
/// use hug_onboard_core::certificate::{inspect_with, P12Options};
/// use hug_onboard_core::diagnostic::Diagnostic;
/// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12")).unwrap();
/// let strict = P12Options { max_iterations: 1000 };
/// assert_eq!(inspect_with(&bytes, "TestPass123", &strict).unwrap_err().code(),
///            "certificate.excessive_iterations");
/// ```
pub fn inspect_with(
    bytes: &[u8],
    password: &str,
    options: &P12Options,
) -> Result<P12Info, CertificateError> {
    let pfx = pkcs12::parse(bytes, password, options)?;
    build_info(&pfx, None).map(|(info, _)| info)
}

/// Opens a .p12 fully: [`inspect`], then decrypts the private key and checks
/// that it belongs to the certificate.
///
/// # Errors
///
/// As [`inspect`], plus `certificate.no_private_key` (a certificate-only file)
/// and `certificate.key_mismatch`.
///
/// # Example
///
/// ```
/// use hug_onboard_core::certificate::open;
/// use hug_onboard_core::diagnostic::Diagnostic;
/// # let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/");
/// let bytes = std::fs::read(format!("{dir}guide-3des.p12")).unwrap();
/// let opened = open(&bytes, "TestPass123").unwrap();
/// assert_eq!(opened.private_key.algorithm(), "RSA");
/// assert_eq!(format!("{:?}", opened.private_key), "PrivateKey(RSA, ***)");
/// let cert_only = std::fs::read(format!("{dir}guide-certonly.p12")).unwrap();
/// assert_eq!(open(&cert_only, "TestPass123").unwrap_err().code(), "certificate.no_private_key");
/// ```
pub fn open(bytes: &[u8], password: &str) -> Result<OpenedP12, CertificateError> {
    open_with(bytes, password, &P12Options::default())
}

/// [`open`] with explicit limits.
///
/// # Errors
///
/// As [`open`].
///
/// # Example
///
/// ```
/// use hug_onboard_core::certificate::{open_with, P12Options};
/// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12")).unwrap();
/// assert!(open_with(&bytes, "TestPass123", &P12Options::default()).is_ok());
/// ```
pub fn open_with(
    bytes: &[u8],
    password: &str,
    options: &P12Options,
) -> Result<OpenedP12, CertificateError> {
    let mut pfx = pkcs12::parse(bytes, password, options)?;
    if pfx.certs.is_empty() {
        return Err(CertificateError::NoCertificate);
    }
    if pfx.keys.is_empty() {
        return Err(CertificateError::NoPrivateKey);
    }
    pfx.decrypt_keys()?;
    let (leaf, key, algorithm) = match_key(&pfx)?;
    let (info, leaf) = build_info(&pfx, Some(leaf))?;
    let leaf_bag = pfx.certs.get(leaf).ok_or(CertificateError::NoCertificate)?;
    Ok(OpenedP12 {
        certificate_der: leaf_bag.der.clone(),
        info,
        private_key: PrivateKey {
            pkcs8: key,
            algorithm,
        },
    })
}

/// The certificate a (plain) private key belongs to, by public key: the
/// first key, in the order "shares a certificate's localKeyID" then file
/// order, that matches a certificate. `key_mismatch` when none does; a key
/// that cannot be checked is its own error (never taken on trust).
fn match_key(pfx: &pkcs12::Pfx) -> Result<(usize, Zeroizing<Vec<u8>>, String), CertificateError> {
    let paired = |k: &pkcs12::KeyBag| {
        k.local_key_id.as_ref().is_some_and(|id| {
            pfx.certs
                .iter()
                .any(|c| c.local_key_id.as_ref() == Some(id))
        })
    };
    let mut order: Vec<&pkcs12::KeyBag> = pfx.keys.iter().filter(|k| paired(k)).collect();
    order.extend(pfx.keys.iter().filter(|k| !paired(k)));
    let mut error = None;
    for k in order {
        let pkcs12::KeyData::Plain(key) = &k.data else {
            continue;
        };
        for (i, c) in pfx.certs.iter().enumerate() {
            match keycheck::check(key, &c.der) {
                Ok(alg) => return Ok((i, key.clone(), alg)),
                Err(CertificateError::KeyMismatch) => {}
                Err(e) => {
                    error.get_or_insert(e);
                }
            }
        }
    }
    Err(error.unwrap_or(CertificateError::KeyMismatch))
}

/// The leaf by localKeyID and end-entity rules (no key decrypted), and how
/// it was decided. `unique` are the indices of the distinct certificates.
fn choose_leaf(pfx: &pkcs12::Pfx, unique: &[usize]) -> (usize, LeafBasis) {
    // A plain (unencrypted) key bag decides by public key even here.
    if pfx
        .keys
        .iter()
        .any(|k| matches!(k.data, pkcs12::KeyData::Plain(_)))
        && let Ok((i, _, _)) = match_key(pfx)
    {
        return (first_of(pfx, i), LeafBasis::PrivateKey);
    }
    if unique.len() == 1 {
        return (unique[0], LeafBasis::OnlyCertificate);
    }
    let der = |i: usize| &pfx.certs[i].der;
    // Subject and issuer of each distinct certificate, read once.
    let names: Vec<Option<(Vec<NameAttribute>, Vec<NameAttribute>)>> = (0..pfx.certs.len())
        .map(|i| {
            unique
                .contains(&i)
                .then(|| CertificateInfo::from_der_in_p12(der(i)).ok())
                .flatten()
                .map(|c| (c.subject, c.issuer))
        })
        .collect();
    let issues_another = |i: usize| {
        let Some((me, _)) = &names[i] else {
            return false;
        };
        unique.iter().any(|&j| {
            j != i
                && names[j]
                    .as_ref()
                    .is_some_and(|(subject, issuer)| issuer == me && subject != me)
        })
    };
    let end_entity = |i: usize| !inspect::signs_certificates(der(i)) && !issues_another(i);
    let key_ids: Vec<&Vec<u8>> = pfx
        .keys
        .iter()
        .filter_map(|k| k.local_key_id.as_ref())
        .collect();
    let by_id: Vec<usize> = unique
        .iter()
        .copied()
        .filter(|&i| {
            pfx.certs.iter().any(|c| {
                c.der == *der(i)
                    && c.local_key_id
                        .as_ref()
                        .is_some_and(|id| key_ids.contains(&id))
            })
        })
        .collect();
    let ee_by_id: Vec<usize> = by_id.iter().copied().filter(|&i| end_entity(i)).collect();
    if ee_by_id.len() == 1 {
        return (ee_by_id[0], LeafBasis::LocalKeyId);
    }
    let ee: Vec<usize> = unique.iter().copied().filter(|&i| end_entity(i)).collect();
    match (ee_by_id.len(), ee.len()) {
        (0, 1) if by_id.is_empty() || pfx.keys.is_empty() => (ee[0], LeafBasis::EndEntity),
        (0, 1) => (ee[0], LeafBasis::Uncertain),
        (n, _) if n > 1 => (ee_by_id[0], LeafBasis::Uncertain),
        _ if by_id.len() == 1 && ee.is_empty() => (by_id[0], LeafBasis::LocalKeyId),
        _ => (
            ee.first().or(by_id.first()).copied().unwrap_or(unique[0]),
            LeafBasis::Uncertain,
        ),
    }
}

/// The index of the first certificate bag with the same DER as bag `i`.
fn first_of(pfx: &pkcs12::Pfx, i: usize) -> usize {
    pfx.certs
        .iter()
        .position(|c| c.der == pfx.certs[i].der)
        .unwrap_or(i)
}

/// Builds the evidence and returns the index of the leaf certificate bag.
/// `matched`: the bag the private key was proven to belong to.
fn build_info(
    pfx: &pkcs12::Pfx,
    matched: Option<usize>,
) -> Result<(P12Info, usize), CertificateError> {
    if pfx.certs.is_empty() {
        return Err(CertificateError::NoCertificate);
    }
    let unique: Vec<usize> = (0..pfx.certs.len())
        .filter(|&i| first_of(pfx, i) == i)
        .collect();
    let (leaf, leaf_basis) = match matched {
        Some(i) => (first_of(pfx, i), LeafBasis::PrivateKey),
        None => choose_leaf(pfx, &unique),
    };
    let info_of = |i: usize| -> Result<CertificateInfo, CertificateError> {
        let mut info = CertificateInfo::from_der_in_p12(&pfx.certs[i].der)?;
        // The first friendlyName any copy of it carries.
        info.friendly_name = pfx
            .certs
            .iter()
            .filter(|c| c.der == pfx.certs[i].der)
            .find_map(|c| c.friendly_name.clone());
        Ok(info)
    };
    let certificate = info_of(leaf)?;
    let mut chain = Vec::with_capacity(unique.len().saturating_sub(1));
    for &i in &unique {
        if i != leaf {
            chain.push(info_of(i)?);
        }
    }
    let issuer_in_file =
        certificate.self_signed || chain.iter().any(|c| c.subject == certificate.issuer);
    Ok((
        P12Info {
            leaf_is_ca: certificate.is_ca,
            issuer_in_file,
            certificate,
            leaf_basis,
            chain,
            has_private_key: !pfx.keys.is_empty(),
            mac_algorithm: pfx.mac.as_ref().map(|m| m.0.clone()),
            mac_iterations: pfx.mac.as_ref().map(|m| m.1),
            certificate_encryption: pfx.cert_encryption.clone(),
            key_encryption: pfx.key_encryption.clone(),
            password_verified: pfx.password_verified,
            ber: pfx.ber,
        },
        leaf,
    ))
}

/// Checks that a PKCS#8 private key belongs to a certificate.
mod keycheck {
    use super::CertificateError;
    use super::der::{Reader, tag};
    use x509_parser::prelude::{FromDer, X509Certificate};

    fn strip(mut b: &[u8]) -> &[u8] {
        while b.len() > 1 && b[0] == 0 {
            b = &b[1..];
        }
        b
    }

    /// The key algorithm's name, or `key_mismatch` / `malformed`.
    pub(super) fn check(pkcs8: &[u8], cert_der: &[u8]) -> Result<String, CertificateError> {
        let bad = |what: &str| CertificateError::Malformed {
            offset: None,
            detail: format!("private key: {what}"),
        };
        let pki = Reader::new(pkcs8, None)
            .expect(tag::SEQUENCE, "PrivateKeyInfo")
            .map_err(|e| bad(&e.what))?;
        let mut r = pki.reader();
        r.expect(tag::INTEGER, "version")
            .map_err(|e| bad(&e.what))?;
        let alg = r
            .expect(tag::SEQUENCE, "algorithm")
            .map_err(|e| bad(&e.what))?;
        let oid = alg
            .reader()
            .expect(tag::OID, "algorithm OID")
            .and_then(|t| t.oid())
            .map_err(|e| bad(&e.what))?;
        let key = r
            .expect(tag::OCTET_STRING, "key")
            .map_err(|e| bad(&e.what))?;
        let Ok((_, cert)) = X509Certificate::from_der(cert_der) else {
            return Err(bad("certificate unreadable"));
        };
        let spk = &cert.public_key().subject_public_key.data;
        let cert_alg = cert.public_key().algorithm.algorithm.to_id_string();
        if cert_alg != oid {
            return Err(CertificateError::KeyMismatch);
        }
        match oid.as_str() {
            "1.2.840.113549.1.1.1" => {
                // RSAPrivateKey { version, modulus, ... } vs RSAPublicKey { modulus, e }
                let priv_mod = Reader::new(key.content, None)
                    .expect(tag::SEQUENCE, "RSAPrivateKey")
                    .and_then(|s| {
                        let mut sr = s.reader();
                        sr.expect(tag::INTEGER, "version")?;
                        sr.expect(tag::INTEGER, "modulus")
                    })
                    .map_err(|e| bad(&e.what))?;
                let pub_mod = Reader::new(spk, None)
                    .expect(tag::SEQUENCE, "RSAPublicKey")
                    .and_then(|s| s.reader().expect(tag::INTEGER, "modulus"))
                    .map_err(|e| bad(&e.what))?;
                if strip(priv_mod.content) != strip(pub_mod.content) {
                    return Err(CertificateError::KeyMismatch);
                }
                rsa_consistent(key.content).then_some(()).ok_or_else(|| {
                    bad("the RSA private key is inconsistent or not two-prime (damaged)")
                })?;
                Ok("RSA".into())
            }
            "1.2.840.10045.2.1" => {
                // ECPrivateKey { version, privateKey, [0] params OPTIONAL, [1] publicKey OPTIONAL }
                let mut er = Reader::new(key.content, None)
                    .expect(tag::SEQUENCE, "ECPrivateKey")
                    .map_err(|e| bad(&e.what))?
                    .reader();
                er.expect(tag::INTEGER, "ECPrivateKey version")
                    .map_err(|e| bad(&e.what))?;
                let scalar = er
                    .expect(tag::OCTET_STRING, "the private scalar")
                    .map_err(|e| bad(&e.what))?;
                let mut embedded = None;
                while !er.is_empty() {
                    let t = er.read().map_err(|e| bad(&e.what))?;
                    if t.tag == 0xa1 {
                        let bits = t
                            .reader()
                            .expect(tag::BIT_STRING, "publicKey")
                            .map_err(|e| bad(&e.what))?;
                        embedded = bits.content.get(1..);
                    }
                }
                // The curve: the certificate's (the key's own parameters
                // may be omitted in PKCS#8, which names it in the algorithm).
                let curve = cert
                    .public_key()
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.as_oid().ok())
                    .map(|o| o.to_id_string());
                // Derive the public key from the scalar where the curve is
                // implemented: an embedded public key could be anything.
                let derived: Option<Result<bool, ()>> = match curve.as_deref() {
                    Some("1.2.840.10045.3.1.7") => {
                        Some(ec_matches::<p256::NistP256>(scalar.content, spk))
                    }
                    Some("1.3.132.0.34") => Some(ec_matches::<p384::NistP384>(scalar.content, spk)),
                    _ => None,
                };
                match (derived, embedded) {
                    (Some(Ok(true)), _) => {}
                    (Some(Ok(false)), _) => return Err(CertificateError::KeyMismatch),
                    (Some(Err(())), _) => return Err(bad("the EC private scalar is not valid")),
                    (None, Some(p)) if p == &spk[..] => {}
                    (None, Some(_)) => return Err(CertificateError::KeyMismatch),
                    (None, None) => {
                        return Err(CertificateError::UnsupportedAlgorithm {
                            algorithm: format!(
                                "checking an EC key on curve {} without its public key",
                                curve.as_deref().unwrap_or("(unnamed)")
                            ),
                        });
                    }
                }
                Ok("EC".into())
            }
            "1.3.101.112" => {
                // CurvePrivateKey ::= OCTET STRING (RFC 8410), 32 bytes.
                let seed = Reader::new(key.content, None)
                    .expect(tag::OCTET_STRING, "CurvePrivateKey")
                    .map_err(|e| bad(&e.what))?;
                let seed: &[u8; 32] = seed
                    .content
                    .try_into()
                    .map_err(|_| bad("an Ed25519 key is not 32 bytes"))?;
                let public = ed25519_dalek::SigningKey::from_bytes(seed)
                    .verifying_key()
                    .to_bytes();
                if public[..] != spk[..] {
                    return Err(CertificateError::KeyMismatch);
                }
                Ok("Ed25519".into())
            }
            other => Err(CertificateError::UnsupportedAlgorithm {
                algorithm: format!("checking a private key of algorithm {other}"),
            }),
        }
    }

    use p256::elliptic_curve;

    /// Whether an RSAPrivateKey's numbers belong together (as OpenSSL's
    /// `RSA_check_key` checks, without the primality tests): n = p·q,
    /// e·d ≡ 1 mod (p−1) and mod (q−1), dP = d mod (p−1), dQ = d mod (q−1),
    /// qInv·q ≡ 1 mod p. A damaged key whose modulus still matches the
    /// certificate would otherwise pass and fail only when signing.
    fn rsa_consistent(der: &[u8]) -> bool {
        use num_bigint::BigUint;
        let Ok(seq) = Reader::new(der, None).expect(tag::SEQUENCE, "RSAPrivateKey") else {
            return false;
        };
        let mut r = seq.reader();
        let mut n = Vec::with_capacity(9);
        for _ in 0..9 {
            match r.expect(tag::INTEGER, "an RSAPrivateKey number") {
                // Negative numbers are not RSA key material.
                Ok(t) if t.content.first().is_some_and(|b| b & 0x80 == 0) => {
                    n.push(BigUint::from_bytes_be(t.content));
                }
                _ => return false,
            }
        }
        let one = BigUint::from(1u8);
        let [version, modulus, e, d, p, q, dp, dq, qinv] = &n[..] else {
            return false;
        };
        // RFC 8017 A.1.2: version 0 is two-prime (nothing may follow qInv);
        // 1 (multi-prime) is not a key a 国保連 certificate carries.
        if *version != BigUint::ZERO || !r.is_empty() || *p <= one || *q <= one {
            return false;
        }
        let (p1, q1) = (p - &one, q - &one);
        p * q == *modulus
            && (e * d) % &p1 == one
            && (e * d) % &q1 == one
            && d % &p1 == *dp
            && d % &q1 == *dq
            && (qinv * q) % p == one
    }

    /// Whether the EC private scalar's public key is the SEC1 point `spk`
    /// (compressed or not); `Err` for a scalar that is not a valid key.
    fn ec_matches<C>(scalar: &[u8], spk: &[u8]) -> Result<bool, ()>
    where
        C: elliptic_curve::CurveArithmetic + elliptic_curve::point::PointCompression,
        elliptic_curve::AffinePoint<C>:
            elliptic_curve::sec1::FromSec1Point<C> + elliptic_curve::sec1::ToSec1Point<C>,
        elliptic_curve::FieldBytesSize<C>: elliptic_curve::sec1::ModulusSize,
    {
        let secret = elliptic_curve::SecretKey::<C>::from_slice(scalar).map_err(|_| ())?;
        let Ok(public) = elliptic_curve::PublicKey::<C>::from_sec1_bytes(spk) else {
            return Ok(false);
        };
        Ok(secret.public_key() == public)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::diagnostic::{Declared, Diagnostic, Lang};

    #[test]
    fn every_error_code_is_listed() {
        let errors = [
            CertificateError::EmptyFile,
            CertificateError::NotPkcs12 {
                looks_like: "a PEM text file",
            },
            CertificateError::Malformed {
                offset: Some(3),
                detail: "x".into(),
            },
            CertificateError::WrongPassword,
            CertificateError::UnsupportedAlgorithm {
                algorithm: "x".into(),
            },
            CertificateError::NoCertificate,
            CertificateError::NoPrivateKey,
            CertificateError::KeyMismatch,
            CertificateError::PasswordNotEncodable { reason: "x" },
            CertificateError::ExcessiveIterations {
                iterations: 9,
                limit: 1,
            },
            CertificateError::UnverifiedEvidence,
        ];
        let findings = [
            FileFinding::PasswordUnverified,
            FileFinding::LeafUncertain,
            FileFinding::LeafIsCa,
            FileFinding::FacilityMismatch {
                expected: FacilityNumber::parse("1312345678").unwrap(),
                found: None,
            },
        ];
        let codes: Vec<&str> = errors
            .iter()
            .map(|e| e.code())
            .chain(findings.iter().map(|f| f.code()))
            .collect();
        for c in codes {
            assert!(
                crate::all_codes().iter().any(|i| i.code == c),
                "{c} not in CODES"
            );
        }
        for e in &errors {
            assert!(!e.message(Lang::Ja).is_empty());
            assert!(!e.message(Lang::En).is_empty());
            assert!(e.to_string().contains(e.code()));
        }
    }
}
