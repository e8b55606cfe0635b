"""What to print for a meeting: each document, its link, and how many copies for the set's size.

The copies are worked out from the set size the session plans are written
for (``set_size.usual`` in ``pack/programme.yml``), so the number lives in
one place; each row also says how it is worked out, so that a set of
another size can work out its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...downloads import PrintedPage, meeting_pdf
from ...schema import Copies, Form, PrintItem, SessionPlan
from .. import RenderContext


@dataclass(frozen=True)
class PrintRow:
    """One document to print: its title, its link (a PDF, or its page), what it is and the copies."""

    title: str
    href: str
    #: Whether ``href`` is a PDF (the link then downloads it).
    pdf: bool
    what: str
    copies: str


def copies_text(ctx: RenderContext, copies: Copies, session: SessionPlan, size: int) -> str:
    """How many copies, and how the number is worked out, such as "8: one for each member"."""
    if copies is Copies.EACH_GROUP:
        count = session.groups_for(size)
        if count == 1:
            return ctx.strings("print.copies.each-group-one", size=size)
        return ctx.strings("print.copies.each-group", count=count, size=size)
    return ctx.strings(f"print.copies.{copies.value}", count=size, size=size)


def _row(
    ctx: RenderContext, item: PrintItem, session: SessionPlan, size: int, sheets: dict[str, PrintedPage]
) -> PrintRow | None:
    """The row for one document, or None when a fork hides it."""
    kind, item_id = item.document
    pdfs = bool(ctx.options.get("pdfs"))
    copies = copies_text(ctx, item.copies, session, size)
    if kind == "sheet":
        page = sheets.get(item_id)
        if page is None or page.url is None:
            return None  # a hidden page (an unknown one fails the build first)
        href = ctx.url(f"{ctx.routes.downloads}/{page.file}.pdf" if pdfs else page.url)
        return PrintRow(page.title, href, pdfs, ctx.strings(f"downloads.kind.{page.kind}"), copies)
    document = ctx.pack.of(kind).get(item_id)
    if document is None:
        return None  # hidden by a fork
    title = ctx.pack.kinds[kind].link_text(document)
    if kind == "bank":
        return PrintRow(title, ctx.url(ctx.routes.item(kind, item_id)), False, ctx.strings("print.bank"), copies)
    label = document.kind.value if isinstance(document, Form) else "handout"  # a form or a template
    what = ctx.strings(f"downloads.kind.{label}")
    href = ctx.url(ctx.routes.pdf(kind, item_id) if pdfs else ctx.routes.item(kind, item_id))
    return PrintRow(title, href, pdfs, what, copies)


def print_rows(ctx: RenderContext, session: SessionPlan) -> list[PrintRow]:
    """Every document the meeting asks to print that this edition shows, in the session's order."""
    size = set_size(ctx)
    printed: Iterable[PrintedPage] = ctx.options.get("printed", ())
    sheets = {page.file: page for page in printed}
    rows = [_row(ctx, item, session, size, sheets) for item in session.print]
    return [row for row in rows if row is not None]


def set_size(ctx: RenderContext) -> int:
    """The set size the plans are written for (programme.yml's ``set_size.usual``)."""
    programme = ctx.pack.programme
    assert programme is not None, "the pack is loaded with its programme"
    return programme.set_size.usual


def bundle_href(ctx: RenderContext, session: SessionPlan) -> str | None:
    """The link to the one PDF of everything to print for the meeting, when the PDFs are built."""
    if not ctx.options.get("pdfs"):
        return None
    return ctx.url(f"{ctx.routes.downloads}/{meeting_pdf(session.id)}")
