//! [`CertificateInfo`]: the facts of one X.509 certificate, read with x509-parser.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;
use x509_parser::x509::X509Name;

use super::error::CertificateError;
use crate::facility::FacilityNumber;
use crate::text;

/// Japan Standard Time offset (UTC+9, no daylight saving).
const JST_HOURS: i64 = 9;

/// One attribute of a distinguished name (subject or issuer), in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameAttribute {
    /// Short name (`CN`, `O`, `OU`, `C`, …) or the dotted OID when unknown.
    pub name: String,
    /// The attribute type's OID.
    pub oid: String,
    /// The decoded value (UTF8String, BMPString, PrintableString, … all decoded).
    pub value: String,
    /// The ASN.1 string type as found (`UTF8String`, `BMPString`, …).
    pub string_type: String,
}

/// The validity period of a certificate, as UTC instants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    /// notBefore.
    pub not_before: DateTime<Utc>,
    /// notAfter (the certificate is valid up to and including this second).
    pub not_after: DateTime<Utc>,
}

impl Validity {
    /// A validity from two instants.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use hug_onboard_core::certificate::Validity;
    /// let v = Validity::new(
    ///     Utc.with_ymd_and_hms(2023, 9, 14, 15, 0, 0).unwrap(),
    ///     Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap(),
    /// );
    /// assert_eq!(v.not_after_jst().to_string(), "2026-09-15");
    /// ```
    pub fn new(not_before: DateTime<Utc>, not_after: DateTime<Utc>) -> Validity {
        Validity {
            not_before,
            not_after,
        }
    }

    /// The JST day of notBefore: the portal's 有効開始年月日.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use hug_onboard_core::certificate::Validity;
    /// let t = Utc.with_ymd_and_hms(2023, 9, 14, 15, 0, 0).unwrap();
    /// assert_eq!(Validity::new(t, t).not_before_jst().to_string(), "2023-09-15");
    /// ```
    pub fn not_before_jst(&self) -> NaiveDate {
        to_jst(self.not_before).date()
    }

    /// The JST day of notAfter: the portal's 有効終了年月日.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use hug_onboard_core::certificate::Validity;
    /// let t = Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap();
    /// assert_eq!(Validity::new(t, t).not_after_jst().to_string(), "2026-09-15");
    /// ```
    pub fn not_after_jst(&self) -> NaiveDate {
        to_jst(self.not_after).date()
    }
}

/// A UTC instant as JST wall-clock time.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// let t = Utc.with_ymd_and_hms(2026, 9, 15, 14, 59, 59).unwrap();
/// assert_eq!(hug_onboard_core::certificate::to_jst(t).to_string(), "2026-09-15 23:59:59");
/// ```
pub fn to_jst(t: DateTime<Utc>) -> NaiveDateTime {
    let naive = t.naive_utc();
    naive
        .checked_add_signed(Duration::hours(JST_HOURS))
        .unwrap_or(naive)
}

/// The public key of a certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyInfo {
    /// `RSA`, `EC`, `Ed25519`, `DSA` or the dotted OID when unknown.
    pub algorithm: String,
    /// Key size in bits (RSA modulus, EC field), when known.
    pub bits: Option<u32>,
    /// The named curve of an EC key (`P-256`, …), when known.
    pub curve: Option<String>,
}

