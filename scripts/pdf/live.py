"""Live PDFs for ``make serve``: after every build of the preview, the PDFs catch up in the background.

MkDocs' ``serve`` empties its site folder and builds it again on every save,
calling the plugin's hooks around each build (``macros/plugin.py``):

- :meth:`LivePdfs.build_started` (``on_pre_build``) stops the PDF process of
  the build before, if it is still running, with every worker it started:
  its work is out of date, and the PDFs it finished are in the cache.
- :meth:`LivePdfs.build_finished` (``on_post_build``) copies the built site
  to a snapshot that no later build touches; puts the PDFs made so far back
  into the served ``downloads/`` (hard links to a side folder, so at once)
  with their page counts and sizes in the pages that list them, so that
  download links keep working; and starts ``python -m scripts.pdf.live`` on
  the snapshot, which runs :func:`scripts.pdf.build.build_pdfs` with the
  cache ``make`` uses, so that only what changed is rendered.
- Each PDF goes into the served folder as soon as it is made; when the
  process ends, its PDFs and their facts become the side folder's, and the
  Downloads page's counts and sizes are brought up to date.
- :meth:`LivePdfs.build_failed` (``on_build_error``) and
  :meth:`LivePdfs.close` (``on_shutdown``) stop what is running.

Progress and problems are printed to the console; a failure leaves the
preview serving the PDFs it had, and the next save tries again. Nothing here
imports WeasyPrint or MkDocs: only the process that renders loads WeasyPrint.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: The folder this code is imported from: the process that renders runs there, to import the same code.
CODE_ROOT = Path(__file__).resolve().parents[2]

#: What ``make`` says when the PDFs fail, after listing the problems.
FAILED = "the PDFs could not be made: fix the problems listed above"

#: How the process that renders says a file in the snapshot's downloads/ is finished (never a log line).
READY = "\x1eready "

#: A PDF's page count or size in a built page: "–" until the PDF build fills it in.
_FACT = re.compile(
    r'<(?P<tag>span|td) data-manifest-(?P<field>pages|pagecount|size)="(?P<file>[^"]+\.pdf)">'
    r"(?P<value>[^<]*)</(?P=tag)>"
)

Log = Callable[[str], object]
#: The command that brings a snapshot's PDFs up to date: (snapshot, cache, jobs) -> argv.
Command = Callable[[Path, Path, int], list[str]]
Facts = dict[tuple[str, str], str]

_console_lock = threading.Lock()


def console(line: str) -> None:
    """Print a line to the serve console, beside MkDocs' own (``INFO    -  ...``)."""
    with _console_lock:
        sys.stderr.write(f"PDFs    -  {line}\n")
        sys.stderr.flush()


def render_command(snapshot: Path, cache: Path, jobs: int) -> list[str]:
    """The process that makes a snapshot's PDFs (see :func:`main`)."""
    arguments = ["--site", snapshot, "--cache", cache, "--jobs", jobs, "--parent", os.getpid()]
    return [sys.executable, "-m", "scripts.pdf.live", *map(str, arguments)]


@dataclass
class _Run:
    """One PDF process, on the snapshot of one build."""

    generation: int
    snapshot: Path
    process: subprocess.Popen[str]
    started: float
    stopped: bool = False


