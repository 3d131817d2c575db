//! [`Secret`]: a password that zeroizes on drop and never prints itself.
//!
//! Passwords printed on the notices ((仮)パスワード, 証明書発行用パスワード) and
//! the ones users choose live in a [`Secret`]. Its `Debug` and `Display` print
//! `***`; it does not implement `Serialize`, so a struct holding one must
//! decide explicitly (see `RegistrationNotice::to_json_with_secrets`); the
//! memory is overwritten with zeros when it is dropped.
//!
//! # Example
//!
//! ```
//! use hug_onboard_core::secret::Secret;
//!
//! let s = Secret::new("Kari-Pass1");
//! assert_eq!(format!("{s:?} {s}"), "Secret(***) ***");
//! assert_eq!(s.expose(), "Kari-Pass1");
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer};
use zeroize::Zeroizing;

/// A secret string, zeroized on drop, redacted in `Debug` and `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps a secret. The argument is moved in, not copied.
    ///
    /// ```
    /// let s = hug_onboard_core::secret::Secret::new(String::from("pw"));
    /// assert_eq!(s.len(), 2);
    /// ```
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(Zeroizing::new(value.into()))
    }

    /// The secret itself. Call this only to hand it to the user or to a check,
    /// never to log it.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::secret::Secret::new("x").expose(), "x");
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Length in characters.
    ///
    /// ```
    /// assert_eq!(hug_onboard_core::secret::Secret::new("ｐｗ").len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.0.chars().count()
    }

    /// Whether it is empty.
    ///
    /// ```
    /// assert!(hug_onboard_core::secret::Secret::new("").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Secret {
        Secret::new(s)
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Secret {
        Secret::new(s)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret::new)
    }
}
