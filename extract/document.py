"""The extract stage's orchestrator: PDF path -> RawDocument."""

from __future__ import annotations

from pathlib import Path

from kehoach.extract.layout import furniture_words, reading_order, split_pages
from kehoach.extract.model import RawDocument
from kehoach.extract.pdf_pages import read_pages
from kehoach.extract.structure import split_document


def read_document(path: str | Path) -> RawDocument:
    """Read a plan PDF into its parts, with provenance, ready for normalization."""
    pages = list(read_pages(path))
    furniture = furniture_words(pages)
    items = reading_order(split_pages(pages, furniture))
    sizes = {p.number: (p.width, p.height) for p in pages}
    parts = split_document(items, sizes)
    doc = RawDocument(
        path=str(path),
        pages=len(pages),
        header=parts.header,
        blocks=parts.blocks,
        tables=parts.tables,
        closing=parts.closing,
        appendix_notes=parts.appendix_notes,
        ocr_pages=[p.number for p in pages if p.ocr],
    )
    for p in pages:
        if p.note and p.ocr:
            doc.warnings.append(("ocr_page", f"page {p.number} was OCR'd: {p.note}", p.number, None))
        elif p.note:
            doc.warnings.append(("text_layer_kept", f"page {p.number}: {p.note}", p.number, None))
    return doc
