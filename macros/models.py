"""The schema of the site's data files.

Every model forbids unknown fields, so a typo in a field name is an error rather than a silently
ignored value. Checks that need more than one record (unique ids, known services, related ids)
live in `SiteData`, the model of all data files together.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Optional, Union
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


# Sizes and durations as the AWS pages write them. A unit that starts with a size or a duration
# must start with one of these words, so "Mb", "kb", "MBs", "secs" or "hrs" is refused; a rate
# follows with " per ..." or "/s" (as EBS writes MiB/s).
SIZE_UNITS = ("byte", "bytes", "KB", "KiB", "MB", "MiB", "GB", "GiB", "TB", "TiB")
TIME_UNITS = ("millisecond", "milliseconds", "second", "seconds", "minute", "minutes", "hour", "hours",
              "day", "days", "week", "weeks", "month", "months", "year", "years")
# What looks like a size or a duration, whatever its spelling.
_SIZE_OR_TIME = re.compile(
    r"^(?:[kmgtp]i?b(?:ytes?|s)?|bytes?|(?:kilo|mega|giga|tera)(?:bytes?|bits?)?|[kmgt]bits?|bits?"
    r"|ms|msecs?|millisec(?:ond)?s?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|wks?|weeks?"
    r"|months?|y|yrs?|years?)$",
    re.I,
)


def _check_unit(unit: str) -> str:
    _check_text(unit)
    head, _, rest = unit.partition(" ")
    base, slash, per = head.partition("/")
    if _SIZE_OR_TIME.match(base) and base not in SIZE_UNITS + TIME_UNITS:
        allowed = ", ".join(SIZE_UNITS + TIME_UNITS)
        raise ValueError(f"unit {unit!r}: write sizes and durations as AWS does ({allowed})")
    if slash and (base not in SIZE_UNITS or per != "s"):
        raise ValueError(f"unit {unit!r}: only a size per second may use a slash (MiB/s); else write 'per'")
    return unit


SourceUrl = Annotated[StrictStr, AfterValidator(_check_source_url)]
VerifiedDate = Annotated[dt.date, AfterValidator(_check_not_future)]
Text = Annotated[StrictStr, AfterValidator(_check_text)]
Unit = Annotated[StrictStr, AfterValidator(_check_unit)]
Number = Union[StrictInt, StrictFloat]
Slug = Annotated[StrictStr, Field(pattern=ID_PATTERN)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------------------------
# data/exam.yml


SECTION_PATTERN = r"^[a-z0-9][a-z0-9/_-]*\.md#[A-Za-z0-9_-]+$"
# A section of a page of the site: `services/sqs.md#dead-letter-queues`. The build checks that the
# page has an element with that id.
SectionRef = Annotated[StrictStr, Field(pattern=SECTION_PATTERN)]
PageRef = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9/_-]*\.md(?:#[A-Za-z0-9_-]+)?$")]


SKILL_ID = r"^\d\.\d\.\d+$"  # "2.3.4": skill 4 of task statement 2.3, as the guide numbers it


class Skill(Strict):
    """One numbered skill of a task statement ("Skill 2.3.4" in the guide), in our words, and the
    page sections that teach it. `new`: first in this exam version (the changes page lists it)."""

    id: Annotated[StrictStr, Field(pattern=SKILL_ID)]
    text: Text
    teach: list[SectionRef] = Field(min_length=1)
    new: StrictBool = False

    @model_validator(mode="after")
    def _no_repeated_section(self) -> "Skill":
        _no_duplicates(self.teach, "section")
        return self


class Task(Strict):
    id: Annotated[StrictStr, Field(pattern=r"^\d\.\d$")]
    name: Text
    new: StrictBool = False
    skills: list[Skill] = Field(min_length=1)

    @model_validator(mode="after")
    def _skills_belong_to_the_task(self) -> "Task":
        for number, skill in enumerate(self.skills, start=1):
            if skill.id != f"{self.id}.{number}":
                raise ValueError(f"skill {skill.id!r} should be {self.id}.{number}: skills are numbered in order from 1 under their task")
        return self


class Domain(Strict):
    id: Slug
    name: Text
    weight: Annotated[StrictInt, Field(gt=0, le=100)]
    source: Optional[SourceUrl] = None
    tasks: list[Task] = []


class QuestionType(Strict):
    id: Slug
    name: Text
    description: Text


class ExamFormat(Strict):
    questions: Annotated[StrictInt, Field(gt=0)]
    scored: Annotated[StrictInt, Field(gt=0)]
    unscored: Annotated[StrictInt, Field(ge=0)]
    minutes: Annotated[StrictInt, Field(gt=0)]
    minutes_note: Optional[Text] = None  # where the time comes from, when the guide does not state it
    passing_score: StrictInt
    score_min: StrictInt
    score_max: StrictInt
    question_types: list[QuestionType] = Field(min_length=1)
    source: SourceUrl

    @model_validator(mode="after")
    def _numbers_agree(self) -> "ExamFormat":
        if self.scored + self.unscored != self.questions:
            raise ValueError(f"scored ({self.scored}) + unscored ({self.unscored}) must equal questions ({self.questions})")
        if not self.score_min < self.passing_score <= self.score_max:
            raise ValueError(f"passing_score {self.passing_score} must lie in {self.score_min}-{self.score_max}")
        return self


class ScopeEntry(Strict):
    """A service on the guide's in-scope list, and where the site teaches it: a page or section,
    or, when the site has none, why (`uncovered`)."""

    name: Text
    page: Optional[PageRef] = None
    uncovered: Optional[Text] = None
    new: StrictBool = False  # on the list for the first time in this exam version

    @model_validator(mode="after")
    def _page_or_reason(self) -> "ScopeEntry":
        if (self.page is None) == (self.uncovered is None):
            raise ValueError("give either 'page' (where the site teaches it) or 'uncovered' (why it has no page), not both")
        return self


class ScopeGroup(Strict):
    category: Text
    services: list[ScopeEntry] = Field(min_length=1)


class PreviousExam(Strict):
    """An earlier version of the exam: its code and, where known, its last day and its shape, for
    the page that tells candidates with older material what changed."""

    code: Text
    last_day: Optional[dt.date] = None
    guide: Optional[SourceUrl] = None
    weights: dict[Slug, Annotated[StrictInt, Field(gt=0, le=100)]] = {}
    tasks: Optional[Annotated[StrictInt, Field(gt=0)]] = None
    skills: Optional[Annotated[StrictInt, Field(gt=0)]] = None

    @model_validator(mode="after")
    def _weights_add_up(self) -> "PreviousExam":
        if self.weights and sum(self.weights.values()) != 100:
            raise ValueError(f"weights of {self.code} must add up to 100, they add up to {sum(self.weights.values())}")
        return self


class Exam(Strict):
    code: Text
    name: Text
    guide: SourceUrl
    verified: VerifiedDate
    available_from: Optional[dt.date] = None
    # Where sources disagree (dates, for example): said on the pages, not settled silently.
    dates_note: Optional[Text] = None
    domains: list[Domain] = Field(min_length=1)
    previous: list[PreviousExam] = []
    format: Optional[ExamFormat] = None
    in_scope: list[ScopeGroup] = []
    out_of_scope: list[Text] = []
    out_of_scope_tasks: list[Text] = []
    sources: list[SourceUrl] = []

    @model_validator(mode="after")
    def _weights_add_up(self) -> "Exam":
        total = sum(d.weight for d in self.domains)
        if total != 100:
            raise ValueError(f"domain weights must add up to 100, they add up to {total}")
        _no_duplicates([d.id for d in self.domains], "domain id")
        for number, domain in enumerate(self.domains, start=1):
            for task in domain.tasks:
                if not task.id.startswith(f"{number}."):
                    raise ValueError(f"task {task.id} is listed under domain {number} ({domain.id})")
        _no_duplicates([t.id for d in self.domains for t in d.tasks], "task id")
        ids = {d.id for d in self.domains}
        for old in self.previous:
            if old.weights and set(old.weights) != ids:
                raise ValueError(f"previous exam {old.code}: weights name domains {sorted(old.weights)}, the exam has {sorted(ids)}")
        return self

    @property
    def tasks(self) -> dict[str, "Task"]:
        return {t.id: t for d in self.domains for t in d.tasks}

    @property
    def skills(self) -> dict[str, Skill]:
        return {s.id: s for d in self.domains for t in d.tasks for s in t.skills}

    def domain_of(self, task_id: str) -> Domain:
        return self.domains[int(task_id.split(".")[0]) - 1]

    def domain_split(self, total: int) -> dict[str, int]:
        """How many of `total` questions each domain gets: its weight's share, the questions left
        over going to the largest remainders (65 in DVA-C03's weights: 20, 17, 14, 14). The mock
        exam's script draws with the same rule."""
        exact = [(total * d.weight / 100, n) for n, d in enumerate(self.domains)]
        counts = [int(x) for x, _ in exact]
        for _, n in sorted(exact, key=lambda e: e[0] - int(e[0]), reverse=True)[: total - sum(counts)]:
            counts[n] += 1
        return {d.id: counts[n] for n, d in enumerate(self.domains)}


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
    domains: list[Slug] = []
    in_scope: StrictBool
    # What a candidate types into the search box and expects this page to answer first, besides
    # its name: abbreviations and core concepts ("GSI", "cold start"). They become the page's
    # search tags (macros/search.py), so keep them specific: every word of them draws searches.
    keywords: list[Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9 @$-]*[A-Za-z0-9]$")]] = []

    @model_validator(mode="after")
    def _domains_only_in_scope(self) -> "Service":
        _no_duplicates([k.lower() for k in self.keywords], "keyword")
        if self.in_scope and not self.domains:
            raise ValueError("a service in scope for the exam needs at least one exam domain in 'domains'")
        if not self.in_scope and self.domains:
            raise ValueError("a service out of scope for the exam carries no exam domains")
        return self


class ServicesFile(Strict):
    categories: list[Category] = Field(min_length=1)
    services: list[Service] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# data/limits.yml


class Quantity(Strict):
    value: Number
    unit: Unit


Bound = Union[Number, Quantity]


class HistoryEntry(Strict):
    """An earlier value: what the original notes (or an older AWS page) said, and until when."""

    value: Union[Number, Text]
    unit: Optional[Unit] = None
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
    unit: Optional[Unit] = None
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
# data/questions.yml

LETTERS = "ABCDEFGH"
_CHOOSE = re.compile(r"\((?:Choose|Select) (two|three|four)\.\)")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4}


