"""Scanned pages fed turned (a landscape appendix in portrait, a page upside down) are read
upright: the orientation decision on page images, and whole scans with turned pages
scoring like the upright scan."""

from __future__ import annotations

import json

import cv2
import fitz
import numpy as np
import pytest
from rapidfuzz import fuzz

from kehoach.evaluate import evaluate_plan
from kehoach.extract.ocr import OcrPage, Orientation, ocr_page, page_orientation
from kehoach.extract.ocr_image import quick_orientation, render_page, suppress_colour, turn_image
from kehoach.pipeline import extract_plan
from ocr_support import GOLD_DIR, PDF_DIR, open_sample, require_ocr

SCAN = "003_tan_hung.scan.pdf"
#: The mixed sample: body born-digital, the two landscape appendix pages scanned. Turned
#: there, they cost two OCR'd pages only.
MIXED = "003_tan_hung.mixed.pdf"
#: Page number -> degrees clockwise its image is turned in the test PDF: both landscape
#: appendix pages fed in portrait, either way.
TURNED = {8: 90, 9: 270}
#: Field F1 the turned scan may lose against the upright one (one field is about 0.0012).
F1_SLACK = 0.003


def turned_pdf(src: fitz.Document, turns: dict[int, int]) -> bytes:
    """A copy of a PDF with the scanned images of the pages in `turns` turned clockwise: the
    same image bytes, placed turned on a page whose sides are swapped for a quarter turn."""
    out = fitz.open()
    for page in src:
        turn = turns.get(page.number + 1, 0)
        if not turn:
            out.insert_pdf(src, from_page=page.number, to_page=page.number)
            continue
        (xref, *_), = page.get_images()
        w, h = (page.rect.height, page.rect.width) if turn % 180 else (page.rect.width, page.rect.height)
        new = out.new_page(width=w, height=h)
        # PyMuPDF turns an inserted image counter-clockwise.
        new.insert_image(new.rect, stream=src.extract_image(xref)["image"], rotate=(360 - turn) % 360)
    return out.tobytes()


def write_turned(tmp_path_factory, name: str, turns: dict[int, int]):
    require_ocr()
    with open_sample(name) as src:
        data = turned_pdf(src, turns)
    path = tmp_path_factory.mktemp("turned") / name.replace(".pdf", ".turned.pdf")
    path.write_bytes(data)
    return path


def test_turned_pdf_turns_the_image() -> None:
    """The helper itself: the turned page renders as the upright one turned."""
    with open_sample(SCAN) as src, fitz.open(stream=turned_pdf(src, {8: 90})) as out:
        want = turn_image(render_page(src[7], 50), 90).astype(int)
        got = render_page(out[7], 50).astype(int)
        assert got.shape == want.shape and np.abs(got - want).mean() < 1.0
        assert out[0].get_text() == src[0].get_text()


# --- The decision on page images -----------------------------------------------------------

@pytest.fixture(scope="module")
def pages_gray() -> dict[int, np.ndarray]:
    """Seal-free gray images of the upright scan: body text, the signature page with the red
    seal, and a landscape table page."""
    with open_sample(SCAN) as doc:
        return {n: suppress_colour(render_page(doc[n - 1])) for n in (2, 7, 8)}


@pytest.mark.parametrize("number", [2, 7, 8])
@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_quick_test_finds_the_turn(pages_gray: dict[int, np.ndarray], number: int, turn: int) -> None:
    fed = turn_image(pages_gray[number], turn)
    assert quick_orientation(fed).turn == (360 - turn) % 360


def test_quick_test_is_not_fooled_by_rulings_alone() -> None:
    """An empty ruled grid (no text) has no text lines: undecided, not turned."""
    grid = np.full((3508, 2480), 255, np.uint8)
    for y in range(300, 3200, 120):
        cv2.line(grid, (200, y), (2280, y), 0, 3)
    for x in (200, 500, 1400, 1900, 2280):
        cv2.line(grid, (x, 300), (x, 3180), 0, 3)
    assert quick_orientation(grid).turn is None
    assert page_orientation(grid) == Orientation(0)


