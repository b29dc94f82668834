"""Grid + words -> table fragments (one per page) -> logical tables stitched across pages.

A logical table that runs over six pages arrives as six fragments, each with the header
rows again, and a row cut by a page break arrives as two rows, the second with an empty
STT cell. `stitch` undoes both; `finish` maps columns by meaning and classifies the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from rapidfuzz import fuzz

from bisect import bisect_right

from kehoach.extract.grid import Grid, GridCell
from kehoach.extract.headers import classify, fold, is_header_text, load_vocabulary, map_roles, usable
from kehoach.extract.lines import cell_text, join_lines
from kehoach.extract.model import BBox, RawRow, RawTable, Word

ROMAN = re.compile(r"^(?=[IVXLC])(M{0,3})(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$")
GROUP_IN_TEXT = re.compile(r"^(?P<code>(?=[IVXLC])[IVXLC]{1,6}|\d{1,2}|[A-ZĐ])[.)]\s*(?P<title>\S.*)$")
YEAR_CELL = re.compile(r"^(?:năm\s*)?20\d\d$", re.I)
GROUP_LETTER = re.compile(r"^[A-HĐ]\.?$")
NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass(slots=True)
class FragRow:
    cells: list[str]
    bbox: BBox
    #: (c0, c1) spans of the distinct cells that start in this row.
    spans: list[tuple[int, int]]
    min_conf: Optional[float] = None


@dataclass(slots=True)
class Fragment:
    """The part of a table on one page."""

    page: int
    bbox: BBox
    xs: list[float]
    rows: list[FragRow]
    header_rows: int = 0
    open_top: bool = False
    open_bottom: bool = False
    caption: str = ""
    #: Columns read from the words' alignment (no inner vertical rules): they move a
    #: little from page to page with the text.
    inferred: bool = False

    @property
    def ncols(self) -> int:
        return len(self.xs) - 1

    def header(self) -> list[list[str]]:
        return [r.cells for r in self.rows[: self.header_rows]]


def grid_to_fragment(grid: Grid, words: Sequence[Word], page: int) -> Fragment:
    """Text of every cell of one grid; a spanned cell's text sits in its first column."""
    owner = _word_cells(words, grid)
    nc = grid.ncols
    starting: dict[int, list[GridCell]] = {}
    for gc in grid.cells:
        starting.setdefault(gc.r0, []).append(gc)
    rows: list[FragRow] = []
    for r in range(grid.nrows):
        cells = [""] * nc
        spans = []
        confs: list[float] = []
        for gc in starting.get(r, []):
            ws = owner.get(id(gc), [])
            cells[gc.c0] = cell_text(ws)
            spans.append((gc.c0, gc.c1))
            confs.extend(w.conf for w in ws if w.conf is not None)
        bbox = (grid.xs[0], grid.ys[r], grid.xs[-1], grid.ys[r + 1])
        spans.sort()
        if grid.inferred:
            spans = _span_to_end(spans, cells)
        rows.append(FragRow(cells, bbox, spans, min(confs) if confs else None))
    frag = Fragment(page, grid.bbox, grid.xs, rows, open_top=grid.open_top, open_bottom=grid.open_bottom,
                    inferred=grid.inferred)
    frag.header_rows = count_header_rows(frag)
    return frag


def _span_to_end(spans: list[tuple[int, int]], cells: list[str]) -> list[tuple[int, int]]:
    """Spans of a row of a table with no inner vertical rules, where an empty cell shows
    no span: a row whose last text runs over a column boundary (a group title across
    the table) spans to the table's right edge when every cell after it is empty."""
    filled = [i for i, (c0, _) in enumerate(spans) if cells[c0]]
    if not filled:
        return spans
    last = filled[-1]
    c0, c1 = spans[last]
    if c1 == c0 or any(cells[c] for c in range(c1 + 1, len(cells))):
        return spans
    return spans[:last] + [(c0, len(cells) - 1)]


def _cell_index(grid: Grid) -> list[list[Optional[GridCell]]]:
    """The cell covering each elementary (row, column) slot of the grid."""
    index: list[list[Optional[GridCell]]] = [[None] * grid.ncols for _ in range(grid.nrows)]
    for gc in grid.cells:
        for r in range(gc.r0, gc.r1 + 1):
            for c in range(gc.c0, gc.c1 + 1):
                index[r][c] = gc
    return index


