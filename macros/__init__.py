"""The pack's generator, page side: data model, loading, components and the MkDocs plugin.

The ``pack`` plugin (:mod:`macros.plugin`) validates the pack when a build
starts, adds a page for every item, and renders the macro calls in pages
(:mod:`macros.macro_table` lists them) in Jinja's sandbox
(:mod:`macros.page_templates`).

Importing this package does not import MkDocs, so the components and the
data model can be used and tested on their own.
"""
