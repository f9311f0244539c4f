"""What the search index learns about a service page from data/services.yml.

Material for MkDocs' search plugin reads two things from a page's front matter when it indexes the
page (`on_page_context`, after the macros have run): `tags`, a field it ranks far above titles and
text, and `search: boost`, a factor on every section of the page. Written by hand they would repeat
the data on 46 pages; `on_pre_page_macros` (macros/__init__.py) sets them from the data instead.

A service page's tags are its short name and its `keywords` (the abbreviations and core concepts a
candidate searches for), so that a search for either puts the service's page first.

Lunr matches words, not phrases, and Material ranks a tag's words a thousand times above a title's:
the tag "stage variables" would put API Gateway first for "environment variables", and "cold start"
would put Lambda first for "start". So the words of a tag are joined with a non-breaking hyphen
(U+2011), at which the search does not split: the tag is one word, found by its first word and
what follows ("cold", "cold start"), and shown as "cold‑start". A name that lists several things
("STS, SDKs and CLI") gives a tag for each.
"""

from __future__ import annotations

import re

from .models import SiteData

JOINER = "\u2011"  # NON-BREAKING HYPHEN: looks like a hyphen; not in the search separator (mkdocs.yml)
_PARTS = re.compile(r",\s*|\s+and\s+")


def as_tag(words: str) -> str:
    """`cold start` -> `cold‑start`: one word for the search index."""
    return JOINER.join(words.split())


def search_tags(short_name: str, keywords: list[str]) -> list[str]:
    return [as_tag(part) for part in [*_PARTS.split(short_name), *keywords] if part.strip()]


# A page kept for a service the exam leaves out ranks below the pages of services it tests
# ("Amazon Quick" found QuickSight's page before the one that teaches Amazon Quick).
OFF_EXAM_BOOST = 0.5


def search_meta(data: SiteData, page: str) -> dict:
    """The front matter to add to `page` (a path under docs/): {} for a page that is no service's."""
    for service in data.services.values():
        if service.page == page:
            meta = {"tags": search_tags(service.short or service.name, service.keywords)}
            if not service.in_scope:
                meta["search"] = {"boost": OFF_EXAM_BOOST}
            return meta
    return {}


def merge_search_meta(meta: dict, extra: dict) -> None:
    """Add `extra` to a page's front matter `meta` in place; what the page says itself comes first."""
    if "tags" in extra:
        own = meta.get("tags") or []
        meta["tags"] = [*own, *(t for t in extra["tags"] if t not in own)]
    if "search" in extra:
        meta["search"] = {**extra["search"], **(meta.get("search") or {})}
