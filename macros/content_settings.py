"""What a fork changes about the content, without editing the pack's files.

Under ``extra.content`` in ``mkdocs.yml``:

``overlay``
    A folder of the fork's own pages. A file there replaces the page at the
    same path in ``docs/`` (``overlay/about/who-is-it-for.md`` replaces
    ``docs/about/who-is-it-for.md``), and a new file adds a page. Upstream
    edits to ``docs/`` then merge without conflicts.
``hide``
    Pages (``guides/presenting-back.md``) or navigation sections (their
    title, such as ``Evaluation``) to leave out of the site and the PDFs.
    Links to a hidden page become plain text.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationError

from .problems import Problem
from .schema import PlainText, Strict
from .yamlfile import LoadedYaml


class ContentSettings(Strict):
    overlay: PlainText | None = None
    hide: list[PlainText] = Field(default_factory=list)


def parse_content_settings(
    extra: dict[str, Any], config_file: str, lines: LoadedYaml | None = None
) -> tuple[ContentSettings, list[Problem]]:
    from .loading import describe_error

    raw = extra.get("content") or {}
    try:
        return ContentSettings.model_validate(raw), []
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            loc = tuple(part for part in detail["loc"] if isinstance(part, str | int))
            path = ("extra", "content", *loc)
            line = lines.line_of(path) if lines else None
            problems.append(
                Problem(config_file, line, ".".join(map(str, path)), describe_error(ContentSettings, loc, detail))
            )
        return ContentSettings(), problems


def hide_from_nav(nav: list[Any], hidden: list[str]) -> tuple[list[Any], set[str], set[str]]:
    """``nav`` without the hidden pages and sections.

    Returns the new nav, the page paths it dropped, and the entries of
    ``hidden`` that matched something (the caller reports the rest).
    """
    wanted = set(hidden)
    dropped: set[str] = set()
    matched: set[str] = set()

    def pages_in(item: Any) -> set[str]:
        if isinstance(item, str):
            return {item}
        if isinstance(item, list):
            return set().union(*(pages_in(child) for child in item)) if item else set()
        if isinstance(item, dict):
            return set().union(*(pages_in(child) for child in item.values())) if item else set()
        return set()

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
                    dropped.update(pages_in(value))
                    continue
                kept = keep(value)
                if kept not in (None, []):
                    result[title] = kept
            return result or None
        if isinstance(item, list):
            return [kept for child in item if (kept := keep(child)) not in (None, [], {})]
        return item

    return keep(nav) or [], dropped, matched
