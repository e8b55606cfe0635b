"""Make every PDF for a built site, reusing what has not changed.

Usage: ``python -m scripts.pdf [--site site] [--cache .cache/pdf] [--jobs N]``

Prints a line per PDF as it is made or reused and a summary table at the
end, writes ``downloads/manifest.json``, fills the page counts and sizes
into the Downloads page, and checks that every link to a PDF resolves.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import itertools
import json
import multiprocessing
import multiprocessing.forkserver
import os
import re
import resource
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import chapters, memory, word
from .booklet import BookletJobs
from .cache import PdfCache, cache_key
from .chapters import Job, PackJobs
from .documents import Document, DocumentError, iter_documents
from .links import missing_pdfs
from .render import Rendered, RenderError, render_in_worker
from .site import BuiltSite, SiteError, human_size

MANIFEST_FORMAT = "action-learning-pack-downloads/1"


@dataclass(frozen=True)
class Made:
    document: Document
    pages: int
    size: int
    seconds: float
    cached: bool
    sha256: str
    #: CPU seconds of the renders (and the join) this build ran for it.
    cpu: float = 0.0


def _pages(count: int) -> str:
    return "1 page" if count == 1 else f"{count} pages"


def make_pdfs(site: BuiltSite, cache: PdfCache, jobs: int, log: Callable[[str], object] = print) -> list[Made]:
    """Render or reuse every document; raise RenderError naming every failure.

    Each free worker takes the next job: the pack's first (its parts, then
    its front and footers, then its join; see chapters.py), then the other
    documents, each assembled only when a worker is free for it. A job
    whose document is in the cache is done at once, without a worker.
    """
    log(f"Making the PDFs on {jobs} core{'s' if jobs != 1 else ''}...")
    run = _Run(site, cache, log)
    with _workers(jobs) as pool:
        running: dict[Future[Rendered], _Task] = {}
        while True:
            while len(running) < max(1, jobs) and (task := run.next_task()) is not None:
                running[pool.submit(task.job.function, *task.job.arguments)] = task
            if not running:
                break
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda future: run.order.index(running[future].owner.filename)):
                run.take(running.pop(future), future)
    return run.results()


#: How many jobs a worker process does before a fresh one takes its place.
#: WeasyPrint keeps a few megabytes from each render (fonts, caches), so a
#: worker that rendered a hundred parts of a large pack held hundreds of
#: megabytes more than it needed.
JOBS_PER_WORKER = 20


def _worker_context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["scripts.pdf.render", "scripts.pdf.join"])
    return context


def start_workers() -> None:
    """Start the server the workers are forked from now, so that it loads WeasyPrint while the site builds."""
    _worker_context()
    multiprocessing.forkserver.ensure_running()


def _workers(jobs: int) -> ProcessPoolExecutor:
    """The worker processes, started from a server process that has loaded WeasyPrint once.

    A fresh worker is then a fork of that server: it starts in milliseconds,
    with none of the memory an earlier worker had gathered.
    """
    context = _worker_context()
    return ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context, max_tasks_per_child=JOBS_PER_WORKER)


class _OnePiece:
    """The one job of a document rendered in one piece (every document but the pack)."""

    def __init__(self, document: Document, site_root: str) -> None:
        self.job = Job("whole", document.filename, None, render_in_worker, (document, site_root))
        self.result: Rendered | None = None

    def first_jobs(self) -> list[Job]:
        return [self.job]

    def done(self, job: Job, result: Rendered) -> list[Job]:
        self.result = result
        return []


@dataclass
class _Making:
    """A document being made: its cache key, its jobs, and what they have cost so far."""

    document: Document
    key: str
    jobs: PackJobs | _OnePiece | BookletJobs
    part_keys: list[str] = field(default_factory=list)
    rendered: int = 0
    reused: int = 0
    cpu: float = 0.0


@dataclass(frozen=True)
class _Task:
    """A job for a worker, the document it is for, and the job's own cache key (a part's)."""

    owner: Document
    job: Job
    key: str | None


class _Run:
    """One PDF build's queue of jobs, and what has been made, reused or has failed."""

    def __init__(self, site: BuiltSite, cache: PdfCache, log: Callable[[str], object]) -> None:
        self.site, self.cache, self.log = site, cache, log
        self.documents: Iterator[Document] | None = iter_documents(site)
        self.order: list[str] = []
        self.making: dict[str, _Making] = {}
        self.made: dict[str, Made] = {}
        self.failures: list[str] = []
        self.failed: set[str] = set()
        #: Jobs waiting for a worker: the pack's come first, then in the order they came.
        self.ready: list[tuple[int, int, _Task]] = []
        self.counter = itertools.count()

    def next_task(self) -> _Task | None:
        """The next job for a worker, or None when nothing is left to start."""
        while True:
            while self.ready:
                task = heapq.heappop(self.ready)[2]
                if task.owner.filename in self.failed:
                    continue
                cached = self.cache.get(task.key) if task.key else None
                if cached is None:
                    return task
                self.making[task.owner.filename].reused += 1
                self._finish(task, cached.rendered())
            if self.documents is None:
                return None
            document = next(self.documents, None)
            if document is None:
                # Every document is assembled: the pages read for them can go.
                self.documents = None
                self.site.forget_articles()
                memory.give_back()
                continue
            self._add(document)

    def _add(self, document: Document) -> None:
        self.order.append(document.filename)
        key = cache_key(document, self.site)
        cached = self.cache.get(key)
        if cached is not None:
            self._record(document, cached.rendered(), cached=True)
            self.log(f"  reused   {document.filename}")
            for note in cached.notes:
                self.log(f"    {note}")
            return
        root = str(self.site.root)
        if document.parts:
            pack_plan = chapters.plan(document)
            jobs: PackJobs | _OnePiece | BookletJobs = PackJobs(pack_plan, root)
            self.log(f"  {document.filename}: {len(pack_plan.parts)} parts, rendered side by side")
        elif document.booklet:
            jobs = BookletJobs(document, root)
        else:
            jobs = _OnePiece(document, root)
        self.making[document.filename] = _Making(document, key, jobs)
        for job in jobs.first_jobs():
            self._queue(document, job)

    def _queue(self, document: Document, job: Job) -> None:
        key = cache_key(job.document, self.site) if job.document is not None else None
        priority = 0 if document.parts else 1
        heapq.heappush(self.ready, (priority, next(self.counter), _Task(document, job, key)))

    def take(self, task: _Task, future: Future[Rendered]) -> None:
        """Take a worker's result: on to the next step, or a failure named with its PDF."""
        if task.owner.filename in self.failed:
            return  # the rest of a PDF that has failed is of no use
        try:
            result = future.result()
        except Exception as error:  # every failure is reported, with the PDF it stopped
            self.failures.append(_failure(task.job.name, error))
            self.log(f"  FAILED   {task.job.name}")
            self.failed.add(task.owner.filename)
            return
        making = self.making[task.owner.filename]
        making.rendered += 1
        making.cpu += result.cpu
        if task.key is not None:
            self.cache.put(task.key, result)
            self.log(f"  rendered {task.job.name}  ({_pages(result.pages)}, {result.seconds:.1f} s)")
            for note in result.notes:
                self.log(f"    {note}")
        try:
            self._finish(task, result)
        except RenderError as error:
            self.failures.append(str(error))
            self.failed.add(task.owner.filename)

    def _finish(self, task: _Task, result: Rendered) -> None:
        making = self.making[task.owner.filename]
        if task.key is not None:
            making.part_keys.append(task.key)
        for job in making.jobs.done(task.job, result):
            self._queue(making.document, job)
        if making.jobs.result is None:
            return
        made = making.jobs.result
        self.cache.put(making.key, made, making.part_keys)
        self._record(making.document, made, cached=False, cpu=making.cpu)
        steps = ""
        if isinstance(making.jobs, PackJobs):
            steps = f"; {making.rendered} of {making.rendered + making.reused} steps rendered, the rest from the cache"
        self.log(
            f"  rendered {making.document.filename}  ({_pages(made.pages)}, "
            f"{human_size(len(made.pdf))}, {made.seconds:.1f} s{steps})"
        )
        if not isinstance(making.jobs, PackJobs):
            for note in made.notes:
                self.log(f"    {note}")

    def _record(self, document: Document, result: Rendered, cached: bool, cpu: float = 0.0) -> None:
        _write(self.site.downloads_dir / document.filename, result.pdf)
        sha = _sha(result.pdf)
        self.made[document.filename] = Made(document, result.pages, len(result.pdf), result.seconds, cached, sha, cpu)

    def results(self) -> list[Made]:
        """Every PDF made, in the order of the Downloads page; or a RenderError naming every failure."""
        for filename, making in self.making.items():
            if filename not in self.failed and making.jobs.result is None:
                self.failures.append(f"{filename}: not every step finished; this is a bug in scripts/pdf/build.py")
        if self.failures:
            raise RenderError("\n".join(self.failures))
        return [self.made[filename] for filename in self.order]


