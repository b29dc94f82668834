"""Build ReportLab-drawn sample PDFs (styles "r1", "r2", ...) and their page-filled golds.

    python tools/build_reportlab.py                      # the committed styles, every doc-model
    python tools/build_reportlab.py --only 001_duc_an --style r2
    python tools/build_reportlab.py --style r4 --out /tmp/r4   # any style, anywhere

A third renderer of the doc-models, independent of Word/LibreOffice (build_samples.py)
and Chromium (build_chromium.py), with other habits: a sans-serif font (DejaVu), other
margins and sizes, tables drawn by ReportLab's LongTable whose header rows repeat on
every page and whose rows split across pages (`splitInRow`), and table rules that real
plans draw in many ways:

- `r1`: full grid; header row shaded with a filled rectangle; the outer border thicker
  and drawn as filled rectangles; page number at the bottom centre;
- `r2`: horizontal rules only (no vertical line anywhere, heavier top and bottom
  rules, as a "booktabs" table); page number at the top right;
- `r3`: an outer box and horizontal rules (no inner vertical lines), header shaded,
  every rule a filled rectangle; "Trang N" at the bottom right;
- `r4` (not committed): full grid whose outer border is a 3 pt filled rectangle;
- `r5` (not committed): no rules at all but a shaded header, a rule under it and
  one under the table;
- `r6` (not committed): outer box and horizontal rules, header cells not bold;
- `r7` (not committed): horizontal rules only, shaded header, rows split across pages;
- `r8` (not committed): horizontal rules only, header rows not repeated.

The gold is samples/docmodel/<stem>.plan.json with its pages located in the PDF
(gold_pages.fill_pages), page numbers left out of the located text.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.sax.saxutils import escape

from gold_pages import LocateError, fill_pages
from pdf_text import words_to_stream

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DOCMODEL_DIR = SAMPLES / "docmodel"
PDF_DIR = SAMPLES / "pdf"
GOLD_DIR = SAMPLES / "gold"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


class BuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class RStyle:
    """How one ReportLab style lays a plan out. Lengths in points."""

    name: str
    font: str = "DejaVuSans"  # a family registered by `register_fonts`
    body_pt: float = 11.0
    table_pt: float = 9.5
    leading: float = 1.25  # line height / font size
    portrait_margins: tuple[float, float, float, float] = (70.0, 45.0, 55.0, 55.0)  # left, right, top, bottom
    landscape_margins: tuple[float, float, float, float] = (45.0, 40.0, 50.0, 45.0)
    indent: float = 28.0  # first-line indent of body paragraphs
    para_space: float = 4.0
    #: "grid" (every line), "hrules" (horizontal lines only), "box_hrules" (outer box +
    #: horizontal lines), "bare" (only a rule under the header and one under the table).
    borders: str = "grid"
    rule_pt: float = 0.5
    outer_pt: float = 0.5
    #: Which rules are drawn as filled rectangles instead of stroked lines: "", "outer", "all".
    filled_rules: str = ""
    header_fill: str | None = None  # a colour for the header rows' background
    page_number: str = "bottom"  # "bottom" (centre), "top_right", "trang" ("Trang N", bottom right), ""
    #: Rows break across pages (ReportLab splitInRow first), else only between rows.
    split_in_row: bool = True
    padding: float = 3.0
    header_bold: bool = True
    repeat_header: bool = True


STYLES: dict[str, RStyle] = {
    "r1": RStyle("r1", header_fill="#d9d9d9", outer_pt=1.5, filled_rules="outer"),
    "r2": RStyle("r2", font="DejaVuSansCondensed", body_pt=12.0, table_pt=9.5, leading=1.2,
                 portrait_margins=(80.0, 50.0, 65.0, 60.0), landscape_margins=(60.0, 55.0, 60.0, 50.0),
                 indent=36.0, borders="hrules", rule_pt=0.4, outer_pt=1.2, page_number="top_right", padding=4.0,
                 split_in_row=False),
    "r3": RStyle("r3", font="DejaVuSerifCondensed", body_pt=11.5, table_pt=10.0, leading=1.3,
                 portrait_margins=(62.0, 40.0, 48.0, 50.0), landscape_margins=(40.0, 36.0, 42.0, 40.0),
                 borders="box_hrules", rule_pt=0.6, outer_pt=1.0, filled_rules="all", header_fill="#c6d9f1",
                 page_number="trang"),
    "r4": RStyle("r4", body_pt=10.5, table_pt=9.0, outer_pt=3.0, filled_rules="outer"),
    "r5": RStyle("r5", borders="bare", header_fill="#e0e0e0", outer_pt=1.0),
    "r6": RStyle("r6", font="DejaVuSerifCondensed", body_pt=12.0, table_pt=10.0, borders="box_hrules",
                 header_bold=False, split_in_row=False, page_number="top_right"),
    "r7": RStyle("r7", font="DejaVuSansCondensed", body_pt=11.0, table_pt=9.0, borders="hrules", rule_pt=0.3,
                 outer_pt=0.8, header_fill="#eeeeee", padding=2.5),
    "r8": RStyle("r8", borders="hrules", repeat_header=False, split_in_row=False),
}
#: The styles committed under samples/ (the others are for trying the extractor out).
COMMITTED = ("r1", "r2", "r3")

FAMILIES = {
    "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    "DejaVuSansCondensed": ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Oblique",
                            "DejaVuSansCondensed-BoldOblique"),
    "DejaVuSerifCondensed": ("DejaVuSerifCondensed", "DejaVuSerifCondensed-Bold", "DejaVuSerifCondensed-Italic",
                             "DejaVuSerifCondensed-BoldItalic"),
}


def register_fonts(family: str) -> None:
    """Register a DejaVu family (regular, bold, italic, bold italic) with ReportLab."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if family in pdfmetrics.getRegisteredFontNames():
        return
    files = FAMILIES[family]
    for name in files:
        path = FONT_DIR / f"{name}.ttf"
        if not path.exists():
            raise BuildError(f"font {path} not found (apt-get install fonts-dejavu-core fonts-dejavu-extra)")
        pdfmetrics.registerFont(TTFont(name if name != files[0] else family, str(path)))
    regular, bold, italic, bold_italic = family, *files[1:]
    for b, i, face in ((0, 0, regular), (1, 0, bold), (0, 1, italic), (1, 1, bold_italic)):
        addMapping(family, b, i, face)


