"""How a site status looks: one colour and one shape per status word (colour is never the only cue).

Okabe-Ito colours (colour-blind safe); shapes are pyqtgraph symbol names, so the map can use them too.
"""
from __future__ import annotations

from functools import lru_cache

from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QTransform

STATUS_COLORS = {
    "open": "#0072B2",
    "closing": "#E69F00",
    "handed-over": "#009E73",
    "closure-due": "#D55E00",
    "rear-party": "#CC79A7",
    "reduced": "#56B4E9",
    "liquidation-hub": "#6E6E6E",
}
STATUS_SYMBOLS = {
    "open": "o",
    "closing": "t1",
    "handed-over": "s",
    "closure-due": "d",
    "rear-party": "p",
    "reduced": "h",
    "liquidation-hub": "star",
}


@lru_cache(maxsize=None)
def status_icon(status: str, size: int = 14) -> QIcon:
    """A small filled shape in the status colour, outlined in black (made once per status and size)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("black"), 1))
    painter.setBrush(QColor(STATUS_COLORS[status]))
    shape = QTransform().translate(size / 2, size / 2).scale(size - 2, size - 2).map(Symbols[STATUS_SYMBOLS[status]])
    painter.drawPath(shape)
    painter.end()
    return QIcon(pixmap)
