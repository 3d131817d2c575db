"""Reading a scan or photo of the registration notice with Tesseract (jpn).

Used by :meth:`RegistrationNotice.from_image` and ``hug-onboard notice --image``.
Needs the optional extra (``pip install hug-onboard[ocr]``: pytesseract,
opencv-python-headless, numpy, Pillow, pypdfium2; ``hug-onboard[heic]`` adds pillow-heif for HEIC
photos, kept apart because its wheels are GPLv2) and Tesseract with its Japanese data (Debian:
``apt-get install tesseract-ocr tesseract-ocr-jpn``).

The pipeline: decode the image (PNG, JPEG, TIFF … through Pillow: OpenCV's decoders print warnings on
the host's standard error; libtiff's messages are silenced, :func:`_libtiff_silenced`; a PDF — a
multi-function scanner's default — rendered by PDFium at :data:`PDF_DPI`, :func:`_pdf_pages`; an
iPhone's HEIC decoded by libheif, :func:`_heif_page`), grey; in a
photo that shows the paper on a darker desk,
cut the paper out and make it rectangular (:func:`_paper`, :func:`_unwarp`: a perspective
transform; not where what lies round the bright region holds text, :func:`_desk_round`: it is
then the rest of the page — the brighter half of a page lit unevenly, a white table printed on
grey paper); turn a photo, or a page wider than high, upright (:func:`_orientation`:
Tesseract's orientation detection, ``--psm 0`` with its ``osd`` data — Debian
``tesseract-ocr-osd``, which ``tesseract-ocr`` brings; without it the page is read as it lies);
scale to about 300 dpi for an A4 page; even out the lighting (:func:`_flatten`:
divided by the paper's brightness, so a shadow or a lamp to one side does not turn half the
page into ink); filter the noise out of a grainy page (:func:`_denoise`: non-local means, only
where the paper's grain is well above a clean scan's); deskew (the angle of the table's ruled lines, else
of the text block), binarise (Otsu), remove the table's ruled lines (morphological
opening with long horizontal and vertical kernels), then Tesseract
(``-l jpn --psm 6``, TSV output). The core
(:meth:`RegistrationNotice.parse_ocr_tsv`) pairs labels with values by row.

**Files as they come.** Bad input never prints on the host's standard error: Pillow reports
through exceptions and warnings (silenced), libtiff's process-wide handlers are set to none
around our decodes (:func:`_libtiff_silenced`), Tesseract's output is captured (its failure is
``ocr.tesseract_failed`` naming the language it could not load), OpenCV's clean-up prints
nothing. A file of several pages (a scanner's PDF or multi-page TIFF, an animated GIF or WebP; at most
:data:`MAX_PAGES`) is read on the page that holds the notice (:func:`_notice_page`; the notice
says which, ``ocr.page_chosen``); when several pages hold one, each is read whole and one notice
scanned twice is read from the first page (``ocr.pages_same_notice``), two notices are refused
(``ocr.page_ambiguous``); ``page=N`` reads the page named (``ocr.page_out_of_range``). A portrait
page whose upright read finds too few of the notice's labels (fed upside down, or lying on its
side) is turned as Tesseract's orientation detection says and read again (:func:`_read_page`). A
PDF protected by a password is ``ocr.pdf_encrypted``; a PDF's text layer is never read (what the
page shows is). A phone's MPO or HEIC is read on its primary image (:func:`_decoded`). A missing or damaged packaged model (:data:`MODEL`) is a warning on the
notice (``ocr.model_unavailable``), the second pass running without it. Messages name a file
without its folders (:func:`hug_onboard._errors.file_shown`).

**Second pass.** Tesseract's Japanese model misreads Latin glyphs of random
passwords (``l``/``I``/``1``, ``O``/``0``, ``T``/``7``). So the cells of the
事業所番号, the ID, the passwords, the 事業所名, the postal code and the rest of the
address (their ``value_box`` in the
provenance) are cropped from the deskewed page with a margin of half their height
(the free text's cells run on over the ink that continues their row, :func:`_run_on`: the
page's read can drop a value's last word) and read again, one line per cell (the cells of a letter are stacked, a blank band
between two, into one image: one Tesseract run per engine and image), each engine
restricted to the field's characters (``value_charset`` in the provenance, i.e.
:meth:`RegistrationNotice.ocr_value_charset`, from the core; none for the free text). The cells come
from :meth:`RegistrationNotice.ocr_layout_json` (before any value is checked) and the
reads are handed to :meth:`RegistrationNotice.parse_ocr_tsv` with the TSV: the core
keeps the second reads' plurality (a tie keeps the page's value; the free text is
voted character by character; a key field the page read in an invalid form, such as
a 事業所番号 whose ``0`` became ``9``, is taken from its cell's valid reads instead of
refusing the letter) and reports every disagreement. The
engines used are data (:data:`SECOND_PASS`); a stock model whose traineddata is not
installed is skipped. Besides Tesseract's stock models they include our own,
``hugid`` (:data:`MODEL`, shipped in ``hug_onboard/data/``; tools/ocr-model), trained
for the JIS-style Latin glyphs of Japanese business fonts. Nothing is written to a file: each image goes to Tesseract
on its standard input. Measured on the corpus: benches/ocr/RESULTS.md.

**Glyph check.** Where the second reads of the ID or a password disagree on a glyph
(``l``/``L``, ``0``/``O``, ``1``/``i``), the stock engines often agree with each other on
the wrong one, and outvote the right read. Before the core votes, :func:`glyph_check`
cuts the cell into glyphs and sets aside a read whose character the glyph's own shape
rules out: a glyph with no foot is not ``L``; one with a separate dot above is not
``l``/``I``/``1``, one without (at least :data:`GLYPH_DOT_HEIGHT` px high) is not ``i``/``j``;
one with a bar reaching right of its stem at the top is not ``1``/``l``; one taller than the
cell's capitals is not ``I``/``1`` (an ``l`` rising to the ascender line); a glyph compared
with the letter's own printed digits of about its size (the 事業所番号 and the postal code,
digits by their format, and the ID's agreed digits that no letter looks like — same font,
printer and scan, so no knowledge of the font is needed) is that digit when it matches one
closely (:data:`GLYPH_SAME`) and is not when it matches none well (:data:`GLYPH_OTHER`); a
glyph whose counter is crossed (:attr:`_Glyph.counter`: a slashed or dotted zero) is a zero,
and where the letter's own zeros are all crossed (:func:`_zeros`) one with a clean round
counter is none (``O`` at a zero's height, ``o`` well below: :func:`_zero_named`) — the counter
is the one shape that decides even against reads that all agree, so it is strict: two holes
of one size spanning a narrow glyph, or one small centred stroke inside a narrow glyph (not a
``Q``'s tail, an ``@``, two ``O`` run together, specks, a kanji's box round a part as 回 or
国); a clean hole only in a closed ring (not a slashed zero with a gap); heights of rings, not of boxes (a speck or a tick stuck to a glyph); and
only where the reads line up with the glyphs (no letter read where the cell has a speck).
Likewise a glyph the reads give as ``1``, ``l``, ``I`` or ``|`` whose ink profile is that of
the ``1`` s the letter prints by format (:func:`_one_named`, :data:`GLYPH_ONE_BOUNDS`: its
height, its darkness and the spread of its ink, of its foot and of its head, and where its head
leans — sums over the grey crop near its own ink, not a neighbour's or a speck's, which a blur
moves little) is a ``1``: IPAMincho's ``1`` and
``l`` differ by a pixel of serif at 150 dpi and every read gave that ``1`` as ``l``.
Where it is unsure it decides nothing. Otherwise it
acts only where the plurality of the reads left is one look-alike glyph the core reports
(``notice.ocr_confusable``), so the user is still asked to compare that character with
the paper; a read set aside still votes when, mended there, it is a read another read
gives. Besides, a mark before or after a value that is no glyph of the cell (the cell's
border read as ``|``, a speck as ``.``) is dropped from a read when another read lacks it.
Where the shapes do not decide (IPAMincho's ``O`` and ``0`` differ by 3 % of their width; its
``l`` read as ``1`` by every read: the profile names a ``1``, it never says "not a 1"), or the cell is no line of a few characters (:data:`GLYPH_CELL_PIXELS`,
:data:`GLYPH_PARTS`), nothing changes; nothing the check meets (a box, an image, a failure
inside OpenCV) makes it raise: the reads then go to the core as read. The counter also
mends the page's date: where the core finds the OCR'd date impossible (``10月`` read as
``19月``: the slashed zero taken for a nine), a digit of the date line with a crossed counter
is a ``0`` (:func:`parse_page`, :func:`mend_date`; kept only when the date is then valid);
a valid date whose line holds more crossed counters than its text has ``0`` s — or fewer, where
the letter's zeros are crossed — is kept with a warning (:func:`date_zeros_doubtful`).

"""

from __future__ import annotations

import contextlib
import io
import json
import math
import operator
import os
import subprocess
import sys
import threading
import warnings
from pathlib import Path
from typing import Any, Iterator, Union

from ._errors import HugOnboardError, ValidationError, error_class_for, file_shown
from ._native import Finding, RegistrationNotice, _binding_messages

ImageSource = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]

# This module's messages: code -> (Japanese, English) with a ``{detail}`` slot. They are
# declared once, with the codes and their kinds (hence the exception class), in the
# binding's catalogue (hug-onboard-py/src/errors.rs, BindingCode::python_messages).
CODES: dict[str, tuple[str, str]] = dict(_binding_messages())


#: Tesseract's page segmentation mode: 6 = one uniform block of text, which keeps
#: a label and its value on one TSV line; the core regroups rows anyway.
PSM = 6
#: Seconds before Tesseract is stopped.
TIMEOUT = 120
#: The most pixels an image may have (an A4 scan at 1200 dpi is 140 million; Pillow's
#: own default ceiling is 178,956,970): a larger one is refused (``ocr.image_unreadable``)
#: instead of running for minutes or out of memory.
MAX_PIXELS = 178_000_000
#: The longest side (an A4 page at 2400 dpi is 28,000 px) and the most one side may be
#: longer than the other: the deskew's line search needs memory in proportion to width +
#: height (a 1,000,000×1 PNG of a few hundred bytes asked for 5.8 GB).
MAX_SIDE = 30_000
MAX_ASPECT = 20

#: Our own Tesseract model, shipped in the package: ``hugid``, a small LSTM line
#: recogniser for the Latin/digit values (ID, passwords, 事業所番号) trained on the
#: JIS-style Latin glyphs of Japanese business fonts, where the stock models misread
#: ``l`` as ``L``, ``1`` as ``l``, ``O`` as ``0`` (tools/ocr-model: how it is trained,
#: its figures). Tesseract looks for traineddata in one folder, so this model's runs
#: get ``--tessdata-dir`` pointing here.
MODEL = "hugid"
MODEL_DIR = Path(__file__).resolve().parent / "data"
#: The model's file as messages name it: inside the package, without the folder it is
#: installed in (a user's home directory has no place in a message HUG's support may see).
MODEL_SHOWN = f"hug_onboard/data/{MODEL}.traineddata"

#: The second pass over the key fields' cells: per field, the reads as
#: ``(Tesseract language, image)`` where the image is ``"grey"`` (the deskewed page
#: before binarisation) or ``"binary"`` (the cleaned page the first pass read).
#: Chosen on the corpus (benches/ocr): for the digits-only 事業所番号 ``eng`` was
#: right on every light letter; for the ID and the passwords no single engine is
#: reliable, so six reads vote, one vote each (the page's read is the fallback on a tie):
#: four of Tesseract's stock models and our :data:`MODEL` on both images (its binary
#: read is the best single reader on the corpus, 39 of 48 ID/password cells against
#: 36; where three stock reads agree on ``L`` for a JIS ``l`` it was outvoted — the
#: :func:`glyph_check` now sets such reads aside when the glyph has no foot; more votes
#: for it were measured and not kept: tools/ocr-model/RESULTS.md). ``Latin`` and ``Japanese`` are Tesseract's script models
#: (Debian ``tesseract-ocr-script-latn``, ``tesseract-ocr-script-jpan``); a model not
#: installed is skipped.
_LATIN_READS = (("jpn", "binary"), ("jpn", "grey"), ("Latin", "grey"), ("Japanese", "grey"),
                (MODEL, "grey"), (MODEL, "binary"))
SECOND_PASS: dict[str, tuple[tuple[str, str], ...]] = {
    "facility_number": (("eng", "grey"), ("eng", "binary")),
    "user_id": _LATIN_READS,
    "temporary_password": _LATIN_READS,
    "certificate_password": _LATIN_READS,
    # Free text: no whitelist; the page's Japanese read sometimes adds or swaps a kana.
    "facility_name": (("jpn", "binary"), ("jpn", "grey"), ("Japanese", "binary"), ("Japanese", "grey")),
    # The address without its postal code (free text, voted per character by the core), and the
    # postal code after 〒 alone (digits and hyphen: the page's jpn read turned 0 into 9; three
    # reads so that one slip of `eng` is outvoted — on the corpus each of these was right on
    # 15 or 16 of the 16 light letters, `jpn` on 12 or 13).
    "address": (("jpn", "binary"), ("jpn", "grey"), ("Japanese", "binary"), ("Japanese", "grey")),
    "postal_code": (("eng", "grey"), ("eng", "binary"), ("Latin", "grey")),
}


#: Fields whose cell is cropped with a small horizontal margin (a fraction of its
#: height; the others get half the height): the postal code and the rest of the address
#: share a row with only a narrow gap, and a wider crop reads a glyph of the other.
#: The address is also read in runs of its own (stacked with the 事業所名 it changed
#: Tesseract's reads of the name on the corpus).
NARROW_CELLS: dict[str, float] = {"postal_code": 0.1, "address": 0.1}

#: Free-text fields whose cell runs on over the ink that continues their row
#: (:func:`_run_on`): the page's read can drop a value's last word — Tesseract gave
#: 「丁目」 of 「…北1条西2丁目」 a 2 × 2 px box off the row, the core left it out, and the
#: cell cut at the value box made every second read lose it too. Not the key fields:
#: there a note printed after the value (「(半角8文字)」) would become part of every read.
RUN_ON_CELLS = ("address", "facility_name")
#: A part of the row right of a value box continues the value when it is at least this
#: share of the box's height (no speck) …
RUN_ON_PART = 0.3
#: … and starts at most this many box heights after the value's (or the last such part's)
#: right edge: about one character of the letter's size, a word's gap (the corpus's address
#: words are 0.1–0.6 of the height apart; the table's next column is further).
RUN_ON_GAP = 1.0
#: How far right of the value box the row is searched, in box heights.
RUN_ON_REACH = 12


def _finding(code: str, detail: str = "", severity: str = "error", detail_ja: str | None = None) -> Finding:
    """The code's finding, its messages' ``{detail}`` filled in (``detail_ja`` in Japanese where
    the detail is words, not a figure or a library's name)."""
    ja, en = CODES[code]
    return Finding(code, ja.format(detail=detail if detail_ja is None else detail_ja), en.format(detail=detail),
                   severity)


def _error(code: str, detail: str = "", detail_ja: str | None = None) -> HugOnboardError:
    # The class comes from the code's kind, as for every other code.
    return error_class_for(code)([_finding(code, detail, "error", detail_ja)])


def _dependency_missing(extra: str, e: ImportError, why_en: str = "", why_ja: str = "") -> HugOnboardError:
    """``ocr.dependency_missing`` naming the extra to install (``ocr``, or ``heic``: pillow-heif,
    kept out of ``ocr`` because its wheels are GPLv2), what needs it and the import's failure."""
    pip = f"pip install 'hug-onboard[{extra}]'"
    return _error("ocr.dependency_missing", f"{pip} — {why_en} ({e})" if why_en else f"{pip} ({e})",
                  f"{pip} — {why_ja}（{e}）" if why_ja else f"{pip}（{e}）")


def _imports() -> tuple[Any, Any, Any]:
    try:
        import cv2
        import numpy
        import pytesseract  # type: ignore[import-untyped]
    except ImportError as e:
        raise _dependency_missing("ocr", e) from None
    return cv2, numpy, pytesseract


