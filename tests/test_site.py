"""Static checks of every page of the built site: the Content-Security-Policy, safe external links,
descriptions, and internal links and anchors (read with an HTML parser, independently of
finish/linkcheck.py)."""

from __future__ import annotations

import re

from conftest import ROOT, site_pages


def test_every_page_has_a_strict_content_security_policy(site_soups):
    for html, soup in site_soups.items():
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


def test_external_links_carry_noopener(site_soups):
    for html, soup in site_soups.items():
        for a in soup.select("a[href^='http://'], a[href^='https://']"):
            assert "noopener" in (a.get("rel") or []), f"{html}: {a}"


def test_every_page_has_a_meta_description(built_site, site_soups):
    for path in site_pages(built_site):
        soup = site_soups[path + "index.html"]
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta is not None and len(meta["content"]) > 40, path


def test_every_internal_link_and_anchor_resolves(built_site, site_soups):
    ids: dict[str, set[str]] = {}
    soups = {built_site / rel: soup for rel, soup in site_soups.items()}
    for html, soup in soups.items():
        ids[html.resolve().as_posix()] = {e["id"] for e in soup.select("[id]")} | {e["name"] for e in soup.select("a[name]")}
    broken = []
    for html, soup in soups.items():
        for a in soup.select("a[href]"):
            href = a["href"]
            if re.match(r"^(https?:|mailto:|data:)", href) or href.startswith("//"):
                continue
            path, _, anchor = href.partition("#")
            path = path.split("?", 1)[0]
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


def test_published_from_a_repository_pages_link_it_and_their_source(tmp_path):
    """REPO_URL and EDIT_URI (set by the workflow) give the header's repository link, without
    Material's request to api.github.com, and an edit link on each page written in docs/ only."""
    import os
    import subprocess
    import sys

    from bs4 import BeautifulSoup

    from conftest import mini_project

    project = mini_project(tmp_path)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL="https://github.com/example/dva-study",
               EDIT_URI="edit/main/docs/")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    source = home.select_one("a.md-source")
    assert source["href"] == "https://github.com/example/dva-study" and not source.has_attr("data-md-component")
    sqs = BeautifulSoup((site / "services" / "sqs" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert sqs.select_one("a[rel~=edit]")["href"] == "https://github.com/example/dva-study/edit/main/docs/services/sqs.md"
    deck = BeautifulSoup((site / "flashcards" / "sqs" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert deck.select_one("a[rel~=edit]") is None, "a page made from the data has no file to edit"


# The services the exam asks about most, and two DVA-C03 additions, each with the pictures a teacher
# would draw (issue 20): page -> figure captions.
CORE_PICTURES = {
    "services/lambda/": ["Synchronous invocation", "Asynchronous invocation", "Event source mapping"],
    "services/sqs/": ["Life of a message", "Long polling"],
    "services/dynamodb/": ["One write: table, then each GSI", "Query vs Scan", "DynamoDB Streams to Lambda"],
    "services/api-gateway/": ["A REST API call through API Gateway"],
    "services/s3/": ["A presigned URL round trip", "Where an S3 event notification can go"],
    "services/cognito/": ["User pool plus identity pool"],
    "services/bedrock/": ["A Bedrock call with a guardrail"],
}


def test_the_most_tested_services_carry_their_pictures(site_soups):
    for page, captions in CORE_PICTURES.items():
        figures = site_soups[page + "index.html"].select("figure.diagram-figure")
        assert [f.figcaption.get_text() for f in figures] == captions, page
        for figure in figures:
            assert all(svg.desc and svg.desc.get_text() for svg in figure.select("svg")), f"{page}: a text equivalent"
    gateway = site_soups["services/api-gateway/index.html"].select_one("figure.diagram-figure desc").get_text()
    assert "throttling (429)" in gateway and "cache" in gateway, "where throttling and caching act"


def test_the_home_page_starts_a_newcomer_on_a_path(site_soups):
    """Read, practise, sit a mock: the first section of the home page, in that order, with the
    developer commands at the end (issue 19)."""
    home = site_soups["index.html"].select_one("article")
    headings = [h.get_text().strip().rstrip("¶") for h in home.select("h2")]
    assert headings[0] == "Start here" and headings[-1] == "Your own copy", headings
    steps = home.select_one("h2#start-here ~ ol").select(":scope > li")
    assert [li.strong.get_text() for li in steps] == ["Read.", "Practise.", "Sit a mock exam."]
    links = [[a["href"] for a in li.select("a")] for li in steps]
    assert links[0][0] == "exam/" and "practice/" in links[1] and "practice/mock/" in links[2]
    text = home.get_text()
    assert text.index(".ci/serve") > text.index("All services"), "developer commands come last"
    rules = (ROOT / "docs" / "assets" / "javascripts" / "practice" / "rules.js").read_text(encoding="utf-8")
    ready = re.search(r"READY_SCORE = (\d+);", rules).group(1)
    assert f"three mocks in a row at {ready} or" in " ".join(text.split()), "the home page names the verdict's own mark"


def test_the_test_server_leaves_out_search_documents_only_when_asked(tmp_path):
    """The site server of the tests and the sheets: the search index without its documents for a
    context with the cookie (tools/site_server.py), the file as it is otherwise; pages and data
    `no-cache`, so a browser asks again and sees a new build, and assets kept for an hour."""
    import json
    import urllib.request

    from site_server import WITHOUT_DOCUMENTS, serve

    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {"lang": ["en"]}, "docs": [{"title": "SQS"}]}))
    (tmp_path / "index.html").write_text("<p>Home</p>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("p {}")
    server, base = serve(tmp_path)
    cookie = {"Cookie": f"{WITHOUT_DOCUMENTS['name']}={WITHOUT_DOCUMENTS['value']}"}
    try:
        answers = [urllib.request.urlopen(urllib.request.Request(base + "search/search_index.json", headers=headers))
                   for headers in ({}, cookie)]
        full, emptied = (json.load(answer) for answer in answers)
        page, asset = (urllib.request.urlopen(base + path) for path in ("", "assets/site.css"))
    finally:
        server.shutdown()
    assert full["docs"] == [{"title": "SQS"}] and emptied == {"config": {"lang": ["en"]}, "docs": []}
    assert [answer.headers["Cache-Control"] for answer in answers + [page]] == ["no-cache"] * 3
    assert asset.headers["Cache-Control"] == "max-age=3600"
