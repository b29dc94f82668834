"""Target cells ("≥ 90", "Đạt 2% GRDP", "Có", "-", "4 – Nâng cao") to typed `Target`s.

`parse_target` never raises: a form it does not know becomes kind "text" with the
whole cell as label, plus a warning the caller turns into a plan issue. Forms the contract
gives no value for are such text: a range ("90-95%", "90÷95%"), several targets in one cell
("≥ 50% (năm 2026); 100% (năm 2030)"), a change rather than a level ("Tăng 10%", "Giảm 20%"),
a number with words the contract has no comparator for ("Top 10", "Mức 4"), "Có/Không".
Printing variants are read as the symbol they stand for: "> =", "=<", Symbol-font "³ 90",
OCR "9O%" and "l5%", thousands grouped by thin or non-breaking spaces ("1 500").
"""

from __future__ import annotations

import re

from kehoach.normalize.numbers import NUMBER_PATTERN, join_digit_groups, parse_vn_number
from kehoach.normalize.text import clean, fold, fold_chars
from kehoach.schema.plan import Target

__all__ = ["parse_target", "OPERATOR_WORDS"]

# Comparator symbols and their OCR/ASCII variants, rewritten to one symbol first.
_SYMBOLS = (
    ("\uf0b3", "≥"), ("\uf0a3", "≤"), ("\uf03e", ">"), ("\uf03c", "<"),  # Symbol-font code points
    ("> =", ">="), ("= >", "=>"), ("< =", "<="), ("= <", "=<"),  # OCR: "> = 90"
    (">=", "≥"), ("=>", "≥"), ("≧", "≥"), ("⩾", "≥"), ("<=", "≤"), ("=<", "≤"), ("≦", "≤"),
    ("⩽", "≤"), ("％", "%"), ("\u00a0", " "),
)
# A Symbol-font "≥"/"≤" read through a Latin-1 table: "³ 90%", "£ 5" (not "m³").
_LATIN1_SYMBOLS = re.compile(r"(?<!\S)([³£])(?=\s*\d)")
# Comparator words (folded) → contract op. Longest first in the pattern.
OPERATOR_WORDS: dict[str, str] = {
    "≥": ">=", "≤": "<=", ">": ">", "<": "<", "=": "=", "~": "=", "≈": "=",
    "tối thiểu": ">=", "tối thiểu là": ">=", "ít nhất": ">=", "ít nhất là": ">=",
    "không dưới": ">=", "không thấp hơn": ">=", "không ít hơn": ">=", "từ": ">=",
    "đạt từ": ">=", "đạt tối thiểu": ">=", "đạt ít nhất": ">=", "đạt trên": ">",
    "tối thiểu đạt": ">=", "ít nhất đạt": ">=", "đạt không dưới": ">=", "lớn hơn hoặc bằng": ">=",
    "bằng hoặc lớn hơn": ">=", "bằng hoặc cao hơn": ">=", "đạt hơn": ">", "vượt trên": ">",
    "đạt tối đa": "<=", "đạt không quá": "<=", "nhỏ hơn hoặc bằng": "<=", "bằng hoặc nhỏ hơn": "<=",
    "bằng hoặc thấp hơn": "<=",
    "trên": ">", "hơn": ">", "vượt": ">", "cao hơn": ">", "lớn hơn": ">",
    "tối đa": "<=", "không quá": "<=", "không vượt quá": "<=", "không cao hơn": "<=",
    "dưới": "<", "ít hơn": "<", "thấp hơn": "<", "nhỏ hơn": "<", "đạt dưới": "<",
    "bằng": "=", "đạt": "=", "là": "=", "khoảng": "=", "đạt khoảng": "=",
}
_OCR_ZERO = re.compile(r"(?<=\d)[Oo]+(?=[\d%,.\s]|$)")  # OCR: "9O%" is "90%"
_OCR_ONE = re.compile(r"(?<![^\s≥≤<>=(])[l|](?=\d)")  # OCR: "≥ l5%" is "≥ 15%"
_FRACTION = re.compile(rf"^\s*/\s*{NUMBER_PATTERN}(?![\d%])")
_APPROX = {"~", "≈", "khoảng", "đạt khoảng"}
# Words before the comparator that do not change it: "Phấn đấu đạt", "Duy trì", "Hoàn thành".
_LEADS = r"(?:(?:phấn đấu|duy trì|hoàn thành)\s+)?(?:đạt được\s+|đạt\s+(?=[^\d]))?(?:tỷ lệ\s+)?"
_OPS = "|".join(re.escape(w) for w in sorted(OPERATOR_WORDS, key=len, reverse=True))
_NUMERIC = re.compile(
    rf"^{_LEADS}(?:(?P<op>{_OPS})\s*)?(?P<num>{NUMBER_PATTERN})(?:\s*(?P<pct>%))?(?P<rest>.*)$"
)
_BOOL_PREFIX = re.compile(r"^(?:có|đã có)\s*(?:[/,;:\-(]\s*(?=\S)|(?=[≥≤<>\d]))")
_NONE = re.compile(r"^[\s\-_./\\*…]*$|^(?:không áp dụng|n/?a|kxđ)$")
_CHECK_MARKS = "x×✓✔√☑"
_YES = re.compile(rf"^(?:có|đã có|[{_CHECK_MARKS}])(?!\w)")
_YES_OR_NO = re.compile(r"^(?:có|không)\s*/\s*(?:có|không)$")
_FOOTNOTE = re.compile(r"^\s*\*+|\s*\(\*+\)\s*$|\s*\*+\s*$")  # "90%*", "≥ 90% (*)"
_BULLET = re.compile(r"^[-\u2010-\u2015•·]\s+(?=[\d≥≤<>(]|\w)")  # "- ≥ 80%": a bullet, not a minus
_WRAPPED = re.compile(r"^\((.*)\)[.;,]?$")
_NO = re.compile(r"^(?:không|chưa)\b(?!\s*(?:xác định|rõ))")
# "… trở lên" / "… trở xuống" right after the number or after its unit ("Từ 50 người trở lên").
_TAIL = r"\s*(?P<dir>trở lên|trở xuống|trở lại)"
_TAIL_AFTER_NUMBER = re.compile(rf"^{_TAIL}")
_TAIL_AT_END = re.compile(rf"(?<!\S){_TAIL}\s*[.;,]?\s*$")
_RANGE_TAIL = re.compile(rf"^\s*(?:-|đến|tới|÷|~)\s*(?:{NUMBER_PATTERN})")
# Time words after "%/": "20%/năm" is a rate; any other word is what the % is of ("0,5%/GRDP").
_PER_TIME = {"năm", "tháng", "quý", "tuần", "ngày", "kỳ", "đợt", "lần", "khóa", "năm học"}
_LABEL_SEP = re.compile(r"^\s*[-\u2010-\u2015\u2212:]\s*")
_PAREN = re.compile(r"^\s*\((.*?)\)?\s*$")


