"""A real strict build: tables, inline values, index and cross-links are in the HTML, code samples
keep their braces, and a bad page or bad data stops the build with a clear message."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import mini_project, mkdocs_build
from project import data_dir
from macros.datafiles import load_site_data

DATA = load_site_data(data_dir())


def page_html(site_soups: dict, page: str) -> BeautifulSoup:
    """The built page of a Markdown page, as parsed once (conftest's `site_soups`): read-only."""
    folder = page.removesuffix(".md").removesuffix("index")
    return site_soups[f"{folder}/index.html" if folder else "index.html"]


@pytest.mark.parametrize("service", [s for s in DATA.services if DATA.limits_of(s)])
def test_service_page_has_an_anchored_row_per_limit(site_soups, service):
    soup = page_html(site_soups, DATA.services[service].page)
    for limit in DATA.limits_of(service):
        row = soup.find(id=limit.anchor)
        assert row is not None, f"{service}: no row for {limit.id}"
        cells = row.find_parent("tr").find_all("td")
        source, verified, index = cells[4].find_all("a")[0], cells[4].time, cells[4].find_all("a")[-1]
        assert index["href"] == f"../../limits/#{limit.anchor}"
        assert source["href"] == limit.source and verified["datetime"] == limit.verified.isoformat()


def test_index_rows_link_back_to_service_pages(site_soups):
    soup = page_html(site_soups, "limits.md")
    for limit in DATA.limits.values():
        anchor = soup.find(id=limit.anchor)
        assert anchor is not None, limit.id
        page = DATA.services[limit.service].page.removesuffix(".md")
        assert anchor["href"] == f"../{page}/#{limit.anchor}"


def test_index_sections_are_headed_for_screen_readers_not_the_toc(site_soups):
    """One section per service, titled by a level-3 heading role; the table of contents lists the
    categories only, so the page's script does not measure sections the browser has not drawn."""
    soup = page_html(site_soups, "limits.md")
    sections = soup.select("section.limits-group")
    assert len(sections) == len({l.service for l in DATA.limits.values()})
    for section in sections:
        title = section.find(class_="limits-service")
        assert title["role"] == "heading" and title["aria-level"] == "3" and title["id"].startswith("service-")
        assert section.find("table") is not None
    toc = [a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc and all(not href.startswith("#service-") for href in toc)


def test_inline_values_link_to_their_rows(site_soups):
    soup = page_html(site_soups, "services/sqs.md")
    refs = soup.select("a.limit-ref")
    assert refs, "the SQS page shows limit values inline"
    for ref in refs:
        target = ref["href"]
        assert "#limit-" in target


def test_topic_comparison_links_to_each_service(site_soups):
    soup = page_html(site_soups, "compare/limits-by-topic.md")
    links = {a["href"] for a in soup.select("article a[href*='#limit-']")}
    services = {DATA.limits[l].service for l in DATA.limits if DATA.limits[l].topic}
    for service in services:
        page = DATA.services[service].page.removesuffix(".md")
        assert any(f"{page}/#limit-" in link for link in links), service


def test_no_raw_jinja_outside_code(built_site):
    """Jinja left in a page is a macro bug, except inside code samples (CloudFormation's
    `{{resolve:...}}`, GitHub's `${{ }}`) and the JSON data of scripts."""
    for html in built_site.rglob("*.html"):
        text = re.sub(r"<(code|pre|script)\b.*?</\1>", "", html.read_text(encoding="utf-8"), flags=re.S)
        assert "{{" not in text and "{%" not in text, html


def test_exam_data_on_home_page(site_soups):
    text = page_html(site_soups, "index.md").get_text()
    assert DATA.exam.code in text
    for domain in DATA.exam.domains:
        assert domain.name in text and f"{domain.weight}%" in text


def test_no_page_requests_fonts_or_cdn(site_soups):
    for html, soup in site_soups.items():
        source = str(soup.head)
        assert "fonts.googleapis.com" not in source and "fonts.gstatic.com" not in source, html
        for tag in soup.select("script[src], link[href], img[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") not in (["stylesheet"], ["preload"], ["icon"], ["manifest"]):
                continue
            assert not re.match(r"^(https?:)?//", url), f"{html}: {url}"


# Builds of a small copy of the project ------------------------------------------------------


def page(text: str) -> str:
    return f"---\ndescription: A test page of the small test site.\n---\n\n# Test\n\n{text}\n"


def test_code_samples_keep_their_braces(tmp_path):
    project = mini_project(tmp_path, {"code-sample.md": page(
        "```yaml\nPassword: '{{resolve:secretsmanager:MySecret:SecretString:password}}'\n```\n\n"
        "```yaml\nrun: echo ${{ secrets.TOKEN }}\n```\n\n"
        "Inline: `{{resolve:ssm:/app/url}}` and a value: {{ limit('sqs.retention.max') }}."
    )})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "code-sample" / "index.html").read_text(), "lxml")
    code = " ".join(c.get_text() for c in soup.select("code"))
    assert "{{resolve:secretsmanager:MySecret:SecretString:password}}" in code
    assert "${{ secrets.TOKEN }}" in code and "{{resolve:ssm:/app/url}}" in code
    assert soup.select_one("a.limit-ref").get_text().endswith("days")


