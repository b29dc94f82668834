"""Unit tests of the prose parsers on small literals, with no bold or heading hints."""

from __future__ import annotations

import datetime as dt

import pytest

from docmodel_blocks import SAMPLES, docmodel_blocks, gold_stems
from kehoach.extract.model import Block
from kehoach.extract.prose.legal_bases import paragraph_to_legal_basis, parse_legal_bases
from kehoach.extract.prose.nlp import agencies_in, cited_documents, get_nlp, number_phrases
from kehoach.extract.prose.responsibilities import heading_agencies, parse_responsibilities
from kehoach.extract.prose.sections import marker, section_key, split_sections
from kehoach.extract.prose.targets import parse_prose_targets, split_clauses, year_of
from kehoach.extract.prose.tasks import parse_prose_tasks

Z = (0.0, 0.0, 0.0, 0.0)


def para(text: str) -> Block:
    return Block("para", text, 1, Z)


def bullet(text: str) -> Block:
    return Block("bullet", text, 1, Z)


# -- nlp ------------------------------------------------------------------------------

def test_nlp_is_built_once() -> None:
    assert get_nlp() is get_nlp()


@pytest.mark.parametrize("text, phrases", [
    ("Tối thiểu 70% người dân có tài khoản định danh điện tử", ["Tối thiểu 70%"]),
    ("100% hồ sơ được số hóa; 100% dịch vụ công toàn trình", ["100%", "100%"]),
    ("có ít nhất 01 mô hình", ["ít nhất 01"]),
    ("phấn đấu đạt ≥ 90% hộ gia đình", ["≥ 90%"]),
    ("đạt từ 80% trở lên", ["đạt từ 80% trở lên"]),
    ("đến năm 2030 theo Nghị quyết số 57-NQ/TW ngày 22/12/2024", []),
])
def test_number_phrases(text: str, phrases: list[str]) -> None:
    assert [p.text for p in number_phrases(text)] == phrases


def test_cited_documents_number_and_date() -> None:
    cites = cited_documents("Căn cứ Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh và "
                            "Kế hoạch hành động số 469-KH/TU, ngày 16 tháng 5 năm 2025")
    assert [(c.doc_type, c.number, c.date_text) for c in cites] == [
        ("Kế hoạch", "92/KH-UBND", "15/9/2025"),
        ("Kế hoạch hành động", "469-KH/TU", "ngày 16 tháng 5 năm 2025"),
    ]


def test_agencies_case_dash_and_tone_insensitive() -> None:
    assert agencies_in("phối hợp với phòng văn hoá – xã hội và Công an xã") == [
        "Phòng Văn hóa - Xã hội", "Công an xã"]


def test_agency_of_a_higher_level_is_not_the_communes() -> None:
    assert agencies_in("báo cáo UBND tỉnh Đắk Lắk") == []


# -- sections -------------------------------------------------------------------------

@pytest.mark.parametrize("text, level, code", [
    ("III. NHIỆM VỤ VÀ GIẢI PHÁP", 1, "III"),
    ("1. Mục đích", 2, "1"),
    ("1.10. Phát động phong trào", 3, "1.10"),
    ("a) Về chính quyền số", 3, "a"),
    ("Căn cứ Nghị quyết số 57-NQ/TW", None, None),
])
def test_marker_from_numbering_alone(text: str, level, code) -> None:
    m = marker(para(text))
    assert (m.level if m else None, m.code if m else None) == (level, code)


@pytest.mark.parametrize("title, key", [
    ("NHIỆM VỤ TRỌNG TÂM NĂM 2026", "tasks"), ("NHIỆM VỤ CỤ THỂ", "tasks"),
    ("MỤC TIÊU", "objectives"), ("CÁC CHỈ TIÊU CHỦ YẾU", "objectives"),
    ("MỤC ĐÍCH, YÊU CẦU", "purpose"), ("GIẢI PHÁP THỰC HIỆN", "solutions"),
    ("TỔ CHỨC THỰC HIỆN", "organisation"), ("KINH PHÍ THỰC HIỆN", "other"),
])
def test_section_key(title: str, key: str) -> None:
    assert section_key(title) == key


