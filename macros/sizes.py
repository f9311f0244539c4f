"""Pure functions: how tall a part of a long page will be on screen, estimated at build time: a
section of the limits index, and on phones a table of the exam guide and a practice question.

Those pages are long, so the browser draws each part only when it nears the screen
(`content-visibility: auto` in extra.css) and reserves this height for it until then. A
placeholder of the wrong height makes the page jump as the reader scrolls; a right one keeps the
saving (a third of the page's style and layout work on a phone) without the jump. Once a section
has been drawn, the browser remembers its real height (`auto`).

Two layouts are estimated, both in rem so that they follow the reader's font size:

- wide: the three-column table in the fixed content column of a desktop screen (76.25em and
  wider, where the column is always 34.4rem); the table has fixed column widths (extra.css);
- narrow: the card layout of phones (extra.css, below 45em), estimated for a 390 px wide screen.

Text widths use the advance widths of Arial, whose metrics Helvetica, Liberation Sans and Arimo
share: the first fonts of Material's system font stack on most machines. The constants below match
the rules in extra.css; tests/test_layout.py checks in a browser that the page does not jump.
"""

from __future__ import annotations

from typing import Iterable

# Advance widths in thousandths of an em (Arial regular); other characters count as 556.
_WIDTHS = {" ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191, "(": 333,
           ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278, ":": 278, ";": 278,
           "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015, "[": 278, "]": 278, "_": 556, "{": 334,
           "|": 260, "}": 334, "~": 584, "\u00a0": 278}
_WIDTHS.update(dict.fromkeys("0123456789", 556))
_WIDTHS.update(zip("abcdefghijklmnopqrstuvwxyz",
                   [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556,
                    333, 500, 278, 556, 500, 722, 500, 500, 500]))
_WIDTHS.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778,
                    722, 667, 611, 722, 667, 944, 667, 667, 611]))
BOLD = 1.08  # bold text is about this much wider

REM = 20.0              # px in a rem at the default font size (Material sets 125 %)
FONT = 0.64 * REM       # table text (extra.css: table.data-table font-size .64rem)
LINE = 1.6 * FONT       # Material's line height in tables
PAD_Y = 0.9375 * FONT   # cell padding, top and bottom (wide layout)
PAD_X = 0.75 * FONT     # cell padding, left and right (wide layout)

# Wide layout: the content column is 34.4rem; the index table fills it, with fixed columns.
WIDE_TABLE = 34.4 * REM
WIDE_TYPE = 7.5 * FONT                       # the Type column (extra.css)
WIDE_VALUE = 0.46 * WIDE_TABLE                 # the Value column: 46 % of the table
WIDE_NAME = WIDE_TABLE - WIDE_TYPE - WIDE_VALUE

# Narrow layout: cards as wide as the screen less Material's .8rem gutters, on a 390 px screen.
NARROW_SCREEN = 390
CARD = NARROW_SCREEN - 1.6 * REM
CARD_PAD_X = 0.8 * FONT   # cell padding in a card (extra.css)
CARD_PAD_Y = 0.4 * FONT
CARD_GAP = 0.8 * FONT     # space between cards

