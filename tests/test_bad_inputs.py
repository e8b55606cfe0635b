"""The bad-input corpus (tests/bad_inputs/cases.yml): every mistake an editor
might make meets a clear message, never a traceback, and never a broken
published site."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import FIXTURES, Project, make_project

pytestmark = pytest.mark.build

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "bad_inputs" / "cases.yml").read_text(encoding="utf-8")
)


def fingerprint(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The last good site, built once, and the PDF cache it left."""
    root = tmp_path_factory.mktemp("good")
    project = make_project(root / "project", FIXTURES / "sites" / "tiny")
    result = project.full_build(site=root / "site", cache=root / "cache")
    assert result.returncode == 0, result.output
    return root / "site", root / "cache"


def apply(project: Project, case: dict[str, Any]) -> None:
    path = project.root / case["file"]
    if "replace" in case:
        old, new = case["replace"]
        project.edit(case["file"], old, new)
    elif "write" in case:
        project.write(case["file"], case["write"])
    elif "write_latin1" in case:
        path.write_bytes(case["write_latin1"].encode("latin-1"))
    elif "repeat" in case:
        text, times = case["repeat"]
        project.write(case["file"], "---\nreviewed: 2026-01-31\n---\n\n# Big\n\n" + text * times)
    elif case.get("delete"):
        path.unlink()
    else:
        raise AssertionError(f"case {case['name']} changes nothing")


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_input_fails_clearly_and_keeps_the_last_good_site(
    case: dict[str, Any], good_build: tuple[Path, Path], tmp_path: Path
) -> None:
    good_site, cache = good_build
    published = tmp_path / "site"
    shutil.copytree(good_site, published)
    before = fingerprint(published)
    project = make_project(tmp_path / "project", FIXTURES / "sites" / "tiny")
    apply(project, case)
    result = project.full_build(site=published, cache=cache)
    assert result.returncode != 0, f"the build passed:\n{result.output}"
    for expected in case["expect"]:
        assert expected in result.output, result.output
    assert "Traceback" not in result.output, result.output
    assert "previous site/ is unchanged" in result.output
    assert fingerprint(published) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no scratch folder left
