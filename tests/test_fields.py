"""The field reference page lists every field of every kind of pack file, from the models.

The fields are found here by walking each kind's model on its own, so a new
field, or a new kind, that the page would miss or that has no description
fails a test. Every example is valid, every validator says in words what it
checks, and a message about a missing field or a value of the wrong shape
shows the field's example.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from macros import schema
from macros.components.examples import example_context
from macros.components.field_reference import field_reference
from macros.fields import fields_of, validator_rules
from macros.kinds import KINDS, Kind
from macros.problems import describe_error
from macros.schema import Problem, Stage

from .conftest import PROJECT

PAGE = PROJECT / "docs" / "adapting-fields.md"


def _inner(annotation: Any) -> Any:
    """The type under Annotated, Optional and list."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated or origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin in {typing.Union, types.UnionType}:
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation


def walk(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, FieldInfo]]:
    """Every field of ``model`` and of the models inside it: ``duration.min``, ``steps[].minutes``."""
    for name, info in model.model_fields.items():
        yield prefix + name, info
        nested = _inner(info.annotation)
        if isinstance(nested, type) and issubclass(nested, BaseModel):
            is_list = "list[" in str(info.annotation)
            yield from walk(nested, f"{prefix}{name}{'[].' if is_list else '.'}")


def models_in(model: type[BaseModel]) -> set[type[BaseModel]]:
    found = {model}
    for _, info in walk(model):
        nested = _inner(info.annotation)
        if isinstance(nested, type) and issubclass(nested, BaseModel):
            found.add(nested)
    return found


@pytest.fixture(scope="module")
def reference() -> dict[str, str]:
    """The field reference of every kind, as its section of the page shows it."""
    ctx = example_context("adapting-fields.html")
    return {kind.name: str(field_reference(ctx, kind.name)) for kind in KINDS}


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_the_reference_lists_every_field_with_its_meaning(kind: Kind, reference: dict[str, str]) -> None:
    paths = dict(walk(kind.model))
    assert paths, kind.name
    missing = [path for path in paths if f'<th scope="row"><code>{path}</code></th>' not in reference[kind.name]]
    assert missing == [], f"the field reference for {kind.noun}s leaves out {missing}"
    undescribed = [path for path, info in paths.items() if not (info.description or "").strip()]
    assert undescribed == [], "give these fields a Field(description=...) in macros/schema.py"


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_field_has_an_example(kind: Kind) -> None:
    without = [field.path for field in fields_of(kind.model) if field.example is None]
    assert without == [], "give these fields a Field(examples=[...]), or their parent an example that includes them"


def test_the_reference_lists_the_stages(reference: dict[str, str]) -> None:
    for stage in Stage:
        assert f"<code>{stage.value}</code>" in reference["card"]


def test_the_reference_lists_the_problems_a_card_helps_with(reference: dict[str, str]) -> None:
    card = reference["card"]
    assert '<th scope="row"><code>problems</code></th>' in card
    assert "The difficulties in a set that the tool helps with" in card
    for problem in Problem:
        assert f"<code>{problem.value}</code>" in card


def test_the_page_shows_every_kind() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for kind in KINDS:
        assert f'{{{{ field_reference("{kind.name}") }}}}' in text, f"{PAGE.name} has no section for {kind.noun}s"
    assert "pdf: false" in text.split("---", 2)[1]


def test_the_page_is_in_the_adapting_section_of_the_nav() -> None:
    nav = (PROJECT / "config" / "base.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1].splitlines()
    entries = [line.strip() for line in nav]
    section = entries.index("- Adapting this pack:")
    assert entries[section + 1 : section + 3] == ["- adapting.md", "- Fields of pack files: adapting-fields.md"]


def test_the_reference_shows_the_rules(reference: dict[str, str]) -> None:
    card = reference["card"]
    assert "The steps' <code>minutes</code> add up to a time from <code>duration.min</code>" in card
    assert "its <code>id</code> is the file's name without <code>.yml</code>" in card
    assert "gives at least the minutes of the card's steps it uses" in reference["session"]


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="no kind of pack item 'cards'; use one of 'card'"):
        field_reference(example_context(), "cards")


def schema_models() -> list[type[BaseModel]]:
    return [
        model
        for _, model in inspect.getmembers(schema, inspect.isclass)
        if issubclass(model, BaseModel) and model.__module__ == schema.__name__
    ]


@pytest.mark.parametrize("model", schema_models(), ids=lambda model: model.__name__)
def test_every_validator_says_what_it_checks(model: type[BaseModel]) -> None:
    silent = [name for name, text in validator_rules(model).items() if not text]
    assert silent == [], "add @rule('...') under the validator's decorator, saying what it checks"


def kind_models() -> list[type[BaseModel]]:
    found: set[type[BaseModel]] = set()
    for kind in KINDS:
        found |= models_in(kind.model)
    return sorted(found, key=lambda model: model.__name__)


@pytest.mark.parametrize("model", kind_models(), ids=lambda model: model.__name__)
def test_every_example_is_valid(model: type[BaseModel]) -> None:
    for info in model.model_fields.values():
        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        for example in info.examples or []:
            adapter.validate_python(example)  # raises if the example is wrong


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_missing_field_is_shown_with_its_example(kind: Kind) -> None:
    for name, info in kind.model.model_fields.items():
        if info.is_required():
            message = describe_error(kind.model, (name,), {"type": "missing", "loc": (name,), "msg": "", "input": {}})
            assert f"add it, such as {name}: " in message
