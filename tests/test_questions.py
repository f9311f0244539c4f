"""The question bank as a whole: its size and spread follow the exam guide, and the right option
gives itself away neither by its position nor by its length."""

from __future__ import annotations

from collections import Counter

import pytest

from project import data_dir
from macros.datafiles import load_site_data
from macros.models import LETTERS

DATA = load_site_data(data_dir())
QUESTIONS = list(DATA.questions.values())
SINGLE = [q for q in QUESTIONS if len(q.answer) == 1]


def test_the_bank_holds_at_least_200_questions():
    assert len(QUESTIONS) >= 200


def test_domains_follow_the_exam_weights_within_three_points():
    counts = Counter(q.domain_number for q in QUESTIONS)
    for number, domain in enumerate(DATA.exam.domains, start=1):
        share = 100 * counts[number] / len(QUESTIONS)
        assert abs(share - domain.weight) <= 3, f"{domain.id}: {share:.1f}% of the bank, exam weight {domain.weight}%"


@pytest.mark.parametrize("task", list(DATA.exam.tasks))
def test_every_task_statement_has_at_least_20_questions(task):
    assert sum(q.task == task for q in QUESTIONS) >= 20


def test_what_the_exam_added_is_practised():
    """DVA-C03's additions: task 2.3 (AI security), AI-assisted development in every domain,
    containers, presigned URLs."""
    by_skill = Counter(s for q in QUESTIONS for s in q.skills)
    assert sum(q.task == "2.3" for q in QUESTIONS) >= 24
    assert sum(by_skill[s] for s in ("1.1.9", "1.1.10", "3.2.5", "3.3.9", "4.1.5", "4.3.6")) >= 12
    assert all(by_skill[s] for s in ("1.1.9", "1.1.10", "3.2.5", "3.3.9", "4.1.5", "4.3.6"))
    assert sum(by_skill[s] for s in ("3.1.2", "3.3.2", "4.2.5")) >= 12
    assert by_skill["2.1.4"] >= 4


def test_every_in_scope_service_page_has_at_least_2_questions():
    counts = Counter(s for q in QUESTIONS for s in q.services)
    thin = {s: counts[s] for s, service in DATA.services.items() if service.in_scope and counts[s] < 2}
    assert thin == {}


def test_questions_are_about_services_on_the_exam():
    off = {q.id: s for q in QUESTIONS for s in q.services if not DATA.services[s].in_scope}
    assert off == {}


def test_the_right_option_is_spread_over_the_positions():
    """No letter holds more than 35% or less than 15% of the single answers (25% each by chance)."""
    positions = Counter(q.answer[0] for q in SINGLE)
    for letter in LETTERS[:4]:
        share = positions[letter] / len(SINGLE)
        assert 0.15 <= share <= 0.35, f"{letter}: {share:.0%} of single-answer questions ({dict(positions)})"


def test_the_right_option_is_not_usually_the_longest():
    """The right option is the strictly longest in at most a third of single-answer questions
    (a quarter would be chance): a candidate cannot pass by picking the longest."""
    longest = [q.id for q in SINGLE
               if len(q.options[LETTERS.index(q.answer[0])].text) > max(len(o.text) for n, o in enumerate(q.options) if LETTERS[n] != q.answer[0])]
    assert len(longest) <= len(SINGLE) / 3, f"{len(longest)} of {len(SINGLE)}: {longest[:10]}"


def test_about_one_in_six_asks_for_more_than_one_answer():
    multiple = len(QUESTIONS) - len(SINGLE)
    assert 0.08 <= multiple / len(QUESTIONS) <= 0.3
