"""The finishing stage (finish/): each step on small HTML fixtures, the pipeline's order and
idempotence, `python -m finish` on a built site, and what the real site ships."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from finish import abbreviations, finish_page, harden, linkcheck, printing, stylesheets, tables

PAGE = """<html><head><title>t</title>
<script>var a = 1</script>
</head><body><div class="md-search" data-md-component="search" role="dialog"></div>
<article><h1 id="sqs">Amazon SQS<a class="headerlink" href="#sqs">¶</a></h1>
<table>
<tr><td>x</td></tr></table>
<details class="question"><summary>Why?</summary><p>Because.</p></details>
<a href="https://docs.aws.amazon.com/x">docs</a>
</article></body></html>"""


# Stylesheets -------------------------------------------------------------------------------------


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    styles = tmp_path / "theme" / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    (styles / "main.123.min.css").write_text(
        '@charset "UTF-8";html{color:red}\n/*# sourceMappingURL=main.123.min.css.map*/', encoding="utf-8"
    )
    (styles / "palette.456.min.css").write_text(
        "[data-md-color-scheme=slate]{--x:1}[data-md-color-switching] *,[data-md-color-switching] :after,"
        "[data-md-color-switching] :before{transition-duration:0s!important}.after{color:blue}",
        encoding="utf-8",
    )
    (tmp_path / "extra.css").write_text("/* Why: a { note } */\n.mine { color: green; }\n/* two\n   lines */\n.also { color: red; }\n",
                                        encoding="utf-8")
    return tmp_path


def test_theme_stylesheets_are_found_by_pattern(theme):
    found = stylesheets.theme_stylesheets([str(theme / "custom"), str(theme / "theme")], palette=True)
    assert [f.name for f in found] == ["main.123.min.css", "palette.456.min.css"]
    assert [f.name for f in stylesheets.theme_stylesheets([str(theme / "theme")], palette=False)] == ["main.123.min.css"]


def test_a_missing_or_doubled_theme_stylesheet_is_an_error(theme):
    with pytest.raises(stylesheets.StylesheetError, match="found: none"):
        stylesheets.theme_stylesheets([str(theme / "nowhere")], palette=False)
    (theme / "theme" / "assets" / "stylesheets" / "main.789.min.css").write_text("a{}")
    with pytest.raises(stylesheets.StylesheetError, match="expected one"):
        stylesheets.theme_stylesheets([str(theme / "theme")], palette=False)


def test_join_keeps_order_and_rules_and_drops_the_switching_rule(theme):
    files = stylesheets.theme_stylesheets([str(theme / "theme")], palette=True) + [theme / "extra.css"]
    css = stylesheets.join(files)
    assert css.index("html{color:red}") < css.index("[data-md-color-scheme=slate]") < css.index(".mine")
    assert ".after{color:blue}" in css
    assert "data-md-color-switching" not in css
    assert "sourceMappingURL" not in css and "@charset" not in css
    assert "note" not in css and "two" not in css and ".also { color: red; }" in css, "our comments are not shipped"
    with pytest.raises(stylesheets.StylesheetError, match="not found"):
        stylesheets.join([theme / "missing.css"])


def test_bundle_name_changes_with_the_content():
    first, second = stylesheets.bundle_path("a{}"), stylesheets.bundle_path("b{}")
    assert re.fullmatch(r"assets/stylesheets/site\.[0-9a-f]{8}\.min\.css", first) and first != second


# Page steps --------------------------------------------------------------------------------------


def test_tables_are_wrapped_once():
    html = tables.prewrap_tables("<p>a</p><table><tr><td>1</td></tr></table>")
    assert html == f"<p>a</p>{tables.WRAP_OPEN}<tr><td>1</td></tr>{tables.WRAP_CLOSE}"
    assert tables.prewrap_tables(html) == html


def test_questions_are_numbered_and_answers_follow_at_the_end():
    html = printing.add_print_parts(printing.number_questions(PAGE), "DVA-C03 · site")
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one("summary .question-number").get_text() == "Q1."
    assert soup.select_one("section.print-answers li").get_text() == "Because."
    assert soup.select_one(".print-footer").get_text() == "Amazon SQS · DVA-C03 · site"


def test_abbreviations_are_plain_inside_index_sections_only():
    html = ('<p><abbr title="Simple Queue Service">SQS</abbr></p><section class="limits-group">'
            '<a href="x"><abbr title="Simple Queue Service">SQS</abbr> queues</a></section>')
    assert abbreviations.plain_abbreviations_in_index(html) == (
        '<p><abbr title="Simple Queue Service">SQS</abbr></p><section class="limits-group">'
        '<a href="x">SQS queues</a></section>'
    )


def test_external_links_get_noopener_and_their_host():
    html = harden.mark_external_links('<a href="https://docs.aws.amazon.com/x" rel="external">d</a>')
    assert 'rel="external noopener"' in html and 'data-host="docs.aws.amazon.com"' in html


def test_policy_hashes_each_inline_script_but_not_json_data():
    html = '<head></head><script>var a = 1</script><script type="application/json">{"a": 1}</script>'
    policy = harden.content_security_policy(html)
    assert len(re.findall(r"'sha256-", policy)) == 1
    assert "'unsafe-inline'" not in policy


# The pipeline ------------------------------------------------------------------------------------


def test_pipeline_runs_every_step_and_the_policy_last():
    html = finish_page(PAGE, "DVA-C03")
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one("table.data-table") and soup.select_one(".question-number")
    assert soup.select_one('.md-search[aria-label="Search"]') and 'rel="noopener"' in html
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert policy == harden.content_security_policy(html), "the policy was computed on the final page"


def test_pipeline_is_idempotent():
    once = finish_page(PAGE, "DVA-C03")
    assert finish_page(once, "DVA-C03") == once


def test_a_step_added_to_the_list_still_runs_before_the_policy(monkeypatch):
    import finish

    added = lambda html: html.replace("</body>", "<script>var late = 2</script></body>")  # noqa: E731
    monkeypatch.setattr(finish, "steps", lambda footer: [added])
    html = finish.finish_page(PAGE)
    policy = BeautifulSoup(html, "lxml").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert len(re.findall(r"'sha256-", policy)) == 2, "the late script is allowed by hash"


def test_broken_links_are_named_with_their_page():
    pages = {"index.html": '<a href="a/">a</a><a href="a/#there">t</a><a href="b/">b</a><a href="a/#gone">g</a>',
             "a/index.html": '<h2 id="there">T</h2>'}
    assert linkcheck.broken_links(pages, set()) == [
        "index.html: link 'b/': no such page",
        "index.html: link 'a/#gone': no element with id 'gone' there",
    ]


# Any built site: python -m finish ----------------------------------------------------------------


def test_python_m_finish_runs_on_any_built_site(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(PAGE.replace("</article>", '<a href="a/">a</a></article>'), encoding="utf-8")
    (site / "a" / "index.html").write_text("<html><head></head><body>A</body></html>", encoding="utf-8")
    run = lambda: subprocess.run([sys.executable, "-m", "finish", str(site), "--footer", "X"],  # noqa: E731
                                 cwd=ROOT, capture_output=True, text=True)
    script = site / "assets" / "javascripts" / "bundle.1234.min.js"
    script.parent.mkdir(parents=True)
    script.write_text('"use strict";', encoding="utf-8")
    assert run().returncode == 0
    finished = (site / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in finished and "data-table" in finished
    assert script.read_text(encoding="utf-8") == '//# allFunctionsCalledOnLoad\n"use strict";'
    assert run().returncode == 0 and (site / "index.html").read_text(encoding="utf-8") == finished
    assert script.read_text(encoding="utf-8") == '//# allFunctionsCalledOnLoad\n"use strict";'
    (site / "a" / "index.html").unlink()
    result = run()
    assert result.returncode == 1 and "index.html: link 'a/': no such page" in result.stderr


# The real site -----------------------------------------------------------------------------------


def test_every_page_blocks_on_one_joined_stylesheet(built_site, site_soups):
    names = set()
    for html_file, soup in site_soups.items():
        [href] = [link["href"] for link in soup.head.select('link[rel="stylesheet"]') if not link.get("media")]
        names.add(href.rsplit("/", 1)[-1])
        assert soup.select('link[rel=stylesheet][media=print][href$="print.css"]'), html_file
        [bundle] = [s for s in soup.select("script[src]") if "/bundle." in s["src"]]
        assert bundle.has_attr("defer"), html_file
    [name] = names
    css = (built_site / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
    extra = (ROOT / "docs" / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert ".md-header{" in css  # Material's main stylesheet
    assert "[data-md-color-scheme=slate]" in css  # its palette
    assert css.rstrip().endswith(stylesheets.strip_comments(extra))  # ours, last, so that it wins
    assert "data-md-color-switching" not in css


def test_limits_index_rows_carry_no_abbreviation_markup(site_soups):
    index = site_soups["limits/index.html"]
    assert index.select("section.limits-group") and not index.select("section.limits-group abbr")
    sqs = site_soups["services/sqs/index.html"]
    assert sqs.select("article abbr[title]"), "service pages keep their hover hints"


def test_the_finished_site_is_a_fixed_point(built_site, tmp_path):
    """`python -m finish` on the site MkDocs finished changes nothing: one pipeline, both ways."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    result = subprocess.run([sys.executable, "-m", "finish", str(copy)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    finished = [p for p in copy.rglob("*") if p.suffix in (".html", ".js", ".map")]
    changed = [p for p in finished if p.read_bytes() != (built_site / p.relative_to(copy)).read_bytes()]
    assert changed == []


