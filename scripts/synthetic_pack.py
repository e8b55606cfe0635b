"""Make a synthetic pack N times the size of the real one, to measure how the build scales.

Usage: ``python -m scripts.synthetic_pack DESTINATION [--times 10]``

The copy has every card, bank, session and form N times over (the copies'
ids carry a ``-copy-K`` suffix) and every page N times over (as
``<page>-copy-K.md`` beside the original, so its links still work), each set
of page copies in its own navigation section. Code and theme are linked, as
in any scratch project.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from .scratch_project import copy_project


def _copy_item(text: str, folder: str, copy: int) -> str:
    """The item with its id (and its questions' ids), title and order made unique for copy ``copy``."""
    data = yaml.safe_load(text)
    data["id"] = f"{data['id']}-copy-{copy}"
    data["title"] = f"{data['title']} (copy {copy})"
    if folder == "questions":
        for question in data["questions"]:
            question["id"] = f"{question['id']}-copy-{copy}"
    if folder == "sessions":
        data["order"] += 100 * copy
        if data.get("alternative_to"):  # an online version replaces its own copy's meeting
            data["alternative_to"] = f"{data['alternative_to']}-copy-{copy}"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def make_synthetic(destination: Path, times: int) -> Path:
    root = copy_project(destination)
    for folder in ("cards", "questions", "sessions", "forms"):
        for path in sorted((root / "pack" / folder).glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            for copy in range(1, times):
                (path.parent / f"{path.stem}-copy-{copy}.yml").write_text(
                    _copy_item(text, folder, copy), encoding="utf-8"
                )
    docs = root / "docs"
    originals = sorted(p for p in docs.rglob("*.md"))
    sections = []
    for copy in range(1, times):
        entries = []
        for path in originals:
            target = path.with_name(f"{path.stem}-copy-{copy}.md")
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^# (.+)$", rf"# \1 (copy {copy})", text, count=1, flags=re.MULTILINE)
            # A page with a PDF of its own: each copy's PDF needs a name of its own.
            text = re.sub(r"^(print_as: \{file: )([\w-]+)", rf"\1\2-copy-{copy}", text, count=1, flags=re.MULTILINE)
            target.write_text(text, encoding="utf-8")
            entries.append(target.relative_to(docs).as_posix())
        sections.append({f"Copy {copy}": entries})
    config = root / "mkdocs.yml"
    base = yaml.safe_load((root / "config" / "base.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    nav = base["nav"] + sections
    config.write_text(
        config.read_text(encoding="utf-8") + "\n" + yaml.safe_dump({"nav": nav}, sort_keys=False), encoding="utf-8"
    )
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make a synthetic pack N times the real one.")
    parser.add_argument("destination", type=Path)
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args(argv)
    root = make_synthetic(args.destination, args.times)
    cards = len(list((root / "pack" / "cards").glob("*.yml")))
    pages = len(list((root / "docs").rglob("*.md")))
    print(f"Synthetic pack at {root}: {cards} cards, {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
