"""What a page's own scripts and styles weigh as the built site serves them (before gzip)."""

from __future__ import annotations

from pathlib import Path

from macros.minify import minified


def served_bytes(path: Path) -> int:
    """A script or style sheet of the theme folder, in bytes, as the built site holds it: scripts minified."""
    text = path.read_text(encoding="utf-8")
    return len((minified(text) if path.suffix == ".js" else text).encode("utf-8"))
