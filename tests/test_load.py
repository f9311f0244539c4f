"""The data files: valid data loads; each kind of bad input is refused with a message that names
the file, the record and the field."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT, data_dir_with
from project import data_dir
from macros.datafiles import DataError, load_site_data


def test_valid_fixture_loads(tmp_path):
    data = load_site_data(data_dir_with(tmp_path), label_root=tmp_path)
    assert list(data.services) == ["sqs", "sns"]
    retention = data.limits["sqs.retention"]
    assert retention.bounds["min"].value == 60 and retention.bounds["min"].unit == "seconds"
    assert retention.bounds["max"].value == 14 and retention.bounds["max"].unit == "days"
    assert data.limits["sns.topics"].value == "unlimited"
    assert data.exam.code == "TST-C01"
    assert list(data.exam.tasks) == ["1.1", "2.1"] and data.exam.skills["1.1.2"].teach[1] == "services/sqs.md#limits"
    assert list(data.questions) == ["sqs-visibility", "sns-fanout"]
    assert data.questions["sns-fanout"].answer == ["A", "B"]


def test_every_section_the_data_names_is_listed_with_its_record(tmp_path):
    data = load_site_data(data_dir_with(tmp_path), label_root=tmp_path)
    where = dict((ref, w) for ref, w in data.section_refs if "#" in ref and "limits" in ref)
    assert where["services/sqs.md#limits"].startswith("data/exam.yml:26: exam skill 1.1.2, field 'teach[1]'")
    refs = [ref for ref, _ in data.section_refs]
    assert refs.count("services/sqs.md#visibility-timeout") == 2, "the exam item's and the question's"
    assert "services/sqs.md" in refs, "an in-scope service's page"


def test_project_data_loads():
    data = load_site_data(data_dir(), label_root=ROOT)
    assert data.exam.domains, "the exam has domains"
    assert {"sqs", "lambda", "kinesis"} <= set(data.services)


# (case, expected fragments of the message): file and line, record, field, problem.
BAD_INPUTS = [
    ("yaml-syntax", ["data/limits.yml", "line 19", "YAML syntax error"]),
    ("missing-field", ["data/limits.yml:", "limits[0] (id 'sqs.retention')", "field 'source'", "required field is missing"]),
    ("mistyped-field", ["data/limits.yml:", "limits[0] (id 'sqs.retention')", "field 'adjustable'", "boolean"]),
    ("unknown-field", ["data/limits.yml:", "limits[1] (id 'sqs.message-size')", "field 'vaule'", "unknown field"]),
    ("duplicate-id", ["data/limits.yml:", "limits[3] (id 'sns.message-size')", "field 'id'", "duplicate limit id 'sns.message-size'", "first defined on line"]),
    ("duplicate-key", ["data/limits.yml:", "limits[3] (id 'sns.topics')", "duplicate key 'name'"]),
    ("unknown-service", ["data/limits.yml:", "limits[3] (id 'sns.topics')", "field 'service'", "unknown service 'snss'"]),
    ("unknown-related", ["data/limits.yml:", "limits[1] (id 'sqs.message-size')", "field 'related.0'", "'sns.message-sise' is not a limit"]),
    ("url-not-https", ["data/limits.yml:", "limits[2] (id 'sns.message-size')", "field 'source'", "must use https"]),
    ("url-not-aws", ["data/limits.yml:", "limits[3] (id 'sns.topics')", "field 'source'", "AWS documentation host"]),
    ("future-date", ["data/limits.yml:", "limits[1] (id 'sqs.message-size')", "field 'verified'", "2999-01-01 is in the future"]),
    ("unknown-topic", ["data/limits.yml:", "limits[0] (id 'sqs.retention')", "field 'topic'", "unknown topic 'retension'"]),
    ("value-and-range", ["data/limits.yml:", "limits[0] (id 'sqs.retention')", "has both 'value' and 'min'"]),
    ("unknown-domain", ["data/services.yml:", "services[1] (id 'sns')", "field 'domains.1'", "unknown exam domain 'securty'"]),
    ("weights", ["data/exam.yml:", "exam", "add up to 90"]),
    # The exam guide
    ("exam-skill-without-section", ["data/exam.yml:34", "field 'domains.1.tasks.0.skills.0.teach'", "at least 1 item"]),
    ("exam-section-not-a-page-anchor", ["data/exam.yml:34", "teach.0", "pattern"]),
    ("exam-skill-under-wrong-task", ["data/exam.yml:", "skill '1.1.9' should be 2.1.1"]),
    ("exam-format-numbers", ["data/exam.yml:7", "field 'format'", "scored (4) + unscored (2) must equal questions (5)"]),
    ("exam-scope-without-page", ["data/exam.yml:", "in_scope.0.services.1", "either 'page'"]),
    ("service-in-scope-without-domain", ["data/services.yml:", "services[0] (id 'sqs')", "needs at least one exam domain"]),
    ("service-scope-missing", ["data/services.yml:", "services[0] (id 'sqs')", "field 'in_scope'", "required field is missing"]),
    # The question bank
    ("question-duplicate-id", ["data/questions.yml:16", "questions[1] (id 'sqs-visibility')", "duplicate question id", "first defined on line 2"]),
    ("question-answer-not-an-option", ["data/questions.yml:2", "(id 'sqs-visibility')", "answer 'E' is not an option"]),
    ("question-answers-and-stem-disagree", ["data/questions.yml:16", "(id 'sns-fanout')", "2 answers, but the stem says '(Choose three.)'"]),
    ("question-single-answer-not-four-options", ["data/questions.yml:", "(id 'sqs-visibility')", "field 'options'", "at least 4"]),
    ("question-option-without-why", ["data/questions.yml:9", "(id 'sqs-visibility')", "field 'options.1.why'", "required field is missing"]),
    ("question-unknown-task", ["data/questions.yml:", "(id 'sqs-visibility')", "field 'task'", "unknown task statement '1.9'"]),
    ("question-unknown-skill", ["data/questions.yml:4", "field 'skills.0'", "unknown TST-C01 skill '1.1.7'"]),
    ("question-old-exam-skill-id", ["data/questions.yml:4", "field 'skills.0'", "pattern"]),
    ("question-unknown-service", ["data/questions.yml:5", "field 'services.1'", "unknown service 'sqss'"]),
    ("question-unknown-limit", ["data/questions.yml:6", "field 'stem'", "unknown limit id 'sqs.retention.mid'"]),
    ("question-limit-without-bound", ["data/questions.yml:6", "field 'stem'", "limit 'sqs.message-size' has no 'max' bound"]),
    ("question-source-not-aws", ["data/questions.yml:14", "field 'source'", "AWS documentation host"]),
    ("question-mock-off-weights", ["data/questions.yml:", "(id 'sqs-visibility')", "field 'mock'",
                                   "mock 1 does not follow the exam's weights: development 1 (wants 3), security 0 (wants 2)"]),
    ("question-mock-beyond-mocks", ["data/questions.yml:", "(id 'sqs-visibility')", "field 'mock'", "mock 2, but the file declares mocks: 1"]),
    ("question-source-not-https", ["data/questions.yml:29", "(id 'sns-fanout')", "field 'source'", "must use https"]),
]


@pytest.mark.parametrize("case, expected", BAD_INPUTS, ids=[c for c, _ in BAD_INPUTS])
def test_bad_input_is_refused_with_a_clear_message(tmp_path, case, expected):
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir_with(tmp_path, case), label_root=tmp_path)
    message = str(caught.value)
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_every_bad_fixture_is_tested():
    from conftest import FIXTURES

    assert {p.name for p in (FIXTURES / "bad").iterdir()} == {case for case, _ in BAD_INPUTS}


def test_error_names_the_line_of_the_record(tmp_path):
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir_with(tmp_path, "unknown-service"), label_root=tmp_path)
    text = (tmp_path / "data" / "limits.yml").read_text().splitlines()
    line = int(str(caught.value).split(":")[1])
    assert "service: snss" in text[line - 1]


def test_a_date_today_is_accepted(tmp_path):
    data_dir = data_dir_with(tmp_path)
    path = data_dir / "limits.yml"
    path.write_text(path.read_text().replace("verified: 2024-01-01", f"verified: {dt.date.today().isoformat()}"))
    assert load_site_data(data_dir).limits["sqs.retention"].verified == dt.date.today()


def test_missing_file_is_named(tmp_path):
    data_dir = data_dir_with(tmp_path)
    (data_dir / "services.yml").unlink()
    with pytest.raises(DataError, match="services.yml: cannot read the file"):
        load_site_data(data_dir)
