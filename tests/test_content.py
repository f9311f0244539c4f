"""The content: every section of the notes has a page, every service page follows the template,
no limit value is typed by hand, and the navigation follows the data."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from project import data_dir, mkdocs_config
from macros.datafiles import load_site_data
from macros.models import Quantity

DATA = load_site_data(data_dir())
SECTIONS = yaml.safe_load((data_dir() / "seed_sections.yml").read_text())["sections"]
SERVICE_PAGES = {s.id: ROOT / "docs" / s.page for s in DATA.services.values()}
SKILL_PAGES = sorted((ROOT / "docs" / "skills").glob("*.md"))


def test_every_section_of_the_notes_has_a_page():
    """data/seed_sections.yml records each section heading of the original notes and the page that
    now covers it (checked against the notes when they were migrated; the notes are not needed)."""
    assert len(SECTIONS) > 30
    for section in SECTIONS:
        assert (ROOT / "docs" / section["page"]).exists(), section


def test_navigation_is_generated_from_the_data():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "nav.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_page_is_in_the_navigation():
    def pages(entries):
        for entry in entries:
            value = list(entry.values())[0] if isinstance(entry, dict) else entry
            yield from pages(value) if isinstance(value, list) else [value]

    in_nav = set(pages(mkdocs_config()["nav"]))
    on_disk = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert on_disk - in_nav == set()


def page_text(service: str) -> str:
    return SERVICE_PAGES[service].read_text(encoding="utf-8")


@pytest.mark.parametrize("service", list(DATA.services))
def test_service_page_follows_the_template(service):
    text = page_text(service)
    front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S).groups()
    meta = yaml.safe_load(front)
    assert len(meta.get("description", "")) > 40, "a description of a sentence"
    headings = re.findall(r"^## (.+)$", body, re.M)
    for required in ["Exam focus", "Concepts", "Limits", "Self-test", "Sources"]:
        assert required in headings, f"missing section {required!r}"
    assert f"{{{{ exam_focus('{service}') }}}}" in body, "domain tags"
    if DATA.limits_of(service):
        assert f"{{{{ limits_table('{service}') }}}}" in body
    self_test = body.split("## Self-test", 1)[1].split("\n## ", 1)[0]
    assert self_test.strip() == "{{ self_test() }}", "the self-test questions come from data/selftest.yml"
    assert len(DATA.self_tests.get(DATA.services[service].page, ())) >= 3, "at least three self-test questions"
    sources = body.split("## Sources", 1)[1]
    assert len(re.findall(r"\]\(https://(?:docs\.)?aws\.amazon\.com/", sources)) >= 1, "sources are AWS pages"


def _numbers_in_prose(markdown: str) -> list[str]:
    text = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^\s*(```|~~~).*?^\s*\1", "", text, flags=re.S | re.M)  # fenced code
    text = re.sub(r"`[^`\n]*`", "", text)  # inline code
    text = re.sub(r"\{\{.*?\}\}", "", text, flags=re.S)  # macro calls
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"^\s*\d+\.\s", "", text, flags=re.M)  # ordered list markers
    return re.findall(r"(?<![\w.-])\d[\d,]*(?:\.\d+)?(?![\w-])", text)


def _limit_numbers(service: str) -> set[float]:
    numbers = set()
    for limit in DATA.limits_of(service):
        quantities = [limit.quantity()] if limit.value is not None else list(limit.bounds.values())
        numbers |= {float(q.value) for q in quantities if isinstance(q, Quantity)}
    return numbers


@pytest.mark.parametrize("service", [s for s in DATA.services if DATA.limits_of(s)])
def test_no_limit_value_is_typed_by_hand(service):
    text = page_text(service)
    front = yaml.safe_load(re.match(r"^---\n(.*?)\n---\n", text, re.S).group(1))
    allowed = {float(n) for n in front.get("numbers_not_limits", [])}
    limit_values = _limit_numbers(service) - {0.0, 1.0, 2.0} - allowed
    typed = [n for n in _numbers_in_prose(text) if float(n.replace(",", "")) in limit_values]
    assert typed == [], (
        f"{service}: {typed} equal limit values of this service but are typed by hand; use "
        "{{ limit('...') }}, or list a number that is not a limit under numbers_not_limits in the front matter"
    )


def test_hand_typed_number_detector_finds_a_typed_limit():
    sample = "---\ndescription: x\n---\nMessages live 14 days `14` {{ limit('a.b') }} [x](https://a/14)\n\n```\n14\n```\n"
    assert _numbers_in_prose(sample) == ["14"]


def test_glossary_expands_the_exam_abbreviations():
    text = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    for abbr in ["IAM", "SQS", "RCU", "WCU", "GSI", "LSI", "KCL", "SSE-C", "KMS", "TTL"]:
        assert f"*[{abbr}]:" in text, abbr


def test_self_test_questions_hold_no_links():
    """A link inside a <summary> is a control inside a control (axe: nested-interactive): a
    question's limit goes in as plain text (macros.cards.self_test), and a question holds no link."""
    questions = [c.question for cards in DATA.self_tests.values() for c in cards]
    assert len(questions) > 200 and [q for q in questions if "](" in q] == []


@pytest.mark.parametrize("path", SKILL_PAGES, ids=[p.stem for p in SKILL_PAGES])
def test_skill_page_has_description_self_test_and_sources(path):
    text = path.read_text(encoding="utf-8")
    front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S).groups()
    assert len(yaml.safe_load(front).get("description", "")) > 40
    assert "{{ self_test() }}" in body and len(DATA.self_tests[path.relative_to(ROOT / "docs").as_posix()]) >= 3
    sources = body.split("## Sources", 1)[1]
    assert re.search(r"\]\(https://(?:docs\.)?aws\.amazon\.com/", sources)


@pytest.mark.parametrize("service", [s for s in DATA.services if not DATA.services[s].in_scope])
def test_a_page_off_the_exam_says_so_and_carries_no_domain(built_site, service):
    html = (built_site / DATA.services[service].page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert f"Not on the {DATA.exam.code} exam" in html and "domain-tag" not in html


def test_every_in_scope_service_page_has_an_exam_tip():
    missing = [s for s, page in SERVICE_PAGES.items() if DATA.services[s].in_scope and '!!! tip "Exam tip' not in page.read_text(encoding="utf-8")]
    assert missing == []
