"""The question bank as pages (macros/practice.py): markup that works without a script, text
escaped, limits filled in from the data, links that follow MkDocs' URL style, and the JSON bank."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import data_dir_with
from macros import practice
from macros.datafiles import load_site_data
from macros.registry import Context, UnknownReference


@pytest.fixture
def data(tmp_path):
    return load_site_data(data_dir_with(tmp_path), label_root=tmp_path)


def test_a_question_is_a_fieldset_of_real_inputs_with_its_answer_in_details(data):
    html = practice.question_html(Context(data, "practice/development.md"), data.questions["sns-fanout"], 2)
    soup = BeautifulSoup(html, "lxml")
    section = soup.select_one("section.practice-question")
    assert section["id"] == "q-sns-fanout" and section["data-answer"] == "AB" and section["data-task"] == "1.1"
    inputs = soup.select("fieldset input[type=checkbox]")
    assert len(inputs) == 5 and all(soup.select_one(f"label[for='{i['id']}']") for i in inputs)
    assert soup.select_one("legend").get_text().startswith("Question 2 · Task 1.1 · Amazon SNS, SQS")
    details = soup.select_one("details.question")
    assert not details.has_attr("open")
    assert [li["data-letter"] for li in details.select("li")] == list("ABCDE"), "every option explained"
    assert details.select_one("a")["href"] == "../../services/sns/#topics"


def test_single_answer_questions_use_radio_buttons_and_fill_in_limits(data):
    html = practice.question_html(Context(data, "practice/development.md"), data.questions["sqs-visibility"], 1)
    soup = BeautifulSoup(html, "lxml")
    assert len(soup.select("input[type=radio]")) == 4
    assert "longer than 60 seconds per message" in soup.select_one("legend").get_text()


def test_question_text_is_escaped_and_code_is_code(data):
    question = data.questions["sqs-visibility"].model_copy(update={"stem": "Call `<script>` & `DeleteMessage`?"})
    html = practice.question_html(Context(data, "practice/development.md"), question, 1)
    assert "<code>&lt;script&gt;</code> &amp; <code>DeleteMessage</code>?" in html
    assert "<script>" not in html


def test_a_practice_set_is_one_task_statement_and_refuses_unknown_tasks(data):
    text = practice.practice_questions(Context(data, "practice/task-1-1.md"), "1.1")
    assert 'data-practice-domain="development"' in text
    assert text.index('id="q-sqs-visibility"') < text.index('id="q-sns-fanout"')
    assert "Question 1 ·" in text and "*No questions" not in text
    assert "No questions for this task statement yet" in practice.practice_questions(Context(data, "practice/task-2-1.md"), "2.1")
    with pytest.raises(UnknownReference):
        practice.practice_questions(Context(data, "x.md"), "9.9")


def test_a_domain_page_indexes_its_task_sets_and_every_set_is_a_page(data):
    text = practice.practice_tasks(Context(data, "practice/development.md"), "development")
    assert "[Task 1.1: Write code that uses queues](task-1-1.md)" in text and "| 2 |" in text
    with pytest.raises(UnknownReference):
        practice.practice_tasks(Context(data, "x.md"), "nope")
    pages = practice.task_pages(data)
    assert set(pages) == {"practice/task-1-1.md", "practice/task-2-1.md"}
    assert "{{ practice_questions('1.1') }}" in pages["practice/task-1-1.md"] and "practice: true" in pages["practice/task-1-1.md"]


def test_bank_script_sets_the_bank_with_urls_from_the_mock_page(data):
    text = practice.bank_script(data)
    assert text.startswith("window.questionBank = {") and text.rstrip().endswith("};")
    bank = json.loads(text.removeprefix("window.questionBank = ").rstrip().removesuffix(";"))
    assert bank["exam"]["questions"] == 5 and [d["weight"] for d in bank["exam"]["domains"]] == [60, 40]
    first = bank["questions"][0]
    assert first["stem"] == "A worker needs longer than 60 seconds per message. What should change?" and first["answer"] == ["A"]
    assert first["learn"] == [["SQS: visibility timeout", "../../services/sqs/#visibility-timeout"]]
    assert first["page"] == "../task-1-1/#q-sqs-visibility"
    assert practice.question_bank_url(Context(data, "practice/mock.md")) == "../question-bank.js"
    assert practice.question_bank_url(Context(data, "practice/mock.md", directory_urls=False)) == "question-bank.js"


@pytest.mark.parametrize("target, page, directory_urls, expected", [
    ("services/sqs.md#x", "practice/development.md", True, "../../services/sqs/#x"),
    ("practice/security.md", "practice/mock.md", True, "../security/"),
    ("practice/security.md#q-1", "practice/security.md", True, "#q-1"),
    ("index.md", "practice/index.md", True, "../"),
    ("services/sqs.md#x", "practice/development.md", False, "../services/sqs.html#x"),
    ("practice/index.md", "practice/mock.md", False, "index.html"),
])
def test_urls_follow_mkdocs_url_style(target, page, directory_urls, expected):
    assert practice.url(target, page, directory_urls) == expected
