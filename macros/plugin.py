"""The MkDocs side of the pack: a plugin that joins the data to the site.

It is the only module that knows MkDocs' plugin API. At the start of a
build it refuses symbolic links that lead out of the repository, loads and
validates the pack, the strings and the identity, and stops with every
problem listed. It then adds a page for every card, bank, session and form,
checks every page before rendering, renders the macro calls in pages in
Jinja's sandbox (:mod:`macros.page_templates`), and after the build checks
every link and writes ``api/pack.json``.

Enable it in the config::

    plugins:
      - pack:
          data_dir: pack
          locales_dir: locales
"""

from __future__ import annotations

import fnmatch
import functools
import html
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .components import RenderContext, Routes
from .content_settings import ContentSettings, hide_from_nav, parse_content_settings
from .downloads import PrintedPage, catalogue
from .generated_pages import GeneratedPage, generated_pages
from .identity import DARK_BACKGROUND, Identity, parse_identity, readable_on
from .link_check import check_site_links
from .loading import Pack, load_or_report
from .macro_table import bound_macros
from .markdown_fields import FieldMarkdown, relative_url
from .open_data import dumps, pack_data
from .page_checks import body_line_offset, check_data_links, check_page, printed_page, split_front_matter
from .page_templates import PageTemplateError, PageTemplates, switched_off
from .problems import ContentError, Problem, suggest
from .programme import figures as programme_figures
from .repository_files import links_leaving
from .strings import Strings, load_strings
from .yamlfile import line_map

log = logging.getLogger("mkdocs.plugins.pack")

