"""A session plan: purpose, a timed agenda, room, preparation and notes."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ...schema import AgendaItem, ItemKind
from .. import RenderContext, render
from ..run_mode import run_link
from .printing import bundle_href, print_rows, set_size
from .timeline import Entry, Timeline, layout


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


@dataclass(frozen=True)
class AgendaTimeline:
    """The agenda's timeline: its items, drawing, accessible name and the legend's lines by number."""

    entries: tuple[Entry, ...]
    drawing: Timeline
    label: str
    legend: dict[int, str]


def agenda_timeline(ctx: RenderContext, rows: list[AgendaRow]) -> AgendaTimeline:
    """The timeline of ``rows``, in the site's words (timeline.py holds the geometry)."""
    t = ctx.strings
    entries = [
        Entry(
            title=row.item.title,
            minutes=row.item.minutes,
            lead=t(f"role.{row.item.lead.value}"),
            clock=ctx.clock(row.start),
            is_break=row.item.kind is ItemKind.BREAK,
        )
        for row in rows
    ]
    breaks = sum(entry.is_break for entry in entries)
    label = t(
        "timeline.label",
        items=t.plural("timeline.items", len(entries)),
        minutes=t.plural("timeline.minutes", sum(entry.minutes for entry in entries)),
        breaks=t.plural("timeline.breaks", breaks) if breaks else t("timeline.breaks.none"),
    )
    drawing = layout(entries)
    legend = {
        row.number: t("timeline.legend", number=row.number, **_words(entries[row.number - 1])) for row in drawing.legend
    }
    return AgendaTimeline(tuple(entries), drawing, label, legend)


def _words(entry: Entry) -> dict[str, str]:
    return {"clock": entry.clock, "title": entry.title, "lead": entry.lead}


def session_plan(ctx: RenderContext, session_id: str, level: int = 2) -> Markup:
    """Render the plan for ``session_id`` with its section headings at ``level``."""
    session = ctx.pack.item("session", session_id)
    cards = [ctx.pack.item("card", card_id) for card_id in session.cards_used]
    agenda = timed_agenda(list(session.agenda))
    return render(
        "session_plan",
        ctx,
        session=session,
        agenda=agenda,
        timeline=agenda_timeline(ctx, agenda),
        cards=cards,
        level=level,
        printing=print_rows(ctx, session),
        bundle=bundle_href(ctx, session),
        set_size=set_size(ctx),
        run=run_link(ctx),
    )
