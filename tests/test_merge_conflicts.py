"""The scan for Git's conflict markers (macros/merge_conflicts.py), on small files; nothing is built.

The marker lines are joined from pieces, so that this file never holds a
line that starts with one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.merge_conflicts import conflict_lines, conflicts_in_file, scan_project
from macros.problems import ContentError, Problem

from .conftest import Project

START, MIDDLE, END = "<" * 7, "=" * 7, ">" * 7


def conflict(ours: str, theirs: str) -> str:
    return "\n".join([f"{START} HEAD", ours, MIDDLE, theirs, f"{END} upstream/main"])


def lines_of(text: str) -> list[int]:
    return [number for number, _ in conflict_lines(text)]


def test_a_conflict_is_found_at_its_first_line() -> None:
    text = "\n".join(["# Title", "", conflict("Ours.", "Theirs."), "", "More."])
    assert lines_of(text) == [3]


def test_every_conflict_in_a_file_is_found() -> None:
    text = "\n".join([conflict("a", "b"), "between", conflict("c", "d"), START, "e", MIDDLE, "f", END])
    assert lines_of(text) == [1, 7, 12]


def test_a_three_way_conflict_is_one_conflict() -> None:
    text = "\n".join([f"{START} ours", "a", "|" * 7 + " base", "b", MIDDLE, "c", f"{END} theirs"])
    assert lines_of(text) == [1]


def test_a_setext_heading_is_not_a_conflict() -> None:
    text = "\n".join(["A heading", MIDDLE, "", "Text.", "", "Another", "=" * 12, "", "> > > quoted"])
    assert lines_of(text) == []


def test_longer_runs_and_markers_inside_a_line_are_not_conflicts() -> None:
    text = "\n".join(["<" * 8 + " not git", f"Write {START} HEAD to start one.", ">" * 9])
    assert lines_of(text) == []


def test_a_stray_end_and_a_block_left_open_are_reported() -> None:
    stray = conflict_lines("\n".join(["text", MIDDLE, "more", f"{END} upstream/main"]))
    assert [number for number, _ in stray] == [4]
    assert "whose start is gone" in stray[0][1]
    assert lines_of("\n".join(["a", f"{START} HEAD", "b"])) == [2]


def test_windows_line_endings_and_a_byte_order_mark() -> None:
    text = "\ufeff" + conflict("a", "b").replace("\n", "\r\n")
    assert lines_of(text) == [1]


def test_the_message_names_the_file_and_line(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("\n".join(["# Page", conflict("a", "b")]), encoding="utf-8")
    (problem,) = conflicts_in_file(page, "docs/page.md")
    assert str(problem).startswith("merge conflict left in docs/page.md:2: keep one version")
    assert "  merge conflict left in docs/page.md:2: keep one version" in ContentError([problem]).report()


def test_binary_files_are_not_read(tmp_path: Path) -> None:
    marked = conflict("a", "b").encode()
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n" + marked)
    (tmp_path / "font.bin").write_bytes(b"\0\0\0" + marked)
    (tmp_path / "logo.svg").write_bytes(marked)
    assert conflicts_in_file(tmp_path / "logo.png", "logo.png") == []
    assert conflicts_in_file(tmp_path / "font.bin", "font.bin") == []
    assert len(conflicts_in_file(tmp_path / "logo.svg", "logo.svg")) == 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project laid out as the real one: mkdocs.yml inherits config/base.yml."""
    root = tmp_path / "project"
    files = {
        "mkdocs.yml": "INHERIT: config/base.yml\nsite_name: Tiny pack\nextra:\n  identity: {}\n",
        "config/base.yml": "docs_dir: docs\nplugins:\n  - pack:\n      data_dir: pack\n      pdfs: !ENV [PACK_PDFS, false]\n",
        "docs/index.md": "Home\n====\n\nText.\n",
        "pack/cards/example-minimal.yml": "id: example-minimal\n",
        "locales/en.yml": "steps: Steps\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def shown(problems: list[Problem]) -> list[str]:
    return [f"{problem.file}:{problem.line}" for problem in problems]


def test_a_clean_project_has_no_conflicts(project: Path) -> None:
    assert scan_project(project / "mkdocs.yml") == []


def test_every_folder_the_build_reads_is_scanned_in_one_run(project: Path) -> None:
    (project / "overlay").mkdir()
    (project / "overlay" / "index.md").write_text(conflict("a", "b"), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("extra:\n", "extra:\n  content:\n    overlay: overlay\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("docs/index.md", "pack/cards/example-minimal.yml", "locales/en.yml", "config/base.yml"):
        path = project / name
        path.write_text(path.read_text(encoding="utf-8") + "\n" + conflict("a", "b") + "\n", encoding="utf-8")
    found = shown(scan_project(project / "mkdocs.yml"))
    assert [place.split(":")[0] for place in found] == [
        "config/base.yml",
        "docs/index.md",
        "pack/cards/example-minimal.yml",
        "locales/en.yml",
        "overlay/index.md",
    ]


def test_a_conflict_in_mkdocs_yml_is_found_and_the_folders_still_scanned(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_name: Tiny pack", conflict("site_name: A", "site_name: B")),
        encoding="utf-8",
    )
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + conflict("a", "b") + "\n", encoding="utf-8")
    found = shown(scan_project(config))
    assert found[0] == "mkdocs.yml:2"
    assert [place.split(":")[0] for place in found[1:]] == ["docs/index.md"]


def test_symbolic_links_are_not_followed(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(conflict("a", "b"), encoding="utf-8")
    (project / "docs" / "leak.md").symlink_to(outside)
    assert scan_project(project / "mkdocs.yml") == []


@pytest.mark.build
def test_a_bare_mkdocs_build_stops_at_a_conflict_in_a_page(tiny_project: Project) -> None:
    """The plugin scans too, for ``mkdocs build`` and ``mkdocs serve`` run without make."""
    tiny_project.edit("docs/index.md", "This pack has", conflict("Ours.", "Theirs.") + "\n\nThis pack has")
    result = tiny_project.build()
    assert result.returncode != 0
    assert "merge conflict left in docs/index.md:7: keep one version" in result.output
    assert not (result.site / "index.html").exists()


def test_a_setting_written_twice_is_refused_at_its_second_line(project: Path) -> None:
    """Switching on two commented blocks of mkdocs.yml gives two `extra:` lines; YAML would keep only the last."""
    config = project / "mkdocs.yml"
    config.write_text(
        "INHERIT: config/base.yml\nextra:\n  identity:\n    organisation: Our Trust\n"
        "extra:\n  content:\n    hide: [Evaluation]\n",
        encoding="utf-8",
    )
    assert [str(problem) for problem in scan_project(config)] == [
        "mkdocs.yml:5: 'extra:' is written a second time (first at line 2), and only the last one "
        "would count; put everything under one 'extra:' line"
    ]
