"""Pure functions that make each built page print as a revision sheet (with print.css).

- The self-test answers are copied into an "Answers" block at the end of the article: on paper the
  questions stay in place and the answers follow them, together, instead of being hidden in
  closed <details> or interleaved. On screen the block is not displayed.
- A running footer (page title, exam code, site version) that print.css repeats on every sheet.
"""

from __future__ import annotations

import html as html_lib
import re

_QUESTION = re.compile(r'<details class="question">\s*<summary>(?P<q>.*?)</summary>(?P<a>.*?)</details>', re.S)
_ARTICLE_END = re.compile(r"(</article>)")
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def page_title(html: str) -> str:
    match = _TITLE.search(html)
    if not match:
        return ""
    text = _TAGS.sub("", match.group(1))
    return " ".join(html_lib.unescape(text).replace("¶", "").split())


def answers_block(html: str) -> str:
    answers = [m.group("a").strip() for m in _QUESTION.finditer(html)]
    if not answers:
        return ""
    items = "".join(f"<li>{answer}</li>" for answer in answers)
    return f'<section class="print-answers"><h2 id="print-answers">Answers</h2><ol>{items}</ol></section>'


def add_print_parts(html: str, footer: str) -> str:
    """`footer` is plain text (the exam code and version); the page title is put before it."""
    if "</article>" not in html or 'class="print-footer"' in html:
        return html
    title = page_title(html)
    text = html_lib.escape(" · ".join(part for part in (title, footer) if part))
    extra = answers_block(html) + f'<div class="print-footer" aria-hidden="true">{text}</div>'
    return _ARTICLE_END.sub(lambda m: extra + m.group(1), html, count=1)


def number_questions(html: str) -> str:
    """Number the self-test questions, so that each answer in the block can be matched to its question."""
    if 'class="question-number"' in html:
        return html
    count = 0

    def number(match: re.Match) -> str:
        nonlocal count
        count += 1
        return match.group(0).replace("<summary>", f'<summary><span class="question-number">Q{count}.</span> ', 1)

    return _QUESTION.sub(number, html)
