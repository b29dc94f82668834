"""`kehoach diff`: alignment across versions, field-level changes, renderers, golden report.

The golden report tests/data/diff/003_tan_hung_rev.expected.json is the diff of
samples/docmodel/003_tan_hung_rev.plan.json (a revision of 003_tan_hung) against the
original gold samples/docmodel/003_tan_hung.plan.json, hand-checked to list exactly the
edits: three targets raised, tasks 7 and 10 dropped, one task added, task 6's deadline
moved, task 12's lead reassigned, later tasks renumbered, number and date filled in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.diff.plan_diff import diff_plans
from kehoach.diff.render import render_html, render_json, render_markdown, render_rich
from kehoach.schema.plan import Deadline, Group, Indicator, Plan, Target, Task

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "diff"
ORIGINAL = ROOT / "samples" / "docmodel" / "003_tan_hung.plan.json"
REVISED = ROOT / "samples" / "docmodel" / "003_tan_hung_rev.plan.json"
EXPECTED = DATA / "003_tan_hung_rev.expected.json"
PDF_DIR = ROOT / "samples" / "pdf"


def mismatches(expected: object, actual: object, path: str = "$") -> list[str]:
    """Every place two JSON values differ, as "path: expected X, got Y" lines."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in sorted(set(expected) | set(actual)):
            if key not in actual:
                out.append(f"{path}.{key}: missing (expected {expected[key]!r})")
            elif key not in expected:
                out.append(f"{path}.{key}: unexpected {actual[key]!r}")
            else:
                out += mismatches(expected[key], actual[key], f"{path}.{key}")
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        out = [f"{path}: expected {len(expected)} items, got {len(actual)}"] if len(expected) != len(actual) else []
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += mismatches(e, a, f"{path}[{i}]")
        return out
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


def _indicator(name, ordinal="1", group=("I", "Hạ tầng"), unit="%", target="≥ 90%", value=90, year=2026, lead=()):
    return Indicator(
        source="table", group=Group(code=group[0], title=group[1]), ordinal=ordinal, name=name, unit=unit,
        lead=list(lead), targets=[Target(year=year, raw=target, kind="numeric", op=">=", value=value, unit="%")],
    )


def _task(name, ordinal="1", group=("I", "Nhóm I"), lead=("Phòng Kinh tế",), deadline="Năm 2026"):
    return Task(source="table", group=Group(code=group[0], title=group[1]), ordinal=ordinal, name=name,
                lead=list(lead), lead_raw="; ".join(lead), deadline=Deadline(raw=deadline))


def test_identical_plans_have_no_changes():
    plan = Plan.model_validate_json(ORIGINAL.read_text(encoding="utf-8"))
    diff = diff_plans(plan, plan)
    assert diff.is_empty
    assert diff.counts["tasks"].unchanged == len(plan.tasks)


def test_reworded_renumbered_and_moved_row_is_one_changed_row():
    old = Plan(indicators=[_indicator("Tỷ lệ hồ sơ TTHC được số hoá toàn trình tại xã", ordinal="3")])
    new = Plan(indicators=[_indicator("Tỉ lệ hồ sơ TTHC được số hóa toàn trình trên địa bàn xã", ordinal="1",
                                      group=("II", "Chuyển đổi số"), unit="Hồ sơ", target="≥ 95%", value=95)])
    (row,) = diff_plans(old, new).indicators
    assert row.change == "changed" and (row.old_position, row.new_position) == ("I.3", "II.1")
    assert {f.field: (f.before, f.after) for f in row.fields} == {
        "name": ("Tỷ lệ hồ sơ TTHC được số hoá toàn trình tại xã", "Tỉ lệ hồ sơ TTHC được số hóa toàn trình trên địa bàn xã"),
        "group": ("I. Hạ tầng", "II. Chuyển đổi số"),
        "ordinal": ("3", "1"),
        "unit": ("%", "Hồ sơ"),
        "target 2026": ("≥ 90%", "≥ 95%"),
    }


def test_folding_hides_tone_dash_and_case_variants():
    old = Plan(tasks=[_task("Phòng Văn hoá – Xã hội tuyên truyền chuyển đổi số", deadline="Quý II/2026")])
    new = Plan(tasks=[_task("Phòng văn hóa - xã hội tuyên truyền chuyển đổi số", deadline="quý II/2026")])
    assert diff_plans(old, new).is_empty