def _read(image: ImageSource) -> bytes:
    if isinstance(image, (bytes, bytearray, memoryview)):
        return bytes(image)
    if isinstance(image, (str, os.PathLike)):
        try:
            with open(image, "rb") as fh:
                return fh.read()
        except OSError as e:
            raise _error("ocr.image_unreadable", f"{file_shown(image)}: {e.strerror}") from None
        except ValueError:
            # A name the OS cannot take: a lone surrogate outside surrogateescape's range (open()
            # raised a bare UnicodeEncodeError) or a NUL character.
            raise _error("ocr.image_unreadable", f"{file_shown(image)}: not a valid file name") from None
    raise _error("ocr.image_unreadable", f"expected a path or bytes, not {type(image).__name__}")


def tesseract_command() -> str:
    """The Tesseract binary (pytesseract's setting), checked to exist and to have jpn."""
    return _tesseract()[0]


def _tesseract() -> tuple[str, list[str]]:
    """The Tesseract binary and its installed languages (jpn checked)."""
    _, _, pytesseract = _imports()
    cmd = str(pytesseract.pytesseract.tesseract_cmd)
    try:
        langs = pytesseract.get_languages(config="")
    except pytesseract.TesseractNotFoundError:
        raise _error("ocr.tesseract_missing") from None
    except (OSError, pytesseract.TesseractError) as e:
        raise _error("ocr.tesseract_failed", str(e)) from None
    if "jpn" not in langs:
        raise _error("ocr.language_missing")
    # pytesseract lists lower-case names only; the script models (Latin, Japanese)
    # of the second pass are read from Tesseract's own list.
    try:
        out = subprocess.run([cmd, "--list-langs"], capture_output=True, timeout=TIMEOUT, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        out = b""
    listed = [ln.strip() for ln in out.decode("utf-8", "replace").splitlines()[1:] if ln.strip()]
    ours = [MODEL] if model_path().is_file() else []
    return cmd, sorted(set(langs) | set(listed) | set(ours))


def model_path() -> Path:
    """The packaged ``hugid`` model (:data:`MODEL`). When the file is missing or Tesseract
    cannot load it (truncated, damaged: a broken install), the second pass runs without its
    reads and :func:`read_notice` adds the warning ``ocr.model_unavailable`` to the notice
    (compare the ID and passwords with the paper; reinstall the package)."""
    return MODEL_DIR / f"{MODEL}.traineddata"


def _deskew_angle(cv2: Any, np: Any, ink: Any) -> float:
    """Degrees to rotate by: the median angle of the long near-horizontal ruled lines
    (found on a mask of long horizontal ink runs, so the Hough transform sees only
    them), else of the text block's minimum-area rectangle; 0 when nothing is found."""
    h, w = ink.shape
    runs = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(40, w // 40), 1)))
    lines = cv2.HoughLinesP(runs, 1, np.pi / 720, threshold=100, minLineLength=w // 5, maxLineGap=20)
    angles = []
    if lines is not None:
        for x1, y1, x2, y2 in lines.reshape(-1, 4):
            a = float(np.degrees(np.arctan2(y2 - y1, x2 - x1)))
            if abs(a) < 5:
                angles.append(a)
    if angles:
        return float(np.median(angles))
    pts = cv2.findNonZero(ink)
    if pts is None:
        return 0.0
    (_, _), (_, _), a = cv2.minAreaRect(pts)
    a = float(a)
    if a > 45:
        a -= 90
    return a if abs(a) < 5 else 0.0


def clean(data: bytes) -> bytes:
    """The cleaned page as PNG bytes: grey, ~300 dpi, deskewed, binarised, table lines removed."""
    return _png(_prepare(data)[1])


def _png(image: Any) -> bytes:
    cv2, _, _ = _imports()
    ok, png = cv2.imencode(".png", image)
    if not ok:
        raise _error("ocr.image_unreadable", "cannot encode the cleaned page")
    return bytes(png.tobytes())


def _decode_grey(data: bytes) -> Any:
    """The image's one page as one grey channel (numpy array, uint8): :func:`_decode_pages` for a
    file of one page (or a phone's MPO: its primary image). A file of several pages is refused
    (``ocr.page_ambiguous``): :func:`read_notice` and :func:`image_to_tsv` choose among pages
    (:func:`_notice_page`), this function never picks one silently."""
    pages = _decode_pages(data)
    if len(pages) > 1:
        raise _error("ocr.page_ambiguous", f"{len(pages)} pages", f"{len(pages)} ページ")
    return pages[0]


#: The most pages (frames) of one file that are read: a multi-page TIFF from a scanner, an
#: animated GIF or WebP. A registration notice is one sheet; a scanner's file holds it with
#: its cover letter, the back sides, perhaps the other notice (テストID and ID) — a few pages.
#: Each page costs one Tesseract run of the whole page (1–3 s) to find the notice's labels
#: (:func:`_notice_page`), so a file of more pages is refused (``ocr.page_ambiguous``: give the
#: notice's page alone) instead of running for a minute. Together the pages may hold at most
#: :data:`MAX_PIXELS` pixels.
MAX_PAGES = 8


def _decode_pages(data: bytes) -> list[Any]:
    """The image's pages, each as one grey channel (numpy array, uint8), in the file's order
    (:func:`_decoded` without a page asked for)."""
    return _decoded(data)[0]


def _page_number(page: Any) -> int | None:
    """``page`` as :func:`read_notice` takes it: None, or an integer (``int``, numpy's; not a
    ``bool``, a ``float`` or a ``str``) from 1 — another type is a ``TypeError``, a number below 1
    ``ocr.page_out_of_range``."""
    if page is None:
        return None
    if isinstance(page, bool):
        raise TypeError("page must be an int (from 1) or None, not bool")
    try:
        number: int = operator.index(page)
    except TypeError:
        raise TypeError(f"page must be an int (from 1) or None, not {type(page).__name__}") from None
    if number < 1:
        shown = str(number) if len(str(number)) <= 20 else str(number)[:20] + "…"
        raise _error("ocr.page_out_of_range", f"page {shown}", f"{shown} ページ")
    return number


def _out_of_range(page: int, total: int) -> HugOnboardError:
    shown = str(page) if len(str(page)) <= 20 else str(page)[:20] + "…"
    return _error("ocr.page_out_of_range", f"page {shown} of a file of {total} page{'s' if total != 1 else ''}",
                  f"全 {total} ページのファイルに {shown} ページ目はありません")


def _decoded(data: bytes, page: int | None = None) -> tuple[list[Any], int]:
    """The image's pages, each as one grey channel (numpy array, uint8), in the file's order,
    and how many pages the file has; with ``page`` (from 1), that page alone (and, but for a PDF,
    whose count is known, only the pages up to it are counted).

    A PDF (a multi-function scanner's default) is rendered by PDFium (:func:`_pdf_pages`), a
    HEIC/HEIF photo (an iPhone's default) decoded by libheif (:func:`_heif_page`); the rest:

    One page for a PNG, a JPEG, a one-page TIFF; for a phone's MPO (a JPEG with a preview or a
    second view in further frames) its primary image only (the first frame, the photo itself);
    every page of a multi-page TIFF (a scanner's batch) and every frame of an animated GIF or
    WebP, at most :data:`MAX_PAGES` (more is ``ocr.page_ambiguous``), without a TIFF's
    reduced-resolution copies (NewSubfileType bit 0: a thumbnail of another page) and masks
    (bit 2). A damaged page anywhere is ``ocr.image_unreadable``: the notice may be on it.

    Decoded with Pillow, not OpenCV's ``imdecode``: the libjpeg and libpng inside OpenCV
    print their warnings on the process's standard error ("Corrupt JPEG data: 3
    extraneous bytes before marker"), which is the host's; Pillow reports through
    exceptions and Python warnings (silenced here), and the libtiff inside it is kept
    silent by :func:`_libtiff_silenced`. A JPEG is decoded straight to grey
    (``draft("L")``: libjpeg's own grey output, the same pixels ``cv2.IMREAD_GRAYSCALE``
    gives — identical on every corpus letter, benches/ocr); a phone photo is turned
    upright by its EXIF orientation, as ``imdecode`` did; 16- and 32-bit integer pages
    are scaled to 8 bits as OpenCV did (``convert("L")`` clips them: a blank page); a
    transparent background becomes white paper (it was black: text on black); a
    floating-point image is refused. The size and shape of each page are checked before
    its pixels are decoded (:data:`MAX_PIXELS` for the pages together, :data:`MAX_SIDE`,
    :data:`MAX_ASPECT`). With ``page`` there is no :data:`MAX_PAGES` (only that page is decoded),
    and a page the file does not have is ``ocr.page_out_of_range``.
    """
    np = _imports()[1]
    if _is_pdf(data):
        return _pdf_pages(data, np, page)
    try:
        from PIL import Image, ImageOps
    except ImportError as e:
        raise _dependency_missing("ocr", e) from None
    if _is_heif(data):
        if page is not None and page > 1:
            raise _out_of_range(page, 1)
        return [_heif_page(data, np, Image, ImageOps)], 1
    try:
        with warnings.catch_warnings(), _libtiff_silenced(data):
            # Pillow warns (on stderr by default) about damaged metadata and big images;
            # our own limits are checked below.
            warnings.simplefilter("ignore")
            opened = Image.open(io.BytesIO(data))
            frames = _frames(opened, upto=page)
            total = len(frames)
            if page is not None:
                if page > total:
                    raise _out_of_range(page, total)
                frames = [frames[page - 1]]
            pages, pixels = [], 0
            for frame in frames:
                if frame:
                    opened.seek(frame)
                w, h = opened.size
                pixels += w * h
                _check_size(w, h, pixels, len(frames))
                pages.append(_grey(opened, np, Image, ImageOps))
    except HugOnboardError:
        raise
    except Image.DecompressionBombError:
        # Pillow's own ceiling (twice Image.MAX_IMAGE_PIXELS), checked when the file is opened.
        raise _error("ocr.image_unreadable", "Pillow: too many pixels (DecompressionBombError)") from None
    except Exception as e:  # any format plugin's failure (OSError, RuntimeError, OverflowError …)
        # Not an image, truncated, or a format Pillow cannot read.
        raise _error("ocr.image_unreadable", f"Pillow: {type(e).__name__}") from None
    for grey in pages:
        if grey.ndim != 2 or not grey.size:
            raise _error("ocr.image_unreadable", "Pillow: no pixels")
    return pages, total


def _check_size(w: int, h: int, pixels: int, count: int) -> None:
    """A page of ``w`` × ``h`` px, the pages so far ``pixels`` together (of ``count`` pages), is
    within :data:`MAX_PIXELS`, :data:`MAX_SIDE` and :data:`MAX_ASPECT`; else ``ocr.image_unreadable``."""
    if pixels > MAX_PIXELS:
        what = f"{w}×{h} px" if count == 1 else f"{count} pages"
        raise _error("ocr.image_unreadable", f"{what} > {MAX_PIXELS:,} px")
    if max(w, h) > MAX_SIDE or max(w, h) > MAX_ASPECT * max(1, min(w, h)):
        raise _error("ocr.image_unreadable", f"{w}×{h} px: not the shape of a page")


def _frames(opened: Any, upto: int | None = None) -> list[int]:
    """The frames of an opened image that are pages (:func:`_decode_pages`), found by seeking
    (Pillow's ``n_frames`` walks every frame of the file first); leaves the image on frame 0.
    More than :data:`MAX_PAGES` is ``ocr.page_ambiguous`` — unless a page was asked for
    (``upto``, from 1: only that one is decoded): then the pages up to it (fewer when the file
    ends before it)."""
    limited = upto is None
    if opened.format in ("JPEG", "MPO"):
        return [0]  # an MPO's further frames are its previews or second view, not pages
    frames: list[int] = []
    # Each page may be followed by its thumbnail: twice the pages, and one more to see the end.
    looked = MAX_PAGES * 2 + 1 if limited else sys.maxsize
    for i in range(looked):
        try:
            opened.seek(i)
        except EOFError:
            break
        tags = getattr(opened, "tag_v2", None)
        subfile = tags.get(254, 0) if tags is not None else 0
        if isinstance(subfile, int) and subfile & 0b101:
            continue  # a TIFF's reduced-resolution copy of a page, or a transparency mask
        frames.append(i)
        if len(frames) > MAX_PAGES if upto is None else len(frames) >= upto:
            break
    else:
        looked = -1  # every frame looked at held another: more than can be read
    if limited and (len(frames) > MAX_PAGES or looked < 0):
        raise _too_many_pages()
    opened.seek(0)
    if not frames:
        raise _error("ocr.image_unreadable", "no page in the file")
    return frames


def _too_many_pages() -> HugOnboardError:
    return _error("ocr.page_ambiguous", f"more than {MAX_PAGES} pages: only {MAX_PAGES} are read",
                  f"{MAX_PAGES} ページを超えています（読むのは {MAX_PAGES} ページまで）")


# --- PDF and HEIF ----------------------------------------------------------------------

#: A PDF's pages are rendered at this resolution (pixels per inch): Tesseract's own advice is
#: about 300 dpi, and the clean-up scales an A4 page to about that anyway. A page too large for
#: it is rendered smaller: each page at most :data:`MAX_SIDE` px, the pages together at most
#: :data:`MAX_PIXELS` (:func:`_pdf_scale`).
PDF_DPI = 300
#: PDFium is not thread-safe (pypdfium2's documentation: no two calls at once, not even on
#: different documents): every use of it in this module holds this lock.
_PDF_LOCK = threading.Lock()


def _is_pdf(data: bytes) -> bool:
    """A PDF: ``%PDF-`` within its first 1024 bytes (readers accept bytes before the header)."""
    return b"%PDF-" in data[:1024]


#: The ``ftyp`` brands of HEIF files with HEVC images (ISO/IEC 23008-12 Annex B: ``heic``,
#: ``heix`` still images, ``hevc``/``hevx`` sequences, ``heim``/``heis``/``hevm``/``hevs``
#: multi-layer and scalable). ``mif1``/``msf1`` (any HEIF) count when no AVIF brand is listed:
#: Pillow decodes AVIF itself.
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs")


def _is_heif(data: bytes) -> bool:
    """A HEIF file (an iPhone's HEIC photo), from its ``ftyp`` box's major and compatible brands."""
    if data[4:8] != b"ftyp" or len(data) < 12:
        return False
    size = int.from_bytes(data[:4], "big")
    brands = {data[8:12]} | {data[i:i + 4] for i in range(16, min(size, 256, len(data)) - 3, 4)}
    if brands & set(_HEIF_BRANDS):
        return True
    return data[8:12] in (b"mif1", b"msf1") and not brands & {b"avif", b"avis"}


def _pdf_scale(sizes: list[tuple[float, float]]) -> float:
    """Pixels per PDF unit (1/72 in) for pages of ``sizes`` (points): :data:`PDF_DPI`, less where a
    page's longer side would pass :data:`MAX_SIDE` or the pages together :data:`MAX_PIXELS`."""
    scale = PDF_DPI / 72
    longest = max(max(w, h) for w, h in sizes)
    area = sum(w * h for w, h in sizes)
    return float(min(scale, (MAX_SIDE - 2) / longest, math.sqrt(MAX_PIXELS / area) * 0.999))


def _pdf_pages(data: bytes, np: Any, page: int | None) -> tuple[list[Any], int]:
    """A PDF's pages (:func:`_decoded`) rendered by PDFium (pypdfium2) in grey at :data:`PDF_DPI`
    (annotations drawn, as a viewer shows the page). What a page shows is read — its scanned image,
    its text drawn — never its text layer: a scanner's "searchable PDF" carries the scanner's own
    OCR under the image, which may hold the very glyph confusions the second pass is for.

    A PDF protected by a password is ``ocr.pdf_encrypted`` (one that only restricts printing or
    copying opens without one, and is read); one PDFium cannot load (damaged, not a PDF after all)
    or that has no page is ``ocr.image_unreadable``; more than :data:`MAX_PAGES` pages, none asked
    for, ``ocr.page_ambiguous``; a page of the shape of no page (:data:`MAX_ASPECT`) or of no size
    ``ocr.image_unreadable``. PDFium prints nothing on standard error; its errors come back as
    codes (pypdfium2's ``PdfiumError.err_code``)."""
    try:
        import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]
        import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:
        raise _dependency_missing("ocr", e, "pypdfium2, for PDF files", "PDF ファイルには pypdfium2 が必要です") from None
    # pypdfium2 reports some conditions as Python warnings (stderr by default): ignored, the
    # outcome is coded below.
    with _PDF_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            # PDFium's last error is not reset by a load that fails without setting one (a
            # document of no page gave the previous file's "Incorrect password"): a password is
            # only what it says when the file has an /Encrypt entry (its trailer or its
            # cross-reference stream's dictionary, which is never compressed).
            code = getattr(e, "err_code", None)
            if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in data:
                what = "a password is needed" if code == pdfium_c.FPDF_ERR_PASSWORD else "an unsupported security handler"
                raise _error("ocr.pdf_encrypted", f"PDF: {what}",
                             "パスワードが必要です" if code == pdfium_c.FPDF_ERR_PASSWORD else "対応していない暗号化方式です") from None
            raise _error("ocr.image_unreadable", "PDF: PDFium cannot load it (damaged, or no page)",
                         "PDF: PDFium が読み込めません（壊れているか、ページがありません）") from None
        except Exception:  # anything else from the loader: never a bare exception
            raise _error("ocr.image_unreadable", "PDF: PDFium cannot load it (damaged?)",
                         "PDF: PDFium が読み込めません（壊れている？）") from None
        try:
            return _pdf_render(pdf, pdfium, np, page)
        except HugOnboardError:
            raise
        except MemoryError:
            raise _error("ocr.image_unreadable", "PDF: not enough memory to render the page",
                         "PDF: ページを描画するメモリが足りません") from None
        except Exception as e:  # PdfiumError on a page, ValueError on a page of no size …
            raise _error("ocr.image_unreadable", f"PDF: a page cannot be rendered ({type(e).__name__})",
                         f"PDF: ページを描画できません（{type(e).__name__}）") from None
        finally:
            pdf.close()


def _pdf_render(pdf: Any, pdfium: Any, np: Any, page: int | None) -> tuple[list[Any], int]:
    """:func:`_pdf_pages`' rendering, under its lock, of an opened document."""
    total = len(pdf)
    if total <= 0:
        raise _error("ocr.image_unreadable", "PDF: no page in the file", "PDF: ページがありません")
    if page is None:
        if total > MAX_PAGES:
            raise _too_many_pages()
        numbers = list(range(total))
    elif page > total:
        raise _out_of_range(page, total)
    else:
        numbers = [page - 1]
    sizes = [(float(pdf.get_page_size(i)[0]), float(pdf.get_page_size(i)[1])) for i in numbers]
    for w, h in sizes:
        if not (w >= 1 and h >= 1) or max(w, h) > MAX_ASPECT * min(w, h):
            raise _error("ocr.image_unreadable", f"PDF: a page of {w:.0f}×{h:.0f} pt: not the shape of a page",
                         f"PDF: {w:.0f}×{h:.0f} pt のページはページの形ではありません")
    scale = _pdf_scale(sizes)
    pages = []
    for i in numbers:
        pg = pdf[i]
        try:
            bitmap = pg.render(scale=scale, grayscale=True, fill_color=(255, 255, 255, 255))
            try:
                grey = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
            finally:
                bitmap.close()
        finally:
            pg.close()
        if grey.ndim == 3:
            grey = grey[:, :, 0]
        if grey.ndim != 2 or not grey.size:
            raise _error("ocr.image_unreadable", "PDF: a page without pixels", "PDF: 画素のないページです")
        pages.append(np.ascontiguousarray(grey))
    return pages, total


def _heif_page(data: bytes, np: Any, Image: Any, ImageOps: Any) -> Any:
    """A HEIC/HEIF photo's primary image in grey, decoded by libheif through pillow-heif (not
    registered as a Pillow plugin: the host's Pillow is left as it was). libheif turns the image
    as its ``irot``/``imir`` boxes say (the orientation the phone saved) and pillow-heif then sets
    the EXIF orientation to 1 so that it is not applied twice; :func:`_grey` applies what EXIF
    still says, as for a JPEG. Further images of the file (a burst, a depth map, thumbnails) are
    not pages. The size is checked before the pixels are decoded. Without pillow-heif:
    ``ocr.dependency_missing`` naming it."""
    try:
        import pillow_heif  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:
        raise _dependency_missing("heic", e, "pillow-heif, for HEIC/HEIF photos (its wheels are GPLv2)",
                                  "HEIC/HEIF の写真には pillow-heif が必要です（配布物のライセンスは GPLv2）") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            heif = pillow_heif.open_heif(io.BytesIO(data), convert_hdr_to_8bit=True)
            primary = heif[heif.primary_index]
            w, h = primary.size
            _check_size(w, h, w * h, 1)
            return _grey(primary.to_pillow(), np, Image, ImageOps)
    except HugOnboardError:
        raise
    except MemoryError:
        raise _error("ocr.image_unreadable", "HEIF: not enough memory to decode the photo",
                     "HEIF: 写真を展開するメモリが足りません") from None
    except Exception as e:  # libheif's errors (damaged, truncated, an unsupported codec)
        raise _error("ocr.image_unreadable", f"libheif: {type(e).__name__}") from None


def _grey(opened: Any, np: Any, Image: Any, ImageOps: Any) -> Any:
    """The current frame of an opened image in grey (:func:`_decode_pages`)."""
    if opened.format == "JPEG":
        opened.draft("L", opened.size)
    upright = ImageOps.exif_transpose(opened)
    mode = upright.mode
    if mode == "F":
        raise _error("ocr.image_unreadable", "a floating-point image")
    if mode.startswith("I"):
        # 16- or 32-bit integer grey: the top 8 of 16 bits (OpenCV's scaling).
        wide = np.asarray(upright).astype(np.int64)
        return (np.clip(wide, 0, 65535) >> 8).astype(np.uint8)
    if mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        rgba = upright.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return np.asarray(Image.alpha_composite(paper, rgba).convert("L"))
    return np.asarray(upright.convert("L"))


# --- libtiff's messages ----------------------------------------------------------------
#
# libtiff (inside Pillow) writes its errors ("LZWDecode: Using code not yet in table",
# "Fax4Decode: Bad code word") and warnings straight to the process's fd 2 through its
# process-wide handlers (TIFFSetErrorHandler / TIFFSetWarningHandler: "a NULL (0) handler may be
# installed to suppress" the messages, and each call returns the previous handler — libtiff's
# TIFFError(3tiff) / TIFFWarning(3tiff)). The per-file handlers of libtiff >= 4.5
# (TIFFOpenOptionsSetErrorHandlerExtR) are Pillow's to set, and Pillow does not (its ``_imaging``
# imports no TIFFOpenOptions* function: checked on Pillow 13.0, libtiff 4.7.2), nor does it offer
# a setting. So the handlers are set to none while one of our decodes runs (libtiff then prints
# nothing; Pillow still raises its OSError, which is ``ocr.image_unreadable``), and the host's
# are put back when the last one ends.

_LIBTIFF_LOCK = threading.Lock()
_libtiff_users = 0
_libtiff_saved: list[tuple[Any, Any]] = []
_libtiff_found: list[Any] | None = None


def _libtiff_setters() -> list[Any]:
    """``TIFFSetErrorHandler`` and ``TIFFSetWarningHandler`` (ctypes functions) of the libtiff
    Pillow decodes with, found once: looked up in Pillow's ``_imaging`` module (``dlsym`` on its
    handle searches the libraries it loaded: the wheel's own libtiff in ``pillow.libs``, or the
    system's), and in the process's global scope (a libtiff the host loaded globally, which
    Pillow would bind to first), the same function once. Empty when there is none to find
    (Pillow built without libtiff, or with libtiff linked into its module without exporting
    its functions — possibly so on Windows, not checked): :func:`_libtiff_silenced` then
    silences fd 2 instead. Found on Linux with Pillow 13.0's wheel (libtiff 4.7.2)."""
    global _libtiff_found
    if _libtiff_found is not None:
        return _libtiff_found
    import ctypes

    found: list[Any] = []
    seen: set[int] = set()
    try:
        from PIL import _imaging

        scopes = [ctypes.CDLL(_imaging.__file__), ctypes.CDLL(None)]
    except (ImportError, OSError, TypeError, AttributeError):
        scopes = []
    for lib in scopes:
        try:
            pair = (lib.TIFFSetErrorHandler, lib.TIFFSetWarningHandler)
        except AttributeError:
            continue
        where = ctypes.cast(pair[0], ctypes.c_void_p).value or 0
        if where in seen:
            continue
        seen.add(where)
        for f in pair:
            f.restype, f.argtypes = ctypes.c_void_p, [ctypes.c_void_p]
        found.extend(pair)
    _libtiff_found = found
    return found


#: The first bytes of a TIFF (classic and BigTIFF, both byte orders).
_TIFF_MAGIC = (b"II*\0", b"MM\0*", b"II+\0", b"MM\0+")


@contextlib.contextmanager
def _libtiff_silenced(data: bytes) -> Iterator[None]:
    """libtiff prints nothing on the host's standard error inside the block (the comment above).

    Its process-wide handlers are set to none when the first of our decodes enters (under a
    lock, counted: decodes on several threads share one silent period) and the ones found
    there — the host's, if it set its own on that libtiff — are put back when the last leaves.
    Risks, stated: while one of our decodes runs, a TIFF the host decodes with the same libtiff on
    another thread is silent too; a handler the host installs during that time is replaced by the
    one saved when the last decode ends. The wheel's libtiff (``pillow.libs``) is Pillow's own
    copy: a host's own libtiff (PHP's, ImageMagick's) is touched only when it is loaded into the
    process's global scope, where Pillow binds to it too.

    Where the handlers cannot be found (:func:`_libtiff_setters`), and only for a TIFF (the
    only format libtiff decodes), fd 2 is pointed at ``/dev/null`` for the decode and restored
    after it, under a lock (decodes wait for each other). The last resort, with its risk: what the
    host's other threads write on fd 2 during that decode (milliseconds to a second for a large
    page) is lost."""
    global _libtiff_users
    setters = _libtiff_setters()
    if setters:
        with _LIBTIFF_LOCK:
            if _libtiff_users == 0:
                _libtiff_saved[:] = [(f, f(None)) for f in setters]
            _libtiff_users += 1
        try:
            yield
        finally:
            with _LIBTIFF_LOCK:
                _libtiff_users -= 1
                if _libtiff_users == 0:
                    for f, before in _libtiff_saved:
                        f(before)
                    _libtiff_saved.clear()
    elif data[:4] in _TIFF_MAGIC:
        with _LIBTIFF_LOCK, _fd2_silenced():
            yield
    else:
        yield


@contextlib.contextmanager
def _fd2_silenced() -> Iterator[None]:
    """fd 2 points at ``/dev/null`` inside the block and is restored after it (the caller
    holds :data:`_LIBTIFF_LOCK`); when it cannot be redirected, nothing changes."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 2)
        finally:
            os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _prepare(data: bytes) -> tuple[Any, Any]:
    """The page deskewed in grey, and cleaned (binarised, table lines removed), as arrays of one geometry.

    For an image of one page (:func:`_decode_grey`); OpenCV's failures (``cv2.error``) and
    running out of memory on a large page are ``ocr.image_unreadable``, never a bare exception."""
    return _prepare_page(_decode_grey(data))


def _prepare_page(gray: Any) -> tuple[Any, Any]:
    """:func:`_prepare` for a decoded grey page."""
    with _opencv_failures_coded(gray.shape):
        page = _clean_page(gray)
    return page


@contextlib.contextmanager
def _opencv_failures_coded(shape: tuple[int, ...]) -> Iterator[None]:
    """``cv2.error`` and ``MemoryError`` inside the block become ``ocr.image_unreadable``
    (the page's size in the detail); a coded error passes unchanged."""
    cv2 = _imports()[0]
    size = "×".join(str(n) for n in reversed(shape[:2]))
    try:
        yield
    except HugOnboardError:
        raise
    except MemoryError:
        raise _error("ocr.image_unreadable", f"{size} px: not enough memory to process the page") from None
    except cv2.error:
        raise _error("ocr.image_unreadable", f"{size} px: OpenCV could not process the page") from None


#: The paper's brightness is estimated on the page shrunk this many times (the estimate is
#: smooth; shrinking makes it cheap) …
FLATTEN_SHRINK = 4
#: … by a closing with a square this share of the page's width (about two characters of
#: the letter at 10.5 pt: wider than any glyph or ruled line, so all the ink is closed over).
FLATTEN_KERNEL = 1 / 28


def _flatten(cv2: Any, np: Any, gray: Any) -> Any:
    """The grey page with its lighting evened out: divided by the paper's own brightness.

    A photo is lit unevenly (a lamp to one side, the phone's shadow): one threshold for the
    whole page (Otsu) then made the darker half of the letter all ink, and every field was
    missing. The paper is found by a morphological closing (a grey max then min filter),
    which removes every dark thing smaller than its square — the text and the ruled lines —
    and leaves the paper's brightness; the page divided by it is white paper with the ink
    at its own contrast. A page lit evenly (a scan) is left as good as it was (measured on
    the corpus: benches/ocr/RESULTS.md)."""
    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // FLATTEN_SHRINK), max(1, h // FLATTEN_SHRINK)),
                       interpolation=cv2.INTER_AREA)
    k = max(3, int(small.shape[1] * FLATTEN_KERNEL) | 1)
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    paper = cv2.GaussianBlur(paper, (k, k), 0)
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, np.maximum(paper, 1), scale=255)


#: The paper is looked for on the photo shrunk to this many pixels on its longer side.
PAPER_SIDE = 800
#: The paper found must cover at least this share of the photo (else it is no page but,
#: say, a white box on the letter) and at most :data:`PAPER_MAX` (else no background shows
#: round it: a scan, left as it is).
PAPER_MIN = 0.25
PAPER_MAX = 0.95
#: The ink of text is looked for on the shrunk photo as what a closing with a square of this
#: many pixels removes (the letter's 10.5 pt characters are about 13 px there, a photo of an A4 page
#: on :data:`PAPER_SIDE` px) where it is darker than its surroundings by :data:`PAPER_INK_CONTRAST`
#: of their brightness, in blobs no longer than twice the square (text, not a ruled line, the
#: paper's edge or the gaps between a keyboard's keys). Printed text there is well over half
#: darker than its paper; the streaks of a strongly grained wooden desk 30–40 % (measured on the
#: s7-photo probes: at 0.3 such a desk counted as text, at 0.5 not, while the text of every
#: photo probe, blurred and shrunk, still did).
PAPER_INK_KERNEL = 15
PAPER_INK_CONTRAST = 0.5
#: The region found is no paper on a desk when what lies round it holds text at more than this
#: share of the text's density inside it: it is the rest of the page (the brighter half of a page
#: lit unevenly, a white table printed on light grey paper). Measured (s7-photo probes,
#: benches/ocr/RESULTS.md "Photos"): round a page on a desk (plain, wood grain, a keyboard, a
#: finger, a page cut by the frame, a scanner lid's dark border) 0.00; round a part of a page 0.55
#: (a white table on grey paper) to 3.3 (a page lit from 55 % to full, filling the frame).
PAPER_OUTSIDE_TEXT = 0.1


def _paper(cv2: Any, np: Any, gray: Any) -> Any:
    """The paper's four corners in a photo that shows it on a darker background (a desk), as a
    4 × 2 float array (top left, top right, bottom right, bottom left), or None: the largest
    bright region (Otsu on the shrunk photo, the text closed over) when its outline is a
    quadrilateral covering :data:`PAPER_MIN`–:data:`PAPER_MAX` of the photo."""
    h, w = gray.shape
    f = PAPER_SIDE / max(h, w)
    if f >= 1:
        f = 1.0
    small = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    _, bright = cv2.threshold(cv2.GaussianBlur(small, (5, 5), 0), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15)))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = cv2.convexHull(max(contours, key=cv2.contourArea))
    share = cv2.contourArea(outline) / float(small.shape[0] * small.shape[1])
    if not PAPER_MIN <= share <= PAPER_MAX:
        return None
    corners = cv2.approxPolyDP(outline, 0.02 * cv2.arcLength(outline, True), True).reshape(-1, 2)
    if len(corners) != 4:
        return None
    if not _desk_round(cv2, np, small, corners):
        return None
    pts = corners.astype(np.float32) / f
    total, diff = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.array([pts[np.argmin(total)], pts[np.argmin(diff)], pts[np.argmax(total)], pts[np.argmax(diff)]],
                    np.float32)


