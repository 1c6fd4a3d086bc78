"""The assembled window: one current date that every view follows; layout and date remembered."""
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel

from app import settings
from app.gui import open_state
from app.main_window import MainWindow


@pytest.fixture
def window(main_window):
    return main_window


def site_row(w, site_name):
    model = w.site_panel.model
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == site_name:
            return [model.index(r, c).data() for c in range(model.columnCount())]
    raise KeyError(site_name)


def test_status_bar_shows_the_date_and_the_database(window):
    assert window.findChild(QLabel, "database-path").text().endswith("sitmon.sqlite")
    window.state.cursor.set_date(date(2023, 8, 15))
    assert window.findChild(QLabel, "current-date").text() == "Current date: 15 August 2023"


def test_one_date_change_updates_every_view(window, qtbot):
    with qtbot.waitSignal(window.state.cursor.date_changed) as changed:
        window.state.cursor.set_date(date(2023, 8, 15))
    assert changed.args == [date(2023, 8, 15)]
    assert site_row(window, "Ber")[1] == "handed over"
    assert site_row(window, "Goundam")[1] == "closing"
    assert window.key_figures.values["deadline"].text() == "138"
    assert window.key_figures.values["repatriated"].text() == "719"
    window.state.cursor.set_date(date(2024, 1, 5))
    assert site_row(window, "Gao")[1] == "liquidation hub"
    assert window.key_figures.values["overdue"].text() != "0"


def test_setting_the_same_date_emits_nothing(window, qtbot):
    window.state.cursor.set_date(date(2023, 8, 15))
    with qtbot.assertNotEmitted(window.state.cursor.date_changed):
        window.state.cursor.set_date(date(2023, 8, 15))


def test_docks_and_menus(window):
    titles = {d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert {"Timeline", "Incident log", "Key figures", "Site status", "Details"} <= titles
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:3] == ["&File", "&Edit", "&View"] and menus[-1] == "&Help"


def test_selecting_a_site_brings_its_card_forward(window):
    window.details.setCurrentWidget(window.layers)
    window.state.select("site", "ber")
    assert window.details.currentWidget() is window.site_card


def test_last_date_and_layout_are_remembered(qtbot, tmp_path):
    path = tmp_path / "w.sqlite"
    first = MainWindow(open_state(path, "en"))
    qtbot.addWidget(first)
    first.show()
    first.state.cursor.set_date(date(2023, 9, 3))
    first.findChild(QDockWidget, "dock-figures").hide()
    first.close()
    assert settings.get("cursor/date") == "2023-09-03"
    second = MainWindow(open_state(path, "en"))
    qtbot.addWidget(second)
    second.show()
    assert second.state.cursor.date == date(2023, 9, 3)
    assert not second.findChild(QDockWidget, "dock-figures").isVisible()
    second.close()


def test_about_names_the_map_data(window, qtbot, monkeypatch):
    shown = {}
    monkeypatch.setattr("app.main_window.QMessageBox.about", lambda parent, title, text: shown.update(text=text))
    window.show_about()
    assert "Made with Natural Earth" in shown["text"] and "GeoNames" in shown["text"]
    assert "S/2023/611" in shown["text"]


def test_presentation_mode_keeps_map_and_timeline(window, qtbot):
    action = window.presentation.action()
    action.trigger()
    assert window.isFullScreen() or window.windowState() & Qt.WindowState.WindowFullScreen
    assert window.findChild(QDockWidget, "dock-timeline").isVisible()
    assert not window.findChild(QDockWidget, "dock-sites").isVisible()
    action.trigger()
    assert window.findChild(QDockWidget, "dock-sites").isVisible()


def test_map_and_timeline_share_one_incident_load_per_change(window, monkeypatch, qtbot):
    import app.state

    loads = []
    real = app.state.incident_points
    monkeypatch.setattr(app.state, "incident_points", lambda db, progress=None: loads.append(db) or real(db, progress))
    with qtbot.waitSignal(window.state.points_ready) as ready:
        window.state.changed.emit(frozenset({"incidents"}))
    assert len(loads) == 1
    assert window.map_controller.points is window.state.incident_points() is ready.args[0]


SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"  # the scenario's one incident, 13 August 2023


