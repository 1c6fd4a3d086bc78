"""File > Briefing pack… (Ctrl+P) and File > Export map image…, on the window's current date.

The pack's data is gathered as an op on the database executor; the pages are then painted on the GUI
thread (widgets paint there only) under a progress dialog whose Cancel stops between pages.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSize, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
)

from app import settings
from app.actions import action
from app.briefing.map_image import export_map_image
from app.briefing.pack import INCIDENT_DAYS, BriefingData, gather, write_briefing
from app.controllers.routes import route_options
from app.ops import Op
from db.progress import Cancelled
from db.records import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate


IMAGE_FILTERS = QT_TRANSLATE_NOOP("Briefing", "PNG image (*.png);;SVG drawing (*.svg)")


class BriefingController(QObject):
    written = Signal(str)  # the path of a finished pack or image

    def __init__(self, state, window):
        super().__init__(window)
        self.state, self.window = state, window
        self.progress: QProgressDialog | None = None
        self.path = ""
        self.routes = lambda: []  # (title, vertices) of the routes shown: a page each (the window sets it)
        self.pack_action = action(self, translate("Briefing", "Briefin&g pack…"), lambda: self.briefing_pack(),
                                  "Ctrl+P")
        self.image_action = action(self, translate("Briefing", "Export &map image…"), lambda: self.map_image(),
                                   "Ctrl+Shift+M")

    def actions(self) -> list[QAction]:
        return [self.pack_action, self.image_action]

    def _map_view(self):
        return getattr(self.window, "map", None)

    def briefing_pack(self, path: str = "") -> None:
        """Ask for a file (unless given), gather the data as an op, then paint with a progress dialog."""
        if self.progress is not None:  # a pack is under way
            return
        day = self.state.cursor.date
        path = path or QFileDialog.getSaveFileName(
            self.window, translate("Briefing", "Save the briefing pack"), f"briefing-{day.isoformat()}.pdf",
            translate("Briefing", "PDF document (*.pdf)"))[0]
        if not path:
            return
        self.path = path
        self.progress = QProgressDialog(translate("Briefing", "Gathering the data…"), translate("Briefing", "Cancel"),
                                        0, 0, self.window)
        self.progress.setWindowTitle(translate("Briefing", "Briefing pack"))
        self.progress.setMinimumDuration(0)
        self.progress.show()
        # extent None: the map framed on the situation (its sites and incidents), whatever the window shows
        self.state.ops.run(Op(gather, self.state.db, day, self.state.lang, settings.get("export/marking"),
                              INCIDENT_DAYS, None, self.routes(), route_options())
                           .on_success(self._paint).on_failure(self._failed))

    def _paint(self, data: BriefingData) -> None:
        dialog = self.progress
        if dialog.wasCanceled():
            return self._close()
        dialog.setLabelText(translate("Briefing", "Drawing the pages…"))

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            QApplication.processEvents()
            if dialog.wasCanceled():
                raise Cancelled

        try:
            write_briefing(data, self.path, self.state.lang, progress, self.state.db.path)
        except Cancelled:
            pass
        except OSError as exc:
            self._failed(str(exc))
            return
        else:
            self.written.emit(self.path)
        self._close()

    def _failed(self, message: str) -> None:
        self._close()
        QMessageBox.warning(self.window, translate("Briefing", "Briefing pack"),
                            translate("Briefing", "The briefing pack could not be written: {0}").format(message))

    def _close(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def map_image(self, path: str = "", size: QSize | None = None, dpi: int = 150) -> None:
        """The map as shown, to PNG or SVG (by the file's suffix); asks for what is not given."""
        day = self.state.cursor.date
        path = path or QFileDialog.getSaveFileName(
            self.window, translate("Briefing", "Export map image"), f"map-{day.isoformat()}.png",
            translate("Briefing", IMAGE_FILTERS))[0]
        if not path:
            return
        if size is None:
            chosen = self._ask_size()
            if chosen is None:
                return
            size, dpi = chosen
        try:
            export_map_image(self._map_view() or self.state, day, path, size, dpi, self.state.db.path)
        except OSError as exc:
            QMessageBox.warning(self.window, translate("Briefing", "Export map image"), str(exc))
            return
        self.written.emit(path)

    def _ask_size(self) -> tuple[QSize, int] | None:
        dialog = QDialog(self.window)
        dialog.setWindowTitle(translate("Briefing", "Export map image"))
        form = QFormLayout(dialog)
        boxes = []
        for label, value, low, high, suffix in ((translate("Briefing", "Width"), 2400, 100, 10000, " px"),
                                                (translate("Briefing", "Height"), 1600, 100, 10000, " px"),
                                                (translate("Briefing", "Resolution"), 200, 72, 1200, " dpi")):
            box = QSpinBox(minimum=low, maximum=high, value=value, suffix=suffix)
            form.addRow(label, box)
            boxes.append(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        width, height, dpi = (b.value() for b in boxes)
        dialog.deleteLater()
        return (QSize(width, height), dpi) if accepted else None
