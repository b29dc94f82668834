"""plan-json/1, the extraction contract, as pydantic models.

Every field and its meaning is fixed by the contract (see README, "The contract").
Extra fields are allowed anywhere; kehoach adds provenance (`bbox`), `extra`
columns it could not map, and the agencies a text mentions.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

CONTRACT = "plan-json/1"

CommuneKind = Literal["xã", "phường", "đặc khu"]
TargetKind = Literal["numeric", "boolean", "text", "none"]
Op = Literal[">=", ">", "<=", "<", "="]
Recurrence = Literal["continuous", "annual", "quarterly", "monthly"]
LegalBasisKind = Literal["can_cu", "thuc_hien", "xet_de_nghi"]
Source = Literal["table", "prose"]
BBox = tuple[float, float, float, float]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=False)


class Signer(_Model):
    name: Optional[str] = None
    position: Optional[str] = None
    authority: Optional[str] = None


class Document(_Model):
    title: Optional[str] = None
    doc_type: str = "Kế hoạch"
    number: Optional[str] = None
    issue_date: Optional[dt.date] = None
    issue_year: Optional[int] = None
    issuer: Optional[str] = None
    commune: Optional[str] = None
    commune_kind: Optional[CommuneKind] = None
    province: Optional[str] = None
    commune_code: Optional[str] = None
    place: Optional[str] = None
    signer: Optional[Signer] = None
    recipients: list[str] = Field(default_factory=list)
    pages: Optional[int] = None


class LegalBasis(_Model):
    kind: LegalBasisKind
    doc_type: Optional[str] = None
    number: Optional[str] = None
    date: Optional[dt.date] = None
    issuer: Optional[str] = None
    raw: str
    page: Optional[int] = None


class Group(_Model):
    code: str
    title: str


class Target(_Model):
    year: Optional[int] = None
    raw: str
    kind: TargetKind
    op: Optional[Op] = None
    # bool before int: pydantic's smart union keeps True as bool, 100 as int.
    value: Union[bool, int, float, None] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    label: Optional[str] = None


class Deadline(_Model):
    raw: Optional[str] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    recurrence: Optional[Recurrence] = None


class Indicator(_Model):
    source: Source
    group: Optional[Group] = None
    ordinal: str = ""
    name: str
    unit: Optional[str] = None
    lead_raw: Optional[str] = None
    lead: list[str] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    page: Optional[int] = None
    bbox: Optional[BBox] = None


class Task(_Model):
    source: Source
    group: Optional[Group] = None
    ordinal: str = ""
    name: str
    subtask: Optional[str] = None
    solution: Optional[str] = None
    output: Optional[str] = None
    kpi: Optional[str] = None
    lead_raw: Optional[str] = None
    lead: list[str] = Field(default_factory=list)
    partners_raw: Optional[str] = None
    partners: list[str] = Field(default_factory=list)
    deadline: Deadline = Field(default_factory=Deadline)
    note: Optional[str] = None
    page: Optional[int] = None
    bbox: Optional[BBox] = None


class Responsibility(_Model):
    heading: str
    agencies: list[str] = Field(default_factory=list)
    duties: list[str] = Field(default_factory=list)
    page: Optional[int] = None


class Issue(_Model):
    """A warning about one value: what is uncertain, and where it was read."""

    code: str
    message: str
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    value: Optional[str] = None


class Plan(_Model):
    contract: Literal["plan-json/1"] = CONTRACT
    document: Document = Field(default_factory=Document)
    legal_bases: list[LegalBasis] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)

    def to_json_dict(self) -> dict:
        """The plan as plain JSON data (dates as "YYYY-MM-DD")."""
        return self.model_dump(mode="json")
