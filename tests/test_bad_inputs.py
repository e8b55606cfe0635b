"""The bad-input corpus (tests/bad_inputs/cases.yml): every mistake an editor
might make meets a clear message, never a traceback, and never a broken
published site; no payload in a page or a pack file runs, and nothing from
outside the repository is published.

A mistake in a pack file is found by the loader before the build writes
anything, so those cases run the loader in-process (milliseconds); the rest,
and one pack case as a witness (``build: true``), run the whole build.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.loading import load_or_report
from macros.problems import ContentError

from .conftest import EXAMPLE_PACK, FIXTURES, BuildResult, Project, make_project

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "bad_inputs" / "cases.yml").read_text(encoding="utf-8")
)


def in_process(case: dict[str, Any]) -> bool:
    """A mistake in a pack file, which the loader finds before the build writes anything."""
    return str(case["file"]).startswith("pack/") and "symlink" not in case and not case.get("build")


LOADER_CASES = [case for case in CASES if in_process(case)]
BUILD_CASES = [case for case in CASES if not in_process(case)]


def fingerprint(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def good_build(built_tiny_site: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The last good site and the PDF cache it left: a copy of the tiny site's build, made once per run."""
    root = tmp_path_factory.mktemp("good")
    shutil.copytree(built_tiny_site.site, root / "site", symlinks=True)
    shutil.copytree(built_tiny_site.site.parent / ".cache" / "pdf", root / "cache", symlinks=True)
    return root / "site", root / "cache"


@dataclass(frozen=True)
class Places:
    """Where a case's payloads would leave a trace: {marker}, {outside} and {outside_dir}."""

    marker: Path
    outside: Path
    outside_dir: Path

    @classmethod
    def make(cls, root: Path) -> Places:
        outside_dir = root / "outside"
        outside_dir.mkdir()
        outside = outside_dir / "secret.txt"
        outside.write_text(SECRET, encoding="utf-8")
        return cls(root / "marker", outside, outside_dir)

    def fill(self, value: Any) -> Any:
        """``value`` (text, or a list or dict of text) with the placeholders filled in."""
        if isinstance(value, str):
            return (
                value.replace("{marker}", str(self.marker))
                .replace("{outside_dir}", str(self.outside_dir))
                .replace("{outside}", str(self.outside))
            )
        if isinstance(value, list):
            return [self.fill(item) for item in value]
        if isinstance(value, dict):
            return {key: self.fill(item) for key, item in value.items()}
        return value


#: The secret file's text; no case may publish it.
SECRET = "TOP SECRET: the CI job's deploy key"


def apply(project: Project, case: dict[str, Any]) -> None:
    _apply_one(project, case)
    for change in case.get("also", []):
        _apply_one(project, {"name": case["name"], **change})


def _apply_one(project: Project, case: dict[str, Any]) -> None:
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
    elif "symlink" in case:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(case["symlink"])
    elif "resave" in case:
        text = path.read_text(encoding="utf-8")
        if case["resave"].get("crlf"):
            text = text.replace("\n", "\r\n")
        path.write_bytes(("\ufeff" if case["resave"].get("bom") else "").encode("utf-8") + text.encode("utf-8"))
    elif "rename" in case:
        path.rename(project.root / case["rename"])
    else:
        raise AssertionError(f"case {case['name']} changes nothing")


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({case["name"] for case in CASES}) == len(CASES)
    assert sum(case.get("outcome") == "builds" for case in CASES) < len(CASES) / 4
    # At least one pack mistake still goes through the whole build, to show the build stops on it.
    assert any(case["file"].startswith("pack/") and case.get("build") for case in BUILD_CASES)


@pytest.mark.parametrize("case", LOADER_CASES, ids=[case["name"] for case in LOADER_CASES])
def test_a_mistake_in_a_pack_file_is_reported_clearly(case: dict[str, Any], tmp_path: Path) -> None:
    places = Places.make(tmp_path)
    case = places.fill(case)
    project = Project(tmp_path / "project")
    shutil.copytree(EXAMPLE_PACK, project.root / "pack")
    apply(project, case)
    pack, problems = load_or_report(project.root / "pack", project.root)
    assert not places.marker.exists(), "a payload ran while the pack was read"
    if case.get("outcome") == "builds":
        assert problems == [], ContentError(problems).report()
        assert pack is not None and any(
            source.endswith(Path(case.get("rename", case["file"])).name) for source, _ in pack.items()
        )
        return
    report = ContentError(problems).report()
    for expected in case["expect"]:
        assert expected in report, report


@pytest.mark.build
@pytest.mark.parametrize("case", BUILD_CASES, ids=[case["name"] for case in BUILD_CASES])
def test_bad_input_fails_clearly_and_keeps_the_last_good_site(
    case: dict[str, Any], good_build: tuple[Path, Path], tmp_path: Path
) -> None:
    good_site, cache = good_build
    published = tmp_path / "site"
    shutil.copytree(good_site, published)
    before = fingerprint(published)
    places = Places.make(tmp_path)
    case = places.fill(case)
    project = make_project(tmp_path / "project", FIXTURES / "sites" / "tiny")
    apply(project, case)
    # A mistake stops the build before the PDF step; without --no-pdf the
    # build would also load WeasyPrint and start its workers meanwhile, on
    # the other core (about 0.7 CPU-seconds a case, for nothing).
    builds = case.get("outcome") == "builds"
    result = project.full_build(*(() if builds else ("--no-pdf",)), site=published, cache=cache)
    assert "Traceback" not in result.output, result.output
    assert not places.marker.exists(), "a payload ran during the build"
    assert all(SECRET not in path.read_text(errors="replace") for path in published.rglob("*") if path.is_file())
    if builds:
        assert result.returncode == 0, result.output
        for page, text in case.get("site_has", {}).items():
            assert text in (published / page).read_text(encoding="utf-8"), page
        return
    assert result.returncode != 0, f"the build passed:\n{result.output}"
    for expected in case["expect"]:
        assert expected in result.output, result.output
    for unwanted in case.get("not_expect", []):
        assert unwanted not in result.output, result.output
    assert "previous site/ is unchanged" in result.output
    assert fingerprint(published) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside", "project", "site"]  # no scratch folder left
