"""Run mode, in Chromium, as a facilitator uses it in the room: start it
from a session plan or the planner, move through the items, pause and
resume, reload and find the same item and time left, open the participant
view, and use it from the offline zip. Time passes on Playwright's fake
clock (``page.clock``), never by waiting."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect

from scripts.site_zip import ZIP_FOLDER

from ..conftest import PROJECT, BuildResult
from ..page_weight import served_bytes

pytestmark = [pytest.mark.browser, pytest.mark.build]

ASSETS = PROJECT / "overrides" / "assets"
#: A Thursday morning, on the fake clock.
MORNING = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)
SECOND = 1000
MINUTE = 60 * SECOND
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def new_context(browser: Browser, width: int = 1280, *, paused: bool = True, **options: object) -> BrowserContext:
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)  # type: ignore[arg-type]
    context.clock.install(time=MORNING)
    if paused:  # time moves only when a test moves it, across reloads and windows too
        context.clock.pause_at(MORNING + dt.timedelta(seconds=1))
    return context


def ready(page: Page) -> Page:
    page.wait_for_selector("[data-alp-run][data-ready]")
    return page


def run_session(context: BrowserContext, site_url: str, session: str = "set-meeting-2") -> Page:
    """Run mode, started from the session plan's page with its button."""
    page = context.new_page()
    page.goto(site_url + f"programme/{session}.html")
    page.get_by_role("link", name="Run this meeting").click()
    return ready(page)


def shown(page: Page, name: str) -> str:
    return page.locator(f"[data-alp-run-{name}]").inner_text()


def until_the_end(page: Page) -> int:
    """Milliseconds to a second past the end of the item on, from its countdown."""
    minutes, seconds = shown(page, "clock").split(":")
    return (int(minutes) * 60 + int(seconds) + 1) * SECOND


def test_run_a_meeting_from_a_session_plan_and_reload_it(browser: Browser, site_url: str) -> None:
    context = new_context(browser)
    page = run_session(context, site_url)
    expect(page.locator("[data-alp-run-now]")).to_have_text("Check-in")
    assert shown(page, "clock") == "10:00"
    assert shown(page, "pace") == "Not started yet. Press Start when the meeting begins."
    assert shown(page, "next") == "Bidding for time (5 minutes)"
    assert "Notes for the facilitator" in shown(page, "app"), "the facilitator sees the session plan's notes"

    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(2 * MINUTE)
    assert shown(page, "clock") == "8:00"
    expect(page.locator("[data-action=toggle]")).to_have_text("Pause")

    # Three items on: a button, a letter key and an arrow key.
    page.get_by_role("button", name="Next item").click()
    page.clock.run_for(SECOND)
    expect(page.locator("[data-alp-run-now]")).to_have_text("Bidding for time")
    expect(page.locator("[data-alp-run-announce]")).to_have_text(
        "Now: Bidding for time, 5 minutes. Next: Progress round"
    )
    page.keyboard.press("n")
    page.clock.run_for(SECOND)
    expect(page.locator("[data-alp-run-now]")).to_have_text("Progress round")
    page.keyboard.press("ArrowRight")
    page.clock.run_for(SECOND)
    title = "Presenter slot 1, part one: the issue and clarifying questions"
    expect(page.locator("[data-alp-run-now]")).to_have_text(title)
    assert shown(page, "position") == "(item 4 of 13)"
    assert shown(page, "clock") == "11:59", "12 minutes, one second in"
    # Ahead: the check-in, bidding and the round took 2 of their planned 35 minutes.
    assert shown(page, "pace") == "32 minutes ahead of the plan"
    assert page.get_attribute("[data-alp-run]", "data-pace") == "ahead"

    # Pause and resume: a paused clock keeps its time.
    assert shown(page, "label") == "Time left"
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for(5 * MINUTE)
    assert shown(page, "clock") == "11:59"
    assert shown(page, "label") == "Paused: time left", "a pause is said on screen, for the room too"
    assert shown(page, "pace") == "27 minutes ahead of the plan", "a pause costs the meeting time"
    page.keyboard.press("p")
    expect(page.locator("[data-action=toggle]")).to_have_text("Pause")
    page.clock.run_for(29 * SECOND)
    assert shown(page, "clock") == "11:30"
    assert shown(page, "label") == "Time left"

    # A reload finds the same item, time left and running clock, from the address.
    page.reload()
    ready(page)
    expect(page.locator("[data-alp-run-now]")).to_have_text(title)
    assert shown(page, "clock") == "11:30"
    expect(page.locator("[data-action=toggle]")).to_have_text("Pause")
    page.clock.run_for(10 * SECOND)
    assert shown(page, "clock") == "11:20", "still running after the reload"
    assert shown(page, "announce") == "", "a reload announces nothing"

    # Paused, and reloaded from the browser's storage alone (no plan in the address).
    page.keyboard.press("Space")
    page.goto(site_url + "run.html")
    ready(page)
    page.clock.run_for(MINUTE)
    expect(page.locator("[data-alp-run-now]")).to_have_text(title)
    assert shown(page, "clock") == "11:20"
    expect(page.locator("[data-action=toggle]")).to_have_text("Resume")
    assert "&run=3*0*" in page.url, "the state is back in the address"

    # The session plan's button again: the same day, the run goes on; the next day, it starts afresh.
    page.goto(site_url + "programme/set-meeting-2.html")
    page.get_by_role("link", name="Run this meeting").click()
    expect(ready(page).locator("[data-alp-run-now]")).to_have_text(title)
    page.clock.fast_forward("13:00:00")
    page.goto(site_url + "programme/set-meeting-2.html")
    page.get_by_role("link", name="Run this meeting").click()
    expect(ready(page).locator("[data-alp-run-now]")).to_have_text("Check-in")

    # Resetting asks first: refused, the run stays where it is; accepted, it goes back to the start.
    page.keyboard.press("n")
    page.clock.run_for(SECOND)
    expect(page.locator("[data-alp-run-now]")).to_have_text("Bidding for time")
    asked: list[str] = []

    def answer(dialog: Dialog, accept: bool) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, False))
    page.get_by_role("button", name="Reset the timer").click()
    expect(page.locator("[data-alp-run-now]")).to_have_text("Bidding for time")
    page.once("dialog", lambda dialog: answer(dialog, True))
    page.get_by_role("button", name="Reset the timer").click()
    expect(page.locator("[data-alp-run-now]")).to_have_text("Check-in")
    assert len(asked) == 2 and all("time kept so far is lost" in message for message in asked)
    assert shown(page, "pace") == "Not started yet. Press Start when the meeting begins."
    context.close()


