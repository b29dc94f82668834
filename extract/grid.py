"""Ruled tables from geometry: rulings -> merged segments -> table regions -> grid cells.

Small pure functions in the manner of pdfplumber's table.py. Works on any Page, text
layer or OCR, since both carry rulings in page points.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.extract.model import BBox, Ruling

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


def page_grids(rulings: list[Ruling], min_cols: int = 2) -> list[Grid]:
    """Every ruled table on a page, top to bottom."""
    hs, vs = split_rulings(rulings)
    grids = []
    for gh, gv in table_regions(hs, vs):
        grid = build_grid(gh, gv)
        if grid.ncols >= min_cols and grid.nrows >= 1:
            grids.append(grid)
    return grids
