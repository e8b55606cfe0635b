"""Throwaway copies of the project, for tests and benchmarks.

A copy links the shared code and theme (``macros/``, ``overrides/``,
``config/``, ``locales/``) and copies the content (``docs/``, ``pack/`` and
``mkdocs.yml``), so the copy's content can be changed freely.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SHARED = ("macros", "overrides", "config", "locales")


def copy_project(destination: Path, site: Path | None = None, pack: Path | None = None) -> Path:
    """A project at ``destination``; content from ``site`` (a fixture) or the repository."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        (destination / name).symlink_to(PROJECT / name)
    source = site or PROJECT
    shutil.copytree(source / "docs", destination / "docs")
    shutil.copy(source / "mkdocs.yml", destination / "mkdocs.yml")
    default_pack = PROJECT / "pack" if site is None else PROJECT / "macros" / "components" / "examples" / "pack"
    shutil.copytree(pack or default_pack, destination / "pack")
    return destination