# -- legal bases ----------------------------------------------------------------------

def test_legal_basis_fields() -> None:
    lb = paragraph_to_legal_basis("Căn cứ Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh Đồng Nai "
                                  "sửa đổi, bổ sung cập nhật Kế hoạch;")
    assert (lb.kind, lb.doc_type, lb.number, lb.date, lb.issuer) == (
        "can_cu", "Kế hoạch", "92/KH-UBND", dt.date(2025, 9, 15), "UBND tỉnh Đồng Nai")
    assert lb.raw.endswith("cập nhật Kế hoạch")


def test_legal_basis_request_long_date_and_issuer_before_document() -> None:
    lb = paragraph_to_legal_basis("Xét đề nghị của Phòng Văn hóa - Xã hội tại Tờ trình số 246/TTr-PVHXH "
                                  "ngày 03 tháng 3 năm 2026.")
    assert (lb.kind, lb.doc_type, lb.number, lb.date, lb.issuer) == (
        "xet_de_nghi", "Tờ trình", "246/TTr-PVHXH", dt.date(2026, 3, 3), "Phòng Văn hóa - Xã hội")


def test_legal_bases_only_before_the_first_section() -> None:
    blocks = [
        para("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;"),
        para("Thực hiện Kế hoạch số 01-KH/ĐU ngày 03/12/2025 của Đảng ủy xã,"),
        para("Ủy ban nhân dân xã ban hành Kế hoạch như sau:"),
        para("I. MỤC ĐÍCH, YÊU CẦU"),
        bullet("Căn cứ Kế hoạch này, các phòng xây dựng kế hoạch."),
    ]
    assert [(b.kind, b.number) for b in parse_legal_bases(blocks)] == [
        ("can_cu", "57-NQ/TW"), ("thuc_hien", "01-KH/ĐU")]


# -- tasks ----------------------------------------------------------------------------

TASKS = [
    para("III. NHIỆM VỤ VÀ GIẢI PHÁP"),
    para("Trên cơ sở các mục tiêu, Kế hoạch xác định các nhiệm vụ sau:"),
    para("1. Nâng cao nhận thức"),
    para("1.1. Xây dựng Kế hoạch tuyên truyền."),
    para("1.3. Phát động phong trào thi đua."),
    para("2. Phát triển hạ tầng số"),
    bullet("Phủ sóng 5G toàn xã."),
    bullet("Số hóa hồ sơ."),
    para("3. Bảo đảm an toàn thông tin mạng cho các cơ quan."),
    para("4. Giải pháp thực hiện"),
    bullet("Bố trí kinh phí."),
    para("IV. GIẢI PHÁP"),
    bullet("Tăng cường lãnh đạo."),
]


def test_prose_tasks_leaves_groups_and_printed_ordinals() -> None:
    tasks = parse_prose_tasks(TASKS)
    assert [(t.group.code if t.group else None, t.ordinal, t.name) for t in tasks] == [
        ("1", "1.1", "Xây dựng Kế hoạch tuyên truyền."),
        ("1", "1.3", "Phát động phong trào thi đua."),
        ("2", "", "Phủ sóng 5G toàn xã."),
        ("2", "", "Số hóa hồ sơ."),
        (None, "3", "Bảo đảm an toàn thông tin mạng cho các cơ quan."),
    ]
    assert all(t.source == "prose" for t in tasks)
    assert tasks[0].group.title == "Nâng cao nhận thức"


def test_tasks_section_of_intro_paragraphs_only_yields_nothing() -> None:
    blocks = [para("III. NHIỆM VỤ CỤ THỂ"), para("Các nhiệm vụ chi tiết tại Phụ lục II."),
              para("IV. TỔ CHỨC THỰC HIỆN")]
    assert parse_prose_tasks(blocks) == []


