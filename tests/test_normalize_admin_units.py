"""Communes pinned to the national list of administrative units (2025)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.normalize.admin_units import province_short_name, resolve_commune, split_kind

CASES = json.loads((Path(__file__).parent / "data" / "normalize_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc", CASES["documents"], ids=lambda d: d["commune"])
def test_gold_communes(doc):
    match, warnings = resolve_commune(doc["commune"], doc["commune_kind"], doc["province"])
    assert (match.commune, match.commune_kind, match.province, match.commune_code) == (
        doc["commune"], doc["commune_kind"], doc["province"], doc["commune_code"])
    assert warnings == []


def test_unique_name_gives_its_province():
    match, warnings = resolve_commune("Phú Riềng", "xã", None)
    assert (match.province, match.commune_code) == ("Đồng Nai", "25264") and warnings == []


def test_same_name_needs_the_province():
    match, warnings = resolve_commune("xã Tân Hưng", None, None)
    assert match.commune == "Tân Hưng" and match.commune_kind == "xã"
    assert match.province is None and match.commune_code is None and warnings
    match, warnings = resolve_commune("Tân Hưng", "xã", "tỉnh Đồng Nai")
    assert (match.province, match.commune_code) == ("Đồng Nai", "25345") and warnings == []


def test_case_and_diacritics_do_not_matter():
    assert resolve_commune("TÂN HƯNG", "xã", "Đồng Nai")[0].commune_code == "25345"
    assert resolve_commune("Tan Hung", "xã", "Dong Nai")[0].commune_code == "25345"


def test_kind_narrows_the_match():
    match, _ = resolve_commune("Tân Hưng", "phường", "Hồ Chí Minh")
    assert match.commune_kind == "phường" and match.commune_code == "27475"


def test_wrong_province_or_unknown_name_warns():
    # a unique name is pinned even when the text's province is another one
    match, warnings = resolve_commune("Phú Riềng", "xã", "Lâm Đồng")
    assert (match.commune_code, match.province) == ("25264", "Đồng Nai") and warnings
    match, warnings = resolve_commune("Tân Hưng", "xã", "Lâm Đồng")
    assert match.commune_code is None and match.province == "Lâm Đồng" and warnings
    match, warnings = resolve_commune("Không Có Xã Này", "xã", None)
    assert match.commune_code is None and warnings


@pytest.mark.parametrize("printed, short", [("Tỉnh Đồng Nai", "Đồng Nai"), ("tỉnh Lâm Đồng", "Lâm Đồng"),
                                            ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
                                            ("Đồng Nai", "Đồng Nai"), (None, None)])
def test_province_short_name(printed, short):
    assert province_short_name(printed) == short


def test_split_kind():
    assert split_kind("Đặc khu Vân Đồn") == ("đặc khu", "Vân Đồn")
    assert split_kind("Phú Riềng") == (None, "Phú Riềng")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.sampled_from(["xã", "phường", "đặc khu", "huyện"])),
       st.one_of(st.none(), st.text(max_size=20)))
def test_never_raises(name, kind, province):
    match, warnings = resolve_commune(name, kind, province)
    assert isinstance(warnings, list)


@pytest.mark.parametrize(
    ("texts", "province"),
    [
        (["Căn cứ Kế hoạch số 92/KH-UBND của Ủy ban nhân dân tỉnh Đồng Nai", "Tỉnh ủy Đồng Nai"], "Đồng Nai"),
        (["… của UBND TỈNH LÂM ĐỒNG Triển khai …"], "Lâm Đồng"),
        (["trên địa bàn thành phố Hồ Chí Minh"], "Hồ Chí Minh"),
        (["Ủy ban nhân dân xã Phú Riềng", None], None),
    ],
)
def test_province_named_in_text(texts, province) -> None:
    from kehoach.normalize.admin_units import province_named_in

    assert province_named_in(texts) == province


@pytest.mark.parametrize(("texts", "province"), [
    # a province merged away in 2025 counts for the one it is part of now
    (["Căn cứ Kế hoạch số 12/KH-UBND ngày 05/3/2025 của UBND tỉnh Bình Phước"], "Đồng Nai"),
    (["Thực hiện Kế hoạch số 30-KH/TU của Tỉnh ủy Đắk Nông"], "Lâm Đồng"),
    (["Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"], "Hồ Chí Minh"),
    (["Ủy ban nhân dân tỉnh Bà Rịa–Vũng Tàu"], "Hồ Chí Minh"),
    (["Ủy ban nhân dân tỉnh Thừa Thiên Huế"], "Huế"),
    # old and new names of one province add up
    (["tỉnh Đắk Nông", "tỉnh Đắk Nông", "Ủy ban nhân dân tỉnh Lâm Đồng", "Tỉnh ủy Đồng Nai"], "Lâm Đồng"),
    # city Party committees, abbreviations, tone placement, upper case
    (["Ban Thường vụ Thành ủy Hồ Chí Minh"], "Hồ Chí Minh"),
    (["Kế hoạch của UBND TP.HCM"], "Hồ Chí Minh"),
    (["Ủy ban nhân dân tỉnh Khánh Hoà"], "Khánh Hòa"),
    (["ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"], "Đồng Nai"),
    # a commune or a word that only looks like a province is not one
    (["xã Hòa Bình", "phường Bình Dương"], None),
    (["tỉnh Đồng Naiii"], None),
])
def test_province_named_in_merged_and_variant_names(texts, province) -> None:
    from kehoach.normalize.admin_units import province_named_in

    assert province_named_in(texts) == province


@pytest.mark.parametrize(("printed", "now"), [
    ("Bình Phước", "Đồng Nai"), ("tỉnh Đắk Nông", "Lâm Đồng"), ("Tỉnh Long An", "Tây Ninh"),
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"), ("TP.HCM", "Hồ Chí Minh"), ("Khánh Hoà", "Khánh Hòa"),
    ("Lâm Đồng", "Lâm Đồng"), (None, None),
])
def test_province_now(printed, now) -> None:
    from kehoach.normalize.admin_units import province_now

    assert province_now(printed) == now


@pytest.mark.parametrize(("name", "kind", "province", "expected"), [
    # same-named communes told apart by the province the text names, old name or new
    ("Tân Hưng", "xã", "Đồng Nai", ("Tân Hưng", "xã", "Đồng Nai", "25345")),
    ("Tân Hưng", "xã", "Bình Phước", ("Tân Hưng", "xã", "Đồng Nai", "25345")),
    ("Tân Hưng", "xã", "Long An", ("Tân Hưng", "xã", "Tây Ninh", "27721")),
    ("Hòa Bình", "xã", "Bạc Liêu", ("Hòa Bình", "xã", "Cà Mau", "31891")),
    ("Hòa Bình", "xã", "tỉnh Vĩnh Long", ("Hòa Bình", "xã", "Vĩnh Long", "29830")),
    # tone placement and accents do not matter; the kind word may come with the name
    ("Hoà Bình", "phường", "Hải Phòng", ("Hoà Bình", "phường", "Hải Phòng", "11533")),
    ("HOÀ BÌNH", "xã", "Cà Mau", ("Hòa Bình", "xã", "Cà Mau", "31891")),
    ("xã Chiêm Hóa", None, "Tuyên Quang", ("Chiêm Hoá", "xã", "Tuyên Quang", "02287")),
    ("Chiêm Hóa", "xã", "Hà Giang", ("Chiêm Hoá", "xã", "Tuyên Quang", "02287")),
    # unique names need no province; codes are strings with their leading zero
    ("Ea Kar", "xã", None, ("Ea Kar", "xã", "Đắk Lắk", "24373")),
    ("Cư M'gar", "xã", None, ("Cư M’gar", "xã", "Đắk Lắk", "24280")),
    ("Vân Hồ", "xã", "Sơn La", ("Vân Hồ", "xã", "Sơn La", "04048")),
    ("Bình Lộc", "phường", None, ("Bình Lộc", "phường", "Đồng Nai", "26089")),
])
def test_resolve_same_names_by_province(name, kind, province, expected) -> None:
    match, warnings = resolve_commune(name, kind, province)
    assert (match.commune, match.commune_kind, match.province, match.commune_code) == expected
    assert warnings == []
