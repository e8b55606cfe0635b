"""After the PDF step: check the links the site's pages make to the PDFs.

The site's own link check (in the site build) has checked every other link
already, and leaves out the downloads folder, whose files do not exist
until this step makes them. This checks only what it left out: every link
from a page to a PDF in the downloads folder must lead to a PDF this step
made.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from site_html import page_links

from .html_tools import site_path
from .site import BuiltSite


def missing_pdfs(site: BuiltSite) -> list[str]:
    """Every link from a page to a PDF in the downloads folder that is not there, naming the page and the file."""
    folder = site.downloads_dir.relative_to(site.root).as_posix() + "/"
    problems = []
    for path in sorted(site.root.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if ".pdf" not in text:
            continue  # most pages link to no PDF
        url = path.relative_to(site.root).as_posix()
        for target, line in page_links(text).links:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue  # not a file of this site (the site's check refuses links from the root)
            resolved = site_path(url, parts.path)
            if resolved.startswith(folder) and resolved.endswith(".pdf") and not (site.root / resolved).is_file():
                source = site.source_of(url)
                written = f", written in {source}" if source else ""
                problems.append(
                    f"site/{url} (line {line}{written}): the link '{target}' points to {resolved}, "
                    "which the PDF step did not make; link only to a PDF the Downloads page lists"
                )
    return problems