def test_task_names_the_agencies_it_mentions() -> None:
    blocks = [para("III. NHIỆM VỤ"), para("1. Chính quyền số"),
              bullet("Phối hợp với Trạm Y tế xã triển khai thanh toán không dùng tiền mặt.")]
    assert parse_prose_tasks(blocks)[0].agencies_mentioned == ["Trạm Y tế xã"]


# -- targets --------------------------------------------------------------------------

def test_split_clauses_keeps_brackets() -> None:
    assert split_clauses("100% văn bản (trừ văn bản mật; văn bản khác) xử lý trên mạng; 90% hồ sơ.") == [
        "100% văn bản (trừ văn bản mật; văn bản khác) xử lý trên mạng", "90% hồ sơ"]


@pytest.mark.parametrize("text, year", [
    ("Mục tiêu cụ thể đến cuối năm 2026", 2026), ("giai đoạn 2026 - 2030", 2030), ("Mục tiêu chung", None)])
def test_year_of(text: str, year) -> None:
    assert year_of(text) == year


def test_prose_targets_two_clauses_year_and_operator() -> None:
    blocks = [
        para("I. MỤC ĐÍCH, YÊU CẦU"), bullet("Bảo đảm 100% cán bộ được quán triệt."),
        para("II. MỤC TIÊU"), para("1. Mục tiêu chung"),
        para("Phát triển chính quyền số đến năm 2030."),
        para("2. Mục tiêu cụ thể"),
        para("Phấn đấu đến năm 2030, đạt các chỉ tiêu sau:"),
        bullet("Tối thiểu 70% người dân có tài khoản định danh điện tử; 100% hồ sơ được số hóa."),
        bullet("Năm 2026, trên 50% hộ kinh doanh thanh toán không dùng tiền mặt."),
        para("III. GIẢI PHÁP"), bullet("Phấn đấu 100% máy tính cài phần mềm diệt virus."),
    ]
    rows = parse_prose_targets(blocks, issue_year=2026)
    got = [(r.name, r.targets[0].raw, r.targets[0].op, r.targets[0].value, r.targets[0].year) for r in rows]
    assert got == [
        ("Tối thiểu 70% người dân có tài khoản định danh điện tử", "Tối thiểu 70%", ">=", 70, 2030),
        ("100% hồ sơ được số hóa", "100%", "=", 100, 2030),
        ("Năm 2026, trên 50% hộ kinh doanh thanh toán không dùng tiền mặt", "trên 50%", ">", 50, 2026),
    ]
    assert all(r.source == "prose" and r.unit is None and r.lead == [] for r in rows)


# -- responsibilities -----------------------------------------------------------------

def test_responsibilities_heading_and_paragraph_styles_without_hints() -> None:
    blocks = [
        para("V. TỔ CHỨC THỰC HIỆN"),
        para("1. Trách nhiệm chung của các cơ quan, đơn vị"),
        bullet("Chủ động triển khai."),
        para("2. Phòng Văn hóa - Xã hội là cơ quan đầu mối, báo cáo UBND xã kết quả:"),
        para("Báo cáo quý."),
        para("3. Trạm Y tế xã, các trường học trên địa bàn xã"),
        bullet("Triển khai hồ sơ sức khỏe điện tử."),
        para("Trên đây là Kế hoạch của Ủy ban nhân dân xã./."),
    ]
    got = [(r.heading, r.agencies, r.duties) for r in parse_responsibilities(blocks)]
    assert got == [
        ("Trách nhiệm chung của các cơ quan, đơn vị", [], ["Chủ động triển khai."]),
        ("Phòng Văn hóa - Xã hội là cơ quan đầu mối, báo cáo UBND xã kết quả:", ["Phòng Văn hóa - Xã hội"],
         ["Phòng Văn hóa - Xã hội là cơ quan đầu mối, báo cáo UBND xã kết quả:", "Báo cáo quý."]),
        ("Trạm Y tế xã, các trường học trên địa bàn xã", ["Trạm Y tế xã", "Các trường học trên địa bàn xã"],
         ["Triển khai hồ sơ sức khỏe điện tử."]),
    ]