def test_material_table_rules_copied_in_extra_css_are_unchanged():
    """extra.css repeats Material's `table:not([class])` rules for `table.data-table` (our tables
    carry a class so that Material's script leaves them alone). When Material changes those rules,
    this fails: update the copy in extra.css, then the digest here."""
    import hashlib

    [main] = stylesheets.theme_stylesheets([str(p) for p in _material_dirs()], palette=False)
    rules = re.findall(r"[^{}]*table:not\(\[class\]\)[^{}]*\{[^{}]*\}", main.read_text(encoding="utf-8"))
    digest = hashlib.sha256("".join(rules).encode()).hexdigest()[:16]
    assert digest == MATERIAL_TABLE_RULES, f"Material's table rules changed (now {digest}): re-check extra.css"


def _material_dirs() -> list[Path]:
    import material

    return [Path(material.__file__).parent / "templates"]


MATERIAL_TABLE_RULES = "c8fd8622653dd5f0"  # mkdocs-material 9.8.1


def test_our_scripts_are_minified_in_the_built_site_and_others_untouched(built_site):
    from finish.scripts import SCRIPTS

    source = ROOT / "docs" / SCRIPTS
    ours = [p for p in source.rglob("*.js") if "vendor" not in p.parts]
    assert len(ours) > 10
    for path in ours:
        original = path.read_text(encoding="utf-8")
        text = (built_site / SCRIPTS / path.relative_to(source)).read_text(encoding="utf-8")
        assert len(text) < 0.8 * len(original) and "\n  //" not in text, f"{path.name} is minified"
    for path in source.rglob("vendor/**/*.js"):
        assert (built_site / SCRIPTS / path.relative_to(source)).read_bytes() == path.read_bytes(), path
    import material  # the theme's search scripts are as it ships them (its main script: next test)

    lunr = next((built_site / SCRIPTS / "lunr").glob("*.js"))
    assert lunr.read_bytes() == (Path(material.__file__).parent / "templates" / SCRIPTS / "lunr" / lunr.name).read_bytes()