def test_the_window_works_while_the_incidents_load(qtbot, db, loads):
    from db.incidents.points import incident_points

    loads.cancellable, loads.then = True, incident_points  # the real points, once released
    w = MainWindow(open_state(db.path, "en", database=db))
    qtbot.addWidget(w)
    w.state.cursor.set_date(date(2023, 8, 1))
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: loads.started == [1])
    assert len(w.map.visible_incident_ids()) == 0 and w.timeline._bars == ()  # nothing yet, nothing blocks
    legend = [r.text for r in w.map.legend.rows()]
    assert legend[legend.index("Incidents to 1 August 2023") + 1] == "loading…"  # not "none": not read yet
    assert site_row(w, "Ber")[1] == "closing" and w.map.site_status("ber") == "closing"
    w.timeline.setFocus()
    for _ in range(2):  # a week and a week: 15 August, while the incidents are still loading
        with qtbot.waitSignal(w.state.cursor.date_changed):
            qtbot.keyClick(w.timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert w.state.cursor.date == date(2023, 8, 15) and w.state.points_loading
    assert site_row(w, "Ber")[1] == "handed over" and w.map.site_status("ber") == "handed-over"
    assert w.key_figures.values["deadline"].text() == "138"
    assert w.findChild(QLabel, "current-date").text() == "Current date: 15 August 2023"
    w.state.select("site", "ber")
    assert w.site_card.site_id == "ber"
    with qtbot.waitSignal(w.state.points_ready):
        loads.release.set()
    assert w.map.visible_incident_ids().tolist() == [SEED]  # drawn for the date the user moved to
    assert "Attack on convoy (1)" in [r.text for r in w.map.legend.rows()]
    assert len(w.timeline._bars) == 2
    assert "1 incident up to this date" in w.site_card.text()  # the open card counts them too


def test_a_failed_incident_load_is_said_once_in_the_status_bar(window, qtbot, monkeypatch, caplog):
    import logging

    import app.state

    window.state.cursor.set_date(date(2023, 8, 15))
    assert window.map.visible_incident_ids().tolist() == [SEED]
    label = window.findChild(QLabel, "incidents-error")
    assert not label.isVisible()

    def broken(db, progress=None):
        raise OSError("disk I/O error")

    real = app.state.incident_points
    monkeypatch.setattr(app.state, "incident_points", broken)
    with caplog.at_level(logging.ERROR, logger="app.jobs"), qtbot.waitSignal(window.state.points_failed):
        window.state.changed.emit(frozenset({"incidents"}))
    assert label.isVisible() and label.text() == "The incidents could not be loaded: disk I/O error"
    assert len(caplog.records) == 1  # logged once, with its traceback
    assert window.map.visible_incident_ids().tolist() == [SEED]  # the incidents last loaded stay
    window.state.cursor.set_date(date(2024, 1, 5))  # the window still works
    assert site_row(window, "Gao")[1] == "liquidation hub"
    monkeypatch.setattr(app.state, "incident_points", real)
    with qtbot.waitSignal(window.state.points_ready):
        window.state.changed.emit(frozenset({"incidents"}))
    assert not label.isVisible()


def test_closing_the_window_stops_the_incident_load(qtbot, db, loads):
    loads.cancellable = True  # a load that would never end by itself
    w = MainWindow(open_state(db.path, "en", database=db))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: loads.started == [1])
    w.close()
    assert loads.cancelled == [1] and w.state.ops.idle


def test_an_import_is_undone_and_redone_from_the_edit_menu_as_one_step(window, qtbot, tmp_path):
    from db.incidents import audit
    from tests.app.conftest import wait_for_ops
    from tests.db.exchange import exchange_data

    db, c = window.state.db, window.incident_controller
    before = exchange_data.count(db, where="NOT deleted")
    exchange_data.write(tmp_path / "hq.csv", exchange_data.rows(40))
    with qtbot.waitSignal(window.state.changed, timeout=30_000):
        window.exchange.import_file(tmp_path / "hq.csv")
    wait_for_ops(qtbot, window.state)
    assert exchange_data.count(db, where="NOT deleted") == before + 40
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert "&Undo import of hq.csv" in [a.text() for a in edit.actions()]
    assert c.undo_action.isEnabled()

    with qtbot.waitSignal(window.state.changed, timeout=30_000):
        c.undo_action.trigger()
    wait_for_ops(qtbot, window.state)
    assert exchange_data.count(db, where="NOT deleted") == before
    assert exchange_data.count(db, "imports", "undone_at IS NOT NULL") == 1
    assert c.redo_action.text() == "&Redo import of hq.csv"

    with qtbot.waitSignal(window.state.changed, timeout=30_000):
        c.redo_action.trigger()
    wait_for_ops(qtbot, window.state)
    assert exchange_data.count(db, where="NOT deleted") == before + 40
    assert exchange_data.count(db, "imports", "undone_at IS NULL") == 1

    ident = exchange_data.rows(40)[0]["id"]
    view = c._show_trail(audit.trail(db, ident))
    qtbot.addWidget(view)
    assert [line[2] for line in view.lines() if len(line) == 4] == ["Restored", "Deleted", "Created by import of hq.csv"]


