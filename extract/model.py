"""The extractor's plain data: one page representation for the text layer and OCR alike.

Coordinates are PDF points with the origin at the page's top-left (as PyMuPDF and
pdfplumber report them): x grows right, y grows down. `bbox` is (x0, top, x1, bottom).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Word:
    """One word as read from the text layer or by OCR."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool = False
    italic: bool = False
    size: float = 0.0
    #: OCR confidence 0..100; None for words from a text layer.
    conf: Optional[float] = None

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Ruling:
    """A ruled line segment (a table border), horizontal or vertical."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(slots=True)
class Page:
    """Everything downstream stages need of one page, whatever produced it."""

    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    rulings: list[Ruling]
    #: True when the words came from OCR of the page image.
    ocr: bool = False
    #: Why the page was OCR'd, or a warning about its text layer.
    note: Optional[str] = None


@dataclass(slots=True)
class Line:
    """Words on one baseline, outside any table, in reading order."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool
    italic: bool
    size: float

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


BlockKind = Literal["heading", "para", "bullet", "table"]


@dataclass(slots=True)
class Block:
    """A unit of the body in reading order, as in doc-model/1.

    heading: a bold line (level 1 "I. ...", level 2 "1. ...", level 3 "1.1. ..."/"a) ...");
    para: a paragraph (numbered prose items "1.1. ..." are paras that start with the number);
    bullet: a paragraph that began with "- " (the text excludes the "- ");
    table: a reference to `RawDocument.tables[table]`.
    `bold` is a hint only: OCR'd pages carry no font information.
    """

    kind: BlockKind
    text: str
    page: int
    bbox: BBox
    level: Optional[int] = None
    bold: bool = False
    italic: bool = False
    table: Optional[int] = None


@dataclass(slots=True)
class RawRow:
    """One logical table row after stitching pages: one text per column."""

    cells: list[str]
    page: int
    bbox: BBox
    #: Set on a group row ("I", "Đến năm 2030"): the text spans the columns after STT.
    group: Optional[tuple[str, str]] = None
    #: Lowest OCR confidence of the row's words, when OCR'd.
    min_conf: Optional[float] = None
    #: Pages the row runs over (more than one when a page break cuts it).
    pages: tuple[int, ...] = ()


TableKind = Literal["indicators", "tasks", "unknown"]


@dataclass(slots=True)
class RawTable:
    """One logical table, stitched across pages, header rows removed from the body."""

    header: list[list[str]]
    #: One name per column: the header text, joined over a two-row header ("Phấn đấu … / Năm 2030").
    columns: list[str]
    #: One role per column from data/header_synonyms.json ("ordinal", "name", "unit",
    #: "target", "lead", "partners", "output", "deadline", "note", ...); None when unmapped.
    roles: list[Optional[str]]
    rows: list[RawRow]
    pages: list[int]
    kind: TableKind = "unknown"
    #: Year of each column for multi-year target tables ("Năm 2030" -> 2030), else None.
    years: list[Optional[int]] = field(default_factory=list)
    #: Text just above the table on its first page (appendix title lines), for classification.
    caption: str = ""


@dataclass(slots=True)
class HeaderBlock:
    """The two-column header block and title of the first page, as printed."""

    issuer_lines: list[str] = field(default_factory=list)
    number_line: Optional[str] = None
    place_date_line: Optional[str] = None
    title_lines: list[str] = field(default_factory=list)  # the subject under "KẾ HOẠCH"
    doc_type_line: Optional[str] = None  # "KẾ HOẠCH"


@dataclass(slots=True)
class Closing:
    """Signature block and "Nơi nhận" list."""

    recipients: list[str] = field(default_factory=list)
    authority: Optional[str] = None
    position: Optional[str] = None
    name: Optional[str] = None
    page: Optional[int] = None


@dataclass(slots=True)
class RawDocument:
    """What the extract stage hands to normalization: plain strings with provenance."""

    path: str
    pages: int
    header: HeaderBlock
    blocks: list[Block]
    tables: list[RawTable]
    closing: Closing
    #: Appendix notes "(Kèm theo Kế hoạch số … /2025 …)", for the year when the header has none.
    appendix_notes: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    #: (code, message, page, bbox) warnings found while extracting.
    warnings: list[tuple[str, str, Optional[int], Optional[BBox]]] = field(default_factory=list)
