"""The organisation's identity: the few settings a fork changes.

They live under ``extra.identity`` in ``mkdocs.yml``. The site header and
footer, the PDF cover and footers, the PDF metadata and the handouts all
read them from here, so no other file needs editing to rebrand the pack.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, StrictStr, StringConstraints, ValidationError, ValidationInfo, field_validator

from .problems import Problem, describe_error
from .schema import MarkdownText, PlainText, Strict
from .yamlfile import LoadedYaml

HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"
HexColour = Annotated[StrictStr, StringConstraints(pattern=HEX_COLOUR)]

#: WCAG 2.2 AA contrast for normal text.
MIN_CONTRAST = 4.5
WHITE = "#ffffff"


class Paper(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


class Colours(Strict):
    """Brand colours.

    Both are shown with white text on them and as link colours on white, so
    both need a contrast of 4.5:1 against white.
    """

    primary: HexColour
    accent: HexColour

    @field_validator("primary", "accent")
    @classmethod
    def _readable(cls, colour: str, info: ValidationInfo) -> str:
        ratio = contrast(colour, WHITE)
        if ratio < MIN_CONTRAST:
            raise ValueError(
                f"the {info.field_name} colour {colour} has a contrast of {ratio:.2f}:1 with white; "
                f"WCAG AA needs at least {MIN_CONTRAST}:1, so choose a darker colour"
            )
        return colour


class Identity(Strict):
    """Who publishes this edition of the pack.

    Upstream's own values are in ``config/base.yml``; a fork sets its own in
    ``mkdocs.yml``, and MkDocs' ``INHERIT`` merges the two, setting by setting.
    """

    #: The edition's name, in the site header and on the PDF cover; upstream's
    #: is MkDocs' ``site_name`` in config/base.yml.
    name: PlainText | None = None
    organisation: PlainText
    short_name: PlainText = Field(max_length=40)
    logo: PlainText
    favicon: PlainText
    colours: Colours
    #: How readers reach the publisher; the footer has no contact link without it.
    contact: PlainText | None = None
    licence: PlainText
    attribution: MarkdownText
    edition: dt.date
    paper: Paper = Paper.A4

    @field_validator("contact")
    @classmethod
    def _contact_is_address(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^(mailto:[^@\s]+@[^@\s]+|https?://\S+)$", value):
            raise ValueError("expected a 'mailto:' address or a web address starting https://")
        return value


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


#: Material's dark ("slate") background, for picking readable link colours.
DARK_BACKGROUND = "#1e2029"


def mix(colour: str, other: str, share: float) -> str:
    """``colour`` moved ``share`` (0 to 1) of the way towards ``other``."""
    first = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    second = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(a + (b - a) * share) for a, b in zip(first, second, strict=True)]
    return "#" + "".join(f"{value:02x}" for value in mixed)


def readable_on(colour: str, background: str, minimum: float = MIN_CONTRAST) -> str:
    """The least-lightened tint of ``colour`` with ``minimum`` contrast on ``background``."""
    for step in range(0, 101, 5):
        candidate = mix(colour, WHITE, step / 100)
        if contrast(candidate, background) >= minimum:
            return candidate
    return WHITE


def parse_identity(
    extra: dict[str, Any], config_file: str, lines: LoadedYaml | None = None
) -> tuple[Identity | None, list[Problem]]:
    """Validate ``extra.identity``; return it or the problems found.

    ``lines`` (of the config file) lets each problem name its line.
    """
    raw = extra.get("identity")
    if not isinstance(raw, dict):
        return None, [
            Problem(config_file, None, "extra.identity", "the organisation's identity is missing; see docs/adapting.md")
        ]
    try:
        return Identity.model_validate(raw), []
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            loc = tuple(part for part in detail["loc"] if isinstance(part, str | int))
            path = ("extra", "identity", *loc)
            line = lines.line_of(path) if lines else None
            problems.append(Problem(config_file, line, ".".join(map(str, path)), describe_error(Identity, loc, detail)))
        return None, problems
