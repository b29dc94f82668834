"""One small exception hierarchy; the CLI maps these to one-line messages."""

from __future__ import annotations


class KehoachError(Exception):
    """Base of every error kehoach raises on purpose."""


class InputError(KehoachError):
    """A file that cannot be read as a plan: not a PDF, encrypted, empty, damaged."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class OcrUnavailableError(KehoachError):
    """A page needs OCR but Tesseract (or its Vietnamese data) is not installed."""
