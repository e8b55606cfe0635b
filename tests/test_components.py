"""Every component example renders to its reviewed golden HTML, and the HTML is sound.

Regenerate the golden files with ``pytest tests/test_components.py --update-golden``
and review the diff before committing.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.components.examples import Example, component_specs, example_context, render_example
from macros.macro_table import MACROS

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = [example for spec in component_specs() for example in spec.examples]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def example_id(example: Example) -> str:
    return f"{example.component}/{example.name}"


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> at line {self.getpos()[0]} closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()


def test_every_component_has_examples() -> None:
    names = {spec.name for spec in component_specs()}
    assert {"tool_card", "tool_index", "question_bank", "session_plan", "programme_overview"} <= names
    for spec in component_specs():
        assert spec.examples, f"{spec.name} has no examples"


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_example_matches_golden(example: Example, update_golden: bool) -> None:
    html = str(render_example(example)) + "\n"
    golden = GOLDEN / example.component / f"{example.name}.html"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run pytest with --update-golden and review it"
    assert html == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_example_html_is_well_formed(example: Example) -> None:
    checker = _Checker()
    checker.feed(str(render_example(example)))
    checker.close()
    assert checker.errors == []
    assert checker.stack == [], f"unclosed: {checker.stack}"
    duplicates = [anchor for anchor, count in Counter(checker.ids).items() if count > 1]
    assert duplicates == []


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_example_has_no_blank_lines(example: Example) -> None:
    # A blank line would let Markdown end the raw HTML block early.
    assert "\n\n" not in str(render_example(example))


@pytest.mark.parametrize("spec", component_specs(), ids=lambda spec: spec.name)
def test_documented_parameters_match_the_function(spec) -> None:  # type: ignore[no-untyped-def]
    function = MACROS[spec.name]
    actual = list(inspect.signature(function).parameters)[1:]
    assert [param.name for param in spec.params] == actual
    for param in spec.params:
        default = inspect.signature(function).parameters[param.name].default
        assert param.required == (default is inspect.Parameter.empty), param.name


def test_values_from_data_are_escaped() -> None:
    html = str(render_example(Example("tool_card", "x", "", {"card_id": "example-full", "level": 1})))
    assert "Practice &#34;round&#34; &amp; review" in html
    assert "1 &lt; 2, 3 &gt; 2 &amp; ampersands" in html
    assert "A timer &amp; an alarm &gt; 80 dB" in html


def test_questions_are_escaped() -> None:
    html = str(render_example(Example("question_bank", "x", "", {"bank_id": "example-open"})))
    assert "What would &#34;good&#34; look like for you, on a scale of 1 &lt; 10?" in html


def test_markdown_fields_use_the_site_extensions() -> None:
    html = str(render_example(Example("tool_card", "x", "", {"card_id": "example-full"})))
    assert "<strong>Markdown</strong>" in html
    assert '<div class="admonition note">' in html  # the admonition extension, as on pages
    assert "<em>advice</em>" in html


def test_links_in_fields_are_relative_to_the_page() -> None:
    on_card_page = str(
        render_example(Example("tool_card", "x", "", {"card_id": "example-full"}, page="tools/example-full.html"))
    )
    assert 'href="../guides/evaluation.html#kirkpatricks-levels"' in on_card_page
    on_home = str(render_example(Example("tool_card", "x", "", {"card_id": "example-full"}, page="index.html")))
    assert 'href="guides/evaluation.html#kirkpatricks-levels"' in on_home


def test_unknown_id_suggests_the_nearest() -> None:
    with pytest.raises(LookupError, match=r"no tool card with the id 'example-ful' \(did you mean 'example-full'\?\)"):
        MACROS["tool_card"](example_context(), "example-ful")


def test_bad_choice_lists_the_choices() -> None:
    with pytest.raises(ValueError, match=r"stage must be one of .*'opening'.* not 'openin'.*did you mean 'opening'"):
        MACROS["tool_index"](example_context(), stage="openin")


def test_timed_agenda_starts_each_item_after_the_last() -> None:
    html = str(render_example(Example("session_plan", "x", "", {"session_id": "example-meeting"})))
    starts = [cell.split("</td>")[0] for cell in html.split('<td class="alp-agenda__start">')[1:]]
    assert starts == ["0:00", "0:05", "1:05"]
    assert '<td class="alp-agenda__minutes">75</td>' in html


def test_components_and_the_site_model_do_not_need_mkdocs() -> None:
    """Every component, the examples harness and the engine-free site model import no MkDocs or theme code."""
    names = sorted(spec.name for spec in component_specs())
    modules = [f"macros.components.{name}" for name in names] + ["macros.components.examples", "macros.site_model"]
    code = (
        f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}];"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'material', 'mkdocs_macros'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert len(names) == len(list((Path(__file__).parents[1] / "macros" / "components").glob("*/component.yml")))


def test_the_downloads_table_shows_each_documents_other_versions_in_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from macros.components import downloads as component

    real = component.catalogue

    def without_versions(*args: object, **kwargs: object) -> list[object]:
        return [item for item in real(*args, **kwargs) if not item.version_of]  # type: ignore[arg-type]

    def with_versions(*args: object, **kwargs: object) -> list[object]:
        items = without_versions(*args, **kwargs)
        handout = next(item for item in items if item.layout == "handout")
        deck = next(item for item in items if item.layout == "deck")
        versions = [
            replace(handout, file=f"word/{handout.file[:-4]}.docx", version="word", version_of=handout.file),
            replace(handout, file=f"large-print/{handout.file}", version="large-print", version_of=handout.file),
            replace(deck, file="print-shop-a4.pdf", title="Deck, A4", version="print-shop", version_of=deck.file),
            replace(
                deck, file="print-shop-letter.pdf", title="Deck, Letter", version="print-shop", version_of=deck.file
            ),
        ]
        return [*items, *versions]

    monkeypatch.setattr(component, "catalogue", with_versions)
    example = next(example for example in EXAMPLES if example_id(example) == "downloads/built")
    html = str(render_example(example))
    rows = [row for row in html.split("<tr>")[1:] if '<th scope="row">' in row]
    # No version has a row of its own; each is in its document's row, in the order of VERSIONS.
    assert not any("large-print/" in row.split("</th>")[0] for row in rows)
    [handout_row] = [row for row in rows if "large-print/" in row]
    assert handout_row.index("Large print") < handout_row.index("Word document")
    assert 'data-manifest-pagecount="large-print/' in handout_row
    assert 'data-manifest-pagecount="word/' not in handout_row  # a Word file has no page count
    assert 'data-manifest-size="word/' in handout_row
    # Two of one version are told apart by their own titles.
    [deck_row] = [row for row in rows if "print-shop-a4.pdf" in row]
    assert ">Deck, A4<span" in deck_row and ">Deck, Letter<span" in deck_row
    # A screen reader hears which document each version is of, inside the link.
    assert '>Large print<span class="alp-visually-hidden">: ' in handout_row
    # The column is in the tables whose documents have other versions, and only there.
    tables = html.split("<table")[1:]
    assert tables and all(("Other versions" in table) == ("alp-downloads__versions" in table) for table in tables)
    assert any("Other versions" not in table for table in tables)
    monkeypatch.setattr(component, "catalogue", without_versions)
    assert "Other versions" not in str(render_example(example))
