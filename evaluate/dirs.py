"""Scoring a folder of predictions against a folder of gold files.

Files pair by stem: gold `<stem>.plan.json` with predicted `<stem>.plan.json`,
else `<stem>.json`. A gold file without a readable prediction scores as all
false negatives and is listed with its status; a prediction without gold is
listed and not scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Optional

from kehoach.errors import InputError
from kehoach.evaluate.score import SECTIONS, Counts, Report, RowStats, evaluate_plan

GOLD_SUFFIX = ".plan.json"


class FileStatus(str, Enum):
    SCORED = "scored"
    MISSING = "missing"  # no prediction for this gold file
    UNREADABLE = "unreadable"  # a prediction that is not a JSON object


@dataclass
class FileResult:
    """One gold file's score."""

    stem: str
    status: FileStatus
    report: Report
    message: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"stem": self.stem, "status": self.status.value, "message": self.message, **self.report.to_dict()}


@dataclass
class DirReport:
    """Every gold file's score, and micro-averaged totals over all of them."""

    files: list[FileResult] = field(default_factory=list)
    unmatched_predictions: list[str] = field(default_factory=list)

    def _total(self, attribute: str, key: str, make: type) -> Any:
        total = make()
        for result in self.files:
            part = getattr(result.report, attribute).get(key)
            if part is not None:
                total.add(part)
        return total

    @property
    def overall(self) -> Counts:
        total = Counts()
        for result in self.files:
            total.add(result.report.overall)
        return total

    @property
    def sections(self) -> dict[str, Counts]:
        return {name: self._total("sections", name, Counts) for name in SECTIONS}

    @property
    def fields(self) -> dict[str, Counts]:
        names = sorted({name for result in self.files for name in result.report.fields})
        return {name: self._total("fields", name, Counts) for name in names}

    @property
    def rows(self) -> dict[str, RowStats]:
        return {name: self._total("rows", name, RowStats) for name in SECTIONS}

    def files_below(self, min_f1: float) -> list[str]:
        """Stems of the files whose overall F1 is below `min_f1`."""
        return [r.stem for r in self.files if r.report.overall.f1 < min_f1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "sections": {name: c.to_dict() for name, c in self.sections.items()},
            "fields": {name: c.to_dict() for name, c in self.fields.items()},
            "rows": {name: r.to_dict() for name, r in self.rows.items()},
            "files": [r.to_dict() for r in self.files],
            "unmatched_predictions": self.unmatched_predictions,
        }


def _stem(path: Path) -> str:
    name = path.name
    return name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else path.stem


def _read_gold(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a readable gold file ({exc})") from exc
    if not isinstance(data, dict):
        raise InputError(str(path), "a gold file must hold one JSON object")
    return data


def _read_prediction(path: Path) -> tuple[Optional[dict], Optional[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"{path.name}: {exc}"
    if not isinstance(data, dict):
        return None, f"{path.name}: not a JSON object"
    return data, None


def evaluate_file(stem: str, gold: dict, pred_dir: Path) -> FileResult:
    """Score the prediction for `stem` in `pred_dir` against `gold`."""
    candidates = [pred_dir / f"{stem}{GOLD_SUFFIX}", pred_dir / f"{stem}.json"]
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        return FileResult(stem, FileStatus.MISSING, evaluate_plan(gold, None), "no prediction")
    pred, problem = _read_prediction(path)
    if problem is not None:
        return FileResult(stem, FileStatus.UNREADABLE, evaluate_plan(gold, None), problem)
    return FileResult(stem, FileStatus.SCORED, evaluate_plan(gold, pred))


def evaluate_dirs(gold_dir: Path | str, pred_dir: Path | str) -> DirReport:
    """Score every `<stem>.plan.json` in `gold_dir` against its prediction in `pred_dir`."""
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    for folder in (gold_dir, pred_dir):
        if not folder.is_dir():
            raise InputError(str(folder), "not a directory")
    gold_paths = sorted(gold_dir.glob(f"*{GOLD_SUFFIX}"))
    if not gold_paths:
        raise InputError(str(gold_dir), f"no gold *{GOLD_SUFFIX} files")
    report = DirReport([evaluate_file(_stem(p), _read_gold(p), pred_dir) for p in gold_paths])
    gold_stems = {result.stem for result in report.files}
    report.unmatched_predictions = sorted(
        p.name for p in pred_dir.glob("*.json") if _stem(p) not in gold_stems
    )
    return report
