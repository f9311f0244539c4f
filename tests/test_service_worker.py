"""The hosted site offline on a phone (finish/serviceworker.py, docs/assets/javascripts/offline.js):
after one visit every page, search, practice and the mock exam work with the connection off; a new
build is offered with a Reload button and then served whole; the site can be installed; and
nothing of it reaches `mkdocs serve` or the offline zip. The browser tests start from one shared
first visit: each visit precaches the whole site."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import OfflineContext, SiteServer
from finish import mkdocs_hooks, serviceworker
from test_search import SearchBox

pytestmark = pytest.mark.browser

TEN_PAGES = ["services/sqs/", "services/lambda/", "services/bedrock/", "skills/ai-security/", "limits/", "exam/",
             "practice/task-1-1/", "flashcards/sqs/", "glossary/", "exam-changes/"]


@pytest.fixture(scope="module")
def published(built_site, tmp_path_factory):
    """A copy of the built site that a test may change (a new build published over it)."""
    site = tmp_path_factory.mktemp("published") / "site"
    shutil.copytree(built_site, site)
    server = SiteServer(site)
    yield site, server
    server.close()


def cached(page) -> None:
    page.wait_for_function("() => (document.querySelector('.offline-status') || {}).textContent === 'Available offline'",
                           timeout=90_000)


@pytest.fixture(scope="module")
def _visited(published, browser):
    _, server = published
    context = OfflineContext(browser, search=True, service_workers="allow")
    page = context.new_page()
    page.goto(server.url, wait_until="load")
    cached(page)
    yield context, page
    context.context.close()


@pytest.fixture
def visited(_visited):
    """A reader's first visit to the home page, with the whole site precached once it says so: the
    state both tests below start from. Precaching the site is most of their time, so they share
    one visit; each starts online, with no error or request recorded yet."""
    context, page = _visited
    context.context.set_offline(False)
    page.errors.clear()
    context.blocked.clear()
    return context, page


def test_the_worker_lists_every_page_and_asset_but_the_downloads(built_site):
    manifest = serviceworker.precache_manifest(built_site)
    urls = {entry["url"] for entry in manifest}
    assert {"index.html", "services/sqs/index.html", "search/search_index.json", "practice/question-bank.js",
            "manifest.webmanifest", "assets/images/icon-192.png"} <= urls
    assert not [u for u in urls if u.startswith(("downloads/", "pdf/", "data/")) or u.endswith(".map") or u == "sw.js"]
    assert all(len(entry["revision"]) == 32 for entry in manifest)
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert "precacheAndRoute(" in worker and "storage.googleapis" not in worker
    assert (built_site / serviceworker.WORKBOX_DIR / "workbox-precaching.prod.js").is_file()


# The two tests of one visit run on one worker, early: at the end of the run they would leave the
# other worker idle.
@pytest.mark.xdist_group("published")
def test_after_one_visit_the_site_installs_and_works_with_no_connection(published, visited):
    site, server = published
    context, page = visited
    manifest_url = page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = json.loads(page.request.get(server.url + manifest_url).text())
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}
    cdp = context.context.new_cdp_session(page)
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    cdp.detach()
    # A test's browser context is incognito, where Chromium never installs; nothing else may stop it.
    assert [e for e in errors if e != "in-incognito"] == [], "the site can be added to the home screen"
    context.context.set_offline(True)
    for path in TEN_PAGES:
        page.goto(server.url + path, wait_until="load")
        assert page.locator("article h1").count() == 1, path
    results, _ = SearchBox(page, server.url + "services/sqs/").search("visibility timeout")
    assert results and results[0] == "services/sqs/", "search runs from the cache"
    page.goto(server.url + "practice/task-1-1/", wait_until="load")
    first = page.locator(".practice-question").first
    first.locator("input").first.check()
    first.locator(".practice-check").click()
    assert first.locator(".practice-result").text_content().strip(), "a practice question is checked"
    page.goto(server.url + "practice/mock/", wait_until="load")
    page.locator("#mock-app button", has_text="Start the exam").click()
    page.wait_for_selector("#mock-app fieldset.mock-question")
    assert page.locator(".mock-bar").text_content().startswith("Question 1 of 65")
    assert page.errors == [] and context.blocked == []


@pytest.mark.xdist_group("published")
def test_a_new_build_is_offered_and_then_served_whole(published, visited):
    site, server = published
    context, page = visited
    page.goto(server.url + "services/sqs/", wait_until="load")
    # Publish a changed build: a page changes, so the worker's manifest changes.
    page_file = site / "services" / "sqs" / "index.html"
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("</article>", '<p id="new-build">New build</p></article>', 1),
                         encoding="utf-8")
    serviceworker.write_service_worker(site)
    page.goto(server.url + "services/sqs/", wait_until="load")
    assert page.locator("#new-build").count() == 0, "the old build is served until the reader reloads"
    bar = page.locator(".offline-update")
    bar.wait_for(timeout=90_000)
    assert "newer version" in bar.text_content()
    with page.expect_navigation():
        bar.locator("button", has_text="Reload").click()
    page.wait_for_selector("#new-build")
    context.context.set_offline(True)
    page.goto(server.url + "services/sqs/", wait_until="load")
    assert page.locator("#new-build").count() == 1, "the new build is what the cache serves"
    assert page.errors == [] and context.blocked == []


def test_no_worker_for_mkdocs_serve_or_the_offline_zip():
    class Plugin:
        class config:
            enabled = True

    class Config:
        def __init__(self, offline):
            self.plugins = {"material/offline": Plugin} if offline else {}

    mkdocs_hooks.on_startup("serve", dirty=False)
    assert not mkdocs_hooks.wants_service_worker(Config(offline=False))
    mkdocs_hooks.on_startup("build", dirty=False)
    assert mkdocs_hooks.wants_service_worker(Config(offline=False))
    assert not mkdocs_hooks.wants_service_worker(Config(offline=True))
