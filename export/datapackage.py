"""`datapackage.json`: a Frictionless (Tabular) Data Package describing an export.

One resource per table with its file, format, encoding, and a Table Schema
(fields with type and description, primaryKey, foreignKeys) taken from `TABLES`,
so the description and the files cannot disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import pandas as pd

from kehoach.export.tables import TABLES, ExportFilter, TableSpec
from kehoach.export.writers import resource_path

DATAPACKAGE = "datapackage.json"

_MEDIA = {
    "csv": ("text/csv", "utf-8-sig"),
    "jsonl": ("application/x-ndjson", "utf-8"),
    "parquet": ("application/vnd.apache.parquet", None),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None),
}


def table_schema(spec: TableSpec) -> dict:
    """The Frictionless Table Schema of one table."""
    fields = []
    for col in spec.columns:
        field = {"name": col.name, "type": col.type, "description": col.description}
        if col.type == "date":
            field["format"] = "default"  # ISO 8601 YYYY-MM-DD
        if col.name in spec.primary_key:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema: dict = {"fields": fields, "missingValues": [""]}
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": table, "fields": target}}
            for column, table, target in spec.foreign_keys
        ]
    return schema


def resource(spec: TableSpec, fmt: str, rows: Optional[int] = None) -> dict:
    media, encoding = _MEDIA[fmt]
    res: dict = {
        "name": spec.name, "path": resource_path(spec, fmt), "profile": "tabular-data-resource",
        "format": fmt, "mediatype": media, "description": spec.description,
    }
    if encoding:
        res["encoding"] = encoding
    if fmt == "csv":
        res["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "header": True}
    if fmt == "xlsx":
        res["dialect"] = {"sheetName": spec.name, "header": True}
    if rows is not None:
        res["rows"] = rows
    res["schema"] = table_schema(spec)
    return res


def datapackage(fmt: str, frames: Optional[dict[str, pd.DataFrame]] = None,
                filters: ExportFilter = ExportFilter()) -> dict:
    """The data package descriptor of an export in `fmt`."""
    applied = {k: v for k, v in vars(filters).items() if v is not None}
    return {
        "profile": "tabular-data-package",
        "name": "kehoach-export",
        "title": "Commune plans implementing Resolution 57-NQ/TW (kehoach export)",
        "description": "Tidy tables extracted from commune plans (Kế hoạch): documents, indicators with "
                       "one row per target year, tasks and their agencies, legal bases, responsibilities."
                       + (f" Filtered by {json.dumps(applied, ensure_ascii=False)}." if applied else ""),
        "resources": [resource(spec, fmt, None if frames is None else len(frames[spec.name])) for spec in TABLES],
    }


def write_datapackage(out_dir: Path, fmt: str, frames: Optional[dict[str, pd.DataFrame]] = None,
                      filters: ExportFilter = ExportFilter()) -> Path:
    path = out_dir / DATAPACKAGE
    text = json.dumps(datapackage(fmt, frames, filters), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path
