"""The screen layout: pages that do not jump while scrolling, tables that fit a desktop column and
become cards on a phone, diagrams drawn to stay readable in any column (on the built site, the
sweep in test_browser.py reads each diagram's text at three widths). The browser tests read the
built site at a desktop (1366 x 900) and a phone (390 x 844) size, the phone in the dark scheme."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import NEXT_FRAME, OfflineContext, site_pages
from finish import tables
from macros import sizes
from macros.diagrams import LAYOUTS, fanout_diagram, flow_diagram

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# One page of each template: home, a service page, the limits index, a skills page, the changes
# page, a practice set, the exam guide.
TEMPLATES = ["", "services/lambda/", "limits/", "skills/application-patterns/", "changes/", "practice/task-1-1/", "exam/"]
LIMITS_PAGES = ["services/lambda/", "services/sqs/", "services/dynamodb/", "services/api-gateway/", "changes/", "limits/"]
SVG = "{http://www.w3.org/2000/svg}"


# Build-time parts ---------------------------------------------------------------------------

def test_tables_of_three_columns_or_more_label_their_cells_for_cards():
    table = ("<table><thead><tr><th>Limit</th><th><abbr title='x'>SQS</abbr> &amp; more</th><th>Type</th></tr></thead>"
             "<tbody><tr><td>a</td><td align=\"left\">b</td><td>c</td></tr></tbody></table>")
    html = tables.prewrap_tables(table)
    assert tables.CARDS_OPEN in html
    assert re.findall(r"<td[^>]*>", html) == ['<td data-label="Limit">', '<td data-label="SQS &amp; more" align="left">',
                                               '<td data-label="Type">']
    assert tables.prewrap_tables(html) == html, "running twice is the same as once"
    two = tables.prewrap_tables("<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>")
    assert tables.WRAP_OPEN in two and "data-label" not in two, "two columns fit a phone as they are"


def test_wrapped_lines_follow_the_box_width():
    text = "Maximum number of messages in flight for a standard queue"
    one_line = sizes.text_width(text, sizes.FONT)
    assert sizes.wrapped_lines(text, one_line + 1) == 1
    assert sizes.wrapped_lines(text, one_line / 2) in (2, 3)
    assert sizes.wrapped_lines("x" * 40, sizes.text_width("x" * 10, sizes.FONT)) == 4, "long words break"
    rows = [("Visibility timeout", "min 0 seconds, default 30 seconds, max 12 hours", "Hard")]
    assert sizes.narrow_height(rows * 2, ("Limit", "Value", "Type")) > sizes.wide_height(rows * 2)


def test_cards_of_section_links_take_a_line_each_with_their_padding():
    """The exam guide's tables on a phone (macros/sizes.py): a cell of section links is taller than
    the same words as text, and a first link too wide to follow its label starts the next line."""
    labels = ("Skill", "What", "Taught in")
    links = ["Lambda: concurrency", "SQS: visibility timeout"]
    as_links = sizes.cards_height([[["1.1.1"], ["Decouple"], links]], labels, frozenset({2}))
    as_text = sizes.cards_height([[["1.1.1"], ["Decouple"], links]], labels)
    assert as_links > as_text
    one_line = sizes.cards_height([[["1.1.1"], ["Decouple"], ["Lambda: concurrency"]]], labels, frozenset({2}))
    long = "Application patterns: synchronous and asynchronous with a few more words"
    pushed = sizes.cards_height([[["1.1.1"], ["Decouple"], [long]]], labels, frozenset({2}))
    assert pushed - one_line >= (sizes.LINE * 2 - 1) / sizes.REM, "the label's line, then the link's two"


def test_a_practice_question_grows_with_its_lines_and_options():
    stem = "Which design meets these requirements?"
    options = ["A. Use an SQS queue.", "B. Use an SNS topic."]
    short = sizes.question_height("Question 1 · Task 1.1 · SQS", stem, options)
    assert sizes.question_height("Question 1 · Task 1.1 · SQS", stem * 12, options) > short + 3 * sizes.BODY_LINE / sizes.REM
    assert sizes.question_height("Question 1 · Task 1.1 · SQS", stem, options + ["C. Use both."]) == pytest.approx(
        short + (sizes.QUESTION_PER_OPTION + sizes.BODY_LINE) / sizes.REM)


@pytest.mark.parametrize("draw", [
    lambda: flow_diagram(None, [f"Step number {n} with a fairly long label to wrap" for n in range(7)], "Seven"),
    lambda: fanout_diagram(None, "An SNS topic with a long name", ["SQS queue", "Lambda function", "HTTPS"], "Fan-out"),
])
def test_each_diagram_has_a_wide_and_a_narrow_drawing_that_fit_their_columns_and_one_for_paper(draw):
    """Drawn at 1 unit = 1 px, so 13 px text stays 12 px or more in any column at least 92 % as
    wide as the drawing: 34.4rem (688 px) on a desktop, 328 px on a 360 px phone."""
    root = ET.fromstring(draw())
    svgs = root.findall(f"{SVG}svg")
    assert [s.get("class") for s in svgs] == ["diagram diagram--wide", "diagram diagram--narrow", "diagram diagram--paper"]
    wide, narrow = (float(s.get("width")) for s in svgs[:2])
    assert wide * 12 / 13 <= 688 and narrow * 12 / 13 <= 328
    for svg, layout in zip(svgs, LAYOUTS):
        assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
        for text in svg.iter(f"{SVG}text"):
            for line in text.iter(f"{SVG}tspan"):
                assert len(line.text) <= layout.line_chars
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "ids unique across the drawings"


# In the browser -----------------------------------------------------------------------------

def _dark(page, base_url: str) -> None:
    from test_browser import choose_scheme

    page.goto(base_url, wait_until="load")
    choose_scheme(page, "slate")


SCROLL_THROUGH = """async () => {
  // a frame a step: the scroll made in a frame's animation callback is what that frame draws, so
  // the sections scrolled near are drawn (at most 250 ms a step)
  """ + NEXT_FRAME + """
  const step = () => new Promise(done => { requestAnimationFrame(done); setTimeout(done, 250); });
  await frame();
  const root = document.documentElement, heights = [root.scrollHeight];
  for (let y = 0; y < root.scrollHeight; y += innerHeight * 0.8) {
    scrollTo(0, y);
    await step();
    heights.push(root.scrollHeight);
  }
  return heights;
}"""


@pytest.mark.browser
def test_pages_keep_their_height_while_scrolling(built_site, site_server, browser):
    """Scrolled from top to bottom on a phone in the dark scheme, a page's height moves by less than
    1 %; the limits index, the exam guide's tables and the practice questions still skip drawing
    until they near the screen (the reason for the estimates). At a desktop size the accessibility sweep checks this on every page
    (tests/test_browser.py)."""
    context = OfflineContext(browser, viewport=PHONE)
    page = context.new_page()
    _dark(page, site_server.url)
    assert set(TEMPLATES) <= set(site_pages(built_site))
    problems = []
    for path in TEMPLATES:
        page.goto(site_server.url + path, wait_until="load")
        heights = page.evaluate(SCROLL_THROUGH)
        if max(heights) - min(heights) > 0.01 * max(heights):
            problems.append(f"/{path}: {heights[0]} px at the top, between {min(heights)} and {max(heights)} px on the way down")
        if path == "limits/":
            assert page.evaluate("getComputedStyle(document.querySelector('.limits-group')).contentVisibility") == "auto"
        if path == "exam/":
            assert page.evaluate("getComputedStyle(document.querySelector('.lazy-table')).contentVisibility") == "auto"
        if path == "practice/task-1-1/":
            assert page.evaluate("getComputedStyle(document.querySelector('.practice-question')).contentVisibility") == "auto"
    context.context.close()
    assert problems == [], "\n".join(problems)


FIT = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(wrap => ({
  limits: !!wrap.closest('.limits-table, .limits-group') || location.pathname.endsWith('/changes/'),
  scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
  cue: getComputedStyle(wrap).backgroundImage.includes('gradient'),
  text: wrap.querySelector('th').textContent,
}))"""


