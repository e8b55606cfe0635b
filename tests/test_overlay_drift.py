"""Overlay pages record the upstream version they replace, and the build notes when it changes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from macros.overlay_drift import blob_id, overlay_notes, recorded_version, with_record
from scripts import overlay as overlay_command
from scripts.site_build import _without_info

PAGE = "---\nreviewed: 2026-12-01\n---\n\n# Who is it for?\n\nEveryone.\n"


def test_the_version_is_gits_own_id_for_the_file(tmp_path: Path) -> None:
    assert shutil.which("git"), "make test installs git"
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    git = subprocess.run(["git", "hash-object", "page.md"], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert blob_id(PAGE) == git.stdout.strip()
    assert blob_id(PAGE.replace("\n", "\r\n")) == blob_id(PAGE)  # as Git stores it


def test_a_record_is_added_to_the_front_matter_and_replaced_later() -> None:
    recorded = with_record(PAGE, "a" * 40, "docs/about/who.md")
    assert recorded.startswith('---\nreviewed: 2026-12-01\nreplaces: "' + "a" * 40 + '"  # the version of docs/about')
    assert recorded_version(recorded) == "a" * 40
    again = with_record(recorded, "b" * 40, "docs/about/who.md")
    assert recorded_version(again) == "b" * 40 and again.count("replaces:") == 1
    assert recorded_version(with_record("# No front matter\n", "c" * 40, "docs/x.md")) == "c" * 40
    assert recorded_version(PAGE) is None


@pytest.fixture
def fork(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "about").mkdir(parents=True)
    (tmp_path / "docs" / "about" / "who.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("---\nreviewed: 2026-12-01\n---\n\n# Home\n", encoding="utf-8")
    (tmp_path / "overlay").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Ours\nextra:\n  content:\n    overlay: overlay\n", encoding="utf-8"
    )
    return tmp_path


def notes(fork: Path) -> list[str]:
    pages = sorted(path.relative_to(fork / "overlay").as_posix() for path in (fork / "overlay").rglob("*.md"))
    return [str(note) for note in overlay_notes(fork / "overlay", fork / "docs", "overlay", pages)]


def test_a_copied_page_is_quiet_until_upstream_changes_it(fork: Path) -> None:
    overlay_command.copy(fork / "mkdocs.yml", "about/who.md")
    (fork / "overlay" / "local.md").write_text("# Our own page\n", encoding="utf-8")  # replaces nothing
    assert notes(fork) == []
    old = blob_id(PAGE)
    (fork / "docs" / "about" / "who.md").write_text(PAGE + "\nAnd carers.\n", encoding="utf-8")
    [note] = notes(fork)
    assert note.startswith("Note: overlay/about/who.md replaces docs/about/who.md, which has changed upstream")
    assert f"git diff {old[:12]} HEAD:docs/about/who.md" in note
    assert "make overlay-update PAGE=about/who.md" in note
    overlay_command.update(fork / "mkdocs.yml", "about/who.md")
    assert notes(fork) == []


def test_a_page_copied_by_hand_is_told_the_line_to_paste(fork: Path) -> None:
    shutil.copy(fork / "docs" / "about" / "who.md", fork / "overlay" / "who.md")
    (fork / "overlay" / "about").mkdir()
    shutil.move(fork / "overlay" / "who.md", fork / "overlay" / "about" / "who.md")
    [note] = notes(fork)
    assert "does not record which version it copied" in note
    assert f'replaces: "{blob_id(PAGE)}"' in note


def test_the_commands_say_what_to_do_when_they_cannot(fork: Path) -> None:
    with pytest.raises(overlay_command.OverlayError, match=r"there is no page docs/about/whom\.md"):
        overlay_command.copy(fork / "mkdocs.yml", "about/whom.md")
    overlay_command.copy(fork / "mkdocs.yml", "about/who.md")
    with pytest.raises(overlay_command.OverlayError, match=r"run make overlay-update PAGE=about/who\.md"):
        overlay_command.copy(fork / "mkdocs.yml", "about/who.md")
    (fork / "mkdocs.yml").write_text("site_name: Ours\n", encoding="utf-8")
    with pytest.raises(overlay_command.OverlayError, match="sets no overlay folder"):
        overlay_command.copy(fork / "mkdocs.yml", "about/who.md")


def test_notes_pass_the_build_output_filter_and_reach_github(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["INFO    -  Cleaning site directory\n", "INFO    -  Note: overlay/a.md replaces docs/a.md, which…\n"]
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert list(_without_info(lines)) == ["Note: overlay/a.md replaces docs/a.md, which…\n"]
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert list(_without_info(lines))[1].startswith("::warning file=overlay/a.md,title=")
