//! Why a caller's input to the notice reader cannot be used, in Japanese and
//! English: [`RereadsReason`] (second OCR reads), [`JsonReason`] (a notice's
//! JSON), [`TsvReason`] (Tesseract's TSV). Each names a field, a column, a
//! position or a type, never a value (it may be a password).

use super::{MAX_REREAD_CHARS, MAX_REREADS, NoticeField, REREAD_FIELDS};
use crate::diagnostic::Lang;
use crate::text;

/// Why second OCR reads cannot be used
/// ([`NoticeProblem::OcrRereadsInvalid`](super::NoticeProblem::OcrRereadsInvalid)),
/// with its message in both languages ([`RereadsReason::message`]). It names a
/// field, a position, a count or a type, never a read (a read may be a password).
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::Lang;
/// use hug_onboard_core::notice::{NoticeField, RereadsReason};
/// let r = RereadsReason::ReadNotText { field: NoticeField::UserId, read: 2, given: "int".into() };
/// assert_eq!(r.message(Lang::Ja), "「テストID／ID」（user_id）の2番目の読み取り結果が文字列ではありません（渡された型: int）");
/// assert_eq!(r.message(Lang::En), "read 2 of user_id is not text (int given)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RereadsReason {
    /// The notice was not read by OCR (only `parse_ocr` and `parse_ocr_tsv` give one).
    NotOcr,
    /// A field that is not read again (the date, the 国保連, the remarks).
    NotReread {
        /// The field.
        field: NoticeField,
    },
    /// A key that names no field (a caller's JSON or mapping).
    UnknownField {
        /// The key as given (quoted shortened, its invisible characters as `<U+XXXX>`).
        key: String,
    },
    /// More than [`MAX_REREADS`] reads of one field.
    TooManyReads {
        /// The field.
        field: NoticeField,
        /// How many reads were given.
        count: usize,
    },
    /// A read longer than [`MAX_REREAD_CHARS`] characters.
    ReadTooLong {
        /// The field.
        field: NoticeField,
        /// The read's 1-based position among the field's reads.
        read: usize,
    },
    /// JSON that is not an object of arrays of strings (the C face's `rereads_json`).
    NotJson {
        /// 1-based line where reading stopped.
        line: usize,
        /// 1-based column where reading stopped.
        column: usize,
    },
    /// Rereads that are not a mapping of field names to lists of reads (a binding's argument).
    NotAMapping {
        /// The name of the type given (e.g. `list`).
        given: String,
    },
    /// A field name that is not text.
    KeyNotText {
        /// The name of the type given.
        given: String,
    },
    /// A field's reads that are not a list of texts (one text, a number, …).
    ReadsNotAList {
        /// The field.
        field: NoticeField,
        /// The name of the type given.
        given: String,
    },
    /// A read that is not text.
    ReadNotText {
        /// The field.
        field: NoticeField,
        /// The read's 1-based position among the field's reads.
        read: usize,
        /// The name of the type given.
        given: String,
    },
}

/// A field as the messages name it: its label and key in Japanese, its key in English.
fn named(field: NoticeField, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("「{}」（{}）", field.label(), field.key()),
        Lang::En => field.key().to_owned(),
    }
}

/// A name given by a caller (a key, a type's name), for a message: at most 40
/// characters, its invisible characters as `<U+XXXX>`.
fn shown(s: &str) -> String {
    text::readable(&super::ocr::shown(s))
}

