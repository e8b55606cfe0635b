"""The large-print edition (issue 19): every handout, page printed on its own, form and template.

Each is its document's own HTML with large-print.css last. The measure of
type size reads the PDF itself: the size every piece of text is drawn at
(its font size through the text and page matrices, as PyMuPDF reports it),
hidden text included, and the size of what is typed into each field.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from macros.downloads import LARGE_PRINT, LARGE_PRINT_OF, PrintedPage, catalogue
from macros.loading import load_pack
from macros.strings import load_strings
from scripts.pdf.documents import LARGE_PRINT_STYLE, LAYOUTS, all_documents
from scripts.pdf.site import BuiltSite, SiteError

from .conftest import PROJECT, BuildResult
from .pdf_tools import glyphs_outside_pages, read_pdf

#: The Association for Accessible Formats' smallest size for large print, and the size it prefers.
FLOOR_PT = 16.0
PREFERRED_PT = 18.0
#: PyMuPDF reports 16 pt through the matrices as 15.9998 or so.
ROUNDING = 0.01
#: The kinds of field a reader types text into (check boxes and radio buttons show no text).
TEXT_FIELDS = {pymupdf.PDF_WIDGET_TYPE_TEXT, pymupdf.PDF_WIDGET_TYPE_COMBOBOX, pymupdf.PDF_WIDGET_TYPE_LISTBOX}


def text_sizes(path: Path) -> Iterator[tuple[float, str]]:
    """(size in points, where) for every run of text the PDF draws and every text field."""
    with pymupdf.open(path) as pdf:
        for page in pdf:
            for span in page.get_texttrace():
                text = "".join(chr(char[0]) for char in span["chars"])
                yield span["size"], f"page {page.number + 1}: {text!r}"
            for widget in page.widgets():
                if widget.field_type in TEXT_FIELDS:
                    yield widget.text_fontsize, f"page {page.number + 1}: the field {widget.field_name}"


def smallest_text(path: Path) -> tuple[float, str]:
    """The smallest size of text in the PDF, and where it is."""
    return min(text_sizes(path), default=(0.0, "no text at all"))


#: The large-print page's top and bottom margins (large-print.css), in points: the running parts are in them.
RUNNING_PARTS_PT = (24 * 72 / 25.4, 44 * 72 / 25.4)


def body_text(path: Path) -> Iterator[tuple[float, str]]:
    """(size, where) of each run of text that shows on the page area: not the running parts, nor hidden text."""
    top, bottom = RUNNING_PARTS_PT
    with pymupdf.open(path) as pdf:
        for page in pdf:
            for span in page.get_texttrace():
                y0, y1 = span["bbox"][1], span["bbox"][3]
                if span["opacity"] == 0 or y1 <= top or y0 >= page.rect.height - bottom:
                    continue
                text = "".join(chr(char[0]) for char in span["chars"])
                yield span["size"], f"page {page.number + 1}: {text!r}"


def open_data(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "api" / "pack.json").read_text(encoding="utf-8"))
    return data


def large_print(site: Path) -> list[dict[str, Any]]:
    return [item for item in open_data(site)["downloads"]["files"] if item["version"] == "large-print"]


# -- the catalogue (no build) -------------------------------------------------


def test_every_handout_printed_page_form_and_template_has_a_large_print_edition() -> None:
    pack = load_pack(PROJECT / "pack", PROJECT)
    strings = load_strings(PROJECT / "locales", "en")
    printed = [PrintedPage("member-handbook", "A handbook for set members", "guide", use="members")]
    listed = catalogue(pack, strings, "The pack", printed=printed)
    own = [item for item in listed if not item.version]
    editions = {item.version_of: item for item in listed if item.version == "large-print"}
    wanted = {item.file for item in own if item.layout in LARGE_PRINT_OF}
    assert {f"handouts/{card}.pdf" for card in pack.cards} <= wanted
    assert {f"forms/{form}.pdf" for form in pack.forms} | {"member-handbook.pdf"} <= wanted
    assert set(editions) == wanted, "the pack, question PDFs and meetings have no large print; the rest each have one"
    for item in own:
        if item.file in editions:
            made_like = dataclasses.replace(
                item,
                file=f"{LARGE_PRINT}/{item.file}",
                title=f"{item.title} in large print",
                layout="large-print",
                version="large-print",
                version_of=item.file,
            )
            assert editions[item.file] == made_like


def test_a_large_print_of_a_file_the_site_does_not_list_is_refused_by_name() -> None:
    site = BuiltSite(Path("/nowhere"))
    edition = {
        "file": "large-print/handouts/gone.pdf",
        "title": "Gone in large print",
        "kind": "handout",
        "layout": "large-print",
        "page": "tools/gone.html",
        "version": "large-print",
        "version_of": "handouts/gone.pdf",
    }
    site.__dict__["data"] = {"downloads": {"folder": "downloads", "files": [edition]}}
    with pytest.raises(SiteError, match=r"large-print/handouts/gone\.pdf is the large print of 'handouts/gone\.pdf'"):
        all_documents(site)


# -- the tiny site's PDFs -----------------------------------------------------


@pytest.mark.build
def test_each_large_print_is_its_documents_own_html_with_one_stylesheet_more(built_tiny_site: BuildResult) -> None:
    site = BuiltSite(built_tiny_site.site)
    by_file = {item.file: item for item in site.downloads}
    for item in site.downloads:
        if item.version != "large-print":
            continue
        edition, own = (
            LAYOUTS[item.layout](site, item),
            LAYOUTS[by_file[item.version_of].layout](site, by_file[item.version_of]),
        )
        assert edition.body == own.body and edition.forms == own.forms, item.file
        assert edition.styles == (*own.styles, LARGE_PRINT_STYLE), item.file
        assert (edition.filename, edition.title) == (item.file, item.title)


@pytest.mark.build
def test_no_large_print_pdf_has_text_under_16_pt_and_its_text_is_18(built_tiny_site: BuildResult) -> None:
    downloads = built_tiny_site.site / "downloads"
    editions = large_print(built_tiny_site.site)
    layouts = {item["file"]: item["layout"] for item in open_data(built_tiny_site.site)["downloads"]["files"]}
    assert {layouts[item["version_of"]] for item in editions} == set(LARGE_PRINT_OF), "the tiny site has each kind"
    for item in editions:
        path = downloads / item["file"]
        size, where = smallest_text(path)
        assert size >= FLOOR_PT - ROUNDING, f"{item['file']}: text at {size:.2f} pt on {where}"
        shown = list(body_text(path))
        below = [where for size, where in shown if size < PREFERRED_PT - ROUNDING]
        assert shown and below == [], f"{item['file']}: text of the page under {PREFERRED_PT} pt"


@pytest.mark.build
def test_the_measure_finds_the_small_text_of_the_standard_pdfs(built_tiny_site: BuildResult) -> None:
    """The same checks fail on the standard PDFs: small text (hidden text too), small fields, italics."""
    downloads = built_tiny_site.site / "downloads"
    handout, _ = smallest_text(downloads / "handouts" / "example-full.pdf")
    assert handout < FLOOR_PT, "a handout keeps to one sheet with its footer at 7.5 pt"
    # The rating's statement for the tags, out of sight at 1 pt (form.css).
    form, where = smallest_text(downloads / "forms" / "example-form.pdf")
    assert form < 2, where
    # In the large print it is at the floor, and counted there too.
    large_form = downloads / LARGE_PRINT / "forms" / "example-form.pdf"
    assert any("Before the set:" in where for size, where in text_sizes(large_form) if size < PREFERRED_PT)
    # What is typed into a field: 10.5 pt less WeasyPrint's 0.85 on the standard form.
    fields = [size for size, where in text_sizes(downloads / "forms" / "example-form.pdf") if "field" in where]
    assert fields and max(fields) < FLOOR_PT
    # And the italic check can fail: the standard handout sets its emphasis in italics.
    with pymupdf.open(downloads / "handouts" / "example-full.pdf") as pdf:
        assert any("Italic" in font[3] for page in pdf for font in page.get_fonts())


@pytest.mark.build
def test_large_print_is_tagged_titled_fillable_and_has_no_italics(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    data = open_data(site)
    for item in large_print(site):
        path = site / "downloads" / item["file"]
        reader = read_pdf(path)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root, item["file"]
        assert root["/Lang"] == data["language"], item["file"]
        assert reader.metadata is not None and "in large print" in str(reader.metadata.title), item["file"]
        with pymupdf.open(path) as pdf:
            fonts = {font[3] for page in pdf for font in page.get_fonts()}
            fields = sorted(widget.field_name for page in pdf for widget in page.widgets())
        assert fonts and not [font for font in fonts if "Italic" in font], (item["file"], fonts)
        with pymupdf.open(site / "downloads" / item["version_of"]) as own:
            own_fields = sorted(widget.field_name for page in own for widget in page.widgets())
        assert fields == own_fields, f"{item['file']}: the fields of {item['version_of']}, each still a field"
        assert glyphs_outside_pages(path) == [], item["file"]
    assert any(item["kind"] == "form" for item in large_print(site)), "the tiny site has a form with fields"
    # A handout's title says what it is, as its standard PDF's does.
    handout = next(item for item in data["downloads"]["files"] if item["file"] == "handouts/example-full.pdf")
    metadata = read_pdf(site / "downloads" / LARGE_PRINT / handout["file"]).metadata
    assert metadata is not None
    assert metadata.title == f"{handout['title']} in large print: handout, {data['identity']['name']}"


# -- the real site's PDFs (built once per run for every PDF test) -------------


@pytest.mark.build
def test_no_large_print_pdf_of_the_real_site_has_text_under_16_pt(built_real_site: BuildResult) -> None:
    editions = large_print(built_real_site.site)
    made = {
        item["file"]
        for item in json.loads((built_real_site.site / "downloads" / "manifest.json").read_text())["documents"]
    }
    assert editions and {item["file"] for item in editions} <= made
    small = {}
    for item in editions:
        size, where = smallest_text(built_real_site.site / "downloads" / item["file"])
        if size < FLOOR_PT - ROUNDING:
            small[item["file"]] = f"{size:.2f} pt on {where}"
    assert small == {}
