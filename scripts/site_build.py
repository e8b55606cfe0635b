"""Run MkDocs into a scratch folder and swap the result in only on success.

A failed build must never leave a half-written site where a good one was.
The site is built into a sibling folder of ``site/`` (so the final move is
a rename on the same disk), and ``site/`` is replaced only when every step
has passed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from macros.merge_conflicts import scan_project
from macros.problems import ContentError


class BuildError(Exception):
    """A build step failed; the message says which, and the site is untouched."""


def refuse_merge_conflicts(config_file: Path) -> None:
    """Stop before anything is parsed if Git left conflict markers in a file the build reads.

    The config is scanned first (MkDocs cannot read it with markers in), then
    the pages, the pack, the strings and the overlay folder it names. Every
    conflict is listed; raise BuildError if there is any.
    """
    problems = scan_project(config_file)
    if problems:
        print(ContentError(problems).report(), file=sys.stderr, flush=True)
        raise BuildError("Git left merge conflicts in the files listed above; resolve them first")


def load_mkdocs_config(config_file: Path) -> MkDocsConfig:
    """The merged config (mkdocs.yml with config/base.yml), without building."""
    return load_config(str(config_file))


def edition_date(config_file: Path) -> dt.date:
    """The edition date from the identity, or 1 January 1980 if it cannot be read.

    A config that cannot be read at all is reported by MkDocs itself, with
    its own message, when the build runs; here it only means no date.
    """
    try:
        config = load_mkdocs_config(config_file)
    except Exception:  # any config error is MkDocs' to report, in its own words
        return dt.date(1980, 1, 1)
    identity = config.extra.get("identity")
    edition = identity.get("edition") if isinstance(identity, dict) else None
    return edition if isinstance(edition, dt.date) else dt.date(1980, 1, 1)


def edition_epoch(config_file: Path) -> str:
    """SOURCE_DATE_EPOCH for the edition date, so builds do not depend on the clock."""
    moment = dt.datetime.combine(edition_date(config_file), dt.time(), tzinfo=dt.UTC)
    return str(int(moment.timestamp()))


def run_mkdocs(
    config_file: Path,
    site_dir: Path,
    extra_env: dict[str, str] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> None:
    """``mkdocs build --strict`` into ``site_dir``; raise BuildError on any problem.

    ``meanwhile`` runs in this process while MkDocs builds in its own (its output waits in the pipe).
    """
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.setdefault("SOURCE_DATE_EPOCH", edition_epoch(config_file))
    env.setdefault("PACK_PDFS", "false")
    env.update(extra_env or {})
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    if meanwhile is not None:
        meanwhile()
    for line in _without_info(process.stdout):
        print(line, end="", flush=True)
    if process.wait() != 0:
        raise BuildError("the site did not build: fix the problems listed above")


def _without_info(lines: Iterable[str]) -> Iterator[str]:
    """MkDocs' output without its INFO messages, keeping warnings, errors and the pack's notes."""
    in_info = False
    for line in lines:
        if line.startswith("INFO") and " Note: " in line:  # the pack's notes for a fork (macros/overlay_drift.py)
            in_info = False
            note = "Note: " + line.split(" Note: ", 1)[1]
            yield note
            if os.environ.get("GITHUB_ACTIONS") == "true":  # also on the run's summary page, beside the file
                file = note.split()[1]
                yield f"::warning file={file},title=A replaced page changed upstream::{note.strip()}\n"
            continue
        if line.startswith("INFO"):
            in_info = True
            continue
        if in_info and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        in_info = False
        yield line


@contextmanager
def staged_site(site_dir: Path) -> Iterator[Path]:
    """Yield a scratch folder; on a clean exit it replaces ``site_dir``."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        yield scratch
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    scratch.chmod(0o755)
    scratch.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
