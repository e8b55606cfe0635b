"""Which of a fork's overlay pages replace an upstream page that has changed since.

A page in the overlay folder hides upstream's page at the same path, and so
hides every later upstream fix to it. To make that visible, an overlay page
records the version of upstream's page it was copied from, in its front
matter::

    replaces: "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"

The value is Git's id of the file (its blob id), so ``git diff <id>
HEAD:docs/<page>`` shows what upstream changed since. ``make overlay``
copies a page and records it; ``make overlay-update`` records today's
version once the fork has taken in what it wants. The build only notes a
change: it never fails for one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

#: The front matter key that records the upstream version an overlay page replaced.
RECORD_KEY = "replaces"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_RECORD_LINE = re.compile(rf"^{RECORD_KEY}:.*$", re.MULTILINE)
_RECORD_VALUE = re.compile(rf"^{RECORD_KEY}:\s*[\"']?([0-9a-f]{{7,40}})[\"']?\s*(?:#.*)?$", re.MULTILINE)


def blob_id(text: str) -> str:
    """Git's id for a file with this text (as Git stores it: LF line endings)."""
    data = text.replace("\r\n", "\n").encode("utf-8")
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def recorded_version(text: str) -> str | None:
    """The upstream version an overlay page says it replaced, if it says."""
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return None
    value = _RECORD_VALUE.search(match.group(1))
    return value.group(1) if value else None


def with_record(text: str, version: str, upstream: str) -> str:
    """``text`` with its front matter recording ``version`` of ``upstream`` (added or replaced)."""
    line = f'{RECORD_KEY}: "{version}"  # the version of {upstream} this page replaces'
    text = text.replace("\r\n", "\n")
    match = _FRONT_MATTER.match(text)
    if not match:
        return f"---\n{line}\n---\n\n{text}"
    block = match.group(1)
    block = _RECORD_LINE.sub(line, block, count=1) if _RECORD_LINE.search(block) else block + line + "\n"
    return text[: match.start(1)] + block + text[match.end(1) :]


@dataclass(frozen=True)
class OverlayNote:
    """A note for the fork about one overlay page; never a failure."""

    overlay_page: str
    upstream_page: str
    recorded: str | None
    current: str

    def __str__(self) -> str:
        page = self.upstream_page.split("/", 1)[1]
        update = f"make overlay-update PAGE={page}"
        paste = f'or set {RECORD_KEY}: "{self.current}" in its front matter'
        if self.recorded is None:
            return (
                f"Note: {self.overlay_page} replaces {self.upstream_page} but does not record which version "
                f"it copied, so the build cannot tell you when upstream changes that page. Run {update} "
                f"to record today's version ({paste})."
            )
        return (
            f"Note: {self.overlay_page} replaces {self.upstream_page}, which has changed upstream since it was "
            f"copied. See what changed with: git diff {self.recorded[:12]} HEAD:{self.upstream_page} (or open "
            f"the page's history on GitHub). Take in what you want, then run {update} ({paste})."
        )


def overlay_notes(overlay_dir: Path, docs_dir: Path, overlay_name: str, pages: list[str]) -> list[OverlayNote]:
    """A note for each overlay Markdown page whose upstream page changed since it was copied, or was never recorded."""
    notes = []
    for page in pages:
        upstream = docs_dir / page
        if not page.endswith(".md") or not upstream.is_file():
            continue  # a page of the fork's own, which replaces nothing
        current = blob_id(upstream.read_text(encoding="utf-8"))
        recorded = recorded_version((overlay_dir / page).read_text(encoding="utf-8", errors="replace"))
        if recorded is None or not current.startswith(recorded):
            notes.append(OverlayNote(f"{overlay_name}/{page}", f"{docs_dir.name}/{page}", recorded, current))
    return notes
