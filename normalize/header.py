"""The header block of a plan: number, place and date, issuing body, appendix notes.

Pure functions over the header's strings (as the document model gives them). They
never raise; a blank field ("Số:      /KH-UBND", "ngày   tháng   năm 2025") is None.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from kehoach.normalize.dates import parse_vn_date, safe_date
from kehoach.normalize.text import clean, fold, fold_chars, modern_tone, strip_accents

__all__ = ["parse_number", "parse_place_date", "parse_issuer", "parse_year_from_note", "body_case"]

# "Số:", and OCR's readings of it: "Sổ:", "So:", "S6:", "S0:"
_NUMBER_LINE = re.compile(r"^\s*s[ốôoổồóòỗộơớ60]\s*[:.]?\s*", re.IGNORECASE)
# the serial part: digits, with OCR's letter-for-digit slips ("1O5", "l45") read back
_NUMBER_HEAD = re.compile(r"\d[\w.]*")
_SLIPPED_HEAD = re.compile(r"[\dOolI|]*\d[\dOolI|]*(?!\w)")
_DIGIT_SLIPS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
# one more part of the number: "/KH", "-UBND"; after the first part a spaced separator
# ("342/KH - UBND") only before a code-like part (two capitals: "UBND", "TTr"), so
# "12/KH-UBND - Phú Riềng" stops before the place
_NUMBER_PART = re.compile(r"(\s*)([/\-\u2010-\u2015\u2212])(\s*)([^\s/\-\u2010-\u2015\u2212,;()]+)")
_DASH_CHARS = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_PLACE_DATE = re.compile(
    r"ngày\s*(?P<d>\d{1,2})?\s*(?:[./-]\s*)?(?:tháng\s*)?(?P<m>\d{1,2})?\s*(?:[./-]\s*)?(?:năm\s*)?(?P<y>(?:19|20)\d{2})?"
)
_DIGIT_SLIPS_LOW = str.maketrans({"o": "0", "l": "1", "i": "1", "|": "1"})
# "nǎm" (a caron for the breve, from some fonts' encodings) is "năm"
_BREVE_CARON = str.maketrans({"\u01ce": "ă", "\u01cd": "Ă"})
_KIND_WORD = re.compile(r"(?<!\w)(đặc khu|phường|xã)\s+(?=\S)")
_VOWEL = re.compile(r"[aeiouy]", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# Words of an issuing body that keep a capital inside a name, by folded form.
_BODY_CASE = {
    "ủy ban nhân dân": "Ủy ban nhân dân", "ubnd": "Ủy ban nhân dân",
    "hội đồng nhân dân": "Hội đồng nhân dân", "hđnd": "Hội đồng nhân dân",
    "ban chỉ đạo": "Ban Chỉ đạo", "bcđ": "Ban Chỉ đạo", "đảng ủy": "Đảng ủy",
    "ban thường vụ": "Ban Thường vụ", "đảng bộ": "Đảng bộ",
    "ủy ban mặt trận tổ quốc việt nam": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "đề án 06": "Đề án 06", "việt nam": "Việt Nam", "ubmttq": "Ủy ban MTTQ",
}
_BODY_CASE_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(_BODY_CASE, key=len, reverse=True)) + r")(?!\w)")


def _number_at(s: str) -> tuple[str | None, int]:
    """The document number a "Số: …" text opens with, and where it ends (0 when none)."""
    prefix = _NUMBER_LINE.match(s)
    start = prefix.end() if prefix else 0
    m = _SLIPPED_HEAD.match(s, start) or _NUMBER_HEAD.match(s, start)
    if not m:
        return None, 0
    parts = [m.group(0).translate(_DIGIT_SLIPS) if m.re is _SLIPPED_HEAD else m.group(0)]
    pos = m.end()
    while True:
        p = _NUMBER_PART.match(s, pos)
        if not p:
            break
        spaced = bool(p.group(1) or p.group(3))
        if spaced and len(parts) > 1 and sum(c.isupper() for c in p.group(4)) < 2:
            break
        parts.append(p.group(2).translate(_DASH_CHARS) + p.group(4))
        pos = p.end()
    if len(parts) < 2:
        return None, 0
    return "".join(parts).rstrip(".") or None, pos


def parse_number(line: str | None) -> str | None:
    """ "Số: 94/KH-UBND" → "94/KH-UBND"; "Số: 342/KH - UBND" → "342/KH-UBND"; a blank
    number ("Số:      /KH-UBND") → None. OCR's slips in "Số" ("S6:") and in the serial
    ("1O5", "l45") are read back."""
    s = clean(line if isinstance(line, str) else None)
    if not s:
        return None
    return _number_at(s)[0]


def _place(text: str) -> str | None:
    """The place name of a place-and-date line: without a number or motto run in before it,
    and without the kind word ("Xã Tân Hưng" → "Tân Hưng"; a numbered ward "Phường 1" keeps it)."""
    place = text.strip(" ,;.-*")
    number, end = _number_at(place)
    if number:
        place = place[end:].strip(" ,;.-*")
    motto = re.search(r"(?i)hạnh\s*phúc", fold_chars(place))
    if motto:
        place = place[motto.end():].strip(" ,;.-*")
    kind = _KIND_WORD.match(fold_chars(place))
    if kind and not re.fullmatch(r"[\d\s]+", place[kind.end():]):
        place = place[kind.end():]
    return clean(place) or None


def _read_digits(low: str) -> str:
    """OCR's letters for digits inside the numbers of a date ("l5", "2O25"), length kept."""
    return re.sub(r"(?<!\w)[\dlio|]*\d[\dlio|]*(?!\w)", lambda m: m.group(0).translate(_DIGIT_SLIPS_LOW), low)