_HEADING = re.compile(r"<h([1-6])\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


#: Scripts the theme would load from a CDN, and the site's own stand-ins.
SELF_HOSTED_POLYFILLS = {"iframe-worker": "assets/javascripts/file-worker.js"}


def _polyfill_name(url: str) -> str:
    """``https://unpkg.com/iframe-worker/shim`` -> ``iframe-worker``."""
    return url.split("://", 1)[-1].split("/")[1] if "://" in url and url.count("/") >= 3 else url


class PackPluginConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    #: Folder of cards, question banks and sessions (see macros/loading.py).
    data_dir = c.Dir(exists=True, default="pack")
    #: Folder of strings files, one a language.
    locales_dir = c.Dir(exists=True, default="locales")
    #: Whether the PDFs are built, so pages may link to them (`make` sets
    #: PACK_PDFS=true; `make serve` leaves it off).
    pdfs = c.Type(bool, default=False)


class PackPlugin(BasePlugin[PackPluginConfig]):  # type: ignore[no-untyped-call]
    """Loads, checks and publishes the pack's data."""

    def __init__(self) -> None:
        self.pack: Pack | None = None
        self.strings: Strings | None = None
        self.identity: Identity | None = None
        self.routes = Routes()
        self.page_urls: dict[str, str] = {}
        self.generated: dict[str, GeneratedPage] = {}
        self.templates: PageTemplates | None = None
        self._page: Page | None = None
        self._render_problems: list[Problem] = []
        #: Pages that have a PDF of their own, by source path.
        self.printed: dict[str, PrintedPage] = {}
        self._markdown: FieldMarkdown | None = None
        self._project_dir = Path.cwd()
        self._nav: Navigation | None = None
        self._site_title = ""
        self.content = ContentSettings()
        self.overlay_dir: Path | None = None
        self.hidden: set[str] = set()
        self.overlaid: set[str] = set()

    # -- start of the build ------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._project_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        config_name = Path(config.config_file_path or "mkdocs.yml").name
        problems: list[Problem] = []
        config_path = Path(config.config_file_path or "mkdocs.yml")
        lines = line_map(config_path.read_text(encoding="utf-8")) if config_path.is_file() else None
        self.content, content_problems = parse_content_settings(dict(config.extra), config_name, lines)
        problems += content_problems
        self.overlay_dir = self._project_dir / self.content.overlay if self.content.overlay else None
        self._refuse_links_out(config)
        language = str(config.theme.get("language") or "en")
        try:
            self.strings = load_strings(Path(self.config.locales_dir), language)
        except ContentError as error:
            problems += error.problems
        self.identity, identity_problems = parse_identity(dict(config.extra), config_name, lines)
        problems += identity_problems
        if self.overlay_dir is not None and not self.overlay_dir.is_dir():
            problems.append(
                Problem(
                    config_name,
                    lines.line_of(("extra", "content", "overlay")) if lines else None,
                    "extra.content.overlay",
                    f"there is no folder {self.content.overlay}; create it or remove the setting",
                )
            )
            self.overlay_dir = None
        if self.identity is not None:
            docs_dir = Path(config.docs_dir)
            for setting in ("logo", "favicon"):
                image = getattr(self.identity, setting)
                places = [docs_dir / image] + ([self.overlay_dir / image] if self.overlay_dir else [])
                if not any(place.is_file() for place in places):
                    path = ("extra", "identity", setting)
                    problems.append(
                        Problem(
                            config_name,
                            lines.line_of(path) if lines else None,
                            ".".join(path),
                            f"there is no file {docs_dir.name}/{image}; add the image or fix the path "
                            f"(it is relative to the {docs_dir.name} folder)",
                        )
                    )
        self.pack, pack_problems = load_or_report(Path(self.config.data_dir), self._project_dir)
        problems += pack_problems
        if problems:
            raise PluginError(ContentError(problems).report())
        assert self.pack is not None and self.identity is not None and self.strings is not None
        if self.strings.untranslated:
            log.info(
                "%d strings have no translation in locales/%s.yml and are shown in English: %s",
                len(self.strings.untranslated),
                language,
                ", ".join(self.strings.untranslated),
            )
        self._site_title = config.site_name
        self.generated = generated_pages(self.pack, self.routes)
        include_dirs = ([self.overlay_dir] if self.overlay_dir else []) + [Path(config.docs_dir)]
        self.templates = PageTemplates.create(
            include_dirs,
            {
                **bound_macros(lambda: self.context_for(self._page)),
                "identity": self.identity.model_dump(mode="json"),
                "programme": programme_figures(self.pack),
            },
        )
        self._render_problems = []
        self._apply_identity(config, self.identity, self.strings)
        if config.nav:
            config.nav = self._expand_nav(config.nav, config)
            config.nav, self.hidden, matched = hide_from_nav(config.nav, self.content.hide)
            unmatched = [entry for entry in self.content.hide if entry not in matched]
            if unmatched:
                known = _nav_names(config.nav) | self.hidden
                raise PluginError(
                    ContentError(
                        Problem(
                            config_name,
                            lines.line_of(("extra", "content", "hide")) if lines else None,
                            "extra.content.hide",
                            f"'{entry}' is neither a page nor a section title in the navigation{suggest(entry, known)}",
                        )
                        for entry in unmatched
                    ).report()
                )
        self._markdown = FieldMarkdown(config.markdown_extensions, config.mdx_configs)
        self._self_host_polyfills(config)
        for folder in (self.config.data_dir, self.config.locales_dir, self.content.overlay):
            if folder and folder not in config.watch:
                config.watch.append(folder)
        return config

    @staticmethod
    def _self_host_polyfills(config: MkDocsConfig) -> None:
        """Serve the offline plugin's worker shim from the site, not from a third-party host."""
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [
            SELF_HOSTED_POLYFILLS.get(_polyfill_name(url), url) if isinstance(url, str) else url for url in polyfills
        ]
        remote = [url for url in config.extra["polyfills"] if isinstance(url, str) and "://" in url]
        if remote:
            raise PluginError(
                f"the theme would load {', '.join(remote)} from another host; "
                "add a self-hosted copy to SELF_HOSTED_POLYFILLS in macros/plugin.py"
            )

    def _apply_identity(self, config: MkDocsConfig, identity: Identity, strings: Strings) -> None:
        """Send the identity and the strings to the places the theme reads them from."""
        for scheme in config.theme.get("palette") or []:
            toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
            if toggle:
                toggle["name"] = strings("theme.to_light" if scheme.get("scheme") == "slate" else "theme.to_dark")
        if "toc" in config.mdx_configs and config.mdx_configs["toc"].get("permalink"):
            config.mdx_configs["toc"]["permalink_title"] = strings("theme.permalink")
        config.theme["logo"] = identity.logo
        config.theme["favicon"] = identity.favicon
        attribution = self._markdown_inline(identity.attribution, config)
        contact = html.escape(identity.contact)
        config.copyright = (
            strings(
                "footer.copyright",
                organisation=html.escape(identity.organisation),
                year=identity.edition.year,
                licence=html.escape(identity.licence),
            )
            + f" {attribution} "
            + f'<a href="{contact}">{html.escape(strings("footer.contact"))}</a>'
        )

    @staticmethod
    def _markdown_inline(text: str, config: MkDocsConfig) -> str:
        return str(FieldMarkdown(config.markdown_extensions, config.mdx_configs).inline(text))

    def _expand_nav(self, nav: list[Any], config: MkDocsConfig) -> list[Any]:
        """Replace nav entries such as ``tools/*.md`` with the matching pages.

        Generated pages come in pack order (cards and banks by title,
        sessions in programme order); files in docs/ come by path. Pages
        the nav names elsewhere are left out of the expansion.
        """
        docs_dir = Path(config.docs_dir)
        real = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
        candidates = list(self.generated) + [path for path in real if path not in self.generated]
        named: set[str] = set()

        def collect(items: Any) -> None:
            if isinstance(items, str):
                if "*" not in items:
                    named.add(items)
            elif isinstance(items, list):
                for item in items:
                    collect(item)
            elif isinstance(items, dict):
                for value in items.values():
                    collect(value)

        collect(nav)

        def matching(pattern: str) -> list[str]:
            matches = [path for path in candidates if fnmatch.fnmatch(path, pattern) and path not in named]
            if not matches:
                log.warning("The nav entry '%s' matches no page; remove it or add pages", pattern)
            return matches

        def expand(items: Any) -> Any:
            if isinstance(items, list):
                result: list[Any] = []
                for item in items:
                    if isinstance(item, str) and "*" in item:
                        result.extend(matching(item))
                    else:
                        result.append(expand(item))
                return result
            if isinstance(items, dict):
                return {
                    key: matching(value) if isinstance(value, str) and "*" in value else expand(value)
                    for key, value in items.items()
                }
            return items

        expanded: list[Any] = expand(nav)
        return expanded

    # -- files and pages ---------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.pack is not None
        if self.overlay_dir is not None:
            for path in sorted(self.overlay_dir.rglob("*")):
                if not path.is_file():
                    continue
                src_uri = path.relative_to(self.overlay_dir).as_posix()
                existing = files.get_file_from_path(src_uri)
                if existing is not None:
                    files.remove(existing)
                overlay_file = File(src_uri, str(self.overlay_dir), config.site_dir, config.use_directory_urls)
                overlay_file.edit_uri = f"../{self.content.overlay}/{src_uri}"
                files.append(overlay_file)
                self.overlaid.add(src_uri)
        for src_uri, page in self.generated.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                # A fork may replace a generated page with a file of its own.
                continue
            file = File.generated(config, src_uri, content=page.source)
            folder = src_uri.split("/", 1)[0]
            item_id = Path(src_uri).stem
            kind = {
                self.routes.cards: "cards",
                self.routes.banks: "questions",
                self.routes.sessions: "sessions",
                self.routes.forms: "forms",
            }[folder]
            source = self.pack.sources.get((kind, item_id))
            if source:
                file.edit_uri = f"../{source}"
            files.append(file)
        for file in files:
            if file.src_uri in self.hidden:
                file.inclusion = InclusionLevel.EXCLUDED
        # Every page, hidden ones too: links to a hidden page are made and then
        # turned into plain text (see _unlink_hidden), not reported as broken.
        self.page_urls = {file.src_uri: file.url for file in files.documentation_pages(inclusion=lambda _: True)}
        self._check_pages(files, config)
        return files

    def _check_pages(self, files: Files, config: MkDocsConfig) -> None:
        assert self.pack is not None and self.templates is not None
        known = self.templates.known_names | {"page"}
        problems: list[Problem] = check_data_links(self.pack, self.page_urls)
        self.printed = {}
        docs_name = Path(config.docs_dir).name
        for file in files.documentation_pages():
            if self._generated(file) is not None:
                continue  # made from validated data, and not a template
            shown = self._shown(file.src_uri, docs_name)
            try:
                text = file.content_string
            except UnicodeDecodeError:
                problems.append(Problem(shown, None, None, "the file is not UTF-8 text; save it again as UTF-8"))
                continue
            problems += check_page(shown, text, self.templates.env, known, self.pack)
            if "print_as" in text and file.src_uri not in self.hidden:
                printed, printed_problems = printed_page(split_front_matter(text, shown)[0].meta, shown)
                problems += printed_problems
                if printed is not None:
                    self.printed[file.src_uri] = printed
        problems += self._clashing_printed_files(docs_name)
        if problems:
            raise PluginError(ContentError(problems).report())

    def _clashing_printed_files(self, docs_name: str) -> list[Problem]:
        """Two pages, or a page and one of the pack's own PDFs, may not print to the same file."""
        assert self.pack is not None and self.strings is not None
        # Printed pages go at the top of downloads/, beside pack.pdf and the question PDFs.
        top_level = [item.file for item in catalogue(self.pack, self.strings, "", self.routes) if "/" not in item.file]
        taken = {file.removesuffix(".pdf") for file in top_level}
        problems = []
        for src_uri, printed in sorted(self.printed.items()):
            if printed.file in taken:
                problems.append(
                    Problem(
                        self._shown(src_uri, docs_name),
                        1,
                        "print_as.file",
                        f"the file name '{printed.file}' is already taken by another PDF; choose another",
                    )
                )
            taken.add(printed.file)
        return problems

    def _generated(self, file: File) -> GeneratedPage | None:
        """The generated page behind ``file``, unless a fork has replaced it with a file of its own."""
        return self.generated.get(file.src_uri) if file.generated_by is not None else None

    def _refuse_links_out(self, config: MkDocsConfig) -> None:
        """Stop before reading anything if a folder the build reads holds a link out of the repository."""
        folders = [Path(config.docs_dir), Path(self.config.data_dir), Path(self.config.locales_dir)]
        folders += [self.overlay_dir] if self.overlay_dir else []
        folders += [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        problems = links_leaving(self._project_dir, folders)
        if problems:
            raise PluginError(ContentError(problems).report())

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's body from its component; any other page's macro calls, rendered sandboxed."""
        assert self.templates is not None
        self._page = page
        generated = self._generated(page.file)
        if generated is not None:
            return str(generated.body(self.context_for(page)))
        if switched_off(page.meta):
            return markdown
        variables = {**page.meta, "page": {"title": page.title, "url": page.file.url, "meta": page.meta}}
        try:
            return self.templates.render(markdown, variables)
        except PageTemplateError as error:
            shown = self._shown(page.file.src_uri, Path(config.docs_dir).name)
            line = None if error.line is None else error.line + body_line_offset(page.file.content_string)
            self._render_problems.append(Problem(shown, line, None, error.message))
            return markdown  # the other pages are still rendered, so every problem is listed in one run

    def _shown(self, src_uri: str, docs_name: str) -> str:
        """How to name a page's source file in a message."""
        if src_uri in self.overlaid:
            return f"{self.content.overlay}/{src_uri}"
        if src_uri in self.generated:
            return src_uri
        return f"{docs_name}/{src_uri}"

    def context_for(self, page: Page | None) -> RenderContext:
        """A render context for the page being rendered."""
        assert self.pack is not None and self.strings is not None and self._markdown is not None
        page_url = page.file.url if page is not None else "index.html"
        self._markdown.resolver = self._resolver(page_url)
        return RenderContext(
            pack=self.pack,
            strings=self.strings,
            markdown=self._markdown,
            routes=self.routes,
            page_url=page_url,
            options={
                "pdfs": self.config.pdfs,
                "site_title": self._site_title,
                "hidden_urls": {self.page_urls.get(src, src) for src in self.hidden},
                "printed": list(self.printed.values()),
            },
        )

    def _resolver(self, page_url: str) -> Callable[[str], str]:
        def resolve(target: str) -> str:
            path, hash_, fragment = target.partition("#")
            if path.endswith(".md"):
                url = self.page_urls.get(path)
                if url is None:  # already reported by check_data_links
                    return target
                return relative_url(url + hash_ + fragment, page_url)
            return relative_url(target, page_url)

        return resolve

    def on_page_content(self, html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Unlink hidden pages, and give the table of contents the headings that components write as HTML."""
        if self.hidden:
            html_text = self._unlink_hidden(html_text, page, files)
        headings = [
            (int(level), anchor, html.unescape(_TAG.sub("", inner)).strip())
            for level, anchor, inner in _HEADING.findall(html_text)
        ]
        headings = [heading for heading in headings if heading[0] > 1]
        markdown_anchors = {anchor.id for anchor in _walk_toc(page.toc)}
        if any(anchor not in markdown_anchors for _, anchor, _ in headings):
            page.toc = get_toc(_nest(headings))  # type: ignore[arg-type]
        return html_text

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """Stop if any page failed to render; else give the theme the strings, dates and colours it shows.

        MkDocs renders every page's Markdown before this hook, so all the
        pages' template problems are listed together.
        """
        if self._render_problems:
            raise PluginError(ContentError(self._render_problems).report())
        assert self.identity is not None and self.strings is not None
        colours = self.identity.colours
        env.globals["pack_ui"] = {
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
        return env

    def _unlink_hidden(self, html_text: str, page: Page, files: Files) -> str:
        """Links to a page the fork has hidden become their plain text."""
        targets = set()
        for src in self.hidden:
            hidden_file = files.get_file_from_path(src)
            if hidden_file is not None:
                targets.add(relative_url(hidden_file.url, page.file.url))
        if not targets:
            return html_text

        def unwrap(match: re.Match[str]) -> str:
            return match.group(2) if match.group(1).split("#", 1)[0] in targets else match.group(0)

        return re.sub(r'<a href="([^"]*)"[^>]*>(.*?)</a>', unwrap, html_text, flags=re.DOTALL)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return self._name_search_dialog(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return self._name_search_dialog(output_content)

    def _name_search_dialog(self, html_text: str) -> str:
        """Give Material's search dialog an accessible name (its partial has none)."""
        assert self.strings is not None
        label = html.escape(self.strings("theme.search_dialog"))
        return html_text.replace(
            'data-md-component="search" role="dialog">',
            f'data-md-component="search" role="dialog" aria-label="{label}">',
            1,
        )

    # -- end of the build --------------------------------------------------

    def on_post_build(self, config: MkDocsConfig) -> None:
        assert self.pack is not None
        site_dir = Path(config.site_dir)
        docs_name = Path(config.docs_dir).name
        source_of = {url: self._shown(src, docs_name) for src, url in self.page_urls.items()}
        problems = check_site_links(
            site_dir,
            source_of,
            skip_suffixes=(".pdf", ".zip") if self.config.pdfs else (),
            locate=functools.partial(_locate_link, self._project_dir),
        )
        if problems:
            raise PluginError(ContentError(problems).report().replace("content problem", "link problem"))
        assert self.identity is not None and self.strings is not None
        data = pack_data(
            self.pack,
            self.routes,
            self._page_records(),
            title=config.site_name,
            site_url=config.site_url,
            language=self.strings.language,
            identity=self.identity,
            attribution_html=str(self.context_for(None).md(self.identity.attribution)),
            strings=self.strings,
            handouts=self.config.pdfs,
        )
        api = site_dir / "api"
        api.mkdir(parents=True, exist_ok=True)
        (api / "pack.json").write_text(dumps(data), encoding="utf-8")
        # The same data as a script, for pages opened from files, where
        # browsers refuse to fetch JSON (the planner uses it).
        (api / "pack.js").write_text("window.__alpPack = " + dumps(data), encoding="utf-8")

    def _page_records(self) -> list[dict[str, Any]]:
        """Every page in nav order, with its sections and whether it goes in the PDF."""
        records = []
        for page in self._nav.pages if self._nav else []:
            sections: list[str] = []
            parent = page.parent
            while parent is not None:
                sections.insert(0, parent.title)
                parent = parent.parent
            records.append(
                {
                    "title": page.title or "",
                    "url": page.file.url,
                    "sections": sections,
                    "pdf": bool(page.meta.get("pdf", True)),
                    "print_as": _printed_record(self.printed.get(page.file.src_uri)),
                }
            )
        return records

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav


def _printed_record(printed: PrintedPage | None) -> dict[str, str] | None:
    return None if printed is None else {"file": f"{printed.file}.pdf", "kind": printed.kind}


def _nav_names(nav: Any) -> set[str]:
    """Every page path and section title in a nav config."""
    names: set[str] = set()
    if isinstance(nav, str):
        names.add(nav)
    elif isinstance(nav, list):
        for item in nav:
            names |= _nav_names(item)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            names.add(title)
            names |= _nav_names(value)
    return names


def _locate_link(project_dir: Path, shown: str, target: str) -> int | None:
    """The line of ``shown`` (a source file) that holds the link ``target``."""
    path = project_dir / shown
    if not path.is_file():
        return None
    page, _, fragment = target.partition("#")
    candidates = [target, page.removesuffix(".html") + ".md" + (f"#{fragment}" if fragment else "")]
    if fragment:
        candidates.append(f"#{fragment}")
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for candidate in candidates:
        for number, text in enumerate(lines, start=1):
            if candidate and candidate in text:
                return number
    return None


def _nest(headings: list[tuple[int, str, str]]) -> list[dict[str, Any]]:
    """Turn a flat list of (level, id, text) headings into nested TOC tokens."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for level, anchor, name in headings:
        token = {"level": level, "id": anchor, "name": name, "html": html.escape(name), "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def _walk_toc(toc: Any) -> list[Any]:
    found = []
    for item in toc or []:
        found.append(item)
        found.extend(_walk_toc(item.children))
    return found


__all__ = ["Markup", "PackPlugin", "PackPluginConfig"]
