"""The programme's figures, in one place: what pages quote about sets and meetings.

Some figures are written once, in ``pack/programme.yml`` (the set size, how
often a set meets, how long a cycle runs). The rest are counted from the
session plans, so they change when the plans do: how many meetings there
are, how many presenter slots, and what share of set-meeting time the slots
take. Pages quote them as ``{{ programme.set_size.min }}`` and so on, and
cannot drift from the plans.
"""

from __future__ import annotations

from typing import Any

from .loading import Pack
from .schema import SessionKind, SessionPlan


def main_sessions(pack: Pack) -> list[SessionPlan]:
    """The meetings of the cycle, in order: alternatives (such as online versions) left out."""
    return [session for session in pack.sessions.values() if session.alternative_to is None]


def figures(pack: Pack) -> dict[str, Any]:
    """Every figure a page may quote, as plain values."""
    programme = pack.programme
    assert programme is not None, "the pack was loaded without its programme file"
    meetings = main_sessions(pack)
    set_meetings = [session for session in meetings if session.kind is SessionKind.SET_MEETING]
    slot_items = [item for session in set_meetings for item in session.agenda if item.card == programme.slot_card]
    set_meeting_minutes = sum(session.length for session in set_meetings)
    slot_minutes = sum(item.minutes for item in slot_items)
    slot_card = pack.cards[programme.slot_card]
    return {
        "set_size": programme.set_size.model_dump(),
        "meets_every_weeks": programme.meets_every_weeks.model_dump(),
        "cycle_months": programme.cycle_months.model_dump(),
        "meetings": len(meetings),
        "set_meetings": len(set_meetings),
        "slots": len(slot_items),
        "slot_minutes": slot_card.duration.model_dump(),
        "slot_share": round(100 * slot_minutes / set_meeting_minutes) if set_meeting_minutes else 0,
        "presentations_each": len(slot_items) // programme.set_size.usual,
    }


__all__ = ["figures", "main_sessions"]