impl RereadsReason {
    /// The reason in `lang`, without a final full stop (it follows the
    /// code's own sentence).
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            RereadsReason::NotOcr => if ja {
                "このお知らせは OCR で読み取ったものではありません（parse_ocr か parse_ocr_tsv で読んだお知らせにだけ使えます）"
            } else {
                "the notice was not read by OCR (parse_ocr or parse_ocr_tsv)"
            }
            .to_owned(),
            RereadsReason::NotReread { field } => {
                if ja {
                    let all: Vec<String> = REREAD_FIELDS
                        .iter()
                        .map(|f| format!("{}（{}）", f.label(), f.key()))
                        .collect();
                    format!(
                        "{}は読み直しの対象ではありません（対象は {}）",
                        named(*field, lang),
                        all.join("・")
                    )
                } else {
                    let all: Vec<&str> = REREAD_FIELDS.iter().map(|f| f.key()).collect();
                    format!(
                        "{} is not re-read (only {} are)",
                        field.key(),
                        all.join(", ")
                    )
                }
            }
            RereadsReason::UnknownField { key } => {
                let key = shown(key);
                let all: Vec<&str> = REREAD_FIELDS.iter().map(|f| f.key()).collect();
                if ja {
                    format!(
                        "「{key}」という項目はありません（使える項目: {}）",
                        all.join("・")
                    )
                } else {
                    format!("unknown field \"{key}\" (the fields: {})", all.join(", "))
                }
            }
            RereadsReason::TooManyReads { field, count } => {
                if ja {
                    format!(
                        "{}の読み取り結果が{count}個あります（{MAX_REREADS}個まで）",
                        named(*field, lang)
                    )
                } else {
                    format!("{} has {count} reads (at most {MAX_REREADS})", field.key())
                }
            }
            RereadsReason::ReadTooLong { field, read } => {
                if ja {
                    format!(
                        "{}の{read}番目の読み取り結果が{MAX_REREAD_CHARS}文字を超えています",
                        named(*field, lang)
                    )
                } else {
                    format!(
                        "read {read} of {} is longer than {MAX_REREAD_CHARS} characters",
                        field.key()
                    )
                }
            }
            RereadsReason::NotJson { line, column } => {
                if ja {
                    format!(
                        "項目名と文字列の配列の組（JSON オブジェクト）として読めません（{line}行{column}列目）"
                    )
                } else {
                    format!(
                        "not an object of arrays of strings (line {line}, column {column})"
                    )
                }
            }
            RereadsReason::NotAMapping { given } => {
                let given = shown(given);
                if ja {
                    format!(
                        "項目名と読み取り結果のリストの対応（マッピング）ではありません（渡された型: {given}）"
                    )
                } else {
                    format!(
                        "the rereads are not a mapping of field names to lists of reads ({given} given)"
                    )
                }
            }
            RereadsReason::KeyNotText { given } => {
                let given = shown(given);
                if ja {
                    format!("項目名が文字列ではありません（渡された型: {given}）")
                } else {
                    format!("a field name is not text ({given} given)")
                }
            }
            RereadsReason::ReadsNotAList { field, given } => {
                let given = shown(given);
                if ja {
                    format!(
                        "{}の読み取り結果が文字列のリストではありません（渡された型: {given}）",
                        named(*field, lang)
                    )
                } else {
                    format!(
                        "the reads of {} are not a list of texts ({given} given)",
                        field.key()
                    )
                }
            }
            RereadsReason::ReadNotText { field, read, given } => {
                let given = shown(given);
                if ja {
                    format!(
                        "{}の{read}番目の読み取り結果が文字列ではありません（渡された型: {given}）",
                        named(*field, lang)
                    )
                } else {
                    format!("read {read} of {} is not text ({given} given)", field.key())
                }
            }
        }
    }
}

/// Why JSON is not a notice
/// ([`NoticeProblem::JsonInvalid`](super::NoticeProblem::JsonInvalid)), in both
/// languages ([`JsonReason::message`]).
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::Lang;
/// use hug_onboard_core::notice::JsonReason;
/// let r = JsonReason::NotAString { key: "user_id" };
/// assert_eq!(r.message(Lang::Ja), "「user_id」は文字列で指定してください");
/// assert_eq!(r.message(Lang::En), "user_id must be a string");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonReason {
    /// Not JSON: where reading stopped (the parser's own message may quote a value).
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not an object.
    NotAnObject,
    /// A key that is not a field of a notice.
    UnknownField {
        /// The key (quoted shortened, invisible characters as `<U+XXXX>`).
        key: String,
    },
    /// A field whose value is not a string (nor `null`).
    NotAString {
        /// The field's key.
        key: &'static str,
    },
    /// A `kind` that is not `test` or `production`.
    UnknownKind {
        /// What was given (quoted shortened).
        given: String,
    },
    /// No `kind`.
    KindMissing,
}

