//! The 電子請求登録結果に関するお知らせ (registration notice): parse, read fields,
//! reveal the passwords only on request.

use std::ffi::c_char;

use hug_onboard_core::diagnostic::Diagnostic;
use hug_onboard_core::notice::{
    NoticeField, NoticeKind, NoticeProblem, RegistrationNotice, RereadsReason,
};

use crate::error::{
    Failure, FfiProblem, arg_out, arg_ref, arg_str, ffi_boundary, hug_status, new_c_string,
    new_json_string, new_secret_c_string,
};
use crate::facility::hug_facility_number;
use crate::hug_date;

/// Which notice it is, as an integer.
pub type hug_notice_kind = i32;
/// The first notice: its ID is labelled テストID (set-up and certificate only; cannot bill).
pub const HUG_NOTICE_TEST: hug_notice_kind = 0;
/// The later notice: its ID is labelled ID (the one that sends claims).
pub const HUG_NOTICE_PRODUCTION: hug_notice_kind = 1;

/// A text field of a notice (`hug_notice_field`), as an integer.
pub type hug_notice_field_id = i32;
/// 宛先 国保連 name.
pub const HUG_NOTICE_FIELD_FEDERATION: hug_notice_field_id = 0;
/// 事業所番号 (10 digits).
pub const HUG_NOTICE_FIELD_FACILITY_NUMBER: hug_notice_field_id = 1;
/// 〒 postal code, `NNN-NNNN`.
pub const HUG_NOTICE_FIELD_POSTAL_CODE: hug_notice_field_id = 2;
/// 住所.
pub const HUG_NOTICE_FIELD_ADDRESS: hug_notice_field_id = 3;
/// 事業所名.
pub const HUG_NOTICE_FIELD_FACILITY_NAME: hug_notice_field_id = 4;
/// テストID or ID.
pub const HUG_NOTICE_FIELD_USER_ID: hug_notice_field_id = 5;
/// 備考.
pub const HUG_NOTICE_FIELD_REMARKS: hug_notice_field_id = 6;
/// 日付, as ISO `YYYY-MM-DD` (see also `hug_notice_date`).
pub const HUG_NOTICE_FIELD_DATE: hug_notice_field_id = 7;

/// A parsed registration notice. Opaque; made by `hug_notice_parse` or
/// `hug_notice_from_json`, freed by `hug_notice_free` (which wipes its passwords).
/// Read-only once made: may be shared by threads.
pub struct hug_notice {
    inner: RegistrationNotice,
}

impl hug_notice {
    pub(crate) fn inner(&self) -> &RegistrationNotice {
        &self.inner
    }
}

fn made(
    r: Result<
        RegistrationNotice,
        hug_onboard_core::diagnostic::Problems<hug_onboard_core::notice::NoticeProblem>,
    >,
    out: crate::error::OutPtr<*mut hug_notice>,
) -> Result<(), Failure> {
    let n = r.map_err(|p| Failure::problems(&p))?;
    out.write(Box::into_raw(Box::new(hug_notice { inner: n })));
    Ok(())
}

/// Parses the pasted or OCR'd text of the notice (labels as printed, tab or space
/// separated, full-width noise). Every problem is reported at once.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` with every
/// `notice.*` problem in the last error.
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_parse(
    text: *const c_char,
    out: *mut *mut hug_notice,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let out = arg_out(out, "out")?;
        made(RegistrationNotice::parse(text), out)
    })
}

/// Parses the text an OCR engine made of the notice: labels found despite damaged
/// glyphs (`症明書発行用パスワード`, `テストTD`), stray marks and table borders
/// dropped, a column-by-column text paired only when counts and shapes agree. The
/// notice's findings (`hug_notice_findings_json`) ask the user to compare the ID and
/// passwords with the paper (`notice.ocr_confusable` with positions, …);
/// `hug_notice_ocr_json` tells where each field came from.
///
/// # Errors
/// As `hug_notice_parse`, plus `notice.ocr_columns_unpaired`.
///
/// # Safety
/// `text` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_parse_ocr_text(
    text: *const c_char,
    out: *mut *mut hug_notice,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let text = unsafe { arg_str(text, "text") }?;
        let out = arg_out(out, "out")?;
        made(RegistrationNotice::parse_ocr(text), out)
    })
}

