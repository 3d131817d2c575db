//! Password rules of the 電子請求受付システム as data (placeholder: being built).

use crate::diagnostic::CodeInfo;

/// Codes of this module.
pub const CODES: &[CodeInfo] = &[];
