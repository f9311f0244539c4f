"""The question bank as pages: a practice set per task statement (made by `exports/` as generated
pages, `task_pages`), each domain's page as the index of its sets, an overview by domain, task
statement and service, and the bank as JSON for the mock exam. Pure functions.

A set per task statement rather than per domain: with the DVA-C03 bank a domain's page carried 90
questions and 160 KB gzipped, over the practice budget (tools/budgets.py); a task statement's set
is 20 to 40 questions, and a candidate practises the task the exam guide names.

Each question is written as plain HTML that works with JavaScript off: a fieldset of real radio
buttons or checkboxes with labels, then the answer and every option's explanation in a closed
<details class="question"> (which the print stage also collects at the end of the sheet).
`assets/javascripts/practice.js` adds checking, scoring and progress on top.

Question text is plain text from data/questions.yml: it is HTML-escaped, `code` in backticks
becomes <code>, and `{{ limit('id') }}` becomes the limit's value, so a changed limit changes its
questions.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from typing import Iterable

from . import sizes
from .datafiles import LIMIT_CALL
from .guide import section_label
from .models import LETTERS, Question, SiteData
from .registry import Context, UnknownReference, macro
from .render import referenced_value, resolve_limit

PRACTICE_DIR = "practice"
_CODE = re.compile(r"`([^`]+)`")


def practice_page(domain_id: str) -> str:
    """A domain's page: the index of its task statements' sets."""
    return f"{PRACTICE_DIR}/{domain_id}.md"


def task_page(task_id: str) -> str:
    """A task statement's practice set (generated): `practice/task-1-1.md`."""
    return f"{PRACTICE_DIR}/task-{task_id.replace('.', '-')}.md"


def question_anchor(question_id: str) -> str:
    return f"q-{question_id}"


def url(target: str, page: str, directory_urls: bool = True) -> str:
    """The URL of a site page (`services/sqs.md#x`) from the built `page`, as MkDocs writes it
    (`../../services/sqs/#x`, or `../services/sqs.html#x` without directory URLs): for raw HTML,
    which MkDocs does not rewrite."""
    from .guide import built_path

    path, _, anchor = target.partition("#")
    built, here = built_path(path, directory_urls), built_path(page, directory_urls)
    relative = posixpath.relpath(built, posixpath.dirname(here) or ".")
    if directory_urls and relative.endswith("index.html"):
        relative = relative[: -len("index.html")] or "./"
    if path == page:
        relative = ""
    return relative + (f"#{anchor}" if anchor else "")


def text_html(data: SiteData, text: str) -> str:
    """Question text as HTML: escaped, `code` spans, limit values filled in."""

    def value(match: re.Match) -> str:
        limit, bound = resolve_limit(data, match.group(1))
        return referenced_value(limit, bound).replace("\\", "")

    parts = _CODE.split(" ".join(text.split()))
    out = []
    for n, part in enumerate(parts):
        escaped = html.escape(LIMIT_CALL.sub(value, part), quote=False)
        out.append(f"<code>{escaped}</code>" if n % 2 else escaped)
    return "".join(out)


def plain_text(data: SiteData, text: str) -> str:
    """Question text for the JSON bank: limits filled in, backticks kept (the script renders them)."""
    return LIMIT_CALL.sub(lambda m: referenced_value(*resolve_limit(data, m.group(1))).replace("\\", ""), " ".join(text.split()))


