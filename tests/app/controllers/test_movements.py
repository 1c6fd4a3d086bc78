"""Movements in the window: the line on the map follows the movement's status on the date (planned dashed, under
way solid with its progress, arrived faded), edits through the form are audited and undone, the timeline's lane and
the site card list them, and a movement's "Route risk" shows its route."""
from datetime import date

from PySide6.QtCore import Qt

from db.movements import audit, queries
from tests.app.conftest import wait_for_ops

BER_CONVOY = "cfd14e3c-2cb6-5cbd-be51-ba5b5ed5e9d7"
GOUNDAM_TIMBUKTU = "bf9950cb-4f82-5865-b362-29a8817385ea"


def on(qtbot, w, day):
    w.state.cursor.set_date(day)
    wait_for_ops(qtbot, w.state)
    return w.map.movement_layer.states()


def test_a_movement_line_follows_its_status_on_the_date(main_window, qtbot):
    w = main_window
    wait_for_ops(qtbot, w.state)
    assert on(qtbot, w, date(2023, 8, 5)) == {m: "planned" for m in on(qtbot, w, date(2023, 8, 5))}
    assert on(qtbot, w, date(2023, 8, 5))[BER_CONVOY] == "planned"  # 8 days before it left
    states = on(qtbot, w, date(2023, 8, 15))
    assert states[BER_CONVOY] == "under-way" and states[GOUNDAM_TIMBUKTU] == "planned"
    ber = next(m for m in w.map.movement_layer.lines if m.id == BER_CONVOY)
    assert ber.done is None  # its arrival is not known: no progress to draw
    rows = [r.text for r in w.map.legend.rows()]
    assert {"Movements", "planned", "under way"} <= set(rows)

    w.movement_controller.edit_movement(BER_CONVOY)
    qtbot.waitUntil(lambda: w.movement_controller.form is not None)
    form = w.movement_controller.form
    form.texts["arrived_on"].setText("2023-08-16")
    assert form.error_labels["arrived_on"].isVisibleTo(form)  # an arrival needs the status that says so
    assert not form.save_button.isEnabled()
    form.status.setCurrentIndex(form.status.findData("arrived"))
    assert form.save_button.isEnabled()
    qtbot.keyClick(form.texts["arrived_on"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.movement_controller.form is None)
    wait_for_ops(qtbot, w.state)
    assert on(qtbot, w, date(2023, 8, 15))[BER_CONVOY] == "under-way"
    ber = next(m for m in w.map.movement_layer.lines if m.id == BER_CONVOY)
    assert ber.done is not None and len(ber.done[0]) >= 2  # a third of the way on its second day of three
    assert on(qtbot, w, date(2023, 8, 17))[BER_CONVOY] == "arrived"
    assert [a.action for a in audit.trail(w.state.db, BER_CONVOY)] == ["create", "update"]

    w.incident_controller.undo_action.trigger()  # one undo stack for the window
    wait_for_ops(qtbot, w.state)
    assert queries.get(w.state.db, BER_CONVOY).status == "under-way"
    assert on(qtbot, w, date(2023, 8, 17))[BER_CONVOY] == "under-way"


def test_new_movement_in_the_table_timeline_and_site_card(main_window, qtbot):
    w = main_window
    w.state.cursor.set_date(date(2023, 9, 1))
    wait_for_ops(qtbot, w.state)
    form = w.movement_controller.new_movement()
    form.from_site.setCurrentIndex(form.from_site.findData("gao"))
    form.to_site.setCurrentIndex(form.to_site.findData("menaka"))
    form.texts["via"].setText("ansongo")
    form.texts["incidents"].setText("not-in-the-log")
    assert form.save_button.isEnabled()  # the log is asked on Save, in an op
    form.accept()
    qtbot.waitUntil(lambda: form.error_labels["incidents"].text() == "no incident 'not-in-the-log' in the log")
    assert w.movement_controller.form is form
    form.texts["incidents"].setText("")
    form.accept()
    qtbot.waitUntil(lambda: w.state.selection[0] == "movement", timeout=10_000)
    wait_for_ops(qtbot, w.state)
    ident = w.state.selection[1]
    assert w.movements.selected_id() == ident
    undo = w.incident_controller.undo_stack
    assert undo.undoText() == "New movement"  # one undo away (it was never pushed)
    undo.undo()
    qtbot.waitUntil(lambda: ident not in w.map.movement_layer.states())
    undo.redo()  # restored, not created again under the same id
    qtbot.waitUntil(lambda: ident in w.map.movement_layer.states())
    wait_for_ops(qtbot, w.state)
    w.movements.select_movement(ident)
    row = w.movements.selected_row()
    assert (row.route, row.status_label, row.planned_departure) == ("Gao → Ansongo → Ménaka", "planned",
                                                                    date(2023, 9, 1))
    assert w.map.movement_layer.states()[ident] == "planned" and w.map.movement_layer.selected == ident
    assert ident in w.timeline._moves and w.timeline._chosen == ident
    w.state.select("site", "gao")
    assert "→ Ménaka: planned for 1 September 2023" in w.site_card.text()

    assert not w.movements.buttons["delete"].isEnabled()  # the selection moved to the site
    w.movements.view.selectRow(next(i for i in range(w.movements.proxy.rowCount())
                                    if w.movements.proxy.index(i, 0).data(Qt.ItemDataRole.UserRole + 1) == ident))
    assert w.state.selection == ("movement", ident)
    w.movements.buttons["delete"].click()
    wait_for_ops(qtbot, w.state)
    assert ident not in w.map.movement_layer.states() and ident not in w.timeline._moves
    w.movements.show_deleted.setChecked(True)
    w.movements.select_movement(ident)
    assert w.movements.buttons["restore"].isEnabled()


def test_a_movements_route_risk_shows_its_route(main_window, qtbot):
    w = main_window
    w.state.cursor.set_date(date(2023, 8, 20))
    wait_for_ops(qtbot, w.state)
    w.movements.select_movement(BER_CONVOY)
    w.movements.buttons["route"].click()
    qtbot.waitUntil(lambda: bool(w.route_controller.slots["A"].stretches), timeout=30_000)
    assert w.docks[-1].isVisible()
    assert w.route_panel.columns["A"].title.text().startswith("A: Ber → Timbuktu (movement of 13 Aug 2023)")
    wait_for_ops(qtbot, w.state)
