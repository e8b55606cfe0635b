"""Assemble the HTML of each PDF from the built site's pages.

Every document is made of pages as the site shows them, readied for print
by :mod:`.html_tools`. Nothing is written twice: the card on a handout is
the card on the site, and the PDFs, their file names and titles are the
ones the site lists in ``api/pack.json`` (``downloads``), each made by the
function its ``layout`` names (:data:`LAYOUTS`). The cover and contents are
Jinja templates, in ``templates/``.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import html_tools as tools
from . import imposition, tagging
from .site import OPEN_DATA, BuiltSite, Download, SiteError

#: Stylesheets every document uses, in order; kinds add their own.
BASE_STYLES = ("fonts.css", "variables.css", "page.css", "components.css")


class DocumentError(Exception):
    """A page cannot go into a PDF as it is; the message says which and why."""


@dataclass(frozen=True)
class Document:
    """One PDF to make: its file name under downloads/, its HTML and its styles."""

    filename: str
    title: str
    kind: str
    body: str
    styles: tuple[str, ...]
    #: Turn HTML inputs into PDF form fields.
    forms: bool = False
    #: Body class, for styles that differ by kind.
    body_class: str = ""
    #: The site pages the document is made from, to name them in errors.
    sources: tuple[str, ...] = ()
    #: The pack's body in pieces (cover and contents, then each chapter), so
    #: that it can be rendered in parts (see chapters.py).
    parts: tuple[str, ...] = ()
    #: The navigation section of each of ``parts`` ("" for none), where a part may end.
    part_sections: tuple[str, ...] = ()
    #: CSS added after the stylesheets, for this document alone.
    extra_css: str = ""
    #: The PDF's own title, when it says more than ``title`` (which the
    #: Downloads page and the manifest show): what the document is, and
    #: from which edition. See :func:`described`.
    pdf_title: str = ""
    #: The PDF's Subject, when it is not the one :meth:`subject` gives.
    description: str = ""
    #: The paper ("A4", "Letter") of a booklet, whose pages are imposed two
    #: to a side of it in folding order after the render (booklet.py); "" for the rest.
    booklet: str = ""

    def page_holding(self, text: str) -> str | None:
        """The source page whose content holds ``text``, if it can be told."""
        if len(self.sources) == 1:
            return self.sources[0]
        position = self.body.find(text)
        return self.page_at(position) if position >= 0 else None

    def page_at(self, position: int) -> str | None:
        """The source page whose content is at ``position`` in the body, if it can be told."""
        if len(self.sources) == 1:
            return self.sources[0]
        marker = self.body.rfind('data-url="', 0, position)
        if marker < 0:
            return None
        start = marker + len('data-url="')
        return self.body[start : self.body.index('"', start)]

    def subject(self, site: BuiltSite) -> str:
        """The PDF's Subject (WeasyPrint takes it from the description): what it is about, not its title again.

        A handout is "Pack: Check-in"; the pack itself, whose title is the
        pack's, is the site's description, so it does not read "Pack: Pack".
        """
        if self.description:
            return self.description
        if self.title and self.title != site.title:
            return f"{site.title}: {self.title}"
        return site.description or site.title

    def full_html(self, site: BuiltSite) -> str:
        identity = site.identity
        edition = identity["edition"]
        description = html.escape(self.subject(site))
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{html.escape(site.language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(self.pdf_title or self.title)}</title>\n"
            f'<meta name="author" content="{html.escape(identity["organisation"])}">\n'
            f'<meta name="description" content="{description}">\n'
            f'<meta name="keywords" content="action learning, facilitation, {html.escape(self.kind)}">\n'
            f'<meta name="dcterms.created" content="{edition}T00:00:00Z">\n'
            f'<meta name="dcterms.modified" content="{edition}T00:00:00Z">\n'
            "</head>\n"
            f'<body class="{self.body_class or "doc-" + self.kind}">\n{self.body}\n</body>\n</html>\n'
        )


def described(site: BuiltSite, title: str, kind: str) -> str:
    """A one-off document's PDF title: its name, what it is and the edition.

    For example "Check-in: tool card handout, Action Learning Set Resource Pack".
    """
    return site.t(
        "pdf.document_title", title=title, kind=site.t(f"pdf.document_kind.{kind}"), edition=site.identity["name"]
    )


#: How the anchor of a whole page inside a combined document begins.
CHAPTER_ANCHOR = "p-"


def page_id(url: str) -> str:
    """The anchor of a whole page inside a combined document."""
    return CHAPTER_ANCHOR + url.removesuffix(".html").replace("/", "-")


def _ready(site: BuiltSite, url: str, resolve: tools.LinkResolver, prefix: str | None) -> Element:
    article = site.article(url)
    tools.strip_screen_only(article)
    heading = next(article.iter("h1"), None)
    page = next((page for page in site.pages if page["url"] == url), None)
    name = tools.text_of(heading) if heading is not None else str(page["title"]) if page else url
    site_url = site.data.get("site_url")
    tools.formulas_online_only(
        article,
        site.t("pdf.formula_online"),
        site.t("pdf.formula_online_inline"),
        name,
        str(site_url).rstrip("/") + "/" + url if site_url else None,
    )
    tools.ready_task_lists(article)
    tools.open_tabs(article)
    tools.open_details(article)
    tools.flatten_definition_lists(article)
    tools.ready_code(article)
    tools.scope_table_headers(article)
    if prefix:
        tools.namespace_ids(article, prefix)
    tools.rewrite_links(article, url, resolve, site.data.get("site_url"))
    missing = tools.images_without_alt(article)
    if missing:
        raise DocumentError(
            f"{url}: the image {missing[0]} has no alt text; give it one where the page is written: "
            '![what it shows](image.svg) in Markdown, or alt="what it shows" on an <img>'
        )
    tools.name_inline_svg(article, site.t("pdf.icon"))
    tools.plain_foreign_names(article)
    return article


def _inner(element: Element) -> str:
    """The HTML inside ``element``, without the element itself."""
    parts = [html.escape(element.text or "", quote=False)]
    parts.extend(tools.to_html(child) for child in element)
    return "".join(parts)


def _escaped(value: object) -> object:
    """A template's value, escaped as html.escape escapes it.

    MarkupSafe, which Jinja's autoescape uses, writes quotes as &#34; and
    &#39;; html.escape, which builds the rest of each document, as &quot;
    and &#x27;. The same text either way, but one way keeps every
    document's HTML, and so its cache key, the same bytes.
    """
    return value if hasattr(value, "__html__") else Markup(html.escape(str(value)))


_TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    finalize=_escaped,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _cover(site: BuiltSite, subtitle: str | None = None) -> str:
    identity = site.identity
    return _TEMPLATES.get_template("cover.html").render(
        identity=identity,
        title=site.title,
        subtitle=subtitle,
        edition=site.t("pdf.edition", date=site.dates["edition"]),
        licence=site.t("pdf.licence", licence=identity["licence"]),
    )


@dataclass(frozen=True)
class _ContentsRow:
    """A line of the contents: a chapter (with the anchor it links to) or a section's heading (without)."""

    depth: int
    text: str
    anchor: str | None = None