/// Parses Tesseract's TSV output (`tesseract IMAGE - -l jpn tsv`): the words are
/// grouped into visual rows so each label pairs with the value on its row; each field
/// keeps its row's confidence (`hug_notice_ocr_json`).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_JSON` (invalid data:
/// `notice.tsv_invalid`, a TSV without Tesseract's columns); `HUG_ERR_VALIDATION` with every
/// `notice.*` problem.
///
/// # Safety
/// `tsv` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_parse_ocr_tsv(
    tsv: *const c_char,
    out: *mut *mut hug_notice,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let tsv = unsafe { arg_str(tsv, "tsv") }?;
        let out = arg_out(out, "out")?;
        made(RegistrationNotice::parse_ocr_tsv(tsv), out)
    })
}

/// Where the fields of an OCR'd notice came from, as JSON (no values, no secrets):
/// `{"input":"tsv","fields":[{"field":"user_id","line":7,"label_read":"テストTD",
/// "label_edits":1,"confidence":91,"by_column_order":false,"value_box":{"left":880,
/// "top":1210,"width":260,"height":44},"value_charset":"!\"#…~"}]}` (`value_box`: the
/// value's cell in the image the TSV was read from, for a second OCR pass; `null` for OCR
/// text; `value_charset`: the characters that pass may restrict its engine to — digits
/// for the 事業所番号, printable ASCII for the ID, letters, digits and the password
/// screens' symbols for the passwords, `null` for free text), or `null` for a notice
/// read from typed text or JSON. Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_ocr_json(
    notice: *const hug_notice,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let out = arg_out(out_json, "out_json")?;
        let v = n
            .inner
            .ocr
            .as_ref()
            .map(|o| o.to_json_value())
            .unwrap_or(serde_json::Value::Null);
        out.write(new_c_string(v.to_string())?);
        Ok(())
    })
}

/// Reconciles an OCR'd notice with a second pass over its cells (the core's
/// `RegistrationNotice::with_ocr_rereads`; the cells are the `value_box`es of
/// `hug_notice_ocr_json`). `rereads_json` is an object mapping `facility_number`,
/// `user_id`, `temporary_password`, `certificate_password`, `postal_code`,
/// `facility_name` or `address` to an array of strings: that cell read again (e.g. by
/// an engine restricted to the field's characters). For the tokens the second reads'
/// plurality is kept (a tie keeps the page's value); the 事業所名 and the address are
/// voted character by character; every disagreement is a `notice.ocr_reads_disagree`
/// finding. Writes a new notice
/// to `out` (free it with `hug_notice_free`); `notice` is unchanged.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_ARGUMENT`
/// (`notice.ocr_rereads_invalid`) for JSON that is not such an object, an unknown
/// field or one that is not re-read (`date`, `federation`, `remarks`), more than 64
/// reads for a field or a read over 1 000 characters, or a notice not read by OCR.
///
/// # Safety
/// `notice` live; `rereads_json` NUL-terminated; `out` writable. Thread safety: any
/// thread; `notice` is only read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_with_ocr_rereads(
    notice: *const hug_notice,
    rereads_json: *const c_char,
    out: *mut *mut hug_notice,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(rereads_json, "rereads_json") }?;
        let out = arg_out(out, "out")?;
        made(with_rereads(json, |r| n.inner.with_ocr_rereads(r)), out)
    })
}

/// `f` with the rereads of `rereads_json` (as `parse_rereads` reads them), wiped after
/// (they may be passwords).
fn with_rereads(
    json: &str,
    f: impl FnOnce(
        &[(NoticeField, Vec<String>)],
    )
        -> Result<RegistrationNotice, hug_onboard_core::diagnostic::Problems<NoticeProblem>>,
) -> Result<RegistrationNotice, hug_onboard_core::diagnostic::Problems<NoticeProblem>> {
    let mut rereads = parse_rereads(json)?;
    let r = f(&rereads);
    for (_, reads) in &mut rereads {
        reads.iter_mut().for_each(zeroize::Zeroize::zeroize);
    }
    r
}

