"""``make serve``'s live PDFs (scripts/pdf/live.py): after each build, the PDFs catch up in the background.

The first tests drive :class:`LivePdfs` with a stand-in for the process that
renders, in a fraction of a second each. The tests marked ``build`` build
the tiny site: one calls the hooks' methods around real builds and real PDF
runs; one runs ``mkdocs serve`` itself and fetches the PDFs over HTTP.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.from_mkdocs import published_site_url
from scripts.pdf.live import FAILED, READY, LivePdfs

from .conftest import PROJECT, BuildResult, Project, make_project
from .pdf_tools import page_texts

#: A stand-in for ``python -m scripts.pdf.live``: argv is the snapshot, what to do, and the test's folder.
STAND_IN = textwrap.dedent(
    """
    import os, subprocess, sys, time
    from pathlib import Path

    site, mode, control = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    downloads = site / "downloads"
    downloads.mkdir(exist_ok=True)
    if mode.startswith("make:"):  # make:<contents>: make a.pdf, then wait for the test's word to finish
        (downloads / "a.pdf").write_text(mode)
        print(READY + "a.pdf", flush=True)
        page = site / "downloads.html"
        page.write_text(page.read_text().replace(">–<", ">3<"))
        while not (control / "go").exists():
            time.sleep(0.02)
        print("1 PDF made", flush=True)
    elif mode == "fail":
        print("a.pdf: the page guides/x.html sets colour: correct it", flush=True)
        sys.exit(1)
    elif mode == "hang":  # with a worker of its own, as the PDF build has
        worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        (control / "pids").write_text(f"{os.getpid()} {worker.pid} {site}")
        time.sleep(60)
    """
).replace("READY", repr(READY))

DOWNLOADS_PAGE = '<table><tr><td><a href="downloads/a.pdf">A</a></td><td><span data-manifest-pages="a.pdf">–</span></td></tr></table>'


class StandIn:
    """Each run of the stand-in does the next of ``modes``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.script = folder / "stand_in.py"
        self.script.write_text(STAND_IN, encoding="utf-8")
        self.modes: list[str] = []

    def __call__(self, snapshot: Path, cache: Path, jobs: int) -> list[str]:
        return [sys.executable, str(self.script), str(snapshot), self.modes.pop(0), str(self.folder)]

    def go(self) -> None:
        """Let the runs that make a PDF finish."""
        (self.folder / "go").write_text("")

    def pids(self) -> tuple[int, int, Path]:
        """The hanging run's own process, its worker's, and its snapshot, once it has started them."""
        wait_until(lambda: (self.folder / "pids").is_file())
        run, worker, snapshot = (self.folder / "pids").read_text().split()
        return int(run), int(worker), Path(snapshot)


@pytest.fixture
def served(tmp_path: Path) -> Path:
    """A served site folder as a build leaves it: pages, and no PDFs yet."""
    site = tmp_path / "served"
    site.mkdir()
    (site / "downloads.html").write_text(DOWNLOADS_PAGE, encoding="utf-8")
    return site


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[LivePdfs, StandIn, list[str]]]:
    lines: list[str] = []
    stand_in = StandIn(tmp_path)
    pdfs = LivePdfs(tmp_path / "cache", log=lines.append, command=stand_in)
    yield pdfs, stand_in, lines
    pdfs.close()


def rebuild(site: Path) -> None:
    """What MkDocs does to the served folder on a save: empty it and write the pages again."""
    shutil.rmtree(site)
    site.mkdir()
    (site / "downloads.html").write_text(DOWNLOADS_PAGE, encoding="utf-8")


