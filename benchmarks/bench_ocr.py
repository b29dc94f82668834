"""OCR speed and accuracy on the scanned samples, beside img2table + Tesseract.

    OMP_THREAD_LIMIT=1 .venv/bin/python benchmarks/bench_ocr.py [--files 003_tan_hung.scan.pdf ...]
        [--img2table-python /path/to/other/venv/bin/python]

For each samples/pdf/*.scan.pdf and *.mixed.pdf this runs the whole pipeline once
(`kehoach.pipeline.extract_plan`, every OCR'd page timed) and prints:
  - seconds per OCR'd page, wall clock and CPU (this process and Tesseract's, one core);
  - of which the orientation check (`kehoach.extract.ocr.page_orientation`: the cheap test
    of text-line direction, and Tesseract OSD for the pages it does not find upright);
  - cell text accuracy: every cell of the born-digital page's ruled tables (same stem,
    `.a.pdf`) against the OCR'd cell at the same place: share with rapidfuzz ratio >= 90,
    and the mean ratio;
  - field F1 of the plan against its gold (`kehoach.evaluate`), when the pipeline exists.
Then the same speed and cell accuracy for img2table with Tesseract `vie` on the same
pages, when img2table can run. img2table pulls in opencv-contrib-python, which would
overwrite this venv's opencv-python-headless `cv2`: install it in a separate venv
(`python -m venv /tmp/i2t && /tmp/i2t/bin/pip install img2table pytesseract pymupdf`)
and pass that interpreter with --img2table-python.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract on one core

import fitz  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
Cell = tuple[float, float, float, float, str]


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (Tesseract runs as a child)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def page_cells(page) -> list[Cell]:
    """(x0, top, x1, bottom, text) of every ruled-table cell of a kehoach Page."""
    from kehoach.extract.grid import page_grids
    from kehoach.extract.lines import cell_text

    out = []
    for grid in page_grids(page.rulings):
        for cell in grid.cells:
            x0, y0, x1, y1 = cell.bbox
            inside = [w for w in page.words if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= (w.top + w.bottom) / 2 <= y1]
            out.append((x0, y0, x1, y1, cell_text(inside)))
    return out


def reference_cells(stem: str) -> dict[int, list[Cell]]:
    """Cells of the born-digital rendering, by page number."""
    from kehoach.extract.pdf_pages import text_page

    with fitz.open(SAMPLES / "pdf" / f"{stem}.a.pdf") as doc:
        return {i + 1: page_cells(text_page(p, i + 1)) for i, p in enumerate(doc)}


def score_cells(want: list[Cell], got: list[Cell]) -> list[float]:
    """For each non-empty reference cell, the ratio to the found cell containing its centre."""
    scores = []
    for x0, y0, x1, y1, text in want:
        if not text:
            continue
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        hit = next((g for g in got if g[0] - 2 <= cx <= g[2] + 2 and g[1] - 2 <= cy <= g[3] + 2), None)
        scores.append(fuzz.ratio(text, hit[4]) if hit else 0.0)
    return scores


def run_kehoach(pdf: Path) -> dict:
    """One pipeline run with every OCR'd page timed; plan F1 when the harness exists."""
    from kehoach.extract import ocr

    pages: dict[int, object] = {}
    times: list[tuple[float, float]] = []
    orient: list[tuple[float, float]] = []
    osd_calls: list[int] = []
    real, real_orient, real_osd = ocr.ocr_page, ocr.page_orientation, ocr.osd_turn

    def timed(doc_page, number):
        t, c = time.perf_counter(), cpu_seconds()
        page = real(doc_page, number)
        times.append((time.perf_counter() - t, cpu_seconds() - c))
        pages[number] = page
        return page

    def timed_orient(gray, dpi=ocr.OCR_DPI):
        t, c = time.perf_counter(), cpu_seconds()
        found = real_orient(gray, dpi)
        orient.append((time.perf_counter() - t, cpu_seconds() - c))
        return found

    def counted_osd(gray, dpi=ocr.OCR_DPI):
        osd_calls.append(1)
        return real_osd(gray, dpi)

    ocr.ocr_page, ocr.page_orientation, ocr.osd_turn = timed, timed_orient, counted_osd
    f1 = None
    try:
        try:
            from kehoach.evaluate import evaluate_plan
            from kehoach.pipeline import extract_plan
        except ImportError as exc:
            print(f"  (no F1: pipeline not importable: {exc})")
            with fitz.open(pdf) as doc:
                for i, p in enumerate(doc):
                    timed(p, i + 1)
        else:
            pred = extract_plan(pdf).to_json_dict()
            gold = json.loads((SAMPLES / "gold" / (pdf.name[: -len(".pdf")] + ".plan.json")).read_text(encoding="utf-8"))
            f1 = evaluate_plan(gold, pred).overall.f1
    finally:
        ocr.ocr_page, ocr.page_orientation, ocr.osd_turn = real, real_orient, real_osd
    return {"pages": pages, "times": times, "orient": orient, "osd": len(osd_calls), "f1": f1}


