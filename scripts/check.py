"""``make check``: validate the content without publishing anything.

Stops first if Git left merge conflicts in a file. Then loads and checks
the pack's data, the strings and the identity, every page's macros, and
every link, by building the site into a scratch folder that is then thrown
away. ``site/`` is not touched. Exit status 0 means the content
is ready to build.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .site_build import BuildError, refuse_merge_conflicts, run_mkdocs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the pack's content.")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="pack-check-"))
    try:
        refuse_merge_conflicts(args.config_file)
        run_mkdocs(args.config_file, scratch)
    except BuildError:
        print("Check failed: fix the problems listed above.", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"Content is valid ({time.monotonic() - started:.1f} s).")
    _report_untranslated(args.config_file)
    return 0


def _report_untranslated(config_file: Path) -> None:
    """In a translated edition, list the strings still shown in English."""
    from macros.strings import load_strings

    from .site_build import load_mkdocs_config

    config = load_mkdocs_config(config_file)
    language = str(config.theme.get("language") or "en")
    plugin = config.plugins.get("pack")
    if language == "en" or plugin is None:
        return
    strings = load_strings(Path(plugin.config.locales_dir), language)
    if strings.untranslated:
        print(f"{len(strings.untranslated)} strings have no translation in locales/{language}.yml yet:")
        for key in strings.untranslated:
            print(f"  {key}")


if __name__ == "__main__":
    sys.exit(main())
