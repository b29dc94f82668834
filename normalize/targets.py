"""Target cells ("≥ 90", "Đạt 2% GRDP", "Có", "-", "4 – Nâng cao") to typed `Target`s.

`parse_target` never raises: a form it does not know becomes kind "text" with the
whole cell as label, plus a warning the caller turns into a plan issue.
"""

from __future__ import annotations

import re

from kehoach.normalize.numbers import NUMBER_PATTERN, parse_vn_number
from kehoach.normalize.text import clean, fold, fold_chars
from kehoach.schema.plan import Target

__all__ = ["parse_target", "OPERATOR_WORDS"]

# Comparator symbols and their OCR/ASCII variants, rewritten to one symbol first.
_SYMBOLS = (
    (">=", "≥"), ("=>", "≥"), ("≧", "≥"), ("⩾", "≥"), ("<=", "≤"), ("=<", "≤"), ("≦", "≤"),
    ("⩽", "≤"), ("％", "%"), ("\u00a0", " "),
)
# Comparator words (folded) → contract op. Longest first in the pattern.
OPERATOR_WORDS: dict[str, str] = {
    "≥": ">=", "≤": "<=", ">": ">", "<": "<", "=": "=", "~": "=", "≈": "=",
    "tối thiểu": ">=", "tối thiểu là": ">=", "ít nhất": ">=", "ít nhất là": ">=",
    "không dưới": ">=", "không thấp hơn": ">=", "không ít hơn": ">=", "từ": ">=",
    "đạt từ": ">=", "đạt tối thiểu": ">=", "đạt ít nhất": ">=", "đạt trên": ">",
    "trên": ">", "hơn": ">", "vượt": ">", "cao hơn": ">", "lớn hơn": ">",
    "tối đa": "<=", "không quá": "<=", "không vượt quá": "<=", "không cao hơn": "<=",
    "dưới": "<", "ít hơn": "<", "thấp hơn": "<", "nhỏ hơn": "<", "đạt dưới": "<",
    "bằng": "=", "đạt": "=", "là": "=", "khoảng": "=", "đạt khoảng": "=",
}
_OCR_ZERO = re.compile(r"(?<=\d)[Oo]+(?=[\d%,.\s]|$)")  # OCR: "9O%" is "90%"
_FRACTION = re.compile(rf"^\s*/\s*{NUMBER_PATTERN}(?![\d%])")
_APPROX = {"~", "≈", "khoảng", "đạt khoảng"}
_LEADS = r"(?:phấn đấu\s+)?(?:đạt được\s+|đạt\s+(?=[^\d]))?"
_OPS = "|".join(re.escape(w) for w in sorted(OPERATOR_WORDS, key=len, reverse=True))
_NUMERIC = re.compile(
    rf"^{_LEADS}(?:(?P<op>{_OPS})\s*)?(?P<num>{NUMBER_PATTERN})(?:\s*(?P<pct>%))?(?P<rest>.*)$"
)
_BOOL_PREFIX = re.compile(r"^(?:có|đã có)\s*[/,;:\-(]\s*(?=\S)")
_NONE = re.compile(r"^[\s\-_./\\*]*$|^(?:không áp dụng|n/?a|kxđ)$")
_YES = re.compile(r"^(?:có|đã có|x|×)(?!\w)")
_WRAPPED = re.compile(r"^\((.*)\)[.;,]?$")
_NO = re.compile(r"^(?:không|chưa)\b")
_AT_LEAST_TAIL = re.compile(r"^\s*(?:trở lên|trở lên\.?)")
_AT_MOST_TAIL = re.compile(r"^\s*(?:trở xuống|trở lại)")
_RANGE_TAIL = re.compile(rf"^\s*(?:-|đến|tới)\s*(?:{NUMBER_PATTERN})")
_LABEL_SEP = re.compile(r"^\s*[-\u2010-\u2015\u2212:]\s*")
_PAREN = re.compile(r"^\s*\((.*?)\)?\s*$")


def _prepare(raw: str | None) -> str:
    s = clean(raw) or ""
    for old, new in _SYMBOLS:
        s = s.replace(old, new)
    s = _OCR_ZERO.sub(lambda m: "0" * len(m.group(0)), s)
    return clean(s) or ""


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
    s = _prepare(printed)
    wrapped = _WRAPPED.match(s)
    if wrapped and "(" not in wrapped.group(1):
        s = wrapped.group(1).strip()
    low = fold_chars(s)
    if _NONE.match(low):
        return Target(year=year, raw=printed, kind="none"), []
    if not re.search(r"\d", low):
        return _parse_words(printed, s, low, year)
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
    tail = _AT_LEAST_TAIL.match(rest_low) or _AT_MOST_TAIL.match(rest_low)
    if tail:  # "từ 80% trở lên"
        op = ">=" if _AT_LEAST_TAIL.match(rest_low) else "<="
        rest = rest[tail.end():]
    fraction = _FRACTION.match(rest)
    if fraction:  # "16/16 thôn": 16 of 16
        rest = rest[fraction.end():]
    unit, qualifier, label, rest_warnings = _after_number(rest, m.group("pct") is not None, printed)
    if unit and column_unit and fold(unit) == fold(column_unit):
        unit = column_unit
    return Target(year=year, raw=printed, kind="numeric", op=op, value=value, unit=unit or column_unit,
                  qualifier=qualifier, label=label), warnings + rest_warnings


def _parse_words(printed: str, s: str, low: str, year: int | None) -> tuple[Target, list[str]]:
    """A cell without a number: yes, no, or a text level ("Mở rộng đa lĩnh vực")."""
    if _YES.match(low):
        label = None if low in ("có", "x", "×") else s
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
    rest = rest.strip(" .;,")
    if rest.endswith(")") and "(" not in rest:  # "Có (≥ 01)"
        rest = rest[:-1].strip(" .;,")
    if not pct and rest.startswith("%"):
        pct, rest = True, rest[1:].strip(" .;,")
    unit = "%" if pct else None
    qualifier = label = None
    per = re.match(r"^/\s*(\w+)", rest)
    if per and pct:  # "20%/năm"
        unit, rest = f"%/{per.group(1)}", rest[per.end():].strip(" .;,)")
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
