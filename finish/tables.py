"""Wrap content tables at build time instead of in the browser, and label their cells for phones.

Material's script wraps every `table:not([class])` in a scrolling box when the page loads. On a
page with many tables (the limits index has one per service) that costs seconds of main-thread
work on a slow phone. Doing it here gives the same markup with no script work: the tables get the
wrapper and a class, so the script leaves them alone, and extra.css gives `table.data-table` the
look Material gives `table:not([class])`.

Tables of three columns or more also get `data-table--cards` and a `data-label` on every cell (the
text of its column's header): on a narrow screen extra.css lays each row out as a card whose cells
show that label, so every field is on screen without scrolling sideways. The table stays a table
(the headers stay in the page, visually hidden), so screen readers still announce rows and columns.
"""

from __future__ import annotations

import html
import re

_OPEN = re.compile(r"<table>")
WRAP_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table">'
CARDS_OPEN = WRAP_OPEN.replace('class="data-table"', 'class="data-table data-table--cards"')
WRAP_CLOSE = "</table></div></div>"
CARD_COLUMNS = 3  # from this many columns, a table becomes cards on narrow screens

_THEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_TR = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_TD_OPEN = re.compile(r"<td\b(?![^>]*\bdata-label=)")
_TAG = re.compile(r"<[^>]+>")


def header_labels(body: str) -> list[str]:
    """The plain text of each header cell of a table's markup (abbreviations and links unwrapped)."""
    head = _THEAD.search(body)
    if not head:
        return []
    return [" ".join(html.unescape(_TAG.sub("", cell)).split()) for cell in _TH.findall(head.group(1))]


def label_cells(body: str, labels: list[str]) -> str:
    """Every body cell with `data-label` set to its column's header text."""
    attrs = [f' data-label="{html.escape(label, quote=True)}"' for label in labels]

    def row(match: re.Match) -> str:
        column = iter(range(len(attrs)))

        def cell(_: re.Match) -> str:
            n = next(column, None)
            return "<td" + (attrs[n] if n is not None else "")

        return _TD_OPEN.sub(cell, match.group(0))

    return _TBODY.sub(lambda m: _TR.sub(row, m.group(0)), body)


def _wrap(body: str) -> str:
    labels = header_labels(body)
    if len(labels) >= CARD_COLUMNS:
        return CARDS_OPEN + label_cells(body, labels)
    return WRAP_OPEN + body


def prewrap_tables(html: str) -> str:
    """Every bare `<table>` (as Markdown writes them) inside its scroll wrapper, marked as done."""
    if "<table>" not in html:
        return html
    parts = _OPEN.split(html)
    out = [parts[0]]
    for part in parts[1:]:
        body, sep, rest = part.partition("</table>")
        out.append(_wrap(body) + (WRAP_CLOSE if sep else "") + rest)
    return "".join(out)
