"""The extract stage's small pure functions, on small literals."""

from __future__ import annotations

import pytest

from kehoach.extract.grid import build_grid, merge_segments, page_grids, split_rulings
from kehoach.extract.headers import classify, header_year, map_roles
from kehoach.extract.lines import join_lines, words_to_lines
from kehoach.extract.model import Page, RawRow, Ruling, Word
from kehoach.extract.tables import FragRow, _looks_continued, _number_groups, group_of


def box(x0: float, y0: float, x1: float, y1: float) -> list[Ruling]:
    return [Ruling(x0, y0, x1, y0), Ruling(x0, y1, x1, y1), Ruling(x0, y0, x0, y1), Ruling(x1, y0, x1, y1)]


def test_collinear_touching_segments_merge() -> None:
    segs = merge_segments([(10.0, 0.0, 50.0), (10.5, 51.0, 90.0), (40.0, 0.0, 20.0)])
    assert sorted((round(s.pos), s.lo, s.hi) for s in segs) == [(10, 0.0, 90.0), (40, 0.0, 20.0)]


def test_grid_with_a_spanned_header_cell() -> None:
    # 3 columns, 2 rows; the first row's cell spans columns 1-2 (no rule between them).
    rulings = [
        Ruling(0, 0, 300, 0), Ruling(0, 20, 300, 20), Ruling(0, 40, 300, 40),
        Ruling(0, 0, 0, 40), Ruling(100, 0, 100, 40), Ruling(200, 20, 200, 40), Ruling(300, 0, 300, 40),
    ]
    (grid,) = page_grids(rulings)
    assert (grid.nrows, grid.ncols) == (2, 3)
    spans = sorted((c.r0, c.c0, c.c1) for c in grid.cells)
    assert spans == [(0, 0, 0), (0, 1, 2), (1, 0, 0), (1, 1, 1), (1, 2, 2)]


def test_rows_running_past_the_last_rule_stay_open() -> None:
    # Chromium: a row cut by the page break has side rules but no bottom rule.
    hs, vs = split_rulings([Ruling(0, 0, 200, 0), Ruling(0, 20, 200, 20), Ruling(0, 0, 0, 60), Ruling(100, 0, 100, 60), Ruling(200, 0, 200, 60)])
    grid = build_grid(hs, vs)
    assert grid.open_bottom and grid.ys[-1] == 60 and grid.nrows == 2


def test_a_lone_underline_is_not_a_table() -> None:
    assert page_grids([Ruling(100, 50, 200, 50)]) == []


def test_header_block_columns_split_into_two_lines() -> None:
    words = [Word("ỦY", 60, 10, 75, 22, size=13), Word("BAN", 78, 10, 100, 22, size=13),
             Word("CỘNG", 300, 10, 340, 22, size=13), Word("HÒA", 343, 10, 370, 22, size=13)]
    lines = words_to_lines(words, 1)
    assert [ln.text for ln in lines] == ["ỦY BAN", "CỘNG HÒA"]


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["Phát triển KH-", "CN và CĐS"], "Phát triển KH-CN và CĐS"),
        (["Phòng Văn hóa -", "Xã hội"], "Phòng Văn hóa - Xã hội"),
        (["Trước 31/12/202", "7"], "Trước 31/12/2027"),
        (["Lớp/", "năm"], "Lớp/năm"),
        (["Cán bộ,  công chức", " cấp xã"], "Cán bộ, công chức cấp xã"),
    ],
)
def test_cell_lines_join(parts: list[str], joined: str) -> None:
    assert join_lines(parts) == joined


@pytest.mark.parametrize(
    ("header", "year"),
    [("Năm 2030", 2030), ("2026", 2026), ("Mục tiêu năm 2026", 2026), ("Chỉ tiêu đến năm 2030", 2030),
     ("Giai đoạn 2026-2030", 2030), ("Hiện trạng năm 2025", None), ("Chỉ tiêu", None),
     ("Nội dung chỉ tiêu phấn đấu đến cuối năm 2026", None)],
)
def test_year_columns(header: str, year: int | None) -> None:
    assert header_year(header) == year


