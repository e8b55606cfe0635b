"""Git's conflict markers, left in a file after a merge, stop the build first.

When a fork takes in upstream's changes and both sides changed the same
lines, Git writes both versions into the file between marker lines: a line
that starts ``<<<<<<<``, then the fork's version, a line of ``=======``,
upstream's version, and a line that starts ``>>>>>>>``. Left in, the
markers break the reading of ``mkdocs.yml`` or a card with a message about
YAML that hides the cause, or are published in a page as text.

So every file the build reads (the config and the files it inherits, the
pages, the pack, the strings and the overlay) is scanned before anything is
parsed, and each conflict is one problem at its ``<<<<<<<`` line::

    merge conflict left in docs/index.md:12: keep one version (...)

A line of ``=======`` alone is not a conflict: Markdown uses it to underline
a heading. A block starts only at a line that is ``<<<<<<<`` or starts with
``<<<<<<< ``. A ``>>>>>>>`` line outside a block (its start deleted, its end
kept) is reported too. Binary files (images, fonts) and symbolic links are
not read; the links are checked later (:mod:`macros.repository_files`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

START = "<<<<<<<"
END = ">>>>>>>"

#: Files never read for markers: images, fonts, documents and archives.
BINARY_SUFFIXES = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".avif",
        ".ico",
        ".bmp",
        ".tif",
        ".tiff",
        ".woff",
        ".woff2",
        ".ttf",
        ".otf",
        ".eot",
        ".pdf",
        ".zip",
        ".gz",
        ".mp3",
        ".mp4",
        ".webm",
    }
)

BLOCK_HINT = "keep one version (delete the lines from <<<<<<< to >>>>>>> that you do not want, and the marker lines)"
STRAY_HINT = (
    "keep one version (this >>>>>>> line ends a conflict whose start is gone: check the lines above it, then delete it)"
)


class MergeConflict(Problem):
    """A conflict Git left in a file, shown as ``merge conflict left in FILE:LINE: ...``."""

    def __str__(self) -> str:
        return f"merge conflict left in {self.file}:{self.line}: {self.message}"


def _is_marker(line: str, marker: str) -> bool:
    return line == marker or line.startswith(marker + " ")


def conflict_lines(text: str) -> list[tuple[int, str]]:
    """The line (from 1) of each conflict in ``text``, and what to do about it."""
    found: list[tuple[int, str]] = []
    in_block = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r").lstrip("\ufeff") if number == 1 else raw.rstrip("\r")
        if _is_marker(line, START):
            found.append((number, BLOCK_HINT))
            in_block = True
        elif _is_marker(line, END):
            if not in_block:
                found.append((number, STRAY_HINT))
            in_block = False
    return found


def conflicts_in_file(path: Path, shown: str) -> list[Problem]:
    """Every conflict in one file, named ``shown``; none for a binary or unreadable file."""
    if path.suffix.lower() in BINARY_SUFFIXES:
        return []
    try:
        data = path.read_bytes()
    except OSError:
        return []  # the loaders report a file they cannot read, in their own words
    if START.encode() not in data and END.encode() not in data:
        return []
    if b"\0" in data[:8192]:
        return []  # binary, whatever its name
    text = data.decode("utf-8", errors="replace")
    return [MergeConflict(shown, number, None, hint) for number, hint in conflict_lines(text)]


def scan(project_dir: Path, places: Iterable[Path]) -> list[Problem]:
    """Every conflict in the files and folders ``places`` (folders are walked), named from ``project_dir``."""
    problems: list[Problem] = []
    seen: set[Path] = set()
    for path in _files(places):
        if path in seen:
            continue
        seen.add(path)
        problems += conflicts_in_file(path, _shown(path, project_dir))
    return problems


def _files(places: Iterable[Path]) -> Iterator[Path]:
    """The regular files in ``places``, without following symbolic links."""
    for place in places:
        if place.is_symlink():
            continue
        if place.is_file():
            yield place
        elif place.is_dir():
            for top, dirs, names in os.walk(place, followlinks=False):
                dirs.sort()
                for name in sorted(names):
                    path = Path(top, name)
                    if path.is_file() and not path.is_symlink():
                        yield path


def _shown(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# -- the config, read before MkDocs reads it ------------------------------


class _LooseLoader(yaml.SafeLoader):
    """Reads a config without running its tags (``!ENV``, ``!relative``): each becomes None."""


_LooseLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def repeated_keys(text: str, shown: str) -> list[Problem]:
    """Each setting written twice in one block, such as a second ``extra:`` (a merge can add one too).

    YAML keeps only the last, so everything under the first is lost without
    a word; a fork that switches on the settings in its mkdocs.yml meets it.
    """
    try:
        root = yaml.compose(text, Loader=_LooseLoader)
    except yaml.YAMLError:
        return []  # MkDocs reports a config it cannot read, with its own message
    problems: list[Problem] = []
    nodes = [root] if root is not None else []
    while nodes:
        node = nodes.pop()
        if isinstance(node, yaml.MappingNode):
            first_lines: dict[str, int] = {}
            for key, value in node.value:
                line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode) and key.value in first_lines:
                    message = (
                        f"'{key.value}:' is written a second time (first at line {first_lines[key.value]}), and only "
                        f"the last one would count; put everything under one '{key.value}:' line"
                    )
                    problems.append(Problem(shown, line, None, message))
                elif isinstance(key, yaml.ScalarNode):
                    first_lines[key.value] = line
                nodes.append(value)
        elif isinstance(node, yaml.SequenceNode):
            nodes.extend(node.value)
    return sorted(problems, key=lambda problem: problem.line or 0)


def config_chain(config_file: Path) -> tuple[list[Path], list[Problem], list[dict[str, Any]]]:
    """``mkdocs.yml`` and the files it inherits, their conflicts, and the settings of those without any.

    A file with a conflict is not parsed (it cannot be), so the files it
    inherits, and its own settings, are not known until it is fixed.
    Settings come child first, as MkDocs' ``INHERIT`` merges them.
    """
    project_dir = config_file.resolve().parent
    files: list[Path] = []
    settings: list[dict[str, Any]] = []
    current: Path | None = config_file
    while current is not None and current.is_file() and current.resolve() not in files:
        files.append(current.resolve())
        shown = _shown(current, project_dir)
        problems = conflicts_in_file(current, shown) or repeated_keys(_read(current), shown)
        if problems:
            return files, problems, settings
        try:
            loaded = yaml.load(current.read_text(encoding="utf-8"), Loader=_LooseLoader)  # tags become None
        except (yaml.YAMLError, UnicodeDecodeError, OSError):
            break  # MkDocs reports a config it cannot read, with its own message
        if not isinstance(loaded, dict):
            break
        settings.append(loaded)
        parent = loaded.get("INHERIT")
        current = current.parent / parent if isinstance(parent, str) else None
    return files, [], settings


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""  # MkDocs reports a config it cannot read


def _setting(settings: list[dict[str, Any]], *path: str) -> Any:
    """The first value at ``path`` in the config files, child first, or None."""
    for loaded in settings:
        value: Any = loaded
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            return value
    return None


def _pack_plugin_setting(settings: list[dict[str, Any]], key: str) -> Any:
    for loaded in settings:
        for entry in loaded.get("plugins") or []:
            if isinstance(entry, dict) and isinstance(entry.get("pack"), dict) and key in entry["pack"]:
                return entry["pack"][key]
    return None


def scan_project(config_file: Path) -> list[Problem]:
    """Every conflict in the config and in every folder it names, before MkDocs reads anything.

    When the config itself has a conflict, the folders are the usual ones
    (``docs``, ``pack``, ``locales``); the overlay folder is only known once
    the config is fixed.
    """
    project_dir = config_file.resolve().parent
    _, problems, settings = config_chain(config_file)

    def folder(value: Any, default: str | None) -> Path | None:
        name = value if isinstance(value, str) and value else default
        return project_dir / name if name else None

    folders = [
        folder(_setting(settings, "docs_dir"), "docs"),
        folder(_pack_plugin_setting(settings, "data_dir"), "pack"),
        folder(_pack_plugin_setting(settings, "locales_dir"), "locales"),
        folder(_setting(settings, "extra", "content", "overlay"), None),
    ]
    return problems + scan(project_dir, [place for place in folders if place is not None])


def scan_site(config_file: Path, folders: Iterable[Path | None]) -> list[Problem]:
    """Every conflict in the config files and in ``folders``, for a caller that has read the config."""
    _, problems, _ = config_chain(config_file)
    return problems + scan(config_file.resolve().parent, [folder for folder in folders if folder is not None])


__all__ = ["MergeConflict", "config_chain", "conflict_lines", "conflicts_in_file", "scan", "scan_project", "scan_site"]
