"""The tool card: everything about one tool, as on its page and its handout."""

from __future__ import annotations

from markupsafe import Markup

from .. import RenderContext, render


def tool_card(ctx: RenderContext, card_id: str, level: int = 2, handout: bool | None = None) -> Markup:
    """Render the card ``card_id`` with its title at heading ``level`` (1 to 5).

    ``handout`` adds a 'Download handout' link; by default it follows
    ``ctx.options["pdfs"]``, which is on when the PDFs are built.
    """
    card = ctx.pack.item("card", card_id)
    if not 1 <= level <= 5:
        raise ValueError(f"level must be 1 to 5, got {level}")
    if handout is None:
        handout = bool(ctx.options.get("pdfs"))
    handout_url = ctx.url(ctx.routes.pdf("card", card.id)) if handout else None
    return render("tool_card", ctx, card=card, level=level, handout_url=handout_url)