class Option(Strict):
    text: Text
    why: Text  # why this option is right or wrong: shown after answering


class Question(Strict):
    """One exam-style question: a scenario, four options (one right) or five or more (the stem says
    how many to choose), an explanation for every option, and where to learn and check it."""

    id: Slug
    task: Annotated[StrictStr, Field(pattern=r"^\d\.\d$")]
    skills: list[Annotated[StrictStr, Field(pattern=SKILL_ID)]] = Field(min_length=1)
    services: list[Slug] = Field(min_length=1)
    stem: Text
    options: list[Option] = Field(min_length=4, max_length=len(LETTERS))
    answer: list[Annotated[StrictStr, Field(pattern=r"^[A-H]$")]] = Field(min_length=1)
    teach: list[SectionRef] = Field(min_length=1)
    source: SourceUrl
    verified: VerifiedDate
    # The fixed mock exam (1 to `mocks` of the file) this question belongs to, if any: tools/mocks.py
    # fills it, the loader checks each mock's weights.
    mock: Optional[Annotated[StrictInt, Field(ge=1)]] = None

    @model_validator(mode="after")
    def _answers_fit_the_stem(self) -> "Question":
        _no_duplicates(self.answer, "answer")
        letters = LETTERS[: len(self.options)]
        for letter in self.answer:
            if letter not in letters:
                raise ValueError(f"answer {letter!r} is not an option (options are {', '.join(letters)})")
        match = _CHOOSE.search(self.stem)
        if len(self.answer) == 1:
            if match:
                raise ValueError(f"the stem says {match.group(0)!r} but there is one answer")
            if len(self.options) != 4:
                raise ValueError(f"a single-answer question has 4 options, this one has {len(self.options)}")
        else:
            wanted = _NUMBER_WORDS.get(match.group(1)) if match else None
            if wanted != len(self.answer):
                said = f"says {match.group(0)!r}" if match else "does not say how many to choose, e.g. '(Choose two.)'"
                raise ValueError(f"{len(self.answer)} answers, but the stem {said}")
            if len(self.options) < 5:
                raise ValueError(f"a multiple-response question has 5 or more options, this one has {len(self.options)}")
        _no_duplicates(self.skills, "skill")
        for skill in self.skills:
            if not skill.startswith(self.task + "."):
                raise ValueError(f"skill {skill!r} is not under task {self.task}")
        return self

    @property
    def domain_number(self) -> int:
        return int(self.task.split(".")[0])


