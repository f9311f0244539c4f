"""Check every internal link of the built site, raw HTML links included: the target page exists
and, for `#anchor` links, has an element with that id. MkDocs checks Markdown links; this also
catches links written as HTML and links in the theme. A pure function over the pages' HTML."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

_HREF = re.compile(r"<a\s[^>]*?\bhref=\"([^\"]*)\"", re.S)
_ID = re.compile(r"\s(?:id|name)=\"([^\"]+)\"")


def _resolve(page: str, path: str) -> str:
    """The site file a relative URL on `page` points to (`services/sqs/index.html`)."""
    base = "" if path.startswith("/") else posixpath.dirname(page)  # the 404 page links from the root
    target = posixpath.normpath(posixpath.join(base, unquote(path).lstrip("/")))
    if path.endswith("/") or target in (".", ""):
        target = posixpath.join(target, "index.html")
    return target.lstrip("./") if target.startswith("./") else target


def broken_links(pages: dict[str, str], other_files: set[str] = frozenset()) -> list[str]:
    """`pages` maps site paths of HTML files to their HTML; `other_files` lists the other files of
    the site (stylesheets, PDFs...). Returns one line per broken link."""
    ids = {path: set(_ID.findall(html)) for path, html in pages.items()}
    problems = []
    for page, html in pages.items():
        for href in _HREF.findall(html):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("#") and len(href) == 1:
                continue
            target = _resolve(page, parts.path) if parts.path else page
            if target not in pages and target not in other_files:
                if target + "/index.html" in pages:
                    target += "/index.html"
                else:
                    problems.append(f"{page}: link {href!r}: no such page")
                    continue
            if parts.fragment and target in ids and parts.fragment not in ids[target]:
                problems.append(f"{page}: link {href!r}: no element with id {parts.fragment!r} there")
    return problems
