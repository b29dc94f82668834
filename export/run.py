"""`export_database(url, out_dir, fmt, filters)`: the database's plans as tidy tables on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from kehoach.errors import KehoachError
from kehoach.load.db import open_database
from kehoach.export.datapackage import write_datapackage
from kehoach.export.tables import ExportFilter, export_tables
from kehoach.export.writers import FORMATS, write_tables


@dataclass(frozen=True)
class ExportResult:
    files: list[Path]
    rows: dict[str, int]

    @property
    def documents(self) -> int:
        return self.rows.get("documents", 0)


def export_session(session: Session, out_dir: Path, fmt: str, filters: ExportFilter = ExportFilter()) -> ExportResult:
    """Write every table and datapackage.json for the documents `filters` keeps."""
    if fmt not in FORMATS:
        raise KehoachError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    frames = export_tables(session, filters)
    files = write_tables(frames, out_dir, fmt)
    files.append(write_datapackage(out_dir, fmt, frames, filters))
    return ExportResult(files=files, rows={name: len(frame) for name, frame in frames.items()})


def export_database(url: str, out_dir: Path, fmt: str, filters: ExportFilter = ExportFilter()) -> ExportResult:
    """`export_session` on the database at `url`."""
    engine = open_database(url)
    try:
        with Session(engine) as session:
            return export_session(session, out_dir, fmt, filters)
    finally:
        engine.dispose()