/// What one X.509 certificate says, with no secret and no key material: the
/// onboarding workflow stores it as evidence in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateInfo {
    /// Subject, attribute by attribute, in order.
    pub subject: Vec<NameAttribute>,
    /// Issuer, attribute by attribute, in order.
    pub issuer: Vec<NameAttribute>,
    /// Serial number in upper-case hex, as OpenSSL prints it (no sign byte).
    pub serial_hex: String,
    /// Validity as UTC instants.
    pub validity: Validity,
    /// The JST day of notBefore (the portal's 有効開始年月日).
    pub valid_from_jst: NaiveDate,
    /// The JST day of notAfter (the portal's 有効終了年月日).
    pub valid_to_jst: NaiveDate,
    /// The public key.
    pub key: KeyInfo,
    /// The signature algorithm (name or OID).
    pub signature_algorithm: String,
    /// SHA-256 fingerprint of the DER, upper-case hex pairs joined by `:`
    /// (as `openssl x509 -fingerprint -sha256` prints it).
    pub fingerprint_sha256: String,
    /// The first run of exactly 10 digits in the subject (full-width digits
    /// normalised), whether or not it is a valid 事業所番号.
    pub subject_number: Option<String>,
    /// The first 10-digit run in the subject that parses as a 事業所番号.
    pub facility_number: Option<FacilityNumber>,
    /// Whether basicConstraints says CA (a CA certificate is never a facility's).
    pub is_ca: bool,
    /// Whether subject and issuer are the same name.
    pub self_signed: bool,
    /// The PKCS#12 friendlyName of the bag that held it, if any.
    pub friendly_name: Option<String>,
}

impl CertificateInfo {
    /// Reads a DER X.509 certificate (a .cer/.crt file).
    ///
    /// # Errors
    ///
    /// `certificate.malformed` when the bytes are not a certificate
    /// ([`CertificateError::DerUnreadable`]: its message is about a DER
    /// certificate, not a .p12 file).
    ///
    /// # Example
    ///
    /// ```
    /// use hug_onboard_core::certificate::CertificateInfo;
    /// use hug_onboard_core::diagnostic::{Diagnostic, Lang};
    /// let e = CertificateInfo::from_der(b"nope").unwrap_err();
    /// assert_eq!(e.code(), "certificate.malformed");
    /// assert!(e.message(Lang::Ja).contains("DER形式") && !e.message(Lang::En).contains(".p12"));
    /// ```
    pub fn from_der(der: &[u8]) -> Result<CertificateInfo, CertificateError> {
        Self::from_der_in_p12(der)
            .map_err(|e| CertificateError::DerUnreadable { error: Box::new(e) })
    }

    /// [`from_der`](Self::from_der) for a certificate inside a .p12 file: its
    /// errors are about the .p12 (`certificate.malformed`, "the .p12 file is damaged").
    pub(crate) fn from_der_in_p12(der: &[u8]) -> Result<CertificateInfo, CertificateError> {
        // x509-parser reads some damaged certificates (a length cut inside an
        // extension, a BOOLEAN that is not 0x00/0xFF, bytes after the
        // certificate) that OpenSSL's strict DER decoder refuses; RustCrypto's
        // strict decoder refuses them too (tests/differential/RESULTS.md).
        {
            use x509_cert::der::Decode;
            x509_cert::Certificate::from_der(der).map_err(|e| CertificateError::Malformed {
                offset: None,
                detail: format!("certificate: not valid DER ({e})"),
            })?;
        }
        let (_, cert) =
            X509Certificate::from_der(der).map_err(|e| CertificateError::Malformed {
                offset: None,
                detail: format!("certificate: {e}"),
            })?;
        for name in [cert.subject(), cert.issuer()] {
            if !strings_well_formed(name) {
                return Err(CertificateError::Malformed {
                    offset: None,
                    detail: "certificate: a name attribute is not a valid string of its type"
                        .into(),
                });
            }
        }
        let subject = name_attributes(cert.subject());
        let issuer = name_attributes(cert.issuer());
        let validity = Validity {
            not_before: instant(cert.validity().not_before.timestamp()),
            not_after: instant(cert.validity().not_after.timestamp()),
        };
        let mut serial = cert.raw_serial();
        if serial.len() > 1 && serial[0] == 0 && serial[1] & 0x80 != 0 {
            serial = &serial[1..];
        }
        let digest = Sha256::digest(der);
        let fingerprint_sha256 = digest
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<Vec<_>>()
            .join(":");
        let (subject_number, facility_number) = find_number(&subject);
        let self_signed = cert.subject().as_raw() == cert.issuer().as_raw();
        Ok(CertificateInfo {
            valid_from_jst: validity.not_before_jst(),
            valid_to_jst: validity.not_after_jst(),
            serial_hex: serial.iter().map(|b| format!("{b:02X}")).collect(),
            key: key_info(&cert),
            signature_algorithm: sig_name(&cert.signature_algorithm.algorithm.to_id_string()),
            fingerprint_sha256,
            subject_number,
            facility_number,
            is_ca: cert.is_ca(),
            self_signed,
            friendly_name: None,
            subject,
            issuer,
            validity,
        })
    }

