"""A question bank, whole or one category of it."""

from __future__ import annotations

from markupsafe import Markup

from ...pack import UnknownIdError
from .. import RenderContext, render


def question_bank(
    ctx: RenderContext,
    bank_id: str,
    category: str | None = None,
    level: int = 2,
    introduction: bool = False,
) -> Markup:
    """Render the questions of ``bank_id``, grouped by category.

    Each category's heading is at ``level``; ``category`` limits the output to
    one category, and ``introduction`` adds the bank's introduction first.
    """
    bank = ctx.pack.item("bank", bank_id)
    categories = list(bank.categories)
    if category is not None:
        categories = [c for c in categories if c.id == category]
        if not categories:
            raise UnknownIdError(f"category in the bank '{bank.id}'", category, [c.id for c in bank.categories])
    return render("question_bank", ctx, bank=bank, categories=categories, level=level, introduction=introduction)
