"""`python -m macros check [DATA_DIR]`: validate the data files without building the site.
`python -m macros check-fragment FILE`: validate a file of limit records against the data."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from .load import DataError, YamlDocument, load_site_data

ROOT = Path(__file__).resolve().parent.parent


def check(data_dir: Path) -> int:
    try:
        data = load_site_data(data_dir, label_root=Path.cwd())
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"ok: {len(data.services)} services, {len(data.limits)} limits, {len(data.topics)} topics")
    return 0


def check_fragment(fragment: Path) -> int:
    """Merge the fragment's limits into a copy of the data and validate the whole."""
    try:
        extra = YamlDocument(fragment, str(fragment)).data
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", copy)
        base = yaml.safe_load((copy / "limits.yml").read_text(encoding="utf-8"))
        ids = {l.get("id") for l in extra.get("limits", []) if isinstance(l, dict)}
        base["limits"] = [l for l in base["limits"] if l["id"] not in ids] + list(extra.get("limits", []))
        (copy / "limits.yml").write_text(yaml.safe_dump(base, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return check(copy)


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "check":
        return check(Path(argv[1]) if len(argv) > 1 else ROOT / "data")
    if len(argv) == 2 and argv[0] == "check-fragment":
        return check_fragment(Path(argv[1]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
