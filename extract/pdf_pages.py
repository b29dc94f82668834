"""PDF -> Page objects from the text layer (PyMuPDF: the fast path).

Words come from `rawdict` characters so that each word keeps its font flags (bold,
italic, size); rulings come from the page's vector drawings (lines and thin rectangles).
Pages whose text layer is missing or unusable are handed to OCR (`extract.ocr`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Iterator

import fitz  # PyMuPDF

from kehoach.errors import InputError
from kehoach.extract.model import Page, Ruling, Word
from kehoach.extract.textlayer import image_area, text_layer_usable

#: A drawn rectangle thinner than this (points) is a rule, not a box.
RULE_THICKNESS = 2.5
#: Minimal length of a rule segment (points).
RULE_MIN_LENGTH = 3.0

BOLD_FLAG = 16
ITALIC_FLAG = 2


def open_pdf(path: str | Path) -> fitz.Document:
    """Open a PDF or raise InputError naming the file and the reason."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.is_dir():
        raise InputError(str(path), "is a directory, not a PDF")
    if p.stat().st_size == 0:
        raise InputError(str(path), "empty file")
    with p.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF" not in head:
        raise InputError(str(path), "not a PDF (no %PDF header)")
    try:
        doc = fitz.open(str(p))
    except Exception:  # PyMuPDF raises its own FileDataError/RuntimeError
        raise InputError(str(path), "damaged PDF: cannot be parsed") from None
    if doc.needs_pass:
        raise InputError(str(path), "encrypted PDF (password required)")
    if doc.page_count == 0:
        raise InputError(str(path), "damaged PDF: no pages")
    return doc


def _span_style(span: dict) -> tuple[bool, bool, float]:
    font = span.get("font", "").lower()
    flags = span.get("flags", 0)
    bold = bool(flags & BOLD_FLAG) or "bold" in font or font.endswith(("-bd", ",bold"))
    italic = bool(flags & ITALIC_FLAG) or "italic" in font or "oblique" in font
    return bold, italic, float(span.get("size", 0.0))


def _raw_text(page: fitz.Page) -> dict:
    return page.get_text("rawdict", flags=fitz.TEXT_PRESERVE_WHITESPACE | fitz.TEXT_MEDIABOX_CLIP)


#: The four directions text can run in, as PyMuPDF gives a line's "dir".
_DIRECTIONS = ((1.0, 0.0), (0.0, -1.0), (-1.0, 0.0), (0.0, 1.0))


def reading_direction(raw: dict) -> tuple[float, float]:
    """The direction most of the page's characters run in (unrotated page space).

    (1, 0) on an ordinary page. A landscape appendix put on a portrait page sideways,
    or a page carrying /Rotate, has its text running up or down the page: reading it
    in that direction turns it back into ordinary lines."""
    counts = dict.fromkeys(_DIRECTIONS, 0)
    for block in raw["blocks"]:
        if block.get("type") != 0:
            continue
        for line in block["lines"]:
            dx, dy = line.get("dir", (1.0, 0.0))
            for d in _DIRECTIONS:
                if abs(dx - d[0]) < 0.1 and abs(dy - d[1]) < 0.1:
                    counts[d] += sum(len(s["chars"]) for s in line["spans"])
    best = max(_DIRECTIONS, key=lambda d: (counts[d], d == (1.0, 0.0)))
    return best if counts[best] > counts[(1.0, 0.0)] else (1.0, 0.0)


def reading_frame(page: fitz.Page, direction: tuple[float, float]) -> tuple[fitz.Matrix, float, float]:
    """(matrix from unrotated page space to reading space, width, height) for text that
    runs in `direction`: the matrix turns that direction into left-to-right and puts
    the page's top-left corner at (0, 0)."""
    dx, dy = direction
    m = fitz.Matrix(dx, -dy, dy, dx, 0, 0)
    box = fitz.Rect(page.mediabox) if page.rotation else fitz.Rect(page.rect)
    box = fitz.Rect(0, 0, box.width, box.height) * m
    box.normalize()
    return m * fitz.Matrix(1, 0, 0, 1, -box.x0, -box.y0), box.width, box.height


