"""Run mode: a meeting's plan as a full-screen timer for the room.

The component writes the page's skeleton (every label, the keys, and the
session plans to run when the address holds no plan), so that the page
says what to do before the script runs and without JavaScript.
``overrides/assets/javascripts/run.js`` does the rest in the browser from
``api/pack.json``: it reads the plan from the address with the planner's
own ``plan-state.js``, and keeps the clock with the pure functions of
``run-clock.js``. Nothing leaves the browser.
"""

from __future__ import annotations

from markupsafe import Markup

from .. import RenderContext, render

#: The run page's address from the site root; session plans and the planner link to it.
RUN_PAGE = "run.html"
#: The planner's page, which the run page links back to.
PLANNER_PAGE = "planner.html"


def run_link(ctx: RenderContext) -> str | None:
    """The run page's address from the current page, or None when the site has no run page.

    A component example has no site, and links it.
    """
    known = ctx.options.get("page_urls")
    return ctx.url(RUN_PAGE) if known is None or RUN_PAGE in known else None


def run_mode(ctx: RenderContext) -> Markup:
    """Render run mode for the current page."""
    assets = ctx.site_root()
    known = ctx.options.get("page_urls")
    return render(
        "run_mode",
        ctx,
        data_url=assets + "api/pack.json",
        data_script=assets + "api/pack.js",
        assets=assets,
        sessions=list(ctx.pack.sessions.values()),
        planner=ctx.url(PLANNER_PAGE) if known is None or PLANNER_PAGE in known else None,
    )