class LivePdfs:
    """Keeps a served site's PDFs up to date, one background process at a time."""

    def __init__(
        self, cache_dir: Path, *, jobs: int | None = None, log: Log = console, command: Command = render_command
    ) -> None:
        self.cache_dir = cache_dir.resolve()
        self.jobs = jobs or os.cpu_count() or 1
        self._log = log
        self._command = command
        self._work = Path(tempfile.mkdtemp(prefix="pack-live-pdfs-"))
        #: The PDFs (and manifest) of the last good run, laid out as in downloads/.
        self._made: Path | None = None
        self._facts: Facts = {}
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        #: Counts builds: a run publishes only into the build it was started for.
        self._generation = 0
        #: The served site folder, while its build is complete and the latest.
        self._served: Path | None = None
        #: The files under the served downloads/ that were put there from a run.
        self._published: set[str] = set()
        self._run: _Run | None = None

    def build_started(self) -> None:
        """MkDocs is about to empty and rebuild the served folder: stop writing into it, and stop any run.

        A run still going is for a build that this one replaces; stopping it
        leaves the cores to the pages, and the PDFs it finished are cached.
        """
        with self._lock:
            self._generation += 1
            self._served = None
            if self._run is not None:
                self._stop(self._run, "stopped the PDFs of the previous build; they start again on this one")

    def build_finished(self, site_dir: Path) -> None:
        """After a good build: put the PDFs made so far back, and start bringing them up to date."""
        site_dir = site_dir.resolve()
        with self._lock:
            snapshot = Path(tempfile.mkdtemp(prefix="build-", dir=self._work))
            # Copied before the PDFs go back in: the run writes its own.
            shutil.copytree(site_dir, snapshot, dirs_exist_ok=True)
            self._served = site_dir
            self._published = set()
            self._put_back()
            if self._run is not None:  # only if the server skipped build_started
                self._stop(self._run, "stopped the PDFs of the previous build; they start again on this one")
            self._start(snapshot)

    def build_failed(self) -> None:
        """The build failed after all (MkDocs' strict mode counts warnings last): stop its PDFs."""
        with self._lock:
            self._served = None
            if self._run is not None and self._run.generation == self._generation:
                self._stop(self._run, "the build failed, so its PDFs are not made; the next good build makes them")

    def wait(self, timeout: float) -> bool:
        """Wait until no PDF process runs; False if one still does after ``timeout`` seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: self._run is None, timeout)

    def close(self) -> None:
        """Stop any PDF process and remove the side folders (when the server stops)."""
        with self._lock:
            run, self._run, self._served = self._run, None, None
            if run is not None:
                self._stop(run, None)
                run.stopped = True  # even if it has just ended: its PDFs go with the side folder
        shutil.rmtree(self._work, ignore_errors=True)

    # -- inside the lock ---------------------------------------------------------

    def _start(self, snapshot: Path) -> None:
        process = subprocess.Popen(
            self._command(snapshot, self.cache_dir, self.jobs),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=CODE_ROOT,  # so that `-m scripts...` imports this very code
            env=dict(os.environ, PYTHONUNBUFFERED="1"),
            start_new_session=True,  # its own process group, so that stopping it stops its workers too
        )
        self._run = _Run(self._generation, snapshot, process, time.monotonic())
        self._log("bringing the PDFs up to date in the background...")
        threading.Thread(target=self._watch, args=(self._run,), name="live-pdfs", daemon=True).start()

    def _stop(self, run: _Run, why: str | None) -> None:
        """Stop a run that is still going; one that has just ended is left to its watcher."""
        if run.process.poll() is not None:  # ended: its PDFs are good, for the builds to come
            return
        run.stopped = True  # not yet reaped, so its process group is still the one we started
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.process.pid, signal.SIGTERM)
        _wait_or_kill(run.process)  # gone before the next run, so that two never share the cache
        if why:
            self._log(why)

    def _put_back(self) -> None:
        """Put the last good PDFs into the served downloads/, and their facts into its pages."""
        if self._served is None or self._made is None:
            return
        made = {path.relative_to(self._made).as_posix() for path in _files(self._made)}
        downloads = self._served / "downloads"
        for gone in self._published - made:
            with contextlib.suppress(FileNotFoundError):
                (downloads / gone).unlink()
        for relative in sorted(made):
            _link(self._made / relative, downloads / relative)
        self._published = made
        fill_facts(self._served, self._facts)

    def _adopt(self, run: _Run) -> None:
        """A run has made every PDF: keep them, and serve them if its build is still the one served."""
        facts = read_facts(run.snapshot)
        fresh = run.snapshot.with_name(run.snapshot.name + "-made")
        (run.snapshot / "downloads").rename(fresh)
        if self._made is not None:
            shutil.rmtree(self._made, ignore_errors=True)
        self._made, self._facts = fresh, facts
        if run.generation == self._generation and self._served is not None:
            self._put_back()
            self._log(f"the PDFs are up to date in the preview, {time.monotonic() - run.started:.1f} s after the build")

    # -- in the run's own thread -------------------------------------------------

    def _ready(self, run: _Run, relative: str) -> None:
        """Serve a PDF as soon as it is made, ahead of the rest (its page count and size follow at the end)."""
        with self._lock:
            if run.stopped or run.generation != self._generation or self._served is None:
                return
            source = run.snapshot / "downloads" / relative
            if ".." in Path(relative).parts or not source.is_file():
                return
            # A copy: the run's own file is not the preview's to share while the run goes on.
            _link(source, self._served / "downloads" / relative, copy=True)
            self._published.add(relative)

    def _watch(self, run: _Run) -> None:
        """Relay the run's output to the console; when it ends, take its PDFs or report its failure."""
        assert run.process.stdout is not None
        for line in run.process.stdout:
            if run.stopped:
                continue
            if line.startswith(READY):
                self._ready(run, line.removeprefix(READY).rstrip("\n"))
            else:
                self._log(line.rstrip("\n"))
        code = run.process.wait()
        with self._lock:
            try:
                if run.stopped:
                    pass
                elif code == 0:
                    self._adopt(run)
                else:
                    self._log(f"PDFs not updated: {FAILED}. The preview keeps the PDFs it had; save to try again.")
            except OSError as error:  # the side folder went missing: say so, and keep serving
                self._log(f"PDFs not updated: {error}")
            finally:
                if self._run is run:
                    self._run = None
                self._changed.notify_all()
        shutil.rmtree(run.snapshot, ignore_errors=True)