def page_words(page: fitz.Page, raw: dict | None = None, frame: fitz.Matrix | None = None,
               direction: tuple[float, float] = (1.0, 0.0)) -> list[Word]:
    """Words of a page's text layer, each with its bbox and font style.

    `frame` maps unrotated page space to reading space (see `reading_frame`); only
    lines that run in `direction` are read."""
    words: list[Word] = []
    raw = raw if raw is not None else _raw_text(page)
    for block in raw["blocks"]:
        if block.get("type") != 0:
            continue
        for line in block["lines"]:
            # Only text in the reading direction: rotated stamps and watermarks are
            # not plan content.
            dx, dy = line.get("dir", (1.0, 0.0))
            if abs(dx - direction[0]) > 0.1 or abs(dy - direction[1]) > 0.1:
                continue
            chars: list[tuple[str, tuple[float, float, float, float]]] = []
            style = (False, False, 0.0)

            def flush() -> None:
                if not chars:
                    return
                text = unicodedata.normalize("NFC", "".join(c for c, _ in chars))
                x0 = min(b[0] for _, b in chars)
                x1 = max(b[2] for _, b in chars)
                top = min(b[1] for _, b in chars)
                bottom = max(b[3] for _, b in chars)
                words.append(Word(text, x0, top, x1, bottom, style[0], style[1], style[2]))
                chars.clear()

            for span in line["spans"]:
                span_style = _span_style(span)
                for ch in span["chars"]:
                    c = ch["c"]
                    if c.isspace() or c == "\u00a0":
                        flush()
                        continue
                    bbox = ch["bbox"]
                    if frame is not None:
                        bbox = tuple(fitz.Rect(bbox) * frame)
                    # One text line may run across two table cells with no space
                    # between them: a horizontal gap also ends a word.
                    if chars and bbox[0] - chars[-1][1][2] > 0.25 * max(span_style[2], 4.0):
                        flush()
                    # A style change inside a word (one bold letter) does not split it.
                    if not chars:
                        style = span_style
                    chars.append((c, tuple(bbox)))
            flush()
    return words


def page_rulings(page: fitz.Page, frame: fitz.Matrix | None = None) -> list[Ruling]:
    """Horizontal and vertical rule segments drawn on the page, each cut to the clip
    rectangle it was painted under (Chromium paints a cut table row's side borders
    into the page margin, where a clip path hides them); in reading space when a
    `frame` is given."""
    out = _page_rulings(page)
    if frame is None:
        return out
    turned = []
    for r in out:
        box = fitz.Rect(r.x0, r.top, r.x1, r.bottom) * frame
        box.normalize()
        turned.append(Ruling(box.x0, box.y0, box.x1, box.y1))
    return turned


def _page_rulings(page: fitz.Page) -> list[Ruling]:
    out: list[Ruling] = []
    for path, clip in _clipped_paths(page):
        width = path.get("width") or 0.0
        found: list[Ruling] = []
        for item in path["items"]:
            kind = item[0]
            if kind == "l":
                p0, p1 = item[1], item[2]
                x0, x1 = sorted((p0.x, p1.x))
                y0, y1 = sorted((p0.y, p1.y))
                if (y1 - y0) <= RULE_THICKNESS and (x1 - x0) >= RULE_MIN_LENGTH:
                    y = (y0 + y1) / 2
                    found.append(Ruling(x0, y, x1, y))
                elif (x1 - x0) <= RULE_THICKNESS and (y1 - y0) >= RULE_MIN_LENGTH:
                    x = (x0 + x1) / 2
                    found.append(Ruling(x, y0, x, y1))
            elif kind == "re":
                r = item[1]
                found.extend(_rect_rulings(r.x0, r.y0, r.x1, r.y1, bool(path.get("fill")), width))
            elif kind == "qu":
                r = item[1].rect
                found.extend(_rect_rulings(r.x0, r.y0, r.x1, r.y1, bool(path.get("fill")), width))
        if clip is None:
            out.extend(found)
        else:
            out.extend(c for c in (_clip_ruling(r, clip) for r in found) if c is not None)
    return out


#: A rule this close outside its clip rectangle (points) still shows: half a line width.
CLIP_TOLERANCE = 1.0


def _clipped_paths(page: fitz.Page) -> Iterator[tuple[dict, tuple[float, float, float, float] | None]]:
    """The page's drawn paths, each with the clip rectangle in force (None: no clip).

    `get_drawings(extended=True)` lists clip paths ('clip', with their 'scissor' rect)
    and groups among the drawings; a clip applies to the entries after it that sit at a
    deeper level."""
    stack: list[tuple[int, tuple[float, float, float, float] | None]] = []
    for path in page.get_drawings(extended=True):
        level = path.get("level", 0) or 0
        while stack and stack[-1][0] >= level:
            stack.pop()
        kind = path.get("type")
        if kind in ("clip", "group"):
            outer = stack[-1][1] if stack else None
            rect = outer
            sc = path.get("scissor") if kind == "clip" else None
            if sc is not None:
                box = (sc.x0, sc.y0, sc.x1, sc.y1)
                rect = box if outer is None else (
                    max(box[0], outer[0]), max(box[1], outer[1]), min(box[2], outer[2]), min(box[3], outer[3])
                )
            stack.append((level, rect))
            continue
        yield path, (stack[-1][1] if stack else None)


