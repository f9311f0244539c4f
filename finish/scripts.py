"""Our own scripts, minified in the built site with rjsmin (a maintained minifier, pure Python with
an optional C speed-up): the sources under docs/assets/javascripts/ carry comments that explain the
code to whoever edits it, and every reader would otherwise download them. Vendored libraries
(`vendor/`) are left as their authors ship them.

On the mock exam page the practice modules weighed 15.9 KB gzipped before and 11.6 KB after, which
keeps the page within its weight budget (tools/budgets.py). A pure function over the built site's
files, so it runs on any generator's output; `mkdocs_hooks.py` calls it after the build.
"""

from __future__ import annotations

from pathlib import Path

from rjsmin import jsmin

SCRIPTS = "assets/javascripts"


def minify_scripts(site: Path, docs: Path) -> list[str]:
    """Minify, in place in the built site, the scripts that come from our `docs/` (not the theme's,
    not vendored ones); returns their paths in the site."""
    done = []
    for source in sorted((docs / SCRIPTS).rglob("*.js")):
        relative = source.relative_to(docs)
        built = site / relative
        if "vendor" in relative.parts or not built.exists():
            continue
        built.write_text(jsmin(built.read_text(encoding="utf-8"), keep_bang_comments=True), encoding="utf-8")
        done.append(relative.as_posix())
    return done
