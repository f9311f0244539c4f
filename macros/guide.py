"""The exam guide as pages: format, domains, task statements with the sections that teach each
item, the in-scope services, and the domain tags on service pages. Pure functions, data in,
Markdown out; every data string escaped. Also the check that every section the guide data points
to exists in the built site (`missing_sections`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from . import sizes
from .models import SiteData
from .registry import Context, UnknownReference, macro
from .render import _service_link, _table, escape, link

EXAM_PAGE = "exam.md"


def _day(value) -> str:
    """`2026-12-01` as `1 December 2026`."""
    return f"{value.day} {value:%B %Y}"


def domain_anchor(domain_id: str) -> str:
    return f"domain-{domain_id}"


def task_anchor(task_id: str) -> str:
    return "task-" + task_id.replace(".", "-")


def page_label(data: SiteData, page: str) -> str:
    """What a reader calls a page: the service's short name, or the page's file name in words."""
    for service in data.services.values():
        if service.page == page:
            return service.short or service.name
    stem = page.rsplit("/", 1)[-1].removesuffix(".md")
    return stem.replace("-", " ").capitalize()


def section_link(data: SiteData, ref: str, page: str) -> str:
    """`services/sqs.md#dead-letter-queues` as `[SQS: dead letter queues](...)`."""
    return f"[{escape(section_label(data, ref))}]({link(ref, page)})"


def section_label(data: SiteData, ref: str) -> str:
    """What a link to a section says: `SQS: dead letter queues`."""
    target, _, anchor = ref.partition("#")
    return page_label(data, target) + (f": {anchor.replace('-', ' ')}" if anchor else "")


def _lazy_table(headers: list[str], rows: list[list[str]], plain: list[list[list[str]]],
                link_columns: frozenset[int] = frozenset()) -> str:
    """A table the browser draws only when it nears the screen on a phone (extra.css), with the
    height its cards will take reserved until then (macros/sizes.py), so the page does not jump.
    `plain`: each cell's text, a line per section link in `link_columns`."""
    height = sizes.rem(sizes.cards_height(plain, tuple(headers), link_columns))
    return f'<div class="lazy-table" data-height-narrow="{height}" markdown>\n\n{_table(headers, rows)}\n\n</div>'


def taught_in(data: SiteData, refs: Iterable[str], page: str) -> str:
    """A table cell of section links, one a line, each a touch target of 24 px or more
    (`.taught-in` in extra.css; Lighthouse's target-size audit measured 20 px)."""
    return '<span class="taught-in">' + "<br>".join(section_link(data, ref, page) for ref in refs) + "</span>"


@macro
def exam_focus(ctx: Context, service: str) -> str:
    """The exam domains a service serves, as tags linking to the exam page; for a service the exam
    guide leaves out, a note saying so instead."""
    data, page = ctx.data, ctx.page
    if service not in data.services:
        raise UnknownReference(f"unknown service {service!r}")
    entry = data.services[service]
    if not entry.in_scope:
        return (
            f'!!! warning "Not on the {escape(data.exam.code)} exam"\n'
            f"    {escape(entry.name)} is not on the exam guide's list of in-scope services. This page "
            f"stays for reference; see [what the exam covers]({link(EXAM_PAGE + '#in-scope-services', page)})."
        )
    domains = {d.id: d for d in data.exam.domains}
    tags = [
        f"[{escape(domains[d].name)} · {domains[d].weight}%]({link(f'{EXAM_PAGE}#{domain_anchor(d)}', page)}){{ .md-tag .domain-tag }}"
        for d in entry.domains
    ]
    from .practice import service_practice_link

    practise = service_practice_link(ctx, service)
    return f"{escape(data.exam.code)} domains: " + " ".join(tags) + "\n{ .exam-domains }" + (f"\n\n{practise}" if practise else "")


@macro
def exam_domains_table(ctx: Context) -> str:
    data, page = ctx.data, ctx.page
    rows = [
        [f"[{escape(d.name)}]({link(f'{EXAM_PAGE}#{domain_anchor(d.id)}', page)})", f"{d.weight}%", str(len(d.tasks))]
        for d in data.exam.domains
    ]
    return _table(["Domain", "Weight", "Task statements"], rows)