I2T_SCRIPT = r"""
import json, sys, time, resource
from img2table.document import PDF
from img2table.ocr import TesseractOCR
path, pages = sys.argv[1], json.loads(sys.argv[2])
def cpu():
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
t, c = time.perf_counter(), cpu()
ocr = TesseractOCR(n_threads=1, lang="vie")
doc = PDF(path, pages=[p - 1 for p in pages], detect_rotation=False, pdf_text_extraction=False)
found = doc.extract_tables(ocr=ocr, implicit_rows=False, borderless_tables=False, min_confidence=50)
wall, cpu_s = time.perf_counter() - t, cpu() - c
scale = 72 / 200  # img2table renders PDFs at 200 dpi
out = {}
for index, tables in found.items():
    cells = []
    for table in tables:
        seen = set()
        for row in table.content.values():
            for cell in row:
                b = cell.bbox
                key = (b.x1, b.y1, b.x2, b.y2)
                if key in seen:
                    continue
                seen.add(key)
                cells.append([b.x1 * scale, b.y1 * scale, b.x2 * scale, b.y2 * scale, " ".join(str(cell.value or "").split())])
    out[str(index + 1)] = cells
print(json.dumps({"wall": wall, "cpu": cpu_s, "cells": out}, ensure_ascii=False))
"""


def run_img2table(python: str, pdf: Path, pages: list[int]) -> dict | str:
    """img2table + Tesseract in another interpreter: timings and cells, or why it could not run."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(I2T_SCRIPT)
    try:
        proc = subprocess.run([python, fh.name, str(pdf), json.dumps(pages)], capture_output=True, text=True,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"}, timeout=3600)
    finally:
        os.unlink(fh.name)
    if proc.returncode != 0:
        return (proc.stderr.strip().splitlines() or ["failed"])[-1]
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["cells"] = {int(k): [tuple(c) for c in v] for k, v in data["cells"].items()}
    return data


def img2table_python(arg: str | None) -> tuple[str | None, str]:
    if arg:
        return arg, ""
    try:
        import img2table  # noqa: F401
    except ImportError:
        return None, ("img2table not installed here: it requires opencv-contrib-python, which would replace "
                      "opencv-python-headless's cv2 in this venv; install it in a separate venv and pass "
                      "--img2table-python")
    return sys.executable, ""


def summarize(scores: list[float]) -> str:
    if not scores:
        return "no table cells"
    good = sum(s >= 90 for s in scores)
    return f"cells >= 90: {good}/{len(scores)} ({good / len(scores):.1%}), mean ratio {statistics.mean(scores):.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", nargs="*", help="sample PDF names (default: every *.scan.pdf and *.mixed.pdf)")
    ap.add_argument("--img2table-python", help="an interpreter with img2table installed")
    args = ap.parse_args(argv)
    names = args.files or sorted(p.name for p in (SAMPLES / "pdf").glob("*.pdf")
                                 if ".scan." in p.name or ".mixed." in p.name)
    i2t_python, why = img2table_python(args.img2table_python)
    all_k, all_i = [], []
    k_times: list[tuple[float, float]] = []
    o_times: list[tuple[float, float]] = []
    osd_pages = 0
    i_wall = i_cpu = 0.0
    i_pages = 0
    for name in names:
        pdf = SAMPLES / "pdf" / name
        stem = name.split(".")[0]
        ref = reference_cells(stem)
        run = run_kehoach(pdf)
        k_times += run["times"]
        o_times += run["orient"]
        osd_pages += run["osd"]
        scores = [s for n, page in run["pages"].items() for s in score_cells(ref.get(n, []), page_cells(page))]
        all_k += scores
        walls = [w for w, _ in run["times"]]
        cpus = [c for _, c in run["times"]]
        f1 = "n/a" if run["f1"] is None else f"{run['f1']:.4f}"
        print(f"{name}: kehoach {len(walls)} OCR'd pages, {statistics.mean(walls):.2f} s/page wall, "
              f"{statistics.mean(cpus):.2f} s/page CPU; {summarize(scores)}; field F1 {f1}")
        if i2t_python:
            got = run_img2table(i2t_python, pdf, sorted(run["pages"]))
            if isinstance(got, str):
                print(f"  img2table could not run: {got}")
                i2t_python = None
                continue
            n = len(run["pages"])
            i_wall, i_cpu, i_pages = i_wall + got["wall"], i_cpu + got["cpu"], i_pages + n
            iscores = [s for p in run["pages"] for s in score_cells(ref.get(p, []), got["cells"].get(p, []))]
            all_i += iscores
            print(f"  img2table+Tesseract: {got['wall'] / n:.2f} s/page wall, {got['cpu'] / n:.2f} s/page CPU; "
                  f"{summarize(iscores)}")
    if k_times:
        print(f"\nkehoach OCR: {statistics.mean(w for w, _ in k_times):.2f} s/page wall, "
              f"{statistics.mean(c for _, c in k_times):.2f} s/page CPU over {len(k_times)} pages; {summarize(all_k)}")
    if o_times:
        o_wall, o_cpu = statistics.mean(w for w, _ in o_times), statistics.mean(c for _, c in o_times)
        share = o_cpu / max(statistics.mean(c for _, c in k_times), 1e-9)
        print(f"  of which orientation check: {o_wall * 1000:.0f} ms/page wall, {o_cpu * 1000:.0f} ms/page CPU "
              f"({share:.1%} of OCR CPU); OSD asked on {osd_pages} of {len(o_times)} pages")
    if i_pages:
        print(f"img2table:   {i_wall / i_pages:.2f} s/page wall, {i_cpu / i_pages:.2f} s/page CPU; {summarize(all_i)}")
    elif why:
        print(f"img2table: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
