"""Reading a scan or photo: RegistrationNotice.from_image, `notice --image`, the smoke corpus.

Needs Tesseract with its Japanese data and the fonts of the corpus; run-tests
installs them (apt) and the [ocr] extra's packages (tests/requirements.txt).
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

import hug_onboard as h
from hug_onboard import _ocr, cli

from conftest import load_corpus


def _corpus() -> Any:
    return load_corpus()


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


def test_second_pass_rereads_the_key_cells(corpus: Any, smoke: list[Any]) -> None:
    """The second pass (cells re-read with the field's characters, reconciled in the core)
    makes right what the page's Japanese read got wrong, and says where the reads differ.

    On the seeded light NotoSansCJK letter the page reads the certificate password
    ``l7c5mG3p`` as ``7c5mG3p`` (the ``l`` taken for a mark); the cell's reads give it back.
    """
    light = [x for x in smoke if x.noise == "light"]
    before = [corpus.read(x, second_pass=False) for x in light]
    after = [corpus.read(x) for x in light]

    def exact(ss: list[Any]) -> int:
        return sum(s.fields[k] == "exact" for s in ss for k in corpus.KEY_FIELDS)

    assert exact(after) > exact(before), (before, after)
    noto = next(s for s in after if s.letter.font == "NotoSansCJK")
    assert noto.fully_right, noto.fields
    assert not next(s for s in before if s.letter.font == "NotoSansCJK").fully_right
    n = h.RegistrationNotice.from_image(noto.letter.image)
    assert n.certificate_password() == noto.letter.truth["certificate_password"]
    disagree = [f for f in n.findings() if f.code == "notice.ocr_reads_disagree"]
    assert any("certificate password" in f.message_en for f in disagree), [f.message_en for f in n.findings()]
    # No finding leaks a password (they name positions, never characters read).
    for f in n.findings():
        for secret in (noto.letter.truth["certificate_password"], noto.letter.truth["temporary_password"]):
            assert secret not in f.message_en and secret not in f.message_ja
    # The cells are where the provenance says.
    prov = json.loads(n.ocr_provenance_json() or "null")
    boxes = {f["field"]: f["value_box"] for f in prov["fields"]}
    assert all(boxes[k] and boxes[k]["width"] > 0 for k in corpus.KEY_FIELDS), boxes
    # Each field's second-pass characters come with its box, from the core (C reads the same JSON).
    for f in prov["fields"]:
        assert f["value_charset"] == h.RegistrationNotice.ocr_value_charset(f["field"]), f["field"]
    # The address row in two cells: the postal code (without 〒) left of the rest of the address.
    postal, address = boxes["postal_code"], boxes["address"]
    assert postal and address and postal["left"] + postal["width"] < address["left"], boxes


def test_second_pass_charsets_come_from_the_core() -> None:
    digits = h.RegistrationNotice.ocr_value_charset("facility_number")
    assert digits == "0123456789"
    pw = h.RegistrationNotice.ocr_value_charset("temporary_password") or ""
    # Letters, digits and every symbol a password screen accepts (the core's symbol sets).
    assert set(h.PasswordPolicy.test_screen().symbols) | set(h.PasswordPolicy.production_screen().symbols) <= set(pw)
    assert {"a", "Z", "0", "9"} <= set(pw) and '"' not in pw
    assert h.RegistrationNotice.ocr_value_charset("address") is None
    assert h.RegistrationNotice.ocr_value_charset("postal_code") == "0123456789-"
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.ocr_value_charset("nope")
    assert e.value.code == "notice.ocr_rereads_invalid"


def _tsv(rows: list[tuple[str, str]]) -> str:
    out = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    for i, (label, value) in enumerate(rows):
        top = 100 + 50 * i
        out += f"5\t1\t1\t1\t{i}\t1\t100\t{top}\t{40 * len(label)}\t40\t95\t{label}\n"
        out += f"5\t1\t2\t1\t{i}\t1\t600\t{top}\t200\t30\t95\t{value}\n"
    return out


def test_an_invalid_page_read_of_a_key_field_is_read_again_not_refused() -> None:
    # Hokkaido's 0135127436 read 9135127436 by the page (an unknown prefecture code): the
    # layout still gives the cell; the page with the cell's reads is taken, and says so.
    tsv = _tsv([("事業所番号", "9135127436"), ("ID", "P1312345"), ("(仮)パスワード", "Kari0123"),
                ("証明書発行用パスワード", "Cert4567")])
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.parse_ocr_tsv(tsv)
    assert "facility.unknown_prefecture" in e.value.codes
    layout = json.loads(h.RegistrationNotice.ocr_layout_json(tsv))
    assert [f["field"] for f in layout["fields"]] == [
        "facility_number", "user_id", "temporary_password", "certificate_password"]
    assert all(f["value_box"] for f in layout["fields"])
    assert "9135127436" not in json.dumps(layout) and "Kari0123" not in json.dumps(layout)
    n = h.RegistrationNotice.parse_ocr_tsv(tsv, {"facility_number": ["0135127436", "0135127436"]})
    assert str(n.facility_number) == "0135127436"
    codes = [f.code for f in n.findings()]
    assert "notice.ocr_page_read_invalid" in codes and "notice.ocr_reads_disagree" in codes
    # No valid plurality: refused as before; rereads it does not take are coded.
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.parse_ocr_tsv(tsv, {"facility_number": ["0135127436", "0235127436"]})
    assert "facility.unknown_prefecture" in e.value.codes
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.parse_ocr_tsv(tsv, {"date": ["令和7年10月16日"]})
    assert e.value.code == "notice.ocr_rereads_invalid"
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.ocr_layout_json("a\tb\n")
    assert e.value.code == "notice.tsv_invalid"


def test_an_impossible_date_read_by_ocr_is_left_empty_and_said() -> None:
    text = "令和7年19月16日\n事業所番号 1312345678\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567"
    n = h.RegistrationNotice.parse_ocr(text)
    assert n.date is None
    (f,) = [f for f in n.findings() if f.code == "notice.ocr_date_invalid"]
    assert f.severity == "warning" and "19" in f.message_en
    with pytest.raises(h.ValidationError):
        h.RegistrationNotice.parse(text)


def test_rereads_need_an_ocr_notice() -> None:
    typed = h.RegistrationNotice.parse(
        "事業所番号 1312345678\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567"
    )
    with pytest.raises(h.ValidationError) as e:
        typed.with_ocr_rereads({"user_id": ["P1312345"]})
    assert e.value.code == "notice.ocr_rereads_invalid"
    n = h.RegistrationNotice.parse_ocr(
        "事業所番号 1392345678\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567"
    )
    m = n.with_ocr_rereads({"facility_number": ["1302345678", "1302345678"]})
    assert str(m.facility_number) == "1302345678" and str(n.facility_number) == "1392345678"
    assert "notice.ocr_reads_disagree" in [f.code for f in m.findings()]
    # OCR text has no layout to confirm a production label: said, not guessed.
    assert "notice.ocr_kind_unconfirmed" in [f.code for f in m.findings()]
    with pytest.raises(h.ValidationError) as e:
        n.with_ocr_rereads({"remarks": ["x"]})
    assert e.value.code == "notice.ocr_rereads_invalid"
    # The free text is voted per character (no whole read is right here).
    named = h.RegistrationNotice.parse_ocr(
        "事業所番号 1312345678\n事業所名 就労継続支援P玉 あおぞら\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567"
    ).with_ocr_rereads(
        {"facility_name": ["就労継続支援B型あおぞら", "就労練援5型あおぞら", "弥労継続支援B型あおぞら", "統労続支援B型あおぞら"]}
    )
    assert named.facility_name == "就労継続支援B型 あおぞら"


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


def test_too_large_or_refused_images_are_coded(monkeypatch: pytest.MonkeyPatch) -> None:
    # A 33000×33000 PNG made OpenCV raise a bare cv2.error (more pixels than its limit); a 30000×30000
    # one ran for a minute and ran out of memory. Both are refused with the code now.
    cv2 = pytest.importorskip("cv2")
    np = pytest.importorskip("numpy")
    ok, png = cv2.imencode(".png", np.full((400, 300), 255, dtype=np.uint8))
    assert ok
    monkeypatch.setattr(_ocr, "MAX_PIXELS", 100_000)
    with pytest.raises(h.ValidationError) as e:
        _ocr._prepare(bytes(png.tobytes()))
    assert e.value.code == "ocr.image_unreadable" and "300×400 px" in e.value.message_en

    from PIL import Image

    def refuse(*_: Any, **__: Any) -> Any:
        raise Image.DecompressionBombError("too many pixels")

    monkeypatch.setattr(Image, "open", refuse)
    with pytest.raises(h.ValidationError) as e:
        _ocr._prepare(bytes(png.tobytes()))
    assert e.value.code == "ocr.image_unreadable"


@pytest.mark.parametrize("failure", ["cv2.error", "MemoryError"])
def test_opencv_failures_and_memory_are_coded(monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    """Cleaning a page (or cutting its cells) that OpenCV cannot process, or that exhausts the
    memory, is ``ocr.image_unreadable`` — a bare cv2.error/MemoryError escaped before."""
    cv2 = pytest.importorskip("cv2")
    np = pytest.importorskip("numpy")
    ok, png = cv2.imencode(".png", np.full((400, 300), 255, dtype=np.uint8))
    assert ok

    def fail(*_: Any, **__: Any) -> Any:
        raise cv2.error("simulated") if failure == "cv2.error" else MemoryError()

    with monkeypatch.context() as m:
        m.setattr(cv2, "medianBlur", fail)
        with pytest.raises(h.ValidationError) as e:
            _ocr._prepare(bytes(png.tobytes()))
    assert e.value.code == "ocr.image_unreadable" and "300×400 px" in e.value.message_en
    grey, binary = _ocr._prepare(bytes(png.tobytes()))
    layout = json.dumps({"fields": [{"field": "user_id", "value_box": {"left": 10, "top": 10, "width": 50, "height": 20},
                                     "value_charset": "0123456789"}]})
    with monkeypatch.context() as m:
        m.setattr(cv2, "copyMakeBorder", fail)
        with pytest.raises(h.ValidationError) as e:
            _ocr.second_pass(layout, grey, binary, cmd="tesseract", langs=["jpn", "eng"])
    assert e.value.code == "ocr.image_unreadable"


def test_a_damaged_image_prints_nothing_on_the_hosts_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    # OpenCV's libjpeg printed "Corrupt JPEG data: 3 extraneous bytes before marker 0xd9" on fd 2.
    cv2 = pytest.importorskip("cv2")
    np = pytest.importorskip("numpy")
    img = np.full((400, 600), 255, dtype=np.uint8)
    cv2.putText(img, "TEST 123", (50, 200), cv2.FONT_HERSHEY_SIMPLEX, 2, 0, 4)
    ok, jpg = cv2.imencode(".jpg", img)
    assert ok
    data = bytearray(jpg.tobytes())
    end = data.rfind(b"\xff\xd9")
    data[end:end] = b"\x00\x11\x22"
    grey = _ocr._decode_grey(bytes(data))
    # The same pixels as OpenCV's grey decoding of the intact file.
    assert (grey == cv2.imdecode(np.frombuffer(jpg.tobytes(), np.uint8), cv2.IMREAD_GRAYSCALE)).all()
    truncated = bytes(jpg.tobytes())[: len(jpg) // 2]
    with pytest.raises(h.ValidationError) as e:
        _ocr._prepare(truncated)
    assert e.value.code == "ocr.image_unreadable"
    out, err = capfd.readouterr()
    assert err == "" and out == ""


def _png(im: Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def test_pages_of_other_depths_and_transparency_keep_their_ink() -> None:
    # From a probe of the Pillow decoding: convert("L") clipped a 16-bit page to white (text
    # gone), and a transparent background became black (text on black).
    from PIL import Image, ImageDraw

    np = pytest.importorskip("numpy")
    wide = np.full((40, 60), 60000, dtype=np.uint16)
    wide[10:30, 20:40] = 8000
    grey = _ocr._decode_grey(_png(Image.fromarray(wide)))
    assert int(grey[0, 0]) == 234 and int(grey[20, 30]) == 31  # OpenCV's 8-bit values
    clear = Image.new("RGBA", (60, 40), (0, 0, 0, 0))
    ImageDraw.Draw(clear).rectangle((20, 10, 40, 30), fill=(0, 0, 0, 255))
    grey = _ocr._decode_grey(_png(clear))
    assert int(grey[0, 0]) == 255 and int(grey[20, 30]) == 0
    buf = io.BytesIO()
    Image.fromarray(np.zeros((10, 10), dtype=np.float32)).save(buf, "TIFF")
    with pytest.raises(h.ValidationError) as e:
        _ocr._decode_grey(buf.getvalue())
    assert e.value.code == "ocr.image_unreadable"


@pytest.mark.parametrize("size", [(1_000_000, 1), (31_000, 2_000), (200, 5)])
def test_images_not_shaped_like_a_page_are_refused_before_decoding(size: tuple[int, int]) -> None:
    # A 1,000,000×1 PNG of a few hundred bytes made the deskew ask for 5.8 GB.
    from PIL import Image

    with pytest.raises(h.ValidationError) as e:
        _ocr._decode_grey(_png(Image.new("1", size, 1)))
    assert e.value.code == "ocr.image_unreadable" and "not the shape of a page" in e.value.message_en


def test_any_decoder_failure_is_coded_and_silent(capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # A damaged AVIF raised RuntimeError, a 46-byte PSD OverflowError: bare exceptions (cli.internal).
    from PIL import Image

    for exc in (RuntimeError("Failed to decode frame 0"), OverflowError("x")):
        def broken(*_: Any, **__: Any) -> Any:
            raise exc

        monkeypatch.setattr(Image, "open", broken)
        with pytest.raises(h.ValidationError) as e:
            _ocr._decode_grey(b"anything")
        assert e.value.code == "ocr.image_unreadable"
    monkeypatch.undo()
    # Pillow's warnings about damaged metadata are not printed (they went to stderr).
    import warnings as w

    def warn_then_open(*a: Any, **k: Any) -> Any:
        w.warn("Corrupt EXIF data", UserWarning)
        return real_open(*a, **k)

    real_open = Image.open
    monkeypatch.setattr(Image, "open", warn_then_open)
    _ocr._decode_grey(_png(Image.new("L", (30, 20), 255)))
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_exif_orientation_is_applied() -> None:
    # A phone photo stored sideways with its EXIF orientation, as cv2.imdecode turned it upright.
    from PIL import Image

    np = pytest.importorskip("numpy")
    im = Image.new("L", (300, 100), 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    buf = io.BytesIO()
    im.save(buf, "JPEG", exif=exif)
    grey = _ocr._decode_grey(buf.getvalue())
    assert grey.shape == (300, 100)
    assert np.asarray(grey).dtype == np.uint8


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


def test_packaged_model_is_found_and_used(smoke: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """The second pass's own model (hugid, tools/ocr-model) ships in the installed package,
    is listed with the engines, and is run on the ID and password cells of a letter."""
    path = _ocr.model_path()
    assert path.is_file(), f"{path} missing: the wheel must ship hug_onboard/data/{_ocr.MODEL}.traineddata"
    assert path.parent.parent == Path(h.__file__).resolve().parent  # inside the installed package
    assert path.stat().st_size > 100_000
    _, langs = _ocr._tesseract()
    assert _ocr.MODEL in langs
    for field in ("user_id", "temporary_password", "certificate_password"):
        assert any(lang == _ocr.MODEL for lang, _ in _ocr.SECOND_PASS[field]), field
    runs: list[str] = []
    real = _ocr.run_tesseract

    def spy(png: bytes, lang: str = "jpn", **kw: Any) -> str:
        runs.append(lang)
        return real(png, lang=lang, **kw)

    monkeypatch.setattr(_ocr, "run_tesseract", spy)
    letter = next(x for x in smoke if x.noise == "light")
    h.RegistrationNotice.from_image(letter.image)
    assert _ocr.MODEL in runs, runs


def _value_cell(text: str, font: str, dpi: int) -> tuple[Any, Any]:
    """``text`` printed in the value column of a ruled table row on an A4 page (as the
    letters are), JPEG, then the library's clean-up and the second pass's crop:
    (grey cell, binary cell)."""
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    mm = dpi / 25.4
    w, hgt = int(210 * mm), int(297 * mm)
    img = Image.new("L", (w, hgt), 255)
    d = ImageDraw.Draw(img)
    body = ImageFont.truetype(font, int(10.5 * dpi / 72))
    x0, x1, y, row_h, col = int(25 * mm), w - int(25 * mm), int(80 * mm), int(10 * mm), int(62 * mm)
    for label, value in (("事業所番号", "1312345678"), ("証明書発行用パスワード", text), ("備考", "")):
        d.rectangle([x0, y, x1, y + row_h], outline=0, width=max(1, dpi // 100))
        d.line([x0 + col, y, x0 + col, y + row_h], fill=0, width=max(1, dpi // 100))
        d.text((x0 + int(2 * mm), y + row_h // 2), label, font=body, fill=0, anchor="lm")
        d.text((x0 + col + int(3 * mm), y + row_h // 2), value, font=body, fill=0, anchor="lm")
        y += row_h
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=90)
    grey, binary = _ocr._prepare(out.getvalue())
    s = grey.shape[1] / w
    top, bottom = int((80 * mm + row_h + 1.5 * mm) * s), int((80 * mm + 2 * row_h - 1.5 * mm) * s)
    left, right = int((x0 + col + 1.5 * mm) * s), int((x1 - 1.5 * mm) * s)
    ink = cv2.findNonZero((binary[top:bottom, left:right] < 128).astype("uint8"))
    bx, by, bw, bh = cv2.boundingRect(ink)
    box = {"left": left + bx, "top": top + by, "width": bw, "height": bh}
    return _ocr._cell(grey, box), _ocr._cell(binary, box)


def test_model_reads_the_jis_l_the_stock_models_take_for_L() -> None:
    """In IPAゴシック (the JIS-style gothic the letters' MS ゴシック is compatible with) the
    half-width ``l`` has a tail: Tesseract's stock ``jpn`` model reads it ``L``; ``hugid``
    reads it right (the reason for the model: benches/ocr/RESULTS.md). Fails without the
    packaged model (Tesseract cannot load ``hugid``: ``ocr.tesseract_failed``)."""
    text = "Tl4hlI4f"
    cmd, langs = _ocr._tesseract()
    charset = h.RegistrationNotice.ocr_value_charset("certificate_password") or ""
    grey, binary = _value_cell(text, "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 150)
    for cell in (grey, binary):
        stock = _ocr._read_cells([cell], "jpn", charset, cmd)[0]
        assert stock != text, "the stock model reads this cell right: the test shows nothing"
        assert _ocr._read_cells([cell], _ocr.MODEL, charset, cmd)[0] == text


def _row_page(parts: list[tuple[str, int]], px: int = 40) -> tuple[Any, list[tuple[int, int, int, int]]]:
    """A cleaned page with one row of text runs, each this many px after the previous one's
    ink (the first at that x), and each run's ink box."""
    np = pytest.importorskip("numpy")
    pytest.importorskip("cv2")
    from PIL import Image, ImageDraw, ImageFont

    try:
        font = ImageFont.truetype("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", px)
    except OSError:
        pytest.skip("IPAMincho not installed")
    img = Image.new("L", (1600, 200), 255)
    draw = ImageDraw.Draw(img)
    boxes: list[tuple[int, int, int, int]] = []
    for text, gap in parts:
        x = boxes[-1][2] + gap if boxes else gap
        draw.text((x, 60), text, font=font, fill=0)
        left, top, right, bottom = (int(v) for v in draw.textbbox((x, 60), text, font=font))
        boxes.append((left, top, right, bottom))
    return np.asarray(img).copy(), boxes


def test_a_free_text_cell_runs_on_over_the_words_the_page_read_dropped() -> None:
    """Seed 15 of the corpus: Tesseract gave 「丁目」 of an address a 2 × 2 px box off the row,
    the core left it out of the value box, and every second read of the cell, cut at that
    box, lost it too. The cell now runs on over the ink that continues the row."""
    page, ((l0, t0, r0, b0), (_, _, r1, _)) = _row_page([("北海道札幌市中央区北1条西2", 100), ("丁目", 12)])
    box = {"left": l0, "top": t0, "width": r0 - l0, "height": b0 - t0}
    run = _ocr._run_on(page, box)
    # (textbbox's right edge includes the last glyph's side bearing; the ink ends a few px before.)
    assert run["left"] == l0 and r1 - 12 <= run["left"] + run["width"] <= r1
    # A speck after the value, or the next column of a table (far right), is not part of it.
    page[t0 + 10 : t0 + 13, r0 + 20 : r0 + 23] = 0
    page2, ((l0, t0, r0, b0), _) = _row_page([("北海道札幌市中央区", 100), ("備考", 300)])
    box2 = {"left": l0, "top": t0, "width": r0 - l0, "height": b0 - t0}
    assert _ocr._run_on(page2, box2) == box2
    page2[t0 + 10 : t0 + 13, r0 + 20 : r0 + 23] = 0
    assert _ocr._run_on(page2, box2) == box2
    # Not a box: as given.
    assert _ocr._run_on(page2, {"left": 1.5}) == {"left": 1.5}  # type: ignore[dict-item]


def test_the_second_pass_reads_the_run_on_cell_of_a_free_text_field_only(monkeypatch: pytest.MonkeyPatch) -> None:
    page, ((l0, t0, r0, b0), (_, _, r1, _)) = _row_page([("北海道札幌市中央区北1条西2", 100), ("丁目", 12)])
    box = {"left": l0, "top": t0, "width": r0 - l0, "height": b0 - t0}

    def read(cells: list[Any], lang: str, whitelist: str, cmd: str) -> list[str]:
        return [str(c.shape[1]) for c in cells]

    monkeypatch.setattr(_ocr, "_read_cells", read)
    layout = json.dumps({"fields": [{"field": f, "value_box": box} for f in ("address", "user_id")]})
    out = _ocr.second_pass(layout, page, page, cmd="tesseract", langs=["jpn", "Japanese", "hugid"], glyphs=False)
    widths = {f: int(r[0]) for f, r in out.items()}
    assert widths["address"] >= r1 - 12 - l0 > r0 - l0 + box["height"]  # the address's cell holds 「丁目」
    assert widths["user_id"] < r1 - l0  # a key field's cell is cut at its box (a note after it is no part of it)


def test_a_photographed_letter_is_read(corpus: Any, smoke: list[Any]) -> None:
    """A phone photo: the page on a desk, at a slant, lit unevenly (corpus.py's *photo*). One
    threshold for the whole page made the darker side all ink and every field was missing;
    the paper is now cut out and made rectangular (_unwarp) and its lighting evened out
    (_flatten) before the page is binarised."""
    import random

    letter = next(x for x in smoke if x.noise == "light" and x.font == "NotoSansCJK")
    photo = corpus.photograph(letter, random.Random(3))
    n = h.RegistrationNotice.from_image(photo)
    assert str(n.facility_number) == letter.truth["facility_number"]
    assert str(n.user_id) == letter.truth["user_id"]
    assert n.temporary_password() == letter.truth["temporary_password"]
    assert n.certificate_password() == letter.truth["certificate_password"]


def test_the_paper_is_found_only_on_a_desk() -> None:
    """_paper: the four corners of a bright quadrilateral on a darker background; None for a
    scan (no background round the page) or for a small bright patch (no page)."""
    np = pytest.importorskip("numpy")
    cv2 = pytest.importorskip("cv2")
    photo = np.full((1200, 900), 80, np.uint8)
    quad = np.array([[120, 100], [800, 140], [760, 1100], [90, 1050]], np.int32)
    cv2.fillConvexPoly(photo, quad, 235)
    cv2.putText(photo, "2096385973", (200, 400), cv2.FONT_HERSHEY_SIMPLEX, 2, 20, 5)
    corners = _ocr._paper(cv2, np, photo)
    assert corners is not None
    assert np.abs(corners - quad.astype(np.float32)).max() <= 6, corners
    flat = _ocr._unwarp(cv2, np, photo)
    (tl, tr, br, bl) = quad.astype(np.float64)
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))  # the longer of each pair of sides
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    assert abs(flat.shape[1] - width) <= 8 and abs(flat.shape[0] - height) <= 8, flat.shape
    assert flat.min() < 100 and np.median(flat) > 200  # the text is kept, the desk is gone
    scan = np.full((1200, 900), 240, np.uint8)
    cv2.putText(scan, "2096385973", (200, 400), cv2.FONT_HERSHEY_SIMPLEX, 2, 20, 5)
    assert _ocr._paper(cv2, np, scan) is None and _ocr._unwarp(cv2, np, scan) is scan
    patch = np.full((1200, 900), 80, np.uint8)
    patch[100:300, 100:300] = 235
    assert _ocr._paper(cv2, np, patch) is None


