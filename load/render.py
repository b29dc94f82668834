"""Rich renderables for `kehoach ingest` and `kehoach show` (built here, printed by cli.py)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console, Group, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kehoach.load.ingest import FileStatus, IngestSummary
from kehoach.load.ingest import Progress as IngestProgress
from kehoach.load.read import DocumentSummary


@contextmanager
def ingest_progress(console: Console) -> Iterator[Callable[[IngestProgress], None]]:
    """A progress bar (files done, files/s, failures); yields the `on_progress` callback."""
    bar = Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} files/s"), TextColumn("[red]{task.fields[failed]} failed"),
        TimeElapsedColumn(), console=console, transient=False,
    )
    start = time.monotonic()
    task = bar.add_task("ingest", total=None, rate=0.0, failed=0)

    def on_progress(p: IngestProgress) -> None:
        if not bar.live.is_started:  # shown from the first file on: an early error prints alone
            bar.start()
        rate = p.done / max(time.monotonic() - start, 1e-6)
        bar.update(task, total=p.total, completed=p.done, rate=rate, failed=p.failed)

    try:
        yield on_progress
    finally:
        if bar.live.is_started:
            bar.stop()


def ingest_summary(summary: IngestSummary) -> RenderableType:
    table = Table(title=f"ingest run {summary.run_id}: {len(summary.results)} files in {summary.seconds:.1f} s")
    for col in ("new", "unchanged", "versioned", "failed", "rows", "issues"):
        table.add_column(col, justify="right")
    counts = [summary.count(s) for s in (FileStatus.NEW, FileStatus.UNCHANGED, FileStatus.VERSIONED, FileStatus.FAILED)]
    table.add_row(*map(str, counts), str(summary.rows), str(summary.issues))
    return table


def _kv(title: str, pairs: list[tuple[str, object]]) -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    for key, value in pairs:
        if value not in (None, "", []):
            table.add_row(key, str(value))
    return table


def document_view(s: DocumentSummary, *, rows: int = 5) -> RenderableType:
    """A readable account of one loaded document: header, counts, versions, first rows."""
    d, plan = s.document, s.plan
    signer = " / ".join(x for x in (d.signer_authority, d.signer_position, d.signer_name) if x)
    header = _kv(f"document {d.id}", [
        ("number", d.number or "(blank)"), ("title", d.title), ("issuer", d.issuer),
        ("commune", " ".join(x for x in (d.commune_kind, d.commune) if x) + (f", {d.province}" if d.province else "")),
        ("commune code", d.commune_code), ("issued", d.issue_date or d.issue_year), ("signer", signer),
        ("file", d.source_path), ("sha256", d.content_hash), ("pages", d.pages), ("OCR", "yes" if d.ocr_used else "no"),
        ("version", f"{d.version_no} of {len(s.versions)} (previous: {d.previous_id})" if len(s.versions) > 1 else None),
        ("loaded", f"{d.loaded_at:%Y-%m-%d %H:%M} (pipeline {d.pipeline_version or '?'})"),
    ])
    targets = ", ".join(f"{y or 'no year'}: {n}" for y, n in sorted(s.targets_by_year.items(), key=lambda kv: kv[0] or 0))
    counts = _kv("rows", [
        ("legal bases", len(plan.legal_bases)), ("indicators", len(plan.indicators)), ("targets", targets),
        ("tasks", len(plan.tasks)), ("responsibilities", len(plan.responsibilities)), ("issues", len(plan.issues)),
        ("unresolved agencies", "; ".join(s.unresolved_agencies)),
    ])
    parts: list[RenderableType] = [header, counts]
    if plan.indicators:
        t = Table("#", "indicator", "targets", "lead", title=f"indicators (first {rows})", title_justify="left")
        for ind in plan.indicators[:rows]:
            t.add_row(ind.ordinal, ind.name, "; ".join(f"{x.year}: {x.raw}" for x in ind.targets), ", ".join(ind.lead))
        parts.append(t)
    if plan.tasks:
        t = Table("#", "task", "deadline", "lead", title=f"tasks (first {rows})", title_justify="left")
        for task in plan.tasks[:rows]:
            t.add_row(task.ordinal, task.name, task.deadline.raw or "", ", ".join(task.lead))
        parts.append(t)
    return Group(*parts)
