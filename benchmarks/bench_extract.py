"""Extraction speed and table recovery on the born-digital samples, beside generic tools.

    .venv/bin/python benchmarks/bench_extract.py [--repeat 3]

Prints pages/second (best of N runs, one process, one core) and peak memory of
`kehoach extract` over samples/pdf/*.[abc].pdf, and, on the same files, what
pdfplumber's extract_tables() and PyMuPDF's find_tables() take and how many table
rows each recovers whole (all cells equal to the doc-model's row). Those tools work
page by page: a row cut by a page break comes back as two partial rows.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tracemalloc
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", (text or "").replace("\n", " "))).strip()


def docmodel_rows(stem: str) -> list[tuple[str, ...]]:
    model = json.loads((SAMPLES / "docmodel" / f"{stem}.doc.json").read_text(encoding="utf-8"))
    blocks = [b for b in model["body"] if b["type"] == "table"]
    for app in model.get("appendices", []):
        blocks += [b for b in app["body"] if b["type"] == "table"]
    rows = []
    for b in blocks:
        for r in b["rows"]:
            if "cells" in r:
                rows.append(tuple(norm(c["text"] if isinstance(c, dict) else c) for c in r["cells"]))
    return rows


def whole(found: list[tuple[str, ...]], want: list[tuple[str, ...]]) -> int:
    pool = {}
    for r in found:
        pool[r] = pool.get(r, 0) + 1
    n = 0
    for r in want:
        if pool.get(r, 0):
            pool[r] -= 1
            n += 1
    return n


def run_kehoach(pdfs: list[Path]) -> tuple[float, list[tuple[str, ...]]]:
    from kehoach.extract.document import read_document
    from kehoach.pipeline import extract_plan

    t = time.perf_counter()
    for p in pdfs:
        extract_plan(p)
    elapsed = time.perf_counter() - t
    rows = []
    for p in pdfs:
        for table in read_document(p).tables:
            rows += [tuple(norm(c) for c in r.cells) for r in table.rows if r.group is None]
    return elapsed, rows


def run_pdfplumber(pdfs: list[Path]) -> tuple[float, list[tuple[str, ...]], int]:
    import pdfplumber

    rows, tables = [], 0
    t = time.perf_counter()
    for p in pdfs:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                for table in page.extract_tables():
                    tables += 1
                    rows += [tuple(norm(c or "") for c in r) for r in table]
    return time.perf_counter() - t, rows, tables


def run_pymupdf(pdfs: list[Path]) -> tuple[float, list[tuple[str, ...]], int]:
    import fitz

    rows, tables = [], 0
    t = time.perf_counter()
    for p in pdfs:
        with fitz.open(p) as doc:
            for page in doc:
                for table in page.find_tables().tables:
                    tables += 1
                    rows += [tuple(norm(c or "") for c in r) for r in table.extract()]
    return time.perf_counter() - t, rows, tables


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pdfs = sorted(p for p in (SAMPLES / "pdf").glob("*.pdf") if p.suffixes[-2] in (".a", ".b", ".c"))
    import fitz

    pages = sum(fitz.open(p).page_count for p in pdfs)
    want = [r for p in pdfs for r in docmodel_rows(p.name.split(".")[0])]
    from kehoach.extract.document import read_document

    n_tables = sum(len(read_document(p).tables) for p in pdfs)
    print(f"{len(pdfs)} born-digital PDFs, {pages} pages, {n_tables} logical tables, {len(want)} table rows\n")
    results = []
    best = min(run_kehoach(pdfs)[0] for _ in range(args.repeat))
    tracemalloc.start()
    _, rows = run_kehoach(pdfs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    results.append(("kehoach extract (whole plan-json)", pages / best, n_tables, whole(rows, want), f"{peak / 2**20:.0f} MiB"))
    t, rows, tables = min((run_pdfplumber(pdfs) for _ in range(args.repeat)), key=lambda r: r[0])
    results.append(("pdfplumber extract_tables()", pages / t, tables, whole(rows, want), "-"))
    t, rows, tables = min((run_pymupdf(pdfs) for _ in range(args.repeat)), key=lambda r: r[0])
    results.append(("PyMuPDF find_tables() + extract()", pages / t, tables, whole(rows, want), "-"))
    print(f"{'tool':38} {'pages/s':>9} {'tables':>7} {'rows whole':>16} {'peak mem':>9}")
    for name, rate, tables, ok, mem in results:
        print(f"{name:38} {rate:9.1f} {tables:7d} {ok:5d}/{len(want):<5d} {100 * ok / len(want):5.1f}% {mem:>9}")
    slowest = max(pdfs, key=lambda p: fitz.open(p).page_count)
    t = min(run_kehoach([slowest])[0] for _ in range(args.repeat))
    print(f"\nlargest plan: {slowest.name}, {fitz.open(slowest).page_count} pages in {t * 1000:.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
