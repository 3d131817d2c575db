//! [`CertificateError`]: why a .p12 file could not be opened or inspected.

use crate::diagnostic::{CodeInfo, Diagnostic, Lang, Severity};

/// Why a .p12 (PKCS#12) file could not be opened or inspected.
///
/// Each kind tells the user what to do: a wrong password is not a damaged file,
/// and neither is an algorithm this library does not implement.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateError {
    /// The file is empty (0 bytes).
    #[error("[certificate.empty_file] the file is empty")]
    EmptyFile,
    /// The file is something else than a PKCS#12 file (a PEM text, a bare certificate).
    #[error("[certificate.not_pkcs12] the file is not a PKCS#12 file but {looks_like}")]
    NotPkcs12 {
        /// What it looks like instead, in English (e.g. "a PEM text file").
        looks_like: &'static str,
    },
    /// The file is damaged or not a PKCS#12 file.
    #[error("[certificate.malformed] the file is damaged ({detail}{})", offset.map(|o| format!(" at byte {o}")).unwrap_or_default())]
    Malformed {
        /// Byte position in the file, when known.
        offset: Option<usize>,
        /// What was wrong, in English.
        detail: String,
    },
    /// The password does not open the file (MAC mismatch, or a failed
    /// decryption in a file without a MAC).
    #[error("[certificate.wrong_password] the password does not open this file")]
    WrongPassword,
    /// The file uses an algorithm this library does not implement.
    #[error("[certificate.unsupported_algorithm] unsupported algorithm {algorithm}")]
    UnsupportedAlgorithm {
        /// The algorithm's name and OID.
        algorithm: String,
    },
    /// The file holds no certificate.
    #[error("[certificate.no_certificate] the file holds no certificate")]
    NoCertificate,
    /// The file holds no private key (a certificate-only export).
    #[error("[certificate.no_private_key] the file holds no private key")]
    NoPrivateKey,
    /// The private key does not belong to the certificate.
    #[error("[certificate.key_mismatch] the private key does not belong to the certificate")]
    KeyMismatch,
    /// The password cannot be encoded as PKCS#12 requires.
    #[error("[certificate.password_not_encodable] the password cannot be used: {reason}")]
    PasswordNotEncodable {
        /// Why, in English.
        reason: &'static str,
    },
    /// A key-derivation iteration count above the configured limit (a
    /// damaged or hostile file: real files use 2,000–600,000).
    #[error(
        "[certificate.excessive_iterations] {iterations} iterations exceed the limit of {limit}"
    )]
    ExcessiveIterations {
        /// The count in the file.
        iterations: u64,
        /// The limit in force ([`P12Options::max_iterations`](super::P12Options)).
        limit: u32,
    },
    /// Issue #12 (added together, to convert with the other codes): a file
    /// whose password was never verified cannot be recorded as evidence.
    #[error(
        "[certificate.unverified_evidence] the file's password was not verified, so it is not evidence"
    )]
    UnverifiedEvidence,
}

