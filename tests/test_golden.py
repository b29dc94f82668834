"""Golden accuracy: every sample PDF extracted end to end and scored against its gold.

Born-digital renderings must reach field F1 >= 0.99 with every row found on the
right page; scans (OCR) F1 >= 0.95. A failure prints the wrong fields, gold vs predicted.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from kehoach.evaluate import evaluate_plan
from kehoach.pipeline import extract_plan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))
DIGITAL_BAR = 0.99
SCAN_BAR = 0.95


def is_scan(pdf: Path) -> bool:
    return ".scan" in pdf.suffixes or ".mixed" in pdf.suffixes


def gold_of(pdf: Path) -> dict:
    path = SAMPLES / "gold" / (pdf.name[: -len(".pdf")] + ".plan.json")
    assert path.exists(), f"{pdf.name} has no gold beside it ({path})"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def scored(pdf: Path):
    pred = extract_plan(pdf).to_json_dict()
    return evaluate_plan(gold_of(pdf), pred), pred


def _wrong(report, limit: int = 40) -> str:
    lines = [f"{e.row.label} {e.field}: gold {e.gold!r} | predicted {e.predicted!r}" for e in report.errors[:limit]]
    lines += [f"unaligned {u.side}: {u.row.label}" for u in report.unaligned[:limit]]
    return "\n  ".join(lines)


DIGITAL = [p for p in PDFS if not is_scan(p)]
SCANS = [p for p in PDFS if is_scan(p)]


@pytest.mark.parametrize("pdf", DIGITAL, ids=lambda p: p.name)
def test_born_digital_field_f1(pdf: Path) -> None:
    report, _ = scored(pdf)
    f1 = report.overall.f1
    assert f1 >= DIGITAL_BAR, f"{pdf.name}: field F1 {f1:.4f} < {DIGITAL_BAR}; wrong fields:\n  {_wrong(report)}"


@pytest.mark.parametrize("pdf", DIGITAL, ids=lambda p: p.name)
def test_born_digital_every_row_found_on_its_page(pdf: Path) -> None:
    report, pred = scored(pdf)
    for section in ("indicators", "tasks", "responsibilities", "legal_bases"):
        stats = report.rows[section]
        assert stats.aligned == stats.gold == stats.predicted, f"{pdf.name} {section}: {stats.to_dict()}\n  {_wrong(report)}"
    for section in ("indicators", "tasks"):
        counts = report.fields.get(f"{section}.page")
        if counts is not None:
            assert counts.fp == counts.fn == 0, f"{pdf.name}: wrong {section}.page\n  {_wrong(report)}"
    assert pred["document"]["pages"] == gold_of(pdf)["document"]["pages"]


@pytest.mark.ocr
@pytest.mark.parametrize("pdf", SCANS, ids=lambda p: p.name)
def test_scanned_field_f1(pdf: Path) -> None:
    from kehoach.extract.ocr import tesseract_problem

    problem = tesseract_problem()
    if problem:
        pytest.skip(f"OCR unavailable: {problem}")
    report, _ = scored(pdf)
    f1 = report.overall.f1
    assert f1 >= SCAN_BAR, f"{pdf.name}: field F1 {f1:.4f} < {SCAN_BAR}; wrong fields:\n  {_wrong(report)}"


def test_every_extraction_validates_and_says_where() -> None:
    """Every extracted row carries its page and bbox (provenance)."""
    for pdf in DIGITAL:
        _, pred = scored(pdf)
        rows = pred["indicators"] + pred["tasks"] + pred["legal_bases"] + pred["responsibilities"]
        for row in rows:
            assert row["page"] and 1 <= row["page"] <= pred["document"]["pages"], row
            assert row.get("bbox") and len(row["bbox"]) == 4, row
