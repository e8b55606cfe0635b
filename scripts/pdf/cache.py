"""Cache PDFs by a hash of everything that goes into them.

The key covers the document's HTML, every stylesheet, the generated identity
CSS, every site file the HTML or CSS names (images, fonts), the render
options, the WeasyPrint version and the code that finishes its tagging
(tagging.py); for the pack, also the code that cuts and joins its parts and
the pikepdf version, and for a booklet the code that imposes it and the
pikepdf version. Change any of them and the PDF is made again; change none
and the cached bytes are used as they are.

The pack's parts, its front and its footer layer are documents too, each
cached by its own key, so an edit renders again only what it touched. The
joined pack's entry lists their keys, so that a build that reuses the whole
pack keeps them too.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import booklet, chapters, tagging
from .documents import Document
from .render import RENDER_OPTIONS, STYLES_DIR, Rendered, identity_css, weasyprint_version
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
    if document.parts:
        digest.update(chapters.cache_identity())
    if document.booklet:
        digest.update(booklet.cache_identity())
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
    #: What the render found besides the PDF (see render.Rendered).
    anchor_pages: dict[str, int]
    notes: tuple[str, ...]

    def rendered(self) -> Rendered:
        """The cached PDF as a render's result, taking no time."""
        return Rendered(self.pdf, self.pages, 0.0, self.anchor_pages, self.notes)


class PdfCache:
    """A folder of PDFs named by their key, each with a JSON file of its page count and findings."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, key: str) -> Cached | None:
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        if not (pdf.is_file() and meta.is_file()):
            return None
        try:
            facts = json.loads(meta.read_text(encoding="utf-8"))
            cached = Cached(pdf.read_bytes(), int(facts["pages"]), dict(facts["anchors"]), tuple(facts["notes"]))
        except (ValueError, KeyError, TypeError):
            return None  # written by an older build, or cut short: render it again
        self.used.add(key)
        self.used.update(facts.get("keeps", []))
        return cached

    def put(self, key: str, result: Rendered, keeps: Iterable[str] = ()) -> None:
        """Keep ``result`` under ``key``; ``keeps`` are the keys of the parts it was joined from."""
        self.folder.mkdir(parents=True, exist_ok=True)
        kept = list(keeps)
        facts = {"pages": result.pages, "anchors": result.anchor_pages, "notes": list(result.notes), "keeps": kept}
        # Each file is written whole under another name and then renamed, so
        # that a build stopped half-way never leaves a cut-off entry. The PDF
        # goes first: an entry counts only once its JSON file is there.
        _write_whole(self.folder / f"{key}.pdf", result.pdf)
        _write_whole(self.folder / f"{key}.json", json.dumps(facts, sort_keys=True).encode())
        self.used.add(key)
        self.used.update(kept)

    def prune(self) -> None:
        """Forget PDFs this build did not use, so the cache does not grow forever."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.stem not in self.used and path.suffix in {".pdf", ".json"}:
                path.unlink()
            elif path.suffix == ".part" and time.time() - path.stat().st_mtime > 3600:
                path.unlink(missing_ok=True)  # left by a build that was stopped while writing


def _write_whole(path: Path, data: bytes) -> None:
    scratch = path.with_name(f".{path.name}.{os.getpid()}.part")
    scratch.write_bytes(data)
    os.replace(scratch, path)