/// Codes of the certificate module (errors and findings).
pub const CODES: &[CodeInfo] = &[
    CodeInfo::new(
        "certificate.empty_file",
        Severity::Error,
        "the .p12 file is empty",
    ),
    CodeInfo::new(
        "certificate.not_pkcs12",
        Severity::Error,
        "the file is a PEM text or a bare certificate, not a .p12",
    ),
    CodeInfo::new(
        "certificate.malformed",
        Severity::Error,
        "the .p12 file is damaged or not PKCS#12 (byte offset when known)",
    ),
    CodeInfo::new(
        "certificate.wrong_password",
        Severity::Error,
        "the password does not open the .p12 (MAC mismatch or failed decryption)",
    ),
    CodeInfo::new(
        "certificate.unsupported_algorithm",
        Severity::Error,
        "the .p12 uses an algorithm that is not implemented (named)",
    ),
    CodeInfo::new(
        "certificate.no_certificate",
        Severity::Error,
        "the .p12 holds no certificate",
    ),
    CodeInfo::new(
        "certificate.no_private_key",
        Severity::Error,
        "the .p12 holds no private key",
    ),
    CodeInfo::new(
        "certificate.key_mismatch",
        Severity::Error,
        "the private key in the .p12 does not belong to its certificate",
    ),
    CodeInfo::new(
        "certificate.password_not_encodable",
        Severity::Error,
        "the password contains a character PKCS#12 cannot carry (NUL)",
    ),
    CodeInfo::new(
        "certificate.excessive_iterations",
        Severity::Error,
        "a key-derivation iteration count above the configured limit",
    ),
    // Issue #12 (grouped to ease the conversion to the declaration table).
    CodeInfo::new(
        "certificate.unverified_evidence",
        Severity::Error,
        "a .p12 whose password was not verified (no MAC, nothing decrypted) is not evidence",
    ),
    CodeInfo::new(
        "certificate.password_unverified",
        Severity::Warning,
        "nothing in the file verified the password (no MAC, certificates not encrypted; open the key)",
    ),
    CodeInfo::new(
        "certificate.leaf_uncertain",
        Severity::Warning,
        "which certificate is the facility's cannot be told without decrypting the private key",
    ),
    CodeInfo::new(
        "certificate.leaf_is_ca",
        Severity::Warning,
        "the file's certificate is a CA certificate, not a facility's (wrong file)",
    ),
    CodeInfo::new(
        "certificate.facility_mismatch",
        Severity::Warning,
        "the certificate's subject does not name the expected facility number",
    ),
    CodeInfo::new(
        "certificate.status.not_yet_valid",
        Severity::Warning,
        "the certificate's validity has not started",
    ),
    CodeInfo::new(
        "certificate.status.valid",
        Severity::Info,
        "the certificate is valid and renewal is not due",
    ),
    CodeInfo::new(
        "certificate.status.renewal_due",
        Severity::Warning,
        "the certificate expires within the portal's renewal notice period (90 days)",
    ),
    CodeInfo::new(
        "certificate.status.urgent",
        Severity::Warning,
        "the certificate expires within an urgent milestone (60/30/15/7 days, then daily)",
    ),
    CodeInfo::new(
        "certificate.status.expired",
        Severity::Error,
        "the certificate has expired: claims cannot be sent; apply as new",
    ),
    CodeInfo::new(
        "certificate.renewal.not_yet",
        Severity::Info,
        "the renewal application is not due yet",
    ),
    CodeInfo::new(
        "certificate.renewal.apply_now",
        Severity::Warning,
        "apply for renewal now: the last safe day is near",
    ),
    CodeInfo::new(
        "certificate.renewal.apply_by_passed",
        Severity::Error,
        "the last safe day to apply has passed: a claim window is at risk",
    ),
    CodeInfo::new(
        "certificate.renewal.expired",
        Severity::Error,
        "the certificate has expired before renewal: apply as new",
    ),
    CodeInfo::new(
        "certificate.lifecycle.invalid_transition",
        Severity::Error,
        "a certificate lifecycle event that is not allowed in the current state",
    ),
    CodeInfo::new(
        "certificate.lifecycle.invalid_dates",
        Severity::Error,
        "an event's dates are inconsistent (e.g. valid-to before valid-from)",
    ),
    CodeInfo::new(
        "certificate.addressee.postal_code",
        Severity::Error,
        "estimate addressee: the postal code is not NNN-NNNN",
    ),
    CodeInfo::new(
        "certificate.addressee.empty",
        Severity::Error,
        "estimate addressee: a required field is empty",
    ),
    CodeInfo::new(
        "certificate.addressee.control_char",
        Severity::Error,
        "estimate addressee: a field contains a control character",
    ),
    CodeInfo::new(
        "certificate.addressee.honorific",
        Severity::Error,
        "estimate addressee: the honorific is not 様 or 御中",
    ),
];

