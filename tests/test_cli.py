"""The CLI as users meet it: exit codes, one-line errors, output files, help texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.schema.plan import Plan

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
runner = CliRunner()


def test_extract_prints_valid_plan_json() -> None:
    pdf = SAMPLES / "pdf" / "003_tan_hung.a.pdf"
    result = runner.invoke(app, ["extract", str(pdf)])
    assert result.exit_code == 0, result.output
    plan = Plan.model_validate(json.loads(result.stdout))
    assert plan.document.commune == "Tân Hưng"
    assert plan.document.pages == 9
    assert len(plan.indicators) == 17


def test_extract_writes_out_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    pdf = SAMPLES / "pdf" / "003_tan_hung.b.pdf"
    result = runner.invoke(app, ["extract", str(pdf), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["contract"] == "plan-json/1"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"hello, not a pdf\n", "not a PDF (no %PDF header)"),
        (b"", "empty file"),
        (b"%PDF-1.7\n1 0 obj\n<< garbage", "damaged PDF: cannot be parsed"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(content)
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: {bad}: {reason}"]


def test_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.pdf'}: no such file"


def test_every_command_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, f"command {name} has no help text"
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name


def test_unwritable_output_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "plan.json"
    result = runner.invoke(app, ["extract", str(SAMPLES / "pdf" / "003_tan_hung.a.pdf"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"error: {out}: cannot write")
    assert not out.parent.exists()
