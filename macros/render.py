"""Pure functions: data in, Markdown out. No I/O, no globals.

Every string that comes from the data goes through `escape` (or `escape_attr` inside raw HTML), so
a name such as `<script>` or `a | b` shows as written and cannot break a table or inject markup.
Links are relative to the page being rendered (`page`, a path under docs/ such as
`services/sqs.md`), so MkDocs validates every one of them.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Iterable, Optional, Union

from . import sizes
from .models import BOUNDS, Limit, Quantity, SiteData
from .registry import Context, UnknownReference, macro

INDEX_PAGE = "limits.md"
INDEX_COLUMNS = ("Limit", "Value", "Type")

# Characters with a meaning in Markdown (and in the pymdown extensions the site enables) that
# Python-Markdown lets a backslash escape.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|])")


def escape(text: str) -> str:
    """Data text as inline Markdown that renders exactly as written."""
    text = html.escape(str(text), quote=False)
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return " ".join(text.split())  # a newline would end a table row


def _plain(markdown_text: str) -> str:
    """Escaped table text (`escape`) back to the text a reader sees."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown_text))


def escape_attr(text: str) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


def link(target: str, page: str) -> str:
    """The relative URL from `page` to `target` (both paths under docs/, target may have #anchor)."""
    path, _, anchor = target.partition("#")
    if path == page:
        url = ""
    else:
        url = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return url + (f"#{anchor}" if anchor else "")


def format_number(number: Union[int, float]) -> str:
    if isinstance(number, float) and not number.is_integer():
        return f"{number:,}"
    return f"{int(number):,}"


def format_quantity(quantity: Union[Quantity, str]) -> str:
    """`14 days`, `1 day`, `unlimited`: escaped, ready for Markdown."""
    if isinstance(quantity, str):
        return escape(quantity)
    unit = quantity.unit
    if quantity.value == 1:
        # "1 day", "1 application version", "1 transaction per second"
        unit = re.sub(r"^((?:[a-z]+ )*?[a-z]+?(?:ch|sh|ss|x)?)(?:(?<=ch|sh|ss)es|(?<=x)es|s)\b(?=( per |$))", r"\1", unit)
    return f"{format_number(quantity.value)} {escape(unit)}"


# Units that a bigger unit can restate, each with how many of it make the next one up. The data
# keeps the unit the cited AWS page uses; a value that is a whole number of a bigger unit is also
# shown in it, as candidates learn it: 8,760 hours (365 days), 65,536 bytes (64 KiB). AWS's KB, MB
# and GB are binary (DynamoDB and Lambda say so: 10,240 MB is their 10 GB).
UNIT_STEPS: tuple[tuple[tuple[str, Optional[int]], ...], ...] = (
    (("milliseconds", 1000), ("seconds", 60), ("minutes", 60), ("hours", 24), ("days", None)),
    (("bytes", 1024), ("KiB", 1024), ("MiB", 1024), ("GiB", 1024), ("TiB", None)),
    (("KB", 1024), ("MB", 1024), ("GB", 1024), ("TB", None)),
)
_SINGULAR = {"millisecond": "milliseconds", "second": "seconds", "minute": "minutes", "hour": "hours",
             "day": "days", "byte": "bytes"}


def equivalent(quantity: Union[Quantity, str]) -> Optional[Quantity]:
    """The same quantity in the biggest unit of which it is a whole number, when that is friendlier:
    only from at least two of the next unit up (48 hours, 120 seconds, 2,048 bytes), so 24 hours or
    60 seconds stay as they are. None when there is nothing to add."""
    if isinstance(quantity, str) or not float(quantity.value).is_integer() or quantity.value <= 0:
        return None
    unit = _SINGULAR.get(quantity.unit, quantity.unit)
    for steps in UNIT_STEPS:
        names = [name for name, _ in steps]
        if unit not in names:
            continue
        index = names.index(unit)
        value, first_step = int(quantity.value), steps[index][1]
        if first_step is None or value < 2 * first_step:
            return None
        while steps[index][1] is not None and value % steps[index][1] == 0:
            value //= steps[index][1]
            index += 1
        return None if names[index] == unit else Quantity(value=value, unit=names[index])
    return None


def show_quantity(quantity: Union[Quantity, str]) -> str:
    """`format_quantity`, followed by the friendlier equivalent when there is one:
    `8,760 hours (365 days)`."""
    same = equivalent(quantity)
    text = format_quantity(quantity)
    return f"{text} ({format_quantity(same)})" if same is not None else text


def limit_value(limit: Limit) -> str:
    """The value of a limit as table text: one value, or its range."""
    if limit.value is not None:
        return show_quantity(limit.quantity())
    return ", ".join(f"{bound} {show_quantity(q)}" for bound, q in limit.bounds.items())


