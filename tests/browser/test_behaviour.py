"""What readers do: search, filter the tool index from the keyboard, download
handouts, skip to content, print a page, and read the site from files."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.site_zip import ZIP_FOLDER

from ..conftest import BuildResult
from ..pdf_tools import squash

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture
def page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def search_for(page: Page, words: str) -> list[str]:
    """Type ``words`` into Material's search and return the result links."""
    # Material binds its keyboard shortcuts when its script has run; after a
    # click to a new page the URL changes before that, so wait for the load.
    page.wait_for_load_state("load")
    box = page.locator("input.md-search__input")
    for _ in range(20):
        page.keyboard.press("/")  # Material's shortcut to the search box
        if page.evaluate("document.activeElement && document.activeElement.matches('input.md-search__input')"):
            break
        page.wait_for_timeout(250)
    expect(box).to_be_focused()
    # Wait until the search index is loaded ("Getting search ready" has gone).
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=10_000)
    page.keyboard.type(words)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=10_000)
    # Material searches as each letter is typed, so the first results shown
    # can be a shorter query's: read them until two reads agree.
    read = "links => links.map(a => a.getAttribute('href') || '')"
    links: list[str] = results.evaluate_all(read)
    for _ in range(40):
        page.wait_for_timeout(250)
        again: list[str] = results.evaluate_all(read)
        if again == links:
            break
        links = again
    return links


def test_search_finds_a_card_by_its_title(page: Page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    links = search_for(page, "Wicked problem test")
    assert any("tools/wicked-problem-test.html" in link for link in links[:3]), links[:5]


#: The tool index's tiles that the filters leave on show.
SHOWN_TILES = "[data-alp-index] .alp-tile:not([hidden])"


def visible_rows(page: Page) -> int:
    return int(page.locator(SHOWN_TILES).count())


def test_tool_index_filters_work_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "tools/index.html")
    total = visible_rows(page)
    count = page.locator("[data-alp-count]")
    expect(count).to_have_text(f"{total} tools")
    assert page.locator("[data-alp-filters]").is_visible()  # shown by the script

    stage = page.locator("#tool-index-stage")
    stage.focus()
    while not page.evaluate("document.activeElement.id === 'tool-index-stage'"):
        page.keyboard.press("Tab")
    expect(stage).to_be_focused()
    page.keyboard.press("ArrowDown")  # 'Preparing', the first stage after 'Any stage'
    after_stage = visible_rows(page)
    assert 0 < after_stage < total
    expect(count).to_have_text(f"Showing {after_stage} of {total} tools")
    assert count.get_attribute("aria-live") == "polite"

    page.keyboard.press("Tab")  # to 'Time you have'
    expect(page.locator("#tool-index-time")).to_be_focused()
    page.keyboard.press("Tab")  # to 'People in the group'
    size = page.locator("#tool-index-size")
    expect(size).to_be_focused()
    page.keyboard.type("3")
    assert visible_rows(page) <= after_stage
    for row in page.locator(SHOWN_TILES).all():
        assert int(row.get_attribute("data-size-min") or 0) <= 3 <= int(row.get_attribute("data-size-max") or 0)
        assert "preparing" in (row.get_attribute("data-stages") or "")

    page.keyboard.press("Tab")  # to 'Show all tools'
    page.keyboard.press("Enter")
    expect(count).to_have_text(f"{total} tools")
    assert visible_rows(page) == total


def test_time_filter_keeps_only_tools_that_fit(page: Page, site_url: str) -> None:
    page.goto(site_url + "tools/index.html")
    page.select_option("#tool-index-time", "15")
    shown = page.locator(SHOWN_TILES)
    assert 0 < shown.count() < page.locator("[data-alp-index] .alp-tile").count()
    for row in shown.all():
        assert int(row.get_attribute("data-time-min") or 0) <= 15


def test_download_handout_links_return_pdfs(page: Page, site_url: str, built_real_site: BuildResult) -> None:
    cards = json.loads((built_real_site.site / "api" / "pack.json").read_text())["cards"]
    for card in cards[:5]:
        page.goto(site_url + card["url"])
        link = page.get_by_role("link", name="Download handout (PDF)")
        href = link.get_attribute("href")
        response = page.request.get(site_url + card["url"].rsplit("/", 1)[0] + "/" + href)
        assert response.ok
        assert response.body()[:5] == b"%PDF-"


@pytest.mark.parametrize("width", [390, 1280])
def test_a_session_page_says_what_to_print_and_each_link_gives_it(
    browser: Browser, site_url: str, built_real_site: BuildResult, width: int
) -> None:
    """Issue 17: the introductory meeting named "printed reflective logs" and linked nothing to print."""
    data = json.loads((built_real_site.site / "api" / "pack.json").read_text())
    session = next(item for item in data["sessions"] if item["id"] == "introductory-meeting")
    size = data["programme"]["set_size"]["usual"]
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(site_url + session["url"])
    heading = page.get_by_role("heading", name="Print for this meeting", exact=True)
    heading.scroll_into_view_if_needed()
    expect(heading).to_be_visible()
    table = page.get_by_role("table", name=f"Introductory meeting: what to print for a set of {size}")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(session["print"]))
    for index in range(len(session["print"])):
        link = rows.nth(index).get_by_role("link")
        expect(link).to_be_visible()
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok, link.inner_text()
    log = table.get_by_role("row", name=re.compile("^Reflective log template"))
    expect(log).to_contain_text(f"{size}: one for each member")
    with page.expect_download() as download:
        log.get_by_role("link", name="Reflective log template (PDF)").click()
    assert download.value.suggested_filename == "reflective-log.pdf"
    everything = page.get_by_role("link", name="Everything to print for this meeting, in one PDF")
    expect(everything).to_be_visible()
    body = page.request.get(everything.evaluate("a => a.href")).body()
    assert body[:5] == b"%PDF-"
    # The list fits the screen: the page does not scroll sideways at a phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_skip_link_and_visible_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + "guides/evaluation.html")
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert "md-skip" in (focused.get_attribute("class") or "")
    box = focused.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0  # shown when focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }"
    )
    assert style["outline"] != "none" and style["width"] >= 2, style


def test_printing_a_page_hides_the_navigation_and_keeps_the_content(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "tools/check-in.html")
    pdf = tmp_path / "printed.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert "Check-in" in text and "What it is for" in text and "Tips and traps" in text
    for navigation in ("Adapting this pack", "Table of contents", "Common difficulties", "Find a tool"):
        assert navigation not in text


def test_the_site_works_from_files_search_included(
    browser: Browser, built_real_site: BuildResult, tmp_path: Path
) -> None:
    with zipfile.ZipFile(built_real_site.site / "downloads" / "offline-site.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / ZIP_FOLDER
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((root / "index.html").as_uri())
    page.get_by_role("link", name="Tool cards").first.click()
    expect(page).to_have_url((root / "tools" / "index.html").as_uri())
    links = search_for(page, "Check-out")
    assert any("check-out.html" in link for link in links[:3]), links[:5]
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), sorted(set(requests))[:5]
    context.close()
