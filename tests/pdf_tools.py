"""Helpers for reading PDFs in tests (pypdf and poppler-utils)."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path
from typing import Any

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
