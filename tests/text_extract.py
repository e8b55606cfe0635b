"""Pull the readable prose out of a built page, for spelling and readability checks."""

from __future__ import annotations

from html.parser import HTMLParser

#: Elements whose text is prose (sentences), for readability.
PROSE = {"p", "li", "dd", "blockquote", "figcaption"}
#: Elements whose text is never read as words.
SKIPPED = {"script", "style", "code", "pre", "svg", "nav", "time"}
#: Inline elements: their edges are not word boundaries.
INLINE = {"a", "abbr", "b", "cite", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"}
SKIPPED_CLASSES = ("headerlink", "md-content__button", "alp-page-review", "md-source-file")


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article class="md-content__inner">
        self.skip = 0
        self.stack: list[tuple[str, bool]] = []
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.all_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = values.get("class") or ""
        if tag == "article" and "md-content__inner" in classes:
            self.depth = 1
            return
        if not self.depth:
            return
        if tag not in INLINE:
            self.all_text.append(" ")
        skipping = tag in SKIPPED or any(name in classes for name in SKIPPED_CLASSES)
        if tag in {"br", "img", "input", "hr", "meta", "link", "source"}:
            return
        self.stack.append((tag, skipping))
        if skipping:
            self.skip += 1
        if tag in PROSE:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE:
            self.all_text.append(" ")
        if not self.depth or not self.stack:
            if tag == "article":
                self.depth = 0
            return
        while self.stack:
            open_tag, skipping = self.stack.pop()
            if skipping:
                self.skip -= 1
            if open_tag in PROSE:
                self._flush()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.all_text.append(data)
            if self.stack and any(tag in PROSE for tag, _ in self.stack):
                self.current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            if text[-1] not in ".!?:;":
                text += "."
            self.blocks.append(text)


def article_text(html: str) -> tuple[str, str]:
    """(prose for readability, every word on the page for spelling)."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return " ".join(parser.blocks), " ".join("".join(parser.all_text).split())
