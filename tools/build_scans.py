"""Scanned variants of the born-digital samples, made the way office scanners make them.

For every `samples/pdf/<stem>.a.pdf` this writes `samples/pdf/<stem>.scan.pdf`: each page
rasterized at 200 dpi in grayscale, turned by a small angle (0.3-1.2 degrees, varied per
page and sign), with paper tone, sensor noise and a slight blur, JPEG-compressed, and a
red circular seal stamped over the signature on the signature page. The PDF holds images
only (no text layer). The gold file is copied to `samples/gold/<stem>.scan.plan.json`.

`--mixed STEM` also writes `samples/pdf/<STEM>.mixed.pdf`: the body pages kept digital,
the appendix pages (from the first page headed "PHỤ LỤC") scanned.

Deterministic: the random choices are seeded from the stem and page number.

    python tools/build_scans.py                 # the default stems, plus one mixed sample
    python tools/build_scans.py 000_phu_rieng --mixed 000_phu_rieng
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import cv2
import fitz  # PyMuPDF
import numpy as np

DPI = 200
JPEG_QUALITY = 60
MIN_ANGLE, MAX_ANGLE = 0.3, 1.2
#: Seal colour (RGB): the red of a commune's stamp ink.
SEAL_RGB = (205, 35, 45)
ROOT = Path(__file__).resolve().parent.parent
#: The plans scanned by default (a scan is ~0.3 MB a page: not every sample needs one).
DEFAULT_STEMS = ("000_phu_rieng", "001_duc_an", "003_tan_hung")
DEFAULT_MIXED = ("003_tan_hung",)


def page_rng(stem: str, number: int) -> np.random.Generator:
    """A generator seeded from the stem and page: the same scan on every run."""
    seed = int.from_bytes(hashlib.sha256(f"{stem}:{number}".encode()).digest()[:8], "little")
    return np.random.default_rng(seed)


def page_angle(rng: np.random.Generator) -> float:
    """A skew angle in degrees: |angle| in [0.3, 1.2], either sign."""
    return float(rng.uniform(MIN_ANGLE, MAX_ANGLE) * rng.choice([-1.0, 1.0]))


def render_gray(page: fitz.Page, dpi: int = DPI) -> np.ndarray:
    """The page as an 8-bit grayscale image."""
    pix = page.get_pixmap(dpi=dpi, colorspace=fitz.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width).copy()


def seal_layer(shape: tuple[int, int], center: tuple[int, int], radius: int,
               rng: np.random.Generator) -> np.ndarray:
    """Ink coverage 0..1 of a round seal: two rings, letter-like marks between them, a star."""
    ink = np.zeros(shape, np.uint8)
    cx, cy = center
    cv2.circle(ink, center, radius, 255, max(3, radius // 22), cv2.LINE_AA)
    inner = int(radius * 0.72)
    cv2.circle(ink, center, inner, 255, max(2, radius // 45), cv2.LINE_AA)
    # Letters around the ring: short strokes and dots along the band between the rings.
    band = (radius + inner) / 2
    for k in range(int(rng.integers(26, 34))):
        a = 2 * np.pi * k / 30 + rng.uniform(-0.03, 0.03)
        ca, sa = np.cos(a), np.sin(a)
        half = (radius - inner) * rng.uniform(0.22, 0.38)
        p0 = (int(cx + (band - half) * ca), int(cy + (band - half) * sa))
        p1 = (int(cx + (band + half) * ca), int(cy + (band + half) * sa))
        cv2.line(ink, p0, p1, 255, max(2, radius // 50), cv2.LINE_AA)
        if rng.random() < 0.5:
            q = (int(cx + band * np.cos(a + 0.05)), int(cy + band * np.sin(a + 0.05)))
            cv2.circle(ink, q, max(2, radius // 60), 255, -1, cv2.LINE_AA)
    # A five-pointed star at the centre and a line of "text" under it.
    r_out, r_in = radius * 0.22, radius * 0.09
    pts = []
    for k in range(10):
        r = r_out if k % 2 == 0 else r_in
        a = -np.pi / 2 + k * np.pi / 5
        pts.append((cx + r * np.cos(a), cy - radius * 0.12 + r * np.sin(a)))
    cv2.fillPoly(ink, [np.array(pts, np.int32)], 255, cv2.LINE_AA)
    y = int(cy + radius * 0.3)
    x = int(cx - radius * 0.45)
    while x < cx + radius * 0.45:
        w = int(rng.integers(radius // 12, radius // 6))
        cv2.rectangle(ink, (x, y - radius // 18), (x + w, y + radius // 18), 255, -1)
        x += w + radius // 20
    cover = ink.astype(np.float32) / 255.0
    # Uneven ink: the stamp presses harder on one side.
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    grad = 0.75 + 0.25 * np.cos(np.arctan2(yy - cy, xx - cx) - rng.uniform(0, 2 * np.pi))
    return np.clip(cover * grad, 0, 1)


def stamp(gray: np.ndarray, center: tuple[int, int], radius: int,
          rng: np.random.Generator) -> np.ndarray:
    """RGB page with a red seal multiplied over the gray content (text under it stays dark)."""
    rgb = np.repeat(gray[:, :, None].astype(np.float32), 3, axis=2)
    cover = seal_layer(gray.shape, center, radius, rng)[:, :, None]
    ink = np.array(SEAL_RGB, np.float32) / 255.0
    rgb *= (1 - cover) + cover * ink
    return np.clip(rgb, 0, 255).astype(np.uint8)


def degrade(img: np.ndarray, angle: float, rng: np.random.Generator) -> np.ndarray:
    """Rotate by `angle` degrees (counter-clockwise), paper tone, noise, slight blur."""
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = (255, 255, 255) if img.ndim == 3 else 255
    img = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)
    f = img.astype(np.float32) * 0.93 + 8  # paper is not white, ink not black
    f += rng.normal(0, 3.0, f.shape[:2])[..., None] if f.ndim == 3 else rng.normal(0, 3.0, f.shape)
    f = cv2.GaussianBlur(f, (3, 3), 0.8)
    return np.clip(f, 0, 255).astype(np.uint8)


def jpeg(img: np.ndarray) -> bytes:
    bgr = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return buf.tobytes()


def _fold(s: str) -> str:
    return unicodedata.normalize("NFC", " ".join(s.split())).casefold()


def find_signature(doc: fitz.Document, name: str | None, position: str | None) -> tuple[int, fitz.Point] | None:
    """(page index, seal centre in points): over the signature, between title and name."""
    for index in range(doc.page_count - 1, -1, -1):
        page = doc[index]
        hits = page.search_for(name) if name else []
        if not hits:
            continue
        name_rect = hits[-1]
        pos_rects = [r for r in (page.search_for(position) if position else [])
                     if r.y1 <= name_rect.y0 + 1]
        if pos_rects:
            pos = max(pos_rects, key=lambda r: r.y1)
            cx = (pos.x0 + pos.x1) / 2 - 0.35 * 50
            cy = (pos.y1 + name_rect.y0) / 2
        else:
            cx = (name_rect.x0 + name_rect.x1) / 2 - 20
            cy = name_rect.y0 - 45
        return index, fitz.Point(cx, cy)
    return None


def signer_of(gold: Path) -> tuple[str | None, str | None]:
    if not gold.exists():
        return None, None
    signer = (json.loads(gold.read_text(encoding="utf-8")).get("document") or {}).get("signer") or {}
    return signer.get("name"), signer.get("position")


def scan_page_image(page: fitz.Page, stem: str, seal_at: fitz.Point | None) -> bytes:
    """One page as a scanner would return it, JPEG bytes (RGB only when it bears the seal)."""
    rng = page_rng(stem, page.number + 1)
    angle = page_angle(rng)
    img = render_gray(page)
    if seal_at is not None:
        scale = DPI / 72
        radius = int(17.5 / 25.4 * DPI)  # a 35 mm seal
        img = stamp(img, (int(seal_at.x * scale), int(seal_at.y * scale)), radius, rng)
    return jpeg(degrade(img, angle, rng))


_APPENDIX = re.compile(r"^PHỤC? LỤC\b")


def appendix_start(doc: fitz.Document) -> int:
    """Index of the first appendix page: a line starting "PHỤ LỤC" (or the typo "PHỤC
    LỤC") in its top half, else the first landscape page, else the page count."""
    for index in range(doc.page_count):
        page = doc[index]
        top = fitz.Rect(0, 0, page.rect.width, page.rect.height * 0.5)
        lines = unicodedata.normalize("NFC", page.get_text(clip=top)).splitlines()
        if any(_APPENDIX.match(line.strip()) for line in lines):
            return index
    for index in range(1, doc.page_count):
        if doc[index].rect.width > doc[index].rect.height:
            return index
    return doc.page_count


def scan_pdf(src: Path, dst: Path, stem: str, signer: tuple[str | None, str | None],
             scanned: range | None = None) -> None:
    """Write `dst`: the pages of `src` in `scanned` as images (all pages by default)."""
    doc = fitz.open(src)
    pages = range(doc.page_count) if scanned is None else scanned
    sig = find_signature(doc, *signer)
    out = fitz.open()
    for index in range(doc.page_count):
        page = doc[index]
        if index not in pages:
            out.insert_pdf(doc, from_page=index, to_page=index)
            continue
        seal = sig[1] if sig and sig[0] == index else None
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=scan_page_image(page, stem, seal))
    out.save(dst, garbage=4, deflate=True)
    out.close()
    doc.close()


