"""Value comparison under the contract's "Comparing strings" rules (plan-json.md).

Strings compare in the form `kehoach.normalize.text.fold` gives them: NFC, dashes
and curly quotes made ASCII, whitespace collapsed, tone marks of open oa/oe/uy
syllables moved to the modern placement ("hoá" -> "hóa"), case folded.
`values_equal` compares two JSON values of one field: strings after folding (long
texts by similarity), numbers numerically, bools strictly, lists element-wise as
one value.
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from kehoach.normalize.text import fold

__all__ = ["LONG_TEXT_THRESHOLD", "fold", "similarity", "values_equal"]

#: `fuzz.ratio` (0..100) at or above which two folded long texts count as equal.
LONG_TEXT_THRESHOLD = 95.0


def similarity(a: str, b: str) -> float:
    """`fuzz.ratio` of the folded texts, 0..100."""
    return fuzz.ratio(fold(a), fold(b))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def values_equal(gold: object, pred: object, *, long: bool = False) -> bool:
    """Whether a predicted value equals the gold one, under the contract's rules.

    None equals only None; bools equal only bools (True != 1); numbers compare
    numerically (100 == 100.0); strings compare folded, and when `long` by
    similarity >= LONG_TEXT_THRESHOLD; lists are one value, equal when they have
    the same length and equal elements in order. Anything else compares with ==.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    if isinstance(gold, bool) or isinstance(pred, bool):
        return isinstance(gold, bool) and isinstance(pred, bool) and gold == pred
    if _is_number(gold) and _is_number(pred):
        return math.isclose(gold, pred, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(gold, str) and isinstance(pred, str):
        if long:
            return similarity(gold, pred) >= LONG_TEXT_THRESHOLD
        return fold(gold) == fold(pred)
    if isinstance(gold, list) and isinstance(pred, list):
        return len(gold) == len(pred) and all(values_equal(g, p, long=long) for g, p in zip(gold, pred))
    return gold == pred