def _contents(site: BuiltSite, pages: list[dict[str, Any]], headings: dict[str, str] | None = None) -> str:
    """The contents: each page under its own heading (``headings``, by URL), grouped by section.

    A page's heading is what its chapter shows, and what its bookmark
    reads; the navigation's title for it ("Home") may be shorter.
    """
    headings = headings or {}
    rows: list[_ContentsRow] = []
    current: list[str] = []
    for page in pages:
        sections = list(page["sections"])
        # A section's group heading, unless its first page carries the same title.
        for depth, section in enumerate(sections):
            if current[: depth + 1] != sections[: depth + 1] and section != page["title"]:
                rows.append(_ContentsRow(depth, section))
        current = sections
        depth = len(sections) - (1 if sections and sections[-1] == page["title"] else 0)
        rows.append(_ContentsRow(depth, headings.get(page["url"]) or page["title"], page_id(page["url"])))
    return _TEMPLATES.get_template("contents.html").render(title=site.t("pdf.contents"), rows=rows)


def pack_document(site: BuiltSite) -> Document:
    """The whole pack: cover, contents, then every page in navigation order."""
    return _pack(site, _only(site, "pack"))


def _pack(site: BuiltSite, download: Download) -> Document:
    pages = [page for page in site.pages if page["pdf"]]
    in_pack = {page["url"] for page in pages}

    pdf_page = _pdf_pages(site)

    def resolve(target: str, fragment: str) -> str | None:
        # A link to a page's own PDF (a handout, a form) leads to its chapter.
        target = pdf_page.get(target, target)
        if target not in in_pack:
            return None
        return f"#{page_id(target)}--{fragment}" if fragment else f"#{page_id(target)}"

    chapters = []
    headings: dict[str, str] = {}
    previous: tuple[list[str], bool] | None = None  # the last chapter's sections, and whether it was short
    for page in pages:
        article = _ready(site, page["url"], resolve, page_id(page["url"]))
        heading = next(article.iter("h1"), None)
        if heading is not None and tools.text_of(heading):
            headings[page["url"]] = tools.text_of(heading)
        short = _is_short(article)
        same_section = previous is not None and bool(page["sections"]) and page["sections"] == previous[0]
        flows = same_section and previous is not None and (short or previous[1])
        previous = (list(page["sections"]), short)
        names = "chapter chapter--flows" if flows else "chapter"
        if short:
            names += " chapter--short"
        review = ""
        if _is_form(article):
            # A form lays out as it does on its own (form.css): on its page
            # shape, with its review line in the footer.
            names += " chapter--form"
            line = tools.take_review_line(article)
            review = f'<div class="chapter__review">{html.escape(line)}</div>\n' if line else ""
        chapters.append(
            f'<section class="{names}" id="{page_id(page["url"])}" data-url="{html.escape(page["url"])}">\n'
            f"{review}{_inner(article)}\n</section>"
        )
    parts = (_cover(site) + "\n" + _contents(site, pages, headings), *chapters)
    return Document(
        download.file,
        download.title,
        download.kind,
        "\n".join(parts),
        # form.css too: a form lays out in the pack as it does on its own; tiles.css for the index pages.
        (*BASE_STYLES, "cover.css", "contents.css", "form.css", "tiles.css"),
        sources=tuple(page["url"] for page in pages),
        parts=parts,
        part_sections=("", *(" / ".join(page["sections"]) for page in pages)),
    )


