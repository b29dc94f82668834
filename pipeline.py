"""The library's front door: PDF path -> plan-json/1 Plan (extract, then normalize)."""

from __future__ import annotations

from pathlib import Path

from kehoach.assemble import build_plan
from kehoach.extract.document import read_document
from kehoach.schema.plan import Plan


def extract_plan(path: str | Path) -> Plan:
    """Extract one plan PDF. Raises kehoach.errors.InputError for a file that is not a readable PDF."""
    return build_plan(read_document(path))
