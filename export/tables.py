"""The tidy export tables: database queries -> pandas DataFrames with fixed columns and types.

`TABLES` is the one description of every exported table: its columns (name,
Frictionless type, meaning), primary key and foreign keys. The writers and
`datapackage.json` are derived from it, and `export_tables(session, filters)`
returns one DataFrame per table with exactly those columns, in that order, typed:
integer -> Int64, number -> Float64, string -> string (an empty string is
missing, as CSV cannot tell them apart), boolean -> boolean, date -> datetime.date
objects, datetime -> datetime64[ns, UTC].

Child tables hold only rows of the documents the filters select; `communes` and
`agencies` only the units those documents name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.normalize.text import fold
from kehoach.schema import tables as t


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless: integer, number, string, boolean, date, datetime
    description: str = ""


@dataclass(frozen=True)
class TableSpec:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, table, column)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _cols(spec: str) -> tuple[Column, ...]:
    """Columns from "name:type:description" lines (type defaults to string)."""
    out = []
    for line in spec.strip().splitlines():
        name, kind, *desc = [part.strip() for part in line.split(":", 2)]
        out.append(Column(name, kind or "string", desc[0] if desc else ""))
    return tuple(out)


_DOC_FK = (("document_id", "documents", "document_id"),)

TABLES: tuple[TableSpec, ...] = (
    TableSpec("documents", "One row per loaded plan (one version of a plan).", _cols("""
        document_id:integer:database id of the document
        plan_key:string:identity of the plan across versions
        version_no:integer:1 for the first version loaded, then 2, 3 ...
        previous_id:integer:document_id of the version before, if any
        number:string:document number, e.g. 112/KH-UBND
        issue_date:date:date of issue
        issue_year:integer:year of issue
        doc_type:string:Kế hoạch
        title:string:subject under the word KẾ HOẠCH
        issuer:string:issuing body
        commune_id:integer:the commune (communes.commune_id)
        commune:string:commune name as extracted
        commune_kind:string:xã, phường or đặc khu
        province:string:province (short name)
        commune_code:string:official code of the commune
        place:string:place name of the header line
        signer_name:string:who signed
        signer_position:string:the signer's title
        signer_authority:string:KT. CHỦ TỊCH-style line
        recipients:string:Nơi nhận list, joined with "; "
        pages:integer:page count of the source
        ocr_used:boolean:whether any page was read by OCR
        source_path:string:file the plan was loaded from
        content_hash:string:sha256 of the source file
        pipeline_version:string:kehoach version that extracted it
        loaded_at:datetime:when it was loaded (UTC)
    """), ("document_id",), (("commune_id", "communes", "commune_id"), ("previous_id", "documents", "document_id"))),
    TableSpec("communes", "Communes and wards named by the exported documents.", _cols("""
        commune_id:integer:database id
        code:string:official code after the 2025 reorganisation
        name:string:commune name
        kind:string:xã, phường or đặc khu
        province:string:province
    """), ("commune_id",)),
    TableSpec("agencies", "Agencies (canonical names) named by the exported documents.", _cols("""
        agency_id:integer:database id
        name:string:canonical name
    """), ("agency_id",)),
    TableSpec("indicators", "One row per indicator and target year (targets joined).", _cols("""
        indicator_id:integer:database id of the indicator
        document_id:integer:the plan
        position:integer:order of the indicator in the plan, from 0
        source:string:table or prose
        group_code:string:Roman-numeral group code
        group_title:string:group title
        ordinal:string:STT as printed
        name:string:indicator text
        unit:string:unit column as printed
        lead_raw:string:responsible agency as printed
        lead:string:canonical lead agencies, joined with "; "
        target_position:integer:order of the target within the indicator, from 0 (empty when none)
        year:integer:target year
        target_raw:string:target cell as printed
        target_kind:string:numeric, boolean, text or none
        target_op:string:>=, >, <=, < or =
        target_value:number:numeric target value
        target_bool:boolean:boolean target value
        target_unit:string:unit of the value
        target_qualifier:string:what a percentage is of
        target_label:string:words that go with the value
        page:integer:page where the row starts
    """), (), _DOC_FK),
    TableSpec("tasks", "One row per task.", _cols("""
        task_id:integer:database id
        document_id:integer:the plan
        position:integer:order of the task in the plan, from 0
        source:string:table or prose
        group_code:string:group code
        group_title:string:group title
        ordinal:string:STT as printed
        name:string:task text
        subtask:string:sub-task column
        solution:string:Giải pháp thực hiện column
        output:string:expected result or product
        kpi:string:measure of the result
        lead_raw:string:lead agency as printed
        lead:string:canonical lead agencies, joined with "; "
        partners_raw:string:partner agencies as printed
        partners:string:canonical partner agencies, joined with "; "
        deadline_raw:string:deadline as printed
        deadline_start:date:first day of the period
        deadline_end:date:last day of the period
        deadline_recurrence:string:continuous, annual, quarterly or monthly
        note:string:Ghi chú
        page:integer:page where the row starts
    """), ("task_id",), _DOC_FK),
    TableSpec("task_agencies", "One row per agency a task names, as lead or partner.", _cols("""
        task_id:integer:the task
        document_id:integer:the plan
        role:string:lead or partner
        position:integer:order within the role, from 0
        name:string:agency as the plan has it
        agency_id:integer:resolved agency (empty when unresolved)
        agency:string:canonical name of the resolved agency
    """), ("task_id", "role", "position"), (("task_id", "tasks", "task_id"),) + _DOC_FK
        + (("agency_id", "agencies", "agency_id"),)),
    TableSpec("legal_bases", "The Căn cứ / Thực hiện / Xét đề nghị paragraphs.", _cols("""
        legal_basis_id:integer:database id
        document_id:integer:the plan
        position:integer:order in the plan, from 0
        kind:string:can_cu, thuc_hien or xet_de_nghi
        doc_type:string:type of the cited document
        number:string:number of the cited document
        date:date:date of the cited document
        issuer:string:issuer of the cited document
        raw:string:the whole paragraph
        page:integer:page
    """), ("legal_basis_id",), _DOC_FK),
    TableSpec("responsibilities", "One row per numbered item of TỔ CHỨC THỰC HIỆN.", _cols("""
        responsibility_id:integer:database id
        document_id:integer:the plan
        position:integer:order in the plan, from 0
        heading:string:heading text
        agencies:string:canonical agencies of the heading, joined with "; "
        duties:string:duties, one per line
        n_duties:integer:number of duties
        page:integer:page
    """), ("responsibility_id",), _DOC_FK),
    TableSpec("issues", "Extraction warnings.", _cols("""
        issue_id:integer:database id
        document_id:integer:the plan
        position:integer:order, from 0
        code:string:kind of warning
        message:string:what is uncertain
        page:integer:page
        value:string:the value concerned
    """), ("issue_id",), _DOC_FK),
)

TABLE_BY_NAME = {spec.name: spec for spec in TABLES}


@dataclass(frozen=True)
class ExportFilter:
    """Which documents to export; None means any. Names compare folded (case, tone, dash)."""

    province: Optional[str] = None
    commune: Optional[str] = None
    year: Optional[int] = None

    def keeps(self, province: Optional[str], commune: Optional[str], year: Optional[int]) -> bool:
        return (
            (self.province is None or fold(province or "") == fold(self.province))
            and (self.commune is None or fold(commune or "") == fold(self.commune))
            and (self.year is None or year == self.year)
        )


# ---- typing ----------------------------------------------------------------------------


def _as_date(value) -> Optional[dt.date]:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def typed_frame(spec: TableSpec, rows: Iterable[dict]) -> pd.DataFrame:
    """A DataFrame with exactly `spec`'s columns, in order, each of its pandas type."""
    frame = pd.DataFrame(list(rows), columns=spec.column_names)
    for col in spec.columns:
        series = frame[col.name]
        if col.type == "integer":
            frame[col.name] = pd.array(series.tolist(), dtype="Int64") if len(series) else series.astype("Int64")
        elif col.type == "number":
            frame[col.name] = pd.to_numeric(series, errors="raise").astype("Float64")
        elif col.type == "boolean":
            frame[col.name] = series.astype("boolean")
        elif col.type == "date":
            frame[col.name] = series.map(_as_date).astype(object)
        elif col.type == "datetime":
            frame[col.name] = pd.to_datetime(series, utc=True)
        else:  # "" and None both export as missing: CSV cannot tell them apart
            frame[col.name] = series.astype("string").replace("", pd.NA)
    return frame


