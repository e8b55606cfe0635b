"""The table of macros that pages may call, and how they reach the components."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

from .components import RenderContext
from .components.bank_index import bank_index
from .components.downloads import downloads
from .components.field_reference import field_reference
from .components.form import form
from .components.form_index import form_index
from .components.glossary import glossary
from .components.programme_calendar import programme_calendar
from .components.programme_overview import programme_overview
from .components.question_bank import question_bank
from .components.run_mode import run_mode
from .components.session_plan import session_plan
from .components.session_planner import session_planner
from .components.set_sizes import set_sizes
from .components.starter_questions import starter_questions
from .components.tool_card import tool_card
from .components.tool_index import tool_index
from .downloads import catalogue
from .kinds import KINDS, Kind
from .pack import UnknownIdError


def link(ctx: RenderContext, kind: str, item_id: str, text: str | None = None) -> Markup:
    """A link to one item, showing its title (or a glossary term's term), or ``text`` if given.

    An item the fork hides shows the same words, without the link.
    """
    if (kind, item_id) in ctx.hidden_links:
        return escape(ctx.hidden_links[(kind, item_id)] if text is None else text)
    item = ctx.pack.item(kind, item_id)
    spec = ctx.pack.kinds[kind]
    words = spec.link_text(item) if text is None else text
    if spec.link_class:
        return Markup('<a class="{}" href="{}">{}</a>').format(spec.link_class, ctx.url(spec.item_url(item.id)), words)
    return Markup('<a href="{}">{}</a>').format(ctx.url(spec.item_url(item.id)), words)


def _link_macro(kind: Kind) -> Callable[..., Markup]:
    def macro(ctx: RenderContext, item_id: str, text: str | None = None) -> Markup:
        return link(ctx, kind.name, item_id, text)

    macro.__name__ = kind.link_macro
    macro.__doc__ = f"A link to a {kind.noun}, with its title as its text unless ``text`` is given."
    return macro


def download_link(ctx: RenderContext, file: str, text: str | None = None) -> Markup:
    """A link to one of the PDFs the Downloads page lists (``question-list.pdf``), showing its title or ``text``.

    Without the PDFs (a preview build), the words show without the link. A
    file the build does not make is an error, with the files it does make.
    """
    listed = catalogue(
        ctx.pack,
        ctx.strings,
        str(ctx.options.get("site_title", "")),
        ctx.routes,
        ctx.options.get("hidden_urls", ()),
        ctx.options.get("printed", ()),
    )
    item = next((download for download in listed if download.file == file), None)
    if item is None:
        raise UnknownIdError("PDF on the Downloads page", file, [download.file for download in listed])
    words = text or item.title
    if not ctx.options.get("pdfs"):
        return escape(words)
    return Markup('<a href="{}" download>{}</a>').format(ctx.url(f"{ctx.routes.downloads}/{file}"), words)


def card_count(ctx: RenderContext) -> int:
    """How many tool cards the pack has."""
    return len(ctx.pack.cards)


def question_count(ctx: RenderContext) -> int:
    """How many questions the pack's banks hold."""
    return len(ctx.pack.questions)


#: The components, by name; a kind's ``component`` names one of these.
COMPONENTS: dict[str, Callable[..., Any]] = {
    "tool_card": tool_card,
    "tool_index": tool_index,
    "bank_index": bank_index,
    "form_index": form_index,
    "question_bank": question_bank,
    "session_plan": session_plan,
    "programme_overview": programme_overview,
    "programme_calendar": programme_calendar,
    "form": form,
    "downloads": downloads,
    "session_planner": session_planner,
    "run_mode": run_mode,
    "glossary": glossary,
    "starter_questions": starter_questions,
    "set_sizes": set_sizes,
    "field_reference": field_reference,
}


def macro_table(
    kinds: Iterable[Kind] = KINDS, components: Mapping[str, Callable[..., Any]] = COMPONENTS
) -> dict[str, Callable[..., Any]]:
    """Every macro a page may call, each taking a RenderContext first.

    They are the components, a link macro for every kind (card_link,
    bank_link, ..., term), a link to a PDF (download_link), and the counts.
    """
    return {
        **components,
        **{kind.link_macro: _link_macro(kind) for kind in kinds},
        "card_count": card_count,
        "question_count": question_count,
        "download_link": download_link,
    }


#: The macros of the pack as it ships.
MACROS = macro_table()


def bound_macros(
    context: Callable[[], RenderContext], macros: Mapping[str, Callable[..., Any]] = MACROS
) -> dict[str, Callable[..., Any]]:
    """Every macro, with its RenderContext argument filled in by ``context()`` at call time."""
    return {name: _bound(function, context) for name, function in macros.items()}


def _bound(function: Callable[..., Any], context: Callable[[], RenderContext]) -> Callable[..., Any]:
    """``function`` with its RenderContext argument filled in for the current page."""

    @functools.wraps(function)
    def macro(*args: Any, **kwargs: Any) -> Any:
        return function(context(), *args, **kwargs)

    signature = inspect.signature(function)
    macro.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    return macro


__all__ = ["MACROS", "bound_macros", "escape"]
