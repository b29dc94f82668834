"""spaCy for the prose of a plan: agencies, number phrases and cited documents.

One blank pipeline, built once (`get_nlp`), no model download:

- the tokenizer is spaCy's multi-language one ("xx"; the Vietnamese one needs pyvi),
  taught to keep document numbers ("57-NQ/TW", "246/TTr-PVHXH") and dates
  ("22/12/2024") whole and to split comparators ("≥90%" → "≥", "90", "%");
- every token's NORM is the contract's comparison key (`normalize.text.fold`: case,
  dashes, tone-mark placement), so one pattern matches "Phòng Văn hoá – Xã hội" and
  "phòng văn hóa - xã hội" alike while diacritics still tell words apart;
- an EntityRuler on NORM built from the agency registry's aliases labels agencies
  (`AGENCY`, the entity id is the canonical name);
- Matchers find number phrases ("tối thiểu 70%", "100%", "ít nhất 01", "≥ 90%",
  "từ 80% trở lên") and cited documents ("Kế hoạch số 92/KH-UBND ngày 15/9/2025").

The public helpers return plain dataclasses with character offsets into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import spacy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.util import compile_prefix_regex

from kehoach.normalize.text import clean, fold

__all__ = [
    "get_nlp", "AgencyMention", "NumberPhrase", "Citation", "DOC_TYPES",
    "agency_mentions", "agencies_in", "number_phrases", "cited_documents", "dates_in",
]

#: Document types as written, longest first (a citation's `doc_type`).
DOC_TYPES: tuple[str, ...] = (
    "Chương trình hành động", "Kế hoạch hành động", "Kế hoạch liên tịch", "Nghị quyết liên tịch",
    "Thông tư liên tịch", "Nghị quyết", "Nghị định", "Quyết định", "Kế hoạch", "Tờ trình",
    "Chỉ thị", "Công văn", "Công điện", "Thông báo", "Thông tư", "Hướng dẫn", "Chương trình",
    "Kết luận", "Đề án", "Văn bản", "Báo cáo", "Luật", "Hiến pháp", "Quy định", "Quy chế",
)

# Comparator words of a number phrase (folded). "là"/"bằng" are left out: in running
# text they precede far more non-targets than targets.
_OP_WORDS: tuple[str, ...] = (
    "tối thiểu", "ít nhất", "không dưới", "không thấp hơn", "không ít hơn", "đạt từ",
    "đạt tối thiểu", "đạt ít nhất", "đạt trên", "trên", "hơn", "vượt", "tối đa", "không quá",
    "không vượt quá", "dưới", "đạt", "từ", "≥", "≤", ">", "<", ">=", "<=", "khoảng",
    "đạt khoảng", "phấn đấu đạt", "phấn đấu",
)
_NUM = r"^\d+(?:[.,]\d+)*$"
#: First words of the things a bare count may count (folded).
_COUNT_NOUNS = (
    "lớp", "mô", "lượt", "cuộc", "buổi", "đợt", "sản", "doanh", "hợp", "điểm", "tin", "bài",
    "sáng", "đề", "camera", "trạm", "hội", "chương", "cơ", "thôn", "buôn", "ấp", "chợ", "trường",
)
#: What else a share "16/16 …" counts (folded first words).
_WHOLE_NOUNS = ("xã", "hộ", "khu", "tổ", "bản", "xóm", "đơn", "phòng", "ban", "cán", "người", "hồ", "thủ", "dịch")
_FRACTION = r"^\d{1,4}/\d{1,4}$"
# Words a number after them names rather than counts: "Phụ lục 01", "Đề án 06", "Kế hoạch 01".
_NAMING_WORDS = ("số", "năm", "tháng", "ngày", "khoản", "điều", "mục", "phụ", "quyết", "thị",
                 "lục", "án", "hoạch", "trình", "định", "tư", "báo", "văn", "đợt")
# A document number: digits, then "-"/"/" separated parts ("57-NQ/TW", "02-KH/BCĐTW").
_DOCNUM = r"\d+[A-Za-zĐđ]*(?:[-/][0-9A-Za-zĐđÀ-ỹ&.]*[0-9A-Za-zĐđÀ-ỹ&])+"
_DATE_SLASH = r"\d{1,2}/\d{1,2}/\d{4}"
_KIND_TAIL = re.compile(r"\s+(?:xã|phường|đặc khu)$", re.I)
# "UBND tỉnh", "Công an huyện": a body of another level, not the commune's agency.
_HIGHER_LEVEL = re.compile(r"\s*(?:tỉnh|huyện|thành phố|thị xã|trung ương|cấp tỉnh|cấp huyện|các cấp)\b", re.I)
_TOKEN_MATCH = re.compile(rf"^(?:{_DATE_SLASH}|{_DOCNUM})$")


@dataclass(frozen=True, slots=True)
class AgencyMention:
    start: int  # character offsets into the text
    end: int
    text: str  # as printed
    canonical: str


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    start: int
    end: int
    text: str  # as printed: "Tối thiểu 70%", "100%", "từ 80% trở lên"
    percent: bool
    op: bool  # a comparator word or symbol is part of the phrase
    number: str  # the digits as printed


@dataclass(frozen=True, slots=True)
class Citation:
    start: int
    end: int
    doc_type: str  # as printed: "Kế hoạch hành động"
    number: Optional[str]  # without inner spaces: "469-KH/TU"
    date_text: Optional[str]  # "15/9/2025", "ngày 22 tháng 12 năm 2024" (without "ngày" for d/m/y)


def _token_norm(text: str) -> str:
    return fold(text) or text


@lru_cache(maxsize=1)
def _registry():
    try:
        from kehoach.normalize.agencies import default_registry
    except ImportError:  # the registry is not there yet
        return None
    return default_registry()


def _agency_aliases() -> dict[str, str]:
    """alias → canonical from the agency registry (each canonical name is its own alias)."""
    try:
        from kehoach.normalize.agencies import default_registry
    except ImportError:  # the registry is not there yet: no agencies are tagged
        return {}
    registry = default_registry()
    aliases = dict(registry.aliases())
    for canonical in set(aliases.values()):
        aliases.setdefault(canonical, canonical)
    # the commune's kind word varies ("Ủy ban MTTQ Việt Nam xã" / "… phường" / "…")
    for alias, canonical in list(aliases.items()):
        m = _KIND_TAIL.search(alias)
        # "Đoàn xã" → "Đoàn" would tag every "đoàn thể": a one-word stem is no name
        if m and len(alias[: m.start()].split()) >= 2:
            stem = alias[: m.start()]
            for variant in (stem, stem + " xã", stem + " phường", stem + " đặc khu"):
                aliases.setdefault(variant, canonical)
    return aliases


def _words_pattern(nlp: Language, phrase: str) -> list[dict]:
    return [{"NORM": t.norm_} for t in nlp.make_doc(phrase)]


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The blank pipeline with the agency EntityRuler; built once per process."""
    nlp = spacy.blank("xx")
    nlp.vocab.lex_attr_getters[NORM] = _token_norm
    prefixes = ["≥", "≤", ">=", "<=", ">", "<", "“", "\""] + list(nlp.Defaults.prefixes)
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.token_match = _TOKEN_MATCH.match
    patterns = [
        {"label": "AGENCY", "pattern": alias, "id": canonical}
        for alias, canonical in sorted(_agency_aliases().items())
        if alias.strip()
    ]
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM", "validate": False})
        ruler.add_patterns(patterns)
    return nlp