def read_facts(site: Path) -> Facts:
    """Every PDF's page count and size as the PDF build filled them into the site's pages."""
    facts: Facts = {}
    for _page, text in _pages_with_facts(site):
        for match in _FACT.finditer(text):
            facts[(match["field"], match["file"])] = match["value"]
    return facts


def fill_facts(site: Path, facts: Facts) -> None:
    """Write the page counts and sizes known into the site's pages, leaving the others as they are."""

    def fill(match: re.Match[str]) -> str:
        value = facts.get((match["field"], match["file"]), match["value"])
        return f'<{match["tag"]} data-manifest-{match["field"]}="{match["file"]}">{value}</{match["tag"]}>'

    for page, text in _pages_with_facts(site):
        filled = _FACT.sub(fill, text)
        if filled != text:
            temporary = page.with_name(f".{page.name}.live")
            temporary.write_text(filled, encoding="utf-8")
            os.replace(temporary, page)  # whole, for a reader fetching the page at that moment


def _pages_with_facts(site: Path) -> Iterator[tuple[Path, str]]:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-manifest-" in text:
            yield page, text


def _files(folder: Path) -> Iterator[Path]:
    return (path for path in folder.rglob("*") if path.is_file())


def _link(source: Path, target: Path, *, copy: bool = False) -> None:
    """Put ``source`` at ``target`` in one step: a hard link if the disk allows (and not ``copy``), else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.live")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    if not copy:
        try:
            os.link(source, temporary)
        except OSError:  # another disk, or one without hard links
            copy = True
    if copy:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def _wait_or_kill(process: subprocess.Popen[str], seconds: float = 10) -> None:
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # not reaped yet, so still our own process group
        process.wait()


# -- the process that renders ------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Bring a snapshot's PDFs up to date, quietly: what is rendered, what failed, the total."""
    parser = argparse.ArgumentParser(description="Make the PDFs of a snapshot of the served site.")
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--parent", type=int, default=None, help="stop if this process (the server) stops")
    args = parser.parse_args(argv)
    if args.parent:
        threading.Thread(target=_stop_with_parent, args=(args.parent,), daemon=True).start()
    with contextlib.suppress(OSError):
        os.nice(10)  # the preview's own rebuilds come first
    # Imported here, in this process only: the server itself never loads WeasyPrint.
    from .build import build_pdfs
    from .documents import DocumentError
    from .render import RenderError
    from .site import SiteError

    try:
        build_pdfs(args.site, args.cache, args.jobs, log=_Reporter(args.site / "downloads"))
    except (RenderError, DocumentError, SiteError) as error:
        print(str(error), flush=True)
        return 1
    return 0


class _Reporter:
    """The PDF build's log, brief, and the files it has finished in downloads/, as they come.

    The build writes each PDF before it logs it, in the same thread, so at each
    log line every file written so far is whole. The log leaves out a line
    for every PDF reused, and gives only the last line (the totals) of the
    summary table.
    """

    def __init__(self, downloads: Path) -> None:
        self.downloads = downloads
        self.seen = self._state()

    def _state(self) -> dict[str, tuple[int, int]]:
        if not self.downloads.is_dir():
            return {}
        return {
            path.relative_to(self.downloads).as_posix(): (path.stat().st_mtime_ns, path.stat().st_size)
            for path in _files(self.downloads)
        }

    def __call__(self, message: str) -> None:
        state = self._state()
        for relative in sorted(state):
            if self.seen.get(relative) != state[relative]:
                print(READY + relative, flush=True)
        self.seen = state
        lines = str(message).splitlines()
        if len(lines) > 1:
            print(lines[-1], flush=True)
        elif not message.lstrip().startswith("reused"):
            print(message, flush=True)


def _stop_with_parent(parent: int) -> None:
    """End this process and its workers if the server went without stopping them (killed, say)."""
    if os.getpgrp() != os.getpid():
        return  # not the leader of a process group of its own: leave stopping to whoever started it
    while os.getppid() == parent:
        time.sleep(1)
    os.killpg(os.getpgrp(), signal.SIGTERM)


if __name__ == "__main__":
    sys.exit(main())
