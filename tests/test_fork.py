"""A fixture fork builds with its own identity, language and content.

tests/fixtures/sites/fork-cy is a fork in Welsh: another name, logo and
colours, one card added (croeso) and one removed (example-minimal), a page
replaced through the overlay and a section hidden. Only its mkdocs.yml and
its own folders differ from the project.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.problems import ContentError
from macros.strings import load_strings

from .conftest import FIXTURES, PROJECT, BuildResult, Project, make_project
from .pdf_tools import page_texts, squash

pytestmark = pytest.mark.build

ORGANISATION = "Partneriaeth Prawf Cymru"


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = make_project(tmp_path_factory.mktemp("fork") / "project", FIXTURES / "sites" / "fork-cy")
    result = project.full_build()
    assert result.returncode == 0, result.output
    return result


def read(fork: BuildResult, url: str) -> str:  # a build of any site
    return (fork.site / url).read_text(encoding="utf-8")


def pack_text(fork: BuildResult) -> str:
    return squash(" ".join(page_texts(fork.site / "downloads" / "pack.pdf")))


def test_identity_reaches_the_site(fork: BuildResult) -> None:
    home = read(fork, "index.html")
    assert ORGANISATION in home
    assert "--md-primary-fg-color: #7a1f3d" in home
    assert 'src="assets/draig.svg"' in home
    assert 'rel="icon" href="assets/draig.svg"' in home


def test_identity_reaches_the_pdfs(fork: BuildResult) -> None:
    reader = PdfReader(fork.site / "downloads" / "pack.pdf")
    assert reader.metadata is not None and reader.metadata.author == ORGANISATION
    assert reader.metadata.title == "Pecyn Dysgu Gweithredol"
    cover = squash(page_texts(fork.site / "downloads" / "pack.pdf")[0])
    assert ORGANISATION in cover and "Argraffiad 1 Mawrth 2026" in cover
    handout = squash(" ".join(page_texts(fork.site / "downloads" / "handouts" / "croeso.pdf")))
    assert "Prawf Cymru" in handout and "Addaswyd o becyn" in handout
    assert PdfReader(fork.site / "downloads" / "handouts" / "croeso.pdf").metadata.author == ORGANISATION


def test_the_language_switches_material_and_the_pack(fork: BuildResult) -> None:
    home = read(fork, "index.html")
    assert '<html lang="cy"' in home
    assert 'placeholder="Chwilio"' in home  # Material's own Welsh strings
    card = read(fork, "tools/croeso.html")
    assert "Beth yw ei ddiben" in card and "Lawrlwytho&#39;r daflen (PDF)" in card
    assert "Tudalen 1 o" in squash(page_texts(fork.site / "downloads" / "handouts" / "croeso.pdf")[0])
    data = json.loads(read(fork, "api/pack.json"))
    assert data["language"] == "cy"


def test_the_added_card_is_everywhere(fork: BuildResult) -> None:
    assert 'data-card-id="croeso"' in read(fork, "tools/index.html")
    assert "croeso" in [card["id"] for card in json.loads(read(fork, "api/pack.json"))["cards"]]
    manifest = json.loads(read(fork, "downloads/manifest.json"))
    assert "handouts/croeso.pdf" in [item["file"] for item in manifest["documents"]]
    assert "Croeso cynnes" in pack_text(fork)


def test_the_hidden_card_is_nowhere(fork: BuildResult) -> None:
    """The fork keeps upstream's file for the card and hides it by id in extra.content.hide."""
    assert (FIXTURES / "sites" / "fork-cy" / "pack" / "cards" / "example-minimal.yml").is_file()
    assert "example-minimal" not in read(fork, "tools/index.html")
    assert "example-minimal" not in read(fork, "api/pack.json")
    assert not (fork.site / "tools" / "example-minimal.html").exists()
    manifest = json.loads(read(fork, "downloads/manifest.json"))
    assert not [item for item in manifest["documents"] if "example-minimal" in item["file"]]
    assert not (fork.site / "downloads" / "handouts" / "example-minimal.pdf").exists()
    assert "Quiet minute" not in pack_text(fork)


def test_the_overlay_replaces_a_page(fork: BuildResult) -> None:
    assert "Tudalen y fforc ei hun" in read(fork, "about/who.html")
    assert "which the overlay replaces" not in read(fork, "about/who.html")
    assert "Tudalen y fforc ei hun" in pack_text(fork)


def test_a_hidden_section_is_gone_from_site_and_pdf(fork: BuildResult) -> None:
    assert not (fork.site / "guides" / "extra.html").exists()
    home = read(fork, "index.html")
    assert "guides/extra" not in home
    assert "a mwy" in home  # the link to the hidden page is now plain text
    assert "Canllaw ychwanegol" not in pack_text(fork)