    /// Whether the subject names this 事業所番号 (in any attribute).
    ///
    /// # Example
    ///
    /// ```
    /// # use hug_onboard_core::certificate::inspect;
    /// use hug_onboard_core::facility::FacilityNumber;
    /// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12")).unwrap();
    /// let info = inspect(&bytes, "TestPass123")?;
    /// assert!(info.certificate.matches_facility(&FacilityNumber::parse("1312345678")?));
    /// assert!(!info.certificate.matches_facility(&FacilityNumber::parse("1312345679")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn matches_facility(&self, number: &FacilityNumber) -> bool {
        if self.facility_number.as_ref() == Some(number) {
            return true;
        }
        self.subject
            .iter()
            .any(|a| digit_runs(&a.value).iter().any(|r| r == number.as_str()))
    }

    /// The value of the first subject attribute with this short name (`CN`, `O`, …).
    ///
    /// ```
    /// # use hug_onboard_core::certificate::inspect;
    /// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/guide-openssl3.p12")).unwrap();
    /// let info = inspect(&bytes, "TestPass123").unwrap();
    /// assert_eq!(info.certificate.subject_value("CN"), Some("1312345678"));
    /// ```
    pub fn subject_value(&self, name: &str) -> Option<&str> {
        self.subject
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.as_str())
    }
}

/// Whether a certificate says it may sign certificates: basicConstraints
/// `cA` true, or keyUsage with keyCertSign. `false` for an unreadable one.
pub(crate) fn signs_certificates(der: &[u8]) -> bool {
    let Ok((_, cert)) = X509Certificate::from_der(der) else {
        return false;
    };
    if cert.is_ca() {
        return true;
    }
    matches!(cert.key_usage(), Ok(Some(ku)) if ku.value.key_cert_sign())
}

fn instant(ts: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(ts, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

fn attr_short_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.42" => "GN",
        "2.5.4.97" => "organizationIdentifier",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        _ => return None,
    })
}

/// Whether every attribute string of a name is valid for its ASN.1 type
/// (UTF8String UTF-8, BMPString UTF-16, the ASCII types ASCII), as OpenSSL's
/// decoder requires: a damaged name is refused, never read lossily.
fn strings_well_formed(name: &X509Name<'_>) -> bool {
    name.iter_attributes().all(|a| {
        let any = a.attr_value();
        let data = any.data;
        match any.tag().0 {
            12 => std::str::from_utf8(data).is_ok(),
            19 | 22 | 18 | 26 => data.is_ascii(),
            30 => {
                data.len() % 2 == 0
                    && char::decode_utf16(
                        data.chunks_exact(2)
                            .map(|c| u16::from_be_bytes([c[0], c[1]])),
                    )
                    .all(|c| c.is_ok())
            }
            _ => true,
        }
    })
}

