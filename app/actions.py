"""QActions, made one way: text (with its mnemonic), what it does, its shortcuts, checkable or not."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence


def action(parent, text: str, slot, *shortcuts, checkable: bool = False,
           context: Qt.ShortcutContext | None = None) -> QAction:
    """`shortcuts`: key sequences as text ("Ctrl+E") or QKeySequence.StandardKey values."""
    a = QAction(text, parent)
    a.setShortcuts([QKeySequence(s) for s in shortcuts])
    a.setCheckable(checkable)
    if context is not None:
        a.setShortcutContext(context)
    a.triggered.connect(slot)
    return a
