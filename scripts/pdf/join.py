"""Join the pack's rendered parts into one tagged PDF (pikepdf).

The parts are the cover and contents, then each group of chapters, each
rendered on its own (see chapters.py). The join gives the pages in order;
one structure tree, with each page's and link's key renumbered; one name
tree of link targets; one outline of bookmarks; and the "Page X of Y"
footers, drawn page by page from a layer of blank pages. Like every running
header and footer, they are pagination artifacts (tagging.py), so screen
readers pass over them.

The result has the same pages, contents numbers, links, bookmarks and tags
as one render of the whole pack; tests/test_pdf.py renders our pack in one
piece too and compares them.
"""

from __future__ import annotations

import io
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

import pikepdf

from .render import Rendered, RenderError


def join_job(parts: list[bytes], stand_ins: list[frozenset[str]], footers: bytes, seconds: float) -> Rendered:
    """:func:`join`, as a job for a worker process; ``seconds`` is the time the parts took."""
    started, cpu = time.monotonic(), time.process_time()
    pdf, pages = join(parts, stand_ins, footers)
    return Rendered(pdf, pages, seconds + time.monotonic() - started, cpu=time.process_time() - cpu)


def join(parts: list[bytes], stand_ins: Iterable[frozenset[str]], footers: bytes) -> tuple[bytes, int]:
    """One tagged PDF from ``parts`` in order, with ``footers`` drawn page by page, and its page count.

    ``stand_ins`` holds, for each part, the anchors it carries only as
    stand-ins for targets in other parts: their destinations are dropped.
    """
    # The parts are opened one at a time, each let go once joined (see _detach).
    first = pikepdf.open(io.BytesIO(parts[0]))
    joined = _Joined.start(first)
    for number, (part, skip) in enumerate(zip(parts, stand_ins, strict=True)):
        source = first if number == 0 else pikepdf.open(io.BytesIO(part))
        joined.take(source, skip)
        if source is not first:
            _detach(joined.out, source)
            del source
    joined.finish_tree()
    joined.finish_names()
    joined.finish_outline()
    _draw_footers(joined.out, pikepdf.open(io.BytesIO(footers)))
    buffer = io.BytesIO()
    joined.out.save(
        buffer,
        min_version=first.pdf_version,
        deterministic_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return buffer.getvalue(), len(joined.out.pages)


@dataclass
class _Joined:
    """The PDF being joined, and what is gathered from each part until every page is in.

    Python lists, made into PDF arrays once: appending to a PDF array one
    item at a time copies it each time.
    """

    out: pikepdf.Pdf
    tree_root: pikepdf.Object
    document: pikepdf.Object
    #: Each page's structure key and its element list, and the elements that hold links, in order.
    keyed: list[tuple[int, pikepdf.Object]] = field(default_factory=list)
    elements: list[pikepdf.Object] = field(default_factory=list)
    link_elements: list[pikepdf.Object] = field(default_factory=list)
    links: list[pikepdf.Object] = field(default_factory=list)
    destinations: list[tuple[str, pikepdf.Object]] = field(default_factory=list)
    outline_items: list[pikepdf.Object] = field(default_factory=list)
    outline_count: int = 0

    @classmethod
    def start(cls, first: pikepdf.Pdf) -> _Joined:
        """A new PDF with the first part's metadata, language and viewer settings, and an empty tree."""
        out = pikepdf.new()
        out.trailer.Info = _copy(out, first, first.trailer.Info)
        for entry in ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata"):
            if entry in first.Root:
                out.Root[entry] = _copy(out, first, first.Root[entry])
        tree_root = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        document = out.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, K=pikepdf.Array(), P=tree_root)
        )
        tree_root.K = pikepdf.Array([document])
        return cls(out, tree_root, document)

    def take(self, source: pikepdf.Pdf, skip: frozenset[str]) -> None:
        """Add every page of ``source``, with its structure, links, link targets and bookmarks."""
        base = len(self.out.pages)
        with warnings.catch_warnings():
            # pikepdf warns that named destinations are not carried over: the
            # join carries them over itself (_take_destinations).
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            self.out.pages.extend(source.pages)
        link_keys = self._take_structure(source, base, len(source.pages))
        for local in range(len(source.pages)):
            page = self.out.pages[base + local].obj
            page.StructParents = base + local
            for annotation in page.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = link_keys[int(annotation.StructParent)]
                    self.links.append(annotation)
        self._take_destinations(source, skip)
        self._take_outline(source)

    def _take_structure(self, source: pikepdf.Pdf, base: int, count: int) -> dict[int, int]:
        """Hang the part's elements under the one Document element; return its link keys' new places.

        Until every page is in, a link's key is its place in ``link_elements``.
        """
        tree = source.Root.StructTreeRoot
        their_document = _copy(self.out, source, tree.K[0])
        for element in their_document.K:
            element.P = self.document
            self.elements.append(element)
        # The part's own Document element stays only as the parent of its
        # running headers (held by no element, as in one render); cut its
        # ties to the part's old tree, so that the old tree is not written.
        their_document.K = pikepdf.Array()
        their_document.P = self.document
        their_numbers = _copy(self.out, source, tree.ParentTree).Nums
        link_keys: dict[int, int] = {}
        for index in range(0, len(their_numbers), 2):
            key = int(their_numbers[index])
            if key < count:
                self.keyed.append((base + key, their_numbers[index + 1]))
            else:
                link_keys[key] = len(self.link_elements)
                self.link_elements.append(their_numbers[index + 1])
        return link_keys

    def _take_destinations(self, source: pikepdf.Pdf, skip: frozenset[str]) -> None:
        if "/Names" in source.Root and "/Dests" in source.Root.Names:
            named = _copy(self.out, source, source.Root.Names.Dests).Names
            for index in range(0, len(named), 2):
                name = str(named[index])
                if name not in skip:
                    self.destinations.append((name, named[index + 1]))

    def _take_outline(self, source: pikepdf.Pdf) -> None:
        if "/Outlines" in source.Root and "/First" in source.Root.Outlines:
            outlines = _copy(self.out, source, source.Root.Outlines)
            self.outline_count += int(outlines.get("/Count", 0))
            item = outlines.First
            while True:
                self.outline_items.append(item)
                if "/Next" not in item:
                    break
                item = item.Next

    def finish_tree(self) -> None:
        """Number the links' keys after the pages', as WeasyPrint does, and write the one parent tree."""
        total = len(self.out.pages)
        for annotation in self.links:
            annotation.StructParent = total + int(annotation.StructParent)
        self.keyed.extend((total + index, element) for index, element in enumerate(self.link_elements))
        self.document.K = pikepdf.Array(self.elements)
        self.keyed.sort(key=lambda pair: pair[0])
        self.tree_root.ParentTree = self.out.make_indirect(
            pikepdf.Dictionary(Nums=pikepdf.Array([value for pair in self.keyed for value in pair]))
        )
        self.tree_root.ParentTreeNextKey = total + len(self.link_elements)
        self.out.Root.StructTreeRoot = self.tree_root

    def finish_names(self) -> None:
        """One name tree of link targets, sorted as the PDF format asks."""
        self.destinations.sort(key=lambda pair: pair[0])
        if len({name for name, _ in self.destinations}) != len(self.destinations):
            raise RenderError("pack.pdf: two parts hold the same anchor; every id in the pack must be unique")
        names = pikepdf.Array(
            [item for name, destination in self.destinations for item in (pikepdf.String(name), destination)]
        )
        self.out.Root.Names = pikepdf.Dictionary(Dests=self.out.make_indirect(pikepdf.Dictionary(Names=names)))

    def finish_outline(self) -> None:
        """One outline: the parts' top-level bookmarks chained in order under one root."""
        items = self.outline_items
        if not items:
            return
        outline_root = self.out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines))
        for before, item in zip([None, *items], items, strict=False):
            item.Parent = outline_root
            if before is None:
                if "/Prev" in item:
                    del item.Prev
            else:
                item.Prev = before
                before.Next = item
        if "/Next" in items[-1]:
            del items[-1].Next
        outline_root.First = items[0]
        outline_root.Last = items[-1]
        outline_root.Count = self.outline_count
        self.out.Root.Outlines = outline_root


