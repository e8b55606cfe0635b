"""Check every page before anything is rendered.

Macros fail one at a time while pages render. To report every problem in
one run, each page's source is read first and checked for:

- a front matter block that YAML can read, with a ``reviewed`` date;
- template syntax that Jinja can parse;
- names that are not a known macro or variable (a typo such as ``tool_crad``);
- macro calls whose id argument names no card, bank or session.

Links in Markdown are checked by MkDocs itself (``validation`` in the config)
and, after the build, in the HTML by :mod:`macros.link_check`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from .downloads import PRINTED_KINDS, PrintedPage
from .pack import Pack, UnknownIdError
from .page_templates import ProtectedCode
from .problems import Problem, field_name, suggest
from .schema import ID_PATTERN, DocumentUse
from .yamlfile import YamlFileError, parse_yaml

#: Pages larger than this are refused: a page this big is a pasted export or
#: a mistake, and would make the site and the pack slow to load.
MAX_PAGE_BYTES = 1_000_000

_FRONT_MATTER = re.compile(r"\A(---\s*\n)(.*?\n)(?:---|\.\.\.)\s*\n", re.DOTALL)


def id_arguments(pack: Pack) -> dict[str, str]:
    """Macros whose first argument is an id, and the kind of item it names: each kind's link and component."""
    found = {kind.link_macro: kind.name for kind in pack.kinds.values()}
    found |= {kind.component: kind.name for kind in pack.kinds.values() if kind.component}
    return found


@dataclass(frozen=True)
class PageSource:
    """A page's Markdown split from its front matter."""

    body: str
    meta: dict[str, object]
    #: Lines taken by the front matter, to turn body lines into file lines.
    offset: int


