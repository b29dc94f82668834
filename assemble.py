"""The normalize stage's orchestrator: RawDocument (plain strings with provenance) -> Plan.

Every free-text value goes through its normalizer; every warning a normalizer gives
becomes an `issues` entry carrying the page and bbox of the value it is about.
"""

from __future__ import annotations

import re
from typing import Optional, TypeVar

from kehoach.extract.lines import join_lines
from kehoach.extract.model import BBox, RawDocument, RawRow, RawTable
from kehoach.extract.prose.legal_bases import parse_legal_bases
from kehoach.extract.prose.responsibilities import parse_responsibilities
from kehoach.extract.prose.targets import parse_prose_targets
from kehoach.extract.prose.tasks import parse_prose_tasks
from kehoach.normalize import header as hdr
from kehoach.normalize.admin_units import province_named_in, resolve_commune
from kehoach.normalize.agencies import AgencyRegistry, default_registry
from kehoach.normalize.deadlines import parse_deadline
from kehoach.normalize.targets import parse_target
from kehoach.normalize.text import fold
from kehoach.schema.plan import Document, Group, Indicator, Issue, Plan, Signer, Target, Task

YEAR_PHRASE = re.compile(r"(?:đến|hết|cuối|trong)?\s*(?:năm|nam)\s+(20\d\d)(?!\s*[-–]\s*20\d\d)", re.I)
#: OCR'd cells whose lowest word confidence is under this are listed for review.
LOW_CONFIDENCE = 60.0


RowModel = TypeVar("RowModel", Indicator, Task)


class _Issues:
    def __init__(self) -> None:
        self.items: list[Issue] = []

    def add(self, code: str, messages: list[str], page: Optional[int], bbox: Optional[BBox] = None, value: Optional[str] = None) -> None:
        for m in messages:
            self.items.append(Issue(code=code, message=m, page=page, bbox=bbox, value=value))


def _year_in(text: str) -> Optional[int]:
    years = {int(y) for y in YEAR_PHRASE.findall(text or "")}
    return years.pop() if len(years) == 1 else None


def _cell(row: RawRow, roles: list[Optional[str]], role: str) -> Optional[str]:
    if role not in roles:
        return None
    text = row.cells[roles.index(role)].strip()
    return text or None


def _one_year_plan(raw: RawDocument, title: str) -> Optional[int]:
    """The year of a plan for one year ("… năm 2026"), else None."""
    if re.search(r"giai đoạn|20\d\d\s*[-–]\s*20\d\d", title, re.I):
        return None
    return _year_in(title)


def _agencies(registry: AgencyRegistry, cell: Optional[str], issues: _Issues, page: int, bbox: BBox) -> list[str]:
    if not cell:
        return []
    names, warnings = registry.resolve_cell(cell)
    issues.add("agency_unresolved", warnings, page, bbox, cell)
    return names


def _extra(table: RawTable, row: RawRow) -> dict[str, str]:
    return {table.columns[i] or f"column {i + 1}": row.cells[i] for i, r in enumerate(table.roles) if r is None and row.cells[i]}


def _with_provenance(item: RowModel, table: RawTable, row: RawRow, issues: _Issues) -> RowModel:
    """A row's unmapped columns go to `extra`; an OCR'd row read with low confidence is
    listed in `issues` with its page and bbox for review."""
    extra = _extra(table, row)
    if extra:
        item.extra = extra  # type: ignore[attr-defined]
    if row.min_conf is not None and row.min_conf < LOW_CONFIDENCE:
        issues.add("ocr_low_confidence", [f"OCR confidence {row.min_conf:.0f} in this row: check it"], row.page, row.bbox, " | ".join(row.cells))
    return item


def indicators_from_table(table: RawTable, registry: AgencyRegistry, plan_year: Optional[int], issues: _Issues) -> list[Indicator]:
    out: list[Indicator] = []
    group: Optional[Group] = None
    table_year = _year_in(" ".join(table.columns))
    target_cols = [i for i, r in enumerate(table.roles) if r == "target"]
    for row in table.rows:
        if row.group:
            group = Group(code=row.group[0], title=row.group[1])
            continue
        name = _cell(row, table.roles, "name")
        if not name:
            issues.add("row_without_name", ["indicator row with no name: skipped"], row.page, row.bbox, " | ".join(row.cells))
            continue
        unit = _cell(row, table.roles, "unit")
        group_year = _year_in(group.title) if group else None
        targets: list[Target] = []
        for i in target_cols:
            year = table.years[i] or group_year or table_year or plan_year
            target, warnings = parse_target(row.cells[i], unit_column=unit, year=year)
            issues.add("target_unparsed", warnings, row.page, row.bbox, row.cells[i])
            targets.append(target)
        lead_raw = _cell(row, table.roles, "lead")
        ind = Indicator(
            source="table",
            group=group,
            ordinal=_cell(row, table.roles, "ordinal") or "",
            name=name,
            unit=unit,
            lead_raw=lead_raw,
            lead=_agencies(registry, lead_raw, issues, row.page, row.bbox),
            targets=targets,
            page=row.page,
            bbox=row.bbox,
        )
        out.append(_with_provenance(ind, table, row, issues))
    return out