def _cell_at(grid: Grid, index: list[list[Optional[GridCell]]], x: float, y: float) -> Optional[GridCell]:
    if not (grid.xs[0] <= x <= grid.xs[-1] and grid.ys[0] <= y <= grid.ys[-1]):
        return None
    c = min(max(bisect_right(grid.xs, x) - 1, 0), grid.ncols - 1)
    r = min(max(bisect_right(grid.ys, y) - 1, 0), grid.nrows - 1)
    return index[r][c]


def _word_cells(words: Sequence[Word], grid: Grid) -> dict[int, list[Word]]:
    """The words of each cell (keyed by id of the cell): the cell holding a word's centre,
    except that a word straddling a cell's top border overflowed from the cell above
    (text in a cell flows down)."""
    index = _cell_index(grid)
    out: dict[int, list[Word]] = {}
    for w in words:
        cx, h = (w.x0 + w.x1) / 2, w.bottom - w.top
        cell = _cell_at(grid, index, cx, (w.top + w.bottom) / 2)
        if cell is not None and w.top < cell.bbox[1] - 0.15 * h:
            cell = _cell_at(grid, index, cx, w.top + 0.1 * h) or cell
        if cell is not None:
            out.setdefault(id(cell), []).append(w)
    return out


def _is_numbering_row(cells: list[str]) -> bool:
    vals = [c for c in cells if c]
    return len(vals) >= 2 and all(NUMBERING.match(c) for c in vals)


def count_header_rows(frag: Fragment) -> int:
    """How many rows at the top of a fragment are column names (or a (1)(2)(3) numbering row)."""
    vocab = load_vocabulary()
    n = 0
    for row in frag.rows:
        vals = [c for c in row.cells if c]
        if not vals:
            break
        if _is_numbering_row(row.cells) and n > 0:
            n += 1
            continue
        hits = sum(1 for c in vals if is_header_text(c, vocab))
        if ROMAN.match(vals[0]) or (re.match(r"^\d+(\.\d+)*\.?$", vals[0]) and not YEAR_CELL.match(vals[0])):
            # A group or data row, unless the rest of the row is column names: then the
            # first cell is an OCR slip of "STT" ("II", "11").
            if not (n == 0 and hits >= 3 and hits * 2 >= len(vals) - 1):
                break
            hits += 1
        # Most cells read as column names: at least two, or all of a lower header row
        # (a lone "Chủ trì" under "Cơ quan thực hiện").
        if hits * 2 >= len(vals) and (hits >= 2 or (n > 0 and hits == len(vals))):
            n += 1
        else:
            break
    return n


def column_names(header: list[list[str]], spans: list[list[tuple[int, int]]], ncols: int) -> list[str]:
    """One name per column, joining the header rows above it ("Phấn đấu … / Năm 2030")."""
    names: list[list[str]] = [[] for _ in range(ncols)]
    for cells, row_spans in zip(header, spans):
        for c0, c1 in row_spans:
            text = cells[c0]
            if not text:
                continue
            for c in range(c0, c1 + 1):
                if text not in names[c]:
                    names[c].append(text)
    return [" / ".join(n) for n in names]


def group_of(row: FragRow, ncols: int) -> Optional[tuple[str, str]]:
    """(code, title) when the row is a group row ("I" | "Đến năm 2030"), else None."""
    cells = row.cells
    first = cells[0].strip()
    starts = [c0 for c0, _ in row.spans]
    # The title spans every column after the first.
    if len(row.spans) <= 2 and any(c0 <= 1 and c1 == ncols - 1 for c0, c1 in row.spans) and ncols > 2:
        if len(row.spans) == 2 and first:
            return (first.rstrip("."), cells[starts[1]].strip())
        m = GROUP_IN_TEXT.match(" ".join(c for c in cells if c).strip())
        if m:
            return (m.group("code"), m.group("title").strip())
    # A Roman numeral (or a group letter "A", "B") in STT, a title beside it, nothing else.
    if ROMAN.match(first) or GROUP_LETTER.match(first):
        rest = [c for c in cells[1:] if c]
        if len(rest) == 1:
            return (first.rstrip("."), rest[0])
    return None


_OPEN_START = re.compile(r"^[a-zà-ỹđ,;:)\-–+•]")
_CLOSED_END = re.compile(r"[.;:!?)]$")


