"""Impose a document's pages as a booklet to fold: two to a side, in folding order (pikepdf).

A booklet is rendered like any page, at half the paper's size (A5 for A4:
styles/booklet.css), then imposed: blank pages are added to make a
multiple of four, and each side of a landscape sheet holds two pages. For
``n`` pages, the first sheet's front holds pages ``n`` and 1, its back 2
and ``n - 1``, the next sheet's front ``n - 2`` and 3, and so on (see
:func:`signature_order`). Printed on both sides, flipped on the short edge,
the sheets fold in half as one stack and staple along the fold.

An imposed page shows two pages that are far apart in reading order, so
the booklet carries no structure tree: it is for printing. It keeps the
document's title, language and metadata, and its subject names the PDF to
read (documents._booklet). The two steps, the render and the imposition,
are jobs for the worker processes (:class:`BookletJobs`); the render is
cached by its own key, and the booklet by the document's (cache.py).
"""

from __future__ import annotations

import hashlib
import io
import time
from dataclasses import replace
from pathlib import Path

import pikepdf

from .chapters import Job
from .documents import Document
from .render import Rendered, RenderError, render_in_worker

#: A side of a sheet: the page (from 1) on its left half and on its right, None for a blank.
Side = tuple[int | None, int | None]


def cache_identity() -> bytes:
    """What, besides its HTML and styles, goes into a booklet: for its cache key."""
    return hashlib.sha256(Path(__file__).read_bytes() + f"pikepdf {pikepdf.__version__}".encode()).digest()


def signature_order(pages: int) -> list[Side]:
    """Each side of each sheet in print order (a sheet's front, then its back), for ``pages`` pages.

    Pages past ``pages``, up to the next multiple of four, are blank (None).
    """
    total = max(4, -(-pages // 4) * 4)
    sides: list[Side] = []
    for outer in range(1, total // 2, 2):
        sides += [(total + 1 - outer, outer), (outer + 1, total - outer)]
    return [(_shown(left, pages), _shown(right, pages)) for left, right in sides]


def _shown(page: int | None, pages: int) -> int | None:
    return page if page is not None and page <= pages else None


#: The sheets a booklet prints on, landscape, in points, by the paper of the
#: edition (``paper`` in mkdocs.yml). Its pages are half a sheet: A5 on A4
#: (styles/booklet.css), half-Letter on Letter (documents.BOOKLET_PAGE).
SHEETS = {"A4": (297 / 25.4 * 72, 210 / 25.4 * 72), "Letter": (11 * 72.0, 8.5 * 72.0)}


def impose(pdf: bytes, paper: str = "A4") -> tuple[bytes, int]:
    """The booklet of ``pdf``'s pages on landscape sheets of ``paper``, and its number of sides.

    Each page is drawn at its own size, against the fold down the middle of
    the sheet: A5 is 148 mm wide, half a millimetre short of half an A4
    sheet, so the half-millimetre left over is at the outer edges.
    """
    sheet_width, sheet_height = SHEETS[paper]
    with pikepdf.open(io.BytesIO(pdf)) as source:
        out = pikepdf.new()
        forms = [out.copy_foreign(page.as_form_xobject()) for page in source.pages]
        _check_fits(forms, sheet_width / 2, sheet_height, paper)
        for side in signature_order(len(forms)):
            sheet = out.add_blank_page(page_size=(sheet_width, sheet_height))
            drawn = [(half, page) for half, page in enumerate(side) if page is not None]
            sheet.Resources = pikepdf.Dictionary(XObject={f"/Page{page}": forms[page - 1] for _, page in drawn})
            steps = [_draw(forms[page - 1], page, half, sheet_width, sheet_height) for half, page in drawn]
            sheet.Contents = out.make_stream("".join(steps).encode())
        _describe(out, source)
        buffer = io.BytesIO()
        out.save(buffer, min_version=source.pdf_version, deterministic_id=True)
    return buffer.getvalue(), len(out.pages)


def _check_fits(forms: list[pikepdf.Object], width: float, height: float, paper: str) -> None:
    """Refuse pages larger than half a sheet: they would run over the fold or off the paper."""
    for number, form in enumerate(forms, 1):
        x0, y0, x1, y1 = (float(value) for value in form.BBox)
        if x1 - x0 > width + 0.01 or y1 - y0 > height + 0.01:
            raise RenderError(
                f"page {number} is {x1 - x0:.0f} by {y1 - y0:.0f} pt, larger than half a {paper} sheet "
                f"({width:.0f} by {height:.0f} pt); the booklet's page size is set in scripts/pdf/styles/booklet.css "
                "and documents.BOOKLET_PAGE"
            )


def _draw(form: pikepdf.Object, page: int, half: int, sheet_width: float, sheet_height: float) -> str:
    """The content that draws ``form`` (page ``page``) on the left (``half`` 0) or right half of a side.

    It goes against the fold and is centred in height, at its own size. The
    name is the page's number, so that the same pages make the same bytes.
    """
    x0, y0, x1, y1 = (float(value) for value in form.BBox)
    left = sheet_width / 2 - (x1 - x0) if half == 0 else sheet_width / 2
    bottom = (sheet_height - (y1 - y0)) / 2
    return f"q 1 0 0 1 {left - x0:.4f} {bottom - y0:.4f} cm /Page{page} Do Q\n"


def _describe(out: pikepdf.Pdf, source: pikepdf.Pdf) -> None:
    """The source's title, author, subject, keywords, dates and language, and its title in the window.

    Its XMP is written afresh from these, with no claim to PDF/UA: the
    booklet has no structure tree.
    """
    out.docinfo = out.make_indirect(pikepdf.Dictionary({str(key): value for key, value in source.docinfo.items()}))
    if "/Lang" in source.Root:
        out.Root.Lang = source.Root.Lang
    out.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    with out.open_metadata(set_pikepdf_as_editor=False) as metadata:
        metadata.load_from_docinfo(out.docinfo)


def impose_job(name: str, pdf: bytes, paper: str, seconds: float) -> Rendered:
    """:func:`impose`, as a job for a worker process; ``seconds`` is the time the render took."""
    started, cpu = time.monotonic(), time.process_time()
    try:
        booklet, sides = impose(pdf, paper)
    except RenderError as error:
        raise RenderError(f"{name}: {error}") from None
    return Rendered(booklet, sides, seconds + time.monotonic() - started, cpu=time.process_time() - cpu)


class BookletJobs:
    """The two jobs that make a booklet: its pages rendered in reading order, then imposed.

    Like chapters.PackJobs: :meth:`first_jobs`, then :meth:`done` with each
    result, which gives the next job; :attr:`result` is the booklet.
    """

    def __init__(self, booklet: Document, site_root: str) -> None:
        self.pages = replace(booklet, filename=f"{booklet.filename} (pages in reading order)", booklet="")
        self.paper = booklet.booklet
        self.site_root = site_root
        self.name = f"{booklet.filename} (imposing)"
        self.result: Rendered | None = None

    def first_jobs(self) -> list[Job]:
        return [Job("pages", self.pages.filename, self.pages, render_in_worker, (self.pages, self.site_root))]

    def done(self, job: Job, result: Rendered) -> list[Job]:
        """Take the result of ``job``; return the job that can start now."""
        if job.kind == "pages":
            arguments = (self.name, result.pdf, self.paper, result.seconds)
            return [Job("impose", self.name, None, impose_job, arguments)]
        self.result = result
        return []
