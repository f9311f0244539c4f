"""The site's data as open JSON files, each with a JSON Schema generated from the pydantic models
that validate the YAML (one source of truth: a field added to a model appears in both).

    data/limits.json      every limit, with its source and the date it was checked
    data/services.json    the services, their pages and exam domains
    data/questions.json   the practice question bank, limits filled in
    data/exam.json        the exam guide: format, domains, task statements, items
    data/*.schema.json    a JSON Schema (draft 2020-12) for each
    data/limits.csv       the limits as a spreadsheet
    data/flashcards.tsv   question/answer cards (limits, glossary) for Anki, Quizlet or a spreadsheet

Every file carries `schema_version`: a change that breaks readers raises it.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .models import Exam, Limit, Question, Service, SiteData
from .practice import plain_text
from .registry import Context, UnknownReference, macro
from .render import _table, escape

SCHEMA_VERSION = "1"
DIR = "data"


class _Export(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: Literal["1"]
    exam: str


class LimitsExport(_Export):
    limits: list[Limit]


class ServicesExport(_Export):
    services: list[Service]


class QuestionsExport(_Export):
    questions: list[Question]


class ExamExport(_Export):
    guide: Exam


def _questions_with_values(data: SiteData) -> list[Question]:
    """The questions as a reader sees them: `{{ limit('id') }}` replaced by the value."""
    filled = []
    for question in data.questions.values():
        options = [o.model_copy(update={"text": plain_text(data, o.text), "why": plain_text(data, o.why)}) for o in question.options]
        filled.append(question.model_copy(update={"stem": plain_text(data, question.stem), "options": options}))
    return filled


def exports(data: SiteData) -> dict[str, BaseModel]:
    common = {"schema_version": SCHEMA_VERSION, "exam": data.exam.code}
    return {
        "limits": LimitsExport(**common, limits=list(data.limits.values())),
        "services": ServicesExport(**common, services=list(data.services.values())),
        "questions": QuestionsExport(**common, questions=_questions_with_values(data)),
        "exam": ExamExport(**common, guide=data.exam),
    }


def limits_csv(data: SiteData) -> str:
    from .render import limit_kind, limit_value

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "service", "name", "value", "type", "note", "source", "verified"])
    for limit in data.limits.values():
        writer.writerow([limit.id, limit.service, limit.name, limit_value(limit).replace("\\", ""), limit_kind(limit),
                         limit.note or "", limit.source, limit.verified.isoformat()])
    return out.getvalue()


def flashcards_tsv(data: SiteData, glossary: dict[str, str]) -> str:
    """Every flashcard (`macros/cards.py`: limits, self-test questions, abbreviations): front, back,
    tags. The header lines are Anki's (2.1.55 and later read them); Quizlet and spreadsheets take
    the rows as they are."""
    from .cards import decks, plain

    def clean(text: str) -> str:
        return " ".join(str(text).replace("\t", " ").split())

    rows = []
    for deck in decks(data, glossary).values():
        for card in deck.cards:
            parts = [plain(data, card.back), card.source and f"Source: {card.source}"]
            back = " ".join(part if part.endswith(".") else part + "." for part in parts if part)
            rows.append([plain(data, card.front), back, " ".join(card.tags())])
    lines = ["#separator:tab", "#html:false", "#tags column:3"]
    lines += ["\t".join(clean(field) for field in row) for row in rows]
    return "\n".join(lines) + "\n"


def files(data: SiteData, glossary: dict[str, str] | None = None) -> dict[str, str]:
    """Path in the site -> text, for each export and its schema."""
    out = {f"{DIR}/limits.csv": limits_csv(data), f"{DIR}/flashcards.tsv": flashcards_tsv(data, glossary or {})}
    for name, export in exports(data).items():
        out[f"{DIR}/{name}.json"] = export.model_dump_json(indent=1) + "\n"
        schema = type(export).model_json_schema(mode="serialization")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        out[f"{DIR}/{name}.schema.json"] = json.dumps(schema, indent=1, ensure_ascii=False) + "\n"
    return out


# Files made with the site or after it (`tools/pdf.py`, `tools/offline.py`): the Downloads page
# names them, and `finish.downloads.fill_sizes` links each one with its size once it exists.
STUDY_DOWNLOADS = [
    ("downloads/aws-developer-associate-offline.zip", "The whole site in a zip: unzip it and open index.html, no "
     "server, no internet (pages, search, diagrams, practice, mock exam, flashcards, printing)"),
    ("downloads/aws-developer-associate.apkg", "The flashcards as an Anki deck: a sub-deck per service, tags by exam "
     "domain, task statement and skill; importing a newer one updates your cards in place, progress kept"),
    ("pdf/booklet.pdf", "Every revision sheet in one booklet, with contents and page numbers"),
    ("pdf", "One two-page revision sheet per service and skills page, and a questions-only version of each "
     "(linked under each page's title); size of them all"),
]
# How to make each download that a plain build does not: the published site has them all; a copy
# built or served on your own machine says how to make them instead of promising them.
MAKE_LOCALLY = {
    "downloads/aws-developer-associate-offline.zip": ".venv/bin/python tools/offline.py --zip FILE",
    "pdf/booklet.pdf": "bash .ci/pdf",
    "pdf": "bash .ci/pdf",
}


@macro
def downloads_table(ctx: Context, kind: str = "data") -> str:
    """`'study'`: the study downloads, linked with their size once they exist; `'data'`: the open
    data files with their size. What `exports/` and the publishing tools put beside the pages."""
    import html as html_lib

    from .render import link

    if kind not in ("study", "data"):
        raise UnknownReference(f"unknown kind of download {kind!r}; known: 'study', 'data'")
    rows = []
    for path, what in STUDY_DOWNLOADS:
        name = "revision sheets (PDF)" if path == "pdf" else path.rsplit("/", 1)[1]
        attr = html_lib.escape(path)
        pending = "on the published site" + (f"; here: <code>{html_lib.escape(MAKE_LOCALLY[path])}</code>" if path in MAKE_LOCALLY else "")
        rows.append([f'<span data-download="{attr}">{html_lib.escape(name)}</span>', escape(what),
                     f'<span data-download-size="{attr}">{pending}</span>'])
    if kind == "study":
        return _table(["File", "What", "Size"], rows)

    descriptions = {
        "limits": "Every limit: value or range, unit, hard or adjustable, note, AWS source, date checked",
        "services": "The services: names, pages, navigation category, exam domains, in scope or not",
        "questions": "The practice question bank: stems, options, explanations, answers, sources",
        "exam": "The exam guide: code, dates, format, domains, task statements, numbered skills, scope, previous version",
    }
    texts = files(ctx.data, ctx.glossary)
    rows = []
    for name, what in descriptions.items():
        data_path, schema_path = f"{DIR}/{name}.json", f"{DIR}/{name}.schema.json"
        rows.append([
            f"[{name}.json]({link(data_path, ctx.page)})",
            escape(what),
            f"{len(texts[data_path].encode('utf-8')) / 1024:,.0f} KB",
            f"[schema]({link(schema_path, ctx.page)})",
        ])
    for path, what in [(f"{DIR}/limits.csv", "The limits as a spreadsheet (CSV)"),
                       (f"{DIR}/flashcards.tsv", "Every flashcard (limits, self-test questions, abbreviations), tagged by "
                                                 "service, domain, task and skill; imports into Anki (File > Import), Quizlet or a spreadsheet")]:
        rows.append([f"[{path.rsplit('/', 1)[1]}]({link(path, ctx.page)})", escape(what),
                     f"{len(texts[path].encode('utf-8')) / 1024:,.0f} KB", ""])
    return _table(["File", "What", "Size", "JSON Schema"], rows)
