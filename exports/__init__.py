"""Files made from the data, published with the site: data in, (path in the site, text) out.

- `practice/question-bank.js`: the question bank for the mock exam (`macros.practice.bank_script`).
- `data/*.json` and `data/*.schema.json`, `data/limits.csv`, `data/flashcards.tsv`: the open data
  (`macros/opendata.py`).

MkDocs adds them to the build from `exports/mkdocs_hooks.py`; `python -m exports SITE_DIR` writes
them into any built site.
"""

from __future__ import annotations

from macros.models import SiteData
from macros import opendata
from macros.practice import BANK_FILE, bank_script


def site_files(data: SiteData, directory_urls: bool = True, glossary: dict[str, str] | None = None) -> dict[str, str]:
    """Every exported file: its path in the site, and its text."""
    return {BANK_FILE: bank_script(data, directory_urls), **opendata.files(data, glossary)}
