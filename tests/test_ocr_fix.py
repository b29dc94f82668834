"""Repairs of Tesseract's reading, on small literals."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from kehoach.extract.ocr_fix import PxWord, count_stems, fix_hooks, fix_quarters, fix_relations, fix_roman


def words(text: str) -> list[PxWord]:
    return [PxWord(t, 0, 0, 1, 1, 90.0, 10) for t in text.split()]


def texts(ws: list[PxWord]) -> str:
    return " ".join(w.text for w in ws)


@pytest.mark.parametrize("read, fixed", [
    ("Về phát triến hệ sinh thái đối mới sáng tạo", "Về phát triển hệ sinh thái đổi mới sáng tạo"),
    ("Tố CNS cộng đồng các ấp", "Tổ CNS cộng đồng các ấp"),
    ("các tố chức tín dụng", "các tổ chức tín dụng"),
    ("bảo hiếm, giao thông", "bảo hiểm, giao thông"),
    ("Văn phòng HDND và UBND", "Văn phòng HĐND và UBND"),
    ("kết quá đạt được", "kết quả đạt được"),
    # right as read: left alone
    ("yếu tố chức năng", "yếu tố chức năng"),
    ("đối với các đối tượng", "đối với các đối tượng"),
    ("quá trình chuyển đổi số", "quá trình chuyển đổi số"),
])
def test_fix_hooks(read: str, fixed: str) -> None:
    assert texts(fix_hooks(words(read))) == fixed


@pytest.mark.parametrize("read, fixed", [
    ("Quý I1/2026", "Quý II/2026"),
    ("Quý 1/2026 và Quý II/2026", "Quý I/2026 và Quý II/2026"),
    ("Quý 1/2026", "Quý 1/2026"),  # Arabic quarters stay Arabic
    ("quý 111,", "quý III,"),
    ("Quý IV/2026", "Quý IV/2026"),
])
def test_fix_quarters(read: str, fixed: str) -> None:
    assert texts(fix_quarters(words(read))) == fixed


def glyph_canvas(draw) -> np.ndarray:
    ink = np.zeros((80, 200), np.uint8)
    draw(ink)
    return ink


def test_ge_sign_restored_and_split() -> None:
    def draw(ink):
        cv2.line(ink, (10, 15), (40, 30), 255, 3)
        cv2.line(ink, (40, 30), (10, 45), 255, 3)
        cv2.line(ink, (10, 55), (40, 55), 255, 3)  # the bar under ">"
        cv2.putText(ink, "90", (70, 50), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 255, 3)
    ink = glyph_canvas(draw)
    out = fix_relations([PxWord(">90", 8, 12, 110, 50, 90.0, 40)], ink)
    assert [w.text for w in out] == ["≥", "90"]


def test_plain_greater_than_stays() -> None:
    def draw(ink):
        cv2.line(ink, (10, 15), (40, 30), 255, 3)
        cv2.line(ink, (40, 30), (10, 45), 255, 3)
    ink = glyph_canvas(draw)
    assert [w.text for w in fix_relations([PxWord(">", 8, 12, 45, 48, 90.0, 40)], ink)] == [">"]


def test_roman_two_stems_not_h() -> None:
    def stems(ink):
        cv2.rectangle(ink, (20, 10), (28, 60), 255, -1)
        cv2.rectangle(ink, (45, 10), (53, 60), 255, -1)
    def h(ink):
        stems(ink)
        cv2.rectangle(ink, (20, 32), (53, 38), 255, -1)
    assert count_stems(glyph_canvas(stems)) == 2
    assert count_stems(glyph_canvas(h)) is None
    fixed = fix_roman([PxWord("H", 20, 10, 53, 60, 88.0, 50)], glyph_canvas(stems))
    assert [w.text for w in fixed] == ["II"]
    kept = fix_roman([PxWord("H", 20, 10, 53, 60, 88.0, 50)], glyph_canvas(h))
    assert [w.text for w in kept] == ["H"]


@pytest.mark.parametrize("read, fixed", [
    ("Phòng Văn hóa —- Xã hội", "Phòng Văn hóa – Xã hội"),
    ("Phòng Văn hóa — Xã hội", "Phòng Văn hóa – Xã hội"),
    ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
])
def test_dashes(read: str, fixed: str) -> None:
    assert texts(fix_hooks(words(read))) == fixed


def test_lone_dash_cell() -> None:
    from kehoach.extract.ocr_fix import fix_dash

    ink = np.zeros((60, 80), np.uint8)
    cv2.rectangle(ink, (30, 28), (45, 33), 255, -1)
    assert [w.text for w in fix_dash([], ink, (100, 200))] == ["-"]
    assert fix_dash([], np.zeros((60, 80), np.uint8)) == []


def test_bold_v_read_as_m() -> None:
    def v(ink):
        cv2.fillPoly(ink, [np.array([(20, 10), (34, 10), (47, 52), (60, 10), (70, 10), (50, 62), (44, 62)], np.int32)], 255)
    def m(ink):
        cv2.rectangle(ink, (20, 10), (27, 60), 255, -1)
        cv2.rectangle(ink, (60, 10), (67, 60), 255, -1)
        cv2.line(ink, (20, 10), (44, 50), 255, 5)
        cv2.line(ink, (67, 10), (44, 50), 255, 5)
    word = [PxWord("M", 20, 10, 70, 62, 87.0, 50)]
    assert [w.text for w in fix_roman(word, glyph_canvas(v))] == ["V"]
    assert [w.text for w in fix_roman(word, glyph_canvas(m))] == ["M"]


@pytest.mark.parametrize("read, fixed", [
    ("XÃ PHÚ RIÊỀNG", "XÃ PHÚ RIỀNG"),
    ("16-KH/ĐÐU", "16-KH/ĐU"),
    ("trên địa bản xã", "trên địa bàn xã"),
    ("Tỷ lệ chi tiêu", "Tỷ lệ chi tiêu"),  # a missing mark is never added
    ("nghỉ hưu", "nghỉ hưu"),
    ("Khãẩn trương", "Khẩn trương"),
    ("xoong", "xoong"),
])
def test_spelling_slips(read: str, fixed: str) -> None:
    assert texts(fix_hooks(words(read))) == fixed


def test_seven_read_as_question_mark() -> None:
    from kehoach.extract.ocr_fix import fix_seven

    def seven(ink):
        cv2.line(ink, (20, 12), (50, 12), 255, 4)
        cv2.line(ink, (50, 12), (32, 60), 255, 4)
    def question(ink):
        cv2.ellipse(ink, (35, 25), (14, 12), 0, 180, 420, 255, 4)
        cv2.line(ink, (38, 36), (35, 48), 255, 4)
        cv2.circle(ink, (35, 58), 3, 255, -1)
    word = [PxWord("?", 20, 10, 52, 62, 70.0, 50)]
    assert [w.text for w in fix_seven(word, glyph_canvas(seven))] == ["7"]
    assert [w.text for w in fix_seven(word, glyph_canvas(question))] == ["?"]


def test_fraction_slash_is_a_slash_and_the_quarter_is_roman() -> None:
    from kehoach.extract.ocr_fix import PxWord, fix_quarters

    words = [PxWord("Quý", 0, 0, 30, 10, 90.0, 12), PxWord("I1⁄2026", 35, 0, 90, 10, 80.0, 12)]
    assert [w.text for w in fix_quarters(words)] == ["Quý", "II/2026"]
