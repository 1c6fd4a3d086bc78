"""Start the window: QApplication, language, the window's frame on screen at once, then the database (with a
clear message when refused), the views, and the day's backup in the background.

A start draws the frame first (menus, docks, status bar and the basemap, from Qt and the basemap's cache:
a few hundred milliseconds), then, once it is painted, opens the database (asking for a passphrase or
offering a backup over the window when needed) and attaches the views (pyqtgraph, the database layers: the
heavy imports come here). The incidents follow from the executor, as after any change.
"""
from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import i18n, settings, theme


def open_state(db_path, lang: str, database=None, load_points: bool = True):
    """Open the database, its scenario and site records; the cursor starts on the last date shown. The incidents
    load in the background from now, or (`load_points` False) from the caller's state.reload_points()."""
    from app.cursor import CursorState
    from app.state import AppState
    from db import open_database
    from db.scenario.stored import read_scenario
    from db.sites.queries import all_records

    database = database or open_database(db_path)
    scenario = read_scenario(database)
    records = all_records(database)
    saved = settings.get("cursor/date")
    try:
        day = date.fromisoformat(saved) if saved else scenario.mission.view_start
    except ValueError:
        day = scenario.mission.view_start
    m = scenario.mission
    cursor = CursorState(day, scenario.start, scenario.end, drawdown=(m.view_start, m.view_end))
    return AppState(database, scenario, cursor, lang, records=records, load_points=load_points)


class Start(QObject):
    """Opens the database and attaches the views once the window's frame has been painted (or after
    FALLBACK_MS, should no paint come: a window started minimised). The exit code, if it cannot, in `code`."""

    FALLBACK_MS = 500

    def __init__(self, window, path, args):
        super().__init__(window)
        self.window, self.path, self.args = window, path, args
        self.code: int | None = None
        self._started = False
        window.preview.painted.connect(self._soon)
        QTimer.singleShot(self.FALLBACK_MS, self._soon)

    def _soon(self) -> None:
        """After the paint under way is on screen: the next turn of the event loop."""
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self.open)

    def open(self) -> None:
        from app import recovery
        from db.scenario.files import ScenarioError
        from db.store.errors import DatabaseError

        if not self.window.isVisible():  # closed while its frame was drawn
            return
        try:
            database = recovery.open_interactive(self.path, self.window, recovery.passphrase_given(self.args))
            if database is None:  # the user declined the passphrase or the restore
                return self._stop(1)
            state = open_state(self.path, self.args.lang, database, load_points=False)
        except (DatabaseError, ScenarioError, OSError) as exc:
            QMessageBox.critical(self.window, QApplication.translate("gui", "sitmon cannot open the database"),
                                 i18n.message(exc))
            return self._stop(1)
        self.window.attach(state)
        # The views are painted first (their paint was asked for during attach, before this), then the incidents
        # load and the day's backup is taken: a worker thread busy meanwhile would slow that paint (Python's GIL).
        QTimer.singleShot(0, self._background)

    def _background(self) -> None:
        from app import recovery

        if self.window.isVisible():  # not closed meanwhile (its state is shut down then)
            self.window.state.reload_points()
            recovery.take_daily_backup(self.window.state, self.window)

    def _stop(self, code: int) -> None:
        self.code = code
        self.window.close()


def run(args) -> int:
    from app.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(settings.APP_NAME)
    app.setOrganizationName(settings.ORGANIZATION)
    i18n.install(args.lang)
    theme.apply(app)
    path = args.db or settings.default_db_path()
    window = MainWindow(lang=args.lang, db_path=path)
    start = Start(window, path, args)
    window.show()
    code = app.exec()
    return start.code if start.code is not None else code
