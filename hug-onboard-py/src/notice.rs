//! `RegistrationNotice`.

use chrono::NaiveDate;
use hug_onboard_core::notice::{
    NoticeField, NoticeKind, NoticeProblem, RegistrationNotice, RereadsReason,
};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMapping, PySequence, PyString};

use crate::errors::{
    BindingCode, PyFinding, binding_err, guard, parse_lang, problems_err, py_repr, shown, to_err,
};
use crate::errors::{Text, text_of};
use crate::facility::{PyFacilityNumber, PyUserId};

/// The registration notice (電子請求登録結果に関するお知らせ). Secrets only through
/// `temporary_password()`, `certificate_password()` and `to_json_with_secrets()`.
#[pyclass(
    module = "hug_onboard._native",
    name = "RegistrationNotice",
    frozen,
    eq
)]
#[derive(Clone, Debug, PartialEq)]
pub struct PyNotice(pub RegistrationNotice, pub Vec<PyFinding>);

impl PyNotice {
    /// A notice without the binding's own findings.
    fn new(notice: RegistrationNotice) -> Self {
        PyNotice(notice, Vec::new())
    }
}

fn parse_kind(py: Python<'_>, kind: &str) -> PyResult<NoticeKind> {
    NoticeKind::parse(kind).ok_or_else(|| {
        binding_err(
            py,
            BindingCode::InvalidKind,
            format!(
                "お知らせの種類「{}」は使えません。\"test\" か \"production\" です。",
                shown(kind)
            ),
            format!(
                "Unknown notice kind \"{}\"; use \"test\" or \"production\".",
                shown(kind)
            ),
        )
    })
}

#[pymethods]
impl PyNotice {
    /// Parses the letter's text (typed, pasted or OCR'd); raises ValidationError with every problem.
    #[staticmethod]
    fn parse(py: Python<'_>, text: Text) -> PyResult<Self> {
        let text: &str = &text;
        guard(py, || {
            RegistrationNotice::parse(text)
                .map(PyNotice::new)
                .map_err(|p| problems_err(py, &p))
        })
    }

    /// Parses the text an OCR engine made of the letter (damaged labels, stray
    /// marks, table borders, column-by-column text); the findings ask the user to
    /// compare the ID and passwords with the paper.
    #[staticmethod]
    fn parse_ocr(py: Python<'_>, text: Text) -> PyResult<Self> {
        let text: &str = &text;
        guard(py, || {
            RegistrationNotice::parse_ocr(text)
                .map(PyNotice::new)
                .map_err(|p| problems_err(py, &p))
        })
    }

    /// Parses Tesseract's TSV output (word boxes): each label pairs with the value on its row.
    /// With `rereads` (as `with_ocr_rereads` takes them, the cells of `ocr_layout_json`) a
    /// key field the page read in an invalid form is taken from its cell's second reads when
    /// at least two agree (`notice.ocr_page_read_invalid`) instead of refusing the letter, then every field is
    /// reconciled as by `with_ocr_rereads`.
    #[staticmethod]
    #[pyo3(signature = (tsv, rereads = None))]
    fn parse_ocr_tsv(
        py: Python<'_>,
        tsv: Text,
        rereads: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let tsv: &str = &tsv;
        guard(py, || {
            let Some(rereads) = rereads else {
                return RegistrationNotice::parse_ocr_tsv(tsv)
                    .map(PyNotice::new)
                    .map_err(|p| problems_err(py, &p));
            };
            let mut v = reread_fields(py, rereads)?;
            let r = RegistrationNotice::parse_ocr_tsv_with_rereads(tsv, &v);
            // The reads may be passwords: wiped before they are freed.
            for (_, reads) in &mut v {
                reads.iter_mut().for_each(zeroize::Zeroize::zeroize);
            }
            r.map(PyNotice::new).map_err(|p| problems_err(py, &p))
        })
    }

