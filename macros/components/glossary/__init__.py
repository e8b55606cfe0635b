"""The glossary: every term the pack defines, in one list, each with an anchor.

A term is defined once, in ``pack/glossary/<id>.yml``. This component shows
them all on the glossary page; pages and cards link to a term with
``{{ term("id") }}`` rather than defining it again.
"""

from __future__ import annotations

from markupsafe import Markup

from .. import RenderContext, render


def glossary(ctx: RenderContext) -> Markup:
    """Render every glossary term, in alphabetical order, as a description list."""
    return render("glossary", ctx, terms=list(ctx.pack.terms.values()))
