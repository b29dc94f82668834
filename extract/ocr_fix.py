"""Glyph-level repairs of Tesseract's reading, checked against the page image.

Tesseract drops the bar of "≥"/"≤" ("≥ 70%" comes back as ">70%") and reads a bold
Roman "II" with touching serifs as "H". Each repair looks at the ink before changing text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

import cv2
import numpy as np

#: Ink components smaller than this (pixels) are noise, not text.
MIN_INK = 30
#: Blank after "≥" (share of the word's height) that is a printed space: "≥ 90" measures
#: 0.40-0.43, "≥1" and "≥80%" 0.03-0.22 (side bearings).
SPACE_GAP = 0.3


@dataclass(frozen=True, slots=True)
class PxWord:
    """A word found by Tesseract, in page pixels, with the height of its text line."""

    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    conf: float
    line_h: int


def ink_box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """Bounding box of the non-noise ink in a crop, or None when it is blank."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    boxes = [s for s in stats[1:n] if s[4] >= MIN_INK]
    if not boxes:
        return None
    x0 = min(s[0] for s in boxes)
    y0 = min(s[1] for s in boxes)
    x1 = max(s[0] + s[2] for s in boxes)
    y1 = max(s[1] + s[3] for s in boxes)
    return int(x0), int(y0), int(x1), int(y1)


