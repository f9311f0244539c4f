"""The repository itself: the workflow is safe, and what the README and CONTRIBUTING say about
budgets and macros is what the code holds (one home per fact)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

import budgets  # noqa: E402  (tools/, put on the path by conftest)
from macros.registry import MACROS


def test_workflow_has_no_medium_or_worse_findings():
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert zizmor, "zizmor is in requirements-dev.txt"
    result = subprocess.run([zizmor, "--offline", "--min-severity", "medium", str(ROOT / ".github" / "workflows")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_checkout_keeps_no_credentials():
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    checkouts = re.findall(r"uses: actions/checkout@[^\n]*\n\s+with:\n((?:\s{10}.*\n)+)", workflow)
    assert checkouts and all("persist-credentials: false" in c for c in checkouts)


def test_readme_budget_table_is_the_budgets_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert budgets.readme_table() in readme, "README's budget table: paste `python tools/budgets.py`"


def test_contributing_lists_every_macro_and_no_other():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = text.split("## Macros for pages", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `\{\{ (\w+)\(", table, re.M))
    assert listed == set(MACROS), f"missing: {set(MACROS) - listed}; not macros: {listed - set(MACROS)}"


def test_browser_waits_are_functions():
    """Playwright polls a `wait_for_function` expression with `eval`, which the site's Content
    Security Policy refuses; only a function (`"() => ..."`) is called without it. An expression
    passes while the condition holds at the first check and fails when the page is slower."""
    waits = [(path.name, expression) for path in [*(ROOT / "tests").glob("*.py"), *(ROOT / "tools").glob("*.py")]
             for expression in re.findall(r"wait_for_function\(\s*\"([^\"]*)", path.read_text(encoding="utf-8"))]
    assert waits and not [w for w in waits if not w[1].startswith("() =>")], waits
