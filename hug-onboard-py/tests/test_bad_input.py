"""Bad input to the Python face is a coded error (a stable code, a kind, a message in
Japanese and English), never a bare Python exception, never the value echoed (it may be a
password), never English inside the Japanese message (issue #14, item 5)."""

from __future__ import annotations

import datetime
import inspect
import re
from typing import Any, Callable

import pytest

import hug_onboard as h
from hug_onboard._errors import CLASS_BY_KIND

NOTICE_TEXT = "事業所番号 1392345678\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567"
SECRET = "Zq9Secret"


def _ocr_notice() -> h.RegistrationNotice:
    return h.RegistrationNotice.parse_ocr(NOTICE_TEXT)


def _tsv() -> str:
    out = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    rows = [("事業所番号", "1312345678"), ("ID", "P1312345"), ("(仮)パスワード", "Kari0123"),
            ("証明書発行用パスワード", "Cert4567")]
    for i, (label, value) in enumerate(rows):
        top = 100 + 50 * i
        out += f"5\t1\t1\t1\t{i}\t1\t100\t{top}\t{40 * len(label)}\t40\t95\t{label}\n"
        out += f"5\t1\t2\t1\t{i}\t1\t600\t{top}\t200\t30\t95\t{value}\n"
    return out


# Identifiers a Japanese message may quote: field keys, function and type names.
IDENTIFIERS = {"OCR", "JSON", "ID", "parse_ocr", "parse_ocr_tsv", "int", "str", "bytes", "list", "tuple",
               "NoneType", "U", "facility_number", "user_id", "temporary_password", "certificate_password",
               "postal_code", "facility_name", "address"}


def english_in(ja: str, also: tuple[str, ...] = ()) -> list[str]:
    """The English words of a Japanese message (identifiers and the given names aside)."""
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", ja)
    return [w for w in words if w not in IDENTIFIERS and w not in also]


def _coded(call: Callable[[], object], code: str) -> h.HugOnboardError:
    with pytest.raises(h.HugOnboardError) as e:
        call()
    assert e.value.code == code, e.value
    (f,) = e.value.findings
    assert f.kind and f.message_ja and f.message_en
    return e.value


# --- rereads of the wrong type ---------------------------------------------------------------

WRONG_REREADS: list[Any] = [
    {"temporary_password": SECRET},  # one str where a list of reads is expected
    {"temporary_password": [SECRET, 12345678]},  # an int read
    {"temporary_password": (SECRET.encode(),)},  # a bytes read
    {"temporary_password": SECRET.encode()},  # bytes for the list
    {"temporary_password": 12345678},  # an int for the list
    {"temporary_password": None},
    {12345678: [SECRET]},  # a key that is not a str
    {("user_id",): [SECRET]},
    [("temporary_password", [SECRET])],  # not a mapping
    SECRET,
]


@pytest.mark.parametrize("rereads", WRONG_REREADS)
def test_rereads_of_the_wrong_type_are_coded_and_never_echoed(rereads: Any) -> None:
    for call in (
        lambda: _ocr_notice().with_ocr_rereads(rereads),
        lambda: h.RegistrationNotice.parse_ocr_tsv(_tsv(), rereads),
    ):
        e = _coded(call, "notice.ocr_rereads_invalid")
        assert isinstance(e, h.ValidationError)
        (f,) = e.findings
        assert f.kind == "invalid_argument"
        for m in (str(e), f.message_ja, f.message_en, repr(e)):
            assert SECRET not in m and "12345678" not in m, m
        assert english_in(f.message_ja) == [], f.message_ja


