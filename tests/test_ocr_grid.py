"""Rulings found by morphology on scanned table pages give the born-digital page's grid."""

from __future__ import annotations

import pytest

from kehoach.extract.grid import page_grids
from kehoach.extract.ocr import segment_to_ruling
from kehoach.extract.ocr_grid import find_rules
from kehoach.extract.ocr_image import binarize_lines, clean_page, render_page
from kehoach.extract.pdf_pages import text_page
from ocr_support import open_sample

TABLE_PAGES = [("003_tan_hung", 2), ("003_tan_hung", 3), ("003_tan_hung", 8), ("003_tan_hung", 9),
               ("000_phu_rieng", 9), ("000_phu_rieng", 14), ("001_duc_an", 9), ("001_duc_an", 12)]


def scanned_rulings(doc, number: int):
    gray, _, _ = clean_page(render_page(doc[number - 1]))
    return [segment_to_ruling(s, 72 / 300) for s in find_rules(binarize_lines(gray))]


@pytest.mark.parametrize("stem, number", TABLE_PAGES, ids=lambda v: str(v))
def test_scanned_grid_matches_born_digital(stem: str, number: int) -> None:
    with open_sample(f"{stem}.a.pdf") as digital, open_sample(f"{stem}.scan.pdf") as scan:
        want = page_grids(text_page(digital[number - 1], number).rulings)
        got = page_grids(scanned_rulings(scan, number))
    assert want, "the born-digital page has a table"
    assert [(g.nrows, g.ncols) for g in got] == [(g.nrows, g.ncols) for g in want]
    for g, w in zip(got, want):
        assert len(g.cells) == len(w.cells)
        # Same place on the page, within 2 points (deskew and 200 dpi scanning).
        assert all(abs(a - b) <= 2.0 for a, b in zip(g.bbox, w.bbox)), (g.bbox, w.bbox)


def test_text_page_without_table_has_no_grid() -> None:
    with open_sample("003_tan_hung.scan.pdf") as scan:
        assert page_grids(scanned_rulings(scan, 5)) == []