def test_dissimilar_rows_are_removed_and_added_not_paired():
    old = Plan(tasks=[_task("Triển khai thí điểm nền tảng quản lý chợ trên địa bàn xã")])
    new = Plan(tasks=[_task("Tổ chức tập huấn kỹ năng phòng, chống lừa đảo trực tuyến cho người dân")])
    diff = diff_plans(old, new)
    assert [(r.change, r.old_position, r.new_position) for r in diff.tasks] == [
        ("removed", "I.1", None), ("added", None, "I.1")]
    assert diff.counts["tasks"].model_dump() == {"added": 1, "removed": 1, "changed": 0, "unchanged": 0}


def test_multi_year_targets_compare_per_year_and_typed_values_ignore_spacing():
    def plan(t2030, t2035):
        indicator = _indicator("Tỷ lệ dân số có tài khoản định danh điện tử")
        indicator.targets = [Target(year=2030, raw=t2030, kind="numeric", op=">=", value=float(t2030[-3:-1])),
                             Target(year=2035, raw=t2035, kind="numeric", op=">=", value=float(t2035[-3:-1]))]
        return Plan(indicators=[indicator])

    (row,) = diff_plans(plan("≥ 80%", "≥ 90%"), plan("≥80%", "≥ 95%")).indicators
    assert [(f.field, f.before, f.after) for f in row.fields] == [("target 2035", "≥ 90%", "≥ 95%")]


def test_lead_agency_and_deadline_changes_use_canonical_names():
    old = Plan(tasks=[_task("Vận động người dân mở tài khoản", lead=("Tổ công nghệ số cộng đồng",))])
    new = Plan(tasks=[_task("Vận động người dân mở tài khoản", lead=("Phòng Kinh tế",), deadline="Quý III/2026")])
    (row,) = diff_plans(old, new).tasks
    assert [(f.field, f.before, f.after) for f in row.fields] == [
        ("lead", "Tổ công nghệ số cộng đồng", "Phòng Kinh tế"), ("deadline", "Năm 2026", "Quý III/2026")]


def test_responsibility_duties_and_legal_bases_are_compared():
    from kehoach.schema.plan import LegalBasis, Responsibility

    basis = LegalBasis(kind="can_cu", number="57-NQ/TW", raw="Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024")
    old = Plan(legal_bases=[basis], responsibilities=[
        Responsibility(heading="Công an xã", agencies=["Công an xã"], duties=["Đảm bảo chỉ tiêu VNeID"])])
    new = Plan(responsibilities=[Responsibility(heading="Công an xã", agencies=["Công an xã"],
                                                duties=["Đảm bảo chỉ tiêu VNeID", "Tập huấn phòng, chống lừa đảo"])])
    diff = diff_plans(old, new)
    assert [(r.change, r.name) for r in diff.legal_bases] == [("removed", basis.raw)]
    (row,) = diff.responsibilities
    assert [(f.field, f.after) for f in row.fields] == [("duties", "Đảm bảo chỉ tiêu VNeID\nTập huấn phòng, chống lừa đảo")]


def _golden_diff():
    if not REVISED.exists():
        pytest.fail(f"{REVISED.relative_to(ROOT)} is missing: it is committed with the diff tests")
    old = Plan.model_validate_json(ORIGINAL.read_text(encoding="utf-8"))
    new = Plan.model_validate_json(REVISED.read_text(encoding="utf-8"))
    return diff_plans(old, new, old_label=ORIGINAL.name, new_label=REVISED.name)


def test_golden_diff_of_revised_sample_lists_exactly_the_edits():
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    actual = json.loads(render_json(_golden_diff()))
    problems = mismatches(expected, actual)
    assert not problems, "diff report differs from the golden one:\n" + "\n".join(problems)


