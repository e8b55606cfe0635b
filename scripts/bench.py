"""``make bench``: this PDF pipeline against the mkdocs-to-pdf plugin, same docs, same run.

Builds a throwaway copy of the project:

1. the site alone (MkDocs), to know what the site costs;
2. the site with the mkdocs-to-pdf plugin, which makes the pack only;
3. the site with this pipeline from a clean cache, which makes the pack,
   a handout per card, the question deck and list, and every form;
4. the same again with nothing changed (nothing should be rendered);
5. the same after editing one card (only its handout and the pack should be);
6. a synthetic pack ten times the size (scripts/synthetic_pack.py), from a
   clean cache, to see how time and memory grow with the content.

It prints the times, the ratio (3 to 2), the peak memory of each build,
the PDF sizes, and the scale figures. Times vary with the machine; run it on
an idle one. ``--no-scale`` skips step 6, which takes a few minutes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .scratch_project import PROJECT, copy_project
from .synthetic_pack import make_synthetic

TO_PDF_PLUGIN = "  - to-pdf:\n      output_path: downloads/to-pdf.pdf\n      toc_title: Contents\n"


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    #: The largest single process's peak, and the peak of all of them together.
    peak_mb: float
    total_mb: float
    output: str


PROBE = Path(__file__).with_name("bench_probe.py")


def measure(name: str, command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run ``command`` in a fresh process and report its wall time and peak memory."""
    raw = subprocess.run(
        [sys.executable, str(PROBE), *command], capture_output=True, text=True, cwd=cwd, env=env, check=True
    )
    data = json.loads(raw.stdout)
    if data["code"] != 0:
        raise SystemExit(f"{name} failed:\n{data['output']}")
    run = Run(name, data["seconds"], data["largest_kb"] / 1024, data["total_kb"] / 1024, data["output"])
    print(
        f"  {name:<44} {run.seconds:6.1f} s  {run.peak_mb:6.0f} MB largest process, {run.total_mb:6.0f} MB in all",
        flush=True,
    )
    return run


def rendered(run: Run) -> list[str]:
    return sorted(re.findall(r"rendered (\S+\.pdf)", run.output))


