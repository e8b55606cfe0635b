"""The project's own promises: two commands, one CI path, pinned tools, licences."""

from __future__ import annotations

import re
from importlib import metadata

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from macros.identity import Identity
from macros.loading import load_pack

from .conftest import PROJECT, upstream_only


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
    """The pinned pydyf is one the pinned WeasyPrint accepts (the speed-up in scripts/pdf relies on it)."""
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (PROJECT / "requirements" / "build.txt").read_text(), re.M))
    assert pins["weasyprint"].startswith("70.")
    wanted = next(req for req in metadata.requires("weasyprint") or [] if req.startswith("pydyf"))
    low = re.search(r">=\s*([\d.]+)", wanted)
    assert low is not None, wanted
    as_tuple = lambda version: tuple(int(part) for part in version.split("."))  # noqa: E731
    assert as_tuple(pins["pydyf"]) >= as_tuple(low.group(1)), f"WeasyPrint wants {wanted}, pinned {pins['pydyf']}"


def test_code_and_content_carry_their_licences() -> None:
    """The licence files say what the pack says: MIT for code, CC BY-SA 4.0 for the content the pages credit."""
    assert "MIT License" in (PROJECT / "LICENSE").read_text(encoding="utf-8")
    content = (PROJECT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0 International" in content
    licences = {card.licence for card in load_pack(PROJECT / "pack", PROJECT).cards.values()}
    assert licences == {"CC BY-SA 4.0"}, "every card's licence is the content licence"


@upstream_only
def test_upstream_ships_a_fork_settings_file_that_sets_nothing_of_its_own() -> None:
    """mkdocs.yml is the fork's: upstream's edition lives in config/base.yml, so a release never edits it.

    Every fork setting is in the file as a comment, and a fork that switches
    them all on gets a valid identity (the comments are a working example).
    """
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == {"INHERIT": "config/base.yml"}
    example = yaml.safe_load(re.sub(r"^# ?(?=\S| )", "", text.split("INHERIT: config/base.yml", 1)[1], flags=re.M))
    base = (PROJECT / "config" / "base.yml").read_text(encoding="utf-8")
    upstream = yaml.load(base, Loader=get_yaml_loader())["extra"]["identity"]
    assert set(example["extra"]["identity"]) == set(Identity.model_fields)  # every setting is shown
    Identity.model_validate(upstream)
    Identity.model_validate(example["extra"]["identity"])
