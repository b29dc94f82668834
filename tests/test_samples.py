"""The committed sample PDFs and their gold files agree (built by tools/build_samples.py)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import fitz
import pytest

from kehoach.schema.plan import Plan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))


def _gold_path(pdf: Path) -> Path:
    return SAMPLES / "gold" / (pdf.stem + ".plan.json")


def _page_count(pdf: Path) -> int:
    with fitz.open(pdf) as doc:
        return len(doc)


def _rows(plan: Plan):
    return [*plan.indicators, *plan.tasks]


def test_there_are_samples():
    assert len(PDFS) >= 6
    assert {p.stem.rsplit(".", 1)[1] for p in PDFS} >= {"a", "b"}


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_gold_beside_pdf_validates(pdf: Path):
    gold = _gold_path(pdf)
    assert gold.exists(), f"no gold for {pdf.name}"
    plan = Plan.model_validate(json.loads(gold.read_text(encoding="utf-8")))
    assert plan.document.pages == _page_count(pdf)
    assert _rows(plan), "gold has no indicator or task rows"


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_row_pages_in_range_and_ordered(pdf: Path):
    plan = Plan.model_validate(json.loads(_gold_path(pdf).read_text(encoding="utf-8")))
    for row in _rows(plan):
        assert row.page is not None and 1 <= row.page <= plan.document.pages, (row.name[:60], row.page)
    # table rows, and prose rows, of one list are in document order: pages never go back
    for rows in (plan.indicators, plan.tasks):
        for source in ("table", "prose"):
            pages = [r.page for r in rows if r.source == source]
            assert pages == sorted(pages), (source, pages)


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


#: Scans have no text layer: their gold is their born-digital source's (checked below).
TEXT_PDFS = [p for p in PDFS if p.stem.rsplit(".", 1)[1] not in ("scan", "mixed")]
SCANS = [p for p in PDFS if p not in TEXT_PDFS]


@pytest.mark.parametrize("pdf", TEXT_PDFS, ids=lambda p: p.stem)
def test_row_text_starts_on_its_page(pdf: Path):
    plan = Plan.model_validate(json.loads(_gold_path(pdf).read_text(encoding="utf-8")))
    with fitz.open(pdf) as doc:
        texts = [_squeeze(page.get_text()) for page in doc]
    previous = None
    for row in _rows(plan):
        # A sub-task row repeats the task name above it: its own text is the sub-task.
        inherited = getattr(row, "subtask", None) and previous is not None and row.name == previous.name
        own = row.subtask if inherited else row.name
        # The first words only: a merged cell's lines interleave with its neighbours' in the text stream.
        assert _squeeze(own)[:12] in texts[row.page - 1], (own[:60], row.page)
        previous = row


@pytest.mark.parametrize("pdf", SCANS, ids=lambda p: p.stem)
def test_scan_gold_is_its_sources(pdf: Path):
    """A scan is rasterised from the style-a PDF page for page: same gold, pages included."""
    source = SAMPLES / "gold" / (pdf.stem.rsplit(".", 1)[0] + ".a.plan.json")
    assert json.loads(_gold_path(pdf).read_text(encoding="utf-8")) == json.loads(source.read_text(encoding="utf-8"))
    assert _page_count(pdf) == _page_count(SAMPLES / "pdf" / (pdf.stem.rsplit(".", 1)[0] + ".a.pdf"))


#: ReportLab renderings (tools/build_reportlab.py): tables ruled in other ways.
REPORTLAB = {style: sorted((SAMPLES / "pdf").glob(f"*.{style}.pdf")) for style in ("r1", "r2", "r3")}


def _verticals(page) -> set[int]:
    from kehoach.extract.pdf_pages import page_rulings

    return {round(r.x0) for r in page_rulings(page) if not r.horizontal}


def test_reportlab_samples_cover_every_docmodel():
    stems = {p.name[: -len(".doc.json")] for p in (SAMPLES / "docmodel").glob("*.doc.json")}
    for style, pdfs in REPORTLAB.items():
        assert {p.name.split(".")[0] for p in pdfs} == stems, style


def test_reportlab_r2_tables_have_no_vertical_rules():
    with fitz.open(REPORTLAB["r2"][0]) as doc:
        assert all(not _verticals(page) for page in doc)


def test_reportlab_r3_tables_have_only_an_outer_box():
    with fitz.open(REPORTLAB["r3"][0]) as doc:
        counts = [len(_verticals(page)) for page in doc]
    assert max(counts) == 2 and counts.count(2) >= 3  # a box's two sides on every table page


def test_reportlab_r1_outer_border_is_filled_rectangles():
    with fitz.open(REPORTLAB["r1"][0]) as doc:
        fills = [d for page in doc for d in page.get_drawings()
                 if d["type"] == "f" and min(d["rect"].width, d["rect"].height) < 2.5
                 and max(d["rect"].width, d["rect"].height) > 100]
    assert fills
