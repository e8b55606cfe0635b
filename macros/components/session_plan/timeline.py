"""An agenda as a timeline: one block per item, its width in proportion to its minutes.

The same rules are written in JavaScript for the planner's printed agenda
(``overrides/assets/javascripts/timeline.js``), and
``tests/test_timeline.py`` feeds both the same items and checks that they
give the same blocks. Change one, change the other.

The drawing is 1000 units wide (its ``viewBox``), so it scales to the page.
A block shows its start time, its title (on up to three lines) and who
leads it (when there is a line left), when they fit at the font's estimated width; a block too narrow for
them shows its number, and the legend under the bar gives that number's
time, title and lead. Numbers are rounded to hundredths the same way in
both languages (half up), so the two agree to the digit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: The drawing's width, in its own units.
WIDTH = 1000
#: The font, named in the drawing: WeasyPrint draws an SVG as a document of its own, which takes no font from the page.
FAMILY = "Atkinson Hyperlegible, sans-serif"
#: The font size, in the drawing's units: 18 of 1000 is 8.9 pt across the PDF's 174 mm column.
FONT = 18
#: A character's estimated width, as a share of the font size: Atkinson Hyperlegible's
#: widest agenda title in the pack runs 0.50, its bold clock times 0.55.
CHAR = 0.55
#: Space between a block's edge and its text.
PAD = 6
#: From one line of a block's text to the next.
LINE = 22
#: The most lines a block's label takes, and the most of them its title may take.
LINES = 4
TITLE_LINES = 3
#: The bar's top and height (4 lines of text and the padding).
TOP = 1
BAR = 98
#: From one line of the legend to the next.
LEGEND_LINE = 26


@dataclass(frozen=True)
class Entry:
    """An agenda item as the timeline needs it: the caller's words and clock."""

    title: str
    minutes: int
    lead: str
    clock: str
    is_break: bool


@dataclass(frozen=True)
class Line:
    """A line of a block's label: its text, its baseline and what it is (clock, title or lead)."""

    text: str
    y: float
    role: str


@dataclass(frozen=True)
class Mark:
    """Where a block too narrow for its label shows its number (the centre of the text)."""

    x: float
    y: float


@dataclass(frozen=True)
class Block:
    """One item on the bar."""

    number: int
    x: float
    width: float
    is_break: bool
    text_x: float
    lines: tuple[Line, ...]
    mark: Mark | None


@dataclass(frozen=True)
class LegendRow:
    """A line of the legend, for a block that shows its number only."""

    number: int
    y: float


@dataclass(frozen=True)
class Timeline:
    """The whole drawing, in its own units."""

    width: int
    height: float
    bar: int
    family: str
    font: int
    blocks: tuple[Block, ...]
    legend: tuple[LegendRow, ...]


def rounded(value: float) -> float:
    """To hundredths, halves up: as ``Math.floor(value * 100 + 0.5) / 100`` in JavaScript."""
    return math.floor(value * 100 + 0.5) / 100


def measure(text: str) -> float:
    """The text's estimated width, in the drawing's units."""
    return len(text) * FONT * CHAR


def wrap(text: str, room: float) -> list[str] | None:
    """``text`` on at most ``TITLE_LINES`` lines of ``room`` units, broken between words, or None."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= room:
            current = candidate
        elif current and measure(word) <= room:
            lines.append(current)
            current = word
        else:
            return None
    lines.append(current)
    return lines if len(lines) <= TITLE_LINES else None


def layout(entries: list[Entry], *, legend_rows: bool = True) -> Timeline:
    """The blocks, labels and legend for ``entries``, in order.

    Without ``legend_rows`` the drawing has no legend, and a block's number
    keys to the row of a table that numbers its rows (the planner's agenda).
    """
    total = sum(entry.minutes for entry in entries) or 1
    blocks: list[Block] = []
    legend: list[LegendRow] = []
    start = 0
    for index, entry in enumerate(entries):
        x = rounded(start * WIDTH / total)
        width = rounded(rounded((start + entry.minutes) * WIDTH / total) - x)
        start += entry.minutes
        room = width - 2 * PAD
        title = wrap(entry.title, room)
        texts: list[tuple[str, str]] = []
        if title is not None and measure(entry.clock) <= room:
            texts = [(entry.clock, "clock"), *((line, "title") for line in title)]
            if len(texts) < LINES and measure(entry.lead) <= room:
                texts.append((entry.lead, "lead"))
        lines = tuple(Line(text, TOP + PAD + FONT - 3 + row * LINE, role) for row, (text, role) in enumerate(texts))
        mark = None
        if not lines:
            if legend_rows:
                legend.append(LegendRow(index + 1, TOP + BAR + 12 + FONT + len(legend) * LEGEND_LINE))
            if measure(str(index + 1)) <= width - 2:
                mark = Mark(rounded(x + width / 2), TOP + BAR / 2 + 6)
        blocks.append(Block(index + 1, x, width, entry.is_break, rounded(x + PAD), lines, mark))
    height = legend[-1].y + 8 if legend else TOP + BAR + 1
    return Timeline(WIDTH, height, BAR, FAMILY, FONT, tuple(blocks), tuple(legend))


def counts(entries: list[Entry]) -> tuple[int, int, int]:
    """The number of items, their minutes and the number of breaks, for the drawing's name."""
    return len(entries), sum(entry.minutes for entry in entries), sum(entry.is_break for entry in entries)
