"""Long work reports its progress and can be stopped: the one `Cancelled` of sitmon.

A db/ function that takes a while accepts `progress(done, total)`. The caller's callback may raise
`Cancelled` (app/ops.py does after Cancel); the function then lets it propagate and its transaction
rolls back, so nothing is left half-written.
"""
from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None] | None


class Cancelled(Exception):
    """Raised by a progress callback to stop a long job; nothing is left half-written."""


def tick(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
