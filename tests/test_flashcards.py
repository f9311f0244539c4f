"""Flashcards: the cards made from the data (limits, self-test questions, abbreviations), the
self-test sections rendered from data/selftest.yml, the flashcard pages, the Anki deck (opened as
the zip and SQLite database it is), and studying a deck in Chromium by keyboard."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

import budgets  # tools/budgets.py
from conftest import ROOT, OfflineContext, data_dir_with
from macros import cards
from macros.datafiles import DataError, load_site_data
from macros.render import parse_abbreviations

DATA = load_site_data(ROOT / "data")
GLOSSARY = parse_abbreviations((ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8"), "abbreviations.md")
DECKS = cards.decks(DATA, GLOSSARY)
ALL = [card for deck in DECKS.values() for card in deck.cards]


def test_one_card_per_limit_self_test_question_and_abbreviation():
    assert len([c for c in ALL if c.kind == "limit"]) == len(DATA.limits)
    assert len([c for c in ALL if c.kind == "self-test"]) == sum(len(v) for v in DATA.self_tests.values()) >= 200
    assert len([c for c in ALL if c.kind == "glossary"]) == len(GLOSSARY)
    assert len({c.id for c in ALL}) == len(ALL), "card ids are unique"


def test_cards_carry_their_domains_and_task_statements():
    sqs = DECKS["sqs"]
    assert sqs.title == "SQS" and {c.kind for c in sqs.cards} == {"limit", "self-test"}
    tags = sqs.cards[0].tags()
    assert "service::sqs" in tags and "domain::development" in tags and any(t.startswith("task::1.") for t in tags)
    testing = next(d for d in DECKS.values() if d.kind == "skills" and d.page == "skills/testing.md")
    assert all("task::3.2" in c.tags() and not any(t.startswith("service::") for t in c.tags()) for c in testing.cards)
    out_of_scope = next(s for s in DATA.services.values() if not s.in_scope)
    assert all(not c.domains for c in DECKS[out_of_scope.id].cards)


def _selftest_error(tmp_path: Path, text: str) -> str:
    data_dir = data_dir_with(tmp_path)
    (data_dir / "selftest.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site_data(data_dir)
    return str(err.value)


@pytest.mark.parametrize("text, expected", [
    ("pages:\n  - page: services/sqs.md\n    cards:\n      - {id: a, question: 'Q?', answer: 'A.'}\n"
     "      - {id: a, question: 'Q2?', answer: 'A.'}\n", ["selftest.yml:5", "duplicate self-test card id 'a'", "line 4"]),
    ("pages:\n  - page: services/sqs.md\n    cards:\n      - {id: a, question: 'Say \"hi\"?', answer: 'A.'}\n",
     ["selftest.yml:4", "question", "cannot contain"]),
    ("pages:\n  - page: services/sqs.md\n    cards:\n      - {id: a, question: 'Q?', answer: \"{{ limit('sqs.nope') }}\"}\n",
     ["selftest.yml:4", "unknown limit id 'sqs.nope'"]),
    ("pages:\n  - page: services/sqs.md\n    cards:\n      - {id: a, question: 'Q?', answer: 'Use <b>bold</b>.'}\n",
     ["selftest.yml:4", "answer", "HTML is not allowed"]),
])
def test_a_bad_self_test_card_names_file_line_and_field(tmp_path, text, expected):
    message = _selftest_error(tmp_path, text)
    for part in expected:
        assert part in message, message


def test_self_test_sections_come_from_the_data(site_soups):
    for page, entries in [("services/sqs.md", DATA.self_tests["services/sqs.md"]),
                          ("skills/testing.md", DATA.self_tests["skills/testing.md"])]:
        soup = site_soups[page.removesuffix(".md") + "/index.html"]
        heading = soup.find(id="self-test")
        questions = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            questions += sibling.select("summary") if sibling.name != "details" else [sibling.summary]
        shown = [re.sub(r"^Q\d+\. ", "", q.get_text(" ", strip=True)) for q in questions]  # numbered for print
        assert shown == [c.question.replace("`", "") for c in entries]
    link = site_soups["services/sqs/index.html"].find("a", string="flashcards")
    assert link["href"] == "../../flashcards/sqs/" and "print-hide" in link.parent["class"]


def test_a_flashcard_page_per_service_domain_and_the_glossary(site_soups):
    pages = {p for p in site_soups if p.startswith("flashcards/")}
    expected = {f"flashcards/{d}/index.html" for d in DECKS if DECKS[d].kind != "skills"}
    expected |= {f"flashcards/{d.id}/index.html" for d in DATA.exam.domains} | {"flashcards/index.html"}
    assert pages == expected
    sqs = site_soups["flashcards/sqs/index.html"]
    items = sqs.select("li.flashcard")
    assert [li["data-card"] for li in items] == [c.id for c in DECKS["sqs"].cards]
    assert all(li.details is not None and not li.details.has_attr("open") for li in items), "answers folded"
    assert all(li.select_one(".flashcard-meta a") for li in items), "every card links its source or page"
    development = site_soups["flashcards/development/index.html"].select("li.flashcard")
    assert len(development) == len(cards.domain_cards(DATA, DECKS, "development")) > len(items)
    index = site_soups["flashcards/index.html"]
    assert index.select_one("a[href='../flashcards/sqs/']") or index.select_one("a[href='sqs/']")


def test_flashcard_pages_stay_out_of_search(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("flashcards/") and d["location"].split("#")[0] != "flashcards/"]


# Anki -----------------------------------------------------------------------------------------

def _open_package(package: bytes):
    archive = zipfile.ZipFile(io.BytesIO(package))
    assert "collection.anki2" in archive.namelist()
    path = Path(__import__("tempfile").mkdtemp()) / "collection.anki2"
    path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(path)


def test_the_anki_deck_has_every_card_a_sub_deck_per_service_and_tags(built_site):
    from exports.anki import ANKI_FILE, parent_deck

    package = (built_site / ANKI_FILE).read_bytes()
    assert len(package) <= budgets.ANKI_DECK_BYTES
    db = _open_package(package)
    notes = db.execute("select guid, tags, flds from notes").fetchall()
    assert len(notes) == len(ALL) == db.execute("select count(*) from cards").fetchone()[0]
    decks = {d["name"] for d in json.loads(db.execute("select decks from col").fetchone()[0]).values()}
    parent = parent_deck(DATA)
    for service in DATA.services.values():
        if service.id in DECKS:
            assert f"{parent}::Services::{service.short or service.name}" in decks
    assert f"{parent}::Glossary" in decks and any(name.startswith(f"{parent}::Exam skills::") for name in decks)
    tags = {tag for _, tag_text, _ in notes for tag in tag_text.split()}
    assert {"domain::development", "domain::security", "task::1.1", "task::4.3", "service::sqs", "limits", "self-test"} <= tags
    for _, _, fields in notes:
        front, back, source, page = fields.split("\x1f")
        assert front and back and (source.startswith("https://") or "Study page" in page)


def test_anki_ids_are_stable_across_builds():
    from exports.anki import build_package

    def ids(package: bytes):
        db = _open_package(package)
        notes = sorted(row[0] for row in db.execute("select guid from notes"))
        decks = sorted((d["name"], d["id"]) for d in json.loads(db.execute("select decks from col").fetchone()[0]).values())
        models = sorted(json.loads(db.execute("select models from col").fetchone()[0]))
        return notes, decks, models

    first = ids(build_package(DATA, GLOSSARY, timestamp=1_700_000_000))
    second = ids(build_package(DATA, GLOSSARY, timestamp=1_800_000_000))
    assert first == second and len(first[0]) == len(ALL)


# In the browser ---------------------------------------------------------------------------

def _boxes(page) -> dict:
    return page.evaluate("JSON.parse(localStorage.getItem('dva-cards-v1') || '{}')")


@pytest.mark.browser
def test_study_a_deck_by_keyboard_and_keep_the_progress(site_server, offline):
    page = offline.new_page()
    page.goto(site_server.url + "flashcards/sqs/", wait_until="load")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="load")
    by_front = {cards.plain(DATA, card.front): card for card in DECKS["sqs"].cards}
    prompt = page.locator(".flashcard-prompt")
    page.wait_for_function("() => document.querySelector('.flashcard-prompt').textContent.length > 0")
    first = by_front[prompt.inner_text()]
    assert not page.locator(".flashcard-answer").is_visible()
    page.locator("h1").first.evaluate("e => { e.setAttribute('tabindex', '-1'); e.focus(); }")
    page.keyboard.press("Space")
    assert page.locator(".flashcard-answer").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('flashcard-answer')"), "the answer, not a grade, has the focus"
    page.keyboard.press("Space")  # a second Space grades nothing
    assert _boxes(page) in (None, {})
    page.keyboard.press("k")
    assert _boxes(page)[first.id]["box"] == 2
    second = by_front[prompt.inner_text()]
    page.keyboard.press("Space")
    page.keyboard.press("a")  # missed: back to box 1, and again before the session ends
    assert _boxes(page)[second.id]["box"] == 1
    progress = page.locator(".flashcard-progress").inner_text()
    assert "cards to go" in progress and "New or missed:" in progress and "known:" in progress
    page.reload(wait_until="load")
    page.wait_for_function("() => document.querySelector('.flashcard-prompt').textContent.length > 0")
    assert prompt.inner_text() != cards.plain(DATA, first.front), "a card known today is not due again today"
    assert _boxes(page)[first.id]["box"] == 2
    page.emulate_media(media="print")  # on paper: every card with its answer, no study panel
    page.wait_for_function("() => getComputedStyle(document.querySelector('.flashcard-study')).display === 'none'")
    assert page.locator("li.flashcard .flashcard-back").first.is_visible()
    assert page.errors == [] and offline.blocked == []


@pytest.mark.browser
def test_a_double_tap_on_a_phone_grades_nothing(browser, site_server):
    context = OfflineContext(browser, viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(site_server.url + "flashcards/sqs/", wait_until="load")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="load")
    flip = page.locator("[data-card-action=flip]")
    box = flip.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.touchscreen.tap(x, y)
    page.touchscreen.tap(x, y)  # where "Show answer" was, "Knew it" now is
    assert page.locator(".flashcard-answer").is_visible()
    assert _boxes(page) in (None, {}), "no card graded unseen"
    page.wait_for_timeout(700)
    page.locator("[data-card-action=knew]").tap()
    assert len(_boxes(page)) == 1, "a deliberate tap grades"
    context.context.close()


@pytest.mark.browser
def test_without_javascript_a_deck_is_a_list_with_folded_answers(browser, site_server):
    context = OfflineContext(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.url + "flashcards/sqs/", wait_until="load")
        assert not page.locator(".flashcard-study").is_visible()
        items = page.locator("li.flashcard")
        assert items.count() == len(DECKS["sqs"].cards)
        assert not items.first.locator(".flashcard-back").is_visible()
        items.first.locator("summary").click()
        assert items.first.locator(".flashcard-back").is_visible()
    finally:
        context.context.close()
