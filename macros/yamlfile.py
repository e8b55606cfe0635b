"""Read a YAML file and remember the line of every value in it.

PyYAML keeps line numbers on its node tree but drops them when it builds
Python objects. This module composes the node tree, records the line of
each path (``("steps", 2, "minutes") -> 31``) and then builds the data, so
that a validation error deep in a file can still name its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Pages larger than this are refused: they are almost certainly a mistake
#: (a pasted export, a binary file) and would slow every build.
MAX_FILE_BYTES = 1_000_000


@dataclass
class LoadedYaml:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    #: Keys given twice in one mapping: (path, line of the second one).
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that exists."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class YamlFileError(Exception):
    """A file that could not be read as YAML; ``line`` is 1-based."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, with errors an editor can act on."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlFileError(
            f"the file is {len(raw) // 1000} kB; the limit is {MAX_FILE_BYTES // 1000} kB. Split it into smaller files"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlFileError("the file is not UTF-8 text; save it again as UTF-8 in your editor", line) from None


def load_yaml(path: Path) -> LoadedYaml:
    """Parse ``path``; raise :class:`YamlFileError` with a line on failure."""
    text = read_text(path)
    return parse_yaml(text)


def parse_yaml(text: str, first_line: int = 1) -> LoadedYaml:
    """Parse YAML text; ``first_line`` is the file line of the text's first line."""
    if not text.strip():
        raise YamlFileError("the file is empty; it needs at least an id and a title", first_line)
    # One parse gives both the node tree (with line numbers) and the data.
    # libyaml's loader when PyYAML has it (its wheels do): many times faster.
    loader = _LOADER(text)
    node = None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        problem = error.problem or "not valid YAML"
        if isinstance(error, yaml.constructor.ConstructorError) and "for the tag" in problem:
            raise YamlFileError(
                "this value has a YAML tag (such as !!python/...), which the pack does not allow: "
                "values are plain text, numbers, dates and lists; remove the tag",
                line,
            ) from None
        if "'\\t'" in problem or "tab" in problem.lower():
            hint = "; YAML does not allow tabs for indentation: use spaces"
        else:
            hint = "; check the indentation and that every 'key: value' has a space after the colon"
        raise YamlFileError(f"this is not valid YAML: {problem}{hint}", line) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks nearly all errors
        raise YamlFileError(f"this is not valid YAML: {error}") from None
    except ValueError:
        # PyYAML raises a bare ValueError for a date that does not exist
        # (2026-02-30); find it so the message can name its line.
        raise _bad_date(node, first_line) from None
    finally:
        loader.dispose()
    loaded = LoadedYaml(data)
    if node is not None:
        _record_lines(node, (), loaded, first_line)
    return loaded


def _bad_date(node: yaml.Node | None, first_line: int) -> YamlFileError:
    checker = yaml.SafeLoader("")
    for scalar in _scalars(node):
        if scalar.tag == "tag:yaml.org,2002:timestamp":
            try:
                checker.construct_yaml_timestamp(scalar)
            except ValueError:
                return YamlFileError(
                    f"'{scalar.value}' is not a real date; write it as YYYY-MM-DD, such as 2026-11-25",
                    scalar.start_mark.line + first_line,
                )
    return YamlFileError("a value could not be read; check the dates and numbers", first_line)


def _scalars(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.MappingNode):
        return [scalar for key, value in node.value for scalar in (*_scalars(key), *_scalars(value))]
    if isinstance(node, yaml.SequenceNode):
        return [scalar for item in node.value for scalar in _scalars(item)]
    return []


def line_map(text: str) -> LoadedYaml:
    """Only the lines of ``text``'s fields; tags such as MkDocs' ``!ENV`` are fine."""
    loaded = LoadedYaml(None)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return loaded
    if node is not None:
        _record_lines(node, (), loaded, 1)
    return loaded


def _record_lines(node: yaml.Node, path: Path_, loaded: LoadedYaml, first_line: int) -> None:
    loaded.lines.setdefault(path, node.start_mark.line + first_line)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            key_line = key_node.start_mark.line + first_line
            if key in seen:
                loaded.duplicate_keys.append(((*path, key), key_line))
                continue
            seen.add(key)
            # The key's own line is more useful than where its value starts.
            loaded.lines[(*path, key)] = key_line
            _record_lines(value_node, (*path, key), loaded, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), loaded, first_line)
