"""Undo and redo of writes made through the executor: each change goes on the window's one undo stack only
once its op succeeded; undoing it is itself a new audited change (an edit back, a soft delete, a restore)."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class Done(QUndoCommand):
    """A change already made (its op succeeded): the stack's first redo does nothing; later ones redo it."""

    def __init__(self, text: str, redo, undo):
        super().__init__(text)
        self._redo, self._undo, self._done = redo, undo, True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()