def parse_place_date(line: str | None) -> tuple[str | None, dt.date | None, int | None]:
    """ "Phú Riềng, ngày 12 tháng 10 năm 2025" → ("Phú Riềng", 2025-10-12, 2025); blanks → None.

    "ngày 12/10/2025" and "12-10-2025" are read too; "Xã Phú Riềng, ngày …" gives the
    place "Phú Riềng"."""
    s = clean(line if isinstance(line, str) else None)
    if not s:
        return None, None, None
    s = s.translate(_BREVE_CARON)
    low = fold_chars(s)
    idx = low.find("ngày")
    if idx < 0:
        date = parse_vn_date(_read_digits(low))
        m = _YEAR.search(_read_digits(low))
        place = _place(s.split(",")[0]) if "," in s else None
        return place, date, date.year if date else (int(m.group(1)) if m else None)
    place = _place(s[:idx])
    low = low[:idx] + _read_digits(low[idx:])
    m = _PLACE_DATE.match(low, idx)
    year = int(m.group("y")) if m and m.group("y") else None
    if year is None:
        ym = _YEAR.search(low, idx)
        year = int(ym.group(1)) if ym else None
    date = None
    if m and m.group("d") and m.group("m") and year:
        date = safe_date(year, int(m.group("m")), int(m.group("d")))
    return place, date, year


def body_case(text: str) -> str:
    """An upper-case body name in the casing of running text: "BAN CHỈ ĐẠO …" → "Ban Chỉ đạo …"."""
    low = fold(text)
    if not low:
        return ""
    low = _BODY_CASE_RE.sub(lambda m: _BODY_CASE[m.group(1)], low)
    # abbreviations ("KHCN", "ĐMST", "CĐS", "MTTQ") have no vowel: they stay upper case
    low = re.sub(r"(?<!\w)([^\W\d_]{2,})(?!\w)",
                 lambda m: m.group(1).upper() if not _VOWEL.search(strip_accents(m.group(1))) else m.group(1), low)
    return low[0].upper() + low[1:]


def _title(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in modern_tone(name.lower()).split())


def _spelled_in(hint: str, name: str) -> str | None:
    """The hint's own spelling of `name` (compared folded, else without accents when OCR
    lost them in the header), when the hint prints it in mixed case."""
    h = clean(hint) or ""
    key = fold(name)
    low = fold_chars(h)
    for text, wanted in ((low, key), (strip_accents(low), strip_accents(key))):
        if not wanted or len(text) != len(h):
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(wanted)}(?!\w)", text):
            candidate = h[m.start(): m.end()]
            if not candidate.isupper():
                return modern_tone(candidate)
    return None


