"""Several `kehoach ingest` processes, and a process killed mid-batch."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest_db import PLAN_FILES, read_plan, write_variants
from kehoach.load.loader import sha256_file
from kehoach.load.read import plan_from_db
from kehoach.schema.tables import DocumentRow, IngestRunRow

TAN_HUNG = next(p for p in PLAN_FILES if p.name.startswith("003_tan_hung.a"))
TAN_HUNG_REV = next(p for p in PLAN_FILES if p.name.startswith("003_tan_hung_rev"))
DUC_AN = next(p for p in PLAN_FILES if p.name.startswith("001_duc_an"))


def ingest_process(folder, url, *extra) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "kehoach.cli", "ingest", str(folder), "--plan-json", "--db", url, *extra]
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_two_ingest_processes_on_one_folder_load_each_document_once(db_url, engine, tmp_path):
    folder = tmp_path / "plans"
    files = write_variants(folder, DUC_AN, 6) + write_variants(folder, TAN_HUNG, 4)
    for src in (TAN_HUNG, TAN_HUNG_REV):  # a version chain, raced too
        (folder / src.name).write_bytes(src.read_bytes())
    procs = [ingest_process(folder, db_url, "--jobs", "1") for _ in range(2)]
    outputs = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
        assert "error" not in err.lower() and "failed:" not in err, err
    with Session(engine) as s:
        hashes = s.scalars(select(DocumentRow.content_hash)).all()
        assert sorted(hashes) == sorted(sha256_file(f) for f in folder.iterdir())
        assert len(files) + 2 == len(hashes)
        runs = s.scalars(select(IngestRunRow)).all()
        assert len(runs) == 2 and all(r.n_failed == 0 and r.finished_at for r in runs)
        assert sum(r.n_new + r.n_versioned for r in runs) == len(hashes)
        chain = s.scalars(select(DocumentRow).where(DocumentRow.commune == "Tân Hưng", DocumentRow.version_no > 1)).all()
        assert [(d.version_no, d.number) for d in chain] == [(2, "112/KH-UBND")]
        assert s.scalar(select(func.count()).select_from(DocumentRow).where(DocumentRow.previous_id.is_not(None))) == 1


def _documents_in(path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_killed_batch_leaves_whole_documents_and_a_rerun_completes_it(tmp_path):
    folder = tmp_path / "plans"
    files = write_variants(folder, DUC_AN, 40)
    db = tmp_path / "k.db"
    url = f"sqlite:///{db}"
    proc = ingest_process(folder, url, "--jobs", "1")
    deadline = time.monotonic() + 120
    while _documents_in(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)

    from kehoach.load.db import make_engine

    engine = make_engine(url)
    try:
        with Session(engine) as s:
            loaded = s.execute(select(DocumentRow.id, DocumentRow.source_path)).all()
            assert 3 <= len(loaded), "the batch should have been killed part-way"
            for doc_id, source in loaded:  # every document that is there is whole
                assert plan_from_db(s, doc_id) == read_plan(folder / source.rsplit("/", 1)[-1])
        rerun = ingest_process(folder, url, "--jobs", "1")
        out, err = rerun.communicate(timeout=240)
        assert rerun.returncode == 0, err
        with Session(engine) as s:
            assert s.scalar(select(func.count()).select_from(DocumentRow)) == len(files)
    finally:
        engine.dispose()