def _looks_continued(prev: list[str], row: FragRow, ordinal_col: Optional[int], unnumbered_rows: bool) -> bool:
    """Is the first body row of a page the rest of the row the page break cut?

    Without an STT the row is not one of its own, unless the table has unnumbered rows
    of its own (sub-task rows); then its cells must read as continuations: text that
    starts in lower case (mid-sentence) or a bullet, against complete cells above.
    """
    if ordinal_col is not None and row.cells[ordinal_col].strip():
        return False
    if ordinal_col is not None and not unnumbered_rows:
        return True
    cont = new = 0
    for above, cell in zip(prev, row.cells):
        cell = cell.strip()
        if not cell:
            continue
        if _OPEN_START.match(cell):
            cont += 1
        elif above.strip() and (_CLOSED_END.search(above.strip()) or len(above) < 40):
            new += 1
    return cont > 0 and cont >= new


def _unnumbered_rows(frags: list[Fragment], ordinal_col: Optional[int], nc: int) -> bool:
    """Does the table have rows without an STT in mid-page (sub-task rows)?"""
    if ordinal_col is None:
        return True
    for f in frags:
        for r in f.rows[f.header_rows + 1 :]:
            if any(r.cells) and not r.cells[ordinal_col].strip() and group_of(r, nc) is None:
                return True
    return False


def _same_layout(a: Fragment, b: Fragment, tol: float = 0.03) -> bool:
    if a.ncols != b.ncols:
        return False
    if a.inferred or b.inferred:
        # Columns read from the text move with it: the same outer edges will do.
        return abs(a.xs[0] - b.xs[0]) <= 3 and abs(a.xs[-1] - b.xs[-1]) <= 3
    wa, wb = a.xs[-1] - a.xs[0], b.xs[-1] - b.xs[0]
    ra = [(x - a.xs[0]) / wa for x in a.xs]
    rb = [(x - b.xs[0]) / wb for x in b.xs]
    return all(abs(x - y) <= tol for x, y in zip(ra, rb))


def continues(prev: Fragment, frag: Fragment, text_between: bool) -> bool:
    """Does `frag` carry on the table whose last fragment is `prev`?"""
    if text_between or frag.page != prev.page + 1 or not _same_layout(prev, frag):
        return False
    # Same columns, right after a page break, nothing written between: the same table,
    # whether or not the header rows were repeated.
    return True


def _repeated_header_rows(first: Fragment, frag: Fragment) -> int:
    """How many leading rows of a continuation fragment repeat the table's header
    (or its (1)(2)(3) numbering row)."""
    header = [" | ".join(fold(c) for c in r) for r in first.header()]
    n = 0
    for row in frag.rows:
        text = " | ".join(fold(c) for c in row.cells)
        # OCR reads the same header a little differently on every page.
        same = n < len(header) and fuzz.ratio(text, header[n]) >= 85
        if same or (n > 0 and _is_numbering_row(row.cells)):
            n += 1
        elif n == 0 and _is_numbering_row(row.cells) and any(_is_numbering_row(r) for r in first.header()):
            n += 1
        else:
            break
    return n


def _strip_prefix(cell: str, head: str) -> Optional[str]:
    """The rest of `cell` after the header text `head` it starts with (folded words
    compared), or None when it does not start with it."""
    words, hw = cell.split(), head.split()
    if len(words) < len(hw) or [fold(w) for w in words[: len(hw)]] != [fold(w) for w in hw]:
        return None
    return " ".join(words[len(hw) :])


def _header_overflow(first: Fragment, frag: Fragment) -> Optional[FragRow]:
    """The rest of the row a page break cut, when the repeated header above it has no
    rule under it (the header is set off by shading alone, or the renderer left the rule
    out): the fragment's first rows are then the header's cells with the row's
    continuation text below the header text, in the same cells. None when the fragment
    does not start so."""
    header = first.header()
    if not header or len(frag.rows) < len(header) or frag.ncols != first.ncols:
        return None
    rest: list[list[str]] = [[] for _ in range(frag.ncols)]
    matched = 0
    for head, row in zip(header, frag.rows):
        for c, cell in enumerate(row.cells):
            if not cell:
                continue
            tail = _strip_prefix(cell, head[c]) if head[c] else None
            if tail is None:
                return None
            matched += 1
            if tail:
                rest[c].append(tail)
    if not any(rest) or matched * 2 < sum(1 for r in header for c in r if c):
        return None
    last = frag.rows[len(header) - 1]
    cells = [join_lines(parts) for parts in rest]
    return FragRow(cells, last.bbox, [(c, c) for c, t in enumerate(cells) if t], last.min_conf)


