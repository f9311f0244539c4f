"""The site that works from a folder: build it with Material's offline plugin (OFFLINE=true: file://
links, search without a server), zip it, and put the zip beside a built site.

    python tools/offline.py                 # zip into site/downloads/ (site/ built before)
    python tools/offline.py --site DIR      # beside another built site
    python tools/offline.py --zip FILE      # just make the zip

Prints the zip's size and the number of files in it.
"""

from __future__ import annotations

import argparse
from fnmatch import fnmatch
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from finish.downloads import fill_sizes, size_text  # noqa: E402

ZIP_NAME = "aws-developer-associate-offline.zip"
FOLDER = "aws-developer-associate"  # the folder the zip unpacks to
DOWNLOADS = "downloads"
# Left out of the zip, as nothing reads them from a folder: source maps; the search index as JSON
# (from file:// the page reads search_index.js); lunr's stemmers for other languages than English.
LEFT_OUT = ("*.map", "search/search_index.json", "assets/javascripts/lunr/*")


def build_offline(site: Path) -> None:
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)


def zip_site(site: Path, target: Path) -> int:
    """Zip a built site under one folder; returns the number of files."""
    files = sorted(f for f in site.rglob("*") if f.is_file()
                   and not any(fnmatch(f.relative_to(site).as_posix(), pattern) for pattern in LEFT_OUT))
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in files:
            archive.write(file, f"{FOLDER}/{file.relative_to(site).as_posix()}")
    return len(files)


def make_zip(target: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site = Path(tmp) / FOLDER
        build_offline(site)
        return zip_site(site, target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site to put the zip beside")
    parser.add_argument("--zip", type=Path, help="write the zip here instead, and touch no site")
    args = parser.parse_args()
    target = args.zip or args.site / DOWNLOADS / ZIP_NAME
    count = make_zip(target)
    if args.zip is None:
        fill_sizes(args.site)
    print(f"{target}: {size_text(target.stat().st_size)}, {count} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
