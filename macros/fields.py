"""The fields of the pack's models, in words: for the field reference page and for messages.

:func:`fields_of` walks a model's fields, nested ones too, and says for each
one its path (``duration.min``, ``steps[].minutes``), whether it is
required, what it holds in plain words, its allowed values, its meaning and
an example. All of it comes from the model: the annotations and their
limits, each field's ``description`` and ``examples``, and the
:class:`~macros.schema.Words` a type is named by. A nested field with no
example of its own takes its part of its parent's example, so that
``duration.min`` shows the 15 of ``duration: {min: 15, max: 25}``.

:func:`rules_of` lists what a model's validators check, from the
:func:`~macros.schema.rule` each one carries.

A message about a value of the wrong shape shows the same example
(:func:`example_line`, used by :mod:`macros.problems`).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import annotated_types
import yaml
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from .schema import Words

#: No example: distinct from None, which YAML writes as null.
MISSING: Any = object()

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldDoc:
    """One field of a model, as the field reference shows it."""

    #: As an editor reads it: ``duration.min``, ``steps[].minutes``.
    path: str
    #: The field's own name, as it is written in the file.
    name: str
    required: bool
    #: What the field holds, in plain words, with its limits (Markdown: field names are code).
    words: str
    #: The values an enum field (or a list of one) allows.
    allowed: tuple[str, ...]
    #: What a field that is left out holds, as YAML, when that is worth saying.
    default: str | None
    #: What the field means (Markdown).
    description: str | None
    #: The field written in YAML with its example value, or None if it has none.
    example: str | None


# -- types in plain words ---------------------------------------------------------


def _split(annotation: Any) -> tuple[Any, list[Any], bool]:
    """The type under Annotated and Optional, its metadata, and whether None is allowed."""
    metadata: list[Any] = []
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *more = typing.get_args(annotation)
            metadata += more
        elif origin in {typing.Union, types.UnionType}:
            options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            optional = optional or len(options) < len(typing.get_args(annotation))
            annotation = options[0]
        else:
            return annotation, _flatten(metadata), optional


def _flatten(metadata: list[Any]) -> list[Any]:
    """Metadata with each ``Field(...)`` inside an annotation replaced by its own metadata."""
    flat: list[Any] = []
    for entry in metadata:
        flat += _flatten(entry.metadata) if isinstance(entry, FieldInfo) else [entry]
    return flat


def _list_item(annotation: Any) -> Any | None:
    """The item type of a list annotation, or None if it is not a list."""
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return None


def _model(annotation: Any) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _noun(cls: type) -> str:
    """A class's name in words: AgendaItem -> agenda item."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _limit(metadata: list[Any], is_text: bool) -> str:
    """A value's limits in words: 'from 1 to 600', 'at least 1', 'up to 200 characters'."""
    low: Any = None
    high: Any = None
    longest: int | None = None
    for entry in metadata:
        # The pack's limits are whole numbers: more than 0 is at least 1.
        if isinstance(entry, annotated_types.Gt):
            low = typing.cast(int, entry.gt) + 1
        elif isinstance(entry, annotated_types.Ge):
            low = entry.ge
        elif isinstance(entry, annotated_types.Le):
            high = entry.le
        elif isinstance(entry, annotated_types.Lt):
            high = typing.cast(int, entry.lt) - 1
        elif is_text and isinstance(entry, annotated_types.MaxLen | StringConstraints) and entry.max_length:
            longest = entry.max_length
    if longest is not None:
        return f"up to {longest} characters"
    if low is not None and high is not None:
        return f"from {low} to {high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"at most {high}"
    return ""