def wait_until(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def make_first_pdfs(pdfs: LivePdfs, stand_in: StandIn, site: Path) -> None:
    stand_in.modes.append("make:first")
    stand_in.go()
    pdfs.build_started()
    pdfs.build_finished(site)
    assert pdfs.wait(10)


def test_a_pdf_is_served_as_soon_as_it_is_made_and_its_facts_when_all_are(
    live: tuple[LivePdfs, StandIn, list[str]], served: Path
) -> None:
    pdfs, stand_in, lines = live
    stand_in.modes.append("make:first")
    pdfs.build_started()
    pdfs.build_finished(served)
    wait_until(lambda: (served / "downloads" / "a.pdf").is_file())
    assert (served / "downloads" / "a.pdf").read_text() == "make:first"
    assert not pdfs.wait(0), "the run is still going"
    assert ">–<" in (served / "downloads.html").read_text(), "the page counts come when every PDF is made"
    stand_in.go()
    assert pdfs.wait(10)
    assert '<span data-manifest-pages="a.pdf">3</span>' in (served / "downloads.html").read_text()
    assert "1 PDF made" in lines
    assert any("up to date in the preview" in line for line in lines), lines
    assert not any(READY in line for line in lines), "the stand-in's notes are not shown"


def test_a_rebuild_puts_the_pdfs_made_so_far_back_at_once(
    live: tuple[LivePdfs, StandIn, list[str]], served: Path
) -> None:
    pdfs, stand_in, _ = live
    make_first_pdfs(pdfs, stand_in, served)
    pdfs.build_started()
    rebuild(served)
    stand_in.modes.append("hang")
    pdfs.build_finished(served)
    # Before the new run has made anything: the last PDFs and their facts are back.
    assert (served / "downloads" / "a.pdf").read_text() == "make:first"
    assert '<span data-manifest-pages="a.pdf">3</span>' in (served / "downloads.html").read_text()


def test_a_rebuild_stops_the_running_pdfs_and_their_workers(
    live: tuple[LivePdfs, StandIn, list[str]], served: Path, tmp_path: Path
) -> None:
    pdfs, stand_in, lines = live
    stand_in.modes.append("hang")
    pdfs.build_started()
    pdfs.build_finished(served)
    run, worker, _ = stand_in.pids()
    pdfs.build_started()
    assert any("stopped the PDFs of the previous build" in line for line in lines), lines
    wait_until(lambda: not running(worker))
    assert not running(run)
    rebuild(served)
    stand_in.modes.append("make:second")
    stand_in.go()
    pdfs.build_finished(served)
    assert pdfs.wait(10)
    assert (served / "downloads" / "a.pdf").read_text() == "make:second"


def test_a_failure_is_reported_and_the_preview_keeps_its_pdfs(
    live: tuple[LivePdfs, StandIn, list[str]], served: Path
) -> None:
    pdfs, stand_in, lines = live
    make_first_pdfs(pdfs, stand_in, served)
    pdfs.build_started()
    rebuild(served)
    stand_in.modes.append("fail")
    pdfs.build_finished(served)
    assert pdfs.wait(10)
    assert "a.pdf: the page guides/x.html sets colour: correct it" in lines
    assert any(line.startswith(f"PDFs not updated: {FAILED}.") for line in lines), lines
    assert (served / "downloads" / "a.pdf").read_text() == "make:first"
    assert '<span data-manifest-pages="a.pdf">3</span>' in (served / "downloads.html").read_text()


def test_close_stops_the_run_and_removes_the_side_folders(
    live: tuple[LivePdfs, StandIn, list[str]], served: Path
) -> None:
    pdfs, stand_in, _ = live
    stand_in.modes.append("hang")
    pdfs.build_started()
    pdfs.build_finished(served)
    run, worker, snapshot = stand_in.pids()
    assert snapshot.is_dir()
    pdfs.close()
    wait_until(lambda: not running(worker))
    assert not running(run)
    assert not snapshot.parent.exists(), "the side folder, with its snapshots and PDFs, is gone"


def test_while_serving_the_pack_names_the_published_address_not_the_previews(tmp_path: Path) -> None:
    """`mkdocs serve` sets site_url to its own address; the PDFs, like `make`'s, link to the published site."""
    (tmp_path / "base.yml").write_text("site_name: Pack\nsite_url: https://example.org/pack\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\n", encoding="utf-8")
    serving = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), site_url="http://127.0.0.1:8000/pack/")
    assert published_site_url(serving) == "https://example.org/pack/"
    (tmp_path / "base.yml").write_text("site_name: Pack\n", encoding="utf-8")
    assert published_site_url(serving) is None


