"""Finding your way, in Chromium, as a first-time facilitator would (issue 17):
the home page's links and paths, the tool index at every width, the
sidebar's title, and tools found by the problem they help with."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from .test_behaviour import search_for

pytestmark = [pytest.mark.browser, pytest.mark.build]

#: Phone, small tablet and desktop widths, as the accessibility test uses.
WIDTHS = (320, 390, 768, 1280)
PHONES = (320, 390)


def open_page(browser: Browser, url: str, width: int = 1280, height: int = 900) -> Page:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_home_page_links_the_tools_above_the_fold(browser: Browser, site_url: str, width: int, height: int) -> None:
    page = open_page(browser, site_url + "index.html", width, height)
    article = page.locator("article")
    for name, target in [
        ("Plan a session", "planner.html"),
        ("Tool cards", "tools/index.html"),
        ("Question banks", "questions/index.html"),
        ("Downloads", "downloads.html"),
    ]:
        link = article.get_by_role("link", name=name, exact=True).first
        expect(link).to_be_visible()
        assert (link.get_attribute("href") or "").endswith(target), (name, link.get_attribute("href"))
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, f"{name} is below the fold: {box}"
    page.context.close()


@pytest.mark.parametrize(
    ("path", "first"),
    [
        ("If you are a new facilitator", "programme/sponsor-briefing.html"),
        ("If you are joining a set", "programme/introductory-meeting.html"),
        ("If you are a sponsor", "programme/sponsor-briefing.html"),
    ],
)
def test_each_path_starts_where_the_programme_starts(browser: Browser, site_url: str, path: str, first: str) -> None:
    page = open_page(browser, site_url + "index.html")
    steps = page.locator(f"xpath=//h3[starts-with(normalize-space(.), '{path}')]/following-sibling::ol[1]/li")
    expect(steps.first).to_be_visible()
    href = steps.first.locator("a").first.get_attribute("href") or ""
    assert href.endswith(first), f"{path!r} starts at {href}, not at {first}"
    page.context.close()


#: For each text node in the tool index, the words (split at spaces and
#: hyphens) whose letters lie on more than one line: words broken mid-word.
BROKEN_WORDS = """(root) => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.offsetParent) continue;
    const pattern = /[^\\s-]+/g;
    let match;
    while ((match = pattern.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_tool_index_breaks_no_word(browser: Browser, site_url: str, width: int) -> None:
    page = open_page(browser, site_url + "tools/index.html", width, 900 if width > 800 else 844)
    broken = page.locator("[data-alp-index]").evaluate(BROKEN_WORDS)
    assert broken == [], f"at {width} px these words are broken across lines: {broken}"
    page.context.close()


@pytest.mark.parametrize("width", PHONES)
def test_on_a_phone_each_tool_is_a_tile_with_every_fact_on_screen(browser: Browser, site_url: str, width: int) -> None:
    page = open_page(browser, site_url + "tools/index.html", width, 844)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    grid = page.locator("[data-alp-index] .alp-tiles")
    assert grid.evaluate("el => el.scrollWidth <= el.clientWidth"), "the index scrolls sideways"
    tiles = page.locator("[data-alp-index] .alp-tile")
    assert tiles.count() > 10
    lefts = set()
    for tile in tiles.all():
        title = tile.locator(".alp-tile__title").bounding_box()
        facts = tile.locator(".alp-tile__fact")
        assert title is not None and facts.count() == 3
        lefts.add(round(title["x"]))
        for number in range(3):
            box = facts.nth(number).locator("dd").bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, tile.inner_text()
            assert box["y"] > title["y"], "facts sit below the tool's name"
        size = facts.nth(2)
        assert size.locator("dt").is_visible() and size.locator("dt").inner_text() == "Group size"
        assert "people" in size.locator("dd").inner_text()
    assert len(lefts) == 1, f"on a phone the tiles are one column, not {len(lefts)}"
    page.context.close()


def test_the_sidebar_title_covers_no_link(browser: Browser, site_url: str) -> None:
    # On the tool index the sidebar is scrolled to show "Tool cards", as the
    # trial found it, with the links of the section above under the title.
    page = open_page(browser, site_url + "tools/index.html")
    covered = page.evaluate(
        """() => {
      const wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
      const edge = wrap.getBoundingClientRect();
      const covered = [];
      for (const link of wrap.querySelectorAll(".md-nav__link")) {
        const box = link.getBoundingClientRect();
        if (box.height === 0 || box.top < edge.top || box.bottom > edge.bottom) continue;
        for (const y of [box.top + 2, box.bottom - 2]) {
          const hit = document.elementFromPoint(box.left + 8, y);
          if (!hit || !link.contains(hit)) covered.push(link.textContent.trim() + " under " + (hit && hit.className));
        }
      }
      return covered;
    }"""
    )
    assert covered == [], covered
    page.context.close()


def test_the_tool_index_finds_tools_by_problem(browser: Browser, site_url: str) -> None:
    page = open_page(browser, site_url + "tools/index.html")
    rephrasing = page.locator("[data-alp-index] .alp-tile", has_text="Rephrasing practice")
    shown = page.locator("[data-alp-index] .alp-tile:not([hidden])")
    # The stage the trial chose leaves Rephrasing practice out...
    page.select_option("#tool-index-stage", "presenting")
    expect(rephrasing).to_be_hidden()
    page.select_option("#tool-index-stage", "")
    # ...the problem finds it, with the other tools for advice-giving.
    page.select_option("#tool-index-problem", label="A member keeps giving advice")
    expect(rephrasing).to_be_visible()
    assert 1 < shown.count() < 10
    page.select_option("#tool-index-problem", "")
    # So do the words a facilitator would type.
    page.fill("#tool-index-search", "giving advice")
    expect(rephrasing).to_be_visible()
    expect(page.locator("[data-alp-count]")).to_contain_text("Showing")
    page.context.close()


def test_the_planners_finder_finds_tools_by_problem(browser: Browser, site_url: str) -> None:
    page = open_page(browser, site_url + "planner.html")
    page.wait_for_selector("[data-alp-planner][data-ready]")
    page.fill("#planner-search", "giving advice")
    page.locator("#planner-search").dispatch_event("input")
    expect(page.get_by_role("button", name="Add Rephrasing practice")).to_be_visible()
    page.context.close()


def test_a_card_shows_the_problems_it_helps_with_and_search_finds_them(browser: Browser, site_url: str) -> None:
    page = open_page(browser, site_url + "tools/rephrasing-practice.html")
    facts = page.locator(".alp-card__facts")
    expect(facts).to_contain_text("Helps with")
    expect(facts).to_contain_text("A member keeps giving advice")
    links = search_for(page, "keeps giving advice")
    assert any("tools/rephrasing-practice.html?h=keeps+giving+advice" in link for link in links), links
    page.context.close()


def test_downloads_are_grouped_by_use_each_once(browser: Browser, site_url: str) -> None:
    page = open_page(browser, site_url + "downloads.html")
    headings = page.locator(".alp-downloads h2").all_inner_texts()
    assert [heading.strip() for heading in headings] == [
        "For the room",
        "For members",
        "For the facilitator",
        "For adapting the pack",
    ]
    titles = [title.strip() for title in page.locator(".alp-downloads tbody th").all_inner_texts()]
    assert len(titles) > 30 and len(titles) == len(set(titles)), titles
    room = page.locator("#for-room")
    expect(room).to_contain_text("Practice triad role cards")
    expect(page.locator("#for-members")).to_contain_text("Reflective log template")
    expect(room).to_contain_text("Reflective log tool card")
    page.context.close()
