"""Unit tests of the sample builder's pure parts (tools/), on small literals.

No LibreOffice: the Word rendering is checked in its XML."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("docx")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from docmodel_docx import docmodel_to_docx  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx_tables import Placed, header_to_grid  # noqa: E402
from gold_pages import LocateError, fill_pages  # noqa: E402
from layouts import STYLE_A, STYLE_B, perturb_widths  # noqa: E402
from pdf_text import find_forward, make_reproducible, squeeze, words_to_stream  # noqa: E402

TWO_ROW_HEADER = [
    [{"text": "STT", "rowspan": 2}, {"text": "Chỉ tiêu", "rowspan": 2},
     {"text": "Phấn đấu", "colspan": 2}, {"text": "Chủ trì", "rowspan": 2}],
    ["Năm 2025", "Năm 2030"],
]

TABLE = {"type": "table", "columns": ["STT", "Chỉ tiêu", "Năm 2025", "Năm 2030", "Chủ trì"],
         "header": TWO_ROW_HEADER, "widths": [0.06, 0.5, 0.12, 0.12, 0.2],
         "rows": [{"group": "I", "text": "Phát triển hạ tầng"},
                  {"cells": ["1", "Tỷ lệ phủ sóng 5G", "≥ 60%", "100%", "Phòng Văn hóa - Xã hội"]},
                  {"cells": ["2", "Trung tâm SOC\nGiám sát", "Có", "Có", "Công an xã"]}]}

MODEL = {
    "model": "doc-model/1", "stem": "t",
    "header": {"left": ["ỦY BAN NHÂN DÂN", "XÃ A"], "number": "Số: /KH-UBND",
               "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
               "place_date": "A, ngày tháng năm 2025"},
    "title": "KẾ HOẠCH", "subtitle": ["Triển khai"],
    "body": [{"type": "heading", "level": 1, "text": "III. NHIỆM VỤ"},
             {"type": "bullet", "text": "Xây dựng kế hoạch số."},
             {"type": "para", "text": "Tối thiểu 70% người dân; 100% hồ sơ số hóa."}],
    "closing": {"recipients": ["Lưu: VT."], "authority": None, "position": "CHỦ TỊCH", "name": "B"},
    "appendices": [{"title": ["PHỤ LỤC"], "note": "(Kèm theo)", "header_block": True,
                    "orientation": "landscape", "body": [TABLE]}],
}

GOLD = {"contract": "plan-json/1", "document": {"pages": None},
        "indicators": [
            {"source": "prose", "name": "100% hồ sơ số hóa", "page": None},
            {"source": "table", "ordinal": "1", "name": "Tỷ lệ phủ sóng 5G", "page": None},
            {"source": "table", "ordinal": "2", "name": "Trung tâm SOC Giám sát", "page": None}],
        "tasks": [{"source": "prose", "name": "Xây dựng kế hoạch số.", "page": None}]}


def _words(text: str, top: float = 100.0, left: float = 0.0) -> list[tuple]:
    return [(left, top, left + 10, top + 10, w, 0, 0, i) for i, w in enumerate(text.split())]


def test_header_to_grid_places_spans():
    placed = header_to_grid(TWO_ROW_HEADER, 5)
    assert placed[2] == Placed(0, 2, 1, 2, "Phấn đấu")
    assert placed[3] == Placed(0, 4, 2, 1, "Chủ trì")
    assert placed[4:] == [Placed(1, 2, 1, 1, "Năm 2025"), Placed(1, 3, 1, 1, "Năm 2030")]


def test_header_to_grid_rejects_overflow():
    with pytest.raises(ValueError):
        header_to_grid([["a", {"text": "b", "colspan": 3}]], 3)


def test_perturb_widths_keeps_sum_and_stt():
    widths = perturb_widths([0.1, 0.5, 0.4], 0.05)
    assert sum(widths) == pytest.approx(1.0)
    assert widths[1] > 0.5 and widths[2] < 0.4
    assert perturb_widths([0.1, 0.9], 0.0) == pytest.approx([0.1, 0.9])


def test_stream_squeezes_and_drops_page_number():
    stream = words_to_stream([_words("Tỷ lệ HĐND-"), _words("2", top=20, left=290) + _words("UBND xã")])
    assert stream.chars == squeeze("Tỷ lệ HĐND-UBND xã")
    # An STT cell at the top of a page with a narrow margin is not the page number.
    assert words_to_stream([[], _words("2", top=36, left=60)]).chars == "2"
    assert stream.page_at(stream.chars.index("ubnd")) == 2


def test_find_forward_falls_back_to_shorter_prefix():
    stream = words_to_stream([_words("1 Tên nhiệm vụ dài STT Tên")])
    needle = squeeze("1 Tên nhiệm vụ dài hơn nữa ở trang sau")
    assert find_forward(stream, needle, 0, lengths=(30, 10)) == 0
    assert find_forward(stream, squeeze("không có"), 0) == -1


def test_fill_pages_locates_rows_in_document_order():
    pages = [_words("KẾ HOẠCH III. NHIỆM VỤ - Xây dựng kế hoạch số."),
             _words("Tối thiểu 70% người dân; 100% hồ sơ số hóa."),
             _words("PHỤ LỤC STT Chỉ tiêu I Phát triển hạ tầng 1 Tỷ lệ phủ sóng 5G ≥ 60%"),
             _words("2", top=30) + _words("STT Chỉ tiêu 2 Trung tâm SOC Giám sát Có")]
    filled, cut = fill_pages(GOLD, MODEL, words_to_stream(pages), 4)
    assert filled["document"]["pages"] == 4
    assert [r["page"] for r in filled["indicators"]] == [2, 3, 4]
    assert filled["tasks"][0]["page"] == 1
    assert GOLD["indicators"][0]["page"] is None  # the input is not changed


def test_fill_pages_fails_loudly_on_a_missing_row():
    pages = [_words("KẾ HOẠCH - Xây dựng kế hoạch số. Tối thiểu 70% người dân; 100% hồ sơ số hóa.")]
    with pytest.raises(LocateError):
        fill_pages(GOLD, MODEL, words_to_stream(pages), 1)


@pytest.mark.parametrize("layout", [STYLE_A, STYLE_B], ids=lambda s: s.name)
def test_docx_tables_repeat_headers_span_groups_and_may_split(layout):
    doc = docmodel_to_docx(MODEL, layout)
    ruled = doc.tables[-1]._tbl
    rows = ruled.findall(qn("w:tr"))
    assert [r.find(qn("w:trPr")) is not None and r.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
            for r in rows] == [True, True, False, False, False]
    assert not ruled.xpath(".//w:cantSplit")
    assert ruled.xpath(".//w:vMerge") and ruled.xpath(".//w:gridSpan")
    group_cells = rows[2].findall(qn("w:tc"))
    assert len(group_cells) == 2 and group_cells[1].xpath(".//w:gridSpan/@w:val") == ["4"]
    assert len(doc.sections) == 2 and doc.sections[1].page_width > doc.sections[1].page_height
    texts = [p.text for p in doc.paragraphs]
    assert "- Xây dựng kế hoạch số." in texts and "KẾ HOẠCH" in texts


def test_make_reproducible_fixes_date_and_ids_keeping_length():
    def pdf(date: bytes, ident: bytes) -> bytes:
        return (b"/CreationDate(D:" + date + b"Z')>>\n/ID [ <" + ident + b">\n<" + ident
                + b"> ]\n/DocChecksum /" + ident + b"\n")
    one = pdf(b"20261122215541", b"A" * 32)
    two = pdf(b"20251001000000", b"B" * 32)
    assert make_reproducible(one) == make_reproducible(two)
    assert len(make_reproducible(one)) == len(one)
    assert b"D:20250101000000" in make_reproducible(one)
