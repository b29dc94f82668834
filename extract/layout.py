"""Page furniture and reading order: what on a page is content, in which order.

Splits each page into table fragments and text lines outside them, drops page
numbers, and yields one stream of items in reading order for the structure stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Sequence, Union

from kehoach.extract.grid import Hint, column_hints, page_grids
from kehoach.extract.headers import fold
from kehoach.extract.lines import cluster_rows, make_line, split_on_gaps, words_to_lines
from kehoach.extract.model import Line, Page, Word
from kehoach.extract.tables import Fragment, grid_to_fragment

PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s*)?\d{1,3}(?:\s*-)?(?:\s*/\s*\d{1,3})?$", re.I)
#: Page numbers sit in the top or bottom band of the page (fraction of the height).
MARGIN_BAND = 0.09
#: A browser's print stamp ("10/15/25, 9:00 AM", "15/10/2025 09:00").
DATE_TIME = re.compile(
    r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?$"
)
#: A file's address printed in the footer.
ADDRESS = re.compile(r"^(?:file|https?|ftp)://\S+$|^www\.\S+\.\S+$", re.I)
#: A running line repeats at the same height (points) ...
REPEAT_TOLERANCE = 2.0
#: ... on at least this many pages and this share of the document's pages.
REPEAT_MIN_PAGES = 3
REPEAT_MIN_SHARE = 0.5
ELLIPSIS = ("…", "...")
#: The first line of a plan's header block (folded): on page 1 and again at the top of
#: appendix pages. It and what follows it in the top band are content, however often
#: they repeat; a running header sits above it.
HEADER_ANCHOR = re.compile(
    r"^(uy ban nhan dan|ubnd|cong hoa xa hoi chu nghia|dang cong san viet nam|doc lap tu do"
    r"|dang uy|dang bo|ban chi dao|ban chap hanh|hoi dong nhan dan|phu luc)\b"
)


@dataclass(slots=True)
class PageItems:
    page: Page
    lines: list[Line]
    fragments: list[Fragment]
    hints: list[Hint] = field(default_factory=list)


Item = Union[Line, Fragment]


def _in_any(w: Word, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    for b in boxes:
        if b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1:
            return True
    return False


def is_furniture(line: Line, page: Page) -> bool:
    """A page number ("3", "- 3 -", "Trang 3") alone in the top or bottom margin band:
    centred on the page or at its right edge, and no larger than the page's own number
    (a table's STT cell near the page edge is neither)."""
    band = page.height * MARGIN_BAND
    if not (line.bottom <= band or line.top >= page.height - band):
        return False
    if not PAGE_NUMBER.match(line.text):
        return False
    centre = (line.x0 + line.x1) / 2
    placed = abs(centre - page.width / 2) < 0.08 * page.width or line.x0 > 0.85 * page.width
    value = int(re.findall(r"\d+", line.text)[0])
    return placed and 1 <= value <= page.number


def content_words(page: Page) -> list[Word]:
    """The page's words without its page number (alone in a margin band): removed
    before table cells are filled, since a table cut open at the page edge reaches
    into the margin. `furniture_words` does this and more for a whole document."""
    drop = {id(w) for _, _, line, part in _margin_lines(page) if is_furniture(line, page) for w in part}
    return [w for w in page.words if id(w) not in drop] if drop else page.words


def _margin_lines(page: Page) -> list[tuple[str, float, Line, list[Word]]]:
    """Lines in the page's top or bottom margin band: (side, distance from that edge,
    line, its words)."""
    band = page.height * MARGIN_BAND
    edge = [w for w in page.words if w.bottom <= band or w.top >= page.height - band]
    out = []
    for row in cluster_rows(edge):
        for part in split_on_gaps(row):
            line = make_line(part, page.number)
            if line.bottom <= band:
                out.append(("top", line.top, line, part))
            elif line.top >= page.height - band:
                out.append(("bottom", page.height - line.bottom, line, part))
    return out


def _mask(text: str) -> str:
    """A running line's text with its numbers masked ("Trang 2/13" ~ "Trang 3/13")."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip()


def _same_running_text(a: str, b: str) -> bool:
    """Equal masked texts, or one cut short with an ellipsis (a browser fits the page
    title to the page's width: portrait and landscape pages cut it differently)."""
    if a == b:
        return True
    cut_a, cut_b = a.endswith(ELLIPSIS), b.endswith(ELLIPSIS)
    if not (cut_a or cut_b):
        return False
    a0 = a.rstrip(".…").rstrip() if cut_a else a
    b0 = b.rstrip(".…").rstrip() if cut_b else b
    short, long_ = sorted((a0, b0), key=len)
    return len(short) >= 12 and long_.startswith(short)


def is_running_stamp(line: Line) -> bool:
    """A line that is furniture wherever it sits in a margin band: a print date and
    time stamp or a file address."""
    text = line.text.strip()
    return bool(DATE_TIME.match(text) or ADDRESS.match(text))


def furniture_words(pages: Sequence[Page]) -> set[tuple[int, Word]]:
    """The words of every page's furniture, as (page number, word), for the whole
    document at once: page numbers, print stamps and file addresses in a margin band,
    and running headers and footers -- a line in the top or bottom margin band that
    comes back, numbers masked, at the same distance from that edge on most pages (at
    least REPEAT_MIN_PAGES). A plan's header block (page 1, appendices) is not on most
    pages, and a table's rows differ from page to page, so neither is dropped."""
    found: list[tuple[Page, str, float, Line, list[Word], str]] = []
    drop: set[tuple[int, Word]] = set()
    for page in pages:
        lines = _margin_lines(page)
        boxes = [g.bbox for g in page_grids(page.rulings, words=page.words, page_height=page.height)] if lines else []
        anchors = [ln.top for side, _, ln, _ in lines if side == "top" and HEADER_ANCHOR.match(fold(ln.text))]
        block_top = min(anchors) - REPEAT_TOLERANCE if anchors else None
        for side, dist, line, part in lines:
            if is_furniture(line, page):
                drop.update((page.number, w) for w in part)
            elif block_top is not None and side == "top" and line.top >= block_top:
                continue  # the page's header block
            # Words in a ruled table (a row cut at a tight page margin, a header row
            # repeated on every page) are the table's, whatever they look like.
            elif not any(_in_any(w, boxes) for w in part):
                found.append((page, side, dist, line, part, _mask(line.text)))
    need = max(REPEAT_MIN_PAGES, REPEAT_MIN_SHARE * len(pages))
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(found):
        buckets.setdefault((f[1], f[5][:12]), []).append(i)
    for i, (page, side, dist, line, part, masked) in enumerate(found):
        if is_running_stamp(line):
            drop.update((page.number, w) for w in part)
            continue
        if len(pages) < REPEAT_MIN_PAGES:
            continue
        seen = {
            found[j][0].number
            for j in buckets[(side, masked[:12])]
            if abs(found[j][2] - dist) <= REPEAT_TOLERANCE and _same_running_text(found[j][5], masked)
        }
        if len(seen) >= need:
            drop.update((page.number, w) for w in part)
    return drop


def split_page(page: Page, furniture: Optional[set[tuple[int, Word]]] = None, hints: Sequence[Hint] = ()) -> PageItems:
    """Table fragments and the text lines outside them. `furniture` is the document's
    (`furniture_words`); without it, only the page's own page number is dropped.
    `hints`: the columns of the page before's tables with no vertical rules."""
    if furniture is None:
        words = content_words(page)
    else:
        words = [w for w in page.words if (page.number, w) not in furniture]
    grids = page_grids(page.rulings, words=words, page_height=page.height, hints=list(hints))
    fragments = [grid_to_fragment(g, words, page.number) for g in grids]
    boxes = [g.bbox for g in grids]
    free = [w for w in words if not _in_any(w, boxes)]
    lines = words_to_lines(free, page.number)
    return PageItems(page, lines, fragments, column_hints(grids))


def split_pages(pages: Iterable[Page], furniture: Optional[set[tuple[int, Word]]] = None) -> Iterator[PageItems]:
    """`split_page` page after page, each given the columns read on the page before (a
    table with no vertical rules that does not repeat its header keeps them)."""
    hints: list[Hint] = []
    for page in pages:
        items = split_page(page, furniture, hints)
        hints = items.hints
        yield items


def reading_order(items: Iterable[PageItems]) -> list[Item]:
    """Lines and fragments of every page, top to bottom, page after page."""
    out: list[Item] = []
    for pi in items:
        entries: list[tuple[float, float, Item]] = [(ln.top, ln.x0, ln) for ln in pi.lines]
        entries += [(f.bbox[1], f.bbox[0], f) for f in pi.fragments]
        entries.sort(key=lambda e: (e[0], e[1]))
        out.extend(e[2] for e in entries)
    return out