def stitch(fragments: list[tuple[Fragment, bool]]) -> tuple[list[RawTable], list[int]]:
    """Logical tables from page fragments in reading order. Each item is (fragment,
    text_between): whether text stands between it and the fragment before. Returns the
    tables and, for each fragment, the index of the table it went into."""
    tables: list[list[Fragment]] = []
    owner: list[int] = []
    for frag, text_between in fragments:
        if tables and continues(tables[-1][-1], frag, text_between):
            tables[-1].append(frag)
        else:
            tables.append([frag])
        owner.append(len(tables) - 1)
    return [finish(group) for group in tables], owner


def _numbered_column(frags: list[Fragment], col: int) -> bool:
    """Do the body cells of a column hold row numbers ("1", "2", "I", "1.2")?"""
    vals = [r.cells[col].strip() for f in frags[:1] for r in f.rows[f.header_rows :] if r.cells[col].strip()]
    numbered = [v for v in vals if re.match(r"^(\d+(\.\d+)*\.?|[IVXLC]+\.?)$", v)]
    return bool(vals) and len(numbered) >= 0.8 * len(vals)


def _number_groups(rows: list[RawRow], roles: list[Optional[str]]) -> None:
    """An unmerged group row with an Arabic number: "1 | Chính quyền số | (empty …)"
    followed by rows numbered "1.1", "1.2" is the group of those rows."""
    if "ordinal" not in roles or "name" not in roles:
        return
    o, n = roles.index("ordinal"), roles.index("name")
    for row, nxt in zip(rows, rows[1:]):
        code = row.cells[o].strip().rstrip(".")
        if row.group or not code.isdigit() or not row.cells[n].strip():
            continue
        others = [c for i, c in enumerate(row.cells) if i not in (o, n) and c.strip()]
        if not others and nxt.cells[o].strip().startswith(code + "."):
            row.group = (code, row.cells[n].strip())


def finish(frags: list[Fragment]) -> RawTable:
    """One RawTable from the fragments of one logical table."""
    first = frags[0]
    nc = first.ncols
    header = first.header()
    header_spans = [r.spans for r in first.rows[: first.header_rows]]
    header_cells = [cells for cells in header if not _is_numbering_row(cells)]
    spans_kept = [s for cells, s in zip(header, header_spans) if not _is_numbering_row(cells)]
    columns = column_names(header_cells, spans_kept, nc)
    kind = classify(columns, first.caption)
    roles, years = map_roles(columns, kind)
    if kind != "unknown" and not usable(kind, roles):
        kind = "unknown"
    if "ordinal" not in roles and roles and roles[0] is None and _numbered_column(frags, 0):
        roles[0] = "ordinal"
    ordinal_col = roles.index("ordinal") if "ordinal" in roles else (0 if nc > 2 else None)
    unnumbered = _unnumbered_rows(frags, ordinal_col, nc)
    rows: list[RawRow] = []
    for i, frag in enumerate(frags):
        overflow = _header_overflow(first, frag) if i > 0 else None
        if overflow is not None:
            body = [overflow, *frag.rows[len(first.header()) :]]
        else:
            body = frag.rows[frag.header_rows if i == 0 else _repeated_header_rows(first, frag) :]
        for j, fr in enumerate(body):
            if not any(fr.cells):
                continue
            grp = group_of(fr, nc)
            if (
                j == 0
                and i > 0
                and rows
                and rows[-1].group is None
                and grp is None
                and _looks_continued(rows[-1].cells, fr, ordinal_col, unnumbered)
            ):
                last = rows[-1]
                last.cells = [join_lines([a, b]) for a, b in zip(last.cells, fr.cells)]
                last.pages = tuple(sorted(set(last.pages) | {frag.page}))
                if fr.min_conf is not None:
                    last.min_conf = fr.min_conf if last.min_conf is None else min(last.min_conf, fr.min_conf)
                continue
            rows.append(RawRow(list(fr.cells), frag.page, fr.bbox, grp, fr.min_conf, (frag.page,)))
    _number_groups(rows, roles)
    return RawTable(
        header=header_cells,
        columns=columns,
        roles=roles,
        rows=rows,
        pages=[f.page for f in frags],
        kind=kind,  # type: ignore[arg-type]
        years=years,
        caption=first.caption,
    )
