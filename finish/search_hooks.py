"""MkDocs hooks (`hooks:` in mkdocs.yml) around Material's search plugin, which indexes a page from
`page.content` in its `on_page_context`:

- just before it (priority 10): `page.content` with its tables as lists (`searchtext`), so that
  each row is indexed as a readable line instead of one run of cell text;
- just after it (priority -10): the page's own HTML back, without the `data-search-*` attributes,
  which the search plugin removes from what it indexed. No other plugin of the site handles that
  event; should one change the page in between, the build stops rather than lose its change.

The search tags of service pages come from the data, in `macros/search.py`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of its package
    sys.path.insert(0, str(ROOT))

from finish.searchtext import tables_as_lists  # noqa: E402

_SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+(?:=\"[^\"]*\")?")
_own_html: dict[str, str] = {}


@event_priority(10)
def _give_search_the_tables_as_lists(context, page, config, nav):
    for_search = tables_as_lists(page.content)
    _own_html[page.file.src_uri] = (page.content, for_search)
    page.content = for_search
    return context


@event_priority(-10)
def _give_the_page_its_html_back(context, page, config, nav):
    own, for_search = _own_html.pop(page.file.src_uri, (None, None))
    if own is None:
        return context
    if _SEARCH_ATTRIBUTE.sub("", page.content) != _SEARCH_ATTRIBUTE.sub("", for_search):
        # Another plugin changed the page between the two hooks: giving the page its own HTML back
        # would undo that change.
        raise PluginError(f"{page.file.src_uri}: page.content changed during the search's on_page_context; "
                          "finish/search_hooks.py cannot give the page its tables back")
    page.content = _SEARCH_ATTRIBUTE.sub("", own)
    return context


on_page_context = CombinedEvent(_give_search_the_tables_as_lists, _give_the_page_its_html_back)
