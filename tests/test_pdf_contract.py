"""The one contract between the site and the PDF step: ``site/`` and nothing else.

The PDF step reads the built pages and ``api/pack.json``, which lists the
PDFs to make, their names and the dates they print; it imports nothing
from the site's code (``macros/``), and runs from a copy of ``site/``
alone. After it, only the links to its PDFs are checked again.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scripts.pdf import documents
from scripts.pdf.links import missing_pdfs
from scripts.pdf.site import BuiltSite, SiteError

from .conftest import PROJECT, BuildResult, Project

#: What may not be imported where: the PDF step and the shared reading of
#: pages do not need the site's code or its engine, and the site's code
#: does not need the build scripts.
FORBIDDEN = {
    "scripts/pdf": {"macros", "mkdocs", "material"},
    "site_html": {"macros", "scripts", "mkdocs", "material"},
    "macros": {"scripts"},
}


def _imports(path: Path) -> list[tuple[int, str, int]]:
    """Every import in a file: its line, the module it names, and how many dots lead it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module or "", node.level))
    return found


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_each_side_imports_only_what_it_may(folder: str) -> None:
    wrong = []
    for path in sorted((PROJECT / folder).rglob("*.py")):
        depth = len(path.relative_to(PROJECT / folder).parts)
        for line, module, dots in _imports(path):
            # A relative import may reach the folder's own modules, not beyond (scripts/pdf/x.py: one dot, not two).
            beyond = dots > depth
            if beyond or (dots == 0 and module.split(".")[0] in FORBIDDEN[folder]):
                wrong.append(f"{path.relative_to(PROJECT)}:{line}: imports {'.' * dots}{module}")
    assert wrong == []


def _site(root: Path, **data: Any) -> BuiltSite:
    site = BuiltSite(root)
    site.__dict__["data"] = {
        "title": "Our pack",
        "language": "en",
        "identity": {
            "organisation": "O'Brien & <Partners>",
            "logo": "assets/logo.svg",
            "licence": "CC BY-SA 4.0",
            "attribution_html": "<p>Made by <em>us</em>.</p>",
        },
        "dates": {"edition": "31 January 2026"},
        "strings": {"pdf.edition": "Edition of {date}", "pdf.licence": "Content licensed under {licence}"},
        "pages": [],
        "downloads": {"folder": "downloads", "files": []},
        **data,
    }
    return site


def test_the_cover_prints_the_date_the_site_wrote_and_escapes_what_it_shows() -> None:
    assert documents._cover(_site(Path("/nowhere")), "a 'first' look") == (
        '<section class="cover">\n'
        '<img class="cover__logo" src="assets/logo.svg" alt="O&#x27;Brien &amp; &lt;Partners&gt;">\n'
        '<p class="cover__organisation">O&#x27;Brien &amp; &lt;Partners&gt;</p>\n'
        '<h1 class="cover__title">Our pack</h1>\n'
        '<p class="cover__subtitle">a &#x27;first&#x27; look</p>\n'
        '<p class="cover__edition">Edition of 31 January 2026</p>\n'
        '<div class="cover__attribution">\n'
        "<p>Made by <em>us</em>.</p>\n"
        "<p>Content licensed under CC BY-SA 4.0</p>\n"
        "</div>\n"
        "</section>"
    )


def test_a_pack_json_from_an_older_build_is_refused_with_what_to_do() -> None:
    site = _site(Path("/nowhere"), downloads=None)
    with pytest.raises(SiteError, match=r"pack\.json has no 'downloads': .*build the site again \(make\)"):
        documents.all_documents(site)


def test_a_layout_the_pdf_step_does_not_know_is_refused_by_name() -> None:
    listed = [{"file": "poster.pdf", "title": "Poster", "kind": "poster", "layout": "poster", "page": "index.html"}]
    site = _site(Path("/nowhere"), downloads={"folder": "downloads", "files": listed})
    with pytest.raises(SiteError, match=r"the download poster\.pdf is laid out as 'poster', which the PDF step"):
        documents.all_documents(site)