def test_the_bar_changes_at_a_fifth_and_at_5_percent_of_the_time_left(browser: Browser, site_url: str) -> None:
    context = new_context(browser)
    page = run_session(context, site_url)
    page.keyboard.press("Space")
    stages = []
    # The check-in's 10 minutes: a fifth is 2 minutes, 5% is 30 seconds.
    for elapsed in (7 * MINUTE + 58 * SECOND, 4 * SECOND, 87 * SECOND, 4 * SECOND, 32 * SECOND):
        page.clock.run_for(elapsed)
        stages.append((page.get_attribute("[data-alp-run]", "data-stage"), shown(page, "stage"), shown(page, "clock")))
    assert stages == [
        ("plenty", "Plenty of time", "2:02"),
        ("soon", "Getting close: a fifth of the time is left", "1:58"),
        ("soon", "Getting close: a fifth of the time is left", "0:31"),
        ("last", "Nearly time: start to wrap up", "0:27"),
        ("over", "Time is up", "+0:05"),
    ]
    assert shown(page, "label") == "Over time"
    # Said once to a screen reader when the time runs out, as the chime says it to the room.
    expect(page.locator("[data-alp-run-announce]")).to_have_text("Time is up for Check-in")
    # Not colour alone: the bar's shape changes too.
    assert page.locator(".alp-run__bar").evaluate("bar => getComputedStyle(bar).borderTopStyle") == "dashed"
    page.keyboard.press("+")
    page.clock.run_for(SECOND)
    assert shown(page, "clock") == "0:54", "a minute added"
    page.keyboard.press("-")
    page.clock.run_for(SECOND)
    assert shown(page, "clock") == "0:53", "a minute is taken only while a whole one is left"
    expect(page.get_by_role("button", name="Take a minute")).to_be_disabled()
    context.close()