#: A chapter with less text than this, and nothing tall, is short: about a
#: third of a page.
SHORT_CHAPTER = 1200
#: What makes a chapter take room beyond its text, or be a sheet of its own
#: (a form, to be filled in on its own page).
_TALL = ("img", "svg", "table", "pre", "form", "input", "textarea", "select", "{http://www.w3.org/2000/svg}svg")


def _is_form(article: Element) -> bool:
    """Whether a page is a form or template (the form component's ``alp-form``)."""
    return any("alp-form" in tools.classes(element) for element in article.iter())


def _is_short(article: Element) -> bool:
    """Whether a page is a few lines: it then shares a page with its neighbour in the same section.

    Every chapter starts a page, except one that is short, or follows a
    short one, in the same section of the navigation as the chapter before
    it (class chapter--flows): a few lines do not leave a near-empty page.
    It still has its own heading, bookmark and contents entry.
    """
    if any(next(article.iter(tag), None) is not None for tag in _TALL):
        return False
    return len(tools.text_of(article)) < SHORT_CHAPTER


def _shown(site: BuiltSite, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items whose pages are on the site (a fork may hide some)."""
    urls = {page["url"] for page in site.pages}
    return [item for item in items if item["url"] in urls]


def _one_page(
    site: BuiltSite, download: Download, styles: tuple[str, ...], review_in_footer: bool = False, **fields: Any
) -> Document:
    """A PDF of one page (a card's handout, a form, a page with print_as): the page under running parts.

    With ``review_in_footer``, the page's review line goes into the running footer.
    """
    url = download.page
    if not url:
        raise SiteError(
            f"{site.root / OPEN_DATA}: the download {download.file} is made from one page, but names none; "
            "build the site again (make) with the same version of the code as the PDF step"
        )

    def resolve(target: str, fragment: str) -> str | None:
        return (f"#{fragment}" if fragment else "#") if target == url else None

    article = _ready(site, url, resolve, None)
    review = tools.take_review_line(article) if review_in_footer else None
    body = _running_parts(site, download.title, review) + "\n" + _inner(article)
    return Document(download.file, download.title, download.kind, body, styles, sources=(url,), **fields)


def _handout(site: BuiltSite, download: Download) -> Document:
    """A tool card on one sheet."""
    pdf_title = described(site, download.title, download.kind)
    return _one_page(site, download, (*BASE_STYLES, "handout.css"), pdf_title=pdf_title)


def handout_documents(site: BuiltSite) -> list[Document]:
    """A one-card handout for every tool card."""
    return [_handout(site, download) for download in _listed(site, "handout")]


def _running_parts(site: BuiltSite, title: str, review: str | None = None) -> str:
    """Header and footer content for one-off documents (handouts, deck, forms).

    ``review`` is the page's review line, for a footer that carries it (a form's).
    """
    identity = site.identity
    review_line = f'<span class="running-footer__review">{html.escape(review)}</span> ' if review else ""
    # With no organisation of its own, the short name is the pack's title: say it once.
    said_once = site.title == identity["short_name"]
    title_span = "" if said_once else f' <span class="running-header__title">{html.escape(site.title)}</span>'
    return (
        f'<div class="running-header"><span class="running-header__org">{html.escape(identity["short_name"])}</span>'
        f"{title_span}</div>\n"
        f'<div class="running-footer">{review_line}{html.escape(site.t("pdf.licence", licence=identity["licence"]))}. '
        f"{html.escape(tools.text_of(_fragment(identity['attribution_html'])))}</div>"
    )


def _fragment(markup: str) -> Element:
    import tinyhtml5

    document: Element = tinyhtml5.parse(f"<div>{markup}</div>", namespace_html_elements=False)
    body = document.find("body")
    assert body is not None
    return body


def _bank_pages(site: BuiltSite, kind: str | None = None) -> list[dict[str, Any]]:
    pages = {page["url"]: page for page in site.pages}
    return [pages[bank["url"]] for bank in _shown(site, site.data["banks"]) if kind is None or bank["kind"] == kind]


def question_deck_document(site: BuiltSite) -> Document:
    """The open questions as cards to cut out, several to a sheet."""
    return _deck(site, _only(site, "deck"))


def _deck(site: BuiltSite, download: Download) -> Document:
    parts = [_running_parts(site, download.title)]
    parts.append(f'<h1 class="deck__title">{html.escape(download.title)}</h1>')
    parts.append(f'<p class="deck__how">{html.escape(site.t("pdf.deck_how"))}</p>')
    for page in _bank_pages(site, "open"):
        article = _ready(site, page["url"], lambda target, fragment: None, page_id(page["url"]))
        for section in article.iter("section"):
            if "alp-bank__category" in tools.classes(section):
                questions = [li for li in section.iter("li") if "alp-question" in tools.classes(li)]
                cards = "".join(tools.to_html(li) for li in questions)
                parts.append(f'<div class="deck__sheet"><ol class="alp-questions deck">{cards}</ol></div>')
    return Document(
        download.file,
        download.title,
        download.kind,
        "\n".join(parts),
        (*BASE_STYLES, "handout.css", "deck.css"),
    )


def question_list_document(site: BuiltSite) -> Document:
    """Every question bank as a list, for reading or for the facilitator's folder."""
    return _question_list(site, _only(site, "list"))


def _question_list(site: BuiltSite, download: Download) -> Document:
    parts = [_running_parts(site, download.title)]
    for page in _bank_pages(site):
        article = _ready(site, page["url"], lambda target, fragment: None, page_id(page["url"]))
        parts.append(f'<section class="chapter" data-url="{html.escape(page["url"])}">{_inner(article)}</section>')
    return Document(
        download.file,
        download.title,
        download.kind,
        "\n".join(parts),
        (*BASE_STYLES, "handout.css"),
        sources=tuple(page["url"] for page in _bank_pages(site)),
    )


def _printed_page(site: BuiltSite, download: Download) -> Document:
    """A page with a PDF of its own, styled by its kind (guide.css, sheet.css)."""
    return _one_page(site, download, (*BASE_STYLES, "handout.css", f"{download.kind}.css"))


def printed_page_documents(site: BuiltSite) -> list[Document]:
    """Pages that have a PDF of their own (front matter ``print_as``), such as the handbook for members."""
    return [_printed_page(site, download) for download in _listed(site, "printed")]


def _booklet(site: BuiltSite, download: Download) -> Document:
    """A printed page as a booklet to fold: the page at half the paper's size (booklet.css), styled by its kind.

    The build imposes its pages two to a side in folding order (booklet.py).
    Its title and subject name the PDF it is a version of, the one to read.
    """
    own = next((item for item in site.downloads if item.file == download.version_of), None)
    if own is None:
        raise SiteError(
            f"{site.root / OPEN_DATA}: the booklet {download.file} is a version of '{download.version_of}', "
            "which is not listed; build the site again (make) with the same version of the code as the PDF step"
        )
    edition, paper = site.identity["name"], str(site.identity.get("paper", "A4"))
    return _one_page(
        site,
        download,
        (*BASE_STYLES, "handout.css", f"{own.kind}.css", "booklet.css"),
        body_class=f"doc-{own.kind} doc-booklet",
        extra_css=BOOKLET_PAGE.get(paper, ""),
        pdf_title=site.t("pdf.booklet_document_title", title=own.title, edition=edition),
        description=site.t("pdf.booklet_subject", title=own.title, file=own.file.rsplit("/", 1)[-1]),
        booklet=paper,
    )


#: A booklet's page is half a sheet of the paper it prints on: A5 for A4
#: (booklet.css), and half a US Letter sheet for Letter.
BOOKLET_PAGE = {"Letter": "@page booklet { size: 5.5in 8.5in; }\n"}


def _form(site: BuiltSite, download: Download) -> Document:
    """A form or template, with real form fields."""
    pdf_title = described(site, download.title, download.kind)
    styles = (*BASE_STYLES, "handout.css", "form.css")
    return _one_page(site, download, styles, review_in_footer=True, forms=True, pdf_title=pdf_title)


def form_documents(site: BuiltSite) -> list[Document]:
    """Each form and template on its own, with real form fields."""
    return [_form(site, download) for download in _listed(site, "form")]


#: The class a document's part of a bundle takes, by the layout of that document's own PDF.
_BUNDLE_CLASSES = {"handout": "doc-handout", "form": "doc-form"}
#: The anchor at the end of each document of a bundle, after its own: the list gives its last page.
BUNDLE_END = "--end"
#: The class of the list of what to print, on a session's page (macros/components/session_plan).
PRINT_LIST_CLASS = "alp-print"


def _own_pdfs(site: BuiltSite) -> dict[str, Download]:
    """The PDF of one page (a handout, a form, a page with print_as), by the page's URL."""
    return {item.page: item for item in site.downloads if item.page and item.layout in (*_BUNDLE_CLASSES, "printed")}


def _pdf_pages(site: BuiltSite) -> dict[str, str]:
    """The page each PDF of one page is made from, by the PDF's path in the site (downloads/forms/x.pdf)."""
    folder = str(site.data["downloads"]["folder"])
    return {f"{folder}/{item.file}": page for page, item in _own_pdfs(site).items()}


def _bundle(site: BuiltSite, download: Download) -> Document:
    """Everything to print for a meeting: the session page's list of it, then each document from a new page.

    Each document is laid out as its own PDF is (its class: doc-handout,
    doc-form, doc-sheet, doc-list for a bank), with its own running footer,
    which holds a form's review line. The list links to each inside the PDF.
    """
    if not download.page or not download.pages:
        raise SiteError(
            f"{site.root / OPEN_DATA}: the download {download.file} joins pages, but names none; "
            "build the site again (make) with the same version of the code as the PDF step"
        )
    own = _own_pdfs(site)
    pdf_page = _pdf_pages(site)

    def resolve(target: str, fragment: str) -> str | None:
        page = pdf_page.get(target, target)
        if page not in download.pages:
            return None
        return f"#{page_id(page)}--{fragment}" if fragment else f"#{page_id(page)}"

    parts = [_running_parts(site, download.title), _print_list(site, download, resolve)]
    for url in download.pages:
        item = own.get(url)
        layout = item.layout if item else "list"
        names = _BUNDLE_CLASSES.get(layout, f"doc-{item.kind}" if item and layout == "printed" else "doc-list")
        article = _ready(site, url, resolve, page_id(url))
        review = tools.take_review_line(article) if layout == "form" else None
        parts.append(
            f'<section class="bundle__document {names}" id="{page_id(url)}" data-url="{html.escape(url)}">\n'
            f"{_running_parts(site, download.title, review)}\n{_inner(article)}\n"
            f'<div class="bundle__end" id="{page_id(url)}{BUNDLE_END}"></div>\n</section>'
        )
    styles = (*BASE_STYLES, "handout.css", "form.css", "sheet.css", "guide.css", "bundle.css")
    pdf_title = site.t("pdf.meeting_document_title", title=download.title, edition=site.identity["name"])
    sources = (download.page, *download.pages)
    return Document(
        download.file,
        download.title,
        download.kind,
        "\n".join(parts),
        styles,
        forms=True,
        sources=sources,
        pdf_title=pdf_title,
    )


def _print_list(site: BuiltSite, download: Download, resolve: tools.LinkResolver) -> str:
    """The session page's heading and list of what to print (its link to this PDF is for screens only)."""
    assert download.page is not None
    article = _ready(site, download.page, resolve, page_id(download.page))
    found = next((el for el in article.iter("section") if PRINT_LIST_CLASS in tools.classes(el)), None)
    if found is None:
        raise DocumentError(
            f"{download.page}: {download.file} joins what this page lists to print, but the page has no "
            f"<section class='{PRINT_LIST_CLASS}'>; build the site again (make)"
        )
    for link in found.iter("a"):
        if (link.get("href") or "").startswith("#"):
            link.set("data-end", link.get("href", "") + BUNDLE_END)
    heading = f'<h1 class="bundle__title">{html.escape(download.title)}</h1>'
    return f'<section class="bundle__list">\n{heading}\n{_inner(found)}\n</section>'


# -- The print-shop question deck (issue 19, point 2) -------------------------


def _print_shop(site: BuiltSite, download: Download, sheet: str) -> Document:
    """The open questions as cards for a print shop: trimmed size, bleed and crop marks, imposed on ``sheet``.

    Pages alternate: a sheet's fronts, then its backs, each back where
    duplex printing flipped on the long edge puts it behind its front
    (:mod:`.imposition` says where). A front is the card as the site shows
    it, under a band with its category and number; a back names the
    category, the question bank and the pack. The crop marks are
    backgrounds of an element that tagging.py draws as a page artifact
    and leaves untagged, and every background that runs into the bleed is
    an artifact too; the title (the one heading, in the margin of the
    first page), then the cards are read in order, each sheet's fronts
    then its backs.
    """
    layout = imposition.impose(sheet)
    cards = list(_print_shop_cards(site))
    heading = html.escape(download.title)
    parts: list[str] = []
    for first in range(0, max(len(cards), 1), layout.per_sheet):
        on_sheet = cards[first : first + layout.per_sheet]
        for back in (False, True):
            places = [slot.back if back else slot.front for slot in layout.slots[: len(on_sheet)]]
            marks = "".join(
                f'<div class="shop-mark" style="{_placed(mark)}"></div>' for mark in layout.marks(len(on_sheet), back)
            )
            items = []
            # A sheet's backs are read as they lie, row by row from the left: the mirror of the fronts.
            order = sorted(range(len(on_sheet)), key=lambda i: (places[i].y, places[i].x))
            for index in order:
                card = on_sheet[index]
                number = html.escape(site.t("pdf.print_shop_card", number=first + index + 1))
                box = _placed(places[index].grown(imposition.BLEED))
                if back:
                    items.append(
                        f'<li class="shop-card shop-card--back" style="{box}">'
                        f'<p class="shop-card__category">{html.escape(card.category)}</p>'
                        f'<p class="shop-card__bank">{html.escape(card.bank)}</p>'
                        f'<p class="shop-card__pack">{html.escape(site.title)}</p>'
                        f'<p class="shop-card__number">{number}</p></li>'
                    )
                else:
                    items.append(
                        f'<li class="shop-card shop-card--front" style="{box}">'
                        f'<p class="shop-card__band"><span class="shop-card__category">{html.escape(card.category)}'
                        f'</span> <span class="shop-card__number">{number}</span></p>'
                        f'<div class="shop-card__body">{card.body}</div></li>'
                    )
            side = "backs" if back else "fronts"
            title = "" if parts else f'<h1 class="shop-title" style="{_placed(layout.title_box())}">{heading}</h1>'
            parts.append(
                f'<div class="shop-sheet shop-sheet--{side}">{title}'
                f'<div class="shop-marks" {tagging.ARTIFACT_ATTRIBUTE}="">{marks}</div>'
                f'<ol class="shop-cards">{"".join(items)}</ol></div>'
            )
    page_css = (
        f"@page {{ size: {layout.width:.3f}mm {layout.height:.3f}mm; margin: 0; "
        "@top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }\n"
        f".shop-card {{ --bleed: {imposition.BLEED:g}mm; }}\n"
    )
    pdf_title = described(site, download.title, download.kind)
    return Document(
        download.file,
        download.title,
        download.kind,
        "\n".join(parts),
        ("fonts.css", "variables.css", "print-shop.css"),
        sources=tuple(page["url"] for page in _bank_pages(site, "open")),
        extra_css=page_css,
        pdf_title=pdf_title,
    )


@dataclass(frozen=True)
class _ShopCard:
    """A card of the print-shop deck: its category, its bank's title, and its front's HTML."""

    category: str
    bank: str
    body: str


def _print_shop_cards(site: BuiltSite) -> Iterator[_ShopCard]:
    """The cards of the cut-out deck (the open questions), in its order, each with its bank."""
    titles = {bank["url"]: str(bank["title"]) for bank in site.data["banks"]}
    for page in _bank_pages(site, "open"):
        article = _ready(site, page["url"], lambda target, fragment: None, page_id(page["url"]))
        for question in article.iter("li"):
            if "alp-question" in tools.classes(question):
                body = "".join(tools.to_html(child) for child in question)
                yield _ShopCard(question.get("data-category", ""), titles[page["url"]], body)


def _placed(box: imposition.Box) -> str:
    """A box's place on its sheet, as an inline style."""
    return f"left: {box.x:.3f}mm; top: {box.y:.3f}mm; width: {box.width:.3f}mm; height: {box.height:.3f}mm"


#: The stylesheet of the large-print edition, added after a document's own.
LARGE_PRINT_STYLE = "large-print.css"


def _large_print(site: BuiltSite, download: Download) -> Document:
    """A document's large-print edition: the document its own layout makes, with large-print.css last.

    The HTML is its standard PDF's, made by the same function; only the
    stylesheet, the file name and the titles differ.
    """
    own = next((item for item in site.downloads if item.file == download.version_of and not item.version), None)
    if own is None or own.layout not in LAYOUTS or own.layout == download.layout:
        raise SiteError(
            f"{site.root / OPEN_DATA}: the download {download.file} is the large print of "
            f"'{download.version_of}', which it does not list as a document of its own; build the site again "
            "(make) with the same version of the code as the PDF step"
        )
    document = LAYOUTS[own.layout](site, own)
    return dataclasses.replace(
        document,
        filename=download.file,
        title=download.title,
        styles=(*document.styles, LARGE_PRINT_STYLE),
        # A handout's or form's title says what it is, as its standard PDF's does.
        pdf_title=described(site, download.title, download.kind) if document.pdf_title else "",
    )


#: How each PDF is made, by the layout pack.json gives it (see macros/downloads.py, which gives them).
LAYOUTS: dict[str, Callable[[BuiltSite, Download], Document]] = {
    "pack": _pack,
    "handout": _handout,
    "deck": _deck,
    "list": _question_list,
    "printed": _printed_page,
    "form": _form,
    "bundle": _bundle,
    "print-shop-a4": partial(_print_shop, sheet="A4"),
    "print-shop-letter": partial(_print_shop, sheet="Letter"),
    "large-print": _large_print,
    "booklet": _booklet,
}


#: Layouts made by a step of their own, not a WeasyPrint render: ``word``, by word.py.
STEPS = ("word",)


def _listed(site: BuiltSite, layout: str) -> list[Download]:
    """The PDFs pack.json lists with this layout."""
    return [download for download in site.downloads if download.layout == layout]


def _only(site: BuiltSite, layout: str) -> Download:
    """The one PDF pack.json lists with this layout (the pack, the question deck or list)."""
    listed = _listed(site, layout)
    if len(listed) != 1:
        raise SiteError(
            f"{site.root / OPEN_DATA} lists {len(listed)} PDFs laid out as '{layout}', where the PDF step "
            "makes one; build the site again (make) with the same version of the code as the PDF step"
        )
    return listed[0]


def iter_documents(site: BuiltSite) -> Iterator[Document]:
    """Every PDF pack.json lists, in the order of the Downloads page, each made when asked for."""
    for download in site.downloads:
        if download.layout in STEPS:
            continue  # made by a step of its own
        make = LAYOUTS.get(download.layout)
        if make is None:
            raise SiteError(
                f"{site.root / OPEN_DATA}: the download {download.file} is laid out as '{download.layout}', "
                f"which the PDF step does not know (it knows {', '.join((*LAYOUTS, *STEPS))}); "
                "build the site again (make) with the same version of the code as the PDF step"
            )
        yield make(site, download)


def all_documents(site: BuiltSite) -> list[Document]:
    """Every PDF, in the order of the Downloads page."""
    return list(iter_documents(site))
