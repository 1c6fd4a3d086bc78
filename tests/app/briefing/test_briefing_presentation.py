"""Presentation mode: F11 goes full screen with the map and the timeline only; Esc puts everything back."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from app.controllers.presentation import PresentationMode


def make_window(qtbot):
    win = QMainWindow()
    win.setCentralWidget(QLabel("map"))
    win.menuBar().addMenu("&View")
    win.statusBar().showMessage("ready")
    for name in ("timeline", "incidents", "figures", "sites", "layers"):
        dock = QDockWidget(name, win)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(QLabel(name))
        win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea if name in ("timeline", "incidents")
                          else Qt.DockWidgetArea.RightDockWidgetArea, dock)
    win.findChild(QDockWidget, "dock-layers").hide()  # hidden by the user before presenting
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def visible_docks(win) -> set[str]:
    return {d.objectName() for d in win.findChildren(QDockWidget) if d.isVisible()}


def test_f11_presents_and_escape_restores(qtbot):
    win = make_window(qtbot)
    mode = PresentationMode(win)
    before_docks, before_size = visible_docks(win), win.font().pointSizeF()
    assert mode.action().shortcut().toString() == "F11" and mode.action().isCheckable()

    mode.action().trigger()
    qtbot.waitUntil(lambda: win.isFullScreen())
    assert visible_docks(win) == {"dock-timeline"}
    assert not win.menuBar().isVisible() and not win.statusBar().isVisible()
    assert win.font().pointSizeF() > before_size
    assert mode.action().isChecked()

    with qtbot.waitActive(win):
        win.activateWindow()
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not win.isFullScreen())
    assert not mode.active and not mode.action().isChecked()
    assert visible_docks(win) == before_docks
    assert win.menuBar().isVisible() and win.statusBar().isVisible()
    assert win.font().pointSizeF() == before_size


def test_f11_again_leaves(qtbot):
    win = make_window(qtbot)
    mode = PresentationMode(win)
    mode.action().trigger()
    qtbot.waitUntil(lambda: win.isFullScreen())
    mode.action().trigger()
    qtbot.waitUntil(lambda: not win.isFullScreen())
    assert "dock-incidents" in visible_docks(win) and not mode.active