def test_a_meetings_pdf_that_names_no_pages_to_join_is_refused_by_name() -> None:
    listed = [
        {"file": "meetings/m.pdf", "title": "M", "kind": "meeting", "layout": "bundle", "page": "programme/m.html"}
    ]
    site = _site(Path("/nowhere"), downloads={"folder": "downloads", "files": listed})
    with pytest.raises(SiteError, match=r"the download meetings/m\.pdf joins pages, but names none"):
        documents.all_documents(site)


def test_a_link_to_a_pdf_that_was_not_made_names_the_page_and_the_file(tmp_path: Path) -> None:
    (tmp_path / "tools").mkdir()
    (tmp_path / "downloads" / "handouts").mkdir(parents=True)
    (tmp_path / "downloads" / "handouts" / "made.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "tools" / "check-in.html").write_text(
        "<html><body>\n"
        '<a href="../downloads/handouts/made.pdf">made</a>\n'
        '<a href="../downloads/handouts/check-in.pdf" download>not made</a>\n'
        '<a href="../files/leaflet.pdf">not a PDF the step makes: the site checked it</a>\n'
        '<a href="https://example.org/downloads/other.pdf">another host</a>\n'
        "</body></html>\n",
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text('<a href="tools/check-in.html">no PDF here</a>', encoding="utf-8")
    site = _site(tmp_path, pages=[{"url": "tools/check-in.html", "source": "pack/cards/check-in.yml"}])
    assert missing_pdfs(site) == [
        "site/tools/check-in.html (line 3, written in pack/cards/check-in.yml): the link "
        "'../downloads/handouts/check-in.pdf' points to downloads/handouts/check-in.pdf, which the PDF step "
        "did not make; link only to a PDF the Downloads page lists"
    ]


@pytest.mark.build
def test_the_pdf_step_runs_from_a_copy_of_site_alone(built_tiny_site: BuildResult, tmp_path: Path) -> None:
    """A copy of site/ (its PDFs taken out) and of the PDF step's code, with the site's code out of reach."""
    assert built_tiny_site.returncode == 0, built_tiny_site.output
    site, code = tmp_path / "site", tmp_path / "code"
    shutil.copytree(built_tiny_site.site, site)
    shutil.rmtree(site / "downloads")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(PROJECT / "scripts" / "pdf", code / "scripts" / "pdf", ignore=ignore)
    shutil.copy(PROJECT / "scripts" / "__init__.py", code / "scripts" / "__init__.py")
    shutil.copytree(PROJECT / "site_html", code / "site_html", ignore=ignore)
    run = (
        "import sys; sys.modules['macros'] = None\n"  # an import of the site's code fails
        "import scripts.pdf.build as step\n"
        f"assert step.__file__.startswith({str(code)!r}), step.__file__\n"
        f"status = step.main(['--site', {str(site)!r}, '--cache', {str(tmp_path / 'cache')!r}, '--jobs', '2'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'macros', 'mkdocs', 'material'}"
        " and sys.modules[m] is not None))\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True, cwd=code, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    listed = [
        entry["file"] for entry in json.loads((site / "api" / "pack.json").read_text("utf-8"))["downloads"]["files"]
    ]
    made = json.loads((site / "downloads" / "manifest.json").read_text("utf-8"))["documents"]
    assert [item["file"] for item in made] == listed
    made_files = [*site.rglob("*.pdf"), *site.rglob("*.docx")]
    assert sorted(path.relative_to(site / "downloads").as_posix() for path in made_files) == sorted(listed)


@pytest.mark.build
def test_a_page_linking_to_a_pdf_that_is_not_made_fails_the_build_naming_it(tiny_project: Project) -> None:
    tiny_project.edit(
        "docs/guides/evaluation.md", "# Evaluation", "# Evaluation\n\n[The old form](../downloads/forms/old.pdf)"
    )
    result = tiny_project.full_build()
    assert result.returncode != 0
    assert "links to PDFs that were not made:" in result.output
    assert (
        "site/guides/evaluation.html (line " in result.output
        and "written in docs/guides/evaluation.md): the link '../downloads/forms/old.pdf' points to "
        "downloads/forms/old.pdf, which the PDF step did not make"
        in result.output
    ), result.output
