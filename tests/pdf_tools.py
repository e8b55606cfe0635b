"""Helpers for reading PDFs in tests (pypdf and poppler-utils)."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
from pypdf import PdfReader
from pypdf.generic import Destination


def read_pdf(path: Path) -> PdfReader:
    """A reader of the PDF at ``path``, shared by every test in this process that reads the same file.

    pypdf parses a whole object stream to find the document's root, which
    takes seconds for our pack; the tests only read, so one reader serves.
    A file that has changed since (another size or time) gets a new reader.
    """
    stat = path.stat()
    return _reader(path.resolve(), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _reader(path: Path, size: int, mtime_ns: int) -> PdfReader:
    return PdfReader(path)


def page_texts(path: Path) -> list[str]:
    """The text of every page, through pdftotext when it is installed."""
    if shutil.which("pdftotext"):
        output = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        return output.split("\f")[:-1] if output.endswith("\f") else output.split("\f")
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def squash(text: str) -> str:
    """Text with all runs of white space made single spaces, for searching."""
    return " ".join(text.replace("\u00ad", "").split())


def outline_titles(reader: PdfReader) -> list[tuple[str, int]]:
    """Every bookmark as (title, page number from 1), depth-first."""
    found: list[tuple[str, int]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            elif isinstance(item, Destination):
                found.append((str(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return found


def outline_tree(reader: PdfReader) -> list[tuple[int, str, int]]:
    """Every bookmark as (depth from 0, title, page number from 1), depth-first."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            elif isinstance(item, Destination):
                found.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def internal_links(reader: PdfReader) -> list[tuple[int, str, int]]:
    """Every link inside the document as (from page, destination name, to page), pages from 1."""
    names = reader.named_destinations
    links = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            destination = annotation.get("/Dest")
            if destination is None:
                action = annotation.get("/A")
                if action is not None and action.get("/S") == "/GoTo":
                    destination = action.get("/D")
            if destination is None:
                continue
            name = str(destination)
            target = names.get(name)
            links.append((number, name, reader.get_destination_page_number(target) + 1 if target else 0))
    return links


def form_field_names(reader: PdfReader) -> list[str]:
    """The names of the top-level form fields, without pypdf's field walk."""
    acroform = reader.trailer["/Root"].get("/AcroForm")
    if acroform is None:
        return []
    return [str(field.get_object().get("/T")) for field in acroform.get_object().get("/Fields", [])]


def fonts_report(path: Path) -> list[list[str]]:
    """pdffonts' table: one row per font, with its 'emb' column."""
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in output.splitlines()[2:] if line.strip()]


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(first: Matrix, second: Matrix) -> Matrix:
    """``first`` then ``second``, as PDF composes matrices (row vectors)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _point(x: float, y: float, matrix: Matrix) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return (x * a + y * c + e, x * b + y * d + f)


def _advances(font: Any) -> tuple[dict[int, float], float, int]:
    """A font's glyph widths (thousandths of the font size) by code, its default width, and its code length."""
    if font.get("/Subtype") != "/Type0":
        first = int(font.get("/FirstChar", 0))
        widths = {first + index: float(width) for index, width in enumerate(font.get("/Widths", []))}
        return widths, 0.0, 1
    descendant = font.DescendantFonts[0]
    widths = {}
    entries = list(descendant.get("/W", []))
    index = 0
    while index < len(entries):
        start = int(entries[index])
        if isinstance(entries[index + 1], pikepdf.Array):
            for offset, width in enumerate(entries[index + 1]):
                widths[start + offset] = float(width)
            index += 2
        else:
            for code in range(start, int(entries[index + 1]) + 1):
                widths[code] = float(entries[index + 2])
            index += 3
    return widths, float(descendant.get("/DW", 1000)), 2


def glyphs_outside_pages(path: Path, margin: float = 0.5) -> list[tuple[int, float, float]]:
    """Every glyph drawn (wholly or in part) outside its page's box, as (page from 1, x, y) in points.

    Follows the content streams (and the forms they draw) through their
    matrices and each font's widths, so that text the viewer would cut off
    at the page's edge, which text extraction (pdftotext) leaves out, is found too.
    """
    outside: list[tuple[int, float, float]] = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            box = [float(value) for value in page.mediabox]

            def inside(point: tuple[float, float], box: list[float] = box) -> bool:
                return box[0] - margin <= point[0] <= box[2] + margin and box[1] - margin <= point[1] <= box[3] + margin

            def run(stream: Any, resources: Any, ctm: Matrix, number: int = number) -> None:
                fonts: dict[str, tuple[dict[int, float], float, int]] = {}
                stack: list[Matrix] = []
                text_matrix = line_matrix = _IDENTITY
                size = spacing = word = 0.0
                scale = 1.0
                leading = 0.0
                font: tuple[dict[int, float], float, int] = ({}, 1000.0, 2)
                for operands, operator in pikepdf.parse_content_stream(stream):
                    op = str(operator)
                    values = list(operands)
                    if op == "q":
                        stack.append(ctm)
                    elif op == "Q":
                        ctm = stack.pop()
                    elif op == "cm":
                        ctm = _times(tuple(float(v) for v in values), ctm)  # type: ignore[arg-type]
                    elif op == "BT":
                        text_matrix = line_matrix = _IDENTITY
                    elif op == "Tm":
                        text_matrix = line_matrix = tuple(float(v) for v in values)  # type: ignore[assignment]
                    elif op in ("Td", "TD"):
                        if op == "TD":
                            leading = -float(values[1])
                        line_matrix = _times((1, 0, 0, 1, float(values[0]), float(values[1])), line_matrix)
                        text_matrix = line_matrix
                    elif op in ("T*", "'", '"'):
                        line_matrix = _times((1, 0, 0, 1, 0, -leading), line_matrix)
                        text_matrix = line_matrix
                    elif op == "TL":
                        leading = float(values[0])
                    elif op == "Tc":
                        spacing = float(values[0])
                    elif op == "Tw":
                        word = float(values[0])
                    elif op == "Tz":
                        scale = float(values[0]) / 100
                    elif op == "Tf":
                        name = str(values[0])
                        if name not in fonts:
                            fonts[name] = _advances(resources.Font[name])
                        font, size = fonts[name], float(values[1])
                    elif op == "Do":
                        xobject = resources.XObject[str(values[0])]
                        if xobject.get("/Subtype") == "/Form":
                            matrix = tuple(float(v) for v in xobject.get("/Matrix", _IDENTITY))
                            run(xobject, xobject.get("/Resources", resources), _times(matrix, ctm))  # type: ignore[arg-type]
                    if op not in ("TJ", "Tj", "'", '"'):
                        continue
                    pieces = values[0] if op == "TJ" else [values[-1]]
                    widths, default, length = font
                    for piece in pieces:
                        if not isinstance(piece, pikepdf.String):
                            text_matrix = _times((1, 0, 0, 1, -float(piece) / 1000 * size * scale, 0), text_matrix)
                            continue
                        data = bytes(piece)
                        for start in range(0, len(data), length):
                            code = int.from_bytes(data[start : start + length], "big")
                            advance = widths.get(code, default) / 1000 * size + spacing
                            if length == 1 and code == 32:
                                advance += word
                            advance *= scale
                            device = _times(text_matrix, ctm)
                            first, last = _point(0, 0, device), _point(advance, 0, device)
                            if not (inside(first) and inside(last)):
                                outside.append((number, round(first[0], 1), round(first[1], 1)))
                            text_matrix = _times((1, 0, 0, 1, advance, 0), text_matrix)

            run(page.obj, page.Resources, _IDENTITY)
    return outside
