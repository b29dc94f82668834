"""Batch ingestion: idempotent, versioned, atomic per document, failures recorded."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

import kehoach.load.loader as loader
from conftest_db import PLAN_FILES, plan_data, read_plan, table_counts
from kehoach.cli import app
from kehoach.load.ingest import FileStatus, ingest
from kehoach.load.read import plan_from_db
from kehoach.schema.plan import Plan, Target
from kehoach.schema.tables import DocumentRow, IngestFailureRow, IngestRunRow

TAN_HUNG = next(p for p in PLAN_FILES if p.name.startswith("003_tan_hung.a"))
TAN_HUNG_REV = next(p for p in PLAN_FILES if p.name.startswith("003_tan_hung_rev"))
DUC_AN = next(p for p in PLAN_FILES if p.name.startswith("001_duc_an"))


def statuses(summary) -> list[str]:
    return [r.status.value for r in summary.results]


def test_ingesting_twice_changes_nothing_the_second_time(db_url, engine):
    first = ingest(PLAN_FILES, db_url, jobs=1)
    assert statuses(first) == ["new", "new", "versioned"]
    counts = table_counts(engine)
    assert counts["documents"] == 3 and counts["targets"] > 0
    second = ingest(PLAN_FILES, db_url, jobs=1)
    assert statuses(second) == ["unchanged"] * 3 and second.rows == 0
    assert [r.document_id for r in second.results] == [r.document_id for r in first.results]
    assert table_counts(engine) == counts
    with Session(engine) as s:
        runs = s.scalars(select(IngestRunRow).order_by(IngestRunRow.id)).all()
        assert [(r.n_new, r.n_versioned, r.n_unchanged, r.n_failed) for r in runs] == [(2, 1, 0, 0), (0, 0, 3, 0)]
        assert runs[0].n_rows == first.rows and runs[0].finished_at is not None


def test_a_revised_plan_becomes_a_new_version_linked_to_the_previous(db_url, engine, tmp_path):
    ingest([TAN_HUNG], db_url, jobs=1)
    data = plan_data(TAN_HUNG)
    data["indicators"][0]["targets"][0]["raw"] = "≥ 80%"
    data["indicators"][0]["targets"][0]["value"] = 80
    revised = tmp_path / "tan_hung_v2.plan.json"
    revised.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    v2 = ingest([revised], db_url, jobs=1).results[0]
    v3 = ingest([TAN_HUNG_REV], db_url, jobs=1).results[0]  # new number, same title
    assert (v2.status, v3.status) == (FileStatus.VERSIONED, FileStatus.VERSIONED)
    with Session(engine) as s:
        docs = s.scalars(select(DocumentRow).order_by(DocumentRow.id)).all()
        assert [(d.version_no, d.previous_id) for d in docs] == [(1, None), (2, docs[0].id), (3, docs[1].id)]
        assert len({d.plan_key for d in docs}) == 1
        assert plan_from_db(s, docs[0].id).indicators[0].targets[0].value == 60  # never overwritten
        assert plan_from_db(s, docs[1].id).indicators[0].targets[0].value == 80


def test_other_communes_plans_are_separate(db_url, engine):
    summary = ingest([DUC_AN, TAN_HUNG], db_url, jobs=1)
    assert statuses(summary) == ["new", "new"]
    with Session(engine) as s:
        assert s.scalar(select(func.count(func.distinct(DocumentRow.plan_key)))) == 2


def test_broken_files_are_recorded_and_the_batch_goes_on(db_url, engine, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_text.pdf").write_text("this is not a PDF\n", encoding="utf-8")
    (folder / "b_empty.pdf").write_bytes(b"")
    (folder / "c_bad.plan.json").write_text('{"contract": "plan-json/1", "indicators": [{"name": 1}]}', encoding="utf-8")
    (folder / "d_good.plan.json").write_bytes(TAN_HUNG.read_bytes())
    events = []
    summary = ingest([folder, tmp_path / "missing.pdf"], db_url, jobs=2, on_progress=events.append, plan_json=True)
    assert [(e.done, e.total) for e in events] == [(i, 5) for i in range(6)] and events[-1].failed == 4
    reasons = {r.path.rsplit("/", 1)[-1]: (r.status.value, r.reason) for r in summary.results}
    assert reasons["a_text.pdf"] == ("failed", "not a PDF (no %PDF- header)")
    assert reasons["b_empty.pdf"] == ("failed", "empty file")
    assert reasons["c_bad.plan.json"][0] == "failed" and reasons["c_bad.plan.json"][1].startswith("not plan-json/1")
    assert reasons["missing.pdf"] == ("failed", "No such file or directory")
    assert reasons["d_good.plan.json"][0] == "new"
    with Session(engine) as s:
        failures = s.scalars(select(IngestFailureRow).where(IngestFailureRow.run_id == summary.run_id)).all()
        assert sorted(f.path.rsplit("/", 1)[-1] for f in failures) == ["a_text.pdf", "b_empty.pdf", "c_bad.plan.json", "missing.pdf"]
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == 1


def test_folders_take_only_pdfs_unless_asked_for_plan_json(db_url, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.plan.json").write_bytes(TAN_HUNG.read_bytes())
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert ingest([tmp_path], db_url, jobs=1).results == []
    assert statuses(ingest([tmp_path], db_url, jobs=1, plan_json=True)) == ["new"]


def late_violation(plan: Plan) -> Plan:
    """A plan whose very last target breaks a CHECK constraint (kind "percent")."""
    bad = plan.model_copy(deep=True)
    last = bad.indicators[-1]
    last.targets.append(Target.model_construct(year=2030, raw="x", kind="percent", op=None, value=None,
                                               unit=None, qualifier=None, label=None))
    return bad


def test_a_document_that_fails_late_leaves_no_rows(engine):
    before = table_counts(engine)
    with pytest.raises(IntegrityError):
        loader.load_document(sessionmaker(engine), late_violation(read_plan(TAN_HUNG)),
                             source_path="bad", content_hash="f" * 64, ocr_used=False)
    assert table_counts(engine) == before


def test_a_load_failure_inside_a_batch_is_recorded_and_leaves_no_partial_document(db_url, engine, monkeypatch):
    real = loader.plan_to_rows
    broken = late_violation(read_plan(TAN_HUNG))

    def plan_to_rows(plan, agency_ids):
        return real(broken if plan.document.commune == "Tân Hưng" else plan, agency_ids)

    monkeypatch.setattr(loader, "plan_to_rows", plan_to_rows)
    summary = ingest([DUC_AN, TAN_HUNG], db_url, jobs=1)
    assert statuses(summary) == ["new", "failed"]
    assert "load failed: IntegrityError" in summary.results[1].reason
    with Session(engine) as s:
        assert s.scalars(select(DocumentRow.commune)).all() == ["Đức An"]
        assert plan_from_db(s, summary.results[0].document_id) == read_plan(DUC_AN)
    counts = table_counts(engine)
    assert counts["indicators"] == len(read_plan(DUC_AN).indicators)


def test_ingest_and_show_commands(tmp_path):
    url = f"sqlite:///{tmp_path / 'k.db'}"
    (tmp_path / "broken.pdf").write_text("plain text", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(TAN_HUNG), str(tmp_path / "broken.pdf"), "--db", url, "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'broken.pdf'}: not a PDF (no %PDF- header)" in result.stderr
    assert "│   1 │         0 │         0 │      1 │" in result.stdout
    strict = runner.invoke(app, ["ingest", str(tmp_path / "broken.pdf"), "--db", url, "--strict"])
    assert strict.exit_code == 1
    shown = runner.invoke(app, ["show", "1", "--db", url])
    assert shown.exit_code == 0, shown.output
    assert "Tân Hưng" in shown.stdout and "indicators" in shown.stdout and "25345" in shown.stdout
    missing = runner.invoke(app, ["show", "1", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert missing.exit_code == 1 and "no such database file" in missing.stderr


def test_an_unreachable_database_is_a_one_line_error():
    url = "postgresql://postgres@127.0.0.1:1/none"
    for args in (["ingest", str(TAN_HUNG), "--db", url], ["show", "1", "--db", url]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1
        assert result.stderr.startswith("error: postgresql+psycopg://postgres@127.0.0.1:1/none: cannot open the database:")
        assert len(result.stderr.strip().splitlines()) == 1
