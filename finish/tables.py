"""Wrap content tables at build time instead of in the browser.

Material's script wraps every `table:not([class])` in a scrolling box when the page loads. On a
page with many tables (the limits index has one per service) that costs seconds of main-thread
work on a slow phone. Doing it here gives the same markup with no script work: the tables get the
wrapper and a class, so the script leaves them alone, and extra.css gives `table.data-table` the
look Material gives `table:not([class])`.
"""

from __future__ import annotations

import re

_OPEN = re.compile(r"<table>")
WRAP_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table">'
WRAP_CLOSE = "</table></div></div>"


def prewrap_tables(html: str) -> str:
    """Every bare `<table>` (as Markdown writes them) inside its scroll wrapper, marked as done."""
    if "<table>" not in html:
        return html
    parts = _OPEN.split(html)
    out = [parts[0]]
    for part in parts[1:]:
        body, sep, rest = part.partition("</table>")
        out.append(WRAP_OPEN + body + (WRAP_CLOSE if sep else "") + rest)
    return "".join(out)
