"""Shared fixtures: copies of the fixture data, and one real strict build of the site per run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

sys.path.insert(0, str(ROOT))


def data_dir_with(tmp_path: Path, bad_case: str | None = None) -> Path:
    """A copy of the valid fixture data, with the files of one bad case laid over it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", target)
    if bad_case:
        for file in (FIXTURES / "bad" / bad_case).iterdir():
            shutil.copy(file, target / file.name)
    return target


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(tmp_path: Path) -> Path:
    """A copy of the project's sources, to build with a change that must not touch the real tree."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "macros", "data", "includes", "overrides", "docs"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    return project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strictly once per test run."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site
