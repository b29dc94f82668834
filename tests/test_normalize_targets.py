"""Target cells → typed targets (contract: indicators, "A target")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.normalize.targets import parse_target

CASES = json.loads((Path(__file__).parent / "data" / "normalize_cases.json").read_text(encoding="utf-8"))


def _fields(t):
    return {"kind": t.kind, "op": t.op, "value": t.value, "unit": t.unit,
            "qualifier": t.qualifier, "label": t.label}


@pytest.mark.parametrize("case", CASES["targets"], ids=lambda c: f"{c['raw']}|{c['unit_column']}")
def test_gold_targets(case):
    target, _ = parse_target(case["raw"], case["unit_column"])
    got = _fields(target)
    assert got == case["expected"]
    assert type(got["value"]) is type(case["expected"]["value"])  # 100 stays int, 2.5 float
    assert target.raw == case["raw"]


@pytest.mark.parametrize(
    "raw, unit_column, kind, op, value, unit, qualifier, label",
    [
        ("≥ 90", "%", "numeric", ">=", 90, "%", None, None),
        ("≥1,0%", None, "numeric", ">=", 1, "%", None, None),
        ("100 %", None, "numeric", "=", 100, "%", None, None),
        (">50%", None, "numeric", ">", 50, "%", None, None),
        ("≥ 02", "Người", "numeric", ">=", 2, "Người", None, None),
        ("≥ 2,5", "%", "numeric", ">=", 2.5, "%", None, None),
        ("Đạt 2% GRDP", None, "numeric", "=", 2, "%", "GRDP", None),
        ("≥ 2% GRDP", None, "numeric", ">=", 2, "%", "GRDP", None),
        ("Có", None, "boolean", None, True, None, None, None),
        ("Có triển khai", "Mô hình", "boolean", None, True, None, None, "Có triển khai"),
        ("Có/ ≥ 01", "Sáng kiến", "numeric", ">=", 1, "Sáng kiến", None, None),
        ("Không", None, "boolean", None, False, None, None, None),
        ("-", None, "none", None, None, None, None, None),
        ("–", None, "none", None, None, None, None, None),
        ("", None, "none", None, None, None, None, None),
        ("4 – Nâng cao", "Mức đánh giá", "numeric", "=", 4, "Mức đánh giá", None, "Nâng cao"),
        ("Mức độ cao", "Mức độ", "text", None, None, None, None, "Mức độ cao"),
        ("≤ 5", None, "numeric", "<=", 5, None, None, None),
        ("từ 80% trở lên", None, "numeric", ">=", 80, "%", None, None),
        ("tối thiểu 3", None, "numeric", ">=", 3, None, None, None),
        ("Tối thiểu 70%", None, "numeric", ">=", 70, "%", None, None),
        ("không dưới 70%", None, "numeric", ">=", 70, "%", None, None),
        ("trên 50%", None, "numeric", ">", 50, "%", None, None),
        ("dưới 5%", None, "numeric", "<", 5, "%", None, None),
        ("ít nhất 01 mô hình", None, "numeric", ">=", 1, "mô hình", None, None),
        ("100% (toàn bộ)", None, "numeric", "=", 100, "%", None, "toàn bộ"),
        (">= 90", "%", "numeric", ">=", 90, "%", None, None),
        ("=> 90", "%", "numeric", ">=", 90, "%", None, None),
        ("≧ 90", None, "numeric", ">=", 90, None, None, None),
        ("1.234", "Người", "numeric", "=", 1234, "Người", None, None),
        ("1.234,5", None, "numeric", "=", 1234.5, None, None, None),
        ("đạt từ 60%", None, "numeric", ">=", 60, "%", None, None),
        ("Mở rộng đa lĩnh vực", "Mức độ", "text", None, None, None, None, "Mở rộng đa lĩnh vực"),
        ("Đạt chuẩn tiên tiến", "Mức độ", "text", None, None, None, None, "Đạt chuẩn tiên tiến"),
        ("(≥ 80%)", None, "numeric", ">=", 80, "%", None, None),
        ("Có (≥ 01)", "Sáng kiến", "numeric", ">=", 1, "Sáng kiến", None, None),
        ("20%/năm", None, "numeric", "=", 20, "%/năm", None, None),
        ("≥ 10 Công trình/năm", None, "numeric", ">=", 10, "Công trình/năm", None, None),
        ("x", None, "boolean", None, True, None, None, None),
        ("Không áp dụng", None, "none", None, None, None, None, None),
        ("khoảng 50%", None, "numeric", "=", 50, "%", None, None),
        ("16/16 thôn", "Thôn", "numeric", "=", 16, "Thôn", None, None),
        ("5/5 trường", None, "numeric", "=", 5, "trường", None, None),
        ("1OO%", None, "numeric", "=", 100, "%", None, None),  # OCR: letter O for zero
        ("≥ 9O", "%", "numeric", ">=", 90, "%", None, None),
        ("- ≥ 80%", None, "numeric", ">=", 80, "%", None, None),  # a bullet, not a minus
        ("• 100%", None, "numeric", "=", 100, "%", None, None),
        ("Từ 01 mô hình trở lên", None, "numeric", ">=", 1, "mô hình", None, None),
        ("80%/năm trở lên", None, "numeric", ">=", 80, "%/năm", None, None),
        ("Đạt 19/19 tiêu chí", None, "numeric", "=", 19, "tiêu chí", None, None),
        ("Có (100% xã)", None, "numeric", "=", 100, "%", "xã", None),
        ("Tỷ lệ ≥ 80%", None, "numeric", ">=", 80, "%", None, None),
    ],
)
def test_forms(raw, unit_column, kind, op, value, unit, qualifier, label):
    target, _ = parse_target(raw, unit_column)
    assert _fields(target) == {"kind": kind, "op": op, "value": value, "unit": unit,
                               "qualifier": qualifier, "label": label}
    assert type(target.value) is type(value)


def test_year_is_kept():
    assert parse_target("≥ 90", "%", year=2030)[0].year == 2030


@pytest.mark.parametrize("raw", [
    "80 - 90%", "90-95%", "90% - 95%", "90÷95%", "Từ 3 đến 5", "Từ 2 - 3 mô hình",  # ranges
    "2025: ≥50%; 2030: 100%", "≥ 50% (năm 2026); 100% (năm 2030)", "≥ 50% (2026), 100% (2030)",  # one per year
    "Năm 2026: 70%",
    "Tăng 10%", "Giảm 20%", "Tăng 15%/năm", "Giảm còn 5%", "Tăng ít nhất 10%",  # a change, not a level
    "Top 10", "Mức 4", "Đạt mức 3", "Cấp độ 3", "(a) 5",  # a number the contract gives no op for
    "-5%", "+10%",
    "Có/Không",
])
def test_unknown_numeric_form_is_text_with_warning(raw):
    target, warnings = parse_target(raw)
    assert target.kind == "text" and target.label == raw
    assert target.op is None and target.value is None and target.unit is None
    assert warnings


@pytest.mark.parametrize("raw", ["Hoàn thành", "Đạt", "Đạt chuẩn", "Xếp hạng A", "Không xác định", "Tốt"])
def test_words_without_yes_or_no_are_text(raw):
    target, warnings = parse_target(raw, "Mức độ")
    assert (target.kind, target.label, target.unit, warnings) == ("text", raw, None, [])


@pytest.mark.parametrize("sep", [" ", "\u00a0", "\u202f", "\u2009"])
def test_thousands_grouped_by_spaces(sep):
    target, _ = parse_target(f"≥ 1{sep}500 người")
    assert (target.op, target.value, target.unit, target.label) == (">=", 1500, "người", None)
    target, _ = parse_target(f"12{sep}000{sep}000", "Đồng")
    assert (target.value, target.unit) == (12000000, "Đồng")
    assert target.raw == f"12 000 000"  # as printed, whitespace collapsed


_OPS = st.sampled_from([
    ("", "="), ("≥", ">="), ("≥ ", ">="), (">=", ">="), ("=>", ">="), (">", ">"), ("≤ ", "<="),
    ("<", "<"), ("Tối thiểu ", ">="), ("ít nhất ", ">="), ("không dưới ", ">="), ("trên ", ">"),
    ("Đạt ", "="), ("đạt từ ", ">="),
])


@st.composite
def _targets(draw):
    prefix, op = draw(_OPS)
    whole = draw(st.integers(min_value=0, max_value=999))
    zeros = draw(st.sampled_from(["", "0"])) if whole < 100 else ""
    decimal = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=9)))
    pct = draw(st.booleans())
    qualifier = draw(st.sampled_from([None, "GRDP", "dân số"])) if pct else None
    number = f"{zeros}{whole}" + (f",{decimal}" if decimal is not None else "")
    raw = f"{prefix}{number}" + ("%" if pct else "") + (f" {qualifier}" if qualifier else "")
    value = whole + decimal / 10 if decimal is not None else whole
    return raw, op, value, pct, qualifier


@settings(max_examples=300, deadline=None)
@given(_targets())
def test_generated_targets(case):
    raw, op, value, pct, qualifier = case
    target, _ = parse_target(raw, None)
    assert target.kind == "numeric", raw
    assert target.op == op, raw
    assert target.value == pytest.approx(value), raw
    assert isinstance(target.value, int) == float(value).is_integer(), raw
    assert target.unit == ("%" if pct else None), raw
    assert target.qualifier == qualifier, raw


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.text(max_size=10)))
def test_never_raises(raw, unit_column):
    target, warnings = parse_target(raw, unit_column)
    assert target.kind in ("numeric", "boolean", "text", "none")
    assert isinstance(warnings, list)


# How other communes print the same comparator: spacing, Symbol-font and OCR variants.
_OP_FORMS = st.sampled_from([
    ("≥", ">="), ("≥ ", ">="), (">=", ">="), ("> =", ">="), ("=>", ">="), ("\uf0b3", ">="), ("³ ", ">="),
    ("Từ ", ">="), ("Tối thiểu ", ">="), ("Tối thiểu đạt ", ">="), ("Đạt tối thiểu ", ">="), ("Ít nhất ", ">="),
    ("Không dưới ", ">="), ("Không thấp hơn ", ">="), ("Đạt từ ", ">="),
    (">", ">"), ("Trên ", ">"), ("Đạt trên ", ">"), ("Hơn ", ">"),
    ("≤", "<="), ("≤ ", "<="), ("<=", "<="), ("=<", "<="), ("< =", "<="), ("Tối đa ", "<="), ("Không quá ", "<="),
    ("Không vượt quá ", "<="), ("<", "<"), ("Dưới ", "<"),
    ("", "="), ("Đạt ", "="), ("Phấn đấu đạt ", "="), ("Duy trì ", "="), ("Hoàn thành ", "="),
])
_UNIT_WORDS = st.sampled_from([None, "người", "mô hình", "hộ", "ngày", "hồ sơ", "triệu đồng", "lớp/năm"])


@st.composite
def _printed_targets(draw):
    prefix, op = draw(_OP_FORMS)
    value = draw(st.one_of(st.integers(min_value=0, max_value=99_999),
                           st.decimals(min_value=0, max_value=999, places=1).map(float)))
    whole = int(value)
    if whole >= 1000:
        number = draw(st.sampled_from([f"{whole:,}".replace(",", "."), f"{whole:,}".replace(",", "\u00a0")]))
    else:
        number = draw(st.sampled_from(["", "0"])) * (whole < 10) + str(whole)
    if not float(value).is_integer():
        number += "," + str(round(value * 10) % 10)
    pct = draw(st.booleans())
    unit = None if pct else draw(_UNIT_WORDS)
    tail = draw(st.sampled_from(["", " trở lên"])) if op in (">=", "=") and prefix.strip() in ("Từ", "Đạt từ", "") else ""
    if tail:
        op = ">="
    raw = prefix + number + ("%" * pct) + (f" {unit}" if unit else "") + tail + draw(st.sampled_from(["", ".", ";"]))
    return raw, op, value, "%" if pct else unit


@settings(max_examples=300, deadline=None)
@given(_printed_targets())
def test_printed_variants(case):
    raw, op, value, unit = case
    target, _ = parse_target(raw, None)
    assert target.kind == "numeric", raw
    assert (target.op, target.unit) == (op, unit), raw
    assert target.value == pytest.approx(value), raw
    assert target.raw == " ".join(raw.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_OP_FORMS, st.integers(min_value=1, max_value=100), st.integers(min_value=2025, max_value=2045)),
                min_size=2, max_size=3), st.sampled_from(["; ", ", "]))
def test_several_targets_in_one_cell_are_text(parts, sep):
    raw = sep.join(f"{prefix}{n}% (năm {y})" for (prefix, _), n, y in parts)
    target, warnings = parse_target(raw)
    assert (target.kind, target.label) == ("text", " ".join(raw.split())) and warnings, raw
