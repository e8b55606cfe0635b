"""Components: pure functions from validated pack data to HTML.

Each component has a folder here holding its template, its function, and a
``component.yml`` that describes it and lists its parameters and named
examples (its documentation). The examples
are documentation and test fixtures at once: ``tests/test_components.py``
renders every example and compares it with the reviewed HTML in
``tests/golden/``.

Components know nothing of MkDocs. They take a :class:`RenderContext`,
which carries the pack, the strings, the Markdown renderer and the URL of
the page being rendered, so they can be called from a test, from the site
build or from any other engine.

Every value from data is escaped by Jinja's autoescape; Markdown fields go
through :meth:`RenderContext.md` (block) or :meth:`RenderContext.md_inline`
and come back as safe HTML.
"""

from __future__ import annotations

import enum
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import jinja2
from markupsafe import Markup

if TYPE_CHECKING:
    from ..pack import Pack

from ..kinds import Routes
from ..markdown_fields import FieldMarkdown, relative_url
from ..problems import suggest
from ..strings import Strings
from .icons import badge_icon

COMPONENTS_DIR = Path(__file__).parent


@dataclass
class RenderContext:
    """Everything a component needs, and the page it renders for."""

    pack: Pack
    strings: Strings
    markdown: FieldMarkdown
    routes: Routes = field(default_factory=Routes)
    #: The URL of the page being rendered, relative to the site root.
    page_url: str = "index.html"
    #: Extra options for the page, such as whether handouts are built.
    options: dict[str, Any] = field(default_factory=dict)
    #: Items a fork hides, by (kind, id), with the words a link to one shows instead.
    hidden_links: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def url(self, site_url: str) -> str:
        """``site_url`` (root-relative) as a link from the current page."""
        return relative_url(site_url, self.page_url)

    def site_root(self) -> str:
        """The site root as a prefix from the current page ("" at the root, "../" one folder down)."""
        root = posixpath.relpath(".", posixpath.dirname(self.page_url) or ".")
        return "" if root == "." else root + "/"

    def md(self, text: str | None) -> Markup:
        return self.markdown.block(text) if text else Markup("")

    def md_inline(self, text: str | None) -> Markup:
        return self.markdown.inline(text) if text else Markup("")

    def minutes_range(self, low: int, high: int) -> str:
        if low == high:
            return self.strings("common.minutes", minutes=low)
        return self.strings("common.minutes_range", min=low, max=high)

    def people_range(self, low: int, high: int) -> str:
        if low == high:
            return self.strings("common.people", count=low)
        return self.strings("common.people_range", min=low, max=high)

    def clock(self, minutes: int) -> str:
        """Minutes from the start, written as H:MM (0:00, 1:05)."""
        return f"{minutes // 60}:{minutes % 60:02d}"


def heading_level(level: object) -> int:
    """``level`` as a heading level for a tile (2 to 6), or a ValueError that says what to write."""
    if isinstance(level, bool) or not isinstance(level, int) or not 2 <= level <= 6:
        raise ValueError(f"level must be a whole number from 2 to 6, not {level!r}")
    return level


EnumType = TypeVar("EnumType", bound=enum.Enum)


def choice(kind: type[EnumType], value: object, argument: str) -> EnumType:
    """``value`` as a member of ``kind``, or a ValueError that lists the choices."""
    allowed = [member.value for member in kind]
    if value in allowed:
        return kind(value)
    listed = ", ".join(f"'{option}'" for option in allowed)
    raise ValueError(f"{argument} must be one of {listed}, not {value!r}{suggest(str(value), allowed)}")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(COMPONENTS_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    # The tiles' icons (tiles.html), drawn from the paths in icons.py.
    env.globals["badge_icon"] = badge_icon
    return env


TEMPLATES = _environment()


def render(component: str, ctx: RenderContext, **params: Any) -> Markup:
    """Render ``component``'s template with ``params`` for the page in ``ctx``.

    The result has no blank lines, so that Markdown keeps it as one raw
    HTML block wherever a macro puts it.
    """
    template = TEMPLATES.get_template(f"{component}/template.html")
    html = template.render(ctx=ctx, t=ctx.strings, **params)
    return Markup(_drop_blank_lines(html))


def _drop_blank_lines(html: str) -> str:
    """Remove blank lines, except inside <pre>, where they are content."""
    kept: list[str] = []
    in_pre = 0
    for line in html.splitlines():
        if line.strip() or in_pre:
            kept.append(line)
        in_pre += line.count("<pre") - line.count("</pre>")
    return "\n".join(kept)
