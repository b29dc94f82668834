"""Human-readable accuracy reports: rich tables for the CLI, plain text for files and logs.

Nothing here prints; `report_renderables` returns rich objects for the caller's
console and `render_text` renders the same objects to a string.
"""

from __future__ import annotations

import io
import json
from typing import Any

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from kehoach.evaluate.dirs import DirReport, FileStatus
from kehoach.evaluate.score import SECTIONS, Counts, RowRef

SHORT = {"document": "doc", "legal_bases": "legal", "indicators": "ind", "targets": "tgt", "tasks": "task",
         "responsibilities": "resp"}


def _f1(counts: Counts) -> str:
    return f"{counts.f1:.3f}"


def _value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


def _where(stem: str, row: RowRef) -> str:
    return " ".join(part for part in (stem, row.section, row.label) if part)


def summary_table(report: DirReport) -> Table:
    """One line per gold file: status, overall P/R/F1, F1 per section; a total line."""
    table = Table(title="Accuracy (field-level F1)", show_lines=False)
    for name in ("file", "status", "P", "R", "F1", *(SHORT[s] for s in SECTIONS)):
        table.add_column(name, justify="left" if name in ("file", "status") else "right")
    lines = [(r.stem, r.status.value, r.report.overall, r.report.sections) for r in report.files]
    lines.append(("ALL", "", report.overall, report.sections))
    for stem, status, overall, sections in lines:
        table.add_row(stem, status, f"{overall.precision:.3f}", f"{overall.recall:.3f}", _f1(overall),
                      *(_f1(sections[s]) for s in SECTIONS), end_section=stem == "ALL")
    return table


def rows_table(report: DirReport) -> Table:
    """Rows per section over all files: gold, predicted, aligned."""
    table = Table(title="Rows")
    for name in ("section", "gold", "predicted", "aligned"):
        table.add_column(name, justify="left" if name == "section" else "right")
    for section, stats in report.rows.items():
        table.add_row(section, str(stats.gold), str(stats.predicted), str(stats.aligned))
    return table


def fields_table(report: DirReport) -> Table:
    """The fields that are not perfect over all files, worst first."""
    table = Table(title="Fields below F1 1.0")
    for name in ("field", "tp", "fp", "fn", "F1"):
        table.add_column(name, justify="left" if name == "field" else "right")
    weak = sorted((c.f1, name, c) for name, c in report.fields.items() if c.fp or c.fn)
    for _, name, counts in weak:
        table.add_row(name, str(counts.tp), str(counts.fp), str(counts.fn), _f1(counts))
    return table


def problem_lines(report: DirReport, max_errors: int = 50) -> list[str]:
    """Files without a prediction, unaligned rows and wrong fields, at most `max_errors` of the latter two."""
    lines = [f"{r.stem}: {r.status.value} ({r.message})" for r in report.files if r.status is not FileStatus.SCORED]
    lines += [f"prediction without gold, not scored: {name}" for name in report.unmatched_predictions]
    problems = []
    for result in report.files:
        if result.status is not FileStatus.SCORED:
            continue
        problems += [f"{_where(result.stem, u.row)}: {u.side} row" for u in result.report.unaligned]
        problems += [
            f"{_where(result.stem, e.row)}: {e.field}: gold {_value(e.gold)} | predicted {_value(e.predicted)}"
            for e in result.report.errors
        ]
    lines += problems[:max_errors]
    if len(problems) > max_errors:
        lines.append(f"… {len(problems) - max_errors} more (raise --max-errors, or see --json)")
    return lines


def report_renderables(report: DirReport, max_errors: int = 50) -> list[RenderableType]:
    """The whole report as rich objects, in print order."""
    parts: list[RenderableType] = [summary_table(report), rows_table(report)]
    if any(c.fp or c.fn for c in report.fields.values()):
        parts.append(fields_table(report))
    parts += [Text(line) for line in problem_lines(report, max_errors)]
    parts.append(Text(f"{len(report.files)} files, overall F1 {report.overall.f1:.3f}"))
    return parts


def render_text(report: DirReport, max_errors: int = 50, width: int = 120) -> str:
    """The report as plain text (no colour), as the CLI would print it at `width` columns."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    for part in report_renderables(report, max_errors):
        console.print(part)
    return buffer.getvalue()
