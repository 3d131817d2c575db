"""The exception hierarchy and the ONE mapping from error kinds to exception classes.

Every error raised by :mod:`hug_onboard` is a :class:`HugOnboardError` carrying
the core's stable ``code`` and the message in Japanese and English. Each code
has a *kind* (``"invalid_input"``, ``"wrong_password"``, …) declared with it in
the core; the exception class is derived from the kind alone, by
:data:`CLASS_BY_KIND` — the same kinds the C face maps to its ``hug_status``.
Validation errors carry *every* problem found (``.violations``) and are also
:class:`ValueError`.
"""

from __future__ import annotations

import os
from typing import Sequence, Union

from ._native import Finding, codes

__all__ = [
    "HugOnboardError",
    "ValidationError",
    "WrongPasswordError",
    "CertificateFormatError",
    "UnsupportedCertificateError",
    "WorkflowError",
    "UnavailableError",
    "CLASS_BY_KIND",
    "error_class_for",
    "error_class_for_kind",
]


class HugOnboardError(Exception):
    """Base of every error raised by hug_onboard.

    ``code`` is the stable code of the first problem (``"facility.wrong_length"``);
    ``findings`` holds every problem, in the order found.
    """

    findings: tuple[Finding, ...]

    def __init__(self, findings: Sequence[Finding]) -> None:
        items = tuple(findings)
        if not items:
            raise TypeError("HugOnboardError needs at least one Finding")
        self.findings = items
        super().__init__(items)

    @property
    def code(self) -> str:
        """The stable code of the first problem."""
        return self.findings[0].code

    @property
    def codes(self) -> list[str]:
        """Every code, in order."""
        return [f.code for f in self.findings]

    def message(self, lang: str = "ja") -> str:
        """Every problem's message in ``lang`` ("ja" or "en"), one per line."""
        return "\n".join(f.message(lang) for f in self.findings)

    @property
    def message_ja(self) -> str:
        """The message in Japanese."""
        return self.message("ja")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")

    def to_dict(self) -> dict[str, object]:
        """A plain dict for JSON: ``code``, ``type``, ``message_ja``, ``message_en``, ``findings``."""
        return {
            "code": self.code,
            "type": type(self).__name__,
            "message_ja": self.message_ja,
            "message_en": self.message_en,
            "findings": [f.to_dict() for f in self.findings],
        }

    def __str__(self) -> str:
        return "; ".join(f"[{f.code}] {f.message_en}" for f in self.findings)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self.findings)!r})"


class ValidationError(HugOnboardError, ValueError):
    """The input is invalid; ``violations`` lists every problem found."""

    @property
    def violations(self) -> list[Finding]:
        """Every problem found, in order."""
        return list(self.findings)


class WrongPasswordError(HugOnboardError):
    """The password does not open the certificate file (the file itself is fine)."""


class CertificateFormatError(HugOnboardError):
    """The file is not a readable PKCS#12 certificate (corrupt, truncated, not a .p12)."""


class UnsupportedCertificateError(HugOnboardError):
    """The file is PKCS#12 but uses an algorithm or structure this library cannot read."""


class WorkflowError(HugOnboardError):
    """An onboarding step cannot be recorded (missing prerequisite, wrong order, bad state)."""


class UnavailableError(HugOnboardError):
    """Something the call needs is not available on this machine: Tesseract or its Japanese
    data, the ``[ocr]`` extra, the operating system's random source."""


# --- The one mapping ------------------------------------------------------------
# Kind -> exception class. A test (tests/test_kinds.py) checks that every kind of
# every catalogued code is here and agrees with the C status of the same kind.
CLASS_BY_KIND: dict[str, type[HugOnboardError]] = {
    "invalid_input": ValidationError,
    "invalid_data": ValidationError,
    "invalid_argument": ValidationError,
    "missing_argument": ValidationError,
    "invalid_encoding": ValidationError,
    "advisory": ValidationError,
    "workflow": WorkflowError,
    "wrong_password": WrongPasswordError,
    "corrupt_file": CertificateFormatError,
    "unsupported": UnsupportedCertificateError,
    "unavailable": UnavailableError,
    "internal": HugOnboardError,
    "panic": HugOnboardError,
}

_KIND_BY_CODE: dict[str, str] = {}


def error_class_for_kind(kind: str) -> type[HugOnboardError]:
    """The exception class raised for a kind of problem (``HugOnboardError`` if unknown)."""
    return CLASS_BY_KIND.get(kind, HugOnboardError)


def error_class_for(code: str) -> type[HugOnboardError]:
    """The exception class raised for a stable code (from the code's kind)."""
    if not _KIND_BY_CODE:
        _KIND_BY_CODE.update((c.code, c.kind) for c in codes())
    return error_class_for_kind(_KIND_BY_CODE.get(code, "internal"))


def _error_from_findings(findings: Sequence[Finding]) -> HugOnboardError:
    """Called by the native module: the exception for a list of findings."""
    cls = error_class_for_kind(findings[0].kind) if findings else HugOnboardError
    return cls(findings)


def _json_default(value: object) -> str:
    """``json.dumps``' ``default`` for the mappings the binding reads as JSON (profiles,
    certificate evidence, lifecycle events): dates and times as their ``str``; anything
    else that is not text, a number, ``None``, a list or a mapping is a ``TypeError``
    (``default=str`` took ``object()`` or ``b"x"`` as text, silently)."""
    import datetime

    if isinstance(value, (datetime.date, datetime.time)):
        return str(value)
    raise TypeError(
        f"a {type(value).__name__} cannot be given here (text, numbers, None, dates, lists and mappings can)"
    )


def file_shown(path: Union[str, "os.PathLike[str]", "os.PathLike[bytes]", bytes]) -> str:
    """A file as every message names it (``from_image``'s ``ocr.image_unreadable``, the command
    line's ``cli.file_not_found``, ``cli.file_unreadable``, ``cli.not_text``): its name, without
    the folders — they often hold the user's name (``/home/tanaka/…``, ``C:\\Users\\…``) and a
    facility's, and messages end up in logs HUG's support reads; the caller knows where the file
    is. A name decoded with surrogateescape (or any lone surrogate) is shown escaped
    (``\\udcff``): a message must be valid text. A path with no name (``/``) is shown whole."""
    whole = os.fsdecode(os.fspath(path))
    name = os.path.basename(whole.rstrip("/" + os.sep)) or whole
    return name.encode("utf-8", "backslashreplace").decode("utf-8")
