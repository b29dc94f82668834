"""doc-model/1 JSON -> a Word document laid out like a real commune plan.

Portrait body (header block, title, body, closing block), then each appendix
in its own (landscape) section. See ../shared contract doc-model.md for the
input; `Layout` picks margins, sizes and column-width jitter.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Pt

from docx_tables import add_ruled_table
from docx_xml import add_page_field, set_bottom_rule, set_fixed_widths, set_run_font, set_table_borders
from layouts import Layout, Margins, perturb_widths

A4_SHORT, A4_LONG = Cm(21.0), Cm(29.7)


def _para(container, text: str, layout: Layout, *, size: float | None = None, bold: bool = False,
          italic: bool = False, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True,
          after: float | None = None):
    """One paragraph with one run, in the layout's font."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(layout.para_after_pt if after is None else after)
    fmt.line_spacing = layout.line_spacing
    fmt.first_line_indent = Cm(layout.first_indent_cm) if indent else None
    p.alignment = align
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(size or layout.body_pt)
        set_run_font(run, layout.font)
    return p


def _rule(cell, width: Emu, rule_cm: float) -> None:
    """A short centered horizontal rule: an empty tiny paragraph with a bottom border."""
    p = cell.add_paragraph()
    side = max(0, (width - Cm(rule_cm)) // 2)
    fmt = p.paragraph_format
    fmt.left_indent, fmt.right_indent = Emu(side), Emu(side)
    fmt.space_before, fmt.space_after = Pt(0), Pt(4)
    fmt.line_spacing = Pt(3)
    set_bottom_rule(p)


def _centered_lines(cell, lines: list[str], layout: Layout, *, size: float, bold: bool = True,
                    italic: bool = False) -> None:
    for line in lines:
        _para(cell, line, layout, size=size, bold=bold, italic=italic,
              align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0)


def _borderless(doc, widths: list[Emu]):
    table = doc.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_table_borders(table, ruled=False)
    set_fixed_widths(table, widths)
    return table


def _drop_first_paragraph(cell) -> None:
    """python-docx cells start with one empty paragraph; remove it once filled."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._p.getparent().remove(first._p)


def add_header_block(doc, header: dict, text_width: Emu, layout: Layout) -> None:
    """The two-column block: issuer and number left, national motto and
    place/date right, short rules under the issuer name and the motto."""
    left_w = Emu(int(text_width * 0.40))
    table = _borderless(doc, [left_w, Emu(text_width - left_w)])
    left, right = table.rows[0].cells
    _centered_lines(left, header["left"], layout, size=layout.body_pt - 0.5)
    _rule(left, left_w, 2.2)
    if header.get("number"):
        _centered_lines(left, [header["number"]], layout, size=layout.body_pt, bold=False)
    _centered_lines(right, header["right"][:1], layout, size=layout.body_pt - 1)
    _centered_lines(right, header["right"][1:], layout, size=layout.body_pt)
    _rule(right, Emu(text_width - left_w), 5.5)
    if header.get("place_date"):
        _centered_lines(right, [header["place_date"]], layout, size=layout.body_pt, bold=False,
                        italic=True)
    _drop_first_paragraph(left)
    _drop_first_paragraph(right)


def add_title(doc, title: str, subtitle: list[str], layout: Layout) -> None:
    _para(doc, "", layout, after=6, indent=False)
    _para(doc, title, layout, size=layout.body_pt + 1, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
          indent=False, after=0)
    if subtitle:  # one paragraph: the source's line breaks would not fall the same way here
        _para(doc, " ".join(subtitle), layout, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
              indent=False, after=0)
    rule = _para(doc, "", layout, indent=False, after=10)
    rule.paragraph_format.left_indent = Cm(6.0)
    rule.paragraph_format.right_indent = Cm(6.0)
    rule.paragraph_format.line_spacing = Pt(4)
    set_bottom_rule(rule, 6)


def add_blocks(doc, blocks: list[dict], text_width: Emu, layout: Layout) -> None:
    """Headings, paragraphs, bullets and tables, in order."""
    for block in blocks:
        kind = block["type"]
        if kind == "heading":
            level = block.get("level", 1)
            heading = _para(doc, block["text"], layout, bold=True, italic=level >= 3)
            heading.paragraph_format.keep_with_next = True
        elif kind == "para":
            _para(doc, block["text"], layout)
        elif kind == "bullet":
            _para(doc, "- " + block["text"], layout)
        elif kind == "table":
            widths = block.get("widths") or [1 / len(block["columns"])] * len(block["columns"])
            add_ruled_table(doc, block, perturb_widths(widths, layout.width_jitter), text_width, layout)
            _para(doc, "", layout, indent=False, after=0)
        else:
            raise ValueError(f"unknown block type {kind!r}")


def add_closing(doc, closing: dict, text_width: Emu, layout: Layout) -> None:
    """Borderless two columns: "Nơi nhận:" list left, signature block right."""
    _para(doc, "", layout, indent=False, after=0)
    left_w = Emu(int(text_width * 0.45))
    table = _borderless(doc, [left_w, Emu(text_width - left_w)])
    left, right = table.rows[0].cells
    _para(left, "Nơi nhận:", layout, size=layout.small_pt + 1, bold=True, italic=True,
          align=WD_ALIGN_PARAGRAPH.LEFT, indent=False, after=0)
    for item in closing["recipients"]:
        _para(left, "- " + item, layout, size=layout.small_pt, align=WD_ALIGN_PARAGRAPH.LEFT,
              indent=False, after=0)
    lines = [closing.get("authority"), closing.get("position"), closing.get("position_2")]
    _centered_lines(right, [x for x in lines if x], layout, size=layout.body_pt)
    for _ in range(4):
        _para(right, "", layout, indent=False, after=0)
    _centered_lines(right, [closing["name"]], layout, size=layout.body_pt)
    _drop_first_paragraph(left)
    _drop_first_paragraph(right)


def _setup_section(section, margins: Margins, landscape: bool) -> Emu:
    """Page size, orientation and margins; returns the text width."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    section.top_margin, section.bottom_margin = Cm(margins.top), Cm(margins.bottom)
    section.left_margin, section.right_margin = Cm(margins.left), Cm(margins.right)
    section.header_distance = Cm(min(1.0, margins.top / 2))
    return Emu(section.page_width - section.left_margin - section.right_margin)


def _page_numbers(section, layout: Layout) -> None:
    """Page number top center from page 2 on (the first page has none)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(p)
    for run in p.runs:
        run.font.size = Pt(layout.table_pt)
        set_run_font(run, layout.font)


def add_appendix(doc, appendix: dict, header: dict, layout: Layout) -> None:
    landscape = appendix.get("orientation", "landscape") == "landscape"
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    text_width = _setup_section(section, layout.landscape if landscape else layout.portrait, landscape)
    if appendix.get("header_block"):
        add_header_block(doc, header, text_width, layout)
        _para(doc, "", layout, indent=False, after=0)
    for line in appendix["title"]:
        _para(doc, line, layout, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0)
    if appendix.get("note"):
        _para(doc, appendix["note"], layout, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER,
              indent=False, after=8)
    add_blocks(doc, appendix["body"], text_width, layout)


def docmodel_to_docx(model: dict, layout: Layout) -> Document:
    """The whole plan as a python-docx Document."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = layout.font
    normal.font.size = Pt(layout.body_pt)
    section = doc.sections[0]
    text_width = _setup_section(section, layout.portrait, landscape=False)
    _page_numbers(section, layout)
    add_header_block(doc, model["header"], text_width, layout)
    add_title(doc, model.get("title", "KẾ HOẠCH"), model.get("subtitle", []), layout)
    add_blocks(doc, model["body"], text_width, layout)
    add_closing(doc, model["closing"], text_width, layout)
    for appendix in model.get("appendices", []):
        add_appendix(doc, appendix, model["header"], layout)
    return doc
