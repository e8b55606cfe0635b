"""Named examples for every component: documentation and test fixtures at once.

Each component folder has a ``component.yml`` listing its parameters and
examples. An example names the macro arguments, the page it is rendered on,
and any options. They all render against the small pack in ``examples/pack``
with the English strings and the site's own Markdown settings, so the
output is the same HTML the site would show.

Render them all with ``python -m macros.components.examples`` (prints each
example's HTML) or look at ``tests/golden/<component>/<example>.html``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from ...loading import load_pack
from ...markdown_fields import FieldMarkdown, relative_url
from ...pack import Pack
from ...strings import load_strings
from .. import COMPONENTS_DIR, RenderContext

PROJECT_DIR = COMPONENTS_DIR.parents[1]
EXAMPLES_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Example:
    component: str
    name: str
    description: str
    params: dict[str, Any]
    page: str = "index.html"
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    description: str
    params: list[Parameter]
    examples: list[Example]


def component_specs() -> list[ComponentSpec]:
    """Every component's spec, read from its ``component.yml``."""
    specs = []
    for spec_file in sorted(COMPONENTS_DIR.glob("*/component.yml")):
        data = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
        name = spec_file.parent.name
        params = [Parameter(**param) for param in data.get("params", [])]
        examples = [Example(component=name, **example) for example in data["examples"]]
        specs.append(ComponentSpec(name, data["description"], params, examples))
    return specs


def site_markdown_settings(config_file: Path = PROJECT_DIR / "config" / "base.yml") -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions and their options, as the site uses them."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    extensions: list[str] = []
    configs: dict[str, Any] = {}
    for entry in data.get("markdown_extensions", []):
        if isinstance(entry, str):
            extensions.append(entry)
        else:
            ((name, options),) = entry.items()
            extensions.append(name)
            configs[name] = options or {}
    return extensions, configs


class _ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!ENV`` tags as their default value."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


@cache
def example_pack() -> Pack:
    return load_pack(EXAMPLES_DIR / "pack", PROJECT_DIR)


def example_context(page: str = "index.html", options: dict[str, Any] | None = None) -> RenderContext:
    """A render context over the example pack, as if on ``page``."""
    extensions, configs = site_markdown_settings()
    markdown = FieldMarkdown(extensions, configs)
    markdown.resolver = lambda target: relative_url(target.replace(".md", ".html", 1), page)
    return RenderContext(
        pack=example_pack(),
        strings=load_strings(PROJECT_DIR / "locales", "en"),
        markdown=markdown,
        page_url=page,
        options=dict(options or {}),
    )


def render_example(example: Example) -> Markup:
    from ...macro_table import MACROS

    ctx = example_context(example.page, example.options)
    result = MACROS[example.component](ctx, **example.params)
    return Markup(result)


def main() -> int:
    for spec in component_specs():
        for example in spec.examples:
            print(f"<!-- {spec.name} / {example.name}: {example.description} -->")
            print(render_example(example))
    return 0


if __name__ == "__main__":
    sys.exit(main())
