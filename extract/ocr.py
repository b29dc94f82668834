"""OCR of a page image into the same `Page` the text-layer reader gives.

    render 300 dpi → suppress seal/colour ink → quarter turn upright (a landscape page fed
    in portrait, a page upside down) → deskew → binarize
    → rulings by morphology → table cells from the grid
    → Tesseract `vie`: every table cell cropped and stacked into one strip image (one call
      per page, psm 6, so lines of different cells never merge), the rest of the page
      with the tables blanked out (a second call, psm 3: multi-column header block)
    → words placed back in page points with their confidence.

Coordinates are those of the upright, deskewed page, which is what a born-digital page
would give (width and height swapped when a quarter turn was applied).

Orientation costs an upright page only a cheap test of the ink (`quick_orientation`, tens
of milliseconds); Tesseract's OSD (about a second) is asked only when that test finds the
page turned or cannot tell. A page neither can read is taken as upright and its note says so.
"""

from __future__ import annotations

import functools
import re
import shutil
from dataclasses import dataclass
from typing import Optional

import fitz  # PyMuPDF
import numpy as np

from kehoach.errors import OcrUnavailableError
from kehoach.extract.model import Page, Ruling, Word
from kehoach.extract.grid import Grid, page_grids
from kehoach.extract.ocr_fix import (PxWord, fix_dash, fix_hooks, fix_quarters, fix_relations, fix_roman, fix_seven,
                                     ink_box)
from kehoach.extract.ocr_grid import Segment, find_rules
from kehoach.extract.ocr_image import (OCR_DPI, binarize, binarize_lines, level_page, quick_orientation, render_page,
                                       suppress_colour, turn_image)

#: Words (and so cells) read with less confidence than this are worth a look in `issues`.
LOW_CONFIDENCE = 60.0
LANG = "vie"
#: Tesseract page segmentation: psm 6 (one uniform block) for the stacked cells, psm 3
#: (automatic layout) for the text around tables: the header block has two columns.
CELL_PSM = 6
TEXT_PSM = 3
#: Read the cell strip as a black-and-white image (about twice as fast as gray for Tesseract).
STRIP_BINARY = True
#: Pixels cut from each side of a cell before reading it, to drop its rules.
CELL_INSET = 6
#: Blank rows between two stacked cells, and margin, in pixels.
STRIP_GAP = 40
STRIP_MARGIN = 20
#: Text line height (ink box) to font size: Vietnamese diacritics stack above capitals.
LINE_TO_SIZE = 1.07

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"


@functools.lru_cache(maxsize=1)
def tesseract_problem() -> str | None:
    """Why OCR cannot run here, or None when Tesseract with `vie` data is installed."""
    try:
        import pytesseract
    except ImportError:
        return "pytesseract is not installed (pip install pytesseract)"
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return f"tesseract is not installed ({INSTALL_HINT})"
    try:
        langs = pytesseract.get_languages(config="")
    except Exception:  # a broken install: binary present but not runnable
        return f"tesseract cannot run ({INSTALL_HINT})"
    if LANG not in langs:
        return "tesseract has no Vietnamese data (apt-get install tesseract-ocr-vie)"
    return None


def ocr_available() -> bool:
    return tesseract_problem() is None


def require_tesseract(number: int) -> None:
    """Raise OcrUnavailableError naming the page when Tesseract or its `vie` data is missing."""
    problem = tesseract_problem()
    if problem is not None:
        raise OcrUnavailableError(f"page {number} needs OCR but {problem}")


_NONE = re.compile(r"^(None|nan)$")
#: A word of one or two characters read with less confidence than this is a speck of
#: noise or of a seal's colourless rim, not text.
NOISE_CONF = 20.0


