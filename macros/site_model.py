"""The pack as a website, knowing nothing of the site engine.

A :class:`SiteModel` is made from a few settings (:class:`SiteSettings`): it
refuses links out of the repository, loads and validates the pack, the
strings and the identity, and from then on answers every question a site
engine asks of the pack: which pages to generate and what they say, what
the navigation holds once patterns are expanded and a fork's hidden pages,
sections and items are gone, which files a fork's overlay replaces, how a
page's macro calls render, how to name a page's source in a message, what
the finished HTML needs, and what ``api/pack.json`` holds.

The MkDocs plugin (:mod:`macros.plugin`) only maps MkDocs' hooks onto it;
a test drives it without MkDocs (``tests/test_site_model.py``).
"""

from __future__ import annotations

import difflib
import html
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import navigation
from .components import RenderContext
from .content_settings import ContentSettings, parse_content_settings
from .downloads import Download, PrintedPage, catalogue
from .generated_pages import GeneratedPage, generated_pages
from .hidden_items import HiddenItems, hide_items
from .identity import DARK_BACKGROUND, Identity, parse_identity, readable_on
from .kinds import KINDS, Kind, Routes
from .link_check import check_site_links
from .loading import load_or_report
from .macro_table import COMPONENTS, bound_macros, macro_table
from .markdown_fields import FieldMarkdown, relative_url
from .open_data import pack_data
from .overlay_drift import overlay_notes
from .pack import Pack
from .page_checks import body_line_offset, check_data_links, check_page, printed_page, split_front_matter
from .page_templates import PageTemplateError, PageTemplates, ProtectedCode, switched_off
from .problems import ContentError, Problem, suggest
from .programme import figures
from .references import check_sheets
from .repository_files import links_leaving
from .strings import Strings, load_strings
from .yamlfile import LoadedYaml, line_map

log = logging.getLogger("mkdocs.plugins.pack")


@dataclass(frozen=True)
class SiteSettings:
    """What the model needs from the site engine's settings, in engine-neutral terms."""

    config_file: Path
    docs_dir: Path
    data_dir: Path
    locales_dir: Path
    language: str
    extra: Mapping[str, Any]
    site_name: str
    site_url: str | None = None
    #: MkDocs' site_description: what the pack is about, for the pack PDF's Subject.
    site_description: str | None = None
    theme_dir: Path | None = None
    markdown_extensions: Sequence[Any] = ()
    markdown_configs: Mapping[str, Any] = field(default_factory=dict)
    #: Whether the PDFs are built, so pages may link to them.
    pdfs: bool = False
    #: The kinds of pack item, and the components that show them (a test may add a kind).
    kinds: tuple[Kind, ...] = KINDS
    components: Mapping[str, Callable[..., Any]] = field(default_factory=lambda: dict(COMPONENTS))

    @property
    def project_dir(self) -> Path:
        return self.config_file.resolve().parent


@dataclass(frozen=True)
class PageSource:
    """A page as the engine found it: its path under the docs folder and its text, if it could be read."""

    src_uri: str
    text: str | None
    generated: bool = False


