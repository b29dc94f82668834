"""Words -> text lines, and lines -> one string (cell or paragraph text).

A line is a run of words on one baseline with no wide gap: the two-column header
block and the signature block put two lines side by side on one baseline.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Sequence

from kehoach.extract.model import Line, Word

#: A gap wider than this many times the font size splits a baseline into two lines.
COLUMN_GAP = 2.2


def _vcenter(w: Word) -> float:
    return (w.top + w.bottom) / 2


def cluster_rows(words: Sequence[Word]) -> list[list[Word]]:
    """Group words whose vertical centres fall within half a line of each other."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (_vcenter(w), w.x0)):
        h = max(w.bottom - w.top, 1.0)
        if rows:
            last = rows[-1]
            ref = sum(_vcenter(x) for x in last) / len(last)
            ref_h = max(x.bottom - x.top for x in last)
            if abs(_vcenter(w) - ref) <= 0.45 * max(h, ref_h):
                last.append(w)
                continue
        rows.append([w])
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


def _size(words: Sequence[Word]) -> float:
    sizes = [w.size for w in words if w.size > 0]
    if sizes:
        return sorted(sizes)[len(sizes) // 2]
    return sorted(w.bottom - w.top for w in words)[len(words) // 2] * 0.8


def split_on_gaps(row: Sequence[Word], gap: float = COLUMN_GAP) -> list[list[Word]]:
    """Split one baseline where the horizontal gap is wider than `gap` x font size."""
    size = _size(row)
    parts: list[list[Word]] = [[row[0]]]
    for prev, w in zip(row, row[1:]):
        if w.x0 - prev.x1 > gap * size:
            parts.append([w])
        else:
            parts[-1].append(w)
    return parts


def make_line(words: Sequence[Word], page: int) -> Line:
    text = join_words(words)
    bold = sum(len(w.text) for w in words if w.bold) * 2 > sum(len(w.text) for w in words)
    italic = sum(len(w.text) for w in words if w.italic) * 2 > sum(len(w.text) for w in words)
    return Line(
        text=text,
        page=page,
        x0=min(w.x0 for w in words),
        top=min(w.top for w in words),
        x1=max(w.x1 for w in words),
        bottom=max(w.bottom for w in words),
        bold=bold,
        italic=italic,
        size=_size(words),
    )


def words_to_lines(words: Sequence[Word], page: int, gap: float = COLUMN_GAP) -> list[Line]:
    """Lines of a page (or region), top to bottom, left to right within a baseline."""
    lines: list[Line] = []
    for row in cluster_rows(words):
        for part in split_on_gaps(row, gap):
            lines.append(make_line(part, page))
    return lines


def join_words(words: Iterable[Word]) -> str:
    return clean_text(" ".join(w.text for w in words))


_SPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """NFC, whitespace collapsed, trimmed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


_HYPHEN_END = re.compile(r"(\w)-$")
#: A date or year cut by a narrow column: "31/12/202" / "7".
_CUT_NUMBER = re.compile(r"\d/\d{1,3}$")


def join_lines(texts: Iterable[str]) -> str:
    """Join the lines of one cell or paragraph with single spaces. A word split at a
    line-end hyphen ("KH-" / "CN", "57-" / "NQ/TW") is re-joined with its hyphen:
    Vietnamese plans are not auto-hyphenated, so the hyphen is part of the text.
    Likewise a line that ends in a slash ("Lớp/" / "năm"). A spaced dash between names
    ("Văn hóa -" / "Xã hội") keeps its space."""
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out and (_HYPHEN_END.search(out) or out.endswith("/") or (_CUT_NUMBER.search(out) and t[:1].isdigit())):
            out = out + t
        elif out:
            out = out + " " + t
        else:
            out = t
    return clean_text(out)


def cell_text(words: Sequence[Word]) -> str:
    """Text of the words inside one table cell, line by line."""
    if not words:
        return ""
    return join_lines(join_words(row) for row in cluster_rows(words))
