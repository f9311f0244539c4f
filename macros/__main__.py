"""`python -m macros check [DATA_DIR] [--questions FILE] [--site SITE_DIR]`: validate the data files
without building the site. `--questions` reads the question bank from another file (a draft);
`--site` also checks every page#anchor the data names against an already built site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .datafiles import DataError, load_site_data
from .guide import missing_sections_in_site

ROOT = Path(__file__).resolve().parent.parent


def default_data_dir() -> Path:
    sys.path.insert(0, str(ROOT / "tools"))
    from project import data_dir

    return data_dir(ROOT)


def check(data_dir: Path, questions: Path | None = None, site: Path | None = None) -> int:
    try:
        data = load_site_data(data_dir, label_root=Path.cwd(), questions_file=questions)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    if site is not None:
        problems = missing_sections_in_site(site, data.section_refs)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
    print(f"ok: {len(data.services)} services, {len(data.limits)} limits, {len(data.topics)} topics, "
          f"{len(data.exam.skills)} exam skills, {len(data.questions)} questions")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"])
    parser.add_argument("data_dir", nargs="?", type=Path)
    parser.add_argument("--questions", type=Path, help="a questions file to check instead of DATA_DIR/questions.yml")
    parser.add_argument("--site", type=Path, help="a built site to check page#anchor references against")
    args = parser.parse_args(argv)
    return check(args.data_dir or default_data_dir(), args.questions, args.site)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
