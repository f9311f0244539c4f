"""The exam room on a 390 px phone (issue #19): an exam sat in each of the three modes with the bar
(number and clock) in view after every move, the navigator, the review filtered to wrong answers,
a retake of the missed questions, readiness counting first answers only, the review queue and a
service's set, and readiness over time. Short exams (?questions=6) keep it quick."""

from __future__ import annotations

import json

import pytest

from conftest import OfflineContext

pytestmark = pytest.mark.browser

LETTERS = "ABCDEFGH"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = OfflineContext(browser, viewport=PHONE)
    page = context.new_page()
    yield page
    assert page.errors == [] and context.blocked == []
    context.context.close()


def bar_in_view(page) -> None:
    for part in (".mock-bar .mock-number", ".mock-bar .mock-clock"):
        box = page.locator(part).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"{part} off screen: {box}"


def fresh_mock(page, url: str, mode: str) -> tuple[list, dict]:
    page.goto(url, wait_until="load")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="load")
    assert page.locator("#mock-mode-timed").is_checked(), "timed is the default"
    page.locator(f"#mock-mode-{mode}").check()
    page.get_by_role("button", name="Start the exam").click()
    page.wait_for_selector(".mock-question")
    return current(page)


def current(page) -> tuple[list, dict]:
    items = page.evaluate("JSON.parse(localStorage.getItem('dva-mock-v1'))")["current"]["items"]
    by_id = {q["id"]: q for q in page.evaluate("window.questionBank.questions")}
    return items, by_id


def positions(item, q, right: bool) -> list[int]:
    good = [item["order"].index(LETTERS.index(a)) for a in q["answer"]]
    return good if right else [next(p for p in range(len(item["order"])) if p not in good)]


def answer(page, item, q, right: bool) -> None:
    for p in positions(item, q, right):
        page.locator(f"#mock-option-{p}").check()


def sit(page, items, by_id, right_first: int, check: bool = False, total: int = 0) -> None:
    """Answer the first `right_first` questions right and the rest wrong, moving with Next."""
    for n, item in enumerate(items):
        assert page.locator(".mock-number").text_content() == f"Question {n + 1} of {total or len(items)}"
        bar_in_view(page)
        answer(page, item, by_id[item["id"]], n < right_first)
        if check:
            page.get_by_role("button", name="Check answer").click()
        if n < len(items) - 1:
            page.get_by_role("button", name="Next").click()
            bar_in_view(page)


def submit(page) -> None:
    page.get_by_role("button", name="Review answers").click()
    page.get_by_role("button", name="Submit the exam").click()
    page.wait_for_selector("#mock-result")


def test_timed_exam_with_the_navigator_a_filtered_review_and_a_retake(site_server, phone):
    page = phone
    items, by_id = fresh_mock(page, site_server.url + "practice/mock/?seed=11&questions=6", "timed")
    assert len(items) == 6
    assert page.locator(".mock-clock").text_content().endswith(" left")
    # Flag question 2 and answer only the first three right; question 6 stays unanswered.
    sit(page, items[:5], by_id, right_first=3, total=6)
    page.get_by_role("button", name="Previous").click()
    page.locator("#mock-flag").check()
    page.get_by_role("button", name="Questions").click()
    cells = page.locator("#mock-nav-panel .mock-nav-cell")
    assert cells.count() == 6
    assert cells.nth(3).get_attribute("aria-label") == "Question 4: answered, flagged"
    assert cells.nth(5).get_attribute("aria-label") == "Question 6: unanswered"
    assert "⚑" in cells.nth(3).text_content() and "○" in cells.nth(5).text_content(), "a symbol, not colour alone"
    box = cells.nth(0).bounding_box()
    assert box["width"] >= 40 and box["height"] >= 40, "big enough for a finger"
    cells.nth(1).click()
    assert page.locator(".mock-number").text_content() == "Question 2 of 6"
    bar_in_view(page)
    submit(page)

    badge = page.locator(".mock-badge")
    assert badge.text_content().endswith("Below the pass mark") and "is-fail" in badge.get_attribute("class")
    assert "Time taken: " in page.locator(".mock-verdict").text_content()
    result_cells = page.locator(".mock-answers").locator("xpath=preceding-sibling::ol[1]").locator(".mock-nav-cell")
    labels = [result_cells.nth(n).get_attribute("aria-label") for n in range(6)]
    assert labels[:3] == ["Question 1: right", "Question 2: right", "Question 3: right"]
    assert labels[3] == "Question 4: wrong, flagged", "flags are kept after submitting"
    page.select_option("#mock-filter", "wrong")
    shown = page.locator(".mock-answers > li:visible")
    assert shown.count() == 3 and all(shown.nth(n).get_attribute("data-right") == "no" for n in range(3))
    page.select_option("#mock-filter", "flagged")
    assert page.locator(".mock-answers > li:visible").count() == 1

    # Retake the three missed, answering as you go (the default for a retake).
    missed = {item["id"] for item in items[3:]}
    assert page.locator("#mock-retake-mode-check").is_checked()
    page.get_by_role("button", name="Retake the 3 questions you missed").click()
    retake, by_id = current(page)
    assert {item["id"] for item in retake} == missed
    assert page.locator(".mock-number").text_content() == "Question 1 of 3"
    assert page.locator(".mock-clock").text_content().endswith(" taken")
    sit(page, retake, by_id, right_first=3, check=True)
    submit(page)
    assert page.locator(".mock-score").text_content().startswith("3 of 3 right")
    assert page.locator("button", has_text="you missed").count() == 0, "nothing left to retake"


