"""Printing: every service and exam skills page prints as an A4 revision sheet of at most two
pages, with its title and limit values and none of the site chrome; the booklet holds every sheet in
order; a practice page prints its questions first and the answers at the end."""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest
from pypdf import PdfReader

from project import data_dir
from macros.datafiles import load_site_data
from macros.render import format_quantity

import budgets  # noqa: E402
import pdf as sheets_tool  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("print")]

DATA = load_site_data(data_dir())
CHROME = ["Skip to content", "Table of contents", "Initializing search", "Switch to dark mode", "Switch to light mode",
          "Made with", "Back to top", "Type to start searching"]


@pytest.fixture(scope="session")
def printed(built_site, browser, tmp_path_factory):
    """A copy of the built site with every sheet, questions-only sheet and the booklet printed."""
    site = tmp_path_factory.mktemp("printed") / "site"
    shutil.copytree(built_site, site)
    # Questions-only variants are the same pages with one class set: one is enough to test them.
    sheets, booklet = sheets_tool.print_sheets(site, browser=browser, questions_only=["sqs"])
    return site, sheets, booklet


def pages_text(source) -> list[str]:
    """The text of each page of a PDF (a path or its bytes), read with PDFium (pypdfium2): pypdf
    reads text in Python at a tenth of a second a page, which was a quarter of these tests' time."""
    import pypdfium2

    document = pypdfium2.PdfDocument(source)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def pdf_text(source) -> str:
    return "\n".join(pages_text(source))


def normalise(text: str) -> str:
    """PDF text as plain words: ligatures (fi) and non-breaking spaces unfolded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_every_sheet_fits_on_two_a4_pages(printed):
    _, sheets, _ = printed
    assert len(sheets) == len(DATA.services) + len(sheets_tool.skills_pages())
    too_long = {s.service: s.pages for s in sheets if s.pages > budgets.SHEET_PAGES}
    assert too_long == {}, f"sheets over two A4 pages: {too_long}"
    for sheet in sheets:
        width, height = (float(v) for v in PdfReader(sheet.pdf).pages[0].mediabox[2:])
        assert abs(width - 595) < 2 and abs(height - 842) < 2, "A4"


@pytest.mark.parametrize("service", list(DATA.services))
def test_sheet_has_title_and_limit_values_and_no_chrome(printed, service):
    site, sheets, _ = printed
    sheet = next(s for s in sheets if s.service == service)
    text = normalise(pdf_text(sheet.pdf))
    assert normalise(DATA.services[service].name) in text
    assert f"{DATA.exam.code}" in text and re.search(r"\b1 / [12](?!\d)", text), "running footer"
    for limit in DATA.limits_of(service):
        value = limit.quantity() if limit.value is not None else next(iter(limit.bounds.values()))
        shown = format_quantity(value).replace("\\", "")
        assert normalise(shown) in text, f"{limit.id}: {shown!r} not on the sheet"
    for label in CHROME:
        assert label not in text, f"site chrome on the sheet: {label!r}"
    nav_labels = [c.name for c in DATA.categories.values()]
    assert not all(label in text for label in nav_labels), "navigation printed"


def test_answers_follow_the_questions_and_questions_only_sheets_have_none(printed):
    _, sheets, _ = printed
    sheet = next(s for s in sheets if s.service == "sqs")
    full, questions = pdf_text(sheet.pdf), pdf_text(sheet.questions_pdf)
    assert "Answers" in full and full.index("Self-test") < full.index("Answers")
    assert "Q1." in questions and "Answers" not in questions


def test_links_print_with_their_host(printed):
    _, sheets, _ = printed
    text = pdf_text(next(s for s in sheets if s.service == "sqs").pdf)
    assert "(docs.aws.amazon.com)" in text


def test_booklet_has_contents_then_every_sheet_in_navigation_order(printed):
    _, sheets, booklet = printed
    pages = pages_text(booklet)
    number = len(pages) - sum(s.pages for s in sheets)
    assert 1 <= number <= 4, "a cover and a contents page or three"
    # The cover and contents are read with pypdf: PDFium breaks their lines between letters that
    # the system font (not the site's) sets closer than their boxes.
    front = normalise(" ".join(PdfReader(booklet).pages[i].extract_text() for i in range(number)))
    assert "Contents" in front
    positions = [front.index(normalise(s.title)) for s in sheets]
    assert positions == sorted(positions), "contents in navigation order"
    # After the front matter, each sheet in navigation order, numbered as the contents say.
    for sheet in sheets:
        assert re.search(rf"{re.escape(normalise(sheet.title))} {number + 1}\b", front), f"contents entry for {sheet.service}"
        page_text = normalise(pages[number])
        assert normalise(sheet.title) in page_text, sheet.service
        assert f"Booklet page {number + 1}" in page_text
        number += sheet.pages
    assert number == len(pages)


def test_pages_link_to_their_sheets_and_home_to_the_booklet(printed):
    site, sheets, booklet = printed
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="pdf/booklet.pdf"' in home
    for sheet in sheets:
        html = (site / sheet.url_path / "index.html").read_text(encoding="utf-8")
        folder = sheet.url_path.split("/")[0]
        assert f'href="../../pdf/{folder}/{sheet.service}.pdf"' in html
        assert (site / "pdf" / folder / f"{sheet.service}.pdf").exists()


def test_a_practice_page_prints_questions_first_and_answers_at_the_end(printed, browser):
    site, _, _ = printed
    from site_server import serve

    server, base = serve(site)
    page = sheets_tool.print_context(browser).new_page()
    try:
        pdf = sheets_tool.print_page(page, base + "practice/task-4-1/")
    finally:
        page.close()
        server.shutdown()
    text = normalise(pdf_text(pdf))
    assert "Question 1 · Task 4.1" in text and "Answers" in text
    assert text.index("Question 1 · Task 4.1") < text.index("Answers") < text.rindex("(right)")
    assert text.count("Answer and explanations") == 1, "the summaries are not printed (only the intro names them)"
    assert "Check answer" not in text and "One question at a time" not in text
    for label in CHROME:
        assert label not in text, f"site chrome on the sheet: {label!r}"