@pytest.mark.parametrize(
    "call",
    [
        lambda: h.RegistrationNotice.parse(NOTICE_TEXT).with_ocr_rereads({"user_id": ["P1312345"]}),
        lambda: _ocr_notice().with_ocr_rereads({"remarks": ["x"]}),
        lambda: _ocr_notice().with_ocr_rereads({"nope": ["x"]}),
        lambda: _ocr_notice().with_ocr_rereads({"user_id": ["P1312345"] * 65}),
        lambda: _ocr_notice().with_ocr_rereads({"user_id": ["x" * 1001]}),
        lambda: h.RegistrationNotice.ocr_value_charset("nope"),
    ],
)
def test_the_reason_of_unusable_rereads_is_in_japanese_in_the_japanese_message(call: Callable[[], object]) -> None:
    # The reason was English inside the Japanese message ("再読み取りの結果を使えません: unknown field …").
    e = _coded(call, "notice.ocr_rereads_invalid")
    assert english_in(e.message_ja, also=("nope", "remarks")) == [], e.message_ja
    assert e.message_en.startswith("The second OCR reads cannot be used: ")


def test_rereads_of_the_wrong_type_say_where() -> None:
    e = _coded(lambda: _ocr_notice().with_ocr_rereads({"temporary_password": ["ok", 7]}),  # type: ignore[list-item]
               "notice.ocr_rereads_invalid")
    assert "2" in e.message_en and "int" in e.message_en
    e = _coded(lambda: _ocr_notice().with_ocr_rereads({"user_id": "P1312345"}), "notice.ocr_rereads_invalid")
    assert "str" in e.message_en


def test_any_mapping_and_sequence_of_reads_is_taken() -> None:
    import types

    m = types.MappingProxyType({"facility_number": ("1312345678", "1312345678")})
    n = _ocr_notice().with_ocr_rereads(m)
    assert str(n.facility_number) == "1312345678"
    assert str(h.RegistrationNotice.parse_ocr_tsv(_tsv(), m).facility_number) == "1312345678"


# --- PasswordPolicy.generate(length) ----------------------------------------------------------


@pytest.mark.parametrize("length", [0, 7, 17, -1, -(10**22), 10**22, 2**64, 10**50])
def test_any_length_outside_the_range_is_generate_length(length: int) -> None:
    # 7 and 17 were password.generate_length, -1 and 10**22 binding.out_of_range: one fault, one code.
    e = _coded(lambda: h.PasswordPolicy.generation().generate(length), "password.generate_length")
    assert isinstance(e, h.ValidationError)
    assert "8〜16" in e.message_ja and "8 to 16" in e.message_en
    shown = str(length) if len(str(length)) <= 40 else str(length)[:40] + "…"
    assert f"{shown}文字" in e.message_ja and f"of {shown} characters" in e.message_en


def test_the_range_named_is_the_policys() -> None:
    g = h.PasswordPolicy.generation()
    narrow = h.PasswordPolicy.from_json(g.to_json().replace('"max_len":16', '"max_len":10'))
    e = _coded(lambda: narrow.generate(10**22), "password.generate_length")
    assert "8〜10" in e.message_ja


# --- Finding(severity=, kind=) -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["fatal", "Zq9Secret", "ERROR", ""])
def test_a_finding_with_an_unknown_severity_names_the_allowed_ones(value: str) -> None:
    e = _coded(lambda: h.Finding("x.y", "ja", "en", severity=value), "binding.invalid_finding")
    assert isinstance(e, h.ValidationError) and not isinstance(e, TypeError)
    for name in ("info", "warning", "error"):
        assert f'"{name}"' in e.message_ja and f'"{name}"' in e.message_en
    if value:
        assert value not in e.message_ja and value not in e.message_en and value not in str(e)
    assert english_in(e.message_ja, also=("Finding", "severity", "info", "warning", "error")) == []


@pytest.mark.parametrize("value", ["fatal", "Zq9Secret", "Workflow"])
def test_a_finding_with_an_unknown_kind_names_the_allowed_ones(value: str) -> None:
    e = _coded(lambda: h.Finding("x.y", "ja", "en", kind=value), "binding.invalid_finding")
    kinds = sorted(set(CLASS_BY_KIND))
    for name in kinds:
        assert f'"{name}"' in e.message_ja and f'"{name}"' in e.message_en
    assert value not in e.message_ja and value not in e.message_en and value not in str(e)
    assert english_in(e.message_ja, also=("Finding", "kind", *kinds)) == []


