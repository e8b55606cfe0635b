"""A form or template: fields, open questions with space to write, and ratings.

On the site, readers can type into it and print it. In its PDF the same
inputs become real form fields (WeasyPrint's ``pdf_forms``), so the PDF can
be filled in on screen or printed and written on.
"""

from __future__ import annotations

from markupsafe import Markup

from .. import RenderContext, render


def form(ctx: RenderContext, form_id: str, level: int = 2, introduction: bool = True) -> Markup:
    """Render the form ``form_id`` with its section headings at ``level``."""
    item = ctx.pack.item("form", form_id)
    return render("form", ctx, form=item, level=level, introduction=introduction)
