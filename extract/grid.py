"""Ruled tables from geometry: rulings -> merged segments -> table regions -> grid cells.

Small pure functions in the manner of pdfplumber's table.py. Works on any Page, text
layer or OCR, since both carry rulings in page points.

Not every table rules its columns. Given the page's words, `page_grids` also reads
tables ruled by horizontal lines only, or by an outer box and horizontal lines: their
column boundaries come from the words' alignment (`infer_columns`: strips no line of
text crosses), and a row whose text runs across a boundary spans it. A table whose
outer border is missing (too thick to read as a rule) gets its edges back from the
ends of its horizontal rules.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from kehoach.extract.lines import cluster_rows
from kehoach.extract.model import BBox, Ruling, Word

SNAP = 2.0  # points: coordinates closer than this are one
JOIN = 3.0  # points: collinear segments with a gap up to this are one


@dataclass(frozen=True, slots=True)
class Segment:
    """A merged horizontal (pos = y, span = x0..x1) or vertical (pos = x, span = y0..y1) rule."""

    pos: float
    lo: float
    hi: float


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell of a table grid: rows r0..r1 and columns c0..c1 (inclusive) of the elementary grid."""

    r0: int
    r1: int
    c0: int
    c1: int
    bbox: BBox


@dataclass(slots=True)
class Grid:
    """One ruled table region on one page."""

    bbox: BBox
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    cells: list[GridCell]
    #: True when the region's bottom (top) edge has no rule: the rows run on past it.
    open_bottom: bool = False
    open_top: bool = False
    #: True when some column boundaries were read from the words' alignment, the table
    #: having no (inner) vertical rules.
    inferred: bool = False

    @property
    def ncols(self) -> int:
        return len(self.xs) - 1

    @property
    def nrows(self) -> int:
        return len(self.ys) - 1


def cluster_positions(values: list[float], tol: float) -> list[float]:
    """Representative positions (means) of values closer than tol to each other."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def merge_segments(spans: list[tuple[float, float, float]], snap: float = SNAP, join: float = JOIN) -> list[Segment]:
    """Merge (pos, lo, hi) rules that lie on one line and touch or overlap."""
    if not spans:
        return []
    centers = cluster_positions([s[0] for s in spans], snap)
    by_line: dict[float, list[tuple[float, float]]] = {}
    for pos, lo, hi in spans:
        key = min(centers, key=lambda c: abs(c - pos))
        by_line.setdefault(key, []).append((lo, hi))
    out: list[Segment] = []
    for pos, parts in by_line.items():
        parts.sort()
        cur_lo, cur_hi = parts[0]
        for lo, hi in parts[1:]:
            if lo <= cur_hi + join:
                cur_hi = max(cur_hi, hi)
            else:
                out.append(Segment(pos, cur_lo, cur_hi))
                cur_lo, cur_hi = lo, hi
        out.append(Segment(pos, cur_lo, cur_hi))
    return out


def split_rulings(rulings: list[Ruling]) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical merged segments of a page's rulings."""
    hs = [((r.top + r.bottom) / 2, r.x0, r.x1) for r in rulings if r.horizontal]
    vs = [((r.x0 + r.x1) / 2, r.top, r.bottom) for r in rulings if not r.horizontal]
    return merge_segments(hs), merge_segments(vs)


def _touches(h: Segment, v: Segment, tol: float = JOIN) -> bool:
    return h.lo - tol <= v.pos <= h.hi + tol and v.lo - tol <= h.pos <= v.hi + tol


