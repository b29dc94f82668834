"""Agency cells and headings → canonical agency names (contract: "Agencies")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.normalize.agencies import AgencyRegistry, default_registry
from kehoach.normalize.text import fold

CASES = json.loads((Path(__file__).parent / "data" / "normalize_cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry():
    return default_registry()


@pytest.mark.parametrize("case", CASES["agency_cells"], ids=lambda c: c["raw"])
def test_gold_agency_cells(registry, case):
    names, _ = registry.resolve_cell(case["raw"])
    assert names == case["expected"]


@pytest.mark.parametrize("case", CASES["responsibility_headings"], ids=lambda c: c["heading"][:60])
def test_gold_responsibility_headings(registry, case):
    # the harness compares agency names case-folded
    assert [fold(n) for n in registry.find_in_text(case["heading"])] == [fold(n) for n in case["expected"]]


@pytest.mark.parametrize(
    "printed, canonical",
    [
        ("Văn phòng HĐND&UBND", "Văn phòng HĐND và UBND"),
        ("Văn phòng HĐND-UBND", "Văn phòng HĐND và UBND"),
        ("Văn phòng HĐND – UBND xã", "Văn phòng HĐND và UBND"),
        ("văn phòng hđnd và ubnd", "Văn phòng HĐND và UBND"),
        ("Phòng VH-XH", "Phòng Văn hóa - Xã hội"),
        ("Phòng VHXH", "Phòng Văn hóa - Xã hội"),
        ("Phòng Văn hoá – Xã hội", "Phòng Văn hóa - Xã hội"),
        ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội"),
        ("Phong Van hoa - Xa hoi", "Phòng Văn hóa - Xã hội"),
        ("Phòng VHXXH", "Phòng Văn hóa - Xã hội"),
        ("Phòng Kinh Tế", "Phòng Kinh tế"),
        ("Công chức Phòng Kinh Tế", "Phòng Kinh tế"),
        ("Trung tâm PVHCC", "Trung tâm Phục vụ hành chính công"),
        ("Trung tâm phục vụ HCC", "Trung tâm Phục vụ hành chính công"),
        ("Công an xã", "Công an xã"),
        ("Ban CHQS xã", "Ban Chỉ huy quân sự xã"),
        ("Trạm y tế xã", "Trạm Y tế xã"),
        ("Trạm Y tế", "Trạm Y tế xã"),
        ("Trạm tế xã", "Trạm Y tế xã"),
        ("UBMTTQVN xã", "Ủy ban MTTQ Việt Nam xã"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Ủy ban MTTQ Việt Nam xã"),
        ("Uỷ ban MTTQ Việt Nam xã", "Ủy ban MTTQ Việt Nam xã"),
        ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy xã"),
        ("Văn phòng Đảng uỷ xã", "Văn phòng Đảng ủy xã"),
        ("Đoàn TNCS HCM xã", "Đoàn TNCS Hồ Chí Minh xã"),
        ("Hội Nông dân", "Hội Nông dân xã"),
        ("Tổ CNS cộng đồng", "Tổ công nghệ số cộng đồng"),
        ("Tổ CNS cộng đồng các ấp", "Tổ công nghệ số cộng đồng"),
        ("Các trường học trên địa bàn", "Các trường học trên địa bàn xã"),
        ("Các phòng, ban, đơn vị xã", "Các phòng, ban, đơn vị trên địa bàn xã"),
        ("Các phòng, ban, đơn vị trên địa bàn", "Các phòng, ban, đơn vị trên địa bàn xã"),
    ],
)
def test_resolve_forms(registry, printed, canonical):
    res = registry.resolve(printed)
    assert res.resolved and res.canonical == canonical, res


@pytest.mark.parametrize("printed", ["Doanh nghiệp viễn thông", "Trưởng các ấp",
                                     "Các tổ chức tín dụng/Ngân hàng", "Công an tỉnh", "Phòng Tài chính",
                                     "Sở Khoa học và Công nghệ", "Đoàn Thanh niên tỉnh",
                                     "Văn phòng UBND tỉnh", "Hội Nông dân tỉnh"])
def test_unknown_names_come_back_as_printed(registry, printed):
    res = registry.resolve(printed)
    assert not res.resolved and res.canonical == printed
    names, warnings = registry.resolve_cell(printed)
    assert names == [printed] and len(warnings) == 1


def test_unknown_name_is_dash_and_space_normalized(registry):
    res = registry.resolve("  Ban  quản lý chợ –  Tân Hưng. ")
    assert res.canonical == "Ban quản lý chợ - Tân Hưng"


@pytest.mark.parametrize(
    "cell, parts",
    [
        ("Các phòng, ban, đơn vị trên địa bàn xã", ["Các phòng, ban, đơn vị trên địa bàn xã"]),
        ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
        ("Phòng Văn hóa - Xã hội (Theo hướng dẫn của Sở Nội vụ)", ["Phòng Văn hóa - Xã hội"]),
        ("Đoàn TNCS Hồ Chí Minh xã; Tổ công nghệ số cộng đồng.", ["Đoàn TNCS Hồ Chí Minh xã", "Tổ công nghệ số cộng đồng"]),
        ("Phòng VH-XH, Trạm Y tế, Tổ CNS cộng đồng", ["Phòng VH-XH", "Trạm Y tế", "Tổ CNS cộng đồng"]),
        ("Các cán bộ, công chức xã", ["Các cán bộ, công chức xã"]),
        ("Công an xã, phòng Kinh tế", ["Công an xã", "phòng Kinh tế"]),
        ("Ban tự quản các thôn, bon, tổ dân phố; Công an xã", ["Ban tự quản các thôn, bon, tổ dân phố", "Công an xã"]),
        ("- Phòng Kinh tế - Công an xã - Văn phòng HĐND - UBND", ["Phòng Kinh tế", "Công an xã", "Văn phòng HĐND - UBND"]),
        ("Phòng Kinh tế\nCông an xã", ["Phòng Kinh tế", "Công an xã"]),
        ("Ban tự quản các thôn, bon, tổ dân phố, Phòng Kinh tế", ["Ban tự quản các thôn, bon, tổ dân phố", "Phòng Kinh tế"]),
        ("", []),
        (None, []),
    ],
)
def test_split(registry, cell, parts):
    assert registry.split(cell) == parts


@pytest.mark.parametrize(
    "cell, names",
    [
        # a whole alias with a dash after the comma does not glue the comma's two sides
        ("Công an xã, Phòng Văn hóa - Xã hội", ["Công an xã", "Phòng Văn hóa - Xã hội"]),
        ("Công an xã, Phòng VH-XH", ["Công an xã", "Phòng Văn hóa - Xã hội"]),
        ("Phòng Văn hóa - Xã hội, Phòng Kinh tế, Hạ tầng và Đô thị",
         ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị"]),
        ("Trạm Y tế, Văn phòng HĐND - UBND", ["Trạm Y tế xã", "Văn phòng HĐND và UBND"]),
        # aliases that run across the comma stay whole
        ("Các phòng, ban, đơn vị trên địa bàn xã", ["Các phòng, ban, đơn vị trên địa bàn xã"]),
        ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
    ],
)
def test_dash_alias_after_comma_is_split_off(registry, cell, names):
    assert registry.resolve_cell(cell) == (names, [])


def test_resolve_cell_deduplicates_in_order(registry):
    names, warnings = registry.resolve_cell("Phòng VH-XH; Phòng Văn hóa – Xã hội, Công an xã")
    assert names == ["Phòng Văn hóa - Xã hội", "Công an xã"] and warnings == []


def test_find_in_text_running_paragraph(registry):
    text = ("Các Phòng chuyên môn, các cơ quan, đơn vị cấp xã, Ban tự quản các thôn, bon, tổ dân phố "
            "định kỳ hoặc đột xuất báo cáo kết quả về phòng Văn hóa - Xã hội để tổng hợp:")
    assert registry.find_in_text(text) == ["Các phòng, ban, đơn vị trên địa bàn xã",
                                           "Ban tự quản các thôn, bon, tổ dân phố"]
    assert "Phòng Văn hóa - Xã hội" in registry.find_in_text(text, all_mentions=True)


def test_aliases_are_reusable_data(registry):
    aliases = registry.aliases()
    assert aliases["Phòng VH-XH"] == "Phòng Văn hóa - Xã hội"
    assert all(c in aliases for c in registry.canonical_names())


def test_user_file_extends_registry(tmp_path, monkeypatch):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"agencies": [
        {"canonical": "Ban Quản lý chợ xã", "aliases": ["BQL chợ"]},
        {"canonical": "Công an xã", "aliases": ["CAX"]},
    ]}, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("KEHOACH_AGENCIES", str(extra))
    reg = AgencyRegistry.load()
    assert reg.resolve("BQL chợ").canonical == "Ban Quản lý chợ xã"
    assert reg.resolve("CAX").canonical == "Công an xã"
    assert reg.resolve("Phòng VHXH").canonical == "Phòng Văn hóa - Xã hội"
    monkeypatch.delenv("KEHOACH_AGENCIES")
    assert AgencyRegistry.load(extra_path=extra).resolve("BQL chợ").resolved


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_never_raises(text):
    reg = default_registry()
    for part in reg.split(text):
        assert part
        reg.resolve(part)
    names, warnings = reg.resolve_cell(text)
    assert isinstance(names, list) and isinstance(warnings, list)
    assert isinstance(reg.find_in_text(text), list)


def test_ward_plans_use_the_same_canonical_names(registry):
    # canonical names are fixed by the contract: "Công an phường" is "Công an xã"
    names, _ = registry.resolve_cell("Công an phường; Phòng VHXH; Trạm y tế phường")
    assert names == ["Công an xã", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã"]
    heading = "Đề nghị Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội phường"
    assert registry.find_in_text(heading) == ["Ủy ban MTTQ Việt Nam xã", "các tổ chức chính trị - xã hội phường"]


@pytest.mark.parametrize("printed", ["Hội LHPN xã", "Hội CCB xã", "Hội Cựu chiến binh", "Phòng KT-HT&ĐT",
                                     "Hội Liên hiệp Phụ nữ phường", "Bưu điện văn hóa xã"])
def test_names_outside_the_contract_table_are_recognised_but_kept_as_printed(registry, printed):
    # plan-json/1: only the agencies of its own table are canonical; the registry's
    # other entries are marked keep_printed, so they split and tag but print as printed
    res = registry.resolve(printed)
    assert res.resolved and res.canonical == printed and res.nearest != printed
    assert registry.resolve_cell(f"Công an xã; {printed}") == (["Công an xã", printed], [])
    assert registry.find_in_text(f"{printed} và Công an xã") == [printed, "Công an xã"]


def test_keep_printed_is_data_a_user_can_drop(tmp_path):
    # a user file (as named by KEHOACH_AGENCIES) can make such a name canonical
    assert default_registry().resolve("Hội LHPN xã").canonical == "Hội LHPN xã"
    extra = tmp_path / "agencies.json"
    extra.write_text(json.dumps({"agencies": [{"canonical": "Hội Liên hiệp Phụ nữ xã", "keep_printed": False}]}),
                     encoding="utf-8")
    mine = AgencyRegistry.load(extra)
    assert mine.resolve("Hội LHPN xã").canonical == "Hội Liên hiệp Phụ nữ xã"
    assert mine.resolve("Hội CCB xã").canonical == "Hội CCB xã"



def test_commune_name_after_the_agency(registry):
    assert registry.resolve("Văn phòng HĐND và UBND xã Tân Hưng").canonical == "Văn phòng HĐND và UBND"
    text = "Phòng Kinh tế xã Tân Hưng, Công an xã chủ trì thực hiện các nhiệm vụ sau đây về chuyển đổi số trên địa bàn"
    assert registry.find_in_text(text) == ["Phòng Kinh tế", "Công an xã"]


def test_sentence_end_stops_the_run(registry):
    assert registry.find_in_text("Phòng Kinh tế. Ủy ban nhân dân xã chỉ đạo thực hiện các nội dung trên địa bàn") == ["Phòng Kinh tế"]
