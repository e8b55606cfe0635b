"""The project's own promises: two commands, one CI path, pinned tools, licences."""

from __future__ import annotations

import re
from importlib import metadata

import yaml

from .conftest import PROJECT


def test_ci_runs_the_readme_test_command() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^(make(?: \w+)?)\s", quick_start, re.MULTILINE)
    assert commands == ["make", "make test"]
    assert "make test" in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_publishing_workflow_runs_the_same_make_targets() -> None:
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    runs = [step.get("run") for step in workflow["jobs"]["build"]["steps"] if "run" in step]
    assert runs == ["make test", "make"]
    uploads = [step for step in workflow["jobs"]["build"]["steps"] if "upload-pages-artifact" in step.get("uses", "")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    assert "deploy-pages" in str(workflow["jobs"]["publish"]["steps"])


def test_installed_versions_match_the_pins() -> None:
    mismatched = []
    for name in ("build.txt", "test.txt"):
        for line in (PROJECT / "requirements" / name).read_text(encoding="utf-8").splitlines():
            match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", line)
            if match:
                package, pinned = match.groups()
                installed = metadata.version(package)
                if installed != pinned:
                    mismatched.append(f"{package}: pinned {pinned}, installed {installed}")
    assert mismatched == [], "run make again to install the pinned versions"


def test_every_pin_has_a_hash() -> None:
    for name in ("build.txt", "test.txt", "bench.txt"):
        text = (PROJECT / "requirements" / name).read_text(encoding="utf-8")
        pins = re.findall(r"^[A-Za-z0-9_.-]+==\S+", text, re.MULTILINE)
        assert pins, name
        for block in re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text)[1:]:
            assert "--hash=sha256:" in block, f"{name}: {block.splitlines()[0]} has no hash"


def test_weasyprint_and_pydyf_are_pinned_together() -> None:
    pins = (PROJECT / "requirements" / "build.txt").read_text(encoding="utf-8")
    assert re.search(r"^weasyprint==70\.\d+", pins, re.MULTILINE)
    assert re.search(r"^pydyf==\d", pins, re.MULTILINE)


def test_code_and_content_carry_their_licences() -> None:
    assert "MIT License" in (PROJECT / "LICENSE").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0 International" in (PROJECT / "LICENSE-CONTENT").read_text(encoding="utf-8")