def _proper_case(name: str, hints: Iterable[str]) -> str:
    """The commune name as other text spells it, else as the national list does (tone marks
    in the modern placement, the printed apostrophe), else title case."""
    for hint in hints or ():
        spelled = _spelled_in(hint, name)
        if spelled:
            return spelled
    try:
        from kehoach.normalize.admin_units import _index
        exact, plain = _index()
        units = exact.get(fold(name)) or plain.get(strip_accents(fold(name))) or []
        if units and len({fold(u.name) for u in units}) == 1:
            listed = modern_tone(units[0].name)
            return listed.replace("\u2019", "'") if "'" in name else listed
    except Exception:
        pass
    return _title(name)


def parse_issuer(lines: Iterable[str] | None, hints: Iterable[str] = ()) -> tuple[str | None, str | None, str | None]:
    """Header lines of the issuing body → (issuer, commune, commune_kind).

    ["ỦY BAN NHÂN DÂN", "XÃ PHÚ RIỀNG"] → ("Ủy ban nhân dân xã Phú Riềng", "Phú Riềng", "xã").
    `hints` are other strings that spell the commune (the place line, the title) and
    give its casing.
    """
    try:
        return _parse_issuer(lines, list(hints or ()))
    except Exception:
        return None, None, None


# A header line that opens a new body (or a unit) rather than continuing a wrapped one.
_BODY_HEAD = re.compile(
    r"^(?:[uủ]y ban|ubnd|ub\b|hội đồng|hđnd|đảng [uủ]y|đảng bộ|ban\b|bcđ|văn phòng|phòng\b|công an|"
    r"trung tâm|tổ\b(?!\s+quốc)|hội\b|đoàn\b|mặt trận|ubmttq|tỉnh|huyện|thành phố|tp\b|"
    r"đặc khu|phường|xã)(?!\w)")
_MAX_NAME_WORDS = 5


# The national motto and the Party's name, printed beside the issuer: run into its lines
# when the two header columns are read as one.
_MOTTO = re.compile(r"cộng\s*hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam|độc\s*lập\s*-\s*tự\s*do\s*-\s*hạnh\s*phúc|"
                    r"đảng\s+cộng\s+sản\s+việt\s+nam")


def _drop_motto(line: str) -> str | None:
    for m in reversed(list(_MOTTO.finditer(fold_chars(line)))):  # fold_chars keeps positions
        line = f"{line[: m.start()]} {line[m.end():]}"
    return clean(line)


def _blocks(lines) -> list[list[str]]:
    """Header lines → one list of lines per body: a line that opens no body continues the last.

    A long line wraps in the narrow header column ("PHƯỜNG TÂN ĐÔNG" / "HIỆP"); a kind word
    alone at a line's end takes the next line ("ỦY BAN NHÂN DÂN XÃ" / "PHÚ RIỀNG").
    """
    blocks: list[list[str]] = []
    for line in (clean(x) for x in (lines or []) if isinstance(x, str)):
        line = _drop_motto(line) if line else line
        if line and line.isupper():  # OCR's tone slips on the kind word: "XÁ PHÚ RIỀNG"
            line = re.sub(r"(?<!\w)X[AÀÁẢẠ](?!\w)", "XÃ", line)
        if not line or not re.search(r"[^\W\d_]", line):
            continue  # blank, or a rule ("-------")
        low = fold(line)
        if blocks and re.search(r"(?<!\w)(?:đặc khu|phường|xã)$", fold(blocks[-1][-1])):
            blocks[-1][-1] = f"{blocks[-1][-1]} {line}"
        elif blocks and not _BODY_HEAD.match(low):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _known_names(hints) -> tuple[dict, dict, list[str]]:
    try:
        from kehoach.normalize.admin_units import _index
        exact, plain = _index()
    except Exception:
        exact, plain = {}, {}
    return exact, plain, [fold(h) for h in hints or () if isinstance(h, str) and clean(h)]


def _is_known(kind: str, name: str, known) -> bool:
    """A commune name the national list has, or that a hint spells (the place, "… xã Tân Hưng …")."""
    exact, plain, hints = known
    key = fold(name)
    if not key:
        return False
    if key in exact or strip_accents(key) in plain:
        return True
    pattern = re.compile(rf"(?:^|(?<!\w){re.escape(kind)}\s+){re.escape(key)}(?!\w)")
    return any(h == key or pattern.search(h) for h in hints)


