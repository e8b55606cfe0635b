"""Presenter slots in the cycle for each size of set, counted from the session plans.

For each size the plans say how to adapt for, the table shows which set
meetings split into two groups, how many presenter slots the cycle gives,
and how many turns that makes for each member, so the figures follow the
plans when they change.
"""

from __future__ import annotations

from markupsafe import Markup

from ...programme import main_sessions, slots_for
from ...schema import SessionKind
from .. import RenderContext, render


def set_sizes(ctx: RenderContext) -> Markup:
    """Render the table of set sizes, from the smallest to the largest the plans adapt for."""
    programme = ctx.pack.programme
    assert programme is not None
    meetings = [s for s in main_sessions(ctx.pack) if s.kind is SessionKind.SET_MEETING]
    rows = []
    for members in range(programme.adapts_for.min, programme.adapts_for.max + 1):
        slots = slots_for(ctx.pack, members)
        split = [s for s in meetings if s.groups_for(members) > 1]
        rows.append(
            {"members": members, "split": split, "slots": slots, "each": slots // members, "spare": slots % members}
        )
    return render("set_sizes", ctx, rows=rows)
