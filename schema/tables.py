"""The relational schema: SQLAlchemy 2.0 typed models, one table per contract entity.

A loaded plan is one `documents` row plus its child rows (legal bases, indicators and
their per-year targets, tasks, responsibilities, extraction issues), each child keyed by
(parent id, position) so a document's rows come back in the order they were extracted.
Agencies and communes are shared reference tables; the link tables keep the name as the
plan carries it (`name`) next to the resolved `agency_id` (NULL when unresolved), so a
plan always reads back exactly as it was loaded.

Unknown extra fields of a contract object are stored in that row's `extra` JSON column.
Documents are never updated in place: a revised plan is a new row whose `previous_id`
points at the version before (same `plan_key`, `version_no` + 1).

Alembic migrations (`kehoach/migrations/versions`) must match these models; the test
`tests/test_db_migrations.py` compares them with autogenerate.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional, get_args

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kehoach.schema.plan import LegalBasisKind, Op, Recurrence, Source, TargetKind

#: JSON on SQLite, JSONB on PostgreSQL (indexable, comparable); Python None is SQL NULL.
JsonType = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: The part an agency plays in a task.
AgencyRole = Literal["lead", "partner"]


def _one_of(column: str, literal: Any, *, nullable: bool = False) -> CheckConstraint:
    """A named CHECK that `column` holds one of the values of a contract Literal."""
    values = ", ".join("'" + v.replace("'", "''") + "'" for v in get_args(literal))
    test = f"{column} IN ({values})"
    if nullable:
        test = f"{column} IS NULL OR {test}"
    return CheckConstraint(test, name=f"{column}_valid")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        dict[str, Any]: JsonType,
        list[str]: JsonType,
        list[float]: JsonType,
        dt.datetime: DateTime(timezone=True),
        str: String(),
    }


# --- reference tables -------------------------------------------------------------


class CommuneRow(Base):
    """A commune or ward; `key` is its official code, else "kind name|province"."""

    __tablename__ = "communes"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(unique=True)
    code: Mapped[Optional[str]] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(index=True)
    kind: Mapped[Optional[str]]
    province: Mapped[Optional[str]] = mapped_column(index=True)


class AgencyRow(Base):
    """An agency by its canonical name ("Phòng Văn hóa - Xã hội")."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)

    aliases: Mapped[list[AgencyAliasRow]] = relationship(back_populates="agency")


class AgencyAliasRow(Base):
    """A printed form of an agency's name ("Phòng VH-XH") and the agency it means."""

    __tablename__ = "agency_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    alias: Mapped[str] = mapped_column(unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)

    agency: Mapped[AgencyRow] = relationship(back_populates="aliases")


# --- ingest bookkeeping ---------------------------------------------------------------


