"""plan-json -> database -> plan-json gives back the input, field by field."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from conftest_db import PLAN_FILES, read_plan
from kehoach.cli import app
from kehoach.load.loader import LoadStatus, load_document, load_plan, sync_agencies
from kehoach.load.read import DocumentNotFound, find_document, plan_from_db
from kehoach.schema.plan import Plan
from kehoach.schema.tables import TaskAgencyRow, TaskRow


def assert_same_plan(got: Plan, want: Plan) -> None:
    """Equal JSON, compared section by section and row by row for a readable failure."""
    g, w = got.to_json_dict(), want.to_json_dict()
    assert set(g) == set(w)
    for section in w:
        if isinstance(w[section], list):
            assert len(g[section]) == len(w[section]), section
            for i, (a, b) in enumerate(zip(g[section], w[section])):
                for field in b:
                    assert a.get(field) == b[field], f"{section}[{i}].{field}"
                assert set(a) == set(b), f"{section}[{i}] keys"
        else:
            assert g[section] == w[section], section


def load(engine, plan: Plan, name: str = "x.plan.json", content_hash: str = "0" * 64):
    sessions = sessionmaker(engine)
    return load_document(sessions, plan, source_path=name, content_hash=content_hash, ocr_used=False)


def read_back(engine, document_id: int) -> Plan:
    with Session(engine) as session:
        return plan_from_db(session, document_id)


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_gold_plan_round_trips(engine, path):
    with sessionmaker(engine).begin() as session:
        sync_agencies(session)
    plan = read_plan(path)
    assert any(ind.page for ind in plan.indicators), "fixture should carry pages"
    result = load(engine, plan, path.name)
    assert result.status is LoadStatus.NEW
    assert_same_plan(read_back(engine, result.document_id), plan)


def synthetic_plan() -> Plan:
    """Every corner of the mapping: extras at each level, bbox, empty signer, numbers."""
    data = json.loads(PLAN_FILES[0].read_text(encoding="utf-8"))
    data["pipeline_note"] = {"nested": [1, 2]}
    data["document"].update(signer={"name": None, "position": None, "authority": None}, ocr_pages=[3])
    data["legal_bases"][0].update(bbox=[1.5, 2, 3, 4], page=1)
    ind = data["indicators"][0]
    ind.update(bbox=[10.0, 20.5, 300.25, 40.0], extra={"cột 7": "ghi chú"})
    ind["group"]["color"] = "blue"
    ind["targets"] = [
        {"year": 2025, "raw": "≥1,0%", "kind": "numeric", "op": ">=", "value": 1.0, "unit": "%", "qualifier": None, "label": None},
        {"year": 2026, "raw": "2,5", "kind": "numeric", "op": "=", "value": 2.5, "unit": None, "qualifier": "GRDP", "label": None},
        {"year": 2027, "raw": "Có triển khai", "kind": "boolean", "op": None, "value": True, "unit": None, "qualifier": None, "label": "Có triển khai"},
        {"year": 2028, "raw": "Không", "kind": "boolean", "op": None, "value": False, "unit": None, "qualifier": None, "label": None},
        {"year": None, "raw": "-", "kind": "none", "op": None, "value": None, "unit": None, "qualifier": None, "label": None, "cell": "E7"},
    ]
    ind["lead"] = ["Phòng Kinh tế", "Một đơn vị chưa biết", "Phòng Kinh tế"]
    task = data["tasks"][0]
    task.update(lead=["Phòng VH-XH"], partners=["Công an xã", "Tổ chưa biết"], bbox=[0, 0, 1, 1])
    task["deadline"] = {"raw": "Quý II/2026", "start": "2026-04-01", "end": "2026-06-30", "recurrence": "annual", "confidence": 0.5}
    data["responsibilities"][0]["bbox"] = None  # a present-but-null extra stays as it was
    data["issues"] = [
        {"code": "agency_unresolved", "message": "unknown agency", "page": 2, "bbox": [1, 2, 3, 4], "value": "Tổ chưa biết"},
        {"code": "ocr_low_confidence", "message": "check", "page": None, "bbox": None, "value": None, "row": 7},
    ]
    return Plan.model_validate(data)


def test_every_field_and_extra_round_trips(engine):
    plan = synthetic_plan()
    result = load(engine, plan)
    back = read_back(engine, result.document_id)
    assert_same_plan(back, plan)
    targets = back.indicators[0].targets
    assert [type(t.value) for t in targets] == [float, float, bool, bool, type(None)]
    assert back.document.signer is not None


def test_agency_links_resolve_canonical_names_and_aliases_and_keep_unknown_names(engine):
    with sessionmaker(engine).begin() as session:
        sync_agencies(session)
    result = load(engine, synthetic_plan())
    with Session(engine) as session:
        links = session.execute(
            select(TaskAgencyRow.role, TaskAgencyRow.name, TaskAgencyRow.agency_id)
            .join(TaskRow).where(TaskRow.document_id == result.document_id, TaskRow.position == 0)
            .order_by(TaskAgencyRow.role, TaskAgencyRow.position)
        ).all()
    (lead_role, lead_name, lead_id), (_, _, police_id), (_, unknown, unknown_id) = links
    assert (lead_role, lead_name) == ("lead", "Phòng VH-XH") and lead_id is not None  # by alias
    assert police_id is not None and police_id != lead_id
    assert (unknown, unknown_id) == ("Tổ chưa biết", None)


def test_find_document_by_id_number_path_and_hash(engine, tmp_path):
    path = tmp_path / "p.plan.json"
    path.write_text("{}", encoding="utf-8")
    plan = read_plan(PLAN_FILES[0]).model_copy(deep=True)
    plan.document.number = "94/KH-UBND"
    result = load(engine, plan, str(path.resolve()), "ab" * 32)
    with Session(engine) as session:
        for ref in (result.document_id, str(result.document_id), "94/KH-UBND", str(path), "abababab"):
            assert find_document(session, ref).id == result.document_id, ref
        with pytest.raises(DocumentNotFound):
            find_document(session, "95/KH-UBND")


def test_load_plan_writes_in_the_callers_transaction(engine):
    plan = read_plan(PLAN_FILES[0])
    with Session(engine) as session:
        with session.begin():
            first = load_plan(session, plan, source_path="a", content_hash="1" * 64, ocr_used=True,
                              extracted_at=dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc))
            again = load_plan(session, plan, source_path="b", content_hash="1" * 64, ocr_used=True)
        assert first.status is LoadStatus.NEW and first.rows > 100
        assert (again.status, again.document_id, again.rows) == (LoadStatus.UNCHANGED, first.document_id, 0)


def test_extract_from_db_re_emits_the_plan_json(tmp_path):
    from kehoach.load.ingest import ingest

    url = f"sqlite:///{tmp_path / 'k.db'}"
    summary = ingest([PLAN_FILES[0]], url, jobs=1)
    runner = CliRunner()
    result = runner.invoke(app, ["extract", "--from-db", str(summary.results[0].document_id), "--db", url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == read_plan(PLAN_FILES[0]).to_json_dict()
    missing = runner.invoke(app, ["extract", "--from-db", "999", "--db", url])
    assert missing.exit_code == 1
    assert "error: no loaded document matches '999'" in missing.stderr


def test_every_sample_gold_plan_round_trips(db_url):
    """samples/gold/*.plan.json (gold with pages, one per rendering) through `ingest`."""
    from kehoach.load.ingest import FileStatus, ingest
    from kehoach.load.read import plan_from_db_url

    golds = sorted((Path(__file__).resolve().parent.parent / "samples" / "gold").glob("*.plan.json"))
    assert golds, "samples/gold/*.plan.json missing: run tools/build_samples.py"
    summary = ingest(golds, db_url, jobs=1)
    assert not summary.failures
    for result in summary.results:
        assert result.status is not FileStatus.FAILED
        assert plan_from_db_url(db_url, str(result.document_id)) == read_plan(Path(result.path)), result.path
