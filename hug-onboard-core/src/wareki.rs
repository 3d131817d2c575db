//! 和暦 (Japanese era dates) (placeholder: being built).

use crate::diagnostic::CodeInfo;

/// Codes of this module.
pub const CODES: &[CodeInfo] = &[];
