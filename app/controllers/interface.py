"""The interface itself: Edit > Preferences, the interface zoom (View), Help > User guide and
Help > Keyboard shortcuts. Reads and writes the settings; applies the theme and zoom at once."""
from __future__ import annotations

import getpass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

import resources
from app import settings, theme
from app.actions import action
from widgets.dialogs.help import HelpDialog
from widgets.dialogs.preferences import PreferencesDialog
from widgets.dialogs.shortcuts import ShortcutsDialog
from widgets.map.view import MapView

PREFERENCE_KEYS = ("ui/language", "ui/theme", "ui/zoom", "author", "export/marking")


def plain(text: str) -> str:
    """A menu text without its mnemonic and ellipsis ("&New incident…" -> "New incident")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def keys_text(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


class InterfaceController(QObject):
    author_changed = Signal(str)  # the author name the incident log records (never empty)

    def __init__(self, state, window):
        super().__init__(window)
        self.state, self.window = state, window
        self.dialogs: dict[str, object] = {}

        everywhere = Qt.ShortcutContext.ApplicationShortcut  # the zoom also works in the incident form
        self.preferences_action = action(self, self.tr("&Preferences…"), self.show_preferences, "Ctrl+,")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.zoom_in_action = action(self, self.tr("Lar&ger text (interface zoom)"), lambda: self.zoom_by(+1),
                                     QKeySequence.StandardKey.ZoomIn, "Ctrl+=", context=everywhere)
        self.zoom_out_action = action(self, self.tr("Smaller te&xt (interface zoom)"), lambda: self.zoom_by(-1),
                                      QKeySequence.StandardKey.ZoomOut, context=everywhere)
        self.zoom_reset_action = action(self, self.tr("Reset interface &zoom"), self.reset_zoom, "Ctrl+Shift+R",
                                        context=everywhere)
        self.guide_action = action(self, self.tr("&User guide"), self.show_guide,
                                   QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action = action(self, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+F1")
        self._set_line_width()

    def zoom_actions(self) -> list[QAction]:
        return [self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action]

    def help_actions(self) -> list[QAction]:
        return [self.guide_action, self.shortcuts_action]

    # ---------------------------------------------------------------- zoom

    def zoom_by(self, steps: int) -> int:
        zoom = theme.clamp_zoom(theme.current()[1] + steps * theme.ZOOM_STEP)
        settings.put("ui/zoom", zoom)
        theme.apply()
        return zoom

    def reset_zoom(self) -> None:
        settings.put("ui/zoom", 100)
        theme.apply()

    def _set_line_width(self) -> None:
        """The map's and the timeline's lines as the saved theme wants them (twice as wide in high contrast)."""
        width = theme.line_width()
        self.window.map.set_line_width(width)
        self.window.timeline.set_line_width(width)

    # ---------------------------------------------------------------- preferences

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(getpass.getuser(), self.window)
        dialog.set_values({k: settings.get(k) for k in PREFERENCE_KEYS})
        dialog.accepted.connect(lambda: self.save_preferences(dialog.values()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs["preferences"] = dialog
        dialog.open()
        return dialog

    def save_preferences(self, values: dict) -> None:
        before = {k: settings.get(k) for k in PREFERENCE_KEYS}
        for key in PREFERENCE_KEYS:
            settings.put(key, values[key])
        if (values["ui/theme"], values["ui/zoom"]) != (before["ui/theme"], before["ui/zoom"]):
            theme.apply()
            self._set_line_width()
        if values["author"] != before["author"]:
            self.author_changed.emit(settings.author())
        if values["ui/language"] != before["ui/language"]:
            self.notice = QMessageBox(QMessageBox.Icon.Information, self.tr("Preferences"),
                                      self.tr("The new language applies when sitmon is started again."),
                                      QMessageBox.StandardButton.Ok, self.window)
            self.notice.open()

    # ---------------------------------------------------------------- help

    def guide_page(self):
        page = resources.path("help", f"guide_{self.state.lang}.html")
        return page if page.exists() else resources.path("help", "guide_en.html")

    def show_guide(self) -> HelpDialog:
        dialog = self.dialogs.get("guide")
        if dialog is None:
            dialog = self.dialogs["guide"] = HelpDialog(self.guide_page(), self.window)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every shortcut, read from the window's menus now (so the list never goes stale), then the
        map's and the timeline's own keys and the incident form's."""
        out = []

        def walk(menu: QMenu, rows: list) -> None:
            for a in menu.actions():
                if a.menu() is not None:
                    walk(a.menu(), rows)
                elif not a.isSeparator() and a.shortcuts():
                    rows.append((plain(a.text()), keys_text(a)))

        for top in self.window.menuBar().actions():
            if top.menu() is not None:
                rows: list = []
                walk(top.menu(), rows)
                if rows:
                    out.append((plain(top.text()), rows))
        out.append((self.tr("Map (click it or Tab to it first)"), MapView.key_help()))
        out.append((self.tr("Timeline (click it or Tab to it first)"), self.window.timeline.key_help()))
        out.append((self.tr("Incident form"), [
            (self.tr("Save"), ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                                        for k in ("Ctrl+Return", "Return"))),
            (self.tr("Cancel"), QKeySequence("Esc").toString(QKeySequence.SequenceFormat.NativeText)),
            (self.tr("Next field, previous field"), ", ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in ("Tab", "Shift+Tab")))]))
        return out

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = self.dialogs.get("shortcuts")
        if dialog is None:
            dialog = self.dialogs["shortcuts"] = ShortcutsDialog(self.window)
        dialog.set_sections(self.sections())
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
