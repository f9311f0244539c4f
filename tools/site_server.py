"""What the printing tool, the benchmark and the browser tests share: the Chromium to drive, the
flags it needs on these machines, a static server for a built site on 127.0.0.1, and the list of
the site's pages."""

from __future__ import annotations

import functools
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


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)


_EMPTIED: dict[str, str] = {}


def search_index_without_documents(context) -> None:
    """Serve `context`'s pages the site's search index with its configuration but no documents.
    Every page fetches the whole index (1.3 MB) and builds it in a worker, about a third of a second
    of processor time a page: for what does not search (printing, most browser tests) that is the
    largest repeated cost, and the pages are otherwise the site as built."""
    import json
    import urllib.request

    from playwright.sync_api import Error

    def without_documents(route) -> None:
        url = route.request.url
        if url not in _EMPTIED:
            with urllib.request.urlopen(url) as response:
                _EMPTIED[url] = json.dumps({**json.load(response), "docs": []})
        try:
            route.fulfill(status=200, content_type="application/json", body=_EMPTIED[url])
        except Error:
            pass  # the page was closed while its index was on the way

    context.route("**/search/search_index.json", without_documents)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    """A browser that closes a kept-alive connection, or leaves a page mid-download, is not an error
    worth a traceback in the benchmark's or the tests' output."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def serve(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> tuple[ThreadingHTTPServer, str]:
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
