"""Field-level scoring of one predicted plan against its gold plan.

Every contract field of every row is one comparison. For an aligned pair of rows
an equal field is a true positive and an unequal one a false positive plus a false
negative; every field of an unaligned gold row is a false negative, of an
unaligned predicted row a false positive. `document` is one row, always aligned
when a prediction exists. Targets are rows of their own, aligned within aligned
indicators. Nested objects count per leaf (`group.code`, `deadline.start`,
`signer.name`); a list of strings is one field. `page` and `document.pages` count
only where the gold value is not null. `issues` and extra fields are not scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from kehoach.evaluate.align import RowKey, align_rows, align_targets
from kehoach.evaluate.compare import values_equal

SECTIONS = ("document", "legal_bases", "indicators", "targets", "tasks", "responsibilities")


@dataclass(frozen=True)
class FieldSpec:
    """One scored field: its dotted path in the row, and how it compares."""

    path: str
    long: bool = False  # long text: equal at fuzz.ratio >= 95
    page: bool = False  # a page number: scored only where gold has one


def _specs(*paths: str, long: tuple[str, ...] = (), page: tuple[str, ...] = ()) -> tuple[FieldSpec, ...]:
    return tuple(FieldSpec(p, long=p in long, page=p in page) for p in paths)


FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "document": _specs(
        "title", "doc_type", "number", "issue_date", "issue_year", "issuer", "commune", "commune_kind",
        "province", "commune_code", "place", "signer.name", "signer.position", "signer.authority",
        "recipients", "pages",
        long=("title",), page=("pages",),
    ),
    "legal_bases": _specs("kind", "doc_type", "number", "date", "issuer", "raw", long=("raw",)),
    "indicators": _specs(
        "source", "group.code", "group.title", "ordinal", "name", "unit", "lead_raw", "lead", "page",
        long=("name",), page=("page",),
    ),
    "targets": _specs("year", "raw", "kind", "op", "value", "unit", "qualifier", "label"),
    "tasks": _specs(
        "source", "group.code", "group.title", "ordinal", "name", "subtask", "solution", "output", "kpi",
        "lead_raw", "lead", "partners_raw", "partners", "deadline.raw", "deadline.start", "deadline.end",
        "deadline.recurrence", "note", "page",
        long=("name", "subtask", "solution", "output", "kpi", "note"), page=("page",),
    ),
    "responsibilities": _specs("heading", "agencies", "duties", long=("heading", "duties")),
}

# The field a row is aligned and identified by.
NAME_FIELD = {"document": "title", "legal_bases": "raw", "indicators": "name", "tasks": "name",
              "responsibilities": "heading"}


@dataclass
class Counts:
    """True positives, false positives, false negatives; P/R/F1 derived."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); with nothing predicted, 1.0 if nothing was missed, else 0.0."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); with nothing in gold, 1.0 if nothing was added, else 0.0."""
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class RowStats:
    """How many rows a section has in gold and prediction, and how many were paired."""

    gold: int = 0
    predicted: int = 0
    aligned: int = 0

    def add(self, other: RowStats) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.aligned += other.aligned

    def to_dict(self) -> dict[str, int]:
        return {"gold": self.gold, "predicted": self.predicted, "aligned": self.aligned}


@dataclass(frozen=True)
class RowRef:
    """A row's identity in a report: section, 0-based index, ordinal, start of its name."""

    section: str
    index: int
    ordinal: str
    name: str

    @property
    def label(self) -> str:
        """"#3 [1.2] Xây dựng …" for a row of a list; "" for the document."""
        if self.section == "document":
            return ""
        ordinal = f" [{self.ordinal}]" if self.ordinal else ""
        return f"#{self.index + 1}{ordinal} {self.name}".rstrip()

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "index": self.index, "ordinal": self.ordinal, "name": self.name}


@dataclass(frozen=True)
class FieldError:
    """One wrong field of an aligned pair (row identity from gold)."""

    row: RowRef
    field: str
    gold: Any
    predicted: Any

    def to_dict(self) -> dict[str, Any]:
        return {**self.row.to_dict(), "field": self.field, "gold": self.gold, "predicted": self.predicted}


@dataclass(frozen=True)
class UnalignedRow:
    """A gold row with no predicted partner ("missing") or the reverse ("extra")."""

    row: RowRef
    side: str  # "missing" | "extra"

    def to_dict(self) -> dict[str, Any]:
        return {**self.row.to_dict(), "side": self.side}


@dataclass
class Report:
    """The score of one predicted plan against its gold plan."""

    sections: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in SECTIONS})
    fields: dict[str, Counts] = field(default_factory=dict)
    rows: dict[str, RowStats] = field(default_factory=lambda: {s: RowStats() for s in SECTIONS})
    errors: list[FieldError] = field(default_factory=list)
    unaligned: list[UnalignedRow] = field(default_factory=list)

    @property
    def overall(self) -> Counts:
        """Micro-averaged counts over every section."""
        total = Counts()
        for counts in self.sections.values():
            total.add(counts)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "sections": {name: c.to_dict() for name, c in self.sections.items()},
            "fields": {name: c.to_dict() for name, c in sorted(self.fields.items())},
            "rows": {name: r.to_dict() for name, r in self.rows.items()},
            "errors": [e.to_dict() for e in self.errors],
            "unaligned": [u.to_dict() for u in self.unaligned],
        }


def get_path(row: dict, path: str) -> Any:
    """The value at a dotted path; None when any step is missing or null."""
    value: Any = row
    for step in path.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _rows(plan: Optional[dict], section: str) -> list[dict]:
    if plan is None:
        return []
    if section == "document":
        document = plan.get("document")
        return [document if isinstance(document, dict) else {}]
    rows = plan.get(section)
    return [row if isinstance(row, dict) else {} for row in rows] if isinstance(rows, list) else []


