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


# Tables with missing rules: columns from the words' alignment (extract/grid.py).


def _line(text: str, x: float, top: float, bold: bool = False, size: float = 10.0) -> list[Word]:
    """Words of one line from x, 6 pt per character and a 3 pt space."""
    out = []
    for w in text.split():
        out.append(Word(w, x, top, x + 6 * len(w), top + size, bold=bold, size=size))
        x += 6 * len(w) + 3
    return out


def _hrules(ys: list[float], x0: float = 0, x1: float = 400) -> list[Ruling]:
    return [Ruling(x0, y, x1, y) for y in ys]


#: Columns: STT 0-40, name 40-250, lead 250-400.
HEADER = _line("STT", 8, 4, True) + _line("Tên nhiệm vụ", 110, 4, True) + _line("Chủ trì", 300, 4, True)
BODY = (_line("1", 16, 24) + _line("Xây dựng kế hoạch chuyển đổi số", 44, 24) + _line("Phòng Văn hóa", 254, 24)
        + _line("2", 16, 44) + _line("Số hóa hồ sơ", 44, 44) + _line("Công an xã", 254, 44))
GROUP = _line("I", 16, 64, True) + _line("Nhóm nhiệm vụ chuyển đổi số của toàn xã năm 2026", 44, 64, True)


def _texts(grid, words) -> list[list[str]]:
    from kehoach.extract.tables import grid_to_fragment

    return [r.cells for r in grid_to_fragment(grid, words, 1).rows]


def test_a_table_with_horizontal_rules_only_gets_columns_from_its_words() -> None:
    words = HEADER + BODY + GROUP
    (grid,) = page_grids(_hrules([0, 20, 40, 60, 80]), words=words)
    assert grid.inferred and grid.ncols == 3
    assert 30 < grid.xs[1] < 44 and 230 < grid.xs[2] < 254
    cells = _texts(grid, words)
    assert cells[1] == ["1", "Xây dựng kế hoạch chuyển đổi số", "Phòng Văn hóa"]
    # The group row's title crosses the lead column's boundary: it spans to the table's end.
    assert cells[3] == ["I", "Nhóm nhiệm vụ chuyển đổi số của toàn xã năm 2026", ""]
    from kehoach.extract.tables import grid_to_fragment

    assert group_of(grid_to_fragment(grid, words, 1).rows[3], 3) == ("I", "Nhóm nhiệm vụ chuyển đổi số của toàn xã năm 2026")


def test_a_boxed_table_without_inner_vertical_rules_gets_columns_from_its_words() -> None:
    words = HEADER + BODY
    rulings = _hrules([0, 20, 40, 60]) + [Ruling(0, 0, 0, 60), Ruling(400, 0, 400, 60)]
    (grid,) = page_grids(rulings, words=words)
    assert grid.inferred and grid.ncols == 3
    assert page_grids(rulings) == []  # without words (OCR's grids) nothing is guessed


def test_justified_spaces_are_no_gutter() -> None:
    # A justified line stretches its spaces: "Xây   dựng   kế" has 9 pt spaces, and no
    # header cell stands over them, so they do not make a column.
    stretched = [Word("Xây", 44, 24, 62, 34, size=10), Word("dựng", 71, 24, 95, 34, size=10),
                 Word("kế", 104, 24, 116, 34, size=10)]
    words = HEADER + stretched + _line("Phòng Văn hóa", 254, 24) + _line("2", 16, 44) + _line("Số hóa", 44, 44)
    (grid,) = page_grids(_hrules([0, 20, 40, 60]), words=words)
    assert grid.ncols == 3
    assert _texts(grid, words)[1] == ["", "Xây dựng kế", "Phòng Văn hóa"]


def test_a_header_cell_over_two_columns_keeps_both() -> None:
    # "Phấn đấu" spans the two year columns (200-300, 300-400); the years below it.
    header = (_line("STT", 8, 4, True) + _line("Chỉ tiêu", 90, 10, True)
              + _line("Phấn đấu đến năm", 252, 2, True) + _line("2025", 236, 14, True) + _line("2030", 336, 14, True))
    body = _line("1", 16, 30) + _line("Tỷ lệ phủ sóng 5G", 44, 30) + _line("60%", 240, 30) + _line("100%", 336, 30)
    body += _line("2", 16, 50) + _line("Trung tâm SOC", 44, 50) + _line("Có", 244, 50) + _line("Có", 344, 50)
    (grid,) = page_grids(_hrules([0, 26, 46, 66]), words=header + body)
    assert grid.ncols == 4
    assert _texts(grid, header + body)[1] == ["1", "Tỷ lệ phủ sóng 5G", "60%", "100%"]


def test_horizontal_rules_of_other_extents_are_no_table() -> None:
    # The header block's short rules and a title rule: not three rules of one extent.
    assert page_grids(_hrules([10], 60, 120) + _hrules([12], 300, 450) + _hrules([80], 200, 330), words=HEADER) == []


def test_a_missing_outer_border_is_restored_from_the_rules_ends() -> None:
    # Inner vertical rules only (the outer border was too thick to read as a rule).
    rulings = _hrules([20, 40, 60]) + [Ruling(40, 0, 40, 60), Ruling(250, 0, 250, 60)]
    (grid,) = page_grids(rulings)
    assert [round(x) for x in grid.xs] == [0, 40, 250, 400]


def test_a_repeated_header_without_a_rule_under_it_gives_back_the_cut_row() -> None:
    from kehoach.extract.tables import Fragment, finish

    def frag(page: int, rows: list[list[str]]) -> Fragment:
        f = Fragment(page, (0, 0, 300, 100), [0, 40, 200, 300],
                     [FragRow(r, (0, 0, 300, 10), [(0, 0), (1, 1), (2, 2)]) for r in rows])
        f.header_rows = 1
        return f

    first = frag(1, [["STT", "Tên nhiệm vụ", "Chủ trì"], ["1", "Xây dựng kế hoạch", "Phòng Văn hóa -"]])
    # Page 2: the header repeated, the cut row's rest in the same cells (no rule between).
    second = frag(2, [["STT", "Tên nhiệm vụ chuyển đổi số", "Chủ trì Xã hội"], ["2", "Số hóa hồ sơ", "Công an xã"]])
    table = finish([first, second])
    assert [r.cells for r in table.rows] == [["1", "Xây dựng kế hoạch chuyển đổi số", "Phòng Văn hóa - Xã hội"],
                                             ["2", "Số hóa hồ sơ", "Công an xã"]]


def test_a_continued_table_without_its_header_keeps_the_columns_of_the_page_before() -> None:
    from kehoach.extract.grid import column_hints

    (first,) = page_grids(_hrules([0, 20, 40, 60]), words=HEADER + BODY)
    # Page 2: no header row; the lead column is empty in its only row, so the words
    # alone would not show it.
    rest = _line("3", 16, 4) + _line("Tập huấn kỹ năng số", 44, 4) + _line("4", 16, 24) + _line("Camera", 44, 24)
    (alone,) = page_grids(_hrules([0, 20, 40]), words=rest)
    (kept,) = page_grids(_hrules([0, 20, 40]), words=rest, hints=column_hints([first]))
    assert alone.ncols == 2 and kept.ncols == 3 and kept.xs == first.xs
