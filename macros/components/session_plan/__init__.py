"""A session plan: purpose, a timed agenda, room, preparation and notes."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...schema import AgendaItem
from .. import RenderContext, render
from ..run_mode import run_link
from .printing import bundle_href, print_rows, set_size


@dataclass(frozen=True)
class AgendaRow:
    """An agenda item with its start, in minutes from the start of the meeting."""

    start: int
    item: AgendaItem


def timed_agenda(items: list[AgendaItem]) -> list[AgendaRow]:
    rows: list[AgendaRow] = []
    start = 0
    for item in items:
        rows.append(AgendaRow(start, item))
        start += item.minutes
    return rows


def session_plan(ctx: RenderContext, session_id: str, level: int = 2) -> Markup:
    """Render the plan for ``session_id`` with its section headings at ``level``."""
    session = ctx.pack.item("session", session_id)
    cards = [ctx.pack.item("card", card_id) for card_id in session.cards_used]
    return render(
        "session_plan",
        ctx,
        session=session,
        agenda=timed_agenda(list(session.agenda)),
        cards=cards,
        level=level,
        printing=print_rows(ctx, session),
        bundle=bundle_href(ctx, session),
        set_size=set_size(ctx),
        run=run_link(ctx),
    )
