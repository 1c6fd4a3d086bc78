"""Start the window: QApplication, language, database (with a clear message when refused)."""
from __future__ import annotations

import sys
from datetime import date

from PySide6.QtWidgets import QApplication, QMessageBox

from app import i18n, settings, theme
from app.cursor import CursorState
from app.state import AppState


def open_state(db_path, lang: str, database=None) -> AppState:
    """Open the database, its scenario and site records; the cursor starts on the last date shown."""
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
    return AppState(database, scenario, cursor, lang, records=records)


def run(args) -> int:
    from app.main_window import MainWindow
    from db.scenario.files import ScenarioError
    from db.store.errors import DatabaseError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(settings.APP_NAME)
    app.setOrganizationName(settings.ORGANIZATION)
    i18n.install(args.lang)
    theme.apply(app)
    from app import recovery

    path = args.db or settings.default_db_path()
    try:
        database = recovery.open_interactive(path, passphrase=recovery.passphrase_given(args))
        if database is None:  # the user declined the passphrase or the restore
            return 1
        state = open_state(path, args.lang, database)
    except (DatabaseError, ScenarioError, OSError) as exc:
        QMessageBox.critical(None, QApplication.translate("gui", "sitmon cannot open the database"),
                             i18n.message(exc))
        return 1
    window = MainWindow(state)
    window.show()
    return app.exec()