impl JsonReason {
    /// The reason in `lang`, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            JsonReason::Syntax { line, column } => {
                if ja {
                    format!("JSON として読めません（{line}行{column}列目）")
                } else {
                    format!("not valid JSON (line {line}, column {column})")
                }
            }
            JsonReason::NotAnObject => if ja {
                "JSON オブジェクト（{…}）ではありません"
            } else {
                "not a JSON object ({…})"
            }
            .to_owned(),
            JsonReason::UnknownField { key } => {
                let key = shown(key);
                if ja {
                    format!("「{key}」という項目はありません")
                } else {
                    format!("unknown field \"{key}\"")
                }
            }
            JsonReason::NotAString { key } => {
                if ja {
                    format!("「{key}」は文字列で指定してください")
                } else {
                    format!("{key} must be a string")
                }
            }
            JsonReason::UnknownKind { given } => {
                let given = shown(given);
                if ja {
                    format!("kind「{given}」は使えません（\"test\" か \"production\"）")
                } else {
                    format!("kind must be \"test\" or \"production\", not \"{given}\"")
                }
            }
            JsonReason::KindMissing => if ja {
                "kind（\"test\" か \"production\"）がありません"
            } else {
                "kind is missing"
            }
            .to_owned(),
        }
    }
}

/// Why Tesseract's TSV cannot be read
/// ([`NoticeProblem::TsvInvalid`](super::NoticeProblem::TsvInvalid)), in both
/// languages ([`TsvReason::message`]).
///
/// # Example
///
/// ```
/// use hug_onboard_core::diagnostic::Lang;
/// use hug_onboard_core::notice::TsvReason;
/// assert_eq!(TsvReason::NoColumn { name: "conf" }.message(Lang::En), "no column \"conf\" (not Tesseract's TSV output)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TsvReason {
    /// The header has no column of that name.
    NoColumn {
        /// The column Tesseract's TSV has.
        name: &'static str,
    },
    /// A number column holds something else.
    NotANumber {
        /// The column's name in the header.
        column: String,
    },
    /// A word box of no width or height.
    NoSize,
}

