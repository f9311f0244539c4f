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

from dataclasses import dataclass

from .registry import Context, macro
from .render import escape_attr

LINE_H = 16  # px between lines of a box label (text is 13 px, extra.css)
CHAR_W = 6.5  # px per character of a label, on average, at 13 px (Arial averages 6.3)


@dataclass(frozen=True)
class Layout:
    """One way to draw a diagram. Each SVG is drawn at its own size (1 unit = 1 CSS px) and only
    shrinks to fit a narrower column, so its 13 px text stays at least 12 px wherever the column is
    as wide as 92 % of the drawing: the wide layout fits the desktop content column (34.4rem), the
    narrow one (one column of boxes, shown below 45em by extra.css) a 360 px phone."""

    name: str
    box_w: int
    per_row: int
    gap_x: int
    fanout_gap: int
    pad: int = 12  # px above and below the lines of a label

    @property
    def line_chars(self) -> int:
        return int((self.box_w - 12) // CHAR_W)


WIDE = Layout("wide", box_w=160, per_row=4, gap_x=24, fanout_gap=64)
NARROW = Layout("narrow", box_w=264, per_row=1, gap_x=24, fanout_gap=0)
# On paper (print.css scales a drawing to the sheet's width, 30 mm high at most): rows of five, as
# compact as before there were screen layouts, so revision sheets keep their length.
PAPER = Layout("paper", box_w=160, per_row=5, gap_x=32, fanout_gap=96, pad=0)
LAYOUTS = (WIDE, NARROW, PAPER)
GAP_Y = 32


def _lines(text: str, layout: Layout) -> list[str]:
    return textwrap.wrap(str(text), layout.line_chars) or [""]


def _box_h(texts: list[str], layout: Layout) -> int:
    """One height for every box of a diagram: room for the longest label, and at least 48 px."""
    return max(48, layout.pad + LINE_H * max(len(_lines(t, layout)) for t in texts))


def _label(lines: list[str], cx: float, cy: float) -> str:
    first = cy - (len(lines) - 1) * LINE_H / 2
    spans = "".join(
        f'<tspan x="{cx:g}" y="{first + LINE_H * n:g}">{escape_attr(line)}</tspan>' for n, line in enumerate(lines)
    )
    return f'<text class="diagram-text" text-anchor="middle" dominant-baseline="middle">{spans}</text>'


def _box(x: float, y: float, text: str, layout: Layout, box_h: int, extra_class: str = "") -> str:
    cls = "diagram-box" + (f" {extra_class}" if extra_class else "")
    rect = f'<rect class="{cls}" x="{x:g}" y="{y:g}" width="{layout.box_w}" height="{box_h}" rx="6"/>'
    return rect + _label(_lines(text, layout), x + layout.box_w / 2, y + box_h / 2)


def _diagram_id(kind: str, parts: list[str]) -> str:
    return kind + "-" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


def _svg(svg_id: str, layout: Layout, title: str, description: str, width: float, height: float, body: str) -> str:
    marker = (
        f'<defs><marker id="{svg_id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path class="diagram-arrowhead" d="M0,0 L10,5 L0,10 z"/>'
        f"</marker></defs>"
    )
    return (
        f'<svg class="diagram diagram--{layout.name}" width="{width:g}" height="{height:g}" '
        f'viewBox="0 0 {width:g} {height:g}" role="img" '
        f'aria-labelledby="{svg_id}-title {svg_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{svg_id}-title">{escape_attr(title)}</title>'
        f'<desc id="{svg_id}-desc">{escape_attr(description)}</desc>{marker}'
        + body + "</svg>"
    )


def _figure(svgs: list[str], title: str) -> str:
    # One line of raw HTML: safe inside lists and admonitions, where a blank line would end it.
    return f'<figure class="diagram-figure">{"".join(svgs)}<figcaption>{escape_attr(title)}</figcaption></figure>'


def _arrow(svg_id: str, points: list[tuple[float, float]]) -> str:
    coords = " ".join(f"{x:g},{y:g}" for x, y in points)
    return f'<polyline class="diagram-arrow" points="{coords}" marker-end="url(#{svg_id}-arrow)"/>'


def _flow(svg_id: str, steps: list[str], layout: Layout) -> tuple[float, float, str]:
    labels = [f"{n + 1}. {step}" for n, step in enumerate(steps)]
    box_w, box_h = layout.box_w, _box_h(labels, layout)
    rows = math.ceil(len(steps) / layout.per_row)
    columns = math.ceil(len(steps) / rows)  # balanced rows: 6 steps make two rows of three
    width = columns * box_w + (columns - 1) * layout.gap_x + 8
    height = rows * box_h + (rows - 1) * GAP_Y + 8
    body = []
    for n, label in enumerate(labels):
        row, col = divmod(n, columns)
        x, y = 4 + col * (box_w + layout.gap_x), 4 + row * (box_h + GAP_Y)
        body.append(_box(x, y, label, layout, box_h))
        if n + 1 < len(steps):
            if col + 1 < columns:
                body.append(_arrow(svg_id, [(x + box_w, y + box_h / 2), (x + box_w + layout.gap_x - 2, y + box_h / 2)]))
            elif columns == 1:
                body.append(_arrow(svg_id, [(x + box_w / 2, y + box_h), (x + box_w / 2, y + box_h + GAP_Y - 2)]))
            else:
                mid_y = y + box_h + GAP_Y / 2
                first_x = 4 + box_w / 2
                body.append(_arrow(svg_id, [(x + box_w / 2, y + box_h), (x + box_w / 2, mid_y), (first_x, mid_y),
                                    (first_x, y + box_h + GAP_Y - 2)]))
    return width, height, "".join(body)


@macro
def flow_diagram(ctx: Context, steps: list[str], title: str) -> str:
    """Steps in order, numbered: left to right in rows of at most four on a wide screen, one under
    the other on a narrow one."""
    if not steps:
        raise ValueError("flow_diagram needs at least one step")
    steps = [str(s) for s in steps]
    diagram_id = _diagram_id("flow", [title, *steps])
    description = "In order: " + "; then ".join(steps) + "."
    return _figure([_svg(f"{diagram_id}-{layout.name}", layout, title, description,
                         *_flow(f"{diagram_id}-{layout.name}", steps, layout)) for layout in LAYOUTS], title)


def _fanout(svg_id: str, source: str, targets: list[str], layout: Layout) -> tuple[float, float, str]:
    box_w, box_h = layout.box_w, _box_h([source, *targets], layout)
    gap = 16
    body = []
    if layout.per_row == 1:  # the source above, the targets in a column below, fed from its side
        width = box_w + 32 + 8
        body.append(_box(4, 4, source, layout, box_h, "diagram-source"))
        trunk_x = 4 + 16
        for n, target in enumerate(targets):
            y = 4 + (n + 1) * (box_h + gap)
            body.append(_box(4 + 32, y, target, layout, box_h))
            body.append(_arrow(svg_id, [(trunk_x, 4 + box_h), (trunk_x, y + box_h / 2), (4 + 32 - 2, y + box_h / 2)]))
        return width, 4 + (len(targets) + 1) * (box_h + gap) - gap + 4, "".join(body)
    if layout is PAPER and len(targets) < layout.per_row:
        return _fanout_row(svg_id, source, targets, layout, box_h)
    height = len(targets) * box_h + (len(targets) - 1) * gap + 8
    width = 2 * box_w + layout.fanout_gap + 8
    source_y = (height - box_h) / 2
    body.append(_box(4, source_y, source, layout, box_h, "diagram-source"))
    target_x = 4 + box_w + layout.fanout_gap
    for n, target in enumerate(targets):
        y = 4 + n * (box_h + gap)
        body.append(_box(target_x, y, target, layout, box_h))
        body.append(_arrow(svg_id, [(4 + box_w, source_y + box_h / 2), (target_x - 2, y + box_h / 2)]))
    return width, height, "".join(body)


def _fanout_row(svg_id: str, source: str, targets: list[str], layout: Layout, box_h: int) -> tuple[float, float, str]:
    """On paper: the source and its targets in one row, a line above them carrying the source's
    output down into each target. A column of targets as tall as on screen, shrunk to the sheet's
    30 mm, would print its text too small or push a revision sheet onto a third page."""
    box_w, gap_x, bus_y, top = layout.box_w, layout.gap_x, 10, 28
    width = (len(targets) + 1) * (box_w + gap_x) - gap_x + 8
    source_x = 4 + box_w / 2
    body = [_box(4, top, source, layout, box_h, "diagram-source")]
    for n, target in enumerate(targets, start=1):
        x = 4 + n * (box_w + gap_x)
        body.append(_box(x, top, target, layout, box_h))
        body.append(_arrow(svg_id, [(source_x, top), (source_x, bus_y), (x + box_w / 2, bus_y), (x + box_w / 2, top - 2)]))
    return width, top + box_h + 4, "".join(body)


@macro
def fanout_diagram(ctx: Context, source: str, targets: list[str], title: str) -> str:
    """One source feeding every target: on the left and right on a wide screen, above and below on
    a narrow one; on paper in one row when it fits."""
    if not targets:
        raise ValueError("fanout_diagram needs at least one target")
    targets = [str(t) for t in targets]
    source = str(source)
    diagram_id = _diagram_id("fanout", [title, source, *targets])
    description = f"{source} sends to each of: " + ", ".join(targets) + "."
    return _figure([_svg(f"{diagram_id}-{layout.name}", layout, title, description,
                         *_fanout(f"{diagram_id}-{layout.name}", source, targets, layout)) for layout in LAYOUTS], title)
