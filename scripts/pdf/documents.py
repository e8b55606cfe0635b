"""Assemble the HTML of each PDF from the built site's pages.

Every document is made of pages as the site shows them, readied for print
by :mod:`.html_tools`. Nothing is written twice: the card on a handout is
the card on the site.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

from . import html_tools as tools
from .site import BuiltSite

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


def _cover(site: BuiltSite, subtitle: str | None = None) -> str:
    identity = site.identity
    logo = html.escape(identity["logo"])
    edition = site.t("pdf.edition", date=_long_date(site, identity["edition"]))
    lines = [
        '<section class="cover">',
        f'<img class="cover__logo" src="{logo}" alt="{html.escape(identity["organisation"])}">',
        f'<p class="cover__organisation">{html.escape(identity["organisation"])}</p>',
        f'<h1 class="cover__title">{html.escape(site.title)}</h1>',
    ]
    if subtitle:
        lines.append(f'<p class="cover__subtitle">{html.escape(subtitle)}</p>')
    lines += [
        f'<p class="cover__edition">{html.escape(edition)}</p>',
        '<div class="cover__attribution">',
        identity["attribution_html"],
        f"<p>{html.escape(site.t('pdf.licence', licence=identity['licence']))}</p>",
        "</div>",
        "</section>",
    ]
    return "\n".join(lines)


def _long_date(site: BuiltSite, iso: str) -> str:
    import datetime as dt

    from babel.dates import format_date  # babel comes with the site's dependencies

    locale = site.data["strings"].get("meta.locale", site.language).replace("-", "_")
    return str(format_date(dt.date.fromisoformat(iso), format="long", locale=locale))


def _contents(site: BuiltSite, pages: list[dict[str, Any]], headings: dict[str, str] | None = None) -> str:
    """The contents: each page under its own heading (``headings``, by URL), grouped by section.

    A page's heading is what its chapter shows, and what its bookmark
    reads; the navigation's title for it ("Home") may be shorter.
    """
    headings = headings or {}
    items = [
        '<nav class="contents">',
        f'<h1 class="contents__title">{html.escape(site.t("pdf.contents"))}</h1>',
        "<ol>",
    ]
    current: list[str] = []
    for page in pages:
        sections = list(page["sections"])
        # A section's group heading, unless its first page carries the same title.
        for depth, section in enumerate(sections):
            if current[: depth + 1] != sections[: depth + 1] and section != page["title"]:
                items.append(f'<li class="contents__group contents__depth-{depth}">{html.escape(section)}</li>')
        current = sections
        depth = len(sections) - (1 if sections and sections[-1] == page["title"] else 0)
        items.append(
            f'<li class="contents__entry contents__depth-{depth}">'
            f'<a href="#{page_id(page["url"])}">{html.escape(headings.get(page["url"]) or page["title"])}</a></li>'
        )
    items += ["</ol>", "</nav>"]
    return "\n".join(items)


def pack_document(site: BuiltSite) -> Document:
    """The whole pack: cover, contents, then every page in navigation order."""
    pages = [page for page in site.pages if page["pdf"]]
    in_pack = {page["url"] for page in pages}

    def resolve(target: str, fragment: str) -> str | None:
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
        chapters.append(
            f'<section class="{names}" id="{page_id(page["url"])}" data-url="{html.escape(page["url"])}">\n'
            f"{_inner(article)}\n</section>"
        )
    parts = (_cover(site) + "\n" + _contents(site, pages, headings), *chapters)
    return Document(
        "pack.pdf",
        site.title,
        "pack",
        "\n".join(parts),
        (*BASE_STYLES, "cover.css", "contents.css"),
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


def handout_documents(site: BuiltSite) -> list[Document]:
    """A one-card handout for every tool card."""
    documents = []
    for card in _shown(site, site.data["cards"]):
        url = card["url"]

        def resolve(target: str, fragment: str, url: str = url) -> str | None:
            if target == url:
                return f"#{fragment}" if fragment else "#"
            return None

        article = _ready(site, url, resolve, None)
        body = _running_parts(site, card["title"]) + "\n" + _inner(article)
        documents.append(
            Document(
                f"handouts/{card['id']}.pdf",
                card["title"],
                "handout",
                body,
                (*BASE_STYLES, "handout.css"),
                sources=(url,),
                pdf_title=described(site, card["title"], "handout"),
            )
        )
    return documents


def _running_parts(site: BuiltSite, title: str) -> str:
    """Header and footer content for one-off documents (handouts, deck, forms)."""
    identity = site.identity
    return (
        f'<div class="running-header"><span class="running-header__org">{html.escape(identity["short_name"])}</span> '
        f'<span class="running-header__title">{html.escape(site.title)}</span></div>\n'
        f'<div class="running-footer">{html.escape(site.t("pdf.licence", licence=identity["licence"]))}. '
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
    parts = [_running_parts(site, site.t("pdf.deck_title"))]
    parts.append(f'<h1 class="deck__title">{html.escape(site.t("pdf.deck_title"))}</h1>')
    parts.append(f'<p class="deck__how">{html.escape(site.t("pdf.deck_how"))}</p>')
    for page in _bank_pages(site, "open"):
        article = _ready(site, page["url"], lambda target, fragment: None, page_id(page["url"]))
        for section in article.iter("section"):
            if "alp-bank__category" in tools.classes(section):
                questions = [li for li in section.iter("li") if "alp-question" in tools.classes(li)]
                cards = "".join(tools.to_html(li) for li in questions)
                parts.append(f'<div class="deck__sheet"><ol class="alp-questions deck">{cards}</ol></div>')
    return Document(
        "question-deck.pdf",
        site.t("pdf.deck_title"),
        "deck",
        "\n".join(parts),
        (*BASE_STYLES, "handout.css", "deck.css"),
    )


def question_list_document(site: BuiltSite) -> Document:
    """Every question bank as a list, for reading or for the facilitator's folder."""
    parts = [_running_parts(site, site.t("pdf.list_title"))]
    for page in _bank_pages(site):
        article = _ready(site, page["url"], lambda target, fragment: None, page_id(page["url"]))
        parts.append(f'<section class="chapter" data-url="{html.escape(page["url"])}">{_inner(article)}</section>')
    return Document(
        "question-list.pdf",
        site.t("pdf.list_title"),
        "list",
        "\n".join(parts),
        (*BASE_STYLES, "handout.css"),
        sources=tuple(page["url"] for page in _bank_pages(site)),
    )


