"""A PDF's text as one whitespace-free character stream with the page of
every character, for locating known texts in document order.

Squeezing out whitespace makes the search immune to line wrapping, to words
split at a hyphen ("HĐND-" / "UBND") and to justification spacing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import fitz

_HEADER_ZONE_PT = 40.0  # page numbers start above this line (body text may too, with 1.2 cm margins)
_NUMBER_MIN_X_PT = 150.0  # page numbers are centred; a table's STT column sits left of this


def squeeze(text: str) -> str:
    """NFKC, case-folded, all whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class TextStream:
    chars: str
    pages: list[int]  # 1-based page of chars[i]

    def page_at(self, index: int) -> int:
        return self.pages[index]


def _is_page_number(word: tuple, page_no: int) -> bool:
    return word[4] == str(page_no) and word[1] < _HEADER_ZONE_PT and word[0] > _NUMBER_MIN_X_PT


def words_to_stream(pages_words: list[list[tuple]]) -> TextStream:
    """Join PyMuPDF words (content-stream order), page by page, dropping the
    page number printed in the top margin."""
    chars: list[str] = []
    pages: list[int] = []
    for page_no, words in enumerate(pages_words, start=1):
        for word in words:
            if _is_page_number(word, page_no):
                continue
            piece = squeeze(word[4])
            chars.append(piece)
            pages.extend([page_no] * len(piece))
    return TextStream("".join(chars), pages)


def pdf_to_stream(path) -> tuple[TextStream, int]:
    """The stream of `path` and its page count."""
    with fitz.open(path) as doc:
        words = [page.get_text("words", sort=False) for page in doc]
        return words_to_stream(words), len(doc)


def find_forward(stream: TextStream, needle: str, start: int, lengths=(60, 30, 15)) -> int:
    """Index of the first occurrence of `needle`'s prefix at or after `start`,
    trying shorter prefixes when the longer one is interrupted (a table row
    cut by a page break after its first line); -1 when none is found."""
    for n in lengths:
        hit = stream.chars.find(needle[:n], start)
        if hit >= 0:
            return hit
    return -1


_DATE = re.compile(rb"D:\d{14}")
_IDS = re.compile(rb"(/ID\s*\[\s*<)([0-9A-F]{32})(>\s*<)([0-9A-F]{32})(>)|(/DocChecksum\s*/)([0-9A-F]{32})")


def make_reproducible(data: bytes, date: bytes = b"D:20250101000000") -> bytes:
    """LibreOffice PDF bytes with a fixed creation date, and the file ID and
    checksum derived from the content, so rebuilding an unchanged sample gives
    the same file. Every replacement keeps its length: xref offsets stay valid."""
    data = _DATE.sub(date, data)

    def fill(digest: bytes):
        def sub(m: re.Match) -> bytes:
            if m.group(1):
                return m.group(1) + digest + m.group(3) + digest + m.group(5)
            return m.group(6) + digest
        return sub

    blank = _IDS.sub(fill(b"0" * 32), data)
    return _IDS.sub(fill(hashlib.md5(blank).hexdigest().upper().encode()), data)
