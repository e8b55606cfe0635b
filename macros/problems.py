"""Content problems: what went wrong, where, and what to do about it.

A problem is reported as one line that an editor can act on::

    pack/cards/check-in.yml:12: duration.min: expected a whole number, got 'ten'

Problems are collected, not raised one at a time, so that an editor sees
every mistake in one run.
"""

from __future__ import annotations

import difflib
import enum
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .fields import example_line
from .schema import ID_PATTERN

if TYPE_CHECKING:
    from .yamlfile import LoadedYaml


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


# -- validation errors in an editor's terms ---------------------------------


def field_name(loc: Iterable[str | int]) -> str:
    """A field's path as an editor writes it: ``steps[2].minutes`` (numbered from 1)."""
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


def problem_from_error(shown: str, loaded: LoadedYaml, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    """A pydantic validation error as a Problem with the file's line for the field."""
    loc = tuple(part for part in detail["loc"] if isinstance(part, str | int))
    # Pydantic adds the enum or union branch to the location; drop what is not a field.
    loc = tuple(part for part in loc if not (isinstance(part, str) and part.startswith("function-")))
    line = loaded.line_of(loc)
    return Problem(shown, line, field_name(loc) or None, describe_error(model, loc, detail))


#: Errors about a value of the wrong shape (text for a group of fields, a word
#: for a number): their message shows the field written correctly, from its example.
SHAPE_ERRORS = frozenset(
    {
        "model_type",
        "dict_type",
        "model_attributes_type",
        "int_type",
        "int_parsing",
        "int_from_float",
        "list_type",
        "bool_type",
        "bool_parsing",
    }
)


def describe_error(model: type[BaseModel], loc: tuple[str | int, ...], detail: ErrorDetails) -> str:
    """Say what a pydantic error means in an editor's terms.

    When the value has the wrong shape, or a required field is missing, the
    message ends with the field written correctly, from the example in the
    model (``duration: {min: 15, max: 25}``), if the field has one.
    """
    message = _describe(model, loc, detail)
    kind = detail["type"]
    if kind == "missing":
        example = example_line(model, loc)
        return f"{message}, such as {example}" if example else message
    if kind == "string_type":
        example = example_line(model, loc, quoted=True)
        return f"{message}, as in {example}" if example else message
    if kind in SHAPE_ERRORS:
        example = example_line(model, loc)
        return f"{message}; write it as {example}" if example else message
    return message


def _describe(model: type[BaseModel], loc: tuple[str | int, ...], detail: ErrorDetails) -> str:
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