def _key(row: dict, section: str) -> RowKey:
    name = get_path(row, NAME_FIELD[section])
    return RowKey(
        name=name if isinstance(name, str) else "",
        ordinal=str(row.get("ordinal") or ""),
        group=str(get_path(row, "group.code") or ""),
    )


def _ref(row: dict, section: str, index: int) -> RowRef:
    name = get_path(row, NAME_FIELD.get(section, "name"))
    name = name if isinstance(name, str) else ""
    short = name if len(name) <= 60 else name[:59] + "…"
    return RowRef(section, index, str(row.get("ordinal") or ""), short)


class _Scorer:
    """Accumulates one Report; each method scores one kind of row event."""

    def __init__(self) -> None:
        self.report = Report()

    def _count(self, section: str, spec: FieldSpec) -> Counts:
        return self.report.fields.setdefault(f"{section}.{spec.path}", Counts())

    def _tally(self, section: str, spec: FieldSpec, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        for counts in (self.report.sections[section], self._count(section, spec)):
            counts.add(Counts(tp, fp, fn))

    def pair(self, section: str, gold: dict, pred: dict, ref: RowRef) -> None:
        self.report.rows[section].aligned += 1
        for spec in FIELDS[section]:
            g, p = get_path(gold, spec.path), get_path(pred, spec.path)
            if spec.page and g is None:
                continue
            if values_equal(g, p, long=spec.long):
                self._tally(section, spec, tp=1)
            else:
                self._tally(section, spec, fp=1, fn=1)
                self.report.errors.append(FieldError(ref, spec.path, g, p))

    def alone(self, section: str, row: dict, ref: RowRef, side: str, score_pages: bool) -> None:
        self.report.unaligned.append(UnalignedRow(ref, side))
        missing = side == "missing"
        for spec in FIELDS[section]:
            if spec.page and not (get_path(row, spec.path) is not None if missing else score_pages):
                continue  # a page counts where gold has one; for an extra row, where gold has any
            self._tally(section, spec, fp=int(not missing), fn=int(missing))

    def section(self, section: str, gold_rows: list[dict], pred_rows: list[dict]) -> list[tuple[int, int]]:
        """Align and score one section; returns the pairs."""
        stats = self.report.rows[section]
        stats.gold += len(gold_rows)
        stats.predicted += len(pred_rows)
        if section == "document":
            pairs = [(0, 0)] if gold_rows and pred_rows else []
        else:
            pairs = align_rows([_key(r, section) for r in gold_rows], [_key(r, section) for r in pred_rows])
        self._score(section, gold_rows, pred_rows, pairs, lambda row, i: _ref(row, section, i))
        return pairs

    def _score(
        self,
        section: str,
        gold_rows: list[dict],
        pred_rows: list[dict],
        pairs: list[tuple[int, int]],
        make_ref: Callable[[dict, int], RowRef],
    ) -> None:
        """Score aligned pairs field by field, then the rows left unaligned on either side."""
        pages = any(get_path(row, spec.path) is not None for row in gold_rows for spec in FIELDS[section] if spec.page)
        for i, j in pairs:
            self.pair(section, gold_rows[i], pred_rows[j], make_ref(gold_rows[i], i))
        gold_done, pred_done = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, row in enumerate(gold_rows):
            if i not in gold_done:
                self.alone(section, row, make_ref(row, i), "missing", pages)
        for j, row in enumerate(pred_rows):
            if j not in pred_done:
                self.alone(section, row, make_ref(row, j), "extra", pages)

    def targets(self, indicator: dict, gold: list[dict], pred: list[dict], index: int) -> None:
        """Score the targets of one indicator; `pred` is [] when the indicator is unaligned."""
        stats = self.report.rows["targets"]
        stats.gold += len(gold)
        stats.predicted += len(pred)
        pairs = align_targets([t.get("year") for t in gold], [t.get("year") for t in pred])
        base = _ref(indicator, "indicators", index)

        def make_ref(target: dict, i: int) -> RowRef:
            return RowRef("targets", base.index, base.ordinal, f"{base.name} ({target.get('year')})")

        self._score("targets", gold, pred, pairs, make_ref)


def _targets(row: dict) -> list[dict]:
    targets = row.get("targets")
    return [t if isinstance(t, dict) else {} for t in targets] if isinstance(targets, list) else []


def evaluate_plan(gold: dict, pred: Optional[dict]) -> Report:
    """Score `pred` against `gold` (plan-json/1 dicts); `pred` None means no prediction."""
    scorer = _Scorer()
    for section in SECTIONS:
        if section == "targets":
            continue
        gold_rows, pred_rows = _rows(gold, section), _rows(pred, section)
        pairs = scorer.section(section, gold_rows, pred_rows)
        if section == "indicators":
            _score_targets(scorer, gold_rows, pred_rows, pairs)
    return scorer.report


def _score_targets(
    scorer: _Scorer, gold_rows: list[dict], pred_rows: list[dict], pairs: list[tuple[int, int]]
) -> None:
    """Targets of aligned indicators align with each other; those of unaligned ones are all FN or FP."""
    partner = dict(pairs)
    for i, row in enumerate(gold_rows):
        pred = _targets(pred_rows[partner[i]]) if i in partner else []
        scorer.targets(row, _targets(row), pred, i)
    aligned_pred = set(partner.values())
    for j, row in enumerate(pred_rows):
        if j not in aligned_pred:
            scorer.targets(row, [], _targets(row), j)
