"""The exception hierarchy and the ONE mapping from stable codes to exception classes.

Every error raised by :mod:`hug_onboard` is a :class:`HugOnboardError` carrying
the core's stable ``code`` and the message in Japanese and English. Validation
errors carry *every* problem found (``.violations``) and are also
:class:`ValueError`.
"""

from __future__ import annotations

from typing import Sequence

from ._native import Finding

__all__ = [
    "HugOnboardError",
    "ValidationError",
    "WrongPasswordError",
    "CertificateFormatError",
    "UnsupportedCertificateError",
    "WorkflowError",
    "error_class_for",
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


# --- The one mapping ------------------------------------------------------------
# Exact codes first, then the area (the part before the first dot), else
# ValidationError. A test checks that every code of `codes()` maps to a class.
_BY_CODE: dict[str, type[HugOnboardError]] = {
    "binding.internal_panic": HugOnboardError,
    "binding.invalid_lang": ValidationError,
    "password.random_unavailable": HugOnboardError,
    "password.generate_failed": HugOnboardError,
    # certificate.*: checked against certificate::CODES by tests/test_certificate.py.
    "certificate.wrong_password": WrongPasswordError,
    # a password with a NUL can never open a file: the user must retype it.
    "certificate.password_not_encodable": WrongPasswordError,
    "certificate.unsupported_algorithm": UnsupportedCertificateError,
    # issue #12: a file whose password was never verified is not evidence (the input's problem).
    "certificate.unverified_evidence": ValidationError,
}
# Prefixes inside an area, longest first, before the area itself.
_BY_PREFIX: tuple[tuple[str, type[HugOnboardError]], ...] = (
    ("certificate.addressee.", ValidationError),
    ("certificate.lifecycle.", WorkflowError),
)
_BY_AREA: dict[str, type[HugOnboardError]] = {
    "certificate": CertificateFormatError,
    "onboarding": WorkflowError,
    "workflow": WorkflowError,
    "state": WorkflowError,
}


def error_class_for(code: str) -> type[HugOnboardError]:
    """The exception class raised for a stable code."""
    exact = _BY_CODE.get(code)
    if exact is not None:
        return exact
    for prefix, cls in _BY_PREFIX:
        if code.startswith(prefix):
            return cls
    return _BY_AREA.get(code.split(".", 1)[0], ValidationError)


def _error_from_findings(findings: Sequence[Finding]) -> HugOnboardError:
    """Called by the native module: the exception for a list of findings."""
    cls = error_class_for(findings[0].code) if findings else HugOnboardError
    return cls(findings)
