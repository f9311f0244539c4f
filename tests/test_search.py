"""Finding things: the search ranks the page that answers first, its suggestions are clean words,
the keyboard reaches the navigation quickly and never lands on something invisible; and the look
of titles, domain tags and the home page's service tables.

The rankings go through Material's own search box in the built site, in Chromium: type the query,
wait for the results to settle, read their order."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import NEXT_FRAME, OfflineContext, ROOT
from finish.searchtext import tables_as_lists
from macros.datafiles import load_site_data
from macros.models import Service
from macros.search import search_tags

DATA = load_site_data(ROOT / "data")

# What a candidate types, and the page that must come first. "cold start": the Lambda page, which
# sends readers to the concurrency page that explains cold starts (close behind). "throttling":
# Lambda too, whose 429s, reserved concurrency and throttled retries the exam asks about most (its
# page links to the concurrency page); API Gateway's throttling section follows closely.
FIRST = {
    "cold start": "services/lambda/",
    "GSI": "services/dynamodb/",
    "throttling": "services/lambda/",
    "sqs": "services/sqs/",
    "visibility timeout": "services/sqs/",
    "KMS envelope encryption": "services/kms/",
    "X-Ray": "services/xray/",
    "appspec": "services/codedeploy/",
    "buildspec": "services/codebuild/",
    "Cognito identity pool": "services/cognito/",
    "DAX": "services/dynamodb/",
    "stage variables": "services/api-gateway/",
}
# ... and pages that must come close behind it, within the first three.
NEAR = {
    "cold start": "skills/lambda-scaling/",
    "throttling": "services/api-gateway/",
}
# Words of a keyword must not pull other searches to its page: the keyword "stage variables"
# (API Gateway) must not win "environment variables", nor "cold start" (Lambda) win "start".
NOT_FIRST = {
    "environment variables": "services/api-gateway/",
    "start": "services/lambda/",
}
PUNCTUATION = ",.;:!?)]}'\"/"


# Without a browser ----------------------------------------------------------------------------

def search_config() -> dict:
    from project import mkdocs_config  # reads mkdocs.yml's tags (!ENV, !!python/name) as text

    config = mkdocs_config()
    return next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)


def test_search_words_end_at_punctuation():
    """The separator Material's search splits text with: no word keeps a comma or a bracket."""
    separator = re.compile(search_config()["separator"])
    text = 'SQS, SNS (and "Kinesis"). Lambda.Invoke; v1.5 &lt;ErrorName&gt; s3://bucket/key'
    words = [w for w in separator.split(text) if w]
    assert words == ["SQS", "SNS", "and", "Kinesis", "Lambda", "Invoke", "v1.5", "ErrorName", "s3", "bucket", "key"]


def test_tags_are_one_word_each():
    tags = search_tags("STS, SDKs and CLI", ["cold start", "GSI"])
    assert tags == ["STS", "SDKs", "CLI", "cold\u2011start", "GSI"]
    separator = re.compile(search_config()["separator"])
    assert all(len([w for w in separator.split(tag) if w]) == 1 for tag in tags if "-" not in tag)


def test_keywords_are_plain_and_unique():
    base = {"id": "x", "name": "X", "category": "c", "page": "services/x.md", "summary": "S.", "domains": ["d"], "in_scope": True}
    Service(**base, keywords=["cold start", "X-Ray", "GSI"])
    for bad in (["sqs,"], ["GSI", "gsi"], [" lead"], ["a;b"]):
        with pytest.raises(ValueError):
            Service(**base, keywords=bad)


def test_a_table_is_indexed_row_by_row():
    html = ("<p>x</p><table><thead><tr><th>Aspect</th><th>Reserved</th><th>Provisioned</th></tr></thead>"
            "<tbody><tr><td>Cost</td><td>Free</td><td>Charged<br>while set</td></tr>"
            "<tr><td>Set on</td><td></td><td data-search-exclude>hidden</td></tr></tbody></table>")
    assert tables_as_lists(html) == (
        "<p>x</p><ul><li>Aspect: Reserved; Provisioned</li><li>Cost: Free; Charged while set</li>"
        "<li>Set on</li></ul>"
    )


