"""The PDFs: complete, navigable, accessible, offline and reproducible.

Most checks read the real pack's PDFs, built once by the session fixture;
the smaller ones use the tiny fixture site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import io
import itertools
import json
import re
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_date
from pypdf import PdfReader

from macros.loading import load_pack
from scripts.pdf import chapters
from scripts.pdf.documents import Document, pack_document
from scripts.pdf.render import RenderError, render
from scripts.pdf.site import BuiltSite, human_size

from .conftest import FIXTURES, PROJECT, BuildResult, Project, make_project
from .pdf_tools import (
    fonts_report,
    form_field_names,
    glyphs_outside_pages,
    internal_links,
    outline_titles,
    outline_tree,
    page_texts,
    read_pdf,
    squash,
)
from .text_extract import article_text

pytestmark = pytest.mark.build


def manifest(site: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((site / "downloads" / "manifest.json").read_text(encoding="utf-8"))


def pdfs(site: Path) -> list[Path]:
    return sorted((site / "downloads").rglob("*.pdf"))


#: Versions of a document that carry no structure tree, and why (README, "A booklet to fold"). The
#: checks of tagged PDFs (outloud, pdfua, page-validation, tags and alt text) leave them out, by the
#: manifest's version; test_an_untagged_version_is_titled_and_has_its_tagged_copy_beside_it checks them instead.
UNTAGGED_VERSIONS = {
    "booklet": "two pages far apart in reading order share each side, so no structure tree can read in order; "
    "the document's own PDF, beside it, is the copy to read",
}


def tagged_pdfs(site: Path) -> list[Path]:
    """Every PDF but the versions in :data:`UNTAGGED_VERSIONS`."""
    untagged = {item["file"] for item in manifest(site)["documents"] if item["version"] in UNTAGGED_VERSIONS}
    return [path for path in pdfs(site) if path.relative_to(site / "downloads").as_posix() not in untagged]


# -- outputs and the manifest -------------------------------------------------


def test_every_output_is_made(built_real_site: BuildResult) -> None:
    pack = load_pack(PROJECT / "pack", PROJECT)
    files = {item["file"]: item for item in manifest(built_real_site.site)["documents"]}
    assert files["pack.pdf"]["kind"] == "pack"
    for card_id in pack.cards:
        assert files[f"handouts/{card_id}.pdf"]["kind"] == "handout"
    assert files["question-deck.pdf"]["kind"] == "deck"
    assert files["question-list.pdf"]["kind"] == "list"
    assert files["forms/evaluation-form.pdf"]["kind"] == "form"
    templates = {name for name, item in files.items() if item["kind"] == "template"}
    assert {"forms/reflective-log.pdf", "forms/action-plan.pdf", "forms/issue-preparation.pdf"} <= templates


def test_pages_that_print_on_their_own_have_their_pdfs(built_real_site: BuildResult) -> None:
    files = {item["file"]: item for item in manifest(built_real_site.site)["documents"]}
    assert files["member-handbook.pdf"]["kind"] == "guide"
    assert files["member-handbook.pdf"]["title"] == "A handbook for set members"
    assert 2 <= files["member-handbook.pdf"]["pages"] <= 6, "a short handbook members will read"
    starter = files["starter-questions.pdf"]
    assert (starter["kind"], starter["pages"]) == ("sheet", 1)
    pack = load_pack(PROJECT / "pack", PROJECT)
    text = squash(" ".join(page_texts(built_real_site.site / "downloads" / "starter-questions.pdf")))
    starters = [q.text for _, q in pack.questions if q.starter]
    assert starters and all(squash(question) in text for question in starters)


def test_every_handout_keeps_the_promise_of_one_sheet(built_real_site: BuildResult) -> None:
    """The tool index promises a handout on one sheet of A4, printed on both sides: two pages at most."""
    promise = article_text((built_real_site.site / "tools" / "index.html").read_text(encoding="utf-8"))[0]
    assert "one sheet" in promise and "both sides" in promise
    # The promise is the standard handout's; its other versions (large print) take the pages they need.
    versions = {item["file"] for item in open_data(built_real_site.site)["downloads"]["files"] if item["version"]}
    long = {
        item["file"]: item["pages"]
        for item in manifest(built_real_site.site)["documents"]
        if item["kind"] == "handout" and item["file"] not in versions and item["pages"] > 2
    }
    assert long == {}


def test_the_manifest_matches_the_files(built_real_site: BuildResult) -> None:
    site = built_real_site.site
    listed = manifest(site)["documents"]
    made = [*pdfs(site), *(site / "downloads").rglob("*.docx")]
    on_disk = {path.relative_to(site / "downloads").as_posix() for path in made}
    assert {item["file"] for item in listed} == on_disk
    for item in listed:
        data = (site / "downloads" / item["file"]).read_bytes()
        assert item["bytes"] == len(data)
        assert item["sha256"] == hashlib.sha256(data).hexdigest()
        if item["file"].endswith(".pdf"):  # a Word file has no page count (tests/test_word.py)
            assert item["pages"] == len(read_pdf(site / "downloads" / item["file"]).pages)
        assert item["title"]


def test_the_downloads_page_shows_pages_and_sizes(built_real_site: BuildResult) -> None:
    html = (built_real_site.site / "downloads.html").read_text(encoding="utf-8")
    for item in manifest(built_real_site.site)["documents"]:
        # A document's own PDF has a column for its pages; another version says them in words; Word has none.
        if "pages" in item:
            pages = item["pages"]
            in_words = f'data-manifest-pagecount="{item["file"]}">{pages} page{"" if pages == 1 else "s"}<'
            if item.get("version") == "booklet":  # its pages are the sides of its sheets
                sheets = (pages + 1) // 2
                in_words = f'data-manifest-pagecount="{item["file"]}">{sheets} sheet{"" if sheets == 1 else "s"}, '
            assert f'data-manifest-pages="{item["file"]}">{pages}<' in html or in_words in html, item["file"]
        assert f'data-manifest-size="{item["file"]}">{human_size(item["bytes"])}<' in html
        assert f'href="downloads/{item["file"]}"' in html
    assert ">–<" not in html


def test_each_card_page_offers_its_handout(built_real_site: BuildResult) -> None:
    for card in json.loads((built_real_site.site / "api" / "pack.json").read_text())["cards"]:
        html = (built_real_site.site / card["url"]).read_text(encoding="utf-8")
        assert f'href="../downloads/handouts/{card["id"]}.pdf"' in html
        assert "Download handout (PDF)" in html


# -- the pack -----------------------------------------------------------------


@pytest.fixture(scope="module")
def pack_pdf(built_real_site: BuildResult) -> Path:
    """The pack as the build makes it, joined from parts.

    That the join equals a render in one piece is tested on the tiny site
    (``test_the_pack_joined_from_parts_matches_a_one_piece_render``): a
    render of our whole pack in one piece costs about 90 seconds on one core.
    """
    return built_real_site.site / "downloads" / "pack.pdf"


@pytest.fixture(scope="module")
def pack_pages(pack_pdf: Path) -> list[str]:
    return page_texts(pack_pdf)


def test_pack_size_is_within_budget(pack_pdf: Path) -> None:
    assert pack_pdf.stat().st_size <= 2_000_000


def open_data(site: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))


def test_the_cover_names_the_organisation_and_edition(built_real_site: BuildResult, pack_pages: list[str]) -> None:
    # Expected values come from the build's open data, so a fork's identity passes too.
    data = open_data(built_real_site.site)
    identity = data["identity"]
    locale = data["strings"]["meta.locale"]
    edition = format_date(dt.date.fromisoformat(identity["edition"]), format="long", locale=locale)
    cover = squash(pack_pages[0])
    assert squash(identity["organisation"]) in cover
    assert squash(data["title"]) in cover
    assert squash(data["strings"]["pdf.edition"].format(date=edition)) in cover
    assert identity["licence"] in cover


def first_heading(site: Path, url: str) -> str:
    article = (site / url).read_text(encoding="utf-8").split('class="md-content__inner', 1)[1]
    match = re.search(r"<h1[^>]*>(.*?)</h1>", article, re.DOTALL)
    assert match, f"{url} has no h1"
    return heading_text(match.group(1))


def heading_text(markup: str) -> str:
    """A heading's words, without its permalink."""
    markup = re.sub(r'<a class="headerlink".*?</a>', "", markup, flags=re.DOTALL)
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def test_contents_page_numbers_match_where_each_chapter_lands(pack_pdf: Path, pack_pages: list[str]) -> None:
    entries = []
    for page in pack_pages[1:6]:
        for line in page.splitlines():
            match = re.match(r"^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", line)
            if match:
                entries.append((squash(match.group(1)), int(match.group(2))))
    pages = [p for p in json.loads((pack_pdf.parents[1] / "api" / "pack.json").read_text())["pages"] if p["pdf"]]
    assert len(entries) == len(pages)
    for (title, number), page in zip(entries, pages, strict=True):
        # Each entry reads as its chapter's own heading (not its shorter title in the menu, such as "Home"),
        # and the heading is on the page the contents names.
        heading = first_heading(pack_pdf.parents[1], page["url"])
        assert title == heading
        assert heading in squash(pack_pages[number - 1]), f"{title} is not on page {number}"