class SiteModel:
    """The pack, validated, as a site: pages, navigation, rendering and open data."""

    def __init__(
        self,
        settings: SiteSettings,
        pack: Pack,
        strings: Strings,
        identity: Identity,
        content: ContentSettings,
        lines: LoadedYaml | None,
    ) -> None:
        self.settings = settings
        #: The whole pack, as validated; ids of hidden items still count as known.
        self.full_pack = pack
        self.hidden_items: HiddenItems = HiddenItems()
        #: The pack the site shows: a fork's hidden items left out.
        self.pack = pack
        self.strings = strings
        self.identity = identity
        self.content = content
        self._lines = lines
        self.routes = Routes(pack.kinds)
        self.overlay_dir = settings.project_dir / content.overlay if content.overlay else None
        self.markdown = FieldMarkdown(settings.markdown_extensions, dict(settings.markdown_configs))
        self.generated: dict[str, GeneratedPage] = generated_pages(pack, settings.components)
        self.templates = PageTemplates.create(
            ([self.overlay_dir] if self.overlay_dir else []) + [settings.docs_dir],
            {
                **bound_macros(lambda: self.context(self._page_url), macro_table(settings.kinds, settings.components)),
                "identity": identity.model_dump(mode="json"),
                "programme": figures(pack),
            },
        )
        self._page_url = "index.html"
        #: Source path of every page, hidden ones too, to its URL.
        self.page_urls: dict[str, str] = {}
        #: Source paths of the pages the fork hides.
        self.hidden_pages: set[str] = set()
        #: Source paths of the pages a fork's overlay replaces or adds.
        self.overlaid: set[str] = set()
        #: Every page the navigation names, hidden ones too (None until :meth:`navigation` has run).
        self.nav_pages: set[str] | None = None
        #: Pages that have a PDF of their own, by source path.
        self.printed: dict[str, PrintedPage] = {}
        #: Problems in pages' sources, found before rendering, and the pages that have them.
        self.page_problems: list[Problem] = []
        self._pages_with_problems: set[str] = set()
        #: Problems met while rendering pages.
        self.render_problems: list[Problem] = []

    # -- making it ---------------------------------------------------------

    @classmethod
    def load(cls, settings: SiteSettings) -> SiteModel:
        """Validate everything the site is made from; raise ContentError listing every problem."""
        config_name = settings.config_file.name
        lines = line_map(settings.config_file.read_text(encoding="utf-8")) if settings.config_file.is_file() else None
        content, problems = parse_content_settings(dict(settings.extra), config_name, lines)
        overlay = settings.project_dir / content.overlay if content.overlay else None
        _refuse_links_out(settings, overlay)
        strings: Strings | None = None
        try:
            strings = load_strings(settings.locales_dir, settings.language)
        except ContentError as error:
            problems += error.problems
        identity, identity_problems = parse_identity(dict(settings.extra), config_name, lines)
        problems += identity_problems + _folder_problems(settings, content, identity, lines)
        pack, pack_problems = load_or_report(settings.data_dir, settings.project_dir, settings.kinds)
        problems += pack_problems
        if problems:
            raise ContentError(problems)
        assert pack is not None and strings is not None and identity is not None
        if identity.name is None:  # upstream's edition, or a fork that kept its name: MkDocs' site_name
            identity = identity.model_copy(update={"name": settings.site_name})
        if strings.untranslated:
            log.info(
                "%d strings have no translation in locales/%s.yml and are shown in English: %s",
                len(strings.untranslated),
                settings.language,
                ", ".join(strings.untranslated),
            )
        model = cls(settings, pack, strings, identity, content, lines)
        for note in model.overlay_notes():  # shown by `make` and `make check` too (scripts/site_build.py)
            log.info(note)
        return model

    def _problem(self, key: str, message: str) -> Problem:
        """A problem with one of the fork's content settings, at its line in the config file."""
        path = ("extra", "content", key)
        line = self._lines.line_of(path) if self._lines else None
        return Problem(self.settings.config_file.name, line, ".".join(path), message)

    # -- navigation ----------------------------------------------------------

    def navigation(self, nav: list[Any], docs_pages: Iterable[str]) -> list[Any]:
        """The nav with patterns expanded, the fork's additions in, and its hidden pages and sections out.

        Also hides the items (cards, banks, sessions, forms, terms) that the
        fork's ``hide`` names by id. Raises ContentError for a hide entry that
        matches nothing.
        """
        pages_or_sections = self._hide_items(self.content.hide)
        candidates = list(self.generated) + [path for path in sorted(docs_pages) if path not in self.generated]
        nav = navigation.expand(self._with_fork_nav(nav), candidates)
        self.nav_pages = navigation.page_paths(nav)
        nav, self.hidden_pages, matched = navigation.hide(nav, pages_or_sections)
        unmatched = [entry for entry in pages_or_sections if entry not in matched]
        if unmatched:
            known = navigation.names(nav) | self.hidden_pages
            known |= {item_id for kind in self.full_pack.kinds for item_id in self.full_pack.of(kind)}
            raise ContentError(
                self._problem(
                    "hide",
                    f"'{entry}' is not a page, a section title or the id of a card, bank, session, form or term"
                    f"{suggest(entry, known)}",
                )
                for entry in unmatched
            )
        return nav

    def _with_fork_nav(self, nav: list[Any]) -> list[Any]:
        """The fork's own navigation entries (``extra.content.nav``), after upstream's or after a named entry."""
        added = list(self.content.nav)
        if not added:
            return nav
        if self.content.nav_after is None:
            return [*nav, *added]
        for index, entry in enumerate(nav):
            if self.content.nav_after in navigation.names(entry) and (
                entry == self.content.nav_after or (isinstance(entry, dict) and self.content.nav_after in entry)
            ):
                return [*nav[: index + 1], *added, *nav[index + 1 :]]
        known = sorted(navigation.names(nav))
        message = (
            f"'{self.content.nav_after}' is not a top-level page or section{suggest(self.content.nav_after, known)}"
        )
        raise ContentError([self._problem("nav_after", message)])

    def _hide_items(self, entries: Iterable[str]) -> list[str]:
        """Hide the items ``entries`` name by id; return the other entries (pages and sections)."""
        self.hidden_items, others = hide_items(self.full_pack, entries)
        if self.hidden_items.visible is not None:
            self.pack = self.hidden_items.visible
            self.generated = generated_pages(self.pack, self.settings.components)
            self.routes = Routes(self.pack.kinds)
        return others

    # -- files ------------------------------------------------------------

    def overlay_pages(self) -> list[str]:
        """The paths (under the docs folder) of every file in the fork's overlay folder."""
        if self.overlay_dir is None:
            return []
        return [
            path.relative_to(self.overlay_dir).as_posix()
            for path in sorted(self.overlay_dir.rglob("*"))
            if path.is_file()
        ]

    def overlay_notes(self) -> list[str]:
        """Notes for overlay pages whose upstream page changed since they were copied (never failures)."""
        if self.overlay_dir is None or not self.content.overlay:
            return []
        notes = overlay_notes(self.overlay_dir, self.settings.docs_dir, self.content.overlay, self.overlay_pages())
        return [str(note) for note in notes]

    def stray_overlay_pages(self) -> list[str]:
        """Overlay pages that replace no page of the pack and that the navigation does not name.

        Most often a misspelt file name. The engine would only say the page
        is not in the navigation; :meth:`check_pages` says what it meant.
        """
        outside = self._overlay_pages_outside_nav()
        return self._strays(outside, self._upstream_pages()) if outside else []

    def _overlay_pages_outside_nav(self) -> list[str]:
        if self.nav_pages is None:
            return []  # no navigation: the engine lists every page
        return [src for src in self.overlay_pages() if src.endswith(".md") and src not in self.nav_pages]

    @staticmethod
    def _strays(outside: list[str], upstream: Mapping[str, str]) -> list[str]:
        return [src for src in outside if src not in upstream]

    def _upstream_pages(self) -> dict[str, str]:
        """Every page of the pack a file in the overlay can replace, and how a message names its source."""
        docs = self.settings.docs_dir
        pages = {
            path.relative_to(docs).as_posix(): f"{docs.name}/{path.relative_to(docs).as_posix()}"
            for path in sorted(docs.rglob("*.md"))
        }
        for src_uri, page in generated_pages(self.full_pack, self.settings.components).items():
            source = self.full_pack.sources.get((page.kind, page.item_id))
            pages.setdefault(src_uri, f"the page made from {source}" if source else src_uri)
        return pages

    def _stray_overlay_problems(self) -> list[Problem]:
        outside = self._overlay_pages_outside_nav()
        upstream = self._upstream_pages() if outside else {}  # made once: it renders every item's page
        strays = self._strays(outside, upstream)
        problems = []
        overlay, docs = self.content.overlay, self.settings.docs_dir.name
        for src_uri in strays:
            nearest = difflib.get_close_matches(src_uri, sorted(upstream), n=1)
            if nearest:
                replaced = upstream[nearest[0]]
                meant = f"did you mean {overlay}/{nearest[0]} (to replace {replaced})? "
            else:
                meant = f"to replace a page, give the file the same path as the page in {docs}/. "
            message = (
                f"this overlay page replaces no page of the pack and is not in your navigation; "
                f"{meant}To add it as a new page, list it under extra.content.nav"
            )
            problems.append(Problem(f"{overlay}/{src_uri}", 1, None, message))
        return problems

    def generated_source(self, src_uri: str) -> str | None:
        """The pack file a generated page is made from, for its 'edit this page' link."""
        page = self.generated.get(src_uri)
        return self.pack.sources.get((page.kind, page.item_id)) if page else None

    def name_of(self, src_uri: str) -> str:
        """How a message names a page's source file."""
        if src_uri in self.overlaid:
            return f"{self.content.overlay}/{src_uri}"
        page = self.generated.get(src_uri)
        if page is not None and src_uri not in self.overlaid:
            return self.pack.sources.get((page.kind, page.item_id), src_uri)
        return f"{self.settings.docs_dir.name}/{src_uri}"

    def set_pages(self, page_urls: Mapping[str, str]) -> None:
        """Every page the engine has, hidden ones too, and the pages of hidden items."""
        self.page_urls = {**page_urls, **self.hidden_items.page_urls}
        self.hidden_pages |= set(self.hidden_items.page_urls)

    def hidden_urls(self) -> set[str]:
        return {self.page_urls.get(src, src) for src in self.hidden_pages}

    def check_pages(self, pages: Iterable[PageSource]) -> list[Problem]:
        """Every problem in the pages' sources, before anything is rendered.

        They are also kept in :attr:`page_problems`, and a page with problems
        is not rendered, so that the engine can carry on and every problem
        of every kind (pages, rendering, links) is reported in one run.
        """
        known = self.templates.known_names | {"page"}
        problems = check_data_links(self.pack, self.page_urls)
        self.printed, self._pages_with_problems = {}, set()
        for page in pages:
            if page.generated:
                continue  # made from validated data, and not a template
            found = self._check_page(page, known)
            if found:
                self._pages_with_problems.add(page.src_uri)
            problems += found
        sheets = {printed.file for printed in self.printed.values()} | self._hidden_sheets()
        problems += check_sheets(self.full_pack, sheets)
        self.page_problems = problems + self._clashing_printed_files() + self._stray_overlay_problems()
        return self.page_problems

    def _check_page(self, page: PageSource, known: set[str]) -> list[Problem]:
        shown = self.name_of(page.src_uri)
        if page.text is None:
            return [Problem(shown, None, None, "the file is not UTF-8 text; save it again as UTF-8")]
        problems = check_page(shown, page.text, self.templates.env, known, self.full_pack)
        if "print_as" in page.text and page.src_uri not in self.hidden_pages:
            printed, printed_problems = printed_page(split_front_matter(page.text, shown)[0].meta, shown)
            problems += printed_problems
            if printed is not None:
                self.printed[page.src_uri] = replace(printed, url=self.page_urls.get(page.src_uri))
        return problems

    def _hidden_sheets(self) -> set[str]:
        """The ``print_as`` files of the pages a fork hides: a session may still name one, and it is left out."""
        files = set()
        for src_uri in sorted(self.hidden_pages):
            shown = self.name_of(src_uri)
            path = self.settings.project_dir / shown
            text = path.read_text(encoding="utf-8", errors="replace") if path.suffix == ".md" and path.is_file() else ""
            if "print_as" in text:
                printed, _ = printed_page(split_front_matter(text, shown)[0].meta, shown)
                files |= {printed.file} if printed else set()
        return files

    @property
    def pages_unsafe_to_render(self) -> bool:
        """Whether a page's problems would trip up the engine itself (its file or front matter cannot be read).

        The engine then stops at once, with every page problem; other page
        problems wait for the end of the build, to come with the rest.
        """
        unsafe_fields = {"front matter", "reviewed", "next_review"}
        return any(
            problem.field in unsafe_fields or problem.message.startswith(("the file is not UTF-8", "the page is "))
            for problem in self.page_problems
        )

    def problems(self, site_dir: Path | None = None) -> list[Problem]:
        """Every problem found so far (pages, then rendering), and the built site's links if given."""
        links = self.check_links(site_dir) if site_dir is not None else []
        return self.page_problems + self.render_problems + links

    def _clashing_printed_files(self) -> list[Problem]:
        """Two pages, or a page and one of the pack's own PDFs, may not print to the same file."""
        # Printed pages go at the top of downloads/, beside pack.pdf and the question PDFs.
        top_level = [item.file for item in catalogue(self.pack, self.strings, "", self.routes) if "/" not in item.file]
        taken = {file.removesuffix(".pdf") for file in top_level}
        problems = []
        for src_uri, printed in sorted(self.printed.items()):
            if printed.file in taken:
                message = f"the file name '{printed.file}' is already taken by another PDF; choose another"
                problems.append(Problem(self.name_of(src_uri), 1, "print_as.file", message))
            taken.add(printed.file)
        return problems

    # -- rendering ----------------------------------------------------------

    def context(self, page_url: str = "index.html") -> RenderContext:
        """A render context for the page at ``page_url``."""
        self.markdown.resolver = self._resolver(page_url)
        return RenderContext(
            pack=self.pack,
            strings=self.strings,
            markdown=self.markdown,
            routes=self.routes,
            page_url=page_url,
            hidden_links=self.hidden_items.link_texts,
            options={
                "pdfs": self.settings.pdfs,
                "site_title": self.title,
                "hidden_urls": self.hidden_urls(),
                "printed": list(self.printed.values()),
                "page_urls": frozenset(self.page_urls.values()) - set(self.hidden_urls()),
                "site_url": self.settings.site_url,
                "identity": {
                    "organisation": self.identity.organisation,
                    "name": self.identity.name,
                    "short_name": self.identity.short_name,
                },
            },
        )

    def _resolver(self, page_url: str) -> Any:
        def resolve(target: str) -> str:
            path, hash_, fragment = target.partition("#")
            if path.endswith(".md"):
                url = self.page_urls.get(path)
                if url is None:  # already reported by check_data_links
                    return target
                return relative_url(url + hash_ + fragment, page_url)
            return relative_url(target, page_url)

        return resolve

    def render(self, page: PageSource, markdown: str, meta: Mapping[str, Any], title: str | None, url: str) -> str:
        """A page's Markdown with its macro calls rendered; a generated page's body from its component.

        A problem is kept for :attr:`render_problems` and the page's
        Markdown is returned as it was, so every page is still rendered and
        every problem is listed in one run.
        """
        self._page_url = url
        generated = self.generated.get(page.src_uri) if page.generated else None
        if generated is not None:
            return str(generated.body(self.context(url)))
        if switched_off(meta) or page.src_uri in self._pages_with_problems:
            return markdown
        try:
            return self.templates.render(markdown, {**meta, "page": {"title": title, "url": url, "meta": dict(meta)}})
        except PageTemplateError as error:
            offset = body_line_offset(page.text or "")
            line = None if error.line is None else error.line + offset
            self.render_problems.append(Problem(self.name_of(page.src_uri), line, None, error.message))
            return markdown

    def unlink_hidden(self, html_text: str, page_url: str) -> str:
        """Links to a page the fork has hidden become their plain text."""
        from .page_html import unlink

        return unlink(html_text, {relative_url(url, page_url) for url in self.hidden_urls()})

    # -- the theme ------------------------------------------------------------

    def footer_html(self) -> str:
        """The site footer: copyright, licence, credit and contact."""
        identity, strings = self.identity, self.strings
        attribution = self.markdown.inline(identity.attribution) if identity.attribution else Markup("")
        footer = (
            strings(
                "footer.copyright",
                organisation=html.escape(identity.organisation),
                year=identity.edition.year,
                licence=html.escape(identity.licence),
            )
            + f" {attribution}"
        )
        if identity.contact:  # no placeholder address: the link is there only when a contact is set
            footer += f' <a href="{html.escape(identity.contact)}">{html.escape(strings("footer.contact"))}</a>'
        return footer

    @property
    def title(self) -> str:
        """The edition's name: the fork's ``identity.name``, or the site name."""
        return self.identity.name or self.settings.site_name  # name is set by load()

    def theme_globals(self) -> dict[str, Any]:
        """What the theme's templates show: the strings, dates and colours."""
        colours = self.identity.colours
        return {
            "t": self.strings,
            "date": self.strings.date,
            "identity": self.identity,
            "colours": {
                "primary": colours.primary,
                "accent": colours.accent,
                "primary_on_dark": readable_on(colours.primary, DARK_BACKGROUND),
                "accent_on_dark": readable_on(colours.accent, DARK_BACKGROUND),
            },
        }

    # -- the end -----------------------------------------------------------------

    def check_links(self, site_dir: Path) -> list[Problem]:
        """Every broken link and anchor in the built site, named by the page's source file and line."""
        sources = {url: self.name_of(src) for src, url in self.page_urls.items()}
        return check_site_links(
            site_dir,
            sources,
            # Made after the site, by the PDF step (which checks the links to its PDFs) and the zip step.
            skip_folders=(self.routes.downloads,) if self.settings.pdfs else (),
            locate=lambda shown, target: _locate_link(self.settings.project_dir, shown, target),
        )

    def downloads(self) -> list[Download]:
        """Every PDF of the site, as the Downloads page lists it and the PDF step makes it."""
        return catalogue(self.pack, self.strings, self.title, self.routes, self.hidden_urls(), self.printed.values())

    def open_data(self, pages: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
        """``api/pack.json``: the visible pack, the pages in nav order (with each page's own PDF), the strings.

        Each page names its source file (``source``, as messages name it),
        so that the PDF step, which reads only the built site, can say
        which file to change. The PDFs are listed too (``downloads``), so
        that the PDF step makes the files the site links to, under the
        same names.
        """
        downloads = self.downloads()
        printed = {download.page: download for download in downloads if download.layout == "printed"}
        records = []
        for page in pages:
            record = dict(page)
            own = printed.get(str(record.get("url")))
            record["print_as"] = {"file": own.file, "kind": own.kind} if own else None
            src_uri = record.pop("src_uri", None)
            if src_uri:
                record["source"] = self.name_of(str(src_uri))
            records.append(record)
        return pack_data(
            self.pack,
            self.routes,
            records,
            title=self.title,
            site_url=self.settings.site_url,
            description=self.settings.site_description,
            language=self.strings.language,
            identity=self.identity,
            attribution_html=str(self.context().md(self.identity.attribution)),
            strings=self.strings,
            handouts=self.settings.pdfs,
            downloads=downloads,
        )


def _refuse_links_out(settings: SiteSettings, overlay: Path | None) -> None:
    """Stop before reading anything if a folder the build reads holds a link out of the repository."""
    folders = [settings.docs_dir, settings.data_dir, settings.locales_dir]
    folders += [overlay] if overlay else []
    folders += [settings.theme_dir] if settings.theme_dir else []
    problems = links_leaving(settings.project_dir, folders)
    if problems:
        raise ContentError(problems)


def _folder_problems(
    settings: SiteSettings, content: ContentSettings, identity: Identity | None, lines: LoadedYaml | None
) -> list[Problem]:
    """The overlay folder and the identity's images must exist."""
    config_name = settings.config_file.name
    problems = []
    overlay = settings.project_dir / content.overlay if content.overlay else None
    if overlay is not None and not overlay.is_dir():
        path = ("extra", "content", "overlay")
        message = f"there is no folder {content.overlay}; create it or remove the setting"
        problems.append(Problem(config_name, lines.line_of(path) if lines else None, ".".join(path), message))
        overlay = None
    if identity is None:
        return problems
    docs = settings.docs_dir
    for setting in ("logo", "favicon"):
        image = getattr(identity, setting)
        if not any(place.is_file() for place in [docs / image] + ([overlay / image] if overlay else [])):
            path = ("extra", "identity", setting)
            message = (
                f"there is no file {docs.name}/{image}; add the image or fix the path "
                f"(it is relative to the {docs.name} folder)"
            )
            problems.append(Problem(config_name, lines.line_of(path) if lines else None, ".".join(path), message))
    return problems


def _locate_link(project_dir: Path, shown: str, target: str) -> int | None:
    """The line of ``shown`` (a source file) that holds the link ``target``."""
    path = project_dir / shown
    if not path.is_file():
        return None
    page, _, fragment = target.partition("#")
    as_markdown = page.removesuffix(".html") + ".md" + (f"#{fragment}" if fragment else "")
    # Pack files write links from the docs folder, without the page's own "../".
    candidates = [target, as_markdown, as_markdown.lstrip("./")]
    if fragment:
        candidates.append(f"#{fragment}")
    # Code examples are not links: look only at the page's text.
    lines = ProtectedCode.of(path.read_text(encoding="utf-8", errors="replace")).text.splitlines()
    for candidate in candidates:
        for number, text in enumerate(lines, start=1):
            if candidate and candidate in text:
                return number
    return None


__all__ = ["PageSource", "SiteModel", "SiteSettings"]
