"""The ``live-pdfs`` MkDocs plugin: while ``make serve`` runs, the PDFs catch up after every save.

It maps MkDocs' serve hooks onto :class:`scripts.pdf.live.LivePdfs`, which
holds the logic and imports neither MkDocs nor WeasyPrint. During
``make`` and ``mkdocs build`` it does nothing: ``scripts/build.py`` makes
the PDFs after the site. The pack plugin (``macros/plugin.py``) knows
nothing of it, so the site build never needs the PDF build's code.

Enable it after ``pack`` in the config (``config/base.yml`` does)::

    plugins:
      - pack
      - live-pdfs:
          enabled: !ENV [PACK_PDFS, false]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

if TYPE_CHECKING:
    from scripts.pdf.live import LivePdfs


class LivePdfsConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    #: Whether ``mkdocs serve`` keeps the PDFs current (`make serve` sets PACK_PDFS=true; PDFS=no leaves it off).
    enabled = c.Type(bool, default=False)


class LivePdfsPlugin(BasePlugin[LivePdfsConfig]):  # type: ignore[no-untyped-call]
    """Starts the PDFs' background run after each preview build, and stops it when the next begins."""

    def __init__(self) -> None:
        self._serving = False
        self._live: LivePdfs | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining it also keeps this plugin, and so the run in the background, from one rebuild to the next.
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._serving and self.config.enabled and self._live is None:
            from scripts.pdf.live import LivePdfs  # here: a plain build never loads it

            self._live = LivePdfs(Path(config.config_file_path or "mkdocs.yml").resolve().parent / ".cache" / "pdf")
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._live is not None:
            self._live.build_started()

    @event_priority(-100)  # after the pack plugin has checked the site and written pack.json
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._live is not None:
            self._live.build_finished(Path(config.site_dir))

    def on_build_error(self, *, error: Exception) -> None:
        if self._live is not None:
            self._live.build_failed()

    def on_shutdown(self) -> None:
        if self._live is not None:
            self._live.close()
            self._live = None


__all__ = ["LivePdfsConfig", "LivePdfsPlugin"]
