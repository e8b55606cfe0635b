"""``make overlay PAGE=...`` and ``make overlay-update PAGE=...``: replace an upstream page, and keep track.

``copy`` puts a copy of ``docs/PAGE`` in the fork's overlay folder, with a
front matter line recording which version of upstream's page it replaces.
``update`` records today's upstream version in an existing overlay page,
once the fork has looked at what upstream changed and taken in what it
wants. The build then notes the next upstream change to the page
(macros/overlay_drift.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.overlay_drift import blob_id, recorded_version, with_record

from .site_build import load_mkdocs_config


class OverlayError(Exception):
    """The page or the overlay folder is not where the command needs it; the message says what to do."""


def folders(config_file: Path) -> tuple[Path, Path, str]:
    """The docs folder, the overlay folder and the overlay setting's value."""
    config = load_mkdocs_config(config_file)
    content = config.extra.get("content") or {}
    overlay = content.get("overlay") if isinstance(content, dict) else None
    if not overlay:
        raise OverlayError(
            f"{config_file.name} sets no overlay folder; add these lines under its extra: line (write extra: first if "
            "it has none), then run this again:\n"
            "  content:\n    overlay: overlay"
        )
    project = config_file.resolve().parent
    return Path(config.docs_dir), project / str(overlay), str(overlay)


def upstream_page(docs: Path, page: str) -> Path:
    page = page.strip().removeprefix("docs/")
    path = docs / page
    if not page.endswith(".md") or not path.is_file():
        raise OverlayError(
            f"there is no page docs/{page}; give its path under docs/, such as PAGE=about/who-is-it-for.md"
        )
    return path


def copy(config_file: Path, page: str) -> str:
    docs, overlay, name = folders(config_file)
    source = upstream_page(docs, page)
    relative = source.relative_to(docs).as_posix()
    target = overlay / relative
    if target.exists():
        raise OverlayError(
            f"{name}/{relative} exists already; to record that it now follows today's upstream page, "
            f"run make overlay-update PAGE={relative}"
        )
    text = source.read_text(encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(with_record(text, blob_id(text), f"docs/{relative}"), encoding="utf-8")
    return f"Copied docs/{relative} to {name}/{relative}. Edit that copy: it replaces upstream's page."


def update(config_file: Path, page: str) -> str:
    docs, overlay, name = folders(config_file)
    source = upstream_page(docs, page)
    relative = source.relative_to(docs).as_posix()
    target = overlay / relative
    if not target.is_file():
        raise OverlayError(f"there is no {name}/{relative}; to replace the page, run make overlay PAGE={relative}")
    current = blob_id(source.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    if recorded_version(text) == current:
        return f"{name}/{relative} already records today's version of docs/{relative}."
    target.write_text(with_record(text, current, f"docs/{relative}"), encoding="utf-8")
    return f"{name}/{relative} now records today's version of docs/{relative}."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Replace an upstream page in the overlay folder, and keep track.")
    parser.add_argument("action", choices=["copy", "update"])
    parser.add_argument("page", nargs="?", default="", help="the page's path under docs/")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    if not args.page:
        print("Name the page: make overlay PAGE=about/who-is-it-for.md", file=sys.stderr)
        return 2
    try:
        action = copy if args.action == "copy" else update
        print(action(args.config_file, args.page))
    except OverlayError as error:
        print(f"Stopped: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
