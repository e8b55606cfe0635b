"""Render a large pack in volumes, each in its own process, and join them into one tagged PDF.

WeasyPrint keeps every laid-out page of a document in memory until it has
written the PDF, so one render of a pack ten times ours needs over 3 GB. A
pack bigger than :data:`SPLIT_ABOVE` characters of HTML is made like this
instead:

1. **Volumes.** The chapters are cut into volumes of about
   :data:`VOLUME_CHARS` characters, always between chapters, and never
   before a short chapter that flows on after the one before it. So every
   volume starts where a chapter starts a page, and the pages break where
   they would in one render. Each
   volume renders in its own process, with no page numbers in its footer.
   A link to a chapter in another volume gets an empty stand-in anchor, so
   that WeasyPrint keeps the link; the join points it at the real anchor.
2. **Front.** When every volume is done, the cover and contents render with
   the contents' page numbers written in, from where each chapter landed.
3. **Footers.** A document of blank pages, one per page of the pack, that
   carries only "Page X of Y" where the footer goes.
4. **Join** (pikepdf): the pages in order; one structure tree, with each
   page's and link's key renumbered; one name tree of link targets; one
   outline of bookmarks; and each footer drawn on its page. Like every
   running header and footer, it is a pagination artifact (tagging.py), so
   screen readers pass over it.
   The join runs in the main process once the workers have gone, so that
   their memory is free for it.

The joined PDF has the same pages, contents numbers, links, bookmarks and
tags as one render would; tests/test_pdf.py renders our pack both ways and
compares them.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pikepdf

from .documents import CHAPTER_ANCHOR, Document
from .render import Rendered, RenderError, render_in_worker

#: A pack with more HTML than this renders in volumes (ours has about 520,000).
SPLIT_ABOVE = 1_500_000
#: About how much HTML goes into each volume.
VOLUME_CHARS = 700_000

_ID = re.compile(r'\sid="([^"]+)"')
_CHAPTER_ID = re.compile(r'<section class="chapter[^"]*" id="([^"]+)"')
#: A chapter that flows on after the one before it (a short one): never the first of a volume.
_FLOWS = '<section class="chapter chapter--flows'
_INTERNAL_LINK = re.compile(r'\shref="#([^"]+)"')
_CONTENTS_LINK = re.compile(rf'(<li class="contents__entry[^"]*"><a href="#({CHAPTER_ANCHOR}[^"]+)")>')

#: Volumes and the front leave the footer to the footer layer.
_NO_FOOTER = "@page { @bottom-right { content: none; } }\n.volume-stand-in { height: 0; margin: 0; }\n"
#: The contents take their page numbers from the join, not from WeasyPrint.
_NUMBERED_CONTENTS = '.contents__entry a::after { content: leader(".") attr(data-page); }\n'
#: The footer layer: only the footer, on a page shaped like the pack's.
_FOOTER_LAYER = (
    "@page { @top-left { content: none; } @top-right { content: none; } }\n"
    "@page cover { background: none; }\n"
    ".footer-page { break-before: page; }\n"
    ".footer-page--cover { page: cover; }\n"
)
_FOOTER_STYLES = ("fonts.css", "variables.css", "page.css")


def needs_volumes(document: Document) -> bool:
    """Whether ``document`` is a pack too big to render in one piece."""
    return len(document.parts) > 2 and len(document.body) > SPLIT_ABOVE


def cache_identity() -> bytes:
    """What, besides its HTML and styles, goes into a pack made in volumes: for its cache key."""
    code = Path(__file__).read_bytes()
    sizes = f"{SPLIT_ABOVE} {VOLUME_CHARS} pikepdf {pikepdf.__version__}".encode()
    return hashlib.sha256(code + sizes).digest()


@dataclass(frozen=True)
class Plan:
    """How a pack is cut: the draft front (to count its pages), then the volumes.

    ``volumes[0]`` is the draft front; the chapters are in ``volumes[1:]``.
    ``stand_ins`` holds, for each, the anchors it carries only as stand-ins.
    ``every_id`` is every id in the pack, and ``chapters`` the chapters' own.
    """

    pack: Document
    volumes: tuple[Document, ...]
    stand_ins: tuple[frozenset[str], ...]
    every_id: frozenset[str]
    chapters: frozenset[str]


def plan(pack: Document, volume_chars: int | None = None) -> Plan:
    """Cut the pack's chapters into volumes of about ``volume_chars`` characters (:data:`VOLUME_CHARS`)."""
    volume_chars = volume_chars or VOLUME_CHARS
    chapters = pack.parts[1:]
    groups: list[list[str]] = []
    size = 0
    for chapter in chapters:
        if not groups or (size + len(chapter) > volume_chars and groups[-1] and not chapter.startswith(_FLOWS)):
            groups.append([])
            size = 0
        groups[-1].append(chapter)
        size += len(chapter)
    every_id = frozenset(_ID.findall(pack.body))
    # The draft front has a number as wide as the pack's page numbers will
    # be (about 3,400 characters of HTML make a page) where each one goes.
    placeholder = int("8" * len(str(max(1, len(pack.body) // 3400))))
    draft, draft_stand_ins = _front(pack, defaultdict(lambda: placeholder), every_id)
    volumes, stand_ins = [draft], [draft_stand_ins]
    for number, group in enumerate(groups, 1):
        body, missing = _with_stand_ins("\n".join(group), every_id)
        volumes.append(
            replace(
                pack,
                filename=f"{pack.filename} (volume {number} of {len(groups)})",
                body=body,
                parts=(),
                extra_css=_NO_FOOTER,
            )
        )
        stand_ins.append(missing)
    return Plan(pack, tuple(volumes), tuple(stand_ins), every_id, frozenset(_CHAPTER_ID.findall(pack.body)))


def _with_stand_ins(body: str, every_id: frozenset[str]) -> tuple[str, frozenset[str]]:
    """``body`` with an empty anchor for each link target that is elsewhere in the pack.

    Targets that are nowhere in the pack get none, so WeasyPrint still
    reports them. The anchors go inside the last element, so they add no page.
    """
    here = set(_ID.findall(body))
    missing = frozenset(t for t in _INTERNAL_LINK.findall(body) if t not in here and t in every_id)
    if not missing:
        return body, missing
    anchors = "".join(f'<div class="volume-stand-in" id="{target}"></div>' for target in sorted(missing))
    end = body.rstrip()
    close = end.rfind("</")
    return end[:close] + anchors + end[close:], missing


def _front(pack: Document, numbers: Mapping[str, int], every_id: frozenset[str]) -> tuple[Document, frozenset[str]]:
    """The cover and contents, with ``numbers`` as the contents' page numbers."""
    body, stand_ins = _with_stand_ins(_numbered_contents(pack.parts[0], numbers), every_id)
    document = replace(
        pack,
        filename=f"{pack.filename} (cover and contents)",
        body=body,
        parts=(),
        extra_css=_NO_FOOTER + _NUMBERED_CONTENTS,
    )
    return document, stand_ins


@dataclass(frozen=True)
class Job:
    """One piece of a large pack: ``function(*arguments)``.

    Volumes, the front and the footers go to worker processes; the join
    runs in the main process (see build.py).
    """

    kind: str  # "volume", "front", "footers" or "join"
    name: str
    function: Callable[..., Rendered]
    arguments: tuple[Any, ...]
    #: Which volume, for a volume; which attempt at the front, for the front and footers.
    index: int = 0


class PackInVolumes:
    """The jobs that make one large pack, each given out when what it needs is done.

    First the volumes, which all run at once (the first is the draft front);
    then the front with its numbers and the footer layer, side by side; then
    the join. :meth:`first_jobs` gives the first; :meth:`done` takes each
    result and gives the jobs it lets start; :attr:`result` is the pack.
    """

    def __init__(self, pack_plan: Plan, site_root: str) -> None:
        self.plan = pack_plan
        self.site_root = site_root
        self.volumes: dict[int, Rendered] = {}
        self.front_pages = 0
        self.front: Rendered | None = None
        self.footers: Rendered | None = None
        self.result: Rendered | None = None
        self._attempts = 0

    def first_jobs(self) -> list[Job]:
        return [
            Job("volume", volume.filename, render_in_worker, (volume, self.site_root), index)
            for index, volume in enumerate(self.plan.volumes)
        ]

    def done(self, job: Job, result: Rendered) -> list[Job]:
        if job.kind == "volume":
            self.volumes[job.index] = result
            if len(self.volumes) < len(self.plan.volumes):
                return []
            self.front_pages = self.volumes[0].pages
            return self._front_and_footers()
        if job.kind in ("front", "footers") and job.index != self._attempts:
            return []  # made for a front whose length has changed since; its successor is on the way
        if job.kind == "front":
            if result.pages != self.front_pages:
                # A wider number wrapped a title onto another page (rare):
                # number again from the new length.
                self.front_pages = result.pages
                return self._front_and_footers()
            self.front = result
        elif job.kind == "footers":
            if result.pages != self._total():
                raise RenderError(
                    f"{self.plan.pack.filename}: the page numbers came out as {result.pages} pages, "
                    f"not {self._total()}; this is a bug in scripts/pdf/volumes.py"
                )
            self.footers = result
        elif job.kind == "join":
            self.result = result
            return []
        if self.front is None or self.footers is None:
            return []
        return [Job("join", f"{self.plan.pack.filename} (joining)", join_job, self.join_arguments())]

    @property
    def finished(self) -> bool:
        """Whether the pack is made, or its join is the only job left (true once :meth:`done` gave the join)."""
        return self.result is not None or (self.front is not None and self.footers is not None)

    def join_arguments(self) -> tuple[Any, ...]:
        assert self.front is not None and self.footers is not None
        parts = [self.front.pdf] + [self.volumes[index].pdf for index in range(1, len(self.plan.volumes))]
        seconds = sum(part.seconds for part in [*self.volumes.values(), self.front, self.footers])
        return (parts, list(self.plan.stand_ins), self.footers.pdf, seconds)

    def _total(self) -> int:
        return self.front_pages + sum(self.volumes[index].pages for index in range(1, len(self.plan.volumes)))

    def _front_and_footers(self) -> list[Job]:
        self._attempts += 1
        if self._attempts > 3:  # pragma: no cover - would need a contents whose length never settles
            raise RenderError(f"{self.plan.pack.filename}: the contents kept changing length; try again")
        self.front = self.footers = None
        starts: dict[str, int] = {}
        offset = self.front_pages
        for index in range(1, len(self.plan.volumes)):
            volume = self.volumes[index]
            for anchor, page in volume.anchor_pages.items():
                if anchor in self.plan.chapters and anchor not in self.plan.stand_ins[index]:
                    starts[anchor] = offset + page + 1
            offset += volume.pages
        front, _ = _front(self.plan.pack, starts, self.plan.every_id)
        footers = _footer_layer(self.plan.pack, self._total())
        attempt = self._attempts
        return [
            Job("front", front.filename, render_in_worker, (front, self.site_root), attempt),
            Job("footers", footers.filename, render_in_worker, (footers, self.site_root), attempt),
        ]


def join_job(parts: list[bytes], stand_ins: list[frozenset[str]], footers: bytes, seconds: float) -> Rendered:
    """Join the parts into the pack (in the main process, after the workers have gone)."""
    started = time.monotonic()
    pdf, pages = join(parts, stand_ins, footers)
    return Rendered(pdf, pages, seconds + time.monotonic() - started)


def render_in_volumes(pack_plan: Plan, site_root: str) -> tuple[Rendered, PackInVolumes]:
    """Every job of a large pack, one after another in this process (for tests)."""
    build = PackInVolumes(pack_plan, site_root)
    waiting = build.first_jobs()
    while waiting:
        job = waiting.pop(0)
        waiting.extend(build.done(job, job.function(*job.arguments)))
    assert build.result is not None
    return build.result, build


def _numbered_contents(front_html: str, numbers: Mapping[str, int]) -> str:
    def number(match: re.Match[str]) -> str:
        try:
            page = numbers[match[2]]
        except KeyError:
            raise RenderError(f"the contents link to #{match[2]}, which no volume of the pack holds") from None
        return f'{match[1]} data-page="{page}">'

    return _CONTENTS_LINK.sub(number, front_html)


def _footer_layer(pack: Document, pages: int) -> Document:
    body = '<div class="footer-page footer-page--cover"></div>' + '<div class="footer-page"></div>' * (pages - 1)
    return replace(
        pack,
        filename=f"{pack.filename} (page numbers)",
        body=body,
        styles=_FOOTER_STYLES,
        parts=(),
        extra_css=_FOOTER_LAYER,
        sources=(),
    )


def join(parts: list[bytes], stand_ins: Iterable[frozenset[str]], footers: bytes) -> tuple[bytes, int]:
    """One tagged PDF from ``parts`` in order, with ``footers`` drawn page by page, and its page count."""
    # The parts are opened one at a time, each let go once joined (see _detach).
    first = pikepdf.open(io.BytesIO(parts[0]))
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
    keyed: list[tuple[int, pikepdf.Object]] = []
    # Python lists, made into PDF arrays once: appending to a PDF array one
    # item at a time copies it each time.
    elements: list[pikepdf.Object] = []
    destinations: list[tuple[str, pikepdf.Object]] = []
    outline_items: list[pikepdf.Object] = []
    outline_count = 0
    # The elements that hold links, in order: their keys follow the pages'.
    link_elements: list[pikepdf.Object] = []
    links: list[pikepdf.Object] = []

    for number, (part, skip) in enumerate(zip(parts, stand_ins, strict=True)):
        source = first if number == 0 else pikepdf.open(io.BytesIO(part))
        base = len(out.pages)
        count = len(source.pages)
        with warnings.catch_warnings():
            # pikepdf warns that named destinations are not carried over: the
            # join carries them over itself, below.
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            out.pages.extend(source.pages)
        tree = source.Root.StructTreeRoot
        their_document = _copy(out, source, tree.K[0])
        for element in their_document.K:
            element.P = document
            elements.append(element)
        # The part's own Document element stays only as the parent of its
        # running headers (held by no element, as in one render); cut its
        # ties to the part's old tree, so that the old tree is not written.
        their_document.K = pikepdf.Array()
        their_document.P = document
        their_numbers = _copy(out, source, tree.ParentTree).Nums
        # Until every page is in, a link's key is its place in link_elements.
        link_keys: dict[int, int] = {}
        for index in range(0, len(their_numbers), 2):
            key = int(their_numbers[index])
            if key < count:
                keyed.append((base + key, their_numbers[index + 1]))
            else:
                link_keys[key] = len(link_elements)
                link_elements.append(their_numbers[index + 1])
        for local in range(count):
            page = out.pages[base + local].obj
            page.StructParents = base + local
            for annotation in page.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = link_keys[int(annotation.StructParent)]
                    links.append(annotation)
        if "/Names" in source.Root and "/Dests" in source.Root.Names:
            named = _copy(out, source, source.Root.Names.Dests).Names
            for index in range(0, len(named), 2):
                name = str(named[index])
                if name not in skip:
                    destinations.append((name, named[index + 1]))
        if "/Outlines" in source.Root and "/First" in source.Root.Outlines:
            outlines = _copy(out, source, source.Root.Outlines)
            outline_count += int(outlines.get("/Count", 0))
            item = outlines.First
            while True:
                outline_items.append(item)
                if "/Next" not in item:
                    break
                item = item.Next
        if source is not first:
            _detach(out, source)
            del source

    total = len(out.pages)
    for annotation in links:
        annotation.StructParent = total + int(annotation.StructParent)
    keyed.extend((total + index, element) for index, element in enumerate(link_elements))

    # Page keys come first, then link keys, as WeasyPrint numbers them.
    document.K = pikepdf.Array(elements)
    keyed.sort(key=lambda pair: pair[0])
    tree_root.ParentTree = out.make_indirect(
        pikepdf.Dictionary(Nums=pikepdf.Array([value for pair in keyed for value in pair]))
    )
    tree_root.ParentTreeNextKey = total + len(link_elements)
    out.Root.StructTreeRoot = tree_root

    destinations.sort(key=lambda pair: pair[0])
    if len({name for name, _ in destinations}) != len(destinations):
        raise RenderError("pack.pdf: two volumes hold the same anchor; every id in the pack must be unique")
    names = pikepdf.Array([item for name, destination in destinations for item in (pikepdf.String(name), destination)])
    out.Root.Names = pikepdf.Dictionary(Dests=out.make_indirect(pikepdf.Dictionary(Names=names)))

    if outline_items:
        outline_root = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines))
        for before, item in zip([None, *outline_items], outline_items, strict=False):
            item.Parent = outline_root
            if before is None:
                if "/Prev" in item:
                    del item.Prev
            else:
                item.Prev = before
                before.Next = item
        if "/Next" in outline_items[-1]:
            del outline_items[-1].Next
        outline_root.First = outline_items[0]
        outline_root.Last = outline_items[-1]
        outline_root.Count = outline_count
        out.Root.Outlines = outline_root

    _draw_footers(out, pikepdf.open(io.BytesIO(footers)))
    buffer = io.BytesIO()
    out.save(
        buffer,
        min_version=first.pdf_version,
        deterministic_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return buffer.getvalue(), len(out.pages)


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
        page.contents_add(f"Q\nq {name} Do Q\n".encode())
