"""Deadline cells → periods and recurrences (contract: tasks, "A deadline")."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.normalize.deadlines import parse_deadline

CASES = json.loads((Path(__file__).parent / "data" / "normalize_cases.json").read_text(encoding="utf-8"))


def _iso(d):
    return d.isoformat() if d else None


@pytest.mark.parametrize("case", CASES["deadlines"], ids=lambda c: str(c["raw"]))
def test_gold_deadlines(case):
    deadline, warnings = parse_deadline(case["raw"])
    got = {"start": _iso(deadline.start), "end": _iso(deadline.end), "recurrence": deadline.recurrence}
    assert got == case["expected"]
    assert deadline.raw == case["raw"]
    assert warnings == []


@pytest.mark.parametrize(
    "raw, start, end, recurrence",
    [
        ("Quý II/2026", "2026-04-01", "2026-06-30", None),
        ("Năm 2026", "2026-01-01", "2026-12-31", None),
        ("12/2025", "2025-12-01", "2025-12-31", None),
        ("Tháng 12/2025", "2025-12-01", "2025-12-31", None),
        ("2026-2030", "2026-01-01", "2030-12-31", None),
        ("Năm học 2025-2026", "2025-09-01", "2026-05-31", None),
        ("Thường xuyên", None, None, "continuous"),
        ("Hàng năm", None, None, "annual"),
        ("Hằng năm", None, None, "annual"),
        ("02 đợt/năm", None, None, "annual"),
        ("Quý I hàng năm", None, None, "annual"),
        ("Tháng 12/2026 và các năm tiếp theo", "2026-12-01", "2026-12-31", "annual"),
        ("Tháng 12/2026 và hàng năm", "2026-12-01", "2026-12-31", "annual"),
        ("12/2025 và Thường xuyên", "2025-12-01", "2025-12-31", "continuous"),
        ("Từ Quý IV năm 2025", "2025-10-01", None, None),
        ("Q4/2026", "2026-10-01", "2026-12-31", None),
        ("Quý 3/2026", "2026-07-01", "2026-09-30", None),
        ("6 tháng đầu năm 2026", "2026-01-01", "2026-06-30", None),
        ("6 tháng cuối năm 2026", "2026-07-01", "2026-12-31", None),
        ("Trước 30/6/2026", None, "2026-06-30", None),
        ("Trước ngày 15/9/2026", None, "2026-09-15", None),
        ("Tháng 9/2026", "2026-09-01", "2026-09-30", None),
        ("Từ tháng 3/2026", "2026-03-01", None, None),
        ("2026 - 2030", "2026-01-01", "2030-12-31", None),
        ("Giai đoạn 2026-2030", "2026-01-01", "2030-12-31", None),
        ("Giai đoạn 2026 – 2030", "2026-01-01", "2030-12-31", None),
        ("Hằng quý", None, None, "quarterly"),
        ("Hàng quý", None, None, "quarterly"),
        ("Hàng tháng", None, None, "monthly"),
        ("Hằng tháng", None, None, "monthly"),
        ("Tháng Quý I/2025", "2025-01-01", "2025-03-31", None),
        ("15/9/2026", "2026-09-15", "2026-09-15", None),
        ("ngày 15 tháng 9 năm 2026", "2026-09-15", "2026-09-15", None),
        ("Hoàn thành trong năm 2026", "2026-01-01", "2026-12-31", None),
        ("Quý I - Quý II/2026", "2026-01-01", "2026-06-30", None),
        ("Từ năm 2026 đến năm 2030", "2026-01-01", "2030-12-31", None),
        ("Tháng 6, 7/2026", "2026-06-01", "2026-07-31", None),
        ("Tháng 9-10/2026", "2026-09-01", "2026-10-31", None),
        ("Quí II/2026", "2026-04-01", "2026-06-30", None),
        ("Quý Il/2026", "2026-04-01", "2026-06-30", None),  # OCR: "l" for "I"
        ("Quý lV/2026", "2026-10-01", "2026-12-31", None),
        ("Quý 1V/2026", "2026-10-01", "2026-12-31", None),  # OCR: "1" for "I"
        ("Quý 1I/2026", "2026-04-01", "2026-06-30", None),
        ("Đến hết năm 2030", None, "2030-12-31", None),
        ("Trước tháng 6/2026", None, "2026-05-31", None),
        ("Năm 2025, 2026", "2025-01-01", "2026-12-31", None),
        ("Tháng 12/2025 - Tháng 3/2026", "2025-12-01", "2026-03-31", None),
        ("12.2025", "2025-12-01", "2025-12-31", None),
        ("Trước ngày 10 của tháng cuối quý", None, None, "quarterly"),
        ("Báo cáo 6 tháng, năm", None, None, "annual"),
        ("Cuối quý IV/2025", "2025-10-01", "2025-12-31", None),
        ("Cuối năm 2025", "2025-01-01", "2025-12-31", None),  # names only a year
        ("Hằng năm, từ năm 2026", "2026-01-01", None, "annual"),
        ("Năm 2025: ban hành; Năm 2026-2030: triển khai", "2025-01-01", "2030-12-31", None),
        ("Thời hạn hoàn thành: Quý I/2026", "2026-01-01", "2026-03-31", None),
        ("Hạn chót: 31/12/2025", None, "2025-12-31", None),
        ("T12.2025", "2025-12-01", "2025-12-31", None),
        ("31.12.2025", "2025-12-31", "2025-12-31", None),
        ("2026/2027", "2026-01-01", "2027-12-31", None),
        ("Quý I/2026 (trước 31/3/2026)", "2026-01-01", "2026-03-31", None),
        ("Năm 2026 (hoàn thành trước 30/6/2026)", "2026-01-01", "2026-12-31", None),
        ("Từ năm 2025 và duy trì hằng năm", "2025-01-01", None, "annual"),
        ("Hằng năm (từ năm 2026)", "2026-01-01", None, "annual"),
        ("Tháng 9/2025 – tháng 12/2025; duy trì thường xuyên", "2025-09-01", "2025-12-31", "continuous"),
    ],
)
def test_forms(raw, start, end, recurrence):
    deadline, _ = parse_deadline(raw)
    assert (_iso(deadline.start), _iso(deadline.end), deadline.recurrence) == (start, end, recurrence)


def test_empty_is_all_null():
    for raw in (None, "", "   "):
        deadline, warnings = parse_deadline(raw)
        assert deadline.raw is None and deadline.start is None and deadline.end is None
        assert deadline.recurrence is None and warnings == []


def test_raw_is_cleaned():
    assert parse_deadline("  Quý  II/2026 \n")[0].raw == "Quý II/2026"


def test_default_year_fills_a_yearless_period():
    deadline, _ = parse_deadline("Quý III", default_year=2026)
    assert (deadline.start, deadline.end) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


@pytest.mark.parametrize("raw", ["Quý I hàng năm", "Tháng 12 hằng năm", "Tháng 6 và tháng 12 hằng năm"])
def test_default_year_is_not_given_to_a_recurring_period(raw):
    deadline, _ = parse_deadline(raw, default_year=2026)
    assert (deadline.start, deadline.end, deadline.recurrence) == (None, None, "annual")


@pytest.mark.parametrize("raw", [
    "Khi có chỉ đạo", "Theo chỉ đạo của cấp trên", "Khi có yêu cầu", "Theo kế hoạch", "Định kỳ",
    "Ngay sau khi Kế hoạch được ban hành", "Trước 31/12", "6 tháng đầu năm", "Theo Thông tư 12/2025/TT-BTC",
])
def test_unknown_form_is_null_with_warning(raw):
    deadline, warnings = parse_deadline(raw)
    assert (deadline.start, deadline.end, deadline.recurrence) == (None, None, None)
    assert deadline.raw == raw and warnings


@pytest.mark.parametrize("raw", ["Hàng tuần", "Hằng tuần", "Hằng ngày", "Mỗi tuần", "1 lần/tuần"])
def test_weekly_and_daily_have_no_contract_value(raw):
    deadline, warnings = parse_deadline(raw)
    assert (deadline.start, deadline.end, deadline.recurrence) == (None, None, None)
    assert warnings and "weekly or daily" in warnings[0]


def test_impossible_dates_do_not_raise():
    for raw in ("31/2/2026", "13/2026", "Quý V/2026", "2030-2026"):
        deadline, _ = parse_deadline(raw)
        assert deadline.raw == raw


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises(raw):
    deadline, warnings = parse_deadline(raw)
    assert isinstance(warnings, list)
    if deadline.start and deadline.end:
        assert deadline.start <= deadline.end


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"(Từ |Trước |Quý |Tháng |Năm |Q)?[0-9IV]{1,4}[/ -]?(19|20)?[0-9]{2}", fullmatch=True))
def test_never_raises_on_date_like_text(raw):
    parse_deadline(raw)


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _month_end(year, month):
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


@st.composite
def _periods(draw, year=None):
    """One period as printed → (raw, form, first day, last day)."""
    if year is None:
        year = draw(st.integers(min_value=2020, max_value=2050))
    form = draw(st.sampled_from(["quarter", "month", "year", "years", "day"]))
    if form == "quarter":
        q = draw(st.integers(min_value=1, max_value=4))
        word = draw(st.sampled_from(["Quý ", "quý ", "Q", "Tháng Quý ", "QUÝ ", "Quí "]))
        label = str(q) if word == "Q" or draw(st.booleans()) else _ROMAN[q]
        sep = draw(st.sampled_from(["/", " năm ", "-"]))
        return f"{word}{label}{sep}{year}", form, dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
    if form == "month":
        m = draw(st.integers(min_value=1, max_value=12))
        lead = draw(st.sampled_from(["", "0"])) if m < 10 else ""
        raw = draw(st.sampled_from(["", "Tháng ", "tháng ", "T"])) + f"{lead}{m}/{year}"
        return raw, form, dt.date(year, m, 1), _month_end(year, m)
    if form == "year":
        raw = draw(st.sampled_from(["Năm ", "năm ", ""])) + str(year)
        return raw, form, dt.date(year, 1, 1), dt.date(year, 12, 31)
    if form == "years":
        last = year + draw(st.integers(min_value=1, max_value=10))
        raw = draw(st.sampled_from(["", "Giai đoạn ", "Năm "])) + f"{year}{draw(st.sampled_from(['-', ' - ', ' – ']))}{last}"
        return raw, form, dt.date(year, 1, 1), dt.date(last, 12, 31)
    day = draw(st.dates(min_value=dt.date(year, 1, 1), max_value=dt.date(year, 12, 31)))
    lead = draw(st.sampled_from(["", "0"])) if day.day < 10 else ""
    raw = draw(st.sampled_from(["", "Ngày ", "ngày "])) + f"{lead}{day.day}/{day.month}/{year}"
    return raw, form, day, day


@st.composite
def _deadlines(draw):
    raw, form, start, end = draw(_periods())
    if draw(st.booleans()):
        raw, end = "Từ " + raw, (end if form == "years" else None)
    suffix, recurrence = draw(st.sampled_from([("", None), (" và hàng năm", "annual"),
                                               (" và các năm tiếp theo", "annual"), (" và Thường xuyên", "continuous")]))
    return raw + suffix, start, end, recurrence


@settings(max_examples=300, deadline=None)
@given(_deadlines())
def test_generated_deadlines(case):
    raw, start, end, recurrence = case
    deadline, warnings = parse_deadline(raw)
    assert (deadline.start, deadline.end, deadline.recurrence) == (start, end, recurrence), raw
    assert warnings == []


@st.composite
def _ranges(draw):
    """Two periods printed as a range or list: the first day of the first .. the last day of the last."""
    year = draw(st.integers(min_value=2020, max_value=2045))
    first, _, start, first_end = draw(_periods(year))
    second, _, _, end = draw(_periods(first_end.year + draw(st.integers(min_value=1, max_value=4))))
    sep = draw(st.sampled_from([" - ", " – ", "-", " đến ", " đến hết ", ", ", "; ", " và ", " tới "]))
    lead = draw(st.sampled_from(["", "Từ "])) if sep.strip() in ("-", "–", "đến", "đến hết", "tới") else ""
    return f"{lead}{first}{sep}{second}", start, end


@settings(max_examples=300, deadline=None)
@given(_ranges())
def test_generated_ranges_span_first_to_last(case):
    raw, start, end = case
    deadline, warnings = parse_deadline(raw)
    assert (deadline.start, deadline.end) == (start, end), raw
    assert deadline.recurrence is None and warnings == [], raw


_RECURRENCE_PHRASES = st.sampled_from([
    ("Thường xuyên", "continuous"), ("Liên tục", "continuous"), ("Thường xuyên, liên tục", "continuous"),
    ("Hằng năm", "annual"), ("Hàng năm", "annual"), ("Định kỳ hằng năm", "annual"), ("Thường niên", "annual"),
    ("Mỗi năm", "annual"), ("01 lần/năm", "annual"), ("2 đợt/năm", "annual"), ("6 tháng/lần", "annual"),
    ("06 tháng một lần", "annual"), ("Định kỳ 6 tháng", "annual"), ("và các năm tiếp theo", "annual"),
    ("Hằng quý", "quarterly"), ("Hàng quý", "quarterly"), ("Mỗi quý", "quarterly"), ("1 lần/quý", "quarterly"),
    ("3 tháng/lần", "quarterly"), ("Định kỳ hằng quý", "quarterly"),
    ("Hằng tháng", "monthly"), ("Hàng tháng", "monthly"), ("Mỗi tháng", "monthly"), ("02 lần/tháng", "monthly"),
])


@settings(max_examples=200, deadline=None)
@given(_RECURRENCE_PHRASES, st.sampled_from(["", "Trước ngày 15 ", "Tháng 12 ", "Quý IV ", "Báo cáo "]))
def test_generated_recurrences(phrase, lead):
    text, recurrence = phrase
    deadline, warnings = parse_deadline(lead + text)
    assert deadline.recurrence == recurrence, lead + text
    assert (deadline.start, deadline.end) == (None, None) and warnings == [], lead + text


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2020, max_value=2050), st.sampled_from(["O", "o"]), st.sampled_from(["Năm ", "Quý II/", "12/"]))
def test_ocr_letter_o_in_a_year(year, letter, lead):
    clean_raw = f"{lead}{year}"
    ocr_raw = lead + str(year).replace("0", letter, 1)
    assert parse_deadline(ocr_raw)[0].end == parse_deadline(clean_raw)[0].end


@pytest.mark.parametrize("raw", ["1, " * 2000, "tháng 1 - " * 2000, "Quý I, " * 2000, "1 - " * 3000 + "/2025"])
def test_long_lists_parse_in_linear_time(raw):
    started = time.perf_counter()
    parse_deadline(raw)
    assert time.perf_counter() - started < 5  # was ~10 s when a list pattern had no bound


@pytest.mark.parametrize("raw, start, end, recurrence", [
    # OCR's slips of tone and vowel marks on the words deadlines are written in
    ("Quý IV hãng năm", None, None, "annual"),
    ("Hăng nằm", None, None, "annual"),
    ("Thuờng xuyên", None, None, "continuous"),
    ("Thường xuyễn", None, None, "continuous"),
    ("Nãm 2026", "2026-01-01", "2026-12-31", None),
    ("Thảng 12/2025", "2025-12-01", "2025-12-31", None),
    ("Trưởc 30/6/2026", None, "2026-06-30", None),
])
def test_ocr_mark_slips_in_deadline_words(raw, start, end, recurrence):
    d, warnings = parse_deadline(raw)
    got = (d.start and d.start.isoformat(), d.end and d.end.isoformat(), d.recurrence)
    assert got == (start, end, recurrence) and warnings == []
