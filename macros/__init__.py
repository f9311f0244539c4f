"""mkdocs-macros entry point (`module_name: macros`): load the data once, register the macros.

The logic lives in `datafiles` (reading and checking the data), `render` (Markdown) and `diagrams`
(SVG), whose macros register themselves in `registry.MACROS`; this module only connects them to the
page being rendered. What happens to the built HTML is the `finish` package's job.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import cards, diagrams, guide, opendata, practice, render, search  # noqa: F401  (importing them registers their macros)
from .registry import MACROS, Context, UnknownReference
from .datafiles import DataError, load_site_data

DATA_DIR = "data"


def define_env(env) -> None:
    root = Path(env.project_dir)
    data_dir = Path(env.conf.get("extra", {}).get("data_dir", DATA_DIR))
    try:
        data = load_site_data(root / data_dir, label_root=root)
    except DataError as err:
        raise PluginError(f"Invalid site data:\n{err}") from None
    env.variables["exam"] = data.exam
    env.variables["site_data"] = data  # for on_post_build
    env.variables["site_built"] = site_version(root)
    glossary_file = root / "includes" / "abbreviations.md"
    try:
        glossary = render.parse_abbreviations(glossary_file.read_text(encoding="utf-8"), "includes/abbreviations.md")
    except ValueError as err:
        raise PluginError(str(err)) from None

    docs_dir = Path(env.conf["docs_dir"])
    pages = frozenset(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))

    def register(name: str, function):
        def call(*args, **kwargs):
            context = Context(data=data, page=env.page.file.src_uri, glossary=glossary,
                              directory_urls=env.conf["use_directory_urls"], pages=pages)
            try:
                return function(context, *args, **kwargs)
            except UnknownReference as err:
                shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
                raise MacroCallError(f"{name}({shown}): {err}") from None

        call.__doc__ = function.__doc__
        env.macro(call, name)

    for name, function in MACROS.items():
        register(name, function)


class MacroCallError(Exception):
    """A page asked a macro for something the data does not have; the page is named when the
    error is reported (`on_post_page_macros`)."""


def site_version(root: Path) -> str:
    """The build date and, in a git checkout, the commit: printed in every sheet's footer."""
    today = dt.date.today().isoformat()
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{today} {commit}".strip()


def on_pre_page_macros(env) -> None:
    """Show `{{ }}` in code samples as written, and refuse a `{#` that would hide prose. Give a
    service page its search tags from the data (`search.search_meta`)."""
    markdown = render.protect_code(env.markdown)
    line = render.find_stray_comment(markdown)
    if line is not None:
        source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
        line += source.count("\n") - env.markdown.count("\n")  # count the front matter too
        raise PluginError(
            f"{env.page.file.src_uri}:{line}: '{{#' starts a Jinja comment and would hide the text after it; "
            "write '{ #' (with a space) or put it in code"
        )
    env.markdown = markdown
    if not env.page.meta.get("description"):
        env.page.meta["description"] = render.first_paragraph_text(markdown) or env.conf["site_description"]
    search.merge_search_meta(env.page.meta, search.search_meta(env.variables["site_data"], env.page.file.src_uri))


def on_post_page_macros(env) -> None:
    """Stop the build on a failed macro call, with a message that shows in every output mode.

    mkdocs-macros reports a failed call as a warning and, with `on_error_fail`, exits with code 100:
    under `mkdocs build -q` that printed nothing at all. With `on_error_fail: false` it writes the
    error into the page instead; this raises it as a build error, which MkDocs always prints."""
    problem = render.macro_error(env.markdown)
    if problem is not None:
        raise PluginError(f"{env.page.file.src_uri}: {problem.removeprefix(MacroCallError.__name__ + ': ')}")


def on_post_build(env) -> None:
    """Fail the build when a section the data points to (an exam item's `teach`, an in-scope
    service's page) is not in the built site, naming the data record."""
    data = env.variables["site_data"]
    problems = guide.missing_sections_in_site(Path(env.conf["site_dir"]), data.section_refs, env.conf["use_directory_urls"])
    if problems:
        raise PluginError("Sections named in the data are not in the site:\n" + "\n".join(problems))
