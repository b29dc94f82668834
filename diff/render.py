"""A `PlanDiff` as a rich table, Markdown, a self-contained HTML page, or JSON.

Each renderer is a pure function of the diff; only `cli.py` prints. HTML carries
its CSS inline and escapes every text, so the page opens anywhere offline.
"""

from __future__ import annotations

import html
import json
from typing import Iterator, Optional

from kehoach.diff.plan_diff import FieldChange, PlanDiff, PlanRef, RowChange

FORMATS = ("rich", "md", "html", "json")
SECTIONS = (
    ("indicators", "Indicators"), ("tasks", "Tasks"), ("legal_bases", "Legal bases"),
    ("responsibilities", "Responsibilities"),
)
_MARK = {"added": "+", "removed": "-", "changed": "~"}


def _side(ref: PlanRef) -> str:
    parts = [ref.label, ref.number or "(no number)", ref.issue_date or "(no date)"]
    return " · ".join(p for p in parts if p)


def _value(value: Optional[str]) -> str:
    return "∅" if value is None else value


def change_lines(row: RowChange) -> list[str]:
    """One plain line per field change of a row: `target 2026: ≥ 60% → ≥ 70%`."""
    return [f"{f.field}: {_value(f.before)} → {_value(f.after)}" for f in row.fields]


def _where(row: RowChange) -> str:
    if row.change == "changed" and row.old_position != row.new_position:
        return f"{row.old_position or '—'} → {row.new_position or '—'}"
    return row.new_position or row.old_position or ""


# ---- JSON ------------------------------------------------------------------------------


def render_json(diff: PlanDiff) -> str:
    return json.dumps(diff.to_json_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


# ---- Markdown --------------------------------------------------------------------------


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _md_fields(fields: list[FieldChange]) -> Iterator[str]:
    for f in fields:
        yield f"| {_md(f.field)} | {_md(_value(f.before))} | {_md(_value(f.after))} |"


def render_markdown(diff: PlanDiff) -> str:
    lines = ["# Plan diff", "", f"- old: {_md(_side(diff.old))}", f"- new: {_md(_side(diff.new))}", "",
             "| section | added | removed | changed | unchanged |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {key} | {c.added} | {c.removed} | {c.changed} | {c.unchanged} |" for key, c in diff.counts.items()]
    if diff.document:
        lines += ["", "## Document", "", "| field | before | after |", "|---|---|---|", *_md_fields(diff.document)]
    for key, title in SECTIONS:
        rows: list[RowChange] = getattr(diff, key)
        if not rows:
            continue
        lines += ["", f"## {title}", "", "| | position | name | change |", "|---|---|---|---|"]
        for row in rows:
            detail = "<br>".join(_md(line) for line in change_lines(row)) or row.change
            lines.append(f"| {_MARK[row.change]} | {_md(_where(row))} | {_md(row.name)} | {detail} |")
    if diff.is_empty:
        lines += ["", "No differences."]
    return "\n".join(lines) + "\n"


# ---- HTML ------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2328;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right}
tr.added td:first-child{background:#dafbe1}tr.removed td:first-child{background:#ffebe9}
tr.changed td:first-child{background:#fff8c5}
del{background:#ffebe9;text-decoration:line-through}ins{background:#dafbe1;text-decoration:none}
.field{color:#57606a;font-size:.9em}.meta{color:#57606a}
"""


def _e(text: Optional[str]) -> str:
    return html.escape(_value(text)).replace("\n", "<br>")


def _html_fields(fields: list[FieldChange]) -> str:
    return "<br>".join(
        f'<span class="field">{_e(f.field)}</span>: <del>{_e(f.before)}</del> → <ins>{_e(f.after)}</ins>'
        for f in fields
    )


def render_html(diff: PlanDiff) -> str:
    out = ['<!DOCTYPE html>', '<html lang="vi"><head><meta charset="utf-8">',
           f"<title>Plan diff: {_e(diff.new.label or diff.new.number)}</title>", f"<style>{_CSS}</style></head><body>",
           "<h1>Plan diff</h1>", f'<p class="meta">old: {_e(_side(diff.old))}<br>new: {_e(_side(diff.new))}</p>',
           "<table><tr><th>section</th><th>added</th><th>removed</th><th>changed</th><th>unchanged</th></tr>"]
    for key, c in diff.counts.items():
        out.append(f'<tr><td>{_e(key)}</td><td class="n">{c.added}</td><td class="n">{c.removed}</td>'
                   f'<td class="n">{c.changed}</td><td class="n">{c.unchanged}</td></tr>')
    out.append("</table>")
    if diff.document:
        out += ["<h2>Document</h2>", "<table><tr><th>field</th><th>before</th><th>after</th></tr>"]
        out += [f"<tr><td>{_e(f.field)}</td><td><del>{_e(f.before)}</del></td><td><ins>{_e(f.after)}</ins></td></tr>"
                for f in diff.document]
        out.append("</table>")
    for key, title in SECTIONS:
        rows: list[RowChange] = getattr(diff, key)
        if not rows:
            continue
        out += [f"<h2>{title}</h2>", "<table><tr><th></th><th>position</th><th>name</th><th>change</th></tr>"]
        for row in rows:
            detail = _html_fields(row.fields) or _e(row.change)
            out.append(f'<tr class="{row.change}"><td>{_MARK[row.change]}</td><td>{_e(_where(row))}</td>'
                       f"<td>{_e(row.name)}</td><td>{detail}</td></tr>")
        out.append("</table>")
    if diff.is_empty:
        out.append("<p>No differences.</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# ---- rich ------------------------------------------------------------------------------


def render_rich(diff: PlanDiff):
    """A rich renderable (tables under a summary); the CLI prints it on a Console."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    style = {"added": "green", "removed": "red", "changed": "yellow"}
    parts = [Text(f"old: {_side(diff.old)}\nnew: {_side(diff.new)}", style="dim")]
    counts = Table("section", "added", "removed", "changed", "unchanged", title="Plan diff")
    for key, c in diff.counts.items():
        counts.add_row(key, str(c.added), str(c.removed), str(c.changed), str(c.unchanged))
    parts.append(counts)
    if diff.document:
        doc = Table("field", "before", "after", title="Document")
        for f in diff.document:
            doc.add_row(f.field, _value(f.before), _value(f.after))
        parts.append(doc)
    for key, title in SECTIONS:
        rows: list[RowChange] = getattr(diff, key)
        if not rows:
            continue
        table = Table("", "position", "name", "change", title=title, show_lines=True)
        for row in rows:
            table.add_row(Text(_MARK[row.change], style=style[row.change]), _where(row), row.name,
                          "\n".join(change_lines(row)) or row.change)
        parts.append(table)
    if diff.is_empty:
        parts.append(Text("No differences."))
    return Group(*parts)


def render(diff: PlanDiff, fmt: str):
    """The diff in format `fmt` (one of FORMATS): a string, or a rich renderable for "rich"."""
    renderers = {"rich": render_rich, "md": render_markdown, "html": render_html, "json": render_json}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return renderers[fmt](diff)
