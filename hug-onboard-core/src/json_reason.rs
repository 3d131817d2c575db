//! Why JSON or TOML read with serde cannot be used, in Japanese and English
//! ([`DataReason`]): serde's own text is English and may quote a value (a
//! password, in the wrong field), so it is classified instead and only a
//! field's name and a position are kept.

use crate::diagnostic::Lang;
use crate::text;

/// Why JSON or TOML read with serde cannot be used, from a [`serde_json::Error`]
/// ([`DataReason::from_serde`]) or a [`toml::de::Error`] ([`DataReason::from_toml`]), with its message in both languages
/// ([`DataReason::message`]). It names a field and a position (1-based line
/// and column; 0 when unknown), never a value.
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::Lang;
/// use hug_onboard_core::json_reason::DataReason;
/// #[derive(Debug, serde::Deserialize)]
/// #[allow(dead_code)]
/// struct Pc { name: String }
/// let e = serde_json::from_str::<Pc>(r#"{"name": 5}"#).unwrap_err();
/// let r = DataReason::from_serde(&e);
/// assert_eq!(r.message(Lang::Ja), "値の型が違います（1行10列目）");
/// assert_eq!(r.message(Lang::En), "a value is of the wrong type (line 1, column 10)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataReason {
    /// Not JSON (or TOML): a syntax error.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The text ends before the JSON does.
    EndsEarly {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A field that must be there is not.
    MissingField {
        /// The field's name (quoted shortened, invisible characters as `<U+XXXX>`).
        field: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A field that is not known.
    UnknownField {
        /// The field's name as given (quoted shortened).
        field: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A field given twice.
    DuplicateField {
        /// The field's name.
        field: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A value of the wrong type (a number for a text, a text for a list, …).
    WrongType {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A value of the right type that is not allowed (an unknown name, a date
    /// that does not exist, a number out of range, …).
    InvalidValue {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

/// The name between serde's first pair of backquotes, shortened to 40
/// characters, its invisible characters as `<U+XXXX>`.
fn quoted_name(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    let name: String = message[start..start + len].chars().take(40).collect();
    Some(text::readable(&name))
}

impl DataReason {
    /// The reason for a serde error: its category, position, and the field's
    /// name when serde names one (missing, unknown or duplicate field).
    pub fn from_serde(e: &serde_json::Error) -> DataReason {
        use serde_json::error::Category;
        let (line, column) = (e.line(), e.column());
        match e.classify() {
            Category::Eof => DataReason::EndsEarly { line, column },
            Category::Syntax | Category::Io => DataReason::Syntax { line, column },
            Category::Data => DataReason::from_data_message(&e.to_string(), line, column),
        }
    }

    /// The reason for a TOML error of `text`: a syntax error when `text` is
    /// not TOML at all, otherwise classified as [`from_serde`](Self::from_serde)
    /// does; the position from the error's span.
    pub fn from_toml(text: &str, e: &toml::de::Error) -> DataReason {
        let (line, column) = match e.span() {
            Some(span) => line_column(text, span.start),
            None => (0, 0),
        };
        if toml::from_str::<toml::Table>(text).is_err() {
            DataReason::Syntax { line, column }
        } else {
            DataReason::from_data_message(e.message(), line, column)
        }
    }

    /// serde's message for a data error (a missing field, an invalid type, …), classified.
    fn from_data_message(m: &str, line: usize, column: usize) -> DataReason {
        let field = |lead: &str| m.strip_prefix(lead).and_then(|_| quoted_name(m));
        if let Some(field) = field("missing field `") {
            DataReason::MissingField {
                field,
                line,
                column,
            }
        } else if let Some(field) = field("unknown field `") {
            DataReason::UnknownField {
                field,
                line,
                column,
            }
        } else if let Some(field) = field("duplicate field `") {
            DataReason::DuplicateField {
                field,
                line,
                column,
            }
        } else if m.starts_with("invalid type: ") || m.starts_with("invalid length ") {
            DataReason::WrongType { line, column }
        } else {
            DataReason::InvalidValue { line, column }
        }
    }

    /// The same reason without its position: for JSON a binding wrote from
    /// the caller's mapping, whose lines and columns the caller never saw.
    pub fn without_position(self) -> DataReason {
        match self {
            DataReason::Syntax { .. } => DataReason::Syntax { line: 0, column: 0 },
            DataReason::EndsEarly { .. } => DataReason::EndsEarly { line: 0, column: 0 },
            DataReason::MissingField { field, .. } => DataReason::MissingField {
                field,
                line: 0,
                column: 0,
            },
            DataReason::UnknownField { field, .. } => DataReason::UnknownField {
                field,
                line: 0,
                column: 0,
            },
            DataReason::DuplicateField { field, .. } => DataReason::DuplicateField {
                field,
                line: 0,
                column: 0,
            },
            DataReason::WrongType { .. } => DataReason::WrongType { line: 0, column: 0 },
            DataReason::InvalidValue { .. } => DataReason::InvalidValue { line: 0, column: 0 },
        }
    }

    fn position(&self) -> (usize, usize) {
        match self {
            DataReason::Syntax { line, column }
            | DataReason::EndsEarly { line, column }
            | DataReason::MissingField { line, column, .. }
            | DataReason::UnknownField { line, column, .. }
            | DataReason::DuplicateField { line, column, .. }
            | DataReason::WrongType { line, column }
            | DataReason::InvalidValue { line, column } => (*line, *column),
        }
    }

    /// The reason in `lang`, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        let what = match self {
            DataReason::Syntax { .. } => if ja {
                "書き方（構文）が正しくありません"
            } else {
                "syntax error"
            }
            .to_owned(),
            DataReason::EndsEarly { .. } => if ja {
                "途中で終わっています"
            } else {
                "the text ends early"
            }
            .to_owned(),
            DataReason::MissingField { field, .. } => {
                if ja {
                    format!("項目「{field}」がありません")
                } else {
                    format!("field \"{field}\" is missing")
                }
            }
            DataReason::UnknownField { field, .. } => {
                if ja {
                    format!("「{field}」という項目はありません")
                } else {
                    format!("unknown field \"{field}\"")
                }
            }
            DataReason::DuplicateField { field, .. } => {
                if ja {
                    format!("項目「{field}」が2回あります")
                } else {
                    format!("field \"{field}\" is given twice")
                }
            }
            DataReason::WrongType { .. } => if ja {
                "値の型が違います"
            } else {
                "a value is of the wrong type"
            }
            .to_owned(),
            DataReason::InvalidValue { .. } => if ja {
                "使えない値があります"
            } else {
                "a value is not allowed"
            }
            .to_owned(),
        };
        match (self.position(), ja) {
            ((0, _), _) => what,
            ((line, column), true) => format!("{what}（{line}行{column}列目）"),
            ((line, column), false) => format!("{what} (line {line}, column {column})"),
        }
    }
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The words left in a Japanese message once the identifiers it may quote
/// (`allowed`: field names, codes) are removed: a test's check that no English
/// (serde's) is left in a Japanese message.
#[cfg(test)]
pub(crate) fn english_words(ja: &str, allowed: &[&str]) -> Vec<String> {
    ja.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3)
        .filter(|w| !["JSON", "U"].contains(w) && !allowed.contains(w))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Login {
        user: String,
        pin: u32,
        kind: Kind,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Test,
    }

    #[test]
    fn each_serde_error_is_classified_without_its_value() {
        let cases = [
            ("{\"user\": \"Secret99\"", "途中で終わっています"),
            (
                "{\"user\" \"Secret99\"}",
                "書き方（構文）が正しくありません",
            ),
            (r#"{"pin": 1, "kind": "test"}"#, "項目「user」がありません"),
            (
                r#"{"user": "a", "pin": 1, "kind": "test", "Secret99": 1}"#,
                "「Secret99」という項目はありません",
            ),
            (r#"{"user": "a", "user": "b"}"#, "項目「user」が2回あります"),
            (r#"{"user": "a", "pin": "Secret99"}"#, "値の型が違います"),
            (
                r#"{"user": "a", "pin": 1, "kind": "Secret99"}"#,
                "使えない値があります",
            ),
            (
                r#"{"user": "a", "pin": 99999999999}"#,
                "使えない値があります",
            ),
        ];
        for (json, ja) in cases {
            let e = serde_json::from_str::<Login>(json).unwrap_err();
            let r = DataReason::from_serde(&e);
            let (m_ja, m_en) = (r.message(Lang::Ja), r.message(Lang::En));
            assert!(m_ja.starts_with(ja), "{json}: {m_ja}");
            assert!(m_ja.contains("行"), "{m_ja}");
            assert_eq!(
                english_words(&m_ja, &["user", "Secret99"]),
                Vec::<String>::new()
            );
            // A value is never shown (a key is: it names a field).
            if !json.contains("\"Secret99\": 1") {
                assert!(
                    !m_ja.contains("Secret99") && !m_en.contains("Secret99"),
                    "{m_en}"
                );
            }
            assert!(!m_en.is_empty() && m_en != m_ja);
        }
    }
}
