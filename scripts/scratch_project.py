"""Throwaway copies of the project, for tests and benchmarks.

A copy holds its own theme, settings and strings (``overrides/``,
``config/``, ``locales/``) and content (``docs/``, ``pack/`` and
``mkdocs.yml``), so the copy can be changed freely. They are copied, not
linked: the build refuses symbolic links that lead out of the project. The
code (``macros/``) is imported from the repository.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SHARED = ("overrides", "config", "locales")


def copy_project(destination: Path, site: Path | None = None, pack: Path | None = None) -> Path:
    """A project at ``destination``; content from ``site`` (a fixture) or the repository.

    A fixture may also bring its own ``pack/`` (else the example pack is used),
    extra strings files in ``locales/`` (added to the project's), and any other
    folder it needs, such as an overlay of pages.
    """
    destination.mkdir(parents=True, exist_ok=True)
    source = site or PROJECT
    for name in SHARED:
        if name == "locales" and site is not None and (site / "locales").is_dir():
            shutil.copytree(PROJECT / "locales", destination / "locales")
            shutil.copytree(site / "locales", destination / "locales", dirs_exist_ok=True)
        else:
            shutil.copytree(PROJECT / name, destination / name)
    shutil.copytree(source / "docs", destination / "docs")
    shutil.copy(source / "mkdocs.yml", destination / "mkdocs.yml")
    if site is not None and (site / "pack").is_dir() and pack is None:
        pack = site / "pack"
    default_pack = PROJECT / "pack" if site is None else PROJECT / "macros" / "components" / "examples" / "pack"
    shutil.copytree(pack or default_pack, destination / "pack")
    if site is None:
        # A fork's own folder of replacement pages (extra.content.overlay).
        overlay = re.search(
            r"^\s+overlay:\s*['\"]?([^'\"\s#]+)", (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), re.M
        )
        if overlay and (PROJECT / overlay.group(1)).is_dir():
            shutil.copytree(PROJECT / overlay.group(1), destination / overlay.group(1))
    else:
        for extra in site.iterdir():
            if extra.is_dir() and extra.name not in {"docs", "pack", "locales", *SHARED}:
                shutil.copytree(extra, destination / extra.name)
    return destination