def main(argv: list[str] | None = None) -> int:
    scale = "--no-scale" not in (argv if argv is not None else sys.argv[1:])
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    with tempfile.TemporaryDirectory(prefix="pack-bench-") as scratch:
        root = copy_project(Path(scratch) / "project")
        # mkdocs-to-pdf's config: the project's, with the plugin added before ours.
        (root / "config").unlink()
        (root / "config").mkdir()
        base = (PROJECT / "config" / "base.yml").read_text(encoding="utf-8")
        (root / "config" / "base.yml").write_text(base, encoding="utf-8")
        with_plugin = base.replace("  - pack:\n", TO_PDF_PLUGIN + "  - pack:\n", 1)
        (root / "config" / "base-to-pdf.yml").write_text(with_plugin, encoding="utf-8")
        fork = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (root / "to-pdf.yml").write_text(fork.replace("INHERIT: config/base.yml", "INHERIT: config/base-to-pdf.yml"))

        cores = os.cpu_count() or 1
        print(f"Benchmark on {cores} cores, in {root}")
        site_only = measure("site only (mkdocs build)", [*mkdocs, "-d", str(root / "s0")], root, env)
        to_pdf = measure(
            "site + mkdocs-to-pdf (pack only)", [*mkdocs, "-f", "to-pdf.yml", "-d", str(root / "s1")], root, env
        )
        ours = [
            sys.executable,
            "-m",
            "scripts.build",
            "--config-file",
            str(root / "mkdocs.yml"),
            "--cache",
            str(root / "cache"),
        ]
        clean = measure(
            "site + this pipeline, clean (every PDF)", [*ours, "--site-dir", str(root / "s2")], PROJECT, env
        )
        again = measure("rebuild, nothing changed", [*ours, "--site-dir", str(root / "s2")], PROJECT, env)
        card = root / "pack" / "cards" / "check-in.yml"
        card.write_text(card.read_text().replace("Keep to time.", "Keep to time, always."), encoding="utf-8")
        edited = measure("rebuild after editing one card", [*ours, "--site-dir", str(root / "s2")], PROJECT, env)

        manifest = json.loads((root / "s2" / "downloads" / "manifest.json").read_text())
        ours_pack = next(d for d in manifest["documents"] if d["file"] == "pack.pdf")
        handouts = [d for d in manifest["documents"] if d["kind"] == "handout"]
        theirs = root / "s1" / "downloads" / "to-pdf.pdf"
        theirs_pages = _pages(theirs)
        theirs_size = theirs.stat().st_size

        big = None
        if scale:
            synthetic = make_synthetic(Path(scratch) / "synthetic", 10)
            big = measure(
                "synthetic pack, 10 times the content, clean",
                [
                    *ours[:4],
                    str(synthetic / "mkdocs.yml"),
                    "--cache",
                    str(Path(scratch) / "cache-10"),
                    "--site-dir",
                    str(Path(scratch) / "s10"),
                ],
                PROJECT,
                env,
            )
            big_manifest = json.loads((Path(scratch) / "s10" / "downloads" / "manifest.json").read_text())
            big_pack = next(d for d in big_manifest["documents"] if d["file"] == "pack.pdf")

    ratio = clean.seconds / to_pdf.seconds
    pdf_ratio = (clean.seconds - site_only.seconds) / max(0.01, to_pdf.seconds - site_only.seconds)
    print()
    print("Results")
    print(f"  ratio, whole build (ours / mkdocs-to-pdf):   {ratio:.2f}  (target <= 1.0)")
    print(f"  ratio, PDF time only (build minus site):     {pdf_ratio:.2f}")
    print(
        f"  clean build, this pipeline:                   {clean.seconds:.1f} s for {len(manifest['documents'])} PDFs"
    )
    print(f"  clean build, mkdocs-to-pdf:                   {to_pdf.seconds:.1f} s for 1 PDF")
    nothing = rendered(again) or "nothing"
    print(f"  rebuild, nothing changed:                     {again.seconds:.1f} s, rendered {nothing}")
    print(f"  rebuild after editing one card:               {edited.seconds:.1f} s, rendered {rendered(edited)}")
    print(
        f"  peak memory, largest process: ours {clean.peak_mb:.0f} MB, mkdocs-to-pdf {to_pdf.peak_mb:.0f} MB, "
        f"site only {site_only.peak_mb:.0f} MB; all processes: ours {clean.total_mb:.0f} MB, "
        f"mkdocs-to-pdf {to_pdf.total_mb:.0f} MB"
    )
    print(
        f"  pack PDF: ours {ours_pack['bytes'] / 1e6:.2f} MB, {ours_pack['pages']} pages (target <= 2 MB); "
        f"mkdocs-to-pdf {theirs_size / 1e6:.2f} MB, {theirs_pages} pages"
    )
    print(f"  handouts: {len(handouts)}, {sum(d['bytes'] for d in handouts) / 1e6:.2f} MB in all")
    failed = []
    if ratio > 1.0:
        failed.append("the clean build is slower than mkdocs-to-pdf")
    if rendered(again):
        failed.append("a rebuild with nothing changed rendered PDFs")
    if rendered(edited) != ["handouts/check-in.pdf", "pack.pdf"]:
        failed.append("editing one card rendered more than its handout and the pack")
    if ours_pack["bytes"] > 2_000_000:
        failed.append("the pack PDF is over 2 MB")
    if big is not None:
        growth = big.seconds / clean.seconds
        print(
            f"  scale: 10 times the content took {big.seconds:.1f} s, {growth:.1f} times the real pack's "
            f"{clean.seconds:.1f} s (target <= 12); peak memory {big.total_mb:.0f} MB in all processes, "
            f"{big.peak_mb:.0f} MB in the largest (target <= 1536 MB); "
            f"its pack PDF has {big_pack['pages']} pages, {big_pack['bytes'] / 1e6:.1f} MB"
        )
        if growth > 12:
            failed.append("ten times the content took more than twelve times as long")
        if big.total_mb > 1536:
            failed.append("the ten-times pack needed more than 1.5 GB of memory in all")
    print("  targets: " + ("all met" if not failed else "MISSED: " + "; ".join(failed)))
    return 0


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


if __name__ == "__main__":
    sys.exit(main())
