"""The session planner: pick tools or a session plan, get a timed agenda.

The component writes the page's skeleton (labels, the list of session plans
and stages) so that it reads well before the script runs and says what to
do without JavaScript. ``overrides/assets/javascripts/planner.js`` does the
rest in the browser from ``api/pack.json``; nothing leaves the browser.
"""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from ...schema import Stage
from .. import RenderContext, render
from ..tool_index import TIME_CHOICES


def session_planner(ctx: RenderContext) -> Markup:
    """Render the planner for the current page."""
    root = posixpath.relpath(".", posixpath.dirname(ctx.page_url) or ".")
    assets = "" if root == "." else root + "/"
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
    )