    /// Where each field's value is on the page of a Tesseract TSV, without checking the
    /// values, as JSON in the shape of `ocr_provenance_json` (`{"input": "tsv", "fields":
    /// [{"field", "value_box", "value_charset", ...}]}`; no values): the
    /// cells a second pass reads before `parse_ocr_tsv(tsv, rereads)`, also for a letter
    /// `parse_ocr_tsv(tsv)` refuses.
    #[staticmethod]
    fn ocr_layout_json(py: Python<'_>, tsv: Text) -> PyResult<String> {
        let tsv: &str = &tsv;
        guard(py, || {
            RegistrationNotice::ocr_layout_tsv(tsv)
                .map(|o| o.to_json_value().to_string())
                .map_err(|p| problems_err(py, &p))
        })
    }

    /// Reads a scan or photo of the letter (a path or the image's bytes) with
    /// Tesseract after clean-up: the page in Japanese (jpn), then the cells of the
    /// 事業所番号, the ID, the passwords (engines restricted to the field's
    /// characters) and the 事業所名 again (`with_ocr_rereads`). Needs `pip install hug-onboard[ocr]`
    /// and the `tesseract-ocr` + `tesseract-ocr-jpn` packages. Of a file of several
    /// pages (a PDF, a multi-page TIFF) the page that holds the notice is read
    /// (`ocr.page_ambiguous` when that cannot be chosen; the same notice on two pages
    /// is read from the first, `ocr.pages_same_notice`), or the page `page` (from 1;
    /// `ocr.page_out_of_range`); a missing or damaged packaged model is the warning
    /// `ocr.model_unavailable` on the notice. The image goes to
    /// Tesseract on its standard input and the TSV comes back on its standard
    /// output: nothing is written to a temporary file.
    #[staticmethod]
    #[pyo3(signature = (image, page=None))]
    fn from_image(
        py: Python<'_>,
        image: &Bound<'_, PyAny>,
        page: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let read = py
            .import("hug_onboard._ocr")?
            .getattr("read_notice")?
            .call1((image, page))?;
        Ok(read.cast::<PyNotice>()?.get().clone())
    }