def _failure(name: str, error: BaseException) -> str:
    """What to tell the reader when ``name`` could not be made."""
    if isinstance(error, RenderError):
        return str(error)
    if isinstance(error, BrokenProcessPool):
        return (
            f"{name}: a worker process stopped without finishing, most often because the machine "
            "ran out of memory; try again with fewer PDFs at once (--jobs 1)"
        )
    return f"{name}: {type(error).__name__}: {error} (this is a bug in scripts/pdf; please report it)"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_manifest(site: BuiltSite, made: list[Made]) -> dict[str, object]:
    listed = {download.file: download for download in site.downloads}
    manifest = {
        "format": MANIFEST_FORMAT,
        "title": site.title,
        "edition": site.identity["edition"],
        "documents": [
            {
                "file": item.document.filename,
                "title": item.document.title,
                "kind": item.document.kind,
                "pages": item.pages,
                "bytes": item.size,
                "sha256": item.sha256,
                # Which version of a document it is ("" for its own PDF), and the file it is a version of.
                "version": listed[item.document.filename].version,
                "version_of": listed[item.document.filename].version_of,
            }
            for item in made
        ],
    }
    path = site.downloads_dir / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


_PLACEHOLDER = re.compile(
    r'<(?P<tag>span|td) data-manifest-(?P<field>pages|pagecount|size)="(?P<file>[^"]+)">[^<]*</(?P=tag)>'
)


