"""Printed sheets, laid out: nothing stray at the top of a page, headings kept with what follows
them, each self-test question and answer in one column, one separator between sources.

Where an element lands on paper is read from the PDF itself: Chromium writes a named destination
(page, left, top) for every element that a link in the page targets, so the test gives the elements
it wants to follow an id, links to them from a hidden box, prints, and reads the destinations with
pypdf. The print-media emulation of a screen is not enough: it lays the columns out without pages.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

import pdf as sheets_tool  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("print")]

# DynamoDB (headings before tables, a long Sources list), pages with many headings (SQS, Lambda),
# a heading after a table at the foot of a page (VPC's "Flow logs" and EFS's "What changed" were
# left alone there), and a skills page. Every sheet passed this check when it was written.
SHEETS = ["services/dynamodb/", "services/sqs/", "services/lambda/", "services/vpc/", "services/efs/",
          "skills/application-patterns/"]

# Positions are in PDF points from the left of the text area (a column starts at 0 or about 280,
# the first ends by 265) and from the bottom of the A4 page (842 pt high).
SECOND_COLUMN = 272
# A heading's next block starts at most this far below the heading's top (a heading is at most
# about 20 pt high with its margins).
NEXT_BLOCK_WITHIN = 30

MARK = """() => {
  const article = document.querySelector('article');
  let count = 0;
  const mark = (el) => { if (!el.id) el.id = 'print-mark-' + count++; return el.id; };
  // A block broken across columns gets one destination for all its pieces: follow its first and
  // last lines with empty spans instead, put at the start of its first innermost block.
  const end = (el) => { const s = document.createElement('span'); el.append(s); return mark(s); };
  const inline = (el) => !(el instanceof HTMLElement) || /^(inline|none)/.test(getComputedStyle(el).display);
  const start = (el) => {
    while (el.firstElementChild && !inline(el.firstElementChild)) el = el.firstElementChild;
    const s = document.createElement('span'); el.prepend(s); return mark(s);
  };
  const marks = {headings: [], boxes: []};
  for (const h of article.querySelectorAll(':scope > :is(h2, h3), .print-answers > h2')) {
    const next = h.nextElementSibling;
    if (next) marks.headings.push([h.textContent.trim(), mark(h), start(next), getComputedStyle(next).columnSpan === 'all']);
  }
  const boxes = [...article.querySelectorAll('details.question > summary, .print-answers li')];
  boxes.forEach(b => marks.boxes.push([b.textContent.trim().slice(0, 40), start(b), end(b)]));
  const links = document.createElement('div');
  links.hidden = true;
  for (const id of [...marks.headings.map(m => m.slice(1, 3)), ...marks.boxes.map(m => m.slice(1))].flat()) {
    const a = document.createElement('a'); a.href = '#' + id; a.textContent = id; links.append(a);
  }
  document.body.append(links);
  return marks;
}"""


def printed_positions(page, url: str) -> tuple[dict, dict[str, tuple[int, float, float]]]:
    """Print `url` with marks on its headings, their next blocks, and the ends of its self-test
    questions and answers: (the marks, id -> (page number, left, top))."""
    sheets_tool.open_for_print(page, url)
    page.emulate_media(media="print")  # for the computed styles the marks read
    try:
        marks = page.evaluate(MARK)
    finally:
        page.emulate_media(media="null")  # no emulation: page.pdf prints with print media
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True, prefer_css_page_size=True)))
    positions = {
        name.lstrip("/"): (reader.get_destination_page_number(dest), float(dest["/Left"]), float(dest["/Top"]))
        for name, dest in reader.named_destinations.items()
    }
    return marks, positions


def column(position: tuple[int, float, float]) -> tuple[int, int]:
    number, left, _ = position
    return number, int(left >= SECOND_COLUMN)


def layout_problems(marks: dict, positions: dict) -> list[str]:
    problems = []
    for text, heading, following, spans in marks["headings"]:
        h, n = positions[heading], positions[following]
        # A block that spans both columns (a table, a diagram, centred or not) must have its
        # heading on the same page, at the left, right above it.
        same = (h[0] == n[0] and h[1] < SECOND_COLUMN) if spans else column(h) == column(n)
        if not same or not 0 <= h[2] - n[2] <= NEXT_BLOCK_WITHIN:
            problems.append(f"heading {text!r} at {h} is not followed in its column (next block at {n})")
    for text, start, end in marks["boxes"]:
        if column(positions[start]) != column(positions[end]):
            problems.append(f"{text!r} split: starts at {positions[start]}, ends at {positions[end]}")
    return problems


@pytest.fixture(scope="module")
def print_page(browser):
    page = sheets_tool.print_context(browser).new_page()
    yield page
    page.close()


@pytest.mark.parametrize("path", SHEETS)
def test_headings_stay_with_their_text_and_questions_in_one_column(site_server, print_page, path):
    marks, positions = printed_positions(print_page, site_server.url + path)
    assert marks["headings"] and positions
    assert layout_problems(marks, positions) == []


def test_the_layout_check_sees_a_lonely_heading_and_a_split_answer():
    marks = {"headings": [["Limits", "limits", "table", True]], "boxes": [["Q1", "q", "q-end"]]}
    # The heading at the bottom of the second column, the table spanning both below it; an answer
    # that starts at the foot of the first column and ends in the second.
    positions = {"limits": (1, 279.0, 596.0), "table": (1, 0.0, 581.0), "q": (1, 0.0, 60.0), "q-end": (1, 279.0, 800.0)}
    assert len(layout_problems(marks, positions)) == 2
    positions.update({"limits": (1, 0.0, 596.0), "q-end": (1, 10.0, 50.0)})
    assert layout_problems(marks, positions) == []


TOP_BAND = """() => {
  const article = document.querySelector('article');
  const top = article.getBoundingClientRect().top;
  const first = article.firstElementChild.getBoundingClientRect().top;
  return {before: getComputedStyle(article, '::before').display, gap: first - top};
}"""


def evaluate_in_print(page, url: str, script: str):
    """Run `script` on the page laid out for print."""
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    try:
        return page.evaluate(script)
    finally:
        page.emulate_media(media="null")  # no emulation: page.pdf prints with print media


@pytest.mark.parametrize("path", ["services/sqs/", "skills/application-patterns/", "practice/task-4-1/"])
def test_nothing_is_drawn_above_the_title(site_server, print_page, path):
    """Material's spacer before the article's content made a column row of its own above the
    title, whose column rule printed as a grey tick at the top centre of the sheet."""
    band = evaluate_in_print(print_page, site_server.url + path, TOP_BAND)
    assert band["before"] == "none"
    assert band["gap"] < 1, "the title is the first thing on the sheet"


SEPARATORS = """() => {
  const list = document.querySelector('h2#sources + ul');
  const found = new Set();
  list.querySelectorAll(':scope > li').forEach((li, i) => {
    if (i) found.add(getComputedStyle(li, '::before').content.replace(/^"|"$/g, '').trim());
    for (const node of li.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) found.add(node.textContent.trim());
    }
  });
  return [...found];
}"""


@pytest.mark.parametrize("path", ["services/dynamodb/", "services/sqs/"])
def test_sources_print_with_one_separator(site_server, print_page, path):
    separators = evaluate_in_print(print_page, site_server.url + path, SEPARATORS)
    assert len(separators) == 1, f"the Sources list prints with {separators}"
