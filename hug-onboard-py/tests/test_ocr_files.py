"""Reading a scan or photo from files as the world produces them: a damaged TIFF (nothing on the
host's standard error), a file of several pages (the notice's page, or a coded refusal), a phone's
MPO (its primary image), a missing or damaged packaged model (a warning, not a failure).

The standard-error tests run the library in a child process whose fd 2 is a pipe: libtiff and
OpenCV write on the fd itself, which pytest's capture of ``sys.stderr`` would not see whole.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import hug_onboard as h
from hug_onboard import _ocr

from conftest import load_corpus

pytest.importorskip("cv2")
pytest.importorskip("PIL")


def _corpus() -> Any:
    return load_corpus()


@pytest.fixture(scope="module")
def letters() -> list[Any]:
    """Two light letters (two fonts, different IDs), seeded."""
    light = [x for x in _corpus().corpus(1) if x.noise == "light" and x.font in ("NotoSansCJK", "IPAMincho")]
    assert len(light) == 2 and light[0].truth["user_id"] != light[1].truth["user_id"]
    return light


def _child(script: str, *args: str, pythonpath: str | None = None) -> subprocess.CompletedProcess[bytes]:
    """``script`` run by this Python in a child process, its fd 1 and fd 2 captured."""
    env = None
    if pythonpath is not None:
        import os

        env = dict(os.environ, PYTHONPATH=pythonpath)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True,
                          timeout=600, check=False, env=env)


# A page of text, then damaged TIFFs of it: libtiff's decoders (LZW, Deflate, CCITT G4, JPEG in
# TIFF) meet a strip overwritten in its middle, a file cut short, a tag pointing past the end.
_DAMAGED_TIFFS = """
import io, json, os, sys, threading
from PIL import Image, ImageDraw
from hug_onboard import _ocr
from hug_onboard._errors import HugOnboardError

