"""Writing plans: `load_plan` (inside the caller's transaction) and `load_document`
(one transaction per document, retried when a concurrent writer got there first).

A document is identified by the sha256 of its file's bytes: the same bytes again are
"unchanged" and write nothing. A plan of the same commune with the same number, or the
same title, as one already loaded is a revision: a new document row, "versioned", linked
to the newest version before it by `previous_id`. Nothing is ever updated in place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Optional

from sqlalchemy import insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kehoach import PIPELINE_VERSION
from kehoach.load.mapping import PlanRows, Row, plan_agency_names, plan_to_rows
from kehoach.schema.plan import Document, Plan
from kehoach.schema.tables import (
    AgencyAliasRow,
    AgencyRow,
    CommuneRow,
    DocumentRow,
    IndicatorAgencyRow,
    IndicatorRow,
    IssueRow,
    LegalBasisRow,
    ResponsibilityAgencyRow,
    ResponsibilityRow,
    TargetRow,
    TaskAgencyRow,
    TaskRow,
)

#: Attempts at one document's transaction when concurrent writers collide.
LOAD_ATTEMPTS = 4


class LoadStatus(str, Enum):
    NEW = "new"
    UNCHANGED = "unchanged"
    VERSIONED = "versioned"


@dataclass(frozen=True)
class LoadResult:
    status: LoadStatus
    document_id: int
    rows: int  # rows written (0 when unchanged)
    issues: int = 0
    previous_id: Optional[int] = None


def sha256_file(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _insert_ignore(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: concurrent writers may add the same reference rows."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(table).on_conflict_do_nothing(), rows)


# --- reference rows: communes and agencies ------------------------------------------


def commune_key(doc: Document) -> Optional[str]:
    """A commune's identity: its official code, else "kind name|province"."""
    if doc.commune_code:
        return doc.commune_code
    if not doc.commune:
        return None
    return f"{doc.commune_kind or ''} {doc.commune}|{doc.province or ''}".strip()


def commune_id(session: Session, doc: Document) -> Optional[int]:
    """The `communes` row of the plan's commune, created when first seen."""
    key = commune_key(doc)
    if key is None:
        return None
    row = dict(key=key, code=doc.commune_code, name=doc.commune or doc.commune_code,
               kind=doc.commune_kind, province=doc.province)
    _insert_ignore(session, CommuneRow, [row])
    return session.scalar(select(CommuneRow.id).where(CommuneRow.key == key))


def agency_registry() -> list[tuple[str, list[str]]]:
    """(canonical name, printed aliases) from the normalizer's registry (kehoach/data/
    agencies.json merged with $KEHOACH_AGENCIES)."""
    from kehoach.normalize.agencies import default_registry

    registry = default_registry()
    entries: dict[str, list[str]] = {name: [] for name in registry.canonical_names()}
    for alias, canonical in registry.aliases().items():
        if alias != canonical:
            entries.setdefault(canonical, []).append(alias)
    return list(entries.items())


def sync_agencies(session: Session, registry: Iterable[tuple[str, list[str]]] | None = None) -> None:
    """Add the registry's canonical agencies and aliases that the database lacks."""
    entries = list(agency_registry() if registry is None else registry)
    _insert_ignore(session, AgencyRow, [{"name": name} for name, _ in entries])
    ids = dict(session.execute(select(AgencyRow.name, AgencyRow.id)).all())
    aliases = {a: ids[name] for name, alias_list in entries for a in alias_list if a != name}
    _insert_ignore(session, AgencyAliasRow, [{"alias": a, "agency_id": i} for a, i in aliases.items()])


def resolve_agencies(session: Session, names: Iterable[str]) -> dict[str, Optional[int]]:
    """Each name's agency id: by canonical name, else by alias; None when unknown."""
    names = set(names)
    if not names:
        return {}
    found: dict[str, Optional[int]] = dict.fromkeys(names)
    found.update(session.execute(select(AgencyRow.name, AgencyRow.id).where(AgencyRow.name.in_(names))).all())
    missing = [n for n, i in found.items() if i is None]
    if missing:
        found.update(session.execute(
            select(AgencyAliasRow.alias, AgencyAliasRow.agency_id).where(AgencyAliasRow.alias.in_(missing))
        ).all())
    return found


# --- versions --------------------------------------------------------------------------


def _latest_version(session: Session, doc: Document, commune: Optional[int]) -> Optional[DocumentRow]:
    """The newest version of the plan `doc` revises: same commune, and same number or title."""
    same = [c for v, c in ((doc.number, DocumentRow.number == doc.number),
                           (doc.title, DocumentRow.title == doc.title)) if v]
    if commune is None or not same:
        return None
    key = session.scalar(
        select(DocumentRow.plan_key).where(DocumentRow.commune_id == commune, or_(*same))
        .order_by(DocumentRow.id.desc()).limit(1)
    )
    if key is None:
        return None
    return session.scalars(
        select(DocumentRow).where(DocumentRow.plan_key == key).order_by(DocumentRow.version_no.desc()).limit(1)
    ).first()