def test_start_from_the_planner_with_the_plan_as_it_was_changed(browser: Browser, site_url: str) -> None:
    context = new_context(browser)
    page = context.new_page()
    page.goto(site_url + "planner.html")
    page.wait_for_selector("[data-alp-planner][data-ready]")
    page.select_option("#planner-template", "set-meeting-1")
    page.click("[data-action=use-template]")
    page.fill("#planner-item-0-title", "Welcome and coffee")
    page.locator("#planner-item-0-title").dispatch_event("input")
    page.get_by_role("link", name="Run this meeting").click()
    ready(page)
    expect(page.locator("[data-alp-run-now]")).to_have_text("Welcome and coffee")
    assert shown(page, "title") == "Set meeting 1"
    # Back to the planner with the same plan.
    page.get_by_role("link", name="Change this plan in the planner").click()
    page.wait_for_selector("[data-alp-planner][data-ready]")
    assert page.locator("#planner-item-0-title").input_value() == "Welcome and coffee"
    context.close()


def test_the_participant_view_leaves_out_the_notes_and_keeps_in_step(browser: Browser, site_url: str) -> None:
    context = new_context(browser)
    page = run_session(context, site_url)
    notes = "You still choose the question."
    assert notes in shown(page, "notes")
    page.keyboard.press("Space")
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Open the participant view").click()
    view = ready(opened.value)
    assert urlsplit(view.url).query == "view=participant"
    expect(view.locator("[data-alp-run-now]")).to_have_text("Check-in")
    assert notes not in view.locator("body").inner_text()
    for hidden in ("[data-alp-run-notes]", "[data-alp-run-controls]", ".md-header", "[data-alp-run-sound]"):
        expect(view.locator(hidden)).to_be_hidden()
    big = view.locator("[data-alp-run-now]").evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
    small = page.locator("[data-alp-run-now]").evaluate("node => parseFloat(getComputedStyle(node).fontSize)")
    assert big > small, "large type"
    # The facilitator moves on; the participant view follows, and says so.
    page.keyboard.press("n")
    page.clock.run_for(SECOND)
    expect(view.locator("[data-alp-run-now]")).to_have_text("Bidding for time")
    expect(view.locator("[data-alp-run-announce]")).to_have_text(
        "Now: Bidding for time, 5 minutes. Next: Progress round"
    )
    assert shown(view, "clock") == shown(page, "clock")
    context.close()


def test_keys_are_the_pages_and_the_screen_stays_awake_where_it_can(browser: Browser, site_url: str) -> None:
    context = new_context(browser)
    page = run_session(context, site_url)
    keys = page.locator(".alp-run__keys").inner_text()
    for key in ("Space", "N", "B", "+", "-", "F"):
        assert key in keys
    page.keyboard.press("f")  # full screen here, not the theme's search
    assert not page.locator("#__search").is_checked()
    assert shown(page, "wake") == "The screen will stay awake once the timer starts."
    page.keyboard.press("Space")
    expect(page.locator("[data-alp-run-wake]")).to_have_text("The screen stays awake while this page is open.")
    context.close()
    # A browser without the Wake Lock API: the page says so.
    context = new_context(browser)
    context.add_init_script("delete Navigator.prototype.wakeLock")
    page = run_session(context, site_url)
    assert shown(page, "wake").startswith("This browser cannot keep the screen awake.")
    context.close()


def test_the_sound_is_off_until_chosen_and_made_in_the_browser(browser: Browser, site_url: str) -> None:
    context = new_context(browser)
    # Count the notes played, without sound.
    context.add_init_script(
        "window.__notes = 0; const start = OscillatorNode.prototype.start;"
        "OscillatorNode.prototype.start = function (...args) { window.__notes += 1; return start.apply(this, args); };"
    )
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = run_session(context, site_url, "sponsor-briefing")
    expect(page.locator("[data-alp-run-sound]")).not_to_be_checked()
    page.keyboard.press("Space")
    page.clock.run_for(until_the_end(page))
    assert shown(page, "stage") == "Time is up"
    assert page.evaluate("window.__notes") == 0, "off by default"
    page.get_by_label("Play a soft sound when an item's time is up").check()
    assert page.evaluate("window.__notes") == 2, "a sample when it is turned on"
    page.get_by_role("button", name="Next item").click()
    page.clock.run_for(SECOND)
    page.clock.run_for(until_the_end(page))
    assert page.evaluate("window.__notes") == 4, "a chime at the end of the item"
    page.clock.run_for(MINUTE)
    assert page.evaluate("window.__notes") == 4, "once"
    assert not [url for url in requests if re.search(r"\.(mp3|ogg|wav|m4a)$", url)], "no sound file"
    context.close()


