"""Practice and the mock exam in Chromium, keyboard only: checking an answer, progress kept and
exported, a whole mock exam sat and scored against a known answer key, the result surviving a
reload; and every question readable with JavaScript off."""

from __future__ import annotations

import json

import pytest

from conftest import OfflineContext

pytestmark = pytest.mark.browser

LETTERS = "ABCDEFGH"


def start_at(page, selector: str) -> None:
    """Put the keyboard focus where a reader would start (the page's heading); Tab from there."""
    page.locator(selector).first.evaluate("e => { e.setAttribute('tabindex', '-1'); e.focus(); }")


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose(page, group: str, positions: list[int], checkbox: bool) -> None:
    """Select options by keyboard: checkboxes with Space, a radio group with the arrow keys."""
    if checkbox:
        for position in sorted(positions):
            tab_to(page, f"{group} input[id$='-{position}'], {group} input[value='{LETTERS[position]}']")
            page.keyboard.press("Space")
        return
    tab_to(page, f"{group} input")
    [position] = positions
    if position == 0:
        page.keyboard.press("Space")
    for _ in range(position):
        page.keyboard.press("ArrowDown")


def bank_of(site) -> dict:
    text = (site / "practice" / "question-bank.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("window.questionBank = ").rstrip().removesuffix(";"))



def fresh(page, url: str) -> None:
    """Open `url` with no progress stored: the state a first-time reader starts from."""
    page.goto(url, wait_until="load")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="load")


def start_mock(page) -> None:
    page.locator("#mock-app button", has_text="Start the exam").click()
    page.wait_for_selector("#mock-app fieldset.mock-question")

def test_mock_page_loads_the_bank_only_to_start(built_site, site_server, offline):
    page = offline.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    fresh(page, site_server.url + "practice/mock/")
    assert not any("question-bank" in url for url in requests)
    assert page.locator("#mock-app button", has_text="Start the exam").is_visible()
    start_mock(page)
    assert any(url.endswith("practice/question-bank.js") for url in requests)
    assert page.errors == [], "the Content-Security-Policy allows the bank script"


def test_practice_question_is_checked_with_the_keyboard(site_server, offline):
    page = offline.new_page()
    page.goto(site_server.url + "practice/task-1-1/", wait_until="load")
    first = page.locator(".practice-question").first
    answer = first.get_attribute("data-answer")
    qid = first.get_attribute("id")
    checkbox = len(answer) > 1
    start_at(page, "article h1")
    choose(page, f"#{qid}", [LETTERS.index(a) for a in answer], checkbox)
    tab_to(page, f"#{qid} .practice-actions button")
    page.keyboard.press("Enter")
    result = first.locator(".practice-result")
    assert result.get_attribute("role") == "status"
    assert result.text_content().startswith("Right.")
    assert first.locator("details").evaluate("d => d.open")
    assert first.locator(".practice-option.is-right").count() == len(answer)
    stored = page.evaluate("JSON.parse(localStorage.getItem('dva-practice-v1'))")
    assert stored["answers"][first.get_attribute("data-id")]["last"] is True
    assert page.errors == [] and offline.blocked == []


def test_practice_sets_are_per_task_and_filter_by_service(site_server, offline):
    page = offline.new_page()
    page.goto(site_server.url + "practice/development/", wait_until="load")
    page.locator("article table a", has_text="Task 1.2").click()
    page.wait_for_url("**/practice/task-1-2/")
    tasks = {page.locator(".practice-question").nth(n).get_attribute("data-task")
             for n in range(page.locator(".practice-question").count())}
    assert tasks == {"1.2"}
    page.goto(site_server.url + "practice/task-1-2/?service=vpc", wait_until="load")
    shown = page.locator(".practice-question:visible")
    assert 0 < shown.count() < page.locator(".practice-question").count()
    for n in range(shown.count()):
        assert "vpc" in shown.nth(n).get_attribute("data-services").split()
    assert page.locator(".practice-status").text_content() == f"{shown.count()} questions on VPC", "the service's name, not its id"


def test_every_question_reads_with_javascript_off(built_site, site_server, browser):
    context = OfflineContext(browser, java_script_enabled=False)
    page = context.new_page()
    total = 0
    tasks = [task["id"] for domain in bank_of(built_site)["exam"]["domains"] for task in domain["tasks"]]
    for task in tasks:
        page.goto(site_server.url + f"practice/task-{task.replace('.', '-')}/", wait_until="load")
        shapes = page.evaluate("""() => [...document.querySelectorAll('.practice-question')].map(q => ({
            inputs: q.querySelectorAll('fieldset input').length,
            labelled: [...q.querySelectorAll('fieldset input')].every(i => q.querySelector(`label[for="${i.id}"]`)),
            open: q.querySelector('details.question').open,
            explained: q.querySelectorAll('details.question li').length }))""")
        total += len(shapes)
        for shape in shapes:
            assert shape["inputs"] >= 4 and shape["labelled"], shape
            assert not shape["open"] and shape["explained"] == shape["inputs"], "every option explained, answer closed"
        details = page.locator(".practice-question details.question").first
        details.locator("summary").click()
        assert details.locator("li").first.is_visible(), "the answer opens without a script"
    assert total == len(bank_of(built_site)["questions"]) >= 200
    context.context.close()


