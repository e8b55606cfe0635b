"""The MkDocs side of the pack: a thin plugin that maps MkDocs' hooks onto the site model.

Everything the pack does as a site (validation, generated pages, the
navigation, hiding, overlays, rendering pages' macros, checks and
``api/pack.json``) lives in :mod:`macros.site_model`, which knows nothing of
MkDocs. This module holds MkDocs' hooks only: :mod:`macros.from_mkdocs`
reads MkDocs' config, files and pages into the model's terms, and the hooks
write what the model answers back into MkDocs' structures. (The PDFs that
``make serve`` keeps up to date are another plugin's: scripts/serve_pdfs.py.)

Enable it in the config::

    plugins:
      - pack:
          data_dir: pack
          locales_dir: locales
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import from_mkdocs, page_html
from .content_settings import parse_content_settings
from .minify import minify_own_scripts
from .open_data import dumps
from .problems import ContentError
from .site_model import SiteModel


class PackPluginConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    #: Folder of cards, question banks and sessions (see macros/loading.py).
    data_dir = c.Dir(exists=True, default="pack")
    #: Folder of strings files, one a language.
    locales_dir = c.Dir(exists=True, default="locales")
    #: Whether the PDFs are built, so pages may link to them (`make` and
    #: `make serve` set PACK_PDFS=true; `make serve PDFS=no` leaves it off).
    pdfs = c.Type(bool, default=False)


class PackPlugin(BasePlugin[PackPluginConfig]):  # type: ignore[no-untyped-call]
    """Loads, checks and publishes the pack's data, through the site model."""

    def __init__(self) -> None:
        self._model: SiteModel | None = None
        self._nav: Navigation | None = None
        self._serving = False

    @property
    def model(self) -> SiteModel:
        assert self._model is not None, "the pack plugin's on_config has not run"
        return self._model

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Conflict markers first: before any page or pack file is read (make and make check have
        # already scanned mkdocs.yml, which MkDocs could not have read with markers in).
        content = parse_content_settings(dict(config.extra), "mkdocs.yml")[0]
        folders = {"data_dir": Path(self.config.data_dir), "locales_dir": Path(self.config.locales_dir)}
        conflicts = from_mkdocs.merge_conflicts(config, folders, content.overlay)
        if conflicts:
            raise PluginError(ContentError(conflicts).report())
        # The fork's extensions and features first, so pages and pack data render with them.
        from_mkdocs.merge_fork_lists(config, content)
        site_url = from_mkdocs.published_site_url(config) if self._serving else config.site_url
        try:
            self._model = SiteModel.load(from_mkdocs.settings(config, folders, bool(self.config.pdfs), site_url))
            if config.nav:
                config.nav = self.model.navigation(config.nav, from_mkdocs.docs_pages(config, self.model))
        except ContentError as error:
            raise PluginError(error.report()) from None
        from_mkdocs.name_theme_controls(config, self.model.strings)
        config.site_name = self.model.title
        config.theme["logo"] = self.model.identity.logo
        config.theme["favicon"] = self.model.identity.favicon
        config.copyright = self.model.footer_html()
        try:
            config.extra["polyfills"] = page_html.self_hosted(config.extra.get("polyfills") or [])
        except page_html.ThemePatchError as error:
            raise PluginError(str(error)) from None
        for folder in (self.config.data_dir, self.config.locales_dir, self.model.content.overlay):
            if folder and folder not in config.watch:
                config.watch.append(folder)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        model = self.model
        for src_uri in model.overlay_pages():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                files.remove(existing)
            overlay = File(src_uri, str(model.overlay_dir), config.site_dir, config.use_directory_urls)
            overlay.edit_uri = f"../{model.content.overlay}/{src_uri}"
            files.append(overlay)
            model.overlaid.add(src_uri)
        for src_uri, page in model.generated.items():
            if files.get_file_from_path(src_uri) is not None:
                continue  # a fork may replace a generated page with a file of its own
            file = File.generated(config, src_uri, content=page.source)
            source = model.generated_source(src_uri)
            file.edit_uri = f"../{source}" if source else None
            files.append(file)
        for file in files:
            if file.src_uri in model.hidden_pages:
                file.inclusion = InclusionLevel.EXCLUDED
        # A stray overlay page is reported by check_pages, naming the page it may have meant;
        # MkDocs' own warning would name only the navigation.
        for src_uri in model.stray_overlay_pages():
            stray = files.get_file_from_path(src_uri)
            if stray is not None:
                stray.inclusion = InclusionLevel.NOT_IN_NAV
        # Every page, hidden ones too: links to a hidden page are unwrapped later, not reported as broken.
        model.set_pages({file.src_uri: file.url for file in files.documentation_pages(inclusion=lambda _: True)})
        # Reported with the rendering and link problems after the build, so that one run lists them all,
        # unless a page cannot even be read.
        problems = model.check_pages(from_mkdocs.page_source(file) for file in files.documentation_pages())
        if model.pages_unsafe_to_render:
            raise PluginError(ContentError(problems).report())
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.model.render(from_mkdocs.page_source(page.file), markdown, page.meta, page.title, page.file.url)

    def on_page_content(self, html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Unlink hidden pages, and give the contents the headings that components write as HTML."""
        html_text = self.model.unlink_hidden(html_text, page.file.url)
        headings = page_html.headings(html_text)
        markdown_anchors = from_mkdocs.toc_ids(page.toc)
        if any(anchor not in markdown_anchors for _, anchor, _ in headings):
            page.toc = get_toc(page_html.nest(headings))  # type: ignore[arg-type]
        return html_text

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """Give the theme its strings, dates and colours."""
        env.globals["pack_ui"] = self.model.theme_globals()
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return self._name_search_dialog(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return self._name_search_dialog(output_content)

    def _name_search_dialog(self, html_text: str) -> str:
        try:
            return page_html.name_search_dialog(html_text, self.model.strings("theme.search_dialog"))
        except page_html.ThemePatchError as error:
            raise PluginError(str(error)) from None

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Stop with every problem in pages, rendering and links together; else write pack.json."""
        site_dir = Path(config.site_dir)
        problems = self.model.problems(site_dir)
        if problems:
            raise PluginError(ContentError(problems).report())
        minify_own_scripts(self.model.settings.theme_dir, site_dir)
        data = self.model.open_data(from_mkdocs.page_records(self._nav))
        api = site_dir / "api"
        api.mkdir(parents=True, exist_ok=True)
        (api / "pack.json").write_text(dumps(data), encoding="utf-8")
        # The same data as a script, for pages opened from files, where
        # browsers refuse to fetch JSON (the planner uses it).
        (api / "pack.js").write_text("window.__alpPack = " + dumps(data), encoding="utf-8")


__all__ = ["PackPlugin", "PackPluginConfig"]