def test_heading_agencies_keep_unknown_bodies_as_printed() -> None:
    assert heading_agencies("Ban điều hành 19 thôn và các trường học trên địa bàn xã") == [
        "Ban điều hành 19 thôn", "Các trường học trên địa bàn xã"]


# -- no rows from purpose or solutions sections -------------------------------------

@pytest.mark.parametrize("stem", gold_stems())
def test_no_prose_row_from_purpose_or_solutions_sections(stem: str) -> None:
    blocks = docmodel_blocks(SAMPLES / f"{stem}.doc.json")
    forbidden = {
        b.text for s in split_sections(blocks) if s.key in ("purpose", "solutions") for b in s.blocks
    }
    rows = parse_prose_tasks(blocks) + parse_prose_targets(blocks)
    for row in rows:
        assert not any(row.name in text for text in forbidden), f"{stem}: row from a purpose/solutions section: {row.name[:70]!r}"


def test_responsibility_heading_line_ending_in_colon() -> None:
    blocks = [para("VI. TỔ CHỨC THỰC HIỆN"), para("1. Phòng Kinh tế:"), bullet("Chủ trì hỗ trợ hợp tác xã."),
              para("2. Công an xã: chủ trì bảo đảm an ninh mạng.")]
    got = [(r.heading, r.agencies, r.duties) for r in parse_responsibilities(blocks)]
    assert got == [
        ("Phòng Kinh tế", ["Phòng Kinh tế"], ["Chủ trì hỗ trợ hợp tác xã."]),
        ("Công an xã: chủ trì bảo đảm an ninh mạng.", ["Công an xã"], ["Công an xã: chủ trì bảo đảm an ninh mạng."]),
    ]


def test_prose_targets_from_an_objectives_subsection_and_counts() -> None:
    blocks = [
        para("I. QUAN ĐIỂM, MỤC TIÊU"), para("1. Quan điểm"), bullet("Phát huy 100% nguồn lực."),
        para("2. Mục tiêu đến năm 2030"), bullet("Tổ chức 5 lớp tập huấn kỹ năng số."),
        para("II. NHIỆM VỤ"), bullet("Tổ chức 3 lớp tập huấn."),
    ]
    rows = parse_prose_targets(blocks)
    assert [(r.name, r.targets[0].raw, r.targets[0].value, r.targets[0].year) for r in rows] == [
        ("Tổ chức 5 lớp tập huấn kỹ năng số", "5", 5, 2030)]


@pytest.mark.parametrize("text, fields", [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
     ("can_cu", "Luật", None, dt.date(2025, 6, 16), None)),
    ("Thực hiện Chỉ thị số 45-CT/TU của Ban Thường vụ Tỉnh ủy về tăng cường,",
     ("thuc_hien", "Chỉ thị", "45-CT/TU", None, "Ban Thường vụ Tỉnh ủy")),
    ("Căn cứ Nghị quyết số 57 - NQ/ TW ngày 22/12/2024 của Bộ Chính trị về đột phá;",
     ("can_cu", "Nghị quyết", "57-NQ/TW", dt.date(2024, 12, 22), "Bộ Chính trị")),
    ("Thực hiện chỉ đạo của UBND tỉnh tại Công văn số 123/UBND-KGVX ngày 5/3/2026;",
     ("thuc_hien", "Công văn", "123/UBND-KGVX", dt.date(2026, 3, 5), "UBND tỉnh")),
    ("Căn cứ chức năng, nhiệm vụ của Phòng Văn hóa - Xã hội;", ("can_cu", None, None, None, None)),
])
def test_legal_basis_variants(text: str, fields: tuple) -> None:
    lb = paragraph_to_legal_basis(text)
    assert (lb.kind, lb.doc_type, lb.number, lb.date, lb.issuer) == fields


