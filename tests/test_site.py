"""Whole-site builds: the real site builds strictly, the tiny fixture site
exercises every macro, and each kind of bad page fails with a clear line."""

from __future__ import annotations

import hashlib
import html as html_module
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.loading import load_pack
from macros.minify import SCRIPTS, minified

from .conftest import PROJECT, BuildResult, Project, fork_settings, upstream_only

pytestmark = pytest.mark.build


def read(site: Path, url: str) -> str:
    return (site / url).read_text(encoding="utf-8")


# -- the real site ------------------------------------------------------------


def test_real_site_builds_strictly(built_real_site: BuildResult) -> None:
    assert (built_real_site.site / "index.html").is_file()
    assert "WARNING" not in built_real_site.output


def test_every_card_bank_and_session_has_a_page(built_real_site: BuildResult) -> None:
    pack = load_pack(PROJECT / "pack", PROJECT)
    for card in pack.cards.values():
        html = read(built_real_site.site, f"tools/{card.id}.html")
        assert f'id="card-{card.id}"' in html
    for bank in pack.banks.values():
        assert f'data-bank-id="{bank.id}"' in read(built_real_site.site, f"questions/{bank.id}.html")
    for session in pack.sessions.values():
        assert f'data-session-id="{session.id}"' in read(built_real_site.site, f"programme/{session.id}.html")


def _links_and_text(page: Path, section_id: str) -> tuple[list[str], str]:
    """The links and the text of the section with this id on a built page."""
    markup = page.read_text(encoding="utf-8")
    start = markup.index(">", markup.index(f'id="{section_id}"')) + 1
    section = markup[start : markup.index("</section>", start)]
    links = re.findall(r'<a [^>]*href="([^"]+)"', section)
    text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", section)).split())
    return links, text


def test_every_session_page_says_what_to_print_with_links_and_copies(built_real_site: BuildResult) -> None:
    """Issue 17: the introductory meeting listed "printed reflective logs" and linked no PDF."""
    site = built_real_site.site
    data = json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))
    size = data["programme"]["set_size"]["usual"]
    for session in data["sessions"]:
        assert session["print"], f"{session['id']} lists nothing to print"
        page = site / session["url"]
        links, text = _links_and_text(page, f"{session['id']}-print-list")
        assert text.startswith("Print for this meeting") and f"for a set of {size}" in text
        # Each document, then the meeting's one PDF; every link leads to a file of the built site.
        assert len(links) == len(session["print"]) + 1
        assert links[-1].endswith(f"downloads/meetings/{session['id']}.pdf")
        for link in links:
            assert (page.parent / link).resolve().is_file(), f"{session['url']}: {link}"
        assert not any(line.startswith("Printed ") for line in session["materials"]), session["id"]
    _, text = _links_and_text(site / "programme" / "introductory-meeting.html", "introductory-meeting-print-list")
    assert f"Reflective log template (PDF) Template to write on {size}: one for each member" in text
    assert f"Open questions Question bank Up to {size}: one for each member who asks" in text


def test_the_question_banks_page_links_what_it_asks_you_to_print(built_real_site: BuildResult) -> None:
    page = built_real_site.site / "questions" / "index.html"
    markup = page.read_text(encoding="utf-8")
    for pdf in ("question-list.pdf", "starter-questions.pdf"):
        assert f'href="../downloads/{pdf}"' in markup
        assert (page.parent / "../downloads" / pdf).resolve().is_file()


def test_open_data_lists_everything(built_real_site: BuildResult) -> None:
    pack = load_pack(PROJECT / "pack", PROJECT)
    data = json.loads(read(built_real_site.site, "api/pack.json"))
    assert data["format"] == "action-learning-pack/1"
    assert [card["id"] for card in data["cards"]] == list(pack.cards)
    assert [bank["id"] for bank in data["banks"]] == list(pack.banks)
    assert len(data["questions"]) == len(pack.questions)
    assert all(question["bank"] and question["purpose"] for question in data["questions"])
    pages = {page["url"]: page["title"] for page in data["pages"]}
    assert pages["index.html"] == "Home"
    for card in data["cards"]:
        assert pages[card["url"]] == card["title"]
        assert (built_real_site.site / card["url"]).is_file()


def test_every_page_shows_when_it_was_reviewed(built_real_site: BuildResult) -> None:
    pages = [p for p in built_real_site.site.rglob("*.html") if p.name != "404.html"]
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'class="alp-page-review"' in html, page


