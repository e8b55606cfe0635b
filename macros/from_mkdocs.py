"""What the pack plugin reads from MkDocs' structures, in the site model's terms.

:mod:`macros.plugin` holds MkDocs' hooks only; the functions here turn
MkDocs' config, files and navigation into the plain values that
:mod:`macros.site_model` takes, and write the few answers that go back into
MkDocs' config. With the plugin, they are the only code in ``macros/`` that
knows MkDocs' API (tests/test_components.py checks that the rest imports no
MkDocs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.utils.yaml import yaml_load

from .content_settings import ContentSettings
from .merge_conflicts import scan_site
from .problems import Problem
from .site_model import PageSource, SiteModel, SiteSettings
from .strings import Strings


def settings(config: MkDocsConfig, folders: dict[str, Path], pdfs: bool, site_url: str | None) -> SiteSettings:
    """The site model's settings, from MkDocs' config and the plugin's folders (``data_dir``, ``locales_dir``)."""
    return SiteSettings(
        config_file=Path(config.config_file_path or "mkdocs.yml").resolve(),
        docs_dir=Path(config.docs_dir),
        data_dir=folders["data_dir"],
        locales_dir=folders["locales_dir"],
        language=str(config.theme.get("language") or "en"),
        extra=dict(config.extra),
        site_name=config.site_name,
        site_url=site_url,
        site_description=config.site_description,
        theme_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
        markdown_extensions=list(config.markdown_extensions),
        markdown_configs=dict(config.mdx_configs),
        pdfs=pdfs,
    )


def published_site_url(config: MkDocsConfig) -> str | None:
    """The site_url the config file sets (with the files it inherits), ending in '/' as MkDocs makes it.

    ``mkdocs serve`` replaces ``config.site_url`` with the preview's own
    address; the pack (pack.json, the PDFs' printed links) names the
    published one, as ``make``'s build does, so both share the PDF cache.
    """
    if not config.config_file_path:
        return config.site_url
    with open(config.config_file_path, "rb") as file:
        url = yaml_load(file).get("site_url")
    return str(c.URL(is_dir=True).validate(url)) if url else None  # type: ignore[no-untyped-call]


def merge_conflicts(config: MkDocsConfig, folders: dict[str, Path], overlay: str | None) -> list[Problem]:
    """Every conflict Git left in the config, the pages, the pack, the strings or the overlay."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    scanned = [Path(config.docs_dir), folders["data_dir"], folders["locales_dir"]]
    if overlay:
        scanned.append(config_file.resolve().parent / overlay)
    return scan_site(config_file, scanned)


def merge_fork_lists(config: MkDocsConfig, content: ContentSettings) -> None:
    """Add the fork's Markdown extensions and theme features to upstream's (INHERIT would replace them)."""
    for entry in content.markdown_extensions:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        if options:
            config.mdx_configs[name] = options
    features = config.theme.get("features") or []
    config.theme["features"] = features + [feature for feature in content.theme_features if feature not in features]


def name_theme_controls(config: MkDocsConfig, strings: Strings) -> None:
    """The theme's own labels (the scheme toggle, the permalink's title), in the pack's language."""
    for scheme in config.theme.get("palette") or []:
        if isinstance(scheme, dict) and scheme.get("toggle"):
            scheme["toggle"]["name"] = strings("theme.to_light" if scheme.get("scheme") == "slate" else "theme.to_dark")
    if config.mdx_configs.get("toc", {}).get("permalink"):
        config.mdx_configs["toc"]["permalink_title"] = strings("theme.permalink")


def docs_pages(config: MkDocsConfig, model: SiteModel) -> list[str]:
    """Every Markdown page in the docs folder and the overlay, for the navigation's globs."""
    pages = {path.relative_to(config.docs_dir).as_posix() for path in Path(config.docs_dir).rglob("*.md")}
    return sorted(pages | {src for src in model.overlay_pages() if src.endswith(".md")})


def page_source(file: File) -> PageSource:
    """A page's source as the site model reads it (``None`` for text that is not UTF-8)."""
    try:
        text: str | None = file.content_string
    except UnicodeDecodeError:
        text = None
    return PageSource(file.src_uri, text, generated=file.generated_by is not None)


def page_records(nav: Navigation | None) -> list[dict[str, Any]]:
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


def toc_ids(toc: Any) -> set[str]:
    """The ids of every entry of a page's table of contents, nested ones too."""
    found: set[str] = set()
    for item in toc or []:
        found.add(item.id)
        found |= toc_ids(item.children)
    return found