def test_mixed_case_section_heading_without_hints() -> None:
    blocks = [para("III. Nhiệm vụ trọng tâm"), para("1. Chính quyền số"), bullet("Số hóa hồ sơ."),
              para("IV. Tổ chức thực hiện"), para("1. Công an xã"), bullet("Bảo đảm an ninh mạng.")]
    assert [t.name for t in parse_prose_tasks(blocks)] == ["Số hóa hồ sơ."]
    assert [r.heading for r in parse_responsibilities(blocks)] == ["Công an xã"]


def test_dash_paragraphs_are_bullets() -> None:
    blocks = [para("III. NHIỆM VỤ"), para("1. Chính quyền số"), para("– Số hóa hồ sơ."), para("+ Ký số văn bản."),
              para("IV. TỔ CHỨC THỰC HIỆN"), para("1. Công an xã"), para("- Bảo đảm an ninh mạng.")]
    assert [t.name for t in parse_prose_tasks(blocks)] == ["Số hóa hồ sơ.", "Ký số văn bản."]
    assert [r.duties for r in parse_responsibilities(blocks)] == [["Bảo đảm an ninh mạng."]]


def test_heading_agencies_resolve_ocr_slips() -> None:
    assert heading_agencies("Tố Công nghệ số cộng đồng và Các trường học") == [
        "Tổ công nghệ số cộng đồng", "Các trường học trên địa bàn xã"]


def test_note_paragraph_after_an_item_does_not_hide_it() -> None:
    blocks = [para("III. NHIỆM VỤ, GIẢI PHÁP"), para("1. Hạ tầng số"), para("1.1. Xóa vùng lõm sóng."),
              para("1.2. Số hóa dữ liệu dân cư."), para("Nhiệm vụ cụ thể tại Phụ lục II kèm theo Kế hoạch này."),
              para("2. Chuyển đổi số trong doanh nghiệp"), para("Hỗ trợ hợp tác xã bán hàng trực tuyến.")]
    assert [(t.ordinal, t.name) for t in parse_prose_tasks(blocks)] == [
        ("1.1", "Xóa vùng lõm sóng."), ("1.2", "Số hóa dữ liệu dân cư."),
        ("", "Hỗ trợ hợp tác xã bán hàng trực tuyến.")]


def test_responsibility_heading_with_lettered_duties_without_hints() -> None:
    blocks = [para("V. TỔ CHỨC THỰC HIỆN"), para("1. Phòng Văn hóa - Xã hội"),
              para("a) Chủ trì tuyên truyền."), para("b) Tổng hợp báo cáo.")]
    got = [(r.heading, r.agencies, r.duties) for r in parse_responsibilities(blocks)]
    assert got == [("Phòng Văn hóa - Xã hội", ["Phòng Văn hóa - Xã hội"],
                    ["a) Chủ trì tuyên truyền.", "b) Tổng hợp báo cáo."])]


@pytest.mark.parametrize("texts, year", [
    (["Thực hiện nhiệm vụ chuyển đổi số trên địa bàn xã Ea Kar năm 2026"], 2026),
    (["Thực hiện Nghị quyết số 57-NQ/TW giai đoạn 2026 - 2030"], None),
    (["MỤC TIÊU", "NHIỆM VỤ TRỌNG TÂM NĂM 2026"], 2026),
    (["thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"], None),
])
def test_one_year_of(texts: list[str], year) -> None:
    from kehoach.extract.prose.targets import one_year_of
    assert one_year_of(texts) == year


def test_prose_target_year_null_in_a_multi_year_plan() -> None:
    blocks = [para("II. MỤC TIÊU"), para("2. Mục tiêu cụ thể"), bullet("Tối thiểu 80% đảng viên dùng Sổ tay đảng viên.")]
    assert parse_prose_targets(blocks, issue_year=2025)[0].targets[0].year is None
    assert parse_prose_targets(blocks, 2025, title="Chuyển đổi số năm 2026")[0].targets[0].year == 2026