@macro
def exam_format(ctx: Context) -> str:
    """The exam's format as a table: questions, time, scoring, question types."""
    exam = ctx.data.exam
    fmt = exam.format
    if fmt is None:
        return "*The exam format is not recorded.*"
    rows = [
        ["Questions", f"{fmt.questions}: {fmt.scored} scored and {fmt.unscored} unscored (not marked as such)"],
        ["Time", f"{fmt.minutes} minutes"],
        ["Result", f"a scaled score from {fmt.score_min} to {fmt.score_max}; {fmt.passing_score} passes"],
    ]
    rows += [[escape(t.name), escape(t.description)] for t in fmt.question_types]
    text = _table(["Format", escape(exam.code)], rows) + f"\n\nSource: [{escape(exam.code)} exam guide]({fmt.source})."
    if fmt.minutes_note:
        text += " " + escape(fmt.minutes_note)
    return text


@macro
def exam_dates(ctx: Context) -> str:
    """Since when the exam is sat, the last day of the one before, and where sources disagree."""
    exam = ctx.data.exam
    parts = []
    if exam.available_from:
        parts.append(f"{escape(exam.code)} is the exam sat since {_day(exam.available_from)}.")
    older = next((p for p in exam.previous if p.last_day), None)
    if older:
        parts.append(f"The last day to sit {escape(older.code)} was {_day(older.last_day)}.")
    text = " ".join(parts)
    if exam.dates_note:
        text += f"\n\n!!! note \"Dates\"\n    {escape(exam.dates_note)}"
    return text


def _previous_with_weights(exam):
    previous = next((p for p in exam.previous if p.weights), None)
    if previous is None:
        raise UnknownReference("exam.yml has no previous exam with 'weights' to compare with")
    return previous


@macro
def exam_weights_change(ctx: Context) -> str:
    """Each domain's weight in the previous exam and in this one, and the task and skill counts."""
    data, page = ctx.data, ctx.page
    exam = data.exam
    old = _previous_with_weights(exam)
    rows = []
    for domain in exam.domains:
        before, now = old.weights[domain.id], domain.weight
        change = "same" if before == now else f"{now - before:+d} points"
        rows.append([f"[{escape(domain.name)}]({link(f'{EXAM_PAGE}#{domain_anchor(domain.id)}', page)})", f"{before}%", f"{now}%", change])
    if old.tasks or old.skills:
        rows.append(["Task statements", str(old.tasks or "?"), str(len(exam.tasks)), ""])
        rows.append(["Numbered skills", str(old.skills or "?"), str(len(exam.skills)), ""])
    return _table(["Domain", escape(old.code), escape(exam.code), "Change"], rows)


@macro
def exam_new_skills(ctx: Context) -> str:
    """The skills new in this exam version, each with the sections that teach it."""
    data, page = ctx.data, ctx.page
    rows = [
        [f"[{escape(skill.id)}]({link(f'{EXAM_PAGE}#{task_anchor(task.id)}', page)})", escape(skill.text),
         taught_in(data, skill.teach, page)]
        for task in data.exam.tasks.values() for skill in task.skills if skill.new
    ]
    return _table(["Skill", "What", "Study it in"], rows)


@macro
def exam_new_services(ctx: Context) -> str:
    """The services on the in-scope list for the first time, with where the site teaches each."""
    data, page = ctx.data, ctx.page
    rows = [
        [escape(group.category), escape(entry.name), section_link(data, entry.page, page) if entry.page else escape(entry.uncovered)]
        for group in data.exam.in_scope for entry in group.services if entry.new
    ]
    return _table(["Category", "Service", "Study it in"], rows)