def test_run_mode_works_from_the_offline_zip(browser: Browser, built_real_site: BuildResult, tmp_path: Path) -> None:
    with zipfile.ZipFile(built_real_site.site / "downloads" / "offline-site.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / ZIP_FOLDER
    context = new_context(browser)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((root / "programme" / "set-meeting-2.html").as_uri())
    page.get_by_role("link", name="Run this meeting").click()
    ready(page)
    expect(page.locator("[data-alp-run-now]")).to_have_text("Check-in")
    page.keyboard.press("Space")
    page.clock.run_for(MINUTE)
    page.keyboard.press("n")
    page.reload()
    ready(page)
    expect(page.locator("[data-alp-run-now]")).to_have_text("Bidding for time")
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), sorted(set(requests))[:5]
    assert not any(url.endswith("pack.json") for url in requests), "no fetch of JSON from files"
    context.close()


def test_run_mode_is_accessible_and_private(browser: Browser, site_url: str, axe_source: str) -> None:
    for scheme, width in (("light", 390), ("dark", 390), ("light", 1280), ("dark", 1280)):
        # axe waits on timers of its own, so the clock runs on here (run_for still moves it on).
        context = new_context(browser, width, paused=False, color_scheme=scheme)
        foreign: list[str] = []
        context.on(
            "request",
            lambda r, seen=foreign: seen.append(r.url) if urlsplit(r.url).netloc != urlsplit(site_url).netloc else None,
        )
        page = run_session(context, site_url)
        page.keyboard.press("Space")
        checked = []
        # Each stage of the bar, and the participant view.
        for elapsed, view in (
            (0, "run"),
            (8 * MINUTE, "run"),
            (90 * SECOND, "run"),
            (MINUTE, "run"),
            (0, "participant"),
        ):
            if view == "participant":
                page.goto(site_url + "run.html?view=participant")
                ready(page)
            page.clock.run_for(elapsed or 1)
            page.evaluate(
                "scheme => document.body.setAttribute('data-md-color-scheme', scheme)",
                "slate" if scheme == "dark" else "default",
            )
            page.evaluate(axe_source)
            result = page.evaluate(
                "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                TAGS,
            )
            stage = page.get_attribute("[data-alp-run]", "data-stage")
            checked.append(stage)
            violations = [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]]
            assert violations == [], (scheme, width, view, stage, violations)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px wide"
        assert checked == ["plenty", "soon", "last", "over", "over"]
        assert foreign == []
        context.close()


def test_the_countdown_is_not_in_a_live_region() -> None:
    template = (PROJECT / "macros" / "components" / "run_mode" / "template.html").read_text(encoding="utf-8")
    regions = re.findall(r"<[^>]*aria-live[^>]*>", template)
    assert regions == ['<div class="alp-visually-hidden" role="status" aria-live="polite" data-alp-run-announce>']
    assert "data-alp-run-clock" not in template.split("data-alp-run-announce")[1]


def test_run_mode_is_small_and_not_on_the_planners_page() -> None:
    # Every script and style sheet the run page loads for run mode: those its component names
    # (the planner's plan-time.js and plan-state.js among them).
    template = (PROJECT / "macros" / "components" / "run_mode" / "template.html").read_text(encoding="utf-8")
    names = re.findall(r"assets/((?:javascripts|stylesheets)/[\w.-]+\.(?:js|css))", template)
    assert {"javascripts/run.js", "javascripts/run-clock.js", "stylesheets/run.css"} <= set(names)
    size = sum(served_bytes(ASSETS / name) for name in names)
    own = sum(served_bytes(ASSETS / name) for name in names if "/run" in name)
    print(f"\nrun mode's {len(names)} scripts and styles: {size / 1000:.1f} kB as served, its own {own / 1000:.1f} kB")
    # As a reader downloads them, before gzip (scripts minified, macros/minify.py). Its own files
    # within 25 kB; with the planner's plan-time.js and plan-state.js, which the planner's budget counts
    # too and a browser that comes from the planner has already, within 36 kB. README names both.
    assert own <= 25_000
    assert size <= 36_000
    planner = (PROJECT / "macros" / "components" / "session_planner" / "template.html").read_text(encoding="utf-8")
    main = (PROJECT / "overrides" / "main.html").read_text(encoding="utf-8")
    for page in (planner, main, (PROJECT / "config" / "base.yml").read_text(encoding="utf-8")):
        assert "run.js" not in page and "run-clock.js" not in page and "run.css" not in page
