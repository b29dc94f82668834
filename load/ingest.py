"""Batch ingestion: `ingest(paths, db_url, jobs)` -> IngestSummary. No printing.

Files are hashed in the parent; bytes already in the database are "unchanged" without
being extracted again. The rest are extracted in worker processes and loaded, in input
order, by the parent: each document in one transaction, so an interrupted batch leaves
only whole documents and running it again completes it. A file that cannot be read or
loaded is recorded in `ingest_failures` with its reason and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker

from kehoach import PIPELINE_VERSION
from kehoach.errors import InputError
from kehoach.load.db import make_engine, migrate
from kehoach.load.loader import load_document, sha256_file, sync_agencies
from kehoach.schema.plan import Plan
from kehoach.schema.tables import DocumentRow, IngestFailureRow, IngestRunRow

PLAN_JSON_SUFFIX = ".plan.json"


class FileStatus(str, Enum):
    NEW = "new"
    UNCHANGED = "unchanged"
    VERSIONED = "versioned"
    FAILED = "failed"


@dataclass(frozen=True)
class FileResult:
    path: str
    status: FileStatus
    document_id: Optional[int] = None
    rows: int = 0
    issues: int = 0
    reason: Optional[str] = None


@dataclass
class IngestSummary:
    run_id: int
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: FileStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def rows(self) -> int:
        return sum(r.rows for r in self.results)

    @property
    def issues(self) -> int:
        return sum(r.issues for r in self.results)

    @property
    def failures(self) -> list[FileResult]:
        return [r for r in self.results if r.status is FileStatus.FAILED]


@dataclass(frozen=True)
class Progress:
    """Passed to `on_progress` once the batch is known, then after each file."""

    done: int
    total: int
    failed: int
    last: Optional[FileResult]  # None in the first call, made before any file


# --- finding and extracting files ----------------------------------------------------


def discover(paths: Iterable[str | Path], *, plan_json: bool = False) -> Iterator[Path]:
    """The files to ingest: named files as given, folders searched recursively for *.pdf
    (and *.plan.json when `plan_json`), each in sorted order."""
    for p in map(Path, paths):
        if p.is_dir():
            found = [f for f in p.rglob("*") if f.is_file() and _wanted(f, plan_json)]
            yield from sorted(found)
        else:
            yield p


def _wanted(path: Path, plan_json: bool) -> bool:
    name = path.name.lower()
    return name.endswith(".pdf") or (plan_json and name.endswith(PLAN_JSON_SUFFIX))


@dataclass(frozen=True)
class Extracted:
    """A worker's answer for one file: a plan, or the reason there is none."""

    path: str
    plan: Optional[Plan] = None
    ocr_used: bool = False
    extracted_at: Optional[dt.datetime] = None
    pipeline_version: Optional[str] = None
    reason: Optional[str] = None


def read_plan_json(path: Path) -> Plan:
    try:
        return Plan.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
        raise InputError(str(path), f"not plan-json/1: {str(exc).splitlines()[0]}") from exc


def extract_pdf(path: Path) -> Plan:
    """The pipeline's extraction, after cheap checks that need no PDF library."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise InputError(str(path), "empty file")
    if b"%PDF-" not in head:
        raise InputError(str(path), "not a PDF (no %PDF- header)")
    from kehoach.pipeline import extract_plan

    return extract_plan(path)


def ocr_used(plan: Plan) -> bool:
    """Whether any page was OCR'd: an "ocr…" issue, or an `ocr_used` extra field."""
    flags = (plan.model_extra or {}).get("ocr_used"), (plan.document.model_extra or {}).get("ocr_used")
    return any(bool(f) for f in flags) or any(i.code.startswith("ocr") for i in plan.issues)


def extract_file(path: str) -> Extracted:
    """Worker: one file to a plan (*.plan.json is read as pre-extracted). Never raises."""
    p = Path(path)
    try:
        if p.name.lower().endswith(PLAN_JSON_SUFFIX):
            plan = read_plan_json(p)
            stamp = dt.datetime.fromtimestamp(p.stat().st_mtime, dt.timezone.utc)
            return Extracted(path, plan, ocr_used(plan), stamp, (plan.model_extra or {}).get("pipeline_version"))
        plan = extract_pdf(p)
        return Extracted(path, plan, ocr_used(plan), dt.datetime.now(dt.timezone.utc), PIPELINE_VERSION)
    except InputError as exc:
        return Extracted(path, reason=exc.reason)
    except OSError as exc:
        return Extracted(path, reason=exc.strerror or str(exc))
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the batch
        return Extracted(path, reason=f"extraction failed: {type(exc).__name__}: {exc}")


