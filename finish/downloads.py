"""Downloads made after the build (the PDF sheets and booklet by `tools/pdf.py`, the offline zip by
`tools/offline.py`) appear on the Downloads page only once they exist: the page names each one in
a `<span data-download="path">`, and `fill_sizes` turns the name into a link with the file's size.
Runs on any built site: `python -m finish.downloads SITE`."""

from __future__ import annotations

import html
import posixpath
import re
import sys
from pathlib import Path

from . import serviceworker

_DOWNLOAD = re.compile(r'<span data-download="(?P<path>[^"]+)"(?: data-download-size)?>(?P<text>.*?)</span>', re.S)
_SIZE = re.compile(r'<span data-download-size="(?P<path>[^"]+)">(?P<text>.*?)</span>', re.S)


def size_text(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def file_size(site: Path, path: str) -> int | None:
    """A file's size, or a folder's total (`pdf/`: every sheet)."""
    target = site / path
    if target.is_file():
        return target.stat().st_size
    if target.is_dir():
        files = [f for f in target.rglob("*") if f.is_file()]
        return sum(f.stat().st_size for f in files) if files else None
    return None


def fill_sizes(site: Path, pages: list[str] | None = None) -> list[str]:
    """Link and size every download the Downloads page names that exists in `site`; returns the
    pages changed. `pages`: the pages (paths in the site) that name downloads, when known; by
    default every page is read to find them."""
    changed = []
    files = [site / p for p in pages] if pages is not None else sorted(site.rglob("*.html"))
    for page in files:
        text = page.read_text(encoding="utf-8")
        if "data-download" not in text:
            continue
        here = posixpath.dirname(page.relative_to(site).as_posix())

        def name(match: re.Match) -> str:
            path = html.unescape(match.group("path"))
            if (site / path).is_file():
                href = posixpath.relpath(path, here or ".")
                return f'<span data-download="{match.group("path")}"><a href="{html.escape(href)}">{match.group("text")}</a></span>'
            return match.group(0)

        def size(match: re.Match) -> str:
            found = file_size(site, html.unescape(match.group("path")))
            text = size_text(found) if found is not None else match.group("text")
            return f'<span data-download-size="{match.group("path")}">{text}</span>'

        new = _SIZE.sub(size, _DOWNLOAD.sub(lambda m: m.group(0) if "<a " in m.group("text") else name(m), text))
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed.append(page.relative_to(site).as_posix())
    if changed and (site / serviceworker.SW_FILE).is_file():
        serviceworker.write_service_worker(site)  # the pages changed after the worker listed them
    return changed


if __name__ == "__main__":
    for changed_page in fill_sizes(Path(sys.argv[1])):
        print(changed_page)
