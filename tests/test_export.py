"""`kehoach export`: every format read back (pandas, pyarrow, DuckDB) equals the database.

Three gold plans (two versions of Tân Hưng, and Phú Riềng) are loaded into a temporary
SQLite database; each format is exported once per module and read back.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.export.datapackage import DATAPACKAGE
from kehoach.export.run import export_session
from kehoach.export.tables import TABLES, ExportFilter, export_tables
from kehoach.export.writers import XLSX_NAME, arrow_schema
from kehoach.schema.plan import Plan

ROOT = Path(__file__).resolve().parent.parent
PLAN_FILES = [
    ROOT / "samples" / "docmodel" / "003_tan_hung.plan.json",
    ROOT / "samples" / "docmodel" / "003_tan_hung_rev.plan.json",
    ROOT / "samples" / "docmodel" / "000_phu_rieng.plan.json",
]
FORMATS = ("csv", "parquet", "xlsx", "jsonl")


def load_plans(url: str, paths: list[Path]) -> None:
    """Load plan-json files, in order, into a new database at `url` with kehoach's ingest."""
    from kehoach.load.ingest import ingest

    summary = ingest(paths, url, jobs=1, plan_json=True)
    assert not summary.failures, f"loading failed: {summary.failures}"


@pytest.fixture(scope="module")
def loaded_url(tmp_path_factory) -> str:
    missing = [p.relative_to(ROOT).as_posix() for p in PLAN_FILES if not p.exists()]
    if missing:
        pytest.fail(f"missing plan-json inputs {missing}: run `python tools/build_samples.py`")
    url = f"sqlite:///{tmp_path_factory.mktemp('exportdb') / 'kehoach.db'}"
    load_plans(url, PLAN_FILES)
    return url


