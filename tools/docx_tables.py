"""Ruled doc-model tables in python-docx: repeating (possibly two-row) header
with row/column spans, group rows spanning all columns after the first,
multi-line cells, fixed column widths; rows may break across pages. A table's
optional "merge_down" (column indexes) merges each empty body cell of those
columns into the cell above, as a task's STT and name span its sub-task rows;
"group_cells": 1 prints each group row as one cell across the table ("1. Phòng Kinh tế"),
"group_cells": 2 as two bold cells (code, title) with the other cells left empty."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu, Pt

from docx_xml import mark_header_row, set_cell_valign, set_fixed_widths, set_run_font, set_table_borders
from layouts import Layout


@dataclass(frozen=True)
class Placed:
    """A header cell placed on the grid."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


def header_to_grid(header: list[list], ncols: int) -> list[Placed]:
    """Place header cells (strings or {"text", "colspan", "rowspan"}) on an
    `len(header)` x `ncols` grid, skipping slots covered by earlier spans."""
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, cells in enumerate(header):
        col = 0
        for cell in cells:
            while (r, col) in taken:
                col += 1
            if isinstance(cell, str):
                text, rs, cs = cell, 1, 1
            else:
                text, rs, cs = cell["text"], cell.get("rowspan", 1), cell.get("colspan", 1)
            if col + cs > ncols:
                raise ValueError(f"header cell {text!r} overflows {ncols} columns")
            placed.append(Placed(r, col, rs, cs, text))
            taken.update((r + dr, col + dc) for dr in range(rs) for dc in range(cs))
            col += cs
    return placed


def _fill(cell, text: str, layout: Layout, *, bold: bool = False, center: bool = False,
          justify: bool = True) -> None:
    """Write `text` into `cell`, one paragraph per "\\n"-separated line.

    No widow/orphan control: a row may break after any line of its cells."""
    lines = text.split("\n")
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        fmt = p.paragraph_format
        fmt.space_before = Pt(1)
        fmt.space_after = Pt(1)
        fmt.line_spacing = 1.0
        fmt.first_line_indent = None
        fmt.widow_control = False
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if justify else WD_ALIGN_PARAGRAPH.LEFT
        run = p.add_run(line)
        run.bold = bold
        run.font.size = Pt(layout.table_pt)
        set_run_font(run, layout.font)


def _centered(text: str, col: int) -> bool:
    return col == 0 or len(text) <= 14


def add_ruled_table(doc, block: dict, widths: list[float], text_width: Emu, layout: Layout) -> None:
    """Append the doc-model table `block` to `doc`, columns sized by `widths`."""
    ncols = len(block["columns"])
    header = block.get("header") or [block["columns"]]
    rows = block["rows"]
    merge_down = set(block.get("merge_down", []))  # columns whose empty cells continue the cell above
    numbering = 1 if layout.number_row else 0
    table = doc.add_table(rows=len(header) + numbering + len(rows), cols=ncols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_table_borders(table, ruled=True, outer_eighths=layout.outer_border_eighths)
    set_fixed_widths(table, [Emu(int(text_width * w)) for w in widths])
    if layout.repeat_header:
        for r in range(len(header) + numbering):
            mark_header_row(table.rows[r])
    if numbering:  # "(1) (2) (3) …" under the column names
        for col in range(ncols):
            _fill(table.rows[len(header)].cells[col], f"({col + 1})", layout, center=True)
    for pl in header_to_grid(header, ncols):
        cell = table.cell(pl.row, pl.col)
        if pl.rowspan > 1 or pl.colspan > 1:
            cell = cell.merge(table.cell(pl.row + pl.rowspan - 1, pl.col + pl.colspan - 1))
        _fill(cell, pl.text, layout, bold=True, center=True)
        set_cell_valign(cell)
    for i, row in enumerate(rows):
        tr = table.rows[len(header) + numbering + i]
        if "group" in row and block.get("group_cells") == 1:  # "1. Phòng Kinh tế" across the whole row
            _fill(tr.cells[0].merge(tr.cells[ncols - 1]), f"{row['group']}. {row['text']}", layout, bold=True)
            continue
        if "group" in row and block.get("group_cells") == 2:  # code and title in their own columns, rest empty
            _fill(tr.cells[0], row["group"], layout, bold=True, center=True)
            _fill(tr.cells[1], row["text"], layout, bold=True)
            continue
        if "group" in row:
            _fill(tr.cells[0], row["group"], layout, bold=True, center=True)
            span = tr.cells[1].merge(tr.cells[ncols - 1]) if ncols > 2 else tr.cells[1]
            _fill(span, row["text"], layout, bold=True)
            continue
        if len(row["cells"]) != ncols:
            raise ValueError(f"row {i} has {len(row['cells'])} cells, table has {ncols} columns")
        for col, text in enumerate(row["cells"]):
            if col in merge_down and not text:
                continue  # merged into the cell above below
            cell = tr.cells[col]
            _fill(cell, text, layout, center=_centered(text, col), justify=widths[col] >= 0.15)
    _merge_down(table, rows, merge_down, len(header) + numbering)


def _merge_down(table, rows: list[dict], columns: set[int], first: int) -> None:
    """Merge each empty cell of `columns` vertically into the non-empty data cell above it
    (a task's STT and name spanning its sub-task rows)."""
    for col in columns:
        top = None
        for i, row in enumerate(rows):
            if "group" in row or row["cells"][col]:
                top = None if "group" in row else i
                continue
            if top is None:
                continue
            end = i
            while end + 1 < len(rows) and "group" not in rows[end + 1] and not rows[end + 1]["cells"][col]:
                end += 1
            if i == top + 1:
                table.cell(first + top, col).merge(table.cell(first + end, col))
