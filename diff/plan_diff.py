"""What changed between two versions of a plan: `diff_plans(old, new) -> PlanDiff`.

Indicators, tasks and legal bases are aligned one-to-one by name similarity
(folded, `fuzz.ratio`, at least `MIN_SIMILARITY`), never by ordinal or group: a
row renumbered, moved to another group or reworded a little is the same row,
reported as *changed* with a before -> after for each field that differs. Rows
with no partner are *added* or *removed*; unchanged rows are only counted.

Values compare under the contract's rules ("Comparing strings", plan-json.md):
agency names by `kehoach.normalize.text.fold`, row alignment and the other values
through the accuracy harness (`evaluate.align`, `evaluate.compare.values_equal`) so
that `diff` and `eval` agree: dash, quote, tone-mark placement and case variants are
equal, long texts at similarity >= 95.
"""

from __future__ import annotations

from typing import Callable, Literal, Optional, Sequence, TypeVar

from pydantic import BaseModel, Field

from kehoach.evaluate.align import RowKey, align_rows, align_targets
from kehoach.evaluate.compare import similarity, values_equal
from kehoach.normalize.text import fold
from kehoach.schema.plan import Deadline, Group, Indicator, LegalBasis, Plan, Responsibility, Target, Task

DIFF_CONTRACT = "plan-diff/1"

#: Least `fuzz.ratio` (0..100) of two folded names for two rows to be one row in two
#: versions. Higher than the accuracy harness's: two versions are both clean text, and a
#: task replaced by a different one must not pass for a reworded one.
MIN_SIMILARITY = 75.0

Change = Literal["added", "removed", "changed"]


class FieldChange(BaseModel):
    """One field of one row (or of the document) that differs: before -> after, as printed."""

    field: str
    before: Optional[str] = None
    after: Optional[str] = None


class RowChange(BaseModel):
    """One indicator, task or legal basis that was added, removed or changed."""

    change: Change
    name: str = Field(description="the new name; the old one for a removed row")
    old_position: Optional[str] = Field(None, description='"II.5": group code and ordinal in the old version')
    new_position: Optional[str] = None
    similarity: Optional[float] = Field(None, description="name similarity of a changed row, 0..100")
    fields: list[FieldChange] = Field(default_factory=list)


class Counts(BaseModel):
    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0


class PlanRef(BaseModel):
    """Which document one side is."""

    label: Optional[str] = None
    number: Optional[str] = None
    issue_date: Optional[str] = None
    commune: Optional[str] = None
    title: Optional[str] = None


class PlanDiff(BaseModel):
    contract: Literal["plan-diff/1"] = DIFF_CONTRACT
    old: PlanRef
    new: PlanRef
    counts: dict[str, Counts] = Field(description="per section: indicators, tasks, legal_bases, responsibilities")
    document: list[FieldChange] = Field(default_factory=list)
    indicators: list[RowChange] = Field(default_factory=list)
    tasks: list[RowChange] = Field(default_factory=list)
    legal_bases: list[RowChange] = Field(default_factory=list)
    responsibilities: list[RowChange] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.document or self.indicators or self.tasks or self.legal_bases or self.responsibilities)

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")


# ---- display forms of values -------------------------------------------------------


def group_text(group: Optional[Group]) -> Optional[str]:
    return f"{group.code}. {group.title}" if group else None


def position_text(group: Optional[Group], ordinal: str) -> Optional[str]:
    """ "II.5" for ordinal 5 under group II; the ordinal alone without a group."""
    if group and ordinal:
        return f"{group.code}.{ordinal}"
    return ordinal or (group.code if group else None)


def agencies_text(canonical: Sequence[str], raw: Optional[str]) -> Optional[str]:
    return "; ".join(canonical) if canonical else raw


def _date_text(value: object) -> Optional[str]:
    return None if value is None else str(value)


def deadline_text(deadline: Deadline) -> Optional[str]:
    if deadline.raw:
        return deadline.raw
    if deadline.start or deadline.end or deadline.recurrence:
        span = f"{_date_text(deadline.start) or '…'}..{_date_text(deadline.end) or '…'}"
        return f"{span} {deadline.recurrence or ''}".strip()
    return None


# ---- field comparisons ---------------------------------------------------------------


def _text_change(field: str, before: Optional[str], after: Optional[str], *, long: bool = False) -> list[FieldChange]:
    if values_equal(before, after, long=long):
        return []
    return [FieldChange(field=field, before=before, after=after)]


