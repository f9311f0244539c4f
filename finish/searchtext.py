"""Tables as lists, for the search index only.

Material's search plugin keeps paragraphs, lists and code of a section and drops every other tag,
so a table reaches the index (and the search results) as one run of cell text: "Limit Value Type
Notes Function timeout min 1 second ... Hard Whole seconds. AWS docs 2026-11-26 index". Shown a
list instead, it indexes a table row by row, each row read as "first cell: other cells; ...": the
header row names the columns, and a result's excerpt reads like the row it came from.

The page itself keeps its tables: `search_hooks.py` hands this text to the search plugin and gives
the page its own HTML back straight after. Cells marked `data-search-exclude` (source links, dates)
stay out of the index, as Material does for any element so marked.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([hd])\b([^>]*)>(.*?)</t\1>", re.S)
_BREAK = re.compile(r"<br\s*/?>")


def _row_text(row: str) -> str:
    cells = [
        _BREAK.sub(" ", content).strip()
        for _, attributes, content in _CELL.findall(row)
        if "data-search-exclude" not in attributes
    ]
    cells = [cell for cell in cells if cell]
    if not cells:
        return ""
    rest = "; ".join(cells[1:])
    return f"<li>{cells[0]}{': ' + rest if rest else ''}</li>"


def tables_as_lists(html: str) -> str:
    """Each `<table>` of `html` as a `<ul>` with one item per row (header row first)."""
    if "<table" not in html:
        return html
    return _TABLE.sub(lambda m: "<ul>" + "".join(_row_text(r) for r in _ROW.findall(m.group(1))) + "</ul>", html)
