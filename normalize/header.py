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

_NUMBER_LINE = re.compile(r"^\s*s[ốôoổồ]\s*[:.]?\s*", re.IGNORECASE)  # OCR: "Sổ:", "So:"
_NUMBER_HEAD = re.compile(r"\d[\w.]*")
# one more part of the number: "/KH", "-UBND"; after the first part a spaced separator
# ("342/KH - UBND") only before a code-like part (two capitals: "UBND", "TTr"), so
# "12/KH-UBND - Phú Riềng" stops before the place
_NUMBER_PART = re.compile(r"(\s*)([/\-\u2010-\u2015\u2212])(\s*)([^\s/\-\u2010-\u2015\u2212,;()]+)")
_DASH_CHARS = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_PLACE_DATE = re.compile(
    r"ngày\s*(?P<d>\d{1,2})?\s*(?:[./]\s*)?(?:tháng\s*)?(?P<m>\d{1,2})?\s*(?:[./]\s*)?(?:năm\s*)?(?P<y>(?:19|20)\d{2})?"
)
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


def parse_number(line: str | None) -> str | None:
    """ "Số: 94/KH-UBND" → "94/KH-UBND"; "Số: 342/KH - UBND" → "342/KH-UBND"; a blank
    number ("Số:      /KH-UBND") → None."""
    s = clean(line if isinstance(line, str) else None)
    if not s:
        return None
    rest = _NUMBER_LINE.sub("", s, count=1)
    m = _NUMBER_HEAD.match(rest)
    if not m:
        return None
    parts = [m.group(0)]
    pos = m.end()
    while True:
        p = _NUMBER_PART.match(rest, pos)
        if not p:
            break
        spaced = bool(p.group(1) or p.group(3))
        if spaced and len(parts) > 1 and sum(c.isupper() for c in p.group(4)) < 2:
            break
        parts.append(p.group(2).translate(_DASH_CHARS) + p.group(4))
        pos = p.end()
    if len(parts) < 2:
        return None
    return "".join(parts).rstrip(".") or None


def parse_place_date(line: str | None) -> tuple[str | None, dt.date | None, int | None]:
    """ "Phú Riềng, ngày 12 tháng 10 năm 2025" → ("Phú Riềng", 2025-10-12, 2025); blanks → None."""
    s = clean(line if isinstance(line, str) else None)
    if not s:
        return None, None, None
    low = fold_chars(s)
    idx = low.find("ngày")
    if idx < 0:
        date = parse_vn_date(s)
        m = _YEAR.search(low)
        place = clean(s.split(",")[0]) if "," in s else None
        return place or None, date, date.year if date else (int(m.group(1)) if m else None)
    place = clean(s[:idx].rstrip(" ,;")) or None
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


def _proper_case(name: str, hints: Iterable[str]) -> str:
    """The commune name as other text spells it, else as the national list does, else title case."""
    key = fold(name)
    for hint in hints or ():
        h = clean(hint) or ""
        pos = fold_chars(h).find(key) if key else -1
        if pos >= 0 and fold(h[pos: pos + len(name)]) == key:
            candidate = h[pos: pos + len(name)]
            if not candidate.isupper():
                return modern_tone(candidate)
    try:
        from kehoach.normalize.admin_units import _index
        exact, _ = _index()
        units = exact.get(key)
        if units:
            return units[0].name
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


def _blocks(lines) -> list[list[str]]:
    """Header lines → one list of lines per body: a line that opens no body continues the last.

    A long line wraps in the narrow header column ("PHƯỜNG TÂN ĐÔNG" / "HIỆP"); a kind word
    alone at a line's end takes the next line ("ỦY BAN NHÂN DÂN XÃ" / "PHÚ RIỀNG").
    """
    blocks: list[list[str]] = []
    for line in (clean(x) for x in (lines or []) if isinstance(x, str)):
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
    before = " ".join([*blocks[b][:i], line[:start]]).strip()
    if not before and b > 0:
        before = " ".join(blocks[b - 1])
    body = body_case(before) if before else None
    issuer = f"{body} {kind} {commune}" if body else f"{kind[0].upper()}{kind[1:]} {commune}"
    return issuer, commune, kind


def parse_year_from_note(note: str | None) -> int | None:
    """ "(Kèm theo Kế hoạch số … ngày …/…/2025 của …)" → 2025; None when no year is printed."""
    s = clean(note if isinstance(note, str) else None)
    if not s:
        return None
    low = fold_chars(s)
    idx = low.find("ngày")
    m = _YEAR.search(low, idx if idx >= 0 else 0) or _YEAR.search(low)
    return int(m.group(1)) if m else None
