"""The relational schema: migrations build it from nothing, and match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlalchemy.schema import CreateTable

from kehoach.load.db import alembic_config, make_engine, migrate
from kehoach.schema.tables import Base, TargetRow


def test_migrations_upgrade_an_empty_database_to_head_and_match_the_models(db_url):
    engine = make_engine(db_url)
    try:
        assert inspect(engine).get_table_names() == []
        migrate(engine)
        migrate(engine)  # a second run is a no-op
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head
            diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diffs == []
        assert set(inspect(engine).get_table_names()) == set(Base.metadata.tables) | {"alembic_version"}
    finally:
        engine.dispose()


def test_indexes_for_analyst_queries(engine):
    insp = inspect(engine)

    def indexed(table: str) -> set[tuple[str, ...]]:
        cols = {tuple(ix["column_names"]) for ix in insp.get_indexes(table)}
        return cols | {tuple(uq["column_names"]) for uq in insp.get_unique_constraints(table)}

    assert {("province",), ("name",), ("code",), ("key",)} <= indexed("communes")
    assert {("commune_id",), ("issue_year",), ("number",), ("province",), ("content_hash",),
            ("plan_key", "version_no"), ("previous_id",)} <= indexed("documents")
    assert {("deadline_end",), ("document_id", "position")} <= indexed("tasks")
    assert {("year",), ("indicator_id", "position")} <= indexed("targets")
    for link in ("task_agencies", "indicator_agencies", "responsibility_agencies"):
        assert ("agency_id",) in indexed(link)
    assert ("alias",) in indexed("agency_aliases") and ("name",) in indexed("agencies")


def test_targets_ddl_is_typed_and_checked():
    ddl = str(CreateTable(TargetRow.__table__).compile(create_engine("sqlite://")))
    for line in (
        "value FLOAT", "value_bool BOOLEAN", "year INTEGER", "raw TEXT NOT NULL",
        "CONSTRAINT uq_targets_indicator_id_position UNIQUE (indicator_id, position)",
        "CONSTRAINT ck_targets_kind_valid CHECK (kind IN ('numeric', 'boolean', 'text', 'none'))",
        "CONSTRAINT ck_targets_op_valid CHECK (op IS NULL OR op IN ('>=', '>', '<=', '<', '='))",
        "FOREIGN KEY(indicator_id) REFERENCES indicators (id) ON DELETE CASCADE",
    ):
        assert line in ddl, ddl


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
    finally:
        engine.dispose()


def test_bare_postgresql_urls_use_psycopg3():
    from kehoach.load.db import normalize_url

    assert normalize_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"
