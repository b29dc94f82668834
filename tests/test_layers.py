"""One direction of flow: imports never point back up the pipeline.

schema  <-  normalize  <-  extract  <-  assemble/pipeline  <-  load, evaluate, diff, export  <-  cli
Only load/ (and export/, which reads the database through load) talks to the database.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["schema", "normalize", "extract", "load", "evaluate", "diff", "export"]

#: What each layer may import from kehoach (besides itself, errors and the package root).
ALLOWED = {
    "schema": set(),
    "normalize": {"schema"},
    "extract": {"schema", "normalize"},
    "evaluate": {"schema", "normalize"},
    "load": {"schema", "normalize", "pipeline", "assemble", "extract", "migrations"},
    "diff": {"schema", "normalize", "evaluate", "pipeline", "load"},
    "export": {"schema", "normalize", "load"},
}


def kehoach_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kehoach."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("kehoach."))
    return out


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_point_down_the_pipeline(package: str) -> None:
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = kehoach_imports(path) - ALLOWED[package] - {package, "errors"}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}: against the flow of the pipeline"


def test_nothing_imports_the_cli() -> None:
    for path in ROOT.rglob("*.py"):
        if ".venv" in path.parts or path.name == "cli.py" or "tests" in path.parts:
            continue
        assert "cli" not in kehoach_imports(path), f"{path.relative_to(ROOT)} imports the CLI"


def test_only_the_loader_layer_talks_to_the_database() -> None:
    for package in ("schema", "normalize", "extract", "evaluate"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if path.name == "tables.py" and package == "schema":
                continue  # the table definitions themselves
            assert "sqlalchemy" not in text and "psycopg" not in text, f"{path.relative_to(ROOT)} talks to a database"
