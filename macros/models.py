"""The schema of the site's data files.

Every model forbids unknown fields, so a typo in a field name is an error rather than a silently
ignored value. Checks that need more than one record (unique ids, known services, related ids)
live in `SiteData`, the model of all data files together.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Optional, Union
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)

# A source must be AWS's own documentation: the developer guides and references, or the
# service's FAQ and what's-new pages where a quota is only published there.
ALLOWED_SOURCE_HOSTS = frozenset({"docs.aws.amazon.com", "aws.amazon.com"})

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LIMIT_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$"
# "when" in a history entry: a year, a month or a day, as precise as AWS announced it.
WHEN_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
BOUNDS = ("min", "default", "max")


def _check_source_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise ValueError(f"source URL must use https, got {url!r}")
    if parts.hostname not in ALLOWED_SOURCE_HOSTS:
        allowed = ", ".join(sorted(ALLOWED_SOURCE_HOSTS))
        raise ValueError(f"source URL must be on an AWS documentation host ({allowed}), got {url!r}")
    if re.search(r"[\s<>\"'`()\[\]{}|\\^]", url):
        raise ValueError(f"source URL contains a character that is not allowed in a link: {url!r}")
    return url


def _check_not_future(day: dt.date) -> dt.date:
    if day > dt.date.today():
        raise ValueError(f"date {day.isoformat()} is in the future")
    return day


def _check_text(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text


SourceUrl = Annotated[StrictStr, AfterValidator(_check_source_url)]
VerifiedDate = Annotated[dt.date, AfterValidator(_check_not_future)]
Text = Annotated[StrictStr, AfterValidator(_check_text)]
Number = Union[StrictInt, StrictFloat]
Slug = Annotated[StrictStr, Field(pattern=ID_PATTERN)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------------------------
# data/exam.yml


class Domain(Strict):
    id: Slug
    name: Text
    weight: Annotated[StrictInt, Field(gt=0, le=100)]


class Exam(Strict):
    code: Text
    name: Text
    guide: SourceUrl
    verified: VerifiedDate
    domains: list[Domain] = Field(min_length=1)
    previous: list[Text] = []

    @model_validator(mode="after")
    def _weights_add_up(self) -> "Exam":
        total = sum(d.weight for d in self.domains)
        if total != 100:
            raise ValueError(f"domain weights must add up to 100, they add up to {total}")
        _no_duplicates([d.id for d in self.domains], "domain id")
        return self


class ExamFile(Strict):
    exam: Exam


# ---------------------------------------------------------------------------------------------
# data/services.yml


class Category(Strict):
    id: Slug
    name: Text


class Service(Strict):
    id: Slug
    name: Text
    short: Optional[Text] = None
    category: Slug
    page: Annotated[StrictStr, Field(pattern=r"^services/[a-z0-9-]+\.md$")]
    summary: Text
    domains: list[Slug] = Field(min_length=1)


class ServicesFile(Strict):
    categories: list[Category] = Field(min_length=1)
    services: list[Service] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# data/limits.yml


class Quantity(Strict):
    value: Number
    unit: Text


Bound = Union[Number, Quantity]


class HistoryEntry(Strict):
    """An earlier value: what the original notes (or an older AWS page) said, and until when."""

    value: Union[Number, Text]
    unit: Optional[Text] = None
    until: Annotated[StrictStr, Field(pattern=WHEN_PATTERN)]
    note: Optional[Text] = None
    source: Optional[SourceUrl] = None


class Topic(Strict):
    id: Slug
    name: Text
    description: Optional[Text] = None


class Limit(Strict):
    id: Annotated[StrictStr, Field(pattern=LIMIT_ID_PATTERN)]
    service: Slug
    name: Text
    # Either one value, or a range given as min/default/max (any of them).
    value: Optional[Union[Number, Text]] = None
    unit: Optional[Text] = None
    min: Optional[Bound] = None
    default: Optional[Bound] = None
    max: Optional[Bound] = None
    adjustable: StrictBool
    note: Optional[Text] = None
    topic: Optional[Slug] = None
    related: list[Annotated[StrictStr, Field(pattern=LIMIT_ID_PATTERN)]] = []
    source: SourceUrl
    verified: VerifiedDate
    history: list[HistoryEntry] = []

    @model_validator(mode="after")
    def _value_or_range(self) -> "Limit":
        bounds = {b: getattr(self, b) for b in BOUNDS if getattr(self, b) is not None}
        if self.value is None and not bounds:
            raise ValueError("needs 'value', or at least one of 'min', 'default', 'max'")
        if self.value is not None and bounds:
            raise ValueError(f"has both 'value' and {', '.join(repr(b) for b in bounds)}; use one form")
        if isinstance(self.value, str) and self.unit is not None:
            raise ValueError("a text value (such as 'unlimited') takes no 'unit'")
        if isinstance(self.value, (int, float)) and self.unit is None:
            raise ValueError("a numeric 'value' needs a 'unit'")
        for name, bound in bounds.items():
            if not isinstance(bound, Quantity) and self.unit is None:
                raise ValueError(f"'{name}' is a bare number, so the limit needs a 'unit'")
        if self.id.rsplit(".", 1)[-1] in BOUNDS:
            raise ValueError("id must not end in .min, .default or .max: those name a bound of a range")
        _no_duplicates(self.related, "related id")
        if self.id in self.related:
            raise ValueError("a limit cannot be related to itself")
        return self

    def quantity(self, bound: Optional[str] = None) -> Union[Quantity, str]:
        """The value of the limit, or of one bound of its range, with its unit."""
        raw = self.value if bound is None else getattr(self, bound)
        if isinstance(raw, Quantity) or isinstance(raw, str):
            return raw
        return Quantity(value=raw, unit=self.unit)

    @property
    def bounds(self) -> dict[str, Quantity]:
        return {b: self.quantity(b) for b in BOUNDS if getattr(self, b) is not None}

    @property
    def anchor(self) -> str:
        return "limit-" + self.id.replace(".", "-")


class LimitsFile(Strict):
    topics: list[Topic] = []
    limits: list[Limit] = []


# ---------------------------------------------------------------------------------------------
# All files together


def _no_duplicates(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)


class SiteData(BaseModel):
    """Everything the macros need, cross-checked. Built by `load.load_site_data`."""

    model_config = ConfigDict(frozen=True)

    exam: Exam
    categories: dict[str, Category]
    services: dict[str, Service]
    topics: dict[str, Topic]
    limits: dict[str, Limit]

    def limits_of(self, service: str) -> list[Limit]:
        return [l for l in self.limits.values() if l.service == service]

    def limits_on(self, topic: str) -> list[Limit]:
        return [l for l in self.limits.values() if l.topic == topic]

