"""Whether ``make`` has anything to do: what the last good build read, and what it made.

After a build that passed, ``scripts/build.py`` records a digest of
everything the build reads and of the site it wrote. The next ``make``
compares both before it starts: if no input has changed and nobody has
touched the site, the site is already what a build would make, and it says
so in a fraction of a second instead of building it again.

The inputs are every file in the project's folder (the folder of
``mkdocs.yml``: pages, pack, strings, overlay, theme, settings), the
generator's code and pinned requirements, the Python version, the build's
own options, and the value of every environment variable that a settings
file reads with ``!ENV``. Left out: ``.git``, ``.venv``, ``.cache``, the
tests, tools' caches and the output folder itself. A fork that keeps pages
outside its folder can build anyway with ``make FORCE=1``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

#: The folder that holds macros/ and scripts/: the generator's own code.
CODE_ROOT = Path(__file__).resolve().parent.parent
_CODE = ("macros", "scripts", "requirements", "pyproject.toml")
#: Folders that are never inputs of a build.
_NOT_INPUTS = frozenset(
    {".git", ".venv", ".cache", "node_modules", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", "tests"}
)
_ENV_TAG = re.compile(r"!ENV\s+\[?\s*([A-Za-z_][A-Za-z0-9_]*)")


def _files(root: Path, leave_out: frozenset[Path]) -> Iterator[Path]:
    for folder, folders, files in os.walk(root):
        here = Path(folder)
        folders[:] = sorted(name for name in folders if name not in _NOT_INPUTS and here / name not in leave_out)
        for name in sorted(files):
            if here / name not in leave_out:
                yield here / name


def inputs_digest(config_file: Path, outputs: Iterable[Path], options: Mapping[str, object]) -> str:
    """A digest of everything a build of ``config_file`` reads; ``outputs`` (site, cache, this record) are not read."""
    project = config_file.resolve().parent
    leave_out = frozenset(path.resolve() for path in outputs)
    digest = hashlib.sha256(json.dumps({**options, "python": sys.version}, sort_keys=True).encode())
    paths = list(_files(project, leave_out))
    for name in _CODE:
        path = CODE_ROOT / name
        paths += list(_files(path, leave_out)) if path.is_dir() else [path]
    variables: set[str] = set()
    for path in sorted(set(paths)):
        try:
            data = path.read_bytes()
        except OSError as error:  # a broken link or unreadable file: the build itself reports it
            digest.update(f"{path}\0unreadable {error.errno}\0".encode())
            continue
        digest.update(f"{path}\0{len(data)}\0".encode() + hashlib.sha256(data).digest())
        if path.suffix in (".yml", ".yaml"):
            variables.update(_ENV_TAG.findall(data.decode("utf-8", "replace")))
    for name in sorted(variables):
        digest.update(f"{name}={os.environ.get(name)}\0".encode())
    return digest.hexdigest()


def site_digest(site_dir: Path) -> str:
    """A digest of the site's files, by name, size and time of change (a touched file changes it)."""
    digest = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(site_dir)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class BuildState:
    """The record of the last good build into one site folder, kept beside the PDF cache."""

    def __init__(self, path: Path, site_dir: Path) -> None:
        self.path = path
        self.site_dir = site_dir

    def up_to_date(self, inputs: str) -> bool:
        """Whether the last good build read exactly ``inputs`` and its site is untouched."""
        try:
            recorded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(recorded, dict) or recorded.get("site") != str(self.site_dir.resolve()):
            return False
        if recorded.get("inputs") != inputs or not self.site_dir.is_dir():
            return False
        return bool(recorded.get("output") == site_digest(self.site_dir))

    def record(self, inputs: str) -> None:
        """Note a good build of ``inputs`` into the site folder as it is now."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        state = {"site": str(self.site_dir.resolve()), "inputs": inputs, "output": site_digest(self.site_dir)}
        self.path.write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")
