"""Files made from the data, published with the site: data in, (path in the site, content) out.

- `practice/question-bank.js`: the question bank for the mock exam (`macros.practice.bank_script`).
- `data/*.json` and `data/*.schema.json`, `data/limits.csv`, `data/flashcards.tsv`: the open data
  (`macros/opendata.py`).
- `downloads/aws-developer-associate.apkg`: the flashcards as an Anki deck (`exports/anki.py`).
- `flashcards/*.md`: a flashcard page per service, per exam domain and for the glossary
  (`macros.cards.generated_pages`); pages, so MkDocs renders them like any other.
- `practice/task-*.md`: a practice set per task statement (`macros.practice.task_pages`).

MkDocs adds them to the build from `exports/mkdocs_hooks.py`; `python -m exports SITE_DIR` writes
the files (not the pages, which need a build) into any built site.
"""

from __future__ import annotations

from pathlib import Path

from macros import opendata
from macros.cards import generated_pages, page_titles
from macros.models import SiteData
from macros.practice import BANK_FILE, bank_script, task_pages

from .anki import ANKI_FILE, build_package


def site_files(data: SiteData, directory_urls: bool = True, glossary: dict[str, str] | None = None,
               docs_dir: Path | None = None, site_url: str | None = None) -> dict[str, str | bytes]:
    """Every exported file: its path in the site, and its text (or bytes)."""
    titles = page_titles(docs_dir, data.self_tests) if docs_dir else None
    return {
        BANK_FILE: bank_script(data, directory_urls),
        **opendata.files(data, glossary),
        ANKI_FILE: build_package(data, glossary, titles, site_url),
    }


def site_pages(data: SiteData, glossary: dict[str, str] | None = None) -> dict[str, str]:
    """Pages made from the data: path under docs/, Markdown."""
    return {**generated_pages(data, glossary), **task_pages(data)}