def test_an_unseen_task_table_maps_by_meaning() -> None:
    columns = ["TT", "Nội dung công việc", "Bộ phận thực hiện", "Đơn vị phối hợp", "Lộ trình thực hiện",
               "Dự kiến sản phẩm", "Kinh phí"]
    assert classify(columns) == "tasks"
    roles, _ = map_roles(columns, "tasks")
    assert roles == ["ordinal", "name", "lead", "partners", "deadline", "output", None]  # Kinh phí -> extra


def test_an_unseen_indicator_table_maps_by_meaning() -> None:
    columns = ["Số TT", "Tên chỉ tiêu", "ĐVT", "Phấn đấu / Năm 2026", "Phấn đấu / Năm 2027", "Đơn vị theo dõi"]
    assert classify(columns) == "indicators"
    roles, years = map_roles(columns, "indicators")
    assert roles == ["ordinal", "name", "unit", "target", "target", "lead"]
    assert years[3:5] == [2026, 2027]


def row(*cells: str, spans: list[tuple[int, int]] | None = None) -> FragRow:
    return FragRow(list(cells), (0, 0, 1, 1), spans or [(i, i) for i in range(len(cells))])


def test_group_rows() -> None:
    assert group_of(row("I", "Đến năm 2030", "", "", "", spans=[(0, 0), (1, 4)]), 5) == ("I", "Đến năm 2030")
    assert group_of(row("II", "Phát triển nguồn lực", "", "", ""), 5) == ("II", "Phát triển nguồn lực")
    assert group_of(row("B", "Chỉ tiêu về chuyển đổi số", "", "", ""), 5) == ("B", "Chỉ tiêu về chuyển đổi số")
    assert group_of(row("3", "Tỷ lệ …", "%", "≥ 90", "Công an xã"), 5) is None


def test_unmerged_arabic_group_rows() -> None:
    rows = [RawRow(["1", "Chính quyền số", "", ""], 1, (0, 0, 1, 1)), RawRow(["1.1", "Triển khai …", "Công an xã", "Quý II/2026"], 1, (0, 0, 1, 1))]
    _number_groups(rows, ["ordinal", "name", "lead", "deadline"])
    assert rows[0].group == ("1", "Chính quyền số") and rows[1].group is None


def test_page_top_rows_without_stt() -> None:
    above = ["12", "Hồ sơ thủ tục hành chính xử lý trực", "%", "≥ 90", "Trung tâm PVHCC"]
    # A table whose rows all have an STT: the unnumbered page-top row is the cut row's rest.
    assert _looks_continued(above, row("", "tuyến toàn trình", "", "", ""), 0, unnumbered_rows=False)
    # A table with sub-task rows: continuation only when the cells read as continuations.
    assert _looks_continued(above, row("", "tuyến toàn trình", "", "", ""), 0, unnumbered_rows=True)
    sub = ["", "", "Tổ chức lớp tập huấn.", "Phòng Văn hóa - Xã hội", "Hằng năm"]
    assert not _looks_continued(["3", "Phổ cập kỹ năng số", "Hướng dẫn người dân.", "Tổ công nghệ số", "Thường xuyên"],
                                row(*sub), 0, unnumbered_rows=True)
    assert not _looks_continued(above, row("13", "Dữ liệu …", "%", "≥ 60", "Phòng Văn hóa - Xã hội"), 0, unnumbered_rows=False)


def test_page_model_is_plain_data() -> None:
    page = Page(1, 595, 842, [Word("Số:", 70, 100, 90, 112)], box(0, 0, 10, 10))
    assert page.words[0].bbox == (70, 100, 90, 112) and page.rulings[0].horizontal


def test_a_budget_table_is_neither_indicators_nor_tasks() -> None:
    from kehoach.extract.headers import usable

    columns = ["STT", "Nội dung", "Đơn vị tính", "Số lượng", "Thành tiền (triệu đồng)"]
    kind = classify(columns)
    roles, _ = map_roles(columns, kind)
    assert not usable(kind, roles)


def test_title_variants() -> None:
    from kehoach.extract.model import Line
    from kehoach.extract.structure import _is_title

    def line(text: str) -> Line:
        return Line(text, 1, 250, 200, 350, 215, True, False, 14)

    assert _is_title(line("KẾ HOẠCH")) and _is_title(line("KẾ HOẠCH HÀNH ĐỘNG"))
    assert not _is_title(line("Kế hoạch này được triển khai đến các cơ quan, đơn vị"))
