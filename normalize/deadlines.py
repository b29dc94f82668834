"""Deadline cells ("Quý II/2026", "Thường xuyên", "Tháng 12/2026 và hàng năm") to `Deadline`s.

A cell gives one period (first day..last day) and at most one recurrence. Periods
printed as a list or range ("Quý I, II/2026", "Tháng 10/2025 - Tháng 12/2025", "Quý I/2026:
ban hành; Quý II/2026: triển khai") span from the first day of the first to the last day of
the last. "Từ X" and "X trở đi" leave the end open, "Trước X", "Đến X" and "Chậm nhất X" the
start, "Sau X" starts the day after X. `parse_deadline` never raises; what it cannot read
(or a weekly/daily recurrence, which the contract has no value for) comes back with null
dates and a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kehoach.normalize.dates import month_end, safe_date
from kehoach.normalize.text import clean, fold_chars, strip_accents
from kehoach.schema.plan import Deadline

__all__ = ["parse_deadline", "Period", "find_periods"]

_Y = r"(?:19|20)\d{2}"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Q = r"(?:iv|iii|ii|i|[1-4])(?![a-zà-ỹđ\d])"
_QU = r"q[uú][ýíy]"  # "Quý", "Quí", typed "Qúy" or "Quy" (only before a numeral)
_QWORD = rf"(?:(?:tháng\s*)?{_QU}\s*|(?<![\w])q\.?\s*(?=[1-4i]))"
# Between the items of a list or range of quarters or months: "Quý I, II", "Quý I - Quý II".
_LIST_SEP = r"\s*(?:-|đến|tới|và|,|;|&|\+)\s*"
# A month word: "Tháng 12", or "T12" (not the "t" ending a word such as "đạt").
_MW = r"(?:tháng|(?<![a-zà-ỹđ0-9])t\.?(?=\s*\d))"

_PERIOD = re.compile(
    "|".join((
        rf"(?P<school>năm học\s*(?P<sy1>{_Y})\s*(?:-|/|đến)\s*(?P<sy2>{_Y}))",
        rf"(?P<half>(?:(?P<hn>\d{{1,2}}|sáu|chín|ba)\s*tháng|nửa)\s*(?P<hside>đầu|cuối)\s*(?:năm\s*)?(?P<hy>{_Y})?)",
        rf"(?P<quarter>{_QWORD}(?P<q1>{_Q})(?P<qmore>(?:{_LIST_SEP}(?:{_QU}\s*|q\.?\s*)?{_Q}){{0,3}})"
        rf"(?:\s*,?\s*(?:/|năm|-|\.)?\s*(?P<qy>{_Y}))?)",
        rf"(?P<day>(?:ngày\s*)?(?<!\d)(?P<d>\d{{1,2}})\s*(?P<ds>[/.\-])\s*(?P<dm>\d{{1,2}})\s*(?P=ds)\s*(?P<dy>{_Y})(?!\d))",
        rf"(?P<day2>ngày\s*(?P<d2>\d{{1,2}})\s*tháng\s*(?P<dm2>\d{{1,2}})\s*năm\s*(?P<dy2>{_Y}))",
        rf"(?P<months>(?:{_MW}\s*)?(?<![\d/])(?P<ma>\d{{1,2}})(?P<mmore>(?:{_LIST_SEP}(?:{_MW}\s*)?\d{{1,2}}(?!\d)){{1,11}})"
        rf"\s*(?:/|năm)\s*(?P<msy>{_Y})(?!\d))",
        rf"(?P<month>(?:{_MW}\s*)?(?<![\d/.])(?P<mm>\d{{1,2}})\s*(?:/|\.(?=\d))\s*(?P<my>{_Y})(?!\d|/\s*[a-zđ]))",  # not "12/2025/TT-BTC"
        rf"(?P<month3>{_MW}\s*(?P<mm3>\d{{1,2}})\s*[-.]\s*(?P<my3>{_Y})(?!\d))",
        rf"(?P<month2>tháng\s*(?P<mm2>\d{{1,2}})\s*(?:năm\s*(?P<my2>{_Y}))?(?!\s*/))",
        rf"(?P<years>(?:giai đoạn\s*)?(?<!\d)(?P<yr1>{_Y})\s*(?:-|/|đến|tới)\s*(?:năm\s*)?(?P<yr2>{_Y})(?!\d))",
        rf"(?P<year>(?:năm\s*)?(?<![\d/])(?P<yy>{_Y})(?![\d/]))",
    ))
)
_Q_ITEM = re.compile(_Q)
_M_ITEM = re.compile(r"\d{1,2}(?!\d)")
# OCR reads the "I" of a quarter numeral as "l" or "|": "Quý Il/2026".
_OCR_ROMAN = re.compile(r"(q[uú][ýíy]\s*)([il|1]{1,3}|[il|1]?v)(?=\s*(?:/|năm|-|,|$))")
# OCR reads a zero of a year as the letter O: "2O26".
_OCR_YEAR = re.compile(r"(?<![\w])2[0o][0-9o]{2}(?![\w])")
_NUM_WORDS = {"sáu": 6, "chín": 9, "ba": 3}
_EVERY = r"h[ằàaăẳ]ng|mỗi"
# "6 tháng/lần", "6 tháng một lần", "định kỳ 6 tháng": every N months.
_N_MONTHS = r"(?:(?:{n})\s*tháng\s*(?:/|một|1|01)\s*lần|định kỳ\s*(?:{n})\s*tháng)"
_RECURRENCE = (
    ("continuous", r"thường xuyên|liên tục"),
    ("annual", rf"(?:{_EVERY}) năm|thường niên|(?:các|những) năm (?:học )?(?:tiếp theo|sau)|"
               r"\d+\s*(?:đợt|lần|kỳ)\s*/\s*năm|(?:đợt|lần|kỳ)\s*/\s*năm|năm\s*/\s*(?:1|01|một)?\s*lần|"
               r"định kỳ năm|(?:0?6|sáu) tháng\s*(?:,|và)\s*(?:cả\s*)?năm(?!\s*\d)|"
               + _N_MONTHS.format(n=r"0?6|12|sáu")),
    ("quarterly", rf"(?:{_EVERY}) quý|(?:các|những) quý tiếp theo|\d*\s*(?:đợt|lần|kỳ)\s*/\s*quý|"
                  r"quý\s*/\s*(?:1|01|một)?\s*lần|định kỳ quý|(?:theo|cuối) quý(?!\s*[1-4iv])|"
                  + _N_MONTHS.format(n=r"0?3|ba")),
    ("monthly", rf"(?:{_EVERY}) tháng|(?:các|những) tháng tiếp theo|\d*\s*(?:đợt|lần|kỳ)\s*/\s*tháng|"
                r"tháng\s*/\s*(?:1|01|một)?\s*lần|định kỳ tháng|theo tháng(?!\s*\d)|"
                + _N_MONTHS.format(n=r"0?1|một")),
)
_RECURRENCE_RE = [(name, re.compile(p)) for name, p in _RECURRENCE]
# Weekly and daily work: real recurrences the contract has no value for.
_SHORT_RECURRENCE = re.compile(rf"(?:{_EVERY}) (?:tuần|ngày)|(?:lần|đợt)\s*/\s*(?:tuần|ngày)|tuần\s*/\s*lần")
_RANGE_GAP = re.compile(r"^\s*(?:-|,|;|và|&|\+|đến|tới|đến hết|tới hết|cho đến|đến cuối)\s*(?:ngày|tháng|năm)?\s*$")
# What may stand between two periods of one list besides the separator: a bracketed note
# ("Tháng 11/2025 (triển khai), tháng 12/2025"), a stage label after a colon ("Quý I/2026: ban
# hành; Quý II/2026"), a stage number ("Đợt 1: … ; Đợt 2: …").
_GAP_NOTES = re.compile(r"\([^()]*\)|:[^;,()]*|(?:đợt|bước|lần)\s*\d+\s*:?")
_FROM = re.compile(r"(?:^|[\s(,;:])(?:từ|bắt đầu từ|kể từ|bắt đầu)\s*(?:ngày|tháng|năm)?\s*$")
_ONWARD = re.compile(r"^\s*(?:trở đi|trở về sau|về sau)")
_AFTER = re.compile(r"(?:^|[\s(,;:])sau\s*(?:ngày|tháng|năm)?\s*$")
_BEFORE = re.compile(r"(?:^|[\s(,;:])trước\s*(?:ngày|tháng|năm)?\s*$")
_BY = re.compile(r"(?:^|[\s(,;:])(?:chậm nhất|muộn nhất|đến|đến hết|đến cuối|tới|tới hết|hết|hạn chót)"
                 r"\s*:?\s*(?:là\s*)?(?:trước\s*)?(?:ngày|tháng|năm)?\s*$")


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
        n = 6 if g("hn") is None else (_NUM_WORDS.get(g("hn")) or int(g("hn")))
        if y is None or not 1 <= n <= 12:
            return None, None, False
        if g("hside") == "đầu":
            return safe_date(y, 1, 1), month_end(y, n), False
        return safe_date(y, 13 - n, 1), safe_date(y, 12, 31), False
    if g("quarter"):
        y = _year(g("qy"), default_year)
        q1 = _ROMAN[g("q1")]
        more = _Q_ITEM.findall(g("qmore") or "")
        q2 = _ROMAN[more[-1]] if more else q1
        if y is None or q2 < q1:
            return None, None, False
        return safe_date(y, 3 * q1 - 2, 1), month_end(y, 3 * q2), False
    if g("day") or g("day2"):
        d, mo, y = (g("d"), g("dm"), g("dy")) if g("day") else (g("d2"), g("dm2"), g("dy2"))
        day = safe_date(int(y), int(mo), int(d))
        return day, day, True
    if g("months"):
        y, ma, mb = int(g("msy")), int(g("ma")), int(_M_ITEM.findall(g("mmore"))[-1])
        if not 1 <= ma < mb <= 12:
            return None, None, False
        return safe_date(y, ma, 1), month_end(y, mb), False
    if g("month") or g("month2") or g("month3"):
        mo, y = ((g("mm"), g("my")) if g("month") else (g("mm3"), g("my3")) if g("month3")
                 else (g("mm2"), g("my2")))
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


def _chain(low: str, periods: list[Period]) -> list[Period]:
    """The first period and those joined to it as a list or range ("Quý I, II", "2025 - 2026")."""
    chain = periods[:1]
    for nxt in periods[1:]:
        if not _RANGE_GAP.match(_GAP_NOTES.sub(" ", low[chain[-1].end_pos: nxt.pos])):
            break
        chain.append(nxt)
    return chain


# The words deadlines are written in, by their accent-free form: OCR often gets a tone
# or vowel mark wrong ("hãng năm", "Thuờng xuyên", "Nãm 2026") but rarely a letter.
_VOCABULARY = {strip_accents(w): w for w in (
    "năm", "tháng", "quý", "hằng", "mỗi", "thường", "xuyên", "liên", "tục", "trước", "đến", "hết",
    "định", "kỳ", "niên", "từ", "đầu", "cuối", "học")}
_WORD = re.compile(r"[a-zà-ỹđ]+")


def _repair_marks(low: str) -> str:
    """`low` with every deadline word whose marks OCR slipped spelled right (same length)."""
    def word(m: re.Match) -> str:
        right = _VOCABULARY.get(strip_accents(m.group(0)))
        return right if right and len(right) == len(m.group(0)) else m.group(0)

    return _WORD.sub(word, low)


def _parse_deadline(raw, default_year):
    printed = clean(raw if isinstance(raw, str) else (None if raw is None else str(raw)))
    if not printed:
        return Deadline(raw=None), []
    low = _OCR_ROMAN.sub(lambda m: m.group(1) + m.group(2).replace("l", "i").replace("|", "i").replace("1", "i"),
                         fold_chars(printed))
    low = _OCR_YEAR.sub(lambda m: m.group(0).replace("o", "0"), low)
    low = _repair_marks(low)
    recurrence = _recurrence(low)
    # "Quý I hàng năm": a yearless period that recurs names no one year, whatever the default
    periods = find_periods(low, None if recurrence else default_year)
    start = end = None
    if periods:
        chain = _chain(low, periods)
        first, last = chain[0], chain[-1]
        starts = [p.start for p in chain if p.start]
        ends = [p.end for p in chain if p.end]
        start, end = min(starts, default=None), max(ends, default=None)
        prefix = low[: first.pos]
        if len(chain) > 1:  # a range or list of periods: first day of the first, last day of the last
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
        elif _AFTER.search(prefix) and first.end:  # "Sau 30/6/2026": from the next day on
            start, end = first.end + dt.timedelta(days=1), None
        if len(chain) == 1 and not first.is_range and _ONWARD.match(low[last.end_pos:]):
            end = None  # "Năm 2026 trở đi"
    warnings: list[str] = []
    if not periods and recurrence is None and printed.strip("-–— ."):
        if _SHORT_RECURRENCE.search(low):
            warnings.append(f"weekly or daily recurrence has no contract value: {printed!r}")
        else:
            warnings.append(f"deadline not understood: {printed!r}")
    return Deadline(raw=printed, start=start, end=end, recurrence=recurrence), warnings
