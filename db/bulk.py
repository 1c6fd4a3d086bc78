"""Bulk reads and writes make millions of acyclic tuples: the cyclic garbage collector would only rescan
them (about 40 % slower, and pauses that reach the GUI thread even from a worker).

The collector is one switch for the whole process, so overlapping holders (two threads each in a bulk
job) share it: the first one in turns it off, the last one out puts back what the first one found.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def no_cyclic_gc():
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
