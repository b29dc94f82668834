"""One writer per export format; each writes every table of `TABLES` into a folder.

- csv: `<table>.csv`, UTF-8 with BOM (Excel opens Vietnamese intact), ISO dates,
  datetimes as "YYYY-MM-DDTHH:MM:SSZ", empty cells for missing values.
- jsonl: `<table>.jsonl`, one JSON object per row, UTF-8, null for missing values.
- parquet: `<table>.parquet` with Arrow types from the table description
  (int64, float64, string, bool, date32, timestamp[us, UTC]).
- xlsx: one workbook `kehoach.xlsx`, a sheet per table, bold frozen header, typed
  cells (numbers, booleans, dates); text is always written as text, never as a formula.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pandas as pd

from kehoach.export.tables import TABLES, TableSpec

FORMATS = ("csv", "parquet", "xlsx", "jsonl")
XLSX_NAME = "kehoach.xlsx"


def resource_path(spec: TableSpec, fmt: str) -> str:
    """The file (relative to the export folder) that holds `spec`'s table in `fmt`."""
    return XLSX_NAME if fmt == "xlsx" else f"{spec.name}.{fmt}"


def _text_frame(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Dates and datetimes as ISO text, for the text formats."""
    out = frame.copy()
    for col in spec.columns:
        if col.type == "date":
            out[col.name] = out[col.name].map(lambda v: v.isoformat() if v is not None else None)
        elif col.type == "datetime":
            out[col.name] = out[col.name].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    return out


def write_csv(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    paths = []
    for spec in TABLES:
        path = out_dir / resource_path(spec, "csv")
        _text_frame(frames[spec.name], spec).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        paths.append(path)
    return paths


def write_jsonl(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    paths = []
    for spec in TABLES:
        path = out_dir / resource_path(spec, "jsonl")
        frame = _text_frame(frames[spec.name], spec).astype(object)
        frame = frame.where(frame.notna(), None)
        with path.open("w", encoding="utf-8") as fh:
            for record in frame.to_dict(orient="records"):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def arrow_schema(spec: TableSpec):
    import pyarrow as pa

    types = {
        "integer": pa.int64(), "number": pa.float64(), "string": pa.string(), "boolean": pa.bool_(),
        "date": pa.date32(), "datetime": pa.timestamp("us", tz="UTC"),
    }
    return pa.schema([pa.field(col.name, types[col.type], nullable=col.name not in spec.primary_key)
                      for col in spec.columns])


def write_parquet(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = []
    for spec in TABLES:
        path = out_dir / resource_path(spec, "parquet")
        table = pa.Table.from_pandas(frames[spec.name], schema=arrow_schema(spec), preserve_index=False)
        pq.write_table(table, path)
        paths.append(path)
    return paths


def _cell_value(value, kind: str):
    if value is None or value is pd.NaT or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return None
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return bool(value)
    if kind == "datetime":
        return value.tz_convert("UTC").tz_localize(None).to_pydatetime()
    return value


def write_xlsx(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    formats = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm:ss"}
    for spec in TABLES:
        sheet = workbook.create_sheet(spec.name)
        sheet.append(spec.column_names)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        frame = frames[spec.name]
        for r, values in enumerate(frame.itertuples(index=False), start=2):
            for c, (value, col) in enumerate(zip(values, spec.columns), start=1):
                cell = sheet.cell(row=r, column=c, value=_cell_value(value, col.type))
                if col.type == "string" and cell.value is not None:
                    cell.data_type = "s"  # "=" (an operator) or "=..." text must not become a formula
                elif col.type in formats:
                    cell.number_format = formats[col.type]
        sheet.freeze_panes = "A2"
        for c, col in enumerate(spec.columns, start=1):
            width = 12 if col.type != "string" else min(60, max(12, len(col.name) + 2))
            sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = width
    path = out_dir / XLSX_NAME
    workbook.save(path)
    return [path]


WRITERS: dict[str, Callable[[dict[str, pd.DataFrame], Path], list[Path]]] = {
    "csv": write_csv, "parquet": write_parquet, "xlsx": write_xlsx, "jsonl": write_jsonl,
}


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path, fmt: str) -> list[Path]:
    """Write every table in `fmt` under `out_dir` (created); the files written."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    return WRITERS[fmt](frames, out_dir)
