"""The theme layer: Material's strings in UK English, and the brand colours' contrast."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from macros.identity import DARK_BACKGROUND, MIN_CONTRAST, contrast, parse_identity, readable_on

from .conftest import PROJECT

KEY = re.compile(r'^\s*"([a-z][a-z.]*)":', re.MULTILINE)


def keys(path: Path) -> set[str]:
    return set(KEY.findall(path.read_text(encoding="utf-8")))


def test_uk_english_strings_cover_every_material_key() -> None:
    original = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    ours = PROJECT / "overrides" / "partials" / "languages" / "en.html"
    assert keys(original) - keys(ours) == set()
    assert "Initializing" not in ours.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#767676", "#ffffff", 4.54)],
)
def test_contrast_follows_wcag(first: str, second: str, expected: float) -> None:
    assert contrast(first, second) == pytest.approx(expected, abs=0.01)


def test_a_brand_colour_that_fails_contrast_is_an_error() -> None:
    identity = {
        "organisation": "Pale Trust",
        "short_name": "Pale",
        "logo": "logo.svg",
        "favicon": "logo.svg",
        "colours": {"primary": "#ffcc00", "accent": "#993300"},
        "contact": "mailto:a@example.org",
        "licence": "CC BY-SA 4.0",
        "attribution": "Ours.",
        "edition": "2026-01-01",
    }
    parsed, problems = parse_identity({"identity": identity}, "mkdocs.yml")
    assert parsed is None
    assert [str(p) for p in problems] == [
        "mkdocs.yml: extra.identity.colours.primary: the primary colour #ffcc00 has a contrast of 1.51:1 with white; "
        "WCAG AA needs at least 4.5:1, so choose a darker colour"
    ]


def test_link_colours_for_the_dark_scheme_are_readable() -> None:
    for colour in ("#1d5b79", "#a33b20", "#000000", "#114477"):
        assert contrast(readable_on(colour, DARK_BACKGROUND), DARK_BACKGROUND) >= MIN_CONTRAST