class IngestRunRow(Base):
    """One `kehoach ingest` invocation: its arguments and what it did."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[Optional[dt.datetime]]
    args: Mapped[dict[str, Any]]
    pipeline_version: Mapped[str]
    n_new: Mapped[int] = mapped_column(default=0)
    n_unchanged: Mapped[int] = mapped_column(default=0)
    n_versioned: Mapped[int] = mapped_column(default=0)
    n_failed: Mapped[int] = mapped_column(default=0)
    n_rows: Mapped[int] = mapped_column(default=0)
    n_issues: Mapped[int] = mapped_column(default=0)

    failures: Mapped[list[IngestFailureRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="IngestFailureRow.id"
    )


class IngestFailureRow(Base):
    """A file an ingest run could not load, and why."""

    __tablename__ = "ingest_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True)
    path: Mapped[str]
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[dt.datetime]

    run: Mapped[IngestRunRow] = relationship(back_populates="failures")


# --- documents ------------------------------------------------------------------------


class DocumentRow(Base):
    """One loaded plan file (one version of a plan)."""

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("plan_key", "version_no"),
        CheckConstraint("version_no >= 1", name="version_no_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the file's bytes
    source_path: Mapped[str] = mapped_column(index=True)
    pages: Mapped[Optional[int]]
    ocr_used: Mapped[bool] = mapped_column(default=False)
    contract: Mapped[str]
    # the plan's document block
    number: Mapped[Optional[str]] = mapped_column(index=True)
    issue_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    issue_year: Mapped[Optional[int]] = mapped_column(index=True)
    issuer: Mapped[Optional[str]]
    title: Mapped[Optional[str]] = mapped_column(Text)
    doc_type: Mapped[str]
    place: Mapped[Optional[str]]
    commune_id: Mapped[Optional[int]] = mapped_column(ForeignKey("communes.id"), index=True)
    commune: Mapped[Optional[str]]  # as extracted; `communes` holds the resolved unit
    commune_kind: Mapped[Optional[str]]
    province: Mapped[Optional[str]] = mapped_column(index=True)
    commune_code: Mapped[Optional[str]]
    signer_name: Mapped[Optional[str]]
    signer_position: Mapped[Optional[str]]
    signer_authority: Mapped[Optional[str]]
    recipients: Mapped[list[str]]
    # provenance and versioning
    pipeline_version: Mapped[Optional[str]]
    extracted_at: Mapped[Optional[dt.datetime]]
    loaded_at: Mapped[dt.datetime]
    run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ingest_runs.id", ondelete="SET NULL"), index=True)
    plan_key: Mapped[str]
    version_no: Mapped[int]
    previous_id: Mapped[Optional[int]] = mapped_column(ForeignKey("documents.id"), unique=True)
    extra: Mapped[Optional[dict[str, Any]]]

    commune_row: Mapped[Optional[CommuneRow]] = relationship()
    previous: Mapped[Optional[DocumentRow]] = relationship(remote_side=[id])
    legal_bases: Mapped[list[LegalBasisRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="LegalBasisRow.position"
    )
    indicators: Mapped[list[IndicatorRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="IndicatorRow.position"
    )
    tasks: Mapped[list[TaskRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="TaskRow.position"
    )
    responsibilities: Mapped[list[ResponsibilityRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="ResponsibilityRow.position"
    )
    issues: Mapped[list[IssueRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="IssueRow.position"
    )


def _document_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))


class LegalBasisRow(Base):
    __tablename__ = "legal_bases"
    __table_args__ = (UniqueConstraint("document_id", "position"), _one_of("kind", LegalBasisKind))

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int]
    kind: Mapped[str]
    doc_type: Mapped[Optional[str]]
    number: Mapped[Optional[str]] = mapped_column(index=True)
    date: Mapped[Optional[dt.date]] = mapped_column(Date)
    issuer: Mapped[Optional[str]]
    raw: Mapped[str] = mapped_column(Text)
    page: Mapped[Optional[int]]
    bbox: Mapped[Optional[list[float]]]
    extra: Mapped[Optional[dict[str, Any]]]

    document: Mapped[DocumentRow] = relationship(back_populates="legal_bases")


class IndicatorRow(Base):
    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("document_id", "position"), _one_of("source", Source))

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int]
    source: Mapped[str]
    group_code: Mapped[Optional[str]]
    group_title: Mapped[Optional[str]] = mapped_column(Text)
    ordinal: Mapped[str]
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[Optional[str]]
    lead_raw: Mapped[Optional[str]] = mapped_column(Text)
    page: Mapped[Optional[int]]
    bbox: Mapped[Optional[list[float]]]
    extra: Mapped[Optional[dict[str, Any]]]

    document: Mapped[DocumentRow] = relationship(back_populates="indicators")
    targets: Mapped[list[TargetRow]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="TargetRow.position"
    )
    agencies: Mapped[list[IndicatorAgencyRow]] = relationship(
        cascade="all, delete-orphan", order_by="IndicatorAgencyRow.position"
    )


class TargetRow(Base):
    """One target cell of an indicator: one row per indicator and year."""

    __tablename__ = "targets"
    __table_args__ = (
        UniqueConstraint("indicator_id", "position"),
        _one_of("kind", TargetKind),
        _one_of("op", Op, nullable=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    position: Mapped[int]
    year: Mapped[Optional[int]] = mapped_column(index=True)
    kind: Mapped[str]
    op: Mapped[Optional[str]]
    value: Mapped[Optional[float]] = mapped_column(Float)  # numeric targets
    value_bool: Mapped[Optional[bool]]  # boolean targets
    unit: Mapped[Optional[str]]
    qualifier: Mapped[Optional[str]]
    label: Mapped[Optional[str]] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    extra: Mapped[Optional[dict[str, Any]]]

    indicator: Mapped[IndicatorRow] = relationship(back_populates="targets")


class _AgencyLink:
    """An agency named by a row: the name as the plan has it, and the agency it resolved
    to (NULL when unresolved)."""

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-1)
    position: Mapped[int]
    name: Mapped[str]
    agency_id: Mapped[Optional[int]] = mapped_column(ForeignKey("agencies.id"), index=True)


class IndicatorAgencyRow(_AgencyLink, Base):
    """An indicator's lead agency."""

    __tablename__ = "indicator_agencies"
    __table_args__ = (UniqueConstraint("indicator_id", "position"),)

    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))


