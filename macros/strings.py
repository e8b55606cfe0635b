"""The pack's fixed strings: labels, headings and messages, one file a language.

Strings live in ``locales/<language>.yml`` as nested YAML and are looked up by
dotted key, such as ``card.purpose``. A fork translates the pack by adding a
file for its language and setting ``theme.language``; a key the translation
lacks falls back to English, and ``make check`` lists those keys.
"""

from __future__ import annotations

import datetime as dt
import logging
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date

from .problems import ContentError, Problem, suggest
from .yamlfile import LoadedYaml, YamlFileError, load_yaml

log = logging.getLogger("mkdocs.plugins.pack")

FALLBACK_LANGUAGE = "en"


class Strings:
    """Look up a fixed string by key and fill in its ``{placeholders}``."""

    def __init__(self, language: str, table: Mapping[str, str], untranslated: list[str] | None = None) -> None:
        self.language = language
        self._table = dict(table)
        self.untranslated = untranslated or []
        self.locale = self._table.get("meta.locale", language).replace("-", "_")

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = self._table[key]
        except KeyError:
            raise KeyError(f"no string '{key}' in locales/{self.language}.yml{suggest(key, self._table)}") from None
        return text.format(**values) if values else text

    def plural(self, key: str, count: int, **values: object) -> str:
        """The form of ``key`` for ``count``.

        Forms are ``key.one`` and ``key.other``, and for languages that have
        them ``key.two``, ``key.few`` and so on, as Unicode's plural rules say.
        """
        form = Locale.parse(self.locale).plural_form(count)
        chosen = f"{key}.{form}" if f"{key}.{form}" in self._table else f"{key}.other"
        return self(chosen, count=count, **values)

    def has(self, key: str) -> bool:
        return key in self._table

    def date(self, value: dt.date) -> str:
        """A date written the way this language writes it, such as 25 November 2026."""
        return format_date(value, format="long", locale=self.locale)

    def as_dict(self) -> dict[str, str]:
        return dict(self._table)


def _placeholders(text: str) -> set[str]:
    """The {names} a string expects to be filled in."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _flatten(data: Any, prefix: str, out: dict[str, str], problems: list[Problem], source: str) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out, problems, source)
    elif isinstance(data, str):
        out[prefix] = data
    else:
        problems.append(Problem(source, None, prefix, f"expected text, got {data!r}; put the value in quotes"))


def _plain_placeholder_problems(table: Mapping[str, str], shown: str, lines: LoadedYaml) -> list[Problem]:
    """Placeholders are plain ``{names}``: a string is text to fill in, never code.

    ``str.format`` would otherwise follow ``{name.attribute}`` and
    ``{name[key]}`` into the values' internals, and a format spec such as
    ``{count:>999999999}`` would build a huge string.
    """
    problems = []
    for key, text in table.items():
        try:
            fields = list(string.Formatter().parse(text))
        except ValueError as error:
            problems.append(
                Problem(shown, lines.line_of(tuple(key.split("."))), key, f"{error}; write braces as {{{{ and }}}}")
            )
            continue
        for _, name, spec, conversion in fields:
            if name is not None and (spec or conversion or not name.isidentifier()):
                written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
                problems.append(
                    Problem(
                        shown,
                        lines.line_of(tuple(key.split("."))),
                        key,
                        f"the placeholder {{{written}}} is not a plain name; "
                        "placeholders are words in braces, such as {count}",
                    )
                )
    return problems


def _read_table(path: Path, shown: str) -> dict[str, str]:
    problems: list[Problem] = []
    try:
        loaded = load_yaml(path)
    except YamlFileError as error:
        raise ContentError([Problem(shown, error.line, None, error.message)]) from None
    table: dict[str, str] = {}
    _flatten(loaded.data, "", table, problems, shown)
    problems += _plain_placeholder_problems(table, shown, loaded)
    if problems:
        raise ContentError(problems)
    return table


def load_strings(locales_dir: Path, language: str) -> Strings:
    """Load the strings for ``language``, falling back to English key by key."""
    fallback_path = locales_dir / f"{FALLBACK_LANGUAGE}.yml"
    if not fallback_path.is_file():
        raise ContentError([Problem(fallback_path.as_posix(), None, None, "the English strings file is missing")])
    table = _read_table(fallback_path, f"{locales_dir.name}/{FALLBACK_LANGUAGE}.yml")
    untranslated: list[str] = []
    if language != FALLBACK_LANGUAGE:
        path = locales_dir / f"{language}.yml"
        if not path.is_file():
            known = sorted(p.stem for p in locales_dir.glob("*.yml"))
            raise ContentError(
                [
                    Problem(
                        "mkdocs.yml",
                        None,
                        "theme.language",
                        f"there is no strings file locales/{language}.yml{suggest(language, known)}; "
                        f"copy locales/{FALLBACK_LANGUAGE}.yml to it and translate the values",
                    )
                ]
            )
        translated = _read_table(path, f"{locales_dir.name}/{language}.yml")
        unknown = sorted(set(translated) - set(table))
        if unknown:
            raise ContentError(
                Problem(
                    f"{locales_dir.name}/{language}.yml",
                    None,
                    key,
                    f"no such key in {FALLBACK_LANGUAGE}.yml{suggest(key, table)}",
                )
                for key in unknown
            )
        shown = f"{locales_dir.name}/{language}.yml"
        mismatched = [
            Problem(
                shown,
                None,
                key,
                f"uses the placeholders {sorted(_placeholders(text)) or 'none'}, but the English has "
                f"{sorted(_placeholders(table[key])) or 'none'}; keep the words in {{braces}} as they are",
            )
            for key, text in translated.items()
            if _placeholders(text) != _placeholders(table[key])
        ]
        if mismatched:
            raise ContentError(mismatched)
        untranslated = sorted(set(table) - set(translated))
        table.update(translated)
    return Strings(language, table, untranslated)
