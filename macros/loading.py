"""Load the pack's content files, validate them, and report every problem.

The pack holds one file per item, in a folder per kind (see
:mod:`macros.kinds`)::

    pack/cards/<card-id>.yml        a tool card
    pack/questions/<bank-id>.yml    a question bank
    pack/sessions/<session-id>.yml  a session plan in the programme
    pack/forms/<form-id>.yml        a form or template to print
    pack/glossary/<term-id>.yml     a term of the glossary
    pack/programme.yml              the figures pages quote

:func:`load_pack` reads them all, checks each against its kind's model,
then checks the references between them (:mod:`macros.references`). It
either returns a :class:`Pack` or raises
:class:`~macros.problems.ContentError` listing every problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .kinds import KINDS, Kind, by_name
from .pack import Pack
from .problems import ContentError, Problem, field_name, problem_from_error
from .references import check_references
from .schema import Item, Programme
from .yamlfile import LoadedYaml, YamlFileError, load_yaml

Model = TypeVar("Model", bound=BaseModel)

#: The one file in the pack folder that is not an item: the programme's figures.
PROGRAMME_FILE = "programme.yml"


@dataclass
class _Reading:
    """What loading has found so far."""

    project_dir: Path
    problems: list[Problem] = field(default_factory=list)
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    lines: dict[str, LoadedYaml] = field(default_factory=dict)
    #: Files that exist but failed validation: references to them are not reported again.
    attempted: set[tuple[str, str]] = field(default_factory=set)

    def shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.project_dir.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def load_pack(pack_dir: Path, project_dir: Path | None = None, kinds: Iterable[Kind] = KINDS) -> Pack:
    """Read and validate every file under ``pack_dir``.

    ``project_dir`` is only used to show file names relative to the project.
    """
    reading = _Reading(project_dir or pack_dir.parent)
    if not pack_dir.is_dir():
        raise ContentError([Problem(reading.shown(pack_dir), None, None, "the pack folder does not exist")])
    kind_table = by_name(kinds)
    items_by_kind = {name: _read_kind(pack_dir, kind, reading) for name, kind in kind_table.items()}
    pack = Pack(
        items_by_kind=items_by_kind,
        kinds=kind_table,
        programme=_read_programme(pack_dir, reading),
        sources=reading.sources,
        lines=reading.lines,
    )
    # Broken references are reported only where the target file is missing,
    # not where it exists but has problems of its own (listed already).
    problems = reading.problems + check_references(pack, reading.attempted)
    if problems:
        raise ContentError(problems)
    return pack


def _read_kind(pack_dir: Path, kind: Kind, reading: _Reading) -> dict[str, Item]:
    """Every valid item in one kind's folder, in the kind's order."""
    items: dict[str, Item] = {}
    for path in sorted((pack_dir / kind.folder).glob("*")):
        shown = reading.shown(path)
        if path.name.startswith(".") or path.is_dir():
            continue
        reading.attempted.add((kind.name, path.stem))
        if path.suffix not in {".yml", ".yaml"}:
            message = f"only .yml files belong in {kind.folder}/; move or rename this file"
            reading.problems.append(Problem(shown, None, None, message))
            continue
        item = _load_item(path, shown, kind.model, reading)
        if item is None:
            continue
        if item.id in items:
            used_by = reading.sources[(kind.name, item.id)]
            message = f"the id '{item.id}' is already used by {used_by}; ids must be unique"
            reading.problems.append(Problem(shown, 1, "id", message))
            continue
        items[item.id] = item
        reading.sources[(kind.name, item.id)] = shown
    return dict(sorted(items.items(), key=lambda pair: kind.order(pair[1])))


def _read_programme(pack_dir: Path, reading: _Reading) -> Programme | None:
    path = pack_dir / PROGRAMME_FILE
    shown = reading.shown(path)
    if not path.is_file():
        message = "the file is missing; it holds the figures pages quote, such as the set size: copy it from upstream"
        reading.problems.append(Problem(shown, None, None, message))
        return None
    programme = _read_model(path, shown, Programme, reading)
    if programme is not None:
        reading.sources[("programme", "programme")] = shown
    return programme


def _load_item(path: Path, shown: str, model: type[Item], reading: _Reading) -> Item | None:
    """An item whose id is its file's name (:data:`~macros.kinds.FILE_RULES` says so on the field reference page)."""
    item = _read_model(path, shown, model, reading)
    if item is None or item.id == path.stem:
        return item
    reading.problems.append(
        Problem(
            shown,
            reading.lines[shown].line_of(("id",)),
            "id",
            f"the id '{item.id}' differs from the file name '{path.name}'; "
            f"rename the file to '{item.id}{path.suffix}' or change the id",
        )
    )
    return None


def _read_model(path: Path, shown: str, model: type[Model], reading: _Reading) -> Model | None:
    try:
        loaded = load_yaml(path)
    except YamlFileError as error:
        reading.problems.append(Problem(shown, error.line, None, error.message))
        return None
    except OSError as error:
        reading.problems.append(Problem(shown, None, None, f"cannot be read: {error.strerror}"))
        return None
    for key_path, line in loaded.duplicate_keys:
        reading.problems.append(Problem(shown, line, field_name(key_path), "this field is given twice; keep one"))
    if not isinstance(loaded.data, dict):
        reading.problems.append(Problem(shown, 1, None, "expected 'field: value' lines at the top of the file"))
        return None
    try:
        item = model.model_validate(loaded.data)
    except ValidationError as error:
        reading.problems += [problem_from_error(shown, loaded, model, d) for d in error.errors(include_url=False)]
        return None
    reading.lines[shown] = loaded
    return item


def load_or_report(
    pack_dir: Path, project_dir: Path | None = None, kinds: Iterable[Kind] = KINDS
) -> tuple[Pack | None, list[Problem]]:
    """Like :func:`load_pack`, but return the problems instead of raising."""
    try:
        return load_pack(pack_dir, project_dir, kinds), []
    except ContentError as error:
        return None, error.problems


__all__ = ["PROGRAMME_FILE", "load_or_report", "load_pack"]