def tesseract_words(img: np.ndarray, psm: int, drop_noise: bool = True) -> list[PxWord]:
    """Words of one image, from `image_to_data`, with line heights; empty and "None" dropped,
    and (with `drop_noise`) specks: one or two characters read with very low confidence."""
    import pytesseract

    data = pytesseract.image_to_data(img, lang=LANG, config=f"--psm {psm}",
                                     output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], int] = {}
    for i, level in enumerate(data["level"]):
        if level == 4:
            lines[(data["block_num"][i], data["par_num"][i], data["line_num"][i])] = data["height"][i]
    out: list[PxWord] = []
    for i, level in enumerate(data["level"]):
        text = (data["text"][i] or "").strip()
        conf = max(0.0, float(data["conf"][i]))
        if level != 5 or not text or _NONE.match(text) or (drop_noise and len(text) <= 2 and conf < NOISE_CONF):
            continue
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        out.append(PxWord(text, x, y, x + w, y + h, conf, lines.get(key, h)))
    return out


def lines_removed(gray: np.ndarray, ink: np.ndarray, segs: list[Segment]) -> tuple[np.ndarray, np.ndarray]:
    """Gray and ink with the rules painted out, so they are not read as "|" or "_"."""
    import cv2

    mask = np.zeros(ink.shape, np.uint8)
    for s in segs:
        cv2.line(mask, (s.x0, s.y0), (s.x1, s.y1), 255, 1)
    mask = cv2.dilate(mask, np.ones((9, 9), np.uint8)) & cv2.dilate(ink, np.ones((3, 3), np.uint8))
    gray = gray.copy()
    gray[mask > 0] = 255
    return gray, ink & ~mask


def cells_to_strip(gray: np.ndarray, ink: np.ndarray, cells: list[tuple[int, int, int, int]]
                   ) -> tuple[np.ndarray, list[tuple[int, int, int, int, int]]]:
    """Stack the text of non-blank cells one under another into one white image.

    Returns the image and, per placed cell, (strip_top, strip_bottom, dx, dy, cell index):
    page coordinates = strip coordinates + (dx, dy).
    """
    crops = []
    for k, (x0, y0, x1, y1) in enumerate(cells):
        cx0, cy0, cx1, cy1 = x0 + CELL_INSET, y0 + CELL_INSET, x1 - CELL_INSET, y1 - CELL_INSET
        if cx1 - cx0 < 4 or cy1 - cy0 < 4:
            continue
        box = ink_box(ink[cy0:cy1, cx0:cx1])
        if box is None:
            continue
        bx0, by0, bx1, by1 = box
        pad = 6
        gx0, gy0 = max(cx0, cx0 + bx0 - pad), max(cy0, cy0 + by0 - pad)
        gx1, gy1 = min(cx1, cx0 + bx1 + pad), min(cy1, cy0 + by1 + pad)
        crops.append((k, gx0, gy0, gray[gy0:gy1, gx0:gx1]))
    if not crops:
        return np.full((1, 1), 255, np.uint8), []
    width = max(c.shape[1] for *_, c in crops) + 2 * STRIP_MARGIN
    height = sum(c.shape[0] for *_, c in crops) + STRIP_GAP * (len(crops) - 1) + 2 * STRIP_MARGIN
    strip = np.full((height, width), 255, np.uint8)
    placed = []
    y = STRIP_MARGIN
    for k, gx0, gy0, crop in crops:
        h, w = crop.shape
        strip[y:y + h, STRIP_MARGIN:STRIP_MARGIN + w] = crop
        placed.append((y, y + h, gx0 - STRIP_MARGIN, gy0 - y, k))
        y += h + STRIP_GAP
    return strip, placed


def strip_words_to_cells(words: list[PxWord], placed: list[tuple[int, int, int, int, int]],
                         cells: list[tuple[int, int, int, int]]) -> dict[int, list[PxWord]]:
    """Words read on the strip, moved back to their cell on the page (clipped to it), by cell."""
    out: dict[int, list[PxWord]] = {}
    for w in words:
        cy = (w.y0 + w.y1) / 2
        for top, bottom, dx, dy, k in placed:
            if top - STRIP_GAP / 2 <= cy < bottom + STRIP_GAP / 2:
                x0, y0, x1, y1 = cells[k]
                out.setdefault(k, []).append(PxWord(w.text, max(x0, w.x0 + dx), max(y0, w.y0 + dy),
                                                    min(x1, w.x1 + dx), min(y1, w.y1 + dy), w.conf, w.line_h))
                break
    return out


