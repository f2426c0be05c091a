"""Keep the memory a short command frees, for it to use again (glibc's malloc only).

A one-shot command (``insights``, ``export``) builds and drops a few hundred arrays of one
element a day: at 50 years each is ~145 KB, just over glibc's default mmap threshold of
128 KB. By default glibc gives the freed top of its heap back to the system as soon as more
than about twice the largest freed chunk lies free, so nearly every new array faults its
pages in again: ~7,600 page faults (15-25 ms on this kind of machine) in the first statistics
of a 50-year journal, against ~550 when freed memory is kept. A process that exits within a
second gains nothing by giving memory back. The window does not call this: it runs for
hours and should return what it no longer needs.
"""

from __future__ import annotations

import sys

#: ``mallopt`` parameters of ``<malloc.h>``.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
#: Freed memory kept at the top of the heap before any is given back.
KEPT = 8 << 20
#: Allocations under this come from the heap (reused) rather than from mmap (faulted each
#: time): every array of a 50-year series (~145 KB) and its temporaries.
FROM_HEAP = 1 << 20


def keep_freed_memory() -> bool:
    """Ask glibc to keep up to ``KEPT`` bytes of freed memory and to serve allocations under
    ``FROM_HEAP`` from the heap; ``True`` when it agreed. Elsewhere (macOS, Windows, musl)
    nothing changes and this says ``False``: it only saves time, never changes a result."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (ImportError, OSError, AttributeError):  # no ctypes, no C library, no mallopt
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_TRIM_THRESHOLD, KEPT)) & bool(mallopt(M_MMAP_THRESHOLD, FROM_HEAP))
