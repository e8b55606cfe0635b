"""A fork takes in an upstream release with no merge conflict, and still builds.

A throwaway Git repository holds the project as it is today. A fork branch
does what docs/adapting.md tells an organisation to do: it rebrands, adds a
card, hides a card and a section, replaces a page (``make overlay``) and
adds a page of its own. An upstream branch makes a release: a new edition
date, a new card, a reworded card (the hidden one too), changed pages (the
replaced one too, and a new link to the hidden card), a new page in the
navigation, a new Markdown extension and a changed string. The merge must
have no conflict, and the fork must build, with a note that its replaced
page changed upstream.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scripts import overlay as overlay_command

from .conftest import Project, make_project, upstream_only

pytestmark = [pytest.mark.build, upstream_only]

FORK_SETTINGS = """
extra:
  identity:
    name: Clyde Valley action learning pack
    organisation: Clyde Valley Carers Network
    short_name: CVCN
    logo: assets/images/cvcn-logo.svg
    colours:
      primary: "#1f4e79"
      accent: "#7a2e0e"
    contact: mailto:learning@cvcn.test
  content:
    overlay: overlay
    hide: ["About this pack", "rephrasing-practice"]
    nav:
      - Our local services: local/services.md
"""

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'


def git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@localhost", "-c", "init.defaultBranch=main", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def commit(root: Path, message: str) -> None:
    assert git(root, "add", "-A").returncode == 0
    result = git(root, "commit", "-q", "-m", message)
    assert result.returncode == 0, result.stdout + result.stderr


def new_card(project: Project, card_id: str, title: str) -> None:
    """A card of its own, made as the Adapting page says: copy one, change its id and title."""
    text = (project.root / "pack" / "cards" / "check-in.yml").read_text(encoding="utf-8")
    text = text.replace("id: check-in", f"id: {card_id}", 1).replace("title: Check-in", f"title: {title}", 1)
    project.write(f"pack/cards/{card_id}.yml", text)


def make_fork(project: Project) -> None:
    """What an organisation does, in the files the Adapting page gives it."""
    project.write("mkdocs.yml", (project.root / "mkdocs.yml").read_text(encoding="utf-8") + FORK_SETTINGS)
    project.write("docs/assets/images/cvcn-logo.svg", LOGO)
    new_card(project, "walking-set-meeting", "Walking set meeting")
    project.root.joinpath("overlay").mkdir()
    overlay_command.copy(project.root / "mkdocs.yml", "guides/open-questions.md")
    project.edit("overlay/guides/open-questions.md", "# Working with open questions", "# Open questions in our sets")
    project.write("overlay/local/services.md", "---\nreviewed: 2026-12-01\n---\n\n# Our local services\n\nAsk us.\n")


def make_release(project: Project) -> None:
    """What an upstream release changes, in upstream's own files."""
    project.edit("config/base.yml", "edition: 2026-12-01", "edition: 2027-03-01")
    project.edit(
        "config/base.yml",
        "  - Glossary: glossary.md",
        "  - What is new: guides/whats-new.md\n  - Glossary: glossary.md",
    )
    project.edit("config/base.yml", "  - pymdownx.betterem", "  - pymdownx.betterem\n  - pymdownx.mark")
    project.write(
        "docs/guides/whats-new.md",
        "---\nreviewed: 2027-03-01\n---\n\n# What is new\n\nThis release adds ==one card==, "
        '{{ card_link("opening-round") }}, and says more about {{ card_link("rephrasing-practice") }}.\n',
    )
    new_card(project, "opening-round", "Opening round")
    project.edit("pack/cards/check-in.yml", "Let each member pass if they wish.", "Let anyone pass who wishes to.")
    project.edit("pack/cards/rephrasing-practice.yml", "id: rephrasing-practice", "id: rephrasing-practice\n# reworded")
    project.edit("docs/guides/open-questions.md", "Questions drive action learning.", "Open questions drive the set.")
    project.edit("docs/index.md", "cross team and service lines", "cross teams and services")
    project.edit("locales/en.yml", "\ncard:\n", "\ncard:\n  release_note: New in this release\n")


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, subprocess.CompletedProcess[str]]:
    assert shutil.which("git"), "make test installs git (Debian package); this test needs it"
    project = make_project(tmp_path_factory.mktemp("fork-updates") / "repo")
    assert git(project.root, "init", "-q").returncode == 0
    commit(project.root, "Upstream, as it is today")
    assert git(project.root, "branch", "release").returncode == 0
    make_fork(project)
    commit(project.root, "Our edition")
    assert git(project.root, "checkout", "-q", "release").returncode == 0
    make_release(project)
    commit(project.root, "Upstream release")
    assert git(project.root, "checkout", "-q", "main").returncode == 0
    return project, git(project.root, "merge", "--no-edit", "release")


def test_an_upstream_release_merges_with_no_conflict(merged: tuple[Project, subprocess.CompletedProcess[str]]) -> None:
    project, merge = merged
    conflicted = git(project.root, "diff", "--name-only", "--diff-filter=U").stdout.split()
    assert merge.returncode == 0 and conflicted == [], merge.stdout + merge.stderr
    # Both sides arrived.
    assert "Clyde Valley Carers Network" in (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "edition: 2027-03-01" in (project.root / "config" / "base.yml").read_text(encoding="utf-8")


def test_the_fork_builds_after_the_merge(merged: tuple[Project, subprocess.CompletedProcess[str]]) -> None:
    project, _ = merged
    result = project.build()
    assert result.returncode == 0, result.output
    home = (result.site / "index.html").read_text(encoding="utf-8")
    assert "Clyde Valley action learning pack" in home  # the fork's own title, in the header
    assert "cross teams and services" in home  # upstream's change to a page the fork left alone
    whats_new = (result.site / "guides" / "whats-new.html").read_text(encoding="utf-8")
    assert "<mark>one card</mark>" in whats_new  # upstream's new extension, with the fork's settings
    assert 'href="../tools/opening-round.html"' in whats_new  # upstream's new card
    assert "rephrasing-practice.html" not in whats_new  # the hidden card, as plain text
    assert not (result.site / "tools" / "rephrasing-practice.html").exists()
    assert not (result.site / "about" / "who-is-it-for.html").exists()  # the hidden section
    assert (result.site / "tools" / "walking-set-meeting.html").is_file()  # the fork's card
    assert (result.site / "local" / "services.html").is_file()  # the fork's page
    replaced = (result.site / "guides" / "open-questions.html").read_text(encoding="utf-8")
    assert "Open questions in our sets" in replaced and "Open questions drive the set." not in replaced
    # The replaced page changed upstream: the build says so, and how to see it, without failing.
    assert "Note: overlay/guides/open-questions.md replaces docs/guides/open-questions.md, which has changed" in (
        result.output
    )
    assert "git diff " in result.output and "make overlay-update PAGE=guides/open-questions.md" in result.output
