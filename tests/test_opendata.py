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
    assert len([td for td in soup.select("article td") if td.get_text().endswith(" KB")]) == 4
