"""How built pages load CSS and JS (macros/loading.py): one joined, render-blocking stylesheet, the
print stylesheet apart, Material's script deferred; and a page that links other stylesheets stops
the build instead of shipping half-styled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT  # noqa: F401  (puts the project on the path)
from macros import loading

HEAD = """<html><head>
<link rel="stylesheet" href="{p}assets/stylesheets/main.123.min.css">
<link rel="stylesheet" href="{p}assets/stylesheets/palette.456.min.css">
<link rel="stylesheet" href="{p}assets/stylesheets/extra.css">
<link rel="stylesheet" href="{p}assets/stylesheets/print.css" media="print">
</head><body><p>x</p>
<script src="{p}assets/javascripts/bundle.abc123.min.js"></script>
<script src="{p}assets/javascripts/print.js" defer></script>
</body></html>"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    styles = tmp_path / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    (styles / "main.123.min.css").write_text(
        '@charset "UTF-8";html{color:red}\n/*# sourceMappingURL=main.123.min.css.map*/', encoding="utf-8"
    )
    (styles / "palette.456.min.css").write_text(
        "[data-md-color-scheme=slate]{--x:1}[data-md-color-switching] *,[data-md-color-switching] :after,"
        "[data-md-color-switching] :before{transition-duration:0s!important}.after{color:blue}",
        encoding="utf-8",
    )
    (styles / "extra.css").write_text(".mine { color: green; }\n", encoding="utf-8")
    return tmp_path


def test_blocking_stylesheets_leave_out_print():
    assert loading.blocking_stylesheets(HEAD.format(p="../")) == [
        "../assets/stylesheets/main.123.min.css",
        "../assets/stylesheets/palette.456.min.css",
        "../assets/stylesheets/extra.css",
    ]


def test_join_keeps_order_and_rules_and_drops_the_switching_rule(site):
    css = loading.join(site, ["main.123.min.css", "palette.456.min.css", "extra.css"])
    assert css.index("html{color:red}") < css.index("[data-md-color-scheme=slate]") < css.index(".mine")
    assert ".after{color:blue}" in css
    assert "data-md-color-switching" not in css
    assert "sourceMappingURL" not in css and "@charset" not in css


def test_bundle_relinks_every_page_with_its_own_prefix(site):
    pages = {"index.html": HEAD.format(p=""), "services/sqs/index.html": HEAD.format(p="../../")}
    out, _ = loading.bundle(site, pages)
    [bundle] = (site / "assets" / "stylesheets").glob("site.*.min.css")
    assert re.fullmatch(r"site\.[0-9a-f]{8}\.min\.css", bundle.name)
    for rel, prefix in (("index.html", ""), ("services/sqs/index.html", "../../")):
        assert loading.blocking_stylesheets(out[rel]) == [f"{prefix}assets/stylesheets/{bundle.name}"]
        assert f'href="{prefix}assets/stylesheets/print.css" media="print"' in out[rel]


def test_bundle_name_changes_with_the_content(site):
    pages = {"index.html": HEAD.format(p="")}
    loading.bundle(site, pages)
    (site / "assets" / "stylesheets" / "extra.css").write_text(".mine { color: purple; }", encoding="utf-8")
    loading.bundle(site, pages)
    assert len(list((site / "assets" / "stylesheets").glob("site.*.min.css"))) == 2


def test_a_page_with_other_stylesheets_is_an_error(site):
    odd = HEAD.format(p="").replace('<link rel="stylesheet" href="assets/stylesheets/extra.css">\n', "")
    with pytest.raises(loading.StylesheetError, match=r"odd\.html: links stylesheets"):
        loading.bundle(site, {"index.html": HEAD.format(p=""), "odd.html": odd})


@pytest.mark.parametrize("href, problem", [
    ("https://cdn.example.com/assets/stylesheets/x.css", "not in assets/stylesheets/"),
    ("assets/elsewhere/x.css", "not in assets/stylesheets/"),
    ("assets/stylesheets/missing.css", "not in the built site"),
])
def test_a_stylesheet_that_cannot_be_joined_is_an_error(site, href, problem):
    page = HEAD.format(p="").replace("assets/stylesheets/extra.css", href)
    with pytest.raises(loading.StylesheetError, match=re.escape(problem)):
        loading.bundle(site, {"index.html": page})


def test_material_script_is_deferred_and_ours_untouched():
    html = loading.defer_material_script(HEAD.format(p="../"))
    assert '<script src="../assets/javascripts/bundle.abc123.min.js" defer></script>' in html
    assert html.count(" defer>") == 2


def test_abbreviations_are_plain_inside_index_sections_only():
    html = ('<p><abbr title="Simple Queue Service">SQS</abbr></p><section class="limits-group">'
            '<a href="x"><abbr title="Simple Queue Service">SQS</abbr> queues</a></section>')
    assert loading.plain_abbreviations_in_index(html) == (
        '<p><abbr title="Simple Queue Service">SQS</abbr></p><section class="limits-group">'
        '<a href="x">SQS queues</a></section>'
    )


# The real site ---------------------------------------------------------------------------------


def test_every_page_blocks_on_one_joined_stylesheet(built_site):
    names = set()
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        [href] = loading.blocking_stylesheets(html)
        names.add(href.rsplit("/", 1)[-1])
        soup = BeautifulSoup(html, "html.parser")
        assert soup.select('link[rel=stylesheet][media=print][href$="print.css"]'), html_file
        [bundle] = [s for s in soup.select("script[src]") if "/bundle." in s["src"]]
        assert bundle.has_attr("defer"), html_file
    [name] = names
    css = (built_site / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
    extra = (ROOT / "docs" / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert ".md-header{" in css  # Material's main stylesheet
    assert "[data-md-color-scheme=slate]" in css  # its palette
    assert extra.strip() in css  # ours, last, so that it wins
    assert "data-md-color-switching" not in css


def test_limits_index_rows_carry_no_abbreviation_markup(built_site):
    index = BeautifulSoup((built_site / "limits" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.select("section.limits-group") and not index.select("section.limits-group abbr")
    sqs = BeautifulSoup((built_site / "services" / "sqs" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert sqs.select("article abbr[title]"), "service pages keep their hover hints"
