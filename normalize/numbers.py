"""Vietnamese number literals: "." groups thousands, "," is the decimal mark."""

from __future__ import annotations

import re

__all__ = ["parse_vn_number", "join_digit_groups", "NUMBER_PATTERN"]

NUMBER_PATTERN = r"\d+(?:[.,]\d+)*"
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
# Thousands grouped by a (thin, non-breaking or plain) space: "1 500", "12 000 000".
_SPACE_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f\u2007]\d{3})+(?![\d.,]\d|\d)")
_GROUP_SPACES = re.compile(r"[ \u00a0\u2009\u202f\u2007]")


def _integral(x: float) -> int | float:
    return int(x) if x.is_integer() and abs(x) < 1e15 else x


def join_digit_groups(text: str) -> str:
    """Digits grouped by spaces joined: "1 500 người" → "1500 người"; "2025 100%" is left alone."""
    if not text:
        return text or ""
    return _SPACE_GROUPS.sub(lambda m: _GROUP_SPACES.sub("", m.group(0)), text)


def parse_vn_number(text: str) -> tuple[int | float | None, list[str]]:
    """ "02" → 2, "2,5" → 2.5, "1.234" → 1234, "1.234,5" → 1234.5; None when not a number.

    An integral value comes back as int. Ambiguous forms ("2.5", "1,234,567") are read
    the most likely way and reported in the warnings.
    """
    warnings: list[str] = []
    s = (text or "").strip().replace(" ", "")
    if not s or not re.fullmatch(NUMBER_PATTERN, s):
        return None, [f"not a number: {text!r}"] if s else []
    try:
        if "." in s and "," in s:
            value = float(s.replace(".", "").replace(",", ".", 1)) if s.rfind(",") > s.rfind(".") \
                else float(s.replace(",", ""))
        elif "," in s:
            if _THOUSANDS_COMMA.fullmatch(s):
                value = float(s.replace(",", ""))
                warnings.append(f"comma read as thousands separator: {text!r}")
            elif s.count(",") == 1:
                value = float(s.replace(",", "."))
            else:
                return None, [f"not a number: {text!r}"]
        elif "." in s:
            if _THOUSANDS_DOT.fullmatch(s):
                value = float(s.replace(".", ""))
            elif s.count(".") == 1:
                value = float(s)
                warnings.append(f"dot read as decimal point: {text!r}")
            else:
                return None, [f"not a number: {text!r}"]
        else:
            value = float(s)
    except (ValueError, OverflowError):
        return None, [f"not a number: {text!r}"]
    if value != value or value in (float("inf"), float("-inf")):
        return None, [f"not a number: {text!r}"]
    return _integral(value), warnings