def test_the_timelines_colour_key_is_never_cut(window, qtbot):
    """At 1366 x 768 the key sat beside the controls cut to "closure overdu": it goes beside them only whole."""
    from PySide6.QtGui import QTextDocument

    timeline = window.timeline
    doc = QTextDocument()
    doc.setDefaultFont(timeline.legend.font())
    doc.setHtml(timeline.legend.text())
    for width in (1366, 1500, 1700, 1900):
        window.resize(width, 768)
        qtbot.waitUntil(lambda: window.width() == width)
        window.state.cursor.set_date(date(2023, 12, 20))
        qtbot.waitUntil(lambda: not timeline._key_on_bar or timeline.legend.width() >= doc.idealWidth() - 0.5)


def test_closing_while_an_import_runs_stops_it_before_the_database_closes(qtbot, db, tmp_path, caplog, capfd):
    """Quitting printed "sqlite3.OperationalError: disk I/O error" from database work still running. Closing
    the window cancels the import under way and waits for it: the database then closes with nothing left
    running, nothing logged or printed, and nothing of the import written."""
    from tests.db.exchange import exchange_data

    exchange_data.write(tmp_path / "big.csv", exchange_data.rows(100_000))
    w = MainWindow(open_state(db.path, "en", database=db))
    qtbot.addWidget(w)
    w.show()
    op = w.exchange.import_file(tmp_path / "big.csv")
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.value() > 0, timeout=30_000)  # under way
    w.close()
    assert w.state.ops.idle and op.is_cancelled and op.dialog is None
    db.close()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # an outcome still queued would be delivered here: there may be none
    assert w.exchange.notice is None  # no "Cancelled" or result told after the window closed
    assert [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")] == []
    assert capfd.readouterr().err == ""
    import sqlite3

    with sqlite3.connect(db.path) as con:
        assert con.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1


def test_an_encrypted_database_shows_the_logs_count_and_summary(qtbot, tmp_path, monkeypatch, translations, capsys):
    """`sitmon encrypt`, then the window with the passphrase: the incident log's count and summary appear (its
    controller built its own engine without the passphrase and failed with "file is not a database"), and no
    reader builds an engine of its own, at start or at a filter change."""
    from tests.services import require_sqlcipher

    require_sqlcipher()
    from app.cli import main as cli
    from db import open_database
    from db.store.dialect import sqlite as dialect_sqlite

    path, secret = tmp_path / "field.sqlite", tmp_path / "passphrase.txt"
    open_database(path).close()
    secret.write_text("field secret\n", encoding="utf-8")
    assert cli.main(["--db", str(path), "--passphrase-file", str(secret), "encrypt"]) == 0
    capsys.readouterr()
    database = open_database(path, passphrase="field secret")
    engines = []
    make_engine = dialect_sqlite.make_engine
    monkeypatch.setattr(dialect_sqlite, "make_engine", lambda *a, **k: engines.append(a) or make_engine(*a, **k))
    w = MainWindow(open_state(path, "en", database=database))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.incidents.count_label.text() == "1 incident")
    qtbot.waitUntil(lambda: w.summary.total.text() == "1 incident in the current filter")
    qtbot.keyClicks(w.incidents.text, "convoy")
    qtbot.waitUntil(lambda: w.incidents.filter.text == "convoy" and w.state.ops.idle)
    assert w.incidents.count_label.text() == "1 incident"
    w.incidents.text.setText("no such words")
    qtbot.waitUntil(lambda: w.incidents.count_label.text() == "0 incidents")
    assert engines == []  # the one Database, its passphrase and its engine, for every reader
    w.close()
    database.close()
