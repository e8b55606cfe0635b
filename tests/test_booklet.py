"""The member handbook as a booklet to fold: pages in folding order, on A4 landscape, A5 halves.

The imposition is checked on PDFs made here (1, 4, 5 and 8 pages), on the
tiny site's handbook and on our own, as their builds made them; each check
reads, from the PDF itself, what is printed on the left and right half of
each side.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from macros.downloads import PrintedPage, _booklets
from macros.page_checks import printed_page
from macros.strings import load_strings
from scripts.pdf.booklet import impose, signature_order
from scripts.pdf.build import make_pdfs
from scripts.pdf.cache import PdfCache
from scripts.pdf.documents import LAYOUTS
from scripts.pdf.render import RenderError, render
from scripts.pdf.site import OPEN_DATA, BuiltSite

from .conftest import PROJECT, BuildResult

MM = 72 / 25.4
A5 = (148 * MM, 210 * MM)
A4_LANDSCAPE = (297 * MM, 210 * MM)
BOOKLET = "booklets/member-handbook-booklet.pdf"


def _folded(sides: list[tuple[int | None, int | None]]) -> list[int | None]:
    """The pages in the order a reader meets them once the stack of sheets is folded, sheet 1 outside.

    Going in: each sheet's front right, then its back left; at the centre
    the innermost back's right; coming out: each back's right, then its
    front's left. An independent model of the fold, to check the order by.
    """
    fronts, backs = sides[0::2], sides[1::2]
    going_in = [page for front, back in zip(fronts, backs, strict=True) for page in (front[1], back[0])]
    coming_out = [
        page for front, back in reversed(list(zip(fronts, backs, strict=True))) for page in (back[1], front[0])
    ]
    return going_in + coming_out


@pytest.mark.parametrize("pages", [1, 2, 3, 4, 5, 7, 8, 9, 12])
def test_folding_the_sheets_gives_the_pages_in_order_then_the_blanks(pages: int) -> None:
    sides = signature_order(pages)
    total = len(sides) * 2
    assert total % 4 == 0 and total - 4 < max(pages, 1) <= total
    assert _folded(sides) == [page if page <= pages else None for page in range(1, total + 1)]


def test_the_first_sheet_holds_the_last_and_first_pages_then_the_second_and_second_last() -> None:
    assert signature_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert signature_order(5) == [(None, 1), (2, None), (None, 3), (4, 5)]
    assert signature_order(1) == [(None, 1), (None, None)]


# -- reading what a booklet prints where ---------------------------------------


def _halves(path: Path | bytes) -> list[tuple[str, str]]:
    """The text on the left and on the right half of each side, read with PyMuPDF."""
    document = pymupdf.open(stream=path) if isinstance(path, bytes) else pymupdf.open(path)
    found = []
    for page in document:
        middle = page.rect.width / 2
        left = page.get_text(clip=pymupdf.Rect(0, 0, middle, page.rect.height))
        right = page.get_text(clip=pymupdf.Rect(middle, 0, page.rect.width, page.rect.height))
        found.append((left, right))
    return found


def _placed(pdf: pikepdf.Pdf) -> list[list[tuple[float, float, float, float]]]:
    """For each side, the box (x0, y0, x1, y1, in points) where each page drawn on it lands."""
    sides = []
    for page in pdf.pages:
        boxes, matrix, stack = [], pikepdf.Matrix(), []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "q":
                stack.append(matrix)
            elif str(operator) == "Q":
                matrix = stack.pop()
            elif str(operator) == "cm":
                matrix = pikepdf.Matrix(*[float(value) for value in operands]) @ matrix
            elif str(operator) == "Do":
                x0, y0, x1, y1 = (float(value) for value in page.Resources.XObject[operands[0]].BBox)
                (a, b), (c, d) = matrix.transform((x0, y0)), matrix.transform((x1, y1))
                boxes.append((a, b, c, d))
        sides.append(sorted(boxes))
    return sides


def _synthetic(pages: int) -> bytes:
    """An A5 PDF whose page k says "page k"."""
    document = pymupdf.open()
    for number in range(1, pages + 1):
        page = document.new_page(width=A5[0], height=A5[1])
        page.insert_text((60, 80), f"page {number}")
    return document.tobytes()


def _close(first: tuple[float, ...], second: tuple[float, ...]) -> bool:
    return all(abs(a - b) < 0.01 for a, b in zip(first, second, strict=True))


def _assert_a4_sheets_of_a5_halves(pdf: pikepdf.Pdf, sides: list[tuple[int | None, int | None]]) -> None:
    """Every side is A4 landscape; each page on it is A5, against the fold, left or right as ``sides`` says."""
    fold = A4_LANDSCAPE[0] / 2
    bottom = (A4_LANDSCAPE[1] - A5[1]) / 2
    for page, boxes, side in zip(pdf.pages, _placed(pdf), sides, strict=True):
        box = page.mediabox
        assert _close(tuple(float(value) for value in box), (0, 0, *A4_LANDSCAPE))
        expected = [(fold - A5[0], bottom, fold, bottom + A5[1])] if side[0] is not None else []
        expected += [(fold, bottom, fold + A5[0], bottom + A5[1])] if side[1] is not None else []
        assert len(boxes) == len(expected) and all(map(_close, boxes, expected)), (boxes, expected)


@pytest.mark.parametrize("pages", [1, 4, 5, 8])
def test_imposing_puts_each_page_on_its_half_of_its_side(pages: int) -> None:
    booklet, sides_made = impose(_synthetic(pages))
    order = signature_order(pages)
    assert sides_made == len(order) == max(4, pages + (-pages % 4)) // 2
    read = [tuple(re.findall(r"page (\d+)", half) for half in side) for side in _halves(booklet)]
    assert read == [tuple([str(page)] if page else [] for page in side) for side in order]
    with pikepdf.open(io.BytesIO(booklet)) as pdf:
        _assert_a4_sheets_of_a5_halves(pdf, order)


def test_imposing_is_reproducible_and_refuses_a_page_wider_than_half_a_sheet() -> None:
    pages = _synthetic(3)
    assert impose(pages)[0] == impose(pages)[0]
    wide = pymupdf.open()
    wide.new_page(width=A4_LANDSCAPE[1], height=A4_LANDSCAPE[0])
    with pytest.raises(RenderError, match=r"page 1 is 595 by 842 pt, larger than half a A4 sheet"):
        impose(wide.tobytes())


# -- the tiny site's handbook, as its build made it ----------------------------


def _footers(text: str) -> list[tuple[int, int]]:
    return [(int(page), int(pages)) for page, pages in re.findall(r"Page (\d+) of (\d+)", text)]


def _assert_in_folding_order(path: Path) -> int:
    """Each half of each side shows the page (by its footer) the folding order puts there, or nothing.

    Returns the number of pages (the Y of the footers' "Page X of Y").
    """
    halves = _halves(path)
    numbers = {number for side in halves for half in side for number in _footers(half)}
    pages = {total for _, total in numbers}
    assert len(pages) == 1, numbers
    total = pages.pop()
    order = signature_order(total)
    read = [tuple([page for page, _ in _footers(half)] for half in side) for side in halves]
    assert read == [tuple([page] if page else [] for page in side) for side in order]
    # A blank half is blank: no header, no footer.
    printed = [
        (half, page)
        for side, pages_on in zip(halves, order, strict=True)
        for half, page in zip(side, pages_on, strict=True)
    ]
    blanks = [half for half, page in printed if page is None]
    assert len(blanks) == len(order) * 2 - total and all(not half.strip() for half in blanks)
    with pikepdf.open(path) as pdf:
        _assert_a4_sheets_of_a5_halves(pdf, order)
    return total


@pytest.mark.build
def test_the_tiny_sites_booklet_has_its_pages_in_folding_order_with_blanks(built_tiny_site: BuildResult) -> None:
    total = _assert_in_folding_order(built_tiny_site.site / "downloads" / BOOKLET)
    assert total % 4, f"the tiny handbook is {total} A5 pages: make it a length that needs blank pages"


@pytest.mark.build
def test_the_member_handbooks_booklet_has_its_pages_in_folding_order(built_real_site: BuildResult) -> None:
    """Our own handbook, as the real site's build made it."""
    _assert_in_folding_order(built_real_site.site / "downloads" / BOOKLET)


@pytest.mark.build
def test_a_letter_edition_folds_half_letter_pages_on_letter(built_tiny_site: BuildResult) -> None:
    site = BuiltSite(built_tiny_site.site)
    site.data["identity"]["paper"] = "Letter"
    download = next(item for item in site.downloads if item.version == "booklet")
    pages = render(LAYOUTS["booklet"](site, download), site).pdf
    with pikepdf.open(io.BytesIO(pages)) as pdf:
        assert {tuple(round(float(value)) for value in page.mediabox) for page in pdf.pages} == {(0, 0, 396, 612)}
    with pikepdf.open(io.BytesIO(impose(pages, "Letter")[0])) as pdf:
        assert {tuple(round(float(value)) for value in page.mediabox) for page in pdf.pages} == {(0, 0, 792, 612)}
        assert {box[2] - box[0] for side in _placed(pdf) for box in side} == {396.0}


@pytest.mark.build
def test_the_booklet_is_titled_in_its_language_and_names_the_copy_to_read(built_tiny_site: BuildResult) -> None:
    site = built_tiny_site.site
    documents = json.loads((site / "downloads" / "manifest.json").read_text(encoding="utf-8"))["documents"]
    booklet = next(item for item in documents if item["file"] == BOOKLET)
    own = next(item for item in documents if item["file"] == booklet["version_of"])
    assert (booklet["version"], own["version"], own["kind"]) == ("booklet", "", "guide")
    with pikepdf.open(site / "downloads" / BOOKLET) as pdf:
        assert str(pdf.Root.Lang) == "en" and pdf.Root.ViewerPreferences.DisplayDocTitle
        assert str(pdf.docinfo.Title).startswith(own["title"] + ": booklet to print on both sides")
        assert "member-handbook.pdf" in str(pdf.docinfo.Subject)
        assert str(pdf.docinfo.Author) == "Tiny Test Trust"
        with pdf.open_metadata() as metadata:
            assert metadata["dc:title"] == str(pdf.docinfo.Title)
            assert "pdfuaid:part" not in metadata, "an imposed booklet has no structure tree: it claims no PDF/UA"
        assert "/StructTreeRoot" not in pdf.Root and "/MarkInfo" not in pdf.Root


@pytest.mark.build
def test_an_unchanged_handbook_reuses_its_booklet_and_an_edit_makes_it_again(
    built_tiny_site: BuildResult, tmp_path: Path
) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(built_tiny_site.site, site)
    shutil.copytree(built_tiny_site.site.parent / ".cache" / "pdf", cache)
    # Only the handbook and its booklet, so that the edit below renders nothing else.
    data = json.loads((site / OPEN_DATA).read_text(encoding="utf-8"))
    files = data["downloads"]["files"]
    data["downloads"]["files"] = [item for item in files if "member-handbook" in item["file"]]
    (site / OPEN_DATA).write_text(json.dumps(data), encoding="utf-8")

    def build() -> list[str]:
        said: list[str] = []
        make_pdfs(BuiltSite(site), PdfCache(cache), 1, said.append)
        return said

    assert f"  reused   {BOOKLET}" in build()
    page = site / "guides" / "member-handbook.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Thank you for taking part.", "Thank you."), "utf-8")
    said = build()
    rendered = [line.split("  (")[0].strip() for line in said if line.startswith("  rendered booklets/")]
    assert rendered == [f"rendered {BOOKLET} (pages in reading order)", f"rendered {BOOKLET}"], said
    assert "Thank you." in "".join(half for side in _halves(site / "downloads" / BOOKLET) for half in side)


