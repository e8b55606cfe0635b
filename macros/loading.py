"""Load the pack's content files, validate them, and report every problem.

The pack lives in five folders, one file per item::

    pack/cards/<card-id>.yml        a tool card
    pack/questions/<bank-id>.yml    a question bank
    pack/sessions/<session-id>.yml  a session plan in the programme
    pack/forms/<form-id>.yml        a form or template to print
    pack/glossary/<term-id>.yml     a term of the glossary

:func:`load_pack` reads them all, checks each against :mod:`macros.schema`,
then checks the references between them. It either returns a :class:`Pack`
or raises :class:`~macros.problems.ContentError` listing every problem.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .problems import ContentError, Problem, suggest
from .schema import (
    ID_PATTERN,
    AgendaItem,
    BankKind,
    Form,
    GlossaryTerm,
    Programme,
    Question,
    QuestionBank,
    SessionPlan,
    ToolCard,
)
from .yamlfile import LoadedYaml, YamlFileError, load_yaml

Model = TypeVar("Model", bound=BaseModel)

#: Folder under the pack directory for each kind of item.
FOLDERS: dict[str, type[BaseModel]] = {
    "cards": ToolCard,
    "questions": QuestionBank,
    "sessions": SessionPlan,
    "forms": Form,
    "glossary": GlossaryTerm,
}

#: The one file in the pack folder that is not an item: the programme's figures.
PROGRAMME_FILE = "programme.yml"


class UnknownIdError(LookupError):
    """An id that names no item; the message suggests the nearest ids."""

    def __init__(self, kind: str, wrong: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.wrong = wrong
        known = list(known)
        super().__init__(f"there is no {kind} with the id '{wrong}'{suggest(wrong, known)}")


@dataclass(frozen=True)
class Pack:
    """Validated content: cards by title, banks by title, sessions in order."""

    cards: Mapping[str, ToolCard]
    banks: Mapping[str, QuestionBank]
    sessions: Mapping[str, SessionPlan]
    forms: Mapping[str, Form] = field(default_factory=dict)
    terms: Mapping[str, GlossaryTerm] = field(default_factory=dict)
    #: The figures pages quote (pack/programme.yml); None only while loading fails.
    programme: Programme | None = None
    #: Where each item came from, keyed by (folder, id); paths relative to the project.
    sources: Mapping[tuple[str, str], str] = field(default_factory=dict)
    #: The line of every field, keyed by source file, for later checks to report.
    lines: Mapping[str, LoadedYaml] = field(default_factory=dict, compare=False, repr=False)

    def items(self) -> list[tuple[str, BaseModel]]:
        """Every item with its source file, cards first."""
        found: list[tuple[str, BaseModel]] = []
        for folder, items in (
            ("cards", self.cards),
            ("questions", self.banks),
            ("sessions", self.sessions),
            ("forms", self.forms),
            ("glossary", self.terms),
        ):
            found.extend((self.sources[(folder, item_id)], item) for item_id, item in items.items())
        return found

    def card(self, card_id: str) -> ToolCard:
        return _lookup(self.cards, "tool card", card_id)

    def bank(self, bank_id: str) -> QuestionBank:
        return _lookup(self.banks, "question bank", bank_id)

    def session(self, session_id: str) -> SessionPlan:
        return _lookup(self.sessions, "session plan", session_id)

    def form(self, form_id: str) -> Form:
        return _lookup(self.forms, "form or template", form_id)

    def term(self, term_id: str) -> GlossaryTerm:
        return _lookup(self.terms, "glossary term", term_id)

    @property
    def questions(self) -> list[tuple[QuestionBank, Question]]:
        return [(bank, question) for bank in self.banks.values() for question in bank.questions]


def _lookup(items: Mapping[str, Model], kind: str, item_id: object) -> Model:
    if not isinstance(item_id, str):
        raise UnknownIdError(kind, repr(item_id), items)
    try:
        return items[item_id]
    except KeyError:
        raise UnknownIdError(kind, item_id, items) from None


def load_pack(pack_dir: Path, project_dir: Path | None = None) -> Pack:
    """Read and validate every file under ``pack_dir``.

    ``project_dir`` is only used to show file names relative to the project.
    """
    project_dir = project_dir or pack_dir.parent
    problems: list[Problem] = []
    if not pack_dir.is_dir():
        raise ContentError([Problem(_show(pack_dir, project_dir), None, None, "the pack folder does not exist")])
    loaded: dict[str, dict[str, Any]] = {}
    sources: dict[tuple[str, str], str] = {}
    line_maps: dict[str, LoadedYaml] = {}
    # Ids of files that exist but failed validation: references to them are
    # not reported again as unknown.
    attempted: set[tuple[str, str]] = set()
    for folder, model in FOLDERS.items():
        items: dict[str, Any] = {}
        for path in sorted((pack_dir / folder).glob("*")):
            shown = _show(path, project_dir)
            if path.name.startswith(".") or path.is_dir():
                continue
            attempted.add((folder, path.stem))
            if path.suffix not in {".yml", ".yaml"}:
                problems.append(
                    Problem(shown, None, None, f"only .yml files belong in {folder}/; move or rename this file")
                )
                continue
            result = _load_item(path, shown, model, problems)
            if result is None:
                continue
            item, line_maps[shown] = result
            item_id = item.id  # type: ignore[attr-defined]
            if item_id in items:
                problems.append(
                    Problem(
                        shown,
                        1,
                        "id",
                        f"the id '{item_id}' is already used by {sources[(folder, item_id)]}; ids must be unique",
                    )
                )
                continue
            items[item_id] = item
            sources[(folder, item_id)] = shown
        loaded[folder] = items

    programme_path = pack_dir / PROGRAMME_FILE
    programme: Programme | None = None
    if programme_path.is_file():
        shown = _show(programme_path, project_dir)
        result = _read_model(programme_path, shown, Programme, problems)
        if result is not None:
            programme, line_maps[shown] = result
            sources[("programme", "programme")] = shown
    else:
        problems.append(
            Problem(
                _show(programme_path, project_dir),
                None,
                None,
                "the file is missing; it holds the figures pages quote, such as the set size: copy it from upstream",
            )
        )
    cards: dict[str, ToolCard] = loaded["cards"]
    banks: dict[str, QuestionBank] = loaded["questions"]
    sessions: dict[str, SessionPlan] = loaded["sessions"]
    forms: dict[str, Form] = loaded["forms"]
    terms: dict[str, GlossaryTerm] = loaded["glossary"]
    pack = Pack(
        cards=dict(sorted(cards.items(), key=lambda kv: kv[1].title.casefold())),
        banks=dict(sorted(banks.items(), key=lambda kv: kv[1].title.casefold())),
        sessions=dict(sorted(sessions.items(), key=lambda kv: (kv[1].order, kv[1].alternative_to is not None, kv[0]))),
        forms=dict(sorted(forms.items(), key=lambda kv: (kv[1].kind != "form", kv[1].title.casefold()))),
        terms=dict(sorted(terms.items(), key=lambda kv: kv[1].term.casefold())),
        programme=programme,
        sources=sources,
        lines=line_maps,
    )
    if problems:
        # Report broken references only where the target file is missing,
        # not where it exists but has problems of its own (listed already).
        reference_problems = _check_references(pack, line_maps, attempted)
        raise ContentError(problems + reference_problems)
    problems.extend(_check_references(pack, line_maps, attempted))
    if problems:
        raise ContentError(problems)
    return pack


def _show(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _load_item(path: Path, shown: str, model: type[Model], problems: list[Problem]) -> tuple[Model, LoadedYaml] | None:
    result = _read_model(path, shown, model, problems)
    if result is None:
        return None
    item, loaded = result
    if item.id != path.stem:  # type: ignore[attr-defined]
        problems.append(
            Problem(
                shown,
                loaded.line_of(("id",)),
                "id",
                f"the id '{item.id}' differs from the file name '{path.name}'; "  # type: ignore[attr-defined]
                f"rename the file to '{item.id}{path.suffix}' or change the id",  # type: ignore[attr-defined]
            )
        )
        return None
    return item, loaded


def _read_model(path: Path, shown: str, model: type[Model], problems: list[Problem]) -> tuple[Model, LoadedYaml] | None:
    try:
        loaded = load_yaml(path)
    except YamlFileError as error:
        problems.append(Problem(shown, error.line, None, error.message))
        return None
    except OSError as error:
        problems.append(Problem(shown, None, None, f"cannot be read: {error.strerror}"))
        return None
    for key_path, line in loaded.duplicate_keys:
        problems.append(Problem(shown, line, _field_name(key_path), "this field is given twice; keep one"))
    if not isinstance(loaded.data, dict):
        problems.append(Problem(shown, 1, None, "expected 'field: value' lines at the top of the file"))
        return None
    try:
        item = model.model_validate(loaded.data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            problems.append(_problem_from_error(shown, loaded, model, detail))
        return None
    return item, loaded


def _field_name(loc: Iterable[str | int]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def _shown_value(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _problem_from_error(shown: str, loaded: LoadedYaml, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    loc = tuple(part for part in detail["loc"] if isinstance(part, str | int))
    # Pydantic adds the enum or union branch to the location; drop what is not a field.
    loc = tuple(part for part in loc if not (isinstance(part, str) and part.startswith("function-")))
    line = loaded.line_of(loc)
    return Problem(shown, line, _field_name(loc) or None, describe_error(model, loc, detail))


def describe_error(model: type[BaseModel], loc: tuple[str | int, ...], detail: ErrorDetails) -> str:
    """Say what a pydantic error means in an editor's terms."""
    kind = detail["type"]
    value = detail.get("input")
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    got = f", got {_shown_value(value)}"
    if kind == "missing":
        return "this required field is missing; add it"
    if kind == "extra_forbidden":
        known = _field_names_at(model, loc[:-1])
        return f"unknown field '{loc[-1]}'{suggest(str(loc[-1]), known)}; remove it or fix its name"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number{got}"
    if kind in {"string_type"}:
        return f"expected text{got}; put the value in quotes"
    if kind in {"list_type"}:
        return f"expected a list, one '- item' per line{got}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"expected 'field: value' lines{got}"
    if kind == "greater_than":
        return f"must be more than {context.get('gt')}{got}"
    if kind == "greater_than_equal":
        return f"must be at least {context.get('ge')}{got}"
    if kind == "less_than_equal":
        return f"must be at most {context.get('le')}{got}"
    if kind == "string_pattern_mismatch":
        if context.get("pattern") == ID_PATTERN:
            return f"expected an id of lower-case letters, digits and single hyphens, such as 'check-in'{got}"
        if "#" in str(context.get("pattern", "")):
            return f"expected a colour written as # and six hexadecimal digits, such as '#1d5b79'{got}"
        return f"does not have the expected form{got}"
    if kind == "enum":
        expected = [member.value for member in _enum_at(model, loc) or []]
        hint = suggest(str(value), expected)
        allowed = ", ".join(f"'{option}'" for option in expected)
        return f"expected one of {allowed}{got}{hint}"
    if kind.startswith("date"):
        return f"expected a date written as YYYY-MM-DD, such as 2026-11-25{got}"
    if kind == "too_short":
        return f"needs at least {context.get('min_length')} item(s)"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long: keep it under {context.get('max_length')} characters"
    if kind == "value_error":
        return str(context.get("error", detail["msg"]))
    return str(detail["msg"]).rstrip(".").lower() + got


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional from a type annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in {typing.Union, types.UnionType}:
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = options[0]
        else:
            return annotation


