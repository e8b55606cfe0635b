"""The session planner: pick tools or a session plan, get a timed agenda.

The component writes the page's skeleton (labels, the list of session plans
and stages) so that it reads well before the script runs and says what to
do without JavaScript. ``overrides/assets/javascripts/planner.js`` does the
rest in the browser from ``api/pack.json``, with the pure functions of
``plan-state.js``, ``plan-time.js`` and ``card-filter.js``; nothing leaves
the browser. The planner's limits (minutes, roles) reach the script through
pack.json's ``limits``, from :func:`planner_limits`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...schema import Minutes, Role, Stage
from .. import RenderContext, render
from ..run_mode import run_link
from ..tool_index import GROUP_SIZE, TIME_CHOICES, int_bounds

#: The shortest meeting the planner plans, in minutes (the longest is the
#: longest an item may take).
MEETING_MIN_MINUTES = 15


def planner_limits() -> dict[str, Any]:
    """What the planner allows, read from the schema; pack.json carries it as ``limits``.

    ``minutes``: an item's minutes; ``meeting_minutes``: the meeting's
    length; ``roles``: who can lead an item, in the schema's order.
    """
    minutes = int_bounds(Minutes)
    return {
        "minutes": minutes,
        "meeting_minutes": {"min": MEETING_MIN_MINUTES, "max": minutes["max"]},
        "roles": [role.value for role in Role],
    }


def session_planner(ctx: RenderContext) -> Markup:
    """Render the planner for the current page."""
    assets = ctx.site_root()
    stages = [stage for stage in Stage if any(stage in card.stages for card in ctx.pack.cards.values())]
    return render(
        "session_planner",
        ctx,
        data_url=assets + "api/pack.json",
        data_script=assets + "api/pack.js",
        assets=assets,
        sessions=list(ctx.pack.sessions.values()),
        stages=stages,
        times=TIME_CHOICES,
        size=GROUP_SIZE,
        limits=planner_limits(),
        run=run_link(ctx),
    )
