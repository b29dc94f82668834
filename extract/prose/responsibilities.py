"""Responsibilities: the numbered items of "TỔ CHỨC THỰC HIỆN".

Two styles, told apart by the item itself:

- heading style ("2. Trung tâm Phục vụ hành chính công", then bullets): the item is a
  heading block, or a short line without closing punctuation followed by its content.
  `heading` is its text, `duties` the bullets/paragraphs under it, and `agencies` the
  agencies the heading names (none for "Trách nhiệm chung …");
- paragraph style ("2. Phòng Văn hóa - Xã hội là cơ quan đầu mối, …"): `heading` is the
  whole paragraph, `duties` holds it once, followed by any unnumbered paragraphs or
  bullets up to the next item ("Báo cáo tháng …" under an item ending in ":"), and
  `agencies` are those named by the paragraph's subject, before its verb.

Unnamed agencies are kept as printed ("Ban điều hành 19 thôn"): what a heading or a
subject names besides the registry's agencies, split on ",", ";" and "và" boundaries.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from kehoach.extract.model import Block
from kehoach.extract.prose.nlp import agency_mentions
from kehoach.extract.prose.sections import Marker, as_bullet, depth, is_closing_para, marker, split_sections
from kehoach.normalize.text import clean, fold
from kehoach.schema.plan import Responsibility

__all__ = ["parse_responsibilities", "heading_agencies", "paragraph_agencies", "subject_of", "is_heading_item"]

_GENERAL = ("trách nhiệm chung", "nhiệm vụ chung", "yêu cầu chung", "các nội dung chung")
_REQUEST = re.compile(r"^\s*(?:đề nghị|kính đề nghị|giao|đề nghị các)\s+", re.I)
# A residue that names a body: it opens with one of these words.
# "Tổ chức" opens a body only as "Các tổ chức …" or "Tổ chức chính trị - xã hội"; else it
# is the verb ("Tổ chức sơ kết, tổng kết").
_BODY_HEAD = re.compile(
    r"^(?:(?:các|những)\s+tổ chức|tổ chức\s+(?:chính trị|đoàn thể|hội|xã hội)|"
    r"(?:các\s+|những\s+)?(?:ban|phòng|trung tâm|hội|đoàn|tổ(?!\s+chức)|trạm|trường|ủy ban|uỷ ban|"
    r"văn phòng|công an|đảng ủy|đảng uỷ|chi bộ|bộ phận|công chức|cơ quan|đơn vị|"
    r"hợp tác xã|doanh nghiệp|ngân hàng|bưu điện|quỹ|thôn|ấp|khu phố|tổ dân phố|liên đoàn|"
    r"mặt trận|ubnd|ubmttq|hđnd|hội đồng|cán bộ|lực lượng|thành viên|bưu điện|trưởng|bí thư))\b",
    re.I,
)
# Where a paragraph's subject ends: its first verb (or a clause break).
_VERB = re.compile(
    r"\s(?:là|phải|có trách nhiệm|chịu trách nhiệm|chủ trì|phối hợp|chủ động|căn cứ|"
    r"định kỳ|thường xuyên|phát huy|xây dựng|tổ chức thực hiện|tổ chức|thực hiện|triển khai|"
    r"tham mưu|tăng cường|báo cáo|theo dõi|hướng dẫn|đôn đốc|trực tiếp|rà soát|"
    r"tuyên truyền|vận động|bố trí|đảm bảo|bảo đảm|nghiên cứu|quán triệt|lồng ghép|"
    r"được giao|tập trung|đẩy mạnh|khẩn trương|kịp thời|nâng cao|hỗ trợ|cung cấp|"
    r"giám sát|kiểm tra|tiếp tục|quản lý|ưu tiên|cử)(?=[\s,.;:]|$)|[;:.]",
    re.I,
)
# Words that continue a collective ("Các phòng chuyên môn, các cơ quan, đơn vị cấp xã").
_FILLER = {
    "các", "những", "cơ", "quan", "đơn", "vị", "cấp", "xã", "phường", "ban", "ngành", "đoàn",
    "thể", "có", "liên", "trên", "địa", "bàn", "chuyên", "môn", "trực", "thuộc", "và", "phòng",
}
_SEPARATORS = re.compile(r"^(?:[\s,;&]|và\b|cùng\b|với\b)+|(?:[\s,;&]|\bvà|\bcùng|\bvới)+$", re.I)
_LEAD_CLAUSE = re.compile(r"^(?i:căn cứ)\b[^,]*(?:,[^,]*)*?,\s*(?=các\s|những\s|[A-ZĐ])")


def _split_commas(text: str) -> list[str]:
    """Text cut at the commas that a capitalised body name follows."""
    parts = [""]
    for piece in text.split(","):
        word = piece.strip()
        if parts[-1].strip() and word[:1].isupper() and _BODY_HEAD.match(word):
            parts.append(piece)
        else:
            parts[-1] = f"{parts[-1]},{piece}" if parts[-1] else piece
    return parts


def _split_residue(residue: str) -> list[str]:
    """Bodies in text the tagger did not recognise, split on ";" and " và ": each resolved
    by the registry (OCR slips: "Tố Công nghệ số cộng đồng"), else kept as printed when it
    opens like a body ("Ban điều hành 19 thôn")."""
    out = []
    # "," separates two bodies only before a capitalised one ("Trạm Y tế, Trường THCS"),
    # not inside a collective ("Các thôn, ấp")
    for part in (p for chunk in re.split(r";|\s+và\s+", residue) for p in _split_commas(chunk)):
        part = clean(_SEPARATORS.sub("", part).strip()) or ""
        if not part:
            continue
        resolution = _resolve(part)
        if resolution is not None and resolution.resolved:
            out.append(resolution.canonical)
        elif _BODY_HEAD.match(part):
            out.append(part)
    return out


def _resolve(name: str):
    try:
        return _registry().resolve(name)
    except Exception:  # the registry is data; a broken extension must not stop extraction
        return None


def _only_fillers(name: str) -> bool:
    """ "các cơ quan, đơn vị cấp xã": words that continue a collective, naming no body."""
    words = re.findall(r"\w+", fold(name))
    return bool(words) and all(w in _FILLER for w in words)


def heading_agencies(text: str) -> list[str]:
    """Agencies a heading or subject names: registry matches plus bodies named as printed."""
    text = clean(text) or ""
    if fold(text).startswith(_GENERAL):
        return []
    text = _REQUEST.sub("", text)
    out: list[str] = []
    pos = 0
    mentions = agency_mentions(text)
    for m in mentions:
        out.extend(_split_residue(text[pos:m.start]))
        out.append(m.canonical)
        pos = m.end
    out.extend(_split_residue(text[pos:]))
    if mentions:
        known = {m.canonical for m in mentions}
        out = [name for name in out if name in known or not _only_fillers(name)]
    seen: dict[str, None] = {}
    for name in out:
        if fold(name) not in {fold(s) for s in seen}:
            seen[name] = None
    return list(seen)


def subject_of(paragraph: str) -> str:
    """The subject of a paragraph-style item: the text before its first verb."""
    text = _REQUEST.sub("", clean(paragraph) or "")
    lead = _LEAD_CLAUSE.match(text)
    if lead:  # "Căn cứ mục tiêu, nhiệm vụ của Kế hoạch này, các Phòng … xây dựng …"
        text = text[lead.end():]
    mentions = agency_mentions(text)
    # a registry name may contain a verb-like word ("Trung tâm Phục vụ hành chính công")
    start = 0
    while True:
        m = _VERB.search(text, start)
        if m is None:
            return text
        inside = next((a for a in mentions if a.start <= m.start() < a.end), None)
        if inside is None and m.start() > 0:
            return text[: m.start()]
        start = (inside.end if inside else m.end())


def paragraph_agencies(paragraph: str) -> list[str]:
    """Agencies a paragraph-style item names as its subject.

    The registry's reading of the opening run of agencies ("Các phòng chuyên môn, các cơ
    quan, đơn vị cấp xã, Ban tự quản …" is one collective and one board) comes first;
    the subject before the first verb is the fallback.
    """
    if fold(paragraph).startswith(_GENERAL):
        return []
    try:
        registry = _registry()
        found = registry.find_in_text(paragraph)
        known = set(registry.canonical_names())
    except Exception:  # the registry is data; a broken extension must not stop extraction
        found, known = [], set()
    # a name kept as printed must lie within the subject: a short paragraph read as a
    # heading gives "Ban điều hành các thôn chủ động tuyên truyền", verb and all
    subject = subject_of(paragraph)
    kept = [name for name in found if name in known or fold(name) in fold(subject)]
    named = heading_agencies(subject)
    if kept and len(kept) == len(found) and not _wider(named, kept):
        return kept
    return named or kept


def _wider(names: list[str], than: list[str]) -> bool:
    """Whether `names` holds every one of `than` and more ("Ủy ban MTTQ Việt Nam xã và các
    tổ chức chính trị - xã hội xã" beyond the registry's "Ủy ban MTTQ Việt Nam xã")."""
    folded = {fold(n) for n in names}
    return len(names) > len(than) and all(fold(n) in folded for n in than)


def _registry():
    from kehoach.normalize.agencies import default_registry

    return default_registry()


def is_heading_item(block: Block, following: Optional[Block]) -> bool:
    """A numbered item printed as a heading line rather than as an opening paragraph."""
    if block.kind == "heading":
        return True
    text = (block.text or "").rstrip()
    m = marker(block)
    rest = (m.rest if m else text).rstrip(" :")
    if text.endswith(":") and len(text) <= 90 and subject_of(rest).strip() == rest:
        pass  # "3. Phòng Kinh tế:" then its duties: the line names the unit and nothing else
    elif text.endswith((".", ";", ":", "!", "?")) or len(text) > 160:
        return False
    if following is None or following.kind not in ("para", "bullet"):
        return False
    nxt = marker(following)
    return nxt is None or nxt.level == 3  # its duties, or its "a)" sub-items


_TRAILING_CLOSING = re.compile(r"(?<=[.;!])\s+(?=Trên đây là\b)")


def _without_closing(text: str) -> str:
    """A duty without the plan's closing sentence run into it ("… mạng. Trên đây là Kế hoạch …")."""
    return _TRAILING_CLOSING.split(text, maxsplit=1)[0]


def _entry(block: Block, text: str, following: Optional[Block]) -> tuple[Responsibility, bool]:
    """An item as a `Responsibility`, and whether unnumbered paragraphs below belong to it."""
    if is_heading_item(block, following):
        return Responsibility(heading=text.rstrip(" :"), agencies=heading_agencies(text),
                              duties=[], page=block.page, bbox=list(block.bbox)), True
    # "3. Các phòng … báo cáo … kịp thời và đầy đủ:" then "Báo cáo tháng …"
    return Responsibility(heading=text, agencies=paragraph_agencies(text), duties=[text],
                          page=block.page, bbox=list(block.bbox)), text.rstrip().endswith(":")


def _opens_with_agency(text: str) -> bool:
    """ "Phòng Kinh tế: chủ trì …", "Đề nghị Ủy ban MTTQ Việt Nam xã …": a registry agency first."""
    text = re.sub(r"^(?i:đối với)\s+", "", _REQUEST.sub("", clean(text) or ""))
    mentions = agency_mentions(text)
    return bool(mentions) and mentions[0].start == 0


def _unnumbered(body: list[Block]) -> list[Responsibility]:
    """A section with no numbered items: each block that opens with an agency is an entry
    (a heading line above its bullets, or a paragraph/bullet "Phòng Kinh tế: chủ trì …");
    blocks after it that do not are its duties, as under a numbered item."""
    out: list[Responsibility] = []
    current: Optional[Responsibility] = None
    takes_more = False
    for i, block in enumerate(body):
        if is_closing_para(block):
            continue
        text = clean(block.text) or ""
        if _opens_with_agency(text):
            following = body[i + 1] if i + 1 < len(body) else None
            current, takes_more = _entry(block, text, following)
            out.append(current)
        elif current is not None and (takes_more or block.kind == "bullet"):
            current.duties.append(_without_closing(text))
    return out


def _item_style(m: Optional[Marker]) -> Optional[str]:
    if m is None or m.level == 1:
        return None
    if m.level == 2:
        return "1."
    return "1.1." if m.code[:1].isdigit() and depth(m) == 3 else ("a)" if not m.code[:1].isdigit() else None)


def parse_responsibilities(blocks: Iterable[Block]) -> list[Responsibility]:
    """One `Responsibility` per numbered item of the "TỔ CHỨC THỰC HIỆN" section.

    The items are the section's shallowest numbering: "1." items, else "5.1." items (a
    plan whose sections are numbered "5. TỔ CHỨC THỰC HIỆN"), else lettered "a)" items.
    Under a "1." heading that names no agency and is not a general item ("1. Phân công
    nhiệm vụ" then "a) Phòng Kinh tế", "b) Công an xã …"), the "a)"/"1.1." items that
    name agencies are entries of their own; elsewhere deeper items are duties of the
    item above. A section with no numbered items at all gives one entry per block that
    opens with an agency (see `_unnumbered`).
    """
    out: list[Responsibility] = []
    for section in split_sections(blocks):
        if section.key != "organisation":
            continue
        body = [as_bullet(b) for b in section.blocks if b.kind != "table"]
        styles = {_item_style(marker(b)) for b in body} - {None}
        top = next((st for st in ("1.", "1.1.", "a)") if st in styles), None)
        if top is None:
            out.extend(_unnumbered(body))
            continue
        current: Optional[Responsibility] = None
        container: Optional[Responsibility] = None  # a "1." heading whose lettered items are entries
        takes_more = False  # whether unnumbered paragraphs below belong to the current item
        for i, block in enumerate(body):
            m = marker(block)
            following = body[i + 1] if i + 1 < len(body) else None
            if _item_style(m) == top:
                current, takes_more = _entry(block, m.rest, following)
                out.append(current)
                heading_style = not current.duties
                container = current if top == "1." and heading_style and not current.agencies \
                    and not fold(current.heading).startswith(_GENERAL) else None
                continue
            if m is not None and m.level == 3 and container is not None:
                entry, more = _entry(block, m.rest, following)
                if entry.agencies:
                    if not container.duties and container in out:
                        out.remove(container)  # the heading only groups the agencies' items
                    current, takes_more = entry, more
                    out.append(current)
                    continue
            if current is None or is_closing_para(block):
                continue
            if not takes_more and block.kind != "bullet":
                continue  # a note after a paragraph-style item ("Kế hoạch này được phổ biến …")
            text = _without_closing(clean(block.text) or "")
            if text:
                current.duties.append(text)
    return out
