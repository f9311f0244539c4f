"""Pure functions: diagram steps in, inline SVG out.

Diagrams are drawn at build time, so no diagram library is loaded in the browser: they work
offline, print as vector graphics, and their text is searchable. Colours come from CSS classes
(docs/assets/stylesheets/extra.css), which follow the light and dark schemes; no inline styles,
so the Content-Security-Policy needs no 'unsafe-inline' for them.
"""

from __future__ import annotations

import hashlib
import math
import textwrap

from .registry import Context, macro
from .render import escape_attr

BOX_W, BOX_H, GAP_X, GAP_Y, MAX_PER_ROW = 160, 48, 32, 40, 5
LINE_CHARS = 22  # characters per line of a box label at the font size set in extra.css


def _label(text: str, cx: float, cy: float) -> str:
    lines = textwrap.wrap(str(text), LINE_CHARS) or [""]
    lines = lines[:3]
    first = cy - (len(lines) - 1) * 8
    spans = "".join(
        f'<tspan x="{cx:g}" y="{first + 16 * n:g}">{escape_attr(line)}</tspan>' for n, line in enumerate(lines)
    )
    return f'<text class="diagram-text" text-anchor="middle" dominant-baseline="middle">{spans}</text>'


def _box(x: float, y: float, text: str, extra_class: str = "") -> str:
    cls = "diagram-box" + (f" {extra_class}" if extra_class else "")
    rect = f'<rect class="{cls}" x="{x:g}" y="{y:g}" width="{BOX_W}" height="{BOX_H}" rx="6"/>'
    return rect + _label(text, x + BOX_W / 2, y + BOX_H / 2)


def _diagram_id(kind: str, parts: list[str]) -> str:
    return kind + "-" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


def _figure(diagram_id: str, title: str, description: str, width: float, height: float, body: str) -> str:
    marker = (
        f'<defs><marker id="{diagram_id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path class="diagram-arrowhead" d="M0,0 L10,5 L0,10 z"/>'
        f"</marker></defs>"
    )
    svg = (
        f'<svg class="diagram" viewBox="0 0 {width:g} {height:g}" role="img" '
        f'aria-labelledby="{diagram_id}-title {diagram_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{diagram_id}-title">{escape_attr(title)}</title>'
        f'<desc id="{diagram_id}-desc">{escape_attr(description)}</desc>{marker}{body}</svg>'
    )
    # One line of raw HTML: safe inside lists and admonitions, where a blank line would end it.
    return f'<figure class="diagram-figure">{svg}<figcaption>{escape_attr(title)}</figcaption></figure>'


def _arrow(diagram_id: str, points: list[tuple[float, float]]) -> str:
    coords = " ".join(f"{x:g},{y:g}" for x, y in points)
    return f'<polyline class="diagram-arrow" points="{coords}" marker-end="url(#{diagram_id}-arrow)"/>'


@macro
def flow_diagram(ctx: Context, steps: list[str], title: str) -> str:
    """Steps in order, numbered, left to right, in rows of at most five."""
    if not steps:
        raise ValueError("flow_diagram needs at least one step")
    steps = [str(s) for s in steps]
    diagram_id = _diagram_id("flow", [title, *steps])
    rows = math.ceil(len(steps) / MAX_PER_ROW)
    columns = math.ceil(len(steps) / rows)  # balanced rows: 6 steps make two rows of three
    width = columns * BOX_W + (columns - 1) * GAP_X + 8
    height = rows * BOX_H + (rows - 1) * GAP_Y + 8
    body = []
    for n, step in enumerate(steps):
        row, col = divmod(n, columns)
        x, y = 4 + col * (BOX_W + GAP_X), 4 + row * (BOX_H + GAP_Y)
        body.append(_box(x, y, f"{n + 1}. {step}"))
        if n + 1 < len(steps):
            if col + 1 < columns:
                body.append(_arrow(diagram_id, [(x + BOX_W, y + BOX_H / 2), (x + BOX_W + GAP_X - 2, y + BOX_H / 2)]))
            else:
                mid_y = y + BOX_H + GAP_Y / 2
                first_x = 4 + BOX_W / 2
                body.append(
                    _arrow(diagram_id, [(x + BOX_W / 2, y + BOX_H), (x + BOX_W / 2, mid_y), (first_x, mid_y), (first_x, y + BOX_H + GAP_Y - 2)])
                )
    description = "In order: " + "; then ".join(steps) + "."
    return _figure(diagram_id, title, description, width, height, "".join(body))


@macro
def fanout_diagram(ctx: Context, source: str, targets: list[str], title: str) -> str:
    """One source on the left feeding every target on the right."""
    if not targets:
        raise ValueError("fanout_diagram needs at least one target")
    targets = [str(t) for t in targets]
    diagram_id = _diagram_id("fanout", [title, str(source), *targets])
    gap = 16
    height = len(targets) * BOX_H + (len(targets) - 1) * gap + 8
    width = 2 * BOX_W + 3 * GAP_X + 8
    source_y = (height - BOX_H) / 2
    body = [_box(4, source_y, str(source), "diagram-source")]
    target_x = 4 + BOX_W + 3 * GAP_X
    for n, target in enumerate(targets):
        y = 4 + n * (BOX_H + gap)
        body.append(_box(target_x, y, target))
        body.append(_arrow(diagram_id, [(4 + BOX_W, source_y + BOX_H / 2), (target_x - 2, y + BOX_H / 2)]))
    description = f"{source} sends to each of: " + ", ".join(targets) + "."
    return _figure(diagram_id, title, description, width, height, "".join(body))
