"""The glyph check of the OCR second pass (hug_onboard._ocr.glyph_check).

Cells are rendered with Pillow in the corpus's fonts (Debian fonts-takao, fonts-ipafont;
installed by run-tests) at about 300 dpi, as the cleaned page would hold them; no
Tesseract is needed: the reads are given, as if the engines had read the cells.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("cv2")
ImageFont = pytest.importorskip("PIL.ImageFont")
from PIL import Image, ImageDraw  # noqa: E402

import hug_onboard as h  # noqa: E402
from hug_onboard import _ocr  # noqa: E402

TAKAO = "/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf"
IPAGOTHIC = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"
NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def _page(cells: dict[str, str], font_path: str = TAKAO, px: int = 44) -> tuple[Any, Any, dict[str, dict[str, int]]]:
    """A grey page and its binarised copy holding each field's text on a row of its own,
    with the value boxes a layout would give (Tesseract's word box: the ink)."""
    try:
        font = ImageFont.truetype(font_path, px)
    except OSError:
        pytest.skip(f"font not installed: {font_path}")
    img = Image.new("L", (900, 120 * len(cells) + 60), 255)
    draw = ImageDraw.Draw(img)
    boxes = {}
    for row, (field, text) in enumerate(cells.items()):
        x, y = 60, 40 + 120 * row
        draw.text((x, y), text, font=font, fill=0)
        left, top, right, bottom = (int(v) for v in draw.textbbox((x, y), text, font=font))
        boxes[field] = {"left": left, "top": top, "width": right - left, "height": bottom - top}
    grey = np.asarray(img)
    binary = np.where(grey < 128, 0, 255).astype(np.uint8)
    return grey, binary, boxes


def _voted(reads: list[str]) -> str:
    return Counter(reads).most_common(1)[0][0]


def test_cells_are_cut_into_their_glyphs() -> None:
    grey, binary, boxes = _page({"temporary_password": "XlfwKg52", "certificate_password": "ij1lL0O8"})
    assert len(_ocr._glyphs(grey, binary, boxes["temporary_password"])) == 8
    glyphs = _ocr._glyphs(grey, binary, boxes["certificate_password"])
    assert len(glyphs) == 8
    assert [g.dot for g in glyphs] == [True, True, False, False, False, False, False, False]
    assert [g.foot for g in glyphs] == [False, False, False, False, True, False, False, False]


def test_an_l_the_stock_reads_took_for_L_is_read_as_l() -> None:
    """The corpus's TakaoGothic letter: three stock reads agreed on `L`; our model read `l`."""
    grey, binary, boxes = _page({"certificate_password": "XlfwKg52"})
    reads = ["XLfwKg52", "XLfwKg52", "XLfwKg52", "Xlfwkg52", "xtfwKg52", "XlfwKg52"]
    assert _voted(reads) == "XLfwKg52"  # the vote without the check
    out = _ocr.glyph_check({"certificate_password": reads}, boxes, grey, binary)["certificate_password"]
    # The `L` reads, mended to `l`, are the read another read gives: they vote for it.
    assert out == ["XlfwKg52", "XlfwKg52", "XlfwKg52", "Xlfwkg52", "xtfwKg52", "XlfwKg52"]
    # A real `L` is kept when reads give `l` for it.
    grey, binary, boxes = _page({"certificate_password": "XLfwKg52"})
    reads = ["XlfwKg52", "XlfwKg52", "XLfwKg52"]
    out = _ocr.glyph_check({"certificate_password": reads}, boxes, grey, binary)["certificate_password"]
    assert out == reads  # `l` is not ruled out by a foot: no change (never towards a glyph that is no look-alike)


@pytest.mark.parametrize("truth, wrong", [("O5fr8Fku", "05fr8Fku"), ("05fr8Fku", "O5fr8Fku")])
def test_O_and_0_are_told_apart_by_the_letters_own_digits(truth: str, wrong: str) -> None:
    """A glyph compared with the 0s printed in the letter's 事業所番号: an `O` matches none
    well (GLYPH_OTHER), a `0` matches one closely (GLYPH_SAME)."""
    grey, binary, boxes = _page({"facility_number": "2096385973", "temporary_password": truth})
    reads = {"facility_number": ["2096385973", "2096385973"], "temporary_password": [wrong] * 4 + [truth] * 2}
    out = _ocr.glyph_check(reads, boxes, grey, binary)
    assert out["temporary_password"] == [truth] * 6
    assert out["facility_number"] == reads["facility_number"]
    # Without printed digits to compare with (the 事業所番号's reads disagree), nothing changes.
    reads["facility_number"] = ["2096385973", "2096385978"]
    assert _ocr.glyph_check(reads, boxes, grey, binary)["temporary_password"] == [wrong] * 4 + [truth] * 2


def test_the_printed_digits_come_only_from_reads_that_leave_no_doubt() -> None:
    grey, binary, boxes = _page({"facility_number": "2096385973", "postal_code": "〒123-4567", "user_id": "T0383732"})
    cells = {f: _ocr._glyphs(grey, binary, b) for f, b in boxes.items()}
    printed = _ocr._printed_digits(
        {"facility_number": ["2096385973"] * 2, "postal_code": ["123-4567"] * 3, "user_id": ["T0383732", "T9383732", "T0383732"]},
        cells,
    )
    assert sorted(printed) == list("0123456789")
    assert len(printed["0"]) == 1  # the 事業所番号's; the ID's first digit is in doubt (0 or 9)
    assert len(printed["3"]) == 2 + 1 + 3  # 事業所番号, postal code, the ID's agreed 3s
    # Reads that disagree, or a count of glyphs that does not match, give none.
    assert _ocr._printed_digits({"facility_number": ["2096385973", "2096385979"]}, cells) == {}
    assert _ocr._printed_digits({"facility_number": ["209638597"] * 2}, cells) == {}
    assert _ocr._printed_digits({"postal_code": ["1234567"] * 3}, cells) == {}


def test_a_dot_rules_out_l_and_its_absence_rules_out_i() -> None:
    grey, binary, boxes = _page({"user_id": "il"}, font_path=IPAGOTHIC)
    i, ell = _ocr._glyphs(grey, binary, boxes["user_id"])
    assert _ocr._ruled_out({"i", "l", "1"}, i, {}) == {"l", "1"}
    assert _ocr._ruled_out({"i", "l", "1"}, ell, {}) == {"i"}


def test_a_read_mended_into_a_read_no_other_gives_does_not_vote() -> None:
    grey, binary, boxes = _page({"certificate_password": "XlfwKg52"})
    reads = ["XLfwKg5Z", "XlfwKg52", "XlfwKg52", "XLfwKg52"]
    out = _ocr.glyph_check({"certificate_password": reads}, boxes, grey, binary)["certificate_password"]
    assert out == ["XlfwKg52", "XlfwKg52", "XlfwKg52"]


def test_reads_that_agree_or_cannot_be_aligned_are_left_alone() -> None:
    grey, binary, boxes = _page({"certificate_password": "XlfwKg52"})
    for reads in (["XlfwKg52", "Xlfw Kg52"], ["XLfwKg5", "XlfwKg52x"], ["XLfwKg52"]):
        assert _ocr.glyph_check({"certificate_password": reads}, boxes, grey, binary) == {"certificate_password": reads}
    # A field without a cell, or not an ID/password, is not checked.
    other = {"facility_name": ["にじいろ", "にじいる"], "user_id": ["XLfwKg52", "XlfwKg52"]}
    assert _ocr.glyph_check(other, {}, grey, binary) == other


def test_a_box_outside_the_page_or_empty_has_no_glyphs() -> None:
    grey, binary, boxes = _page({"user_id": "T0383732"})
    for box in ({"left": 5000, "top": 5000, "width": 10, "height": 10}, {"left": 10, "top": 10, "width": 0, "height": 0},
                {"left": -50, "top": -50, "width": 10, "height": 10}):
        assert _ocr._glyphs(grey, binary, box) == []
        reads = {"user_id": ["T0383732", "T9383732"]}
        assert _ocr.glyph_check(reads, {"user_id": box}, grey, binary) == reads


def test_a_bar_at_the_top_right_is_not_1() -> None:
    """IPAGothic's I has bars both sides of its stem; a 1 has its flag on the left only."""
    grey, binary, boxes = _page({"temporary_password": "EDbI3i2I"}, font_path=IPAGOTHIC)
    reads = ["EDb13i21", "EDb13i21", "EDbI3i2", "EDbI3i21", "EDbI3i2I", "EDbI3i2I"]
    out = _ocr.glyph_check({"temporary_password": reads}, boxes, grey, binary)["temporary_password"]
    assert out == ["EDbI3i2I", "EDbI3i2I", "EDbI3i2", "EDbI3i2I", "EDbI3i2I", "EDbI3i2I"]
    glyphs = _ocr._glyphs(grey, binary, boxes["temporary_password"])
    assert [g.top_right for g in glyphs][3] and not _page({"user_id": "1l"}, font_path=IPAGOTHIC) is None
    one, ell = _ocr._glyphs(*_page({"user_id": "1l"}, font_path=IPAGOTHIC)[:2], _page({"user_id": "1l"}, font_path=IPAGOTHIC)[2]["user_id"])
    assert not one.top_right and not ell.top_right


def test_an_l_taller_than_the_capitals_is_not_I() -> None:
    """NotoSansCJK's l rises to the ascender line, above its capitals (the JIS-style fonts'
    does not, and there the rule does not apply)."""
    grey, binary, boxes = _page({"certificate_password": "pL8kSlCS"}, font_path=NOTO)
    reads = ["pLSKSICS", "pL8kSICS", "pL8kSICS", "pL8kSICS", "pL8kSlCS", "pL8kSlCS"]
    out = _ocr.glyph_check({"certificate_password": reads}, boxes, grey, binary)["certificate_password"]
    assert _voted(out) == "pL8kSlCS" and out.count("pL8kSlCS") == 5
    grey, binary, boxes = _page({"certificate_password": "pL8kSICS"}, font_path=NOTO)
    reads = ["pL8kSlCS", "pL8kSlCS", "pL8kSICS"]
    assert _ocr.glyph_check({"certificate_password": reads}, boxes, grey, binary)["certificate_password"] == reads


def test_a_mark_before_the_value_that_is_no_glyph_is_dropped() -> None:
    """The cell's left border read as `|` (or a quote) before the ID."""
    grey, binary, boxes = _page({"user_id": "T1924486"})
    reads = ["|T1924486", "|T1924486", "'T1924486", "T1924486", "|T924486"]
    out = _ocr.glyph_check({"user_id": reads}, boxes, grey, binary)["user_id"]
    assert out == ["T1924486"] * 4 + ["|T924486"]


def test_a_mark_after_the_value_that_is_no_glyph_is_dropped() -> None:
    grey, binary, boxes = _page({"user_id": "T0383732"})
    reads = ["T0383732.", "T0383732_", "T0383732", "T0383732"]
    out = _ocr.glyph_check({"user_id": reads}, boxes, grey, binary)["user_id"]
    assert out == ["T0383732"] * 4
    # A character that is a glyph of the cell stays.
    grey, binary, boxes = _page({"user_id": "T038373."})
    reads = ["T038373.", "T038373.", "T038373"]
    assert _ocr.glyph_check({"user_id": reads}, boxes, grey, binary)["user_id"] == reads


def test_only_a_look_alike_replaces_a_ruled_out_glyph(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the check decides is always a glyph the core reports (notice.ocr_confusable),
    so the user compares it with the paper: the policy, whatever the shapes."""
    grey, binary, boxes = _page({"temporary_password": "42RQOQg5"})
    monkeypatch.setattr(_ocr, "_ruled_out", lambda chars, g, printed, cap=None: chars & {"0"})
    reads = ["42RQ0Qg5", "42RQ0Qg5", "42RQQQg5", "42RQQQg5", "42RQOQg5"]
    # At the fifth glyph the reads left say Q (2) or O (1): Q is no look-alike, so nothing changes there.
    out = _ocr.glyph_check({"temporary_password": reads}, boxes, grey, binary)["temporary_password"]
    assert out == reads
    look_alikes = {g for g, _ in h.RegistrationNotice.ocr_confusables()}
    assert {"0", "O", "o", "1", "l", "I", "|"} <= look_alikes and "Q" not in look_alikes and "L" not in look_alikes


def test_the_check_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    grey, binary, boxes = _page({"facility_number": "2096385973", "temporary_password": "O5fr8Fku"})
    _ocr.glyph_check(
        {"facility_number": ["2096385973"] * 2, "temporary_password": ["05fr8Fku"] * 4 + ["O5fr8Fku"] * 2},
        boxes, grey, binary,
    )
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_ocr_confusables_is_the_cores_table() -> None:
    table = h.RegistrationNotice.ocr_confusables()
    assert ("0", "O o") in table and ("rn", "m") in table
    # The look-alikes a finding names are the same table's.
    n = h.RegistrationNotice.parse_ocr("事業所番号 1392345678\nID P1312345\n(仮)パスワード Kari0123\n証明書発行用パスワード Cert4567")
    msgs = [f.message_en for f in n.findings() if f.code == "notice.ocr_confusable"]
    assert any(f'"1" (digit one, easily confused with {dict(table)["1"]})' in m for m in msgs), msgs