def _prepare(raw: str | None) -> str:
    s = clean(raw) or ""
    for old, new in _SYMBOLS:
        s = s.replace(old, new)
    s = _LATIN1_SYMBOLS.sub(lambda m: "≥" if m.group(1) == "³" else "≤", s)
    s = _OCR_ZERO.sub(lambda m: "0" * len(m.group(0)), s)
    s = _OCR_ONE.sub("1", s)
    return clean(join_digit_groups(s)) or ""


def _several_targets(low: str) -> bool:
    """Two or more numbers in parts split by ";" or ", " outside brackets: "≥ 50% (2026); 100% (2030)"."""
    depth, parts, current = 0, [], []
    for i, ch in enumerate(low):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == ";" or (ch == "," and low[i + 1: i + 2] == " ")):
            parts.append("".join(current))
            current = []
            continue
        if depth == 0 and ch not in "()[]":
            current.append(ch)
    parts.append("".join(current))
    return sum(1 for part in parts if re.search(r"\d", part)) > 1


def _text(raw: str, year: int | None, warning: str | None) -> tuple[Target, list[str]]:
    """The cell as a text target: its whole printed text is the label."""
    return Target(year=year, raw=raw, kind="text", label=raw or None), [warning] if warning else []


def parse_target(raw: str | None, unit_column: str | None = None,
                 year: int | None = None) -> tuple[Target, list[str]]:
    """One target cell as printed → (`Target`, warnings). Never raises.

    `unit_column` is the row's unit cell ("%", "Người"): the unit of a bare number.
    `year` is the target's horizon, copied to `Target.year`.
    """
    printed = clean(raw if isinstance(raw, str) else ("" if raw is None else str(raw))) or ""
    try:
        return _parse_target(printed, clean(unit_column) or None, year)
    except Exception as exc:  # a parser bug must not stop a document
        return _text(printed, year, f"target not parsed ({type(exc).__name__}): {printed!r}")


