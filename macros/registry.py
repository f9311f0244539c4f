"""The page macros, registered where they are defined.

A macro is a pure function `name(ctx, *args) -> str` decorated with `@macro`; a page calls it as
`{{ name(args) }}`. `ctx` says which page is being rendered (links are relative to it) and holds the
site's data. `define_env` registers every entry of `MACROS` with mkdocs-macros; CONTRIBUTING.md's
macro table is checked against it by a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .models import SiteData

MACROS: dict[str, Callable[..., str]] = {}


class UnknownReference(LookupError):
    """A page asked for an id the data does not have."""


@dataclass(frozen=True)
class Context:
    data: SiteData
    page: str  # the page being rendered, as a path under docs/ (`services/sqs.md`)
    glossary: dict[str, str] = field(default_factory=dict)
    directory_urls: bool = True  # MkDocs' use_directory_urls: how raw HTML links are written
    # The Markdown pages under docs/ (paths), for links to a page a smaller site may not have.
    pages: frozenset[str] = frozenset()


def macro(function: Callable[..., str]) -> Callable[..., str]:
    if function.__name__ in MACROS:
        raise ValueError(f"two macros named {function.__name__!r}")
    MACROS[function.__name__] = function
    return function
