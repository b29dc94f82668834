"""Prose written the way other communes write it: section titles, numbering styles,
bullets, pointers, labelled fields, targets and responsibilities.

Blocks are built directly, mostly without bold or heading hints (as an OCR'd page
gives them); each expectation follows the plan-json/1 contract's wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.extract.model import Block
from kehoach.extract.prose.responsibilities import parse_responsibilities
from kehoach.extract.prose.sections import section_key
from kehoach.extract.prose.targets import parse_prose_targets
from kehoach.extract.prose.tasks import parse_prose_tasks

Z = (0.0, 0.0, 0.0, 0.0)


def para(text: str) -> Block:
    return Block("para", text, 1, Z)


def bullet(text: str) -> Block:
    return Block("bullet", text, 1, Z)


def head(text: str, level: int = 2) -> Block:
    return Block("heading", text, 1, Z, level=level, bold=True)


def rows(tasks) -> list[tuple]:
    return [(t.group.code if t.group else None, t.ordinal, t.name) for t in tasks]


def targets(inds) -> list[tuple]:
    return [(i.name, i.targets[0].raw, i.targets[0].op, i.targets[0].value, i.targets[0].year) for i in inds]


def resp(blocks) -> list[tuple]:
    return [(r.heading, r.agencies, r.duties) for r in parse_responsibilities(blocks)]


# -- tasks: which sections count ------------------------------------------------------

@pytest.mark.parametrize("title", [
    "III. NHIỆM VỤ VÀ GIẢI PHÁP", "III. NHIỆM VỤ TRỌNG TÂM NĂM 2026", "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
    "III. CÁC NHIỆM VỤ, GIẢI PHÁP", "III. Nhiệm vụ và giải pháp", "III. NỘI DUNG, NHIỆM VỤ",
    "III. NHỮNG NHIỆM VỤ TRỌNG TÂM", "III - NHIỆM VỤ CỤ THỂ",
])
def test_task_section_titles(title: str) -> None:
    blocks = [para("II. MỤC TIÊU"), bullet("Phát triển chính quyền số."), para(title),
              para("1. Chính quyền số"), bullet("Số hóa hồ sơ."), para("IV. TỔ CHỨC THỰC HIỆN")]
    assert rows(parse_prose_tasks(blocks)) == [("1", "", "Số hóa hồ sơ.")]


@pytest.mark.parametrize("title", [
    "IV. GIẢI PHÁP THỰC HIỆN", "IV. CÁC GIẢI PHÁP CHỦ YẾU", "IV. GIẢI PHÁP", "IV. NHỮNG GIẢI PHÁP TRỌNG TÂM",
    "I. MỤC ĐÍCH, YÊU CẦU", "V. KINH PHÍ THỰC HIỆN", "VI. TỔ CHỨC THỰC HIỆN",
])
def test_sections_that_are_not_the_tasks_section_give_no_task(title: str) -> None:
    blocks = [para(title), para("1. Về công tác chỉ đạo"), bullet("Tăng cường lãnh đạo, chỉ đạo."),
              para("2. Bố trí kinh phí thực hiện."), bullet("Huy động nguồn lực xã hội hóa.")]
    assert parse_prose_tasks(blocks) == []


def test_tasks_subsection_of_a_viewpoints_section() -> None:
    blocks = [para("I. QUAN ĐIỂM, MỤC TIÊU, NHIỆM VỤ"), para("1. Quan điểm"), bullet("Người dân là trung tâm."),
              para("2. Nhiệm vụ"), bullet("Số hóa hồ sơ tồn đọng."), para("II. TỔ CHỨC THỰC HIỆN"),
              para("1. Nhiệm vụ chung"), bullet("Chủ động triển khai.")]
    assert rows(parse_prose_tasks(blocks)) == [("2", "", "Số hóa hồ sơ tồn đọng.")]


def test_tasks_subsection_of_a_combined_objectives_section() -> None:
    blocks = [para("II. MỤC TIÊU, NHIỆM VỤ"), para("1. Mục tiêu"), bullet("100% hồ sơ được số hóa."),
              para("2. Nhiệm vụ"), bullet("Số hóa hồ sơ tồn đọng."), bullet("Ký số 100% văn bản."),
              para("3. Giải pháp"), bullet("Tăng cường lãnh đạo."),
              para("III. TỔ CHỨC THỰC HIỆN")]
    assert rows(parse_prose_tasks(blocks)) == [("2", "", "Số hóa hồ sơ tồn đọng."), ("2", "", "Ký số 100% văn bản.")]
    assert [i.name for i in parse_prose_targets(blocks)] == ["100% hồ sơ được số hóa"]


# -- tasks: sub-levels ----------------------------------------------------------------


@pytest.mark.parametrize("a, b", [("a)", "b)"), ("a.", "b."), ("a/", "b/")])
def test_lettered_items(a: str, b: str) -> None:
    blocks = [para("III. NHIỆM VỤ"), para("1. Chính quyền số"),
              para(f"{a} Số hóa hồ sơ."), para(f"{b} Ký số văn bản."), para("2. Xã hội số."),
              para("IV. TỔ CHỨC THỰC HIỆN")]
    assert rows(parse_prose_tasks(blocks)) == [
        ("1", "a", "Số hóa hồ sơ."), ("1", "b", "Ký số văn bản."), (None, "2", "Xã hội số.")]


@pytest.mark.parametrize("sym", ["-", "–", "+", "•", "*"])
def test_bullet_symbols_printed_in_paragraphs(sym: str) -> None:
    blocks = [para("III. NHIỆM VỤ"), para("1. Chính quyền số"),
              para(f"{sym} Số hóa hồ sơ."), para(f"{sym} Ký số văn bản.")]
    assert rows(parse_prose_tasks(blocks)) == [("1", "", "Số hóa hồ sơ."), ("1", "", "Ký số văn bản.")]


# -- tasks: headings, numbering as printed, intros, pointers --------------------------


@pytest.mark.parametrize("pointer", [
    para("(Chi tiết tại Phụ lục II kèm theo)"),
    para("Chi tiết tại Phụ lục II kèm theo Kế hoạch này."),
    bullet("Nhiệm vụ cụ thể chi tiết tại Phụ lục II kèm theo."),
    para("2.2. Các nhiệm vụ cụ thể: chi tiết tại Phụ lục II kèm theo Kế hoạch này."),
    para("(Có Phụ lục danh mục nhiệm vụ kèm theo)"),
])
def test_pointer_to_an_appendix_is_not_a_task(pointer: Block) -> None:
    blocks = [para("III. NHIỆM VỤ"), para("1. Chính quyền số"), bullet("Số hóa hồ sơ."),
              para("2. Nhiệm vụ cụ thể"), pointer, para("IV. TỔ CHỨC THỰC HIỆN")]
    assert rows(parse_prose_tasks(blocks)) == [("1", "", "Số hóa hồ sơ.")]


def test_agency_and_deadline_in_the_text_go_to_extra_fields_only() -> None:
    text = "Xây dựng Kế hoạch tuyên truyền về chuyển đổi số. Chủ trì: Phòng Văn hóa - Xã hội; phối hợp: Công an xã; thời gian: Quý II/2026."
    blocks = [para("III. NHIỆM VỤ"), para("1. Nâng cao nhận thức"), para("1.1. " + text)]
    [task] = parse_prose_tasks(blocks)
    assert (task.ordinal, task.name) == ("1.1", text)
    assert (task.lead_raw, task.lead, task.partners_raw, task.partners, task.deadline.raw) == (None, [], None, [], None)
    assert task.stated_lead_raw == "Phòng Văn hóa - Xã hội"
    assert task.stated_lead == ["Phòng Văn hóa - Xã hội"]
    assert task.stated_partners == ["Công an xã"]
    assert task.stated_deadline["raw"] == "Quý II/2026"
    assert task.name_without_fields == "Xây dựng Kế hoạch tuyên truyền về chuyển đổi số."
    assert (task.stated_deadline["start"], task.stated_deadline["end"]) == ("2026-04-01", "2026-06-30")


def test_labelled_fields_in_brackets() -> None:
    blocks = [para("III. NHIỆM VỤ"), para("1. Chính quyền số"),
              bullet("Số hóa hồ sơ tồn đọng (Cơ quan chủ trì: Văn phòng HĐND-UBND xã; Thời gian hoàn thành: Tháng 12/2026).")]
    [task] = parse_prose_tasks(blocks)
    assert task.name == "Số hóa hồ sơ tồn đọng (Cơ quan chủ trì: Văn phòng HĐND-UBND xã; Thời gian hoàn thành: Tháng 12/2026)."
    assert (task.lead, task.deadline.raw) == ([], None)
    assert task.stated_lead == ["Văn phòng HĐND và UBND"]
    assert task.name_without_fields == "Số hóa hồ sơ tồn đọng"
    assert task.stated_deadline["end"] == "2026-12-31"


def test_labelled_field_lines_under_an_item_are_not_tasks() -> None:
    blocks = [para("III. NHIỆM VỤ"), para("1. Nâng cao nhận thức"),
              para("1.1. Xây dựng Kế hoạch tuyên truyền."), bullet("Đơn vị chủ trì: Phòng Văn hóa - Xã hội."),
              bullet("Thời gian thực hiện: Quý II/2026."),
              para("1.2. Phát động phong trào thi đua."), bullet("Chủ trì: Ủy ban MTTQ Việt Nam xã.")]
    tasks = parse_prose_tasks(blocks)
    assert rows(tasks) == [("1", "1.1", "Xây dựng Kế hoạch tuyên truyền."), ("1", "1.2", "Phát động phong trào thi đua.")]
    assert tasks[0].stated_lead == ["Phòng Văn hóa - Xã hội"] and tasks[0].lead == []
    assert tasks[0].stated_deadline["start"] == "2026-04-01"
    assert tasks[1].stated_lead == ["Ủy ban MTTQ Việt Nam xã"]


def test_words_like_phoi_hop_without_a_colon_are_not_fields() -> None:
    blocks = [para("III. NHIỆM VỤ"), bullet("Phối hợp với Công an xã bảo đảm an ninh mạng.")]
    [task] = parse_prose_tasks(blocks)
    assert getattr(task, "stated_lead", None) is None and task.name == "Phối hợp với Công an xã bảo đảm an ninh mạng."


TASK_CASES = {
    'solutions group inside the tasks section is skipped': (
        [para("III. NHIỆM VỤ, GIẢI PHÁP"), para("1. Nhiệm vụ"), para("1.1. Số hóa hồ sơ."),
         para("1.2. Ký số văn bản."), para("2. Giải pháp"), para("2.1. Tăng cường tuyên truyền."),
         para("IV. GIẢI PHÁP THỰC HIỆN"), bullet("Bố trí kinh phí.")],
        [("1", "1.1", "Số hóa hồ sơ."), ("1", "1.2", "Ký số văn bản.")]),
    'three numbered levels': (
        [para("III. NHIỆM VỤ VÀ GIẢI PHÁP"), para("1. Chuyển đổi số"),
         para("1.1. Chính quyền số"), para("1.1.1. Số hóa hồ sơ."), para("1.1.2. Ký số văn bản."),
         para("1.2. Kinh tế số."), para("2. Khoa học công nghệ"), para("2.1. Ứng dụng AI.")],
        [("1.1", "1.1.1", "Số hóa hồ sơ."), ("1.1", "1.1.2", "Ký số văn bản."),
         ("1", "1.2", "Kinh tế số."), ("2", "2.1", "Ứng dụng AI.")]),
    'a task worded like a skipped group is still a task': (
        [para("III. NHIỆM VỤ"), para("1. Chuyển đổi số"),
         para("1.1. Tổ chức thực hiện các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia."),
         para("1.2. Giải pháp"), bullet("Bố trí kinh phí."), para("2. Tổ chức thực hiện")],
        [("1", "1.1", "Tổ chức thực hiện các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia.")]),
    'paragraphs under short titled sub-items': (
        [para("III. NHIỆM VỤ"), para("1. Chính quyền số"), para("1.1. Về dịch vụ công"),
         para("Cung cấp dịch vụ công trực tuyến toàn trình."), para("Thanh toán trực tuyến."),
         para("1.2. Xây dựng cơ sở dữ liệu dân cư, đất đai phục vụ chỉ đạo điều hành."),
         para("Dữ liệu được cập nhật thường xuyên."),
         para("1.3. Kinh tế số:"), para("Hỗ trợ hộ kinh doanh bán hàng trực tuyến.")],
        [("1.1", "", "Cung cấp dịch vụ công trực tuyến toàn trình."), ("1.1", "", "Thanh toán trực tuyến."),
         ("1", "1.2", "Xây dựng cơ sở dữ liệu dân cư, đất đai phục vụ chỉ đạo điều hành."),
         ("1.3", "", "Hỗ trợ hộ kinh doanh bán hàng trực tuyến.")]),
    'numbers glued to the text': (
        [para("III.NHIỆM VỤ"), para("1.Chính quyền số"), para("1.1.Số hóa hồ sơ."), para("1.2.Ký số văn bản."),
         para("a)Thanh toán trực tuyến.")],
        [("1", "1.1", "Số hóa hồ sơ."), ("1.2", "a", "Thanh toán trực tuyến.")]),
    'letters under sub items then bullets': (
        [para("III. NHIỆM VỤ"), para("1. Chuyển đổi số"), para("1.1. Chính quyền số"),
         para("a) Dịch vụ công"), bullet("Cung cấp dịch vụ công toàn trình."), bullet("Thanh toán trực tuyến."),
         para("b) Ký số văn bản."), para("1.2. Kinh tế số.")],
        [("a", "", "Cung cấp dịch vụ công toàn trình."), ("a", "", "Thanh toán trực tuyến."),
         ("1.1", "b", "Ký số văn bản."), ("1", "1.2", "Kinh tế số.")]),
    'plus sub bullets under a dash lead in': (
        [para("III. NHIỆM VỤ"), para("1. Chính quyền số"),
         para("- Số hóa hồ sơ."), para("- Triển khai các nền tảng số:"),
         para("+ Nền tảng quản lý chợ;"), para("+ Nền tảng quản lý ấp."),
         para("- Ký số văn bản.")],
        [("1", "", "Số hóa hồ sơ."), ("1", "", "Nền tảng quản lý chợ;"), ("1", "", "Nền tảng quản lý ấp."),
         ("1", "", "Ký số văn bản.")]),
    'lead in bullet ending in colon without symbols': (
        [para("III. NHIỆM VỤ"), para("1. Chính quyền số"), bullet("Triển khai các nền tảng số:"),
         bullet("Nền tảng quản lý chợ;"), bullet("Nền tảng quản lý ấp.")],
        [("1", "", "Nền tảng quản lý chợ;"), ("1", "", "Nền tảng quản lý ấp.")]),
    'plus bullets under a dash heading without colon': (
        [para("III. NHIỆM VỤ"), para("1. Hạ tầng số"), para("- Về viễn thông"),
         para("+ Phủ sóng 5G."), para("+ Xóa vùng lõm sóng."), para("- Số hóa dữ liệu dân cư.")],
        [("1", "", "Phủ sóng 5G."), ("1", "", "Xóa vùng lõm sóng."), ("1", "", "Số hóa dữ liệu dân cư.")]),
    'bullets directly under the section': (
        [para("III. NHIỆM VỤ TRỌNG TÂM"), para("Năm 2026, xã tập trung các nhiệm vụ sau:"),
         bullet("Số hóa hồ sơ."), bullet("Ký số văn bản."), para("IV. GIẢI PHÁP"), bullet("Tuyên truyền.")],
        [(None, "", "Số hóa hồ sơ."), (None, "", "Ký số văn bản.")]),
    'bold numbered headings without children are tasks': (
        [head("III. NHIỆM VỤ VÀ GIẢI PHÁP", 1), head("1. Hoàn thiện thể chế, chính sách"),
         head("2. Phát triển hạ tầng số"), bullet("Phủ sóng 5G."),
         head("3. Bảo đảm an toàn thông tin mạng"), head("IV. TỔ CHỨC THỰC HIỆN", 1)],
        [(None, "1", "Hoàn thiện thể chế, chính sách"), ("2", "", "Phủ sóng 5G."),
         (None, "3", "Bảo đảm an toàn thông tin mạng")]),
    'duplicated and skipped numbers are kept as printed': (
        [para("III. NHIỆM VỤ"), para("1. Chính quyền số"), para("1.1. Số hóa hồ sơ."),
         para("1.1. Ký số văn bản."), para("1.3. Thanh toán trực tuyến."), para("3. Kinh tế số"),
         para("3.1. Hỗ trợ hộ kinh doanh."), para("3. Xã hội số"), para("2.1. Cấp chữ ký số.")],
        [("1", "1.1", "Số hóa hồ sơ."), ("1", "1.1", "Ký số văn bản."), ("1", "1.3", "Thanh toán trực tuyến."),
         ("3", "3.1", "Hỗ trợ hộ kinh doanh."), ("3", "2.1", "Cấp chữ ký số.")]),
    'intro paragraphs give no task': (
        [para("III. NHIỆM VỤ VÀ GIẢI PHÁP"),
         para("Để đạt được các mục tiêu trên, xã tập trung thực hiện các nhiệm vụ, giải pháp sau:"),
         para("1. Chính quyền số"), para("Nhằm nâng cao chất lượng phục vụ, cần thực hiện:"),
         bullet("Số hóa hồ sơ."), bullet("Ký số văn bản.")],
        [("1", "", "Số hóa hồ sơ."), ("1", "", "Ký số văn bản.")]),
    'heading over a task table is not a task': (
        [para("III. NHIỆM VỤ"), para("1. Chính quyền số"), bullet("Số hóa hồ sơ."),
         para("2. Danh mục nhiệm vụ cụ thể"), Block("table", "", 1, Z, table=0),
         para("IV. TỔ CHỨC THỰC HIỆN")],
        [("1", "", "Số hóa hồ sơ.")]),
    'paragraph tasks of a group without its lead in': (
        [para("III. NHIỆM VỤ"), para("1. Về chính quyền số"), para("Nhằm nâng cao chất lượng phục vụ, cần:"),
         para("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính."), para("Ký số văn bản đi.")],
        [("1", "", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính."), ("1", "", "Ký số văn bản đi.")]),
}


@pytest.mark.parametrize("case", list(TASK_CASES))
def test_prose_task_forms(case: str) -> None:
    blocks, want = TASK_CASES[case]
    assert rows(parse_prose_tasks(blocks)) == want


# -- prose targets --------------------------------------------------------------------

TARGET_CASES = {
    "lead-in with a year, then bullets": (
        [para("II. MỤC TIÊU"), para("2. Mục tiêu cụ thể"), para("Phấn đấu đến năm 2030:"),
         bullet("Tối thiểu 80% người dân trưởng thành sử dụng dịch vụ công trực tuyến;"),
         bullet("100% thôn có Tổ công nghệ số cộng đồng.")],
        [("Tối thiểu 80% người dân trưởng thành sử dụng dịch vụ công trực tuyến", "Tối thiểu 80%", ">=", 80, 2030),
         ("100% thôn có Tổ công nghệ số cộng đồng", "100%", "=", 100, 2030)]),
    "lead-in and clauses on one line": (
        [para("II. MỤC TIÊU"),
         para("Phấn đấu đến năm 2030: 100% hồ sơ được số hóa; ít nhất 02 mô hình thôn thông minh.")],
        [("100% hồ sơ được số hóa", "100%", "=", 100, 2030),
         ("ít nhất 02 mô hình thôn thông minh", "ít nhất 02", ">=", 2, 2030)]),
    "numbers inside parentheses": (
        [para("II. MỤC TIÊU"),
         bullet("100% thôn (16/16 thôn) có Tổ công nghệ số cộng đồng."),
         bullet("Tỷ lệ người dân dùng điện thoại thông minh (đạt 85%)."),
         bullet("Tổ chức ít nhất 02 (hai) lớp tập huấn kỹ năng số (Chi tiết tại Phụ lục 01).")],
        [("100% thôn (16/16 thôn) có Tổ công nghệ số cộng đồng", "100%", "=", 100, None),
         ("Tỷ lệ người dân dùng điện thoại thông minh (đạt 85%)", "85%", "=", 85, None),
         ("Tổ chức ít nhất 02 (hai) lớp tập huấn kỹ năng số (Chi tiết tại Phụ lục 01)", "ít nhất 02", ">=", 2, None)]),
    "years in the clause are horizons, not values": (
        [para("II. MỤC TIÊU"), para("Phấn đấu đến năm 2030:"),
         bullet("Năm 2026, 100% văn bản được ký số."),
         bullet("Đến hết năm 2027, tối thiểu 90% hồ sơ được số hóa."),
         bullet("Hoàn thành xây dựng chính quyền số trong năm 2028."),
         bullet("Triển khai từ năm 2026, duy trì đến 2030 các nền tảng số.")],
        [("Năm 2026, 100% văn bản được ký số", "100%", "=", 100, 2026),
         ("Đến hết năm 2027, tối thiểu 90% hồ sơ được số hóa", "tối thiểu 90%", ">=", 90, 2027)]),
    "a share counted in things": (
        [para("II. MỤC TIÊU"), bullet("Duy trì 16/16 thôn có Tổ công nghệ số cộng đồng hoạt động hiệu quả."),
         bullet("Hưởng ứng Ngày Chuyển đổi số quốc gia (10/10) hằng năm.")],
        [("Duy trì 16/16 thôn có Tổ công nghệ số cộng đồng hoạt động hiệu quả", "16/16 thôn", "=", 16, None)]),
    "numbers that name documents are not targets": (
        [para("II. MỤC TIÊU"), bullet("Hoàn thành các nhiệm vụ của Đề án 06 và Kế hoạch 01 của Đảng ủy xã."),
         bullet("Các chỉ tiêu cụ thể tại Phụ lục 01 kèm theo.")],
        []),
    'objectives titled chi tieu cu the section': (
        [para("II. CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030"), bullet("95% hộ gia đình có cáp quang; 90% người dân có tài khoản VNeID.")],
        [("95% hộ gia đình có cáp quang", "95%", "=", 95, 2030), ("90% người dân có tài khoản VNeID", "90%", "=", 90, 2030)]),
    'topic lead in of a lettered objective': (
        [para("II. MỤC TIÊU"), para("2. Mục tiêu cụ thể đến năm 2030"),
         para("a) Về chính quyền số: 100% hồ sơ được số hóa; tối thiểu 90% văn bản được ký số."),
         para("b) Về kinh tế số: kinh tế số chiếm 20% GRDP.")],
        [("100% hồ sơ được số hóa", "100%", "=", 100, 2030),
         ("tối thiểu 90% văn bản được ký số", "tối thiểu 90%", ">=", 90, 2030),
         ("kinh tế số chiếm 20% GRDP", "20%", "=", 20, 2030)]),
}


@pytest.mark.parametrize("case", list(TARGET_CASES))
def test_prose_target_forms(case: str) -> None:
    blocks, want = TARGET_CASES[case]
    assert targets(parse_prose_targets(blocks)) == want


def test_a_name_before_a_colon_is_kept() -> None:
    [row] = parse_prose_targets([para("II. MỤC TIÊU"), bullet("Tỷ lệ hồ sơ giải quyết trực tuyến: 90%.")])
    assert (row.name, row.targets[0].raw) == ("Tỷ lệ hồ sơ giải quyết trực tuyến: 90%", "90%")


@pytest.mark.parametrize("text, raw, op, value", [
    ("Tối thiểu 70% người dân có tài khoản định danh điện tử.", "Tối thiểu 70%", ">=", 70),
    ("Có ít nhất 01 doanh nghiệp công nghệ số.", "ít nhất 01", ">=", 1),
    ("Trên 50% hộ kinh doanh thanh toán không dùng tiền mặt.", "Trên 50%", ">", 50),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến đạt 90%.", "90%", "=", 90),
    ("Tỷ lệ thanh toán trực tuyến đạt từ 80% trở lên.", "từ 80% trở lên", ">=", 80),  # "đạt" left out, as "đạt 90%" → "90%"
    ("Kinh tế số chiếm tỷ trọng 2,5% GRDP.", "2,5%", "=", 2.5),
    ("Không dưới 60% hộ gia đình có cáp quang.", "Không dưới 60%", ">=", 60),
])
def test_comparators(text: str, raw: str, op: str, value) -> None:
    [row] = parse_prose_targets([para("II. MỤC TIÊU"), bullet(text)])
    assert (row.name, row.targets[0].raw, row.targets[0].op, row.targets[0].value) == (text.rstrip("."), raw, op, value)


def test_clauses_without_numbers_give_no_row() -> None:
    blocks = [para("II. MỤC TIÊU"), para("1. Mục tiêu chung"),
              para("Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; xây dựng chính quyền số."),
              para("2. Mục tiêu cụ thể"), bullet("Hoàn thiện hạ tầng số; 100% cán bộ có chữ ký số."),
              bullet("Mục tiêu cụ thể (chi tiết tại Phụ lục I kèm theo).")]
    assert [r.name for r in parse_prose_targets(blocks)] == ["100% cán bộ có chữ ký số"]


@pytest.mark.parametrize("sub", ["2. Mục tiêu cụ thể", "2. Chỉ tiêu cụ thể", "b) Mục tiêu cụ thể:", "Mục tiêu cụ thể:"])
def test_general_and_specific_objectives(sub: str) -> None:
    blocks = [para("II. MỤC TIÊU"), para("1. Mục tiêu chung"),
              para("Đến năm 2030, xã nằm trong nhóm dẫn đầu của tỉnh về chuyển đổi số."),
              para(sub), bullet("Đến năm 2030, 100% hồ sơ công việc được xử lý trên môi trường mạng."),
              para("III. NHIỆM VỤ"), bullet("Tổ chức 3 lớp tập huấn.")]
    assert targets(parse_prose_targets(blocks)) == [
        ("Đến năm 2030, 100% hồ sơ công việc được xử lý trên môi trường mạng", "100%", "=", 100, 2030)]


RESP_CASES = {
    'numbered headings with and without colon': (
        [para("V. TỔ CHỨC THỰC HIỆN"), para("1. Phòng Văn hóa - Xã hội"), bullet("Chủ trì tuyên truyền."),
         bullet("Tổng hợp báo cáo."), para("2. Văn phòng HĐND và UBND xã:"), bullet("Theo dõi, đôn đốc."),
         para("Tham mưu UBND xã chỉ đạo.")],
        [("Phòng Văn hóa - Xã hội", ["Phòng Văn hóa - Xã hội"], ["Chủ trì tuyên truyền.", "Tổng hợp báo cáo."]),
         ("Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND"], ["Theo dõi, đôn đốc.", "Tham mưu UBND xã chỉ đạo."])]),
    'lettered items under a grouping heading': (
        [para("V. TỔ CHỨC THỰC HIỆN"), para("1. Phân công nhiệm vụ"),
         para("a) Phòng Kinh tế"), bullet("Hỗ trợ hợp tác xã bán hàng trực tuyến."),
         para("b) Công an xã chủ trì bảo đảm an ninh mạng."),
         para("2. Chế độ báo cáo"), bullet("Các đơn vị báo cáo định kỳ trước ngày 20 hằng tháng.")],
        [("Phòng Kinh tế", ["Phòng Kinh tế"], ["Hỗ trợ hợp tác xã bán hàng trực tuyến."]),
         ("Công an xã chủ trì bảo đảm an ninh mạng.", ["Công an xã"], ["Công an xã chủ trì bảo đảm an ninh mạng."]),
         ("Chế độ báo cáo", [], ["Các đơn vị báo cáo định kỳ trước ngày 20 hằng tháng."])]),
    'lettered items as the top level': (
        [para("V. TỔ CHỨC THỰC HIỆN"), para("a) Phòng Kinh tế"), bullet("Hỗ trợ hợp tác xã."),
         para("b) Trạm Y tế xã"), bullet("Triển khai hồ sơ sức khỏe điện tử.")],
        [("Phòng Kinh tế", ["Phòng Kinh tế"], ["Hỗ trợ hợp tác xã."]),
         ("Trạm Y tế xã", ["Trạm Y tế xã"], ["Triển khai hồ sơ sức khỏe điện tử."])]),
    'closing run into the last duty': (
        [para("V. TỔ CHỨC THỰC HIỆN"), para("1. Công an xã"),
         bullet("Bảo đảm an ninh mạng. Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, "
                "các đơn vị báo cáo UBND xã để xem xét, giải quyết.")],
        [("Công an xã", ["Công an xã"], ["Bảo đảm an ninh mạng."])]),
    'unnumbered section agency bullets and heading lines': (
        [para("V. TỔ CHỨC THỰC HIỆN"), para("Giao các cơ quan, đơn vị thực hiện như sau:"),
         bullet("Phòng Văn hóa - Xã hội: chủ trì tuyên truyền; tổng hợp báo cáo."),
         bullet("Công an xã: bảo đảm an ninh mạng."),
         head("Trạm Y tế xã", 3), bullet("Triển khai hồ sơ sức khỏe điện tử."),
         para("Đề nghị Ủy ban MTTQ Việt Nam xã tuyên truyền, vận động Nhân dân."),
         para("Trên đây là Kế hoạch của Ủy ban nhân dân xã./.")],
        [("Phòng Văn hóa - Xã hội: chủ trì tuyên truyền; tổng hợp báo cáo.", ["Phòng Văn hóa - Xã hội"],
          ["Phòng Văn hóa - Xã hội: chủ trì tuyên truyền; tổng hợp báo cáo."]),
         ("Công an xã: bảo đảm an ninh mạng.", ["Công an xã"], ["Công an xã: bảo đảm an ninh mạng."]),
         ("Trạm Y tế xã", ["Trạm Y tế xã"], ["Triển khai hồ sơ sức khỏe điện tử."]),
         ("Đề nghị Ủy ban MTTQ Việt Nam xã tuyên truyền, vận động Nhân dân.", ["Ủy ban MTTQ Việt Nam xã"],
          ["Đề nghị Ủy ban MTTQ Việt Nam xã tuyên truyền, vận động Nhân dân."])]),
    'duty that only mentions an agency is not an entry': (
        [para("V. TỔ CHỨC THỰC HIỆN"), bullet("Phòng Kinh tế: hỗ trợ hợp tác xã."),
         bullet("Phối hợp với Công an xã bảo đảm an ninh mạng.")],
        [("Phòng Kinh tế: hỗ trợ hợp tác xã.", ["Phòng Kinh tế"],
         ["Phòng Kinh tế: hỗ trợ hợp tác xã.", "Phối hợp với Công an xã bảo đảm an ninh mạng."])]),
    'closing words printed as the last bullet': (
        [para("V. TỔ CHỨC THỰC HIỆN"), para("1. Công an xã"), bullet("Bảo đảm an ninh mạng."),
         bullet("Trong quá trình thực hiện, Công an xã chủ động phối hợp với các đơn vị."),
         bullet("Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo UBND xã.")],
        [("Công an xã", ["Công an xã"], [
         "Bảo đảm an ninh mạng.", "Trong quá trình thực hiện, Công an xã chủ động phối hợp với các đơn vị."])]),
}


@pytest.mark.parametrize("case", list(RESP_CASES))
def test_responsibility_forms(case: str) -> None:
    blocks, want = RESP_CASES[case]
    assert resp(blocks) == want


# -- responsibilities ---------------------------------------------------------------


def test_paragraph_items() -> None:
    text = "Công an xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội bảo đảm an ninh mạng, an toàn thông tin."
    blocks = [para("V. TỔ CHỨC THỰC HIỆN"), para("3. " + text)]
    assert resp(blocks) == [(text, ["Công an xã"], [text])]


def test_item_naming_several_agencies() -> None:
    blocks = [para("V. TỔ CHỨC THỰC HIỆN"),
              para("4. Các phòng, ban, đơn vị; Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội"),
              bullet("Tuyên truyền, vận động Nhân dân tham gia.")]
    [(heading, agencies, duties)] = resp(blocks)
    assert heading == "Các phòng, ban, đơn vị; Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội"
    assert agencies == ["Các phòng, ban, đơn vị trên địa bàn xã", "Ủy ban MTTQ Việt Nam xã",
                        "các tổ chức chính trị - xã hội"]
    assert duties == ["Tuyên truyền, vận động Nhân dân tham gia."]


@pytest.mark.parametrize("heading", ["Trách nhiệm chung", "Chế độ báo cáo", "Chế độ thông tin, báo cáo",
                                     "Nhiệm vụ chung của các cơ quan, đơn vị", "Kinh phí thực hiện"])
def test_items_that_name_no_agency(heading: str) -> None:
    blocks = [para("IV. TỔ CHỨC THỰC HIỆN"), para("1. " + heading), bullet("Báo cáo định kỳ hằng quý.")]
    assert resp(blocks) == [(heading, [], ["Báo cáo định kỳ hằng quý."])]


@pytest.mark.parametrize("closing", [
    "Trên đây là Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Ủy ban nhân dân xã./.",
    "Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo "
    "về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) để xem xét, giải quyết.",
    "Quá trình thực hiện nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về UBND xã để chỉ đạo.",
    "Trong quá trình tổ chức thực hiện, nếu phát sinh vướng mắc, các đơn vị báo cáo UBND xã xem xét.",
])
@pytest.mark.parametrize("style", ["heading", "paragraph"])
def test_closing_sentence_is_not_a_duty(closing: str, style: str) -> None:
    if style == "heading":
        blocks = [para("V. TỔ CHỨC THỰC HIỆN"), para("1. Công an xã"), bullet("Bảo đảm an ninh mạng."), para(closing)]
        want = [("Công an xã", ["Công an xã"], ["Bảo đảm an ninh mạng."])]
    else:
        blocks = [para("V. TỔ CHỨC THỰC HIỆN"), para("1. Công an xã bảo đảm an ninh mạng:"),
                  para("Báo cáo quý."), para(closing)]
        want = [("Công an xã bảo đảm an ninh mạng:", ["Công an xã"], ["Công an xã bảo đảm an ninh mạng:", "Báo cáo quý."])]
    assert resp(blocks) == want


@pytest.mark.parametrize("title", ["V. TỔ CHỨC THỰC HIỆN", "V. PHÂN CÔNG TRÁCH NHIỆM", "V. TRÁCH NHIỆM THỰC HIỆN",
                                   "V. TỔ CHỨC TRIỂN KHAI THỰC HIỆN", "V. Tổ chức thực hiện"])
def test_organisation_section_titles(title: str) -> None:
    assert section_key(title.split(". ", 1)[1]) == "organisation"


def test_deadline_parse_used_for_extras_is_the_contracts() -> None:
    blocks = [para("III. NHIỆM VỤ"), bullet("Cấp chữ ký số. Thời hạn: Trước 30/6/2026.")]
    [task] = parse_prose_tasks(blocks)
    assert task.stated_deadline["end"] == dt.date(2026, 6, 30).isoformat()




def test_sections_numbered_with_arabic_numerals() -> None:
    blocks = [para("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;"),
              para("1. MỤC ĐÍCH, YÊU CẦU"), bullet("Bảo đảm 100% cán bộ được quán triệt."),
              para("2. MỤC TIÊU"), bullet("Tối thiểu 80% hồ sơ được số hóa."),
              para("3. NHIỆM VỤ TRỌNG TÂM"), para("3.1. Chính quyền số"), bullet("Số hóa hồ sơ."),
              para("3.2. Ký số văn bản."),
              para("4. TỔ CHỨC THỰC HIỆN"), para("4.1. Trách nhiệm chung"), bullet("Chủ động triển khai."),
              para("4.2. Phòng Văn hóa - Xã hội"), bullet("Tổng hợp báo cáo.")]
    assert rows(parse_prose_tasks(blocks)) == [("3.1", "", "Số hóa hồ sơ."), (None, "3.2", "Ký số văn bản.")]
    assert [i.name for i in parse_prose_targets(blocks)] == ["Tối thiểu 80% hồ sơ được số hóa"]
    assert resp(blocks) == [("Trách nhiệm chung", [], ["Chủ động triển khai."]),
                            ("Phòng Văn hóa - Xã hội", ["Phòng Văn hóa - Xã hội"], ["Tổng hợp báo cáo."])]


def test_mixed_case_section_that_is_not_a_known_kind_ends_the_tasks_section() -> None:
    blocks = [para("III. Nhiệm vụ trọng tâm"), para("1. Chính quyền số"), bullet("Số hóa hồ sơ."),
              para("IV. Kinh phí thực hiện"), bullet("Ngân sách xã bố trí hằng năm."),
              para("V. Tổ chức thực hiện"), para("1. Công an xã"), bullet("Bảo đảm an ninh mạng.")]
    assert rows(parse_prose_tasks(blocks)) == [("1", "", "Số hóa hồ sơ.")]


# -- a whole plan, with the extractor's bold hints and without them -------------------

def _plan(hints: bool) -> list[Block]:
    def h(text: str, level: int) -> Block:
        return head(text, level) if hints else para(text)

    return [
        para("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;"),
        para("Ủy ban nhân dân xã ban hành Kế hoạch thực hiện giai đoạn 2026 - 2030 như sau:"),
        h("I. MỤC ĐÍCH, YÊU CẦU", 1), h("1. Mục đích", 2), bullet("Bảo đảm 100% cán bộ được quán triệt."),
        h("2. Yêu cầu", 2), bullet("Phân công rõ cơ quan chủ trì, phối hợp."),
        h("II. MỤC TIÊU", 1), h("1. Mục tiêu chung", 2),
        para("Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trở thành động lực chính."),
        h("2. Mục tiêu cụ thể", 2), h("a) Đến năm 2026:", 3),
        bullet("100% văn bản được ký số; tối thiểu 70% hồ sơ xử lý trực tuyến."),
        h("b) Đến năm 2030:", 3), bullet("Có ít nhất 02 mô hình thôn thông minh."),
        bullet("Hoàn thiện hạ tầng số đồng bộ."),
        h("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", 1),
        para("Để thực hiện các mục tiêu trên, xã tập trung các nhiệm vụ, giải pháp sau:"),
        h("1. Nâng cao nhận thức", 2), para("1.1. Tuyên truyền Nghị quyết số 57-NQ/TW."),
        para("1.2. Phát động phong trào “Bình dân học vụ số”."),
        h("2. Phát triển hạ tầng số", 2), bullet("Phủ sóng 5G đến các thôn."), bullet("Xóa vùng lõm sóng."),
        para("(Chi tiết tại Phụ lục II kèm theo)"),
        h("3. Giải pháp về nguồn lực", 2), bullet("Bố trí kinh phí hằng năm."),
        h("IV. KINH PHÍ THỰC HIỆN", 1), para("Ngân sách xã và nguồn xã hội hóa."),
        h("V. TỔ CHỨC THỰC HIỆN", 1), h("1. Phòng Văn hóa - Xã hội", 2),
        bullet("Là cơ quan thường trực."), bullet("Tổng hợp báo cáo."), h("2. Văn phòng HĐND và UBND xã:", 2),
        para("Theo dõi, đôn đốc việc thực hiện Kế hoạch."), para("3. Công an xã chủ trì, phối hợp bảo đảm an ninh mạng."),
        h("4. Các phòng, ban, đơn vị; Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội", 2),
        bullet("Tuyên truyền, vận động Nhân dân."), h("5. Chế độ báo cáo", 2),
        bullet("Báo cáo định kỳ trước ngày 20 hằng tháng."),
        para("Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo UBND xã."),
        para("Trên đây là Kế hoạch của Ủy ban nhân dân xã./."),
    ]


@pytest.mark.parametrize("hints", [True, False])
def test_a_whole_plan_reads_the_same_with_and_without_hints(hints: bool) -> None:
    blocks = _plan(hints)
    assert rows(parse_prose_tasks(blocks)) == [
        ("1", "1.1", "Tuyên truyền Nghị quyết số 57-NQ/TW."),
        ("1", "1.2", "Phát động phong trào “Bình dân học vụ số”."),
        ("2", "", "Phủ sóng 5G đến các thôn."), ("2", "", "Xóa vùng lõm sóng.")]
    assert targets(parse_prose_targets(blocks)) == [
        ("100% văn bản được ký số", "100%", "=", 100, 2026),
        ("tối thiểu 70% hồ sơ xử lý trực tuyến", "tối thiểu 70%", ">=", 70, 2026),
        ("Có ít nhất 02 mô hình thôn thông minh", "ít nhất 02", ">=", 2, 2030)]
    assert resp(blocks) == [
        ("Phòng Văn hóa - Xã hội", ["Phòng Văn hóa - Xã hội"], ["Là cơ quan thường trực.", "Tổng hợp báo cáo."]),
        ("Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND"], ["Theo dõi, đôn đốc việc thực hiện Kế hoạch."]),
        ("Công an xã chủ trì, phối hợp bảo đảm an ninh mạng.", ["Công an xã"],
         ["Công an xã chủ trì, phối hợp bảo đảm an ninh mạng."]),
        ("Các phòng, ban, đơn vị; Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội",
         ["Các phòng, ban, đơn vị trên địa bàn xã", "Ủy ban MTTQ Việt Nam xã", "các tổ chức chính trị - xã hội"],
         ["Tuyên truyền, vận động Nhân dân."]),
        ("Chế độ báo cáo", [], ["Báo cáo định kỳ trước ngày 20 hằng tháng."])]


AGENCY_CASES = [
    ("heading", "Trạm Y tế, Trường THCS, Trường Tiểu học", ["Trạm Y tế xã", "Trường THCS", "Trường Tiểu học"]),
    ("heading", "Các thôn, ấp", ["Các thôn, ấp"]),
    ("heading", "Bí thư chi bộ, Trưởng thôn", ["Bí thư chi bộ", "Trưởng thôn"]),
    ("heading", "Đối với Phòng Văn hóa - Xã hội", ["Phòng Văn hóa - Xã hội"]),
    ("heading", "Kiểm tra, giám sát", []),
    ("heading", "Tổ chức sơ kết, tổng kết", []),
    ("heading", "Các tổ chức chính trị - xã hội, Tổ công nghệ số cộng đồng",
     ["Các tổ chức chính trị - xã hội", "Tổ công nghệ số cộng đồng"]),
    ("paragraph", "Ban điều hành các thôn chủ động tuyên truyền.", ["Ban điều hành các thôn"]),
    ("paragraph", "Đề nghị Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội xã phối hợp tuyên truyền.",
     ["Ủy ban MTTQ Việt Nam xã", "các tổ chức chính trị - xã hội xã"]),
    ("paragraph", "Trường THCS, Trường Tiểu học triển khai giáo dục số.", ["Trường THCS", "Trường Tiểu học"]),
    ("paragraph", "Công an xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội bảo đảm an ninh mạng.", ["Công an xã"]),
]


@pytest.mark.parametrize("style, text, agencies", AGENCY_CASES)
def test_agencies_an_item_names(style: str, text: str, agencies: list[str]) -> None:
    """Headings split at commas before a capitalised body; a paragraph's agencies are its subject's."""
    from kehoach.extract.prose.responsibilities import heading_agencies, paragraph_agencies
    assert (heading_agencies if style == "heading" else paragraph_agencies)(text) == agencies
