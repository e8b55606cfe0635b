"""The index tiles (macros/components/tiles.html): tool cards, question banks and forms.

Each badge is a colour, an icon and a text label; the icons are Material's
own, drawn inline; every tone has a colour in the light and the dark
scheme, on the site and in the PDF; and the three indexes share one tile.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.components import icons
from macros.components.examples import Example, example_context, render_example
from macros.macro_table import MACROS
from macros.schema import BankKind, FormKind, Stage

ROOT = Path(__file__).parents[1]
SITE_CSS = ROOT / "overrides" / "assets" / "stylesheets" / "tiles.css"
PDF_CSS = ROOT / "scripts" / "pdf" / "styles" / "tiles.css"
#: Material for MkDocs' own icons, which the site bundles.
MATERIAL_ICONS = Path(pytest.importorskip("material").__file__).parent / "templates" / ".icons" / "material"

GROUPS = {"stage": Stage, "bank": BankKind, "form": FormKind}


def html(component: str, **params: object) -> str:
    return str(render_example(Example(component, "x", "", dict(params), page="tools/index.html")))


def test_every_icon_is_materials_own_path() -> None:
    for name, path in icons.PATHS.items():
        bundled = (MATERIAL_ICONS / f"{name}.svg").read_text(encoding="utf-8")
        assert re.search(r'<path d="([^"]+)"', bundled)[1] == path, name  # type: ignore[index]


@pytest.mark.parametrize("group", GROUPS)
def test_every_value_has_an_icon_and_a_colour_in_both_schemes_and_in_print(group: str) -> None:
    site = SITE_CSS.read_text(encoding="utf-8")
    tones = [rule for rule in site.split("}") if "--alp-tone:" in rule]
    dark = "\n".join(rule for rule in tones if '[data-md-color-scheme="slate"]' in rule)
    light = "\n".join(rule for rule in tones if '[data-md-color-scheme="slate"]' not in rule)
    pdf = "\n".join(rule for rule in PDF_CSS.read_text(encoding="utf-8").split("}") if "--tone:" in rule)
    for member in GROUPS[group]:
        assert icons.BADGE_ICONS[group][member.value] in icons.PATHS
        selector = f".alp-badge--{group}-{member.value}"
        for where, css in (("light", light), ("dark", dark), ("pdf", pdf)):
            assert selector in css, f"{selector} has no colour in the {where} styles"
    assert set(icons.BADGE_ICONS[group]) == {member.value for member in GROUPS[group]}


def test_a_stage_shows_as_an_icon_hidden_from_screen_readers_beside_its_label() -> None:
    tiles = html("tool_index")
    tile = tiles.split('data-card-id="example-full"', 1)[1].split("</li>", 1)[0]
    badges = re.findall(
        r'<span class="alp-badge alp-badge--stage-(\w+)">(<svg[^>]*>).*?<span class="alp-badge__label">([^<]+)</span>',
        tile,
    )
    assert [(stage, label) for stage, _, label in badges] == [
        ("presenting", "Presenting and questioning"),
        ("reflecting", "Reflecting and reviewing"),
    ]
    assert all('aria-hidden="true"' in svg and 'focusable="false"' in svg for _, svg, _ in badges)
    # Between the two labels, words a screen reader reads (not run together).
    assert '<span class="alp-badge__sep">; </span>' in tile
    # The stage is named for screen readers, and the tile's edge takes the first stage's tone.
    assert '<dt class="alp-visually-hidden">Stage</dt>' in tile
    assert tiles.count('class="alp-tile alp-tile--stage-presenting"') == 1


def test_the_tool_index_is_a_list_with_a_heading_and_a_link_per_card() -> None:
    tiles = html("tool_index")
    assert "<table" not in tiles
    assert '<ul class="alp-tiles alp-tiles--cards" role="list" aria-label="Tool cards, with their stage' in tiles
    titles = re.findall(
        r'<li class="alp-tile[^"]*"[^>]*>\n<h3 class="alp-tile__title"><a href="([^"]+)">([^<]+)</a></h3>', tiles
    )
    assert titles == [
        ("example-full.html", "Practice &#34;round&#34; &amp; review"),
        ("example-minimal.html", "Quiet minute"),
    ]
    assert "<dt>Time</dt><dd>20 to 30 minutes</dd>" in tiles and "<dt>Group size</dt><dd>3 people</dd>" in tiles
    assert "<h4" in html("tool_index", level=4) and "<h3" not in html("tool_index", level=4)


def test_the_three_indexes_share_one_tile() -> None:
    for component in ("tool_index", "bank_index", "form_index"):
        tile = re.search(r'<li class="alp-tile .*?</li>', html(component), re.S)
        assert tile is not None, component
        assert re.match(r'<li[^>]*>\n<h3 class="alp-tile__title"><a href="[^"]+">', tile[0]), component
        assert '<p class="alp-tile__summary">' in tile[0] and '<dl class="alp-tile__facts">' in tile[0], component
        template = (ROOT / "macros" / "components" / component / "template.html").read_text(encoding="utf-8")
        assert '{% from "tiles.html" import' in template and "<li" not in template, component


def test_a_bank_tile_gives_its_kind_question_count_and_groups() -> None:
    tiles = html("bank_index")
    rephrase = tiles.split('data-bank-id="example-rephrase"', 1)[1].split("</li>", 1)[0]
    assert '<span class="alp-badge__label">Questions to rephrase</span>' in rephrase
    assert "<dt>Questions</dt><dd>1</dd>" in rephrase
    assert "<dt>Groups of questions</dt><dd>Advice in disguise</dd>" in rephrase
    assert '<a href="../questions/example-rephrase.html">' in rephrase


def test_a_form_tile_gives_its_kind_and_who_uses_it() -> None:
    tiles = html("form_index")
    form = tiles.split('data-form-id="example-form"', 1)[1].split("</li>", 1)[0]
    assert '<span class="alp-badge__label">Form to fill in</span>' in form
    assert "<dt>Who uses it</dt><dd>Each member</dd>" in form
    only = html("form_index", kind="template")
    assert 'data-form-id="example-template"' in only and 'data-form-id="example-form"' not in only


@pytest.mark.parametrize("level", [1, 7, "3", True])
def test_a_heading_level_outside_2_to_6_is_refused(level: object) -> None:
    with pytest.raises(ValueError, match=r"level must be a whole number from 2 to 6"):
        MACROS["bank_index"](example_context(), level=level)


def test_a_bad_form_kind_lists_the_choices() -> None:
    with pytest.raises(
        ValueError, match=r"kind must be one of 'form', 'template', not 'templat'.*did you mean 'template'"
    ):
        MACROS["form_index"](example_context(), kind="templat")
