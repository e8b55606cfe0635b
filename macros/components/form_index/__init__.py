"""The index of forms and templates: a grid of tiles, in the style of the tool index."""

from __future__ import annotations

from markupsafe import Markup

from ...schema import FormKind
from .. import RenderContext, choice, heading_level, render


def form_index(ctx: RenderContext, kind: str | None = None, level: int = 3) -> Markup:
    """Render a tile for every form and template: its kind and who uses it.

    ``kind`` (``form`` or ``template``) limits it to one kind; each tile's heading is at ``level``.
    """
    forms = list(ctx.pack.forms.values())
    if kind is not None:
        wanted = choice(FormKind, kind, "kind")
        forms = [form for form in forms if form.kind is wanted]
    return render("form_index", ctx, forms=forms, level=heading_level(level))
