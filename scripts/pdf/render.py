"""Render one document to PDF with WeasyPrint: tagged, offline, strict.

- Only files inside the built site, and ``data:`` URLs, may be fetched; any
  other URL stops the render with a message naming the URL and the PDF.
- Any warning from WeasyPrint fails the render: a warning in a print build
  is a bug (a missing glyph, an unsupported property, an image that did not
  load).
- PDFs are tagged for accessibility (PDF/UA-1), carry the document's
  language and title, and take their dates from the edition, not the clock.
"""

from __future__ import annotations

import gc
import io
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint import __version__ as weasyprint_version
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from . import memory, speedups, tagging
from .documents import CHAPTER_ANCHOR, Document
from .site import BuiltSite

speedups.install()
tagging.install()

STYLES_DIR = Path(__file__).parent / "styles"
RENDER_OPTIONS = {"pdf_variant": "pdf/ua-1", "presentational_hints": True, "optimize_images": True}


class RenderError(Exception):
    """A PDF could not be made cleanly; the message names it and says why."""


class SiteOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
    """Fetch only files inside the site and ``data:`` URLs."""

    def __init__(self, site_root: Path, document: str) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.site_root = site_root.resolve()
        self.document = document

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if path.is_relative_to(self.site_root):
                if not path.is_file():
                    raise FatalURLFetchingError(
                        f"{self.document}: {path.relative_to(self.site_root)} is not in the site"
                    )
                return super().fetch(url, headers)
        refusal = FatalURLFetchingError(
            f"{self.document}: refused to fetch {url}; PDFs may use only files inside the site. "
            "Put the file in docs/ and link to it there"
        )
        refusal.url = url
        raise refusal


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def identity_css(site: BuiltSite) -> str:
    """Brand colours, paper size and translated page labels, as CSS."""
    identity = site.identity
    size = "A4" if identity.get("paper", "A4") == "A4" else "letter"
    label = site.t("pdf.page_x_of_y", page="\x00", pages="\x01")
    before, _, rest = label.partition("\x00")
    middle, _, after = rest.partition("\x01")

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    footer = " ".join(
        part
        for part in (
            quoted(before) if before else "",
            "counter(page)",
            quoted(middle) if middle else "",
            "counter(pages)",
            quoted(after) if after else "",
        )
        if part
    )
    return (
        f":root {{ --brand-primary: {identity['colours']['primary']}; "
        f"--brand-accent: {identity['colours']['accent']}; }}\n"
        f"html {{ string-set: doc-title {quoted(site.title)}; }}\n"
        f"@page {{ size: {size};\n"
        f"  @bottom-right {{ content: {footer}; font: 8.5pt var(--font-body); color: var(--muted); }}\n"
        "}\n"
        f"@page cover {{ background: {identity['colours']['primary']}; @bottom-right {{ content: none; }} }}\n"
    )


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    seconds: float
    #: The page (from 0) where each anchor of a combined document first
    #: appears (only anchors inside whole pages: see documents.page_id).
    anchor_pages: dict[str, int] = field(default_factory=dict)


def render(document: Document, site: BuiltSite) -> Rendered:
    """Make ``document`` into a PDF; raise :class:`RenderError` on any problem."""
    started = time.monotonic()
    fetcher = SiteOnlyFetcher(site.root, document.filename)
    base_url = site.root.resolve().as_uri() + "/"
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    fonts = FontConfiguration()
    # WeasyPrint makes millions of short-lived objects; collecting the young
    # generation less often saves about a tenth of the time on a large pack
    # for a few per cent more memory. Restored afterwards.
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        sources = [(STYLES_DIR / name).read_text(encoding="utf-8") for name in document.styles]
        sources.append(identity_css(site))
        if document.extra_css:
            sources.append(document.extra_css)
        stylesheets = [CSS(string=text, base_url=base_url, url_fetcher=fetcher, font_config=fonts) for text in sources]
        html = HTML(string=document.full_html(site), base_url=base_url, url_fetcher=fetcher)
        rendered = html.render(stylesheets=stylesheets, font_config=fonts, **_options(document))
        buffer = io.BytesIO()
        rendered.write_pdf(buffer, **_options(document))
    except FatalURLFetchingError as error:
        url = getattr(error, "url", "")
        page = document.page_holding(url) if url else None
        where = f" (from the page {page})" if page else ""
        raise RenderError(f"{error}{where}") from None
    finally:
        gc.set_threshold(*thresholds)
        logger.removeHandler(collect)
    if collect.messages:
        listed = "; ".join(dict.fromkeys(collect.messages))
        raise RenderError(f"{document.filename}: WeasyPrint warned: {listed}")
    pages = len(rendered.pages)
    # An element that runs over several pages has its anchor on each; it starts on the first.
    anchor_pages: dict[str, int] = {}
    for number, page in enumerate(rendered.pages):
        for name in page.anchors:
            if name.startswith(CHAPTER_ANCHOR):
                anchor_pages.setdefault(name, number)
    del rendered, html
    if pages >= _LARGE:
        memory.give_back()
    return Rendered(buffer.getvalue(), pages, time.monotonic() - started, anchor_pages)


#: After a document of this many pages, a worker hands its freed memory back,
#: so that an idle worker does not sit on a large render's peak.
_LARGE = 50


def render_in_worker(document: Document, site_root: str) -> Rendered:
    """:func:`render`, given what can be sent to a worker process."""
    return render(document, BuiltSite(Path(site_root)))


def _options(document: Document) -> dict[str, object]:
    return {**RENDER_OPTIONS, "pdf_forms": document.forms}


__all__ = [
    "RENDER_OPTIONS",
    "STYLES_DIR",
    "RenderError",
    "Rendered",
    "identity_css",
    "render",
    "render_in_worker",
    "weasyprint_version",
]
