"""The table of PDFs on the Downloads page.

Pages and sizes are not known until the PDFs are made, after the site is
built: the table carries ``data-manifest-*`` placeholders that the PDF
build fills in from ``downloads/manifest.json``.
"""

from __future__ import annotations

from markupsafe import Markup

from ...downloads import OFFLINE_ZIP, catalogue
from .. import RenderContext, render


def downloads(ctx: RenderContext) -> Markup:
    """Render the table of every PDF, linked when the PDFs are built."""
    site_title = str(ctx.options.get("site_title", ""))
    items = catalogue(
        ctx.pack,
        ctx.strings,
        site_title,
        ctx.routes,
        ctx.options.get("hidden_urls", ()),
        ctx.options.get("printed", ()),
    )
    return render("downloads", ctx, downloads=items, pdfs=bool(ctx.options.get("pdfs")), offline_zip=OFFLINE_ZIP)
