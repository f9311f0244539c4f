"""The question bank trains judgement and gives nothing away (tools/bankcheck.py): no guessing
strategy beats chance by more than a few points, every task statement and in-scope service has
its share, a third of the stems set a requirement, and multiple response stays between 15 and 25%.
Each check is shown to fail on a small bank made to fail it."""

from __future__ import annotations

import pytest

from conftest import ROOT  # noqa: F401  (puts tools/ on the path)

import bankcheck  # noqa: E402
from macros.datafiles import load_site_data  # noqa: E402
from macros.models import Question  # noqa: E402
from project import data_dir  # noqa: E402

DATA = load_site_data(data_dir())
QUESTIONS = list(DATA.questions.values())


def test_no_guessing_strategy_beats_chance_by_more_than_five_points():
    assert bankcheck.tells(QUESTIONS) == []


def test_the_bank_has_the_exam_s_shape():
    assert bankcheck.shape_problems(DATA, QUESTIONS) == []


# Small banks made to fail one check each ----------------------------------------------------------

WORDS = ["queue", "topic", "stream", "table", "bucket", "function", "role", "key", "stage", "cache", "alarm", "trace"]


def make(n: int, *, right: int = 0, lengths=(40, 30, 20, 10), answer_text=None, wrong_text=None, stem=None) -> Question:
    """A question whose options have the given lengths (option `right` is the answer)."""
    options = []
    for i, length in enumerate(lengths):
        text = (f"Use the {WORDS[(n + i) % len(WORDS)]} " + "x" * length)[:max(length, 12)]
        if i == right and answer_text:
            text = answer_text
        elif i != right and wrong_text:
            text = wrong_text.format(i=i) + WORDS[(n + i) % len(WORDS)]
        options.append({"text": text, "why": "Because."})
    return Question.model_validate({
        "id": f"q-{n}", "task": "1.1", "skills": ["1.1.1"], "services": ["sqs"],
        "stem": stem or f"Scenario number {n} about a service. What should the developer do?",
        "options": options, "answer": ["ABCD"[right]], "teach": ["services/sqs.md#concepts"],
        "source": "https://docs.aws.amazon.com/sqs/", "verified": "2026-01-01",
    })


def balanced(n: int) -> Question:
    """Right answers spread over positions and length ranks."""
    lengths = [(40, 30, 20, 10), (10, 40, 30, 20), (20, 10, 40, 30), (30, 20, 10, 40)][n % 4]
    return make(n, right=(n // 4) % 4, lengths=lengths)


def test_a_balanced_bank_shows_no_tell():
    assert bankcheck.tells([balanced(n) for n in range(64)]) == []


@pytest.mark.parametrize("bank, tell", [
    ([make(n, right=n % 4, lengths=tuple(50 if i == n % 4 else 20 + i for i in range(4))) for n in range(40)], "1st longest option"),
    ([make(n, right=0, lengths=[(40, 30, 20, 10), (10, 40, 30, 20), (20, 10, 40, 30), (30, 20, 10, 40)][n % 4]) for n in range(40)], "always A"),
    ([make(n, right=n % 4, lengths=[(40, 30, 20, 10), (10, 40, 30, 20), (20, 10, 40, 30), (30, 20, 10, 40)][(n // 4) % 4],
           answer_text="Use a dead-letter queue for failed messages", wrong_text="Never retry the {i} ") for n in range(40)],
     "avoid absolute words"),
    ([make(n, right=n % 4, lengths=[(40, 30, 20, 10), (10, 40, 30, 20), (20, 10, 40, 30), (30, 20, 10, 40)][(n // 4) % 4],
           stem="Orders must survive a consumer outage in the billing service. What should the developer do?",
           answer_text="Keep orders for the billing service through a consumer outage") for n in range(40)],
     "most words shared with the stem"),
], ids=["length", "position", "absolute-words", "stem-overlap"])
def test_each_tell_is_caught(bank, tell):
    assert any(found.startswith(tell) for found in bankcheck.tells(bank)), bankcheck.tells(bank)


def test_a_thin_bank_without_judgement_or_multiple_response_fails_the_shape():
    problems = bankcheck.shape_problems(DATA, [balanced(n) for n in range(8)])
    assert any(p.startswith("task 1.1: 8 questions") for p in problems)
    assert any(p.startswith("service lambda: 0 questions") for p in problems)
    assert any("set a requirement" in p for p in problems)
    assert any("multiple response" in p for p in problems)
