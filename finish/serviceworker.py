"""The hosted site keeps working with no connection after the first visit: a service worker
(`sw.js` at the site's root) precaches every page and every file the pages load.

Workbox does the worker's hard part (npm `workbox-sw` and its modules 7.4.1, MIT, vendored unchanged
in `exports/vendor/workbox/` and served from the site, never from a CDN): a precache keyed by each
file's revision, filled while the new worker installs and switched to only when it activates, so a
reader never gets pages of one build with the scripts of another; outdated entries are dropped.
The page side is ours (`docs/assets/javascripts/offline.js`, 60 lines): registering a worker and
offering its update needs no library, and Workbox's window module would add 6 KB to every page.

The manifest (each file's URL and the MD5 of its bytes) is made here from the built files, after
every other step, so it works on any generator's output: `python -m finish SITE` writes it too.
Left out: what is only downloaded (the offline zip, the Anki deck, PDFs, the open data), source
maps, and lunr's stemmers for other languages than English.

Not written for `mkdocs serve` (no stale pages while editing) or the offline zip (file:// has no
service workers): `finish/mkdocs_hooks.py` decides, and the template adds the page script only
where a worker exists.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import shutil
from pathlib import Path

SW_FILE = "sw.js"
WORKBOX_DIR = "assets/workbox"
WORKBOX_SOURCE = Path(__file__).resolve().parent.parent / "exports" / "vendor" / "workbox"
LEFT_OUT = ("*.map", "downloads/*", "pdf/*", "data/*", "assets/javascripts/lunr/*", "sitemap.xml", "sitemap.xml.gz",
            SW_FILE, f"{WORKBOX_DIR}/*")

WORKER = """// Made by finish/serviceworker.py from the built site: do not edit.
importScripts("{workbox}/workbox-sw.js");
workbox.setConfig({{ modulePathPrefix: "{workbox}/", debug: false }});
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
// Query strings (?service=sqs, search's ?h=term) read the same page; "folder/" is "folder/index.html".
workbox.precaching.precacheAndRoute({manifest}, {{ ignoreURLParametersMatching: [/.*/], directoryIndex: "index.html" }});
// The page's "Reload" button: the new build takes over now instead of when every tab is closed.
self.addEventListener("message", function (event) {{
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
}});
"""


def precache_manifest(site: Path) -> list[dict[str, str]]:
    """Every file a reader may open or a page may load, with the MD5 of its content."""
    entries = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not any(fnmatch.fnmatch(rel, pattern) for pattern in LEFT_OUT):
            entries.append({"url": rel, "revision": hashlib.md5(path.read_bytes()).hexdigest()})
    return entries


def write_service_worker(site: Path) -> Path:
    """Copy Workbox into the site and write `sw.js` with the precache manifest; returns its path."""
    target = site / WORKBOX_DIR
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(WORKBOX_SOURCE.glob("*.js")):
        shutil.copyfile(source, target / source.name)
    manifest = json.dumps(precache_manifest(site), separators=(",", ":"))
    path = site / SW_FILE
    path.write_text(WORKER.format(workbox=WORKBOX_DIR, manifest=manifest), encoding="utf-8")
    return path
