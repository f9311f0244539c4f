"""MkDocs hooks (`hooks:` in mkdocs.yml): run the finishing stage while MkDocs builds.

- `on_config`: join Material's stylesheets and our `extra_css` into one file named by its hash, tell
  the template its path (`config.extra.stylesheet`, read by `overrides/main.html`), and take
  `extra_css` out of the page head (it is inside the joined file now).
- `on_files`: add the joined stylesheet to the site.
- `on_post_page` / `on_post_template`: finish each page in memory (`finish.finish_page`), as
  Material's own privacy plugin rewrites pages, instead of reading the site back from disk.
- `on_post_build`: check every internal link of the finished pages; a broken one fails the build.
  Then finish the scripts (`finish/scripts.py`: ours minified, the theme's with V8's compile hint),
  and, in a build for the web (not `mkdocs serve`, not the offline zip), write the service worker
  that makes the site work offline (`finish/serviceworker.py`), last, so it lists the final files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of its package
    sys.path.insert(0, str(ROOT))

import finish  # noqa: E402
from finish import downloads, scripts, serviceworker, stylesheets  # noqa: E402
from macros.datafiles import DataError, load_site_data  # noqa: E402

_state: dict = {}


def on_startup(command, dirty):
    _state["command"] = command


def wants_service_worker(config) -> bool:
    """A build for the web: not `mkdocs serve` (pages must never be stale while editing) and not
    the offline zip (`OFFLINE=true`: file:// has no service workers)."""
    offline = config.plugins.get("material/offline")
    return _state.get("command", "build") != "serve" and not (offline and offline.config.enabled)


def on_config(config):
    try:
        files = stylesheets.theme_stylesheets(config.theme.dirs, palette=bool(config.theme.get("palette")))
        files += [Path(config.docs_dir) / str(path) for path in config.extra_css]
        css = stylesheets.join(files)
    except stylesheets.StylesheetError as err:
        raise PluginError(f"Joining the stylesheets: {err}") from None
    _state["stylesheet"] = (stylesheets.bundle_path(css), css)
    _state["pages"] = {}
    config.extra["stylesheet"] = _state["stylesheet"][0]
    config.extra_css = []
    _state["footer"] = footer_text(config)
    config.extra["service_worker"] = wants_service_worker(config)
    return config


def footer_text(config) -> str:
    """`DVA-C03 · site name · version date commit`: after the page title on every printed sheet."""
    from macros import site_version

    root = Path(config.config_file_path).parent
    try:
        code = load_site_data(root / config.extra.get("data_dir", "data"), label_root=root).exam.code
    except DataError as err:
        raise PluginError(f"Invalid site data:\n{err}") from None
    return f"{code} · {config.site_name} · version {site_version(root)}"


def on_files(files, config):
    path, css = _state["stylesheet"]
    files.append(File.generated(config, path, content=css))
    return files


def on_post_page(output, page, config):
    html = finish.finish_page(output, _state["footer"])
    _state["pages"][page.file.dest_uri] = html
    return html


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    html = finish.finish_page(output_content, _state["footer"])
    _state["pages"][template_name] = html
    return html


def on_post_build(config):
    site = Path(config.site_dir)
    other_files = {
        f.relative_to(site).as_posix() for f in site.rglob("*") if f.is_file() and f.suffix != ".html"
    }
    problems = finish.check_links(_state["pages"], other_files)
    if problems:
        raise PluginError("Broken links in the built site:\n" + "\n".join(problems))
    # The downloads made with the site (the Anki deck) get their link and size now; the PDFs and
    # the offline zip when tools/pdf.py and tools/offline.py add them.
    downloads.fill_sizes(site, [path for path, html in _state["pages"].items() if "data-download" in html])
    # Before the service worker lists the files with their hashes:
    scripts.minify_scripts(site, Path(config.docs_dir))
    scripts.compile_theme_script_early(site)
    if config.extra.get("service_worker"):
        serviceworker.write_service_worker(site)
