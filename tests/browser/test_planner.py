"""The session planner, in Chromium: build a plan from a session template,
change minutes, reorder from the keyboard, reload it from its address,
print it, and use it accessibly, privately and at phone width."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import PROJECT
from ..pdf_tools import squash

pytestmark = [pytest.mark.browser, pytest.mark.build]

ASSETS = PROJECT / "overrides" / "assets"


def open_planner(browser: Browser, url: str, **context: object) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}, **context).new_page()  # type: ignore[arg-type]
    page.goto(url)
    page.wait_for_selector("[data-alp-planner][data-ready]")
    return page


def plan(page: Page) -> list[tuple[str, str, str]]:
    """(time, title, minutes) of every item."""
    rows = page.locator("[data-alp-items] > li")
    return [
        (
            row.locator(".alp-planner__time").inner_text(),
            row.locator(".alp-planner__name").inner_text(),
            row.locator(".alp-planner__minutes").input_value(),
        )
        for row in rows.all()
    ]


def from_template(page: Page, session: str = "set-meeting-1") -> None:
    page.select_option("#planner-template", session)
    page.click("[data-action=use-template]")


def test_build_a_plan_from_a_session_template(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    expect(page.locator("[data-alp-empty]")).to_be_visible()
    from_template(page, "set-meeting-2")  # it opens with the check-in (set meeting 1 opens with a welcome)
    items = plan(page)
    assert len(items) > 8
    assert items[0][0] == "10:00–10:10" and items[0][1] == "Check-in"
    expect(page.locator("[data-alp-summary]")).to_have_text("The plan takes all 210 minutes. It ends at 13:30.")
    page.context.close()


def test_change_minutes_and_see_the_clock_and_the_overrun(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "set-meeting-2")  # its first item is the Check-in card
    first = page.locator("#planner-item-0-minutes")
    first.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("20")
    items = plan(page)
    assert items[0][0] == "10:00–10:20"
    assert items[1][0].startswith("10:20")
    summary = page.locator("[data-alp-summary]")
    expect(summary).to_have_text("The plan takes 220 minutes: 10 more than the 210 you have. It ends at 13:40.")
    assert summary.get_attribute("aria-live") == "polite" and summary.get_attribute("role") == "status"
    # Minutes stay within the card's range (Check-in: 10 to 20), and the box says so.
    page.keyboard.press("Control+A")
    page.keyboard.type("45")
    page.keyboard.press("Tab")
    assert plan(page)[0] == ("10:00–10:20", "Check-in", "20")
    page.context.close()


def test_reorder_from_the_keyboard(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page)
    before = [title for _, title, _ in plan(page)]
    page.locator('[data-alp-items] > li[data-index="0"] [data-action="down"]').focus()
    page.keyboard.press("Enter")
    after = [title for _, title, _ in plan(page)]
    assert after[:2] == [before[1], before[0]]
    # Focus stays on the moved item's button, so pressing again moves it further.
    expect(page.locator('[data-alp-items] > li[data-index="1"] [data-action="down"]')).to_be_focused()
    expect(page.locator("[data-alp-announce]")).to_have_text(f"{before[0]} moved to position 2.")
    # Alt and an arrow key move the item holding the focus.
    page.locator("#planner-item-1-minutes").focus()
    page.keyboard.press("Alt+ArrowUp")
    assert [title for _, title, _ in plan(page)][:2] == before[:2]
    expect(page.locator("#planner-item-0-minutes")).to_be_focused()
    page.context.close()


def test_the_plan_survives_a_reload_from_its_address(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "set-meeting-2")
    page.locator("#planner-item-0-minutes").fill("15")
    page.locator("#planner-item-0-minutes").dispatch_event("input")
    page.locator('[data-alp-items] > li[data-index="2"] [data-action="up"]').click()
    page.fill("#planner-start", "13:30")
    page.locator("#planner-start").dispatch_event("input")
    expected = plan(page)
    address = page.url
    assert urlsplit(address).fragment
    page.context.close()
    fresh = open_planner(browser, address)  # a new browser context: no storage
    assert plan(fresh) == expected
    assert fresh.locator("#planner-start").input_value() == "13:30"
    fresh.context.close()


def test_the_plan_is_kept_in_the_browser(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "planner.html")
    page.wait_for_selector("[data-alp-planner][data-ready]")
    from_template(page, "final-meeting")
    expected = plan(page)
    page.goto(site_url + "index.html")
    page.goto(site_url + "planner.html")  # no address: the plan comes from local storage
    page.wait_for_selector("[data-alp-planner][data-ready]")
    assert plan(page) == expected
    context.close()


def test_printing_gives_a_clean_agenda(browser: Browser, site_url: str, tmp_path: Path) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page)
    titles = [title for _, title, _ in plan(page)]
    page.emulate_media(media="print")
    pdf = tmp_path / "agenda.pdf"
    page.pdf(path=str(pdf), format="A4")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages <= 2
    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for title in titles:
        assert title in text
    for words in ("10:00", "Led by", "Facilitator", "Materials to bring", "About the tools", "Set meeting 1"):
        assert words in text
    for screen_only in ("Add tools", "Find a tool by name", "Copy the link"):
        assert screen_only not in text
    page.context.close()


def test_the_planner_is_accessible_and_private_with_a_plan(browser: Browser, site_url: str, axe_source: str) -> None:
    for scheme, width in (("light", 390), ("dark", 1280)):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        foreign: list[str] = []
        page.on(
            "request",
            lambda r, seen=foreign: seen.append(r.url) if urlsplit(r.url).netloc != urlsplit(site_url).netloc else None,
        )
        page.goto(site_url + "planner.html")
        page.wait_for_selector("[data-alp-planner][data-ready]")
        from_template(page)
        page.evaluate(axe_source)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']})"
        )
        violations = [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]]
        assert violations == [], (scheme, width, violations)
        assert foreign == []
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px wide"
        context.close()


def test_adding_tools_with_the_index_filters(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    results = page.locator("[data-alp-results] > li")
    everything = results.count()
    page.select_option("#planner-time", "10")
    page.fill("#planner-size", "3")
    page.locator("#planner-size").dispatch_event("input")
    assert 0 < results.count() < everything
    for row in results.all():
        assert "5–" in row.inner_text() or "10–" in row.inner_text() or "1–" in row.inner_text()
    page.select_option("#planner-time", "")
    page.fill("#planner-size", "")
    page.fill("#planner-search", "Check-out")
    page.locator("#planner-search").dispatch_event("input")
    page.get_by_role("button", name="Add Check-out").click()
    assert [title for _, title, _ in plan(page)] == ["Check-out"]
    expect(page.locator("[data-alp-announce]")).to_have_text("Check-out added to the plan.")
    page.context.close()


def test_the_planner_is_small() -> None:
    # Every script and style sheet the planner's page loads for the planner:
    # those its component names, and card-filter.js, which main.html loads.
    template = (PROJECT / "macros" / "components" / "session_planner" / "template.html").read_text(encoding="utf-8")
    names = re.findall(r"assets/((?:javascripts|stylesheets)/[\w.-]+\.(?:js|css))", template)
    assert {"javascripts/planner.js", "stylesheets/planner.css"} <= set(names)
    assert "assets/javascripts/card-filter.js" in (PROJECT / "overrides" / "main.html").read_text(encoding="utf-8")
    files = [ASSETS / name for name in [*names, "javascripts/card-filter.js"]]
    size = sum(path.stat().st_size for path in files)
    print(f"\nthe planner's {len(files)} scripts and styles: {size / 1000:.1f} kB, unminified")
    assert size <= 30_000