def table_regions(hs: list[Segment], vs: list[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    """Connected groups of crossing rules with at least 2 horizontals and 2 verticals... or
    one horizontal crossing 2+ verticals (a table cut by page breaks at both ends)."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _touches(h, v):
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    regions = []
    for gh, gv in groups.values():
        if len(gv) >= 2 and len(gh) >= 1 and (len(gh) >= 2 or _spans_height(gv) > 20):
            regions.append((gh, gv))
    regions.sort(key=lambda g: min(s.pos for s in g[0]) if g[0] else min(s.lo for s in g[1]))
    return regions


def _spans_height(vs: list[Segment]) -> float:
    return max(v.hi for v in vs) - min(v.lo for v in vs)


def _covered(segments: list[Segment], pos: float, lo: float, hi: float, tol: float = SNAP) -> bool:
    """Does a segment at `pos` cover most of lo..hi?"""
    need = (hi - lo) * 0.6
    got = 0.0
    for s in segments:
        if abs(s.pos - pos) <= tol:
            got += max(0.0, min(s.hi, hi) - max(s.lo, lo))
    return got >= need


def build_grid(hs: list[Segment], vs: list[Segment]) -> Grid:
    """The cells of one table region, spanned cells merged."""
    xs = cluster_positions([v.pos for v in vs], SNAP)
    ys = cluster_positions([h.pos for h in hs], SNAP)
    v_top = min(v.lo for v in vs)
    v_bottom = max(v.hi for v in vs)
    open_top = open_bottom = False
    # Rows that run past the region's last (first) rule: a page break without a closing rule.
    if not ys or v_bottom - ys[-1] > 4 * SNAP:
        ys.append(v_bottom)
        open_bottom = True
    if v_top < ys[0] - 4 * SNAP:
        ys.insert(0, v_top)
        open_top = True
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(nr):
        for c in range(nc - 1):
            if not _covered(vs, xs[c + 1], ys[r], ys[r + 1]):
                union(r * nc + c, r * nc + c + 1)
    for r in range(nr - 1):
        for c in range(nc):
            if not _covered(hs, ys[r + 1], xs[c], xs[c + 1]):
                union(r * nc + c, (r + 1) * nc + c)
    members: dict[int, list[tuple[int, int]]] = {}
    for r in range(nr):
        for c in range(nc):
            members.setdefault(find(r * nc + c), []).append((r, c))
    cells = []
    for group in members.values():
        r0 = min(r for r, _ in group)
        r1 = max(r for r, _ in group)
        c0 = min(c for _, c in group)
        c1 = max(c for _, c in group)
        cells.append(GridCell(r0, r1, c0, c1, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    cells.sort(key=lambda g: (g.r0, g.c0))
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return Grid(bbox, xs, ys, cells, open_bottom=open_bottom, open_top=open_top)


#: A column gutter is at least this many times the font size wide (a space is ~0.3).
GUTTER_EM = 0.45
#: A row whose words run over at most this many blobs, one of them this share of the
#: table's width, spans the columns (a group row): it does not decide the columns.
SPAN_BLOBS = 2
SPAN_SHARE = 0.6
#: Horizontal rules of one rule-only table start and end within this (points) ...
EXTENT_TOL = 3.0
#: ... and follow each other within this share of the page's height.
RULE_GAP_SHARE = 0.5


def _intervals(words: list[Word], gap: float) -> list[tuple[float, float]]:
    """The x-extents of a row's words merged where closer than `gap` (blobs)."""
    out: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.x0):
        if out and w.x0 - out[-1][1] < gap:
            out[-1][1] = max(out[-1][1], w.x1)
        else:
            out.append([w.x0, w.x1])
    return [(a, b) for a, b in out]


def _font_size(words: list[Word]) -> float:
    sizes = sorted(w.size if w.size > 0 else 0.8 * (w.bottom - w.top) for w in words)
    return sizes[len(sizes) // 2]


def _free_runs(blocked: list[int], limit: int) -> list[tuple[int, int]]:
    """Runs (start, end) of indexes whose count is at most `limit`."""
    runs, start = [], None
    for i, n in enumerate(blocked + [limit + 1]):
        if n <= limit and start is None:
            start = i
        elif n > limit and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _side_is_header(words: list[Word]) -> bool:
    """Do these words (one header cell's, or a side of one) read as a column name?"""
    from kehoach.extract.headers import is_header_text  # the vocabulary, for unbolded headers

    return bool(words) and (all(w.bold for w in words) or is_header_text(" ".join(w.text for w in words)))


def _is_header_row(words: list[Word], gap: float) -> bool:
    """Is a table's first row its header: do most of its cells (runs of text apart by
    a gutter), two at least, read as column names? (Bold is no sign: group rows are
    bold too, and a group title may name "nhiệm vụ".)"""
    from kehoach.extract.headers import is_header_text

    if not words:
        return False
    cells = [[w for w in words if a <= w.x0 and w.x1 <= b] for a, b in _intervals(words, gap)]
    hits = sum(is_header_text(" ".join(w.text for w in c)) for c in cells)
    return hits >= 2 and hits * 2 >= len(cells)


def infer_columns(words: list[Word], x0: float, x1: float, ys: list[float]) -> list[float]:
    """Inner column boundaries of a table with no inner vertical rules, from its words.

    A gutter is an x-strip at least GUTTER_EM wide that no line of the body rows crosses
    (a tenth of them may: cells merged in a row); rows that may span the columns (group
    rows: a code and a title) are left out. The boundary sits in the middle of the part
    of the gutter the header row leaves free too. A boundary the header row crosses (a
    cell over two columns, "Phấn đấu" over the years) needs header cells on both sides
    of it in the line below; a column with no header cell is a justified line's
    stretched spaces (`_headed_columns`)."""
    if not words or len(ys) < 2:
        return []
    size = _font_size(words)
    gap = GUTTER_EM * size
    width = x1 - x0
    bands = [b for b in _bands(words, ys) if b]
    blobs = [_intervals(b, gap) for b in bands]
    # Rows with at most two blobs (a code and a title) may span the columns: left out,
    # unless that leaves too few rows to tell the columns by.
    few = [len(b) <= SPAN_BLOBS for b in blobs]
    wide = [len(b) <= SPAN_BLOBS and max(e - a for a, e in b) > SPAN_SHARE * width for b in blobs]
    skip = few if len(bands) - sum(few) >= max(2, 0.3 * len(bands)) else wide
    counted = [i for i, s in enumerate(skip) if not s]
    if len(counted) < 2:
        return []
    first = counted[0]
    step = 0.5
    n = int(width / step) + 1

    def cover(rows: list[int]) -> list[int]:
        """For each x step, in how many of these rows a line's text runs over it."""
        count = np.zeros(n, dtype=np.int32)
        for i in rows:
            seen = np.zeros(n, dtype=bool)
            for line in cluster_rows(bands[i]):
                for a, b in _intervals(line, gap):
                    seen[max(0, math.ceil((a - x0) / step)): min(n, math.floor((b - x0) / step) + 1)] = True
            count += seen
        return count.tolist()

    # The first row (the header) may cross a boundary (a cell over two columns): the body
    # rows decide where the gutters are, the header where in them, when it leaves one.
    # A body row may cross a boundary now and then (cells merged in one row).
    body, head = cover(counted[1:]), cover([first])
    allow = (len(counted) - 1) // 10
    out: list[float] = []
    widths: list[float] = []  # the width of each boundary's gutter
    for a, b in _free_runs(body, allow):
        if (b - a + 1) * step < gap:  # k free steps lie between texts (k + 1) steps apart
            continue
        # Where in the gutter: free of every row if it can, else of the body rows, else
        # of the header row; the middle of it all when nothing is free of both.
        both = [max(body[j], head[j]) for j in range(a, b)]
        for level in (both, body[a:b], head[a:b]):
            subs = [(s, e) for s, e in _free_runs(level, 0) if (e - s + 1) * step >= gap]
            if subs:
                break
        else:
            subs = [(0, b - a)]
        for s, e in subs:
            if a + s > 0 and a + e < n:  # the table's own margins are no boundary
                out.append(x0 + (a + (s + e - 1) / 2) * step)
                widths.append((e - s) * step)
    # A boundary the first row crosses: kept when the lines below the crossing one (in
    # that row or the next) have header cells both sides.
    if out:
        kept = []
        for i, x in enumerate(out):
            crossing = _crossing_lines(bands[first], x, gap)
            if crossing:
                bottom = max(w.bottom for line in crossing for w in line)
                below = [w for w in bands[first] if w.top >= bottom - 0.5]
                if not below and first + 1 < len(bands):
                    below = bands[first + 1]
                lo = out[i - 1] if i else x0
                hi = out[i + 1] if i + 1 < len(out) else x1
                left = [w for w in below if lo < (w.x0 + w.x1) / 2 < x]
                right = [w for w in below if x < (w.x0 + w.x1) / 2 < hi]
                if _crossing(below, x, gap) or not (_side_is_header(left) and _side_is_header(right)):
                    continue
            kept.append(x)
        widths = [w for x, w in zip(out, widths) if x in kept]
        out = kept
    below = bands[first + 1] if first + 1 < len(bands) else []
    return _headed_columns(out, widths, bands[first], below, x0, x1, [w for i in counted for w in bands[i]])


#: Two spaces of one line within this (points) are alike (justified text stretches all).
JUSTIFIED_TOL = 0.6


def _stretched(x: float, lines: list[list[Word]]) -> int:
    """In how many lines is the space across x as wide as a space next to it (a
    justified line's stretched space, not a gutter)?"""
    count = 0
    for line in lines:
        gaps = [(a.x1, b.x0) for a, b in zip(line, line[1:])]
        for i, (a, b) in enumerate(gaps):
            if a <= x <= b:
                near = [gaps[j][1] - gaps[j][0] for j in (i - 1, i + 1) if 0 <= j < len(gaps)]
                if any(abs((b - a) - g) <= JUSTIFIED_TOL for g in near):
                    count += 1
    return count


def _headed_columns(xs: list[float], widths: list[float], top: list[Word], below: list[Word],
                    x0: float, x1: float, words: list[Word]) -> list[float]:
    """When the table's first row is its header, every column has a header cell: a column
    with none is justified text whose stretched spaces were taken for gutters. It goes
    with the neighbour across the boundary that is a stretched space (as wide as the
    spaces beside it), else across its narrower gutter."""
    gap = GUTTER_EM * _font_size(top) if top else 0.0
    if not _is_header_row(top, gap):
        return xs
    # A header over two rows (cells spanning both sit lower, in the second).
    head = top + (below if _is_header_row(below, gap) else [])
    xs, widths = list(xs), list(widths)
    lines = cluster_rows(words)
    while xs:
        edges = [x0, *xs, x1]
        empty = [c for c in range(len(edges) - 1)
                 if not any(edges[c] < (w.x0 + w.x1) / 2 < edges[c + 1] for w in head)]
        if not empty:
            break
        c = empty[0]
        sides = [i for i in (c - 1, c) if 0 <= i < len(xs)]  # boundaries left and right of column c
        drop = min(sides, key=lambda i: (-_stretched(xs[i], lines), widths[i]))
        del xs[drop], widths[drop]
    return xs


def _crossing_lines(words: list[Word], x: float, gap: float) -> list[list[Word]]:
    """The lines of these words that run across x: a word over it, or two neighbours on
    either side of it closer than a gutter."""
    return [line for line in cluster_rows(words) if any(a < x < b for a, b in _intervals(line, gap))]


def _crossing(words: list[Word], x: float, gap: float) -> bool:
    return bool(_crossing_lines(words, x, gap))


def _bands(words: list[Word], ys: list[float]) -> list[list[Word]]:
    """The words of each row band ys[r]..ys[r + 1] (by their centre)."""
    out: list[list[Word]] = [[] for _ in range(len(ys) - 1)]
    for w in words:
        r = bisect_right(ys, (w.top + w.bottom) / 2) - 1
        if 0 <= r < len(out):
            out[r].append(w)
    return out


#: Column boundaries of the tables of the page before, read from their words: a table
#: continued with no header row repeated keeps them. (left edge, right edge, boundaries)
Hint = tuple[float, float, list[float]]


def _starts_with_header(bands: list[list[Word]], gap: float) -> bool:
    """Does a table start with its header row (or two: a row of cells over two columns
    each, "Phấn đấu", then the row under them)?"""
    from kehoach.extract.headers import is_header_text

    rows = [b for b in bands if b][:2]
    if not rows:
        return False
    if _is_header_row(rows[0], gap):
        return True
    cells = [[w for w in rows[0] if a <= w.x0 and w.x1 <= b] for a, b in _intervals(rows[0], gap)]
    spanning = all(is_header_text(" ".join(w.text for w in c)) for c in cells)
    return spanning and len(rows) > 1 and _is_header_row(rows[1], gap)


def inferred_grid(hs: list[Segment], x0: float, x1: float, words: list[Word],
                  hints: list[Hint] = ()) -> Grid | None:
    """The grid of a table ruled by horizontal lines only (or only an outer box): column
    boundaries from the words' alignment, cut in each row where a line of its text runs
    across them (group rows, a header cell over two columns span those columns). A table
    that does not start with a header row and has the edges of one in `hints` (its part
    on the page before) keeps that part's columns."""
    ys = cluster_positions([h.pos for h in hs], SNAP)
    if len(ys) < 2:
        return None
    inside = [w for w in words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and ys[0] <= (w.top + w.bottom) / 2 <= ys[-1]]
    if not inside:
        return None
    gap = GUTTER_EM * _font_size(inside)
    before = [h[2] for h in hints if abs(h[0] - x0) <= EXTENT_TOL and abs(h[1] - x1) <= EXTENT_TOL]
    found = before[-1] if before and not _starts_with_header(_bands(inside, ys), gap) else infer_columns(inside, x0, x1, ys)
    if not found:
        return None
    vs = [Segment(x0, ys[0], ys[-1]), Segment(x1, ys[0], ys[-1])]
    for r, band in enumerate(_bands(inside, ys)):
        runs = [blob for line in cluster_rows(band) for blob in _intervals(line, gap)]
        vs += [Segment(x, ys[r], ys[r + 1]) for x in found if not any(a < x < b for a, b in runs)]
    grid = build_grid(hs, merge_segments([(v.pos, v.lo, v.hi) for v in vs], join=0.5))
    grid.inferred = True
    return grid


def _rule_only_tables(hs: list[Segment], page_height: float) -> list[list[Segment]]:
    """Groups of horizontal rules that make a table with no vertical rules: at least three
    rules of one extent (same start and end) following each other down the page, with
    the shorter rules between them inside that extent (a rule under a spanned header cell)."""
    full: dict[tuple[float, float], list[Segment]] = {}
    for h in hs:
        key = next((k for k in full if abs(k[0] - h.lo) <= EXTENT_TOL and abs(k[1] - h.hi) <= EXTENT_TOL), None)
        full.setdefault(key or (h.lo, h.hi), []).append(h)
    groups: list[list[Segment]] = []
    boxes: list[tuple[float, float, float, float]] = []
    # Widest first: the rules under a row's cells beside a cell spanning rows (an STT
    # over sub-task rows) have an extent of their own, inside the table's.
    for (lo, hi), segs in sorted(full.items(), key=lambda kv: kv[0][0] - kv[0][1]):
        if hi - lo < 100:
            continue
        segs.sort(key=lambda h: h.pos)
        run = [segs[0]]
        for h in segs[1:] + [None]:
            if h is not None and h.pos - run[-1].pos <= RULE_GAP_SHARE * page_height:
                run.append(h)
                continue
            top, bottom = run[0].pos, run[-1].pos
            inside = any(b[0] - EXTENT_TOL <= lo and hi <= b[1] + EXTENT_TOL and b[2] <= top and bottom <= b[3]
                         for b in boxes)
            if len(run) >= 3 and not inside:
                inner = [s for s in hs if top < s.pos < bottom and s not in run
                         and s.lo >= lo - EXTENT_TOL and s.hi <= hi + EXTENT_TOL]
                groups.append(sorted(run + inner, key=lambda s: s.pos))
                boxes.append((lo, hi, top, bottom))
            if h is not None:
                run = [h]
    return groups


#: Horizontal rules that run on this far (points) past the outermost vertical rule...
OVERHANG = 4 * SNAP


def _with_outer_edges(hs: list[Segment], vs: list[Segment]) -> list[Segment]:
    """A table's vertical rules with its left and right edges added where they are
    missing (an outer border too thick to read as a rule, or none drawn): most of its
    horizontal rules run on past the outermost vertical rule, to the same end."""
    if len(hs) < 2:
        return vs
    lo, hi = min(v.pos for v in vs), max(v.pos for v in vs)
    top, bottom = min(v.lo for v in vs), max(v.hi for v in vs)
    out = list(vs)
    for ends, inside, pick in (([h.lo for h in hs], lo, min), ([h.hi for h in hs], hi, max)):
        beyond = [e for e in ends if abs(e - inside) > OVERHANG and (e < inside if pick is min else e > inside)]
        if len(beyond) * 2 > len(hs):
            x = pick(cluster_positions(beyond, SNAP))
            if sum(1 for e in beyond if abs(e - x) <= SNAP) * 2 > len(hs):
                out.append(Segment(x, top, bottom))
    return out


def page_grids(rulings: list[Ruling], min_cols: int = 2, words: list[Word] | None = None,
               page_height: float = 842.0, hints: list[Hint] = ()) -> list[Grid]:
    """Every ruled table on a page, top to bottom. With the page's `words`, tables ruled
    by horizontal lines only, or with only an outer box, get their columns from the
    words' alignment (`inferred_grid`; `hints`: the page before's, see `column_hints`)."""
    hs, vs = split_rulings(rulings)
    grids = []
    used: set[Segment] = set()
    for gh, gv in table_regions(hs, vs):
        grid = build_grid(gh, _with_outer_edges(gh, gv))
        if grid.ncols >= min_cols and grid.nrows >= 1:
            grids.append(grid)
            used.update(gh)
        elif words is not None and grid.ncols == 1 and len(gh) >= 3:
            # An outer box: the rules inside it (under a spanned header cell) are its own.
            top, bottom = grid.ys[0], grid.ys[-1]
            inner = [h for h in hs if top < h.pos < bottom and h not in gh
                     and h.lo >= grid.xs[0] - EXTENT_TOL and h.hi <= grid.xs[-1] + EXTENT_TOL]
            boxed = inferred_grid(gh + inner, grid.xs[0], grid.xs[-1], words, hints)
            if boxed is not None and boxed.ncols >= min_cols:
                grids.append(boxed)
                used.update(gh + inner)
    if words is not None:
        free = [h for h in hs if h not in used]
        for group in _rule_only_tables(free, page_height):
            lo = min(h.lo for h in group)
            hi = max(h.hi for h in group)
            grid = inferred_grid(group, lo, hi, words, hints)
            if grid is not None and grid.ncols >= min_cols:
                grids.append(grid)
        grids.sort(key=lambda g: g.bbox[1])
    return grids


def column_hints(grids: list[Grid]) -> list[Hint]:
    """The columns read from words on a page, for the page after (`page_grids`)."""
    return [(g.xs[0], g.xs[-1], g.xs[1:-1]) for g in grids if g.inferred]
