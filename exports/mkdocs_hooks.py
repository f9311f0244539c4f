"""MkDocs hooks (`hooks:` in mkdocs.yml): add the files made from the data to the build."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of its package
    sys.path.insert(0, str(ROOT))

import exports  # noqa: E402
from macros.datafiles import DataError, load_site_data  # noqa: E402
from macros.render import parse_abbreviations  # noqa: E402

GLOSSARY = "includes/abbreviations.md"
# Material's offline plugin adds this Worker shim from unpkg.com; the offline site serves its own.
SHIM = "assets/javascripts/iframe-worker-shim.js"
SHIM_SOURCE = Path(__file__).resolve().parent / "vendor" / "iframe-worker" / "shim.js"


def offline_build(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config):
    """In an offline build, the Worker shim comes from the site, never from a CDN. Whichever of
    this hook and the offline plugin runs first, the plugin then sees an iframe-worker URL and adds
    none of its own."""
    if offline_build(config):
        polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in str(url)]
        config.extra["polyfills"] = [*polyfills, SHIM]
    return config


def on_files(files, config):
    root = Path(config.config_file_path).parent
    try:
        data = load_site_data(root / config.extra.get("data_dir", "data"), label_root=root)
    except DataError as err:
        raise PluginError(f"Invalid site data:\n{err}") from None
    try:
        glossary = parse_abbreviations((root / GLOSSARY).read_text(encoding="utf-8"), GLOSSARY)
    except (OSError, ValueError) as err:
        raise PluginError(str(err)) from None
    if offline_build(config):
        files.append(File.generated(config, SHIM, content=SHIM_SOURCE.read_bytes()))
    docs_dir = Path(config.docs_dir)
    for path, content in exports.site_files(data, config.use_directory_urls, glossary, docs_dir, config.site_url).items():
        files.append(File.generated(config, path, content=content))
    for path, markdown in exports.site_pages(data, glossary).items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"{path} is made from the data (exports.site_pages); remove docs/{path}")
        files.append(File.generated(config, path, content=markdown))
    return files
