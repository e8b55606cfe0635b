"""Cache PDFs by a hash of everything that goes into them.

The key covers the document's HTML, every stylesheet, the generated identity
CSS, every site file the HTML or CSS names (images, fonts), the render
options, the WeasyPrint version and the code that finishes its tagging
(tagging.py); for a pack made in volumes, also the code that joins them and
the pikepdf version. Change any of them and the PDF is made again; change
none and the cached bytes are used as they are.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import tagging, volumes
from .documents import Document
from .render import RENDER_OPTIONS, STYLES_DIR, identity_css, weasyprint_version
from .site import BuiltSite

_REFERENCE = re.compile(r"""(?:\bsrc=["']|url\(\s*["']?)([^"')\s]+)""")


def cache_key(document: Document, site: BuiltSite) -> str:
    digest = hashlib.sha256()
    digest.update(f"weasyprint {weasyprint_version}\n".encode())
    digest.update(json.dumps({**RENDER_OPTIONS, "pdf_forms": document.forms}, sort_keys=True).encode())
    digest.update(tagging.cache_identity())
    html = document.full_html(site)
    sources = [html, identity_css(site), document.extra_css]
    sources += [(STYLES_DIR / name).read_text(encoding="utf-8") for name in document.styles]
    if volumes.needs_volumes(document):
        digest.update(volumes.cache_identity())
    for source in sources:
        digest.update(hashlib.sha256(source.encode()).digest())
    for reference in sorted({match for source in sources for match in _REFERENCE.findall(source)}):
        if reference.startswith("data:") or ":" in reference.split("/", 1)[0]:
            continue
        path = site.root / reference
        if path.is_file():
            digest.update(reference.encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Cached:
    pdf: bytes
    pages: int


class PdfCache:
    """A folder of PDFs named by their key, with their page counts."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, key: str) -> Cached | None:
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        if not (pdf.is_file() and meta.is_file()):
            return None
        self.used.add(key)
        return Cached(pdf.read_bytes(), int(json.loads(meta.read_text())["pages"]))

    def put(self, key: str, pdf: bytes, pages: int) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / f"{key}.pdf").write_bytes(pdf)
        (self.folder / f"{key}.json").write_text(json.dumps({"pages": pages}))
        self.used.add(key)

    def prune(self) -> None:
        """Forget PDFs this build did not use, so the cache does not grow forever."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.stem not in self.used and path.suffix in {".pdf", ".json"}:
                path.unlink()
