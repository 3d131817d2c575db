//! The registration notice (電子請求登録結果に関するお知らせ) (placeholder: being built).

use crate::diagnostic::CodeInfo;

/// Codes of this module.
pub const CODES: &[CodeInfo] = &[];