def build(samples: Path, stems: list[str], mixed: list[str]) -> None:
    pdf_dir, gold_dir = samples / "pdf", samples / "gold"
    for stem in stems:
        src = pdf_dir / f"{stem}.a.pdf"
        gold = gold_dir / f"{stem}.a.plan.json"
        signer = signer_of(gold)
        scan_pdf(src, pdf_dir / f"{stem}.scan.pdf", stem, signer)
        if gold.exists():
            shutil.copyfile(gold, gold_dir / f"{stem}.scan.plan.json")
        print(f"{stem}.scan.pdf  {(pdf_dir / f'{stem}.scan.pdf').stat().st_size / 1e6:.1f} MB")
    for stem in mixed:
        src = pdf_dir / f"{stem}.a.pdf"
        gold = gold_dir / f"{stem}.a.plan.json"
        with fitz.open(src) as doc:
            first, count = appendix_start(doc), doc.page_count
        scan_pdf(src, pdf_dir / f"{stem}.mixed.pdf", stem, signer_of(gold), range(first, count))
        if gold.exists():
            shutil.copyfile(gold, gold_dir / f"{stem}.mixed.plan.json")
        print(f"{stem}.mixed.pdf  pages {first + 1}-{count} scanned")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stems", nargs="*", help=f"sample stems (default: {', '.join(DEFAULT_STEMS)})")
    ap.add_argument("--samples", type=Path, default=ROOT / "samples")
    ap.add_argument("--mixed", action="append", default=None,
                    help=f"also write <stem>.mixed.pdf (default: {', '.join(DEFAULT_MIXED)})")
    args = ap.parse_args(argv)
    stems = args.stems or list(DEFAULT_STEMS)
    missing = [s for s in stems if not (args.samples / "pdf" / f"{s}.a.pdf").exists()]
    if missing:
        print(f"no {', '.join(m + '.a.pdf' for m in missing)} under {args.samples / 'pdf'}", file=sys.stderr)
        return 1
    mixed = args.mixed if args.mixed is not None else [m for m in DEFAULT_MIXED if m in stems]
    build(args.samples, stems, mixed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
