"""Agency names: split cells, resolve printed names to canonical ones, find them in text.

The canonical names and their aliases are data (`data/agencies.json`, extended by the
file named in KEHOACH_AGENCIES); this module only knows how to compare names. A name
is compared through a key: folded (case, dashes, tone placement), abbreviations
expanded token by token, "và"/"&" dropped, a trailing "xã"/"phường" dropped. Exact
keys are tried first, then the same keys without diacritics, then a rapidfuzz ratio
against every alias (abbreviated and expanded) above the registry's threshold.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from kehoach.normalize.agency_text import _dedup, _tidy, subject_agencies
from kehoach.normalize.text import clean, dashes, fold, fold_chars, strip_accents

__all__ = ["AgencyRegistry", "Resolution", "default_registry", "DEFAULT_PATH", "ENV_VAR"]

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "agencies.json"
ENV_VAR = "KEHOACH_AGENCIES"

_PAREN = re.compile(r"\s*\([^()]*\)?")
_KEY_PUNCT = re.compile(r"[-/,.;:+\"'()\[\]]")
_KIND_TAIL = re.compile(r"\s+(?:xã|phường|đặc khu)$")
_STOP_TOKENS = {"và", "&"}
_KIND_WORDS = r"(?:xã|phường|đặc khu)"
_HINT_SCORE = 70  # a nearer name is worth naming in a warning from this score on
_BULLET = re.compile(r"^[-+•*]\s")


@dataclass(frozen=True)
class Resolution:
    """How one printed agency name was resolved."""

    printed: str
    canonical: str
    score: float
    resolved: bool
    nearest: str | None = None


@dataclass
class _Entry:
    canonical: str
    aliases: list[str] = field(default_factory=list)
    collective: bool = False
    #: Recognised (split, tagged, not reported) but output as printed: plan-json/1
    #: keeps names outside its own table of canonical agencies as printed.
    keep_printed: bool = False


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


class AgencyRegistry:
    """Canonical agencies and their aliases, with the keys to match printed names fast."""

    def __init__(self, data: dict) -> None:
        self.threshold: float = float(data.get("threshold", 85))
        self._abbrev = {fold(k): fold(v) for k, v in (data.get("abbreviations") or {}).items()}
        self._strip_prefixes = [fold(p) for p in data.get("strip_prefixes") or []]
        levels = [fold(w) for w in data.get("other_levels") or []]
        self._levels = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, levels)) + r")(?!\w)") if levels else None
        suffixes = {self.key(p) for p in data.get("strip_suffixes") or []} - {""}
        self._suffix_keys = sorted(suffixes, key=len, reverse=True)  # "các ấp", "trên địa bàn"
        heads = data.get("split_heads") or {}
        self._heads_any = self._head_pattern(heads.get("any_case") or [])
        self._heads_cap = self._head_pattern(heads.get("capitalized") or [])
        self.entries: list[_Entry] = []
        for item in data.get("agencies") or []:
            canonical = clean(item.get("canonical"))
            if canonical:
                self.entries.append(_Entry(canonical, [clean(a) for a in item.get("aliases") or [] if clean(a)],
                                           bool(item.get("collective")), bool(item.get("keep_printed"))))
        self._build()

    # -- construction -------------------------------------------------------------------
    @staticmethod
    def _head_pattern(words: list[str]) -> re.Pattern | None:
        if not words:
            return None
        alts = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"^(?:{alts})(?!\w)")

    @classmethod
    def load(cls, extra_path: str | os.PathLike | None = None) -> "AgencyRegistry":
        """The packaged registry, merged with `extra_path` and the file named by KEHOACH_AGENCIES."""
        data = _read(DEFAULT_PATH)
        extras = [p for p in (os.environ.get(ENV_VAR), extra_path) if p]
        for path in extras:
            data = _merge(data, _read(Path(path)))
        return cls(data)

    def _build(self) -> None:
        self._exact: dict[str, str] = {}
        self._plain: dict[str, str | None] = {}
        self._alias_canonical: dict[str, str] = {}
        self._keep_printed = {e.canonical for e in self.entries if e.keep_printed}
        choices: dict[str, str] = {}
        for entry in self.entries:
            for name in [entry.canonical, *entry.aliases]:
                self._alias_canonical.setdefault(name, entry.canonical)
                key = self.key(name)
                if not key:
                    continue
                self._exact.setdefault(key, entry.canonical)
                plain = strip_accents(key)
                if self._plain.get(plain, entry.canonical) != entry.canonical:
                    self._plain[plain] = None  # two agencies share it: no accent-free match
                else:
                    self._plain[plain] = entry.canonical
                choices.setdefault(plain, entry.canonical)
                choices.setdefault(strip_accents(self.key(name, expand=False)), entry.canonical)
        self._choice_keys = list(choices)
        self._choice_canonical = [choices[k] for k in self._choice_keys]
        self._sep_aliases = [_sep_norm(a) for a in self._alias_canonical if "," in a or "-" in dashes(a)]
        self._mention_re = self._mention_pattern()
        self._cache: dict[str, Resolution] = {}

    def _mention_pattern(self) -> re.Pattern:
        alts = []
        for alias in sorted(self._alias_canonical, key=len, reverse=True):
            tokens = [t for t in re.split(r"[\s\-]+", fold_chars(dashes(alias))) if t]
            if not tokens:
                continue
            parts = [re.escape(t).replace(",", r"\s*,").replace("&", r"\s*&\s*") for t in tokens]
            if len(parts) > 1 and tokens[-1] in ("xã", "phường"):
                parts[-1] = _KIND_WORDS  # "Công an xã" is "Công an phường" in a ward's plan
            alts.append(r"(?:\s*-\s*|\s+)".join(parts))
        return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?:\s+" + _KIND_WORDS + r")?(?!\w)")

    # -- keys ---------------------------------------------------------------------------
    def key(self, name: str | None, expand: bool = True) -> str:
        """The comparison key of a name ("Phòng VH-XH" → "phòng văn hóa xã hội")."""
        s = fold(name)
        if not s:
            return ""
        s = _PAREN.sub(" ", s).replace("&", " và ")
        tokens = [t for t in _KEY_PUNCT.sub(" ", s).split() if t not in _STOP_TOKENS]
        if expand:
            tokens = [self._abbrev.get(t, t) for t in tokens]
        s = " ".join(" ".join(tokens).split())
        return _KIND_TAIL.sub("", s)

    def aliases(self) -> dict[str, str]:
        """Every printed form the registry knows (canonical names included) → canonical."""
        return dict(self._alias_canonical)

    def canonical_names(self) -> list[str]:
        return [e.canonical for e in self.entries]

    def keeps_printed(self, canonical: str) -> bool:
        """True for an entry that is recognised but output as printed (`keep_printed`)."""
        return canonical in self._keep_printed

    def output_name(self, canonical: str, printed: str) -> str:
        """The name to output for a match of `canonical` printed as `printed`."""
        return _tidy(printed) if canonical in self._keep_printed else canonical

    # -- resolving ----------------------------------------------------------------------
    def resolve(self, name: str | None) -> Resolution:
        """One printed agency name → its canonical name, or itself (normalized) when unknown."""
        printed = _tidy(name)
        cached = self._cache.get(printed)
        if cached is None:
            try:
                cached = self._resolve(printed)
            except Exception:  # matching must never stop a document
                cached = Resolution(printed, printed, 0.0, False, None)
            if len(self._cache) < 100_000:
                self._cache[printed] = cached
        return cached

    def _lookup(self, key: str) -> str | None:
        if not key:
            return None
        hit = self._exact.get(key)
        return hit if hit else self._plain.get(strip_accents(key))

    def _variants(self, key: str) -> list[str]:
        out = [key]
        named = re.search(r"\s(?:xã|phường|đặc khu)\s((?:\S+\s?){1,4})$", key)
        if (named and not re.search(r"(?:^|\s)(?:xã|phường)(?:\s|$)", named.group(1))
                and self._lookup(named.group(1).strip()) is None):  # not "… xã và Hội CCB"
            out.append(key[: named.start()])  # "Văn phòng HĐND và UBND xã Tân Hưng"
        for prefix in self._strip_prefixes:
            if key.startswith(prefix + " "):
                out.append(key[len(prefix) + 1:])
        for k in list(out):
            for suffix in self._suffix_keys:
                if k.endswith(" " + suffix):
                    out.append(_KIND_TAIL.sub("", k[: -len(suffix) - 1].strip()))
        return out

    def _resolve(self, printed: str) -> Resolution:
        if not printed:
            return Resolution(printed, printed, 0.0, False, None)
        key = self.key(printed)
        for variant in self._variants(key):
            hit = self._lookup(variant)
            if hit:
                return Resolution(printed, self.output_name(hit, printed), 100.0, True, hit)
        plain = strip_accents(key)
        compact = strip_accents(self.key(printed, expand=False))
        best = None
        for query in {plain, compact}:
            if len(query) < 5:
                continue
            found = process.extractOne(query, self._choice_keys, scorer=fuzz.ratio)
            if found and (best is None or found[1] > best[1]):
                best = found
        if best is None:
            return Resolution(printed, printed, 0.0, False, None)
        nearest = self._choice_canonical[best[2]]
        score = float(best[1])
        if score >= self.threshold and not self._other_level(key, nearest):
            return Resolution(printed, self.output_name(nearest, printed), score, True, nearest)
        return Resolution(printed, printed, score, False, nearest)

    def looks_like_agency(self, name: str) -> bool:
        """True when a name opens like an agency ("Phòng …", "Ban …" capitalised)."""
        return self._starts_name(name)

    def strip_prefix(self, name: str) -> str:
        """The name without a leading "Đề nghị", "Công chức" … (registry `strip_prefixes`)."""
        low = fold(name)
        for prefix in self._strip_prefixes:
            if low.startswith(prefix + " "):
                return name[len(prefix) + 1:].strip()
        return name

    def _other_level(self, key: str, canonical: str) -> bool:
        """True when the name is of another level ("… tỉnh", "Sở …") than the candidate."""
        if self._levels is None:
            return False
        mine = set(self._levels.findall(key))
        return bool(mine - set(self._levels.findall(self.key(canonical))))

    # -- cells ----------------------------------------------------------------------------
    def split(self, cell: str | None) -> list[str]:
        """An agency cell → the printed names in it, split on ";" and on "," between names."""
        try:
            return self._split(cell)
        except Exception:
            s = _tidy(cell)
            return [s] if s else []

    def _split(self, cell):
        raw = cell if isinstance(cell, str) else ("" if cell is None else str(cell))
        out: list[str] = []
        for line in raw.splitlines():
            line = dashes(_PAREN.sub("", clean(line) or ""))
            if _BULLET.match(line):  # "- Phòng Kinh tế - Công an xã": a bulleted list
                parts = self._split_on(line.lstrip("-+•* "), " - ", strong_only=True)
            else:
                parts = [line]
            for bullet in parts:
                for part in re.split(r";|\s\+\s", bullet):
                    part = _tidy(part)
                    if not part:
                        continue
                    if self._lookup(self.key(part)):
                        out.append(part)
                        continue
                    out.extend(p for p in (_tidy(x) for x in self._split_on(part, ",")) if p)
        return out

    def _split_on(self, part: str, sep: str, strong_only: bool = False) -> list[str]:
        """Split at `sep` only where a new agency name starts and no known name is cut."""
        segments = part.split(sep)
        pieces = [segments[0]]
        for seg in segments[1:]:
            candidate = pieces[-1] + sep + seg
            if self._starts_name(seg, strong_only) and not self._inside_alias(candidate, pieces[-1]):
                pieces.append(seg)
            else:
                pieces[-1] = candidate
        return pieces

    def _starts_name(self, seg: str, strong_only: bool = False) -> bool:
        stripped = seg.strip()
        if not stripped:
            return False
        low = fold(stripped)
        if self._heads_any and self._heads_any.match(low):
            return True
        if strong_only:
            return False
        if stripped[0].isupper() and self._heads_cap and self._heads_cap.match(low):
            return True
        return stripped[0].isupper() and self._lookup(self.key(stripped)) is not None

    def _inside_alias(self, text: str, head: str | None = None) -> bool:
        """True when `text` ends inside a registry alias that has a comma or dash in it.

        With `head` (the text before the separator being split on), only aliases whose
        text spans that separator count: "Công an xã, Phòng Văn hóa - Xã hội" ends with
        a whole alias that has a dash, but none runs across the comma.
        """
        low = _sep_norm(text)
        limit = len(_sep_norm(head)) if head is not None else len(low)
        starts = [0] + [m.end() for m in re.finditer(r"\s", low)]
        for start in starts:
            if start >= limit:
                break
            tail = low[start:]
            if "," not in tail and "-" not in tail:
                break
            if any(alias.startswith(tail) for alias in self._sep_aliases):
                return True
        return False

    def resolve_cell(self, cell: str | None) -> tuple[list[str], list[str]]:
        """A cell → canonical names in order, deduplicated; a warning per unresolved name."""
        names: list[str] = []
        warnings: list[str] = []
        for printed in self.split(cell):
            res = self.resolve(printed)
            if not res.resolved:
                near = f" (nearest: {res.nearest!r}, score {res.score:.0f})" \
                    if res.nearest and res.score >= _HINT_SCORE else ""
                warnings.append(f"unresolved agency: {printed!r}{near}")
            if res.canonical and res.canonical not in names:
                names.append(res.canonical)
        return names, warnings

    # -- running text -------------------------------------------------------------------
    def find_in_text(self, text: str | None, all_mentions: bool = False) -> list[str]:
        """Canonical agencies a heading or paragraph names as its subject, in order.

        A short heading ("Tổ Công nghệ số cộng đồng và Các trường học") is split into
        names; a paragraph gives the run of agencies it opens with (those separated only
        by commas, "và", "các …"), so a later "báo cáo về phòng …" does not count.
        With `all_mentions`, every registry agency named anywhere is returned.
        """
        try:
            return subject_agencies(self, text, all_mentions)
        except Exception:  # matching must never stop a document
            return []

    def mentions(self, folded: str, original: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, output name) of every registry agency in a `fold_chars`-folded
        text; `original` (the text before folding, same length) gives the printed form
        of entries output as printed."""
        found = []
        for m in self._mention_re.finditer(folded):
            canonical = self._lookup(self.key(m.group(0)))
            if canonical:
                printed = (original or folded)[m.start():m.end()]
                found.append((m.start(), m.end(), self.output_name(canonical, printed)))
        return found


