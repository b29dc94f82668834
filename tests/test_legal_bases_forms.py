"""Legal-basis paragraphs as other communes' and wards' plans print them → contract fields.

Each case is (paragraph, (kind, doc_type, number, date, issuer)); `raw` is checked apart.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.extract.model import Block
from kehoach.extract.prose.legal_bases import paragraph_to_legal_basis, parse_legal_bases

D = dt.date
BCT = ("can_cu", "Nghị quyết", "57-NQ/TW", D(2024, 12, 22), "Bộ Chính trị")


def fields(text: str) -> tuple:
    lb = paragraph_to_legal_basis(text)
    assert lb is not None, text
    return lb.kind, lb.doc_type, lb.number, lb.date, lb.issuer


@pytest.mark.parametrize("text, expected", [
    # the three openings
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học;", BCT),
    ("Căn cứ Kế hoạch số 01-KH/ĐU ngày 05/01/2026 của Đảng ủy xã Phú Riềng;",
     ("can_cu", "Kế hoạch", "01-KH/ĐU", D(2026, 1, 5), "Đảng ủy xã Phú Riềng")),
    ("Thực hiện Công văn số 123/UBND-VX ngày 10/3/2026 của UBND tỉnh Đồng Nai về việc xây dựng kế hoạch;",
     ("thuc_hien", "Công văn", "123/UBND-VX", D(2026, 3, 10), "UBND tỉnh Đồng Nai")),
    ("Xét đề nghị của Trưởng phòng Văn hóa - Xã hội tại Tờ trình số 246/TTr-PVHXH ngày 03/3/2026.",
     ("xet_de_nghi", "Tờ trình", "246/TTr-PVHXH", D(2026, 3, 3), "Trưởng phòng Văn hóa - Xã hội")),
    ("Xét Tờ trình số 15/TTr-VP ngày 02/3/2026 của Văn phòng HĐND và UBND xã;",
     ("xet_de_nghi", "Tờ trình", "15/TTr-VP", D(2026, 3, 2), "Văn phòng HĐND và UBND xã")),
    ("Xét đề nghị của Văn phòng HĐND và UBND xã,", ("xet_de_nghi", None, None, None, "Văn phòng HĐND và UBND xã")),
    ("- Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", BCT),
    ("Căn cứ vào Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", BCT),
    # laws: no number, or the number after the law's name; issuer only when printed
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
     ("can_cu", "Luật", None, D(2025, 6, 16), None)),
    ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;", ("can_cu", "Luật", "72/2025/QH15", None, None)),
    ("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 ngày 27/6/2025;",
     ("can_cu", "Luật", "93/2025/QH15", D(2025, 6, 27), None)),
    ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;", ("can_cu", "Luật", None, None, None)),
    # the first cited document counts, also when it is an unnumbered law
    ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ;",
     ("can_cu", "Luật", None, None, None)),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị và Nghị quyết số 71/NQ-CP "
     "ngày 01/4/2025 của Chính phủ;", BCT),
    ("Căn cứ Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh Đồng Nai, Kế hoạch số 16-KH/ĐU ngày 23/10/2025 "
     "của Đảng ủy xã;", ("can_cu", "Kế hoạch", "92/KH-UBND", D(2025, 9, 15), "UBND tỉnh Đồng Nai")),
    ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 71/NQ-CP của Chính phủ;",
     ("thuc_hien",) + BCT[1:]),
    # Prime Minister, Government, ministries, National Assembly
    ("Căn cứ Quyết định số 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ ban hành danh mục công nghệ chiến lược;",
     ("can_cu", "Quyết định", "1131/QĐ-TTg", D(2025, 6, 12), "Thủ tướng Chính phủ")),
    ("Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình;",
     ("can_cu", "Quyết định", "749/QĐ-TTg", D(2020, 6, 3), "Thủ tướng Chính phủ")),
    ("Căn cứ Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định;",
     ("can_cu", "Nghị định", "45/2025/NĐ-CP", D(2025, 2, 28), "Chính phủ")),
    ("Căn cứ Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ hướng dẫn;",
     ("can_cu", "Thông tư", "01/2011/TT-BNV", D(2011, 1, 19), "Bộ Nội vụ")),
    ("Căn cứ Nghị quyết số 193/2025/QH15 ngày 19/02/2025 của Quốc hội thí điểm một số cơ chế;",
     ("can_cu", "Nghị quyết", "193/2025/QH15", D(2025, 2, 19), "Quốc hội")),
    # Party documents and bodies
    ("Căn cứ Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học;",
     ("can_cu", "Kế hoạch", "02-KH/BCĐTW", D(2025, 6, 19), "Ban Chỉ đạo Trung ương")),
    ("Căn cứ Chương trình hành động số 01-CTr/ĐU ngày 10/10/2025 của Ban Chấp hành Đảng bộ xã về thực hiện;",
     ("can_cu", "Chương trình hành động", "01-CTr/ĐU", D(2025, 10, 10), "Ban Chấp hành Đảng bộ xã")),
    ("Thực hiện Kết luận số 05-KL/TW ngày 01/01/2025 của Bộ Chính trị;",
     ("thuc_hien", "Kết luận", "05-KL/TW", D(2025, 1, 1), "Bộ Chính trị")),
    ("Căn cứ Hướng dẫn số 08-HD/BTGDVTW ngày 05/3/2025 của Ban Tuyên giáo và Dân vận Trung ương;",
     ("can_cu", "Hướng dẫn", "08-HD/BTGDVTW", D(2025, 3, 5), "Ban Tuyên giáo và Dân vận Trung ương")),
    ("Căn cứ Quyết định số 21-QĐ/ĐU ngày 15 tháng 7 năm 2025 của Ban Thường vụ Đảng ủy xã Ea Kar về việc thành lập;",
     ("can_cu", "Quyết định", "21-QĐ/ĐU", D(2025, 7, 15), "Ban Thường vụ Đảng ủy xã Ea Kar")),
    ("Thực hiện Kế hoạch số 469-KH/TU ngày 16/5/2025 của Tỉnh ủy Đồng Nai,",
     ("thuc_hien", "Kế hoạch", "469-KH/TU", D(2025, 5, 16), "Tỉnh ủy Đồng Nai")),
    ("Căn cứ Công văn số 123/SKHCN-CĐS ngày 10/3/2026 của Sở Khoa học và Công nghệ tỉnh Đồng Nai về việc báo cáo;",
     ("can_cu", "Công văn", "123/SKHCN-CĐS", D(2026, 3, 10), "Sở Khoa học và Công nghệ tỉnh Đồng Nai")),
    ("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh tại Văn bản số 3456/UBND-KT ngày 10/3/2026;",
     ("thuc_hien", "Văn bản", "3456/UBND-KT", D(2026, 3, 10), "Ủy ban nhân dân tỉnh")),
    # the term of a Party body is not part of its name
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị khóa XIII về đột phá;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị (khóa XIII) về đột phá;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về “đột phá phát triển khoa học”;", BCT),
    # number forms: "số:", no "số", spaces and dashes inside, a comma before the date
    ("Căn cứ Nghị quyết số: 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết số 57 - NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/ TW ngày 22/12/2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết số57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Quyết định số 1131/QĐ–TTg ngày 12/6/2025 của Thủ tướng Chính phủ;",
     ("can_cu", "Quyết định", "1131/QĐ-TTg", D(2025, 6, 12), "Thủ tướng Chính phủ")),
    ("Căn cứ Quyết định số 1131 /QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ;",
     ("can_cu", "Quyết định", "1131/QĐ-TTg", D(2025, 6, 12), "Thủ tướng Chính phủ")),
    ("Căn cứ Kế hoạch số 469 – KH/TU ngày 16/5/2025 của Tỉnh ủy;",
     ("can_cu", "Kế hoạch", "469-KH/TU", D(2025, 5, 16), "Tỉnh ủy")),
    # date forms
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22-12-2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22.12.2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/ 2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22 /12/2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày22/12/2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 n\u01cem 2024 của Bộ Chính trị;", BCT),
    ("Căn cứ Quyết định số 1131/QĐ-TTg ngày 12/6/2025của Thủ tướng Chính phủ;",
     ("can_cu", "Quyết định", "1131/QĐ-TTg", D(2025, 6, 12), "Thủ tướng Chính phủ")),
    # two type words make one type; lower-case words before "số" belong to the type
    ("Thực hiện Thông báo kết luận số 12-TB/ĐU ngày 05/3/2026 của Thường trực Đảng ủy xã;",
     ("thuc_hien", "Thông báo kết luận", "12-TB/ĐU", D(2026, 3, 5), "Thường trực Đảng ủy xã")),
    ("Căn cứ Văn bản hợp nhất số 15/VBHN-VPQH ngày 10/7/2025 của Văn phòng Quốc hội;",
     ("can_cu", "Văn bản hợp nhất", "15/VBHN-VPQH", D(2025, 7, 10), "Văn phòng Quốc hội")),
    # a congress's resolution: the congress issued it (its term is not part of it)
    ("Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ xã Phú Riềng lần thứ I, nhiệm kỳ 2025 - 2030;",
     ("can_cu", "Nghị quyết", None, None, "Đại hội đại biểu Đảng bộ xã Phú Riềng lần thứ I")),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025 của Quốc hội;",
     ("can_cu", "Luật", None, D(2025, 6, 16), "Quốc hội")),
    # the issuer before the document ("chỉ đạo của … tại …")
    ("Thực hiện ý kiến chỉ đạo của Thường trực Đảng ủy xã tại Thông báo số 12-TB/ĐU ngày 05/3/2026;",
     ("thuc_hien", "Thông báo", "12-TB/ĐU", D(2026, 3, 5), "Thường trực Đảng ủy xã")),
    ("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Chủ tịch Ủy ban nhân dân xã về việc kiện toàn;",
     ("can_cu", "Quyết định", "12/QĐ-UBND", D(2026, 3, 5), "Chủ tịch Ủy ban nhân dân xã")),
    ("Căn cứ Thông tư số 02/2025/TT-BKHCN của Bộ Khoa học và Công nghệ;",
     ("can_cu", "Thông tư", "02/2025/TT-BKHCN", None, "Bộ Khoa học và Công nghệ")),
    # OCR's slips in the opening words
    ("Căn cử Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", BCT),
    ("C\u01cen cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", BCT),
    ("Thực hiên Kế hoạch số 01-KH/ĐU ngày 03/12/2025 của Đảng ủy xã,",
     ("thuc_hien", "Kế hoạch", "01-KH/ĐU", D(2025, 12, 3), "Đảng ủy xã")),
    # no cited document
    ("Căn cứ chức năng, nhiệm vụ của Phòng Văn hóa - Xã hội;", ("can_cu", None, None, None, None)),
])
def test_legal_basis_forms(text: str, expected: tuple) -> None:
    assert fields(text) == expected


@pytest.mark.parametrize("text", [
    "Theo đề nghị của Phòng Kinh tế tại Tờ trình số 15/TTr-KT ngày 02/3/2026;",  # not an opening of the contract
    "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
    "Cần cù, sáng tạo trong lao động.",
    "",
])
def test_not_a_legal_basis(text: str) -> None:
    assert paragraph_to_legal_basis(text) is None


@pytest.mark.parametrize("text, raw", [
    # the paragraph as printed, without the trailing ";"; the number keeps its printed spaces in raw
    ("Căn cứ Nghị quyết số 57 - NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
     "Căn cứ Nghị quyết số 57 - NQ/TW ngày 22/12/2024 của Bộ Chính trị"),
    ("- Căn cứ Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh Đồng Nai;  ",
     "Căn cứ Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh Đồng Nai"),
    ("Căn cứ Kế hoạch số 92/KH-UBND ngày 15/9/2025\ncủa UBND tỉnh Đồng\nNai về việc sửa đổi;",
     "Căn cứ Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh Đồng Nai về việc sửa đổi"),
])
def test_raw_paragraph(text: str, raw: str) -> None:
    assert paragraph_to_legal_basis(text).raw == raw


def para(text: str, page: int = 1) -> Block:
    return Block("para", text, page, (0.0, 0.0, 0.0, 0.0))


def test_wrapped_paragraph_reads_as_one() -> None:
    # lines of one paragraph joined with spaces (the number cut at its dash by the line end)
    lb = paragraph_to_legal_basis("Căn cứ Kế hoạch hành động số 469-\nKH/TU ngày 16/5/2025 của Ban Thường vụ\n"
                                  "Tỉnh ủy Đồng Nai về thực hiện Nghị quyết số 57-NQ/TW;")
    assert (lb.doc_type, lb.number, lb.date, lb.issuer) == (
        "Kế hoạch hành động", "469-KH/TU", D(2025, 5, 16), "Ban Thường vụ Tỉnh ủy Đồng Nai")


def test_several_bases_in_one_block_keep_their_order_and_pages() -> None:
    blocks = [
        para("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Căn cứ Nghị quyết số "
             "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;"),
        para("Thực hiện Công văn số 123/UBND-VX ngày 10/3/2026 của UBND tỉnh Đồng Nai;", page=2),
        para("Xét đề nghị của Phòng Văn hóa - Xã hội tại Tờ trình số 58/TTr-VHXH ngày 10/10/2025.", page=2),
        para("Ủy ban nhân dân phường Bình Lộc ban hành Kế hoạch như sau:", page=2),
        para("I. MỤC ĐÍCH, YÊU CẦU", page=2),
    ]
    got = [(b.kind, b.doc_type, b.number, b.page) for b in parse_legal_bases(blocks)]
    assert got == [("can_cu", "Luật", None, 1), ("can_cu", "Nghị quyết", "57-NQ/TW", 1),
                   ("thuc_hien", "Công văn", "123/UBND-VX", 2), ("xet_de_nghi", "Tờ trình", "58/TTr-VHXH", 2)]


@pytest.mark.parametrize("text, parts", [
    # the issuing sentence run into the last basis is not part of it
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. Ủy ban nhân dân xã xây dựng Kế hoạch "
     "thực hiện như sau:", ["Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"]),
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Đảng ủy xã xây dựng kế hoạch triển khai "
     "thực hiện như sau:", ["Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"]),
    ("Thực hiện Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh Đồng Nai, Ủy ban nhân dân xã triển khai "
     "Kế hoạch thực hiện như sau:", ["Thực hiện Kế hoạch số 92/KH-UBND ngày 15/9/2025 của UBND tỉnh Đồng Nai"]),
    # "xây dựng kế hoạch" inside a basis is the cited document's subject
    ("Căn cứ Hướng dẫn số 05 của Sở về xây dựng kế hoạch, Kế hoạch số 12 của UBND tỉnh",
     ["Căn cứ Hướng dẫn số 05 của Sở về xây dựng kế hoạch, Kế hoạch số 12 của UBND tỉnh"]),
    ("Căn cứ Kế hoạch số 12 của UBND tỉnh về việc giao Ban Chỉ đạo xã xây dựng kế hoạch",
     ["Căn cứ Kế hoạch số 12 của UBND tỉnh về việc giao Ban Chỉ đạo xã xây dựng kế hoạch"]),
])
def test_split_bases_drops_the_issuing_sentence(text: str, parts: list) -> None:
    from kehoach.extract.prose.legal_bases import split_bases

    assert [p.rstrip(".;, ") for p in split_bases(text)] == parts
