"""The catalogue of downloadable PDFs: the one list of every PDF and its file name.

The Downloads page lists these files before they exist (the site is built
first), and ``api/pack.json`` carries the same list (``downloads``), which
the PDF step follows: it makes exactly these files, under these names, and
decides none itself. Page counts and sizes are filled into the page after
the PDFs are made.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

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
    items.append(Download("question-list.pdf", strings("pdf.list_title"), "list", "list", use="room"))
    items += [
        Download(f"{page.file}.pdf", page.title, page.kind, "printed", page.url, page.use)
        for page in sorted(printed, key=lambda p: p.file)
    ]
    items += _booklets(strings, printed)
    items += own_pdfs("form")
    items += _meetings(pack, strings, routes, hidden_urls, printed)
    return items


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