def test_a_whole_mock_exam_by_keyboard(site_server, offline):
    page = offline.new_page()
    fresh(page, site_server.url + "practice/mock/?seed=20261203")
    start_at(page, "article h1")
    tab_to(page, "#mock-app button")
    page.keyboard.press("Enter")
    page.wait_for_selector("#mock-app fieldset.mock-question")
    bank = page.evaluate("window.questionBank")
    by_id = {q["id"]: q for q in bank["questions"]}
    state = page.evaluate("JSON.parse(localStorage.getItem('dva-mock-v1'))")["current"]
    items = state["items"]
    assert len(items) == bank["exam"]["questions"] == 65

    # The draw follows the DVA-C03 weights (largest remainders): 30/26/22/22% of 65.
    drawn = {}
    for item in items:
        drawn[by_id[item["id"]]["domain"]] = drawn.get(by_id[item["id"]]["domain"], 0) + 1
    assert [d["weight"] for d in bank["exam"]["domains"]] == [30, 26, 22, 22]
    assert drawn == {"development": 20, "security": 17, "deployment": 14, "troubleshooting": 14}

    # Answer the first 45 right and the rest wrong, flag three, then review and submit.
    assert any(len(by_id[item["id"]]["answer"]) > 1 for item in items[45:]), "a multiple-response question among the wrong ones"
    expected_right, per_domain = 0, {}
    for n, item in enumerate(items):
        q = by_id[item["id"]]
        right_positions = [item["order"].index(LETTERS.index(a)) for a in q["answer"]]
        answer_right = n < 45
        wrong_positions = [p for p in range(len(item["order"])) if p not in right_positions]
        if answer_right:
            positions = right_positions
        elif len(right_positions) > 1:  # all but one right option: no part marks, as on the exam
            positions = right_positions[1:] + wrong_positions[:1]
        else:
            positions = wrong_positions[:1]
        choose(page, "#mock-app fieldset", positions, checkbox=len(q["answer"]) > 1)
        if n in (3, 17, 40):
            tab_to(page, "#mock-flag")
            page.keyboard.press("Space")
        expected_right += answer_right
        d = per_domain.setdefault(q["domain"], [0, 0])
        d[0] += answer_right
        d[1] += 1
        if n < len(items) - 1:
            tab_to(page, "#mock-app .mock-actions button.md-button--primary")
            page.keyboard.press("Enter")
            assert page.locator(".mock-bar").text_content().startswith(f"Question {n + 2} of 65")
    tab_to(page, "#mock-app .mock-actions button:last-child")
    page.keyboard.press("Enter")
    review = page.locator(".mock-review-list")
    assert review.locator("li").count() == 65
    assert review.locator(".mock-flagged").count() == 3
    assert "0 unanswered, 3 flagged" in page.locator("#mock-app").text_content()
    tab_to(page, "#mock-app > button.md-button--primary")
    page.keyboard.press("Enter")

    exam = bank["exam"]
    score = round(exam["min"] + (exam["max"] - exam["min"]) * expected_right / 65)
    heading = page.locator("#mock-result")
    assert heading.evaluate("h => h === document.activeElement"), "focus moves to the result"
    assert heading.text_content().startswith(f"Your result: {score}")
    for domain, (right, total) in per_domain.items():
        assert page.locator(f".mock-domains tr[data-domain='{domain}'] td").nth(1).text_content() == f"{right} of {total}"
    assert page.locator(".mock-answers li[data-right='yes']").count() == expected_right

    page.reload(wait_until="load")
    assert page.locator("#mock-result").text_content().startswith(f"Your result: {score}"), "the result survives a reload"
    assert page.errors == [] and offline.blocked == []