def test_a_hide_entry_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "fork", FIXTURES / "sites" / "fork-cy")
    project.edit("mkdocs.yml", "hide: [Canllawiau, example-minimal]", "hide: [Canllawiu, example-minimal]")
    result = project.build()
    assert result.returncode != 0
    assert (
        "extra.content.hide: 'Canllawiu' is not a page, a section title or the id of a card, bank, session, form or "
        "term (did you mean 'Canllawiau'?)" in result.output
    )


def test_removing_a_card_that_is_still_used_names_who_uses_it(tiny_project: Project) -> None:
    (tiny_project.root / "pack" / "cards" / "example-minimal.yml").unlink()
    result = tiny_project.build()
    assert result.returncode != 0
    assert "pack/cards/example-full.yml:" in result.output
    assert "there is no tool card with the id 'example-minimal'" in result.output
    assert "Traceback" not in result.output


def test_a_translation_falls_back_to_english_key_by_key(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    locales.mkdir()
    (locales / "en.yml").write_text((PROJECT / "locales" / "en.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (locales / "cy.yml").write_text("card:\n  duration: Amser\n", encoding="utf-8")
    strings = load_strings(locales, "cy")
    assert strings("card.duration") == "Amser"
    assert strings("card.tips") == "Tips and traps"
    assert "card.tips" in strings.untranslated


def test_a_translation_with_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    locales.mkdir()
    (locales / "en.yml").write_text((PROJECT / "locales" / "en.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (locales / "cy.yml").write_text("card:\n  durashun: Amser\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"card.durashun: no such key in en.yml \(did you mean 'card.duration'\?\)"):
        load_strings(locales, "cy")


def test_a_translation_that_changes_a_placeholder_is_an_error(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    locales.mkdir()
    (locales / "en.yml").write_text((PROJECT / "locales" / "en.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (locales / "cy.yml").write_text('common:\n  minutes: "{munudau} munud"\n', encoding="utf-8")
    with pytest.raises(
        ContentError, match=r"common.minutes: uses the placeholders \['munudau'\], but the English has \['minutes'\]"
    ):
        load_strings(locales, "cy")


def test_hiding_pages_that_pack_data_links_to(real_project: Project) -> None:
    """The example on the Adapting page: hide a section and a page that cards and sessions link to."""
    settings = (real_project.root / "mkdocs.yml").read_text(encoding="utf-8")
    real_project.write(
        "mkdocs.yml", settings + 'extra:\n  content:\n    hide: ["Evaluation", "guides/presenting-back.md"]\n'
    )
    result = real_project.build()  # the site alone: the fork fixture shows hidden pages leaving the PDFs
    assert result.returncode == 0, result.output
    assert not (result.site / "guides" / "evaluation.html").exists()
    card = (result.site / "tools" / "preparing-to-present-back.html").read_text(encoding="utf-8")
    assert "presenting-back.html" not in card


def test_what_pointed_at_the_hidden_card_stays_without_the_link(fork: BuildResult) -> None:
    agenda = read(fork, "programme/example-meeting.html")
    assert "Munud tawel" in agenda  # the agenda item keeps its title and minutes
    assert "example-minimal" not in agenda
    related = read(fork, "tools/example-full.html")
    assert 'href="croeso.html"' in related and "example-minimal" not in related
    assert "Quiet minute" not in read(fork, "api/pack.js")


def test_a_fork_adds_pages_extensions_and_features_without_editing_upstream(tiny_project: Project) -> None:
    """extra.content.nav, markdown_extensions and theme_features add to upstream's lists (INHERIT would replace them)."""
    tiny_project.edit(
        "mkdocs.yml",
        "extra:\n",
        "extra:\n  content:\n"
        '    nav: [{"Ein lle": local.md}]\n'
        "    nav_after: Tools\n"
        "    markdown_extensions: [pymdownx.mark, {pymdownx.caret: {smart_insert: false}}]\n"
        "    theme_features: [content.code.copy]\n",
    )
    tiny_project.write(
        "docs/local.md",
        "---\nreviewed: 2026-01-31\n---\n\n# Ein lle\n\nA ==marked== word and ^^inserted^^ text.\n\n"
        '!!! note "Still here"\n    Upstream\'s admonition extension still works.\n\n```\ncode\n```\n',
    )
    result = tiny_project.build()
    assert result.returncode == 0, result.output
    page = read(result, "local.html")
    assert "<mark>marked</mark>" in page and "<ins>inserted</ins>" in page
    assert 'class="admonition note"' in page
    assert "md-clipboard" in page or "content.code.copy" in page
    pages = json.loads(read(result, "api/pack.json"))["pages"]
    urls = [page["url"] for page in pages]
    last_tool = max(index for index, page in enumerate(pages) if page["sections"][:1] == ["Tools"])
    assert urls.index("local.html") == last_tool + 1  # straight after the Tools section
