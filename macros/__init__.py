"""The pack's macros for mkdocs-macros-plugin (``module_name: macros``).

Each macro renders a component from :mod:`macros.components` for the page
being built. The data, strings and links come from the ``pack`` plugin
(:mod:`macros.plugin`), which validated them when the build started.

Importing this package does not import MkDocs, so the components and the
data model can be used and tested on their own.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register the pack's macros with mkdocs-macros."""
    from .macro_table import register

    register(env)
