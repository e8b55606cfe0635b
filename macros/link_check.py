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
from pathlib import Path
from urllib.parse import unquote, urlsplit

from site_html import PageLinks, article_markup, page_links

from .problems import Problem


def _collect(path: Path, whole: bool) -> PageLinks:
    text = path.read_text(encoding="utf-8")
    if not whole:
        fragment = article_markup(text)
        if fragment is not None:
            text = "\n" * text[: text.index(fragment)].count("\n") + fragment  # keep line numbers
    return page_links(text)


def check_site_links(
    site_dir: Path,
    source_of: dict[str, str] | None = None,
    skip_folders: Iterable[str] = (),
    skip_pages: Iterable[str] = ("404.html",),
    locate: Callable[[str, str], int | None] | None = None,
) -> list[Problem]:
    """Problems with links in every HTML page under ``site_dir``.

    ``source_of`` maps a page URL (``tools/check-in.html``) to the file an
    editor should fix; pages not in it are named by their URL.
    ``skip_folders`` lists folders whose files are made after the site
    (``downloads``, by the PDF step, which checks the links to them itself).
    ``locate(file, link)`` finds the line of a link in its source file.
    """
    source_of = source_of or {}
    skipped = tuple(folder.rstrip("/") + "/" for folder in skip_folders)
    pages = {
        path.relative_to(site_dir).as_posix(): path
        for path in sorted(site_dir.rglob("*.html"))
        if path.relative_to(site_dir).as_posix() not in set(skip_pages)
    }
    folders_seen: set[str] = set()
    collected = {}
    for url, path in pages.items():
        folder = posixpath.dirname(url)
        collected[url] = _collect(path, whole=folder not in folders_seen)
        folders_seen.add(folder)
    problems: list[Problem] = []
    for url, page in collected.items():
        shown = source_of.get(url, f"site/{url}")
        for target, title in page.fetched:
            if urlsplit(target).netloc or target.startswith("//"):
                problems.append(_remote_problem(shown, target, title, locate if url in source_of else None))
        for target, line in page.links:
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
    site_dir: Path, collected: dict[str, PageLinks], url: str, target: str, skipped: tuple[str, ...]
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
    if skipped and resolved.startswith(skipped):
        return None
    if path and not (site_dir / resolved).exists():
        return f"the link '{target}' points to '{resolved}', which does not exist"
    fragment = unquote(parts.fragment)
    if fragment and resolved.endswith(".html"):
        target_page = collected.get(resolved)
        if target_page is not None and fragment not in target_page.ids:
            return f"the link '{target}' points to the anchor '#{fragment}', which is not on '{resolved}'"
    return None
