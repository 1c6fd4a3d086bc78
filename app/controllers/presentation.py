"""Presentation mode (F11): full screen, the map and the timeline only (its Play button animates the
drawdown), larger fonts. Esc or F11 leaves and puts the docks, bars and fonts back as they were."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow

from app.actions import action

FONT_SCALE = 1.5
KEPT_DOCK = "dock-timeline"
TIMELINE_SHARE = 0.38  # of the screen's height


class PresentationMode(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self._action = action(self, self.tr("&Presentation mode"), lambda: None, Qt.Key.Key_F11, checkable=True)
        self._action.toggled.connect(self._toggled)
        window.addAction(self._action)  # F11 works with the menu bar hidden
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, self.leave)
        self._escape.setEnabled(False)
        self._saved = None

    def action(self) -> QAction:
        """For the View menu; checked while presenting."""
        return self._action

    @property
    def active(self) -> bool:
        return self._saved is not None

    def enter(self) -> None:
        self._action.setChecked(True)

    def leave(self) -> None:
        self._action.setChecked(False)

    def _toggled(self, on: bool) -> None:
        if on and not self.active:
            self._enter()
        elif not on and self.active:
            self._leave()

    def _enter(self) -> None:
        w = self.window
        own_font = QFont(w.font()) if w.testAttribute(Qt.WidgetAttribute.WA_SetFont) else QFont()  # QFont(): inherit
        self._saved = (w.saveState(), w.windowState(), own_font, w.menuBar().isVisible(), w.statusBar().isVisible())
        docks = w.findChildren(QDockWidget)
        for dock in docks:
            dock.setVisible(dock.objectName() == KEPT_DOCK)
        w.menuBar().hide()
        w.statusBar().hide()
        font = QFont(w.font())
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        w.setFont(font)
        self._escape.setEnabled(True)
        w.showFullScreen()
        kept = [d for d in docks if d.objectName() == KEPT_DOCK]
        w.resizeDocks(kept, [round(w.screen().geometry().height() * TIMELINE_SHARE)] * len(kept),
                      Qt.Orientation.Vertical)  # the map keeps most of the screen

    def _leave(self) -> None:
        w = self.window
        state, window_state, font, menu_bar, status_bar = self._saved
        self._saved = None
        self._escape.setEnabled(False)
        w.setFont(font)  # an inherited font is inherited again, so the interface zoom still reaches the window
        w.menuBar().setVisible(menu_bar)
        w.statusBar().setVisible(status_bar)
        w.setWindowState(window_state)
        w.restoreState(state)
