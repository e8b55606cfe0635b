"""The words the spelling check accepts beyond hunspell's en_GB dictionary.

Two lists, one word a line, ``#`` starting a comment:

- ``tests/content/wordlist.txt``: upstream's, for the words its own pages
  need (names of authors, places and tools);
- ``local-words.txt`` at the top of the project, beside ``mkdocs.yml``: a
  fork's own words, such as its local place and service names. Upstream
  never ships this file, so a fork's list never clashes with an update.
  It is optional.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from scripts.scratch_project import PROJECT

UPSTREAM_WORDS = Path(__file__).parent / "content" / "wordlist.txt"
FORK_WORDS = PROJECT / "local-words.txt"


def read_words(path: Path) -> list[str]:
    """The words in one list, without comments or blank lines; none if the file does not exist."""
    if not path.is_file():
        return []
    words = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def spelling_words(*lists: Path) -> list[str]:
    """The words of every list, in order, each once."""
    return list(dict.fromkeys(word for path in lists for word in read_words(path)))


def write_dictionary(words: Iterable[str], path: Path) -> Path:
    """A personal dictionary for ``hunspell -p``: one word a line, nothing else."""
    path.write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
    return path


def unknown_words(words: Iterable[str], dictionary: Path) -> set[str]:
    """The words hunspell (en_GB plus ``dictionary``) does not know."""
    result = subprocess.run(
        ["hunspell", "-d", "en_GB", "-p", str(dictionary), "-l"],
        input="\n".join(words),
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())