# -- where the booklet comes from ----------------------------------------------


def test_a_page_asks_for_a_booklet_in_its_print_as() -> None:
    meta = {"title": "A handbook", "print_as": {"file": "handbook", "kind": "guide", "booklet": True}}
    printed, problems = printed_page(meta, "docs/handbook.md")
    assert problems == [] and printed is not None and printed.booklet
    _, problems = printed_page({**meta, "print_as": {"file": "handbook", "booklet": "yes"}}, "docs/handbook.md")
    assert [(problem.field, problem.message) for problem in problems] == [
        ("print_as.booklet", "expected true or false, got 'yes'")
    ]
    plain, _ = printed_page({**meta, "print_as": {"file": "handbook"}}, "docs/handbook.md")
    assert plain is not None and not plain.booklet


def test_a_booklet_is_a_version_of_its_pages_own_pdf() -> None:
    strings = load_strings(PROJECT / "locales", "en")
    pages = [
        PrintedPage("member-handbook", "A handbook", "guide", "guides/member-handbook.html", booklet=True),
        PrintedPage("starter-questions", "Starters", "sheet", "questions/starter.html"),
    ]
    [booklet] = _booklets(strings, pages)
    assert (booklet.file, booklet.layout, booklet.page) == (BOOKLET, "booklet", "guides/member-handbook.html")
    assert (booklet.version, booklet.version_of, booklet.use) == ("booklet", "member-handbook.pdf", "members")
    assert booklet.title == "A handbook: booklet to fold"
