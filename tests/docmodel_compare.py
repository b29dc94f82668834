"""Compare an extracted RawDocument with the doc-model the sample PDF was rendered from.

The doc-model is the document's content in order, so it is the ground truth for the
extract stage alone: header lines, body blocks, table rows and cells, the closing.
Returns a list of readable differences (empty when they agree).
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from kehoach.extract.model import RawDocument


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\n", " "))
    return re.sub(r"\s+", " ", text).strip()


def _cell(c) -> str:
    return norm(c["text"] if isinstance(c, dict) else c)


def _same(a: str, b: str, long_ratio: float = 98.0) -> bool:
    a, b = norm(a), norm(b)
    return a == b or (len(a) > 40 and fuzz.ratio(a, b) >= long_ratio)


def docmodel_tables(model: dict) -> list[dict]:
    out = [b for b in model["body"] if b["type"] == "table"]
    for app in model.get("appendices", []):
        out += [b for b in app["body"] if b["type"] == "table"]
    return out


def compare(raw: RawDocument, model: dict) -> list[str]:
    diffs: list[str] = []
    h = model["header"]
    # A doc-model line is a paragraph: in a narrow column it may wrap, so compare the text.
    if norm(" ".join(raw.header.issuer_lines)) != norm(" ".join(h["left"])):
        diffs.append(f"issuer lines {raw.header.issuer_lines} != {h['left']}")
    if not _same(" ".join(raw.header.title_lines), " ".join(model["subtitle"])):
        diffs.append(f"title {raw.header.title_lines} != {model['subtitle']}")
    if h.get("place_date") and not _same(raw.header.place_date_line or "", h["place_date"]):
        diffs.append(f"place/date {raw.header.place_date_line!r} != {h['place_date']!r}")
    # Body blocks in order.
    got = [(b.kind, b.text) for b in raw.blocks]
    want = [(b["type"], "" if b["type"] == "table" else b["text"]) for b in model["body"]]
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else ("<missing>", "")
        w = want[i] if i < len(want) else ("<extra>", "")
        if g[0] != w[0] or not _same(g[1], w[1]):
            diffs.append(f"block {i}: got {g[0]} {g[1][:70]!r} want {w[0]} {w[1][:70]!r}")
            break
    # Tables: rows and cells.
    want_tables = docmodel_tables(model)
    if len(raw.tables) != len(want_tables):
        diffs.append(f"{len(raw.tables)} tables, want {len(want_tables)}")
    for ti, (t, w) in enumerate(zip(raw.tables, want_tables)):
        if len(t.rows) != len(w["rows"]):
            diffs.append(f"table {ti}: {len(t.rows)} rows, want {len(w['rows'])}")
        for ri, (r, wr) in enumerate(zip(t.rows, w["rows"])):
            if "group" in wr:
                if r.group is None or norm(r.group[0]) != norm(wr["group"]) or not _same(r.group[1], wr["text"]):
                    diffs.append(f"table {ti} row {ri}: group {r.group} != {wr['group']} {wr['text'][:50]!r}")
                continue
            for ci, (gc, wc) in enumerate(zip(r.cells, wr["cells"])):
                if not _same(gc, _cell(wc)):
                    diffs.append(f"table {ti} row {ri} col {ci}: {gc[:60]!r} != {_cell(wc)[:60]!r}")
    c = model["closing"]
    want_rec = [re.sub(r"[;.]+$", "", norm(x)) for x in c["recipients"]]
    if raw.closing.recipients != want_rec:
        diffs.append(f"recipients {raw.closing.recipients} != {want_rec}")
    if norm(raw.closing.name or "") != norm(c["name"]) or norm(raw.closing.position or "") != norm(c["position"]):
        diffs.append(f"signer {raw.closing.name!r}/{raw.closing.position!r} != {c['name']!r}/{c['position']!r}")
    if norm(raw.closing.authority or "") != norm(c.get("authority") or ""):
        diffs.append(f"authority {raw.closing.authority!r} != {c.get('authority')!r}")
    return diffs
