"""The site's scripts, finished in the built site.

Our own scripts are minified with rjsmin (a maintained minifier, pure Python with an optional C
speed-up): the sources under docs/assets/javascripts/ carry comments that explain the code to
whoever edits it, and every reader would otherwise download them. Vendored libraries (`vendor/`)
are left as their authors ship them. On the mock exam page the practice modules weighed 15.9 KB
gzipped before and 11.6 KB after, which keeps the page within its weight budget (tools/budgets.py).

The theme's own script (Material's `bundle.*.min.js`) is left as shipped but for one line at its
top, V8's compile hint `//# allFunctionsCalledOnLoad` (`compile_theme_script_early`). V8 compiles a
function the first time it is called, on the page's main thread; with the hint it compiles every
function of the file on a background thread while the file downloads. Material's script calls
nearly all of its code as the page starts, so that compiling sat inside the page's two longest
tasks: on a phone (Chromium, 4x CPU throttling) the hint took the script's first task from 97 to
71 ms and its start-up work on DOMContentLoaded from 107 to 83 ms (median of 8 loads of the SQS
page; the practice set and the home page gained as much), and Lighthouse's median blocking time
on the SQS page from 64 to 37 ms. Browsers without the hint read a comment. The hint shifts the
file by one line, so the source map beside it gains one empty line too.

Both are pure functions over the built site's files, so they run on any generator's output;
`mkdocs_hooks.py` calls them after the build, and `python -m finish` adds the compile hint.
"""

from __future__ import annotations

import json
from pathlib import Path

from rjsmin import jsmin

SCRIPTS = "assets/javascripts"
THEME_SCRIPT = "bundle.*.min.js"
COMPILE_EARLY = "//# allFunctionsCalledOnLoad\n"


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


def compile_theme_script_early(site: Path) -> list[str]:
    """Put V8's compile hint on the first line of the theme's script, and the same shift in its
    source map (one more empty line: `;` in front of its mappings); returns the scripts' paths in the
    site. Running it again changes nothing."""
    done = []
    for script in sorted((site / SCRIPTS).glob(THEME_SCRIPT)):
        text = script.read_text(encoding="utf-8")
        if not text.startswith(COMPILE_EARLY):
            script.write_text(COMPILE_EARLY + text, encoding="utf-8")
            source_map = script.with_name(script.name + ".map")
            if source_map.exists():
                data = json.loads(source_map.read_text(encoding="utf-8"))
                data["mappings"] = ";" + data["mappings"]
                source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        done.append(script.relative_to(site).as_posix())
    return done
