"""One side of a diff: a plan PDF, a plan-json file, or a document in the database.

`load_side(ref, db_url)` decides by what `ref` is: an existing ".pdf" file is
extracted, any other existing file is read as plan-json, and anything else is a
database reference (a document id or its number, "112/KH-UBND") resolved with
`kehoach.load.read`. The extractor and the loader are imported only when needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from kehoach.errors import InputError
from kehoach.schema.plan import Plan


def plan_from_database(ref: str, db_url: str) -> Plan:
    """The plan of the document `ref` (id, number, file or hash prefix) in the database at `db_url`."""
    from sqlalchemy.orm import Session

    from kehoach.load.db import open_database
    from kehoach.load.read import find_document, plan_from_db

    engine = open_database(db_url)
    try:
        with Session(engine) as session:
            return plan_from_db(session, find_document(session, ref).id)
    finally:
        engine.dispose()


def load_side(ref: str, db_url: Optional[str] = None) -> tuple[Plan, str]:
    """The plan `ref` names and a label for it (the file name, or "db:<ref>")."""
    path = Path(ref)
    if path.is_file():
        if path.suffix.lower() == ".pdf":
            from kehoach.pipeline import extract_plan

            return extract_plan(path), path.name
        from kehoach.load.ingest import read_plan_json

        return read_plan_json(path), path.name
    if db_url is None:
        raise InputError(ref, "no such file (pass --db to read a document from the database)")
    return plan_from_database(ref, db_url), f"db:{ref}"