class QuestionsFile(Strict):
    # How many fixed mock exams the bank holds (Mock 1 to Mock N), each drawn in the exam's weights.
    mocks: Annotated[StrictInt, Field(ge=0)] = 0
    questions: list[Question] = []


# ---------------------------------------------------------------------------------------------
# data/selftest.yml

_HTML_TAG = re.compile(r"<[A-Za-z/!]")


def _check_card_text(text: str) -> str:
    outside_code = re.sub(r"`[^`]*`", "", text)
    if _HTML_TAG.search(outside_code):
        raise ValueError("HTML is not allowed; write Markdown (put code, such as <tags>, in backticks)")
    if "\n" in text.strip():
        raise ValueError("must be one paragraph on one line")
    return text


CardText = Annotated[StrictStr, AfterValidator(_check_text), AfterValidator(_check_card_text)]


def _check_card_question(text: str) -> str:
    if '"' in text:
        raise ValueError('a self-test question is a summary line and cannot contain \'"\'; use \' or “ ”')
    return text


class SelfTestCard(Strict):
    """A short recall question and its answer, shown at the end of its page and as a flashcard."""

    id: Slug
    question: Annotated[CardText, AfterValidator(_check_card_question)]
    answer: CardText


class SelfTestPage(Strict):
    page: Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$")]
    cards: list[SelfTestCard] = Field(min_length=1)


class SelfTestFile(Strict):
    pages: list[SelfTestPage] = []


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
    questions: dict[str, Question] = {}
    mocks: int = 0  # the fixed mock exams (Mock 1 to N) of questions.yml
    # The self-test cards of each page (`services/sqs.md`), in page order.
    self_tests: dict[str, tuple[SelfTestCard, ...]] = {}
    # (page#anchor, where the data names it): checked against the built site (guide.missing_sections).
    section_refs: list[tuple[str, str]] = []

    def limits_of(self, service: str) -> list[Limit]:
        return [l for l in self.limits.values() if l.service == service]

    def limits_on(self, topic: str) -> list[Limit]:
        return [l for l in self.limits.values() if l.topic == topic]