def running(pid: int) -> bool:
    """Whether ``pid`` is alive (a zombie, waiting for its parent to collect it, is not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


# -- with the tiny site ------------------------------------------------------------------


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rendered(lines: list[str]) -> set[str]:
    return {line.split()[1] for line in lines if line.lstrip().startswith("rendered ")}


def build_into(project: Project, served: Path) -> None:
    """``mkdocs build`` as ``serve`` runs it, into the same folder each time, with the pages linking to PDFs."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", PACK_PDFS="true")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project.root / "mkdocs.yml")]
    result = subprocess.run(
        [*command, "-d", str(served)], capture_output=True, text=True, env=environment, cwd=PROJECT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.build
def test_after_a_save_only_the_changed_pdfs_are_made_again_and_served(
    built_tiny_site: BuildResult, tiny_project: Project, tmp_path: Path
) -> None:
    cache = tiny_project.root / ".cache" / "pdf"
    shutil.copytree(built_tiny_site.site.parent / ".cache" / "pdf", cache)  # as `make` left it
    served = tmp_path / "served"
    lines: list[str] = []
    pdfs = LivePdfs(cache, jobs=1, log=lines.append)
    try:
        pdfs.build_started()
        build_into(tiny_project, served)
        pdfs.build_finished(served)
        assert pdfs.wait(120), lines
        assert rendered(lines) == set(), f"make's cache serves the preview too: {lines}"
        made = {path.relative_to(served).as_posix(): sha(path) for path in (served / "downloads").rglob("*.pdf")}
        assert made == {
            path.relative_to(built_tiny_site.site).as_posix(): sha(path)
            for path in (built_tiny_site.site / "downloads").rglob("*.pdf")
        }
        downloads_page = (served / "downloads.html").read_text(encoding="utf-8")
        assert 'data-manifest-pages="handouts/example-minimal.pdf">1<' in downloads_page

        lines.clear()
        tiny_project.edit(
            "pack/cards/example-minimal.yml", "Sit it out even if it feels long.", "Sit it out however long it feels."
        )
        pdfs.build_started()
        build_into(tiny_project, served)
        pdfs.build_finished(served)
        handout = served / "downloads" / "handouts" / "example-minimal.pdf"
        assert sha(handout) == made["downloads/handouts/example-minimal.pdf"], "the last PDF, back at once"
        assert pdfs.wait(120), lines
        # The card's handout, its large print and its Word version.
        handouts = {
            "handouts/example-minimal.pdf",
            "large-print/handouts/example-minimal.pdf",
            "word/handouts/example-minimal.docx",
        }
        assert {name for name in rendered(lines) if not name.startswith("pack")} == handouts
        assert "Sit it out however long it feels." in " ".join(page_texts(handout))
        for name, before in made.items():
            if name.removeprefix("downloads/") not in handouts and not name.startswith("downloads/pack"):
                assert sha(served / name) == before, name
    finally:
        pdfs.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return bytes(response.read())
    except (urllib.error.URLError, ConnectionError):  # not found yet, or the server not listening yet
        return None


def fetch_until(url: str, wanted: Callable[[bytes], bool], seconds: float = 120) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        body = fetch(url)
        if body is not None and wanted(body):
            return body
        assert time.monotonic() < deadline, f"{url} did not come as wanted in {seconds} s"
        time.sleep(0.2)


@pytest.mark.build
def test_mkdocs_serve_serves_the_pdfs_and_remakes_them_after_a_save(tmp_path: Path) -> None:
    project = make_project(tmp_path / "tiny", PROJECT / "tests" / "fixtures" / "sites" / "tiny")
    port = free_port()
    log = tmp_path / "serve.log"
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", PACK_PDFS="true")
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project.root / "mkdocs.yml")]
    with log.open("w") as output:
        server = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
            cwd=PROJECT,
            # Ctrl-C's signal stops it as at a terminal (a shell may have started the tests ignoring it).
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        handout = base + "downloads/handouts/example-minimal.pdf"
        first = fetch_until(handout, lambda body: body.startswith(b"%PDF"))
        # The Downloads page gives the pack's pages once the PDFs are made: as many as the served pack has.
        pack = fetch_until(base + "downloads/pack.pdf", lambda body: body.startswith(b"%PDF"))
        (tmp_path / "pack.pdf").write_bytes(pack)
        pages = f'data-manifest-pages="pack.pdf">{len(page_texts(tmp_path / "pack.pdf"))}<'.encode()
        fetch_until(base + "downloads.html", lambda body: pages in body)
        assert json.loads(fetch(base + "api/pack.json") or b"{}")["site_url"] is None, "as make has it"
        project.edit(
            "pack/cards/example-minimal.yml", "Sit it out even if it feels long.", "Sit it out however long it feels."
        )
        second = fetch_until(handout, lambda body: body.startswith(b"%PDF") and body != first)
        (tmp_path / "second.pdf").write_bytes(second)
        assert "Sit it out however long it feels." in " ".join(page_texts(tmp_path / "second.pdf"))
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    output_text = log.read_text()
    assert "Traceback" not in output_text, output_text
    assert "PDFs    -    rendered handouts/example-minimal.pdf" in output_text, output_text
