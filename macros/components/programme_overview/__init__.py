"""The programme at a glance: every session in order, with its length."""

from __future__ import annotations

from markupsafe import Markup

from .. import RenderContext, render


def programme_overview(ctx: RenderContext) -> Markup:
    """Render a table of every session plan, in programme order."""
    return render("programme_overview", ctx, sessions=list(ctx.pack.sessions.values()))
