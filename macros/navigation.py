"""The navigation: patterns such as ``tools/*.md`` expanded, a fork's hidden pages and sections left out.

The navigation is data as MkDocs writes it in ``mkdocs.yml``: a list whose
entries are page paths, or ``{title: path}``, or ``{title: [entries]}``.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Iterable
from typing import Any

log = logging.getLogger("mkdocs.plugins.pack")


def expand(nav: list[Any], candidates: Iterable[str]) -> list[Any]:
    """``nav`` with each pattern (an entry with ``*``) replaced by the pages it matches.

    ``candidates`` are every page's path in the order they should appear
    (generated pages in pack order, then files by path). Pages the nav names
    elsewhere are left out of a pattern's matches.
    """
    candidates = list(candidates)
    named = {entry for entry in page_paths(nav) if "*" not in entry}

    def matching(pattern: str) -> list[str]:
        matches = [path for path in candidates if fnmatch.fnmatch(path, pattern) and path not in named]
        if not matches:
            log.warning("The nav entry '%s' matches no page; remove it or add pages", pattern)
        return matches

    def walk(items: Any) -> Any:
        if isinstance(items, list):
            result: list[Any] = []
            for item in items:
                if isinstance(item, str) and "*" in item:
                    result.extend(matching(item))
                else:
                    result.append(walk(item))
            return result
        if isinstance(items, dict):
            return {
                key: matching(value) if isinstance(value, str) and "*" in value else walk(value)
                for key, value in items.items()
            }
        return items

    expanded: list[Any] = walk(nav)
    return expanded


def page_paths(item: Any) -> set[str]:
    """Every page path (or pattern) in a nav entry."""
    if isinstance(item, str):
        return {item}
    if isinstance(item, list):
        return set().union(*(page_paths(child) for child in item)) if item else set()
    if isinstance(item, dict):
        return set().union(*(page_paths(child) for child in item.values())) if item else set()
    return set()


def names(nav: Any) -> set[str]:
    """Every page path and section title in a nav."""
    found: set[str] = set()
    if isinstance(nav, str):
        found.add(nav)
    elif isinstance(nav, list):
        for item in nav:
            found |= names(item)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            found.add(title)
            found |= names(value)
    return found


def hide(nav: list[Any], hidden: Iterable[str]) -> tuple[list[Any], set[str], set[str]]:
    """``nav`` without the hidden pages and sections.

    Returns the new nav, the page paths it dropped, and the entries of
    ``hidden`` that matched something (the caller reports the rest).
    """
    wanted = set(hidden)
    dropped: set[str] = set()
    matched: set[str] = set()

    def keep(item: Any) -> Any:
        if isinstance(item, str):
            if item in wanted:
                matched.add(item)
                dropped.add(item)
                return None
            return item
        if isinstance(item, dict):
            result = {}
            for title, value in item.items():
                if title in wanted or (isinstance(value, str) and value in wanted):
                    matched.add(title if title in wanted else value)
                    dropped.update(page_paths(value))
                    continue
                kept = keep(value)
                if kept not in (None, []):
                    result[title] = kept
            return result or None
        if isinstance(item, list):
            return [kept for child in item if (kept := keep(child)) not in (None, [], {})]
        return item

    return keep(nav) or [], dropped, matched


__all__ = ["expand", "hide", "names", "page_paths"]
