"""Text drawn as vector outlines (no text layer, no image) is read by OCR, not taken
for a blank page.

Some PDF printers and "convert text to curves" exports draw every glyph as a path.
The copy is made here from a sample's first page: PyMuPDF's SVG export with text as
paths, converted back to PDF.
"""

from __future__ import annotations

import json
from pathlib import Path

import fitz
from kehoach.extract.pdf_pages import outlined_text
from kehoach.pipeline import extract_plan
from ocr_support import require_ocr

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCE = SAMPLES / "pdf" / "003_tan_hung.b.pdf"


def _outlined_copy(src: Path, out: Path, pages: range) -> None:
    doc = fitz.open(src)
    new = fitz.open()
    for number in pages:
        svg = doc[number].get_svg_image(text_as_path=True)
        with fitz.open(stream=svg.encode("utf-8"), filetype="svg") as drawn:
            with fitz.open("pdf", drawn.convert_to_pdf()) as page_pdf:
                new.insert_pdf(page_pdf)
    new.save(out)


def test_outline_check_tells_outlines_from_text_and_rules(tmp_path: Path) -> None:
    out = tmp_path / "outlined.pdf"
    _outlined_copy(SOURCE, out, range(1))
    with fitz.open(out) as doc:
        assert not doc[0].get_text("words") and outlined_text(doc[0])
    with fitz.open(SOURCE) as doc:  # text layer and ruled tables: no outlines
        assert not any(outlined_text(page) for page in doc)


def test_outlined_first_page_reads_like_the_original(tmp_path: Path) -> None:
    require_ocr()
    out = tmp_path / "outlined.pdf"
    _outlined_copy(SOURCE, out, range(1))
    gold = json.loads((SAMPLES / "gold" / "003_tan_hung.b.plan.json").read_text(encoding="utf-8"))["document"]
    doc = extract_plan(out).to_json_dict()["document"]
    for field in ("number", "issue_date", "issuer", "commune", "province", "commune_code"):
        assert doc[field] == gold[field], field
    assert doc["title"].lower()[:60] == gold["title"].lower()[:60]
