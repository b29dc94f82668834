"""plan-json objects <-> table rows, both directions side by side; no database access.

`plan_to_rows(plan, agency_ids)` gives every row's column values, table by table, for
bulk inserts; `row_to_plan(row)` rebuilds the `Plan` from a loaded `DocumentRow`. The
pair is lossless: a contract object's unknown extra fields go to its row's `extra` JSON
(top level), the extras of objects folded into the row (a task's group and deadline, a
target's type of number) under "__"-keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional

from kehoach.schema.plan import (
    Deadline,
    Document,
    Group,
    Indicator,
    Issue,
    LegalBasis,
    Plan,
    Responsibility,
    Signer,
    Target,
    Task,
)
from kehoach.schema.tables import (
    DocumentRow,
    IndicatorRow,
    IssueRow,
    LegalBasisRow,
    ResponsibilityRow,
    TargetRow,
    TaskRow,
)

#: The agency id each name resolves to (None: unresolved, kept by name only).
AgencyIds = Mapping[str, Optional[int]]


# --- extras -----------------------------------------------------------------------


def pack_extra(own: Optional[dict[str, Any]], **folded: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """A row's `extra`: the object's own extra fields plus folded objects' under "__name"."""
    out = dict(own or {})
    for key, value in folded.items():
        if value is not None:
            out[f"__{key}"] = value
    return out or None