# ---------------------------------------------------------------- table rules


def ruled_table_class(filled: str):
    """A LongTable whose rules (all, or only the outer border) are painted as filled
    rectangles, the way Word exports cell borders; a class, since ReportLab makes the
    parts of a split table with `self.__class__`."""
    from reportlab.platypus import FrameBreak, LongTable

    class RuledTable(LongTable):
        FILLED = filled

        def split(self, availWidth, availHeight):
            # ReportLab may lay the rest of a split table out in the space left on the
            # same page (a second header mid-page): the rest starts a new page.
            parts = LongTable.split(self, availWidth, availHeight)
            return [parts[0], FrameBreak(), *parts[1:]] if len(parts) == 2 else parts

        def _drawLines(self):
            if not self.FILLED:
                return LongTable._drawLines(self)
            canv = self.canv
            weight = [0.5]
            prep = self._prepLine

            def prep_line(w, color):
                if w:
                    weight[0] = w
                if color:
                    canv.setFillColor(color)
                prep(w, color)

            xs, ys = self._colpositions, self._rowpositions
            outer_x, outer_y = (xs[0], xs[-1]), (ys[0], ys[-1])
            stroke = canv.line

            def line(x0, y0, x1, y1):
                w = weight[0]
                on_edge = (x0 == x1 and x0 in outer_x) or (y0 == y1 and y0 in outer_y)
                if self.FILLED != "all" and not on_edge:
                    stroke(x0, y0, x1, y1)
                elif y0 == y1:
                    canv.rect(min(x0, x1) - w / 2, y0 - w / 2, abs(x1 - x0) + w, w, stroke=0, fill=1)
                else:
                    canv.rect(x0 - w / 2, min(y0, y1) - w / 2, w, abs(y1 - y0) + w, stroke=0, fill=1)

            canv.line = line
            self._prepLine = prep_line
            try:
                LongTable._drawLines(self)
            finally:
                del canv.line
                del self._prepLine

    return RuledTable


