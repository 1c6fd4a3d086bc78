"""The incident log end to end: widgets -> controller -> SQLite file, and back."""
import json
import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.controllers.incidents import IncidentController
from app.cursor import CursorState
from app.state import AppState
from db.scenario.stored import read_scenario
from tests.app.conftest import wait_for_ops
from widgets.incidents.summary import IncidentSummary
from widgets.incidents.table import IncidentTable

SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"


@pytest.fixture
def app(qtbot, db):
    scenario = read_scenario(db)
    state = AppState(db, scenario, CursorState(date(2023, 9, 30)))
    table, summary = IncidentTable(), IncidentSummary()
    qtbot.addWidget(table)
    qtbot.addWidget(summary)
    table.show()
    controller = IncidentController(state, table, summary)
    qtbot.waitUntil(lambda: table.count_label.text() == "1 incident")
    yield controller
    wait_for_ops(qtbot, state)
    state.shutdown()


def sql(db, query, *args):
    with sqlite3.connect(db.path) as con:
        return con.execute(query, args).fetchall()


def shown(table, column="description"):
    from db.incidents.queries import COLUMNS

    m = table.model
    return [m.data(m.index(r, COLUMNS.index(column))) for r in range(m.rowCount())]


def new_incident(qtbot, c, day="2023-09-02", location="16.27, -0.04", description="IED on the Gao road"):
    form = c.new_incident()
    form.occurred_on.clear()
    qtbot.keyClicks(form.occurred_on, day)
    qtbot.keyClicks(form.location, location)
    form.type.setCurrentIndex(form.type.findData("ied"))
    form.counts["injured_civilians"].setText("3")
    qtbot.keyClicks(form.description, description)
    with qtbot.waitSignal(c.state.changed):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.table.selected_id() != "")  # the new incident is selected once shown
    return c.table.selected_id()


def written(qtbot, c, *actions):
    """Trigger actions (each a write) and wait until every one is written and announced."""
    for a in actions:
        a.trigger()
    wait_for_ops(qtbot, c.state)


def opened_form(qtbot, c):
    """The form that edit_selected opens once the incident is read."""
    c.edit_selected()
    qtbot.waitUntil(lambda: c.form is not None)
    return c.form


def test_create_edit_delete_restore_undo(qtbot, app, db):
    c, table = app, app.table
    ident = new_incident(qtbot, c)
    assert ident and c.state.selection == ("incident", ident)
    assert "IED on the Gao road" in shown(table)
    assert sql(db, "SELECT site_id, region, injured_civilians, author, revision FROM incidents WHERE id=?", ident) \
        == [("gao", "ML-7", 3, c.author, 1)]
    qtbot.waitUntil(lambda: table.count_label.text() == "2 incidents")

    form = opened_form(qtbot, c)
    form.status.setCurrentIndex(form.status.findData("verified"))
    form.counts["injured_civilians"].setText("4")
    with qtbot.waitSignal(c.state.changed):
        qtbot.keyClick(form.source, Qt.Key.Key_Return)
    assert sql(db, "SELECT status, injured_civilians, revision FROM incidents WHERE id=?", ident) == [("verified", 4, 2)]

    written(qtbot, c, c.delete_action)
    assert sql(db, "SELECT deleted FROM incidents WHERE id=?", ident) == [(1,)]
    assert "IED on the Gao road" not in shown(table)
    assert table.selected_id() == "" and c.state.selection == ("", "")
    table.show_deleted.setChecked(True)
    wait_for_ops(qtbot, c.state)  # the log's new query runs off the GUI thread
    table.view.selectRow(table.model.row_of(ident))
    assert c.restore_action.isEnabled()
    written(qtbot, c, c.restore_action)
    assert sql(db, "SELECT deleted, revision FROM incidents WHERE id=?", ident) == [(0, 4)]

    # undo the restore (a new audited delete), the delete (a restore), the edit (an edit back)
    written(qtbot, c, c.undo_action, c.undo_action, c.undo_action)
    assert sql(db, "SELECT status, injured_civilians, deleted, revision FROM incidents WHERE id=?", ident) \
        == [("reported", 3, 0, 7)]
    written(qtbot, c, c.redo_action)
    assert sql(db, "SELECT status, revision FROM incidents WHERE id=?", ident) == [("verified", 8)]
    actions = [r[0] for r in sql(db, "SELECT action FROM incident_audit WHERE incident_id=? ORDER BY id", ident)]
    assert actions == ["create", "update", "delete", "restore", "delete", "restore", "update", "update"]
    back = json.loads(sql(db, "SELECT changes FROM incident_audit WHERE incident_id=? ORDER BY id DESC LIMIT 1 "
                               "OFFSET 1", ident)[0][0])
    assert back == {"status": ["verified", "reported"], "injured_civilians": [4, 3]}

    c.show_audit()
    qtbot.waitUntil(lambda: getattr(c, "audit_view", None) is not None)
    view = c.audit_view
    qtbot.addWidget(view)
    lines = view.lines()
    assert [line[2] for line in lines if len(line) == 4] == ["Edited", "Edited", "Restored", "Deleted", "Restored",
                                                            "Deleted", "Edited", "Created"]
    assert ("Status", "Verified", "Reported") in lines