def unpack_extra(extra: Optional[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(own extra fields, folded objects' extras by name) of a row's `extra`."""
    own, folded = {}, {}
    for key, value in (extra or {}).items():
        if key.startswith("__"):
            folded[key[2:]] = value
        else:
            own[key] = value
    return own, folded


def _model_extra(model: Any) -> Optional[dict[str, Any]]:
    return dict(model.model_extra) if model is not None and model.model_extra else None


def _split_bbox(fields: dict[str, Any]) -> Optional[list[float]]:
    """Move a well-formed extra `bbox` out of `fields` into its column."""
    box = fields.get("bbox")
    if isinstance(box, (list, tuple)) and len(box) == 4 and all(isinstance(v, (int, float)) for v in box):
        del fields["bbox"]
        return [float(v) for v in box]
    return None


def _bbox(box: Any) -> Optional[list[float]]:
    return None if box is None else [float(v) for v in box]


def _group_cols(group: Optional[Group]) -> dict[str, Any]:
    if group is None:
        return {"group_code": None, "group_title": None}
    return {"group_code": group.code, "group_title": group.title}


def _group(row: Any, folded: dict[str, Any]) -> Optional[Group]:
    if row.group_code is None:
        return None
    return Group(code=row.group_code, title=row.group_title, **folded.get("group", {}))


# --- plan -> rows -------------------------------------------------------------------


def document_columns(plan: Plan) -> dict[str, Any]:
    """The `documents` columns that come from the plan itself."""
    d = plan.document
    signer = d.signer
    signer_extra = None
    if signer is not None:
        signer_extra = _model_extra(signer) or ({} if not (signer.name or signer.position or signer.authority) else None)
    return dict(
        contract=plan.contract, number=d.number, issue_date=d.issue_date, issue_year=d.issue_year,
        issuer=d.issuer, title=d.title, doc_type=d.doc_type, place=d.place, commune=d.commune,
        commune_kind=d.commune_kind, province=d.province, commune_code=d.commune_code, pages=d.pages,
        signer_name=signer.name if signer else None, signer_position=signer.position if signer else None,
        signer_authority=signer.authority if signer else None, recipients=list(d.recipients),
        extra=pack_extra(_model_extra(d), plan=_model_extra(plan), signer=signer_extra),
    )


Row = dict[str, Any]  # column values of one row, ready for a bulk INSERT


def target_to_row(position: int, t: Target) -> Row:
    value, value_bool, value_type = t.value, None, None
    if isinstance(value, bool):
        value, value_bool = None, value
    elif isinstance(value, float) and value.is_integer():
        value_type = "float"  # 1.0 must read back as 1.0, not 1
    return dict(
        position=position, year=t.year, kind=t.kind, op=t.op,
        value=None if value is None else float(value), value_bool=value_bool, unit=t.unit,
        qualifier=t.qualifier, label=t.label, raw=t.raw,
        extra=pack_extra(_model_extra(t), value_type=value_type),
    )


def _links(names: list[str], agency_ids: AgencyIds, **more: Any) -> list[Row]:
    return [dict(position=i, name=n, agency_id=agency_ids.get(n), **more) for i, n in enumerate(names)]


def indicator_to_row(position: int, ind: Indicator) -> Row:
    return dict(
        position=position, source=ind.source, **_group_cols(ind.group), ordinal=ind.ordinal,
        name=ind.name, unit=ind.unit, lead_raw=ind.lead_raw, page=ind.page, bbox=_bbox(ind.bbox),
        extra=pack_extra(_model_extra(ind), group=_model_extra(ind.group)),
    )


def task_to_row(position: int, task: Task) -> Row:
    dl = task.deadline
    return dict(
        position=position, source=task.source, **_group_cols(task.group), ordinal=task.ordinal,
        name=task.name, subtask=task.subtask, solution=task.solution, output=task.output,
        kpi=task.kpi, lead_raw=task.lead_raw, partners_raw=task.partners_raw,
        deadline_raw=dl.raw, deadline_start=dl.start, deadline_end=dl.end,
        deadline_recurrence=dl.recurrence, note=task.note, page=task.page, bbox=_bbox(task.bbox),
        extra=pack_extra(_model_extra(task), group=_model_extra(task.group), deadline=_model_extra(dl)),
    )


def legal_basis_to_row(position: int, lb: LegalBasis) -> Row:
    own = dict(lb.model_extra or {})
    bbox = _split_bbox(own)
    return dict(
        position=position, kind=lb.kind, doc_type=lb.doc_type, number=lb.number, date=lb.date,
        issuer=lb.issuer, raw=lb.raw, page=lb.page, bbox=bbox, extra=pack_extra(own),
    )


def responsibility_to_row(position: int, r: Responsibility) -> Row:
    own = dict(r.model_extra or {})
    bbox = _split_bbox(own)
    return dict(position=position, heading=r.heading, duties=list(r.duties), page=r.page, bbox=bbox, extra=pack_extra(own))


def issue_to_row(position: int, issue: Issue) -> Row:
    return dict(
        position=position, code=issue.code, message=issue.message, page=issue.page,
        bbox=_bbox(issue.bbox), value=issue.value, extra=pack_extra(_model_extra(issue)),
    )


@dataclass
class PlanRows:
    """A plan as column values, table by table; child rows sit beside their parent and
    get its id when inserted."""

    document: Row
    legal_bases: list[Row]
    indicators: list[tuple[Row, list[Row], list[Row]]]  # (indicator, targets, lead agencies)
    tasks: list[tuple[Row, list[Row]]]  # (task, lead and partner agencies)
    responsibilities: list[tuple[Row, list[Row]]]  # (responsibility, agencies)
    issues: list[Row]

    def count(self) -> int:
        """How many rows these are, the document row included."""
        return (
            1 + len(self.legal_bases) + len(self.issues)
            + sum(1 + len(t) + len(a) for _, t, a in self.indicators)
            + sum(1 + len(a) for _, a in self.tasks) + sum(1 + len(a) for _, a in self.responsibilities)
        )


def plan_to_rows(plan: Plan, agency_ids: AgencyIds) -> PlanRows:
    """All of a plan's rows; `agency_ids` resolves the agency names it carries."""
    return PlanRows(
        document=document_columns(plan),
        legal_bases=[legal_basis_to_row(i, lb) for i, lb in enumerate(plan.legal_bases)],
        indicators=[
            (indicator_to_row(i, ind), [target_to_row(j, t) for j, t in enumerate(ind.targets)], _links(ind.lead, agency_ids))
            for i, ind in enumerate(plan.indicators)
        ],
        tasks=[
            (task_to_row(i, t), _links(t.lead, agency_ids, role="lead") + _links(t.partners, agency_ids, role="partner"))
            for i, t in enumerate(plan.tasks)
        ],
        responsibilities=[(responsibility_to_row(i, r), _links(r.agencies, agency_ids)) for i, r in enumerate(plan.responsibilities)],
        issues=[issue_to_row(i, issue) for i, issue in enumerate(plan.issues)],
    )


def plan_agency_names(plan: Plan) -> set[str]:
    """Every agency name a plan's rows carry (lead, partners, responsibility agencies)."""
    names: set[str] = set()
    for ind in plan.indicators:
        names.update(ind.lead)
    for task in plan.tasks:
        names.update(task.lead)
        names.update(task.partners)
    for r in plan.responsibilities:
        names.update(r.agencies)
    return names


# --- rows -> plan -------------------------------------------------------------------


def row_to_target(row: TargetRow) -> Target:
    own, folded = unpack_extra(row.extra)
    value: Any = row.value
    if row.value_bool is not None:
        value = row.value_bool
    elif value is not None and value.is_integer() and folded.get("value_type") != "float":
        value = int(value)
    return Target(
        year=row.year, raw=row.raw, kind=row.kind, op=row.op, value=value, unit=row.unit,
        qualifier=row.qualifier, label=row.label, **own,
    )


def _with_bbox(own: dict[str, Any], bbox: Optional[list[float]]) -> dict[str, Any]:
    return own if bbox is None else {**own, "bbox": tuple(bbox)}


def row_to_indicator(row: IndicatorRow) -> Indicator:
    own, folded = unpack_extra(row.extra)
    return Indicator(
        source=row.source, group=_group(row, folded), ordinal=row.ordinal, name=row.name,
        unit=row.unit, lead_raw=row.lead_raw, lead=[a.name for a in row.agencies],
        targets=[row_to_target(t) for t in row.targets], page=row.page, **_with_bbox(own, row.bbox),
    )


def row_to_task(row: TaskRow) -> Task:
    own, folded = unpack_extra(row.extra)
    deadline = Deadline(
        raw=row.deadline_raw, start=row.deadline_start, end=row.deadline_end,
        recurrence=row.deadline_recurrence, **folded.get("deadline", {}),
    )
    by_role = {"lead": [], "partner": []}
    for link in row.agencies:
        by_role[link.role].append((link.position, link.name))
    lead, partners = ([n for _, n in sorted(by_role[r])] for r in ("lead", "partner"))
    return Task(
        source=row.source, group=_group(row, folded), ordinal=row.ordinal, name=row.name,
        subtask=row.subtask, solution=row.solution, output=row.output, kpi=row.kpi,
        lead_raw=row.lead_raw, lead=lead, partners_raw=row.partners_raw, partners=partners,
        deadline=deadline, note=row.note, page=row.page, **_with_bbox(own, row.bbox),
    )


def row_to_legal_basis(row: LegalBasisRow) -> LegalBasis:
    own, _ = unpack_extra(row.extra)
    return LegalBasis(
        kind=row.kind, doc_type=row.doc_type, number=row.number, date=row.date, issuer=row.issuer,
        raw=row.raw, page=row.page, **_with_bbox(own, row.bbox),
    )


def row_to_responsibility(row: ResponsibilityRow) -> Responsibility:
    own, _ = unpack_extra(row.extra)
    return Responsibility(
        heading=row.heading, agencies=[a.name for a in row.agencies], duties=list(row.duties),
        page=row.page, **_with_bbox(own, row.bbox),
    )


def row_to_issue(row: IssueRow) -> Issue:
    own, _ = unpack_extra(row.extra)
    return Issue(code=row.code, message=row.message, page=row.page, value=row.value, **_with_bbox(own, row.bbox))


def row_to_document(row: DocumentRow) -> tuple[Document, dict[str, Any]]:
    """The plan's document block, and the plan's own extra fields."""
    own, folded = unpack_extra(row.extra)
    signer = None
    if "signer" in folded or row.signer_name or row.signer_position or row.signer_authority:
        signer = Signer(
            name=row.signer_name, position=row.signer_position, authority=row.signer_authority,
            **(folded.get("signer") or {}),
        )
    document = Document(
        title=row.title, doc_type=row.doc_type, number=row.number, issue_date=row.issue_date,
        issue_year=row.issue_year, issuer=row.issuer, commune=row.commune,
        commune_kind=row.commune_kind, province=row.province, commune_code=row.commune_code,
        place=row.place, signer=signer, recipients=list(row.recipients), pages=row.pages, **own,
    )
    return document, folded.get("plan") or {}


def row_to_plan(row: DocumentRow) -> Plan:
    """The plan a document row (with its loaded child rows) holds."""
    document, plan_extra = row_to_document(row)
    return Plan(
        contract=row.contract, document=document,
        legal_bases=[row_to_legal_basis(r) for r in row.legal_bases],
        indicators=[row_to_indicator(r) for r in row.indicators],
        tasks=[row_to_task(r) for r in row.tasks],
        responsibilities=[row_to_responsibility(r) for r in row.responsibilities],
        issues=[row_to_issue(r) for r in row.issues],
        **plan_extra,
    )
