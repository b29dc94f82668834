"""Test helper: a doc-model/1 `body` as the extractor's `Block` list.

Every block gets page 1 and a zero bbox; tables become `table` blocks indexed in order.
`plain=True` drops the bold hint and heading kinds, as an OCR'd page would give them.
"""

from __future__ import annotations

import json
from pathlib import Path

from kehoach.extract.model import Block

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "docmodel"
ZERO = (0.0, 0.0, 0.0, 0.0)


def body_to_blocks(body: list[dict], plain: bool = False) -> list[Block]:
    blocks: list[Block] = []
    tables = 0
    for b in body:
        kind = b["type"]
        if kind == "table":
            blocks.append(Block("table", "", 1, ZERO, table=tables))
            tables += 1
        elif kind == "heading":
            if plain:
                blocks.append(Block("para", b["text"], 1, ZERO))
            else:
                blocks.append(Block("heading", b["text"], 1, ZERO, level=b.get("level"), bold=True))
        else:
            blocks.append(Block(kind, b["text"], 1, ZERO))
    return blocks


def load_docmodel(path: Path | str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def docmodel_blocks(path: Path | str, plain: bool = False) -> list[Block]:
    return body_to_blocks(load_docmodel(path)["body"], plain=plain)


def gold_stems() -> list[str]:
    """Stems under samples/docmodel/ that have both a doc-model and a gold file."""
    if not SAMPLES.is_dir():
        return []
    return sorted(
        p.name[: -len(".doc.json")]
        for p in SAMPLES.glob("*.doc.json")
        if (SAMPLES / (p.name[: -len(".doc.json")] + ".plan.json")).exists()
    )
