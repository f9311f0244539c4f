"""Where the project's parts are, written once for the tools and the tests."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# What a build reads: copy these to build the site elsewhere (previews, tests that change a file).
SOURCES = ("mkdocs.yml", "macros", "exports", "finish", "data", "includes", "overrides", "docs")


def mkdocs_config(root: Path = ROOT) -> dict:
    # BaseLoader: mkdocs.yml may hold tags (!ENV, !!python/name) that only MkDocs resolves.
    # libyaml's loader where PyYAML has it (the wheels do): the tests read this file a dozen times.
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)


def data_dir(root: Path = ROOT) -> Path:
    """The data folder the build reads: `extra.data_dir` in mkdocs.yml, `data` by default."""
    return root / mkdocs_config(root).get("extra", {}).get("data_dir", "data")
