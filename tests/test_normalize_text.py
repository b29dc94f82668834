"""Text keys: clean, fold (the harness's comparison key), tone placement, dashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.normalize.numbers import parse_vn_number
from kehoach.normalize.text import clean, dashes, fold, fold_chars, modern_tone, strip_accents


@pytest.mark.parametrize("old, new", [
    ("hoá", "hóa"), ("Hoá", "Hóa"), ("HOÁ", "HÓA"), ("uỷ", "ủy"), ("Uỷ ban", "Ủy ban"), ("thuỷ", "thủy"),
    ("khoẻ", "khỏe"), ("hoà", "hòa"), ("thoả", "thỏa"), ("Thuý", "Thúy"), ("loè", "lòe"),
    # closed syllables, "qu", and three-vowel groups keep their tone
    ("hoàn", "hoàn"), ("khuyến", "khuyến"), ("quý", "quý"), ("Quỳnh", "Quỳnh"), ("ngoài", "ngoài"),
    ("xoáy", "xoáy"), ("khuỷu", "khuỷu"), ("hóa", "hóa"),
])
def test_modern_tone(old, new):
    assert modern_tone(old) == new


def test_fold_is_the_harness_key():
    assert fold("Phòng Văn hoá – Xã hội") == fold("phòng văn hóa - xã hội")
    assert fold("  “Uỷ  ban”\n") == '"ủy ban"'
    assert fold(None) == ""


def test_clean_keeps_empty():
    assert clean("  a \n b ") == "a b"
    assert clean("") == "" and clean(None) is None
    assert clean("hoa\u0300") == "hoà"  # NFC


@pytest.mark.parametrize("raw, out", [
    ("Văn hóa –Xã hội", "Văn hóa - Xã hội"), ("HĐND – UBND", "HĐND - UBND"), ("57-NQ/TW", "57-NQ/TW"),
    ("2026—2030", "2026-2030"),
])
def test_dashes(raw, out):
    assert dashes(raw) == out


def test_strip_accents():
    assert strip_accents("Đoàn Phòng Văn hóa Xã hội") == "Doan Phong Van hoa Xa hoi"


@pytest.mark.parametrize("raw, value", [("02", 2), ("2,5", 2.5), ("1.234", 1234), ("1.234,5", 1234.5),
                                        ("1.000.000", 1000000), ("1,0", 1), ("abc", None), ("", None)])
def test_parse_vn_number(raw, value):
    got, _ = parse_vn_number(raw)
    assert got == value and type(got) is type(value)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_total_and_length_preserving(s):
    assert len(fold_chars(s)) == len(s)
    assert fold(fold(s)) == fold(s)
    clean(s), dashes(s), strip_accents(s), modern_tone(s), parse_vn_number(s)
