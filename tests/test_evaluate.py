"""The accuracy harness (issue 2, item 5): comparison, alignment, counting, CLI."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.evaluate import FileStatus, evaluate_dirs, evaluate_plan, render_text
from kehoach.evaluate.align import RowKey, align_rows, align_targets
from kehoach.evaluate.compare import fold, values_equal
from kehoach.evaluate.score import FIELDS, Counts

DATA = Path(__file__).parent / "data" / "eval"


@pytest.fixture
def gold() -> dict:
    return json.loads((DATA / "gold" / "mini.plan.json").read_text(encoding="utf-8"))


def _fields_per_row(section: str, with_pages: bool = False) -> int:
    return sum(1 for spec in FIELDS[section] if with_pages or not spec.page)


# --- compare ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Phòng Văn hoá - Xã hội", "Phòng Văn hóa - Xã hội"),
        ("Ủy ban nhân dân", "Uỷ ban nhân dân"),
        ("THUỶ LỢI", "thủy lợi"),
        ("sức khoẻ", "sức khỏe"),
        ("Văn hóa – Xã hội", "Văn hóa - Xã hội"),
        ("Văn hóa — Xã hội", "Văn hóa ‐ Xã hội"),
        ("“Có”", '"Có"'),
        ("  Phòng   Kinh\ttế ", "Phòng Kinh tế"),
        ("PHÒNG KINH TẾ", "Phòng Kinh tế"),
        ("Phòng Văn ho\u0061\u0301", "Phòng Văn hóa"),  # decomposed (NFD) input
    ],
)
def test_fold_makes_variants_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)
    assert values_equal(a, b)


@pytest.mark.parametrize(("a", "b"), [("quý", "qúy"), ("hoàn", "hòan"), ("Phòng Kinh tế", "Phòng Kinh tê")])
def test_fold_keeps_real_differences(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_values_equal_numbers_bools_lists() -> None:
    assert values_equal(100, 100.0)
    assert values_equal(2.5, 2.5000000000001)
    assert not values_equal(True, 1)
    assert not values_equal(1, True)
    assert values_equal(False, False)
    assert not values_equal(None, "")
    assert values_equal(None, None)
    assert not values_equal("100", 100)
    assert values_equal(["Phòng Văn hoá – Xã hội", "Công an xã"], ["Phòng Văn hóa - Xã hội", "CÔNG AN XÃ"])
    assert not values_equal(["Công an xã"], ["Công an xã", "Trạm Y tế xã"])
    assert not values_equal(["Công an xã", "Trạm Y tế xã"], ["Trạm Y tế xã", "Công an xã"])


LONG = "Xây dựng và triển khai Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính trị và các văn bản chỉ đạo liên quan"


def test_long_text_threshold() -> None:
    near = LONG.replace("tuyên truyền", "tuyen truyen")  # two letters off
    far = LONG[:95]
    assert 95 <= fuzz.ratio(fold(LONG), fold(near)) < 100
    assert fuzz.ratio(fold(LONG), fold(far)) < 95
    assert values_equal(LONG, near, long=True)
    assert not values_equal(LONG, near)  # a short field must match exactly
    assert not values_equal(LONG, far, long=True)


# --- align -----------------------------------------------------------------------


def test_align_duplicate_names_in_document_order() -> None:
    gold = [RowKey("Tỷ lệ hộ có cáp quang"), RowKey("Tỷ lệ hộ có cáp quang"), RowKey("Số doanh nghiệp số")]
    pred = [RowKey("Số người dùng mạng xã hội"), RowKey("Tỷ lệ hộ có cáp quang"), RowKey("Tỷ lệ hộ có cáp quang")]
    assert align_rows(gold, pred) == [(0, 1), (1, 2)]


def test_align_duplicate_names_by_group_and_ordinal() -> None:
    gold = [RowKey("Tỷ lệ hộ", "1", "I"), RowKey("Tỷ lệ hộ", "1", "II")]
    pred = [RowKey("Tỷ lệ hộ", "1", "II"), RowKey("Tỷ lệ hộ", "1", "I")]
    assert align_rows(gold, pred) == [(0, 1), (1, 0)]


def test_align_leaves_unrelated_rows_unaligned() -> None:
    gold = [RowKey("Tỷ lệ hộ gia đình được phủ cáp quang"), RowKey("Công an xã")]
    pred = [RowKey("Tỷ lệ hộ gia đình được phủ cáp quang băng rộng"), RowKey("Hội Nông dân xã")]
    assert align_rows(gold, pred) == [(0, 0)]


def test_align_targets_year_then_order() -> None:
    assert align_targets([2026, 2030], [2030, 2026]) == [(0, 1), (1, 0)]
    assert align_targets([2030, 2030], [2030]) == [(0, 0)]
    assert align_targets([2030], [None]) == [(0, 0)]  # a wrong year is one wrong field
    assert align_targets([], [2030]) == []


# --- score -----------------------------------------------------------------------


def test_identical_plans_score_one(gold: dict) -> None:
    report = evaluate_plan(gold, copy.deepcopy(gold))
    assert report.overall.f1 == 1.0
    assert all(c.f1 == 1.0 for c in report.sections.values())
    assert report.errors == [] and report.unaligned == []
    assert report.rows["targets"].to_dict() == {"gold": 5, "predicted": 5, "aligned": 5}
    # Every field of every row is one comparison; null pages are not scored.
    expected = (
        _fields_per_row("document") + 2 * _fields_per_row("legal_bases") + 4 * _fields_per_row("indicators")
        + 5 * _fields_per_row("targets") + 3 * _fields_per_row("tasks") + 2 * _fields_per_row("responsibilities")
    )
    assert report.overall.tp == expected


def test_changed_target_value_is_exactly_one_wrong_field(gold: dict) -> None:
    pred = copy.deepcopy(gold)
    pred["indicators"][1]["targets"][1]["value"] = 90
    report = evaluate_plan(gold, pred)
    assert len(report.errors) == 1
    error = report.errors[0]
    assert (error.row.section, error.field, error.gold, error.predicted) == ("targets", "value", 100, 90)
    assert error.row.ordinal == "2" and "(2030)" in error.row.name
    assert report.sections["targets"].to_dict()["fp"] == 1
    assert report.sections["targets"].fn == 1
    assert report.fields["targets.value"].tp == 4
    assert all(c.fp == 0 and c.fn == 0 for name, c in report.fields.items() if name != "targets.value")


def test_dropped_row_lowers_recall_only(gold: dict) -> None:
    pred = copy.deepcopy(gold)
    del pred["tasks"][1]
    report = evaluate_plan(gold, pred)
    tasks = report.sections["tasks"]
    assert tasks.precision == 1.0
    assert tasks.recall < 1.0
    assert tasks.fn == _fields_per_row("tasks")
    assert report.rows["tasks"].to_dict() == {"gold": 3, "predicted": 2, "aligned": 2}
    assert [(u.row.section, u.row.ordinal, u.side) for u in report.unaligned] == [("tasks", "1", "missing")]
    assert report.errors == []


def test_extra_indicator_counts_its_targets_as_false_positives(gold: dict) -> None:
    pred = copy.deepcopy(gold)
    extra = copy.deepcopy(gold["indicators"][1])
    extra["name"] = "Số sáng kiến trong khu vực công được công nhận"
    pred["indicators"].append(extra)
    report = evaluate_plan(gold, pred)
    assert report.sections["targets"].fp == 2 * _fields_per_row("targets")
    assert report.sections["targets"].fn == 0
    assert report.overall.recall == 1.0 and report.overall.precision < 1.0


def test_spelling_variants_are_equal(gold: dict) -> None:
    pred = copy.deepcopy(gold)
    pred["document"]["issuer"] = "UỶ BAN NHÂN DÂN XÃ MẪU SƠN"
    pred["tasks"][0]["lead_raw"] = "Phòng Văn hoá – Xã hội"
    pred["tasks"][0]["deadline"]["raw"] = "quý iv/2025"
    pred["responsibilities"][0]["duties"][1] = "Định kỳ tổng hợp tình hình triển khai, báo cáo Uỷ ban nhân dân xã."
    pred["indicators"][0]["targets"][0]["value"] = 90.0
    assert evaluate_plan(gold, pred).overall.f1 == 1.0


def test_long_names_compare_by_similarity(gold: dict) -> None:
    pred = copy.deepcopy(gold)
    name = gold["tasks"][0]["name"]
    pred["tasks"][0]["name"] = name.replace("tuyên truyền", "tuyen truyen")
    assert evaluate_plan(gold, pred).overall.f1 == 1.0

    pred["tasks"][0]["name"] = name[: int(len(name) * 0.67)]
    assert 70 <= fuzz.ratio(fold(name), fold(pred["tasks"][0]["name"])) <= 81
    report = evaluate_plan(gold, pred)
    assert [(e.row.section, e.field) for e in report.errors] == [("tasks", "name")]
    assert report.rows["tasks"].aligned == 3


def test_duplicate_names_align_in_order(gold: dict) -> None:
    """Indicators I.1 and II.1 share a name; each keeps its own targets."""
    pred = copy.deepcopy(gold)
    for row in pred["indicators"]:
        row["group"] = None  # no tie-break from the group: document order decides
    report = evaluate_plan(gold, pred)
    assert {e.field for e in report.errors} == {"group.code", "group.title"}
    assert report.sections["targets"].f1 == 1.0


def test_page_scored_only_when_gold_has_one(gold: dict) -> None:
    pred = copy.deepcopy(gold)
    pred["indicators"][0]["page"] = 5
    pred["document"]["pages"] = 9
    assert evaluate_plan(gold, pred).overall.f1 == 1.0
    assert "indicators.page" not in evaluate_plan(gold, pred).fields

    gold["indicators"][0]["page"] = 2
    report = evaluate_plan(gold, pred)
    assert [(e.field, e.gold, e.predicted) for e in report.errors] == [("page", 2, 5)]
    assert report.fields["indicators.page"].to_dict()["tp"] == 0


def test_no_prediction_is_all_false_negatives(gold: dict) -> None:
    report = evaluate_plan(gold, None)
    assert report.overall.tp == 0 and report.overall.fp == 0 and report.overall.fn > 0
    assert report.overall.f1 == 0.0
    assert report.rows["document"].to_dict() == {"gold": 1, "predicted": 0, "aligned": 0}


def test_counts_edge_cases() -> None:
    assert Counts().f1 == 1.0
    assert Counts(tp=0, fp=0, fn=3).to_dict() == {
        "tp": 0, "fp": 0, "fn": 3, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert Counts(tp=3, fp=1, fn=0).precision == 0.75


# --- directories and CLI ---------------------------------------------------------


def _dirs(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    shutil.copytree(DATA / "gold", gold_dir)
    shutil.copytree(DATA / "pred", pred_dir)
    return gold_dir, pred_dir


def test_evaluate_dirs_pairs_by_stem(tmp_path: Path) -> None:
    gold_dir, pred_dir = _dirs(tmp_path)
    shutil.copy(gold_dir / "mini.plan.json", gold_dir / "other.plan.json")
    (pred_dir / "stray.json").write_text("{}", encoding="utf-8")
    report = evaluate_dirs(gold_dir, pred_dir)
    assert [(r.stem, r.status) for r in report.files] == [("mini", FileStatus.SCORED), ("other", FileStatus.MISSING)]
    assert report.unmatched_predictions == ["stray.json"]
    mini, other = report.files
    assert [(e.field, e.gold, e.predicted) for e in mini.report.errors] == [("raw", "100", "90"), ("value", 100, 90)]
    assert other.report.overall.f1 == 0.0
    assert report.overall.fn == mini.report.overall.fn + other.report.overall.fn
    data = report.to_dict()
    assert data["files"][1]["status"] == "missing"
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    text = render_text(report)
    assert "other: missing (no prediction)" in text
    assert 'mini targets #2 [2] Người dân trưởng thành' in text


def test_render_lists_wrong_fields_readably(tmp_path: Path, gold: dict) -> None:
    gold_dir, pred_dir = _dirs(tmp_path)
    pred = copy.deepcopy(gold)
    pred["document"]["issuer"] = "Ủy ban nhân dân xã Mẫu Sơn Mới"
    del pred["tasks"][2]
    (pred_dir / "mini.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    lines = render_text(evaluate_dirs(gold_dir, pred_dir), width=200).splitlines()
    assert 'mini document: issuer: gold "Ủy ban nhân dân xã Mẫu Sơn" | predicted "Ủy ban nhân dân xã Mẫu Sơn Mới"' in lines
    assert "mini tasks #3 [2] Tổ chức tập huấn kỹ năng số cơ bản cho cán bộ, công chức và…: missing row" in lines


def test_cli_eval_reports_and_exits(tmp_path: Path) -> None:
    gold_dir, pred_dir = _dirs(tmp_path)
    out = tmp_path / "report.json"
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(gold_dir), str(pred_dir), "--json", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("│ mini ") and "0.987" in line for line in lines)
    assert any(line.startswith("│ targets.value ") for line in lines)
    assert 'mini targets #2 [2] Người dân trưởng thành có tài khoản định danh điện tử mức đ… (2030): value: gold 100 | predicted 90' in lines
    assert lines[-1] == "1 files, overall F1 0.987"
    assert json.loads(out.read_text(encoding="utf-8"))["files"][0]["stem"] == "mini"

    result = runner.invoke(app, ["eval", str(gold_dir), str(pred_dir), "--min-f1", "0.99", "--max-errors", "1"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "… 1 more (raise --max-errors, or see --json)" in result.output
    assert "error: overall F1 below 0.99: mini" in result.output


def test_cli_eval_missing_dir(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nope"), str(tmp_path)])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nope'}: not a directory" in result.output
