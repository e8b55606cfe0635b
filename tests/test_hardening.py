"""Reproducible and offline builds of the whole site and its PDFs."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, PROJECT, BuildResult, Project, make_project

pytestmark = pytest.mark.build

NO_NETWORK = Path(__file__).parent / "no_network"


def every_file(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_clean_builds_are_byte_identical(
    built_tiny_site: BuildResult, tiny_project: Project, tmp_path: Path
) -> None:
    # The first is the session's clean build of the tiny site, made in another folder.
    one = built_tiny_site
    two = tiny_project.full_build(site=tmp_path / "two", cache=tmp_path / "cache-two")
    assert one.returncode == 0 and two.returncode == 0, one.output + two.output
    first, second = every_file(one.site), every_file(two.site)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    kinds = {Path(name).suffix for name in first}
    assert {".html", ".pdf", ".docx", ".json", ".zip", ".gz", ".js"} <= kinds


def _can_unshare() -> bool:
    return (
        shutil.which("unshare") is not None and subprocess.run(["unshare", "-n", "true"], check=False).returncode == 0
    )


def test_the_whole_build_works_with_no_network(tmp_path: Path) -> None:
    """Built in a network namespace with no interfaces where the machine allows
    it, otherwise with every non-local connection refused in Python."""
    project = make_project(tmp_path / "project", FIXTURES / "sites" / "tiny")
    command = [
        sys.executable,
        "-m",
        "scripts.build",
        "--config-file",
        str(project.root / "mkdocs.yml"),
        "--site-dir",
        str(tmp_path / "site"),
        "--cache",
        str(tmp_path / "cache"),
    ]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if _can_unshare():
        command = ["unshare", "-n", *command]
    else:
        env["PYTHONPATH"] = os.pathsep.join([str(NO_NETWORK), env.get("PYTHONPATH", "")])
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=PROJECT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "downloads" / "pack.pdf").is_file()


def test_the_network_guard_really_refuses(tmp_path: Path) -> None:
    """The fallback guard must block a connection, or the test above proves nothing where it is used."""
    env = dict(os.environ, PYTHONPATH=str(NO_NETWORK))
    code = "import urllib.request; urllib.request.urlopen('https://pypi.org', timeout=2)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert result.returncode != 0
    assert "network disabled for the offline test" in result.stderr