@pytest.fixture(scope="module")
def engine(loaded_url):
    """Overrides conftest's per-backend `engine`: one SQLite database for the module."""
    from kehoach.load.db import make_engine

    eng = make_engine(loaded_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def frames(engine) -> dict[str, pd.DataFrame]:
    with Session(engine) as session:
        return export_tables(session)


@pytest.fixture(scope="module")
def exports(engine, tmp_path_factory) -> dict[str, Path]:
    out = {}
    with Session(engine) as session:
        for fmt in FORMATS:
            out[fmt] = tmp_path_factory.mktemp(f"export_{fmt}")
            export_session(session, out[fmt], fmt)
    return out


def _plans() -> list[Plan]:
    return [Plan.model_validate_json(p.read_text(encoding="utf-8")) for p in PLAN_FILES]


# ---- the tables equal the database and the plans -------------------------------------------


def test_tables_have_fixed_columns_and_types(frames):
    dtypes = {"integer": "Int64", "number": "Float64", "string": "string", "boolean": "boolean"}
    for spec in TABLES:
        frame = frames[spec.name]
        assert list(frame.columns) == spec.column_names, spec.name
        for col in spec.columns:
            if col.type in dtypes:
                assert str(frame[col.name].dtype) == dtypes[col.type], (spec.name, col.name)


def test_row_counts_equal_database_rows(frames, engine):
    with engine.connect() as conn:
        count = lambda sql: conn.execute(text(sql)).scalar_one()  # noqa: E731
        assert len(frames["documents"]) == count("SELECT count(*) FROM documents")
        assert len(frames["tasks"]) == count("SELECT count(*) FROM tasks")
        assert len(frames["task_agencies"]) == count("SELECT count(*) FROM task_agencies")
        assert len(frames["legal_bases"]) == count("SELECT count(*) FROM legal_bases")
        assert len(frames["responsibilities"]) == count("SELECT count(*) FROM responsibilities")
        assert len(frames["issues"]) == count("SELECT count(*) FROM extraction_issues")
        # one row per indicator and target; an indicator without targets still has its row
        assert len(frames["indicators"]) == count(
            "SELECT count(*) FROM indicators i LEFT JOIN targets t ON t.indicator_id = i.id")


def test_tables_carry_the_plans_values(frames):
    plans = _plans()
    docs = frames["documents"]
    assert docs["number"].isna().iloc[0] and docs["number"].iloc[1] == "112/KH-UBND"
    assert docs["issue_date"].tolist()[1] == dt.date(2026, 4, 15)
    for doc_id, plan in zip(docs["document_id"], plans):
        tasks = frames["tasks"][frames["tasks"]["document_id"] == doc_id]
        assert tasks["name"].tolist() == [t.name for t in plan.tasks]
        assert tasks["deadline_raw"].fillna("∅").tolist() == [t.deadline.raw or "∅" for t in plan.tasks]
        inds = frames["indicators"][frames["indicators"]["document_id"] == doc_id]
        expected = [(i.name, t.year, t.raw) for i in plan.indicators for t in i.targets]
        got = [(r.name, None if pd.isna(r.year) else r.year, r.target_raw) for r in inds.itertuples()]
        assert got == expected
        leads = frames["task_agencies"][(frames["task_agencies"]["document_id"] == doc_id)
                                        & (frames["task_agencies"]["role"] == "lead")]
        assert len(leads) == sum(len(t.lead) for t in plan.tasks)


def test_filters_select_documents_and_their_rows(engine):
    with Session(engine) as session:
        phu_rieng = export_tables(session, ExportFilter(commune="phú riềng"))
        dong_nai = export_tables(session, ExportFilter(province="ĐỒNG NAI", year=2026))
        none = export_tables(session, ExportFilter(year=1999))
    assert phu_rieng["documents"]["commune"].tolist() == ["Phú Riềng"]
    assert set(phu_rieng["tasks"]["document_id"]) == set(phu_rieng["documents"]["document_id"])
    assert set(dong_nai["documents"]["commune"]) == {"Tân Hưng"}
    assert all(len(frame) == 0 for frame in none.values())


# ---- every format reads back equal ----------------------------------------------------------


def _comparable(frame: pd.DataFrame, spec) -> list[list]:
    """Rows as plain Python values: NA -> None, dates as ISO text, datetimes to the second."""
    out = []
    for row in frame.astype(object).itertuples(index=False):
        values = []
        for value, col in zip(row, spec.columns):
            if value is None or value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
                values.append(None)
            elif col.type == "date":
                values.append(pd.Timestamp(value).date().isoformat())
            elif col.type == "datetime":
                stamp = pd.Timestamp(value)
                stamp = stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp
                values.append(stamp.floor("s").isoformat())
            elif col.type == "integer":
                values.append(int(value))
            elif col.type == "number":
                values.append(float(value))
            elif col.type == "boolean":
                values.append(bool(value) if not isinstance(value, str) else value.lower() == "true")
            else:
                values.append(str(value))
        out.append(values)
    return out


def _assert_same(spec, expected: pd.DataFrame, actual: pd.DataFrame, how: str) -> None:
    assert list(actual.columns) == spec.column_names, f"{how}: {spec.name} columns"
    want, got = _comparable(expected, spec), _comparable(actual, spec)
    assert len(got) == len(want), f"{how}: {spec.name} has {len(got)} rows, expected {len(want)}"
    for i, (w, g) in enumerate(zip(want, got)):
        diffs = [f"{c.name}: {a!r} != {b!r}" for c, a, b in zip(spec.columns, w, g) if a != b]
        assert not diffs, f"{how}: {spec.name} row {i}: " + "; ".join(diffs)


def _string_dtypes(spec) -> dict[str, str]:
    return {c.name: "string" for c in spec.columns if c.type in ("string", "date", "datetime")}


def test_csv_has_bom_and_reads_back_with_pandas(frames, exports):
    for spec in TABLES:
        path = exports["csv"] / f"{spec.name}.csv"
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
        back = pd.read_csv(path, encoding="utf-8-sig", dtype=_string_dtypes(spec), keep_default_na=False,
                           na_values=[""])
        _assert_same(spec, frames[spec.name], back, "csv/pandas")
    text_ = (exports["csv"] / "tasks.csv").read_text(encoding="utf-8-sig")
    assert "Tổ chức tập huấn kỹ năng phòng, chống lừa đảo trực tuyến" in text_


def test_jsonl_reads_back(frames, exports):
    for spec in TABLES:
        lines = (exports["jsonl"] / f"{spec.name}.jsonl").read_text(encoding="utf-8").splitlines()
        back = pd.DataFrame([json.loads(line) for line in lines], columns=spec.column_names)
        _assert_same(spec, frames[spec.name], back, "jsonl")


def test_xlsx_one_sheet_per_table_frozen_header_typed_cells(frames, exports):
    from openpyxl import load_workbook

    path = exports["xlsx"] / XLSX_NAME
    book = load_workbook(path)
    assert book.sheetnames == [spec.name for spec in TABLES]
    assert all(book[name].freeze_panes == "A2" for name in book.sheetnames)
    sheet = book["indicators"]
    header = [c.value for c in sheet[1]]
    row2 = {h: c for h, c in zip(header, sheet[2])}
    assert isinstance(row2["target_value"].value, (int, float)) and row2["year"].data_type == "n"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row), "no cell may be a formula"
    for spec in TABLES:
        back = pd.read_excel(path, sheet_name=spec.name, dtype=_string_dtypes(spec))
        _assert_same(spec, frames[spec.name], back, "xlsx/pandas")


