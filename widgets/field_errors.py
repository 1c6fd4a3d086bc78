"""How a form shows a refused field: one colour, and the label under the field that says why."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_COLOR = "#B00020"


def error_label() -> QLabel:
    """The (empty) label under a field where the reason it is refused appears."""
    return QLabel(styleSheet=f"color: {ERROR_COLOR};", wordWrap=True)
