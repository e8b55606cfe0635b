"""The cycle in a calendar, in Chromium, as a facilitator uses it: fill the
programme page's form, download the .ics file and read it with the PyPI
``icalendar`` library, as a calendar program would. From the served site,
from the offline zip on file://, without JavaScript, and with mistakes in
the form (errors in words, from the keyboard, axe-clean)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect

from scripts.site_zip import ZIP_FOLDER

from ..conftest import BuildResult
from .test_accessibility import NO_MOTION, TAGS, THEME_SCHEMES, VIEWPORTS

pytestmark = [pytest.mark.browser, pytest.mark.build]

PAGE = "programme/index.html"
DOWNLOAD = "Download the calendar (.ics)"


def pack(built: BuildResult) -> dict[str, Any]:
    data = json.loads((built.site / "api" / "pack.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def meetings(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The meetings members come to, from pack.json's sessions: no alternatives, no sponsor briefing."""
    sessions = sorted(data["sessions"], key=lambda session: session["order"])
    return [s for s in sessions if not s.get("alternative_to") and s["kind"] != "sponsor-briefing"]


def fill_form(page: Page, start: str, weeks: int, time: str) -> None:
    page.get_by_label("Date of the first meeting").fill(start)
    page.get_by_label(f"Every {weeks} weeks").check()
    page.get_by_label("Start time of each meeting").fill(time)


def download(page: Page, tmp_path: Path) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=DOWNLOAD).click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    return info.value.suggested_filename, saved.read_bytes()


def check_events(ics: bytes, data: dict[str, Any], start: dt.datetime, weeks: int, base: str) -> list[Any]:
    events = list(Calendar.from_ical(ics).walk("VEVENT"))
    expected = meetings(data)
    assert len(events) == len(expected) == 7
    for index, (event, session) in enumerate(zip(events, expected, strict=True)):
        begins = event.decoded("DTSTART")
        assert str(event["SUMMARY"]) == session["title"]
        assert begins == start + dt.timedelta(weeks=weeks * index)
        assert begins.tzinfo is None
        assert event.decoded("DTEND") - begins == dt.timedelta(minutes=session["length"])
        assert str(event["URL"]) == base + session["url"]
        assert base + session["url"] in str(event["DESCRIPTION"])
    assert len({str(event["UID"]) for event in events}) == len(events)
    return events


def test_a_facilitator_downloads_the_whole_cycle(
    browser: Browser, site_url: str, built_real_site: BuildResult, tmp_path: Path
) -> None:
    data = pack(built_real_site)
    context = browser.new_context(viewport=VIEWPORTS["desktop"], accept_downloads=True)
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-alp-calendar][data-ready]")
    fill_form(page, "2026-10-13", 6, "09:30")
    name, ics = download(page, tmp_path)
    assert name == "action-learning-meetings.ics"
    events = check_events(ics, data, dt.datetime(2026, 10, 13, 9, 30), 6, site_url)
    assert ics.count(b"\r\n") == ics.count(b"\n")
    expect(page.get_by_role("status").filter(has_text="Your calendar file")).to_have_text(
        "Your calendar file has 7 meetings, from 13 October 2026 to 22 June 2027."
    )
    # Every link in the file opens its plan.
    for event in events:
        assert page.request.get(str(event["URL"])).ok
    context.close()


def test_from_the_offline_zip_the_links_point_into_the_files(
    browser: Browser, built_real_site: BuildResult, tmp_path: Path
) -> None:
    with zipfile.ZipFile(built_real_site.site / "downloads" / "offline-site.zip") as archive:
        archive.extractall(tmp_path / "zip")
    root = tmp_path / "zip" / ZIP_FOLDER
    context = browser.new_context(viewport=VIEWPORTS["phone"], accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((root / PAGE).as_uri())
    page.wait_for_selector("[data-alp-calendar][data-ready]")
    fill_form(page, "2027-01-12", 4, "10:00")
    _, ics = download(page, tmp_path)
    events = check_events(ics, pack(built_real_site), dt.datetime(2027, 1, 12, 10), 4, root.as_uri() + "/")
    for event in events:
        assert Path(url2pathname(urlsplit(str(event["URL"])).path)).is_file()
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requests), sorted(set(requests))[:5]
    context.close()


def test_without_javascript_a_note_takes_the_forms_place(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    # Playwright's text search skips <noscript>, so the note is found by its class.
    note = page.locator(".alp-calendar__nojs")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Turn on JavaScript to make a calendar file")
    expect(page.get_by_role("button", name=DOWNLOAD)).to_be_hidden()
    context.close()


def test_mistakes_are_said_in_words_from_the_keyboard_and_the_form_stays_accessible(
    browser: Browser, site_url: str, axe_source: str
) -> None:
    context = browser.new_context(viewport=VIEWPORTS["desktop"], accept_downloads=True)
    page = context.new_page()
    downloads: list[object] = []
    page.on("download", lambda download: downloads.append(download))
    page.goto(site_url + PAGE)
    page.wait_for_selector("[data-alp-calendar][data-ready]")
    start = page.get_by_label("Date of the first meeting")
    time = page.get_by_label("Start time of each meeting")
    time.fill("")
    # From the keyboard: Shift+Tab from the time field reaches the rhythm, the arrow keys choose one,
    # and Tab (through the time field's hours and minutes) reaches the button. The date is left empty.
    time.focus()
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_label("Every 4 weeks")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Every 5 weeks")).to_be_checked()
    button = page.get_by_role("button", name=DOWNLOAD)
    for _ in range(6):
        page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(start).to_be_focused()
    expect(start).to_have_attribute("aria-invalid", "true")
    expect(start).to_have_accessible_description("Enter the date of the first meeting, with its day, month and year.")
    expect(time).to_have_accessible_description("Enter the start time of each meeting, in hours and minutes.")
    assert downloads == []
    page.evaluate(axe_source)
    page.add_style_tag(content=NO_MOTION)
    violations = []
    for width in VIEWPORTS:
        for scheme in ("light", "dark"):
            page.set_viewport_size(VIEWPORTS[width])
            page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", THEME_SCHEMES[scheme])
            result = page.evaluate(
                "async tags => await axe.run('[data-alp-calendar]', {runOnly: {type: 'tag', values: tags}})", TAGS
            )
            violations += [f"{width}, {scheme}: {v['id']}" for v in result["violations"]]
    assert violations == []
    # Put right, the errors go and the file comes.
    start.fill("2027-01-12")
    time.fill("10:00")
    with page.expect_download():
        page.keyboard.press("Enter")
    expect(start).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-alp-calendar-error]:visible")).to_have_count(0)
    context.close()
