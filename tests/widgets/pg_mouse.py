"""Mouse input for pyqtgraph views in tests: events sent to the viewport at view coordinates."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


def to_viewport(plot, x: float, y: float) -> QPointF:
    """Viewport position of view coordinates (x, y) of a PlotWidget."""
    scene = plot.getPlotItem().vb.mapViewToScene(QPointF(x, y))
    return QPointF(plot.mapFromScene(scene))


def send(plot, kind: QEvent.Type, pos: QPointF, button=NONE, buttons=NONE) -> None:
    viewport = plot.viewport()
    event = QMouseEvent(kind, pos, QPointF(viewport.mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, event)


def press(plot, pos):
    send(plot, QEvent.Type.MouseMove, pos)
    send(plot, QEvent.Type.MouseButtonPress, pos, LEFT, LEFT)


def move(plot, pos):
    send(plot, QEvent.Type.MouseMove, pos, NONE, LEFT)


def release(plot, pos):
    send(plot, QEvent.Type.MouseButtonRelease, pos, LEFT, NONE)


def click(plot, pos):
    press(plot, pos)
    release(plot, pos)


RIGHT = Qt.MouseButton.RightButton


def right_click(plot, pos):
    send(plot, QEvent.Type.MouseMove, pos)
    send(plot, QEvent.Type.MouseButtonPress, pos, RIGHT, RIGHT)
    send(plot, QEvent.Type.MouseButtonRelease, pos, RIGHT, NONE)
