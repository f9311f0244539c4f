"""The content: every section of the notes has a page, every service page follows the template,
no limit value is typed by hand, and the navigation follows the data."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from macros.load import load_site_data
from macros.models import Quantity

DATA = load_site_data(ROOT / "data")
SEED = Path(os.environ.get("SEED_NOTES", ROOT.parent / "shared" / "seed" / "aws-dva-c01-braindump.txt"))
SECTIONS = yaml.safe_load((ROOT / "data" / "seed_sections.yml").read_text())["sections"]
SERVICE_PAGES = {s.id: ROOT / "docs" / s.page for s in DATA.services.values()}


def seed_lines() -> list[str]:
    if not SEED.exists():
        if os.environ.get("GITHUB_ACTIONS"):
            pytest.skip("the original notes live beside the repository, not in it")
        pytest.fail(f"the original notes are not at {SEED} (set SEED_NOTES)")
    return [line.rstrip() for line in SEED.read_text(encoding="utf-8").splitlines()]


def test_every_listed_heading_is_in_the_notes_and_has_a_page():
    lines = set(seed_lines())
    for section in SECTIONS:
        assert section["heading"] in lines, f"not a line of the notes: {section['heading']!r}"
        assert (ROOT / "docs" / section["page"]).exists(), section


def test_every_service_section_of_the_notes_is_listed():
    listed = {s["heading"] for s in SECTIONS}
    headings = [l for l in seed_lines() if re.fullmatch(r"(AWS|Amazon) [A-Za-z0-9@ -]+", l) and len(l) < 40]
    assert len(headings) > 30
    missing = [h for h in headings if h not in listed]
    assert missing == [], f"sections of the notes with no page: {missing}"


def test_every_service_has_a_page_in_the_navigation_under_its_category():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    nav = {list(entry)[0]: list(entry.values())[0] for entry in config["nav"]}
    for category in DATA.categories.values():
        pages = [list(e.values())[0] for e in nav[category.name]]
        expected = [s.page for s in DATA.services.values() if s.category == category.id]
        assert pages == expected, category.id


def page_text(service: str) -> str:
    return SERVICE_PAGES[service].read_text(encoding="utf-8")


@pytest.mark.parametrize("service", list(DATA.services))
def test_service_page_follows_the_template(service):
    text = page_text(service)
    front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S).groups()
    meta = yaml.safe_load(front)
    assert len(meta.get("description", "")) > 40, "a description of a sentence"
    headings = re.findall(r"^## (.+)$", body, re.M)
    for required in ["Exam focus", "Concepts", "Limits", "What changed since the notes", "Self-test", "Sources"]:
        assert required in headings, f"missing section {required!r}"
    assert f"{{{{ exam_focus('{service}') }}}}" in body, "domain tags"
    if DATA.limits_of(service):
        assert f"{{{{ limits_table('{service}') }}}}" in body
    self_test = body.split("## Self-test", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r'^\?\?\? question "', self_test, re.M)) >= 3, "at least three self-test questions"
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


@pytest.mark.parametrize("service", list(DATA.services))
def test_self_test_questions_hold_no_links(service):
    """A link inside a <summary> is a control inside a control (axe: nested-interactive)."""
    questions = re.findall(r'^\?\?\? question "(.*)"$', page_text(service), re.M)
    assert [q for q in questions if "{{" in q or "](" in q] == []