# --- Certificate.from_der ----------------------------------------------------------------------


@pytest.mark.parametrize("blob", [b"x", b"", b"\x30\x03\x02\x01\x01", bytearray(b"nope")])
def test_from_der_of_bytes_that_are_no_certificate_speaks_of_a_der_certificate(blob: bytes) -> None:
    # The message spoke of a .p12 file in both languages.
    e = _coded(lambda: h.Certificate.from_der(blob), "certificate.malformed")
    assert isinstance(e, h.CertificateFormatError)
    assert ".p12" not in e.message_ja and ".p12" not in e.message_en
    assert "DER形式" in e.message_ja and "DER certificate" in e.message_en


def test_from_der_of_a_str_asks_for_the_der_files_bytes() -> None:
    with pytest.raises(TypeError) as e:
        h.Certificate.from_der("x")  # type: ignore[arg-type]
    assert ".p12" not in str(e.value) and "DER" in str(e.value)
    with pytest.raises(TypeError) as e:
        h.Certificate.from_pkcs12("x", "pw")  # type: ignore[arg-type]
    assert ".p12" in str(e.value)


def test_a_p12_that_is_damaged_still_speaks_of_a_p12() -> None:
    e = _coded(lambda: h.Certificate.inspect_pkcs12(b"\x30\x03\x02\x01\x01", "pw"), "certificate.malformed")
    assert ".p12" in e.message_ja and ".p12" in e.message_en


# --- what was typed, quoted readably -----------------------------------------------------------

TYPED = "R\u0301\u200bx"


@pytest.mark.parametrize(
    "call,code",
    [
        (lambda: h.parse_wareki("R\u0301\u200b1.2.3"), "wareki.unknown_era"),
        (lambda: h.parse_wareki("2019\u0301\u200b/06/03"), "wareki.unrecognized"),
        (lambda: h.format_wareki(datetime.date(2019, 6, 3), style=TYPED), "binding.invalid_style"),  # type: ignore[arg-type]
        (lambda: h.PasswordPolicy.by_name(TYPED), "binding.invalid_policy"),
        (lambda: h.RegistrationNotice.parse(NOTICE_TEXT).expect_kind(TYPED), "binding.invalid_kind"),
        (lambda: h.Finding("x.y", "a", "b").message(TYPED), "lang.unknown"),
        (lambda: _ocr_notice().with_ocr_rereads({TYPED: ["x"]}), "notice.ocr_rereads_invalid"),
    ],
)
def test_what_was_typed_is_quoted_readably(call: Callable[[], object], code: str) -> None:
    # wareki.unknown_era showed Rust's escapes ("R\u{301}"), the Japanese message an invisible
    # zero-width space; the binding's own messages did the same.
    e = _coded(call, code)
    for m in (e.message_ja, e.message_en):
        assert "\\u{" not in m and "\u200b" not in m, m
        assert "\u0301<U+200B>" in m, m


# --- defaults in signatures ---------------------------------------------------------------------


def test_integer_defaults_show_in_signatures() -> None:
    # pyo3 rendered the IntValue defaults as `...`.
    length = inspect.signature(h.PasswordPolicy.generate).parameters["length"].default
    assert length == 12 and len(h.PasswordPolicy.generation().generate()) == length
    days = inspect.signature(h.Onboarding.reminders).parameters["days"].default
    assert days == 30
    ob = h.Onboarding(h.FacilityNumber("1312345678"))
    today = datetime.date(2026, 6, 1)
    assert ob.reminders(today) == ob.reminders(today, days=days) != ob.reminders(today, days=days + 40)


