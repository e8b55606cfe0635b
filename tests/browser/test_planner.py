"""The session planner, in Chromium: build a plan from a session template,
change minutes, reorder from the keyboard, reload it from its address,
print it, and use it accessibly, privately and at phone width. Issue 17's
trial, as a first-time facilitator: the plan keeps the session's own words,
minutes are never silently changed, no work is lost without Undo or Back,
and the planner prints a room agenda and a facilitator's checklist."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from ..conftest import PROJECT, BuildResult
from ..page_weight import served_bytes
from ..pdf_tools import squash

pytestmark = [pytest.mark.browser, pytest.mark.build]

ASSETS = PROJECT / "overrides" / "assets"


def open_planner(browser: Browser, url: str, **context: object) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}, **context).new_page()  # type: ignore[arg-type]
    page.goto(url)
    page.wait_for_selector("[data-alp-planner][data-ready]")
    return page


def title_of(row: Locator) -> str:
    """An item's title as its box shows it (its own, or its card's); as text where it has no box."""
    box = row.locator(".alp-planner__title")
    if not box.count():
        return row.locator(".alp-planner__name").inner_text()
    return box.input_value() or str(box.get_attribute("placeholder"))


def plan(page: Page) -> list[tuple[str, str, str]]:
    """(time, title, minutes) of every item."""
    rows = page.locator("[data-alp-items] > li")
    return [
        (
            row.locator(".alp-planner__time").inner_text(),
            title_of(row),
            row.locator(".alp-planner__minutes").input_value(),
        )
        for row in rows.all()
    ]


def session(site: Path, session_id: str) -> dict[str, object]:
    """A session plan as the site's pack.json has it."""
    data = json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))
    return next(entry for entry in data["sessions"] if entry["id"] == session_id)


def type_into(page: Page, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def printed(page: Page, tmp_path: Path, which: str) -> tuple[int, str]:
    """Pages and text of what a print button prints, as an A4 PDF."""
    page.evaluate("window.print = () => {}")  # headless Chromium has no print dialog to wait for
    page.click(f"[data-action=print][data-print={which}]")
    page.emulate_media(media="print")
    pdf = tmp_path / f"{which}.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="screen")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return pages, squash(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )


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
    page.context.close()


def test_minutes_outside_the_cards_range_are_kept_with_a_note(browser: Browser, site_url: str) -> None:
    # The trial: practice triad 45 -> 40, then Tab, went back to 45 with no message.
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "introductory-meeting")
    index = next(i for i, (_, title, _) in enumerate(plan(page)) if title == "Practice round in small groups")
    field = f"#planner-item-{index}-minutes"
    type_into(page, field, "40")
    page.keyboard.press("Tab")
    assert plan(page)[index][2] == "40"
    expect(page.locator("[data-alp-summary]")).to_have_text(
        "The plan takes 205 of 210 minutes: 5 to spare. It ends at 13:25."
    )
    note = page.locator(f"#planner-item-{index}-note")
    expect(note).to_have_text("The card suggests 45–60 minutes.")
    assert page.locator(field).get_attribute("aria-describedby") == f"planner-item-{index}-note"
    # Back inside the range, the note goes.
    type_into(page, field, "50")
    expect(note).to_be_hidden()
    page.keyboard.press("Tab")
    # Longer than the meeting: refused out loud, and the plan keeps what it had.
    type_into(page, field, "300")
    page.keyboard.press("Tab")
    expect(note).to_have_text("Use a whole number of minutes from 1 to 210, the meeting's length. The plan keeps 50.")
    assert page.locator(field).get_attribute("aria-invalid") == "true"
    assert page.locator(field).input_value() == "300", "what was typed stays, to be put right"
    expect(page.locator("[data-alp-summary]")).to_contain_text("215 minutes")
    page.context.close()


def test_use_this_plan_keeps_the_sessions_own_words(
    browser: Browser, site_url: str, built_real_site: BuildResult
) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "introductory-meeting")
    agenda = session(built_real_site.site, "introductory-meeting")["agenda"]
    assert [(title, int(minutes)) for _, title, minutes in plan(page)] == [(e["title"], e["minutes"]) for e in agenda]
    titles = [title for _, title, _ in plan(page)]
    assert "Demonstration, part one: presenting and clarifying questions" in titles
    assert "Clarifying questions round" not in titles and "Presenting an issue" not in titles
    leads = page.locator(".alp-planner__lead").evaluate_all("nodes => nodes.map(node => node.value)")
    assert leads == [entry["lead"] for entry in agenda]
    # The session's own 20 minutes for an outline are the plan's, not a departure from the card.
    outline = titles.index("Each member outlines an issue")
    expect(page.locator(f"#planner-item-{outline}-note")).to_be_hidden()
    # The link to the card is still there.
    expect(page.locator(f'[data-alp-items] > li[data-index="{outline}"] .alp-planner__card')).to_have_text(
        "Card: Presenting an issue"
    )
    page.context.close()


