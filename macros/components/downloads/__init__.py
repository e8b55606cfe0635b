"""The table of PDFs on the Downloads page.

Pages and sizes are not known until the PDFs are made, after the site is
built: the table carries ``data-manifest-*`` placeholders that the PDF
build fills in from ``downloads/manifest.json``.
"""

from __future__ import annotations

from markupsafe import Markup

from ...downloads import OFFLINE_ZIP, USES, VERSIONS, Download, catalogue
from .. import RenderContext, render

#: The pages for a fork's editors, listed with the downloads for adapting: (URL, title and text in the strings).
ADAPTING_PAGES = (
    ("adapting.html", "downloads.adapting_title", "downloads.adapting_how"),
    ("adapting-fields.html", "downloads.fields_title", "downloads.fields_how"),
)


def downloads(ctx: RenderContext) -> Markup:
    """Render every PDF, grouped by who or what it is for, each linked when the PDFs are built."""
    site_title = str(ctx.options.get("site_title", ""))
    items = catalogue(
        ctx.pack,
        ctx.strings,
        site_title,
        ctx.routes,
        ctx.options.get("hidden_urls", ()),
        ctx.options.get("printed", ()),
    )
    # The site's pages, when it is a site (a component example has none, and shows every page).
    known = ctx.options.get("page_urls")
    pages = [page for page in ADAPTING_PAGES if known is None or page[0] in known]
    # Another version of a document (large print, Word...) is shown beside it, not in a row of its own.
    versions: dict[str, list[Download]] = {}
    for item in items:
        if item.version_of:
            versions.setdefault(item.version_of, []).append(item)
    items = [item for item in items if not item.version_of]
    groups = [(use, [item for item in items if item.use == use]) for use in USES]
    groups = [(use, group) for use, group in groups if group or (use == "adapting" and pages)]
    return render(
        "downloads",
        ctx,
        groups=groups,
        pdfs=bool(ctx.options.get("pdfs")),
        offline_zip=OFFLINE_ZIP,
        adapting_pages=pages,
        versions={file: _labelled(sorted(found, key=_version_order), ctx) for file, found in versions.items()},
    )


def _labelled(found: list[Download], ctx: RenderContext) -> list[tuple[Download, str]]:
    """Each version with the words of its link.

    The words are the version's name ("Large print"), or the file's own title where the document
    has two of one version (the print-shop cards on A4 and on US Letter).
    """
    names = [item.version for item in found]
    return [
        (item, item.title if names.count(item.version) > 1 else ctx.strings(f"downloads.version.{item.version}"))
        for item in found
    ]


def _version_order(item: Download) -> tuple[int, str]:
    """Versions in the order of downloads.VERSIONS, then by file (A4 before US Letter, say)."""
    return VERSIONS.index(item.version) if item.version in VERSIONS else len(VERSIONS), item.file