def tasks_from_table(table: RawTable, registry: AgencyRegistry, issues: _Issues) -> list[Task]:
    out: list[Task] = []
    group: Optional[Group] = None
    group_lead: Optional[str] = None
    has_lead = "lead" in table.roles
    for row in table.rows:
        if row.group:
            group = Group(code=row.group[0], title=row.group[1])
            group_lead = None
            if not has_lead and registry.resolve(row.group[1]).resolved:
                group_lead = row.group[1]
            continue
        name = _cell(row, table.roles, "name")
        if not name and "subtask" in table.roles and out:
            name = out[-1].name  # a sub-task row continues the task above
        if not name:
            issues.add("row_without_name", ["task row with no name: skipped"], row.page, row.bbox, " | ".join(row.cells))
            continue
        lead_raw = _cell(row, table.roles, "lead") or group_lead
        partners_raw = _cell(row, table.roles, "partners")
        deadline_raw = _cell(row, table.roles, "deadline")
        deadline, warnings = parse_deadline(deadline_raw)
        issues.add("deadline_unparsed", warnings, row.page, row.bbox, deadline_raw)
        task = Task(
            source="table",
            group=group,
            ordinal=_cell(row, table.roles, "ordinal") or "",
            name=name,
            subtask=_cell(row, table.roles, "subtask"),
            solution=_cell(row, table.roles, "solution"),
            output=_cell(row, table.roles, "output"),
            kpi=_cell(row, table.roles, "kpi"),
            lead_raw=lead_raw,
            lead=_agencies(registry, lead_raw, issues, row.page, row.bbox),
            partners_raw=partners_raw,
            partners=_agencies(registry, partners_raw, issues, row.page, row.bbox),
            deadline=deadline,
            note=_cell(row, table.roles, "note"),
            page=row.page,
            bbox=row.bbox,
        )
        out.append(_with_provenance(task, table, row, issues))
    return out


def build_document(raw: RawDocument, issues: _Issues) -> Document:
    h = raw.header
    title = join_lines(h.title_lines) or None
    number = hdr.parse_number(h.number_line) if h.number_line else None
    place, issue_date, issue_year = hdr.parse_place_date(h.place_date_line) if h.place_date_line else (None, None, None)
    if issue_year is None:
        issue_year = next((y for y in (hdr.parse_year_from_note(n) for n in raw.appendix_notes) if y), None)
    hints = tuple(x for x in (place, title) if x)  # the commune's casing as the text prints it
    issuer, commune, kind = hdr.parse_issuer(h.issuer_lines, hints=hints) if h.issuer_lines else (None, None, None)
    body_text = [title or ""] + list(h.issuer_lines or []) + [b.text for b in raw.blocks[:40]]
    match, warnings = resolve_commune(commune or place or "", kind, province_named_in(body_text))
    issues.add("admin_unit", warnings, 1)
    c = raw.closing
    signer = Signer(name=c.name, position=c.position, authority=c.authority) if (c.name or c.position) else None
    return Document(
        title=title,
        number=number,
        issue_date=issue_date,
        issue_year=issue_year,
        issuer=issuer,
        # The plan's own spelling ("Chiêm Hóa") over the national list's ("Chiêm Hoá").
        commune=commune if commune and match.commune and fold(commune) == fold(match.commune) else (match.commune or commune),
        commune_kind=match.commune_kind or kind,
        province=match.province,
        commune_code=match.commune_code,
        place=place,
        signer=signer,
        recipients=c.recipients,
        pages=raw.pages,
    )


def build_plan(raw: RawDocument, registry: Optional[AgencyRegistry] = None) -> Plan:
    """Normalize an extracted document into a plan-json/1 Plan."""
    registry = registry or default_registry()
    issues = _Issues()
    for code, message, page, bbox in raw.warnings:
        issues.add(code, [message], page, bbox)
    document = build_document(raw, issues)
    plan_year = _one_year_plan(raw, document.title or "")
    indicators: list[Indicator] = []
    tasks: list[Task] = []
    for table in raw.tables:
        if table.kind == "tasks":
            tasks += tasks_from_table(table, registry, issues)
        elif table.kind == "indicators":
            indicators += indicators_from_table(table, registry, plan_year, issues)
        else:
            issues.add("table_unclassified", [f"table with columns {table.columns} is neither indicators nor tasks: skipped"], table.pages[0])
        for col, role in zip(table.columns, table.roles):
            if role is None:
                issues.add("column_unmapped", [f"column {col!r} maps to no field: kept in 'extra'"], table.pages[0], None, col)
    prose_tasks = parse_prose_tasks(raw.blocks)
    if not indicators:
        indicators = parse_prose_targets(raw.blocks, issue_year=plan_year or document.issue_year, title=document.title)
    return Plan(
        document=document,
        legal_bases=parse_legal_bases(raw.blocks),
        indicators=indicators,
        tasks=prose_tasks + tasks,
        responsibilities=parse_responsibilities(raw.blocks),
        issues=issues.items,
    )