    /// A second OCR pass reconciled with the page's reads: `rereads` maps a
    /// field (`facility_number`, `user_id`, `temporary_password`,
    /// `certificate_password`, `postal_code`, `facility_name`, `address`) to its
    /// cell read again; for the tokens the second reads' plurality is kept (a tie
    /// keeps the page's value), the free text is voted per character, and any
    /// disagreement is a finding (`notice.ocr_reads_disagree`). Returns a new notice.
    /// Any mapping of `str` to a sequence of `str`; a value of another type is
    /// `notice.ocr_rereads_invalid` (naming the field and the type, never a read).
    fn with_ocr_rereads(&self, py: Python<'_>, rereads: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            let mut v = reread_fields(py, rereads)?;
            let r = self
                .0
                .with_ocr_rereads(&v)
                .map(|n| PyNotice(n, self.1.clone()));
            // The reads may be passwords: wiped before they are freed.
            for (_, reads) in &mut v {
                reads.iter_mut().for_each(zeroize::Zeroize::zeroize);
            }
            r.map_err(|p| problems_err(py, &p))
        })
    }

    /// The characters a key field's value can hold (the character whitelist of
    /// the second OCR pass), or `None` for a free-text field.
    #[staticmethod]
    fn ocr_value_charset(py: Python<'_>, field: Text) -> PyResult<Option<String>> {
        let field: &str = &field;
        match NoticeField::from_key(field) {
            Some(f) => Ok(hug_onboard_core::notice::ocr::value_charset(f)),
            None => Err(to_err(
                py,
                &NoticeProblem::OcrRereadsInvalid {
                    reason: RereadsReason::UnknownField {
                        key: field.to_owned(),
                    },
                },
            )),
        }
    }

    /// The glyphs OCR confuses in IDs and passwords, each as `(glyph, look-alikes)`
    /// (`("0", "O o")`, `("rn", "m")` …): the core's table, which its
    /// `notice.ocr_confusable` findings report.
    #[staticmethod]
    fn ocr_confusables() -> Vec<(&'static str, &'static str)> {
        hug_onboard_core::notice::ocr::CONFUSABLES
            .iter()
            .map(|c| (c.glyph, c.look_alikes))
            .collect()
    }

    /// Where each field came from when the notice was read by OCR, as a JSON
    /// string (`{"input": "tsv", "fields": [...]}`; no values, no secrets), or
    /// `None` for typed text and JSON.
    fn ocr_provenance_json(&self) -> Option<String> {
        self.0.ocr.as_ref().map(|o| o.to_json_value().to_string())
    }

    /// Reads a notice from JSON (as written by `to_json_with_secrets`).
    #[staticmethod]
    fn from_json(py: Python<'_>, json: Text) -> PyResult<Self> {
        let json: &str = &json;
        guard(py, || {
            RegistrationNotice::from_json(json)
                .map(PyNotice::new)
                .map_err(|p| problems_err(py, &p))
        })
    }

    /// `"test"` (テストID) or `"production"` (ID).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// The letter's date.
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        self.0.date
    }
    /// The 国保連 that sent it.
    #[getter]
    fn federation(&self) -> Option<String> {
        self.0.federation.clone()
    }
    /// The 事業所番号.
    #[getter]
    fn facility_number(&self) -> PyFacilityNumber {
        PyFacilityNumber(self.0.facility_number)
    }
    /// The postal code, `NNN-NNNN`.
    #[getter]
    fn postal_code(&self) -> Option<String> {
        self.0.postal_code.map(|p| p.to_string())
    }
    /// The address (without the postal code).
    #[getter]
    fn address(&self) -> Option<String> {
        self.0.address.clone()
    }
    /// The facility's name.
    #[getter]
    fn facility_name(&self) -> Option<String> {
        self.0.facility_name.clone()
    }
    /// The user ID (テストID or ID).
    #[getter]
    fn user_id(&self) -> PyUserId {
        PyUserId(self.0.user_id.clone())
    }
    /// The remarks (備考).
    #[getter]
    fn remarks(&self) -> Option<String> {
        self.0.remarks.clone()
    }
    /// Whether claims are sent with this notice's ID (production).
    #[getter]
    fn is_for_billing(&self) -> bool {
        self.0.kind.is_for_billing()
    }

    /// The (仮)パスワード. A secret: never log it.
    fn temporary_password(&self) -> String {
        self.0.temporary_password.expose().to_owned()
    }
    /// The 証明書発行用パスワード. A secret: never log it.
    fn certificate_password(&self) -> String {
        self.0.certificate_password.expose().to_owned()
    }

    /// Warnings about a valid notice (optional fields not found).
    fn findings(&self) -> Vec<PyFinding> {
        let mut out: Vec<PyFinding> = self.0.findings().iter().map(PyFinding::of).collect();
        out.extend(self.1.iter().cloned());
        out
    }

    /// The same notice with `findings` added after its own (the image reader's warnings,
    /// `ocr.model_unavailable`): for `hug_onboard._ocr`, not a public method.
    fn _with_findings(&self, findings: Vec<PyRef<'_, PyFinding>>) -> Self {
        let mut extra = self.1.clone();
        extra.extend(findings.iter().map(|f| (**f).clone()));
        PyNotice(self.0.clone(), extra)
    }

    /// What this notice is for, in plain words.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn purpose(&self, py: Python<'_>, lang: Text) -> PyResult<&'static str> {
        Ok(self.0.kind.purpose(parse_lang(py, &lang)?))
    }

    /// Raises ValidationError (`notice.wrong_kind`) unless this is the `kind` notice.
    fn expect_kind(&self, py: Python<'_>, kind: Text) -> PyResult<()> {
        let kind: &str = &kind;
        guard(py, || {
            let k = parse_kind(py, kind)?;
            self.0
                .expect_kind(k)
                .map_err(|e: NoticeProblem| to_err(py, &e))
        })
    }

    /// The non-secret fields for display, as `(label, value)` in `lang`.
    #[pyo3(signature = (lang = Text::from("ja")), text_signature = "($self, lang=\"ja\")")]
    fn public_fields(&self, py: Python<'_>, lang: Text) -> PyResult<Vec<(String, String)>> {
        let lang = parse_lang(py, &lang)?;
        Ok(self
            .0
            .public_field_values()
            .into_iter()
            .map(|(f, v)| {
                let label = match lang {
                    hug_onboard_core::Lang::Ja => f.label(),
                    hug_onboard_core::Lang::En => f.name_en(),
                };
                (label.to_owned(), v)
            })
            .collect())
    }

    /// JSON without the passwords (`"secrets_redacted": true`): safe to store and log.
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// JSON with the passwords, readable by `from_json`. Never log it.
    fn to_json_with_secrets(&self) -> String {
        self.0.to_json_with_secrets()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "RegistrationNotice(kind={}, facility_number={}, user_id={}, temporary_password=***, certificate_password=***)",
            py_repr(py, self.0.kind.as_str())?,
            py_repr(py, self.0.facility_number.as_str())?,
            py_repr(py, self.0.user_id.as_str())?,
        ))
    }
}

