"""The interface's look: the system theme or a high-contrast one for bright sun, and a font zoom.

Settings "ui/theme" (default | high-contrast) and "ui/zoom" (percent of the system font size).
The high-contrast theme is the Fusion style with a black-on-white QPalette and a small style sheet
(resources/themes/high-contrast.qss: thick borders, a blue focus ring, black selections) and
fonts one tenth larger; the map and the timeline draw their lines twice as wide (`line_width()`,
passed to their `set_line_width`). `apply()` runs at start-up and again whenever Preferences or the
zoom actions change a setting; widgets without a font of their own follow at once.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

import resources
from app import settings

THEMES = ("default", "high-contrast")
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10
HIGH_CONTRAST_FONT = 1.1
LINE_WIDTHS = {"default": 1.0, "high-contrast": 2.0}  # times the usual width of the map's and timeline's lines
_system: dict = {}  # the look before the first apply(): style name, palette, font


def high_contrast_palette() -> QPalette:
    black, white = QColor("#000000"), QColor("#FFFFFF")
    p = QPalette()
    for role, color in ((QPalette.ColorRole.Window, white), (QPalette.ColorRole.WindowText, black),
                        (QPalette.ColorRole.Base, white), (QPalette.ColorRole.AlternateBase, QColor("#E8E8E8")),
                        (QPalette.ColorRole.Text, black), (QPalette.ColorRole.Button, white),
                        (QPalette.ColorRole.ButtonText, black), (QPalette.ColorRole.BrightText, white),
                        (QPalette.ColorRole.Highlight, black), (QPalette.ColorRole.HighlightedText, white),
                        (QPalette.ColorRole.ToolTipBase, white), (QPalette.ColorRole.ToolTipText, black),
                        (QPalette.ColorRole.PlaceholderText, QColor("#4D4D4D")), (QPalette.ColorRole.Link, QColor("#0033CC")),
                        (QPalette.ColorRole.LinkVisited, QColor("#551A8B")), (QPalette.ColorRole.Light, white),
                        (QPalette.ColorRole.Midlight, QColor("#D0D0D0")), (QPalette.ColorRole.Mid, QColor("#767676")),
                        (QPalette.ColorRole.Dark, black), (QPalette.ColorRole.Shadow, black)):
        p.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#595959"))  # 7:1 on white
    return p


def clamp_zoom(percent: int) -> int:
    return max(ZOOM_MIN, min(ZOOM_MAX, int(percent)))


def apply(app: QApplication | None = None, theme: str | None = None, zoom: int | None = None) -> None:
    """Apply a theme and zoom (default: the saved settings) to the running application."""
    app = app or QApplication.instance()
    if app is None:
        return
    # widgets already closed and waiting to be deleted go first: one deleted after the style sheet changed
    # under it crashed the process (a full test run, after the high-contrast theme and back)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if not _system:
        _system.update(style=app.style().name(), palette=QPalette(app.palette()), font=QFont(app.font()))
    theme = theme if theme in THEMES else settings.get("ui/theme")
    zoom = clamp_zoom(zoom if zoom is not None else settings.get("ui/zoom"))
    high = theme == "high-contrast"
    if high:
        if app.style().name().lower() != "fusion":  # a style swap deletes the old style: only when needed
            app.setStyle("Fusion")
        app.setPalette(high_contrast_palette())
        folder = resources.path("themes")
        app.setStyleSheet((folder / "high-contrast.qss").read_text(encoding="utf-8")
                          .replace("@THEMES@", folder.as_posix()))
    else:
        if app.style().name().lower() != _system["style"].lower():
            app.setStyle(_system["style"])
        app.setPalette(_system["palette"])
        app.setStyleSheet("")
    font = QFont(_system["font"])
    base = _system["font"].pointSizeF()
    if base > 0:  # the system's size (follows the desktop's font scaling), times the zoom
        font.setPointSizeF(base * zoom / 100 * (HIGH_CONTRAST_FONT if high else 1.0))
    app.setFont(font)


def current() -> tuple[str, int]:
    """The saved (theme, zoom)."""
    theme = settings.get("ui/theme")
    return (theme if theme in THEMES else "default"), clamp_zoom(settings.get("ui/zoom"))


def line_width() -> float:
    """How many times their usual width the map and the timeline draw their lines in the saved theme."""
    return LINE_WIDTHS[current()[0]]
