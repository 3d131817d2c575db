"""Reading a scan or photo: RegistrationNotice.from_image, `notice --image`, the smoke corpus.

Needs Tesseract with its Japanese data and the fonts of the corpus; run-tests
installs them (apt) and the [ocr] extra's packages (tests/requirements.txt).
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

import hug_onboard as h
from hug_onboard import _ocr, cli

from conftest import REPO_ROOT


def _corpus() -> Any:
    spec = importlib.util.spec_from_file_location("hug_ocr_corpus", REPO_ROOT / "benches" / "ocr" / "corpus.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["hug_ocr_corpus"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def corpus() -> Any:
    return _corpus()


@pytest.fixture(scope="module")
def smoke(corpus: Any) -> list[Any]:
    """Four letters (two fonts × light/heavy noise; test and production), seeded."""
    return [x for x in corpus.corpus(1) if x.font in ("NotoSansCJK", "IPAMincho")]


def test_smoke_corpus_never_silently_wrong(corpus: Any, smoke: list[Any]) -> None:
    scores = [corpus.read(x) for x in smoke]
    for s in scores:
        for k in corpus.KEY_FIELDS:
            assert s.fields[k] != "silent", (s.letter.ident, k, s.fields)
    # The light letters are read (not refused) and their kind and 事業所番号 are right;
    # passwords may be flagged (look-alike glyphs): see benches/ocr/RESULTS.md.
    light = [s for s in scores if s.letter.noise == "light"]
    for s in light:
        assert not s.refused, (s.letter.ident, s.refused)
        assert s.fields["kind"] == "exact" and s.fields["facility_number"] == "exact", (s.letter.ident, s.fields)


def test_from_image_bytes_and_path(smoke: list[Any], tmp_path: Path) -> None:
    letter = next(x for x in smoke if x.noise == "light")
    n = h.RegistrationNotice.from_image(letter.image)
    assert str(n.user_id) == letter.truth["user_id"]
    assert n.temporary_password() == letter.truth["temporary_password"]
    prov = json.loads(n.ocr_provenance_json() or "null")
    assert prov["input"] == "tsv" and {f["field"] for f in prov["fields"]} >= {"facility_number", "user_id"}
    assert letter.truth["temporary_password"] not in (n.ocr_provenance_json() or "")
    p = tmp_path / "letter.jpg"
    p.write_bytes(letter.image)
    assert h.RegistrationNotice.from_image(str(p)) == n
    assert h.RegistrationNotice.from_image(p) == n


def test_no_temporary_files(smoke: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The letter holds passwords: nothing of it may land in a temporary directory."""
    letter = next(x for x in smoke if x.noise == "light")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    h.RegistrationNotice.from_image(letter.image)
    assert list(tmp_path.iterdir()) == []


def test_cli_notice_image(smoke: list[Any], tmp_path: Path) -> None:
    letter = next(x for x in smoke if x.noise == "light")
    p = tmp_path / "letter.jpg"
    p.write_bytes(letter.image)
    out = io.StringIO()
    assert cli.main(["notice", "--image", str(p), "--json"], stdout=out) == 0
    data = json.loads(out.getvalue())
    assert data["user_id"] == letter.truth["user_id"]
    assert letter.truth["temporary_password"] not in out.getvalue()
    assert any(f["code"] == "notice.ocr_confusable" for f in data["findings"]) or not any(
        c in letter.truth["temporary_password"] + letter.truth["certificate_password"] + letter.truth["user_id"]
        for c in "0Oo1lI|5S8B2Zm-"
    )


def test_unreadable_image_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(b"not an image")
    assert e.value.code == "ocr.image_unreadable"
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(str(tmp_path / "missing.png"))
    assert e.value.code == "ocr.image_unreadable" and "missing.png" in e.value.message_en


def test_missing_tesseract_and_language(monkeypatch: pytest.MonkeyPatch, smoke: list[Any]) -> None:
    import pytesseract  # type: ignore[import-untyped]

    letter = smoke[0]
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(h.UnavailableError) as e:
        h.RegistrationNotice.from_image(letter.image)
    assert e.value.code == "ocr.tesseract_missing"
    assert "tesseract-ocr" in e.value.message_ja and "tesseract-ocr" in e.value.message_en
    monkeypatch.undo()
    monkeypatch.setattr(pytesseract, "get_languages", lambda config="": ["eng", "osd"])
    with pytest.raises(h.UnavailableError) as e:
        h.RegistrationNotice.from_image(letter.image)
    assert e.value.code == "ocr.language_missing"
    assert "tesseract-ocr-jpn" in e.value.message_en


def test_every_ocr_code_has_both_messages() -> None:
    for code, (ja, en) in _ocr.CODES.items():
        assert code.startswith("ocr.") and ja and en
    assert os.path.exists(_ocr.__file__)


def test_ocr_codes_are_catalogued_with_their_kinds() -> None:
    """The OCR codes are declared once in the binding's catalogue (with kinds); _ocr only holds messages."""
    from hug_onboard import _ocr

    catalogue = {c.code: c.kind for c in h.codes()}
    assert set(_ocr.CODES) <= set(catalogue)
    assert {c for c in catalogue if c.startswith("ocr.")} == set(_ocr.CODES)
    assert catalogue["ocr.tesseract_missing"] == "unavailable"
    assert h.error_class_for("ocr.language_missing") is h.UnavailableError
    assert h.error_class_for("ocr.image_unreadable") is h.ValidationError