def _join(names: Sequence[Optional[str]], sep: str = "; ") -> Optional[str]:
    names = [n for n in names if n]
    return sep.join(names) if names else None


# ---- queries ---------------------------------------------------------------------------


def _documents(session: Session, filters: ExportFilter) -> list[t.DocumentRow]:
    docs = session.scalars(select(t.DocumentRow).order_by(t.DocumentRow.id)).all()
    return [d for d in docs if filters.keeps(d.province or (d.commune_row.province if d.commune_row else None),
                                              d.commune, d.issue_year)]


def _document_row(d: t.DocumentRow) -> dict:
    row = {c: getattr(d, c) for c in TABLE_BY_NAME["documents"].column_names if hasattr(d, c)}
    return {**row, "document_id": d.id, "recipients": _join(d.recipients or [])}


def _indicator_rows(d: t.DocumentRow, agency_name) -> Iterable[dict]:
    for ind in d.indicators:
        base = {
            "indicator_id": ind.id, "document_id": d.id, "position": ind.position, "source": ind.source,
            "group_code": ind.group_code, "group_title": ind.group_title, "ordinal": ind.ordinal, "name": ind.name,
            "unit": ind.unit, "lead_raw": ind.lead_raw, "page": ind.page,
            "lead": _join([agency_name(a.agency_id, a.name) for a in ind.agencies]),
        }
        if not ind.targets:
            yield base
        for target in ind.targets:
            yield {**base, "target_position": target.position, "year": target.year, "target_raw": target.raw,
                   "target_kind": target.kind, "target_op": target.op, "target_value": target.value,
                   "target_bool": target.value_bool, "target_unit": target.unit,
                   "target_qualifier": target.qualifier, "target_label": target.label}