def _text_ink(cv2: Any, np: Any, small: Any) -> Any:
    """A mask of the text's ink on the shrunk photo (:data:`PAPER_INK_KERNEL`, :data:`PAPER_INK_CONTRAST`)."""
    k = PAPER_INK_KERNEL
    around = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    ink = ((around.astype(np.float32) - small) > PAPER_INK_CONTRAST * around).astype(np.uint8)
    n, labels, boxes, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small_blob = np.maximum(boxes[:, cv2.CC_STAT_WIDTH], boxes[:, cv2.CC_STAT_HEIGHT]) <= 2 * k
    small_blob[0] = False
    return small_blob[labels]


def _desk_round(cv2: Any, np: Any, small: Any, corners: Any) -> bool:
    """Whether what lies round the quadrilateral ``corners`` (on the shrunk photo) is a desk, not
    more of the page: it holds text at no more than :data:`PAPER_OUTSIDE_TEXT` of the text's
    density inside. A band of the square's width along the outline is left out (the paper's edge)."""
    ink = _text_ink(cv2, np, small)
    quad = np.zeros(small.shape, np.uint8)
    cv2.fillConvexPoly(quad, corners.astype(np.int32), 255)
    band = cv2.getStructuringElement(cv2.MORPH_RECT, (PAPER_INK_KERNEL, PAPER_INK_KERNEL))
    inside = cv2.erode(quad, band) > 0
    outside = cv2.dilate(quad, band) == 0
    if not inside.any():
        return False
    density = float(ink[inside].mean())
    if density == 0:
        return False  # no text on it: no page (a patch of the page's margin, a bright lamp)
    return not outside.any() or float(ink[outside].mean()) <= PAPER_OUTSIDE_TEXT * density