def rule_commands(style: RStyle, nrows: int, nheader: int) -> list[tuple]:
    """TableStyle line commands for the style's border kind."""
    from reportlab.lib import colors

    black = colors.black
    last = nrows - 1
    if style.borders == "grid":
        return [("INNERGRID", (0, 0), (-1, -1), style.rule_pt, black),
                ("BOX", (0, 0), (-1, -1), style.outer_pt, black)]
    if style.borders == "hrules":
        return [("LINEBELOW", (0, 0), (-1, last), style.rule_pt, black),
                ("LINEABOVE", (0, 0), (-1, 0), style.outer_pt, black),
                ("LINEBELOW", (0, nheader - 1), (-1, nheader - 1), style.outer_pt * 0.75, black),
                ("LINEBELOW", (0, last), (-1, last), style.outer_pt, black)]
    if style.borders == "box_hrules":
        return [("LINEBELOW", (0, 0), (-1, last), style.rule_pt, black),
                ("BOX", (0, 0), (-1, -1), style.outer_pt, black)]
    if style.borders == "bare":
        return [("LINEBELOW", (0, nheader - 1), (-1, nheader - 1), style.outer_pt, black),
                ("LINEBELOW", (0, last), (-1, last), style.outer_pt, black)]
    raise ValueError(f"unknown border kind {style.borders!r}")


# ---------------------------------------------------------------- paragraphs


@dataclass
class Styles:
    """ReportLab ParagraphStyles of one RStyle."""

    s: RStyle
    para: object = None
    by_name: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
        from reportlab.lib.styles import ParagraphStyle

        s = self.s
        base = ParagraphStyle("base", fontName=s.font, fontSize=s.body_pt, leading=s.body_pt * s.leading)
        tp = s.table_pt
        self.by_name = {
            "para": ParagraphStyle("para", base, alignment=TA_JUSTIFY, firstLineIndent=s.indent,
                                   spaceAfter=s.para_space),
            "heading": ParagraphStyle("heading", base, alignment=TA_JUSTIFY, firstLineIndent=s.indent,
                                      spaceAfter=s.para_space, spaceBefore=2),
            "center": ParagraphStyle("center", base, alignment=TA_CENTER),
            "title": ParagraphStyle("title", base, alignment=TA_CENTER, fontSize=s.body_pt + 2,
                                    leading=(s.body_pt + 2) * s.leading, spaceBefore=16),
            "subject": ParagraphStyle("subject", base, alignment=TA_CENTER, leftIndent=20, rightIndent=20),
            "head_left": ParagraphStyle("head_left", base, alignment=TA_CENTER, fontSize=s.body_pt - 0.5,
                                        leading=(s.body_pt - 0.5) * 1.2),
            "head_right": ParagraphStyle("head_right", base, alignment=TA_CENTER, fontSize=s.body_pt - 1,
                                         leading=(s.body_pt - 1) * 1.2),
            "recipient": ParagraphStyle("recipient", base, fontSize=s.body_pt - 2, leading=(s.body_pt - 2) * 1.2),
            "cell": ParagraphStyle("cell", base, fontSize=tp, leading=tp * 1.2, alignment=TA_LEFT),
            "cell_j": ParagraphStyle("cell_j", base, fontSize=tp, leading=tp * 1.2, alignment=TA_JUSTIFY),
            "cell_c": ParagraphStyle("cell_c", base, fontSize=tp, leading=tp * 1.2, alignment=TA_CENTER),
        }

    def __getitem__(self, name: str):
        return self.by_name[name]


def P(text: str, style, bold: bool = False, italic: bool = False):
    from reportlab.platypus import Paragraph

    # A line never breaks right after a slash and its space ("Quyết định/ các"): the
    # extractor joins "…/" + "…" without a space, as a word cut at its slash.
    markup = escape(text).replace("/ ", "/\u00a0").replace("\n", "<br/>")
    if italic:
        markup = f"<i>{markup}</i>"
    if bold:
        markup = f"<b>{markup}</b>"
    return Paragraph(markup, style)


# ---------------------------------------------------------------- blocks


