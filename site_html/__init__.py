"""How a page of the built site is read: its article, and its links and ids.

Both sides of the build read finished pages: the site's link check
(:mod:`macros.link_check`) and the PDF step (:mod:`scripts.pdf`), which
reads only ``site/`` and may not import ``macros``. What they share about
the theme's HTML is written here once, so that a change of theme is made in
one place. This package imports neither side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: The attribute that holds each element's link.
_LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}

#: <link rel> values that make the browser fetch the target.
_FETCHING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon"}

#: The class of the theme's article: the page's own content, inside the theme's frame.
ARTICLE_CLASS = "md-content__inner"
_ARTICLE = re.compile(rf'<article\b[^>]*class="[^"]*\b{ARTICLE_CLASS}\b[^"]*"[^>]*>')
_ARTICLE_TAG = re.compile(r"<(/?)article\b", re.IGNORECASE)


def article_markup(html: str) -> str | None:
    """The theme's <article> element as markup, nested articles (cards) included."""
    start = _ARTICLE.search(html)
    if start is None:
        return None
    depth = 0
    for tag in _ARTICLE_TAG.finditer(html, start.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = html.index(">", tag.end()) + 1
            return html[start.start() : end]
    return None


@dataclass
class PageLinks:
    """What a page links to, and the ids its links may point at."""

    ids: set[str] = field(default_factory=set)
    #: Every link (``href`` or ``src``) with its line in the text read.
    links: list[tuple[str, int]] = field(default_factory=list)
    #: Targets the browser fetches by itself when it shows the page, with the element's title if it has one.
    fetched: list[tuple[str, str | None]] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.page.ids.add(str(values[name]))
        attribute = _LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute):
            target = str(values[attribute])
            self.page.links.append((target, self.getpos()[0]))
            rels = set((values.get("rel") or "").lower().split())
            if tag != "a" and (tag != "link" or rels & _FETCHING_RELS):
                self.page.fetched.append((target, values.get("title")))


def page_links(html: str) -> PageLinks:
    """Every link and id in ``html`` (a whole page, or part of one)."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.page


__all__ = ["ARTICLE_CLASS", "PageLinks", "article_markup", "page_links"]
