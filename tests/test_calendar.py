"""The cycle in a calendar: the programme page's data, run through calendar-cycle.js under Node.

The component renders the real pack as the programme page shows it; the
meetings are read back from the page's JSON block, the module makes the
file, and the PyPI ``icalendar`` library (as a calendar program would)
parses it. Each event is checked against the session plans themselves.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from functools import cache
from typing import Any

import pytest
import yaml
from icalendar import Calendar

from macros.components import RenderContext
from macros.components.examples import site_markdown_settings
from macros.components.programme_calendar import programme_calendar
from macros.kinds import Routes
from macros.loading import load_pack
from macros.markdown_fields import FieldMarkdown, relative_url
from macros.pack import Pack
from macros.strings import load_strings

from .conftest import PROJECT

MODULE = PROJECT / "overrides" / "assets" / "javascripts" / "calendar-cycle.js"
PAGE = "programme/index.html"
SITE_URL = "https://learning.example.org/action-learning/"
#: The UK's clocks go back on 25 October 2026 and forward on 28 March 2027:
#: a cycle from 13 October 2026 crosses both at every rhythm.
START = dt.date(2026, 10, 13)
CLOCK_CHANGES = (dt.datetime(2026, 10, 25), dt.datetime(2027, 3, 28))

#: Reads the module's options from standard input and prints the file, as the page's glue does.
RUNNER = """
const cycle = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const given = JSON.parse(input);
  const options = cycle.fromPage(given.data, {
    start: cycle.parseDate(given.start),
    weeks: given.weeks,
    time: cycle.parseTime(given.time),
    now: new Date(given.now),
    base: given.base,
  });
  process.stdout.write(cycle.calendar(options));
});
"""


@cache
def real_pack() -> Pack:
    return load_pack(PROJECT / "pack", PROJECT)


def identity() -> dict[str, Any]:
    base = (PROJECT / "config" / "base.yml").read_text(encoding="utf-8")
    start = base.index("extra:\n")
    found = yaml.safe_load(base[start:].split("\n\n")[0])["extra"]["identity"]
    assert isinstance(found, dict)
    return found


def context(site_url: str | None) -> RenderContext:
    extensions, configs = site_markdown_settings()
    markdown = FieldMarkdown(extensions, configs)
    markdown.resolver = lambda target: relative_url(target.replace(".md", ".html", 1), PAGE)
    return RenderContext(
        pack=real_pack(),
        strings=load_strings(PROJECT / "locales", "en"),
        markdown=markdown,
        routes=Routes(real_pack().kinds),
        page_url=PAGE,
        options={"site_url": site_url, "identity": identity()},
    )


def page_html(site_url: str | None = None) -> str:
    return str(programme_calendar(context(site_url)))


def page_data(site_url: str | None = None) -> dict[str, Any]:
    """The meetings as the page hands them to its script: the JSON block, read back."""
    block = re.search(r"<script type=\"application/json\" data-alp-calendar-data>(.*?)</script>", page_html(site_url))
    assert block, "no calendar data on the page"
    data = json.loads(block.group(1))
    assert isinstance(data, dict)
    return data


def node() -> str:
    found = shutil.which("node")
    assert found, "Node.js is missing: make test installs it"
    return found


def run_module(data: dict[str, Any], weeks: int, *, start: dt.date = START, time: str = "10:00", base: str) -> bytes:
    given = {"data": data, "start": start.isoformat(), "weeks": weeks, "time": time, "now": 1796292000000, "base": base}
    result = subprocess.run(
        [node(), "-e", RUNNER, str(MODULE)],
        input=json.dumps(given).encode(),
        capture_output=True,
        check=True,
        env={**os.environ, "TZ": "Europe/London"},  # the zone whose clock changes the dates must not follow
    )
    return result.stdout


def expected_meetings() -> list[Any]:
    """The meetings members come to, read from the session plans, not from the component."""
    sessions = sorted(real_pack().sessions.values(), key=lambda session: session.order)
    return [s for s in sessions if s.alternative_to is None and s.kind.value != "sponsor-briefing"]


def rhythms() -> list[int]:
    programme = yaml.safe_load((PROJECT / "pack" / "programme.yml").read_text(encoding="utf-8"))
    weeks = programme["meets_every_weeks"]
    return list(range(weeks["min"], weeks["max"] + 1))


def events(ics: bytes) -> list[Any]:
    calendar = Calendar.from_ical(ics)
    assert calendar.name == "VCALENDAR"
    return list(calendar.walk("VEVENT"))


def test_the_form_offers_the_rhythms_of_the_programme_and_hides_without_javascript() -> None:
    page = page_html()
    assert re.findall(r'name="rhythm" value="(\d+)"', page) == [str(weeks) for weeks in rhythms()]
    assert re.search(r"<form [^>]*data-alp-calendar-form hidden", page)
    assert re.search(r"<noscript><p [^>]*>Turn on JavaScript", page)
    assert f"Date of the first meeting ({expected_meetings()[0].title})" in html.unescape(page)
    for field in ("calendar-start", "calendar-time", *(f"calendar-rhythm-{weeks}" for weeks in rhythms())):
        assert f'<label for="{field}">' in page, f"{field} has no label"


def test_the_page_data_is_escaped_for_a_script_block() -> None:
    context_ = context(None)
    context_.options["identity"] = {**identity(), "organisation": "A </script><b>co</b> & partners"}
    page = str(programme_calendar(context_))
    block = re.search(r"data-alp-calendar-data>(.*?)</script>", page, re.S)
    assert block and "<" not in block.group(1) and "&" not in block.group(1)
    assert json.loads(block.group(1))["prodid"].startswith("-//A </script><b>co</b> & partners//")


@pytest.mark.parametrize("weeks", rhythms())
def test_every_meeting_is_an_event_at_the_rhythm_with_its_length_and_plan(weeks: int) -> None:
    ics = run_module(page_data(), weeks, base="file:///home/facilitator/site/")
    found = events(ics)
    meetings = expected_meetings()
    routes = Routes(real_pack().kinds)
    assert len(found) == len(meetings) == 7
    for index, (event, session) in enumerate(zip(found, meetings, strict=True)):
        start = event.decoded("DTSTART")
        assert str(event["SUMMARY"]) == session.title
        assert start.tzinfo is None, "floating local time"
        assert start == dt.datetime.combine(START + dt.timedelta(weeks=weeks * index), dt.time(10, 0))
        assert event.decoded("DTEND") - start == dt.timedelta(minutes=session.length)
        assert session.length == sum(item.minutes for item in session.agenda)
        link = "file:///home/facilitator/site/" + routes.item("session", session.id)
        assert str(event["URL"]) == link
        assert link in str(event["DESCRIPTION"])
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)
    assert len({str(event["UID"]) for event in found}) == len(found)
    # Both clock changes of 2027 fall inside the cycle, and no meeting moved off 10:00.
    for change in CLOCK_CHANGES:
        assert found[0].decoded("DTSTART") < change < found[-1].decoded("DTSTART")


def test_other_ways_to_run_a_meeting_are_linked_from_it_not_extra_events() -> None:
    found = {
        str(event["SUMMARY"]): str(event["DESCRIPTION"])
        for event in events(run_module(page_data(), 5, base="file:///s/"))
    }
    alternatives = [s for s in real_pack().sessions.values() if s.alternative_to is not None]
    assert alternatives
    titles = {s.id: s.title for s in real_pack().sessions.values()}
    for other in alternatives:
        assert other.title not in found
        assert f"({other.title}): file:///s/programme/{other.id}.html" in found[titles[other.alternative_to]]
    assert "Sponsor briefing" not in found


def test_with_a_site_address_the_links_are_absolute_and_the_uids_carry_its_host() -> None:
    found = events(run_module(page_data(SITE_URL), 6, base="file:///ignored/"))
    for event in found:
        assert str(event["URL"]).startswith(SITE_URL + "programme/")
        assert str(event["UID"]).endswith("@learning.example.org")


def test_the_same_cycle_gives_the_same_uids_and_another_start_others() -> None:
    def uids(weeks: int, start: dt.date) -> list[str]:
        return [str(event["UID"]) for event in events(run_module(page_data(), weeks, start=start, base="file:///s/"))]

    assert uids(4, START) == uids(6, START)
    assert not set(uids(4, START)) & set(uids(4, START + dt.timedelta(days=7)))


def test_the_file_keeps_to_rfc_5545() -> None:
    ics = run_module(page_data(), 4, base="file:///s/")
    assert ics.endswith(b"\r\n")
    assert b"\n" not in ics.replace(b"\r\n", b"") and b"\r" not in ics.replace(b"\r\n", b"")
    lines = ics.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert lines[:2] == [b"BEGIN:VCALENDAR", b"VERSION:2.0"] and lines[-1] == b"END:VCALENDAR"
    calendar = Calendar.from_ical(ics)
    organisation = identity()["organisation"]
    assert str(calendar["PRODID"]).startswith(f"-//{organisation}//")
    assert str(calendar["X-WR-CALNAME"]) == "Action Learning Set Resource Pack: meetings of the set"
    assert "VTIMEZONE" not in ics.decode()


def test_titles_with_commas_semicolons_backslashes_breaks_and_long_words_come_back_whole() -> None:
    data = page_data()
    title = "Set meeting, part 1; the \\ café ☕ — réunion « spéciale » " * 3 + "\nnew line 😀"
    data["meetings"] = [{**meeting, "title": title} for meeting in data["meetings"][:2]]
    ics = run_module(data, 4, time="23:30", base="file:///s/")
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))
    ics.decode("utf-8")  # folding never cut a character in two
    found = events(ics)
    assert [str(event["SUMMARY"]) for event in found] == [title, title]
    assert found[0].decoded("DTEND") == dt.datetime.combine(START + dt.timedelta(days=1), dt.time(3, 0))