@pytest.mark.parametrize("call, expected", [
    ("{{ limit('sqs.no-such-limit') }}", ["unknown-id.md: limit('sqs.no-such-limit'): unknown limit id 'sqs.no-such-limit'"]),
    ("{{ limits_table('sqss') }}", ["unknown-id.md: limits_table('sqss'): unknown service 'sqss'"]),
    ("{{ no_such_macro() }}", ["unknown-id.md", "'no_such_macro' is undefined"]),
    ("{{ flow_diagram([], 'x') }}", ["unknown-id.md", "flow_diagram needs at least one step"]),
    ("Text {#anchor} more", ["unknown-id.md:7:", "Jinja comment"]),
], ids=["limit", "service", "macro", "diagram", "comment"])
def test_a_bad_reference_fails_the_build_naming_page_and_id(tmp_path, call, expected):
    """Even with -q (`mkdocs build -q` once exited 100 and printed nothing)."""
    project = mini_project(tmp_path, {"unknown-id.md": page(call)})
    result = mkdocs_build(project, tmp_path / "site", "-q")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    for fragment in expected:
        assert fragment in output, output[-3000:]


def test_a_bad_reference_is_reported_without_q_too(tmp_path):
    project = mini_project(tmp_path, {"unknown-id.md": page("{{ limit('sqs.no-such-limit') }}")})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "unknown-id.md: limit('sqs.no-such-limit'): unknown limit id" in result.stderr


def test_bad_data_fails_the_build_naming_file_record_and_field(tmp_path):
    project = mini_project(tmp_path, data_case="mistyped-field")
    result = mkdocs_build(project, tmp_path / "site", "-q")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "data/limits.yml:" in output and "field 'adjustable'" in output and "(id 'sqs.retention')" in output


@pytest.mark.parametrize("old, new, expected", [
    ("teach: [services/sqs.md#encryption]", "teach: [services/sqs.md#encryptoin]",
     ["data/exam.yml:34: exam skill 2.1.1, field 'teach[0]'", "services/sqs.md has no section with id 'encryptoin'"]),
    ("teach: [services/sqs.md#encryption]", "teach: [services/sqz.md#encryption]",
     ["data/exam.yml:34: exam skill 2.1.1, field 'teach[0]'", "no page services/sqz.md"]),
    ("{name: Amazon SQS, page: services/sqs.md}", "{name: Amazon SQS, page: services/sqs.md#gone}",
     ["data/exam.yml:38: in-scope service 'Amazon SQS', field 'page'", "no section with id 'gone'"]),
], ids=["anchor", "page", "scope"])
def test_a_section_the_exam_data_names_must_exist(tmp_path, old, new, expected):
    project = mini_project(tmp_path)
    exam = project / "data" / "exam.yml"
    assert old in exam.read_text()
    exam.write_text(exam.read_text().replace(old, new, 1))
    result = mkdocs_build(project, tmp_path / "site", "-q")
    assert result.returncode != 0
    for fragment in expected:
        assert fragment in result.stdout + result.stderr, result.stderr[-2000:]


def test_a_section_a_question_names_must_exist(tmp_path):
    project = mini_project(tmp_path)
    questions = project / "data" / "questions.yml"
    questions.write_text(questions.read_text().replace("teach: [services/sns.md#topics]", "teach: [services/sns.md#topicz]"))
    result = mkdocs_build(project, tmp_path / "site", "-q")
    assert result.returncode != 0
    assert "data/questions.yml:28: question 'sns-fanout', field 'teach[0]'" in result.stderr, result.stderr[-2000:]


def test_broken_link_fails_the_build(tmp_path):
    project = mini_project(tmp_path, {"broken.md": page("[x](services/nope.md) <a href=\"../nowhere/\">raw</a>")})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "nope.md" in result.stdout + result.stderr