def test_bookmarks_cover_every_chapter(pack_pdf: Path) -> None:
    reader = read_pdf(pack_pdf)
    bookmarks = outline_titles(reader)
    titles = {squash(title) for title, _ in bookmarks}
    pages = [p for p in json.loads((pack_pdf.parents[1] / "api" / "pack.json").read_text())["pages"] if p["pdf"]]
    assert {first_heading(pack_pdf.parents[1], page["url"]) for page in pages} <= titles
    assert "Contents" in titles


def test_internal_links_land_on_the_right_page(pack_pdf: Path, pack_pages: list[str]) -> None:
    reader = read_pdf(pack_pdf)
    links = internal_links(reader)
    assert len(links) > 200
    assert all(target > 0 for _, _, target in links), [link for link in links if link[2] == 0][:5]
    site = pack_pdf.parents[1]
    headings = {
        "p-" + page["url"].removesuffix(".html").replace("/", "-"): first_heading(site, page["url"])
        for page in json.loads((site / "api" / "pack.json").read_text())["pages"]
        if page["pdf"]
    }
    for _, name, target in links:
        if name in headings:  # a link to a whole chapter lands on its first page
            assert headings[name] in squash(pack_pages[target - 1]), name


def test_nothing_is_dropped(built_real_site: BuildResult, pack_pages: list[str]) -> None:
    """Every page in the pack and every heading on it are in the PDF's text."""
    text = squash(" ".join(pack_pages))
    site = built_real_site.site
    for page in json.loads((site / "api" / "pack.json").read_text())["pages"]:
        if not page["pdf"]:
            continue
        html = (site / page["url"]).read_text(encoding="utf-8")
        assert first_heading(site, page["url"]) in text, page["url"]
        article = html.split('class="md-content__inner', 1)[1]
        for attributes, heading in re.findall(r"<h[1-4]([^>]*)>(.*?)</h[1-4]>", article, re.DOTALL):
            if "alp-screen-only" in attributes:  # a section for the screen only, such as the calendar form
                continue
            words = heading_text(heading)
            if words:
                assert words in text, f"{page['url']}: heading '{words}' is not in the PDF"
        prose, _ = article_text(html)
        first_sentence = prose.split(". ")[0][:60]
        assert squash(first_sentence)[:40] in text, f"{page['url']}: its text is not in the PDF"


#: Words an invented edition would show; upstream's edition must show none (a fork sets its own).
PLACEHOLDERS = ("example.org", "example.com", "Example Partnership", "Example Health", "github.com/example")


def test_the_upstream_edition_shows_no_placeholder(built_real_site: BuildResult) -> None:
    """No invented organisation, address or repository in any page, data file or PDF."""
    found = []
    for path in sorted(built_real_site.site.rglob("*")):
        if path.suffix in {".html", ".json", ".js", ".xml", ".txt", ".svg"}:
            text = path.read_text(encoding="utf-8")
        elif path.suffix == ".pdf":
            text = " ".join(page_texts(path))
        else:
            continue
        found += [f"{path.relative_to(built_real_site.site)}: {word}" for word in PLACEHOLDERS if word in text]
    assert found == []


def test_headers_and_footers(built_real_site: BuildResult, pack_pages: list[str]) -> None:
    total = len(pack_pages)
    for number, page in enumerate(pack_pages[1:], start=2):
        assert f"Page {number} of {total}" in squash(page)
    second = [page for page in open_data(built_real_site.site)["pages"] if page["pdf"]][1]
    # The running head names the chapter, in capitals (page.css).
    heading = first_heading(built_real_site.site, second["url"]).upper()
    chapter = next(number for number, page in enumerate(pack_pages) if squash(page).startswith(heading))
    header = pack_pages[chapter].splitlines()[0]
    assert heading in squash(header)


# -- the pack, rendered in parts and joined ----------------------------------


def test_the_pack_is_cut_into_parts_between_chapters_at_places_that_stay_put(built_real_site: BuildResult) -> None:
    pack = pack_document(BuiltSite(built_real_site.site))
    plan = chapters.plan(pack)
    assert len(plan.parts) >= 4
    # Cut between chapters only: every chapter once, in order, whole.
    joined = "\n".join(part.body for part in plan.parts)
    assert re.sub(r'<div class="volume-stand-in" id="[^"]+"></div>', "", joined) == "\n".join(pack.parts[1:])
    assert all(len(part.body) < chapters.PART_CHARS + max(map(len, pack.parts)) for part in plan.parts)
    # An edit to one chapter leaves every other part as it was, so they come from the cache.
    edited = list(pack.parts)
    middle = len(edited) // 2
    edited[middle] = edited[middle].replace("</section>", "<p>A sentence more.</p></section>", 1)
    again = chapters.plan(dataclasses.replace(pack, body="\n".join(edited), parts=tuple(edited)))
    changed = [index for index, (one, two) in enumerate(zip(plan.parts, again.parts, strict=True)) if one != two]
    assert len(changed) == 1
    assert again.front == plan.front


