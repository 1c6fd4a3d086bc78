"""Bulk reads and writes make millions of acyclic tuples: the cyclic garbage collector would only rescan
them (about 40 % slower, and pauses that reach the GUI thread even from a worker)."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
