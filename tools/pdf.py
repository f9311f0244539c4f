"""Print every service page as an A4 revision sheet, a questions-only variant of each, and a booklet
of all sheets (cover, table of contents, services in navigation order, booklet page numbers), with
Debian's Chromium. Then link each service page to its sheets, and the home page to the booklet.

    python tools/pdf.py                 # build the site into site/, then print into site/pdf/
    python tools/pdf.py --site DIR      # print an already built site
    python tools/pdf.py --only sqs,sns  # just these sheets (no booklet)

Prints a table of page counts per sheet and the booklet's total.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from macros.datafiles import load_site_data  # noqa: E402
import budgets  # noqa: E402
from project import data_dir, mkdocs_config  # noqa: E402
from site_server import launch, search_index_without_documents, serve  # noqa: E402

PDF_DIR = "pdf"


@dataclass
class Sheet:
    service: str
    title: str
    url_path: str  # services/sqs/
    pdf: Path
    questions_pdf: Path
    pages: int = 0


def print_context(browser):
    """A browser context for printing: no service worker (it would precache the whole site in the
    background of every sheet), and the search index without its documents (`site_server`): paper
    shows no search box."""
    context = browser.new_context(service_workers="block")
    search_index_without_documents(context)
    return context


def open_for_print(page, url: str) -> None:
    """Open `url` and wait until its print stylesheet is read."""
    # "load" waits for every stylesheet, print.css (media="print") included; the page has nothing
    # else to fetch, so waiting for the network to go quiet only added half a second a page.
    page.goto(url, wait_until="load")
    page.wait_for_function("() => [...document.styleSheets]"
                           ".some(s => s.href && s.href.endsWith('/print.css') && s.cssRules.length)")


def print_page(page, url: str, questions_only: bool = False) -> bytes:
    open_for_print(page, url)
    if questions_only:
        page.evaluate("document.documentElement.classList.add('print-questions-only')")
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def sheets_for(site: Path, only: list[str] | None = None) -> list[Sheet]:
    """Service sheets in navigation order (categories, then services, as in data/services.yml),
    then the exam skills pages in their navigation order."""
    data = load_site_data(data_dir())
    sheets = []
    for category in data.categories.values():
        for service in data.services.values():
            if service.category != category.id or (only and service.id not in only):
                continue
            sheets.append(_sheet(site, service.id, service.name, service.page, "services"))
    for page in skills_pages():
        stem = page.removeprefix("skills/").removesuffix(".md")
        if only and stem not in only:
            continue
        title = next(line[2:].strip() for line in (ROOT / "docs" / page).read_text(encoding="utf-8").splitlines() if line.startswith("# "))
        sheets.append(_sheet(site, stem, title, page, "skills"))
    return sheets


def skills_pages() -> list[str]:
    """The pages under docs/skills/, in the order of mkdocs.yml's navigation."""
    def walk(entries):
        for entry in entries:
            value = list(entry.values())[0] if isinstance(entry, dict) else entry
            yield from walk(value) if isinstance(value, list) else [value]

    return [p for p in walk(mkdocs_config()["nav"]) if p.startswith("skills/")]


def _sheet(site: Path, sheet_id: str, title: str, page: str, folder: str) -> Sheet:
    return Sheet(
        service=sheet_id,
        title=title,
        url_path=page.removesuffix(".md") + "/",
        pdf=site / PDF_DIR / folder / f"{sheet_id}.pdf",
        questions_pdf=site / PDF_DIR / folder / f"{sheet_id}-questions.pdf",
    )