def fill_download_facts(site: BuiltSite, made: list[Made]) -> None:
    """Write each PDF's page count and size into the pages that list them."""
    facts = {item.document.filename: item for item in made}
    booklets = {download.file for download in site.downloads if download.version == "booklet"}

    def fill(match: re.Match[str]) -> str:
        if not match["file"].endswith(".pdf"):
            return match.group(0)  # not a PDF: filled in by its own step
        item = facts.get(match["file"])
        if item is None:
            raise SiteError(f"a page lists {match['file']}, but no such PDF was made")
        value = {
            "pages": lambda: str(item.pages),
            "pagecount": lambda: page_count(site, item.pages, sheets=match["file"] in booklets),
            "size": lambda: human_size(item.size),
        }[match["field"]]()
        return f'<{match["tag"]} data-manifest-{match["field"]}="{match["file"]}">{value}</{match["tag"]}>'

    for page in site.root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-manifest-" in text:
            page.write_text(_PLACEHOLDER.sub(fill, text), encoding="utf-8")


def page_count(site: BuiltSite, pages: int, sheets: bool = False) -> str:
    """The page count in words, in the site's language ("1 page", "12 pages"), for the Downloads page.

    For a booklet, whose pages are the sides of its sheets, the sheets to print on both sides ("3 sheets").
    """
    if sheets:
        count = (pages + 1) // 2
        return site.t("downloads.sheet_count_one") if count == 1 else site.t("downloads.sheet_count", count=count)
    return site.t("downloads.page_count_one") if pages == 1 else site.t("downloads.page_count", count=pages)


