"""Every page, in both colour schemes, at phone and desktop widths: no axe
violations for WCAG 2.0, 2.1 and 2.2 A and AA, and no request to any host
but the site's own."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from ..conftest import BuildResult

pytestmark = [pytest.mark.browser, pytest.mark.build]

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def site_pages(built: BuildResult) -> list[str]:
    pages = [page["url"] for page in json.loads((built.site / "api" / "pack.json").read_text())["pages"]]
    return [*pages, "404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_every_page_is_accessible_and_private(
    browser: Browser, site_url: str, built_real_site: BuildResult, axe_source: str, scheme: str, width: str
) -> None:
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
    page = context.new_page()
    own_host = urlsplit(site_url).netloc
    foreign: list[str] = []
    page.on(
        "request",
        lambda request: foreign.append(request.url) if urlsplit(request.url).netloc not in {own_host, ""} else None,
    )
    violations: list[str] = []
    checked = 0
    for url in site_pages(built_real_site):
        page.goto(site_url + url, wait_until="load")
        if checked == 0:
            # The scheme Material chose must be the one asked for.
            chosen = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert chosen == ("slate" if scheme == "dark" else "default")
        page.evaluate(axe_source)
        result = page.evaluate(
            "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            TAGS,
        )
        for violation in result["violations"]:
            targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
            violations.append(f"{url}: {violation['id']} ({violation['help']}) at {targets}")
        checked += 1
    context.close()
    assert checked > 50
    assert violations == [], "\n".join(violations)
    assert foreign == [], f"requests to other hosts: {sorted(set(foreign))[:10]}"