impl TsvReason {
    /// The reason in `lang`, without a final full stop.
    pub fn message(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            TsvReason::NoColumn { name } => {
                if ja {
                    format!(
                        "見出し行に「{name}」の列がありません（Tesseract の TSV 出力ではありません）"
                    )
                } else {
                    format!("no column \"{name}\" (not Tesseract's TSV output)")
                }
            }
            TsvReason::NotANumber { column } => {
                let column = shown(column);
                if ja {
                    format!("「{column}」の列が数値ではありません")
                } else {
                    format!("column \"{column}\" is not a number")
                }
            }
            TsvReason::NoSize => if ja {
                "単語の枠に幅か高さがありません"
            } else {
                "a word box has no size"
            }
            .to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::notice::{NoticeProblem, RegistrationNotice};

    /// The words left in a Japanese message once the identifiers it may quote
    /// (field keys, function names, type names given, OCR, JSON, ID) are removed.
    fn english_words(ja: &str) -> Vec<String> {
        let allowed: Vec<&str> = [
            "parse_ocr",
            "parse_ocr_tsv",
            "OCR",
            "JSON",
            "ID",
            "int",
            "list",
            "U",
            "nope",
            "kind",
            "test",
            "production",
            "Tesseract",
            "TSV",
            "level",
            "conf",
            "left",
        ]
        .into_iter()
        .chain(REREAD_FIELDS.iter().map(|f| f.key()))
        .chain(["date", "federation", "remarks"])
        .collect();
        ja.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
            .filter(|w| !allowed.contains(w) && !w.starts_with(|c: char| c.is_ascii_digit()))
            .map(str::to_owned)
            .collect()
    }

    fn every_reason() -> Vec<RereadsReason> {
        let field = NoticeField::TemporaryPassword;
        vec![
            RereadsReason::NotOcr,
            RereadsReason::NotReread {
                field: NoticeField::Date,
            },
            RereadsReason::UnknownField { key: "nope".into() },
            RereadsReason::TooManyReads { field, count: 65 },
            RereadsReason::ReadTooLong { field, read: 2 },
            RereadsReason::NotJson { line: 1, column: 2 },
            RereadsReason::NotAMapping {
                given: "list".into(),
            },
            RereadsReason::KeyNotText {
                given: "int".into(),
            },
            RereadsReason::ReadsNotAList {
                field,
                given: "int".into(),
            },
            RereadsReason::ReadNotText {
                field,
                read: 2,
                given: "int".into(),
            },
        ]
    }

    #[test]
    fn every_reason_is_given_in_both_languages() {
        for reason in every_reason() {
            let p = NoticeProblem::OcrRereadsInvalid {
                reason: reason.clone(),
            };
            let (ja, en) = (p.message(Lang::Ja), p.message(Lang::En));
            assert_eq!(english_words(&ja), Vec::<String>::new(), "{ja}");
            assert!(ja != en && !en.is_empty(), "{reason:?}");
            assert!(en.contains(&reason.message(Lang::En)), "{en}");
        }
    }

    #[test]
    fn the_reasons_of_with_ocr_rereads_are_japanese_in_japanese() {
        let text = "事業所番号 1312345678\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567";
        let typed = RegistrationNotice::parse(text).unwrap();
        let ocr = RegistrationNotice::parse_ocr(text).unwrap();
        let pw = NoticeField::TemporaryPassword;
        let cases = [
            typed.with_ocr_rereads(&[(pw, vec!["Kari0123".into()])]),
            ocr.with_ocr_rereads(&[(NoticeField::Remarks, vec!["x".into()])]),
            ocr.with_ocr_rereads(&[(pw, vec!["Kari0123".into(); MAX_REREADS + 1])]),
            ocr.with_ocr_rereads(&[(pw, vec!["a".into(), "b".repeat(MAX_REREAD_CHARS + 1)])]),
        ];
        for r in cases {
            let p = r.unwrap_err();
            let e = p.iter().next().unwrap();
            assert_eq!(e.code(), "notice.ocr_rereads_invalid");
            let ja = e.message(Lang::Ja);
            assert_eq!(english_words(&ja), Vec::<String>::new(), "{ja}");
            assert!(!ja.contains("Kari0123") && !e.message(Lang::En).contains("Kari0123"));
        }
    }

    #[test]
    fn json_and_tsv_reasons_are_japanese_in_japanese() {
        let json = [
            JsonReason::Syntax { line: 1, column: 2 },
            JsonReason::NotAnObject,
            JsonReason::UnknownField { key: "nope".into() },
            JsonReason::NotAString { key: "user_id" },
            JsonReason::UnknownKind {
                given: "nope".into(),
            },
            JsonReason::KindMissing,
        ];
        let tsv = [
            TsvReason::NoColumn { name: "level" },
            TsvReason::NotANumber {
                column: "conf".into(),
            },
            TsvReason::NoSize,
        ];
        let problems = json
            .into_iter()
            .map(|reason| NoticeProblem::JsonInvalid { reason })
            .chain(
                tsv.into_iter()
                    .map(|reason| NoticeProblem::TsvInvalid { line: 2, reason }),
            );
        for p in problems {
            let ja = p.message(Lang::Ja);
            assert_eq!(english_words(&ja), Vec::<String>::new(), "{ja}");
            assert!(!p.message(Lang::En).is_empty());
        }
        // Through the readers (the reasons were English inside the Japanese message).
        let header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";
        let results = [
            RegistrationNotice::from_json("{").map(|_| ()),
            RegistrationNotice::from_json("[1]").map(|_| ()),
            RegistrationNotice::from_json(r#"{"nope":1}"#).map(|_| ()),
            RegistrationNotice::from_json(r#"{"kind":"nope","user_id":12345678}"#).map(|_| ()),
            RegistrationNotice::parse_ocr_tsv("a\tb\n").map(|_| ()),
            RegistrationNotice::parse_ocr_tsv(&format!(
                "{header}5\t1\t1\t1\t1\t1\tx\t1\t1\t1\t95\tID\n"
            ))
            .map(|_| ()),
            RegistrationNotice::parse_ocr_tsv(&format!(
                "{header}5\t1\t1\t1\t1\t1\t1\t1\t0\t0\t95\tID\n"
            ))
            .map(|_| ()),
        ];
        for r in results {
            let p = r.unwrap_err();
            for e in p.iter() {
                let ja = e.message(Lang::Ja);
                assert_eq!(english_words(&ja), Vec::<String>::new(), "{ja}");
                assert!(!ja.contains("12345678") && !e.message(Lang::En).contains("12345678"));
            }
        }
    }

    #[test]
    fn an_unknown_key_is_quoted_readably_and_shortened() {
        let r = RereadsReason::UnknownField {
            key: format!("R\u{301}\u{200B}\n{}", "x".repeat(100)),
        };
        let en = r.message(Lang::En);
        assert!(en.contains("\"R\u{301}<U+200B><U+000A>x"), "{en}");
        assert!(en.contains('…') && !en.contains(&"x".repeat(41)), "{en}");
        assert!(!en.contains("\\u{"), "{en}");
    }
}