def test_untimed_exam_shows_time_taken_and_has_no_pause(site_server, phone):
    page = phone
    items, by_id = fresh_mock(page, site_server.url + "practice/mock/?seed=12&questions=6", "untimed")
    assert page.locator(".mock-clock").text_content().endswith(" taken")
    assert page.locator(".mock-bar button", has_text="Pause").count() == 0
    sit(page, items, by_id, right_first=6)
    submit(page)
    assert page.locator(".mock-badge").text_content().endswith("Pass")
    assert "Untimed, answers at the end" in page.locator(".mock-verdict").text_content()
    attempt = page.evaluate("JSON.parse(localStorage.getItem('dva-mock-v1'))")["attempts"][-1]
    assert attempt["mode"] == "untimed" and attempt["total"] == 6 and isinstance(attempt["seconds"], int)


def test_answer_as_you_go_counts_the_first_answer_only(site_server, phone):
    page = phone
    items, by_id = fresh_mock(page, site_server.url + "practice/mock/?seed=13&questions=6", "check")
    first, q = items[0], by_id[items[0]["id"]]
    answer(page, first, q, right=False)
    page.get_by_role("button", name="Check answer").click()
    assert page.locator(".mock-check .practice-result").text_content().startswith("Not this time")
    assert page.locator(".mock-question .practice-option.is-wrong").count() == 1
    assert page.locator(".mock-explain li").count() == len(q["options"]), "every option explained"
    right = positions(first, q, True)[0]
    assert page.locator(f"#mock-option-{right}").is_disabled(), "the first answer is locked"
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Previous").click()
    assert page.locator(".mock-check button").is_disabled()
    sit_rest = items[1:]
    page.get_by_role("button", name="Next").click()
    for n, item in enumerate(sit_rest, start=1):
        bar_in_view(page)
        answer(page, item, by_id[item["id"]], True)
        page.get_by_role("button", name="Check answer").click()
        if n < len(items) - 1:
            page.get_by_role("button", name="Next").click()
    submit(page)
    assert page.locator(".mock-score").text_content().startswith("5 of 6 right"), "counted wrong: the first answer"
    stored = page.evaluate("JSON.parse(localStorage.getItem('dva-practice-v1'))")["answers"]
    assert stored[first["id"]]["last"] is False and stored[first["id"]]["tries"] == 1

    # Readiness moves by first answers only: the domain of the missed question is below 100%.
    page.goto(site_server.url + "practice/", wait_until="load")
    domain = by_id[first["id"]]["domain"]
    names = {d["id"]: d["name"] for d in page.evaluate("JSON.parse(document.querySelector('#progress-app').dataset.domains)")}
    row = page.locator(".practice-readiness tbody tr", has_text=names[domain])
    assert row.locator("td").nth(2).text_content() != "100%"
    assert page.locator(".practice-queue").text_content().startswith("1 missed question waits"), "the miss is in the review queue"


