"""Render the Markdown fields of pack data with the site's own Markdown setup.

Fields such as a card's purpose hold Markdown. They are rendered with the
same extensions and options as the pages (taken from ``mkdocs.yml``), so an
admonition or a table works the same in a card as on a page.

Links in pack data are written relative to the ``docs`` folder, for example
``[evaluation](guides/evaluation.md#a-form)``, because the same card appears
on pages at different depths. Each link is checked and rewritten to a URL
relative to the page being rendered; a link to a page that does not exist is
reported, not silently kept.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

#: Resolves a docs-relative link target to a page-relative URL; raises
#: ValueError with a message when the target does not exist.
LinkResolver = Callable[[str], str]

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


class _LinkRewriter(Treeprocessor):
    def __init__(self, md: markdown.Markdown, owner: FieldMarkdown) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: Element) -> None:
        for element in root.iter():
            # Pack data never carries script: drop event handlers (from an
            # attribute list) and script URLs, even if validation were bypassed.
            for name in [name for name in element.attrib if name.lower().startswith("on")]:
                del element.attrib[name]
            for attribute in ("href", "src"):
                if _UNSAFE_SCHEME.match(element.get(attribute, "")):
                    del element.attrib[attribute]
            for attribute in ("href", "src"):
                target = element.get(attribute)
                if target is None or _SCHEME.match(target) or target.startswith(("#", "/", "//")):
                    continue
                element.set(attribute, self.owner.resolve(target))


class _LinkExtension(markdown.Extension):
    def __init__(self, owner: FieldMarkdown) -> None:
        super().__init__()
        self.owner = owner

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        # After inline processing (priority 20), before prettify.
        md.treeprocessors.register(_LinkRewriter(md, self.owner), "pack_links", 5)


class FieldMarkdown:
    """Markdown to HTML for pack fields, with link checking."""

    def __init__(
        self,
        extensions: Sequence[Any] = (),
        extension_configs: dict[str, dict[str, Any]] | None = None,
        resolver: LinkResolver | None = None,
    ) -> None:
        self.resolver: LinkResolver = resolver or (lambda target: target)
        self._md = markdown.Markdown(
            extensions=[*extensions, _LinkExtension(self)],
            extension_configs=extension_configs or {},
        )
        # Pack data is Markdown only: raw HTML is shown as text, never passed
        # through, even if the loader's check were bypassed.
        for name in ("html_block",):
            if name in self._md.preprocessors:
                self._md.preprocessors.deregister(name)
        if "html" in self._md.inlinePatterns:
            self._md.inlinePatterns.deregister("html")

    def resolve(self, target: str) -> str:
        return self.resolver(target)

    def block(self, text: str) -> Markup:
        """Render block Markdown (paragraphs, lists, admonitions)."""
        self._md.reset()
        return Markup(self._md.convert(text))

    def inline(self, text: str) -> Markup:
        """Render one paragraph's worth of Markdown without the <p> around it."""
        html = str(self.block(text))
        match = _ONE_PARAGRAPH.match(html)
        if match and "<p>" not in match.group(1):
            return Markup(match.group(1))
        return Markup(html)


def relative_url(target_url: str, from_url: str) -> str:
    """The URL of ``target_url`` as seen from the page at ``from_url``.

    Both are site-root-relative, such as ``tools/check-in.html``.
    """
    target_path, _, fragment = target_url.partition("#")
    base = posixpath.dirname(from_url) or "."
    relative = posixpath.relpath(target_path or from_url, base) if target_path else ""
    if fragment:
        return f"{relative}#{fragment}"
    return relative


__all__ = ["FieldMarkdown", "LinkResolver", "relative_url"]