class _InlineExecutor(Executor):
    """--jobs 1: extract in this process."""

    def submit(self, fn, /, *args, **kwargs):  # noqa: ANN001, ANN201
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _executor(jobs: int, files: int) -> Executor:
    workers = max(1, min(jobs, files))
    if workers == 1:
        return _InlineExecutor()
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


# --- the batch --------------------------------------------------------------------


def _hashes(files: Sequence[Path]) -> tuple[dict[Path, str], list[FileResult]]:
    hashes, failed = {}, []
    for f in files:
        try:
            hashes[f] = sha256_file(f)
        except OSError as exc:
            failed.append(FileResult(str(f), FileStatus.FAILED, reason=exc.strerror or str(exc)))
    return hashes, failed


def ingest(
    paths: Iterable[str | Path],
    db_url: str,
    jobs: Optional[int] = None,
    on_progress: Optional[Callable[[Progress], None]] = None,
    *,
    plan_json: bool = False,
) -> IngestSummary:
    """Load every plan under `paths` into the database at `db_url` (migrated first)."""
    started = dt.datetime.now(dt.timezone.utc)
    paths = [str(p) for p in paths]
    files = list(dict.fromkeys(discover(paths, plan_json=plan_json)))
    engine = make_engine(db_url)
    try:
        migrate(engine)
        sessions = sessionmaker(engine, expire_on_commit=False)
        with sessions.begin() as s:
            sync_agencies(s)
            run = IngestRunRow(started_at=started, pipeline_version=PIPELINE_VERSION,
                               args={"paths": paths, "jobs": jobs, "plan_json": plan_json})
            s.add(run)
        summary = IngestSummary(run.id)
        hashes, unreadable = _hashes(files)
        with sessions() as s:
            known = dict(s.execute(select(DocumentRow.content_hash, DocumentRow.id)
                                   .where(DocumentRow.content_hash.in_(set(hashes.values())))).all())

        def done(result: FileResult) -> None:
            summary.results.append(result)
            if result.status is FileStatus.FAILED:
                with sessions.begin() as s:
                    s.add(IngestFailureRow(run_id=run.id, path=result.path, reason=result.reason,
                                           failed_at=dt.datetime.now(dt.timezone.utc)))
            if on_progress:
                on_progress(Progress(len(summary.results), len(files), len(summary.failures), result))

        if on_progress:
            on_progress(Progress(0, len(files), 0, None))
        for result in unreadable:
            done(result)
        todo = []
        for f, h in hashes.items():
            if h in known:
                done(FileResult(str(f), FileStatus.UNCHANGED, known[h]))
            else:
                todo.append(f)
        try:
            _extract_and_load(todo, hashes, sessions, run.id, jobs or os.cpu_count() or 1, done)
        finally:
            summary.seconds = (dt.datetime.now(dt.timezone.utc) - started).total_seconds()
            _finish_run(sessions, run.id, summary)
        return summary
    finally:
        engine.dispose()


def _extract_and_load(todo: list[Path], hashes: dict[Path, str], sessions: sessionmaker, run_id: int,
                      jobs: int, done: Callable[[FileResult], None]) -> None:
    with _executor(jobs, len(todo)) as pool:
        futures = [pool.submit(extract_file, str(f)) for f in todo]
        try:
            for f, future in zip(todo, futures):
                done(_load_one(future.result(), hashes[f], sessions, run_id))
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _load_one(ex: Extracted, content_hash: str, sessions: sessionmaker, run_id: int) -> FileResult:
    if ex.plan is None:
        return FileResult(ex.path, FileStatus.FAILED, reason=ex.reason)
    try:
        res = load_document(
            sessions, ex.plan, source_path=str(Path(ex.path).resolve()), content_hash=content_hash,
            ocr_used=ex.ocr_used, extracted_at=ex.extracted_at, pipeline_version=ex.pipeline_version,
            run_id=run_id,
        )
    except Exception as exc:  # noqa: BLE001 - recorded; the batch goes on
        first = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return FileResult(ex.path, FileStatus.FAILED, reason=f"load failed: {type(exc).__name__}: {first}")
    return FileResult(ex.path, FileStatus(res.status.value), res.document_id, res.rows, res.issues)


def _finish_run(sessions: sessionmaker, run_id: int, summary: IngestSummary) -> None:
    with sessions.begin() as s:
        s.execute(update(IngestRunRow).where(IngestRunRow.id == run_id).values(
            finished_at=dt.datetime.now(dt.timezone.utc),
            n_new=summary.count(FileStatus.NEW), n_unchanged=summary.count(FileStatus.UNCHANGED),
            n_versioned=summary.count(FileStatus.VERSIONED), n_failed=summary.count(FileStatus.FAILED),
            n_rows=summary.rows, n_issues=summary.issues,
        ))