def test_the_index_has_tags_and_no_flat_tables(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for service in DATA.services.values():
        doc = by_location[service.page.removesuffix(".md") + "/"]
        assert search_tags(service.short or service.name, service.keywords) == doc["tags"], service.id
    limits = by_location["services/lambda/#limits"]["text"]
    assert limits.startswith("<ul><li>Limit: Value; Type;") and "<li>Function timeout: min 1 second" in limits


# In Chromium ------------------------------------------------------------------------------------

# Wait until the result list has items and has not changed for `quiet` ms, then read it.
SETTLED_RESULTS = """async quiet => {
  const box = document.querySelector(".md-search-result");
  let changed = performance.now();
  const watch = new MutationObserver(() => { changed = performance.now(); });
  watch.observe(box, {childList: true, subtree: true, characterData: true});
  const started = performance.now();
  const list = () => box.querySelectorAll(".md-search-result__list > li > a:first-child");
  while ((performance.now() - changed < quiet || !list().length) && performance.now() - started < 20000) {
    await new Promise(done => setTimeout(done, 20));
  }
  watch.disconnect();
  return {hrefs: [...list()].map(a => a.getAttribute("href")),
          suggestion: document.querySelector(".md-search__suggest").textContent};
}"""
EMPTIED = """async () => {
  for (let i = 0; i < 500 && document.querySelector(".md-search-result__list > li"); i++) {
    await new Promise(done => setTimeout(done, 20));
  }
}"""


def path_of(url: str, href: str) -> str:
    return urlsplit(urljoin(url, href)).path.lstrip("/")


class SearchBox:
    """Material's search box on the home page, typed into as a reader does."""

    def __init__(self, page, url: str):
        self.page, self.url = page, url
        page.goto(url, wait_until="load")
        self.field = page.locator("input.md-search__input")
        self.field.click()  # the field keeps the focus from then on

    def search(self, query: str, typed: bool = True) -> tuple[list[str], str]:
        """Clear the box, then type `query` key by key (every key searches, as Material searches on
        each key release), or enter it at once and release one key (one search: quicker)."""
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Backspace")
        self.page.evaluate(EMPTIED)
        if typed:
            self.page.keyboard.type(query)
            found = self.page.evaluate(SETTLED_RESULTS, 200)
        else:
            self.page.keyboard.insert_text(query)
            self.page.keyboard.press("End")
            found = self.page.evaluate(SETTLED_RESULTS, 30)
        return [path_of(self.url, h) for h in found["hrefs"]], found["suggestion"]


@pytest.fixture
def offline(browser):
    """This module searches: its contexts get the real search index (conftest's `offline` does not)."""
    context = OfflineContext(browser, search=True)
    yield context
    context.context.close()


@pytest.mark.browser
def test_search_puts_the_page_that_answers_first(site_server, offline):
    box = SearchBox(offline.new_page(), site_server.url)
    wrong, suggestions = [], {}
    for query, first in FIRST.items():
        results, suggestions[query] = box.search(query)
        if not results or results[0] != first:
            wrong.append(f"{query!r}: {first} expected first, got {results[:4]}")
        if query in NEAR and NEAR[query] not in results[:3]:
            wrong.append(f"{query!r}: {NEAR[query]} expected in the first three, got {results[:4]}")
    for query, not_first in NOT_FIRST.items():
        results, suggestions[query] = box.search(query, typed=False)
        if results[:1] == [not_first]:
            wrong.append(f"{query!r}: {not_first} should not come first")
    assert wrong == [], "\n".join(wrong)
    # The suggestion completes the last word typed; it is a word, never "sqs," or "sqs?".
    for query in ("sq", "throttl", "kinesis", "dead-letter", "lambda"):
        suggestions[query] = box.search(query, typed=False)[1]
    assert suggestions["sqs"] and suggestions["throttling"]
    assert [q for q, s in suggestions.items() if s.rstrip().endswith(tuple(PUNCTUATION))] == [], suggestions
    assert offline.blocked == []


# Typed as a candidate would, each with the page that teaches it: a feature, an API or parameter
# name, a file name, an error or state name, and the DVA-C03 services and features. The page must
# come first (a practice set, the glossary or the limits index only after it), except where a
# neighbouring page may rightly share the top: those are in ANSWER_NEAR, within the first three.
ANSWER_FIRST = {
    "GenerateDataKeyWithoutPlaintext": "services/kms/",
    "ReceiveMessageWaitTimeSeconds": "services/sqs/",
    "maxReceiveCount": "services/sqs/",
    "StartMessageMoveTask": "services/sqs/",
    "ReportBatchItemFailures": "services/lambda/",
    "IteratorAge": "services/lambda/",
    "ProvisionedThroughputExceededException": "services/dynamodb/",
    "appspec.yml": "services/codedeploy/",
    "buildspec.yml": "services/codebuild/",
    "samconfig.toml": "services/sam/",
    "cdk synth": "services/cdk/",
    "Fn::ImportValue": "services/cloudformation/",
    "DeletionPolicy": "services/cloudformation/",
    "UPDATE_ROLLBACK_FAILED": "services/cloudformation/",
    "waitForTaskToken": "services/step-functions/",
    "PutEvents": "services/eventbridge/",
    "usage plan": "services/api-gateway/",
    "identity pool": "services/cognito/",
    "Logs Insights": "services/cloudwatch/",
    "X-Ray daemon": "services/xray/",
    "ApplyGuardrail": "services/bedrock/",
    "ConverseStream": "services/bedrock/",
    "InvokeModel": "services/bedrock/",
    "model invocation logging": "services/bedrock/",
    "cross-Region inference": "services/bedrock/",
    "return of control": "services/bedrock-agentcore/",
    "AgentCore Runtime": "services/bedrock-agentcore/",
    "contextual grounding": "skills/ai-security/",
    "Kiro": "skills/ai-assisted-development/",
    "Amazon Quick": "skills/ai-assisted-development/",
    "presigned URL": "skills/presigned-urls/",
    "signed cookies": "skills/presigned-urls/",
    "interface endpoint": "services/privatelink/",
    "Pod Identity": "services/eks/",
    "readiness probe": "services/eks/",
    "task execution role": "services/ecs/",
    "image scanning": "services/ecr/",
    "Deep Archive": "services/glacier/",
    "RestoreObject": "services/glacier/",
    "partition projection": "services/athena/",
    "rate-based rule": "services/waf/",
    "web ACL": "services/waf/",
    "Firehose buffering": "services/firehose/",
}
ANSWER_NEAR = {
    "Private CA": "services/acm/",  # after PrivateLink, whose name starts the same
    "prompt attack": "services/bedrock/",  # after the AI security page, which compares the filters
}


@pytest.mark.browser
def test_queries_of_every_kind_land_on_the_page_that_teaches(site_server, offline):
    box = SearchBox(offline.new_page(), site_server.url)
    first, wrong = 0, []
    for query, page in {**ANSWER_FIRST, **ANSWER_NEAR}.items():
        results, _ = box.search(query, typed=False)
        first += results[:1] == [page]
        if page not in results[:3] or (query in ANSWER_FIRST and results[:1] != [page]):
            wrong.append(f"{query!r}: {page} expected {'first' if query in ANSWER_FIRST else 'in the first three'}, got {results[:4]}")
    assert len(ANSWER_FIRST) >= 30 and first >= 30
    assert wrong == [], "\n".join(wrong)


@pytest.mark.browser
def test_searching_a_service_name_finds_its_page_first(site_server, offline):
    box = SearchBox(offline.new_page(), site_server.url)
    wrong = []
    for service in DATA.services.values():
        name = service.short or service.name
        results, _ = box.search(name, typed=False)
        if results[:1] != [service.page.removesuffix(".md") + "/"]:
            wrong.append(f"{name!r}: got {results[:3]}")
    assert wrong == [], "\n".join(wrong)


SETTLE_ANIMATIONS = """async () => {
  """ + NEXT_FRAME + """
  await frame();
  for (let i = 0; i < 60 && document.getAnimations().some(a => a.playState === "running"); i++) await frame();
}"""

# What has focus, as the reader sees it: the element, or for Material's visually hidden radio
# buttons (the colour scheme toggle) the label after it, which draws their focus ring
# (Material: `.md-option.focus-visible + label { outline-style: auto }`).
FOCUSED = """() => {
  let e = document.activeElement;
  const name = (e.getAttribute("href") || e.id || e.className || e.tagName).toString().slice(0, 60);
  if (e.matches("input.md-option") && e.nextElementSibling?.matches("label")) e = e.nextElementSibling;
  const box = e.getBoundingClientRect();
  return {name, width: box.width, height: box.height,
          seen: e.checkVisibility({opacityProperty: true, visibilityProperty: true})};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width, height", [(1366, 900), (390, 844)])
def test_every_tab_stop_on_the_home_page_is_visible(site_server, browser, width, height):
    context = OfflineContext(browser, viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_server.url, wait_until="load")
    invisible = []
    for n in range(1, 16):
        page.keyboard.press("Tab")
        page.evaluate(SETTLE_ANIMATIONS)
        focused = page.evaluate(FOCUSED)
        if not (focused["width"] > 0 and focused["height"] > 0 and focused["seen"]):
            invisible.append(f"Tab {n}: {focused}")
    context.context.close()
    assert invisible == [], "\n".join(invisible)


@pytest.mark.browser
def test_the_keyboard_reaches_sqs_in_the_navigation_quickly(site_server, browser):
    """Tab through the home page at desktop width, opening the SQS category with Enter when it
    has focus, until the SQS link has focus: 14 Tabs (37 before the services were grouped)."""
    context = OfflineContext(browser, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(site_server.url, wait_until="load")
    category = DATA.categories[DATA.services["sqs"].category].name
    tabs = 0
    while tabs < 40:
        page.keyboard.press("Tab")
        tabs += 1
        focused = page.evaluate("() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
        if focused[1] == "services/sqs/":
            break
        if focused[0] == category:
            page.keyboard.press("Enter")
    context.context.close()
    assert tabs <= 14, f"{tabs} Tabs to reach SQS"


@pytest.mark.browser
def test_the_keyboard_still_searches(site_server, offline):
    """Tab to the search field, type, arrow down to the first result, Enter: on its page."""
    page = offline.new_page()
    page.goto(site_server.url, wait_until="load")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('input.md-search__input')"):
            break
    page.keyboard.type("visibility timeout")
    found = page.evaluate(SETTLED_RESULTS, 200)
    assert found["hrefs"] and path_of(site_server.url, found["hrefs"][0]) == "services/sqs/", found
    page.keyboard.press("ArrowDown")
    for _ in range(100):
        if page.evaluate("() => !!document.activeElement.closest('.md-search-result__item')"):
            break
        page.wait_for_timeout(20)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/services/sqs/"))


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", [(1366, 900), (390, 844)])
def test_titles_tags_and_service_tables_look_even(site_server, browser, scheme, width, height):
    context = OfflineContext(browser, viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_server.url, wait_until="load")
    h1, h2 = (page.evaluate("h => { const s = getComputedStyle(document.querySelector('.md-content .md-typeset ' + h));"
                            " return [Number(s.fontWeight), s.color]; }", h) for h in ("h1", "h2"))
    assert h1[0] >= h2[0] and h1[1] == h2[1], (h1, h2)
    # Every category's table: the same width, and the same width of its first column.
    widths = page.evaluate("""() => [...document.querySelectorAll('.services-map table')].map(t =>
        [t.getBoundingClientRect().width, t.querySelector('th').getBoundingClientRect().width])""")
    assert len(widths) >= 5
    for table, first in widths:
        assert abs(table - widths[0][0]) <= 2 and abs(first - widths[0][1]) <= 2, widths
    page.goto(site_server.url + "services/sqs/", wait_until="load")
    tags = page.evaluate("() => [...document.querySelectorAll('.domain-tag')].map(t => [t.textContent, t.innerText])")
    assert any("AWS" in text for text, _ in tags)
    for text, shown in tags:
        assert "  " not in text and shown == text, f"tag reads {shown!r}"
    context.context.close()
