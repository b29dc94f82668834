"""Document fields of whole plans whose header and legal bases print the forms of other
communes and wards: number, date, issuer, commune, province and code together."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.assemble import build_plan
from kehoach.extract.model import Block, Closing, HeaderBlock, RawDocument

Z = (0.0, 0.0, 0.0, 0.0)


def plan_document(issuer_lines, number_line, place_date_line, bases=(), notes=(), title="Triển khai Nghị quyết số 57-NQ/TW"):
    raw = RawDocument(
        path="x.pdf", pages=3,
        header=HeaderBlock(issuer_lines=list(issuer_lines), number_line=number_line,
                           place_date_line=place_date_line, title_lines=[title], doc_type_line="KẾ HOẠCH"),
        blocks=[Block("para", text, 1, Z) for text in bases] + [Block("para", "I. MỤC ĐÍCH, YÊU CẦU", 1, Z)],
        tables=[], closing=Closing(), appendix_notes=list(notes),
    )
    d = build_plan(raw).document
    return (d.number, d.issue_date, d.issue_year, d.issuer, d.commune, d.commune_kind, d.province,
            d.commune_code, d.place)


@pytest.mark.parametrize("header, bases, notes, expected", [
    # a blank number and day: nulls, the year from the header line
    ((["ỦY BAN NHÂN DÂN", "XÃ PHÚ RIỀNG"], "Số:      /KH-UBND", "Phú Riềng, ngày      tháng      năm 2025"), (), (),
     (None, None, 2025, "Ủy ban nhân dân xã Phú Riềng", "Phú Riềng", "xã", "Đồng Nai", "25264", "Phú Riềng")),
    # no year in the header: the appendix note's
    ((["ỦY BAN NHÂN DÂN", "XÃ PHÚ RIỀNG"], "Số: /KH-UBND", "Phú Riềng, ngày      tháng      năm"), (),
     ("(Kèm theo Kế hoạch số:       /KH-UBND ngày      /       /2025 của UBND xã Phú Riềng)",),
     (None, None, 2025, "Ủy ban nhân dân xã Phú Riềng", "Phú Riềng", "xã", "Đồng Nai", "25264", "Phú Riềng")),
    # a same-named commune pinned by the province its legal bases name
    ((["ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG"], "Số: 45 /KH-UBND", "Tân Hưng, ngày 05 tháng 3 năm 2026"),
     ("Căn cứ Kế hoạch số 91/KH-UBND ngày 12/02/2026 của Ủy ban nhân dân tỉnh Đồng Nai;",), (),
     ("45/KH-UBND", dt.date(2026, 3, 5), 2026, "Ủy ban nhân dân xã Tân Hưng", "Tân Hưng", "xã", "Đồng Nai", "25345",
      "Tân Hưng")),
    # ... or by a province merged away in 2025 that its legal bases still name
    ((["ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG"], "Số: 45/KH-UBND", "Xã Tân Hưng, ngày 5/3/2026"),
     ("Căn cứ Kế hoạch số 12/KH-UBND ngày 05/3/2025 của Ủy ban nhân dân tỉnh Long An;",), (),
     ("45/KH-UBND", dt.date(2026, 3, 5), 2026, "Ủy ban nhân dân xã Tân Hưng", "Tân Hưng", "xã", "Tây Ninh", "27721",
      "Tân Hưng")),
    # no province named anywhere and the name is not unique: no province, no code
    ((["ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG"], "Số: 45/KH-UBND", "Tân Hưng, ngày 05 tháng 3 năm 2026"), (), (),
     ("45/KH-UBND", dt.date(2026, 3, 5), 2026, "Ủy ban nhân dân xã Tân Hưng", "Tân Hưng", "xã", None, None,
      "Tân Hưng")),
    # ... or by the superior body printed above the issuer, the only place it is named
    ((["ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG"], "Số: 45/KH-UBND",
      "Tân Hưng, ngày 05 tháng 3 năm 2026"), (), (),
     ("45/KH-UBND", dt.date(2026, 3, 5), 2026, "Ủy ban nhân dân xã Tân Hưng", "Tân Hưng", "xã", "Đồng Nai", "25345",
      "Tân Hưng")),
    # a Party committee's plan under its provincial Party organisation
    ((["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ VÂN HỒ", "*"], "Số 18-KH/ĐU", "Vân Hồ, ngày 05 tháng 12 năm 2025"),
     ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",), (),
     ("18-KH/ĐU", dt.date(2025, 12, 5), 2025, "Đảng ủy xã Vân Hồ", "Vân Hồ", "xã", "Sơn La", "04048", "Vân Hồ")),
    # a steering committee under the commune's Party committee
    ((["ĐẢNG ỦY XÃ EA KAR", "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,", "ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ"],
      "Số: 07/KH-BCĐ", "Ea Kar, ngày 18 tháng 3 năm 2026"),
     ("Căn cứ Kế hoạch số 118/KH-UBND ngày 06/02/2026 của Ủy ban nhân dân tỉnh Đắk Lắk;",), (),
     ("07/KH-BCĐ", dt.date(2026, 3, 18), 2026, "Ban Chỉ đạo xã Ea Kar", "Ea Kar", "xã", "Đắk Lắk", "24373", "Ea Kar")),
    # a ward; OCR's "S6" for "Số"
    ((["ỦY BAN NHÂN DÂN", "PHƯỜNG BÌNH LỘC"], "S6: 126/KH-UBND", "Bình Lộc, ngày 15 tháng 10 năm 2025"), (), (),
     ("126/KH-UBND", dt.date(2025, 10, 15), 2025, "Ủy ban nhân dân phường Bình Lộc", "Bình Lộc", "phường", "Đồng Nai",
      "26089", "Bình Lộc")),
    # tone placement: the plan's "Hoà" and the list's "Hòa" are one commune (the modern
    # placement in the names rebuilt from upper case; the place as printed)
    ((["ỦY BAN NHÂN DÂN", "XÃ HOÀ BÌNH"], "Số: 12/KH-UBND", "Hoà Bình, ngày 05 tháng 3 năm 2026"),
     ("Căn cứ Kế hoạch số 20/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh Cà Mau;",), (),
     ("12/KH-UBND", dt.date(2026, 3, 5), 2026, "Ủy ban nhân dân xã Hòa Bình", "Hòa Bình", "xã", "Cà Mau", "31891",
      "Hoà Bình")),
])
def test_document_fields(header, bases, notes, expected) -> None:
    assert plan_document(*header, bases=bases, notes=notes) == expected
