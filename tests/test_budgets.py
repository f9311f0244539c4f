"""Budgets that can be asserted because they are deterministic: bytes. Times and Lighthouse scores
are printed by tools/benchmark.py instead."""

from __future__ import annotations


from conftest import ROOT  # noqa: F401  (puts tools/ on the path)

import benchmark  # noqa: E402
import budgets  # noqa: E402


def test_pages_without_diagrams_stay_within_their_weight_budget(built_site):
    heavy = {}
    for page in benchmark.site_pages(built_site):
        if benchmark.has_diagram(built_site, page):
            continue
        budget = budgets.PRACTICE_PAGE_WEIGHT_BYTES if benchmark.is_practice_set(page) else budgets.PAGE_WEIGHT_BYTES
        weight = benchmark.page_weight(built_site, page)["total"]
        if weight > budget:
            heavy[page] = (weight, budget)
    assert heavy == {}, f"pages over their gzipped budget (bytes, budget): {heavy}"


def test_weight_counts_what_a_page_loads(built_site):
    weight = benchmark.page_weight(built_site, "services/sqs/")
    assert weight["html"] > 5000 and weight["css"] > 10000 and weight["js"] > 20000


def test_diagrams_need_no_script_library(built_site):
    """Diagrams are SVG drawn at build time: a page with diagrams loads the same scripts as one without."""
    with_diagrams = [p for p in benchmark.site_pages(built_site) if benchmark.has_diagram(built_site, p)]
    assert with_diagrams, "some pages have diagrams"
    plain = benchmark.page_weight(built_site, "limits/")
    for page in with_diagrams:
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert "mermaid" not in html.lower()
        assert benchmark.page_weight(built_site, page)["js"] == plain["js"], page
