"""The extract stage against the doc-model each sample PDF was rendered from.

Header lines, every body block in order, every table row and cell (stitched across
pages, repeated header rows gone), recipients and signer must agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docmodel_compare import compare
from kehoach.extract.document import read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DIGITAL = sorted(p for p in (SAMPLES / "pdf").glob("*.pdf") if p.suffixes[-2] not in (".scan", ".mixed"))


def test_there_are_digital_samples() -> None:
    assert len(DIGITAL) >= 6


@pytest.mark.parametrize("pdf", DIGITAL, ids=lambda p: p.name)
def test_structure_matches_docmodel(pdf: Path) -> None:
    stem = pdf.name.split(".")[0]
    model = json.loads((SAMPLES / "docmodel" / f"{stem}.doc.json").read_text(encoding="utf-8"))
    raw = read_document(pdf)
    diffs = compare(raw, model)
    assert not diffs, f"{pdf.name}: extracted structure differs from its doc-model:\n  " + "\n  ".join(diffs)


@pytest.mark.parametrize("pdf", DIGITAL, ids=lambda p: p.name)
def test_rows_cut_by_page_breaks_are_whole(pdf: Path) -> None:
    """Every table row that runs over a page break comes back as one row."""
    raw = read_document(pdf)
    split = [r for t in raw.tables for r in t.rows if len(r.pages) > 1]
    for r in split:
        assert r.cells[0].strip() or r.group, f"a continued row lost its STT: {r.cells}"
    assert all(t.rows for t in raw.tables)