/// `rereads_json` as the core takes it (`notice.ocr_rereads_invalid` for JSON that is not
/// an object of arrays of strings, or an unknown field). A key given twice keeps both
/// lists of reads (the core joins them), as a Rust caller's repeated entries are: a JSON
/// map would silently keep the last.
#[allow(clippy::type_complexity)]
fn parse_rereads(
    json: &str,
) -> Result<Vec<(NoticeField, Vec<String>)>, hug_onboard_core::diagnostic::Problems<NoticeProblem>>
{
    /// The object's entries in order, repeated keys included.
    struct Entries(Vec<(String, Vec<String>)>);
    impl<'de> serde::Deserialize<'de> for Entries {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Entries;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object of arrays of strings")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Entries, A::Error> {
                    let mut v = Vec::new();
                    while let Some(entry) = map.next_entry::<String, Vec<String>>()? {
                        v.push(entry);
                    }
                    Ok(Entries(v))
                }
            }
            d.deserialize_map(V)
        }
    }
    let invalid = |reason: RereadsReason| {
        hug_onboard_core::diagnostic::Problems::one(NoticeProblem::OcrRereadsInvalid { reason })
    };
    let Entries(parsed) = serde_json::from_str(json).map_err(|e| {
        // Position only: serde's message may quote a value (a password).
        invalid(RereadsReason::NotJson {
            line: e.line(),
            column: e.column(),
        })
    })?;
    let mut rereads = Vec::new();
    let mut rest = parsed.into_iter();
    while let Some((key, mut reads)) = rest.next() {
        match NoticeField::from_key(&key) {
            Some(f) => rereads.push((f, reads)),
            None => {
                // The reads may be passwords: wiped before they are freed.
                reads.iter_mut().for_each(zeroize::Zeroize::zeroize);
                for (_, r) in &mut rereads {
                    r.iter_mut().for_each(zeroize::Zeroize::zeroize);
                }
                for (_, mut r) in rest {
                    r.iter_mut().for_each(zeroize::Zeroize::zeroize);
                }
                return Err(invalid(RereadsReason::UnknownField { key }));
            }
        }
    }
    Ok(rereads)
}

/// Where each field's value is on the page of a Tesseract TSV, **without checking the
/// values** (the core's `RegistrationNotice::ocr_layout_tsv`), as JSON in the shape of
/// `hug_notice_ocr_json` (`fields` with `value_box` and `value_charset`; no values, no
/// findings): the cells a second OCR pass reads before
/// `hug_notice_parse_ocr_tsv_with_rereads`, also for a letter `hug_notice_parse_ocr_tsv`
/// refuses (a `0` read as `9` in the 事業所番号's prefecture code). Free with
/// `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; for the TSV itself, never for a field's
/// value: `HUG_ERR_INVALID_JSON` (`notice.tsv_invalid`, a TSV without Tesseract's columns),
/// `HUG_ERR_VALIDATION` (`notice.empty`, `notice.too_long`, `notice.control_char`).
///
/// # Safety
/// `tsv` NUL-terminated; `out_json` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_ocr_layout_json(
    tsv: *const c_char,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let tsv = unsafe { arg_str(tsv, "tsv") }?;
        let out = arg_out(out_json, "out_json")?;
        let layout = RegistrationNotice::ocr_layout_tsv(tsv).map_err(|p| Failure::problems(&p))?;
        out.write(new_c_string(layout.to_json_value().to_string())?);
        Ok(())
    })
}