@lru_cache(maxsize=1)
def _matchers() -> tuple[Matcher, Matcher]:
    nlp = get_nlp()
    num = {"TEXT": {"REGEX": _NUM}}
    pct = {"TEXT": "%"}
    tail = [{"NORM": "trở"}, {"NORM": "lên"}]
    numbers = Matcher(nlp.vocab)
    for word in _OP_WORDS:
        op = _words_pattern(nlp, word)
        numbers.add("OP_PCT", [op + [num, pct], op + [num, pct] + tail])
        numbers.add("OP_NUM", [op + [num], op + [num] + tail])
    numbers.add("PCT", [[num, pct], [num, pct] + tail])
    numbers.add("ZNUM", [[{"TEXT": {"REGEX": r"^0\d$"}}]])
    # a bare count of things a plan counts: "tổ chức 5 lớp tập huấn", "20 sản phẩm OCOP"
    numbers.add("COUNT", [[num, {"NORM": {"IN": list(_COUNT_NOUNS)}}]])
    # a share of a whole counted in things: "16/16 thôn", "12/14 trường" (not a date "10/10")
    numbers.add("FRACTION", [[{"TEXT": {"REGEX": _FRACTION}}, {"NORM": {"IN": list(_COUNT_NOUNS + _WHOLE_NOUNS)}}]])

    docs = Matcher(nlp.vocab)
    docnum = {"TEXT": {"REGEX": rf"^{_DOCNUM}$"}}
    for doc_type in DOC_TYPES:
        head = _words_pattern(nlp, doc_type)
        docs.add("CITED_DOC", [
            head + [{"NORM": "số"}, {"TEXT": ":", "OP": "?"}, docnum],
            head + [docnum],
            head,
        ])
    docs.add("DATE", [
        [{"TEXT": {"REGEX": rf"^{_DATE_SLASH}$"}}],
        [{"NORM": "ngày"}, {"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"NORM": "tháng"},
         {"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"NORM": "năm"}, {"TEXT": {"REGEX": r"^\d{4}$"}}],
    ])
    return numbers, docs


@lru_cache(maxsize=4096)
def _doc(text: str):
    return get_nlp()(text)


def agency_mentions(text: str) -> list[AgencyMention]:
    """Agencies the registry knows, in order of appearance (longest alias wins)."""
    if not text:
        return []
    doc = _doc(text)
    registry = _registry()
    return [
        AgencyMention(e.start_char, e.end_char, e.text,
                      registry.output_name(e.ent_id_, e.text) if registry and e.ent_id_ else e.text)
        for e in doc.ents
        if e.label_ == "AGENCY" and not _HIGHER_LEVEL.match(text[e.end_char:])
    ]


def agencies_in(text: str) -> list[str]:
    """Canonical names of the agencies a text names, each once, in order."""
    seen: dict[str, None] = {}
    for m in agency_mentions(text):
        seen.setdefault(m.canonical, None)
    return list(seen)


def _longest(spans):
    """Non-overlapping spans, longest first, back in text order."""
    chosen = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if taken.isdisjoint(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def _is_year(number: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", number))


def number_phrases(text: str) -> list[NumberPhrase]:
    """Target-like number phrases: percentages, comparator + number, "01"-style and noun counts.

    Years ("năm 2026"), dates, document numbers and ordinals are not number phrases.
    """
    if not text:
        return []
    doc = _doc(text)
    numbers, _ = _matchers()
    spans = []
    for match_id, start, end in numbers(doc):
        span = doc[start:end]
        span.label_ = doc.vocab.strings[match_id]
        spans.append(span)
    out: list[NumberPhrase] = []
    for span in _longest(spans):
        label = span.label_
        if label == "FRACTION":
            part, whole = (int(x) for x in span[0].text.split("/"))
            if part > whole or whole == 0:
                continue  # "30/4": a date, not a share
            out.append(NumberPhrase(span.start_char, span.end_char, span.text, percent=False, op=False,
                                    number=span[0].text.split("/")[0]))
            continue
        digits = next(t.text for t in span if re.match(_NUM, t.text))
        if label in ("OP_NUM", "COUNT") and _is_year(digits):
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        if label in ("PCT", "ZNUM", "COUNT") and prev is not None and prev.norm_ in _NAMING_WORDS:
            continue
        if label == "COUNT":
            span = span[:-1]  # the number alone; the noun stays in the name
        out.append(NumberPhrase(
            span.start_char, span.end_char, span.text,
            percent=label in ("PCT", "OP_PCT"), op=label.startswith("OP_"), number=digits,
        ))
    return out


def dates_in(text: str) -> list[tuple[int, int, str]]:
    """Dates as printed ("22/12/2024", "ngày 22 tháng 12 năm 2024") with their offsets."""
    if not text:
        return []
    doc = _doc(text)
    _, docs = _matchers()
    found = [doc[s:e] for m, s, e in docs(doc) if doc.vocab.strings[m] == "DATE"]
    return [(s.start_char, s.end_char, s.text) for s in _longest(found)]


def cited_documents(text: str) -> list[Citation]:
    """Documents a text cites, in order, each with its number and the date printed after it."""
    if not text:
        return []
    doc = _doc(text)
    _, docs = _matchers()
    found = [doc[s:e] for m, s, e in docs(doc) if doc.vocab.strings[m] == "CITED_DOC"]
    dates = dates_in(text)
    out: list[Citation] = []
    for span in _longest(found):
        number = None
        head_end = span.end_char
        last = span[-1]
        if re.fullmatch(_DOCNUM, last.text):
            number = last.text
            head_tokens = [t for t in span if t.norm_ not in ("số", ":")][:-1]
            head_end = head_tokens[-1].idx + len(head_tokens[-1].text)
        doc_type = clean(text[span.start_char:head_end]) or ""
        date_text = None
        if number is not None:
            # the date printed right after the number (", ngày 16/5/2025" allowed)
            for ds, de, dt in dates:
                gap = text[span.end_char:ds]
                if ds >= span.end_char and re.fullmatch(r"[\s,]*(?:ngày\s*)?", gap, re.I):
                    date_text = dt
                    break
        out.append(Citation(span.start_char, span.end_char, doc_type, number, date_text))
    return out
