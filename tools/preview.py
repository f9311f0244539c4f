"""Build a strict mini-site for one or more service pages and their draft limits, in a temporary copy.

    python tools/preview.py SERVICE [SERVICE ...] [--drafts DIR] [--keep]

Other service pages are replaced by stubs (title and limits table), so a page is checked on its
own while others are being edited. With --drafts, a folder's `limits-SERVICE.yml` and
`abbr-SERVICE.md` are merged into copies of the data and glossary first, so a page can be checked
before its data lands in data/limits.yml. Prints the build's warnings and
errors; exits non-zero when the strict build fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from project import ROOT, SOURCES, data_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("services", nargs="+")
    parser.add_argument("--drafts", help="a folder of draft limits-SERVICE.yml / abbr-SERVICE.md to merge in")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy and print its path")
    args = parser.parse_args()
    drafts = Path(args.drafts) if args.drafts else None

    tmp = Path(tempfile.mkdtemp(prefix="preview-"))
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, tmp / name)

    services = yaml.safe_load((data_dir() / "services.yml").read_text())["services"]
    limits_doc = yaml.safe_load((tmp / "data" / "limits.yml").read_text())
    glossary = (tmp / "includes" / "abbreviations.md").read_text()
    for service in args.services if drafts else []:
        fragment = drafts / f"limits-{service}.yml"
        if fragment.exists():
            extra = yaml.safe_load(fragment.read_text()) or {}
            ids = {l.get("id") for l in extra.get("limits", [])}
            limits_doc["limits"] = [l for l in limits_doc["limits"] if l["id"] not in ids] + extra.get("limits", [])
        abbr = drafts / f"abbr-{service}.md"
        if abbr.exists():
            known = {line.split("]")[0] for line in glossary.splitlines()}
            glossary += "".join(line + "\n" for line in abbr.read_text().splitlines() if line.strip() and line.split("]")[0] not in known)
    (tmp / "data" / "limits.yml").write_text(yaml.safe_dump(limits_doc, sort_keys=False, allow_unicode=True))
    (tmp / "includes" / "abbreviations.md").write_text(glossary)

    for service in services:
        if service["id"] in args.services:
            continue
        stub = f"---\ndescription: Stub.\n---\n\n# {service['name']}\n\n{{{{ limits_table('{service['id']}') }}}}\n"
        (tmp / "docs" / service["page"]).write_text(stub)

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp / "site")],
        cwd=tmp, env=env, capture_output=True, text=True,
    )
    print(result.stdout + result.stderr)
    print("preview build:", "OK" if result.returncode == 0 else f"FAILED (exit {result.returncode})")
    if args.keep:
        print("kept:", tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
