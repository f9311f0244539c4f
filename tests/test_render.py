"""The render functions: data in, Markdown out, every data string escaped."""

from __future__ import annotations

import markdown
import pytest

from conftest import data_dir_with
from macros import render
from macros.datafiles import load_site_data
from macros.models import Quantity
from macros.registry import Context, UnknownReference


@pytest.fixture
def data(tmp_path):
    return load_site_data(data_dir_with(tmp_path))


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=["tables", "attr_list", "abbr", "md_in_html"])


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "a | b", "*bold* _it_ `code`", "[x](http://evil)", "1 & 2", "{{ x }}", "#hash !bang", "a = b ~ c ^ d -1"],
)
def test_escape_renders_text_as_written(text):
    html = to_html(render.escape(text))
    assert "<script>" not in html and "<em>" not in html and "<code>" not in html and "<a " not in html
    plain = html.removeprefix("<p>").removesuffix("</p>")
    assert plain == text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_escape_keeps_a_table_row_whole():
    row = render._table(["A", "B"], [[render.escape("x | y"), "z"]])
    html = to_html(row)
    assert html.count("<td>") == 2 and "x | y" in html


def test_format_quantity():
    assert render.format_quantity(Quantity(value=1209600, unit="seconds")) == "1,209,600 seconds"
    assert render.format_quantity(Quantity(value=1, unit="days")) == "1 day"
    assert render.format_quantity(Quantity(value=1, unit="MiB")) == "1 MiB"
    assert render.format_quantity(Quantity(value=0.5, unit="seconds")) == "0.5 seconds"
    assert render.format_quantity("unlimited") == "unlimited"
    assert render.format_quantity(Quantity(value=1, unit="application versions")) == "1 application version"
    assert render.format_quantity(Quantity(value=1, unit="transactions per second")) == "1 transaction per second"
    assert render.format_quantity(Quantity(value=1, unit="MB per second")) == "1 MB per second"
    assert render.format_quantity(Quantity(value=2, unit="days")) == "2 days"


def test_link_is_relative_to_the_page():
    assert render.link("limits.md#x", "services/sqs.md") == "../limits.md#x"
    assert render.link("services/sqs.md#x", "services/sqs.md") == "#x"
    assert render.link("services/sqs.md", "index.md") == "services/sqs.md"


def test_service_limits_table_rows_are_anchored_and_linked(data):
    table = render.limits_table(Context(data, "services/sqs.md"), "sqs")
    html = to_html(table)
    assert 'id="limit-sqs-retention"' in html
    assert 'href="../limits.md#limit-sqs-retention"' in html
    assert "min 60 seconds, default 4 days, max 14 days" in html
    assert "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html" in html
    assert "2024-01-01" in html and "Hard" in html
    assert 'href="sns.md#limit-sns-message-size"' in html  # related limit, on its own page


def test_unknown_service_is_refused(data):
    with pytest.raises(UnknownReference, match="unknown service 'sqss'"):
        render.limits_table(Context(data, "services/sqs.md"), "sqss")


def test_inline_limit_picks_a_bound_and_links_to_the_row(data):
    html = to_html(render.limit(Context(data, "services/sns.md"), "sqs.retention.max"))
    assert ">14 days</a>" in html and 'href="sqs.md#limit-sqs-retention"' in html
    assert ">4 days<" in to_html(render.limit(Context(data, "index.md"), "sqs.retention.default"))
    assert ">1 MiB<" in to_html(render.limit(Context(data, "index.md"), "sqs.message-size"))


@pytest.mark.parametrize("ref, problem", [
    ("sqs.nope", "unknown limit id 'sqs.nope'"),
    ("sqs.message-size.max", "limit 'sqs.message-size' has no 'max' \\(it has a single value\\)"),
    ("sns.topics.min", "has no 'min'"),
])
def test_inline_limit_refuses_unknown_ids(data, ref, problem):
    with pytest.raises(UnknownReference, match=problem):
        render.limit(Context(data, "index.md"), ref)


def test_index_groups_by_service_and_links_back(data):
    html = to_html(render.limits_index(Context(data, "limits.md")))
    assert 'href="services/sqs.md#limit-sqs-retention"' in html and 'id="limit-sqs-retention"' in html
    assert html.index(">SQS</a>") < html.index(">Amazon SNS</a>")


def test_limits_by_topic_compares_services(data):
    html = to_html(render.limits_by_topic(Context(data, "compare/limits-by-topic.md"), "payload-size"))
    assert 'href="../services/sqs.md#limit-sqs-message-size"' in html
    assert 'href="../services/sns.md#limit-sns-message-size"' in html
    with pytest.raises(UnknownReference, match="unknown topic"):
        render.limits_by_topic(Context(data, "x.md"), "nope")


def test_limits_compare_lists_chosen_limits(data):
    html = to_html(render.limits_compare(Context(data, "compare/messaging.md"), ["sqs.message-size", "sns.message-size", "sqs.retention.max"]))
    assert html.count("<tr>") == 4 and ">14 days<" in html
    assert 'href="../services/sns.md#limit-sns-message-size"' in html
    with pytest.raises(UnknownReference):
        render.limits_compare(Context(data, "x.md"), ["sqs.nope"])


def test_changes_table_shows_then_and_now(data):
    html = to_html(render.changes_table(Context(data, "changes.md")))
    assert "256 KiB" in html and "1 MiB" in html and "2025-08" in html and "What the notes said." in html
    assert "No limit has changed" in render.changes_table(Context(data, "services/sns.md"), "sns")


def test_data_text_is_escaped_in_tables(tmp_path):
    data_dir = data_dir_with(tmp_path)
    path = data_dir / "limits.yml"
    path.write_text(path.read_text().replace("name: Topics per account", "name: '<script>alert(1)</script> | x'"))
    data = load_site_data(data_dir)
    html = to_html(render.limits_table(Context(data, "services/sns.md"), "sns"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; | x" in html


def test_protect_code_keeps_jinja_in_code_samples():
    source = "Text {{ limit('a.b') }}\n\n```yaml\nValue: '{{resolve:ssm:/x}}'\n```\n\nInline `${{ secrets.X }}` here."
    protected = render.protect_code(source)
    assert "{{ limit('a.b') }}" in protected.split("\n")[0] and "{% raw %}" not in protected.split("\n")[0]
    assert "{% raw %}```yaml" in protected and "```{% endraw %}" in protected
    assert "{% raw %}`${{ secrets.X }}`{% endraw %}" in protected


def test_protect_code_leaves_plain_code_alone():
    source = "```python\nprint(1)\n```\nand `code`"
    assert render.protect_code(source) == source


def test_stray_jinja_comment_is_found():
    assert render.find_stray_comment("ok\ntext {#id} here") == 2
    assert render.find_stray_comment("{% raw %}`{#x}`{% endraw %}") is None


def test_glossary_parsing():
    assert render.parse_abbreviations("*[SQS]: Simple Queue Service\n\n", "g.md") == {"SQS": "Simple Queue Service"}
    with pytest.raises(ValueError, match="g.md:3: duplicate abbreviation 'A'"):
        render.parse_abbreviations("*[A]: x\n\n*[A]: y", "g.md")
    # One definition per paragraph: Python-Markdown re-reads a block of them once per definition.
    with pytest.raises(ValueError, match="g.md:2: leave a blank line before"):
        render.parse_abbreviations("*[A]: x\n*[B]: y", "g.md")
    with pytest.raises(ValueError, match="g.md:1: expected"):
        render.parse_abbreviations("SQS - queue", "g.md")
