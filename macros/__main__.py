"""`python -m macros check [DATA_DIR]`: validate the data files without building the site."""

from __future__ import annotations

import sys
from pathlib import Path

from .load import DataError, load_site_data

ROOT = Path(__file__).resolve().parent.parent


def check(data_dir: Path) -> int:
    try:
        data = load_site_data(data_dir, label_root=Path.cwd())
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"ok: {len(data.services)} services, {len(data.limits)} limits, {len(data.topics)} topics")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "check":
        return check(Path(argv[1]) if len(argv) > 1 else ROOT / "data")
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