fn name_attributes(name: &X509Name<'_>) -> Vec<NameAttribute> {
    name.iter_attributes()
        .map(|a| {
            let oid = a.attr_type().to_id_string();
            let any = a.attr_value();
            let data = any.data;
            let (value, string_type) = match any.tag().0 {
                12 => (String::from_utf8_lossy(data).into_owned(), "UTF8String"),
                19 => (
                    String::from_utf8_lossy(data).into_owned(),
                    "PrintableString",
                ),
                22 => (String::from_utf8_lossy(data).into_owned(), "IA5String"),
                18 => (String::from_utf8_lossy(data).into_owned(), "NumericString"),
                26 => (String::from_utf8_lossy(data).into_owned(), "VisibleString"),
                // T61String: treated as Latin-1, as OpenSSL displays it.
                20 => (
                    data.iter().map(|b| char::from(*b)).collect(),
                    "TeletexString",
                ),
                30 => {
                    let units: Vec<u16> = data
                        .chunks_exact(2)
                        .map(|c| u16::from_be_bytes([c[0], c[1]]))
                        .collect();
                    (String::from_utf16_lossy(&units), "BMPString")
                }
                28 => (
                    data.chunks_exact(4)
                        .map(|c| {
                            char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                                .unwrap_or('\u{FFFD}')
                        })
                        .collect(),
                    "UniversalString",
                ),
                _ => (
                    data.iter().map(|b| format!("{b:02X}")).collect(),
                    "other (hex)",
                ),
            };
            NameAttribute {
                name: attr_short_name(&oid).map_or_else(|| oid.clone(), str::to_owned),
                oid,
                value,
                string_type: string_type.to_owned(),
            }
        })
        .collect()
}

/// Maximal runs of exactly 10 ASCII digits after full-width normalisation.
fn digit_runs(value: &str) -> Vec<String> {
    let half = text::to_halfwidth_ascii(value);
    let mut runs = Vec::new();
    let mut cur = String::new();
    for c in half.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            cur.push(c);
        } else {
            if cur.len() == 10 {
                runs.push(cur.clone());
            }
            cur.clear();
        }
    }
    runs
}

fn find_number(subject: &[NameAttribute]) -> (Option<String>, Option<FacilityNumber>) {
    // Common name first, then the other attributes in order.
    let ordered = subject
        .iter()
        .filter(|a| a.name == "CN")
        .chain(subject.iter().filter(|a| a.name != "CN"));
    let mut first = None;
    for a in ordered {
        for run in digit_runs(&a.value) {
            if first.is_none() {
                first = Some(run.clone());
            }
            if let Ok(n) = FacilityNumber::parse(&run) {
                return (first, Some(n));
            }
        }
    }
    (first, None)
}

fn key_info(cert: &X509Certificate<'_>) -> KeyInfo {
    let spki = cert.public_key();
    let oid = spki.algorithm.algorithm.to_id_string();
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.as_oid().ok())
        .map(|o| o.to_id_string())
        .and_then(|o| {
            Some(
                match o.as_str() {
                    "1.2.840.10045.3.1.7" => "P-256",
                    "1.3.132.0.34" => "P-384",
                    "1.3.132.0.35" => "P-521",
                    _ => return None,
                }
                .to_owned(),
            )
        });
    let algorithm = match oid.as_str() {
        "1.2.840.113549.1.1.1" => "RSA",
        "1.2.840.10045.2.1" => "EC",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        "1.2.840.10040.4.1" => "DSA",
        _ => oid.as_str(),
    }
    .to_owned();
    let bits = match spki.parsed() {
        Ok(PublicKey::Unknown(_)) | Err(_) => match algorithm.as_str() {
            "Ed25519" => Some(256),
            "Ed448" => Some(456),
            _ => None,
        },
        Ok(k) => u32::try_from(k.key_size()).ok().filter(|b| *b > 0),
    };
    let bits = match (&curve, bits) {
        (Some(c), _) if c == "P-256" => Some(256),
        (Some(c), _) if c == "P-384" => Some(384),
        (Some(c), _) if c == "P-521" => Some(521),
        (_, b) => b,
    };
    KeyInfo {
        algorithm,
        bits,
        curve,
    }
}

fn sig_name(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.3.101.112" => "Ed25519",
        other => other,
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs() {
        assert_eq!(
            digit_runs("事業所番号 １３１２３４５６７８"),
            vec!["1312345678"]
        );
        assert!(digit_runs("13123456789").is_empty());
        assert!(digit_runs("").is_empty());
    }
}
