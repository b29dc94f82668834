"""Engines and migrations: `make_engine(url)` and `migrate(engine)`.

SQLite engines get WAL, a busy timeout and foreign keys, and begin every transaction
with BEGIN IMMEDIATE so that concurrent writers (two `ingest` processes on one file)
queue on the write lock instead of failing when a read transaction upgrades to write.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

import kehoach.migrations
from kehoach.errors import KehoachError

#: How long (ms) a SQLite connection waits for another writer's lock.
SQLITE_BUSY_TIMEOUT_MS = 60_000
#: Held while migrating PostgreSQL so that concurrent first runs do not race.
PG_MIGRATION_LOCK = 575_742_024


def normalize_url(url: str) -> str:
    """Use psycopg 3 for bare "postgresql://" URLs (psycopg2 is not a dependency)."""
    u = make_url(url)
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for `url` (SQLite file or PostgreSQL), with the SQLite settings above."""
    url = normalize_url(url)
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo)
    if u.database and u.database != ":memory:":
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for kehoach's migrations, wherever the package is installed."""
    folder = Path(kehoach.migrations.__file__).parent
    cfg = Config(str(folder / "alembic.ini"))
    cfg.set_main_option("script_location", str(folder))
    cfg.attributes["connection"] = connection
    return cfg


def _unreachable(engine: Engine, exc: OperationalError) -> KehoachError:
    reason = str(exc.orig or exc).strip().splitlines()[0]
    return KehoachError(f"{engine.url.render_as_string()}: cannot open the database: {reason}")


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest schema (alembic upgrade head); safe to race."""
    try:
        conn = engine.connect()
    except OperationalError as exc:
        raise _unreachable(engine, exc) from exc
    with conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_MIGRATION_LOCK})")
        command.upgrade(alembic_config(conn), "head")


@contextmanager
def open_session(url: str) -> Iterator[Session]:
    """A session on an existing kehoach database (for reading; nothing is migrated)."""
    u = make_url(normalize_url(url))
    if u.get_backend_name() == "sqlite" and u.database not in (None, "", ":memory:") and not Path(u.database).exists():
        raise KehoachError(f"{u.database}: no such database file (run kehoach ingest first)")
    engine = make_engine(url)
    try:
        try:
            ready = inspect(engine).has_table("documents")
        except OperationalError as exc:
            raise _unreachable(engine, exc) from exc
        if not ready:
            raise KehoachError(f"{u.render_as_string()}: no kehoach database there (run kehoach ingest first)")
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def open_database(url: str) -> Engine:
    """An engine on an existing database: a missing SQLite file is an error, not a new database."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database not in (None, "", ":memory:") and not Path(u.database).exists():
        raise KehoachError(f"no database at {u.database} (run `kehoach ingest` first, or pass --db)")
    return make_engine(url)