def _clip_ruling(r: Ruling, clip: tuple[float, float, float, float]) -> Ruling | None:
    """The part of a ruling inside a clip rectangle, None when too little is left.
    An end that overshoots the rectangle by no more than the tolerance is kept (a
    border drawn on the clip's edge)."""
    # Along the rule and across it: (start, end, clip start, clip end).
    if r.horizontal:
        along, across = (r.x0, r.x1, clip[0], clip[2]), (r.top, clip[1], clip[3])
    else:
        along, across = (r.top, r.bottom, clip[1], clip[3]), (r.x0, clip[0], clip[2])
    t = CLIP_TOLERANCE
    if not (across[1] - t <= across[0] <= across[2] + t):
        return None
    a0, a1, lo, hi = along
    b0 = a0 if a0 >= lo - t else lo
    b1 = a1 if a1 <= hi + t else hi
    if b1 - b0 < RULE_MIN_LENGTH:
        return None
    if (b0, b1) == (a0, a1):
        return r
    return Ruling(b0, r.top, b1, r.bottom) if r.horizontal else Ruling(r.x0, b0, r.x1, b1)


#: A filled bar up to this thick (points) and `BAR_RATIO` times as long is a rule too: a
#: thick outer border is often drawn as filled bars.
BAR_THICKNESS = 4.5
BAR_RATIO = 20.0


def _rect_rulings(x0: float, y0: float, x1: float, y1: float, filled: bool, width: float) -> list[Ruling]:
    w, h = x1 - x0, y1 - y0
    if (h <= RULE_THICKNESS and w >= RULE_MIN_LENGTH) or (filled and h <= BAR_THICKNESS and w >= BAR_RATIO * h):
        y = (y0 + y1) / 2
        return [Ruling(x0, y, x1, y)]
    if (w <= RULE_THICKNESS and h >= RULE_MIN_LENGTH) or (filled and w <= BAR_THICKNESS and h >= BAR_RATIO * w):
        x = (x0 + x1) / 2
        return [Ruling(x, y0, x, y1)]
    if filled or w < RULE_MIN_LENGTH or h < RULE_MIN_LENGTH:
        return []
    # A stroked box: its four sides are rules.
    return [Ruling(x0, y0, x1, y0), Ruling(x0, y1, x1, y1), Ruling(x0, y0, x0, y1), Ruling(x1, y0, x1, y1)]


def text_page(page: fitz.Page, number: int) -> Page:
    """The text-layer Page of one PDF page, in its reading orientation: a page whose
    text runs up or down (a sideways landscape appendix, or /Rotate) is turned so that
    its lines read left to right; word and rule boxes are then in that frame."""
    raw = _raw_text(page)
    direction = reading_direction(raw)
    if direction == (1.0, 0.0) and not page.rotation:
        rect = page.rect
        return Page(number, rect.width, rect.height, page_words(page, raw), page_rulings(page))
    frame, width, height = reading_frame(page, direction)
    return Page(number, width, height, page_words(page, raw, frame, direction), page_rulings(page, frame))


#: A page image covering this share of the page makes it a scan.
SCAN_COVER = 0.8


def read_pages(path: str | Path) -> Iterator[Page]:
    """Every page of a PDF as a Page: text layer when usable, else OCR of the page image.

    A "searchable" scan (a page image with an invisible OCR layer, as scanner software
    makes) carries no vector rules, so its tables would be lost: it is OCR'd again
    here, from the image, when Tesseract is available.
    """
    doc = open_pdf(path)
    try:
        for index in range(doc.page_count):
            page = doc[index]
            try:
                tp = text_page(page, index + 1)
            except Exception as exc:
                raise InputError(str(path), f"page {index + 1} cannot be read ({exc})") from None
            covered = image_area(page)
            # The check is statistical: an even sample of a long page's words will do.
            sample = tp.words[:: max(1, len(tp.words) // 300)]
            usable, reason = text_layer_usable(sample, tp.width * tp.height, covered)
            if usable and not tp.words and outlined_text(page):
                usable, reason = False, "text drawn as vector outlines (no text layer): read by OCR"
            if usable and covered >= SCAN_COVER * tp.width * tp.height and not tp.rulings:
                usable, reason = _rescan(tp)
            if usable:
                yield tp
            else:
                from kehoach.extract.ocr import ocr_page  # lazy: the born-digital path needs no OpenCV

                op = ocr_page(page, index + 1)
                op.note = f"{reason}; {op.note}" if op.note else reason  # why, then how it was read
                yield op
    finally:
        doc.close()


#: A page with no text but this many curve segments has its text drawn as glyph outlines
#: (some PDF printers and "convert text to curves" exports do it); rules are straight.
OUTLINE_CURVES = 1000


def outlined_text(page: fitz.Page) -> bool:
    """True when a page without a text layer carries its text as vector glyph outlines."""
    curves = 0
    for path in page.get_drawings():
        curves += sum(1 for item in path["items"] if item[0] == "c")
        if curves >= OUTLINE_CURVES:
            return True
    return False


def _rescan(tp: Page) -> tuple[bool, str]:
    """(keep the text layer?, why) for a page image with a text layer over it."""
    from kehoach.extract.ocr import tesseract_problem

    problem = tesseract_problem()
    if problem:
        tp.note = f"scanned page with a text layer; kept it, as OCR is unavailable ({problem})"
        return True, tp.note
    return False, "scanned page with a text layer but no ruled lines: read again from the image"
