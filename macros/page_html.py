"""Changes to a page's finished HTML: links to hidden pages unwrapped, headings for the contents, the theme's gaps.

All plain functions over HTML text, with no knowledge of the site engine.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from typing import Any

_HEADING = re.compile(r"<h([1-6])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


class ThemePatchError(Exception):
    """A change to the theme's HTML no longer applies: the theme has changed under it."""


def unlink(html_text: str, targets: Collection[str]) -> str:
    """Links to any of ``targets`` (URLs as the page writes them) become their plain text."""
    if not targets:
        return html_text

    def unwrap(match: re.Match[str]) -> str:
        return match.group(2) if match.group(1).split("#", 1)[0] in targets else match.group(0)

    return _LINK.sub(unwrap, html_text)


def headings(html_text: str) -> list[tuple[int, str, str]]:
    """Every heading below the page title with an id: (level, id, text)."""
    found = [
        (int(level), anchor, html.unescape(_TAG.sub("", inner)).strip())
        for level, anchor, inner in _HEADING.findall(html_text)
    ]
    return [heading for heading in found if heading[0] > 1]


def nest(flat: list[tuple[int, str, str]]) -> list[dict[str, Any]]:
    """Turn a flat list of (level, id, text) headings into nested contents entries."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for level, anchor, name in flat:
        token = {"level": level, "id": anchor, "name": name, "html": html.escape(name), "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


#: Material's search dialog, as its partial writes it (with no accessible name).
SEARCH_DIALOG = 'data-md-component="search" role="dialog">'


def name_search_dialog(html_text: str, label: str) -> str:
    """Give the theme's search dialog an accessible name; stop loudly if the theme no longer writes it so.

    Pages without the theme's frame (such as a redirect) have no dialog and
    are left alone; a page with the search input but not the dialog means
    the theme changed.
    """
    if SEARCH_DIALOG in html_text:
        return html_text.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{html.escape(label)}">', 1)
    if 'data-md-component="search"' in html_text:
        raise ThemePatchError(
            "the theme's search dialog no longer reads "
            f"'{SEARCH_DIALOG}', so it cannot be given its accessible name: "
            "update SEARCH_DIALOG in macros/page_html.py to match the theme"
        )
    return html_text


#: Scripts the theme would load from a CDN, and the site's own stand-ins.
SELF_HOSTED = {"iframe-worker": "assets/javascripts/file-worker.js"}


def self_hosted(urls: list[Any]) -> list[Any]:
    """The theme's run-time scripts (``extra.polyfills``), each served from the site, not another host."""

    def name(url: str) -> str:  # https://unpkg.com/iframe-worker/shim -> iframe-worker
        return url.split("://", 1)[-1].split("/")[1] if "://" in url and url.count("/") >= 3 else url

    served = [SELF_HOSTED.get(name(url), url) if isinstance(url, str) else url for url in urls]
    remote = [url for url in served if isinstance(url, str) and "://" in url]
    if remote:
        raise ThemePatchError(
            f"the theme would load {', '.join(remote)} from another host; "
            "add a self-hosted copy to SELF_HOSTED in macros/page_html.py"
        )
    return served


__all__ = [
    "SEARCH_DIALOG",
    "SELF_HOSTED",
    "ThemePatchError",
    "headings",
    "name_search_dialog",
    "nest",
    "self_hosted",
    "unlink",
]
