"""The table of macros that pages may call, and how they reach the components."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from .components import RenderContext
from .components.downloads import downloads
from .components.form import form
from .components.glossary import glossary
from .components.programme_overview import programme_overview
from .components.question_bank import question_bank
from .components.session_plan import session_plan
from .components.session_planner import session_planner
from .components.starter_questions import starter_questions
from .components.tool_card import tool_card
from .components.tool_index import tool_index


def _link(ctx: RenderContext, site_url: str, title: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(ctx.url(site_url), title)


def card_link(ctx: RenderContext, card_id: str) -> Markup:
    """A link to a card's page, with the card's title as its text."""
    card = ctx.pack.card(card_id)
    return _link(ctx, ctx.routes.card(card.id), card.title)


def bank_link(ctx: RenderContext, bank_id: str) -> Markup:
    """A link to a question bank's page."""
    bank = ctx.pack.bank(bank_id)
    return _link(ctx, ctx.routes.bank(bank.id), bank.title)


def session_link(ctx: RenderContext, session_id: str) -> Markup:
    """A link to a session plan's page."""
    session = ctx.pack.session(session_id)
    return _link(ctx, ctx.routes.session(session.id), session.title)


def form_link(ctx: RenderContext, form_id: str) -> Markup:
    """A link to a form's or template's page."""
    item = ctx.pack.form(form_id)
    return _link(ctx, ctx.routes.form(item.id), item.title)


def term(ctx: RenderContext, term_id: str, text: str | None = None) -> Markup:
    """A link to a term in the glossary; ``text`` is the wording to show, if not the term itself."""
    item = ctx.pack.term(term_id)
    return Markup('<a class="alp-term" href="{}">{}</a>').format(
        ctx.url(ctx.routes.term(item.id)), item.term if text is None else text
    )


def card_count(ctx: RenderContext) -> int:
    """How many tool cards the pack has."""
    return len(ctx.pack.cards)


def question_count(ctx: RenderContext) -> int:
    """How many questions the pack's banks hold."""
    return len(ctx.pack.questions)


#: Every macro a page may call; each takes a RenderContext first.
MACROS: dict[str, Callable[..., Any]] = {
    "tool_card": tool_card,
    "tool_index": tool_index,
    "question_bank": question_bank,
    "session_plan": session_plan,
    "programme_overview": programme_overview,
    "form": form,
    "downloads": downloads,
    "session_planner": session_planner,
    "starter_questions": starter_questions,
    "card_link": card_link,
    "bank_link": bank_link,
    "session_link": session_link,
    "form_link": form_link,
    "glossary": glossary,
    "term": term,
    "card_count": card_count,
    "question_count": question_count,
}


def bound_macros(context: Callable[[], RenderContext]) -> dict[str, Callable[..., Any]]:
    """Every macro, with its RenderContext argument filled in by ``context()`` at call time."""
    return {name: _bound(function, context) for name, function in MACROS.items()}


def _bound(function: Callable[..., Any], context: Callable[[], RenderContext]) -> Callable[..., Any]:
    """``function`` with its RenderContext argument filled in for the current page."""

    @functools.wraps(function)
    def macro(*args: Any, **kwargs: Any) -> Any:
        return function(context(), *args, **kwargs)

    signature = inspect.signature(function)
    macro.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    return macro


__all__ = ["MACROS", "bound_macros", "escape"]
