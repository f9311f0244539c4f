"""The open data published with the site: each file validates against its JSON Schema (checked by
a JSON Schema library, not by hand), carries its schema version, and holds every record."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT
from macros.datafiles import load_site_data
from project import data_dir

DATA = load_site_data(data_dir(), label_root=ROOT)
COUNTS = {"limits": len(DATA.limits), "services": len(DATA.services), "questions": len(DATA.questions)}


@pytest.mark.parametrize("name", ["limits", "services", "questions", "exam"])
def test_each_export_validates_against_its_schema(built_site, name):
    schema = json.loads((built_site / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    document = json.loads((built_site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft202012Validator(schema).iter_errors(document)]
    assert errors == []
    assert document["schema_version"] == "1" and document["exam"] == DATA.exam.code
    if name in COUNTS:
        assert len(document[name]) == COUNTS[name]


def test_a_broken_export_fails_its_schema(built_site):
    schema = json.loads((built_site / "data" / "limits.schema.json").read_text(encoding="utf-8"))
    document = json.loads((built_site / "data" / "limits.json").read_text(encoding="utf-8"))
    document["limits"][0]["adjustable"] = "maybe"
    del document["limits"][1]["source"]
    assert len(list(Draft202012Validator(schema).iter_errors(document))) == 2


def test_question_texts_carry_values_not_macro_calls(built_site):
    text = (built_site / "data" / "questions.json").read_text(encoding="utf-8")
    assert "{{" not in text and "limit(" not in text


def test_downloads_page_lists_each_file_with_its_size(site_soups):
    soup = site_soups["downloads/index.html"]
    links = {a["href"] for a in soup.select("article a[href$='.json']")}
    assert links == {f"../data/{n}{s}.json" for n in ["limits", "services", "questions", "exam"] for s in ("", ".schema")}
    assert len([td for td in soup.select("article td") if td.get_text().endswith(" KB")]) == 7  # 6 data files, the Anki deck


def test_flashcards_import_as_three_tab_separated_fields(built_site):
    lines = (built_site / "data" / "flashcards.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["#separator:tab", "#html:false", "#tags column:3"], "Anki's file headers"
    cards = [line.split("\t") for line in lines[3:]]
    assert all(len(card) == 3 and all(field.strip() for field in card[:2]) for card in cards)
    limits = [c for c in cards if "limits" in c[2].split()]
    assert len(limits) == len(DATA.limits)
    sqs = next(c for c in limits if c[0] == "SQS: Message retention period?")
    assert "days" in sqs[1] and "Source: https://docs.aws.amazon.com/" in sqs[1] and "service::sqs" in sqs[2]
    assert any(c[0] == "What does GSI stand for?" and c[2] == "glossary" for c in cards)


def test_limits_csv_has_a_row_per_limit(built_site):
    import csv

    rows = list(csv.DictReader((built_site / "data" / "limits.csv").open(encoding="utf-8")))
    assert len(rows) == len(DATA.limits) and rows[0]["source"].startswith("https://")
    assert {r["type"] for r in rows} == {"Hard", "Adjustable"}
