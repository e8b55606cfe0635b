"""Render one document to PDF with WeasyPrint: tagged, offline, strict.

- Only files inside the built site, and ``data:`` URLs, may be fetched; any
  other URL stops the render with a message naming the URL and the PDF.
- A warning from WeasyPrint fails the render, named by the page it came
  from and with what to do (see :func:`engine_messages`): a warning in a
  print build is most often a bug (a misspelt property, a link to nowhere,
  an image that did not load). The one kind known to be harmless is noted
  in the build's output instead.
- PDFs are tagged for accessibility (PDF/UA-1), carry the document's
  language and title, and take their dates from the edition, not the clock.
"""

from __future__ import annotations

import gc
import io
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint import __version__ as weasyprint_version
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

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
                if path.suffix == ".woff2":
                    return URLFetcherResponse(url, speedups.unpacked_font(path), {"Content-Type": "font/ttf"})
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
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


#: WeasyPrint's words for a property it dropped (css/tokens.py and css/validation).
_IGNORED_WITH_VARIABLE = "Ignored `%s: %s` at %d:%d, %s."
_IGNORED = "Ignored `%s:%s` at %d:%d, %s."
_TWICE = "Anchor defined twice: %r"
_NO_ANCHOR = "No anchor #%s for internal URI reference"
_IMAGE = "Failed to load image at %r: %s"
_NO_ALT = 'Image "%s" has no required alt description'


@dataclass(frozen=True)
class EngineMessages:
    """What WeasyPrint said about one document, each message naming its page and saying what to do."""

    #: Harmless: the PDF is as it should be. Shown in the build's output.
    notes: tuple[str, ...]
    #: Real problems: the render fails with these.
    problems: tuple[str, ...]


def engine_messages(records: list[logging.LogRecord], document: Document, site: BuiltSite) -> EngineMessages:
    """Sort WeasyPrint's warnings and errors into harmless notes and real problems, each explained.

    Harmless is only this: a property in a page's own ``style`` attribute
    whose ``var()`` has no value and no fallback, such as ``color:
    var(--md-accent-fg-color)`` written for the site's theme, whose variables
    print does not have. WeasyPrint reports it as "Ignored `color: ` ..., no
    value" (a value that is empty once its variable is put in), drops the
    property, as a browser does, and the element prints in the print styles'
    colour: nothing on the page is lost. It counts as harmless only when a
    page's style attribute does set that property with var(); from our own
    stylesheets the same message is a bug (a variable we forgot to define).

    Everything else is a real problem, since it changes what is printed: a
    property WeasyPrint does not know or cannot use (often a misspelling),
    an anchor defined twice (a link may land on the wrong one), a link to an
    anchor that is not there, an image that did not load or has no alt text,
    and any message we do not know, which is named as WeasyPrint's.
    """
    notes: list[str] = []
    problems: list[str] = []
    for record in records:
        template = str(record.msg)
        args = record.args if isinstance(record.args, tuple) else ()
        harmless, text = _explain(template, args, record.getMessage(), document, site)
        (notes if harmless else problems).append(f"{document.filename}: {text}")
    return EngineMessages(tuple(dict.fromkeys(notes)), tuple(dict.fromkeys(problems)))