def _unwarp(cv2: Any, np: Any, gray: Any) -> Any:
    """The paper of a photo (:func:`_paper`) cut out and made rectangular (a perspective
    transform to its longer sides' lengths); the page as given when no paper is found."""
    corners = _paper(cv2, np, gray)
    if corners is None:
        return gray
    tl, tr, br, bl = corners
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    if width < 2 or height < 2:
        return gray
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    m = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(gray, m, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)


#: A page whose paper is grainier than this is denoised before it is binarised: the standard
#: deviation of the paper's fine grain (the page less its 5 × 5 Gaussian blur, over the paper
#: away from the ink), in grey levels. Measured on the corpus (seed 14): light scans 0.22–0.75,
#: photos 0.39–0.52, heavy scans (dense noise, blur, JPEG 40–60) 2.69–3.71.
NOISE_SIGMA = 1.5
#: ``cv2.fastNlMeansDenoising``'s filter strength and search window for such a page (7 × 7
#: patches). Measured on the heavy half of the corpus (seed 14, 16 letters): letters read 1 →
#: 12, fully right 1 → 4; with a search window of 11 (2.1 s instead of 6 s a page) 5 and 3.
DENOISE_H = 25
DENOISE_SEARCH = 21


def _denoise(cv2: Any, np: Any, gray: Any) -> Any:
    """The grey page with its noise filtered out when its paper is grainy (:data:`NOISE_SIGMA`):
    non-local means (OpenCV's ``fastNlMeansDenoising``), which keeps the strokes' edges where a
    median or a blur of that strength would eat them. On a heavily degraded scan the page read
    lost every label to the specks (15 of 16 such letters refused); a clean scan or a photo is
    left as it is (the filter costs about 6 s of CPU on an A4 page at 300 dpi)."""
    f = gray.astype(np.float32)
    grain = f - cv2.GaussianBlur(f, (5, 5), 0)
    _, paper = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    paper = cv2.erode(paper, np.ones((7, 7), np.uint8))
    if not paper.any() or float(np.std(grain[paper > 0])) <= NOISE_SIGMA:
        return gray
    return cv2.fastNlMeansDenoising(gray, None, h=DENOISE_H, templateWindowSize=7, searchWindowSize=DENOISE_SEARCH)


#: Tesseract's orientation detection (``--psm 0``) is run on the page scaled to this many pixels
#: on its longer side (measured on the s7-photo probes: 0.8 s CPU a page, 1.0 s at 300 dpi, 0.6 s at
#: 1100 px — most of it is Tesseract starting —, the same answers at each size) …
ORIENT_SIDE = 1800
#: … and its answer is taken when its confidence is at least this (measured on the probes: 6.9–10
#: for pages turned 90°, 180° and 270°; Tesseract's own documentation gives no scale).
ORIENT_CONFIDENCE = 2.0


