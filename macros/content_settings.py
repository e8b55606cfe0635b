"""What a fork changes about the content, without editing the pack's files.

Under ``extra.content`` in ``mkdocs.yml``:

``overlay``
    A folder of the fork's own pages. A file there replaces the page at the
    same path in ``docs/`` (``overlay/about/who-is-it-for.md`` replaces
    ``docs/about/who-is-it-for.md``), and a new file adds a page. Upstream
    edits to ``docs/`` then merge without conflicts.
``hide``
    Pages (``guides/presenting-back.md``), navigation sections (their
    title, such as ``Evaluation``) or items (the id of a card, bank,
    session, form or glossary term, such as ``rephrasing-practice``) to
    leave out of the site and the PDFs. Links to them become plain text.
``nav`` and ``nav_after``
    The fork's own pages and sections, added to upstream's navigation (at
    the end, or after the named top-level page or section).
``markdown_extensions`` and ``theme_features``
    Added to upstream's lists, so a fork keeps every upstream extension and
    feature and still adds its own (MkDocs' ``INHERIT`` would replace the
    whole list).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationError

from .problems import Problem, describe_error
from .schema import PlainText, Strict
from .yamlfile import LoadedYaml


class ContentSettings(Strict):
    overlay: PlainText | None = None
    hide: list[PlainText] = Field(default_factory=list)
    #: The fork's own navigation entries, written as in mkdocs.yml's nav.
    nav: list[Any] = Field(default_factory=list)
    #: Where they go: after this top-level page or section (else at the end).
    nav_after: PlainText | None = None
    #: Markdown extensions to add to the project's, written as in mkdocs.yml.
    markdown_extensions: list[str | dict[str, Any]] = Field(default_factory=list)
    #: Theme features to add to the project's, such as content.code.copy.
    theme_features: list[PlainText] = Field(default_factory=list)


def parse_content_settings(
    extra: dict[str, Any], config_file: str, lines: LoadedYaml | None = None
) -> tuple[ContentSettings, list[Problem]]:

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
