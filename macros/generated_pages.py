"""A page for every item of every kind that has pages (see :mod:`macros.kinds`).

These pages have no file in ``docs/``: the build makes them from the pack.
They are not templates. Each is front matter (YAML, written by a YAML
dumper, so any text in a title stays a value) and a function that renders
the page's body straight from the kind's component, so no pack text ever
reaches Jinja, or Markdown, as source.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from markupsafe import Markup

from .components import RenderContext
from .kinds import Kind, PageSpec, source_of
from .pack import Pack


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes from one pack item."""

    kind: str
    item_id: str
    #: The Markdown file MkDocs is given: front matter only.
    source: str
    component: Callable[..., Markup]
    spec: PageSpec

    def body(self, ctx: RenderContext) -> Markup:
        """The page's HTML: the item's heading (its anchor is the item's id, as on a card) and its component."""
        item = ctx.pack.item(self.kind, self.item_id)
        parts = []
        if self.spec.heading:
            parts.append(Markup('<h1 id="{}">{}</h1>').format(item.id, item.title))
        if self.spec.summary:
            parts.append(Markup("<p>{}</p>").format(item.summary))
        parts.append(self.component(ctx, item.id, **self.spec.params))
        return Markup("\n").join(parts)


def _front_matter(item: Any) -> str:
    meta = {
        "title": item.title,
        "description": item.summary,
        "reviewed": item.last_reviewed,
        "next_review": item.next_review,
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def generated_pages(pack: Pack, components: Mapping[str, Callable[..., Markup]]) -> dict[str, GeneratedPage]:
    """Every generated page, keyed by the Markdown path MkDocs knows it by.

    ``components`` maps a component's name (a kind's ``component``) to its function.
    """
    pages: dict[str, GeneratedPage] = {}
    for kind in pack.kinds.values():
        if kind.page is None or kind.component is None:
            continue
        for item in pack.of(kind.name).values():
            pages[source_of(kind.item_url(item.id))] = _page(kind, item, components[kind.component])
    return pages


def _page(kind: Kind, item: Any, component: Callable[..., Markup]) -> GeneratedPage:
    assert kind.page is not None
    return GeneratedPage(
        kind=kind.name,
        item_id=item.id,
        source=_front_matter(item),
        component=component,
        spec=kind.page,
    )


__all__ = ["GeneratedPage", "generated_pages"]
