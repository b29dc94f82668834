"""The body's outline, read from numbering as much as from the extractor's hints.

Scanned pages carry no font information, so a heading may arrive as a plain `para`
with `bold=False` and no level. Every rule here therefore reads the numbering first
("I." level 1, "1." level 2, "1.1." / "a)" level 3) and uses the block kind and level
only to confirm it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from kehoach.extract.model import Block
from kehoach.normalize.text import clean, fold

__all__ = [
    "Marker", "Section", "marker", "split_sections", "section_key", "strip_end",
    "is_closing_para", "as_bullet", "bullet_symbol", "split_run_ons", "depth",
]

_ROMAN = re.compile(r"^\s*(?P<code>[IVXLC]{1,6})\s*(?:[.):]|\s[-–—])\s*(?P<rest>\S.*)$", re.S)
# OCR's slips in a section's Roman number: "HI." for "III.", "Il." for "II.", "lV." for "IV."
_ROMAN_SLIP = re.compile(r"^\s*(?P<code>[IVXHl|]*[Hl|][IVXHl|]*)\s*[.):]\s*(?P<rest>\S.*)$", re.S)
_VALID_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
# "1.1. Xây dựng", and "1.1.Xây dựng" as Word documents often print it (not "2.5%")
_SUB = re.compile(r"^\s*(?P<code>\d{1,2}(?:\.\d{1,2})+)\.?\)?(?:\s+|(?<=[.)])(?=[^\d\s%]))(?P<rest>\S.*)$", re.S)
_NUM = re.compile(r"^\s*(?P<code>\d{1,2})\s*[.)](?:\s+|(?=[^\d\s]))(?P<rest>\S.*)$", re.S)
# "a)", "a/", and "a." when a space follows ("a.Phòng" is not numbering)
_LETTER = re.compile(r"^\s*(?P<code>[a-zđ])\s*(?:[)/]\s*|\.\s+)(?P<rest>\S.*)$", re.S)
_CLOSING = re.compile(
    r"^(?:trên đây là|(?:trong )?quá trình (?:tổ chức )?(?:triển khai|thực hiện)|kế hoạch này (?:được|có hiệu lực)"
    r"|nếu có (?:phát sinh )?(?:khó khăn|vướng mắc))"
)
_CLOSING_BULLET = re.compile(
    r"^(?:trên đây là|(?:trong )?quá trình (?:tổ chức )?(?:triển khai|thực hiện)[^.]*?(?:khó khăn|vướng mắc)"
    r"|nếu có (?:phát sinh )?(?:khó khăn|vướng mắc))"
)
# "Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện Kế hoạch này./."
_CLOSING_ORDER = re.compile(
    r"^(?:yêu cầu|đề nghị|giao)\s+(?:các|thủ trưởng|người đứng đầu|lãnh đạo)\b.*"
    r"(?:nghiêm túc|triển khai thực hiện|tổ chức thực hiện)"
)


@dataclass(frozen=True, slots=True)
class Marker:
    """The numbering a block opens with: level 1 "I.", 2 "1.", 3 "1.1."/"a)"."""

    level: int
    code: str  # "III", "1", "1.1", "a"
    rest: str  # the text after the numbering


def marker(block: Block) -> Optional[Marker]:
    """The block's numbering, or None (bullets and tables have none)."""
    if block.kind not in ("heading", "para"):
        return None
    text = block.text or ""
    m = _ROMAN.match(text)
    if m and (block.kind == "heading" or _mostly_upper(m.group("rest")) or block.level == 1
              or section_key(m.group("rest")) != "other" or _title_like(m.group("rest"))):
        return Marker(1, m.group("code"), clean(m.group("rest")) or "")
    m = _ROMAN_SLIP.match(text)
    if m and len(m.group("code")) <= 5 and _mostly_upper(m.group("rest")) and len(m.group("rest").split()) >= 2:
        code = m.group("code").replace("H", "II").translate(str.maketrans("l|", "II"))
        if _VALID_ROMAN.match(code):
            return Marker(1, code, clean(m.group("rest")) or "")
    m = _SUB.match(text)
    if m:
        return Marker(3, m.group("code"), clean(m.group("rest")) or "")
    m = _NUM.match(text)
    if m:
        return Marker(2, m.group("code"), clean(m.group("rest")) or "")
    m = _LETTER.match(text)
    if m:
        return Marker(3, m.group("code"), clean(m.group("rest")) or "")
    if block.kind == "heading" and block.level == 1 and _mostly_upper(text):
        return Marker(1, "", clean(text) or "")
    return None


