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
from .identity import Identity
from .loading import Pack

FORMAT = "action-learning-pack/1"


def pack_data(
    pack: Pack,
    routes: Routes,
    pages: Iterable[tuple[str, str]],
    *,
    title: str,
    language: str,
    identity: Identity | None,
    handouts: bool,
) -> dict[str, Any]:
    """The open-data view of ``pack``; ``pages`` are (title, url) in nav order."""
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
    return {
        "format": FORMAT,
        "title": title,
        "language": language,
        "edition": identity.edition.isoformat() if identity else None,
        "organisation": identity.organisation if identity else None,
        "licence": identity.licence if identity else None,
        "cards": cards,
        "banks": banks,
        "questions": questions,
        "sessions": sessions,
        "pages": [{"title": page_title, "url": url} for page_title, url in pages],
    }


def dumps(data: dict[str, Any]) -> str:
    """Stable JSON: the same pack always gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