def test_a_stand_in_is_made_only_for_a_link_target_that_exists() -> None:
    body = '<section id="a"><a href="#b">to b</a> <a href="#nowhere">broken</a></section>'
    marked, stand_ins = chapters._with_stand_ins(body, frozenset({"a", "b"}))
    assert stand_ins == {"b"}
    assert marked.endswith('<div class="volume-stand-in" id="b"></div></section>')


def test_the_pack_joined_from_parts_matches_a_one_piece_render(built_tiny_site: BuildResult, tmp_path: Path) -> None:
    """Same pages, same text (contents numbers and footers too), same bookmarks, same links, same figures.

    The oracle is the tiny site's pack cut into parts of 2,000 characters,
    so that every step of the join (the front numbered from the parts' page
    counts, stand-ins for links between parts, short chapters flowing on,
    footers drawn over the join, one outline and structure tree) runs on
    many parts; our own pack's tests above check the real pack as built.
    """
    site = BuiltSite(built_tiny_site.site)
    pack = pack_document(site)
    pack_plan = chapters.plan(pack, part_chars=2000)
    assert len(pack_plan.parts) >= 5
    joined, _ = chapters.make_in_this_process(pack_plan, str(site.root))
    parts, whole = tmp_path / "parts.pdf", tmp_path / "whole.pdf"
    parts.write_bytes(joined.pdf)
    whole.write_bytes(render(pack, site).pdf)
    in_parts, in_one_piece = read_pdf(parts), read_pdf(whole)
    assert [squash(text) for text in page_texts(parts)] == [squash(text) for text in page_texts(whole)]
    assert outline_tree(in_parts) == outline_tree(in_one_piece)
    assert internal_links(in_parts) == internal_links(in_one_piece)
    assert internal_links(in_parts), "the tiny pack links between its chapters"
    assert len(structure_figures(in_parts)) == len(structure_figures(in_one_piece))


