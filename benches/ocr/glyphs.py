"""How well the glyph check's likeness tells a digit from its look-alike letters (the figures behind
``_ocr.GLYPH_SAME`` and ``_ocr.GLYPH_OTHER``).

For the light letters of the corpus (``--seed``, several allowed), the page is read and the cells re-read
as ``RegistrationNotice.from_image`` does, without the glyph check; then every glyph of the ID and the
passwords whose true character is a digit ``d``, or a letter mistaken for one (O o → 0, I l i → 1, S → 5,
B → 8, Z → 2, b → 6, g q → 9), is compared with the letter's own printed copies of ``d``
(``_ocr._printed_digits``, without the ID: it is the one measured). Prints, per font, the range of the
likeness for the digit itself and for its look-alikes, and how many fall on each side of the thresholds.

    .venv/bin/python benches/ocr/glyphs.py --seed 14 --seed 15 --seed 16

Slow (Tesseract: about 5 s per letter on one core).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as C  # noqa: E402

import hug_onboard as h  # noqa: E402
from hug_onboard import _ocr  # noqa: E402

LOOK_ALIKES = {"0": "Oo", "1": "Ili", "5": "S", "8": "B", "2": "Z", "6": "b", "9": "gq"}
KEYS = ("user_id", "temporary_password", "certificate_password")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, action="append", help="corpus seed (default 14, 15, 16)")
    ap.add_argument("--per-condition", type=int, default=4)
    args = ap.parse_args(argv)
    cmd, langs = _ocr._tesseract()
    same: dict[str, list[float]] = defaultdict(list)
    other: dict[str, list[float]] = defaultdict(list)
    for seed in args.seed or [14, 15, 16]:
        for letter in C.corpus(args.per_condition, seed=seed):
            if letter.noise != "light":
                continue
            grey, binary = _ocr._prepare(letter.image)
            tsv = _ocr.run_tesseract(_ocr._png(binary), cmd=cmd)
            layout = h.RegistrationNotice.ocr_layout_json(tsv)
            rereads = _ocr.second_pass(layout, grey, binary, cmd=cmd, langs=langs, glyphs=False)
            boxes = {f["field"]: f["value_box"] for f in json.loads(layout)["fields"] if f.get("value_box")}
            cells = {f: _ocr._glyphs(grey, binary, b, _ocr.NARROW_CELLS.get(f, 0.5)) for f, b in boxes.items()
                     if f in ("facility_number", "postal_code", *KEYS)}
            printed = _ocr._printed_digits({k: v for k, v in rereads.items() if k != "user_id"}, cells)
            for field in KEYS:
                truth, glyphs = letter.truth[field], cells.get(field, [])
                if len(glyphs) != len(truth):
                    continue  # the cell was not cut into as many glyphs: the check leaves it alone
                for c, g in zip(truth, glyphs):
                    for d, alike in LOOK_ALIKES.items():
                        if printed.get(d) and (c == d or c in alike):
                            s = max(_ocr._likeness(g.grey, e) for e in printed[d])
                            (same if c == d else other)[letter.font].append(s)
    print("| font | digit vs its printed copies: n, min–max | look-alike letters vs the digit: n, min–max |")
    print("|---|---|---|")
    def span(v: list[float]) -> str:
        return f"{len(v)}, {min(v):.3f}–{max(v):.3f}" if v else "0"

    for font in sorted(set(same) | set(other)):
        print(f"| {font} | {span(same.get(font, []))} | {span(other.get(font, []))} |")
    all_same = [x for v in same.values() for x in v]
    all_other = [x for v in other.values() for x in v]
    lo, hi = _ocr.GLYPH_OTHER, _ocr.GLYPH_SAME
    print(f"digits below GLYPH_OTHER ({lo}): {sum(x < lo for x in all_same)} of {len(all_same)}; "
          f"at GLYPH_SAME ({hi}) or more: {sum(x >= hi for x in all_same)}")
    print(f"look-alikes below GLYPH_OTHER: {sum(x < lo for x in all_other)} of {len(all_other)}; "
          f"at GLYPH_SAME or more: {sum(x >= hi for x in all_other)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
