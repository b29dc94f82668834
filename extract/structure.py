"""Reading-order items -> the document's parts: header block, title, body blocks,
closing (signature, "Nơi nhận"), appendices and their tables.

Geometry first: the header block and the signature block are two columns side by
side; body paragraphs start with a first-line indent or a "- "; headings are bold
(or, on OCR'd pages with no font information, numbered and upper-case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from kehoach.extract.headers import fold
from kehoach.extract.lines import join_lines
from kehoach.extract.model import Block, Closing, HeaderBlock, Line, RawTable
from kehoach.extract.tables import Fragment, stitch

TITLE = "ke hoach"
APPENDIX = re.compile(r"^(phu luc|phuc luc)\b")
RECIPIENTS = re.compile(r"^noi nhan\b")
AUTHORITY = re.compile(r"^(KT|TM|T/M|TL|T/L|TUQ|Q)\s*[.:]?\s+\S", re.I)
ROMAN_HEAD = re.compile(r"^[IVXLC]{1,6}\s*[.)]\s*\S")
NUM_HEAD = re.compile(r"^\d{1,2}\s*[.)]\s*\S")
SUB_HEAD = re.compile(r"^(\d{1,2}\.\d{1,2}\.?|[a-zđ]\))\s*\S")
BULLET = re.compile(r"^[-–+•]\s+")
HEADER_START = re.compile(r"^(uy ban nhan dan|ubnd|cong hoa xa hoi chu nghia|dang uy|ban chi dao|hoi dong nhan dan)\b")
LEGAL_START = re.compile(r"^(Căn cứ|Thực hiện|Xét đề nghị)\b")
NOTE = re.compile(r"^\(\s*(kèm theo|ban hành kèm)", re.I)
#: A first-line indent is at least this many points right of the text's left edge.
INDENT = 8.0


@dataclass(slots=True)
class Parts:
    header: HeaderBlock
    blocks: list[Block]
    tables: list[RawTable]
    closing: Closing
    appendix_notes: list[str] = field(default_factory=list)


def _mid(line: Line, width: float) -> float:
    return (line.x0 + line.x1) / 2 / width


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def parse_header(lines: list[Line], width: float) -> HeaderBlock:
    """The two-column block above "KẾ HOẠCH": issuer and number left, motto and date right."""
    hb = HeaderBlock()
    left = [ln for ln in lines if _mid(ln, width) < 0.45]
    right = [ln for ln in lines if _mid(ln, width) >= 0.45]
    for ln in sorted(left, key=lambda ln: ln.top):
        f = fold(ln.text)
        if f.startswith("so"):
            if re.match(r"^s[oố]\s*[:.]?", ln.text, re.I):
                hb.number_line = ln.text
                continue
        if hb.number_line is None:
            hb.issuer_lines.append(ln.text)
    for ln in sorted(right, key=lambda ln: ln.top):
        f = fold(ln.text)
        if re.search(r"\bngay\b.*\bnam\b", f) or re.search(r"\bnam\s+20\d\d\b", f):
            hb.place_date_line = ln.text
    return hb


@dataclass(slots=True)
class _Margins:
    left: float
    right: float


def _margins(lines: list[Line]) -> _Margins:
    """The text column: the smallest left edge that several wide lines share (first-line
    indents and centred lines start further right), and where justified lines end."""
    if not lines:
        return _Margins(0.0, 0.0)
    span = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    wide = [ln for ln in lines if ln.x1 - ln.x0 >= 0.4 * span] or lines
    xs = sorted(round(ln.x0) for ln in wide)
    shared = [x for x in xs if sum(1 for y in xs if abs(y - x) <= 2) >= 2]
    left = float(shared[0] if shared else xs[0])
    rs = sorted(round(ln.x1) for ln in wide)
    right = float(rs[int(len(rs) * 0.9)])
    return _Margins(left, right)


def _justified(lines: list[Line], m: _Margins) -> bool:
    """Is the body text justified: do most long lines end at the right margin?"""
    long = [ln for ln in lines if ln.x1 - ln.x0 >= 0.6 * (m.right - m.left)]
    if not long:
        return False
    return sum(1 for ln in long if ln.x1 >= m.right - 3) >= 0.5 * len(long)


def _line_gap(lines: list[Line]) -> float:
    """The usual space between two lines of one paragraph: a low quantile of the gaps,
    since with many two-line paragraphs half the gaps are paragraph spacing."""
    gaps = sorted(
        b.top - a.bottom
        for a, b in zip(lines, lines[1:])
        if a.page == b.page and 0 <= b.top - a.bottom < 3 * (a.bottom - a.top)
    )
    return gaps[len(gaps) // 4] if gaps else 0.0


def _heading_level(text: str, bold: bool, italic: bool) -> Optional[int]:
    if ROMAN_HEAD.match(text) and (bold or _is_upper(text)):
        return 1
    if not bold:
        return None
    if SUB_HEAD.match(text) or italic:
        return 3
    return 2


def lines_to_blocks(items: list[object], page_width: dict[int, float]) -> list[Block]:
    """Body lines (and table markers) -> heading / para / bullet / table blocks."""
    # One text column per page size: margins do not change from page to page, and a
    # sparse last page has too few lines to tell them.
    by_width: dict[int, list[Line]] = {}
    for it in items:
        if isinstance(it, Line):
            by_width.setdefault(round(page_width[it.page]), []).append(it)
    column = {w: _margins(lines) for w, lines in by_width.items()}
    line_gap = {w: _line_gap(lines) for w, lines in by_width.items()}
    justified = {w: _justified(lines, column[w]) for w, lines in by_width.items()}
    margins_by_page = {p: column[round(w)] for p, w in page_width.items() if round(w) in column}
    blocks: list[Block] = []
    cur: list[Line] = []
    cur_kind = "para"

    def flush() -> None:
        nonlocal cur
        if not cur:
            return
        text = join_lines(ln.text for ln in cur)
        bold = sum(len(ln.text) for ln in cur if ln.bold) * 2 > len(text)
        italic = sum(len(ln.text) for ln in cur if ln.italic) * 2 > len(text)
        kind = cur_kind
        level = None
        if kind == "bullet":
            text = BULLET.sub("", text, count=1)
        else:
            level = _heading_level(text, bold, italic)
            if level is not None:
                kind = "heading"
        first = cur[0]
        bbox = (min(ln.x0 for ln in cur if ln.page == first.page), first.top,
                max(ln.x1 for ln in cur if ln.page == first.page), max(ln.bottom for ln in cur if ln.page == first.page))
        blocks.append(Block(kind, text, first.page, bbox, level, bold, italic))  # type: ignore[arg-type]
        cur = []

    prev: Optional[Line] = None
    for it in items:
        if isinstance(it, int):  # a table marker: index into the document's tables
            flush()
            blocks.append(Block("table", "", 0, (0, 0, 0, 0), table=it))
            prev = None
            continue
        ln: Line = it  # type: ignore[assignment]
        m = margins_by_page[ln.page]
        indent = ln.x0 - m.left
        # A line that wraps a paragraph follows a full-width (justified) line; a new
        # paragraph or bullet starts indented, or after a line that ended short.
        prev_full = prev is not None and prev.x1 >= margins_by_page[prev.page].right - 15
        # Justified text: only a paragraph's last line stops short of the right margin
        # (in ragged-right text every line may).
        prev_short = (
            prev is not None
            and justified.get(round(page_width[prev.page]), False)
            and prev.x1 < m.right - max(25.0, 0.06 * (m.right - m.left))
        )
        gap = line_gap.get(round(page_width[ln.page]), 0.0)
        numbered = ROMAN_HEAD.match(ln.text) or NUM_HEAD.match(ln.text) or SUB_HEAD.match(ln.text)
        if prev is None or not cur:
            starts = True
        elif indent > INDENT:
            starts = True
        elif BULLET.match(ln.text) and not prev_full:
            starts = True
        elif ln.bold != prev.bold:
            starts = True
        elif ln.page == prev.page and ln.top - prev.bottom > gap + 0.25 * (prev.bottom - prev.top):
            starts = True  # paragraph spacing (block paragraphs without an indent)
        elif prev_short and ln.page == prev.page:
            starts = True
        else:
            starts = bool(numbered) and not prev_full
        if starts:
            flush()
            cur_kind = "bullet" if BULLET.match(ln.text) else "para"
        cur.append(ln)
        prev = ln
    flush()
    return blocks


def parse_closing(lines: list[Line], width: float) -> Closing:
    """Recipients (left column, after "Nơi nhận:") and the signature (right column)."""
    closing = Closing(page=lines[0].page if lines else None)
    left = [ln for ln in lines if _mid(ln, width) < 0.5 and ln.x0 < width * 0.4]
    right = [ln for ln in lines if ln not in left]
    items: list[str] = []
    for ln in left:
        text = ln.text
        if RECIPIENTS.match(fold(text)):
            text = re.sub(r"^\s*n[ơo]i\s+nh[ậa]n\s*:?", "", text, flags=re.I).strip()
            if not text:
                continue
        if BULLET.match(text) or not items:
            items.append(BULLET.sub("", text))
        else:
            items[-1] = join_lines([items[-1], text])
    closing.recipients = [re.sub(r"[;.,]+$", "", it).strip() for it in items if it.strip()]
    sig = [ln for ln in right if ln.text.strip()]
    titles: list[str] = []
    for ln in sig:
        t = ln.text.strip()
        if AUTHORITY.match(t):
            if closing.authority is None or t.upper().startswith("KT"):
                closing.authority = t
        elif _is_upper(t):
            titles.append(t)
        elif not re.search(r"\(?(đã ký|ký|đóng dấu)\)?", t, re.I) or len(t.split()) > 1:
            closing.name = t
    if titles:
        closing.position = titles[0]
    return closing


def _is_title(line: Line) -> bool:
    """The document-type line: "KẾ HOẠCH" (also "KẾ HOẠCH HÀNH ĐỘNG"), upper case, alone."""
    f = fold(line.text)
    return (f == TITLE or (f.startswith(TITLE + " ") and len(f) <= 30)) and _is_upper(line.text)


def _turned(sizes: dict[int, tuple[float, float]], a: int, b: int) -> bool:
    """Do pages a and b differ in orientation?"""
    return (sizes[a][0] > sizes[a][1]) != (sizes[b][0] > sizes[b][1])


def _column(lines: list[Line], page: int) -> tuple[float, float]:
    """Left and right edges of the text column on a page (where body lines start and end)."""
    m = _margins([ln for ln in lines if ln.page == page])
    return m.left, m.right


def split_document(items: list[object], page_sizes: dict[int, tuple[float, float]]) -> Parts:
    """Assign every line and fragment of the document to its part."""
    lines = [it for it in items if isinstance(it, Line)]
    title_idx = next((i for i, it in enumerate(items) if isinstance(it, Line) and _is_title(it)), None)
    header = HeaderBlock()
    pos = 0
    if title_idx is not None:
        first_page = items[title_idx].page  # type: ignore[union-attr]
        w = page_sizes[first_page][0]
        header = parse_header([it for it in items[:title_idx] if isinstance(it, Line)], w)
        header.doc_type_line = items[title_idx].text  # type: ignore[union-attr]
        pos = title_idx + 1
        # Subject lines: centred in the text column, right under the title, in one style.
        left, right = _column(lines, first_page)
        first_sub: Optional[Line] = None
        while pos < len(items) and isinstance(items[pos], Line):
            ln: Line = items[pos]  # type: ignore[assignment]
            centred = abs((ln.x0 - left) - (right - ln.x1)) < 25
            if first_sub is None:
                # A plan always has a subject, and it may itself begin "Thực hiện …".
                if not centred:
                    break
                first_sub = ln
            elif ln.bold != first_sub.bold or not (centred or ln.bold) or (LEGAL_START.match(ln.text) and not ln.bold):
                break
            header.title_lines.append(ln.text)
            pos += 1
    # Closing: from "Nơi nhận" (and the signature beside / above it) to the first appendix.
    rec_idx = next((i for i in range(pos, len(items)) if isinstance(items[i], Line) and RECIPIENTS.match(fold(items[i].text))), None)  # type: ignore[union-attr]
    # An appendix starts at its "PHỤ LỤC" line, or (untitled) at the first table after
    # the closing.
    app_idx = next(
        (
            i
            for i in range(rec_idx or pos, len(items))
            if (isinstance(items[i], Line) and APPENDIX.match(fold(items[i].text)))  # type: ignore[union-attr]
            or (rec_idx is not None and isinstance(items[i], Fragment))
        ),
        len(items),
    )
    body_end = rec_idx if rec_idx is not None else app_idx
    closing_items: list[Line] = []
    if rec_idx is not None:
        rec: Line = items[rec_idx]  # type: ignore[assignment]
        pw = page_sizes[rec.page][0]
        # Signature lines just above "Nơi nhận" in the right column belong to the closing.
        while body_end > pos:
            prev = items[body_end - 1]
            if isinstance(prev, Line) and prev.page == rec.page and prev.x0 > pw * 0.45 and rec.top - prev.top < 60:
                body_end -= 1
            else:
                break
        # The closing may run onto the next page; it ends where an appendix's repeated
        # header block (or a landscape page) begins.
        closing_items = []
        for it in items[body_end:app_idx]:
            if isinstance(it, Line):
                if it.page != rec.page and (HEADER_START.match(fold(it.text)) or _turned(page_sizes, rec.page, it.page)):
                    break
                closing_items.append(it)
    body_items = items[pos:body_end]
    # Appendices: title lines, the "(Kèm theo …)" note, then tables (and any text).
    app_items = items[app_idx:]
    notes: list[str] = []
    fragments: list[tuple[Fragment, bool]] = []
    body_stream: list[object] = []
    text_between = True
    caption_lines: list[str] = []
    for it in body_items:
        if isinstance(it, Fragment):
            it.caption = " ".join(caption_lines[-3:])
            fragments.append((it, text_between))
            body_stream.append(("frag", len(fragments) - 1))
            text_between = False
        else:
            body_stream.append(it)
            text_between = True
            caption_lines.append(it.text)  # type: ignore[union-attr]
    in_title = False
    for it in app_items:
        if isinstance(it, Fragment):
            it.caption = " ".join(caption_lines[-4:])
            fragments.append((it, text_between))
            text_between = False
            in_title = False
            continue
        # Any text (a title, the note, a repeated header block) separates two tables.
        text_between = True
        if APPENDIX.match(fold(it.text)):  # type: ignore[union-attr]
            caption_lines = [it.text]  # type: ignore[union-attr]
            in_title = True
        elif NOTE.match(it.text):  # type: ignore[union-attr]
            notes.append(it.text)  # type: ignore[union-attr]
            in_title = False
        elif in_title:
            caption_lines.append(it.text)  # type: ignore[union-attr]
    tables, owner = stitch(fragments)
    # Table markers in the body stream point at the stitched table that holds the fragment.
    stream: list[object] = []
    seen: set[int] = set()
    for it in body_stream:
        if isinstance(it, tuple):
            ti = owner[it[1]]
            if ti not in seen:
                seen.add(ti)
                stream.append(ti)
        else:
            stream.append(it)
    blocks = lines_to_blocks(stream, {p: s[0] for p, s in page_sizes.items()})
    closing = parse_closing(closing_items, page_sizes[closing_items[0].page][0]) if closing_items else Closing()
    return Parts(header, blocks, tables, closing, notes)