def damaged():
    page = Image.new("L", (600, 400), 255)
    ImageDraw.Draw(page).text((40, 180), "TEST 1234567890 ABCDEFG", fill=0)
    out = []
    for comp in ("tiff_lzw", "tiff_deflate", "group4", "jpeg", "packbits"):
        src = page.convert("1") if comp == "group4" else page
        buf = io.BytesIO()
        src.save(buf, "TIFF", compression=comp)
        good = buf.getvalue()
        strip = bytearray(good)
        for i in range(16, min(len(strip) // 2, 240)):
            strip[i] = 0xAA
        cut = good[: len(good) * 2 // 3]
        out += [bytes(strip), cut]
    return out

def outcome(data):
    try:
        pages = _ocr._decode_pages(data)
        return "pages:%d" % len(pages)
    except HugOnboardError as e:
        return e.code

files = damaged()
if "fallback" in sys.argv:
    _ocr._libtiff_found = []  # as where libtiff's handlers cannot be found: fd 2 is silenced instead
results = [outcome(d) for d in files]
threads = [threading.Thread(target=lambda: [outcome(d) for d in files]) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# Odd pages through OpenCV's clean-up: blank, black, tiny, noise, one line.
import numpy as np
odd = [np.full((400, 300), 255, np.uint8), np.zeros((400, 300), np.uint8), np.full((8, 8), 128, np.uint8),
       np.random.default_rng(1).integers(0, 256, (500, 400)).astype(np.uint8)]
line = np.full((600, 400), 255, np.uint8); line[300, :] = 0; odd.append(line)
for grey in odd:
    buf = io.BytesIO(); Image.fromarray(grey).save(buf, "PNG")
    _ocr._prepare(buf.getvalue())
print(json.dumps({"results": results, "setters": len(_ocr._libtiff_setters())}), flush=True)
os.write(2, b"MARK\\n")
# The host's libtiff handler is back: Pillow, called directly, prints libtiff's error again.
try:
    Image.open(io.BytesIO(files[0])).load()
except OSError:
    pass
"""


@pytest.mark.parametrize("path", ["handlers", "fallback"])
def test_a_damaged_tiff_prints_nothing_on_the_hosts_stderr(path: str) -> None:
    """libtiff wrote "…: Using code not yet in table." / "Fax4Decode: Bad code word …" on fd 2. Now
    each damaged file is ``ocr.image_unreadable`` (or its pages, where libtiff recovers), fd 2 gets
    nothing from the library (four threads decoding at once included, and odd pages through OpenCV),
    and afterwards the host's own handler is in place again (libtiff prints when Pillow is called
    directly): the handlers were put back, fd 2 restored."""
    done = _child(_DAMAGED_TIFFS, path)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    got = json.loads(done.stdout)
    results = got["results"]
    # The handlers were found where Pillow's libtiff is (the fallback is not what passed the test).
    assert (got["setters"] > 0) == (path == "handlers"), got
    assert len(results) == 10 and "ocr.image_unreadable" in results
    assert all(r == "ocr.image_unreadable" or r.startswith("pages:") for r in results), results
    assert done.stderr.startswith(b"MARK\n"), done.stderr.decode(errors="replace")
    assert len(done.stderr) > len(b"MARK\n"), "libtiff's handler was not put back for the host"


def test_tesseracts_messages_are_captured_and_name_the_language() -> None:
    """A language Tesseract cannot load: ``ocr.tesseract_failed`` naming it; Tesseract's own
    lines never reach the host's stderr."""
    done = _child("""
        import io
        from PIL import Image
        from hug_onboard import _ocr
        from hug_onboard._errors import HugOnboardError
        buf = io.BytesIO(); Image.new("L", (200, 60), 255).save(buf, "PNG")
        try:
            _ocr.run_tesseract(buf.getvalue(), lang="nosuchlanguage")
        except HugOnboardError as e:
            print(e.code, e.message_en)
    """)
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode(errors="replace")
    out = done.stdout.decode()
    assert out.startswith("ocr.tesseract_failed") and "Failed loading language 'nosuchlanguage'" in out, out


def _page(image: bytes) -> Any:
    from PIL import Image

    return Image.open(io.BytesIO(image)).convert("L")


def _tiff(pages: list[Any]) -> bytes:
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate")
    return buf.getvalue()


def test_a_multi_page_tiff_is_read_on_the_notices_page(letters: list[Any]) -> None:
    """A scanner's file: a cover sheet, then the notice. It was read on page 1 (the cover:
    refused for missing fields); now the page holding the notice's labels is read."""
    from PIL import Image, ImageDraw

    letter = letters[0]
    notice = _page(letter.image)
    cover = Image.new("L", notice.size, 255)
    ImageDraw.Draw(cover).text((200, 300), "FAX cover sheet: 1 page follows", fill=0)
    data = _tiff([cover, notice])
    assert len(_ocr._decode_pages(data)) == 2
    n = h.RegistrationNotice.from_image(data)
    assert str(n.user_id) == letter.truth["user_id"]
    assert str(n.facility_number) == letter.truth["facility_number"]
    assert n.temporary_password() == letter.truth["temporary_password"] or any(
        f.code in ("notice.ocr_confusable", "notice.ocr_reads_disagree") for f in n.findings())
    chosen = [f for f in n.findings() if f.code == "ocr.page_chosen"]
    assert len(chosen) == 1 and chosen[0].severity == "info", n.findings()
    assert "page 2 of 2" in chosen[0].message_en and "2 ページ目" in chosen[0].message_ja
    assert _ocr.image_to_tsv(data) == _ocr.image_to_tsv(letter.image)
    # One page of several is never taken silently by the single-page helpers.
    with pytest.raises(h.ValidationError) as e:
        _ocr._decode_grey(data)
    assert e.value.code == "ocr.page_ambiguous"


def test_two_notices_in_one_file_are_refused_naming_the_pages(letters: list[Any]) -> None:
    """The テストID notice and the ID notice scanned into one file: which one is meant cannot be
    told, so neither is taken (it was page 1, silently)."""
    data = _tiff([_page(x.image) for x in letters])
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(data)
    assert e.value.code == "ocr.page_ambiguous"
    assert "pages 1, 2 of 2" in e.value.message_en and "1, 2 ページ目" in e.value.message_ja


def test_more_pages_than_are_read_are_refused_before_any_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    def no_ocr(*_: Any, **__: Any) -> str:
        raise AssertionError("Tesseract ran")

    monkeypatch.setattr(_ocr, "run_tesseract", no_ocr)
    blank = Image.new("L", (300, 400), 255)
    with pytest.raises(h.ValidationError) as e:
        _ocr._notice_page(_ocr._decode_pages(_tiff([blank] * (_ocr.MAX_PAGES + 1))), "tesseract")
    assert e.value.code == "ocr.page_ambiguous" and f"more than {_ocr.MAX_PAGES} pages" in e.value.message_en
    assert f"{_ocr.MAX_PAGES} ページを超えて" in e.value.message_ja
    assert len(_ocr._decode_pages(_tiff([blank] * _ocr.MAX_PAGES))) == _ocr.MAX_PAGES
    # The pages together stay within MAX_PIXELS.
    monkeypatch.setattr(_ocr, "MAX_PIXELS", 300 * 400 * 2)
    with pytest.raises(h.ValidationError) as e:
        _ocr._decode_pages(_tiff([blank] * 3))
    assert e.value.code == "ocr.image_unreadable" and "3 pages" in e.value.message_en


def test_frames_of_gif_and_webp_are_pages() -> None:
    from PIL import Image, ImageDraw

    frames = []
    for i in range(3):
        im = Image.new("L", (300, 400), 255)
        ImageDraw.Draw(im).rectangle((10 + 50 * i, 10, 40 + 50 * i, 40), fill=0)
        frames.append(im)
    for fmt in ("GIF", "WEBP"):
        buf = io.BytesIO()
        frames[0].save(buf, fmt, save_all=True, append_images=frames[1:], **({"lossless": True} if fmt == "WEBP" else {}))
        pages = _ocr._decode_pages(buf.getvalue())
        assert len(pages) == 3, fmt
        assert [int(p[20, 20 + 50 * i]) for i, p in enumerate(pages)] == [0, 0, 0], fmt


def test_a_phones_mpo_is_read_on_its_primary_image() -> None:
    """An MPO (a phone's JPEG with a second image): its primary image is the photo; the others
    are not pages."""
    from PIL import Image, ImageDraw

    np = pytest.importorskip("numpy")
    primary = Image.new("L", (400, 300), 255)
    ImageDraw.Draw(primary).rectangle((50, 50, 150, 150), fill=0)
    other = Image.new("L", (400, 300), 0)
    buf = io.BytesIO()
    primary.save(buf, "MPO", save_all=True, append_images=[other])
    data = buf.getvalue()
    opened = Image.open(io.BytesIO(data))
    assert opened.format == "MPO" and getattr(opened, "n_frames", 1) == 2
    pages = _ocr._decode_pages(data)
    assert len(pages) == 1
    assert int(pages[0][100, 100]) < 64 and int(pages[0][250, 350]) > 192
    assert np.array_equal(_ocr._decode_grey(data), pages[0])


_READ_WITH_COPIED_PACKAGE = """
import json, sys
import hug_onboard as h
from hug_onboard import _ocr
assert _ocr.MODEL_DIR.parent.parent.resolve() == __import__("pathlib").Path(sys.argv[1]).resolve(), _ocr.MODEL_DIR
n = h.RegistrationNotice.from_image(sys.argv[2])
print(json.dumps({"user_id": str(n.user_id), "facility_number": str(n.facility_number),
                  "codes": [f.code for f in n.findings()],
                  "model": [f.message_en for f in n.findings() if f.code == "ocr.model_unavailable"]}))
"""


@pytest.mark.parametrize("damage", ["truncated", "missing"])
def test_a_damaged_or_missing_packaged_model_is_a_warning_not_a_failure(
    letters: list[Any], tmp_path: Path, damage: str
) -> None:
    """A copy of the installed package whose ``hugid`` model is cut to half (Tesseract cannot
    load it: every image read failed with ``ocr.tesseract_failed``) or gone (skipped silently):
    the letter is read by the other engines and the notice carries ``ocr.model_unavailable``,
    naming the file inside the package and saying to reinstall. Nothing on stderr. The installed
    package is not touched."""
    installed = Path(h.__file__).resolve().parent
    before = _ocr.model_path().stat().st_size
    site = tmp_path / "site"
    shutil.copytree(installed, site / "hug_onboard", ignore=shutil.ignore_patterns("__pycache__"))
    model = site / "hug_onboard" / "data" / f"{_ocr.MODEL}.traineddata"
    if damage == "truncated":
        model.write_bytes(model.read_bytes()[: before // 2])
    else:
        model.unlink()
    image = tmp_path / "letter.jpg"
    letter = letters[0]
    image.write_bytes(letter.image)
    done = _child(_READ_WITH_COPIED_PACKAGE, str(site), str(image), pythonpath=str(site))
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stderr == b"", done.stderr.decode(errors="replace")
    got = json.loads(done.stdout)
    assert got["user_id"] == letter.truth["user_id"] and got["facility_number"] == letter.truth["facility_number"]
    assert "ocr.model_unavailable" in got["codes"]
    (message,) = got["model"]
    assert "hug_onboard/data/hugid.traineddata" in message and "reinstall" in message
    assert str(tmp_path) not in message
    assert _ocr.model_path().stat().st_size == before  # the installed model is intact


def test_an_intact_model_gives_no_warning(letters: list[Any]) -> None:
    n = h.RegistrationNotice.from_image(letters[0].image)
    assert not {"ocr.model_unavailable", "ocr.page_chosen"} & {f.code for f in n.findings()}
    again = n._with_findings([_ocr._finding("ocr.model_unavailable", _ocr.MODEL_SHOWN, "warning")])
    assert [f.code for f in again.findings()][-1] == "ocr.model_unavailable" and again != n
    assert again.findings()[-1].severity == "warning"
    # Carried over when the notice is reconciled with further reads.
    assert "ocr.model_unavailable" in [f.code for f in again.with_ocr_rereads({}).findings()]


def test_messages_name_a_file_without_its_folders(tmp_path: Path) -> None:
    """``from_image(path)`` quoted the whole path (``/home/<user>/…``) into a message that ends up
    in logs; the command line's file codes did too. Both name the file only, alike."""
    from hug_onboard import cli

    folder = tmp_path / "tanaka-care"
    folder.mkdir()
    missing = folder / "scan.png"
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(str(missing))
    assert e.value.code == "ocr.image_unreadable"
    for message in (e.value.message_en, e.value.message_ja):
        assert "scan.png" in message and "tanaka-care" not in message and str(tmp_path) not in message
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(folder)
    assert "tanaka-care" in e.value.message_en  # the name given is the folder's own
    err = io.StringIO()
    code = cli.main(["notice", "--image", str(missing)], stdout=io.StringIO(), stderr=err)
    assert code == cli.EXIT_BY_KIND["unavailable"] and "[cli.file_not_found]" in err.getvalue()
    assert "scan.png" in err.getvalue() and "tanaka-care" not in err.getvalue()
    (folder / "notice.txt").write_bytes(b"\xff\xfe\x00\x81\x00")
    err = io.StringIO()
    cli.main(["notice", str(folder / "notice.txt")], stdout=io.StringIO(), stderr=err)
    assert "notice.txt" in err.getvalue() and "tanaka-care" not in err.getvalue(), err.getvalue()


def test_a_tiffs_thumbnails_are_not_pages() -> None:
    """A scanner's TIFF may store a reduced-resolution copy of a page (NewSubfileType bit 0) after
    it: that copy is no page (it would be counted as one, and read)."""
    from PIL import Image, ImageDraw, TiffImagePlugin

    first, second = Image.new("L", (300, 400), 255), Image.new("L", (300, 400), 255)
    ImageDraw.Draw(first).rectangle((10, 10, 40, 40), fill=0)
    ImageDraw.Draw(second).rectangle((100, 10, 130, 40), fill=0)
    thumb = first.resize((75, 100))
    buf = io.BytesIO()
    with TiffImagePlugin.AppendingTiffWriter(buf, True) as tf:
        for im, info in ((first, {}), (thumb, {254: 1}), (second, {})):
            im.save(tf, "TIFF", tiffinfo=info)
            tf.newFrame()
    assert getattr(Image.open(io.BytesIO(buf.getvalue())), "n_frames", 1) == 3
    pages = _ocr._decode_pages(buf.getvalue())
    assert [p.shape for p in pages] == [(400, 300), (400, 300)]
    assert int(pages[0][20, 20]) == 0 and int(pages[1][20, 110]) == 0


_DAMAGED_FORMATS = """
import io, json
from PIL import Image, ImageDraw
from hug_onboard import _ocr
from hug_onboard._errors import HugOnboardError
page = Image.new("RGB", (300, 200), "white")
ImageDraw.Draw(page).text((20, 80), "TEST 1234567890", fill="black")
out = {}
for fmt in ("JPEG", "PNG", "GIF", "BMP", "WEBP", "JPEG2000", "AVIF", "PPM", "TGA", "ICO", "PCX", "SGI", "DDS", "QOI"):
    buf = io.BytesIO()
    try:
        page.save(buf, fmt)
    except Exception:
        continue  # a format this Pillow cannot write
    good = buf.getvalue()
    overwritten = bytes(0x5A if 40 < i < len(good) // 2 else b for i, b in enumerate(good))
    for bad in (good[: len(good) // 2], overwritten):
        try:
            out.setdefault(fmt, []).append("pages:%d" % len(_ocr._decode_pages(bad)))
        except HugOnboardError as e:
            out.setdefault(fmt, []).append(e.code)
print(json.dumps(out))
"""


def test_damaged_files_of_any_format_print_nothing() -> None:
    """The kind, beyond TIFF: every format this Pillow writes, cut in half or overwritten in its
    middle, is ``ocr.image_unreadable`` or its page — with nothing on fd 2 (Pillow's own decoders
    and the libraries inside it: libjpeg, libwebp, openjpeg, libavif)."""
    done = _child(_DAMAGED_FORMATS)
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode(errors="replace")
    got = json.loads(done.stdout)
    assert {"JPEG", "PNG", "GIF", "WEBP"} <= set(got), got
    for fmt, outcomes in got.items():
        assert outcomes[0] == "ocr.image_unreadable", (fmt, outcomes)  # a file cut in half
        assert all(o == "ocr.image_unreadable" or o == "pages:1" for o in outcomes), (fmt, outcomes)


# --- PDF, HEIC, pages scanned twice, a page asked for, pages upside down -------------------------


def _key_fields_right(n: Any, letter: Any) -> None:
    """The 事業所番号 and the ID as printed; each password as printed or flagged (a look-alike)."""
    assert str(n.facility_number) == letter.truth["facility_number"]
    assert str(n.user_id) == letter.truth["user_id"]
    for name in ("temporary_password", "certificate_password"):
        assert getattr(n, name)() == letter.truth[name] or any(
            f.code in ("notice.ocr_confusable", "notice.ocr_reads_disagree") for f in n.findings()), name


def _pdf_of(pages: list[Any], dpi: float) -> bytes:
    """A PDF of scanned pages, as a multi-function scanner writes one (Pillow's PDF writer: each
    page one image)."""
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return buf.getvalue()


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF written object by object (with its cross-reference table), for the files a scanner's
    writer does not make: encrypted, without pages."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    return out + b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_ONE_PAGE = [_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
#: A PDF encrypted with a user password (the Standard security handler, RC4 40-bit: /O and /U
#: of a password that is not the empty one): PDFium asks for the password.
_ENCRYPTED_PDF = _pdf([*_ONE_PAGE, b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32
                       + b"> /P -4 >>"], b"/Encrypt 4 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">]")
_EMPTY_PDF = _pdf([_CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"])


def test_a_scanners_pdf_is_read(letters: list[Any]) -> None:
    """A multi-function scanner (複合機) saves a scan as PDF by default: it was
    ``ocr.image_unreadable``. Now its page is rendered (PDFium, 300 dpi) and read; of a PDF of two
    pages (a cover sheet and the notice) the notice's page, named (``ocr.page_chosen``)."""
    from PIL import Image, ImageDraw

    pytest.importorskip("pypdfium2")
    letter = letters[0]
    notice = _page(letter.image)
    data = _pdf_of([notice], float(letter.dpi))
    pages = _ocr._decode_pages(data)
    # A4 at 300 dpi, whatever the resolution of the scan inside.
    assert len(pages) == 1 and abs(pages[0].shape[1] - 2480) <= 2 and abs(pages[0].shape[0] - 3508) <= 2
    n = h.RegistrationNotice.from_image(data)
    _key_fields_right(n, letter)
    assert "ocr.page_chosen" not in [f.code for f in n.findings()]
    # A bilevel scan (a fax-like 1-bit page: CCITT Group 4 inside the PDF) renders to the same pixels.
    np = pytest.importorskip("numpy")
    bilevel = notice.point(lambda v: 255 if v > 128 else 0).convert("1")
    packed = _pdf_of([bilevel], float(letter.dpi))
    assert b"CCITTFax" in packed
    (grey,) = _ocr._decode_pages(packed)
    same = np.asarray(bilevel.convert("L").resize((grey.shape[1], grey.shape[0]), Image.Resampling.NEAREST))
    assert float((np.abs(grey.astype(int) - same.astype(int)) > 128).mean()) < 0.005
    cover = Image.new("L", notice.size, 255)
    ImageDraw.Draw(cover).text((200, 300), "FAX cover sheet: 1 page follows", fill=0)
    two = _pdf_of([cover, notice], float(letter.dpi))
    assert _ocr.image_to_tsv(two) == _ocr.image_to_tsv(data)
    assert _ocr.image_to_tsv(two, page=2) == _ocr.image_to_tsv(data)


def _searchable_pdf(jpeg: bytes, size: tuple[int, int], dpi: float, layer: str) -> bytes:
    """A scanner's "searchable PDF": the scan as the page's image (its JPEG as is, DCTDecode) and an
    invisible text layer over it (text render mode 3, as scanners write their own OCR) saying
    ``layer``."""
    w, hh = size
    pw, ph = w * 72 / dpi, hh * 72 / dpi
    text = layer.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("ascii")
    content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q BT 3 Tr /F1 14 Tf 60 %.2f Td (%s) Tj ET" % (pw, ph, ph * 0.6, text)
    return _pdf([
        _CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents 4 0 R "
        b"/Resources << /XObject << /Im0 5 0 R >> /Font << /F1 6 0 R >> >> >>" % (pw, ph),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /DCTDecode /Length %d >>\nstream\n" % (w, hh, len(jpeg)) + jpeg + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def test_a_pdf_with_a_text_layer_is_read_from_what_it_shows(letters: list[Any]) -> None:
    """A "searchable PDF" (the scanner's own OCR as an invisible text layer over the scan): the page
    is rendered and read as it shows — a layer that says another ID and passwords (a scanner's OCR
    holds look-alike confusions unchecked) is not taken for the letter's text. Tesseract's own PDF
    output (image and text layer) likewise."""
    pypdfium2 = pytest.importorskip("pypdfium2")
    letter = letters[1]
    image = _page(letter.image)
    assert image.mode == "L" and letter.image[:2] == b"\xff\xd8"
    wrong = "ID P9999999 (kari) password WRONGPW1 certificate password WRONGPW2 jigyosho 1399999999"
    data = _searchable_pdf(letter.image, image.size, float(letter.dpi), wrong)
    pdf = pypdfium2.PdfDocument(data)
    layer = pdf[0].get_textpage().get_text_range()
    pdf.close()
    assert "P9999999" in layer  # the layer is there, and wrong
    n = h.RegistrationNotice.from_image(data)
    _key_fields_right(n, letter)
    assert "WRONGPW" not in (n.temporary_password() or "") + (n.certificate_password() or "")
    done = subprocess.run([_ocr.tesseract_command(), "stdin", "stdout", "-l", "jpn", "pdf"], input=letter.image,
                          capture_output=True, timeout=600, check=True)
    read = h.RegistrationNotice.parse_ocr_tsv(_ocr.image_to_tsv(done.stdout))
    assert str(read.user_id) == letter.truth["user_id"]


def test_pdfs_that_cannot_be_read_are_coded_and_print_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Encrypted (a password is needed): ``ocr.pdf_encrypted``, in Japanese and English; no page,
    damaged, a page of no page's shape: ``ocr.image_unreadable``; more pages than are read:
    ``ocr.page_ambiguous`` before anything is rendered. In a child process: nothing on fd 2."""
    pytest.importorskip("pypdfium2")
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(_ENCRYPTED_PDF)
    assert e.value.code == "ocr.pdf_encrypted"
    assert "password" in e.value.message_en and "パスワード" in e.value.message_ja
    # PDFium's last error is stale after a load that sets none: a file without pages right after
    # the encrypted one is not said to be encrypted.
    for data in (_EMPTY_PDF, b"%PDF-1.4\n" + b"garbage " * 50,
                 _pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 100] >>"])):
        with pytest.raises(h.ValidationError) as e:
            _ocr._decode_pages(data)
        assert e.value.code == "ocr.image_unreadable" and "PDF" in e.value.message_en, e.value.message_en
    # A page as large as a PDF page can be (200 × 200 in): rendered smaller, within the limits.
    (huge,) = _ocr._decode_pages(_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>"]))
    assert max(huge.shape) <= _ocr.MAX_SIDE and huge.size <= _ocr.MAX_PIXELS
    many = _pdf([_CATALOG, b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (3 + i) for i in range(9))
                 + b"] /Count 9 >>", *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * 9])

    def no_ocr(*_: Any, **__: Any) -> str:
        raise AssertionError("Tesseract ran")

    monkeypatch.setattr(_ocr, "run_tesseract", no_ocr)
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(many)
    assert e.value.code == "ocr.page_ambiguous" and "page=N" in e.value.message_en
    # One page of it asked for: that page alone is rendered.
    pages, total = _ocr._decoded(many, 9)
    assert total == 9 and len(pages) == 1
    done = _child(_DAMAGED_PDFS, _ENCRYPTED_PDF.hex())
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode(errors="replace")
    outcomes = json.loads(done.stdout)
    assert outcomes[0] == "ocr.pdf_encrypted" and outcomes[1] == "ocr.image_unreadable", outcomes
    assert all(o in ("ocr.image_unreadable", "pages:1") for o in outcomes[1:]), outcomes


_DAMAGED_PDFS = """
import io, json, sys
from PIL import Image, ImageDraw
from hug_onboard import _ocr
from hug_onboard._errors import HugOnboardError
page = Image.new("L", (600, 800), 255)
ImageDraw.Draw(page).text((40, 300), "TEST 1234567890", fill=0)
buf = io.BytesIO(); page.save(buf, "PDF", resolution=100.0); good = buf.getvalue()
files = [bytes.fromhex(sys.argv[1]), good[: len(good) // 2], good[: len(good) * 9 // 10],
         bytes(0x5A if 200 < i < len(good) // 2 else b for i, b in enumerate(good)),
         good.replace(b"/Kids", b"/Kidz"), good.replace(b"xref", b"xxxx")]
out = []
for data in files:
    try:
        out.append("pages:%d" % len(_ocr._decode_pages(data)))
    except HugOnboardError as e:
        out.append(e.code)
print(json.dumps(out))
"""


def _heic(image: Any, orientation: int = 1) -> bytes:
    """A HEIC as an iPhone saves one (pillow-heif's encoder): the pixels as given, the EXIF
    orientation the phone held (pillow-heif stores it as the file's rotation)."""
    from PIL import Image

    pillow_heif = pytest.importorskip("pillow_heif")
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    pillow_heif.from_pillow(image.convert("RGB")).save(buf, quality=92, exif=exif.tobytes())
    return buf.getvalue()


def test_an_iphones_heic_is_read_upright(letters: list[Any]) -> None:
    """iPhones save photos as HEIC: it was ``ocr.image_unreadable``. Now it is decoded (libheif
    through pillow-heif) and turned as the phone said (EXIF orientation 6: the pixels lie turned a
    quarter to the left), as a JPEG is."""
    from PIL import Image

    np = pytest.importorskip("numpy")
    letter = letters[0]
    upright = _page(letter.image)
    data = _heic(upright.transpose(Image.Transpose.ROTATE_90), orientation=6)
    assert data[4:12] == b"ftypheic"
    (grey,) = _ocr._decode_pages(data)
    assert grey.shape == (upright.size[1], upright.size[0])
    assert float(np.abs(grey.astype(int) - np.asarray(upright, dtype=int)).mean()) < 3  # upright, not turned
    n = h.RegistrationNotice.from_image(data)
    _key_fields_right(n, letter)


def test_heic_damaged_or_without_pillow_heif_is_coded(letters: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged HEIC: ``ocr.image_unreadable`` with nothing on fd 2; without pillow-heif (or
    without pypdfium2, for a PDF) the error names the package to install."""
    from PIL import Image

    data = _heic(Image.new("L", (400, 300), 255))
    done = _child("""
        import sys
        from hug_onboard import _ocr
        from hug_onboard._errors import HugOnboardError
        data = bytes.fromhex(sys.argv[1])
        for bad in (data[: len(data) // 2], data[:40], bytes(b ^ 0x55 if 100 < i < len(data) - 10 else b
                                                               for i, b in enumerate(data))):
            try:
                print(len(_ocr._decode_pages(bad)))
            except HugOnboardError as e:
                print(e.code)
    """, data.hex())
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode(errors="replace")
    assert set(done.stdout.decode().split()) <= {"ocr.image_unreadable", "1"}
    assert done.stdout.decode().split()[0] == "ocr.image_unreadable"
    monkeypatch.setitem(sys.modules, "pillow_heif", None)
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(h.UnavailableError) as e:
        _ocr._decode_pages(data)
    assert e.value.code == "ocr.dependency_missing" and "pillow-heif" in e.value.message_en
    assert "pillow-heif" in e.value.message_ja and "hug-onboard[heic]" in e.value.message_en
    assert "GPLv2" in e.value.message_en  # its own extra, and why
    with pytest.raises(h.UnavailableError) as e:
        _ocr._decode_pages(_EMPTY_PDF)
    assert e.value.code == "ocr.dependency_missing" and "pypdfium2" in e.value.message_en
    assert "hug-onboard[ocr]" in e.value.message_en and "hug-onboard[ocr]" in e.value.message_ja


def test_the_same_notice_scanned_twice_is_read_from_the_first_page(letters: list[Any]) -> None:
    """A notice fed twice through the scanner: two pages whose notices read alike were refused as
    ``ocr.page_ambiguous``. Now each is read whole and, as they agree, the first is taken, with the
    information ``ocr.pages_same_notice``."""
    pytest.importorskip("pypdfium2")
    letter = letters[0]
    page = _page(letter.image)
    n = h.RegistrationNotice.from_image(_pdf_of([page, page], float(letter.dpi)))
    _key_fields_right(n, letter)
    same = [f for f in n.findings() if f.code == "ocr.pages_same_notice"]
    assert len(same) == 1 and same[0].severity == "info" and "pages 1, 2 of 2" in same[0].message_en
    assert "1, 2 ページ目" in same[0].message_ja
    assert "ocr.page_chosen" not in [f.code for f in n.findings()]


def test_a_reissued_notice_for_the_same_id_is_not_taken_for_a_copy(letters: list[Any]) -> None:
    """Same 事業所番号 and ID, other passwords and date (a notice issued again): two notices, still
    refused — which one is meant cannot be told."""
    import dataclasses
    import random

    corpus = _corpus()
    letter = letters[0]
    y, m, d = (int(v) for v in letter.truth["date"].split("-"))
    day = d % 28 + 1
    truth = dict(letter.truth, temporary_password="Wq7tNc4H", certificate_password="hM3pXz9K",
                 date=f"{y:04d}-{m:02d}-{day:02d}",
                 date_ja=letter.truth["date_ja"].replace(f"{m}月{d}日", f"{m}月{day}日"))
    again = dataclasses.replace(letter, truth=truth)
    again.image = corpus.render(again, random.Random(5))
    data = _tiff([_page(letter.image), _page(again.image)])
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(data)
    assert e.value.code == "ocr.page_ambiguous" and "pages 1, 2 of 2" in e.value.message_en


def test_a_page_can_be_named(letters: list[Any], tmp_path: Path) -> None:
    """Two notices in one file are refused; ``page=N`` (``--page N``) reads the one meant. A page
    the file does not have is ``ocr.page_out_of_range``; a page that is no int a TypeError."""
    from hug_onboard import cli

    data = _tiff([_page(x.image) for x in letters])
    n = h.RegistrationNotice.from_image(data, page=2)
    assert str(n.user_id) == letters[1].truth["user_id"]
    assert not {"ocr.page_chosen", "ocr.pages_same_notice"} & {f.code for f in n.findings()}
    for page, shown in ((3, "page 3 of a file of 2 pages"), (0, "page 0"), (-1, "page -1"), (10**30, "page 1000")):
        with pytest.raises(h.ValidationError) as e:
            h.RegistrationNotice.from_image(data, page=page)
        assert e.value.code == "ocr.page_out_of_range" and shown in e.value.message_en, e.value.message_en
        assert "ページ" in e.value.message_ja
    with pytest.raises(h.ValidationError) as e:
        h.RegistrationNotice.from_image(letters[0].image, page=2)  # a JPEG has one page
    assert e.value.code == "ocr.page_out_of_range" and "of a file of 1 page" in e.value.message_en
    for bad in ("2", 2.0, True):
        with pytest.raises(TypeError):
            h.RegistrationNotice.from_image(data, page=bad)  # type: ignore[arg-type]
    np = pytest.importorskip("numpy")
    assert _ocr._page_number(np.int64(2)) == 2  # an integer of numpy's is an integer
    p = tmp_path / "two.tiff"
    p.write_bytes(data)
    out = io.StringIO()
    assert cli.main(["notice", "--image", str(p), "--page", "1", "--json"], stdout=out) == 0
    assert json.loads(out.getvalue())["user_id"] == letters[0].truth["user_id"]
    err = io.StringIO()
    assert cli.main(["notice", "--image", str(p), "--page", "5"], stdout=io.StringIO(), stderr=err) == \
        cli.EXIT_BY_KIND["invalid_argument"]
    assert "[ocr.page_out_of_range]" in err.getvalue()
    err = io.StringIO()
    assert cli.main(["notice", str(p), "--page", "1"], stdout=io.StringIO(), stderr=err) == 2
    assert "[cli.usage]" in err.getvalue() and "--image" in err.getvalue()


@pytest.mark.parametrize("turn", [180, 90, 270])
def test_a_scan_fed_upside_down_or_sideways_is_turned(letters: list[Any], turn: int) -> None:
    """A portrait scan fed upside down was read as it lay (no label found: refused); a letter
    lying on its side in a portrait scan likewise. When the upright read finds too few of the
    notice's labels, Tesseract's orientation detection is asked and the page read turned."""
    from PIL import Image

    letter = letters[0]
    page = _page(letter.image).rotate(-turn, expand=True)  # as fed: turned `turn` degrees clockwise
    w, hh = page.size
    if w > hh:  # on its side on a portrait page (an A4 scan of a letter lying across it)
        canvas = Image.new("L", (w, int(w * 1.42)), 255)
        canvas.paste(page, (0, (canvas.size[1] - hh) // 2))
        page = canvas
    buf = io.BytesIO()
    page.save(buf, "PNG")
    tsv = _ocr.image_to_tsv(buf.getvalue())
    n = h.RegistrationNotice.parse_ocr_tsv(tsv)
    assert str(n.facility_number) == letter.truth["facility_number"]
    assert str(n.user_id) == letter.truth["user_id"]


def test_an_upright_scan_is_not_asked_its_orientation(letters: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback costs nothing on an upright portrait scan: Tesseract's orientation detection
    is not run."""
    def no_orientation(*_: Any) -> int:
        raise AssertionError("orientation asked")

    monkeypatch.setattr(_ocr, "_orientation", no_orientation)
    tsv = _ocr.image_to_tsv(letters[1].image)
    assert str(h.RegistrationNotice.parse_ocr_tsv(tsv).user_id) == letters[1].truth["user_id"]


def test_pdfs_are_rendered_on_several_threads_at_once() -> None:
    """PDFium is not thread-safe: the library's uses of it hold one lock, so threads reading PDFs at
    once each get their pages (no crash, no mixed pages)."""
    import threading

    from PIL import Image, ImageDraw

    pytest.importorskip("pypdfium2")
    files = []
    for i in range(4):
        page = Image.new("L", (300, 400), 255)
        ImageDraw.Draw(page).rectangle((20 + 60 * i, 20, 60 + 60 * i, 60), fill=0)
        files.append(_pdf_of([page, page], 50.0))
    got: dict[int, list[int]] = {}

    def work(i: int) -> None:
        for _ in range(3):
            pages = _ocr._decode_pages(files[i])
            got.setdefault(i, []).extend(int(p[int(40 * 6), int((40 + 60 * i) * 6)]) for p in pages)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == [0, 1, 2, 3] and all(v == [0] * 6 for v in got.values()), got


def _born_digital_pdf(truth: dict[str, Any]) -> bytes:
    """The notice as a PDF made by software, not a scan: its text drawn with an embedded TrueType
    font (IPAGothic, CID-keyed) and its table's ruled lines as paths, in the corpus's layout (written
    through PDFium's own page-editing API, pypdfium2.raw)."""
    import ctypes

    pdfium = pytest.importorskip("pypdfium2")
    import pypdfium2.raw as c  # type: ignore[import-untyped, unused-ignore]

    path = Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")
    if not path.is_file():
        pytest.skip("IPAGothic (fonts-ipafont-gothic) not installed")
    pdf = pdfium.PdfDocument.new()
    w, hh = 595.0, 842.0
    page = pdf.new_page(w, hh)
    data = path.read_bytes()
    buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = c.FPDFText_LoadFont(pdf, buf, len(data), c.FPDF_FONT_TRUETYPE, True)
    assert font
    mm = 72 / 25.4

    def text(s: str, x: float, y: float, size: float = 10.5) -> None:
        obj = c.FPDFPageObj_CreateTextObj(pdf, font, size)
        wide = ctypes.create_string_buffer((s + "\0").encode("utf-16-le"))
        assert c.FPDFText_SetText(obj, ctypes.cast(wide, c.FPDF_WIDESTRING))
        c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, hh - y)
        c.FPDFPage_InsertObject(page, obj)

    def rect(x: float, y: float, rw: float, rh: float) -> None:
        obj = c.FPDFPageObj_CreateNewRect(x, hh - y - rh, rw, rh)
        c.FPDFPageObj_SetStrokeColor(obj, 0, 0, 0, 255)
        c.FPDFPageObj_SetStrokeWidth(obj, 0.7)
        c.FPDFPath_SetDrawMode(obj, c.FPDF_FILLMODE_NONE, True)
        c.FPDFPage_InsertObject(page, obj)

    x0, y = 25 * mm, 25 * mm
    text(truth["date_ja"], w - x0 - 120, y + 8)
    y += 12 * mm
    text(truth["federation"], x0, y + 8)
    y += 14 * mm
    text("電子請求登録結果に関するお知らせ", w / 2 - 110, y + 10, 14)
    y += 16 * mm
    text("障害福祉サービス費等の電子請求に関し、下記のとおり登録いたしましたので、", x0, y + 8)
    y += 6 * mm
    text("ご連絡いたします。", x0, y + 8)
    y += 12 * mm
    rows = [("事業所番号", truth["facility_number"]), ("住所", f"〒{truth['postal_code']} {truth['address']}"),
            ("事業所名", truth["facility_name"]), ("テストID" if truth["kind"] == "test" else "ID", truth["user_id"]),
            ("(仮)パスワード", truth["temporary_password"]), ("証明書発行用パスワード", truth["certificate_password"]),
            ("備考", "")]
    row_h, col = 10 * mm, 62 * mm
    for label, value in rows:
        rect(x0, y, w - 2 * x0, row_h)
        rect(x0, y, col, row_h)
        text(label, x0 + 2 * mm, y + row_h / 2 + 4)
        if value:
            text(value, x0 + col + 3 * mm, y + row_h / 2 + 4)
        y += row_h
    assert c.FPDFPage_GenerateContent(page)
    out = io.BytesIO()
    pdf.save(out)
    page.close()
    pdf.close()
    return out.getvalue()


def test_a_born_digital_pdf_is_read(letters: list[Any]) -> None:
    """A notice PDF made by software (text drawn with an embedded font, ruled lines as paths; no
    image): rendered and read like a scan — its text objects are not taken as the letter's text."""
    letter = letters[0]
    n = h.RegistrationNotice.from_image(_born_digital_pdf(letter.truth))
    _key_fields_right(n, letter)
    assert n.date is not None and n.date.isoformat() == letter.truth["date"]
