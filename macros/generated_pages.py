"""A page for every card, question bank, session plan and form.

These pages have no file in ``docs/``: the build makes them from the pack.
They are not templates. Each is front matter (YAML, written by a YAML
dumper, so any text in a title stays a value) and a function that renders
the page's body straight from the component, so no pack text ever reaches
Jinja, or Markdown, as source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import yaml
from markupsafe import Markup

from .components import RenderContext, Routes
from .components.form import form
from .components.question_bank import question_bank
from .components.session_plan import session_plan
from .components.tool_card import tool_card
from .loading import Pack
from .schema import Form, QuestionBank, SessionPlan, ToolCard

#: Renders a generated page's body (HTML) for the page in the context.
Body = Callable[[RenderContext], Markup]


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes from one pack item."""

    #: The Markdown file MkDocs is given: front matter only.
    source: str
    body: Body


def _front_matter(item: Any) -> str:
    meta = {
        "title": item.title,
        "description": item.summary,
        "reviewed": item.last_reviewed,
        "next_review": item.next_review,
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def _headed(item_id: str, title: str, *parts: Markup) -> Markup:
    """The page heading (its anchor is the item's id, as on a card) and the parts below it."""
    heading = Markup('<h1 id="{}">{}</h1>').format(item_id, title)
    return Markup("\n").join([heading, *parts])


def _card_page(ctx: RenderContext, card: ToolCard) -> Markup:
    return tool_card(ctx, card.id, level=1)


def _bank_page(ctx: RenderContext, bank: QuestionBank) -> Markup:
    return _headed(bank.id, bank.title, question_bank(ctx, bank.id, introduction=True))


def _session_page(ctx: RenderContext, session: SessionPlan) -> Markup:
    summary = Markup("<p>{}</p>").format(session.summary)
    return _headed(session.id, session.title, summary, session_plan(ctx, session.id))


def _form_page(ctx: RenderContext, item: Form) -> Markup:
    return _headed(item.id, item.title, form(ctx, item.id))


def generated_pages(pack: Pack, routes: Routes) -> dict[str, GeneratedPage]:
    """Every generated page, keyed by the Markdown path MkDocs knows it by."""
    pages: dict[str, GeneratedPage] = {}
    for card in pack.cards.values():
        pages[Routes.source_of(routes.card(card.id))] = GeneratedPage(
            _front_matter(card), partial(_card_page, card=card)
        )
    for bank in pack.banks.values():
        pages[Routes.source_of(routes.bank(bank.id))] = GeneratedPage(
            _front_matter(bank), partial(_bank_page, bank=bank)
        )
    for session in pack.sessions.values():
        pages[Routes.source_of(routes.session(session.id))] = GeneratedPage(
            _front_matter(session), partial(_session_page, session=session)
        )
    for item in pack.forms.values():
        pages[Routes.source_of(routes.form(item.id))] = GeneratedPage(
            _front_matter(item), partial(_form_page, item=item)
        )
    return pages


__all__ = ["GeneratedPage", "generated_pages"]