def test_items_are_renamed_and_own_items_added_and_removed(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "set-meeting-2")
    type_into(page, "#planner-item-0-title", "Arrival and check-in")
    page.keyboard.press("Tab")
    expect(page.locator("#planner-item-0-minutes")).to_have_accessible_name("Minutes for Arrival and check-in (item 1)")
    page.fill("#planner-own-title", "Lunch")
    page.fill("#planner-own-minutes", "30")
    page.get_by_role("button", name="Add this item").click()
    expect(page.locator("[data-alp-announce]")).to_have_text("Lunch added to the plan.")
    last = plan(page)[-1]
    assert last[1:] == ("Lunch", "30")
    expect(page.locator("[data-alp-summary]")).to_contain_text("240 minutes: 30 more than the 210")
    # The names and the own item survive the trip through the address.
    fresh = open_planner(browser, page.url)
    assert plan(fresh)[0][1] == "Arrival and check-in" and plan(fresh)[-1][1:] == ("Lunch", "30")
    fresh.context.close()
    count = len(plan(page))
    page.get_by_role("button", name=f"Remove Lunch (item {count})").click()
    assert len(plan(page)) == count - 1
    page.context.close()


def test_a_removed_break_comes_back(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "introductory-meeting")
    before = plan(page)
    index = [title for _, title, _ in before].index("Break")
    page.get_by_role("button", name=f"Remove Break (item {index + 1})").click()
    assert len(plan(page)) == len(before) - 1
    expect(page.locator("[data-alp-undo]")).to_contain_text("Break removed.")
    page.get_by_role("button", name="Undo", exact=True).click()
    assert plan(page) == before
    expect(page.locator("[data-alp-undo]")).to_be_hidden()
    expect(page.locator("[data-alp-announce]")).to_have_text("The plan before is back.")
    page.context.close()


def test_replacing_or_clearing_a_plan_offers_undo_and_back_restores_it(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "introductory-meeting")
    type_into(page, "#planner-item-0-minutes", "8")
    page.keyboard.press("Tab")
    edited = plan(page)
    from_template(page, "set-meeting-1")  # replaces the edited plan
    assert plan(page) != edited
    expect(page.locator("[data-alp-undo]")).to_contain_text("The plan is now Set meeting 1.")
    page.get_by_role("button", name="Undo", exact=True).click()
    assert plan(page) == edited
    expect(page.locator("#planner-title")).to_have_value("Introductory meeting")
    # Start again clears, and Back brings the plan back.
    page.get_by_role("button", name="Start again").click()
    assert plan(page) == []
    expect(page.locator("[data-alp-undo]")).to_contain_text("The plan is cleared.")
    expect(page.get_by_role("button", name="Undo", exact=True)).to_be_focused()
    page.go_back()
    expect(page.locator("[data-alp-items] > li")).to_have_count(len(edited))
    assert plan(page) == edited
    page.context.close()


def test_on_a_phone_the_tool_list_is_part_of_the_page_and_there_is_no_keyboard_tip(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "planner.html")
    page.wait_for_selector("[data-alp-planner][data-ready]")
    results = page.locator("[data-alp-results]")
    assert results.evaluate("node => getComputedStyle(node).overflowY") == "visible"
    assert results.evaluate("node => node.scrollHeight <= node.clientHeight + 1"), "the list scrolls inside the page"
    expect(page.locator(".alp-planner__keys")).to_be_hidden()
    context.close()
    # With a mouse and keyboard, the tip is there.
    page = open_planner(browser, site_url + "planner.html")
    expect(page.locator(".alp-planner__keys")).to_be_visible()
    page.context.close()


def test_no_two_controls_have_the_same_name(browser: Browser, site_url: str) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "introductory-meeting")  # two items called Break
    names = page.locator("[data-alp-planner] :is(a, button, input, select):not([hidden])").evaluate_all(
        """nodes => nodes.filter(node => node.offsetParent !== null).map(node =>
            node.getAttribute('aria-label') || (node.labels && node.labels[0] ? node.labels[0].textContent : node.textContent).trim())"""
    )
    repeated = sorted({name for name in names if names.count(name) > 1})
    assert repeated == [], repeated
    for index, (_, title, _) in enumerate(plan(page)):
        if title == "Break":
            expect(page.get_by_label(f"Minutes for Break (item {index + 1})", exact=True)).to_have_count(1)
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


