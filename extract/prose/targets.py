"""Numeric targets stated in the prose of the objectives section ("II. MỤC TIÊU").

Only for plans without an indicator table (the integrator decides). Every clause of the
section that carries a number phrase — a paragraph or bullet split on ";" and at
sentence ends — becomes one `Indicator` (source "prose"): `name` the clause as printed
without its trailing ";"/".", one target whose `raw` is the number phrase ("Tối thiểu
70%", "100%", "từ 80% trở lên") typed by `normalize.targets.parse_target`. The year
comes from the clause ("đến năm 2030"), else from the heading or lead-in line above it
("Mục tiêu cụ thể đến cuối năm 2026", "Phấn đấu đến năm 2030:"), else from the section
title, else — for a one-year plan only — the single year its title or headings name.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from kehoach.extract.model import Block
from kehoach.extract.prose.nlp import NumberPhrase, number_phrases
from kehoach.extract.prose.sections import Section, as_bullet, is_closing_para, marker, split_sections, strip_end
from kehoach.normalize.targets import parse_target
from kehoach.normalize.text import clean, fold
from kehoach.schema.plan import Indicator

__all__ = ["parse_prose_targets", "split_clauses", "year_of", "target_phrase", "one_year_of"]

_YEAR = re.compile(
    r"(?:(?:đến|tới|hết|cuối|trong|vào|của)\s+)*(?:(?:cuối|hết)\s+)?(?:năm|giai đoạn)\s+"
    r"(?P<y1>(?:19|20)\d\d)(?:\s*[-–—]\s*(?P<y2>(?:19|20)\d\d))?",
    re.I,
)
_LEAD_WORDS = re.compile(r"^(?:phấn đấu\s+)?(?:đạt được\s+|đạt\s+)?(?=\S)", re.I)


def year_of(text: str) -> Optional[int]:
    """The horizon a text names: "đến năm 2030" → 2030, "giai đoạn 2026-2030" → 2030."""
    m = _YEAR.search(text or "")
    if not m:
        return None
    return int(m.group("y2") or m.group("y1"))


def split_clauses(text: str) -> list[str]:
    """A paragraph's clauses: split on ";" and at sentence ends, never inside brackets."""
    text = clean(text) or ""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == ";" or (ch == "." and re.match(r"\.\s+[A-ZĐÀ-Ỹ]", text[i:i + 3]))):
            parts.append(text[start:i + 1])
            start = i + 1
    parts.append(text[start:])
    return [p for p in (strip_end(p.strip()) for p in parts) if p]


def target_phrase(clause: str) -> Optional[NumberPhrase]:
    """The clause's target: its first percentage, else comparator + number, else "01"-count."""
    phrases = number_phrases(clause)
    for wanted in (lambda p: p.percent, lambda p: p.op, lambda p: True):
        for p in phrases:
            if wanted(p):
                return p
    return None


def _raw(phrase: NumberPhrase) -> str:
    """The phrase without a leading "phấn đấu"/"đạt" that adds nothing to the comparator."""
    text = phrase.text
    stripped = _LEAD_WORDS.sub("", text, count=1)
    return stripped if re.match(r"[\d≥≤<>]|từ|tối|ít|không|trên|dưới|hơn", stripped, re.I) else text


_OBJECTIVE_SUB = ("mục tiêu", "chỉ tiêu", "các chỉ tiêu", "các mục tiêu")


_NOT_OBJECTIVES = ("nhiệm vụ", "các nhiệm vụ", "giải pháp", "các giải pháp", "tổ chức thực hiện")


def _without_parts(blocks: list[Block], titles: tuple[str, ...]) -> Iterable[Block]:
    """The blocks without the "2. Nhiệm vụ …" parts of a combined "MỤC TIÊU, NHIỆM VỤ" section."""
    skipping = False
    for block in blocks:
        m = marker(block)
        if m is not None and m.level == 2:
            skipping = fold(m.rest).startswith(titles)
        if not skipping:
            yield block


def _objective_parts(sections: list[Section]) -> Iterable[tuple[str, list[Block]]]:
    """The objectives: whole "MỤC TIÊU" sections, else "Mục tiêu …" sub-sections of others.

    A plan headed "I. QUAN ĐIỂM, MỤC TIÊU" states its objectives under "2. Mục tiêu";
    tasks, solutions and organisation sections are never searched.
    """
    whole = [s for s in sections if s.key == "objectives"]
    if whole:
        for s in whole:
            yield s.title, list(_without_parts(s.blocks, _NOT_OBJECTIVES))
        return
    for s in sections:
        if s.key in ("tasks", "solutions", "organisation", "preamble"):
            continue
        part: list[Block] | None = None
        title = ""
        for block in s.blocks:
            m = marker(block)
            if m is not None and m.level == 2:
                if part:
                    yield title, part
                wanted = fold(m.rest).startswith(_OBJECTIVE_SUB)
                part, title = ([block] if wanted else None), m.rest
            elif part is not None:
                part.append(block)
        if part:
            yield title, part


