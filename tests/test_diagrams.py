"""Diagrams are SVG drawn at build time: valid XML, labelled for screen readers, text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from macros.diagrams import fanout_diagram, flow_diagram

SVG = "{http://www.w3.org/2000/svg}"


def parse(figure: str) -> ET.Element:
    return ET.fromstring(figure)


def test_flow_diagram_numbers_steps_in_order():
    steps = ["ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall", "ApplicationStart"]
    figure = flow_diagram(None, steps, "EC2 in-place hooks")
    root = parse(figure)
    svg = root.find(f"{SVG}svg")
    texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert texts == [f"{n}. {s}" for n, s in enumerate(steps, start=1)]
    assert len(list(svg.iter(f"{SVG}polyline"))) == len(steps) - 1
    assert svg.get("role") == "img" and svg.find(f"{SVG}title").text == "EC2 in-place hooks"
    assert "\n" not in figure


def test_fanout_diagram_connects_source_to_each_target():
    root = parse(fanout_diagram(None, "SNS topic", ["SQS queue", "Lambda", "HTTPS endpoint"], "Fan-out"))
    svg = root.find(f"{SVG}svg")
    assert len(list(svg.iter(f"{SVG}rect"))) == 4
    assert len(list(svg.iter(f"{SVG}polyline"))) == 3


def test_diagram_text_is_escaped():
    figure = flow_diagram(None, ["<script>x</script>", "a & b"], "<b>t</b>")
    assert "<script>" not in figure and "&lt;script&gt;" in figure
    parse(figure)


def test_empty_diagrams_are_refused():
    with pytest.raises(ValueError):
        flow_diagram(None, [], "t")
    with pytest.raises(ValueError):
        fanout_diagram(None, "s", [], "t")


def test_a_small_fanout_prints_in_one_row():
    """On paper a fanout of up to four targets is one row, source first, so a sheet keeps its
    length; on screens it keeps the source beside (wide) or above (narrow) a column of targets."""
    root = parse(fanout_diagram(None, "S3 event", ["SNS", "SQS", "Lambda", "EventBridge"], "Fan-out"))
    svgs = {svg.get("class").split("--")[1]: svg for svg in root.iter(f"{SVG}svg")}
    paper = svgs["paper"]
    assert {rect.get("y") for rect in paper.iter(f"{SVG}rect")} == {"28"}, "one row"
    assert len(list(paper.iter(f"{SVG}polyline"))) == 4
    assert float(paper.get("height")) < float(svgs["wide"].get("height")) / 2
    six = parse(fanout_diagram(None, "SNS", list("abcdef"), "Six"))
    paper_six = next(s for s in six.iter(f"{SVG}svg") if s.get("class").endswith("paper"))
    assert len({rect.get("y") for rect in paper_six.iter(f"{SVG}rect")}) > 2, "more than fit a row keep their column"