def test_fixed_mocks_one_and_six_share_no_question_and_follow_the_weights(site_server, offline):
    page = offline.new_page()
    page.goto(site_server.url + "practice/mock/", wait_until="load")
    page.evaluate("localStorage.clear()")
    drawn = {}
    for mock in (1, 6):
        page.reload(wait_until="load")
        assert page.locator("#mock-which option").count() == 7, "a random draw and six fixed mocks"
        page.select_option("#mock-which", str(mock))
        start_mock(page)
        bank = page.evaluate("window.questionBank")
        by_id = {q["id"]: q for q in bank["questions"]}
        state = page.evaluate("JSON.parse(localStorage.getItem('dva-mock-v1'))")["current"]
        assert state["mock"] == mock
        drawn[mock] = [item["id"] for item in state["items"]]
        assert set(drawn[mock]) == {q["id"] for q in bank["questions"] if q.get("mock") == mock}
        domains = {}
        for qid in drawn[mock]:
            domains[by_id[qid]["domain"]] = domains.get(by_id[qid]["domain"], 0) + 1
        assert domains == {"development": 20, "security": 17, "deployment": 14, "troubleshooting": 14}
        assert {by_id[qid]["task"] for qid in drawn[mock]} == {t["id"] for d in bank["exam"]["domains"] for t in d["tasks"]}
        page.evaluate("localStorage.clear()")
    assert not set(drawn[1]) & set(drawn[6])
    assert page.errors == [] and offline.blocked == []


def test_readiness_counts_the_first_answer_of_each_attempt(site_server, offline):
    page = offline.new_page()
    fresh(page, site_server.url + "practice/task-1-1/")
    first = page.locator(".practice-question").first
    answer = first.get_attribute("data-answer")
    wrong = next(i for i, letter in enumerate(LETTERS[:first.locator("input").count()]) if letter not in answer)
    first.locator("input").nth(wrong).check()
    first.locator(".practice-check").click()
    for letter in answer:  # then the right answer, checked again
        first.locator(f"input[value='{letter}']").check()
    if len(answer) > 1:
        first.locator("input").nth(wrong).uncheck()
    first.locator(".practice-check").click()
    assert first.locator(".practice-result").text_content().startswith("Right.")
    assert "0 of 1 answered right" in page.locator(".practice-status").text_content()
    stored = page.evaluate("JSON.parse(localStorage.getItem('dva-practice-v1'))")["answers"][first.get_attribute("data-id")]
    assert stored["last"] is False and stored["tries"] == 1 and stored["wrong"] == 1
    page.goto(site_server.url + "practice/", wait_until="load")
    row = page.locator(".practice-readiness tbody tr").first
    assert row.locator("td").nth(2).text_content() == "0%"


def test_questions_missed_in_a_mock_link_to_their_practice_set(built_site, site_server, offline):
    page = offline.new_page()
    fresh(page, site_server.url + "practice/mock/")
    start_mock(page)
    page.locator("#mock-app button", has_text="Review answers").click()
    page.locator("#mock-app button", has_text="Submit the exam").click()
    page.wait_for_selector("#mock-result")
    page.goto(site_server.url + "practice/", wait_until="load")
    links = page.locator("#progress-app .practice-missed a")
    assert links.count() == 10, "every unanswered question counts as missed"
    for n in range(links.count()):
        href = links.nth(n).evaluate("a => a.href")
        path, _, anchor = href.removeprefix(site_server.url).partition("#")
        assert path.startswith("practice/task-") and (built_site / path / "index.html").is_file(), href
        assert f'id="{anchor}"' in (built_site / path / "index.html").read_text(encoding="utf-8"), href
    assert page.errors == []


def test_pause_says_paused_and_holds_the_question(site_server, offline):
    page = offline.new_page()
    fresh(page, site_server.url + "practice/mock/")
    start_mock(page)
    page.locator(".mock-bar button", has_text="Pause").click()
    assert page.locator(".mock-clock").text_content().startswith("Paused · ")
    assert page.locator(".mock-question input").first.is_disabled(), "no answering while paused"
    page.locator("#mock-app button", has_text="Next").click()
    assert page.locator(".mock-question input").first.is_disabled(), "still paused on the next question"
    page.locator(".mock-bar button", has_text="Resume").click()
    assert not page.locator(".mock-clock").text_content().startswith("Paused")
    assert page.locator(".mock-question input").first.is_enabled()


def test_the_clock_warns_then_submits_with_time_up(site_server, offline):
    page = offline.new_page()
    fresh(page, site_server.url + "practice/mock/")
    start_mock(page)
    page.evaluate("""() => { const s = JSON.parse(localStorage.getItem('dva-mock-v1'));
                             s.current.left = 4; localStorage.setItem('dva-mock-v1', JSON.stringify(s)); }""")
    page.clock.install()  # Playwright's fake clock: the four seconds left pass at once
    page.reload(wait_until="load")
    page.wait_for_selector(".mock-time-note:has-text('5 minutes or less left')")
    assert page.locator("#mock-result").count() == 0
    page.clock.run_for("00:05")
    page.wait_for_selector("#mock-result")
    assert page.locator(".mock-time-up").text_content().startswith("Time is up")


