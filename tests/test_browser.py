"""What a candidate experiences, in Debian's Chromium: offline pages, search, theme, small screens,
accessibility and safety. These tests never skip: without a browser they fail."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import OfflineContext, ROOT, copy_project, mkdocs_build, site_pages, SiteServer


def test_every_page_loads_offline_without_errors(built_site, site_server, offline):
    page = offline.new_page()
    pages = site_pages(built_site)
    assert len(pages) > 40
    diagrams = 0
    for path in pages:
        page.goto(site_server.url + path, wait_until="networkidle")
        for figure in page.locator("figure.diagram-figure svg").all():
            box = figure.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 20, f"{path}: a diagram did not render"
            diagrams += 1
    assert offline.blocked == [], f"requests left the machine: {offline.blocked}"
    assert page.errors == [], page.errors
    assert diagrams >= 5, "the diagrams of the site rendered"


def search(page, base_url: str, query: str) -> list[str]:
    page.goto(base_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize("query, first", [
    ("visibility timeout", "services/sqs/"),
    ("GenerateDataKeyWithoutPlaintext", "services/kms/"),
])
def test_search_works_offline(site_server, offline, query, first):
    page = offline.new_page()
    results = search(page, site_server.url, query)
    assert results, f"no results for {query!r}"
    assert urlsplit(urljoin(site_server.url, results[0])).path == "/" + first, results[:3]
    assert offline.blocked == []


def choose_scheme(page, scheme: str) -> None:
    """Pick a colour scheme the way a reader does: with the toggle in the header."""
    for _ in range(2):
        if page.get_attribute("body", "data-md-color-scheme") == scheme:
            return
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.get_attribute("body", "data-md-color-scheme") == scheme


def test_theme_toggle_is_remembered(site_server, offline):
    page = offline.new_page()
    page.goto(site_server.url + "services/sqs/", wait_until="networkidle")
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.get_attribute("body", "data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    page.goto(site_server.url + "limits/", wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == after


def test_small_screens_scroll_tables_not_pages(built_site, site_server, browser):
    context = OfflineContext(browser, viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ["", "limits/", "services/sqs/", "services/lambda/", "services/codedeploy/", "compare/limits-by-topic/"]:
        page.goto(site_server.url + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path}: the page scrolls sideways ({width}px)"
    page.goto(site_server.url + "limits/", wait_until="networkidle")
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert wrap.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    assert wrap.evaluate("e => e.scrollWidth > e.clientWidth"), "a wide table scrolls inside its own box"
    context.context.close()


def scroll_through(page) -> None:
    """Scroll to the end and back, a screen at a time, as a reader does. Tables are drawn only when
    near the screen (content-visibility: auto in extra.css); axe judges colours by what is drawn
    under each element, so it must not look while a table's real height is still unknown, nor
    while a fade is running."""
    page.evaluate("""async () => {
      const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await frame();
      }
      scrollTo(0, 0);
      await frame();
      // The header swaps the page title back for the site name with a short fade: let it end.
      for (let i = 0; i < 120 && document.getAnimations().some(a => a.playState === "running"); i++) {
        await frame();
      }
    }""")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_accessibility_violations(built_site, site_server, browser, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = OfflineContext(browser)
    page = context.new_page()
    page.goto(site_server.url, wait_until="networkidle")
    choose_scheme(page, scheme)
    problems = []
    for path in site_pages(built_site):
        page.goto(site_server.url + path, wait_until="networkidle")
        assert page.get_attribute("body", "data-md-color-scheme") == scheme
        scroll_through(page)
        results = axe.run(page)
        for violation in results.response["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            problems.append(f"{path}: {violation['id']} ({violation['impact']}): {targets}")
    context.context.close()
    assert problems == [], "\n".join(problems)


def test_every_page_has_a_strict_content_security_policy(built_site):
    for html in built_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, html
        policy = dict(
            (d.split()[0], d.split()[1:]) for d in meta["content"].split(";") if d.strip()
        )
        assert policy["default-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"] and policy["font-src"] == ["'self'"]
        assert policy["img-src"] == ["'self'", "data:"]
        assert all(s == "'self'" or s.startswith("'sha256-") for s in policy["script-src"]), policy["script-src"]
        assert "'unsafe-inline'" not in meta["content"] and "'unsafe-eval'" not in meta["content"]
        head = str(soup.head)
        assert head.index("Content-Security-Policy") < head.index("<script"), "the policy comes before any script"


def test_external_links_carry_noopener(built_site):
    for html in built_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("a[href^='http://'], a[href^='https://']"):
            assert "noopener" in (a.get("rel") or []), f"{html}: {a}"


def test_every_page_has_a_meta_description(built_site):
    for path in site_pages(built_site):
        soup = BeautifulSoup((built_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta is not None and len(meta["content"]) > 40, path


def test_every_internal_link_and_anchor_resolves(built_site):
    ids: dict[str, set[str]] = {}
    soups = {}
    for html in built_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        soups[html] = soup
        ids[html.resolve().as_posix()] = {e["id"] for e in soup.select("[id]")} | {e["name"] for e in soup.select("a[name]")}
    broken = []
    for html, soup in soups.items():
        for a in soup.select("a[href]"):
            href = a["href"]
            if re.match(r"^(https?:|mailto:|data:)", href) or href.startswith("//"):
                continue
            path, _, anchor = href.partition("#")
            if path.startswith("/"):  # the 404 page links from the site root
                target = (built_site / path.lstrip("/")).resolve()
            else:
                target = (html.parent / path).resolve() if path else html.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{html.relative_to(built_site)}: {href}")
            elif anchor and anchor not in ids.get(target.as_posix(), set()):
                broken.append(f"{html.relative_to(built_site)}: {href} (no anchor)")
    assert broken == [], "\n".join(broken[:40])


def test_limits_index_and_service_rows_link_both_ways(built_site, site_server, offline):
    page = offline.new_page()
    page.goto(site_server.url + "limits/", wait_until="networkidle")
    link = page.locator("a[id^='limit-sqs-']").first
    anchor = link.get_attribute("id")
    link.click()
    page.wait_for_url(re.compile(r"/services/sqs/#" + anchor))
    row = page.locator(f"#{anchor}")
    assert row.is_visible()
    assert on_screen(row), "the service page opens at the row"
    row.locator("xpath=ancestor::tr").locator("a", has_text="index").click()
    page.wait_for_url(re.compile(r"/limits/#" + anchor))
    assert on_screen(page.locator(f"#{anchor}")), "the index opens at the row, past tables not yet drawn"


def on_screen(locator) -> bool:
    """Inside the viewport once the page settles (tables above may be drawn late and move it)."""
    locator.page.wait_for_timeout(300)
    return locator.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }")


def test_navigation_drawer_opens_on_a_phone(site_server, browser):
    """The drawer's links are not drawn, nor reachable with Tab, until it opens (extra.css)."""
    context = OfflineContext(browser, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_server.url, wait_until="networkidle")
    link = page.locator(".md-sidebar--primary a.md-nav__link[href='limits/']")
    assert not link.evaluate("e => e.checkVisibility({contentVisibilityAuto: true})")
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate("!document.activeElement.closest('.md-sidebar--primary')"), "a hidden link took focus"
    page.locator("label.md-header__button[for=__drawer]").click()
    link.click()
    page.wait_for_url(re.compile(r"/limits/$"))
    assert context.blocked == []
    context.context.close()


def test_data_text_cannot_inject_markup(tmp_path, browser):
    """A limit name and a note with markup in them render as text, and run nothing."""
    project = copy_project(tmp_path)
    limits = project / "data" / "limits.yml"
    text = limits.read_text()
    record = re.search(r"\n  - id: sqs\.[^\n]+\n(?:    [^\n]*\n|\n)*?    name: [^\n]+\n", text)
    assert record
    planted = record.group(0).rsplit("    name:", 1)[0] + (
        "    name: '<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">'\n"
    )
    limits.write_text(text.replace(record.group(0), planted, 1))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    server = SiteServer(tmp_path / "site")
    context = OfflineContext(browser)
    try:
        page = context.new_page()
        for path in ["services/sqs/", "limits/"]:
            page.goto(server.url + path, wait_until="networkidle")
            assert page.evaluate("window.__pwned") is None
            assert page.get_by_text("<script>window.__pwned = 1</script>", exact=False).count() >= 1
            assert page.locator("article script").count() == 0
    finally:
        context.context.close()
        server.close()
