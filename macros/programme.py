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

from .pack import Pack
from .schema import SessionKind, SessionPlan


def main_sessions(pack: Pack) -> list[SessionPlan]:
    """The meetings of the cycle, in order: alternatives (such as online versions) left out."""
    return [session for session in pack.sessions.values() if session.alternative_to is None]


def slots_for(pack: Pack, members: int) -> int:
    """How many presenter slots the set meetings give a set of ``members`` (split meetings count twice)."""
    total = 0
    for session in main_sessions(pack):
        if session.kind is SessionKind.SET_MEETING:
            slots = len({item.slot for item in session.agenda if item.slot is not None})
            total += slots * session.groups_for(members)
    return total


def figures(pack: Pack) -> dict[str, Any]:
    """Every figure a page may quote, as plain values."""
    programme = pack.programme
    assert programme is not None, "the pack was loaded without its programme file"
    meetings = main_sessions(pack)
    set_meetings = [session for session in meetings if session.kind is SessionKind.SET_MEETING]
    set_meeting_minutes = sum(session.length for session in set_meetings)
    slot_minutes = sum(item.minutes for session in set_meetings for item in session.agenda if item.slot is not None)
    usual = programme.set_size.usual
    slot_card = pack.cards[programme.slot_card]
    return {
        "set_size": programme.set_size.model_dump(),
        "adapts_for": programme.adapts_for.model_dump(),
        "meets_every_weeks": programme.meets_every_weeks.model_dump(),
        "cycle_months": programme.cycle_months.model_dump(),
        "meetings": len(meetings),
        #: Meetings that members come to (all but the sponsor briefing).
        "member_meetings": len([session for session in meetings if session.kind is not SessionKind.SPONSOR_BRIEFING]),
        "set_meetings": len(set_meetings),
        #: Presenter slots in the cycle for a set of the usual size.
        "slots": slots_for(pack, usual),
        "slot_minutes": slot_card.duration.model_dump(),
        #: The share of set-meeting time that presenter slots take, in per cent.
        "slot_share": round(100 * slot_minutes / set_meeting_minutes) if set_meeting_minutes else 0,
        #: How many times every member of a set of the usual size presents, at least.
        "presentations_each": slots_for(pack, usual) // usual,
    }


__all__ = ["figures", "main_sessions", "slots_for"]
