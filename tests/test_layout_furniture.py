"""Page furniture: running headers and footers, print stamps and page numbers are
dropped for the whole document at once; a plan's header block and a table's rows near
the page edge are content and stay. Rulings are cut to the clip they were drawn under.

The end-to-end check reads samples/chromium_hf: Chromium's "Print to PDF" renderings
with the browser's default header (date and time, page title) and footer (file
address, "2/13").
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from docmodel_compare import compare
from kehoach.evaluate import evaluate_plan
from kehoach.extract.document import read_document
from kehoach.extract.layout import (
    _same_running_text,
    furniture_words,
    is_running_stamp,
    split_page,
)
from kehoach.extract.lines import make_line
from kehoach.extract.model import Page, Ruling, Word
from kehoach.extract.pdf_pages import _clip_ruling, page_rulings
from kehoach.pipeline import extract_plan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HF = sorted((SAMPLES / "chromium_hf").glob("*.pdf"))
W, H = 595.0, 842.0


def words(text: str, x0: float, top: float, size: float = 12.0, bold: bool = False) -> list[Word]:
    """Words of one line set at (x0, top), about half an em per character."""
    out: list[Word] = []
    x = x0
    for t in text.split():
        w = 0.5 * size * len(t)
        out.append(Word(t, x, top, x + w, top + size * 1.1, bold, False, size))
        x += w + 0.3 * size
    return out


def body(page: int) -> list[Word]:
    return words(f"Nội dung trang {page} của kế hoạch, đoạn văn bản thường.", 85, 300) + words(
        "Một dòng khác của đoạn văn.", 85, 320
    )


def texts(page: Page, furniture: set) -> list[str]:
    return [ln.text for ln in split_page(page, furniture).lines]


def test_repeated_footer_and_header_are_dropped() -> None:
    pages = []
    for n in range(1, 6):
        ws = body(n)
        ws += words("Kế hoạch số 12/KH-UBND ngày 15/10/2025", 60, 20, size=9)  # running header
        ws += words(f"Trang {n}/5", 480, H - 30, size=9)
        ws += words("Văn phòng UBND xã - bản điện tử", 60, H - 30, size=9)  # running footer
        pages.append(Page(n, W, H, ws, []))
    fw = furniture_words(pages)
    for p in pages:
        got = texts(p, fw)
        assert not any("12/KH-UBND" in t or "Văn phòng" in t or "Trang" in t for t in got), got
        assert any(t.startswith("Nội dung trang") for t in got)


def test_footer_on_too_few_pages_stays() -> None:
    """A line repeated on 2 pages of 6 is not a running footer."""
    pages = []
    for n in range(1, 7):
        ws = body(n)
        if n in (2, 3):
            ws += words("Ghi chú cuối trang", 60, H - 40, size=10)
        pages.append(Page(n, W, H, ws, []))
    fw = furniture_words(pages)
    assert "Ghi chú cuối trang" in texts(pages[1], fw)


def test_numbers_are_masked_and_titles_cut_short_still_match() -> None:
    assert _same_running_text("Kế hoạch Triển khai thực hiện Nghị quyết số #-NQ/TW ng…",
                              "Kế hoạch Triển khai thực hiện Nghị quyết số #-NQ/TW ngày #/#/# của Bộ…")
    assert not _same_running_text("Kế hoạch A", "Kế hoạch B")
    # Portrait and landscape pages of a Chromium print: the title is cut at different widths.
    pages = []
    for n in range(1, 5):
        width, height = (W, H) if n <= 2 else (H, W)
        title = "Kế hoạch Triển khai thực hiện Nghị quyết số 57-NQ/TW ng…" if n <= 2 else (
            "Kế hoạch Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ…"
        )
        ws = body(n) + words(title, 128, 15, size=8)
        pages.append(Page(n, width, height, ws, []))
    fw = furniture_words(pages)
    for p in pages:
        assert not any(t.startswith("Kế hoạch Triển khai") for t in texts(p, fw))


def test_print_stamps_are_dropped_even_on_one_page() -> None:
    ws = body(1)
    ws += words("10/15/25, 9:00 AM", 24, 15, size=8)
    ws += words("file:///tmp/ke-hoach/000_phu_rieng.hf.html", 24, H - 25, size=8)
    ws += words("1/1", 553, H - 25, size=8)
    page = Page(1, W, H, ws, [])
    fw = furniture_words([page])
    got = texts(page, fw)
    assert not any("9:00" in t or "file://" in t or t == "1/1" for t in got), got
    assert is_running_stamp(make_line(words("15/10/2025 09:00", 0, 0), 1))
    assert is_running_stamp(make_line(words("https://example.gov.vn/ke-hoach", 0, 0), 1))
    assert not is_running_stamp(make_line(words("Phú Riềng, ngày 15 tháng 10 năm 2025", 0, 0), 1))


def test_header_block_on_page_one_and_appendices_is_kept() -> None:
    """Page 1 and two one-page appendices open with the same header block in the top
    band (3 pages of 4: "most pages"); it is content. A stamp above it is not."""
    pages = []
    for n in range(1, 5):
        ws = body(n) + words("10/15/25, 9:00 AM", 24, 15, size=8)
        if n != 2:
            ws += words("ỦY BAN NHÂN DÂN", 120, 57, bold=True)
            ws += words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 288, 57, bold=True)
            ws += words("XÃ PHÚ RIỀNG", 130, 71, bold=True)
            ws += words("Độc lập - Tự do - Hạnh phúc", 330, 71, bold=True)
        pages.append(Page(n, W, H, ws, []))
    fw = furniture_words(pages)
    for n in (1, 3, 4):
        got = texts(pages[n - 1], fw)
        for want in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ PHÚ RIỀNG"):
            assert want in got, (n, got)
        assert not any("9:00" in t for t in got)


def _grid(x: list[float], y: list[float]) -> list[Ruling]:
    rules = [Ruling(x[0], yy, x[-1], yy) for yy in y]
    rules += [Ruling(xx, y[0], xx, y[-1]) for xx in x]
    return rules


def test_table_rows_near_the_page_edge_are_kept() -> None:
    """Tight margins (style c): a table runs into the margin band on every page; its
    repeated header row, its STT numbers and a cell repeated on every page stay."""
    pages = []
    xs = [20.0, 50.0, 400.0, 575.0]
    for n in range(1, 6):
        ws = words("STT", 24, 20, bold=True) + words("Nội dung", 60, 20, bold=True) + words("Chủ trì", 410, 20, bold=True)
        ws += words(str(n + 1), 30, 40) + words(f"Nhiệm vụ số {n}", 60, 40) + words("UBND xã", 410, 40)
        ws += words(str(n + 10), 30, H - 40) + words("Nhiệm vụ cuối", 60, H - 40) + words("UBND xã", 410, H - 40)
        rulings = _grid(xs, [15.0, 35.0, 60.0, H - 45.0, H - 20.0])
        pages.append(Page(n, W, H, ws, rulings))
    fw = furniture_words(pages)
    assert not fw
    for p in pages:
        frags = split_page(p, fw).fragments
        assert len(frags) == 1, "the grid was found"
        rows = [r.cells for r in frags[0].rows]
        assert rows[0] == ["STT", "Nội dung", "Chủ trì"]
        assert rows[1] == [str(p.number + 1), f"Nhiệm vụ số {p.number}", "UBND xã"]
        assert rows[-1] == [str(p.number + 10), "Nhiệm vụ cuối", "UBND xã"]


def test_page_number_alone_still_dropped_without_the_document_pass() -> None:
    ws = body(2) + words("2", W / 2 - 3, H - 30)
    page = Page(2, W, H, ws, [])
    assert "2" not in [ln.text for ln in split_page(page).lines]
    assert "2" not in texts(page, furniture_words([page]))


def test_clip_cuts_rulings() -> None:
    clip = (57.0, 57.0, 799.7, 553.0)
    # A cut row's side border painted into the top margin: hidden by the clip.
    assert _clip_ruling(Ruling(57.4, 9.0, 57.4, 57.0), clip) is None
    # A border on the clip's edge (half a line width outside) stays as drawn.
    r = Ruling(651.75, 163.1, 800.25, 163.1)
    assert _clip_ruling(r, clip) == r
    # A rule reaching far past the clip is cut to it.
    assert _clip_ruling(Ruling(100.0, 40.0, 100.0, 300.0), clip) == Ruling(100.0, 57.0, 100.0, 300.0)
    assert _clip_ruling(Ruling(10.0, 20.0, 300.0, 20.0), clip) is None


def test_chromium_margin_borders_are_clipped() -> None:
    import fitz

    pdf = SAMPLES / "chromium_hf" / "000_phu_rieng.hf.pdf"
    with fitz.open(str(pdf)) as doc:
        for page in doc:
            assert not [r for r in page_rulings(page) if r.top < 50], page.number + 1


def test_there_are_chromium_samples() -> None:
    assert len(HF) >= 9


@lru_cache(maxsize=None)
def _docmodel(stem: str) -> dict:
    return json.loads((SAMPLES / "docmodel" / f"{stem}.doc.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pdf", HF, ids=lambda p: p.name)
def test_chromium_header_footer_sample_matches_docmodel(pdf: Path) -> None:
    stem = pdf.name.split(".")[0]
    diffs = compare(read_document(pdf), _docmodel(stem))
    assert not diffs, f"{pdf.name}:\n  " + "\n  ".join(diffs)


@pytest.mark.parametrize("pdf", HF, ids=lambda p: p.name)
def test_chromium_header_footer_sample_f1(pdf: Path) -> None:
    gold_path = SAMPLES / "gold" / (pdf.name.split(".")[0] + ".h.plan.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = evaluate_plan(gold, extract_plan(pdf).to_json_dict())
    assert report.overall.f1 >= 0.99, f"{pdf.name}: F1 {report.overall.f1:.4f}"
