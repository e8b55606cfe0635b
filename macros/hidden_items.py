"""Items a fork hides: gone from the site, the PDFs, the downloads, the planner and pack.json.

A fork names them by id in ``extra.content.hide`` (``rephrasing-practice``,
or ``card:rephrasing-practice`` where two kinds share an id), beside the
pages and sections it hides. A hidden item leaves the pack the site shows;
what pointed at it stays, without the link: a related card is dropped from
the list, an agenda item that used a hidden card keeps its title and
minutes, a page's ``{{ card_link("rephrasing-practice") }}`` shows the
card's title as plain text, and a Markdown link to its page loses its link.
The whole pack is still validated first, so a typo in an id is still caught.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .kinds import source_of
from .pack import Pack
from .schema import AgendaItem, Related, SessionPlan, ToolCard


@dataclass(frozen=True)
class HiddenItems:
    """What hiding some items leaves: the pack to show, and what stands where the items were."""

    #: The pack without the hidden items (the whole pack when nothing is hidden).
    visible: Pack | None = None
    #: (kind, id) of each hidden item, with the words a link to it shows instead.
    link_texts: Mapping[tuple[str, str], str] = field(default_factory=dict)
    #: The source path and URL of each hidden item's page, so links to it are unwrapped, not reported.
    page_urls: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.link_texts)


def hide_items(pack: Pack, entries: Iterable[str]) -> tuple[HiddenItems, list[str]]:
    """Hide the items ``entries`` name; return what is left, and the entries that name no item."""
    wanted: dict[str, set[str]] = {}
    unmatched = []
    for entry in entries:
        found = _find(pack, entry)
        if found is None:
            unmatched.append(entry)
        else:
            wanted.setdefault(found[0], set()).add(found[1])
    if not wanted:
        return HiddenItems(), unmatched
    items_by_kind = {
        kind: {
            item_id: _without(item, wanted)
            for item_id, item in pack.of(kind).items()
            if item_id not in wanted.get(kind, ())
        }
        for kind in pack.kinds
    }
    visible = Pack(items_by_kind, pack.kinds, pack.programme, pack.sources, pack.lines)
    link_texts = {
        (kind, item_id): pack.kinds[kind].link_text(pack.item(kind, item_id))
        for kind, ids in wanted.items()
        for item_id in ids
    }
    page_urls = {
        source_of(pack.kinds[kind].item_url(item_id)): pack.kinds[kind].item_url(item_id)
        for kind, ids in wanted.items()
        if pack.kinds[kind].page is not None
        for item_id in ids
    }
    return HiddenItems(visible, link_texts, page_urls), unmatched


def _find(pack: Pack, entry: str) -> tuple[str, str] | None:
    """The (kind, id) an entry names: ``kind:id``, or an id that one kind alone has."""
    kind, _, item_id = entry.rpartition(":")
    if kind:
        return (kind, item_id) if kind in pack.kinds and item_id in pack.of(kind) else None
    holders = [name for name in pack.kinds if entry in pack.of(name)]
    return (holders[0], entry) if len(holders) == 1 else None


def _without(item: Any, hidden: Mapping[str, set[str]]) -> Any:
    """``item`` with its references to hidden items taken out."""
    if isinstance(item, ToolCard):
        related = Related(
            cards=[card for card in item.related.cards if card not in hidden.get("card", ())],
            banks=[bank for bank in item.related.banks if bank not in hidden.get("bank", ())],
        )
        return item.model_copy(update={"related": related})
    if isinstance(item, SessionPlan):
        agenda = [_unlinked(agenda_item, hidden.get("card", set())) for agenda_item in item.agenda]
        update: dict[str, Any] = {"agenda": agenda}
        if item.alternative_to in hidden.get("session", ()):
            update["alternative_to"] = None  # the meeting it stood beside is gone: it stands alone
        return item.model_copy(update=update)
    return item


def _unlinked(agenda_item: AgendaItem, hidden_cards: set[str]) -> AgendaItem:
    if agenda_item.card in hidden_cards:
        return agenda_item.model_copy(update={"card": None, "steps": None})
    return agenda_item


__all__ = ["HiddenItems", "hide_items"]
