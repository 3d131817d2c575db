"""Type stubs for the native extension ``hug_onboard._native`` (pyo3, abi3)."""

import datetime
import os
from typing import Any, Literal, Mapping, Optional, Sequence, Union, final

__version__: str
__all__ = [
    "__version__",
    "Finding",
    "CodeInfo",
    "Prefecture",
    "FacilityNumber",
    "UserId",
    "PartialDate",
    "EraTable",
    "RegistrationNotice",
    "PasswordPolicy",
    "Step",
    "Onboarding",
    "parse_wareki",
    "parse_wareki_partial",
    "format_wareki",
    "codes",
    "Holiday",
    "JapaneseCalendar",
    "parse_date",
    "is_holiday",
    "holiday",
    "holiday_name",
    "holidays_of_year",
    "is_business_day",
    "next_business_day",
    "previous_business_day",
    "roll_forward",
    "Rulebook",
    "ClaimWindow",
    "DocumentRelease",
    "DayEvent",
    "Deadline",
    "MonthSchedule",
    "BillingCalendar",
    "billing_schedule",
    "document_kinds",
    "Certificate",
    "CertificateStatus",
    "RenewalPlan",
    "certificate_status",
    "renewal_plan",
    "ReadinessFinding",
    "Action",
    "Readiness",
    "BatchReport",
    "evaluate_many",
    "Reminder",
    "FacilityProfile",
    "Addressee",
    "Estimate",
    "IssuedCertificate",
    "CertificateLifecycle",
]

Severity = Literal["info", "warning", "error"]
ErrorKind = Literal[
    "invalid_input",
    "invalid_data",
    "invalid_argument",
    "missing_argument",
    "invalid_encoding",
    "workflow",
    "wrong_password",
    "corrupt_file",
    "unsupported",
    "unavailable",
    "advisory",
    "internal",
    "panic",
]
#: An instant: an aware datetime (any zone), a naive datetime (read as JST) or text YYYY-MM-DDTHH:MM[:SS] (JST).
Instant = Union[datetime.datetime, str]
Bytes = Union[bytes, bytearray, memoryview]
MonthDay = tuple[int, int]
StatusKind = Literal["not_yet_valid", "valid", "renewal_due", "urgent", "expired"]
RenewalFinding = Literal["not_yet", "apply_now", "apply_by_passed", "expired"]
DocumentKind = Literal[
    "returns_list", "payment_adjustment", "payment_notice", "payment_breakdown", "correction_notice"
]
DocumentSource = Literal["portal_inquiry_list", "transmit_history"]
Basis = Literal["sourced", "approximate", "unverified"]
EventKind = Literal["window_opens", "window_last_day", "document_release", "payment"]
LifecycleStage = Literal[
    "not_applied", "estimate_made", "applied", "issued", "downloaded", "installed", "expired"
]
Honorific = Literal["様", "御中"]
WarekiStyle = Literal["long", "long_numeric", "short"]
NoticeKind = Literal["test", "production"]
StepId = Literal[
    "receive_documents",
    "submit_todoke",
    "test_login",
    "change_test_password",
    "apply_certificate",
    "certificate_issued",
    "install_certificate",
    "install_torikomi",
    "register_facility",
    "change_torikomi_password",
    "receive_production_notice",
    "change_production_password",
    "register_email",
]

@final
class Finding:
    """One problem: a stable code, a severity and a message in Japanese and English.

    ``Finding(code, message_ja, message_en, severity="error", kind=None)``; ``kind`` defaults to the
    code's kind in the catalogue. A severity or kind that is not one of the names raises
    ValidationError (``binding.invalid_finding``, naming the allowed ones).
    """

    def __new__(
        cls,
        code: str,
        message_ja: str,
        message_en: str,
        severity: str = "error",
        kind: Optional[str] = None,
    ) -> Finding: ...
    @property
    def code(self) -> str:
        """The stable code, e.g. ``"password.too_short"``."""
    @property
    def kind(self) -> ErrorKind:
        """The kind of problem (``"invalid_input"``, ``"wrong_password"``, …): what the
        exception class is derived from (``error_class_for_kind``)."""
    @property
    def severity(self) -> Severity:
        """``"info"``, ``"warning"`` or ``"error"``."""
    @property
    def message_ja(self) -> str:
        """The message in Japanese."""
    @property
    def message_en(self) -> str:
        """The message in English."""
    def message(self, lang: str = "ja") -> str:
        """The message in ``lang`` (``"ja"`` or ``"en"``)."""
    def to_dict(self) -> dict[str, str]:
        """A plain dict (``code``, ``kind``, ``severity``, ``message_ja``, ``message_en``) for JSON."""
    def __getnewargs__(self) -> tuple[str, str, str, str, str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class CodeInfo:
    """One entry of the code catalogue."""

    @property
    def code(self) -> str:
        """The stable code."""
    @property
    def kind(self) -> ErrorKind:
        """Its kind (``"invalid_input"``, ``"wrong_password"``, …), from which the C status
        and the Python exception class are derived."""
    @property
    def severity(self) -> Severity:
        """Its usual severity."""
    @property
    def summary(self) -> str:
        """One line in English saying when it is emitted."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def codes() -> list[CodeInfo]:
    """Every code the library can emit (the core's catalogue and the binding's own codes)."""

def _literals() -> list[tuple[str, list[str]]]:
    """Each ``Literal`` alias of this stub with the values the runtime gives or accepts
    (checked against the stub by ``tests/test_stub_literals.py``)."""

_calendar_fast_path: bool
"""Whether ``is_holiday`` & co. read a ``date``'s fields directly (their layout was found at
import); False means every call takes the slower, equally correct path (tests check it is True
on CPython)."""

def _panic_for_test() -> None:
    """Panics inside Rust on purpose (tests only): proves a panic becomes ``HugOnboardError``."""
def _binding_messages() -> dict[str, tuple[str, str]]:
    """The messages of the binding's codes raised from Python (``ocr.*``): code -> (ja, en) with ``{detail}``."""

def _walkthrough_sample() -> dict[str, bytes]:
    """The walkthrough's sample files (tests/fixtures/walkthrough/sample.json and what it names), by path."""

