"""Text keys for Vietnamese strings: cleaning, dash and tone-mark normalization, folding.

`clean` is what every contract string goes through (NFC, whitespace collapsed,
trimmed); `fold` is the comparison key the accuracy harness uses (contract,
"Comparing strings"). Every function is pure, total on any string, and cheap.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean", "fold", "modern_tone", "strip_accents", "dashes", "fold_chars"]

_WS = re.compile(r"\s+")
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_TABLE = {ord(c): "-" for c in _DASH_CHARS}
_QUOTE_TABLE = {
    ord("\u201c"): '"', ord("\u201d"): '"', ord("\u201e"): '"', ord("\u201f"): '"',
    ord("\u00ab"): '"', ord("\u00bb"): '"',
    ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201a"): "'", ord("\u201b"): "'",
}
_FOLD_TABLE = {**_DASH_TABLE, **_QUOTE_TABLE}
# A dash with whitespace on at least one side separates words: "Văn hóa –Xã hội".
_SPACED_DASH = re.compile(r"(?<=\S)\s*-\s+(?=\S)|(?<=\S)\s+-\s*(?=\S)")

# Tone marks (as combining characters); circumflex, breve and horn are not tones.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _build_tone_moves() -> dict[str, str]:
    """Old-style pairs ("oá", "uỷ") mapped to the modern placement ("óa", "ủy")."""
    moves: dict[str, str] = {}
    for first, seconds in (("o", "ae"), ("O", "AE"), ("u", "y"), ("U", "Y")):
        for second in seconds + seconds.swapcase():
            for tone in _TONES:
                old = unicodedata.normalize("NFC", first + second + tone)
                new = unicodedata.normalize("NFC", first + tone + second)
                if len(old) == 2 and len(new) == 2:
                    moves[old] = new
    return moves


_TONE_MOVES = _build_tone_moves()
# Only an open syllable moves its tone ("hoàn", "khuyến" keep theirs); "quý" keeps it
# too, the "u" of "qu" being a consonant.
_TONE_RE = re.compile(
    r"(?<![qQ])(?:" + "|".join(sorted(_TONE_MOVES)) + r")(?!\w)"
)


def clean(s: str | None) -> str | None:
    """NFC, whitespace collapsed to single spaces, trimmed; None stays None, "" stays ""."""
    if s is None:
        return None
    if not isinstance(s, str):
        s = str(s)
    return _WS.sub(" ", unicodedata.normalize("NFC", s)).strip()


def modern_tone(s: str) -> str:
    """Tone marks of open oa/oe/uy syllables moved to the modern place: "hoá" → "hóa"."""
    if not s:
        return s or ""
    s = unicodedata.normalize("NFC", s)
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(0)], s)


def strip_accents(s: str) -> str:
    """Every diacritic removed, "đ" → "d": "Phòng Văn hóa" → "Phong Van hoa"."""
    if not s:
        return s or ""
    decomposed = unicodedata.normalize("NFD", s)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out.replace("đ", "d").replace("Đ", "D"))


def dashes(s: str) -> str:
    """Dash variants (–, —, ‐, −) → "-"; a dash between words spaced " - "; "57-NQ/TW" kept."""
    if not s:
        return s or ""
    return _SPACED_DASH.sub(" - ", s.translate(_DASH_TABLE))


def fold_chars(s: str) -> str:
    """Length-preserving part of `fold` (no whitespace collapse): positions stay valid."""
    if not s:
        return s or ""
    if len(unicodedata.normalize("NFC", s)) != len(s):
        # Decomposed input (or a character NFC splits): compose one character at a
        # time so each output position still matches its input position.
        s = "".join(n if len(n := unicodedata.normalize("NFC", c)) == 1 else c for c in s)
        s = _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(0)], s)
    else:
        s = modern_tone(s)
    s = s.translate(_FOLD_TABLE)
    low = s.lower()
    return low if len(low) == len(s) else "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


@lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    s = clean(s) or ""
    s = modern_tone(s).translate(_FOLD_TABLE)
    return s.casefold()


def fold(s: str | None) -> str:
    """The comparison key of the contract: NFC, dashes, quotes, whitespace, tone placement, case."""
    if s is None:
        return ""
    if not isinstance(s, str):
        s = str(s)
    return _fold(s)