@macro
def exam_coverage(ctx: Context) -> str:
    """Every domain, its task statements, and for each skill the sections of this site that teach
    it; skills new in this exam version are marked."""
    data, page = ctx.data, ctx.page
    blocks = []
    for domain in data.exam.domains:
        blocks.append(f"## {escape(domain.name)} ({domain.weight}%) {{ #{domain_anchor(domain.id)} }}")
        for task in domain.tasks:
            new = " (new)" if task.new else ""
            blocks.append(f"### Task {escape(task.id)}: {escape(task.name)}{new} {{ #{task_anchor(task.id)} }}")
            rows = [
                [
                    f"{escape(skill.id)}" + (" *new*" if skill.new else ""),
                    escape(skill.text),
                    taught_in(data, skill.teach, page),
                ]
                for skill in task.skills
            ]
            plain = [[[skill.id + (" new" if skill.new else "")], [skill.text], [section_label(data, r) for r in skill.teach]]
                     for skill in task.skills]
            blocks.append(_lazy_table(["Skill", "What", "Taught in"], rows, plain, frozenset({2})))
        services = [s for s in data.services.values() if domain.id in s.domains]
        blocks.append(
            "Service pages tagged with this domain: "
            + ", ".join(_service_link(data, s.id, page) for s in services) + "."
        )
    return "\n\n".join(blocks)


@macro
def exam_scope(ctx: Context) -> str:
    """The guide's in-scope services by category, each with the page that teaches it or why the
    site has none; then the services the guide names as out of scope."""
    data, page = ctx.data, ctx.page
    rows, plain = [], []
    for group in data.exam.in_scope:
        for entry in group.services:
            where = section_link(data, entry.page, page) if entry.page else f"*No page:* {escape(entry.uncovered)}"
            rows.append([escape(group.category), escape(entry.name), where])
            plain.append([[group.category], [entry.name], [section_label(data, entry.page) if entry.page else f"No page: {entry.uncovered}"]])
    text = _lazy_table(["Category", "Service", "On this site"], rows, plain)
    if data.exam.out_of_scope:
        text += "\n\nNamed as out of scope: " + ", ".join(escape(s) for s in data.exam.out_of_scope) + "."
    if data.exam.out_of_scope_tasks:
        text += "\n\nJob tasks the guide says a candidate is not expected to do:\n\n" + "\n".join(
            f"- {escape(task)}" for task in data.exam.out_of_scope_tasks)
    kept = [s for s in data.services.values() if not s.in_scope]
    if kept:
        text += (
            "\n\nPages kept from the original notes for services the exam leaves out: "
            + ", ".join(_service_link(data, s.id, page) for s in kept) + "."
        )
    return text


# The sections the data points to -----------------------------------------------------------------

_ID = re.compile(r"\sid=\"([^\"]+)\"")


def built_path(page: str, use_directory_urls: bool = True) -> str:
    """Where MkDocs writes a page: `services/sqs.md` -> `services/sqs/index.html`."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + ("/index.html" if use_directory_urls else ".html")


def missing_sections(refs: Iterable[tuple[str, str]], pages: dict[str, str], use_directory_urls: bool = True) -> list[str]:
    """For each (section, where-it-is-written) whose page or anchor is not in `pages` (built path ->
    HTML), one line naming the data record and what is missing."""
    ids: dict[str, set[str]] = {}
    problems = []
    for ref, where in refs:
        target, _, anchor = ref.partition("#")
        path = built_path(target, use_directory_urls)
        if path not in pages:
            problems.append(f"{where}: {ref!r}: no page {target} in the site")
            continue
        if path not in ids:
            ids[path] = set(_ID.findall(pages[path]))
        if anchor and anchor not in ids[path]:
            problems.append(f"{where}: {ref!r}: {target} has no section with id {anchor!r}")
    return problems


def missing_sections_in_site(site: Path, refs: list[tuple[str, str]], use_directory_urls: bool = True) -> list[str]:
    """`missing_sections` against a built site folder, reading only the pages the data names."""
    pages = {}
    for ref, _ in refs:
        path = built_path(ref.partition("#")[0], use_directory_urls)
        if path not in pages and (site / path).is_file():
            pages[path] = (site / path).read_text(encoding="utf-8")
    return missing_sections(refs, pages, use_directory_urls)
