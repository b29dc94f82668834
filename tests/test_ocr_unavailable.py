"""A page that needs OCR on a machine without Tesseract: one clear line, no traceback."""

from __future__ import annotations

import pytest

from kehoach.errors import KehoachError, OcrUnavailableError
from kehoach.extract import ocr
from ocr_support import open_sample


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch):
    pytesseract = pytest.importorskip("pytesseract")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr.tesseract_problem.cache_clear()
    yield
    ocr.tesseract_problem.cache_clear()


def test_missing_tesseract_names_the_page_and_the_fix(no_tesseract) -> None:
    with open_sample("003_tan_hung.scan.pdf") as doc:
        with pytest.raises(OcrUnavailableError) as info:
            ocr.ocr_page(doc[2], 3)
    message = str(info.value)
    assert message == ("page 3 needs OCR but tesseract is not installed "
                       "(apt-get install tesseract-ocr tesseract-ocr-vie)")
    assert "\n" not in message
    assert isinstance(info.value, KehoachError)


def test_missing_vietnamese_data(monkeypatch: pytest.MonkeyPatch) -> None:
    pytesseract = pytest.importorskip("pytesseract")
    if ocr.tesseract_problem() is not None:
        pytest.skip("tesseract not installed")
    monkeypatch.setattr(pytesseract, "get_languages", lambda config="": ["eng", "osd"])
    ocr.tesseract_problem.cache_clear()
    try:
        with pytest.raises(OcrUnavailableError, match=r"^page 5 needs OCR but tesseract has no Vietnamese data"):
            ocr.require_tesseract(5)
    finally:
        ocr.tesseract_problem.cache_clear()