def test_invalid_entry_saves_nothing(qtbot, app, db):
    before = sql(db, "SELECT count(*) FROM incidents")
    form = app.new_incident()
    form.occurred_on.setText("2023-02-30")
    qtbot.keyClicks(form.location, "91, 0")
    form.type.setCurrentIndex(form.type.findData("ied"))
    assert "not a date" in form.error_labels["occurred_on"].text()
    assert "latitude 91" in form.error_labels["location"].text()
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form.location, Qt.Key.Key_Return)
    assert sql(db, "SELECT count(*) FROM incidents") == before
    assert app.undo_stack.count() == 0


def test_filter_count_summary_and_timeline(qtbot, app, db):
    c, table = app, app.table
    new_incident(qtbot, c, day="2023-09-20", description="late one")
    new_incident(qtbot, c, day="2023-08-01", location="18.44, 1.41", description="kidal one")
    qtbot.waitUntil(lambda: table.count_label.text() == "3 incidents")
    table.region_box.setCurrentIndex(table.region_box.findData("ML-8"))
    qtbot.waitUntil(lambda: table.count_label.text() == "1 incident")
    assert shown(table) == ["kidal one"]
    qtbot.waitUntil(lambda: c.summary.rows("type") == [("IED", "1")])  # the summary follows the count
    table.region_box.setCurrentIndex(0)
    table.until_cursor.setChecked(True)
    c.state.cursor.set_date(date(2023, 9, 1))
    qtbot.waitUntil(lambda: table.count_label.text() == "2 incidents")
    assert "late one" not in shown(table)
    table.set_filter_text("KIDAL")
    qtbot.waitUntil(lambda: table.count_label.text() == "1 incident")


def test_selection_is_shared(qtbot, app):
    c, table = app, app.table
    c.state.select("incident", SEED)
    qtbot.waitUntil(lambda: table.selected_id() == SEED)
    c.state.select("site", "gao")
    assert table.selected_id() == ""
    with qtbot.waitSignal(c.state.selected) as sig:
        table.view.selectRow(0)
    assert sig.args == ["incident", SEED]


def test_pick_on_map_fills_the_open_form(qtbot, app):
    form = app.new_incident()
    app.pick_on_map(16.5, -1.25)
    assert form.location.text() == "16.50000, -1.25000"
    assert "Region" in form.where.text()


@pytest.mark.parametrize("location, text", [("18.44107818729762, 1.40824", "18.44107818729762, 1.40824"),
                                            ("30Q ZD 15880 01273", "30Q ZD 15880 01273")])