def test_legal_bases_run_together_are_split() -> None:
    blocks = [para("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Căn cứ Kế hoạch số 92/KH-UBND "
                   "ngày 15/9/2025 của UBND tỉnh Đồng Nai; Xét đề nghị của Phòng Văn hóa - Xã hội. Ủy ban nhân dân "
                   "xã Tân Hưng ban hành Kế hoạch như sau:")]
    got = parse_legal_bases(blocks)
    assert [(b.kind, b.number) for b in got] == [("can_cu", "57-NQ/TW"), ("can_cu", "92/KH-UBND"), ("xet_de_nghi", None)]
    assert got[-1].raw == "Xét đề nghị của Phòng Văn hóa - Xã hội"


def test_note_after_last_paragraph_item_and_closing_run_into_a_duty() -> None:
    blocks = [para("IV. TỔ CHỨC THỰC HIỆN"),
              para("1. Ủy ban MTTQ Việt Nam xã tuyên truyền, vận động Nhân dân tham gia."),
              para("Kế hoạch này được phổ biến đến các chi bộ."),
              para("2. Công an xã"), bullet("Bảo đảm an ninh mạng. Trên đây là Kế hoạch của Đảng ủy xã./.")]
    got = [r.duties for r in parse_responsibilities(blocks)]
    assert got == [["Ủy ban MTTQ Việt Nam xã tuyên truyền, vận động Nhân dân tham gia."], ["Bảo đảm an ninh mạng."]]


def test_paragraphs_run_together_by_the_layout_are_cut_apart() -> None:
    blocks = [para("IV. TỔ CHỨC THỰC HIỆN"),
              para("1. Văn phòng Đảng ủy xã theo dõi việc thực hiện. 2. Phòng Văn hóa - Xã hội chủ trì tuyên truyền."),
              para("3. Công an xã bảo đảm an ninh mạng. Kế hoạch này được phổ biến đến các chi bộ."),
              para("III. NHIỆM VỤ"), para("1. Hạ tầng số"),
              para("1.1. Số hóa dữ liệu dân cư. Nhiệm vụ cụ thể tại Phụ lục II kèm theo Kế hoạch này.")]
    assert [r.heading for r in parse_responsibilities(blocks)] == [
        "Văn phòng Đảng ủy xã theo dõi việc thực hiện.", "Phòng Văn hóa - Xã hội chủ trì tuyên truyền.",
        "Công an xã bảo đảm an ninh mạng."]
    assert [(t.ordinal, t.name) for t in parse_prose_tasks(blocks)] == [("1.1", "Số hóa dữ liệu dân cư.")]


@pytest.mark.parametrize("text, code, rest", [
    ("HI. NHIỆM VỤ, GIẢI PHÁP", "III", "NHIỆM VỤ, GIẢI PHÁP"),  # OCR: "III" read as "HI"
    ("IH. NHIỆM VỤ TRỌNG TÂM", "III", "NHIỆM VỤ TRỌNG TÂM"),
    ("Il. MỤC TIÊU", "II", "MỤC TIÊU"),
    ("lV. KINH PHÍ THỰC HIỆN", "IV", "KINH PHÍ THỰC HIỆN"),
])
def test_section_numbers_ocr_misread(text: str, code: str, rest: str) -> None:
    from kehoach.extract.prose.sections import marker

    m = marker(Block("para", text, 1, (0, 0, 0, 0)))
    assert m is not None and (m.level, m.code, m.rest) == (1, code, rest)


@pytest.mark.parametrize("text", ["11. TỔ CHỨC THỰC HIỆN", "l. Phòng Kinh tế", "HH. AB CD", "H. Phòng"])
def test_section_number_slips_need_an_upper_case_title(text: str) -> None:
    from kehoach.extract.prose.sections import marker

    m = marker(Block("para", text, 1, (0, 0, 0, 0)))
    assert m is None or m.level != 1
