"""What runs after the HTML exists: built pages in, shipped pages out.

`finish_page` is the one ordered pipeline every page goes through, in memory:

1. tables wrapped at build time (`tables`), so Material's script has none to wrap;
2. self-test questions numbered and their answers copied to the end for print (`printing`);
3. the running print footer (`printing`);
4. plain abbreviations inside the limits index (`abbreviations`);
5. an accessible name for the search dialog and `rel="noopener"` on external links (`harden`);
6. last, always: the Content-Security-Policy, whose script hashes must see the final HTML.

MkDocs runs it page by page from `mkdocs_hooks.py` (`on_post_page`), then checks every internal link
of the site at once (`linkcheck`). `python -m finish SITE_DIR` runs the same on any built site,
whichever generator wrote it. Every step leaves a finished page as it is, so running twice is the
same as running once.
"""

from __future__ import annotations

from typing import Callable

from . import abbreviations, harden, linkcheck, printing, tables

Step = Callable[[str], str]


def steps(footer: str) -> list[Step]:
    """The steps before the Content-Security-Policy, in order. `footer` is plain text (exam code,
    site name, version) printed after each page's title on every sheet."""
    return [
        tables.prewrap_tables,
        printing.number_questions,
        lambda html: printing.add_print_parts(html, footer),
        abbreviations.plain_abbreviations_in_index,
        harden.name_search_dialog,
        harden.mark_external_links,
    ]


def finish_page(html: str, footer: str = "") -> str:
    for step in steps(footer):
        html = step(html)
    # Not a step in the list: nothing may change a page after its scripts are hashed.
    return harden.add_content_security_policy(html)


def check_links(pages: dict[str, str], other_files: set[str]) -> list[str]:
    """One line per internal link (raw HTML ones included) that points nowhere."""
    return linkcheck.broken_links(pages, other_files)
