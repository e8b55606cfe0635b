"""Only the repository is published: symbolic links that leave it stop the build.

A symbolic link in ``docs/`` is followed by MkDocs, which copies whatever
it points at into the site. A link to a file outside the repository (an SSH
key, a CI secret, ``/etc/passwd``) would be published to the world by the
next push. So before anything is read, every folder the build reads from is
walked, and each symbolic link in it is resolved:

- a link to a file or folder inside the repository is followed, as MkDocs
  and the loaders follow it (a linked folder is walked too);
- a link that leads outside the repository, or to nothing, or round in a
  loop, is a problem that names the link and where it points.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .problems import Problem


def links_leaving(project_dir: Path, folders: Iterable[Path]) -> list[Problem]:
    """A problem for every symbolic link under ``folders`` that leads out of ``project_dir``."""
    root = project_dir.resolve()
    problems: list[Problem] = []
    walked: set[Path] = set()
    pending = [folder for folder in folders if folder.is_dir() or folder.is_symlink()]
    while pending:
        folder = pending.pop()
        for link in _links_under(folder, walked):
            target, problem = _check(link, root)
            if problem is not None:
                problems.append(problem)
            elif target is not None and target.is_dir():
                pending.append(target)
    return problems


def _links_under(folder: Path, walked: set[Path]) -> list[Path]:
    """Symbolic links in ``folder`` and below it, without following them; the folder itself if it is one."""
    if folder.is_symlink():
        return [folder]
    real = folder.resolve()
    if real in walked:
        return []
    walked.add(real)
    links = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(top, name)
            if path.is_symlink():
                links.append(path)
    return links


def _check(link: Path, root: Path) -> tuple[Path | None, Problem | None]:
    shown = _shown(link, root)
    pointed = os.readlink(link)
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return None, Problem(shown, None, None, f"is a symbolic link to '{pointed}', which does not exist; remove it")
    except RuntimeError:
        return None, Problem(shown, None, None, f"is a symbolic link to '{pointed}' that loops; remove it")
    if not target.is_relative_to(root):
        return None, Problem(
            shown,
            None,
            None,
            f"is a symbolic link to '{target}', outside the repository. The build publishes only files "
            "in the repository: put a copy of the file here instead of the link, or remove it",
        )
    return target, None


def _shown(path: Path, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    return absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else absolute.as_posix()


__all__ = ["links_leaving"]
