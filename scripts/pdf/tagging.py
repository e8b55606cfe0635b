"""What WeasyPrint 70's PDF/UA tagging leaves undone, done at the source.

- **Running headers, footers and page numbers** (CSS margin boxes) are
  drawn as pagination artifacts. WeasyPrint marks their text as content
  with an MCID that no element of the structure tree holds (its code says
  that an artifact in the tree is allowed only in PDF 2.0); but PDF/UA-1
  wants page furniture marked as an artifact in the content stream, where
  no tree is needed, and that is what a screen reader then skips. One
  exception: on a document's first page, a footer made from the document's
  own HTML (a one-off document's licence and credit, ``.running-footer``)
  is content, at the end of that page's tags, so that it is read once.
- **Table header cells** carry ``/Scope`` (``/Row`` or ``/Column``) from
  their ``scope`` attribute. WeasyPrint reads the attribute only to work
  out each data cell's ``/Headers``, so a header cell with no data cell
  under it on its page (a column of row headers, a table's last row on a
  new page) was tied to nothing (PDF/UA-1 7.5, Matterhorn 15-003).
  :func:`.html_tools.scope_table_headers` gives every ``<th>`` a scope.
- **Link annotations** carry the Print flag, so a link is the same object
  on paper as on screen.
- **Printer's marks**: an element with the ``data-pdf-artifact`` attribute
  (the print-shop deck's crop marks, which are backgrounds only) is drawn
  as one page artifact (ISO 32000-1, 14.8.2.2: "production aids ... such
  as cut marks") and left out of the structure tree, where it would be an
  empty element.

Each change wraps one WeasyPrint function and leaves the rest as it was;
:func:`install` applies them, and :func:`cache_identity` goes into each
PDF's cache key, so that a change here makes the PDFs again.
"""

from __future__ import annotations

import contextvars
import hashlib
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pydyf
import weasyprint.draw
import weasyprint.pdf
import weasyprint.pdf.tags
from weasyprint.formatting_structure import boxes
from weasyprint.pdf.stream import Stream

#: ISO 32000-1, 12.5.6.4 (table 327): the annotation's Print flag.
PRINT_FLAG = 1 << 2
#: The ``scope`` attribute of a header cell, as a ``/Scope`` of the Table attribute owner.
SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}

_in_artifact: contextvars.ContextVar[bool] = contextvars.ContextVar("in_artifact", default=False)

_original_draw_stacking_context = weasyprint.draw.draw_stacking_context
_original_marked = Stream.marked
_original_artifact = Stream.artifact
_original_build_box_tree = weasyprint.pdf.tags._build_box_tree
_original_add_links = weasyprint.pdf.add_links


def _pagination(box: Any) -> pydyf.Dictionary:
    """The property list of a margin box's artifact: pagination, and which edge when it is a header or footer."""
    properties = pydyf.Dictionary({"Type": "/Pagination"})
    keyword = str(getattr(box, "at_keyword", ""))
    if keyword.startswith("@top"):
        properties["Subtype"] = "/Header"
    elif keyword.startswith("@bottom"):
        properties["Subtype"] = "/Footer"
    return properties


def _read_once(margin_box: Any, page_index: int) -> bool:
    """Whether a margin box is content: the first page's footer, when the document's HTML fills it."""
    return (
        page_index == 0
        and str(margin_box.at_keyword).startswith("@bottom")
        and any(kind == "element()" for kind, _value in margin_box.style["content"] or ())
    )


#: The attribute of an element that is drawn as a page artifact and not tagged (printer's marks).
ARTIFACT_ATTRIBUTE = "data-pdf-artifact"


def _is_marks(box: Any) -> bool:
    """Whether a box is printer's marks: an element with :data:`ARTIFACT_ATTRIBUTE`."""
    element = getattr(box, "element", None)
    return element is not None and element.get(ARTIFACT_ATTRIBUTE) is not None and box.element_tag == "div"


