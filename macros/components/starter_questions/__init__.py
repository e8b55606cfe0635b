"""The starter questions: the few open questions marked ``starter: true``, for new members.

They come from the open question banks, in the banks' order, grouped by
category; the page that shows them also prints as a one-page sheet.
"""

from __future__ import annotations

from markupsafe import Markup

from ...schema import BankKind
from .. import RenderContext, render


def starter_questions(ctx: RenderContext, level: int = 2) -> Markup:
    """Render every starter question, grouped by category, with headings at ``level``."""
    groups = []
    for bank in ctx.pack.banks.values():
        if bank.kind is not BankKind.OPEN:
            continue
        for category in bank.categories:
            questions = [q for q in bank.questions if q.category == category.id and q.starter]
            if questions:
                groups.append((bank, category, questions))
    return render("starter_questions", ctx, groups=groups, level=level)
