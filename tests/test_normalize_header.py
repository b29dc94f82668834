"""Header strings → document fields (number, place, date, issuer, year)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.normalize.dates import parse_vn_date
from kehoach.normalize.header import parse_issuer, parse_number, parse_place_date, parse_year_from_note

CASES = json.loads((Path(__file__).parent / "data" / "normalize_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("line, number", [
    ("Số: 94/KH-UBND", "94/KH-UBND"),
    ("Số:      /KH-UBND", None),
    ("Số: /KH-UBND", None),
    ("Số: 94 /KH-UBND", "94/KH-UBND"),
    ("Số: 12-KH/ĐU", "12-KH/ĐU"),
    ("Số 246/TTr-PVHXH", "246/TTr-PVHXH"),
    # spaced dashes and slashes inside the number
    ("Số: 342/KH - UBND", "342/KH-UBND"),
    ("Số: 342 / KH – UBND.", "342/KH-UBND"),
    ("Số: 15 /KH-UBND", "15/KH-UBND"),
    ("Số: 05-KH/BCĐ", "05-KH/BCĐ"),
    ("Số 18-KH/ĐU", "18-KH/ĐU"),
    ("Số 18 - KH/ĐU", "18-KH/ĐU"),
    ("Số:  /KH-UBND", None),
    ("Số: 12", None),
    # a spaced dash before ordinary words is not part of the number
    ("Số: 12/KH-UBND - Phú Riềng", "12/KH-UBND"),
    ("Số: 12/KH-UBND Phú Riềng, ngày 05 tháng 3 năm 2026", "12/KH-UBND"),
    ("", None),
    (None, None),
])
def test_parse_number(line, number):
    assert parse_number(line) == number


@pytest.mark.parametrize("line, expected", [
    ("Phú Riềng, ngày      tháng      năm 2025", ("Phú Riềng", None, 2025)),
    ("Đức An, ngày      tháng 10 năm 2025", ("Đức An", None, 2025)),
    ("Đức An, ngày 12 tháng 10 năm 2025", ("Đức An", dt.date(2025, 10, 12), 2025)),
    ("Tân Hưng, ngày 05 tháng 3 năm 2026", ("Tân Hưng", dt.date(2026, 3, 5), 2026)),
    ("Tân Hưng, ngày 31 tháng 2 năm 2026", ("Tân Hưng", None, 2026)),
    ("Tân Hưng, ngày 05/3/2026", ("Tân Hưng", dt.date(2026, 3, 5), 2026)),
    ("Tân Hưng, 05/3/2026", ("Tân Hưng", dt.date(2026, 3, 5), 2026)),
    ("", (None, None, None)),
])
def test_parse_place_date(line, expected):
    assert parse_place_date(line) == expected


@pytest.mark.parametrize("doc", CASES["documents"], ids=lambda d: d["commune"])
def test_gold_place_and_year(doc):
    place, date, year = parse_place_date(f"{doc['place']}, ngày      tháng      năm {doc['issue_year']}")
    assert (place, date, year) == (doc["place"], None, doc["issue_year"])


@pytest.mark.parametrize("doc", CASES["documents"], ids=lambda d: d["commune"])
def test_gold_issuer_from_upper_case_lines(doc):
    lines = ["ỦY BAN NHÂN DÂN", f"{doc['commune_kind']} {doc['commune']}".upper()]
    assert parse_issuer(lines) == (doc["issuer"], doc["commune"], doc["commune_kind"])


@pytest.mark.parametrize("lines, expected", [
    (["ỦY BAN NHÂN DÂN", "XÃ PHÚ RIỀNG"], ("Ủy ban nhân dân xã Phú Riềng", "Phú Riềng", "xã")),
    (["UỶ BAN NHÂN DÂN XÃ ĐỨC AN"], ("Ủy ban nhân dân xã Đức An", "Đức An", "xã")),
    (["UBND XÃ TÂN HƯNG"], ("Ủy ban nhân dân xã Tân Hưng", "Tân Hưng", "xã")),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG BÌNH THẠNH"], ("Ủy ban nhân dân phường Bình Thạnh", "Bình Thạnh", "phường")),
    (["ỦY BAN NHÂN DÂN", "ĐẶC KHU VÂN ĐỒN"], ("Ủy ban nhân dân đặc khu Vân Đồn", "Vân Đồn", "đặc khu")),
    (["UBND XÃ ĐỨC AN", "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ"],
     ("Ban Chỉ đạo xã Đức An", "Đức An", "xã")),  # contract: a steering committee is "Ban Chỉ đạo xã …"
    (["BAN CHỈ ĐẠO XÃ PHÚ RIỀNG"], ("Ban Chỉ đạo xã Phú Riềng", "Phú Riềng", "xã")),
    (["BCĐ PHÁT TRIỂN KHCN, ĐMST VÀ CĐS", "XÃ ĐỨC AN"],
     ("Ban Chỉ đạo xã Đức An", "Đức An", "xã")),
    (["ỦY BAN NHÂN DÂN XÃ", "PHÚ RIỀNG"], ("Ủy ban nhân dân xã Phú Riềng", "Phú Riềng", "xã")),
    (["UBND TỈNH ĐỒNG NAI", "ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG"], ("Ủy ban nhân dân xã Tân Hưng", "Tân Hưng", "xã")),
    ([], (None, None, None)),
])
def test_parse_issuer(lines, expected):
    assert parse_issuer(lines) == expected


_EA_KAR = ("Ban Chỉ đạo xã Ea Kar", "Ea Kar", "xã")
_TAN_DONG_HIEP = ("Ủy ban nhân dân phường Tân Đông Hiệp", "Tân Đông Hiệp", "phường")


@pytest.mark.parametrize("lines, expected", [
    # a long line wraps in the narrow header column: the commune runs on to the next line
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN ĐÔNG", "HIỆP"], _TAN_DONG_HIEP),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG", "TÂN ĐÔNG HIỆP"], _TAN_DONG_HIEP),
    (["ỦY BAN NHÂN DÂN PHƯỜNG", "TÂN ĐÔNG", "HIỆP"], _TAN_DONG_HIEP),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN ĐÔNG HIỆP"], _TAN_DONG_HIEP),
    (["ỦY BAN NHÂN DÂN", "XÃ", "PHÚ RIỀNG"], ("Ủy ban nhân dân xã Phú Riềng", "Phú Riềng", "xã")),
    # the steering committee's long name wrapped over four lines
    (["ĐẢNG ỦY XÃ EA KAR", "BAN CHỈ ĐẠO PHÁT TRIỂN", "KHOA HỌC, CÔNG NGHỆ, ĐỔI", "MỚI SÁNG TẠO VÀ CHUYỂN",
      "ĐỔI SỐ"], _EA_KAR),
    (["ĐẢNG ỦY XÃ EA KAR", "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ"], _EA_KAR),
    (["ĐẢNG ỦY XÃ EA", "KAR", "BAN CHỈ ĐẠO PHÁT TRIỂN", "KHOA HỌC, CÔNG NGHỆ"], _EA_KAR),
    # the known name ends the commune: a following department line is not part of it
    (["ỦY BAN NHÂN DÂN", "XÃ PHÚ RIỀNG", "PHÒNG VĂN HÓA - XÃ HỘI"], ("Ủy ban nhân dân xã Phú Riềng", "Phú Riềng", "xã")),
    (["ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG", "-------"], ("Ủy ban nhân dân xã Tân Hưng", "Tân Hưng", "xã")),
    # a wrapped body name
    (["ỦY BAN MẶT TRẬN TỔ QUỐC", "VIỆT NAM XÃ PHÚ RIỀNG"],
     ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Phú Riềng", "Phú Riềng", "xã")),
])
def test_parse_issuer_wrapped_lines(lines, expected):
    assert parse_issuer(lines) == expected


def test_wrapped_commune_known_from_hints_only():
    # a name outside the national list ends where the place line says it does
    lines = ["ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH", "THƯỢNG", "VĂN PHÒNG"]
    assert parse_issuer(lines, hints=["Hòa Bình Thượng"]) == \
        ("Ủy ban nhân dân xã Hòa Bình Thượng", "Hòa Bình Thượng", "xã")
    title = "Kế hoạch chuyển đổi số trên địa bàn xã Hòa Bình Thượng năm 2026"
    assert parse_issuer(lines, hints=[title])[1] == "Hòa Bình Thượng"


def test_issuer_casing_from_hints():
    issuer, commune, _ = parse_issuer(["ỦY BAN NHÂN DÂN", "XÃ EA H'LEO"], hints=["Ea H'leo, ngày tháng năm 2025"])
    assert commune == "Ea H'leo" and issuer == "Ủy ban nhân dân xã Ea H'leo"


@pytest.mark.parametrize("note, year", [
    ("(Kèm theo Kế hoạch số:       /KH-UBND ngày      /       /2025 của UBND xã Phú Riềng)", 2025),
    ("(Kèm theo Kế hoạch số:        /KH-UBND ngày     tháng 10 năm 2025 của UBND xã Đức An)", 2025),
    ("(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của UBND xã Tân Hưng)", 2026),
    ("(Kèm theo Kế hoạch số /KH-UBND)", None),
    (None, None),
])
def test_parse_year_from_note(note, year):
    assert parse_year_from_note(note) == year


@pytest.mark.parametrize("text, date", [
    ("22/12/2024", dt.date(2024, 12, 22)),
    ("01/4/2025", dt.date(2025, 4, 1)),
    ("ngày 22 tháng 12 năm 2024", dt.date(2024, 12, 22)),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", dt.date(2024, 12, 22)),
    ("31/02/2025", None),
    ("không có ngày", None),
    (None, None),
])
def test_parse_vn_date(text, date):
    assert parse_vn_date(text) == date


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.lists(st.text(max_size=30), max_size=4))
def test_never_raises(text, lines):
    parse_number(text)
    parse_place_date(text)
    parse_year_from_note(text)
    parse_vn_date(text)
    parse_issuer(lines, hints=[text])
