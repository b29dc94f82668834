"""Reading loaded plans back: `find_document(session, ref)` and `plan_from_db(session, id)`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from kehoach.errors import KehoachError
from kehoach.load.loader import sha256_file
from kehoach.load.mapping import row_to_plan
from kehoach.schema.plan import Plan
from kehoach.schema.tables import (
    DocumentRow,
    IndicatorAgencyRow,
    IndicatorRow,
    ResponsibilityRow,
    TargetRow,
    TaskAgencyRow,
    TaskRow,
)


class DocumentNotFound(KehoachError):
    """No loaded document matches a reference."""


_FULL = (
    selectinload(DocumentRow.legal_bases),
    selectinload(DocumentRow.indicators).selectinload(IndicatorRow.targets),
    selectinload(DocumentRow.indicators).selectinload(IndicatorRow.agencies),
    selectinload(DocumentRow.tasks).selectinload(TaskRow.agencies),
    selectinload(DocumentRow.responsibilities).selectinload(ResponsibilityRow.agencies),
    selectinload(DocumentRow.issues),
)


def _newest(session: Session, *where) -> Optional[DocumentRow]:  # noqa: ANN002
    return session.scalars(select(DocumentRow).where(*where).order_by(DocumentRow.id.desc()).limit(1)).first()


def find_document(session: Session, ref: Union[str, int, Path]) -> DocumentRow:
    """The document `ref` names: an id, a plan number ("94/KH-UBND", newest version),
    a file (by its content, else by the path it was loaded from) or a content-hash prefix."""
    text = str(ref).strip()
    if text.isdigit() and (row := session.get(DocumentRow, int(text))) is not None:
        return row
    if (row := _newest(session, DocumentRow.number == text)) is not None:
        return row
    path = Path(text)
    if path.is_file() and (row := _newest(session, DocumentRow.content_hash == sha256_file(path))) is not None:
        return row
    for candidate in {text, str(path.resolve())}:
        if (row := _newest(session, DocumentRow.source_path == candidate)) is not None:
            return row
    if re.fullmatch(r"[0-9a-f]{8,64}", text.lower()):
        if (row := _newest(session, DocumentRow.content_hash.startswith(text.lower()))) is not None:
            return row
    raise DocumentNotFound(
        f"no loaded document matches {text!r} (give an id, a number such as 94/KH-UBND, a file or a content hash)"
    )


def plan_from_db(session: Session, document_id: int) -> Plan:
    """The plan-json of a loaded document, as it was loaded."""
    row = session.scalars(select(DocumentRow).where(DocumentRow.id == document_id).options(*_FULL)).first()
    if row is None:
        raise DocumentNotFound(f"no loaded document with id {document_id}")
    return row_to_plan(row)


@dataclass(frozen=True)
class DocumentSummary:
    """What `kehoach show` tells about a loaded document."""

    document: DocumentRow
    plan: Plan
    versions: list[tuple[int, int, str]]  # (id, version_no, source_path) of the plan's chain
    unresolved_agencies: list[str]
    targets_by_year: dict[Optional[int], int]


def document_summary(session: Session, document_id: int) -> DocumentSummary:
    plan = plan_from_db(session, document_id)
    row = session.get(DocumentRow, document_id)
    versions = session.execute(
        select(DocumentRow.id, DocumentRow.version_no, DocumentRow.source_path)
        .where(DocumentRow.plan_key == row.plan_key).order_by(DocumentRow.version_no)
    ).all()
    unresolved = set(session.scalars(
        select(IndicatorAgencyRow.name).join(IndicatorRow)
        .where(IndicatorRow.document_id == document_id, IndicatorAgencyRow.agency_id.is_(None))
    ))
    unresolved |= set(session.scalars(
        select(TaskAgencyRow.name).join(TaskRow)
        .where(TaskRow.document_id == document_id, TaskAgencyRow.agency_id.is_(None))
    ))
    by_year = dict(session.execute(
        select(TargetRow.year, func.count()).join(IndicatorRow)
        .where(IndicatorRow.document_id == document_id).group_by(TargetRow.year)
    ).all())
    return DocumentSummary(row, plan, list(versions), sorted(unresolved), by_year)


def plan_from_db_url(db_url: str, ref: str) -> Plan:
    """The plan of the document `ref` names (see `find_document`) in the database at `db_url`."""
    from kehoach.load.db import open_session

    with open_session(db_url) as session:
        return plan_from_db(session, find_document(session, ref).id)


def summary_from_db_url(db_url: str, ref: str) -> DocumentSummary:
    from kehoach.load.db import open_session

    with open_session(db_url) as session:
        return document_summary(session, find_document(session, ref).id)