def _detach(out: pikepdf.Pdf, source: pikepdf.Pdf) -> None:
    """Give ``out`` its own copy of the data of every stream it took from ``source``, and close ``source``.

    pikepdf (qpdf) reads a copied stream's data from its source only when it
    writes the file, so every source would stay in memory until then: over
    a gigabyte for a pack ten times ours. Copying the (still compressed) data
    now lets each source go as soon as it has been joined.
    """
    for stream in source.objects:
        # Object and cross-reference streams are the source's own packaging.
        if isinstance(stream, pikepdf.Stream) and stream.get("/Type") not in (pikepdf.Name.ObjStm, pikepdf.Name.XRef):
            copied = out.copy_foreign(stream)
            copied.write(
                stream.read_raw_bytes(),
                filter=copied.get("/Filter"),  # type: ignore[arg-type]  # a Name or an Array
                decode_parms=copied.get("/DecodeParms"),  # type: ignore[arg-type]  # a Dictionary or an Array
                type_check=False,
            )
    source.close()


def _copy(out: pikepdf.Pdf, source: pikepdf.Pdf, value: pikepdf.Object) -> pikepdf.Object:
    if not isinstance(value, pikepdf.Object):  # a number or string pikepdf gave as a Python value
        return value
    if not value.is_indirect:
        value = source.make_indirect(value)
    return out.copy_foreign(value)


def _draw_footers(out: pikepdf.Pdf, footers: pikepdf.Pdf) -> None:
    # PackInVolumes.done has checked that there is a footer for every page.
    # Each footer goes on its page as a form XObject with a name of its own.
    # (pikepdf's add_overlay would name them at random, and the build must
    # give the same bytes every time.) WeasyPrint gives all of a document's
    # pages one /Resources dictionary, so each page gets its own copy first:
    # otherwise every page would list every footer of its volume.
    for index, (page, footer) in enumerate(zip(out.pages, footers.pages, strict=True)):
        form = _copy(out, footers, footer.as_form_xobject())
        name = pikepdf.Name(f"/PackFooter{index}")
        resources = pikepdf.Dictionary(dict(page.obj.Resources.items()))
        xobjects = pikepdf.Dictionary(dict(resources.XObject.items()) if "/XObject" in resources else {})
        xobjects[name] = form
        resources.XObject = xobjects
        page.obj.Resources = resources
        page.contents_add(b"q\n", prepend=True)
        page.contents_add(f"Q\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC q {name} Do Q EMC\n".encode())