def _orientation(cv2: Any, np: Any, gray: Any) -> int:
    """Degrees clockwise to turn the page upright (0, 90, 180 or 270): Tesseract's orientation
    and script detection (``--psm 0``, the ``osd`` traineddata) on the page evened out and
    binarised. 0 when Tesseract is not installed, has no ``osd`` data, finds too little text
    (it then fails) or is unsure (:data:`ORIENT_CONFIDENCE`): the page is read as it is."""
    h, w = gray.shape
    f = min(1.0, ORIENT_SIDE / max(h, w))
    small = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(_flatten(cv2, np, small), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        done = subprocess.run([tesseract_command(), "stdin", "stdout", "--psm", "0"], input=_png(ink),
                              capture_output=True, timeout=TIMEOUT, env=env, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return 0
    if done.returncode != 0:
        return 0
    facts = {}
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        facts[key.strip()] = value.strip()
    try:
        turn, confidence = int(facts["Rotate"]), float(facts["Orientation confidence"])
    except (KeyError, ValueError):
        return 0
    return turn if turn in (90, 180, 270) and confidence >= ORIENT_CONFIDENCE else 0


def _upright(cv2: Any, np: Any, gray: Any) -> Any:
    """The page turned by :func:`_orientation`."""
    return _turned(cv2, gray, _orientation(cv2, np, gray))


#: A small page is scaled up at most this many times (towards 300 dpi). It was 2.5, enough for a
#: 150 dpi scan; a phone photo whose page is 1000 px high (~85 dpi) then stayed at ~210 dpi and
#: IPAGothic's labels were lost (s7-photo probes, benches/ocr/RESULTS.md "Photos").
UPSCALE_MAX = 3.5


def _clean_page(gray: Any) -> tuple[Any, Any]:
    """:func:`_prepare`'s work on the decoded grey page."""
    grey, binary, _ = _cleaned(gray)
    return grey, binary


def _asks_orientation(paper: Any, gray: Any) -> bool:
    """Whether the page's orientation is asked of Tesseract before it is read: a photo (the paper
    was cut out of a desk: ``paper`` is not the page as decoded) is often taken sideways or upside
    down, and any page wider than high is a portrait letter lying on its side (:func:`_orientation`,
    ~0.8 s CPU). A portrait scan is not: it is asked only when its read finds too few of the
    notice's labels (:func:`_read_page`)."""
    return paper is not gray or paper.shape[1] > paper.shape[0]


def _turned(cv2: Any, gray: Any, turn: int) -> Any:
    """The page turned ``turn`` degrees clockwise (0, 90, 180, 270)."""
    if turn == 0:
        return gray
    return cv2.rotate(gray, {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
                             270: cv2.ROTATE_90_COUNTERCLOCKWISE}[turn])


def _cleaned(gray: Any, turn: int | None = None) -> tuple[Any, Any, bool]:
    """:func:`_clean_page`'s page, and whether its orientation was asked of Tesseract
    (:func:`_asks_orientation`). ``turn``: the page is turned so many degrees clockwise instead
    (the orientation found by :func:`_read_page`'s fallback)."""
    cv2, np, _ = _imports()
    paper = _unwarp(cv2, np, gray)
    asked = turn is None and _asks_orientation(paper, gray)
    if asked:
        paper = _upright(cv2, np, paper)
    elif turn:
        paper = _turned(cv2, paper, turn)
    grey, binary = _clean_unwarped(cv2, np, paper)
    return grey, binary, asked


def _clean_unwarped(cv2: Any, np: Any, gray: Any) -> tuple[Any, Any]:
    """The rest of :func:`_clean_page` on the page upright."""
    h, w = gray.shape
    # A4 portrait at 300 dpi is ~2480 px wide; smaller scans and photos are scaled up.
    scale = min(UPSCALE_MAX, 2480 / max(w, h * 0.707)) if max(w, h * 0.707) < 2000 else 1.0
    if scale > 1.05:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    gray = _flatten(cv2, np, gray)
    gray = _denoise(cv2, np, gray)
    # A median filter removes speckle (scanner dust, JPEG noise) before thresholding.
    blur = cv2.medianBlur(gray, 3)
    _, ink = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    angle = _deskew_angle(cv2, np, ink)
    if abs(angle) > 0.05:
        hh, ww = ink.shape
        m = cv2.getRotationMatrix2D((ww / 2, hh / 2), angle, 1.0)
        ink = cv2.warpAffine(ink, m, (ww, hh), flags=cv2.INTER_NEAREST, borderValue=0)
        gray = cv2.warpAffine(gray, m, (ww, hh), flags=cv2.INTER_CUBIC, borderValue=255)
    hh, ww = ink.shape
    # Ruled lines: runs of ink far longer than any glyph.
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(40, ww // 30), 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(40, hh // 40))))
    rules = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    text = cv2.bitwise_and(ink, cv2.bitwise_not(rules))
    return gray, cv2.bitwise_not(text)


#: How Tesseract says that it could not load a language's traineddata (on its stderr).
_NOT_LOADED = "Failed loading language"


def run_tesseract(
    png: bytes, lang: str = "jpn", psm: int = PSM, whitelist: str | None = None, cmd: str | None = None
) -> str:
    """Tesseract's TSV for an image given as bytes (stdin in, stdout out: no files)."""
    cmd = cmd or tesseract_command()
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    extra = ["-c", f"tessedit_char_whitelist={whitelist}"] if whitelist else []
    # Our model lives in the package, not in Tesseract's tessdata: its folder is given for
    # that run only, and TSV is asked for by its variable (the ``tsv`` config file is in
    # Tesseract's tessdata, which --tessdata-dir hides).
    where = ["--tessdata-dir", str(MODEL_DIR)] if lang == MODEL else []
    try:
        done = subprocess.run(
            [cmd, "stdin", "stdout", *where, "-l", lang, "--psm", str(psm), *extra, "-c", "tessedit_create_tsv=1"],
            input=png,
            capture_output=True,
            timeout=TIMEOUT,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise _error("ocr.tesseract_missing") from None
    except subprocess.TimeoutExpired:
        raise _error("ocr.tesseract_failed", f"no answer within {TIMEOUT} s") from None
    if done.returncode != 0:
        # Tesseract's own words, never passed through to the host's stderr: the line that names a
        # language it could not load (a missing or damaged traineddata), else its last line.
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        named = [ln for ln in detail if ln.startswith(_NOT_LOADED)]
        raise _error("ocr.tesseract_failed", (named or detail or [f"exit {done.returncode}"])[-1])
    return str(done.stdout.decode("utf-8", "replace"))


def image_to_tsv(image: ImageSource, page: int | None = None) -> str:
    """The cleaned image read by Tesseract, as TSV (what ``parse_ocr_tsv`` reads); of a file of
    several pages, the page that holds the notice (:func:`_notice_page`; of pages holding a
    notice, the first when their page reads agree, :func:`_same_notice`, else
    ``ocr.page_ambiguous``) or the page asked for (from 1)."""
    number = _page_number(page)
    data = _read(image)
    cmd = tesseract_command()
    pages, total = _decoded(data, number)
    if number is not None:
        return _read_page(pages[0], cmd)[2]
    chosen = _notice_page(pages, cmd)
    if len(chosen) > 1 and not _same_notice([t for _, _, _, t in chosen]):
        raise _ambiguous([n for n, _, _, _ in chosen], total)
    return chosen[0][3]


def read_notice(image: ImageSource, page: int | None = None) -> RegistrationNotice:
    """The notice read from a scan or photo: the page (of several, the one that holds the
    notice: :func:`_notice_page`, or ``page``, from 1), then the second pass (module doc).

    When several pages hold a notice, each is read whole (its second pass too: a few seconds a
    page) and the notices are compared (:func:`_agree`): one notice scanned twice is read from the
    first page (``ocr.pages_same_notice``); notices that differ, or one the core refuses, are
    ``ocr.page_ambiguous``."""
    number = _page_number(page)
    data = _read(image)
    cmd, langs = _tesseract()
    pages, total = _decoded(data, number)
    if number is not None:
        grey, binary, tsv, _ = _read_page(pages[0], cmd)
        chosen = [(number, grey, binary, tsv)]
    else:
        chosen = _notice_page(pages, cmd)
    if len(chosen) == 1:
        number, grey, binary, tsv = chosen[0]
        notice = _read_whole(grey, binary, tsv, cmd, langs)
    else:
        numbers = [n for n, _, _, _ in chosen]
        notices: list[RegistrationNotice] = []
        for _, grey, binary, tsv in chosen:
            try:
                notices.append(_read_whole(grey, binary, tsv, cmd, langs))
            except ValidationError:
                # The core refuses one of them: that it is the same notice cannot be shown. (Tesseract
                # failing, or missing, is said as such.)
                raise _ambiguous(numbers, total) from None
            if not _agree(notices):
                raise _ambiguous(numbers, total)  # no need to read the pages after it
        number, notice = numbers[0], notices[0]
        listed = ", ".join(str(n) for n in numbers)
        return notice._with_findings([_finding("ocr.pages_same_notice", f"pages {listed} of {total}", "info",
                                               f"全 {total} ページ中 {listed} ページ目")])
    if total > 1 and page is None:
        # Which page of the file the notice is, so that the user can check it is the one meant.
        notice = notice._with_findings([_finding("ocr.page_chosen", f"page {number} of {total}", "info",
                                                 f"全 {total} ページ中 {number} ページ目")])
    return notice


def _read_whole(grey: Any, binary: Any, tsv: str, cmd: str, langs: list[str]) -> RegistrationNotice:
    """The notice on a page read (:func:`_read_page`): its second pass, parsed by the core."""
    # The cells are found before any value is checked, so that a key field the page
    # read in an invalid form (a 0 read as 9 in the 事業所番号) is read again instead
    # of refusing the letter.
    rereads, model_failed = _second_pass(RegistrationNotice.ocr_layout_json(tsv), grey, binary, cmd=cmd, langs=langs)
    notice = parse_page(tsv, rereads, grey, binary)
    if model_failed:
        # Degraded, not fatal (the reads are voted; the core still flags every disagreement and
        # look-alike), but never silently: the user is told to compare and to reinstall.
        notice = notice._with_findings([_finding("ocr.model_unavailable", MODEL_SHOWN, "warning")])
    return notice


def _ambiguous(numbers: list[int], total: int) -> HugOnboardError:
    listed = ", ".join(str(n) for n in numbers)
    return _error("ocr.page_ambiguous", f"pages {listed} of {total} each hold a notice",
                  f"全 {total} ページのうち {listed} ページ目のそれぞれにお知らせがあります")


#: The key fields whose labels mark a page as the notice's (:func:`_notice_page`).
NOTICE_FIELDS = ("facility_number", "user_id", "temporary_password", "certificate_password")
#: A page holds a notice when the core's layout (:meth:`RegistrationNotice.ocr_layout_json`)
#: finds at least this many of :data:`NOTICE_FIELDS` on it: a cover letter may name the
#: 事業所番号, or say "ID" in its text, but not two of the notice's labels with values beside them.
NOTICE_MIN_FIELDS = 2


def _notice_fields(tsv: str) -> int:
    """How many of :data:`NOTICE_FIELDS` the core's layout finds on a page's TSV (0 for a page
    it cannot read: blank, no text)."""
    try:
        layout = json.loads(RegistrationNotice.ocr_layout_json(tsv))
    except HugOnboardError:
        return 0
    return len({f["field"] for f in layout.get("fields", []) if f.get("field") in NOTICE_FIELDS})


def _read_page(page: Any, cmd: str) -> tuple[Any, Any, str, int]:
    """A decoded page cleaned (grey, binary: :func:`_prepare`), its Tesseract TSV and how many of
    :data:`NOTICE_FIELDS` the core's layout finds on it (:func:`_notice_fields`).

    A portrait scan is read as it lies (its orientation is not asked: :func:`_asks_orientation`).
    When that read finds fewer than :data:`NOTICE_MIN_FIELDS` of the notice's labels — a letter
    fed upside down, or on its side and cut to a portrait page — Tesseract's orientation detection
    is asked (:func:`_orientation`, ~0.8 s CPU) and, when it is sure of a turn, the page is cleaned
    and read again turned (one more read of the page, 1–3 s); the turned read is kept when it finds
    more labels. An upright notice costs nothing more; a page that holds no notice (a cover letter
    in a scanner's batch) costs the detection."""
    grey, binary, asked = _cleaned_coded(page)
    tsv = run_tesseract(_png(binary), cmd=cmd)
    found = _notice_fields(tsv)
    if found >= NOTICE_MIN_FIELDS or asked:
        return grey, binary, tsv, found
    cv2, np, _ = _imports()
    with _opencv_failures_coded(page.shape):
        turn = _orientation(cv2, np, page)
    if turn == 0:
        return grey, binary, tsv, found
    grey2, binary2, _ = _cleaned_coded(page, turn)
    tsv2 = run_tesseract(_png(binary2), cmd=cmd)
    found2 = _notice_fields(tsv2)
    if found2 > found:
        return grey2, binary2, tsv2, found2
    return grey, binary, tsv, found


def _cleaned_coded(page: Any, turn: int | None = None) -> tuple[Any, Any, bool]:
    """:func:`_cleaned`, OpenCV's failures coded (:func:`_opencv_failures_coded`)."""
    with _opencv_failures_coded(page.shape):
        return _cleaned(page, turn)


def _folded(text: str | None) -> str | None:
    """``text`` with each glyph OCR confuses (the core's table,
    :meth:`RegistrationNotice.ocr_confusables`) replaced by one of its group: two reads of one
    password that differ only there are alike (two random passwords that do are not to be met)."""
    if text is None:
        return None
    for glyph, alikes in RegistrationNotice.ocr_confusables():
        if len(glyph) > 1:  # rn / m
            text = text.replace(glyph, min([glyph, *alikes.split()], key=len))
    table = {}
    for glyph, alikes in RegistrationNotice.ocr_confusables():
        group = [g for g in [glyph, *alikes.split()] if len(g) == 1]
        if len(group) > 1:
            for g in group:
                table[g] = min(group)
    return "".join(table.get(c, c) for c in text)


def _key(n: RegistrationNotice) -> tuple[Any, ...] | None:
    """What must read alike for two pages to be one notice: kind, 事業所番号, ID, date and the
    passwords (:func:`_folded`); None without the 事業所番号, the ID or a password."""
    key = (n.kind, str(n.facility_number) if n.facility_number is not None else None,
           _folded(str(n.user_id)) if n.user_id is not None else None, n.date,
           _folded(n.temporary_password()), _folded(n.certificate_password()))
    return None if any(v is None for i, v in enumerate(key) if i != 3) else key


def _agree(notices: list[RegistrationNotice]) -> bool:
    """Whether the notices read from several pages are one notice scanned twice (or more): the
    same kind, 事業所番号, ID, date and passwords (:func:`_key`) on each. A notice re-issued for the
    same ID has another date or other passwords: two notices."""
    keys = [_key(n) for n in notices]
    return keys[0] is not None and all(k == keys[0] for k in keys[1:])


def _same_notice(tsvs: list[str]) -> bool:
    """:func:`_agree` for pages' TSVs parsed without their second reads (:func:`image_to_tsv`); a
    page the core refuses is no proof of one notice."""
    try:
        return _agree([RegistrationNotice.parse_ocr_tsv(t) for t in tsvs])
    except HugOnboardError:
        return False


#: A page read: its number (from 1), grey, binary (:func:`_prepare`) and Tesseract TSV.
_Read = tuple[int, Any, Any, str]


def _notice_page(pages: list[Any], cmd: str) -> list[_Read]:
    """The page that holds the notice, read (:data:`_Read`); the pages, when several hold one.

    One page: that page (:func:`_read_page`). Several (a scanner's multi-page TIFF or PDF, at most
    :data:`MAX_PAGES`): each is cleaned and read once by Tesseract (the first pass, 1–3 s a page:
    the cost of finding the notice; the second pass, several runs, is made on the chosen page
    only; a page short of labels is also tried turned, :func:`_read_page`), and the core's layout
    counts the notice's labels on it (:func:`_notice_fields`). The page where at least
    :data:`NOTICE_MIN_FIELDS` are found is the notice's. When two or more pages hold a notice,
    all of them are returned, in order: the caller reads each and compares (:func:`read_notice`:
    one notice scanned twice is read from the first; two notices, the テストID and the ID notice
    scanned together, are ``ocr.page_ambiguous``) — every page is read, so the notice on page 2
    is not missed for a notice on page 1. When none holds a notice, the page with the most
    labels is read (the first of equals): the core then says what is missing on it. Only the
    arrays of the best page and of the pages holding a notice are kept."""
    if len(pages) == 1:
        grey, binary, tsv, _ = _read_page(pages[0], cmd)
        return [(1, grey, binary, tsv)]
    best: tuple[int, _Read] | None = None
    holding: list[_Read] = []
    for number, page in enumerate(pages, 1):
        grey, binary, tsv, found = _read_page(page, cmd)
        if found >= NOTICE_MIN_FIELDS:
            holding.append((number, grey, binary, tsv))
        if best is None or found > best[0]:
            best = (found, (number, grey, binary, tsv))
    assert best is not None
    return holding if holding else [best[1]]


def parse_page(tsv: str, rereads: dict[str, list[str]], grey: Any, binary: Any, glyphs: bool = True) -> RegistrationNotice:
    """The page's TSV parsed with its second reads (:meth:`RegistrationNotice.parse_ocr_tsv`).

    Where the OCR'd date is impossible (``notice.ocr_date_invalid``: the slashed zero of
    ``10月`` read as ``19月``) and ``glyphs`` is true, the date line's digits are read again by
    their counters (:func:`mend_date`); the mended page is taken when its date is valid, else
    the notice stays as parsed (date empty, the finding kept). Where the date line then holds
    another number of zeros (crossed counters) than its text (:func:`date_zeros_doubtful`), the date is kept
    and the warning ``ocr.date_unverified`` added. Raises as ``parse_ocr_tsv``."""
    notice = RegistrationNotice.parse_ocr_tsv(tsv, rereads)
    if not glyphs:
        return notice
    if any(f.code == "notice.ocr_date_invalid" for f in notice.findings()):
        mended = mend_date(tsv, rereads, grey, binary)
        if mended != tsv:
            try:
                better = RegistrationNotice.parse_ocr_tsv(mended, rereads)
            except HugOnboardError:
                better = None
            if better is not None and better.date is not None:
                notice, tsv = better, mended
    if notice.date is not None and date_zeros_doubtful(tsv, rereads, grey, binary):
        notice = notice._with_findings([_finding("ocr.date_unverified", notice.date.isoformat(), "warning")])
    return notice


def _bounds(shape: tuple[int, ...], box: dict[str, int], hpad: float = 0.5) -> tuple[int, int, int, int]:
    """The value's cell on the page, ``(top, bottom, left, right)``: the box with a margin of
    half its height (``hpad`` of it left and right), clipped to the page (the second pass's
    crop and the glyph check's cell)."""
    h, w = shape[:2]
    pad = max(4, box["height"] // 2)
    side = pad if hpad >= 0.5 else max(2, int(box["height"] * hpad))
    top, left = min(h, max(0, box["top"] - pad)), min(w, max(0, box["left"] - side))
    # Clipped at both ends: a negative end would index from the far side of the page.
    bottom = max(top, min(h, box["top"] + box["height"] + pad))
    right = max(left, min(w, box["left"] + box["width"] + side))
    return top, bottom, left, right


def _cell(image: Any, box: dict[str, int], hpad: float = 0.5) -> Any:
    """The value's cell (:func:`_bounds`), on a white border."""
    cv2, _, _ = _imports()
    top, bottom, left, right = _bounds(image.shape, box, hpad)
    crop = image[top:bottom, left:right]
    return cv2.copyMakeBorder(crop, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)


def _run_on(binary: Any, box: dict[str, int]) -> dict[str, int]:
    """The value box widened over the ink that continues its row on the cleaned page
    (:data:`RUN_ON_CELLS`): parts at least :data:`RUN_ON_PART` of its height, each within
    :data:`RUN_ON_GAP` heights of the last, searched :data:`RUN_ON_REACH` heights right of
    the box. The box as given when it is not four integers or nothing continues it."""
    cv2, np, _ = _imports()
    b = _box(box)
    if b is None or b[3] <= 0:
        return box
    left, top, width, height = b
    x0, x1 = max(0, left + width), min(binary.shape[1], left + width + RUN_ON_REACH * height)
    y0, y1 = max(0, top), min(binary.shape[0], top + height)
    if x1 <= x0 or y1 <= y0:
        return box
    ink = (binary[y0:y1, x0:x1] < 128).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n - 1 > GLYPH_PARTS:
        return box  # noise, not a line of text
    parts = sorted((int(st[cv2.CC_STAT_LEFT]), int(st[cv2.CC_STAT_LEFT] + st[cv2.CC_STAT_WIDTH]))
                   for st in stats[1:] if st[cv2.CC_STAT_HEIGHT] >= RUN_ON_PART * height)
    end = 0
    for start, stop in parts:
        if start - end > RUN_ON_GAP * height:
            break
        end = max(end, stop)
    return {**box, "width": width + end} if end else box


def _read_cells(cells: list[Any], lang: str, whitelist: str, cmd: str) -> list[str]:
    """Each cell read as one line. The cells are stacked, a blank band between two, into
    one image (one Tesseract run per engine); each word goes back to the cell whose band
    holds its centre."""
    cv2, np, _ = _imports()
    gap = max(c.shape[0] for c in cells)
    width = max(c.shape[1] for c in cells)
    bands, parts, y = [], [], 0
    for c in cells:
        parts.append(cv2.copyMakeBorder(c, 0, gap, 0, width - c.shape[1], cv2.BORDER_CONSTANT, value=255))
        bands.append((y, y + c.shape[0]))
        y += c.shape[0] + gap
    tsv = run_tesseract(_png(np.vstack(parts)), lang=lang, psm=6, whitelist=whitelist, cmd=cmd)
    words: list[list[tuple[int, int, int, str]]] = [[] for _ in cells]
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        try:
            left, top_, width, height = (int(f[k]) for k in (6, 7, 8, 9))
        except ValueError:
            continue  # not a word box: the cell simply gets no word from it
        centre = top_ + height // 2
        for i, (top, bottom) in enumerate(bands):
            if top <= centre < bottom:
                words[i].append((left, width, height, f[11].strip()))
    return [_join(sorted(ws)) for ws in words]


def _join(words: list[tuple[int, int, int, str]]) -> str:
    """A cell's words left to right, a space where the gap is wider than 0.8 of the
    median word height (the core's rule for a TSV row; the core ignores spaces when
    it compares reads)."""
    if not words:
        return ""
    em = max(1, sorted(h for _, _, h, _ in words)[len(words) // 2])
    out, prev_end = "", None
    for left, width, _, text in words:
        if prev_end is not None and (left - prev_end) * 5 > em * 4:
            out += " "
        out += text
        prev_end = left + width
    return out


def second_pass(
    layout: RegistrationNotice | str,
    grey: Any,
    binary: Any,
    cmd: str | None = None,
    langs: list[str] | None = None,
    glyphs: bool = True,
) -> dict[str, list[str]]:
    """The key fields' cells read again (module doc): field -> reads, for
    :meth:`RegistrationNotice.parse_ocr_tsv` (``rereads``) or
    :meth:`RegistrationNotice.with_ocr_rereads`. ``layout`` is the page's
    :meth:`RegistrationNotice.ocr_layout_json`, or a notice read by OCR (its
    provenance). The reads pass the :func:`glyph_check` unless ``glyphs`` is false (the
    corpus measures both). In memory only: the crops go to Tesseract on its standard input.
    The packaged model's reads are left out when Tesseract cannot load it (a damaged file:
    :func:`_second_pass` tells, and :func:`read_notice` says so, ``ocr.model_unavailable``)."""
    return _second_pass(layout, grey, binary, cmd, langs, glyphs)[0]


def _second_pass(
    layout: RegistrationNotice | str,
    grey: Any,
    binary: Any,
    cmd: str | None = None,
    langs: list[str] | None = None,
    glyphs: bool = True,
) -> tuple[dict[str, list[str]], bool]:
    """:func:`second_pass`'s reads, and whether the packaged model (:data:`MODEL`) was to be
    run and is missing or Tesseract could not load it (its runs are then left out: the other
    engines' reads still vote)."""
    text = layout if isinstance(layout, str) else layout.ocr_provenance_json()
    prov = json.loads(text or "null") or {"fields": []}
    found = {f["field"]: f for f in prov["fields"] if f["field"] in SECOND_PASS and f.get("value_box")}
    boxes = {k: f["value_box"] for k, f in found.items()}
    if not boxes:
        return {}, False
    if cmd is None or langs is None:
        cmd, langs = _tesseract()
    with _opencv_failures_coded(grey.shape):
        cut = {f: _run_on(binary, b) if f in RUN_ON_CELLS else b for f, b in boxes.items()}
    images = {"grey": grey, "binary": binary}
    rereads: dict[str, list[str]] = {f: [] for f in boxes}
    # One run per (engine, image, charset): the cells that share them are read together.
    runs: dict[tuple[str, str, str, str], list[str]] = {}
    for field in boxes:
        charset = found[field].get("value_charset") or ""
        alone = field if field == "address" else ""
        for lang, image in SECOND_PASS[field]:
            if lang in langs:
                runs.setdefault((lang, image, charset, alone), []).append(field)
    # The packaged model is part of the package: missing (not listed by _tesseract) or not
    # loadable, the second pass runs without it and says so (a stock model not installed is
    # an optional system package: skipped, module doc).
    wanted = any(lang == MODEL for field in boxes for lang, _ in SECOND_PASS[field])
    model_failed = wanted and MODEL not in langs
    for (lang, image, charset, _), fields in runs.items():
        if lang == MODEL and model_failed:
            continue
        with _opencv_failures_coded(grey.shape):
            cells = [_cell(images[image], cut[f], NARROW_CELLS.get(f, 0.5)) for f in fields]
            try:
                reads = _read_cells(cells, lang, charset, cmd)
            except HugOnboardError as e:
                if lang != MODEL or e.code != "ocr.tesseract_failed" or _NOT_LOADED not in e.message_en:
                    raise
                model_failed = True
                continue
        for f, r in zip(fields, reads):
            rereads[f].append(r)
    given = {f: r for f, r in rereads.items() if r}
    return (glyph_check(given, boxes, grey, binary) if glyphs else given), model_failed


# --- The glyph check -----------------------------------------------------------------
#
# Why our own code: no maintained library decides between two given readings of one
# glyph; Tesseract gives one answer per engine. The check compares the glyph with the
# letter's own printed digits (same font, size, printer and scan), which needs no
# knowledge of the font. Measured on the corpus (benches/ocr/RESULTS.md).

#: Fields whose reads the glyph check may correct (the ID and the passwords).
GLYPH_FIELDS = ("user_id", "temporary_password", "certificate_password")
#: Whole-window normalised correlation of a glyph with the letter's own printed digit
#: ``d`` (:func:`_printed_digits`): at least :data:`GLYPH_SAME` and the glyph is ``d``;
#: below :data:`GLYPH_OTHER` it is not. Measured with ``benches/ocr/glyphs.py`` on the
#: corpus's light letters (seeds 14–16, four fonts): 234 password/ID digits against the
#: printed copies of their own digit scored 0.863–0.998 (14 below 0.91, NotoSansCJK's down to
#: 0.863; 94 at 0.98 or more); 102 look-alike letters (O o I l i S B Z b g q) against the
#: digit they are mistaken for scored 0.37–0.977 (8 at 0.91 or more: IPAMincho's O, I and l
#: — in that font, at 150 dpi, the shapes do not decide; none at 0.98). The margins are thin
#: for some fonts (TakaoGothic's O up to 0.907): the choice is a measured trade-off, it acts
#: only where the reads disagree, and every character it decides is a look-alike the user
#: is asked to compare.
GLYPH_SAME = 0.98
GLYPH_OTHER = 0.91
#: Marks Tesseract adds after a value (a speck, the cell's edge) that the glyph check
#: drops from a read when the cell has no glyph for them: the read is longer than the cell's
#: glyphs, another read has the cell's length, and the cell's last glyph is no mark's size.
TRAILING_MARKS = "._-,;:'\"`~"
#: Marks Tesseract adds before a value (the cell's left border, a speck); dropped likewise.
LEADING_MARKS = "|[({!'\"`"
#: Capitals and digits flat at the top and the bottom (no overshoot, no descender), and
#: unlike their small letters (V W X Z are read for v w x z): the reference height for
#: :data:`GLYPH_TALL`.
CAP_HEIGHT_GLYPHS = "BDEFHIKLMNPRTY1247"
#: A glyph at least this many times the cell's capital height is not ``I`` or ``1``: an
#: ``l`` rising to the ascender line (NotoSansCJK: 1.08–1.12 times; in the JIS-style
#: fonts ``l`` is as high as the capitals and the rule does not apply).
GLYPH_TALL = 1.06
#: The least height in pixels of a glyph whose missing dot rules out ``i`` and ``j``: in a
#: smaller one the dot may be a speck (an A4 page is read at about 300 dpi, where a
#: 10.5 pt ``i`` is about 30 px high).
GLYPH_DOT_HEIGHT = 20
#: A printed digit is compared only with a glyph at most this many times taller or shorter
#: (their crops, :data:`GLYPH_MARGIN` included): an ``o`` is about 0.7 of a ``0``; a glyph
#: twice the digits' height is no glyph of the same print (no decision either way).
GLYPH_SCALE = 2.0
#: The most pixels of a cell (value box and margin) cut into glyphs: a key field's value is
#: one line of a few characters (10 at 10.5 pt on a page at 1200 dpi: about 300 × 1,200 px);
#: a larger box is no such line, and cutting it took seconds (the reads are left alone).
GLYPH_CELL_PIXELS = 4_000_000
#: The most ink components a cell may have: more is noise or a picture, not a line of a few
#: characters (hundreds of specks of a dirty scan are fewer; the reads are left alone).
GLYPH_PARTS = 1_000
#: The least area of a counter (an enclosed hole of a glyph's largest ink part), as a share of
#: that part's box (the shares below are of that box too: a mark joined to the glyph, as an
#: i's dot, changes none of them): smaller holes are specks of paper inside a stroke.
GLYPH_HOLE_AREA = 0.01
#: Two counters side by side — their heights overlapping by at least this share of the
#: smaller's — are a zero's counter crossed by its slash (IPA and Takao gothic, the
#: MS ゴシック style: 0.33–0.6 on every such zero of the corpus's light letters); an 8's, a
#: B's or a g's two counters are stacked (overlap ≤ 0: −1.7 … −0.17).
GLYPH_CROSSED_OVERLAP = 0.3
#: … and of about one size: the smaller's area at least this share of the larger's (a slash
#: halves the counter: 0.84–1.0 on the slashed zeros of seven Debian fonts — IPAGothic,
#: TakaoGothic, VLGothic, UmePlusGothic, MigMix1M, Konatu, LiberationMono — rendered at 150,
#: 175, 200 and 300 dpi and scaled to 300 dpi, s7-break's probe; the corner a mincho ``Q``'s
#: tail cuts off its counter: 0.09–0.15; an ``@``'s two holes: 0.07–0.78) …
GLYPH_CROSSED_BALANCE = 0.6
#: … together spanning at least this share of the glyph's height (slashed zeros 0.75–0.82; an
#: ``@`` whose holes are of about one size: 0.45–0.53) …
GLYPH_CROSSED_SPAN = 0.65
#: … in a glyph at most this many times as wide as high (slashed zeros 0.49–0.65; two ``O``
#: run together into one part are wider than high).
GLYPH_ZERO_ASPECT = 0.8
#: Another part inside a single counter is a dotted zero's dot (or a slash that touches neither
#: side: UmeGothic, 0.29–0.33) when it is at least this high a share of the counter …
GLYPH_INNER_HEIGHT = 0.25
#: … and its centre at most this share of the counter's height (width) from the counter's
#: centre (dots and slashes: 0–0.042); specks of dirt are small or anywhere. DejaVu Sans Mono's
#: and Liberation Mono's dots are smaller (0.17–0.23): not found, so their zeros decide nothing.
GLYPH_INNER_OFF = 0.15
#: … and at most this high a share of the counter, in a glyph at most :data:`GLYPH_ZERO_ASPECT`
#: times as wide as high: a zero's dot or free slash is 0.25–0.50 of its counter, in a glyph
#: 0.53–0.79 as wide as high (UmeGothic, Konatu, DejaVu Sans Mono, Liberation Mono, the last two
#: bold too: 150/175/200/300 dpi × the 10 damages of s7-break's harness). A kanji drawn as a box
#: round a part — 回 国 団 図 囲 因, ① ◎ — was "crossed": wide (0.87–1.03), and where it is a
#: narrow half of its kanji (咽 個 掴 舟 of 航 船) its inner part is 0.58–0.93 of the box (IPAGothic,
#: TakaoGothic, IPAMincho, Noto Sans CJK, all 3,275 kanji of JIS level 1 and the kana; left:
#: IPAMincho's 瓶 翻 甑, 0.38–0.43). 「回答日：令和3年5月12日」 warned ``ocr.date_unverified``.
GLYPH_INNER_MAX = 0.55
#: A clean counter — one hole, nothing inside — is the round counter of an ``O``/``o``/``0``
#: when it is at least this high a share of the glyph (``O`` 0.72–0.83, ``o`` 0.6–0.8 on
#: the corpus) …
GLYPH_CLEAN_HEIGHT = 0.55
#: … and convex: its pixels at least this share of its convex hull (``O``/``o`` 0.93–0.98;
#: a slashed zero whose slash reaches one side only: 0.84) …
GLYPH_CLEAN_SOLIDITY = 0.9
#: … in a closed ring: at most this share of the convex hull of the glyph's largest part is
#: paper reaching in from outside (``0``/``O``/``o`` of the 27 fonts at 150–300 dpi: 0.014–0.054;
#: a slashed zero with a gap in its ring, whose other half is a round convex hole: 0.18–0.30;
#: ``q p b d``: 0.06–0.31).
GLYPH_CLEAN_OPEN = 0.1
#: A glyph at most this share of the cell's median glyph height, high and wide, is a speck or a
#: mark (``.`` ``,`` ``'``), no letter or digit (the least of those, an ``o`` or an ``r`` at
#: the x-height, is about half a capital's height): a read with a letter or a digit there is
#: one place off the glyphs, and no counter overrides the reads of that cell.
GLYPH_SPECK = 0.3
#: Against the letter's own zeros' height (heights of rings, :attr:`_Glyph.ring`): a glyph at
#: least :data:`GLYPH_ZERO_TALL` times it is not ``o`` (``O`` 0.97–1.03 and ``0`` 0.94–1.03 times
#: it on the corpus's light letters; ``O`` 0.97–1.11 over the 27 fonts at 150–300 dpi), one at
#: most :data:`GLYPH_ZERO_SHORT` times it is not ``O`` or ``0`` (``o``: 0.61–0.77 on the corpus,
#: 0.63–0.86 over the fonts — Liberation Mono's and Konatu's ``o`` are left undecided).
GLYPH_ZERO_TALL = 0.9
GLYPH_ZERO_SHORT = 0.8
#: Pixels a glyph may be shifted against a printed digit (each way, each axis).
GLYPH_SHIFT = 2
#: A glyph is the letter's ``1`` — whatever the reads say — when its ink profile
#: (:attr:`_Glyph.profile`) matches the mean profile of the ``1`` s the letter prints by
#: format (the 事業所番号, the postal code: :func:`_printed_digits`) on every measure, each as a
#: ratio to theirs, within these bounds: ``height`` (its ink box), ``ink`` (its darkness summed),
#: ``spread`` (the horizontal spread of its ink), ``foot`` and ``head`` (the spread of its bottom
#: and top fifth: a 1's base serif and flag, an l's narrower serif, an I's bar). All are sums
#: over the grey crop, so a blur or a sub-pixel shift changes them little. Measured on the
#: corpus's 112 cached light letters (seeds 14–16, 21–24; four fonts; ``/tmp``-style dumps):
#: 77 of 98 ID/password ``1`` s within every bound (IPAMincho 19 of 23), none of 1,958 other
#: glyphs — the nearest, IPAMincho's ``I`` (foot 0.85–0.92, head 1.14–1.23), ``i`` and ``l``
#: (foot 0.82–0.85), 1.6, 2.3 and 3.1 times a bound's half-width away; over 27 fonts × 150,
#: 175, 200, 300 dpi × 10 kinds of damage, none of 25,162 other glyphs (``l I | i t f j 7 T J
#: L r 4 …``). In IPAMincho the stock engines and our model read its ``1`` as ``l`` (its flag
#: and serifs differ by a pixel at 150 dpi); the foot's spread differs by 15–18 %.
GLYPH_ONE_BOUNDS: dict[str, float] = {"height": 0.06, "ink": 0.10, "spread": 0.05, "foot": 0.05, "head": 0.11}
#: … and its ``lean`` (:attr:`_Glyph.profile`) at most this far from theirs (a difference, in
#: glyph heights): the letter's ``1`` s −0.006–0.006 on the corpus, IPAMincho's ``I`` 0.019–0.032
#: (blurred, its bar's spread is a 1's flag's), the gothic fonts' ``I`` ``l`` ``i`` 0.046–0.067.
GLYPH_ONE_LEAN = 0.012
#: Grey margin around a glyph for the correlation, in pixels.
GLYPH_MARGIN = 3


class _Glyph:
    """One glyph of a cell: its ink box in the cell, its ink mask, its grey crop
    (box + :data:`GLYPH_MARGIN`), whether it has a separate dot above (i, j), and the ink of the
    crop that is not the glyph's (``others``, the crop's shape: a neighbour's edge, a speck
    dropped as no glyph; None: not known)."""

    def __init__(self, box: tuple[int, int, int, int], mask: Any, grey: Any, dot: bool,
                 others: Any = None) -> None:
        self.box, self.mask, self.grey, self.dot, self.others = box, mask, grey, dot, others
        self._measures: dict[str, Any] | None = None
        self._profile: dict[str, float] | None = None

    @property
    def height(self) -> int:
        """The ink box's height in pixels."""
        return self.box[3] - self.box[1]

    @property
    def stem(self) -> int:
        """The glyph's fullest column (its stem), from the left of its box."""
        return int(_imports()[1].argmax(self.mask.sum(axis=0)))

    @property
    def foot(self) -> bool:
        """An L's foot: at the bottom, ink reaching far right of the stem (the glyph's
        fullest column), further than left of it (a serif), with no ink right of the stem above."""
        np = _imports()[1]
        h, stem = self.height, self.stem
        cols = np.where(self.mask[h - max(1, h // 5) :].any(axis=0))[0]
        if not len(cols):
            return False
        right, left = (cols.max() - stem) / h, (stem - cols.min()) / h
        upper = self.mask[h // 5 : int(0.6 * h), stem + max(2, h // 6) :]  # below a top serif
        wide = (self.box[2] - self.box[0]) / h >= 0.4
        return bool(right >= 0.3 and wide and right >= left + 0.15 and upper.sum() <= 0.02 * max(1, upper.size))

    @property
    def top_right(self) -> bool:
        """Ink at the top reaching right of the stem (the glyph's fullest column): an I's or a
        T's bar; a 1 has its flag on the left only, an l its serif."""
        np = _imports()[1]
        h, stem = self.height, self.stem
        width = int(self.mask[h // 2].sum()) or 1  # the stem's stroke, half-way down
        cols = np.where(self.mask[: max(1, h // 8)].any(axis=0))[0]
        return bool(len(cols) and cols.max() - stem >= width + 0.08 * h)


    def _counters(self) -> dict[str, Any]:
        """The measures :attr:`counter` decides on (a dict, for the measurements of the
        thresholds too): ``holes`` — the counters of the glyph's largest ink part (enclosed
        paper, at least :data:`GLYPH_HOLE_AREA` of the box); for two, ``overlap`` (their heights'
        overlap over the smaller's), ``balance`` (the smaller's area over the larger's),
        ``span`` (the height both cover over the glyph's) and ``aspect`` (the glyph's width over
        its height); for one, ``inner`` (the height of the largest other part inside it over
        the counter's, ``off``: how far its centre is from the counter's, over the
        counter's size, and ``aspect``) or ``height`` (over the glyph's), ``solidity`` and ``open`` (the share of
        the largest part's convex hull that is paper reaching in from outside: a gap in the
        ring, a stem or a tail)."""
        if self._measures is not None:
            return self._measures
        cv2, np, _ = _imports()
        ink = self.mask.astype(np.uint8)
        n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        if n < 2:
            self._measures = {"holes": 0, "ring": self.height}
            return self._measures
        main = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
        # Shares of the largest part's box, not the glyph's: a mark joined above it (as an i's
        # dot) changes neither.
        h, w = int(stats[main, cv2.CC_STAT_HEIGHT]), int(stats[main, cv2.CC_STAT_WIDTH])
        # The paper around and inside the largest part (4-connected: a diagonal gap in an
        # 8-connected stroke is no opening); its parts not connected to the border are holes.
        paper = np.pad((labels != main).astype(np.uint8), 1, constant_values=1)
        hn, holes, hstats, _ = cv2.connectedComponentsWithStats(paper, connectivity=4)
        outside = holes[0, 0]
        counters = [i for i in range(1, hn)
                    if i != outside and hstats[i, cv2.CC_STAT_AREA] >= max(3, GLYPH_HOLE_AREA * h * w)]
        # The ring's height: from the median of its columns' tops to the median of their bottoms
        # over its middle half — a speck or a tick stuck to it, or a bite out of its stroke,
        # moves them only where it covers half of those columns.
        ml = int(stats[main, cv2.CC_STAT_LEFT])
        cols = [np.flatnonzero(c) for c in (labels == main)[:, ml + w // 4 : ml + max(w // 4 + 1, 3 * w // 4)].T]
        cols = [c for c in cols if len(c)]
        ring = int(round(np.median([c.max() for c in cols]) - np.median([c.min() for c in cols]))) + 1 if cols else h
        out: dict[str, Any] = {"holes": len(counters), "ring": ring}
        self._measures = out
        if len(counters) == 2:
            (a1, t1, h1), (a2, t2, h2) = ((int(hstats[i, cv2.CC_STAT_AREA]), int(hstats[i, cv2.CC_STAT_TOP]),
                                           int(hstats[i, cv2.CC_STAT_HEIGHT])) for i in counters)
            out.update(overlap=(min(t1 + h1, t2 + h2) - max(t1, t2)) / min(h1, h2), balance=min(a1, a2) / max(a1, a2),
                       span=(max(t1 + h1, t2 + h2) - min(t1, t2)) / h, aspect=w / h)
        if len(counters) != 1:
            return out
        (i,) = counters
        region = holes[1:-1, 1:-1] == i
        ct, cl, ch, cw = (int(hstats[i, k]) for k in (cv2.CC_STAT_TOP, cv2.CC_STAT_LEFT, cv2.CC_STAT_HEIGHT,
                                                        cv2.CC_STAT_WIDTH))
        inner = [int(k) for k in np.unique(labels[region & ink.astype(bool)])]
        if inner:
            j = max(inner, key=lambda k: int(stats[k, cv2.CC_STAT_AREA]))
            jt, jl, jh, jw = (int(stats[j, k]) for k in (cv2.CC_STAT_TOP, cv2.CC_STAT_LEFT, cv2.CC_STAT_HEIGHT,
                                                          cv2.CC_STAT_WIDTH))
            # Centres in the padded frame of the holes (one pixel of padding).
            off = max(abs(jt + 1 + jh / 2 - (ct + ch / 2)) / ch, abs(jl + 1 + jw / 2 - (cl + cw / 2)) / cw)
            out.update(inner=jh / ch, off=off, aspect=w / h)
            return out
        contours, _ = cv2.findContours(region.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        hull = cv2.convexHull(np.vstack(contours))
        # Pixels against the hull's polygon (its area plus half its outline: the pixels the
        # polygon's edge passes through).
        solidity = region.sum() / (cv2.contourArea(hull) + cv2.arcLength(hull, True) / 2 + 1)
        body = np.zeros(ink.shape, np.uint8)
        cv2.fillConvexPoly(body, cv2.convexHull(cv2.findNonZero((labels == main).astype(np.uint8))), 1)
        opened = int((body.astype(bool) & (holes[1:-1, 1:-1] == outside)).sum()) / max(1, int(body.sum()))
        out.update(height=ch / h, solidity=float(solidity), open=opened)
        return out

    @property
    def counter(self) -> str | None:
        """The glyph's counter (the hole of its largest ink part, :meth:`_counters`): ``"crossed"``
        when a stroke crosses it — two counters side by side, of about one size, that together
        span the glyph's height, in a glyph narrower than high (:data:`GLYPH_CROSSED_OVERLAP`,
        :data:`GLYPH_CROSSED_BALANCE`, :data:`GLYPH_CROSSED_SPAN`, :data:`GLYPH_ZERO_ASPECT`: a
        slashed zero, not a ``Q`` whose tail cuts a corner off, an ``@`` or two touching ``O``)
        or one part inside it, a stroke near its middle, in a glyph narrower than high
        (:data:`GLYPH_INNER_HEIGHT`, :data:`GLYPH_INNER_OFF`, :data:`GLYPH_INNER_MAX`: a dotted
        zero, not specks, nor a kanji's box round a part as 回 or 国) — ``"clean"`` when it is one round
        hole with nothing inside in a closed ring (:data:`GLYPH_CLEAN_HEIGHT`,
        :data:`GLYPH_CLEAN_SOLIDITY`, :data:`GLYPH_CLEAN_OPEN`: an ``O``, ``o`` or unslashed
        ``0``; not a slashed zero whose ring has a gap, which leaves one half of its counter),
        None otherwise (no counter, or another shape: the counter decides nothing)."""
        m = self._counters()
        if m["holes"] == 2:
            crossed = (m["overlap"] >= GLYPH_CROSSED_OVERLAP and m["balance"] >= GLYPH_CROSSED_BALANCE
                       and m["span"] >= GLYPH_CROSSED_SPAN and m["aspect"] <= GLYPH_ZERO_ASPECT)
            return "crossed" if crossed else None
        if m["holes"] != 1:
            return None
        if "inner" in m:
            crossed = (GLYPH_INNER_HEIGHT <= m["inner"] <= GLYPH_INNER_MAX and m["off"] <= GLYPH_INNER_OFF
                       and m["aspect"] <= GLYPH_ZERO_ASPECT)
            return "crossed" if crossed else None
        clean = (m["height"] >= GLYPH_CLEAN_HEIGHT and m["solidity"] >= GLYPH_CLEAN_SOLIDITY
                 and m["open"] <= GLYPH_CLEAN_OPEN)
        return "clean" if clean else None

    @property
    def profile(self) -> dict[str, float]:
        """The glyph's ink profile (:data:`GLYPH_ONE_BOUNDS`): from its grey crop, darkness above
        the crop's border (the paper) within two pixels of its ink and not within two pixels of
        other ink (:attr:`others`: a neighbour, a speck; its own ink always counts), summed
        (``ink``), and the standard deviation in pixels of its columns' darkness over the glyph
        (``spread``), over its bottom fifth (``foot``) and top fifth (``head``); ``lean``: how far
        right of its middle fifths' centre of darkness its top fifth's is, over its height (a
        1's flag pulls it left, an I's bar does not); ``height`` in pixels."""
        if self._profile is not None:
            return self._profile
        cv2, np, _ = _imports()
        m = GLYPH_MARGIN
        dark = (255.0 - self.grey.astype(np.float64)) / 255.0
        border = np.concatenate([dark[:m].ravel(), dark[-m:].ravel(), dark[:, :m].ravel(), dark[:, -m:].ravel()])
        own = np.pad(self.mask.astype(np.uint8), m)
        near = cv2.dilate(own, np.ones((5, 5), np.uint8))
        if self.others is not None and self.others.shape == own.shape:
            # A speck beside an l's foot (dropped as no glyph, but dark in the crop) widened its
            # foot to a 1's: BIZUD Mincho, 300 dpi, blurred (s8-break1's speck probe).
            near &= (1 - cv2.dilate(self.others.astype(np.uint8), np.ones((5, 5), np.uint8))) | own
        dark = (dark - float(np.median(border))).clip(0) * near[: dark.shape[0], : dark.shape[1]]

        def spread(part: Any) -> float:
            cols = part.sum(axis=0)
            total = float(cols.sum())
            if total <= 0:
                return 0.0
            x = np.arange(len(cols))
            mean = float((cols * x).sum()) / total
            return float(np.sqrt((cols * (x - mean) ** 2).sum() / total))

        def centre(part: Any) -> float:
            cols = part.sum(axis=0)
            return float((cols * np.arange(len(cols))).sum()) / max(float(cols.sum()), 1e-9)

        h = self.height
        head = dark[max(0, m - 2) : m + int(0.2 * h)]
        self._profile = {"height": float(h), "ink": float(dark.sum()), "spread": spread(dark),
                         "foot": spread(dark[m + int(0.8 * h) : m + h + 2]), "head": spread(head),
                         "lean": (centre(head) - centre(dark[m + int(0.3 * h) : m + int(0.7 * h)])) / max(h, 1)}
        return self._profile

    @property
    def ring(self) -> int:
        """The height in pixels of the glyph's largest ink part, from the median top to the median
        bottom of its middle half of columns (a zero's ring without a mark joined above or below
        it, a speck stuck to it or a bite out of it):
        the height :func:`_zeros` and :func:`_zero_named` compare."""
        return int(self._counters()["ring"])


def _box(box: Any) -> tuple[int, int, int, int] | None:
    """A value box's ``(left, top, width, height)`` as integers, or None when it is not one
    (a coordinate missing or not an integer: the core's boxes are integers)."""
    import numbers

    try:
        values = tuple(box[k] for k in ("left", "top", "width", "height"))
    except (TypeError, KeyError, IndexError):
        return None
    if not all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in values):
        return None
    left, top, width, height = (int(v) for v in values)
    return left, top, width, height


def _glyphs(grey: Any, binary: Any, box: dict[str, int], hpad: float = 0.5) -> list[_Glyph]:
    """The glyphs of a value's cell (:func:`_bounds`, as the second pass cuts it: ``hpad``
    is :data:`NARROW_CELLS`'s margin), left to right: the ink's connected components (specks
    dropped), those that overlap horizontally joined (the dot of an i, a broken stroke);
    only components centred within the value box's height are kept (the margin may hold
    a neighbouring row's ink). No glyphs for a box that is not four integers, is empty or off
    the page, holds more than :data:`GLYPH_CELL_PIXELS` pixels or more than
    :data:`GLYPH_PARTS` components: no line of a few characters (the reads are left alone)."""
    cv2, np, _ = _imports()
    b = _box(box)
    if b is None:
        return []
    b_left, b_top, b_width, b_height = b
    top, bottom, left, right = _bounds(binary.shape, {"left": b_left, "top": b_top, "width": b_width,
                                                      "height": b_height}, hpad)
    if bottom <= top or right <= left or b_height <= 0:
        return []  # a box outside the page or empty: no glyphs, the reads are left alone
    if (bottom - top) * (right - left) > GLYPH_CELL_PIXELS:
        return []
    ink = (binary[top:bottom, left:right] < 128).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n - 1 > GLYPH_PARTS:
        return []
    band = (b_top - top, b_top - top + b_height)
    comps = []
    for i in range(1, n):
        x, y, cw, ch, area = (int(v) for v in stats[i])
        if band[0] <= y + ch / 2 <= band[1] or (y < band[1] and y + ch > band[0] and ch <= b_height // 2):
            comps.append((x, y, cw, ch, area, i))
    if not comps:
        return []
    # Specks: a few pixels, small against the glyphs' typical height (the median, not the
    # tallest: a `|` or a descender would make an i's dot a speck).
    typical = sorted(c[3] for c in comps)[len(comps) // 2]
    comps = [c for c in comps if c[4] >= 4 and max(c[2], c[3]) >= typical * 0.08]
    comps.sort()
    groups: list[list[Any]] = []
    for x, y, cw, ch, _, i in comps:
        if groups:
            g = groups[-1]
            overlap = min(g[2], x + cw) - max(g[0], x)
            if overlap > 0.5 * min(cw, g[2] - g[0]):
                g[0], g[1], g[2], g[3] = min(g[0], x), min(g[1], y), max(g[2], x + cw), max(g[3], y + ch)
                g[4].append((y, ch, i))
                continue
        groups.append([x, y, x + cw, y + ch, [(y, ch, i)]])
    paper = cv2.copyMakeBorder(grey[top:bottom, left:right], GLYPH_MARGIN, GLYPH_MARGIN, GLYPH_MARGIN,
                               GLYPH_MARGIN, cv2.BORDER_CONSTANT, value=255)
    inked = np.pad(labels, GLYPH_MARGIN)  # the crops' ink by component (0: paper), as `paper`
    out = []
    for x0, y0, x1, y1, parts in groups:
        mask = np.isin(labels[y0:y1, x0:x1], [i for _, _, i in parts])
        main = max(parts, key=lambda p: p[1])
        dot = any(p is not main and p[0] + p[1] <= main[0] and p[1] <= 0.35 * (y1 - y0) for p in parts)
        crop = paper[y0 : y1 + 2 * GLYPH_MARGIN, x0 : x1 + 2 * GLYPH_MARGIN]
        inks = inked[y0 : y1 + 2 * GLYPH_MARGIN, x0 : x1 + 2 * GLYPH_MARGIN]
        others = (inks > 0) & ~np.isin(inks, [i for _, _, i in parts])
        out.append(_Glyph((x0, y0, x1, y1), mask, crop, dot, others))
    return out


def _likeness(a: Any, b: Any) -> float:
    """Whole-window normalised correlation of two grey glyph crops, the best over shifts of
    up to :data:`GLYPH_SHIFT` px: each is centred on a white canvas of the larger size, so a
    narrow glyph is not found inside a wider one (an l inside a 1)."""
    cv2, np, _ = _imports()
    s = GLYPH_SHIFT
    hh, ww = max(a.shape[0], b.shape[0]), max(a.shape[1], b.shape[1])

    def canvas(x: Any, pad: int) -> Any:
        c = np.full((hh + 2 * pad, ww + 2 * pad), 255, np.float32)
        y0, x0 = (c.shape[0] - x.shape[0]) // 2, (c.shape[1] - x.shape[1]) // 2
        c[y0 : y0 + x.shape[0], x0 : x0 + x.shape[1]] = x
        return c

    return float(cv2.matchTemplate(canvas(a, s), canvas(b, 0), cv2.TM_CCOEFF_NORMED).max())


def mend_date(tsv: str, rereads: dict[str, list[str]], grey: Any, binary: Any) -> str:
    """The page's TSV with the digits of its date line read by their counters: in a word of
    ASCII digits on a line that has the date's 年/月/日, a glyph whose counter is crossed
    (:attr:`_Glyph.counter`) is a ``0`` (Tesseract reads the slashed zero of ``10月`` as ``9``).
    Only where the word's box holds as many glyphs as the word has digits, and not in a
    letter whose own zeros are clean (:func:`_zeros`: a crossed counter there is noise).
    :func:`parse_page` uses it only for a date the core found impossible, and keeps the
    result only when the date is then valid. Never raises: anything unexpected gives the
    TSV back unchanged. The date is no secret; nothing is printed or logged."""
    try:
        return _mend_date(tsv, rereads, grey, binary)
    except Exception:  # a refinement: whatever fails, the page as read
        return tsv


def _page_zeros(tsv: str, rereads: dict[str, list[str]], grey: Any, binary: Any) -> _Zeros | None:
    """How the letter prints its zeros (:func:`_zeros`), from the page's TSV (the layout's value
    boxes), its second reads and its images; None when the images are not the prepared page
    (:func:`_prepare`: two 2-D ``uint8`` arrays of one shape). For the date's checks."""
    np = _imports()[1]
    if not all(isinstance(a, np.ndarray) and a.ndim == 2 and a.dtype == np.uint8 for a in (grey, binary)) or \
            grey.shape != binary.shape:
        return None
    layout = json.loads(RegistrationNotice.ocr_layout_json(tsv))
    boxes = {f["field"]: f["value_box"] for f in layout["fields"] if f.get("value_box")}
    texts = {f: list(r) for f, r in rereads.items() if isinstance(r, list) and all(isinstance(x, str) for x in r)}
    cells = {f: _glyphs(grey, binary, boxes[f], NARROW_CELLS.get(f, 0.5))
             for f in ("facility_number", "postal_code", *GLYPH_FIELDS) if f in boxes}
    return _zeros(texts, cells, _printed_digits(texts, cells))


def _mend_date(tsv: str, rereads: dict[str, list[str]], grey: Any, binary: Any) -> str:
    zeros = _page_zeros(tsv, rereads, grey, binary)
    if zeros is None or zeros[0] == "clean":
        return tsv
    height = zeros[1]
    words = [r.split("\t") for r in tsv.split("\n")]
    for members in _date_lines(words):
        for i in members:
            w = words[i]
            word = w[11]
            if not (word.isascii() and word.isdigit()):
                continue
            left, top, width, h = (int(v) for v in w[6:10])
            glyphs = _glyphs(grey, binary, {"left": left, "top": top, "width": width, "height": h}, 0.1)
            if len(glyphs) != len(word):
                continue
            mended = "".join(
                "0" if g.counter == "crossed" and (height is None or g.ring > GLYPH_ZERO_SHORT * height) else c
                for c, g in zip(word, glyphs)
            )
            if mended != word:
                words[i] = w[:11] + [mended]
    return "\n".join("\t".join(w) for w in words)


def _date_lines(words: list[list[str]]) -> list[list[int]]:
    """The lines of a TSV (its rows split at tabs) that hold a date's 年, 月 and 日: each as
    the indices of its words (TSV level 5)."""
    lines: dict[tuple[str, ...], list[int]] = {}
    for i, w in enumerate(words):
        if len(w) == 12 and w[0] == "5":
            lines.setdefault(tuple(w[1:5]), []).append(i)
    return [m for m in lines.values() if all(k in "".join(words[i][11] for i in m) for k in "年月日")]


def date_zeros_doubtful(tsv: str, rereads: dict[str, list[str]], grey: Any, binary: Any) -> bool:
    """Whether the page's date line has another number of zeros than its text says: more glyphs
    with a crossed counter (:attr:`_Glyph.counter`, a slashed or dotted zero: no other digit and no
    kanji of a date has one) than ``0`` s in the line's words — or, in a letter whose zeros are
    all crossed (:func:`_zeros`), fewer than its ASCII ``0`` s (a ``6`` of ``16日`` read as ``0``;
    a full-width ``０`` is not counted there: the fonts' full-width zeros are not slashed).
    Counted over the whole line, so it needs no word's box to hold its own glyphs (Tesseract's
    box of ``16`` in ``10日`` reached into the ``日``: a slashed zero read as ``6``, the date valid
    and wrong). False in a letter whose own zeros are clean (:func:`_zeros`: a crossed counter
    there is noise), and for anything unexpected (never raises). :func:`parse_page` then warns
    (``ocr.date_unverified``); the date is kept."""
    try:
        return _date_zeros_doubtful(tsv, rereads, grey, binary)
    except Exception:  # a refinement: whatever fails, no warning
        return False


def _date_zeros_doubtful(tsv: str, rereads: dict[str, list[str]], grey: Any, binary: Any) -> bool:
    words = [r.split("\t") for r in tsv.split("\n")]
    lines = _date_lines(words)
    if not lines:
        return False
    zeros = _page_zeros(tsv, rereads, grey, binary)
    if zeros is None or zeros[0] == "clean":
        return False
    style, height = zeros
    for members in lines:
        ws = [words[i] for i in members]
        left, top = min(int(w[6]) for w in ws), min(int(w[7]) for w in ws)
        right = max(int(w[6]) + int(w[8]) for w in ws)
        bottom = max(int(w[7]) + int(w[9]) for w in ws)
        glyphs = _glyphs(grey, binary, {"left": left, "top": top, "width": right - left, "height": bottom - top}, 0.1)
        crossed = sum(g.counter == "crossed" and (height is None or g.ring > GLYPH_ZERO_SHORT * height)
                      for g in glyphs)
        if crossed > sum(w[11].count("0") + w[11].count("０") for w in ws):
            return True
        # Fewer: only where the letter's zeros are known to be crossed (without a zero known, a
        # clean zero is no error). Read right, the corpus's 52 cached light letters whose zeros are
        # crossed had as many as their text on every date line; s8-break1's 246 date lines rendered
        # in the 8 slashed fonts (30/36/44 px; none, blur 1 and 1.5, JPEG 40, 1° rotation) one
        # fewer once (LiberationMono's dot lost at 30 px, rotated).
        if style == "crossed" and crossed < sum(w[11].count("0") for w in ws):
            return True
    return False


def _squeeze(read: str) -> str:
    return "".join(read.split())


def _printed_digits(rereads: dict[str, list[str]], cells: dict[str, list[_Glyph]]) -> dict[str, list[_Glyph]]:
    """The letter's own printed digits (their glyphs, by digit), where the reads leave no doubt:
    the 事業所番号 when all its reads agree on ten digits and its cell has ten glyphs; the
    postal code when all its reads agree on ``NNN-NNNN`` and the cell's last eight glyphs
    have a hyphen's shape in the fourth (a 〒 may precede them) — both digits only by their
    format; the ID's positions where every read of its cell's length gives the same digit (at
    least two such reads, and more than half of all the ID's reads) and no letter looks like
    that digit in the core's table (:meth:`RegistrationNotice.ocr_confusables`: 0 1 2 5 8 are
    left out): the ID's format is not published, it may hold an ``O`` that every read gives
    as ``0`` — the very agreement on a look-alike the check distrusts."""
    out: dict[str, list[_Glyph]] = {}

    def take(read: str, glyphs: list[_Glyph], digits: str = "0123456789") -> None:
        for c, g in zip(read, glyphs):
            if c.isascii() and c in digits:
                out.setdefault(c, []).append(g)

    number = {_squeeze(r) for r in rereads.get("facility_number", [])}
    glyphs = cells.get("facility_number", [])
    if len(number) == 1:
        (read,) = number
        if read.isascii() and read.isdigit() and len(read) == len(glyphs):
            take(read, glyphs)
    postal = {_squeeze(r) for r in rereads.get("postal_code", [])}
    glyphs = cells.get("postal_code", [])[-8:]
    if len(postal) == 1 and len(glyphs) == 8:
        (read,) = postal
        digits = read[:3] + read[4:]
        heights = sorted(g.height for g in glyphs)
        if len(read) == 8 and read[3] == "-" and digits.isascii() and digits.isdigit() and \
                glyphs[3].height < 0.4 * heights[4]:
            take(read, glyphs)
    ids = [_squeeze(r) for r in rereads.get("user_id", [])]
    glyphs = cells.get("user_id", [])
    aligned = [r for r in ids if glyphs and len(r) == len(glyphs)]
    if len(aligned) >= 2 and 2 * len(aligned) > len(ids):
        agreed = "".join(r[0] if len(set(r)) == 1 else "?" for r in zip(*aligned))
        letter_like = {d for d, alikes in RegistrationNotice.ocr_confusables()
                       if d.isdigit() and any(not a.isdigit() for a in alikes.split())}
        take(agreed, glyphs, "".join(sorted(set("0123456789") - letter_like)))
    return out


def _cap_height(reads: list[str], glyphs: list[_Glyph]) -> float | None:
    """The median height of the cell's glyphs that every read gives as the same flat
    capital or digit (:data:`CAP_HEIGHT_GLYPHS`); None without one."""
    heights = sorted(
        g.height
        for p, g in enumerate(glyphs)
        if len({r[p] for r in reads}) == 1 and reads[0][p] in CAP_HEIGHT_GLYPHS
    )
    return heights[len(heights) // 2] if heights else None


#: How the letter prints its zeros (:func:`_zeros`): their counter (``"crossed"``, ``"clean"``
#: or None: not known or mixed) and their height in pixels (None: no zero known).
_Zeros = tuple[str | None, float | None]


def _zeros(reads: dict[str, list[str]], cells: dict[str, list[_Glyph]], printed: dict[str, list[_Glyph]]) -> _Zeros:
    """How the letter prints its zeros: from the zeros printed by format (:func:`_printed_digits`),
    or without one, from the glyphs of the ID and the passwords with a crossed counter that
    a read of the cell's length gives as ``0`` (no letter has a crossed counter). Only zeros
    whose counter is known count (a zero cut by the cell's edge or broken has none). The style
    is the counter they all have — None when they differ: a letter where one zero lost its
    slash (a worn print, light ink) may have lost it in the password too — the height the
    median of their rings (:attr:`_Glyph.ring`)."""
    zeros = [g for g in printed.get("0", []) if g.counter is not None]
    if not zeros:
        for field in GLYPH_FIELDS:
            glyphs = cells.get(field, [])
            aligned = [r for r in map(_squeeze, reads.get(field, [])) if len(r) == len(glyphs)]
            zeros += [g for p, g in enumerate(glyphs) if any(r[p] == "0" for r in aligned) and g.counter == "crossed"]
    if not zeros:
        return None, None
    styles = {g.counter for g in zeros}
    style = styles.pop() if len(styles) == 1 else None
    heights = sorted(g.ring for g in zeros)
    return style, float(heights[len(heights) // 2])


def _zero_named(g: _Glyph, zeros: _Zeros) -> str | None:
    """The one of ``0``, ``O``, ``o`` the glyph's counter names, whatever the reads say: a
    crossed counter of about a zero's height is a zero (no letter has one); where the letter's
    zeros are crossed, a clean counter is no zero — ``O`` at a zero's height, ``o`` well below
    it (:data:`GLYPH_ZERO_TALL`, :data:`GLYPH_ZERO_SHORT`; heights of rings, :attr:`_Glyph.ring`).
    None: the shape does not decide."""
    style, height = zeros
    counter = g.counter
    if counter == "crossed" and (height is None or g.ring > GLYPH_ZERO_SHORT * height):
        return "0"
    if counter == "clean" and style == "crossed" and height is not None:
        if g.ring >= GLYPH_ZERO_TALL * height:
            return "O"
        if g.ring <= GLYPH_ZERO_SHORT * height:
            return "o"
    return None


def _one_named(g: _Glyph, ones: list[_Glyph]) -> bool:
    """Whether the glyph is the letter's ``1``: its ink profile within :data:`GLYPH_ONE_BOUNDS`
    of the mean profile of ``ones`` (the ``1`` s the letter prints by format), whatever the
    reads say. False without those ``1`` s, or where any of their measures is zero."""
    if not ones or g.dot:
        return False
    mine = g.profile
    for key, bound in GLYPH_ONE_BOUNDS.items():
        theirs = sum(o.profile[key] for o in ones) / len(ones)
        if theirs <= 0 or abs(mine[key] / theirs - 1) > bound:
            return False
    return abs(mine["lean"] - sum(o.profile["lean"] for o in ones) / len(ones)) <= GLYPH_ONE_LEAN


def _ruled_out(chars: set[str], g: _Glyph, printed: dict[str, list[_Glyph]], cap: float | None = None,
               zeros: _Zeros = (None, None)) -> set[str]:
    """Of the characters the reads give for one glyph, those its shape rules out (``cap``:
    the cell's :func:`_cap_height`; ``zeros``: how the letter prints its zeros, :func:`_zeros`)."""
    out: set[str] = set()
    if cap is not None and g.height >= GLYPH_TALL * cap:
        out |= chars & set("I1")
    if g.dot:
        out |= chars & set("lI|1LJ")
    elif g.height >= GLYPH_DOT_HEIGHT:
        out |= chars & set("ij")
    if "L" in chars and not g.foot:
        out.add("L")
    if g.top_right:
        out |= chars & set("1l|")
    if chars & set("0Oo"):
        counter, height = g.counter, zeros[1]
        if counter == "crossed":
            out |= chars & set("Oo")
        elif counter == "clean" and zeros[0] == "crossed":
            out |= chars & {"0"}
        if height is not None and g.ring >= GLYPH_ZERO_TALL * height:
            out |= chars & {"o"}
        if height is not None and g.ring <= GLYPH_ZERO_SHORT * height:
            out |= chars & set("O0")
    for d in sorted(chars & set("0123456789")):
        # Only copies of about the glyph's size: the whole-window correlation means nothing
        # across sizes (and a page-sized blob took seconds).
        copies = [e.grey for e in printed.get(d, []) if max(e.grey.shape[0], g.grey.shape[0]) <=
                  GLYPH_SCALE * min(e.grey.shape[0], g.grey.shape[0])]
        if not copies:
            continue
        s = max(_likeness(g.grey, e) for e in copies)
        if s < GLYPH_OTHER:
            out.add(d)
        elif s >= GLYPH_SAME:
            out |= chars - {d}
    return out


def glyph_check(
    rereads: dict[str, list[str]], boxes: dict[str, dict[str, int]], grey: Any, binary: Any
) -> dict[str, list[str]]:
    """The second reads of the ID and the passwords, with the reads that a glyph's shape
    contradicts set aside (the module doc, "Glyph check").

    ``rereads`` is :func:`second_pass`'s result, ``boxes`` the value boxes of the layout
    (field → ``{"left", "top", "width", "height"}``, integers) and ``grey``/``binary`` the page as
    :func:`_prepare` gives it (2-D ``uint8`` arrays of one shape). Each field's cell is cut into
    glyphs (:func:`_glyphs`); the reads with as many characters as the cell has glyphs are
    compared position by position. A read longer by marks before or after the value
    (:data:`LEADING_MARKS`, :data:`TRAILING_MARKS`: the cell's border, a speck) is compared
    without them when another read has the cell's length as given and the glyph at that end
    is not itself a mark's size (a password may end in ``.``). Where the reads disagree, the
    glyph rules out some of their characters (:func:`_ruled_out`) and of the others the most
    reads give one glyph the core reports as a look-alike
    (:meth:`RegistrationNotice.ocr_confusables`), a read giving a ruled-out character does
    not vote — unless, with that one glyph put in its place at every such position, it is a
    read another read gives: then it votes for that read. Where a glyph's counter names it
    (:func:`_zero_named`: a crossed counter, or a clean one in a letter whose zeros are crossed)
    and the reads give ``0``, ``O`` or ``o`` for it, or its ink profile is the letter's ``1`` s'
    (:func:`_one_named`) and the reads give ``1``, ``l``, ``I`` or ``|`` for it (not all ``1``),
    every read of the cell's length gets that glyph there, even when they all agree — unless a read has a letter or a digit where the
    cell has a speck (:data:`GLYPH_SPECK`: the reads are one place off the glyphs). Reads of
    another length are left as
    they are; when no read of the cell's length would remain, none is set aside.

    Never raises: a box, an image or a read of another kind, or any failure inside
    (OpenCV, memory), leaves the reads as they are. In memory only; nothing is printed or
    logged (the reads are passwords)."""
    try:
        return _glyph_check(rereads, boxes, grey, binary)
    except Exception:  # a refinement of the reads: whatever fails, the reads go to the core as read
        return rereads


def _glyph_check(
    rereads: dict[str, list[str]], boxes: dict[str, dict[str, int]], grey: Any, binary: Any
) -> dict[str, list[str]]:
    """:func:`glyph_check`'s work, without its guard."""
    np = _imports()[1]
    if not all(isinstance(a, np.ndarray) and a.ndim == 2 and a.dtype == np.uint8 for a in (grey, binary)) or \
            grey.shape != binary.shape:
        return rereads
    # Only lists of text are read (the printed digits' sources too); anything else is left as it is.
    texts = {f: list(r) for f, r in rereads.items()
             if isinstance(r, (list, tuple)) and all(isinstance(x, str) for x in r)}
    fields = [f for f in GLYPH_FIELDS if len(texts.get(f, [])) > 1 and f in boxes]
    if not fields:
        return rereads
    table = RegistrationNotice.ocr_confusables()
    look_alikes = {g for g, _ in table if len(g) == 1}
    # The 1 and the glyphs the core reports it may be read as (l I |): where a glyph has the
    # letter's 1's profile (:func:`_one_named`) and the reads give these, it is a 1.
    ones = {"1", *next((alikes.split() for g, alikes in table if g == "1"), [])}
    cells = {f: _glyphs(grey, binary, boxes[f], NARROW_CELLS.get(f, 0.5))
             for f in ("facility_number", "postal_code", *fields) if f in boxes}
    printed = _printed_digits(texts, cells)
    zeros = _zeros(texts, cells, printed)
    out = dict(rereads)
    for field in fields:
        glyphs = cells[field]
        if not glyphs:
            continue
        reads = [_squeeze(r) for r in texts[field]]
        # Marks before or after the value that are none of the cell's glyphs (Tesseract reads
        # a speck or the cell's edge as `.`, `_`, `|`): the read without them — only where the
        # reads disagree about them (a read of the cell's length as given) and the glyph at
        # that end is no mark itself (two `_` run together make one glyph of the cell fewer).
        heights = sorted(g.height for g in glyphs)
        full = 0.5 * heights[len(heights) // 2]
        first_full, last_full = (g.height >= full for g in (glyphs[0], glyphs[-1]))
        changed: set[int] = set()  # reads trimmed of marks or given a counter's glyph
        if any(len(r) == len(glyphs) for r in reads):
            for i, r in enumerate(reads):
                if len(r) <= len(glyphs):
                    continue
                tail, head = r.rstrip(TRAILING_MARKS), r.lstrip(LEADING_MARKS)
                for bare, ok in ((tail, last_full), (head, first_full),
                                 (head.rstrip(TRAILING_MARKS), first_full and last_full)):
                    if ok and len(bare) == len(glyphs):
                        reads[i] = bare
                        changed.add(i)
                        break
        aligned = [i for i, r in enumerate(reads) if len(r) == len(glyphs)]
        if len(aligned) < 2:
            continue
        cap = _cap_height([reads[i] for i in aligned], glyphs)
        mended = {i: list(reads[i]) for i in aligned}
        # The reads line up with the glyphs when no read has a letter or a digit where the cell
        # has a speck (a speck cut as a glyph and two glyphs run together keep the count, one
        # place off): only then may a counter override them.
        speck = GLYPH_SPECK * heights[len(heights) // 2]
        lined_up = not any(max(g.height, g.box[2] - g.box[0]) <= speck and reads[i][p].isalnum()
                           for p, g in enumerate(glyphs) for i in aligned)
        set_aside: set[int] = set()
        for p, g in enumerate(glyphs):
            chars = {reads[i][p] for i in aligned}
            named = _zero_named(g, zeros) if lined_up and chars & set("0Oo") else None
            if named is None and lined_up and chars & ones and chars != {"1"} and _one_named(g, printed.get("1", [])):
                named = "1"
            # Among the round look-alikes; a crossed counter also against another reading of a
            # zero that some read gives as one (`9` for a slashed zero whose tail is noise); a
            # 1's profile among its look-alikes (l I |).
            if named is not None and chars != {named} and (chars <= set("0Oo") or (named == "0" and "0" in chars)
                                                           or (named == "1" and chars <= ones)):
                # The counter decides against the reads, even all of them: each read of the
                # cell's length gets the glyph it names (a look-alike the core reports).
                for i in aligned:
                    reads[i] = reads[i][:p] + named + reads[i][p + 1 :]
                    mended[i][p] = named
                    changed.add(i)
                continue
            if len(chars) < 2:
                continue
            bad = _ruled_out(chars, g, printed, cap, zeros)
            left = [reads[i][p] for i in aligned if reads[i][p] not in bad]
            most = max((left.count(c) for c in left), default=0)
            winners = {c for c in left if left.count(c) == most}
            if not bad or len(winners) != 1 or not winners <= look_alikes:
                continue
            (glyph,) = winners
            for i in aligned:
                if reads[i][p] in bad:
                    set_aside.add(i)
                    mended[i][p] = glyph
        if not set_aside and not changed:
            continue
        voting = {reads[i] for i in aligned if i not in set_aside}
        if set_aside and not voting:
            continue  # every read of the cell's length ruled out somewhere: the shapes do not decide
        new = []
        for i, r in enumerate(texts[field]):
            if i in set_aside:
                if "".join(mended[i]) in voting:
                    new.append("".join(mended[i]))  # votes for the read it is, mended
            elif i in changed:
                new.append(reads[i])  # without the marks that are no glyph of the cell, or mended by a counter
            else:
                new.append(r)  # as read
        out[field] = new
    return out
