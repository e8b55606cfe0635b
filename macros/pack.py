"""The validated pack: every item of every kind, and where each came from.

:func:`macros.loading.load_pack` makes one; everything after loading reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from .kinds import Kind, by_name
from .problems import suggest
from .schema import Form, GlossaryTerm, Item, Programme, Question, QuestionBank, SessionPlan, ToolCard
from .yamlfile import LoadedYaml


class UnknownIdError(LookupError):
    """An id that names no item; the message suggests the nearest ids."""

    def __init__(self, kind: str, wrong: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.wrong = wrong
        known = list(known)
        super().__init__(f"there is no {kind} with the id '{wrong}'{suggest(wrong, known)}")


@dataclass(frozen=True)
class Pack:
    """Validated content: every item of every kind, in each kind's order."""

    #: Items by kind name, then by id.
    items_by_kind: Mapping[str, Mapping[str, Item]]
    kinds: Mapping[str, Kind] = field(default_factory=by_name)
    #: The figures pages quote (pack/programme.yml); None only while loading fails.
    programme: Programme | None = None
    #: Where each item came from, keyed by (kind name, id); paths relative to the project.
    sources: Mapping[tuple[str, str], str] = field(default_factory=dict)
    #: The line of every field, keyed by source file, for later checks to report.
    lines: Mapping[str, LoadedYaml] = field(default_factory=dict, compare=False, repr=False)

    def of(self, kind: str) -> Mapping[str, Item]:
        """Every item of one kind, by id."""
        return self.items_by_kind.get(kind, {})

    def item(self, kind: str, item_id: object) -> Any:
        """One item, or an UnknownIdError that suggests the nearest ids."""
        items = self.of(kind)
        noun = self.kinds[kind].noun
        if not isinstance(item_id, str):
            raise UnknownIdError(noun, repr(item_id), items)
        try:
            return items[item_id]
        except KeyError:
            raise UnknownIdError(noun, item_id, items) from None

    def items(self) -> list[tuple[str, Item]]:
        """Every item with its source file, in the order of the kinds."""
        return [(self.sources[(kind, item.id)], item) for kind in self.kinds for item in self.of(kind).values()]

    # Typed views, for the components that show one kind.
    @property
    def cards(self) -> Mapping[str, ToolCard]:
        return cast("Mapping[str, ToolCard]", self.of("card"))

    @property
    def banks(self) -> Mapping[str, QuestionBank]:
        return cast("Mapping[str, QuestionBank]", self.of("bank"))

    @property
    def sessions(self) -> Mapping[str, SessionPlan]:
        return cast("Mapping[str, SessionPlan]", self.of("session"))

    @property
    def forms(self) -> Mapping[str, Form]:
        return cast("Mapping[str, Form]", self.of("form"))

    @property
    def terms(self) -> Mapping[str, GlossaryTerm]:
        return cast("Mapping[str, GlossaryTerm]", self.of("term"))

    @property
    def questions(self) -> list[tuple[QuestionBank, Question]]:
        return [(bank, question) for bank in self.banks.values() for question in bank.questions]


__all__ = ["Pack", "UnknownIdError"]
