"""The index of question banks: a grid of tiles, in the style of the tool index."""

from __future__ import annotations

from markupsafe import Markup

from .. import RenderContext, heading_level, render


def bank_index(ctx: RenderContext, level: int = 3) -> Markup:
    """Render a tile for every question bank: its kind, its groups of questions and how many it holds.

    Each tile's heading is at ``level``.
    """
    banks = list(ctx.pack.banks.values())
    return render("bank_index", ctx, banks=banks, level=heading_level(level))
