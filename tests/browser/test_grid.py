"""The tool index as a grid of tiles, used as a facilitator would (issue 18):
filter it to one stage from the keyboard, hear how many cards are left, and
pick a card; without JavaScript, every card is listed; and the banks' and
forms' grids list every bank and form, each a link to its page."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import BuildResult

pytestmark = [pytest.mark.browser, pytest.mark.build]

TILES = "[data-alp-index] .alp-tile"
SHOWN = TILES + ":not([hidden])"


def pack(built: BuildResult) -> dict:  # type: ignore[type-arg]
    return json.loads((built.site / "api" / "pack.json").read_text(encoding="utf-8"))


def new_page(browser: Browser, **options: object) -> Page:
    return browser.new_context(viewport={"width": 1280, "height": 900}, **options).new_page()  # type: ignore[arg-type]


def tab_to(page: Page, selector: str, presses: int = 40) -> None:
    """Press Tab until the element ``selector`` names has the focus."""
    for _ in range(presses):
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_filter_the_grid_to_one_stage_from_the_keyboard_and_pick_a_card(
    browser: Browser, site_url: str, built_real_site: BuildResult
) -> None:
    cards = pack(built_real_site)["cards"]
    closing = [card["id"] for card in cards if "closing" in card["stages"]]
    assert 0 < len(closing) < len(cards)
    page = new_page(browser)
    page.goto(site_url + "tools/index.html")
    page.wait_for_load_state("load")
    count = page.locator("[data-alp-index] [role=status]")
    expect(count).to_have_text(f"{len(cards)} tools")
    assert count.get_attribute("aria-live") == "polite"

    # From the top of the page: the skip link, then Tab to the stage field, and choose a stage with the arrow keys.
    page.keyboard.press("Tab")
    expect(page.locator("a.md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    tab_to(page, "#tool-index-stage", presses=80)
    for _ in range(10):
        if page.locator("#tool-index-stage").input_value() == "closing":
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator("#tool-index-stage")).to_have_value("closing")

    # Only that stage's cards show, each with the stage's badge, and the count says how many.
    expect(count).to_have_text(f"Showing {len(closing)} of {len(cards)} tools")
    shown = page.locator(SHOWN)
    assert [tile.get_attribute("data-card-id") for tile in shown.all()] == closing
    for tile in shown.all():
        badge = tile.locator(".alp-badge--stage-closing")
        expect(badge).to_be_visible()
        expect(badge).to_have_text("Closing a meeting")
        assert badge.locator("svg").get_attribute("aria-hidden") == "true"
    hidden = page.locator(TILES + "[hidden]")
    assert hidden.count() == len(cards) - len(closing)
    assert all(not tile.is_visible() for tile in hidden.all())

    # Tab on from the filters: the first card left is the next stop, with its focus ring round the tile.
    first = next(card for card in cards if card["id"] == closing[0])
    tab_to(page, f"{SHOWN} .alp-tile__title a")
    focused = page.evaluate("document.activeElement.closest('.alp-tile').dataset.cardId")
    assert focused == first["id"]
    ring = page.locator(f'{TILES}[data-card-id="{first["id"]}"]').evaluate("el => getComputedStyle(el).outlineStyle")
    assert ring == "solid"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{first['url']}")
    expect(page.locator("article h1").first).to_have_text(first["title"])
    page.context.close()


def test_without_javascript_every_card_is_listed_and_the_filters_stay_hidden(
    browser: Browser, site_url: str, built_real_site: BuildResult
) -> None:
    cards = pack(built_real_site)["cards"]
    page = new_page(browser, java_script_enabled=False)
    page.goto(site_url + "tools/index.html")
    tiles = page.locator(TILES)
    assert tiles.count() == len(cards)
    assert all(tile.is_visible() for tile in tiles.all())
    expect(page.locator("[data-alp-filters]")).to_be_hidden()
    expect(page.locator("[data-alp-count]")).to_have_text(f"{len(cards)} tools")
    titles = page.locator(".alp-tile__title a").all_inner_texts()
    assert titles == [card["title"] for card in cards]
    page.context.close()


@pytest.mark.parametrize(("path", "kind"), [("questions/index.html", "banks"), ("forms/index.html", "forms")])
def test_the_banks_and_forms_grids_list_each_one_with_a_link_to_its_page(
    browser: Browser, site_url: str, built_real_site: BuildResult, path: str, kind: str
) -> None:
    items = pack(built_real_site)[kind]
    page = new_page(browser)
    page.goto(site_url + path)
    grid = page.get_by_role("list", name=page.locator(f".alp-tiles--{kind}").get_attribute("aria-label") or "")
    links = grid.locator(".alp-tile__title a")
    assert links.all_inner_texts() == [item["title"] for item in items]
    for tile in grid.locator(".alp-tile").all():
        expect(tile.locator(".alp-badge")).to_be_visible()
    links.last.click()
    page.wait_for_url(f"**/{items[-1]['url']}")
    page.context.close()


def test_the_count_is_said_once_typing_stops_and_says_when_nothing_matches(
    browser: Browser, site_url: str, built_real_site: BuildResult
) -> None:
    total = len(pack(built_real_site)["cards"])
    page = new_page(browser)
    page.clock.install()
    page.goto(site_url + "tools/index.html")
    count = page.locator("[data-alp-count]")
    expect(count).to_have_text(f"{total} tools")
    page.locator("#tool-index-search").press_sequentially("zzq")
    expect(page.locator(SHOWN)).to_have_count(0)  # the tiles follow each letter at once
    assert count.inner_text() == f"{total} tools", "the live region waits for the typing to stop"
    page.clock.run_for(1000)
    expect(count).to_have_text(
        f"Showing 0 of {total} tools. No tool matches these choices. Try other words, a longer time or another stage."
    )
    expect(page.locator("[data-alp-empty]")).to_be_hidden()  # said once, in the count
    page.get_by_role("button", name="Show all tools").click()
    expect(count).to_have_text(f"{total} tools")
    page.context.close()
