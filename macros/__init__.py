"""The pack's macros for mkdocs-macros-plugin (``module_name: macros``).

Each macro renders a component from :mod:`macros.components` for the page
being built. The data, strings and links come from the ``pack`` plugin
(:mod:`macros.plugin`), which validated them when the build started.
"""

from __future__ import annotations

from .macro_table import register


def define_env(env):  # type: ignore[no-untyped-def] - mkdocs-macros passes its own env type
    """Register the pack's macros with mkdocs-macros."""
    register(env)