def test_one_question_at_a_time_puts_next_after_the_question(site_server, browser):
    context = OfflineContext(browser, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_server.url + "practice/task-1-1/", wait_until="load")
    page.locator("#practice-one").check()
    for n in range(2):
        shown = page.locator(".practice-question:visible")
        assert shown.count() == 1
        follows = page.evaluate("() => document.querySelector('.practice-nav').previousElementSibling.id")
        assert follows == shown.first.get_attribute("id"), "Previous and Next follow the question shown"
        page.locator(".practice-nav [data-go=next]").click()
    context.context.close()


def test_on_a_phone_the_exam_keeps_its_clock_and_shows_the_whole_result(site_server, browser):
    context = OfflineContext(browser, viewport={"width": 390, "height": 844})
    page = context.new_page()
    fresh(page, site_server.url + "practice/mock/")
    start_mock(page)
    assert not page.locator("#mock-intro").is_visible(), "the introduction is not repeated above each question"
    bar = page.locator(".mock-bar")
    assert bar.locator("#mock-flag").count() == 1, "the flag is in the bar"
    header = page.locator(".md-header").bounding_box()["height"]
    for _ in range(2):
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        box = bar.bounding_box()
        # Where the bar would be if it scrolled away with the page: a short question may not
        # scroll the page past it (the questions are drawn at random).
        unstuck = bar.evaluate("b => { b.style.position = 'static'; const y = b.getBoundingClientRect().top; b.style.position = ''; return y; }")
        assert abs(box["y"] - max(header, unstuck)) <= 1, f"the bar stays under the header: {box}, {unstuck}"
        page.locator("#mock-app button", has_text="Next").click()
        box = bar.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844, "the clock is on screen after Next"
    page.locator("#mock-app button", has_text="Review answers").click()
    page.locator("#mock-app button", has_text="Submit the exam").click()
    heading = page.locator("#mock-result")
    heading.wait_for()
    assert heading.bounding_box()["y"] >= header, "the result's heading is not under the header"
    for table in page.locator(".mock-result-table").all():
        assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1 && t.getBoundingClientRect().right <= 390"), \
            "no column of the result is cut off"
    context.context.close()


def test_options_read_cleanly_on_a_phone(site_server, browser):
    context = OfflineContext(browser, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_server.url + "practice/task-1-1/", wait_until="load")
    question = page.locator(".practice-question").nth(2)
    answer = question.get_attribute("data-answer")
    wrong = next(i for i, letter in enumerate("ABCDEFGH"[:question.locator("input").count()]) if letter not in answer)
    question.locator("input").nth(wrong).check()
    question.locator(".practice-check").click()
    fieldset = question.locator("fieldset").bounding_box()
    legend = question.locator("legend").bounding_box()
    assert legend["y"] >= fieldset["y"], "the box's border does not run through the question"
    option = question.locator(".practice-option.is-wrong")
    mark = option.locator(".practice-mark").bounding_box()
    assert mark["width"] >= option.bounding_box()["width"] * 0.8, "the mark has a line of its own"
    size = lambda locator: locator.evaluate("e => getComputedStyle(e).fontSize")  # noqa: E731
    assert size(question.locator("details.question li").first) == size(question.locator(".practice-option label").first)
    context.context.close()


def test_progress_is_exported_and_imported(site_server, offline, tmp_path):
    page = offline.new_page()
    page.goto(site_server.url + "practice/", wait_until="load")
    page.evaluate("""localStorage.setItem('dva-practice-v1', JSON.stringify({answers: {x: {tries: 2, wrong: 2, last: false,
        domain: 'security', task: '2.1', title: 'A missed question', url: 'security/#q-x'}}}))""")
    page.reload(wait_until="load")
    assert "A missed question" in page.locator("#progress-app").text_content()
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["practice"]["answers"]["x"]["wrong"] == 2
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="load")
    assert "Nothing missed yet" in page.locator("#progress-app").text_content()
    page.locator("#progress-import").set_input_files(str(saved))
    page.wait_for_function("() => document.querySelector('#progress-app').textContent.includes('A missed question')")


def test_mock_exam_fits_a_phone(site_server, browser):
    context = OfflineContext(browser, viewport={"width": 390, "height": 844})
    page = context.new_page()
    fresh(page, site_server.url + "practice/mock/?seed=1")
    page.get_by_role("button", name="Start the exam").click()
    page.wait_for_selector("#mock-app fieldset.mock-question")
    for _ in range(3):
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the exam scrolls sideways"
        page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Review answers").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.context.close()
