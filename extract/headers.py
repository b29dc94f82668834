"""Table headers by meaning: column names -> roles, and whether a table lists indicators or tasks.

The vocabulary lives in data/header_synonyms.json (users extend it). Matching is on
folded text (no accents, lower case), so OCR'd headers that lost a diacritic still map;
the longest synonym found in a header decides its role.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).resolve().parent.parent / "data" / "header_synonyms.json"
YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_YEAR_HEADER = re.compile(r"^(?:năm|nam|giai đoạn|giai doan|đến năm|den nam)?\s*(20\d\d)\s*$", re.I)


def fold(text: str) -> str:
    """Accent-free, lower-case, single-spaced text for matching ("Đơn vị tính" -> "don vi tinh")."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", re.sub(r"[^\w%/]+", " ", text.lower())).strip()


@dataclass(frozen=True)
class Vocabulary:
    roles: dict[str, dict[str, tuple[str, ...]]]  # kind -> role -> folded synonyms
    signals: dict[str, tuple[str, ...]]  # kind -> folded signal words

    def words(self) -> set[str]:
        out = set()
        for roles in self.roles.values():
            for syns in roles.values():
                out.update(syns)
        return out


@lru_cache(maxsize=4)
def load_vocabulary(path: Optional[str] = None) -> Vocabulary:
    data = json.loads(Path(path or DATA).read_text(encoding="utf-8"))
    roles = {
        kind: {role: tuple(sorted({fold(s) for s in syns}, key=len, reverse=True)) for role, syns in data[kind].items()}
        for kind in ("indicators", "tasks")
    }
    signals = {kind: tuple(fold(s) for s in words) for kind, words in data["kind_signals"].items()}
    return Vocabulary(roles, signals)


def _contains(haystack: str, needle: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


#: Words that, with a year, name a target column ("Mục tiêu năm 2026", "Chỉ tiêu đến năm 2030").
_TARGET_WORDS = {"muc tieu", "chi tieu", "ke hoach", "ket qua", "phan dau", "chi tieu phan dau", "gia tri",
                 "muc tieu phan dau", "dat", "phan dau dat", "muc phan dau", "du kien"}
_YEAR_FILLER = re.compile(r"(?<!\w)(nam|den|het|cuoi|giai doan|tu|toi)(?!\w)")


def header_year(text: str) -> Optional[int]:
    """The year of a target column: "Năm 2030", "2030", "Mục tiêu năm 2026", "Chỉ tiêu đến
    năm 2030", "Giai đoạn 2026-2030" (its last year); None for anything else, such as a
    baseline column ("Hiện trạng năm 2025")."""
    m = _YEAR_HEADER.match(text.strip())
    if m:
        return int(m.group(1))
    f = fold(text)
    years = YEAR.findall(f)
    if not years:
        return None
    rest = re.sub(r"\s+", " ", _YEAR_FILLER.sub(" ", YEAR.sub(" ", f))).strip(" -/")
    return int(years[-1]) if rest == "" or rest in _TARGET_WORDS else None


def is_header_text(text: str, vocab: Optional[Vocabulary] = None) -> bool:
    """Does a cell read like a column name?"""
    vocab = vocab or load_vocabulary()
    f = fold(text)
    if not f:
        return False
    if header_year(text) is not None:
        return True
    if len(f) <= 12 and f.replace(" ", "") in vocab.words():
        return True
    # Column names are short; a long cell that happens to contain "nhiệm vụ" is content.
    return len(f) <= 70 and any(_contains(f, w) for w in vocab.words())


def role_scores(text: str, kind: str, vocab: Optional[Vocabulary] = None) -> dict[str, int]:
    """For each role, the length of the longest of its synonyms found in `text`.

    A short header wrapped inside a narrow column ("ST" / "T") is also tried with its
    spaces squeezed out."""
    vocab = vocab or load_vocabulary()
    f = fold(text)
    scores: dict[str, int] = {}
    for role, syns in vocab.roles[kind].items():
        for s in syns:  # longest first
            if _contains(f, s):
                scores[role] = len(s)
                break
    if not scores and len(f) <= 12 and " " in f:
        squeezed = f.replace(" ", "")
        for role, syns in vocab.roles[kind].items():
            if squeezed in syns:
                scores[role] = len(squeezed)
    return scores


def classify(columns: list[str], caption: str = "", vocab: Optional[Vocabulary] = None) -> str:
    """'indicators' or 'tasks' (or 'unknown') from the column names and the title above."""
    vocab = vocab or load_vocabulary()
    text = fold(" | ".join(columns))
    score = {kind: sum(1 for w in vocab.signals[kind] if _contains(text, w)) for kind in ("indicators", "tasks")}
    if any(header_year(c.split(" / ")[-1]) for c in columns):
        score["indicators"] += 2
    cap = fold(caption)
    if _contains(cap, "chi tieu"):
        score["indicators"] += 2
    if _contains(cap, "nhiem vu"):
        score["tasks"] += 2
    # A deadline or partners column is the clearest sign of a task table.
    if re.search(r"(?<!\w)(thoi gian|thoi han|tien do|phoi hop)(?!\w)", text):
        score["tasks"] += 2
    if score["indicators"] == score["tasks"] == 0:
        return "unknown"
    return "tasks" if score["tasks"] > score["indicators"] else "indicators"


def usable(kind: str, roles: list[Optional[str]]) -> bool:
    """Does a table of this kind have the columns that make its rows rows of that kind?
    An indicator table needs a target column; a task table needs the task's lead,
    partners, deadline or output. Anything else (a budget table) is not read as either."""
    if "name" not in roles:
        return False
    if kind == "indicators":
        return "target" in roles
    if kind == "tasks":
        return bool({"lead", "partners", "deadline", "output", "subtask", "solution"} & set(roles))
    return False


def map_roles(columns: list[str], kind: str, vocab: Optional[Vocabulary] = None) -> tuple[list[Optional[str]], list[Optional[int]]]:
    """Role and year of each column. Each role but `target` goes to one column at most
    (the best-scoring); year columns are targets; columns that map to nothing are None."""
    vocab = vocab or load_vocabulary()
    if kind not in ("indicators", "tasks"):
        kind = "indicators"
    roles: list[Optional[str]] = [None] * len(columns)
    years: list[Optional[int]] = [None] * len(columns)
    candidates: list[tuple[int, int, str]] = []  # (score, -col, role)
    for i, col in enumerate(columns):
        leaf = col.split(" / ")[-1]
        y = header_year(leaf)
        if y is not None and kind == "indicators":
            roles[i], years[i] = "target", y
            continue
        scores = role_scores(leaf, kind, vocab) or role_scores(col, kind, vocab)
        for role, s in scores.items():
            candidates.append((s, -i, role))
    taken: set[str] = set()
    for s, neg_i, role in sorted(candidates, reverse=True):
        i = -neg_i
        if roles[i] is not None or (role in taken and role != "target"):
            continue
        roles[i] = role
        taken.add(role)
    if "name" not in roles:
        # The widest unmapped text column is the name (the STT column never is).
        free = [i for i, r in enumerate(roles) if r is None]
        if free:
            roles[free[0]] = "name"
    return roles, years
