"""``make``: build the site and its PDFs into ``site/``, or change nothing.

Usage: ``python -m scripts.build [--config-file mkdocs.yml] [--site-dir site] [--no-pdf] [--force]``

The site and the PDFs are built into a scratch folder; ``site/`` is replaced
only when every step has passed, so a failed build leaves the last good
site where it was. When nothing has changed since the last good build, it
says so and stops (see build_state.py); ``--force`` builds anyway.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .build_state import BuildState, inputs_digest
from .site_build import BuildError, edition_date, refuse_merge_conflicts, run_mkdocs, staged_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the site and the PDFs.")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--cache", type=Path, default=Path(".cache/pdf"), help="where rendered PDFs are kept for reuse")
    parser.add_argument("--jobs", type=int, default=None, help="PDFs to render at once (default: all cores)")
    parser.add_argument("--no-pdf", action="store_true", help="build the site only, without the PDFs")
    parser.add_argument("--force", action="store_true", help="build even if nothing has changed")
    args = parser.parse_args(argv)
    started = time.monotonic()
    state = BuildState(args.cache.parent / "last-build.json", args.site_dir)
    outputs = (args.site_dir, args.cache, state.path)
    inputs = inputs_digest(args.config_file, outputs, {"pdfs": not args.no_pdf})
    if not args.force and state.up_to_date(inputs):
        print(
            f"Nothing has changed since the last build: {args.site_dir.as_posix()}/ is up to date "
            f"({time.monotonic() - started:.1f} s). To build it again anyway: make FORCE=1",
            flush=True,
        )
        return 0
    try:
        refuse_merge_conflicts(args.config_file)  # before the config is read, and before site/ is touched
        with staged_site(args.site_dir) as scratch:
            print("Building the site...", flush=True)
            pdfs = {"PACK_PDFS": "false" if args.no_pdf else "true"}
            run_mkdocs(args.config_file, scratch, pdfs, meanwhile=None if args.no_pdf else _load_pdf_build)
            print(f"  site built in {time.monotonic() - started:.1f} s", flush=True)
            if not args.no_pdf:
                _build_pdfs(scratch, args.cache, args.jobs)
                _zip_site(scratch, args.config_file)
    except BuildError as error:
        print(f"Build failed: {error}. The previous site/ is unchanged.", file=sys.stderr)
        return 1
    state.record(inputs)
    print(f"Built {args.site_dir.as_posix()}/ in {time.monotonic() - started:.1f} s", flush=True)
    return 0


def _load_pdf_build() -> None:
    """While MkDocs builds the site on one core: load the PDF build, and start the server its workers fork from."""
    from .pdf.build import start_workers

    start_workers()


def _build_pdfs(site: Path, cache: Path, jobs: int | None) -> None:
    # Imported here: the site-only build must not need WeasyPrint's libraries.
    from .pdf.build import build_pdfs
    from .pdf.documents import DocumentError
    from .pdf.render import RenderError
    from .pdf.site import SiteError

    print("Making the PDFs...", flush=True)
    try:
        build_pdfs(site, cache, jobs or os.cpu_count())
    except (RenderError, DocumentError, SiteError) as error:
        print(str(error), file=sys.stderr)
        raise BuildError("the PDFs could not be made: fix the problems listed above") from None


def _zip_site(site: Path, config_file: Path) -> None:
    from macros.downloads import OFFLINE_ZIP

    from .pdf.site import fill_download_sizes
    from .site_zip import write_site_zip

    edition = edition_date(config_file)
    # The zip holds the finished site; its own size is then shown online.
    archive = write_site_zip(site, edition)
    fill_download_sizes(site, {OFFLINE_ZIP: archive.stat().st_size})
    print(f"  {OFFLINE_ZIP}: the whole site for offline reading, {archive.stat().st_size / 1e6:.1f} MB", flush=True)


if __name__ == "__main__":
    sys.exit(main())
