"""What a fork's maintainer can rely on when building a pull request they did not write.

- Pack data and settings are never templates: a payload in any text field
  of any kind of pack item, or in the fork settings, shows literally on the
  site, in pack.json and in the PDFs, and runs nothing.
- Page templates run in Jinja's sandbox: they call the pack's macros and
  nothing else (the bad-input corpus has the whole-build cases).
- Only the repository is published: symbolic links that lead out of it stop
  the build.
- Strings are filled in, never evaluated.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader
from pydantic import ValidationError

from macros.kinds import KINDS
from macros.page_templates import PageTemplateError, PageTemplates
from macros.problems import ContentError
from macros.repository_files import links_leaving
from macros.strings import load_strings

from .conftest import FIXTURES, PROJECT, make_project

# -- a payload in every field ---------------------------------------------------


def payload(number: int, marker: Path) -> str:
    """Text that would print 49 and create ``marker`` if it were ever run as a template."""
    return f"Zq{number} {{{{7*7}}}}{{{{cycler.__init__.__globals__.os.popen('touch {marker}').read()}}}}"


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every text value in ``data``."""
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for index, value in enumerate(data) for leaf in _leaves(value, (*path, index))]
    return [path] if isinstance(data, str) else []


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


def inject_everywhere(pack_dir: Path, marker: Path, first: int) -> dict[int, str]:
    """Put a payload into every text field that accepts free text, in every file of every kind.

    A field takes the payload added to its text, or as its whole text when
    the field is short; fields that accept neither (ids, choices) are left
    alone. Returns each payload's number and the field it went into.
    """
    placed: dict[int, str] = {}
    number = first
    for folder, model in ((kind.folder, kind.model) for kind in KINDS):
        for path in sorted((pack_dir / folder).glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for leaf in _leaves(data):
                original = _get(data, leaf)
                text = payload(number, marker)
                for candidate in (f"{original} {text}", text):
                    _set(data, leaf, candidate)
                    try:
                        model.model_validate(data)
                    except ValidationError:
                        continue
                    placed[number] = f"{folder}/{path.name}: {'.'.join(map(str, leaf))}"
                    number += 1
                    break
                else:
                    _set(data, leaf, original)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return placed


def inject_settings(config: Path, marker: Path, first: int) -> dict[int, str]:
    """A payload in the fork settings: the edition's name, the identity's text and a section title.

    The fork's mkdocs.yml sets them over upstream's values (config/base.yml).
    """
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    upstream = yaml.load((config.parent / "config" / "base.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    identity = data.setdefault("extra", {}).setdefault("identity", {})
    placed: dict[int, str] = {}
    keys = ("name", "organisation", "short_name", "licence", "attribution")  # name: the site's title
    for number, key in enumerate(keys, start=first):
        if key == "short_name":
            identity[key] = f"Zq{number} {{{{7*7}}}}"  # 40 characters at most
        else:
            identity[key] = f"{upstream['extra']['identity'].get(key, 'Our pack')} {payload(number, marker)}"
        placed[number] = "mkdocs.yml: extra.identity." + key
    number = first + len(keys)
    data["nav"] = data.get("nav") or upstream["nav"]  # a fork may restate the whole navigation
    for index, entry in enumerate(data["nav"]):
        if isinstance(entry, dict) and next(iter(entry)) == "Tools":
            data["nav"][index] = {f"Tools {payload(number, marker)}": entry["Tools"]}
            placed[number] = "mkdocs.yml: nav title"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return placed


def published_text(site: Path) -> dict[str, str]:
    """Every text file of the site, with HTML entities decoded, and the text of every PDF."""
    texts = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix in {".html", ".json", ".js", ".xml", ".txt"}:
            texts[name] = html.unescape(path.read_text(encoding="utf-8"))
        elif path.suffix == ".pdf":
            texts[name] = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
            ).stdout
    return texts


@pytest.mark.build
def test_a_payload_in_any_field_shows_literally_and_runs_nothing(tmp_path: Path) -> None:
    marker = Path(tempfile.mkdtemp(prefix="m", dir="/tmp")) / "m"  # short: fields have length limits
    project = make_project(tmp_path / "project", FIXTURES / "sites" / "tiny")
    in_pack = inject_everywhere(project.root / "pack", marker, first=1)
    in_settings = inject_settings(project.root / "mkdocs.yml", marker, first=len(in_pack) + 1)
    kinds = {place.split("/", 1)[0] for place in in_pack.values()}
    assert kinds == {kind.folder for kind in KINDS}, "every kind of pack item carries a payload"
    assert len(in_pack) >= 60, in_pack

    result = project.full_build()

    assert result.returncode == 0, result.output
    assert not marker.exists(), "a payload ran during the build"
    texts = published_text(result.site)
    everything = "\n".join(texts.values())
    evaluated = sorted(
        {f"Zq{m[1]} ({(in_pack | in_settings)[int(m[1])]})" for m in re.finditer(r"Zq(\d+)\s*49", everything)}
    )
    assert evaluated == [], "evaluated as a template"
    # Every payload is published as written, braces and all: pack fields in
    # pack.json, settings on the pages.
    data = json.dumps(json.loads(texts["api/pack.json"]), ensure_ascii=False)
    assert [n for n in in_pack if f"Zq{n} {{{{7*7}}}}" not in data] == []
    assert [n for n in in_settings if f"Zq{n} {{{{7*7}}}}" not in everything] == []
    # ... and it reaches the printed pack too.
    assert re.search(r"Zq\d+\s+\{\{7\*7\}\}", texts["downloads/pack.pdf"])


# -- the sandbox ------------------------------------------------------------------


def _templates(tmp_path: Path) -> PageTemplates:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "snippet.md").write_text("Included {{ greeting() }}.", encoding="utf-8")
    return PageTemplates.create([tmp_path / "docs"], {"greeting": lambda: "hello", "identity": {"name": "Trust"}})


def test_pages_call_macros_include_files_and_escape_values(tmp_path: Path) -> None:
    templates = _templates(tmp_path)
    assert templates.render('{{ greeting() }} {% include "snippet.md" %}', {}) == "hello Included hello."
    assert templates.render("{{ identity.name }} & {{ '<b>' }}", {}) == "Trust & &lt;b&gt;"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ greeting.__globals__ }}", "refused: access to attribute '__globals__'"),
        ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "refused"),
        ("{{ ''.__class__.__mro__ }}", "refused"),
        ("{{ identity.update({'name': 'x'}) }}", "refused: access to attribute 'update' of 'dict'"),
        ("\n\n{% include '/etc/passwd' %}", "there is no file '/etc/passwd' to include"),
        ("{% include '../../../etc/passwd' %}", "there is no file"),
        ("{{ nothing_here }}", "'nothing_here' is undefined"),
    ],
)
def test_the_sandbox_refuses_what_a_page_may_not_do(tmp_path: Path, source: str, message: str) -> None:
    with pytest.raises(PageTemplateError) as raised:
        _templates(tmp_path).render(source, {})
    assert message in raised.value.message


