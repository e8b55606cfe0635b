"""The agenda's timeline in Chromium: on the planner's printed agenda, drawn
for the plan as it stands, and on a session page, at phone width and in the
dark scheme."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import BuildResult
from .test_planner import from_template, open_planner, plan, printed, type_into

pytestmark = [pytest.mark.browser, pytest.mark.build]

BLOCKS = "[data-alp-print=agenda] .alp-timeline__svg g.alp-timeline__block"


def blocks(page: Page) -> list[dict[str, object]]:
    """Each block of the printed agenda's timeline: its width, whether it is a break, and its text."""
    return page.eval_on_selector_all(
        BLOCKS,
        """groups => groups.map(group => ({
            width: Number(group.querySelector('rect').getAttribute('width')),
            is_break: group.classList.contains('alp-timeline__block--break'),
            dashed: group.querySelector('rect').getAttribute('stroke-dasharray'),
            text: [...group.querySelectorAll('text')].map(text => text.textContent)
        }))""",
    )


def test_the_printed_agenda_holds_the_timeline_of_the_plan(
    browser: Browser, site_url: str, built_real_site: BuildResult, tmp_path: Path
) -> None:
    data = json.loads((built_real_site.site / "api" / "pack.json").read_text(encoding="utf-8"))
    agenda = next(entry for entry in data["sessions"] if entry["id"] == "set-meeting-1")["agenda"]
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "set-meeting-1")
    # Change the plan: the first item takes 20 minutes more, and the timeline follows.
    first = int(agenda[0]["minutes"])
    type_into(page, "#planner-item-0-minutes", str(first + 20))
    page.keyboard.press("Tab")
    items = plan(page)
    minutes = [int(item[2]) for item in items]
    assert minutes[0] == first + 20 and len(items) == len(agenda)

    drawn = blocks(page)
    assert len(drawn) == len(items)
    total = sum(minutes)
    for block, item_minutes in zip(drawn, minutes, strict=True):
        assert block["width"] == pytest.approx(item_minutes * 1000 / total, abs=0.011)
    # Breaks come from the session plan's own items, hatched and dashed.
    assert [block["is_break"] for block in drawn] == [entry["kind"] == "break" for entry in agenda]
    assert all(bool(block["dashed"]) == block["is_break"] for block in drawn)
    assert sum(block["is_break"] for block in drawn) == 2
    # The widest block is wide enough for its time, its title and who leads it.
    widest = max(range(len(drawn)), key=lambda index: float(drawn[index]["width"]))  # type: ignore[arg-type]
    assert drawn[widest]["text"][0] == items[widest][0].split("–")[0]
    assert items[widest][1] in " ".join(drawn[widest]["text"])  # type: ignore[arg-type]
    svg = page.locator("[data-alp-print=agenda] .alp-timeline__svg")
    label = svg.get_attribute("aria-label") or ""
    assert svg.get_attribute("role") == "img"
    assert (
        label
        == f"Timeline of the agenda: {len(items)} items over {total} minutes, with 2 breaks; the table below lists them"
    )
    # A block too narrow for its words shows its number, and the table's rows are numbered to match.
    numbered = [index for index, block in enumerate(drawn) if block["text"] == [str(index + 1)]]
    assert numbered, "some items are too short for their words"
    rows = page.locator("[data-alp-print=agenda] table tbody tr")
    for index in numbered:
        assert rows.nth(index).locator("td").first.inner_text() == str(index + 1)

    # On paper: the timeline prints, in black, above the table, and the agenda stays one sheet.
    page.emulate_media(media="print")
    box = svg.bounding_box()
    table = page.locator("[data-alp-print=agenda] table").bounding_box()
    assert box is not None and table is not None and box["width"] > 500 and box["y"] < table["y"]
    assert svg.evaluate("node => getComputedStyle(node).color") == "rgb(0, 0, 0)"
    page.emulate_media(media="screen")
    pages, text = printed(page, tmp_path, "agenda")
    assert pages == 1
    assert "No." in text and items[0][1] in text


def test_a_session_page_timeline_at_phone_width_and_in_the_dark(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "programme/set-meeting-1.html")
    box = page.locator(".alp-timeline").first
    svg = box.locator("svg")
    assert svg.get_attribute("role") == "img"
    # The page does not scroll sideways; the drawing keeps its text legible and scrolls in its box.
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert box.evaluate("node => node.scrollWidth > node.clientWidth")
    font = svg.evaluate("node => node.querySelector('text').getBoundingClientRect().height")
    assert font >= 10, f"the timeline's text is {font}px tall at phone width"
    box.focus()
    assert page.evaluate("document.activeElement.classList.contains('alp-timeline')")
    # In the dark scheme the drawing takes the text's light colour, not a fixed dark one.
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    colour = svg.evaluate("node => getComputedStyle(node).color")
    channels = [int(part) for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
    assert sum(channels) / 3 > 180, colour
    context.close()
