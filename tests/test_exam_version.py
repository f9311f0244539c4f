"""The exam is data (data/exam.yml): DVA-C03 with its four weights, 12 task statements and 72
skills, each skill taught somewhere; the previous code appears only where the site explains the
change or the exam's history; the README names the code the data names."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT
from project import data_dir
from macros.datafiles import load_site_data

DATA = load_site_data(data_dir())
EXAM = DATA.exam
# The pages about the change and the exam's history, and the open data that records the history.
MAY_NAME_OLDER_EXAMS = {"exam-changes/index.html", "exam/index.html", "changes/index.html", "data/exam.json",
                        "search/search_index.json"}


def test_the_exam_is_dva_c03_in_the_guide_s_shape():
    assert EXAM.code == "DVA-C03"
    assert [(d.name, d.weight) for d in EXAM.domains] == [
        ("Development with AWS Services", 30), ("Security", 26), ("Testing and Deployment", 22),
        ("Troubleshooting and Optimization", 22)]
    assert len(EXAM.tasks) == 12 and len(EXAM.skills) == 72
    assert Counter(s.split(".")[0] for s in EXAM.skills) == {"1": 18, "2": 19, "3": 19, "4": 16}
    assert EXAM.previous[0].code == "DVA-C02" and EXAM.previous[0].last_day.isoformat() == "2026-11-30"
    assert EXAM.dates_note and "1 December" in EXAM.dates_note, "the sources' disagreement on dates is said"


def test_every_skill_is_taught_and_every_new_skill_is_marked():
    assert all(skill.teach for skill in EXAM.skills.values())
    new = {s for s, skill in EXAM.skills.items() if skill.new}
    assert {"1.1.9", "1.1.10", "2.1.4", "3.1.2", "3.2.5", "3.3.2", "3.3.9", "4.1.5", "4.2.5", "4.3.6"} <= new
    assert {f"2.3.{n}" for n in range(1, 6)} <= new and EXAM.tasks["2.3"].new


def test_every_question_carries_skills_of_this_exam():
    for question in DATA.questions.values():
        assert question.skills and all(s in EXAM.skills and s.startswith(question.task + ".") for s in question.skills), question.id


def test_no_page_names_the_previous_exam_outside_the_change_and_history_pages(built_site):
    pattern = re.compile(re.escape(EXAM.previous[0].code))  # DVA-C01 stays in the notes' history
    found = []
    for path in sorted(built_site.rglob("*")):
        rel = path.relative_to(built_site).as_posix()
        if path.suffix not in {".html", ".json", ".js", ".tsv", ".csv", ".xml", ".txt"} or rel in MAY_NAME_OLDER_EXAMS:
            continue
        if pattern.search(path.read_text(encoding="utf-8", errors="replace")):
            found.append(rel)
    assert found == []
    docs = [p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md")
            if p.name not in {"exam-changes.md", "changes.md"} and pattern.search(p.read_text(encoding="utf-8"))]
    assert docs == []


def test_the_exam_pages_show_the_code_the_weights_and_every_skill_linked(site_soups):
    exam = site_soups["exam/index.html"]
    text = " ".join(exam.get_text(" ").split())
    assert EXAM.code in exam.h1.find_next("p").get_text()
    for domain in EXAM.domains:
        assert f"{domain.name} ({domain.weight}%)" in text
    rows = [tr for tr in exam.select("table tr") if tr.td and re.fullmatch(r"\d\.\d\.\d+(\s+new)?", tr.td.get_text(" ").strip())]
    assert len(rows) == 72 and all(tr.find_all("td")[-1].a for tr in rows), "each skill links to where it is taught"
    home = site_soups["index.html"]
    for soup in (home, exam):
        assert soup.select_one('a[href$="exam-changes/"]'), "the home and exam pages link the change page"


def test_the_change_page_compares_weights_and_lists_what_is_new(site_soups):
    page = site_soups["exam-changes/index.html"]
    text = " ".join(page.get_text(" ").split())
    assert "DVA-C02" in text and "DVA-C03" in text
    weights = [tr.get_text(" ", strip=True) for tr in page.select("table")[0].select("tr")]
    assert any(row.startswith("Troubleshooting and Optimization 18% 22% +4 points") for row in weights)
    assert "2.3.3" in text and "Amazon Bedrock AgentCore" in text and "AWS AppSync" in text


def test_readme_and_contributing_name_the_exam_the_data_names():
    for name in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        codes = set(re.findall(r"DVA-C0\d", text)) - {"DVA-C01"}
        assert codes == {EXAM.code}, f"{name} names {codes}"


def test_every_flashcard_from_an_exam_page_carries_its_tasks_and_skills():
    from macros.cards import decks

    cards = [c for deck in decks(DATA).values() for c in deck.cards]
    for card in cards:
        assert set(card.skills) <= set(EXAM.skills) and {s.rsplit(".", 1)[0] for s in card.skills} == set(card.tasks), card.id
    in_scope_pages = {s.page for s in DATA.services.values() if s.in_scope}
    untagged = sorted({c.deck for c in cards if c.kind == "self-test" and c.page.partition("#")[0] in in_scope_pages and not c.skills})
    assert untagged == [], "every in-scope service page is named by some skill's `teach` in exam.yml"
    bedrock = next(c for c in cards if c.deck == "bedrock")
    assert "skill::2.3.3" in bedrock.tags() and "task::2.3" in bedrock.tags()
