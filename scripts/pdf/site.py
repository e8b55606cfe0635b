"""Read a built site: its open data and its pages' articles.

This is all the PDF step knows of the site: ``api/pack.json`` (the PDFs to
make, the pages, the strings and the dates, as the site wrote them) and the
pages' HTML. It imports nothing from the site's code (``macros/``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import tinyhtml5

from site_html import ARTICLE_CLASS, article_markup

#: Where the site writes its open data, from the site root.
OPEN_DATA = "api/pack.json"


class SiteError(Exception):
    """The built site is missing something the PDF build needs."""


@dataclass(frozen=True)
class Download:
    """One PDF to make, as ``api/pack.json`` lists it (see macros/downloads.py, which writes the list).

    ``file`` is its path under the downloads folder; ``layout`` says how it
    is made (see documents.py); ``page`` is the page a PDF of one page is
    made from; ``pages``, the pages a bundle joins.
    """

    file: str
    title: str
    kind: str
    layout: str
    page: str | None
    #: Who or what it is for, as the Downloads page groups it (the PDF step makes each the same way).
    use: str = ""
    #: The pages a bundle (everything to print for a meeting) joins, in order.
    pages: tuple[str, ...] = ()
    #: Which other version of a document this is ("" for its own PDF), and the file it is a version of.
    version: str = ""
    version_of: str = ""


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
        path = self.root / OPEN_DATA
        if not path.is_file():
            raise SiteError(f"{path} is missing: build the site first (make)")
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def _written(self, key: str) -> Any:
        """A part of pack.json that the PDF step cannot do without."""
        if self.data.get(key) is None:
            raise SiteError(
                f"{self.root / OPEN_DATA} has no '{key}': it was written by an older version of the site's code; "
                "build the site again (make)"
            )
        return self.data[key]

    @cached_property
    def downloads(self) -> list[Download]:
        """Every PDF to make, in the order of the Downloads page."""
        listed = self._written("downloads")
        try:
            return [Download(**dict(entry, pages=tuple(entry.get("pages", ())))) for entry in listed["files"]]
        except (KeyError, TypeError) as error:
            raise SiteError(
                f"{self.root / OPEN_DATA}: the list of downloads is not as the PDF step reads it ({error}); "
                "build the site again (make) with the same version of the code as the PDF step"
            ) from None

    @property
    def downloads_dir(self) -> Path:
        """The folder the PDFs go in."""
        return self.root / str(self._written("downloads")["folder"])

    @property
    def dates(self) -> dict[str, str]:
        """Dates as the site writes them, in its language (``edition``: the edition's date)."""
        dates: dict[str, str] = self._written("dates")
        return dates

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
                raise SiteError(f"{url} has no <article class='{ARTICLE_CLASS}'>; is it a page of this theme?")
            document = tinyhtml5.parse(
                f"<!DOCTYPE html><html><body>{fragment}</body></html>", namespace_html_elements=False
            )
            article = next(
                (el for el in document.iter("article") if ARTICLE_CLASS in (el.get("class") or "")),
                None,
            )
            if article is None:
                raise SiteError(f"{url} has no <article class='{ARTICLE_CLASS}'>; is it a page of this theme?")
            self._articles[url] = article
        return _copy(self._articles[url])


def _copy(element: Element) -> Element:
    clone = Element(element.tag, dict(element.attrib))
    clone.text = element.text
    clone.tail = element.tail
    for child in element:
        clone.append(_copy(child))
    return clone


def human_size(size: int) -> str:
    """A file's size as the Downloads page and the build's output give it ("52 kB", "1.9 MB")."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} kB"


def fill_download_sizes(site_root: Path, sizes: dict[str, int]) -> None:
    """Write the size of each of these downloads into the pages that list it, in one pass over the pages.

    For the files the PDF step does not fill in with the PDFs' facts: the Word files and the site's zip.
    """
    if not sizes:
        return
    files = "|".join(re.escape(file) for file in sorted(sizes))
    pattern = re.compile(rf'<(?P<tag>span|td) data-manifest-size="(?P<file>{files})">[^<]*</(?P=tag)>')

    def fill(match: re.Match[str]) -> str:
        shown = human_size(sizes[match["file"]])
        return f'<{match["tag"]} data-manifest-size="{match["file"]}">{shown}</{match["tag"]}>'

    for page in site_root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'data-manifest-size="' in text:
            filled = pattern.sub(fill, text)
            if filled != text:
                page.write_text(filled, encoding="utf-8")
