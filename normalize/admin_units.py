"""Communes (xã, phường, đặc khu) pinned to the national list of administrative units.

The list is the `vietnam-provinces` package (2025 reorganisation: 34 provinces,
3,321 communes). Names are compared folded and, failing that, without diacritics;
the province named in the text picks one of several same-named communes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kehoach.normalize.text import clean, fold, fold_chars, strip_accents

__all__ = ["CommuneMatch", "resolve_commune", "province_short_name", "province_now", "province_named_in", "split_kind"]

_KINDS = ("đặc khu", "phường", "xã")
_KIND_PREFIX = re.compile(r"^(đặc khu|phường|xã)\s+", re.IGNORECASE)
_PROVINCE_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?|t\.p\.?)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class CommuneMatch:
    commune: str | None
    commune_kind: str | None
    province: str | None
    commune_code: str | None


@dataclass(frozen=True)
class _Unit:
    name: str          # "Tân Hưng"
    kind: str          # "xã"
    province: str      # "Đồng Nai"
    code: str          # "25345"


def province_short_name(name: str | None) -> str | None:
    """ "Tỉnh Đồng Nai", "tỉnh Đồng Nai", "TP. Hồ Chí Minh" → "Đồng Nai", "Hồ Chí Minh"."""
    s = clean(name) or ""
    s = _PROVINCE_PREFIX.sub("", s).strip(" .,;")
    return s or None


# Provinces merged away by the 2025 reorganisation (Resolution 202/2025/QH15) → the
# province they are part of now. Legal bases often cite their documents ("UBND tỉnh Bình
# Phước"); the national list only has the 34 new provinces.
_MERGED_PROVINCES = {
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ", "Bắc Giang": "Bắc Ninh", "Thái Bình": "Hưng Yên",
    "Hải Dương": "Hải Phòng", "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng", "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Phú Yên": "Đắk Lắk", "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Hồ Chí Minh", "Bà Rịa Vũng Tàu": "Hồ Chí Minh", "Bình Phước": "Đồng Nai",
    "Long An": "Tây Ninh", "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ", "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long", "Tiền Giang": "Đồng Tháp", "Bạc Liêu": "Cà Mau", "Kiên Giang": "An Giang",
    "Thừa Thiên Huế": "Huế", "Thừa Thiên - Huế": "Huế",
}
# Abbreviations of a province's name as plans print them.
_PROVINCE_ABBREVIATIONS = {"hcm": "Hồ Chí Minh", "hồ chí minh": "Hồ Chí Minh", "tp.hcm": "Hồ Chí Minh",
                           "tphcm": "Hồ Chí Minh", "br-vt": "Hồ Chí Minh", "brvt": "Hồ Chí Minh"}


def _province_key(name: str) -> str:
    return re.sub(r"\s*-\s*", "-", fold(name))


@lru_cache(maxsize=1)
def _province_mention() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern for "tỉnh <province>" mentions in folded text (`fold_chars`) of the 34
    provinces and the ones merged into them in 2025, and each mention's province now, by fold."""
    from vietnam_provinces import Province

    current = [province_short_name(p.name) or p.name for p in Province.iter_all()]
    now = {_province_key(name): name for name in current}
    for old, new in _MERGED_PROVINCES.items():
        now[_province_key(old)] = new
    names = sorted({fold(name) for name in (*current, *_MERGED_PROVINCES)}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in name.split()).replace(r"\s+\-\s+", r"\s*-\s*")
                            for name in names)
    pattern = re.compile(
        rf"(?<![\wÀ-ỹ])(?:tỉnh|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|thành phố|tp\.?)\s*({alternatives})(?![\wÀ-ỹ])"
        rf"|(?<![\wÀ-ỹ])(tp\.?\s*hcm|tphcm)(?![\wÀ-ỹ])",
        re.IGNORECASE)
    return pattern, now


def province_now(name: str | None) -> str | None:
    """A province's short name after the 2025 reorganisation: "Bình Phước" → "Đồng Nai",
    "tỉnh Lâm Đồng" → "Lâm Đồng"; a name that is not a province comes back short."""
    short = province_short_name(name)
    if not short:
        return None
    key = _province_key(short)
    _, now = _province_mention()
    return now.get(key) or _PROVINCE_ABBREVIATIONS.get(key.replace(" ", "")) or short


