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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig


class BuildFailed(Exception):
    """A build step failed; the message says which, and the site is untouched."""


def load_mkdocs_config(config_file: Path) -> MkDocsConfig:
    """The merged config (mkdocs.yml with config/base.yml), without building."""
    return load_config(str(config_file))


def edition_epoch(config_file: Path) -> str:
    """SOURCE_DATE_EPOCH for the edition date, so builds do not depend on the clock."""
    config = load_mkdocs_config(config_file)
    edition = config.extra.get("identity", {}).get("edition")
    if not isinstance(edition, dt.date):
        return "0"
    moment = dt.datetime.combine(edition, dt.time(), tzinfo=dt.UTC)
    return str(int(moment.timestamp()))


def run_mkdocs(config_file: Path, site_dir: Path, extra_env: dict[str, str] | None = None) -> None:
    """``mkdocs build --strict`` into ``site_dir``; raise BuildFailed on any problem."""
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.setdefault("SOURCE_DATE_EPOCH", edition_epoch(config_file))
    env.update(extra_env or {})
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]
    result = subprocess.run(command, env=env, check=False)  # noqa: S603 - our own interpreter
    if result.returncode != 0:
        raise BuildFailed("the site did not build: fix the problems listed above")


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
