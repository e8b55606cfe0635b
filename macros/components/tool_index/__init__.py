"""The index of tool cards: a grid of tiles, filterable with JavaScript.

Without JavaScript the grid lists every card (or those chosen by the macro's
arguments). ``overrides/assets/javascripts/tool-index.js`` reveals the filter
form and hides the tiles that do not match (with ``card-filter.js``, as the
planner does); each tile carries its facts in ``data-`` attributes so the
script needs no other data. The filter fields come from ``card_filters.html``,
shared with the planner, and the tile from ``tiles.html``, shared with the
indexes of banks and forms.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from pydantic import TypeAdapter

from ...schema import People, Problem, SessionKind, Stage
from .. import RenderContext, choice, heading_level, render

#: Choices for 'time you have', in minutes.
TIME_CHOICES = (10, 15, 20, 30, 45, 60, 90)


def int_bounds(annotation: Any) -> dict[str, int]:
    """The smallest and largest value an integer type of the schema allows, such as ``Minutes``."""
    schema = TypeAdapter(annotation).json_schema()
    low = schema["minimum"] if "minimum" in schema else schema["exclusiveMinimum"] + 1
    high = schema["maximum"] if "maximum" in schema else schema["exclusiveMaximum"] - 1
    return {"min": low, "max": high}


#: The group sizes the 'people in the group' filter takes: those a card may give.
GROUP_SIZE = int_bounds(People)


def tool_index(
    ctx: RenderContext,
    stage: str | None = None,
    session: str | None = None,
    id: str = "tool-index",  # noqa: A002 - the HTML attribute's name
    level: int = 3,
) -> Markup:
    """Render the index of cards.

    ``stage`` or ``session`` (values as in the card files) limit it to the
    cards for one stage or one kind of session; each tile's heading is at ``level``.
    """
    cards = list(ctx.pack.cards.values())
    if stage is not None:
        wanted_stage = choice(Stage, stage, "stage")
        cards = [card for card in cards if wanted_stage in card.stages]
    if session is not None:
        wanted_kind = choice(SessionKind, session, "session")
        cards = [card for card in cards if wanted_kind in card.sessions]
    stages = [s for s in Stage if any(s in card.stages for card in cards)]
    problems = [p for p in Problem if any(p in card.problems for card in cards)]
    return render(
        "tool_index",
        ctx,
        cards=cards,
        stages=stages,
        problems=problems,
        times=TIME_CHOICES,
        size=GROUP_SIZE,
        id=id,
        level=heading_level(level),
    )