@pytest.mark.browser
def test_limits_tables_fit_a_desktop_column(site_server, browser):
    """At 1366 px no limits table scrolls sideways; any other table that does shows a shadow."""
    context = OfflineContext(browser, viewport=DESKTOP)
    page = context.new_page()
    problems = []
    for path in LIMITS_PAGES + ["compare/deployment/", "services/elastic-beanstalk/"]:
        page.goto(site_server.url + path, wait_until="load")
        for table in page.evaluate(FIT):
            if table["scrolls"] and (table["limits"] or not table["cue"]):
                problems.append(f"/{path}: the table headed {table['text']!r} scrolls sideways")
    assert problems == [], "\n".join(problems)
    page.goto(site_server.url + "services/lambda/", wait_until="load")
    date = page.locator(".limits-table time").first
    assert re.fullmatch(r"[A-Z][a-z]{2} \d{4}", date.inner_text()) and re.fullmatch(r"\d{4}-\d\d-\d\d", date.get_attribute("datetime"))
    context.context.close()


CELLS_OFF_SCREEN = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].flatMap(wrap => {
  const out = [];
  if (wrap.scrollWidth > wrap.clientWidth + 1) out.push('a table scrolls sideways: ' + wrap.querySelector('th').textContent);
  for (const td of wrap.querySelectorAll('td')) {
    const r = td.getBoundingClientRect();
    if (r.left < 0 || r.right > innerWidth || r.width < 40) out.push('a cell is off screen: ' + td.textContent.slice(0, 40));
    const label = getComputedStyle(td, '::before').content;
    if (td.dataset.label && !label.includes(td.dataset.label)) out.push('a cell shows no label: ' + td.textContent.slice(0, 40));
  }
  return out;
})"""


@pytest.mark.browser
def test_tables_become_cards_on_a_phone_and_stay_tables(site_server, browser):
    """At 390 px every cell of every table is on screen with its column's name, and the tables are
    still tables to assistive technology: their column headers and cells keep their roles."""
    context = OfflineContext(browser, viewport=PHONE)
    page = context.new_page()
    _dark(page, site_server.url)
    problems = []
    for path in LIMITS_PAGES + ["compare/deployment/", "exam/"]:
        page.goto(site_server.url + path, wait_until="load")
        page.evaluate("""() => {
          const sheet = [...document.styleSheets].find(s => s.href && s.href.includes('/site.'));
          sheet.insertRule('* { content-visibility: visible !important; }', sheet.cssRules.length);
        }""")
        problems += [f"/{path}: {p}" for p in page.evaluate(CELLS_OFF_SCREEN)]
    page.goto(site_server.url + "services/lambda/", wait_until="load")
    table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="Source, verified"))
    assert table.count() == 1
    assert table.get_by_role("columnheader").count() == 5 and table.get_by_role("row").count() > 20
    assert table.get_by_role("cell").first.evaluate("e => getComputedStyle(e).display") == "block", "cards"
    context.context.close()
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.browser
def test_the_exam_room_does_not_jump_as_its_script_draws_it(site_server, browser):
    """The mock exam, the review page and the progress panel are drawn by script; the room they
    take is kept from the first paint, so a first visit on a phone sees nothing move (Lighthouse's
    layout shift, as the browser reports it). At a desktop width a page shorter than the window
    still sees its footer rise once, as Material's script sizes the navigation sidebar: every
    short page does that, not the exam room."""
    context = OfflineContext(browser, viewport=PHONE)
    context.context.add_init_script("""window.shifts = [];
      new PerformanceObserver(list => list.getEntries().forEach(e => window.shifts.push(e.value)))
        .observe({type: "layout-shift", buffered: true});""")
    page = context.new_page()
    for path in ["practice/", "practice/mock/", "practice/review/"]:
        page.goto(site_server.url + path, wait_until="load")
        page.locator("#progress-app table, #mock-app h2, #review-app h2").first.wait_for()
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        assert page.evaluate("window.shifts.reduce((a, b) => a + b, 0)") < 0.01, f"/{path} moves while it is drawn"
    context.context.close()


# Every change of <html>'s classes, with whether the body had begun when it was seen; a
# MutationObserver reports after the script that made the change, so a change made in the head is
# seen before the body exists. (The observer watches the document: <html> is not there yet.)
CLASS_CHANGES = """window.classChanges = [];
new MutationObserver(all => {
  const body = !!document.body, records = all.filter(r => r.target === document.documentElement);
  records.forEach((r, i) => window.classChanges.push({
    body, old: r.oldValue || "",
    now: i + 1 < records.length ? records[i + 1].oldValue || "" : document.documentElement.className,
  }));
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["class"], attributeOldValue: true});"""


@pytest.mark.browser
def test_the_page_classes_are_set_before_the_page_is_drawn(site_server, browser):
    """<html> gets the classes Material's script gives it (`js`, `js-focus-visible`) in the head
    (overrides/main.html), before anything is drawn: given by the script, they restyled the whole
    page, a quarter of its first task on a phone. After that they do not change. Our controls that
    wait for their script show once it has run."""
    context = OfflineContext(browser, viewport=PHONE)
    context.context.add_init_script(CLASS_CHANGES)
    page = context.new_page()
    for path, control in [("exam/", None), ("practice/task-1-1/", ".practice-actions"), ("flashcards/sqs/", ".flashcard-study")]:
        page.goto(site_server.url + path, wait_until="load")
        if control:
            page.locator(control).first.wait_for(state="visible")
        changes = page.evaluate("window.classChanges")
        classes = page.evaluate("[...document.documentElement.classList]")
        assert "js" in classes and "no-js" not in classes, f"/{path}: {classes}"
        assert any("js" in c["now"].split() for c in changes if not c["body"]), f"/{path}: not set in the head: {changes}"
        late = [c for c in changes if c["body"] and set(c["old"].split()) != set(c["now"].split())]
        assert late == [], f"/{path}: <html>'s classes changed once the page was drawn: {late}"
        assert page.errors == [], page.errors
    context.context.close()