def test_the_theme_script_is_as_shipped_under_the_compile_hint(built_site):
    """Material's script in the built site is Material's file with V8's compile hint as its first
    line, and its source map points one line further down."""
    import material
    from finish.scripts import COMPILE_EARLY, SCRIPTS, THEME_SCRIPT

    [built] = (built_site / SCRIPTS).glob(THEME_SCRIPT)
    shipped = Path(material.__file__).parent / "templates" / SCRIPTS / built.name
    assert built.read_text(encoding="utf-8") == COMPILE_EARLY + shipped.read_text(encoding="utf-8")
    built_map = json.loads(built.with_name(built.name + ".map").read_text(encoding="utf-8"))
    shipped_map = json.loads(shipped.with_name(shipped.name + ".map").read_text(encoding="utf-8"))
    assert built_map == {**shipped_map, "mappings": ";" + shipped_map["mappings"]}


def test_the_compile_hint_is_added_once(tmp_path):
    from finish.scripts import COMPILE_EARLY, SCRIPTS, compile_theme_script_early

    folder = tmp_path / SCRIPTS
    folder.mkdir(parents=True)
    (folder / "bundle.1234.min.js").write_text('"use strict";(()=>{})();\n//# sourceMappingURL=bundle.1234.min.js.map\n')
    (folder / "bundle.1234.min.js.map").write_text('{"version":3,"mappings":"AAAA"}')
    (folder / "own.js").write_text("x();")
    assert compile_theme_script_early(tmp_path) == [f"{SCRIPTS}/bundle.1234.min.js"]
    assert compile_theme_script_early(tmp_path) == [f"{SCRIPTS}/bundle.1234.min.js"]
    assert (folder / "bundle.1234.min.js").read_text().startswith(COMPILE_EARLY + '"use strict"')
    assert json.loads((folder / "bundle.1234.min.js.map").read_text())["mappings"] == ";AAAA"
    assert (folder / "own.js").read_text() == "x();"