# Around the table: the service title (30 px: 20 px text, line height 1.5) with its 32 px top margin,
# 16 px between title and table, and the wrapper's bottom margins (16 + 8 px): 102 px, as measured
# in Chromium. Around the cards, 93 px (the last card's margin replaces the wrapper's inner one).
SURROUND_WIDE = 102.0
SURROUND_NARROW = 93.0


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in px of `text` set at `size` px."""
    width = sum(_WIDTHS.get(c, 556) for c in text) * size / 1000
    return width * BOLD if bold else width


def wrapped_lines(text: str, width: float, size: float = FONT, first_indent: float = 0.0) -> int:
    """Lines `text` takes in a box `width` px wide, breaking at spaces (and inside a word longer
    than a line, as `overflow-wrap: anywhere` does). `first_indent`: px already used on line one."""
    space = text_width(" ", size)
    lines, used = 1, first_indent
    for word in text.split():
        w = text_width(word, size)
        if used and used + space + w > width:
            lines, used = lines + 1, 0.0
        if used:
            used += space
        while w > width:  # a word wider than the box breaks where it must
            lines, w = lines + 1, w - width
        used += w
    return lines


def wide_height(rows: Iterable[tuple[str, str, str]]) -> float:
    """Height in rem of an index section in the wide layout: (name, value, type) per row."""
    header = 2 * PAD_Y + LINE + 2  # the header row and the table's borders
    body = sum(
        2 * PAD_Y + 1 + LINE * max(wrapped_lines(name, WIDE_NAME - 2 * PAD_X),
                                   wrapped_lines(value, WIDE_VALUE - 2 * PAD_X),
                                   wrapped_lines(kind, WIDE_TYPE - 2 * PAD_X))
        for name, value, kind in rows
    )
    return (SURROUND_WIDE + header + body) / REM


def narrow_height(rows: Iterable[tuple[str, str, str]], labels: tuple[str, str, str]) -> float:
    """Height in rem of an index section in the card layout: one card per row, each cell one
    line or more after its bold label."""
    inner = CARD - 2 * CARD_PAD_X
    total = 0.0
    for row in rows:
        lines = sum(
            wrapped_lines(text, inner, first_indent=text_width(f"{label}: ", FONT, bold=True))
            for label, text in zip(labels, row)
        )
        # a card's border, and a rule between its cells
        total += CARD_GAP + 2 + (len(labels) - 1) + len(labels) * 2 * CARD_PAD_Y + LINE * lines
    return (SURROUND_NARROW + total) / REM


def rem(value: float) -> str:
    """`12.35rem`: a length for a data attribute (to a twentieth of a rem, 1 px)."""
    return f"{round(value * 20) / 20:g}rem"


# Cards of the exam guide's tables (macros/guide.py), estimated like the index's on a 390 px phone.
# A cell of section links sets each link on a line of its own as an inline block with .15rem of
# padding above and below (`.taught-in a` in extra.css), and an inline block never splits across
# lines: a first link too wide to follow its label starts the next line.
LINK_PAD_Y = 0.15 * REM
SURROUND_CARDS = 31.0   # the table wrapper's margins, kept inside the box that is skipped (its
                        # containment stops them collapsing), as measured in Chromium


def cards_height(rows: Iterable[list[list[str]]], labels: tuple[str, ...], link_columns: frozenset[int] = frozenset()) -> float:
    """Height in rem of a table in the card layout. A row is its cells; a cell is its lines: one
    for text, one per link in a column of section links (`link_columns`)."""
    inner = CARD - 2 * CARD_PAD_X
    total = 0.0
    for row in rows:
        height = 0.0
        for column, (label, lines) in enumerate(zip(labels, row)):
            indent = text_width(f"{label}: ", FONT, bold=True)
            if column not in link_columns:
                height += LINE * wrapped_lines(" ".join(lines), inner, first_indent=indent)
                continue
            for number, text in enumerate(lines):
                if number == 0 and text_width(text, FONT) > inner - indent:
                    height += LINE  # the label alone on its line
                height += 2 * LINK_PAD_Y + LINE * wrapped_lines(text, inner)
        total += CARD_GAP + 2 + (len(labels) - 1) + len(labels) * 2 * CARD_PAD_Y + height
    return (SURROUND_CARDS + total) / REM


# Practice questions (macros/practice.py) on a 390 px phone: Material's body text (.8rem, line
# height 1.6) in a box with a 1px border and 1em of padding; each option's text beside its radio
# button (13 px) after a gap of .5em, inside .3em of padding (extra.css).
BODY = 0.8 * REM
BODY_LINE = 1.6 * BODY
META = 0.8 * BODY                 # the question's number, task and services (.practice-meta)
META_LINE = 1.6 * META
STEM_WIDTH = CARD - 2 - 2 * BODY
OPTION_WIDTH = STEM_WIDTH - 2 * 0.3 * BODY - 13 - 0.5 * BODY
# The rest, as measured in Chromium: the box's border and padding, the actions under it (its
# button), the closed explanations and the margins between; and each option's padding and margin.
QUESTION_FIXED = 172.8
QUESTION_PER_OPTION = 12.8


def question_height(meta: str, stem: str, options: list[str]) -> float:
    """Height in rem of a practice question, not yet answered, on a phone."""
    lines = wrapped_lines(stem, STEM_WIDTH, BODY) + sum(wrapped_lines(o, OPTION_WIDTH, BODY) for o in options)
    height = (QUESTION_FIXED + QUESTION_PER_OPTION * len(options) + META_LINE * wrapped_lines(meta, STEM_WIDTH, META)
              + BODY_LINE * lines)
    return height / REM
