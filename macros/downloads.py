"""The catalogue of downloadable PDFs, shared by the site and the PDF build.

The Downloads page lists these files before they exist (the site is built
first), and the PDF build makes exactly these files; a test checks the two
agree. Page counts and sizes are filled into the page after the PDFs are made.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .kinds import Routes
from .pack import Pack
from .strings import Strings

#: The zip of the whole site for offline reading (made by scripts/site_zip.py).
OFFLINE_ZIP = "offline-site.zip"


@dataclass(frozen=True)
class PrintedPage:
    """A page that also has a PDF of its own (front matter ``print_as: {file: ..., kind: ...}``)."""

    file: str
    title: str
    kind: str


#: The kinds a printed page may be, as the Downloads page names them.
PRINTED_KINDS = ("guide", "sheet")


@dataclass(frozen=True)
class Download:
    """One PDF: its path under ``downloads/``, its title and its kind."""

    file: str
    title: str
    kind: str


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

    def own_pdfs(kind_name: str) -> list[Download]:
        """The PDF of every item of a kind, but for items whose pages a fork hides."""
        kind, prefix = pack.kinds[kind_name], routes.downloads + "/"
        assert kind.pdf is not None
        return [
            Download(routes.pdf(kind.name, item.id).removeprefix(prefix), kind.link_text(item), kind.pdf.label(item))
            for item in pack.of(kind.name).values()
            if routes.item(kind.name, item.id) not in hidden_urls
        ]

    # The order of the Downloads page: the pack, the handouts, the questions, the printed pages, the forms.
    items = [Download("pack.pdf", site_title, "pack"), *own_pdfs("card")]
    items.append(Download("question-deck.pdf", strings("pdf.deck_title"), "deck"))
    items.append(Download("question-list.pdf", strings("pdf.list_title"), "list"))
    items += [Download(f"{page.file}.pdf", page.title, page.kind) for page in sorted(printed, key=lambda p: p.file)]
    items += own_pdfs("form")
    return items
