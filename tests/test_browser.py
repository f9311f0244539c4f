"""What a candidate experiences, in Debian's Chromium: offline pages, search, theme, small screens,
accessibility and safety. These tests never skip: without a browser they fail."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import NEXT_FRAME, OfflineContext, mini_project, mkdocs_build, site_pages, SiteServer

pytestmark = pytest.mark.browser

# The flashcard decks are one macro's output, one page per service: the sweep checks these few
# (the index, the biggest deck, a service deck, the glossary) instead of all fifty.
FLASHCARD_SAMPLE = {"flashcards/", "flashcards/development/", "flashcards/sqs/", "flashcards/glossary/"}


def swept_pages(site) -> list[str]:
    return [p for p in site_pages(site) if not p.startswith("flashcards/") or p in FLASHCARD_SAMPLE]


def draw_everything(page) -> list[int]:
    """Scroll the page through to its end and back, as a reader does, so whatever waits for the
    reader to come near is drawn and run; then draw what content-visibility (extra.css) would skip
    again once scrolled past, since axe judges colours by what is drawn under each element, with
    colour transitions off so a scheme switch shows at once (a rule added through the CSSOM, which
    the page's Content-Security-Policy allows); and wait for the header's short title fade to end.
    Returns the page's height at the top and after each step down, to see that it does not jump."""
    return page.evaluate("""async () => {
      """ + NEXT_FRAME + """
      // One frame a step: the scroll made in a frame's animation callback is what that frame draws
      // (and what IntersectionObservers see), so each position is drawn once.
      const step = () => new Promise(done => { requestAnimationFrame(done); setTimeout(done, 250); });
      await frame();  // Material's script sizes the navigation sidebar in the first frames
      const root = document.documentElement, heights = [root.scrollHeight];
      for (let y = 0; y < root.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await step();
        heights.push(root.scrollHeight);
      }
      window.scrollTo(0, 0);
      const sheet = [...document.styleSheets].find(s => s.href && s.href.includes("/site."));
      sheet.insertRule("* { content-visibility: visible !important; transition: none !important; }", sheet.cssRules.length);
      await frame();
      for (let i = 0; i < 120 && document.getAnimations().some(a => a.playState === "running"); i++) {
        await frame();
      }
      return heights;
    }""")


# axe-core, injected once per page by the browser context rather than evaluated after each load.
def axe_context(browser, **options):
    from axe_playwright_python.sync_playwright import Axe

    context = OfflineContext(browser, **options)
    context.context.add_init_script(Axe().axe_script)
    return context


def run_axe(page, only: list[str] | None = None, within: str | None = None, skip: list[str] | None = None) -> list[dict]:
    options = {"resultTypes": ["violations"], **({"runOnly": only} if only else {}),
               **({"rules": {rule: {"enabled": False} for rule in skip}} if skip else {})}
    return page.evaluate("([within, options]) => axe.run(within ? {include: [within]} : document, options).then(r => r.violations)",
                         [within, options])


def in_scheme(page, scheme: str) -> None:
    """Switch the colour scheme in place, as Material's toggle does (the attribute its palette
    stylesheet keys on); `draw_everything` turned colour transitions off, so one frame shows it."""
    page.evaluate("""async scheme => {
      """ + NEXT_FRAME + """
      document.body.setAttribute("data-md-color-scheme", scheme);
      await frame();
    }""", scheme)


# Colour contrast is most of axe's time, and most of what it measures repeats: the same element in
# the same place with the same colours on page after page (every option of every practice question,
# every row of the limits tables, the header and navigation). An element's contrast depends only on
# its text's colour, size, weight and shadow, its opacity and what is painted under it, so the check
# is given, on each page, every visible text element whose place in the page (the tags and classes
# from it up to the body) and computed colours no earlier page of the run has shown: each colour
# pairing the site draws is still checked where it appears, once, instead of on every page.
MARK_NEW_COLOURS = """seen => {
  seen = new Set(seen);
  const fresh = [], memo = new Map();
  const hash = text => { let h = 2166136261; for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619); return (h >>> 0).toString(36) + text.length.toString(36); };
  const around = el => {  // [place, opacity, background] of an element, from its parents' (memoised)
    if (!el || el === document.documentElement) return ["", 1, ""];
    if (memo.has(el)) return memo.get(el);
    const s = getComputedStyle(el), up = around(el.parentElement);
    const under = s.backgroundImage !== "none" || s.backgroundColor !== "rgba(0, 0, 0, 0)"
      ? s.backgroundImage + " " + s.backgroundColor + (s.backgroundColor.startsWith("rgba") ? " on " + up[2] : "") : up[2];
    const value = [up[0] + ">" + el.tagName + "." + [...el.classList].sort().join("."), up[1] * parseFloat(s.opacity), under];
    memo.set(el, value);
    return value;
  };
  for (const el of document.querySelectorAll("[data-contrast-sample]")) el.removeAttribute("data-contrast-sample");
  for (const el of document.body.querySelectorAll("*")) {
    if (![...el.childNodes].some(c => c.nodeType === 3 && c.textContent.trim())) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    const s = getComputedStyle(el), [place, opacity, under] = around(el);
    const key = hash([place, opacity, under, s.color, s.fontSize, s.fontWeight, s.textShadow, s.webkitTextFillColor].join("~"));
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(key);
    el.setAttribute("data-contrast-sample", "");
  }
  return fresh;
}"""


# The rules whose result depends on colours: text against its background, and a link against the
# text around it. The others judge the page's structure, the same in both schemes.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


class ContrastSampler:
    """Remembers, across the pages one test checks, the colour pairings already given to axe."""

    def __init__(self):
        self.seen: list[str] = []

    def check(self, page) -> list[dict]:
        fresh = page.evaluate(MARK_NEW_COLOURS, self.seen)
        self.seen += fresh
        return run_axe(page, COLOUR_RULES, "[data-contrast-sample]") if fresh else []


def axe_problems(page, path: str, contrast: ContrastSampler, dark_too: bool = True) -> list[str]:
    """Every axe rule in the default scheme, then the colour rules again in the dark one, the only
    rules a colour scheme changes: those over the colour pairings this test has not yet checked."""
    violations = [(path, v) for v in run_axe(page, skip=COLOUR_RULES) + contrast.check(page)]
    if dark_too:  # the next page loads in the reader's own scheme again
        in_scheme(page, "slate")
        violations += [(f"{path} (dark)", v) for v in contrast.check(page)]
    return [f"{where}: {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for where, v in violations]


# The drawn size of every text of the diagrams a page shows: one drawing per figure is visible
# (a wide one, a narrow one), scaled to its column.
RENDERED_TEXT = """() => [...document.querySelectorAll('svg.diagram')].filter(svg => svg.checkVisibility()).flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t => ({
    size: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent,
  }));
})"""
DESKTOP = {"width": 1366, "height": 900}


def diagram_text_problems(page, path: str) -> list[str]:
    """Lay the open page out at a phone's and a small phone's width, then back at the desktop's:
    at each, every figure shows one drawing, its text 12 px or more."""
    problems = []
    for viewport in [{"width": 390, "height": 844}, {"width": 360, "height": 740}, DESKTOP]:
        page.set_viewport_size(viewport)
        if not page.evaluate("[...document.querySelectorAll('figure.diagram-figure')].every(f => "
                             "[...f.querySelectorAll('svg')].filter(s => s.checkVisibility()).length === 1)"):
            problems.append(f"/{path} at {viewport['width']} px: a figure does not show exactly one drawing")
        problems += [f"/{path} at {viewport['width']} px: {t['text']!r} at {t['size']:.1f} px"
                     for t in page.evaluate(RENDERED_TEXT) if t["size"] < 11.95]
    return problems


AXE_CHUNKS = 4  # every page, split so that parallel workers share the work


@pytest.mark.parametrize("chunk", [pytest.param(n, marks=pytest.mark.xdist_group(f"pages-{n}")) for n in range(AXE_CHUNKS)])
def test_every_page_loads_offline_without_errors_and_passes_axe(built_site, site_server, browser, chunk):
    """Every page (a quarter of them per run), offline, at a desktop size, scrolled through: nothing
    on the console, no request leaving the machine, every diagram drawn, a height that does not jump
    by 1 % on the way down, nothing found by axe in the default colour scheme, and no contrast
    problem in the dark one. Then, on a page with diagrams, the same page laid out at a phone's and
    a small phone's width too: one drawing per figure, its text 12 px or more at each width."""
    context = axe_context(browser, viewport=DESKTOP)
    page = context.new_page()
    pages = swept_pages(built_site)
    assert len(pages) > 40
    problems, contrast = [], ContrastSampler()
    for path in pages[chunk::AXE_CHUNKS]:
        page.goto(site_server.url + path, wait_until="load")
        figures = page.locator("figure.diagram-figure svg:visible").all()
        for figure in figures:
            box = figure.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 20, f"{path}: a diagram did not render"
        heights = draw_everything(page)
        if max(heights) - min(heights) > 0.01 * max(heights):
            problems.append(f"{path}: {heights[0]} px high at the top, between {min(heights)} and {max(heights)} px on the way down")
        problems += axe_problems(page, path, contrast)
        if figures:
            problems += diagram_text_problems(page, path)
    context.context.close()
    assert context.blocked == [], f"requests left the machine: {context.blocked}"
    assert page.errors == [], page.errors
    assert problems == [], "\n".join(problems)


def test_the_contrast_check_sees_each_colour_pairing_once_and_misses_none(browser):
    """The sweep's sampling: a pairing seen on an earlier page is not measured again, and a changed
    colour, even on an element seen before, is measured and fails."""
    from axe_playwright_python.sync_playwright import Axe

    context = OfflineContext(browser)
    page = context.new_page()
    contrast = ContrastSampler()

    def page_with(colour: str) -> list[dict]:
        page.set_content(f"<html lang=en><style>p {{ color: #222; }} .b {{ color: {colour}; }}</style>"
                         "<main><p>One</p><p class=b>Two</p><p>Three</p></main>")
        page.add_script_tag(content=Axe().axe_script)
        return contrast.check(page)

    assert page_with("#333") == [] and len(contrast.seen) == 2, "two pairings, the third paragraph repeats the first"
    assert page_with("#333") == [] and len(contrast.seen) == 2, "nothing new on the next page"
    [violation] = page_with("#bbb")
    assert violation["id"] == "color-contrast" and [n["target"] for n in violation["nodes"]] == [[".b"]]
    context.context.close()


def test_the_diagrams_of_the_site_render(built_site, site_server, offline):
    page = offline.new_page()
    with_diagrams = [p for p in site_pages(built_site) if "diagram-figure" in (built_site / p / "index.html").read_text(encoding="utf-8")]
    assert len(with_diagrams) >= 5 and {"services/kms/", "services/codedeploy/"} <= set(with_diagrams)
    assert set(with_diagrams) <= set(swept_pages(built_site)), "the sweep reads every diagram at each width"
    page.goto(site_server.url + with_diagrams[0], wait_until="load")
    assert page.locator("figure.diagram-figure svg:visible").first.bounding_box()["width"] > 100


# The sweep checks the colour rules of every page in both schemes; the other rules judge structure,
# which the scheme does not change. These pages check every rule once more after a reader's toggle.
DARK_TOGGLED = ["", "services/sqs/", "practice/task-1-1/"]


def test_no_accessibility_violations_in_the_dark_scheme(built_site, site_server, browser):
    """Every rule, on a few pages, in the dark scheme chosen with the header's toggle as a reader
    does (the sweep above checks the colours of every page in it)."""
    context = axe_context(browser)
    page = context.new_page()
    page.goto(site_server.url, wait_until="load")
    choose_scheme(page, "slate")
    problems, contrast = [], ContrastSampler()
    for path in DARK_TOGGLED:
        page.goto(site_server.url + path, wait_until="load")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        draw_everything(page)
        problems += axe_problems(page, path, contrast, dark_too=False)
    context.context.close()
    assert problems == [], "\n".join(problems)


def search(page, base_url: str, query: str) -> list[str]:
    page.goto(base_url, wait_until="load")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize("query, first", [
    ("visibility timeout", "services/sqs/"),
    ("GenerateDataKeyWithoutPlaintext", "services/kms/"),
])
def test_search_works_offline(site_server, browser, query, first):
    offline = OfflineContext(browser, search=True)
    page = offline.new_page()
    results = search(page, site_server.url, query)
    assert results, f"no results for {query!r}"
    assert urlsplit(urljoin(site_server.url, results[0])).path == "/" + first, results[:3]
    assert offline.blocked == []
    offline.context.close()


def choose_scheme(page, scheme: str) -> None:
    """Pick a colour scheme the way a reader does: with the toggle in the header."""
    for _ in range(2):
        if page.get_attribute("body", "data-md-color-scheme") == scheme:
            return
        page.locator("form[data-dva-palette] label:visible").first.click()
    assert page.get_attribute("body", "data-md-color-scheme") == scheme


SCHEME = """[document.body.dataset.mdColorScheme, getComputedStyle(document.documentElement).colorScheme,
  [...document.querySelectorAll("form[data-dva-palette] label")].filter(l => !l.hidden).map(l => l.title),
  document.querySelectorAll("meta[name=color-scheme]").length]"""


def test_theme_toggle_is_remembered(site_server, offline):
    """The toggle (overrides/partials/palette.html) switches the scheme, the page's own colour
    scheme follows without a meta tag (whose changes restyled every element), and the choice holds
    on the next page, by click and by Enter."""
    page = offline.new_page()
    page.goto(site_server.url + "services/sqs/", wait_until="load")
    assert page.evaluate(SCHEME) == ["default", "normal", ["Switch to dark mode"], 0]
    page.locator("form[data-dva-palette] label:visible").first.click()
    assert page.evaluate(SCHEME) == ["slate", "dark", ["Switch to light mode"], 0]
    page.goto(site_server.url + "limits/", wait_until="load")
    assert page.evaluate(SCHEME) == ["slate", "dark", ["Switch to light mode"], 0]
    page.focus("#__palette_1")
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME)[:2] == ["default", "normal"]
    assert page.errors == [], page.errors


def test_a_first_visit_follows_the_system_scheme(site_server, browser):
    context = OfflineContext(browser, color_scheme="dark")
    page = context.new_page()
    page.goto(site_server.url + "exam/", wait_until="load")
    assert page.evaluate(SCHEME) == ["slate", "dark", ["Switch to light mode"], 0]
    assert page.errors == [], page.errors
    context.context.close()


def test_small_screens_scroll_tables_not_pages(built_site, site_server, browser):
    context = OfflineContext(browser, viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ["", "limits/", "services/sqs/", "services/lambda/", "services/codedeploy/", "compare/limits-by-topic/",
                 "exam/", "practice/", "practice/task-1-1/", "practice/mock/"]:
        page.goto(site_server.url + path, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path}: the page scrolls sideways ({width}px)"
    page.goto(site_server.url + "services/kms/", wait_until="load")
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert wrap.evaluate("e => getComputedStyle(e).overflowX") == "auto", "a table too wide scrolls in its own box"
    context.context.close()


def test_limits_index_and_service_rows_link_both_ways(built_site, site_server, offline):
    page = offline.new_page()
    page.goto(site_server.url + "limits/", wait_until="load")
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
    page.goto(site_server.url, wait_until="load")
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


def test_a_request_for_another_host_fails_and_is_recorded(offline):
    """What keeps the tests offline: the browser reaches no host but 127.0.0.1, and the context
    records what its pages asked of any other."""
    page = offline.new_page()
    with page.expect_event("requestfailed") as failed:
        page.set_content('<img alt="" src="http://example.com/pixel.png">')
    assert "PROXY" in failed.value.failure, "refused by the browser, not left to the network"
    assert offline.blocked == ["http://example.com/pixel.png"]


def test_data_text_cannot_inject_markup(tmp_path, browser):
    """A limit name with markup in it renders as text, and runs nothing."""
    project = mini_project(tmp_path)
    limits = project / "data" / "limits.yml"
    text = limits.read_text()
    assert "    name: Message retention period\n" in text
    limits.write_text(text.replace(
        "    name: Message retention period\n",
        "    name: '<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">'\n", 1))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    server = SiteServer(tmp_path / "site")
    context = OfflineContext(browser)
    try:
        page = context.new_page()
        for path in ["services/sqs/", "limits/"]:
            page.goto(server.url + path, wait_until="load")
            assert page.evaluate("window.__pwned") is None
            assert page.get_by_text("<script>window.__pwned = 1</script>", exact=False).count() >= 1
            assert page.locator("article script").count() == 0
    finally:
        context.context.close()
        server.close()
