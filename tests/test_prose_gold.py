"""Prose extraction against the gold of every sample doc-model (issue 6).

For each samples/docmodel/<stem>.doc.json with a gold <stem>.plan.json, the body is
turned into extractor blocks (with the bold/heading hints, and once more without
them, as an OCR'd page gives them) and each prose parser's rows are aligned with the
gold rows by name and compared field by field under the contract's string rules.
"""

from __future__ import annotations

import json
from typing import Callable, Iterable

import pytest

from docmodel_blocks import SAMPLES, docmodel_blocks, gold_stems
from kehoach.evaluate.align import RowKey, align_rows
from kehoach.evaluate.compare import values_equal
from kehoach.extract.prose.legal_bases import parse_legal_bases
from kehoach.extract.prose.responsibilities import parse_responsibilities
from kehoach.extract.prose.targets import parse_prose_targets
from kehoach.extract.prose.tasks import parse_prose_tasks

STEMS = gold_stems()
MIN_F1 = 0.95
LONG = {"name", "raw", "heading", "duties", "title"}

pytestmark = pytest.mark.skipif(not STEMS, reason="no samples/docmodel/*.doc.json with gold")


def _gold(stem: str) -> dict:
    return json.loads((SAMPLES / f"{stem}.plan.json").read_text(encoding="utf-8"))


def _dump(rows: Iterable) -> list[dict]:
    return [r.model_dump(mode="json") for r in rows]


def _key(row: dict, name_field: str) -> RowKey:
    group = row.get("group") or {}
    return RowKey(row.get(name_field) or "", row.get("ordinal") or "", group.get("code") or "")


def _field_diffs(gold: dict, pred: dict, fields: Iterable[str]) -> list[str]:
    diffs = []
    for f in fields:
        g, p = gold.get(f), pred.get(f)
        if f == "group":
            same = (g is None and p is None) or (
                g is not None and p is not None and values_equal(g["code"], p["code"])
                and values_equal(g["title"], p["title"], long=True))
        elif f == "targets":
            same = len(g) == len(p) and all(
                all(values_equal(gt[k], pt.get(k)) for k in gt if k != "raw") and values_equal(gt["raw"], pt["raw"])
                for gt, pt in zip(g, p))
        else:
            same = values_equal(g, p, long=f in LONG)
        if not same:
            diffs.append(f"    {f}: got {p!r}\n    {' ' * len(f)}  want {g!r}")
    return diffs


def _compare(gold_rows: list[dict], pred_rows: list[dict], name_field: str, fields: Iterable[str]):
    """(F1 of aligned rows, readable report of what differs)."""
    fields = list(fields)
    pairs = align_rows([_key(r, name_field) for r in gold_rows], [_key(r, name_field) for r in pred_rows])
    lines = []
    for gi, pi in pairs:
        diffs = _field_diffs(gold_rows[gi], pred_rows[pi], fields)
        if diffs:
            lines.append(f"  row {gi} {gold_rows[gi][name_field][:60]!r}:")
            lines.extend(diffs)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    lines += [f"  missed: {r[name_field][:70]!r}" for i, r in enumerate(gold_rows) if i not in matched_gold]
    lines += [f"  invented: {r[name_field][:70]!r}" for i, r in enumerate(pred_rows) if i not in matched_pred]
    total = len(gold_rows) + len(pred_rows)
    f1 = 1.0 if total == 0 else 2 * len(pairs) / total
    return f1, "\n".join(lines)


def _check(stem: str, plain: bool, parse: Callable, gold_rows: list[dict], name_field: str,
           fields: Iterable[str], exact_fields: bool = True) -> None:
    pred = _dump(parse(docmodel_blocks(SAMPLES / f"{stem}.doc.json", plain=plain)))
    f1, report = _compare(gold_rows, pred, name_field, fields)
    assert f1 >= MIN_F1, f"{stem} (plain={plain}) row F1 {f1:.3f}:\n{report}"
    if exact_fields:
        assert not report, f"{stem} (plain={plain}) field differences:\n{report}"


PLAIN = [pytest.param(False, id="hints"), pytest.param(True, id="plain")]


@pytest.mark.parametrize("plain", PLAIN)
@pytest.mark.parametrize("stem", STEMS)
def test_prose_tasks_match_gold(stem: str, plain: bool) -> None:
    gold = [t for t in _gold(stem)["tasks"] if t["source"] == "prose"]
    _check(stem, plain, parse_prose_tasks, gold, "name",
           ("source", "group", "ordinal", "name", "lead", "lead_raw", "deadline"))


@pytest.mark.parametrize("plain", PLAIN)
@pytest.mark.parametrize("stem", STEMS)
def test_responsibilities_match_gold(stem: str, plain: bool) -> None:
    _check(stem, plain, parse_responsibilities, _gold(stem)["responsibilities"], "heading",
           ("heading", "agencies", "duties"))


@pytest.mark.parametrize("plain", PLAIN)
@pytest.mark.parametrize("stem", STEMS)
def test_legal_bases_match_gold(stem: str, plain: bool) -> None:
    _check(stem, plain, parse_legal_bases, _gold(stem)["legal_bases"], "raw",
           ("kind", "doc_type", "number", "date", "issuer", "raw"))


def _without_indicator_table(stem: str) -> bool:
    gold = _gold(stem)
    return not any(i["source"] == "table" for i in gold["indicators"])


@pytest.mark.parametrize("plain", PLAIN)
@pytest.mark.parametrize("stem", [s for s in STEMS if _without_indicator_table(s)] or
                         [pytest.param("none", marks=pytest.mark.skip(reason="no plan without indicator table"))])
def test_prose_targets_match_gold(stem: str, plain: bool) -> None:
    gold = _gold(stem)
    doc = gold["document"]
    fields = ("source", "group", "ordinal", "name", "unit", "lead_raw", "lead", "targets")
    # as the integrator calls it (with the title), and from the body alone
    _check(stem, plain, lambda blocks: parse_prose_targets(blocks, doc["issue_year"], title=doc["title"]),
           gold["indicators"], "name", fields)
    _check(stem, plain, lambda blocks: parse_prose_targets(blocks, doc["issue_year"]), gold["indicators"],
           "name", fields)


@pytest.mark.parametrize("stem", STEMS)
def test_prose_parsers_agree_with_and_without_hints(stem: str) -> None:
    """Bold and heading levels are hints: the same rows come out when they are missing."""
    path = SAMPLES / f"{stem}.doc.json"
    for parse in (parse_prose_tasks, parse_responsibilities, parse_legal_bases, parse_prose_targets):
        hinted = [r.model_dump(mode="json") for r in parse(docmodel_blocks(path))]
        plain = [r.model_dump(mode="json") for r in parse(docmodel_blocks(path, plain=True))]
        assert hinted == plain, f"{stem}: {parse.__name__} depends on the bold/heading hints"
