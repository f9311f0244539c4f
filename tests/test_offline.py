"""The site that works from a folder: the zip `tools/offline.py` makes, unzipped and opened from
file:// in Chromium with every other request refused (pages, navigation, search, diagrams, print,
flashcards); the hosted build unchanged by it; and the Downloads page's sizes."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, OfflineContext, files_only

import budgets  # tools/budgets.py

import offline as offline_tool  # tools/offline.py
from finish.downloads import fill_sizes


@pytest.fixture(scope="session")
def unzipped(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    archive = folder / offline_tool.ZIP_NAME
    offline_tool.make_zip(archive)
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert all(name.startswith(offline_tool.FOLDER + "/") for name in names)
        assert not [n for n in names if n.endswith(".map")]
        assert not [n for n in names if n.endswith("/sw.js") or "/assets/workbox/" in n], \
            "file:// has no service workers: the zip carries none"
        assert b"offline.js" not in zipped.read(offline_tool.FOLDER + "/index.html")
        zipped.extractall(folder)
    assert archive.stat().st_size <= budgets.OFFLINE_ZIP_BYTES, f"offline zip: {archive.stat().st_size} bytes"
    return folder / offline_tool.FOLDER


@pytest.mark.browser
@pytest.mark.xdist_group("offline")
def test_the_unzipped_site_works_from_file_urls(browser, unzipped):
    files = OfflineContext(browser, allowed=files_only, search=True)
    page = files.context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(unzipped.joinpath("index.html").as_uri(), wait_until="load")
        # Search, as a reader would: the shortcut, a query, the first result.
        page.keyboard.press("/")
        page.keyboard.type("visibility timeout")
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=15000)
        assert "services/sqs.html" in first.get_attribute("href")
        first.click()
        page.wait_for_url(re.compile(r"services/sqs\.html"))
        assert page.locator("h1").first.inner_text().startswith("Amazon SQS") or "SQS" in page.locator("h1").first.inner_text()
        # Navigation: the footer's link to the next page, as MkDocs wrote it for a folder (.html).
        next_link = page.locator("a.md-footer__link--next")
        target = next_link.get_attribute("href")
        assert target.endswith(".html")
        next_link.click()
        page.wait_for_url(re.compile(re.escape(target.rsplit("/", 1)[-1]) + "$"))
        # A page with diagrams drawn in the page.
        page.goto(unzipped.joinpath("services", "kms.html").as_uri(), wait_until="load")
        assert page.locator("article figure svg").count() > 0
        # Print: the print stylesheet is in the folder and takes the site chrome away.
        page.emulate_media(media="print")
        # (file:// pages may not read a stylesheet's rules: wait for its effect instead)
        page.wait_for_function("() => getComputedStyle(document.querySelector('.md-header')).display === 'none'", timeout=10000)
        page.emulate_media(media="screen")
        # The scripts of the site's own pages work from a folder too.
        page.goto(unzipped.joinpath("flashcards", "sqs.html").as_uri(), wait_until="load")
        page.wait_for_function("() => document.querySelector('.flashcard-prompt').textContent.length > 0")
        # The exam room: a short mock answered as you go, a miss, submitted; then the review page,
        # whose scheduler (ts-fsrs) loads by a script tag from the folder once the queue holds it.
        page.goto(unzipped.joinpath("practice", "mock.html").as_uri() + "?seed=7&questions=2", wait_until="load")
        page.locator("#mock-mode-check").check()
        page.get_by_role("button", name="Start the exam").click()
        page.wait_for_selector(".mock-question")
        item = page.evaluate("JSON.parse(localStorage.getItem('dva-mock-v1'))")["current"]["items"][0]
        answer = page.evaluate(f"window.questionBank.questions.find(q => q.id === {item['id']!r}).answer")
        wrong = next(n for n in range(len(item["order"])) if "ABCDEFGH"[item["order"][n]] not in answer)
        page.locator(f"#mock-option-{wrong}").check()
        page.get_by_role("button", name="Check answer").click()
        page.wait_for_selector(".mock-question .practice-option.is-wrong")
        page.get_by_role("button", name="Review answers").click()
        page.get_by_role("button", name="Submit the exam").click()
        page.wait_for_selector("#mock-result")
        page.goto(unzipped.joinpath("practice", "review.html").as_uri(), wait_until="load")
        page.wait_for_selector(".drill-summary", timeout=10000)
        assert "back later, the next on" in page.locator(".drill-summary").text_content(), "the miss (and the unanswered) queued"
        assert page.evaluate("typeof window.FSRS") == "object", "the scheduler loaded from the folder"
        assert files.blocked == [], files.blocked
        assert errors == [], errors
    finally:
        files.context.close()


@pytest.mark.browser  # not a browser test, but it needs the offline build: the slow lane
@pytest.mark.xdist_group("offline")
def test_the_offline_pages_load_no_cdn(unzipped):
    index = (unzipped / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/javascripts/iframe-worker-shim.js"' in index
    assert (unzipped / "assets/javascripts/iframe-worker-shim.js").read_bytes() == (ROOT / "exports/vendor/iframe-worker/shim.js").read_bytes()
    assert (unzipped / "search" / "search_index.js").exists()
    for page in unzipped.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="https?://', text), page


def test_the_hosted_build_keeps_its_policy_and_speed(site_soups):
    for path, soup in site_soups.items():
        assert not soup.select("script[src*='iframe-worker']"), path
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None and "unsafe-inline" not in policy["content"], path


def test_downloads_are_linked_with_their_size_once_they_exist(tmp_path):
    page = tmp_path / "downloads" / "index.html"
    page.parent.mkdir()
    page.write_text('<td><span data-download="pdf/booklet.pdf">booklet.pdf</span></td>'
                    '<td><span data-download-size="pdf/booklet.pdf">on the published site</span></td>', encoding="utf-8")
    assert fill_sizes(tmp_path) == []
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "booklet.pdf").write_bytes(b"x" * 3000)
    assert fill_sizes(tmp_path) == ["downloads/index.html"]
    text = page.read_text(encoding="utf-8")
    assert '<a href="../pdf/booklet.pdf">booklet.pdf</a>' in text and ">3 KB<" in text
    assert fill_sizes(tmp_path) == [], "a second run changes nothing"


def test_the_downloads_page_links_the_anki_deck_with_its_size(site_soups):
    soup = site_soups["downloads/index.html"]
    anki = soup.select_one("span[data-download='downloads/aws-developer-associate.apkg'] a")
    assert anki is not None and anki["href"] == "aws-developer-associate.apkg"
    size = soup.select_one("span[data-download-size='downloads/aws-developer-associate.apkg']").get_text()
    assert size.endswith(" KB")
    pending = soup.select_one("span[data-download-size='pdf/booklet.pdf']").get_text()
    assert pending == "on the published site; here: bash .ci/pdf", "a local build says how to make what it lacks"

