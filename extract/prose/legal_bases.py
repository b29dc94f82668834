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
from kehoach.normalize.text import clean, fold, strip_accents
from kehoach.schema.plan import LegalBasis

__all__ = ["parse_legal_bases", "paragraph_to_legal_basis", "basis_kind", "split_bases"]

_KINDS = (
    ("xét đề nghị", "xet_de_nghi"), ("xét đề xuất", "xet_de_nghi"), ("xét tờ trình", "xet_de_nghi"),
    ("căn cứ", "can_cu"), ("thực hiện", "thuc_hien"),
)
# Where an issuer phrase ends: the subject of the document, the term ("khóa XIII"), or
# punctuation.
_ISSUER_END = re.compile(
    r"\s+(?:về|tại|triển khai|sửa đổi|bổ sung|cập nhật|điều chỉnh|thực hiện|ban hành|quy định|hướng dẫn|"
    r"phê duyệt|thông qua|thí điểm|thành lập|kiện toàn|tăng cường|đẩy mạnh|xây dựng|nâng cao|"
    r"trên địa bàn|đến năm|giai đoạn|nhiệm kỳ|năm \d{4}|kh[óo]a [IVXLC]+)(?=[\s,;.:]|$)|\s*[,;(“\"]|\.(?:\s|$)",
    re.I,
)
_OF = re.compile(r"\bcủa\s+", re.I)
# "số 57 - NQ/TW", "số 57-NQ/ TW" (spaced by the typist or by OCR): read without the spaces
_SPACED_NUMBER = re.compile(r"(\bsố:?\s*)(\d+\s*[-/]\s*[0-9A-Za-zĐđ]+(?:\s*[-/]\s*[0-9A-Za-zĐđ]+)*)", re.I)
# "22-12-2024", "22.12.2024", "22/12/ 2024": read as "22/12/2024"
_LOOSE_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*((?:19|20)\d\d)(?![\w/])")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
# "nǎm" (a caron for the breve, from some fonts' encodings) is "năm"
_BREVE_CARON = str.maketrans({"\u01ce": "ă", "\u01cd": "Ă"})
# a document number after the name of an unnumbered head: "Luật Tổ chức … số 72/2025/QH15"
_NAMED_NUMBER = re.compile(r"\bsố:?\s*(\d+[A-Za-zĐđ]*(?:[-/][0-9A-Za-zĐđÀ-ỹ&.]*[0-9A-Za-zĐđÀ-ỹ&])+)", re.I)


def _work_text(raw: str) -> str:
    """The paragraph as the citation matcher reads it: dashes, spaced numbers and loose
    dates made regular, words glued to a date or number ("12/6/2025của") apart."""
    work = raw.translate(_DASHES).translate(_BREVE_CARON)
    work = re.sub(r"\b(ngày|số:?)(?=\d)", r"\1 ", work, flags=re.I)
    work = _SPACED_NUMBER.sub(lambda m: m.group(1) + re.sub(r"\s+", "", m.group(2)), work)
    work = _LOOSE_DATE.sub(r"\1/\2/\3", work)
    return re.sub(r"(\d{1,2}/\d{1,2}/(?:19|20)\d\d)(?=[^\W\d_])", r"\1 ", work)


def basis_kind(text: str) -> Optional[str]:
    """ "can_cu", "thuc_hien" or "xet_de_nghi" for a paragraph that opens so, else None."""
    t = fold(text).translate(_BREVE_CARON).lstrip("-–+• ")
    for opening, kind in _KINDS:
        if t.startswith(opening + " ") or t == opening:
            return kind
    # OCR's tone slips in the opening words ("Căn cử", "Thực hiên"): compared without accents
    plain = strip_accents(t)
    for opening, kind in (("can cu", "can_cu"), ("thuc hien", "thuc_hien"), ("xet de nghi", "xet_de_nghi")):
        if plain.startswith(opening + " ") and not t.startswith("cần cù"):  # "cần cù": diligent
            return kind
    return None


def _issuer_at(text: str, start: int, stop: int) -> Optional[str]:
    rest = text[start:stop]
    end = _ISSUER_END.search(rest)
    issuer = clean(rest[: end.start()] if end else rest)
    issuer = re.sub(r"\s+(?:và|cùng)$", "", (issuer or "").rstrip(" ;.:,"))
    return issuer or None


def _issuer(text: str, kind: str, cited: Optional[Citation], date_end: Optional[int],
            stop: int) -> Optional[str]:
    """The "của X" phrase: right after the cited document (and its date), else one before it
    ("chỉ đạo của UBND tỉnh tại Công văn số …"); never one of a later cited document."""
    if cited is not None and kind != "xet_de_nghi":
        after = date_end if date_end is not None else cited.end
        m = re.match(r"[\s,]*của\s+", text[after:], re.I)
        if m:
            return _issuer_at(text, after + m.end(), stop)
    if cited is None and kind != "xet_de_nghi":
        return None  # "Căn cứ chức năng, nhiệm vụ của …" cites no document
    if cited is not None and cited.number is None:
        # "Nghị quyết Đại hội đại biểu Đảng bộ xã … lần thứ I, nhiệm kỳ …": the congress issued it
        m = re.match(r"\s+(?=(?:Đại hội|Hội nghị)\s)", text[cited.end:])
        if m:
            return _issuer_at(text, cited.end + m.end(), stop)
    m = _OF.search(text, 0, stop)
    return _issuer_at(text, m.end(), stop) if m else None


