"""`kehoach agencies unresolved`: names no registry entry matched, counted across the database."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.load.db import open_session
from kehoach.load.unresolved import unresolved_agencies

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
runner = CliRunner()


def test_unresolved_names_are_counted_with_nearest(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'k.db'}"
    golds = [SAMPLES / "gold" / "000_phu_rieng.a.plan.json", SAMPLES / "gold" / "003_tan_hung.a.plan.json"]
    result = runner.invoke(app, ["ingest", *map(str, golds), "--db", db, "--jobs", "1"])
    assert result.exit_code == 0, result.output
    with open_session(db) as session:
        names = {u.name: u for u in unresolved_agencies(session)}
    # Printed names the contract keeps as printed (no canonical agency) are listed once each.
    assert names["Doanh nghiệp viễn thông"].uses == 1
    assert names["Doanh nghiệp viễn thông"].documents == 1
    assert "Phòng Văn hóa - Xã hội" not in names  # canonical: resolved
    assert all(u.uses >= 1 for u in names.values())
    out = runner.invoke(app, ["agencies", "unresolved", "--db", db])
    assert out.exit_code == 0, out.output
    assert "Doanh nghiệp viễn thông" in out.stdout


def test_unresolved_on_missing_database_is_one_line(tmp_path: Path) -> None:
    out = runner.invoke(app, ["agencies", "unresolved", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert out.exit_code == 1
    assert len(out.stderr.strip().splitlines()) == 1