def test_no_default_is_an_ellipsis() -> None:
    import hug_onboard._native as native

    found = []
    for name in native.__all__:
        obj = getattr(native, name)
        members: list[tuple[str, Any]] = [(name, obj)]
        if inspect.isclass(obj):
            members += [(f"{name}.{k}", v) for k, v in vars(obj).items() if callable(v) or isinstance(v, staticmethod)]
        for qual, f in members:
            if isinstance(f, staticmethod):
                f = f.__func__
            try:
                sig = inspect.signature(f)
            except (ValueError, TypeError):
                continue
            found += [f"{qual}({p.name})" for p in sig.parameters.values() if p.default is Ellipsis]
    assert found == []


# --- state.invalid, workflow.invalid_evidence, binding.invalid_event: serde's English ------


def _at_certificate_issued() -> h.Onboarding:
    # The certificate's mapping is read before the step's prerequisites are checked.
    return h.Onboarding.new("1312345678")


STATE = '{"schema":"hug-onboard/onboarding-state","version":1'


@pytest.mark.parametrize(
    "call, code, also",
    [
        (lambda: h.Onboarding.from_json(""), "state.invalid", ()),
        (lambda: h.Onboarding.from_json(f'{{"schema":"{SECRET}","version":1}}'), "state.invalid",
         ("schema", "hug", "onboard", "onboarding", "state")),
        (lambda: h.Onboarding.from_json(STATE + f',"facility_number":"1312345678","password":"{SECRET}"}}'),
         "state.invalid", ("password",)),
        (lambda: h.Onboarding.from_json(STATE + f',"facility_number":"{SECRET}"}}'), "state.invalid", ()),
        (lambda: h.CertificateLifecycle.from_json(f'{{"stage": "{SECRET}"}}'), "state.invalid", ()),
        (lambda: _at_certificate_issued().complete(
            "certificate_issued", datetime.date(2019, 6, 8),
            certificate={"valid_from": SECRET, "valid_until": "2022-07-24"}), "workflow.invalid_evidence", ()),
        (lambda: _at_certificate_issued().complete(
            "certificate_issued", datetime.date(2019, 6, 8), certificate={"valid_until": "2022-07-24"}),
         "workflow.invalid_evidence", ("valid_from",)),
        (lambda: h.evaluate_many([], datetime.date(2019, 6, 8), agent_certificates=[{"x": SECRET}]),
         "workflow.invalid_evidence", ("x",)),
        (lambda: h.CertificateLifecycle().apply_event({"event": "apply", "on": SECRET}),
         "binding.invalid_event", ()),
    ],
)
def test_the_reason_of_unreadable_json_is_japanese_in_japanese(
    call: Callable[[], object], code: str, also: tuple[str, ...]
) -> None:
    # serde's English ("invalid type: string …, expected …") was inside the Japanese message.
    e = _coded(call, code)
    (f,) = e.findings
    for m in (str(e), f.message_ja, f.message_en):
        assert SECRET not in m, m
    assert english_in(f.message_ja, also) == [], f.message_ja


def test_a_name_outside_its_list_is_told_the_names_the_list_holds() -> None:
    """The names in the message come from the same lists the argument is checked against
    (the core's password profiles; the styles the stub's WarekiStyle lists)."""
    e = _coded(lambda: h.PasswordPolicy.by_name("admin"), "binding.invalid_policy")
    assert e.message_en == 'No password policy "admin"; use "test", "production" or "generation".'
    assert e.message_ja == 'パスワード規則「admin」はありません。"test"、"production"、"generation" のいずれかです。'
    e = _coded(lambda: h.format_wareki(datetime.date(2019, 6, 3), style="medium"), "binding.invalid_style")  # type: ignore[arg-type]
    assert e.message_en == 'Unknown style "medium"; use "long", "long_numeric" or "short".'
    assert e.message_ja == '書式「medium」は使えません。"long"、"long_numeric"、"short" のいずれかです。'
