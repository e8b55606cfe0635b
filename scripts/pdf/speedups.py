"""A fix for a quadratic cost in pydyf, the PDF writer WeasyPrint uses.

pydyf 0.13's ``PDF.page_references`` builds a tuple of every page's
reference each time it is read, and WeasyPrint reads it once per tagged
element and per link when it writes a tagged (PDF/UA) document. The cost
grows with pages times elements: for a pack ten times the size of ours it
was the largest single cost of the build. This keeps the tuple until a page
is added. The PDF bytes are unchanged (tests/test_pdf.py checks it).
"""

from __future__ import annotations

from typing import Any

import pydyf

_original = pydyf.PDF.page_references


def _cached_page_references(self: Any) -> tuple[bytes, ...]:
    kids = self.pages["Kids"]
    cached = self.__dict__.get("_page_references_cache")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        self.__dict__["_page_references_cache"] = cached
    references: tuple[bytes, ...] = cached[1]
    return references


def install() -> None:
    """Use the cached page references (idempotent)."""
    pydyf.PDF.page_references = property(_cached_page_references)


def uninstall() -> None:
    """Restore pydyf's own property (for the test that compares the two)."""
    pydyf.PDF.page_references = _original
