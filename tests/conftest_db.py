"""Database fixtures and helpers for the tests/test_db_*.py files.

`db_url` runs a test once per backend: a fresh SQLite file, and a fresh PostgreSQL
database (created on the server named by KEHOACH_TEST_PG and dropped afterwards), so
concurrent test runs never share tables. When no server answers, the PostgreSQL runs
skip with the connection error as the reason.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url

from kehoach.schema.plan import Plan

PG_URL = os.environ.get("KEHOACH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
DATA = Path(__file__).resolve().parent / "data" / "db"
#: Gold plans with pages (copies of samples/gold); the _rev file revises 003_tan_hung.
PLAN_FILES = sorted(DATA.glob("*.plan.json"))

_counter = itertools.count()


def _pg_connect(url: str, dbname: str | None = None):
    import psycopg

    u = make_url(url)
    return psycopg.connect(
        host=u.host or "127.0.0.1", port=u.port or 5432, user=u.username or "postgres",
        password=u.password, dbname=dbname or u.database or "postgres", autocommit=True, connect_timeout=3,
    )


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL admin URL, or skip with the reason it is not reachable."""
    try:
        _pg_connect(PG_URL).close()
    except Exception as exc:  # noqa: BLE001 - any failure to connect means: skip
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {str(exc).strip().splitlines()[0]}")
    return PG_URL


def _fresh_pg_database(admin_url: str) -> tuple[str, str]:
    name = f"kehoach_test_{os.getpid()}_{next(_counter)}"
    with _pg_connect(admin_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(drivername="postgresql+psycopg", database=name)
    return name, url.render_as_string(hide_password=False)


def _drop_pg_database(admin_url: str, name: str) -> None:
    with _pg_connect(admin_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """An empty database URL, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kehoach.db'}"
        return
    admin = request.getfixturevalue("pg_server")
    name, url = _fresh_pg_database(admin)
    try:
        yield url
    finally:
        _drop_pg_database(admin, name)


@pytest.fixture
def engine(db_url) -> Engine:
    """A migrated engine on `db_url`."""
    from kehoach.load.db import make_engine, migrate

    eng = make_engine(db_url)
    migrate(eng)
    yield eng
    eng.dispose()


# --- helpers -------------------------------------------------------------------------


def read_plan(path: Path) -> Plan:
    return Plan.model_validate(json.loads(path.read_text(encoding="utf-8")))


def plan_data(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write_variants(folder: Path, source: Path, count: int, *, start: int = 0) -> list[Path]:
    """`count` distinct plans made from `source`: each its own number and title."""
    folder.mkdir(parents=True, exist_ok=True)
    base = plan_data(source)
    out = []
    for i in range(start, start + count):
        data = copy.deepcopy(base)
        data["document"]["number"] = f"{1000 + i}/KH-UBND"
        data["document"]["title"] = f"{data['document']['title']} (bản {i})"
        path = folder / f"{source.name.split('.')[0]}_{i:04d}.plan.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        out.append(path)
    return out


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per document table."""
    from kehoach.schema.tables import DOCUMENT_TABLES

    with engine.connect() as conn:
        return {t.__tablename__: conn.scalar(select(func.count()).select_from(t)) for t in DOCUMENT_TABLES}
