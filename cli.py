"""kehoach's command line: a thin layer over the library; the only module that prints.

Each command calls one library function and maps KehoachError to a one-line message
on stderr with exit code 1.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kehoach.errors import KehoachError

app = typer.Typer(
    name="kehoach",
    help="Commune plans (Kế hoạch, Resolution 57-NQ/TW) from PDF to typed, relational data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "sqlite:///kehoach.db"
DbOption = Annotated[
    str,
    typer.Option("--db", envvar="KEHOACH_DB", help="SQLAlchemy database URL (SQLite file or PostgreSQL)."),
]


def fail(message: str) -> None:
    """Print one line on stderr and exit 1."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def write_json(data: object, out: Optional[Path]) -> None:
    """JSON to stdout, or to `out` whole or not at all (written beside it, then renamed)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out is None:
        sys.stdout.write(text + "\n")
        return
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        tmp.write_text(text + "\n", encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        fail(f"{out}: cannot write ({exc.strerror})")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A plan PDF (born-digital or scanned); with --from-db, a loaded document (id, number, file or hash).")],
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="Write plan-json here instead of stdout.")] = None,
    from_db: Annotated[bool, typer.Option("--from-db", help="Re-emit the plan-json of a loaded document from the database.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Extract one plan PDF and print its plan-json/1 object."""
    try:
        if from_db:
            from kehoach.load.read import plan_from_db_url

            plan = plan_from_db_url(db, str(file))
        else:
            from kehoach.pipeline import extract_plan

            plan = extract_plan(file)
    except KehoachError as exc:
        fail(str(exc))
    write_json(plan.to_json_dict(), out)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Plan PDFs, *.plan.json files (pre-extracted) or folders (searched recursively for *.pdf).")],
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Extraction worker processes (default: the CPU count).")] = None,
    plan_json: Annotated[bool, typer.Option("--plan-json", help="In folders, also take *.plan.json files.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any file failed.")] = False,
) -> None:
    """Extract plans and load them into the database, one transaction per document.

    The same bytes again are "unchanged"; a revised plan (same commune, same number or
    title) becomes a new version linked to the one before. Failures are listed and recorded."""
    from rich.console import Console

    from kehoach.load.ingest import ingest as ingest_files
    from kehoach.load.render import ingest_progress, ingest_summary

    console = Console(stderr=True, highlight=False)
    try:
        with ingest_progress(console) as on_progress:
            summary = ingest_files(paths, db, jobs, on_progress, plan_json=plan_json)
    except KehoachError as exc:
        fail(str(exc))
    for failure in summary.failures:
        typer.echo(f"{failure.path}: {failure.reason}", err=True)
    Console(highlight=False).print(ingest_summary(summary))
    if strict and summary.failures:
        raise typer.Exit(1)


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="A loaded document: id, number (94/KH-UBND), file or content hash.")],
    db: DbOption = DEFAULT_DB,
    rows: Annotated[int, typer.Option("--rows", help="Show the first N indicators and tasks.")] = 5,
) -> None:
    """Print a readable summary of a loaded document: header, row counts, versions, first rows."""
    from rich.console import Console

    from kehoach.load.read import summary_from_db_url
    from kehoach.load.render import document_view

    try:
        summary = summary_from_db_url(db, doc)
    except KehoachError as exc:
        fail(str(exc))
    Console(highlight=False).print(document_view(summary, rows=rows))


