"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium.

Playwright drives /usr/bin/chromium (installed by ``make test`` with apt);
``playwright install`` is never used, since it downloads a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from scripts.serve_site import serve

from ..conftest import BuildResult

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
#: Without the networking flags Chromium tries to reach Google's hosts.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def site_url(built_real_site: BuildResult) -> Iterator[str]:
    """The real site, served on 127.0.0.1 at its published path by a server the tests start and stop."""
    with serve(built_real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Chromium is missing: make test installs it (apt-get install chromium)"
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE.is_file(), "axe-core is missing: make test installs it (npm ci --prefix tests/browser)"
    return AXE.read_text(encoding="utf-8")
