"""mkdocs-macros entry point (`module_name: macros`): load the data once, register the macros.

The logic lives in `load` (reading and checking the data), `render` (Markdown), `diagrams` (SVG),
and, for the built HTML, `tables`, `printing`, `harden`, `loading` and `linkcheck`; this module only
connects them to the page being rendered and to the build.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import diagrams, harden, linkcheck, loading, printing, render, tables
from .load import DataError, load_site_data

DATA_DIR = "data"


def define_env(env) -> None:
    root = Path(env.project_dir)
    data_dir = Path(env.conf.get("extra", {}).get("data_dir", DATA_DIR))
    try:
        data = load_site_data(root / data_dir, label_root=root)
    except DataError as err:
        raise PluginError(f"Invalid site data:\n{err}") from None
    env.variables["exam"] = data.exam
    env.variables["site_version"] = site_version(root)
    glossary_file = root / "includes" / "abbreviations.md"
    try:
        glossary = render.parse_abbreviations(glossary_file.read_text(encoding="utf-8"), "includes/abbreviations.md")
    except ValueError as err:
        raise PluginError(str(err)) from None

    def page() -> str:
        return env.page.file.src_uri

    def checked(what: str, call):
        try:
            return call()
        except render.UnknownReference as err:
            raise PluginError(f"{page()}: {what}: {err}") from None

    @env.macro
    def limit(ref: str) -> str:
        """One limit value in running text, linked to its row."""
        return checked(f"limit({ref!r})", lambda: render.inline_limit(data, ref, page()))

    @env.macro
    def limits_table(service: str) -> str:
        return checked(f"limits_table({service!r})", lambda: render.service_limits_table(data, service, page()))

    @env.macro
    def limits_index() -> str:
        return render.all_limits_index(data, page())

    @env.macro
    def limits_by_topic(topic: str) -> str:
        return checked(f"limits_by_topic({topic!r})", lambda: render.limits_by_topic(data, topic, page()))

    @env.macro
    def limits_compare(refs: list) -> str:
        return checked(f"limits_compare({refs!r})", lambda: render.limits_compare(data, list(refs), page()))

    @env.macro
    def topic_comparisons() -> str:
        return render.topic_list(data, page())

    @env.macro
    def changes_table(service: str | None = None) -> str:
        return checked(f"changes_table({service!r})", lambda: render.changes_table(data, page(), service))

    @env.macro
    def exam_focus(service: str) -> str:
        return checked(f"exam_focus({service!r})", lambda: render.exam_focus(data, service, page()))

    @env.macro
    def exam_domains_table() -> str:
        return render.exam_domains_table(data, page())

    @env.macro
    def pages_by_domain() -> str:
        return render.pages_by_domain(data, page())

    @env.macro
    def services_map() -> str:
        return render.services_map(data, page())

    @env.macro
    def glossary_table() -> str:
        return render.glossary_table(glossary)

    @env.macro
    def flow_diagram(steps: list, title: str) -> str:
        return checked("flow_diagram", lambda: diagrams.flow_diagram(steps, title))

    @env.macro
    def fanout_diagram(source: str, targets: list, title: str) -> str:
        return checked("fanout_diagram", lambda: diagrams.fanout_diagram(source, targets, title))


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
    """Show `{{ }}` in code samples as written, and refuse a `{#` that would hide prose."""
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


def on_post_build(env) -> None:
    """Finish every built page (tables wrapped; print parts; Content-Security-Policy, noopener,
    search dialog name; one joined stylesheet; Material's script deferred; plain index rows), then
    fail the build if any internal link, raw HTML ones included, points nowhere."""
    site = Path(env.conf["site_dir"])
    footer = f"{env.variables['exam'].code} · {env.conf['site_name']} · version {env.variables['site_version']}"
    built, pages, other_files = {}, {}, set()
    for file in site.rglob("*"):
        if file.is_dir():
            continue
        rel = file.relative_to(site).as_posix()
        if file.suffix != ".html":
            other_files.add(rel)
            continue
        built[rel] = file.read_text(encoding="utf-8")
        finished = printing.add_print_parts(printing.number_questions(tables.prewrap_tables(built[rel])), footer)
        hardened = harden.harden(finished)
        pages[rel] = loading.defer_material_script(loading.plain_abbreviations_in_index(hardened))
    try:
        pages, stylesheet = loading.bundle(site, pages)
    except loading.StylesheetError as err:
        raise PluginError(f"Joining the stylesheets: {err}") from None
    for rel, html in pages.items():
        if html != built[rel]:
            (site / rel).write_text(html, encoding="utf-8")
    if stylesheet:
        other_files.add(stylesheet)
    problems = linkcheck.broken_links(pages, other_files)
    if problems:
        raise PluginError("Broken links in the built site:\n" + "\n".join(problems))