def _sep_norm(text: str) -> str:
    """Folded, with one space after each comma or dash and none before: for prefix tests."""
    low = fold_chars(dashes(text))
    return " ".join(re.sub(r"\s*([,\-])\s*", r"\1 ", low).split())


def _merge(base: dict, extra: dict) -> dict:
    """`extra` on top of `base`: agencies with the same canonical name get the extra aliases."""
    merged = {**base, **{k: v for k, v in extra.items() if k not in ("agencies", "abbreviations", "split_heads")}}
    merged["abbreviations"] = {**(base.get("abbreviations") or {}), **(extra.get("abbreviations") or {})}
    heads = {k: list(v) for k, v in (base.get("split_heads") or {}).items()}
    for k, v in (extra.get("split_heads") or {}).items():
        heads[k] = heads.get(k, []) + list(v)
    merged["split_heads"] = heads
    agencies = [dict(a) for a in base.get("agencies") or []]
    by_name = {fold(a.get("canonical")): a for a in agencies}
    for item in extra.get("agencies") or []:
        existing = by_name.get(fold(item.get("canonical")))
        if existing:
            existing["aliases"] = list(existing.get("aliases") or []) + list(item.get("aliases") or [])
            for flag in ("keep_printed", "collective"):
                if flag in item:
                    existing[flag] = item[flag]
        else:
            agencies.append(dict(item))
            by_name[fold(item.get("canonical"))] = agencies[-1]
    merged["agencies"] = agencies
    return merged


@lru_cache(maxsize=1)
def default_registry() -> AgencyRegistry:
    """The registry every caller shares (packaged data + KEHOACH_AGENCIES), loaded once."""
    return AgencyRegistry.load()