_LEAD_IN = re.compile(r"^(?:phấn đấu|đến|tới|trong|năm|giai đoạn|mục tiêu|chỉ tiêu|cụ thể|các chỉ tiêu|một số chỉ tiêu|về|đối với|lĩnh vực)\b")


def _lead_in(text: str) -> tuple[str, str]:
    """A short lead-in before ":" that states no target ("Phấn đấu đến năm 2030: …"), and
    the text after it; ("", text) when there is none. The lead-in is context (its year
    applies to every clause after it), not part of a clause's name."""
    lead, sep, rest = text.partition(":")
    if sep and rest.strip() and len(lead.split()) <= 15 and _LEAD_IN.match(fold(lead)) \
            and not number_phrases(lead) and number_phrases(rest):
        return lead, rest.strip()
    return "", text


_MULTI_YEAR = re.compile(r"giai đoạn|đến năm|tầm nhìn|(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d", re.I)
_SINGLE_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.I)


def one_year_of(texts: Iterable[str]) -> Optional[int]:
    """The year of a one-year plan: the single year its title/headings name ("… năm 2026");
    None when they name a period ("giai đoạn 2026-2030", "đến năm 2030") or no year."""
    years: set[int] = set()
    for text in texts:
        if _MULTI_YEAR.search(text or ""):
            return None
        years.update(int(y) for y in _SINGLE_YEAR.findall(text or ""))
    return years.pop() if len(years) == 1 else None


def _plan_texts(sections: list[Section]) -> list[str]:
    """Where a plan says what period it covers: the issuing sentence and the section titles."""
    texts = [s.title for s in sections if s.key != "preamble"]
    for block in sections[0].blocks:
        if "ban hành" in fold(block.text) and "kế hoạch" in fold(block.text):
            texts.append(block.text)
    return texts


def parse_prose_targets(blocks: Iterable[Block], issue_year: Optional[int] = None,
                        title: Optional[str] = None) -> list[Indicator]:
    """One prose `Indicator` per numeric clause of the objectives section(s).

    A clause with no horizon of its own, under headings with none, gets the plan's year
    only when the plan is a one-year plan: its `title` (when given) or else its issuing
    sentence and section titles name a single year ("… năm 2026"); a multi-year plan leaves
    the year null. `issue_year` is accepted for callers but not needed: a plan issued in
    December 2025 for 2026, or a five-year plan, both have an issue year that is not the
    horizon, so the year is read from the text.
    """
    blocks = list(blocks)
    sections = split_sections(blocks)
    plan_year = one_year_of([title] if title else _plan_texts(sections))
    out: list[Indicator] = []
    for title_, section_blocks in _objective_parts(sections):
        section_year = year_of(title_)
        # the horizon of the level-2 and level-3 sub-headings above the current block
        years: dict[int, Optional[int]] = {2: None, 3: None}
        lead_year: Optional[int] = None
        for block in map(as_bullet, section_blocks):
            if block.kind == "table" or is_closing_para(block):
                continue
            m = marker(block)
            text = m.rest if m is not None else (clean(block.text) or "")
            if m is not None and m.level in (2, 3) and (block.kind == "heading" or not number_phrases(text)):
                years[m.level] = year_of(text)
                if m.level == 2:
                    years[3] = None
                lead_year = None
                continue
            context_year = lead_year or years[3] or years[2]
            lead, rest = _lead_in(text)
            if lead:  # "Phấn đấu đến năm 2030: 100% hồ sơ …; ít nhất 02 mô hình …"
                context_year = year_of(lead) or context_year
                text = rest
            clauses = split_clauses(text)
            found = False
            for clause in clauses:
                phrase = target_phrase(clause)
                if phrase is None:
                    continue
                found = True
                year = year_of(clause) or context_year or section_year or plan_year
                target, warnings = parse_target(_raw(phrase), None, year)
                indicator = Indicator(
                    source="prose", group=None, ordinal="", name=clause, unit=None,
                    lead_raw=None, lead=[], targets=[target], page=block.page, bbox=block.bbox,
                )
                if warnings:
                    indicator.warnings = warnings
                out.append(indicator)
            if not found and text.rstrip().endswith(":") and year_of(text):
                lead_year = year_of(text)  # "Phấn đấu đến năm 2030, đạt các chỉ tiêu sau:"
    return out
