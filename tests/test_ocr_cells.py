"""OCR of scanned pages: table cells read like the born-digital text; the signature block
under the seal is read. Budget: three pages OCR'd (about 15 s on one core)."""

from __future__ import annotations

from functools import lru_cache

import pytest
from rapidfuzz import fuzz

from kehoach.extract.grid import page_grids
from kehoach.extract.lines import cell_text
from kehoach.extract.model import Page
from kehoach.extract.ocr import LOW_CONFIDENCE, ocr_page
from kehoach.extract.pdf_pages import text_page
from ocr_support import open_sample, require_ocr

pytestmark = pytest.mark.ocr


@lru_cache(maxsize=None)
def ocr(name: str, number: int) -> Page:
    require_ocr()
    with open_sample(name) as doc:
        return ocr_page(doc[number - 1], number)


def cell_texts(page: Page) -> list[str]:
    out = []
    for grid in page_grids(page.rulings):
        for cell in grid.cells:
            x0, y0, x1, y1 = cell.bbox
            inside = [w for w in page.words if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.top + w.bottom) / 2 <= y1]
            out.append(cell_text(inside))
    return out


@pytest.mark.parametrize("stem, number", [("003_tan_hung", 8), ("000_phu_rieng", 9)])
def test_scanned_table_cells_match_born_digital(stem: str, number: int) -> None:
    got_page = ocr(f"{stem}.scan.pdf", number)
    with open_sample(f"{stem}.a.pdf") as doc:
        want = cell_texts(text_page(doc[number - 1], number))
    got = cell_texts(got_page)
    assert len(got) == len(want)
    pairs = [(w, g) for w, g in zip(want, got) if w or g]
    scores = [fuzz.ratio(w, g) for w, g in pairs]
    good = sum(s >= 90 for s in scores)
    bad = "\n".join(f"  {s:3.0f} {w!r} | {g!r}" for (w, g), s in zip(pairs, scores) if s < 90)
    assert good >= 0.95 * len(pairs), f"{good}/{len(pairs)} cells >= 90:\n{bad}"
    assert sum(scores) / len(scores) >= 97


def test_relation_signs_survive_ocr() -> None:
    """"≥ 90" must not come back as "> 90" (a slip of generic tools)."""
    words = [w.text for w in ocr("000_phu_rieng.scan.pdf", 9).words]
    assert words.count("≥") >= 10
    assert not any(t.startswith(">") for t in words)


def test_ocr_words_carry_confidence_and_size() -> None:
    page = ocr("003_tan_hung.scan.pdf", 8)
    assert page.ocr and page.note and "deskewed" in page.note
    assert all(w.conf is not None and 0 <= w.conf <= 100 for w in page.words)
    assert sum(w.conf >= LOW_CONFIDENCE for w in page.words) >= 0.9 * len(page.words)
    sizes = sorted(w.size for w in page.words)
    assert 10 <= sizes[len(sizes) // 2] <= 14  # 12-13 pt text
    assert not any(w.text == "None" for w in page.words)


def test_signature_block_under_the_seal_is_read() -> None:
    page = ocr("003_tan_hung.scan.pdf", 7)
    text = " ".join(w.text for w in page.words)
    for expected in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Viết Truyền"):
        assert fuzz.partial_ratio(expected, text) >= 90, expected
    # Nothing of the seal itself is read as text near it.
    stray = [w for w in page.words if w.top > 560 and w.x0 > 300 and w.text not in
             "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Viết Truyền".split()]
    assert len(stray) <= 1, stray