def test_parquet_types_and_values_with_pyarrow(frames, exports):
    import pyarrow.parquet as pq

    for spec in TABLES:
        table = pq.read_table(exports["parquet"] / f"{spec.name}.parquet")
        assert table.schema.equals(arrow_schema(spec), check_metadata=False), spec.name
        _assert_same(spec, frames[spec.name], table.to_pandas(), "parquet/pyarrow")


def test_duckdb_queries_parquet_and_csv_like_the_database(exports, engine):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is in the dev extra")
    sql = ("SELECT d.commune, count(*) FROM '{tasks}' t JOIN '{docs}' d USING (document_id) "
           "GROUP BY d.commune, d.document_id ORDER BY d.document_id")
    with engine.connect() as conn:
        want = [tuple(r) for r in conn.execute(text(
            "SELECT d.commune, count(*) FROM tasks t JOIN documents d ON d.id = t.document_id "
            "GROUP BY d.commune, d.id ORDER BY d.id"))]
    for fmt in ("parquet", "csv"):
        query = sql.format(tasks=exports[fmt] / f"tasks.{fmt}", docs=exports[fmt] / f"documents.{fmt}")
        assert duckdb.sql(query).fetchall() == want, fmt
    years = duckdb.sql(f"SELECT DISTINCT year FROM '{exports['parquet'] / 'indicators.parquet'}' "
                       "WHERE year IS NOT NULL ORDER BY year").fetchall()
    assert years and all(isinstance(y, int) for (y,) in years)
    dates = duckdb.sql(f"SELECT typeof(issue_date) FROM '{exports['parquet'] / 'documents.parquet'}' LIMIT 1")
    assert dates.fetchall() == [("DATE",)]


# ---- datapackage.json ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_datapackage_describes_every_table_column_and_key(frames, exports, fmt):
    package = json.loads((exports[fmt] / DATAPACKAGE).read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == [spec.name for spec in TABLES]
    for spec in TABLES:
        res = resources[spec.name]
        assert (exports[fmt] / res["path"]).exists()
        assert res["rows"] == len(frames[spec.name])
        assert [(f["name"], f["type"]) for f in res["schema"]["fields"]] == [(c.name, c.type) for c in spec.columns]
        frame = frames[spec.name]
        if spec.primary_key:
            assert res["schema"]["primaryKey"] == list(spec.primary_key)
            assert not frame.duplicated(list(spec.primary_key)).any(), f"{spec.name}: primary key not unique"
        for fk in res["schema"].get("foreignKeys", []):
            parent = frames[fk["reference"]["resource"]][fk["reference"]["fields"]]
            values = frame[fk["fields"]].dropna()
            assert values.isin(set(parent)).all(), f"{spec.name}.{fk['fields']}: dangling reference"


def test_export_reads_back_on_every_backend(db_url, tmp_path):
    """conftest's `db_url`: a fresh SQLite file, and PostgreSQL when a server answers."""
    import pyarrow.parquet as pq

    from kehoach.export.run import export_database, open_database

    load_plans(db_url, PLAN_FILES)
    result = export_database(db_url, tmp_path, "parquet")
    assert result.documents == len(PLAN_FILES)
    engine = open_database(db_url)
    try:
        with Session(engine) as session:
            frames = export_tables(session)
        with engine.connect() as conn:
            assert result.rows["tasks"] == conn.execute(text("SELECT count(*) FROM tasks")).scalar_one()
    finally:
        engine.dispose()
    for spec in TABLES:
        table = pq.read_table(tmp_path / f"{spec.name}.parquet")
        assert table.schema.equals(arrow_schema(spec), check_metadata=False), spec.name
        _assert_same(spec, frames[spec.name], table.to_pandas(), f"parquet/{db_url.split(':')[0]}")


# ---- CLI ---------------------------------------------------------------------------------------


def test_cli_export_with_filters(loaded_url, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["export", "--out", str(out), "--format", "csv", "--db", loaded_url,
                                      "--commune", "Tân Hưng", "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert "documents 2" in result.output
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype=str)
    assert sorted(docs["number"].fillna("")) == ["", "112/KH-UBND"]


def test_cli_export_errors_are_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--out", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 1 and "no database at" in result.output
    assert not (tmp_path / "none.db").exists()