def test_the_review_queue_and_a_services_set(site_server, phone):
    page = phone
    page.goto(site_server.url + "practice/review/", wait_until="load")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="load")
    assert page.locator("#drill-start").text_content() == "0 questions due now"
    bank = json.loads(page.evaluate("fetch('question-bank.js'.replace(/^/, '../')).then(r => r.text())")
                      .removeprefix("window.questionBank = ").rstrip().removesuffix(";"))
    ids = [q["id"] for q in bank["questions"][:3]]
    # Three misses a week ago (due now) and one this minute (due later).
    page.evaluate("""ids => { const week = new Date(Date.now() - 7 * 864e5).toISOString(), now = new Date().toISOString();
        const items = {}; ids.forEach(id => items[id] = { log: [{ at: week, right: false }], streak: 0 });
        items['fresh'] = { log: [{ at: now, right: false }], streak: 0 };
        localStorage.setItem('dva-queue-v1', JSON.stringify({ items, retired: 0 })); }""", ids)
    page.reload(wait_until="load")
    assert page.locator("#drill-start").text_content() == "3 questions due now"
    assert page.locator(".drill-summary").text_content().startswith("1 more comes back later")
    assert page.locator("#drill-mode-check").is_checked()
    page.get_by_role("button", name="Start the 3 questions due").click()
    page.wait_for_selector(".mock-question")
    assert page.locator(".mock-number").text_content() == "Question 1 of 3"
    assert page.get_by_role("button", name="Check answer").is_visible()
    bar_in_view(page)

    page.goto(site_server.url + "services/sts-sdk-cli/", wait_until="load")
    link = page.locator(".service-practice a")
    assert link.text_content() == "Practise the 12 questions on STS, SDKs and CLI"
    link.click()
    page.wait_for_selector("#drill-start")
    assert page.locator("#drill-start").text_content() == "12 questions on STS, SDKs and CLI"


def test_readiness_over_time_counts_full_first_sittings(site_server, phone):
    page = phone
    page.goto(site_server.url + "practice/", wait_until="load")
    page.evaluate("""() => { const d = { development: { right: 15, total: 20 }, security: { right: 14, total: 17 },
                                         deployment: { right: 12, total: 14 }, troubleshooting: { right: 12, total: 14 } };
        const a = (score, mock, extra) => Object.assign({ finished: '2026-03-0' + (mock + 1) + 'T10:00:00Z', kind: 'mock', mock,
                                                         total: 65, right: 53, score, domains: d, tasks: {} }, extra || {});
        localStorage.clear();
        localStorage.setItem('dva-mock-v1', JSON.stringify({ attempts: [a(650, 1), a(810, 2), a(820, 3), a(900, 1, { resat: true }),
            a(850, 4), { kind: 'retake', total: 5, score: 1000, right: 5, mock: 0, finished: '2026-03-09T10:00:00Z' }] })); }""")
    page.reload(wait_until="load")
    assert page.locator(".readiness-verdict").text_content() == "Ready: your last three mocks scored 800 or more."
    assert page.locator("svg.readiness-chart").count() == 5, "the score and each of four domains"
    assert page.locator("svg.readiness-chart").first.locator("circle").count() == 5, "full mocks only"
    assert page.locator("svg.readiness-chart").first.locator("circle.is-not-counted").count() == 1, "the re-sat mock is marked"
    rows = page.locator(".readiness-table tbody tr")
    assert rows.count() == 5 and "not counted" in rows.nth(3).text_content()


def test_the_exam_room_passes_axe_in_both_schemes(site_server, browser):
    """The screens the exam room draws (a question with the navigator open, a result with its
    navigator, the review page, readiness over time), checked by axe in the light scheme and for
    contrast in the dark one (tests/test_browser.py checks the pages as loaded)."""
    from test_browser import axe_context, draw_everything, in_scheme, run_axe

    context = axe_context(browser)
    page = context.new_page()
    problems = []

    def check(where: str) -> None:
        page.mouse.move(1, 1)  # no button left in its hover colours (Material's own)
        draw_everything(page)
        problems.extend(f"{where}: {v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in run_axe(page, within=".md-content"))
        in_scheme(page, "slate")
        problems.extend(f"{where} (dark): {v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in run_axe(page, ["color-contrast"], ".md-content"))
        in_scheme(page, "default")

    items, by_id = fresh_mock(page, site_server.url + "practice/mock/?seed=21&questions=6", "timed")
    answer(page, items[0], by_id[items[0]["id"]], True)
    page.locator("#mock-flag").check()
    page.get_by_role("button", name="Next").click()
    answer(page, items[1], by_id[items[1]["id"]], False)
    page.get_by_role("button", name="Questions").click()
    check("a question, navigator open")
    submit(page)
    check("the result")
    page.goto(site_server.url + "practice/", wait_until="load")
    page.evaluate("""() => { const s = JSON.parse(localStorage.getItem('dva-mock-v1'));
        s.attempts = [0, 1, 2].map(n => Object.assign({}, s.attempts[0], { total: 65, score: 700 + 50 * n, mock: n }));
        localStorage.setItem('dva-mock-v1', JSON.stringify(s)); }""")
    page.reload(wait_until="load")
    check("the progress panel")
    page.goto(site_server.url + "practice/review/", wait_until="load")
    check("the review page")
    assert problems == [], "\n".join(problems)
    assert page.errors == [] and context.blocked == []
    context.context.close()
