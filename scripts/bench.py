"""``make bench``: this PDF pipeline against the mkdocs-to-pdf plugin, same docs, same run.

Builds a throwaway copy of the project:

1. the site alone (MkDocs), to know what the site costs;
2. the site with the mkdocs-to-pdf plugin, which makes the pack only;
3. the site with this pipeline from a clean cache, which makes the pack,
   a handout per card, the question deck and list, and every form;
4. ``make`` again with nothing changed (it should say so and stop), and the
   same forced (``--force``: the site is built and every PDF comes from the
   cache);
5. the same after editing one card (only its handout, the parts of the pack
   that hold it, and the pack's join should render);
6. a synthetic pack ten times the size (scripts/synthetic_pack.py), from a
   clean cache, to see how time and memory grow with the content.

It prints the times, the ratio (3 to 2), the peak memory of each build,
the PDF sizes, the floor of the PDF step (the CPU time of all its renders
divided by the cores) and how close the clean build came to it, and each
target of issue 16 with "met" or "MISSED". Times vary with the machine; run
it on an idle one. ``--no-scale`` skips step 6, which takes a few minutes.
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
from typing import Any

from .scratch_project import PROJECT, copy_project
from .synthetic_pack import make_synthetic

TO_PDF_PLUGIN = "  - to-pdf:\n      output_path: downloads/to-pdf.pdf\n      toc_title: Contents\n"


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    #: The largest single process's peak, and the peak of all of them together
    #: (each counting its proportional share; and as a plain sum of resident sizes).
    peak_mb: float
    total_mb: float
    output: str
    total_rss_mb: float = 0.0


PROBE = Path(__file__).with_name("bench_probe.py")


def measure(name: str, command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run ``command`` in a fresh process and report its wall time and peak memory."""
    raw = subprocess.run(
        [sys.executable, str(PROBE), *command], capture_output=True, text=True, cwd=cwd, env=env, check=True
    )
    data = json.loads(raw.stdout)
    if data["code"] != 0:
        raise SystemExit(f"{name} failed:\n{data['output']}")
    megabytes = {key: data[key] / 1024 for key in ("largest_kb", "total_kb", "total_rss_kb")}
    run = Run(
        name, data["seconds"], megabytes["largest_kb"], megabytes["total_kb"], data["output"], megabytes["total_rss_kb"]
    )
    print(
        f"  {name:<44} {run.seconds:6.1f} s  {run.peak_mb:6.0f} MB largest process, {run.total_mb:6.0f} MB in all",
        flush=True,
    )
    return run


def rendered(run: Run) -> list[str]:
    """What a build says it rendered, parts of the pack included (not what it reused)."""
    return sorted(re.findall(r"^  rendered (\S+\.pdf(?: \([^)]*\))?)", run.output, re.MULTILINE))


def floor(run: Run) -> tuple[float, float, float]:
    """The PDF step's CPU-seconds of rendering, its floor on the cores, and its wall time over the floor.

    The CPU-seconds are the renders' and pandoc's, for the Word files, which share the cores with them.
    """
    match = re.search(
        r"Rendering took ([\d.]+) CPU-seconds(?:, and pandoc ([\d.]+) more for the Word files)?; "
        r"the floor on \d+ workers? is ([\d.]+) s, "
        r"and this step took ([\d.]+) times that",
        run.output,
    )
    if match is None:
        raise SystemExit(f"{run.name}: the build printed no floor line:\n{run.output}")
    return float(match[1]) + float(match[2] or 0), float(match[3]), float(match[4])


@dataclass(frozen=True)
class Target:
    what: str
    figure: str
    met: bool


def main(argv: list[str] | None = None) -> int:
    scale = "--no-scale" not in (argv if argv is not None else sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="pack-bench-") as scratch:
        runs = _runs(Path(scratch), scale)
    targets = _report(runs)
    print("  targets: " + ("all met" if all(t.met for t in targets) else "some MISSED (see above)"))
    return 0


