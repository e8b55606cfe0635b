"""Hand freed memory back to the system.

Python keeps memory it has freed for reuse, so a process that once rendered
a large document holds on to that peak. glibc's ``malloc_trim`` returns what
is free. Elsewhere (not glibc) :func:`give_back` only collects garbage.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc


def give_back() -> None:
    """Collect garbage and return free memory to the system."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
