"""`python -m exports SITE_DIR [DATA_DIR]`: write the files made from the data into a built site."""

from __future__ import annotations

import sys
from pathlib import Path

from macros.datafiles import DataError, load_site_data

from . import site_files


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(argv[0])
    try:
        data = load_site_data(Path(argv[1]) if len(argv) > 1 else Path("data"))
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    from macros.render import parse_abbreviations

    glossary_file = Path("includes/abbreviations.md")
    glossary = parse_abbreviations(glossary_file.read_text(encoding="utf-8"), str(glossary_file)) if glossary_file.exists() else {}
    for path, content in site_files(data, glossary=glossary, docs_dir=Path("docs")).items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (site / path).write_bytes(content)
        else:
            (site / path).write_text(content, encoding="utf-8")
        print(site / path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