def _one(annotation: Any, metadata: list[Any], many: bool) -> tuple[str, str]:
    """One value's type in words (or, if ``many``, the words for a list of them) and a note to add."""
    named = next((entry for entry in metadata if isinstance(entry, Words)), None)
    model = _model(annotation)
    if named is not None:
        words, note = (named.many if many else named.one), named.note
    elif isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        words, note = (_plural(_noun(annotation)) if many else _noun(annotation)), ""
    elif model is not None:
        names = ", ".join(f"`{name}`" for name in model.model_fields)
        if many:
            return f"{_plural(_noun(model))}, each with the fields {names}", ""
        return f"a group of fields: {names}", ""
    elif annotation is bool:
        words, note = "true or false", ""
    elif annotation is dt.date:
        words, note = ("dates" if many else "date") + " written as YYYY-MM-DD", ""
    elif annotation is int:
        words, note = ("whole numbers" if many else "whole number"), ""
    else:
        words, note = ("text items" if many else "text"), ""
    limit = _limit(metadata, annotation is str)
    if limit:
        words += f", each {limit}" if many else (f" {limit}" if limit.startswith("from") else f", {limit}")
    return words, note


def type_words(annotation: Any, metadata: list[Any] = []) -> str:  # noqa: B006 - read only
    """What a field of this type holds, in plain words: 'whole number of minutes from 1 to 600'."""
    inner, inner_metadata, _ = _split(annotation)
    everything = list(metadata) + inner_metadata
    item = _list_item(inner)
    if item is None:
        words, note = _one(inner, everything, many=False)
    else:
        item_type, item_metadata, _ = _split(item)
        words, note = _one(item_type, item_metadata, many=True)
        words = f"a list of {words}"
        shortest = next((e.min_length for e in everything if isinstance(e, annotated_types.MinLen)), 0)
        longest = next((e.max_length for e in everything if isinstance(e, annotated_types.MaxLen)), None)
        if longest is not None:
            words += f" ({shortest} to {longest})" if shortest else f" (at most {longest})"
        elif shortest:
            words += " (at least one)" if shortest == 1 else f" (at least {shortest})"
    return f"{words}; {note}" if note else words


def allowed_values(annotation: Any) -> tuple[str, ...]:
    """The values an enum field, or a list of enum values, allows."""
    inner, _, _ = _split(annotation)
    item = _list_item(inner)
    if item is not None:
        inner, _, _ = _split(item)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return tuple(str(member.value) for member in inner)
    return ()


