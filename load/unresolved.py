"""Agency names that did not resolve to a canonical agency, across the whole database.

Each is listed with how often plans use it, in how many documents, and the nearest
canonical name, so a user can add it as an alias to the registry (data/agencies.json,
or a file named by KEHOACH_AGENCIES).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehoach.normalize.agencies import AgencyRegistry, default_registry
from kehoach.schema.tables import (
    IndicatorAgencyRow,
    IndicatorRow,
    ResponsibilityAgencyRow,
    ResponsibilityRow,
    TaskAgencyRow,
    TaskRow,
)

#: (link table, its parent table, the link's foreign key to the parent)
LINKS = (
    (IndicatorAgencyRow, IndicatorRow, IndicatorAgencyRow.indicator_id),
    (TaskAgencyRow, TaskRow, TaskAgencyRow.task_id),
    (ResponsibilityAgencyRow, ResponsibilityRow, ResponsibilityAgencyRow.responsibility_id),
)


@dataclass(frozen=True)
class UnresolvedName:
    name: str
    uses: int
    documents: int
    nearest: Optional[str]
    score: float


def unresolved_agencies(session: Session, registry: Optional[AgencyRegistry] = None) -> list[UnresolvedName]:
    """Unresolved agency names, most used first."""
    registry = registry or default_registry()
    uses: dict[str, int] = defaultdict(int)
    docs: dict[str, set[int]] = defaultdict(set)
    for link, parent, fk in LINKS:
        query = select(link.name, parent.document_id).join(parent, fk == parent.id).where(link.agency_id.is_(None))
        for name, document_id in session.execute(query):
            uses[name] += 1
            docs[name].add(document_id)
    out = []
    for name in uses:
        res = registry.resolve(name)
        out.append(UnresolvedName(name, uses[name], len(docs[name]), res.nearest, round(res.score, 1)))
    return sorted(out, key=lambda u: (-u.uses, u.name))
