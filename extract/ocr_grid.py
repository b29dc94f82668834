"""Rulings from a deskewed page's ink mask: morphology, then a little geometry.

`ink_to_line_masks` → `masks_to_segments` → `segments_to_tables` → `table_rules`.
Everything is in image pixels; the caller converts to PDF points and finds the cells
with `extract.grid` (the same code as for born-digital pages).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kehoach.extract.grid import cluster_positions

#: Shortest horizontal / vertical rule kept, in pixels at 300 dpi (about 12 and 14 pt).
MIN_H_LEN = 50
MIN_V_LEN = 60
#: Thickest stroke still counted as a rule, pixels.
MAX_THICKNESS = 14
#: Rules closer than this (pixels) are the same grid line.
SNAP = 8
#: A rule outside any table is kept only from this length (pixels; about 36 pt): shorter
#: strokes there are the bars of bold capitals ("T", "Ệ").
MIN_FREE_LEN = 150


@dataclass(frozen=True, slots=True)
class Segment:
    """A rule in pixels: horizontal when y0 == y1 (centre line), vertical when x0 == x1."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def horizontal(self) -> bool:
        return self.y0 == self.y1


def ink_to_line_masks(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal, vertical) masks of long straight strokes, by morphological opening."""
    h_mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (MIN_H_LEN, 1)))
    v_mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, MIN_V_LEN)))
    return h_mask, v_mask


def _components(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [(int(x), int(y), int(w), int(h)) for x, y, w, h, _ in stats[1:n]]


def _merge_collinear(segs: list[Segment], horizontal: bool, gap: int = 12, tol: int = 3) -> list[Segment]:
    """Join segments on one line (positions within `tol`) whose ends are less than `gap` apart."""
    pos = (lambda s: s.y0) if horizontal else (lambda s: s.x0)
    span = (lambda s: (s.x0, s.x1)) if horizontal else (lambda s: (s.y0, s.y1))
    lines: list[list[Segment]] = []
    for s in sorted(segs, key=pos):
        if lines and pos(s) - pos(lines[-1][-1]) <= tol:
            lines[-1].append(s)
        else:
            lines.append([s])
    out: list[Segment] = []
    for line in lines:
        at = int(round(sum(pos(s) for s in line) / len(line)))
        spans = sorted(span(s) for s in line)
        lo, hi = spans[0]
        for a, b in spans[1:] + [(10**9, 10**9)]:
            if a - hi <= gap:
                hi = max(hi, b)
                continue
            out.append(Segment(lo, at, hi, at) if horizontal else Segment(at, lo, at, hi))
            lo, hi = a, b
    return out


def masks_to_segments(h_mask: np.ndarray, v_mask: np.ndarray) -> list[Segment]:
    """Rule segments (centre lines) from the line masks; thick blobs are not rules."""
    hs = [Segment(x, y + h // 2, x + w, y + h // 2) for x, y, w, h in _components(h_mask)
          if w >= MIN_H_LEN and h <= MAX_THICKNESS]
    vs = [Segment(x + w // 2, y, x + w // 2, y + h) for x, y, w, h in _components(v_mask)
          if h >= MIN_V_LEN and w <= MAX_THICKNESS]
    return _merge_collinear(hs, True) + _merge_collinear(vs, False)


def _cluster(values: list[int], snap: int = SNAP) -> list[int]:
    """Sorted positions with neighbours closer than `snap` merged into their mean."""
    return [int(round(v)) for v in cluster_positions(values, snap)]


def segments_to_tables(segs: list[Segment], shape: tuple[int, int]) -> list[list[Segment]]:
    """Group segments that touch; groups with at least 2 rules each way may be tables."""
    canvas = np.zeros(shape, np.uint8)
    for s in segs:
        cv2.line(canvas, (s.x0, s.y0), (s.x1, s.y1), 255, 1)
    canvas = cv2.dilate(canvas, np.ones((2 * SNAP + 1, 2 * SNAP + 1), np.uint8))
    n, labels = cv2.connectedComponents(canvas, connectivity=8)
    groups: dict[int, list[Segment]] = {}
    for s in segs:
        groups.setdefault(int(labels[s.y0, s.x0]), []).append(s)
    tables = []
    for group in groups.values():
        hs = [s for s in group if s.horizontal]
        vs = [s for s in group if not s.horizontal]
        if len(_cluster([s.y0 for s in hs])) >= 2 and len(_cluster([s.x0 for s in vs])) >= 2:
            tables.append(group)
    return sorted(tables, key=lambda g: min(s.y0 for s in g))


def _touches(s: Segment, others: list[Segment]) -> bool:
    """Whether an end of `s` meets one of the perpendicular `others` (a grid joint)."""
    for o in others:
        if s.horizontal:
            if o.y0 - SNAP <= s.y0 <= o.y1 + SNAP and min(abs(o.x0 - s.x0), abs(o.x0 - s.x1)) <= SNAP:
                return True
        elif o.x0 - SNAP <= s.x0 <= o.x1 + SNAP and min(abs(o.y0 - s.y0), abs(o.y0 - s.y1)) <= SNAP:
            return True
    return False


def table_rules(group: list[Segment]) -> list[Segment]:
    """The rules of a table group that meet a perpendicular rule at an end (letter bars do not)."""
    hs = [s for s in group if s.horizontal]
    vs = [s for s in group if not s.horizontal]
    return [s for s in hs if _touches(s, vs)] + [s for s in vs if _touches(s, hs)]


def find_rules(ink: np.ndarray) -> list[Segment]:
    """The page's rules: those of ruled tables (meeting another rule at an end), and free
    rules long enough not to be letter strokes (the underline under the national motto)."""
    h_mask, v_mask = ink_to_line_masks(ink)
    segs = masks_to_segments(h_mask, v_mask)
    rules: list[Segment] = []
    used: set[Segment] = set()
    for group in segments_to_tables(segs, ink.shape[:2]):
        kept = table_rules(group)
        if sum(s.horizontal for s in kept) >= 1 and sum(not s.horizontal for s in kept) >= 2:
            rules += kept
            used.update(group)
    rules += [s for s in segs if s not in used and max(s.x1 - s.x0, s.y1 - s.y0) >= MIN_FREE_LEN]
    return rules