def _explain(
    template: str, args: tuple[object, ...], text: str, document: Document, site: BuiltSite
) -> tuple[bool, str]:
    """Whether a message is harmless, and the message: where it comes from and what to do."""
    if template in (_IGNORED_WITH_VARIABLE, _IGNORED) and len(args) == 5:
        prop, value, reason = str(args[0]), str(args[1]).strip(), str(args[4])
        unresolved = template == _IGNORED_WITH_VARIABLE and not value
        setting = (unresolved and _style_attribute(document.body, prop, True)) or _style_attribute(
            document.body, prop, False
        )
        where = _where(document, site, setting.start() if setting else None)
        if setting is None:
            return False, (
                f"WeasyPrint warned: {text} This is in the print styles (scripts/pdf/styles/), not a page: "
                "it is a bug in scripts/pdf; please report it"
            )
        if unresolved and "var(" in setting.group(0):
            return True, (
                f"note: a style{where} sets {prop} with var(), and the variable has no value in print, "
                "so the PDF uses the print styles' own; nothing to do, unless you want it in print too "
                f"(then give var() a fallback: var(--name, value)). WeasyPrint said: {text}"
            )
        if reason == "unknown property":
            advice = f"{prop} is not a CSS property WeasyPrint knows (is it misspelt?); correct it or remove it"
        else:
            advice = f"WeasyPrint cannot use {prop}: {value} ({reason}); correct the value or remove it"
        return False, f"WeasyPrint warned: a style{where} sets {prop}: {advice}"
    if template == _TWICE and args:
        anchor = str(args[0])
        position = _find(document.body, f'id="{anchor}"')
        where = _where(document, site, position if position is not None else _find(document.body, f'name="{anchor}"'))
        return False, (
            f"WeasyPrint warned: two elements{where} have the anchor {anchor!r}, so links to it may land on "
            'the wrong one; give one of them another id ({ #another-id } after it in Markdown, or id="..." in HTML)'
        )
    if template == _NO_ANCHOR and args:
        anchor = str(args[0])
        where = _where(document, site, _find(document.body, f'href="#{anchor}"'))
        return False, (
            f"WeasyPrint warned: a link{where} goes to #{anchor}, which is not in the PDF; "
            "point it at a heading or an id that is on the page, or remove the link"
        )
    if template in (_IMAGE, _NO_ALT) and args:
        source = str(args[0]).removeprefix(site.root.resolve().as_uri() + "/")
        where = _where(document, site, _find(document.body, source))
        if template == _NO_ALT:
            advice = "has no alt text; give it some where the page is written: ![what it shows](image.svg)"
        else:
            advice = "did not load; check that the file is in docs/ (or your overlay) and the page's link to it"
        return False, f"WeasyPrint warned: the image {source}{where} {advice}"
    where = _where(document, site, None)
    return False, (
        f"WeasyPrint warned{where}: {text} (a message from the PDF engine: check that part of the PDF, "
        "and if it looks wrong, change the page; if the message is unclear, please report it)"
    )


def _find(body: str, text: str) -> int | None:
    position = body.find(text)
    return position if position >= 0 else None


def _style_attribute(body: str, prop: str, variable: bool) -> re.Match[str] | None:
    """The first style attribute in ``body`` that sets ``prop`` (with var(), if ``variable``)."""
    value = r'[^";]*var\(' if variable else r'[^";]*'
    return re.search(rf'style="[^"]*(?<![\w-]){re.escape(prop)}\s*:{value}', body)


def _where(document: Document, site: BuiltSite, position: int | None) -> str:
    """' on the page x.html (docs/x.md)', or '' when the page cannot be told."""
    if position is not None:
        page = document.page_at(position)
    else:
        page = document.sources[0] if len(document.sources) == 1 else None
    if page is None:
        return ""
    source = site.source_of(page)
    return f" on the page {page}" + (f" ({source})" if source else "")


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
    #: Harmless messages from WeasyPrint, each naming its page (see engine_messages).
    notes: tuple[str, ...] = ()
    #: CPU seconds the worker spent on it (0 for a PDF from the cache).
    cpu: float = 0.0


def render(document: Document, site: BuiltSite) -> Rendered:
    """Make ``document`` into a PDF; raise :class:`RenderError` on any problem."""
    started, cpu = time.monotonic(), time.process_time()
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
    messages = engine_messages(collect.records, document, site)
    if messages.problems:
        raise RenderError("\n".join(messages.problems))
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
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    return Rendered(buffer.getvalue(), pages, seconds, anchor_pages, messages.notes, cpu)


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