def _first_citation(text: str) -> tuple[Optional[Citation], int]:
    """The first cited document, and where the next one starts (the text's end when none).

    A numbered document ("Kế hoạch số 92/KH-UBND"), or an unnumbered one named at the
    paragraph's start ("Căn cứ Luật Tổ chức chính quyền địa phương …")."""
    cites = cited_documents(text)
    candidates = [c for c in cites if c.number or (c.start <= 16 and c.doc_type[:1].isupper())]
    if not candidates:
        return None, len(text)
    first = candidates[0]
    after = [c for c in cites if c.start >= first.end]
    if first.number is None and after and after[0].number and not text[first.end: after[0].start].strip():
        # two type words make one type: "Thông báo kết luận số 12-TB/ĐU", "Văn bản hợp nhất số …"
        nxt = after.pop(0)
        first = Citation(first.start, nxt.end, f"{first.doc_type} {nxt.doc_type}", nxt.number, nxt.date_text)
    later = [c.start for c in after if c.number or c.doc_type[:1].isupper()]
    return first, (later[0] if later else len(text))


def _named_number(text: str, cited: Citation, stop: int) -> tuple[Optional[str], int, str]:
    """ "Luật … số 72/2025/QH15": the number printed after an unnumbered head's name, where
    it ends, and the type as written ("Văn bản hợp nhất số …": lower-case words before "số"
    belong to the type); (None, the head's end, its type) when there is none."""
    segment_end = min([stop, *(i for i in (text.find(";", cited.end),) if i >= 0)])
    m = _NAMED_NUMBER.search(text, cited.end, segment_end)
    if not m:
        return None, cited.end, cited.doc_type
    between = text[cited.end: m.start()].split()
    doc_type = cited.doc_type
    if between and len(between) <= 3 and all(w.islower() for w in between):
        doc_type = " ".join([doc_type, *between])
    return m.group(1), m.end(), doc_type


def paragraph_to_legal_basis(text: str, page: Optional[int] = None) -> Optional[LegalBasis]:
    """One opening paragraph as a `LegalBasis`; None when it is not one."""
    raw = clean(text) or ""
    raw = re.sub(r"^[-–+•]\s*", "", raw)
    kind = basis_kind(raw)
    if kind is None:
        return None
    raw = raw.rstrip(" ;.,")
    work = _work_text(raw)
    cited, stop = _first_citation(work)
    number = re.sub(r"\s+", "", cited.number) if cited and cited.number else None
    date_text, date_end = None, None
    if cited is not None and cited.date_text:
        date_text = cited.date_text
        pos = work.find(cited.date_text, cited.end)
        date_end = pos + len(cited.date_text) if pos >= 0 else None
    elif cited is not None and cited.number is None:
        number, after, doc_type = _named_number(work, cited, stop)
        cited = Citation(cited.start, cited.end, doc_type, None, None)
        found = [d for d in dates_in(work) if after <= d[0] < stop]
        if found and (number is None or re.fullmatch(r"[\s,]*(?:ngày\s*)?", work[after:found[0][0]], re.I)):
            date_text, date_end = found[0][2], found[0][1]
    return LegalBasis(
        kind=kind,
        doc_type=cited.doc_type if cited else None,
        number=number,
        date=parse_vn_date(date_text) if date_text else None,
        issuer=_issuer(work, kind, cited, date_end, stop),
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


# "…năm 2026. Ủy ban nhân dân xã … ban hành Kế hoạch …": the issuing sentence run in; a
# commune body may also "xây dựng" or "triển khai" the plan
_ISSUING = re.compile(
    r"[.;,]\s+(?=[A-ZĐÀ-Ỹ][^.;]*?\bban hành\s+(?:Kế hoạch|kế hoạch)\b"
    r"|(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Đảng ủy|Đảng uỷ|Ban Chỉ đạo|Ban Thường vụ|Thường trực)\s"
    r"[^.;,]*?\b(?:xây dựng|triển khai)\s+(?:Kế hoạch|kế hoạch)\b)")


def split_bases(text: str) -> list[str]:
    """Bases run together into one paragraph ("…2024; Căn cứ Kế hoạch …") apart again,
    without the issuing sentence ("Ủy ban nhân dân xã … ban hành Kế hoạch …") run into the last."""
    parts = [part for part in _NEXT_BASIS.split(clean(text) or "") if part]
    return [_ISSUING.split(part, maxsplit=1)[0] if basis_kind(part) else part for part in parts]
