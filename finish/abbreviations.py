"""Abbreviations as plain text inside the limits index's service sections.

Each `<abbr title>` is an element to build and style for a hover hint; the index repeats service
names in hundreds of rows, and without them Lighthouse's blocking time on that page halves. The
service pages, where the terms are explained, keep their hints.
"""

from __future__ import annotations

import re

_INDEX_SECTION = re.compile(r'<section class="limits-group"[^>]*>.*?</section>', re.S)
_ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


def plain_abbreviations_in_index(html: str) -> str:
    """`<abbr title="...">IAM</abbr>` as `IAM` inside every limits-index section."""
    return _INDEX_SECTION.sub(lambda m: _ABBR.sub(r"\1", m.group(0)), html)