impl Diagnostic for CertificateError {
    fn code(&self) -> &'static str {
        match self {
            CertificateError::EmptyFile => "certificate.empty_file",
            CertificateError::NotPkcs12 { .. } => "certificate.not_pkcs12",
            CertificateError::Malformed { .. } => "certificate.malformed",
            CertificateError::WrongPassword => "certificate.wrong_password",
            CertificateError::UnsupportedAlgorithm { .. } => "certificate.unsupported_algorithm",
            CertificateError::NoCertificate => "certificate.no_certificate",
            CertificateError::NoPrivateKey => "certificate.no_private_key",
            CertificateError::KeyMismatch => "certificate.key_mismatch",
            CertificateError::PasswordNotEncodable { .. } => "certificate.password_not_encodable",
            CertificateError::ExcessiveIterations { .. } => "certificate.excessive_iterations",
            CertificateError::UnverifiedEvidence => "certificate.unverified_evidence",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use CertificateError as E;
        match (self, lang) {
            (E::EmptyFile, Lang::Ja) => "ファイルが空です（0バイト）。ダウンロードが途中で止まった可能性があります。電子請求受付システムから証明書をもう一度ダウンロードしてください。".into(),
            (E::EmptyFile, Lang::En) => "The file is empty (0 bytes); the download may have been interrupted. Download the certificate again from the portal.".into(),
            (E::NotPkcs12 { looks_like }, Lang::Ja) => format!(
                "このファイルは電子証明書（.p12）ではありません（{}）。電子請求受付システムからダウンロードした「.p12」のファイルを選んでください。",
                looks_like_ja(looks_like)
            ),
            (E::NotPkcs12 { looks_like }, Lang::En) => format!(
                "This file is not a .p12 certificate file (it is {looks_like}). Choose the .p12 file downloaded from the portal."
            ),
            (E::Malformed { offset, .. }, Lang::Ja) => format!(
                "ファイルが壊れているか、電子証明書（.p12）ではありません{}。電子請求受付システムから証明書をもう一度ダウンロードしてください。",
                offset.map(|o| format!("（{o}バイト目）")).unwrap_or_default()
            ),
            (E::Malformed { offset, detail }, Lang::En) => format!(
                "The file is damaged or is not a .p12 certificate ({detail}{}). Download the certificate again from the portal.",
                offset.map(|o| format!(" at byte {o}")).unwrap_or_default()
            ),
            (E::WrongPassword, Lang::Ja) => "パスワードが違います。「電子請求登録結果に関するお知らせ」に印字された「証明書発行用パスワード」を、大文字・小文字と全角・半角に注意して入力してください。別の事業所のファイルや古いファイルを選んでいないか、ファイルが壊れていないかも確認してください。".into(),
            (E::WrongPassword, Lang::En) => "The password does not open this file. Type the certificate password (証明書発行用パスワード) printed on the registration notice (電子請求登録結果に関するお知らせ), minding upper/lower case and full-/half-width. Also check that this is the right facility's current file and that it is not damaged.".into(),
            (E::UnsupportedAlgorithm { algorithm }, Lang::Ja) => format!(
                "このファイルは対応していない方式（{algorithm}）で保存されています。電子請求受付システムからダウンロードした元のファイルを使ってください。解決しない場合はサポートにご連絡ください。"
            ),
            (E::UnsupportedAlgorithm { algorithm }, Lang::En) => format!(
                "This file is protected with an algorithm that is not supported ({algorithm}). Use the original file downloaded from the portal; if that fails, contact support."
            ),
            (E::NoCertificate, Lang::Ja) => "ファイルに証明書が入っていません。電子請求受付システムからダウンロードした証明書ファイル（.p12）を選んでください。".into(),
            (E::NoCertificate, Lang::En) => "The file holds no certificate. Choose the certificate file (.p12) downloaded from the portal.".into(),
            (E::NoPrivateKey, Lang::Ja) => "ファイルに秘密鍵が入っていません（証明書だけを書き出したファイルです）。電子請求受付システムからダウンロードした元の証明書ファイル（.p12）を使ってください。".into(),
            (E::NoPrivateKey, Lang::En) => "The file holds no private key (it is a certificate-only export). Use the original certificate file (.p12) downloaded from the portal.".into(),
            (E::KeyMismatch, Lang::Ja) => "ファイル内の秘密鍵が証明書と一致しません。ファイルが正しくありません。電子請求受付システムから証明書をもう一度ダウンロードしてください。".into(),
            (E::KeyMismatch, Lang::En) => "The private key in the file does not belong to its certificate; the file is not usable. Download the certificate again from the portal.".into(),
            (E::PasswordNotEncodable { .. }, Lang::Ja) => "パスワードに使えない文字（制御文字）が含まれています。お知らせに印字された証明書発行用パスワードを入力し直してください。".into(),
            (E::PasswordNotEncodable { reason }, Lang::En) => format!(
                "The password contains a character that cannot be used ({reason}). Type the certificate password from the notice again."
            ),
            (E::ExcessiveIterations { iterations, limit }, Lang::Ja) => format!(
                "ファイルの鍵導出の繰り返し回数（{iterations}回）が上限（{limit}回）を超えています。ファイルが壊れているか、想定外のファイルです。電子請求受付システムから証明書をもう一度ダウンロードしてください。"
            ),
            (E::ExcessiveIterations { iterations, limit }, Lang::En) => format!(
                "The file asks for {iterations} key-derivation iterations, above the limit of {limit}; it is damaged or not a portal certificate. Download the certificate again from the portal."
            ),
            (E::UnverifiedEvidence, Lang::Ja) => "このファイルはパスワードを確認できないため、証明書の記録（エビデンス）に使えません。秘密鍵まで開いてパスワードを確認してから記録してください。".into(),
            (E::UnverifiedEvidence, Lang::En) => "The file's password could not be verified, so the file cannot be recorded as evidence. Open it with its private key to verify the password first.".into(),
        }
    }
}

fn looks_like_ja(en: &str) -> &'static str {
    match en {
        "a PEM text file" => "PEM形式のテキストファイル",
        "a bare X.509 certificate (.cer/.crt)" => "証明書だけのファイル（.cer/.crt）",
        _ => "別の種類のファイル",
    }
}

impl From<super::der::DerError> for CertificateError {
    fn from(e: super::der::DerError) -> Self {
        CertificateError::Malformed {
            offset: e.offset,
            detail: e.what,
        }
    }
}