def test_a_refusal_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(PageTemplateError) as raised:
        _templates(tmp_path).render("one\n\nthree {{ greeting.__globals__ }}\n", {})
    assert raised.value.line == 3


# -- symbolic links -----------------------------------------------------------------


def test_links_inside_the_repository_are_followed_and_links_out_are_refused(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (repo / "docs" / "real").mkdir(parents=True)
    (repo / "shared").mkdir()
    outside.mkdir()
    (outside / "key").write_text("secret", encoding="utf-8")
    (repo / "docs" / "page.md").write_text("page", encoding="utf-8")
    (repo / "docs" / "same-page.md").symlink_to("page.md")  # inside: followed
    (repo / "docs" / "linked").symlink_to(repo / "shared")  # a folder inside: walked
    (repo / "shared" / "key").symlink_to(outside / "key")  # ...which leads out
    (repo / "docs" / "real" / "loop").symlink_to("loop")
    (repo / "docs" / "gone.md").symlink_to("nowhere.md")
    (repo / "docs" / "out").symlink_to(outside)
    found = sorted(str(problem) for problem in links_leaving(repo, [repo / "docs"]))
    assert len(found) == 4, found
    assert any(
        line.startswith("shared/key: is a symbolic link to ") and "outside the repository" in line for line in found
    )
    assert any(line.startswith("docs/out: is a symbolic link to ") for line in found)
    assert any(line.startswith("docs/real/loop: is a symbolic link to 'loop' that loops") for line in found)
    assert any(
        line.startswith("docs/gone.md: is a symbolic link to 'nowhere.md', which does not exist") for line in found
    )


def test_a_linked_folder_given_to_the_build_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "repo" / "pack").symlink_to(tmp_path / "elsewhere")
    found = links_leaving(tmp_path / "repo", [tmp_path / "repo" / "pack"])
    assert [problem.file for problem in found] == ["pack"]


# -- strings ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["{count.__class__}", "{count[0]}", "{count:>999999999}", "{count!r}", "{count"])
def test_strings_are_filled_in_never_evaluated(tmp_path: Path, text: str) -> None:
    locales = tmp_path / "locales"
    shutil_copy = (PROJECT / "locales" / "en.yml").read_text(encoding="utf-8")
    locales.mkdir()
    (locales / "en.yml").write_text(
        shutil_copy.replace('minutes: "{minutes} minutes"', f'minutes: "{text} minutes"'), encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_strings(locales, "en")
    assert "common.minutes" in raised.value.report()
