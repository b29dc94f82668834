"""Vietnamese number literals: "." groups thousands, "," is the decimal mark."""

from __future__ import annotations

import re

__all__ = ["parse_vn_number", "NUMBER_PATTERN"]

NUMBER_PATTERN = r"\d+(?:[.,]\d+)*"
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}")


def _integral(x: float) -> int | float:
    return int(x) if x.is_integer() and abs(x) < 1e15 else x


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