def summary_table(
    made: list[Made], seconds: float, jobs: int = 1, versions: dict[str, str] | None = None, pandoc_cpu: float = 0.0
) -> str:
    """A line per PDF, a line of totals, the cost of each other version, and the time against the floor.

    ``versions`` maps a file to its version ("large-print", say) where it is one (see macros/downloads.py).
    ``pandoc_cpu`` is the Word step's CPU-seconds: it shares the cores with the renders, so the floor counts it.

    The floor is the CPU time of every render and join this build ran,
    divided by the worker processes: no schedule on those cores could be
    faster. ``make bench`` reads the last line.
    """
    name_width = max(len(item.document.filename) for item in made)
    lines = [f"{'PDF'.ljust(name_width)}  {'pages':>5}  {'size':>8}  {'seconds':>7}"]
    for item in made:
        timing = "cached" if item.cached else f"{item.seconds:.1f}"
        lines.append(
            f"{item.document.filename.ljust(name_width)}  {item.pages:>5}  {human_size(item.size):>8}  {timing:>7}"
        )
    total_pages = sum(item.pages for item in made)
    total_size = sum(item.size for item in made)
    rendered = sum(1 for item in made if not item.cached)
    lines.append(
        f"{len(made)} PDFs, {total_pages} pages, {human_size(total_size)}; "
        f"{rendered} rendered, {len(made) - rendered} reused; {seconds:.1f} s"
    )
    for version in sorted({(versions or {}).get(item.document.filename) or "" for item in made} - {""}):
        files = [item for item in made if (versions or {}).get(item.document.filename) == version]
        lines.append(
            f"  of which {version}: {len(files)} file{'' if len(files) == 1 else 's'}, "
            f"{sum(item.cpu for item in files):.1f} CPU-seconds, "
            f"{human_size(sum(item.size for item in files))}"
        )
    cpu = sum(item.cpu for item in made)
    if cpu:
        floor = (cpu + pandoc_cpu) / max(1, jobs)
        word = f", and pandoc {pandoc_cpu:.1f} more for the Word files" if pandoc_cpu >= 0.05 else ""
        lines.append(
            f"Rendering took {cpu:.1f} CPU-seconds{word}; the floor on {jobs} worker{'s' if jobs != 1 else ''} "
            f"is {floor:.1f} s, and this step took {seconds / floor:.2f} times that"
        )
    return "\n".join(lines)


def build_pdfs(
    site_root: Path, cache_dir: Path, jobs: int | None = None, log: Callable[[str], object] = print
) -> list[Made]:
    started = time.monotonic()
    site = BuiltSite(site_root)
    cache = PdfCache(cache_dir)
    jobs = jobs or os.cpu_count() or 1
    children_before = _children_cpu()
    word_runner, word_files = word.start(site_root, cache_dir, jobs, log)  # beside the PDFs (see word.py)
    with word_runner:
        made = make_pdfs(site, cache, jobs, log)
    # The only processes of its own this step waits for are the Word step's pandoc runs (the PDF
    # workers are the forkserver's children), so this is pandoc's share of the cores.
    pandoc_cpu = _children_cpu() - children_before
    write_manifest(site, made)
    fill_download_facts(site, made)
    word.finish_step(site, word_files.result())
    cache.prune()
    problems = missing_pdfs(site)
    if problems:
        raise SiteError("links to PDFs that were not made:\n" + "\n".join(f"  {p}" for p in problems))
    versions = {download.file: download.version for download in site.downloads if download.version}
    log(summary_table(made, time.monotonic() - started, jobs, versions, pandoc_cpu))
    return made


def _children_cpu() -> float:
    """CPU-seconds of the child processes this process has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the PDFs for a built site.")
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--cache", type=Path, default=Path(".cache/pdf"))
    parser.add_argument("--jobs", type=int, default=None, help="PDFs to render at once (default: all cores)")
    args = parser.parse_args(argv)
    try:
        build_pdfs(args.site, args.cache, args.jobs)
    except (RenderError, DocumentError, SiteError) as error:
        print(f"PDF build failed:\n{error}", file=sys.stderr)
        return 1
    return 0