def _type_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
        else:
            return None
    return _unwrap(current)


def _field_names_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    target = _type_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _enum_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[enum.Enum] | None:
    target = _type_at(model, loc)
    if isinstance(target, type) and issubclass(target, enum.Enum):
        return target
    return None


def _check_references(
    pack: Pack,
    line_maps: Mapping[str, LoadedYaml],
    attempted: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
) -> list[Problem]:
    """Ids that point at other items must name items that exist."""
    problems: list[Problem] = []
    folder_of = {"tool card": "cards", "question bank": "questions", "session plan": "sessions"}

    def report(source: str, loc: tuple[str | int, ...], message: str) -> None:
        lines = line_maps.get(source)
        line = lines.line_of(loc) if lines else None
        problems.append(Problem(source, line, _field_name(loc), message))

    def unknown(source: str, loc: tuple[str | int, ...], kind: str, wrong: str, known: Iterable[str]) -> None:
        if (folder_of.get(kind, ""), wrong) in attempted:
            return
        report(source, loc, str(UnknownIdError(kind, wrong, known)))

    for card in pack.cards.values():
        source = pack.sources[("cards", card.id)]
        for index, other in enumerate(card.related.cards):
            if other not in pack.cards:
                unknown(source, ("related", "cards", index), "tool card", other, pack.cards)
            elif other == card.id:
                report(source, ("related", "cards", index), "a card cannot be related to itself")
        for index, bank_id in enumerate(card.related.banks):
            if bank_id not in pack.banks:
                unknown(source, ("related", "banks", index), "question bank", bank_id, pack.banks)

    question_sources: dict[str, str] = {}
    for bank in pack.banks.values():
        source = pack.sources[("questions", bank.id)]
        category_ids = [category.id for category in bank.categories]
        for index, category_id in enumerate(category_ids):
            if category_id in category_ids[:index]:
                report(source, ("categories", index, "id"), f"the category id '{category_id}' is used twice")
        used = {question.category for question in bank.questions}
        for index, category_id in enumerate(category_ids):
            if category_id not in used:
                report(
                    source,
                    ("categories", index),
                    f"the category '{category_id}' has no questions; add some or remove it",
                )
        for index, question in enumerate(bank.questions):
            if question.category not in category_ids:
                unknown(
                    source, ("questions", index, "category"), "category in this bank", question.category, category_ids
                )
            if question.id in question_sources:
                report(
                    source,
                    ("questions", index, "id"),
                    f"the question id '{question.id}' is already used in "
                    f"{question_sources[question.id]}; question ids must be unique across banks",
                )
            question_sources.setdefault(question.id, source)
            if bank.kind is BankKind.REPHRASE and not question.alternative:
                report(
                    source,
                    ("questions", index),
                    "a 'rephrase' bank needs an 'alternative' (an open question) for every question",
                )
            if bank.kind is BankKind.OPEN and question.alternative:
                report(
                    source,
                    ("questions", index, "alternative"),
                    "only a bank of kind 'rephrase' has alternatives; remove it",
                )

    if pack.programme is not None and pack.programme.slot_card not in pack.cards:
        unknown(
            pack.sources[("programme", "programme")], ("slot_card",), "tool card", pack.programme.slot_card, pack.cards
        )
    orders: dict[int, str] = {}
    for session in pack.sessions.values():
        source = pack.sources[("sessions", session.id)]
        if session.alternative_to:
            main = pack.sessions.get(session.alternative_to)
            if main is None:
                unknown(source, ("alternative_to",), "session plan", session.alternative_to, pack.sessions)
            elif main.alternative_to or main.order != session.order:
                report(
                    source,
                    ("alternative_to",),
                    f"an alternative takes the order of the session it replaces ({main.order}, "
                    f"'{main.id}'), which must not itself be an alternative",
                )
        else:
            if session.order in orders:
                report(
                    source, ("order",), f"order {session.order} is also used by the session '{orders[session.order]}'"
                )
            orders.setdefault(session.order, session.id)
        for index, item in enumerate(session.agenda):
            if item.card and item.card not in pack.cards:
                unknown(source, ("agenda", index, "card"), "tool card", item.card, pack.cards)
            elif item.card:
                fault = _item_time_problem(item, pack.cards[item.card])
                if fault:
                    report(source, ("agenda", index, fault[0]), fault[1])
            if pack.programme and item.card == pack.programme.slot_card and item.slot is None:
                report(
                    source,
                    ("agenda", index, "card"),
                    f"'{item.title}' uses the card for a presenter slot, '{item.card}': add 'slot: 1' "
                    "(the slot's number in this meeting), so that the programme's slots are counted",
                )
    return problems


