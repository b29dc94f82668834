"""Fill a gold plan's page numbers from the PDF rendered from its doc-model.

1. `docmodel_to_anchors`: every table row (group rows too) of the doc-model,
   in document order, as a text to find.
2. `gold_to_anchors`: each gold indicator/task mapped to its table row, or,
   for prose rows, to a new anchor at the paragraph that states it.
3. `locate`: all anchors searched in document order in the PDF's character
   stream, each from where the previous one was found.
4. `fill_pages`: `document.pages` and every row's `page`; rows that a page
   break cuts are counted for the report.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from pdf_text import TextStream, find_forward, squeeze

ROW_LISTS = ("indicators", "tasks")


class LocateError(RuntimeError):
    """A gold row could not be mapped to the doc-model or found in the PDF."""


@dataclass
class Anchor:
    key: tuple[int, int]  # (block number, row number or character offset): document order
    needle: str  # squeezed text that starts where the row starts
    skip: int = 0  # squeezed characters of `needle` before the row's own start
    table: int | None = None  # block number of the table holding the row
    header: str = ""  # squeezed header text of that table (repeats on each page)
    cells: tuple[str, ...] = ()  # data rows: the cells; group rows: (code, text)
    is_group: bool = False
    found: int = -1
    gold: list[tuple[str, int]] = field(default_factory=list)  # (list name, index) of gold rows here


def _blocks(model: dict) -> list[dict]:
    """Body blocks then each appendix's blocks, in order."""
    blocks = list(model["body"])
    for appendix in model.get("appendices", []):
        blocks.extend(appendix["body"])
    return blocks


def _header_text(block: dict) -> str:
    rows = block.get("header") or [block["columns"]]
    return "".join(squeeze(c if isinstance(c, str) else c["text"]) for row in rows for c in row)


def docmodel_to_anchors(model: dict) -> list[Anchor]:
    """One anchor per table row of the doc-model, in document order."""
    anchors = []
    for b, block in enumerate(_blocks(model)):
        if block["type"] != "table":
            continue
        header = _header_text(block)
        for r, row in enumerate(block["rows"]):
            cells = (row["group"], row["text"]) if "group" in row else tuple(row["cells"])
            printed = " ".join(cells)
            if "group" in row and block.get("group_cells") == 1:  # one cell: "1. Phòng Kinh tế"
                printed = f"{row['group']}. {row['text']}"
            anchors.append(Anchor(key=(b, r), needle=squeeze(printed), table=b, header=header,
                                  cells=cells, is_group="group" in row))
    return anchors


def _printed(block: dict) -> str:
    return "- " + block["text"] if block["type"] == "bullet" else block["text"]


def _prose_anchor(blocks: list[dict], name: str, start: int) -> Anchor:
    """The anchor of a prose row: the first paragraph at or after block `start` that states `name`."""
    target = squeeze(name)
    for b in range(start, len(blocks)):
        if blocks[b]["type"] not in ("para", "bullet"):
            continue
        text = squeeze(_printed(blocks[b]))
        at = text.find(target)
        if at >= 0:  # the clause itself: a paragraph may state several (searched from the one before)
            return Anchor(key=(b, at), needle=text[at: at + len(target)])
    raise LocateError(f"prose row not in the doc-model: {name[:70]!r}")


def gold_to_anchors(gold: dict, model: dict) -> list[Anchor]:
    """All anchors in document order, each holding the gold rows it locates."""
    blocks = _blocks(model)
    table_anchors = docmodel_to_anchors(model)
    data_rows = [a for a in table_anchors if not a.is_group]
    prose: list[Anchor] = []
    for list_name in ROW_LISTS:
        row_ptr, block_ptr = 0, 0
        for i, row in enumerate(gold.get(list_name, [])):
            if row["source"] == "prose":
                anchor = _prose_anchor(blocks, row["name"], block_ptr)
                block_ptr = anchor.key[0]
                anchor.gold.append((list_name, i))
                prose.append(anchor)
                continue
            # A sub-task row whose name cell is empty repeats the name above: find it by its sub-task.
            keys = {squeeze(row["name"]), squeeze(row.get("subtask") or "")} - {""}
            for j in range(row_ptr, len(data_rows)):
                if keys & {squeeze(c) for c in data_rows[j].cells}:
                    data_rows[j].gold.append((list_name, i))
                    row_ptr = j + 1
                    break
            else:
                raise LocateError(f"{list_name}[{i}] not a table row of the doc-model: {row['name'][:70]!r}")
    return sorted(table_anchors + prose, key=lambda a: a.key)


def locate(stream: TextStream, anchors: list[Anchor]) -> None:
    """Set `found` (index in the stream of the row's start) on every anchor."""
    pos = 0
    for anchor in anchors:
        hit = find_forward(stream, anchor.needle, pos)
        if hit < 0:
            raise LocateError(f"not found in the PDF after offset {pos}: {anchor.needle[:70]!r}")
        anchor.found = hit + anchor.skip
        pos = anchor.found + 1


def _is_cut(stream: TextStream, anchor: Anchor, end: int) -> bool:
    """True when text of the row at `anchor` (ending before `end`) runs onto a
    later page: more characters after its first page than repeated headers."""
    first = stream.page_at(anchor.found)
    later = [p for p in stream.pages[anchor.found:end] if p > first]
    return len(later) > len(anchor.header) * len(set(later))


def count_cut_rows(stream: TextStream, anchors: list[Anchor]) -> int:
    """Table rows that a page break cuts (the last row of each table is not judged)."""
    cut = 0
    for a, b in zip(anchors, anchors[1:]):
        if a.table is not None and a.table == b.table and _is_cut(stream, a, b.found):
            cut += 1
    return cut


def fill_pages(gold: dict, model: dict, stream: TextStream, page_count: int) -> tuple[dict, int]:
    """A copy of `gold` with pages filled in, and the number of cut table rows."""
    out = copy.deepcopy(gold)
    anchors = gold_to_anchors(gold, model)
    locate(stream, anchors)
    out["document"]["pages"] = page_count
    for anchor in anchors:
        for list_name, i in anchor.gold:
            out[list_name][i]["page"] = stream.page_at(anchor.found)
    missing = [(n, i) for n in ROW_LISTS for i, r in enumerate(out.get(n, [])) if r.get("page") is None]
    if missing:
        raise LocateError(f"rows without a page: {missing[:5]}")
    return out, count_cut_rows(stream, anchors)
