"""What the PDF step says about WeasyPrint's messages, without rendering: which page, and what to do."""

from __future__ import annotations

import logging
from pathlib import Path

from scripts.pdf.documents import Document
from scripts.pdf.render import EngineMessages, engine_messages
from scripts.pdf.site import BuiltSite

BODY = (
    '<section class="chapter" id="p-index" data-url="index.html"><p>Home</p></section>\n'
    '<section class="chapter" id="p-guides-features" data-url="guides/features.html">'
    '<p><span style="color: var(--md-accent-fg-color)">Coloured on screen</span></p>'
    '<p style="colour: red">Misspelt</p><a href="#p-guides-features--nowhere">a broken link</a></section>'
)


def _site() -> BuiltSite:
    site = BuiltSite(Path("/nowhere"))
    site.__dict__["data"] = {
        "pages": [
            {"url": "index.html", "title": "Home", "source": "docs/index.md"},
            {"url": "guides/features.html", "title": "Features", "source": "overlay/guides/features.md"},
        ]
    }
    return site


def _messages(*records: tuple[str, tuple[object, ...]], body: str = BODY) -> EngineMessages:
    document = Document(
        "pack.pdf", "Pack", "pack", body, ("fonts.css",), sources=("index.html", "guides/features.html")
    )
    logged = [logging.LogRecord("weasyprint", logging.WARNING, "", 0, msg, args, None) for msg, args in records]
    return engine_messages(logged, document, _site())


UNRESOLVED = ("Ignored `%s: %s` at %d:%d, %s.", ("color", "", 1, 8, "no value"))


def test_an_unresolved_variable_in_a_pages_style_is_only_a_note_naming_the_page() -> None:
    messages = _messages(UNRESOLVED)
    assert messages.problems == ()
    (note,) = messages.notes
    assert note.startswith("pack.pdf: note: a style on the page guides/features.html (overlay/guides/features.md)")
    assert "nothing to do" in note and "var(--name, value)" in note


def test_the_same_message_from_the_print_styles_is_a_bug_to_report() -> None:
    messages = _messages(UNRESOLVED, body='<section class="chapter" data-url="index.html"><p>Home</p></section>')
    assert messages.notes == ()
    (problem,) = messages.problems
    assert "in the print styles (scripts/pdf/styles/)" in problem and "please report it" in problem


def test_a_misspelt_property_fails_naming_the_page_its_file_and_the_fix() -> None:
    (problem,) = _messages(("Ignored `%s:%s` at %d:%d, %s.", ("colour", " red", 1, 1, "unknown property"))).problems
    assert problem == (
        "pack.pdf: WeasyPrint warned: a style on the page guides/features.html (overlay/guides/features.md) "
        "sets colour: colour is not a CSS property WeasyPrint knows (is it misspelt?); correct it or remove it"
    )


def test_a_link_to_nowhere_names_the_page_the_link_is_on() -> None:
    (problem,) = _messages(("No anchor #%s for internal URI reference", ("p-guides-features--nowhere",))).problems
    assert (
        "a link on the page guides/features.html (overlay/guides/features.md) goes to #p-guides-features--nowhere"
        in problem
    )


def test_a_message_we_do_not_know_still_fails_and_says_it_is_weasyprints() -> None:
    (problem,) = _messages(("Something new: %s", ("odd",))).problems
    assert problem.startswith("pack.pdf: WeasyPrint warned: Something new: odd (a message from the PDF engine")