def _relation_sign(ink: np.ndarray, w: PxWord) -> tuple[str, int] | None:
    """For a word read as ">..." or "<...": ("≥"/"≤", x where its glyph ends) when the
    glyph has the bar underneath (Tesseract drops it: "≥ 70%" comes back as ">70%")."""
    h = w.y1 - w.y0
    y1 = min(ink.shape[0], w.y1 + max(4, h // 2))
    crop = ink[max(0, w.y0 - 2):y1, max(0, w.x0 - 2):w.x1 + 2]
    n, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    comps = sorted((s for s in stats[1:n] if s[4] >= 8), key=lambda s: s[0])
    if not comps:
        return None
    head = comps[0]
    hx0, hy0, hw, hh = (int(v) for v in head[:4])
    end = hx0 + hw
    for c in comps[1:]:
        cx0, cy0, cw, ch = (int(v) for v in c[:4])
        overlap = min(hx0 + hw, cx0 + cw) - max(hx0, cx0)
        if overlap >= 0.5 * min(hw, cw) and cy0 >= hy0 + 0.5 * hh and cw >= 2 * ch:
            end = max(end, cx0 + cw)
            break
    else:
        # Bar fused with the chevron by blur: its bottom rows are filled across.
        rows = crop[hy0 + int(hh * 0.8):hy0 + hh, hx0:hx0 + hw] > 0
        if hh < 6 or rows.size == 0 or rows.mean(axis=1).max() < 0.75:
            return None
    sign = "≥" if w.text[0] == ">" else "≤"
    return sign, max(0, w.x0 - 2) + end


def fix_relations(words: list[PxWord], ink: np.ndarray) -> list[PxWord]:
    """Restore "≥"/"≤" read as ">"/"<"; "≥ 90" becomes two words as printed."""
    out: list[PxWord] = []
    for w in words:
        found = _relation_sign(ink, w) if w.text[0] in "><" else None
        if found is None:
            out.append(w)
            continue
        sign, end = found
        rest = w.text[1:]
        if not rest:
            out.append(PxWord(sign, w.x0, w.y0, w.x1, w.y1, w.conf, w.line_h))
            continue
        gap = ink_box(ink[w.y0:w.y1, end:w.x1])
        if gap is not None and gap[0] >= SPACE_GAP * (w.y1 - w.y0):
            out.append(PxWord(sign, w.x0, w.y0, end, w.y1, w.conf, w.line_h))
            out.append(PxWord(rest, end + gap[0], w.y0, w.x1, w.y1, w.conf, w.line_h))
        else:
            out.append(PxWord(sign + rest, w.x0, w.y0, w.x1, w.y1, w.conf, w.line_h))
    return out


#: Text Tesseract gives for a lone bold Roman numeral made of I's ("II" -> "H", '"', "Il").
_ROMAN_LOOKALIKE = re.compile(r"^[HIl|!\"'“”\[\]]{1,4}$")


def _runs(row: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True in a row of booleans."""
    runs, start = [], None
    for i, on in enumerate(list(row) + [False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append((start, i))
            start = None
    return runs


def count_stems(ink: np.ndarray) -> int | None:
    """The number of upright stems in a crop when it holds only stems ("I", "II", "III"),
    else None: a stem is a narrow run of ink columns in the middle band that is inked over
    most of the glyph's height (an "H" crossbar joins two stems into one wide run)."""
    box = ink_box(ink)
    if box is None:
        return None
    x0, y0, x1, y1 = box
    glyph = ink[y0:y1, x0:x1] > 0
    h = y1 - y0
    if h < 10:
        return None
    band = glyph[int(h * 0.35):int(h * 0.65)]
    runs = _runs(band.any(axis=0))
    if not 1 <= len(runs) <= 4:
        return None
    for a, b in runs:
        if b - a > 0.4 * h:
            return None
        if glyph[:, (a + b) // 2].mean() < 0.8:
            return None
    return len(runs)


def lone_dash(cell_ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """The box of a cell's only ink when it is a short flat stroke: a "-" (no value)."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(cell_ink, connectivity=8)
    marks = [s for s in stats[1:n] if s[4] >= MIN_INK]
    if len(marks) != 1:
        return None
    x, y, w, h, _ = (int(v) for v in marks[0])
    return (x, y, x + w, y + h) if w >= 2 * h and h <= 12 else None


def fix_dash(cell_words: list[PxWord], cell_ink: np.ndarray, origin: tuple[int, int] = (0, 0)) -> list[PxWord]:
    """A cell with a lone "-" that Tesseract returned nothing for (it skips isolated dashes)."""
    if cell_words:
        return cell_words
    box = lone_dash(cell_ink)
    if box is None:
        return cell_words
    x0, y0, x1, y1 = box
    return [PxWord("-", origin[0] + x0, origin[1] + y0, origin[0] + x1, origin[1] + y1, 0.0, 3 * (y1 - y0))]


def is_v(cell_ink: np.ndarray) -> bool:
    """One glyph shaped like a "V": two strokes at the top meeting in one narrow foot
    (Tesseract reads a bold Roman "V" as "M"; an "M" has two feet)."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(cell_ink, connectivity=8)
    marks = [s for s in stats[1:n] if s[4] >= MIN_INK]
    if len(marks) != 1:
        return False
    x, y, w, h, _ = (int(v) for v in marks[0])
    glyph = cell_ink[y:y + h, x:x + w] > 0
    if h < 12 or w < 0.5 * h:
        return False
    top = [len(_runs(r)) for r in glyph[int(h * 0.1):int(h * 0.3)]]
    foot = glyph[int(h * 0.88):]
    foot_runs = [_runs(r) for r in foot if r.any()]
    return (bool(top) and min(top) == 2 and bool(foot_runs) and all(len(r) == 1 for r in foot_runs)
            and max(b - a for r in foot_runs for a, b in r) < 0.45 * w)


def fix_seven(cell_words: list[PxWord], cell_ink: np.ndarray) -> list[PxWord]:
    """A cell read as a lone "?" whose ink is one stroke (a "?" has its dot apart) is "7"."""
    if len(cell_words) != 1 or cell_words[0].text != "?":
        return cell_words
    n, _, stats, _ = cv2.connectedComponentsWithStats(cell_ink, connectivity=8)
    if sum(1 for st in stats[1:n] if st[4] >= 8) != 1:
        return cell_words
    w = cell_words[0]
    return [PxWord("7", w.x0, w.y0, w.x1, w.y1, w.conf, w.line_h)]


def fix_roman(cell_words: list[PxWord], cell_ink: np.ndarray, origin: tuple[int, int] = (0, 0)) -> list[PxWord]:
    """A cell holding only upright stems is the Roman numeral "I" x stems, whatever Tesseract
    made of it: "H", '"', "Hị(", or nothing (a bold "II" dropped as noise). `origin` is the
    page position of `cell_ink`, used to place a numeral Tesseract did not return."""
    text = "".join(w.text for w in cell_words)
    if len(text) > 4 or any(c.isdigit() for c in text) or (text and not _ROMAN_LOOKALIKE.match(text)
                                                           and len(cell_words) != 1):
        return cell_words
    if len(cell_words) == 1 and cell_words[0].text in ("M", "W", "Y", "v", "y") and is_v(cell_ink):
        w = cell_words[0]
        return [PxWord("V", w.x0, w.y0, w.x1, w.y1, w.conf, w.line_h)]
    stems = count_stems(cell_ink)
    if stems is None:
        return cell_words
    if cell_words:
        w = cell_words[0]
        box, conf, line_h = (w.x0, w.y0, max(v.x1 for v in cell_words), w.y1), w.conf, w.line_h
    else:
        x0, y0, x1, y1 = ink_box(cell_ink)  # type: ignore[misc]  # count_stems found ink
        box = (origin[0] + x0, origin[1] + y0, origin[0] + x1, origin[1] + y1)
        conf, line_h = 0.0, y1 - y0
    return [PxWord("I" * stems, *box, conf, line_h)]


_SLASHES = str.maketrans({"⁄": "/", "∕": "/", "／": "/"})
_QUARTER_WORD = re.compile(r"^[Qq][Uu][ÝýỶỷYy]$")
_QUARTER_NUM = re.compile(r"^([1Il|]{1,3}|IV|V)((?:/\d{4})?[,.;:)]*)$")


def fix_quarters(words: list[PxWord]) -> list[PxWord]:
    """Roman quarter numerals after "Quý": Tesseract mixes "I" with "1" and "l" ("Quý I1/2026").

    "11", "I1", "lI" cannot be an Arabic quarter, so they are "II" (three strokes "III").
    A lone "1" stays Arabic unless the page writes its other quarters in Roman numerals.
    """
    # Tesseract writes a slash as a fraction or division slash ("I1⁄2026").
    words = [replace(w, text=w.text.translate(_SLASHES)) if any(c in w.text for c in "⁄∕／") else w for w in words]
    marks = [i + 1 for i, w in enumerate(words[:-1]) if _QUARTER_WORD.match(words[i].text)]
    found = {i: _QUARTER_NUM.match(words[i].text) for i in marks if i < len(words)}
    roman_page = any(m and (len(m.group(1)) > 1 or m.group(1) in ("I", "IV", "V")) for m in found.values())
    out = list(words)
    for i, m in found.items():
        if not m:
            continue
        numeral, rest = m.group(1), m.group(2)
        if numeral in ("IV", "V") or (numeral == "1" and not roman_page):
            continue
        w = out[i]
        out[i] = PxWord("I" * len(numeral) + rest, w.x0, w.y0, w.x1, w.y1, w.conf, w.line_h)
    return out


# At 200 dpi the hook above ("ổ", "ể") is a few pixels and reads as an acute ("ố", "ế"):
# "Tổ chức" -> "Tố chức", "chuyển đổi" -> "chuyến đối". Word pairs of administrative
# Vietnamese spelled with the hook; a pair read with acutes that becomes one of these when
# acutes turn into hooks is put back. Pairs that are right with the acute are not listed.
HOOK_PAIRS = frozenset(
    tuple(p.split()) for p in (
        "phát triển", "triển khai", "chuyển đổi", "đổi mới", "tổ chức", "tổ công", "tổ cns", "tổ dân",
        "tổ trưởng", "tổ hợp", "bảo hiểm", "tiểu học", "tổng số", "tổng hợp", "tổng kết", "kiểm tra",
        "kiểm soát", "cải cách", "cải thiện", "hiểu biết", "thể thao", "điển hình", "chỉ tiêu", "chỉ số",
        "chỉ đạo", "thủ tục", "quản lý", "quản trị", "bảo đảm", "đảm bảo", "tỷ lệ", "tỉ lệ", "cổng thông",
        "phổ biến", "phổ cập", "mở rộng", "xử lý", "hiệu quả", "kết quả", "cơ sở", "chủ trì", "chủ tịch",
        "ủy ban", "bổ sung", "thể hiện", "cụ thể", "tập thể", "có thể", "thể chế", "đầu tư", "giải pháp",
        "giải quyết", "lĩnh vực", "cải tiến", "cá thể", "sản phẩm", "sản xuất", "phẩm chất", "bảo vệ",
        "mở tài", "hướng dẫn", "tuyển dụng", "tuyển sinh", "hiểm họa", "trưởng thành", "thủ trưởng",
        "thúc đẩy", "đẩy mạnh", "tiêu biểu", "biểu dương", "biểu mẫu", "đại biểu", "sổ tay", "thí điểm",
        "cao điểm", "trọng điểm", "địa điểm", "điểm nghẽn", "lỗ hổng", "tiểu thương",
        # printed with a grave, read with a hook
        "địa bàn", "đơn vị", "hành chính", "toàn trình", "toàn bộ", "thành lập", "hoàn thành",
        "hoàn thiện", "điều hành", "thường xuyên", "người dân", "cần thiết",
    )
)
#: Pairs right with the acute: a word in one of them is left alone ("yếu tố chức năng").
ACUTE_PAIRS = frozenset(
    tuple(p.split()) for p in (
        "yếu tố", "nhân tố", "tố cáo", "tố tụng", "tố giác", "tố chất", "đối với", "đối tượng", "đối tác",
        "đối ứng", "đối thoại", "đối chiếu", "đối soát", "chuyến đi", "chuyến công", "số liệu", "số hóa",
        "quá trình", "quá hạn", "cá nhân", "chí phí", "ý chí", "báo cáo", "thông báo",
    )
)
#: Tone marks Tesseract confuses at 200 dpi, as read -> as printed: acute -> hook ("ổ" read
#: "ố"), hook -> grave ("bàn" read "bản"). Never a missing mark: "chi tiêu" is not "chỉ tiêu".
_CONFUSED_TONES = {"\u0301": "\u0309", "\u0309": "\u0300"}
_EDGE = "\"'“”‘’([{)]}.,;:!?…"
#: Abbreviations whose "Đ" loses its bar (never right with a plain "D"), and the en dash
#: between words ("Văn hóa – Xã hội") that Tesseract reads as an em dash or two strokes.
KNOWN_WORDS = {"HDND": "HĐND", "BCD": "BCĐ", "HDND&UBND": "HĐND&UBND"}
DASHES = {"—": "–", "—-": "–", "-—": "–", "--": "–", "——": "–"}


def _core(text: str) -> tuple[str, str, str]:
    """(leading punctuation, word, trailing punctuation)."""
    core = text.strip(_EDGE)
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def _hooked(word: str) -> set[str]:
    """The word as read and with its tone mark swapped for the one it is confused with."""
    nfd = unicodedata.normalize("NFD", word)
    for read, printed in _CONFUSED_TONES.items():
        if read in nfd:
            return {word, unicodedata.normalize("NFC", nfd.replace(read, printed))}
    return {word}


def collapse_doubled(word: str) -> str:
    """ "RIÊỀNG" -> "RIỀNG", "Khãẩn" -> "Khẩn": a vowel read twice with different marks; and the
    Icelandic "Ð" for "Đ" ("ĐÐU" -> "ĐU"). Neither occurs in Vietnamese."""
    word = word.replace("ĐÐ", "Đ").replace("ÐĐ", "Đ").replace("Ð", "Đ")
    out: list[str] = []
    for ch in word:
        if out:
            prev, cur = unicodedata.normalize("NFD", out[-1]), unicodedata.normalize("NFD", ch)
            # Same vowel twice, both marked ("ÊỀ", "ãẩ"): keep the one with more marks.
            if prev[0].lower() == cur[0].lower() and prev[0].lower() in "aeiouy" and len(prev) > 1 and len(cur) > 1:
                if len(cur) >= len(prev):
                    out[-1] = ch
                continue
        out.append(ch)
    return "".join(out)


def fix_hooks(words: list[PxWord]) -> list[PxWord]:
    """Put back hooks read as acutes in known word pairs, the bar of "Đ" in HĐND, en dashes."""
    # "€" never appears in a plan: it is a "c" ("(b/€)").
    texts = [collapse_doubled(DASHES.get(w.text, w.text).replace("€", "c")) for w in words]
    for i, text in enumerate(texts):
        lead, core, tail = _core(text)
        if core in KNOWN_WORDS:
            texts[i] = lead + KNOWN_WORDS[core] + tail
    cores = [_core(t)[1].lower() for t in texts] + [""]
    for i in range(len(texts) - 1):
        (l1, a, t1), (l2, b, t2) = _core(texts[i]), _core(texts[i + 1])
        if not a or not b or (a.lower(), b.lower()) in HOOK_PAIRS or (a.lower(), b.lower()) in ACUTE_PAIRS:
            continue
        keep_a = i > 0 and (cores[i - 1], a.lower()) in ACUTE_PAIRS
        keep_b = (b.lower(), cores[i + 2]) in ACUTE_PAIRS
        for x in ({a} if keep_a else _hooked(a)):
            for y in ({b} if keep_b else _hooked(b)):
                if (x.lower(), y.lower()) in HOOK_PAIRS:
                    texts[i], texts[i + 1] = l1 + x + t1, l2 + y + t2
                    cores[i], cores[i + 1] = x.lower(), y.lower()
    return [w if t == w.text else PxWord(t, w.x0, w.y0, w.x1, w.y1, w.conf, w.line_h) for w, t in zip(words, texts)]
