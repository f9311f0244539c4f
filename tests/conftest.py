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
sys.path.insert(0, str(ROOT / "tools"))

from project import SOURCES  # noqa: E402
from site_server import launch, search_index_without_documents, serve, site_pages  # noqa: E402,F401  (site_pages: for the tests)


def data_dir_with(tmp_path: Path, bad_case: str | None = None) -> Path:
    """A copy of the valid fixture data, with the files of one bad case laid over it."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid", target)
    if bad_case:
        for file in (FIXTURES / "bad" / bad_case).iterdir():
            shutil.copy(file, target / file.name)
    return target


def mkdocs_build(project: Path, site_dir: Path, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *options, "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


SERVICE_STUB = """---
description: A service page of the small test site, with the sections the fixture data names.
---

# {name}

{{{{ exam_focus('{id}') }}}}

## Concepts

### Visibility timeout

### Topics

### Encryption

## Limits

{{{{ limits_table('{id}') }}}}
"""


def mini_project(tmp_path: Path, pages: dict[str, str] | None = None, data_case: str | None = None) -> Path:
    """A small copy of the project: the real code, templates and glossary, the fixture data (with
    one bad case laid over it), a home page, the exam, limits and glossary pages, a page per fixture
    service (and the flashcard pages made from them),
    and `pages` (path under docs/ -> Markdown), all in the navigation. Builds in a second or two."""
    project = tmp_path / "project"
    project.mkdir()
    for name in SOURCES:
        if name in ("data", "docs"):
            continue
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    shutil.copytree(data_dir_with(tmp_path, data_case), project / "data")
    docs = project / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    from macros.datafiles import load_site_data

    services = load_site_data(data_dir_with(tmp_path / "plain")).services.values()
    all_pages = {
        "index.md": "---\ndescription: The home page of the small test site.\n---\n\n# Home\n\n{{ exam_domains_table() }}\n",
        "exam.md": "---\ndescription: The exam page of the small test site.\n---\n\n# Exam\n\n{{ exam_coverage() }}\n\n## In-scope services\n\n{{ exam_scope() }}\n",
        "limits.md": "---\ndescription: The limits index of the small test site.\n---\n\n# Limits\n\n{{ limits_index() }}\n",
        "glossary.md": "---\ndescription: The glossary of the small test site.\n---\n\n# Glossary\n\n{{ glossary_table() }}\n",
        **{s.page: SERVICE_STUB.format(name=s.name, id=s.id) for s in services},
        **(pages or {}),
    }
    for path, text in all_pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    head = config.read_text(encoding="utf-8").split("\nnav:\n", 1)[0]
    config.write_text(head + "\nnav:\n" + "".join(f"  - {p}\n" for p in all_pages), encoding="utf-8")
    return project


def _build_site(site: Path) -> Path:
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The real site, built strictly once per test run: with parallel workers (pytest-xdist) the
    first to need it builds it while the others wait, instead of each building its own copy (the
    recipe in pytest-xdist's documentation). Tests read it; a test that changes it copies it first."""
    if worker_id == "master":
        return _build_site(tmp_path_factory.mktemp("site"))
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent
    site, done = shared / "site", shared / "site.built"
    with FileLock(str(shared / "site.lock")):
        if not done.exists():
            _build_site(site)
            done.touch()
    return site


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """The order the two workers take the tests in (pytest.ini keeps it: --no-loadscope-reorder).
    The tests that read the parsed pages (`site_soups`) share one worker, so that the site is
    parsed once, not once per worker."""
    for item in items:
        if "site_soups" in getattr(item, "fixturenames", ()) and item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group("soups"))
    items.sort(key=_turn)


def _turn(item) -> int:
    """Tests that need no built site first, so that one worker builds the site while the other
    runs them, the offline copy (which builds its own) leading; then the long groups of tests on the
    built site; then the other browser tests; and last the quick checks of the built HTML, which
    even out the two workers' ends. The order within each part is kept."""
    names, grouped = getattr(item, "fixturenames", ()), item.get_closest_marker("xdist_group") is not None
    if "built_site" not in names:
        return 0 if grouped else 1
    if grouped:
        return 2
    return 3 if item.get_closest_marker("browser") else 4


@pytest.fixture(scope="session")
def site_soups(built_site) -> dict:
    """Every HTML file of the built site, parsed once: its path in the site -> BeautifulSoup.
    Read-only: a test that changes a tree must copy it first."""
    from bs4 import BeautifulSoup

    return {p.relative_to(built_site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "lxml")
            for p in sorted(built_site.rglob("*.html"))}


# Browser ------------------------------------------------------------------------------------

# JavaScript: `await frame()` waits for the next painted frame, or 250 ms at most: a page the
# browser does not paint runs no animation frames, and the wait would never end.
NEXT_FRAME = "const frame = () => new Promise(done => { requestAnimationFrame(() => requestAnimationFrame(done)); setTimeout(done, 250); });"

class SiteServer:
    """The built site on 127.0.0.1, on a free port, in a background thread."""

    def __init__(self, directory: Path):
        self.server, self.url = serve(directory)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def site_server(built_site):
    server = SiteServer(built_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def loopback_only(url: str) -> bool:
    from urllib.parse import urlsplit

    return url.startswith(("data:", "blob:")) or urlsplit(url).hostname == "127.0.0.1"


def files_only(url: str) -> bool:
    """For a site opened from a folder: no server at all, not even on this machine."""
    return url.startswith(("file:", "data:", "blob:", "about:"))


# What Playwright says when a page registers its service worker in a context that blocks them.
BLOCKED_WORKER = "Service Worker registration blocked by Playwright"


class OfflineContext:
    """A browser context that records every request `allowed` refuses (by default, any not for
    127.0.0.1), in `blocked`; the browser (`launch`) reaches no other host, so such a request fails
    as it would offline. The search index is empty unless the test searches (`search=True`;
    tools/site_server.py says why). Service workers are blocked unless a test asks for them
    (`service_workers="allow"`): otherwise every new context would precache the whole site in the
    background of every other test (tests/test_service_worker.py tests the worker).
    No Playwright route: routing turns the context's HTTP cache off (tools/site_server.py)."""

    def __init__(self, browser, allowed=loopback_only, search: bool = False, **options):
        self.blocked: list[str] = []
        self.context = browser.new_context(**{"service_workers": "block", **options})
        self.context.on("request", lambda request: allowed(request.url) or self.blocked.append(request.url))
        if not search:  # the tests that search ask for the real index (tools/site_server.py)
            search_index_without_documents(self.context)

    def new_page(self):
        page = self.context.new_page()
        page.errors = []
        page.on("console", lambda m: m.type in ("error", "warning") and not m.text.startswith(BLOCKED_WORKER)
                and page.errors.append(f"console {m.type}: {m.text}"))
        page.on("pageerror", lambda e: page.errors.append(f"page error: {e}"))
        return page


@pytest.fixture
def offline(browser):
    context = OfflineContext(browser)
    yield context
    context.context.close()