def question_html(ctx: Context, question: Question, number: int) -> str:
    data, page = ctx.data, ctx.page
    multiple = len(question.answer) > 1
    kind = "checkbox" if multiple else "radio"
    qid = question_anchor(question.id)
    services = [data.services[s] for s in question.services]
    meta = f"Question {number} · Task {question.task} · " + ", ".join(html.escape(s.short or s.name) for s in services)
    options = []
    for letter, option in zip(LETTERS, question.options):
        oid = f"{qid}-{letter.lower()}"
        options.append(
            f'<div class="practice-option"><input type="{kind}" name="{qid}" id="{oid}" value="{letter}">'
            f'<label for="{oid}"><span class="practice-letter">{letter}.</span> {text_html(data, option.text)}</label></div>'
        )
    explanations = "".join(
        f'<li data-letter="{letter}"><strong>{letter}</strong> '
        f'({"right" if letter in question.answer else "wrong"}): {text_html(data, option.why)}</li>'
        for letter, option in zip(LETTERS, question.options)
    )
    learn = " · ".join(f'<a href="{html.escape(url(ref, page, ctx.directory_urls))}">{html.escape(section_label(data, ref))}</a>' for ref in question.teach)
    answer = ", ".join(question.answer)
    # The height the question takes on a phone, reserved until the browser draws it (extra.css).
    words = [plain_text(data, t).replace("`", "") for t in (question.stem, *(o.text for o in question.options))]
    height = sizes.question_height(html.unescape(meta), words[0], [f"{letter}. {text}" for letter, text in zip(LETTERS, words[1:])])
    return (
        f'<section class="practice-question" id="{qid}" data-id="{html.escape(question.id)}" data-task="{question.task}" '
        f'data-services="{" ".join(question.services)}" data-answer="{"".join(question.answer)}" '
        f'data-height-narrow="{sizes.rem(height)}">'
        f'<fieldset><legend><span class="practice-meta">{meta}</span> <span class="practice-stem">{text_html(data, question.stem)}</span></legend>'
        + "".join(options)
        + "</fieldset>"
        '<div class="practice-actions"><button type="button" class="md-button practice-check">Check answer</button>'
        '<p class="practice-result" role="status"></p></div>'
        # The explanations stay out of the search index (Material's data-search-exclude): they were
        # 40 % of it, built again by every page a reader opens, and a question's wording should not
        # outrank the page that teaches the term.
        f'<details class="question" data-search-exclude><summary>Answer and explanations</summary>'
        f'<p><strong>Answer: {answer}</strong></p><ul>{explanations}</ul>'
        f'<p>Re-read: {learn} · Source: <a href="{html.escape(question.source)}">AWS documentation</a> '
        f'(checked {question.verified.isoformat()})</p></details></section>'
    )


def questions_of(data: SiteData, domain_number: int | None = None) -> list[Question]:
    return [q for q in data.questions.values() if domain_number is None or q.domain_number == domain_number]


# The controls of a practice page; invisible (not absent) until the script runs, so nothing moves.
PRACTICE_BAR = (
    '<div class="practice-bar" data-practice-domain="{domain}"><p class="practice-status" role="status" data-service-names="{names}"></p>'
    '<a class="practice-all" href="./" hidden>Show every question of this set</a>'
    '<label class="practice-toggle"><input type="checkbox" id="practice-one"> One question at a time</label></div>'
    '<div class="practice-nav" hidden><button type="button" class="md-button" data-go="prev">Previous</button>'
    '<button type="button" class="md-button" data-go="next">Next</button></div>'
)


def _task(data: SiteData, task_id: str):
    if task_id not in data.exam.tasks:
        raise UnknownReference(f"unknown task statement {task_id!r}; known: {', '.join(data.exam.tasks)}")
    return data.exam.tasks[task_id]


@macro
def practice_questions(ctx: Context, task: str) -> str:
    """Every question of one task statement, numbered from 1 (a task statement's practice set)."""
    data = ctx.data
    _task(data, task)
    domain = data.exam.domain_of(task)
    questions = [q for q in data.questions.values() if q.task == task]
    if not questions:
        return "*No questions for this task statement yet.*"
    # The names of the services this set touches, for its status line ("5 questions on STS, SDKs and
    # CLI" when filtered by `?service=sts`).
    services = {s: ctx.data.services[s].short or ctx.data.services[s].name for q in questions for s in q.services}
    names = html.escape(json.dumps(services, separators=(",", ":"), ensure_ascii=False), quote=True)
    return "\n\n".join([PRACTICE_BAR.format(domain=domain.id, names=names)]
                       + [question_html(ctx, question, n) for n, question in enumerate(questions, start=1)])


@macro
def practice_tasks(ctx: Context, domain: str) -> str:
    """A domain's task statements, each with its practice set, its question count and the services
    its questions touch."""
    from .render import _table, escape, link

    data, page = ctx.data, ctx.page
    domains = {d.id: d for d in data.exam.domains}
    if domain not in domains:
        raise UnknownReference(f"unknown exam domain {domain!r}; known: {', '.join(domains)}")
    rows = []
    for task in domains[domain].tasks:
        questions = [q for q in data.questions.values() if q.task == task.id]
        services = sorted({s for q in questions for s in q.services}, key=lambda s: list(data.services).index(s))
        rows.append([
            f"[Task {escape(task.id)}: {escape(task.name)}]({link(task_page(task.id), page)})",
            str(len(questions)),
            ", ".join(escape(data.services[s].short or data.services[s].name) for s in services),
        ])
    return _table(["Task statement", "Questions", "Services"], rows)


