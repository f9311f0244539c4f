"""`python -m finish SITE_DIR [--footer TEXT]`: finish every page of an already built site, in place,
give the theme's script its compile hint (`finish/scripts.py`), then check its internal links. Exits
1 when a link is broken. Running it on a finished site changes nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import check_links, finish_page
from .scripts import compile_theme_script_early


def finish_site(site: Path, footer: str = "") -> list[str]:
    pages, other_files = {}, set()
    for file in sorted(site.rglob("*")):
        if file.is_dir():
            continue
        rel = file.relative_to(site).as_posix()
        if file.suffix != ".html":
            other_files.add(rel)
            continue
        before = file.read_text(encoding="utf-8")
        pages[rel] = finish_page(before, footer)
        if pages[rel] != before:
            file.write_text(pages[rel], encoding="utf-8")
    return check_links(pages, other_files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m finish", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--footer", default="", help="text after the page title in the print footer")
    parser.add_argument("--service-worker", action="store_true",
                        help="also write sw.js, which makes the hosted site work offline (finish/serviceworker.py)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: not a folder", file=sys.stderr)
        return 2
    problems = finish_site(args.site, args.footer)
    compile_theme_script_early(args.site)  # before the service worker lists the files and hashes
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.service_worker and not problems:
        from .serviceworker import write_service_worker

        write_service_worker(args.site)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