def test_the_site_loads_nothing_from_other_hosts(built_real_site: BuildResult) -> None:
    for page in built_real_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag, url in re.findall(r"<(link|script|img|iframe|source)\b[^>]*?(?:href|src)=\"([^\"]+)\"", html):
            if tag == "link" and re.search(r'rel="(canonical|alternate)"', html.split(url)[0][-200:]):
                continue
            assert not url.startswith(("http:", "https:", "//")), f"{page}: <{tag}> loads {url}"
    assert not list(built_real_site.site.rglob("*googleapis*"))


def test_identity_reaches_the_theme(built_real_site: BuildResult) -> None:
    # Read from the build's own open data, so the test holds for any fork's identity.
    identity = json.loads(read(built_real_site.site, "api/pack.json"))["identity"]
    html = read(built_real_site.site, "index.html")
    assert html_module.escape(identity["organisation"], quote=False) in html
    assert f"--md-primary-fg-color: {identity['colours']['primary']}" in html
    assert f'src="{identity["logo"]}"' in html


def test_the_footer_credits_the_edition_and_links_only_what_is_set(built_real_site: BuildResult) -> None:
    data = json.loads(read(built_real_site.site, "api/pack.json"))
    identity, settings = data["identity"], fork_settings()
    html = read(built_real_site.site, "index.html")
    footer = html.split('class="md-copyright__highlight"', 1)[1].split("</div>", 1)[0]  # ours, not the theme's credit
    assert html_module.escape(identity["organisation"], quote=False) in footer
    attribution = re.sub(r"</?p>", "", identity["attribution_html"]).strip()  # inline in the footer
    assert attribution in footer
    assert ("mailto:" in footer or "http" in footer) == bool(identity.get("contact"))  # no placeholder address
    assert ('class="md-source"' in html) == bool(settings.get("repo_url"))  # nor a placeholder repository


@upstream_only
def test_upstream_credits_its_contributors_and_the_source(built_real_site: BuildResult) -> None:
    footer = read(built_real_site.site, "index.html").split('class="md-copyright"', 1)[1].split("</footer>", 1)[0]
    assert "The Action Learning Set Resource Pack contributors" in footer
    assert "Scottish Social Services Council (SSSC)" in footer


def test_a_fork_names_its_edition_in_its_identity(tmp_path: Path, tiny_project: Project) -> None:
    tiny_project.edit(
        "mkdocs.yml", "    organisation: Tiny Test Trust", "    name: Our own pack\n    organisation: Tiny Test Trust"
    )
    result = tiny_project.build()
    assert result.returncode == 0, result.output
    html = read(result.site, "index.html")
    header = html.split('class="md-header__topic"', 1)[1].split("</div>", 1)[0]
    assert "Our own pack" in header and "Tiny pack" not in header
    assert json.loads(read(result.site, "api/pack.json"))["title"] == "Our own pack"


# -- the tiny fixture site ----------------------------------------------------


