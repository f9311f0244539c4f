"""One render-blocking stylesheet instead of three (Material's main and palette stylesheets and our
`extra_css`), built before the pages render and linked by `overrides/main.html` ({% block styles %}).

Why: on a phone's first visit each render-blocking file is one more request before the first paint.
The joined file is named by its content's hash, so a browser never keeps a stale copy.

One of Material's rules is dropped while joining: `[data-md-color-switching] *` (and its `:before` /
`:after`) turns transitions off while the colour scheme changes. Material's script sets and clears
that attribute on `<body>` on every page load, and each time the rule makes the browser restyle
every element and pseudo-element: the largest single piece of main-thread work in a Lighthouse
trace of our pages. Without it, switching schemes fades colours over Material's own short
transitions instead of snapping.

Our own stylesheets (not `.min.css`) lose their comments while joining: they explain the CSS to
whoever edits it and would otherwise be sent to every reader.

These are pure functions over file paths and text; `mkdocs_hooks.py` connects them to MkDocs. A
generator that does not run the hook still gets Material's own stylesheets: the template falls back.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

DIR = "assets/stylesheets/"
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
# A comment in our own CSS (they hold no strings with "/*" in them; a test checks the rules survive).
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# A top-level rule whose selector list names the attribute (not one inside @media: there is none).
DROPPED_SELECTOR = "[data-md-color-switching]"
_DROPPED_RULE = re.compile(r"(?<=[}\n;])[^{}@;]*" + re.escape(DROPPED_SELECTOR) + r"[^{}]*\{[^{}]*\}")


class StylesheetError(ValueError):
    pass


def theme_stylesheets(theme_dirs: list[str], palette: bool) -> list[Path]:
    """Material's main stylesheet, and its palette stylesheet when the site has a palette, found
    by name pattern in the theme's folders (their hashes change with every Material release)."""
    found = []
    for stem in ("main", "palette") if palette else ("main",):
        matches = sorted({p for d in theme_dirs for p in Path(d).glob(f"{DIR}{stem}.*.min.css")})
        if len(matches) != 1:
            names = ", ".join(str(m) for m in matches) or "none"
            raise StylesheetError(f"expected one {DIR}{stem}.*.min.css in the theme, found: {names}")
        found.append(matches[0])
    return found


def join(files: list[Path]) -> str:
    """The stylesheets' text, joined in order, without source-map comments or the dropped rule."""
    parts = []
    for file in files:
        if not file.is_file():
            raise StylesheetError(f"{file}: stylesheet not found")
        css = _SOURCE_MAP.sub("", file.read_text(encoding="utf-8"))
        if not file.name.endswith(".min.css"):
            css = strip_comments(css)
        if css.startswith("@charset"):
            css = css.split(";", 1)[1]  # only allowed first in a file; the files are all UTF-8
        parts.append(f"/* {file.name} */\n{css.strip()}\n")
    return drop_switching_rule("".join(parts))


def strip_comments(css: str) -> str:
    """Our CSS without its comments and the blank lines they leave."""
    return re.sub(r"\n\s*\n", "\n", _COMMENT.sub("", css)).strip()


def drop_switching_rule(css: str) -> str:
    return _DROPPED_RULE.sub("", "\n" + css)[1:]


def bundle_path(css: str) -> str:
    """`assets/stylesheets/site.<hash>.min.css`: the path in the site of the joined stylesheet."""
    return f"{DIR}site.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.min.css"
