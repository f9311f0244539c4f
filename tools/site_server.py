"""What the printing tool, the benchmark and the browser tests share: the Chromium to drive, the
flags it needs on these machines, a static server for a built site on 127.0.0.1, and the list of
the site's pages."""

from __future__ import annotations

import functools
import io
import json
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Without the background-networking flags Chromium keeps calling home, and this network refuses.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium, unless CHROMIUM_PATH names another (the GitHub workflow's)."""
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


# No network but this machine's: every request for another host goes to a proxy on a port where
# nothing listens, and fails as it would offline (127.0.0.1 bypasses it). The tests record such
# requests (tests/conftest.py, OfflineContext); printing needs none.
NO_NETWORK_FLAGS = ["--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1"]
# V8 without its optimising compilers (Maglev, TurboFan): a test's page runs its scripts, and axe,
# for a moment, and optimising them again for every new page cost more processor time than it
# saved (the suite took a tenth longer: 3 min 59 s against 3 min 27 s and 3 min 33 s, interleaved,
# on 8 December 2026). What the scripts do is the same; speed is for the benchmark's own Chromium.
UNOPTIMISED_JS = ["--js-flags=--max-opt=1"]


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS + NO_NETWORK_FLAGS + UNOPTIMISED_JS)


# The cookie that asks the site server (below) for the search index without its documents.
WITHOUT_DOCUMENTS = {"name": "search-index", "value": "without-documents", "domain": "127.0.0.1", "path": "/"}


def search_index_without_documents(context) -> None:
    """Have the site server give `context`'s pages the site's search index with its configuration but
    no documents. Every page fetches the whole index (1.3 MB) and builds it in a worker, about a
    third of a second of processor time a page: for what does not search (printing, most browser
    tests) that is the largest repeated cost, and the pages are otherwise the site as built.
    A cookie rather than a Playwright route: routing a context turns its HTTP cache off, and with it
    the compiled scripts that the browser keeps; every page then costs a quarter more."""
    context.add_cookies([WITHOUT_DOCUMENTS])


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SiteHandler(QuietHandler):
    """The built site as files. Pages and data are marked `no-cache`: the browser keeps what it
    fetched but asks each time whether it changed, so a page always shows the files on disk, even
    when a test publishes a new build over them. What is under `assets/` it may keep for an hour
    without asking (GitHub Pages says ten minutes): no test changes a script, stylesheet or font,
    and each page load after the first costs a fifth less processor time. A request that carries
    the `WITHOUT_DOCUMENTS` cookie gets the search index with its documents left out."""

    emptied: dict[tuple[str, int], bytes] = {}

    def end_headers(self):
        asset = self.path.startswith("/assets/")
        self.send_header("Cache-Control", "max-age=3600" if asset else "no-cache")
        super().end_headers()

    def send_head(self):
        cookie = f"{WITHOUT_DOCUMENTS['name']}={WITHOUT_DOCUMENTS['value']}"
        path = Path(self.translate_path(self.path))
        if not (path.name == "search_index.json" and cookie in self.headers.get("Cookie", "") and path.is_file()):
            return super().send_head()
        key = (str(path), path.stat().st_mtime_ns)
        if key not in self.emptied:
            self.emptied[key] = json.dumps({**json.loads(path.read_bytes()), "docs": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.emptied[key])))
        self.end_headers()
        return io.BytesIO(self.emptied[key])


class QuietServer(ThreadingHTTPServer):
    """A browser that closes a kept-alive connection, or leaves a page mid-download, is not an error
    worth a traceback in the benchmark's or the tests' output."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def serve(directory: Path, handler: type[SimpleHTTPRequestHandler] = SiteHandler) -> tuple[ThreadingHTTPServer, str]:
    """Serve `directory` on a free port of 127.0.0.1 from a background thread: (server, base URL)."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def site_pages(site: Path) -> list[str]:
    """URL paths of every page of a built site ("" for the home page), not its PDFs."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if not rel.startswith("pdf"):
            pages.append("" if rel == "." else rel + "/")
    return pages
