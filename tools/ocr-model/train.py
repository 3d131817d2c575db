#!/usr/bin/env python3
"""Trains ``hugid``: a small Tesseract LSTM recogniser for the Latin/digit value cells
of the registration notice (ID, passwords, 事業所番号), from scratch.

Why: in the Japanese business fonts the letters are printed in (MS ゴシック/明朝-style;
IPA, Takao, BIZ UD … are metric- and style-compatible) the half-width Latin glyphs
have JIS shapes (``l`` with a tail, a narrow ``0``/``O``) that every stock Tesseract
model misreads the same way (benches/ocr/RESULTS.md). This script reproduces the model
shipped in ``hug-onboard-py/python/hug_onboard/data/hugid.traineddata``:

1. **Lines.** Random strings of the fields' characters (the core's
   ``RegistrationNotice.ocr_value_charset``: printable ASCII; passwords of letters and
   digits, some with the screens' symbols, ``T``/``P`` + 7 digits, 10-digit 事業所番号)
   are rendered as the value column of a ruled two-column table on an A4 page, in many
   fonts from Debian packages, at 150–300 dpi, 9.5–12 pt, rotated by up to ±1.5°,
   with light (most) or heavy noise and JPEG compression — the corpus's renderer's
   conditions, with other seeds and other strings.
2. **The pipeline's view.** Each page goes through the library's own clean-up
   (``_ocr._prepare``: scale to ~300 dpi, deskew, binarise, remove ruled lines), each
   value's ink box through ``_ocr._cell`` (the crop the second pass reads), grey and
   binary. The cells of a page are stacked into one sheet with a WordStr-style box
   file (one line box per cell) and turned into ``.lstmf`` by ``tesseract … lstm.train``.
3. **Training** from scratch (``lstmtraining --net_spec``; Debian's traineddata are
   integer models, which cannot be fine-tuned), then ``--stop_training
   --convert_to_int``; ``lstmeval`` gives the character error rate on held-out pages.

Seeds: the corpus uses seed 14; training pages use ``--seed`` (default 1001) and the
held-out pages ``--seed + 500_000``: no corpus letter, string or page is trained on.

Usage (from the repository root, with the project's .venv and the fonts installed by
``tools/ocr-model/install-fonts``)::

    .venv/bin/python tools/ocr-model/train.py --work /tmp/hugid --pages 700 --iterations 69000
    .venv/bin/python tools/ocr-model/train.py --work /tmp/hugid-ho --data-from /tmp/hugid --stage train \
        --hold-out IPAGothic --hold-out IPAPGothic --hold-out IPAexGothic --hold-out TakaoGothic \
        --iterations 45000 --no-install

Slow (generation ~17 min, training ~45 min on one thread of a loaded machine): never run by the test command.
Temporary files live under ``--work`` only (training data, not user data).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PACKAGE_DATA = REPO / "hug-onboard-py" / "python" / "hug_onboard" / "data"
LANG = "hugid"

# Fonts: (name, file, face index). The four the corpus renders with come first (the
# name is the corpus's, so --hold-out takes the corpus's spelling); the rest give breadth
# (Japanese gothic and mincho families, and Latin families for the shapes of ordinary
# office fonts). All from Debian packages (install-fonts).
FONTS: list[tuple[str, str, int]] = [
    ("NotoSansCJK", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    ("IPAGothic", "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", 0),
    ("IPAMincho", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", 0),
    ("TakaoGothic", "/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf", 0),
    ("NotoSerifCJK", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 0),
    ("IPAexGothic", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", 0),
    ("IPAexMincho", "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf", 0),
    ("IPAPGothic", "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf", 0),
    ("TakaoMincho", "/usr/share/fonts/truetype/takao-mincho/TakaoMincho.ttf", 0),
    ("BIZUDGothic", "/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf", 0),
    ("BIZUDMincho", "/usr/share/fonts/truetype/bizud-mincho/BIZUDMincho-Regular.ttf", 0),
    ("VLGothic", "/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf", 0),
    ("UmeGothic", "/usr/share/fonts/truetype/horai-umefont/ume-tgo4.ttf", 0),
    ("UmeMincho", "/usr/share/fonts/truetype/horai-umefont/ume-tmo3.ttf", 0),
    ("UmePlusGothic", "/usr/share/fonts/truetype/umeplus/umeplus-gothic.ttf", 0),
    ("Konatu", "/usr/share/fonts/truetype/konatu/Konatu.ttf", 0),
    ("SawarabiGothic", "/usr/share/fonts/truetype/sawarabi-gothic/sawarabi-gothic-medium.ttf", 0),
    ("SawarabiMincho", "/usr/share/fonts/truetype/sawarabi-mincho/sawarabi-mincho-medium.ttf", 0),
    ("MigMix1M", "/usr/share/fonts/truetype/migmix/migmix-1m-regular.ttf", 0),
    ("Mplus1", "/usr/share/fonts/opentype/mplus/Mplus1-Regular.otf", 0),
    ("MotoyaCedar", "/usr/share/fonts/truetype/motoya-l-cedar/MTLc3m.ttf", 0),
    ("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
    ("DejaVuSansMono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 0),
    ("LiberationSans", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", 0),
    ("LiberationSerif", "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", 0),
    ("LiberationMono", "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf", 0),
    ("FreeSans", "/usr/share/fonts/truetype/freefont/FreeSans.ttf", 0),
]
# Debian packages of those fonts (install-fonts installs them).
FONT_PACKAGES = ("fonts-noto-cjk fonts-ipafont fonts-ipaexfont fonts-takao fonts-morisawa-bizud-gothic "
                 "fonts-morisawa-bizud-mincho fonts-vlgothic fonts-horai-umefont fonts-umeplus fonts-konatu "
                 "fonts-sawarabi-gothic fonts-sawarabi-mincho fonts-migmix fonts-mplus fonts-motoya-l-cedar "
                 "fonts-dejavu-core fonts-liberation fonts-freefont-ttf").split()

LABELS = ["事業所番号", "テストID", "ID", "(仮)パスワード", "証明書発行用パスワード", "備考"]
# The tesstrain network (a 36 px high grey line; conv 3x3x16, maxpool 3x3, a 2-D LSTM
# summarising the columns, three 1-D LSTMs), narrower top layer: the charset is 94 glyphs.
NET_SPEC = "[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx96 Lrx96 Lfx192 O1c{n}]"


def charsets() -> tuple[str, str]:
    """(every character a value may hold, the screens' password symbols), from the core."""
    import hug_onboard as h

    ids = h.RegistrationNotice.ocr_value_charset("user_id") or ""
    pw = h.RegistrationNotice.ocr_value_charset("temporary_password") or ""
    alnum = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    return ids, "".join(c for c in pw if c not in alnum)


ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
# Look-alikes the stock models confuse in these fonts: drawn more often.
CONFUSABLE = "lI1|iLjJ0OoQDCcSs5B8Z2zuvVWwxXkKpP9g6b"


def text_for(rng: random.Random, all_chars: str, symbols: str) -> str:
    r = rng.random()
    if r < 0.15:
        return rng.choice("TP") + "".join(rng.choice("0123456789") for _ in range(7))
    if r < 0.27:
        return "".join(rng.choice("0123456789") for _ in range(10))
    if r < 0.37:
        return "".join(rng.choice(all_chars) for _ in range(rng.randint(4, 12)))
    pool = ALNUM + (symbols * 2 if r < 0.5 else "")
    n = rng.randint(6, 12)
    return "".join(rng.choice(CONFUSABLE) if rng.random() < 0.3 else rng.choice(pool) for _ in range(n))


def render_page(rng: random.Random, font: tuple[str, str, int], texts: list[str]) -> tuple[bytes, dict[str, Any]]:
    """An A4 page with a ruled table whose value column holds ``texts`` (as JPEG bytes),
    and where each value was drawn (mm, unrotated)."""
    dpi = rng.choice((150, 175, 200, 200, 300))
    heavy = rng.random() < 0.2
    angle = rng.uniform(-1.5, 1.5)
    pt = rng.choice((9.5, 10, 10.5, 10.5, 11, 12))
    mm = dpi / 25.4
    w, hgt = int(210 * mm), int(297 * mm)
    img = Image.new("L", (w, hgt), 255)
    d = ImageDraw.Draw(img)
    path, index = font[1], font[2]
    body = ImageFont.truetype(path, int(pt * dpi / 72), index=index)
    x0, y = int(25 * mm), int(30 * mm)
    d.text((x0, y), "電子請求登録結果に関するお知らせ", font=body, fill=0)
    y += int(12 * mm)
    row_h, col = int(10 * mm), int(rng.uniform(55, 70) * mm)
    x1 = w - x0
    line = max(1, dpi // 100)
    rows = []
    for text in texts:
        d.rectangle([x0, y, x1, y + row_h], outline=0, width=line)
        d.line([x0 + col, y, x0 + col, y + row_h], fill=0, width=line)
        d.text((x0 + int(2 * mm), y + row_h // 2), rng.choice(LABELS), font=body, fill=0, anchor="lm")
        d.text((x0 + col + int(3 * mm), y + row_h // 2), text, font=body, fill=0, anchor="lm")
        rows.append((x0 + col, y, x1, y + row_h))
        y += row_h
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if heavy:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8)))
        px = img.load()
        for _ in range(w * hgt // rng.choice((60, 120, 240))):
            px[rng.randrange(w), rng.randrange(hgt)] = rng.choice((0, 90, 170, 255))
        img = img.point(lambda v: max(0, min(255, int(v * 0.8 + 30 + rng.gauss(0, 6)))))
        q = rng.randint(40, 70)
    else:
        px = img.load()
        for _ in range(w * hgt // rng.choice((1000, 2000, 4000))):
            px[rng.randrange(w), rng.randrange(hgt)] = rng.choice((0, 128))
        q = rng.randint(75, 95)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=q, dpi=(dpi, dpi))
    return out.getvalue(), {"w": w, "rows": rows, "mm": mm}


def ink_box(cv2: Any, binary: Any, region: tuple[int, int, int, int]) -> dict[str, int] | None:
    """The value's ink box on the cleaned page (what the page read's word boxes give)."""
    l, t, r, b = region
    h, w = binary.shape
    l, t, r, b = max(0, l), max(0, t), min(w, r), min(h, b)
    if r - l < 10 or b - t < 10:
        return None
    ink = (binary[t:b, l:r] < 128).astype("uint8")
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = [s for s in stats[1:] if s[4] >= 6]
    if not keep:
        return None
    x0 = min(s[0] for s in keep)
    y0 = min(s[1] for s in keep)
    x1 = max(s[0] + s[2] for s in keep)
    y1 = max(s[1] + s[3] for s in keep)
    if y0 <= 1 or y1 >= (b - t) - 1 or x1 >= (r - l) - 1:
        return None  # touches the region's edge: the deskew missed, skip this row
    return {"left": int(l + x0), "top": int(t + y0), "width": int(x1 - x0), "height": int(y1 - y0)}


def make_sheet(args: tuple[int, int, str, str]) -> tuple[str, int]:
    """One page -> one sheet (its value cells stacked, grey and binary) + box file + .lstmf."""
    page_seed, font_i, out_dir, tess = args
    import cv2
    import numpy as np

    from hug_onboard import _ocr

    rng = random.Random(page_seed)
    all_chars, symbols = charsets()
    font = FONTS[font_i]
    texts = [text_for(rng, all_chars, symbols) for _ in range(22)]
    jpeg, geo = render_page(rng, font, texts)
    grey, binary = _ocr._prepare(jpeg)
    s = grey.shape[1] / geo["w"]
    m = geo["mm"] * s
    cells, truths = [], []
    for text, (cl, ct, cr, cb) in zip(texts, geo["rows"]):
        region = (int(cl * s + 1.0 * m), int(ct * s + 1.0 * m), int(cr * s - 1.0 * m), int(cb * s - 1.0 * m))
        box = ink_box(cv2, binary, region)
        if box is None:
            continue
        for image in (grey, binary):
            cell = _ocr._cell(image, box)
            pad = max(4, box["height"] // 2)
            # The ink box inside the cell (the crop starts pad px before it, plus the 20 px border).
            lb = (pad + 20, pad + 20, pad + 20 + box["width"], pad + 20 + box["height"])
            cells.append((cell, lb))
            truths.append(text)
    if not cells:
        return "", 0
    gap = max(c.shape[0] for c, _ in cells) // 2
    width = max(c.shape[1] for c, _ in cells)
    parts, lines, y = [], [], 0
    for (c, (l, t, r, b)), text in zip(cells, truths):
        parts.append(cv2.copyMakeBorder(c, 0, gap, 0, width - c.shape[1], cv2.BORDER_CONSTANT, value=255))
        j = [rng.randint(-2, 2) for _ in range(4)]
        lines.append((text, l + j[0], y + t + j[1], r + j[2], y + b + j[3]))
        y += c.shape[0] + gap
    sheet = np.vstack(parts)
    H = sheet.shape[0]
    base = Path(out_dir) / f"p{page_seed}-{font[0]}"
    cv2.imwrite(str(base) + ".png", sheet)
    with open(str(base) + ".box", "w", encoding="utf-8") as fh:
        for text, l, t, r, b in lines:
            for ch in text:
                fh.write(f"{ch} {l} {H - b} {r} {H - t} 0\n")
            fh.write(f"\t {l} {H - b} {r} {H - t} 0\n")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run([tess, str(base) + ".png", str(base), "--psm", "6", "lstm.train"],
                   env=env, check=True, capture_output=True)
    return str(base) + ".lstmf", len(lines)


def generate(work: Path, pages: int, seed: int, fonts: list[int], jobs: int, tag: str) -> list[str]:
    out = work / tag
    out.mkdir(parents=True, exist_ok=True)
    tess = shutil.which("tesseract") or "tesseract"
    rng = random.Random(seed)
    tasks = [(seed * 1000 + i, rng.choice(fonts), str(out), tess) for i in range(pages)]
    done, n_lines = [], 0
    t0 = time.time()
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        for k, (lstmf, n) in enumerate(ex.map(make_sheet, tasks, chunksize=4)):
            if lstmf and Path(lstmf).exists():
                done.append(lstmf)
                n_lines += n
            if k % 50 == 0:
                print(f"  {tag}: {k + 1}/{pages} pages, {n_lines} lines, {time.time() - t0:.0f} s", flush=True)
    print(f"{tag}: {len(done)} sheets, {n_lines} lines in {time.time() - t0:.0f} s", flush=True)
    return done


def lang_model(work: Path, all_chars: str) -> Path:
    """The starter traineddata: the unicharset (every character a value may hold, from
    the core) and a pass-through recoder, no dictionary (the values are random)."""
    (work / "chars.txt").write_text(all_chars + "\n", encoding="utf-8")
    run(["unicharset_extractor", "--output_unicharset", str(work / "unicharset"), "--norm_mode", "1",
         str(work / "chars.txt")])
    # combine_lang_model reads the script's unicharsets and a radical table from
    # langdata (tesstrain downloads them); for a Latin-only charset our own unicharset
    # serves as Latin/Common, and one line of radical table is enough (it is only read).
    script_dir = work / "langdata"
    script_dir.mkdir(exist_ok=True)
    for name in ("Latin", "Common"):
        shutil.copy(work / "unicharset", script_dir / f"{name}.unicharset")
    (script_dir / "radical-stroke.txt").write_text("4E00\t1.0\n")
    (work / "lang").mkdir(exist_ok=True)
    run(["combine_lang_model", "--input_unicharset", str(work / "unicharset"), "--script_dir",
         str(script_dir), "--output_dir", str(work / "lang"), "--lang", LANG, "--pass_through_recoder"],
        capture_output=True)
    return work / "lang" / LANG / f"{LANG}.traineddata"


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(cmd), flush=True)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    return subprocess.run(cmd, env=env, check=True, text=True, **kw)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True, help="scratch folder (training data, checkpoints)")
    ap.add_argument("--pages", type=int, default=700, help="training pages (22 values each, grey + binary)")
    ap.add_argument("--eval-pages", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1001, help="must differ from the corpus's 14")
    ap.add_argument("--iterations", type=int, default=69000)
    ap.add_argument("--hold-out", action="append", default=[], help="a font name not to train on (repeatable)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--data-from", type=Path, help="reuse the pages generated in that --work (with --stage train)")
    ap.add_argument("--stage", choices=("all", "data", "train", "finish"), default="all")
    ap.add_argument("--install", action=argparse.BooleanOptionalAction, default=True,
                    help="copy the model into the Python package (off for a held-out run)")
    args = ap.parse_args(argv)
    assert args.seed != 14, "the corpus's seed"
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    fonts = [i for i, f in enumerate(FONTS) if f[0] not in args.hold_out and Path(f[1]).exists()]
    missing = [f[0] for f in FONTS if not Path(f[1]).exists()]
    if missing:
        print("fonts missing (tools/ocr-model/install-fonts):", ", ".join(missing), file=sys.stderr)
    print("training fonts:", ", ".join(FONTS[i][0] for i in fonts), flush=True)
    all_chars, _ = charsets()
    ckpt = work / "ckpt"
    lang_dir = work / "lang"
    if args.stage in ("all", "data"):
        train = generate(work, args.pages, args.seed, fonts, args.jobs, "train")
        # Held-out pages: other seeds, every font of the training list.
        evals = generate(work, args.eval_pages, args.seed + 500_000, fonts, args.jobs, "eval")
        (work / "train.txt").write_text("\n".join(train) + "\n")
        (work / "eval.txt").write_text("\n".join(evals) + "\n")
    if args.data_from:
        # Another run's pages, less those of the held-out fonts (file names carry the font).
        for name in ("train", "eval"):
            src = (args.data_from / f"{name}.txt").read_text().split()
            keep = [p for p in src if Path(p).stem.split("-", 1)[1] not in args.hold_out]
            (work / f"{name}.txt").write_text("\n".join(keep) + "\n")
            print(f"{name}: {len(keep)} of {len(src)} sheets from {args.data_from}", flush=True)
    starter = lang_dir / LANG / f"{LANG}.traineddata"
    if not starter.exists():
        starter = lang_model(work, all_chars)
    if args.stage in ("all", "train"):
        ckpt.mkdir(exist_ok=True)
        n = int((work / "unicharset").read_text().split()[0])
        t0 = time.time()
        resume = ckpt / f"{LANG}_checkpoint"
        cmd = ["lstmtraining", "--traineddata", str(starter), "--model_output", str(ckpt / LANG),
               "--train_listfile", str(work / "train.txt"), "--eval_listfile", str(work / "eval.txt"),
               "--max_iterations", str(args.iterations), "--target_error_rate", "0.002",
               "--learning_rate", "0.002"]
        cmd += ["--continue_from", str(resume)] if resume.exists() else ["--net_spec", NET_SPEC.format(n=n)]
        with open(work / "training.log", "a") as log:
            run(cmd, stdout=log, stderr=subprocess.STDOUT)
        print(f"training: {time.time() - t0:.0f} s wall", flush=True)
    if args.stage in ("all", "train", "finish"):
        model = work / f"{LANG}.traineddata"
        run(["lstmtraining", "--stop_training", "--convert_to_int", "--continue_from",
             str(ckpt / f"{LANG}_checkpoint"), "--traineddata", str(starter), "--model_output", str(model)])
        ev = run(["lstmeval", "--model", str(model), "--eval_listfile", str(work / "eval.txt")],
                 capture_output=True)
        print((ev.stdout + ev.stderr).strip().splitlines()[-1])
        if args.install:
            PACKAGE_DATA.mkdir(parents=True, exist_ok=True)
            shutil.copy(model, PACKAGE_DATA / f"{LANG}.traineddata")
            print("installed", PACKAGE_DATA / f"{LANG}.traineddata", model.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