def test_counts_add_up_and_reverse_diff_mirrors():
    old = Plan.model_validate_json(ORIGINAL.read_text(encoding="utf-8"))
    new = Plan.model_validate_json(REVISED.read_text(encoding="utf-8"))
    forward, backward = diff_plans(old, new), diff_plans(new, old)
    for section in ("indicators", "tasks", "legal_bases", "responsibilities"):
        c, r = forward.counts[section], backward.counts[section]
        assert c.removed + c.changed + c.unchanged == len(getattr(old, section))
        assert c.added + c.changed + c.unchanged == len(getattr(new, section))
        assert (r.added, r.removed, r.changed) == (c.removed, c.added, c.changed)
    mirrored = {(f.field, f.after, f.before) for row in backward.tasks for f in row.fields}
    assert mirrored == {(f.field, f.before, f.after) for row in forward.tasks for f in row.fields}


def _edits_only(report: dict) -> dict:
    """The part of a report that must not depend on how the PDFs were read."""
    rows = {key: [{k: v for k, v in row.items() if k != "similarity"} for row in report[key]]
            for key in ("indicators", "tasks", "legal_bases", "responsibilities")}
    counts = {key: {k: v for k, v in c.items() if k != "unchanged"} for key, c in report["counts"].items()}
    return {"document": report["document"], "counts": counts, **rows}


#: Every born-digital layout style the sample builder rendered the revision in ("a" and
#: "b" at least; one-letter styles, not the ".scan" / ".mixed" OCR variants).
PDF_STYLES = sorted({"a", "b"} | {p.name.split(".")[1] for p in PDF_DIR.glob("003_tan_hung_rev.?.pdf")})


@pytest.mark.parametrize("style", PDF_STYLES)
def test_diff_of_extracted_sample_pdfs_lists_exactly_the_edits(style):
    old_pdf, new_pdf = PDF_DIR / f"003_tan_hung.{style}.pdf", PDF_DIR / f"003_tan_hung_rev.{style}.pdf"
    missing = [p.relative_to(ROOT).as_posix() for p in (old_pdf, new_pdf) if not p.exists()]
    if missing:
        pytest.fail(f"missing sample PDFs {missing}: run `python tools/build_samples.py` to render them")
    from kehoach.pipeline import extract_plan

    actual = json.loads(render_json(diff_plans(extract_plan(old_pdf), extract_plan(new_pdf))))
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    problems = mismatches(_edits_only(expected), _edits_only(actual))
    assert not problems, f"diff of the {style} PDFs differs from the edits made:\n" + "\n".join(problems)


def test_renderers_escape_and_carry_every_change():
    diff = _golden_diff()
    page = render_html(diff)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "http" not in page and "<link" not in page and "<script" not in page
    assert "≥ 60%</del> → <ins>≥ 70%" in page
    assert "&lt;b&gt;" in render_html(diff_plans(Plan(tasks=[_task("<b>x</b> tuyên truyền")]), Plan()))
    markdown = render_markdown(diff)
    assert "| ~ | II.6 | Tổ chức bồi dưỡng kỹ năng số căn bản cho 100% cán bộ, công chức xã. | deadline: Quý II/2026 → Quý III/2026 |" in markdown
    assert "| tasks | 1 | 2 | 6 | 18 |" in markdown
    assert render_rich(diff) is not None


def test_cli_diff_writes_each_format(tmp_path):
    runner = CliRunner()
    for fmt in ("json", "md", "html", "rich"):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(app, ["diff", str(ORIGINAL), str(REVISED), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "Quý III/2026" in out.read_text(encoding="utf-8")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["tasks"]["removed"] == 2


def test_cli_diff_missing_side_is_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["diff", str(tmp_path / "nope.json"), str(REVISED)])
    assert result.exit_code == 1
    assert result.output.strip().endswith("nope.json: no such file (pass --db to read a document from the database)")


def test_cli_diff_reads_both_sides_from_the_database(tmp_path):
    from test_export import load_plans

    url = f"sqlite:///{tmp_path / 'kehoach.db'}"
    load_plans(url, [ORIGINAL, REVISED])
    result = CliRunner().invoke(app, ["diff", "1", "112/KH-UBND", "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for side in ("old", "new"):
        expected[side]["label"] = None
    report["old"]["label"] = report["new"]["label"] = None
    problems = mismatches(expected, report)
    assert not problems, "diff of the loaded plans differs from the golden one:\n" + "\n".join(problems)
    missing = CliRunner().invoke(app, ["diff", "1", "99/KH-UBND", "--db", url])
    assert missing.exit_code == 1 and "99/KH-UBND" in missing.output