def _agencies_change(field: str, old: Sequence[str], old_raw, new: Sequence[str], new_raw) -> list[FieldChange]:
    if old or new:
        same = sorted(map(fold, old)) == sorted(map(fold, new))
    else:
        same = values_equal(old_raw, new_raw)
    if same:
        return []
    return [FieldChange(field=field, before=agencies_text(old, old_raw), after=agencies_text(new, new_raw))]


def _group_change(old: Optional[Group], new: Optional[Group]) -> list[FieldChange]:
    return _text_change("group", group_text(old), group_text(new), long=True)


def targets_equal(old: Target, new: Target) -> bool:
    """Equal when the typed reading agrees ("≥90%" = "≥ 90%"), else when the raw text does."""
    typed = ("kind", "op", "value", "qualifier", "label")
    if all(values_equal(getattr(old, f), getattr(new, f)) for f in typed) and old.kind != "text":
        return True
    return values_equal(old.raw, new.raw)


def _target_field(target: Target, index: int) -> str:
    return f"target {target.year}" if target.year is not None else f"target #{index + 1}"


def targets_changes(old: Sequence[Target], new: Sequence[Target]) -> list[FieldChange]:
    """Targets paired by year (then order); one change per year whose target differs."""
    pairs = align_targets([t.year for t in old], [t.year for t in new])
    changes = []
    for i, j in pairs:
        if not targets_equal(old[i], new[j]):
            changes.append(FieldChange(field=_target_field(new[j], j), before=old[i].raw, after=new[j].raw))
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    changes += [FieldChange(field=_target_field(t, i), before=t.raw) for i, t in enumerate(old) if i not in paired_old]
    changes += [FieldChange(field=_target_field(t, j), after=t.raw) for j, t in enumerate(new) if j not in paired_new]
    return changes


def _deadline_change(old: Deadline, new: Deadline) -> list[FieldChange]:
    typed = ("start", "end", "recurrence")
    if any(getattr(old, f) or getattr(new, f) for f in typed):
        same = all(getattr(old, f) == getattr(new, f) for f in typed)
    else:
        same = values_equal(old.raw, new.raw)
    return [] if same else [FieldChange(field="deadline", before=deadline_text(old), after=deadline_text(new))]


def indicator_changes(old: Indicator, new: Indicator) -> list[FieldChange]:
    return [
        *_text_change("name", old.name, new.name, long=True),
        *_group_change(old.group, new.group),
        *_text_change("ordinal", old.ordinal, new.ordinal),
        *_text_change("unit", old.unit, new.unit),
        *_agencies_change("lead", old.lead, old.lead_raw, new.lead, new.lead_raw),
        *targets_changes(old.targets, new.targets),
    ]


def task_changes(old: Task, new: Task) -> list[FieldChange]:
    changes = [
        *_text_change("name", old.name, new.name, long=True),
        *_group_change(old.group, new.group),
        *_text_change("ordinal", old.ordinal, new.ordinal),
    ]
    for field in ("subtask", "solution", "output", "kpi"):
        changes += _text_change(field, getattr(old, field), getattr(new, field), long=True)
    return [
        *changes,
        *_agencies_change("lead", old.lead, old.lead_raw, new.lead, new.lead_raw),
        *_agencies_change("partners", old.partners, old.partners_raw, new.partners, new.partners_raw),
        *_deadline_change(old.deadline, new.deadline),
        *_text_change("note", old.note, new.note, long=True),
    ]


def legal_basis_changes(old: LegalBasis, new: LegalBasis) -> list[FieldChange]:
    return [
        *_text_change("raw", old.raw, new.raw, long=True),
        *_text_change("kind", old.kind, new.kind),
        *_text_change("doc_type", old.doc_type, new.doc_type),
        *_text_change("number", old.number, new.number),
        *_text_change("date", _date_text(old.date), _date_text(new.date)),
        *_text_change("issuer", old.issuer, new.issuer),
    ]


def responsibility_changes(old: Responsibility, new: Responsibility) -> list[FieldChange]:
    changes = [
        *_text_change("heading", old.heading, new.heading, long=True),
        *_agencies_change("agencies", old.agencies, None, new.agencies, None),
    ]
    if not values_equal(old.duties, new.duties, long=True):
        changes.append(FieldChange(field="duties", before="\n".join(old.duties), after="\n".join(new.duties)))
    return changes


