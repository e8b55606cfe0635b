"""``make``: build the site and its PDFs into ``site/``, or change nothing.

Usage: ``python -m scripts.build [--config-file mkdocs.yml] [--site-dir site]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .site_build import BuildError, run_mkdocs, staged_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--no-pdf", action="store_true", help="build the site only, without the PDFs")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        with staged_site(args.site_dir) as scratch:
            print("Building the site...", flush=True)
            run_mkdocs(args.config_file, scratch)
    except BuildError as error:
        print(f"Build failed: {error}. The previous site/ is unchanged.", file=sys.stderr)
        return 1
    print(f"Built {args.site_dir.as_posix()}/ in {time.monotonic() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
