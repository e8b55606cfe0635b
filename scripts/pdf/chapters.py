"""Plan the pack as parts, groups of a few chapters each, and the jobs that make and join them.

The pack is always made this way, whatever its size:

1. **Parts.** The chapters are cut into parts of about :data:`PART_CHARS`
   characters of HTML, always between chapters (see :func:`groups`). So
   every part starts where a chapter starts a page, and the pages break
   where they would in one render. The parts render side by side in the
   worker processes, with no page numbers in their footers. A link to a
   chapter in another part gets an empty stand-in anchor, so that
   WeasyPrint keeps the link; the join points it at the real anchor.
2. **Front.** The cover and contents render first with stand-in numbers,
   to count their pages, and again when every part is done, with the
   contents' page numbers written in from where each chapter landed.
3. **Footers.** A document of blank pages, one per page of the pack, that
   carries only "Page X of Y" where the footer goes.
4. **Join** (join.py): one tagged PDF, with one structure tree, one set of
   link targets and one outline.

Each part, the front and the footer layer is a document of its own, cached
by its own key (cache.py). So an edit renders again only the part that holds
it, the front if a chapter's first page moved, the footers if the page count
changed, and the join. Cutting at the same places each time is what makes
this pay: a part's chapters change only when a chapter in it is added,
removed, or grows or shrinks past the cut.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pikepdf

from . import join as joining
from .documents import CHAPTER_ANCHOR, Document
from .render import Rendered, RenderError, render_in_worker

#: About how much HTML goes into each part (ours has about 780,000 in all,
#: so 17 parts). Smaller parts cost more in start-up and fonts; larger ones
#: leave a core idle at the end and make an edit render more again.
PART_CHARS = 60_000

_ID = re.compile(r'\sid="([^"]+)"')
_CHAPTER_ID = re.compile(r'<section class="chapter[^"]*" id="([^"]+)"')
#: A chapter that flows on after the one before it (a short one): never the first of a part.
_FLOWS = '<section class="chapter chapter--flows'
_URL = re.compile(r'data-url="([^"]+)"')
_INTERNAL_LINK = re.compile(r'\shref="#([^"]+)"')
_CONTENTS_LINK = re.compile(rf'(<li class="contents__entry[^"]*"><a href="#({CHAPTER_ANCHOR}[^"]+)")>')

#: Parts and the front leave the footer to the footer layer.
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


def cache_identity() -> bytes:
    """What, besides its HTML and styles, goes into the joined pack: for its cache key."""
    code = Path(__file__).read_bytes() + Path(joining.__file__).read_bytes()
    sizes = f"{PART_CHARS} pikepdf {pikepdf.__version__}".encode()
    return hashlib.sha256(code + sizes).digest()


@dataclass(frozen=True)
class Plan:
    """How the pack is cut: the draft front (to count its pages), then the parts.

    ``stand_ins`` holds, for the front and each part, the anchors it carries
    only as stand-ins. ``every_id`` is every id in the pack, and
    ``chapters`` the chapters' own.
    """

    pack: Document
    front: Document
    parts: tuple[Document, ...]
    stand_ins: tuple[frozenset[str], ...]
    every_id: frozenset[str]
    chapters: frozenset[str]


def groups(chapters: tuple[str, ...], sections: tuple[str, ...], size: int) -> list[list[str]]:
    """The chapters cut into groups of about ``size`` characters, at places that stay put.

    A group ends before a chapter that would take it over ``size``, or
    before a chapter that opens a new section of the navigation once the
    group holds a third of ``size``. A chapter that flows on after the one
    before it (a short one) always stays with that one.
    """
    cut: list[list[str]] = []
    held = 0
    for index, chapter in enumerate(chapters):
        opens_section = index > 0 and index < len(sections) and sections[index] != sections[index - 1]
        full = held + len(chapter) > size or (opens_section and held >= size // 3)
        if not cut or (full and held and not chapter.startswith(_FLOWS)):
            cut.append([])
            held = 0
        cut[-1].append(chapter)
        held += len(chapter)
    return cut


def plan(pack: Document, part_chars: int | None = None) -> Plan:
    """Cut the pack's chapters into parts of about ``part_chars`` characters (:data:`PART_CHARS`)."""
    cut = groups(pack.parts[1:], pack.part_sections[1:], part_chars or PART_CHARS)
    every_id = frozenset(_ID.findall(pack.body))
    # The draft front has a number as wide as the pack's page numbers will
    # be (about 3,000 characters of HTML make a page) where each one goes.
    placeholder = int("8" * len(str(max(1, len(pack.body) // 3000))))
    draft, draft_stand_ins = _front(pack, defaultdict(lambda: placeholder), every_id)
    parts, stand_ins = [], [draft_stand_ins]
    for number, group in enumerate(cut, 1):
        body, missing = _with_stand_ins("\n".join(group), every_id)
        urls = [match for chapter in group for match in _URL.findall(chapter[:300])[:1]]
        where = f": {urls[0]}" + (f" to {urls[-1]}" if len(urls) > 1 else "") if urls else ""
        name = f"{pack.filename} (part {number} of {len(cut)}{where})"
        parts.append(replace(pack, filename=name, body=body, parts=(), part_sections=(), extra_css=_NO_FOOTER))
        stand_ins.append(missing)
    chapter_ids = frozenset(_CHAPTER_ID.findall(pack.body))
    return Plan(pack, draft, tuple(parts), tuple(stand_ins), every_id, chapter_ids)


@dataclass(frozen=True)
class Job:
    """One step in making the pack: ``function(*arguments)``, in a worker process.

    A render's ``document`` is what it is cached by; the join has none (the
    joined pack is cached as a whole).
    """

    kind: str  # "draft", "part", "front", "footers" or "join"
    name: str
    document: Document | None
    function: Callable[..., Rendered]
    arguments: tuple[Any, ...]
    #: Which part, for a part; which attempt at the front, for the front and footers.
    index: int = 0


def _render(kind: str, document: Document, site_root: str, index: int = 0) -> Job:
    return Job(kind, document.filename, document, render_in_worker, (document, site_root), index)


class PackJobs:
    """The jobs that make the pack, each given out when what it needs is done.

    First the draft front and the parts, all at once; then the front with
    its numbers and the footer layer, side by side; then the join.
    :meth:`first_jobs` gives the first; :meth:`done` takes each result and
    gives the jobs it lets start; :attr:`result` is the pack.
    """

    def __init__(self, pack_plan: Plan, site_root: str) -> None:
        self.plan = pack_plan
        self.site_root = site_root
        self.parts: dict[int, Rendered] = {}
        self.front_pages = 0
        self.front: Rendered | None = None
        self.footers: Rendered | None = None
        self.result: Rendered | None = None
        self._attempts = 0

    def first_jobs(self) -> list[Job]:
        jobs = [_render("draft", self.plan.front, self.site_root)]
        jobs += [_render("part", part, self.site_root, index) for index, part in enumerate(self.plan.parts)]
        return jobs

    def done(self, job: Job, result: Rendered) -> list[Job]:
        """Take the result of ``job``; return the jobs that can start now."""
        if job.kind == "join":
            self.result = result
            return []
        if job.kind in ("draft", "part"):
            if job.kind == "draft":
                self.front_pages = result.pages
            else:
                self.parts[job.index] = result
            if len(self.parts) < len(self.plan.parts) or not self.front_pages:
                return []
            return self._front_and_footers()
        if job.index != self._attempts:
            return []  # made for a front whose length has changed since; its successor is on the way
        if job.kind == "front" and result.pages != self.front_pages:
            # A wider number wrapped a title onto another page (rare):
            # number again from the new length.
            self.front_pages = result.pages
            return self._front_and_footers()
        if job.kind == "front":
            self.front = result
        elif result.pages != self._total():
            raise RenderError(
                f"{self.plan.pack.filename}: the page numbers came out as {result.pages} pages, "
                f"not {self._total()}; this is a bug in scripts/pdf/chapters.py"
            )
        else:
            self.footers = result
        if self.front is None or self.footers is None:
            return []
        return [Job("join", f"{self.plan.pack.filename} (joining)", None, joining.join_job, self.join_arguments())]

    @property
    def finished(self) -> bool:
        """Whether the pack is made, or its join is the only job left (true once :meth:`done` gave the join)."""
        return self.result is not None or (self.front is not None and self.footers is not None)

    def join_arguments(self) -> tuple[Any, ...]:
        assert self.front is not None and self.footers is not None
        parts = [self.front.pdf] + [self.parts[index].pdf for index in range(len(self.plan.parts))]
        seconds = sum(part.seconds for part in [*self.parts.values(), self.front, self.footers])
        return (parts, list(self.plan.stand_ins), self.footers.pdf, seconds)

    def _total(self) -> int:
        return self.front_pages + sum(part.pages for part in self.parts.values())

    def _front_and_footers(self) -> list[Job]:
        self._attempts += 1
        if self._attempts > 3:  # pragma: no cover - would need a contents whose length never settles
            raise RenderError(f"{self.plan.pack.filename}: the contents kept changing length; try again")
        self.front = self.footers = None
        front, _ = _front(self.plan.pack, self._chapter_starts(), self.plan.every_id)
        footers = _footer_layer(self.plan.pack, self._total())
        return [
            _render("front", front, self.site_root, self._attempts),
            _render("footers", footers, self.site_root, self._attempts),
        ]

    def _chapter_starts(self) -> dict[str, int]:
        """The page (from 1) where each chapter starts in the joined pack."""
        starts: dict[str, int] = {}
        offset = self.front_pages
        for index in range(len(self.plan.parts)):
            part = self.parts[index]
            for anchor, page in part.anchor_pages.items():
                if anchor in self.plan.chapters and anchor not in self.plan.stand_ins[index + 1]:
                    starts[anchor] = offset + page + 1
            offset += part.pages
        return starts


def make_in_this_process(pack_plan: Plan, site_root: str) -> tuple[Rendered, PackJobs]:
    """Every job of the pack, one after another in this process (for tests)."""
    build = PackJobs(pack_plan, site_root)
    waiting = build.first_jobs()
    while waiting:
        job = waiting.pop(0)
        waiting.extend(build.done(job, job.function(*job.arguments)))
    assert build.result is not None
    return build.result, build


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