def header_block(header: dict, st: Styles, width: float) -> list:
    from reportlab.platypus import Table
    from reportlab.platypus.flowables import HRFlowable

    left = [P(x, _fitting(st["head_left"], x, width * 0.4, st.s), bold=True) for x in header["left"]]
    left.append(HRFlowable(width=60, thickness=0.6, color="black", spaceBefore=1, spaceAfter=3, hAlign="CENTER"))
    if header.get("number"):
        left.append(P(header["number"], st["head_left"]))
    right = [P(header["right"][0], st["head_right"], bold=True)]
    right += [P(x, st["head_right"], bold=True) for x in header["right"][1:]]
    right.append(HRFlowable(width=150, thickness=0.6, color="black", spaceBefore=1, spaceAfter=3, hAlign="CENTER"))
    if header.get("place_date"):
        right.append(P(header["place_date"], st["head_right"], italic=True))
    table = Table([[left, right]], colWidths=[width * 0.4, width * 0.6])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [table]


def _fitting(style, text: str, width: float, s: RStyle):
    """`style` made small enough for `text` to stay on one line (as printed plans keep
    each issuer line whole)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    bold = FAMILIES[s.font][1]
    size = style.fontSize
    while size > 7 and stringWidth(text, bold, size) > width - 4:
        size -= 0.5
    if size == style.fontSize:
        return style
    return ParagraphStyle(f"{style.name}_{size}", style, fontSize=size, leading=size * 1.2)


def title_block(model: dict, st: Styles) -> list:
    from reportlab.platypus.flowables import HRFlowable

    out = [P(model.get("title", "KẾ HOẠCH"), st["title"], bold=True)]
    if model.get("subtitle"):
        out.append(P(" ".join(model["subtitle"]), st["subject"], bold=True))
    out.append(HRFlowable(width=110, thickness=0.6, color="black", spaceBefore=3, spaceAfter=12, hAlign="CENTER"))
    return out


def _cell_style(text: str, col: int, width: float, st: Styles):
    if col == 0 or len(text) <= 14:
        return st["cell_c"]
    return st["cell_j"] if width >= 0.15 else st["cell"]


def _cell(text: str, col: int, width: float, st: Styles, bold: bool = False):
    return P(text, _cell_style(text, col, width, st), bold=bold) if text else ""


def _header_grid(header: list[list], ncols: int) -> list[tuple[int, int, int, int, str]]:
    """(row, col, rowspan, colspan, text) of each header cell, spans placed."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, cells in enumerate(header):
        col = 0
        for cell in cells:
            while (r, col) in taken:
                col += 1
            text, rs, cs = (cell, 1, 1) if isinstance(cell, str) else (
                cell["text"], cell.get("rowspan", 1), cell.get("colspan", 1))
            if col + cs > ncols:
                raise ValueError(f"header cell {text!r} overflows {ncols} columns")
            out.append((r, col, rs, cs, text))
            taken.update((r + dr, col + dc) for dr in range(rs) for dc in range(cs))
            col += cs
    return out


