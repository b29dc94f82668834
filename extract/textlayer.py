"""Is a page's text layer worth reading, or must the page be OCR'd?

A page is OCR'd when it has no text layer (a scan: the page is an image), or when the
text layer is garbage: a wrong encoding (TCVN3/VNI fonts without a ToUnicode map),
glyph soup (replacement characters, private-use code points, control characters), or too
few tokens that could be Vietnamese syllables, numbers or abbreviations.
"""

from __future__ import annotations

import unicodedata

import fitz  # PyMuPDF

from kehoach.extract.model import Word

#: Fewer printable characters than this and the page counts as empty.
MIN_CHARS = 20
#: Share of bad code points (U+FFFD, private use, controls) above which the layer is garbage.
MAX_BAD_CHARS = 0.02
#: Share of plausible tokens below which the layer is garbage.
MIN_PLAUSIBLE = 0.75
#: An empty page whose images cover this share of it is a scan.
SCAN_IMAGE_COVER = 0.5

# Vietnamese letters in NFD: a base letter, at most one vowel modifier allowed for that
# base, at most one tone mark.
_VOWEL_MODS = {
    "a": {"\u0306", "\u0302"},  # ă â
    "e": {"\u0302"},  # ê
    "o": {"\u0302", "\u031b"},  # ô ơ
    "u": {"\u031b"},  # ư
    "i": set(),
    "y": set(),
}
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_PUNCT = set(".,;:!?()[]{}\"'“”‘’«»-–—/\\%&+*=<>≥≤…#@_|~^°§№•·×÷±$€")


def is_bad_char(ch: str) -> bool:
    """Replacement character, private-use code point or control character."""
    cp = ord(ch)
    if ch == "\ufffd" or 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000:
        return True
    return unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\t\n\r"


def is_vietnamese_letter(ch: str) -> bool:
    """A Latin letter as Vietnamese writes it (ASCII letters, đ, and the marked vowels)."""
    if ch.isascii():
        return ch.isalpha()
    if ch in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0].lower(), parts[1:]
    if not base.isascii() or not base.isalpha() or base not in _VOWEL_MODS:
        return False
    mods = [m for m in marks if m not in _TONES]
    tones = [m for m in marks if m in _TONES]
    return len(tones) <= 1 and len(mods) <= 1 and all(m in _VOWEL_MODS[base] for m in mods)


def is_plausible_token(token: str) -> bool:
    """A word that could be printed in a Vietnamese plan: a syllable, a number, an
    abbreviation, punctuation, or a mix of these ("57-NQ/TW", "KH&CN", "(b/c);")."""
    core = token.strip("".join(_PUNCT))
    if not core:
        return all(c in _PUNCT for c in token)
    letters = [c for c in core if c.isalpha()]
    if not all(is_vietnamese_letter(c) for c in letters):
        return False
    if not all(c.isalpha() or c.isdigit() or c in _PUNCT for c in core):
        return False
    # The same vowel twice, once marked ("aâ", "oõ"): VNI bytes read as Latin-1.
    bases = [unicodedata.normalize("NFD", c)[0].lower() for c in letters]
    for a, b, ca, cb in zip(bases, bases[1:], letters, letters[1:]):
        if a == b and a in _VOWEL_MODS and (not ca.isascii() or not cb.isascii()):
            return False
    # At most one tone mark per syllable: "nhaân" (VNI read as Latin-1) has two vowel marks.
    marked = sum(1 for c in core if not c.isascii() and c not in "đĐ")
    return marked <= 2 or marked <= len(letters) // 3


def text_layer_usable(words: list[Word], page_area: float, image_area: float | None = None) -> tuple[bool, str]:
    """(usable, reason) for a page's text layer.

    `page_area` is the page's area in square points; `image_area` the area its images
    cover (see `image_area`), None when unknown. An empty or near-empty page is a scan
    (not usable) unless images are known to cover less than half of it: then it is a
    blank page and its (empty) text layer is all there is.
    """
    text = "".join(unicodedata.normalize("NFC", w.text) for w in words)
    chars = [c for c in text if not c.isspace()]
    if len(chars) < MIN_CHARS:
        if image_area is None:
            return False, "no text layer"
        if page_area and image_area / page_area < SCAN_IMAGE_COVER:
            return True, "blank page"
        if image_area:
            return False, "no text layer: the page is an image (scan)"
        return False, "no text layer"
    bad = sum(1 for c in chars if is_bad_char(c))
    if bad / len(chars) > MAX_BAD_CHARS:
        return False, f"text layer is garbage: {bad} of {len(chars)} characters unreadable"
    tokens = [w.text for w in words if w.text.strip()]
    plausible = sum(1 for t in tokens if is_plausible_token(unicodedata.normalize("NFC", t)))
    share = plausible / max(1, len(tokens))
    if share < MIN_PLAUSIBLE:
        return False, f"text layer is garbage: only {share:.0%} of words read as Vietnamese (wrong encoding?)"
    return True, "text layer"


def image_area(page: fitz.Page) -> float:
    """Area (square points) of the page covered by images, clipped to the page."""
    total = 0.0
    for info in page.get_image_info():
        r = fitz.Rect(info["bbox"]) & page.rect
        if not r.is_empty:
            total += r.width * r.height
    return min(total, page.rect.width * page.rect.height)
