"""The fixed mock exams (tools/mocks.py and the loader's check): each mock holds the exam's number
of questions in its domain weights with every task statement, no question is in two mocks, and a
question keeps its mock when the bank grows."""

from __future__ import annotations

from collections import Counter

from conftest import ROOT, data_dir_with  # noqa: F401  (ROOT puts tools/ on the path)

import mocks  # noqa: E402
from macros.datafiles import load_site_data  # noqa: E402
from macros.models import QuestionsFile  # noqa: E402
from project import data_dir  # noqa: E402

DATA = load_site_data(data_dir())


def test_the_split_follows_the_weights_by_largest_remainder():
    assert DATA.exam.domain_split(65) == {"development": 20, "security": 17, "deployment": 14, "troubleshooting": 14}


def test_the_site_has_six_mocks_that_share_no_question_and_follow_the_weights():
    assert DATA.mocks == 6
    by_mock = {}
    for q in DATA.questions.values():
        if q.mock:
            by_mock.setdefault(q.mock, []).append(q)
    assert sorted(by_mock) == [1, 2, 3, 4, 5, 6]
    wanted = DATA.exam.domain_split(DATA.exam.format.questions)
    for mock, questions in by_mock.items():
        domains = Counter(DATA.exam.domain_of(q.task).id for q in questions)
        assert domains == wanted, mock
        assert {q.task for q in questions} == set(DATA.exam.tasks), mock


def _bank(count: dict[str, int]) -> list[dict]:
    out = []
    for task, n in count.items():
        for i in range(n):
            out.append({"id": f"q-{task.replace('.', '-')}-{i}", "task": task, "skills": [f"{task}.1"], "services": ["sqs"],
                        "stem": "What should the developer do?", "answer": ["A"], "teach": ["services/sqs.md#limits"],
                        "options": [{"text": t, "why": "w"} for t in "ABCD"], "source": "https://docs.aws.amazon.com/sqs/",
                        "verified": "2024-01-01"})
    return out


def test_filling_keeps_what_is_given_and_completes_each_mock(tmp_path):
    data = load_site_data(data_dir_with(tmp_path), label_root=tmp_path)  # weights 60/40: 3 + 2 of 5
    questions = _bank({"1.1": 7, "2.1": 5})
    questions[0]["mock"] = 2
    first = mocks.assignment(data.exam, QuestionsFile.model_validate({"mocks": 2, "questions": questions}))
    assert first[questions[0]["id"]] == 2, "a question keeps its mock"
    per_mock = Counter((m, q["task"]) for q in questions for i, m in first.items() if i == q["id"])
    assert per_mock == {(1, "1.1"): 3, (2, "1.1"): 3, (1, "2.1"): 2, (2, "2.1"): 2}
    # A new question joins no mock; a mock that lost one takes a new one of the same domain.
    questions.append(_bank({"1.1": 8})[-1])
    kept = {i: m for i, m in first.items() if i != questions[1]["id"] or m is None}
    again = mocks.assignment(data.exam, QuestionsFile.model_validate({"mocks": 2, "questions": [
        {**q, **({"mock": kept[q["id"]]} if q["id"] in kept else {})} for q in questions]}))
    assert Counter(again.values()) == {1: 5, 2: 5}
    assert all(again[i] == m for i, m in kept.items())


def test_the_rewritten_file_sets_one_mock_line_per_question():
    text = "questions:\n  - id: a\n    verified: 2024-01-01\n    mock: 9\n  - id: b\n    verified: 2024-01-01\n"
    assert mocks.rewritten(text, {"a": 1, "b": 2}) == (
        "questions:\n  - id: a\n    verified: 2024-01-01\n    mock: 1\n  - id: b\n    verified: 2024-01-01\n    mock: 2\n")
