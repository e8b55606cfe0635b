"""Where each card of the print-shop question deck goes on a sheet, front and back.

The numbers of the print-shop deck live here, and nowhere else: the card's
trimmed size, the bleed around it, the crop marks outside the bleed, and
the sheets it is imposed on. :func:`impose` works out, for a sheet size,
how many cards fit and where each one lands; documents.py writes the HTML
from that, and the stylesheet (``styles/print-shop.css``) only draws.

A back is placed behind its front for duplex printing flipped on the long
edge: the sheet turns over about its vertical centre line, so a card whose
front is ``x`` millimetres from the left edge has its back ``x`` from the
right edge (``x' = width - x - card width``), on the same line.
"""

from __future__ import annotations

from dataclasses import dataclass

#: One inch in millimetres.
INCH = 25.4

#: The trimmed card: the poker playing-card size (2.5 by 3.5 inches, 63.5
#: by 88.9 mm), laid landscape. Print shops cut, box and sleeve it as a
#: stock size, and it is the standard size closest to the cut-out deck's
#: cards (90 by 62 mm), so the same text fits at the same size.
CARD_WIDTH = 3.5 * INCH
CARD_HEIGHT = 2.5 * INCH
#: Background beyond the trim on every side, so a cut a little off leaves no white edge.
BLEED = 3.0
#: The gap between the bleeds of two cards side by side: none, so each
#: card's bleed meets its neighbour's and the cuts are two bleeds apart.
GUTTER = 2 * BLEED
#: The crop marks: hairlines on each trim line, starting this far outside
#: the bleed and this long, so no mark touches a card's printed area.
MARK_GAP = 1.0
MARK_LENGTH = 4.0
#: How thick each mark is drawn (0.25 pt).
MARK_WEIGHT = 0.25 * INCH / 72
#: What a desktop printer may leave unprinted at each edge; the marks stay inside it.
SHEET_EDGE = 4.0

#: The sheets the deck is imposed on, by name, in millimetres (portrait).
SHEETS = {"A4": (210.0, 297.0), "Letter": (8.5 * INCH, 11 * INCH)}


@dataclass(frozen=True)
class Box:
    """A rectangle on a sheet, in millimetres from its top-left corner."""

    x: float
    y: float
    width: float
    height: float

    def grown(self, by: float) -> Box:
        """The box with ``by`` added on every side (a card's trim grown by the bleed)."""
        return Box(self.x - by, self.y - by, self.width + 2 * by, self.height + 2 * by)


@dataclass(frozen=True)
class Slot:
    """One card's place on a sheet: its trimmed box on the front and on the back."""

    front: Box
    back: Box


@dataclass(frozen=True)
class Imposition:
    """How the deck lies on one size of sheet."""

    sheet: str
    width: float
    height: float
    columns: int
    rows: int
    #: Every place, row by row from the top, left to right on the fronts.
    slots: tuple[Slot, ...]

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def sheets_for(self, cards: int) -> int:
        """How many sheets hold ``cards`` cards (at least one)."""
        return max(1, -(-cards // self.per_sheet))

    def marks(self, used: int, back: bool = False) -> list[Box]:
        """The crop marks of a sheet whose first ``used`` places hold cards, as thin boxes.

        Each trim line of the cards on the sheet is marked beyond the block
        of cards, in the margin: the vertical lines above and below it, the
        horizontal lines to its left and right, each mark clear of every
        bleed. A guillotine cuts the whole sheet along each line.
        """
        boxes = [slot.back if back else slot.front for slot in self.slots[:used]]
        if not boxes:
            return []
        reach = BLEED + MARK_GAP
        top = min(box.y for box in boxes) - reach - MARK_LENGTH
        bottom = max(box.y + box.height for box in boxes) + reach
        left = min(box.x for box in boxes) - reach - MARK_LENGTH
        right = max(box.x + box.width for box in boxes) + reach
        half = MARK_WEIGHT / 2
        xs = sorted({round(edge, 6) for box in boxes for edge in (box.x, box.x + box.width)})
        ys = sorted({round(edge, 6) for box in boxes for edge in (box.y, box.y + box.height)})
        marks = [Box(x - half, y, MARK_WEIGHT, MARK_LENGTH) for x in xs for y in (top, bottom)]
        marks += [Box(x, y - half, MARK_LENGTH, MARK_WEIGHT) for y in ys for x in (left, right)]
        return marks

    def title_box(self) -> Box:
        """Where the first page prints the document's title: in the band of the marks above the first card.

        Between that card's two trim lines, so clear of every mark and
        every bleed, where print shops look for a job's name (the slug).
        """
        first = self.slots[0].front
        return Box(
            first.x + 2 * MARK_GAP,
            first.y - BLEED - MARK_GAP - MARK_LENGTH,
            first.width - 4 * MARK_GAP,
            MARK_LENGTH,
        )


def _fit(space: float, size: float) -> int:
    """How many cards of ``size`` fit across ``space``, with gutters, marks and the printer's edge around them."""
    margin = BLEED + MARK_GAP + MARK_LENGTH + SHEET_EDGE
    return int((space - 2 * margin + GUTTER) // (size + GUTTER))


def impose(sheet: str) -> Imposition:
    """The places of the cards on a portrait sheet (``A4`` or ``Letter``), the block centred on it."""
    width, height = SHEETS[sheet]
    columns, rows = _fit(width, CARD_WIDTH), _fit(height, CARD_HEIGHT)
    if columns < 1 or rows < 1:
        raise ValueError(f"a {CARD_WIDTH:g} by {CARD_HEIGHT:g} mm card with its bleed and marks does not fit {sheet}")
    left = (width - columns * CARD_WIDTH - (columns - 1) * GUTTER) / 2
    top = (height - rows * CARD_HEIGHT - (rows - 1) * GUTTER) / 2
    slots = []
    for row in range(rows):
        for column in range(columns):
            x = left + column * (CARD_WIDTH + GUTTER)
            y = top + row * (CARD_HEIGHT + GUTTER)
            front = Box(x, y, CARD_WIDTH, CARD_HEIGHT)
            # Flipped on the long edge: the same line, as far from the right edge as the front is from the left.
            back = Box(width - x - CARD_WIDTH, y, CARD_WIDTH, CARD_HEIGHT)
            slots.append(Slot(front, back))
    return Imposition(sheet, width, height, columns, rows, tuple(slots))


__all__ = [
    "BLEED",
    "CARD_HEIGHT",
    "CARD_WIDTH",
    "SHEETS",
    "Box",
    "Imposition",
    "Slot",
    "impose",
]