def test_tiny_site_renders_every_macro(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    index = read(site, "tools/index.html")
    assert 'data-card-id="example-full"' in index and 'data-card-id="example-minimal"' in index
    guide = read(site, "guides/open-questions.html")
    assert 'id="example-open-exploring"' in guide
    assert 'href="../programme/example-meeting.html">Example meeting</a>' in guide
    assert 'href="../questions/example-rephrase.html">Example questions to rephrase</a>' in guide
    home = read(site, "index.html")
    assert "This pack has 2 cards" in home
    assert 'href="glossary.html#example-set">set</a>' in home
    assert "Sets of 4 to 8 members meet every 4 to 6 weeks" in home
    assert "<dt" in read(site, "glossary.html") and 'id="example-formula"' in read(site, "glossary.html")
    starter = read(site, "questions/starter.html")
    assert "Who else is involved?" in starter and "What would" not in starter.split("alp-starter", 1)[1]


def test_generated_pages_join_the_navigation_in_order(built_tiny_site: BuildResult) -> None:
    data = json.loads(read(built_tiny_site.site, "api/pack.json"))
    urls = [page["url"] for page in data["pages"]]
    assert urls[:4] == ["index.html", "tools/index.html", "tools/example-full.html", "tools/example-minimal.html"]
    assert "questions/example-open.html" in urls and "programme/example-meeting.html" in urls


def test_card_pages_edit_their_data_file(tmp_path: Path, tiny_project: Project) -> None:
    tiny_project.edit(
        "mkdocs.yml",
        "site_name: Tiny pack",
        "site_name: Tiny pack\nrepo_url: https://github.com/o/r\nedit_uri: edit/main/docs/",
    )
    result = tiny_project.build()
    assert result.returncode == 0, result.output
    html = read(result.site, "tools/example-full.html")
    assert 'href="https://github.com/o/r/edit/main/pack/cards/example-full.yml"' in html


def test_component_headings_appear_in_the_table_of_contents(built_tiny_site: BuildResult) -> None:
    html = read(built_tiny_site.site, "tools/example-full.html")
    toc = html.split('data-md-component="toc"', 1)[1]
    assert 'href="#example-full-steps"' in toc


# -- bad pages ----------------------------------------------------------------

BAD_PAGES = [
    (
        "unknown macro",
        "docs/index.md",
        "{{ card_count() }}",
        "{{ card_cuont() }}",
        "docs/index.md:7: unknown macro or variable 'card_cuont' (did you mean 'card_count'?)",
    ),
    (
        "unknown card id",
        "docs/index.md",
        'card_link("example-minimal")',
        'card_link("example-minimum")',
        "docs/index.md:7: card_link: there is no tool card with the id 'example-minimum' (did you mean 'example-minimal'?)",
    ),
    (
        "unclosed jinja tag",
        "docs/tools/index.md",
        "{{ tool_index() }}",
        "{{ tool_index() }",
        "docs/tools/index.md:7: template error:",
    ),
    (
        "unclosed block",
        "docs/tools/index.md",
        "{{ tool_index() }}",
        "{% if true %}{{ tool_index() }}",
        "docs/tools/index.md:",
    ),
    (
        "bad macro argument",
        "docs/tools/index.md",
        "{{ tool_index() }}",
        '{{ tool_index(stage="openin") }}',
        "docs/tools/index.md:7: stage must be one of",
    ),
    (
        "link to a missing page",
        "docs/guides/evaluation.md",
        "Reaction, learning",
        "[Gone](gone.md) Reaction, learning",
        "docs/guides/evaluation.md:10: the link 'gone.md'",
    ),
    (
        "link to a missing anchor",
        "docs/guides/evaluation.md",
        "Reaction, learning",
        "[Gone](../index.md#nowhere) Reaction, learning",
        "the anchor '#nowhere', which is not on 'index.html'",
    ),
    (
        "raw html link to a missing page",
        "docs/guides/evaluation.md",
        "Reaction, learning",
        '<a href="../nowhere.html">x</a> Reaction',
        "docs/guides/evaluation.md:10: the link '../nowhere.html' points to 'nowhere.html', which does not exist",
    ),
    (
        "unknown glossary term",
        "docs/index.md",
        'term("example-set")',
        'term("example-sett")',
        "docs/index.md:7: term: there is no glossary term with the id 'example-sett' (did you mean 'example-set'?)",
    ),
    (
        "a page that prints without a title",
        "docs/questions/starter.md",
        "title: Starter questions\n",
        "",
        "docs/questions/starter.md:1: title: a page with its own PDF needs a 'title:'",
    ),
    (
        "a page that prints to a file the pack already makes",
        "docs/questions/starter.md",
        "file: starter-questions",
        "file: question-deck",
        "docs/questions/starter.md:1: print_as.file: the file name 'question-deck' is already taken by another PDF",
    ),
    (
        "a page that prints as an unknown kind",
        "docs/questions/starter.md",
        "kind: sheet",
        "kind: poster",
        "docs/questions/starter.md:1: print_as.kind: expected one of 'guide', 'sheet', got 'poster'",
    ),
    (
        "missing review date",
        "docs/guides/evaluation.md",
        "reviewed: 2026-01-31\n",
        "",
        "docs/guides/evaluation.md:1: reviewed: every page needs a 'reviewed: YYYY-MM-DD' line",
    ),
    (
        "bad data",
        "pack/cards/example-minimal.yml",
        "duration: {min: 1, max: 2}",
        "duration: {min: 1, max: soon}",
        "pack/cards/example-minimal.yml:8: duration.max: expected a whole number, got 'soon'",
    ),
    (
        "missing image",
        "docs/guides/evaluation.md",
        "Reaction, learning",
        "![A chart](chart.png) Reaction, learning",
        "chart.png",
    ),
    (
        "brand colour below AA contrast",
        "mkdocs.yml",
        'primary: "#114477"',
        'primary: "#66aaff"',
        "mkdocs.yml:12: extra.identity.colours.primary: the primary colour #66aaff has a contrast of",
    ),
    (
        "missing logo",
        "mkdocs.yml",
        "logo: assets/logo.svg",
        "logo: assets/missing.png",
        "mkdocs.yml:10: extra.identity.logo: there is no file docs/assets/missing.png",
    ),
    (
        "page left out of the navigation",
        "docs/orphan.md",
        None,
        "---\nreviewed: 2026-01-31\n---\n\n# Orphan\n",
        "orphan.md",
    ),
]


@pytest.mark.parametrize(("name", "path", "old", "new", "expected"), BAD_PAGES, ids=[case[0] for case in BAD_PAGES])
def test_a_bad_page_fails_the_build_with_a_clear_line(
    tiny_project: Project, name: str, path: str, old: str | None, new: str, expected: str
) -> None:
    if old is None:
        tiny_project.write(path, new)
    else:
        tiny_project.edit(path, old, new)
    result = tiny_project.build()
    assert result.returncode != 0, f"{name}: the build passed\n{result.output}"
    assert expected in result.output, result.output
    assert "Traceback" not in result.output, result.output


def test_every_bad_page_is_reported_in_one_run(tiny_project: Project) -> None:
    tiny_project.edit("docs/index.md", "{{ card_count() }}", "{{ card_cuont() }}")
    tiny_project.edit("docs/tools/index.md", "{{ tool_index() }}", '{{ tool_card("nope") }}')
    tiny_project.edit("docs/guides/evaluation.md", "reviewed: 2026-01-31\n", "")
    result = tiny_project.build()
    assert result.returncode != 0
    assert "The pack has 3 content problems:" in result.output
    assert len(result.problem_lines) == 3


# -- the build script ---------------------------------------------------------


def site_fingerprint(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_a_failed_build_leaves_the_last_good_site(tiny_project: Project, tmp_path: Path) -> None:
    site = tmp_path / "published"
    command = [
        sys.executable,
        "-m",
        "scripts.build",
        "--config-file",
        str(tiny_project.root / "mkdocs.yml"),
        "--site-dir",
        str(site),
        "--no-pdf",
    ]
    first = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT, check=False)
    assert first.returncode == 0, first.stdout + first.stderr
    before = site_fingerprint(site)
    assert "index.html" in before
    tiny_project.edit("docs/index.md", "{{ card_count() }}", "{{ card_cuont() }}")
    second = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT, check=False)
    assert second.returncode != 0
    assert "previous site/ is unchanged" in second.stderr
    assert site_fingerprint(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_every_problem_in_pages_rendering_and_links_comes_in_one_run(tiny_project: Project) -> None:
    """A page check, a macro that fails while rendering and a broken link, all reported by one build."""
    tiny_project.edit("docs/index.md", "{{ card_count() }}", "{{ card_cuont() }}")
    tiny_project.edit("docs/tools/index.md", "{{ tool_index() }}", '{{ tool_index(stage="openin") }}')
    tiny_project.edit("docs/guides/evaluation.md", "Reaction, learning", "[Gone](gone.md) Reaction, learning")
    result = tiny_project.build()
    assert result.returncode != 0
    assert "docs/index.md:7: unknown macro or variable 'card_cuont'" in result.output
    assert "docs/tools/index.md:7: stage must be one of" in result.output
    assert "docs/guides/evaluation.md:10: the link 'gone.md'" in result.output
    assert "The pack has 3 content problems" in result.output
    assert "Traceback" not in result.output


def test_an_emoji_drawn_from_another_host_is_named_at_its_line(tiny_project: Project) -> None:
    tiny_project.edit("mkdocs.yml", "extra:\n", "extra:\n  content:\n    markdown_extensions: [pymdownx.emoji]\n")
    tiny_project.edit("docs/guides/evaluation.md", "Reaction, learning", "Well done :smile: Reaction, learning")
    result = tiny_project.build()
    assert result.returncode != 0
    assert "docs/guides/evaluation.md:10: the emoji :smile: loads its picture from" in result.output
    assert "emoji_generator: material.extensions.emoji.to_svg" in result.output


def test_the_site_serves_the_packs_own_scripts_minified(built_real_site: BuildResult) -> None:
    sources = sorted((PROJECT / "overrides" / SCRIPTS).glob("*.js"))
    assert len(sources) >= 10
    for source in sources:
        built = (built_real_site.site / SCRIPTS / source.name).read_text(encoding="utf-8")
        text = source.read_text(encoding="utf-8")
        assert built == minified(text), source.name
        assert len(built) < len(text), f"{source.name}: its comments are gone"
    # The theme's own bundle is left as Material ships it.
    assert any(path.name.startswith("bundle.") for path in (built_real_site.site / SCRIPTS).glob("*.min.js"))
