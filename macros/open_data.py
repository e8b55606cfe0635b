"""The pack as open data: ``site/api/pack.json``.

Everything in the pack that is data (cards, banks, questions, sessions) and
the title and URL of every page, so that other tools, such as the session
planner, can read the pack without scraping its HTML. URLs are relative to
the site root. The format is versioned; a change that removes or renames a
field raises the version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .components import Routes
from .components.session_planner import planner_limits
from .identity import Identity
from .loading import Pack
from .programme import figures
from .strings import Strings

FORMAT = "action-learning-pack/1"


def pack_data(
    pack: Pack,
    routes: Routes,
    pages: Iterable[dict[str, Any]],
    *,
    title: str,
    site_url: str | None,
    language: str,
    identity: Identity | None,
    attribution_html: str,
    strings: Strings,
    handouts: bool,
) -> dict[str, Any]:
    """The open-data view of ``pack``.

    ``pages`` are dicts with ``title``, ``url``, ``sections`` (the titles of
    the nav sections the page sits in) and ``pdf`` (whether the page belongs
    in the pack PDF), in nav order.
    """
    cards = []
    for card in pack.cards.values():
        record = card.model_dump(mode="json")
        record["url"] = routes.card(card.id)
        record["handout"] = routes.handout(card.id) if handouts else None
        cards.append(record)
    banks = []
    questions = []
    for bank in pack.banks.values():
        record = bank.model_dump(mode="json", exclude={"questions"})
        record["url"] = routes.bank(bank.id)
        banks.append(record)
        for question in bank.questions:
            item = question.model_dump(mode="json")
            item["bank"] = bank.id
            item["url"] = f"{routes.bank(bank.id)}#q-{question.id}"
            questions.append(item)
    sessions = []
    for session in pack.sessions.values():
        record = session.model_dump(mode="json")
        record["url"] = routes.session(session.id)
        record["cards"] = session.cards_used
        sessions.append(record)
    forms = []
    for form in pack.forms.values():
        record = form.model_dump(mode="json")
        record["url"] = routes.form(form.id)
        record["pdf"] = routes.form_pdf(form.id) if handouts else None
        forms.append(record)
    terms = [dict(term.model_dump(mode="json"), url=routes.term(term.id)) for term in pack.terms.values()]
    identity_record = None
    if identity is not None:
        identity_record = identity.model_dump(mode="json")
        identity_record["attribution_html"] = attribution_html
    return {
        "format": FORMAT,
        "title": title,
        "site_url": site_url,
        "language": language,
        "identity": identity_record,
        "cards": cards,
        "banks": banks,
        "questions": questions,
        "sessions": sessions,
        "forms": forms,
        "terms": terms,
        "programme": figures(pack),
        "limits": planner_limits(),
        "pages": list(pages),
        "strings": strings.as_dict(),
    }


def dumps(data: dict[str, Any]) -> str:
    """Stable JSON: the same pack always gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
