"""The MkDocs side of the pack: a thin plugin that maps MkDocs' hooks onto the site model.

Everything the pack does as a site (validation, generated pages, the
navigation, hiding, overlays, rendering pages' macros, checks and
``api/pack.json``) lives in :mod:`macros.site_model`, which knows nothing of
MkDocs. This module only reads MkDocs' config, hands over its files and
pages, and writes what the model answers back into MkDocs' structures.

Enable it in the config::

    plugins:
      - pack:
          data_dir: pack
          locales_dir: locales
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from . import page_html
from .content_settings import ContentSettings, parse_content_settings
from .merge_conflicts import scan_site
from .open_data import dumps
from .problems import ContentError, Problem
from .site_model import PageSource, SiteModel, SiteSettings


class PackPluginConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    #: Folder of cards, question banks and sessions (see macros/loading.py).
    data_dir = c.Dir(exists=True, default="pack")
    #: Folder of strings files, one a language.
    locales_dir = c.Dir(exists=True, default="locales")
    #: Whether the PDFs are built, so pages may link to them (`make` sets
    #: PACK_PDFS=true; `make serve` leaves it off).
    pdfs = c.Type(bool, default=False)


class PackPlugin(BasePlugin[PackPluginConfig]):  # type: ignore[no-untyped-call]
    """Loads, checks and publishes the pack's data, through the site model."""

    def __init__(self) -> None:
        self._model: SiteModel | None = None
        self._nav: Navigation | None = None

    @property
    def model(self) -> SiteModel:
        assert self._model is not None, "the pack plugin's on_config has not run"
        return self._model

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Conflict markers first: before any page or pack file is read (make and make check have
        # already scanned mkdocs.yml, which MkDocs could not have read with markers in).
        content = parse_content_settings(dict(config.extra), "mkdocs.yml")[0]
        conflicts = _merge_conflicts(config, self.config, content.overlay)
        if conflicts:
            raise PluginError(ContentError(conflicts).report())
        # The fork's extensions and features first, so pages and pack data render with them.
        _merge_fork_lists(config, content)
        try:
            self._model = SiteModel.load(_settings(config, self.config))
            if config.nav:
                config.nav = self.model.navigation(config.nav, _docs_pages(config, self.model))
        except ContentError as error:
            raise PluginError(error.report()) from None
        strings = self.model.strings
        for scheme in config.theme.get("palette") or []:  # the theme's own strings, in the pack's language
            if isinstance(scheme, dict) and scheme.get("toggle"):
                scheme["toggle"]["name"] = strings(
                    "theme.to_light" if scheme.get("scheme") == "slate" else "theme.to_dark"
                )
        if config.mdx_configs.get("toc", {}).get("permalink"):
            config.mdx_configs["toc"]["permalink_title"] = strings("theme.permalink")
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
        problems = model.check_pages(_source(file) for file in files.documentation_pages())
        if model.pages_unsafe_to_render:
            raise PluginError(ContentError(problems).report())
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.model.render(_source(page.file), markdown, page.meta, page.title, page.file.url)

    def on_page_content(self, html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Unlink hidden pages, and give the contents the headings that components write as HTML."""
        html_text = self.model.unlink_hidden(html_text, page.file.url)
        headings = page_html.headings(html_text)
        markdown_anchors = {anchor.id for anchor in _walk(page.toc)}
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
        data = self.model.open_data(_page_records(self._nav))
        api = site_dir / "api"
        api.mkdir(parents=True, exist_ok=True)
        (api / "pack.json").write_text(dumps(data), encoding="utf-8")
        # The same data as a script, for pages opened from files, where
        # browsers refuse to fetch JSON (the planner uses it).
        (api / "pack.js").write_text("window.__alpPack = " + dumps(data), encoding="utf-8")


def _settings(config: MkDocsConfig, plugin_config: PackPluginConfig) -> SiteSettings:
    """The site model's settings, from MkDocs' config."""
    return SiteSettings(
        config_file=Path(config.config_file_path or "mkdocs.yml").resolve(),
        docs_dir=Path(config.docs_dir),
        data_dir=Path(plugin_config.data_dir),
        locales_dir=Path(plugin_config.locales_dir),
        language=str(config.theme.get("language") or "en"),
        extra=dict(config.extra),
        site_name=config.site_name,
        site_url=config.site_url,
        site_description=config.site_description,
        theme_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
        markdown_extensions=list(config.markdown_extensions),
        markdown_configs=dict(config.mdx_configs),
        pdfs=bool(plugin_config.pdfs),
    )


def _merge_conflicts(config: MkDocsConfig, plugin_config: PackPluginConfig, overlay: str | None) -> list[Problem]:
    """Every conflict Git left in the config, the pages, the pack, the strings or the overlay."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    folders = [Path(config.docs_dir), Path(plugin_config.data_dir), Path(plugin_config.locales_dir)]
    if overlay:
        folders.append(config_file.resolve().parent / overlay)
    return scan_site(config_file, folders)


def _merge_fork_lists(config: MkDocsConfig, content: ContentSettings) -> None:
    """Add the fork's Markdown extensions and theme features to upstream's (INHERIT would replace them)."""
    for entry in content.markdown_extensions:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        if options:
            config.mdx_configs[name] = options
    features = config.theme.get("features") or []
    config.theme["features"] = features + [feature for feature in content.theme_features if feature not in features]


def _docs_pages(config: MkDocsConfig, model: SiteModel) -> list[str]:
    pages = {path.relative_to(config.docs_dir).as_posix() for path in Path(config.docs_dir).rglob("*.md")}
    return sorted(pages | {src for src in model.overlay_pages() if src.endswith(".md")})


def _source(file: File) -> PageSource:
    try:
        text: str | None = file.content_string
    except UnicodeDecodeError:
        text = None
    return PageSource(file.src_uri, text, generated=file.generated_by is not None)


def _page_records(nav: Navigation | None) -> list[dict[str, Any]]:
    """Every page in nav order, with its sections and whether it goes in the PDF."""
    records = []
    for page in nav.pages if nav else []:
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
                "src_uri": page.file.src_uri,
            }
        )
    return records


def _walk(toc: Any) -> list[Any]:
    found = []
    for item in toc or []:
        found.append(item)
        found.extend(_walk(item.children))
    return found


__all__ = ["PackPlugin", "PackPluginConfig"]
