"""Check every link and image in the built site's HTML.

MkDocs checks the links written in Markdown. Links written as HTML, by a
component or by an author, pass it by; this check reads the finished HTML,
so it sees every ``href`` and ``src`` whatever produced it, and checks that
the page exists and that the ``#anchor`` is an id on that page.

The theme's frame (head, header, navigation, footer) comes from templates
and is the same on every page of a folder, so it is read in full on the
first page of each folder; on the other pages only the article is read.
On a large site that is most of the time saved.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .problems import Problem

_LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


#: <link rel> values that make the browser fetch the target.
_FETCHING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "apple-touch-icon"}


@dataclass
class _PageLinks:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)
    #: Targets the browser fetches by itself when it shows the page, with the element's title if it has one.
    fetched: list[tuple[str, str | None]] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _PageLinks()

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


_ARTICLE = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
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


def _collect(path: Path, whole: bool) -> _PageLinks:
    text = path.read_text(encoding="utf-8")
    if not whole:
        fragment = article_markup(text)
        if fragment is not None:
            text = "\n" * text[: text.index(fragment)].count("\n") + fragment  # keep line numbers
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector.page


def check_site_links(
    site_dir: Path,
    source_of: dict[str, str] | None = None,
    skip_suffixes: Iterable[str] = (),
    skip_pages: Iterable[str] = ("404.html",),
    locate: Callable[[str, str], int | None] | None = None,
    only_suffixes: Iterable[str] = (),
) -> list[Problem]:
    """Problems with links in every HTML page under ``site_dir``.

    ``source_of`` maps a page URL (``tools/check-in.html``) to the file an
    editor should fix; pages not in it are named by their URL.
    ``skip_suffixes`` lists targets not built yet (``.pdf`` before the PDF step).
    ``locate(file, link)`` finds the line of a link in its source file.
    ``only_suffixes`` limits the check to links to such files (``.pdf``
    after the PDF step, when the rest has been checked already).
    """
    source_of = source_of or {}
    skipped = tuple(skip_suffixes)
    pages = {
        path.relative_to(site_dir).as_posix(): path
        for path in sorted(site_dir.rglob("*.html"))
        if path.relative_to(site_dir).as_posix() not in set(skip_pages)
    }
    wanted = tuple(only_suffixes)
    folders_seen: set[str] = set()
    collected = {}
    for url, path in pages.items():
        folder = posixpath.dirname(url)
        if wanted and not any(suffix in path.read_text(encoding="utf-8") for suffix in wanted):
            collected[url] = _PageLinks()  # nothing here links to such files
            continue
        collected[url] = _collect(path, whole=folder not in folders_seen)
        folders_seen.add(folder)
    problems: list[Problem] = []
    for url, page in collected.items():
        shown = source_of.get(url, f"site/{url}")
        for target, title in page.fetched:
            if urlsplit(target).netloc or target.startswith("//"):
                problems.append(_remote_problem(shown, target, title, locate if url in source_of else None))
        for target, line in page.links:
            if wanted and not urlsplit(target).path.endswith(wanted):
                continue
            message = _link_problem(site_dir, collected, url, target, skipped)
            if message is None:
                continue
            if url in source_of:
                found = locate(shown, target) if locate else None
            else:
                found, message = None, f"{message} (line {line} of the built page)"
            problems.append(Problem(shown, found, None, message))
    return problems


#: An emoji shortcode drawn as a picture from another host carries its shortcode as its title.
_EMOJI = re.compile(r"^:[a-z0-9_+-]+:$")


def _remote_problem(
    shown: str, target: str, title: str | None, locate: Callable[[str, str], int | None] | None
) -> Problem:
    """A file the page would load from another host: each one, at its line where that can be found."""
    if title and _EMOJI.match(title):
        return Problem(
            shown,
            locate(shown, title) if locate else None,
            None,
            f"the emoji {title} loads its picture from {urlsplit(target).netloc}, which would tell that host about "
            "every reader; draw emoji inside the page instead, with the emoji extension's settings "
            "emoji_index: material.extensions.emoji.twemoji and emoji_generator: material.extensions.emoji.to_svg",
        )
    return Problem(
        shown,
        locate(shown, target) if locate else None,
        None,
        f"the page loads '{target}' from another host, which would tell that host about every reader; "
        "put the file in docs/ and link to it there",
    )


def _link_problem(
    site_dir: Path, collected: dict[str, _PageLinks], url: str, target: str, skipped: tuple[str, ...]
) -> str | None:
    """What is wrong with the link ``target`` on the page ``url``, or None."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("data:", "mailto:", "tel:")):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return f"the link '{target}' starts with '/', which breaks on a site in a sub-folder; use a relative link"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(url), path)) if path else url
    if resolved.startswith(".."):
        return f"the link '{target}' points outside the site"
    if skipped and resolved.endswith(skipped):
        return None
    if path and not (site_dir / resolved).exists():
        return f"the link '{target}' points to '{resolved}', which does not exist"
    fragment = unquote(parts.fragment)
    if fragment and resolved.endswith(".html"):
        target_page = collected.get(resolved)
        if target_page is not None and fragment not in target_page.ids:
            return f"the link '{target}' points to the anchor '#{fragment}', which is not on '{resolved}'"
    return None