def _runs(scratch: Path, scale: bool) -> dict[str, Any]:
    """Every build of the benchmark, in one run, and what they made."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    mkdocs_build = [sys.executable, "-m", "mkdocs", "build"]
    mkdocs = [*mkdocs_build, "--strict"]
    root = _project_with_to_pdf(scratch / "project")
    print(f"Benchmark on {os.cpu_count() or 1} cores, in {root}")
    runs: dict[str, Any] = {"root": root}
    runs["site"] = measure("site only (mkdocs build)", [*mkdocs, "-d", str(root / "s0")], root, env)
    # Not strict: under it mkdocs-to-pdf counts every message of its own as an error, and stops
    # on the link to run mode (a page out of the navigation, which it leaves out of its PDF).
    runs["to_pdf"] = measure(
        "site + mkdocs-to-pdf (pack only)",
        [*mkdocs_build, "-f", "to-pdf.yml", "-d", str(root / "s1")],
        root,
        env,
    )
    ours = [sys.executable, "-m", "scripts.build", "--config-file", str(root / "mkdocs.yml")]
    ours += ["--cache", str(root / "cache"), "--site-dir", str(root / "s2")]
    runs["clean"] = measure("site + this pipeline, clean (every PDF)", ours, PROJECT, env)
    runs["again"] = measure("make again, nothing changed", ours, PROJECT, env)
    runs["forced"] = measure("the same, forced (site built, PDFs cached)", [*ours, "--force"], PROJECT, env)
    card = root / "pack" / "cards" / "check-in.yml"
    card.write_text(card.read_text().replace("Keep to time.", "Keep to time, always."), encoding="utf-8")
    runs["edited"] = measure("rebuild after editing one card", ours, PROJECT, env)
    runs["manifest"] = json.loads((root / "s2" / "downloads" / "manifest.json").read_text())
    theirs = root / "s1" / "downloads" / "to-pdf.pdf"
    runs["theirs"] = (_pages(theirs), theirs.stat().st_size)
    if scale:
        synthetic = make_synthetic(scratch / "synthetic", 10)
        big = [*ours[:4], str(synthetic / "mkdocs.yml"), "--cache", str(scratch / "cache-10")]
        big += ["--site-dir", str(scratch / "s10")]
        runs["big"] = measure("synthetic pack, 10 times the content, clean", big, PROJECT, env)
        runs["big_manifest"] = json.loads((scratch / "s10" / "downloads" / "manifest.json").read_text())
    return runs


def _project_with_to_pdf(destination: Path) -> Path:
    """A copy of the project, with a second config that adds mkdocs-to-pdf before our plugin."""
    root = copy_project(destination)
    base = (root / "config" / "base.yml").read_text(encoding="utf-8")
    with_plugin = base.replace("  - pack:\n", TO_PDF_PLUGIN + "  - pack:\n", 1)
    (root / "config" / "base-to-pdf.yml").write_text(with_plugin, encoding="utf-8")
    fork = (root / "mkdocs.yml").read_text(encoding="utf-8")
    # Not strict (see _runs): under it mkdocs-to-pdf stops on messages of its own.
    to_pdf = fork.replace("INHERIT: config/base.yml", "INHERIT: config/base-to-pdf.yml") + "\nstrict: false\n"
    (root / "to-pdf.yml").write_text(to_pdf, encoding="utf-8")
    return root


def _pack(manifest: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = next(d for d in manifest["documents"] if d["file"] == "pack.pdf")
    return found


def _report(runs: dict[str, Any]) -> list[Target]:
    """Print the results and the targets of issue 16; return the targets."""
    site, to_pdf, clean, edited = runs["site"], runs["to_pdf"], runs["clean"], runs["edited"]
    manifest, (theirs_pages, theirs_size) = runs["manifest"], runs["theirs"]
    ours_pack = _pack(manifest)
    cpu, floor_s, over = floor(clean)
    ratio = clean.seconds / to_pdf.seconds
    print("\nResults")
    print(f"  ratio, whole build (ours / mkdocs-to-pdf):    {ratio:.2f}")
    pdf_ratio = (clean.seconds - site.seconds) / max(0.01, to_pdf.seconds - site.seconds)
    print(f"  ratio, PDF time only (build minus site):      {pdf_ratio:.2f}")
    print(
        f"  clean build, this pipeline:                   {clean.seconds:.1f} s for {len(manifest['documents'])} files"
    )
    print(f"  clean build, mkdocs-to-pdf:                   {to_pdf.seconds:.1f} s for 1 PDF")
    print(f"  PDF step: {cpu:.1f} CPU-seconds of rendering; floor {floor_s:.1f} s; it took {over:.2f} times the floor")
    again, forced = runs["again"], runs["forced"]
    print(f"  make again, nothing changed:      {again.seconds:.1f} s, rendered {rendered(again) or 'nothing'}")
    print(f"  the same, forced:                 {forced.seconds:.1f} s, rendered {rendered(forced) or 'nothing'}")
    share = edited.seconds / clean.seconds
    print(f"  rebuild after editing one card:               {edited.seconds:.1f} s ({share:.0%} of clean), rendered:")
    for name in rendered(edited):
        print(f"      {name}")
    print(
        f"  peak memory, largest process: ours {clean.peak_mb:.0f} MB, mkdocs-to-pdf {to_pdf.peak_mb:.0f} MB, "
        f"site only {site.peak_mb:.0f} MB; all processes: ours {clean.total_mb:.0f} MB, "
        f"mkdocs-to-pdf {to_pdf.total_mb:.0f} MB"
    )
    print(
        f"  pack PDF: ours {ours_pack['bytes'] / 1e6:.2f} MB, {ours_pack['pages']} pages; "
        f"mkdocs-to-pdf {theirs_size / 1e6:.2f} MB, {theirs_pages} pages"
    )
    for version, files, cpu_s, size in re.findall(
        r"^  of which ([\w-]+): (\d+) files?, ([\d.]+) CPU-seconds, (.+)$", clean.output, re.MULTILINE
    ):
        print(f"  other versions, {version}: {files} files, {size}, {cpu_s} CPU-seconds of the clean build")
    for files, size, wall, converting in re.findall(
        r"^(\d+) Word files, ([^;]+); .*?; ([\d.]+) s beside the PDFs \(([\d.]+) s converting\)$",
        clean.output,
        re.MULTILINE,
    ):
        print(f"  other versions, word: {files} files, {size}, {converting} s converting ({wall} s beside the PDFs)")
    handouts = [d for d in manifest["documents"] if d["kind"] == "handout" and not d.get("version")]
    print(f"  handouts: {len(handouts)}, {sum(d['bytes'] for d in handouts) / 1e6:.2f} MB in all")
    edited_parts = [name for name in rendered(edited) if name.startswith("pack.pdf (part ")]
    targets = [
        Target("clean build at most 0.50 of mkdocs-to-pdf's time", f"{ratio:.2f}", ratio <= 0.50),
        Target("PDF step within 15% of its floor", f"{over:.2f} times the floor", over <= 1.15),
        Target(
            "rebuild after editing one card at most 35% of the clean build",
            f"{edited.seconds / clean.seconds:.0%}",
            edited.seconds <= 0.35 * clean.seconds,
        ),
        Target(
            "editing one card renders its handout, its parts of the pack and the join, and nothing else",
            ", ".join(rendered(edited)),
            "handouts/check-in.pdf" in rendered(edited)
            and "pack.pdf" in rendered(edited)
            and not [n for n in rendered(edited) if n.startswith("handouts/") and n != "handouts/check-in.pdf"]
            and 1 <= len(edited_parts) <= 2,
        ),
        Target(
            "rebuild with nothing changed at most 3 s", f"{runs['again'].seconds:.1f} s", runs["again"].seconds <= 3
        ),
        Target("pack at most 1 MB", f"{ours_pack['bytes'] / 1e6:.2f} MB", ours_pack["bytes"] <= 1_000_000),
    ]
    if "big" in runs:
        targets += _report_scale(runs)
    print("\nTargets (issue 16)")
    for target in targets:
        print(f"  {'met   ' if target.met else 'MISSED'}  {target.what}: {target.figure}")
    return targets


def _report_scale(runs: dict[str, Any]) -> list[Target]:
    big, clean = runs["big"], runs["clean"]
    big_pack = _pack(runs["big_manifest"])
    growth = big.seconds / clean.seconds
    _, big_floor, big_over = floor(big)
    print(
        f"  scale: 10 times the content took {big.seconds:.1f} s, {growth:.1f} times the real pack's "
        f"{clean.seconds:.1f} s; peak memory {big.total_mb:.0f} MB in all processes "
        f"({big.total_rss_mb:.0f} MB counting shared pages once a process), "
        f"{big.peak_mb:.0f} MB in the largest; its pack PDF has {big_pack['pages']} pages, "
        f"{big_pack['bytes'] / 1e6:.1f} MB; its PDF step {big_over:.2f} times its floor of {big_floor:.1f} s"
    )
    return [
        Target("ten times the content at most 10 times the time", f"{growth:.1f} times", growth <= 10),
        Target("ten times the content at most 1 GB in all processes", f"{big.total_mb:.0f} MB", big.total_mb <= 1024),
        Target("the ten-times pack at most 8 MB", f"{big_pack['bytes'] / 1e6:.1f} MB", big_pack["bytes"] <= 8_000_000),
    ]


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


if __name__ == "__main__":
    sys.exit(main())
