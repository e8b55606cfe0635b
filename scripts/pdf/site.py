"""Read a built site: its open data and its pages' articles."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import tinyhtml5

from macros.link_check import article_markup


class SiteError(Exception):
    """The built site is missing something the PDF build needs."""


@dataclass
class BuiltSite:
    """A site built by MkDocs, read from disk."""

    root: Path
    _articles: dict[str, Element] = field(default_factory=dict, repr=False)

    def forget_articles(self) -> None:
        """Let go of the pages read so far (they are read again if asked for)."""
        self._articles.clear()

    @cached_property
    def data(self) -> dict[str, Any]:
        path = self.root / "api" / "pack.json"
        if not path.is_file():
            raise SiteError(f"{path} is missing: build the site first (make)")
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    @property
    def title(self) -> str:
        return str(self.data["title"])

    @property
    def description(self) -> str | None:
        """The site's description (MkDocs' site_description), if it has one."""
        description = self.data.get("description")
        return str(description) if description else None

    @property
    def language(self) -> str:
        return str(self.data["language"])

    @property
    def identity(self) -> dict[str, Any]:
        identity: dict[str, Any] = self.data["identity"]
        return identity

    def t(self, key: str, **values: object) -> str:
        """A fixed string in the site's language."""
        text = str(self.data["strings"][key])
        return text.format(**values) if values else text

    @property
    def pages(self) -> list[dict[str, Any]]:
        pages: list[dict[str, Any]] = self.data["pages"]
        return pages

    def source_of(self, url: str) -> str | None:
        """The file a page is written in (docs/..., the overlay's, or the pack file it is made from), if known."""
        for page in self.pages:
            if page["url"] == url:
                return page.get("source")
        return None

    def article(self, url: str) -> Element:
        """A fresh copy of the page's article element (callers may change it)."""
        if url not in self._articles:
            path = self.root / url
            if not path.is_file():
                raise SiteError(f"the page {url} is in the navigation but not in {self.root}")
            # Parse only the article: the theme's navigation, header and icons
            # are most of the page, and parsing them is most of the time.
            fragment = article_markup(path.read_text(encoding="utf-8"))
            if fragment is None:
                raise SiteError(f"{url} has no <article class='md-content__inner'>; is it a page of this theme?")
            document = tinyhtml5.parse(
                f"<!DOCTYPE html><html><body>{fragment}</body></html>", namespace_html_elements=False
            )
            article = next(
                (el for el in document.iter("article") if "md-content__inner" in (el.get("class") or "")),
                None,
            )
            if article is None:
                raise SiteError(f"{url} has no <article class='md-content__inner'>; is it a page of this theme?")
            self._articles[url] = article
        return _copy(self._articles[url])


def _copy(element: Element) -> Element:
    clone = Element(element.tag, dict(element.attrib))
    clone.text = element.text
    clone.tail = element.tail
    for child in element:
        clone.append(_copy(child))
    return clone
