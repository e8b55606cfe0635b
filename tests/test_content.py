"""Content checks on the real pack: UK spelling, readability, no placeholders,
every section of the source's contents list, and every card and bank reachable.

Readability uses the Flesch reading ease score (textstat): the average over
pages must be at least 60 and no page may score under 45. The test prints
every page's score so that editors can see which pages to simplify.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import textstat

from macros.loading import load_pack

from .conftest import PROJECT, BuildResult
from .spelling import FORK_WORDS, UPSTREAM_WORDS, spelling_words, unknown_words, write_dictionary
from .text_extract import article_text

pytestmark = pytest.mark.build

MIN_AVERAGE_EASE = 60
MIN_PAGE_EASE = 45

#: The source pack's contents list, and the page that covers each section.
CONTENTS = {
    "Who is it for?": "about/who-is-it-for.html",
    "What does it include?": "about/what-it-includes.html",
    "How can you use it?": "about/how-to-use-it.html",
    "Where has it come from?": "about/where-it-came-from.html",
    "About action learning sets": "action-learning/index.html",
    "How action learning sets support organisations and integrated working": "action-learning/integrated-working.html",
    "What kinds of issues do action learning set members discuss?": "action-learning/kinds-of-issues.html",
    "Facilitating action learning sets": "facilitating/index.html",
    "Programme, resources and tools": "programme/index.html",
    "Guidelines for preparing and presenting a 'wicked issue' / 'how can I?'": "guides/presenting-an-issue.html",
    "Supporting participants to prepare for presenting back to an invited audience": "guides/presenting-back.html",
    "Supporting participants to work with open questions": "guides/open-questions.html",
    "Evaluation": "guides/evaluation.html",
}


def content_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts)


@pytest.fixture(scope="module")
def page_texts(built_real_site: BuildResult) -> dict[str, tuple[str, str]]:
    site = built_real_site.site
    return {p.relative_to(site).as_posix(): article_text(p.read_text(encoding="utf-8")) for p in content_pages(site)}


def hidden_by_the_fork() -> set[str]:
    """What the project's mkdocs.yml hides (extra.content.hide): ids and section titles as written, and
    the path of every page it hides, those under a hidden section of the navigation too."""
    from scripts.site_build import load_mkdocs_config

    config = load_mkdocs_config(PROJECT / "mkdocs.yml")
    hidden = {str(entry) for entry in (config.extra.get("content") or {}).get("hide") or []}

    def pages_under(entries: object) -> list[str]:
        if isinstance(entries, str):
            return [entries]
        if isinstance(entries, list):
            return [page for entry in entries for page in pages_under(entry)]
        if isinstance(entries, dict):
            return [page for value in entries.values() for page in pages_under(value)]
        return []

    def walk(entries: object) -> None:
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                for title, value in entry.items():
                    if title in hidden:
                        hidden.update(pages_under(value))
                    walk(value)

    walk(config.nav)
    return hidden


def test_every_contents_section_has_a_page(built_real_site: BuildResult) -> None:
    data = json.loads((built_real_site.site / "api" / "pack.json").read_text(encoding="utf-8"))
    urls = {page["url"] for page in data["pages"]}
    hidden = hidden_by_the_fork()
    missing = {
        section: url
        for section, url in CONTENTS.items()
        if url not in urls and url.replace(".html", ".md") not in hidden and section not in hidden
    }
    assert missing == {}


def test_no_placeholder_text() -> None:
    pattern = re.compile(r"\b(TODO|TBC|TBD|FIXME|XXX|lorem ipsum)\b", re.IGNORECASE)
    found = []
    for folder in ("docs", "pack", "locales"):
        for path in (PROJECT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".md", ".yml", ".svg", ".html"}:
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                    if pattern.search(line):
                        found.append(f"{path.relative_to(PROJECT)}:{number}: {line.strip()}")
    assert found == []


def site_language(built: BuildResult) -> str:
    return str(json.loads((built.site / "api" / "pack.json").read_text(encoding="utf-8"))["language"])


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="make test installs hunspell; run through make test")
def test_uk_spelling(built_real_site: BuildResult, page_texts: dict[str, tuple[str, str]], tmp_path: Path) -> None:
    if site_language(built_real_site) != "en":
        pytest.skip("the spelling check is for the English pack (hunspell en_GB); this edition is in another language")
    # Upstream's words, and a fork's own (local-words.txt, if it has one).
    dictionary = write_dictionary(spelling_words(UPSTREAM_WORDS, FORK_WORDS), tmp_path / "words.dic")
    # One hunspell run for every word of every page (it takes a moment to load its dictionary).
    every_word = {word for _, words in page_texts.values() for word in words.split()}
    unknown = {word for word in unknown_words(sorted(every_word), dictionary) if not word.isupper()}
    unknown = {word for word in unknown if not any(c.isdigit() for c in word)}
    misspelt: dict[str, list[str]] = {}
    for url, (_, words) in page_texts.items():
        if found := sorted(unknown.intersection(words.split())):
            misspelt[url] = found
    assert misspelt == {}, (
        "Fix the spelling. A real word of your edition, such as a local place name: add it to "
        "local-words.txt beside mkdocs.yml. A word upstream's own pages need: tests/content/wordlist.txt"
    )


def test_readability(built_real_site: BuildResult, page_texts: dict[str, tuple[str, str]]) -> None:
    if site_language(built_real_site) != "en":
        pytest.skip("Flesch reading ease is defined for English; this edition is in another language")
    scores = {
        url: textstat.flesch_reading_ease(prose) for url, (prose, _) in page_texts.items() if len(prose.split()) >= 20
    }
    print("\nFlesch reading ease by page (higher is easier):")
    for url, score in sorted(scores.items(), key=lambda item: item[1]):
        print(f"  {score:6.1f}  {url}")
    average = sum(scores.values()) / len(scores)
    print(f"  {average:6.1f}  average over {len(scores)} pages")
    assert average >= MIN_AVERAGE_EASE
    hard = {url: round(score, 1) for url, score in scores.items() if score < MIN_PAGE_EASE}
    assert hard == {}, "Shorten the sentences and words on these pages"


def test_every_card_and_bank_is_linked_from_another_page(built_real_site: BuildResult) -> None:
    pack = load_pack(PROJECT / "pack", PROJECT)
    hrefs: dict[str, set[str]] = {}
    for page in content_pages(built_real_site.site):
        url = page.relative_to(built_real_site.site).as_posix()
        article = page.read_text(encoding="utf-8").split('class="md-content__inner', 1)[-1]
        hrefs[url] = set(re.findall(r'href="([^"#]+)', article))

    def linked(target: str) -> bool:
        name = target.rsplit("/", 1)[-1]
        return any(url != target and any(href.endswith(name) for href in found) for url, found in hrefs.items())

    hidden = {entry.split(":", 1)[-1] for entry in hidden_by_the_fork()}  # a fork hides items by id
    unlinked = [f"tools/{c}.html" for c in pack.cards if c not in hidden and not linked(f"tools/{c}.html")]
    unlinked += [f"questions/{b}.html" for b in pack.banks if b not in hidden and not linked(f"questions/{b}.html")]
    assert unlinked == []