def _merge_spans(rows: list[dict], columns: set[int]) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of the merge_down runs: a filled data cell spans
    the empty cells of its column below it, up to the next group row or filled cell."""
    out = []
    for col in columns:
        start = None
        for i, row in enumerate(rows + [{"group": ""}]):
            continues = "group" not in row and not row["cells"][col]
            if continues and start is not None:
                continue
            if start is not None and i - 1 > start:
                out.append((col, start, i - 1))
            start = None if "group" in row else i
    return out


def table_flowable(block: dict, st: Styles, width: float):
    from reportlab.lib import colors

    s = st.s
    ncols = len(block["columns"])
    widths = block.get("widths") or [1 / ncols] * ncols
    header = block.get("header") or [block["columns"]]
    nh = len(header)
    data: list[list] = [["" for _ in range(ncols)] for _ in range(nh)]
    cmds: list[tuple] = []
    for r, c, rs, cs, text in _header_grid(header, ncols):
        data[r][c] = P(text, st["cell_c"], bold=s.header_bold)
        if rs > 1 or cs > 1:
            cmds.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
    rows = block["rows"]
    for i, row in enumerate(rows):
        r = nh + i
        if "group" in row:
            line = [""] * ncols
            if block.get("group_cells") == 1:
                line[0] = P(f"{row['group']}. {row['text']}", st["cell"], bold=True)
                cmds.append(("SPAN", (0, r), (-1, r)))
            elif block.get("group_cells") == 2:
                line[0] = P(row["group"], st["cell_c"], bold=True)
                line[1] = P(row["text"], st["cell_j"], bold=True)
            else:
                line[0] = P(row["group"], st["cell_c"], bold=True)
                line[1] = P(row["text"], st["cell_j"], bold=True)
                if ncols > 2:
                    cmds.append(("SPAN", (1, r), (-1, r)))
            data.append(line)
            continue
        if len(row["cells"]) != ncols:
            raise ValueError(f"row {i} has {len(row['cells'])} cells, table has {ncols} columns")
        data.append([_cell(t, c, widths[c], st) for c, t in enumerate(row["cells"])])
    for col, a, b in _merge_spans(rows, set(block.get("merge_down", []))):
        cmds.append(("SPAN", (col, nh + a), (col, nh + b)))
    cmds += rule_commands(s, len(data), nh)
    cmds += [("VALIGN", (0, 0), (-1, nh - 1), "MIDDLE"), ("VALIGN", (0, nh), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), s.padding), ("RIGHTPADDING", (0, 0), (-1, -1), s.padding),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if s.header_fill:
        cmds.append(("BACKGROUND", (0, 0), (-1, nh - 1), colors.HexColor(s.header_fill)))
    cls = ruled_table_class(s.filled_rules)
    # A row that spans rows (merge_down) cannot split inside itself in ReportLab.
    in_row = s.split_in_row and not block.get("merge_down")
    table = cls(data, colWidths=[width * w for w in widths], repeatRows=nh if s.repeat_header else 0, splitInRow=int(in_row),
                splitByRow=int(not in_row), hAlign="CENTER")
    table.setStyle(cmds)
    return table


def body_flowables(blocks: list[dict], st: Styles, width: float) -> list:
    from reportlab.platypus import Spacer

    out = []
    for block in blocks:
        kind = block["type"]
        if kind == "heading":
            level = block.get("level", 1)
            out.append(P(block["text"], st["heading"], bold=True, italic=level >= 3))
        elif kind == "para":
            out.append(P(block["text"], st["para"]))
        elif kind == "bullet":
            out.append(P("- " + block["text"], st["para"]))
        elif kind == "table":
            out += [Spacer(1, 3), table_flowable(block, st, width), Spacer(1, 8)]
        else:
            raise ValueError(f"unknown block type {kind!r}")
    return out


def closing_block(closing: dict, st: Styles, width: float) -> list:
    from reportlab.platypus import Spacer, Table

    left = [P("Nơi nhận:", st["recipient"], bold=True, italic=True)]
    left += [P(f"- {x}", st["recipient"]) for x in closing["recipients"]]
    titles = [x for x in (closing.get("authority"), closing.get("position"), closing.get("position_2")) if x]
    right = [P(x, st["center"], bold=True) for x in titles] + [Spacer(1, 60), P(closing["name"], st["center"], bold=True)]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return [Spacer(1, 10), table]


# ---------------------------------------------------------------- document


def _page_decorator(style: RStyle):
    def draw(canvas, doc) -> None:
        n = canvas.getPageNumber()
        if n == 1 or not style.page_number:
            return
        w, h = canvas._pagesize
        canvas.saveState()
        canvas.setFont(style.font, style.body_pt - 1)
        if style.page_number == "bottom":
            canvas.drawCentredString(w / 2, 28, str(n))
        elif style.page_number == "top_right":
            canvas.drawRightString(w - 40, h - 32, str(n))
        elif style.page_number == "trang":
            canvas.drawRightString(w - 40, 26, f"Trang {n}")
        canvas.restoreState()

    return draw


def render(model: dict, style: RStyle, out: Path) -> None:
    """Lay the doc-model out as a PDF at `out`."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Spacer

    register_fonts(style.font)
    st = Styles(style)
    templates = []
    widths = {}
    for name, size, m in (("portrait", A4, style.portrait_margins),
                          ("landscape", landscape(A4), style.landscape_margins)):
        left, right, top, bottom = m
        frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, id=name,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size, onPage=_page_decorator(style)))
        widths[name] = size[0] - left - right
    title = ("Kế hoạch " + " ".join(model.get("subtitle", [])))[:250]
    doc = BaseDocTemplate(str(out), pagesize=A4, pageTemplates=templates, title=title,
                          author=" ".join(model["header"]["left"][1:]), creator="kehoach build_reportlab",
                          invariant=1, pageCompression=1)
    story = header_block(model["header"], st, widths["portrait"])
    story += title_block(model, st)
    story += body_flowables(model["body"], st, widths["portrait"])
    story += closing_block(model["closing"], st, widths["portrait"])
    for app in model.get("appendices", []):
        orient = "portrait" if app.get("orientation") == "portrait" else "landscape"
        story += [NextPageTemplate(orient), PageBreak()]
        if app.get("header_block"):
            story += header_block(model["header"], st, widths[orient]) + [Spacer(1, 8)]
        story += [P(x, st["center"], bold=True) for x in app["title"]]
        if app.get("note"):
            story.append(P(app["note"], st["center"], italic=True))
        story.append(Spacer(1, 8))
        story += body_flowables(app["body"], st, widths[orient])
    doc.build(story)


