"""A fork's own word list (local-words.txt) joins upstream's for the spelling check; nothing is built."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .spelling import FORK_WORDS, UPSTREAM_WORDS, read_words, spelling_words, unknown_words, write_dictionary

#: A place name no dictionary holds.
PLACE = "Drumbreckan"


def test_comments_and_blank_lines_are_not_words(tmp_path: Path) -> None:
    words = tmp_path / "local-words.txt"
    words.write_text(f"# Our places\n\n{PLACE}\nKilwhinnie  # the new hub\n   \n", encoding="utf-8")
    assert read_words(words) == [PLACE, "Kilwhinnie"]


def test_the_fork_list_is_optional(tmp_path: Path) -> None:
    assert read_words(tmp_path / "local-words.txt") == []
    assert spelling_words(UPSTREAM_WORDS, tmp_path / "local-words.txt") == read_words(UPSTREAM_WORDS)


def test_the_fork_list_is_added_to_upstreams(tmp_path: Path) -> None:
    fork = tmp_path / "local-words.txt"
    upstream = read_words(UPSTREAM_WORDS)
    fork.write_text(f"{PLACE}\n{upstream[0]}\n", encoding="utf-8")
    merged = spelling_words(UPSTREAM_WORDS, fork)
    assert merged == [*upstream, PLACE]


def test_the_fork_list_sits_beside_mkdocs_yml() -> None:
    assert FORK_WORDS.name == "local-words.txt"
    assert (FORK_WORDS.parent / "mkdocs.yml").is_file()


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="make test installs hunspell; run through make test")
def test_hunspell_accepts_a_word_once_the_fork_lists_it(tmp_path: Path) -> None:
    fork = tmp_path / "local-words.txt"
    page = ["Meet", "at", "the", PLACE, "hub"]
    upstream_only = write_dictionary(spelling_words(UPSTREAM_WORDS, fork), tmp_path / "before.dic")
    assert unknown_words(page, upstream_only) == {PLACE}
    fork.write_text(f"# Places in our area\n{PLACE}\n", encoding="utf-8")
    with_fork = write_dictionary(spelling_words(UPSTREAM_WORDS, fork), tmp_path / "after.dic")
    assert unknown_words(page, with_fork) == set()
