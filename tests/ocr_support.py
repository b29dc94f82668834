"""Helpers shared by the OCR tests: sample paths, the scan builder, page geometry."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import fitz
import pytest

ROOT = Path(__file__).resolve().parent.parent
PDF_DIR = ROOT / "samples" / "pdf"
GOLD_DIR = ROOT / "samples" / "gold"
SCANNED_STEMS = ("000_phu_rieng", "001_duc_an", "003_tan_hung")


@lru_cache(maxsize=1)
def build_scans():
    """tools/build_scans.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_scans", ROOT / "tools" / "build_scans.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def open_sample(name: str) -> fitz.Document:
    path = PDF_DIR / name
    if not path.exists():
        pytest.fail(f"sample {name} missing: run python tools/build_scans.py")
    return fitz.open(path)


def require_ocr() -> None:
    """Skip the test, saying why, when Tesseract or its Vietnamese data is missing."""
    from kehoach.extract.ocr import tesseract_problem

    problem = tesseract_problem()
    if problem:
        pytest.skip(f"OCR unavailable: {problem}")