/// The rereads as the core takes them, from any mapping of field names to
/// sequences of reads: `notice.ocr_rereads_invalid` for an unknown field and
/// for a value of the wrong type (a mapping that is not one, a key that is not
/// a `str`, reads that are one `str` or not a sequence, a read that is not a
/// `str`), naming the field, the read's position and the type given, never a
/// read (it may be a password).
fn reread_fields(
    py: Python<'_>,
    rereads: &Bound<'_, PyAny>,
) -> PyResult<Vec<(NoticeField, Vec<String>)>> {
    let mut v: Vec<(NoticeField, Vec<String>)> = Vec::new();
    let r = collect_rereads(py, rereads, &mut v);
    if r.is_err() {
        // What was read so far may hold passwords: wiped before it is freed.
        for (_, reads) in &mut v {
            reads.iter_mut().for_each(zeroize::Zeroize::zeroize);
        }
    }
    r.map(|()| v)
}

fn collect_rereads(
    py: Python<'_>,
    rereads: &Bound<'_, PyAny>,
    v: &mut Vec<(NoticeField, Vec<String>)>,
) -> PyResult<()> {
    let invalid = |reason| to_err(py, &NoticeProblem::OcrRereadsInvalid { reason });
    let given = |o: &Bound<'_, PyAny>| -> PyResult<String> { Ok(o.get_type().name()?.to_string()) };
    let map = match rereads.cast::<PyMapping>() {
        Ok(m) => m,
        Err(_) => {
            return Err(invalid(RereadsReason::NotAMapping {
                given: given(rereads)?,
            }));
        }
    };
    for item in map.items()?.iter() {
        let (key, reads): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let Ok(key) = key.cast::<PyString>() else {
            return Err(invalid(RereadsReason::KeyNotText {
                given: given(&key)?,
            }));
        };
        let key = text_of(key)?;
        let Some(field) = NoticeField::from_key(&key) else {
            return Err(invalid(RereadsReason::UnknownField { key }));
        };
        let seq = match reads.cast::<PySequence>() {
            // One text (or bytes) is a sequence, of characters: not a list of reads.
            Ok(seq)
                if !(reads.is_instance_of::<PyString>()
                    || reads.is_instance_of::<PyBytes>()
                    || reads.is_instance_of::<PyByteArray>()) =>
            {
                seq
            }
            _ => {
                return Err(invalid(RereadsReason::ReadsNotAList {
                    field,
                    given: given(&reads)?,
                }));
            }
        };
        // Pushed even when a read is refused: the caller wipes what was read.
        let mut out = Vec::new();
        let r = sequence_reads(py, field, seq, &mut out);
        v.push((field, out));
        r?;
    }
    Ok(())
}

/// The reads of `field`, each a `str`, appended to `out`.
fn sequence_reads(
    py: Python<'_>,
    field: NoticeField,
    seq: &Bound<'_, PySequence>,
    out: &mut Vec<String>,
) -> PyResult<()> {
    for (k, read) in seq.try_iter()?.enumerate() {
        let read = read?;
        let Ok(s) = read.cast::<PyString>() else {
            let reason = RereadsReason::ReadNotText {
                field,
                read: k + 1,
                given: read.get_type().name()?.to_string(),
            };
            return Err(to_err(py, &NoticeProblem::OcrRereadsInvalid { reason }));
        };
        out.push(text_of(s)?);
    }
    Ok(())
}