@app.command("eval")
def eval_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold <stem>.plan.json files.")],
    pred_dir: Annotated[Path, typer.Argument(help="Folder of predictions, <stem>.plan.json or <stem>.json.")],
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the full report as JSON here.")] = None,
    max_errors: Annotated[int, typer.Option("--max-errors", help="List at most N unaligned rows and wrong fields.")] = 50,
    min_f1: Annotated[Optional[float], typer.Option("--min-f1", help="Exit 1 if any file's overall F1 is below X.")] = None,
) -> None:
    """Score predicted plan-json files against gold ones: field-level P/R/F1 and the wrong fields."""
    from rich.console import Console

    from kehoach.evaluate import evaluate_dirs, report_renderables

    try:
        report = evaluate_dirs(gold_dir, pred_dir)
    except KehoachError as exc:
        fail(str(exc))
    if json_out is not None:
        write_json(report.to_dict(), json_out)
    # The per-file table has a dozen numeric columns: never squeeze it into "1.0…".
    console = Console(highlight=False, width=max(Console().width, 130))
    for part in report_renderables(report, max_errors=max_errors):
        console.print(part)
    below = report.files_below(min_f1) if min_f1 is not None else []
    if below:
        typer.echo(f"error: overall F1 below {min_f1}: {', '.join(below)}", err=True)
        raise typer.Exit(1)


@app.command("diff")
def diff_cmd(
    old: Annotated[str, typer.Argument(help="Old version: a PDF, a plan-json file, or a database id/number.")],
    new: Annotated[str, typer.Argument(help="New version: a PDF, a plan-json file, or a database id/number.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="rich (terminal), md, html or json.")] = "rich",
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="Write the report here instead of stdout.")] = None,
    db: Annotated[Optional[str], typer.Option("--db", envvar="KEHOACH_DB", help="Database URL for id/number sides.")] = None,
) -> None:
    """What changed between two versions of a plan: indicators, tasks, legal bases, header."""
    import io

    from rich.console import Console

    from kehoach.diff.plan_diff import diff_plans
    from kehoach.diff.render import FORMATS, render
    from kehoach.diff.sources import load_side

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    try:
        (old_plan, old_label), (new_plan, new_label) = load_side(old, db), load_side(new, db)
    except KehoachError as exc:
        fail(str(exc))
    report = render(diff_plans(old_plan, new_plan, old_label=old_label, new_label=new_label), fmt)
    if fmt == "rich":
        console = Console(file=io.StringIO() if out else None, highlight=False, width=160 if out else None)
        console.print(report)
        if out is not None:
            out.write_text(console.file.getvalue(), encoding="utf-8")
    elif out is None:
        sys.stdout.write(report)
    else:
        out.write_text(report, encoding="utf-8")


@app.command("export")
def export_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the tables and datapackage.json into.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv (UTF-8 with BOM), parquet, xlsx or jsonl.")] = "csv",
    province: Annotated[Optional[str], typer.Option("--province", help="Only plans of this province.")] = None,
    commune: Annotated[Optional[str], typer.Option("--commune", help="Only plans of this commune.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Only plans issued in this year.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export the database as tidy tables (one file per table, or one workbook) with a Data Package."""
    from kehoach.export.run import export_database
    from kehoach.export.tables import ExportFilter

    try:
        result = export_database(db, out, fmt, ExportFilter(province=province, commune=commune, year=year))
    except KehoachError as exc:
        fail(str(exc))
    counts = ", ".join(f"{name} {n}" for name, n in result.rows.items())
    typer.echo(f"{len(result.files)} files written to {out}: {counts}")


agencies_app = typer.Typer(help="The agency registry and the names plans use.", no_args_is_help=True)
app.add_typer(agencies_app, name="agencies")


@agencies_app.command("unresolved")
def agencies_unresolved(db: DbOption = DEFAULT_DB) -> None:
    """List agency names that resolved to no canonical agency, with counts and the nearest name."""
    from rich.console import Console
    from rich.table import Table

    from kehoach.load.db import open_session
    from kehoach.load.unresolved import unresolved_agencies

    try:
        with open_session(db) as session:
            names = unresolved_agencies(session)
    except KehoachError as exc:
        fail(str(exc))
    table = Table(title=f"{len(names)} unresolved agency names")
    for col in ("name as printed", "uses", "documents", "nearest canonical", "score"):
        table.add_column(col)
    for u in names:
        table.add_row(u.name, str(u.uses), str(u.documents), u.nearest or "", f"{u.score:.0f}")
    Console().print(table)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