def read_cells(gray: np.ndarray, ink: np.ndarray, cells: list[tuple[int, int, int, int]]) -> list[PxWord]:
    """Words of every table cell: one Tesseract call on the stacked strip, then repairs."""
    strip, placed = cells_to_strip(gray, ink, cells)
    if not placed:
        return []
    if STRIP_BINARY:
        strip = 255 - binarize(strip)
    words: list[PxWord] = []
    by_cell = strip_words_to_cells(tesseract_words(strip, CELL_PSM, drop_noise=False), placed, cells)
    for *_, k in placed:
        x0, y0, x1, y1 = cells[k]
        cell_ink = ink[y0 + CELL_INSET:y1 - CELL_INSET, x0 + CELL_INSET:x1 - CELL_INSET]
        origin = (x0 + CELL_INSET, y0 + CELL_INSET)
        cell_words = fix_seven(fix_roman(by_cell.get(k, []), cell_ink, origin), cell_ink)
        words += fix_dash(cell_words, cell_ink, origin)
    return words


def blank_tables(gray: np.ndarray, boxes: list[tuple[int, int, int, int]], pad: int = 4) -> np.ndarray:
    """The page with every table region painted white."""
    out = gray.copy()
    for x0, y0, x1, y1 in boxes:
        out[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad] = 255
    return out


def _to_px(bbox: tuple[float, float, float, float], scale: float) -> tuple[int, int, int, int]:
    return tuple(int(round(v / scale)) for v in bbox)  # type: ignore[return-value]


def px_to_word(w: PxWord, scale: float) -> Word:
    size = round(w.line_h * scale * LINE_TO_SIZE * 2) / 2
    return Word(w.text, w.x0 * scale, w.y0 * scale, w.x1 * scale, w.y1 * scale,
                bold=False, italic=False, size=size, conf=w.conf)


def segment_to_ruling(s: Segment, scale: float) -> Ruling:
    return Ruling(s.x0 * scale, s.y0 * scale, s.x1 * scale, s.y1 * scale)


@dataclass(slots=True)
class OcrPage(Page):
    """A Page read from its image. `turn`: degrees clockwise the image was turned to read it
    upright (0, 90, 180, 270); `orientation`: what was found about that. Both are also in
    the page note ("OCR at 300 dpi, turned 90° clockwise …, deskewed +0.80°"), which the
    PDF reader prefixes with why the page was OCR'd, so `issues` explains the page.
    """

    turn: int = 0
    orientation: Optional[str] = None


#: Scale of the image given to Tesseract's OSD (300 dpi → 150 dpi: as reliable, faster).
OSD_SCALE = 0.5
#: OSD's orientation confidence under which its answer is not taken.
OSD_MIN_CONF = 1.0


@dataclass(frozen=True, slots=True)
class Orientation:
    """`turn`: degrees clockwise that make the page upright; `remark`: how that was found,
    when worth a note (a turn, or a page whose orientation could not be told)."""

    turn: int
    remark: Optional[str] = None


