"""The Word versions (issue 19, point 4): structure, identity, language, alt text, fields and cache.

Every check reads the tiny fixture site's files as its build made them,
with python-docx, as a person's word processor would open them.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
import stat
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document as WordDocument

from scripts.pdf import word
from scripts.pdf.site import BuiltSite

from .conftest import BuildResult

pytestmark = pytest.mark.build

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _data(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))
    return data


def _word_downloads(site: Path) -> list[dict[str, Any]]:
    return [item for item in _data(site)["downloads"]["files"] if item["version"] == "word"]


def _open(site: Path, item: dict[str, Any]) -> WordDocument:
    return docx.Document(str(site / "downloads" / item["file"]))


def _source_headings(site: Path, page: str) -> list[tuple[int, str]]:
    """The page's headings as the site shows them (the article of its HTML): level and text."""
    article = BuiltSite(site).article(page)
    return [
        (int(element.tag[1]), " ".join("".join(element.itertext()).split()))
        for element in article.iter()
        if isinstance(element.tag, str) and re.fullmatch(r"h[1-6]", element.tag)
    ]


def test_every_form_template_and_handout_has_a_word_version_in_the_manifest(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    files = _data(site)["downloads"]["files"]
    own = {item["file"] for item in files if item["layout"] in {"form", "handout"} and not item["version"]}
    words = _word_downloads(site)
    assert own and {item["version_of"] for item in words} == own
    assert {"form", "template", "handout"} <= {item["kind"] for item in words}
    listed = {
        item["file"]: item for item in json.loads((site / "downloads" / "manifest.json").read_text())["documents"]
    }
    for item in words:
        assert item["file"] == "word/" + item["version_of"].removesuffix(".pdf") + ".docx"
        data = (site / "downloads" / item["file"]).read_bytes()
        entry = listed[item["file"]]
        assert (entry["bytes"], entry["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
        assert (entry["version"], entry["version_of"]) == ("word", item["version_of"])
        assert "pages" not in entry, "a Word file's pages depend on the reader's fonts and paper"
    downloads_page = (site / "downloads.html").read_text(encoding="utf-8")
    for item in words:
        assert re.search(rf'data-manifest-size="{re.escape(item["file"])}">\d+ kB<', downloads_page), item["file"]


def test_headings_use_words_heading_styles_in_the_pages_order(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    for item in _word_downloads(site):
        headings = [
            (int(paragraph.style.name.removeprefix("Heading ")), paragraph.text)
            for paragraph in _open(site, item).paragraphs
            if paragraph.style is not None and re.fullmatch(r"Heading \d", paragraph.style.name or "")
        ]
        assert headings == _source_headings(site, item["page"]), item["file"]
        assert headings[0][0] == 1 and all(b[0] - a[0] <= 1 for a, b in itertools.pairwise(headings))


def test_tables_with_a_header_row_repeat_it_on_every_page(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    repeating = 0
    for item in _word_downloads(site):
        article = BuiltSite(site).article(item["page"])
        with_header = [table for table in article.iter("table") if table.find("thead") is not None]
        tables = _open(site, item).tables
        marked = [table for table in tables if table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None]
        assert len(marked) == len(with_header), item["file"]
        for table in marked:
            assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader").get(f"{W}val") in {None, "on", "true", "1"}
        repeating += len(marked)
    assert repeating, "the tiny site's form has a ratings table with a header row"


def test_language_identity_and_properties_come_from_the_site(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    data = _data(site)
    identity = data["identity"]
    primary = identity["colours"]["primary"].lstrip("#").upper()
    for item in _word_downloads(site):
        document = _open(site, item)
        core = document.core_properties
        assert core.language == data["language"]
        default = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert default is not None and default.get(f"{W}val") == data["language"], "Word's proofing language"
        assert core.author == identity["organisation"]
        assert item["title"] in core.title and identity["name"] in core.title
        assert core.created is not None and core.created.date().isoformat() == identity["edition"]
        header = " ".join(paragraph.text for paragraph in document.sections[0].header.paragraphs)
        footer = " ".join(paragraph.text for paragraph in document.sections[0].footer.paragraphs)
        assert identity["organisation"] in header
        assert identity["licence"] in footer
        for level in (1, 2):
            colour = document.styles[f"Heading {level}"].font.color
            assert str(colour.rgb) == primary and colour.theme_color is None, item["file"]
        width = document.sections[0].page_width
        assert width is not None and abs(width.mm - (210 if identity["paper"] == "A4" else 215.9)) < 0.5


def test_every_image_has_alt_text(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    for item in _word_downloads(site):
        pictures = list(_open(site, item).element.body.iter(f"{WP}docPr"))
        assert pictures, "each file carries the organisation's logo"
        assert all((picture.get("descr") or "").strip() for picture in pictures), item["file"]
        assert pictures[0].get("descr") == _data(site)["identity"]["organisation"]


def test_form_fields_become_cells_to_type_into(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    item = next(item for item in _word_downloads(site) if item["version_of"] == "forms/example-form.pdf")
    article = BuiltSite(site).article(item["page"])
    labels = [" ".join("".join(label.itertext()).split()) for label in article.iter("label")]
    document = _open(site, item)
    rows = {row.cells[0].text: row.cells for table in document.tables for row in table.rows}
    one_line = [label for label in labels if label in rows and len(rows[label]) == 2]
    assert one_line, "a one-line field is a row: its label, then an empty cell"
    assert all(not rows[label][1].text.strip() for label in one_line)
    box = next(textarea for textarea in article.iter("textarea"))
    empty = [table for table in document.tables if len(table.rows) == 1 and len(table.columns) == 1]
    assert empty and not empty[0].cell(0, 0).text.strip()
    assert len(empty[0].cell(0, 0).paragraphs) == int(box.get("rows", "0"))
    assert empty[0].rows[0]._tr.find(f"{W}trPr/{W}cantSplit") is not None, "a box to write in stays on one page"
    ratings = next(table for table in document.tables if len(table.columns) == 3)
    assert ratings.cell(1, 1).text.count(word.BALLOT_BOX) == 5


def test_the_files_are_the_same_bytes_each_build(built_tiny_site: BuildResult) -> None:
    """Every part is dated by the edition, so the same site gives the same file."""
    site = built_tiny_site.site
    for item in _word_downloads(site):
        with zipfile.ZipFile(site / "downloads" / item["file"]) as archive:
            dates = {entry.date_time[:3] for entry in archive.infolist()}
        assert dates == {tuple(int(part) for part in _data(site)["identity"]["edition"].split("-"))}


def _rendered(lines: list[str]) -> list[str]:
    return sorted(match for line in lines for match in re.findall(r"^  rendered (\S+\.docx)", line))


def test_an_edited_form_remakes_only_its_own_word_file(built_tiny_site: BuildResult, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(built_tiny_site.site, site)
    shutil.copytree(built_tiny_site.site.parent / ".cache" / "pdf" / "word", cache / "word")
    lines: list[str] = []
    first = word.make_word(site, cache, 2, lines.append)
    assert first and all(item.cached for item in first) and _rendered(lines) == [], lines
    page = site / "forms" / "example-form.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Your role", "Your job title", 1), encoding="utf-8")
    lines.clear()
    second = word.make_word(site, cache, 2, lines.append)
    assert _rendered(lines) == ["word/forms/example-form.docx"], lines
    assert [item.download.file for item in second if not item.cached] == ["word/forms/example-form.docx"]
    remade = docx.Document(str(site / "downloads" / "word" / "forms" / "example-form.docx"))
    assert "Your job title" in [cell.text for table in remade.tables for row in table.rows for cell in row.cells]
    assert len(list((cache / "word").glob("*.docx"))) == len(first), "the old file's entry is pruned"


def test_a_pandoc_failure_fails_the_build_naming_the_document(
    built_tiny_site: BuildResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pandoc that fails on one document (it hands out its reference document as usual)."""
    real = word.pandoc_path()
    fake = tmp_path / "pandoc"
    fake.write_text(
        "#!/bin/sh\n"
        f'case "$1" in --print-default-data-file|--version) exec "{real}" "$@";; esac\n'
        "echo 'pandoc: cannot read this' >&2\nexit 64\n",
        encoding="utf-8",
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(word, "pandoc_path", lambda: str(fake))
    site = tmp_path / "site"
    shutil.copytree(built_tiny_site.site, site)
    with pytest.raises(word.WordError) as failed:
        word.make_word(site, tmp_path / "cache", 2, lambda line: None)
    message = str(failed.value)
    assert (
        "word/forms/example-form.docx (the Word version of forms/example-form.pdf, from forms/example-form.html): "
        "pandoc failed: pandoc: cannot read this"
    ) in message
    assert len(message.splitlines()) == len(_word_downloads(site)), "every file that failed is named"

    from scripts.pdf.build import main

    pdf_cache = tmp_path / "pdf-cache"
    shutil.copytree(built_tiny_site.site.parent / ".cache" / "pdf", pdf_cache, ignore=shutil.ignore_patterns("word"))
    assert main(["--site", str(site), "--cache", str(pdf_cache), "--jobs", "1"]) == 1
    said = capsys.readouterr().err
    assert said.startswith("PDF build failed:\n") and "word/handouts/example-full.docx (the Word version" in said
    assert "Traceback" not in said


def test_the_packs_review_line_is_left_out_of_the_word_files(built_tiny_site: BuildResult) -> None:
    """An organisation reviews its adapted copy itself, and would delete the page's review line by hand.

    A handout keeps the card's own facts, its review date among them, once.
    """
    site = built_tiny_site.site
    review = _data(site)["strings"]["page.last_reviewed"]
    items = _word_downloads(site)
    assert {item["layout"] for item in items} == {"word"} and items
    for item in items:
        page = (site / item["page"]).read_text(encoding="utf-8")
        assert "alp-page-review" in page, "the page has the line the Word file leaves out"
        text = "\n".join(paragraph.text for paragraph in _open(site, item).paragraphs)
        shown = text.count(review)
        assert shown == (1 if item["file"].startswith("word/handouts/") else 0), (item["file"], shown)
