"""Alembic environment: migrates the connection `kehoach.load.db.migrate` hands over,
or, from the alembic command line, the database named by KEHOACH_DB."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy.engine import Connection

from kehoach.schema.tables import Base

config = context.config
target_metadata = Base.metadata
DEFAULT_URL = "sqlite:///kehoach.db"


def _url() -> str:
    return os.environ.get("KEHOACH_DB") or config.get_main_option("sqlalchemy.url") or DEFAULT_URL


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER TABLE via copy on SQLite
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from kehoach.load.db import make_engine

    engine = make_engine(_url())
    with engine.begin() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