class TaskRow(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        _one_of("source", Source),
        _one_of("deadline_recurrence", Recurrence, nullable=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int]
    source: Mapped[str]
    group_code: Mapped[Optional[str]]
    group_title: Mapped[Optional[str]] = mapped_column(Text)
    ordinal: Mapped[str]
    name: Mapped[str] = mapped_column(Text)
    subtask: Mapped[Optional[str]] = mapped_column(Text)
    solution: Mapped[Optional[str]] = mapped_column(Text)
    output: Mapped[Optional[str]] = mapped_column(Text)
    kpi: Mapped[Optional[str]] = mapped_column(Text)
    lead_raw: Mapped[Optional[str]] = mapped_column(Text)
    partners_raw: Mapped[Optional[str]] = mapped_column(Text)
    deadline_raw: Mapped[Optional[str]] = mapped_column(Text)
    deadline_start: Mapped[Optional[dt.date]] = mapped_column(Date)
    deadline_end: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    deadline_recurrence: Mapped[Optional[str]]
    note: Mapped[Optional[str]] = mapped_column(Text)
    page: Mapped[Optional[int]]
    bbox: Mapped[Optional[list[float]]]
    extra: Mapped[Optional[dict[str, Any]]]

    document: Mapped[DocumentRow] = relationship(back_populates="tasks")
    agencies: Mapped[list[TaskAgencyRow]] = relationship(
        cascade="all, delete-orphan", order_by="(TaskAgencyRow.role, TaskAgencyRow.position)"
    )


class TaskAgencyRow(_AgencyLink, Base):
    """A task's lead (role "lead") or partner (role "partner") agency."""

    __tablename__ = "task_agencies"
    __table_args__ = (
        UniqueConstraint("task_id", "role", "position"),
        _one_of("role", AgencyRole),
    )

    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    role: Mapped[str]


class ResponsibilityRow(Base):
    __tablename__ = "responsibilities"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int]
    heading: Mapped[str] = mapped_column(Text)
    duties: Mapped[list[str]]
    page: Mapped[Optional[int]]
    bbox: Mapped[Optional[list[float]]]
    extra: Mapped[Optional[dict[str, Any]]]

    document: Mapped[DocumentRow] = relationship(back_populates="responsibilities")
    agencies: Mapped[list[ResponsibilityAgencyRow]] = relationship(
        cascade="all, delete-orphan", order_by="ResponsibilityAgencyRow.position"
    )


class ResponsibilityAgencyRow(_AgencyLink, Base):
    __tablename__ = "responsibility_agencies"
    __table_args__ = (UniqueConstraint("responsibility_id", "position"),)

    responsibility_id: Mapped[int] = mapped_column(ForeignKey("responsibilities.id", ondelete="CASCADE"))


class IssueRow(Base):
    """An extraction warning (plan-json `issues`)."""

    __tablename__ = "extraction_issues"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int]
    code: Mapped[str] = mapped_column(index=True)
    message: Mapped[str] = mapped_column(Text)
    page: Mapped[Optional[int]]
    bbox: Mapped[Optional[list[float]]]
    value: Mapped[Optional[str]] = mapped_column(Text)
    extra: Mapped[Optional[dict[str, Any]]]

    document: Mapped[DocumentRow] = relationship(back_populates="issues")


#: Tables holding one document's extracted rows, for counting.
DOCUMENT_TABLES = (
    DocumentRow, LegalBasisRow, IndicatorRow, TargetRow, IndicatorAgencyRow, TaskRow,
    TaskAgencyRow, ResponsibilityRow, ResponsibilityAgencyRow, IssueRow,
)