def split_front_matter(text: str, shown: str) -> tuple[PageSource, list[Problem]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return PageSource(text, {}, 0), []
    offset = match.group(0).count("\n")
    try:
        loaded = parse_yaml(match.group(2), first_line=2)
    except YamlFileError as error:
        return PageSource(text[match.end() :], {}, offset), [
            Problem(
                shown,
                error.line,
                "front matter",
                error.message.replace("the file is empty", "the front matter is empty"),
            )
        ]
    if not isinstance(loaded.data, dict):
        return PageSource(text[match.end() :], {}, offset), [
            Problem(shown, 2, "front matter", "expected 'field: value' lines between the --- lines")
        ]
    return PageSource(text[match.end() :], loaded.data, offset), []


#: MkDocs' own pattern for YAML front matter (mkdocs.utils.meta).
_MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def body_line_offset(text: str) -> int:
    """How many lines of a page's file come before the Markdown that MkDocs hands to plugins.

    MkDocs cuts the front matter off and then the blank lines after it, so a
    line of that Markdown is this many lines further down in the file.
    """
    match = _MKDOCS_FRONT_MATTER.match(text)
    if not match:
        return 0
    rest = text[match.end() :]
    return match.group(0).count("\n") + len(rest) - len(rest.lstrip("\n"))


def check_review_dates(meta: Mapping[str, object], shown: str) -> list[Problem]:
    reviewed = meta.get("reviewed")
    if reviewed is None:
        return [Problem(shown, 1, "reviewed", "every page needs a 'reviewed: YYYY-MM-DD' line in its front matter")]
    problems = []
    if not isinstance(reviewed, dt.date):
        problems.append(Problem(shown, 1, "reviewed", f"expected a date written as YYYY-MM-DD, got {reviewed!r}"))
    next_review = meta.get("next_review")
    if next_review is not None and not isinstance(next_review, dt.date):
        problems.append(Problem(shown, 1, "next_review", f"expected a date written as YYYY-MM-DD, got {next_review!r}"))
    return problems


def printed_page(meta: Mapping[str, object], shown: str) -> tuple[PrintedPage | None, list[Problem]]:
    """The page's own PDF, if its front matter asks for one::

    title: A handbook for set members
    print_as:
      file: member-handbook   # downloads/member-handbook.pdf
      kind: guide             # or sheet
      use: members            # who it is for on the Downloads page: room, members (the default) or facilitator
      booklet: true           # also a booklet to fold, in downloads/booklets/ (false by default)
    """
    wanted = meta.get("print_as")
    if wanted is None:
        return None, []
    expected = "write it as 'print_as: {file: my-handout, kind: guide}'"
    if not isinstance(wanted, dict) or set(wanted) - {"file", "kind", "use", "booklet"} or "file" not in wanted:
        return None, [Problem(shown, 1, "print_as", f"expected a file name and a kind; {expected}")]
    file, kind, use = wanted["file"], wanted.get("kind", "guide"), wanted.get("use", DocumentUse.MEMBERS.value)
    problems = []
    if not isinstance(file, str) or not re.fullmatch(ID_PATTERN, file):
        problems.append(
            Problem(shown, 1, "print_as.file", f"expected lower-case letters, digits and hyphens; {expected}")
        )
    if kind not in PRINTED_KINDS:
        allowed = ", ".join(f"'{option}'" for option in PRINTED_KINDS)
        problems.append(Problem(shown, 1, "print_as.kind", f"expected one of {allowed}, got {kind!r}"))
    if use not in set(DocumentUse):
        allowed = ", ".join(f"'{option.value}'" for option in DocumentUse)
        problems.append(Problem(shown, 1, "print_as.use", f"expected one of {allowed}, got {use!r}"))
    booklet = wanted.get("booklet", False)
    if not isinstance(booklet, bool):
        problems.append(Problem(shown, 1, "print_as.booklet", f"expected true or false, got {booklet!r}"))
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(
            Problem(shown, 1, "title", "a page with its own PDF needs a 'title:' for the PDF and Downloads")
        )
    if problems:
        return None, problems
    return PrintedPage(str(file), str(title), str(kind), use=str(use), booklet=booklet), []


def check_page(
    shown: str,
    text: str,
    env: jinja2.Environment,
    known_names: Iterable[str],
    pack: Pack,
) -> list[Problem]:
    """Every problem in one page's source."""
    size = len(text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        message = (
            f"the page is {size / 1_000_000:.1f} MB; the limit is {MAX_PAGE_BYTES / 1_000_000:.0f} MB. "
            "Split it into smaller pages, or remove what was pasted in by mistake"
        )
        return [Problem(shown, None, None, message)]
    source, problems = split_front_matter(text, shown)
    if not problems:
        problems += check_review_dates(source.meta, shown)
    prose = ProtectedCode.of(source.body).text  # code is shown as written, never run
    problems += _markup_problems(shown, prose, source.offset) + _diagram_problems(shown, source)
    try:
        tree = env.parse(prose)
    except jinja2.TemplateSyntaxError as error:
        line = (error.lineno or 1) + source.offset
        message = f"template error: {error.message}; check the {{{{ }}}} and {{% %}} around it"
        return [*problems, Problem(shown, line, None, message)]
    problems += _name_problems(shown, tree, set(known_names) | set(source.meta), source.offset)
    problems += _internals_problems(shown, tree, source.offset)
    return problems + _id_problems(shown, tree, pack, source.offset)


def _diagram_problems(shown: str, source: PageSource) -> list[Problem]:
    message = (
        "a Mermaid diagram makes the theme load mermaid from unpkg.com in every reader's browser, "
        "and it prints as code; draw the diagram as an SVG file in docs/ and show it as an image"
    )
    lines = [source.body.count("\n", 0, diagram.start()) + 1 for diagram in _MERMAID.finditer(source.body)]
    return [Problem(shown, line + source.offset, None, message) for line in lines]


def _name_problems(shown: str, tree: nodes.Template, known: set[str], offset: int) -> list[Problem]:
    """Names that are neither a macro, a variable the page is given, nor one it sets itself."""
    assigned = {node.name for node in tree.find_all(nodes.Name) if node.ctx in {"store", "param"}}
    return [
        Problem(
            shown, node.lineno + offset, None, f"unknown macro or variable '{node.name}'{suggest(node.name, known)}"
        )
        for node in tree.find_all(nodes.Name)
        if node.ctx == "load" and node.name not in known and node.name not in assigned
    ]


def _id_problems(shown: str, tree: nodes.Template, pack: Pack, offset: int) -> list[Problem]:
    """Macro calls whose first argument names no item of the macro's kind."""
    id_macros = id_arguments(pack)
    problems = []
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in id_macros:
            continue
        if not call.args or not isinstance(call.args[0], nodes.Const):
            continue
        try:
            pack.item(id_macros[call.node.name], call.args[0].value)
        except UnknownIdError as error:
            problems.append(Problem(shown, call.lineno + offset, call.node.name, str(error)))
    return problems


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_EMPTY_ALT_IMAGE = re.compile(r"!\[\s*\]\(")
_SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"(?:href|src)\s*=\s*[\"']?\s*javascript:|\]\(\s*<?\s*javascript:", re.IGNORECASE)
_MERMAID = re.compile(r"^[ \t]*(?:`{3,}|~{3,})\s*mermaid\b", re.MULTILINE)


def _markup_problems(shown: str, prose: str, offset: int) -> list[Problem]:
    """Images without alt text, script, and script links in a page's text (code set aside)."""
    problems = []
    for number, line in enumerate(prose.splitlines(), start=1 + offset):
        for tag in _IMG_TAG.findall(line):
            if not re.search(r"\balt\s*=\s*([\"'])\s*\S", tag):
                problems.append(
                    Problem(
                        shown,
                        number,
                        None,
                        f"the image {tag[:60]} has no alt text; add "
                        'alt="what it shows" (or alt="" with role="presentation" if it is decoration)',
                    )
                )
        if _EMPTY_ALT_IMAGE.search(line):
            problems.append(
                Problem(
                    shown, number, None, "an image has no alt text; say what it shows, ![A chart of ...](chart.svg)"
                )
            )
        if _SCRIPT_TAG.search(line):
            problems.append(
                Problem(
                    shown,
                    number,
                    None,
                    "a <script> in a page runs in every reader's browser; "
                    "pages hold text: remove it (the site's own scripts live in overrides/)",
                )
            )
        if _SCRIPT_URL.search(line):
            problems.append(
                Problem(
                    shown,
                    number,
                    None,
                    "a javascript: link runs code when clicked; link to a page or an address instead",
                )
            )
    return problems


def _internals_problems(shown: str, tree: nodes.Template, offset: int) -> list[Problem]:
    """Every reach into Python's internals (``x.__class__``, ``x["_y"]``), refused before anything runs.

    The sandbox refuses them too as the page renders, but only the first in
    each page; this finds them all at once.
    """
    problems = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name: object = None
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value
        if isinstance(name, str) and name.startswith("_"):
            problems.append(
                Problem(
                    shown,
                    node.lineno + offset,
                    None,
                    f"refused: '{name}' reaches into Python's internals. A page may call the pack's macros "
                    "and show their values, and nothing else; remove this expression",
                )
            )
    return problems


_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def check_data_links(pack: Pack, known_pages: Iterable[str]) -> list[Problem]:
    """Links in pack data are written relative to ``docs/``; each must name a page. Images need alt text."""
    known = set(known_pages)
    problems: list[Problem] = []

    def walk(value: object, loc: tuple[str | int, ...], source: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*loc, key), source)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*loc, index), source)
        elif isinstance(value, str):
            if _EMPTY_ALT_IMAGE.search(value):
                lines = pack.lines.get(source)
                message = "an image has no alt text; say what it shows, ![A chart of ...](assets/images/chart.svg)"
                problems.append(Problem(source, lines.line_of(loc) if lines else None, field_name(loc), message))
            for match in _MARKDOWN_LINK.finditer(value):
                target = match.group(1)
                if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("#"):
                    continue
                page = target.split("#", 1)[0]
                if page.endswith(".md") and page not in known:
                    lines = pack.lines.get(source)
                    problems.append(
                        Problem(
                            source,
                            lines.line_of(loc) if lines else None,
                            field_name(loc),
                            f"the link '{target}' names no page{suggest(page, known)}; "
                            "links in pack files are written from the docs folder, such as 'guides/evaluation.md'",
                        )
                    )

    for source, item in pack.items():
        walk(item.model_dump(mode="python", exclude_none=True), (), source)
    return problems
