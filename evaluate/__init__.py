"""Accuracy harness: field-level precision/recall/F1 against gold plan-json files.

`evaluate_plan(gold, pred)` scores one plan, `evaluate_dirs(gold_dir, pred_dir)`
a folder; `render_text` / `report_renderables` format the result. Comparison
rules follow the contract's "Comparing strings" (see `compare`), row alignment
is in `align`, the counting in `score`.
"""

from kehoach.evaluate.dirs import DirReport, FileResult, FileStatus, evaluate_dirs
from kehoach.evaluate.render import render_text, report_renderables
from kehoach.evaluate.score import Counts, Report, evaluate_plan

__all__ = [
    "Counts",
    "DirReport",
    "FileResult",
    "FileStatus",
    "Report",
    "evaluate_dirs",
    "evaluate_plan",
    "render_text",
    "report_renderables",
]
