"""Agencies named in running text: the subject of a responsibility heading or paragraph.

`subject_agencies` is what `AgencyRegistry.find_in_text` runs. A short heading
("Tổ Công nghệ số cộng đồng và Các trường học") is split into names, each resolved
or, when unknown but headed like an agency ("Ban điều hành 19 thôn"), kept as
printed. A paragraph gives the run of registry agencies it opens with: agencies
separated only by commas, "và", "các cơ quan, đơn vị …" or a commune's name, so a
later "báo cáo về phòng …" is not counted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from kehoach.normalize.text import clean, dashes, fold, fold_chars

if TYPE_CHECKING:
    from kehoach.normalize.agencies import AgencyRegistry

__all__ = ["subject_agencies"]

# Words that may stand between two agencies named one after another in a sentence.
_FILLER = {
    ",", ";", "và", "các", "cùng", "với", "&", "cơ", "quan", "đơn", "vị", "cấp", "xã",
    "phường", "ban", "ngành", "đoàn", "thể", "có", "liên", "trên", "địa", "bàn", "-",
    "chuyên", "môn", "trực", "thuộc", "những",
}
_SENTENCE_END = re.compile(r"[.:;!?](?:\s|$)")
_AND = re.compile(r"\s+(?:và|cùng|cùng với|với)\s+")
_EDGE_JUNK = " .;,:-+*•"
_MAX_HEADING_WORDS = 16


def subject_agencies(registry: "AgencyRegistry", text: str | None, all_mentions: bool = False) -> list[str]:
    s = clean(text if isinstance(text, str) else None) or ""
    if not s:
        return []
    s = dashes(s)
    low = fold_chars(s)
    mentions = registry.mentions(low, s)
    if all_mentions:
        return _dedup(c for _, _, c in mentions)
    heading = _heading_names(registry, s)
    if heading:
        return heading
    if not mentions:
        return []
    first_sentence = _SENTENCE_END.search(low)
    if mentions[0][0] >= (first_sentence.end() if first_sentence else len(low)):
        return []
    run = [mentions[0]]
    for m in mentions[1:]:
        if not _only_fillers(s, low, run[-1][1], m[0]):
            break
        run.append(m)
    return _dedup(c for _, _, c in run)


def _only_fillers(s: str, low: str, start: int, end: int) -> bool:
    """True when s[start:end] holds only connecting words, or a commune's proper name after "xã"."""
    after_kind = low[:start].endswith(("xã", "phường"))
    for m in re.finditer(r"[\w&]+|[,;\-.:!?()]", low[start:end]):
        tok = m.group(0)
        if tok in _FILLER:
            after_kind = tok in ("xã", "phường")
        elif after_kind and s[start + m.start()].isupper():
            continue  # "Phòng Kinh tế xã Tân Hưng, Công an xã"
        else:
            return False
    return True


def _heading_names(registry: "AgencyRegistry", s: str) -> list[str]:
    """Names of a short heading: every piece must be an agency (known, or headed like one)."""
    if _SENTENCE_END.search(s.rstrip(".:; ")) or len(s.split()) > _MAX_HEADING_WORDS:
        return []
    whole = registry.resolve(s)
    if whole.resolved and whole.score >= 100:
        return [whole.canonical]
    out: list[str] = []
    for piece in registry.split(s):
        for sub in _split_and(registry, piece):
            res = registry.resolve(sub)
            if res.resolved:
                out.append(res.canonical)
                continue
            mentions = registry.mentions(fold_chars(sub), sub)
            if mentions and mentions[0][0] == 0:
                out.append(mentions[0][2])  # "Ủy ban nhân dân xã Tân Hưng ban hành"
            elif registry.looks_like_agency(sub) and not fold(sub).startswith(("các ", "cán bộ", "công chức")):
                out.append(sub)
    return _dedup(out)


def _split_and(registry: "AgencyRegistry", piece: str) -> list[str]:
    if registry.resolve(piece).score >= 100:  # "Văn phòng HĐND và UBND"
        return [piece]
    parts = (registry.strip_prefix(_tidy(p)) for p in _AND.split(piece))
    return [p for p in parts if p]


def _tidy(name: str | None) -> str:
    s = clean(name if isinstance(name, str) else (None if name is None else str(name))) or ""
    return clean(dashes(s).strip(_EDGE_JUNK)) or ""


def _dedup(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
