"""Vietnamese dates: "22/12/2024", "01/4/2025", "ngày 22 tháng 12 năm 2024"."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kehoach.normalize.text import fold_chars

__all__ = ["parse_vn_date", "safe_date", "month_end", "DATE_PATTERNS"]

_Y = r"(?:19|20)\d{2}"
DATE_PATTERNS = (
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*[/.\-]\s*(?P<m>\d{{1,2}})\s*[/.\-]\s*(?P<y>{_Y})(?!\d)"),
    re.compile(rf"ngày\s*(?P<d>\d{{1,2}})\s*tháng\s*(?P<m>\d{{1,2}})\s*năm\s*(?P<y>{_Y})(?!\d)"),
)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """`date(year, month, day)` or None when that day does not exist."""
    try:
        return dt.date(year, month, day)
    except (ValueError, TypeError, OverflowError):
        return None


def month_end(year: int, month: int) -> dt.date | None:
    if not (1 <= month <= 12) or not (1 <= year <= 9999):
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_vn_date(text: str | None) -> dt.date | None:
    """The first complete date in the text; None when there is none or it is invalid."""
    if not text or not isinstance(text, str):
        return None
    low = fold_chars(text)
    found = []
    for pattern in DATE_PATTERNS:
        m = pattern.search(low)
        if m:
            found.append(m)
    for m in sorted(found, key=lambda m: m.start()):
        d = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            return d
    return None
