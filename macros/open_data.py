"""The pack as open data: ``site/api/pack.json``.

Everything in the pack that is data (cards, banks, questions, sessions) and
the title and URL of every page, so that other tools, such as the session
planner, can read the pack without scraping its HTML. URLs are relative to
the site root. The format is versioned; a change that removes or renames a
field raises the version.

It is also all that the PDF step reads besides the pages' HTML: the PDFs
to make (``downloads``: each file under the ``downloads`` folder, its
title, kind, layout and source page), the strings, and the dates the PDFs
print, written once here in the site's language (``dates``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from .components.session_planner import planner_limits
from .downloads import Download
from .identity import Identity
from .kinds import Kind, Routes
from .pack import Pack
from .programme import figures
from .schema import Item
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
    description: str | None = None,
    identity: Identity | None,
    attribution_html: str,
    strings: Strings,
    handouts: bool,
    downloads: Sequence[Download],
) -> dict[str, Any]:
    """The open-data view of ``pack``.

    ``pages`` are dicts with ``title``, ``url``, ``sections`` (the titles of
    the nav sections the page sits in) and ``pdf`` (whether the page belongs
    in the pack PDF), in nav order. ``downloads`` are the site's PDFs, as
    the Downloads page lists them.
    """
    records: dict[str, list[dict[str, Any]]] = {}
    for kind in pack.kinds.values():
        records[kind.json_key] = [_record(kind, item, routes, handouts) for item in pack.of(kind.name).values()]
        if kind.name == "bank":
            # Every question on its own too, after the banks, with its bank's id and its place on the site.
            records["questions"] = [
                dict(q.model_dump(mode="json"), bank=bank.id, url=f"{routes.item('bank', bank.id)}#q-{q.id}")
                for bank, q in pack.questions
            ]
    for card in records.get("cards", []):
        # The problems in the site's words, so that the planner's finder matches them (card-filter.js).
        card["problem_labels"] = [strings(f"problem.{problem}") for problem in card.get("problems", [])]
    identity_record = None
    if identity is not None:
        identity_record = identity.model_dump(mode="json")
        identity_record["attribution_html"] = attribution_html
    return {
        "format": FORMAT,
        "title": title,
        "site_url": site_url,
        "description": description,
        "language": language,
        "identity": identity_record,
        # As the site writes them (Strings.date), for the PDFs to print as they are.
        "dates": {"edition": strings.date(identity.edition)} if identity is not None else None,
        **records,
        "programme": figures(pack),
        "limits": planner_limits(),
        "pages": list(pages),
        "downloads": {"folder": routes.downloads, "files": [asdict(download) for download in downloads]},
        "strings": strings.as_dict(),
    }


def _record(kind: Kind, item: Item, routes: Routes, pdfs: bool) -> dict[str, Any]:
    """One item as open data: its fields, its page's URL and its PDF's, if it has them."""
    record = item.model_dump(mode="json", exclude=set(kind.json_exclude))
    record["url"] = routes.item(kind.name, item.id)
    if kind.pdf is not None:
        record[kind.pdf.json_key] = routes.pdf(kind.name, item.id) if pdfs else None
    return record | (kind.json_extra(item) if kind.json_extra else {})


def dumps(data: dict[str, Any]) -> str:
    """Stable JSON: the same pack always gives the same bytes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
