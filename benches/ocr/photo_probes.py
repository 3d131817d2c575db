"""Photo-path probes (issue #14, s7-photo): each builds a phone photo of a corpus letter as real
ones go wrong (desks, orientation, perspective, shadows, hotspots, resolution, colour) and a few
scans that must not be cut, reads it with ``corpus.read`` (``read_notice``'s steps) and prints the
score. Results: RESULTS.md "Trying to break the photo path".

Usage::

    .venv/bin/python benches/ocr/photo_probes.py NotoSansCJK            # every probe (~5 s each)
    .venv/bin/python benches/ocr/photo_probes.py IPAGothic rot90 lowres  # some
"""
from __future__ import annotations
import os, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy as np, cv2
import corpus
from hug_onboard import _ocr

def page_of(letter):
    return cv2.imdecode(np.frombuffer(letter.image, np.uint8), cv2.IMREAD_GRAYSCALE)

def shoot(page, margin=0.08, jitter=(0.03, -0.02, 0.025, -0.03, 0.02, 0.03, -0.03, 0.02), desk=90, light=None,
          post=None, scale=1.0, colour=None, quality=88):
    h, w = page.shape
    out_w, out_h = int(w * (1 + 2 * margin)), int(h * (1 + 2 * margin))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    j = np.array(jitter, np.float32).reshape(4, 2) * np.float32([w, h])
    dst = src + np.float32([w * margin, h * margin]) + j
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(page, m, (out_w, out_h), flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.full_like(page, 255), m, (out_w, out_h), flags=cv2.INTER_LINEAR, borderValue=0)
    if callable(desk):
        bg = desk(out_h, out_w)
    else:
        bg = np.full((out_h, out_w), desk, np.float32)
    a = mask.astype(np.float32) / 255
    shot = warped.astype(np.float32) * a + bg.astype(np.float32) * (1 - a)
    if light is not None:
        shot = light(shot)
    if post is not None:
        shot = post(shot)
    shot = np.clip(shot, 0, 255).astype(np.uint8)
    shot = cv2.GaussianBlur(shot, (3, 3), 0)
    if scale != 1.0:
        shot = cv2.resize(shot, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    if colour is not None:
        shot = np.clip(np.dstack([shot * c for c in colour[::-1]]), 0, 255).astype(np.uint8)  # BGR
    ok, jpeg = cv2.imencode(".jpg", shot, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return bytes(jpeg.tobytes())

def ramp(low=0.6, angle=0.7):
    def f(img):
        hh, ww = img.shape
        yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
        r = np.cos(angle) * xx / ww + np.sin(angle) * yy / hh
        r = (r - r.min()) / (r.max() - r.min())
        return img * (low + (1 - low) * r)
    return f

def enc(img, q=90):
    ok, j = cv2.imencode(".jpg", np.clip(img, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, q]); return bytes(j.tobytes())

def wood(h, w):
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    grain = 150 + 25 * np.sin(xx / 9 + 3 * np.sin(yy / 60)) + 15 * np.sin(xx / 3.1)
    return grain + rng.normal(0, 6, (h, w))

def keyboard(h, w):
    bg = np.full((h, w), 110, np.float32)
    bg[int(h * 0.9):, :] = 40
    for x in range(0, w, 60):
        for y in range(int(h * 0.9) + 10, h, 60):
            bg[y:y + 45, x + 8:x + 53] = 200  # light keys
    return bg

def darkside(h, w):
    return np.tile(np.linspace(200, 40, w, dtype=np.float32)[None, :], (h, 1))

PROBES = {}
def probe(fn): PROBES[fn.__name__] = fn; return fn

@probe
def baseline(p): return shoot(p, light=ramp())
@probe
def fullframe_uneven(p): return enc(ramp(0.55)(p.astype(np.float32)))
@probe
def white_desk(p): return shoot(p, desk=235, light=ramp())
@probe
def lightwood_desk(p): return shoot(p, desk=185, light=ramp())
@probe
def darker_one_side(p): return shoot(p, desk=darkside, light=ramp(0.7))
@probe
def wood_grain(p): return shoot(p, desk=wood, light=ramp())
@probe
def keyboard_edge(p): return shoot(p, desk=keyboard, light=ramp())
@probe
def rot90(p): return shoot(np.ascontiguousarray(np.rot90(p, 1)), light=ramp())
@probe
def rot180(p): return shoot(np.ascontiguousarray(np.rot90(p, 2)), light=ramp())
@probe
def rot270(p): return shoot(np.ascontiguousarray(np.rot90(p, 3)), light=ramp())
@probe
def perspective_9(p): return shoot(p, margin=0.12, jitter=(0.09, 0.02, -0.08, 0.09, 0.0, -0.02, 0.02, -0.09), light=ramp())
@probe
def corner_cut(p):
    j = shoot(p, light=ramp()); img = cv2.imdecode(np.frombuffer(j, np.uint8), 0)
    hh, ww = img.shape
    return enc(img[int(hh * 0.05):, :int(ww * 0.93)])
@probe
def curled(p):
    h, w = p.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dy = 0.012 * h * np.sin(np.pi * xx / w)  # the page bows
    dx = 0.006 * w * np.sin(np.pi * yy / h)
    curl = cv2.remap(p, xx + dx, yy + dy, cv2.INTER_LINEAR, borderValue=255)
    return shoot(curl, light=ramp())
@probe
def finger(p):
    def f(img):
        hh, ww = img.shape
        cv2.ellipse(img, (int(ww * 0.5), int(hh * 0.97)), (int(ww * 0.05), int(hh * 0.1)), 0, 0, 360, 150, -1)
        return img
    return shoot(p, light=ramp(), post=f)
@probe
def second_sheet(p):
    def d(hh, ww):
        bg = np.full((hh, ww), 90, np.float32)
        pts = np.array([[int(ww * 0.75), int(hh * 0.3)], [ww, int(hh * 0.28)], [ww, int(hh * 0.8)], [int(ww * 0.78), int(hh * 0.82)]])
        cv2.fillConvexPoly(bg, pts, 240)
        return bg
    return shoot(p, desk=d, light=ramp(), margin=0.08, jitter=(0.0, 0.0, -0.05, 0.0, -0.05, 0.0, 0.0, 0.0))
@probe
def shadow_band(p):
    def f(img):
        hh, ww = img.shape
        pts = np.array([[0, int(hh * 0.35)], [ww, int(hh * 0.45)], [ww, int(hh * 0.65)], [0, int(hh * 0.55)]])
        m = np.zeros((hh, ww), np.uint8); cv2.fillConvexPoly(m, pts, 1)
        return img * np.where(m > 0, 0.5, 1.0)
    return shoot(p, light=ramp(0.8), post=f)
@probe
def hotspot(p):
    def f(img):
        hh, ww = img.shape
        yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
        g = np.exp(-(((xx - ww * 0.55) ** 2 + (yy - hh * 0.45) ** 2) / (2 * (ww * 0.12) ** 2)))
        return img * 0.75 + 255 * 0.9 * g
    return shoot(p, post=f)
@probe
def lowres(p): return shoot(p, light=ramp(), scale=1000 / (p.shape[0] * 1.16))
@probe
def large(p): return shoot(p, light=ramp(), scale=4000 / (p.shape[0] * 1.16))
@probe
def yellow(p): return shoot(p, light=ramp(), colour=(1.0, 0.92, 0.62))
def wood2(h, w):
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return 160 + 10 * np.sin(xx / 9 + 3 * np.sin(yy / 60)) + 5 * np.sin(xx / 3.1) + rng.normal(0, 4, (h, w))
@probe
def wood_mild(p): return shoot(p, desk=wood2, light=ramp())
@probe
def shadow_band70(p):
    def f(img):
        hh, ww = img.shape
        pts = np.array([[0, int(hh * 0.35)], [ww, int(hh * 0.45)], [ww, int(hh * 0.65)], [0, int(hh * 0.55)]])
        m = np.zeros((hh, ww), np.float32); cv2.fillConvexPoly(m, pts, 1.0)
        m = cv2.GaussianBlur(m, (0, 0), 4)
        return img * (1 - 0.3 * m)
    return shoot(p, light=ramp(0.8), post=f)
@probe
def hotspot_mild(p):
    def f(img):
        hh, ww = img.shape
        yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
        g = np.exp(-(((xx - ww * 0.55) ** 2 + (yy - hh * 0.45) ** 2) / (2 * (ww * 0.12) ** 2)))
        return img * (0.8 + 0.2 * g) + 60 * g
    return shoot(p, post=f)
@probe
def rot90_white_desk(p): return shoot(np.ascontiguousarray(np.rot90(p, 3)), desk=235, light=ramp())
@probe
def printed_sheet_beside(p):
    def d(hh, ww):
        bg = np.full((hh, ww), 90, np.uint8)
        pts = np.array([[int(ww * 0.8), int(hh * 0.2)], [ww, int(hh * 0.19)], [ww, int(hh * 0.85)], [int(ww * 0.82), int(hh * 0.86)]])
        cv2.fillConvexPoly(bg, pts, 240)
        for y in range(int(hh * 0.22), int(hh * 0.83), 40):
            cv2.putText(bg, "ABC 0123 xyz", (int(ww * 0.83), y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 30, 2)
        return bg
    return shoot(p, desk=d, light=ramp(), jitter=(0.0, 0.0, -0.06, 0.0, -0.06, 0.0, 0.0, 0.0))
# Scans that must not be cut
@probe
def scan_lid_border(p):
    img = p.astype(np.float32).copy(); hh, ww = img.shape
    out = np.full((int(hh * 1.04), int(ww * 1.04)), 25, np.float32)
    out[int(hh * 0.01):int(hh * 0.01) + hh, int(ww * 0.02):int(ww * 0.02) + ww] = img
    return enc(out)
@probe
def scan_black_bar(p):
    img = p.copy(); hh, ww = img.shape
    img[int(hh * 0.5):int(hh * 0.5) + 30, :] = 10
    return enc(img)
@probe
def scan_logo(p):
    img = p.copy(); hh, ww = img.shape
    img[int(hh * 0.02):int(hh * 0.12), int(ww * 0.05):int(ww * 0.3)] = 15
    return enc(img)
@probe
def scan_grey_paper_white_table(p):
    img = p.astype(np.float32); hh, ww = img.shape
    # grey paper everywhere except a white table region in the middle
    m = np.full((hh, ww), 0.8, np.float32)
    m[int(hh * 0.25):int(hh * 0.8), int(ww * 0.08):int(ww * 0.92)] = 1.0
    return enc(img * m)

def main():
    names = sys.argv[2:] or list(PROBES)
    font = sys.argv[1]
    letters = [x for x in corpus.corpus(4, 14) if x.noise == "light" and x.font == font]
    letter = letters[0]
    original = page_of(letter)
    for name in names:
        img = PROBES[name](original.copy())
        if os.environ.get("PROBE_KEEP"):  # a folder to write the photos to
            Path(os.environ["PROBE_KEEP"], f"{name}.jpg").write_bytes(img)
        g = _ocr._decode_grey(img)
        corners = _ocr._paper(cv2, np, g)
        letter.image = img
        t = time.time()
        try:
            s = corpus.read(letter)
            res = "FULL" if s.fully_right else ("REFUSED " + ",".join(s.refused) if s.refused else
                  " ".join(f"{k}={v}" for k, v in s.fields.items() if v != "exact"))
            silent = [k for k, v in s.fields.items() if v == "silent"]
        except Exception as e:
            res, silent = f"RAISE {type(e).__name__}: {e}", []
        print(f"{name:28s} {g.shape} paper={'none' if corners is None else 'found'} {time.time()-t:5.1f}s {res}"
              f"{'  SILENT ' + str(silent) if silent else ''}", flush=True)

main()