@pytest.mark.parametrize(("number", "turn"), [(8, 90), (7, 270), (2, 180)])
def test_osd_confirms_a_turn(pages_gray: dict[int, np.ndarray], number: int, turn: int) -> None:
    require_ocr()
    found = page_orientation(turn_image(pages_gray[number], turn))
    assert found.turn == (360 - turn) % 360
    assert found.remark and f"turned {found.turn}°" in found.remark and "(OSD, confidence" in found.remark


def test_upright_page_needs_no_osd_and_no_note(pages_gray: dict[int, np.ndarray]) -> None:
    assert page_orientation(pages_gray[2]).remark is None
    assert page_orientation(pages_gray[2]).turn == 0


def test_sparse_page_is_read_upright_and_says_so() -> None:
    """A page with only its number: too little text for either test."""
    require_ocr()
    page = np.full((3508, 2480), 255, np.uint8)
    cv2.putText(page, "12", (1200, 200), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 5)
    found = page_orientation(turn_image(page, 90))
    assert found.turn == 0
    assert found.remark and "could not be told" in found.remark and "upright" in found.remark


# --- Whole pages and a whole scan ------------------------------------------------------------

def _text(page) -> str:
    return " ".join(w.text for w in sorted(page.words, key=lambda w: (round(w.top / 6), w.x0)))


def test_turned_page_reads_like_the_upright_page(tmp_path_factory) -> None:
    """The seal page fed a quarter turn: same words, at the same places, as upright."""
    path = write_turned(tmp_path_factory, SCAN, {7: 90})
    with fitz.open(path) as turned, open_sample(SCAN) as upright:
        got, want = ocr_page(turned[6], 7), ocr_page(upright[6], 7)
    assert got.turn == 270 and want.turn == 0
    assert "turned 270° clockwise" in got.note and "turned" not in want.note
    assert (round(got.width), round(got.height)) == (round(want.width), round(want.height))
    assert fuzz.ratio(_text(got), _text(want)) >= 95
    centres = {w.text: ((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2) for w in want.words}
    moved = [abs(cx - centres[w.text][0]) + abs(cy - centres[w.text][1])
             for w in got.words if w.text in centres and len(w.text) > 4
             for cx, cy in [((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2)]]
    assert len(moved) >= 20 and float(np.median(moved)) <= 3.0


def test_scan_with_turned_pages_scores_like_upright(tmp_path_factory) -> None:
    """Both appendix pages (the indicator and task tables) fed in portrait, either way."""
    path = write_turned(tmp_path_factory, MIXED, TURNED)
    gold = json.loads((GOLD_DIR / "003_tan_hung.mixed.plan.json").read_text(encoding="utf-8"))
    upright = evaluate_plan(gold, extract_plan(PDF_DIR / MIXED).to_json_dict())
    plan = extract_plan(path).to_json_dict()
    report = evaluate_plan(gold, plan)
    f1, want = report.overall.f1, upright.overall.f1
    assert f1 >= want - F1_SLACK, f"F1 {f1:.4f} with turned pages, {want:.4f} upright"
    assert not report.unaligned, [u.row.label for u in report.unaligned]
    notes = {i["page"]: i["message"] for i in plan["issues"] if i["code"] == "ocr_page"}
    for number, turn in TURNED.items():
        assert f"turned {(360 - turn) % 360}° clockwise" in notes.get(number, ""), notes.get(number)


def test_reader_note_keeps_the_orientation_remark(tmp_path) -> None:
    """The PDF reader puts why a page was OCR'd before how it was read: the turn stays."""
    from kehoach.extract.pdf_pages import read_pages

    require_ocr()
    one = fitz.open()
    one.insert_pdf(open_sample(SCAN), from_page=7, to_page=7)
    path = tmp_path / "turned.pdf"
    path.write_bytes(turned_pdf(one, {1: 90}))
    (page,) = list(read_pages(path))
    assert page.note.startswith("no text layer") and "OCR at 300 dpi" in page.note
    assert "clockwise" in page.note and page.turn in (90, 270)
