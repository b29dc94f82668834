"""Low-level OOXML tweaks python-docx has no API for: borders, repeating
header rows, fixed table layout, page-number fields.

Each function edits one element in place and returns nothing.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _child(parent, tag: str):
    """The first child `tag` of `parent`, created (appended) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def set_table_borders(table: Table, ruled: bool, outer_eighths: int = 4) -> None:
    """All single 0.5pt borders when `ruled` (the outer ones `outer_eighths`/8 pt),
    no borders at all otherwise."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in _EDGES:
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if ruled else "nil")
        if ruled:
            el.set(qn("w:sz"), "4" if edge.startswith("inside") else str(outer_eighths))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def set_fixed_widths(table: Table, widths: list[Emu]) -> None:
    """Fixed layout, total width and one grid column per entry of `widths`.

    Call before merging cells: each cell gets its column's width, and
    python-docx sums them when cells are merged.
    """
    tbl_pr = table._tbl.tblPr
    layout = _child(tbl_pr, "w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_w = _child(tbl_pr, "w:tblW")
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    for col, width in zip(table.columns, widths):
        col.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def mark_header_row(row: _Row) -> None:
    """Repeat `row` at the top of every page the table runs onto (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def set_cell_valign(cell, value: str = "center") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    v = _child(tc_pr, "w:vAlign")
    v.set(qn("w:val"), value)


def set_bottom_rule(paragraph: Paragraph, size_eighths: int = 8) -> None:
    """A bottom border on `paragraph`: a drawn horizontal rule as wide as
    the paragraph (narrow it with left/right indents)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = _child(p_pr, "w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)


def add_page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the current page number) to `paragraph`."""
    run = paragraph.add_run()
    parts = [("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)]
    for char_type, text in parts:
        if char_type:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), char_type)
            run._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def set_run_font(run, name: str) -> None:
    """Font `name` for every script slot, so Vietnamese text keeps the serif."""
    run.font.name = name
    r_pr = run._r.get_or_add_rPr()
    fonts = _child(r_pr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