def _task_rows(d: t.DocumentRow, agency_name) -> tuple[list[dict], list[dict]]:
    tasks, links = [], []
    for task in d.tasks:
        row = {c: getattr(task, c) for c in TABLE_BY_NAME["tasks"].column_names if hasattr(task, c)}
        by_role = {role: [a for a in task.agencies if a.role == role] for role in ("lead", "partner")}
        row.update(task_id=task.id, document_id=d.id,
                   lead=_join([agency_name(a.agency_id, a.name) for a in by_role["lead"]]),
                   partners=_join([agency_name(a.agency_id, a.name) for a in by_role["partner"]]))
        tasks.append(row)
        links += [{"task_id": task.id, "document_id": d.id, "role": a.role, "position": a.position, "name": a.name,
                   "agency_id": a.agency_id, "agency": agency_name(a.agency_id, None)} for a in task.agencies]
    return tasks, links


def export_tables(session: Session, filters: ExportFilter = ExportFilter()) -> dict[str, pd.DataFrame]:
    """Every table of `TABLES`, restricted to the documents `filters` keeps."""
    docs = _documents(session, filters)
    agencies = {a.id: a.name for a in session.scalars(select(t.AgencyRow))}
    used_agencies: set[int] = set()

    def agency_name(agency_id: Optional[int], fallback: Optional[str]) -> Optional[str]:
        if agency_id is None:
            return fallback
        used_agencies.add(agency_id)
        return agencies.get(agency_id, fallback)

    rows: dict[str, list[dict]] = {spec.name: [] for spec in TABLES}
    for d in docs:
        rows["documents"].append(_document_row(d))
        rows["indicators"] += _indicator_rows(d, agency_name)
        tasks, links = _task_rows(d, agency_name)
        rows["tasks"] += tasks
        rows["task_agencies"] += links
        rows["legal_bases"] += [
            {"legal_basis_id": b.id, "document_id": d.id, "position": b.position, "kind": b.kind,
             "doc_type": b.doc_type, "number": b.number, "date": b.date, "issuer": b.issuer, "raw": b.raw,
             "page": b.page} for b in d.legal_bases]
        rows["responsibilities"] += [
            {"responsibility_id": r.id, "document_id": d.id, "position": r.position, "heading": r.heading,
             "agencies": _join([agency_name(a.agency_id, a.name) for a in r.agencies]),
             "duties": _join(r.duties or [], "\n"), "n_duties": len(r.duties or []), "page": r.page}
            for r in d.responsibilities]
        rows["issues"] += [
            {"issue_id": i.id, "document_id": d.id, "position": i.position, "code": i.code, "message": i.message,
             "page": i.page, "value": i.value} for i in d.issues]
    commune_ids = {d.commune_id for d in docs if d.commune_id is not None}
    rows["communes"] = [
        {"commune_id": c.id, "code": c.code, "name": c.name, "kind": c.kind, "province": c.province}
        for c in session.scalars(select(t.CommuneRow).order_by(t.CommuneRow.id)) if c.id in commune_ids]
    rows["agencies"] = [{"agency_id": i, "name": agencies[i]} for i in sorted(used_agencies) if i in agencies]
    return {spec.name: typed_frame(spec, rows[spec.name]) for spec in TABLES}