# Material's per-page search boost for the practice sets: short pages that name a feature in a stem
# outranked the page that teaches it ("GenerateDataKeyWithoutPlaintext" found task 2.2 before KMS;
# at 0.5 "maxReceiveCount", "ApplyGuardrail" and "waitForTaskToken" still found a set first).
PRACTICE_SEARCH_BOOST = 0.1


def task_pages(data: SiteData) -> dict[str, str]:
    """The Markdown of every task statement's practice set: a title, a line on how to use it, and
    one macro call (made by `exports/`, like the flashcard pages)."""
    pages = {}
    for domain in data.exam.domains:
        for task in domain.tasks:
            title = f"Practice: Task {task.id}"
            description = f"Exam-style practice questions for task {task.id} of the AWS Developer Associate exam, {task.name}, each option explained."
            yaml_text = lambda text: "'" + text.replace("'", "''") + "'"  # noqa: E731
            pages[task_page(task.id)] = (
                f"---\ntitle: {yaml_text(title + ' · ' + task.name)}\ndescription: {yaml_text(description)}\npractice: true\n"
                # A set names a feature in passing, a teaching page explains it: the set ranks below.
                f"search:\n  boost: {PRACTICE_SEARCH_BOOST}\n---\n\n"
                f"# {html.escape(title, quote=False)}\n\n**{html.escape(task.name, quote=False)}** ({html.escape(domain.name, quote=False)}). "
                "Choose an answer, then check it: every option is explained, with the section to re-read. "
                "With JavaScript off, open \"Answer and explanations\" under each question. Printing this page "
                "puts the answers at the end.\n\n"
                f"{{{{ practice_questions('{task.id}') }}}}\n"
            )
    return pages


def _count_links(items: Iterable[tuple[str, str, int]]) -> str:
    return ", ".join(f"[{label} ({count})]({target})" for label, target, count in items if count)


@macro
def practice_overview(ctx: Context) -> str:
    """How many questions there are per domain, task statement and service, linking to each set."""
    from .render import _table, escape, link

    data, page = ctx.data, ctx.page
    numbers = {d.id: n for n, d in enumerate(data.exam.domains, start=1)}
    rows = []
    for domain in data.exam.domains:
        domain_questions = questions_of(data, numbers[domain.id])
        tasks = ", ".join(
            f"[{t.id}]({link(task_page(t.id), page)}) ({sum(q.task == t.id for q in domain_questions)})"
            for t in domain.tasks
        )
        rows.append([
            f"[{escape(domain.name)}]({link(practice_page(domain.id), page)})",
            f"{domain.weight}%", str(len(domain_questions)), tasks,
        ])
    table = _table(["Domain", "Exam weight", "Questions", "By task statement"], rows)
    service_rows = []
    for service in data.services.values():
        per_task = [
            (escape(task_id), link(task_page(task_id), page) + f"?service={service.id}",
             sum(q.task == task_id and service.id in q.services for q in data.questions.values()))
            for task_id in data.exam.tasks
        ]
        total = sum(count for _, _, count in per_task)
        if total:
            service_rows.append([escape(service.short or service.name), str(total), _count_links(per_task)])
    services = _table(["Service", "Questions", "Practise by task statement"], service_rows)
    return f"{table}\n\n## By service {{ #by-service }}\n\n{services}"


MOCK_PAGE = f"{PRACTICE_DIR}/mock.md"
REVIEW_PAGE = f"{PRACTICE_DIR}/review.md"
BANK_FILE = f"{PRACTICE_DIR}/question-bank.js"