def _item_time_problem(item: AgendaItem, card: ToolCard) -> tuple[str, str] | None:
    """An agenda item that uses a card must give at least the minutes of the card's steps it uses.

    Returns the field at fault and the message, or None when the item fits.
    """
    numbers = item.steps or list(range(1, len(card.steps) + 1))
    beyond = [number for number in numbers if number > len(card.steps)]
    if beyond:
        return "steps", (
            f"the card '{card.id}' has {len(card.steps)} steps, so there is no step {beyond[0]}; "
            f"number its steps from 1 to {len(card.steps)}"
        )
    needed = sum(card.steps[number - 1].minutes for number in numbers)
    if item.minutes >= needed:
        return None
    which = "its steps take" if item.steps is None else f"the steps it uses ({', '.join(map(str, numbers))}) take"
    return "minutes", (
        f"'{item.title}' uses the card '{card.id}', and {which} {needed} minutes, but the item has "
        f"{item.minutes}; give it at least {needed} minutes, shorten the card's steps, "
        "or list the steps it uses, such as 'steps: [1, 2]'"
    )


def load_or_report(pack_dir: Path, project_dir: Path | None = None) -> tuple[Pack | None, list[Problem]]:
    """Like :func:`load_pack`, but return the problems instead of raising."""
    try:
        return load_pack(pack_dir, project_dir), []
    except ContentError as error:
        return None, error.problems


__all__ = ["FOLDERS", "Pack", "UnknownIdError", "load_or_report", "load_pack"]
