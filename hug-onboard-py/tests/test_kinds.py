"""The C and Python faces classify every code alike.

Both derive their classification from the core's error kind: C by one match
(kind -> ``hug_status``, in ``hug-onboard-ffi/src/error.rs``), Python by one
table (kind -> exception class, ``hug_onboard._errors.CLASS_BY_KIND``), the CLI
by one table (kind -> exit code). This test loads the C library itself
(ctypes) and checks, for EVERY code of both catalogues (the core's, the C
boundary's ``ffi.*``, the binding's ``binding.*`` and the CLI's ``cli.*``),
that the kind is the same where both faces have the code, and that the C
status and the Python class of each kind mean the same thing.
"""

from __future__ import annotations

import ctypes
import json
import os
import pathlib
from typing import Any, Dict, List, Set

import pytest

import hug_onboard as h
from hug_onboard import _errors, cli

ROOT = pathlib.Path(__file__).resolve().parents[2]

# What each documented C status means, as a Python exception class.
STATUS_CLASS: Dict[int, type] = {
    1: h.ValidationError,  # HUG_ERR_NULL_ARGUMENT
    2: h.ValidationError,  # HUG_ERR_INVALID_UTF8
    3: h.ValidationError,  # HUG_ERR_INVALID_ARGUMENT
    100: h.HugOnboardError,  # HUG_ERR_PANIC
    101: h.HugOnboardError,  # HUG_ERR_INTERNAL
    102: h.UnavailableError,  # HUG_ERR_UNAVAILABLE
    200: h.ValidationError,  # HUG_ERR_VALIDATION
    201: h.ValidationError,  # HUG_ERR_INVALID_JSON
    202: h.WorkflowError,  # HUG_ERR_WORKFLOW
    300: h.WrongPasswordError,  # HUG_ERR_WRONG_PASSWORD
    301: h.CertificateFormatError,  # HUG_ERR_CORRUPT_FILE
    302: h.UnsupportedCertificateError,  # HUG_ERR_UNSUPPORTED
}


def _clib() -> ctypes.CDLL:
    env = os.environ.get("HUG_ONBOARD_CLIB")
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    candidates = (
        [pathlib.Path(env)]
        if env
        else [target / "release" / "libhug_onboard.so", target / "debug" / "libhug_onboard.so"]
    )
    for c in candidates:
        if c.exists():
            lib = ctypes.CDLL(str(c))
            lib.hug_code_catalogue_json.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
            lib.hug_code_catalogue_json.restype = ctypes.c_int
            lib.hug_string_free.argtypes = [ctypes.c_void_p]
            lib.hug_string_free.restype = None
            lib.hug_lang_parse.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
            lib.hug_lang_parse.restype = ctypes.c_int
            lib.hug_last_error_code.argtypes = []
            lib.hug_last_error_code.restype = ctypes.c_char_p
            return lib
    pytest.fail(
        "the C library is not built: run `cargo build --release -p hug-onboard-ffi` "
        "(hug-onboard-py/run-tests does) or set HUG_ONBOARD_CLIB"
    )


@pytest.fixture(scope="module")
def c_catalogue() -> List[Dict[str, Any]]:
    lib = _clib()
    out = ctypes.c_void_p()
    assert lib.hug_code_catalogue_json(ctypes.byref(out)) == 0
    try:
        text = ctypes.string_at(out.value).decode("utf-8") if out.value else ""
    finally:
        lib.hug_string_free(out)
    items = json.loads(text)
    assert isinstance(items, list) and items
    return items


def _python_kinds() -> Dict[str, str]:
    kinds: Dict[str, str] = {c.code: c.kind for c in h.codes()}
    for code, (kind, _summary) in cli.CLI_CODES.items():
        assert code not in kinds, code
        kinds[code] = kind
    return kinds


def test_c_and_python_agree_on_the_kind_and_category_of_every_code(
    c_catalogue: List[Dict[str, Any]],
) -> None:
    c_kinds = {c["code"]: c["kind"] for c in c_catalogue}
    py_kinds = _python_kinds()
    # The core's codes are in both faces, with the same kind.
    def core(codes: Dict[str, str]) -> Set[str]:
        return {c for c in codes if not c.startswith(("ffi.", "binding.", "cli.", "ocr."))}

    assert core(c_kinds) == core(py_kinds)
    for code in set(c_kinds) & set(py_kinds):
        assert c_kinds[code] == py_kinds[code], code
    # The C status of each kind (one per kind: the status is derived from the kind alone).
    status_of: Dict[str, int] = {}
    for c in c_catalogue:
        assert status_of.setdefault(c["kind"], c["status"]) == c["status"], c
    # Every code of either face: the Python class and the CLI exit code of its
    # kind exist, and the class is the one the C status of that kind means.
    for code, kind in {**c_kinds, **py_kinds}.items():
        assert kind in status_of, f"{code}: kind {kind!r} has no C status"
        assert kind in _errors.CLASS_BY_KIND, f"{code}: kind {kind!r} has no exception class"
        assert kind in cli.EXIT_BY_KIND, f"{code}: kind {kind!r} has no exit code"
        assert h.error_class_for_kind(kind) is STATUS_CLASS[status_of[kind]], (code, kind)
    for code in py_kinds:
        if not code.startswith("cli."):
            assert h.error_class_for(code) is STATUS_CLASS[status_of[py_kinds[code]]], code


def test_the_codes_that_disagreed_before_agree_now(c_catalogue: List[Dict[str, Any]]) -> None:
    by_code = {c["code"]: c for c in c_catalogue}
    want = {
        "certificate.password_not_encodable": (300, h.WrongPasswordError),
        "certificate.excessive_iterations": (301, h.CertificateFormatError),
        "certificate.wrong_password": (300, h.WrongPasswordError),
        "certificate.unsupported_algorithm": (302, h.UnsupportedCertificateError),
        "workflow.prerequisite_missing": (202, h.WorkflowError),
        "state.invalid": (201, h.ValidationError),
        "lang.unknown": (3, h.ValidationError),
    }
    for code, (status, cls) in want.items():
        assert by_code[code]["status"] == status, code
        assert h.error_class_for(code) is cls, code


def test_an_unknown_language_is_the_same_code_in_c_and_python() -> None:
    lib = _clib()
    lang = ctypes.c_int(-1)
    assert lib.hug_lang_parse(b"fr", ctypes.byref(lang)) == 3
    c_code = lib.hug_last_error_code()
    assert c_code is not None
    with pytest.raises(h.ValidationError) as info:
        h.Prefecture.from_number(13).name("fr")
    assert c_code.decode() == info.value.code == "lang.unknown"


def test_cli_codes_are_listed_by_the_codes_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--json", "codes"]) == 0
    listed = {c["code"]: c["kind"] for c in json.loads(capsys.readouterr().out)["codes"]}
    for code, (kind, _summary) in cli.CLI_CODES.items():
        assert listed.get(code) == kind, code
    for c in h.codes():
        assert listed.get(c.code) == c.kind, c.code