def test_the_room_agenda_is_one_page_of_times_items_and_leads(browser: Browser, site_url: str, tmp_path: Path) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "introductory-meeting")
    index = [title for _, title, _ in plan(page)].index("Practice round in small groups")
    type_into(page, f"#planner-item-{index}-minutes", "50")  # now it over-runs by 5 minutes
    page.keyboard.press("Tab")
    expect(page.locator("[data-alp-summary]")).to_contain_text("more than the")
    items = plan(page)
    pages, text = printed(page, tmp_path, "agenda")
    assert pages == 1
    assert "Introductory meeting: agenda" in text and "10:00–13:35" in text
    for time, title, _ in items:
        assert f"{time} {title}" in text
    assert "Led by" in text and "Everyone" in text
    # No warning, nothing for the facilitator alone, nothing of the screen.
    for not_for_the_room in (
        "more than the",
        "Materials",
        "What to bring",
        "for your own reference",
        "Go first",
        "Notes",
        "Before the meeting",
        "Add tools",
        "Copy the link",
        "Card:",
        "The card suggests",
    ):
        assert not_for_the_room not in text, not_for_the_room
    # A four-hour meeting of ten-minute items, with long names, still fits one page.
    page.get_by_role("button", name="Start again").click()
    for number in range(24):
        page.fill("#planner-own-title", f"Item {number + 1}: a long name for a part of the meeting, to see it wrap")
        page.fill("#planner-own-minutes", "10")
        page.click("[data-action=add-own]")
    page.fill("#planner-length", "240")
    page.locator("#planner-length").dispatch_event("input")
    expect(page.locator("[data-alp-summary]")).to_have_text("The plan takes all 240 minutes. It ends at 14:00.")
    pages, text = printed(page, tmp_path, "agenda")
    assert pages == 1 and "Item 24:" in text
    page.context.close()


def test_the_facilitators_checklist(
    browser: Browser, site_url: str, tmp_path: Path, built_real_site: BuildResult
) -> None:
    page = open_planner(browser, site_url + "planner.html")
    from_template(page, "introductory-meeting")
    pages, text = printed(page, tmp_path, "checklist")
    plan_data = session(built_real_site.site, "introductory-meeting")
    assert "Introductory meeting: facilitator's checklist" in text
    for heading in ("What to bring", "The room", "Before the meeting", "What to print or send", "Notes on each item"):
        assert heading in text, heading
    # Each thing to bring once: one timer, sticky notes once (the trial found four timers and two lots of sticky notes).
    bring = text.split("What to bring")[1].split("The room")[0]
    assert len(re.findall(r"\btimer\b", bring, re.IGNORECASE)) == 1, bring
    assert len(re.findall(r"sticky notes", bring, re.IGNORECASE)) == 1, bring
    assert "for your own reference" in bring, "the facilitator's own things are on the checklist"
    for room in plan_data["room"]:  # type: ignore[union-attr]
        assert squash(room) in text
    assert "Practice triad role cards" in text and "Starter questions" in text
    # The meeting's own print list, with its one PDF of it all, from pack.json's downloads.
    data = json.loads((built_real_site.site / "api" / "pack.json").read_text(encoding="utf-8"))
    files = data["downloads"]["files"]
    bundle = next(f for f in files if f["kind"] == "meeting" and f["page"] == plan_data["url"])
    assert squash(bundle["title"]) in squash(text)
    titles = {bank["url"]: bank["title"] for bank in data["banks"]}  # a bank prints from its page
    titles.update({f["page"]: f["title"] for f in files if f["kind"] != "meeting" and not f["version"]})
    for listed in bundle["pages"]:
        assert squash(titles[listed]) in squash(text), listed
    assert "Nobody asks questions yet." in text, "the session's notes on each item"
    for not_on_the_checklist in ("Add tools", "Copy the link", "The card suggests"):
        assert not_on_the_checklist not in text
    assert pages <= 4
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
        # With a note on an item's minutes and the Undo bar showing too.
        page.fill("#planner-item-1-minutes", "40")
        page.locator("#planner-item-1-minutes").dispatch_event("input")
        page.locator('[data-alp-items] > li[data-index="0"] [data-action="remove"]').click()
        expect(page.locator(".alp-planner__note:visible")).to_have_count(1)
        expect(page.locator("[data-alp-undo]")).to_be_visible()
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
    # A card's item takes the card's name until it is given one of its own.
    assert page.locator("#planner-item-0-title").input_value() == ""
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
    size = sum(served_bytes(path) for path in files)
    source = sum(path.stat().st_size for path in files)
    print(
        f"\nthe planner's {len(files)} scripts and styles: {size / 1000:.1f} kB as served ({source / 1000:.1f} kB of source)"
    )
    # What a reader downloads, before gzip: scripts minified (macros/minify.py), styles as written.
    # 29.7 kB of source before issue 17 added renaming, own items, Undo, the notes on minutes and the
    # facilitator's checklist; README names the budget.
    assert size <= 45_000
