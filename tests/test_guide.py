"""The exam guide as pages (macros/guide.py): domain tags, the format, the coverage matrix, the
in-scope list, the note on pages for services the exam leaves out, and the check that every section
the data names exists in the built site."""

from __future__ import annotations

import markdown
import pytest

from conftest import data_dir_with
from macros import guide
from macros.datafiles import load_site_data
from macros.registry import Context


@pytest.fixture
def data(tmp_path):
    return load_site_data(data_dir_with(tmp_path), label_root=tmp_path)


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=["tables", "attr_list", "admonition", "md_in_html"])


def test_exam_focus_tags_link_to_domains(data):
    html = to_html(guide.exam_focus(Context(data, "services/sns.md"), "sns"))
    assert 'href="../exam.md#domain-security"' in html and "Security · 40%" in html


def test_a_service_off_the_exam_says_so_instead_of_tags(data):
    services = dict(data.services)
    services["sns"] = services["sns"].model_copy(update={"in_scope": False, "domains": []})
    html = to_html(guide.exam_focus(Context(data.model_copy(update={"services": services}), "services/sns.md"), "sns"))
    assert "Not on the TST-C01 exam" in html and "domain-tag" not in html
    assert 'href="../exam.md#in-scope-services"' in html


def test_format_table_states_the_numbers(data):
    html = to_html(guide.exam_format(Context(data, "exam.md")))
    assert "5: 4 scored and 1 unscored" in html and "10 minutes" in html and "700 passes" in html
    assert "Multiple choice" in html


def test_coverage_lists_every_task_and_item_with_links(data):
    html = to_html(guide.exam_coverage(Context(data, "exam.md")))
    assert 'id="domain-development"' in html and 'id="task-1-1"' in html and 'id="task-2-1"' in html
    assert "Task 1.1: Write code that uses queues" in html
    assert 'href="services/sqs.md#visibility-timeout">SQS: visibility timeout</a>' in html
    assert html.count("<tr>") == 3 + 2, "one row per item, one header per task"


def test_scope_lists_pages_reasons_and_out_of_scope(data):
    html = to_html(guide.exam_scope(Context(data, "exam.md")))
    assert 'href="services/sqs.md">SQS</a>' in html
    assert "<em>No page:</em> Not tested." in html and "Amazon QuickSight" in html


def test_built_paths():
    assert guide.built_path("services/sqs.md") == "services/sqs/index.html"
    assert guide.built_path("index.md") == "index.html"
    assert guide.built_path("compare/index.md") == "compare/index.html"
    assert guide.built_path("services/sqs.md", use_directory_urls=False) == "services/sqs.html"


def test_missing_sections_name_the_record():
    pages = {"services/sqs/index.html": '<h3 id="visibility-timeout">V</h3>'}
    refs = [
        ("services/sqs.md#visibility-timeout", "data/exam.yml:3: exam skill 1.1.1, field 'teach[0]'"),
        ("services/sqs.md#gone", "data/exam.yml:4: exam skill 1.1.2, field 'teach[0]'"),
        ("services/nope.md#x", "data/questions.yml:9: question 'q', field 'teach[0]'"),
    ]
    assert guide.missing_sections(refs, pages) == [
        "data/exam.yml:4: exam skill 1.1.2, field 'teach[0]': 'services/sqs.md#gone': services/sqs.md has no section with id 'gone'",
        "data/questions.yml:9: question 'q', field 'teach[0]': 'services/nope.md#x': no page services/nope.md in the site",
    ]