def bank_data(data: SiteData, directory_urls: bool = True) -> dict:
    """The whole bank and the exam's shape, for the mock exam and the review page: every URL in it
    is relative to the mock exam page, and so right from any page in practice/ (the review page).
    `services` names each service that has questions by its short name, for titles such as
    "12 questions on STS, SDKs and CLI"."""
    exam, page = data.exam, MOCK_PAGE
    fmt = exam.format
    return {
        "exam": {
            "code": exam.code,
            "questions": fmt.questions if fmt else 65,
            "minutes": fmt.minutes if fmt else 130,
            "passing": fmt.passing_score if fmt else 720,
            "min": fmt.score_min if fmt else 100,
            "max": fmt.score_max if fmt else 1000,
            "mocks": data.mocks,
            "domains": [
                {"id": d.id, "name": d.name, "weight": d.weight, "page": url(practice_page(d.id), page, directory_urls),
                 "tasks": [{"id": t.id, "name": t.name} for t in d.tasks]}
                for d in exam.domains
            ],
        },
        "questions": [
            {
                "id": q.id,
                "task": q.task,
                "domain": exam.domains[q.domain_number - 1].id,
                "services": q.services,
                "stem": plain_text(data, q.stem),
                "options": [plain_text(data, o.text) for o in q.options],
                "why": [plain_text(data, o.why) for o in q.options],
                "answer": q.answer,
                "learn": [[section_label(data, ref), url(ref, page, directory_urls)] for ref in q.teach],
                "page": url(task_page(q.task) + "#" + question_anchor(q.id), page, directory_urls),
                **({"mock": q.mock} if q.mock else {}),
            }
            for q in data.questions.values()
        ],
        "services": {
            s.id: s.short or s.name for s in data.services.values() if any(s.id in q.services for q in data.questions.values())
        },
    }


def bank_script(data: SiteData, directory_urls: bool = True) -> str:
    """The bank as a script that sets `window.questionBank`: a file of the site (allowed by the
    Content-Security-Policy), loaded by the mock exam when an exam starts, so the page itself stays
    light; a script tag, unlike fetch(), also works from a folder opened with file://."""
    text = json.dumps(bank_data(data, directory_urls), ensure_ascii=False, separators=(",", ":"))
    return f"window.questionBank = {text};\n"


@macro
def question_bank_url(ctx: Context) -> str:
    """The URL of the bank script from the page being rendered."""
    from .guide import built_path

    here = built_path(ctx.page, ctx.directory_urls)
    return posixpath.relpath(BANK_FILE, posixpath.dirname(here) or ".")


@macro
def practice_domains_json(ctx: Context) -> str:
    """The domains with their practice page and question count, as an HTML attribute value (JSON),
    for the progress panel."""
    data = ctx.data
    domains = [
        {"id": d.id, "name": d.name, "url": url(practice_page(d.id), ctx.page, ctx.directory_urls), "count": len(questions_of(data, n)),
         "tasks": [{"id": t.id, "name": t.name, "url": url(task_page(t.id), ctx.page, ctx.directory_urls)} for t in d.tasks]}
        for n, d in enumerate(data.exam.domains, start=1)
    ]
    return html.escape(json.dumps(domains, separators=(",", ":")), quote=True)


@macro
def practice_exam_json(ctx: Context) -> str:
    """The exam's length and scale, as an HTML attribute value (JSON), for the readiness chart."""
    bank = bank_data(ctx.data)["exam"]
    shape = {k: bank[k] for k in ("questions", "passing", "min", "max")}
    return html.escape(json.dumps(shape, separators=(",", ":")), quote=True)


@macro
def review_page_url(ctx: Context) -> str:
    """The URL of the review page from the page being rendered, for raw HTML."""
    return url(REVIEW_PAGE, ctx.page, ctx.directory_urls)


def service_practice_link(ctx: Context, service_id: str) -> str:
    """"Practise the N questions on <service>", linking the review page's set of that service; empty
    when no question is tagged with it, or the site has no review page. Raw HTML, so the query string
    survives both URL styles."""
    data = ctx.data
    count = sum(service_id in q.services for q in data.questions.values())
    if not count or REVIEW_PAGE not in ctx.pages:
        return ""
    service = data.services[service_id]
    href = url(REVIEW_PAGE, ctx.page, ctx.directory_urls) + f"?service={service_id}"
    name = html.escape(service.short or service.name)
    noun = "question" if count == 1 else "questions"
    return f'<p class="service-practice print-hide"><a href="{html.escape(href)}">Practise the {count} {noun} on {name}</a></p>'

