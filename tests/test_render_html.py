"""Unit tests of the doc-model -> HTML renderer (tools/render_html.py) on small literals:
the markup Chromium prints the .h samples from."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("docx")  # render_html shares header_to_grid with the docx renderer
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from render_html import _rowspans, cell_html, docmodel_to_html, table_html  # noqa: E402

TABLE = {
    "type": "table",
    "columns": ["STT", "Chỉ tiêu", "2025", "2030", "Cơ quan"],
    "header": [
        [{"text": "STT", "rowspan": 2}, {"text": "Chỉ tiêu", "rowspan": 2},
         {"text": "Phấn đấu", "colspan": 2}, {"text": "Cơ quan", "rowspan": 2}],
        ["2025", "2030"],
    ],
    "rows": [
        {"group": "I", "text": "Hạ tầng số"},
        {"cells": ["1", "Tỷ lệ <hộ> & dân", "50%", "100%", "Phòng Văn hóa - Xã hội"]},
    ],
    "widths": [0.05, 0.45, 0.1, 0.1, 0.3],
}


def test_two_row_header_in_thead_with_spans() -> None:
    html = table_html(TABLE)
    thead = html[html.index("<thead>"): html.index("</thead>")]
    assert thead.count("<tr>") == 2
    assert '<th rowspan="2">STT</th>' in thead
    assert '<th colspan="2">Phấn đấu</th>' in thead
    assert "<th>2025</th><th>2030</th>" in thead


def test_group_row_spans_the_columns_after_the_first_and_text_is_escaped() -> None:
    html = table_html(TABLE)
    assert re.search(r'<tr class="group"><td class="c">I</td><td colspan="4"[^>]*>Hạ tầng số</td></tr>', html)
    assert "Tỷ lệ &lt;hộ&gt; &amp; dân" in html


def test_group_cells_one_prints_the_group_across_the_row() -> None:
    html = table_html({**TABLE, "group_cells": 1})
    assert '<td colspan="5" class="l">I. Hạ tầng số</td>' in html


def test_group_cells_two_prints_code_and_title_in_their_own_cells() -> None:
    html = table_html({**TABLE, "group_cells": 2})
    assert '<td class="c">I</td><td class="j">Hạ tầng số</td><td></td><td></td><td></td></tr>' in html


def test_merge_down_cells_span_their_sub_task_rows() -> None:
    rows = [
        {"group": "I", "text": "g"},
        {"cells": ["1", "Nhiệm vụ", "a"]},
        {"cells": ["", "", "b"]},
        {"cells": ["", "", "c"]},
        {"cells": ["2", "Khác", "d"]},
        {"cells": ["", "", "e"]},
        {"group": "II", "text": "h"},
        {"cells": ["", "", "f"]},  # nothing above it in this group: stays a cell
    ]
    spans = _rowspans(rows, {0, 1})
    assert spans[(1, 0)] == spans[(1, 1)] == 3
    assert spans[(2, 0)] == spans[(3, 1)] == 0
    assert spans[(4, 0)] == 2 and spans[(5, 0)] == 0
    assert (7, 0) not in spans


def test_cell_lines_as_paragraphs_for_bullets_else_breaks() -> None:
    assert cell_html("- một\n- hai") == "<p>- một</p><p>- hai</p>"
    assert cell_html("Quý I\nnăm 2026") == "Quý I<br>năm 2026"
    assert cell_html("một dòng") == "một dòng"


def test_whole_page_landscape_appendix_and_page_numbers() -> None:
    model = {
        "header": {"left": ["ỦY BAN NHÂN DÂN", "XÃ A"], "number": "Số:   /KH-UBND",
                   "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                   "place_date": "A, ngày   tháng   năm 2025"},
        "title": "KẾ HOẠCH",
        "subtitle": ["Triển khai", "Nghị quyết 57"],
        "body": [{"type": "heading", "level": 1, "text": "I. MỤC ĐÍCH"},
                 {"type": "bullet", "text": "một ý"}],
        "closing": {"recipients": ["Lưu: VT."], "authority": None, "position": "CHỦ TỊCH", "name": "B"},
        "appendices": [{"title": ["PHỤ LỤC"], "note": "(Kèm theo)", "orientation": "landscape",
                        "header_block": True, "body": [TABLE]}],
    }
    html = docmodel_to_html(model)
    assert "@page landscape" in html and '<section class="appendix landscape">' in html
    assert html.count('<table class="hdr">') == 2  # body and the appendix's first page
    assert '<p class="subject">Triển khai Nghị quyết 57</p>' in html
    assert '<p class="para">- một ý</p>' in html
    assert "counter(page)" in html
    assert "counter(page)" not in docmodel_to_html(model, page_numbers=False)