def document_changes(old: Plan, new: Plan) -> list[FieldChange]:
    """Header-level changes: number, date, signer, title, issuer, place, recipients."""
    o, n = old.document, new.document
    changes = _text_change("title", o.title, n.title, long=True)
    for field in ("doc_type", "number", "issue_date", "issue_year", "issuer", "commune", "commune_kind",
                  "province", "commune_code", "place"):
        before, after = getattr(o, field), getattr(n, field)
        changes += _text_change(field, None if before is None else str(before), None if after is None else str(after))
    for field in ("name", "position", "authority"):
        before = getattr(o.signer, field) if o.signer else None
        after = getattr(n.signer, field) if n.signer else None
        changes += _text_change(f"signer.{field}", before, after)
    if not values_equal(o.recipients, n.recipients):
        changes.append(FieldChange(field="recipients", before="; ".join(o.recipients), after="; ".join(n.recipients)))
    return changes


# ---- rows ------------------------------------------------------------------------------

Row = TypeVar("Row", Indicator, Task, LegalBasis, Responsibility)


def row_key(row: Indicator | Task | LegalBasis | Responsibility) -> RowKey:
    """What identifies a row across versions: its name (a task's sub-task too)."""
    if isinstance(row, LegalBasis):
        return RowKey(name=row.raw)
    if isinstance(row, Responsibility):
        return RowKey(name=row.heading)
    name = f"{row.name} {row.subtask}" if isinstance(row, Task) and row.subtask else row.name
    return RowKey(name=name, ordinal=row.ordinal, group=group_text(row.group) or "")


def align_versions(old: Sequence[Row], new: Sequence[Row], min_similarity: float = MIN_SIMILARITY) -> list[tuple[int, int]]:
    """One-to-one pairs (old index, new index); rows of a table pair only with table rows."""
    pairs: list[tuple[int, int]] = []
    for source in ("table", "prose"):
        old_idx = [i for i, row in enumerate(old) if getattr(row, "source", "table") == source]
        new_idx = [j for j, row in enumerate(new) if getattr(row, "source", "table") == source]
        keys_old = [row_key(old[i]) for i in old_idx]
        keys_new = [row_key(new[j]) for j in new_idx]
        pairs += [(old_idx[a], new_idx[b]) for a, b in align_rows(keys_old, keys_new, min_similarity)]
    return sorted(pairs)


def _position(row) -> Optional[str]:
    return position_text(getattr(row, "group", None), getattr(row, "ordinal", ""))


def diff_rows(
    old: Sequence[Row], new: Sequence[Row], compare: Callable[[Row, Row], list[FieldChange]],
    min_similarity: float = MIN_SIMILARITY,
) -> tuple[list[RowChange], Counts]:
    """Removed rows (old order), added rows (new order), then changed rows (new order)."""
    pairs = align_versions(old, new, min_similarity)
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    removed = [
        RowChange(change="removed", name=row_key(row).name, old_position=_position(row))
        for i, row in enumerate(old) if i not in paired_old
    ]
    added = [
        RowChange(change="added", name=row_key(row).name, new_position=_position(row))
        for j, row in enumerate(new) if j not in paired_new
    ]
    changed = []
    for i, j in sorted(pairs, key=lambda pair: pair[1]):
        fields = compare(old[i], new[j])
        if fields:
            changed.append(RowChange(
                change="changed", name=row_key(new[j]).name, old_position=_position(old[i]),
                new_position=_position(new[j]),
                similarity=round(similarity(row_key(old[i]).name, row_key(new[j]).name), 1), fields=fields,
            ))
    counts = Counts(added=len(added), removed=len(removed), changed=len(changed), unchanged=len(pairs) - len(changed))
    return removed + added + changed, counts


def plan_ref(plan: Plan, label: Optional[str]) -> PlanRef:
    doc = plan.document
    return PlanRef(
        label=label, number=doc.number, issue_date=_date_text(doc.issue_date),
        commune=doc.commune, title=doc.title,
    )


def diff_plans(
    old: Plan, new: Plan, *, old_label: Optional[str] = None, new_label: Optional[str] = None,
    min_similarity: float = MIN_SIMILARITY,
) -> PlanDiff:
    """Everything that differs between two versions of one plan; unchanged rows only counted."""
    indicators, indicator_counts = diff_rows(old.indicators, new.indicators, indicator_changes, min_similarity)
    tasks, task_counts = diff_rows(old.tasks, new.tasks, task_changes, min_similarity)
    bases, basis_counts = diff_rows(old.legal_bases, new.legal_bases, legal_basis_changes, min_similarity)
    duties, duty_counts = diff_rows(old.responsibilities, new.responsibilities, responsibility_changes, min_similarity)
    return PlanDiff(
        old=plan_ref(old, old_label), new=plan_ref(new, new_label),
        counts={"indicators": indicator_counts, "tasks": task_counts, "legal_bases": basis_counts,
                "responsibilities": duty_counts},
        document=document_changes(old, new), indicators=indicators, tasks=tasks, legal_bases=bases,
        responsibilities=duties,
    )