def _cover_html(title: str, exam: str, version: str, entries: list[tuple[str, int]]) -> str:
    rows = "".join(
        f'<tr><td>{html.escape(name)}</td><td class="n">{number}</td></tr>' for name, number in entries
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
@page {{ size: A4; margin: 18mm 16mm; }}
body {{ font: 10pt system-ui, sans-serif; color: #000; }}
.cover {{ padding-top: 80mm; }}
h2 {{ break-before: page; }}
.cover h1 {{ font-size: 26pt; margin: 0 0 4mm; }} .cover p {{ font-size: 12pt; margin: 1mm 0; }}
h2 {{ font-size: 15pt; }} table {{ width: 100%; border-collapse: collapse; }}
td {{ padding: 1mm 0; border-bottom: 0.3pt dotted #999; }} td.n {{ text-align: right; width: 15mm; }}
</style></head><body>
<section class="cover"><h1>{html.escape(title)}</h1><p>Revision sheets for the {html.escape(exam)} exam</p>
<p>Version {html.escape(version)}</p></section>
<h2>Contents</h2><table>{rows}</table></body></html>"""


def _numbers_html(first: int, last: int) -> str:
    pages = "".join(f'<div class="p">Booklet page {n}</div>' for n in range(first, last + 1))
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 289mm 0 0 0; }} body {{ margin: 0; }}
.p {{ break-after: page; text-align: center; font: 7pt system-ui, sans-serif; color: #444; }}
</style></head><body>{pages}</body></html>"""


def make_booklet(browser, sheets: list[Sheet], title: str, exam: str, version: str) -> bytes:
    """Cover and contents, then every sheet; each page stamped with its booklet page number."""
    from pypdf import PdfReader, PdfWriter

    # A fresh blank page: content written into a site page would inherit its security policy,
    # which (rightly) refuses inline styles.
    page = browser.new_page()

    def front_matter(start_pages: list[int]) -> bytes:
        page.set_content(_cover_html(title, exam, version, [(s.title, n) for s, n in zip(sheets, start_pages)]))
        return page.pdf(format="A4", prefer_css_page_size=True)

    front = front_matter([0] * len(sheets))
    first_page = page_count(front) + 1
    starts, number = [], first_page
    for sheet in sheets:
        starts.append(number)
        number += sheet.pages
    front = front_matter(starts)
    total = number - 1

    writer = PdfWriter()
    # Keep every reader alive until the booklet is written: pypdf tells sources apart by object
    # identity, and a collected reader's identity can be reused by the next one.
    readers = [PdfReader(io.BytesIO(pdf)) for pdf in [front] + [sheet.pdf.read_bytes() for sheet in sheets]]
    for reader in readers:
        for pdf_page in reader.pages:
            writer.add_page(pdf_page)
    page.set_content(_numbers_html(first_page, total))
    stamps = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True))).pages
    for stamp, target in zip(stamps, writer.pages[first_page - 1 :]):
        target.merge_page(stamp)
    page.close()
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def link_sheets(site: Path, sheets: list[Sheet], booklet: Path | None) -> None:
    """Add a download link under the title of each printed page (not shown in print)."""
    for sheet in sheets:
        page = site / sheet.url_path / "index.html"
        depth = "../" * sheet.url_path.count("/")
        parts = [f'<a href="{depth}{sheet.pdf.relative_to(site).as_posix()}">revision sheet (PDF)</a>']
        if sheet.questions_pdf.exists():
            parts.append(f'<a href="{depth}{sheet.questions_pdf.relative_to(site).as_posix()}">questions only (PDF)</a>')
        links = f'<p class="pdf-links print-hide">Download: {" · ".join(parts)}</p>'
        _insert_after_title(page, links)
    if booklet is not None:
        links = f'<p class="pdf-links print-hide">Download: <a href="{PDF_DIR}/{booklet.name}">all revision sheets as one booklet (PDF)</a></p>'
        _insert_after_title(site / "index.html", links)


def _insert_after_title(page: Path, snippet: str) -> None:
    text = page.read_text(encoding="utf-8")
    if 'class="pdf-links' in text:
        text = re.sub(r'<p class="pdf-links[^"]*">.*?</p>', "", text, count=1, flags=re.S)
    text = re.sub(r"(</h1>)", lambda m: m.group(1) + snippet, text, count=1)
    page.write_text(text, encoding="utf-8")


def build_site(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)


def print_sheets(
    site: Path, only: list[str] | None = None, booklet: bool = True, browser=None,
    questions_only: list[str] | None = None,
) -> tuple[list[Sheet], Path | None]:
    """Print the sheets (and the booklet) of a built site into its pdf/ folder and link them.
    `browser`: a Playwright browser to use; by default one is launched and closed here.
    `questions_only`: the sheets that also get a questions-only variant (default: all)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = launch(playwright)
            try:
                return print_sheets(site, only, booklet, own, questions_only)
            finally:
                own.close()

    data = load_site_data(data_dir())
    sheets = sheets_for(site, only)
    for folder in {sheet.pdf.parent for sheet in sheets}:
        folder.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    booklet_path = None
    page = print_context(browser).new_page()
    try:
        for sheet in sheets:
            pdf = print_page(page, base + sheet.url_path)
            sheet.pdf.write_bytes(pdf)
            sheet.pages = page_count(pdf)
            if questions_only is None or sheet.service in questions_only:
                sheet.questions_pdf.write_bytes(print_page(page, base + sheet.url_path, questions_only=True))
        if booklet:
            version = re.search(r"version ([^<]*)</div>", (site / "index.html").read_text(encoding="utf-8"))
            booklet_path = site / PDF_DIR / "booklet.pdf"
            booklet_path.write_bytes(
                make_booklet(browser, sheets, "AWS Developer Associate revision sheets", data.exam.code,
                             version.group(1) if version else "")
            )
    finally:
        page.close()
        server.shutdown()
    link_sheets(site, sheets, booklet_path)
    from finish.downloads import fill_sizes

    fill_sizes(site)
    return sheets, booklet_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build into site/)")
    parser.add_argument("--only", help="comma-separated service ids or skills page names; skips the booklet")
    args = parser.parse_args()
    site = args.site or ROOT / "site"
    if args.site is None:
        build_site(site)
    only = args.only.split(",") if args.only else None
    sheets, booklet = print_sheets(site, only, booklet=only is None)
    print(f"{'sheet':<22} {'A4 pages':>8}")
    for sheet in sheets:
        flag = "" if sheet.pages <= budgets.SHEET_PAGES else "  <- over budget"
        print(f"{sheet.service:<22} {sheet.pages:>8}{flag}")
    if booklet:
        from pypdf import PdfReader

        print(f"{'booklet':<22} {len(PdfReader(booklet).pages):>8}   {booklet.relative_to(site.parent) if site.parent in booklet.parents else booklet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