@final
class Prefecture:
    """One of the 47 prefectures (JIS X 0401 code 1–47)."""

    @staticmethod
    def from_code(code: str) -> Prefecture:
        """The prefecture with a two-digit code ``"01"``–``"47"``."""
    @staticmethod
    def from_number(number: int) -> Prefecture:
        """The prefecture with a number 1–47."""
    @staticmethod
    def all() -> list[Prefecture]:
        """Every prefecture in code order."""
    @property
    def number(self) -> int:
        """The code as a number, 1–47."""
    @property
    def code(self) -> str:
        """The two-digit code, ``"01"``–``"47"``."""
    @property
    def name_ja(self) -> str:
        """The Japanese name, e.g. ``"東京都"``."""
    @property
    def name_en(self) -> str:
        """The English name, e.g. ``"Tokyo"``."""
    def name(self, lang: str = "ja") -> str:
        """The name in ``lang`` (``"ja"`` or ``"en"``)."""
    def __int__(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __lt__(self, value: Prefecture, /) -> bool: ...
    def __le__(self, value: Prefecture, /) -> bool: ...
    def __gt__(self, value: Prefecture, /) -> bool: ...
    def __ge__(self, value: Prefecture, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class FacilityNumber:
    """A 10-digit 事業所番号; ``str()`` gives the digits.

    Full-width digits (as OCR gives them) are accepted; hyphens and spaces are not. Digits 1–2
    are the prefecture code; no check digit is published, so none is checked. ValidationError
    ``facility.wrong_length``, ``facility.not_digit``, ``facility.unknown_prefecture``.

    >>> n = FacilityNumber("１３１２３４５６７８")
    >>> str(n), n.prefecture.name_ja
    ('1312345678', '東京都')
    """

    def __new__(cls, s: str) -> FacilityNumber: ...
    @property
    def prefecture(self) -> Prefecture:
        """The prefecture named by the first two digits."""
    @property
    def digits(self) -> str:
        """The 10 digits."""
    def __getnewargs__(self) -> tuple[str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __lt__(self, value: FacilityNumber, /) -> bool: ...
    def __le__(self, value: FacilityNumber, /) -> bool: ...
    def __gt__(self, value: FacilityNumber, /) -> bool: ...
    def __ge__(self, value: FacilityNumber, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class UserId:
    """A portal user ID (テストID or 本番 ID): opaque, case-sensitive."""

    def __new__(cls, s: str) -> UserId: ...
    def __getnewargs__(self) -> tuple[str]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __lt__(self, value: UserId, /) -> bool: ...
    def __le__(self, value: UserId, /) -> bool: ...
    def __gt__(self, value: UserId, /) -> bool: ...
    def __ge__(self, value: UserId, /) -> bool: ...
    def __hash__(self) -> int: ...

# --- 和暦 ---------------------------------------------------------------------------

def parse_wareki(
    s: str, *, lenient: bool = False, era_table: Optional[EraTable] = None
) -> datetime.date:
    """Parses a whole date written in 和暦 or western form into a ``datetime.date``.

    Accepts 令和元年6月3日, 令和 元年 6月 3日, 令和01年07月28日, R1.6.3, H31/4/30,
    2019/07/24, 2019年7月24日, full-width digits and the squared era ligatures (㋿).
    ``lenient=True`` converts a year past its era's end (平成32年 → 2020) as some printed
    forms do; by default that is an error. ``era_table`` replaces the built-in eras
    (明治–令和), e.g. one extended with a new era.

    Raises ValidationError with a ``wareki.*`` code: ``wareki.empty``,
    ``wareki.unknown_era``, ``wareki.after_era_end``, ``wareki.invalid_date`` ….

    >>> parse_wareki("令和元年6月3日")
    datetime.date(2019, 6, 3)
    """

def parse_wareki_partial(
    s: str, *, lenient: bool = False, era_table: Optional[EraTable] = None
) -> PartialDate:
    """Parses a date that may be only a year (平成18年) or a year and month (令和元年6月).

    Same forms, ``lenient`` and ``era_table`` as :func:`parse_wareki`; the result says
    which parts were present (``kind``). Raises ValidationError ``wareki.*``.

    >>> parse_wareki_partial("平成18年").year
    2006
    """

def format_wareki(
    d: datetime.date, style: WarekiStyle = "long", *, era_table: Optional[EraTable] = None
) -> str:
    """Writes a date in 和暦.

    ``style``: ``"long"`` 令和元年6月3日 (元年 for the first year), ``"long_numeric"``
    令和1年6月3日, ``"short"`` R1.6.3. ``era_table`` replaces the built-in eras. Raises
    ValidationError ``wareki.out_of_range`` before 1873-01-01 (the western calendar's
    start in Japan) and ``binding.invalid_style`` for another style.

    >>> format_wareki(datetime.date(2019, 5, 1))
    '令和元年5月1日'
    """

@final
class EraTable:
    """The eras the 和暦 functions read (``hug_era_table`` in C): oldest first.

    The built-in table has 明治, 大正, 昭和, 平成 and 令和. A new era is one call
    (:meth:`with_era`) or a JSON file (:meth:`from_json`), and is then passed as
    ``era_table=`` to :func:`parse_wareki`, :func:`parse_wareki_partial` and
    :func:`format_wareki`.

    >>> t = EraTable.builtin().with_era("新元", "Shingen", "X", datetime.date(2090, 1, 1))
    >>> format_wareki(datetime.date(2090, 2, 3), era_table=t)
    '新元元年2月3日'
    """

    @staticmethod
    def builtin() -> EraTable:
        """The built-in table (明治 1868-01-25, 大正, 昭和, 平成, 令和 2019-05-01)."""
    @staticmethod
    def from_json(json: str) -> EraTable:
        """Reads a table from JSON, oldest era first:
        ``[{"name": "令和", "name_en": "Reiwa", "initial": "R", "first_day": "2019-05-01",
        "aliases": []}, ...]``. ValidationError ``wareki.invalid_era_table`` when the JSON
        is malformed, empty, or two eras clash (same first day, name, initial or alias)."""
    def with_era(
        self,
        name: str,
        name_en: str,
        initial: str,
        first_day: datetime.date,
        aliases: Optional[Sequence[str]] = None,
    ) -> EraTable:
        """This table plus one era starting on ``first_day`` (its 元年; eras are kept in
        date order); ``initial`` is one letter (R for 令和), ``aliases`` other spellings
        (``["令"]``). ValidationError ``wareki.invalid_era_table`` when two eras start on the
        same day or a name, initial or alias is empty or used twice."""
    @property
    def eras(self) -> list[tuple[str, str, str, datetime.date]]:
        """``(name, name_en, initial, first_day)`` of each era, oldest first."""
    def to_json(self) -> str:
        """The table as JSON, in the form :meth:`from_json` reads."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class PartialDate:
    """A parsed date that may lack its month or day."""

    @property
    def kind(self) -> Literal["date", "year_month", "year"]:
        """``"date"``, ``"year_month"`` or ``"year"``."""
    @property
    def year(self) -> int:
        """The western year."""
    @property
    def month(self) -> Optional[int]:
        """The month, when there is one."""
    @property
    def date(self) -> Optional[datetime.date]:
        """The full date, when there is one."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

# --- the registration notice --------------------------------------------------------

@final
class RegistrationNotice:
    """電子請求登録結果に関するお知らせ. Secrets only through explicit methods; repr is redacted."""

    @staticmethod
    def parse(text: str) -> RegistrationNotice:
        """Parses the letter's text (typed, pasted or OCR'd); raises ValidationError with every problem."""
    @staticmethod
    def from_json(json: str) -> RegistrationNotice:
        """Reads a notice from JSON (as written by ``to_json_with_secrets``)."""
    @staticmethod
    def parse_ocr(text: str) -> RegistrationNotice:
        """Parses OCR output of the letter (damaged labels, stray marks, table borders, column-by-column text).

        Every field read from OCR carries provenance (``ocr_provenance_json``); glyphs OCR confuses in the
        IDs, passwords and 事業所番号 are findings (``notice.ocr_confusable``) to compare with the paper.
        Raises ValidationError with every problem.
        """
    @staticmethod
    def parse_ocr_tsv(tsv: str, rereads: Optional[Mapping[str, Sequence[str]]] = None) -> RegistrationNotice:
        """Parses Tesseract's TSV word boxes (``tesseract … tsv``): each label is paired with the value on its row.

        With ``rereads`` (as :meth:`with_ocr_rereads` takes them; the cells are those of
        :meth:`ocr_layout_json`), a 事業所番号, ID or password the page read in the field's shape but invalid
        (ten digits whose prefecture code is unknown: a ``0`` read as ``9``) is taken from the valid plurality
        of its cell's second reads when at least two agree — so is one read out of the field's shape on its
        label's row when it is one word near the field's length (an 11-digit 事業所番号, a password with a ``」``)
        (``notice.ocr_page_read_invalid``, a warning) instead of refusing the letter; then every field is
        reconciled as by :meth:`with_ocr_rereads`. Raises ValidationError (``notice.tsv_invalid`` for a TSV
        that is not Tesseract's shape, ``notice.ocr_rereads_invalid`` for rereads it does not take).
        """
    @staticmethod
    def ocr_layout_json(tsv: str) -> str:
        """Where each field's value is on the page of a Tesseract TSV, without checking the values: JSON in the
        shape of :meth:`ocr_provenance_json` (``fields`` with ``value_box`` and ``value_charset``; no values, no
        findings), also for a letter :meth:`parse_ocr_tsv` refuses. Raises ValidationError for the TSV itself."""
    @staticmethod
    def from_image(image: Union[str, os.PathLike[str], bytes], page: Optional[int] = None) -> RegistrationNotice:
        """Reads a scan or photo of the letter (path or bytes) with Tesseract (jpn) after image clean-up.

        PNG, JPEG, TIFF, GIF, WebP … (Pillow), HEIC/HEIF (an iPhone's photo: pillow-heif) and PDF (a
        multi-function scanner's file: its pages rendered at 300 dpi by PDFium, never its text layer).
        Needs the ``hug-onboard[ocr]`` extra and Tesseract with its Japanese data; otherwise raises
        UnavailableError (``ocr.tesseract_missing``, ``ocr.language_missing``, ``ocr.dependency_missing``,
        naming the package missing for a PDF or a HEIC). A file of several pages (a PDF, a scanner's
        multi-page TIFF, at most ``hug_onboard._ocr.MAX_PAGES``) is read on the page that holds the notice
        (the information ``ocr.page_chosen`` names it); the same notice on several pages (scanned twice:
        kind, 事業所番号, ID, date and passwords read alike) is read from the first (the information
        ``ocr.pages_same_notice``); two different notices, or more pages, raise ValidationError
        (``ocr.page_ambiguous``). ``page`` (from 1) reads that page of the file instead; a page the file does
        not have raises ValidationError (``ocr.page_out_of_range``), a ``page`` that is not an ``int``
        TypeError. A page fed upside down or sideways is turned when it is read upright with too few of the
        notice's labels. A phone's MPO is read on its primary image. An image that cannot be read raises
        ValidationError (``ocr.image_unreadable``, naming the file without its folders; ``ocr.pdf_encrypted``
        for a PDF protected by a password); nothing is printed on the process's standard error. When the
        package's own OCR model is missing or damaged the notice is read without it and carries the warning
        ``ocr.model_unavailable``; a date whose line holds more slashed or dotted zeros than were read
        carries the warning ``ocr.date_unverified``. The image and the text never go to a temporary file.
        """
    def _with_findings(self, findings: Sequence[Finding]) -> RegistrationNotice:
        """The same notice with ``findings`` added after its own (the image reader's warnings); internal."""
    def with_ocr_rereads(self, rereads: Mapping[str, Sequence[str]]) -> RegistrationNotice:
        """A second OCR pass reconciled with the page's reads (a new notice).

        ``rereads`` maps ``facility_number``, ``user_id``, ``temporary_password``, ``certificate_password``,
        ``postal_code``, ``facility_name`` or ``address`` to that cell read again; for the tokens the value
        more of the second reads give than any other is kept (a tie keeps the page's), the 事業所名 and the
        address are voted character by character, any disagreement is a finding
        (``notice.ocr_reads_disagree``). Raises ValidationError (``notice.ocr_rereads_invalid``) for a
        notice not read by OCR, another field, more than 64 reads for a field or a read over 1 000 characters,
        and for a value of the wrong type (not a mapping, a key that is not a ``str``, the reads given as one
        ``str`` or not as a sequence, a read that is not a ``str``): the message names the field, the read's
        position and the type given, never a read.
        """
    @staticmethod
    def ocr_value_charset(field: str) -> Optional[str]:
        """The characters a key field's value can hold (the second OCR pass's whitelist); None for free text."""
    @staticmethod
    def ocr_confusables() -> list[tuple[str, str]]:
        """The glyphs OCR confuses in IDs and passwords, each as ``(glyph, look-alikes)`` (``("0", "O o")``,
        ``("rn", "m")`` …): the core's table, which its ``notice.ocr_confusable`` findings report."""
    def ocr_provenance_json(self) -> Optional[str]:
        """Where each field was read from (line, label as read, edits, confidence, value box, the characters a
        second pass over the cell may be restricted to: ``value_charset``, as :meth:`ocr_value_charset`) as JSON;
        None when not from OCR."""
    @property
    def kind(self) -> NoticeKind:
        """``"test"`` (テストID) or ``"production"`` (ID)."""
    @property
    def date(self) -> Optional[datetime.date]:
        """The letter's date."""
    @property
    def federation(self) -> Optional[str]:
        """The 国保連 that sent it."""
    @property
    def facility_number(self) -> FacilityNumber:
        """The 事業所番号."""
    @property
    def postal_code(self) -> Optional[str]:
        """The postal code, ``NNN-NNNN``."""
    @property
    def address(self) -> Optional[str]:
        """The address (without the postal code)."""
    @property
    def facility_name(self) -> Optional[str]:
        """The facility's name."""
    @property
    def user_id(self) -> UserId:
        """The user ID (テストID or ID)."""
    @property
    def remarks(self) -> Optional[str]:
        """The remarks (備考)."""
    @property
    def is_for_billing(self) -> bool:
        """Whether claims are sent with this notice's ID (production)."""
    def temporary_password(self) -> str:
        """The (仮)パスワード. A secret: never log it."""
    def certificate_password(self) -> str:
        """The 証明書発行用パスワード. A secret: never log it."""
    def findings(self) -> list[Finding]:
        """Warnings about a valid notice (optional fields not found)."""
    def purpose(self, lang: str = "ja") -> str:
        """What this notice is for, in plain words."""
    def expect_kind(self, kind: str) -> None:
        """Raises ValidationError (``notice.wrong_kind``) unless this is the ``kind`` notice."""
    def public_fields(self, lang: str = "ja") -> list[tuple[str, str]]:
        """The non-secret fields for display, as ``(label, value)`` in ``lang``."""
    def to_json(self) -> str:
        """JSON without the passwords (``"secrets_redacted": true``): safe to store and log."""
    def to_json_with_secrets(self) -> str:
        """JSON with the passwords, readable by ``from_json``. Never log it."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

# --- passwords ------------------------------------------------------------------------

@final
class PasswordPolicy:
    """The portal's password rule as data: check, change form, generation."""

    @staticmethod
    def test_screen() -> PasswordPolicy:
        """The password-change screen of a テストID (the larger symbol set)."""
    @staticmethod
    def production_screen() -> PasswordPolicy:
        """The password-change screen of a production ID (the smaller symbol set)."""
    @staticmethod
    def generation() -> PasswordPolicy:
        """What both screens accept: the rules generated passwords follow."""
    @staticmethod
    def by_name(name: str) -> PasswordPolicy:
        """A built-in profile by name: ``"test"``, ``"production"`` or ``"generation"``."""
    @staticmethod
    def from_json(json: str) -> PasswordPolicy:
        """A policy from JSON (the fields of ``to_json()``), for a 国保連 whose screen differs."""
    @property
    def min_len(self) -> int:
        """Minimum length in characters."""
    @property
    def max_len(self) -> int:
        """Maximum length in characters."""
    @property
    def require_letter(self) -> bool:
        """At least one half-width letter is required."""
    @property
    def require_digit(self) -> bool:
        """At least one half-width digit is required."""
    @property
    def symbols(self) -> str:
        """The symbols accepted besides letters and digits."""
    @property
    def differ_from_user_id(self) -> bool:
        """The password must differ from the user ID."""
    @property
    def case_sensitive(self) -> bool:
        """Whether the portal tells ``Abc`` from ``abc``."""
    @property
    def lockout_attempts(self) -> int:
        """Wrong passwords in a row that lock the ID."""
    @property
    def lockout_minutes(self) -> int:
        """Minutes (at least) before a locked ID may try again."""
    def check(self, password: str, user_id: Union[str, UserId, None] = None) -> list[Finding]:
        """Every violation of the policy by ``password``, in rule order (empty list = acceptable):
        length, letters and digits, allowed symbols (another screen's symbol is named as such),
        full-width characters, equal to ``user_id``. Each is a ``Finding`` with a stable
        ``password.*`` code and the message in Japanese and English; nothing is raised.

        >>> [v.code for v in PasswordPolicy.production_screen().check("abc")]
        ['password.too_short', 'password.no_digit']
        """
    def is_acceptable(self, password: str, user_id: Union[str, UserId, None] = None) -> bool:
        """Whether ``password`` has no error-level violation."""
    def check_change(
        self, *, user_id: Union[str, UserId], current: str, new: str, confirm: str
    ) -> list[Finding]:
        """Every problem of the password-change form (現在 / 新しい / 確認用)."""
    def generate(self, length: int = 12) -> str:
        """A new password from the OS's CSPRNG that this policy and both screens
        accept, without look-alike characters. Raises ValidationError
        (``password.generate_length``) for any length outside :meth:`generate_lengths`
        (``-1`` and ``10**22`` included).
        """
    def generate_lengths(self) -> Optional[tuple[int, int]]:
        """The range of lengths ``generate`` accepts, as ``(min, max)``: within this
        policy *and* both screens, at least 2; ``None`` when no length fits.

        >>> PasswordPolicy.generation().generate_lengths()
        (8, 16)
        """
    def advice(self, lang: str = "ja") -> str:
        """A paragraph of advice for the password screen (the rule and the lockout)."""
    def to_json(self) -> str:
        """The policy as JSON (readable by ``from_json``)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

# --- onboarding -----------------------------------------------------------------------

@final
class Step:
    """One step of the guide."""

    def __new__(cls, id: str) -> Step: ...
    @staticmethod
    def all() -> list[Step]:
        """Every step in the guide's order."""
    @property
    def id(self) -> StepId:
        """The stable identifier, e.g. ``"change_test_password"``."""
    @property
    def guide_page(self) -> str:
        """The guide's page(s), e.g. ``"P6"``."""
    @property
    def is_optional(self) -> bool:
        """Whether the step is optional (register_email)."""
    @property
    def prerequisites(self) -> list[StepId]:
        """The identifiers of the steps that must be done first."""
    def title(self, lang: str = "ja") -> str:
        """What to do, in ``lang``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __lt__(self, value: Step, /) -> bool: ...
    def __le__(self, value: Step, /) -> bool: ...
    def __gt__(self, value: Step, /) -> bool: ...
    def __ge__(self, value: Step, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Onboarding:
    """A facility's onboarding: steps done, when, with what evidence. No secrets."""

    def __new__(cls, facility_number: Union[FacilityNumber, str]) -> Onboarding: ...
    @staticmethod
    def new(facility_number: Union[FacilityNumber, str]) -> Onboarding:
        """A new onboarding with nothing done (the same as the constructor)."""
    @staticmethod
    def from_json(json: str) -> Onboarding:
        """Reads a state written by ``to_json`` (raises WorkflowError ``state.*`` when it cannot)."""
    def to_json(self) -> str:
        """The state as versioned JSON, without secrets."""
    @property
    def facility_number(self) -> FacilityNumber:
        """The facility this onboarding is for."""
    @property
    def billing_pcs(self) -> list[str]:
        """The billing PCs by name."""
    def complete(
        self,
        step: str,
        on: datetime.date,
        *,
        notice: Optional[RegistrationNotice] = None,
        certificate: Optional[Mapping[str, Any]] = None,
        pc: Optional[str] = None,
        profile: Optional[Union[FacilityProfile, Mapping[str, Optional[str]]]] = None,
    ) -> None:
        """Completes ``step`` on the day ``on``, with its evidence: ``notice`` (a
        RegistrationNotice) for receive_documents / receive_production_notice,
        ``certificate`` (a mapping: valid_from, valid_until, optional not_before and
        not_after instants in RFC 3339, sha256_fingerprint, subject_facility_number,
        agent_for; ``Certificate.to_evidence()`` makes one) for certificate_issued, ``pc`` (and
        optionally ``certificate``) for install_certificate / install_torikomi,
        ``profile`` (a ``FacilityProfile``, or a mapping of the 事業所情報保守 fields
        validated as ``FacilityProfile.validate`` does) for register_facility.
        """
    def undo(self, step: str) -> None:
        """Undoes a step (refused while a step that needs it is done)."""
    def add_billing_pc(self, name: str) -> None:
        """Adds a billing PC by name."""
    def is_done(self, step: str) -> bool:
        """Whether a step is done."""
    def done_on(self, step: str) -> Optional[datetime.date]:
        """The day a step was done, if it was."""
    def completed(self) -> list[tuple[StepId, datetime.date]]:
        """Every done step's identifier and day, in the guide's order."""
    def next_steps(self) -> list[StepId]:
        """The steps that can be done now, in the guide's order (identifiers)."""
    def all_required_done(self) -> bool:
        """Whether every required step is done."""
    def readiness(self, today: datetime.date, rulebook: Optional[Rulebook] = None) -> Readiness:
        """The readiness report on a JST day: can the facility bill in the coming
        claim window, what blocks it, what to do next and by when.
        """
    def reminders(
        self, today: datetime.date, days: int = 30, rulebook: Optional[Rulebook] = None
    ) -> list[Reminder]:
        """What to tell the user on each of the coming ``days`` days (0–366), in date order."""
    @property
    def profile(self) -> Optional[FacilityProfile]:
        """The registered 取込送信 profile (step register_facility), if any."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

# --- holidays and business days -------------------------------------------------------

@final
class Holiday:
    """One holiday: a day and what it is (国民の祝日, 振替休日, 国民の休日, …)."""

    @property
    def date(self) -> datetime.date:
        """The day."""
    @property
    def kind(self) -> str:
        """What it is, as a stable id (``"new_years_day"``, ``"substitute_holiday"``, …)."""
    @property
    def name_ja(self) -> str:
        """The Japanese name (``"元日"``)."""
    @property
    def name_en(self) -> str:
        """The English name (``"New Year's Day"``)."""
    @property
    def is_national_holiday(self) -> bool:
        """Whether it is one of the 国民の祝日 themselves (not a 振替休日 or 国民の休日)."""
    def name(self, lang: str = "ja") -> str:
        """The name in ``lang`` (``"ja"`` or ``"en"``)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __lt__(self, value: Holiday, /) -> bool: ...
    def __le__(self, value: Holiday, /) -> bool: ...
    def __gt__(self, value: Holiday, /) -> bool: ...
    def __ge__(self, value: Holiday, /) -> bool: ...
    def __hash__(self) -> int: ...

def parse_date(s: str) -> datetime.date:
    """Parses ``YYYY-MM-DD`` (white space around ignored); ValidationError ``calendar.invalid_date``."""

def is_holiday(d: datetime.date) -> bool:
    """Whether a day is a Japanese public holiday: a 国民の祝日, a 振替休日 or a 国民の休日
    (rules of the 祝日法, checked against the 内閣府 list). A weekend is not a holiday by itself.

    ``d`` is a ``datetime.date`` (a ``datetime`` counts as its day) from 1948-07-20 to
    2099-12-31; ValidationError ``calendar.out_of_range`` outside; any other type is a
    ``TypeError``. A C-level function answering from a table the core fills on the first call
    (every supported day, ~2 ms once): ~20 ns a call on Python 3.11+, what calling a builtin
    costs. The same holds for :func:`holiday_name` and :func:`is_business_day`.

    >>> is_holiday(datetime.date(2019, 4, 30))  # 国民の休日 before the enthronement
    True
    """

def holiday(d: datetime.date) -> Optional[Holiday]:
    """The holiday on a day, or None."""

def holiday_name(d: datetime.date, lang: str = "ja") -> Optional[str]:
    """The name of the holiday on a day in ``lang`` (``"ja"`` or ``"en"``), or None on an
    ordinary day. Same range and errors as :func:`is_holiday`, plus ValidationError ``lang.unknown``.

    >>> holiday_name(datetime.date(2026, 9, 22)), holiday_name(datetime.date(2026, 9, 22), "en")
    ('国民の休日', "Citizens' Holiday")
    """

def holidays_of_year(year: int) -> list[Holiday]:
    """Every holiday of a year (1948–2099), in date order."""

def is_business_day(d: datetime.date) -> bool:
    """Whether a day is a business day: not a Saturday, Sunday or holiday (no closures; see
    :class:`JapaneseCalendar` for the year-end closure). Same range and errors as
    :func:`is_holiday`.

    >>> is_business_day(datetime.date(2026, 11, 3))  # 文化の日
    False
    """

def next_business_day(d: datetime.date) -> datetime.date:
    """The first business day after a day."""

def previous_business_day(d: datetime.date) -> datetime.date:
    """The last business day before a day."""

def roll_forward(d: datetime.date) -> datetime.date:
    """The day itself when it is a business day, else the next business day."""

@final
class JapaneseCalendar:
    """Holidays plus closures (e.g. the year-end closure) and the last announced year."""

    def __new__(
        cls,
        *,
        last_announced_year: Optional[int] = None,
        closures: Optional[list[tuple[MonthDay, MonthDay]]] = None,
        year_end_closure: bool = False,
    ) -> JapaneseCalendar: ...
    @staticmethod
    def default() -> JapaneseCalendar:
        """The default calendar (no closure; business day = not Sat/Sun/holiday)."""
    @staticmethod
    def with_year_end_closure() -> JapaneseCalendar:
        """The default calendar with the year-end closure 12/29–1/3."""
    @property
    def last_announced_year(self) -> int:
        """The last year whose holidays are officially announced."""
    @property
    def closures(self) -> list[tuple[MonthDay, MonthDay]]:
        """The closures as ``((month, day), (month, day))`` pairs."""
    def year_status(self, year: int) -> Literal["announced", "provisional"]:
        """``"announced"`` or ``"provisional"`` (computed ahead of the official list)."""
    def is_closure(self, d: datetime.date) -> bool:
        """Whether a closure covers the day."""
    def is_business_day(self, d: datetime.date) -> bool:
        """Whether the day is a business day (not Sat/Sun, a holiday or closed)."""
    def next_business_day(self, d: datetime.date) -> datetime.date:
        """The first business day after the day."""
    def previous_business_day(self, d: datetime.date) -> datetime.date:
        """The last business day before the day."""
    def roll_forward(self, d: datetime.date) -> datetime.date:
        """The day itself if it is a business day, else the next one."""
    def roll_backward(self, d: datetime.date) -> datetime.date:
        """The day itself if it is a business day, else the previous one."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

# --- the billing schedule ---------------------------------------------------------------

@final
class Rulebook:
    """One 国保連's schedule and certificate rules, as data (defaults from the guide)."""

    @staticmethod
    def default() -> Rulebook:
        """The guide's schedule (claims 1st–10th, documents 1st/10th, payment 15th)."""
    @staticmethod
    def from_json(json: str) -> Rulebook:
        """Overrides from JSON over the defaults; raises ValidationError with every problem."""
    @staticmethod
    def from_toml(toml: str) -> Rulebook:
        """Overrides from TOML over the defaults; raises ValidationError with every problem."""
    @property
    def id(self) -> str:
        """The rulebook's id (``"default"``, ``"nagano"``)."""
    @property
    def name_ja(self) -> str:
        """Its Japanese name."""
    @property
    def name_en(self) -> str:
        """Its English name."""
    def name(self, lang: str = "ja") -> str:
        """Its name in ``lang``."""
    def to_json(self) -> str:
        """Every rule as JSON (the format ``from_json`` reads)."""
    @staticmethod
    def for_facility(number: Union[FacilityNumber, str]) -> Rulebook:
        """The rulebook of the facility's own 国保連, from the registry of 47."""
    @staticmethod
    def for_prefecture(code: Union[str, int]) -> Rulebook:
        """The rulebook of a prefecture's 国保連 (``"26"`` or 26); ValidationError unless 01-47."""
    @staticmethod
    def registry() -> list[Rulebook]:
        """The 47 rulebooks of the registry, in prefecture-code order."""
    @property
    def prefecture(self) -> Optional[str]:
        """The prefecture code of its 国保連 (``"26"``), or None."""
    @property
    def sources(self) -> dict[str, dict[str, Optional[str]]]:
        """Every sourced field: ``{"payment.roll": {"kind": "stated", "url": ..., "note": ...}}``."""
    @property
    def notes(self) -> list[dict[str, Optional[str]]]:
        """Statements recorded but not applied (about 介護, city pages, old wording)."""
    def field_basis(self, field: str) -> Basis:
        """``"sourced"``, ``"approximate"`` or ``"unverified"`` for one field (``"payment.roll"``)."""
    @property
    def has_sources(self) -> bool:
        """Whether any field is sourced."""
    def label(self, lang: str = "ja") -> str:
        """Which rulebook this is: ``京都府国保連の規則（出典あり）`` / ``既定値（未確認）``."""
    @staticmethod
    def field_paths() -> list[str]:
        """Every field path a rulebook has (``window.closing_day``, ...)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

def document_kinds() -> list[dict[str, Any]]:
    """The monthly documents from the core's one table (id, names, sources, default release)."""

@final
class ClaimWindow:
    """A claim window: ``opens`` (inclusive) to ``closes`` (exclusive), aware datetimes in JST."""

    @property
    def opens(self) -> datetime.datetime:
        """When claims can first be sent (aware, UTC+09:00)."""
    @property
    def closes(self) -> datetime.datetime:
        """When the window closes, exclusive ("the 10th, 24:00" is the 11th 00:00)."""
    @property
    def last_day(self) -> datetime.date:
        """The last day claims can be sent (JST)."""
    def contains(self, at: Instant) -> bool:
        """Whether the window is open at an instant (aware datetime, naive = JST, or text)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class DocumentRelease:
    """One 国保連 document's release in a month's schedule."""

    @property
    def kind(self) -> DocumentKind:
        """The document's id (``"payment_notice"``, ``"returns_list"``, …)."""
    @property
    def name_ja(self) -> str:
        """Its Japanese name (``"支払決定額通知書"``)."""
    @property
    def name_en(self) -> str:
        """Its English name."""
    def name(self, lang: str = "ja") -> str:
        """Its name in ``lang``."""
    @property
    def date(self) -> datetime.date:
        """The day it can be downloaded from."""
    @property
    def only_if_returns(self) -> bool:
        """Whether it exists only if claims were returned."""
    @property
    def basis(self) -> Basis:
        """What its day rests on (``"approximate"``: "about", 頃)."""
    @property
    def sources(self) -> list[DocumentSource]:
        """Where to get it: ``"portal_inquiry_list"``, ``"transmit_history"``."""
    def source_names(self, lang: str = "ja") -> list[str]:
        """Where to get it, described in ``lang``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class DayEvent:
    """What happens on a day of a service month's schedule."""

    @property
    def kind(self) -> EventKind:
        """``"window_opens"``, ``"window_last_day"``, ``"document_release"`` or ``"payment"``."""
    @property
    def date(self) -> datetime.date:
        """The day."""
    @property
    def service_month(self) -> str:
        """The service month it belongs to, ``"YYYY-MM"``."""
    @property
    def basis(self) -> Basis:
        """What its day rests on."""
    @property
    def document(self) -> Optional[DocumentKind]:
        """The document id for a document release, else ``None``."""
    @property
    def only_if_returns(self) -> bool:
        """Whether the document exists only if claims were returned."""
    def describe(self, lang: str = "ja") -> str:
        """One line in ``lang``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class Deadline:
    """The next claim deadline from an instant."""

    @property
    def service_month(self) -> str:
        """The service month whose claims are due, ``"YYYY-MM"``."""
    @property
    def claim_window(self) -> ClaimWindow:
        """Its claim window."""
    @property
    def open_now(self) -> bool:
        """Whether the window is open at the instant asked about."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class MonthSchedule:
    """The schedule of one service month: claim window, documents, payment."""

    @property
    def rulebook_id(self) -> str:
        """The rulebook it was computed with."""
    @property
    def service_month(self) -> str:
        """The month the services were given, ``"YYYY-MM"``."""
    @property
    def claim_month(self) -> str:
        """The month claims are sent (the next one), ``"YYYY-MM"``."""
    @property
    def claim_window(self) -> ClaimWindow:
        """The claim window (aware JST datetimes, ``closes`` exclusive)."""
    @property
    def window_extended(self) -> bool:
        """Whether the window was extended because its closing day was closed."""
    @property
    def documents(self) -> list[DocumentRelease]:
        """The five documents, by release date then kind."""
    @property
    def payment_date(self) -> datetime.date:
        """The payment day (after rolling to a business day)."""
    @property
    def payment_nominal_date(self) -> datetime.date:
        """The rulebook's nominal payment day (the 15th by default), before rolling."""
    @property
    def provisional(self) -> bool:
        """Whether a day of it falls in a year whose holidays are not yet announced."""
    @property
    def payment_basis(self) -> Basis:
        """What the payment day rests on."""
    @property
    def window_basis(self) -> Basis:
        """What the window's last day rests on (closing day and its weekend policy)."""
    @property
    def closing_time_basis(self) -> Basis:
        """What the window's closing hour rests on."""
    def events(self) -> list[DayEvent]:
        """Every event, in date order."""
    def to_json(self) -> str:
        """The schedule as JSON (the shared vectors' format)."""
    def to_ics(
        self,
        *,
        dtstamp: Optional[Instant] = None,
        uid_scope: str = "",
        calendar_name: Optional[str] = None,
        alarm_minutes_before_close: int = 2340,
        include_returns_documents: bool = True,
    ) -> str:
        """This month as an iCalendar (RFC 5545) text: the claim window (timed, UTC, with an
        alarm ``alarm_minutes_before_close`` minutes before it closes), each document release
        and the payment day (all-day events). Lines end CRLF and are folded at 75 octets.

        ``dtstamp`` (the export's DTSTAMP) defaults to now; pass it for reproducible output.
        ``uid_scope`` (e.g. the 事業所番号) keeps several facilities' events apart; the same
        month exported again has the same UIDs, so re-importing updates instead of duplicating.
        ``calendar_name`` is any text (commas, semicolons and backslashes read back as typed; default
        国保連 請求カレンダー（<rulebook>）). No METHOD: a calendar to import, not an iTIP
        message. Accepted by libical's strict check, ical.js, node-ical and Python icalendar.
        """

@final
class BillingCalendar:
    """A rulebook with the holiday calendar: schedules, queries, iCalendar export."""

    def __new__(
        cls,
        rulebook: Optional[Rulebook] = None,
        calendar: Optional[JapaneseCalendar] = None,
        *,
        facility: Optional[Union[FacilityNumber, str]] = None,
    ) -> BillingCalendar: ...
    @property
    def rulebook(self) -> Rulebook:
        """The rulebook."""
    @property
    def calendar(self) -> JapaneseCalendar:
        """The holiday calendar."""
    def schedule(self, year: Union[int, str], month: Optional[int] = None) -> MonthSchedule:
        """The schedule of a service month: ``schedule(2026, 6)`` or ``schedule("2026-06")``."""
    def schedules(self, start: str, end: str) -> list[MonthSchedule]:
        """The schedules of the service months ``start`` to ``end`` inclusive (``"YYYY-MM"``)."""
    def window_at(self, at: Instant) -> Optional[tuple[str, ClaimWindow]]:
        """The claim window open at an instant, as ``(service_month, ClaimWindow)``, or ``None``."""
    def is_window_open(self, at: Instant) -> bool:
        """Whether a claim window is open at an instant."""
    def next_deadline(self, at: Instant) -> Deadline:
        """The next claim deadline after an instant (the open window, else the next one)."""
    def events_on(self, d: datetime.date) -> list[DayEvent]:
        """Everything that happens on a day, for every service month."""
    def to_ics(
        self,
        start: str,
        end: Optional[str] = None,
        *,
        dtstamp: Optional[Instant] = None,
        uid_scope: str = "",
        calendar_name: Optional[str] = None,
        alarm_minutes_before_close: int = 2340,
        include_returns_documents: bool = True,
    ) -> str:
        """The service months ``start`` to ``end`` (``"YYYY-MM"``, ``end`` defaults to
        ``start``) as one iCalendar text; the options as :meth:`MonthSchedule.to_ics`.
        ValidationError ``schedule.invalid_month``, ``schedule.range_too_long``,
        ``calendar.out_of_range``.

        >>> ics = BillingCalendar().to_ics("2026-04", "2026-06", dtstamp="2026-04-01T09:00")
        >>> ics.count("BEGIN:VEVENT")
        21
        """

def billing_schedule(
    year: Union[int, str],
    month: Optional[int] = None,
    rulebook: Optional[Rulebook] = None,
    *,
    calendar: Optional[JapaneseCalendar] = None,
    facility: Optional[Union[FacilityNumber, str]] = None,
) -> MonthSchedule:
    """The schedule of a service month: ``billing_schedule(2026, 6)`` or ``billing_schedule("2026-06")``.

    Claims for services of month M are sent in M+1 (by default the 1st 00:00 to the 10th 24:00
    JST, moved by the rulebook and holidays); the documents and the payment day follow. The
    rulebook: ``rulebook`` if given, else the one of ``facility``'s own 国保連 (the registry of
    47), else the default (the guide's rules, unverified). ValidationError
    ``schedule.invalid_month``, ``calendar.out_of_range``.

    >>> s = billing_schedule(2026, 6)
    >>> s.claim_window.last_day, s.payment_date
    (datetime.date(2026, 7, 10), datetime.date(2026, 8, 17))
    """

# --- certificates -------------------------------------------------------------------------

@final
class Certificate:
    """A facility's 電子証明書: facts of the certificate, of its .p12 file, status and renewal."""

    @staticmethod
    def from_pkcs12(data: Bytes, password: str, *, max_iterations: Optional[int] = None) -> Certificate:
        """Opens a .p12 fully: checks the password, reads the certificates,
        decrypts the private key and checks it belongs to the certificate (the
        key is then dropped, zeroized; it is never given to Python). The GIL is
        released during the key derivation.

        ``data`` is the file's bytes; ``password`` the 証明書発行用パスワード.
        Raises WrongPasswordError ``certificate.wrong_password`` (also for a password
        that cannot be encoded), CertificateFormatError ``certificate.malformed`` …
        for a damaged file, UnsupportedCertificateError for an algorithm the library
        does not read; ``certificate.excessive_iterations`` when the file asks for more
        key-derivation iterations than ``max_iterations`` (``error_class_for(code)`` gives
        the class of each code).
        """
    @staticmethod
    def inspect_pkcs12(
        data: Bytes, password: str, *, max_iterations: Optional[int] = None
    ) -> Certificate:
        """Inspects a .p12 without decrypting its private key: checks the
        password (the MAC) and reads the certificates. Faster than
        ``from_pkcs12`` when the file's key uses its own key derivation. The GIL
        is released during the key derivation.
        """
    @staticmethod
    def from_der(data: Bytes) -> Certificate:
        """Reads a bare DER X.509 certificate (a .cer file): no password, no file facts.

        Raises CertificateFormatError (``certificate.malformed``, a message about a DER certificate) for
        bytes that are not one; TypeError for a ``str`` (give the file's bytes).
        """
    @property
    def subject(self) -> list[tuple[str, str]]:
        """The subject, attribute by attribute in order: ``[("C", "JP"), ("CN", "…"), …]``."""
    @property
    def issuer(self) -> list[tuple[str, str]]:
        """The issuer, attribute by attribute in order."""
    def subject_attributes(self) -> list[dict[str, str]]:
        """The subject's attributes with OIDs and string types, as dicts."""
    def subject_value(self, name: str) -> Optional[str]:
        """The first value of a subject attribute (``"CN"``, ``"O"``, …), or ``None``."""
    @property
    def serial_hex(self) -> str:
        """The serial number in upper-case hex."""
    @property
    def not_before(self) -> datetime.datetime:
        """notBefore, an aware datetime in UTC."""
    @property
    def not_after(self) -> datetime.datetime:
        """notAfter, an aware datetime in UTC."""
    @property
    def valid_from_jst(self) -> datetime.date:
        """The JST day of notBefore (the portal's 有効開始年月日)."""
    @property
    def valid_to_jst(self) -> datetime.date:
        """The JST day of notAfter (the portal's 有効終了年月日)."""
    @property
    def sha256_fingerprint(self) -> str:
        """The SHA-256 fingerprint, ``"BC:31:…"``."""
    @property
    def facility_number(self) -> Optional[FacilityNumber]:
        """The 事業所番号 found in the subject, or ``None``."""
    @property
    def subject_number(self) -> Optional[str]:
        """The first run of exactly 10 digits in the subject, valid number or not."""
    def matches_facility(self, number: Union[FacilityNumber, str]) -> bool:
        """Whether the subject names this 事業所番号 (a ``FacilityNumber`` or ``str``)."""
    @property
    def is_ca(self) -> bool:
        """Whether it is a CA certificate (never a facility's)."""
    @property
    def self_signed(self) -> bool:
        """Whether subject and issuer are the same name."""
    @property
    def signature_algorithm(self) -> str:
        """The signature algorithm (``"sha256WithRSAEncryption"``, …)."""
    @property
    def key_algorithm(self) -> str:
        """The public key's algorithm (``"RSA"``, ``"EC"``, …)."""
    @property
    def key_bits(self) -> Optional[int]:
        """The public key's size in bits, when known."""
    @property
    def friendly_name(self) -> Optional[str]:
        """The PKCS#12 friendlyName of the certificate's bag, if any."""
    @property
    def chain(self) -> list[Certificate]:
        """The other certificates of the file (usually the issuing CA), in file order."""
    @property
    def has_private_key(self) -> bool:
        """Whether the .p12 holds a private key (``False`` for a bare certificate)."""
    @property
    def private_key_checked(self) -> bool:
        """Whether the private key was decrypted and checked against the
        certificate (``from_pkcs12``); ``False`` after an inspection.
        """
    @property
    def leaf_is_ca(self) -> bool:
        """Whether the file's certificate is a CA certificate (the wrong file)."""
    @property
    def issuer_in_file(self) -> bool:
        """Whether the certificate's issuer is in the file."""
    @property
    def password_verified(self) -> bool:
        """Whether the password was proven right (``False`` only for a file
        without MAC or encryption, and for a bare certificate).
        """
    @property
    def mac_algorithm(self) -> Optional[str]:
        """The file's MAC (``"HMAC-SHA-256"``, …), or ``None``."""
    @property
    def mac_iterations(self) -> Optional[int]:
        """The MAC's iteration count, or ``None``."""
    @property
    def certificate_encryption(self) -> Optional[str]:
        """How the certificates are encrypted in the file, or ``None``."""
    @property
    def key_encryption(self) -> Optional[str]:
        """How the private key is encrypted in the file, or ``None``."""
    def findings(self, expected: Union[FacilityNumber, str, None] = None) -> list[Finding]:
        """Warnings about the file for a facility: a CA certificate
        (``certificate.leaf_is_ca``), another facility's number (``certificate.facility_mismatch``).
        """
    @property
    def leaf_basis(self) -> Optional[str]:
        """How the facility's certificate was told from the others in the file:
        ``"private_key"``, ``"local_key_id"``, ``"end_entity"``, ``"only_certificate"`` or
        ``"uncertain"`` (finding ``certificate.leaf_uncertain``); ``None`` for a bare certificate.
        """
    def status(self, today: datetime.date, rulebook: Optional[Rulebook] = None) -> CertificateStatus:
        """The certificate's status on ``today``: a ``datetime.date`` (a JST day) or an aware
        ``datetime.datetime`` (converted to JST, judged as an instant; a naive one raises
        ``TypeError``). Renewal notice and urgency from the rulebook.
        """
    def renewal_plan(self, today: datetime.date, rulebook: Optional[Rulebook] = None) -> RenewalPlan:
        """The renewal plan on ``today`` (a JST ``date``, or an aware ``datetime`` converted to
        JST): the last safe day to apply so the next
        claim window is not lost (the rulebook's windows, lead time and
        cut-off; business days with the Japanese holidays).
        """
    def to_evidence(self) -> dict[str, Any]:
        """The evidence ``Onboarding.complete(..., certificate=...)`` takes. Refused
        (``certificate.unverified_evidence``) for a .p12 whose password was never verified:
        open it with ``from_pkcs12`` first.
        """

@final
class CertificateStatus:
    """A certificate's status on a day, with a bilingual message naming the next action."""

    @property
    def kind(self) -> StatusKind:
        """``"not_yet_valid"``, ``"valid"``, ``"renewal_due"``, ``"urgent"`` or ``"expired"``."""
    @property
    def code(self) -> str:
        """The stable code, e.g. ``"certificate.status.urgent"``."""
    @property
    def severity(self) -> Severity:
        """``"info"``, ``"warning"`` or ``"error"``."""
    @property
    def today(self) -> datetime.date:
        """The day judged."""
    @property
    def valid_from(self) -> datetime.date:
        """有効開始年月日 (JST)."""
    @property
    def valid_to(self) -> datetime.date:
        """有効終了年月日 (JST)."""
    @property
    def days_left(self) -> int:
        """Days from today to the expiry day (0 on the day, negative after)."""
    @property
    def milestone(self) -> Optional[int]:
        """For ``"urgent"``: the milestone reached (60, 30, 15, 7 by default)."""
    @property
    def remind_today(self) -> bool:
        """Whether a reminder is due today."""
    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
    def to_finding(self) -> Finding:
        """As a ``Finding``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class RenewalPlan:
    """The last safe day to apply for the next certificate, so no claim window is lost."""

    @property
    def finding(self) -> RenewalFinding:
        """``"not_yet"``, ``"apply_now"``, ``"apply_by_passed"`` or ``"expired"``."""
    @property
    def code(self) -> str:
        """The stable code, e.g. ``"certificate.renewal.apply_now"``."""
    @property
    def severity(self) -> Severity:
        """``"info"``, ``"warning"`` or ``"error"``."""
    @property
    def today(self) -> datetime.date:
        """The day of the plan."""
    @property
    def expires_at(self) -> datetime.datetime:
        """The old certificate's notAfter (aware, UTC)."""
    @property
    def expiry_day(self) -> datetime.date:
        """Its JST day."""
    @property
    def target_window(self) -> ClaimWindow:
        """The first claim window the old certificate would fail."""
    @property
    def install_by(self) -> datetime.date:
        """The new certificate must be installed by this day."""
    @property
    def apply_by(self) -> datetime.date:
        """The last safe day to apply (a business day, while the old one is valid)."""
    @property
    def cutoff(self) -> Optional[datetime.date]:
        """The monthly cut-off the application must meet, if the 国保連 has one."""
    @property
    def days_until_apply_by(self) -> int:
        """Days from today to ``apply_by`` (negative once passed)."""
    @property
    def passed(self) -> bool:
        """Whether ``apply_by`` has passed."""
    def message(self, lang: str = "ja") -> str:
        """The advice in ``lang``."""
    def to_finding(self) -> Finding:
        """As a ``Finding``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

def certificate_status(
    not_before: datetime.datetime,
    not_after: datetime.datetime,
    today: datetime.date,
    rulebook: Optional[Rulebook] = None,
) -> CertificateStatus:
    """The status on ``today`` (a JST ``date``, or an aware ``datetime`` converted to JST and
    judged as an instant) of a certificate valid from ``not_before`` to ``not_after``
    (aware datetimes, any zone; ``TypeError`` for naive ones), without the file: for a
    certificate known only from the portal. ``kind`` is ``"not_yet_valid"``, ``"valid"``,
    ``"renewal_due"``, ``"urgent"`` or ``"expired"``; the rulebook's certificate rules set
    the thresholds (default: the guide's).

    >>> utc = datetime.timezone.utc
    >>> st = certificate_status(datetime.datetime(2023, 9, 15, tzinfo=utc),
    ...                         datetime.datetime(2026, 9, 15, tzinfo=utc), datetime.date(2026, 7, 1))
    >>> st.kind, st.days_left
    ('renewal_due', 76)
    """

def renewal_plan(
    not_after: datetime.datetime, today: datetime.date, rulebook: Optional[Rulebook] = None
) -> RenewalPlan:
    """The renewal plan on ``today`` (a JST ``date``, or an aware ``datetime`` converted to
    JST) for a certificate expiring at ``not_after`` (aware;
    ``TypeError`` for a naive datetime): the last safe day to apply (``apply_by``) and to
    install (``install_by``) so that no claim window is lost, from the rulebook's issuance
    lead time (data, default from the guide) and the claim windows with Japanese holidays.
    """

# --- readiness ------------------------------------------------------------------------------

@final
class ReadinessFinding:
    """One finding of the readiness report."""

    @property
    def code(self) -> str:
        """The stable code (``"readiness.step_missing"``, …)."""
    @property
    def severity(self) -> Severity:
        """``"info"``, ``"warning"`` or ``"error"`` (an error blocks billing in the coming window)."""
    @property
    def guide_page(self) -> str:
        """The guide page that explains the fix."""
    @property
    def fix_by(self) -> Optional[datetime.date]:
        """The day by which it must be fixed, if any."""
    @property
    def fix_by_basis(self) -> Optional[Basis]:
        """What ``fix_by`` rests on (``"unverified"``: a default rule, flag it)."""
    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
    def to_finding(self) -> Finding:
        """As a ``Finding``."""

@final
class Action:
    """One of the next things to do."""

    @property
    def code(self) -> str:
        """The finding's code."""
    @property
    def step_id(self) -> Optional[str]:
        """The step to do, when the action is a step."""
    @property
    def guide_page(self) -> str:
        """The guide page."""
    @property
    def due(self) -> Optional[datetime.date]:
        """By when."""
    @property
    def due_basis(self) -> Optional[Basis]:
        """What ``due`` rests on."""
    def message(self, lang: str = "ja") -> str:
        """What to do, in ``lang``."""

@final
class Readiness:
    """Can the facility bill in the coming claim window; what blocks it; what to do by when."""

    @property
    def facility_number(self) -> FacilityNumber:
        """The facility."""
    @property
    def today(self) -> datetime.date:
        """The day judged."""
    @property
    def claim_month(self) -> str:
        """The claim month of the coming window, ``"YYYY-MM"``."""
    @property
    def claim_window(self) -> ClaimWindow:
        """The coming claim window (aware JST datetimes)."""
    @property
    def can_bill(self) -> bool:
        """Whether nothing blocks billing in that window."""
    @property
    def rulebook_id(self) -> str:
        """The id of the rulebook the dates come from."""
    def rulebook_label(self, lang: str = "ja") -> str:
        """Which rulebook, and whether sourced: ``京都府国保連の規則（出典あり）``."""
    @property
    def window_basis(self) -> Basis:
        """What the window's last day rests on."""
    @property
    def findings(self) -> list[ReadinessFinding]:
        """Every finding, most serious and most urgent first."""
    @property
    def codes(self) -> list[str]:
        """The codes of the findings, in order."""
    @property
    def next_actions(self) -> list[Action]:
        """The next one to three things to do."""
    def to_json(self) -> str:
        """The report as JSON (both languages)."""

@final
class BatchReport:
    """The readiness of many facilities on one day."""

    @property
    def results(self) -> list[Readiness]:
        """One report per state, in input order."""
    @property
    def total(self) -> int:
        """How many facilities."""
    @property
    def can_bill(self) -> int:
        """How many can bill in the coming window."""
    @property
    def by_code(self) -> dict[str, int]:
        """How many facilities have each finding code (errors and warnings)."""
    def __len__(self) -> int: ...

def evaluate_many(
    states: Sequence[Union[str, Onboarding]],
    today: datetime.date,
    rulebook: Optional[Rulebook] = None,
    *,
    agent_certificates: Optional[Sequence[Union[Certificate, Mapping[str, Any]]]] = None,
) -> BatchReport:
    """Readiness of many facilities (JSON states or Onboarding objects), parsed and evaluated in Rust, GIL released."""

@final
class Reminder:
    """A reminder for a day: ``date``, ``code`` (``reminder.*``) and the message."""

    @property
    def date(self) -> datetime.date:
        """The day to tell the user."""
    @property
    def code(self) -> str:
        """The stable code (``"reminder.window_opens"``, …)."""
    @property
    def basis(self) -> Basis:
        """What its date rests on (``"unverified"``: flag it)."""
    @property
    def message_ja(self) -> str:
        """The message in Japanese."""
    @property
    def message_en(self) -> str:
        """The message in English."""
    def message(self, lang: str = "ja") -> str:
        """The message in ``lang``."""
    def to_dict(self) -> dict[str, str]:
        """A plain dict (``date`` as ``YYYY-MM-DD``, ``code``, ``message_ja``, ``message_en``) for JSON."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

# --- the 取込送信 facility profile ---------------------------------------------------

@final
class FacilityProfile:
    """A validated 取込送信 facility profile (事業所情報保守). No password inside."""

    @staticmethod
    def validate(
        fields: Optional[Mapping[str, Optional[str]]] = None,
        /,
        *,
        expected_facility: Optional[Union[FacilityNumber, str]] = None,
        **kwargs: Optional[str],
    ) -> FacilityProfile:
        """Validates every field at once; ValidationError with every violation."""
    @property
    def facility_number(self) -> FacilityNumber:
        """事業所番号."""
    @property
    def name_kana(self) -> str:
        """名称 カナ (as typed, trimmed)."""
    @property
    def name_kanji(self) -> str:
        """名称 漢字."""
    @property
    def postal_code(self) -> str:
        """郵便番号, ``NNN-NNNN``."""
    @property
    def address_kana(self) -> str:
        """住所 カナ."""
    @property
    def address_kanji(self) -> str:
        """住所 漢字."""
    @property
    def phone(self) -> str:
        """電話番号 (half-width)."""
    @property
    def fax(self) -> str:
        """FAX番号 (half-width)."""
    @property
    def representative_name_kana(self) -> str:
        """代表者 氏名カナ."""
    @property
    def representative_name_kanji(self) -> str:
        """代表者 氏名漢字."""
    @property
    def representative_title(self) -> str:
        """代表者 職名."""
    @property
    def email(self) -> Optional[str]:
        """メールアドレス, if given."""
    @property
    def password_is_default(self) -> bool:
        """Whether the 取込送信 password is still the initial ``0000``."""
    @property
    def warnings(self) -> list[Finding]:
        """Warnings (``profile.password_default`` while the password is ``0000``)."""
    def to_json(self) -> str:
        """The profile as JSON (no password)."""
    def to_dict(self) -> dict[str, Any]:
        """The profile as a plain dict (no password)."""
    def fields(self, lang: str = "ja") -> list[tuple[str, str]]:
        """Each field's label on the screen (Japanese) or its English name, with its value."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

# --- the certificate portal lifecycle ---------------------------------------------------

@final
class Addressee:
    """A validated 見積書 addressee; ValidationError ``certificate.addressee.*`` otherwise."""

    def __new__(
        cls,
        postal_code: str,
        address: str,
        office_name: str,
        person_name: str,
        honorific: str = "様",
    ) -> Addressee: ...
    @property
    def postal_code(self) -> str:
        """郵便番号, ``NNN-NNNN``."""
    @property
    def address(self) -> str:
        """住所."""
    @property
    def office_name(self) -> str:
        """事業所名."""
    @property
    def person_name(self) -> str:
        """氏名 (or the department for 御中)."""
    @property
    def honorific(self) -> Honorific:
        """``"様"`` or ``"御中"``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class Estimate:
    """A 見積書: addressee, day, fee (yen) and validity (years) from the certificate rules."""

    @property
    def addressee(self) -> Addressee:
        """The addressee."""
    @property
    def made_on(self) -> datetime.date:
        """The day it was made."""
    @property
    def fee_yen(self) -> int:
        """The fee in yen (the rulebook's; 7,800 by default)."""
    @property
    def validity_years(self) -> int:
        """The nominal validity in years."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class IssuedCertificate:
    """An issued certificate as the portal shows it, and the PCs it is installed on."""

    @property
    def valid_from(self) -> datetime.date:
        """有効開始年月日."""
    @property
    def valid_to(self) -> datetime.date:
        """有効終了年月日."""
    @property
    def issued_on(self) -> datetime.date:
        """The day it was issued."""
    @property
    def fingerprint_sha256(self) -> Optional[str]:
        """The SHA-256 fingerprint, once the file was downloaded and inspected."""
    @property
    def installations(self) -> list[tuple[str, datetime.date]]:
        """The PCs it is installed on: ``(pc, installed_on)`` in order of installation."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...

@final
class CertificateLifecycle:
    """The certificate on the portal: estimate, application, issue, download, install, expiry."""

    def __new__(cls) -> CertificateLifecycle: ...
    @staticmethod
    def from_json(json: str) -> CertificateLifecycle:
        """Reads a state written by ``to_json`` (WorkflowError ``state.invalid`` when it cannot)."""
    def to_json(self) -> str:
        """The state as JSON (no secrets; the history of events included)."""
    @property
    def stage(self) -> LifecycleStage:
        """Where it stands: ``"not_applied"``, ``"estimate_made"``, ``"applied"``,
        ``"issued"``, ``"downloaded"``, ``"installed"`` or ``"expired"``.
        """
    def stage_label(self, lang: str = "ja") -> str:
        """The stage as the portal or HUG shows it (``"発行申請中"``), in ``lang``."""
    @property
    def estimate(self) -> Optional[Estimate]:
        """The last estimate made for the current application."""
    @property
    def applied_on(self) -> Optional[datetime.date]:
        """The day the current application was sent."""
    @property
    def renewal(self) -> bool:
        """Whether the current application renews a certificate still in use."""
    @property
    def certificate(self) -> Optional[IssuedCertificate]:
        """The newest issued certificate."""
    @property
    def previous(self) -> Optional[IssuedCertificate]:
        """During a renewal: the certificate still in use."""
    @property
    def history(self) -> list[dict[str, Any]]:
        """Every accepted event, in order, as dicts ``apply_event`` accepts."""
    def apply_event(self, event: Union[Mapping[str, Any], str]) -> None:
        """Applies one event given as a dict (or its JSON text) in the form of
        ``history``: ``{"event": "apply", "on": date}``, ``"issue"`` (``on``,
        ``valid_from``, ``valid_to``), ``"download"`` (``on``, ``fingerprint_sha256``),
        ``"install"`` (``pc``, ``on``), ``"expire"`` (``on``), ``"make_estimate"``
        (``estimate``: ``addressee``, ``made_on``, ``fee_yen``, ``validity_years``; the
        addressee is validated). Dates may be ``datetime.date`` or ``YYYY-MM-DD``.
        An unreadable event is a ValidationError ``binding.invalid_event``; a
        refused one a WorkflowError ``certificate.lifecycle.*``; on error the
        state is unchanged.
        """
    def make_estimate(
        self,
        addressee: Union[Addressee, Mapping[str, str]],
        on: datetime.date,
        rulebook: Optional[Rulebook] = None,
    ) -> Estimate:
        """Makes a 見積書 for ``addressee`` (an ``Addressee``, or a mapping of its
        fields) on the day ``on``, with the fee and validity of ``rulebook``'s
        certificate rules (the default rulebook's when None); returns it.
        """
    def apply(self, on: datetime.date) -> None:
        """The application was sent on ``on`` (発行申請中); during use, a renewal."""
    def issue(
        self, on: datetime.date, valid_from: datetime.date, valid_to: datetime.date
    ) -> None:
        """The portal shows 発行済み on ``on`` with the validity dates."""
    def download(self, on: datetime.date, fingerprint_sha256: Optional[str] = None) -> None:
        """The .p12 was downloaded (again) on ``on``; ``fingerprint_sha256`` from
        ``Certificate.sha256_fingerprint`` when known.
        """
    def install(self, pc: str, on: datetime.date) -> None:
        """Installed on the PC named ``pc`` on ``on`` (again: the day is updated)."""
    def expire(self, on: datetime.date) -> None:
        """The certificate in use expired on ``on``."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