/// `hug_notice_parse_ocr_tsv` and `hug_notice_with_ocr_rereads` in one step (the core's
/// `RegistrationNotice::parse_ocr_tsv_with_rereads`): `rereads_json` as
/// `hug_notice_with_ocr_rereads` takes it, the cells those of `hug_notice_ocr_layout_json`.
/// A 事業所番号, ID or password the page read in the field's shape but invalid (ten digits
/// whose prefecture code is unknown; or out of shape on its label's row but one word near
/// the field's length, such as 11 digits or a password with a `」`) is taken from the valid
/// plurality of its cell's second reads when at least two of them agree
/// (`notice.ocr_page_read_invalid`, a warning) instead of refusing the letter; then every field is reconciled as by
/// `hug_notice_with_ocr_rereads`. Writes the notice to `out` (free it with
/// `hug_notice_free`).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_INVALID_ARGUMENT`
/// (`notice.ocr_rereads_invalid`) for rereads it does not take; otherwise as
/// `hug_notice_parse_ocr_tsv` (`HUG_ERR_INVALID_JSON` for `notice.tsv_invalid`,
/// `HUG_ERR_VALIDATION` with every `notice.*` problem).
///
/// # Safety
/// `tsv`, `rereads_json` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_parse_ocr_tsv_with_rereads(
    tsv: *const c_char,
    rereads_json: *const c_char,
    out: *mut *mut hug_notice,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let tsv = unsafe { arg_str(tsv, "tsv") }?;
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(rereads_json, "rereads_json") }?;
        let out = arg_out(out, "out")?;
        made(
            with_rereads(json, |r| {
                RegistrationNotice::parse_ocr_tsv_with_rereads(tsv, r)
            }),
            out,
        )
    })
}

/// Reads a notice from its JSON (as `hug_notice_to_json` or `hug_notice_reveal_json` write it).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`, `HUG_ERR_INVALID_UTF8`; `HUG_ERR_VALIDATION` with every problem.
///
/// # Safety
/// `json` NUL-terminated; `out` writable. Thread safety: any thread, any time.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_from_json(
    json: *const c_char,
    out: *mut *mut hug_notice,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let json = unsafe { arg_str(json, "json") }?;
        let out = arg_out(out, "out")?;
        made(RegistrationNotice::from_json(json), out)
    })
}

/// Frees a notice (its passwords are wiped). NULL is accepted and ignored.
///
/// # Safety
/// `notice` optional: NULL (ignored) or made by this library and not yet freed; no other thread uses it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_free(notice: *mut hug_notice) {
    crate::error::guard((), || {
        if !notice.is_null() {
            // SAFETY: made by Box::into_raw in this module (caller's contract).
            drop(unsafe { Box::from_raw(notice) });
        }
    })
}

/// Which notice it is: `HUG_NOTICE_TEST` (テストID) or `HUG_NOTICE_PRODUCTION` (ID).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; `out_kind` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_kind_get(
    notice: *const hug_notice,
    out_kind: *mut hug_notice_kind,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let out = arg_out(out_kind, "out_kind")?;
        out.write(match n.inner.kind {
            NoticeKind::Test => HUG_NOTICE_TEST,
            NoticeKind::Production => HUG_NOTICE_PRODUCTION,
        });
        Ok(())
    })
}

/// Checks that the notice is of the expected kind: the top support problem is
/// typing the テストID where the production ID is needed, or the reverse.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_enum`);
/// `HUG_ERR_VALIDATION` (`notice.wrong_kind`, with the advice in the message).
///
/// # Safety
/// `notice` live. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_expect_kind(
    notice: *const hug_notice,
    expected: hug_notice_kind,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let kind = match expected {
            HUG_NOTICE_TEST => NoticeKind::Test,
            HUG_NOTICE_PRODUCTION => NoticeKind::Production,
            v => {
                return Err(Failure::ffi(FfiProblem::InvalidEnum {
                    param: "expected",
                    value: v.into(),
                }));
            }
        };
        n.inner.expect_kind(kind).map_err(|e| Failure::diag(&e))
    })
}

/// The notice's 日付 (parsed from 和暦): writes whether it was present and, if so, the date
/// (`{0, 0, 0}` when absent).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; out-pointers writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_date(
    notice: *const hug_notice,
    out_present: *mut bool,
    out_date: *mut hug_date,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let (op, od) = (
            arg_out(out_present, "out_present")?,
            arg_out(out_date, "out_date")?,
        );
        let d = n.inner.date.map(hug_date::from_naive);
        op.write(d.is_some());
        od.write(d.unwrap_or(hug_date {
            year: 0,
            month: 0,
            day: 0,
        }));
        Ok(())
    })
}