def pdf_stream(pdf: Path):
    """The PDF's character stream for locating gold rows, page numbers left out
    (they may sit at the bottom, where pdf_text's filter does not look)."""
    import re

    import fitz

    pages = []
    with fitz.open(pdf) as doc:
        for number, page in enumerate(doc, start=1):
            words = page.get_text("words", sort=False)
            h = page.rect.height
            band = [w for w in words if w[1] < 45 or w[3] > h - 45]
            text = " ".join(w[4] for w in band)
            drop = set()
            if re.fullmatch(rf"(?:Trang )?{number}", text.strip()):
                drop = {id(w) for w in band}
            pages.append([w for w in words if id(w) not in drop])
        return words_to_stream(pages), len(doc)


def build_stem(stem: str, style: RStyle, out: Path | None = None) -> tuple[Path, Path, int, int]:
    from kehoach.schema.plan import Plan

    model = json.loads((DOCMODEL_DIR / f"{stem}.doc.json").read_text(encoding="utf-8"))
    gold_path = DOCMODEL_DIR / f"{stem}.plan.json"
    if not gold_path.exists():
        raise BuildError(f"{stem}: no gold {gold_path.relative_to(ROOT)}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pdf = (out or PDF_DIR) / f"{stem}.{style.name}.pdf"
    render(model, style, pdf)
    stream, pages = pdf_stream(pdf)
    filled, cut = fill_pages(gold, model, stream, pages)
    Plan.model_validate(filled)
    gold_out = (out or GOLD_DIR) / f"{stem}.{style.name}.plan.json"
    gold_out.write_text(json.dumps(filled, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return pdf, gold_out, pages, cut


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", metavar="STEM", help="build only this stem (repeatable)")
    parser.add_argument("--style", action="append", choices=sorted(STYLES),
                        help=f"build this style (repeatable; default {', '.join(COMMITTED)})")
    parser.add_argument("--out", type=Path, metavar="DIR", help="write PDFs and golds here, not into samples/")
    parser.add_argument("--strict", action="store_true", help="stop at the first failure with a traceback")
    args = parser.parse_args(argv)
    stems = sorted(p.name[: -len(".doc.json")] for p in DOCMODEL_DIR.glob("*.doc.json"))
    unknown = set(args.only or ()) - set(stems)
    if unknown:
        parser.error(f"no doc-model for {sorted(unknown)}")
    stems = [s for s in stems if not args.only or s in args.only]
    for folder in [args.out] if args.out else [PDF_DIR, GOLD_DIR]:
        folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name in args.style or COMMITTED:
        for stem in stems:
            try:
                pdf, _, pages, cut = build_stem(stem, STYLES[name], args.out)
            except (BuildError, LocateError, ValueError) as exc:
                if args.strict:
                    raise
                failed += 1
                print(f"FAILED {stem}.{name}: {exc}", file=sys.stderr)
            else:
                print(f"{pdf}: {pages} pages, {cut} table rows cut by a page break")
    print(f"{len(stems)} plans x {len(args.style or COMMITTED)} styles, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