def limit_kind(limit: Limit) -> str:
    return "Adjustable" if limit.adjustable else "Hard"


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = [_row(header), _row("---" for _ in header)]
    lines += [_row(r) for r in rows]
    return "\n".join(lines)


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _source_cell(limit: Limit, index_url: str) -> str:
    """The AWS page, the month it was checked (the full date machine-readable and on hover), and
    the limit's row in the index, one per line: short enough for a narrow column."""
    day = limit.verified
    when = (f'<time datetime="{day.isoformat()}" title="Verified {day.isoformat()}">'
            f"{MONTHS[day.month - 1]} {day.year}</time>")
    return f"[AWS docs]({limit.source})<br>{when}<br>[index]({index_url})"


def _limit_target(data: SiteData, limit: Limit) -> str:
    return f"{data.services[limit.service].page}#{limit.anchor}"


def _service_link(data: SiteData, service_id: str, page: str) -> str:
    service = data.services[service_id]
    return f"[{escape(service.short or service.name)}]({link(service.page, page)})"


def _notes(data: SiteData, limit: Limit, page: str) -> str:
    parts = [escape(limit.note)] if limit.note else []
    if limit.related:
        related = ", ".join(
            f"[{escape(data.limits[r].name)}]({link(_limit_target(data, data.limits[r]), page)})"
            for r in limit.related
        )
        # A span, so that print.css can leave the cross-links out of the paper sheet.
        parts.append(f'<span class="limit-related">{"<br>" if parts else ""}See also: {related}</span>')
    return "".join(parts)


@macro
def limits_table(ctx: Context, service: str) -> str:
    """The limits of one service, each row anchored on the service page."""
    data, page = ctx.data, ctx.page
    if service not in data.services:
        raise UnknownReference(f"unknown service {service!r}")
    limits = data.limits_of(service)
    if not limits:
        return f"*No limits recorded for {escape(data.services[service].name)}.*"
    rows = [
        [
            f"[{escape(l.name)}](#{l.anchor}){{ #{l.anchor} }}",
            limit_value(l),
            limit_kind(l),
            _notes(data, l, page),
            _source_cell(l, link(f"{INDEX_PAGE}#{l.anchor}", page)),
        ]
        for l in limits
    ]
    # Five columns fit the content column of a desktop screen. The wrapper lets print.css drop the
    # screen-only column (source, date, index link) and span the sheet's two columns.
    header = ["Limit", "Value", "Type", "Notes", "Source, verified"]
    return '<div class="limits-table" markdown>\n\n' + _table(header, rows) + "\n\n</div>"


@macro
def limits_index(ctx: Context) -> str:
    """Every limit, grouped by category and service; each row links to its service page row."""
    data, page = ctx.data, ctx.page
    blocks = []
    for category in data.categories.values():
        services = [s for s in data.services.values() if s.category == category.id and data.limits_of(s.id)]
        if not services:
            continue
        # Not the bare category name: the table of contents would repeat a navigation label.
        blocks.append(f"## {escape(category.name)} limits")
        for service in services:
            rows = [
                [
                    f"[{escape(l.name)}]({link(_limit_target(data, l), page)}){{ #{l.anchor} }}",
                    limit_value(l),
                    limit_kind(l),
                ]
                for l in data.limits_of(service.id)
            ]
            # Source, date and notes are one click away, on the service page row, and topics have
            # their own page: three columns fit a phone, and the index stays light to load.
            # Each service is a section the browser draws only near the screen (extra.css). Its
            # title is a heading for screen readers (role, level) but not an <h3>: the table of
            # contents lists the categories, so the page's script never measures the hidden ones.
            # The height each section will take, so the browser can reserve it (macros/sizes.py).
            plain = [(l.name, _plain(limit_value(l)), limit_kind(l)) for l in data.limits_of(service.id)]
            heights = (f'data-height-wide="{sizes.rem(sizes.wide_height(plain))}" '
                       f'data-height-narrow="{sizes.rem(sizes.narrow_height(plain, INDEX_COLUMNS))}"')
            blocks.append(
                f'<section class="limits-group" {heights} markdown>\n'
                f'<div class="limits-service" role="heading" aria-level="3" id="service-{service.id}" '
                f'markdown="span">{_service_link(data, service.id, page)}</div>\n\n'
                f'{_table(list(INDEX_COLUMNS), rows)}\n\n</section>'
            )
    return "\n\n".join(blocks)


