"""The offline briefing pack: an A4 landscape PDF of the situation on one date.

Pages: cover (mission, date, key figures, contents), map, timeline, site statuses, incidents of the
last days (chart and table), transfer of tasks. The handling marking (setting "export/marking") and
"Page N of M" are on every page.

Why QPdfWriter and QPainter: they ship with PySide6, so the pack needs no extra dependency, and the
same QPainter that paints the window's MapView and TimelineView paints them into the PDF, so the map
stays vector (paths and text) and looks as it does on screen.

Threads: gathering the data (queries, statuses, summaries, the basemap) is plain data, done by
`gather` in a worker thread (BriefingController). Widgets and painting on them must stay on the GUI
thread, so `write_briefing` lays out then paints page by page there, and its `progress(done, total)`
callback (a QProgressDialog that processes events between pages) may raise `Cancelled`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRunnable, QSize, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QMessageBox,
                               QProgressDialog, QSpinBox)

from db import status

from db.incidents import queries
from db.incidents.queries import IncidentFilter, IncidentRow, Summary
from db.incidents.weeks import weekly_by_type
from db.records import QT_TRANSLATE_NOOP, Text
from db.status import KeyFigures
from geo import basemap as gb

from app import settings
from app.i18n import locale_for
from app.briefing.pages import Pack
from app.briefing.map_image import MapData, export_map_image, gather_map
from app.briefing.pdf import Sheet

translate = QCoreApplication.translate

DPI = 144  # device dots per inch: every half-point font size is a whole number of dots
INCIDENT_DAYS = settings.DEFAULTS["briefing/incident_days"]
MAX_INCIDENT_ROWS = 150


class Cancelled(Exception):
    """Raised by a progress callback to stop writing; the partial file is removed."""


@dataclass(frozen=True, eq=False)
class BriefingData:
    map: MapData  # scenario, date, statuses, incident points, basemap
    generated: datetime  # UTC
    marking: str
    days: int  # the incident window: the last `days` days up to the date
    figures: KeyFigures
    incidents: tuple[IncidentRow, ...]  # the most recent first, at most MAX_INCIDENT_ROWS
    summary: Summary
    weekly: tuple[tuple[date, str, int], ...]  # (Monday, type, count)
    regions: dict[str, Text]  # ISO 3166-2 code -> name
    attributions: tuple[str, ...]


def gather(db, day: date, lang: str = "en", marking: str = "", days: int = INCIDENT_DAYS,
           extent=None) -> BriefingData:
    """Everything the pack shows, from db/ and geo/ only (no Qt objects): runs in a worker thread."""
    window = IncidentFilter(date_from=day - timedelta(days=days - 1), date_to=day)
    mapped = gather_map(db, day, lang, days, extent)
    regions = gb.load_layer("mali_regions")
    return BriefingData(
        map=mapped, generated=datetime.now(timezone.utc), marking=marking, days=days,
        figures=status.key_figures(mapped.scenario, day),
        incidents=tuple(queries.page(db, window, "occurred_on", True, 0, MAX_INCIDENT_ROWS)),
        summary=queries.summary(db, window), weekly=weekly_by_type(db, window),
        regions={c: Text(n, f or "") for c, n, f in zip(regions.iso_3166_2, regions.name, regions.name_fr)},
        attributions=tuple(gb.attributions()))


def write_briefing(data: BriefingData, path, lang: str = "en", progress=None) -> int:
    """Write the pack to `path` (PDF); returns the number of pages. GUI thread only."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(part))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 10, 12, 10), QPageLayout.Unit.Millimeter))
    writer.setCreator("sitmon")
    writer.setTitle(translate("Briefing", "Briefing pack, situation on {0}").format(
        locale_for(lang).toString(data.map.day, "d MMMM yyyy")))
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(translate("Briefing", "Cannot write {0}").format(path))
    try:
        pack = Pack(Sheet(writer, QApplication.font().family()), painter, data, lang)
        pages = pack.layout()
        for n, page in enumerate(pages, 1):
            if n > 1:
                writer.newPage()
            pack.frame(n, len(pages))
            page()
            if progress is not None:
                progress(n, len(pages))
    except BaseException:
        painter.end()
        part.unlink(missing_ok=True)
        raise
    painter.end()
    part.replace(path)
    return len(pages)


# ------------------------------------------------------------------ the command line


# ------------------------------------------------------------------ the window


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Gather(QRunnable):
    """Runs `gather` in the thread pool; the result comes back through a queued signal."""

    def __init__(self, task):
        super().__init__()
        self.task, self.signals = task, _Signals()

    def run(self) -> None:
        try:
            result = self.task()
        except Exception as exc:  # noqa: BLE001 (shown to the user by the controller)
            self.signals.failed.emit(str(exc))
            return
        self.signals.finished.emit(result)


IMAGE_FILTERS = QT_TRANSLATE_NOOP("Briefing", "PNG image (*.png);;SVG drawing (*.svg)")


class BriefingController(QObject):
    """File > Briefing pack… (Ctrl+P) and File > Export map image…, on the window's current date."""

    written = Signal(str)  # the path of a finished pack or image

    def __init__(self, state, window):
        super().__init__(window)
        self.state, self.window = state, window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.progress: QProgressDialog | None = None
        self.path = ""
        self.pack_action = QAction(translate("Briefing", "&Briefing pack…"), self)
        self.pack_action.setShortcut(QKeySequence("Ctrl+P"))
        self.pack_action.triggered.connect(lambda: self.briefing_pack())
        self.image_action = QAction(translate("Briefing", "Export map &image…"), self)
        self.image_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.image_action.triggered.connect(lambda: self.map_image())

    def actions(self) -> list[QAction]:
        return [self.pack_action, self.image_action]

    def _map_view(self):
        return getattr(self.window, "map", None)

    def briefing_pack(self, path: str = "") -> None:
        """Ask for a file (unless given), gather in the pool, then paint with a progress dialog."""
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
        view = self._map_view()
        job = _Gather(partial(gather, self.state.db, day, self.state.lang, settings.get("export/marking"),
                              INCIDENT_DAYS, view.view_bbox() if view is not None else None))
        job.signals.finished.connect(self._paint)
        job.signals.failed.connect(self._failed)
        self.pool.start(job)

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
            write_briefing(data, self.path, self.state.lang, progress)
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
            self.progress.close()
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
            export_map_image(self._map_view() or self.state, day, path, size, dpi)
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
