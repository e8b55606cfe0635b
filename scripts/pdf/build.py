"""Make every PDF for a built site, reusing what has not changed.

Usage: ``python -m scripts.pdf [--site site] [--cache .cache/pdf] [--jobs N]``

Prints a line per PDF as it is made or reused and a summary table at the
end, writes ``downloads/manifest.json``, fills the page counts and sizes
into the Downloads page, and checks that every link to a PDF resolves.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from . import memory, volumes
from .cache import PdfCache, cache_key
from .documents import Document, DocumentError, iter_documents
from .links import missing_pdfs
from .render import Rendered, RenderError, render_in_worker
from .site import BuiltSite, SiteError

MANIFEST_FORMAT = "action-learning-pack-downloads/1"


@dataclass(frozen=True)
class Made:
    document: Document
    pages: int
    size: int
    seconds: float
    cached: bool
    sha256: str


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} kB"


def make_pdfs(site: BuiltSite, cache: PdfCache, jobs: int, log: Callable[[str], object] = print) -> list[Made]:
    """Render or reuse every document; raise RenderError naming every failure.

    Documents are assembled one by one and each goes to a worker as soon as
    it is ready, the pack first: it takes longest, so the other documents
    are assembled and rendered while it renders. A pack too big to render in
    one piece goes as volumes, and is finished when the last volume is done
    (see volumes.py).
    """
    downloads = site.root / "downloads"
    made: dict[str, Made] = {}
    order: list[str] = []
    failures: list[str] = []
    log(f"Making the PDFs on {jobs} core{'s' if jobs != 1 else ''}...")

    def finished(document: Document, key: str, result: Rendered) -> None:
        cache.put(key, result.pdf, result.pages)
        _write(downloads / document.filename, result.pdf)
        made[document.filename] = Made(document, result.pages, len(result.pdf), result.seconds, False, _sha(result.pdf))
        log(
            f"  rendered {document.filename}  ({result.pages} pages, "
            f"{human_size(len(result.pdf))}, {result.seconds:.1f} s)"
        )
        for note in result.notes:
            log(f"    {note}")

    #: Joins of large packs wait until the workers have gone, so that their
    #: memory is free for the join (see volumes.py).
    joins: list[tuple[Document, str, volumes.Job]] = []
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        #: What each running job is for: its document, cache key, and the
        #: large pack it is a piece of (None for a document in one piece).
        running: dict[Future[Rendered], tuple[Document, str, volumes.Job | None]] = {}
        large: dict[str, volumes.PackInVolumes] = {}

        def submit(document: Document, key: str, job: volumes.Job) -> None:
            if job.kind == "join":
                joins.append((document, key, job))
            else:
                running[pool.submit(job.function, *job.arguments)] = (document, key, job)

        for document in iter_documents(site):
            order.append(document.filename)
            key = cache_key(document, site)
            cached = cache.get(key)
            if cached is not None:
                _write(downloads / document.filename, cached.pdf)
                made[document.filename] = Made(document, cached.pages, len(cached.pdf), 0.0, True, _sha(cached.pdf))
                log(f"  reused   {document.filename}")
            elif volumes.needs_volumes(document):
                plan = volumes.plan(document)
                large[document.filename] = volumes.PackInVolumes(plan, str(site.root))
                log(f"  {document.filename} is large: rendering it in {len(plan.volumes) - 1} volumes")
                for first in large[document.filename].first_jobs():
                    submit(document, key, first)
            else:
                running[pool.submit(render_in_worker, document, str(site.root))] = (document, key, None)
        failed_packs: set[str] = set()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: order.index(running[f][0].filename)):
                document, key, job = running.pop(future)
                name = job.name if job else document.filename
                if future.cancelled() or document.filename in failed_packs:
                    continue
                try:
                    result = future.result()
                    if job is not None:
                        for following in large[document.filename].done(job, result):
                            submit(document, key, following)
                        log(f"  rendered {job.name}  ({result.pages} pages, {result.seconds:.1f} s)")
                        for note in result.notes:
                            log(f"    {note}")
                        continue
                except Exception as error:  # every failure is reported, with the PDF it stopped
                    failures.append(_failure(name, error))
                    log(f"  FAILED   {name}")
                    if job is not None:
                        # The rest of this pack is of no use now: stop what has not started.
                        failed_packs.add(document.filename)
                        for other, (other_document, _, _) in running.items():
                            if other_document.filename == document.filename:
                                other.cancel()
                    continue
                finished(document, key, result)
        for filename, pack in large.items():
            if filename not in failed_packs and not pack.finished:
                failures.append(f"{filename}: its volumes did not all finish; this is a bug in scripts/pdf/volumes.py")
    for document, key, job in joins:
        log(f"  joining {document.filename}...")
        site.forget_articles()
        memory.give_back()
        try:
            finished(document, key, job.function(*job.arguments))
        except Exception as error:  # reported with the PDF it stopped
            failures.append(_failure(job.name, error))
            log(f"  FAILED   {job.name}")
    if failures:
        raise RenderError("\n".join(failures))
    return [made[filename] for filename in order]


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
            }
            for item in made
        ],
    }
    path = site.downloads_dir / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


_PLACEHOLDER = re.compile(r'<(?P<tag>span|td) data-manifest-(?P<field>pages|size)="(?P<file>[^"]+)">[^<]*</(?P=tag)>')


def fill_download_facts(site: BuiltSite, made: list[Made]) -> None:
    """Write each PDF's page count and size into the pages that list them."""
    facts = {item.document.filename: item for item in made}

    def fill(match: re.Match[str]) -> str:
        if not match["file"].endswith(".pdf"):
            return match.group(0)  # not a PDF: filled in by its own step
        item = facts.get(match["file"])
        if item is None:
            raise SiteError(f"a page lists {match['file']}, but no such PDF was made")
        value = str(item.pages) if match["field"] == "pages" else human_size(item.size)
        return f'<{match["tag"]} data-manifest-{match["field"]}="{match["file"]}">{value}</{match["tag"]}>'

    for page in site.root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-manifest-" in text:
            page.write_text(_PLACEHOLDER.sub(fill, text), encoding="utf-8")


def fill_download_size(site_root: Path, file: str, size: int) -> None:
    """Write the size of a download that is not a PDF (the site zip) into the pages that list it."""
    pattern = re.compile(rf'<(span|td) data-manifest-size="{re.escape(file)}">[^<]*</\1>')
    for page in site_root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if f'data-manifest-size="{file}"' in text:
            text = pattern.sub(lambda m: f'<{m[1]} data-manifest-size="{file}">{human_size(size)}</{m[1]}>', text)
            page.write_text(text, encoding="utf-8")


def summary_table(made: list[Made], seconds: float) -> str:
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
    return "\n".join(lines)


def build_pdfs(
    site_root: Path, cache_dir: Path, jobs: int | None = None, log: Callable[[str], object] = print
) -> list[Made]:
    started = time.monotonic()
    site = BuiltSite(site_root)
    cache = PdfCache(cache_dir)
    made = make_pdfs(site, cache, jobs or os.cpu_count() or 1, log)
    write_manifest(site, made)
    fill_download_facts(site, made)
    cache.prune()
    problems = missing_pdfs(site)
    if problems:
        raise SiteError("links to PDFs that were not made:\n" + "\n".join(f"  {p}" for p in problems))
    log(summary_table(made, time.monotonic() - started))
    return made


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
