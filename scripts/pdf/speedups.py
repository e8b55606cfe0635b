"""Two costs taken out of WeasyPrint's work, with the PDF bytes unchanged.

**Fonts unpacked once.** WeasyPrint unpacks every WOFF2 font of every
``@font-face`` rule for every document it renders, used or not: eight faces,
about a quarter of a second each time, which was most of the time of a
one-page handout and of each part of the pack. :func:`unpacked_font` does it
once per worker process, with the same fontTools call WeasyPrint makes, and
the fetcher (render.py) hands WeasyPrint the unpacked font.

**Page references kept.** pydyf 0.13's ``PDF.page_references`` builds a tuple of every page's
reference each time it is read, and WeasyPrint reads it once per tagged
element and per link when it writes a tagged (PDF/UA) document. The cost
grows with pages times elements: for a pack ten times the size of ours it
was the largest single cost of the build. This keeps the tuple until a page
is added. The PDF bytes are unchanged (tests/test_pdf.py checks it).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any

import pydyf
from fontTools.ttLib import woff2  # type: ignore[import-untyped]  # fontTools has no type hints

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


def unpacked_font(path: Path) -> bytes:
    """The font at ``path``, unpacked if it is WOFF2, as WeasyPrint would unpack it."""
    stat = path.stat()
    return _unpacked(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _unpacked(path: str, mtime_ns: int, size: int) -> bytes:
    data = Path(path).read_bytes()
    if data[:4] != b"wOF2":
        return data
    out = io.BytesIO()
    woff2.decompress(io.BytesIO(data), out)
    return out.getvalue()