def test_the_joined_pack_has_one_structure_tree_with_a_key_for_every_page_and_link(
    built_real_site: BuildResult,
) -> None:
    import page as pdf_checker

    path = built_real_site.site / "downloads" / "pack.pdf"
    report = pdf_checker.validate_pdf(str(path), profile="ua1")
    assert report.is_compliant and not report.failures, [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert all(row[-5] == "yes" for row in fonts_report(path))
    reader = read_pdf(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] and reader.metadata and reader.metadata.title
    # Every page and every link has its own key in the one structure tree,
    # and each link's key leads to the element that holds that link.
    numbers = root["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    tree = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}
    page_keys = [int(page["/StructParents"]) for page in reader.pages]
    assert page_keys == list(range(len(reader.pages)))
    links = 0
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            element = tree[int(annotation.get_object()["/StructParent"])].get_object()
            kids = element["/K"] if isinstance(element["/K"], list) else [element["/K"]]
            objects = [kid.get_object().get("/Obj") for kid in kids if hasattr(kid.get_object(), "get")]
            assert annotation.idnum in [obj.idnum for obj in objects if obj is not None]
            links += 1
    assert len(tree) == len(reader.pages) + links


def _rendered(lines: list[str]) -> list[str]:
    """What a build's output says it rendered (not reused), parts of the pack included."""
    return sorted(match for line in lines for match in re.findall(r"^  rendered (\S+\.pdf(?: \([^)]*\))?)", line))


def test_the_build_renders_the_pack_in_parts_and_an_edit_renders_only_its_part(
    built_tiny_site: BuildResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF step's own path: parts in the workers, each cached; then front, footers and join."""
    from scripts.pdf.build import build_pdfs

    site = tmp_path / "site"
    shutil.copytree(built_tiny_site.site, site)
    pack = pack_document(BuiltSite(site))
    monkeypatch.setattr(chapters, "PART_CHARS", len(pack.body) // 3)
    lines: list[str] = []
    build_pdfs(site, tmp_path / "cache", jobs=2, log=lines.append)
    parts = [line for line in _rendered(lines) if "(part " in line]
    assert len(parts) >= 3, lines
    assert "pack.pdf" in _rendered(lines)
    # Edit the last chapter's page: its part, the pack's front (its contents
    # numbers may move), footers and join may render again; no other part does.
    last = [page for page in open_data(site)["pages"] if page["pdf"]][-1]["url"]
    page = site / last
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>One more line.</p></article>", 1))
    lines.clear()
    build_pdfs(site, tmp_path / "cache", jobs=2, log=lines.append)
    again = [line for line in _rendered(lines) if "(part " in line]
    assert len(again) == 1 and last in again[0], lines
    assert not any(name.startswith("handouts/") for name in _rendered(lines))
    listed = next(item for item in manifest(site)["documents"] if item["file"] == "pack.pdf")
    assert listed["pages"] == len(PdfReader(site / "downloads" / "pack.pdf").pages)
    assert "One more line." in squash(" ".join(page_texts(site / "downloads" / "pack.pdf")))


def test_a_failing_part_fails_the_build_and_names_itself(
    built_tiny_site: BuildResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scripts.pdf.build import build_pdfs

    site = tmp_path / "site"
    shutil.copytree(built_tiny_site.site, site)
    last = [page for page in open_data(site)["pages"] if page["pdf"]][-1]["url"]
    page = site / last
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "</article>", '<p><img src="https://cdn.example.net/x.png" alt="x"></p></article>', 1
        ),
        encoding="utf-8",
    )
    pack = pack_document(BuiltSite(site))
    monkeypatch.setattr(chapters, "PART_CHARS", len(pack.body) // 3)
    lines: list[str] = []
    with pytest.raises(RenderError) as failed:
        build_pdfs(site, tmp_path / "cache", jobs=2, log=lines.append)
    message = str(failed.value)
    assert re.search(r"pack\.pdf \(part \d of \d: [^)]+\): refused to fetch https://cdn\.example\.net/x\.png", message)
    assert f"(from the page {last})" in message
    assert not any("pack.pdf  (" in line for line in lines)
    # The parts that rendered are kept for next time; the failed pack is not.
    from scripts.pdf.cache import cache_key

    assert not (tmp_path / "cache" / f"{cache_key(pack, BuiltSite(site))}.pdf").exists()
    assert not any(
        cached_pages(path) >= len(page_texts(built_tiny_site.site / "downloads" / "pack.pdf"))
        for path in (tmp_path / "cache").glob("*.pdf")
    )


def cached_pages(path: Path) -> int:
    return len(PdfReader(path).pages)


def test_joining_the_parts_is_reproducible(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    pack_plan = chapters.plan(pack_document(BuiltSite(site)), part_chars=2000)
    assert len(pack_plan.parts) >= 2
    joined, jobs = chapters.make_in_this_process(pack_plan, str(site))
    again = jobs.join_arguments()
    from scripts.pdf.join import join_job

    assert join_job(*again).pdf == joined.pdf


# -- every PDF ----------------------------------------------------------------


def test_every_pdf_is_tagged_with_language_and_title(built_real_site: BuildResult) -> None:
    language = open_data(built_real_site.site)["language"]
    for path in tagged_pdfs(built_real_site.site):
        reader = read_pdf(path)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"], path
        assert "/StructTreeRoot" in root, path
        assert root["/Lang"] == language, path
        assert reader.metadata is not None and reader.metadata.title, path
        assert root["/ViewerPreferences"]["/DisplayDocTitle"], path


def test_an_untagged_version_is_titled_and_has_its_tagged_copy_beside_it(built_real_site: BuildResult) -> None:
    """A booklet cannot be read in order: it has its title and language, and the copy to read is listed beside it."""
    site = built_real_site.site
    language = open_data(site)["language"]
    listed = {item["file"]: item for item in manifest(site)["documents"]}
    untagged = [item for item in listed.values() if item["version"] in UNTAGGED_VERSIONS]
    assert [item["file"] for item in untagged] == ["booklets/member-handbook-booklet.pdf"]
    tagged = {path.relative_to(site / "downloads").as_posix() for path in tagged_pdfs(site)}
    for item in untagged:
        reader = read_pdf(site / "downloads" / item["file"])
        root = reader.trailer["/Root"]
        assert root["/Lang"] == language and root["/ViewerPreferences"]["/DisplayDocTitle"], item["file"]
        assert reader.metadata is not None and reader.metadata.title, item["file"]
        assert "/StructTreeRoot" not in root and "/MarkInfo" not in root, f"{item['file']} claims tags it lacks"
        own = listed[item["version_of"]]
        assert own["version"] == "" and own["file"] in tagged, item["file"]
        assert own["file"] in str(reader.metadata.subject), "the booklet's subject names the copy to read"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="make test installs poppler-utils")
def test_every_font_is_embedded(built_real_site: BuildResult) -> None:
    for path in pdfs(built_real_site.site):
        rows = fonts_report(path)
        assert rows, path
        for row in rows:
            assert "Atkinson-Hyperlegible" in row[0], f"{path}: unexpected font {row[0]}"
            assert row[-5] == "yes", f"{path}: {row[0]} is not embedded"


def test_every_pdf_passes_the_pdf_ua_1_checks(built_real_site: BuildResult) -> None:
    """PDF/UA-1 rules as PyPI's page-validation implements them (backed by the pypdf checks above)."""
    import page as pdf_checker

    failures = {}
    for path in tagged_pdfs(built_real_site.site):
        report = pdf_checker.validate_pdf(str(path), profile="ua1")
        if not report.is_compliant or report.failures:
            failures[path.name] = [f"{failure.rule_id}: {failure.message}" for failure in report.failures]
    assert failures == {}


#: Warnings that outloud and pdfua give on our PDFs and that WeasyPrint 70 (or
#: the checkers' own heuristics) leave no way to clear, each with the number
#: the README ("Checked by tools we did not write") explains, summed over every
#: PDF of the real site. The tests fail above the figure, so a regression shows.
OUTLOUD_WARNINGS = {"PAG-001": 14, "TBL-014": 19}
PDFUA_WARNINGS = {"UA-15-003": 20}
#: pdfua rules that cannot run on any tagged PDF here, and why.
PDFUA_CANNOT_RUN = {
    "UA-14-001": "pdfua 0.1.3 asks getattr(array, 'is_integer'), which pikepdf 10 answers with ValueError",
}


#: The print-shop question deck's outloud warnings, exactly, by file (README, "The print-shop question deck"):
#: each card's back says its category and number, and the bottom row of a sheet of backs on A4 lies in
#: the page's bottom eighth, where outloud takes a line seen on three pages for a running footer.
PRINT_SHOP_WARNINGS = {"question-deck-print-shop-a4.pdf": {"PAG-001": 2}, "question-deck-print-shop-letter.pdf": {}}


def _over(counts: dict[str, int], allowed: dict[str, int]) -> dict[str, int]:
    return {rule: count for rule, count in counts.items() if count > allowed.get(rule, 0)}


def test_every_pdf_passes_outloud(built_real_site: BuildResult) -> None:
    """PyPI's outloud: PDF/UA-1 and the semantic checks (reading order, furniture, titles) no validator makes."""
    import outloud

    errors, warnings, crashed = [], [], []
    counts: dict[str, int] = {}
    for path in tagged_pdfs(built_real_site.site):
        name = path.relative_to(built_real_site.site / "downloads").as_posix()
        result = outloud.check(str(path))
        assert result.error is None, f"{name}: {result.error}"
        crashed += [f"{name}: {run.rule} crashed: {run.reason}" for run in result.runs if run.status == "crashed"]
        own: dict[str, int] = {}
        for finding in result.sorted_findings():
            line = f"{name} p{finding.page}: {finding.rule} ({finding.count}) {finding.message} [{finding.evidence}]"
            if finding.severity == "error":
                errors.append(line)
            elif finding.severity == "warning":
                warnings.append(line)
                tally = own if name in PRINT_SHOP_WARNINGS else counts
                tally[finding.rule] = tally.get(finding.rule, 0) + finding.count
        if name in PRINT_SHOP_WARNINGS and own != PRINT_SHOP_WARNINGS[name]:
            errors.append(f"{name}: warnings {own}, where the README explains {PRINT_SHOP_WARNINGS[name]}")
    over = _over(counts, OUTLOUD_WARNINGS)
    report = "\n".join([*errors, *crashed, f"warnings over the explained figures: {over}", *warnings])
    assert not errors and not crashed and not over, report


def test_every_pdf_passes_pdfua(built_real_site: BuildResult) -> None:
    """PyPI's pdfua: the machine-checkable part of PDF/UA-1 (ISO 14289-1) and WCAG 2.1."""
    import pdfua

    errors, warnings, skipped = [], [], []
    counts: dict[str, int] = {}
    for path in tagged_pdfs(built_real_site.site):
        name = path.relative_to(built_real_site.site / "downloads").as_posix()
        report = pdfua.validate(str(path))
        skipped += [
            f"{name}: {outcome.rule_id} did not run: {outcome.skipped_reason}"
            for outcome in report.skipped
            if outcome.rule_id not in PDFUA_CANNOT_RUN
        ]
        for finding in report.findings:
            line = f"{name}: {finding.rule_id} ({finding.location.describe()}) {finding.message}"
            if finding.severity is pdfua.Severity.ERROR:
                errors.append(line)
            elif finding.severity is pdfua.Severity.WARNING:
                warnings.append(line)
                counts[finding.rule_id] = counts.get(finding.rule_id, 0) + 1
    over = _over(counts, PDFUA_WARNINGS)
    report_text = "\n".join([*errors, *skipped, f"warnings over the explained figures: {over}", *warnings])
    assert not errors and not skipped and not over, report_text


def test_each_handout_and_form_is_titled_for_what_it_is(built_real_site: BuildResult) -> None:
    """A PDF's title is what a reader's window and a screen reader announce: not just "Check-in"."""
    site = built_real_site.site
    edition = open_data(site)["identity"]["name"]
    what = {"handout": "handout", "form": "form to fill in", "template": "template to write on"}
    titled = [item for item in manifest(site)["documents"] if item["kind"] in what and item["file"].endswith(".pdf")]
    assert {item["kind"] for item in titled} == set(what)
    for item in titled:
        metadata = PdfReader(site / "downloads" / item["file"]).metadata
        assert metadata is not None
        assert metadata.title == f"{item['title']}: {what[item['kind']]}, {edition}", item["file"]


def test_every_header_cell_gets_a_scope() -> None:
    import tinyhtml5

    from scripts.pdf import html_tools

    document = tinyhtml5.parse(
        "<article><table><thead><tr><th>Item</th><th scope='row'>Kept</th></tr></thead>"
        "<tbody><tr><th>Row</th><td>Cell</td></tr></tbody></table></article>",
        namespace_html_elements=False,
    )
    article = next(document.iter("article"))
    html_tools.scope_table_headers(article)
    assert [cell.get("scope") for cell in article.iter("th")] == ["col", "row", "row"]


def test_tagging_adds_scopes_print_flags_and_pagination_artifacts(built_tiny_site: BuildResult) -> None:
    """What tagging.py adds to WeasyPrint's tags, on a two-page handout with a table and a link."""
    import pikepdf

    from scripts.pdf.documents import handout_documents

    site = BuiltSite(built_tiny_site.site)
    handout = handout_documents(site)[0]
    body = handout.body + (
        '<table><thead><tr><th scope="col">Item</th><th scope="col">Note</th></tr></thead>'
        '<tbody><tr><th scope="row">One</th><td><a href="https://example.org/">a link</a></td></tr></tbody></table>'
        '<p style="break-before: page">The second page.</p>'
    )
    pdf = pikepdf.open(io.BytesIO(render(dataclasses.replace(handout, body=body), site).pdf))
    elements = list(_structure_elements(pdf.Root.StructTreeRoot))
    scopes = [str(element.A.Scope) for element in elements if element.S == "/TH"]
    assert scopes == ["/Column", "/Column", "/Row"]
    links = [annotation for page in pdf.pages for annotation in page.get("/Annots", [])]
    assert links and all(int(annotation.F) & 4 for annotation in links)
    # Every marked-content id on a page belongs to an element of the tree: no
    # running header or footer is tagged as content that nothing holds.
    page_numbers = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
    owned: dict[int, set[int]] = {}
    for element in elements:
        kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
        mcids = {int(kid) for kid in kids if isinstance(kid, int)}
        if mcids:
            owned.setdefault(page_numbers[element.Pg.objgen], set()).update(mcids)
    for number, page in enumerate(pdf.pages):
        content = page.Contents.read_bytes()
        marked = {int(mcid) for mcid in re.findall(rb"/MCID (\d+)", content)}
        assert marked == owned.get(number, set()), number
        header = re.findall(rb"/Artifact\s*<<\s*/Type /Pagination\s*/Subtype /Header\s*>>\s*BDC", content)
        footer = re.findall(rb"/Artifact\s*<<\s*/Type /Pagination\s*/Subtype /Footer\s*>>\s*BDC", content)
        assert len(header) == 1, number
        # The page numbers are an artifact on every page; the licence and credit
        # are content on the first page (read once) and an artifact after it.
        assert len(footer) == (1 if number == 0 else 2), number


def _structure_elements(node: object) -> Iterator[Any]:
    import pikepdf

    if isinstance(node, pikepdf.Array):
        for kid in node:
            yield from _structure_elements(kid)
    elif isinstance(node, pikepdf.Dictionary) and "/K" in node:
        if node.get("/Type") == "/StructElem":
            yield node
        yield from _structure_elements(node.K)


def structure_figures(reader: PdfReader) -> list[dict]:  # type: ignore[type-arg]
    figures = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                figures.append(node)
            kids = node.get("/K")
            if kids is not None:
                walk(kids)
        elif isinstance(node, list):
            for kid in node:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return figures


def test_every_image_has_alt_text(built_real_site: BuildResult) -> None:
    pack_figures = structure_figures(read_pdf(built_real_site.site / "downloads" / "pack.pdf"))
    assert pack_figures, "the pack has images, so its structure tree has figures"
    # Alt text is in the structure tree; an untagged version's images are its tagged copy's (see tagged_pdfs).
    for path in tagged_pdfs(built_real_site.site):
        for figure in structure_figures(read_pdf(path)):
            assert str(figure.get("/Alt", "")).strip(), f"{path.name}: a figure has no /Alt"


#: The line that says when a page was last reviewed (overrides/main.html), as the PDFs print it.
REVIEW_LINE = re.compile(r"Last reviewed: [^;]+; next review due: [^.]+\.")


def _furniture(site: Path) -> list[str]:
    """What the running header and footer of a one-off document say, from the site's open data."""
    data = open_data(site)
    identity = data["identity"]
    credit = html.unescape(re.sub(r"<[^>]+>", " ", identity["attribution_html"]))
    licence = data["strings"]["pdf.licence"].format(licence=identity["licence"])
    return [squash(text) for text in (licence, credit, identity["short_name"], data["title"])]


def _without_furniture(page: str, furniture: list[str]) -> str:
    text = REVIEW_LINE.sub(" ", squash(page))
    text = re.sub(r"Page \d+ of \d+", " ", text)
    for words in furniture:
        text = text.replace(words, " ")
    return text.strip(" .")


def test_a_forms_review_line_is_in_its_footer_and_never_alone_on_a_page(built_real_site: BuildResult) -> None:
    """Issue 17: page 2 of the reflective log held only "Last reviewed: ...". The line is now in every footer."""
    site = built_real_site.site
    furniture = _furniture(site)
    alone, missing = [], []
    for form in open_data(site)["forms"]:
        pages = page_texts(site / form["pdf"])
        for number, page in enumerate(pages, start=1):
            if not _without_furniture(page, furniture):
                alone.append(f"{form['pdf']} page {number}")
            if not REVIEW_LINE.search(squash(page)):
                missing.append(f"{form['pdf']} page {number}")
    assert alone == [], "pages that hold only the running parts and the review line"
    assert missing == [], "pages whose footer lacks the review line"


def _chapter_pages(reader: PdfReader, title: str) -> range:
    """The pages (from 1) of the pack's chapter with this bookmark, up to the next bookmark at its depth or above."""
    tree = outline_tree(reader)
    index = next(i for i, (_, text, _) in enumerate(tree) if text == title)
    depth, _, first = tree[index]
    after = next((page for level, _, page in tree[index + 1 :] if level <= depth), len(reader.pages) + 1)
    return range(first, after)


def test_every_form_lays_out_in_the_pack_as_on_its_own(built_real_site: BuildResult) -> None:
    """Issue 17: in the pack, the evaluation form's rating circles stacked down three pages; on its own, two pages."""
    site = built_real_site.site
    pack = site / "downloads" / "pack.pdf"
    reader, pack_texts = read_pdf(pack), page_texts(pack)
    furniture = _furniture(site)
    for form in open_data(site)["forms"]:
        own = page_texts(site / form["pdf"])
        # Nothing is drawn off the page (the rating's hidden legends were, in 1 px columns).
        assert glyphs_outside_pages(site / form["pdf"]) == [], form["pdf"]
        pages = _chapter_pages(reader, form["title"])
        assert len(pages) == len(own), f"{form['title']}: {len(pages)} pages in the pack, {len(own)} on its own"
        in_pack = [pack_texts[number - 1] for number in pages]
        for page in in_pack:
            assert REVIEW_LINE.search(squash(page)), f"{form['title']}: a page in the pack without its review line"
            assert _without_furniture(page, furniture), f"{form['title']}: a page in the pack with nothing else"
        # A row of rating circles reads "1 2 3 4 5" (the scale, side by side), as many times as on its own.
        row = re.compile(r"\b1 2 3 4 5\b")
        assert len(row.findall(squash(" ".join(in_pack)))) == len(row.findall(squash(" ".join(own)))), form["title"]
    assert glyphs_outside_pages(pack) == []
    evaluation = " ".join(pack_texts[n - 1] for n in _chapter_pages(reader, "Evaluation form"))
    assert re.search(r"\b1 2 3 4 5\b", squash(evaluation)), "the evaluation form's ratings sit in a row"


def test_each_meeting_has_one_pdf_of_everything_it_asks_to_print(built_real_site: BuildResult) -> None:
    """Issue 17: "Print for this meeting". The PDF opens with the list, each document with its pages, then each one."""
    site = built_real_site.site
    data = open_data(site)
    bundles = {item["page"]: item for item in data["downloads"]["files"] if item["layout"] == "bundle"}
    assert set(bundles) == {session["url"] for session in data["sessions"]}, "every meeting has one"
    made = {item["file"]: item for item in manifest(site)["documents"]}
    size = data["programme"]["set_size"]["usual"]
    for url, bundle in bundles.items():
        path = site / "downloads" / bundle["file"]
        assert made[bundle["file"]]["kind"] == "meeting"
        metadata = read_pdf(path).metadata
        assert metadata is not None and metadata.title == f"{bundle['title']}, {data['identity']['name']}"
        texts = page_texts(path)
        listing = squash(read_pdf(path).pages[0].extract_text())
        assert data["strings"]["print.heading"] in listing
        assert data["strings"]["print.caption"].format(title=first_heading(site, url), size=size) in listing
        ends = []
        for document in bundle["pages"]:
            title = first_heading(site, document)
            found = re.search(re.escape(title) + r", pages (\d+) to (\d+)", listing)
            assert found, f"{bundle['file']}: the list names no pages for {title}"
            first, last = int(found[1]), int(found[2])
            assert squash(texts[first - 1]).find(title) >= 0, f"{bundle['file']}: {title} is not on page {first}"
            assert first <= last <= len(texts)
            ends.append((first, last))
        # The documents follow the list in its order, each from a new page, and fill the PDF.
        assert ends[0][0] == 2 and ends[-1][1] == len(texts)
        assert all(after[0] == before[1] + 1 for before, after in itertools.pairwise(ends))
    introductory = squash(
        read_pdf(site / "downloads" / "meetings" / "introductory-meeting.pdf").pages[0].extract_text()
    )
    assert f"Reflective log template, pages 17 to 17 Template to write on {size}: one for each member" in introductory


def test_the_evaluation_form_has_fields(built_real_site: BuildResult) -> None:
    reader = read_pdf(built_real_site.site / "downloads" / "forms" / "evaluation-form.pdf")
    names = form_field_names(reader)
    assert any(name.startswith("r-evaluation-form-") for name in names)  # ratings: radio groups
    assert any(name.startswith("f-evaluation-form-") for name in names)  # text boxes
    assert len(names) >= 20


# -- paper, safety, strictness, speed and reproducibility (tiny site) ---------


def test_tabs_and_collapsed_blocks_print_in_full(built_tiny_site: BuildResult) -> None:
    text = squash(" ".join(page_texts(built_tiny_site.site / "downloads" / "pack.pdf")))
    for words in ("On paper", "Hand out the form", "Online", "Send a link", "When to evaluate", "printed in full"):
        assert words in text


def test_letter_paper_by_one_setting(tmp_path: Path) -> None:
    project = make_project(tmp_path / "letter", FIXTURES / "sites" / "tiny")
    project.edit("mkdocs.yml", "paper: A4", "paper: Letter")
    result = project.full_build()
    assert result.returncode == 0, result.output
    box = PdfReader(result.site / "downloads" / "pack.pdf").pages[3].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a4_by_default(built_tiny_site: BuildResult) -> None:
    box = read_pdf(built_tiny_site.site / "downloads" / "pack.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def tiny_document(body: str, styles: tuple[str, ...] = ("fonts.css",)) -> Document:
    return Document("test.pdf", "Test", "test", body, styles)


def test_a_remote_image_is_refused_and_named(built_tiny_site: BuildResult) -> None:
    site = BuiltSite(built_tiny_site.site)
    with pytest.raises(RenderError, match=r"test\.pdf: refused to fetch https://example\.org/photo\.png"):
        render(tiny_document('<p><img src="https://example.org/photo.png" alt="A photo"></p>'), site)


def test_a_refused_fetch_names_the_page_it_came_from(built_tiny_site: BuildResult) -> None:
    site = BuiltSite(built_tiny_site.site)
    body = (
        '<section class="chapter" data-url="index.html"><p>Home</p></section>'
        '<section class="chapter" data-url="guides/evaluation.html"><img src="https://cdn.example.net/x.png" alt="x"></section>'
    )
    document = Document(
        "pack.pdf", "Test", "pack", body, ("fonts.css",), sources=("index.html", "guides/evaluation.html")
    )
    with pytest.raises(
        RenderError,
        match=r"refused to fetch https://cdn\.example\.net/x\.png.*\(from the page guides/evaluation\.html\)",
    ):
        render(document, site)


def test_a_file_outside_the_site_is_refused(built_tiny_site: BuildResult) -> None:
    site = BuiltSite(built_tiny_site.site)
    with pytest.raises(RenderError, match="refused to fetch file:///etc/hostname"):
        render(tiny_document('<p><img src="file:///etc/hostname" alt="x"></p>'), site)


def test_any_weasyprint_warning_fails_the_render(built_tiny_site: BuildResult) -> None:
    site = BuiltSite(built_tiny_site.site)
    with pytest.raises(RenderError, match="WeasyPrint warned"):
        render(tiny_document('<p style="colour: red">Misspelt property</p>'), site)


def test_an_image_without_alt_text_fails_the_build_at_its_source(tiny_project: Project) -> None:
    """Found in the page's source, with its line, before the PDF step (which still refuses one, as a backstop)."""
    tiny_project.edit("docs/guides/evaluation.md", "Reaction, learning", "![](../assets/logo.svg) Reaction, learning")
    tiny_project.edit(
        "pack/cards/example-full.yml", "Shows how **Markdown**", "![](assets/logo.svg) Shows how **Markdown**"
    )
    result = tiny_project.full_build()
    assert result.returncode != 0
    assert "docs/guides/evaluation.md:10: an image has no alt text" in result.output
    assert "pack/cards/example-full.yml:6: purpose: an image has no alt text" in result.output
    assert "Traceback" not in result.output


def test_the_pdf_step_refuses_an_image_without_alt_text() -> None:
    import tinyhtml5

    from scripts.pdf import html_tools

    document = tinyhtml5.parse(
        '<article><img src="a.png"><img src="b.png" alt="B"></article>', namespace_html_elements=False
    )
    assert html_tools.images_without_alt(next(document.iter("article"))) == ["a.png"]


def test_a_rebuild_reuses_unchanged_pdfs_and_redoes_only_what_changed(
    built_tiny_site: BuildResult, tiny_project: Project, tmp_path: Path
) -> None:
    # The first build is the session's clean build of the tiny site: its site and its PDF cache.
    first = built_tiny_site
    assert first.returncode == 0, first.output
    assert "rendered pack.pdf" in first.output
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(first.site, site, symlinks=True)
    shutil.copytree(first.site.parent / ".cache" / "pdf", cache, symlinks=True)
    second = tiny_project.full_build(site=site, cache=cache)
    assert second.returncode == 0, second.output
    assert "rendered" not in second.output.replace("0 rendered", "")
    tiny_project.edit(
        "pack/cards/example-minimal.yml", "Sit it out even if it feels long.", "Wait it out, even if it feels long."
    )
    third = tiny_project.full_build(site=site, cache=cache)
    rendered = _rendered(third.output.splitlines())
    # The card's handout, the parts of the pack that show the edited tip
    # (its card, and a guide that quotes it), and the joined pack; the front
    # and footers only if page numbers moved.
    parts = [name for name in rendered if name.startswith("pack.pdf (part ")]
    holding = [
        part.filename for part in chapters.plan(pack_document(BuiltSite(site))).parts if "Wait it out" in part.body
    ]
    assert holding and sorted(parts) == sorted(holding), rendered
    handouts = {"handouts/example-minimal.pdf", "large-print/handouts/example-minimal.pdf"}  # and its large print
    assert {*handouts, "pack.pdf"} <= set(rendered)
    assert set(rendered) - {*handouts, "pack.pdf", *parts} <= {
        "pack.pdf (cover and contents)",
        "pack.pdf (page numbers)",
    }


def test_make_with_nothing_changed_says_so_and_builds_nothing(tiny_project: Project, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = tiny_project.full_build(site=site, cache=cache)
    assert first.returncode == 0, first.output
    second = tiny_project.full_build(site=site, cache=cache)
    assert second.returncode == 0, second.output
    assert "Nothing has changed since the last build" in second.output
    assert "Building the site" not in second.output
    # A touched page of the built site, or an edited source, means a build.
    (site / "index.html").touch()
    third = tiny_project.full_build(site=site, cache=cache)
    assert "Building the site" in third.output and "0 rendered" in third.output, third.output
    tiny_project.edit("pack/cards/example-minimal.yml", "Sit it out", "Wait it out")
    fourth = tiny_project.full_build(site=site, cache=cache)
    assert "rendered handouts/example-minimal.pdf" in fourth.output, fourth.output


def test_fonts_unpacked_once_change_no_byte(built_tiny_site: BuildResult, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fetcher hands WeasyPrint each WOFF2 font unpacked; WeasyPrint unpacking it itself gives the same PDF."""
    from scripts.pdf import speedups
    from scripts.pdf.documents import handout_documents

    site = BuiltSite(built_tiny_site.site)
    document = handout_documents(site)[0]
    fast = render(document, site).pdf
    assert speedups._unpacked.cache_info().currsize > 0
    monkeypatch.setattr(speedups, "unpacked_font", lambda path: path.read_bytes())
    assert render(document, site).pdf == fast


def test_the_pydyf_speedup_changes_no_byte(built_tiny_site: BuildResult) -> None:
    from scripts.pdf import speedups
    from scripts.pdf.documents import handout_documents

    site = BuiltSite(built_tiny_site.site)
    document = handout_documents(site)[0]
    fast = render(document, site).pdf
    speedups.uninstall()
    try:
        slow = render(document, site).pdf
    finally:
        speedups.install()
    assert fast == slow


# -- a fork's own pages: every feature of Material (tiny site) ----------------

#: The extensions Material's reference pages use, set as a fork sets them.
MATERIAL_EXTENSIONS = """  content:
    markdown_extensions:
      - pymdownx.highlight: {anchor_linenums: true, line_spans: __span, pygments_lang_class: true}
      - pymdownx.inlinehilite
      - pymdownx.emoji:
          emoji_index: !!python/name:material.extensions.emoji.twemoji
          emoji_generator: !!python/name:material.extensions.emoji.to_svg
      - pymdownx.tasklist: {custom_checkbox: true}
      - pymdownx.arithmatex: {generic: true}
"""


@pytest.fixture(scope="module")
def material_features(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The tiny site with a page of Material's features (tests/fixtures/pages/material-features.md), PDFs and all."""
    project = make_project(tmp_path_factory.mktemp("features") / "project", FIXTURES / "sites" / "tiny")
    project.write("docs/guides/features.md", (FIXTURES / "pages" / "material-features.md").read_text("utf-8"))
    project.edit("mkdocs.yml", "    paper: A4\n", "    paper: A4\n" + MATERIAL_EXTENSIONS)
    project.edit(
        "mkdocs.yml",
        "      - guides/open-questions.md\n",
        "      - guides/open-questions.md\n      - guides/features.md\n",
    )
    # The tiny site's bank starts at h3 under the page's h1, which PDF/UA-1 refuses; here it must pass.
    project.edit("docs/guides/open-questions.md", 'category="exploring", level=3', 'category="exploring", level=2')
    # So do its tool index's tiles (level 3 by default, for the real site's index under an h2).
    project.edit("docs/tools/index.md", "{{ tool_index() }}", "{{ tool_index(level=2) }}")
    result = project.full_build()
    assert result.returncode == 0, result.output
    return result


def test_a_forks_page_of_materials_features_prints_whole_and_inside_the_page(material_features: BuildResult) -> None:
    pack = material_features.site / "downloads" / "pack.pdf"
    # Long lines of code wrap: nothing is drawn outside the page, and nothing is lost.
    assert glyphs_outside_pages(pack) == []
    pages = page_texts(pack)
    text = squash(" ".join(pages))
    assert "".join(string.ascii_lowercase * 116)[:3000] in "".join(text.split())
    assert "so it has to wrap onto the next line" in text
    # A formula is a note pointing to the online page, not TeX.
    assert "This formula is shown in the online version of this pack, on the page “Material's own features”" in text
    assert "mc^2" not in text and "\\[" not in text
    # Nested tabs print in order.
    order = [text.index(words) for words in ("Outer A", "Inner 1", "Inner 2", "Outer B")]
    assert order == sorted(order)


def test_icons_and_images_of_a_forks_page_are_drawn_sized_and_named(material_features: BuildResult) -> None:
    reader = PdfReader(material_features.site / "downloads" / "pack.pdf")
    figures = {}
    for figure in structure_figures(reader):
        x1, y1, x2, y2 = (float(value) for value in figure["/A"]["/BBox"])
        figures.setdefault(str(figure.get("/Alt", "")), []).append((x2 - x1, y2 - y1))
    # Icons (inline SVG) are drawn, at the size of the text, and named for screen readers.
    assert len(figures["Icon"]) == 2 and figures["Download"]
    assert all(width < 20 and height < 20 for width, height in figures["Icon"] + figures["Download"])
    # Only the light scheme's image prints.
    assert "The light logo" in figures and "The dark logo" not in figures
    assert "A floated logo" in figures


def test_a_forks_page_links_to_its_lines_of_code_and_names_itself_in_notes(material_features: BuildResult) -> None:
    """anchor_linenums: each line's anchor is the page's own, and a link to a line lands on the page."""
    reader = PdfReader(material_features.site / "downloads" / "pack.pdf")
    pages = page_texts(material_features.site / "downloads" / "pack.pdf")
    links = {name: target for _, name, target in internal_links(reader)}
    target = links["p-guides-features--__codelineno-0-2"]
    assert "const message" in pages[target - 1]
    # Named with the part of the pack it is in: "pack.pdf (part 2 of 3: ...): note: ...".
    assert re.search(
        r"pack\.pdf \(part [^)]*\): note: a style on the page guides/features\.html \(docs/guides/features\.md\) sets color",
        material_features.output,
    ), material_features.output


def test_the_pack_reads_headings_in_its_contents_and_lets_short_chapters_share_a_page(
    material_features: BuildResult,
) -> None:
    site = material_features.site
    reader = PdfReader(site / "downloads" / "pack.pdf")
    assert reader.metadata is not None and reader.metadata.subject == open_data(site)["description"]
    pack_pages = [page for page in open_data(site)["pages"] if page["pdf"]]
    headings = [first_heading(site, page["url"]) for page in pack_pages]
    texts = page_texts(site / "downloads" / "pack.pdf")
    entries = [
        (squash(match.group(1)), int(match.group(2)))
        for line in texts[1].splitlines()
        if (match := re.match(r"^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", line))
    ]
    assert [title for title, _ in entries] == headings  # "Tiny pack", not the menu's "Home"
    # At least one short chapter shares a page, and every chapter keeps its bookmark.
    starts = [number for _, number in entries]
    assert len(set(starts)) < len(starts)
    assert set(headings) <= {squash(title) for title, _ in outline_titles(reader)}
    for heading, number in entries:
        assert heading in squash(texts[number - 1])


def test_a_forks_page_of_materials_features_passes_pdf_ua_1(material_features: BuildResult) -> None:
    import page as pdf_checker

    report = pdf_checker.validate_pdf(str(material_features.site / "downloads" / "pack.pdf"), profile="ua1")
    assert report.is_compliant and not report.failures, [f"{f.rule_id}: {f.message}" for f in report.failures]


def test_a_one_off_documents_header_names_the_pack_once_when_it_has_no_organisation() -> None:
    """Upstream has no organisation, so its short name is the pack's title: the header said it twice."""
    from types import SimpleNamespace

    from scripts.pdf.documents import _running_parts

    identity = {"short_name": "Pack", "licence": "CC BY-SA 4.0", "attribution_html": "By us"}
    site = SimpleNamespace(
        identity=identity, title="Pack", t=lambda key, **values: "Licence {licence}".format(**values)
    )
    header = _running_parts(site, "A card").split("</div>")[0]  # type: ignore[arg-type]
    assert header.count("Pack") == 1
    site.title = "Action learning in Fife"
    header = _running_parts(site, "A card").split("</div>")[0]  # type: ignore[arg-type]
    assert "Pack" in header and "Action learning in Fife" in header


def test_the_summary_gives_the_cost_of_each_other_version() -> None:
    from scripts.pdf.build import Made, summary_table

    def made(filename: str, cpu: float, size: int) -> Made:
        document = Document(filename, filename, "handout", "<p>x</p>", ())
        return Made(document, 1, size, cpu, False, "0" * 64, cpu)

    items = [made("a.pdf", 1.0, 1000), made("large-print/a.pdf", 2.5, 3000), made("large-print/b.pdf", 1.5, 2000)]
    lines = summary_table(items, 3.0, 2, {"large-print/a.pdf": "large-print", "large-print/b.pdf": "large-print"})
    assert "  of which large-print: 2 files, 4.0 CPU-seconds, 5 kB" in lines.splitlines()
    # The floor stays the last line, where make bench reads it.
    assert lines.splitlines()[-1].startswith("Rendering took 5.0 CPU-seconds")
    assert "of which" not in summary_table(items, 3.0, 2)
    # A version listed but not among the PDFs (Word) has no line here; pandoc's CPU-seconds join the floor.
    with_word = summary_table(items, 3.0, 2, {"a.docx": "word"}, pandoc_cpu=1.0).splitlines()
    assert not any("of which word" in line for line in with_word)
    assert with_word[-1].startswith("Rendering took 5.0 CPU-seconds, and pandoc 1.0 more for the Word files;")
    assert "the floor on 2 workers is 3.0 s, and this step took 1.00 times that" in with_word[-1]
