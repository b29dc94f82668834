"""A "searchable" scan: the page image with an invisible OCR text layer over it (as
scanner software makes). Its text layer has no ruled lines, so the page is read again
from the image and its table comes back."""

from __future__ import annotations

from pathlib import Path

import fitz
import pytest

from kehoach.extract.layout import split_page
from kehoach.extract.pdf_pages import read_pages

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pdf"


def searchable_scan(tmp_path: Path, page_no: int) -> Path:
    """Page `page_no` of the scanned sample, with the born-digital page's words laid
    over it as invisible text (render mode 3)."""
    scan = fitz.open(SAMPLES / "003_tan_hung.scan.pdf")
    digital = fitz.open(SAMPLES / "003_tan_hung.a.pdf")
    out = fitz.open()
    out.insert_pdf(scan, from_page=page_no - 1, to_page=page_no - 1)
    page = out[0]
    for x0, y0, x1, y1, word, *_ in digital[page_no - 1].get_text("words"):
        page.insert_text((x0, y1 - 2), word, fontsize=max(4.0, (y1 - y0) * 0.8), render_mode=3, fontname="helv")
    path = tmp_path / "searchable.pdf"
    out.save(path)
    return path


@pytest.mark.ocr
def test_searchable_scan_is_read_from_the_image(tmp_path: Path) -> None:
    from kehoach.extract.ocr import tesseract_problem

    if tesseract_problem():
        pytest.skip(f"OCR unavailable: {tesseract_problem()}")
    path = searchable_scan(tmp_path, 2)  # page 2 holds the indicator table
    (page,) = list(read_pages(path))
    assert page.ocr and "no ruled lines" in (page.note or "")
    fragments = split_page(page).fragments
    assert fragments and fragments[0].ncols == 5
