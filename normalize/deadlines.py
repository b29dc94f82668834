"""Deadline cells ("Quý II/2026", "Thường xuyên", "Tháng 12/2026 và hàng năm") to `Deadline`s.

A cell names at most one period (first day..last day) and at most one recurrence.
`parse_deadline` never raises; what it cannot read comes back with null dates and a
warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kehoach.normalize.dates import month_end, safe_date
from kehoach.normalize.text import clean, fold_chars
from kehoach.schema.plan import Deadline

__all__ = ["parse_deadline", "Period", "find_periods"]

_Y = r"(?:19|20)\d{2}"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Q = r"(?:iv|iii|ii|i|[1-4])(?![a-zà-ỹđ\d])"
_QWORD = r"(?:(?:tháng\s*)?qu[ýí]\s*|(?<![\w])q\.?\s*(?=[1-4i]))"

_PERIOD = re.compile(
    "|".join((
        rf"(?P<school>năm học\s*(?P<sy1>{_Y})\s*-\s*(?P<sy2>{_Y}))",
        rf"(?P<half>(?P<hn>\d{{1,2}}|sáu|chín|ba)\s*tháng\s*(?P<hside>đầu|cuối)\s*(?:năm\s*)?(?P<hy>{_Y})?)",
        rf"(?P<quarter>{_QWORD}(?P<q1>{_Q})(?:\s*(?:-|đến|và|,)\s*(?:quý\s*|q)?(?P<q2>{_Q}))?"
        rf"(?:\s*(?:/|năm|-)?\s*(?P<qy>{_Y}))?)",
        rf"(?P<day>(?:ngày\s*)?(?<!\d)(?P<d>\d{{1,2}})\s*[/.]\s*(?P<dm>\d{{1,2}})\s*[/.]\s*(?P<dy>{_Y})(?!\d))",
        rf"(?P<day2>ngày\s*(?P<d2>\d{{1,2}})\s*tháng\s*(?P<dm2>\d{{1,2}})\s*năm\s*(?P<dy2>{_Y}))",
        rf"(?P<months>(?:tháng\s*)?(?<![\d/])(?P<ma>\d{{1,2}})\s*(?:-|,|và|đến)\s*(?:tháng\s*)?(?P<mb>\d{{1,2}})"
        rf"\s*(?:/|năm)\s*(?P<msy>{_Y})(?!\d))",
        rf"(?P<month>(?:tháng\s*)?(?<!\d)(?P<mm>\d{{1,2}})\s*/\s*(?P<my>{_Y})(?!\d))",
        rf"(?P<month2>tháng\s*(?P<mm2>\d{{1,2}})\s*(?:năm\s*(?P<my2>{_Y}))?(?!\s*/))",
        rf"(?P<years>(?:giai đoạn\s*)?(?<!\d)(?P<yr1>{_Y})\s*(?:-|đến|tới)\s*(?:năm\s*)?(?P<yr2>{_Y})(?!\d))",
        rf"(?P<year>(?:năm\s*)?(?<![\d/])(?P<yy>{_Y})(?![\d/]))",
    ))
)
# OCR reads the "I" of a quarter numeral as "l" or "|": "Quý Il/2026".
_OCR_ROMAN = re.compile(r"(qu[ýí]\s*)([il|]{1,3}|[il|]?v)(?=\s*(?:/|năm|-|,|$))")
_NUM_WORDS = {"sáu": 6, "chín": 9, "ba": 3}
_RECURRENCE = (
    ("continuous", r"thường xuyên|liên tục"),
    ("annual", r"h[ằàa]ng năm|mỗi năm|các năm tiếp theo|những năm tiếp theo|các năm sau|"
               r"\d+\s*(?:đợt|lần|kỳ)\s*/\s*năm|(?:đợt|lần)\s*/\s*năm|định kỳ năm"),
    ("quarterly", r"h[ằàa]ng quý|mỗi quý|\d*\s*(?:đợt|lần|kỳ)\s*/\s*quý"),
    ("monthly", r"h[ằàa]ng tháng|mỗi tháng|\d*\s*(?:đợt|lần|kỳ)\s*/\s*tháng"),
)
_RECURRENCE_RE = [(name, re.compile(p)) for name, p in _RECURRENCE]
_RANGE_GAP = re.compile(r"^\s*(?:-|,|và|đến|tới|đến hết|tới hết|cho đến|đến cuối)\s*(?:ngày|tháng|năm)?\s*$")
_FROM = re.compile(r"(?:^|\s)(?:từ|bắt đầu từ|kể từ|bắt đầu)\s*(?:ngày|tháng|năm)?\s*$")
_BEFORE = re.compile(r"(?:^|\s)trước\s*(?:ngày|tháng|năm)?\s*$")
_BY = re.compile(r"(?:^|\s)(?:chậm nhất|đến|đến hết|tới|hạn|hạn chót|xong|hoàn thành)\s*(?:trước\s*)?(?:ngày|tháng|năm)?\s*$")


@dataclass(frozen=True)
class Period:
    """One period named in a text: its first and last day (either may be unknown)."""

    pos: int
    end_pos: int
    start: dt.date | None
    end: dt.date | None
    is_day: bool = False
    is_range: bool = False


def _year(text: str | None, default_year: int | None) -> int | None:
    return int(text) if text else default_year


def _period(m: re.Match, default_year: int | None) -> tuple[dt.date | None, dt.date | None, bool]:
    g = m.group
    if g("school"):
        y1, y2 = int(g("sy1")), int(g("sy2"))
        return safe_date(y1, 9, 1), safe_date(y2, 5, 31), False
    if g("half"):
        y = _year(g("hy"), default_year)
        n = _NUM_WORDS.get(g("hn")) or int(g("hn"))
        if y is None or not 1 <= n <= 12:
            return None, None, False
        if g("hside") == "đầu":
            return safe_date(y, 1, 1), month_end(y, n), False
        return safe_date(y, 13 - n, 1), safe_date(y, 12, 31), False
    if g("quarter"):
        y = _year(g("qy"), default_year)
        q1 = _ROMAN[g("q1")]
        q2 = _ROMAN[g("q2")] if g("q2") else q1
        if y is None or q2 < q1:
            return None, None, False
        return safe_date(y, 3 * q1 - 2, 1), month_end(y, 3 * q2), False
    if g("day") or g("day2"):
        d, mo, y = (g("d"), g("dm"), g("dy")) if g("day") else (g("d2"), g("dm2"), g("dy2"))
        day = safe_date(int(y), int(mo), int(d))
        return day, day, True
    if g("months"):
        y, ma, mb = int(g("msy")), int(g("ma")), int(g("mb"))
        if not 1 <= ma < mb <= 12:
            return None, None, False
        return safe_date(y, ma, 1), month_end(y, mb), False
    if g("month") or g("month2"):
        mo, y = (g("mm"), g("my")) if g("month") else (g("mm2"), g("my2"))
        y = _year(y, default_year)
        if y is None or not 1 <= int(mo) <= 12:
            return None, None, False
        return safe_date(y, int(mo), 1), month_end(y, int(mo)), False
    if g("years"):
        y1, y2 = int(g("yr1")), int(g("yr2"))
        if y2 < y1:
            return None, None, False
        return safe_date(y1, 1, 1), safe_date(y2, 12, 31), False
    if g("year"):
        y = int(g("yy"))
        return safe_date(y, 1, 1), safe_date(y, 12, 31), False
    return None, None, False


def find_periods(text: str, default_year: int | None = None) -> list[Period]:
    """Every dated period named in a (folded) text, in order."""
    out = []
    for m in _PERIOD.finditer(text):
        start, end, is_day = _period(m, default_year)
        if start or end:
            out.append(Period(m.start(), m.end(), start, end, is_day, bool(m.group("years"))))
    return out


def _recurrence(low: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, pattern in _RECURRENCE_RE:
        m = pattern.search(low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


def parse_deadline(raw: str | None, default_year: int | None = None) -> tuple[Deadline, list[str]]:
    """A deadline cell as printed → (`Deadline`, warnings). Never raises.

    `default_year` fills a period printed without its year ("Quý III", "Tháng 9").
    """
    try:
        return _parse_deadline(raw, default_year)
    except Exception as exc:  # a parser bug must not stop a document
        printed = clean(raw if isinstance(raw, str) else None) or None
        return Deadline(raw=printed), [f"deadline not parsed ({type(exc).__name__}): {printed!r}"]


def _parse_deadline(raw, default_year):
    printed = clean(raw if isinstance(raw, str) else (None if raw is None else str(raw)))
    if not printed:
        return Deadline(raw=None), []
    low = _OCR_ROMAN.sub(lambda m: m.group(1) + m.group(2).replace("l", "i").replace("|", "i"),
                         fold_chars(printed))
    recurrence = _recurrence(low)
    periods = find_periods(low, default_year)
    start = end = None
    if periods:
        first = periods[0]
        start, end = first.start, first.end
        prefix = low[: first.pos]
        nxt = periods[1] if len(periods) > 1 else None
        if nxt and _RANGE_GAP.match(low[first.end_pos: nxt.pos]):
            end = nxt.end
            if _BEFORE.search(prefix) or _BY.search(prefix):
                start = None
        elif _FROM.search(prefix) and not first.is_range:
            end = None
        elif _BEFORE.search(prefix):
            start = None
            if not first.is_day and first.start:
                end = first.start - dt.timedelta(days=1)
        elif _BY.search(prefix):
            start = None
    warnings: list[str] = []
    if not periods and recurrence is None and printed.strip("-–— ."):
        warnings.append(f"deadline not understood: {printed!r}")
    return Deadline(raw=printed, start=start, end=end, recurrence=recurrence), warnings
