"""Shared pytest fixtures. Database fixtures live in conftest_db.py (see its docstring)."""

from conftest_db import db_url, engine, pg_server  # noqa: F401 - fixtures
