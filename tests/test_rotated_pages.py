"""Sideways pages read the same as upright ones.

Landscape appendices reach us in three forms: a landscape page (the samples), a portrait
page carrying /Rotate 90 or 270 that a viewer turns, and a portrait page with the table
drawn sideways on it and no /Rotate at all. Each sample's landscape pages are rebuilt
here in the other two forms (PyMuPDF, vector content kept) and the extraction must
score exactly what the original scores, rows on the same pages.
"""

from __future__ import annotations

import json
from pathlib import Path

import fitz
import pytest

from kehoach.evaluate import evaluate_plan
from kehoach.pipeline import extract_plan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# Two plans with multi-page appendix tables, in two renderers' output.
SOURCES = ["003_tan_hung.a.pdf", "001_duc_an.b.pdf", "007_chiem_hoa_twoheader.h.pdf"]
# (how the landscape page is drawn on a portrait sheet, the /Rotate that shows it upright)
FORMS = {"rotate-90": (90, 270), "rotate-270": (270, 90), "sideways-no-rotate": (90, 0),
         "sideways-other-way": (270, 0)}


def _turned_copy(src: Path, out: Path, draw: int, rotate: int) -> int:
    """Copy of `src` whose landscape pages are portrait sheets with the content turned by
    `draw` degrees and /Rotate `rotate`; returns how many pages were turned."""
    doc = fitz.open(src)
    new = fitz.open()
    turned = 0
    for page in doc:
        r = page.rect
        if r.width > r.height:
            target = new.new_page(width=r.height, height=r.width)
            target.show_pdf_page(target.rect, doc, page.number, rotate=draw)
            if rotate:
                target.set_rotation(rotate)
            turned += 1
        else:
            target = new.new_page(width=r.width, height=r.height)
            target.show_pdf_page(target.rect, doc, page.number)
    new.save(out)
    return turned


def _gold(pdf: str) -> dict:
    return json.loads((SAMPLES / "gold" / pdf.replace(".pdf", ".plan.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("source", SOURCES)
def test_turned_landscape_pages_read_like_upright_ones(source: str, form: str, tmp_path: Path) -> None:
    draw, rotate = FORMS[form]
    out = tmp_path / f"turned.{form}.pdf"
    assert _turned_copy(SAMPLES / "pdf" / source, out, draw, rotate) > 0
    gold = _gold(source)
    plan = extract_plan(out).to_json_dict()
    report = evaluate_plan(gold, plan)
    wrong = [f"{e.row.label} {e.field}: {e.gold!r} | {e.predicted!r}" for e in report.errors[:20]]
    assert report.overall.f1 >= 0.99, f"{source} as {form}: F1 {report.overall.f1:.4f}\n" + "\n".join(wrong)
    assert len(plan["tasks"]) == len(gold["tasks"]) and len(plan["indicators"]) == len(gold["indicators"])
    assert [t["page"] for t in plan["tasks"]] == [t["page"] for t in gold["tasks"]]
    # Boxes are in the page's reading frame: inside the turned (landscape) page.
    for row in plan["tasks"] + plan["indicators"]:
        x0, y0, x1, y1 = row["bbox"]
        assert 0 <= x0 < x1 <= 842 and 0 <= y0 < y1 <= 842


def test_reading_direction_of_an_upright_page_is_left_to_right() -> None:
    from kehoach.extract.pdf_pages import _raw_text, reading_direction

    with fitz.open(SAMPLES / "pdf" / "003_tan_hung.a.pdf") as doc:
        assert {reading_direction(_raw_text(p)) for p in doc} == {(1.0, 0.0)}
