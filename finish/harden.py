"""Pure functions applied to every built HTML page (steps of `finish.finish_page`).

- A Content-Security-Policy meta tag: scripts, styles, fonts and images from the site's own
  origin only. The exceptions, each because Material for MkDocs needs it:
  * `script-src` lists the SHA-256 hash of each inline script actually on the page (Material writes
    two or three small ones: storage helpers with the page's base URL, the saved colour scheme, the
    open content tab). Hashes, not 'unsafe-inline': an injected script has no matching hash.
  * `img-src data:`: Material's stylesheet draws its icons as data: SVG images.
  The JSON block `<script type="application/json">` is data, never run, so it needs no hash.
  * The site that works from a folder (Material's offline plugin) loads the iframe-worker shim,
    which runs search in a frame and writes an inline script into it that holds the folder's path:
    no hash can be known in advance. On those pages alone scripts are `'self' 'unsafe-inline'`
    (there is no network origin to protect on file://); the hosted site keeps its hashes.
- `rel="noopener"` on every link to another site (and its host, for print).
- An accessible name for Material's search dialog, which has none.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
_EXTERNAL_LINK = re.compile(r'<a\s(?P<attrs>[^>]*\bhref="(?:https?:)?//[^"]*"[^>]*)>')
_SEARCH_DIALOG = re.compile(r'(<div\s+class="md-search"\s+data-md-component="search"\s+role="dialog")(?![^>]*aria-label)')
_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if "src=" in attrs or re.search(r'type="application/(?:ld\+)?json"', attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return list(dict.fromkeys(hashes))


_WORKER_SHIM = re.compile(r'<script[^>]*\bsrc="[^"]*iframe-worker[^"]*"')


def content_security_policy(html: str) -> str:
    policy = {k: list(v) for k, v in POLICY.items()}
    if _WORKER_SHIM.search(html):
        policy["script-src"].append("'unsafe-inline'")
    else:
        policy["script-src"] += inline_script_hashes(html)
    return "; ".join(f"{key} {' '.join(values)}" for key, values in policy.items())


def add_content_security_policy(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    if _CSP_META.search(html):  # finished before: the policy is brought up to date in place
        return _CSP_META.sub(lambda m: meta, html, count=1)
    # First in <head>, so that it governs every script and stylesheet after it.
    return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n    " + meta, html, count=1)


def mark_external_links(html: str) -> str:
    """`rel="noopener"` on links to other sites, and `data-host` for print.css to show the host."""

    def fix(match: re.Match) -> str:
        attrs = match.group("attrs")
        url = re.search(r'\bhref="([^"]*)"', attrs).group(1)
        host = urlsplit(url if "://" in url else "https:" + url).hostname or ""
        rel = re.search(r'\brel="([^"]*)"', attrs)
        if rel is None:
            attrs += ' rel="noopener"'
        elif "noopener" not in rel.group(1).split():
            attrs = attrs.replace(rel.group(0), f'rel="{rel.group(1)} noopener"')
        if "data-host=" not in attrs and host:
            attrs += f' data-host="{host}"'
        return f"<a {attrs}>"

    return _EXTERNAL_LINK.sub(fix, html)


def name_search_dialog(html: str) -> str:
    return _SEARCH_DIALOG.sub(r'\1 aria-label="Search"', html)


def harden(html: str) -> str:
    return add_content_security_policy(mark_external_links(name_search_dialog(html)))
