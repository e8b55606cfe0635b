"""Content problems: what went wrong, where, and what to do about it.

A problem is reported as one line that an editor can act on::

    pack/cards/check-in.yml:12: duration.min: expected a whole number, got 'ten'

Problems are collected, not raised one at a time, so that an editor sees
every mistake in one run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.field:
            return f"{place}: {self.field}: {self.message}"
        return f"{place}: {self.message}"


class ContentError(Exception):
    """Raised when content has one or more problems; carries them all."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The pack has {count} content {noun}:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


def _sort_key(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.field or "", problem.message)


def suggest(wrong: str, known: Iterable[str]) -> str:
    """Return ' (did you mean ...?)' naming the nearest known values, or ''."""
    matches = difflib.get_close_matches(wrong, sorted(set(known)), n=3, cutoff=0.7)
    if not matches:
        return ""
    quoted = " or ".join(f"'{match}'" for match in matches)
    return f" (did you mean {quoted}?)"
