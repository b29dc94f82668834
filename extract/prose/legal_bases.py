"""The legal bases: the opening "Căn cứ …", "Thực hiện …", "Xét đề nghị …" paragraphs.

One `LegalBasis` per paragraph before the first level-1 heading. The cited document is
found by the spaCy matcher of `nlp.py` (document type, number, date); the issuer is the
"của …" phrase that follows it, as written ("UBND tỉnh Đồng Nai" stays abbreviated).
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from kehoach.extract.model import Block
from kehoach.extract.prose.nlp import Citation, cited_documents, dates_in
from kehoach.extract.prose.sections import split_sections
from kehoach.normalize.dates import parse_vn_date
from kehoach.normalize.text import clean, fold
from kehoach.schema.plan import LegalBasis

__all__ = ["parse_legal_bases", "paragraph_to_legal_basis", "basis_kind", "split_bases"]

_KINDS = (
    ("xét đề nghị", "xet_de_nghi"), ("xét đề xuất", "xet_de_nghi"), ("xét tờ trình", "xet_de_nghi"),
    ("căn cứ", "can_cu"), ("thực hiện", "thuc_hien"),
)
# Where an issuer phrase ends: the subject of the document, or punctuation.
_ISSUER_END = re.compile(
    r"\s+(?:về|tại|triển khai|sửa đổi|thực hiện|ban hành|quy định|hướng dẫn|phê duyệt|"
    r"thông qua|trên địa bàn|đến năm|giai đoạn|năm \d{4})(?=[\s,;.:]|$)|\s*[,;(“\"]|\.(?:\s|$)",
    re.I,
)
_OF = re.compile(r"\bcủa\s+", re.I)
# "số 57 - NQ/TW", "số 57-NQ/ TW" (spaced by the typist or by OCR): read without the spaces
_SPACED_NUMBER = re.compile(r"(\bsố:?\s*)(\d+\s*[-/]\s*[0-9A-Za-zĐđ]+(?:\s*[-/]\s*[0-9A-Za-zĐđ]+)*)", re.I)


def basis_kind(text: str) -> Optional[str]:
    """ "can_cu", "thuc_hien" or "xet_de_nghi" for a paragraph that opens so, else None."""
    t = fold(text).lstrip("-–+• ")
    for opening, kind in _KINDS:
        if t.startswith(opening + " ") or t == opening:
            return kind
    return None


def _issuer_at(text: str, start: int) -> Optional[str]:
    rest = text[start:]
    end = _ISSUER_END.search(rest)
    issuer = clean(rest[: end.start()] if end else rest)
    issuer = (issuer or "").rstrip(" ;.:")
    return issuer or None


def _issuer(text: str, kind: str, cited: Optional[Citation], date_end: Optional[int]) -> Optional[str]:
    """The "của X" phrase: right after the cited document (and its date), else the first one."""
    if cited is not None and kind != "xet_de_nghi":
        after = date_end if date_end is not None else cited.end
        m = re.match(r"[\s,]*của\s+", text[after:], re.I)
        if m:
            return _issuer_at(text, after + m.end())
    if cited is None and kind != "xet_de_nghi":
        return None  # "Căn cứ chức năng, nhiệm vụ của …" cites no document
    m = _OF.search(text)
    return _issuer_at(text, m.end()) if m else None


def _first_citation(text: str) -> Optional[Citation]:
    cites = cited_documents(text)
    numbered = [c for c in cites if c.number]
    if numbered:
        return numbered[0]
    # "Căn cứ Luật Tổ chức chính quyền địa phương …": an unnumbered document named first
    return next((c for c in cites if c.start <= 16 and c.doc_type[:1].isupper()), None)


def paragraph_to_legal_basis(text: str, page: Optional[int] = None) -> Optional[LegalBasis]:
    """One opening paragraph as a `LegalBasis`; None when it is not one."""
    raw = clean(text) or ""
    raw = re.sub(r"^[-–+•]\s*", "", raw)
    kind = basis_kind(raw)
    if kind is None:
        return None
    raw = raw.rstrip(" ;.")
    work = _SPACED_NUMBER.sub(lambda m: m.group(1) + re.sub(r"\s+", "", m.group(2)), raw)
    cited = _first_citation(work)
    date_text, date_end = None, None
    if cited is not None and cited.date_text:
        date_text = cited.date_text
        pos = work.find(cited.date_text, cited.end)
        date_end = pos + len(cited.date_text) if pos >= 0 else None
    elif cited is not None and cited.number is None:
        found = [d for d in dates_in(work) if d[0] >= cited.end]
        if found:
            date_text, date_end = found[0][2], found[0][1]
    return LegalBasis(
        kind=kind,
        doc_type=cited.doc_type if cited else None,
        number=re.sub(r"\s+", "", cited.number) if cited and cited.number else None,
        date=parse_vn_date(date_text) if date_text else None,
        issuer=_issuer(work, kind, cited, date_end),
        raw=raw,
        page=page,
    )


def parse_legal_bases(blocks: Iterable[Block]) -> list[LegalBasis]:
    """The legal bases in order: opening paragraphs before the first level-1 heading."""
    preamble = split_sections(blocks)[0].blocks
    out: list[LegalBasis] = []
    for block in preamble:
        if block.kind not in ("para", "bullet"):
            continue
        for text in split_bases(block.text):
            basis = paragraph_to_legal_basis(text, block.page)
            if basis is not None:
                basis.bbox = block.bbox
                out.append(basis)
    return out


_NEXT_BASIS = re.compile(r"(?<=[;,.])\s+(?=(?:Căn cứ|Thực hiện|Xét đề nghị|Xét đề xuất)\s)")


# "…năm 2026. Ủy ban nhân dân xã … ban hành Kế hoạch …": the issuing sentence run in
_ISSUING = re.compile(r"[.;,]\s+(?=[A-ZĐÀ-Ỹ][^.;]*?\bban hành\s+(?:Kế hoạch|kế hoạch)\b)")


def split_bases(text: str) -> list[str]:
    """Bases run together into one paragraph ("…2024; Căn cứ Kế hoạch …") apart again,
    without the issuing sentence ("Ủy ban nhân dân xã … ban hành Kế hoạch …") run into the last."""
    parts = [part for part in _NEXT_BASIS.split(clean(text) or "") if part]
    return [_ISSUING.split(part, maxsplit=1)[0] if basis_kind(part) else part for part in parts]