def _draw_stacking_context(stream: Any, stacking_context: Any) -> None:
    """Draw a margin box inside one artifact (but see :func:`_read_once`); anything else as WeasyPrint does."""
    box = stacking_context.box
    if _is_marks(box) and stream._tags is not None and not _in_artifact.get():
        _draw_as_artifact(stream, stacking_context, pydyf.Dictionary({"Type": "/Page"}))
        return
    if (
        not isinstance(box, boxes.MarginBox)
        or stream._tags is None
        or _in_artifact.get()
        or _read_once(box, stacking_context.page.page_type.index)
    ):
        _original_draw_stacking_context(stream, stacking_context)
        return
    _draw_as_artifact(stream, stacking_context, _pagination(stacking_context.box))


def _draw_as_artifact(stream: Any, stacking_context: Any, properties: Any) -> None:
    """Draw a stacking context as WeasyPrint does, inside one artifact with these properties, and no tags within."""
    stream.begin_marked_content("Artifact", properties)
    token = _in_artifact.set(True)
    try:
        _original_draw_stacking_context(stream, stacking_context)
    finally:
        _in_artifact.reset(token)
        stream.end_marked_content()


@contextmanager
def _marked(self: Any, box: Any, tag: str) -> Iterator[None]:
    """Mark content with an MCID, except inside an artifact, where it is already marked."""
    if _in_artifact.get():
        yield
        return
    with _original_marked(self, box, tag):
        yield


def _artifact(self: Any) -> AbstractContextManager[None]:
    """A background or border's artifact; inside a margin box's artifact, none of its own."""
    if _in_artifact.get():
        return _no_mark()
    manager: AbstractContextManager[None] = _original_artifact(self)
    return manager


@contextmanager
def _no_mark() -> Iterator[None]:
    yield


def _build_box_tree(
    box: Any, parent: Any, pdf: Any, page_number: int, nums: Any, annotations: Any, tags: Any
) -> Iterator[Any]:
    """WeasyPrint's structure elements, without artifacts, with each header cell's scope.

    A margin box that is content gives its elements to the page's, after
    the rest of the page (WeasyPrint builds them, then leaves them out).
    """
    arguments = (parent, pdf, page_number, nums, annotations, tags)
    if isinstance(box, boxes.MarginBox):
        if _read_once(box, page_number):
            for child in box.children:
                yield from _build_box_tree(child, *arguments)
        return  # otherwise drawn as an artifact, so nothing of it waits to be tagged
    if _is_marks(box):
        return  # printer's marks: a page artifact, with nothing to tag
    for element in _original_build_box_tree(box, *arguments):
        if element["S"] == "/TH" and isinstance(box, boxes.TableCellBox) and box.element is not None:
            element["A"]["Scope"] = SCOPES.get(str(box.element.get("scope", "")).lower(), "/Column")
        yield element


def _add_links(links_and_anchors: Any, *arguments: Any) -> None:
    _original_add_links(links_and_anchors, *arguments)
    links, _anchors = links_and_anchors
    for _kind, _target, _rectangle, box in links:
        annotation = getattr(box, "link_annotation", None)
        if annotation is not None:
            annotation["F"] = PRINT_FLAG


#: Each WeasyPrint function wrapped here: where it lives, its name, WeasyPrint's own and ours.
_PATCHES: list[tuple[Any, str, Any, Any]] = [
    (weasyprint.draw, "draw_stacking_context", _original_draw_stacking_context, _draw_stacking_context),
    (Stream, "marked", _original_marked, _marked),
    (Stream, "artifact", _original_artifact, _artifact),
    (weasyprint.pdf.tags, "_build_box_tree", _original_build_box_tree, _build_box_tree),
    (weasyprint.pdf, "add_links", _original_add_links, _add_links),
]


def install() -> None:
    """Apply the changes (idempotent)."""
    for owner, name, _weasyprints, ours in _PATCHES:
        setattr(owner, name, ours)


def uninstall() -> None:
    """Restore WeasyPrint's own functions (for the tests that compare the two)."""
    for owner, name, weasyprints, _ours in _PATCHES:
        setattr(owner, name, weasyprints)


def cache_identity() -> bytes:
    """The code of this module, for every PDF's cache key: change it and the PDFs are made again."""
    return hashlib.sha256(Path(__file__).read_bytes()).digest()


__all__ = ["ARTIFACT_ATTRIBUTE", "PRINT_FLAG", "SCOPES", "cache_identity", "install", "uninstall"]
