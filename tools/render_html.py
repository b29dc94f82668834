"""doc-model/1 JSON -> one self-contained HTML page laid out like a real commune
plan, for printing to PDF with Chromium ("Print to PDF"), the way plans
published as web pages reach us.

    python tools/render_html.py samples/docmodel/001_duc_an.doc.json > out.html

A4 portrait body (CSS @page), appendices on a named landscape page
(`@page landscape`), serif 13 pt, the two-column header block and the closing
block as borderless tables, ruled tables with `border-collapse: collapse`
whose header rows sit in a `thead` (Chromium repeats it on every page) and
whose rows may break across pages; a table's "merge_down" and "group_cells"
are printed as docx_tables.py prints them. Page numbers top centre from page 2 on
(CSS margin boxes). The input format is described in ../shared contract
doc-model.md; the python-docx renderer (docmodel_docx.py) is the sibling.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from docx_tables import header_to_grid

FONT = '"Times New Roman", "Liberation Serif", serif'

CSS = """
@page {
  size: A4 portrait;
  margin: 2cm 1.5cm 2cm 3cm;
}
@page landscape {
  size: A4 landscape;
  margin: 2cm 1.5cm 1.5cm 2cm;
}
@page appendix-portrait {
  size: A4 portrait;
  margin: 2cm 1.5cm 2cm 2.5cm;
}
html { -webkit-print-color-adjust: exact; }
body { margin: 0; font-family: %(font)s; font-size: 13pt; line-height: 1.2; color: #000; }
p { margin: 0; }
.body p.para { text-align: justify; text-indent: 1cm; margin-bottom: 6pt; orphans: 1; widows: 1; }
p.h1, p.h2, p.h3 { font-weight: bold; text-align: justify; text-indent: 1cm; margin-bottom: 6pt;
  break-after: avoid; }
p.h3 { font-style: italic; }
table.hdr, table.closing { width: 100%%; border-collapse: collapse; border: none; table-layout: fixed; }
table.hdr td, table.closing td { border: none; vertical-align: top; padding: 0 2pt; }
table.hdr td { text-align: center; }
table.hdr .issuer { font-weight: bold; font-size: 12.5pt; }
table.hdr .nation { font-weight: bold; font-size: 12pt; white-space: nowrap; }
table.hdr .motto { font-weight: bold; font-size: 13pt; }
table.hdr .date { font-style: italic; }
.number, .date, .app-note { white-space: pre-wrap; }
.rule { height: 0; border-top: 0.75pt solid #000; margin: 2pt auto 6pt auto; }
.title { text-align: center; font-weight: bold; font-size: 14pt; margin-top: 18pt; }
.subject { text-align: center; font-weight: bold; margin: 0 1cm; }
.title-rule { width: 4.5cm; height: 0; border-top: 0.75pt solid #000; margin: 4pt auto 14pt auto; }
table.closing { margin-top: 12pt; break-inside: avoid; }
table.closing .recipients-title { font-weight: bold; font-style: italic; font-size: 12pt; }
table.closing .recipient { font-size: 11pt; }
table.closing .sign { text-align: center; font-weight: bold; }
table.closing .gap { height: 5.5em; }
section.appendix { break-before: page; }
section.appendix.landscape { page: landscape; }
section.appendix.portrait { page: appendix-portrait; }
.app-title { text-align: center; font-weight: bold; }
.app-note { text-align: center; font-style: italic; margin-bottom: 10pt; }
.spacer { height: 10pt; }
table.grid { width: 100%%; border-collapse: collapse; table-layout: fixed; font-size: 12pt;
  margin: 2pt 0 10pt 0; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid thead { display: table-header-group; }
table.grid tr, table.grid td { break-inside: auto; page-break-inside: auto; }
table.grid td { orphans: 1; widows: 1; }  /* a row may break after any line of its cells */
table.grid td.c { text-align: center; }
table.grid td.j { text-align: justify; }
table.grid td.l { text-align: left; }
table.grid tr.group td { font-weight: bold; }
table.grid td p { margin: 0 0 2pt 0; }
""" % {"font": FONT}

#: Page numbers top centre from page 2 on, as printed plans have them (CSS margin boxes).
PAGE_NUMBERS_CSS = """
@page { @top-center { content: counter(page); font-family: %(font)s; font-size: 12pt; } }
@page :first { @top-center { content: none; } }
""" % {"font": FONT}


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def _lines(lines: list[str], cls: str) -> str:
    return "".join(f'<p class="{cls}">{esc(x)}</p>' for x in lines)


def header_block(header: dict) -> str:
    """Issuer and number left, national motto and place/date right, short
    rules under the issuer name and under the motto."""
    left = _lines(header["left"], "issuer") + '<div class="rule" style="width:2.2cm"></div>'
    if header.get("number"):
        left += _lines([header["number"]], "number")
    right = _lines(header["right"][:1], "nation") + _lines(header["right"][1:], "motto")
    right += '<div class="rule" style="width:5.5cm"></div>'
    if header.get("place_date"):
        right += _lines([header["place_date"]], "date")
    return ('<table class="hdr"><colgroup><col style="width:40%"><col style="width:60%"></colgroup>'
            f"<tr><td>{left}</td><td>{right}</td></tr></table>")


def title_block(title: str, subtitle: list[str]) -> str:
    out = f'<p class="title">{esc(title)}</p>'
    if subtitle:  # one paragraph: the source's line breaks would not fall the same way here
        out += f'<p class="subject">{esc(" ".join(subtitle))}</p>'
    return out + '<div class="title-rule"></div>'


def _align(text: str, col: int, width: float) -> str:
    if col == 0 or len(text) <= 14:
        return "c"
    return "j" if width >= 0.15 else "l"


def cell_html(text: str) -> str:
    """A cell's lines: bulleted lines ("- …") as paragraphs, other breaks as <br>."""
    lines = text.split("\n")
    if len(lines) == 1:
        return esc(text)
    if any(x.lstrip().startswith(("-", "+", "•")) for x in lines):
        return "".join(f"<p>{esc(x)}</p>" for x in lines)
    return "<br>".join(esc(x) for x in lines)


def _rowspans(rows: list[dict], columns: set[int]) -> dict[tuple[int, int], int]:
    """(row, col) -> rowspan for merge_down columns: a filled data cell spans the
    empty cells of its column below it, up to the next group row or filled cell;
    the cells it covers map to 0."""
    spans: dict[tuple[int, int], int] = {}
    for col in columns:
        anchor: tuple[int, int] | None = None  # the filled cell above, if any
        for i, row in enumerate(rows):
            continues = "group" not in row and not row["cells"][col]
            if not continues:
                anchor = None if "group" in row else (i, col)
            elif anchor is not None:
                spans[anchor] = spans.get(anchor, 1) + 1
                spans[(i, col)] = 0
    return spans


def table_html(block: dict) -> str:
    ncols = len(block["columns"])
    widths = block.get("widths") or [1 / ncols] * ncols
    header = block.get("header") or [block["columns"]]
    rows = block["rows"]
    out = ['<table class="grid"><colgroup>']
    out += [f'<col style="width:{w * 100:.2f}%">' for w in widths]
    out.append("</colgroup><thead>")
    placed = header_to_grid(header, ncols)
    for r in range(len(header)):
        out.append("<tr>")
        for pl in (p for p in placed if p.row == r):
            span = (f' rowspan="{pl.rowspan}"' if pl.rowspan > 1 else "") + (
                f' colspan="{pl.colspan}"' if pl.colspan > 1 else "")
            out.append(f"<th{span}>{cell_html(pl.text)}</th>")
        out.append("</tr>")
    out.append("</thead><tbody>")
    spans = _rowspans(rows, set(block.get("merge_down", [])))
    for i, row in enumerate(rows):
        if "group" in row:
            if block.get("group_cells") == 1:  # "1. Phòng Kinh tế" across the whole row
                out.append(f'<tr class="group"><td colspan="{ncols}" class="l">'
                           f'{esc(row["group"])}. {esc(row["text"])}</td></tr>')
            elif block.get("group_cells") == 2:  # code and title in their own cells, the rest empty
                out.append(f'<tr class="group"><td class="c">{esc(row["group"])}</td>'
                           f'<td class="j">{cell_html(row["text"])}</td>' + "<td></td>" * (ncols - 2) + "</tr>")
            else:
                rest = f' colspan="{ncols - 1}"' if ncols > 2 else ""
                out.append(f'<tr class="group"><td class="c">{esc(row["group"])}</td>'
                           f'<td{rest} class="j">{cell_html(row["text"])}</td></tr>')
            continue
        if len(row["cells"]) != ncols:
            raise ValueError(f"row {i} has {len(row['cells'])} cells, table has {ncols} columns")
        out.append("<tr>")
        for col, text in enumerate(row["cells"]):
            n = spans.get((i, col), 1)
            if n == 0:
                continue
            rs = f' rowspan="{n}"' if n > 1 else ""
            out.append(f'<td{rs} class="{_align(text, col, widths[col])}">{cell_html(text)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def blocks_html(blocks: list[dict]) -> str:
    out = []
    for block in blocks:
        kind = block["type"]
        if kind == "heading":
            level = min(max(block.get("level", 1), 1), 3)
            out.append(f'<p class="h{level}">{esc(block["text"])}</p>')
        elif kind == "para":
            out.append(f'<p class="para">{esc(block["text"])}</p>')
        elif kind == "bullet":
            out.append(f'<p class="para">- {esc(block["text"])}</p>')
        elif kind == "table":
            out.append(table_html(block))
        else:
            raise ValueError(f"unknown block type {kind!r}")
    return "\n".join(out)


def closing_block(closing: dict) -> str:
    left = '<p class="recipients-title">Nơi nhận:</p>'
    left += "".join(f'<p class="recipient">- {esc(x)}</p>' for x in closing["recipients"])
    titles = [x for x in (closing.get("authority"), closing.get("position"), closing.get("position_2")) if x]
    right = _lines(titles, "sign") + '<div class="gap"></div>' + _lines([closing["name"]], "sign")
    return ('<table class="closing"><colgroup><col style="width:45%"><col style="width:55%"></colgroup>'
            f"<tr><td>{left}</td><td>{right}</td></tr></table>")


def appendix_html(appendix: dict, header: dict) -> str:
    orient = "portrait" if appendix.get("orientation") == "portrait" else "landscape"
    out = [f'<section class="appendix {orient}">']
    if appendix.get("header_block"):
        out.append(header_block(header) + '<div class="spacer"></div>')
    out.append(_lines(appendix["title"], "app-title"))
    if appendix.get("note"):
        out.append(_lines([appendix["note"]], "app-note"))
    out.append('<div class="body">' + blocks_html(appendix["body"]) + "</div>")
    out.append("</section>")
    return "\n".join(out)


def docmodel_to_html(model: dict, page_numbers: bool = True) -> str:
    """The whole plan as one HTML page; without `page_numbers` when the browser's
    own header and footer (date, title, address, "2/13") are printed instead."""
    title = "Kế hoạch " + " ".join(model.get("subtitle", []))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>{esc(title[:250])}</title>",
        f"<style>{CSS}{PAGE_NUMBERS_CSS if page_numbers else ''}</style></head><body>",
        '<section class="main">',
        header_block(model["header"]),
        title_block(model.get("title", "KẾ HOẠCH"), model.get("subtitle", [])),
        '<div class="body">' + blocks_html(model["body"]) + "</div>",
        closing_block(model["closing"]),
        "</section>",
    ]
    parts += [appendix_html(a, model["header"]) for a in model.get("appendices", [])]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    model = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    sys.stdout.write(docmodel_to_html(model))
    return 0


if __name__ == "__main__":
    sys.exit(main())