def depth(m: Marker) -> int:
    """How deep a numbered marker sits: "I." 1, "1." 2, "1.1." 3, "1.1.1." 4; letters 3."""
    if m.level == 3 and m.code[:1].isdigit():
        return 2 + m.code.count(".")
    return m.level


def _title_like(text: str) -> bool:
    """ "Kinh phí thực hiện": a short capitalised line with no closing punctuation."""
    text = text.strip()
    return text[:1].isupper() and len(text) <= 120 and not text.endswith((".", ";", ","))


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def section_key(title: str) -> str:
    """What a level-1 section is about: tasks, objectives, organisation, purpose, solutions, other.

    Commas and dashes in the title do not matter ("NỘI DUNG, NHIỆM VỤ" = "NỘI DUNG NHIỆM VỤ"),
    nor does a leading "Các"/"Những". A title is keyed by what it opens with: "NHIỆM VỤ VÀ
    GIẢI PHÁP" is a tasks section, "GIẢI PHÁP THỰC HIỆN" a solutions section.
    """
    t = " ".join(re.sub(r"[,;:.\-–—]", " ", fold(title)).split())
    t = re.sub(r"^(?:các|những)\s+", "", t)
    if t.startswith(("nhiệm vụ", "nội dung nhiệm vụ", "nội dung thực hiện", "các nhiệm vụ")):
        return "tasks"
    if t.startswith(("mục tiêu", "chỉ tiêu")):
        return "objectives"
    if t.startswith(("tổ chức thực hiện", "tổ chức triển khai", "phân công", "trách nhiệm thực hiện",
                     "trách nhiệm của các", "trách nhiệm tổ chức")):
        return "organisation"
    if t.startswith(("mục đích", "yêu cầu", "quan điểm")):
        return "purpose"
    if t.startswith("giải pháp"):
        return "solutions"
    return "other"


@dataclass(slots=True)
class Section:
    """A level-1 section: its heading block and everything up to the next one."""

    key: str
    title: str
    code: str
    heading: Optional[Block]
    blocks: list[Block] = field(default_factory=list)


# Where a paragraph run together by the layout holds the start of another one: a numbered
# item ("… trên địa bàn xã. 2. Phòng Văn hóa - Xã hội …"), the plan's closing words, or a
# pointer to an appendix ("… của xã. Nhiệm vụ cụ thể … tại Phụ lục II …").
_RUN_ON = re.compile(
    r"(?<=[.;:])\s+(?="
    r"\d{1,2}(?:\.\d{1,2})*\.\s+[A-ZĐÀ-Ỹ]"
    r"|Trên đây là\b|(?:Trong q|Q)uá trình (?:tổ chức )?(?:triển khai|thực hiện)\b"
    r"|Yêu cầu (?:các|thủ trưởng|người đứng đầu)\b|Kế hoạch này (?:được|có hiệu lực)\b"
    r"|(?:Các |Danh mục )?(?:[Nn]hiệm vụ|[Cc]hỉ tiêu)[^.]{0,80}\b(?:tại|theo) (?:các )?[Pp]hụ lục\b"
    r")"
)


_BARE_MARKER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[a-zđ][.)])\s*$")


def split_run_ons(block: Block) -> list[Block]:
    """A paragraph or bullet cut where another paragraph was run into it (see `_RUN_ON`)."""
    if block.kind not in ("para", "bullet") or not _RUN_ON.search(block.text or ""):
        return [block]
    parts: list[str] = []
    for part in (p for p in _RUN_ON.split(block.text) if p.strip()):
        if parts and _BARE_MARKER.match(parts[-1]):
            parts[-1] = f"{parts[-1].rstrip()} {part.strip()}"  # "2.2. Các nhiệm vụ … tại Phụ lục II"
        else:
            parts.append(part)
    return [Block(block.kind if i == 0 else "para", part.strip(), block.page, block.bbox, block.level,
                  block.bold, block.italic, block.table) for i, part in enumerate(parts)]