@macro
def limits_by_topic(ctx: Context, topic: str) -> str:
    """One table comparing the limits of one topic across services."""
    data, page = ctx.data, ctx.page
    if topic not in data.topics:
        raise UnknownReference(f"unknown topic {topic!r}; known: {', '.join(sorted(data.topics))}")
    rows = [
        [
            _service_link(data, l.service, page),
            f"[{escape(l.name)}]({link(_limit_target(data, l), page)})",
            limit_value(l),
            limit_kind(l),
        ]
        for l in data.limits_on(topic)
    ]
    if not rows:
        return f"*No limits recorded for {escape(data.topics[topic].name)}.*"
    return _table(["Service", "Limit", "Value", "Type"], rows)


@macro
def limits_compare(ctx: Context, refs: list[str]) -> str:
    """A table of chosen limits, for a comparison page: each row links to its service and row."""
    data, page = ctx.data, ctx.page
    rows = []
    for ref in refs:
        limit, bound = resolve_limit(data, ref)
        rows.append([
            _service_link(data, limit.service, page),
            f"[{escape(limit.name)}]({link(_limit_target(data, limit), page)})",
            referenced_value(limit, bound),
            limit_kind(limit),
        ])
    return _table(["Service", "Limit", "Value", "Type"], rows)


@macro
def topic_comparisons(ctx: Context) -> str:
    """Every topic with its comparison table, for the comparisons page."""
    data = ctx.data
    blocks = []
    for topic in data.topics.values():
        if not data.limits_on(topic.id):
            continue
        blocks.append(f"## {escape(topic.name)} {{ #topic-{topic.id} }}")
        if topic.description:
            blocks.append(escape(topic.description))
        blocks.append(limits_by_topic(ctx, topic.id))
    return "\n\n".join(blocks)


def resolve_limit(data: SiteData, ref: str) -> tuple[Limit, Optional[str]]:
    """`sqs.retention` or `sqs.retention.max`: the limit and, for the second form, the bound."""
    if ref in data.limits:
        return data.limits[ref], None
    base, _, bound = ref.rpartition(".")
    if bound in BOUNDS and base in data.limits:
        limit = data.limits[base]
        if getattr(limit, bound) is None:
            have = ", ".join(limit.bounds) or "a single value"
            raise UnknownReference(f"limit {base!r} has no {bound!r} (it has {have})")
        return limit, bound
    raise UnknownReference(f"unknown limit id {ref!r}")


def referenced_value(limit: Limit, bound: Optional[str]) -> str:
    """The text of `id` (the whole value or range) or of `id.bound` (one bound)."""
    if bound is None:
        return limit_value(limit)
    return show_quantity(limit.quantity(bound))


@macro
def limit(ctx: Context, ref: str) -> str:
    """One value for running text, linked to its row in the service's limits table."""
    data, page = ctx.data, ctx.page
    limit, bound = resolve_limit(data, ref)
    text = referenced_value(limit, bound)
    return f'[{text}]({link(_limit_target(data, limit), page)}){{ .limit-ref title="{escape_attr(limit.name)}" }}'


def _history_value(limit: Limit, entry) -> str:
    if isinstance(entry.value, str):
        return escape(entry.value)
    unit = entry.unit or limit.unit
    if unit is None:
        return format_number(entry.value)
    return show_quantity(Quantity(value=entry.value, unit=unit))


@macro
def changes_table(ctx: Context, service: Optional[str] = None) -> str:
    """What changed since the notes: each earlier value of each limit, and today's."""
    data, page = ctx.data, ctx.page
    if service is not None and service not in data.services:
        raise UnknownReference(f"unknown service {service!r}")
    rows = []
    for limit in data.limits.values():
        if service is not None and limit.service != service:
            continue
        for entry in limit.history:
            note = escape(entry.note) if entry.note else ""
            if entry.source:
                note = (note + " " if note else "") + f"([announcement]({entry.source}))"
            row = [f"[{escape(limit.name)}]({link(_limit_target(data, limit), page)})"]
            if service is None:
                row.insert(0, _service_link(data, limit.service, page))
            rows.append(row + [_history_value(limit, entry), limit_value(limit), escape(entry.until), note])
    if not rows:
        return "*No limit has changed value since the notes.*"
    header = ["Limit", "Then", "Now", "Changed", "Notes"]
    if service is None:
        header.insert(0, "Service")
    return _table(header, rows)


@macro
def services_map(ctx: Context) -> str:
    """The services on the exam by category, then the pages kept for services it leaves out, as
    the navigation orders them."""
    data, page = ctx.data, ctx.page
    blocks = []
    for category in data.categories.values():
        services = [s for s in data.services.values() if s.category == category.id and s.in_scope]
        if not services:
            continue
        rows = [[_service_link(data, s.id, page), escape(s.summary)] for s in services]
        blocks.append(f"### {escape(category.name)}\n\n" + _map_table(rows))
    kept = [s for s in data.services.values() if not s.in_scope]
    if kept:
        rows = [[_service_link(data, s.id, page), escape(s.summary)] for s in kept]
        blocks.append(f"### Not on the {escape(data.exam.code)} exam\n\n" + _map_table(rows))
    return "\n\n".join(blocks)