def printed_page_documents(site: BuiltSite) -> list[Document]:
    """Pages that have a PDF of their own (front matter ``print_as``), such as the handbook for members."""
    documents = []
    printed = [page for page in site.pages if page.get("print_as")]
    for page in sorted(printed, key=lambda page: str(page["print_as"]["file"])):
        url = page["url"]

        def resolve(target: str, fragment: str, url: str = url) -> str | None:
            return (f"#{fragment}" if fragment else "#") if target == url else None

        article = _ready(site, url, resolve, None)
        kind = str(page["print_as"]["kind"])
        documents.append(
            Document(
                str(page["print_as"]["file"]),
                page["title"],
                kind,
                _running_parts(site, page["title"]) + "\n" + _inner(article),
                (*BASE_STYLES, "handout.css", f"{kind}.css"),
                sources=(url,),
            )
        )
    return documents


def form_documents(site: BuiltSite) -> list[Document]:
    """Each form and template on its own, with real form fields."""
    documents = []
    for form in _shown(site, site.data["forms"]):
        url = form["url"]

        def resolve(target: str, fragment: str, url: str = url) -> str | None:
            return (f"#{fragment}" if fragment else "#") if target == url else None

        article = _ready(site, url, resolve, None)
        body = _running_parts(site, form["title"]) + "\n" + _inner(article)
        documents.append(
            Document(
                f"forms/{form['id']}.pdf",
                form["title"],
                form["kind"],
                body,
                (*BASE_STYLES, "handout.css", "form.css"),
                forms=True,
                sources=(url,),
                pdf_title=described(site, form["title"], form["kind"]),
            )
        )
    return documents


def iter_documents(site: BuiltSite) -> Iterator[Document]:
    """Every PDF, in the order of the Downloads page, each made when asked for."""
    yield pack_document(site)
    yield from handout_documents(site)
    yield question_deck_document(site)
    yield question_list_document(site)
    yield from printed_page_documents(site)
    yield from form_documents(site)


def all_documents(site: BuiltSite) -> list[Document]:
    """Every PDF, in the order of the Downloads page."""
    return list(iter_documents(site))
