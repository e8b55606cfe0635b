"""The macro calls in pages, rendered in Jinja's sandbox.

A page's Markdown may call the pack's macros, such as
``{{ card_link("check-in") }}``, and include another file of ``docs/``
with ``{% include "snippet.md" %}``. Pages are written by a fork's editors
and by people they accept changes from, so the template runs in Jinja's
immutable sandbox: it can call the macros and read the values it is given,
but it cannot reach Python's internals (``__class__``, ``__globals__``, a
module such as ``os``) or change the values it reads. A page that tries
is refused, with its file and line, and nothing it asked for runs.

Only page sources are templates, and code in them is not: a fenced block
or `inline code` is shown as written, so a code example can show a macro
call. Pack data, strings and settings never are: they reach a page as values that the macros pass to the components,
which escape them. Page titles are shown as written, braces and all.
Values a page prints itself, such as ``{{ identity.organisation }}``, are
escaped too; what the macros return is HTML we wrote, and is not.

The syntax is mkdocs-macros-plugin's, which the pack used before: a page
can still switch rendering off with ``render_macros: false`` in its front
matter. That plugin builds its own Jinja environment with no sandbox and
renders every page title as a template, so the pack renders pages itself.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

#: Jinja's name for the template it made from a string, in tracebacks.
_TEMPLATE_FILE = "<template>"


class PageTemplateError(Exception):
    """A page's template failed; the message is one line an editor can act on."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class PageTemplates:
    """The sandboxed environment that renders pages, with the pack's macros in it."""

    env: jinja2.Environment

    @classmethod
    def create(cls, include_dirs: list[Path], names: Mapping[str, Any]) -> PageTemplates:
        """An environment whose pages see ``names`` and may include files from ``include_dirs``.

        The first folder wins when two hold the same file, so a fork's
        overlay folder goes first.
        """
        env = ImmutableSandboxedEnvironment(
            loader=jinja2.FileSystemLoader([str(folder) for folder in include_dirs]),
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            keep_trailing_newline=True,
        )
        env.globals.update(names)
        return cls(env)

    @property
    def known_names(self) -> set[str]:
        """Every name a page may use without defining it."""
        return set(self.env.globals)

    def render(self, markdown: str, variables: Mapping[str, Any]) -> str:
        """``markdown`` with its macro calls replaced by what they return.

        Raises :class:`PageTemplateError` with the line in ``markdown``
        where the template failed, if Jinja kept it.
        """
        code = ProtectedCode.of(markdown)
        try:
            return code.restore(self.env.from_string(code.text).render(variables))
        except jinja2.TemplateSyntaxError as error:
            raise PageTemplateError(
                error.lineno, f"template error: {error.message}; check the {{{{ }}}} and {{% %}} around it"
            ) from None
        except jinja2.TemplateNotFound as error:
            raise PageTemplateError(
                _template_line(error),
                f"there is no file '{error.name}' to include; includes name a file inside the docs folder",
            ) from None
        except SecurityError as error:
            raise PageTemplateError(
                _template_line(error),
                f"refused: {str(error).rstrip('.')}. A page may call the pack's macros and show their values, "
                "and nothing else; remove this expression",
            ) from None
        except (LookupError, ValueError, TypeError, jinja2.TemplateError) as error:
            raise PageTemplateError(_template_line(error), str(error)) from None


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_TOKEN = "\ue000{}\ue001"


@dataclass(frozen=True)
class ProtectedCode:
    """A page's Markdown with its code (fenced blocks and `inline code`) set aside.

    Code is shown as written: a macro call inside a code example is the
    example, not a macro. Each piece of code is replaced by a token that keeps
    its line breaks, so the lines of the rest stay where they were.
    """

    text: str
    pieces: tuple[str, ...]

    @classmethod
    def of(cls, markdown: str) -> ProtectedCode:
        pieces: list[str] = []

        def token(code: str) -> str:
            pieces.append(code)
            return _TOKEN.format(len(pieces) - 1) + "\n" * code.count("\n")

        out: list[str] = []
        fence: str | None = None
        block: list[str] = []
        for line in markdown.splitlines(keepends=True):
            if fence is None:
                opened = _FENCE.match(line)
                if opened:
                    fence, block = opened.group(1), [line]
                else:
                    out.append(_INLINE_CODE.sub(lambda match: token(match.group(0)), line))
                continue
            block.append(line)
            closing = _FENCE.match(line)
            if (
                closing
                and closing.group(1)[0] == fence[0]
                and len(closing.group(1)) >= len(fence)
                and not line.strip()[len(closing.group(1)) :].strip()
            ):
                out.append(token("".join(block)))
                fence = None
        if fence is not None:  # an unclosed fence runs to the end of the page, as in Markdown
            out.append(token("".join(block)))
        return cls("".join(out), tuple(pieces))

    def restore(self, rendered: str) -> str:
        for index, code in enumerate(self.pieces):
            rendered = rendered.replace(_TOKEN.format(index) + "\n" * code.count("\n"), code, 1)
        return rendered


def _template_line(error: BaseException) -> int | None:
    """The line of the page where ``error`` was raised, if Jinja kept it."""
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == _TEMPLATE_FILE:
            line = frame.lineno
    return line


def switched_off(meta: Mapping[str, Any]) -> bool:
    """Whether the page's front matter says ``render_macros: false``."""
    return meta.get("render_macros") is False


__all__ = ["PageTemplateError", "PageTemplates", "ProtectedCode", "switched_off"]
