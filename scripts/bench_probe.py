"""Run a command and report its time and memory, as JSON (used by ``make bench``).

Usage: ``python scripts/bench_probe.py COMMAND...``

Two memory figures, because the build runs several processes at once:

- ``largest_kb``: the peak of the largest single process (the kernel's
  ``RUSAGE_CHILDREN`` high-water mark);
- ``total_kb``: the peak of all the command's processes together, sampled
  from /proc five times a second (a short spike between samples can be
  missed, so this is a floor, not a ceiling). Each process counts its
  proportional share (``Pss``): the PDF workers are forks of one server
  and share its pages, which a sum of resident sizes would count once a
  worker. ``total_rss_kb`` is that sum, for comparison.

It runs by path, without importing the project, so it measures only the
command.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _descendants(pid: int) -> list[int]:
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            found.extend(_descendants(int(child)))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """A process's proportional share of memory (Pss) and its resident size (RSS), in kB."""
    shares = {"Pss:": 0, "Rss:": 0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.split()[:1] and line.split()[0] in shares:
                shares[line.split()[0]] = int(line.split()[1])
    except OSError:
        pass
    return shares["Pss:"], shares["Rss:"]


def main(command: list[str]) -> int:
    started = time.monotonic()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        total_kb = total_rss_kb = 0
        while process.poll() is None:
            samples = [_memory_kb(pid) for pid in _descendants(process.pid)]
            total_kb = max(total_kb, sum(pss for pss, _ in samples))
            total_rss_kb = max(total_rss_kb, sum(rss for _, rss in samples))
            time.sleep(0.2)
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")
    seconds = time.monotonic() - started
    largest_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {
        "code": process.returncode,
        "seconds": seconds,
        "largest_kb": largest_kb,
        "total_kb": max(total_kb, largest_kb),
        "total_rss_kb": total_rss_kb,
        "output": output,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
