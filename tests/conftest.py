"""Shared pytest fixtures. Database fixtures live in conftest_db.py (see its docstring).

Hypothesis runs derandomized by default, so a run of the suite is reproducible (CI
lands or not on the code, not on the draw). `HYPOTHESIS_PROFILE=explore` draws new
examples on each run: use it to hunt for bugs.
"""

import os

from hypothesis import settings

from conftest_db import db_url, engine, pg_server  # noqa: F401 - fixtures

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