def osd_turn(gray: np.ndarray, dpi: int = OCR_DPI) -> tuple[Optional[int], float, str]:
    """(turn, confidence, problem) from Tesseract's orientation detection on a half-size
    image; turn is None when OSD cannot tell (too few characters, low confidence)."""
    import cv2
    import pytesseract

    small = cv2.resize(gray, None, fx=OSD_SCALE, fy=OSD_SCALE, interpolation=cv2.INTER_AREA)
    try:
        osd = pytesseract.image_to_osd(small, config=f"--psm 0 --dpi {int(dpi * OSD_SCALE)}",
                                       output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError as exc:
        reason = "too few characters" if "Too few characters" in str(exc) else "OSD failed"
        return None, 0.0, reason
    conf = float(osd.get("orientation_conf", 0.0))
    if conf < OSD_MIN_CONF:
        return None, conf, f"OSD confidence {conf:.1f}"
    return int(osd["rotate"]) % 360, conf, ""


def page_orientation(gray: np.ndarray, dpi: int = OCR_DPI) -> Orientation:
    """The quarter turn making a (seal-free) page image upright.

    The cheap test decides alone only for an upright page; a turn it finds, or a page it
    cannot tell, is asked of OSD. When OSD cannot tell either, a turn the cheap test was sure
    of is applied, else the page is read as upright; both say so in the remark.
    """
    quick = quick_orientation(gray)
    if quick.turn == 0 or (quick.line_gaps == 0 and quick.updown_ink == 0):  # upright, or blank
        return Orientation(0)
    turn, conf, problem = osd_turn(gray, dpi)
    if turn is not None:
        return Orientation(turn, f"turned {turn}° clockwise to upright (OSD, confidence {conf:.1f})" if turn else None)
    if quick.turn is not None:
        return Orientation(quick.turn, f"turned {quick.turn}° clockwise to upright (by its text lines; "
                                       f"OSD could not tell: {problem})")
    return Orientation(0, f"orientation could not be told (too little text; OSD: {problem}): read as upright")


def ocr_image(rgb: np.ndarray, number: int, width: float, height: float, dpi: int = OCR_DPI,
              orient: bool = True) -> OcrPage:
    """OCR an RGB page image rendered at `dpi` into a Page of `width` x `height` points.

    With `orient`, a page image turned by a quarter or a half turn is first turned upright;
    the Page is then that of the upright page (width and height swapped for a quarter turn).
    """
    gray = suppress_colour(rgb)
    orientation = page_orientation(gray, dpi) if orient else Orientation(0)
    if orientation.turn:
        gray = turn_image(gray, orientation.turn)
        if orientation.turn % 180:
            width, height = height, width
    gray, ink, angle = level_page(gray)
    segs = find_rules(binarize_lines(gray))
    clean_gray, clean_ink = lines_removed(gray, ink, segs)
    scale = 72.0 / dpi
    rulings = [segment_to_ruling(s, scale) for s in segs]
    grids: list[Grid] = page_grids(rulings)
    words: list[PxWord] = []
    cells = [_to_px(c.bbox, scale) for g in grids for c in g.cells]
    if cells:
        words += read_cells(clean_gray, clean_ink, cells)
    rest = blank_tables(clean_gray, [_to_px(g.bbox, scale) for g in grids])
    if ink_box(255 - _threshold(rest)) is not None:
        words += tesseract_words(rest, TEXT_PSM)
    words = fix_hooks(fix_quarters(fix_relations(words, clean_ink)))
    note = ", ".join([f"OCR at {dpi} dpi"] + ([orientation.remark] if orientation.remark else [])
                     + ([f"deskewed {angle:+.2f}°"] if abs(angle) >= 0.01 else []))
    return OcrPage(number, width, height, [px_to_word(w, scale) for w in words], rulings, ocr=True, note=note,
                   turn=orientation.turn, orientation=orientation.remark)


def _threshold(gray: np.ndarray) -> np.ndarray:
    """White where paper (plain threshold: only used to tell a blank page)."""
    return np.where(gray > 160, 255, 0).astype(np.uint8)


def ocr_page(doc_page: fitz.Page, number: int) -> Page:
    """OCR one PDF page (any page: scanned or not) into a Page in PDF points, top-left origin.

    Raises OcrUnavailableError (one line, naming the page) when Tesseract or its Vietnamese
    data is not installed.
    """
    require_tesseract(number)
    rect = doc_page.rect
    return ocr_image(render_page(doc_page, OCR_DPI), number, rect.width, rect.height, OCR_DPI)
