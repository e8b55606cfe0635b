"""Shared fixtures: temporary projects built from the repository or a fixture site."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from scripts.scratch_project import PROJECT, copy_project

from .parallel import TestPlan

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE_PACK = PROJECT / "macros" / "components" / "examples" / "pack"


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(TestPlan(config), "test-plan")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output; review the diff before committing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def fork_settings() -> dict[str, Any]:
    """What the project's mkdocs.yml sets over upstream's config/base.yml: nothing, in upstream's repository."""
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=get_yaml_loader()) or {}
    data.pop("INHERIT", None)
    return data


def is_a_fork() -> bool:
    """A fork names its own organisation (the Adapting page's first step); upstream's mkdocs.yml names none."""
    identity = (fork_settings().get("extra") or {}).get("identity") or {}
    return bool(identity.get("organisation"))


#: For tests of upstream's own edition and releases. A fork runs `make test`
#: before it publishes; these tests would only test that it is not upstream.
upstream_only = pytest.mark.skipif(
    is_a_fork(), reason="tests upstream's own edition and releases; this repository is a fork with its own identity"
)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    @property
    def problem_lines(self) -> list[str]:
        return [line.strip() for line in self.output.splitlines() if line.startswith("  ")]


@dataclass
class Project:
    """A throwaway copy of a site: its own docs, pack and mkdocs.yml."""

    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def build(self, *args: str) -> BuildResult:
        """``mkdocs build --strict`` only (no PDFs), as MkDocs reports it."""
        site = self.root / "site"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "-f",
                str(self.root / "mkdocs.yml"),
                "-d",
                str(site),
                *args,
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        return BuildResult(result.returncode, result.stdout + result.stderr, site)

    def full_build(self, *args: str, site: Path | None = None, cache: Path | None = None) -> BuildResult:
        """``make``'s build: the site and every PDF, through scripts.build."""
        site = site or self.root / "site"
        cache = cache or self.root / ".cache" / "pdf"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "scripts.build",
                "--config-file",
                str(self.root / "mkdocs.yml"),
                "--site-dir",
                str(site),
                "--cache",
                str(cache),
                *args,
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=PROJECT,
            check=False,
        )
        return BuildResult(result.returncode, result.stdout + result.stderr, site)


def make_project(destination: Path, site: Path | None = None, pack: Path | None = None) -> Project:
    """A throwaway project (see scripts/scratch_project.py)."""
    return Project(copy_project(destination, site, pack))


@pytest.fixture
def tiny_project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "tiny", FIXTURES / "sites" / "tiny")


@pytest.fixture
def real_project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "real")


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (made if missing) until the block ends."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], BuildResult]
) -> BuildResult:
    """``build(folder)``, run once per test run and read back by every test process.

    Under pytest-xdist each worker has its own session, so a session fixture
    would build once per worker. The first worker to ask builds, under a lock
    in the folder that all the workers' temporary folders share, and records
    the result; the others wait for the lock and read the record. A failed
    build is recorded too, so every worker reports the same failure.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = shared / f"built-{name}"
    record = folder / "result.json"
    with _locked(shared / f"built-{name}.lock"):
        if not record.is_file():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that stopped mid-build left
            folder.mkdir()
            result = build(folder)
            record.write_text(
                json.dumps({"returncode": result.returncode, "output": result.output, "site": str(result.site)}),
                encoding="utf-8",
            )
        data = json.loads(record.read_text(encoding="utf-8"))
    return BuildResult(data["returncode"], data["output"], Path(data["site"]))


@pytest.fixture(scope="session")
def built_real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site with its PDFs, built once for every test that only reads it."""
    result = built_once(tmp_path_factory, "real-site", lambda folder: make_project(folder / "project").full_build())
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def built_tiny_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The tiny fixture site with its PDFs (its PDF cache is beside the site, in .cache/pdf)."""
    result = built_once(
        tmp_path_factory,
        "tiny-site",
        lambda folder: make_project(folder / "project", FIXTURES / "sites" / "tiny").full_build(),
    )
    assert result.returncode == 0, result.output
    return result


ProjectFactory = Callable[..., Project]
