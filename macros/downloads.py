"""The catalogue of downloadable PDFs: the one list of every PDF and its file name.

The Downloads page lists these files before they exist (the site is built
first), and ``api/pack.json`` carries the same list (``downloads``), which
the PDF step follows: it makes exactly these files, under these names, and
decides none itself. Page counts and sizes are filled into the page after
the PDFs are made.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from .kinds import Kind, Routes
from .pack import Pack
from .strings import Strings

#: The zip of the whole site for offline reading (made by scripts/site_zip.py).
OFFLINE_ZIP = "offline-site.zip"

#: The folder, under downloads/, of each meeting's PDF of everything to print for it.
MEETINGS = "meetings"


def meeting_pdf(session_id: str) -> str:
    """The file, under downloads/, of everything to print for a meeting: ``meetings/<id>.pdf``."""
    return f"{MEETINGS}/{session_id}.pdf"


@dataclass(frozen=True)
class PrintedPage:
    """A page that also has a PDF of its own (front matter ``print_as: {file: ..., kind: ...}``)."""

    file: str
    title: str
    kind: str
    #: The page's URL on the site, once the engine has given it one.
    url: str | None = None
    #: Who the PDF is for (one of :data:`USES`).
    use: str = "members"
    #: Whether it also comes as a booklet to fold (``print_as: {..., booklet: true}``; see :func:`_booklets`).
    booklet: bool = False


#: The kinds a printed page may be, as the Downloads page names them.
PRINTED_KINDS = ("guide", "sheet")

#: Who or what each download is for, in the order the Downloads page groups
#: them: to use in a meeting, to give each member, for the facilitator to
#: prepare or send, and for adapting the pack (a heading under downloads.use
#: in the strings for each). Each PDF says which in the catalogue below; a
#: form says so in its file (``use``), a printed page in its ``print_as``.
USES = ("room", "members", "facilitator", "adapting")
#: The other versions a document can have besides its own PDF (issue 19):
#: large print, cards for a print shop, a booklet to fold, and Word.
VERSIONS = ("large-print", "print-shop", "booklet", "word")


@dataclass(frozen=True)
class Download:
    """One PDF: its path under ``downloads/``, its title, its kind, and how it is made.

    ``kind`` is what the Downloads page calls it (a key under downloads.kind
    in the strings). ``layout`` is how the PDF step lays it out, each by a
    function of scripts/pdf/documents.py: ``pack`` (the whole pack),
    ``handout``, ``form`` and ``printed`` (one page: a card's, a form's, or
    a page with ``print_as``), ``deck`` and ``list`` (the question banks, as
    cards to cut out or as a list), ``bundle`` (everything to print for
    a meeting) and ``booklet`` (a printed page as a booklet to fold).
    ``page`` is the URL of the page a PDF of one page is made from (a
    bundle's: the session's page), and None for the others. ``use``
    is who or what it is for (one of :data:`USES`), by which the Downloads
    page groups it; ``pages`` are the pages a bundle joins, in order.

    A file can be another version of a document: ``version`` says which
    (one of :data:`VERSIONS`; "" for the document's own PDF) and
    ``version_of`` names the ``file`` it is a version of, beside which the
    Downloads page shows it.
    """

    file: str
    title: str
    kind: str
    layout: str
    page: str | None = None
    use: str = "facilitator"
    pages: tuple[str, ...] = ()
    version: str = ""
    version_of: str = ""


def catalogue(
    pack: Pack,
    strings: Strings,
    site_title: str,
    routes: Routes | None = None,
    hidden_urls: Collection[str] = (),
    printed: Collection[PrintedPage] = (),
) -> list[Download]:
    """Every PDF the build makes, leaving out cards and forms whose pages a fork hides.

    ``printed`` are the pages that have a PDF of their own, such as the handbook for members.
    """
    routes = routes or Routes()

    def title(kind: Kind, item: object) -> str:
        """The item's title, or the kind's title for its PDF ("Action plan tool card" beside "Action plan template")."""
        text = kind.link_text(item)
        key = kind.pdf.title_key if kind.pdf is not None else None
        return strings(key, title=text) if key else text

    def own_pdfs(kind_name: str) -> list[Download]:
        """The PDF of every item of a kind, but for items whose pages a fork hides."""
        kind, prefix = pack.kinds[kind_name], routes.downloads + "/"
        assert kind.pdf is not None
        return [
            Download(
                routes.pdf(kind.name, item.id).removeprefix(prefix),
                title(kind, item),
                kind.pdf.label(item),
                kind.pdf.layout,
                routes.item(kind.name, item.id),
                kind.pdf.use(item),
            )
            for item in pack.of(kind.name).values()
            if routes.item(kind.name, item.id) not in hidden_urls
        ]

    # The order of the Downloads page: the pack, the handouts, the questions, the printed pages, the forms.
    items = [Download("pack.pdf", site_title, "pack", "pack", use="facilitator"), *own_pdfs("card")]
    items.append(Download("question-deck.pdf", strings("pdf.deck_title"), "deck", "deck", use="room"))
    items += _print_shop_decks(strings)
    items.append(Download("question-list.pdf", strings("pdf.list_title"), "list", "list", use="room"))
    items += [
        Download(f"{page.file}.pdf", page.title, page.kind, "printed", page.url, page.use)
        for page in sorted(printed, key=lambda p: p.file)
    ]
    items += _booklets(strings, printed)
    items += own_pdfs("form")
    items += _meetings(pack, strings, routes, hidden_urls, printed)
    items += _large_print(items, strings)
    items += word_versions(items)
    return items


#: The folder, under downloads/, of the large-print edition: each file has its
#: standard PDF's path inside it (large-print/handouts/check-in.pdf).
LARGE_PRINT = "large-print"
#: The layouts whose documents have a large-print edition: every handout,
#: every page printed on its own (the starter questions, the handbook for
#: members, the guide to presenting back), and every form and template. The
#: pack, the question cards and lists, and the meetings' PDFs have none.
LARGE_PRINT_OF = ("handout", "printed", "form")


def _large_print(items: list[Download], strings: Strings) -> list[Download]:
    """The large-print edition of each document whose layout has one (layout ``large-print``).

    The PDF step makes each from its document's own layout and adds the
    large-print stylesheet, so the two PDFs hold the same HTML.
    """
    return [
        _version_of(
            item, "large-print", f"{LARGE_PRINT}/{item.file}", strings("downloads.large_print_title", title=item.title)
        )
        for item in items
        if item.layout in LARGE_PRINT_OF and not item.version
    ]


def _version_of(item: Download, version: str, file: str, title: str) -> Download:
    """Another version of ``item``: its page, kind and use, made by the layout named as the version is."""
    return replace(item, file=file, title=title, layout=version, pages=(), version=version, version_of=item.file)


#: The folder, under downloads/, of the Word versions: ``word/forms/joining-letter.docx``
#: beside ``forms/joining-letter.pdf``.
WORD = "word"
#: The layouts whose documents organisations adapt, and so also come as Word files (issue 19, point 4).
WORD_LAYOUTS = ("form", "handout")


def word_versions(items: list[Download]) -> list[Download]:
    """A Word version of every form, template and handout, listed after the PDFs (layout ``word``).

    Each is made by the Word step (scripts/pdf/word.py) from the same page's
    HTML as its PDF, and names that PDF in ``version_of``.
    """
    return [
        _version_of(item, "word", f"{WORD}/{item.file.removesuffix('.pdf')}.docx", item.title)
        for item in items
        if item.layout in WORD_LAYOUTS and not item.version
    ]


#: The folder, under downloads/, of the booklets to fold.
BOOKLETS = "booklets"


def _booklets(strings: Strings, printed: Collection[PrintedPage]) -> list[Download]:
    """A booklet to fold (layout ``booklet``) for each printed page whose ``print_as`` asks for one.

    It is the page at half the paper size, imposed two to a side in folding
    order (scripts/pdf/booklet.py), a version of the page's own PDF.
    """
    return [
        Download(
            f"{BOOKLETS}/{strings('downloads.booklet_file', file=page.file)}.pdf",
            strings("downloads.booklet_title", title=page.title),
            "booklet",
            "booklet",
            page.url,
            page.use,
            version="booklet",
            version_of=f"{page.file}.pdf",
        )
        for page in sorted(printed, key=lambda p: p.file)
        if page.booklet
    ]


def _meetings(
    pack: Pack, strings: Strings, routes: Routes, hidden_urls: Collection[str], printed: Collection[PrintedPage]
) -> list[Download]:
    """For each meeting that asks to print something, one PDF of all of it (layout ``bundle``)."""
    sheets = {page.file: page.url for page in printed}
    made = []
    for session in pack.sessions.values():
        page = routes.item("session", session.id)
        urls = []
        for item in session.print:
            kind, item_id = item.document
            url = sheets.get(item_id) if kind == "sheet" else routes.item(kind, item_id)
            if (
                url is not None
                and url not in hidden_urls
                and url not in urls
                and (kind == "sheet" or item_id in pack.of(kind))
            ):
                urls.append(url)
        if urls and page not in hidden_urls:
            title = strings("downloads.meeting_title", title=session.title)
            download = Download(meeting_pdf(session.id), title, "meeting", "bundle", page, "facilitator", tuple(urls))
            made.append(download)
    return made


#: The print-shop versions of the question deck: each sheet size, its layout and its file (issue 19, point 2).
PRINT_SHOP_DECKS = {
    "A4": ("print-shop-a4", "question-deck-print-shop-a4.pdf"),
    "Letter": ("print-shop-letter", "question-deck-print-shop-letter.pdf"),
}


def _print_shop_decks(strings: Strings) -> list[Download]:
    """The question deck as cards for a print shop, on A4 and on US Letter sheets (layouts ``print-shop-*``)."""
    return [
        Download(
            file,
            strings("pdf.print_shop_title", paper=strings(f"pdf.print_shop_paper.{sheet}")),
            "print-shop",
            layout,
            use="room",
            version="print-shop",
            version_of="question-deck.pdf",
        )
        for sheet, (layout, file) in PRINT_SHOP_DECKS.items()
    ]
