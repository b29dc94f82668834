"""Load speed: documents/second and rows/second into SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_ingest.py [--copies 500] [--jobs 1 2] [--pg URL]

Ingests `--copies` pre-extracted plans (samples/gold/*.plan.json, each copy given its
own number and title, so every file is a new document with its own hash) into a fresh
database per run, with `kehoach.load.ingest.ingest` as the CLI runs it: hashing,
parse/validate in worker processes, one transaction per document. Extraction is left
out (benchmarks/bench_extract.py measures it). A second run over the same files
measures the "unchanged" path. PostgreSQL runs are skipped when no server answers.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kehoach.load.ingest import FileStatus, ingest

ROOT = Path(__file__).resolve().parent.parent
PG_DEFAULT = os.environ.get("KEHOACH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def sources() -> list[Path]:
    for folder in (ROOT / "samples" / "gold", ROOT / "tests" / "data" / "db"):
        found = sorted(folder.glob("*.plan.json"))
        if found:
            return found
    sys.exit("no *.plan.json samples found")


def write_copies(folder: Path, count: int) -> list[Path]:
    """`count` distinct plans, cycling over the samples: each its own number and title."""
    bases = [json.loads(p.read_text(encoding="utf-8")) for p in sources()]
    paths = []
    for i in range(count):
        data = copy.deepcopy(bases[i % len(bases)])
        data["document"]["number"] = f"{i + 1}/KH-BENCH"
        data["document"]["title"] = f"{data['document']['title'] or ''} (bản sao {i + 1})"
        path = folder / f"copy_{i:05d}.plan.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def pg_database(admin_url: str, name: str):
    """(url, drop) for a fresh database `name`, or None when the server is not reachable."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(admin_url)
    args = dict(host=u.host, port=u.port or 5432, user=u.username, password=u.password,
                dbname=u.database, autocommit=True, connect_timeout=3)
    try:
        with psycopg.connect(**args) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        print(f"PostgreSQL skipped: {str(exc).strip().splitlines()[0]}", file=sys.stderr)
        return None

    def drop() -> None:
        with psycopg.connect(**args) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return u.set(database=name).render_as_string(hide_password=False), drop


def run(files: list[Path], url: str, jobs: int) -> list[str]:
    t0 = time.perf_counter()
    first = ingest(files, url, jobs)
    t1 = time.perf_counter()
    again = ingest(files, url, jobs)
    t2 = time.perf_counter()
    loaded = first.count(FileStatus.NEW) + first.count(FileStatus.VERSIONED)
    assert loaded == len(files) and again.count(FileStatus.UNCHANGED) == len(files), "unexpected statuses"
    return [f"{len(files)}", f"{t1 - t0:.1f}", f"{loaded / (t1 - t0):.1f}", f"{first.rows / (t1 - t0):,.0f}",
            f"{first.rows:,}", f"{len(files) / (t2 - t1):.0f}"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=500)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--pg", default=PG_DEFAULT, help="PostgreSQL admin URL (a scratch database is created there)")
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()

    table = Table(title=f"ingest of {args.copies} pre-extracted plans (one transaction each)")
    for col in ("backend", "jobs", "docs", "seconds", "docs/s", "rows/s", "rows", "unchanged files/s"):
        table.add_column(col, justify="right" if col not in ("backend",) else "left")
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        files = write_copies(folder, args.copies)
        for jobs in args.jobs:
            url = f"sqlite:///{Path(tmp) / f'bench_{jobs}.db'}"
            table.add_row("SQLite", str(jobs), *run(files, url, jobs))
            if args.no_pg:
                continue
            pg = pg_database(args.pg, f"kehoach_bench_{os.getpid()}_{jobs}")
            if pg is None:
                continue
            url, drop = pg
            try:
                table.add_row("PostgreSQL", str(jobs), *run(files, url, jobs))
            finally:
                drop()
    Console().print(table)


if __name__ == "__main__":
    main()