# -- examples ---------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """An example or default as YAML writes it: enum members as their values."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def flow(value: Any) -> str:
    """A value on one line, as YAML writes it: ``{min: 15, max: 25}``, ``[opening]``, ``2026-12-01``."""
    text = yaml.safe_dump(_plain(value), default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
    return text.removesuffix("\n...\n").strip()


def _scalars(value: Any) -> bool:
    return all(not isinstance(item, dict | list) for item in value)


def block(name: str, value: Any) -> list[str]:
    """A field and its value as lines of YAML, the way the pack's files write them."""
    value = _plain(value)
    if isinstance(value, dict) and not _scalars(value.values()):
        return [f"{name}:"] + ["  " + line for key, item in value.items() for line in block(key, item)]
    if isinstance(value, list) and not _scalars(value):
        lines = [f"{name}:"]
        for item in value:
            inner = [line for key, part in item.items() for line in block(key, part)]
            lines += ["  - " + inner[0]] + ["    " + line for line in inner[1:]]
        return lines
    return [f"{name}: {flow(value)}"]


def _own_example(info: FieldInfo) -> Any:
    return info.examples[0] if info.examples else MISSING


def _part_of(example: Any, name: str) -> Any:
    """A field's part of its parent's example."""
    if isinstance(example, dict):
        return example.get(name, MISSING)
    return MISSING


def _first(example: Any) -> Any:
    """An item of a list's example."""
    return example[0] if isinstance(example, list) and example else MISSING


def example_at(model: type[BaseModel], loc: Loc) -> tuple[str, Any] | None:
    """The example for the value at ``loc``, and the name it is written under ('-' for an item of a list).

    The parent's example comes first, as it fits the field where it is
    used (a range of minutes or of people); then the field's own.
    """
    current: Any = model
    example: Any = MISSING
    name = ""
    for part in loc:
        inner, _, _ = _split(current)
        if isinstance(part, int):
            item = _list_item(inner)
            if item is None:
                return None
            current, example, name = item, _first(example), "-"
            continue
        fields = _model(inner)
        info = fields.model_fields.get(part) if fields else None
        if info is None:
            return None
        derived = _part_of(example, part)
        current, name = info.annotation, part
        example = derived if derived is not MISSING else _own_example(info)
    return None if example is MISSING or not name else (name, example)


def example_line(model: type[BaseModel], loc: Loc, quoted: bool = False) -> str | None:
    """The value at ``loc`` written correctly on one line, such as ``duration: {min: 15, max: 25}``.

    With ``quoted``, text is written in double quotes.
    """
    found = example_at(model, loc)
    if found is None:
        return None
    name, value = found
    shown = json.dumps(value, ensure_ascii=False) if quoted and isinstance(value, str) else flow(value)
    return f"- {shown}" if name == "-" else f"{name}: {shown}"


# -- walking a model -------------------------------------------------------------------


def _default(info: FieldInfo) -> str | None:
    """What a field left out holds, as YAML, when that is a value worth saying (not nothing, not empty)."""
    if info.is_required() or info.default_factory is not None or info.default is None:
        return None
    return flow(info.default)


def fields_of(model: type[BaseModel], prefix: str = "", parent_example: Any = MISSING) -> list[FieldDoc]:
    """Every field of ``model`` and of the models inside it, in the order a file writes them."""
    found: list[FieldDoc] = []
    for name, info in _in_file_order(model):
        path = prefix + name
        derived = _part_of(parent_example, name)
        example = derived if derived is not MISSING else _own_example(info)
        found.append(
            FieldDoc(
                path=path,
                name=name,
                required=info.is_required(),
                words=type_words(info.annotation, info.metadata),
                allowed=allowed_values(info.annotation),
                default=_default(info),
                description=info.description,
                example=None if example is MISSING else "\n".join(block(name, example)),
            )
        )
        inner, _, _ = _split(info.annotation)
        item = _list_item(inner)
        if (group := _model(inner)) is not None:
            found += fields_of(group, f"{path}.", example)
        elif item is not None and (nested := _model(_split(item)[0])):
            found += fields_of(nested, f"{path}[].", _first(example))
    return found


def _in_file_order(model: type[BaseModel]) -> Iterator[tuple[str, FieldInfo]]:
    """The fields in the order a file writes them: a model's ``LAST_FIELDS`` (the review dates) at the end."""
    last = tuple(getattr(model, "LAST_FIELDS", ()))
    fields = model.model_fields
    yield from ((name, info) for name, info in fields.items() if name not in last)
    yield from ((name, fields[name]) for name in last if name in fields)


@dataclass(frozen=True)
class Rule:
    """What one validator checks, and where: the paths of the model it belongs to (empty for the item itself)."""

    text: str
    paths: tuple[str, ...] = ()


def rules_of(model: type[BaseModel]) -> list[Rule]:
    """What the validators of ``model`` and of the models inside it check, in words."""
    places: dict[type[BaseModel], list[str]] = {model: []}
    for field in fields_of(model):
        nested = _nested_model(model, field.path)
        if nested is not None:
            places.setdefault(nested, []).append(field.path)
    rules = []
    for owner, paths in places.items():
        rules += [Rule(text, tuple(paths)) for text in validator_rules(owner).values() if text]
    return rules


def validator_rules(model: type[BaseModel]) -> dict[str, str | None]:
    """Each validator of ``model`` (by name) and the rule it carries, or None if it has none."""
    decorators = model.__pydantic_decorators__
    validators: list[tuple[str, Any]] = [*decorators.field_validators.items(), *decorators.model_validators.items()]
    return {name: getattr(decorator.func, "rule", None) for name, decorator in validators}


def _nested_model(model: type[BaseModel], path: str) -> type[BaseModel] | None:
    """The model a field at ``path`` holds (itself or as list items), if it holds one."""
    current: Any = model
    for part in path.replace("[]", "").split("."):
        holder = _model(_split(current)[0])
        info = holder.model_fields.get(part) if holder else None
        if info is None:
            return None
        inner = _split(info.annotation)[0]
        item = _list_item(inner)
        current = _split(item)[0] if item is not None else inner
    return _model(current)


__all__ = [
    "MISSING",
    "FieldDoc",
    "Rule",
    "allowed_values",
    "block",
    "example_at",
    "example_line",
    "fields_of",
    "flow",
    "rules_of",
    "type_words",
    "validator_rules",
]