def new_plan_key(doc: Document, content_hash: str) -> str:
    """The key of a plan's version chain, from its first version."""
    key = commune_key(doc)
    if key and doc.number:
        return f"{key}|{doc.number}"
    if key and doc.title:
        return f"{key}|t:{hashlib.sha1(doc.title.encode()).hexdigest()[:16]}"
    return f"h:{content_hash[:32]}"


# --- loading -----------------------------------------------------------------------------


def load_plan(
    session: Session,
    plan: Plan,
    *,
    source_path: str,
    content_hash: str,
    ocr_used: bool,
    extracted_at: Optional[dt.datetime] = None,
    pipeline_version: Optional[str] = PIPELINE_VERSION,
    run_id: Optional[int] = None,
) -> LoadResult:
    """Write one plan in the session's current transaction (the caller commits)."""
    existing = session.scalar(select(DocumentRow.id).where(DocumentRow.content_hash == content_hash))
    if existing is not None:
        return LoadResult(LoadStatus.UNCHANGED, existing, 0)
    commune = commune_id(session, plan.document)
    previous = _latest_version(session, plan.document, commune)
    rows = plan_to_rows(plan, resolve_agencies(session, plan_agency_names(plan)))
    rows.document.update(
        content_hash=content_hash, source_path=str(source_path), ocr_used=ocr_used,
        commune_id=commune, pipeline_version=pipeline_version, extracted_at=extracted_at,
        loaded_at=dt.datetime.now(dt.timezone.utc), run_id=run_id,
        plan_key=previous.plan_key if previous else new_plan_key(plan.document, content_hash),
        version_no=previous.version_no + 1 if previous else 1,
        previous_id=previous.id if previous else None,
    )
    document_id = write_rows(session, rows)
    status = LoadStatus.VERSIONED if previous else LoadStatus.NEW
    return LoadResult(status, document_id, rows.count(), len(plan.issues), previous.id if previous else None)


def _insert(session: Session, table: Any, rows: list[Row]) -> None:
    """One bulk INSERT (executemany: the same SQL whatever the number of rows)."""
    if rows:
        session.execute(insert(table.__table__), rows)


def _ids(session: Session, table: Any, document_id: int) -> list[int]:
    """The ids of a document's rows in `table`, by position."""
    return list(session.scalars(select(table.id).where(table.document_id == document_id).order_by(table.position)))


def write_rows(session: Session, rows: PlanRows) -> int:
    """Insert a document's rows, table by table; returns the document's id."""
    t = DocumentRow.__table__
    doc_id = session.scalar(insert(t).values(**rows.document).returning(t.c.id))
    for table, parents in ((LegalBasisRow, rows.legal_bases), (IssueRow, rows.issues),
                           (IndicatorRow, [r for r, _, _ in rows.indicators]), (TaskRow, [r for r, _ in rows.tasks]),
                           (ResponsibilityRow, [r for r, _ in rows.responsibilities])):
        _insert(session, table, [{**r, "document_id": doc_id} for r in parents])
    ind_ids = _ids(session, IndicatorRow, doc_id) if rows.indicators else []
    _insert(session, TargetRow, [{**t, "indicator_id": i} for i, (_, ts, _) in zip(ind_ids, rows.indicators) for t in ts])
    _insert(session, IndicatorAgencyRow, [{**a, "indicator_id": i} for i, (_, _, links) in zip(ind_ids, rows.indicators) for a in links])
    task_ids = _ids(session, TaskRow, doc_id) if rows.tasks else []
    _insert(session, TaskAgencyRow, [{**a, "task_id": i} for i, (_, links) in zip(task_ids, rows.tasks) for a in links])
    resp_ids = _ids(session, ResponsibilityRow, doc_id) if rows.responsibilities else []
    _insert(session, ResponsibilityAgencyRow,
            [{**a, "responsibility_id": i} for i, (_, links) in zip(resp_ids, rows.responsibilities) for a in links])
    return doc_id


def _is_race(exc: Exception) -> bool:
    """A collision with a concurrent writer (worth another try), not a bad plan."""
    text = str(getattr(exc, "orig", exc)).lower()
    if isinstance(exc, IntegrityError):
        return "unique" in text or "duplicate key" in text
    return any(s in text for s in ("deadlock", "database is locked", "could not serialize"))


def load_document(sessions: sessionmaker[Session], plan: Plan, **kwargs: Any) -> LoadResult:
    """`load_plan` in a transaction of its own: the database gets the whole document or
    none of it. A unique-key collision with a concurrent writer (same file, same new
    commune or version number) rolls back and tries again, and then sees the other's rows."""
    for attempt in range(1, LOAD_ATTEMPTS + 1):
        try:
            with sessions.begin() as session:
                return load_plan(session, plan, **kwargs)
        except (IntegrityError, OperationalError) as exc:
            if not _is_race(exc) or attempt == LOAD_ATTEMPTS:
                raise
    raise AssertionError("unreachable")
