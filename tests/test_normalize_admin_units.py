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
    # a unique name is pinned even when the text's province is another one (or a pre-2025 one)
    match, warnings = resolve_commune("Phú Riềng", "xã", "Bình Phước")
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
