"""The site model without MkDocs: a new kind is one registry row, a model and a template.

The test adds a kind the pack does not have (a recipe), with its folder,
model and component, and drives the engine-free site model as a site engine
would: the kind's files are validated, each item gets a page, a page links
to one with the kind's link macro (an unknown id is caught before
rendering), and pack.json lists them.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from markupsafe import Markup

from macros.components import RenderContext
from macros.kinds import KINDS, Kind, PageSpec
from macros.macro_table import COMPONENTS
from macros.open_data import dumps
from macros.problems import ContentError
from macros.schema import PagedItem, PlainText
from macros.site_model import PageSource, SiteModel, SiteSettings

from .conftest import EXAMPLE_PACK, FIXTURES, PROJECT


class Recipe(PagedItem):
    """A kind the pack does not have."""

    ingredients: list[PlainText]


RECIPE_TEMPLATE = jinja2.Environment(autoescape=True).from_string(
    '<article class="recipe" data-recipe-id="{{ recipe.id }}"><ul>'
    "{% for ingredient in recipe.ingredients %}<li>{{ ingredient }}</li>{% endfor %}</ul></article>"
)


def recipe_card(ctx: RenderContext, recipe_id: str) -> Markup:
    return Markup(RECIPE_TEMPLATE.render(recipe=ctx.pack.item("recipe", recipe_id)))


RECIPES = Kind(
    name="recipe",
    folder="recipes",
    model=Recipe,
    noun="recipe",
    json_key="recipes",
    url="recipes/{id}.html",
    link_macro="recipe_link",
    component="recipe_card",
    order=lambda recipe: recipe.title.casefold(),
    page=PageSpec(),
)


def settings(root: Path, **changes: Any) -> SiteSettings:
    config = yaml.safe_load((FIXTURES / "sites" / "tiny" / "mkdocs.yml").read_text(encoding="utf-8"))
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copytree(FIXTURES / "sites" / "tiny" / "docs", root / "docs")
    shutil.copytree(EXAMPLE_PACK, root / "pack")
    return SiteSettings(
        config_file=root / "mkdocs.yml",
        docs_dir=root / "docs",
        data_dir=root / "pack",
        locales_dir=PROJECT / "locales",
        language="en",
        extra=config["extra"],
        site_name=config["site_name"],
        **changes,
    )


def pages(site: SiteSettings) -> dict[str, str]:
    """Every page of the docs folder, as the engine would list them."""
    found = {path.relative_to(site.docs_dir).as_posix() for path in site.docs_dir.rglob("*.md")}
    return {src: src.removesuffix(".md") + ".html" for src in found}


@pytest.fixture
def recipe_site(tmp_path: Path) -> SiteSettings:
    site = settings(tmp_path, kinds=(*KINDS, RECIPES), components={**COMPONENTS, "recipe_card": recipe_card})
    (tmp_path / "pack" / "recipes").mkdir()
    (tmp_path / "pack" / "recipes" / "pancakes.yml").write_text(
        "id: pancakes\ntitle: Pancakes\nsummary: For a set that meets at breakfast.\n"
        "ingredients: [Flour, Eggs, Milk]\nlast_reviewed: 2026-12-01\nnext_review: 2027-12-01\n",
        encoding="utf-8",
    )
    return site


def test_a_new_kind_is_validated(recipe_site: SiteSettings) -> None:
    (recipe_site.data_dir / "recipes" / "pancakes.yml").write_text("id: pancakes\ntitle: Pancakes\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        SiteModel.load(recipe_site)
    assert "pack/recipes/pancakes.yml:1: ingredients: this required field is missing; add it" in raised.value.report()


def test_a_new_kind_gets_pages_links_and_open_data(recipe_site: SiteSettings) -> None:
    model = SiteModel.load(recipe_site)
    assert "recipes/pancakes.md" in model.generated
    nav = model.navigation([{"Recipes": "recipes/*.md"}, "index.md"], ["index.md"])
    assert nav[0] == {"Recipes": ["recipes/pancakes.md"]}
    model.set_pages(pages(recipe_site) | {"recipes/pancakes.md": "recipes/pancakes.html"})

    page = PageSource("index.md", '---\nreviewed: 2026-12-01\n---\n\nTry {{ recipe_link("pancakes") }}.\n')
    assert model.check_pages([page]) == []
    assert model.render(page, 'Try {{ recipe_link("pancakes") }}.', {}, "Home", "index.html") == (
        'Try <a href="recipes/pancakes.html">Pancakes</a>.'
    )
    generated = PageSource("recipes/pancakes.md", model.generated["recipes/pancakes.md"].source, generated=True)
    body = model.render(generated, "", {}, "Pancakes", "recipes/pancakes.html")
    assert '<h1 id="pancakes">Pancakes</h1>' in body and "<li>Eggs</li>" in body

    typo = PageSource("index.md", '---\nreviewed: 2026-12-01\n---\n\n{{ recipe_link("pancake") }}\n')
    assert [str(problem) for problem in model.check_pages([typo])] == [
        "docs/index.md:5: recipe_link: there is no recipe with the id 'pancake' (did you mean 'pancakes'?)"
    ]

    data = json.loads(dumps(model.open_data([])))
    assert data["recipes"] == [
        {
            "id": "pancakes",
            "title": "Pancakes",
            "summary": "For a set that meets at breakfast.",
            "ingredients": ["Flour", "Eggs", "Milk"],
            "last_reviewed": "2026-12-01",
            "next_review": "2027-12-01",
            "url": "recipes/pancakes.html",
        }
    ]


def test_hiding_an_item_leaves_what_pointed_at_it_without_the_link(tmp_path: Path) -> None:
    site = settings(tmp_path)
    site = SiteSettings(**{**site.__dict__, "extra": {**site.extra, "content": {"hide": ["example-minimal"]}}})
    model = SiteModel.load(site)
    model.navigation(["index.md", {"Tools": "tools/*.md"}], ["index.md"])
    assert "example-minimal" not in model.pack.cards and "tools/example-minimal.md" not in model.generated
    assert model.pack.cards["example-full"].related.cards == []
    agenda = model.pack.sessions["example-meeting"].agenda
    assert agenda[0].title == "Quiet minute" and agenda[0].card is None and agenda[0].minutes == 5
    model.set_pages(pages(site))
    page = PageSource("index.md", "")
    assert model.render(page, '{{ card_link("example-minimal") }}', {}, "Home", "index.html") == "Quiet minute"
    assert "example-minimal" not in dumps(model.open_data([]))


def test_a_hide_entry_that_names_nothing_is_an_error(tmp_path: Path) -> None:
    site = settings(tmp_path)
    site = SiteSettings(**{**site.__dict__, "extra": {**site.extra, "content": {"hide": ["example-minimul"]}}})
    with pytest.raises(ContentError) as raised:
        SiteModel.load(site).navigation(["index.md"], ["index.md"])
    assert "'example-minimul' is not a page, a section title or the id of a card" in raised.value.report()
    assert "(did you mean 'example-minimal'" in raised.value.report()


def test_an_overlay_page_that_replaces_nothing_names_the_page_it_meant(tmp_path: Path) -> None:
    site = settings(tmp_path)
    content = {"overlay": "overlay", "nav": [{"Local": "local.md"}]}
    site = SiteSettings(**{**site.__dict__, "extra": {**site.extra, "content": content}})
    for name in ("guides/evaluaton.md", "guides/evaluation.md", "local.md", "tool/example-full.md"):
        (tmp_path / "overlay" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "overlay" / name).write_text("---\nreviewed: 2026-12-01\n---\n\n# Ours\n", encoding="utf-8")
    model = SiteModel.load(site)
    model.navigation(["index.md", {"Guides": ["guides/evaluation.md"]}, {"Tools": "tools/*.md"}], ["index.md"])
    # A replacement and a new page in the fork's nav are fine; the two misspelt ones are not.
    assert model.stray_overlay_pages() == ["guides/evaluaton.md", "tool/example-full.md"]
    model.set_pages(pages(site))
    assert [str(problem) for problem in model.check_pages([])] == [
        "overlay/guides/evaluaton.md:1: this overlay page replaces no page of the pack and is not in your "
        "navigation; did you mean overlay/guides/evaluation.md (to replace docs/guides/evaluation.md)? "
        "To add it as a new page, list it under extra.content.nav",
        "overlay/tool/example-full.md:1: this overlay page replaces no page of the pack and is not in your "
        "navigation; did you mean overlay/tools/example-full.md (to replace the page made from "
        "pack/cards/example-full.yml)? To add it as a new page, list it under extra.content.nav",
    ]


def test_pack_json_lists_every_pdf_with_its_page_and_the_dates_the_pdfs_print(tmp_path: Path) -> None:
    """The one list of PDFs: the Downloads page's, and the PDF step's through pack.json."""
    from scripts.pdf.documents import LAYOUTS, STEPS

    site = settings(tmp_path, pdfs=True)
    model = SiteModel.load(site)
    model.navigation(["index.md", {"Tools": "tools/*.md"}, {"Questions": ["questions/starter.md"]}], ["index.md"])
    model.set_pages(pages(site) | {"tools/example-full.md": "tools/example-full.html"})
    starter = site.docs_dir / "questions" / "starter.md"
    assert model.check_pages([PageSource("questions/starter.md", starter.read_text(encoding="utf-8"))]) == []
    record = {"title": "Starter questions", "url": "questions/starter.html", "sections": [], "pdf": True}
    data = json.loads(dumps(model.open_data([{**record, "src_uri": "questions/starter.md"}])))

    files = data["downloads"]["files"]
    assert data["downloads"]["folder"] == "downloads"
    assert files == json.loads(json.dumps([dataclasses.asdict(download) for download in model.downloads()]))
    assert files[0] == {
        "file": "pack.pdf",
        "title": model.title,
        "kind": "pack",
        "layout": "pack",
        "page": None,
        "use": "facilitator",
        "pages": [],
        "version": "",
        "version_of": "",
    }
    assert [entry for entry in files if entry["layout"] == "printed"] == [
        {
            "file": "starter-questions.pdf",
            "title": "Starter questions",
            "kind": "sheet",
            "layout": "printed",
            "page": "questions/starter.html",
            "use": "members",
            "pages": [],
            "version": "",
            "version_of": "",
        }
    ]
    assert next(entry for entry in files if entry["file"] == "handouts/example-full.pdf")["page"] == (
        "tools/example-full.html"
    )
    assert {entry["layout"] for entry in files} <= {*LAYOUTS, *STEPS}
    # The page's own PDF is named from the same list.
    assert data["pages"][0]["print_as"] == {"file": "starter-questions.pdf", "kind": "sheet"}
    assert data["dates"] == {"edition": "31 January 2026"}


def _printing_model(tmp_path: Path, sheet: str, hide: tuple[str, ...] = ()) -> tuple[SiteModel, list[str]]:
    """The tiny site, whose example meeting also asks to print the sheet ``sheet``; and its page problems."""
    site = settings(tmp_path, pdfs=True)
    site = SiteSettings(**{**site.__dict__, "extra": {**site.extra, "content": {"hide": list(hide)}}})
    plan = site.data_dir / "sessions" / "example-meeting.yml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("print:\n", f"print:\n  - {{sheet: {sheet}, copies: each-member}}\n"),
        encoding="utf-8",
    )
    model = SiteModel.load(site)
    model.navigation(["index.md", {"Questions": ["questions/starter.md"]}], ["index.md"])
    model.set_pages(pages(site))
    starter = site.docs_dir / "questions" / "starter.md"
    shown = [] if hide else [PageSource("questions/starter.md", starter.read_text(encoding="utf-8"))]
    return model, [str(problem) for problem in model.check_pages(shown)]


def test_a_meeting_that_prints_an_unknown_sheet_fails_naming_its_file_and_line(tmp_path: Path) -> None:
    _, problems = _printing_model(tmp_path, "starter-question")
    assert problems == [
        "pack/sessions/example-meeting.yml:32: print[1].sheet: there is no page printed on its own (print_as file) "
        "with the id 'starter-question' (did you mean 'starter-questions'?)"
    ]


def test_each_meeting_that_prints_gets_one_pdf_of_it_all_in_the_list_of_downloads(tmp_path: Path) -> None:
    """The PDF step makes what pack.json lists: a meeting's bundle names its session page and each document's page."""
    model, problems = _printing_model(tmp_path, "starter-questions")
    assert problems == []
    bundles = [download for download in model.downloads() if download.layout == "bundle"]
    assert [(bundle.file, bundle.kind, bundle.page) for bundle in bundles] == [
        ("meetings/example-meeting.pdf", "meeting", "programme/example-meeting.html")
    ]
    assert bundles[0].pages == (
        "questions/starter.html",
        "tools/example-full.html",
        "forms/example-template.html",
        "questions/example-open.html",
    )


def test_a_sheet_on_a_page_a_fork_hides_is_left_out_of_what_to_print(tmp_path: Path) -> None:
    model, problems = _printing_model(tmp_path, "starter-questions", hide=("questions/starter.md",))
    assert problems == []
    bundle = next(download for download in model.downloads() if download.layout == "bundle")
    assert "questions/starter.html" not in bundle.pages and bundle.pages


@pytest.mark.parametrize("pdfs", [True, False])
def test_a_page_links_a_pdf_by_its_file_and_a_file_the_build_does_not_make_names_its_line(
    tmp_path: Path, pdfs: bool
) -> None:
    site = settings(tmp_path, pdfs=pdfs)
    model = SiteModel.load(site)
    model.navigation(["index.md", {"Tools": "tools/*.md"}], ["index.md"])
    model.set_pages(pages(site))
    page = PageSource("index.md", "")
    shown = model.render(page, '{{ download_link("question-list.pdf", "Both banks") }}', {}, "Home", "index.html")
    # Without the PDFs (a preview build), the words without the link, so the build's link check passes.
    assert shown == ('<a href="downloads/question-list.pdf" download>Both banks</a>' if pdfs else "Both banks")
    model.render(page, 'One\n{{ download_link("question-lists.pdf") }}', {}, "Home", "index.html")
    assert [str(problem) for problem in model.render_problems] == [
        "docs/index.md:2: there is no PDF on the Downloads page with the id 'question-lists.pdf' "
        "(did you mean 'question-list.pdf' or 'question-deck.pdf'?)"
    ]