def _map_table(rows: list[list[str]]) -> str:
    # The wrapper lets extra.css give every category's table the same column widths.
    return '<div class="services-map" markdown>\n\n' + _table(["Service", "What it is for"], rows) + "\n\n</div>"


# ---------------------------------------------------------------------------------------------
# Jinja and code samples

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_JINJA_MARKERS = ("{{", "{%", "{#", "}}", "%}", "#}")


def protect_code(markdown: str) -> str:
    """Wrap fenced code blocks and inline code spans that contain Jinja markers in raw blocks,
    so that `{{resolve:ssm:...}}` or `${{ secrets.X }}` in a code sample renders as written."""
    out: list[str] = []
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            out.append(_INLINE_CODE.sub(_raw_span, lines[i]))
            i += 1
            continue
        fence = match.group("fence")
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        block = lines[i : j + 1]
        if any(marker in line for line in block for marker in _JINJA_MARKERS):
            block[0] = match.group("indent") + "{% raw %}" + block[0][len(match.group("indent")) :]
            block[-1] = block[-1] + "{% endraw %}"
        out.extend(block)
        i = j + 1
    return "\n".join(out)


def _raw_span(match: re.Match) -> str:
    span = match.group(0)
    if any(marker in span for marker in _JINJA_MARKERS):
        return "{% raw %}" + span + "{% endraw %}"
    return span


_MACRO_ERROR = re.compile(r"^# _Macro (?:Rendering|Syntax) Error_\s*$", re.M)


def macro_error(markdown: str) -> Optional[str]:
    """The problem mkdocs-macros wrote into a page whose macro call failed (its error block: a
    heading, the file, the error line, then a fenced traceback or source line), as one line."""
    match = _MACRO_ERROR.search(markdown)
    if match is None:
        return None
    body = markdown[match.end():].split("```", 1)[0]
    lines = [line.strip() for line in body.splitlines() if line.strip() and not line.startswith("_File_")]
    text = " ".join(lines)
    text = re.sub(r"^_(\w+)_: ", r"\1: ", text)  # _UndefinedError_: ...
    text = re.sub(r"^_Line (\d+) in Markdown file:_ \*\*(.*)\*\*$", r"line \1: \2", text)
    return text or "a macro call failed"


def find_stray_comment(markdown: str) -> Optional[int]:
    """The line number of a `{#` outside raw blocks: Jinja would swallow the text after it."""
    inside_raw = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        for piece in re.split(r"(\{% raw %\}|\{% endraw %\})", line):
            if piece == "{% raw %}":
                inside_raw = True
            elif piece == "{% endraw %}":
                inside_raw = False
            elif not inside_raw and "{#" in piece:
                return number
    return None


# ---------------------------------------------------------------------------------------------
# Glossary

_ABBREVIATION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<expansion>\S.*)$")


def parse_abbreviations(text: str, label: str) -> dict[str, str]:
    """`*[SQS]: Amazon Simple Queue Service` lines, each after a blank line; anything else is an
    error. The file is appended to every page (pymdownx.snippets), and Python-Markdown reads a block
    of definitions again after each one it takes: 200 lines in one block took half the site's
    build time, one paragraph per definition almost none."""
    entries: dict[str, str] = {}
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        match = _ABBREVIATION.match(line)
        if not match:
            raise ValueError(f"{label}:{number}: expected '*[ABBR]: Expansion', got {line!r}")
        if number > 1 and lines[number - 2].strip():
            raise ValueError(f"{label}:{number}: leave a blank line before {line!r}: one definition per "
                             "paragraph (a block of definitions makes every page's build several times slower)")
        abbr = match.group("abbr")
        if abbr in entries:
            raise ValueError(f"{label}:{number}: duplicate abbreviation {abbr!r}")
        entries[abbr] = match.group("expansion").strip()
    return entries


@macro
def glossary_table(ctx: Context) -> str:
    entries = ctx.glossary
    rows = [[f"**{escape(a)}**", escape(e)] for a, e in sorted(entries.items(), key=lambda i: i[0].lower())]
    return _table(["Abbreviation", "Stands for"], rows)


def first_paragraph_text(markdown: str, limit: int = 160) -> str:
    """Plain text of the first prose paragraph, for a page without a description."""
    paragraph: list[str] = []
    for line in markdown.split("\n"):
        stripped = line.strip()
        if not stripped:
            if paragraph:
                break
            continue
        if paragraph or not re.match(r"^(#|!!!|\?\?\?|\{[{%]|[-*|>]|```|~~~|<)", stripped):
            paragraph.append(stripped)
    text = " ".join(paragraph)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
