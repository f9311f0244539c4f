"""How the built pages load their stylesheets and scripts (run from `on_post_build`).

One render-blocking stylesheet instead of three. Material links its main stylesheet, its palette
stylesheet and our `extra_css`, each render-blocking; on a phone's first visit each extra file is one
more connection to open before the first paint. The build joins them, in the same order, into
`assets/stylesheets/site.<hash>.min.css` (the hash changes with the content, so browsers never keep a
stale copy) and points every page at it. The print stylesheet (`media="print"`) is left alone: it
never blocks the screen.

One of Material's rules is dropped on the way: `[data-md-color-switching] *` (and its `:before` /
`:after`) turns transitions off while the colour scheme changes. Material's script sets and clears
that attribute on `<body>` on every page load, and each time the rule makes the browser restyle every
element and pseudo-element: the largest single piece of main-thread work in a Lighthouse trace of our
pages. Without it, switching schemes fades colours over Material's own short transitions instead of
snapping.

Abbreviations as plain text inside the limits index's service sections. Each `<abbr title>` is
an element to build and style for a hover hint; the index repeats service names in hundreds of
rows, and without them Lighthouse's blocking time on that page halves. The service pages, where the
terms are explained, keep their hints.

Material's script, deferred. Material puts `bundle.<hash>.min.js` at the end of `<body>` without
`defer`, so the browser fetches and runs it before it paints. With `defer` the page paints first and
the script runs once the document is parsed, just before `DOMContentLoaded`, which is when Material
starts its components anyway. Our own `extra_javascript` is already deferred in `mkdocs.yml`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

DIR = "assets/stylesheets/"
# A stylesheet link as MkDocs writes it, with no media attribute: one that blocks rendering.
_BLOCKING = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)">[ \t]*\n?')
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
# A top-level rule whose selector list names the attribute (not one inside @media: there is none).
DROPPED_SELECTOR = "[data-md-color-switching]"
_DROPPED_RULE = re.compile(r"(?<=[}\n;])[^{}@;]*" + re.escape(DROPPED_SELECTOR) + r"[^{}]*\{[^{}]*\}")
_BUNDLE_SCRIPT = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


_INDEX_SECTION = re.compile(r'<section class="limits-group">.*?</section>', re.S)
_ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


class StylesheetError(ValueError):
    pass


def defer_material_script(html: str) -> str:
    """Material's bundle script with `defer` (pages without it, like a bare redirect, unchanged)."""
    return _BUNDLE_SCRIPT.sub(r'<script src="\g<src>" defer></script>', html)


def plain_abbreviations_in_index(html: str) -> str:
    """`<abbr title="...">IAM</abbr>` as `IAM` inside every limits-index section."""
    return _INDEX_SECTION.sub(lambda m: _ABBR.sub(r"\1", m.group(0)), html)


def blocking_stylesheets(html: str) -> list[str]:
    """The hrefs of a page's render-blocking stylesheets, in order."""
    head = html.split("</head>", 1)[0]
    return [m.group("href") for m in _BLOCKING.finditer(head)]


def _name(href: str) -> str:
    """`../../assets/stylesheets/main.abc.min.css` -> `main.abc.min.css`; anything outside the
    stylesheets folder is refused (its relative url()s would break)."""
    path = href.split("?", 1)[0].split("#", 1)[0]
    marker = path.rfind(DIR)
    if marker < 0 or re.match(r"^(https?:)?//", path) or "/" in path[marker + len(DIR):]:
        raise StylesheetError(f"stylesheet {href!r} is not in {DIR}; only files there can be joined")
    return path[marker + len(DIR):]


def join(site: Path, names: list[str]) -> str:
    """The stylesheets' text, joined in order, without source-map comments or the dropped rule."""
    parts = []
    for name in names:
        file = site / DIR / name
        if not file.is_file():
            raise StylesheetError(f"{DIR}{name}: linked from the pages but not in the built site")
        css = _SOURCE_MAP.sub("", file.read_text(encoding="utf-8"))
        if css.startswith("@charset"):
            css = css.split(";", 1)[1]  # only allowed first in a file; the files are all UTF-8
        parts.append(f"/* {name} */\n{css.strip()}\n")
    return drop_switching_rule("".join(parts))


def drop_switching_rule(css: str) -> str:
    return _DROPPED_RULE.sub("", "\n" + css)[1:]


def bundle(site: Path, pages: dict[str, str]) -> tuple[dict[str, str], str | None]:
    """Write the joined stylesheet; return the pages (path -> HTML) that link it instead, and its
    path in the site (None when no page links a stylesheet).

    Every page must link the same stylesheets; a page that differs is an error, not a page left
    half-styled."""
    if not pages:
        return pages, None
    expected: list[str] | None = None
    first = ""
    for rel, html in pages.items():
        names = [_name(href) for href in blocking_stylesheets(html)]
        if expected is None:
            expected, first = names, rel
        elif names != expected:
            raise StylesheetError(f"{rel}: links stylesheets {names}, but {first} links {expected}")
    if not expected:
        return pages, None
    css = join(site, expected)
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    bundle_name = f"site.{digest}.min.css"
    (site / DIR / bundle_name).write_text(css, encoding="utf-8")
    return {rel: relink(html, bundle_name) for rel, html in pages.items()}, DIR + bundle_name


def relink(html: str, bundle_name: str) -> str:
    """Replace the first blocking stylesheet link with the bundle's, and drop the others."""
    head, sep, body = html.partition("</head>")
    done = False

    def swap(match: re.Match) -> str:
        nonlocal done
        if done:
            return ""
        done = True
        href = match.group("href")
        prefix = href[: href.rfind(DIR) + len(DIR)]
        return f'<link rel="stylesheet" href="{prefix}{bundle_name}">\n'

    return _BLOCKING.sub(swap, head) + sep + body