def _parse_target(printed: str, column_unit: str | None, year: int | None) -> tuple[Target, list[str]]:
    s = _BULLET.sub("", _prepare(printed))
    wrapped = _WRAPPED.match(s)
    if wrapped and "(" not in wrapped.group(1):
        s = wrapped.group(1).strip()
    low = fold_chars(s)
    if _NONE.match(low):
        return Target(year=year, raw=printed, kind="none"), []
    if not re.search(r"\d", low):
        return _parse_words(printed, s, low, year)
    if _several_targets(low):
        return _text(printed, year, f"several targets in one cell, kept as text: {printed!r}")
    offset = 0
    m = _BOOL_PREFIX.match(low)
    if m:  # "Có/ ≥ 01": the number is the target
        offset = m.end()
    m = _NUMERIC.match(low[offset:])
    if not m:
        return _text(printed, year, f"unrecognized target form: {printed!r}")
    value, warnings = parse_vn_number(m.group("num"))
    if value is None:
        return _text(printed, year, f"unrecognized number in target: {printed!r}")
    op_word = m.group("op")
    op = OPERATOR_WORDS.get(op_word, "=") if op_word else "="
    if op_word in _APPROX:
        warnings.append(f"approximate target read as '=': {printed!r}")
    rest_low = m.group("rest")
    rest = s[offset + m.start("rest"):]
    if isinstance(value, int) and 1900 <= value <= 2100 and rest_low.lstrip().startswith(":"):
        return _text(printed, year, f"one target per year in one cell, kept as text: {printed!r}")
    if _RANGE_TAIL.match(rest_low):
        return _text(printed, year, f"range target kept as text: {printed!r}")
    tail = _TAIL_AFTER_NUMBER.match(rest_low) or _TAIL_AT_END.search(rest_low)
    if tail:  # "từ 80% trở lên"
        if tail.group("dir") == "trở lên":
            op = ">" if op == ">" else ">="  # "Trên 50% trở lên" keeps its "trên"
        else:
            op = "<" if op == "<" else "<="
        rest = rest[:tail.start()] + rest[tail.end():]
    fraction = _FRACTION.match(rest)
    if fraction:  # "16/16 thôn": 16 of 16
        rest = rest[fraction.end():]
    unit, qualifier, label, rest_warnings = _after_number(rest, m.group("pct") is not None, printed)
    if unit and column_unit and fold(unit) == fold(column_unit):
        unit = column_unit
    elif unit and unit.startswith("/") and column_unit:  # "02/năm" in a "Lớp" column: "Lớp/năm"
        unit = column_unit if fold(column_unit).endswith(fold(unit)) else column_unit + unit
    return Target(year=year, raw=printed, kind="numeric", op=op, value=value, unit=unit or column_unit,
                  qualifier=qualifier, label=label), warnings + rest_warnings


def _parse_words(printed: str, s: str, low: str, year: int | None) -> tuple[Target, list[str]]:
    """A cell without a number: yes, no, or a text level ("Mở rộng đa lĩnh vực")."""
    if _YES_OR_NO.match(low):  # "Có/Không": a form's blank choice, neither yes nor no
        return _text(printed, year, f"yes-or-no target kept as text: {printed!r}")
    if _YES.match(low):
        label = None if low == "có" or low in _CHECK_MARKS else s
        return Target(year=year, raw=printed, kind="boolean", value=True, label=label), []
    if _NO.match(low):
        label = None if low == "không" else s
        return Target(year=year, raw=printed, kind="boolean", value=False, label=label), []
    return _text(printed, year, None)


def _after_number(rest: str, pct: bool, printed: str) -> tuple[str | None, str | None, str | None, list[str]]:
    """What follows the number → (unit, qualifier, label, warnings).

    "% GRDP" → qualifier; "– Nâng cao" or "(toàn bộ)" → label; "mô hình" → unit.
    """
    warnings: list[str] = []
    rest = _FOOTNOTE.sub("", rest).strip(" .;,")
    if rest.endswith(")") and "(" not in rest:  # "Có (≥ 01)"
        rest = rest[:-1].strip(" .;,")
    if not pct and rest.startswith("%"):
        pct, rest = True, rest[1:].strip(" .;,")
    unit = "%" if pct else None
    qualifier = label = None
    per = re.match(r"^/\s*(\w+(?:\s+học)?)", rest)
    if per and pct:
        if fold(per.group(1)) in _PER_TIME:  # "20%/năm"
            unit, rest = f"%/{per.group(1)}", rest[per.end():].strip(" .;,)")
        else:  # "0,5%/GRDP": a percentage of GRDP
            rest = rest[1:].strip(" .;,")
    if rest:
        sep = _LABEL_SEP.match(rest)
        paren = _PAREN.match(rest) if rest.startswith("(") else None
        if sep:
            label = rest[sep.end():].strip(" )") or None
        elif paren:
            label = paren.group(1).strip() or None
        elif pct:
            qualifier = rest
        elif len(rest.split()) <= 3 and not re.search(r"\d", rest):
            unit = rest
        else:
            label = rest
        if re.search(r"\d", rest):
            warnings.append(f"target has more than one number, first taken: {printed!r}")
    return unit, qualifier, label, warnings
