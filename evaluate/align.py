"""Row alignment: which predicted row is the extraction of which gold row.

Rows are paired one-to-one, best first, on the similarity of their names (folded,
`fuzz.ratio`). Pairs below `MIN_SIMILARITY` are never made, so a row the extractor
invented and a row it missed stay unaligned instead of being compared field by
field. Equal similarities (an indicator name repeated under several groups, as
"Tỷ lệ ..." often is) are decided by a matching ordinal and group, then by
document order: the first gold row takes the first free predicted row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from rapidfuzz import fuzz, process

from kehoach.evaluate.compare import fold

#: Least `fuzz.ratio` (0..100) of two folded names for their rows to be paired.
MIN_SIMILARITY = 70.0


@dataclass(frozen=True)
class RowKey:
    """What alignment looks at in one row: its name, and its ordinal and group as tie-breaks."""

    name: str
    ordinal: str = ""
    group: str = ""


def align_rows(
    gold: Sequence[RowKey], pred: Sequence[RowKey], min_similarity: float = MIN_SIMILARITY
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), one-to-one, sorted by gold index."""
    if not gold or not pred:
        return []
    scores = process.cdist(
        [fold(key.name) for key in gold], [fold(key.name) for key in pred], scorer=fuzz.ratio
    )
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            score = float(scores[i][j])
            if score >= min_similarity:
                agree = (fold(g.ordinal) == fold(p.ordinal)) + (fold(g.group) == fold(p.group))
                candidates.append((-score, -agree, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def align_targets(gold_years: Sequence[Optional[int]], pred_years: Sequence[Optional[int]]) -> list[tuple[int, int]]:
    """Pairs of target indices within one aligned indicator: same year first, then order.

    Targets of the same year pair in order; the targets left over on both sides
    then pair in order, so a target read with the wrong year shows as one wrong
    `year` field rather than a missing and an extra target.
    """
    pairs = []
    free_pred = list(range(len(pred_years)))
    left_gold = []
    for i, year in enumerate(gold_years):
        j = next((j for j in free_pred if pred_years[j] == year), None)
        if j is None:
            left_gold.append(i)
        else:
            free_pred.remove(j)
            pairs.append((i, j))
    pairs.extend(zip(left_gold, free_pred))
    return sorted(pairs)
