//! [`CertificateError`]: why a .p12 file could not be opened or inspected.

crate::diagnostics! {
    /// Why a .p12 (PKCS#12) file could not be opened or inspected.
    ///
    /// Each kind tells the user what to do: a wrong password is not a damaged file,
    /// and neither is an algorithm this library does not implement.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum CertificateError {
        /// The file is empty (0 bytes).
        EmptyFile => "certificate.empty_file", CorruptFile, Error,
            "the .p12 file is empty",
            ja: "ファイルが空です（0バイト）。ダウンロードが途中で止まった可能性があります。電子請求受付システムから証明書をもう一度ダウンロードしてください。",
            en: "The file is empty (0 bytes); the download may have been interrupted. Download the certificate again from the portal.";
        /// The file is something else than a PKCS#12 file (a PEM text, a bare certificate).
        NotPkcs12 {
            /// What it looks like instead, in English (e.g. "a PEM text file").
            looks_like: &'static str,
        } => "certificate.not_pkcs12", CorruptFile, Error,
            "the file is a PEM text or a bare certificate, not a .p12",
            ja: { format!(
                "このファイルは電子証明書（.p12）ではありません（{}）。電子請求受付システムからダウンロードした「.p12」のファイルを選んでください。",
                looks_like_ja(looks_like)
            ) },
            en: "This file is not a .p12 certificate file (it is {looks_like}). Choose the .p12 file downloaded from the portal.";
        /// The file is damaged or not a PKCS#12 file.
        Malformed {
            /// Byte position in the file, when known.
            offset: Option<usize>,
            /// What was wrong, in English.
            detail: String,
        } => "certificate.malformed", CorruptFile, Error,
            "the .p12 file is damaged or not PKCS#12 (byte offset when known)",
            ja: { format!(
                "ファイルが壊れているか、電子証明書（.p12）ではありません{}。電子請求受付システムから証明書をもう一度ダウンロードしてください。",
                offset.map(|o| format!("（{o}バイト目）")).unwrap_or_default()
            ) },
            en: { format!(
                "The file is damaged or is not a .p12 certificate ({detail}{}). Download the certificate again from the portal.",
                offset.map(|o| format!(" at byte {o}")).unwrap_or_default()
            ) };
        /// The password does not open the file (MAC mismatch, or a failed
        /// decryption in a file without a MAC).
        WrongPassword => "certificate.wrong_password", WrongPassword, Error,
            "the password does not open the .p12 (MAC mismatch or failed decryption)",
            ja: "パスワードが違います。「電子請求登録結果に関するお知らせ」に印字された「証明書発行用パスワード」を、大文字・小文字と全角・半角に注意して入力してください。別の事業所のファイルや古いファイルを選んでいないか、ファイルが壊れていないかも確認してください。",
            en: "The password does not open this file. Type the certificate password (証明書発行用パスワード) printed on the registration notice (電子請求登録結果に関するお知らせ), minding upper/lower case and full-/half-width. Also check that this is the right facility's current file and that it is not damaged.";
        /// The file uses an algorithm this library does not implement.
        UnsupportedAlgorithm {
            /// The algorithm's name and OID.
            algorithm: String,
        } => "certificate.unsupported_algorithm", Unsupported, Error,
            "the .p12 uses an algorithm that is not implemented (named)",
            ja: "このファイルは対応していない方式（{algorithm}）で保存されています。電子請求受付システムからダウンロードした元のファイルを使ってください。解決しない場合はサポートにご連絡ください。",
            en: "This file is protected with an algorithm that is not supported ({algorithm}). Use the original file downloaded from the portal; if that fails, contact support.";
        /// The file holds no certificate.
        NoCertificate => "certificate.no_certificate", CorruptFile, Error,
            "the .p12 holds no certificate",
            ja: "ファイルに証明書が入っていません。電子請求受付システムからダウンロードした証明書ファイル（.p12）を選んでください。",
            en: "The file holds no certificate. Choose the certificate file (.p12) downloaded from the portal.";
        /// The file holds no private key (a certificate-only export).
        NoPrivateKey => "certificate.no_private_key", CorruptFile, Error,
            "the .p12 holds no private key",
            ja: "ファイルに秘密鍵が入っていません（証明書だけを書き出したファイルです）。電子請求受付システムからダウンロードした元の証明書ファイル（.p12）を使ってください。",
            en: "The file holds no private key (it is a certificate-only export). Use the original certificate file (.p12) downloaded from the portal.";
        /// The private key does not belong to the certificate.
        KeyMismatch => "certificate.key_mismatch", CorruptFile, Error,
            "the private key in the .p12 does not belong to its certificate",
            ja: "ファイル内の秘密鍵が証明書と一致しません。ファイルが正しくありません。電子請求受付システムから証明書をもう一度ダウンロードしてください。",
            en: "The private key in the file does not belong to its certificate; the file is not usable. Download the certificate again from the portal.";
        /// The password cannot be encoded as PKCS#12 requires (it holds a NUL):
        /// such a password can never open a file, so the user must retype it —
        /// the same remedy as a wrong password.
        PasswordNotEncodable {
            /// Why, in English.
            reason: &'static str,
        } => "certificate.password_not_encodable", WrongPassword, Error,
            "the password contains a character PKCS#12 cannot carry (NUL)",
            ja: "パスワードに使えない文字（制御文字）が含まれています。お知らせに印字された証明書発行用パスワードを入力し直してください。",
            en: "The password contains a character that cannot be used ({reason}). Type the certificate password from the notice again.";
        /// A key-derivation iteration count above the configured limit (a
        /// damaged or hostile file: real files use 2,000–600,000).
        ExcessiveIterations {
            /// The count in the file.
            iterations: u64,
            /// The limit in force ([`P12Options::max_iterations`](super::P12Options)).
            limit: u32,
        } => "certificate.excessive_iterations", CorruptFile, Error,
            "a key-derivation iteration count above the configured limit (a damaged or hostile file)",
            ja: "ファイルの鍵導出の繰り返し回数（{iterations}回）が上限（{limit}回）を超えています。ファイルが壊れているか、想定外のファイルです。電子請求受付システムから証明書をもう一度ダウンロードしてください。",
            en: "The file asks for {iterations} key-derivation iterations, above the limit of {limit}; it is damaged or not a portal certificate. Download the certificate again from the portal.";
        /// A file whose password was never verified (no MAC, nothing
        /// decrypted with it) cannot be recorded as evidence.
        UnverifiedEvidence => "certificate.unverified_evidence", InvalidInput, Error,
            "a .p12 whose password was not verified (no MAC, nothing decrypted) is not evidence",
            ja: "このファイルはパスワードを確認できないため、証明書の記録（エビデンス）に使えません。秘密鍵まで開いてパスワードを確認してから記録してください。",
            en: "The file's password could not be verified, so the file cannot be recorded as evidence. Open it with its private key to verify the password first.";
        @delegate
        /// A bare DER X.509 certificate (a .cer/.crt file,
        /// [`CertificateInfo::from_der`](super::CertificateInfo::from_der)) that
        /// cannot be read: the code of the error inside (`certificate.malformed`),
        /// with a message about a DER certificate, not a .p12 file.
        DerUnreadable {
            /// Why (`certificate.malformed`).
            error: Box<CertificateError>,
        } => error,
            ja: "このファイルは壊れているか、DER形式の電子証明書（.cer/.crt）ではありません。証明書のファイルを選び直すか、もう一度書き出してください。",
            en: { format!(
                "The file is damaged or is not a DER certificate (.cer/.crt){}. Choose the certificate file again, or export it again.",
                match error.as_ref() {
                    CertificateError::Malformed { detail, .. } => format!(" ({detail})"),
                    _ => String::new(),
                }
            ) };
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
