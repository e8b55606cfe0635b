"""``make audit``: Lighthouse scores for the home page, a card page and the tool index.

Serves the built ``site/`` on 127.0.0.1 and runs Lighthouse (npm, pinned in
scripts/lighthouse) with Debian's Chromium, loopback only. Prints the four
scores for each page; the target is at least 0.95 for each. Exit status 1
if any score is under the target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .serve_site import serve

LIGHTHOUSE = Path(__file__).parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("index.html", "tools/check-in.html", "tools/index.html")
TARGET = 0.95
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def audit(url: str, output: Path) -> dict[str, float]:
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--preset=desktop",
            "--disable-full-page-screenshot",
        ],
        env=env,
        check=True,
    )
    report = json.loads(output.read_text(encoding="utf-8"))
    return {name: float(report["categories"][name]["score"] or 0) for name in CATEGORIES}


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site")
    if not (site / "index.html").is_file():
        print(f"{site}/ is not built: run make first", file=sys.stderr)
        return 1
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run make audit", file=sys.stderr)
        return 1
    below = []
    print(f"{'page':<24} " + " ".join(f"{name:>15}" for name in CATEGORIES))
    with serve(site) as base, tempfile.TemporaryDirectory() as scratch:
        for page in PAGES:
            scores = audit(base + page, Path(scratch) / "report.json")
            print(f"{page:<24} " + " ".join(f"{scores[name]:>15.2f}" for name in CATEGORIES), flush=True)
            below += [f"{page} {name} {score:.2f}" for name, score in scores.items() if score < TARGET]
    if below:
        print(f"Under the target of {TARGET}: " + "; ".join(below))
        return 1
    print(f"Every score is at least {TARGET}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
