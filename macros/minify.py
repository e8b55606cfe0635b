"""The pack's own scripts, minified in the built site.

The scripts in the theme folder (``overrides/assets/javascripts/``) are
written to be read: comments say why, and names are whole words. Readers
download them on every page that needs them, often on a phone with a poor
connection, so the built site holds them minified by rjsmin (comments and
spaces removed, code unchanged): about a third smaller. The sources stay as
they are, and the unit tests in ``tests/js/`` run on them; the browser tests
run on the built site, so on what readers get.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin  # type: ignore[import-untyped]  # rjsmin ships no type hints

#: Where the theme keeps its scripts, and the built site its copies.
SCRIPTS = Path("assets") / "javascripts"


def minified(source: str) -> str:
    """``source`` as the built site holds it."""
    return str(rjsmin.jsmin(source))


def minify_own_scripts(theme_dir: Path | None, site_dir: Path) -> list[Path]:
    """Minify, in ``site_dir``, each script of the theme folder; return the files written."""
    if theme_dir is None:
        return []
    written = []
    for source in sorted((theme_dir / SCRIPTS).glob("*.js")):
        built = site_dir / SCRIPTS / source.name
        if built.is_file():
            built.write_text(minified(built.read_text(encoding="utf-8")), encoding="utf-8")
            written.append(built)
    return written