def test_saving_an_unchanged_form_writes_nothing_and_the_position_keeps_its_form(qtbot, app, db, location, text):
    """Opening an incident and saving it untouched changed lat/lon (rounded to 5 decimals) and audited that;
    a position typed in MGRS came back in decimal degrees."""
    c = app
    ident = new_incident(qtbot, c, location=location)
    stored = sql(db, "SELECT lat, lon, revision FROM incidents WHERE id=?", ident)
    form = opened_form(qtbot, c)
    assert form.location.text() == text
    with qtbot.assertNotEmitted(c.state.changed):
        qtbot.keyClick(form.source, Qt.Key.Key_Return)  # Save
        wait_for_ops(qtbot, c.state)
    assert not form.isVisible()
    assert sql(db, "SELECT lat, lon, revision FROM incidents WHERE id=?", ident) == stored
    assert sql(db, "SELECT action FROM incident_audit WHERE incident_id=?", ident) == [("create",)]
    form = opened_form(qtbot, c)
    qtbot.keyClicks(form.description, " Two vehicles.")
    with qtbot.waitSignal(c.state.changed):
        qtbot.keyClick(form.source, Qt.Key.Key_Return)
    wait_for_ops(qtbot, c.state)  # the log's reload after the write, before its widgets close
    changes = json.loads(sql(db, "SELECT changes FROM incident_audit WHERE incident_id=? AND action='update'",
                             ident)[0][0])
    assert list(changes) == ["description"]  # only what was edited
    assert sql(db, "SELECT lat, lon FROM incidents WHERE id=?", ident) == [stored[0][:2]]


def test_the_audit_trail_shows_what_the_form_shows_in_the_interface_language(qtbot, app, db, translations):
    """Not the stored values (True, ied, kidal, ML-8, reported, 18.44107818729762), and in French under the
    French interface."""
    from app import i18n
    from app.controllers.incidents import value_labels

    c = app
    ident = new_incident(qtbot, c, location="18.44107818729762, 1.40824", description="Kidal road")
    written(qtbot, c, c.delete_action)
    c.table.show_deleted.setChecked(True)
    wait_for_ops(qtbot, c.state)  # the log's new query runs off the GUI thread
    c.table.view.selectRow(c.table.model.row_of(ident))
    i18n.install("fr")
    try:
        c.labels = value_labels("fr", c.state.scenario.sites, c.taxonomy)  # the French window's labels
        c.show_audit()
        qtbot.waitUntil(lambda: getattr(c, "audit_view", None) is not None)
        view = c.audit_view
        qtbot.addWidget(view)
        lines = view.lines()
        wait_for_ops(qtbot, c.state)
    finally:
        i18n.install("en")
    shown = {line[0]: line[1:] for line in lines if len(line) == 3}
    assert shown["Supprimé"] == ("non", "oui")
    assert shown["Type"][1] == "EEI (engin explosif improvisé)"
    assert shown["Site le plus proche"][1] == "Kidal" and shown["Région"][1] == "Kidal"
    assert shown["Statut"][1] == "Signalé"
    assert shown["Latitude"][1] == "18,44108" and shown["Date"][1] == "2 sept. 2023"
    assert [line[2] for line in lines if len(line) == 4] == ["Supprimé", "Créé"]
    texts = " ".join(" ".join(line) for line in lines)
    for raw in ("True", "False", "ied", "kidal", "ML-8", "reported", "18.44107818729762"):
        assert raw not in texts.split()


def test_a_new_incident_is_one_undo_away(qtbot, app, db):
    """A new incident reached the undo stack only in name: the op's second success callback (select it)
    replaced the first (push it), so Undo skipped it."""
    ident = new_incident(qtbot, app)
    assert app.undo_stack.count() == 1 and app.undo_stack.undoText() == "New incident"
    written(qtbot, app, app.undo_action)
    assert sql(db, "SELECT deleted FROM incidents WHERE id=?", ident) == [(1,)]
    written(qtbot, app, app.redo_action)
    assert sql(db, "SELECT deleted FROM incidents WHERE id=?", ident) == [(0,)]