/// The notice's 事業所番号 as a `hug_facility_number`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_facility_number(
    notice: *const hug_notice,
    out: *mut hug_facility_number,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let out = arg_out(out, "out")?;
        out.write(crate::facility::to_c(&n.inner.facility_number));
        Ok(())
    })
}

/// A text field of the notice (`HUG_NOTICE_FIELD_*`). Writes a new string (free with
/// `hug_string_free`), or NULL when the notice did not have that (optional) field.
/// The passwords are not fields: see `hug_notice_reveal_temporary_password`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`; `HUG_ERR_INVALID_ARGUMENT` (`ffi.invalid_enum`).
///
/// # Safety
/// `notice` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_field(
    notice: *const hug_notice,
    field: hug_notice_field_id,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = &unsafe { arg_ref(notice, "notice") }?.inner;
        let v: Option<String> = match field {
            HUG_NOTICE_FIELD_FEDERATION => n.federation.clone(),
            HUG_NOTICE_FIELD_FACILITY_NUMBER => Some(n.facility_number.as_str().to_owned()),
            HUG_NOTICE_FIELD_POSTAL_CODE => n.postal_code.map(|p| p.to_string()),
            HUG_NOTICE_FIELD_ADDRESS => n.address.clone(),
            HUG_NOTICE_FIELD_FACILITY_NAME => n.facility_name.clone(),
            HUG_NOTICE_FIELD_USER_ID => Some(n.user_id.as_str().to_owned()),
            HUG_NOTICE_FIELD_REMARKS => n.remarks.clone(),
            HUG_NOTICE_FIELD_DATE => n.date.map(|d| d.to_string()),
            v => {
                return Err(Failure::ffi(FfiProblem::InvalidEnum {
                    param: "field",
                    value: v.into(),
                }));
            }
        };
        let out = arg_out(out, "out")?;
        out.write(match v {
            Some(s) => new_c_string(s)?,
            None => std::ptr::null_mut(),
        });
        Ok(())
    })
}

/// The warnings found while reading the notice (a missing optional field, …) as JSON:
/// `[{"code":"notice.optional_field_missing","severity":"warning","message_ja":"…","message_en":"…"}]`
/// (`[]` when none). Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_findings_json(
    notice: *const hug_notice,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let out = arg_out(out_json, "out_json")?;
        let f: Vec<_> = n
            .inner
            .findings()
            .iter()
            .map(Diagnostic::to_finding)
            .collect();
        out.write(new_json_string(&f)?);
        Ok(())
    })
}

/// The notice as JSON **without** its passwords (`"secrets_redacted": true`): safe
/// to store and log. Free with `hug_string_free`.
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_to_json(
    notice: *const hug_notice,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let out = arg_out(out_json, "out_json")?;
        out.write(new_c_string(n.inner.to_json())?);
        Ok(())
    })
}

/// The notice as JSON **with** its passwords: only for handing it to a secure store.
/// Free with `hug_string_free` (which wipes it).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; `out_json` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_reveal_json(
    notice: *const hug_notice,
    out_json: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let out = arg_out(out_json, "out_json")?;
        let j = zeroize::Zeroizing::new(n.inner.to_json_with_secrets());
        out.write(new_secret_c_string(&j)?);
        Ok(())
    })
}

/// The (仮)パスワード printed on the notice: the explicit, greppable way to read it.
/// Free with `hug_string_free` (which wipes it).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_reveal_temporary_password(
    notice: *const hug_notice,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let out = arg_out(out, "out")?;
        out.write(new_secret_c_string(n.inner.temporary_password.expose())?);
        Ok(())
    })
}

/// The 証明書発行用パスワード printed on the notice. Free with `hug_string_free` (which wipes it).
///
/// # Errors
/// `HUG_ERR_NULL_ARGUMENT`.
///
/// # Safety
/// `notice` live; `out` writable. Thread safety: any thread; read only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hug_notice_reveal_certificate_password(
    notice: *const hug_notice,
    out: *mut *mut c_char,
) -> hug_status {
    ffi_boundary!({
        // SAFETY: caller's contract.
        let n = unsafe { arg_ref(notice, "notice") }?;
        let out = arg_out(out, "out")?;
        out.write(new_secret_c_string(n.inner.certificate_password.expose())?);
        Ok(())
    })
}
