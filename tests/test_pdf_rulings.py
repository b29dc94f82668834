"""Rules read from a page's vector drawings: stroked lines, thin boxes, and thick borders
drawn as filled bars; a shaded cell is not a rule."""

from __future__ import annotations

from pathlib import Path

import fitz

from kehoach.extract.pdf_pages import page_rulings


def _page_with(tmp_path: Path, draw) -> fitz.Page:
    doc = fitz.open()
    page = doc.new_page(width=842, height=595)
    draw(page)
    path = tmp_path / "rules.pdf"
    doc.save(path)
    return fitz.open(path)[0]


def test_thick_border_drawn_as_filled_bars_is_ruled(tmp_path: Path) -> None:
    def draw(page: fitz.Page) -> None:
        for rect in (fitz.Rect(50, 50, 790, 53.5), fitz.Rect(50, 500, 790, 503.5),  # 3.5 pt bars
                     fitz.Rect(50, 50, 53.5, 503.5), fitz.Rect(786.5, 50, 790, 503.5)):
            page.draw_rect(rect, color=None, fill=(0, 0, 0))
    rulings = page_rulings(_page_with(tmp_path, draw))
    horizontal = sorted(round(r.top) for r in rulings if r.horizontal)
    vertical = sorted(round(r.x0) for r in rulings if not r.horizontal)
    assert horizontal == [52, 502] and vertical == [52, 788]


def test_shaded_cell_and_short_block_are_not_rules(tmp_path: Path) -> None:
    def draw(page: fitz.Page) -> None:
        page.draw_rect(fitz.Rect(50, 50, 790, 70), color=None, fill=(0.85, 0.85, 0.85))  # header shading
        page.draw_rect(fitz.Rect(100, 100, 140, 104), color=None, fill=(0, 0, 0))  # a 4 pt dash, 10x long
    assert page_rulings(_page_with(tmp_path, draw)) == []