def _text_page(np: Any, cv2: Any, h: int = 1600, w: int = 1130, paper: int = 235) -> Any:
    page = np.full((h, w), paper, np.uint8)
    for row in range(80, h - 40, 60):
        cv2.putText(page, "T0383732 Kari0123 2096385973", (40, row), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 25, 3)
    return page


def test_part_of_a_page_is_no_paper_on_a_desk(smoke: list[Any]) -> None:
    """_paper: the brightest region is no paper on a desk when what lies round it holds text
    (s7-photo probes). A page filling the frame, lit from 55 % to full, was cut to its brighter
    half (Otsu split the light, the half is a quadrilateral): the rest of the letter was lost and
    every field missing. A white table printed on light grey paper was cut to the table (the
    date and the header lost). A desk, even a strongly grained one, holds no text: still cut."""
    np = pytest.importorskip("numpy")
    cv2 = pytest.importorskip("cv2")
    page = _text_page(np, cv2)
    h, w = page.shape
    ramp = np.linspace(0.55, 1.0, w, dtype=np.float32)[None, :]
    lit = (page.astype(np.float32) * ramp).astype(np.uint8)
    assert _ocr._paper(cv2, np, lit) is None, "a page lit unevenly"
    letter = _ocr._decode_grey(next(x for x in smoke if x.noise == "light").image)
    lh, lw = letter.shape
    tabled = (letter.astype(np.float32) * 0.8).astype(np.uint8)
    table = (slice(lh // 4, lh * 4 // 5), slice(lw // 12, lw * 11 // 12))
    tabled[table] = letter[table]
    assert _ocr._paper(cv2, np, tabled) is None
    # The same page on a wooden desk: grain streaks 30–40 % darker than their surroundings.
    yy, xx = np.mgrid[0 : h + 300, 0 : w + 300].astype(np.float32)
    desk = 150 + 25 * np.sin(xx / 9 + 3 * np.sin(yy / 60)) + 15 * np.sin(xx / 3.1)
    desk += np.random.default_rng(1).normal(0, 6, desk.shape)
    desk[150 : 150 + h, 150 : 150 + w] = page
    corners = _ocr._paper(cv2, np, np.clip(desk, 0, 255).astype(np.uint8))
    assert corners is not None
    expected = np.array([[150, 150], [150 + w, 150], [150 + w, 150 + h], [150, 150 + h]], np.float32)
    assert np.abs(corners - expected).max() <= 8, corners


def test_a_sideways_or_upside_down_page_is_turned_upright(corpus: Any, smoke: list[Any]) -> None:
    """_orientation: a photo taken in landscape or upside down was read as it lay (every field
    missing); Tesseract's orientation detection (``--psm 0``) now turns it upright. Asked only of
    photos and of pages wider than high (a scan, upright, costs nothing more)."""
    np = pytest.importorskip("numpy")
    cv2 = pytest.importorskip("cv2")
    if not list(Path("/usr/share/tesseract-ocr").glob("*/tessdata/osd.traineddata")):
        pytest.skip("no osd traineddata (Debian: tesseract-ocr-osd)")
    letter = next(x for x in smoke if x.noise == "light" and x.font == "NotoSansCJK")
    page = _ocr._decode_grey(letter.image)
    assert _ocr._orientation(cv2, np, page) == 0
    for k, turn in ((1, 90), (2, 180), (3, 270)):  # np.rot90 turns counter-clockwise
        assert _ocr._orientation(cv2, np, np.ascontiguousarray(np.rot90(page, k))) == turn
    blank = np.full((1200, 900), 235, np.uint8)
    assert _ocr._orientation(cv2, np, blank) == 0  # too little text: read as it is


def test_a_low_resolution_photo_is_read(corpus: Any) -> None:
    """A phone photo whose page is 1000 px high (~85 dpi): scaled up at most 2.5 times, the page
    stayed at ~210 dpi and the postal code, the address and the certificate password came back
    flagged (another letter: its labels lost, refused); it is now scaled up to ~300 dpi
    (UPSCALE_MAX; 6 light letters: 2 → 4 fully right or all but one field)."""
    import random

    cv2 = pytest.importorskip("cv2")
    letter = next(x for x in corpus.corpus(2) if x.noise == "light" and x.font == "NotoSansCJK")
    photo = _ocr._decode_grey(corpus.photograph(letter, random.Random(3)))
    f = 1000 / (photo.shape[0] / 1.16)  # the page (not the photo round it) 1000 px high
    small = cv2.resize(photo, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    ok, jpeg = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 90])
    letter.image = bytes(jpeg.tobytes())
    score = corpus.read(letter)  # from_image's steps, each field scored exact / flagged / silent
    assert score.fully_right, (score.refused, score.fields)


def test_uneven_light_is_evened_out() -> None:
    """_flatten: paper lit from 55 % to 100 % becomes evenly white; the ink stays dark."""
    np = pytest.importorskip("numpy")
    cv2 = pytest.importorskip("cv2")
    page = np.full((1000, 800), 240, np.uint8)
    for row in range(100, 900, 80):
        cv2.putText(page, "T0383732 Kari0123", (40, row), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 30, 3)
    ramp = np.linspace(0.55, 1.0, 800, dtype=np.float32)[None, :]
    dim = (page.astype(np.float32) * ramp).astype(np.uint8)
    flat = _ocr._flatten(cv2, np, dim)
    paper = flat[dim > 0.5 * 240 * 0.55 + 40]
    ink = flat[page < 100]
    assert np.percentile(paper, 5) > 200, np.percentile(paper, 5)
    assert np.percentile(ink, 95) < 120, np.percentile(ink, 95)
    # The page as a whole binarises as the evenly lit one does.
    _, a = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    _, b = cv2.threshold(page, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    assert (a != b).mean() < 0.01


def test_a_grainy_page_is_denoised_and_a_clean_one_is_left_alone() -> None:
    """_denoise: a page whose paper is grainy (NOISE_SIGMA) is filtered with non-local means,
    the strokes kept; a clean page is returned as it is (no cost)."""
    np = pytest.importorskip("numpy")
    cv2 = pytest.importorskip("cv2")
    page = np.full((600, 800), 235, np.uint8)
    for row in range(80, 560, 80):
        cv2.putText(page, "T0383732 Kari0123", (30, row), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 30, 3)
    assert _ocr._denoise(cv2, np, page) is page
    rng = np.random.default_rng(5)
    grainy = np.clip(page.astype(np.float32) + rng.normal(0, 18, page.shape), 0, 255).astype(np.uint8)
    clean = _ocr._denoise(cv2, np, grainy)
    assert clean is not grainy
    paper, ink = page > 200, page < 100
    assert np.std(clean[paper].astype(np.float32)) < 0.5 * np.std(grainy[paper].astype(np.float32))
    assert np.mean(clean[ink]) < 100  # the strokes are kept