def province_named_in(texts: Iterable[str | None]) -> str | None:
    """The province a text names most often ("… tỉnh Đồng Nai", "Tỉnh ủy Lâm Đồng", "TP.HCM"),
    as the national list spells it; a province merged away in 2025 ("tỉnh Bình Phước")
    counts for the one it is part of now. None when the text names none."""
    pattern, now = _province_mention()
    found: Counter[str] = Counter()
    for t in texts:
        for m in pattern.finditer(fold_chars(t or "")):
            found[now.get(_province_key(m.group(1))) if m.group(1) else "Hồ Chí Minh"] += 1
    found.pop(None, None)
    return found.most_common(1)[0][0] if found else None


def split_kind(name: str | None) -> tuple[str | None, str]:
    """ "xã Tân Hưng" → ("xã", "Tân Hưng"); a name without a kind word → (None, name)."""
    s = clean(name) or ""
    m = _KIND_PREFIX.match(s)
    if m:
        return fold(m.group(1)), s[m.end():].strip()
    return None, s


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[_Unit]], dict[str, list[_Unit]]]:
    from vietnam_provinces import Province, Ward

    provinces = {int(p.code): province_short_name(p.name) or p.name for p in Province.iter_all()}
    exact: dict[str, list[_Unit]] = defaultdict(list)
    plain: dict[str, list[_Unit]] = defaultdict(list)
    for ward in Ward.iter_all():
        kind = fold(ward.division_type.value)
        _, short = split_kind(ward.name)
        unit = _Unit(short, kind, provinces.get(int(ward.province_code), ""), f"{int(ward.code):05d}")
        exact[fold(short)].append(unit)
        plain[strip_accents(fold(short))].append(unit)
    return dict(exact), dict(plain)


def resolve_commune(name: str | None, kind: str | None = None,
                    province_hint: str | None = None) -> tuple[CommuneMatch, list[str]]:
    """A commune's name (with or without its kind word) → its unit in the national list.

    `province_hint` is the province the text names ("Đồng Nai", "tỉnh Lâm Đồng"); when
    absent the province is taken from the list only if the name is unique there.
    Never raises; what cannot be pinned to one unit comes back with nulls and a warning.
    """
    try:
        return _resolve(name, kind, province_hint)
    except Exception as exc:  # the lookup must never stop a document
        return CommuneMatch(clean(name) or None, kind, province_short_name(province_hint), None), [
            f"commune lookup failed ({type(exc).__name__}): {name!r}"]


def _resolve(name, kind, province_hint):
    printed_kind, bare = split_kind(name if isinstance(name, str) else None)
    kind = fold(kind) if kind else printed_kind
    if kind not in _KINDS:
        kind = printed_kind if printed_kind in _KINDS else None
    hint = province_now(province_hint)
    if not bare:
        return CommuneMatch(None, kind, hint, None), ["no commune name"]
    exact, plain = _index()
    candidates = exact.get(fold(bare)) or plain.get(strip_accents(fold(bare))) or []
    if kind:
        candidates = [u for u in candidates if u.kind == kind]
    warnings: list[str] = []
    if hint:
        in_province = [u for u in candidates if fold(u.province) == fold(hint)
                       or strip_accents(fold(u.province)) == strip_accents(fold(hint))]
        where = f"{kind + ' ' if kind else ''}{bare}"
        if not in_province and len(candidates) == 1:
            # the text's province may be a pre-2025 name or another province it cites
            unit = candidates[0]
            warnings.append(f"{where!r} is in {unit.province!r} in the national list, not in {hint!r}")
            return CommuneMatch(unit.name, unit.kind, unit.province, unit.code), warnings
        if not in_province:
            warnings.append(f"{where!r} not found in province {hint!r} of the national list")
            return CommuneMatch(bare, kind, hint, None), warnings
        candidates = in_province
    if len(candidates) == 1:
        unit = candidates[0]
        return CommuneMatch(unit.name, unit.kind, unit.province, unit.code), warnings
    if not candidates:
        warnings.append(f"commune {bare!r} not found in the national list")
        return CommuneMatch(bare, kind, hint, None), warnings
    provinces = sorted({u.province for u in candidates})
    warnings.append(f"commune {bare!r} is ambiguous ({len(candidates)} units in "
                    f"{', '.join(provinces)}); no province named")
    name_out = candidates[0].name if len({u.name for u in candidates}) == 1 else bare
    kind_out = candidates[0].kind if len({u.kind for u in candidates}) == 1 else kind
    province_out = provinces[0] if len(provinces) == 1 else hint
    return CommuneMatch(name_out, kind_out, province_out, None), warnings