def _arabic_heads(blocks: list[Block]) -> set[int]:
    """A plan with no Roman-numbered sections that numbers them "1. MỤC ĐÍCH, YÊU CẦU",
    "3. NHIỆM VỤ …": the ids of those capitalised "N." headings; empty otherwise."""
    marks = [(block, marker(block)) for block in blocks]
    if any(m is not None and m.level == 1 for _, m in marks):
        return set()
    heads = [(block, m) for block, m in marks
             if m is not None and m.level == 2 and len(m.rest) >= 4 and _mostly_upper(m.rest)]
    if len(heads) >= 2 and any(section_key(m.rest) != "other" for _, m in heads):
        return {id(block) for block, _ in heads}
    return set()


def split_sections(blocks: Iterable[Block]) -> list[Section]:
    """The body cut at level-1 headings; what precedes the first is key "preamble".
    Capitalised "1." headings stand for level 1 in a plan that has no "I." ones.

    Outside the preamble, paragraphs the layout ran together are cut apart first.
    """
    blocks = list(blocks)
    arabic = _arabic_heads(blocks)
    sections = [Section("preamble", "", "", None)]
    for block in _unrun(blocks, sections):
        m = marker(block)
        if m is not None and (m.level == 1 or id(block) in arabic):
            sections.append(Section(section_key(m.rest), m.rest, m.code, block))
        else:
            sections[-1].blocks.append(block)
    return sections


def strip_end(text: str, chars: str = ";.") -> str:
    """Text without trailing punctuation from `chars` (and whitespace)."""
    return (text or "").rstrip().rstrip(chars).rstrip()


def is_closing_para(block: Block) -> bool:
    """ "Trên đây là Kế hoạch …", "Trong quá trình triển khai …", "Yêu cầu các cơ quan …
    nghiêm túc triển khai thực hiện Kế hoạch này./.": the plan's closing words.

    A bullet is closing words only in their plainest forms ("- Trên đây là …", "- Trong
    quá trình thực hiện, nếu có khó khăn, vướng mắc …"): other bullets that open "Trong
    quá trình …" are duties."""
    if block.kind == "bullet":
        return bool(_CLOSING_BULLET.match(fold(block.text)))
    if block.kind != "para":
        return False
    text = fold(block.text)
    if _CLOSING.match(text):
        return True
    return bool(_CLOSING_ORDER.match(text)) and ("kế hoạch" in text or text.endswith("./."))


_DASH_LEAD = re.compile(r"^\s*([-–—+•∙*])\s+(?=\S)")
_SYMBOLS = {"–": "-", "—": "-", "∙": "•"}


def bullet_symbol(block: Block) -> Optional[str]:
    """The bullet's symbol: "-", "+", "•" or "*" as printed at the start of a paragraph;
    "-" for a block the extractor made a bullet (it strips the symbol); None otherwise."""
    if block.kind == "bullet":
        return "-"
    m = _DASH_LEAD.match(block.text or "") if block.kind == "para" else None
    return _SYMBOLS.get(m.group(1), m.group(1)) if m else None


def as_bullet(block: Block) -> Block:
    """A paragraph printed with a leading "- ", "– ", "+ ", "•" or "* " as the bullet it is."""
    if block.kind == "para" and _DASH_LEAD.match(block.text or ""):
        return Block("bullet", _DASH_LEAD.sub("", block.text, count=1), block.page, block.bbox,
                     block.level, block.bold, block.italic, block.table)
    return block


def _unrun(blocks: Iterable[Block], sections: list[Section]) -> Iterable[Block]:
    for block in blocks:
        if len(sections) == 1:  # the preamble's bases are split by the legal-basis parser
            yield block
        else:
            yield from split_run_ons(block)