def _commune_in(block: list[str], known) -> list[tuple[bool, str, str, int, int]]:
    """Each kind word in a block, last first: (known, kind, name, line index, start in line).

    The name is the longest run of words after the kind word, across wrapped lines, that
    is a known commune; when none is known, the rest of the kind word's line.
    """
    text = " ".join(block)
    low = fold_chars(text)
    offsets, pos = [], 0
    for line in block:
        offsets.append(pos)
        pos += len(line) + 1
    out = []
    for m in reversed(list(_KIND_WORD.finditer(low))):
        kind = m.group(1)
        i = max(j for j, off in enumerate(offsets) if off <= m.start())
        words = list(re.finditer(r"\S+", text[m.end():]))[:_MAX_NAME_WORDS]
        found = None
        for n in range(len(words), 0, -1):
            name = text[m.end(): m.end() + words[n - 1].end()].strip(" .,;")
            if _is_known(kind, name, known):
                found = name
                break
        line_end = offsets[i] + len(block[i])
        rest = text[m.end():line_end].strip(" .,;")
        out.append((found is not None, kind, found if found is not None else rest, i, m.start() - offsets[i]))
    return out


def _parse_issuer(lines, hints):
    blocks = _blocks(lines)
    if not blocks:
        return None, None, None
    known = _known_names(hints)
    found = [(b, *c) for b in range(len(blocks) - 1, -1, -1) for c in _commune_in(blocks[b], known)]
    hit = next((f for f in found if f[1]), None) or next((f for f in found if f[3]), None)
    commune = kind = None
    if hit:
        b, _, kind, name, i, start = hit
        commune = _proper_case(name, hints)
    steering = [blk for blk in blocks if fold(blk[0]).startswith(("ban chỉ đạo", "bcđ"))]
    if steering:  # a commune steering committee is named "Ban Chỉ đạo xã …" (contract)
        if commune:
            return f"Ban Chỉ đạo {kind} {commune}", commune, kind
        return body_case(" ".join(steering[-1])), None, None
    if not hit:
        return body_case(" ".join(" ".join(blk) for blk in blocks)), None, None
    line = blocks[b][i]
    before = _without_province(" ".join([*blocks[b][:i], line[:start]]).strip())
    for prev in range(b - 1, -1, -1):  # the body's name on a line of its own above
        if before:
            break
        before = _without_province(" ".join(blocks[prev]))
    last = _bare_kind_body(blocks[-1]) if b < len(blocks) - 1 else None
    if last:  # "ĐẢNG BỘ XÃ PHÚ RIỀNG" / "ĐẢNG ỦY ỦY BAN NHÂN DÂN XÃ": the body below names no commune
        before, kind = last
    body = body_case(before) if before else None
    issuer = f"{body} {kind} {commune}" if body else f"{kind[0].upper()}{kind[1:]} {commune}"
    return issuer, commune, kind


# A province-level unit ending a body's name: "… TỈNH ĐỒNG NAI", "… THÀNH PHỐ HỒ CHÍ MINH".
_PROVINCE_TAIL = re.compile(r"(?:^|\s)(?:tỉnh|thành phố|tp\.?)(?:\s+\S+){1,4}$")


def _without_province(text: str) -> str:
    """A body's name without the province-level unit that ends it ("ỦY BAN NHÂN DÂN TỈNH
    ĐỒNG NAI" → "ỦY BAN NHÂN DÂN"); "" for a unit alone ("THÀNH PHỐ HỒ CHÍ MINH")."""
    m = _PROVINCE_TAIL.search(fold_chars(text))
    return text[: m.start()].strip() if m else text


def _bare_kind_body(block: list[str]) -> tuple[str, str] | None:
    """(body, kind) for a block ending in a kind word that names no commune."""
    text = " ".join(block)
    m = re.search(r"(?<!\w)(đặc khu|phường|xã)$", fold_chars(text))
    if not m or not text[: m.start()].strip():
        return None
    return text[: m.start()].strip(), m.group(1)


def parse_year_from_note(note: str | None) -> int | None:
    """ "(Kèm theo Kế hoạch số … ngày …/…/2025 của …)" → 2025; None when no year is printed."""
    s = clean(note if isinstance(note, str) else None)
    if not s:
        return None
    low = fold_chars(s)
    idx = low.find("ngày")
    m = _YEAR.search(low, idx if idx >= 0 else 0) or _YEAR.search(low)
    return int(m.group(1)) if m else None
